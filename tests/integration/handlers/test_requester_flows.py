"""Requester conversations through the neutral desk, on SQLite and PostgreSQL."""

from __future__ import annotations

from core.config import Config
from core.enums import Kind, Priority, Status
from storage.uow import Database
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, OTHER_MEMBER

RETAILER = 100002


async def test_night_110_from_free_text_dispatches_urgently(desk: Harness) -> None:
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉，快来人")
    assert "已报警" in texts(out) and "10019" in texts(out)  # at once, the place asked after
    assert "在哪个烤房" in texts(out)
    assert "f:site:QS01" in button_data(out)
    await desk.press(FARMER, "f:site:QS01")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.priority is Priority.URGENT
    assert ticket.team_id == "curing-qingshan" and ticket.status is Status.DISPATCHED
    rows = await desk.outbox()
    team_chat = desk.cfg.team("curing-qingshan").chat_id
    assert {r.chat_id for r in rows if r.purpose == "card"} == {team_chat, LEADER}
    assert all(r.priority == 0 for r in rows)


async def test_redelivered_update_creates_no_second_ticket_and_says_the_same_again(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/110")
    first = await desk.send(FARMER, "风机不转了", key="dup-1")
    assert "已报警" in texts(first)
    alerts = len(await desk.outbox())
    again = await desk.send(FARMER, "风机不转了", key="dup-1")
    # The desk alone never shows them, so they are still kept: the repeat says them (an
    # adapter that has shown them forgets them, see test_ptb_adapter).
    assert again.duplicate and again.replies == first.replies
    assert len(await desk.tickets()) == 1
    assert len(await desk.outbox()) == alerts  # nobody is paged twice


async def test_restart_mid_conversation_continues_at_the_same_step(
    db: Database, demo_config: Config
) -> None:
    first = Harness(db, demo_config)
    await first.send(RETAILER, "/new")
    await first.send(RETAILER, "我想办理烟草专卖零售许可证延续，需要带什么材料")
    restarted = Harness(Database(db.url), demo_config)  # a new process on the same database
    out = await restarted.press(RETAILER, "f:next")
    assert "请确认" in texts(out) and "专卖管理所" in texts(out)
    out = await restarted.press(RETAILER, "f:ok")
    assert "已提交" in texts(out)
    [ticket] = await restarted.tickets()
    assert ticket.line == "monopoly" and ticket.kind is Kind.REQUEST
    await restarted.db.dispose()


async def test_traditional_script_gets_traditional_replies(desk: Harness) -> None:
    out = await desk.send(RETAILER, "請問訂貨系統打不開怎麼辦")
    assert "請確認" in texts(out)
    assert "请确认" not in texts(out)


async def test_words_both_scripts_share_do_not_switch_a_traditional_reader(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "請問訂貨系統打不開怎麼辦")
    out = await desk.send(RETAILER, "下一步")  # written the same in both scripts
    assert "請確認" in texts(out)
    assert "可以這樣用" in texts(await desk.send(RETAILER, "/help"))


async def test_someone_elses_contact_is_refused(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    out = await desk.contact(FARMER, "8613711112222", owner=555)
    assert "只能共享您本人的手机号" in texts(out)
    out = await desk.contact(FARMER, "8613800000001", owner=FARMER)
    assert "乡镇" in texts(out)


async def test_location_outside_the_region_is_refused_politely(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "烤房冒烟了")
    out = await desk.location(FARMER, 39.9, 116.4)  # Beijing
    assert "不在我们的服务范围内" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.lat is None  # the alarm is out; the far pin changed nothing
    out = await desk.location(FARMER, 26.513, 106.703)
    assert "位置已告诉值班服务队" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.site_code == "QS01"


async def test_unsupported_and_oversized_messages(desk: Harness) -> None:
    out = await desk.send(FARMER, unsupported="sticker")
    assert "暂不支持这种消息（贴纸）" in texts(out)  # named in Chinese, not "sticker"
    out = await desk.send(FARMER, unsupported="something_new")
    assert "暂不支持这种消息（这类消息）" in texts(out)
    out = await desk.send(FARMER, "/foo")
    assert "没有 /foo 这个命令" in texts(out) and "/110" in texts(out)
    out = await desk.send(FARMER, "烟" * 2500)
    assert "内容太长了" in texts(out)
    out = await desk.press(FARMER, "tk:acc:999")
    assert "失效" in texts(out)
    out = await desk.press(FARMER, "garbage\x00data")
    assert "失效" in texts(out)
    assert await desk.tickets() == []


async def test_a_registered_retailer_over_the_rate_limit_is_not_pointed_to_110(
    desk: Harness,
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    for i in range(desk.cfg.limits.tickets_per_hour):
        await desk.send(RETAILER, f"第{i}次：卷烟订货系统登录不了")
        await desk.press(RETAILER, "f:ok")
    out = await desk.send(RETAILER, "再问一次：配送什么时候到")
    assert "一小时内已提交" in texts(out) and "110" not in texts(out)


async def test_rate_limit_blocks_requests_but_not_110(desk: Harness) -> None:
    for i in range(desk.cfg.limits.tickets_per_hour):
        await desk.send(RETAILER, f"第{i}次：卷烟订货系统登录不了")
        await desk.press(RETAILER, "f:ok")
    out = await desk.send(RETAILER, "再问一次：配送什么时候到")
    assert "一小时内已提交" in texts(out)
    await desk.send(RETAILER, "/110")
    out = await desk.send(RETAILER, "烤房着火了")
    assert "已报警" in texts(out)


async def test_team_loop_accept_race_resolve_confirm_and_rate(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "风机不转，温度上不去")
    await desk.press(FARMER, "f:site:QS01")
    [ticket] = await desk.tickets()
    team_chat = desk.cfg.team("curing-qingshan").chat_id
    won = await desk.press(MEMBER, f"tk:acc:{ticket.id}", chat=team_chat)
    assert won.replies and won.replies[0].edit and "接单" in won.replies[0].text
    lost = await desk.press(OTHER_MEMBER, f"tk:acc:{ticket.id}", chat=team_chat)
    assert "已被" in texts(lost)
    await desk.press(MEMBER, f"tk:res:{ticket.id}", chat=team_chat)
    await desk.send(MEMBER, "更换了风机电容，温度已恢复", chat=team_chat)
    notes = [r for r in await desk.outbox() if r.chat_id == FARMER]
    assert any("已办结" in r.payload["text"] for r in notes)
    await desk.press(FARMER, f"my:ok:{ticket.id}")
    out = await desk.press(FARMER, f"my:r:{ticket.id}:5")
    assert "还有什么想说的" in texts(out)
    out = await desk.send(FARMER, "师傅来得很快")
    [closed] = await desk.tickets()
    assert closed.status is Status.CLOSED and closed.rating == 5
    assert closed.rating_comment == "师傅来得很快"


async def test_stranger_cannot_press_a_team_button(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "掉温了")
    await desk.press(FARMER, "f:skip")
    [ticket] = await desk.tickets()
    out = await desk.press(RETAILER, f"tk:acc:{ticket.id}")
    assert "只有该服务队成员" in texts(out)
    [still] = await desk.tickets()
    assert still.status is Status.DISPATCHED


async def test_extras_say_what_they_added(desk: Harness) -> None:
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "卷烟订货系统登录不了")
    out = await desk.send(RETAILER, "昨天晚上开始的")
    assert "已补充到描述里" in texts(out) and "共 0 项" not in texts(out)
    out = await desk.send(RETAILER, photo_file_id="p1")
    assert "共 1 项补充" in texts(out)
    summary = texts(await desk.press(RETAILER, "f:next"))
    assert "卷烟订货系统登录不了\n昨天晚上开始的" in summary


async def test_news_after_a_110_call_joins_it_instead_of_paging_again(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(FARMER, "现在温度掉到38度了")
    assert "已补充到报警工单" in texts(out)
    assert [t.id for t in await desk.tickets()] == [ticket_id]  # no second alarm
    told = [r for r in await desk.outbox() if r.id not in before]
    assert told and all(r.ticket_id == ticket_id for r in told)
    assert any("38度" in r.payload.get("text", "") for r in told)


async def test_an_emergency_is_not_taken_as_the_answer_to_another_tickets_question(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "育苗的时候出现了病虫害")
    await desk.press(FARMER, "f:next")
    await desk.press(FARMER, "f:ok")
    [question] = await desk.tickets()
    team = desk.cfg.team(question.team_id)
    member, chat = team.members[0], team.chat_id
    await desk.press(member, f"tk:acc:{question.id}", chat=chat)
    await desk.press(member, f"tk:ask:{question.id}", chat=chat)
    await desk.send(member, "是哪个品种？", chat=chat)

    out = await desk.send(FARMER, "烤房着火了！快来人")
    assert "已把您的回复补充" not in texts(out)
    assert "在哪个烤房" in texts(out)  # a 110 call begins
    [still] = [t for t in await desk.tickets() if t.id == question.id]
    assert still.status is Status.WAITING_REQUESTER


async def test_an_emergency_typed_while_registering_raises_the_alarm(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    out = await desk.send(FARMER, "你好")
    assert "f:kind:farmer" in button_data(out)  # the question again, with its buttons
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, "烤房着火了快来人")
    assert "在哪个烤房" in texts(out)
    await desk.press(FARMER, "f:site:QS01")
    [ticket] = await desk.tickets()
    assert ticket.urgent
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.name != "烤房着火了快来人"


async def test_a_photo_without_words_is_kept_and_the_words_asked_for(desk: Harness) -> None:
    out = await desk.send(RETAILER, photo_file_id="shelf-photo")
    assert "已收到" in texts(out) and "用文字或语音说明" in texts(out)
    await desk.send(RETAILER, "配送来的烟有两条包装破损")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.REQUEST and not ticket.urgent
    photos = [r for r in await desk.outbox() if r.method == "send_photo"]
    assert photos and photos[0].payload["file_id"] == "shelf-photo"


async def test_a_retailers_voice_note_starts_a_request_not_a_110_alarm(desk: Harness) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "/cancel")
    out = await desk.send(RETAILER, voice_file_id="voice-1")
    assert "用文字或语音说明" in texts(out)
    assert await desk.tickets() == []  # nobody paged


async def test_a_message_long_after_a_110_call_is_not_news_for_it(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    desk.clock.advance(hours=13)
    out = await desk.send(FARMER, "收购站什么时候开门")
    assert "已补充到报警工单" not in texts(out)
    assert "请确认" in texts(out)  # a new request of its own
    assert [t.id for t in await desk.tickets()] == [ticket_id]


async def test_a_photo_captioned_with_an_emergency_raises_the_alarm_with_it(
    desk: Harness,
) -> None:
    out = await desk.send(FARMER, "烤房着火了快来人", photo_file_id="fire-photo")
    assert "在哪个烤房" in texts(out)
    await desk.press(FARMER, "f:site:QS01")
    [ticket] = await desk.tickets()
    assert ticket.urgent
    photos = [r for r in await desk.outbox() if r.method == "send_photo"]
    assert photos and photos[0].payload["file_id"] == "fire-photo"
