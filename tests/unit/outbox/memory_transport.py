"""An in-memory transport for sender tests: records each call at the clock's time."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from bot.outbox.clock import Clock
from bot.outbox.transport import Buttons


@dataclass(frozen=True, slots=True)
class Delivered:
    at: float
    chat_id: int
    method: str
    text: str | None
    message_id: int
    buttons: Buttons | None = None


class MemoryTransport:
    """Delivers instantly; `fail` lets a test raise an error for chosen calls."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.delivered: list[Delivered] = []
        self.fail: Callable[[str, int], BaseException | None] = lambda method, chat: None
        self._ids = itertools.count(1)

    async def _record(
        self, method: str, chat_id: int, text: str | None, buttons: Buttons | None = None
    ) -> int:
        # Record before yielding: the send happens at the moment the limiter allowed it.
        error = self.fail(method, chat_id)
        if error is not None:
            raise error
        message_id = next(self._ids)
        at = self.clock.monotonic()
        self.delivered.append(Delivered(at, chat_id, method, text, message_id, buttons))
        await asyncio.sleep(0)
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
        return await self._record("send_message", chat_id, text, buttons)

    async def edit_message_text(
        self, chat_id: int, message_id: int, text: str, *, buttons: Buttons | None = None
    ) -> int:
        await self._record("edit_message_text", chat_id, text, buttons)
        return message_id

    async def edit_buttons(self, chat_id: int, message_id: int, buttons: Buttons | None) -> int:
        await self._record("edit_buttons", chat_id, None, buttons)
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
        return await self._record("send_photo", chat_id, caption)

    async def send_voice(
        self,
        chat_id: int,
        file_id: str,
        *,
        caption: str | None = None,
        silent: bool = False,
        thread_id: int | None = None,
    ) -> int:
        return await self._record("send_voice", chat_id, caption)

    async def set_chat_menu(self, chat_id: int, commands: list[tuple[str, str]]) -> int:
        await self._record("set_chat_menu", chat_id, " ".join(name for name, _ in commands))
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
        return await self._record("send_location", chat_id, None)

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
        return await self._record("send_document", chat_id, caption)
