"""/duty as a team runs it over a week: the morning handover, a member of two teams, a
leader who is a plain member elsewhere, a member the bot cannot reach."""

from __future__ import annotations

from core.enums import Role
from core.model import Membership
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, OTHER_MEMBER

TEAM_CHAT, BAISHI_CHAT = -1001000000001, -1001000000002


async def test_the_roster_and_duty_on_say_when_pages_cannot_reach_the_member(
    desk: Harness,
) -> None:
    await desk.block(MEMBER)
    out = await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    assert "收不到110值班提醒" in texts(out) and "/start" in texts(out)
    roster = texts(await desk.send(LEADER, "/duty", chat=TEAM_CHAT))
    assert "（私信发不到）" in roster


async def test_the_last_member_off_duty_is_told_the_leader_is_paged_now(desk: Harness) -> None:
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.send(OTHER_MEMBER, "/duty on", chat=TEAM_CHAT)
    out = await desk.send(MEMBER, "/duty off", chat=TEAM_CHAT)
    assert "无人值班" not in texts(out)
    out = await desk.send(OTHER_MEMBER, "/duty off", chat=TEAM_CHAT)
    assert "现在无人值班" in texts(out) and "通知队长" in texts(out)


async def test_the_last_reachable_member_off_duty_is_told_the_leader_is_paged_now(
    desk: Harness,
) -> None:
    """The other member on duty blocked the bot: pages skip them, so the one going off
    duty leaves the calls to the leader, and is told so as the last one would be."""
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.send(OTHER_MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.block(OTHER_MEMBER)
    out = await desk.send(MEMBER, "/duty off", chat=TEAM_CHAT)
    assert "现在无人值班" in texts(out) and "通知队长" in texts(out)


async def test_the_last_member_off_duty_is_warned_when_the_leaders_cannot_be_paged(
    desk: Harness,
) -> None:
    """The leader blocked the bot: nobody is paged for a call now, and the member going
    off duty is not told the leader is, nor that the waiting call went to anyone."""
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.block(LEADER)
    await desk.file_110(FARMER)
    before = len(await desk.outbox())

    out = texts(await desk.send(MEMBER, "/duty off", chat=TEAM_CHAT))

    assert "通知队长" not in out and "已转给" not in out
    assert "队长也收不到私信" in out and "没有人收得到私信通知" in out
    assert not [r for r in (await desk.outbox())[before:] if r.purpose == "card"]


async def test_duty_in_one_teams_group_leaves_the_other_team_alone(desk: Harness) -> None:
    # A member of two 110 teams, on duty in both, goes off duty in the Baishi group.
    await desk.send(MEMBER, "/duty on")  # privately: every team they serve
    async with desk.db.uow() as uow:
        await uow.memberships.add(
            Membership(
                user_id=MEMBER,
                role=Role.MEMBER,
                created_at=desk.clock(),
                team_id="curing-baishi",
                on_duty=True,
            )
        )
        await uow.commit()
    await desk.send(MEMBER, "/duty off", chat=BAISHI_CHAT)
    async with desk.db.uow(read_only=True) as uow:
        on_duty = {
            m.team_id for m in await uow.memberships.of_user(MEMBER) if m.on_duty and m.team_id
        }
    assert on_duty == {"curing-qingshan"}


async def test_a_leader_cannot_put_on_duty_in_a_team_they_are_only_a_member_of(
    desk: Harness,
) -> None:
    # The Baishi leader is also a plain member of Qingshan's team.
    async with desk.db.uow() as uow:
        await uow.memberships.add(
            Membership(
                user_id=200012, role=Role.MEMBER, created_at=desk.clock(), team_id="curing-qingshan"
            )
        )
        await uow.commit()
    out = await desk.send(200012, f"/duty {MEMBER} on", chat=TEAM_CHAT)
    assert "只有该队队长" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        assert not any(m.on_duty for m in await uow.memberships.of_user(MEMBER))


async def test_a_team_that_keeps_no_roster_says_so_and_changes_nothing(desk: Harness) -> None:
    # The ordering office works business hours (duty_roster: false in the demo config).
    ordering_chat, ordering_member = -1001000000013, 200061
    out = await desk.send(ordering_member, "/duty on", chat=ordering_chat)
    assert "营销服务部（客户经理）不排值班：紧急工单直接通知队长。" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        assert not any(m.on_duty for m in await uow.memberships.of_user(ordering_member))


async def test_a_place_in_a_team_the_config_no_longer_has_is_left_out(desk: Harness) -> None:
    async with desk.db.uow() as uow:  # joined by invite a team since taken out of the config
        await uow.memberships.add(Membership(MEMBER, Role.MEMBER, desk.clock(), team_id="gone"))
        await uow.commit()
    out = await desk.send(MEMBER, "/duty on")
    assert "系统繁忙" not in texts(out) and "值班" in texts(out)
    roster = texts(await desk.send(MEMBER, "/duty"))
    assert "gone" not in roster


async def _named(desk: Harness) -> None:
    """The team's people have written once, so the desk knows their Telegram names."""
    for user, name in ((MEMBER, "赵队员"), (OTHER_MEMBER, "孙队员"), (LEADER, "钱队长")):
        await desk.send(user, "/duty", chat=TEAM_CHAT, user_name=name)


async def test_the_roster_names_who_is_off_duty_too(desk: Harness) -> None:
    await _named(desk)
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    roster = texts(await desk.send(LEADER, "/duty", chat=TEAM_CHAT))
    assert "值班：赵队员" in roster and "未值班：" in roster and "孙队员" in roster
    assert "/duty 姓名 on|off" in roster


async def test_a_leader_puts_a_member_on_duty_by_name_in_chinese_words(desk: Harness) -> None:
    await _named(desk)
    out = await desk.send(LEADER, "/duty 孙队员 值班", chat=TEAM_CHAT)
    assert "孙队员 值班状态：值班" in texts(out)
    out = await desk.send(LEADER, "/duty 孙 OFF", chat=TEAM_CHAT)  # part of the name will do
    assert "孙队员 值班状态：下班" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        assert not any(m.on_duty for m in await uow.memberships.of_user(OTHER_MEMBER))


async def test_someone_not_in_the_team_is_told_so_not_shown_the_usage(desk: Harness) -> None:
    await _named(desk)
    out = await desk.send(LEADER, "/duty 李四 on", chat=TEAM_CHAT)
    assert "本队没有叫「李四」的队员" in texts(out)
    out = await desk.send(LEADER, "/duty 200071 on", chat=TEAM_CHAT)  # another team's member
    assert "本队没有叫「200071」的队员" in texts(out)
    out = await desk.send(LEADER, "/duty 队 on", chat=TEAM_CHAT)  # 赵队员, 孙队员, 钱队长
    assert "不止一人" in texts(out)


async def test_going_off_duty_hands_a_waiting_call_to_whoever_is_paged_now(
    desk: Harness,
) -> None:
    """The on-duty member held the only page of a call nobody has accepted: going off duty
    pages it to the leader (nobody else is on duty), with the card's buttons."""
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    call = await desk.file_110(FARMER)
    before = len(await desk.outbox())
    assert not any(r.chat_id == LEADER for r in (await desk.outbox()))  # the member was paged

    out = await desk.send(MEMBER, "/duty off", chat=TEAM_CHAT)

    assert "1 个报警没人接单" in texts(out)
    handed = [r for r in (await desk.outbox())[before:] if r.chat_id == LEADER]
    assert [r.purpose for r in handed] == ["card"] and handed[0].ticket_id == call
    assert f"tk:acc:{call}" in str(handed[0].payload)


async def test_going_off_duty_with_no_call_waiting_hands_nothing_on(desk: Harness) -> None:
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    out = await desk.send(MEMBER, "/duty off", chat=TEAM_CHAT)
    assert "没人接单" not in texts(out)
    assert not any(r.chat_id == LEADER for r in await desk.outbox())


async def test_going_off_duty_when_already_off_says_so_and_tells_of_no_handover(
    desk: Harness,
) -> None:
    """The morning handover is said once: the member (or their leader) saying off again
    while the call still waits changes nothing and hands nothing on."""
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.file_110(FARMER)
    await desk.send(MEMBER, "/duty off", chat=TEAM_CHAT)  # the call goes to the leader
    before = len(await desk.outbox())

    for who, words in ((MEMBER, "/duty off"), (LEADER, f"/duty {MEMBER} off")):
        out = texts(await desk.send(who, words, chat=TEAM_CHAT))
        assert "已经是下班状态" in out
        assert "无人值班" not in out and "没人接单" not in out

    assert len(await desk.outbox()) == before


async def test_going_on_duty_with_a_call_waiting_pages_its_card_to_the_member(
    desk: Harness,
) -> None:
    """Taking over the shift while a call waits for 接单 (the leader was paged, nobody being
    on duty): the member gets the card now, not at the ladder's next reminder."""
    call = await desk.file_110(FARMER)
    before = len(await desk.outbox())

    out = await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)

    assert "1 个报警等待接单" in texts(out)
    paged = [r for r in (await desk.outbox())[before:] if r.chat_id == MEMBER]
    assert [r.purpose for r in paged] == ["card"] and paged[0].ticket_id == call
    assert f"tk:acc:{call}" in str(paged[0].payload)
    assert not any(r.chat_id == LEADER for r in (await desk.outbox())[before:])
    again = await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)  # said twice: paged once
    assert [r.chat_id for r in (await desk.outbox())[before:]].count(MEMBER) == 1
    assert "已经是值班状态" in texts(again) and "卡片已私信发给" not in texts(again)


async def test_going_on_duty_with_a_call_said_aloud_waiting_pages_its_voice_note_too(
    desk: Harness,
) -> None:
    """A farmer's call said in a voice note alone: the member taking over the shift gets the
    voice note after the card, as the leader paged at filing did, or could not hear what
    is wrong."""
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "/cancel")
    await desk.send(FARMER, voice_file_id="v-call")
    [call] = await desk.tickets()
    assert call.urgent and call.text == "[语音]"
    before = len(await desk.outbox())

    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)

    paged = [r for r in (await desk.outbox())[before:] if r.chat_id == MEMBER]
    assert [(r.purpose, r.method) for r in paged] == [
        ("card", "send_message"),
        ("attachment", "send_voice"),
    ]
    assert paged[1].payload["file_id"] == "v-call" and paged[1].ticket_id == call.id


async def test_going_on_duty_while_only_ones_own_call_waits_says_no_card_was_sent(
    desk: Harness,
) -> None:
    """The member's own barn's call is paged to others (they may not accept it): /duty on
    does not say its card was sent to them."""
    call = await desk.file_110(MEMBER)
    before = len(await desk.outbox())

    out = await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)

    assert "值班" in texts(out) and "卡片已私信发给" not in texts(out)
    assert not any(r.chat_id == MEMBER for r in (await desk.outbox())[before:])
    await desk.send(MEMBER, "/duty off", chat=TEAM_CHAT)
    await desk.file_110(FARMER)  # a farmer's call too: that one is counted, not theirs
    await desk.send(MEMBER, "/start")  # the bot may write to them privately from now on
    out = await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    assert "还有 1 个报警等待接单，卡片已私信发给" in texts(out)
    paged = [r.ticket_id for r in (await desk.outbox())[before:] if r.chat_id == MEMBER]
    assert call not in paged


async def test_on_duty_said_again_after_unblocking_the_bot_hands_over_the_waiting_card(
    desk: Harness,
) -> None:
    """The member on duty had blocked the bot when the call came (the leader was paged):
    back, /duty on said again in the private chat gets them the card, nothing said anew."""
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.block(MEMBER)
    call = await desk.file_110(FARMER)
    before = len(await desk.outbox())

    again = await desk.send(MEMBER, "/duty on")

    assert "已经是值班状态" in texts(again)
    paged = [r for r in (await desk.outbox())[before:] if r.chat_id == MEMBER]
    assert [(r.purpose, r.ticket_id) for r in paged] == [("card", call)]
