"""python-telegram-bot adapter: Telegram updates in, neutral events to the desk, replies out."""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from bot.background import Background
from bot.bootstrap import App, build_app
from bot.command_menu import MenuPublisher, SetMenu
from bot.deferred_replies import (
    DeferredReplies,
    EarlierReplyWaiting,
    PressedGone,
    Unshown,
    queueable,
)
from bot.message_kinds import UNSUPPORTED
from bot.outbox import PtbTransport
from bot.outbox.outcome import edit_target_gone, not_modified, retry_after_seconds, too_large
from bot.outbox.render import replies_to_show
from bot.outbox.too_big import in_its_place
from bot.ptb_runner import WebhookSettings, open_webhook_warning, retrying, serve
from bot.settings import Settings
from handlers.command_menu import Commands, MenuScope
from handlers.incoming import (
    Contact,
    Incoming,
    Location,
    edit_to_answer,
    read_command,
    replied_to,
    sent_as_group,
)
from handlers.replies import Outcome, Reply

log = logging.getLogger(__name__)


def to_incoming(update: Update, bot_username: str | None = None) -> Incoming | None:
    """The neutral event for a Telegram update; None for updates the desk does not handle
    (among them a command addressed to another bot than `bot_username`)."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return None
    if user.is_bot:
        return _anonymous_command(update, bot_username)
    base: dict[str, Any] = {
        "update_key": f"tg:{update.update_id}",
        "user_id": user.id,
        "chat_id": chat.id,
        "chat_type": chat.type,
        "user_name": user.full_name,
        "language_code": user.language_code or "",
        "topic": _topic(update.effective_message),
    }
    query = update.callback_query
    if query is not None:
        pressed = query.message
        message_id = pressed.message_id if pressed is not None and _editable(pressed) else None
        return Incoming(**base, callback_data=query.data or "", callback_message_id=message_id)
    if update.edited_message is not None:
        edited = update.edited_message
        if not edit_to_answer(chat.type, edited.location is not None):
            return None
        return Incoming(**base, text=edited.text or edited.caption or "", edited=True)
    message = update.message
    if message is None:
        return None
    text = message.text or message.caption or ""
    fields: dict[str, Any] = {"text": text}
    if text.startswith("/"):  # a photo's caption too: the barn's photo captioned /110
        command = read_command(text, bot_username)
        if command is None:
            return None
        fields["command"], fields["args"] = command
    if message.contact is not None:
        fields["contact"] = Contact(
            message.contact.phone_number, message.contact.user_id, message.contact.first_name
        )
    if message.location is not None:
        fields["location"] = Location(message.location.latitude, message.location.longitude)
    if message.photo:
        fields["photo_file_id"] = message.photo[-1].file_id
    if message.media_group_id is not None:
        fields["media_group_id"] = message.media_group_id
    if message.voice is not None:
        fields["voice_file_id"] = message.voice.file_id
    if message.reply_to_message is not None:
        fields["reply_to"] = replied_to(message.reply_to_message.message_id, _topic(message))
    if message.migrate_to_chat_id is not None:
        fields["migrate_to_chat_id"] = message.migrate_to_chat_id
    if message.migrate_from_chat_id is not None:
        fields["migrate_from_chat_id"] = message.migrate_from_chat_id
    for kind in UNSUPPORTED:
        if getattr(message, kind, None):
            fields["unsupported"] = kind
            break
    incoming = Incoming(**base, **fields)
    # A service message (a pin, the auto-delete timer set) says nothing to answer.
    return None if incoming.holds_nothing else incoming


def _anonymous_command(update: Update, bot_username: str | None) -> Incoming | None:
    """A command of ours sent in a group's name (anonymous admin, linked channel); any other
    message from a bot is not for the desk."""
    message, chat = update.message, update.effective_chat
    if message is None or chat is None or message.from_user is None or not message.text:
        return None
    if not sent_as_group(message.from_user.id, message.sender_chat is not None):
        return None
    command = read_command(message.text, bot_username) if message.text.startswith("/") else None
    if command is None:
        return None
    return Incoming(
        update_key=f"tg:{update.update_id}",
        user_id=message.from_user.id,
        chat_id=chat.id,
        chat_type=chat.type,
        text=message.text,
        command=command[0],
        args=command[1],
        anonymous=True,
        topic=_topic(message),
    )


def _editable(message: object) -> bool:
    """A pressed message the bot can still see and edit (Telegram marks old ones inaccessible)."""
    return isinstance(message, Message) and message.is_accessible


def _inline(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.text, url=b.url)
                if b.url
                else InlineKeyboardButton(b.text, callback_data=b.data)
                for b in row
            ]
            for row in reply.buttons
        ]
    )


def _keyboard(reply: Reply) -> ReplyKeyboardMarkup | ReplyKeyboardRemove | None:
    if reply.keyboard == "remove":
        return ReplyKeyboardRemove()
    if reply.keyboard is None:
        return None
    first = (
        KeyboardButton(reply.keyboard_label or "📱", request_contact=True)
        if reply.keyboard == "contact"
        else KeyboardButton(reply.keyboard_label or "📍", request_location=True)
    )
    rows = [[first], *[[KeyboardButton(extra)] for extra in reply.keyboard_extra]]
    return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)


async def render(update: Update, outcome: Outcome, *, hold: bool = False) -> None:
    """Show the desk's replies in the chat the update came from.

    Raises Unshown, with the replies from the failed one on, when Telegram refuses one, and
    with all of them when `hold` says earlier replies to the chat are still waiting.
    """
    bot = update.get_bot()
    chat = update.effective_chat
    query, popup_shown = update.callback_query, True
    if query is not None:
        try:
            await query.answer(outcome.toast[:190] if outcome.toast else None)
        except TelegramError as exc:
            # A query expires within seconds, so a retry would come too late: the replies
            # still go (with the popup's words, if they were the whole answer).
            log.warning("could not answer button press %s: %s", query.id, exc)
            popup_shown = False
    if chat is None:
        return
    pressed = query.message if query is not None and _editable(query.message) else None
    pressed_id = pressed.message_id if pressed is not None else None
    topic = _topic(update.effective_message)
    replies = replies_to_show(outcome, popup_shown=popup_shown)
    if hold and replies and all(map(queueable, replies)):
        waiting = EarlierReplyWaiting()
        raise Unshown(chat.id, replies, pressed_id, waiting, transient=True, thread_id=topic)
    left = list(replies)
    while left:
        try:
            await _show(bot, chat.id, left[0], query if pressed is not None else None, topic)
        except TelegramError as exc:
            # A file over the size limit would be refused again: a note goes in its place.
            if too_large(str(exc)) and (note := in_its_place(left[0])) is not None:
                log.warning("chart or file for chat %s too large: %s", chat.id, exc)
                left[0] = note
                continue
            raise _unshown(chat.id, left, pressed_id, exc, topic) from exc
        except PressedGone as gone:
            raise gone.unshown(chat.id, left, pressed_id, topic) from gone.cause
        del left[0]


def _topic(message: object) -> int | None:
    """The forum topic a message is in: the replies go there, not to the group's General."""
    if isinstance(message, Message) and message.is_topic_message:
        return message.message_thread_id
    return None


def _unshown(
    chat_id: int, left: list[Reply], pressed_id: int | None, exc: TelegramError, topic: int | None
) -> Unshown:
    """Flood control, server errors, timeouts and dropped connections are worth a retry."""
    if isinstance(exc, RetryAfter):
        wait = retry_after_seconds(exc)
        return Unshown(
            chat_id, left, pressed_id, exc, transient=True, retry_after=wait, thread_id=topic
        )
    if isinstance(exc, ChatMigrated):  # the group became a supergroup: resend there
        moved = int(exc.new_chat_id)
        return Unshown(chat_id, left, pressed_id, exc, transient=True, moved_to=moved)
    transient = isinstance(exc, NetworkError) and not isinstance(exc, BadRequest)
    forbidden = isinstance(exc, Forbidden)
    return Unshown(
        chat_id, left, pressed_id, exc, transient=transient, forbidden=forbidden, thread_id=topic
    )


async def _show(
    bot: Bot, chat_id: int, reply: Reply, query: CallbackQuery | None, topic: int | None
) -> None:
    inline, keyboard = _inline(reply), _keyboard(reply)
    if reply.edit and query is not None:
        await _edit_pressed(query, reply.text, inline)
        return
    if reply.photo is not None:
        # fit_replies keeps the caption within Telegram's limit.
        await bot.send_photo(
            chat_id, reply.photo, caption=reply.text or None, message_thread_id=topic
        )
        return
    if reply.document is not None:
        name, content = reply.document
        caption = reply.text or None
        await bot.send_document(
            chat_id, content, filename=name, caption=caption, message_thread_id=topic
        )
        return
    await bot.send_message(
        chat_id, reply.text, reply_markup=inline or keyboard, message_thread_id=topic
    )
    if inline is not None and keyboard is not None:
        # One message carries one keyboard: the reply keyboard goes on a short follow-up.
        # Its failure is not worth sending the reply again for.
        try:
            await bot.send_message(chat_id, "👇", reply_markup=keyboard, message_thread_id=topic)
        except TelegramError as exc:
            log.warning("could not show the keyboard in chat %s: %s", chat_id, exc)


async def _edit_pressed(
    query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Edit the pressed message; PressedGone when it is gone (deleted, or too old to edit)
    and the reply must go as a new message instead."""
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:
        if edit_target_gone(str(exc)):
            log.warning("message of button press %s is gone (%s): sent anew", query.id, exc)
            raise PressedGone(exc) from exc
        # Two presses showing the same state: the card already says it, which is success.
        if not not_modified(str(exc)):
            raise


def menu_setter(bot: Bot) -> SetMenu:
    """setMyCommands for one scope, waiting out flood control and server errors."""

    async def set_menu(scope: MenuScope, commands: Commands) -> None:
        menu = [BotCommand(name, text) for name, text in commands]
        call = partial(bot.set_my_commands, menu, scope=_scope(scope))
        await retrying(asyncio.Event(), "setMyCommands", call)

    return set_menu


def _scope(scope: MenuScope) -> BotCommandScope:
    if scope.kind == "chat" and scope.chat_id is not None:
        return BotCommandScopeChat(scope.chat_id)
    if scope.kind == "all_group_chats":
        return BotCommandScopeAllGroupChats()
    return BotCommandScopeDefault()


def build_application(
    app: App, *, token: str, base_url: str, background: bool = False
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The PTB application; with `background`, it also drains the outbox while it runs
    and sets the command menus."""
    runner: Background | None = None
    menus: MenuPublisher | None = None

    async def start_background(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        nonlocal runner, menus
        runner = Background(
            app, PtbTransport(application.bot), scheduler=app.settings.run_scheduler
        )
        await runner.start()
        menus = MenuPublisher(app.db, app.cfg, menu_setter(application.bot))
        menus.start()

    async def stop_background(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        if menus is not None:
            await menus.close()
        if runner is not None:
            await runner.close()

    builder = ApplicationBuilder().token(token).base_url(base_url)
    if background:
        builder = builder.post_init(start_background).post_shutdown(stop_background)
    application = builder.build()
    deferred = DeferredReplies(app.db, app.cfg, app.desk.shown)

    async def on_update(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not isinstance(update, Update):
            return
        incoming = to_incoming(update, context.bot.username)
        if incoming is None:
            return
        await deferred.handle_and_show(
            incoming.update_key,
            incoming.chat_id,
            lambda: app.desk.handle(incoming),
            lambda outcome, hold: render(update, outcome, hold=hold),
            app.desk.svc.clock,
            runner.wake if runner is not None else None,
        )

    application.add_handler(TypeHandler(Update, on_update))
    return application


def run_ptb(settings: Settings) -> int:
    """`jinye110 run`: long polling, or a webhook when JINYE_WEBHOOK_URL is set."""
    token = settings.token
    assert token is not None

    async def main() -> None:
        # One event loop for everything: database connections belong to the loop that made them.
        app = await build_app(settings)
        application = build_application(
            app, token=token, base_url=settings.bot_api_url, background=True
        )
        webhook = None
        if settings.webhook_url:
            secret = open_webhook_warning(settings)
            webhook = WebhookSettings(
                settings.webhook_url, settings.webhook_listen, settings.webhook_port, secret
            )
        try:
            await serve(application, webhook=webhook)
        finally:
            await app.db.dispose()

    asyncio.run(main())
    return 0
