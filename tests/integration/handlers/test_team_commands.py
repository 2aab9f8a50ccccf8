"""Team commands typed with the wrong arguments, and the supervisor's 催办 reaching who
works on the ticket."""

from __future__ import annotations

from datetime import timedelta

from core.enums import Role
from core.model import OutboxMessage
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

TEAM_CHAT = -1001000000001
ADMIN = 300002  # config/demo.yaml: an admin, not a supervisor


async def _on_duty(desk: Harness) -> set[int]:
    async with desk.db.uow(read_only=True) as uow:
        return {m.user_id for m in await uow.memberships.of_team("curing-qingshan") if m.on_duty}


async def test_duty_for_a_name_nobody_in_the_team_has_changes_nobody(desk: Harness) -> None:
    out = await desk.send(
        LEADER, "/duty 李四 on", chat=TEAM_CHAT
    )  # nobody's name, nor the config's
    assert "本队没有叫「李四」的队员" in texts(out) and "钱队长" not in texts(out)
    assert await _on_duty(desk) == set()
    await desk.file_110(FARMER)
    pages = {r.chat_id for r in await desk.outbox() if r.purpose == "card" and r.chat_id > 0}
    assert pages == {LEADER}  # nobody on duty: the leader is paged, as before


async def test_a_supervisors_nudge_reaches_the_member_who_accepted(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "已催办" in texts(out)
    nudged = {r.chat_id for r in await _nudge_rows(desk)}
    # The member on the road to the barn, as well as the team chat and the paged leader.
    assert nudged == {TEAM_CHAT, LEADER, MEMBER}


async def test_reassign_tells_a_mistyped_number_an_unknown_ticket_and_an_unclear_team_apart(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id and ticket.number is not None
    number = ticket.number
    wrong_check = number[:-1] + str((int(number[-1]) + 1) % 10)
    out = await desk.send(SUPERVISOR, f"/reassign {wrong_check} curing-baishi")
    assert "可能输错了一位" in texts(out)
    out = await desk.send(SUPERVISOR, f"/reassign {number} 烘烤110")
    assert "没有唯一对应「烘烤110」的服务队" in texts(out)
    assert "白石乡烘烤110服务队" in texts(out) and "专卖" not in texts(out)
    out = await desk.send(SUPERVISOR, f"/reassign {number} 不存在的队")
    assert "专卖" in texts(out)  # nothing like it: every team to choose from
    assert "用法" in texts(await desk.send(SUPERVISOR, "/reassign"))
    [still] = await desk.tickets()
    assert still.team_id == ticket.team_id


async def test_reassign_with_a_number_alone_offers_the_teams_its_button_does(
    desk: Harness,
) -> None:
    """/reassign 10019 without a team: the choices of the card's 改派 button, to press."""
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    assert ticket.number is not None
    out = await desk.send(SUPERVISOR, f"/reassign {ticket.number}")
    assert "用法" not in texts(out) and f"工单 {ticket.label} 改派给" in texts(out)
    pressed = await desk.press(SUPERVISOR, f"sv:reassign:{ticket_id}")
    assert button_data(out) == button_data(pressed)
    assert f"tk:rea:{ticket_id}:curing-baishi" in button_data(out)
    [still] = await desk.tickets()
    assert still.team_id == ticket.team_id  # nothing moved until a team is pressed


async def _nudge_rows(desk: Harness) -> list[OutboxMessage]:
    """A supervisor's 催办 to the team (kept under the purpose of the button it carries)."""
    return [r for r in await desk.outbox() if str(r.payload.get("text")).startswith("⏰ 督办提醒")]


async def _nudges(desk: Harness) -> list[str]:
    return [str(r.payload["text"]) for r in await _nudge_rows(desk)]


async def test_a_nudge_from_an_hours_old_alert_says_where_the_ticket_stands_now(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)  # accept within 10 minutes (09:10)
    desk.clock.advance(minutes=45)  # the supervisors were alerted: nobody had taken it
    out = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "已超过接单时限 11-18 09:10" in texts(out) and "青山镇烘烤110服务队" in texts(out)
    assert "已超过接单时限" in (await _nudges(desk))[-1]
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    desk.clock.advance(hours=2)  # the supervisor presses 催办 on the same alert again
    out = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "已接单，办结时限 11-18 13:00，尚未超时" in texts(out)
    assert "超过" not in (await _nudges(desk))[-1]
    assert "办结时限 11-18 13:00，尚未超时" in (await _nudges(desk))[-1]


async def test_a_nudge_after_a_transfer_names_the_team_that_has_the_ticket_now(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    desk.clock.advance(minutes=45)
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:curing-baishi")
    out = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "白石乡烘烤110服务队" in texts(out) and "尚未超时" in texts(out)
    assert {r.chat_id for r in await _nudge_rows(desk)} >= {-1001000000002}


async def test_a_second_nudge_within_minutes_pages_nobody_again(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    desk.clock.advance(minutes=45)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    nudges = len(await _nudges(desk))
    desk.clock.advance(minutes=3)
    out = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "刚在" in texts(out) and "催办过" in texts(out)
    assert len(await _nudges(desk)) == nudges
    desk.clock.advance(minutes=10)  # later, a nudge pages them again
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert len(await _nudges(desk)) == 2 * nudges


async def test_a_nudge_after_a_reassignment_pages_the_new_team(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    desk.clock.advance(minutes=45)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:curing-baishi")
    desk.clock.advance(minutes=2)
    out = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "已催办" in texts(out) and "白石乡" in texts(out)


async def test_the_queue_marks_what_is_past_its_deadline_and_by_how_much(desk: Harness) -> None:
    await desk.file_110(FARMER)
    desk.clock.advance(hours=2, minutes=5)  # the 10 minutes to accept are long gone
    await desk.file_110(FARMER)
    first, second = await desk.tickets()
    late, fresh = texts(await desk.send(SUPERVISOR, "/queue")).strip().split("\n")
    assert first.label in late and "｜⏰超时1小时55分钟｜" in late
    assert second.label in fresh and "超时" not in fresh


async def test_the_queue_marks_nothing_in_the_first_minute_past_a_deadline(
    desk: Harness,
) -> None:
    await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    assert ticket.accept_due_at is not None
    desk.clock.now = ticket.accept_due_at + timedelta(seconds=30)
    assert "超时" not in texts(await desk.send(SUPERVISOR, "/queue"))  # not 超时0分钟


async def test_the_queue_names_who_took_each_ticket(desk: Harness) -> None:
    taken = await desk.file_110(FARMER)
    await desk.file_110(FARMER)
    async with desk.db.uow() as uow:
        member = await uow.users.get(MEMBER)
        assert member is not None
        member.name = "赵队员"
        await uow.commit()
    await desk.press(MEMBER, f"tk:acc:{taken}", chat=TEAM_CHAT)
    first, second = await desk.tickets()
    rows = texts(await desk.send(LEADER, "/queue", chat=TEAM_CHAT)).strip().split("\n")
    [mine] = [row for row in rows if first.label in row]
    [nobodys] = [row for row in rows if second.label in row]
    assert "｜已接单（赵队员）｜" in mine
    assert "｜待接单｜" in nobodys and "（" not in nobodys.split("｜")[2]


STAFF = 100003
STAFF_LEADER = 200082
NUMBERED = "一、食堂增加素食窗口\n二、健身房延长开放时间\n三、宿舍热水全天供应"


async def test_a_wish_written_on_several_lines_is_one_row_of_the_queue_and_of_my(
    desk: Harness,
) -> None:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, NUMBERED)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:one")  # filed as one wish, its lines kept
    [wish] = await desk.tickets()
    assert wish.text == NUMBERED
    queue = texts(await desk.send(STAFF_LEADER, "/queue")).strip().splitlines()
    assert queue == [
        f"工会职工服务站｜{wish.label}｜待接单｜一、食堂增加素食窗口 二、健身房延长开…"
    ]
    mine = await desk.send(STAFF, "/my")
    assert [b.text for r in mine.replies for row in r.buttons for b in row] == [
        f"{wish.label} 待接单 一、食堂增加素食窗口…"
    ]


async def test_a_leaders_nudge_from_the_alert_pages_the_team_but_not_the_leader(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(LEADER, f"tk:nudge:{ticket_id}")
    assert "已催办" in texts(out)
    nudges = [r for r in await desk.outbox() if "队长提醒" in str(r.payload.get("text"))]
    assert {r.chat_id for r in nudges} == {TEAM_CHAT, MEMBER}  # not the leader who pressed
    assert all(r.payload["buttons"][0][0]["data"] == f"tk:res:{ticket_id}" for r in nudges)
    again = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")  # minutes later
    assert "刚在" in texts(again) and "不再重复提醒" in texts(again)
    refused = await desk.press(MEMBER, f"tk:nudge:{ticket_id}", chat=TEAM_CHAT)
    assert "只对本队队长和督办人员开放" in texts(refused)
    assert [r.payload["text"] for r in await desk.outbox() if "提醒：" in str(r.payload)] == [
        r.payload["text"] for r in nudges
    ]


async def test_a_second_nudge_says_the_team_was_paged_not_that_it_read_the_page(
    desk: Harness,
) -> None:
    """The first 催办's page may still be queued or unread: 已通知, never 已收到."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    again = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "催办过，已通知服务队，不再重复提醒" in texts(again)
    assert "已收到" not in texts(again)


async def test_an_admins_nudge_is_recorded_as_the_admins_not_a_supervisors(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    out = await desk.press(ADMIN, f"tk:nudge:{ticket_id}")
    assert "已催办" in texts(out)
    desk.clock.advance(minutes=11)
    await desk.press(ADMIN, f"sv:remind:{ticket_id}")
    async with desk.db.uow(read_only=True) as uow:
        nudges = [e for e in await uow.tickets.events(ticket_id) if e.action == "remind"]
    assert [e.actor_role for e in nudges] == [Role.ADMIN, Role.ADMIN]
    desk.clock.advance(minutes=3)  # and it counts as a 催办 a supervisor's would repeat
    again = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "刚在" in texts(again)


async def test_a_members_ticket_command_carries_the_cards_buttons(desk: Harness) -> None:
    """A card far up a busy chat is acted on from /ticket; a supervisor's has theirs (催办
    and 改派)."""
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    out = await desk.send(MEMBER, f"/ticket {ticket.label}", chat=TEAM_CHAT)
    assert button_data(out) == [
        f"tk:acc:{ticket_id}",
        f"tk:ask:{ticket_id}",
        f"tk:xfer:{ticket_id}",
    ]
    assert button_data(await desk.send(SUPERVISOR, f"/ticket {ticket.label}")) == [
        f"sv:remind:{ticket_id}",
        f"sv:reassign:{ticket_id}",
    ]
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT, message_id=77)
    out = await desk.send(LEADER, f"/ticket {ticket.label}")
    assert f"tk:vis:{ticket_id}" in button_data(out) and f"tk:acc:{ticket_id}" not in button_data(
        out
    )


async def _card_copies(desk: Harness, ticket_id: int) -> set[tuple[int, int]]:
    async with desk.db.uow(read_only=True) as uow:
        kept = await uow.ticket_messages.of_ticket(ticket_id, "card")
    return {(m.chat_id, m.message_id) for m in kept}


async def test_a_press_on_a_ticket_reply_beside_the_card_leaves_the_reply_without_buttons(
    desk: Harness,
) -> None:
    """In the team's chat, whose card is the one kept up to date: the /ticket reply pressed
    shows what the press did, without buttons that would go stale there once the card
    moves on (接单 here; 办结 once its note is typed)."""
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    await desk.send(MEMBER, f"/ticket {ticket.label}", chat=TEAM_CHAT)
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT, message_id=900)
    [reply] = out.replies
    assert reply.edit and "已接单" in reply.text and not reply.buttons
    assert (TEAM_CHAT, 900) not in await _card_copies(desk, ticket_id)

    await desk.send(MEMBER, f"/ticket {ticket.label}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT, message_id=901)
    await desk.send(MEMBER, "更换了风机电容，温度已恢复", chat=TEAM_CHAT)
    [settled] = [r for r in await desk.outbox() if r.payload.get("message_id") == 901]
    assert settled.chat_id == TEAM_CHAT and "已办结" in settled.payload["text"]
    assert "buttons" not in settled.payload


async def test_a_press_on_a_ticket_reply_where_no_card_is_makes_it_the_card_kept_up_to_date(
    desk: Harness,
) -> None:
    """In a member's private chat, where no card of the ticket was paged: the /ticket reply
    pressed becomes their card, with the next step's buttons, edited as the ticket moves
    on (here resolved by a colleague in the team's chat: no buttons left)."""
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    await desk.send(MEMBER, f"/ticket {ticket.label}")
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", message_id=902)
    assert f"tk:res:{ticket_id}" in button_data(out)
    assert (MEMBER, 902) in await _card_copies(desk, ticket_id)
    await desk.press(LEADER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(LEADER, "更换了风机电容，温度已恢复", chat=TEAM_CHAT)
    edits = [r for r in await desk.outbox() if r.payload.get("message_id") == 902]
    assert edits and "已办结" in edits[-1].payload["text"]
    assert "buttons" not in edits[-1].payload


async def test_reassign_reads_the_team_typed_first_or_with_spaces_in_its_name(
    desk: Harness,
) -> None:
    await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    # Not "工单号 白石乡烘烤110服务队 不对，可能输错了一位": the team came first.
    out = await desk.send(SUPERVISOR, f"/reassign 白石乡烘烤110服务队 {ticket.label}")
    assert "已改派给 白石乡烘烤110服务队" in texts(out)
    # Not the usage: the name is one name, typed with a space in it.
    out = await desk.send(SUPERVISOR, f"/reassign {ticket.label} 龙潭镇 烘烤110服务队")
    assert "已改派给 龙潭镇烘烤110服务队" in texts(out)
    [moved] = await desk.tickets()
    assert moved.team_id == "curing-longtan"
