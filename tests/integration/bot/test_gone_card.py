"""A team member presses a card someone deleted: the new state comes as a new message, and
that message is the card from then on, on both adapters against the fake Bot API. The
ticket's next edits go to it, so the team never ends up with two loose copies."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.deferred_replies import PURPOSE
from bot.outbox import OutboxSender, SimulatedClock
from core.model import Ticket
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import ADAPTERS, make_sender, ptb_bot_for
from tests.support.tickets import FARMER, MEMBER, OTHER_MEMBER

TEAM_CHAT = -1001000000001  # curing-qingshan's group


@pytest.fixture
async def sender(harness: Harness, fake_bot_api: FakeBotApi) -> AsyncIterator[OutboxSender]:
    bot = ptb_bot_for(fake_bot_api)
    async with bot:
        yield make_sender(harness.db, harness.cfg, bot, SimulatedClock(harness.clock.now))


async def _card_sent(harness: Harness, sender: OutboxSender) -> Ticket:
    """A farmer's 110 call whose card the outbox has sent to the team's chat (and kept)."""
    ticket_id = await harness.file_110(FARMER)
    await sender.drain_all()
    [ticket] = [t for t in await harness.tickets() if t.id == ticket_id]
    return ticket


async def _card_deleted(
    harness: Harness, sender: OutboxSender, api: FakeBotApi
) -> tuple[Ticket, int]:
    """`_card_sent`, then someone (an admin tidying the group) deletes the team's card;
    the ticket and the deleted message's id."""
    ticket = await _card_sent(harness, sender)
    [gone] = await _kept(harness.db, ticket)
    api.delete(TEAM_CHAT, gone)
    return ticket, gone


async def _kept(db: Database, ticket: Ticket) -> list[int]:
    """Where the ticket's card is kept in the team's chat (the leader has a copy of their own)."""
    async with db.uow(read_only=True) as uow:
        copies = await uow.ticket_messages.of_ticket(ticket.id or 0, "card")
    return [c.message_id for c in copies if c.chat_id == TEAM_CHAT]


def _cards(api: FakeBotApi, ticket: Ticket) -> list[dict[str, Any]]:
    """The ticket's cards still in the team's chat (deleted ones are not); the notes about
    the ticket (where the farmer is) are not cards."""
    texts = {key: str(message.get("text", "")) for key, message in api.messages.items()}
    return [
        api.messages[(chat, message_id)]
        for (chat, message_id), text in texts.items()
        if chat == TEAM_CHAT and ticket.label in text and "内容：" in text
    ]


def _button_data(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [str(b.get("callback_data")) for row in rows for b in row]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_pressed_card_that_was_deleted_is_sent_anew_and_stays_the_one_card(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi, sender: OutboxSender
) -> None:
    api = fake_bot_api
    ticket, gone = await _card_deleted(harness, sender, api)

    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_callback(MEMBER, f"tk:acc:{ticket.id}", gone, chat_id=TEAM_CHAT))
        await sender.drain_all()
        # The team sees the accepted card as a new message, with its buttons.
        [card] = _cards(api, ticket)
        assert f"tk:vis:{ticket.id}" in _button_data(card)
        assert await _kept(harness.db, ticket) == [card["message_id"]]

        # Another member's action on the ticket edits that card: no second copy appears.
        await feed(
            api.push_callback(
                OTHER_MEMBER, f"tk:vis:{ticket.id}", card["message_id"], chat_id=TEAM_CHAT
            )
        )
        await sender.drain_all()

    [card] = _cards(api, ticket)
    assert f"tk:res:{ticket.id}" in _button_data(card)  # on site: 办结 is offered
    assert f"tk:vis:{ticket.id}" not in _button_data(card)
    assert await _kept(harness.db, ticket) == [card["message_id"]]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_the_next_card_edit_written_before_the_new_card_is_sent_goes_to_it(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi, sender: OutboxSender
) -> None:
    api = fake_bot_api
    ticket, gone = await _card_deleted(harness, sender, api)

    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_callback(MEMBER, f"tk:acc:{ticket.id}", gone, chat_id=TEAM_CHAT))
        # The team's next action comes before the sender got round to the new card: its
        # edit is written for the deleted message (the card is still kept there).
        await harness.press(MEMBER, f"tk:vis:{ticket.id}", chat=TEAM_CHAT, message_id=None)
    # Telegram refuses the new card once: the edit, due at once, must still wait for it.
    api.inject("server_error", method="sendMessage", chat_id=TEAM_CHAT)
    await sender.drain_all()

    [card] = _cards(api, ticket)
    assert f"tk:res:{ticket.id}" in _button_data(card)
    assert await _kept(harness.db, ticket) == [card["message_id"]]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_crash_between_sending_the_new_card_and_keeping_it_loses_nothing(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi, sender: OutboxSender
) -> None:
    api = fake_bot_api
    ticket, gone = await _card_deleted(harness, sender, api)
    sent_before = len(api.calls_of("sendMessage"))
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_callback(MEMBER, f"tk:acc:{ticket.id}", gone, chat_id=TEAM_CHAT))
    # Nothing is sent before the row that sends it is saved.
    assert len(api.calls_of("sendMessage")) == sent_before

    # A sender takes the row, sends it, and dies before recording it.
    clock = sender.clock
    assert isinstance(clock, SimulatedClock)
    async with harness.db.uow() as uow:
        claimed = await uow.outbox.claim(clock.now(), 10, lease_seconds=60)
        await uow.commit()
    [row] = [r for r in claimed if r.purpose == PURPOSE]
    async with ptb_bot_for(api) as bot:
        await bot.send_message(TEAM_CHAT, str(row.payload["text"]))

    clock.advance(61)  # its lease ends: another sender sends it again, and keeps the card
    await sender.drain_all()
    resent = [c for c in api.calls_of("sendMessage") if c.chat_id == TEAM_CHAT][-1]
    assert resent.ok and f"tk:vis:{ticket.id}" in _button_data(resent.result)
    assert await _kept(harness.db, ticket) == [resent.result["message_id"]]
