"""A keyword's weight is how much it counts for its line (or, under negative:, against it):
one of 0 or below is refused, with where the word belongs instead."""

from __future__ import annotations

import pytest

from core.config import ConfigError, parse_config
from tests.support.minimal_config import MINIMAL


def errors_of(keywords: str) -> list[str]:
    def read(name: str) -> str:
        raise FileNotFoundError(2, "No such file or directory")

    with pytest.raises(ConfigError) as caught:
        parse_config(MINIMAL + keywords, read)
    return caught.value.errors


@pytest.mark.parametrize("table", ["words", "negative"])
def test_a_weight_of_zero_or_below_is_refused_with_the_word_and_negative_named(table: str) -> None:
    errors = errors_of(f"keywords:\n  curing:\n    {table}: {{烤房: -3, 风机: 0, 温度: 2}}\n")
    assert errors == [
        f"keywords.curing.{table}: weights must be above 0 (烤房: -3, 风机: 0); a word that "
        "argues against the line goes under negative:, with a weight above 0"
    ]


def test_weights_above_zero_pass() -> None:
    text = MINIMAL + "keywords:\n  curing:\n    words: {烤房: 3}\n    negative: {电话: 0.5}\n"
    config = parse_config(text, lambda name: "")
    assert config.keywords["curing"].negative == {"电话": 0.5}
