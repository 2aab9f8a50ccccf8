"""One mention is one piece of evidence: a word inside a longer matched word of its line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.config import KeywordTable, RoutingSettings
from core.enums import Kind
from routing import Router
from routing.scoring import Channel, CompiledTables, Entry, holders
from routing.segment import cut

PURCHASE = {"purchase": KeywordTable(words={"收购": 2.0, "收购站": 3.0, "收购+压级": 2.0})}


def words_of(text: str) -> dict[str, float]:
    """canonical word -> count, of the purchase line, for `text`."""
    evidence = CompiledTables(PURCHASE, RoutingSettings()).evidence(cut(text))
    return {word: count for word, (count, _score) in evidence.words.get("purchase", {}).items()}


def test_a_word_inside_a_longer_matched_word_does_not_count_again() -> None:
    assert words_of("收购站几号开秤") == {"收购站": 1}


def test_a_word_said_more_often_than_the_longer_one_still_counts() -> None:
    assert words_of("收购站说收购价格要涨") == {"收购": 2, "收购站": 1}


def test_holders_are_the_longer_words_of_the_same_line() -> None:
    entries = [
        Entry(Channel.LINE, "purchase", "收购", 2.0),
        Entry(Channel.LINE, "purchase", "收购站", 3.0),
        Entry(Channel.LINE, "purchase", "收购+压级", 2.0),
        Entry(Channel.LINE, "monopoly", "烟叶收购证", 3.0),
        Entry(Channel.EMERGENCY, "", "停电", 3.0),
        Entry(Channel.LINE, "curing", "烤房停电", 3.0),
    ]
    assert holders(entries, emergency_line="curing") == {
        "purchase": {"收购": ("收购站", "收购+压级")},
        # An emergency word is credited to the 110 line, so its longer words hold it there.
        "curing": {"停电": ("烤房停电",)},
    }
    assert holders(entries, emergency_line=None) == {"purchase": {"收购": ("收购站", "收购+压级")}}


# Words of a small alphabet, so that one often lies inside another, some conjunctions.
_WORDS = st.lists(
    st.text(alphabet="收购站压级+", min_size=1, max_size=6).filter(
        lambda w: not w.startswith("+") and not w.endswith("+") and "++" not in w
    ),
    unique=True,
    max_size=30,
)


@given(_WORDS)
def test_holders_are_every_longer_word_holding_a_plain_one_in_the_tables_order(
    words: list[str],
) -> None:
    """Found by the pieces of each word, as by comparing every pair of words (which took
    seconds once word groups made thousands of terms)."""
    entries = [Entry(Channel.LINE, "purchase", word, 1.0) for word in words]
    pairwise = {
        word: tuple(o for o in words if len(o) > len(word) and word in o)
        for word in words
        if "+" not in word
    }
    expected = {word: longer for word, longer in pairwise.items() if longer}
    assert holders(entries, emergency_line=None).get("purchase", {}) == expected


def test_dropping_the_emergency_words_leaves_the_line_its_own_evidence() -> None:
    tables = {
        "curing": KeywordTable(words={"烤房停电": 3.0, "烤房": 3.0}),
        "ordering": KeywordTable(words={"订货": 3.0}),
    }
    settings = RoutingSettings(emergency_words={"停电": 4.0, "风机+坏": 4.0})
    compiled = CompiledTables(tables, settings, emergency_line="curing")

    def dropped(text: str) -> tuple[dict[str, float], dict[str, list[float]]]:
        evidence = compiled.evidence(cut(text))
        evidence.drop_emergency("curing")
        assert Channel.EMERGENCY not in evidence.signals and evidence.emergency_boost == 0
        return evidence.scores, evidence.words.get("curing", {})

    # 停电 held by 烤房停电 was not counted: nothing more comes off.
    assert dropped("烤房停电了") == ({"curing": 3.0, "ordering": 0.0}, {"烤房停电": [1, 3.0]})
    assert dropped("烤房的风机坏了，停电了") == (
        {"curing": 3.0, "ordering": 0.0},
        {"烤房": [1, 3.0]},
    )
    assert dropped("订货那天停电了") == ({"curing": 0.0, "ordering": 3.0}, {})


def test_a_synonym_stands_for_its_word_in_conjunctions_and_signals() -> None:
    tables = {"curing": KeywordTable(words={"风机": 2.0}, synonyms={"风机": ["风鸡"]})}
    settings = RoutingSettings(emergency_words={"风机+不转": 4.0, "风机": 1.0})
    compiled = CompiledTables(tables, settings, emergency_line="curing")
    evidence = compiled.evidence(cut("风鸡不转了"))
    assert set(evidence.signals[Channel.EMERGENCY]) == {"风机+不转", "风机"}
    assert compiled.evidence(cut("风鸡又响了")).signals[Channel.EMERGENCY] == {"风机": 1.0}


def test_of_equal_scores_the_line_with_the_strongest_word_is_ranked_first() -> None:
    """Not the tables' order: 烤房 (3, alone says which line) before 收购 1.5 + 站里 1.5."""
    tables = {
        "purchase": KeywordTable(words={"收购": 1.5, "站里": 1.5}),
        "curing": KeywordTable(words={"烤房": 3.0}),
    }
    evidence = CompiledTables(tables, RoutingSettings()).evidence(cut("站里收购烤房"))
    assert evidence.ranked() == [("curing", 3.0), ("purchase", 3.0)]


def test_a_variant_counts_exactly_as_its_word_a_part_alone_counts_nothing() -> None:
    """骂我 is only a part of 骂我+送货员: 吼我 beside 送货员 is that complaint, and alone
    (儿子吼我) nothing, as 骂我 alone is; a variant of a negative word takes back as it does."""
    tables = {
        "conduct": KeywordTable(
            words={"骂我+送货员": 4.0},
            negative={"表扬": 5.0},
            synonyms={"骂我": ["吼我"], "表扬": ["点赞"]},
        ),
        "delivery": KeywordTable(words={"送货员": 2.0}),
    }
    compiled = CompiledTables(tables, RoutingSettings())

    def scores(text: str) -> dict[str, float]:
        return compiled.evidence(cut(text)).scores

    assert scores("儿子吼我") == scores("儿子骂我") == {"conduct": 0.0, "delivery": 0.0}
    assert scores("送货员吼我")["conduct"] == scores("送货员骂我")["conduct"] == 4.0
    assert scores("给送货员点赞")["conduct"] == scores("给送货员表扬")["conduct"] == -5.0


def test_a_variant_inside_its_own_word_does_not_count_it_twice() -> None:
    tables = {
        "monopoly": KeywordTable(
            words={"许可证": 3.0, "烟草证": 3.0},
            synonyms={"许可证": ["许可"], "烟草证": ["烟草许可证"]},
        )
    }
    compiled = CompiledTables(tables, RoutingSettings())

    def words(text: str) -> dict[str, list[float]]:
        return compiled.evidence(cut(text)).words.get("monopoly", {})

    assert words("许可证地址要改") == {"许可证": [1, 3.0]}
    assert words("我的许可快到期了") == {"许可证": [1, 3.0]}
    assert compiled.evidence(cut("许可证地址要改")).scores["monopoly"] == 3.0


def test_an_emergency_said_not_to_be_does_not_count(router: Router) -> None:
    """不是停电，是风机不转: the power is on; the team is not told 停电."""
    fan = router.route("我家烤房不是停电，是风机不转")
    assert fan.emergency and "停电" not in fan.explanation and "风机+停" not in fan.explanation
    assert not router.route("烤房没停电").emergency


def test_an_emergency_set_aside_for_another_fault_is_asked_about(router: Router) -> None:
    """不是停电，是…: a fault all the same, though the tables may not know its words."""
    belt = router.route("不是停电，是风机皮带断了，现在烤房里头闷起的")
    assert not belt.emergency and belt.suspect == ("不是停电",)


def test_a_complaint_said_not_to_be_does_not_count(router: Router) -> None:
    queue = router.route("收购站的人没有吃拿卡要，就是排队太久")
    assert queue.kind is None and queue.line == "purchase"
    assert router.route("客户经理很负责，从来没有吃拿卡要").kind is None


@pytest.mark.parametrize(
    "text",
    [
        "收购站的人说没有红包就不给定高等级",  # the very demand complained about
        "收购站定级员说没有红包他们根本不给定高等级",
        "收购站的人说没有红包，等级就往下压",
        "收购站的人这不是刁难人吗",  # a question, not a denial
    ],
)
def test_a_demand_or_a_question_complained_about_counts_though_negated(
    router: Router, text: str
) -> None:
    decision = router.route(text)
    assert decision.kind is Kind.COMPLAINT and decision.line == "conduct"


def test_a_service_word_after_a_negation_is_still_the_services_problem(router: Router) -> None:
    assert router.route("今天的烟还没送到").line == "delivery"


def test_no_bribe_said_in_praise_is_no_complaint(router: Router) -> None:
    assert router.route("收购站定级很公平，没有红包也给定高等级").kind is None


def test_of_thousands_sharing_a_first_part_only_those_whose_parts_were_said_count() -> None:
    """A word group puts one first part beside thousands of words (技术员+<misdeed>); a
    conjunction counts when all its parts are said, whichever of them the text holds."""
    misdeeds = {f"技术员+坏事{n}": 1.0 for n in range(3000)}
    tables = {
        "conduct": KeywordTable(words={**misdeeds, "技术员+红包": 4.0, "技术员+不干事+拿工资": 3.0})
    }
    compiled = CompiledTables(tables, RoutingSettings())

    def words(text: str) -> dict[str, float]:
        found = compiled.evidence(cut(text)).words.get("conduct", {})
        return {word: count for word, (count, _score) in found.items()}

    assert words("技术员收红包，那个技术员光拿工资不干事") == {
        "技术员+红包": 1,
        "技术员+不干事+拿工资": 1,
    }
    assert words("技术员光拿工资") == {}
    assert words("技术员做了坏事2999") == {"技术员+坏事2999": 1}
