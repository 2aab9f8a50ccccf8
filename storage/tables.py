"""Table definitions and the imperative mapping of core's dataclasses onto them.

The domain classes stay plain dataclasses (core imports no ORM); this module teaches
SQLAlchemy to load and save them. `tickets.version` is the mapper's version counter, so two
writers racing on one ticket cannot both win: the second flush raises StaleDataError.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import registry

from core.enums import Kind, Priority, Requester, Role, Script, Status, WishOutcome
from core.model import (
    Attachment,
    Conversation,
    Invite,
    Membership,
    OutboxMessage,
    ProcessedUpdate,
    TeamChat,
    Ticket,
    TicketCycle,
    TicketEvent,
    TicketMessage,
    User,
)
from storage.types import StrEnumType, UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

users = Table(
    "users",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),
    Column("name", String(64), nullable=False, default=""),
    Column("kind", StrEnumType(Requester), nullable=True),
    Column("phone", String(32), nullable=False, default=""),
    Column("phone_typed", Boolean, nullable=False, default=False, server_default=false()),
    Column("area", String(48), nullable=True),
    Column("site_code", String(48), nullable=True),
    Column("script", StrEnumType(Script), nullable=True),
    Column("script_chosen", Boolean, nullable=False, default=False),
    Column("language_code", String(16), nullable=False, default=""),
    Column("reachable", Boolean, nullable=False, default=True),
    Column("unreachable_since", UTCDateTime, nullable=True),
    Column("private_chat_at", UTCDateTime, nullable=True),
    Column("echo_opt_out", Boolean, nullable=False, default=False),
    Column("registered_at", UTCDateTime, nullable=True),
    Column("shop_name", String(64), nullable=True),
    Column("licence_number", String(16), nullable=True),
    Column("address", String(100), nullable=True),
    Column("shop_reminded_at", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=True),
)

memberships = Table(
    "memberships",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", BigInteger, ForeignKey("users.id"), nullable=False, index=True),
    Column("team_id", String(48), nullable=True, index=True),
    Column("role", StrEnumType(Role), nullable=False),
    Column("on_duty", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("from_config", Boolean, nullable=False, default=False, server_default=false()),
    UniqueConstraint("user_id", "team_id", "role", name="uq_memberships_user_team_role"),
)

tickets = Table(
    "tickets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(16), nullable=True, unique=True),
    Column("kind", StrEnumType(Kind), nullable=False),
    Column("priority", StrEnumType(Priority), nullable=False),
    Column("status", StrEnumType(Status), nullable=False),
    Column("text", Text, nullable=False),
    Column("original_text", Text, nullable=False, default=""),
    Column("script", StrEnumType(Script), nullable=False),
    Column("requester_id", BigInteger, nullable=False, index=True),
    Column("requester_chat_id", BigInteger, nullable=False),
    Column("line", String(48), nullable=False),
    Column("team_id", String(48), nullable=False, index=True),
    Column("area", String(48), nullable=True),
    Column("site_code", String(48), nullable=True),
    Column("lat", Float, nullable=True),
    Column("lon", Float, nullable=True),
    Column("route_explanation", Text, nullable=False, default=""),
    Column("route_confidence", Float, nullable=False, default=0.0),
    Column("route_candidates", JSON, nullable=False, default=list),
    Column("created_at", UTCDateTime, nullable=False, index=True),
    Column("updated_at", UTCDateTime, nullable=True),
    Column("accept_due_at", UTCDateTime, nullable=True),
    Column("resolve_due_at", UTCDateTime, nullable=True),
    Column("team_resolve_due_at", UTCDateTime, nullable=True),
    Column("next_action_at", UTCDateTime, nullable=True),
    Column("escalation_step", Integer, nullable=False, default=0),
    Column("dispatched_at", UTCDateTime, nullable=True),
    Column("accepted_at", UTCDateTime, nullable=True),
    Column("accepted_by", BigInteger, nullable=True),
    Column("on_site_at", UTCDateTime, nullable=True),
    Column("resolved_at", UTCDateTime, nullable=True),
    Column("resolved_by", BigInteger, nullable=True),
    Column("resolution_note", Text, nullable=False, default=""),
    Column("wish_outcome", StrEnumType(WishOutcome), nullable=True),
    Column("closed_at", UTCDateTime, nullable=True),
    Column("closed_without_reply", Boolean, nullable=False, default=False),
    Column("cancelled_at", UTCDateTime, nullable=True),
    Column("paused_at", UTCDateTime, nullable=True),
    Column("resume_status", StrEnumType(Status), nullable=True),
    Column("responded_at", UTCDateTime, nullable=True),
    Column("response_due_at", UTCDateTime, nullable=True),
    Column("reopen_count", Integer, nullable=False, default=0),
    Column("anonymous", Boolean, nullable=False, default=False, server_default=false()),
    Column("rating", SmallInteger, nullable=True),
    Column("rating_comment", Text, nullable=False, default=""),
    Column("rated_at", UTCDateTime, nullable=True),
    # The call-back (回访) a low rating owes: chased by the sweep through `next_action_at`
    # like any other step, so it needs no index of its own.
    Column("callback_due_at", UTCDateTime, nullable=True),
    Column("callback_team", String(48), nullable=True),
    Column("callback_at", UTCDateTime, nullable=True),
    Column("callback_by", BigInteger, nullable=True),
    Column("callback_note", Text, nullable=False, default="", server_default=""),
    Column("version", Integer, nullable=False),
    # The sweep reads only open tickets that are due: this partial index keeps its cost
    # proportional to the due tickets, not to every ticket ever filed.
    Index(
        "ix_tickets_due",
        "next_action_at",
        sqlite_where=Column("next_action_at").isnot(None),
        postgresql_where=Column("next_action_at").isnot(None),
    ),
    Index("ix_tickets_status_team", "status", "team_id"),
)

ticket_events = Table(
    "ticket_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=False, index=True),
    Column("at", UTCDateTime, nullable=False),
    Column("action", String(32), nullable=False),
    Column("actor_id", BigInteger, nullable=True),
    Column("actor_role", StrEnumType(Role), nullable=False),
    Column("from_status", StrEnumType(Status), nullable=True),
    Column("to_status", StrEnumType(Status), nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("data", JSON, nullable=False, default=dict),
)

# A team's past cycles with a ticket (`TicketCycle`): the rates and the ledger count them
# beside the ticket's current one.
ticket_cycles = Table(
    "ticket_cycles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=False, index=True),
    Column("team_id", String(48), nullable=False),
    Column("line", String(48), nullable=False),
    Column("area", String(48), nullable=True),
    Column("kind", StrEnumType(Kind), nullable=False),
    Column("filed_at", UTCDateTime, nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("ended_at", UTCDateTime, nullable=False),
    Column("ended_by", String(32), nullable=False),
    Column("accept_due_at", UTCDateTime, nullable=True),
    Column("resolve_due_at", UTCDateTime, nullable=True),
    Column("responded_at", UTCDateTime, nullable=True),
    Column("accepted_at", UTCDateTime, nullable=True),
    Column("paused_at", UTCDateTime, nullable=True),
    Column("resolved_at", UTCDateTime, nullable=True),
    Column("closed_at", UTCDateTime, nullable=True),
    Column("rating", SmallInteger, nullable=True),
    Column("rated_at", UTCDateTime, nullable=True),
    Column("reopen_count", Integer, nullable=False),
)

attachments = Table(
    "attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("file_id", String(256), nullable=False, default=""),
    Column("file_unique_id", String(128), nullable=False, default=""),
    Column("caption", Text, nullable=False, default=""),
    Column("added_at", UTCDateTime, nullable=False),
    Column("added_by", BigInteger, nullable=True),
)

conversations = Table(
    "conversations",
    metadata,
    Column("chat_id", BigInteger, primary_key=True, autoincrement=False),
    Column("user_id", BigInteger, primary_key=True, autoincrement=False),
    Column("flow", String(32), nullable=False),
    Column("step", String(32), nullable=False),
    Column("data", JSON, nullable=False, default=dict),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False, index=True),
)

processed_updates = Table(
    "processed_updates",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("processed_at", UTCDateTime, nullable=False, index=True),
    # What the step said, shown again if Telegram sends the update again (see
    # `handlers.kept_replies`); emptied once shown, or once Telegram no longer would.
    Column("replies", JSON, nullable=True),
    # The hourly tidy's search: the few still kept, not the whole history.
    Index(
        "ix_processed_updates_kept",
        "processed_at",
        sqlite_where=Column("replies").isnot(None),
        postgresql_where=Column("replies").isnot(None),
    ),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", BigInteger, nullable=False),
    Column("method", String(32), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("priority", SmallInteger, nullable=False, default=1),
    Column("ticket_id", Integer, nullable=True, index=True),
    Column("purpose", String(32), nullable=False, default=""),
    Column("status", String(16), nullable=False, default="pending"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("not_before", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("locked_until", UTCDateTime, nullable=True),
    Column("result_message_id", BigInteger, nullable=True),
    Column("dedup_key", String(128), nullable=True, unique=True),
    # The sender's query: pending rows, urgent first, oldest first.
    Index(
        "ix_outbox_pending",
        "priority",
        "id",
        sqlite_where=Column("status") == "pending",
        postgresql_where=Column("status") == "pending",
    ),
    # The sender's ordering check: is an earlier row of this line pending (storage.outbox_lines)?
    Index(
        "ix_outbox_pending_line",
        "chat_id",
        "ticket_id",
        "id",
        sqlite_where=Column("status") == "pending",
        postgresql_where=Column("status") == "pending",
    ),
)

invites = Table(
    "invites",
    metadata,
    Column("token", String(64), primary_key=True),
    Column("team_id", String(48), nullable=True),
    Column("role", StrEnumType(Role), nullable=False),
    Column("created_by", BigInteger, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_by", BigInteger, nullable=True),
    Column("used_at", UTCDateTime, nullable=True),
)

team_chats = Table(
    "team_chats",
    metadata,
    Column("team_id", String(48), primary_key=True),
    Column("chat_id", BigInteger, nullable=False, index=True),
    Column("bound_by", BigInteger, nullable=False),
    Column("bound_at", UTCDateTime, nullable=False),
    Column("thread_id", BigInteger, nullable=True),
)

ticket_messages = Table(
    "ticket_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=False, index=True),
    Column("chat_id", BigInteger, nullable=False),
    Column("message_id", BigInteger, nullable=False),
    Column("purpose", String(32), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("team_id", String(48), nullable=True),
    Column("thread_id", BigInteger, nullable=True),
    Column("script", StrEnumType(Script), nullable=True),
)

mapper_registry = registry(metadata=metadata)
_mapped = False


def map_domain() -> None:
    """Map core's dataclasses onto the tables, once per process."""
    global _mapped
    if _mapped:
        return
    mapper_registry.map_imperatively(User, users)
    mapper_registry.map_imperatively(Membership, memberships)
    mapper_registry.map_imperatively(Ticket, tickets, version_id_col=tickets.c.version)
    mapper_registry.map_imperatively(TicketEvent, ticket_events)
    mapper_registry.map_imperatively(TicketCycle, ticket_cycles)
    mapper_registry.map_imperatively(Attachment, attachments)
    mapper_registry.map_imperatively(Conversation, conversations)
    mapper_registry.map_imperatively(ProcessedUpdate, processed_updates)
    mapper_registry.map_imperatively(OutboxMessage, outbox)
    mapper_registry.map_imperatively(Invite, invites)
    mapper_registry.map_imperatively(TeamChat, team_chats)
    mapper_registry.map_imperatively(TicketMessage, ticket_messages)
    _mapped = True


map_domain()
