"""What a step said survives the trip through JSON, so a repeat of the update says it again."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from handlers.kept_replies import kept, restored
from handlers.replies import Button, Outcome, Reply

_WORDS = st.text(max_size=40)
_BUTTONS = st.builds(
    Button,
    text=_WORDS,
    data=st.one_of(st.none(), st.text(max_size=64)),
    url=st.one_of(st.none(), st.just("https://t.me/jinye110_bot?start=x")),
)
_REPLIES = st.builds(
    Reply,
    text=_WORDS,
    buttons=st.lists(st.lists(_BUTTONS, max_size=3).map(tuple), max_size=3).map(tuple),
    keyboard=st.sampled_from([None, "contact", "location", "remove"]),
    keyboard_extra=st.lists(_WORDS, max_size=2).map(tuple),
    keyboard_label=_WORDS,
    edit=st.booleans(),
)


def _through_json(outcome: Outcome) -> Outcome:
    # As the database keeps it: plain JSON, nothing Python-only.
    return restored(json.loads(json.dumps(kept(outcome))))


@given(st.lists(_REPLIES, max_size=4), st.one_of(st.none(), _WORDS))
def test_text_buttons_and_keyboards_come_back_as_they_were(
    replies: list[Reply], toast: str | None
) -> None:
    again = _through_json(Outcome(replies, toast=toast))
    # A keyboard's extra keys and label mean nothing without the keyboard.
    expected = [r if r.keyboard else Reply(r.text, r.buttons, edit=r.edit) for r in replies]
    assert again.replies == expected
    assert again.toast == toast
    assert again.duplicate


def test_a_chart_comes_back_as_its_caption_with_a_note_to_ask_again() -> None:
    chart = Reply("上周统计（11-16 至 11-22）", photo=b"\x89PNG...")
    workbook = Reply("台账", document=("台账.xlsx", b"PK..."))

    again = _through_json(Outcome([chart, workbook]))

    assert [r.photo for r in again.replies] == [None, None]
    assert [r.document for r in again.replies] == [None, None]
    assert again.replies[0].text == (
        "上周统计（11-16 至 11-22）\n\n（机器人刚刚重启，图表没能保留。请再发一次刚才的命令。）"
    )
    assert again.replies[1].text.endswith("文件没能保留。请再发一次刚才的命令。）")


def test_a_chart_in_traditional_is_noted_in_traditional() -> None:
    again = _through_json(Outcome([Reply("上週統計", photo=b"\x89PNG...")]))
    assert "機器人剛剛重啟，圖表沒能保留" in again.replies[0].text
