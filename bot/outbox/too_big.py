"""A chart or file over Telegram's size limit (50 MB for a file, 10 MB for a photo).

Telegram answers 413 "Request Entity Too Large" (or 400 "file is too big"), and would say
the same to every retry, so such a file is never retried nor queued, and nobody is told to
ask again: whoever was to get it gets a note in its place, in their script, saying what to
do instead. A direct reply (a supervisor's /ledger workbook or /stats chart) shows the note
at once (`in_its_place`); an outbox row (the weekly report's files) is settled dead and the
note is queued in the same transaction (`note_for_row`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath

from core.model import OutboxMessage, reader_script
from core.written import unwrapped
from handlers.i18n import as_written, t
from handlers.replies import Reply
from handlers.report_hints import shorter_periods
from handlers.stand_ins import with_note
from storage.uow import SqlUnitOfWork

_FILES = ("send_document", "send_photo", "send_voice")
_WORKBOOKS = (".xlsx", ".csv")


def in_its_place(reply: Reply) -> Reply | None:
    """The message to show instead of `reply`'s chart or file, which Telegram refused as too
    large: what the desk said to say then, else its caption with a general note in the
    caption's script. None for a reply without a chart or file."""
    if reply.photo is None and reply.document is None:
        return None
    return Reply(reply.too_big or with_note(reply, "file_too_big"))


async def note_for_row(
    uow: SqlUnitOfWork, row: OutboxMessage, now: datetime
) -> OutboxMessage | None:
    """The outbox row telling `row`'s recipient that its file was too large to send (None
    when `row` carries no file)."""
    if row.method not in _FILES:
        return None
    script = reader_script(await uow.users.get(row.chat_id) if row.chat_id > 0 else None)
    name = row.payload.get("filename") or row.payload.get("path")
    what = as_written(PurePath(str(name)).name) if name else t("file", script)
    note = unwrapped(t("file_too_big", script, what=what))  # the file's name as it is named
    if row.purpose == "report" and PurePath(str(name)).suffix in _WORKBOOKS:
        # A supervisor's report's workbook: /ledger exports it in shorter parts.
        note += shorter_periods(str(name), script)
    payload: dict[str, object] = {"text": note}
    if "thread_id" in row.payload:
        payload["thread_id"] = row.payload["thread_id"]
    return OutboxMessage(
        chat_id=row.chat_id,
        method="send_message",
        payload=payload,
        created_at=now,
        not_before=now,
        priority=row.priority,
        ticket_id=row.ticket_id,
        purpose=row.purpose,
        dedup_key=f"too_large:{row.id}",
    )
