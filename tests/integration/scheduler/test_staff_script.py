"""What the scheduler sends one person in a private chat comes in that person's script:
a leader or supervisor who chose 繁體 with /lang reads the ladder's alerts, the digest and
the weekly report in 繁體; a team's chat reads 简体. Button data never changes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from bot.scheduler_wiring import WeeklyFromReports
from core.config import Config
from core.enums import Script
from core.model import OutboxMessage, User
from scheduler.digest import send_digest
from scheduler.weekly import send_weekly
from storage.uow import Database
from tests.integration.scheduler.clockwork import (
    ORDERING_CHAT,
    ORDERING_LEADER,
    ORDERING_REQUEST,
    SUPERVISOR,
    FakeWeekly,
    at,
    outbox_rows,
    run_scheduler,
    seed_staff,
)
from tests.support.tickets import new_ticket


async def choose_traditional(db: Database, user_id: int, now: datetime) -> None:
    """`user_id` chose 繁體 with /lang."""
    async with db.uow() as uow:
        user = await uow.users.get(user_id)
        if user is None:
            await uow.users.add(User(user_id, now, name="梁队长"))
            user = await uow.users.get(user_id)
        assert user is not None
        user.script, user.script_chosen = Script.HANT, True
        await uow.commit()


def to(rows: list[OutboxMessage], chat_id: int) -> list[OutboxMessage]:
    return [row for row in rows if row.chat_id == chat_id]


async def test_a_leader_who_chose_traditional_reads_the_ladders_alerts_in_traditional(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-11-16 09:00")  # Monday
    await seed_staff(db, demo_config, filed)
    await choose_traditional(db, ORDERING_LEADER, filed)
    await choose_traditional(db, SUPERVISOR, filed)
    ticket = await new_ticket(db, demo_config, now=filed, **ORDERING_REQUEST)

    await run_scheduler(db, demo_config, filed, at("2026-11-16 18:00"))

    rows = await outbox_rows(db)
    team_chat, leader, supervisor = (
        to(rows, ORDERING_CHAT)[0],
        to(rows, ORDERING_LEADER)[0],
        to(rows, SUPERVISOR)[0],
    )
    assert team_chat.payload["text"].startswith(f"⏰ 工单 {ticket.label} 已到接单时限")
    assert team_chat.payload["buttons"] == [[{"text": "接单", "data": f"tk:acc:{ticket.id}"}]]
    assert leader.payload["text"].splitlines() == [
        f"⚠️ 工單 {ticket.label} 超過接單時限 1小時，營銷服務部（客戶經理） 仍未接單，請隊長督促。",
        f"{ticket.label}｜求助辦事｜待接單｜營銷服務部（客戶經理）",
        "內容：訂貨系統登錄不上",
        "地點：城區　報告人：未登記　電話：未提供",
        "提交：11-16 09:00　接單時限：11-16 11:00　辦結時限：11-19 09:00",
    ]
    assert leader.payload["buttons"] == [
        [
            {"text": "接單", "data": f"tk:acc:{ticket.id}"},
            {"text": "催辦", "data": f"tk:nudge:{ticket.id}"},
        ]
    ]
    assert supervisor.payload["text"].startswith(f"🔴【超時督辦】工單 {ticket.label} 超過接單時限")
    assert supervisor.payload["buttons"] == [
        [
            {"text": "催辦", "data": f"sv:remind:{ticket.id}"},
            {"text": "改派", "data": f"sv:reassign:{ticket.id}"},
        ]
    ]


async def test_the_ladders_alert_names_the_requester_as_written(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-11-16 09:00")
    await seed_staff(db, demo_config, filed)
    await choose_traditional(db, ORDERING_LEADER, filed)
    async with db.uow() as uow:
        await uow.users.add(User(100055, filed, name="余美玲"))  # not 餘美玲
        await uow.commit()
    await new_ticket(db, demo_config, now=filed, requester_id=100055, **ORDERING_REQUEST)

    await run_scheduler(db, demo_config, filed, at("2026-11-16 18:00"))

    leader = to(await outbox_rows(db), ORDERING_LEADER)[0].payload["text"]
    assert "報告人：余美玲　電話：未提供" in leader and "\ue0f0" not in leader
    team_chat = to(await outbox_rows(db), ORDERING_CHAT)[0].payload["text"]
    assert "\ue0f0" not in team_chat


async def test_a_supervisor_who_chose_traditional_gets_the_digest_in_traditional(
    db: Database, demo_config: Config
) -> None:
    await seed_staff(db, demo_config, at("2026-11-16 08:00"))
    await choose_traditional(db, SUPERVISOR, at("2026-11-16 08:00"))
    late = await new_ticket(db, demo_config, now=at("2026-11-16 09:00"), **ORDERING_REQUEST)

    assert await send_digest(db, demo_config, at("2026-11-18 08:00")) == 2

    rows = await outbox_rows(db)
    digest = to(rows, SUPERVISOR)[0].payload["text"].splitlines()
    assert digest[0] == "📋 青山縣菸草專賣局（營銷部）每日待辦（11月18日 08:00）"
    assert digest[-1] == (
        f"{late.label}｜營銷服務部（客戶經理）｜待接單｜已超時1天21小時（工作時間11小時30分鐘）｜訂貨系統登錄不上"
    )
    # The ordering office's leader keeps Simplified: they chose nothing.
    leader = to(rows, ORDERING_LEADER)[0].payload["text"]
    assert leader.startswith("📋 营销服务部（客户经理）每日待办")


async def test_a_supervisor_who_chose_traditional_gets_the_weekly_report_in_traditional(
    db: Database, demo_config: Config, tmp_path: Path
) -> None:
    await seed_staff(db, demo_config, at("2026-11-16 08:00"))
    await choose_traditional(db, SUPERVISOR, at("2026-11-16 08:00"))

    source = FakeWeekly(tmp_path)

    await send_weekly(db, demo_config, source, at("2026-11-23 08:00"))

    assert source.scripts == [[Script.HANS, Script.HANT]]  # files drawn for each reader
    rows = to(await outbox_rows(db), SUPERVISOR)
    assert [row.payload.get("text") for row in rows] == ["📊 上週服務指標", None]
    assert {k: rows[1].payload[k] for k in ("path", "filename", "caption")} == {
        "path": str(tmp_path / "chart-hant.png"),
        "filename": "服務指標.png",
        "caption": "服務指標圖",
    }


async def test_the_weekly_files_are_drawn_in_each_script_a_supervisor_reads(
    db: Database, demo_config: Config, tmp_path: Path
) -> None:
    await new_ticket(db, demo_config, now=at("2026-11-18 09:00"))
    source = WeeklyFromReports(db, demo_config, tmp_path)

    content = await source(at("2026-11-23 08:30"), [Script.HANS, Script.HANT])

    drawn = content.documents_for(Script.HANT)
    assert [doc.filename for doc in drawn] == [
        "服務指標_2026-11-16_2026-11-22.png",
        "臺賬_2026-11-16_2026-11-22.xlsx",
    ]
    assert all(doc.path.exists() for doc in drawn)
    book = load_workbook(drawn[1].path)
    assert book.sheetnames[0] == "臺賬"
    assert content.documents_for(Script.HANS)[1].filename == "台账_2026-11-16_2026-11-22.xlsx"
