"""A ledger's titles name the period as /stats does: /ledger 本周 was titled 台账
2026-11-16 至 2026-11-22, while /ledger 近7天 read 台账 近7天 … and /stats 本周 said 本周（…）."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from core.config import Config
from core.enums import Script
from reports import periods
from reports.ledger import load
from reports.ledger_files import xlsx
from reports.stats import title as stats_title
from storage.uow import Database
from tests.integration.reports.dataset import AFTER

DAYS = "2026-11-16 至 2026-11-22"  # the week holding AFTER (Thursday 2026-11-19)


async def _book(db: Database, cfg: Config, typed: str, script: Script) -> list[str]:
    """The title line of each sheet and its printed page's heading."""
    window = periods.parse(typed, AFTER, cfg.zone, cfg.curing_season)
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        ledger = await load(uow.session, cfg, window, AFTER)
    book = load_workbook(io.BytesIO(xlsx(ledger, script)))
    return [line for sheet in book for line in (sheet["A1"].value, sheet.oddHeader.center.text)]


async def test_this_weeks_ledger_is_titled_this_week_as_stats_says_it(
    db: Database, demo_config: Config
) -> None:
    window = periods.parse("本周", AFTER, demo_config.zone)
    assert f"服务指标 本周（{DAYS}" in stats_title(demo_config, window, AFTER)
    bureau = demo_config.bureau
    lines = await _book(db, demo_config, "本周", Script.HANS)
    assert lines[0].startswith(f"{bureau} 台账 本周 {DAYS}（截至 ")
    assert lines[1] == f"{bureau} 台账 本周 {DAYS}"
    assert lines[2] == f"{bureau} 台账汇总 本周 {DAYS}"
    assert lines[4].startswith(f"{bureau} 心愿清单 本周 {DAYS}（截至 ")


async def test_this_weeks_ledger_is_titled_this_week_in_traditional(
    db: Database, demo_config: Config
) -> None:
    lines = await _book(db, demo_config, "本週", Script.HANT)
    assert lines[0].startswith(f"青山縣菸草專賣局（營銷部） 臺賬 本週 {DAYS}（截至 ")
    assert lines[2] == f"青山縣菸草專賣局（營銷部） 臺賬彙總 本週 {DAYS}"


async def test_last_months_ledger_is_titled_as_stats_names_it(
    db: Database, demo_config: Config
) -> None:
    lines = await _book(db, demo_config, "上个月", Script.HANS)
    assert lines[1] == f"{demo_config.bureau} 台账 上月 2026-10-01 至 2026-10-31"


async def test_days_typed_as_dates_are_titled_by_their_dates_alone(
    db: Database, demo_config: Config
) -> None:
    lines = await _book(db, demo_config, "11-16到11-18", Script.HANS)
    assert lines[1] == f"{demo_config.bureau} 台账 2026-11-16 至 2026-11-18"
