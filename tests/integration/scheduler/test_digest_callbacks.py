"""The 08:00 digest lists the call-backs (回访) owed after a low rating whose due time has
passed with none recorded: how many, and which (number, team that owes it, how late), in
the ledger's words (超期未回访). Demo `auto_close.callback_within`: 7h, one working day."""

from __future__ import annotations

from core.config import Config
from core.enums import Action
from core.model import Ticket
from scheduler.digest import send_digest
from storage.uow import Database
from tests.integration.scheduler.clockwork import (
    FARMER,
    ORDERING_LEADER,
    ORDERING_MEMBER,
    ORDERING_REQUEST,
    SUPERVISOR,
    act,
    at,
    outbox_rows,
)
from tests.integration.scheduler.test_staff_script import choose_traditional
from tests.support.desk import Harness
from tests.support.tickets import new_ticket


async def _rated_low(desk: Harness, db: Database, cfg: Config, score: int = 2) -> Ticket:
    """An ordering request done on Monday 16 Nov and rated `score` at 10:00: its call-back is
    due Tuesday 10:00."""
    ticket = await new_ticket(db, cfg, now=at("2026-11-16 09:00"), **ORDERING_REQUEST)
    assert ticket.id is not None
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:10"))
    await act(db, cfg, ticket.id, Action.RESOLVE, ORDERING_MEMBER, at("2026-11-16 09:50"))
    desk.clock.now = at("2026-11-16 10:00")
    await desk.press(FARMER, f"my:r:{ticket.id}:{score}")
    return ticket


async def _digests(db: Database) -> dict[int, str]:
    return {
        row.chat_id: str(row.payload["text"])
        for row in await outbox_rows(db)
        if row.purpose == "digest"
    }


async def test_an_overdue_call_back_is_listed_for_the_supervisors_and_the_leader_who_owes_it(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    desk = Harness(db, cfg)
    desk.clock.now = at("2026-11-16 09:00")  # Monday
    await desk.seed()
    ticket = await _rated_low(desk, db, cfg)

    await send_digest(db, cfg, at("2026-11-18 08:00"))  # due Tue 10:00: 22 hours late

    digests = await _digests(db)
    section = [
        "超期未回访：1件（差评后回访时限已过，仍未记录回访）",
        f"{ticket.label}｜营销服务部（客户经理）｜2星｜回访已超时22小时（工作时间5小时30分钟）",
    ]
    assert digests[SUPERVISOR].splitlines() == [
        "📋 青山县烟草专卖局（营销部）每日待办（11月18日 08:00）",
        "没有未办结的工单。",
        *section,
    ]
    # The ordering team has nothing in hand: its leader is told only because it owes one.
    assert digests[ORDERING_LEADER].splitlines() == [
        "📋 营销服务部（客户经理）每日待办（11月18日 08:00）",
        "没有未办结的工单。",
        *section,
    ]


async def test_a_call_back_not_yet_due_or_recorded_adds_nothing(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    desk = Harness(db, cfg)
    desk.clock.now = at("2026-11-16 09:00")
    await desk.seed()
    ticket = await _rated_low(desk, db, cfg)
    await new_ticket(db, cfg, now=at("2026-11-16 11:00"), **ORDERING_REQUEST)

    await send_digest(db, cfg, at("2026-11-17 08:00"))  # due at 10:00: not yet

    digests = await _digests(db)
    assert not any("回访" in text for text in digests.values())

    desk.clock.now = at("2026-11-17 11:00")
    await desk.press(ORDERING_LEADER, f"tk:cb:{ticket.id}")
    await desk.send(ORDERING_LEADER, "已回电，报告人说等得太久")
    await send_digest(db, cfg, at("2026-11-18 08:00"))

    later = [
        r for r in await outbox_rows(db) if (r.dedup_key or "").startswith("digest:2026-11-18")
    ]
    assert later and not any("回访" in str(row.payload["text"]) for row in later)


async def test_a_supervisor_reading_traditional_reads_the_call_backs_in_traditional(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    desk = Harness(db, cfg)
    desk.clock.now = at("2026-11-16 09:00")
    await desk.seed()
    await choose_traditional(db, SUPERVISOR, desk.clock.now)
    ticket = await _rated_low(desk, db, cfg, score=1)

    await send_digest(db, cfg, at("2026-11-18 08:00"))

    lines = (await _digests(db))[SUPERVISOR].splitlines()
    assert lines[-2:] == [
        "超期未回訪：1件（差評後回訪時限已過，仍未記錄回訪）",
        f"{ticket.label}｜營銷服務部（客戶經理）｜1星｜回訪已超時22小時（工作時間5小時30分鐘）",
    ]


async def test_on_a_rest_day_an_office_teams_call_back_waits_for_the_working_day(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    desk = Harness(db, cfg)
    desk.clock.now = at("2026-11-16 09:00")
    await desk.seed()
    await _rated_low(desk, db, cfg)

    # Saturday: the office team's clock stands still, and nothing else is open.
    assert await send_digest(db, cfg, at("2026-11-21 08:00")) == 0
    assert await send_digest(db, cfg, at("2026-11-23 08:00")) == 2  # Monday: both again
