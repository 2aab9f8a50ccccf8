"""A complaint about the oversight team's own people (纪检作风监督室's 监督员): no team
investigates a complaint about itself, so the triage desk has it, the complainant is told
why, and the oversight team gets no copy of it, nor the complainant's details."""

from __future__ import annotations

import pytest

from core.enums import Kind
from routing import to_simplified
from tests.support.complainant import RETAILER, SECRETS, registered_with_a_shop
from tests.support.desk import Harness, texts
from tests.support.wish_lists import STAFF

TRIAGE_CHAT, SUPERVISOR = -1001000000017, 300001
CONDUCT_CHAT, CONDUCT_MEMBER, CONDUCT_LEADER = -1001000000016, 200091, 200092
CONDUCT_PLACES = {CONDUCT_CHAT, CONDUCT_MEMBER, CONDUCT_LEADER}


async def _sent_to_the_conduct_office(desk: Harness) -> list[str]:
    return [
        str(r.payload.get("text", "")) for r in await desk.outbox() if r.chat_id in CONDUCT_PLACES
    ]


@pytest.mark.parametrize(
    ("words", "why"),
    [
        (
            "投诉纪检作风监督室的陈监督员态度恶劣，不理人",
            "将转给：督办分派台\n（您提到了“纪检作风监督室”“监督员”，投诉的是纪检作风监督室的人员，"
            "不由他们自查，由督办人员安排）",
        ),
        (
            "投訴紀檢作風監督室的陳監督員態度惡劣，不理人",
            "將轉給：督辦分派臺\n（您提到了“紀檢作風監督室”“監督員”，投訴的是紀檢作風監督室的人員，"
            "不由他們自查，由督辦人員安排）",
        ),
    ],
)
async def test_a_complaint_about_the_oversight_office_goes_to_the_triage_desk(
    desk: Harness, words: str, why: str
) -> None:
    await registered_with_a_shop(desk)
    out = await desk.send(RETAILER, words)
    assert why in texts(out)
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.line, ticket.team_id, ticket.kind) == ("triage", "triage", "complaint")
    assert "事涉纪检作风监督室人员" in ticket.route_explanation
    [card] = [r for r in await desk.outbox() if r.chat_id == TRIAGE_CHAT and r.purpose == "card"]
    assert "王小五" in card.payload["text"]  # the desk keeps a complainant's details
    presses = [b["data"] for row in card.payload["buttons"] for b in row]
    assert f"tk:rto:{ticket.id}:conduct" not in presses  # no one press sends it back there
    assert f"tk:xfer:{ticket.id}" in presses
    assert await _sent_to_the_conduct_office(desk) == []


async def test_sent_on_from_the_desk_it_is_still_not_copied_to_the_oversight_office(
    desk: Harness,
) -> None:
    """The supervisor may send it to another team; the copy every other team's complaint
    gets at the oversight office would show it to the very people it is about."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "纪委的人吃拿卡要")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.line == "triage"
    out = await desk.press(SUPERVISOR, f"tk:rto:{ticket.id}:staff", chat=TRIAGE_CHAT)
    assert "已改派" in texts(out)
    [moved] = await desk.tickets()
    assert moved.team_id == "staff"
    assert await _sent_to_the_conduct_office(desk) == []


async def test_an_anonymous_complaint_about_the_oversight_office_names_nobody_at_the_desk(
    desk: Harness,
) -> None:
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "/complain 纪检监督员收了好处，不处理我的投诉")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:anon")
    [ticket] = await desk.tickets()
    assert ticket.anonymous and ticket.line == "triage"
    at_the_desk = "\n".join(
        str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.chat_id in {TRIAGE_CHAT, SUPERVISOR}
    )
    assert "报告人：匿名" in at_the_desk
    assert not any(secret in at_the_desk for secret in SECRETS)
    assert await _sent_to_the_conduct_office(desk) == []


STAFF_TEAM_CHAT, STAFF_MEMBER = -1001000000015, 200081


async def test_its_call_back_after_a_low_rating_is_the_desks_not_the_oversight_offices(
    desk: Harness,
) -> None:
    """Rated low, a complaint owes a call-back from the oversight office's leaders, who
    would then call the complainant about a complaint against themselves; the desk that
    dispatched it calls back instead (before: 纪检作风监督室, the complainant's number
    theirs)."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "纪委的人吃拿卡要")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    await desk.press(SUPERVISOR, f"tk:rto:{ticket.id}:staff", chat=TRIAGE_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:acc:{ticket.id}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{ticket.id}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已转局纪委调查", chat=STAFF_TEAM_CHAT)
    await desk.press(RETAILER, f"my:ok:{ticket.id}")
    await desk.press(RETAILER, f"my:r:{ticket.id}:1")
    [rated] = await desk.tickets()
    assert rated.rating == 1 and rated.callback_due_at is not None
    assert rated.callback_team == "triage"
    assert await _sent_to_the_conduct_office(desk) == []


async def test_a_complaint_another_team_has_naming_the_office_in_passing_is_still_copied_there(
    desk: Harness,
) -> None:
    """The router sends it to the team complained about; 纪检 said in passing (纪检说让我找你们)
    must not take it out of the oversight office's sight (before: no copy, no alert on a
    second send-back, its call-back the desk's), as the words were read again each time."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "投诉送货员把烟送错了好几次，纪检说让我找你们")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.line, ticket.kind) == ("delivery", "complaint")
    assert await _sent_to_the_conduct_office(desk)


async def test_neither_the_desks_transfer_nor_a_reassign_list_offers_the_office(
    desk: Harness,
) -> None:
    """One press of 转派 → 纪检作风监督室 (or a 改派 list's) would send the complaint, and
    its complainant's name and phone, to the people it is about."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "纪委的人吃拿卡要")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    for pressed in (f"tk:xfer:{ticket.id}", f"sv:reassign:{ticket.id}"):
        out = await desk.press(SUPERVISOR, pressed, chat=TRIAGE_CHAT)
        offered = [b.data or "" for reply in out.replies for row in reply.buttons for b in row]
        assert offered and not any(data.endswith(":conduct") for data in offered), pressed
        assert any(data.endswith(":delivery") for data in offered), pressed


@pytest.mark.parametrize("typed", ["纪检作风监督室", "conduct", "監督室"])
async def test_a_supervisor_typing_the_offices_name_in_reassign_is_refused_and_told_why(
    desk: Harness, typed: str
) -> None:
    """/reassign by name would do what the lists' missing button does not (before: the
    complaint, and its complainant's name, went to the people it is about)."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "纪委的人吃拿卡要")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    out = await desk.send(SUPERVISOR, f"/reassign {ticket.label} {typed}")
    said = to_simplified(texts(out))  # 監督室 typed: the supervisor reads 繁體 from now on
    assert "投诉的是纪检作风监督室的人员，不由他们自查，不能改派给他们" in said
    [kept] = await desk.tickets()
    assert kept.team_id == "triage"
    assert await _sent_to_the_conduct_office(desk) == []


async def test_a_forged_press_sending_it_to_the_office_changes_nothing(desk: Harness) -> None:
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "纪委的人吃拿卡要")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    for pressed in (f"tk:rto:{ticket.id}:conduct", f"tk:rea:{ticket.id}:conduct"):
        await desk.press(SUPERVISOR, pressed, chat=TRIAGE_CHAT)
    [kept] = await desk.tickets()
    assert kept.team_id == "triage"
    assert await _sent_to_the_conduct_office(desk) == []


async def test_a_complaint_about_the_office_that_another_line_would_win_reaches_the_desk(
    desk: Harness,
) -> None:
    """Its grading words would take it to 烟叶收购, whose complaints the oversight office
    watches: the office would read a complaint about itself, and the desk never see it."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "/complain 纪检的人说话才给我办，收购站压级压得厉害，定级员乱定级")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.line, ticket.kind) == ("triage", "complaint")
    assert [r for r in await desk.outbox() if r.chat_id == TRIAGE_CHAT and r.purpose == "card"]
    assert await _sent_to_the_conduct_office(desk) == []


async def test_a_wish_for_the_offices_own_staff_stays_a_wish(desk: Harness) -> None:
    """员工 only says whose the wish is: no complaint about the office (before: filed as a
    complaint about 纪检 at 督办分派台 instead of a wish to 工会职工服务站)."""
    await desk.registered_as(STAFF, "staff")
    out = await desk.send(STAFF, "希望给纪检监督室的员工也发防暑降温费")
    said = to_simplified(texts(out))
    assert "投诉的是纪检作风监督室的人员" not in said, said
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id) == (Kind.WISH, "staff")
