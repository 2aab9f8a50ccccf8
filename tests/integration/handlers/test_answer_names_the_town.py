"""An answer to the triage desk's question that names the requester's town (在龙潭镇 to 您的
烤房在哪个乡镇？): the ticket, filed with no town, is that town's, and the desk's card says
so and offers that town's team, not the default one the card offered while it knew none."""

from __future__ import annotations

from core.enums import Status
from core.model import Ticket
from tests.support.desk import Harness
from tests.support.tickets import FARMER

TRIAGE_CHAT = -1001000000017
DESK_SUPERVISOR = 300001


async def _asked_at_the_desk(desk: Harness) -> Ticket:
    await desk.registered_as(FARMER, "farmer")
    ticket = await desk.file_request(FARMER, "烟苗长得不好，烤房也漏风")
    assert (ticket.line, ticket.area) == ("triage", None)
    await desk.press(DESK_SUPERVISOR, f"tk:ask:{ticket.id}", chat=TRIAGE_CHAT)
    await desk.send(DESK_SUPERVISOR, "您的烤房在哪个乡镇？", chat=TRIAGE_CHAT)
    return ticket


async def _desk_card(desk: Harness) -> tuple[str, list[str]]:
    """The desk's card as last sent or edited: its words and its buttons' data."""
    cards = [r for r in await desk.outbox() if r.chat_id == TRIAGE_CHAT and r.purpose in _CARD]
    payload = cards[-1].payload
    return str(payload["text"]), [b["data"] for row in payload["buttons"] for b in row]


_CARD = ("card", "card_edit")


async def test_the_town_answered_places_the_ticket_and_its_card(desk: Harness) -> None:
    ticket = await _asked_at_the_desk(desk)
    _, before = await _desk_card(desk)
    assert f"tk:rto:{ticket.id}:curing-qingshan" in before
    await desk.send(FARMER, "在龙潭镇")
    [answered] = await desk.tickets()
    assert (answered.status, answered.area) == (Status.DISPATCHED, "longtan")
    text, presses = await _desk_card(desk)
    assert "地点：龙潭镇" in text
    assert f"tk:rto:{ticket.id}:curing-longtan" in presses
    assert f"tk:rto:{ticket.id}:curing-qingshan" not in presses


async def test_an_answer_naming_no_town_leaves_the_ticket_unplaced(desk: Harness) -> None:
    await _asked_at_the_desk(desk)
    await desk.send(FARMER, "青山县的，具体记不清了")  # the county, not 青山镇
    [answered] = await desk.tickets()
    assert answered.status is Status.DISPATCHED and answered.area is None
