"""A reply Telegram refuses for the moment reaches the person later, through the outbox.

Both adapters against the fake Bot API over HTTP: the step commits, the direct reply meets
a 500 or a 429, the reply becomes an urgent outbox row, and the sender delivers it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.deferred_replies import PURPOSE
from bot.outbox import OutboxSender, SimulatedClock
from core.model import OutboxMessage, User
from storage.tables import outbox
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import ADAPTERS, make_sender, ptb_bot_for
from tests.support.tickets import FARMER, LEADER, MEMBER, OTHER_MEMBER, SUPERVISOR

PROMPT = "请描述"  # the start of /new's prompt
TEAM_CHAT = -1001000000001  # curing-qingshan's group


async def _reply_rows(db: Database) -> list[OutboxMessage]:
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        query = select(OutboxMessage).where(outbox.c.purpose == PURPOSE).order_by(outbox.c.id)
        return list((await uow.session.execute(query)).scalars().all())


@pytest.fixture
async def sender(harness: Harness, fake_bot_api: FakeBotApi) -> AsyncIterator[OutboxSender]:
    bot = ptb_bot_for(fake_bot_api)
    async with bot:
        yield make_sender(harness.db, harness.cfg, bot, SimulatedClock(harness.clock.now))


@pytest.mark.parametrize("adapter", ADAPTERS)
@pytest.mark.parametrize(
    "fault", ["server_error", "retry_after", "bad_gateway", "too_many", "drop"]
)
async def test_a_refused_reply_goes_out_later_through_the_outbox(
    adapter: str, fault: Any, harness: Harness, fake_bot_api: FakeBotApi, sender: OutboxSender
) -> None:
    api = fake_bot_api
    api.inject(fault, method="sendMessage", chat_id=FARMER, retry_after=1)
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_command(FARMER, "/new"))

    assert not any(PROMPT in text for text in api.texts(FARMER))
    [row] = await _reply_rows(harness.db)
    assert (row.chat_id, row.method, row.priority) == (FARMER, "send_message", 0)
    assert PROMPT in row.payload["text"]
    # The step itself was saved: the person is in the /new conversation.
    async with harness.db.uow(read_only=True) as uow:
        assert await uow.conversations.get(FARMER, FARMER) is not None

    clock = sender.clock
    assert isinstance(clock, SimulatedClock)
    clock.advance(1)  # after a 429 the row is due when Telegram said
    assert await sender.drain_once() == 1
    assert any(PROMPT in text for text in api.texts(FARMER))


async def _kept(db: Database, update: dict[str, Any]) -> dict[str, Any] | None:
    async with db.uow(read_only=True) as uow:
        return await uow.inbox.kept_replies(f"tg:{update['update_id']}")


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_replies_queued_for_later_are_not_kept_to_be_said_again(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    """The queued rows carry the replies now (forgotten in the transaction that wrote
    them): a repeat of the update, after a restart, must not say them a second time."""
    api = fake_bot_api
    api.inject("retry_after", method="sendMessage", chat_id=FARMER, retry_after=1)
    async with ADAPTERS[adapter](harness, api) as feed:
        sent = api.push_command(FARMER, "/new")
        await feed(sent)
        assert len(await _reply_rows(harness.db)) == 1
        assert await _kept(harness.db, sent) is None
        api.redeliver(sent)
        await feed(sent)
    assert len(await _reply_rows(harness.db)) == 1
    assert not any(PROMPT in text for text in api.texts(FARMER))  # not shown inline either


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_replies_neither_shown_nor_queued_stay_kept_for_a_repeat(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    """A refusal waiting will not mend (400) is logged, not queued: what the step said
    stays kept, and a repeat of the update tries to say it again."""
    api = fake_bot_api
    api.inject("bad_request", method="sendMessage", chat_id=FARMER)
    async with ADAPTERS[adapter](harness, api) as feed:
        sent = api.push_command(FARMER, "/new")
        await feed(sent)
        assert await _reply_rows(harness.db) == []
        assert await _kept(harness.db, sent) is not None
        api.redeliver(sent)
        await feed(sent)
        assert sum(PROMPT in text for text in api.texts(FARMER)) == 1
        # Shown this time: forgotten with the next step (anyone's), not a write of its own.
        assert await _kept(harness.db, sent) is not None
        await feed(api.push_command(MEMBER, "help"))
    assert await _kept(harness.db, sent) is None


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_person_who_blocked_the_bot_is_marked_unreachable_not_queued(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    blocked = fake_bot_api.block(FARMER)
    async with ADAPTERS[adapter](harness, fake_bot_api) as feed:
        await feed(fake_bot_api.push_command(FARMER, "/new"))
        assert await _reply_rows(harness.db) == []  # 403: waiting will not mend it
        person = await _person(harness.db, FARMER)
        assert not person.reachable and person.unreachable_since == harness.clock.now
        assert person.updated_at == harness.clock.now
        # They unblock the bot and write again: reachable once more, and answered.
        fake_bot_api.remove_fault(blocked)
        await feed(fake_bot_api.push_command(FARMER, "/help"))
    assert (await _person(harness.db, FARMER)).reachable
    assert len(fake_bot_api.texts(FARMER)) == 1


async def _person(db: Database, user_id: int) -> User:
    async with db.uow(read_only=True) as uow:
        person = await uow.users.get(user_id)
    assert person is not None
    return person


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_the_next_steps_replies_wait_behind_a_queued_one(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi, sender: OutboxSender
) -> None:
    api = fake_bot_api
    api.inject("server_error", method="sendMessage", chat_id=FARMER)
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_command(FARMER, "/new"))
        # Telegram is fine again, but the prompt is still queued: /help must not overtake it.
        await feed(api.push_command(FARMER, "/help"))
        assert api.texts(FARMER) == []
        assert len(await _reply_rows(harness.db)) == 2
        await sender.drain_all()
        shown = api.texts(FARMER)
        assert len(shown) == 2 and PROMPT in shown[0]
        # Nothing waits any more: the next reply is shown directly again.
        await feed(api.push_command(FARMER, "/help"))
    assert len(api.texts(FARMER)) == 3 and len(await _reply_rows(harness.db)) == 2


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_after_flood_control_the_reply_waits_as_telegram_asked(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi, sender: OutboxSender
) -> None:
    api = fake_bot_api
    api.inject("retry_after", method="sendMessage", chat_id=FARMER, retry_after=7)
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_command(FARMER, "/new"))
        await feed(api.push_command(FARMER, "/help"))  # queued behind the refused one
    first, second = await _reply_rows(harness.db)
    assert first.not_before == harness.clock.now + timedelta(seconds=7)
    assert PROMPT in first.payload["text"]
    # The /help reply is due at once, yet the sender keeps the chat's order.
    assert second.not_before < first.not_before
    assert await sender.drain_once() == 0
    await sender.drain_all()
    shown = api.texts(FARMER)
    assert len(shown) == 2 and PROMPT in shown[0]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_reply_to_a_group_that_became_a_supergroup_goes_to_the_new_chat(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi, sender: OutboxSender
) -> None:
    api = fake_bot_api
    old, new = TEAM_CHAT, -1001000099999
    api.inject("migrated", chat_id=old, times=None, migrate_to=new)
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_command(MEMBER, "/help", chat_id=old))
    [row] = await _reply_rows(harness.db)
    assert (row.chat_id, row.method, row.priority) == (new, "send_message", 0)
    # The team follows its chat: its next cards and reminders go to the supergroup.
    async with harness.db.uow(read_only=True) as uow:
        binding = await uow.team_chats.get("curing-qingshan")
    assert binding is not None and binding.chat_id == new
    await sender.drain_all()
    assert api.texts(new) == [row.payload["text"]]


async def _alerts(db: Database) -> list[OutboxMessage]:
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        query = select(OutboxMessage).where(outbox.c.purpose == "alert").order_by(outbox.c.id)
        return list((await uow.session.execute(query)).scalars().all())


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_team_group_that_refuses_a_reply_is_told_to_its_leaders_and_the_supervisors(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi, sender: OutboxSender
) -> None:
    """The bot was removed from the team's group as it answered there: the team is cut
    off, as when an outbox message meets the same 403, so its leaders and the supervisors
    hear of it, once."""
    api = fake_bot_api
    api.kick(TEAM_CHAT)
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_command(MEMBER, "/help", chat_id=TEAM_CHAT))
        await feed(api.push_command(OTHER_MEMBER, "/help", chat_id=TEAM_CHAT))
    assert await _reply_rows(harness.db) == []  # 403: waiting will not mend it
    await sender.drain_all()

    [to_leader], [to_supervisor] = api.texts(LEADER), api.texts(SUPERVISOR)
    assert to_leader == to_supervisor
    assert "青山镇烘烤110服务队的群" in to_leader and "机器人已被移出该群" in to_leader
    assert len(await _alerts(harness.db)) == 2


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_team_group_that_refuses_the_answer_to_a_press_is_noted_on_the_ticket(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi, sender: OutboxSender
) -> None:
    api = fake_bot_api
    ticket_id = await harness.file_110(FARMER)
    await sender.drain_all()
    async with harness.db.uow(read_only=True) as uow:
        copies = await uow.ticket_messages.of_ticket(ticket_id, "card")
    [card] = [copy.message_id for copy in copies if copy.chat_id == TEAM_CHAT]
    api.kick(TEAM_CHAT)
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_callback(MEMBER, f"tk:acc:{ticket_id}", card, chat_id=TEAM_CHAT))
    await sender.drain_all()

    async with harness.db.uow(read_only=True) as uow:
        events = await uow.tickets.events(ticket_id)
    [noted] = [e for e in events if e.action == "unreachable"]
    assert noted.data["chat_id"] == TEAM_CHAT
    alerts = await _alerts(harness.db)
    assert sorted(a.chat_id for a in alerts) == sorted([LEADER, SUPERVISOR])
    assert all(a.ticket_id == ticket_id for a in alerts)
    [label] = [t.label for t in await harness.tickets() if t.id == ticket_id]
    assert all(label in text and "机器人已被移出该群" in text for text in api.texts(SUPERVISOR))
