"""A shop kept for years, however many and however written (两年, 十五年, 二十几年, 10年),
opens no shop: no new licence is asked, and the rest of the message decides. A shop about
to open (我想开店卖烟, 开店卖烟两年能回本吗) still asks the licence office."""

from __future__ import annotations

import pytest

from routing import Router
from routing.segment import cut


@pytest.mark.parametrize(
    "text",
    [
        "开店卖烟两年了",
        "開店賣菸兩年了",
        "开店卖烟三年了",
        "开店卖烟一年多了",
        "开店卖烟五六年了",
        "开店卖烟十五年了",
        "开店卖烟二十几年了",
        "开店卖烟几年了",
        "开店卖烟好几年了",
    ],
)
def test_a_shop_kept_for_any_count_of_years_opens_no_shop(router: Router, text: str) -> None:
    """As 开店卖烟十年了: before, a count jieba keeps as one word (两年|了, 十五年|了) hid the
    年了, and the shop went to 专卖管理 as a new one (开店卖烟)."""
    decision = router.route(text)
    assert decision.triage, decision.explanation


def test_a_shop_kept_for_years_goes_where_its_question_does(router: Router) -> None:
    decision = router.route("我开店卖烟三年了，今年订货量怎么减了")
    assert (decision.line, decision.triage) == ("ordering", False), decision.explanation


@pytest.mark.parametrize(
    "text", ["我想开店卖烟", "开店卖烟两年能回本吗", "明年想开店卖烟", "过了年了想开店卖烟"]
)
def test_a_shop_about_to_open_still_asks_for_a_licence(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.line == "monopoly", decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "开店卖烟十年能回本吗",
        "開店賣菸十年能回本嗎",
        "开店卖烟几年能收回成本",
        "我想开个小卖部卖烟，几年能回本",
    ],
)
def test_years_ahead_to_pay_back_a_shop_still_ask_for_a_licence(router: Router, text: str) -> None:
    """十年能回本 counts years ahead, not a shop kept: before, 开店卖烟十年能回本吗 read as a
    shop ten years old and waited at the desk with no line (没有匹配到关键词)."""
    decision = router.route(text)
    assert (decision.line, decision.triage) == ("monopoly", False), decision.explanation


def test_a_count_of_years_is_cut_apart_from_its_year() -> None:
    assert cut("开店卖烟十五年多了") == ["开店", "卖", "烟", "十五", "年", "多", "了"]
    assert cut("今年明年去年过了年") == ["今年", "明年", "去年", "过了年"]
