"""The neutral event: what no adapter lets through."""

from __future__ import annotations

from handlers.incoming import Incoming


def test_control_characters_never_get_past_the_event() -> None:
    event = Incoming(
        update_key="t:1",
        user_id=1,
        chat_id=1,
        text="烤房\x00停电\x07了\n温度\t38度\x7f",
        user_name="张\x00大山",
        args=("10019\x00",),
    )
    assert event.text == "烤房停电了\n温度\t38度"  # line breaks and tabs stay
    assert event.user_name == "张大山" and event.args == ("10019",)


def test_ordinary_text_is_kept_as_it_came() -> None:
    text = "煙葉變黃了 🔥 ＡＢＣ\u200b"
    assert Incoming(update_key="t:2", user_id=1, chat_id=1, text=text).text == text
