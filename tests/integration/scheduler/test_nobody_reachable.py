"""A ladder rung whose people nobody can write to privately (they never opened a private chat
with the bot, or blocked it) is posted in a group they are in instead, naming them: the
leaders' alert in the team's group, the supervisors' in their desk (督办分派台), else the
team's group; once a ladder and rung, not again at every repeat."""

from __future__ import annotations

from sqlalchemy import update

from core.config import Config
from core.enums import Kind
from core.model import User
from storage.tables import users
from storage.uow import Database
from tests.integration.scheduler.clockwork import (
    CURING_CHAT,
    CURING_LEADER,
    FARMER,
    ORDERING_CHAT,
    ORDERING_LEADER,
    ORDERING_REQUEST,
    RETAILER,
    SUPERVISOR,
    at,
    kind_of,
    outbox_rows,
    run_scheduler,
    seed_staff,
)
from tests.support.config_edits import with_team_changed
from tests.support.tickets import new_ticket

DESK_CHAT = -1001000000017  # 督办分派台, the triage line's team: the supervisors' desk
ADMIN = 300002
NOBODY_STARTED = (CURING_LEADER, ORDERING_LEADER, SUPERVISOR, ADMIN)
NOTE = "机器人无法私信通知："


async def nobody_started_the_bot(db: Database, cfg: Config) -> None:
    await seed_staff(db, cfg, at("2026-11-18 08:00"))
    async with db.engine.begin() as conn:
        await conn.execute(
            update(users).where(users.c.id.in_(NOBODY_STARTED)).values(reachable=False)
        )


async def test_a_night_call_nobody_can_be_paged_about_is_chased_in_the_groups_once(
    db: Database, demo_config: Config
) -> None:
    """A 110 call at night: the leaders' alert goes to the team's group naming its leader and
    those above who cannot be written to, the supervisors' to their desk; the repeats that
    follow every half hour do not post them again."""
    cfg = demo_config
    await nobody_started_the_bot(db, cfg)
    call = await new_ticket(db, cfg, now=at("2026-11-18 22:40"))  # accept due 22:50
    assert call.id is not None
    await run_scheduler(db, cfg, at("2026-11-18 22:40"), at("2026-11-19 00:30"))

    rows = [r for r in await outbox_rows(db) if r.ticket_id == call.id]
    groups = [(r.chat_id, kind_of(r)) for r in rows if r.chat_id < 0]
    assert groups == [(CURING_CHAT, "team"), (CURING_CHAT, "leader"), (DESK_CHAT, "supervisors")]
    leader_alert, desk_alert = (str(r.payload["text"]) for r in rows if NOTE in r.payload["text"])
    assert f"{NOTE}钱队长、孙督办、沈管理员" in leader_alert
    assert "发送 /start" in leader_alert and call.label in leader_alert
    assert "请以上各位本人" in leader_alert and "请本人" not in leader_alert  # three of them
    assert f"{NOTE}孙督办、沈管理员" in desk_alert and "钱队长" not in desk_alert
    [leader_row] = [r for r in rows if r.chat_id == CURING_CHAT and kind_of(r) == "leader"]
    pressed = [b["data"] for line in leader_row.payload["buttons"] for b in line]
    assert pressed == [f"tk:acc:{call.id}", f"tk:nudge:{call.id}"]
    async with db.uow(read_only=True) as uow:
        chased = [
            (e.data["ladder_action"], e.data["to"])
            for e in await uow.tickets.events(call.id)
            if e.action == "escalate"
        ]
    # Every repeat is still recorded; only the first of each rung was posted.
    assert chased[:2] == [("alert_leader", [CURING_CHAT]), ("alert_supervisors", [DESK_CHAT])]
    assert len(chased) > 2 and all(to == [] for _, to in chased[2:])
    assert all(r.chat_id != FARMER or "督办" not in str(r.payload["text"]) for r in rows)


async def test_without_a_desk_the_supervisors_alert_goes_to_the_teams_group(
    db: Database, demo_config: Config
) -> None:
    cfg = with_team_changed(demo_config, "triage", chat_id=None)
    await nobody_started_the_bot(db, cfg)
    call = await new_ticket(db, cfg, now=at("2026-11-18 22:40"))
    await run_scheduler(db, cfg, at("2026-11-18 22:40"), at("2026-11-18 23:30"))

    rows = [r for r in await outbox_rows(db) if r.ticket_id == call.id and r.chat_id < 0]
    assert [(r.chat_id, kind_of(r)) for r in rows][-1] == (CURING_CHAT, "supervisors")
    assert f"{NOTE}孙督办、沈管理员" in str(rows[-1].payload["text"])


async def test_someone_reachable_still_hears_it_privately_and_no_group_is_posted(
    db: Database, demo_config: Config
) -> None:
    """The leader cannot be written to but the supervisor can: the supervisor stands in,
    as before, and no group hears of it."""
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-18 08:00"))
    async with db.engine.begin() as conn:
        await conn.execute(update(users).where(users.c.id == CURING_LEADER).values(reachable=False))
    call = await new_ticket(db, cfg, now=at("2026-11-18 22:40"))
    await run_scheduler(db, cfg, at("2026-11-18 22:40"), at("2026-11-18 23:30"))

    rows = [r for r in await outbox_rows(db) if r.ticket_id == call.id]
    assert not [r for r in rows if NOTE in str(r.payload.get("text", ""))]
    assert [kind_of(r) for r in rows if r.chat_id == SUPERVISOR] == ["leader", "supervisors"]


async def test_a_complaint_posted_in_the_teams_group_keeps_its_complainant_from_it(
    db: Database, demo_config: Config
) -> None:
    """The team complained about reads who keeps the complainant, in its group too; the
    supervisors' desk, which may read them, reads their name and phone."""
    cfg = demo_config
    await nobody_started_the_bot(db, cfg)
    async with db.uow() as uow:
        retailer = User(RETAILER, at("2026-11-18 08:00"), name="李小梅", phone="85291234567")
        await uow.users.add(retailer)
        await uow.commit()
    complaint = {**ORDERING_REQUEST, "kind": Kind.COMPLAINT, "text": "客户经理不接电话"}
    complaint |= {"requester_id": RETAILER, "chat_id": RETAILER}
    filed = await new_ticket(db, cfg, now=at("2026-11-18 09:00"), **complaint)
    await run_scheduler(db, cfg, at("2026-11-18 09:00"), at("2026-11-19 12:00"))

    rows = {
        (r.chat_id, kind_of(r)): str(r.payload["text"])
        for r in await outbox_rows(db)
        if r.ticket_id == filed.id
    }
    in_team = rows[ORDERING_CHAT, "leader"]
    assert NOTE in in_team and "罗部长" in in_team
    assert "李小梅" not in in_team and "85291234567" not in in_team
    assert "纪检作风监督室" in in_team
    at_desk = rows[DESK_CHAT, "supervisors"]
    assert NOTE in at_desk and "李小梅" in at_desk and "85291234567" in at_desk
