"""A complaint or a suggestion that names a barn emergency (停电, a 110 call nobody
answered) is about how the person was served, not a barn failing now: filed as what it
is, at the pace of its kind, never as a 110 call."""

from __future__ import annotations

from datetime import timedelta

from core.enums import Kind
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER


async def test_a_complaint_chosen_with_complain_is_no_110_call_for_its_emergency_words(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/complain")
    await desk.send(FARMER, "我要投诉，昨晚烤房停电打你们110电话一直没人接")
    await desk.press(FARMER, "f:next")
    before = len(await desk.outbox())
    out = await desk.press(FARMER, "f:ok")

    assert "紧急" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.COMPLAINT and not ticket.urgent
    assert ticket.accept_due_at is not None
    assert ticket.accept_due_at - ticket.created_at > timedelta(minutes=10)  # not 110's
    new = (await desk.outbox())[before:]
    cards = [r.payload["text"] for r in new if r.purpose == "card"]
    assert cards and not any(text.startswith("🚨") for text in cards)
    assert all(r.priority == 1 for r in new)  # nobody paged ahead of the queue
    out = await desk.press(FARMER, f"my:x:{ticket.id}")
    assert "确定撤回工单" in texts(out) and "报警" not in texts(out)
