"""What a step said survives the trip through JSON, so a repeat of the update says it again;
what would mislead at a repeat is not kept."""

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
)


def _through_json(outcome: Outcome, then: str = "", done: str = "") -> Outcome | None:
    # As the database keeps it: plain JSON, nothing Python-only.
    said = kept(outcome, then=then, done=done)
    return None if said is None else restored(json.loads(json.dumps(said)))


@given(st.lists(_REPLIES, min_size=1, max_size=4), st.one_of(st.none(), _WORDS))
def test_text_buttons_and_keyboards_come_back_as_they_were(
    replies: list[Reply], toast: str | None
) -> None:
    again = _through_json(Outcome(replies, toast=toast))
    assert again is not None
    # A keyboard's extra keys and label mean nothing without the keyboard.
    expected = [r if r.keyboard else Reply(r.text, r.buttons) for r in replies]
    assert again.replies == expected
    assert again.toast == toast
    assert again.duplicate


def test_an_edit_of_the_pressed_card_is_not_kept_but_the_short_answer_is() -> None:
    """By the time the press comes again the card may show a newer state (a supervisor
    moved the ticket): the old edit would undo it."""
    card = Reply("🚨 工单 10019 已接单", buttons=((Button("办结", "tk:res:1"),),), edit=True)
    again = _through_json(Outcome([card], toast="已接单"))
    assert again is not None and again.replies == [] and again.toast == "已接单"


def test_a_press_that_only_edited_its_card_is_answered_that_it_was_done() -> None:
    card = Reply("🚨 工单 10019 已接单", edit=True)
    again = _through_json(Outcome([card]), done="刚才的操作已完成。")
    assert again is not None and again.replies == [] and again.toast == "刚才的操作已完成。"
    assert again.kept  # shown, it is to be forgotten


def test_the_ticket_of_an_edited_card_is_kept_for_the_repeat_to_show_it_now() -> None:
    """The repeat edits the card to how it reads then (`team_access.pressed_card_now`)."""
    card = Reply("🚨 工单 10019 已接单", edit=True)
    again = _through_json(Outcome([card], card_of=7), done="刚才的操作已完成。")
    assert again is not None and again.replies == [] and again.card_of == 7


def test_a_card_not_edited_keeps_no_ticket() -> None:
    again = _through_json(Outcome([Reply("请写办结说明")], card_of=7))
    assert again is not None and again.card_of is None


def test_a_step_that_said_nothing_keeps_nothing() -> None:
    assert kept(Outcome()) is None
    assert kept(Outcome([Reply("卡片", edit=True)])) is None


def test_a_chart_comes_back_as_its_caption_with_a_note_to_ask_again() -> None:
    chart = Reply("上周统计（11-16 至 11-22）", photo=b"\x89PNG...")
    workbook = Reply("台账", document=("台账.xlsx", b"PK..."))

    again = _through_json(Outcome([chart, workbook]))

    assert again is not None
    assert [(r.photo, r.document) for r in again.replies] == [(None, None), (None, None)]
    assert again.replies[0].text == (
        "上周统计（11-16 至 11-22）\n\n（如果没有收到图表，请再发一次刚才的命令。）"
    )
    assert again.replies[1].text.endswith("（如果没有收到文件，请再发一次刚才的命令。）")


def test_a_chart_in_traditional_is_noted_in_traditional() -> None:
    again = _through_json(Outcome([Reply("上週統計", photo=b"\x89PNG...")]))
    assert again is not None and "如果沒有收到圖表" in again.replies[0].text


def test_what_work_after_the_commit_says_is_asked_for_again() -> None:
    again = _through_json(Outcome(), then="（如果没有收到刚才的结果，请再发一次刚才的命令。）")
    assert again is not None
    assert [r.text for r in again.replies] == ["（如果没有收到刚才的结果，请再发一次刚才的命令。）"]


def test_replies_kept_in_another_shape_are_not_shown() -> None:
    assert restored({"replies": [{"text": "旧格式"}], "toast": None}) is None  # no format
    assert restored({"format": 99, "replies": [], "toast": None}) is None
    assert restored({"format": 1, "replies": [{"buttons": []}], "toast": None}) is None
    assert restored({"format": 1, "replies": ["x"], "toast": None}) is None
    assert (
        restored({"format": 1, "replies": [{"text": "x", "keyboard": "pie"}], "toast": None})
        is None
    )
