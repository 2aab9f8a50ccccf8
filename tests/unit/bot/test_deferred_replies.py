"""Which unshown replies an outbox row can carry, and how."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.deferred_replies import Unshown, outbox_rows, queueable
from bot.outbox.gone import REPLACES
from handlers.replies import Button, Reply

NOW = datetime(2026, 11, 21, 2, 30, tzinfo=UTC)
CHAT = 7001


def _unshown(*replies: Reply, pressed: int | None = None) -> Unshown:
    return Unshown(CHAT, list(replies), pressed, TimeoutError("timed out"), transient=True)


def test_texts_keep_their_order_and_buttons_and_go_first_in_the_queue() -> None:
    ok = Button("确认", "f:ok")
    rows, left_out = outbox_rows(_unshown(Reply("一"), Reply("二", ((ok,),))), NOW, NOW)
    assert left_out == 0
    assert [(r.method, r.payload) for r in rows] == [
        ("send_message", {"text": "一"}),
        ("send_message", {"text": "二", "buttons": [[{"text": "确认", "data": "f:ok"}]]}),
    ]
    assert {(r.chat_id, r.priority, r.not_before) for r in rows} == {(CHAT, 0, NOW)}


def test_an_edit_of_the_pressed_message_stays_an_edit() -> None:
    [row], _ = outbox_rows(_unshown(Reply("已受理", edit=True), pressed=42), NOW, NOW)
    assert (row.method, row.payload) == ("edit_message", {"text": "已受理", "message_id": 42})


def test_an_edit_of_a_pressed_message_that_is_gone_is_a_new_message_replacing_it() -> None:
    keys = ((Button("上门", "tk:vis:1"),),)
    gone = Unshown(
        CHAT,
        [Reply("已接单", keys, edit=True), Reply("请填写")],
        42,
        ValueError("Message to edit not found"),
        transient=True,
        thread_id=31,
        pressed_gone=True,
    )
    card, after = outbox_rows(gone, NOW, NOW)[0]
    assert (card.method, card.payload) == (
        "send_message",
        {"text": "已接单", "buttons": [[{"text": "上门", "data": "tk:vis:1"}]],
         "thread_id": 31, REPLACES: 42},
    )  # fmt: skip
    assert (after.method, after.payload) == ("send_message", {"text": "请填写", "thread_id": 31})


def test_an_edit_without_a_message_to_edit_is_sent_as_a_message() -> None:
    [row], _ = outbox_rows(_unshown(Reply("已受理", edit=True)), NOW, NOW)
    assert row.method == "send_message"


def test_charts_and_files_built_in_memory_are_replaced_by_a_note_to_ask_again() -> None:
    chart = Reply("", photo=b"\x89PNG")
    ledger = Reply("臺賬 11月", document=("ledger.xlsx", b"PK"))
    rows, left_out = outbox_rows(_unshown(Reply("统计"), chart, ledger), NOW, NOW)
    assert left_out == 2
    assert [r.payload["text"] for r in rows] == [
        "统计",
        "（图表没能发出：Telegram 暂时不可用。请稍后再发一次刚才的命令。）",
        # The caption stays, and the note follows its script.
        "臺賬 11月\n\n（文件沒能發出：Telegram 暫時不可用。請稍後再發一次剛才的命令。）",
    ]
    assert all(r.method == "send_message" and "buttons" not in r.payload for r in rows)
    # A chart has no caption: its note follows the script of what the desk said for it.
    hant_chart = Reply("", photo=b"\x89PNG", too_big="統計圖太大，沒能發出。")
    [row], _ = outbox_rows(_unshown(hant_chart), NOW, NOW)
    assert row.payload["text"] == (
        "（圖表沒能發出：Telegram 暫時不可用。請稍後再發一次剛才的命令。）"
    )
    # So a report is never held back behind a queued reply: it is shown at once.
    assert [queueable(r) for r in (Reply("统计"), chart, ledger)] == [True, False, False]


def test_a_reply_keyboard_is_dropped_but_its_prompt_goes() -> None:
    [row], _ = outbox_rows(_unshown(Reply("请发送手机号", keyboard="contact")), NOW, NOW)
    assert row.payload == {"text": "请发送手机号"}


def test_replies_for_a_group_that_moved_go_to_the_supergroup_and_edits_become_messages() -> None:
    moved = Unshown(
        -4001, [Reply("已接单", edit=True)], 42, TimeoutError(), transient=True, moved_to=-1004001
    )
    [row], _ = outbox_rows(moved.in_new_chat(), NOW, NOW)
    # Message 42 of the old group is not message 42 of the supergroup.
    assert (row.chat_id, row.method, row.payload) == (-1004001, "send_message", {"text": "已接单"})
