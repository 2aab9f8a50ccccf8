"""好的 or 谢谢 during a farmer's 110 call: told the call is being worked on, not greeted as
someone new and told to press 🚨110."""

from __future__ import annotations

import pytest

from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER


@pytest.mark.parametrize("typed", ["好的", "谢谢", "謝謝"])
async def test_thanks_during_a_call_is_told_the_call_is_on(desk: Harness, typed: str) -> None:
    ticket_id = await desk.file_110(FARMER)
    paged = [m.id for m in await desk.outbox() if m.ticket_id == ticket_id]
    out = await desk.send(FARMER, typed)
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id
    assert f"工单 {ticket.label}" in texts(out).replace("工單", "工单")
    assert "请点 🚨110 报警" not in texts(out) and "請點 🚨110 報警" not in texts(out)
    # Nobody paged with a thank-you (謝謝 changes only their own command menu's script).
    assert [m.id for m in await desk.outbox() if m.ticket_id == ticket_id] == paged


async def test_thanks_with_no_call_open_is_still_greeted(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "谢谢")
    assert "有什么需要" in texts(out)
