"""A role of the bureau's people said to have a bad manner (客户经理态度差, 送货员态度差) goes
to the oversight office (纪检作风监督室), not to the team whose role names them: that team does
not investigate itself. A good manner, or another thing said to be bad, keeps its line."""

from __future__ import annotations

import pytest

from core.enums import Requester
from routing import Router


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
