"""A team member's note (办结, 需补充, 转派) sent as a photo album, through both frameworks:
Telegram sends an album as one message per photo, the caption on one of them, and every
photo joins the note and goes where the note's photos go."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from tests.support.desk import Harness
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import ADAPTERS
from tests.support.tickets import FARMER, MEMBER

TEAM_CHAT, BAISHI_CHAT = -1001000000001, -1001000000002  # curing-qingshan's, curing-baishi's
NOTE = "更换了风机电容，温度已恢复"


def _album(
    api: FakeBotApi, captions: Sequence[str | None], album: str = "a1"
) -> list[dict[str, Any]]:
    """The member's album in the team's chat: a photo update each, fix1, fix2, ..."""
    updates = []
    for number, caption in enumerate(captions, 1):
        file_id = f"fix{number}"
        sizes = [
            {"file_id": file_id, "file_unique_id": "u" + file_id, "width": 1280, "height": 960}
        ]
        updates.append(
            api.push_message(
                MEMBER, photo=sizes, caption=caption, media_group_id=album, chat_id=TEAM_CHAT
            )
        )
    return updates


async def _kept(harness: Harness, ticket_id: int) -> list[str]:
    async with harness.db.uow(read_only=True) as uow:
        return [a.file_id for a in await uow.attachments.of_ticket(ticket_id)]


async def _photos_to(harness: Harness, chat: int) -> list[str]:
    return [
        str(r.payload.get("file_id"))
        for r in await harness.outbox()
        if r.chat_id == chat and r.method == "send_photo"
    ]


async def _at_the_prompt(harness: Harness, verb: str = "res") -> int:
    """A farmer's 110 call taken in the team chat and `verb` pressed (办结, or ask for 需补充):
    its note is waited for. The call's id."""
    ticket_id = await harness.file_110(FARMER)
    await harness.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await harness.press(MEMBER, f"tk:{verb}:{ticket_id}", chat=TEAM_CHAT)
    return ticket_id


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_every_photo_of_a_resolution_album_reaches_the_farmer(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    ticket_id = await _at_the_prompt(harness)
    await _sent_as_album(adapter, harness, api, [NOTE, None, None])
    # Before: fix1 alone; fix2 and fix3 came after the prompt ended, as the group's talk.
    assert await _kept(harness, ticket_id) == ["fix1", "fix2", "fix3"]
    assert await _photos_to(harness, FARMER) == ["fix1", "fix2", "fix3"]
    said = api.texts(TEAM_CHAT)
    assert len(said) == 1 and "已办结" in said[0], said  # the album's other photos say nothing


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_every_photo_of_a_question_album_reaches_the_farmer(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    ticket_id = await _at_the_prompt(harness, "ask")
    await _sent_as_album(adapter, harness, api, ["是照片里这几种风机吗？", None, None])
    assert await _kept(harness, ticket_id) == ["fix1", "fix2", "fix3"]
    assert await _photos_to(harness, FARMER) == ["fix1", "fix2", "fix3"]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_every_photo_of_a_transfer_album_reaches_the_new_team(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    ticket_id = await harness.file_110(FARMER)
    await harness.press(MEMBER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await harness.press(MEMBER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    await _sent_as_album(adapter, harness, api, ["烤房在白石乡，见照片", None, None])
    assert await _kept(harness, ticket_id) == ["fix1", "fix2", "fix3"]
    assert await _photos_to(harness, BAISHI_CHAT) == ["fix1", "fix2", "fix3"]
    assert await _photos_to(harness, FARMER) == []  # a transfer's reason is the teams' own


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_an_album_captioned_on_its_last_photo_is_acknowledged_once(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    await _at_the_prompt(harness)
    await _sent_as_album(adapter, harness, api, [None, None, NOTE])
    said = api.texts(TEAM_CHAT)
    assert sum("已收到，会和说明一起记入工单" in text for text in said) == 1, said
    assert "已办结" in said[-1]
    assert await _photos_to(harness, FARMER) == ["fix1", "fix2", "fix3"]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_an_album_photo_delivered_again_is_kept_and_sent_once(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    ticket_id = await _at_the_prompt(harness)
    first, second, third = _album(api, [NOTE, None, None])
    async with ADAPTERS[adapter](harness, api) as feed:
        for update in (first, second, second, third, third, first):  # Telegram sends again
            await feed(update)
    assert await _kept(harness, ticket_id) == ["fix1", "fix2", "fix3"]
    assert await _photos_to(harness, FARMER) == ["fix1", "fix2", "fix3"]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_after_the_album_the_members_words_are_the_groups_own_talk(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    ticket_id = await _at_the_prompt(harness)
    async with ADAPTERS[adapter](harness, api) as feed:
        for update in _album(api, [NOTE, None]):
            await feed(update)
        said = len(api.texts(TEAM_CHAT))
        await feed(api.push_message(MEMBER, "大家辛苦了", chat_id=TEAM_CHAT))
        other = [{"file_id": "lunch", "file_unique_id": "ulunch", "width": 90, "height": 90}]
        await feed(api.push_message(MEMBER, photo=other, chat_id=TEAM_CHAT))
    assert len(api.texts(TEAM_CHAT)) == said
    assert await _kept(harness, ticket_id) == ["fix1", "fix2"]


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_an_album_photo_after_its_wait_is_the_groups_own_talk(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    ticket_id = await _at_the_prompt(harness)
    first, second = _album(api, [NOTE, None])
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(first)
        harness.clock.advance(minutes=2)  # past the album's wait (an upload that stalled)
        await feed(second)
    assert await _kept(harness, ticket_id) == ["fix1"]
    assert len(api.texts(TEAM_CHAT)) == 1  # 已办结 only: no 已超时 for a wait nobody asked for


async def _sent_as_album(
    adapter: str, harness: Harness, api: FakeBotApi, captions: list[str | None]
) -> None:
    """A member's photos sent at once as one album in the team's chat, `captions` a photo."""
    async with ADAPTERS[adapter](harness, api) as feed:
        for update in _album(api, captions):
            await feed(update)
