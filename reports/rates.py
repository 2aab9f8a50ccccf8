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
from storage.tables import tickets

t = tickets.c
__all__ = ["GroupRates", "RatesReport", "compute", "percentile"]


def _key(by: GroupBy) -> ColumnElement[Any]:
    columns = {"team": t.team_id, "line": t.line, "area": t.area, "kind": t.kind}
    return columns[by] if by != "all" else literal("all")


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _counts(window: Window, now: datetime) -> dict[str, ColumnElement[bool]]:
    # Up to the cutoff: a report as of an earlier time (`report --as-of`) counts nothing
    # that happened after it, as one made then would not have (nothing has, for a report
    # made now).
    s, cut = window.start, window.cutoff(now)
    happened = partial(_happened, window, now)
    closed = happened(t.closed_at)
    crossed_off = and_(closed, x.closed_resolved)
    accept_due = x.within(t.accept_due_at, s, cut)
    resolve_due = x.within(t.resolve_due_at, s, cut)
    rated = and_(happened(t.rated_at), t.rating.isnot(None))
    return {
        "created": happened(t.created_at),
        # crossed off (销号): closed after a resolution, as the ledger's 销号 column says (a
        # ticket closed for want of the requester's answer was never done): the volume that
        # is also the resolution rate's numerator
        "closed": crossed_off,
        "cancelled": happened(t.cancelled_at),
        "response_due": and_(accept_due, x.not_withdrawn(now)),
        "responded_on_time": and_(accept_due, x.not_withdrawn(now), x.responded_on_time),
        "resolved": crossed_off,
        # past the resolve deadline and still not closed at the cutoff; one resolved in
        # time waits for the requester's word, not for the team (it counts once closed)
        "stuck": and_(
            resolve_due,
            x.not_withdrawn(now),
            or_(t.closed_at.is_(None), t.closed_at >= cut),
            not_(x.waiting_since_before(t.resolve_due_at)),
            not_(x.resolved_in_time),
        ),
        "rated": rated,
        "satisfied": and_(rated, t.rating >= 5),
        "basically_satisfied": and_(rated, t.rating == 4),
        "overdue": or_(
            and_(accept_due, x.accept_late(now)), and_(resolve_due, x.resolve_late(now))
        ),
        "closed_after_reopen": and_(crossed_off, t.reopen_count > 0),
    }


def _happened(window: Window, now: datetime, column: ColumnElement[Any]) -> ColumnElement[bool]:
    """In the window, and by `now` (its moment included: a ticket filed this second counts)."""
    return and_(x.within(column, window.start, window.end), column <= now)


def _touches(window: Window) -> ColumnElement[bool]:
    """Tickets with anything in the window; the aggregates sort out which counts they feed."""
    s, e = window.start, window.end
    columns = (t.created_at, t.accept_due_at, t.resolve_due_at, t.closed_at, t.cancelled_at,
               t.rated_at, t.accepted_at, t.resolved_at)  # fmt: skip
    return or_(*(x.within(column, s, e) for column in columns))


def _key_text(value: object) -> str:
    return str(getattr(value, "value", value) or "")


def _of(teams: frozenset[str] | None) -> ColumnElement[bool]:
    """The tickets `teams` hold (every ticket when None)."""
    return t.team_id.in_(sorted(teams)) if teams is not None else true()


async def _aggregate(
    session: AsyncSession,
    window: Window,
    now: datetime,
    by: GroupBy,
    teams: frozenset[str] | None = None,
) -> dict[str, dict[str, int]]:
    key = _key(by).label("key")
    counts = _counts(window, now)
    query = select(key, *(_count(cond).label(name) for name, cond in counts.items()))
    query = query.where(_touches(window), _of(teams))
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
    key = _key(by).label("key")
    found: list[dict[str, list[float]]] = []
    for start, end in ((t.dispatched_at, t.accepted_at), (x.resolve_clock_start(), t.resolved_at)):
        seconds = x.seconds_between(start, end).label("seconds")
        query = (
            select(key, seconds)
            .where(_happened(window, now, end), start.isnot(None), _of(teams))
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
