"""A ticket asked about before anyone accepted it (需补充 before 接单) waits for the
requester's answer with 接单 and 转派 on its card, not 办结: the team takes it first, as it
would a ticket not asked about, and may then go there (上门) while the farmer is silent.
接单 pressed then takes it and leaves it waiting; the answer returns it to 已接单."""

from __future__ import annotations

from core.enums import Status
from tests.support.desk import Harness
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

TEAM_CHAT = -1001000000001


def _labels(buttons: list[list[dict[str, str]]]) -> list[str]:
    return [b["text"] for row in buttons for b in row]


async def _leaders_card(desk: Harness) -> list[list[dict[str, str]]]:
    """The buttons of the leader's copy of the card as last edited."""
    edits = [r for r in await desk.outbox() if r.purpose == "card_edit" and r.chat_id == LEADER]
    return list(edits[-1].payload["buttons"])


async def _asked_before_taken(desk: Harness) -> int:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "风机有没有声音？", chat=TEAM_CHAT)
    return ticket_id


async def test_the_card_of_a_ticket_asked_about_before_it_was_taken_offers_to_take_it(
    desk: Harness,
) -> None:
    await _asked_before_taken(desk)

    edits = [r for r in await desk.outbox() if r.purpose == "card_edit"]
    for chat in (TEAM_CHAT, LEADER):
        [*_, last] = [r for r in edits if r.chat_id == chat]
        assert "待报告人补充" in last.payload["text"]
        assert _labels(last.payload["buttons"]) == ["接单", "转派"]


async def test_taking_it_while_the_answer_is_awaited_keeps_it_waiting_until_the_answer(
    desk: Harness,
) -> None:
    ticket_id = await _asked_before_taken(desk)

    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)

    [ticket] = await desk.tickets()
    assert ticket.status is Status.WAITING_REQUESTER and ticket.accepted_by == MEMBER
    [pressed] = [r for r in out.replies if r.edit]
    assert "接单：" in pressed.text and "待补充：风机有没有声音？" in pressed.text
    assert _labels(await _leaders_card(desk)) == ["上门", "转派", "办结"]
    notices = [r for r in await desk.outbox() if r.chat_id == FARMER]
    assert any("已由" in r.payload["text"] and "接单" in r.payload["text"] for r in notices)

    await desk.send(FARMER, "没有声音，一点都不转")

    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED and ticket.accepted_by == MEMBER


async def test_a_silent_farmers_call_is_taken_and_gone_to_while_still_asked_about(
    desk: Harness,
) -> None:
    ticket_id = await _asked_before_taken(desk)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)

    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)

    [ticket] = await desk.tickets()
    assert ticket.status is Status.ON_SITE and ticket.on_site_at is not None


async def test_an_old_copys_resolve_asks_to_take_it_first_and_shows_its_buttons_now(
    desk: Harness,
) -> None:
    ticket_id = await _asked_before_taken(desk)

    out = await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)

    assert out.toast == f"工单 {(await desk.tickets())[0].label} 还没有人接单，请先点「接单」。"
    [ticket] = await desk.tickets()
    assert ticket.status is Status.WAITING_REQUESTER and ticket.resolved_at is None
    assert _labels(await _leaders_card(desk)) == ["接单", "转派"]
    # No 办结 note is asked for: the member's next words are not taken for one.
    await desk.send(MEMBER, "已修好", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.WAITING_REQUESTER


async def test_a_supervisor_pressing_its_accept_is_offered_to_take_the_call(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "风机有没有声音？", chat=TEAM_CHAT)
    await desk.send(SUPERVISOR, "/help")  # their private chat is open: the offer can go there
    await desk.press(SUPERVISOR, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    offers = [str(r.payload.get("buttons")) for r in await desk.outbox() if r.chat_id == SUPERVISOR]
    assert any(f"tk:accme:{ticket_id}:curing-qingshan" in o for o in offers)
