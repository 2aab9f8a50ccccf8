"""上门 is for a call a team goes out to: a barn's 110 call or a request. A wish, a
suggestion or a complaint is answered, not visited: their cards offer no 上门, and one
pressed on an older card is refused with a word of why, nobody told anyone is on the way."""

from __future__ import annotations

from core.enums import Kind, Status
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER = 200081
CURING_CHAT = -1001000000001


async def _filed_by_staff(desk: Harness, command: str, words: str) -> int:
    await desk.registered_as(STAFF, "staff")
    ticket = await desk.file_request(STAFF, words, command)
    assert ticket.id is not None
    return ticket.id


async def _card_buttons(desk: Harness) -> str:
    """The buttons of the team's card as last edited."""
    edits = [r for r in await desk.outbox() if r.purpose == "card_edit"]
    return str(edits[-1].payload.get("buttons"))


async def test_a_taken_wish_card_offers_no_visit(desk: Harness) -> None:
    wish = await _filed_by_staff(desk, "/wish", "食堂增加早餐品种")
    await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
    buttons = await _card_buttons(desk)
    assert f"tk:res:{wish}" in buttons
    assert f"tk:vis:{wish}" not in buttons


async def test_a_taken_suggestion_card_offers_no_visit(desk: Harness) -> None:
    suggestion = await _filed_by_staff(desk, "/suggest", "建议食堂延长晚饭供应时间")
    await desk.press(STAFF_MEMBER, f"tk:acc:{suggestion}", chat=STAFF_TEAM_CHAT)
    buttons = await _card_buttons(desk)
    assert f"tk:res:{suggestion}" in buttons
    assert f"tk:vis:{suggestion}" not in buttons


async def test_a_taken_110_call_still_offers_a_visit(desk: Harness) -> None:
    call = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{call}", chat=CURING_CHAT)
    assert f"tk:vis:{call}" in await _card_buttons(desk)


async def test_an_old_cards_visit_on_a_wish_is_refused_and_tells_the_employee_nothing(
    desk: Harness,
) -> None:
    wish = await _filed_by_staff(desk, "/wish", "食堂增加早餐品种")
    await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
    before = {r.id for r in await desk.outbox()}

    out = await desk.press(STAFF_MEMBER, f"tk:vis:{wish}", chat=STAFF_TEAM_CHAT)

    assert "是心愿，不用「上门」" in texts(out)
    assert f"tk:vis:{wish}" not in await _card_buttons(desk)  # the card loses it
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.WISH
    assert ticket.status is Status.ACCEPTED and ticket.on_site_at is None
    told = [r for r in await desk.outbox() if r.id not in before and r.chat_id == STAFF]
    assert told == []


async def test_an_old_cards_visit_on_a_suggestion_is_refused(desk: Harness) -> None:
    suggestion = await _filed_by_staff(desk, "/suggest", "建议食堂延长晚饭供应时间")
    await desk.press(STAFF_MEMBER, f"tk:acc:{suggestion}", chat=STAFF_TEAM_CHAT)

    out = await desk.press(STAFF_MEMBER, f"tk:vis:{suggestion}", chat=STAFF_TEAM_CHAT)

    assert "是建议，不用「上门」" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED


async def test_an_old_cards_visit_on_a_resolved_wish_says_its_state_not_to_resolve_it(
    desk: Harness,
) -> None:
    wish = await _filed_by_staff(desk, "/wish", "食堂增加早餐品种")
    await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{wish}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{wish}:granted", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已增加两种早餐", chat=STAFF_TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED

    out = await desk.press(STAFF_MEMBER, f"tk:vis:{wish}", chat=STAFF_TEAM_CHAT)

    # It says the wish is resolved and asks for nothing more: the card comes back without
    # buttons, no resolve choice among them.
    assert out.toast is not None and out.toast.startswith(f"工单 {ticket.number} 已办结")
    assert "不用再点「上门」" in out.toast
    assert button_data(out) == []
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED
