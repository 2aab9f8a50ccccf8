"""What a farmer sends around a 110 call, where a button was offered or after the alarm:
it is never what keeps the alarm from going out, and never a second alarm beside the first."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.enums import Kind, Status
from core.lifecycle import OVERSIGHT_ACCEPT_PROMPT
from core.model import Conversation, OutboxMessage, User
from handlers.tickets import Gathered
from routing import to_simplified
from scheduler.sweep import sweep
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR, T0

QINGSHAN_CHAT, BAISHI_CHAT = -1001000000001, -1001000000002
BAISHI_MEMBER = 200011


async def _asked_where(desk: Harness) -> int:
    """The farmer's 110 call, filed; the id of the call whose place is now asked for."""
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    assert "已报警" in texts(out) and "在哪个烤房" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.id is not None
    return ticket.id


def _sent_to(rows: list[OutboxMessage], chat: int, purpose: str) -> list[OutboxMessage]:
    return [r for r in rows if r.chat_id == chat and r.purpose == purpose]


async def test_the_alarm_goes_out_before_the_place_is_asked(desk: Harness) -> None:
    """A farmer who runs back to the barn without answering has still raised the alarm."""
    await _asked_where(desk)
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.status is Status.DISPATCHED and ticket.site_code is None
    assert ticket.team_id == "curing-qingshan"  # unregistered: the 110 line's default team
    assert _sent_to(await desk.outbox(), QINGSHAN_CHAT, "card")


@pytest.mark.parametrize(
    ("typed", "site"),
    [("青山镇大坪烤房群", "QS01"), ("大坪那边，5号烤房", "QS01"), ("河湾", "QS02")],
)
async def test_a_barn_typed_instead_of_pressed_places_the_call(
    desk: Harness, typed: str, site: str
) -> None:
    ticket_id = await _asked_where(desk)
    out = await desk.send(FARMER, typed)
    assert "位置已告诉值班服务队" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id and ticket.site_code == site and ticket.area == "qingshan"
    assert await desk.actions(ticket_id) == ["create", "dispatch", "place"]
    told = _sent_to(await desk.outbox(), QINGSHAN_CHAT, "notify")
    assert told and "报告人告知位置" in told[-1].payload["text"]


async def test_the_place_reaches_the_on_duty_pager_and_their_card(desk: Harness) -> None:
    await desk.send(MEMBER, "/duty on")  # on duty: paged for 110 calls
    await _asked_where(desk)
    await desk.press(FARMER, "f:site:QS02")
    rows = await desk.outbox()
    paged = _sent_to(rows, MEMBER, "notify")
    assert any("报告人告知位置" in r.payload.get("text", "") for r in paged)
    edits = _sent_to(rows, MEMBER, "card_edit")
    assert edits and "河湾" in edits[-1].payload["text"]


async def test_a_barn_in_another_town_moves_the_call_to_that_towns_team(desk: Harness) -> None:
    ticket_id = await _asked_where(desk)
    before = {r.id for r in await desk.outbox()}
    out = await desk.press(FARMER, "f:site:BS01")  # 白石乡松林烤房群
    assert "位置已告诉值班服务队" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi" and ticket.status is Status.DISPATCHED
    assert await desk.actions(ticket_id) == ["create", "dispatch", "place", "transfer"]
    new = [r for r in await desk.outbox() if r.id not in before]
    assert _sent_to(new, BAISHI_CHAT, "card")  # the new team is alerted with a card
    old_copies = _sent_to(new, QINGSHAN_CHAT, "card_edit")
    assert old_copies and all("buttons" not in r.payload for r in old_copies)
    stand_down = _sent_to(new, QINGSHAN_CHAT, "notify")
    assert stand_down and "本队无需出动" in stand_down[-1].payload["text"]
    told = [r.payload["text"] for r in new if r.chat_id == FARMER]
    assert any("白石乡烘烤110服务队" in text for text in told)


async def test_a_leaders_night_page_of_a_moved_call_is_edited_after_the_new_team_accepts(
    desk: Harness,
) -> None:
    """Paged at 2 a.m., the 青山镇 leader's page of a call the farmer then placed at 白石乡
    is edited once more, to say where it went; that edit was still waiting its turn (one
    message a second to a person, the page and its photo first) when 白石乡 accepted. Before:
    the 接单 settled it as said again by its own edits, which the leader no longer gets, so
    the page kept 接单, 需补充 and 转派 for another team's call."""
    desk.clock.now = T0.replace(hour=18)  # 02:00 in Shanghai: the leaders are paged
    ticket_id = await _asked_where(desk)
    assert _sent_to(await desk.outbox(), LEADER, "card")
    await desk.press(FARMER, "f:site:BS01")  # 白石乡松林烤房群
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi"

    def moved_edits(rows: list[OutboxMessage]) -> list[str]:
        edits = _sent_to(rows, LEADER, "card_edit")
        return [r.status for r in edits if "已转给 白石乡烘烤110服务队" in r.payload["text"]]

    assert moved_edits(await desk.outbox()) == ["pending"]
    await desk.press(BAISHI_MEMBER, f"tk:acc:{ticket_id}", chat=BAISHI_CHAT)
    assert await desk.actions(ticket_id) == ["create", "dispatch", "place", "transfer", "accept"]
    assert moved_edits(await desk.outbox()) == ["pending"]


async def test_a_town_named_without_a_barn_moves_the_call_to_that_towns_team(
    desk: Harness,
) -> None:
    await _asked_where(desk)
    out = await desk.send(FARMER, "在白石乡，村口第三间")
    assert "白石乡" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi" and ticket.area == "baishi"
    assert ticket.site_code is None and ticket.text.endswith("位置：在白石乡，村口第三间")


async def test_an_accepted_call_stays_with_the_team_that_took_it(desk: Harness) -> None:
    ticket_id = await _asked_where(desk)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(FARMER, "f:site:BS01")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-qingshan" and ticket.site_code == "BS01"
    assert await desk.actions(ticket_id) == ["create", "dispatch", "accept", "place"]


async def test_words_naming_no_barn_are_added_to_the_call(desk: Harness) -> None:
    await _asked_where(desk)
    await desk.send(FARMER, "就在村口第三间，路边那个")
    [ticket] = await desk.tickets()
    assert ticket.site_code is None
    assert ticket.text.endswith("位置：就在村口第三间，路边那个")


async def test_a_bare_number_is_the_farmers_barn_number_not_a_button(desk: Harness) -> None:
    await _asked_where(desk)
    await desk.send(FARMER, "3")
    [ticket] = await desk.tickets()
    assert ticket.site_code is None and ticket.text.endswith("位置：3")


async def test_a_voice_note_at_the_where_question_reaches_the_team(desk: Harness) -> None:
    ticket_id = await _asked_where(desk)
    await desk.send(FARMER, voice_file_id="where-voice")
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id
    voices = [r for r in await desk.outbox() if r.method == "send_voice"]
    assert voices and voices[0].payload["file_id"] == "where-voice"


async def test_a_shared_location_places_the_call_at_the_nearest_barn(desk: Harness) -> None:
    await _asked_where(desk)
    await desk.location(FARMER, 26.432, 106.621)  # beside 白石烟叶收购站, 2 km from 松林
    [ticket] = await desk.tickets()
    assert ticket.site_code == "BS01" and ticket.lat == 26.432
    assert ticket.team_id == "curing-baishi"
    pins = [r for r in await desk.outbox() if r.method == "send_location"]
    assert any(r.chat_id == BAISHI_CHAT for r in pins)


async def test_a_pin_at_no_barn_is_no_barn_but_chooses_the_town(desk: Harness) -> None:
    await _asked_where(desk)
    out = await desk.location(FARMER, 26.37, 106.58)  # some 7 km from 松林
    [ticket] = await desk.tickets()
    assert ticket.site_code is None and (ticket.lat, ticket.lon) == (26.37, 106.58)
    assert (ticket.area, ticket.team_id) == ("baishi", "curing-baishi")
    assert "共享位置（离白石乡松林烤房群约 7 公里）" in texts(out)
    pins = [r for r in await desk.outbox() if r.method == "send_location"]
    assert any(r.chat_id == BAISHI_CHAT for r in pins)


async def test_a_pin_far_from_every_barn_chooses_no_town_and_asks_again(desk: Harness) -> None:
    """A pin some 15 km south of 松林, farther than limits.site_radius_km from every barn
    (the road, the next county), tells no town, as at registration: the team that has the
    call gets the pin, and the farmer is asked again which barn. Before, the call went to
    the town of the barn nearest the pin and the question ended."""
    await _asked_where(desk)
    out = texts(await desk.location(FARMER, 26.30, 106.55))
    assert "离最近的烤房群（白石乡松林烤房群）也有约 15 公里" in out and "在哪个烤房" in out
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == (None, "curing-qingshan")
    assert (ticket.lat, ticket.lon) == (26.30, 106.55)
    pins = [r for r in await desk.outbox() if r.method == "send_location"]
    assert any(r.chat_id == QINGSHAN_CHAT for r in pins)
    out = texts(await desk.send(FARMER, "松林"))
    assert "位置已告诉值班服务队" in out
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == ("BS01", "curing-baishi")


@pytest.mark.parametrize("how", ["press", "type", "cancel"])
async def test_skipping_the_place_keeps_the_alarm(desk: Harness, how: str) -> None:
    ticket_id = await _asked_where(desk)
    if how == "press":
        out = await desk.press(FARMER, "f:skip")
    else:
        out = await desk.send(FARMER, "跳过" if how == "type" else "/cancel")
    assert "报警已发出" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id and ticket.status is Status.DISPATCHED
    assert await desk.actions(ticket_id) == ["create", "dispatch"]
    out = await desk.send(FARMER, "现在温度掉到38度了")  # the question is over: news for the call
    assert "已补充到报警工单" in texts(out)


async def test_after_the_call_is_resolved_words_are_not_taken_as_its_place(
    desk: Harness,
) -> None:
    ticket_id = await _asked_where(desk)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "来电了，温度已恢复", chat=QINGSHAN_CHAT)
    out = await desk.send(FARMER, "解决了，谢谢")
    assert "位置" not in texts(out)
    [ticket] = await desk.tickets()
    assert "位置" not in ticket.text and "place" not in await desk.actions(ticket_id)
    out = await desk.press(FARMER, "f:site:QS01")
    assert out.toast and not out.replies  # the old question's buttons are stale


async def test_a_where_question_saved_before_the_alarm_went_first_still_files_it(
    desk: Harness,
) -> None:
    """A conversation saved by a version that asked the place before filing (an upgrade
    while a farmer was being asked) files the alarm with the answer."""
    gathered = Gathered(kind=Kind.EMERGENCY, text="烤房停电了")
    async with desk.db.uow() as uow:
        await uow.users.add(User(id=FARMER, created_at=desk.clock.now))
        await uow.conversations.save(
            Conversation(
                chat_id=FARMER,
                user_id=FARMER,
                flow="emergency",
                step="where",
                updated_at=desk.clock.now,
                expires_at=desk.clock.now + timedelta(hours=1),
                data=gathered.to_data(),
            )
        )
        await uow.commit()
    out = await desk.send(FARMER, "河湾")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.site_code == "QS02" and ticket.text.endswith("位置：河湾")


async def test_a_voice_note_after_the_alarm_joins_it_instead_of_a_second_alarm(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    out = await desk.send(FARMER, voice_file_id="news-voice")
    assert "已补充到报警工单" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id
    voices = [r for r in await desk.outbox() if r.method == "send_voice"]
    assert {v.payload["file_id"] for v in voices} == {"news-voice"}
    assert {v.chat_id for v in voices} == {QINGSHAN_CHAT, LEADER}  # the group and the paged


async def test_a_voice_answer_to_the_teams_question_is_the_answer(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=QINGSHAN_CHAT)
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(FARMER, voice_file_id="answer-voice")
    assert "已把您的回复补充到工单" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED  # answered: the team goes on
    card = [r for r in await desk.outbox() if r.id not in before and r.purpose == "card_edit"]
    assert card and all("待报告人补充" not in r.payload["text"] for r in card)


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("请问今年烟叶收购什么时候开始？", Kind.REQUEST),
        ("我要投诉收购站的人态度差", Kind.COMPLAINT),
        ("收购站的人态度不好", Kind.COMPLAINT),  # a complaint even where the words tie
        ("建议多配几个师傅", Kind.SUGGESTION),
    ],
)
async def test_another_matter_during_a_110_call_is_not_added_to_it(
    desk: Harness, typed: str, kind: Kind
) -> None:
    await desk.file_110(FARMER)
    out = await desk.send(FARMER, typed)
    assert "已补充到报警工单" not in texts(out)
    await desk.press(FARMER, "f:ok")
    call, other = await desk.tickets()
    assert call.kind is Kind.EMERGENCY and other.kind is kind and other.team_id != call.team_id
    assert call.id is not None and "info" not in await desk.actions(call.id)


@pytest.mark.parametrize(
    "typed", ["怎么还没人来", "师傅怎么还没到", "人呢？等了一个小时了", "師傅多久能到"]
)
async def test_chasing_the_call_is_news_for_it_and_reaches_the_paged(
    desk: Harness, typed: str
) -> None:
    await desk.file_110(FARMER)
    out = await desk.send(FARMER, typed)
    assert "已补充到报警工单" in texts(out) or "已補充到報警工單" in texts(out)
    assert len(await desk.tickets()) == 1
    told = [r for r in await desk.outbox() if r.purpose == "notify" and typed in r.payload["text"]]
    assert {r.chat_id for r in told} == {QINGSHAN_CHAT, LEADER}


async def test_news_about_the_barn_still_joins_the_call(desk: Harness) -> None:
    await desk.file_110(FARMER)
    out = await desk.send(FARMER, "现在温度掉到38度了")
    assert "已补充到报警工单" in texts(out)
    assert len(await desk.tickets()) == 1


async def test_a_command_at_the_where_question_finds_the_alarm_already_out(
    desk: Harness,
) -> None:
    await _asked_where(desk)
    out = await desk.send(FARMER, "/my")
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.status is Status.DISPATCHED
    listed = [b.text for r in out.replies for row in r.buttons for b in row]
    assert ticket.number and any(ticket.number in label for label in listed)  # /my lists it


# ---- the place question pending: only a place answers it -------------------------------


@pytest.mark.parametrize(
    "typed", ["怎么还没人来", "现在温度掉到38度了", "你们什么时候能到？", "另一间烤房也着火了"]
)
async def test_news_chasing_or_a_question_while_the_place_is_asked_is_not_the_place(
    desk: Harness, typed: str
) -> None:
    ticket_id = await _asked_where(desk)
    out = await desk.send(FARMER, typed)
    assert "位置已告诉" not in texts(out) and "已补充到报警工单" in texts(out)
    [ticket] = await desk.tickets()
    assert "位置" not in ticket.text and "place" not in await desk.actions(ticket_id)


async def test_a_voice_note_while_the_place_is_asked_is_news_for_the_call(desk: Harness) -> None:
    await _asked_where(desk)
    out = await desk.send(FARMER, voice_file_id="v-1")
    assert "已补充到报警工单" in texts(out)
    voices = [r for r in await desk.outbox() if r.method == "send_voice"]
    assert {v.chat_id for v in voices} >= {QINGSHAN_CHAT}


@pytest.mark.parametrize(
    "typed", ["不知道", "说不清楚", "我也不清楚", "我不知道", "不知道啊", "我也說不清楚"]
)
async def test_not_knowing_the_place_is_a_skip_not_a_place(desk: Harness, typed: str) -> None:
    """Said with 我 or 我也 before it or a particle after it, too: never news paged to the
    team (工单 N 报告人补充：我也不清楚) with the question left open."""
    ticket_id = await _asked_where(desk)
    out = await desk.send(FARMER, typed)
    assert "报警已发出" in texts(out) or "報警已發出" in texts(out)
    assert "place" not in await desk.actions(ticket_id)
    assert "info" not in await desk.actions(ticket_id)


async def test_a_place_after_the_teams_question_answers_it_too(desk: Harness) -> None:
    ticket_id = await _asked_where(desk)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "您的烤房在哪里？请发个位置", chat=QINGSHAN_CHAT)
    out = await desk.location(FARMER, 26.513, 106.703)
    assert "位置已告诉值班服务队" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED and ticket.site_code == "QS01"
    assert (await desk.actions(ticket_id))[-2:] == ["place", "answer"]


async def test_a_barn_pressed_after_the_teams_question_answers_it_too(desk: Harness) -> None:
    ticket_id = await _asked_where(desk)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "在哪个烤房？", chat=QINGSHAN_CHAT)
    await desk.press(FARMER, "f:site:QS02")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.site_code == "QS02"


async def test_a_place_does_not_undo_a_teams_transfer(desk: Harness) -> None:
    ticket_id = await _asked_where(desk)
    await desk.press(MEMBER, f"tk:xto:{ticket_id}:curing-longtan", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "报告人来电说在龙潭镇，转龙潭", chat=QINGSHAN_CHAT)
    await desk.press(FARMER, "f:site:QS01")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-longtan" and ticket.site_code == "QS01"
    told = [r for r in await desk.outbox() if "报告人告知位置" in r.payload.get("text", "")]
    assert told and all(r.chat_id != QINGSHAN_CHAT for r in told)  # the team that has it now


async def test_a_place_does_not_undo_a_supervisors_reassignment(desk: Harness) -> None:
    ticket_id = await _asked_where(desk)
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:curing-baishi")
    await desk.send(FARMER, "河湾")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi" and ticket.site_code == "QS02"


async def test_a_pin_after_the_words_moved_the_call_moves_it_to_the_pins_town(
    desk: Harness,
) -> None:
    """The desk's own move on the farmer's words (在白石乡) is no person's decision: a pin
    at 大坪 shared next, nobody having accepted, sends the call back to 青山镇's team, told
    to stand down a minute before, not to 白石乡's kilometres off."""
    ticket_id = await _asked_where(desk)
    await desk.send(FARMER, "在白石乡")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi"
    before = {r.id for r in await desk.outbox()}
    await desk.location(FARMER, 26.513, 106.703)  # 青山镇大坪烤房群
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id
    assert (ticket.team_id, ticket.site_code) == ("curing-qingshan", "QS01")
    new = [r for r in await desk.outbox() if r.id not in before]
    assert _sent_to(new, QINGSHAN_CHAT, "card")
    assert any("本队无需出动" in r.payload.get("text", "") for r in new if r.chat_id == BAISHI_CHAT)


async def test_a_call_back_with_a_team_that_had_it_has_one_card_with_buttons_there(
    desk: Harness,
) -> None:
    """Moved to 白石乡 on the words and back by the pin: 青山镇's first copy, edited, keeps
    no 接单 beside the fresh card posted below it."""
    await _asked_where(desk)
    await desk.send(FARMER, "在白石乡")
    before = {r.id for r in await desk.outbox()}
    await desk.location(FARMER, 26.513, 106.703)  # 青山镇大坪烤房群
    new = [r for r in await desk.outbox() if r.id not in before and r.chat_id == QINGSHAN_CHAT]
    edits = [r for r in new if r.method == "edit_message"]
    assert edits and not any("tk:acc" in str(r.payload) for r in edits)
    assert any("tk:acc" in str(r.payload) for r in new if r.purpose == "card")


async def test_a_pin_in_another_town_than_the_words_leaves_no_contradiction_on_the_card(
    desk: Harness,
) -> None:
    """在白石乡, then a pin at 大坪: the card no longer reads 位置：在白石乡 above
    地点：青山镇大坪烤房群; the words stay in the call's history."""
    ticket_id = await _asked_where(desk)
    await desk.send(FARMER, "在白石乡")
    await desk.location(FARMER, 26.513, 106.703)  # 青山镇大坪烤房群
    [ticket] = await desk.tickets()
    assert "白石乡" not in ticket.text and ticket.site_code == "QS01"
    cards = _sent_to(await desk.outbox(), QINGSHAN_CHAT, "card")
    assert "位置：在白石乡" not in cards[-1].payload["text"]
    async with desk.db.uow(read_only=True) as uow:
        notes = [e.note for e in await uow.tickets.events(ticket_id)]
    assert any("在白石乡" in note for note in notes)


async def test_a_pin_at_another_barn_of_the_same_town_takes_the_words_naming_the_first_off_the_card(
    desk: Harness,
) -> None:
    """在河湾 (青山镇's other barn cluster), then a pin at 大坪: the card no longer reads
    位置：在河湾 above 地点：青山镇大坪烤房群; the words stay in the call's history."""
    ticket_id = await _asked_where(desk)
    await desk.send(FARMER, "在河湾")
    [ticket] = await desk.tickets()
    assert ticket.site_code == "QS02", ticket.site_code
    await desk.location(FARMER, 26.513, 106.703)  # 青山镇大坪烤房群
    [ticket] = await desk.tickets()
    assert ticket.site_code == "QS01"
    assert "河湾" not in ticket.text, ticket.text
    async with desk.db.uow(read_only=True) as uow:
        notes = [e.note for e in await uow.tickets.events(ticket_id)]
    assert any("在河湾" in note for note in notes)


@pytest.mark.parametrize("typed", ["在大坪", "村口第三间", "在青山镇"])
async def test_a_pin_that_agrees_with_the_words_keeps_them(desk: Harness, typed: str) -> None:
    await _asked_where(desk)
    await desk.send(FARMER, typed)
    await desk.location(FARMER, 26.513, 106.703)  # 青山镇大坪烤房群
    [ticket] = await desk.tickets()
    assert f"位置：{typed}" in ticket.text


async def test_a_move_keeps_the_calls_response_clock(desk: Harness) -> None:
    """The farmer has waited since the alarm: the new team's deadline to accept is the one
    the alarm set, and its ladder runs against it."""
    await _asked_where(desk)
    [first] = await desk.tickets()
    desk.clock.advance(minutes=25)
    await desk.press(FARMER, "f:site:BS01")
    [moved] = await desk.tickets()
    assert moved.team_id == "curing-baishi"
    assert moved.accept_due_at == first.accept_due_at
    assert moved.dispatched_at == first.dispatched_at
    assert moved.next_action_at is not None and moved.next_action_at <= desk.clock()


async def test_the_place_reaches_the_member_who_accepted_the_call(desk: Harness) -> None:
    ticket_id = await _asked_where(desk)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.location(FARMER, 26.513, 106.703)
    rows = await desk.outbox()
    assert any(r.chat_id == MEMBER and r.method == "send_location" for r in rows)
    assert _sent_to(rows, MEMBER, "notify")


async def test_a_pin_after_the_question_ended_still_places_the_call(desk: Harness) -> None:
    ticket_id = await _asked_where(desk)
    await desk.press(FARMER, "f:skip")
    out = await desk.location(FARMER, 26.513, 106.703)
    assert "位置已告诉值班服务队" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id and ticket.site_code == "QS01" and ticket.lat == 26.513


async def test_a_town_in_the_words_is_not_named_twice(desk: Harness) -> None:
    await _asked_where(desk)
    out = await desk.send(FARMER, "在白石鄉，村口第三間")
    assert "在白石鄉，村口第三間。" in texts(out)


async def test_an_expired_place_question_ends_quietly(desk: Harness) -> None:
    await _asked_where(desk)
    desk.clock.advance(hours=3)
    out = await desk.send(FARMER, "现在温度掉到38度了")
    assert "超时" not in texts(out)
    assert "已补充到报警工单" in texts(out)


async def test_withdrawing_a_call_tells_the_paged_member(desk: Harness) -> None:
    await desk.send(MEMBER, "/duty on")
    ticket_id = await desk.file_110(FARMER)
    await desk.press(FARMER, f"my:xx:{ticket_id}")
    told = _sent_to(await desk.outbox(), MEMBER, "notify")
    assert any("撤回" in r.payload["text"] for r in told)


# ---- an open call: what is news for it and what is a matter of its own ------------------


@pytest.mark.parametrize(
    "typed",
    [
        "到现在都没人来",
        "再不来我就投诉了",
        "建议快点派人来",
        "人呢？等了一个小时了",
        "等了这么久还没人来，你们到底管不管",
    ],
)
async def test_chasing_in_other_words_is_news_for_the_call(desk: Harness, typed: str) -> None:
    await desk.file_110(FARMER)
    out = await desk.send(FARMER, typed)
    assert "已补充到报警工单" in texts(out)


@pytest.mark.parametrize(
    "typed",
    ["卖烟的钱怎么还没到账？", "投诉：收购结算款到现在还没到", "烟款还没到"],
)
async def test_words_about_money_not_arriving_are_not_chasing_the_call(
    desk: Harness, typed: str
) -> None:
    await desk.file_110(FARMER)
    out = await desk.send(FARMER, typed)
    assert "已补充到报警工单" not in texts(out)


async def test_a_barn_pressed_after_the_call_was_resolved_is_a_stale_button(
    desk: Harness,
) -> None:
    ticket_id = await _asked_where(desk)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "来电了，温度已恢复", chat=QINGSHAN_CHAT)
    out = await desk.press(FARMER, "f:site:QS01")  # the question is still pending
    assert out.toast and not out.replies
    [ticket] = await desk.tickets()
    assert ticket.site_code is None and "place" not in await desk.actions(ticket_id)


@pytest.mark.parametrize(
    "typed",
    ["3号烤房", "我家烤房", "老王家烤房旁边", "在村口那个烤房", "烤房在公路边上", "上寨烤房"],
)
async def test_words_naming_a_barn_of_no_cluster_are_the_place(desk: Harness, typed: str) -> None:
    ticket_id = await _asked_where(desk)
    out = await desk.send(FARMER, typed)
    assert "位置已告诉值班服务队" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.text.endswith(f"位置：{typed}") and "place" in await desk.actions(ticket_id)


@pytest.mark.parametrize("then", ["press", "type"])
async def test_the_place_question_still_takes_a_place_after_news(desk: Harness, then: str) -> None:
    """The question stays on the farmer's screen after they sent news: a barn pressed or
    named later still answers it."""
    ticket_id = await _asked_where(desk)
    await desk.send(FARMER, "现在温度掉到38度了")
    await desk.send(FARMER, voice_file_id="v-2")
    if then == "press":
        await desk.press(FARMER, "f:site:BS01")
    else:
        await desk.send(FARMER, "在白石乡松林村")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi" and "place" in await desk.actions(ticket_id)


async def test_not_knowing_answers_the_teams_question_not_the_place_one(desk: Harness) -> None:
    ticket_id = await _asked_where(desk)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "电闸是不是跳了？", chat=QINGSHAN_CHAT)
    out = await desk.send(FARMER, "不知道")
    assert "已把您的回复补充到工单" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED


async def test_a_call_moved_after_its_ladder_reached_the_supervisors_alerts_them_again(
    desk: Harness,
) -> None:
    """The new team's ladder runs against the call's first deadline; its alerts are its
    own, not taken for the first team's (the outbox drops a row whose key it has seen)."""
    await _asked_where(desk)
    for _ in range(45):
        desk.clock.advance(minutes=1)
        await sweep(desk.db, desk.cfg, desk.clock())
    before = {r.id for r in await desk.outbox()}
    await desk.press(FARMER, "f:site:BS01")
    desk.clock.advance(minutes=1)
    await sweep(desk.db, desk.cfg, desk.clock())
    new = [r for r in await desk.outbox() if r.id not in before]
    alerts = [r for r in new if r.purpose == OVERSIGHT_ACCEPT_PROMPT]
    assert any(r.chat_id == SUPERVISOR for r in alerts)


async def test_news_for_a_call_reopened_days_after_it_was_made_joins_it(desk: Harness) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, QINGSHAN_CHAT)
    desk.clock.advance(hours=40)  # the fix held for a day and a half
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    await desk.send(FARMER, "风机又不转了")  # why it was not solved, if asked
    [call] = await desk.tickets()
    assert call.status is Status.DISPATCHED and call.reopen_count == 1  # with the team again
    desk.clock.advance(hours=1)
    out = await desk.send(FARMER, "又坏了，温度一直在掉")
    assert "已补充到报警工单" in texts(out)
    assert len(await desk.tickets()) == 1 and "info" in await desk.actions(ticket_id)


async def test_a_message_long_after_a_call_left_untouched_is_a_new_matter(desk: Harness) -> None:
    await desk.file_110(FARMER)
    desk.clock.advance(hours=13)
    out = await desk.send(FARMER, "请问今年烟叶收购什么时候开始？")
    assert "已补充到报警工单" not in texts(out)


async def test_reminders_do_not_keep_an_old_call_current(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    for _ in range(6):  # nobody accepts: the ladder keeps reminding for hours
        desk.clock.advance(hours=3)
        await sweep(desk.db, desk.cfg, desk.clock())
    assert {"remind", "escalate"} & set(await desk.actions(ticket_id))
    out = await desk.send(FARMER, "另一间烤房着火了")  # 18 hours on: a new alarm
    assert "已补充到报警工单" not in texts(out)
    assert len(await desk.tickets()) == 2


@pytest.mark.parametrize(
    "typed", ["好的", "謝謝", "👍", "13800000001", "我叫张大山", "快点来啊", "在吗"]
)
async def test_words_that_say_no_place_leave_the_place_question_open(
    desk: Harness, typed: str
) -> None:
    ticket_id = await _asked_where(desk)
    out = await desk.send(FARMER, typed)
    assert "位置已" not in texts(out)
    [ticket] = await desk.tickets()
    assert "位置" not in ticket.text and "place" not in await desk.actions(ticket_id)
    placed = await desk.press(FARMER, "f:site:QS01")  # the barn, pressed after them, still counts
    assert "位置已告" in texts(placed)  # 告诉 or 告訴: they wrote in either script


@pytest.mark.parametrize("typed", ["好的", "谢谢", "👍", "\u200b", "。。。"])
async def test_a_greeting_or_nothing_visible_is_no_news_to_page_the_team_with(
    desk: Harness, typed: str
) -> None:
    await _asked_where(desk)
    await desk.press(FARMER, "f:site:QS01")
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(FARMER, typed)
    assert "已补充到报警工单" not in texts(out)
    assert [r for r in await desk.outbox() if r.id not in before] == []


@pytest.mark.parametrize("typed", ["张家寨", "老王那里", "上坝第二间"])
async def test_words_with_a_place_word_answer_the_place_question(desk: Harness, typed: str) -> None:
    await _asked_where(desk)
    out = await desk.send(FARMER, typed)
    assert "位置已告诉" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.text.endswith(f"位置：{typed}")


@pytest.mark.parametrize(
    ("typed", "script_word"),
    [
        ("烤房着火了！快来人！", "火警"),
        ("我家老人在烤房边上触电了，人昏过去了", "急救"),
        ("烤房著火了，快來人", "火警"),
    ],
)
async def test_a_fire_or_an_electric_shock_is_told_to_call_119_or_120_first(
    desk: Harness, typed: str, script_word: str
) -> None:
    out = await desk.send(FARMER, typed)
    first = out.replies[0].text
    assert "119" in first and "120" in first and script_word in first
    assert "已报警" in first or "已報警" in first  # the alarm went out all the same
    if "來" in typed:
        assert "請先顧人身安全" in first  # in their script


async def test_a_power_cut_is_not_told_to_call_the_fire_brigade(desk: Harness) -> None:
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    assert "已报警" in texts(out) and "119" not in texts(out)


@pytest.mark.parametrize("how", ["press", "type"])
async def test_a_barn_given_after_the_question_was_left_still_places_the_call(
    desk: Harness, how: str
) -> None:
    await _asked_where(desk)
    await desk.press(FARMER, "m:my")  # to the menu: the place question ends
    if how == "press":
        out = await desk.press(FARMER, "f:site:QS02")
    else:
        out = await desk.send(FARMER, "在河湾")
    assert "位置已告诉" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.site_code == "QS02"
    again = await desk.press(FARMER, "f:site:QS01")  # placed: an old button moves nothing
    assert "位置已告诉" not in texts(again)
    [ticket] = await desk.tickets()
    assert ticket.site_code == "QS02"


@pytest.mark.parametrize("typed", ["13800000001", "138 0000 0001", "0851-85551234"])
async def test_a_phone_number_typed_during_a_call_reaches_the_team(
    desk: Harness, typed: str
) -> None:
    await _asked_where(desk)
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(FARMER, typed)
    assert "已记下您的手机号" in texts(out)
    told = [r for r in await desk.outbox() if r.id not in before]
    assert any(r.chat_id == QINGSHAN_CHAT and "手机号" in r.payload.get("text", "") for r in told)
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.phone == typed.replace(" ", "").replace("-", "")
    [ticket] = await desk.tickets()
    assert "位置" not in ticket.text  # and no place


@pytest.mark.parametrize(
    "typed", ["我在等你们", "好的，谢谢", "谢谢你们", "謝謝你們", "嗯嗯", "好的好的"]
)
async def test_waiting_or_thanks_in_more_words_is_no_place_and_no_news(
    desk: Harness, typed: str
) -> None:
    await _asked_where(desk)
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(FARMER, typed)
    assert "位置已" not in texts(out)
    # Their own command menu may follow a change of script (謝謝你們); nothing else.
    told = [r for r in await desk.outbox() if r.id not in before and r.method != "set_menu"]
    assert typed != "我在等你们" or told  # that one is news: the team hears they wait
    assert typed == "我在等你们" or told == []


async def test_a_team_told_to_go_to_a_silent_farmers_barn_records_going_there(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=QINGSHAN_CHAT)
    [asked] = await desk.tickets()
    assert asked.resolve_due_at is not None
    edits = [r for r in await desk.outbox() if r.purpose == "card_edit"]
    assert f"tk:vis:{ticket_id}" in str(edits[-1].payload["buttons"])  # 上门 while it waits
    desk.clock.advance(minutes=40)  # the farmer is silent; the team goes to see
    out = await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=QINGSHAN_CHAT)
    [went] = await desk.tickets()
    assert went.status is Status.ON_SITE and went.paused_at is None
    assert went.resolve_due_at == asked.resolve_due_at + timedelta(
        minutes=40
    )  # the wait given back
    [card] = [r for r in out.replies if r.edit]
    assert "待补充" not in card.text and "上门：" in card.text
    told = [r for r in await desk.outbox() if r.chat_id == FARMER]
    assert "正在前往" in told[-1].payload["text"]


async def test_a_team_back_at_a_barn_it_visited_records_a_second_visit(desk: Harness) -> None:
    """Gone there, asked since (找不到是哪一间) and no answer: the team may go back. Its
    card offers that as 再次上门, not a 上门 reading as if the first was never recorded,
    and keeps both times when it goes."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "到了大坪没找到，是哪一间烤房？", chat=QINGSHAN_CHAT)
    edits = [r for r in await desk.outbox() if r.purpose == "card_edit"]
    buttons = [b for row in edits[-1].payload["buttons"] for b in row]
    assert [b["text"] for b in buttons if b["data"] == f"tk:vis:{ticket_id}"] == ["再次上门"]

    desk.clock.advance(minutes=40)
    out = await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=QINGSHAN_CHAT)

    [went] = await desk.tickets()
    assert went.status is Status.ON_SITE
    assert (await desk.actions(ticket_id)).count("visit") == 2
    [card] = [r for r in out.replies if r.edit]
    assert "上门：11-18 09:40（第2次，首次 11-18 09:00）" in card.text, card.text
    told = [r for r in await desk.outbox() if r.chat_id == FARMER]
    assert "正在前往" in told[-1].payload["text"]


async def test_no_visit_is_recorded_for_a_question_asked_before_anyone_took_the_call(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=QINGSHAN_CHAT)
    edits = [r for r in await desk.outbox() if r.purpose == "card_edit"]
    assert f"tk:vis:{ticket_id}" not in str(edits[-1].payload.get("buttons"))
    out = await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=QINGSHAN_CHAT)
    assert "还没有人接单，请先点「接单」" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.WAITING_REQUESTER


@pytest.mark.parametrize("typed", ["算了", "修好了", "不用来了！", "不用過來了"])
async def test_words_calling_an_untaken_call_off_tell_the_team_and_offer_the_withdrawal(
    desk: Harness, typed: str
) -> None:
    ticket_id = await desk.file_110(FARMER)
    out = await desk.send(FARMER, typed)
    said = "不需要服务队来了的话，请点「确定撤回」"
    assert (to_simplified(said) if typed == to_simplified(typed) else "請點「確定撤回」") in texts(
        out
    )
    assert button_data(out) == [f"my:xx:{ticket_id}", f"my:v:{ticket_id}"]
    assert "info" in await desk.actions(ticket_id)  # the team hears it meanwhile
    await desk.press(FARMER, f"my:xx:{ticket_id}")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED
    out = await desk.send(FARMER, "不用来了")
    assert "没有报警" in to_simplified(texts(out))  # the call is over: no request of "不用来了"
    assert len(await desk.tickets()) == 1


@pytest.mark.parametrize("typed", ["取消了？", "撤回了吗?", "不用撤回", "別撤回了"])
async def test_a_withdrawal_asked_after_or_denied_once_made_is_told_no_alarm_is_on(
    desk: Harness, typed: str
) -> None:
    """The call withdrawn, 取消了？ asks whether it was, and 不用撤回 comes too late to keep
    it: both learn that no alarm is on and how to raise one, not offered a request of their
    words for the triage desk."""
    ticket_id = await desk.file_110(FARMER)
    await desk.send(FARMER, "不用来了")
    await desk.press(FARMER, f"my:xx:{ticket_id}")
    out = await desk.send(FARMER, typed)
    assert "没有报警" in to_simplified(texts(out)) and "提交" not in to_simplified(texts(out))
    assert len(await desk.tickets()) == 1


@pytest.mark.parametrize("typed", ["来电了？", "修好了？", "没事了？", "不用来了？"])
async def test_a_question_after_the_barn_with_no_call_on_is_a_matter_not_no_alarm(
    desk: Harness, typed: str
) -> None:
    """来电了？ asks after the barn, not whether a call was called off: with nothing in hand
    it is offered as a matter of its own, as before."""
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, typed)
    assert "没有报警" not in to_simplified(texts(out)) and "提交" in to_simplified(texts(out))


@pytest.mark.parametrize(
    "typed", ["电来了，不用来了", "不用来了，修好了", "已经来电了 不用过来了，谢谢"]
)
async def test_a_sentence_made_only_of_words_calling_an_untaken_call_off_offers_the_withdrawal(
    desk: Harness, typed: str
) -> None:
    ticket_id = await desk.file_110(FARMER)
    out = await desk.send(FARMER, typed)
    assert "请点「确定撤回」" in texts(out)
    assert button_data(out) == [f"my:xx:{ticket_id}", f"my:v:{ticket_id}"]


@pytest.mark.parametrize("typed", ["电来了但是风机还是不转", "不用来了，风机还是不转", "修好了吗"])
async def test_words_calling_a_call_off_with_more_to_say_are_only_news(
    desk: Harness, typed: str
) -> None:
    await desk.file_110(FARMER)
    out = await desk.send(FARMER, typed)
    assert "已补充到报警工单" in texts(out) and "确定撤回" not in texts(out)


@pytest.mark.parametrize(
    "typed", ["不用撤回", "不用撤回了，谢谢", "不需要取消", "不用取消了", "不用撤销"]
)
async def test_a_withdrawal_denied_at_its_offer_is_news_and_offers_it_no_more(
    desk: Harness, typed: str
) -> None:
    """The farmer who said 算了 still wants the team after all."""
    ticket_id = await desk.file_110(FARMER)
    out = await desk.send(FARMER, "算了")
    assert button_data(out) == [f"my:xx:{ticket_id}", f"my:v:{ticket_id}"]
    out = await desk.send(FARMER, typed)
    assert "已补充到报警工单" in texts(out) and "确定撤回" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED


async def test_calling_off_asked_offers_no_withdrawal(desk: Harness) -> None:
    await desk.file_110(FARMER)
    out = await desk.send(FARMER, "取消了？")
    assert "确定撤回" not in texts(out)


async def test_words_calling_a_taken_call_off_are_news_for_the_team_that_has_it(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    out = await desk.send(FARMER, "修好了")
    assert "已补充到报警工单" in texts(out) and "确定撤回" not in texts(out)


async def test_an_alarm_too_long_for_a_request_goes_out_with_its_start(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    typed = "烤房停电了，温度一直往下掉。" + "急" * 3000
    out = await desk.send(FARMER, typed)
    assert "报警只带上了前 2000 字" in texts(out) and "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.text == typed[:1999] + "…"


async def test_a_bare_no_during_an_untaken_call_offers_no_withdrawal(desk: Harness) -> None:
    """不用了 is as likely the answer to 共享我的手机号 as a call called off."""
    ticket_id = await desk.file_110(FARMER)
    out = await desk.send(FARMER, "不用了")
    assert "确定撤回" not in texts(out) and button_data(out) == []
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id and ticket.status is Status.DISPATCHED


@pytest.mark.parametrize(
    "typed",
    [
        "跳过", "跳過", "不给", "不方便", "以后再说", "先不留", "下次再说", "回头再说吧",
        "不想给", "不想留", "暂时不给", "那就不给了", "暫時不給", "不給了。", "跳过啊", "不给哦",
    ],
)  # fmt: skip
async def test_the_calls_phone_offer_declined_pages_nobody(desk: Harness, typed: str) -> None:
    """跳过 or 以后再说 answers the call's 共享我的手机号, which has no 「跳过」 of its own: the
    farmer is told the call goes on without it, and the team's pagers do not ring with it."""
    call_id = await desk.file_110(FARMER)
    out = await desk.send(FARMER, typed)
    said = texts(out)
    assert "不留电话也可以" in said or "不留電話也可以" in said, said
    assert "已补充到报警工单" not in said
    assert "info" not in await desk.actions(call_id)
    assert not [r for r in await desk.outbox() if typed in r.payload.get("text", "")]


async def test_the_calls_phone_offer_declined_by_someone_with_a_number_is_news_as_ever(
    desk: Harness,
) -> None:
    await desk.contact(FARMER, "8613800000001", owner=FARMER)  # no offer was made
    call_id = await desk.file_110(FARMER)
    out = await desk.send(FARMER, "不方便")
    assert "不留电话也可以" not in texts(out)
    assert "info" in await desk.actions(call_id)


@pytest.mark.parametrize("typed", ["不留电话", "电话以后再说", "手机号先不给了"])
async def test_the_phone_declined_in_words_naming_it_pages_nobody_later_too(
    desk: Harness, typed: str
) -> None:
    """Words about the phone decline the call's 📱 offer however long after it they come."""
    call_id = await desk.file_110(FARMER)
    desk.clock.advance(hours=1)
    said = texts(await desk.send(FARMER, typed))
    assert "不留电话也可以" in said, said
    assert "info" not in await desk.actions(call_id)


@pytest.mark.parametrize("typed", ["改天吧", "过两天再说", "有空再说"])
async def test_another_day_said_during_a_call_reaches_the_team_not_the_phone_decline(
    desk: Harness, typed: str
) -> None:
    """改天, 过两天 say when the team may come, not that no phone is given: the team reads
    them, and the farmer is not told 不留电话也可以."""
    call_id = await desk.file_110(FARMER)

    said = texts(await desk.send(FARMER, typed))

    assert "不留电话也可以" not in said, said
    assert "info" in await desk.actions(call_id)


@pytest.mark.parametrize("typed", ["以后再说", "不方便", "跳过"])
async def test_a_short_no_long_after_the_phone_offer_still_declines_it(
    desk: Harness, typed: str
) -> None:
    """跳过 or 以后再说 alone, with no question of the team's waiting, can only answer the 📱
    button still on the farmer's screen, however long after the offer: the team is not
    paged 报告人补充：跳过."""
    call_id = await desk.file_110(FARMER)
    desk.clock.advance(hours=1)
    said = texts(await desk.send(FARMER, typed))
    assert "不留电话也可以" in said, said
    assert "info" not in await desk.actions(call_id)


async def test_a_short_no_while_the_team_asks_answers_the_team(desk: Harness) -> None:
    """下次再说 typed while the team's question on the call waits is its answer, for the team
    to read, not the 📱 offer declined."""
    call_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{call_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{call_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "能不能先把温控仪的照片发过来？", chat=QINGSHAN_CHAT)
    desk.clock.advance(minutes=1)

    said = texts(await desk.send(FARMER, "下次再说"))

    assert "不留电话也可以" not in said, said
    assert "answer" in await desk.actions(call_id)


@pytest.mark.parametrize("place_answer", ["跳过", "不知道"])
async def test_a_short_no_just_after_a_late_place_answer_declines_the_phone_offer(
    desk: Harness, place_answer: str
) -> None:
    """The place question answered 11 minutes after the alarm brings the 📱 offer then: 跳过
    typed a moment later answers it, not news paged to the team."""
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    assert "在哪个烤房" in texts(out)
    [call] = await desk.tickets()
    assert call.id is not None
    desk.clock.advance(minutes=11)
    offered = texts(await desk.send(FARMER, place_answer))
    assert "共享我的手机号" in offered, offered  # the offer, made now
    desk.clock.advance(minutes=1)

    said = texts(await desk.send(FARMER, "跳过"))

    assert "不留电话也可以" in said, said
    assert "info" not in await desk.actions(call.id)


@pytest.mark.parametrize("typed", ["不用来了", "修好了"])
async def test_words_calling_off_with_another_ticket_in_hand_are_not_told_no_alarm(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    ticket = await desk.file_request(FARMER, "想请技术员明天来指导一下烘烤装烟")
    await desk.press(MEMBER, f"tk:acc:{ticket.id}", chat=QINGSHAN_CHAT)
    out = await desk.send(FARMER, typed)
    assert "没有报警" not in texts(out)
    assert any(data.endswith(f":{ticket.id}") for data in button_data(out) if "add" in data)


async def test_a_barn_emergency_typed_at_length_goes_out_cut(desk: Harness) -> None:
    typed = "烤房停电了，温度一直往下掉，风机也不转了。" + "急" * 2100
    out = await desk.send(FARMER, typed)
    assert "报警只带上了前 2000 字" in texts(out) and "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.text == typed[:1999] + "…"


async def test_a_request_typed_at_length_is_still_refused(desk: Harness) -> None:
    out = await desk.send(FARMER, "请问今年烟叶收购什么时候开始？" + "啊" * 2100)
    assert "内容太长了" in texts(out)
    assert await desk.tickets() == []


@pytest.mark.parametrize("typed", ["路又坏了，车开不进来", "手机又坏了", "我家电视还是坏的"])
async def test_something_else_broken_again_does_not_send_a_resolved_call_back(
    desk: Harness, typed: str
) -> None:
    """A road, a phone or a television broken again is no word on the barn: the call stays
    resolved, awaiting the farmer's word, and the team is not told it failed."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, QINGSHAN_CHAT)

    out = await desk.send(FARMER, typed)

    assert "重新派给" not in texts(out)
    call = next(t for t in await desk.tickets() if t.id == ticket_id)
    assert call.status is Status.RESOLVED and call.reopen_count == 0


@pytest.mark.parametrize("typed", ["手机充电线又坏了", "宽带线路又坏了", "电话线路又坏了"])
async def test_a_phone_or_home_line_broken_again_does_not_send_a_resolved_call_back(
    desk: Harness, typed: str
) -> None:
    """线, 线路 or 电路 named after a phone or broadband are theirs, not the barn's wiring:
    the call stays resolved and the team is not told it failed."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, QINGSHAN_CHAT)

    out = await desk.send(FARMER, typed)

    assert "重新派给" not in texts(out), texts(out)
    call = next(t for t in await desk.tickets() if t.id == ticket_id)
    assert call.status is Status.RESOLVED and call.reopen_count == 0


@pytest.mark.parametrize("typed", ["又坏了", "刚修好又坏了", "风机又坏了"])
async def test_the_barn_broken_again_sends_a_resolved_call_back(desk: Harness, typed: str) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, QINGSHAN_CHAT)

    out = await desk.send(FARMER, typed)

    assert "重新派给" in texts(out)
    [call] = await desk.tickets()
    assert call.id == ticket_id and call.reopen_count == 1


@pytest.mark.parametrize("typed", ["是的", "对", "没错", "是的。"])
async def test_a_yes_to_whether_the_call_is_solved_asks_its_score(
    desk: Harness, typed: str
) -> None:
    """已办结，请确认是否解决并评价 answered 是的: its 「✅ 已解决，评价」, not a new request."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, QINGSHAN_CHAT)

    out = await desk.send(FARMER, typed)

    assert "要把这条消息" not in texts(out)
    assert button_data(out) == [f"my:r:{ticket_id}:{n}" for n in (5, 4, 3, 2, 1)]


@pytest.mark.parametrize("typed", ["不是", "没有", "否"])
async def test_a_no_to_whether_the_call_is_solved_brings_its_buttons_back(
    desk: Harness, typed: str
) -> None:
    """不是 or 没有 may deny the fault or the question: the notice's buttons again, never a
    new request of the word, nor the call sent back on a guess."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, QINGSHAN_CHAT)

    out = await desk.send(FARMER, typed)

    assert "要把这条消息" not in texts(out)
    assert button_data(out) == [f"my:ok:{ticket_id}", f"my:bad:{ticket_id}"]
    [call] = await desk.tickets()
    assert call.status is Status.RESOLVED


@pytest.mark.parametrize(
    "typed",
    [
        "又没来",
        "还是没来",
        "怎么还没人来",
        "他们怎么还没来",
        "等半天了还不来",
        "烟技员还没来",
        "他还没来",
        "人还没来",
        "师傅还没来吗",
        "师傅呢",
        "你们啥时候来",
        "师傅到底来不来",
    ],
)
async def test_chasing_a_call_nobody_took_for_hours_is_told_it_waits_to_be_accepted(
    desk: Harness, typed: str
) -> None:
    """13 hours on, nobody has accepted the call: 又没来 chases it as 怎么还没人来 does, told
    it waits to be accepted and that the desk chased, never that it is being handled."""
    await desk.file_110(FARMER)
    desk.clock.advance(hours=13)
    await sweep(desk.db, desk.cfg, desk.clock())

    said = texts(await desk.send(FARMER, typed))

    assert "还没有人接单（待接单）" in said and "系统已催办" in said, said
    assert "正在办理中" not in said


@pytest.mark.parametrize("typed", ["老板他还没来", "你们的化肥还来不来"])
async def test_someone_or_something_else_not_come_is_not_told_the_call_waits_to_be_accepted(
    desk: Harness, typed: str
) -> None:
    """老板他还没来: the 他 is the 老板; 你们的化肥: the bureau's fertiliser, not the team the
    call waits for."""
    await desk.file_110(FARMER)
    desk.clock.advance(hours=13)
    await sweep(desk.db, desk.cfg, desk.clock())

    said = texts(await desk.send(FARMER, typed))

    assert "还没有人接单（待接单）" not in said, said


@pytest.mark.parametrize("typed", ["刚修好的线路又坏了", "烤房电路又坏了", "线路还是坏的"])
async def test_the_barn_wiring_broken_again_sends_a_resolved_call_back(
    desk: Harness, typed: str
) -> None:
    """线路 and 电路 end as a road (路) does, and are the barn's own: the fault back."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, QINGSHAN_CHAT)

    out = await desk.send(FARMER, typed)

    assert "重新派给" in texts(out)
    call = next(t for t in await desk.tickets() if t.id == ticket_id)
    assert call.reopen_count == 1


@pytest.mark.parametrize(
    "typed", ["卖烟的钱又没来", "烟款又没来", "化肥还没来", "二次结算还没来", "收购的结算单还没来"]
)
async def test_money_or_goods_not_come_is_no_news_for_the_open_call(
    desk: Harness, typed: str
) -> None:
    """Money or goods not come, again or still, is no chasing of the 110 team: never added to
    the open call nor paged to its team."""
    call_id = await desk.file_110(FARMER)

    out = await desk.send(FARMER, typed)

    assert "已补充到报警工单" not in texts(out), texts(out)
    assert "info" not in await desk.actions(call_id)
    assert not [
        r for r in await desk.outbox() if r.purpose == "notify" and typed in r.payload["text"]
    ]
