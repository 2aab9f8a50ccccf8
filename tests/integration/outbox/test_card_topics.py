"""Two copies of a ticket's card in one group with topics (two teams' topics, or a team's
and the oversight team's): an edit written for one topic's copy edits that copy, not the
other topic's newer one."""

from __future__ import annotations

from core.config import Config
from core.model import OutboxMessage
from storage.uow import Database
from tests.integration.outbox.conftest import Rig, message
from tests.support.tickets import T0, new_ticket

FORUM, TEAM_TOPIC, OVERSIGHT_TOPIC = -1005550000001, 31, 32


async def test_an_edit_for_a_queued_card_edits_the_copy_in_its_own_topic(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    cards = [
        message(FORUM, text, ticket_id=ticket.id, purpose="card", payload={"thread_id": topic})
        for text, topic in (("卡片：物流配送中心", TEAM_TOPIC), ("卡片：抄送", OVERSIGHT_TOPIC))
    ]
    team_card, copy = await rig.queue(*cards)
    await rig.sender.drain_all()

    edit = OutboxMessage(
        FORUM,
        "edit_message",
        {"text": "卡片：已接单", "ref_purpose": "card", "thread_id": TEAM_TOPIC},
        T0,
        T0,
        ticket_id=ticket.id,
        purpose="card_edit",
    )
    [edit_id] = await rig.queue(edit)
    await rig.sender.drain_all()

    assert (await rig.row(edit_id)).status == "sent"
    team_message = (await rig.row(team_card)).result_message_id or 0
    copy_message = (await rig.row(copy)).result_message_id or 0
    assert rig.api.messages[(FORUM, team_message)]["text"] == "卡片：已接单"
    assert rig.api.messages[(FORUM, copy_message)]["text"] == "卡片：抄送"
    async with db.uow(read_only=True) as uow:
        kept = await uow.ticket_messages.of_ticket(ticket.id or 0, "card")
    assert [k.thread_id for k in kept] == [TEAM_TOPIC, OVERSIGHT_TOPIC]
