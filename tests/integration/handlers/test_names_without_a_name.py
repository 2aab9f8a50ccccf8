"""Someone with no name (a Telegram profile without a first name, never registered, a team
member known only by the id in the config) is named to others by what tells them apart:
the last four digits of their phone (尾号5678), else their whole id (用户#200001), never by a bare
id read as a number (已由 200001 接单). A requester is told of the member's team instead: a
staff member's phone digits and our ids are not for them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.config import Config
from core.model import OutboxMessage
from reports.ledger import load
from reports.periods import parse
from tests.support.config_edits import without_staff_names
from tests.support.desk import Harness
from tests.support.tickets import FARMER, LEADER, MEMBER

TEAM_CHAT = -1001000000001  # curing-qingshan: no one on duty, so its leader is paged


@pytest.fixture
def demo_config(demo_config: Config) -> Config:
    """The demo bureau with its staff known by their ids only, as a config that names none."""
    return without_staff_names(demo_config)


async def _phone(desk: Harness, user: int, phone: str) -> None:
    async with desk.db.uow() as uow:
        person = await uow.users.get(user)
        assert person is not None and not person.name
        person.phone = phone
        await uow.commit()


def _last(rows: list[OutboxMessage], chat_id: int, purpose: str) -> str:
    return str(
        [r for r in rows if r.chat_id == chat_id and r.purpose == purpose][-1].payload["text"]
    )


async def test_a_member_without_a_name_is_named_by_the_end_of_their_id(desk: Harness) -> None:
    await desk.press(LEADER, "lang:hant")
    ticket_id = await desk.file_110(FARMER)

    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)

    rows = await desk.outbox()
    [notice] = [r for r in rows if r.chat_id == FARMER and "接单" in r.payload["text"]]
    # The farmer is told of the team: an id is nothing a requester can tell anyone by.
    assert "已由青山镇烘烤110服务队的工作人员接单" in notice.payload["text"]
    assert "接单：用户#200001 " in _last(rows, TEAM_CHAT, "card_edit")
    # Our stand-in for a name is our words: a 繁體 reader reads it in 繁體.
    assert "接單：用戶#200001 " in _last(rows, LEADER, "card_edit")


async def test_a_member_without_a_name_but_with_a_phone_is_named_by_its_last_digits(
    desk: Harness,
) -> None:
    await _phone(desk, MEMBER, "13812345678")
    ticket_id = await desk.file_110(FARMER)

    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已恢复供电", chat=TEAM_CHAT)

    rows = await desk.outbox()
    assert "接单：尾号5678 " in _last(rows, TEAM_CHAT, "card_edit")
    assert "13812345678" not in _last(rows, TEAM_CHAT, "card_edit")
    now = desk.clock()
    window = parse("today", now, desk.cfg.zone, desk.cfg.curing_season)
    async with desk.db.uow(read_only=True) as uow:
        assert uow.session is not None
        ledger = await load(uow.session, desk.cfg, window, now + timedelta(seconds=1))
    assert [row.accepted_by for row in ledger.rows] == ["尾号5678"]


async def test_the_requester_of_a_nameless_member_is_told_of_the_team_not_their_phone(
    desk: Harness,
) -> None:
    await _phone(desk, MEMBER, "13812345678")
    ticket_id = await desk.file_110(FARMER)

    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)

    rows = await desk.outbox()
    told = [str(r.payload["text"]) for r in rows if r.chat_id == FARMER]
    assert any("已由青山镇烘烤110服务队的工作人员接单" in text for text in told)
    assert any("青山镇烘烤110服务队的服务人员正在前往" in text for text in told)
    assert not any("5678" in text or "200001" in text for text in told)
    assert "接单：尾号5678 " in _last(rows, TEAM_CHAT, "card_edit")  # colleagues still do


async def test_a_traditional_requester_reads_the_teams_name_in_traditional(
    desk: Harness,
) -> None:
    await desk.press(FARMER, "lang:hant")
    ticket_id = await desk.file_110(FARMER)

    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)

    rows = await desk.outbox()
    [notice] = [r for r in rows if r.chat_id == FARMER and "接單" in str(r.payload["text"])]
    assert "已由青山鎮烘烤110服務隊的工作人員接單" in str(notice.payload["text"])
    assert "用戶#200001" not in str(notice.payload["text"])
