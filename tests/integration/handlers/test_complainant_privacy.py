"""A complaint about a team's own people (a customer manager's tie-in selling) is heard by
the oversight team (纪检作风监督室): the complainant's name and phone never reach the chat
of the team whose member it is about."""

from __future__ import annotations

import pytest

from core.enums import Kind
from core.model import TicketMessage
from scheduler.sweep import sweep
from tests.support.desk import Harness, texts

RETAILER = 100002
ORDERING_CHAT, CONDUCT_CHAT = -1001000000013, -1001000000016


@pytest.mark.parametrize(
    "words", ["/complain 客户经理总是搭售滞销烟", "/complain 客戶經理愛答不理，還強行搭配滯銷菸"]
)
async def test_a_complaint_about_a_customer_manager_does_not_show_the_complainant_to_their_team(
    desk: Harness, words: str
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, words)
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id) == (Kind.COMPLAINT, "conduct")
    sent = await desk.outbox()
    assert not [r for r in sent if r.chat_id == ORDERING_CHAT]
    [card] = [r for r in sent if r.chat_id == CONDUCT_CHAT and r.purpose == "card"]
    assert "报告人：" in str(card.payload["text"])


DELIVERY_CHAT, DELIVERY_MEMBER, DELIVERY_LEADER = -1001000000014, 200071, 200072
CONDUCT_MEMBER, SUPERVISOR = 200091, 300001
LICENCE = "520102100123"
SECRETS = ("王小五", "13800000002", "老王烟酒店", LICENCE)


async def _registered_with_a_shop(desk: Harness) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.press(RETAILER, "f:area:chengqu")
    await desk.send(RETAILER, "老王烟酒店")
    await desk.send(RETAILER, LICENCE)


def _named(text: str) -> bool:
    return any(secret in text for secret in SECRETS)


async def _cards(desk: Harness, chat: int) -> list[str]:
    return [
        str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.chat_id == chat and r.purpose in ("card", "card_edit")
    ]


@pytest.mark.parametrize("words", ["投诉配送员小王，送货总是迟到", "投訴配送員小王，送貨總是遲到"])
async def test_a_complaint_routed_to_the_team_complained_about_keeps_the_complainant_from_it(
    desk: Harness, words: str
) -> None:
    await _registered_with_a_shop(desk)
    await desk.send(RETAILER, words)
    filed = texts(await desk.press(RETAILER, "f:ok"))
    # The complainant is told who reads their name and phone, in their script.
    assert "纪检作风监督室" in filed or "紀檢作風監督室" in filed
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id, ticket.anonymous) == (Kind.COMPLAINT, "delivery", False)
    [card] = await _cards(desk, DELIVERY_CHAT)
    assert "投诉人信息由纪检作风监督室保管" in card and not _named(card)
    # The oversight team's copy names them: it keeps them.
    [copy] = await _cards(desk, CONDUCT_CHAT)
    assert "王小五" in copy and "+8613800000002" in copy and LICENCE in copy
    shown = texts(await desk.send(DELIVERY_MEMBER, f"/ticket {ticket.label}", chat=DELIVERY_CHAT))
    assert "投诉人信息由纪检作风监督室保管" in shown and not _named(shown)
    shown = texts(await desk.send(DELIVERY_LEADER, f"/ticket {ticket.label}"))
    assert not _named(shown)
    for reader, chat in ((CONDUCT_MEMBER, CONDUCT_CHAT), (SUPERVISOR, SUPERVISOR)):
        shown = texts(await desk.send(reader, f"/ticket {ticket.label}", chat=chat))
        assert "王小五" in shown and "+8613800000002" in shown
    # The team still reaches the complainant: through the bot.
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "请问是哪一天迟到的？", chat=DELIVERY_CHAT)
    asked = [r for r in await desk.outbox() if r.chat_id == RETAILER]
    assert any("哪一天" in str(r.payload.get("text", "")) for r in asked)
    assert not any(_named(card) for card in await _cards(desk, DELIVERY_CHAT))


async def test_a_complaint_the_oversight_team_transfers_keeps_the_complainant_from_the_new_team(
    desk: Harness,
) -> None:
    await _registered_with_a_shop(desk)
    await desk.send(RETAILER, "/complain 客户经理总是搭售滞销烟")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "conduct"
    [card] = await _cards(desk, CONDUCT_CHAT)
    assert "王小五" in card and "+8613800000002" in card  # 作风监督 keeps them
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:xfer:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:xto:{ticket.id}:ordering", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "请营销部核实客户经理搭售一事", chat=CONDUCT_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.team_id == "ordering"
    ordering = await _cards(desk, ORDERING_CHAT)
    assert ordering and not any(_named(c) for c in ordering)
    assert all("投诉人信息由纪检作风监督室保管" in c for c in ordering)
    # The oversight team, now watching, still reads who complained.
    assert "王小五" in (await _cards(desk, CONDUCT_CHAT))[-1]


async def test_the_oversight_teams_copy_keeps_naming_the_complainant_as_the_card_changes(
    desk: Harness,
) -> None:
    await _registered_with_a_shop(desk)
    await desk.send(RETAILER, "投诉配送员小王，送货总是迟到")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.team_id == "delivery"
    async with desk.db.uow() as uow:  # what the outbox's recorder keeps as they go out
        for chat, message_id in ((DELIVERY_CHAT, 601), (CONDUCT_CHAT, 602)):
            await uow.ticket_messages.add(
                TicketMessage(ticket.id, chat, message_id, "card", desk.clock())
            )
        await uow.commit()
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT, message_id=601)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT, message_id=601)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    for _ in range(2):  # the reminder after a day, the close after three
        desk.clock.advance(hours=49)
        await sweep(desk.db, desk.cfg, desk.clock())
    assert (await desk.actions(ticket.id))[-1] == "auto_close"
    edits = [r for r in await desk.outbox() if r.purpose == "card_edit"]
    theirs = [str(r.payload["text"]) for r in edits if r.payload.get("message_id") == 601]
    watched = [str(r.payload["text"]) for r in edits if r.payload.get("message_id") == 602]
    assert theirs and not any(_named(text) for text in theirs)
    assert watched and all("王小五" in text and "+8613800000002" in text for text in watched)
    assert "自动销号" in theirs[-1] and "自动销号" in watched[-1]
