"""Delivers outbox rows to the console demo instead of Telegram."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import count
from typing import Any

from bot.bootstrap import App
from core.model import TicketMessage

Show = Callable[[int, str, list[list[dict[str, str]]], int], Any]
_ids = count(1000)


class ConsoleOutbox:
    def __init__(self, app: App, show: Show) -> None:
        self.app = app
        self.show = show

    async def deliver(self, now: datetime) -> int:
        """Send every due row (urgent first) to the screen; return how many."""
        sent = 0
        async with self.app.db.uow() as uow:
            for row in await uow.outbox.claim(now, limit=500, lease_seconds=30):
                payload = row.payload
                message_id = int(payload.get("message_id") or next(_ids))
                text = str(payload.get("text", ""))
                if row.method == "send_photo":
                    text = f"🖼 [照片 {payload.get('file_id')}] {payload.get('caption', '')}"
                elif row.method == "send_voice":
                    text = f"🎤 [语音 {payload.get('file_id')}] {payload.get('caption', '')}"
                elif row.method == "send_location":
                    text = f"📍 [位置 {payload.get('lat')},{payload.get('lon')}]"
                elif row.method == "send_document":
                    text = f"📎 [文件 {payload.get('filename', payload.get('path', ''))}]"
                elif row.method == "edit_message":
                    text = f"✏️ (修改 #{message_id}) {text}"
                self.show(row.chat_id, text, payload.get("buttons", []), message_id)
                row.status, row.sent_at, row.result_message_id = "sent", now, message_id
                if row.purpose == "card" and row.ticket_id is not None:
                    await uow.ticket_messages.add(
                        TicketMessage(row.ticket_id, row.chat_id, message_id, "card", now)
                    )
                sent += 1
            await uow.commit()
        return sent
