"""The service lines beside 110, as their people use them: a retailer's licence, ordering
and delivery requests, a staff member's wish list (心愿清单), complaints and suggestions."""

from __future__ import annotations

from core.enums import Status
from tests.support.desk import Harness, texts

RETAILER = 100002
STAFF = 100003
MONOPOLY_CHAT = -1001000000012


async def test_a_photos_caption_sent_after_the_description_joins_it(desk: Harness) -> None:
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "我的許可證快到期了")
    await desk.send(RETAILER, "許可證照片，請幫我辦延續", photo_file_id="licence-photo")
    out = await desk.press(RETAILER, "f:next")
    assert "請幫我辦延續" in texts(out)  # the summary shows what will be submitted
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.text == "我的許可證快到期了\n許可證照片，請幫我辦延續"
    [card] = [r for r in await desk.outbox() if r.payload.get("text", "").startswith("工单")]
    assert card.chat_id == MONOPOLY_CHAT and "請幫我辦延續" in card.payload["text"]
    assert any(r.payload.get("file_id") == "licence-photo" for r in await desk.outbox())


async def test_a_photo_captioned_ok_at_the_summary_is_added_not_taken_as_submit(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "許可證要變更地址")
    out = await desk.send(RETAILER, "好的", photo_file_id="new-address")
    assert await desk.tickets() == []  # not submitted without the photo being shown
    assert "補充：1 項" in texts(out)
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED
    assert any(r.payload.get("file_id") == "new-address" for r in await desk.outbox())


async def _register_staff(desk: Harness, user: int = STAFF, name: str = "王建国") -> None:
    await desk.send(user, "/start")
    await desk.press(user, "f:kind:staff")
    await desk.send(user, name)
    await desk.send(user, "跳过")
    await desk.press(user, "f:skip")


async def test_a_typed_staff_request_is_offered_as_the_wish_it_will_be_filed_as(
    desk: Harness,
) -> None:
    await _register_staff(desk)
    out = await desk.send(STAFF, "希望组织一次职工体检")
    assert "作为「心愿」提交吗" in texts(out) and "类别：心愿" in texts(out)
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind.value == "wish"


DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


async def test_a_transfer_to_the_team_that_has_it_is_refused_before_the_reason(
    desk: Harness,
) -> None:
    ticket = await desk.file_request(RETAILER, "今天送货的少了两条烟")
    assert ticket.team_id == "delivery"
    out = await desk.press(DELIVERY_MEMBER, f"tk:xto:{ticket.id}:delivery", chat=DELIVERY_CHAT)
    assert out.toast == "工单 10019 已经在 物流配送中心，无需转派。"
    assert not out.replies  # no 请说明转派原因 to type into nothing
    out = await desk.send(DELIVERY_MEMBER, "误点了", chat=DELIVERY_CHAT)
    assert not out.replies and not out.toast  # the group's own talk again


async def _wish(desk: Harness, text: str) -> int:
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, text)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    ticket = (await desk.tickets())[-1]
    assert ticket.id is not None and ticket.text == text
    return ticket.id


async def test_my_list_keeps_an_old_open_wish_in_sight_behind_ten_newer_tickets(
    desk: Harness,
) -> None:
    await _register_staff(desk)
    first = await _wish(desk, "希望食堂增加晚餐")
    for n in range(10):
        desk.clock.advance(hours=1)  # past the hourly limit on new tickets
        withdrawn = await _wish(desk, f"希望组织第{n}次篮球比赛")
        await desk.press(STAFF, f"my:xx:{withdrawn}")
    out = await desk.send(STAFF, "/my")
    shown = [b.data for r in out.replies for row in r.buttons for b in row]
    assert f"my:v:{first}" in shown  # still waiting for the team, so still listed
    assert len(shown) == 11 and shown[-1] == f"my:v:{first}"  # newest first, as before


CONDUCT_CHAT = -1001000000016


async def test_a_complaint_another_team_handles_is_watched_by_the_oversight_team(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/complain")
    await desk.send(RETAILER, "投诉配送员小王，送货总是迟到", photo_file_id="late-receipt")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind.value == "complaint" and ticket.team_id == "delivery"
    watched = [r for r in await desk.outbox() if r.chat_id == CONDUCT_CHAT]
    assert "是一件投诉，由 物流配送中心 办理" in watched[0].payload["text"]
    [card] = [r for r in watched if r.purpose == "card"]
    # Theirs to watch, not to work: only their own 接管.
    assert card.payload["buttons"] == [[{"text": "接管", "data": f"ov:take:{ticket.id}"}]]
    assert any(r.payload.get("file_id") == "late-receipt" for r in watched)
    # The team resolves it; the copy shows it, still without buttons.
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已经批评教育", chat=DELIVERY_CHAT)
    [*_, edit] = [r for r in await desk.outbox() if r.chat_id == CONDUCT_CHAT]
    assert edit.method == "edit_message" and "已办结待确认" in edit.payload["text"]
    assert "buttons" not in edit.payload  # resolved: no longer to be taken over
    # Not solved, says the retailer: the copy comes again with what happened so far.
    await desk.press(RETAILER, f"my:bad:{ticket.id}")
    await desk.send(RETAILER, "还是天天迟到")
    again = [r.payload.get("text", "") for r in await desk.outbox() if r.chat_id == CONDUCT_CHAT]
    assert any("重新办理：还是天天迟到" in text for text in again)


async def test_a_request_or_a_complaint_at_the_oversight_team_gets_no_copy(
    desk: Harness,
) -> None:
    await desk.file_request(RETAILER, "今天送货的少了两条烟")
    await desk.send(RETAILER, "送货员态度很差，还骂人")
    await desk.press(RETAILER, "f:ok")
    [_request, complaint] = await desk.tickets()
    assert complaint.team_id == "conduct"
    conduct_rows = [r for r in await desk.outbox() if r.chat_id == CONDUCT_CHAT]
    assert [r.ticket_id for r in conduct_rows] == [complaint.id]  # its own card, once
    assert "buttons" in conduct_rows[0].payload


async def test_a_transfer_tells_the_requester_in_their_script_that_nothing_need_be_repeated(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "我的許可證快到期了，延續要帶什麼材料？")
    await desk.send(RETAILER, photo_file_id="licence")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    await desk.press(200051, f"tk:xto:{ticket.id}:ordering", chat=MONOPOLY_CHAT)
    await desk.send(200051, "这是订货的问题", chat=MONOPOLY_CHAT)
    told = [
        r.payload["text"]
        for r in await desk.outbox()
        if r.chat_id == RETAILER and r.method == "send_message"
    ]
    assert told == [
        "工單 10019 已轉給 營銷服務部（客戶經理） 辦理。"
        "您之前提供的情況已一併轉過去，不用再說一遍。"
    ]
    ordering = [r for r in await desk.outbox() if r.chat_id == -1001000000013]
    assert any(r.payload.get("file_id") == "licence" for r in ordering)
    assert any("延續要帶什麼材料" in r.payload.get("text", "") for r in ordering)
