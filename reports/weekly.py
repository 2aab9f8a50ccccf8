"""The weekly report for supervisors, sent by the scheduler on Monday morning.

Last week's chart (PNG), ledger (xlsx) and a summary text, plus the echo wall's weekly tally.
Building it only reads; the scheduler decides who gets it and enqueues the messages.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.config import Config
from core.enums import Role, Script
from core.texts import WISH_OUTCOME_NAMES
from reports import echo, ledger_files, periods, stats
from reports.labels import writer
from reports.ledger import Ledger, load
from reports.periods import Window
from storage.tables import memberships
from storage.uow import Database


@dataclass(frozen=True, slots=True)
class WeeklyReport:
    window: Window
    text: str  # the /stats table for last week
    chart_png: bytes
    xlsx: bytes
    xlsx_name: str
    echo_summary: str | None  # for the echo channel; None when none is configured
    script: Script = Script.HANS  # the files' (the text is Simplified, converted when sent)

    @property
    def chart_name(self) -> str:
        return writer(self.script)(f"服务指标_{self.window.first_day}_{self.window.last_day}.png")

    def save(self, directory: Path) -> tuple[Path, Path]:
        """Write the chart and the workbook (for send_document rows that carry a path)."""
        directory.mkdir(parents=True, exist_ok=True)
        chart, book = directory / self.chart_name, directory / self.xlsx_name
        _write_whole(chart, self.chart_png)
        _write_whole(book, self.xlsx)
        return chart, book


def _write_whole(path: Path, content: bytes) -> None:
    """Write `path` so that a reader sees the old file or the new one, never half of one:
    a second scheduler, or a catch-up after a restart, writes the week's files again while
    the outbox sender may be reading them for a send_document row."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    partial = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())  # the rename must not land before the bytes do
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def last_week(cfg: Config, now: datetime) -> Window:
    """The Monday-to-Sunday week before the one holding `now` (local time)."""
    return periods.week(now, cfg.zone, weeks_back=1)


async def compute_weekly(
    session: AsyncSession, cfg: Config, now: datetime, script: Script = Script.HANS
) -> WeeklyReport:
    """Last week's report, its chart and workbook drawn in `script`."""
    window = last_week(cfg, now)
    figures = await stats.compute_stats(session, cfg, window, now, script)
    ledger = await load(session, cfg, window, now)
    book = await asyncio.to_thread(ledger_files.xlsx, ledger, script)
    summary = (
        await echo.weekly_summary(session, cfg, window, now)
        if cfg.echo_wall_chat is not None
        else None
    )
    text = figures.text + _wish_line(ledger)
    name = ledger_files.filename(ledger, "xlsx", script)
    return WeeklyReport(window, text, figures.chart_png, book, name, summary, script)


def _wish_line(ledger: Ledger) -> str:
    """The week's wish list: how many were crossed off, and how each of those ended (a wish
    answered as not to be granted is crossed off, not granted)."""
    done, total = ledger.wish_progress
    if not total:
        return ""
    tally = ledger.wish_tally
    ended = "、".join(f"{name} {tally[name]}" for name in WISH_OUTCOME_NAMES.values())
    return f"\n心愿清单：已销号 {done}/{total}，其中{ended}"


async def build_weekly(
    db: Database, cfg: Config, now: datetime, script: Script = Script.HANS
) -> WeeklyReport:
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        return await compute_weekly(uow.session, cfg, now, script)


async def recipients(session: AsyncSession, cfg: Config) -> list[int]:
    """Supervisors from the config and those made so by invitation, each once."""
    query = select(memberships.c.user_id).where(memberships.c.role == Role.SUPERVISOR)
    found = list((await session.execute(query)).scalars())
    return sorted(set(cfg.supervisors) | set(found))
