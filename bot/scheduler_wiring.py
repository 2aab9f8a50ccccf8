"""Wire the scheduler's jobs: the weekly report comes from reports/, which scheduler/ may
not import (a sibling layer), so it is handed in here.

In the bot's process (inside the running event loop):

    jobs = build_jobs(app.db, app.cfg, on_queued=background.wake)
    jobs.start()
    ...
    await jobs.stop()
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core.config import Config
from core.enums import Script
from scheduler.jobs import Jobs, Schedule
from scheduler.weekly import Document, WeeklyContent
from storage.uow import Database

if TYPE_CHECKING:
    from reports.weekly import WeeklyReport

log = logging.getLogger(__name__)


def default_reports_dir() -> Path:
    """Where weekly files wait for the outbox sender: $JINYE_REPORTS_DIR or ./jinye110-reports."""
    return Path(os.environ.get("JINYE_REPORTS_DIR") or Path.cwd() / "jinye110-reports")


class WeeklyFromReports:
    """The scheduler's WeeklySource: build last week's report and save its two files."""

    def __init__(self, db: Database, cfg: Config, directory: Path) -> None:
        self.db = db
        self.cfg = cfg
        self.directory = directory

    async def __call__(
        self, now: datetime, scripts: Collection[Script] = (Script.HANS,)
    ) -> WeeklyContent:
        # Imported when first needed: charts pull in matplotlib, seconds of start-up for a
        # job that runs once a week.
        from reports.weekly import build_weekly

        report = await build_weekly(self.db, self.cfg, now)
        week = report.window.first_day.isoformat()
        drawn = {Script.HANS: await self._save(report, self.directory / "weekly" / week)}
        for script in set(scripts) - {Script.HANS}:
            other = await build_weekly(self.db, self.cfg, now, script)
            drawn[script] = await self._save(other, self.directory / "weekly" / week / script)
        return WeeklyContent(
            week=week,
            text=report.text,
            documents=drawn.pop(Script.HANS),
            echo_summary=report.echo_summary,
            documents_in=drawn,
        )

    @staticmethod
    async def _save(report: WeeklyReport, directory: Path) -> tuple[Document, ...]:
        chart, book = await asyncio.to_thread(report.save, directory)
        # The captions are converted with the row, for a reader of another script.
        return (
            Document(chart, report.chart_name, "服务指标图"),
            Document(book, report.xlsx_name, "上周台账"),
        )


def build_jobs(
    db: Database,
    cfg: Config,
    *,
    schedule: Schedule | None = None,
    reports_dir: Path | None = None,
    weekly: bool = True,
    on_queued: Callable[[], None] | None = None,
) -> Jobs:
    """The jobs with the weekly report and the echo wall from reports/; pass
    `on_queued=background.wake` in the bot's process so new alerts go out at once."""
    source = WeeklyFromReports(db, cfg, reports_dir or default_reports_dir()) if weekly else None
    jobs = Jobs(db, cfg, weekly=source, schedule=schedule, on_queued=on_queued)
    if cfg.echo_wall_chat is not None:
        # Whichever process runs the scheduler posts it: the bot's, or `jinye110 scheduler`.
        wall = EchoWall(db, cfg, on_queued)
        jobs.add("echo-wall", wall, "interval", minutes=2, coalesce=True, max_instances=1)
    return jobs


class EchoWall:
    """Posts newly closed tickets to the echo wall (回音壁), every run."""

    def __init__(self, db: Database, cfg: Config, on_queued: Callable[[], None] | None) -> None:
        self.db, self.cfg, self.on_queued = db, cfg, on_queued

    async def __call__(self) -> int:
        from reports.echo_publisher import publish_recent

        try:
            queued = await publish_recent(self.db, self.cfg, datetime.now(UTC))
        except Exception:
            log.exception("echo wall run failed; the next run retries")
            return 0
        if queued and self.on_queued is not None:
            self.on_queued()
        return queued
