"""One conversation as raw Telegram updates, and runners for it: the neutral desk,
python-telegram-bot (offline request object) and aiogram (mocked session).

Each runner returns what people saw, as Bot API calls normalised to
(method, chat_id, text, reply_markup summary), and `snapshot` returns the database rows
a run left behind, so the three runs can be compared as plain data.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncGenerator, AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import InputFile
from aiogram.types import Update as AiogramUpdate
from sqlalchemy import select
from telegram import Update as PtbUpdate
from telegram.request import BaseRequest, RequestData

from bot.aiogram_adapter import KEYBOARD_CARRIER
from bot.aiogram_runner import build_dispatcher
from bot.bootstrap import App
from bot.message_kinds import UNSUPPORTED
from bot.outbox.render import fit_replies
from bot.ptb_adapter import build_application
from core.config import Config
from handlers.incoming import Contact, Incoming, Location, replied_to
from handlers.replies import Outcome, Reply
from storage import tables
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.scratch_db import empty_tables
from tests.support.tickets import FARMER, MEMBER

TOKEN = "123456:TEST-token"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "jinye110", "username": "jinye110_bot"}
TEAM_CHAT = -1001000000001  # curing-qingshan
DATE = 1_763_600_000
Call = tuple[str, int | None, str, Any]  # (method, chat_id, text or caption, markup summary)
Update = dict[str, Any]

# ---- building raw updates ---------------------------------------------------------------

PEOPLE: dict[int, dict[str, Any]] = {
    FARMER: {"first_name": "大山", "last_name": "张", "language_code": "zh-hans"},
    MEMBER: {"first_name": "师傅", "last_name": "李", "language_code": "zh-hans"},
}


def _user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, **PEOPLE.get(user_id, {"first_name": "某"})}


def _chat(chat_id: int, user_id: int) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": _user(user_id)["first_name"]}
    return {"id": chat_id, "type": "supergroup", "title": "青山镇烘烤110服务队"}


def message(update_id: int, sender: int, chat: int | None = None, **content: Any) -> Update:
    """A message update; `content` holds the message's own fields (text, contact, photo, ...)."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1000 + update_id,
            "date": DATE,
            "chat": _chat(chat or sender, sender),
            "from": _user(sender),
            **content,
        },
    }


def say(update_id: int, sender: int, words: str, chat: int | None = None) -> Update:
    """Text; a leading /command carries its bot_command entity as Telegram sends it."""
    if not words.startswith("/"):
        return message(update_id, sender, chat, text=words)
    entity = {"type": "bot_command", "offset": 0, "length": _command_length(words)}
    return message(update_id, sender, chat, text=words, entities=[entity])


def _command_length(words: str) -> int:
    """How much of `words` Telegram marks as the command: its name (and @bot), no more."""
    found = re.match(r"/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?", words)
    return found.end() if found is not None else len(words.split()[0])


def contact(update_id: int, sender: int, phone: str, owner: int | None) -> Update:
    card: dict[str, Any] = {"phone_number": phone, "first_name": "大山"}
    if owner is not None:
        card["user_id"] = owner
    return message(update_id, sender, contact=card)


def location(update_id: int, sender: int, lat: float, lon: float) -> Update:
    return message(update_id, sender, location={"latitude": lat, "longitude": lon})


def photo(update_id: int, sender: int, caption: str = "") -> Update:
    sizes = [
        {
            "file_id": f"photo-{update_id}-{w}",
            "file_unique_id": f"p{update_id}{w}",
            "width": w,
            "height": w,
        }
        for w in (90, 1280)
    ]
    extra: dict[str, Any] = {"caption": caption} if caption else {}
    return message(update_id, sender, photo=sizes, **extra)


def voice(update_id: int, sender: int) -> Update:
    note = {"file_id": f"voice-{update_id}", "file_unique_id": f"v{update_id}", "duration": 7}
    return message(update_id, sender, voice=note)


def sticker(update_id: int, sender: int) -> Update:
    item = {
        "file_id": f"sticker-{update_id}",
        "file_unique_id": f"s{update_id}",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "👍",
    }
    return message(update_id, sender, sticker=item)


def press(
    update_id: int, sender: int, data: str, *, message_id: int, chat: int | None = None
) -> Update:
    """A press of an inline button on the bot's message `message_id`."""
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"cq{update_id}",
            "chat_instance": "ci-1",
            "data": data,
            "from": _user(sender),
            "message": {
                "message_id": message_id,
                "date": DATE,
                "chat": _chat(chat or sender, sender),
                "from": BOT_USER,
                "text": "…",
            },
        },
    }


# ---- the script ------------------------------------------------------------------------


def service_desk_script() -> list[Update]:
    """Registration, a 110 call, the team accepting it, a /new request, odd inputs."""
    return [
        say(1, FARMER, "/start"),
        press(2, FARMER, "f:kind:farmer", message_id=501),
        say(3, FARMER, "张大山"),
        contact(4, FARMER, "8613800000001", owner=FARMER),
        press(5, FARMER, "f:area:qingshan", message_id=502),
        say(6, FARMER, "/110"),
        say(7, FARMER, "烤房风机不转了，温度上不去"),
        press(9, FARMER, "f:site:QS01", message_id=503),
        press(9, FARMER, "f:site:QS01", message_id=503),  # redelivered: handled once
        voice(8, FARMER),  # news for the call (and the older update id does not matter)
        press(10, MEMBER, "tk:acc:1", message_id=900, chat=TEAM_CHAT),  # 接单 in the team chat
        sticker(11, FARMER),
        say(12, FARMER, "/new@jinye110_bot"),
        say(13, FARMER, "卷烟订货系统登录不了，提示密码错误"),
        photo(14, FARMER),
        location(15, FARMER, 26.513, 106.703),
        press(16, FARMER, "f:next", message_id=504),
        press(17, FARMER, "f:ok", message_id=505),
        press(18, FARMER, "f:ok", message_id=505),  # the same summary again: a stale button
    ]


def edge_updates() -> list[Update]:
    """Updates whose reading is easy to get subtly wrong."""
    edited = edit_of(say(60, FARMER, "改一下"))
    edited_in_team = edit_of(say(66, MEMBER, "明天上午到", chat=TEAM_CHAT))
    from_bot = message(61, FARMER, text="hi")
    from_bot["message"]["from"] = BOT_USER
    old_card = press(62, MEMBER, "tk:acc:1", message_id=900, chat=TEAM_CHAT)
    old_card["callback_query"]["message"] = {  # too old for Telegram to show it to the bot
        "chat": _chat(TEAM_CHAT, MEMBER),
        "message_id": 900,
        "date": 0,
    }
    gif = {"duration": 2, "width": 1, "height": 1}
    question = {"message_id": 901, "date": DATE, "chat": _chat(FARMER, FARMER), "text": "？"}
    in_team = {"message_id": 902, "date": DATE, "chat": _chat(TEAM_CHAT, MEMBER), "text": "卡片"}
    in_topic = {"message_thread_id": 77, "is_topic_message": True}
    topic_start = {
        "message_id": 77,
        "date": DATE,
        "chat": _chat(TEAM_CHAT, MEMBER),
        "forum_topic_created": {"name": "青山镇", "icon_color": 7322096},
    }
    barn = [_file(92, width=1280, height=960)]
    command = {"type": "bot_command", "offset": 0, "length": 4}
    clip = {"duration": 9, "width": 720, "height": 1280}
    return [
        say(50, FARMER, "/start site_QS01"),
        say(51, FARMER, "/MY@jinye110_bot  extra   args"),
        say(52, MEMBER, "/accept 10019", chat=TEAM_CHAT),
        say(53, MEMBER, "更换了风机电容", chat=TEAM_CHAT),
        photo(54, FARMER, caption="炉膛冒烟"),
        contact(55, FARMER, "13711112222", owner=None),  # someone else's card
        message(56, FARMER, animation=_file(56, **gif), document=_file(56)),  # a GIF is both
        say(59, MEMBER, "/help@other_bot", chat=TEAM_CHAT),  # for another bot in the group
        say(63, MEMBER, "/queue@JINYE110_BOT", chat=TEAM_CHAT),  # names are case-insensitive
        message(57, MEMBER, TEAM_CHAT, migrate_to_chat_id=-1001000099999),  # a group upgraded
        message(58, MEMBER, -1001000099999, migrate_from_chat_id=TEAM_CHAT),
        edited,
        edited_in_team,  # the team's own chat: not a correction addressed to the desk
        from_bot,
        old_card,
        anonymous_admin(64, "/bindteam@jinye110_bot curing-qingshan"),
        anonymous_admin(65, "烤房的事大家注意"),  # not a command: not for the desk
        # Telegram's reply to the bot's message: which message it answers (the question
        # notice in a private chat, the card in a team's chat).
        message(67, FARMER, text="在东边那间", reply_to_message={**question, "from": BOT_USER}),
        message(68, MEMBER, TEAM_CHAT, text="好", reply_to_message={**in_team, "from": BOT_USER}),
        # In a forum topic a message replying to nothing replies to the topic's first (its
        # creation, whose id is the topic's): no reply. One replying to a card there is one.
        message(69, MEMBER, TEAM_CHAT, text="收到", **in_topic, reply_to_message=topic_start),
        message(70, MEMBER, TEAM_CHAT, text="修好了", **in_topic, reply_to_message=in_team),
        # A command typed on into its words, as Chinese is typed: /110 and its words.
        say(90, FARMER, "/110烤房停电了"),
        say(91, FARMER, "/110，大坪烤房风机不转了"),
        # A command as a photo's caption: the command, the photo with it.
        message(92, FARMER, photo=barn, caption="/110", caption_entities=[command]),
        # A video or a file with words: the words, the kind of file named.
        message(93, FARMER, video=_file(93, **clip), caption="大坪烤房停电了"),
        message(94, FARMER, document=_file(94, mime_type="image/jpeg"), caption="风机不转了"),
        # Service messages: nothing said, nothing read.
        message(95, FARMER, pinned_message={**question, "from": BOT_USER}),
        message(96, FARMER, message_auto_delete_timer_changed={"message_auto_delete_time": 86400}),
        # The second photo of an album: which album it is in.
        message(97, MEMBER, TEAM_CHAT, photo=barn, media_group_id="13579"),
    ]


def edit_of(update: Update) -> Update:
    """The same message as Telegram sends it once its author has changed it."""
    edited = dict(update)
    edited["edited_message"] = {**edited.pop("message"), "edit_date": 1}
    return edited


def anonymous_admin(update_id: int, text: str) -> Update:
    """A message a group's anonymous admin sends: from GroupAnonymousBot, as the group."""
    update = message(update_id, MEMBER, TEAM_CHAT, text=text)
    update["message"]["from"] = {
        "id": 1087968824,
        "is_bot": True,
        "first_name": "Group",
        "username": "GroupAnonymousBot",
    }
    update["message"]["sender_chat"] = update["message"]["chat"]
    return update


def _file(update_id: int, **extra: Any) -> dict[str, Any]:
    return {"file_id": f"file-{update_id}", "file_unique_id": f"f{update_id}", **extra}


# ---- the neutral reading of an update, and what any adapter must show ------------------


def neutral_incoming(update: Update) -> Incoming | None:
    """The event read straight from the raw update, with no framework in between."""
    query: dict[str, Any] | None = update.get("callback_query")
    msg: dict[str, Any] = update.get("message") or {}
    if "edited_message" in update:
        return _neutral_edit(update)
    source = query or msg
    if not source:
        return None
    if source["from"]["is_bot"]:
        return _neutral_anonymous(update)
    sender = source["from"]
    carrier = query["message"] if query is not None else msg
    chat = carrier["chat"]
    base: dict[str, Any] = {
        "update_key": f"tg:{update['update_id']}",
        "user_id": sender["id"],
        "chat_id": chat["id"],
        "chat_type": chat["type"],
        "user_name": " ".join(p for p in (sender.get("first_name"), sender.get("last_name")) if p),
        "language_code": sender.get("language_code", ""),
        "topic": carrier.get("message_thread_id") if carrier.get("is_topic_message") else None,
    }
    if query is not None:
        shown = query["message"]["date"] != 0  # date 0: a message the bot can no longer see
        message_id = query["message"]["message_id"] if shown else None
        return Incoming(**base, callback_data=query["data"], callback_message_id=message_id)
    words = msg.get("text") or msg.get("caption") or ""
    fields: dict[str, Any] = {"text": words}
    if words.startswith("/"):  # a photo's caption too
        name, addressee, rest = _neutral_command(words)
        if addressee and addressee.lower() != BOT_USER["username"]:
            return None  # another bot's command: not ours to answer
        fields |= {"command": name.lower(), "args": tuple(rest.split())}
    if "contact" in msg:
        card = msg["contact"]
        fields["contact"] = Contact(card["phone_number"], card.get("user_id"), card["first_name"])
    if "location" in msg:
        fields["location"] = Location(msg["location"]["latitude"], msg["location"]["longitude"])
    if "photo" in msg:
        fields["photo_file_id"] = msg["photo"][-1]["file_id"]
    if "media_group_id" in msg:
        fields["media_group_id"] = msg["media_group_id"]
    if "voice" in msg:
        fields["voice_file_id"] = msg["voice"]["file_id"]
    kind = next((k for k in UNSUPPORTED if k in msg), None)
    if kind is not None:
        fields["unsupported"] = kind
    for moved in ("migrate_to_chat_id", "migrate_from_chat_id"):
        if moved in msg:
            fields[moved] = msg[moved]
    if "reply_to_message" in msg:
        fields["reply_to"] = replied_to(msg["reply_to_message"]["message_id"], base["topic"])
    if fields == {"text": ""}:
        return None  # a service message (a pin, a timer set): nothing said to the desk
    return Incoming(**base, **fields)


# Telegram's command: letters, digits and _, perhaps @ a bot; then its words, which may be
# typed on without a space ("/110烤房停电了") or after a comma ("/110，风机不转了").
_COMMAND = re.compile(r"/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]*))?[\s，,：:、；;。.]*(.*)", re.S)


def _neutral_command(words: str) -> tuple[str, str, str]:
    """(name, addressee, words after it) of a message starting with a slash."""
    found = _COMMAND.match(words)
    if found is None:  # "/烤房停电了", "/": its first word names an unknown command
        head, *rest = words[1:].split() or [""]
        name, _, addressee = head.partition("@")
        return name, addressee, " ".join(rest)
    return found[1], found[2] or "", found[3]


def _neutral_edit(update: Update) -> Incoming | None:
    """A private message changed after it was sent: read as a correction; in a group, not ours."""
    msg: dict[str, Any] = update["edited_message"]
    if msg["chat"]["type"] != "private" or msg["from"]["is_bot"]:
        return None
    if "location" in msg:
        return None  # a live location moving on: not a correction
    sender = msg["from"]
    return Incoming(
        update_key=f"tg:{update['update_id']}",
        user_id=sender["id"],
        chat_id=msg["chat"]["id"],
        user_name=" ".join(p for p in (sender.get("first_name"), sender.get("last_name")) if p),
        language_code=sender.get("language_code", ""),
        text=msg.get("text") or msg.get("caption") or "",
        edited=True,
    )


def _neutral_anonymous(update: Update) -> Incoming | None:
    """A command of ours in a group's name (an anonymous admin): answered, never acted on."""
    msg: dict[str, Any] = update.get("message") or {}
    anonymous = msg.get("from", {}).get("id") == 1087968824 or "sender_chat" in msg
    text: str = msg.get("text", "")
    if not anonymous or not text.startswith("/"):
        return None
    head, *args = text[1:].split() or [""]
    name, _, addressee = head.partition("@")
    if addressee and addressee.lower() != BOT_USER["username"]:
        return None
    return Incoming(
        update_key=f"tg:{update['update_id']}",
        user_id=msg["from"]["id"],
        chat_id=msg["chat"]["id"],
        chat_type=msg["chat"]["type"],
        text=text,
        command=name.lower(),
        args=tuple(args),
        anonymous=True,
    )


def _neutral_inline(reply: Reply) -> Any:
    if not reply.buttons:
        return None
    return (
        "inline",
        tuple(tuple((b.text, b.url or b.data or "") for b in row) for row in reply.buttons),
    )


def _neutral_keyboard(reply: Reply) -> Any:
    if reply.keyboard == "remove":
        return "remove"
    if reply.keyboard is None:
        return None
    keys = ((f"[{reply.keyboard}] {reply.keyboard_label}",), *((e,) for e in reply.keyboard_extra))
    return ("keyboard", keys, "resize", "one_time")  # fits the screen, hides after use


def expected_calls(update: Update, outcome: Outcome) -> list[Call]:
    """The Bot API calls an adapter is to make for this outcome (the rendering contract)."""
    query = update.get("callback_query")
    source = (
        query["message"] if query is not None else update.get("message") or update["edited_message"]
    )
    chat_id = source["chat"]["id"]
    calls: list[Call] = []
    if query is not None:
        calls.append(("answerCallbackQuery", None, (outcome.toast or "")[:190], None))
    for reply in fit_replies(outcome.replies):  # a text over 4096 units: several messages
        inline, keyboard = _neutral_inline(reply), _neutral_keyboard(reply)
        if reply.edit and query is not None and query["message"]["date"] != 0:
            calls.append(("editMessageText", chat_id, reply.text, inline))
        elif reply.photo is not None:
            calls.append(("sendPhoto", chat_id, reply.text[:1024], None))
        elif reply.document is not None:
            calls.append(("sendDocument", chat_id, reply.text[:1024], None))
        else:
            calls.append(("sendMessage", chat_id, reply.text, inline or keyboard))
            if inline is not None and keyboard is not None:
                calls.append(("sendMessage", chat_id, KEYBOARD_CARRIER, keyboard))
    return calls


def summarise_markup(markup: Any) -> Any:
    """A reply_markup as sent on the wire (a dict), reduced to what the person sees."""
    if not markup:
        return None
    if isinstance(markup, str):
        markup = json.loads(markup)
    if "inline_keyboard" in markup:
        return (
            "inline",
            tuple(
                tuple((b["text"], b.get("url") or b.get("callback_data") or "") for b in row)
                for row in markup["inline_keyboard"]
            ),
        )
    if markup.get("remove_keyboard"):
        return "remove"

    def key(button: dict[str, Any]) -> str:
        if button.get("request_contact"):
            return f"[contact] {button['text']}"
        if button.get("request_location"):
            return f"[location] {button['text']}"
        return str(button["text"])

    keys = tuple(tuple(key(b) for b in row) for row in markup["keyboard"])
    resize = "resize" if markup.get("resize_keyboard") else ""
    return ("keyboard", keys, resize, "one_time" if markup.get("one_time_keyboard") else "")


def normalise(method: str, params: dict[str, Any]) -> Call | None:
    """One recorded Bot API call as a Call; None for calls that are no reply (getMe, ...)."""
    if method == "answerCallbackQuery":
        return (method, None, params.get("text") or "", None)
    if method in ("sendMessage", "editMessageText", "sendPhoto", "sendDocument"):
        words = params.get("text") or params.get("caption") or ""
        chat_id = params.get("chat_id")
        return (
            method,
            int(chat_id) if chat_id is not None else None,
            words,
            summarise_markup(params.get("reply_markup")),
        )
    return None


def reply_texts(calls: Sequence[Call]) -> list[str]:
    """What people read, in order: messages, edits, captions and button toasts."""
    return [c[2] for c in calls if c[2] and c[2] != KEYBOARD_CARRIER]


def _message_result(message_id: int, params: dict[str, Any]) -> dict[str, Any]:
    chat_id = int(params.get("chat_id") or 0)
    return {
        "message_id": message_id,
        "date": DATE,
        "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
        "from": BOT_USER,
        "text": params.get("text") or params.get("caption") or "",
    }


# ---- runners ---------------------------------------------------------------------------


@dataclass
class Run:
    calls: list[Call] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)  # reply keyboard button labels seen


async def run_neutral(harness: Harness, script: Sequence[Update]) -> Run:
    run = Run()
    for update in script:
        incoming = neutral_incoming(update)
        assert incoming is not None
        outcome = await harness.desk.handle(incoming)
        run.calls += expected_calls(update, outcome)
        if outcome.kept:  # shown: a repeat of the update says nothing again, as with an adapter
            harness.desk.shown(incoming.update_key)
    return run


class OfflineRequest(BaseRequest):
    """python-telegram-bot's HTTP layer, answering every Bot API call locally."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._message_id = 5000
        self.delay = 0.0  # seconds each call takes: a slow Bot API

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        if self.delay:
            await asyncio.sleep(self.delay)
        self.calls.append((name, params))
        result: Any = True
        if name == "getMe":
            result = BOT_USER
        elif name in ("sendMessage", "editMessageText", "sendPhoto", "sendDocument"):
            self._message_id += 1
            result = _message_result(self._message_id, params)
        return 200, json.dumps({"ok": True, "result": result}).encode()


def _labels(params: dict[str, Any]) -> set[str]:
    markup = params.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return {b["text"] for row in markup.get("keyboard", []) for b in row}


def _collect(recorded: Sequence[tuple[str, dict[str, Any]]]) -> Run:
    run = Run()
    for name, params in recorded:
        call = normalise(name, params)
        if call is not None:
            run.calls.append(call)
            run.labels |= _labels(params)
    return run


def adapter_app(harness: Harness, cfg: Config) -> App:
    """The composition root's App around the test harness's desk (fixed clock)."""
    return App(settings=None, cfg=cfg, db=harness.db, desk=harness.desk)  # type: ignore[arg-type]


# A webhook update Telegram sends again, as it does when the first delivery was not answered
# in time, comes while the first is still being handled: the runs below can deliver each
# update twice at once, through a Bot API slow enough for the two to overlap.
SLOW_API = 0.02  # seconds a Bot API call takes when updates are delivered twice at once


async def run_ptb(
    harness: Harness, script: Sequence[Update], *, twice_at_once: bool = False
) -> Run:
    request = OfflineRequest()
    request.delay = SLOW_API if twice_at_once else 0.0
    application = build_application(
        adapter_app(harness, harness.cfg), token=TOKEN, base_url="http://offline/bot"
    )
    application.bot._request = (request, request)
    await application.initialize()
    try:
        for update in script:
            copies = 2 if twice_at_once else 1
            await asyncio.gather(
                *(
                    application.process_update(PtbUpdate.de_json(update, application.bot))
                    for _ in range(copies)
                )
            )
    finally:
        await application.shutdown()
    return _collect(request.calls)


class MockSession(BaseSession):
    """aiogram's HTTP session, answering every Bot API call locally with realistic results.

    `fail_next[method] = (status, description)` makes the next such call fail as Telegram would.
    """

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.fail_next: dict[str, tuple[int, str]] = {}
        self._message_id = 5000
        self.delay = 0.0  # seconds each call takes: a slow Bot API

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (the base class signature)
    ) -> TelegramType:
        name = method.__api_method__
        if self.delay:
            await asyncio.sleep(self.delay)
        files: dict[str, InputFile] = {}
        params = {
            key: self.prepare_value(value, bot=bot, files=files, _dumps_json=False)
            for key, value in method.model_dump(warnings=False).items()
        }
        params = {key: value for key, value in params.items() if value is not None}
        self.calls.append((name, params))
        if name in self.fail_next:
            status, description = self.fail_next.pop(name)
            body = {"ok": False, "error_code": status, "description": description}
            return self.check_response(bot, method, status, json.dumps(body)).result  # type: ignore[return-value]
        result: Any = True
        if name == "getMe":
            result = BOT_USER
        elif name in ("sendMessage", "editMessageText", "sendPhoto", "sendDocument"):
            self._message_id += 1
            result = _message_result(self._message_id, params)
        response = self.check_response(bot, method, 200, json.dumps({"ok": True, "result": result}))
        return response.result  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 (the base class signature)
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""

    async def close(self) -> None:
        return None


@asynccontextmanager
async def aiogram_bot(session: MockSession | None = None) -> AsyncIterator[Bot]:
    bot = Bot(TOKEN, session=session or MockSession())
    try:
        yield bot
    finally:
        await bot.session.close()


async def run_aiogram(
    harness: Harness, script: Sequence[Update], *, twice_at_once: bool = False
) -> Run:
    session = MockSession()
    session.delay = SLOW_API if twice_at_once else 0.0
    dispatcher = build_dispatcher(adapter_app(harness, harness.cfg))
    async with aiogram_bot(session) as bot:
        for update in script:
            copies = 2 if twice_at_once else 1
            await asyncio.gather(
                *(
                    dispatcher.feed_update(
                        bot, AiogramUpdate.model_validate(update, context={"bot": bot})
                    )
                    for _ in range(copies)
                )
            )
    return _collect(session.calls)


# ---- the database a run leaves ---------------------------------------------------------


async def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """The rows the flows wrote, without ids of their own or timestamps."""
    t = tables
    queries = {
        "users": select(
            t.users.c.id,
            t.users.c.name,
            t.users.c.kind,
            t.users.c.phone,
            t.users.c.area,
            t.users.c.site_code,
        ).order_by(t.users.c.id),
        "tickets": select(
            t.tickets.c.number,
            t.tickets.c.kind,
            t.tickets.c.priority,
            t.tickets.c.status,
            t.tickets.c.line,
            t.tickets.c.team_id,
            t.tickets.c.site_code,
            t.tickets.c.text,
            t.tickets.c.accepted_by,
            t.tickets.c.lat,
            t.tickets.c.lon,
        ).order_by(t.tickets.c.id),
        "ticket_events": select(
            t.ticket_events.c.ticket_id,
            t.ticket_events.c.action,
            t.ticket_events.c.actor_id,
            t.ticket_events.c.from_status,
            t.ticket_events.c.to_status,
        ).order_by(t.ticket_events.c.id),
        "attachments": select(
            t.attachments.c.ticket_id, t.attachments.c.kind, t.attachments.c.file_id
        ).order_by(t.attachments.c.id),
        "conversations": select(
            t.conversations.c.chat_id,
            t.conversations.c.user_id,
            t.conversations.c.flow,
            t.conversations.c.step,
            t.conversations.c.data,
        ).order_by(t.conversations.c.chat_id, t.conversations.c.user_id),
        "outbox": select(
            t.outbox.c.chat_id,
            t.outbox.c.method,
            t.outbox.c.payload,
            t.outbox.c.priority,
            t.outbox.c.purpose,
        ).order_by(t.outbox.c.id),
        "processed_updates": select(t.processed_updates.c.key).order_by(t.processed_updates.c.key),
    }
    rows: dict[str, list[tuple[Any, ...]]] = {}
    async with db.engine.connect() as conn:
        for name, query in queries.items():
            result = [tuple(row) for row in await conn.execute(query)]
            if name == "outbox":
                result = [(c, m, p.get("text", ""), pr, pu) for c, m, p, pr, pu in result]
            if name == "conversations":
                result = [
                    (*r[:4], json.dumps(r[4], sort_keys=True, ensure_ascii=False)) for r in result
                ]
            rows[name] = result
    return rows


async def reset(db: Database) -> None:
    """Empty every table, ids starting again at 1, as on a fresh database."""
    await empty_tables(db)
