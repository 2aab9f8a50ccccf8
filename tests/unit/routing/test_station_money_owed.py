"""The station's money not paid over to the farmer (烟站还没给钱, 烟站的钱还没到账, 烟站拖欠我们的
钱) is what it owes for the leaf, 烟叶收购's; money he is to pay it, or its people's own
dealings, are not."""

from __future__ import annotations

import pytest

from core.enums import Requester
from routing import Router


@pytest.mark.parametrize(
    "text",
    [
        "烟站还没给钱",
        "烟站一直不给钱",
        "菸站還沒給錢",
        "烟站的钱还没到账",
        "烟站的钱还没给",
        "烟站拖欠我们的钱",
        "交烟一个月了烟站还没付钱",
        "卖烟的钱还没给",
        "烟站欠我的钱什么时候给",
        "烟站还欠我们两千块",
        "煙站欠我的錢",
    ],
)
def test_the_station_not_paying_the_farmer_goes_to_purchase(router: Router, text: str) -> None:
    """Before, 烟站还没给钱 matched nothing (没有匹配到关键词) and 烟站的钱还没到账 tied with
    物流配送's 还没到: both waited at the desk."""
    decision = router.route(text, requester=Requester.FARMER)
    assert (decision.line, decision.triage) == ("purchase", False), decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("烟站卖的化肥要先给钱吗", "growing"),  # the farmer pays: the fertiliser's
        ("烟站的地膜要给钱吗", "growing"),
        ("去烟站领化肥要给钱吗", "growing"),
        ("烟站的化肥钱交了还没发", "growing"),
        ("烟站的人不给钱就不给定级", "conduct"),  # money asked for a grade
        ("烟站的人收了我的钱", "conduct"),
        ("烟站的人打牌赢了我的钱", "conduct"),
        ("客户经理还没给钱", "ordering"),  # not the station
    ],
)
def test_money_the_farmer_pays_or_the_stations_people_take_keeps_its_line(
    router: Router, text: str, line: str
) -> None:
    decision = router.route(text, requester=Requester.FARMER)
    assert decision.line == line, decision.explanation


@pytest.mark.parametrize(
    "text", ["烟站借我的钱不还", "烟站的人找我借钱", "烟站的人乱收钱", "烟站育的苗多少钱一盘"]
)
def test_the_stations_people_owing_or_charging_is_no_payment_for_the_leaf(
    router: Router, text: str
) -> None:
    decision = router.route(text, requester=Requester.FARMER)
    assert decision.line != "purchase", decision.explanation


@pytest.mark.parametrize(
    "text", ["烟站的烟叶款还没到账，扣了化肥钱", "烟站的烟款还没到账，我欠烟站的化肥钱能不能先扣"]
)
def test_leaf_money_not_arrived_beside_a_fertiliser_deduction_stays_with_purchase(
    router: Router, text: str
) -> None:
    """The 我付站里的 negative takes back only 烟站+到账's own points, once: 到账, which that
    pair held, counts as it would without it (it tied 烟叶生产技术 at the desk)."""
    decision = router.route(text, requester=Requester.FARMER)
    assert (decision.line, decision.triage) == ("purchase", False), decision.explanation
