"""What a step said, kept with its inbox record until it has been shown, so that a repeat of
the update says it again.

Telegram sends an update again only when the bot did not confirm it, and the bot confirms an
update once its step has run and its replies have been shown. Kept replies are forgotten
once shown (with the next step's commit, `Desk.shown`), or when queued in the outbox
(`bot.deferred_replies`), so what is kept at a repeat is what a stop (a crash, a kill, a lost
database connection) cut off between the step's commit and its replies. The step is not run
again (the inbox says it ran); its replies are shown from here. A farmer whose barn question
never arrived gets it after the restart. A stop in the moment after the replies were shown
and before they were forgotten shows them twice, which beats not at all (as in the outbox,
delivery is at least once).

Not kept:
- an edit of the pressed message: by the time the update comes again, the message may show a
  newer state (another member took the ticket, a supervisor moved it), which an old edit
  would undo. The press's short answer is kept, or, for a press that only edited its
  message, one saying it was done (`done`); and, for a ticket's card, which ticket it is
  (`card_of`): the repeat edits the card to how it reads then
  (`handlers.team_access.pressed_card_now`), or it would keep the buttons of the state
  the press left (接单 on a ticket it accepted) until the ticket next changed;
- a chart or file (it can be large, and asking again builds it afresh): its caption is, with
  a note to ask again if it did not arrive;
- what work after the commit says (`Ctx.later`: a supervisor's /stats or /ledger, built
  without holding the write lock): a note in its place asks again (`then`).
"""

from __future__ import annotations

import logging
from typing import Any, cast, get_args

from handlers.replies import Button, Keyboard, Outcome, Reply
from handlers.stand_ins import with_note

log = logging.getLogger(__name__)

_FORMAT = 1  # the shape below; a kept outcome of another shape is not shown
_KEYBOARDS = frozenset(get_args(Keyboard))


def kept(outcome: Outcome, *, then: str = "", done: str = "") -> dict[str, Any] | None:
    """The outcome as JSON, to keep with the update's inbox record; `then` is said after
    it, and `done` is the short answer of a press that only edited its message. None when
    there is nothing a repeat could say."""
    replies = [_reply_to_json(r) for r in outcome.replies if not r.edit]
    if then:
        replies.append({"text": then})
    toast = outcome.toast
    if toast is None and not replies and any(r.edit for r in outcome.replies):
        toast = done or None
    if not replies and toast is None:
        return None
    found: dict[str, Any] = {"format": _FORMAT, "replies": replies, "toast": toast}
    if outcome.card_of is not None and any(r.edit for r in outcome.replies):
        found["card_of"] = outcome.card_of  # (a version that does not know it reads past it)
    return found


def restored(data: dict[str, Any]) -> Outcome | None:
    """What a repeat of the update shows (marked a duplicate): what `kept` kept. None when
    it cannot be read (kept by another version of the bot)."""
    if data.get("format") != _FORMAT:
        return None
    try:
        toast = data["toast"]
        card_of = data.get("card_of")
        return Outcome(
            [_reply_from_json(r) for r in data["replies"]],
            toast=None if toast is None else str(toast),
            duplicate=True,
            kept=True,
            card_of=None if card_of is None else int(card_of),
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        log.warning("kept replies could not be read; the repeat says nothing", exc_info=True)
        return None


def _reply_to_json(reply: Reply) -> dict[str, Any]:
    if reply.photo is not None or reply.document is not None:
        return {"text": with_note(reply, "file_not_kept")}
    found: dict[str, Any] = {"text": reply.text}
    if reply.buttons:
        found["buttons"] = [[_button_to_json(b) for b in row] for row in reply.buttons]
    if reply.keyboard is not None:
        found["keyboard"] = reply.keyboard
        found["keyboard_extra"] = list(reply.keyboard_extra)
        found["keyboard_label"] = reply.keyboard_label
    return found


def _button_to_json(button: Button) -> dict[str, str]:
    return {
        key: value
        for key, value in (("text", button.text), ("data", button.data), ("url", button.url))
        if value is not None
    }


def _reply_from_json(data: dict[str, Any]) -> Reply:
    keyboard = data.get("keyboard")
    if keyboard is not None and keyboard not in _KEYBOARDS:
        raise ValueError(f"unknown keyboard {keyboard!r}")
    return Reply(
        str(data["text"]),
        buttons=tuple(
            tuple(Button(str(b["text"]), b.get("data"), b.get("url")) for b in row)
            for row in data.get("buttons", [])
        ),
        keyboard=cast(Keyboard | None, keyboard),
        keyboard_extra=tuple(str(extra) for extra in data.get("keyboard_extra", ())),
        keyboard_label=str(data.get("keyboard_label", "")),
    )
