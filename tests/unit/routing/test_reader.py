"""A message for its reader: what they read is in their script, what the bot reads is not."""

from __future__ import annotations

from core.enums import Script
from routing.reader import in_script, message_in_script

CONFIRM = {
    "text": "工单 10019 已自动销号（没有收到您的确认）。",
    "buttons": [[{"text": "❌ 没解决", "data": "my:bad:19"}, {"text": "说明", "url": "https://x"}]],
    "thread_id": 7,
}


def test_a_traditional_reader_gets_text_caption_and_labels_converted_and_data_kept() -> None:
    shown = message_in_script(
        {**CONFIRM, "caption": "工单 10019", "filename": "服务指标.png"}, Script.HANT
    )

    assert shown == {
        "text": "工單 10019 已自動銷號（沒有收到您的確認）。",
        "caption": "工單 10019",
        "buttons": [
            [{"text": "❌ 沒解決", "data": "my:bad:19"}, {"text": "說明", "url": "https://x"}]
        ],
        "thread_id": 7,
        "filename": "服务指标.png",
        "script": "hant",  # its edits are said in the same script
    }


def test_a_simplified_reader_gets_the_message_as_written() -> None:
    assert message_in_script(CONFIRM, Script.HANS) is CONFIRM
    assert in_script("没解决", Script.HANS) == "没解决"


def test_converting_leaves_the_written_message_alone() -> None:
    message_in_script(CONFIRM, Script.HANT)

    assert CONFIRM["text"] == "工单 10019 已自动销号（没有收到您的确认）。"
    assert CONFIRM["buttons"][0][0]["text"] == "❌ 没解决"  # type: ignore[index]
