"""Button data and typed numbers nobody's keyboard offered (a modified client, a mistyped
command): refused politely in the person's script, with nothing changed and nothing failing."""

from __future__ import annotations

import logging

import pytest

from core.enums import Role, Status
from core.numbers import public_number
from handlers.staff import create_invite
from handlers.staff_places import remove_places
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

RETAILER = 100002
TRIAGE_CLERK, JOINER = 400001, 400002
ADMIN = 300002  # in the config's admins, in no team
TEAM_CHAT = -1001000000001
FORUM, QINGSHAN_TOPIC, BAISHI_TOPIC = -1005550000001, 11, 22
BAISHI_LEADER = 200012
TRIAGE_CHAT = -1001000000017
# Past the largest ticket id the database can hold (a 32-bit column on PostgreSQL), and past
# any integer SQLite can bind.
BEYOND_ANY_TICKET = ("2147483648", "9223372036854775808", "9" * 30)
# Digits that are not ASCII: "²" is a digit Python cannot read as a number; the others read
# as 1, which is not what any button of ours says.
ODD_DIGITS = ("²", "١", "１")


def _failures(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("raw_id", BEYOND_ANY_TICKET + ODD_DIGITS)
async def test_a_button_naming_no_ticket_of_ours_is_refused_without_a_failure(
    desk: Harness, caplog: pytest.LogCaptureFixture, raw_id: str
) -> None:
    await desk.file_110(FARMER)
    assert "已失效" in texts(await desk.press(MEMBER, f"tk:acc:{raw_id}", chat=TEAM_CHAT))
    assert "已失效" in texts(await desk.press(SUPERVISOR, f"sv:remind:{raw_id}"))
    assert "已失效" in texts(await desk.press(SUPERVISOR, f"ov:take:{raw_id}"))
    assert "找不到这个工单" in texts(await desk.press(FARMER, f"my:v:{raw_id}"))
    assert not _failures(caplog)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.accepted_by is None


async def test_a_forged_button_is_refused_in_the_pressers_script(desk: Harness) -> None:
    await desk.file_110(FARMER)
    await desk.send(RETAILER, "/lang")
    await desk.press(RETAILER, "lang:hant")
    out = await desk.press(RETAILER, f"my:v:{BEYOND_ANY_TICKET[-1]}")
    assert texts(out) == "找不到這個工單，或您無權操作。"


@pytest.mark.parametrize(
    "typed", [f"/ticket {public_number(2**40)}", f"/reassign {public_number(2**40)} 白石"]
)
async def test_a_well_formed_number_of_no_possible_ticket_is_not_found(
    desk: Harness, caplog: pytest.LogCaptureFixture, typed: str
) -> None:
    out = await desk.send(SUPERVISOR, typed)
    assert "找不到这个工单" in texts(out)
    assert not _failures(caplog)


async def test_a_requester_typing_a_number_of_no_possible_ticket_is_told_so(
    desk: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    out = await desk.send(FARMER, f"工单{public_number(2**40)}")
    assert "找不到这个工单" in texts(out)
    assert not _failures(caplog)


@pytest.mark.parametrize("typed", ["/ticket ²²²²²", "/reassign 1001² 白石"])
async def test_a_ticket_number_in_superscript_digits_is_a_typo(
    desk: Harness, caplog: pytest.LogCaptureFixture, typed: str
) -> None:
    out = await desk.send(SUPERVISOR, typed)
    assert "可能输错了" in texts(out)
    assert not _failures(caplog)


async def test_a_leader_naming_someone_in_superscript_digits_is_told_no_one_has_it(
    desk: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    out = await desk.send(LEADER, "/duty ² on", chat=TEAM_CHAT)  # int() cannot read ²
    assert "本队没有叫「²」的队员" in texts(out)
    assert not _failures(caplog)


async def test_a_member_cannot_send_a_ticket_away_with_a_dispatch_button(desk: Harness) -> None:
    """tk:rto is the supervisors' 改派 list and the triage desk's 派给: one press, no reason.
    A team member's transfer asks for the reason (转派), which a forged press must not skip."""
    ticket_id = await desk.file_110(FARMER)
    out = await desk.press(MEMBER, f"tk:rto:{ticket_id}:ordering", chat=TEAM_CHAT)
    assert "已失效" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-qingshan" and ticket.status is Status.DISPATCHED
    assert not [r for r in await desk.outbox() if r.chat_id == -1001000000013]


async def test_the_triage_desk_still_dispatches_with_one_press(desk: Harness) -> None:
    """A member of the triage desk (not a supervisor) presses 派给 on a card there."""
    async with desk.db.uow() as uow:
        invite = await create_invite(uow, team_id="triage", role=Role.MEMBER, now=desk.clock())
        await uow.commit()
    await desk.send(TRIAGE_CLERK, f"/start join_{invite.token}")
    ticket = await desk.file_request(RETAILER, "那个事情到底怎么办，上次说的还没弄")
    assert len(await desk.tickets()) == 1
    assert ticket.line == "triage"
    await desk.press(TRIAGE_CLERK, f"tk:rto:{ticket.id}:monopoly", chat=TRIAGE_CHAT)
    [moved] = await desk.tickets()
    assert moved.team_id == "monopoly"


async def test_the_triage_cards_second_dispatch_button_is_spent_for_a_supervisor_too(
    desk: Harness,
) -> None:
    """Two at the desk press 派给 on the same card: the first sends it, the second is told
    the button is spent; a supervisor's 改派 elsewhere still moves it."""
    ticket = await desk.file_request(RETAILER, "那个事情到底怎么办，上次说的还没弄")
    assert ticket.line == "triage"
    await desk.press(SUPERVISOR, f"tk:rto:{ticket.id}:monopoly", chat=TRIAGE_CHAT)
    told = len([r for r in await desk.outbox() if r.chat_id == RETAILER])
    out = await desk.press(SUPERVISOR, f"tk:rto:{ticket.id}:ordering", chat=TRIAGE_CHAT)
    assert "现由专卖管理所办理" in texts(out)  # the button is spent: who has it
    [moved] = await desk.tickets()
    assert moved.team_id == "monopoly"
    assert len([r for r in await desk.outbox() if r.chat_id == RETAILER]) == told
    await desk.press(SUPERVISOR, f"tk:rea:{ticket.id}:ordering")  # 改派, in their own chat
    [moved] = await desk.tickets()
    assert moved.team_id == "ordering"


async def _invite(desk: Harness, team_id: str | None, role: Role) -> str:
    async with desk.db.uow() as uow:
        invite = await create_invite(uow, team_id=team_id, role=role, now=desk.clock())
        await uow.commit()
    return f"/start join_{invite.token}"


@pytest.mark.parametrize(
    ("team_id", "role", "said"),
    [("curing-qingshan", Role.MEMBER, "青山镇烘烤110服务队"), (None, Role.SUPERVISOR, "督办")],
)
async def test_opening_ones_own_invite_again_says_one_is_in_already(
    desk: Harness, team_id: str | None, role: Role, said: str
) -> None:
    """A second tap on the link in the chat history: not "invalid, ask for a new one"."""
    link = await _invite(desk, team_id, role)
    await desk.send(JOINER, link)
    desk.clock.advance(days=30)  # long after the link would have expired
    again = texts(await desk.send(JOINER, link))
    assert "已使用" not in again and said in again and "不用再点" in again
    async with desk.db.uow(read_only=True) as uow:
        assert len(await uow.memberships.of_user(JOINER)) == 1


async def test_an_invite_used_by_someone_else_is_spent(desk: Harness) -> None:
    link = await _invite(desk, "curing-qingshan", Role.MEMBER)
    await desk.send(JOINER, link)
    assert "已使用" in texts(await desk.send(RETAILER, link))
    async with desk.db.uow(read_only=True) as uow:
        assert not await uow.memberships.of_user(RETAILER)


async def test_an_invite_opened_again_after_the_place_was_taken_away_is_spent(
    desk: Harness,
) -> None:
    link = await _invite(desk, "curing-qingshan", Role.MEMBER)
    await desk.send(JOINER, link)
    async with desk.db.uow() as uow:
        await remove_places(uow, desk.cfg, JOINER, now=desk.clock())
        await uow.commit()
    assert "已使用" in texts(await desk.send(JOINER, link))
    async with desk.db.uow(read_only=True) as uow:
        assert not await uow.memberships.of_user(JOINER)


@pytest.mark.parametrize("command", ["/queue", "/ticket 10019"])
async def test_someone_in_no_team_is_told_in_a_group_that_the_command_is_for_staff(
    desk: Harness, command: str
) -> None:
    """A former member (or anyone outside the teams) is not sent to a private chat that
    would refuse them too."""
    link = await _invite(desk, "curing-qingshan", Role.MEMBER)
    await desk.send(JOINER, link)
    async with desk.db.uow() as uow:
        await remove_places(uow, desk.cfg, JOINER, now=desk.clock())
        await uow.commit()
    for who in (JOINER, FARMER):
        out = texts(await desk.send(who, command, chat=TEAM_CHAT))
        assert "只对服务队和督办人员开放" in out and "私聊" not in out


async def test_a_member_of_another_team_is_still_sent_to_the_private_chat(desk: Harness) -> None:
    out = texts(await desk.send(MEMBER, "/queue", chat=TRIAGE_CHAT))
    assert "私聊" in out


async def test_an_admin_in_a_group_of_no_team_is_sent_to_the_private_chat(desk: Harness) -> None:
    out = texts(await desk.send(ADMIN, "/queue", chat=-1001999999999))
    assert "私聊" in out


@pytest.mark.parametrize("who", [ADMIN, FARMER])
async def test_duty_outside_the_teams_says_it_is_the_teams_own(desk: Harness, who: int) -> None:
    """Not "for teams and supervisors", which an admin or supervisor with no team place
    reads as theirs and then is refused anyway."""
    out = texts(await desk.send(who, "/duty on"))
    assert "值班只对服务队" in out and "督办" not in out


async def test_a_card_button_pressed_in_another_teams_topic_is_refused(desk: Harness) -> None:
    """Two teams share a forum, a topic each. A 青山 member's forged press in 白石's topic
    would have taken the 青山 ticket there and written its card (the farmer's name and
    phone) over the 白石 message pressed, 白石's card with its buttons."""
    await desk.send(LEADER, "/bindteam curing-qingshan", chat=FORUM, topic=QINGSHAN_TOPIC)
    await desk.send(BAISHI_LEADER, "/bindteam curing-baishi", chat=FORUM, topic=BAISHI_TOPIC)
    ticket_id = await desk.file_110(FARMER)
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=FORUM, topic=BAISHI_TOPIC)
    assert "已失效" in texts(out) and not any(r.edit for r in out.replies)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=FORUM, topic=QINGSHAN_TOPIC)
    assert [r.edit for r in out.replies] == [True]  # in the team's own topic, as ever


async def test_a_card_left_in_a_chat_the_team_moved_away_from_still_works(desk: Harness) -> None:
    """The team bound another chat; its old cards stay where no other team is at home."""
    ticket_id = await desk.file_110(FARMER)
    await desk.send(LEADER, "/bindteam curing-qingshan", chat=FORUM, topic=QINGSHAN_TOPIC)
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    assert "接单" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED and ticket.accepted_by == MEMBER


async def test_a_leader_naming_someone_with_signs_before_digits_is_told_no_one_has_it(
    desk: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    out = await desk.send(LEADER, "/duty --5 on", chat=TEAM_CHAT)  # int() cannot read --5
    assert "本队没有叫「--5」的队员" in texts(out)
    assert not _failures(caplog)
