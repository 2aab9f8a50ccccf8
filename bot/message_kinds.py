"""What Telegram messages carry that the desk does not read, shared by both adapters so
that python-telegram-bot and aiogram tell people alike (暂不支持这种消息（贴纸）)."""

from __future__ import annotations

# Message fields named by the Bot API; the first one a message has names it in the reply.
UNSUPPORTED = (
    "sticker",
    "animation",
    "document",
    "video",
    "video_note",
    "audio",
    "poll",
    "dice",
    "story",
    "game",
)
