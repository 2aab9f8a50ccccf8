"""A report file over Telegram's size limit (413 Request Entity Too Large): dead at once,
never retried, and its recipient is told in their script, in its place, what to do instead."""

from __future__ import annotations

from pathlib import Path

from core.enums import Script
from core.model import OutboxMessage, User
from tests.integration.outbox.conftest import Rig
from tests.support.tickets import SUPERVISOR, T0


def _weekly_file(tmp_path: Path, name: str = "周报-2026-11-16.xlsx") -> OutboxMessage:
    report = tmp_path / name
    report.write_bytes(b"PK\x03\x04 a file Telegram finds too large")
    payload = {"path": str(report), "filename": name, "caption": "本周台账"}
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
    assert "周报-2026-11-16.xlsx太大" in note and "/ledger 按較短的時段" in note  # 繁體


async def test_the_note_in_place_of_a_file_is_written_once(rig: Rig, tmp_path: Path) -> None:
    rig.api.inject("too_large", method="sendDocument", times=None)
    await rig.queue(_weekly_file(tmp_path))
    await rig.sender.drain_all()
    await rig.new_sender().drain_all()  # a second sender finds nothing more to do
    notes = [r for r in await rig.rows() if r.method == "send_message"]
    assert [(r.chat_id, r.status) for r in notes] == [(SUPERVISOR, "sent")]
    assert "/ledger 按较短的时段" in str(notes[0].payload["text"])  # a stranger: Simplified


async def test_the_weekly_workbook_too_large_is_not_asked_for_again_as_it_was(
    rig: Rig, tmp_path: Path
) -> None:
    """The weekly report is last week's ledger: 上周 again (or a whole month) would be just
    as large; the note asks for shorter periods, by their days."""
    rig.api.inject("too_large", method="sendDocument", times=None)
    await rig.queue(_weekly_file(tmp_path, "台账_2026-11-16_2026-11-22.xlsx"))
    await rig.sender.drain_all()
    [note] = rig.api.texts(SUPERVISOR)
    assert "上周" not in note and "/ledger 2026-11。" not in note
    assert "/ledger 2026-11-16..2026-11-18" in note


async def test_the_weekly_chart_too_large_asks_for_no_ledger(rig: Rig, tmp_path: Path) -> None:
    rig.api.inject("too_large", method="sendDocument", times=None)
    await rig.queue(_weekly_file(tmp_path, "服务指标_2026-11-16_2026-11-22.png"))
    await rig.sender.drain_all()
    [note] = rig.api.texts(SUPERVISOR)
    assert "服务指标_2026-11-16_2026-11-22.png太大" in note and "/ledger" not in note
