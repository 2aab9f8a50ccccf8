"""A complaint about a team's own people (a customer manager's tie-in selling) is heard by
the oversight team (纪检作风监督室): the complainant's name and phone never reach the chat
of the team whose member it is about."""

from __future__ import annotations

import pytest

from core.enums import Kind
from tests.support.desk import Harness

RETAILER = 100002
ORDERING_CHAT, CONDUCT_CHAT = -1001000000013, -1001000000016


@pytest.mark.parametrize(
    "words", ["/complain 客户经理总是搭售滞销烟", "/complain 客戶經理愛答不理，還強行搭配滯銷菸"]
)
async def test_a_complaint_about_a_customer_manager_does_not_show_the_complainant_to_their_team(
    desk: Harness, words: str
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, words)
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id) == (Kind.COMPLAINT, "conduct")
    sent = await desk.outbox()
    assert not [r for r in sent if r.chat_id == ORDERING_CHAT]
    [card] = [r for r in sent if r.chat_id == CONDUCT_CHAT and r.purpose == "card"]
    assert "报告人：" in str(card.payload["text"])
