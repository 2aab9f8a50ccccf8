"""Words that sound like a line's (很凶, 投诉 or 拿…不给钱 beside one of the bureau's people,
乱收费; 烟站 beside money not paid; 结账 from a retailer) said, in the sentence, of something
or someone else: pests, the weather or a neighbour, the service a team gives, another firm,
money the writer owes, a shop's own till. They keep the line of what they are said of."""

from __future__ import annotations

import pytest

from core.enums import Requester
from routing import Router


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # 很凶 of pests, weather, a checking campaign or a third person, not of the staff member
        ("烟站的人说今年病虫害很凶", "growing"),
        ("烟站的人说赤星病来得很凶", "growing"),
        ("技术员说今年烟青虫很凶，要打什么药", "growing"),
        ("收购站的人说今年霜冻很凶，烟叶怎么办", "purchase"),
        ("送货员说雨下得很凶，今天送不了", "delivery"),
        ("送货员说外面的狗很凶，不敢进来", "delivery"),
        ("客户经理说那条狗很凶", "ordering"),
        ("专卖所的人说那个卖假烟的很凶，让我们小心", "monopoly"),
        ("专卖所的人最近查私烟查得很凶", "monopoly"),
    ],
)
def test_fierce_said_of_something_else_keeps_the_service_line(
    router: Router, text: str, line: str
) -> None:
    decision = router.route(text)
    assert (decision.line, decision.triage) == (line, False), decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # a complaint about the service the team gives (late, slow, wrong), not misconduct
        ("投诉你们的人送货总是迟到", "delivery"),
        ("投诉配送中心的人送货迟到", "delivery"),
        ("投诉配送中心的人把货送错了", "delivery"),
        ("投诉收购站的人磅秤不准", "purchase"),
        ("投诉营业厅的人许可证办了一个月还没办好", "monopoly"),
        # 投诉 of a third party, the bureau's people only named as who said something
        ("专卖所的人说投诉卖假烟的要拍照片", "monopoly"),
        ("我想投诉隔壁卖假烟的，专卖所的人说要有证据", "monopoly"),
        ("专卖所的人让我投诉隔壁卖私烟的", "monopoly"),
    ],
)
def test_a_complaint_about_a_teams_service_stays_with_the_team(
    router: Router, text: str, line: str
) -> None:
    decision = router.route(text)
    assert (decision.line, decision.triage) == (line, False), decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "客户拿了两条烟不给钱，专卖所的人说不管",
        "有人在我店里拿了两条烟不给钱跑了，专卖所的人说报警",
        "专卖所的人说客户拿了两条烟没给钱",
        "配送中心的人说周转箱被拿走了两条烟没给钱",
    ],
)
def test_goods_taken_unpaid_by_someone_else_are_no_staff_misconduct(
    router: Router, text: str
) -> None:
    """A customer or a thief took the cigarettes; the bureau's people are only named."""
    decision = router.route(text, barn=False, requester=Requester.RETAILER)
    assert decision.line != "conduct", decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "我欠烟站的化肥钱还没给",
        "烟站的化肥钱还没给，要交多少",
    ],
)
def test_money_the_farmer_owes_the_station_stays_with_growing(router: Router, text: str) -> None:
    """Money the farmer is to pay the station, for its fertiliser, is no money it owes him
    for the leaf: the growing team's."""
    decision = router.route(text, requester=Requester.FARMER)
    assert (decision.line, decision.triage) == ("growing", False), decision.explanation


@pytest.mark.parametrize("text", ["烟站的钱还没到帐", "煙站的錢還沒到帳"])
def test_station_money_not_come_in_spelt_with_zhang_goes_to_purchase(
    router: Router, text: str
) -> None:
    """到帐 (and the Traditional 到帳, which OpenCC leaves as 到帐) is 到账 as commonly
    written: read as 还没到 alone, these went to 物流配送."""
    decision = router.route(text, requester=Requester.FARMER)
    assert (decision.line, decision.triage) == ("purchase", False), decision.explanation


@pytest.mark.parametrize("text", ["物业乱收费", "医院乱收费", "學校亂收費", "快递乱收费怎么办"])
def test_another_organisations_charging_is_not_sent_to_the_conduct_office(
    router: Router, text: str
) -> None:
    """乱收费 of a firm not the bureau's is no matter for 纪检作风监督室, whose people are
    the bureau's own."""
    decision = router.route(text)
    assert decision.line != "conduct", decision.explanation
