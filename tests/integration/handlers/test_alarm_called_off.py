"""返回 or 算了 typed during a 110 call's questions, as an old farmer types instead of
/cancel: never filed as an alarm, and never paged to the team as where the barn is."""

from __future__ import annotations

import pytest

from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER


@pytest.mark.parametrize("typed", ["返回", "退出", "不办了", "不要", "不需要", "没事"])
async def test_leaving_typed_at_what_is_wrong_files_no_alarm(desk: Harness, typed: str) -> None:
    await desk.send(FARMER, "/110")
    out = await desk.send(FARMER, typed)
    assert "没有报警" in texts(out)
    assert await desk.tickets() == []
    assert await desk.outbox() == []


@pytest.mark.parametrize("typed", ["算了", "返回"])
async def test_leaving_typed_at_where_ends_the_question_and_pages_nobody_with_it(
    desk: Harness, typed: str
) -> None:
    await desk.send(FARMER, "/110")
    out = await desk.send(FARMER, "烤房停电了")
    assert "在哪个烤房" in texts(out)
    paged = len(await desk.outbox())
    out = await desk.send(FARMER, typed)
    assert "报警已发出" in texts(out) and "要撤回报警请用 /my" in texts(out)
    assert len(await desk.outbox()) == paged
    [ticket] = await desk.tickets()
    assert typed not in ticket.text
    assert "info" not in await desk.actions(ticket.id or 0)
