"""A voice note, a photo or a pin where the desk asks for words: a farmer who cannot type is
never stuck, and nothing sent is thrown away."""

from __future__ import annotations

import pytest

from core.enums import Kind, Status
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

RETAILER = 100002
TEAM_CHAT = -1001000000001


async def _attachments(desk: Harness, ticket_id: int) -> list[tuple[str, str]]:
    async with desk.db.uow(read_only=True) as uow:
        return [(a.kind, a.file_id) for a in await uow.attachments.of_ticket(ticket_id)]


async def test_a_voice_note_describes_a_new_request(desk: Harness) -> None:
    await desk.send(FARMER, "/new")
    out = await desk.send(FARMER, voice_file_id="v-describe")
    assert "已收到语音留言" in texts(out) and "f:next" in button_data(out)
    out = await desk.press(FARMER, "f:next")
    summary = texts(out)
    assert "内容：[语音留言]" in summary and "补充" not in summary
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.text == "[语音]" and ticket.kind is Kind.REQUEST
    assert await _attachments(desk, ticket.id) == [("voice", "v-describe")]


async def test_a_voice_note_describes_a_complaint_too(desk: Harness) -> None:
    await desk.send(RETAILER, "/complain")
    out = await desk.send(RETAILER, voice_file_id="v-complaint")
    assert "已收到语音留言" in texts(out)
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.COMPLAINT


async def test_a_photo_alone_is_kept_and_the_words_asked_for(desk: Harness) -> None:
    await desk.send(RETAILER, "/new")
    out = await desk.send(RETAILER, photo_file_id="p-first")
    assert "请再用文字或语音说明一下情况" in texts(out)
    await desk.send(RETAILER, "上周订的货少送了两条，什么时候补")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None
    assert await _attachments(desk, ticket.id) == [("photo", "p-first")]


async def test_a_request_left_to_a_person_says_so_plainly(desk: Harness) -> None:
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "那个事情到底怎么办，上次说的还没弄")
    out = await desk.press(RETAILER, "f:next")
    assert "将由工作人员看过后分派给对应的部门" in texts(out)
    assert "置信度" not in texts(out) and "候选" not in texts(out)


async def test_a_routed_request_still_says_why(desk: Harness) -> None:
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "我想办理烟草专卖零售许可证延续，需要带什么材料")
    out = await desk.press(RETAILER, "f:next")
    assert "许可证" in texts(out).rsplit("将转给", 1)[1]


async def test_more_information_may_be_a_voice_note_or_a_pin(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "我想办理烟草专卖零售许可证延续，需要带什么材料")
    assert ticket.id is not None and ticket.lat is None
    await desk.press(RETAILER, f"my:add:{ticket.id}")
    out = await desk.send(RETAILER, voice_file_id="v-more")
    assert f"已补充到工单 {ticket.label}" in texts(out)
    await desk.press(RETAILER, f"my:add:{ticket.id}")
    await desk.location(RETAILER, 26.58, 106.71)
    assert await _attachments(desk, ticket.id) == [("voice", "v-more")]
    [ticket] = await desk.tickets()
    assert ticket.id is not None and (ticket.lat, ticket.lon) == (26.58, 106.71)
    rows = [r for r in await desk.outbox() if r.ticket_id == ticket.id]
    assert any(r.method == "send_voice" and r.payload.get("file_id") == "v-more" for r in rows)
    assert any(r.method == "send_location" for r in rows)
    async with desk.db.uow(read_only=True) as uow:
        events = [e for e in await uow.tickets.events(ticket.id) if e.action == "info"]
    assert [(e.data["voice"], e.data["location"]) for e in events] == [(True, False), (False, True)]


async def test_not_solved_may_be_said_aloud(desk: Harness) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    out = await desk.send(FARMER, voice_file_id="v-still-broken")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED, texts(out)
    assert ("voice", "v-still-broken") in await _attachments(desk, ticket_id)
    cards = [r for r in await desk.outbox() if r.purpose == "card" and r.chat_id == TEAM_CHAT]
    voices = [r for r in await desk.outbox() if r.method == "send_voice"]
    assert len(cards) == 2 and any(r.chat_id == TEAM_CHAT for r in voices)


@pytest.mark.parametrize("caption", ["温度还是上不去，你看", ""])
async def test_not_solved_may_be_shown_in_a_photo_that_reaches_the_team(
    desk: Harness, caption: str
) -> None:
    """Before: the photo sent for 没解决's why was dropped (with words, the words alone went
    back; without, the why was asked again), and the team never saw it."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    out = await desk.send(FARMER, caption, photo_file_id="p-still-broken")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED, texts(out)
    assert ("photo", "p-still-broken") in await _attachments(desk, ticket_id)
    photos = [r for r in await desk.outbox() if r.method == "send_photo"]
    assert any(r.chat_id == TEAM_CHAT and r.payload["file_id"] == "p-still-broken" for r in photos)
    told = [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == TEAM_CHAT]
    assert any(f"问题没有解决：{caption or '[照片]'}" in said for said in told), told


@pytest.mark.parametrize("nothing_more", ["没有", "没问题"])
async def test_plain_replies_move_the_request_on_instead_of_joining_its_text(
    desk: Harness, nothing_more: str
) -> None:
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "想问一下今年的收购预约怎么办理")
    out = await desk.send(FARMER, nothing_more)
    assert "请确认" in texts(out)
    out = await desk.send(FARMER, "没问题！")
    assert "已提交" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.text == "想问一下今年的收购预约怎么办理"


async def test_words_at_the_extras_step_still_join_the_description(desk: Harness) -> None:
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "想问一下今年的收购预约怎么办理")
    out = await desk.send(FARMER, "没有预约码")
    assert "已补充到描述里" in texts(out)
    await desk.send(FARMER, "沒有了")  # Traditional
    await desk.send(FARMER, "OK")
    [ticket] = await desk.tickets()
    assert ticket.text == "想问一下今年的收购预约怎么办理\n没有预约码"


async def test_a_captioned_voice_note_describes_and_is_kept(desk: Harness) -> None:
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "想问一下今年的收购预约怎么办理", voice_file_id="v-captioned")
    await desk.press(FARMER, "f:next")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.text == "想问一下今年的收购预约怎么办理"
    assert await _attachments(desk, ticket.id) == [("voice", "v-captioned")]


async def test_a_voice_note_to_a_resolution_notice_is_the_tickets_not_a_new_alarm(
    desk: Harness,
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    out = await desk.send(FARMER, voice_file_id="v-fixed-thanks")
    assert "已报警" not in texts(out) and "收到您的语音" in texts(out)
    assert {f"my:ok:{ticket_id}", f"my:bad:{ticket_id}"} <= set(button_data(out))
    [ticket] = await desk.tickets()  # no second ticket
    assert ticket.status is Status.RESOLVED
    assert ("voice", "v-fixed-thanks") in await _attachments(desk, ticket_id)
    voices = [r for r in await desk.outbox() if r.method == "send_voice"]
    assert any(r.chat_id == TEAM_CHAT and r.payload["file_id"] == "v-fixed-thanks" for r in voices)


@pytest.mark.parametrize("first", ["photo", "pin"])
async def test_a_photo_or_pin_then_a_voice_note_to_a_resolution_notice_go_to_that_ticket(
    desk: Harness, first: str
) -> None:
    """The barn shown or pinned, then a word said aloud, just after the team said the call
    was fixed: said to that notice, as a voice note alone is, never a second urgent call
    paging the team."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    if first == "photo":
        await desk.send(FARMER, photo_file_id="p-fixed-barn")
    else:
        await desk.location(FARMER, 26.43, 106.62)
    out = await desk.send(FARMER, voice_file_id="v-fixed-thanks")
    assert "已报警" not in texts(out) and "收到您的语音" in texts(out)
    assert {f"my:ok:{ticket_id}", f"my:bad:{ticket_id}"} <= set(button_data(out))
    [ticket] = await desk.tickets()  # no second ticket
    assert ticket.status is Status.RESOLVED
    kept = await _attachments(desk, ticket_id)
    assert ("voice", "v-fixed-thanks") in kept
    if first == "photo":
        assert ("photo", "p-fixed-barn") in kept
    out = await desk.send(FARMER, "5")  # the draft the photo or pin began is gone
    assert "5 分" in texts(out) or "谢谢" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.rating == 5


async def test_a_voice_note_long_after_a_resolution_is_a_110_call_again(desk: Harness) -> None:
    await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    desk.clock.advance(hours=13)
    out = await desk.send(FARMER, voice_file_id="v-new-trouble")
    assert "已报警" in texts(out)
    assert len(await desk.tickets()) == 2


@pytest.mark.parametrize("first", ["photo", "pin"])
async def test_a_farmers_voice_note_after_a_photo_or_a_pin_is_a_110_call_with_them(
    desk: Harness, first: str
) -> None:
    """The barn's photo or pin, then what is wrong said aloud (the photo's reply asks for
    文字或语音): a voice note alone is a 110 call, and so it is after them, at night too;
    not a request for the triage desk in the morning."""
    await desk.registered_as(FARMER, "farmer")
    if first == "photo":
        out = await desk.send(FARMER, photo_file_id="p-barn")
    else:
        out = await desk.location(FARMER, 26.43, 106.62)  # ~1 km from 松林
    assert "请再用文字或语音说明一下情况" in texts(out)
    out = await desk.send(FARMER, voice_file_id="v-no-power")
    assert "已报警" in texts(out) and "下一步" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.kind is Kind.EMERGENCY and ticket.urgent
    kept = await _attachments(desk, ticket.id)
    assert ("voice", "v-no-power") in kept
    if first == "photo":
        assert ("photo", "p-barn") in kept
    else:
        assert (ticket.lat, ticket.lon) == (26.43, 106.62)


async def test_a_voice_note_after_a_photo_at_new_still_describes_the_request(
    desk: Harness,
) -> None:
    """求助办事 chosen: the voice note is the request's description, as without the photo."""
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, photo_file_id="p-first")
    out = await desk.send(FARMER, voice_file_id="v-describe")
    assert "已收到语音留言" in texts(out) and await desk.tickets() == []


@pytest.mark.parametrize("how", ["after", "caption"])
async def test_a_barn_perhaps_failing_with_a_photo_is_asked_about_as_typed_alone(
    desk: Harness, how: str
) -> None:
    """温控器没反应了 typed alone asks 现在需要…马上处理吗？; typed after the controller's
    photo, or as its caption, it is asked the same, the photo kept for either answer."""
    await desk.registered_as(FARMER, "farmer")
    if how == "after":
        await desk.send(FARMER, photo_file_id="p-controller")
        out = await desk.send(FARMER, "温控器没反应了")
    else:
        out = await desk.send(FARMER, "温控器没反应了", photo_file_id="p-controller")
    assert button_data(out) == ["f:alarm:yes", "f:alarm:no"]
    assert await desk.tickets() == []
    assert "已报警" in texts(await desk.press(FARMER, "f:alarm:yes"))
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.urgent and ticket.text == "温控器没反应了"
    assert await _attachments(desk, ticket.id) == [("photo", "p-controller")]
