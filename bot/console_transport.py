"""The outbox transport of the console demo: 'sending' prints to the terminal."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any

from bot.outbox import Buttons

Show = Callable[[int, str, Buttons, int], Any]


class ConsoleTransport:
    """Implements bot.outbox.Transport by handing each message to the console's printer."""

    def __init__(self, show: Show) -> None:
        self.show = show
        self._ids = count(1000)

    def _emit(self, chat_id: int, text: str, buttons: Buttons | None = None) -> int:
        message_id = next(self._ids)
        self.show(chat_id, text, buttons or [], message_id)
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
        return self._emit(chat_id, text, buttons)

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
        return self._emit(chat_id, f"🖼 [照片 {file_id}] {caption or ''}")

    async def send_voice(
        self,
        chat_id: int,
        file_id: str,
        *,
        caption: str | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        return self._emit(chat_id, f"🎤 [语音 {file_id}] {caption or ''}")

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
        return self._emit(chat_id, f"📍 [位置 {lat},{lon}]")

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
        return self._emit(chat_id, f"📎 [文件 {filename or path or file_id}] {caption or ''}")
