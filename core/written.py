"""The marks that keep someone's own words as they wrote them when a message is converted
for a reader of the other script (routing/reader.py converts; see its docstring). Pure
string work, here so that what core composes (a team card) marks names the same way."""

from __future__ import annotations

OPEN, CLOSE = "\ue0f0", "\ue0f1"
_WRAPPING = str.maketrans("", "", OPEN + CLOSE)


def as_written(value: str) -> str:
    """`value` marked to reach every reader as written."""
    return f"{OPEN}{value.translate(_WRAPPING)}{CLOSE}" if value else value


def unwrapped(text: str) -> str:
    """`text` with the marks of `as_written` taken off, for a reader of Simplified."""
    return text.translate(_WRAPPING) if OPEN in text or CLOSE in text else text
