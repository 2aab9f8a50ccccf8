"""Reply texts. Written once in Simplified Chinese; Traditional is converted with OpenCC.

Which script a person gets: their own choice (/lang) first, then the script of what they
write when it tells (`routing.detect_script`: more characters of one script only than of
the other), then the script they had, and for someone new Telegram's language code
(zh-hant, zh-tw, zh-hk, zh-mo). What someone writes is what they read, whatever their
Telegram is set to; but most short texts tell nothing (了解, 好的, a name, a command), and
those keep the script they had: a zh-hant user who types 了解 stays Traditional.
"""

from __future__ import annotations

from dataclasses import replace

from core.enums import Script
from core.texts import quoted as quoted  # imported from here across the desk
from core.written import CLOSE, OPEN
from handlers.messages_intake import INTAKE
from handlers.messages_mine import MINE
from handlers.messages_notices import NOTICES
from handlers.messages_staff import STAFF
from handlers.replies import Button
from routing import detect_script, reader

_HANT_CODES = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
_HANS_CODES = ("zh-hans", "zh-cn", "zh-sg", "zh")

# The catalogue, kept by who reads it; no key is in two of its parts (tests/unit/handlers).
MESSAGES: dict[str, str] = {**INTAKE, **MINE, **STAFF, **NOTICES}


def _hant(text: str) -> str:
    return reader.in_script(text, Script.HANT)


def t(key: str, script: Script = Script.HANS, **values: object) -> str:
    """The message `key` in `script`, with values filled in: for a reader of 繁體 converted
    too (a team's name, 用户#200011, a status), but for what is marked `as_written` (a
    name, a requester's words), which keeps its marks for the reply or the outbox to take
    off (`context.Ctx.reply`, `routing.reader.message_in_script`)."""
    text = MESSAGES[key]
    if script is not Script.HANT:
        return text.format(**values) if values else text
    converted = {k: _hant_keeping_marks(v) if isinstance(v, str) else v for k, v in values.items()}
    return _hant(text).format(**converted) if values else _hant(text)


def _hant_keeping_marks(value: str) -> str:
    """`value` for a reader of 繁體, what is marked `as_written` kept as it is, marks and all:
    a value may go into another message's values, whose marks must still be there."""
    if OPEN not in value:
        return _hant(value)
    # "ours<OPEN>theirs<CLOSE>ours…": the even pieces are converted, the odd ones kept.
    pieces = value.replace(CLOSE, OPEN).split(OPEN)
    return "".join(as_written(p) if i % 2 else _hant(p) for i, p in enumerate(pieces))


def in_script(text: str, script: Script) -> str:
    """Convert free text (team names, notes) for a reader of `script`; what is marked
    `as_written` in it (names, a requester's words) stays as written."""
    return reader.in_script(text, script)


def in_script_marked(text: str, script: Script) -> str:
    """`in_script` for text that goes on into a message's values (`t`): what is marked
    `as_written` in it keeps its marks, for the reply or the outbox to take off; without
    them, the message would convert it again (刘师傅 read as 劉師傅)."""
    return _hant_keeping_marks(text) if script is Script.HANT else text


as_written = reader.as_written


def kind_named(kind: str) -> str:
    """The key of the name of a kind of message the desk does not read ("kind_of_video":
    视频), or of "这类消息" for a kind without a name."""
    key = f"kind_of_{kind}"
    return key if key in MESSAGES else "kind_of_other"


def buttons_in_script(
    buttons: tuple[tuple[Button, ...], ...], script: Script
) -> tuple[tuple[Button, ...], ...]:
    """Buttons with their labels for a reader of `script` (their data never changes)."""
    if script is not Script.HANT:
        return buttons
    return tuple(tuple(replace(b, text=in_script(b.text, script)) for b in row) for row in buttons)


def script_from_language(code: str) -> Script | None:
    code = code.lower().replace("_", "-")
    if code.startswith(_HANT_CODES):
        return Script.HANT
    if code in _HANS_CODES or code.startswith("zh-hans"):
        return Script.HANS
    return None


def choose_script(chosen: Script | None, language_code: str, text: str) -> Script:
    """The script for someone with no script of their own yet (see the module's docstring)."""
    return chosen or detect_script(text) or script_from_language(language_code) or Script.HANS
