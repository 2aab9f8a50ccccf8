"""Card edits after the team's group became a supergroup (Telegram gives it a new chat id,
and the old id refuses everything): what an edit of a card sent before the upgrade says goes
to the new chat as a new message, with its buttons, in the team's topic there if it has one;
the card is kept there from then on, so the ticket's later edits edit it: one card in the
new chat however many edits were queued, and nothing at all for taking buttons off."""

from __future__ import annotations

from typing import Any

from core.config import Config
from core.model import OutboxMessage, TeamChat, Ticket
from core.services import buttons_off
from storage.uow import Database
from tests.integration.outbox.conftest import Rig, message
from tests.support.desk import Harness
from tests.support.tickets import FARMER, MEMBER, T0, new_ticket

OLD, NEW, TOPIC = -1001000000001, -1001999000001, 41  # the Qingshan team's group
KEYS = [[{"text": "上门", "data": "tk:vis:1"}]]


def _edit(ticket: Ticket, text: str, old_card: int, **payload: Any) -> OutboxMessage:
    return OutboxMessage(
        OLD,
        "edit_message",
        {"text": text, "message_id": old_card, **payload},
        T0,
        T0,
        ticket_id=ticket.id,
        purpose="card_edit",
    )


async def _sent_card(rig: Rig, ticket: Ticket, chat: int = OLD, text: str = "卡片：待接单") -> int:
    [card_id] = await rig.queue(message(chat, text, ticket_id=ticket.id, purpose="card"))
    await rig.sender.drain_all()
    return (await rig.row(card_id)).result_message_id or 0


async def _kept(db: Database, ticket_id: int) -> list[tuple[int, int, int | None]]:
    async with db.uow(read_only=True) as uow:
        copies = await uow.ticket_messages.of_ticket(ticket_id, "card")
    return [(c.chat_id, c.message_id, c.thread_id) for c in copies]


def _upgrade(rig: Rig) -> None:
    """The group becomes a supergroup: its old id refuses every call from now on."""
    rig.api.inject("migrated", chat_id=OLD, migrate_to=NEW, times=None)


async def test_an_accepted_then_resolved_ticket_has_one_card_in_the_new_chat(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    desk = Harness(db, demo_config)
    await desk.seed()
    ticket_id = await desk.file_110(FARMER)
    await rig.sender.drain_all()
    [(_, old_card, _), leaders_copy] = await _kept(db, ticket_id)  # and the leader's own copy
    _upgrade(rig)

    # Pressed in the member's own chat, not on the group's card: the outbox edits that card.
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=MEMBER, message_id=None)
    await rig.sender.drain_once()
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=MEMBER, message_id=None)
    await desk.send(MEMBER, "更换了风机电容，温度已恢复", chat=MEMBER)  # what was done
    await rig.sender.drain_all()

    [card] = [c for c in rig.api.calls_of("sendMessage") if c.chat_id == NEW]
    assert card.ok
    shown = rig.api.messages[(NEW, card.result["message_id"])]
    assert "已办结待确认" in shown["text"]
    assert "reply_markup" not in shown  # nothing left for the team to press once resolved
    assert await _kept(db, ticket_id) == [(NEW, card.result["message_id"], None), leaders_copy]
    assert not [c for c in rig.api.calls_of("editMessageText") if c.chat_id == NEW]
    assert "待接单" in rig.api.messages[(OLD, old_card)]["text"]  # the old group's, as it was


async def test_two_queued_edits_end_as_one_card_showing_the_latest(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The second edit was written while the first was on its way: it edits the card the
    first one sent in the new chat, instead of sending a second one."""
    ticket = await new_ticket(db, demo_config)
    old_card = await _sent_card(rig, ticket)
    _upgrade(rig)
    first, second = await rig.queue(
        _edit(ticket, "卡片：已接单", old_card, buttons=KEYS),
        _edit(ticket, "卡片：已上门", old_card),
    )

    await rig.sender.drain_all()

    [card] = [c for c in rig.api.calls_of("sendMessage") if c.chat_id == NEW]
    new_card = card.result["message_id"]
    assert card.params["text"] == "卡片：已接单"
    assert card.params["reply_markup"] == {
        "inline_keyboard": [[{"text": "上门", "callback_data": "tk:vis:1"}]]
    }
    assert rig.api.messages[(NEW, new_card)]["text"] == "卡片：已上门"
    assert await _kept(db, ticket.id or 0) == [(NEW, new_card, None)]
    assert [(await rig.row(r)).status for r in (first, second)] == ["sent", "sent"]
    async with db.uow(read_only=True) as uow:
        events = [e.action for e in await uow.tickets.events(ticket.id or 0)]
        binding = await uow.team_chats.get("curing-qingshan")
    assert "delivery_failed" not in events
    assert binding is not None and binding.chat_id == NEW


async def test_an_edit_refused_while_the_new_card_is_on_its_way_waits_for_it(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The first edit's new message is slow to go out (it is in the new chat's line, the
    second edit still in the old one's): the second edit waits, then edits it."""
    ticket = await new_ticket(db, demo_config)
    old_card = await _sent_card(rig, ticket)
    _upgrade(rig)
    rig.api.inject("delay", method="sendMessage", chat_id=NEW, seconds=0.3)
    await rig.queue(
        _edit(ticket, "卡片：已接单", old_card), _edit(ticket, "卡片：已上门", old_card)
    )

    await rig.sender.drain_all()

    [card] = [c for c in rig.api.calls_of("sendMessage") if c.chat_id == NEW]
    new_card = card.result["message_id"]
    assert rig.api.messages[(NEW, new_card)]["text"] == "卡片：已上门"
    # Refused three times: the first edit, the second before and after the new card.
    assert len([c for c in rig.api.calls_of("editMessageText") if c.chat_id == OLD]) == 3
    assert await _kept(db, ticket.id or 0) == [(NEW, new_card, None)]


async def test_the_card_goes_to_the_teams_topic_in_the_new_chat(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """Next to another team's copy in its own topic there (the oversight team's, say),
    which keeps what it shows."""
    ticket = await new_ticket(db, demo_config)
    old_card = await _sent_card(rig, ticket)
    _upgrade(rig)
    async with db.uow() as uow:  # the team turned topics on and bound itself to one
        await uow.team_chats.bind(TeamChat("curing-qingshan", NEW, MEMBER, T0, thread_id=TOPIC))
        await uow.commit()
    copy = message(
        NEW, "卡片：抄送", ticket_id=ticket.id, purpose="card", payload={"thread_id": 32}
    )
    await rig.queue(copy)
    await rig.sender.drain_all()
    await rig.queue(_edit(ticket, "卡片：已接单", old_card))

    await rig.sender.drain_all()

    card = rig.api.calls_of("sendMessage")[-1]
    assert card.chat_id == NEW and card.params["message_thread_id"] == TOPIC
    assert rig.api.texts(NEW) == ["卡片：抄送", "卡片：已接单"]
    assert (NEW, card.result["message_id"], TOPIC) in await _kept(db, ticket.id or 0)


async def test_taking_the_buttons_off_sends_nothing_to_the_new_chat(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    await _sent_card(rig, ticket)
    _upgrade(rig)
    async with db.uow(read_only=True) as uow:
        [copy] = await uow.ticket_messages.of_ticket(ticket.id or 0, "card")
    [row_id] = await rig.queue(buttons_off(copy, T0, urgent=False))

    await rig.sender.drain_all()

    assert rig.api.texts(NEW) == []
    assert (await rig.row(row_id)).status == "sent"


async def test_an_old_copys_edit_sends_nothing_when_the_new_chat_has_a_newer_copy(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """A card sent in the new chat since (the ticket was reopened there): it has its own
    edits, and the old group's copy keeps what it showed."""
    ticket = await new_ticket(db, demo_config)
    old_card = await _sent_card(rig, ticket)
    _upgrade(rig)
    newer = await _sent_card(rig, ticket, NEW, "卡片（重开后）")
    [edit_id] = await rig.queue(_edit(ticket, "卡片：已关闭", old_card))

    await rig.sender.drain_all()

    assert rig.api.texts(NEW) == ["卡片（重开后）"]
    assert rig.api.messages[(NEW, newer)]["text"] == "卡片（重开后）"
    assert (await rig.row(edit_id)).status == "sent"


async def test_the_decision_to_send_in_the_new_chat_survives_a_restart(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    old_card = await _sent_card(rig, ticket)
    _upgrade(rig)
    [edit_id] = await rig.queue(_edit(ticket, "卡片：已接单", old_card))

    assert await rig.sender.drain_once() == 1  # refused, then the process stops
    row = await rig.row(edit_id)
    assert (row.status, row.method, row.chat_id) == ("pending", "send_message", NEW)

    await rig.new_sender().drain_all()
    assert rig.api.texts(NEW) == ["卡片：已接单"]
    [(chat, _, _)] = await _kept(db, ticket.id or 0)
    assert chat == NEW and (await rig.row(edit_id)).status == "sent"
