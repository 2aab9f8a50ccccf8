"""aiogram 3 adapter: the same flows as the python-telegram-bot one, on aiogram's Bot/Dispatcher."""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import (
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
    User,
)

from bot.deferred_replies import (
    EarlierReplyWaiting,
    PressedGone,
    Unshown,
    queueable,
)
from bot.message_kinds import UNSUPPORTED
from bot.outbox.outcome import edit_target_gone, not_modified, too_large
from bot.outbox.render import replies_to_show
from bot.outbox.too_big import in_its_place
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
# Same lists and labels as bot/ptb_adapter.py, so both frameworks behave alike.
KEYBOARD_CARRIER = "👇"
# What a Bot API call can fail with: Telegram's own errors, and an answer that is not its
# JSON at all (a proxy's HTML 502 page), which python-telegram-bot reads as a NetworkError.
Refused = TelegramAPIError | ClientDecodeError
REFUSED = (TelegramAPIError, ClientDecodeError)  # the same, for `except`


def to_incoming(update: Update, bot_username: str | None = None) -> Incoming | None:
    """The neutral event for a Telegram update; None for updates the desk does not handle
    (among them a command addressed to another bot than `bot_username`)."""
    query, message, edited = update.callback_query, update.message, update.edited_message
    user: User | None
    if query is not None:
        user, chat = query.from_user, query.message.chat if query.message else None
    elif message is not None:
        user, chat = message.from_user, message.chat
    elif edited is not None:
        user, chat = edited.from_user, edited.chat
    else:
        return None
    if user is None or chat is None:
        return None
    if user.is_bot:
        return None if message is None else _anonymous_command(update, message, bot_username)
    base: dict[str, Any] = {
        "update_key": f"tg:{update.update_id}",  # the PTB adapter's format: one shared inbox
        "user_id": user.id,
        "chat_id": chat.id,
        "chat_type": chat.type,
        "user_name": user.full_name,
        "language_code": user.language_code or "",
        "topic": _topic(query.message if query is not None else message or edited),
    }
    if query is not None:
        message_id = query.message.message_id if isinstance(query.message, Message) else None
        return Incoming(**base, callback_data=query.data or "", callback_message_id=message_id)
    if message is None:
        assert edited is not None
        if not edit_to_answer(chat.type, edited.location is not None):
            return None
        return Incoming(**base, text=edited.text or edited.caption or "", edited=True)
    fields = _message_fields(message, bot_username)
    incoming = None if fields is None else Incoming(**base, **fields)
    # A service message (a pin, the auto-delete timer set) says nothing to answer.
    return None if incoming is None or incoming.holds_nothing else incoming


def _anonymous_command(
    update: Update, message: Message, bot_username: str | None
) -> Incoming | None:
    """A command of ours sent in a group's name (anonymous admin, linked channel); any other
    message from a bot is not for the desk."""
    sender, text = message.from_user, message.text
    if sender is None or not text or not text.startswith("/"):
        return None
    if not sent_as_group(sender.id, message.sender_chat is not None):
        return None
    command = read_command(text, bot_username)
    if command is None:
        return None
    return Incoming(
        update_key=f"tg:{update.update_id}",
        user_id=sender.id,
        chat_id=message.chat.id,
        chat_type=message.chat.type,
        text=text,
        command=command[0],
        args=command[1],
        anonymous=True,
        topic=_topic(message),
    )


def _topic(message: object) -> int | None:
    """The forum topic a message is in: the replies go there, not to the group's General.
    (A reply chain in a group without topics has a thread id too; it is no topic.)"""
    if isinstance(message, Message) and message.is_topic_message:
        return message.message_thread_id
    return None


def _message_fields(message: Message, bot_username: str | None) -> dict[str, Any] | None:
    text = message.text or message.caption or ""
    fields: dict[str, Any] = {"text": text}
    if text.startswith("/"):  # a photo's caption too: the barn's photo captioned /110
        command = read_command(text, bot_username)
        if command is None:
            return None
        fields["command"], fields["args"] = command
    if message.contact is not None:
        contact = message.contact
        fields["contact"] = Contact(contact.phone_number, contact.user_id, contact.first_name)
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
    kind = next((k for k in UNSUPPORTED if getattr(message, k, None)), None)
    if kind is not None:
        fields["unsupported"] = kind
    return fields


def _inline(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(text=b.text, url=b.url)
                if b.url
                else InlineKeyboardButton(text=b.text, callback_data=b.data)
                for b in row
            ]
            for row in reply.buttons
        ]
    )


def _keyboard(reply: Reply) -> ReplyKeyboardMarkup | ReplyKeyboardRemove | None:
    if reply.keyboard == "remove":
        return ReplyKeyboardRemove(remove_keyboard=True)
    if reply.keyboard is None:
        return None
    first = (
        KeyboardButton(text=reply.keyboard_label or "📱", request_contact=True)
        if reply.keyboard == "contact"
        else KeyboardButton(text=reply.keyboard_label or "📍", request_location=True)
    )
    rows = [[first], *[[KeyboardButton(text=extra)] for extra in reply.keyboard_extra]]
    return ReplyKeyboardMarkup(keyboard=rows, resize_keyboard=True, one_time_keyboard=True)


async def render(bot: Bot, update: Update, outcome: Outcome, *, hold: bool = False) -> None:
    """Show the desk's replies in the chat the update came from.

    Raises Unshown, with the replies from the failed one on, when Telegram refuses one, and
    with all of them when `hold` says earlier replies to the chat are still waiting.
    """
    query, popup_shown = update.callback_query, True
    if query is not None:
        try:
            # Always answered, even for a redelivery, so the button's spinner stops.
            await bot.answer_callback_query(
                query.id, text=outcome.toast[:190] if outcome.toast else None
            )
        except REFUSED as exc:
            # A query expires within seconds, so a retry would come too late: the replies
            # still go (with the popup's words, if they were the whole answer).
            log.warning("could not answer button press %s: %s", query.id, exc)
            popup_shown = False
    source = query.message if query is not None else update.message or update.edited_message
    if source is None:
        return
    chat_id = source.chat.id
    pressed = source if query is not None and isinstance(source, Message) else None
    pressed_id = pressed.message_id if pressed is not None else None
    topic = _topic(source)
    replies = replies_to_show(outcome, popup_shown=popup_shown)
    if hold and replies and all(map(queueable, replies)):
        waiting = EarlierReplyWaiting()
        raise Unshown(chat_id, replies, pressed_id, waiting, transient=True, thread_id=topic)
    left = list(replies)
    while left:
        try:
            await _show(bot, chat_id, left[0], pressed, topic)
        except REFUSED as exc:
            # A file over the size limit would be refused again: a note goes in its place.
            if _too_large(exc) and (note := in_its_place(left[0])) is not None:
                log.warning("chart or file for chat %s too large: %s", chat_id, exc)
                left[0] = note
                continue
            raise _unshown(chat_id, left, pressed_id, exc, topic) from exc
        except PressedGone as gone:
            raise gone.unshown(chat_id, left, pressed_id, topic) from gone.cause
        del left[0]


def _too_large(exc: Refused) -> bool:
    """A file over Telegram's size limit: aiogram has a class for the 413 (a subclass of
    TelegramNetworkError, which is otherwise worth a retry); a 400 "file is too big", or a
    proxy's HTML page for a 413, says so in words."""
    return isinstance(exc, TelegramEntityTooLarge) or too_large(str(exc))


def _unshown(
    chat_id: int, left: list[Reply], pressed_id: int | None, exc: Refused, topic: int | None
) -> Unshown:
    """Flood control, server errors, error pages, timeouts and dropped connections are worth
    a retry."""
    if isinstance(exc, TelegramRetryAfter):
        wait = float(exc.retry_after)
        return Unshown(
            chat_id, left, pressed_id, exc, transient=True, retry_after=wait, thread_id=topic
        )
    if isinstance(exc, TelegramMigrateToChat):  # the group became a supergroup: resend there
        moved = int(exc.migrate_to_chat_id)
        return Unshown(chat_id, left, pressed_id, exc, transient=True, moved_to=moved)
    transient = mendable(exc)
    forbidden = isinstance(exc, TelegramForbiddenError)
    return Unshown(
        chat_id, left, pressed_id, exc, transient=transient, forbidden=forbidden, thread_id=topic
    )


def mendable(exc: BaseException) -> bool:
    """Whether waiting may mend a failed call: 5xx, error pages, timeouts, dropped
    connections, and an answer aiogram has no class for. aiogram raises the bare
    TelegramAPIError for a status it does not know, above all a 429 without `retry_after`
    (a proxy's or gateway's flood control); python-telegram-bot reads those as a
    NetworkError and retries them, and so do we."""
    known = isinstance(exc, TelegramServerError | TelegramNetworkError | ClientDecodeError)
    return known or type(exc) is TelegramAPIError


async def _show(
    bot: Bot, chat_id: int, reply: Reply, pressed: Message | None, topic: int | None
) -> None:
    inline, keyboard = _inline(reply), _keyboard(reply)
    if reply.edit and pressed is not None:
        await _edit_pressed(bot, pressed, reply.text, inline)
        return
    if reply.photo is not None:
        photo = BufferedInputFile(reply.photo, filename="chart.png")
        caption = reply.text or None  # fit_replies keeps it within Telegram's limit
        await bot.send_photo(chat_id, photo, caption=caption, message_thread_id=topic)
    elif reply.document is not None:
        name, content = reply.document
        document = BufferedInputFile(content, filename=name)
        caption = reply.text or None
        await bot.send_document(chat_id, document, caption=caption, message_thread_id=topic)
    else:
        markup = inline or keyboard
        await bot.send_message(chat_id, reply.text, reply_markup=markup, message_thread_id=topic)
        if inline is not None and keyboard is not None:
            # One message carries one keyboard: the reply keyboard goes on a short follow-up.
            # Its failure is not worth sending the reply again for.
            try:
                await bot.send_message(
                    chat_id, KEYBOARD_CARRIER, reply_markup=keyboard, message_thread_id=topic
                )
            except REFUSED as exc:
                log.warning("could not show the keyboard in chat %s: %s", chat_id, exc)


async def _edit_pressed(
    bot: Bot, message: Message, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Edit the pressed message; PressedGone when it is gone (deleted, or too old to edit)
    and the reply must go as a new message instead."""
    try:
        await bot.edit_message_text(
            text=text, chat_id=message.chat.id, message_id=message.message_id, reply_markup=markup
        )
    except TelegramBadRequest as exc:
        if edit_target_gone(str(exc)):
            log.warning("message %s to edit is gone (%s): sent anew", message.message_id, exc)
            raise PressedGone(exc) from exc
        # Two presses showing the same state: the card already says it, which is success.
        if not not_modified(str(exc)):
            raise
