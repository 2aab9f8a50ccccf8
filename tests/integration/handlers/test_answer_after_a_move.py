"""The team asks the requester something, then sends the ticket on to another team before
the answer comes: the answer joins the ticket, for the team that has it now, instead of
being offered as a new request to the team that gave it away."""

from __future__ import annotations

from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, MEMBER

QINGSHAN_CHAT = -1001000000001
BAISHI_CHAT = -1001000000002


async def _asked_then_moved(desk: Harness) -> int:
    ticket = await desk.file_request(FARMER, "烘烤技术问题：变黄期温度应该设置多少度")
    assert ticket.id is not None and ticket.team_id == "curing-qingshan"
    await desk.press(MEMBER, f"tk:acc:{ticket.id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket.id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "是哪种烤房？普通还是密集？", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:xfer:{ticket.id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:xto:{ticket.id}:curing-baishi", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "这户在白石乡", chat=QINGSHAN_CHAT)
    return ticket.id


async def test_the_answer_reaches_the_team_that_has_the_ticket_now(desk: Harness) -> None:
    ticket_id = await _asked_then_moved(desk)
    out = await desk.send(FARMER, "密集烤房，两层的")
    assert "已把您的回复补充到工单" in texts(out)
    assert len(await desk.tickets()) == 1  # no new request offered
    heard = [r.payload.get("text", "") for r in await desk.outbox() if r.chat_id == BAISHI_CHAT]
    assert any("密集烤房，两层的" in text for text in heard)
    assert (await desk.actions(ticket_id))[-1] == "info"
    # Answered: what comes next is read as anything else is.
    out = await desk.send(FARMER, "另外问一下，今年收购什么时候开始？")
    assert "要把这条消息作为" in texts(out)


async def test_a_question_about_another_service_is_still_its_own_matter(desk: Harness) -> None:
    await _asked_then_moved(desk)
    out = await desk.send(FARMER, "另外问一下，今年收购什么时候开始？")
    assert "要把这条消息作为" in texts(out)
