"""What is typed at 「🚨 是，马上报警」/「不是，只是咨询」 that answers neither: 好的, a digit or
an emoji put the question again (the words asked about are not lost with it); 算了 ends it,
nobody paged and nothing filed, and says so."""

from __future__ import annotations

import pytest

from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

ASKED = "明天停电检修，要提前准备啥"


async def _asked(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, ASKED)
    assert "f:alarm:yes" in button_data(out)


@pytest.mark.parametrize("typed", ["好的", "1", "👍"])
async def test_no_answer_at_all_puts_the_question_again_keeping_the_words(
    desk: Harness, typed: str
) -> None:
    await _asked(desk)
    out = await desk.send(FARMER, typed)
    assert "f:alarm:yes" in button_data(out) and "f:alarm:no" in button_data(out)
    out = await desk.press(FARMER, "f:alarm:no")
    assert ASKED in texts(out) and "要把这条消息作为" in texts(out)


@pytest.mark.parametrize("typed", ["算了", "返回"])
async def test_calling_it_off_files_nothing_and_says_so(desk: Harness, typed: str) -> None:
    await _asked(desk)
    out = await desk.send(FARMER, typed)
    assert "没有报警，这条也没有提交" in texts(out)
    assert await desk.tickets() == [] and await desk.outbox() == []
    out = await desk.press(FARMER, "f:alarm:yes")  # the question is over
    assert await desk.tickets() == []


async def test_a_short_yes_still_raises_the_alarm(desk: Harness) -> None:
    await _asked(desk)
    out = await desk.send(FARMER, "是的")
    assert "已报警" in texts(out)
