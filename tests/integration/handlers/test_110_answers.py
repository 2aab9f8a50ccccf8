"""What a farmer sends around a 110 call, where a button was offered or after the alarm:
it is never what keeps the alarm from going out, and never a second alarm beside the first."""

from __future__ import annotations

import pytest

from core.enums import Kind, Status
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, MEMBER

TEAM_CHAT = -1001000000001


async def _asked_where(desk: Harness) -> None:
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    assert "在哪个烤房" in texts(out)


@pytest.mark.parametrize(
    ("typed", "site"),
    [("青山镇大坪烤房群", "QS01"), ("大坪那边，5号烤房", "QS01"), ("河湾", "QS02")],
)
async def test_a_barn_typed_instead_of_pressed_files_the_alarm_there(
    desk: Harness, typed: str, site: str
) -> None:
    await _asked_where(desk)
    out = await desk.send(FARMER, typed)
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.site_code == site and ticket.status is Status.DISPATCHED


async def test_an_answer_naming_no_barn_still_files_the_alarm_with_its_words(
    desk: Harness,
) -> None:
    await _asked_where(desk)
    out = await desk.send(FARMER, "就在村口第三间，路边那个")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.site_code is None
    assert ticket.text.endswith("位置：就在村口第三间，路边那个")
    assert any(r.purpose == "card" for r in await desk.outbox())  # the team is alerted


async def test_a_bare_number_is_the_farmers_barn_number_not_a_button(desk: Harness) -> None:
    await _asked_where(desk)
    await desk.send(FARMER, "3")
    [ticket] = await desk.tickets()
    assert ticket.site_code is None and ticket.text.endswith("位置：3")


async def test_a_voice_note_at_the_where_question_files_the_alarm_with_it(desk: Harness) -> None:
    await _asked_where(desk)
    out = await desk.send(FARMER, voice_file_id="where-voice")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.urgent
    voices = [r for r in await desk.outbox() if r.method == "send_voice"]
    assert voices and voices[0].payload["file_id"] == "where-voice"


async def test_a_shared_location_files_the_nearest_barn_not_a_shop_or_station(
    desk: Harness,
) -> None:
    await _asked_where(desk)
    await desk.location(FARMER, 26.432, 106.621)  # beside 白石烟叶收购站, 2 km from 松林
    [ticket] = await desk.tickets()
    assert ticket.site_code == "BS01"


async def test_a_voice_note_after_the_alarm_joins_it_instead_of_a_second_alarm(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    out = await desk.send(FARMER, voice_file_id="news-voice")
    assert "已补充到报警工单" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id
    voices = [r for r in await desk.outbox() if r.method == "send_voice"]
    assert [v.payload["file_id"] for v in voices] == ["news-voice"]


async def test_a_voice_answer_to_the_teams_question_is_the_answer(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=TEAM_CHAT)
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


async def test_news_about_the_barn_still_joins_the_call(desk: Harness) -> None:
    await desk.file_110(FARMER)
    out = await desk.send(FARMER, "现在温度掉到38度了")
    assert "已补充到报警工单" in texts(out)
    assert len(await desk.tickets()) == 1


async def test_a_command_at_the_where_question_sends_the_alarm_first(desk: Harness) -> None:
    await _asked_where(desk)
    out = await desk.send(FARMER, "/my")
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.status is Status.DISPATCHED
    assert ticket.number and ticket.number in texts(out)  # /my lists it
