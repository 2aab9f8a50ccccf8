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


@pytest.mark.parametrize("typed", ["5", "没解决"])
async def test_a_verdict_for_one_of_several_asks_which(desk: Harness, typed: str) -> None:
    ids = await _two_resolved(desk)
    out = await desk.send(RETAILER, typed)
    assert "您有 2 个工单办结待确认" in texts(out)
    assert sorted(button_data(out)) == sorted(f"my:v:{i}" for i in ids)
    assert [t.status for t in await desk.tickets()] == [Status.RESOLVED] * 2
    # The one pressed shows its own buttons, which act on it alone.
    await desk.press(RETAILER, f"my:v:{ids[0]}")
    await desk.press(RETAILER, f"my:ok:{ids[0]}")
    await desk.press(RETAILER, f"my:r:{ids[0]}:5")
    first, second = await desk.tickets()
    assert (first.status, first.rating, second.status) == (Status.CLOSED, 5, Status.RESOLVED)


async def test_with_one_left_a_typed_score_rates_it(desk: Harness) -> None:
    ids = await _two_resolved(desk)
    await desk.press(RETAILER, f"my:ok:{ids[0]}")
    await desk.press(RETAILER, f"my:r:{ids[0]}:4")
    await desk.send(RETAILER, "跳过")  # no comment on the first
    await desk.send(RETAILER, "5")
    _first, second = await desk.tickets()
    assert (second.status, second.rating) == (Status.CLOSED, 5)
