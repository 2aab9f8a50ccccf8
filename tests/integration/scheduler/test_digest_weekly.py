"""The 08:00 digest for supervisors and team leaders, and the Monday weekly report."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.scheduler_wiring import WeeklyFromReports
from core.config import Config
from core.enums import Action, Kind, Role
from core.model import Membership, User
from scheduler.digest import send_digest
from scheduler.weekly import send_weekly
from storage.uow import Database
from tests.integration.scheduler.clockwork import (
    ORDERING_REQUEST,
    SUPERVISOR,
    FakeWeekly,
    act,
    at,
    outbox_rows,
    seed_staff,
)
from tests.support.config_edits import with_team_changed
from tests.support.tickets import new_ticket

NEW_SUPERVISOR = 300009
REST_DAY = "今天休息日：只列24小时值守服务队的工单和紧急工单。"
LEGEND = "（当前超时：此刻仍未接单或未办结、已过时限的件数，不是 /stats 的期间超时件数）"
MONOPOLY = {
    **ORDERING_REQUEST,
    "line": "monopoly",
    "team_id": "monopoly",
    "text": "许可证延续怎么办",
}


async def test_the_morning_digest_by_team_with_the_worst_items(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    # due Mon 11:00
    late = await new_ticket(db, cfg, now=at("2026-11-16 09:00"), **ORDERING_REQUEST)
    await new_ticket(db, cfg, now=at("2026-11-17 16:00"), **ORDERING_REQUEST)  # due today 09:00
    working = await new_ticket(db, cfg, now=at("2026-11-17 09:00"), **MONOPOLY)
    assert working.id is not None
    await act(db, cfg, working.id, Action.ACCEPT, 200051, at("2026-11-17 09:10"))  # due Fri
    done = await new_ticket(db, cfg, now=at("2026-11-17 20:00"))  # 110, resolved
    assert done.id is not None
    await act(db, cfg, done.id, Action.ACCEPT, 200001, at("2026-11-17 20:05"))
    await act(db, cfg, done.id, Action.RESOLVE, 200001, at("2026-11-17 21:00"), "换了风机")
    barn = await new_ticket(db, cfg, now=at("2026-11-18 07:00"))  # 110, due 07:10

    assert await send_digest(db, cfg, at("2026-11-18 08:00")) == 4
    assert await send_digest(db, cfg, at("2026-11-18 08:00:30")) == 0  # a second scheduler

    rows = {row.chat_id: row for row in await outbox_rows(db)}
    assert set(rows) == {SUPERVISOR, 200002, 200052, 200062}  # 300001 also leads triage
    assert {(r.purpose, r.priority) for r in rows.values()} == {("digest", 2)}
    assert rows[SUPERVISOR].payload["text"] == "\n".join(
        [
            "📋 青山县烟草专卖局（营销部）每日待办（11月18日 08:00）",
            "青山镇烘烤110服务队：在办1 今日到期0 当前超时1 待确认1",
            "专卖管理所：在办1 今日到期0 当前超时0 待确认0",
            "营销服务部（客户经理）：在办2 今日到期1 当前超时1 待确认0",
            "合计：在办4 今日到期1 当前超时2 待确认1",
            LEGEND,
            "当前超时最久：",
            f"{late.label}｜营销服务部（客户经理）｜待接单｜已超时1天21小时（工作时间11小时30分钟）｜订货系统登录不上",
            f"🚨{barn.label}｜青山镇烘烤110服务队｜待接单｜已超时50分钟｜烤房风机不转了，温度上不去",
        ]
    )
    assert rows[200062].payload["text"] == "\n".join(
        [
            "📋 营销服务部（客户经理）每日待办（11月18日 08:00）",
            "营销服务部（客户经理）：在办2 今日到期1 当前超时1 待确认0",
            LEGEND,
            "当前超时最久：",
            f"{late.label}｜营销服务部（客户经理）｜待接单｜已超时1天21小时（工作时间11小时30分钟）｜订货系统登录不上",
        ]
    )
    assert rows[200052].payload["text"].splitlines()[1:] == [
        "专卖管理所：在办1 今日到期0 当前超时0 待确认0",
        LEGEND,
    ]


async def test_on_national_day_only_round_the_clock_teams_and_urgent_tickets_are_in_it(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-09-29 08:00"))
    await new_ticket(db, cfg, now=at("2026-09-30 16:00"), **ORDERING_REQUEST)  # office: stands
    barn = await new_ticket(db, cfg, now=at("2026-10-01 07:00"))  # 110, due 07:10
    licence = await new_ticket(db, cfg, now=at("2026-09-30 17:00"), **{**MONOPOLY, "urgent": True})

    assert await send_digest(db, cfg, at("2026-10-01 08:00")) == 3

    rows = {row.chat_id: row.payload["text"] for row in await outbox_rows(db)}
    # The ordering office's leader is on holiday and has nothing running: no digest.
    assert set(rows) == {SUPERVISOR, 200002, 200052}
    assert rows[SUPERVISOR] == "\n".join(
        [
            "📋 青山县烟草专卖局（营销部）每日待办（10月1日 08:00）",
            REST_DAY,
            "青山镇烘烤110服务队：在办1 今日到期0 当前超时1 待确认0",
            "专卖管理所：在办1 今日到期0 当前超时1 待确认0",
            "合计：在办2 今日到期0 当前超时2 待确认0",
            LEGEND,
            "当前超时最久：",
            f"🚨{licence.label}｜专卖管理所｜待接单｜已超时14小时50分钟｜许可证延续怎么办",
            f"🚨{barn.label}｜青山镇烘烤110服务队｜待接单｜已超时50分钟｜烤房风机不转了，温度上不去",
        ]
    )
    assert rows[200002].splitlines()[:3] == [
        "📋 青山镇烘烤110服务队每日待办（10月1日 08:00）",
        REST_DAY,
        "青山镇烘烤110服务队：在办1 今日到期0 当前超时1 待确认0",
    ]


async def test_a_holiday_with_only_office_tickets_sends_no_digest(
    db: Database, demo_config: Config
) -> None:
    await seed_staff(db, demo_config, at("2026-09-29 08:00"))
    await new_ticket(db, demo_config, now=at("2026-09-30 16:00"), **ORDERING_REQUEST)
    assert await send_digest(db, demo_config, at("2026-10-03 08:00")) == 0  # Saturday, 国庆
    assert await send_digest(db, demo_config, at("2026-11-21 08:00")) == 0  # a plain Saturday


async def test_on_a_rest_day_an_off_season_curing_question_stands_still_like_office_work(
    db: Database, demo_config: Config
) -> None:
    # A curing team without a duty roster: its tickets are in a rest day's digest only when
    # their clock runs: those filed in the season (24x7), not a question filed in December.
    cfg = with_team_changed(demo_config, "curing-qingshan", duty_roster=False)
    await seed_staff(db, cfg, at("2026-08-01 08:00"))
    question = {**ORDERING_REQUEST, "line": "curing", "team_id": "curing-qingshan",
                "text": "今年的烘烤补贴什么时候发"}  # fmt: skip
    await new_ticket(db, cfg, now=at("2026-08-14 20:00"), **question)
    assert await send_digest(db, cfg, at("2026-08-15 08:00")) == 2  # Saturday
    await new_ticket(db, cfg, now=at("2026-12-11 20:00"), **question)
    assert await send_digest(db, cfg, at("2026-12-12 08:00")) == 2  # Saturday
    august, december = [
        row.payload["text"] for row in await outbox_rows(db) if row.chat_id == SUPERVISOR
    ]
    assert "青山镇烘烤110服务队：在办1 今日到期0 当前超时1 待确认0" in august
    # Still open, August's question runs on the season's clock; December's waits for Monday.
    assert "青山镇烘烤110服务队：在办1 今日到期0 当前超时1 待确认0" in december


async def test_a_working_saturday_gets_the_whole_digest(db: Database, demo_config: Config) -> None:
    await seed_staff(db, demo_config, at("2026-09-29 08:00"))
    await new_ticket(db, demo_config, now=at("2026-10-09 16:00"), **ORDERING_REQUEST)
    assert await send_digest(db, demo_config, at("2026-10-10 08:00")) == 2  # 调休: a workday

    rows = {row.chat_id: row.payload["text"] for row in await outbox_rows(db)}
    assert set(rows) == {SUPERVISOR, 200062}
    assert REST_DAY not in rows[SUPERVISOR]
    assert "营销服务部（客户经理）：在办1 今日到期1 当前超时0 待确认0" in rows[200062]


async def test_the_weekly_report_goes_to_every_supervisor_once(
    db: Database, demo_config: Config, tmp_path: Path
) -> None:
    monday = at("2026-11-23 08:30")
    async with db.uow() as uow:
        await uow.users.add(User(id=NEW_SUPERVISOR, created_at=monday))
        await uow.memberships.add(Membership(NEW_SUPERVISOR, Role.SUPERVISOR, monday))
        await uow.commit()
    source = FakeWeekly(tmp_path)

    assert await send_weekly(db, demo_config, source, monday) == 5
    assert await send_weekly(db, demo_config, source, monday) == 0

    sent = [(r.chat_id, r.method, r.payload.get("text") or r.payload.get("filename"))
            for r in await outbox_rows(db)]  # fmt: skip
    assert sent == [
        (SUPERVISOR, "send_message", "📊 上周服务指标"),
        (SUPERVISOR, "send_document", "服务指标.png"),
        (NEW_SUPERVISOR, "send_message", "📊 上周服务指标"),
        (NEW_SUPERVISOR, "send_document", "服务指标.png"),
        (demo_config.echo_wall_chat, "send_message", "回音壁：上周办结 3 件"),
    ]
    document = (await outbox_rows(db))[1]
    assert document.payload == {
        "path": str(tmp_path / "chart.png"),
        "filename": "服务指标.png",
        "caption": "服务指标图",
    }


async def test_the_weekly_source_from_reports_saves_both_files(
    db: Database, demo_config: Config, tmp_path: Path
) -> None:
    await new_ticket(db, demo_config, now=at("2026-11-18 09:00"))
    content = await WeeklyFromReports(db, demo_config, tmp_path)(at("2026-11-23 08:30"))
    assert content.week == "2026-11-16"
    assert content.text.startswith("📊")
    assert [doc.path.exists() for doc in content.documents] == [True, True]
    assert [doc.path.parent for doc in content.documents] == [
        tmp_path / "weekly" / "2026-11-16"
    ] * 2
    assert content.documents[1].filename.endswith(".xlsx")


async def test_a_request_written_on_several_lines_is_one_row_of_the_digest(
    db: Database, demo_config: Config
) -> None:
    await seed_staff(db, demo_config, at("2026-11-16 08:00"))
    numbered = {**ORDERING_REQUEST, "text": "一、订货系统登录不上\n二、密码重置收不到短信"}
    late = await new_ticket(db, demo_config, now=at("2026-11-16 09:00"), **numbered)
    await send_digest(db, demo_config, at("2026-11-18 08:00"))
    [digest] = [r for r in await outbox_rows(db) if r.chat_id == SUPERVISOR]
    row = f"{late.label}｜营销服务部（客户经理）｜待接单｜已超时1天21小时（工作时间11小时30分钟）｜"
    assert digest.payload["text"].splitlines()[-1] == f"{row}一、订货系统登录不上 二、密码重置收不…"


@pytest.mark.parametrize("anonymous", [True, False])
async def test_a_complaint_naming_its_complainant_hides_them_in_a_teams_digest(
    db: Database, demo_config: Config, anonymous: bool
) -> None:
    """Its words are read whole by the supervisors; the leader of the team it is with, who
    may not read who complained, named or not, reads them as the team's card shows them
    (`core.complainant.shown_words`)."""
    await seed_staff(db, demo_config, at("2026-11-16 08:00"))
    complaint = {
        **ORDERING_REQUEST,
        "kind": Kind.COMPLAINT,
        "anonymous": anonymous,
        "text": "许可证号520102100123客户经理不接电话",
    }
    await new_ticket(db, demo_config, now=at("2026-11-16 09:00"), **complaint)
    await send_digest(db, demo_config, at("2026-11-18 08:00"))
    rows = {r.chat_id: r.payload["text"] for r in await outbox_rows(db)}
    assert rows[SUPERVISOR].endswith("｜许可证号520102100123客户经…")
    assert rows[200062].endswith("｜许可证号【号码已隐去】客户经理不接电话")
