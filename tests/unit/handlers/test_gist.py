"""A ticket's words in short, as lists and buttons show them to tell it from the others."""

from __future__ import annotations

import pytest

from core.enums import Kind, Priority
from core.model import Ticket
from handlers.cards import gist
from routing.reader import unwrapped
from tests.support.tickets import T0


def _gist(text: str) -> str:
    ticket = Ticket(Kind.WISH, Priority.NORMAL, text, 1, 1, "staff", "staff", T0)
    return unwrapped(gist(ticket))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("关于职工生活方面，我们科室希望单位：食堂增加晚餐", "食堂增加晚餐"),  # the item
        ("希望单位：组织一次职工体检", "组织一次职工体检"),
        ("心愿：增加停车位", "增加停车位"),
        ("電話：1", "電話：1"),  # nothing after the colon worth showing alone
        ("卷烟订单没到，客户经理说：明天送", "卷烟订单没到，客户经理说…"),  # words said
        ("温控仪显示：E3", "温控仪显示：E3"),
        ("明天8:30到烤房看看风机", "明天8:30到烤房看看…"),  # a time's colon leads nothing in
        ("希望单位组织一次职工体检活动", "希望单位组织一次职工体检…"),  # not 职工体
        ("订货系统打不开\n登录时一直转圈", "订货系统打不开 登录时…"),  # one line
        ("一、食堂增加素食窗口\n二、健身房延长开放时间", "一、食堂增加素食窗口…"),  # no "二…"
        ("烤房温度上不去，一直在往下掉", "烤房温度上不去，一直在…"),
        ("[语音]", "[语音]"),
        # A space before a number, left out of the router's cut, is counted (not 温…).
        ("烤房 3 号风机坏了，温度上不去", "烤房 3 号风机坏了…"),
    ],
)
def test_the_gist_is_the_item_cut_between_words(text: str, shown: str) -> None:
    assert _gist(text) == shown


def test_a_traditional_text_is_cut_between_its_words_too() -> None:
    assert _gist("希望單位組織一次職工體檢活動") == "希望單位組織一次職工體檢…"
