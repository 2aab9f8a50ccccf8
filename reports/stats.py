"""/stats: a short table of the rates by team for a period, and the chart to go with it.

Text is Simplified Chinese; the handler converts it with to_traditional for 繁體 readers.
The chart is drawn in the reader's script.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.config import Config
from core.enums import Script, Status
from reports import periods
from reports.charts import rates_chart
from reports.labels import duration_text, hundredths, percent
from reports.periods import Window
from reports.rates import GroupRates, RatesReport, compute
from storage.tables import ticket_cycles, tickets
from storage.uow import Database

# A ticket still the team's to do: neither resolved nor ended.
_IN_HAND = tuple(s for s in Status if s.is_open and s is not Status.RESOLVED)


@dataclass(frozen=True, slots=True)
class Stats:
    window: Window
    title: str
    text: str
    chart_png: bytes
    report: RatesReport


def title(cfg: Config, window: Window, now: datetime, whose: str = "") -> str:
    """The report's heading: the bureau's, or `whose` (a leader's own teams)."""
    name = window.called
    running = f"，截至 {now.astimezone(cfg.zone):%m-%d %H:%M}" if now < window.end else ""
    return f"{whose or cfg.bureau} 服务指标 {name}（{window.label}{running}）".replace(" （", "（")


def _line(group: GroupRates, report: RatesReport) -> str:
    composite = group.composite(report.weights)
    score = "—" if composite is None else str(hundredths(composite, 1))
    return (
        f"{group.label}：受理{group.created} 销号{group.closed} 超时{group.overdue}｜"
        f"响应{percent(group.response_rate)} 解决{percent(group.resolution_rate)} "
        f"满意{percent(group.satisfaction_rate)}｜综合{score}"
    )


def text(cfg: Config, report: RatesReport, heading: str, transferred_in: int = 0) -> str:
    """The table as one line per team, which reads well in a chat with CJK widths; with
    the tickets another team received first that `transferred_in` counts, which 受理 (the
    first team's, docs/rates.md) leaves out though the team has them to do."""
    lines = [f"📊 {heading}"]
    held = (
        f"另有转来的在办工单 {transferred_in} 件（受理只计首先收到工单的服务队）。"
        if transferred_in
        else ""
    )
    if not report.groups:
        lines.append(f"本期本队没有计入指标的工单；{held}" if held else "本期没有工单。")
        return "\n".join(lines)
    lines += [_line(row, report) for row in report.table_rows]
    if held:
        lines.append(held)
    total = report.total
    lines.append(
        f"接单用时中位数 {duration_text(total.accept_median)}"
        f"（P90 {duration_text(total.accept_p90)}）；"
        f"办结用时中位数 {duration_text(total.resolve_median)}"
        f"（P90 {duration_text(total.resolve_p90)}）"
    )
    w = report.weights
    lines.append(
        f"综合 = {w.response:g}×响应 + {w.resolution:g}×解决 + {w.satisfaction:g}×满意；"
        f"重开率 {percent(total.reopen_rate)}"
    )
    return "\n".join(lines)


async def compute_stats(
    session: AsyncSession,
    cfg: Config,
    window: Window,
    now: datetime,
    script: Script = Script.HANS,
    teams: frozenset[str] | None = None,
) -> Stats:
    """The /stats report: of every team, or of `teams` only (a leader's own)."""
    report = await compute(session, cfg, window, now, "team", teams=teams)
    whose = "、".join(cfg.team(team).name for team in sorted(teams)) if teams else ""
    heading = title(cfg, window, now, whose)
    held = await transferred_in(session, teams) if teams else 0
    # Drawing takes a few hundred milliseconds of CPU: keep it off the event loop.
    chart = await asyncio.to_thread(rates_chart, report, heading, script)
    return Stats(window, heading, text(cfg, report, heading, held), chart, report)


async def transferred_in(session: AsyncSession, teams: frozenset[str]) -> int:
    """The tickets `teams` have in hand now that another team received first (transferred
    or reassigned to them): a leader's /stats names them, as its 受理 does not."""
    t, p = tickets.c, ticket_cycles.c
    # Received first elsewhere: the cycle that began at its submission was another team's.
    first_elsewhere = exists().where(
        p.ticket_id == t.id, p.started_at == t.created_at, p.team_id.not_in(sorted(teams))
    )
    query = select(func.count()).where(
        t.team_id.in_(sorted(teams)), t.status.in_(_IN_HAND), first_elsewhere
    )
    return int((await session.execute(query)).scalar_one())


async def build_stats(
    db: Database,
    cfg: Config,
    period: str,
    now: datetime,
    script: Script = Script.HANS,
    teams: frozenset[str] | None = None,
) -> Stats:
    """What /stats [today|week|month|...] answers; raises periods.PeriodError on bad input."""
    window = periods.parse(period, now, cfg.zone, cfg.curing_season)
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        return await compute_stats(uow.session, cfg, window, now, script, teams)
