"""Commands as real Telegram users send them, through both frameworks: typed on into their
words with no space (as Chinese is typed), or as the caption of a photo."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from core.enums import Kind
from core.model import Attachment
from tests.support.desk import Harness
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import ADAPTERS
from tests.support.tickets import FARMER


def _command(name: str) -> dict[str, Any]:
    """The bot_command entity Telegram marks on a command's name."""
    return {"type": "bot_command", "offset": 0, "length": len(name)}


def _photo(api: FakeBotApi, user: int, file_id: str, caption: str, **extra: Any) -> dict[str, Any]:
    sizes = [{"file_id": file_id, "file_unique_id": "u" + file_id, "width": 1280, "height": 960}]
    return api.push_message(user, photo=sizes, caption=caption, **extra)


async def _attachments(harness: Harness) -> list[tuple[str, str]]:
    async with harness.db.uow(read_only=True) as uow:
        assert uow.session is not None
        rows = (await uow.session.execute(select(Attachment))).scalars().all()
    return [(a.kind, a.file_id) for a in rows]


@pytest.mark.parametrize("adapter", ADAPTERS)
@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("/110烤房停电了", "/110"),
        ("/110，大坪烤房风机不转了", "/110"),
        ("/sos烤房着火了", "/sos"),
        ("/110@jinye110_test_bot烤房停电了", "/110@jinye110_test_bot"),  # the fake's name
    ],
)
async def test_a_110_call_typed_on_into_its_words_raises_the_alarm(
    adapter: str, typed: str, command: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_message(FARMER, typed, entities=[_command(command)]))
    said = "\n".join(api.texts(FARMER))
    assert "这个命令" not in said, said  # before: 没有 /110烤房停电了 这个命令。
    [call] = await harness.tickets()
    assert call.kind is Kind.EMERGENCY and "烤房" in call.text and "/" not in call.text
    assert not call.text.startswith("，")  # the comma joined the words to the command


@pytest.mark.parametrize("adapter", ADAPTERS)
@pytest.mark.parametrize(
    ("typed", "command", "kind"),
    [
        ("/complain配送员态度差", "/complain", "投诉"),
        ("/new，卷烟订货系统登录不了", "/new", "求助办事"),
        ("/suggest：希望增加夜间服务", "/suggest", "建议"),
    ],
)
async def test_a_request_typed_on_into_its_command_is_its_description(
    adapter: str, typed: str, command: str, kind: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_message(FARMER, typed, entities=[_command(command)]))
    said = "\n".join(api.texts(FARMER))
    # The words taken, what may be added asked next; before: 没有 /complain配送员态度差 这个命令。
    assert "这个命令" not in said and "没有的话点「下一步」" in said, said
    summary = await harness.press(FARMER, "f:next")
    words = typed.removeprefix(command).lstrip("，：")
    text = summary.replies[0].text
    assert f"类别：{kind}\n内容：{words}\n" in text, text


@pytest.mark.parametrize("adapter", ADAPTERS)
@pytest.mark.parametrize("caption", ["/110", "、110"])  # Telegram's slash, a pinyin keyboard's
async def test_a_barn_photo_captioned_110_raises_the_alarm_with_the_photo(
    adapter: str, caption: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    entities = [_command("/110")] if caption.startswith("/") else []
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(_photo(api, FARMER, "barn", caption, caption_entities=entities))
    said = "\n".join(api.texts(FARMER))
    # Before: /110 as words of a request (内容：/110), or 请说明出了什么问题 with the photo lost.
    assert "已报警" in said and "内容：" not in said, said
    [call] = await harness.tickets()
    assert call.kind is Kind.EMERGENCY
    assert await _attachments(harness) == [("photo", "barn")]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_photo_captioned_with_a_complaint_starts_it_with_the_photo(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    caption = "/complain 配送员态度差"
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(
            _photo(api, FARMER, "receipt", caption, caption_entities=[_command("/complain")])
        )
    summary = await harness.press(FARMER, "f:next")
    text = summary.replies[0].text
    assert "类别：投诉" in text and "内容：配送员态度差" in text and "补充：1 项" in text, text
    await harness.press(FARMER, "f:ok")
    [complaint] = await harness.tickets()
    assert complaint.kind is Kind.COMPLAINT
    assert await _attachments(harness) == [("photo", "receipt")]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_110_typed_on_into_a_barns_number_raises_the_alarm(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    """/1103号烤房停电了: /110 and barn No. 3, not a command /1103."""
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    async with ADAPTERS[adapter](harness, api) as feed:  # Telegram marks /1103
        await feed(api.push_message(FARMER, "/1103号烤房停电了", entities=[_command("/1103")]))
    assert "这个命令" not in "\n".join(api.texts(FARMER))
    [ticket] = await harness.tickets()
    assert ticket.kind is Kind.EMERGENCY and "3号烤房停电了" in ticket.text
