"""A named complaint's words, and what its complainant says later, read by a team the
oversight team keeps their details from: the phone, WeChat, licence, name and shop they
typed are hidden there, as the card's 报告人 line withholds them; the keepers read them whole."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from bot.reports_port import Reports
from core.enums import Kind
from core.model import OutboxMessage, Ticket
from scheduler.sweep import sweep
from tests.support.complainant import LICENCE, RETAILER, SECRETS, registered_with_a_shop
from tests.support.desk import Harness, texts

DELIVERY_CHAT, DELIVERY_MEMBER, DELIVERY_LEADER = -1001000000014, 200071, 200072
CONDUCT_CHAT, CONDUCT_MEMBER, SUPERVISOR = -1001000000016, 200091, 300001
DELIVERY_PLACES = (DELIVERY_CHAT, DELIVERY_MEMBER, DELIVERY_LEADER)

WECHAT = "zhangwei1234"
SAYS_WHO = f"我电话13800000002，微信{WECHAT}，我是老王烟酒店的王小五，许可证号{LICENCE}"
HIDDEN = (*SECRETS, WECHAT)


def _named(text: str) -> bool:
    return any(secret in text for secret in HIDDEN)


def _told(rows: list[OutboxMessage], *chats: int) -> str:
    return "\n".join(str(r.payload.get("text", "")) for r in rows if r.chat_id in chats)


async def _named_complaint_saying_who(desk: Harness) -> Ticket:
    """王小五's complaint, filed with his name, whose words say who he is and how to reach
    him; the domain words send it to the team complained about."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, f"投诉配送员王军，送货总是迟到，{SAYS_WHO}")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id, ticket.anonymous) == (Kind.COMPLAINT, "delivery", False)
    return ticket


async def test_a_named_complaints_card_hides_the_details_typed_in_its_words_from_the_team(
    desk: Harness,
) -> None:
    ticket = await _named_complaint_saying_who(desk)
    sent = await desk.outbox()
    team = _told(sent, *DELIVERY_PLACES)
    assert "投诉人信息由纪检作风监督室保管" in team and "配送员王军" in team
    assert not _named(team), team
    shown = texts(await desk.send(DELIVERY_MEMBER, f"/ticket {ticket.label}", chat=DELIVERY_CHAT))
    assert "配送员王军" in shown and not _named(shown), shown
    queue = texts(await desk.send(DELIVERY_MEMBER, "/queue", chat=DELIVERY_CHAT))
    assert ticket.label in queue and not _named(queue), queue
    # The keepers read the words whole.
    assert WECHAT in _told(sent, CONDUCT_CHAT) and "老王烟酒店的王小五" in _told(sent, CONDUCT_CHAT)
    assert WECHAT in texts(await desk.send(CONDUCT_MEMBER, f"/ticket {ticket.label}"))
    assert WECHAT in texts(await desk.send(SUPERVISOR, f"/ticket {ticket.label}"))


async def test_a_named_complainants_answer_to_the_team_hides_their_details_from_it(
    desk: Harness,
) -> None:
    """Their answer to the team's question (需补充) is relayed to the team complained about,
    and shown on its /ticket's timeline, with the details they typed hidden."""
    ticket = await _named_complaint_saying_who(desk)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "是哪一天迟到的？", chat=DELIVERY_CHAT)
    before = len(await desk.outbox())
    await desk.send(RETAILER, f"上周三，{SAYS_WHO}")
    # The relayed answer, not the card edited with it: the card is the test above's.
    relayed = [r for r in (await desk.outbox())[before:] if not r.purpose.startswith("card")]
    told = _told(relayed, *DELIVERY_PLACES)
    assert "上周三" in told and not _named(told), told
    shown = texts(await desk.send(DELIVERY_MEMBER, f"/ticket {ticket.label}", chat=DELIVERY_CHAT))
    assert "上周三" in shown and not _named(shown), shown
    kept = texts(await desk.send(SUPERVISOR, f"/ticket {ticket.label}"))
    assert f"上周三，{SAYS_WHO}" in kept


async def test_a_named_complaints_reminders_to_the_team_hide_the_details_in_its_words(
    desk: Harness,
) -> None:
    """The ladder's reminder and the leader's alert quote the words as the card does."""
    await _named_complaint_saying_who(desk)
    before = len(await desk.outbox())
    for _ in range(6):
        desk.clock.advance(hours=1)
        await sweep(desk.db, desk.cfg, desk.clock())
    told = _told((await desk.outbox())[before:], *DELIVERY_PLACES)
    assert "配送员王军" in told and not _named(told), told


def _ledger_cells(out: object) -> str:
    """Every cell of the ledger's first sheet, the 台账, in the one document replied."""
    (document,) = [r.document for r in out.replies if r.document is not None]  # type: ignore[attr-defined]
    sheet = load_workbook(io.BytesIO(document[1])).worksheets[0]
    return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)


async def test_a_ledger_posted_in_the_teams_group_hides_the_details_in_a_named_complaints_words(
    desk: Harness,
) -> None:
    desk.desk.svc.reports = Reports(desk.db, desk.cfg)
    await _named_complaint_saying_who(desk)
    posted = _ledger_cells(await desk.send(SUPERVISOR, "/ledger today", chat=DELIVERY_CHAT))
    assert "配送员王军" in posted and not _named(posted), posted
    own = _ledger_cells(await desk.send(SUPERVISOR, "/ledger today"))
    assert WECHAT in own
