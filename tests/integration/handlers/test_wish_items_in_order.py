"""The items of a staff member's wish list shown to choose from (which one is 没实现？, /my)
come in the list's order, each button saying 第N项 as the reply that filed the list
numbered them, so that the items can be told apart by the number they were filed under."""

from __future__ import annotations

from handlers.replies import Outcome
from tests.support.desk import Harness
from tests.support.wish_lists import STAFF, wish_list_answered

GISTS = ("组织一次职工体检", "食堂增加早餐品种", "更换宿舍空调")


def _buttons(outcome: Outcome) -> list[tuple[str, str]]:
    return [(b.text, b.data or "") for r in outcome.replies for row in r.buttons for b in row]


async def test_which_item_buttons_are_in_the_lists_order_with_its_numbers(
    desk: Harness,
) -> None:
    items = await wish_list_answered(desk)
    labels = {t.id: t.label for t in await desk.tickets()}
    out = await desk.send(STAFF, "没实现")  # which one is asked
    shown = [(text, data) for text, data in _buttons(out) if data.startswith("my:bad:")]
    assert [data for _, data in shown] == [f"my:bad:{wish}" for wish in items]
    for n, ((text, _), wish) in enumerate(zip(shown, items, strict=True)):
        assert text.startswith(f"第{n + 1}项 {labels[wish]}") and GISTS[n] in text


async def test_my_lists_the_items_in_the_lists_order_with_its_numbers(desk: Harness) -> None:
    items = await wish_list_answered(desk)
    out = await desk.send(STAFF, "/my")
    shown = [(text, data) for text, data in _buttons(out) if data.startswith("my:v:")]
    assert [data for _, data in shown] == [f"my:v:{wish}" for wish in items]
    assert [text[:4] for text, _ in shown] == ["第1项 ", "第2项 ", "第3项 "]


async def test_which_to_withdraw_lists_the_items_in_the_lists_order(desk: Harness) -> None:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "1、组织一次职工体检；2、食堂增加早餐品种；3、更换宿舍空调")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets()]
    out = await desk.send(STAFF, "撤回")
    shown = [(text, data) for text, data in _buttons(out) if data.startswith("my:x:")]
    assert [data for _, data in shown] == [f"my:x:{wish}" for wish in items]
    assert [text[:4] for text, _ in shown] == ["第1项 ", "第2项 ", "第3项 "]


async def test_which_item_to_add_words_to_lists_the_items_in_the_lists_order(
    desk: Harness,
) -> None:
    """Words typed about the list while its items are worked on are offered to each item
    (补充到工单), in the list's order and by the numbers it was filed under."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "1、组织一次职工体检；2、食堂增加早餐品种；3、更换宿舍空调")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets()]
    out = await desk.send(STAFF, "第2项改成食堂增加晚餐")
    shown = [(text, data) for text, data in _buttons(out) if data.startswith("f:add")]
    assert [data.rsplit(":", 1)[1] for _, data in shown] == [str(wish) for wish in items]
    assert [text.split("工单 ", 1)[1][:4] for text, _ in shown] == ["第1项 ", "第2项 ", "第3项 "]


async def test_the_one_item_offered_words_is_named_as_its_button_is(desk: Harness) -> None:
    """Words typed while one item of the list is in hand: what the reply tells to press is
    the button's own label, 第2项 and all."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "1、组织一次职工体检；2、食堂增加早餐品种；3、更换宿舍空调")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets()]
    for withdrawn in (items[0], items[2]):
        await desk.press(STAFF, f"my:x:{withdrawn}")
        await desk.press(STAFF, f"my:xx:{withdrawn}")
    out = await desk.send(STAFF, "早餐最好有豆浆")
    [(label, _)] = [(text, data) for text, data in _buttons(out) if data.startswith("f:add")]
    assert "第2项" in label
    assert f"「{label}」" in out.replies[0].text, (label, out.replies[0].text)
