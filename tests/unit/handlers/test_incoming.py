"""The neutral event: what no adapter lets through."""

from __future__ import annotations

import pytest

from handlers.incoming import Incoming, command_words, ime_command, read_command


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


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("/start site_QS01", ("start", ("site_QS01",))),
        ("/Queue@Jinye110_Bot", ("queue", ())),  # usernames ignore case
        ("/help@other_bot", None),  # another bot's command in a shared group
        ("/", ("", ())),  # a bare slash: an unknown command, answered as such
        ("/110@", ("110", ())),
        ("/烤房停电了", ("烤房停电了", ())),  # no command character: an unknown command
    ],
)
def test_a_command_is_read_unless_it_names_another_bot(
    text: str, read: tuple[str, tuple[str, ...]] | None
) -> None:
    assert read_command(text, "jinye110_bot") == read


def test_without_the_bots_name_every_command_is_taken_as_ours() -> None:
    assert read_command("/help@other_bot", None) == ("help", ())


def test_a_group_upgrade_notice_names_the_old_and_the_new_chat() -> None:
    in_old = Incoming(update_key="t:3", user_id=1, chat_id=-5, migrate_to_chat_id=-1005)
    in_new = Incoming(update_key="t:4", user_id=1, chat_id=-1005, migrate_from_chat_id=-5)
    assert in_old.chat_move == in_new.chat_move == (-5, -1005)
    assert Incoming(update_key="t:5", user_id=1, chat_id=-5).chat_move is None


@pytest.mark.parametrize(
    ("text", "read", "words"),
    [
        # A Chinese typist puts no space after the command: its name ends where Telegram's
        # names end (letters, digits, _), and a comma or colon joining them is no word.
        ("/110烤房停电了", ("110", ("烤房停电了",)), "烤房停电了"),
        ("/110，大坪烤房风机不转了", ("110", ("大坪烤房风机不转了",)), "大坪烤房风机不转了"),
        ("/complain：配送员 态度差", ("complain", ("配送员", "态度差")), "配送员 态度差"),
        ("/110@jinye110_bot烤房停电了", ("110", ("烤房停电了",)), "烤房停电了"),
        ("/stats本月", ("stats", ("本月",)), "本月"),
        ("/1103号烤房停电了", ("110", ("3号烤房停电了",)), "3号烤房停电了"),  # barn No. 3
        ("/110 烤房\n停电了", ("110", ("烤房", "停电了")), "烤房\n停电了"),  # its lines kept
    ],
)
def test_a_command_typed_on_into_its_words_ends_where_its_name_does(
    text: str, read: tuple[str, tuple[str, ...]], words: str
) -> None:
    assert read_command(text, "jinye110_bot") == read
    assert command_words(text) == words


def test_a_command_typed_with_an_input_methods_slash_ends_where_its_name_does() -> None:
    assert ime_command("、110烤房停电了") == ("110", ("烤房停电了",))
    assert ime_command("、好的") is None  # no command's name at all: words


def test_a_message_with_nothing_the_desk_reads_holds_nothing() -> None:
    pinned = Incoming(update_key="t:6", user_id=1, chat_id=1)  # a service message
    assert pinned.holds_nothing
    assert not Incoming(update_key="t:7", user_id=1, chat_id=1, text="/").holds_nothing
    assert not Incoming(update_key="t:8", user_id=1, chat_id=1, unsupported="sticker").holds_nothing
    assert not Incoming(update_key="t:9", user_id=1, chat_id=1, photo_file_id="p").holds_nothing
