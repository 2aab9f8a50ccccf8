"""Gives the desk's supervisor commands what they need from reports/."""

from __future__ import annotations

import asyncio
import importlib
from datetime import datetime
from types import ModuleType

from core.config import Config
from core.enums import Script
from reports import periods
from storage.uow import Database


async def _loaded(name: str) -> ModuleType:
    """The report module `name`, imported on first use in a worker thread: the charts and
    spreadsheets pull in matplotlib and openpyxl, a second or more that every start (and
    every restart after a crash) would otherwise make a farmer's 110 call wait for, and
    that the first /stats or /ledger should not spend with the event loop stopped."""
    return await asyncio.to_thread(importlib.import_module, name)


class Reports:
    """The ReportMaker the desk calls for /stats and /ledger."""

    def __init__(self, db: Database, cfg: Config) -> None:
        self.db = db
        self.cfg = cfg

    async def stats(
        self, period: str, now: datetime, script: Script, teams: frozenset[str] | None = None
    ) -> tuple[str, bytes]:
        stats_module = await _loaded("reports.stats")
        stats = await stats_module.build_stats(self.db, self.cfg, period, now, script, teams)
        # A period without tickets says so in words; a blank chart would add nothing.
        return stats.text, stats.chart_png if stats.report.groups else b""

    async def ledger(
        self, period: str, now: datetime, script: Script, *, keeper: bool = True
    ) -> tuple[str, bytes, int, bool, bool, int]:
        window = periods.parse(period, now, self.cfg.zone, self.cfg.curing_season)
        ledger_files = await _loaded("reports.ledger_files")
        exported: tuple[str, bytes, int, bool, bool, int] = await ledger_files.export(
            self.db, self.cfg, window, now, "xlsx", script, keeper=keeper
        )
        return exported
