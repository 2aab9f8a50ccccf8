"""`routing.said_by` names a word some line's table counts and a line that exists: else the
word would never be heard, or be counted for nobody."""

from __future__ import annotations

import pytest

from core.config import ConfigError, parse_config
from tests.support.minimal_config import MINIMAL

_TABLES = "keywords:\n  curing:\n    words: {烤房: 3}\n"


def _parsed(said_by: str) -> list[str]:
    def read(name: str) -> str:
        raise FileNotFoundError(2, "No such file or directory")

    try:
        parse_config(MINIMAL + f"routing:\n  said_by:\n{said_by}" + _TABLES, read)
    except ConfigError as caught:
        return caught.errors
    return []


def test_a_word_of_a_table_for_a_known_line_passes() -> None:
    assert _parsed("    retailer: {烤房: triage}\n") == []


def test_an_unknown_line_or_a_word_no_table_has_is_refused() -> None:
    assert _parsed("    retailer: {烤房: ordering, 烟款: curing}\n") == [
        "routing.said_by.retailer.烤房: unknown service line 'ordering'",
        "routing.said_by.retailer.烟款: no keyword table has the word '烟款'",
    ]


def test_an_unknown_kind_of_requester_is_refused() -> None:
    with pytest.raises(ConfigError):
        parse_config(MINIMAL + "routing:\n  said_by:\n    shopkeeper: {烤房: curing}\n" + _TABLES)
