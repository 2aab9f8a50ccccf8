"""One of the bureau's people shielding what they should stop (包庇, 纵容, 睁一只眼闭一只眼) is
their misconduct, for the oversight office, whatever the tip-off beside it is about; the
words said of anyone else, or denied, are not."""

from __future__ import annotations

import pytest

from routing import Router


@pytest.mark.parametrize(
    "text",
    [
        "举报隔壁卖假烟，专管员包庇",
        "舉報隔壁賣假菸，專管員包庇",
        "市管员纵容他们卖私烟",
        "稽查员对假烟睁一只眼闭一只眼",
        "收购员包庇私收烟贩",
        "烟站工作人员放任私收烟贩进村",
    ],
)
def test_an_officer_shielding_an_offence_is_heard_by_oversight(router: Router, text: str) -> None:
    """Before, 举报隔壁卖假烟，专管员包庇 went to 专卖管理, the office of the officer
    complained about (专卖管理 — 假烟, 举报, 专管员)."""
    decision = router.route(text)
    assert decision.line == "conduct", decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "举报隔壁卖假烟",
        "邻居包庇他儿子卖假烟",
        "家长纵容孩子买烟",
        "专管员说绝不包庇",
        "稽查员没有纵容谁",
        "举报有人卖假烟，请稽查员来处理",
    ],
)
def test_shielding_by_no_officer_or_denied_stays_with_the_licence_office(
    router: Router, text: str
) -> None:
    decision = router.route(text)
    assert decision.line == "monopoly", decision.explanation
