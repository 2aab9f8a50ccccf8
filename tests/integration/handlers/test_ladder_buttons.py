"""The ladder's reminders and alerts lose their buttons once those no longer act on the
ticket: 接单 once it is taken, a team's after a transfer, 催办/改派 once it is resolved; and
those that say the ticket still waits (仍未接单, 仍未办结) say what happened instead."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from bot.outbox import SimulatedClock
from bot.outbox.edit_targets import kept_targets
from bot.outbox.recorder import SentRecorder
from core.enums import Action, Script, Status
from core.lifecycle import (
    ACCEPT_PROMPT,
    EARLIER_ACCEPT_PROMPT,
    LEADER_ACCEPT_PROMPT,
    LEADER_NUDGE_ACCEPT,
    LEADER_NUDGE_RESOLVE,
    LEADER_RESOLVE_PROMPT,
    NEWS_ALERTS,
    OVERSIGHT_ACCEPT_PROMPT,
    OVERSIGHT_RESOLVE_PROMPT,
    PROMPTS,
    REMIND_ACCEPT_PROMPT,
    REMIND_RESOLVE_PROMPT,
    RESOLVE_PROMPT,
    TEAM_ACCEPT_ALERTS,
    WAITING_ACCEPT_PROMPT,
)
from core.model import OutboxMessage
from core.services import BUTTONS_OFF, perform, withdraw_stale_prompts
from scheduler.sweep import sweep
from storage.delivery_repositories import SqlOutboxRepository
from storage.tables import outbox
from tests.support.desk import Harness
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

TEAM_CHAT, BAISHI_CHAT = -1001000000001, -1001000000002
BAISHI_MEMBER = 200011
_message_ids = itertools.count(9000)


async def _ladder(desk: Harness, minutes: int) -> None:
    """`minutes` pass with nobody acting; the sweep runs each minute."""
    for _ in range(minutes):
        desk.clock.advance(minutes=1)
        await sweep(desk.db, desk.cfg, desk.clock())


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


async def _buttons_off(desk: Harness) -> set[tuple[int, int]]:
    return {
        (r.chat_id, int(r.payload["message_id"]))
        for r in await desk.outbox()
        if r.purpose == BUTTONS_OFF and r.method == "edit_buttons" and "buttons" not in r.payload
    }


async def _kept_prompts(desk: Harness, ticket_id: int) -> set[tuple[int, int]]:
    async with desk.db.uow(read_only=True) as uow:
        kept = await uow.ticket_messages.of_ticket(ticket_id, *PROMPTS)
    return {(m.chat_id, m.message_id) for m in kept}


def _of(sent: dict[tuple[int, int], str], *prompts: str) -> set[tuple[int, int]]:
    return {key for key, prompt in sent.items() if prompt in prompts}


async def _edited(desk: Harness) -> dict[tuple[int, int], list[OutboxMessage]]:
    """The alerts edited to their news: {(chat, message id): the edits, oldest first}."""
    edits: dict[tuple[int, int], list[OutboxMessage]] = {}
    for row in await desk.outbox():
        if row.purpose == "alert_edit":
            edits.setdefault((row.chat_id, int(row.payload["message_id"])), []).append(row)
    return edits


async def test_taking_the_call_tells_its_reminder_and_the_leaders_alert_who_took_it(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 21)  # the team reminded, the leader alerted
    sent = await _deliver(desk, *PROMPTS)
    [reminder] = [key for key, prompt in sent.items() if key[0] == TEAM_CHAT]
    # The leader has the team's reminder too (nobody on duty), and their own alert.
    [alert] = [key for key, prompt in sent.items() if prompt == LEADER_ACCEPT_PROMPT]
    assert sent[reminder] == REMIND_ACCEPT_PROMPT and alert[0] == LEADER
    desk.clock.advance(minutes=4)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    edited = await _edited(desk)
    assert set(edited) == set(sent)
    # Filed 09:00, due 09:10, accepted 09:25: each says who took it and how late, in its
    # own words, and loses its 接单 (and the leader's 催办) with the edit.
    taken = "超过接单时限 15分钟，11-18 09:25 已由 青山镇烘烤110服务队 赵队员 接单。"
    [[to_team], [to_leader]] = edited[reminder], edited[alert]
    assert str(to_team.payload["text"]).startswith(f"⏰ 工单 10019 {taken}\n")
    assert str(to_leader.payload["text"]).startswith(f"⚠️ 工单 10019 {taken}\n")
    for edit in (to_team, to_leader):
        assert edit.method == "edit_message" and "buttons" not in edit.payload
        assert "仍未接单" not in str(edit.payload["text"])
        assert "还没有人接单" not in str(edit.payload["text"])
        assert "已接单" in str(edit.payload["text"])  # the card as it is now
    assert await _buttons_off(desk) == set()
    assert await _kept_prompts(desk, ticket_id) == set()
    # The next change finds nothing more to tell or take away.
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    assert len(await _alert_edits(desk)) == len(sent)
    assert await _buttons_off(desk) == set()


async def test_a_reminder_still_waiting_when_the_call_is_taken_is_withdrawn(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 11)  # the team is reminded
    waiting = [r for r in await desk.outbox() if r.purpose == REMIND_ACCEPT_PROMPT]
    assert waiting and all(r.status == "pending" for r in waiting)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    after = {r.id: r.status for r in await desk.outbox()}
    assert {after[r.id] for r in waiting} == {"superseded"}
    assert await _buttons_off(desk) == set() and await _alert_edits(desk) == []


async def test_a_nudge_delivered_after_the_call_was_taken_is_told_who_took_it_once_sent(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")  # the team is nudged, with 接单
    # A sender holds the nudges (on their way to Telegram) while the team accepts.
    async with desk.db.engine.begin() as conn:
        await conn.execute(
            update(outbox)
            .where(outbox.c.purpose == ACCEPT_PROMPT)
            .values(locked_until=desk.clock() + timedelta(minutes=1))
        )
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    held = {r.id: r for r in await desk.outbox() if r.purpose == ACCEPT_PROMPT}
    assert {r.status for r in held.values()} == {"pending"}
    # Their news is written now, and edits each once it is recorded sent (its 接单 with it).
    edits = {int(r.payload["ref_row"]): r for r in await _alert_edits(desk)}
    assert set(edits) == set(held)
    for edit in edits.values():
        assert str(edit.payload["text"]).startswith(
            "⏰ 督办提醒：工单 10019 11-18 09:00 已由 青山镇烘烤110服务队 赵队员 接单。\n"
        )
        assert "buttons" not in edit.payload
    sent = await _deliver(desk, ACCEPT_PROMPT)
    assert sent and await _buttons_off(desk) == set()
    assert await _kept_prompts(desk, ticket_id) == set()


async def test_reminders_and_pages_kept_under_the_earlier_purpose_only_lose_their_buttons(
    desk: Harness,
) -> None:
    """Before reminders, leaders' alerts and 催办 pages each had a purpose of their own,
    all were kept as `ladder_accept`: which one a row was cannot be told, so once the call
    is taken such a row loses its 接单 and keeps its text, rather than being retold as a
    supervisor's page."""
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 21)  # the team reminded, the leader alerted
    await desk.press(LEADER, f"tk:nudge:{ticket_id}")  # a leader's 催办 page
    async with desk.db.engine.begin() as conn:
        await conn.execute(
            update(outbox)
            .where(outbox.c.purpose.in_([*TEAM_ACCEPT_ALERTS, LEADER_NUDGE_ACCEPT]))
            .values(purpose=EARLIER_ACCEPT_PROMPT)
        )
    sent = await _deliver(desk, EARLIER_ACCEPT_PROMPT)
    assert {chat for chat, _ in sent} == {TEAM_CHAT, LEADER}

    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)

    assert await _alert_edits(desk) == []
    assert await _buttons_off(desk) == set(sent)
    assert await _kept_prompts(desk, ticket_id) == set()


async def test_alerts_on_their_way_when_the_call_is_taken_are_told_once_they_are_sent(
    desk: Harness,
) -> None:
    """A sender holds the ladder's alerts (on their way to Telegram) while the team accepts:
    they arrive saying 仍未接单, and the news written then edits them once sent."""
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 45)  # the team, the leader and the supervisors, none sent yet
    async with desk.db.engine.begin() as conn:
        await conn.execute(
            update(outbox)
            .where(outbox.c.purpose.in_(NEWS_ALERTS))
            .values(locked_until=desk.clock() + timedelta(minutes=1))
        )
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    held = {r.id: r for r in await desk.outbox() if r.purpose in NEWS_ALERTS}
    assert {r.status for r in held.values()} == {"pending"}
    edits = {int(r.payload["ref_row"]): r for r in await _alert_edits(desk)}
    assert set(edits) == set(held)
    taken = "超过接单时限 35分钟，11-18 09:45 已由 青山镇烘烤110服务队 赵队员 接单。"
    for row_id, edit in edits.items():
        text = str(edit.payload["text"])
        assert taken in text.splitlines()[0] and "仍未接单" not in text
        assert edit.chat_id == held[row_id].chat_id and "message_id" not in edit.payload
        # The supervisors' keeps 催办/改派 while the call is open; the others lose 接单.
        labels = [b["text"] for line in edit.payload.get("buttons", []) for b in line]
        supervisors = held[row_id].purpose == OVERSIGHT_ACCEPT_PROMPT
        assert labels == (["催办", "改派"] if supervisors else [])
    async with desk.db.uow() as uow:
        [edit] = [e for e in edits.values() if e.chat_id == SUPERVISOR]
        # Not sent yet: the edit waits for it.
        assert await kept_targets(uow, edit, postpone_until=desk.clock()) is None
        await uow.commit()
    sent = await _deliver(desk, *NEWS_ALERTS)
    message_of = {r.id: r.result_message_id for r in await desk.outbox() if r.id in held}
    async with desk.db.uow() as uow:
        for row_id, edit in edits.items():
            [again] = [r for r in await desk.outbox() if r.id == edit.id]
            assert await kept_targets(uow, again, postpone_until=desk.clock()) == [
                message_of[row_id]
            ]
    # The edits take the buttons (or keep the supervisors'): no other edit of them.
    assert await _buttons_off(desk) == set()
    assert await _kept_prompts(desk, ticket_id) == _of(sent, OVERSIGHT_ACCEPT_PROMPT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已恢复供电", chat=TEAM_CHAT)
    assert await _buttons_off(desk) == _of(sent, OVERSIGHT_ACCEPT_PROMPT)


async def test_an_alert_its_sender_let_go_is_withdrawn_and_its_news_edits_nothing(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 21)  # the team and the leader, none sent yet
    async with desk.db.engine.begin() as conn:
        await conn.execute(
            update(outbox)
            .where(outbox.c.purpose.in_(NEWS_ALERTS))
            .values(locked_until=desk.clock() + timedelta(minutes=1))
        )
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    edits = await _alert_edits(desk)
    assert edits and all("ref_row" in e.payload for e in edits)
    # The sender dies holding them; its lease runs out, and the next change withdraws them.
    desk.clock.advance(minutes=2)
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    statuses = {r.status for r in await desk.outbox() if r.purpose in NEWS_ALERTS}
    assert statuses == {"superseded"}
    assert len(await _alert_edits(desk)) == len(edits)  # no news for what never went out
    async with desk.db.uow() as uow:
        for edit in edits:
            assert await kept_targets(uow, edit, postpone_until=desk.clock()) == []


async def test_a_transfer_tells_the_first_teams_prompts_and_resolving_the_supervisors(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 45)  # up to the supervisors
    sent = await _deliver(desk, *PROMPTS)
    team_prompts = _of(sent, *TEAM_ACCEPT_ALERTS)
    oversight = _of(sent, OVERSIGHT_ACCEPT_PROMPT)
    assert team_prompts and SUPERVISOR in {chat for chat, _ in oversight}
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:curing-baishi")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi" and ticket.status is Status.DISPATCHED
    # Still waiting to be taken, but no longer by the first team: its reminders and its
    # leader's alert say where it went, and lose their 接单. The supervisors' 催办/改派
    # still apply.
    edited = await _edited(desk)
    assert set(edited) == team_prompts | oversight
    for key in team_prompts:
        [edit] = edited[key]
        first = str(edit.payload["text"]).splitlines()[0]
        assert first.endswith(
            "工单 10019 曾超过接单时限，11-18 09:45 已转给 白石乡烘烤110服务队，本队无需再处理。"
        )
        assert "buttons" not in edit.payload
    assert await _buttons_off(desk) == set()
    assert await _kept_prompts(desk, ticket_id) == oversight
    await desk.press(BAISHI_MEMBER, f"tk:acc:{ticket_id}", chat=BAISHI_CHAT)
    assert await _buttons_off(desk) == set()
    edited = await _edited(desk)
    assert all(len(edited[key]) == 1 for key in team_prompts)  # told once, not again
    await desk.press(BAISHI_MEMBER, f"tk:res:{ticket_id}", chat=BAISHI_CHAT)
    await desk.send(BAISHI_MEMBER, "已更换温控仪", chat=BAISHI_CHAT)
    assert await _buttons_off(desk) == oversight
    assert await _kept_prompts(desk, ticket_id) == set()


async def test_closing_a_ticket_its_requester_never_answered_tells_the_reminder_to_resolve(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.resolve_due_at is not None
    desk.clock.now = ticket.resolve_due_at
    await _ladder(desk, 1)  # the team is reminded to resolve it
    sent = await _deliver(desk, *PROMPTS)
    assert set(sent.values()) == {REMIND_RESOLVE_PROMPT}
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "烤房是几号房？", chat=TEAM_CHAT)
    # The farmer never answers: the scheduler closes the ticket after the wait.
    for _ in range(2):
        desk.clock.advance(hours=49)
        await sweep(desk.db, desk.cfg, desk.clock())
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.closed_at is not None
    # Its 请尽快办结 no longer holds: each copy says the call was closed unanswered, and
    # loses its 办结 with that edit.
    edited = await _edited(desk)
    assert set(edited) == set(sent) and await _buttons_off(desk) == set()
    at = ticket.closed_at.astimezone(desk.cfg.zone).strftime("%m-%d %H:%M")
    for [edit] in edited.values():
        assert str(edit.payload["text"]).startswith(
            f"⏰ 工单 10019 曾超过办结时限，{at} 已处理：未补充关闭。\n"
        )
        assert "buttons" not in edit.payload
    assert await _kept_prompts(desk, ticket_id) == set()


async def test_a_nudges_news_goes_to_the_message_it_names(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")  # the team is nudged, with 接单
    sent = await _deliver(desk, ACCEPT_PROMPT)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    rows: list[OutboxMessage] = await _alert_edits(desk)
    assert {(r.chat_id, r.payload["message_id"]) for r in rows} == set(sent)
    # A 110's go first, as its card's edits do; the edit takes the buttons with it.
    assert {(r.ticket_id, r.priority, r.status) for r in rows} == {(ticket_id, 0, "pending")}
    assert await _buttons_off(desk) == set()


async def test_accepting_from_a_reminder_leaves_the_buttons_on_the_card(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 11)
    sent = await _deliver(desk, REMIND_ACCEPT_PROMPT)
    [reminder] = [m for chat, m in sent if chat == TEAM_CHAT]
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT, message_id=reminder)
    [edit] = [r for r in out.replies if r.edit]
    # The reminder shows the new state, and loses its buttons; the card is the live copy.
    assert "已接单" in edit.text and not edit.buttons
    [told] = (await _edited(desk))[(TEAM_CHAT, reminder)]
    assert "已由 青山镇烘烤110服务队" in str(told.payload["text"])
    assert "buttons" not in told.payload


async def test_a_sender_does_not_take_a_reminder_while_the_call_is_being_taken(
    desk: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the step that accepts the call reads its waiting reminders, a sender (another
    connection) looking for work skips them; the step settles them as superseded."""
    if desk.db.is_sqlite:
        pytest.skip("SQLite has one writer at a time: no sender can step in")
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 11)
    taken: list[OutboxMessage] = []
    read_waiting = SqlOutboxRepository.waiting

    async def a_sender_looks_meanwhile(
        repo: SqlOutboxRepository, *args: Any, **kwargs: Any
    ) -> Sequence[OutboxMessage]:
        rows = await read_waiting(repo, *args, **kwargs)
        async with desk.db.uow() as sender:
            taken.extend(await sender.outbox.claim(desk.clock(), 100, 60))
            await sender.commit()
        return rows

    monkeypatch.setattr(SqlOutboxRepository, "waiting", a_sender_looks_meanwhile)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    monkeypatch.undo()
    assert not [r for r in taken if r.purpose == REMIND_ACCEPT_PROMPT]
    statuses = {r.status for r in await desk.outbox() if r.purpose == REMIND_ACCEPT_PROMPT}
    assert statuses == {"superseded"}


async def test_a_reminder_recorded_while_the_call_is_being_taken_loses_its_buttons(
    desk: Harness,
) -> None:
    """The sender records a reminder while a step accepting the call has not committed:
    it waits for the step, then sees the call taken (PostgreSQL; SQLite has one writer)."""
    if desk.db.is_sqlite:
        pytest.skip("SQLite has one writer at a time")
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 11)
    async with desk.db.uow() as sender:
        held = [r for r in await sender.outbox.claim(desk.clock(), 100, 60)]
        await sender.commit()
    reminders = [r for r in held if r.purpose == REMIND_ACCEPT_PROMPT]
    assert reminders
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    async with desk.db.uow() as step:
        ticket = await step.tickets.get(ticket_id)
        assert ticket is not None
        await perform(step, desk.cfg, ticket, Action.ACCEPT, actor_id=MEMBER, now=desk.clock())
        await step.flush()
        await withdraw_stale_prompts(step, ticket, desk.clock())
        recording = asyncio.gather(*(recorder.record(r, next(_message_ids)) for r in reminders))
        await asyncio.sleep(0.3)
        assert not recording.done()  # it waits for the step that holds the ticket
        await step.commit()
    await recording
    assert len(await _buttons_off(desk)) == len(reminders)
    assert await _kept_prompts(desk, ticket_id) == set()


async def _alert_edits(desk: Harness) -> list[OutboxMessage]:
    return [r for r in await desk.outbox() if r.purpose == "alert_edit"]


async def test_the_supervisors_alert_stops_saying_nobody_accepted_once_the_call_is_taken(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 45)  # up to the supervisors: 仍未接单
    sent = await _deliver(desk, *PROMPTS)
    [alert] = [key for key in _of(sent, OVERSIGHT_ACCEPT_PROMPT) if key[0] == SUPERVISOR]
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    [edit] = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    assert edit.method == "edit_message" and edit.payload["message_id"] == alert[1]
    text = str(edit.payload["text"])
    # Filed 09:00, due 09:10 (10 minutes), accepted at 09:45: 35 minutes late.
    assert text.startswith("🔴【超时督办】工单 ") and "超过接单时限 35分钟，" in text
    # Said with the team that took it, as an alert of a call moved on says it.
    assert "09:45 已由 青山镇烘烤110服务队 赵队员 接单。" in text
    assert "仍未接单" not in text and "已接单" in text
    # 催办 / 改派 stay while the ticket is open; it is kept as a plain alert now.
    labels = [b["text"] for row in edit.payload["buttons"] for b in row]
    assert labels == ["催办", "改派"]
    assert alert in await _kept_prompts(desk, ticket_id)
    assert alert not in await _buttons_off(desk)
    # Going on site is no news for the alert: it is told once.
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    assert len([r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]) == 1
    # Resolved, its buttons go as any alert's do.
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已恢复供电", chat=TEAM_CHAT)
    assert alert in await _buttons_off(desk)


async def test_the_supervisors_alert_of_a_call_reassigned_says_where_it_went_and_who_took_it(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 45)
    sent = await _deliver(desk, *PROMPTS)
    [alert] = [key for key in _of(sent, OVERSIGHT_ACCEPT_PROMPT) if key[0] == SUPERVISOR]
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:curing-baishi")
    [moved] = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    text = str(moved.payload["text"])
    assert "曾超过接单时限，11-18 09:45 已转给 白石乡烘烤110服务队，接单时限 " in text
    assert "仍未接单" not in text and "派给：白石乡烘烤110服务队" in text
    assert moved.payload["message_id"] == alert[1] and moved.payload["buttons"]
    # The team it went to takes it in time: that is news again, once.
    desk.clock.advance(minutes=3)
    await desk.press(BAISHI_MEMBER, f"tk:acc:{ticket_id}", chat=BAISHI_CHAT)
    edits = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    assert len(edits) == 2 and edits[1].payload["message_id"] == alert[1]
    taken = str(edits[1].payload["text"])
    assert "曾超过接单时限，11-18 09:48 已由 白石乡烘烤110服务队 杨队员 接单。" in taken
    await desk.press(BAISHI_MEMBER, f"tk:vis:{ticket_id}", chat=BAISHI_CHAT)
    assert len([r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]) == 2


async def test_the_supervisors_alert_of_a_call_withdrawn_says_so_without_buttons(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 45)
    sent = await _deliver(desk, *PROMPTS)
    [alert] = [key for key in _of(sent, OVERSIGHT_ACCEPT_PROMPT) if key[0] == SUPERVISOR]
    await desk.press(FARMER, f"my:x:{ticket_id}")
    await desk.press(FARMER, f"my:xx:{ticket_id}")  # 确定撤回
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED
    [edit] = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    assert "曾超过接单时限，11-18 09:45 已处理：已撤回。" in str(edit.payload["text"])
    assert "buttons" not in edit.payload and alert not in await _kept_prompts(desk, ticket_id)
    assert alert not in await _buttons_off(desk)  # the edit took them, once


async def test_a_supervisors_alert_sent_in_traditional_is_edited_in_traditional(
    desk: Harness,
) -> None:
    async with desk.db.uow() as uow:
        supervisor = await uow.users.get(SUPERVISOR)
        assert supervisor is not None
        supervisor.script, supervisor.script_chosen = Script.HANT, True
        await uow.commit()
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 45)
    await _deliver(desk, *PROMPTS)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    [edit] = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    assert "超過接單時限" in str(edit.payload["text"]) and "接單" in str(edit.payload["text"])
    assert [b["text"] for row in edit.payload["buttons"] for b in row] == ["催辦", "改派"]


async def test_an_alert_saying_nobody_accepted_still_waiting_when_the_call_is_taken_is_withdrawn(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 45)
    waiting = [r for r in await desk.outbox() if r.purpose == OVERSIGHT_ACCEPT_PROMPT]
    assert waiting and all(r.status == "pending" for r in waiting)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    after = {r.id: r.status for r in await desk.outbox()}
    assert {after[r.id] for r in waiting} == {"superseded"}


async def _resolve_phase_alert(desk: Harness) -> tuple[int, tuple[int, int]]:
    """A call taken at once and still not resolved half an hour past its 4 hours: the
    supervisors' 仍未办结, sent. Its ticket and (chat, message id)."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    desk.clock.advance(hours=4, minutes=31)
    await sweep(desk.db, desk.cfg, desk.clock())
    sent = await _deliver(desk, *PROMPTS)
    [alert] = [key for key in _of(sent, OVERSIGHT_RESOLVE_PROMPT) if key[0] == SUPERVISOR]
    return ticket_id, alert


async def test_the_supervisors_alert_stops_saying_unresolved_once_the_call_is_resolved(
    desk: Harness,
) -> None:
    ticket_id, alert = await _resolve_phase_alert(desk)
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    assert await _alert_edits(desk) == []  # 仍未办结 still holds
    desk.clock.advance(minutes=9)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已恢复供电", chat=TEAM_CHAT)
    [edit] = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    assert edit.payload["message_id"] == alert[1]
    text = str(edit.payload["text"])
    # Filed 09:00, due 13:00, resolved 13:40.
    assert (
        text.startswith("🔴【超时督办】工单 ")
        and "超过办结时限 40分钟，11-18 13:40 已办结。" in text
    )
    assert "仍未办结" not in text and "已办结待确认" in text
    # The edit takes the buttons; nothing else edits it again.
    assert "buttons" not in edit.payload and alert not in await _buttons_off(desk)
    assert alert not in await _kept_prompts(desk, ticket_id)
    await desk.press(FARMER, f"my:ok:{ticket_id}")
    await desk.press(FARMER, f"my:r:{ticket_id}:5")
    assert len([r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]) == 1


async def test_the_teams_reminder_and_the_leaders_alert_stop_saying_unresolved_once_resolved(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.resolve_due_at is not None
    desk.clock.now = ticket.resolve_due_at
    await _ladder(desk, 11)  # 13:11: the team reminded to resolve it, the leader alerted
    sent = await _deliver(desk, *PROMPTS)
    [reminder] = [key for key in sent if key[0] == TEAM_CHAT]  # and the member who took it
    [alert] = [key for key in sent if key[0] == LEADER]
    assert (sent[reminder], sent[alert]) == (REMIND_RESOLVE_PROMPT, LEADER_RESOLVE_PROMPT)
    assert (MEMBER, REMIND_RESOLVE_PROMPT) in {(chat, p) for (chat, _), p in sent.items()}
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    assert await _alert_edits(desk) == []  # 请尽快办结, 仍未办结 still hold
    desk.clock.advance(minutes=9)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已恢复供电", chat=TEAM_CHAT)
    edited = await _edited(desk)
    assert set(edited) == set(sent)
    # Due 13:00, resolved 13:20.
    resolved = "工单 10019 超过办结时限 20分钟，11-18 13:20 已办结。\n"
    [[to_team], [to_leader]] = edited[reminder], edited[alert]
    assert str(to_team.payload["text"]).startswith(f"⏰ {resolved}")
    assert str(to_leader.payload["text"]).startswith(f"⚠️ {resolved}")
    assert "仍未办结" not in str(to_leader.payload["text"])
    assert "buttons" not in to_team.payload and "buttons" not in to_leader.payload
    assert await _buttons_off(desk) == set()
    assert await _kept_prompts(desk, ticket_id) == set()


async def test_the_supervisors_alert_of_a_call_the_farmer_placed_elsewhere_still_says_late(
    desk: Harness,
) -> None:
    """The desk moving a call to the town the farmer named keeps its deadline: the team it
    went to is as late, and the alert says so until that team accepts."""
    await desk.send(FARMER, "烤房停电了，温度一直往下掉")  # where? not answered yet
    [call] = await desk.tickets()
    assert call.id is not None and call.team_id == "curing-qingshan"
    await _ladder(desk, 45)
    sent = await _deliver(desk, *PROMPTS)
    [alert] = [key for key in _of(sent, OVERSIGHT_ACCEPT_PROMPT) if key[0] == SUPERVISOR]
    await desk.press(FARMER, "f:site:BS01")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi" and ticket.status is Status.DISPATCHED
    [moved] = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    assert "超过接单时限，11-18 09:45 已转给 白石乡烘烤110服务队，仍未接单。" in str(
        moved.payload["text"]
    )
    assert "曾" not in str(moved.payload["text"]).splitlines()[0]
    desk.clock.advance(minutes=2)
    await desk.press(BAISHI_MEMBER, f"tk:acc:{call.id}", chat=BAISHI_CHAT)
    edits = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    assert [e.payload["message_id"] for e in edits] == [alert[1], alert[1]]
    # Late on the deadline it kept: not a lateness of its own, but the team is named.
    taken = str(edits[1].payload["text"])
    assert "超过接单时限 37分钟，11-18 09:47 已由 白石乡烘烤110服务队 杨队员 接单。" in taken


async def test_the_alert_of_a_call_asked_about_before_it_was_taken_counts_from_its_moved_deadline(
    desk: Harness,
) -> None:
    """A question to the farmer before anyone accepted gives the wait back to the deadline
    to accept: the alert counted from the deadline so moved, and its edit does too."""
    ticket_id = await desk.file_110(FARMER)  # 09:00, due 09:10
    desk.clock.advance(minutes=5)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=TEAM_CHAT)
    desk.clock.advance(minutes=20)
    await desk.send(FARMER, "二号烤房")  # 09:25: the 5 minutes left are given back
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.accept_due_at is not None
    assert ticket.accept_due_at.astimezone(desk.cfg.zone).strftime("%H:%M") == "09:30"
    await _ladder(desk, 45)  # 10:10
    sent = await _deliver(desk, *PROMPTS)
    [alert] = [key for key in _of(sent, OVERSIGHT_ACCEPT_PROMPT) if key[0] == SUPERVISOR]
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    [edit] = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    assert edit.payload["message_id"] == alert[1]
    team = desk.cfg.team("curing-qingshan").name
    assert f"超过接单时限 40分钟，11-18 10:10 已由 {team} 赵队员 接单。" in str(
        edit.payload["text"]
    )


async def test_the_alert_of_a_call_moved_and_taken_late_there_says_the_lateness_is_the_new_teams(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 45)
    sent = await _deliver(desk, *PROMPTS)
    [alert] = [key for key in _of(sent, OVERSIGHT_ACCEPT_PROMPT) if key[0] == SUPERVISOR]
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:curing-baishi")  # 09:45, due 09:55
    desk.clock.advance(minutes=22)
    await desk.press(BAISHI_MEMBER, f"tk:acc:{ticket_id}", chat=BAISHI_CHAT)
    edits = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    assert [e.payload["message_id"] for e in edits] == [alert[1], alert[1]]
    taken = str(edits[1].payload["text"]).splitlines()[0]
    assert taken.endswith(
        "曾超过接单时限，转给 白石乡烘烤110服务队 后又超过该队的接单时限 12分钟，"
        "11-18 10:07 已由 白石乡烘烤110服务队 杨队员 接单。"
    )


async def test_the_supervisors_alert_of_a_call_closed_unanswered_says_so_without_buttons(
    desk: Harness,
) -> None:
    ticket_id, alert = await _resolve_phase_alert(desk)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=TEAM_CHAT)
    assert await _alert_edits(desk) == []  # 仍未办结 still holds while the team waits
    desk.clock.advance(minutes=31)
    await sweep(desk.db, desk.cfg, desk.clock())  # the farmer reminded
    desk.clock.advance(hours=72)
    await sweep(desk.db, desk.cfg, desk.clock())  # and the call closed unanswered
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.closed_unresolved
    [edit] = [r for r in await _alert_edits(desk) if r.chat_id == SUPERVISOR]
    assert edit.method == "edit_message" and edit.payload["message_id"] == alert[1]
    text = str(edit.payload["text"])
    closed = ticket.closed_at
    assert closed is not None
    at = closed.astimezone(desk.cfg.zone).strftime("%m-%d %H:%M")
    assert text.startswith(
        f"🔴【超时督办】工单 {ticket.label} 曾超过办结时限，{at} 已处理：未补充关闭。"
    )
    assert "仍未办结" not in text and "自动关闭" in text
    # The edit takes the buttons; nothing else edits it again.
    assert "buttons" not in edit.payload and alert not in await _buttons_off(desk)
    assert alert not in await _kept_prompts(desk, ticket_id)


async def test_the_alert_of_a_call_moved_too_late_to_keep_its_promise_counts_from_the_teams_own(
    desk: Harness,
) -> None:
    """A team that got a call too late to keep the promise is chased by a deadline of its
    own: its 仍未办结 counted from that, and so does the edit once it is resolved."""
    ticket_id = await desk.file_110(FARMER)  # 09:00, promised by 13:00
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    desk.clock.advance(hours=3, minutes=55)
    await desk.press(MEMBER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    await desk.send(MEMBER, "这户在白石乡", chat=TEAM_CHAT)
    await desk.press(BAISHI_MEMBER, f"tk:acc:{ticket_id}", chat=BAISHI_CHAT)
    [ticket] = await desk.tickets()
    own = ticket.team_resolve_due_at
    assert own is not None and own.astimezone(desk.cfg.zone).strftime("%H:%M") == "16:55"
    desk.clock.advance(hours=4, minutes=31)  # 17:26: past its own deadline
    await sweep(desk.db, desk.cfg, desk.clock())
    sent = await _deliver(desk, *PROMPTS)
    [alert] = [key for key in _of(sent, OVERSIGHT_RESOLVE_PROMPT) if key[0] == SUPERVISOR]
    desk.clock.advance(minutes=4)
    await desk.press(BAISHI_MEMBER, f"tk:res:{ticket_id}", chat=BAISHI_CHAT)
    await desk.send(BAISHI_MEMBER, "已恢复供电", chat=BAISHI_CHAT)
    edits = [r for r in await _alert_edits(desk) if r.payload["message_id"] == alert[1]]
    assert "超过办结时限 35分钟，11-18 17:30 已办结。" in str(edits[-1].payload["text"])


async def test_a_supervisors_nudge_carries_the_teams_button_until_it_no_longer_applies(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    nudges = [r for r in await desk.outbox() if "督办提醒" in r.payload.get("text", "")]
    assert nudges and {r.purpose for r in nudges} == {ACCEPT_PROMPT}
    assert all(r.payload["buttons"][0][0]["data"] == f"tk:acc:{ticket_id}" for r in nudges)
    sent = await _deliver(desk, ACCEPT_PROMPT)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    assert _of(sent, ACCEPT_PROMPT) <= set(await _edited(desk))  # told, 接单 gone, once taken
    desk.clock.advance(minutes=11)  # past the last nudge's quiet minutes
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    later = [r for r in await desk.outbox() if "督办提醒" in r.payload.get("text", "")]
    resolve = [r for r in later if r.purpose == RESOLVE_PROMPT]
    assert resolve and all(
        r.payload["buttons"][0][0]["data"] == f"tk:res:{ticket_id}" for r in resolve
    )


async def test_a_nudge_while_the_farmer_is_asked_carries_accept_and_is_told_who_took_the_call(
    desk: Harness,
) -> None:
    """需补充 before 接单, then 催办: the page carries 接单, as the card does then (before, no
    button, and never edited after), holds while the answer comes, and once someone takes
    the call says who did instead of 请尽快处理."""
    ticket_id = await desk.file_110(FARMER)  # 09:00, due 09:10
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=TEAM_CHAT)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    nudges = [r for r in await desk.outbox() if "督办提醒" in r.payload.get("text", "")]
    assert nudges and {r.purpose for r in nudges} == {WAITING_ACCEPT_PROMPT}
    assert all(
        r.payload["buttons"] == [[{"text": "接单", "data": f"tk:acc:{ticket_id}"}]] for r in nudges
    )
    sent = await _deliver(desk, *PROMPTS)
    assert set(sent.values()) == {WAITING_ACCEPT_PROMPT}
    desk.clock.advance(minutes=5)
    await desk.send(FARMER, "二号烤房")  # answered: still nobody has the call
    assert set(sent) <= await _kept_prompts(desk, ticket_id)
    assert not set(sent) & set(await _edited(desk))
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    edited = await _edited(desk)
    for key in sent:
        [edit] = edited[key]
        assert str(edit.payload["text"]).startswith(
            "⏰ 督办提醒：工单 10019 11-18 09:05 已由 青山镇烘烤110服务队 赵队员 接单。\n"
        )
        assert "buttons" not in edit.payload
    assert await _kept_prompts(desk, ticket_id) == set()


async def test_a_nudge_while_the_farmer_is_asked_is_told_the_call_was_closed_unanswered(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=TEAM_CHAT)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    sent = _of(await _deliver(desk, *PROMPTS), WAITING_ACCEPT_PROMPT)
    assert sent
    for _ in range(2):  # the farmer never answers: the sweep closes the call
        desk.clock.advance(hours=49)
        await sweep(desk.db, desk.cfg, desk.clock())
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.closed_at is not None
    at = ticket.closed_at.astimezone(desk.cfg.zone).strftime("%m-%d %H:%M")
    edited = await _edited(desk)
    for key in sent:
        [edit] = edited[key]
        text = str(edit.payload["text"])
        assert text.startswith(f"⏰ 督办提醒：工单 10019 {at} 已处理：未补充关闭。\n")
        assert "buttons" not in edit.payload
    assert await _kept_prompts(desk, ticket_id) == set()


async def test_a_leaders_nudge_while_the_farmer_is_asked_after_taking_carries_resolve_until_done(
    desk: Harness,
) -> None:
    """Taken, then 需补充, then the leader's 催办: the page carries 办结, as the card does
    then, and once the call is resolved says so in the leader's words."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=TEAM_CHAT)
    await desk.press(LEADER, f"tk:nudge:{ticket_id}")
    nudges = [r for r in await desk.outbox() if "队长提醒" in r.payload.get("text", "")]
    assert nudges and {r.purpose for r in nudges} == {LEADER_NUDGE_RESOLVE}
    assert all(r.payload["buttons"][0][0]["data"] == f"tk:res:{ticket_id}" for r in nudges)
    sent = await _deliver(desk, *PROMPTS)
    desk.clock.advance(minutes=30)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已恢复供电", chat=TEAM_CHAT)
    edited = await _edited(desk)
    for key in sent:
        assert str(edited[key][-1].payload["text"]).startswith(
            "⏰ 队长提醒：工单 10019 11-18 09:30 已办结。\n"
        )


async def test_a_call_asked_about_then_taken_tells_the_teams_reminders_who_took_it(
    desk: Harness,
) -> None:
    """需补充 before 接单: the reminder and the leader's alert still hold (nobody has taken
    the call, and their 接单 takes it); taken while the answer is awaited, they say so."""
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 21)
    sent = await _deliver(desk, *PROMPTS)
    team_alerts = _of(sent, *TEAM_ACCEPT_ALERTS)
    assert team_alerts
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "风机有没有声音？", chat=TEAM_CHAT)
    assert team_alerts <= await _kept_prompts(desk, ticket_id)
    assert not team_alerts & set(await _edited(desk))
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    assert not team_alerts & await _kept_prompts(desk, ticket_id)
    edits = await _edited(desk)
    for key in team_alerts:
        assert "已由 青山镇烘烤110服务队 赵队员 接单" in str(edits[key][-1].payload["text"])


async def test_a_call_taken_on_the_reminder_at_once_is_not_told_0_minutes_late(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _ladder(desk, 10)  # 09:10: the team reminded at its deadline
    await _deliver(desk, *PROMPTS)
    desk.clock.advance(seconds=40)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    edits = [str(r.payload["text"]) for r in await _alert_edits(desk)]
    assert edits and all("已由 青山镇烘烤110服务队 赵队员 接单" in e for e in edits)
    assert not any("0分钟" in e for e in edits)


async def test_a_call_resolved_on_the_reminder_at_once_is_not_told_0_minutes_late(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.resolve_due_at is not None
    desk.clock.now = ticket.resolve_due_at - timedelta(minutes=1)
    await _ladder(desk, 1)  # the team reminded to resolve, at its deadline
    await _deliver(desk, *PROMPTS)
    desk.clock.advance(seconds=20)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已恢复供电", chat=TEAM_CHAT)
    edits = [str(r.payload["text"]) for r in await _alert_edits(desk)]
    assert edits and all("曾超过办结时限" in e for e in edits)
    assert not any("0分钟" in e for e in edits)


async def test_a_leaders_nudge_is_told_in_its_own_words_who_took_the_call_and_how_late(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)  # 09:00, accept due 09:10
    await _ladder(desk, 21)  # the team reminded, the leader alerted
    await desk.press(LEADER, f"tk:nudge:{ticket_id}")  # 09:21: ⏰ 队长提醒 to the team
    nudges = [r for r in await desk.outbox() if "队长提醒" in r.payload.get("text", "")]
    assert nudges and {r.purpose for r in nudges} == {LEADER_NUDGE_ACCEPT}
    sent = await _deliver(desk, LEADER_NUDGE_ACCEPT)
    desk.clock.advance(minutes=4)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    edited = await _edited(desk)
    for key in sent:
        [edit] = edited[key]
        text = str(edit.payload["text"])
        assert text.startswith(
            "⏰ 队长提醒：工单 10019 超过接单时限 15分钟，11-18 09:25 已由 青山镇烘烤110服务队 "
            "赵队员 接单。\n"
        )
        assert "请尽快处理" not in text and "buttons" not in edit.payload
    assert await _kept_prompts(desk, ticket_id) == set()


async def test_a_nudge_to_resolve_is_told_once_resolved_and_one_sent_on_once_moved(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)  # 09:00, promised by 13:00
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")  # with 办结, before any deadline
    sent = await _deliver(desk, RESOLVE_PROMPT)
    assert sent
    desk.clock.advance(minutes=30)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已恢复供电", chat=TEAM_CHAT)
    edited = await _edited(desk)
    for key in sent:
        # Resolved in time: it never says a deadline was missed.
        assert str(edited[key][-1].payload["text"]).startswith(
            "⏰ 督办提醒：工单 10019 11-18 09:30 已办结。\n"
        )
    # Another call nudged, then sent on to another team: this team need not act.
    other = await desk.file_110(FARMER)
    desk.clock.advance(minutes=11)
    await desk.press(SUPERVISOR, f"sv:remind:{other}")
    moved = await _deliver(desk, ACCEPT_PROMPT)
    await desk.press(SUPERVISOR, f"tk:rto:{other}:curing-baishi")
    edited = await _edited(desk)
    [ticket] = [t for t in await desk.tickets() if t.id == other]
    for key in moved:
        assert str(edited[key][-1].payload["text"]).startswith(
            f"⏰ 督办提醒：工单 {ticket.label} 11-18 09:41 已转给 白石乡烘烤110服务队，"
            "本队无需再处理。\n"
        )
