"""An undeliverable alert reaches a person in their own script, a team's chat in Simplified."""

from __future__ import annotations

from core.config import Config
from core.enums import Script
from core.model import User
from storage.uow import Database
from tests.integration.outbox.conftest import Rig, message
from tests.support.tickets import LEADER, MEMBER, T0, new_ticket


async def test_a_leader_who_chose_traditional_reads_the_undeliverable_alert_in_traditional(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    async with db.uow() as uow:
        await uow.users.add(User(MEMBER, T0, name="李师傅", phone="13900000002"))
        await uow.users.add(User(LEADER, T0, name="张队长", script=Script.HANT, script_chosen=True))
        await uow.commit()
    ticket = await new_ticket(db, demo_config)
    rig.api.block(MEMBER)
    await rig.queue(message(MEMBER, "请到现场处理", ticket_id=ticket.id, purpose="remind"))

    await rig.sender.drain_all()

    [alert] = rig.api.texts(LEADER)
    assert alert.splitlines() == [
        f"⚠️ 工單 {ticket.label}：消息未能送達工作人員 李师傅（已屏蔽機器人）。",
        "請電話聯繫：13900000002",
        "原消息：請到現場處理",
    ]
