"""A requester's odd input (a second press, an essay, emoji, a mistyped number): a clear
reply in their script, and nothing changed that they did not mean to change."""

from __future__ import annotations

from core.enums import Status
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER

RETAILER = 100002


async def test_withdrawing_twice_says_so_once_and_tells_the_team_once(desk: Harness) -> None:
    await desk.send(RETAILER, "訂貨系統打不開")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    await desk.press(RETAILER, f"my:x:{ticket.id}")
    told = len(await desk.outbox())
    out = await desk.press(RETAILER, f"my:x:{ticket.id}")
    assert texts(out).strip() == "工單當前狀態（已撤回）不能這樣操作。"
    assert len(await desk.outbox()) == told  # no second 已由报告人撤回 to the team
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED


async def test_confirming_a_110_withdrawal_twice_says_so_once(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(FARMER, f"my:xx:{ticket_id}")
    told = len(await desk.outbox())
    out = await desk.press(FARMER, f"my:xx:{ticket_id}")
    assert "已撤回" in texts(out) and "工单 10019 已撤回" not in texts(out)
    assert len(await desk.outbox()) == told
