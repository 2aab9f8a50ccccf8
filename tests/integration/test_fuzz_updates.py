"""Hypothesis-generated Telegram updates through python-telegram-bot, our handlers and a real
database: huge, empty, control characters, emoji, unknown update types, random and forged
callback data, forged chat ids, other people's contacts, impossible places.

Each example is a short burst of updates (some repeated, as Telegram redelivers), fed to
`Application.process_update` with an offline request object that answers like Telegram,
including its refusals (empty or over-long text). After every burst:

- no handler raised, nothing was logged as an error, every reply was one Telegram accepts;
- the database invariants hold (see `check_invariants`);
- delivering the whole burst again changes nothing at all.

The database is not reset between examples, so the invariants are checked on the state that
the bursts build up together (tickets, conversations half-way, rates limits reached).
"""

from __future__ import annotations

import itertools
import json
import logging
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from telegram import Update
from telegram.ext import Application, ContextTypes
from telegram.request import RequestData

from bot.ptb_adapter import build_application
from core.config import Config
from core.enums import Status
from core.numbers import public_number
from storage import tables as t
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.telegram_scripts import BOT_USER, TOKEN, OfflineRequest, adapter_app, snapshot

FARMER, RETAILER, MEMBER, LEADER, SUPERVISOR, STRANGER = (
    100001,
    100002,
    200001,
    200002,
    300001,
    999999,
)
TEAM_CHAT, MONOPOLY_CHAT, TRIAGE_CHAT = -1001000000001, -1001000000012, -1001000000017
_update_ids = itertools.count(1_000_000)
_message_ids = itertools.count(1)
DATE = 1_763_600_000

# ---- strategies -----------------------------------------------------------------------

people = st.one_of(
    st.sampled_from([FARMER, RETAILER, MEMBER, LEADER, SUPERVISOR, STRANGER]),
    st.integers(1, 2**40),
)
groups = st.sampled_from([TEAM_CHAT, MONOPOLY_CHAT, TRIAGE_CHAT, -1001999999999, -4242])
# Mostly ids of tickets the bursts made; sometimes past any the database can hold, or in
# digits that are not ASCII ("²" int() cannot read, "١" and "１" read as 1).
ticket_ids = st.one_of(
    st.integers(-2, 12),
    st.sampled_from([2**31, 2**63, 10**30, "²", "١", "１"]),
)
weird_text = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(categories=("Cc", "Cf", "Co", "So", "Sk", "Zs", "Mn")), max_size=30),
    st.sampled_from(["", " ", "\x00", "\u202e\u200b", "🔥🔥🔥", "👨‍👩‍👧‍👦" * 300, "\ud7ff", "/"]),
    st.integers(2000, 5000).map(lambda n: "烤房着火" * (n // 4)),  # over max_text
    st.integers(4090, 4200).map(lambda n: "a" * n),  # around Telegram's limit
)
desk_text = st.sampled_from(
    [
        "/start",
        "/110",
        "/new",
        "/my",
        "/cancel",
        "/help",
        "/lang",
        "/echo off",
        "/duty on",
        "/duty",
        "/bindteam curing-qingshan",
        "/bindteam curing-baishi",
        "/queue",
        "/ticket 10019",
        "/stats today",
        "/ledger today",
        "/accept 10019",
        "/start site_QS01",
        "/start inv_nonexistent",
        "/start " + "x" * 300,
        "/MY@jinye110_bot  extra",
        "烤房风机不转了，温度上不去",
        "我想办理烟草专卖零售许可证延续",
        "卷烟订货系统登录不了",
        "送货少了两条",
        "請問訂貨系統打不開怎麼辦",
        "3号房",
        "更换了风机电容",
        "张大山",
    ]
)
texts = st.one_of(desk_text, weird_text)
callback_data = st.one_of(
    st.builds(
        "{}:{}".format,
        st.sampled_from(
            [
                "tk:acc",
                "tk:vis",
                "tk:res",
                "tk:ask",
                "tk:xfer",
                "my:ok",
                "my:bad",
                "my:v",
                "my:x",
                "my:add",
                "sv:remind",
                "sv:reassign",
            ]
        ),
        ticket_ids,
    ),
    st.builds("my:r:{}:{}".format, ticket_ids, st.integers(-1, 7)),
    st.builds("tk:xto:{}:{}".format, ticket_ids, st.sampled_from(["ordering", "nope", ""])),
    st.builds("tk:rto:{}:{}".format, ticket_ids, st.sampled_from(["monopoly", "triage", "x"])),
    st.builds("tk:rea:{}:{}".format, ticket_ids, st.sampled_from(["monopoly", "triage", "x"])),
    st.sampled_from(
        [
            "f:site:QS01",
            "f:site:ZZ99",
            "f:skip",
            "f:next",
            "f:ok",
            "f:edit",
            "f:no",
            "f:kind:farmer",
            "f:kind:retailer",
            "f:kind:admin",
            "f:area:qingshan",
            "f:area:mars",
            "f:script:hant",
            "",
        ]
    ),
    st.text(max_size=80),
)


def _user(user_id: int) -> dict[str, Any]:
    return {
        "id": user_id,
        "is_bot": False,
        "first_name": f"用户{user_id}",
        "language_code": "zh-hans",
    }


def _chat(chat_id: int) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "某"}
    return {"id": chat_id, "type": "supergroup", "title": "群"}


@st.composite
def updates(draw: st.DrawFn) -> dict[str, Any]:
    """One update as Telegram sends it (valid on the wire, anything in it)."""
    sender = draw(people)
    # Usually the sender's own chat or a group; sometimes a private chat of someone else.
    chat = draw(st.one_of(st.just(sender), groups, people))
    kind = draw(
        st.sampled_from(
            [
                "text",
                "text",
                "text",
                "button",
                "button",
                "contact",
                "location",
                "photo",
                "voice",
                "sticker",
                "edited",
                "unknown",
                "no_sender",
                "from_bot",
            ]
        )
    )
    message: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": DATE,
        "chat": _chat(chat),
        "from": _user(sender),
    }
    if chat < 0 and draw(st.booleans()):
        # A group with topics (a forum), or a reply thread in one without (no topic then).
        message["message_thread_id"] = draw(st.sampled_from([1, 11, 22, 2**31]))
        message["is_topic_message"] = draw(st.booleans())
    if kind == "button":
        message["from"] = BOT_USER
        message["text"] = "…"
        query = {
            "id": f"cq{next(_message_ids)}",
            "chat_instance": "ci",
            "from": _user(sender),
            "data": draw(callback_data),
            "message": message,
        }
        if draw(st.booleans()):
            query["message"] = {"chat": _chat(chat), "message_id": 1, "date": 0}  # inaccessible
        return {"callback_query": query}
    if kind in ("text", "edited", "from_bot", "no_sender"):
        words = draw(texts)
        message["text"] = words
        if words.startswith("/"):
            head = words.split()[0] if words.split() else "/"
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(head)}]
    elif kind == "contact":
        owner = draw(st.one_of(st.none(), st.just(sender), people))
        contact: dict[str, Any] = {
            "phone_number": draw(st.sampled_from(["8613800000001", "+1 555", "", "x"])),
            "first_name": draw(weird_text) or "某",
        }
        if owner is not None:
            contact["user_id"] = owner
        message["contact"] = contact
    elif kind == "location":
        lat = draw(st.floats(-90, 90, allow_nan=False))
        lon = draw(st.floats(-180, 180, allow_nan=False))
        message["location"] = {"latitude": lat, "longitude": lon}
        if draw(st.booleans()):
            message["location"] = {"latitude": 26.513, "longitude": 106.703}  # a barn
    elif kind == "photo":
        message["photo"] = [{"file_id": "p", "file_unique_id": "up", "width": 9, "height": 9}]
        message["caption"] = draw(texts)
    elif kind == "voice":
        message["voice"] = {"file_id": "v", "file_unique_id": "uv", "duration": 3}
    elif kind == "sticker":
        message["sticker"] = {
            "file_id": "s",
            "file_unique_id": "us",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        }
    if kind == "edited":
        return {"edited_message": message}
    if kind == "from_bot":
        message["from"] = BOT_USER
    if kind == "no_sender":
        del message["from"]
        message["sender_chat"] = _chat(draw(groups))
    if kind == "unknown":
        return draw(
            st.sampled_from(
                [
                    {"some_future_update": {"x": 1}},  # a kind this PTB does not know yet
                    {
                        "poll_answer": {
                            "poll_id": "1",
                            "option_ids": [0],
                            "option_persistent_ids": ["a"],
                            "user": _user(sender),
                        }
                    },
                    {
                        "message_reaction": {
                            "chat": _chat(chat),
                            "message_id": 1,
                            "date": DATE,
                            "user": _user(sender),
                            "old_reaction": [],
                            "new_reaction": [{"type": "emoji", "emoji": "👍"}],
                        }
                    },
                    {"channel_post": {**message, "chat": {"id": -1002, "type": "channel"}}},
                ]
            )
        )
    return {"message": message}


def _say(user: int, words: str, chat: int | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": next(_message_ids),
        "date": DATE,
        "chat": _chat(chat or user),
        "from": _user(user),
        "text": words,
    }
    if words.startswith("/"):
        message["entities"] = [
            {"type": "bot_command", "offset": 0, "length": len(words.split()[0])}
        ]
    return {"message": message}


def _press(user: int, data: str, chat: int | None = None) -> dict[str, Any]:
    shown = {
        "message_id": 1,
        "date": DATE,
        "chat": _chat(chat or user),
        "from": BOT_USER,
        "text": "…",
    }
    query = {
        "id": f"cq{next(_message_ids)}",
        "chat_instance": "ci",
        "from": _user(user),
        "data": data,
    }
    return {"callback_query": {**query, "message": shown}}


@st.composite
def flows(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A few steps of a real conversation, so that tickets exist and move on: a 110 call, a
    request, or the team and the requester acting on one of the first tickets."""
    who = draw(st.sampled_from([FARMER, RETAILER, STRANGER, 100003, 100004]))
    ticket = draw(st.integers(1, 6))
    kind = draw(st.sampled_from(["110", "request", "team", "requester"]))
    if kind == "110":
        return [_say(who, "/110"), _say(who, "烤房风机不转了"), _press(who, "f:site:QS01")]
    if kind == "request":
        return [
            _say(who, "/new"),
            _say(who, "我想办理烟草专卖零售许可证延续"),
            _press(who, "f:next"),
            _press(who, "f:ok"),
        ]
    if kind == "team":
        member = draw(st.sampled_from([MEMBER, LEADER, 200051, SUPERVISOR]))
        chat = draw(st.sampled_from([TEAM_CHAT, MONOPOLY_CHAT, member]))
        verbs = draw(st.lists(st.sampled_from(["acc", "vis", "res", "ask", "xfer"]), max_size=3))
        steps = [_press(member, f"tk:{verb}:{ticket}", chat) for verb in verbs]
        return [*steps, _say(member, draw(texts), chat)]
    return [
        _press(who, f"my:ok:{ticket}"),
        _press(who, f"my:r:{ticket}:{draw(st.integers(1, 5))}"),
        _say(who, draw(texts)),
    ]


bursts = st.lists(st.one_of(updates().map(lambda u: [u]), flows()), min_size=1, max_size=6).map(
    lambda parts: [update for part in parts for update in part]
)


# ---- the bot, answering like Telegram ---------------------------------------------------


class TelegramLikeRequest(OfflineRequest):
    """The offline request object, refusing what Telegram refuses; refusals are recorded."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = OfflineRequest.DEFAULT_NONE,
        write_timeout: Any = OfflineRequest.DEFAULT_NONE,
        connect_timeout: Any = OfflineRequest.DEFAULT_NONE,
        pool_timeout: Any = OfflineRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        problem = _refusal(name, params)
        if problem:
            self.refused.append(f"{name}: {problem}")
            body = {"ok": False, "error_code": 400, "description": f"Bad Request: {problem}"}
            return 400, json.dumps(body).encode()
        return await super().do_request(url, method, request_data)


def _refusal(method: str, params: dict[str, Any]) -> str | None:
    def length(value: object) -> int:
        return len(str(value).encode("utf-16-le")) // 2

    if method in ("sendMessage", "editMessageText"):
        text = str(params.get("text") or "")
        if not text.strip():
            return "message text is empty"
        if length(text) > 4096:
            return "message is too long"
    if method in ("sendPhoto", "sendDocument") and length(params.get("caption") or "") > 1024:
        return "message caption is too long"
    if method == "answerCallbackQuery" and length(params.get("text") or "") > 200:
        return "text is too long"
    for row in _markup(params).get("inline_keyboard") or []:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                return "BUTTON_DATA_INVALID"
    return None


def _markup(params: dict[str, Any]) -> dict[str, Any]:
    markup = params.get("reply_markup") or {}
    return json.loads(markup) if isinstance(markup, str) else markup


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage()}")


@contextmanager
def errors_logged() -> Iterator[_Errors]:
    handler = _Errors()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


class Bot:
    """Our python-telegram-bot application over the desk, with an offline request object."""

    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        self.request = TelegramLikeRequest()
        self.app: Application[Any, Any, Any, Any, Any, Any] = build_application(
            adapter_app(harness, harness.cfg), token=TOKEN, base_url="http://offline/bot"
        )
        self.app.bot._request = (self.request, self.request)
        self.raised: list[str] = []

        async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
            self.raised.append(repr(context.error))

        self.app.add_error_handler(on_error)

    async def feed(self, raw: dict[str, Any]) -> None:
        self.harness.clock.advance(seconds=7)
        await self.app.process_update(Update.de_json(raw, self.app.bot))


@pytest.fixture
async def bot(db: Database, demo_config: Config) -> AsyncIterator[Bot]:
    harness = Harness(db, demo_config)
    await harness.seed()
    running = Bot(harness)
    await running.app.initialize()
    try:
        yield running
    finally:
        await running.app.shutdown()


# ---- the invariants ---------------------------------------------------------------------


async def check_invariants(db: Database) -> None:
    """What must hold in the database whatever people send."""
    async with db.engine.connect() as conn:

        async def rows(query: Any) -> list[Any]:
            return list((await conn.execute(query)).all())

        ticket_rows = await rows(select(t.tickets.c.id, t.tickets.c.number, t.tickets.c.status))
        ids = {r.id for r in ticket_rows}
        events = await rows(
            select(
                t.ticket_events.c.ticket_id, t.ticket_events.c.action, t.ticket_events.c.to_status
            ).order_by(t.ticket_events.c.id)
        )
        by_ticket: dict[int, list[Any]] = {}
        for event in events:
            assert event.ticket_id in ids, f"event of a missing ticket {event.ticket_id}"
            by_ticket.setdefault(event.ticket_id, []).append(event)
        for ticket in ticket_rows:
            mine = by_ticket.get(ticket.id, [])
            actions = [e.action for e in mine]
            assert actions[:1] == ["create"], f"ticket {ticket.id}: {actions}"
            assert "dispatch" in actions, f"ticket {ticket.id} never dispatched: {actions}"
            last = [e.to_status for e in mine if e.to_status is not None][-1]
            assert Status(last) is Status(ticket.status), f"ticket {ticket.id}: {actions}"
            assert ticket.number == public_number(ticket.id)
        for table in (t.attachments, t.ticket_messages):
            orphans = [r for r in await rows(select(table.c.ticket_id)) if r[0] not in ids]
            assert not orphans, f"{table.name} rows of missing tickets"
        outbox = await rows(select(t.outbox.c.ticket_id, t.outbox.c.chat_id, t.outbox.c.payload))
        assert all(r.ticket_id is None or r.ticket_id in ids for r in outbox)
        assert all(r.chat_id != 0 for r in outbox)
        users = {r[0] for r in await rows(select(t.users.c.id))}
        members = await rows(select(t.memberships.c.user_id))
        assert all(r[0] in users for r in members), "memberships of unknown users"
        keys = [r[0] for r in await rows(select(t.processed_updates.c.key))]
        assert len(keys) == len(set(keys))
        conversations = await rows(select(t.conversations.c.chat_id, t.conversations.c.user_id))
        assert len(conversations) == len(set(conversations))


# ---- the test ---------------------------------------------------------------------------


@settings(
    max_examples=int(os.environ.get("JINYE_FUZZ_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(burst=bursts, repeat=st.lists(st.integers(0, 7), max_size=3))
async def test_any_updates_leave_a_consistent_database(
    bot: Bot, burst: list[dict[str, Any]], repeat: list[int]
) -> None:
    stamped = [{"update_id": next(_update_ids), **u} for u in burst]
    stamped += [stamped[i] for i in repeat if i < len(stamped)]  # Telegram redelivers
    with errors_logged() as logged:
        for raw in stamped:
            await bot.feed(raw)
        await check_invariants(bot.harness.db)
        before = await snapshot(bot.harness.db)
        event(f"tickets in the database: {len(before['tickets']) // 5 * 5}+")
        event(f"conversations open: {len(before['conversations'])}")
        bot.harness.clock.advance(minutes=1)
        for raw in stamped:  # all of it again: every update was handled already
            await bot.feed(raw)
        after = await snapshot(bot.harness.db)
    assert after == before
    assert bot.raised == []
    assert logged.records == []
    assert bot.request.refused == []
