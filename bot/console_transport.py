"""The outbox transport of the console demo: 'sending' prints to the terminal.

It refuses what Telegram refuses: a private message to someone who never wrote to the bot
privately raises the Forbidden Telegram raises, so the demo shows the sender's answer to it
(the recipient marked unreachable, the next person up the ladder alerted), not a page that
could never have arrived.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any

from telegram.error import Forbidden

from bot.outbox import Buttons
from storage.uow import Database

Show = Callable[[int, str, Buttons, int], Any]
Refused = Callable[[int, str], Any]

# Telegram's words for a private message to a user who never started a chat with the bot.
SILENT = "🔕 "  # before a message delivered without sound

NEVER_STARTED = "Forbidden: bot can't initiate conversation with a user"


class ConsoleTransport:
    """Implements bot.outbox.Transport by handing each message to the console's printer;
    with a database, a private message to a user without a private chat is refused (shown
    by `refused`)."""

    def __init__(
        self, show: Show, db: Database | None = None, refused: Refused | None = None
    ) -> None:
        self.show = show
        self.db = db
        self.refused = refused
        self._ids = count(1000)

    async def _may_send(self, chat_id: int) -> None:
        """Raise Forbidden as Telegram does for a private chat the person never opened."""
        if self.db is None or chat_id < 0:
            return  # a group: the bot is in the teams' groups
        async with self.db.uow(read_only=True) as uow:
            user = await uow.users.get(chat_id)
        if user is not None and user.private_chat_at is not None:
            return
        if self.refused is not None:
            self.refused(chat_id, NEVER_STARTED)
        raise Forbidden(NEVER_STARTED)

    async def _emit(
        self, chat_id: int, text: str, buttons: Buttons | None = None, *, silent: bool = False
    ) -> int:
        await self._may_send(chat_id)
        message_id = next(self._ids)
        # 🔕: delivered without sound, as a notice at night that can wait for the morning.
        self.show(chat_id, f"{SILENT}{text}" if silent else text, buttons or [], message_id)
        return message_id

    async def send_message(
        self,
        chat_id: int,
        text: str,
        *,
        buttons: Buttons | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        return await self._emit(chat_id, text, buttons, silent=silent)

    async def edit_message_text(
        self, chat_id: int, message_id: int, text: str, *, buttons: Buttons | None = None
    ) -> int:
        self.show(chat_id, f"✏️ (修改 #{message_id}) {text}", buttons or [], message_id)
        return message_id

    async def edit_buttons(self, chat_id: int, message_id: int, buttons: Buttons | None) -> int:
        shown = "按钮已更新" if buttons else "按钮已撤下"
        self.show(chat_id, f"✏️ (#{message_id} {shown})", buttons or [], message_id)
        return message_id

    async def send_photo(
        self,
        chat_id: int,
        file_id: str,
        *,
        caption: str | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        return await self._emit(chat_id, f"🖼 [照片 {file_id}] {caption or ''}", silent=silent)

    async def send_voice(
        self,
        chat_id: int,
        file_id: str,
        *,
        caption: str | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        return await self._emit(chat_id, f"🎤 [语音 {file_id}] {caption or ''}", silent=silent)

    async def set_chat_menu(self, chat_id: int, commands: list[tuple[str, str]]) -> int:
        listed = " ".join(f"/{name}" for name, _ in commands)
        self.show(chat_id, f"☰ (命令菜单已更新：{listed})", [], 0)
        return 0

    async def send_location(
        self,
        chat_id: int,
        lat: float,
        lon: float,
        *,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        return await self._emit(chat_id, f"📍 [位置 {lat},{lon}]", silent=silent)

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
        return await self._emit(
            chat_id,
            f"📎 [文件 {filename or path or file_id}] {caption or ''}",
            silent=silent,
        )
