"""Words typed during a 110 call nobody has taken yet that say the team need not come, and
nothing else: the farmer is offered the withdrawal."""

from __future__ import annotations

import time

import pytest

from handlers.alarm_check import about_calling_off, no_longer_needed


@pytest.mark.parametrize(
    "typed",
    [
        "算了",
        "不用来了！",
        "不用過來了",
        "电来了，不用来了",
        "不用来了，修好了",
        "修好了谢谢",
        "已经来电了 不用过来了，谢谢",
        "不用了，撤回",  # no longer needed: withdraw it
    ],
)
def test_words_calling_the_team_off_are_read_as_such(typed: str) -> None:
    assert no_longer_needed(typed)


@pytest.mark.parametrize(
    "typed", ["不用了", "谢谢了", "电来了但是风机还是不转", "不用来了，风机还是不转", "修好了吗"]
)
def test_words_saying_more_or_nothing_call_nothing_off(typed: str) -> None:
    assert not no_longer_needed(typed)


@pytest.mark.parametrize(
    "typed", ["不用撤回", "不用撤回了，谢谢", "不需要取消", "不用取消了", "不用撤销", "別撤回"]
)
def test_a_withdrawal_denied_calls_nothing_off(typed: str) -> None:
    """The farmer still wants the team: typed back to 「确定撤回」 offered."""
    assert not no_longer_needed(typed)


def test_a_question_calls_nothing_off() -> None:
    assert not no_longer_needed("取消了？")


@pytest.mark.parametrize(
    "typed", ["不用来了", "取消了？", "撤回了吗?", "撤銷了沒有", "不用撤回", "别撤回了，谢谢"]
)
def test_a_withdrawal_asked_after_or_denied_is_about_calling_off(typed: str) -> None:
    """With no call on, these are answered that there is none, as 不用来了 is."""
    assert about_calling_off(typed)


@pytest.mark.parametrize("typed", ["修好了吗", "撤回了吗，风机还是不转", "不要取消我的订单"])
def test_words_saying_more_are_not_about_calling_off(typed: str) -> None:
    assert not about_calling_off(typed)


@pytest.mark.parametrize(("unit", "tail"), [("不用了", "吗"), ("谢谢了", "，风机还是不转")])
def test_a_long_message_of_words_that_overlap_is_read_at_once(unit: str, tail: str) -> None:
    """不用了 is 不用 and 了, 谢谢了 is 谢谢 and 了: a message of many of them, refused at its
    end, is read in one pass, not once for every way of cutting it (which stalled the bot
    for seconds at 26 of them, and without end at a message's 2,000 characters)."""
    typed = unit * ((2000 - len(tail)) // len(unit)) + tail
    began = time.perf_counter()
    assert not no_longer_needed(typed)
    assert time.perf_counter() - began < 0.5  # a few milliseconds; generous for slow runners
