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
import contextlib
import hmac
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.error import BadRequest, Conflict, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application

from bot.lanes import in_lanes

log = logging.getLogger(__name__)
T = TypeVar("T")

LONG_POLL_SECONDS = 25
_BACKOFF_CAP = 60.0


async def poll(application: Application[Any, Any, Any, Any, Any, Any], stop: asyncio.Event) -> None:
    """Fetch, handle and only then confirm updates until `stop` is set."""
    bot = application.bot
    if not await retrying(
        stop, "deleteWebhook", lambda: bot.delete_webhook(drop_pending_updates=False)
    ):
        return
    offset: int | None = None
    failures = 0
    while not stop.is_set():
        try:
            updates = await _until_stopped(
                bot.get_updates(
                    offset=offset,
                    timeout=LONG_POLL_SECONDS,
                    allowed_updates=Update.ALL_TYPES,
                    read_timeout=LONG_POLL_SECONDS + 10,
                ),
                stop,
            )
            if updates is None:
                break  # asked to stop during the long poll: nothing taken, nothing lost
            failures = 0
        except RetryAfter as exc:
            await _sleep(stop, _seconds(exc.retry_after))
            continue
        except (NetworkError, TimedOut, Conflict) as exc:
            failures += 1
            delay = min(_BACKOFF_CAP, 2.0**failures)
            log.warning("getUpdates failed (%s); again in %.0fs", exc, delay)
            await _sleep(stop, delay)
            continue
        if not updates:
            continue
        # process_update runs our handler to the end: a step is committed (or was refused)
        # before the offset confirms its update. Offset N confirms every update below N, so
        # it moves only up to the first update not handled (one left when asked to stop
        # comes again, and the inbox makes any handled after it harmless).
        done = await in_lanes(updates, lane_of, application.process_update, stop=stop)
        handled = len(updates) if all(done) else done.index(False)
        if handled:
            offset = updates[handled - 1].update_id + 1
    if offset is not None:
        # Confirm what was handled, briefly: an unconfirmed update only comes back again.
        with contextlib.suppress(NetworkError, TimedOut, TimeoutError):
            await asyncio.wait_for(bot.get_updates(offset=offset, timeout=0), timeout=5)


async def _until_stopped(call: Awaitable[T], stop: asyncio.Event) -> T | None:
    """`call`'s result, or None as soon as `stop` is set (the call is then cancelled)."""
    task = asyncio.ensure_future(call)
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
    if task.done():
        return task.result()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return None


async def retrying(stop: asyncio.Event, what: str, call: Callable[[], Awaitable[object]]) -> bool:
    """Run `call` until it succeeds (True) or `stop` is set (False), waiting out network
    errors and 5xx with back-off and flood control as told; a 400 or a bad token still
    raises: retrying cannot mend those."""
    failures = 0
    while not stop.is_set():
        try:
            await _until_stopped(call(), stop)
            return not stop.is_set()
        except BadRequest:
            raise
        except RetryAfter as exc:
            delay = _seconds(exc.retry_after)
        except (NetworkError, TimedOut) as exc:
            failures += 1
            delay = min(_BACKOFF_CAP, 2.0**failures)
            log.warning("%s failed (%s); again in %.0fs", what, exc, delay)
        await _sleep(stop, delay)
    return False


def _seconds(value: object) -> float:
    total = getattr(value, "total_seconds", None)
    return float(total()) if callable(total) else float(value)  # type: ignore[arg-type]


async def _sleep(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


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


def webhook_app(application: App, path: str, secret: str | None) -> web.Application:
    """An aiohttp app that handles each update before answering Telegram."""

    async def receive(request: web.Request) -> web.Response:
        if secret is not None and not hmac.compare_digest(
            request.headers.get(SECRET_HEADER, ""), secret
        ):
            return web.Response(status=401, text="wrong secret token")
        try:
            data = await request.json()
            update = Update.de_json(data, application.bot)
        except (ValueError, TypeError, KeyError):
            return web.Response(status=400, text="not an update")
        await application.process_update(update)  # committed before Telegram hears 200
        return web.Response(text="ok")

    server = web.Application()
    server.router.add_post("/" + path.lstrip("/"), receive)
    return server


async def serve(application: App, *, webhook: WebhookSettings | None = None) -> None:
    """Run until SIGINT or SIGTERM: long polling, or a webhook when `webhook` is given."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
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
                await application.bot.set_webhook(
                    webhook.url, secret_token=webhook.secret, allowed_updates=Update.ALL_TYPES
                )
                await stop.wait()
        finally:
            if runner is not None:
                await runner.cleanup()
            await application.stop()
            if application.post_shutdown is not None:
                await application.post_shutdown(application)


@dataclass(frozen=True)
class WebhookSettings:
    url: str
    listen: str
    port: int
    secret: str | None

    @property
    def path(self) -> str:
        return urlsplit(self.url).path
