"""Words typed about what one has filed, while it is being worked on: asking how far it has
got (办得怎么样了) lists their tickets with where each stands; withdrawing it (撤回, 取消工单,
不用办了…) asks 「确定撤回」 as /my's 撤回 does (which one first, with several; who has it,
once taken); chasing it (怎么还没人接单) offers ➕ on it. None of them is a new request of
those words, nor a complaint to 纪检作风监督室."""

from __future__ import annotations

import pytest

from core.enums import Status
from core.model import Ticket
from routing import to_simplified
from tests.support.desk import Harness, button_actions, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


async def _licence(desk: Harness, words: str = "许可证快到期了要延续，需要带什么材料？") -> Ticket:
    ticket = await desk.file_request(RETAILER, words)
    assert ticket.team_id == "monopoly" and ticket.status is Status.DISPATCHED
    desk.clock.advance(minutes=20)  # a draft's id is when it began: the next one's differs
    return ticket


@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        ("办得怎么样了", "您的工单（点编号看详情）"),
        ("处理到哪一步了？", "您的工单（点编号看详情）"),
        ("我的许可证延续办得怎么样了", "您的工单（点编号看详情）"),
        ("現在處理到哪一步了？", "您的工單（點編號看詳情）"),
    ],
)
async def test_asking_how_far_it_has_got_lists_their_tickets(
    desk: Harness, typed: str, heading: str
) -> None:
    ticket = await _licence(desk)
    out = await desk.send(RETAILER, typed)
    assert heading in texts(out)
    assert button_data(out) == [f"my:v:{ticket.id}"]
    assert len(await desk.tickets()) == 1


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("撤回", "确定撤回工单"),
        ("我要撤回工单", "确定撤回工单"),
        ("取消工单", "确定撤回工单"),
        ("不用办了，我自己去所里问过了", "确定撤回工单"),
        ("不用辦了，我自己去所裡問過了", "確定撤回工單"),
        # Before: offered as a new ticket for the triage desk (作为新工单提交).
        ("不用了，我想撤回", "确定撤回工单"),
        ("算了，撤回吧", "确定撤回工单"),
        ("那就撤回吧", "确定撤回工单"),
        ("不用了，撤回工單", "確定撤回工單"),
    ],
)
async def test_withdrawing_in_words_asks_to_confirm(desk: Harness, typed: str, asked: str) -> None:
    ticket = await _licence(desk)
    out = await desk.send(RETAILER, typed)
    assert f"{asked} {ticket.label}（" in texts(out)
    assert button_data(out) == [f"my:xx:{ticket.id}", f"my:v:{ticket.id}"]
    [kept] = await desk.tickets()
    assert kept.status is Status.DISPATCHED  # nothing withdrawn before the second tap
    out = await desk.press(RETAILER, f"my:xx:{ticket.id}")
    [withdrawn] = await desk.tickets()
    assert withdrawn.status is Status.CANCELLED


@pytest.mark.parametrize(
    "typed",
    [
        "撤回{n}",
        "撤回工单 {n}",
        "{n}号工单不用办了",
        # Before: 工单 was cut from the words first (取消, 把撤回), which ask nothing.
        "取消工单{n}",
        "取消工单 {n}",
        "把工单{n}撤回",
        "取消工單{n}",
    ],
)
async def test_withdrawing_a_ticket_named_by_its_number_asks_to_confirm_it(
    desk: Harness, typed: str
) -> None:
    licence = await _licence(desk)
    await desk.file_request(RETAILER, "上次送货少了一条玉溪")
    out = await desk.send(RETAILER, typed.format(n=licence.label))
    # Before: the ticket was shown, its 撤回 still to be pressed.
    assert f"确定撤回工单 {licence.label}（" in to_simplified(texts(out))
    assert button_data(out) == [f"my:xx:{licence.id}", f"my:v:{licence.id}"]


async def test_withdrawing_a_number_not_theirs_files_nothing(desk: Harness) -> None:
    await desk.file_110(FARMER)
    [call] = await desk.tickets()
    await _licence(desk)
    out = await desk.send(RETAILER, f"撤回{call.label}")
    # As 撤回工单10019 says; before: offered as a request "撤回10019" (作为新工单提交).
    assert "找不到这个工单" in texts(out)
    assert not any(data.startswith("f:") for data in button_data(out))


async def test_withdrawing_with_two_open_asks_which(desk: Harness) -> None:
    licence = await _licence(desk)
    delivery = await desk.file_request(RETAILER, "上次送货少了一条玉溪")
    out = await desk.send(RETAILER, "撤回")
    assert "您有 2 个工单正在办理。要撤回的是哪一个？" in texts(out)
    assert sorted(button_data(out)) == sorted(f"my:x:{t.id}" for t in (licence, delivery))
    out = await desk.press(RETAILER, f"my:x:{delivery.id}")
    assert f"确定撤回工单 {delivery.label}" in texts(out)
    assert {t.status for t in await desk.tickets()} == {Status.DISPATCHED}


async def test_withdrawing_names_the_ticket_of_the_service_the_words_name(desk: Harness) -> None:
    licence = await _licence(desk)
    await desk.file_request(RETAILER, "上次送货少了一条玉溪")
    out = await desk.send(RETAILER, "许可证延续不用办了")
    assert f"确定撤回工单 {licence.label}（" in texts(out)
    assert button_data(out)[0] == f"my:xx:{licence.id}"


async def test_withdrawing_a_ticket_taken_up_says_who_has_it(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "上次送货少了一条玉溪")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    out = await desk.send(RETAILER, "不用办了，已经补送过来了")
    assert "已经由 物流配送中心" in texts(out) and "不能再撤回了" in texts(out)
    assert button_data(out) == [f"my:add:{ticket.id}"]
    [kept] = await desk.tickets()
    assert kept.status is Status.ACCEPTED


async def test_withdrawing_with_nothing_open_files_nothing(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    out = await desk.send(RETAILER, "取消工单")
    assert "您现在没有正在办理的工单" in texts(out)
    assert await desk.tickets() == []


@pytest.mark.parametrize("typed", ["怎么还没人接单", "怎麼還沒人接單"])
async def test_chasing_an_open_ticket_offers_it(desk: Harness, typed: str) -> None:
    ticket = await _licence(desk)
    out = await desk.send(RETAILER, typed)
    assert "f:add" in button_actions(out)
    [add] = [data for data in button_data(out) if data.startswith("f:add")]
    out = await desk.press(RETAILER, add)
    assert f"{ticket.label}" in texts(out)
    assert len(await desk.tickets()) == 1  # no complaint filed
    assert (await desk.actions(ticket.id or 0))[-1] == "info"


async def test_a_withdrawal_typed_quotes_their_words_as_they_wrote_them(desk: Harness) -> None:
    """A reader of 繁體 who wrote in Simplified reads their words as typed (余 stays 余),
    as in /my and the summary."""
    await desk.press(RETAILER, "lang:hant")
    await desk.file_request(RETAILER, "请余经理回个电话，许可证的事")
    desk.clock.advance(minutes=20)
    out = await desk.send(RETAILER, "撤回")
    assert "確定撤回" in texts(out) and "请余经理" in texts(out)
