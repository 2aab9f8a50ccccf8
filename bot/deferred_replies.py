"""Direct replies that Telegram refused for the moment go out later, through the outbox.

A step's replies are shown right after it commits, in the chat the update came from. When
one of those calls fails in a way that waiting mends (flood control, a server error, a
timeout, a dropped connection), that reply and the ones after it become outbox rows for
the chat, in order and urgent: the sender delivers them with its back-off and escalation,
and they survive a restart. A farmer whose 110 call was filed during a Telegram hiccup
still hears that it was. (A timeout can hide a message Telegram did deliver; then it comes
twice, which beats not at all.) What a row cannot carry is left out and logged: a chart or file
built in memory (the supervisor asks again) and a reply keyboard (the prompt's text goes,
and typing the answer works as well). A failure waiting cannot mend (blocked, a bad
request) is logged only.
"""

from __future__ import annotations

import logging
from datetime import datetime

from core.model import OutboxMessage
from handlers.replies import Reply
from storage.uow import Database

log = logging.getLogger(__name__)

PURPOSE = "reply"


class Unshown(Exception):
    """Raised by an adapter's render: `replies` (from the failed one on) were not shown."""

    def __init__(
        self,
        chat_id: int,
        replies: list[Reply],
        pressed_message_id: int | None,
        cause: BaseException,
        *,
        transient: bool,
    ) -> None:
        super().__init__(f"{len(replies)} replies to chat {chat_id} not shown: {cause}")
        self.chat_id = chat_id
        self.replies = replies
        self.pressed_message_id = pressed_message_id  # the message whose button was pressed
        self.cause = cause
        self.transient = transient  # waiting may mend it: worth sending later


def outbox_rows(unshown: Unshown, now: datetime) -> tuple[list[OutboxMessage], int]:
    """The rows that carry the unshown replies, and how many replies no row can carry."""
    rows, left_out = [], 0
    for reply in unshown.replies:
        if reply.photo is not None or reply.document is not None:
            left_out += 1
            continue
        payload: dict[str, object] = {"text": reply.text}
        if reply.buttons:
            payload["buttons"] = reply.buttons_payload()
        method = "send_message"
        if reply.edit and unshown.pressed_message_id is not None:
            method, payload["message_id"] = "edit_message", unshown.pressed_message_id
        rows.append(
            OutboxMessage(
                chat_id=unshown.chat_id,
                method=method,
                payload=payload,
                created_at=now,
                not_before=now,
                priority=0,  # the person is waiting for it
                purpose=PURPOSE,
            )
        )
    return rows, left_out


async def send_later(db: Database, unshown: Unshown, now: datetime, update_key: str) -> bool:
    """Queue what can be queued; True when rows were written (wake the sender)."""
    if not unshown.transient:
        log.error("update %s: %s; not retried", update_key, unshown, exc_info=unshown.cause)
        return False
    rows, left_out = outbox_rows(unshown, now)
    if left_out:
        log.error("update %s: %d photo or file replies lost", update_key, left_out)
    if not rows:
        return False
    try:
        async with db.uow() as uow:
            for row in rows:
                await uow.outbox.add(row)
            await uow.commit()
    except Exception:
        log.exception("update %s: %s, and queueing them failed too", update_key, unshown)
        return False
    log.warning("update %s: %s; %d go out through the outbox", update_key, unshown, len(rows))
    return True
