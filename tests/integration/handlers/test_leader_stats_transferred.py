"""A leader's /stats while the team holds a ticket another team received first: 受理 counts
it for that team (docs/rates.md), and the reply says the ticket transferred in is in hand
rather than that the team has no tickets."""

from __future__ import annotations

import pytest

from bot.reports_port import Reports
from core.config import Config
from storage.uow import Database
from tests.support.desk import Harness, texts

RETAILER = 100002
DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071
ORDERING_CHAT, ORDERING_MEMBER, ORDERING_LEADER = -1001000000013, 200061, 200062


@pytest.fixture
async def desk(db: Database, demo_config: Config) -> Harness:
    harness = Harness(db, demo_config)
    harness.desk.svc.reports = Reports(db, demo_config)
    await harness.seed()
    return harness


async def _moved_to_ordering(desk: Harness) -> int:
    ticket = await desk.file_request(RETAILER, "昨天送货少送了一条中华")
    assert ticket.id is not None
    await desk.press(DELIVERY_MEMBER, f"tk:xfer:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:xto:{ticket.id}:ordering", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "是订货的问题", chat=DELIVERY_CHAT)
    [moved] = await desk.tickets()
    assert moved.team_id == "ordering"
    return ticket.id


async def test_a_ticket_transferred_in_is_named_not_denied(desk: Harness) -> None:
    await _moved_to_ordering(desk)
    said = texts(await desk.send(ORDERING_LEADER, "/stats"))
    assert "本期没有工单" not in said
    assert "另有转来的在办工单 1 件" in said


async def test_in_traditional_in_a_private_chat(desk: Harness) -> None:
    await _moved_to_ordering(desk)
    said = texts(await desk.send(ORDERING_LEADER, "/stats", language_code="zh-hant"))
    assert "另有轉來的在辦工單 1 件" in said, said


async def test_the_team_that_received_it_first_names_none(desk: Harness) -> None:
    await _moved_to_ordering(desk)
    said = texts(await desk.send(200072, "/stats"))  # the delivery team's leader
    assert "转来" not in said


async def test_one_resolved_is_no_longer_in_hand(desk: Harness) -> None:
    ticket_id = await _moved_to_ordering(desk)
    await desk.press(ORDERING_MEMBER, f"tk:acc:{ticket_id}", chat=ORDERING_CHAT)
    await desk.press(ORDERING_MEMBER, f"tk:res:{ticket_id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已补订", chat=ORDERING_CHAT)
    said = texts(await desk.send(ORDERING_LEADER, "/stats"))
    assert "转来" not in said
