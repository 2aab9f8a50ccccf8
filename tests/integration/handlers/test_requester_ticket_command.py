"""/ticket typed by a requester in their private chat: every notice they get names their
ticket by its number, so `/ticket 10019` shows them that ticket as /my does (before: 这个
命令只对服务队和督办人员开放, with no way on); someone else's number, or none, points them to
/my and shows nothing of it."""

from __future__ import annotations

from tests.support.complainant import RETAILER
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER


async def test_a_retailers_ticket_command_shows_their_own_ticket(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    ticket = await desk.file_request(RETAILER, "我订的货一直没送到，订单号20261130")
    out = await desk.send(RETAILER, f"/ticket {ticket.label}")
    shown = texts(out)
    assert f"工单 {ticket.label}" in shown and "我订的货一直没送到" in shown
    assert "只对服务队" not in shown
    assert f"my:x:{ticket.id}" in button_data(out)  # 撤回, as /my offers it


async def test_a_requesters_ticket_command_for_anothers_ticket_shows_nothing_of_it(
    desk: Harness,
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    others = await desk.file_request(FARMER, "想问一下今年烟叶收购什么时候开始")
    for typed in (f"/ticket {others.label}", "/ticket", "/ticket 12345"):
        shown = texts(await desk.send(RETAILER, typed))
        assert "/my" in shown, typed
        assert "收购" not in shown and others.label not in shown, typed
