"""Words about how a ticket ended, or asking after it, read."""

from __future__ import annotations

import pytest

from handlers.verdict_words import asks_if_done


@pytest.mark.parametrize(
    "typed", ["修好了吗", "烤房修好了吗？？", "解決了沒有", "请问处理了没", "办好了没有"]
)
def test_whether_it_is_done_asked_alone_is_a_question_after_a_ticket(typed: str) -> None:
    assert asks_if_done(typed)


@pytest.mark.parametrize(
    "typed", ["修好了", "好了吗", "修烤房", "我要修烤房吗", "烤房修好了吗，又停电了"]
)
def test_a_verdict_a_request_or_more_words_are_not_that_question(typed: str) -> None:
    assert not asks_if_done(typed)
