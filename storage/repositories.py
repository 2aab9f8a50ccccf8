"""Repositories over one AsyncSession; they flush but never commit (the unit of work does)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Select,
    and_,
    bindparam,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified, set_committed_value

from core.enums import OPEN_STATUSES, Requester, Role, Script, Status
from core.model import (
    Attachment,
    Conversation,
    Invite,
    Membership,
    TeamChat,
    Ticket,
    TicketCycle,
    TicketEvent,
    TicketMessage,
    User,
)
from core.numbers import parse_public_number
from storage.tables import (
    attachments,
    conversations,
    invites,
    memberships,
    team_chats,
    ticket_events,
    ticket_messages,
    tickets,
    users,
)


class SessionRepo:
    """A repository over the unit of work's session."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name


# Statements every step runs, built once (composing them anew is a good part of their cost)
# and on first use, when the domain classes are mapped.
@cache
def _count_since() -> Select[int]:
    return select(func.count()).where(
        tickets.c.requester_id == bindparam("user_id"), tickets.c.created_at >= bindparam("since")
    )


@cache
def _user_with_conversation() -> Select[User, Conversation]:
    return (
        select(User, Conversation)
        .outerjoin(
            Conversation,
            and_(
                conversations.c.user_id == users.c.id,
                conversations.c.chat_id == bindparam("chat_id"),
            ),
        )
        .where(users.c.id == bindparam("user_id"))
    )


_SEED_LOCK = 0x6A696E7965_0002  # "jinye" + 2: bringing the memberships in line with the config


# The largest id a ticket can have: the id column is a 32-bit integer on PostgreSQL, and
# a larger number in a query is an error there (SQLite's limit is 64 bits).
_MAX_TICKET_ID = 2**31 - 1


class SqlTicketRepository(SessionRepo):
    async def add(self, ticket: Ticket) -> Ticket:
        self.session.add(ticket)
        await self.session.flush()
        # The number is written with the ticket's next change (its dispatch), not alone.
        ticket.assign_number()
        return ticket

    async def get(self, ticket_id: int, *, for_update: bool = False) -> Ticket | None:
        if not 0 < ticket_id <= _MAX_TICKET_ID:
            return None  # typed or forged: no ticket has it, and the query would fail
        query = select(Ticket).where(tickets.c.id == ticket_id)
        if for_update:
            query = query.with_for_update()
        return (await self.session.execute(query)).scalar_one_or_none()

    async def by_number(self, number: str) -> Ticket | None:
        ticket_id = parse_public_number(number)
        return None if ticket_id is None else await self.get(ticket_id)

    async def add_event(self, event: TicketEvent) -> None:
        self.session.add(event)

    async def add_cycle(self, cycle: TicketCycle) -> None:
        self.session.add(cycle)

    async def events(self, ticket_id: int) -> Sequence[TicketEvent]:
        await self.session.flush()
        query = (
            select(TicketEvent)
            .where(ticket_events.c.ticket_id == ticket_id)
            .order_by(ticket_events.c.id)
        )
        return (await self.session.execute(query)).scalars().all()

    async def created_with(self, user_id: int, key: str, value: str) -> Sequence[Ticket]:
        """The person's tickets whose create event carries `value` under `key` in its data
        (the draft they were filed from), oldest first: all of them, however many the person
        filed since."""
        await self.session.flush()
        query = (
            select(Ticket)
            .join(ticket_events, ticket_events.c.ticket_id == tickets.c.id)
            .where(
                tickets.c.requester_id == user_id,
                ticket_events.c.action == "create",
                ticket_events.c.data[key].as_string() == value,
            )
            .order_by(tickets.c.id)
        )
        return (await self.session.execute(query)).scalars().unique().all()

    async def of_requester(
        self,
        user_id: int,
        limit: int = 10,
        *,
        open_only: bool = False,
        statuses: Collection[Status] | None = None,
    ) -> Sequence[Ticket]:
        query = select(Ticket).where(tickets.c.requester_id == user_id)
        if open_only:
            query = query.where(tickets.c.status.in_(OPEN_STATUSES))
        if statuses is not None:
            query = query.where(tickets.c.status.in_(tuple(statuses)))
        query = query.order_by(tickets.c.id.desc()).limit(limit)
        return (await self.session.execute(query)).scalars().all()

    async def waiting_for(self, user_id: int, limit: int = 20) -> Sequence[Ticket]:
        query = (
            select(Ticket)
            .where(
                tickets.c.requester_id == user_id,
                tickets.c.status == Status.WAITING_REQUESTER,
            )
            .order_by(tickets.c.paused_at.desc(), tickets.c.id.desc())
            .limit(limit)
        )
        return (await self.session.execute(query)).scalars().all()

    async def count_since(self, user_id: int, since: datetime) -> int:
        params = {"user_id": user_id, "since": since}
        return int((await self.session.execute(_count_since(), params)).scalar_one())

    async def due(self, now: datetime, limit: int) -> Sequence[Ticket]:
        query = (
            select(Ticket)
            .where(tickets.c.next_action_at.isnot(None), tickets.c.next_action_at <= now)
            .order_by(tickets.c.next_action_at)
            .limit(limit)
            # FOR NO KEY UPDATE: a step that adds an event or a message to a ticket holds a
            # KEY SHARE lock on it (the foreign key), which FOR UPDATE would skip as taken.
            .with_for_update(skip_locked=True, key_share=True)
        )
        return (await self.session.execute(query)).scalars().all()

    async def open_tickets(self, team_id: str | None = None) -> Sequence[Ticket]:
        query = select(Ticket).where(tickets.c.status.in_(OPEN_STATUSES))
        if team_id is not None:
            query = query.where(tickets.c.team_id == team_id)
        query = query.order_by(tickets.c.team_id, tickets.c.created_at)
        return (await self.session.execute(query)).scalars().all()

    async def callbacks_overdue(self, now: datetime) -> Sequence[Ticket]:
        query = (
            select(Ticket)
            .where(
                tickets.c.callback_due_at.isnot(None),
                tickets.c.callback_due_at <= now,
                tickets.c.callback_at.is_(None),
            )
            .order_by(tickets.c.callback_due_at, tickets.c.id)
        )
        return (await self.session.execute(query)).scalars().all()


class SqlUserRepository(SessionRepo):
    async def get(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def get_with_conversation(
        self, user_id: int, chat_id: int
    ) -> tuple[User | None, Conversation | None]:
        """The person and their conversation in `chat_id`, in one round trip."""
        params = {"user_id": user_id, "chat_id": chat_id}
        row = (await self.session.execute(_user_with_conversation(), params)).first()
        if row is None:
            # Unknown person: look for the conversation on its own, as a step would.
            return None, await self.session.get(Conversation, (chat_id, user_id))
        return row[0], row[1]

    async def add(self, user: User) -> None:
        self.session.add(user)
        await self.session.flush()

    async def add_all(self, new: Sequence[User]) -> None:
        self.session.add_all(new)
        await self.session.flush()

    async def known(self, user_ids: Sequence[int]) -> set[int]:
        if not user_ids:
            return set()
        query = select(users.c.id).where(users.c.id.in_(list(user_ids)))
        return {int(uid) for uid in (await self.session.execute(query)).scalars()}

    async def of_kind(self, kind: Requester) -> Sequence[User]:
        query = select(User).where(users.c.kind == kind).order_by(users.c.id)
        return (await self.session.execute(query)).scalars().all()

    async def without_own_name(self, user_ids: Sequence[int]) -> Sequence[User]:
        if not user_ids:
            return []
        # Every message or press sets the sender's script (`handlers.desk`), and
        # registering their name: neither, and they never wrote to the bot.
        never_wrote = and_(users.c.script.is_(None), users.c.registered_at.is_(None))
        query = select(User).where(
            users.c.id.in_(list(user_ids)), or_(users.c.name == "", never_wrote)
        )
        return (await self.session.execute(query)).scalars().all()

    async def scripts(self, user_ids: Sequence[int]) -> dict[int, Script]:
        """The script of each of these people who has one stored, in one query."""
        if not user_ids:
            return {}
        query = select(users.c.id, users.c.script).where(
            users.c.id.in_(list(user_ids)), users.c.script.is_not(None)
        )
        return {int(uid): script for uid, script in await self.session.execute(query)}


class SqlMembershipRepository(SessionRepo):
    async def of_user(self, user_id: int) -> Sequence[Membership]:
        query = select(Membership).where(memberships.c.user_id == user_id)
        return (await self.session.execute(query)).scalars().all()

    async def of_team(self, team_id: str) -> Sequence[Membership]:
        query = (
            select(Membership).where(memberships.c.team_id == team_id).order_by(memberships.c.id)
        )
        return (await self.session.execute(query)).scalars().all()

    async def supervisors(self) -> Sequence[Membership]:
        query = select(Membership).where(memberships.c.role == Role.SUPERVISOR)
        return (await self.session.execute(query)).scalars().all()

    async def lock_for_config(self) -> None:
        """Until this transaction ends, no other process brings the memberships in line
        with the config (PostgreSQL; SQLite's write transactions are one at a time): bot
        processes starting together would otherwise add the same places twice."""
        if self.dialect == "postgresql":
            await self.session.execute(select(func.pg_advisory_xact_lock(_SEED_LOCK)))

    async def from_config(self) -> Sequence[Membership]:
        query = select(Membership).where(memberships.c.from_config.is_(True))
        return (await self.session.execute(query.order_by(memberships.c.id))).scalars().all()

    async def everyone(self) -> Sequence[Membership]:
        query = select(Membership).order_by(memberships.c.id)
        return (await self.session.execute(query)).scalars().all()

    async def add(self, membership: Membership) -> None:
        self.session.add(membership)
        await self.session.flush()

    async def add_all(self, new: Sequence[Membership]) -> None:
        self.session.add_all(new)
        await self.session.flush()

    async def remove(self, membership: Membership) -> None:
        await self.session.delete(membership)
        await self.session.flush()


class SqlAttachmentRepository(SessionRepo):
    async def add(self, attachment: Attachment) -> None:
        self.session.add(attachment)

    async def of_ticket(self, ticket_id: int) -> Sequence[Attachment]:
        await self.session.flush()
        query = (
            select(Attachment)
            .where(attachments.c.ticket_id == ticket_id)
            .order_by(attachments.c.id)
        )
        return (await self.session.execute(query)).scalars().all()


class SqlConversationRepository(SessionRepo):
    async def get(self, chat_id: int, user_id: int) -> Conversation | None:
        return await self.session.get(Conversation, (chat_id, user_id))

    async def save(self, conversation: Conversation) -> None:
        self.session.add(conversation)
        # JSON columns do not notice in-place changes; always write the data back.
        flag_modified(conversation, "data")

    async def delete(self, chat_id: int, user_id: int) -> None:
        found = await self.get(chat_id, user_id)
        if found is not None:
            await self.session.delete(found)
            await self.session.flush()

    async def delete_expired(self, now: datetime) -> int:
        result = await self.session.execute(
            delete(conversations).where(conversations.c.expires_at < now)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def of_user(self, user_id: int) -> Sequence[Conversation]:
        query = select(Conversation).where(conversations.c.user_id == user_id)
        return (await self.session.execute(query)).scalars().all()

    async def replace_data(self, conversation: Conversation, data: dict[str, Any]) -> bool:
        # A conditional UPDATE, not the object saved for the next flush: that flush may come
        # late (a sweep's batch flushes once, at its end) and writes the copy read before
        # the person's own step committed, its old data under their new flow and step.
        row = conversations.c
        result = await self.session.execute(
            update(conversations)
            .where(
                row.chat_id == conversation.chat_id,
                row.user_id == conversation.user_id,
                row.flow == conversation.flow,
                row.step == conversation.step,
                row.updated_at == conversation.updated_at,
                row.expires_at == conversation.expires_at,
            )
            .values(data=data)
        )
        written = bool(getattr(result, "rowcount", 0))
        if written:  # the session's copy as the row now stands, nothing left to flush
            set_committed_value(conversation, "data", data)
        return written


class SqlInviteRepository(SessionRepo):
    async def add(self, invite: Invite) -> None:
        self.session.add(invite)
        await self.session.flush()

    async def get(self, token: str, *, for_update: bool = False) -> Invite | None:
        query = select(Invite).where(invites.c.token == token)
        if for_update:
            query = query.with_for_update()
        return (await self.session.execute(query)).scalar_one_or_none()

    async def used_by(self, user_id: int) -> Sequence[Invite]:
        """The invites this person joined with."""
        query = select(Invite).where(invites.c.used_by == user_id)
        return (await self.session.execute(query)).scalars().all()

    async def forget(self, invite: Invite) -> None:
        await self.session.delete(invite)
        await self.session.flush()


class SqlTeamChatRepository(SessionRepo):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        # Teams found unbound in this transaction. Most teams are never bound (their chat
        # is the config's), and a step asks for several teams' places several times: the
        # session's identity map answers a bound team without a query, but not an unbound
        # one. Only `bind` adds a row, and it forgets the team here; the unit of work
        # forgets them all when its transaction ends (`forget_unbound`), after which
        # another process may have bound one.
        self._unbound: set[str] = set()

    def forget_unbound(self) -> None:
        self._unbound.clear()

    async def get(self, team_id: str) -> TeamChat | None:
        if team_id in self._unbound:
            return None
        found = await self.session.get(TeamChat, team_id)
        if found is None:
            self._unbound.add(team_id)
        return found

    async def bind(self, binding: TeamChat) -> None:
        self._unbound.discard(binding.team_id)
        await self.session.merge(binding)
        await self.session.flush()

    async def team_of_chat(self, chat_id: int) -> str | None:
        query = select(team_chats.c.team_id).where(team_chats.c.chat_id == chat_id)
        return (await self.session.execute(query)).scalars().first()


class SqlTicketMessageRepository(SessionRepo):
    async def add(self, message: TicketMessage) -> None:
        self.session.add(message)

    async def of_ticket(self, ticket_id: int, *purposes: str) -> Sequence[TicketMessage]:
        await self.session.flush()
        query = select(TicketMessage).where(
            ticket_messages.c.ticket_id == ticket_id,
            ticket_messages.c.purpose.in_(purposes),
        )
        return (await self.session.execute(query.order_by(ticket_messages.c.id))).scalars().all()

    async def of_message(self, chat_id: int, message_id: int) -> Sequence[TicketMessage]:
        """What the bot's message `message_id` in `chat_id` is kept as (a card, a prompt)."""
        await self.session.flush()
        query = select(TicketMessage).where(
            ticket_messages.c.chat_id == chat_id, ticket_messages.c.message_id == message_id
        )
        return (await self.session.execute(query.order_by(ticket_messages.c.id))).scalars().all()

    async def moved(
        self,
        chat_id: int,
        old_message_id: int,
        new: int,
        thread_id: int | None,
        *,
        to_chat: int | None = None,
    ) -> int:
        """A kept message was sent again as message `new`, in forum topic `thread_id` (the
        old one was deleted; with its topic, the new one went to the chat's General topic),
        in chat `to_chat` if given (the old one's group became that supergroup): it is that
        message, in that place, from now on. Returns how many were moved."""
        await self.session.flush()
        place: dict[str, int | None] = {"message_id": new, "thread_id": thread_id}
        if to_chat is not None:
            place["chat_id"] = to_chat
        statement = (
            update(ticket_messages)
            .where(
                ticket_messages.c.chat_id == chat_id,
                ticket_messages.c.message_id == old_message_id,
            )
            .values(**place)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.execute(statement)
        return int(getattr(result, "rowcount", 0) or 0)

    async def forget(self, message: TicketMessage) -> None:
        await self.session.delete(message)
