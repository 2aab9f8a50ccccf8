"""A wish is crossed off (销号) with how it ended, as a union service station answers every
wish on its list: granted (已实现), granted in part (部分实现) or not to be granted (无法实现)
with the reason. The employee is told the answer, the card and the timeline keep it, and
the ledger's 心愿清单 says it, never counting a wish turned down as granted."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from bot.reports_port import Reports
from core.enums import Status, WishOutcome
from reports.echo import post_text
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import SUPERVISOR

STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER = 200081
THREE_WISHES = "1、组织一次职工体检；2、食堂增加早餐品种；3、更换宿舍空调"


async def _three_wishes_accepted(desk: Harness) -> list[int]:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    ids = [t.id for t in await desk.tickets() if t.id is not None]
    for ticket_id in ids:
        await desk.press(STAFF_MEMBER, f"tk:acc:{ticket_id}", chat=STAFF_TEAM_CHAT)
    return ids


async def _resolve(desk: Harness, ticket_id: int, press: str, note: str) -> str:
    """The member presses `press` on the wish and writes `note`; the requester's notice."""
    await desk.press(STAFF_MEMBER, press, chat=STAFF_TEAM_CHAT)
    before = {r.id for r in await desk.outbox()}
    await desk.send(STAFF_MEMBER, note, chat=STAFF_TEAM_CHAT)
    [notice] = [
        r
        for r in await desk.outbox()
        if r.id not in before and r.chat_id == STAFF and r.purpose == "resolution"
    ]
    return str(notice.payload["text"])


async def test_resolving_a_wish_offers_to_record_it_as_granted_in_part_or_not_at_all(
    desk: Harness,
) -> None:
    first, *_ = await _three_wishes_accepted(desk)
    out = await desk.press(STAFF_MEMBER, f"tk:res:{first}", chat=STAFF_TEAM_CHAT)
    assert "将记为「已实现」" in texts(out)
    assert button_data(out) == [f"tk:res:{first}:partly", f"tk:res:{first}:declined"]
    out = await desk.press(STAFF_MEMBER, f"tk:res:{first}:declined", chat=STAFF_TEAM_CHAT)
    assert "记为「无法实现」：请写明原因（会告知职工）" in texts(out)
    assert button_data(out) == [f"tk:res:{first}:granted", f"tk:res:{first}:partly"]


async def test_a_wish_turned_down_tells_the_employee_why_and_is_never_counted_granted(
    desk: Harness,
) -> None:
    checkup, breakfast, air_con = await _three_wishes_accepted(desk)
    granted = await _resolve(desk, checkup, f"tk:res:{checkup}", "已联系医院，下周二体检")
    assert "已实现：已联系医院，下周二体检\n请确认并评价：" in granted
    assert "是否解决" not in granted
    partly = await _resolve(
        desk, breakfast, f"tk:res:{breakfast}:partly", "已加豆浆油条，其余等食堂招人后再加"
    )
    assert "已部分实现：已加豆浆油条，其余等食堂招人后再加" in partly
    declined = await _resolve(
        desk, air_con, f"tk:res:{air_con}:declined", "宿舍空调属整体改造，已报明年计划"
    )
    assert "经研究暂时无法实现，原因：宿舍空调属整体改造，已报明年计划" in declined
    tickets = {t.id: t for t in await desk.tickets()}
    assert [tickets[i].wish_outcome for i in (checkup, breakfast, air_con)] == [
        WishOutcome.GRANTED,
        WishOutcome.PARTLY,
        WishOutcome.DECLINED,
    ]
    card = [
        r.payload["text"]
        for r in await desk.outbox()
        if r.chat_id == STAFF_TEAM_CHAT and r.ticket_id == air_con and r.purpose == "card_edit"
    ][-1]
    assert "办结（无法实现）：" in str(card)
    for ticket_id in (checkup, breakfast, air_con):
        await desk.press(STAFF, f"my:ok:{ticket_id}")
        await desk.press(STAFF, f"my:r:{ticket_id}:4")
    assert {t.status for t in await desk.tickets()} == {Status.CLOSED}
    desk.desk.svc.reports = Reports(desk.db, desk.cfg)
    document = (await desk.send(SUPERVISOR, "/ledger today")).replies[0].document
    assert document is not None
    wishes = load_workbook(io.BytesIO(document[1]))["心愿清单"]
    assert [wishes[f"H{row}"].value for row in (3, 4, 5)] == ["已实现", "部分实现", "无法实现"]
    assert wishes["J5"].value == "宿舍空调属整体改造，已报明年计划"
    assert (wishes["A7"].value, wishes["B7"].value) == ("完成进度", "3/3（100%）")
    assert (wishes["A8"].value, wishes["B8"].value) == (
        "实现情况",
        "已实现 1 项，部分实现 1 项，无法实现 1 项，尚未销号 0 项",
    )


async def test_a_wish_sent_back_and_granted_the_second_time_reads_granted(desk: Harness) -> None:
    wish, *_ = await _three_wishes_accepted(desk)
    await _resolve(desk, wish, f"tk:res:{wish}:declined", "今年预算已用完")
    await desk.press(STAFF, f"my:bad:{wish}")
    await desk.send(STAFF, "工会去年答应过的")
    [ticket] = [t for t in await desk.tickets() if t.id == wish]
    assert ticket.status is Status.DISPATCHED and ticket.wish_outcome is None
    await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
    await _resolve(desk, wish, f"tk:res:{wish}", "已协调专项经费，体检安排在下周二")
    [ticket] = [t for t in await desk.tickets() if t.id == wish]
    assert ticket.wish_outcome is WishOutcome.GRANTED
    events = await desk.actions(wish)
    assert events.count("resolve") == 2


async def test_the_outcome_buttons_are_said_in_traditional_to_a_traditional_team(
    desk: Harness,
) -> None:
    first, *_ = await _three_wishes_accepted(desk)
    await desk.send(STAFF_MEMBER, "/lang 繁體")
    out = await desk.press(STAFF_MEMBER, f"tk:res:{first}", chat=STAFF_MEMBER)
    labels = [b.text for r in out.replies for row in r.buttons for b in row]
    assert labels == ["◐ 部分實現", "✖️ 無法實現"]


async def test_the_employees_timeline_says_how_the_wish_ended(desk: Harness) -> None:
    wish, *_ = await _three_wishes_accepted(desk)
    await _resolve(desk, wish, f"tk:res:{wish}:partly", "体检已安排，家属体检明年再议")
    detail = texts(await desk.press(STAFF, f"my:v:{wish}"))
    assert "办结（部分实现）：体检已安排，家属体检明年再议" in detail


async def test_a_wish_not_granted_in_full_is_acknowledged_not_called_solved(
    desk: Harness,
) -> None:
    checkup, _breakfast, air_con = await _three_wishes_accepted(desk)
    await _resolve(desk, checkup, f"tk:res:{checkup}", "已联系医院，下周二体检")
    await _resolve(desk, air_con, f"tk:res:{air_con}:declined", "宿舍空调已报明年计划")
    notices = {
        r.ticket_id: str(r.payload["buttons"])
        for r in await desk.outbox()
        if r.chat_id == STAFF and r.purpose == "resolution"
    }
    assert "已解决，评价" in notices[checkup]
    assert "收到，评价" in notices[air_con] and "已解决" not in notices[air_con]
    shown = await desk.press(STAFF, f"my:v:{air_con}")  # from /my
    assert "✅ 收到，评价" in [b.text for r in shown.replies for row in r.buttons for b in row]


async def test_the_echo_wall_says_a_wish_was_turned_down(desk: Harness) -> None:
    *_, air_con = await _three_wishes_accepted(desk)
    await _resolve(desk, air_con, f"tk:res:{air_con}:declined", "宿舍空调已报明年计划")
    [ticket] = [t for t in await desk.tickets() if t.id == air_con]
    assert ticket.created_at is not None
    post = post_text(desk.cfg, ticket, started_at=ticket.created_at, names=[])
    assert "办理（无法实现）：宿舍空调已报明年计划" in post


async def test_the_words_beside_a_declined_wishs_buttons_name_the_button_shown(
    desk: Harness,
) -> None:
    *_, air_con = await _three_wishes_accepted(desk)
    await _resolve(desk, air_con, f"tk:res:{air_con}:declined", "宿舍空调已报明年计划")
    out = await desk.send(STAFF, "知道了")
    assert "「✅ 收到，评价」" in texts(out) and "已解决，评价" not in texts(out)


@pytest.mark.parametrize(
    ("press", "note"), [(":declined", "无"), (":partly", "没有"), (":declined", "略。")]
)
async def test_a_wish_turned_down_waits_for_a_reason_not_a_placeholder(
    desk: Harness, press: str, note: str
) -> None:
    """无法实现 and 部分实现 are told the employee with the reason: "无" gives none, so the
    reason is asked again and the wish stays in hand."""
    first, *_ = await _three_wishes_accepted(desk)
    await desk.press(STAFF_MEMBER, f"tk:res:{first}{press}", chat=STAFF_TEAM_CHAT)
    out = await desk.send(STAFF_MEMBER, note, chat=STAFF_TEAM_CHAT)
    assert "原因" in texts(out) and "已办结" not in texts(out)
    [wish] = [t for t in await desk.tickets() if t.id == first]
    assert wish.status is Status.ACCEPTED
    told = await _resolve(desk, first, f"tk:res:{first}{press}", "今年预算已用完，明年安排")
    assert "今年预算已用完，明年安排" in told
