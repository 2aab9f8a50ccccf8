"""/stats: a short table of the rates by team for a period, and the chart to go with it.

Text is Simplified Chinese; the handler converts it with to_traditional for 繁體 readers.
The chart is drawn in the reader's script.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from core.config import Config
from core.enums import Script
from reports import periods
from reports.charts import rates_chart
from reports.labels import duration_text, hundredths, percent
from reports.periods import Window
from reports.rates import GroupRates, RatesReport, compute
from storage.uow import Database


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


def text(cfg: Config, report: RatesReport, heading: str) -> str:
    """The table as one line per team, which reads well in a chat with CJK widths."""
    lines = [f"📊 {heading}"]
    if not report.groups:
        lines.append("本期没有工单。")
        return "\n".join(lines)
    lines += [_line(row, report) for row in report.table_rows]
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
    # Drawing takes a few hundred milliseconds of CPU: keep it off the event loop.
    chart = await asyncio.to_thread(rates_chart, report, heading, script)
    return Stats(window, heading, text(cfg, report, heading), chart, report)


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
