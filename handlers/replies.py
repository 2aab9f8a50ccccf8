"""Neutral replies; each adapter renders them for its messenger."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Keyboard = Literal["contact", "location", "remove"]


@dataclass(frozen=True, slots=True)
class Button:
    text: str
    data: str | None = None  # callback data (≤ 64 bytes)
    url: str | None = None

    def to_payload(self) -> dict[str, str]:
        return (
            {"text": self.text, "url": self.url}
            if self.url
            else {"text": self.text, "data": self.data or ""}
        )


@dataclass(frozen=True, slots=True)
class Reply:
    """One message back to the current chat (or an edit of the message whose button was pressed)."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    keyboard: Keyboard | None = None  # a reply keyboard asking for contact or location
    keyboard_extra: tuple[str, ...] = ()  # extra plain-text keys shown with that keyboard
    keyboard_label: str = ""  # the share button's label, in the reader's script
    photo: bytes | None = None
    document: tuple[str, bytes] | None = None  # (filename, content)
    edit: bool = False  # replace the text of the message whose button was pressed
    # Said instead of the photo or document when Telegram refuses it as too large (empty:
    # its caption and a general note).
    too_big: str = ""

    def buttons_payload(self) -> list[list[dict[str, str]]]:
        return [[b.to_payload() for b in row] for row in self.buttons]


@dataclass(slots=True)
class Outcome:
    replies: list[Reply] = field(default_factory=list)
    toast: str | None = None  # the short answer to a button press
    duplicate: bool = False  # the update was handled before; nothing was done again
    # What it says is kept with the update until shown (`handlers.kept_replies`): the step
    # kept it, or this is it, said again.
    kept: bool = False
    # The ticket whose card the step edited in the pressed message: a repeat of the press
    # edits it to how the card reads then (`handlers.kept_replies`).
    card_of: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "replies": [
                {
                    "text": r.text,
                    "buttons": r.buttons_payload(),
                    "keyboard": r.keyboard,
                    "edit": r.edit,
                }
                for r in self.replies
            ],
            "toast": self.toast,
        }


def rows(*buttons: Button, per_row: int = 2) -> tuple[tuple[Button, ...], ...]:
    """Lay buttons out `per_row` to a row."""
    return tuple(tuple(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row))
