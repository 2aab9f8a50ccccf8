"""What the outbox sender needs from a messenger, and its python-telegram-bot implementation.

Every method returns the id of the message it sent or edited and raises the
python-telegram-bot error types (RetryAfter, Forbidden, BadRequest, ChatMigrated,
NetworkError, TimedOut); the sender decides what each means for the outbox row.
A fake transport in tests only has to raise the same types.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Protocol

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

# Rows of buttons, each {"text", "data"} (a callback) or {"text", "url"} (a link).
Buttons = list[list[dict[str, str]]]


class Transport(Protocol):
    async def send_message(
        self,
        chat_id: int,
        text: str,
        *,
        buttons: Buttons | None = None,
        silent: bool = False,
        thread_id: int | None = None,  # a forum topic of the chat
    ) -> int: ...

    async def edit_message_text(
        self, chat_id: int, message_id: int, text: str, *, buttons: Buttons | None = None
    ) -> int: ...

    async def edit_buttons(self, chat_id: int, message_id: int, buttons: Buttons | None) -> int: ...

    async def send_photo(
        self,
        chat_id: int,
        file_id: str,
        *,
        caption: str | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int: ...

    async def send_voice(
        self,
        chat_id: int,
        file_id: str,
        *,
        caption: str | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int: ...

    async def send_location(
        self,
        chat_id: int,
        lat: float,
        lon: float,
        *,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int: ...

    async def set_chat_menu(self, chat_id: int, commands: list[tuple[str, str]]) -> int:
        """The command menu of one private chat (setMyCommands, chat scope); returns 0."""
        ...

    async def send_document(
        self,
        chat_id: int,
        *,
        file_id: str | None = None,
        path: str | None = None,
        filename: str | None = None,
        caption: str | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int: ...


def inline_keyboard(buttons: Buttons | None) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    rows = []
    for row in buttons:
        keys = []
        for button in row:
            if "url" in button:
                keys.append(InlineKeyboardButton(button["text"], url=button["url"]))
            else:
                keys.append(InlineKeyboardButton(button["text"], callback_data=button["data"]))
        rows.append(keys)
    return InlineKeyboardMarkup(rows)


def _message_id(result: Message | bool) -> int:
    # Editing an inline message returns True; the outbox only edits chat messages.
    if isinstance(result, Message):
        return result.message_id
    raise TypeError(f"expected a Message from Telegram, got {result!r}")


class PtbTransport:
    """Sends through a python-telegram-bot `Bot` (initialised by the caller)."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send_message(
        self,
        chat_id: int,
        text: str,
        *,
        buttons: Buttons | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        message = await self.bot.send_message(
            chat_id,
            text,
            reply_markup=inline_keyboard(buttons),
            disable_notification=silent,
            message_thread_id=thread_id,
        )
        return message.message_id

    async def edit_message_text(
        self, chat_id: int, message_id: int, text: str, *, buttons: Buttons | None = None
    ) -> int:
        result = await self.bot.edit_message_text(
            text, chat_id=chat_id, message_id=message_id, reply_markup=inline_keyboard(buttons)
        )
        return _message_id(result)

    async def edit_buttons(self, chat_id: int, message_id: int, buttons: Buttons | None) -> int:
        result = await self.bot.edit_message_reply_markup(
            chat_id=chat_id, message_id=message_id, reply_markup=inline_keyboard(buttons)
        )
        return _message_id(result)

    async def send_photo(
        self,
        chat_id: int,
        file_id: str,
        *,
        caption: str | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        message = await self.bot.send_photo(
            chat_id,
            file_id,
            caption=caption,
            disable_notification=silent,
            message_thread_id=thread_id,
        )
        return message.message_id

    async def send_voice(
        self,
        chat_id: int,
        file_id: str,
        *,
        caption: str | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        message = await self.bot.send_voice(
            chat_id,
            file_id,
            caption=caption,
            disable_notification=silent,
            message_thread_id=thread_id,
        )
        return message.message_id

    async def set_chat_menu(self, chat_id: int, commands: list[tuple[str, str]]) -> int:
        menu = [BotCommand(name, text) for name, text in commands]
        await self.bot.set_my_commands(menu, scope=BotCommandScopeChat(chat_id))
        return 0  # no message: nothing for a later edit to find

    async def send_location(
        self,
        chat_id: int,
        lat: float,
        lon: float,
        *,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        message = await self.bot.send_location(
            chat_id,
            latitude=lat,
            longitude=lon,
            disable_notification=silent,
            message_thread_id=thread_id,
        )
        return message.message_id

    async def send_document(
        self,
        chat_id: int,
        *,
        file_id: str | None = None,
        path: str | None = None,
        filename: str | None = None,
        caption: str | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        document: Any
        if path is not None:
            # Read off the event loop: a report may be a few megabytes.
            document = await asyncio.to_thread(Path(path).read_bytes)
            filename = filename or Path(path).name
        elif file_id is not None:
            document = file_id
        else:
            raise ValueError("send_document needs a file_id or a path")
        message = await self.bot.send_document(
            chat_id,
            document,
            filename=filename,
            caption=caption,
            disable_notification=silent,
            message_thread_id=thread_id,
        )
        return message.message_id
