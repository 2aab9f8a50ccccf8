"""Menus set after start-up: a new supervisor's, or one in the script someone chose or
writes in, go out through the outbox like any message (retried, kept across a restart)."""

from __future__ import annotations

import json

from core.config import Config
from core.enums import Role
from handlers.command_menu import MenuScope, menu_plan
from handlers.staff import create_invite
from storage.uow import Database
from tests.integration.outbox.conftest import Rig
from tests.support.desk import Harness
from tests.support.tickets import T0


async def test_a_supervisor_joining_by_invite_gets_their_menu_without_a_restart(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    newcomer = 300088
    desk = Harness(db, demo_config)
    async with db.uow() as uow:
        invite = await create_invite(uow, team_id=None, role=Role.SUPERVISOR, now=T0)
        await uow.commit()
    rig.api.inject("server_error", method="setMyCommands", times=1)  # tried again, as a message
    await desk.send(newcomer, "/lang")
    await desk.press(newcomer, "lang:hant")  # a requester still: the requesters' menu
    [first] = [r for r in await rig.rows() if r.method == "set_menu"]
    names = [name for name, _ in first.payload["commands"]]
    assert "stats" not in names and "110" in names
    assert "緊急" in json.dumps(first.payload, ensure_ascii=False)  # in Traditional
    await desk.send(newcomer, f"/start join_{invite.token}")
    await rig.sender.drain_all()
    theirs = {"type": "chat", "chat_id": newcomer}
    assert {"stats", "ledger", "queue", "reassign", "110", "help"} <= set(rig.api.menu(theirs))
    [key] = [k for k in rig.api.commands if str(newcomer) in k]
    assert "導出臺賬" in json.dumps(rig.api.commands[key], ensure_ascii=False)  # their script
    assert rig.api.menu() == []  # nobody else's menu was touched
    rows = [r for r in await rig.rows() if r.method == "set_menu"]
    assert [(r.status, r.attempts) for r in rows] == [("sent", 2), ("sent", 1)]  # 500, then sent


async def test_a_supervisor_switching_script_gets_the_menu_in_it(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    supervisor = demo_config.supervisors[0]
    desk = Harness(db, demo_config)
    await desk.send(supervisor, "/lang")
    await desk.press(supervisor, "lang:hant")
    await rig.sender.drain_all()
    [commands] = rig.api.commands.values()
    shown = json.dumps(commands, ensure_ascii=False)
    assert "導出臺賬" in shown and "导出台账" not in shown


async def test_a_requester_writing_traditional_gets_a_menu_in_it_once(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    farmer = 100077
    desk = Harness(db, demo_config)
    await desk.send(farmer, "/start", language_code="zh-hans")  # Simplified: the shared menu
    assert [r for r in await rig.rows() if r.method == "set_menu"] == []
    await desk.send(farmer, "請問烤房風機壞了怎麼辦")
    await desk.send(farmer, "謝謝")
    await rig.sender.drain_all()
    theirs = {"type": "chat", "chat_id": farmer}
    assert "110" in rig.api.menu(theirs) and "stats" not in rig.api.menu(theirs)
    assert len([r for r in await rig.rows() if r.method == "set_menu"]) == 1  # not per message
    [key] = [k for k in rig.api.commands if str(farmer) in k]
    assert "緊急" in json.dumps(rig.api.commands[key], ensure_ascii=False)


async def test_a_staff_member_gets_the_wish_list_in_the_menu_and_it_follows_their_script(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    desk = Harness(db, demo_config)
    await desk.seed()
    member = 200001  # in the config's team: staff at their first /start
    await desk.send(member, "/start", language_code="zh-hans")
    [first] = [r for r in await rig.rows() if r.method == "set_menu"]
    assert first.chat_id == member
    assert "wish" in [name for name, _ in first.payload["commands"]]
    await desk.send(member, "風機已經修好了", chat=-1001000000001)  # in the team's group
    rows = [r for r in await rig.rows() if r.method == "set_menu"]
    assert [r.chat_id for r in rows] == [member, member]
    assert "緊急" in json.dumps(rows[1].payload, ensure_ascii=False)
    assert "wish" in [name for name, _ in rows[1].payload["commands"]]
    await desk.send(200003, "風機已經修好了", chat=-1001000000001)  # never wrote privately
    assert len([r for r in await rig.rows() if r.method == "set_menu"]) == 2


async def test_staff_menus_are_set_at_start_up(db: Database, demo_config: Config) -> None:
    desk = Harness(db, demo_config)
    await desk.seed()
    await desk.send(200001, "/start", language_code="zh-hant")
    async with db.uow(read_only=True) as uow:
        plan = dict(await menu_plan(uow, demo_config))
    theirs = plan[MenuScope("chat", 200001)]
    assert "wish" in [name for name, _ in theirs] and "心願" in json.dumps(
        theirs, ensure_ascii=False
    )
    assert "wish" not in [name for name, _ in plan[MenuScope("default")]]
