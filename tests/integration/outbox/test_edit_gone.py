"""An outbox edit whose message was deleted: what it should say reaches the chat as a new
message (with its buttons, in the same topic), which becomes the card later edits go to;
never twice, never in a loop, and nothing a person must act on is noted as failed."""

from __future__ import annotations

from typing import Any

from core.config import Config
from core.model import OutboxMessage, Ticket
from core.services import buttons_off
from storage.uow import Database
from tests.integration.outbox.conftest import Rig, message
from tests.support.tickets import T0, new_ticket

FORUM, TOPIC = -1005550000001, 31
KEYS = [[{"text": "上门", "data": "tk:vis:1"}]]


def _edit(ticket: Ticket, text: str, where: dict[str, Any], **payload: Any) -> OutboxMessage:
    return OutboxMessage(
        FORUM,
        "edit_message",
        {"text": text, **where, **payload},
        T0,
        T0,
        ticket_id=ticket.id,
        purpose="card_edit",
    )


def _reply_edit(chat: int, **payload: Any) -> OutboxMessage:
    """A person's reply queued after a hiccup: an edit of the message they pressed."""
    return OutboxMessage(chat, "edit_message", payload, T0, T0, priority=0, purpose="reply")


async def _sent_card(rig: Rig, ticket: Ticket, text: str = "卡片：待接单") -> int:
    """A card sent to the team's topic and kept; returns its message id."""
    card = message(FORUM, text, ticket_id=ticket.id, purpose="card", payload={"thread_id": TOPIC})
    [card_id] = await rig.queue(card)
    await rig.sender.drain_all()
    return (await rig.row(card_id)).result_message_id or 0


async def _kept(db: Database, ticket: Ticket) -> list[tuple[int, int | None]]:
    async with db.uow(read_only=True) as uow:
        copies = await uow.ticket_messages.of_ticket(ticket.id or 0, "card")
    return [(c.message_id, c.thread_id) for c in copies]


async def _events(db: Database, ticket: Ticket) -> list[str]:
    async with db.uow(read_only=True) as uow:
        return [e.action for e in await uow.tickets.events(ticket.id or 0)]


async def test_an_edit_of_a_deleted_card_sends_it_anew_and_it_becomes_the_card(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    gone = await _sent_card(rig, ticket)
    rig.api.delete(FORUM, gone)
    # A closing edit written without the topic (the scheduler's): the copy's topic is kept.
    [edit_id] = await rig.queue(_edit(ticket, "卡片：已接单", {"message_id": gone}, buttons=KEYS))

    await rig.sender.drain_all()

    [refused] = rig.api.calls_of("editMessageText")
    assert refused.status == 400
    resent = rig.api.calls_of("sendMessage")[-1]
    assert resent.ok and resent.params["text"] == "卡片：已接单"
    assert resent.params["message_thread_id"] == TOPIC
    assert resent.params["reply_markup"] == {
        "inline_keyboard": [[{"text": "上门", "callback_data": "tk:vis:1"}]]
    }
    new_id = resent.result["message_id"]
    row = await rig.row(edit_id)
    assert row.status == "sent" and row.result_message_id == new_id
    assert await _kept(db, ticket) == [(new_id, TOPIC)]
    assert "delivery_failed" not in await _events(db, ticket)

    # The ticket's next edit finds the new message and edits it: no third card.
    await rig.queue(_edit(ticket, "卡片：已上门", {"ref_purpose": "card", "thread_id": TOPIC}))
    await rig.sender.drain_all()
    assert rig.api.messages[(FORUM, new_id)]["text"] == "卡片：已上门"
    assert len(rig.api.calls_of("sendMessage")) == 2  # the card, and the one sent anew


async def test_a_card_gone_with_its_deleted_topic_is_kept_where_it_is_sent_anew(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """Deleting a forum topic deletes its messages: the card is sent anew to the chat's
    General topic, and kept there, so the ticket's next edits treat it as the team's copy
    in General (where the team now works), not as a copy in a topic that is gone, which
    would lose the team's buttons."""
    ticket = await new_ticket(db, demo_config)
    gone = await _sent_card(rig, ticket)
    rig.api.delete(FORUM, gone)
    rig.api.inject(
        "bad_request",
        method="sendMessage",
        chat_id=FORUM,
        description="Bad Request: message thread not found",
    )
    await rig.queue(_edit(ticket, "卡片：已接单", {"message_id": gone, "thread_id": TOPIC}))

    await rig.sender.drain_all()

    resent = rig.api.calls_of("sendMessage")[-1]
    assert resent.ok and "message_thread_id" not in resent.params
    assert await _kept(db, ticket) == [(resent.result["message_id"], None)]


async def test_an_edit_written_for_the_deleted_card_edits_its_new_message(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """Both edits were written before the first one found the card gone: the second waits
    behind the new message, then edits it instead of sending a third copy."""
    ticket = await new_ticket(db, demo_config)
    gone = await _sent_card(rig, ticket)
    rig.api.delete(FORUM, gone)
    where = {"message_id": gone, "thread_id": TOPIC}
    first, second = await rig.queue(
        _edit(ticket, "卡片：已接单", where), _edit(ticket, "卡片：已上门", where)
    )

    await rig.sender.drain_all()

    assert len(rig.api.calls_of("sendMessage")) == 2  # the card, and the one sent anew
    [(new_id, _)] = await _kept(db, ticket)
    assert rig.api.messages[(FORUM, new_id)]["text"] == "卡片：已上门"
    assert [(await rig.row(r)).status for r in (first, second)] == ["sent", "sent"]


async def test_the_decision_to_send_anew_survives_a_restart(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    gone = await _sent_card(rig, ticket)
    rig.api.delete(FORUM, gone)
    [edit_id] = await rig.queue(_edit(ticket, "卡片：已接单", {"message_id": gone}))

    assert await rig.sender.drain_once() == 1  # the edit is refused, then the process stops
    row = await rig.row(edit_id)
    assert row.status == "pending" and row.method == "send_message"
    assert row.payload["replaces"] == gone and row.payload["thread_id"] == TOPIC

    await rig.new_sender().drain_all()  # the next process sends it, and edits nothing
    assert len(rig.api.calls_of("editMessageText")) == 1
    assert len(rig.api.calls_of("sendMessage")) == 2
    assert (await rig.row(edit_id)).status == "sent"


async def test_an_older_copy_deleted_is_not_sent_anew(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    older = await _sent_card(rig, ticket, "卡片（重开前）")
    newer = await _sent_card(rig, ticket, "卡片（重开后）")
    rig.api.delete(FORUM, older)
    [edit_id] = await rig.queue(_edit(ticket, "卡片：已关闭", {"message_id": older}))

    await rig.sender.drain_all()

    assert len(rig.api.calls_of("sendMessage")) == 2  # only the two cards
    assert rig.api.messages[(FORUM, newer)]["text"] == "卡片（重开后）"
    assert (await rig.row(edit_id)).status == "sent"
    assert await _kept(db, ticket) == [(older, TOPIC), (newer, TOPIC)]


async def test_taking_the_buttons_off_a_deleted_message_is_done(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    gone = await _sent_card(rig, ticket)
    rig.api.delete(FORUM, gone)
    async with db.uow(read_only=True) as uow:
        [copy] = await uow.ticket_messages.of_ticket(ticket.id or 0, "card")
    [row_id] = await rig.queue(buttons_off(copy, T0, urgent=False))

    await rig.sender.drain_all()

    assert len(rig.api.calls_of("sendMessage")) == 1  # the card only
    assert (await rig.row(row_id)).status == "sent"
    assert "delivery_failed" not in await _events(db, ticket)


async def test_a_deferred_reply_edit_of_a_deleted_message_is_sent_anew(rig: Rig) -> None:
    """A person's reply queued after a hiccup (no ticket), for a message since deleted."""
    chat = 100001
    [asked] = await rig.queue(message(chat, "请选择烤房："))
    await rig.sender.drain_all()
    gone = (await rig.row(asked)).result_message_id or 0
    rig.api.delete(chat, gone)
    edit = _reply_edit(chat, text="已选：QS01", message_id=gone, buttons=KEYS)
    [edit_id] = await rig.queue(edit)

    await rig.sender.drain_all()

    resent = rig.api.calls_of("sendMessage")[-1]
    assert resent.ok and resent.chat_id == chat and resent.params["text"] == "已选：QS01"
    assert "inline_keyboard" in resent.params["reply_markup"]
    assert (await rig.row(edit_id)).status == "sent"


async def test_a_persons_reply_for_a_deleted_older_copy_is_still_said(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """Their press's answer, queued after a hiccup, is theirs: it is said as a new message
    even though the ticket has a newer copy of the card there."""
    ticket = await new_ticket(db, demo_config)
    older = await _sent_card(rig, ticket, "卡片（重开前）")
    await _sent_card(rig, ticket, "卡片（重开后）")
    rig.api.delete(FORUM, older)
    reply = _reply_edit(
        FORUM, text="工单已重新打开，请看新卡片。", message_id=older, thread_id=TOPIC
    )
    [reply_id] = await rig.queue(reply)

    await rig.sender.drain_all()

    assert rig.api.texts(FORUM)[-1] == "工单已重新打开，请看新卡片。"
    assert (await rig.row(reply_id)).status == "sent"
