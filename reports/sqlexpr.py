"""SQL building blocks shared by the rates and the ledger, portable to SQLite and PostgreSQL.

Every definition of "on time", "overdue" and "withdrawn" lives here once, as a SQLAlchemy
Core expression over a team's cycle with a ticket (`cycles`), so the ledger's 超时 column
and the /stats overdue count cannot disagree.
docs/rates.md states the same definitions in words.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Subquery,
    and_,
    bindparam,
    case,
    cast,
    exists,
    func,
    not_,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.base import ReadOnlyColumnCollection
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from storage.tables import ticket_cycles, ticket_events, tickets
from storage.types import UTCDateTime

t = tickets.c
# The columns of `cycles()`, which every definition below reads.
Columns = ReadOnlyColumnCollection[str, Any]


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


def not_withdrawn(c: Columns, when: datetime) -> ColumnElement[bool]:
    """Not ended without a resolution by `when`: the ticket cancelled, or closed because the
    requester never answered (expired), or this cycle so closed before a reopening. Such
    tickets measure the requester's choice, not the team's work, in every cycle; one
    withdrawn after `when` (the end of a finished period, or the time of a report as of an
    earlier one) was not yet, and its deadlines count as they stood."""
    cancelled = and_(c.ticket_cancelled_at.isnot(None), c.ticket_cancelled_at <= when)
    expired = and_(
        c.ticket_closed_at.isnot(None), c.ticket_closed_at <= when, c.ticket_resolved_at.is_(None)
    )
    cycle_expired = and_(c.closed_at.isnot(None), c.closed_at <= when, c.resolved_at.is_(None))
    return not_(or_(cancelled, expired, cycle_expired))


def response_judged(c: Columns) -> ColumnElement[bool]:
    """Whether a cycle's response counts: the current one always; a past one if the team
    responded in it or held the ticket past its accept deadline (one sent on before its
    deadline without a word was not late, nor on time)."""
    return or_(c.ended_at.is_(None), c.responded_at.isnot(None), c.ended_at > c.accept_due_at)


def resolve_judged(c: Columns) -> ColumnElement[bool]:
    """Whether the resolve deadline is this cycle's to keep: it fell while the team had the
    ticket (or it resolved it before moving on). A team that gets a ticket after its
    promise passed is not judged on it (the team that had it then is); one that passes a
    ticket on before its deadline hands the promise on."""
    held_then = or_(c.ended_at.is_(None), c.ended_at > c.resolve_due_at, c.resolved_at.isnot(None))
    return and_(c.dispatched_at <= c.resolve_due_at, held_then)


def responded_on_time(c: Columns) -> ColumnElement[bool]:
    """The team's first answer (accepting it, asking the requester for details, resolving
    it, or sending it on) at or before the accept deadline it was measured against then."""
    on_time: ColumnElement[bool] = c.responded_at <= c.accept_due_at
    return on_time


def resolved_in_time(c: Columns) -> ColumnElement[bool]:
    """Resolved at or before the resolve deadline (in this cycle: a reopening clears it)."""
    return and_(c.resolved_at.isnot(None), c.resolved_at <= c.resolve_due_at)


def closed_resolved(c: Columns) -> ColumnElement[bool]:
    """Closed (销号) after a resolution: confirmed, closed by a supervisor, or auto-closed
    because the requester did not reply."""
    return and_(c.closed_at.isnot(None), c.resolved_at.isnot(None))


def settled_by(c: Columns, cut: datetime) -> ColumnElement[bool]:
    """The ticket closed by `cut`: in this cycle (before a reopening), or in its last."""
    closed = func.coalesce(c.closed_at, c.ticket_closed_at)
    return and_(closed.isnot(None), closed < cut)


def accept_late(c: Columns, now: datetime) -> ColumnElement[bool]:
    """Responded after the accept deadline, or not at all and the deadline has passed by
    `now` (while the team had it, for a past cycle)."""
    ended = func.coalesce(
        c.responded_at, c.closed_at, c.cancelled_at, c.ended_at, at(now, "late_now_a")
    )
    return and_(
        c.accept_due_at.isnot(None),
        c.accept_due_at < at(now, "late_due_a"),
        c.accept_due_at < ended,
        response_judged(c),
    )


def resolve_late(c: Columns, now: datetime) -> ColumnElement[bool]:
    """Resolved after the resolve deadline, or not resolved and the deadline has passed by
    `now`. A ticket waiting for the requester has its clock stopped at paused_at, so it is
    judged there; what ends the wait (an answer, 上门, 办结, a move) gives the deadline the
    time waited (`core.sla.adjust_deadlines`), one not yet missed when the team asked."""
    ended = func.coalesce(
        c.resolved_at, c.paused_at, c.closed_at, c.cancelled_at, c.ended_at,
        at(now, "late_now_r"),
    )  # fmt: skip
    return and_(
        c.resolve_due_at.isnot(None),
        c.resolve_due_at < at(now, "late_due_r"),
        c.resolve_due_at < ended,
        resolve_judged(c),
    )


def waiting_since_before(c: Columns, deadline: ColumnElement[datetime]) -> ColumnElement[bool]:
    """Waiting for the requester since before `deadline`: that deadline is on hold."""
    return and_(c.paused_at.isnot(None), c.paused_at <= deadline)


def overdue(c: Columns, now: datetime) -> ColumnElement[bool]:
    """The ledger's 超时: either deadline of the cycle was missed, as of `now`."""
    return or_(accept_late(c, now), resolve_late(c, now))


def cycles(filed_in: tuple[datetime, datetime] | None = None, *, timed: bool = False) -> Subquery:
    """Every cycle a team had a ticket in, one row each, under the same column names: the
    tickets' current cycles (`ended_at` NULL) and their past ones (`ticket_cycles`), each
    with how the ticket itself ended (`ticket_…`). Only the current row carries the
    ticket's cancellation, and the first cycle its submission (`created_at`); only tickets
    filed in `filed_in` when given. `resolve_start` (where the time to resolve starts) only
    when `timed`: it costs a look at the audit trail per row."""
    no_time = cast(null(), UTCDateTime())
    p = ticket_cycles.c
    current_start: ColumnElement[datetime] = no_time
    past_start: ColumnElement[datetime] = no_time
    if timed:
        last_reopen = select(func.max(ticket_events.c.at)).where(
            ticket_events.c.ticket_id == t.id, ticket_events.c.action == "reopen"
        )
        reopened_before = select(func.max(ticket_events.c.at)).where(
            ticket_events.c.ticket_id == p.ticket_id,
            ticket_events.c.action == "reopen",
            ticket_events.c.at < p.ended_at,
        )
        current_start = func.coalesce(last_reopen.scalar_subquery(), t.created_at)
        past_start = func.coalesce(reopened_before.scalar_subquery(), p.filed_at)
    # The submission counts for the team that received it: the first cycle, kept or current.
    first_kept = exists().where(p.ticket_id == t.id, p.started_at == t.created_at)
    current = select(
        t.id.label("ticket_id"), t.team_id, t.line, t.area, t.kind,
        case((first_kept, no_time), else_=t.created_at).label("created_at"), t.dispatched_at,
        func.coalesce(t.response_due_at, t.accept_due_at).label("accept_due_at"),
        t.resolve_due_at, t.responded_at, t.accepted_at, t.paused_at, t.resolved_at,
        t.closed_at, t.cancelled_at, t.rating, t.rated_at, t.reopen_count,
        no_time.label("ended_at"),
        t.closed_at.label("ticket_closed_at"), t.resolved_at.label("ticket_resolved_at"),
        t.cancelled_at.label("ticket_cancelled_at"),
        current_start.label("resolve_start"),
    )  # fmt: skip
    now_of = tickets.alias("now_of")  # the ticket as it is, beside each of its past cycles
    past = select(
        p.ticket_id, p.team_id, p.line, p.area, p.kind,
        case((p.started_at == p.filed_at, p.filed_at), else_=no_time), p.started_at,
        p.accept_due_at,
        p.resolve_due_at, p.responded_at, p.accepted_at, p.paused_at, p.resolved_at,
        p.closed_at, no_time, p.rating, p.rated_at, p.reopen_count,
        p.ended_at,
        now_of.c.closed_at, now_of.c.resolved_at, now_of.c.cancelled_at,
        past_start,
    ).join_from(ticket_cycles, now_of, now_of.c.id == p.ticket_id)  # fmt: skip
    if filed_in is not None:
        current = current.where(within(t.created_at, *filed_in))
        past = past.where(within(p.filed_at, *filed_in))
    return union_all(current, past).subquery("cycles")
