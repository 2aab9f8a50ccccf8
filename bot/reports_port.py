"""Gives the desk's supervisor commands what they need from reports/."""

from __future__ import annotations

from datetime import datetime

from core.config import Config
from core.enums import Script
from reports import ledger_files, periods
from reports.stats import build_stats
from storage.uow import Database


class Reports:
    """The ReportMaker the desk calls for /stats and /ledger."""

    def __init__(self, db: Database, cfg: Config) -> None:
        self.db = db
        self.cfg = cfg

    async def stats(
        self, period: str, now: datetime, script: Script, teams: frozenset[str] | None = None
    ) -> tuple[str, bytes]:
        stats = await build_stats(self.db, self.cfg, period, now, script, teams)
        # A period without tickets says so in words; a blank chart would add nothing.
        return stats.text, stats.chart_png if stats.report.groups else b""

    async def ledger(
        self, period: str, now: datetime, script: Script, *, keeper: bool = True
    ) -> tuple[str, bytes, int, bool, bool]:
        window = periods.parse(period, now, self.cfg.zone, self.cfg.curing_season)
        return await ledger_files.export(
            self.db, self.cfg, window, now, "xlsx", script, keeper=keeper
        )
