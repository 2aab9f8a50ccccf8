"""Button presses when Telegram refuses part of the answer, on both adapters against the
fake Bot API: the person still learns what their press did."""

from __future__ import annotations

import pytest

from bot.outbox import SimulatedClock
from tests.support.desk import Harness
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import ADAPTERS, make_sender, ptb_bot_for
from tests.support.tickets import MEMBER, OTHER_MEMBER, T0, new_ticket

TEAM_CHAT = -1001000000001  # curing-qingshan's group
GONE = 4242  # a card someone deleted: the fake server has no such message


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_card_that_cannot_be_edited_any_more_is_shown_as_a_new_message(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    ticket = await new_ticket(harness.db, harness.cfg)
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_callback(MEMBER, f"tk:acc:{ticket.id}", GONE, chat_id=TEAM_CHAT))
    [edit] = api.calls_of("editMessageText")
    assert edit.status == 400  # message to edit not found
    # The team sees the card's new state (accepted) all the same, as a new message: the
    # outbox sends it (`test_gone_card`: and keeps the card there).
    async with ptb_bot_for(api) as bot:
        await make_sender(harness.db, harness.cfg, bot, SimulatedClock(T0)).drain_all()
    [card] = api.texts(TEAM_CHAT)
    assert card == edit.params["text"] and ticket.label in card


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_popup_that_cannot_be_shown_is_said_in_the_chat(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    ticket = await new_ticket(harness.db, harness.cfg)
    card = api.push_message(OTHER_MEMBER, "卡片", chat_id=TEAM_CHAT)["message"]["message_id"]
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_callback(OTHER_MEMBER, f"tk:acc:{ticket.id}", card, chat_id=TEAM_CHAT))
        shown = len(api.texts(TEAM_CHAT))
        # The second member's press is answered too late (the bot was busy or restarting).
        too_old = (
            "Bad Request: query is too old and response timeout expired or query ID is invalid"
        )
        api.inject("bad_request", method="answerCallbackQuery", description=too_old)
        await feed(api.push_callback(MEMBER, f"tk:acc:{ticket.id}", card, chat_id=TEAM_CHAT))
    [refused] = [c for c in api.calls_of("answerCallbackQuery") if not c.ok]
    assert "接单" in refused.params["text"]  # "taken by someone else": the whole answer
    assert api.texts(TEAM_CHAT)[shown:] == [refused.params["text"]]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_popup_that_was_shown_is_not_repeated_in_the_chat(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_callback(MEMBER, "tk:acc:999999", 7, chat_id=TEAM_CHAT))
    [answer] = api.calls_of("answerCallbackQuery")
    assert answer.ok and answer.params["text"]  # stale button
    assert api.texts(TEAM_CHAT) == []
