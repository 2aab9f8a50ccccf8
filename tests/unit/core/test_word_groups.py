"""Word groups in routing terms: 骂我+<职员> counts beside every role of the group."""

from __future__ import annotations

import pytest

from core.config import ConfigError, KeywordTable, RoutingSettings, parse_config
from core.word_groups import expand, members, unknown_groups
from routing.scoring import CompiledTables
from routing.segment import cut
from tests.support.minimal_config import MINIMAL

GROUPS = {
    "店里的职员": ["客户经理", "送货员"],
    "站里的职员": ["收购员", "定级员"],
    "职员": ["<店里的职员>", "<站里的职员>", "工作人员"],
    "未成年": ["小孩", "学生"],
}


def test_a_term_is_one_term_per_word_of_its_group() -> None:
    assert expand("骂我+<站里的职员>", GROUPS) == ["骂我+收购员", "骂我+定级员"]


def test_a_group_may_sit_inside_a_word() -> None:
    assert expand("<未成年>来买烟", GROUPS) == ["小孩来买烟", "学生来买烟"]


def test_two_groups_in_one_term_give_every_combination() -> None:
    assert expand("<未成年>+<店里的职员>", GROUPS) == [
        "小孩+客户经理",
        "小孩+送货员",
        "学生+客户经理",
        "学生+送货员",
    ]


def test_a_group_named_in_a_group_brings_its_words() -> None:
    assert members("职员", GROUPS) == ["客户经理", "送货员", "收购员", "定级员", "工作人员"]


def test_a_term_naming_no_group_is_itself() -> None:
    assert expand("风机+坏", GROUPS) == ["风机+坏"]


def test_a_group_nobody_defined_is_reported() -> None:
    assert unknown_groups(["骂我+<职工>", "<职员>买烟"], GROUPS) == ["职工"]


def test_a_keyword_table_naming_an_undefined_group_is_refused() -> None:
    text = MINIMAL + "keywords:\n  curing:\n    words: {烤房+<职工>: 3}\n"
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert any("<职工>" in error for error in caught.value.errors), caught.value.errors


def test_an_undefined_group_in_a_routing_table_is_named_with_its_table_and_term() -> None:
    text = MINIMAL + (
        "routing:\n  complaint_words: {爱答不理+<职工>: 3}\n  word_groups: {职员: [收购员]}\n"
    )
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert caught.value.errors == [
        "routing: complaint_words: '爱答不理+<职工>' names <职工>, a group word_groups does "
        "not define (defined: 职员): define it there or correct the name"
    ]


def test_a_group_within_itself_is_refused() -> None:
    with pytest.raises(ValueError, match="contains itself"):
        RoutingSettings(word_groups={"职员": ["<职员>", "站长"]})


def test_a_role_of_the_group_scores_as_the_written_role_in_the_explanation() -> None:
    """The explanation names the role that was said (骂我+收购员), not the group."""
    tables = {"conduct": KeywordTable(words={"骂我+<职员>": 4.0})}
    settings = RoutingSettings(word_groups=GROUPS)
    evidence = CompiledTables(tables, settings).evidence(cut("收购员骂我"))
    assert evidence.words["conduct"] == {"骂我+收购员": [1.0, 4.0]}
