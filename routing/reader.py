"""A message as its reader reads it.

The desk writes every message once, in Simplified Chinese; a reader of 繁體 gets it converted
with OpenCC when the message is written for them (`to_traditional`). What is converted is
what the reader reads: the text, a photo's or file's caption, the buttons' labels. A
button's callback data, a link, a file's name and a command menu never change.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from core.enums import Script
from core.model import SCRIPT_KEY
from core.written import CLOSE as _CLOSE
from core.written import OPEN as _OPEN
from core.written import as_written as as_written
from core.written import unwrapped as unwrapped
from routing.text import detect_script, to_simplified, to_traditional

_SHOWN = ("text", "caption")


@lru_cache(maxsize=4096)
def _hant(text: str) -> str:
    if _OPEN not in text:
        return to_traditional(text)
    # "ours<OPEN>theirs<CLOSE>ours…": the even pieces are converted, the odd ones kept.
    pieces = text.replace(_CLOSE, _OPEN).split(_OPEN)
    return "".join(p if i % 2 else to_traditional(p) for i, p in enumerate(pieces))


def staff_words(text: str) -> str:
    """What a team member typed for a requester (a question, a result), put in Simplified
    like the desk's own texts when it is in Traditional, so that each reader gets it in
    their own script (it is converted for a reader of 繁體 only)."""
    return to_simplified(text) if detect_script(text) is Script.HANT else text


def in_script(text: str, script: Script) -> str:
    """`text`, written in Simplified, for a reader of `script`."""
    if script is Script.HANT and text:
        return _hant(text)
    return unwrapped(text)


def message_in_script(payload: dict[str, Any], script: Script) -> dict[str, Any]:
    """An outbox message's payload (text, caption, buttons) for a reader of `script`. It
    keeps the script it is in (`SCRIPT_KEY`): an edit of it later is said in the same one."""
    if script is not Script.HANT:
        if not any(_OPEN in str(payload.get(key) or "") for key in _SHOWN):
            return payload
        return {**payload, **{k: unwrapped(payload[k]) for k in _SHOWN if payload.get(k)}}
    shown = {**payload, SCRIPT_KEY: script.value}
    for key in _SHOWN:
        if isinstance(shown.get(key), str):
            shown[key] = in_script(shown[key], script)
    if shown.get("buttons"):
        shown["buttons"] = [
            [{**button, "text": in_script(str(button["text"]), script)} for button in row]
            for row in shown["buttons"]
        ]
    return shown
