"""Direct replies that Telegram refused for the moment go out later, through the outbox.

A step's replies are shown right after it commits, in the chat the update came from. When
one of those calls fails in a way that waiting mends (flood control, a server error, a
timeout, a dropped connection), that reply and the ones after it become outbox rows for
the chat, in order and urgent: the sender delivers them with its back-off and escalation,
and they survive a restart. A farmer whose 110 call was filed during a Telegram hiccup
still hears that it was. (A timeout can hide a message Telegram did deliver; then it comes
twice, which beats not at all.) What a row cannot carry is left out and logged: a chart or
file built in memory goes as a note saying it could not be sent and to ask again (with its
caption), and a reply keyboard is dropped (the prompt's text and inline buttons go; the
keyboard comes back with the step's answer to whatever the person sends next). A group
that has just become a supergroup gets the replies at its new chat id, and a team whose
chat it was follows it there, as when an outbox message meets the same answer. A failure
waiting cannot mend is logged; when the person has blocked the bot, they are marked
unreachable, and when a team's group refuses (the bot was removed), its leaders and the
supervisors are told, as when an outbox message meets the same refusal.

A pressed message that is gone (deleted, or too old to edit) takes the same road: its new
state goes as a new message through the outbox, in the ticket's line when the message was
kept as a ticket's card or prompt. The row is written before anything is sent, and the
sender, once it has sent it, keeps the card at the new message in the same transaction that
marks the row sent (`bot.outbox.recorder`), so the ticket's next edits go there; a crash
in between sends it again, and the card is kept where it lands.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.outbox.escalation import record_refused_reply
from bot.outbox.gone import REPLACES
from core.config import Config
from core.model import ChatPlace, OutboxMessage
from core.team_chats import follow_chat_move
from handlers.replies import Outcome, Reply
from handlers.stand_ins import with_note
from storage.uow import Database, SqlUnitOfWork

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
        retry_after: float = 0.0,
        forbidden: bool = False,
        thread_id: int | None = None,
        moved_to: int | None = None,
        pressed_gone: bool = False,
    ) -> None:
        super().__init__(f"{len(replies)} replies to chat {chat_id} not shown: {cause}")
        self.chat_id = chat_id
        self.replies = replies
        self.pressed_message_id = pressed_message_id  # the message whose button was pressed
        self.cause = cause
        self.transient = transient  # waiting may mend it: worth sending later
        self.retry_after = retry_after  # seconds Telegram asked to wait (flood control)
        self.forbidden = forbidden  # the chat refuses the bot (blocked, or removed from it)
        self.thread_id = thread_id  # the forum topic the replies belong in, if any
        self.moved_to = moved_to  # the group became this supergroup: the replies go there
        # The pressed message is gone: its edit is sent as a new message that replaces it.
        self.pressed_gone = pressed_gone

    def in_new_chat(self) -> Unshown:
        """The same replies for the supergroup the group became. Message ids and topics do
        not carry over, so an edit of the pressed message is sent as a new message."""
        assert self.moved_to is not None
        return Unshown(self.moved_to, self.replies, None, self.cause, transient=True)


def queueable(reply: Reply) -> bool:
    """Whether an outbox row can carry the reply (a chart or file in memory it cannot)."""
    return reply.photo is None and reply.document is None


def outbox_rows(unshown: Unshown, now: datetime, due: datetime) -> tuple[list[OutboxMessage], int]:
    """The rows, due at `due`, that carry the unshown replies, and how many charts or files
    no row can carry (each has a row saying so in its place)."""
    rows, left_out = [], 0
    for reply in unshown.replies:
        payload: dict[str, object] = {"text": reply.text}
        if not queueable(reply):
            left_out += 1
            payload["text"] = with_note(reply, "file_not_sent")  # to ask again later
        elif reply.buttons:
            payload["buttons"] = reply.buttons_payload()
        if unshown.thread_id is not None:
            payload["thread_id"] = unshown.thread_id
        method = "send_message"
        if reply.edit and unshown.pressed_message_id is not None:
            if unshown.pressed_gone:
                payload[REPLACES] = unshown.pressed_message_id
            else:
                method, payload["message_id"] = "edit_message", unshown.pressed_message_id
        rows.append(
            OutboxMessage(
                chat_id=unshown.chat_id,
                method=method,
                payload=payload,
                created_at=now,
                not_before=due,
                priority=0,  # the person is waiting for it
                purpose=PURPOSE,
                # Why it waits: the sender keeps the chat's later rows behind a refused one.
                last_error=f"{type(unshown.cause).__name__}: {unshown.cause}"[:500],
            )
        )
    return rows, left_out


class EarlierReplyWaiting(Exception):
    """The chat has replies waiting in the outbox: later ones queue behind them."""


class PressedGone(Exception):
    """Raised by an adapter's edit of the pressed message when Telegram says it is gone
    (deleted, or too old to edit); `cause` is Telegram's refusal."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause

    def unshown(
        self, chat_id: int, replies: list[Reply], pressed_id: int | None, topic: int | None
    ) -> Unshown:
        """`replies` (the pressed message's new state first) to be sent anew through the
        outbox, which keeps the card at the new message."""
        return Unshown(
            chat_id,
            replies,
            pressed_id,
            self.cause,
            transient=True,
            thread_id=topic,
            pressed_gone=True,
        )


async def join_ticket_line(uow: SqlUnitOfWork, rows: list[OutboxMessage]) -> None:
    """Put a row that replaces a gone card (or prompt) in its ticket's line: the ticket's
    later edits to the chat, written for the gone message, wait for it and then find the
    new one (`bot.outbox.gone`), rather than overtaking it and sending a second copy."""
    for row in rows:
        if REPLACES not in row.payload:
            continue
        kept = await uow.ticket_messages.of_message(row.chat_id, int(row.payload[REPLACES]))
        if kept:
            row.ticket_id = kept[-1].ticket_id


class DeferredReplies:
    """Queues a chat's refused replies, and keeps the chat's next replies behind them.

    The sender sends a chat's rows in order, so once one reply waits in the outbox, the
    replies of the chat's next steps must wait there too, or they would overtake it (and an
    older edit of a card could land after a newer one). Replies with a chart or a file are
    shown at once all the same: out of order beats lost. Chats with replies queued by this
    process are remembered; for those, and only those, the outbox is asked whether any is
    still pending.
    """

    def __init__(self, db: Database, cfg: Config, shown: Callable[[str], None]) -> None:
        self.db, self.cfg = db, cfg
        self.shown = shown  # told of an update whose kept replies were shown (`Desk.shown`)
        self._waiting: set[int] = set()  # chats this process queued replies for
        self._in_hand: dict[str, asyncio.Event] = {}  # updates being handled and shown now

    async def handle_and_show(
        self,
        update_key: str,
        chat_id: int,
        handle: Callable[[], Awaitable[Outcome]],
        render: Callable[[Outcome, bool], Awaitable[None]],
        now: Callable[[], datetime],
        wake: Callable[[], None] | None = None,
    ) -> None:
        """Run an update's step with `handle` and `show` its outcome, one delivery of an
        update at a time. Telegram sends a webhook update again when the first delivery was
        not answered in time, and the first may still be showing its replies: the repeat
        waits for it, and then finds them shown, rather than showing them a second time."""
        while (earlier := self._in_hand.get(update_key)) is not None:
            await earlier.wait()
        done = self._in_hand[update_key] = asyncio.Event()
        try:
            outcome = await handle()
            await self.show(
                update_key, chat_id, outcome, lambda hold: render(outcome, hold), now, wake
            )
        finally:
            del self._in_hand[update_key]
            done.set()

    async def must_wait(self, chat_id: int, *, look: bool = False) -> bool:
        """Whether this chat's replies must go through the outbox (one is waiting there).
        With `look`, the outbox is asked even for a chat this process queued nothing for
        (one queued by the process before a restart)."""
        if chat_id not in self._waiting and not look:
            return False
        try:
            async with self.db.uow(read_only=True) as uow:
                pending = await uow.outbox.pending_count(chat_id=chat_id, purpose=PURPOSE)
        except Exception:
            log.warning("could not look for replies waiting for chat %s", chat_id, exc_info=True)
            return False  # queueing would fail as well: better shown out of order than lost
        if not pending:
            self._waiting.discard(chat_id)
        return bool(pending)

    async def show(
        self,
        update_key: str,
        chat_id: int,
        outcome: Outcome,
        render: Callable[[bool], Awaitable[None]],
        now: Callable[[], datetime],
        wake: Callable[[], None] | None = None,
    ) -> None:
        """Show a step's outcome with `render(hold)`: at once, or through the outbox when
        earlier replies to the chat wait there (`hold`) or Telegram refuses for now. Once
        shown or queued, what the step kept for a repeat of its update is forgotten
        (`handlers.kept_replies`); what was neither stays kept. `wake` wakes the outbox
        sender for the messages the step queued."""
        if wake is not None and (outcome.kept or not outcome.duplicate):
            wake()  # (a repeat may follow a lost try whose messages are still to go)
        # Said again after a restart, the replies may find the chat's earlier ones still
        # queued by the process before: they go behind them.
        replay = outcome.duplicate and outcome.kept
        try:
            await render(await self.must_wait(chat_id, look=replay))
        except Unshown as unshown:
            # The step is committed; what Telegram refused for now goes out later.
            if await self.send_later(unshown, now(), update_key) and wake is not None:
                wake()  # (and forgotten in the transaction that queued them)
            return
        if outcome.kept:
            self.shown(update_key)

    async def send_later(self, unshown: Unshown, now: datetime, update_key: str) -> bool:
        """Queue what can be queued; True when rows were written (wake the sender)."""
        if unshown.forbidden:
            # They blocked the bot right after writing (or removed it from the group): as
            # the outbox does when its messages meet a 403, a person is marked so that what
            # concerns them goes round them, and a team's group is told of to its leaders.
            log.warning("update %s: %s; not retried", update_key, unshown)
            return await self._refused(unshown, now, update_key)
        if not unshown.transient:
            log.error("update %s: %s; not retried", update_key, unshown, exc_info=unshown.cause)
            return False
        moved_from = unshown.chat_id if unshown.moved_to is not None else None
        if unshown.moved_to is not None:
            unshown = unshown.in_new_chat()
        # After flood control the rows are due when Telegram said to try again (an
        # immediate second 429 would pause the sender for every chat). Rows queued behind
        # earlier ones need no later time: the sender never sends a chat's reply row
        # before an earlier one still pending (`SqlOutboxRepository.claim`).
        due = now + timedelta(seconds=unshown.retry_after)
        rows, left_out = outbox_rows(unshown, now, due)
        if left_out:
            log.error("update %s: %d charts or files not sent; notes instead", update_key, left_out)
        if not rows:
            return False
        try:
            async with self.db.uow() as uow:
                if moved_from is not None:
                    await self._follow_move(uow, moved_from, unshown.chat_id, now)
                await join_ticket_line(uow, rows)
                for row in rows:
                    await uow.outbox.add(row)
                await uow.inbox.forget_shown([update_key])  # the rows carry them now
                await uow.commit()
        except Exception:
            log.exception("update %s: %s, and queueing them failed too", update_key, unshown)
            return False
        self._waiting.add(unshown.chat_id)
        if isinstance(unshown.cause, EarlierReplyWaiting):
            log.info("update %s: %d replies queued behind earlier ones", update_key, len(rows))
        else:
            count = len(rows)
            log.warning("update %s: %s; %d go out through the outbox", update_key, unshown, count)
        return True

    async def _follow_move(self, uow: SqlUnitOfWork, old: int, new: int, now: datetime) -> None:
        """Bind the team of chat `old` to `new`, so its next messages go there at once."""
        moved = await follow_chat_move(uow, self.cfg, old, new, by=0, now=now)
        log.warning("chat %s became supergroup %s; teams following it: %s", old, new, moved)

    async def _refused(self, unshown: Unshown, now: datetime, update_key: str) -> bool:
        """`record_refused_reply` for the replies the chat refused; True when it queued
        alerts (wake the sender)."""
        chat_id = unshown.chat_id
        text = unshown.replies[0].text if unshown.replies else ""
        try:
            async with self.db.uow() as uow:
                ticket_id = None
                if unshown.pressed_message_id is not None:
                    kept = await uow.ticket_messages.of_message(chat_id, unshown.pressed_message_id)
                    ticket_id = kept[-1].ticket_id if kept else None
                alerts = await record_refused_reply(
                    uow,
                    self.cfg,
                    ChatPlace(chat_id, unshown.thread_id),
                    text,
                    str(unshown.cause),
                    now,
                    ticket_id=ticket_id,
                )
                await uow.commit()
        except Exception:
            log.exception("update %s: could not record that chat %s refused", update_key, chat_id)
            return False
        return bool(alerts)
