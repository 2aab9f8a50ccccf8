"""The neutral event an adapter builds from a Telegram update (PTB, aiogram) or a console line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Contact:
    phone: str
    user_id: int | None  # whose contact it is; Telegram sets it for the sender's own card
    first_name: str = ""


@dataclass(frozen=True, slots=True)
class Location:
    lat: float
    lon: float


# C0 control characters other than tab and line breaks, and DEL: nobody types them, and
# PostgreSQL refuses NUL in text, so they never get past the adapter.
_CONTROLS = {code: None for code in (*range(32), 127) if chr(code) not in "\t\n\r"}


@dataclass(frozen=True, slots=True)
class Incoming:
    update_key: str  # unique per update and source, e.g. "tg:81234"; redeliveries repeat it
    user_id: int
    chat_id: int
    chat_type: str = "private"  # private | group | supergroup | channel
    user_name: str = ""
    language_code: str = ""
    text: str = ""
    command: str | None = None  # without the slash, lower case, bot suffix removed
    args: tuple[str, ...] = field(default_factory=tuple)
    contact: Contact | None = None
    location: Location | None = None
    photo_file_id: str | None = None
    voice_file_id: str | None = None
    # The album a photo came in (Telegram's media_group_id): an album is several messages,
    # the caption on one of them, and the rest belong with it.
    media_group_id: str | None = None
    callback_data: str | None = None
    callback_message_id: int | None = None
    # The message this one answers with Telegram's reply (回复): the question notice of one
    # of several tickets waiting for the person's answer says which; in a team's chat, the
    # card a note is meant for (`replied_to`: not a forum topic's first message).
    reply_to: int | None = None
    unsupported: str | None = None  # sticker, animation, document, video, ... (what it was)
    # Telegram's notices that this group became a supergroup (a new chat id): sent in the
    # old chat with the new id, and in the new chat with the old id.
    migrate_to_chat_id: int | None = None
    migrate_from_chat_id: int | None = None
    # A command sent in the group's name (an anonymous admin, or a linked channel): nobody
    # the desk can tell permissions by, so it only says how to send it in their own name.
    anonymous: bool = False
    # A private message the person changed after sending it: what the first version started
    # stands, so the desk only says how to correct it (the adapters drop edits in groups).
    edited: bool = False
    # The forum topic the message was said in (None outside a group with topics, and in
    # its General topic): the replies go there, and it tells which team's topic it is.
    topic: int | None = None

    def __post_init__(self) -> None:
        for name in ("text", "user_name"):
            value: str = getattr(self, name)
            if not value.isprintable():  # fast path: most text is
                object.__setattr__(self, name, value.translate(_CONTROLS))
        if any(not arg.isprintable() for arg in self.args):
            object.__setattr__(self, "args", tuple(a.translate(_CONTROLS) for a in self.args))

    @property
    def is_private(self) -> bool:
        return self.chat_type == "private"

    @property
    def chat_move(self) -> tuple[int, int] | None:
        """(old chat id, new chat id) when this is the notice of a group's upgrade."""
        if self.migrate_to_chat_id is not None:
            return self.chat_id, self.migrate_to_chat_id
        if self.migrate_from_chat_id is not None:
            return self.migrate_from_chat_id, self.chat_id
        return None

    @property
    def holds_nothing(self) -> bool:
        """Nothing the desk reads is in it: a service message (a message pinned, the
        auto-delete timer set, ...), which Telegram sends in the person's name, though
        they said nothing to answer."""
        read = (self.command, self.contact, self.location, self.photo_file_id)
        more = (self.voice_file_id, self.callback_data, self.unsupported, self.chat_move)
        return not self.text.strip() and all(part is None for part in (*read, *more))

    @property
    def is_button(self) -> bool:
        return self.callback_data is not None

    @property
    def deep_link(self) -> str | None:
        """The payload of `/start PAYLOAD` (t.me/bot?start=PAYLOAD)."""
        if self.command == "start" and self.args:
            return self.args[0]
        return None


def replied_to(reply_id: int, topic: int | None) -> int | None:
    """The message a reply answers, as the desk reads it. In a forum topic, a message that
    replies to nothing comes as a reply to the topic's first message (its creation, whose id
    is the topic's): that is no reply (None)."""
    return None if reply_id == topic else reply_id


# Telegram's stand-in sender for a group's anonymous admins (its messages carry the group as
# sender_chat); a linked channel's posts come from 136817688 the same way.
GROUP_ANONYMOUS_BOT = 1087968824
CHANNEL_BOT = 136817688


def sent_as_group(sender_id: int, has_sender_chat: bool) -> bool:
    """A bot sender that stands for a group or a channel, not a bot talking to us."""
    return has_sender_chat or sender_id in (GROUP_ANONYMOUS_BOT, CHANNEL_BOT)


def edit_to_answer(chat_type: str, has_location: bool) -> bool:
    """Whether an edited message is a person's own correction, which the desk answers: in a
    private chat, and not a live location moving on (Telegram reports each move as an edit,
    every few seconds). In a group it is the team's own talk."""
    return chat_type == "private" and not has_location


# A command's name as Telegram has it (letters, digits, _), and the bot it may be addressed
# to: it ends at the first other character, so "/110烤房停电了" and "/110，风机不转了" are
# /110 with words, as a Chinese typist types them, no space between. A comma or a colon
# joining the words to it ("/complain：态度差") is no part of them.
# /110 typed on into a barn's number (/1103号烤房停电了) is /110 and 3号…: no command is
# 110 with more digits after it.
_NAMED = re.compile(r"(110(?=\d)|[A-Za-z0-9_]+)(?:@([A-Za-z0-9_]*))?[\s，,：:、；;。.]*")


def _split_command(text: str) -> tuple[str, str, str]:
    """(name, addressee, the rest) of a message that starts with a slash. A slash followed
    by no command character ("/烤房停电了", where Telegram marks no command) names its
    first word: an unknown command, answered as such."""
    after = text.strip()[1:]
    named = _NAMED.match(after)
    if named is None:
        parts = after.split(maxsplit=1)
        name, _, addressee = (parts[0] if parts else "").partition("@")
        return name, addressee, parts[1].strip() if len(parts) > 1 else ""
    return named.group(1), named.group(2) or "", after[named.end() :].strip()


def read_command(text: str, bot_username: str | None) -> tuple[str, tuple[str, ...]] | None:
    """The command (lower case, without `@bot`) and the words after it, of a message that
    starts with "/"; None when it is addressed to another bot (`/help@other_bot` in a group
    with several bots, which that bot answers). Telegram's usernames ignore case."""
    name, addressee, rest = _split_command(text)
    if addressee and bot_username and addressee.lower() != bot_username.lower():
        return None
    return name.lower(), tuple(rest.split())


def command_words(text: str) -> str:
    """What follows a command's name, as typed ("/110 烤房停电了", "/110烤房停电了":
    烤房停电了), its lines kept; "" when nothing does."""
    return _split_command(text)[2]


_NAME_ALONE = re.compile(r"(?:110(?=\d)|[A-Za-z0-9_]+)(?:@[A-Za-z0-9_]*)?")


def words_after_command(text: str) -> str:
    """What follows a command's name as typed, the punctuation `command_words` takes for a
    joiner kept: "/stats 。" is 。, which is no period, not the nothing that means today."""
    after = text.strip()[1:]
    named = _NAME_ALONE.match(after)
    return after[named.end() :].strip() if named else command_words(text)


# What a Chinese input method types for "/": the full-width ／, or 、 on a pinyin keyboard.
# Telegram finds no command in "／start", though the person sees none of the difference.
_IME_SLASHES = ("／", "、")
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")


def ime_command(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The command typed with an input method's slash ("／start", "、110"), as `read_command`
    reads one; None for other text."""
    typed = text.strip()
    if not typed.startswith(_IME_SLASHES):
        return None
    found = read_command(typed, None)
    if found is None or _COMMAND_NAME.fullmatch(found[0]) is None:
        return None
    return found
