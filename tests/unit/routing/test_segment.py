"""The router's cut of a text into words, and where those words are in the text as written."""

from __future__ import annotations

from itertools import pairwise

import pytest

from routing.segment import cut, cut_spans


@pytest.mark.parametrize(
    "text",
    ["烤房 3 号坏了，找李总", "云烟 87 叶子黄了", "订了  20条 ", "a b 订 20 条", "没有空格的话"],
)
def test_each_word_is_found_where_it_is_written(text: str) -> None:
    """The cut leaves out a space between a word and its number (云烟 87 is 云烟87 to the
    tables); the spans still point at the words in the text as written, in order."""
    spans = cut_spans(text)
    assert [text[start:end].replace(" ", "") for start, end in spans] == [
        word.replace(" ", "") for word in cut(text)
    ]
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))
    assert not text[spans[-1][1] :].strip()
