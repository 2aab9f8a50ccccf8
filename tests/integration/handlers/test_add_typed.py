"""➕ 补充 typed instead of pressed ("補充", "我要补充一下"): what to add is asked for the
ticket being worked on, as the button asks, instead of a request whose words are "补充"
being offered (and, added from its summary, reaching the team as "报告人补充：补充")."""

from __future__ import annotations

from tests.support.desk import Harness, button_data, texts

RETAILER = 100002
DELIVERY_CHAT = -1001000000014


async def _team_heard(desk: Harness) -> list[str]:
    return [r.payload.get("text", "") for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT]


async def test_the_word_typed_asks_what_to_add_to_the_ticket_in_hand(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "配送的菸少了兩條")
    assert ticket.id is not None
    out = await desk.send(RETAILER, "補充")
    assert "請發送要補充到工單 10019（配送的菸少了兩條）的文字、照片或語音" in texts(out)
    assert "提交" not in texts(out)
    out = await desk.send(RETAILER, "少的是軟中華")
    assert "已補充到工單 10019" in texts(out)
    assert len(await desk.tickets()) == 1
    heard = await _team_heard(desk)
    assert "工单 10019 报告人补充：少的是軟中華" in heard
    assert not any(text.endswith("报告人补充：補充") for text in heard)


async def test_with_several_in_hand_it_asks_which_one(desk: Harness) -> None:
    first = await desk.file_request(RETAILER, "配送的菸少了兩條")
    second = await desk.file_request(RETAILER, "許可證快到期了，延續要帶什麼材料")
    out = await desk.send(RETAILER, "我要补充一下")
    assert "您有 2 个工单正在办理。要补充的是哪一个" in texts(out)
    assert {f"my:add:{first.id}", f"my:add:{second.id}"} <= set(button_data(out))
    asked = await desk.press(RETAILER, f"my:add:{first.id}")
    assert "请发送要补充的文字或照片" in texts(asked)
    assert len(await desk.tickets()) == 2


async def test_with_nothing_in_hand_it_says_so_and_files_nothing(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    out = await desk.send(RETAILER, "补充")
    assert "您现在没有正在办理的工单" in texts(out)
    assert "提交" not in texts(out)
    assert await desk.tickets() == []


async def test_words_that_say_what_is_added_are_read_as_words(desk: Harness) -> None:
    await desk.file_request(RETAILER, "配送的菸少了兩條")
    out = await desk.send(RETAILER, "补充一下，少的是两条软中华")
    assert "请发送要补充到" not in texts(out)
    assert "提交" in texts(out)  # offered as ever, with 补充到工单 10019 beside it
