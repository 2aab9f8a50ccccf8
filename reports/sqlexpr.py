"""SQL building blocks shared by the rates and the ledger, portable to SQLite and PostgreSQL.

Every definition of "on time", "overdue" and "withdrawn" lives here once, as a SQLAlchemy
Core expression, so the ledger's 超时 column and the /stats overdue count cannot disagree.
docs/rates.md states the same definitions in words.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Float, and_, bindparam, func, not_, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from storage.tables import ticket_events, tickets
from storage.types import UTCDateTime

t = tickets.c


class seconds_between(FunctionElement[float]):  # lower case: it reads as the SQL function
    """seconds_between(start, end): end - start in seconds, as a float, on either backend."""

    type = Float()
    name = "seconds_between"
    inherit_cache = True


@compiles(seconds_between)
def _seconds_postgresql(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"CAST(EXTRACT(EPOCH FROM ({end} - {start})) AS DOUBLE PRECISION)"


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite keeps datetimes as ISO text; julianday() reads it with fractional seconds.
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"((julianday({end}) - julianday({start})) * 86400.0)"


def at(when: datetime, name: str) -> ColumnElement[datetime]:
    """A bound aware datetime, stored the way the columns store theirs."""
    return bindparam(name, when, type_=UTCDateTime())


def within(column: ColumnElement[Any], start: datetime, end: datetime) -> ColumnElement[bool]:
    """start <= column < end (NULL is never within)."""
    return and_(column >= start, column < end)


def not_withdrawn(now: datetime) -> ColumnElement[bool]:
    """Not ended without a resolution by `now`: cancelled, or closed because the requester
    never answered (expired). Such tickets measure the requester's choice, not the team's
    work; one withdrawn after `now` (a report as of an earlier time) was not yet."""
    cancelled = and_(t.cancelled_at.isnot(None), t.cancelled_at <= now)
    expired = and_(t.closed_at.isnot(None), t.closed_at <= now, t.resolved_at.is_(None))
    return not_(or_(cancelled, expired))


# The team's first answer: accepting it, or asking the requester for details straight away
# (the ticket then waits with its clock stopped at paused_at), or resolving it from there.
responded_at = func.coalesce(t.accepted_at, t.paused_at, t.resolved_at)
responded_on_time = responded_at <= t.accept_due_at

# Resolved at or before the resolve deadline (in this cycle: a reopening clears it).
resolved_in_time = and_(t.resolved_at.isnot(None), t.resolved_at <= t.resolve_due_at)

# Closed (销号) after a resolution: confirmed, closed by a supervisor, or auto-closed
# because the requester did not reply.
closed_resolved = and_(t.closed_at.isnot(None), t.resolved_at.isnot(None))


def accept_late(now: datetime) -> ColumnElement[bool]:
    """Accepted after the accept deadline, or not accepted and the deadline has passed.

    A ticket waiting for the requester has its clock stopped at paused_at (an answer moves
    the deadlines on), so it is judged there.
    """
    ended = func.coalesce(
        t.accepted_at, t.paused_at, t.resolved_at, t.closed_at, t.cancelled_at,
        at(now, "late_now_a"),
    )  # fmt: skip
    return and_(t.accept_due_at.isnot(None), t.accept_due_at < ended)


def resolve_late(now: datetime) -> ColumnElement[bool]:
    """Resolved after the resolve deadline, or not resolved and the deadline has passed."""
    ended = func.coalesce(
        t.resolved_at, t.paused_at, t.closed_at, t.cancelled_at, at(now, "late_now_r")
    )
    return and_(t.resolve_due_at.isnot(None), t.resolve_due_at < ended)


def waiting_since_before(deadline: ColumnElement[datetime]) -> ColumnElement[bool]:
    """Waiting for the requester since before `deadline`: that deadline is on hold."""
    return and_(t.paused_at.isnot(None), t.paused_at <= deadline)


def overdue(now: datetime) -> ColumnElement[bool]:
    """The ledger's 超时: either deadline was missed, as of `now`."""
    return or_(accept_late(now), resolve_late(now))


def resolve_clock_start() -> ColumnElement[datetime]:
    """Where the time to resolve starts: the ticket's creation, or its last reopening."""
    last_reopen = (
        select(func.max(ticket_events.c.at))
        .where(ticket_events.c.ticket_id == t.id, ticket_events.c.action == "reopen")
        .scalar_subquery()
    )
    return func.coalesce(last_reopen, t.created_at)
