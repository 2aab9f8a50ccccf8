"""A staff member's numbered wish list is filed item by item: each item is a wish of its
own on the wish list (心愿清单), crossed off (销号) on its own, and the list's progress
counts items, not messages."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from bot.reports_port import Reports
from core.enums import Kind, Status
from tests.support.desk import Harness, button_actions, button_data, texts
from tests.support.tickets import SUPERVISOR

STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER = 200081
THREE_WISHES = "1、组织一次职工体检；2、食堂增加早餐品种；3、更换宿舍空调"
LEAD_IN = "關於職工生活方面，我們科室希望單位："


async def _wish_list(desk: Harness, text: str = THREE_WISHES) -> str:
    """The staff member writes `text` after /wish; the summary they are asked to confirm."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, text)
    return texts(await desk.press(STAFF, "f:next"))


async def test_the_summary_lists_the_items_and_offers_to_file_them_one_by_one(
    desk: Harness,
) -> None:
    summary = await _wish_list(desk)
    assert "共 3 项，将分别记入心愿清单、逐项销号" in summary
    assert "1. 组织一次职工体检\n2. 食堂增加早餐品种\n3. 更换宿舍空调" in summary
    buttons = button_data(await desk.press(STAFF, "f:edit"))
    assert buttons == []  # 修改 asks for the words again
    await desk.send(STAFF, THREE_WISHES)
    out = await desk.press(STAFF, "f:next")
    assert button_actions(out) == ["f:ok", "f:one", "f:edit", "f:no"]


async def test_each_item_is_a_wish_of_its_own_crossed_off_on_its_own(desk: Harness) -> None:
    await _wish_list(desk)
    out = await desk.press(STAFF, "f:ok")
    filed = await desk.tickets()
    assert [t.text for t in filed] == ["组织一次职工体检", "食堂增加早餐品种", "更换宿舍空调"]
    assert all(t.kind is Kind.WISH and t.team_id == "staff" for t in filed)
    assert [t.route_explanation for t in filed] == [
        f"职工心愿（心愿清单第 {n}/3 项）" for n in (1, 2, 3)
    ]
    reply = texts(out)
    assert "已提交 3 项心愿" in reply
    assert all(t.label in reply for t in filed)
    cards = [r for r in await desk.outbox() if r.chat_id == STAFF_TEAM_CHAT and r.purpose == "card"]
    assert len(cards) == 3
    # The team does the first; the staff member crosses it off; the others stay open.
    done = filed[0]
    await desk.press(STAFF_MEMBER, f"tk:acc:{done.id}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{done.id}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已联系医院，下周二体检", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF, f"my:ok:{done.id}")
    await desk.press(STAFF, f"my:r:{done.id}:5")
    statuses = [t.status for t in await desk.tickets()]
    assert statuses == [Status.CLOSED, Status.DISPATCHED, Status.DISPATCHED]
    desk.desk.svc.reports = Reports(desk.db, desk.cfg)
    document = (await desk.send(SUPERVISOR, "/ledger today")).replies[0].document
    assert document is not None
    wishes = load_workbook(io.BytesIO(document[1]))["心愿清单"]
    assert [wishes[f"E{row}"].value for row in (3, 4, 5)] == [t.text for t in filed]
    assert (wishes["A7"].value, wishes["B7"].value) == ("完成进度", "1/3（33%）")


async def test_the_ledgers_wish_list_tells_a_lists_items_apart_by_their_place(
    desk: Harness,
) -> None:
    """清单项 reads 第N/M项 as each card's 分派依据 does; a wish filed alone reads nothing."""
    await _wish_list(desk)
    await desk.press(STAFF, "f:ok")
    desk.clock.advance(minutes=5)
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "希望宿舍楼装一台洗衣机")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    assert len(await desk.tickets()) == 4
    desk.desk.svc.reports = Reports(desk.db, desk.cfg)
    document = (await desk.send(SUPERVISOR, "/ledger today")).replies[0].document
    assert document is not None
    wishes = load_workbook(io.BytesIO(document[1]))["心愿清单"]
    assert wishes["B2"].value == "清单项"
    assert [wishes[f"B{row}"].value for row in (3, 4, 5, 6)] == [
        "第1/3项",
        "第2/3项",
        "第3/3项",
        None,
    ]


async def test_a_list_can_still_be_filed_as_one_wish(desk: Harness) -> None:
    await _wish_list(desk)
    out = await desk.press(STAFF, "f:one")
    [ticket] = await desk.tickets()
    assert ticket.text == THREE_WISHES and ticket.kind is Kind.WISH
    assert ticket.route_explanation == "职工心愿"
    assert f"已提交，心愿 {ticket.label}" in texts(out)


async def test_a_list_is_filed_whole_even_past_the_hourly_limit(desk: Harness) -> None:
    """The limit is checked when the list is submitted: all its items are filed, and they
    count, each a ticket the team has to do, against what may follow within the hour."""
    six = " ".join(f"{n}.希望{n}号楼装电梯" for n in range(1, 7))
    await _wish_list(desk, six)
    await desk.press(STAFF, "f:ok")
    assert len(await desk.tickets()) == 6  # over the five an hour, and all filed
    out = await desk.send(STAFF, "/wish")
    assert "一小时内已提交 6 件" in texts(out)


async def test_a_farmers_numbered_request_stays_one_request(desk: Harness) -> None:
    await desk.registered_as(100001, "farmer")
    await desk.send(100001, "/new")
    await desk.send(100001, "1.烟叶收购什么时候开始 2.今年收购价多少")
    summary = texts(await desk.press(100001, "f:next"))
    assert "逐项销号" not in summary
    await desk.press(100001, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.REQUEST and ticket.text.startswith("1.")


async def test_a_traditional_list_is_answered_in_traditional(desk: Harness) -> None:
    summary = await _wish_list(desk, "1．組織職工體檢\n2．食堂增加早餐")
    assert "共 2 項，將分別記入心願清單、逐項銷號" in summary
    out = await desk.press(STAFF, "f:ok")
    assert "已提交 2 項心願" in texts(out)
    assert [t.text for t in await desk.tickets()] == ["組織職工體檢", "食堂增加早餐"]


async def test_a_list_typed_as_a_message_files_every_item_as_a_wish(desk: Harness) -> None:
    """Typed without /wish, the list is a wish as a whole: each item is filed as one, not
    routed again on its own few words (业务培训 alone is no wish)."""
    await desk.registered_as(STAFF, "staff")
    summary = texts(await desk.send(STAFF, "1.食堂加早餐 2.多组织业务培训"))
    assert "类别：心愿" in summary and "共 2 项" in summary
    await desk.press(STAFF, "f:ok")
    filed = await desk.tickets()
    assert [(t.kind, t.team_id) for t in filed] == [(Kind.WISH, "staff")] * 2


async def test_a_notice_about_one_item_says_which_wish_it_is(desk: Harness) -> None:
    await _wish_list(desk)
    await desk.press(STAFF, "f:ok")
    second = (await desk.tickets())[1]
    before = {r.id for r in await desk.outbox()}
    await desk.press(STAFF_MEMBER, f"tk:acc:{second.id}", chat=STAFF_TEAM_CHAT)
    [notice] = [r for r in await desk.outbox() if r.id not in before and r.chat_id == STAFF]
    assert f"您的心愿 {second.label}（第2项：食堂增加早餐品种） 已由" in notice.payload["text"]


async def test_items_sharing_a_lead_in_are_told_apart_in_my_list_and_notices(
    desk: Harness,
) -> None:
    """Each item keeps the list's lead-in (关于……希望单位：) in its words for the team; the
    requester's list and notices name it by what differs, the item."""
    await _wish_list(
        desk, "關於職工生活方面，我們科室希望單位：\n1. 食堂增加晚餐\n2. 宿舍增加熱水供應時間"
    )
    await desk.press(STAFF, "f:ok")
    dinner, hot_water = await desk.tickets()
    assert dinner.text == f"{LEAD_IN}食堂增加晚餐"
    out = await desk.send(STAFF, "/my")
    labels = [b.text for r in out.replies for row in r.buttons for b in row]
    assert labels == [  # in the list's order, as it was numbered
        f"第1項 {dinner.label} 待接單 食堂增加晚餐",
        f"第2項 {hot_water.label} 待接單 宿舍增加熱水供應時間",
    ]
    before = {r.id for r in await desk.outbox()}
    await desk.press(STAFF_MEMBER, f"tk:acc:{dinner.id}", chat=STAFF_TEAM_CHAT)
    [notice] = [r for r in await desk.outbox() if r.id not in before and r.chat_id == STAFF]
    assert f"{dinner.label}（第1項：食堂增加晚餐）" in notice.payload["text"]


@pytest.mark.parametrize("typed", ["1、😀 2、👍", "1、", "（1）（2）", "1. 2."])
async def test_numbers_with_no_words_are_asked_for_words_and_nothing_is_filed(
    desk: Harness, typed: str
) -> None:
    """Item numbers with nothing but emoji after them, or a number alone, describe no wish:
    words are asked for, as for emoji alone, never a summary offering to file them."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    said = texts(await desk.send(STAFF, typed))
    assert "内容是空的，请用文字描述一下。" in said, said
    await desk.press(STAFF, "f:next")
    await desk.send(STAFF, "提交")
    assert await desk.tickets() == []
    await desk.send(STAFF, "1、食堂增加早餐品种 2、宿舍装空调")  # the words asked for
    assert "共 2 项" in texts(await desk.press(STAFF, "f:next"))
