"""A supervisor pressing 接单, 上门, 需补充 or 办结 on a team's card does not become the one
doing the work (the farmer would be told the supervisor is coming, and the ladder would
stop chasing a team that never took the call): nothing changes, and 催办 / 改派 are offered
in their private chat, with 由我接单 for one who does mean to take the call."""

from __future__ import annotations

import pytest

from core.enums import Status
from core.lifecycle import REMIND_RESOLVE_PROMPT
from scheduler.sweep import sweep
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

TEAM_CHAT = -1001000000001


async def test_a_supervisors_accept_on_a_team_card_accepts_nothing_and_offers_remind(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.send(SUPERVISOR, "/help")  # their private chat is open: the bot may write there
    before = len(await desk.outbox())
    out = await desk.press(SUPERVISOR, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.accepted_by is None
    assert "督办在这里点不算接单办理" in texts(out) and "请看您的私聊" in texts(out)
    new = (await desk.outbox())[before:]
    assert [row.chat_id for row in new] == [SUPERVISOR]  # not the farmer, not the team
    assert "由我接单" in new[0].payload["text"]  # nobody has it yet
    data = [b["data"] for row in new[0].payload["buttons"] for b in row]
    assert data == [
        f"tk:accme:{ticket_id}:curing-qingshan",  # the team whose call it offers
        f"sv:remind:{ticket_id}",
        f"sv:reassign:{ticket_id}",
    ]
    assert "accept" not in await desk.actions(ticket_id)


async def test_a_supervisor_who_means_it_takes_the_call_and_works_it(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(SUPERVISOR, f"tk:accme:{ticket_id}")
    await desk.press(SUPERVISOR, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ON_SITE and ticket.accepted_by == SUPERVISOR
    told = [r.payload["text"] for r in await desk.outbox() if r.chat_id == FARMER]
    assert any("接单，正在处理" in text for text in told)


async def test_a_supervisors_press_in_private_offers_remind_and_reassign_there(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    for verb in ("vis", "ask", "res"):
        out = await desk.press(SUPERVISOR, f"tk:{verb}:{ticket_id}")
        assert "催办" in texts(out) and "改派" in texts(out) and "由我接单" not in texts(out)
        assert button_data(out) == [f"sv:remind:{ticket_id}", f"sv:reassign:{ticket_id}"]
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED and ticket.accepted_by == MEMBER


async def test_a_leader_still_accepts_from_the_card(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(LEADER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED and ticket.accepted_by == LEADER


async def test_a_member_pressing_a_supervisors_button_is_told_it_is_a_button_not_a_command(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    for data in (f"sv:remind:{ticket_id}", f"sv:reassign:{ticket_id}"):
        out = await desk.press(MEMBER, data)
        assert "「催办」「改派」只对督办人员开放" in texts(out) and "命令" not in texts(out)


async def test_a_supervisor_the_bot_cannot_reach_is_told_to_open_the_private_chat(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.block(SUPERVISOR)
    before = len(await desk.outbox())
    out = await desk.press(SUPERVISOR, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    assert "发不到您的私聊" in texts(out) and "/start" in texts(out)
    assert [r.chat_id for r in (await desk.outbox())[before:]] == []


async def test_a_supervisor_who_never_opened_a_private_chat_is_told_to_open_it(
    desk: Harness,
) -> None:
    """Telegram refuses the bot's first word to a person: the offer would never arrive."""
    ticket_id = await desk.file_110(FARMER)
    before = len(await desk.outbox())
    out = await desk.press(SUPERVISOR, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    assert "发不到您的私聊" in texts(out) and "/start" in texts(out)
    assert [r.chat_id for r in (await desk.outbox())[before:]] == []


async def test_an_old_offer_to_take_the_call_takes_nothing_once_it_went_to_another_team(
    desk: Harness,
) -> None:
    """由我接单 on the offer made for 青山镇, pressed after the call was sent on to 白石乡:
    the supervisor would be taking another team's call under a message naming the first.
    Nothing is taken; they are told where it went and offered it afresh."""
    ticket_id = await desk.file_110(FARMER)
    await desk.send(SUPERVISOR, "/help")  # their private chat is open
    await desk.press(SUPERVISOR, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    [offer] = [r for r in await desk.outbox() if r.chat_id == SUPERVISOR]
    take = offer.payload["buttons"][0][0]["data"]
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:curing-baishi")
    out = await desk.press(SUPERVISOR, take)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.accepted_by is None
    assert ticket.team_id == "curing-baishi"
    edited, fresh = out.replies
    assert edited.edit and not edited.buttons and "已转给白石乡烘烤110服务队" in edited.text
    assert "白石乡烘烤110服务队" in fresh.text and "由我接单" in fresh.text
    assert fresh.buttons[0][0].data == f"tk:accme:{ticket_id}:curing-baishi"
    await desk.press(SUPERVISOR, fresh.buttons[0][0].data or "")  # the new offer takes it
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED and ticket.accepted_by == SUPERVISOR


async def _copies(desk: Harness, ticket_id: int) -> set[tuple[int, int]]:
    """The kept copies of the ticket's card: (chat, message id)."""
    async with desk.db.uow(read_only=True) as uow:
        return {
            (m.chat_id, m.message_id)
            for m in await uow.ticket_messages.of_ticket(ticket_id, "card")
        }


def _data(buttons: object) -> list[str]:
    return [b["data"] for row in buttons for b in row] if isinstance(buttons, list) else []


async def test_a_supervisor_who_took_the_call_works_it_from_their_private_chat(
    desk: Harness,
) -> None:
    """由我接单 in their private chat: that message becomes their card, with 上门, 需补充,
    转派 and 办结, kept up to date as the work goes on; /ticket gives them the same, and
    the ladder's reminder to resolve reaches them with its 办结."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(SUPERVISOR, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(SUPERVISOR, f"tk:accme:{ticket_id}:curing-qingshan", message_id=70)
    [card] = out.replies
    assert card.edit and "已接单" in card.text
    assert button_data(out) == [
        f"tk:vis:{ticket_id}",
        f"tk:ask:{ticket_id}",
        f"tk:xfer:{ticket_id}",
        f"tk:res:{ticket_id}",
    ]
    assert (SUPERVISOR, 70) in await _copies(desk, ticket_id)
    [ticket] = await desk.tickets()
    shown = await desk.send(SUPERVISOR, f"/ticket {ticket.label}")
    assert f"tk:res:{ticket_id}" in button_data(shown) and f"tk:vis:{ticket_id}" in button_data(
        shown
    )

    await desk.press(LEADER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)  # a colleague went there
    [edit] = [
        r
        for r in await desk.outbox()
        if r.chat_id == SUPERVISOR and r.purpose == "card_edit" and r.status == "pending"
    ]
    assert edit.payload["message_id"] == 70 and "上门" in edit.payload["text"]
    assert f"tk:res:{ticket_id}" in _data(edit.payload.get("buttons"))

    desk.clock.advance(hours=4, minutes=1)  # past the 4 hours to resolve a call
    await sweep(desk.db, desk.cfg, desk.clock())
    reminders = [
        r
        for r in await desk.outbox()
        if r.chat_id == SUPERVISOR and r.purpose == REMIND_RESOLVE_PROMPT
    ]
    assert reminders and _data(reminders[0].payload["buttons"]) == [f"tk:res:{ticket_id}"]
    await desk.press(SUPERVISOR, f"tk:res:{ticket_id}", message_id=71)
    await desk.send(SUPERVISOR, "更换了风机电容，温度已恢复")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED and ticket.resolved_by == SUPERVISOR
    final = [r for r in await desk.outbox() if r.chat_id == SUPERVISOR and r.purpose == "card_edit"]
    assert final[-1].payload["message_id"] == 70 and "buttons" not in final[-1].payload


@pytest.mark.parametrize("verb", ["acc", "vis", "ask", "res", "xfer"])
async def test_a_supervisors_press_on_a_resolved_ticket_says_who_resolved_it_and_what_is_left(
    desk: Harness, verb: str
) -> None:
    """Not the status-name refusal (当前状态（已办结待确认）不能这样操作), nor 退回本队 to a
    supervisor who has no team: resolved by whom and when, and that if the requester says
    it is not mended it comes back to the team, on a new card."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    out = await desk.press(SUPERVISOR, f"tk:{verb}:{ticket_id}", chat=TEAM_CHAT)
    toast = out.toast or ""
    [ticket] = await desk.tickets()
    assert ticket.resolved_at is not None
    when = ticket.resolved_at.astimezone(desk.cfg.zone).strftime("%m-%d %H:%M")
    assert "不能这样操作" not in toast and "本队" not in toast, toast
    assert "已办结" in toast and when in toast and "青山镇烘烤110服务队" in toast, toast
    assert "新卡片" in toast, toast
    assert ticket.status is Status.RESOLVED and ticket.team_id == "curing-qingshan"
