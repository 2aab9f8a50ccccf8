"""Routing words written in Traditional characters are refused by the config's checks: every
request is read in Simplified, so such a word would never match and its line would lose it
without a word said."""

from __future__ import annotations

import pytest

from core.config import ConfigError, parse_config
from tests.support.minimal_config import MINIMAL


def errors_of(text: str, source: str | None = None) -> list[str]:
    def read(name: str) -> str:
        if name != "keywords.yaml":
            raise FileNotFoundError(2, "No such file or directory")
        return KEYWORDS_FILE

    with pytest.raises(ConfigError) as caught:
        parse_config(text, read, source=source)
    return caught.value.errors


KEYWORDS_FILE = "keywords:\n  curing:\n    words: {烤房: 3, 電烤房: 3}\n"


def test_a_traditional_keyword_is_refused_with_its_file_place_and_simplified_form() -> None:
    errors = errors_of("include: [keywords.yaml]\n" + MINIMAL, source="bureau.yaml")
    assert errors == [
        "keywords.yaml: keywords.curing.words: '電烤房' is written in Traditional characters "
        "and would never match, as requests are read in Simplified; write '电烤房'"
    ]


def test_traditional_words_of_every_routing_table_are_refused() -> None:
    text = MINIMAL + (
        "keywords:\n"
        "  curing:\n"
        "    words: {风机+壞: 3}\n"
        "    synonyms: {烤房: [烤屋, 烤房間]}\n"
        "    negative: {電話: 1}\n"
        "routing:\n"
        "  emergency_words: {停電: 4}\n"
        "  fault_words: [壞了]\n"
        "  word_groups: {职员: [收購員]}\n"
    )
    assert [error.split(":")[0] for error in errors_of(text)] == [
        "keywords.curing.words",
        "keywords.curing.synonyms",
        "keywords.curing.negative",
        "routing.emergency_words",
        "routing.fault_words",
        "routing.word_groups",
    ]


def test_simplified_words_group_names_and_a_traditional_synonym_of_its_word_pass() -> None:
    # 打坏 is Simplified, though OpenCC's phrase table rewrites it; <職員> is the config's own
    # name for a group; 菸苗 for 烟苗 is read as 烟苗, which counts already.
    text = MINIMAL + (
        "keywords:\n"
        "  curing:\n"
        "    words: {打坏: 2, 骂我+<職員>: 3, 烟苗: 2}\n"
        "    synonyms: {烟苗: [菸苗]}\n"
        "routing:\n"
        "  word_groups: {職員: [收购员]}\n"
    )
    assert parse_config(text).keywords["curing"].words["打坏"] == 2
