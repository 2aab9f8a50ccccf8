"""The ports storage implements: repositories and a unit of work.

Use cases depend on these protocols only, so the domain never names SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from types import TracebackType
from typing import Any, Protocol, Self

from core.enums import Requester, Script, Status
from core.model import (
    Attachment,
    ChatPlace,
    Conversation,
    Invite,
    Membership,
    OutboxMessage,
    TeamChat,
    Ticket,
    TicketCycle,
    TicketEvent,
    TicketMessage,
    User,
)


class TicketRepository(Protocol):
    async def add(self, ticket: Ticket) -> Ticket:
        """Store a new ticket; it gets its id and public number."""

    async def get(self, ticket_id: int, *, for_update: bool = False) -> Ticket | None: ...

    async def by_number(self, number: str) -> Ticket | None: ...

    async def add_event(self, event: TicketEvent) -> None: ...
    async def add_cycle(self, cycle: TicketCycle) -> None: ...

    async def events(self, ticket_id: int) -> Sequence[TicketEvent]: ...

    async def of_requester(
        self,
        user_id: int,
        limit: int = 10,
        *,
        open_only: bool = False,
        statuses: Collection[Status] | None = None,
    ) -> Sequence[Ticket]:
        """The requester's newest tickets first; with `open_only`, those not closed or
        withdrawn; with `statuses`, those in one of them."""

    async def waiting_for(self, user_id: int, limit: int = 20) -> Sequence[Ticket]:
        """The requester's tickets waiting for their reply, the latest asked first."""

    async def count_since(self, user_id: int, since: datetime) -> int: ...

    async def due(self, now: datetime, limit: int) -> Sequence[Ticket]:
        """Open tickets whose next action is due, locked for this transaction."""

    async def open_tickets(self, team_id: str | None = None) -> Sequence[Ticket]: ...

    async def callbacks_overdue(self, now: datetime) -> Sequence[Ticket]:
        """Tickets owing a call-back (回访) whose due time has come by `now` with none
        recorded: the ledger's 超期未回访. The oldest due first."""


class UserRepository(Protocol):
    async def get(self, user_id: int) -> User | None: ...

    async def get_with_conversation(
        self, user_id: int, chat_id: int
    ) -> tuple[User | None, Conversation | None]: ...

    async def add(self, user: User) -> None: ...

    async def add_all(self, new: Sequence[User]) -> None:
        """Several at once, in one flush."""
        ...

    async def known(self, user_ids: Sequence[int]) -> set[int]:
        """Which of these people are stored, in one query."""
        ...

    async def of_kind(self, kind: Requester) -> Sequence[User]: ...

    async def without_own_name(self, user_ids: Sequence[int]) -> Sequence[User]:
        """Those of these people stored without a name of their own, in one query: none
        at all, or only the one the config gave them, as they never wrote to the bot."""
        ...

    async def scripts(self, user_ids: Sequence[int]) -> dict[int, Script]:
        """The script of each of these people who has one stored."""


class MembershipRepository(Protocol):
    async def of_user(self, user_id: int) -> Sequence[Membership]: ...

    async def of_team(self, team_id: str) -> Sequence[Membership]: ...

    async def supervisors(self) -> Sequence[Membership]: ...

    async def lock_for_config(self) -> None: ...

    async def from_config(self) -> Sequence[Membership]: ...

    async def everyone(self) -> Sequence[Membership]: ...

    async def add(self, membership: Membership) -> None: ...

    async def add_all(self, new: Sequence[Membership]) -> None:
        """Several at once, in one flush."""
        ...

    async def remove(self, membership: Membership) -> None: ...


class AttachmentRepository(Protocol):
    async def add(self, attachment: Attachment) -> None: ...

    async def of_ticket(self, ticket_id: int) -> Sequence[Attachment]: ...


class ConversationRepository(Protocol):
    async def get(self, chat_id: int, user_id: int) -> Conversation | None: ...

    async def save(self, conversation: Conversation) -> None: ...

    async def delete(self, chat_id: int, user_id: int) -> None: ...

    async def delete_expired(self, now: datetime) -> int: ...

    async def of_user(self, user_id: int) -> Sequence[Conversation]:
        """The person's conversations in every chat (their own, their team's groups)."""

    async def replace_data(self, conversation: Conversation, data: dict[str, Any]) -> bool:
        """Write `data` as the conversation's only while its row stands as `conversation`
        was read (the same flow, step and times), so that it never lands over a step the
        person took since; True when written. `conversation` itself is not saved."""


class InboxRepository(Protocol):
    async def claim(self, key: str, now: datetime) -> bool:
        """Record an update as processed; False when it was processed before."""

    async def keep_replies(self, key: str, replies: dict[str, Any]) -> None:
        """Keep what the claimed update's step said, for a repeat of the update."""

    async def kept_replies(self, key: str) -> dict[str, Any] | None:
        """What the update's step said (None: nothing was kept)."""

    async def forget_shown(self, keys: Sequence[str]) -> None:
        """These updates' replies were shown (or queued to be): forget them, so that a
        repeat of one says nothing again."""

    async def forget_replies(self, before: datetime) -> int:
        """Forget what updates processed before `before` said; how many were forgotten."""


class OutboxRepository(Protocol):
    async def add(self, message: OutboxMessage) -> None: ...

    async def claim(
        self, now: datetime, limit: int, lease_seconds: float
    ) -> Sequence[OutboxMessage]:
        """Pending messages due now, urgent first, leased to this sender."""

    async def pending_places(self, ticket_id: int, purpose: str) -> dict[ChatPlace, Script]:
        """Where a message of `purpose` about the ticket waits to be sent, and its script."""

    async def files_sent(self, ticket_id: int, place: ChatPlace) -> set[str]:
        """The file ids of the ticket's photos and voice notes sent to `place`, or on their
        way there."""

    async def supersede(self, ticket_id: int, purpose: str, now: datetime) -> int:
        """Settle the ticket's pending rows of `purpose` that no sender holds as 'superseded'
        (a newer row says all they said); returns how many."""

    async def waiting(self, ticket_id: int, purposes: Sequence[str]) -> Sequence[OutboxMessage]:
        """The ticket's rows of `purposes` not sent yet, locked until the transaction ends."""

    async def supersede_rows(self, ids: Sequence[int], now: datetime) -> int:
        """Settle these rows as 'superseded' if still pending and held by no sender."""

    async def written(self, ticket_id: int, purpose: str) -> Sequence[OutboxMessage]:
        """The ticket's rows of `purpose` sent or still to be, oldest first."""

    async def pending_count(self, *, chat_id: int | None = None, purpose: str | None = None) -> int:
        """Rows still to be sent (to `chat_id`, for `purpose`, when given)."""


class InviteRepository(Protocol):
    async def add(self, invite: Invite) -> None: ...

    async def get(self, token: str, *, for_update: bool = False) -> Invite | None: ...

    async def used_by(self, user_id: int) -> Sequence[Invite]: ...

    async def forget(self, invite: Invite) -> None: ...


class TeamChatRepository(Protocol):
    async def get(self, team_id: str) -> TeamChat | None: ...

    async def bind(self, binding: TeamChat) -> None: ...

    async def team_of_chat(self, chat_id: int) -> str | None: ...


class TicketMessageRepository(Protocol):
    async def add(self, message: TicketMessage) -> None: ...

    async def of_ticket(self, ticket_id: int, *purposes: str) -> Sequence[TicketMessage]: ...

    async def of_message(self, chat_id: int, message_id: int) -> Sequence[TicketMessage]: ...

    async def moved(
        self,
        chat_id: int,
        old_message_id: int,
        new: int,
        thread_id: int | None,
        *,
        to_chat: int | None = None,
    ) -> int: ...

    async def forget(self, message: TicketMessage) -> None: ...


class UnitOfWork(Protocol):
    """One transaction: everything a step writes commits together or not at all."""

    @property
    def tickets(self) -> TicketRepository: ...

    @property
    def users(self) -> UserRepository: ...

    @property
    def memberships(self) -> MembershipRepository: ...

    @property
    def attachments(self) -> AttachmentRepository: ...

    @property
    def conversations(self) -> ConversationRepository: ...

    @property
    def inbox(self) -> InboxRepository: ...

    @property
    def outbox(self) -> OutboxRepository: ...

    @property
    def invites(self) -> InviteRepository: ...

    @property
    def team_chats(self) -> TeamChatRepository: ...

    @property
    def ticket_messages(self) -> TicketMessageRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...
