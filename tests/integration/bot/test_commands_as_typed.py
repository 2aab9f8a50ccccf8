"""Commands as real Telegram users send them, through both frameworks: typed on into their
words with no space (as Chinese is typed)."""

from __future__ import annotations

from typing import Any

import pytest

from core.enums import Kind
from tests.support.desk import Harness
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import ADAPTERS
from tests.support.tickets import FARMER


def _command(name: str) -> dict[str, Any]:
    """The bot_command entity Telegram marks on a command's name."""
    return {"type": "bot_command", "offset": 0, "length": len(name)}


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
