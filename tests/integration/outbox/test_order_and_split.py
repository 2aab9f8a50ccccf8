"""Order, splitting and card edits, through python-telegram-bot against the fake server."""

from __future__ import annotations

from datetime import timedelta

from core.config import Config
from core.model import OutboxMessage
from storage.uow import Database
from tests.integration.outbox.conftest import Rig, message
from tests.support.tickets import T0, new_ticket

TEAM_CHAT = -1001000000001  # curing-qingshan in the demo config


async def test_urgent_rows_go_first_and_each_chat_keeps_its_order(rig: Rig) -> None:
    await rig.queue(
        message(11, "普通-11-甲"),
        message(12, "普通-12-甲"),
        message(12, "普通-12-乙"),
        message(13, "紧急-13", priority=0),
        message(11, "紧急-11", priority=0),
    )
    await rig.sender.drain_all()

    texts = rig.api.texts()
    # Requests in flight together may arrive in either order; urgent ones are all first.
    assert set(texts[:2]) == {"紧急-13", "紧急-11"}
    assert rig.api.texts(11) == ["紧急-11", "普通-11-甲"]  # urgent overtakes, then in order
    assert rig.api.texts(12) == ["普通-12-甲", "普通-12-乙"]
    for chat in (11, 12):
        first, second = (c.at for c in rig.api.sent_to(chat))
        assert second - first >= 1.0  # one message a second to a person
    assert all(r.status == "sent" and r.attempts == 1 for r in await rig.rows())


async def test_a_row_being_retried_is_not_overtaken_by_the_next_about_its_ticket(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    rig.api.inject("server_error", chat_id=51)  # the first send fails once
    await rig.queue(
        message(51, "卡片", ticket_id=ticket.id, purpose="card"),
        message(51, "照片说明", ticket_id=ticket.id, purpose="attachment"),
        message(51, "已接单", ticket_id=ticket.id, purpose="notify"),
    )
    await rig.sender.drain_all()

    assert rig.api.texts(51) == ["卡片", "照片说明", "已接单"]
    assert [r.attempts for r in await rig.rows()] == [2, 1, 1]


async def test_rows_about_other_tickets_do_not_wait_behind_a_failing_one(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    stuck, other = await new_ticket(db, demo_config), await new_ticket(db, demo_config)
    rig.api.inject("server_error", method="sendPhoto", chat_id=52, times=3)
    photo = OutboxMessage(
        52,
        "send_photo",
        {"text": "", "file_id": "F1", "caption": "照片-甲"},
        T0,
        T0,
        ticket_id=stuck.id,
    )
    await rig.queue(
        photo,
        message(52, "卡片-甲", ticket_id=stuck.id),  # the same ticket's: waits for the photo
        message(52, "卡片-乙", ticket_id=other.id),
        message(52, "回复"),  # a deferred reply: no ticket
    )
    await rig.sender.drain_all()

    texts = rig.api.texts(52)
    assert set(texts[:2]) == {"回复", "卡片-乙"}  # went while the photo was retried
    assert texts[2:] == ["照片-甲", "卡片-甲"]
    assert (await rig.rows())[0].attempts == 4


async def test_a_row_scheduled_for_later_holds_up_nothing_behind_it(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    morning = T0 + timedelta(hours=8)  # e.g. a notice kept until quiet hours end
    later, _ = await rig.queue(
        message(53, "早上再说", at=morning, ticket_id=ticket.id),
        message(53, "已接单", ticket_id=ticket.id),
    )
    assert await rig.sender.drain_once() == 1
    assert rig.api.texts(53) == ["已接单"]
    assert (await rig.row(later)).status == "pending"
    assert await rig.sender.next_due() == morning


async def test_the_sender_sleeps_until_a_refused_row_is_due_not_its_followers(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    retry_at = T0 + timedelta(seconds=40)
    await rig.queue(
        message(54, "卡片", at=retry_at, ticket_id=ticket.id, attempts=1, last_error="500"),
        message(54, "已接单", ticket_id=ticket.id),  # due now, but behind the card
    )
    assert await rig.sender.drain_once() == 0
    assert await rig.sender.next_due() == retry_at  # no waking every 50 ms meanwhile
    await rig.sender.drain_all()
    assert rig.api.texts(54) == ["卡片", "已接单"]


async def test_a_9000_character_text_goes_as_three_messages_buttons_on_the_last(
    rig: Rig,
) -> None:
    lines = [f"第{i:02d}行" + "烟叶收购" * 23 + "。。。" for i in range(90)]  # 99 each
    text = "\n".join(lines) + "！"  # 9,000 characters
    assert len(text) == 9000
    buttons = [
        [{"text": "接单", "data": "accept:1"}],
        [{"text": "地图", "url": "https://m.example"}],
    ]
    [row_id] = await rig.queue(message(41, text, payload={"buttons": buttons}))
    await rig.sender.drain_all()

    calls = rig.api.sent_to(41)
    assert len(calls) == 3
    assert "\n".join(c.params["text"] for c in calls) == text
    assert [("reply_markup" in c.params) for c in calls] == [False, False, True]
    assert calls[2].params["reply_markup"]["inline_keyboard"][1][0]["url"] == "https://m.example"
    assert calls[1].at - calls[0].at >= 1.0 and calls[2].at - calls[1].at >= 1.0
    row = await rig.row(row_id)
    assert row.status == "sent" and row.result_message_id == calls[2].result["message_id"]


async def test_a_split_message_that_fails_halfway_resumes_without_repeating(rig: Rig) -> None:
    rig.api.inject("server_error", chat_id=42, skip=1)  # the second part fails once
    [row_id] = await rig.queue(message(42, "\n".join(c * 4000 for c in "甲乙丙")))
    await rig.sender.drain_all()

    delivered = [c.params["text"][0] for c in rig.api.sent_to(42)]
    assert delivered == ["甲", "乙", "丙"]
    row = await rig.row(row_id)
    assert row.status == "sent" and row.attempts == 2


async def test_an_edit_waits_for_its_card_then_edits_the_sent_message(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    keys = [[{"text": "接单", "data": f"accept:{ticket.id}"}]]
    card = message(
        TEAM_CHAT,
        "【紧急】烤房风机不转",
        at=T0 + timedelta(seconds=10),  # the card is not due yet when the edit comes up
        ticket_id=ticket.id,
        purpose="card",
        payload={"buttons": keys},
    )
    edit = OutboxMessage(
        TEAM_CHAT,
        "edit_message",
        {"text": "【紧急】烤房风机不转\n已接单：李师傅", "ref_purpose": "card"},
        T0,
        T0,
        ticket_id=ticket.id,
        purpose="card_update",
    )
    card_id, edit_id = await rig.queue(card, edit)

    assert await rig.sender.drain_once() == 1
    postponed = await rig.row(edit_id)
    assert postponed.status == "pending" and postponed.not_before > T0
    assert rig.api.sent == []

    await rig.sender.drain_all()
    sent_card = await rig.row(card_id)
    async with db.uow(read_only=True) as uow:
        kept = await uow.ticket_messages.of_ticket(ticket.id or 0, "card")
    assert [(k.chat_id, k.message_id) for k in kept] == [(TEAM_CHAT, sent_card.result_message_id)]
    stored = rig.api.messages[(TEAM_CHAT, sent_card.result_message_id or 0)]
    assert stored["text"].endswith("已接单：李师傅")
    assert "reply_markup" not in stored  # the edit removed the accept button
    assert (await rig.row(edit_id)).status == "sent"


async def test_an_edit_that_changes_nothing_counts_as_sent(rig: Rig) -> None:
    [card_id] = await rig.queue(message(-100555, "卡片"))
    await rig.sender.drain_all()
    message_id = (await rig.row(card_id)).result_message_id
    edit = OutboxMessage(
        -100555, "edit_message", {"text": "卡片", "message_id": message_id}, T0, T0
    )
    [edit_id] = await rig.queue(edit)
    await rig.sender.drain_all()

    [call] = rig.api.calls_of("editMessageText")
    assert call.status == 400  # Telegram said "message is not modified"
    row = await rig.row(edit_id)
    assert row.status == "sent" and row.attempts == 1
