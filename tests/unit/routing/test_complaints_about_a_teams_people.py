"""A complaint about a team's people named by their place (专卖所的人, 收购站的人, 配送中心的人)
goes to the oversight office (纪检作风监督室), not to the team whose place names them: that
team does not investigate itself. The place's matters, its people's news, praise and a
complaint of a role about a service keep their lines."""

from __future__ import annotations

import pytest

from core.enums import Kind, Requester
from routing import Router


@pytest.mark.parametrize(
    "text",
    [
        "投诉专卖所的工作人员态度差",
        "专卖所的人吃拿卡要",
        "投诉专卖所的人",
        "投訴專賣所的人",
        "专卖所的人态度差",
        "专卖管理所的人态度差",
        "专卖所的人乱罚款",
        "专卖所的人不作为",
        "投诉烟站的人",
        "收购站的人态度差",
        "配送中心的人态度差",
    ],
)
def test_a_complaint_about_a_places_people_goes_to_oversight(router: Router, text: str) -> None:
    """Before, 投诉专卖所的人 went to 专卖管理 (专卖所, 投诉), and 专卖所的人态度差 tied 专卖所's
    3 with 态度差's 3 at the desk."""
    decision = router.route(text, barn=False, requester=Requester.RETAILER)
    assert (decision.line, decision.triage) == ("conduct", False), decision.explanation
    assert decision.filed_as is Kind.COMPLAINT


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("专卖所的人来检查了", "monopoly"),
        ("专卖所的人说许可证可以延续", "monopoly"),
        ("投诉专卖所", "monopoly"),  # the office, no person named
        ("收购站的人说明天开秤", "purchase"),
        ("配送中心的人说明天送货", "delivery"),
        ("投诉配送员小王，送货总是迟到", "delivery"),  # a role, about a service
        ("专卖所的人态度很好，表扬一下", "monopoly"),
        ("专卖所的人没有乱罚款", "monopoly"),
        ("专卖所乱罚款", "triage"),  # the office, no person named: the desk, as before
    ],
)
def test_a_places_matters_news_and_praise_keep_their_line(
    router: Router, text: str, line: str
) -> None:
    decision = router.route(text, barn=False, requester=Requester.RETAILER)
    assert decision.line == line, decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "客户经理态度差",
        "送货员态度差",
        "定级员态度差",
        "专卖所的检查员态度差",
        "客户经理服务态度差",
        "收购站定级员态度差",
    ],
)
def test_a_role_said_to_have_a_bad_manner_goes_to_oversight(router: Router, text: str) -> None:
    """态度差 weighs as 态度很差 and 态度不好 do: before, 客户经理态度差 tied 客户经理's 3 at the
    desk, and 专卖所的检查员态度差 went to 专卖管理, the team of the person complained of."""
    decision = router.route(text, barn=False, requester=Requester.RETAILER)
    assert (decision.line, decision.triage) == ("conduct", False), decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("客户经理态度不差，就是货源少", "ordering"),
        ("客户经理态度很好，表扬一下", "ordering"),
        ("这个烟的口感差", "triage"),
        ("信号差，订货系统登不上", "ordering"),
    ],
)
def test_a_good_manner_or_another_thing_bad_keeps_its_line(
    router: Router, text: str, line: str
) -> None:
    decision = router.route(text, barn=False, requester=Requester.RETAILER)
    assert decision.line == line, decision.explanation
