"""What a handler step works with: the event, the person, the transaction, the replies."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from core.config import Config
from core.enums import Script
from core.model import ChatPlace, Conversation, OutboxMessage, User, reader_script
from core.ports import UnitOfWork
from handlers.i18n import t
from handlers.incoming import Incoming
from handlers.replies import Button, Keyboard, Outcome, Reply
from routing import Router
from routing.reader import message_in_script, unwrapped
from storage.uow import SqlUnitOfWork


class ReportMaker(Protocol):
    """What supervisors' commands need from reports/ (a sibling layer, so bot/ wires it in).

    Both raise ValueError with a polite message when the period cannot be understood.
    """

    async def stats(
        self, period: str, now: datetime, script: Script, teams: frozenset[str] | None = None
    ) -> tuple[str, bytes]:
        """The /stats table (Simplified Chinese) and its chart as PNG drawn in `script`
        (empty when the period has no tickets: nothing to draw); of `teams` only, when
        given."""

    async def ledger(
        self, period: str, now: datetime, script: Script, *, keeper: bool = True
    ) -> tuple[str, bytes, int, bool, bool, int]:
        """The 台账 for the period as an .xlsx in `script`: (file name, content, how many
        tickets it lists, whether nothing at all happened in the period: none submitted,
        closed, rated or due in it, whether the period is still running, and how many older
        tickets were withdrawn in it when that is all that happened); `keeper`: for
        a place that may read a named complainant (`core.complainant`), else their details
        stay with the team that keeps them."""


# conv.data key: the person's registration before a flow that changes it (`Ctx.end_flow`).
UNDO = "undo"


@dataclass
class Services:
    """Long-lived collaborators shared by every step."""

    cfg: Config
    router: Router
    clock: Callable[[], datetime]
    bot_username: str = "jinye110_bot"
    reports: ReportMaker | None = None


@dataclass
class Ctx:
    svc: Services
    uow: SqlUnitOfWork
    msg: Incoming
    now: datetime
    user: User
    script: Script
    conv: Conversation | None
    out: Outcome = field(default_factory=Outcome)
    # Read-only work that runs once the step has committed (a report over the whole
    # ledger): it then holds no write lock while it reads, and what it adds to `out` is
    # shown with the step's other replies.
    later: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    menu_queued: bool = False  # the person's own command menu is already on its way
    # The press was turned away (`refuse`): it did nothing, and so leaves nothing it would
    # otherwise end (a card's prompt still waits for its note).
    refused: bool = False

    @property
    def cfg(self) -> Config:
        return self.svc.cfg

    @property
    def script_here(self) -> Script:
        """The script of a reply to this chat: the person's own in a private chat; in a
        group, which everyone in it reads, Simplified (a toast is the presser's alone, and
        `text` gives it in theirs)."""
        return self.script if self.msg.is_private else Script.HANS

    def text(self, key: str, **values: object) -> str:
        """The message `key` for this chat: in the person's script in a private chat, in
        Simplified in a group, whoever wrote in it (`script_here`)."""
        return t(key, self.script_here, **values)

    def too_long(self, text: str) -> bool:
        """Whether `text` is over the limit for anything typed; if so, the person is told."""
        limit = self.cfg.limits.max_text
        if len(text) <= limit:
            return False
        self.say("too_long", length=len(text), limit=limit)
        return True

    def say(
        self,
        key: str,
        buttons: tuple[tuple[Button, ...], ...] = (),
        *,
        keyboard: Keyboard | None = None,
        keyboard_extra: tuple[str, ...] = (),
        **values: object,
    ) -> None:
        self.reply(
            self.text(key, **values), buttons, keyboard=keyboard, keyboard_extra=keyboard_extra
        )

    def reply(
        self,
        text: str,
        buttons: tuple[tuple[Button, ...], ...] = (),
        *,
        keyboard: Keyboard | None = None,
        keyboard_extra: tuple[str, ...] = (),
        edit: bool = False,
    ) -> None:
        label = ""
        if keyboard in ("contact", "location"):
            label = self.text("reg_phone_button" if keyboard == "contact" else "share_location")
        self.out.replies.append(
            Reply(
                keyboard_label=label,
                text=unwrapped(text),  # a name put in with `as_written`, as written
                buttons=buttons,
                keyboard=keyboard,
                keyboard_extra=keyboard_extra,
                edit=edit,
            )
        )

    def attach(
        self,
        caption: str,
        *,
        photo: bytes | None = None,
        document: tuple[str, bytes] | None = None,
        too_big: str = "",
    ) -> None:
        """A photo or file back to the current chat; `too_big` is said instead when
        Telegram refuses it as over its size limit."""
        # A file's name put in with `as_written`, as written.
        caption, too_big = unwrapped(caption), unwrapped(too_big)
        self.out.replies.append(
            Reply(text=caption, photo=photo, document=document, too_big=too_big)
        )

    def toast(self, key: str, **values: object) -> None:
        """The short answer to a button press, shown as a popup. A popup answers only a
        press: to a typed message (a note for a ticket that moved on) it is a reply."""
        if self.msg.is_button:
            # Shown to the presser alone: in their script, in a group too.
            self.out.toast = unwrapped(t(key, self.script, **values))
        else:
            self.reply(self.text(key, **values))

    def refuse(self, key: str, **values: object) -> None:
        """Turn the press away with `key` (not the presser's to make: another team's card,
        a forged or stale button): nothing it names is done."""
        self.refused = True
        self.toast(key, **values)

    async def start_flow(
        self,
        flow: str,
        step: str,
        data: dict[str, Any] | None = None,
        *,
        ttl: timedelta | None = None,
    ) -> None:
        """Begin `flow` at `step`, replacing any conversation this chat had. It is forgotten
        after `ttl` without an answer (the config's `conversation_ttl` when not given)."""
        window = self.cfg.limits.conversation_ttl if ttl is None else ttl
        if self.conv is not None:
            self._undo_unfinished()
            self.conv.flow, self.conv.step, self.conv.data = flow, step, dict(data or {})
            self.conv.updated_at = self.now
            self.conv.expires_at = self.now + window
            await self.uow.conversations.save(self.conv)
            return
        self.conv = Conversation(
            chat_id=self.msg.chat_id,
            user_id=self.msg.user_id,
            flow=flow,
            step=step,
            data=dict(data or {}),
            updated_at=self.now,
            expires_at=self.now + window,
        )
        await self.uow.conversations.save(self.conv)

    async def resume_flow(self, conv: Conversation) -> None:
        """Open again, as it stood, a conversation this step ended: it waits until it would
        have without the step."""
        self.conv = replace(conv, data=dict(conv.data))  # a new row, not the one ended
        await self.uow.conversations.save(self.conv)

    async def goto(self, step: str, **data: Any) -> None:
        """Move the current conversation to `step`, merging `data` into its state; it waits
        for the next answer as long as it waited for this one (the window it began with)."""
        assert self.conv is not None
        window = self.conv.expires_at - self.conv.updated_at
        self.conv.step = step
        self.conv.data = {**self.conv.data, **data}
        self.conv.updated_at = self.now
        self.conv.expires_at = self.now + window
        await self.uow.conversations.save(self.conv)

    async def end_flow(self) -> None:
        if self.conv is not None:
            self._undo_unfinished()
            await self.uow.conversations.delete(self.conv.chat_id, self.conv.user_id)
            self.conv = None

    def _undo_unfinished(self) -> None:
        """A flow that changes the person's details as it goes (registering again) keeps
        what they were under `UNDO`: left unfinished (/cancel, another command, expiry),
        they are put back. A flow that finishes drops `UNDO` before it ends."""
        assert self.conv is not None
        saved = self.conv.data.pop(UNDO, None)
        if isinstance(saved, dict):
            self.user.restore_registration(saved)

    async def enqueue(
        self,
        to: int | ChatPlace,
        text: str,
        *,
        buttons: tuple[tuple[Button, ...], ...] = (),
        urgent: bool = False,
        ticket_id: int | None = None,
        purpose: str = "notify",
        method: str = "send_message",
        extra: dict[str, Any] | None = None,
        script: Script | None = None,
    ) -> None:
        """A message to someone else (a person's chat, or a team's chat and its topic): an
        outbox row in this step's transaction.

        The text, caption and button labels are written in Simplified and shown in
        `script`: by default a person's own (`reader_script`), Simplified in a group. An
        edit passes the script of the message it edits, which its reader may since have
        changed with /lang.
        """
        await enqueue(
            self.uow,
            self.now,
            to,
            text,
            buttons=buttons,
            urgent=urgent,
            ticket_id=ticket_id,
            purpose=purpose,
            method=method,
            extra=extra,
            script=script,
        )


class Paging(Protocol):
    """What writing to others needs: the config, the transaction and the time (`enqueue`
    writes the rows). A step's `Ctx` has them; so has `Offstage`, for work outside any
    message."""

    @property
    def cfg(self) -> Config: ...

    @property
    def uow(self) -> UnitOfWork: ...

    @property
    def now(self) -> datetime: ...


@dataclass(frozen=True)
class Offstage:
    """Messages to others from work no message started: a place taken away by an admin's
    command or by the config at the bot's start still hands on the pages it held."""

    cfg: Config
    uow: UnitOfWork
    now: datetime


async def enqueue(
    uow: UnitOfWork,
    now: datetime,
    to: int | ChatPlace,
    text: str,
    *,
    buttons: tuple[tuple[Button, ...], ...] = (),
    urgent: bool = False,
    ticket_id: int | None = None,
    purpose: str = "notify",
    method: str = "send_message",
    extra: dict[str, Any] | None = None,
    script: Script | None = None,
) -> None:
    """`Ctx.enqueue`, for a step or for work outside any message (`Offstage`)."""
    chat_id, topic = to if isinstance(to, ChatPlace) else (to, None)
    payload: dict[str, Any] = {"text": text, **(extra or {})}
    if topic is not None:
        payload["thread_id"] = topic
    if buttons:
        payload["buttons"] = [[b.to_payload() for b in row] for row in buttons]
    if script is None:
        person = await uow.users.get(chat_id) if chat_id > 0 else None
        script = reader_script(person)
    await uow.outbox.add(
        OutboxMessage(
            chat_id=chat_id,
            method=method,
            payload=message_in_script(payload, script),
            created_at=now,
            not_before=now,
            priority=0 if urgent else 1,
            ticket_id=ticket_id,
            purpose=purpose,
        )
    )
