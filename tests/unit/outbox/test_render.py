"""Payload rendering: splitting long texts, captions, bad payloads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.outbox.clock import SimulatedClock
from bot.outbox.render import BadPayload, edit_text, send_calls, split_text, utf16_len
from core.model import OutboxMessage
from tests.unit.outbox.memory_transport import MemoryTransport

NOW = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)


def row(method: str, payload: dict[str, Any], chat_id: int = 5) -> OutboxMessage:
    return OutboxMessage(chat_id, method, payload, NOW, NOW, id=1)


def test_short_text_is_one_part() -> None:
    assert split_text("烤房温度异常") == ["烤房温度异常"]


def test_9000_characters_split_on_lines_into_three_parts() -> None:
    lines = [f"{i:03d}" + "烟" * 95 for i in range(90)]  # 90 lines of 98 + newline
    text = "\n".join(lines)
    parts = split_text(text)
    assert len(parts) == 3
    assert all(utf16_len(p) <= 4096 for p in parts)
    assert "\n".join(parts) == text  # nothing lost, every cut on a line boundary


def test_a_line_longer_than_a_message_is_cut() -> None:
    parts = split_text("叶" * 10_000)
    assert [len(p) for p in parts] == [4096, 4096, 1808]


def test_emoji_count_twice_towards_the_limit() -> None:
    parts = split_text("🔥" * 3000)
    assert [utf16_len(p) for p in parts] == [4096, 1904]


async def test_buttons_go_on_the_last_part_only() -> None:
    buttons = [[{"text": "接单", "data": "accept:1"}]]
    calls = send_calls(row("send_message", {"text": "甲\n" * 5000, "buttons": buttons}))
    transport = MemoryTransport(SimulatedClock())
    for call in calls:
        await call(transport)
    assert [d.buttons for d in transport.delivered] == [None, None, buttons]


async def test_long_caption_follows_the_photo_as_text() -> None:
    calls = send_calls(row("send_photo", {"file_id": "AgAD", "caption": "图" * 1500}))
    transport = MemoryTransport(SimulatedClock())
    for call in calls:
        await call(transport)
    assert [(d.method, len(d.text or "")) for d in transport.delivered] == [
        ("send_photo", 0),
        ("send_message", 1500),
    ]


@pytest.mark.parametrize(
    ("method", "payload"),
    [
        ("send_message", {}),
        ("send_message", {"text": "   "}),
        ("send_photo", {"caption": "no file"}),
        ("send_location", {"lat": "north", "lon": 1}),
        ("send_document", {"caption": "nothing to send"}),
        ("send_sticker", {"file_id": "x"}),
    ],
)
def test_undeliverable_payloads_are_refused(method: str, payload: dict[str, Any]) -> None:
    with pytest.raises(BadPayload):
        send_calls(row(method, payload))


def test_an_edit_is_cut_to_the_limit_rather_than_split() -> None:
    text, buttons = edit_text({"text": "卡" * 5000, "buttons": None})
    assert utf16_len(text) == 4096 and text.endswith("…") and buttons is None
