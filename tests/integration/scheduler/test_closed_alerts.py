"""The sweep closing a ticket its requester left unanswered tells every alert that still
said it waits what became of it: one sent, and one a sender holds (on its way to Telegram)
as soon as it is recorded sent, as the desk's changes do (docs/scheduler.md)."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from sqlalchemy import update

from bot.outbox import SimulatedClock
from bot.outbox.edit_targets import kept_targets
from bot.outbox.recorder import SentRecorder
from core.config import Config
from core.enums import Status
from core.lifecycle import (
    LEADER_ACCEPT_PROMPT,
    PROMPTS,
    REMIND_ACCEPT_PROMPT,
    REMIND_RESOLVE_PROMPT,
    RESOLVE_PROMPT,
)
from core.model import OutboxMessage
from core.services import BUTTONS_OFF
from scheduler.sweep import sweep
from storage.tables import outbox
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

TEAM_CHAT = -1001000000001
_message_ids = itertools.count(7000)


@pytest.fixture
async def desk(db: Database, demo_config: Config) -> Harness:
    harness = Harness(db, demo_config)
    await harness.seed()
    return harness


async def _deliver(desk: Harness, *purposes: str) -> dict[tuple[int, int], str]:
    """The sender delivers the waiting rows of `purposes`: {(chat, message id): purpose}."""
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    sent = {}
    for row in await desk.outbox():
        if row.status == "pending" and row.purpose in purposes:
            message_id = next(_message_ids)
            await recorder.record(row, message_id)
            sent[(row.chat_id, message_id)] = row.purpose
    return sent


async def _alert_edits(desk: Harness) -> list[OutboxMessage]:
    return [r for r in await desk.outbox() if r.purpose == "alert_edit"]


async def _buttons_off(desk: Harness) -> list[OutboxMessage]:
    return [r for r in await desk.outbox() if r.purpose == BUTTONS_OFF]


async def _close_unanswered(desk: Harness) -> str:
    """The farmer never answers the team's question: the sweep reminds them, then closes
    the ticket; when it closed, as the news says it."""
    desk.clock.advance(hours=49)
    await sweep(desk.db, desk.cfg, desk.clock())
    desk.clock.advance(hours=49)
    await sweep(desk.db, desk.cfg, desk.clock())
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.closed_at is not None
    return ticket.closed_at.astimezone(desk.cfg.zone).strftime("%m-%d %H:%M")


async def test_a_reminder_on_its_way_when_the_sweep_closes_the_call_is_told_once_sent(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.resolve_due_at is not None
    desk.clock.now = ticket.resolve_due_at
    await sweep(desk.db, desk.cfg, desk.clock())  # the team is reminded to resolve it
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "烤房是几号房？", chat=TEAM_CHAT)
    reminders = [r for r in await desk.outbox() if r.purpose == REMIND_RESOLVE_PROMPT]
    assert reminders and {r.status for r in reminders} == {"pending"}  # the sender is behind
    desk.clock.advance(hours=49)
    await sweep(desk.db, desk.cfg, desk.clock())  # the farmer is reminded
    desk.clock.advance(hours=49)
    # A sender holds the reminders (on their way to Telegram) as the sweep closes the call.
    async with desk.db.engine.begin() as conn:
        await conn.execute(
            update(outbox)
            .where(outbox.c.purpose == REMIND_RESOLVE_PROMPT)
            .values(locked_until=desk.clock() + timedelta(minutes=1))
        )
    await sweep(desk.db, desk.cfg, desk.clock())
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.closed_at is not None
    at = ticket.closed_at.astimezone(desk.cfg.zone).strftime("%m-%d %H:%M")
    edits = {int(r.payload["ref_row"]): r for r in await _alert_edits(desk)}
    assert set(edits) == {r.id for r in reminders}
    for edit in edits.values():
        assert str(edit.payload["text"]).startswith(
            f"⏰ 工单 10019 曾超过办结时限，{at} 已处理：未补充关闭。\n"
        )
        assert "buttons" not in edit.payload and "message_id" not in edit.payload
    sent = await _deliver(desk, REMIND_RESOLVE_PROMPT)
    assert len(sent) == len(reminders)
    # The news edits each once it is recorded sent, its 办结 with it: no other edit.
    assert await _buttons_off(desk) == []
    message_of = {r.id: r.result_message_id for r in await desk.outbox()}
    async with desk.db.uow() as uow:
        for row_id, edit in edits.items():
            targets = await kept_targets(uow, edit, postpone_until=desk.clock())
            assert targets == [message_of[row_id]]


async def test_a_call_asked_about_before_anyone_took_it_then_closed_tells_its_reminders(
    desk: Harness,
) -> None:
    """需补充 before 接单 leaves the team's reminder and its leader's alert saying nobody has
    taken the call; the sweep's close unanswered tells them what became of it instead of
    only taking their 接单."""
    ticket_id = await desk.file_110(FARMER)  # 09:00, accept due 09:10
    for _ in range(21):  # the team reminded, the leader alerted
        desk.clock.advance(minutes=1)
        await sweep(desk.db, desk.cfg, desk.clock())
    sent = await _deliver(desk, *PROMPTS)
    assert {chat for chat, _ in sent} >= {TEAM_CHAT, LEADER}
    assert set(sent.values()) >= {REMIND_ACCEPT_PROMPT}
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "风机有没有声音？", chat=TEAM_CHAT)
    at = await _close_unanswered(desk)
    told = {(r.chat_id, int(r.payload["message_id"])): r for r in await _alert_edits(desk)}
    assert set(told) == set(sent)
    # The leader, paged with the team's reminder (nobody on duty), keeps both first words.
    heads = {REMIND_ACCEPT_PROMPT: "⏰", LEADER_ACCEPT_PROMPT: "⚠️"}
    for place, edit in told.items():
        assert str(edit.payload["text"]).startswith(
            f"{heads[sent[place]]} 工单 10019 曾超过接单时限，{at} 已处理：未补充关闭。\n"
        )
        assert "还没有人接单" not in str(edit.payload["text"])
    assert await _buttons_off(desk) == []


async def test_a_nudge_to_resolve_a_call_then_closed_unanswered_says_so(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")  # ⏰ 督办提醒 with 办结
    sent = await _deliver(desk, RESOLVE_PROMPT)
    assert sent
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "烤房是几号房？", chat=TEAM_CHAT)
    at = await _close_unanswered(desk)
    told = {(r.chat_id, int(r.payload["message_id"])): r for r in await _alert_edits(desk)}
    assert set(told) == set(sent)
    for edit in told.values():
        assert str(edit.payload["text"]).startswith(
            f"⏰ 督办提醒：工单 10019 {at} 已处理：未补充关闭。\n"
        )
    assert await _buttons_off(desk) == []
