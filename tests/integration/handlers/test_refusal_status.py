"""A press refused for the ticket's state names the state as the card and /ticket do: a
ticket closed for want of the requester's answer is 未补充关闭, never 已销号 (before: the
refusal named the bare status, closed, as if it had been resolved and crossed off)."""

from __future__ import annotations

from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, MEMBER

TEAM_CHAT = -1001000000001


async def _closed_unanswered(desk: Harness) -> int:
    """A 110 call whose question went unanswered until the sweep closed it."""
    return await desk.expired_110(FARMER, MEMBER, TEAM_CHAT)


async def test_a_members_press_on_a_ticket_closed_unanswered_names_it_so(desk: Harness) -> None:
    ticket_id = await _closed_unanswered(desk)
    for verb in ("acc", "vis", "res", "ask"):
        out = await desk.press(MEMBER, f"tk:{verb}:{ticket_id}", chat=TEAM_CHAT)
        assert "工单当前状态（未补充关闭）不能这样操作" in texts(out), verb
        assert "已销号" not in texts(out)


async def test_the_requesters_refused_withdrawal_names_it_as_my_does(desk: Harness) -> None:
    ticket_id = await _closed_unanswered(desk)
    out = await desk.press(FARMER, f"my:x:{ticket_id}")
    assert "未补充，已关闭" in texts(out) and "已销号" not in texts(out)
