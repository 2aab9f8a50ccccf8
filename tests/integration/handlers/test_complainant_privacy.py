"""A complaint about a team's own people (a customer manager's tie-in selling) is heard by
the oversight team (纪检作风监督室): the complainant's name and phone never reach the chat
of the team whose member it is about."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from bot.outbox import SimulatedClock
from bot.outbox.escalation import record_undeliverable
from bot.reports_port import Reports
from core.enums import Kind
from core.model import TeamChat, TicketMessage
from scheduler.sweep import sweep
from tests.support.complainant import LICENCE, RETAILER, SECRETS, registered_with_a_shop
from tests.support.config_edits import with_team_changed
from tests.support.desk import Harness, texts
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import fake_bot_api, make_sender, ptb_bot_for  # noqa: F401

ORDERING_CHAT, CONDUCT_CHAT = -1001000000013, -1001000000016


@pytest.mark.parametrize(
    "words",
    [
        "/complain 客户经理总是搭售滞销烟",
        "/complain 客戶經理愛答不理，還強行搭配滯銷菸",
        "/complain 客戶經理每次來都推銷他指定的菸，不買就說下次給我減檔位",
        "/complain 客户经理威胁要降我档位",
    ],
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
    await registered_with_a_shop(desk)
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
    await registered_with_a_shop(desk)
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
    await registered_with_a_shop(desk)
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


CONDUCT_LEADER = 200092


async def _complaint_on_delivery(desk: Harness, *, anonymous: bool = False) -> int:
    """A retailer's complaint the domain words send to 物流配送中心, its card sent to the
    team's chat and to 作风监督's, as the sender records them."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "投诉配送员小王，送货总是迟到")
    await desk.press(RETAILER, "f:anon" if anonymous else "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.team_id == "delivery"
    async with desk.db.uow() as uow:
        for chat, message_id in ((DELIVERY_CHAT, 601), (CONDUCT_CHAT, 602)):
            await uow.ticket_messages.add(
                TicketMessage(ticket.id, chat, message_id, "card", desk.clock())
            )
        await uow.commit()
    return ticket.id


@pytest.mark.parametrize("by", ["transfer", "reassign"])
async def test_a_complaint_moved_to_the_triage_desk_stays_unnamed_on_the_old_teams_card(
    desk: Harness, by: str
) -> None:
    """The triage desk may read who complained; the team the complaint was about, whose
    copy is edited as the ticket moves on, still may not."""
    ticket_id = await _complaint_on_delivery(desk)
    if by == "transfer":
        await desk.press(DELIVERY_MEMBER, f"tk:xfer:{ticket_id}", chat=DELIVERY_CHAT)
        await desk.press(DELIVERY_MEMBER, f"tk:xto:{ticket_id}:triage", chat=DELIVERY_CHAT)
        await desk.send(DELIVERY_MEMBER, "不归我们管", chat=DELIVERY_CHAT)
    else:
        await desk.press(SUPERVISOR, f"sv:reassign:{ticket_id}")
        await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:triage")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "triage"
    edits = [
        str(r.payload["text"])
        for r in await desk.outbox()
        if r.chat_id == DELIVERY_CHAT and r.purpose == "card_edit"
    ]
    assert edits and not any(_named(text) for text in edits)
    assert all("投诉人信息由纪检作风监督室保管" in text for text in edits)
    # The desk's own copy names the complainant, as 作风监督's does.
    desk_cards = await _cards(desk, -1001000000017)
    assert desk_cards and all("王小五" in text for text in desk_cards)


async def test_the_call_back_the_oversight_team_owes_names_the_complainant_to_it(
    desk: Harness,
) -> None:
    """作风监督's leaders owe the call-back of a complaint another team handled: its
    reminders give them the complainant's name and phone, to phone them."""
    ticket_id = await _complaint_on_delivery(desk)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:ok:{ticket_id}")
    await desk.press(RETAILER, f"my:r:{ticket_id}:1")
    before = {r.id for r in await desk.outbox()}
    for _ in range(6):
        desk.clock.advance(hours=8)
        await sweep(desk.db, desk.cfg, desk.clock())
    chased = [
        str(r.payload["text"])
        for r in await desk.outbox()
        if r.id not in before and r.purpose == "callback" and r.chat_id == CONDUCT_LEADER
    ]
    assert chased and all("王小五" in text and "13800000002" in text for text in chased)


async def test_an_anonymous_complaints_call_back_reminders_ask_for_a_review(
    desk: Harness,
) -> None:
    ticket_id = await _complaint_on_delivery(desk, anonymous=True)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:ok:{ticket_id}")
    await desk.press(RETAILER, f"my:r:{ticket_id}:1")
    before = {r.id for r in await desk.outbox()}
    for _ in range(6):
        desk.clock.advance(hours=8)
        await sweep(desk.db, desk.cfg, desk.clock())
    chased = [
        str(r.payload["text"])
        for r in await desk.outbox()
        if r.id not in before and r.purpose == "callback"
    ]
    assert chased and all("匿名投诉" in text and "复核" in text for text in chased)
    assert not any("问清原因" in text or _named(text) for text in chased)


@pytest.mark.parametrize("anonymous", [True, False])
async def test_a_message_the_complainant_blocked_tells_the_team_no_name_or_phone(
    desk: Harness, anonymous: bool
) -> None:
    """A complainant who blocked the bot: the team handling the complaint hears a notice
    did not reach them, without who they are or their phone."""
    ticket_id = await _complaint_on_delivery(desk, anonymous=anonymous)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket_id}", chat=DELIVERY_CHAT)
    [notice, *_] = [
        r
        for r in reversed(await desk.outbox())
        if r.chat_id == RETAILER and r.method == "send_message" and r.ticket_id == ticket_id
    ]
    async with desk.db.uow() as uow:
        alerts = await record_undeliverable(
            uow, desk.cfg, notice, "Forbidden: bot was blocked", desk.clock(), forbidden=True
        )
        await uow.commit()
    said = [str(a.payload["text"]) for a in alerts]
    assert said and not any(_named(text) for text in said)
    assert all(("匿名" if anonymous else "纪检作风监督室") in text for text in said)


@pytest.mark.parametrize("anonymous", [False, True])
async def test_a_message_the_complainant_blocked_names_them_to_the_supervisors_it_reaches(
    desk: Harness, anonymous: bool
) -> None:
    """The team complained about has no chat and its leader blocked the bot: the alert that
    a notice did not reach the complainant goes to the supervisors' own chats, where a
    named complainant may be read, with whom to phone, as their 超时督办 does; an
    anonymous one is named there neither."""
    ticket_id = await _complaint_on_delivery(desk, anonymous=anonymous)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket_id}", chat=DELIVERY_CHAT)
    [notice, *_] = [
        r
        for r in reversed(await desk.outbox())
        if r.chat_id == RETAILER and r.method == "send_message" and r.ticket_id == ticket_id
    ]
    await desk.block(DELIVERY_LEADER)
    no_chat = with_team_changed(desk.cfg, "delivery", chat_id=None)
    async with desk.db.uow() as uow:
        alerts = await record_undeliverable(
            uow, no_chat, notice, "Forbidden: bot was blocked", desk.clock(), forbidden=True
        )
        await uow.commit()
    [supervised] = [str(a.payload["text"]) for a in alerts if a.chat_id == SUPERVISOR]
    assert [a.chat_id for a in alerts] == [SUPERVISOR]
    if anonymous:
        assert "匿名" in supervised and not _named(supervised)
    else:
        assert "王小五" in supervised and "13800000002" in supervised
        assert "保管" not in supervised


@pytest.mark.parametrize("refusal", ["kicked", "bad_request"])
async def test_an_oversight_copy_that_fails_is_told_to_its_own_team_not_the_one_complained_about(
    desk: Harness,
    fake_bot_api: FakeBotApi,  # noqa: F811
    refusal: str,
) -> None:
    """The oversight team's copy of a complaint (the one that names the complainant) does
    not reach its group: its leaders hear, and the supervisors too when the bot was
    removed from it, each once (the 抄送 header and the card it heads are one delivery)
    and reading what they may read; the team complained about hears nothing of it, least
    of all who complained."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "投诉配送员小王，送货总是迟到")
    await desk.press(RETAILER, "f:ok")
    if refusal == "kicked":
        fake_bot_api.kick(CONDUCT_CHAT)
    else:
        fake_bot_api.inject("bad_request", chat_id=CONDUCT_CHAT, times=None)
    bot = ptb_bot_for(fake_bot_api)
    async with bot:
        sender = make_sender(desk.db, desk.cfg, bot, SimulatedClock(desk.clock()))
        await sender.drain_all(max_seconds=600)

    alerts = [c for c in fake_bot_api.sent if c.text and "消息未能送达" in c.text]
    told = sorted(c.chat_id or 0 for c in alerts)
    assert told == ([CONDUCT_LEADER, SUPERVISOR] if refusal == "kicked" else [CONDUCT_LEADER])
    assert all("纪检作风监督室的群" in str(c.text) for c in alerts)
    to_delivery = [*fake_bot_api.texts(DELIVERY_LEADER), *fake_bot_api.texts(DELIVERY_CHAT)]
    assert to_delivery and not any(_named(text) for text in to_delivery)
    assert not any("未能送达" in text for text in to_delivery)


@pytest.mark.parametrize("old_group", [CONDUCT_CHAT, -1001000000098])
@pytest.mark.parametrize("refusal", ["kicked", "bad_request"])
async def test_a_copy_refused_by_a_group_no_team_has_now_is_told_to_the_oversight_team(
    desk: Harness, old_group: int, refusal: str
) -> None:
    """The oversight team moved to another group (/bindteam), and a group it no longer has
    (the one its config gives it, or one it was bound to before) refused the copy that names
    the complainant: its leaders hear that their group did not take it, and the supervisors
    too when the bot was removed from it; the team complained about hears nothing of it,
    nor is asked to mend a group that is not theirs."""
    ticket_id = await _complaint_on_delivery(desk)
    [copy] = [
        r
        for r in await desk.outbox()
        if r.chat_id == CONDUCT_CHAT and r.purpose == "card" and r.ticket_id == ticket_id
    ]
    assert _named(str(copy.payload["text"]))
    copy = replace(copy, chat_id=old_group)
    async with desk.db.uow() as uow:
        await uow.team_chats.bind(TeamChat("conduct", -1001000000099, 0, desk.clock()))
        alerts = await record_undeliverable(
            uow,
            desk.cfg,
            copy,
            "Forbidden: bot was kicked" if refusal == "kicked" else "Bad Request: chat not found",
            desk.clock(),
            forbidden=refusal == "kicked",
        )
        await uow.commit()
    told = sorted(a.chat_id for a in alerts)
    assert told == ([CONDUCT_LEADER, SUPERVISOR] if refusal == "kicked" else [CONDUCT_LEADER])
    said = [str(a.payload["text"]) for a in alerts]
    assert all("未能送达纪检作风监督室的群" in text for text in said)
    assert DELIVERY_LEADER not in told and DELIVERY_CHAT not in told


async def _complaint_on_conduct(desk: Harness) -> int:
    """A named complaint its words send straight to 作风监督, which keeps complainants."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "/complain 客户经理总是搭售滞销烟")
    await desk.press(RETAILER, "f:next")
    filed = texts(await desk.press(RETAILER, "f:ok"))
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.team_id == "conduct"
    # Nothing to be told of: the team that has it may read who complained.
    assert "已提交" in filed and "只交给" not in filed
    return ticket.id


async def _deliver_alerts(desk: Harness, ticket_id: int, before: set[int | None]) -> None:
    """The sender records the ladder's alerts since `before` as sent."""
    async with desk.db.uow() as uow:
        for i, row in enumerate(await desk.outbox()):
            if row.id in before or row.ticket_id != ticket_id:
                continue
            if row.purpose in ("card", "card_edit", "notify") or row.chat_id == RETAILER:
                continue
            sent = TicketMessage(ticket_id, row.chat_id, 900 + i, row.purpose, desk.clock())
            await uow.ticket_messages.add(replace(sent, team_id="conduct"))
        await uow.commit()


async def test_the_oversight_teams_own_alerts_keep_naming_the_complainant_once_answered(
    desk: Harness,
) -> None:
    ticket_id = await _complaint_on_conduct(desk)
    before = {r.id for r in await desk.outbox()}
    for _ in range(8):
        desk.clock.advance(minutes=30)
        await sweep(desk.db, desk.cfg, desk.clock())
    await _deliver_alerts(desk, ticket_id, before)
    before = {r.id for r in await desk.outbox()}

    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket_id}", chat=CONDUCT_CHAT)

    edits = {
        r.chat_id: str(r.payload["text"])
        for r in await desk.outbox()
        if r.id not in before and r.purpose == "alert_edit"
    }
    assert {CONDUCT_CHAT, CONDUCT_LEADER} <= set(edits)
    assert all("王小五" in text and "保管" not in text for text in edits.values())


async def test_the_oversight_teams_own_alerts_keep_naming_the_complainant_when_closed(
    desk: Harness,
) -> None:
    ticket_id = await _complaint_on_conduct(desk)
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket_id}", chat=CONDUCT_CHAT)
    before = {r.id for r in await desk.outbox()}
    for _ in range(12):
        desk.clock.advance(hours=6)
        await sweep(desk.db, desk.cfg, desk.clock())
    await _deliver_alerts(desk, ticket_id, before)
    await desk.press(CONDUCT_MEMBER, f"tk:ask:{ticket_id}", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "请问是哪一天？", chat=CONDUCT_CHAT)
    before = {r.id for r in await desk.outbox()}
    for _ in range(12):
        desk.clock.advance(hours=24)
        await sweep(desk.db, desk.cfg, desk.clock())
    edits = [
        str(r.payload["text"])
        for r in await desk.outbox()
        if r.id not in before and r.purpose == "alert_edit"
    ]
    assert edits and all("王小五" in text and "保管" not in text for text in edits)


async def test_a_complaint_shows_the_complainants_own_town_only_where_they_may_be_read(
    desk: Harness,
) -> None:
    """The complainant's town is their registration's, not the complaint's: on the card of
    the team complained about it would point at their shop."""
    await _complaint_on_delivery(desk)
    [card] = await _cards(desk, DELIVERY_CHAT)
    assert "城区" not in card and "地点：未注明（不显示投诉人登记的地点）" in card
    [copy] = await _cards(desk, CONDUCT_CHAT)
    assert "地点：城区" in copy


async def test_a_pin_the_complainant_shared_with_the_complaint_stays_on_the_card(
    desk: Harness,
) -> None:
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "/complain 配送员小王送货总是迟到")
    await desk.location(RETAILER, 26.5321, 106.7012)
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "delivery"
    [card] = await _cards(desk, DELIVERY_CHAT)
    assert "地点：📍26.5321,106.7012" in card and "城区" not in card


@pytest.mark.parametrize("anonymous", [False, True])
async def test_the_supervisors_overdue_alert_names_a_complainant_another_team_keeps_waiting(
    desk: Harness, anonymous: bool
) -> None:
    """超时督办 reaches the supervisors' own chats, where a named complainant may be read
    (the triage desk's /ticket names them there too); the team complained about, and its
    leaders, still read neither their name nor their town; an anonymous one, nobody."""
    ticket_id = await _complaint_on_delivery(desk, anonymous=anonymous)
    for _ in range(48):  # unaccepted: the team's reminder, its leaders', the supervisors'
        desk.clock.advance(minutes=30)
        await sweep(desk.db, desk.cfg, desk.clock())
    alerts = [
        r
        for r in await desk.outbox()
        if r.ticket_id == ticket_id and r.purpose not in ("card", "card_edit", "notify")
    ]
    [supervised] = [str(r.payload["text"]) for r in alerts if r.purpose == "oversight_accept"]
    team = [str(r.payload["text"]) for r in alerts if r.chat_id in (DELIVERY_CHAT, DELIVERY_LEADER)]
    assert team and not any(_named(text) or "城区" in text for text in team)
    if anonymous:
        assert "报告人：匿名" in supervised and not _named(supervised)
        assert "城区" not in supervised
    else:
        assert "王小五" in supervised and "13800000002" in supervised and "保管" not in supervised
        assert "地点：城区" in supervised


@pytest.mark.parametrize("anonymous", [False, True])
async def test_an_urgent_complaint_left_unanswered_does_not_give_the_team_the_complainants_phone(
    desk: Harness, anonymous: bool
) -> None:
    """A silent farmer at a burning barn is phoned by the team; a complainant the team may
    not know is reminded by the bot only, their phone kept from the team."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "投诉配送员小王，送货时在店门口抽烟差点着火")
    await desk.press(RETAILER, "f:anon" if anonymous else "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.urgent and ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "请问是哪一天的事？", chat=DELIVERY_CHAT)
    before = {r.id for r in await desk.outbox()}
    for _ in range(4):
        desk.clock.advance(minutes=20)
        await sweep(desk.db, desk.cfg, desk.clock())
    since = [r for r in await desk.outbox() if r.id not in before]
    assert any(r.chat_id == RETAILER for r in since)  # the complainant is reminded
    told = [str(r.payload.get("text", "")) for r in since if r.chat_id != RETAILER]
    assert not any(_named(text) for text in told)


def _ledger_cells(out: object) -> str:
    """Every cell of the ledger's first sheet, the 台账, in the one document replied."""
    (document,) = [r.document for r in out.replies if r.document is not None]  # type: ignore[attr-defined]
    sheet = load_workbook(io.BytesIO(document[1])).worksheets[0]
    return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)


async def test_a_ledger_a_supervisor_posts_in_the_teams_group_keeps_the_complainant_from_it(
    desk: Harness,
) -> None:
    """The supervisor's own ledger names who complained; posted in the group of the team
    complained about, it is that team's copy, and says who keeps them instead."""
    desk.desk.svc.reports = Reports(desk.db, desk.cfg)
    await _complaint_on_delivery(desk)
    own = _ledger_cells(await desk.send(SUPERVISOR, "/ledger today"))
    assert "王小五" in own and "老王烟酒店" in own and LICENCE in own
    posted = _ledger_cells(await desk.send(SUPERVISOR, "/ledger today", chat=DELIVERY_CHAT))
    assert "投诉人信息由纪检作风监督室保管" in posted
    assert not _named(posted) and "城区" not in posted
    at_the_desk = _ledger_cells(await desk.send(SUPERVISOR, "/ledger today", chat=-1001000000017))
    assert "王小五" in at_the_desk


TRIAGE_CHAT = -1001000000017


@pytest.mark.parametrize("by", ["transfer", "reassign"])
async def test_a_request_sent_to_the_oversight_team_by_hand_keeps_its_complainant_from_the_next(
    desk: Harness, by: str
) -> None:
    """Words the triage desk reads as a complaint about staff and sends to 作风监督 are a
    complaint there, as words the router sends there are: the team it goes on to, whose
    people it is about, reads who keeps the complainant."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "你们的人服务太差了")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None and (ticket.kind, ticket.team_id) == (Kind.REQUEST, "triage")
    if by == "transfer":
        await desk.press(SUPERVISOR, f"tk:xfer:{ticket.id}", chat=TRIAGE_CHAT)
        await desk.press(SUPERVISOR, f"tk:xto:{ticket.id}:conduct", chat=TRIAGE_CHAT)
        await desk.send(SUPERVISOR, "请作风监督室处理", chat=TRIAGE_CHAT)
    else:
        await desk.press(SUPERVISOR, f"sv:reassign:{ticket.id}")
        await desk.press(SUPERVISOR, f"tk:rto:{ticket.id}:conduct")
    [ticket] = await desk.tickets()
    assert ticket.id is not None and (ticket.kind, ticket.team_id) == (Kind.COMPLAINT, "conduct")
    assert "complaint" in await desk.actions(ticket.id)  # the change is on record
    assert "王小五" in (await _cards(desk, CONDUCT_CHAT))[-1]
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:xfer:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:xto:{ticket.id}:delivery", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "请配送中心核实", chat=CONDUCT_CHAT)
    delivery = await _cards(desk, DELIVERY_CHAT)
    assert delivery and not any(_named(card) for card in delivery)
    assert all("投诉人信息由纪检作风监督室保管" in card for card in delivery)


async def _told_delivery(desk: Harness) -> list[str]:
    readers = (DELIVERY_CHAT, DELIVERY_MEMBER, DELIVERY_LEADER)
    return [str(r.payload.get("text", "")) for r in await desk.outbox() if r.chat_id in readers]


async def _complaint_at_conduct(desk: Harness) -> int:
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "/complain 客户经理总是搭售滞销烟")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.team_id == "conduct"
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket.id}", chat=CONDUCT_CHAT)
    return ticket.id


async def _sent_to_delivery(desk: Harness, ticket_id: int) -> None:
    await desk.press(CONDUCT_LEADER, f"tk:xfer:{ticket_id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_LEADER, f"tk:xto:{ticket_id}:delivery", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_LEADER, "请物流中心核实送货时间", chat=CONDUCT_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.team_id == "delivery"


QUESTION = "王小五您好，老王烟酒店是几点收到货的？"


async def test_a_question_typed_after_the_move_reaches_the_new_team_without_the_complainant(
    desk: Harness,
) -> None:
    """需补充 pressed at the oversight team, the complaint sent on to delivery before the
    question is typed: delivery is given the question without the complainant's name and
    shop, as its card withholds them."""
    ticket_id = await _complaint_at_conduct(desk)
    await desk.press(CONDUCT_MEMBER, f"tk:ask:{ticket_id}", chat=CONDUCT_CHAT)
    await _sent_to_delivery(desk, ticket_id)
    await desk.send(CONDUCT_MEMBER, QUESTION, chat=CONDUCT_CHAT)
    told = await _told_delivery(desk)
    [passed] = [text for text in told if "在转派前想请报告人补充的问题" in text]
    assert "几点收到货" in passed and not _named(passed), passed
    assert not any(_named(text) for text in told), told


async def test_a_question_asked_before_the_move_reaches_the_new_team_without_the_complainant(
    desk: Harness,
) -> None:
    """The question asked of the complainant at the oversight team is in the history the
    new team is given (此前经过), without the complainant's name and shop."""
    ticket_id = await _complaint_at_conduct(desk)
    await desk.press(CONDUCT_MEMBER, f"tk:ask:{ticket_id}", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, QUESTION, chat=CONDUCT_CHAT)
    await _sent_to_delivery(desk, ticket_id)
    told = await _told_delivery(desk)
    [history] = [text for text in told if "此前经过" in text]
    assert "几点收到货" in history and not _named(history), history
    assert not any(_named(text) for text in told), told
    [ticket] = await desk.tickets()
    typed = f"/ticket {ticket.label}"
    shown = texts(await desk.send(DELIVERY_MEMBER, typed, chat=DELIVERY_CHAT))
    assert "几点收到货" in shown and not _named(shown), shown


REGISTERED_ADDRESS = "城区人民路12号"


async def test_the_complainants_registered_address_is_hidden_from_the_team_complained_about(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.send(RETAILER, REGISTERED_ADDRESS)  # the place question
    await desk.send(RETAILER, "老王烟酒店")
    await desk.send(RETAILER, LICENCE)
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(RETAILER)
    assert user is not None and user.address, user
    await desk.send(
        RETAILER, f"投诉配送员小王送货总是迟到，我的店在{REGISTERED_ADDRESS}，老王烟酒店"
    )
    await desk.press(RETAILER, "f:anon")
    [ticket] = await desk.tickets()
    assert ticket.anonymous and ticket.team_id == "delivery"
    cards = [
        r.payload.get("text", "")
        for r in await desk.outbox()
        if r.chat_id == DELIVERY_CHAT and r.purpose == "card"
    ]
    assert cards and "老王烟酒店" not in cards[-1]  # the shop's name is hidden
    assert "人民路12号" not in cards[-1], cards[-1]


async def test_a_traditional_writers_registered_address_is_hidden_without_its_town(
    desk: Harness,
) -> None:
    """城區人民路12號 registered, 我的店在人民路12號 written: hidden as a Simplified writer's
    address is, with or without its town."""
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.send(RETAILER, "城區人民路12號")  # the place question
    await desk.send(RETAILER, "老王煙酒店")
    await desk.send(RETAILER, LICENCE)
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(RETAILER)
    assert user is not None and user.address == "城區人民路12號", user
    await desk.send(RETAILER, "投訴配送員小王送貨總是遲到，我的店在人民路12號")
    await desk.press(RETAILER, "f:anon")
    [ticket] = await desk.tickets()
    assert ticket.anonymous and ticket.team_id == "delivery"
    cards = [
        r.payload.get("text", "")
        for r in await desk.outbox()
        if r.chat_id == DELIVERY_CHAT and r.purpose == "card"
    ]
    assert cards and "人民路12號" not in cards[-1], cards[-1]
