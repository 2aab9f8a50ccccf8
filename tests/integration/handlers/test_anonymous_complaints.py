"""A complaint filed as 匿名: offered at its summary, kept on the ticket and its audit trail,
named to no team, leader, /ticket or ledger; the complainant still hears every step,
answers the team's question through the bot, confirms and rates."""

from __future__ import annotations

import pytest

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Kind, Status
from core.model import OutboxMessage, Ticket
from reports.ledger import LedgerRow, load
from reports.periods import parse
from routing import to_simplified
from tests.support.complainant import LICENCE, RETAILER, SECRETS, registered_with_a_shop
from tests.support.desk import Harness, button_actions, texts

DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071
CONDUCT_CHAT, CONDUCT_MEMBER = -1001000000016, 200091
SUPERVISOR = 300001


def _named_nowhere(text: str) -> bool:
    return not any(secret in text for secret in SECRETS)


async def _todays_ledger_row(desk: Harness) -> tuple[LedgerRow, LedgerRow]:
    """Today's one ledger row as the supervisors read it and as a team's group does."""
    async with desk.db.uow(read_only=True) as uow:
        assert uow.session is not None
        period = parse("today", desk.clock.now, desk.cfg.zone)
        [whole] = (await load(uow.session, desk.cfg, period, desk.clock.now)).rows
        [kept] = (await load(uow.session, desk.cfg, period, desk.clock.now, keeper=False)).rows
    return whole, kept


async def _sent_to(desk: Harness, chat: int, since: set[int | None] | None = None) -> str:
    return "\n".join(
        str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.chat_id == chat and (since is None or r.id not in since)
    )


async def _anonymous_conduct_complaint(desk: Harness) -> int:
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "/complain 配送员小王态度很差，还骂人")
    summary = await desk.press(RETAILER, "f:next")
    assert "匿名提交" in texts(summary) and "f:anon" in button_actions(summary)
    filed = texts(await desk.press(RETAILER, "f:anon"))
    assert "已匿名提交" in filed and "看不到您是谁" in filed
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.anonymous
    assert (ticket.kind, ticket.team_id) == (Kind.COMPLAINT, "conduct")
    return ticket.id


async def _anonymous_complaint_at_the_score(desk: Harness) -> int:
    """The anonymous complaint taken up and resolved by the oversight team, and 「✅ 已解决，
    评价」 pressed: the score is asked; its id."""
    ticket_id = await _anonymous_conduct_complaint(desk)
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket_id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:res:{ticket_id}", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "已约谈配送员", chat=CONDUCT_CHAT)
    await desk.press(RETAILER, f"my:ok:{ticket_id}")
    return ticket_id


async def test_an_anonymous_complaint_names_nobody_and_is_on_the_audit_trail(
    desk: Harness,
) -> None:
    ticket_id = await _anonymous_conduct_complaint(desk)
    card = await _sent_to(desk, CONDUCT_CHAT)
    assert "报告人：匿名" in card and _named_nowhere(card)
    async with desk.db.uow(read_only=True) as uow:
        [create, *_] = await uow.tickets.events(ticket_id)
    assert create.action == "create" and create.data.get("anonymous") is True
    assert create.note == "匿名投诉"
    [ticket] = await desk.tickets()
    shown = texts(await desk.send(CONDUCT_MEMBER, f"/ticket {ticket.label}", chat=CONDUCT_CHAT))
    assert "报告人：匿名" in shown and _named_nowhere(shown)
    shown = texts(await desk.send(SUPERVISOR, f"/ticket {ticket.label}"))
    assert "报告人：匿名" in shown and _named_nowhere(shown)


async def test_the_anonymous_offer_names_a_shop_to_a_retailer_alone(desk: Harness) -> None:
    """A farmer has no shop: what 匿名 hides is named as he has it (姓名和电话)."""
    farmer = 100001
    await desk.registered_as(farmer, "farmer")
    await desk.send(farmer, "/complain 定级员态度很差，还压级")
    offer = texts(await desk.press(farmer, "f:next"))
    assert "看不到您的姓名和电话，" in offer and "店铺" not in offer
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "/complain 配送员小王态度很差，还骂人")
    assert "看不到您的姓名、电话和店铺" in texts(await desk.press(RETAILER, "f:next"))


@pytest.mark.parametrize(
    ("language", "head", "team", "anonymous"),
    [
        ("zh-hans", "工单 {}｜投诉｜", "服务队：", "报告人：匿名（投诉人要求匿名"),
        ("zh-hant", "工單 {}｜投訴｜", "服務隊：", "報告人：匿名（投訴人要求匿名"),
    ],
)
async def test_ticket_names_the_reporter_in_its_one_message_under_the_header(
    desk: Harness, language: str, head: str, team: str, anonymous: str
) -> None:
    """Not a line of its own sent first: in a busy chat that one says no ticket's number."""
    await _anonymous_conduct_complaint(desk)
    [ticket] = await desk.tickets()
    await desk.send(SUPERVISOR, "/help", language_code=language)  # their menu: not this test's
    out = await desk.send(SUPERVISOR, f"/ticket {ticket.label}", language_code=language)
    (reply,) = out.replies
    lines = reply.text.splitlines()
    assert lines[0].startswith(head.format(ticket.label))
    assert lines[1].startswith(team) and lines[2].startswith(anonymous)
    assert _named_nowhere(reply.text)


async def test_an_anonymous_complaint_shows_the_complainants_own_town_to_nobody(
    desk: Harness,
) -> None:
    """Their town is their registration's: it would narrow down whose shop complained."""
    await _anonymous_conduct_complaint(desk)
    card = await _sent_to(desk, CONDUCT_CHAT)
    assert "地点：未注明（不显示投诉人登记的地点）" in card and "城区" not in card
    [ticket] = await desk.tickets()
    shown = texts(await desk.send(SUPERVISOR, f"/ticket {ticket.label}"))
    assert "报告人：匿名" in shown and "城区" not in shown


async def test_an_anonymous_complainant_is_asked_answers_and_rates_through_the_bot(
    desk: Harness,
) -> None:
    ticket_id = await _anonymous_conduct_complaint(desk)
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket_id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:ask:{ticket_id}", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "请说一下是哪天的事", chat=CONDUCT_CHAT)
    assert "请说一下是哪天的事" in await _sent_to(desk, RETAILER)
    before = {r.id for r in await desk.outbox()}
    await desk.send(RETAILER, "上周三下午")
    relayed = await _sent_to(desk, CONDUCT_CHAT, before)
    assert "上周三下午" in relayed and _named_nowhere(relayed)
    # 转派 to the team of the person complained about: still 匿名 there.
    before = {r.id for r in await desk.outbox()}
    await desk.press(CONDUCT_MEMBER, f"tk:xfer:{ticket_id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:xto:{ticket_id}:delivery", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "请配送中心核实并整改", chat=CONDUCT_CHAT)
    delivery = await _sent_to(desk, DELIVERY_CHAT, before)
    assert "报告人：匿名" in delivery and _named_nowhere(delivery)
    assert "物流配送中心" in await _sent_to(desk, RETAILER, before)  # told where it went
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育，当面道歉", chat=DELIVERY_CHAT)
    assert "已批评教育" in await _sent_to(desk, RETAILER)
    await desk.press(RETAILER, f"my:ok:{ticket_id}")
    await desk.press(RETAILER, f"my:r:{ticket_id}:5")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.rating == 5
    everyone_else = "\n".join(
        str(r.payload.get("text", "")) for r in await desk.outbox() if r.chat_id != RETAILER
    )
    assert _named_nowhere(everyone_else)


async def test_the_ledger_lists_an_anonymous_complainant_as_anonymous(desk: Harness) -> None:
    await _anonymous_conduct_complaint(desk)
    await desk.file_request(RETAILER, "今天送货的少了两条烟")
    zone = desk.cfg.zone
    async with desk.db.uow(read_only=True) as uow:
        assert uow.session is not None
        ledger = await load(
            uow.session, desk.cfg, parse("today", desk.clock.now, zone), desk.clock.now
        )
    complaint, request = ledger.rows
    assert (complaint.requester, complaint.phone) == ("匿名", "")
    assert (complaint.shop_name, complaint.licence_number) == ("", "")
    assert (complaint.area, complaint.site) == ("", "")  # their registration's town
    assert request.requester == "王小五" and request.shop_name == "老王烟酒店"
    assert request.area == "城区"


@pytest.mark.parametrize("typed", ["匿名", "匿名提交"])
async def test_typing_anonymous_at_a_complaints_summary_files_it_anonymously(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, "/complain 客户经理态度很差")
    await desk.press(RETAILER, "f:next")
    assert "已匿名提交" in texts(await desk.send(RETAILER, typed))
    [ticket] = await desk.tickets()
    assert ticket.anonymous


async def test_a_request_cannot_be_filed_anonymously_and_is_told_so(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "今天送货的少了两条烟")
    summary = await desk.press(RETAILER, "f:next")
    assert "f:anon" not in button_actions(summary) and "匿名" not in texts(summary)
    out = texts(await desk.send(RETAILER, "匿名"))
    assert "只有投诉可以匿名提交" in out and "请确认" in out
    assert await desk.tickets() == []
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert not ticket.anonymous


async def test_a_complaint_in_traditional_is_offered_anonymity_in_traditional(
    desk: Harness,
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, "/complain 配送員小王態度很差，還罵人")
    summary = texts(await desk.press(RETAILER, "f:next"))
    assert "匿名提交" in summary and "辦理人員" in summary and "办理人员" not in summary
    filed = texts(await desk.press(RETAILER, "f:anon"))
    assert "已匿名提交" in filed and "辦理進展" in filed


async def test_a_low_rating_of_an_anonymous_complaint_asks_for_a_review_not_a_phone_call(
    desk: Harness,
) -> None:
    ticket_id = await _anonymous_complaint_at_the_score(desk)
    before = {r.id for r in await desk.outbox()}
    out = texts(await desk.press(RETAILER, f"my:r:{ticket_id}:1"))
    assert "复核" in out and "不会打电话给您" in out and "回访您" not in out
    [alert] = [
        str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.id not in before and r.purpose == "callback" and r.chat_id == 200092
    ]
    assert "匿名投诉" in alert and "复核" in alert
    [ticket] = await desk.tickets()
    assert ticket.rating == 1 and ticket.callback_team == "conduct"


async def test_the_leaders_review_of_an_anonymous_complaint_never_asks_what_the_requester_said(
    desk: Harness,
) -> None:
    """The notice of the low rating, 「📞 已回访」 and a note without words all speak of a
    review (复核), as the ladder's reminders do: there is nobody to phone."""
    ticket_id = await _anonymous_complaint_at_the_score(desk)
    before = {r.id for r in await desk.outbox()}
    await desk.press(RETAILER, f"my:r:{ticket_id}:1")
    [notice] = [
        str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.id not in before and r.purpose == "callback" and r.chat_id == 200092
    ]
    assert "匿名投诉" in notice and "前复核办理情况" in notice and "记下复核结果" in notice
    assert "问清原因" not in notice and "报告人怎么说" not in notice
    asked = texts(await desk.press(200092, f"tk:cb:{ticket_id}"))
    assert "复核结果" in asked and "报告人怎么说" not in asked
    photo_only = texts(await desk.send(200092, photo_file_id="photo-1"))
    assert "复核结果" in photo_only and "报告人怎么说" not in photo_only
    # A member, who may not record it, is told whose it is: a review all the same.
    refused = texts(await desk.press(CONDUCT_MEMBER, f"tk:cb:{ticket_id}"))
    assert "可以记录工单 10019（匿名投诉）的复核结果" in refused and "回访" not in refused


async def test_a_review_pressed_when_none_is_owed_is_said_as_a_review(desk: Harness) -> None:
    ticket_id = await _anonymous_complaint_at_the_score(desk)
    await desk.press(RETAILER, f"my:r:{ticket_id}:5")  # satisfied: no review owed
    none = texts(await desk.press(SUPERVISOR, f"tk:cb:{ticket_id}"))
    assert "没有要记录的复核结果" in none and "回访" not in none


@pytest.mark.parametrize("by", ["/new", "typed"])
async def test_a_request_about_staff_sent_to_the_oversight_team_is_a_complaint_and_may_be_anonymous(
    desk: Harness, by: str
) -> None:
    """Words about staff without a complaint's own words go to 作风监督 all the same, which
    hears complaints only: the summary says 投诉 and offers 匿名, as a complaint's does."""
    await registered_with_a_shop(desk)
    if by == "/new":
        await desk.send(RETAILER, "/new")
        await desk.send(RETAILER, "送货员上班时间打牌")
        summary = await desk.press(RETAILER, "f:next")
    else:
        summary = await desk.send(RETAILER, "送货员上班时间打牌")
    assert "纪检作风监督室" in texts(summary) and "类别：投诉" in texts(summary)
    assert "匿名提交" in texts(summary) and "f:anon" in button_actions(summary)
    assert "已匿名提交" in texts(await desk.press(RETAILER, "f:anon"))
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id, ticket.anonymous) == (Kind.COMPLAINT, "conduct", True)
    card = await _sent_to(desk, CONDUCT_CHAT)
    assert "报告人：匿名" in card and _named_nowhere(card)


async def test_the_review_of_an_anonymous_complaint_is_recorded_as_a_review_not_a_call_back(
    desk: Harness,
) -> None:
    """What the leader typed is told back, shown on the notices that asked for it and to a
    second press as a 复核结果: nobody was phoned (回访) about an anonymous complaint."""
    ticket_id = await _anonymous_complaint_at_the_score(desk)
    await desk.press(RETAILER, f"my:r:{ticket_id}:1")
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    for row in await desk.outbox():  # the notices asking for it are sent
        if row.status == "pending" and row.purpose == "callback":
            await recorder.record(row, 7000 + (row.id or 0))
    await desk.press(200092, f"tk:cb:{ticket_id}")
    done = texts(await desk.send(200092, "已核实配送员当面道歉"))
    assert "复核结果" in done and "已核实配送员当面道歉" in done and "回访" not in done
    told = [
        str(r.payload.get("text", "")) for r in await desk.outbox() if r.purpose == "callback_edit"
    ]
    assert told and all("复核结果" in text and "回访" not in text for text in told)
    again = texts(await desk.press(200092, f"tk:cb:{ticket_id}"))
    assert "复核结果" in again and "回访" not in again


DELIVERY_LEADER = 200072
CONDUCT_LEADER = 200092


@pytest.mark.parametrize(
    ("shop", "words"),
    [
        ("老王烟酒店", "投诉配送员小王送货总是迟到，我是老王烟酒店的王小五，许可证号{}，电话{}"),
        ("老王煙酒店", "投訴配送員小王送貨總是遲到，我是老王煙酒店的王小五，許可證號{}，電話{}"),
    ],
)
async def test_an_anonymous_complaint_naming_its_complainant_hides_them_from_the_team(
    desk: Harness, shop: str, words: str
) -> None:
    """The offer promises the staff will not see who complained: their licence number,
    phone, name or shop typed in the words is hidden wherever a named complainant's details
    would be (the team complained about, its leaders, its /ticket and /queue, a team's
    ledger), and read whole by the oversight team and the supervisors."""
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.press(RETAILER, "f:area:chengqu")
    await desk.send(RETAILER, shop)
    await desk.send(RETAILER, LICENCE)
    summary = await desk.send(RETAILER, words.format(LICENCE, "13800000002"))
    assert "f:anon" in button_actions(summary)
    assert "已匿名提交" in to_simplified(texts(await desk.press(RETAILER, "f:anon")))
    [ticket] = await desk.tickets()
    assert ticket.anonymous and (ticket.kind, ticket.team_id) == (Kind.COMPLAINT, "delivery")
    secrets = (*SECRETS, shop)
    team = "\n".join(
        str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.chat_id in (DELIVERY_CHAT, DELIVERY_MEMBER, DELIVERY_LEADER)
    )
    assert "配送" in team and "小王" in team and "【号码已隐去】" in team
    assert not any(secret in team for secret in secrets), team
    for asked in (f"/ticket {ticket.label}", "/queue"):
        shown = texts(await desk.send(DELIVERY_MEMBER, asked, chat=DELIVERY_CHAT))
        assert "小王" in shown and not any(secret in shown for secret in secrets), shown
    # The oversight team's copy, and the supervisors, read the words as they were written.
    assert LICENCE in await _sent_to(desk, CONDUCT_CHAT)
    assert LICENCE in texts(await desk.send(SUPERVISOR, f"/ticket {ticket.label}"))
    whole, kept = await _todays_ledger_row(desk)
    assert LICENCE in whole.content and shop in whole.content
    assert not any(secret in kept.content for secret in secrets) and "小王" in kept.content


@pytest.mark.parametrize(
    ("contact", "secret"),
    [
        ("加我微信zhangwei1234", "zhangwei1234"),
        ("我QQ号：87654", "87654"),
        ("结果发我邮箱wxw@163.com", "wxw@163.com"),
    ],
)
async def test_an_anonymous_complainants_wechat_qq_or_e_mail_is_hidden_from_the_team(
    desk: Harness, contact: str, secret: str
) -> None:
    """A way to reach them typed in the words tells who they are as surely as a phone
    number: the team complained about reads it hidden, the oversight team whole."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, f"投诉配送员王军，送货总是迟到，{contact}")
    assert "已匿名提交" in texts(await desk.press(RETAILER, "f:anon"))
    [ticket] = await desk.tickets()
    assert ticket.anonymous and (ticket.kind, ticket.team_id) == (Kind.COMPLAINT, "delivery")
    team = "\n".join(
        str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.chat_id in (DELIVERY_CHAT, DELIVERY_MEMBER, DELIVERY_LEADER)
    )
    assert "王军" in team and secret not in team, team
    shown = texts(await desk.send(DELIVERY_MEMBER, f"/ticket {ticket.label}", chat=DELIVERY_CHAT))
    assert "王军" in shown and secret not in shown, shown
    assert secret in await _sent_to(desk, CONDUCT_CHAT)
    assert secret in texts(await desk.send(SUPERVISOR, f"/ticket {ticket.label}"))


async def test_an_anonymous_complainants_later_words_hide_them_from_the_team_too(
    desk: Harness,
) -> None:
    """Their answer to the team's question, or a 补充, that says who they are reaches the
    team complained about, and its /ticket's timeline, with those details hidden."""
    ticket = await _filed_anonymously_by_wang(desk)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "是哪一天迟到的？", chat=DELIVERY_CHAT)
    before = len(await desk.outbox())
    await desk.send(RETAILER, f"上周三，我是老王烟酒店的王小五，许可证号{LICENCE}，电话13800000002")
    told = "\n".join(
        str(r.payload.get("text", ""))
        for r in (await desk.outbox())[before:]
        if r.chat_id in (DELIVERY_CHAT, DELIVERY_MEMBER, DELIVERY_LEADER)
    )
    secrets = (*SECRETS, "老王烟酒店")
    assert "上周三" in told and not any(secret in told for secret in secrets), told
    shown = texts(await desk.send(DELIVERY_MEMBER, f"/ticket {ticket.label}", chat=DELIVERY_CHAT))
    assert "上周三" in shown and not any(secret in shown for secret in secrets), shown
    assert LICENCE in texts(await desk.send(SUPERVISOR, f"/ticket {ticket.label}"))


async def test_an_anonymous_complaint_moved_on_keeps_its_complainant_from_the_new_teams_history(
    desk: Harness,
) -> None:
    """The history that follows the card to the team it is moved to keeps what the
    complainant added that would name them as hidden as the card does."""
    ticket = await _filed_anonymously_by_wang(desk)
    await desk.press(RETAILER, f"my:add:{ticket.id}")
    await desk.send(RETAILER, f"我是老王烟酒店的王小五，许可证号{LICENCE}，电话13800000002")
    before = len(await desk.outbox())
    await desk.press(DELIVERY_MEMBER, f"tk:xfer:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:xto:{ticket.id}:ordering", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "是订货的问题", chat=DELIVERY_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.team_id == "ordering"
    ordering = desk.cfg.team("ordering").chat_id
    told = "\n".join(
        str(r.payload.get("text", ""))
        for r in (await desk.outbox())[before:]
        if r.chat_id == ordering
    )
    assert "此前经过" in told and "【号码已隐去】" in told
    assert not any(secret in told for secret in SECRETS), told


async def test_an_anonymous_complainants_rating_comment_on_the_card_hides_them(
    desk: Harness,
) -> None:
    ticket = await _filed_anonymously_by_wang(desk)
    for step in ("acc", "res"):
        await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:ok:{ticket.id}")
    await desk.press(RETAILER, f"my:r:{ticket.id}:4")
    before = len(await desk.outbox())
    await desk.send(RETAILER, "老王烟酒店的王小五，电话13800000002")
    cards = "\n".join(
        str(r.payload.get("text", ""))
        for r in (await desk.outbox())[before:]
        if r.chat_id == DELIVERY_CHAT
    )
    assert "评价：★★★★☆" in cards
    assert not any(secret in cards for secret in SECRETS), cards


async def test_an_anonymous_complainants_rating_comment_in_a_teams_ledger_hides_them(
    desk: Harness,
) -> None:
    """The 台账 a supervisor posts in a team's group reads the comment as the team's card
    does: who said it hidden; the supervisors' own copy reads it whole."""
    ticket = await _filed_anonymously_by_wang(desk)
    for step in ("acc", "res"):
        await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:ok:{ticket.id}")
    await desk.press(RETAILER, f"my:r:{ticket.id}:4")
    await desk.send(RETAILER, "态度好多了，老王烟酒店的王小五，电话13800000002")
    whole, kept = await _todays_ledger_row(desk)
    assert "王小五" in whole.rating_comment
    assert "态度好多了" in kept.rating_comment
    assert not any(secret in kept.rating_comment for secret in SECRETS), kept.rating_comment


async def test_a_staff_note_naming_an_anonymous_complainant_in_a_teams_ledger_hides_them(
    desk: Harness,
) -> None:
    """The 办结 note read in a team's group's 台账 hides who complained, as the card's notes
    do; the supervisors' own copy reads it whole."""
    ticket = await _filed_anonymously_by_wang(desk)
    for step in ("acc", "res"):
        await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(
        DELIVERY_MEMBER, "已向老王烟酒店的王小五道歉，电话13800000002", chat=DELIVERY_CHAT
    )
    whole, kept = await _todays_ledger_row(desk)
    assert "王小五" in whole.resolution
    assert "道歉" in kept.resolution
    assert not any(secret in kept.resolution for secret in SECRETS), kept.resolution


# A staff note naming the complainant, its writer and the team's and an order's numbers.
STAFF_NOTE = (
    "我是张强，已向老王烟酒店的王小五道歉，订单号20261201001已重新配送，有问题打0871-65551234"
)
STAFF_NOTE_HIDDEN = (
    "我是张强，已向某店的某某道歉，订单号20261201001已重新配送，有问题打0871-65551234"
)


async def test_a_staff_note_in_a_teams_ledger_hides_only_the_complainant(desk: Harness) -> None:
    """The 办结 note in a team's group's 台账 hides whom it names of the complainant, not its
    writer naming themselves, the team's service phone or the order's number (before:
    我是配送员某某，订单号【号码已隐去】，有问题打【电话已隐去】)."""
    ticket = await _filed_anonymously_by_wang(desk)
    for step in ("acc", "res"):
        await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, STAFF_NOTE, chat=DELIVERY_CHAT)
    _, kept = await _todays_ledger_row(desk)
    assert kept.resolution == STAFF_NOTE_HIDDEN


async def test_the_teams_card_hides_the_complainant_named_in_its_question_and_resolution(
    desk: Harness,
) -> None:
    """The card in the team's chat reads the question it waits on and the 办结 note without
    the complainant's name and shop, as the ledger in the same group does, and with the
    writer's name and the team's numbers (before: both were printed as typed)."""
    ticket = await _filed_anonymously_by_wang(desk)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    before = len(await desk.outbox())
    await desk.send(DELIVERY_MEMBER, "王小五您好，老王烟酒店是几点收到货的？", chat=DELIVERY_CHAT)
    asked = _told((await desk.outbox())[before:], DELIVERY_CHAT)
    assert "待补充：某某您好，某店是几点收到货的？" in asked, asked
    await desk.send(RETAILER, "下午三点")
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    before = len(await desk.outbox())
    await desk.send(DELIVERY_MEMBER, STAFF_NOTE, chat=DELIVERY_CHAT)
    card = _told((await desk.outbox())[before:], DELIVERY_CHAT)
    assert STAFF_NOTE_HIDDEN in card and _named_nowhere(card), card
    overseen = _told(await desk.outbox(), CONDUCT_CHAT)
    assert "王小五" in overseen  # the oversight team reads the words whole


async def test_the_teams_card_keeps_no_answer_of_the_complainant(desk: Harness) -> None:
    """The question answered leaves no 问／答 line on the card of a team that may not read
    who complained: the answer, in the complainant's words, may tell who they are."""
    ticket = await _filed_anonymously_by_wang(desk)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "是几点收到货的？", chat=DELIVERY_CHAT)
    before = len(await desk.outbox())
    await desk.send(RETAILER, "下午三点，我在老王烟酒店门口等的")
    edits = [r for r in (await desk.outbox())[before:] if r.purpose == "card_edit"]
    card = _told(edits, DELIVERY_CHAT)
    assert "待补充" not in card and "内容：" in card, card
    assert "答：" not in card and "下午三点" not in card, card


async def test_ticket_hides_a_staff_question_narrowly_and_the_complainants_answer_wholly(
    desk: Harness,
) -> None:
    """A team's /ticket reads its question to the complainant without their name or shop
    but with its writer's and the team's numbers, and the complainant's answer with every
    detail of theirs hidden (我叫王五 too)."""
    ticket = await _filed_anonymously_by_wang(desk)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(
        DELIVERY_MEMBER,
        "王小五您好，我是张强，订单号20261201001是几点收到的？电话0871-65551234",
        chat=DELIVERY_CHAT,
    )
    await desk.send(RETAILER, "下午三点，我叫王五，电话13900001111")
    shown = texts(await desk.send(DELIVERY_MEMBER, f"/ticket {ticket.label}", chat=DELIVERY_CHAT))
    assert "某某您好，我是张强，订单号20261201001是几点收到的？电话0871-65551234" in shown
    assert "下午三点，我叫某某，电话【电话已隐去】" in shown, shown
    assert _named_nowhere(shown), shown


SAYS_WHO = f"我是老王烟酒店的王小五，许可证号{LICENCE}，电话13800000002"


def _told(rows: list[OutboxMessage], *chats: int) -> str:
    return "\n".join(str(r.payload.get("text", "")) for r in rows if r.chat_id in chats)


async def _resolved_by_the_team_complained_about(desk: Harness) -> Ticket:
    ticket = await _filed_anonymously_by_wang(desk)
    for step in ("acc", "res"):
        await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    return ticket


async def test_an_anonymous_complainants_low_rating_comment_goes_to_the_oversight_leaders_only(
    desk: Harness,
) -> None:
    """What they say of a low score goes with the review the oversight team's leaders owe,
    whole, as to the supervisors; the leaders of the team complained about are not told it."""
    ticket = await _resolved_by_the_team_complained_about(desk)
    await desk.press(RETAILER, f"my:ok:{ticket.id}")
    before = len(await desk.outbox())
    await desk.press(RETAILER, f"my:r:{ticket.id}:2")
    await desk.send(RETAILER, f"还是老样子，{SAYS_WHO}")
    told = (await desk.outbox())[before:]
    assert _told(told, DELIVERY_LEADER) == ""
    for reader in (CONDUCT_LEADER, SUPERVISOR):
        assert "老样子" in _told(told, reader) and LICENCE in _told(told, reader)


async def test_an_anonymous_complainant_is_told_their_words_after_a_low_score_went_to_review(
    desk: Harness,
) -> None:
    """Nobody phones an anonymous complainant: what they say after a low score is told as
    gone to the leaders reviewing it, not to one calling them back, nor only 已销号."""
    ticket = await _resolved_by_the_team_complained_about(desk)
    await desk.press(RETAILER, f"my:ok:{ticket.id}")
    await desk.press(RETAILER, f"my:r:{ticket.id}:1")
    said = texts(await desk.send(RETAILER, "还是老样子，送货照样迟到"))
    assert "复核这件投诉的负责人" in to_simplified(said) and "回访您" not in said, said


async def test_an_anonymous_complainants_reason_for_sending_it_back_hides_them_from_the_team(
    desk: Harness,
) -> None:
    """Sent back as not solved, twice: the team's chat and, the second time, its leaders
    read the reason with the complainant's details hidden."""
    ticket = await _resolved_by_the_team_complained_about(desk)
    told: list[OutboxMessage] = []
    for _ in range(2):
        before = len(await desk.outbox())
        await desk.press(RETAILER, f"my:bad:{ticket.id}")
        await desk.send(RETAILER, f"小王还是迟到，{SAYS_WHO}")
        told += (await desk.outbox())[before:]
        for step in ("acc", "res"):
            await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
        await desk.send(DELIVERY_MEMBER, "已再次批评教育", chat=DELIVERY_CHAT)
    team = _told(told, DELIVERY_CHAT, DELIVERY_LEADER)
    assert "报告人表示问题没有解决" in team and "第 2 次退回" in team
    assert "小王还是迟到" in team and "【号码已隐去】" in team
    assert not any(secret in team for secret in (*SECRETS, "老王烟酒店")), team


async def _filed_anonymously_by_wang(desk: Harness) -> Ticket:
    """王小五 of 老王烟酒店, registered with phone and licence, files 投诉配送员小王送货总是迟到
    anonymously: it goes to the delivery team, the one complained about."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "投诉配送员小王送货总是迟到")
    await desk.press(RETAILER, "f:anon")
    [ticket] = await desk.tickets()
    assert ticket.anonymous and ticket.team_id == "delivery"
    return ticket
