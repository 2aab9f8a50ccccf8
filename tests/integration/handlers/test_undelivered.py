"""/ticket's history says who a message missed and why in Chinese, not Telegram's words."""

from __future__ import annotations

from core.enums import Role
from core.services import note_event
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, MEMBER, OTHER_MEMBER, SUPERVISOR

TEAM_CHAT = -1001000000001


async def _refused(desk: Harness, ticket_id: int, action: str, chat_id: int, why: str) -> None:
    async with desk.db.uow() as uow:  # as the outbox sender records a refusal
        ticket = await uow.tickets.get(ticket_id)
        assert ticket is not None
        await note_event(
            uow, ticket, action, actor_id=None, role=Role.SYSTEM, now=desk.clock(), note=why,
            data={"chat_id": chat_id, "method": "send_message"},
        )  # fmt: skip
        await uow.commit()


async def _a_call_liu_blocked(desk: Harness) -> int:
    """A 110 call whose page 刘师傅 (OTHER_MEMBER), who blocked the bot, never got."""
    ticket_id = await desk.file_110(FARMER)
    async with desk.db.uow() as uow:
        member = await uow.users.get(OTHER_MEMBER)
        assert member is not None
        member.name = "刘师傅"
        await uow.commit()
    await _refused(
        desk, ticket_id, "unreachable", OTHER_MEMBER, "Forbidden: bot was blocked by the user"
    )
    return ticket_id


async def test_ticket_history_names_whom_a_message_missed_in_chinese(desk: Harness) -> None:
    ticket_id = await _a_call_liu_blocked(desk)
    await _refused(desk, ticket_id, "unreachable", FARMER, "Forbidden: user is deactivated")
    await _refused(
        desk, ticket_id, "delivery_failed", TEAM_CHAT, "Bad Request: message is too long"
    )
    [ticket] = await desk.tickets()

    shown = texts(await desk.send(SUPERVISOR, f"/ticket {ticket.label}"))
    assert "无法送达：刘师傅（已屏蔽机器人）" in shown
    assert "无法送达：报告人（Telegram 账号已注销）" in shown
    assert "无法送达：服务队群（Telegram 拒绝或多次重试仍失败）" in shown
    assert "Forbidden" not in shown and "Bad Request" not in shown
    assert "delivery_failed" not in shown
    # The member reads the same; the farmer's own timeline shows none of it.
    assert "刘师傅（已屏蔽机器人）" in texts(await desk.send(MEMBER, f"/ticket {ticket.label}"))
    own = texts(await desk.press(FARMER, f"my:v:{ticket_id}"))
    assert "送达" not in own and "delivery_failed" not in own


async def test_a_traditional_readers_ticket_history_names_whom_it_missed_as_written(
    desk: Harness,
) -> None:
    """The 无法送达 line names a colleague as written for a 繁體 reader, as every message
    of the desk names a person (docs/conversations.md, Team chats)."""
    await _a_call_liu_blocked(desk)
    [ticket] = await desk.tickets()
    await desk.press(SUPERVISOR, "lang:hant")

    shown = texts(await desk.send(SUPERVISOR, f"/ticket {ticket.label}"))
    assert "無法送達：刘师傅（已屏蔽機器人）" in shown
