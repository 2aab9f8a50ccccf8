"""A report file over Telegram's size limit (413 Request Entity Too Large): dead at once,
never retried, and its recipient is told in their script, in its place, what to do instead."""

from __future__ import annotations

from pathlib import Path

from core.enums import Script
from core.model import OutboxMessage, User
from tests.integration.outbox.conftest import Rig
from tests.support.tickets import SUPERVISOR, T0


def _weekly_file(tmp_path: Path) -> OutboxMessage:
    report = tmp_path / "weekly.xlsx"
    report.write_bytes(b"PK\x03\x04 a workbook Telegram finds too large")
    payload = {"path": str(report), "filename": "周报-2026-11-16.xlsx", "caption": "本周台账"}
    return OutboxMessage(SUPERVISOR, "send_document", payload, T0, T0, priority=2, purpose="report")


async def test_a_file_too_large_is_not_retried_and_its_reader_is_told(
    rig: Rig, tmp_path: Path
) -> None:
    async with rig.db.uow() as uow:
        await uow.users.add(User(SUPERVISOR, T0, name="赵督办", script=Script.HANT))
        await uow.commit()
    rig.api.inject("too_large", method="sendDocument", times=None)
    [row_id] = await rig.queue(_weekly_file(tmp_path))

    await rig.sender.drain_all()

    assert [c.status for c in rig.api.calls_of("sendDocument")] == [413]
    row = await rig.row(row_id)
    assert row.status == "dead" and row.attempts == 1
    assert "Request Entity Too Large" in row.last_error
    [note] = rig.api.texts(SUPERVISOR)
    assert "周报-2026-11-16.xlsx太大" in note and "/ledger 上週" in note  # in Traditional


async def test_the_note_in_place_of_a_file_is_written_once(rig: Rig, tmp_path: Path) -> None:
    rig.api.inject("too_large", method="sendDocument", times=None)
    await rig.queue(_weekly_file(tmp_path))
    await rig.sender.drain_all()
    await rig.new_sender().drain_all()  # a second sender finds nothing more to do
    notes = [r for r in await rig.rows() if r.method == "send_message"]
    assert [(r.chat_id, r.status) for r in notes] == [(SUPERVISOR, "sent")]
    assert "/ledger 上周" in str(notes[0].payload["text"])  # a stranger to the bot: Simplified
