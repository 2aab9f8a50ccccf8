"""A video or a file sent with words, through both frameworks: the words are read as typed
(the alarm goes out), and the person is told the video or file itself is not kept."""

from __future__ import annotations

from typing import Any

import pytest

from core.enums import Kind
from tests.support.desk import Harness
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import ADAPTERS
from tests.support.tickets import FARMER

VIDEO = {"file_id": "v1", "file_unique_id": "uv1", "width": 720, "height": 1280, "duration": 9}
# A photo sent "as a file", as phones offer to keep its quality.
PHOTO_AS_FILE = {"file_id": "d1", "file_unique_id": "ud1", "mime_type": "image/jpeg"}
FILES: dict[str, dict[str, Any]] = {
    "video": {"video": VIDEO},
    "document": {"document": PHOTO_AS_FILE},
}


@pytest.mark.parametrize("adapter", ADAPTERS)
@pytest.mark.parametrize(("sent", "named"), [("video", "视频"), ("document", "文件")])
async def test_the_words_of_a_video_or_a_file_raise_the_alarm(
    adapter: str, sent: str, named: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    caption = "大坪烤房停电了，温度一直往下掉"
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_message(FARMER, caption=caption, **FILES[sent]))
    said = api.texts(FARMER)
    # Before: 暂不支持这种消息（视频）。请发文字、照片、语音或位置。 and no alarm.
    assert f"（{named}），它本身不会保存，附带的文字照常读取" in said[0], said
    assert any("已报警" in text for text in said[1:]), said
    [call] = await harness.tickets()
    assert call.kind is Kind.EMERGENCY and call.text == caption


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_video_captioned_110_with_words_raises_the_alarm(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    entity = {"type": "bot_command", "offset": 0, "length": 4}
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(
            api.push_message(
                FARMER, caption="/110 风机不转了", caption_entities=[entity], video=VIDEO
            )
        )
    said = api.texts(FARMER)
    assert "（视频），它本身不会保存" in said[0] and any("已报警" in t for t in said), said
    assert [t.text for t in await harness.tickets()] == ["风机不转了"]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_video_without_words_is_still_refused_as_before(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_message(FARMER, video=VIDEO))
    assert api.texts(FARMER) == ["暂不支持这种消息（视频）。请发文字、照片、语音或位置。"]
    assert await harness.tickets() == []
