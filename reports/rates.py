"""The three rates (响应率, 解决率, 满意率), the composite and the time figures, per group.

Counting and grouping happen in one SQL statement of conditional aggregates; the durations
come back from SQL already ordered, and only the percentile is picked in Python (SQLite has
no percentile function). Definitions: docs/rates.md and reports/sqlexpr.py.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, not_, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from core.config import Config
from reports import sqlexpr as x
from reports.figures import GroupRates, RatesReport, percentile
from reports.labels import GroupBy, group_label, group_order
from reports.periods import Window

__all__ = ["GroupRates", "RatesReport", "compute", "percentile"]


def _key(c: x.Columns, by: GroupBy) -> ColumnElement[Any]:
    columns = {"team": c.team_id, "line": c.line, "area": c.area, "kind": c.kind}
    return columns[by] if by != "all" else literal("all")


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _count_tickets(c: x.Columns, condition: ColumnElement[bool]) -> ColumnElement[int]:
    """The tickets with a cycle that meets `condition`, each once."""
    return func.count(func.distinct(case((condition, c.ticket_id))))


def _counts(c: x.Columns, window: Window, now: datetime) -> dict[str, ColumnElement[bool]]:
    # Up to the cutoff: a report as of an earlier time (`report --as-of`) counts nothing
    # that happened after it, as one made then would not have (nothing has, for a report
    # made now). A period's tickets are judged as they stood at its cutoff: one withdrawn
    # after it still counts with the deadlines it had missed by then.
    s, cut = window.start, window.cutoff(now)
    happened = partial(_happened, window, now)
    closed = happened(c.closed_at)
    crossed_off = and_(closed, x.closed_resolved(c))
    # A deadline still to come in a running period is judged already when the team has
    # answered (on time, it cannot be otherwise): a ticket accepted at once reads in the
    # response rate now, not as "—" until its deadline passes.
    answered = and_(x.within(c.accept_due_at, s, window.end), c.responded_at <= cut)
    accept_due = and_(or_(x.within(c.accept_due_at, s, cut), answered), x.response_judged(c))
    resolve_due = x.within(c.resolve_due_at, s, cut)
    rated = and_(happened(c.rated_at), c.rating.isnot(None))
    kept_on = x.not_withdrawn(c, cut)
    return {
        "created": happened(c.created_at),
        # crossed off (销号): closed after a resolution, as the ledger's 销号 column says (a
        # ticket closed for want of the requester's answer was never done): the volume that
        # is also the resolution rate's numerator
        "closed": crossed_off,
        "cancelled": happened(c.cancelled_at),
        "response_due": and_(accept_due, kept_on),
        "responded_on_time": and_(accept_due, kept_on, x.responded_on_time(c)),
        "resolved": crossed_off,
        # past the resolve deadline and still not closed at the cutoff, for the cycle that
        # had the ticket when the deadline fell; one resolved in time waits for the
        # requester's word, not for the team (it counts once closed)
        "stuck": and_(
            resolve_due,
            x.resolve_judged(c),
            kept_on,
            not_(x.settled_by(c, cut)),
            not_(x.waiting_since_before(c, c.resolve_due_at)),
            not_(x.resolved_in_time(c)),
        ),
        "rated": rated,
        "satisfied": and_(rated, c.rating >= 5),
        "basically_satisfied": and_(rated, c.rating == 4),
        "overdue": or_(
            and_(accept_due, x.accept_late(c, now)),
            and_(resolve_due, x.resolve_late(c, now)),
        ),
        "closed_after_reopen": and_(crossed_off, c.reopen_count > 0),
    }


# Counted once per ticket, however many of its cycles missed a deadline or were crossed
# off (one closed, reopened and closed again in the period is one ticket crossed off).
_PER_TICKET = frozenset({"overdue", "closed", "resolved", "closed_after_reopen"})


def _happened(window: Window, now: datetime, column: ColumnElement[Any]) -> ColumnElement[bool]:
    """In the window, and by `now` (its moment included: a ticket filed this second counts)."""
    return and_(x.within(column, window.start, window.end), column <= now)


def _touches(c: x.Columns, window: Window) -> ColumnElement[bool]:
    """Cycles with anything in the window; the aggregates sort out which counts they feed."""
    s, e = window.start, window.end
    columns = (c.created_at, c.accept_due_at, c.resolve_due_at, c.closed_at, c.cancelled_at,
               c.rated_at, c.accepted_at, c.resolved_at)  # fmt: skip
    return or_(*(x.within(column, s, e) for column in columns))


def _key_text(value: object) -> str:
    return str(getattr(value, "value", value) or "")


def _of(c: x.Columns, teams: frozenset[str] | None) -> ColumnElement[bool]:
    """The cycles `teams` held (every one when None)."""
    return c.team_id.in_(sorted(teams)) if teams is not None else true()


async def _aggregate(
    session: AsyncSession,
    window: Window,
    now: datetime,
    by: GroupBy,
    teams: frozenset[str] | None = None,
) -> dict[str, dict[str, int]]:
    c = x.cycles().c
    key = _key(c, by).label("key")
    counts = _counts(c, window, now)
    query = select(
        key,
        *(
            (_count_tickets(c, cond) if name in _PER_TICKET else _count(cond)).label(name)
            for name, cond in counts.items()
        ),
    )
    query = query.where(_touches(c, window), _of(c, teams))
    if by != "all":
        query = query.group_by(key)
    rows = (await session.execute(query)).mappings().all()
    return {_key_text(r["key"]): {n: int(r[n]) for n in counts} for r in rows}


async def _durations(
    session: AsyncSession,
    window: Window,
    now: datetime,
    by: GroupBy,
    teams: frozenset[str] | None = None,
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    c = x.cycles(timed=True).c
    key = _key(c, by).label("key")
    found: list[dict[str, list[float]]] = []
    for start, end in ((c.dispatched_at, c.accepted_at), (c.resolve_start, c.resolved_at)):
        seconds = x.seconds_between(start, end).label("seconds")
        query = (
            select(key, seconds)
            .where(_happened(window, now, end), start.isnot(None), _of(c, teams))
            .order_by(key, seconds)
        )
        lists: dict[str, list[float]] = defaultdict(list)
        for row in (await session.execute(query)).all():
            lists[_key_text(row.key)].append(float(round(row.seconds)))
        found.append(lists)
    return found[0], found[1]


async def compute(
    session: AsyncSession,
    cfg: Config,
    window: Window,
    now: datetime,
    by: GroupBy = "team",
    *,
    include_empty: bool = False,
    teams: frozenset[str] | None = None,
) -> RatesReport:
    """The rates of every group (in the config's order) and of everything together; of
    the tickets of `teams` only, when given (a leader's own teams)."""
    groups = await _groups(session, cfg, window, now, by, teams)
    overall = await _groups(session, cfg, window, now, "all", teams)
    rows = [groups[k] for k in _ordered(cfg, by, groups)]
    if not include_empty:
        rows = [row for row in rows if row.active]
    total = overall.get("all") or GroupRates("all", group_label(cfg, "all", None))
    return RatesReport(window, by, now, cfg.rates, rows, total)


async def _groups(
    session: AsyncSession,
    cfg: Config,
    window: Window,
    now: datetime,
    by: GroupBy,
    teams: frozenset[str] | None = None,
) -> dict[str, GroupRates]:
    counts = await _aggregate(session, window, now, by, teams)
    accepts, resolves = await _durations(session, window, now, by, teams)
    keys = set(counts) | set(accepts) | set(resolves)
    if by != "all":
        keys |= {k for k in group_order(cfg, by) if teams is None or by != "team" or k in teams}
    out: dict[str, GroupRates] = {}
    for key in keys:
        row = GroupRates(key, group_label(cfg, by, key or None))
        values = dict(counts.get(key, {}))
        stuck = values.pop("stuck", 0)
        for name, value in values.items():
            setattr(row, name, value)
        row.resolution_due = row.resolved + stuck
        row.accept_seconds = accepts.get(key, [])
        row.resolve_seconds = resolves.get(key, [])
        out[key] = row
    return out


def _ordered(cfg: Config, by: GroupBy, groups: dict[str, GroupRates]) -> list[str]:
    known = [k for k in group_order(cfg, by) if k in groups]
    return known + sorted(k for k in groups if k not in known)
