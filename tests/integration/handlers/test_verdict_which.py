"""A score or 没解决 typed while several tickets await the requester's word (the items of a
wish list, two requests resolved the same day) is not put on the newest one by guess: the
requester is asked which, with a button each."""

from __future__ import annotations

import pytest

from core.enums import Status
from tests.support.desk import Harness, button_data, texts

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


async def _two_resolved(desk: Harness) -> list[int]:
    ids = []
    for words in ("今天送货少了两条烟", "配送的烟盒子破损了"):
        ticket = await desk.file_request(RETAILER, words)
        assert ticket.id is not None and ticket.team_id == "delivery"
        await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
        await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
        await desk.send(DELIVERY_MEMBER, "已处理", chat=DELIVERY_CHAT)
        ids.append(ticket.id)
    return ids


@pytest.mark.parametrize(
    ("typed", "verb"), [("5", "r:{id}:5"), ("没解决", "bad:{id}"), ("收到", "v:{id}")]
)
async def test_a_verdict_for_one_of_several_asks_which(
    desk: Harness, typed: str, verb: str
) -> None:
    ids = await _two_resolved(desk)
    out = await desk.send(RETAILER, typed)
    assert "您有 2 个工单办结待确认" in texts(out) and "下面" in texts(out)
    assert "上面" not in texts(out)  # the buttons are below the question
    assert sorted(button_data(out)) == sorted(f"my:{verb.format(id=i)}" for i in ids)
    assert [t.status for t in await desk.tickets()] == [Status.RESOLVED] * 2


async def test_a_typed_score_is_given_to_the_ticket_pressed(desk: Harness) -> None:
    ids = await _two_resolved(desk)
    out = await desk.send(RETAILER, "五星")
    assert "这 5 分是给哪一个的" in texts(out)
    out = await desk.press(RETAILER, f"my:r:{ids[1]}:5")
    assert "还有什么想说的" in texts(out)  # rated: the comment is asked, not the score again
    first, second = await desk.tickets()
    assert (first.status, second.status, second.rating) == (Status.RESOLVED, Status.CLOSED, 5)


async def test_solved_for_one_of_several_asks_the_score_of_the_one_pressed(
    desk: Harness,
) -> None:
    ids = await _two_resolved(desk)
    out = await desk.send(RETAILER, "解决了，谢谢")
    assert sorted(button_data(out)) == sorted(f"my:ok:{i}" for i in ids)
    out = await desk.press(RETAILER, f"my:ok:{ids[0]}")
    assert button_data(out) == [f"my:r:{ids[0]}:{n}" for n in (5, 4, 3, 2, 1)]


@pytest.mark.parametrize("typed", ["不满意", "一般"])
async def test_a_judgement_for_one_of_several_asks_which_it_is_about_then_the_score(
    desk: Harness, typed: str
) -> None:
    ids = await _two_resolved(desk)
    out = await desk.send(RETAILER, typed)
    assert "您说的是哪一个" in texts(out) and "解决的是哪一个" not in texts(out)
    assert sorted(button_data(out)) == sorted(f"my:ok:{i}" for i in ids)
    out = await desk.press(RETAILER, f"my:ok:{ids[1]}")
    assert button_data(out) == [f"my:r:{ids[1]}:{n}" for n in (5, 4, 3, 2, 1)]


async def test_with_one_left_a_typed_score_rates_it(desk: Harness) -> None:
    ids = await _two_resolved(desk)
    await desk.press(RETAILER, f"my:ok:{ids[0]}")
    await desk.press(RETAILER, f"my:r:{ids[0]}:4")
    await desk.send(RETAILER, "跳过")  # no comment on the first
    await desk.send(RETAILER, "5")
    _first, second = await desk.tickets()
    assert (second.status, second.rating) == (Status.CLOSED, 5)
