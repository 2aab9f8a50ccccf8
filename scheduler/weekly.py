"""The Monday weekly report: the scheduler decides when and to whom; bot/ builds it.

reports/ is a sibling layer, so the job takes a `WeeklySource` that bot/ provides (see
bot/scheduler_wiring.py). The source returns the text and the files already saved where
the outbox sender can read them; this module queues one text and one document per file
for every supervisor, and the echo wall's tally for the echo channel.

Each supervisor reads it in their script: the text and captions are converted as the row is
written (`scheduler.enqueue`), and the files (a chart's words, the ledger's) are drawn in
each script a supervisor reads, so the source is asked for those.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from core.config import Config
from core.enums import Script
from scheduler.enqueue import BULK, Pending, Row
from scheduler.people import People
from storage.uow import Database, SqlUnitOfWork


@dataclass(frozen=True, slots=True)
class Document:
    path: Path
    filename: str
    caption: str = ""


@dataclass(frozen=True, slots=True)
class WeeklyContent:
    week: str  # the first day of the reported week, e.g. "2026-11-16": part of the dedup key
    text: str
    documents: Sequence[Document] = field(default_factory=tuple)  # drawn in Simplified
    echo_summary: str | None = None
    # The files drawn in another script, for the supervisors who read it.
    documents_in: Mapping[Script, Sequence[Document]] = field(default_factory=dict)

    def documents_for(self, script: Script) -> Sequence[Document]:
        return self.documents_in.get(script, self.documents)


class WeeklySource(Protocol):
    async def __call__(
        self, now: datetime, scripts: Collection[Script] = (Script.HANS,)
    ) -> WeeklyContent:
        """Build last week's report as of `now` and save its files, drawn in each of
        `scripts`."""


async def send_weekly(db: Database, cfg: Config, source: WeeklySource, now: datetime) -> int:
    """Queue the weekly report; returns the rows queued (0 when this week's went out already)."""
    async with db.uow(read_only=True) as uow:
        readers = await _readers(uow, cfg)
    content = await source(now, sorted({Script.HANS, *readers.values()}))
    key = f"weekly:{content.week}"
    out = Pending()
    async with db.uow() as uow:
        for chat_id in await People(uow, cfg).supervisors_or_up():
            script = readers.get(chat_id, Script.HANS)
            rows = [Row(chat_id, content.text, f"{key}:{chat_id}:text", "report", BULK)]
            for i, doc in enumerate(content.documents_for(script)):
                rows.append(
                    Row(
                        chat_id,
                        "",
                        f"{key}:{chat_id}:doc{i}",
                        "report",
                        BULK,
                        method="send_document",
                        extra={
                            "path": str(doc.path),
                            "filename": doc.filename,
                            "caption": doc.caption,
                        },
                        script=script,  # the caption in the file's script
                    )
                )
            for row in rows:
                out.add(row, now)
        if content.echo_summary and cfg.echo_wall_chat is not None:
            row = Row(cfg.echo_wall_chat, content.echo_summary, f"{key}:echo", "echo", BULK)
            out.add(row, now)
        queued = await out.write(uow)
        await uow.commit()
    return queued


async def _readers(uow: SqlUnitOfWork, cfg: Config) -> dict[int, Script]:
    """The script each supervisor (or admin, when none is reachable) has stored."""
    return await uow.users.scripts(await People(uow, cfg).supervisors_or_up())
