"""/stats text and chart, and the Monday weekly report built from last week's tickets."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.config import Config
from core.enums import Action, Role, WishOutcome
from core.model import Membership, User
from reports.periods import PeriodError
from reports.stats import build_stats
from reports.weekly import build_weekly, recipients
from storage.uow import Database
from tests.integration.reports.dataset import AFTER, WISH, act, build, m
from tests.support.tickets import FARMER, T0, new_ticket

MONDAY = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)  # 08:30 on the Monday after
STAFF_MEMBER = 200081


async def test_stats_text_for_the_day(db: Database, demo_config: Config) -> None:
    await build(db, demo_config)
    stats = await build_stats(db, demo_config, "2026-11-18", AFTER)
    lines = stats.text.splitlines()
    assert lines[0] == "📊 青山县烟草专卖局（营销部） 服务指标（2026-11-18）"
    assert lines[1:4] == [
        "青山镇烘烤110服务队：受理6 销号4 超时2｜响应67% 解决80% 满意48%｜综合65.7",
        "白石乡烘烤110服务队：受理2 销号2 超时0｜响应100% 解决100% 满意95%｜综合98.0",
        "合计：受理8 销号6 超时2｜响应71% 解决86% 满意63%｜综合75.3",
    ]
    # Accepts of 2, 3, 5, 5, 5 and 20 minutes: the P90 is 12.5 minutes, rounded half up.
    assert lines[4] == "接单用时中位数 5分钟（P90 13分钟）；办结用时中位数 1小时（P90 3小时44分钟）"
    assert stats.chart_png.startswith(b"\x89PNG")


async def test_a_running_week_says_up_to_when(db: Database, demo_config: Config) -> None:
    stats = await build_stats(db, demo_config, "week", T0)
    assert stats.title.endswith("本周（2026-11-16 至 2026-11-22，截至 11-18 09:00）")
    assert stats.text.splitlines()[1] == "本期没有工单。"
    with pytest.raises(PeriodError):
        await build_stats(db, demo_config, "fortnight", T0)


async def test_weekly_report_covers_last_week(
    db: Database, demo_config: Config, tmp_path: Path
) -> None:
    await build(db, demo_config)
    report = await build_weekly(db, demo_config, MONDAY)
    assert (report.window.first_day.isoformat(), report.window.last_day.isoformat()) == (
        "2026-11-16",
        "2026-11-22",
    )
    assert "青山镇烘烤110服务队：受理6" in report.text
    assert report.chart_png.startswith(b"\x89PNG")
    book = load_workbook(io.BytesIO(report.xlsx))
    # the week also holds J (created on the 17th, the day before the constructed day)
    assert book["台账"].max_row == 2 + 9  # its title, its header, its tickets
    assert report.xlsx_name == "台账_2026-11-16_2026-11-22.xlsx"
    assert report.echo_summary is not None and "共办结 6 件" in report.echo_summary
    chart, workbook = report.save(tmp_path / "weekly")
    assert chart.read_bytes() == report.chart_png and workbook.name == report.xlsx_name


async def test_weekly_recipients_are_config_and_invited_supervisors(
    db: Database, demo_config: Config
) -> None:
    async with db.uow() as uow:
        for user_id in (300009, 200001):
            await uow.users.add(User(user_id, T0))
        await uow.flush()
        await uow.memberships.add(Membership(300009, Role.SUPERVISOR, T0))
        await uow.memberships.add(Membership(200001, Role.MEMBER, T0, team_id="curing-qingshan"))
        await uow.commit()
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        assert await recipients(uow.session, demo_config) == [300001, 300009]


async def test_weekly_report_says_how_the_wishes_crossed_off_ended(
    db: Database, demo_config: Config
) -> None:
    """A wish answered as not to be granted is crossed off, not counted as granted."""
    granted = await new_ticket(db, demo_config, now=m(180), text="食堂增加早餐", **WISH)
    declined = await new_ticket(db, demo_config, now=m(185), text="宿舍换空调", **WISH)
    await new_ticket(db, demo_config, now=m(190), text="组织一次体检", **WISH)
    for ticket, outcome in ((granted, None), (declined, WishOutcome.DECLINED)):
        await act(db, demo_config, ticket, Action.ACCEPT, STAFF_MEMBER, m(200))
        await act(db, demo_config, ticket, Action.RESOLVE, STAFF_MEMBER, m(210), "已答复", outcome)
        await act(db, demo_config, ticket, Action.CONFIRM, FARMER, m(220))
    report = await build_weekly(db, demo_config, MONDAY)
    assert report.text.splitlines()[-1] == (
        "心愿清单：已销号 2/3，其中已实现 1、部分实现 0、无法实现 1"
    )
