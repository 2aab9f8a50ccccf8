"""Requester conversations through the neutral desk, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from core.config import Config
from core.enums import Kind, Priority, Status
from storage.uow import Database
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, OTHER_MEMBER

RETAILER = 100002


@pytest.fixture
async def desk(db: Database, demo_config: Config) -> Harness:
    harness = Harness(db, demo_config)
    await harness.seed()
    return harness


async def test_night_110_from_free_text_dispatches_urgently(desk: Harness) -> None:
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉，快来人")
    assert "在哪个烤房" in texts(out)
    assert "f:site:QS01" in button_data(out)
    out = await desk.press(FARMER, "f:site:QS01")
    assert "已报警" in texts(out) and "10019" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.priority is Priority.URGENT
    assert ticket.team_id == "curing-qingshan" and ticket.status is Status.DISPATCHED
    rows = await desk.outbox()
    team_chat = desk.cfg.team("curing-qingshan").chat_id
    assert {r.chat_id for r in rows if r.purpose == "card"} == {team_chat, LEADER}
    assert all(r.priority == 0 for r in rows)


async def test_redelivered_update_creates_no_second_ticket(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "风机不转了", key="dup-1")
    first = await desk.press(FARMER, "f:skip", message_id=None)
    assert "已报警" in texts(first)
    again = await desk.send(FARMER, "风机不转了", key="dup-1")
    assert again.duplicate and again.replies == []
    assert len(await desk.tickets()) == 1


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
    assert await desk.tickets() == []
    out = await desk.location(FARMER, 26.513, 106.703)
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.site_code == "QS01"


async def test_unsupported_and_oversized_messages(desk: Harness) -> None:
    out = await desk.send(FARMER, unsupported="sticker")
    assert "暂不支持" in texts(out)
    out = await desk.send(FARMER, "烟" * 2500)
    assert "内容太长了" in texts(out)
    out = await desk.press(FARMER, "tk:acc:999")
    assert "失效" in texts(out)
    out = await desk.press(FARMER, "garbage\x00data")
    assert "失效" in texts(out)
    assert await desk.tickets() == []


async def test_rate_limit_blocks_requests_but_not_110(desk: Harness) -> None:
    for i in range(desk.cfg.limits.tickets_per_hour):
        await desk.send(RETAILER, f"第{i}次：卷烟订货系统登录不了")
        await desk.press(RETAILER, "f:ok")
    out = await desk.send(RETAILER, "再问一次：配送什么时候到")
    assert "一小时内已提交" in texts(out)
    await desk.send(RETAILER, "/110")
    await desk.send(RETAILER, "烤房着火了")
    out = await desk.press(RETAILER, "f:skip")
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
