"""Running aiogram: the dispatcher, long polling through the lanes, the webhook server and
start-up, confirming an update to Telegram only once its step is committed (as
`bot.ptb_runner` does for python-telegram-bot)."""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from urllib.parse import urlsplit

import telegram
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.exceptions import AiogramError, TelegramRetryAfter, TelegramUnauthorizedError
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    TelegramObject,
    Update,
)
from aiogram.types.update import UpdateTypeLookupError
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot import polling
from bot.aiogram_adapter import REFUSED, mendable, render, to_incoming
from bot.background import Background
from bot.bootstrap import App, build_app
from bot.command_menu import MenuPublisher, SetMenu
from bot.deferred_replies import DeferredReplies
from bot.outbox import PtbTransport
from bot.polling import Pause, Poller, stop_on_signals
from bot.ptb_runner import open_webhook_warning, retrying, secret_guard
from bot.settings import Settings
from handlers.command_menu import Commands, MenuScope

log = logging.getLogger(__name__)


async def _username(bot: Bot) -> str | None:
    """The bot's username (getMe, asked once and kept by aiogram); None while Telegram
    cannot say, when every command is taken as ours, as before."""
    try:
        return (await bot.me()).username
    except REFUSED as exc:
        log.warning("getMe failed, commands for other bots cannot be told apart: %s", exc)
        return None


def build_dispatcher(app: App, background: Background | None = None) -> Dispatcher:
    """A dispatcher that hands every message and button press to the desk."""
    dispatcher = Dispatcher()
    deferred = DeferredReplies(app.db, app.cfg, app.desk.shown)

    async def on_event(event: TelegramObject, event_update: Update, bot: Bot) -> None:
        """Run one update through the desk and show the outcome. An error is logged, not
        raised (as python-telegram-bot does with a handler's): in webhook mode it would
        answer Telegram 500, and Telegram would send the update again and again, holding up
        the updates behind it, to fail the same way."""
        try:
            await handle_event(event_update, bot)
        except Exception:
            log.exception("update %s failed", event_update.update_id)

    async def handle_event(event_update: Update, bot: Bot) -> None:
        incoming = to_incoming(event_update, await _username(bot))
        if incoming is None:
            return
        await deferred.handle_and_show(
            incoming.update_key,
            incoming.chat_id,
            lambda: app.desk.handle(incoming),
            lambda outcome, hold: render(bot, event_update, outcome, hold=hold),
            app.desk.svc.clock,
            background.wake if background is not None else None,
        )

    dispatcher.message.register(on_event)
    dispatcher.edited_message.register(on_event)
    dispatcher.callback_query.register(on_event)
    return dispatcher


def api_server(bot_api_url: str) -> TelegramAPIServer:
    """aiogram's server for a PTB-style base URL (the token is appended to it)."""
    trimmed = bot_api_url.rstrip("/")
    if trimmed.endswith("/bot"):  # https://api.telegram.org/bot, http://local-api:8081/bot
        return TelegramAPIServer.from_base(trimmed.removesuffix("/bot"))
    # Any other shape keeps PTB's meaning exactly: <url><token>/<method>.
    return TelegramAPIServer(base=f"{bot_api_url}{{token}}/{{method}}", file=PRODUCTION.file)


def build_webhook_app(
    dispatcher: Dispatcher, bot: Bot, *, secret: str | None, paths: tuple[str, ...]
) -> web.Application:
    """The aiohttp app receiving updates; requests without the secret token get 401.

    Telegram gets its 200 only once the step is committed, so an update lost to a crash
    is delivered again (and the inbox makes the redelivery harmless).
    """
    # Our guard first: aiogram's own check answers 500 to a header that is not ASCII.
    web_app = web.Application(middlewares=[secret_guard(secret)])
    handler = SimpleRequestHandler(
        dispatcher=dispatcher, bot=bot, secret_token=secret, handle_in_background=False
    )
    for path in paths:
        handler.register(web_app, path=path)
    setup_application(web_app, dispatcher, bot=bot)
    return web_app


async def _serve_webhook(settings: Settings, dispatcher: Dispatcher, bot: Bot) -> None:
    url = settings.webhook_url
    assert url is not None
    secret = open_webhook_warning(settings)
    # The URL's own path, and "/" as the PTB adapter listens there: a proxy may strip or keep it.
    paths = tuple(dict.fromkeys((urlsplit(url).path or "/", "/")))
    web_app = build_webhook_app(dispatcher, bot, secret=secret, paths=paths)
    runner = web.AppRunner(web_app)
    await runner.setup()
    stop = stop_on_signals()
    try:
        await web.TCPSite(runner, settings.webhook_listen, settings.webhook_port).start()
        # A Bot API hiccup here is waited out, as for getMe and deleteWebhook when polling.
        set_webhook = partial(
            bot.set_webhook,
            url,
            secret_token=secret,
            allowed_updates=dispatcher.resolve_used_update_types(),
        )
        if not await polling.retrying(stop, "setWebhook", set_webhook, _startup_pause):
            return
        log.info(
            "webhook at %s, listening on %s:%s", url, settings.webhook_listen, settings.webhook_port
        )
        await stop.wait()
    finally:
        await runner.cleanup()


def _pause_for(error: BaseException) -> Pause | None:
    if isinstance(error, TelegramRetryAfter):
        return Pause(float(error.retry_after))
    if isinstance(error, TelegramUnauthorizedError):
        return None  # waiting cannot mend a bad token
    if isinstance(error, AiogramError):
        return Pause()  # 5xx, dropped connections, a conflict, a proxy's HTML error page
    return None


def _startup_pause(error: BaseException) -> Pause | None:
    """As python-telegram-bot's start-up calls (`bot.ptb_runner._startup_pause`): flood
    control, server errors and the network are waited out; a refusal (400, 403, 404, 409,
    a bad token) is raised, so that one menu Telegram refuses does not hold up the rest."""
    if isinstance(error, TelegramRetryAfter):
        return Pause(float(error.retry_after))
    return Pause() if mendable(error) else None


def menu_setter(bot: Bot) -> SetMenu:
    """setMyCommands for one scope, waiting out flood control and server errors."""

    async def set_menu(scope: MenuScope, commands: Commands) -> None:
        menu = [BotCommand(command=name, description=text) for name, text in commands]
        call = partial(bot.set_my_commands, menu, scope=_scope(scope))
        await polling.retrying(asyncio.Event(), "setMyCommands", call, _startup_pause)

    return set_menu


def _scope(
    scope: MenuScope,
) -> BotCommandScopeDefault | BotCommandScopeAllGroupChats | BotCommandScopeChat:
    if scope.kind == "chat" and scope.chat_id is not None:
        return BotCommandScopeChat(chat_id=scope.chat_id)
    if scope.kind == "all_group_chats":
        return BotCommandScopeAllGroupChats()
    return BotCommandScopeDefault()


async def poll_updates(dispatcher: Dispatcher, bot: Bot, stop: asyncio.Event) -> None:
    """Long polling through the lanes, confirming only handled updates (`bot.polling`).

    aiogram's own loop confirms an update as the next one is taken and, to keep a chat's
    updates in order, would have to handle them one at a time.
    """
    allowed = dispatcher.resolve_used_update_types()

    async def fetch(offset: int | None, wait_s: int) -> list[Update]:
        return await bot.get_updates(
            offset=offset, timeout=wait_s, allowed_updates=allowed, request_timeout=wait_s + 10
        )

    async def handle(update: Update) -> None:
        try:
            await dispatcher.feed_update(bot, update)
        except Exception:
            # The desk saved nothing of a failed step and apologised; a retry would fail
            # the same way and hold up the chat's later updates.
            log.exception("update %s failed", update.update_id)

    poller = Poller(
        fetch=fetch,
        handle=handle,
        update_id=lambda update: update.update_id,
        lane_of=lane_of,
        pause_for=_pause_for,
    )
    await polling.poll(poller, stop)


def lane_of(update: Update) -> int | None:
    """The chat whose updates must stay in order (as `bot.ptb_runner.lane_of`)."""
    try:
        event = update.event
    except UpdateTypeLookupError:
        return None
    chat = getattr(event, "chat", None) or getattr(getattr(event, "message", None), "chat", None)
    if chat is not None:
        return int(chat.id)
    user = getattr(event, "from_user", None)
    return None if user is None else int(user.id)


async def run_aiogram(settings: Settings) -> int:
    """`jinye110 run --framework aiogram`: long polling, or a webhook when one is configured."""
    token = settings.token
    assert token is not None
    app = await build_app(settings)
    bot = Bot(token, session=AiohttpSession(api=api_server(settings.bot_api_url)))
    # The outbox sender is one tested piece for both frameworks: it talks to the Bot API
    # through python-telegram-bot's client, whichever framework receives the updates.
    sender_bot = telegram.Bot(token, base_url=settings.bot_api_url)
    await retrying(asyncio.Event(), "getMe", sender_bot.initialize)
    # The bot's own name, kept by aiogram: a command for another bot is told apart by it.
    await polling.retrying(asyncio.Event(), "getMe", bot.me, _startup_pause)
    background = Background(app, PtbTransport(sender_bot), scheduler=settings.run_scheduler)
    await background.start()
    menus = MenuPublisher(app.db, app.cfg, menu_setter(bot))
    menus.start()
    dispatcher = build_dispatcher(app, background)
    try:
        if settings.webhook_url:
            await _serve_webhook(settings, dispatcher, bot)
        else:
            delete_webhook = partial(bot.delete_webhook, drop_pending_updates=False)
            await polling.retrying(asyncio.Event(), "deleteWebhook", delete_webhook, _startup_pause)
            await poll_updates(dispatcher, bot, stop_on_signals())
    finally:
        await menus.close()
        await background.close()
        await sender_bot.shutdown()
        await bot.session.close()
        await app.db.dispose()
    return 0
