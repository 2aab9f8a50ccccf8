from __future__ import annotations

from routing.matcher import TermMatcher


def test_a_term_made_of_several_tokens_matches() -> None:
    assert TermMatcher(["风机不转"]).count(["风机", "不", "转", "了"]) == {"风机不转": 1}


def test_a_term_inside_one_long_token_matches() -> None:
    assert TermMatcher(["许可证"]).count(["专卖许可证", "到期"]) == {"许可证": 1}


def test_a_term_split_by_a_word_boundary_does_not_match() -> None:
    # 预订|货车 must not count as 订货.
    assert TermMatcher(["订货"]).count(["我", "想", "预订", "货车"]) == {}


def test_repeats_are_counted() -> None:
    tokens = ["烤房", "停电", ",", "烤房", "里", "的", "烟"]
    assert TermMatcher(["烤房", "停电"]).count(tokens) == {"烤房": 2, "停电": 1}


def test_single_character_terms_match_whole_tokens_only() -> None:
    matcher = TermMatcher(["证"])
    assert matcher.count(["没", "证", "卖烟"]) == {"证": 1}
    assert matcher.count(["证明", "材料"]) == {}
