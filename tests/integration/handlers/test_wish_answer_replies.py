"""Words an employee sends as Telegram's reply (回复) to a wish's answer short of the wish
(部分实现, 无法实现): asked whether they dispute the answer (有异议), never whether a problem
is still unsolved, in their script."""

from __future__ import annotations

import pytest

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Script
from core.lifecycle import RESOLUTION_NOTICE
from tests.support.desk import Harness, button_data, texts

STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER = 200081


async def _wish_declined(desk: Harness, script: Script) -> int:
    """The employee's wish, declined by the staff station; its resolution notice delivered
    as message 8200."""
    await desk.registered_as(STAFF, "staff")
    if script is Script.HANT:
        await desk.press(STAFF, "lang:hant")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "更换宿舍空调")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None
    await desk.press(STAFF_MEMBER, f"tk:acc:{ticket.id}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{ticket.id}:declined", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "宿舍空调属整体改造，已报明年计划", chat=STAFF_TEAM_CHAT)
    notice = next(
        r for r in await desk.outbox() if r.chat_id == STAFF and r.purpose == RESOLUTION_NOTICE
    )
    await SentRecorder(desk.db.uow, SimulatedClock(desk.clock())).record(notice, 8200)
    return ticket.id


@pytest.mark.parametrize(
    ("script", "words", "asked"),
    [
        (
            Script.HANS,
            "去年就说明年",
            "您回复的是心愿 {n} 的答复：“去年就说明年”。是对答复有异议吗？",
        ),
        (
            Script.HANT,
            "去年就說明年",
            "您回覆的是心願 {n} 的答覆：“去年就說明年”。是對答覆有異議嗎？",
        ),
    ],
    ids=["hans", "hant"],
)
async def test_words_replied_to_a_declined_wish_ask_whether_the_answer_is_disputed(
    desk: Harness, script: Script, words: str, asked: str
) -> None:
    ticket_id = await _wish_declined(desk, script)
    [ticket] = await desk.tickets()
    out = await desk.send(STAFF, words, reply_to=8200)
    said = texts(out)
    assert said.startswith(asked.format(n=ticket.label))
    assert "解决了吗" not in said and "還沒解決嗎" not in said and "还没解决吗" not in said
    assert button_data(out)[:2] == [f"my:bad:{ticket_id}", f"my:ok:{ticket_id}"]


@pytest.mark.parametrize(
    ("script", "asked"),
    [
        (Script.HANS, "请说明对答复有什么异议，会转给服务队再为您办理："),
        (Script.HANT, "請說明對答覆有什麼異議，會轉給服務隊再為您辦理："),
    ],
    ids=["hans", "hant"],
)
async def test_not_resolved_pressed_on_a_declined_wish_asks_what_is_disputed(
    desk: Harness, script: Script, asked: str
) -> None:
    ticket_id = await _wish_declined(desk, script)
    out = await desk.press(STAFF, f"my:bad:{ticket_id}")
    assert texts(out).startswith(asked)
    assert "哪里还没解决" not in texts(out) and "哪裡還沒解決" not in texts(out)
