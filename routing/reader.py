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
from routing.text import to_traditional

_SHOWN = ("text", "caption")


@lru_cache(maxsize=4096)
def _hant(text: str) -> str:
    return to_traditional(text)


def in_script(text: str, script: Script) -> str:
    """`text`, written in Simplified, for a reader of `script`."""
    return _hant(text) if script is Script.HANT and text else text


def message_in_script(payload: dict[str, Any], script: Script) -> dict[str, Any]:
    """An outbox message's payload (text, caption, buttons) for a reader of `script`. It
    keeps the script it is in (`SCRIPT_KEY`): an edit of it later is said in the same one."""
    if script is not Script.HANT:
        return payload
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
