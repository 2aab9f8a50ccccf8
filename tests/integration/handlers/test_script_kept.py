"""A person's script follows what they write only when it tells: a 繁體 reader who types a
name, 了解 or a command keeps 繁體, and their command menu with it."""

from __future__ import annotations

from core.enums import Script
from tests.support.desk import Harness, texts

RETAILER = 100002


async def _script(desk: Harness, user: int) -> Script | None:
    async with desk.db.uow(read_only=True) as uow:
        person = await uow.users.get(user)
    assert person is not None
    return person.script


async def _menus(desk: Harness) -> int:
    return len([m for m in await desk.outbox() if m.method == "set_menu"])


async def test_a_traditional_reader_typing_words_of_both_scripts_stays_traditional(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/start", language_code="zh-hant")
    await desk.send(
        RETAILER, callback_data="f:kind:retailer", callback_message_id=1, language_code="zh-hant"
    )
    asked_phone = await desk.send(RETAILER, "余美玲", language_code="zh-hant")  # a name
    assert "請點下方按鈕共享您的手機號" in texts(asked_phone)
    menus = await _menus(desk)
    for text in ("了解", "/help", "下周一", "台北"):
        out = await desk.send(RETAILER, text, language_code="zh-hant")
        assert "请" not in texts(out) and "办" not in texts(out), text
    assert await _script(desk, RETAILER) is Script.HANT
    assert await _menus(desk) == menus  # no menu in Simplified


async def test_a_traditional_reader_writing_simplified_reads_simplified(desk: Harness) -> None:
    await desk.send(RETAILER, "/start", language_code="zh-hant")
    await desk.send(RETAILER, "/cancel", language_code="zh-hant")
    out = await desk.send(RETAILER, "许可证怎么办理", language_code="zh-hant")
    assert await _script(desk, RETAILER) is Script.HANS
    assert "请" in texts(out) and "請" not in texts(out)
