"""A fake Telegram Bot API server (aiohttp) for tests, speaking the real wire format.

Point python-telegram-bot at it with ``Bot(TOKEN, base_url=server.base_url)`` (aiogram:
``TelegramAPIServer.from_base(server.root_url)``). It answers like Telegram does
(``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code", "description",
"parameters"}``), records every call, lets a test act as users (``push_message``,
``push_command``, ``push_contact``, ``push_location``, ``push_photo``, ``push_voice``,
``push_callback``) through ``getUpdates`` long polling, and injects faults per method, chat
and count: 429 with retry_after, 403, 400, 404, 413 (a file too large), 500, a proxy's HTML
502 page, slow replies and dropped connections. ``delete`` removes a message as a person
deleting it would (editing it then answers "message to edit not found").
Unknown methods answer 404 "Not Found", as Telegram does.

Webhook mode: once the bot has called ``setWebhook``, ``deliver_to(url)`` makes the server
POST queued updates to the bot's listening address as Telegram would (in order, with the
secret token from ``setWebhook`` in ``X-Telegram-Bot-Api-Secret-Token``, an update kept and
retried until the bot answers 2xx); ``post_update`` posts one update by hand, with any header.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import ClientError, ClientSession, ClientTimeout, web

TOKEN = "123456789:AAF-fake-token-for-tests"
FaultKind = Literal[
    "retry_after", "forbidden", "bad_request", "server_error", "delay", "drop", "migrated",
    "not_found", "bad_gateway", "too_many", "too_large", "hang",
]  # fmt: skip
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

# Fields whose form value is a plain string even when it looks like JSON ("123", "true").
_STRING_FIELDS = {
    "text", "caption", "parse_mode", "callback_query_id", "url", "secret_token", "photo",
    "voice", "document", "audio", "video", "sticker", "animation", "inline_message_id",
    "language_code", "description", "short_description", "ip_address", "certificate",
    "phone_number", "first_name", "last_name", "title", "address", "question", "emoji",
}  # fmt: skip
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
_ERRORS: dict[FaultKind, tuple[int, str]] = {
    "retry_after": (429, "Too Many Requests: retry after {retry_after}"),
    "forbidden": (403, "Forbidden: bot was blocked by the user"),
    "bad_request": (400, "Bad Request: chat not found"),
    "server_error": (500, "Internal Server Error"),
    "migrated": (400, "Bad Request: group chat was upgraded to a supergroup chat"),
    "not_found": (404, "Not Found"),  # what Telegram answers for a method it does not know
    # Flood control without the `retry_after` parameter, as a proxy or rate-limiting
    # gateway in front of the Bot API (or a Bot API variant) may answer.
    "too_many": (429, "Too Many Requests"),
    # A file over the Bot API's upload limit (50 MB; 10 MB for a photo).
    "too_large": (413, "Request Entity Too Large"),
}
# What a proxy in front of the Bot API (or Telegram's own nginx) answers when the server
# behind it is down: an HTML page, not Telegram's JSON.
_BAD_GATEWAY_PAGE = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    at: float
    status: int = 200  # 0: the connection was dropped without an answer
    answered: bool = False  # False while the call is still being handled (long poll, delay)
    result: Any = None
    files: dict[str, bytes] = field(default_factory=dict)  # uploads by field name
    filenames: dict[str, str] = field(default_factory=dict)

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return value if isinstance(value, int) else None

    @property
    def text(self) -> str | None:
        value = self.params.get("text", self.params.get("caption"))
        return value if isinstance(value, str) else None

    @property
    def ok(self) -> bool:
        return self.answered and self.status == 200


@dataclass
class Fault:
    """Answer matching calls badly, `times` times (None: until removed)."""

    kind: FaultKind
    method: str | None = None  # None: any method except getUpdates and getMe
    chat_id: int | None = None
    times: int | None = 1
    retry_after: int = 3
    description: str | None = None
    seconds: float = 0.0  # for "delay"
    skip: int = 0  # let this many matching calls through first
    migrate_to: int = 0  # for "migrated": the supergroup's new chat id
    hits: int = 0

    def matches(self, method: str, params: dict[str, Any]) -> bool:
        if self.method is None and method in ("getUpdates", "getMe"):
            return False
        if self.method is not None and self.method != method:
            return False
        chat = params.get("chat_id")
        if chat is None and isinstance(params.get("scope"), dict):
            chat = params["scope"].get("chat_id")  # setMyCommands for one person's chat
        return self.chat_id is None or chat == self.chat_id


class _HtmlPage(Exception):
    """An answer that is not Telegram's JSON (a proxy's error page)."""

    def __init__(self, code: int, page: str):
        super().__init__(page)
        self.code, self.page = code, page


class _Reply(Exception):
    """An error answer, raised from a method handler."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


class FakeBotApi:
    """The server; `async with FakeBotApi() as api:` or `await api.start()` / `stop()`."""

    def __init__(
        self,
        token: str = TOKEN,
        *,
        username: str = "jinye110_test_bot",
        clock: Callable[[], float] = time.monotonic,
        first_update_id: int = 1,
    ) -> None:
        self.token = token
        self.clock = clock  # what `Call.at` records; a test may pass a simulated clock
        self.bot_user = {
            "id": int(token.split(":")[0]),
            "is_bot": True,
            "first_name": "金叶110",
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.updates: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] | None = None
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self._update_ids = itertools.count(first_update_id)  # a bot with a past: higher
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._callback_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.polling = 0  # getUpdates requests waiting right now (long polling)
        self.deliveries: list[tuple[int, int]] = []  # webhook: (update_id, HTTP status or 0)
        self._delivery: asyncio.Task[None] | None = None
        self._closing = False
        self._released = 0  # release_polls() calls so far

    # ----------------------------------------------------------------- lifecycle
    async def start(self) -> FakeBotApi:
        self._closing = False
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        await self.deliver_to(None)
        self._closing = True  # long polls answer now instead of holding up the shutdown
        await self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """For python-telegram-bot: ``Bot(token, base_url=api.base_url)``."""
        return f"{self.root_url}/bot"

    # ------------------------------------------------------------------- faults
    def inject(
        self,
        kind: FaultKind,
        *,
        method: str | None = None,
        chat_id: int | None = None,
        times: int | None = 1,
        retry_after: int = 3,
        description: str | None = None,
        seconds: float = 0.0,
        skip: int = 0,
        migrate_to: int = 0,
    ) -> Fault:
        """Add a fault; faults are tried in the order they were added."""
        fault = Fault(
            kind, method, chat_id, times, retry_after, description, seconds, skip, migrate_to
        )
        self.faults.append(fault)
        return fault

    def block(self, user_id: int) -> Fault:
        """The user blocked the bot: every call to their chat answers 403 until removed."""
        return self.inject("forbidden", chat_id=user_id, times=None)

    def kick(self, chat_id: int) -> Fault:
        """The bot was removed from a group: 403 for that chat until removed."""
        text = "Forbidden: bot was kicked from the supergroup chat"
        return self.inject("forbidden", chat_id=chat_id, times=None, description=text)

    def delete(self, chat_id: int, message_id: int) -> None:
        """Someone deleted the bot's message (an admin tidying the group, the person in
        their chat): it can no longer be edited."""
        del self.messages[(chat_id, message_id)]

    def remove_fault(self, fault: Fault) -> None:
        self.faults.remove(fault)

    def _take_fault(self, method: str, params: dict[str, Any]) -> Fault | None:
        for fault in self.faults:
            if fault.matches(method, params):
                if fault.skip > 0:
                    fault.skip -= 1
                    continue
                fault.hits += 1
                if fault.times is not None:
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                return fault
        return None

    # ------------------------------------------------------------------ records
    @property
    def sent(self) -> list[Call]:
        """Successful calls that changed something a user sees (not polling, not getMe)."""
        quiet = {"getUpdates", "getMe", "getWebhookInfo", "getMyCommands"}
        return [c for c in self.calls if c.ok and c.method not in quiet]

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def sent_to(self, chat_id: int) -> list[Call]:
        return [c for c in self.sent if c.chat_id == chat_id]

    def texts(self, chat_id: int | None = None) -> list[str]:
        """Texts and captions the bot sent (successfully), oldest first."""
        calls = self.sent if chat_id is None else self.sent_to(chat_id)
        return [c.text for c in calls if c.text is not None and c.method.startswith("send")]

    def button_message(self, chat_id: int, data: str) -> int | None:
        """The newest message in `chat_id` carrying an inline button with callback `data`."""
        found = self._button(chat_id, lambda d: d == data)
        return found[0] if found is not None else None

    def button_data(self, chat_id: int, prefix: str) -> str | None:
        """The callback data of the newest button in `chat_id` that begins with `prefix`
        (a draft's 提交 carries the draft's id: f:ok:<id>)."""
        found = self._button(chat_id, lambda d: d == prefix or d.startswith(f"{prefix}:"))
        return found[1] if found is not None else None

    def _button(self, chat_id: int, wanted: Callable[[str], bool]) -> tuple[int, str] | None:
        for (chat, message_id), message in reversed(self.messages.items()):
            markup = message.get("reply_markup")
            if chat != chat_id or not isinstance(markup, dict):
                continue
            for row in markup.get("inline_keyboard") or []:
                for button in row:
                    data = button.get("callback_data")
                    if isinstance(data, str) and wanted(data):
                        return message_id, data
        return None

    async def wait_for(
        self, predicate: Callable[[Call], bool], *, count: int = 1, within: float = 3.0
    ) -> list[Call]:
        """Wait until `count` recorded calls satisfy `predicate` (the bot replies async)."""

        def found() -> list[Call]:
            return [c for c in self.calls if predicate(c)]

        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(lambda: len(found()) >= count)
        return found()

    async def release_polls(self) -> None:
        """Answer the long polls waiting now (with no updates), as their timeout would."""
        self._released += 1
        await self._notify()

    async def wait_polling(self, *, since: float | None = None, within: float = 30.0) -> None:
        """Wait until a bot is long polling (a getUpdates call waits here), or, with `since`
        (a value of `clock`), until a getUpdates call arrived after that moment."""

        def polled() -> bool:
            if since is None:
                return self.polling > 0
            return any(c.method == "getUpdates" and c.at >= since for c in self.calls)

        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(polled)

    # ------------------------------------------------------------ acting as users
    def user(self, user_id: int, first_name: str | None = None, **extra: Any) -> dict[str, Any]:
        known = self.users.setdefault(
            user_id,
            {
                "id": user_id,
                "is_bot": False,
                "first_name": first_name or f"用户{user_id}",
                "language_code": "zh-hans",
            },
        )
        if first_name:
            known["first_name"] = first_name
        known.update(extra)
        return known

    def chat(self, chat_id: int) -> dict[str, Any]:
        if chat_id > 0:
            person = self.users.get(chat_id) or self.user(chat_id)
            return {"id": chat_id, "type": "private", "first_name": person["first_name"]}
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        return {"id": chat_id, "type": kind, "title": f"群 {chat_id}"}

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _store(self, chat_id: int, sender: dict[str, Any], **content: Any) -> dict[str, Any]:
        message = {
            "message_id": self._next_message_id(chat_id),
            "date": int(time.time()),
            "chat": self.chat(chat_id),
            "from": sender,
            **{k: v for k, v in content.items() if v is not None},
        }
        self.messages[(chat_id, message["message_id"])] = message
        return message

    def push_update(self, **update: Any) -> dict[str, Any]:
        """Queue a raw update (any kind) for getUpdates; returns it with its update_id."""
        update = {"update_id": next(self._update_ids), **update}
        self.updates.append(update)
        asyncio.get_running_loop().create_task(self._notify())
        return update

    def redeliver(self, update: dict[str, Any]) -> None:
        """Queue an update that was delivered before, with its own update_id (a Telegram
        retry, or an update the bot never confirmed)."""
        self.updates.append(update)
        self.updates.sort(key=lambda u: int(u["update_id"]))
        asyncio.get_running_loop().create_task(self._notify())

    def push_message(
        self, user_id: int, text: str | None = None, *, chat_id: int | None = None, **content: Any
    ) -> dict[str, Any]:
        """A user writes to the bot (in private unless `chat_id` is a group)."""
        sender = self.user(user_id, content.pop("first_name", None))
        message = self._store(chat_id or user_id, sender, text=text, **content)
        return self.push_update(message=message)

    def push_command(
        self, user_id: int, command: str, args: str = "", *, chat_id: int | None = None
    ) -> dict[str, Any]:
        """`/command args`; in a group it is addressed as /command@bot, as clients do."""
        name = command.lstrip("/")
        if chat_id is not None and chat_id < 0:
            name += f"@{self.bot_user['username']}"
        entity = {"type": "bot_command", "offset": 0, "length": len(name) + 1}
        text = f"/{name} {args}".strip()
        return self.push_message(user_id, text, chat_id=chat_id, entities=[entity])

    def push_contact(
        self, user_id: int, phone: str, *, first_name: str | None = None, own: bool = True
    ) -> dict[str, Any]:
        """The user shares a contact; `own=True` means their own (the request_contact button)."""
        contact = {
            "phone_number": phone,
            "first_name": first_name or self.user(user_id)["first_name"],
        }
        if own:
            contact["user_id"] = user_id
        return self.push_message(user_id, contact=contact)

    def push_location(
        self, user_id: int, lat: float, lon: float, *, chat_id: int | None = None
    ) -> dict[str, Any]:
        location = {"latitude": lat, "longitude": lon}
        return self.push_message(user_id, chat_id=chat_id, location=location)

    def push_photo(
        self, user_id: int, file_id: str | None = None, *, caption: str | None = None
    ) -> dict[str, Any]:
        file_id = file_id or f"photo-{user_id}-{len(self.updates)}"
        sizes = [
            {
                "file_id": f"{file_id}-s",
                "file_unique_id": f"{file_id}-us",
                "width": 90,
                "height": 90,
            },
            {"file_id": file_id, "file_unique_id": f"u-{file_id}", "width": 1280, "height": 960},
        ]
        return self.push_message(user_id, photo=sizes, caption=caption)

    def push_voice(
        self, user_id: int, file_id: str | None = None, duration: int = 5
    ) -> dict[str, Any]:
        file_id = file_id or f"voice-{user_id}-{len(self.updates)}"
        voice = {"file_id": file_id, "file_unique_id": f"u-{file_id}", "duration": duration,
                 "mime_type": "audio/ogg"}  # fmt: skip
        return self.push_message(user_id, voice=voice)

    def push_callback(
        self, user_id: int, data: str, message_id: int, *, chat_id: int | None = None
    ) -> dict[str, Any]:
        """The user presses an inline button under the bot's message `message_id`."""
        chat = chat_id or user_id
        message = self.messages.get((chat, message_id)) or {
            "message_id": message_id, "date": int(time.time()), "chat": self.chat(chat),
        }  # fmt: skip
        query = {
            "id": str(next(self._callback_ids)),
            "from": self.user(user_id),
            "chat_instance": str(chat),
            "data": data,
            "message": message,
        }
        return self.push_update(callback_query=query)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # --------------------------------------------------------------- webhook mode
    async def deliver_to(self, url: str | None, *, retry_every: float = 0.2) -> None:
        """Deliver queued updates to `url` while a webhook is set; None stops delivering.

        `url` is where the bot listens (http://127.0.0.1:PORT/path): it stands in for the
        HTTPS address the bot registered with setWebhook, as a TLS proxy would. Updates go
        one at a time, in order; one that gets no 2xx answer stays queued and is tried again
        after `retry_every` seconds, as Telegram retries a failing webhook.
        """
        if self._delivery is not None:
            self._delivery.cancel()
            with suppress(asyncio.CancelledError):
                await self._delivery
            self._delivery = None
        if url is not None:
            self._delivery = asyncio.get_running_loop().create_task(
                self._deliver(url, retry_every), name="fake-bot-api-webhook"
            )

    async def wait_delivered(self, *, within: float = 20.0) -> None:
        """Wait until the bot has answered every queued update. A webhook answers once it
        has handled the update and shown its replies, so then all of them are here."""
        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(lambda: not self.updates)

    async def post_update(
        self,
        url: str,
        update: dict[str, Any],
        *,
        secret: str | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 (a per-request limit, passed to aiohttp)
    ) -> int:
        """POST one update to `url` with `secret` (None: no header); the HTTP status, 0 if
        the connection failed."""
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        try:
            async with (
                ClientSession(timeout=ClientTimeout(total=timeout)) as session,
                session.post(url, json=update, headers=headers) as response,
            ):
                await response.read()
                return response.status
        except (ClientError, TimeoutError, OSError):
            return 0

    async def _deliver(self, url: str, retry_every: float) -> None:
        while True:
            async with self._changed:
                await self._changed.wait_for(lambda: bool(self.updates) and bool(self.webhook))
            update = self.updates[0]
            secret = (self.webhook or {}).get("secret_token")
            status = await self.post_update(url, update, secret=secret)
            self.deliveries.append((update["update_id"], status))
            if 200 <= status < 300:
                self.updates = [u for u in self.updates if u is not update]
                await self._notify()
            else:
                await asyncio.sleep(retry_every)

    # ------------------------------------------------------------------ the wire
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params, files, filenames = await _read_params(request)
        call = Call(method, params, self.clock(), files=files, filenames=filenames)
        self.calls.append(call)
        await self._notify()  # `wait_for` a call still being answered (a delay) sees it
        try:
            if request.match_info["token"] != self.token:
                raise _Reply(401, "Unauthorized")
            fault = self._take_fault(method, params)
            if fault is not None:
                await self._apply(fault, request, call)
            handler = getattr(self, f"_api_{method}", None)
            if handler is None:
                raise _Reply(404, "Not Found")
            call.result = await handler(call)
            body: dict[str, Any] = {"ok": True, "result": call.result}
        except _Reply as reply:
            call.status = reply.code
            body = {"ok": False, "error_code": reply.code, "description": reply.description}
            if reply.parameters:
                body["parameters"] = reply.parameters
        except _HtmlPage as page:
            call.status, call.answered = page.code, True
            await self._notify()
            return web.Response(status=page.code, text=page.page, content_type="text/html")
        call.answered = True
        await self._notify()
        return web.json_response(body, status=call.status)

    async def _apply(self, fault: Fault, request: web.Request, call: Call) -> None:
        if fault.kind == "delay":
            # A slow Telegram: the call still takes effect after the pause, even if the
            # client gave up waiting (as with the real server).
            await asyncio.sleep(fault.seconds)
            return
        if fault.kind == "hang":
            # Telegram has the request and never answers: nothing takes effect, and a client
            # killed while it waits never learns more. The call is cut off when the server
            # stops (waiting for it would hold the shutdown up for a minute).
            call.status = 0
            async with self._changed:
                await self._changed.wait_for(lambda: self._closing)
            if request.transport is not None:
                request.transport.abort()
            raise asyncio.CancelledError
        if fault.kind == "drop":
            call.status = 0  # no answer at all
            assert request.transport is not None
            request.transport.abort()  # the client sees the connection reset, no answer
            raise asyncio.CancelledError
        if fault.kind == "bad_gateway":
            raise _HtmlPage(502, _BAD_GATEWAY_PAGE)
        code, template = _ERRORS[fault.kind]
        text = fault.description or template.format(retry_after=fault.retry_after)
        parameters: dict[str, Any] | None = None
        if fault.kind == "retry_after":
            parameters = {"retry_after": fault.retry_after}
        elif fault.kind == "migrated":
            parameters = {"migrate_to_chat_id": fault.migrate_to}
        raise _Reply(code, text, parameters)

    # ------------------------------------------------------------------ methods
    # Each takes the recorded call and returns the "result" Telegram would send back.
    async def _api_getMe(self, call: Call) -> Any:
        return self.bot_user

    async def _api_getUpdates(self, call: Call) -> Any:
        if self.webhook is not None:
            raise _Reply(409, "Conflict: can't use getUpdates method while webhook is active; "
                              "use deleteWebhook to delete the webhook first")  # fmt: skip
        offset = int(call.params.get("offset") or 0)
        limit = int(call.params.get("limit") or 100)
        # Asking from `offset` confirms (forgets) every earlier update, as Telegram does.
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        timeout = float(call.params.get("timeout") or 0)
        if not self.updates and timeout > 0:
            async with self._changed:
                self.polling += 1
                self._changed.notify_all()  # wait_polling: the bot is now listening
                released = self._released
                try:
                    async with asyncio.timeout(timeout):
                        await self._changed.wait_for(
                            lambda: bool(self.updates) or self._closing or self._released > released
                        )
                except TimeoutError:
                    pass
                finally:
                    self.polling -= 1
        return self.updates[:limit]

    def _chat_id(self, params: dict[str, Any]) -> int:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int):
            raise _Reply(400, "Bad Request: chat not found")
        return chat_id

    def _send(self, call: Call, **content: Any) -> dict[str, Any]:
        chat_id = self._chat_id(call.params)
        caption = content.get("caption")
        if isinstance(caption, str) and len(caption.encode("utf-16-le")) // 2 > 1024:
            raise _Reply(400, "Bad Request: message caption is too long")
        markup = call.params.get("reply_markup")
        # A message carries only an inline keyboard; a reply keyboard is not part of it.
        inline = markup if isinstance(markup, dict) and "inline_keyboard" in markup else None
        thread = call.params.get("message_thread_id")
        if isinstance(thread, int) and str(chat_id).startswith("-100"):
            # Sent into a forum topic: Telegram says so on the message (and on a button
            # press under it), as on the messages people write there.
            content |= {"message_thread_id": thread, "is_topic_message": True}
        return self._store(chat_id, self.bot_user, reply_markup=inline, **content)

    async def _api_sendMessage(self, call: Call) -> Any:
        text = str(call.params.get("text") or "")
        if not text.strip():
            raise _Reply(400, "Bad Request: message text is empty")
        if len(text.encode("utf-16-le")) // 2 > 4096:
            raise _Reply(400, "Bad Request: message is too long")
        return self._send(call, text=text)

    async def _edit(self, params: dict[str, Any], **change: Any) -> Any:
        if params.get("inline_message_id"):
            return True
        key = (self._chat_id(params), int(params.get("message_id") or 0))
        message = self.messages.get(key)
        if message is None:
            raise _Reply(400, "Bad Request: message to edit not found")
        change["reply_markup"] = params.get("reply_markup")
        if all(message.get(k) == v for k, v in change.items()):
            raise _Reply(400, _NOT_MODIFIED)
        message.update(change)
        if change["reply_markup"] is None:
            message.pop("reply_markup", None)
        message["edit_date"] = int(time.time())
        return message

    async def _api_editMessageText(self, call: Call) -> Any:
        return await self._edit(call.params, text=str(call.params.get("text") or ""))

    async def _api_editMessageReplyMarkup(self, call: Call) -> Any:
        return await self._edit(call.params)

    async def _api_answerCallbackQuery(self, call: Call) -> Any:
        if not call.params.get("callback_query_id"):
            raise _Reply(400, "Bad Request: query is too old and response timeout expired")
        return True

    def _file(self, call: Call, name: str) -> dict[str, Any]:
        value = call.params.get(name)
        if name in call.files:
            size, file_id = len(call.files[name]), f"{name}-upload-{len(self.calls)}"
        elif isinstance(value, str) and value:
            size, file_id = 0, value
        else:
            raise _Reply(400, f"Bad Request: there is no {name} in the request")
        found = {"file_id": file_id, "file_unique_id": f"u-{file_id}", "file_size": size}
        if name in call.filenames:
            found["file_name"] = call.filenames[name]
        return found

    async def _api_sendPhoto(self, call: Call) -> Any:
        photo = {**self._file(call, "photo"), "width": 1280, "height": 960}
        photo.pop("file_name", None)
        return self._send(call, photo=[photo], caption=call.params.get("caption"))

    async def _api_sendVoice(self, call: Call) -> Any:
        voice = {**self._file(call, "voice"), "duration": 5, "mime_type": "audio/ogg"}
        return self._send(call, voice=voice, caption=call.params.get("caption"))

    async def _api_sendDocument(self, call: Call) -> Any:
        document = self._file(call, "document")
        return self._send(call, document=document, caption=call.params.get("caption"))

    async def _api_sendLocation(self, call: Call) -> Any:
        try:
            lat, lon = float(call.params["latitude"]), float(call.params["longitude"])
        except (KeyError, TypeError, ValueError) as exc:
            raise _Reply(400, "Bad Request: wrong latitude or longitude") from exc
        return self._send(call, location={"latitude": lat, "longitude": lon})

    async def _api_sendChatAction(self, call: Call) -> Any:
        self._chat_id(call.params)
        return True

    async def _api_setWebhook(self, call: Call) -> Any:
        url = str(call.params.get("url") or "")
        if not url:
            self.webhook = None
        elif not url.startswith("https://"):
            raise _Reply(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        else:
            self.webhook = dict(call.params)
        return True

    async def _api_deleteWebhook(self, call: Call) -> Any:
        self.webhook = None
        if call.params.get("drop_pending_updates"):
            self.updates.clear()
        return True

    async def _api_getWebhookInfo(self, call: Call) -> Any:
        url = (self.webhook or {}).get("url", "")
        return {
            "url": url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }

    def _commands_key(self, params: dict[str, Any]) -> str:
        scope = params.get("scope") or {"type": "default"}
        return f"{json.dumps(scope, sort_keys=True)}|{params.get('language_code') or ''}"

    async def _api_setMyCommands(self, call: Call) -> Any:
        commands = call.params.get("commands")
        if not isinstance(commands, list):
            raise _Reply(400, "Bad Request: can't parse commands JSON object")
        self.commands[self._commands_key(call.params)] = commands
        return True

    def menu(self, scope: dict[str, Any] | None = None) -> list[str]:
        """The commands set for `scope` (None: the default scope), in menu order."""
        commands = self.commands.get(self._commands_key({"scope": scope}), [])
        return [str(c["command"]) for c in commands]

    async def _api_getMyCommands(self, call: Call) -> Any:
        return self.commands.get(self._commands_key(call.params), [])

    async def _api_deleteMyCommands(self, call: Call) -> Any:
        self.commands.pop(self._commands_key(call.params), None)
        return True


async def _read_params(
    request: web.Request,
) -> tuple[dict[str, Any], dict[str, bytes], dict[str, str]]:
    """The call's parameters from the query, a JSON body, a form or a multipart body."""
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, bytes] = {}
    filenames: dict[str, str] = {}
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            return {**raw, **body}, files, filenames
    elif request.can_read_body:
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[name] = value.file.read()
                filenames[name] = value.filename
            else:
                raw[name] = value
    params: dict[str, Any] = {}
    for name, value in raw.items():
        params[name] = value if name in _STRING_FIELDS else _decode(value)
    # An uploaded file is named in the form as "attach://<name>" or sent under its own name.
    for name in list(params):
        ref = params[name]
        if isinstance(ref, str) and ref.startswith("attach://") and ref[9:] in files:
            files[name] = files.pop(ref[9:])
            if ref[9:] in filenames:
                filenames[name] = filenames.pop(ref[9:])
    return params, files, filenames


def _decode(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value
