"""Receiving updates for python-telegram-bot so that none is lost when the process dies.

PTB's own Updater confirms a batch of polled updates (the next getUpdates' offset) as soon
as it has queued them, and its webhook answers Telegram before handling the update; either
way an update in its queue is lost in a crash. Here each update is handled — its step
committed — before Telegram is told: by the offset moving past it (polling) or by the 200
answer (webhook). A crash means Telegram sends it again, and the desk's inbox of processed
update ids makes the repeat harmless.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware
from telegram import Update
from telegram.error import (
    BadRequest,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import Application

from bot import polling
from bot.polling import (
    Pause,
    Poller,
    stop_on_signals,
)
from bot.settings import Settings

log = logging.getLogger(__name__)


async def poll(application: Application[Any, Any, Any, Any, Any, Any], stop: asyncio.Event) -> None:
    """Fetch, handle and only then confirm updates until `stop` is set (`bot.polling`)."""
    bot = application.bot
    if not await retrying(
        stop, "deleteWebhook", lambda: bot.delete_webhook(drop_pending_updates=False)
    ):
        return

    async def fetch(offset: int | None, wait_s: int) -> tuple[Update, ...]:
        updates: tuple[Update, ...] = await bot.get_updates(
            offset=offset,
            timeout=wait_s,
            allowed_updates=Update.ALL_TYPES,
            read_timeout=wait_s + 10,
        )
        return updates

    poller = Poller(
        fetch=fetch,
        # process_update runs our handler to the end: the step is committed when it returns.
        handle=application.process_update,
        update_id=lambda update: update.update_id,
        lane_of=lane_of,
        pause_for=_pause_for,
    )
    await polling.poll(poller, stop)


def _pause_for(error: BaseException) -> Pause | None:
    if isinstance(error, RetryAfter):
        return Pause(_seconds(error.retry_after))
    if isinstance(error, InvalidToken):
        return None  # waiting cannot mend a bad token
    if isinstance(error, TelegramError):
        return Pause()  # 5xx, dropped connections, a conflict, a proxy's HTML error page
    return None


async def retrying(stop: asyncio.Event, what: str, call: Callable[[], Awaitable[object]]) -> bool:
    """`bot.polling.retrying` for python-telegram-bot's start-up calls: network errors, 5xx
    and flood control are waited out; a 400 or a bad token still raises."""
    return await polling.retrying(stop, what, call, _startup_pause)


def _startup_pause(error: BaseException) -> Pause | None:
    if isinstance(error, RetryAfter):
        return Pause(_seconds(error.retry_after))
    if isinstance(error, NetworkError | TimedOut) and not isinstance(error, BadRequest):
        return Pause()
    return None


def _seconds(value: object) -> float:
    total = getattr(value, "total_seconds", None)
    return float(total()) if callable(total) else float(value)  # type: ignore[arg-type]


def lane_of(update: Update) -> int | None:
    """Updates of one chat are handled in order (a person's private chat, a team's group);
    the few that belong to no chat share one lane."""
    chat = update.effective_chat
    if chat is not None:
        return chat.id
    user = update.effective_user
    return None if user is None else user.id


App = Application[Any, Any, Any, Any, Any, Any]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def secret_guard(secret: str | None) -> Middleware:
    """Requests without the webhook's secret token get 401, before anything reads them."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if secret is not None and not _same_secret(request.headers.get(SECRET_HEADER, ""), secret):
            return web.Response(status=401, text="wrong secret token")
        return await handler(request)

    return guard


def _same_secret(given: str, secret: str) -> bool:
    # As bytes: compare_digest refuses text that is not ASCII, and a header with other
    # characters would have got a 500 instead of its 401.
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), secret.encode("utf-8"))


def webhook_app(application: App, path: str, secret: str | None) -> web.Application:
    """An aiohttp app that handles each update before answering Telegram."""

    async def receive(request: web.Request) -> web.Response:
        try:
            data = await request.json()
            update = Update.de_json(data, application.bot)
        except (ValueError, TypeError, KeyError):
            return web.Response(status=400, text="not an update")
        await application.process_update(update)  # committed before Telegram hears 200
        return web.Response(text="ok")

    server = web.Application(middlewares=[secret_guard(secret)])
    server.router.add_post("/" + path.lstrip("/"), receive)
    return server


async def serve(application: App, *, webhook: WebhookSettings | None = None) -> None:
    """Run until SIGINT or SIGTERM: long polling, or a webhook when `webhook` is given."""
    stop = stop_on_signals()
    # getMe: a Bot API hiccup at start-up is waited out, not the end of the process.
    if not await retrying(stop, "getMe", application.initialize):
        return
    async with application:  # initialize (done) / shutdown
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        runner: web.AppRunner | None = None
        try:
            if webhook is None:
                await poll(application, stop)
            else:
                runner = web.AppRunner(webhook_app(application, webhook.path, webhook.secret))
                await runner.setup()
                await web.TCPSite(runner, webhook.listen, webhook.port).start()
                # A Bot API hiccup here is waited out too: without its webhook the bot hears
                # nothing, and a process that exits stays down without a supervisor.
                if await retrying(
                    stop,
                    "setWebhook",
                    lambda: application.bot.set_webhook(
                        webhook.url, secret_token=webhook.secret, allowed_updates=Update.ALL_TYPES
                    ),
                ):
                    await stop.wait()
        finally:
            if runner is not None:
                await runner.cleanup()
            await application.stop()
            if application.post_shutdown is not None:
                await application.post_shutdown(application)


def open_webhook_warning(settings: Settings) -> str | None:
    """The webhook's secret token; without one, a warning (on either framework): anyone
    who finds the URL could then post updates in anyone's name."""
    secret = settings.webhook_secret_token
    if secret is None:
        log.warning("JINYE_WEBHOOK_SECRET is not set: anyone who finds the URL can post updates")
    return secret


@dataclass(frozen=True)
class WebhookSettings:
    url: str
    listen: str
    port: int
    secret: str | None

    @property
    def path(self) -> str:
        return urlsplit(self.url).path
