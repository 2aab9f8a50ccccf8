"""A message for its reader: what they read is in their script, what the bot reads is not."""

from __future__ import annotations

from core.enums import Script
from routing.reader import as_written, in_script, message_in_script, staff_words, unwrapped

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


def test_what_is_marked_as_written_is_not_converted_and_loses_its_marks() -> None:
    text = f"您的工单 10019 已由 {as_written('范志于')} 接单。"

    assert in_script(text, Script.HANT) == "您的工單 10019 已由 范志于 接單。"
    assert in_script(text, Script.HANS) == "您的工单 10019 已由 范志于 接单。"
    assert message_in_script({"text": text}, Script.HANS) == {"text": unwrapped(text)}
    assert "范志于" in message_in_script({"text": text}, Script.HANT)["text"]


def test_marks_typed_inside_a_name_do_not_open_or_close_anything() -> None:
    assert in_script(f"由 {as_written(as_written('余美玲'))} 办理", Script.HANT) == "由 余美玲 辦理"


def test_staff_words_in_traditional_are_put_in_simplified_and_others_kept() -> None:
    assert staff_words("請問是哪一天的訂單？") == "请问是哪一天的订单？"
    assert staff_words("请问是哪一天的订单？") == "请问是哪一天的订单？"
    assert staff_words("已处理 OK") == "已处理 OK"


def test_a_teams_traditional_note_about_a_tent_reads_tent_to_the_requester() -> None:
    # Not 请把烤烟搬到账篷里, an "account-tent" (and 賬篷 back for a 繁體 reader).
    assert staff_words("請把烤煙搬到帳篷裡") == "请把烤烟搬到帐篷里"


def test_a_teams_question_naming_who_comes_at_a_time_keeps_the_surname_for_a_hant_requester() -> (
    None
):
    # A team member's question, converted for a requester who writes 繁體: 周 after 9:30
    # is 周師傅, not a week.
    asked = staff_words("明天上午9:30周师傅上门检查，方便吗？")
    assert "周師傅" in in_script(asked, Script.HANT)
