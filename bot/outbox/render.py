"""Turn an outbox row's payload into the transport calls that deliver it.

A row may need several calls: a text over Telegram's 4096 limit becomes several messages
(split on line boundaries, buttons on the last), a caption over 1024 follows its media
as text. The sender counts completed calls so a retry never repeats a delivered part.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import Any

from bot.outbox.transport import Buttons, Transport
from core.model import OutboxMessage
from handlers.replies import Outcome, Reply

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024

Call = Callable[[Transport], Awaitable[int]]

log = logging.getLogger(__name__)


class BadPayload(ValueError):
    """The row cannot be delivered as written (a bug upstream); retrying will not help."""


def utf16_len(text: str) -> int:
    # Telegram counts UTF-16 code units: an emoji outside the BMP counts twice.
    return len(text.encode("utf-16-le")) // 2


def _cut(line: str, limit: int) -> tuple[str, str]:
    """The longest head of `line` within `limit` UTF-16 units, and the rest."""
    size = 0
    for i, char in enumerate(line):
        size += 2 if ord(char) > 0xFFFF else 1
        if size > limit:
            return line[:i], line[i:]
    return line, ""


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Split `text` into parts of at most `limit`, on line boundaries where possible."""
    if utf16_len(text) <= limit:
        return [text]
    parts: list[str] = []
    current, size = "", 0
    for line in text.splitlines(keepends=True):
        length = utf16_len(line)
        if size + length > limit and current:
            parts.append(current)
            current, size = "", 0
        while length > limit:  # one line longer than a whole message: cut it
            head, line = _cut(line, limit)
            parts.append(head)
            length = utf16_len(line)
        current += line
        size += length
    parts.append(current)
    # Telegram rejects an empty or blank message, and trims trailing newlines anyway.
    return [p.rstrip("\n") for p in parts if p.strip()]


def _text_calls(
    chat_id: int, text: str, buttons: Buttons | None, silent: bool, topic: dict[str, int]
) -> list[Call]:
    parts = split_text(text)
    calls: list[Call] = []
    for i, part in enumerate(parts):
        keys = buttons if i == len(parts) - 1 else None
        calls.append(_bind("send_message", chat_id, part, buttons=keys, silent=silent, **topic))
    return calls


def _bind(method: str, *args: Any, **kwargs: Any) -> Call:
    async def call(transport: Transport) -> int:
        result: int = await getattr(transport, method)(*args, **kwargs)
        return result

    return call


def send_calls(row: OutboxMessage, *, silent: bool = False) -> list[Call]:
    """The calls that deliver a send_* row, in order; `silent` (or the payload's own
    `silent`) delivers them without sound."""
    payload, chat = row.payload, row.chat_id
    try:
        silent = silent or bool(payload.get("silent", False))
        # Only a row for a forum topic (a team's, or a reply deferred from one) says which.
        thread = payload.get("thread_id")
        topic = {} if thread is None else {"thread_id": int(thread)}
        if row.method == "send_message":
            text, buttons = _text(payload["text"]), payload.get("buttons")
            return _text_calls(chat, text, buttons, silent, topic)
        if row.method in ("send_photo", "send_voice"):
            caption: str | None = payload.get("caption") or None
            tail: list[Call] = []
            if caption is not None and utf16_len(caption) > CAPTION_LIMIT:
                tail, caption = _text_calls(chat, caption, None, silent, topic), None
            file_id = str(payload["file_id"])
            head = _bind(row.method, chat, file_id, caption=caption, silent=silent, **topic)
            return [head, *tail]
        if row.method == "set_menu":
            menu = [(str(name), str(text)) for name, text in payload["commands"]]
            return [_bind("set_chat_menu", chat, menu)]
        if row.method == "send_location":
            lat, lon = float(payload["lat"]), float(payload["lon"])
            return [_bind("send_location", chat, lat, lon, silent=silent, **topic)]
        if row.method == "send_document":
            if not payload.get("file_id") and not payload.get("path"):
                raise BadPayload("send_document needs a file_id or a path")
            return [
                _bind(
                    "send_document",
                    chat,
                    file_id=payload.get("file_id"),
                    path=payload.get("path"),
                    filename=payload.get("filename"),
                    caption=payload.get("caption") or None,
                    silent=silent,
                    **topic,
                )
            ]
    except (KeyError, TypeError, ValueError) as exc:
        raise BadPayload(f"{row.method} payload is invalid: {exc!r}") from exc
    raise BadPayload(f"unknown outbox method {row.method!r}")


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BadPayload("the text is missing or blank")
    return value


def edit_text(payload: dict[str, Any]) -> tuple[str, Buttons | None]:
    """The text and buttons of an edit; an edit cannot split, so it is cut to the limit."""
    return _fit_edit(_text(payload.get("text"))), payload.get("buttons")


def _fit_edit(text: str) -> str:
    if utf16_len(text) <= TEXT_LIMIT:
        return text
    log.warning("edit text of %d units cut to %d", utf16_len(text), TEXT_LIMIT)
    return _cut(text, TEXT_LIMIT - 1)[0] + "…"


def replies_to_show(outcome: Outcome, *, popup_shown: bool = True) -> list[Reply]:
    """`fit_replies` of the outcome's replies. When a button press's popup could not be
    shown (the query was too old, Telegram failed) and the popup was the whole answer
    ("taken by 张三", "reassigned"), its words go as a message instead of being lost."""
    if not popup_shown and outcome.toast and not outcome.replies:
        return [Reply(outcome.toast)]
    return fit_replies(outcome.replies)


def fit_replies(replies: Sequence[Reply]) -> list[Reply]:
    """The desk's direct replies as Telegram takes them, as the outbox sends its rows: a
    text over the limit goes as several messages split on line boundaries, the buttons and
    keyboard on the last; a caption over its limit follows its chart or file as text; an
    edit cannot split, so it is cut."""
    fitted: list[Reply] = []
    for reply in replies:
        if reply.photo is not None or reply.document is not None:
            if utf16_len(reply.text) <= CAPTION_LIMIT:
                fitted.append(reply)
            else:  # as the outbox does: the media bare, its caption after it as text
                fitted.append(replace(reply, text=""))
                fitted += [Reply(part) for part in split_text(reply.text)]
        elif reply.edit:
            fitted.append(replace(reply, text=_fit_edit(reply.text)))
        else:
            *heads, last = split_text(reply.text) or [reply.text]
            fitted += [Reply(head) for head in heads]
            fitted.append(reply if last == reply.text else replace(reply, text=last))
    return fitted
