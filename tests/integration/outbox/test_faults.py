"""429, 500, dropped connections, slow replies, bad requests: retried, recorded, never lost."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

import pytest

from core.config import Config
from core.model import OutboxMessage
from storage.uow import Database
from tests.integration.outbox.conftest import Rig, message
from tests.support.fake_bot_fixtures import SHORT_READ_TIMEOUT, make_sender, ptb_bot_for
from tests.support.tickets import FARMER, LEADER, T0, new_ticket

TEAM_CHAT = -1001000000001

# PTB's own RetryAfter constructor warns about its int form (unless PTB_TIMEDELTA is set).
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")
# Faults whose handling touches no backend-specific SQL run on SQLite only, to keep the
# suite fast; rescheduling, dead rows and escalation run on both backends.
sqlite_only = pytest.mark.parametrize("db", ["sqlite"], indirect=True)


async def test_retry_after_pushes_the_row_back_and_pauses_only_that_chat(rig: Rig) -> None:
    rig.api.inject("retry_after", chat_id=21, retry_after=7)
    slowed, other = await rig.queue(message(21, "甲"), message(22, "乙"))

    await rig.sender.drain_once()
    row = await rig.row(slowed)
    assert row.status == "pending" and row.attempts == 0
    assert row.not_before >= T0 + timedelta(seconds=7)
    assert "Flood control" in row.last_error
    assert (await rig.row(other)).status == "sent"
    assert rig.sender.limiter.chat_delay(21) > 6 and rig.sender.limiter.global_pause() == 0

    await rig.sender.drain_all()
    [call] = rig.api.sent_to(21)
    assert call.at >= 7.0  # not a moment before Telegram allowed
    assert (await rig.row(slowed)).status == "sent"


@sqlite_only
async def test_retry_after_on_several_chats_pauses_every_send(rig: Rig) -> None:
    rig.api.inject("retry_after", chat_id=23, retry_after=5)
    rig.api.inject("retry_after", chat_id=24, retry_after=5)
    await rig.queue(message(23, "甲"), message(24, "乙"))
    await rig.sender.drain_once()
    assert rig.sender.limiter.global_pause() > 4

    await rig.queue(message(25, "丙", at=rig.clock.now()))
    await rig.sender.drain_all()
    assert rig.api.sent_to(25)[0].at >= 5.0
    assert sorted(rig.api.texts()) == ["丙", "乙", "甲"]


async def test_server_errors_are_retried_with_growing_jittered_delays(rig: Rig) -> None:
    rig.api.inject("server_error", chat_id=31, times=2)
    [row_id] = await rig.queue(message(31, "风机不转"))
    await rig.sender.drain_all()

    attempts = [c for c in rig.api.calls if c.chat_id == 31]
    assert [c.status for c in attempts] == [500, 500, 200]
    first_gap, second_gap = (b.at - a.at for a, b in itertools.pairwise(attempts))
    assert 1.0 <= first_gap <= 2.1 and 2.0 <= second_gap <= 4.1  # base 2 s, doubled, x0.5-1
    row = await rig.row(row_id)
    assert row.status == "sent" and row.attempts == 3 and "Internal Server Error" in row.last_error


@sqlite_only
async def test_a_dropped_connection_is_retried(rig: Rig) -> None:
    rig.api.inject("drop", chat_id=32)
    [row_id] = await rig.queue(message(32, "甲"))
    await rig.sender.drain_all()
    row = await rig.row(row_id)
    assert row.status == "sent" and row.attempts == 2
    assert "Server disconnected" in row.last_error
    assert rig.api.texts(32) == ["甲"]


@sqlite_only
async def test_a_slow_reply_times_out_and_is_retried(rig: Rig) -> None:
    rig.api.inject("delay", chat_id=33, seconds=SHORT_READ_TIMEOUT + 0.2)
    [row_id] = await rig.queue(message(33, "甲"))
    async with ptb_bot_for(rig.api, timeout=SHORT_READ_TIMEOUT) as impatient_bot:
        await make_sender(rig.db, rig.cfg, impatient_bot, rig.clock).drain_all()
    row = await rig.row(row_id)
    assert row.status == "sent" and row.attempts == 2 and "Timed out" in row.last_error
    # Telegram may have delivered the slow one too: at least once, never lost.
    assert 1 <= len(rig.api.texts(33)) <= 2


async def test_a_bad_request_is_dead_at_once_recorded_and_escalated(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    rig.api.inject("bad_request", chat_id=FARMER)  # "Bad Request: chat not found"
    [row_id] = await rig.queue(message(FARMER, "已受理", ticket_id=ticket.id, purpose="notify"))
    await rig.sender.drain_all()

    assert len([c for c in rig.api.calls if c.chat_id == FARMER]) == 1  # no retry
    row = await rig.row(row_id)
    assert row.status == "dead" and row.attempts == 1 and "Chat not found" in row.last_error
    async with db.uow(read_only=True) as uow:
        events = await uow.tickets.events(ticket.id or 0)
    assert events[-1].action == "delivery_failed" and events[-1].data["chat_id"] == FARMER
    [alert] = rig.api.texts(TEAM_CHAT)
    assert ticket.label in alert and "已受理" in alert


async def test_a_team_chat_refusing_a_card_and_its_header_is_told_of_once_per_delivery(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """A header and the card it heads, queued together, are one delivery: the leaders hear
    once that it failed, not once for each message. A message queued later that fails too
    is another loss, and is told of again."""
    ticket = await new_ticket(db, demo_config)
    rig.api.inject("bad_request", chat_id=TEAM_CHAT, times=None)
    header, card = await rig.queue(
        message(TEAM_CHAT, "抄送：工单", ticket_id=ticket.id),
        message(TEAM_CHAT, "新工单卡片", ticket_id=ticket.id, purpose="card"),
    )
    await rig.sender.drain_all()

    assert [(await rig.row(r)).status for r in (header, card)] == ["dead", "dead"]
    async with db.uow(read_only=True) as uow:
        events = await uow.tickets.events(ticket.id or 0)
    assert [e.action for e in events].count("delivery_failed") == 2  # each noted
    [alert] = rig.api.texts(LEADER)
    assert ticket.label in alert and "Chat not found" in alert

    later = T0 + timedelta(hours=1)
    rig.clock.advance(3600)
    await rig.queue(message(TEAM_CHAT, "请尽快接单", at=later, ticket_id=ticket.id))
    await rig.sender.drain_all()
    assert len(rig.api.texts(LEADER)) == 2


@sqlite_only
async def test_a_group_that_became_a_supergroup_gets_the_row_at_its_new_id(rig: Rig) -> None:
    rig.api.inject("migrated", chat_id=-4001, migrate_to=-1004001)
    [row_id] = await rig.queue(message(-4001, "群升级了"))
    await rig.sender.drain_all()
    row = await rig.row(row_id)
    assert row.status == "sent" and row.chat_id == -1004001 and row.attempts == 1
    assert rig.api.texts(-1004001) == ["群升级了"]


async def test_a_team_chat_that_became_a_supergroup_is_bound_to_its_new_id(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    new_chat = -1001000099999
    rig.api.inject("migrated", chat_id=TEAM_CHAT, migrate_to=new_chat)
    [card] = await rig.queue(
        message(TEAM_CHAT, "【紧急】新工单", ticket_id=ticket.id, purpose="card")
    )
    await rig.sender.drain_all()
    assert (await rig.row(card)).chat_id == new_chat and rig.api.texts(new_chat)
    # The team's next messages (cards, reminders, its /queue there) use the new chat.
    async with db.uow(read_only=True) as uow:
        binding = await uow.team_chats.get("curing-qingshan")
    assert binding is not None and binding.chat_id == new_chat


@sqlite_only
async def test_an_edit_in_a_group_that_became_a_supergroup_is_said_anew_in_the_new_one(
    rig: Rig,
) -> None:
    # Message ids do not carry over: the supergroup's message 1 is another message, which
    # stays as it is; the edit's text is a new message there.
    await rig.queue(message(-1004001, "另一张卡片"))
    await rig.sender.drain_all()
    rig.api.inject("migrated", chat_id=-4001, migrate_to=-1004001)
    [edit] = await rig.queue(
        OutboxMessage(-4001, "edit_message", {"text": "已接单", "message_id": 1}, T0, T0)
    )
    await rig.sender.drain_all()
    assert rig.api.messages[(-1004001, 1)]["text"] == "另一张卡片"
    assert rig.api.texts(-1004001) == ["另一张卡片", "已接单"]
    row = await rig.row(edit)
    assert (row.status, row.chat_id) == ("sent", -1004001)
    assert "migrated to supergroup" in row.last_error


@sqlite_only
async def test_retries_run_out_then_the_row_is_dead(rig: Rig) -> None:
    sender = rig.new_sender(max_attempts=3)
    rig.api.inject("server_error", method="sendVoice", times=None)  # not supported here
    voice, text = await rig.queue(
        OutboxMessage(34, "send_voice", {"file_id": "AwAD"}, T0, T0), message(34, "文字")
    )
    await sender.drain_all()
    row = await rig.row(voice)
    assert row.status == "dead" and row.attempts == 3
    assert (await rig.row(text)).status == "sent"  # the sender went on regardless


@sqlite_only
async def test_an_undeliverable_payload_is_dead_without_calling_telegram(rig: Rig) -> None:
    [row_id] = await rig.queue(OutboxMessage(35, "send_message", {"text": " "}, T0, T0))
    await rig.sender.drain_all()
    row = await rig.row(row_id)
    assert row.status == "dead" and "blank" in row.last_error
    assert rig.api.calls_of("sendMessage") == []


@sqlite_only
async def test_photos_locations_voices_and_report_files_are_sent(rig: Rig, tmp_path: Path) -> None:
    report = tmp_path / "ledger.xlsx"
    report.write_bytes(b"PK\x03\x04 fake workbook")
    await rig.queue(
        OutboxMessage(36, "send_photo", {"file_id": "AgAD-photo", "caption": "现场"}, T0, T0),
        OutboxMessage(-100777, "send_location", {"lat": 27.7, "lon": 106.9}, T0, T0),
        OutboxMessage(-100777, "send_voice", {"file_id": "AwAD-voice"}, T0, T0),
        OutboxMessage(
            -100777,
            "send_document",
            {"path": str(report), "filename": "台账.xlsx", "caption": "本周台账"},
            T0,
            T0,
        ),
    )
    await rig.sender.drain_all()
    methods = [c.method for c in rig.api.sent]
    assert methods == ["sendPhoto", "sendLocation", "sendVoice", "sendDocument"]
    document = rig.api.calls_of("sendDocument")[0]
    assert document.filenames["document"] == "台账.xlsx"
    assert document.files["document"].startswith(b"PK")
    assert all(r.status == "sent" for r in await rig.rows())
