"""Words whose service is the requester's kind's (`routing.said_by`): a retailer's 烟款 is
what his shop pays for the cigarettes it orders, for 营销服务部; a farmer's, and that of
someone not registered, is what the station pays for the leaf, 烟叶收购's."""

from __future__ import annotations

import pytest

from core.enums import Requester
from routing import Router

_RETAILERS_MONEY = [
    "烟款扣了两次",
    "上个月的烟款怎么还没退",
    "烟款还没到账",
    "上个月的烟款怎么还没结算",
    "我的烟款怎么扣了两次，银行卡少了钱",
    "这个月的结算单怎么看",
    "煙款扣了兩次",
]


@pytest.mark.parametrize("text", _RETAILERS_MONEY)
def test_a_retailers_payment_for_cigarettes_goes_to_ordering(router: Router, text: str) -> None:
    """Before, 烟款扣了两次 from a retailer went to 烟叶收购 (a farmers' purchase team):
    您提到了“烟款”，这类事由烟叶收购办理."""
    decision = router.route(text, barn=False, requester=Requester.RETAILER)
    assert (decision.line, decision.triage) == ("ordering", False), decision.explanation
    assert decision.said[0] in decision.normalized


@pytest.mark.parametrize("requester", [Requester.FARMER, Requester.STAFF, None])
@pytest.mark.parametrize("text", _RETAILERS_MONEY)
def test_the_same_words_from_anyone_else_stay_with_purchase(
    router: Router, text: str, requester: Requester | None
) -> None:
    barn = requester in (None, Requester.FARMER)
    decision = router.route(text, barn=barn, requester=requester)
    assert (decision.line, decision.triage) == ("purchase", False), decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "烟叶款什么时候到账",  # the leaf named: a synonym of 烟款 says more than it
        "烟叶款还没到账",
        "卖烟款还没到账",  # 烟款 is inside 卖烟款, a synonym naming the leaf all the same
        "收购的烟款还没到账",  # beside the leaf's sale, its money is the leaf's
        "我交烟的烟款还没到账",
        "收购的结算单还没来",
        "收购站几号开秤",
        "订烟的钱扣了两次",
        "送货员把烟送错了",
        "烟草证到期了怎么续",
        "投诉客户经理吃拿卡要",
        "烤房停电了",
    ],
)
def test_a_retailers_other_words_route_as_anyones(router: Router, text: str) -> None:
    retailer = router.route(text, barn=False, requester=Requester.RETAILER)
    anyone = router.route(text, barn=False)
    assert (retailer.line, retailer.triage, retailer.matched) == (
        anyone.line,
        anyone.triage,
        anyone.matched,
    )


@pytest.mark.parametrize("text", ["烟叶款还没到账", "卖烟款还没到账"])
def test_a_retailers_leaf_money_named_by_a_synonym_stays_with_purchase(
    router: Router, text: str
) -> None:
    decision = router.route(text, barn=False, requester=Requester.RETAILER)
    assert decision.line == "purchase", decision.explanation
