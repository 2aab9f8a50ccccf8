"""What a step said, kept with its inbox record, so that a repeat of the update says it again.

Telegram sends an update again only when the bot never confirmed it: the bot confirms an
update once its step has run and its replies have been shown, so a repeat means the bot
stopped (a crash, a kill, a lost connection) in between, perhaps after the commit and
before the replies reached the person. The step is not run again (the inbox says it ran);
its replies are shown again from here. A farmer whose barn prompt never arrived gets it; one
whose prompt did arrive sees it twice, which beats not at all (as with the outbox, delivery
is at least once).

A chart or file is not kept (it can be large, and asking again builds it afresh): its
caption goes with a note asking again. What work after the commit says (`Ctx.later`: a
supervisor's /stats or /ledger, built without holding the write lock) is not part of the
step and is not kept either: a note in its place asks again.
"""

from __future__ import annotations

from typing import Any, cast, get_args

from handlers.replies import Button, Keyboard, Outcome, Reply
from handlers.stand_ins import with_note

_KEYBOARDS = frozenset(get_args(Keyboard))


def kept(outcome: Outcome, *, then: str = "") -> dict[str, Any]:
    """The outcome as JSON, to keep with the update's inbox record; `then` is said after
    it (for what work after the commit will say)."""
    replies = [_reply_to_json(r) for r in outcome.replies]
    if then:
        replies.append({"text": then})
    return {"replies": replies, "toast": outcome.toast}


def restored(data: dict[str, Any]) -> Outcome:
    """The outcome a repeat of the update shows: what `kept` kept (marked a duplicate)."""
    toast = data.get("toast")
    return Outcome(
        [_reply_from_json(r) for r in data.get("replies", [])],
        toast=str(toast) if toast is not None else None,
        duplicate=True,
    )


def _reply_to_json(reply: Reply) -> dict[str, Any]:
    if reply.photo is not None or reply.document is not None:
        return {"text": with_note(reply, "file_not_kept"), "edit": reply.edit}
    found: dict[str, Any] = {"text": reply.text}
    if reply.buttons:
        found["buttons"] = [[_button_to_json(b) for b in row] for row in reply.buttons]
    if reply.keyboard is not None:
        found["keyboard"] = reply.keyboard
        found["keyboard_extra"] = list(reply.keyboard_extra)
        found["keyboard_label"] = reply.keyboard_label
    if reply.edit:
        found["edit"] = True
    return found


def _button_to_json(button: Button) -> dict[str, str]:
    return {
        key: value
        for key, value in (("text", button.text), ("data", button.data), ("url", button.url))
        if value is not None
    }


def _reply_from_json(data: dict[str, Any]) -> Reply:
    keyboard = data.get("keyboard")
    return Reply(
        str(data.get("text", "")),
        buttons=tuple(
            tuple(Button(b["text"], b.get("data"), b.get("url")) for b in row)
            for row in data.get("buttons", [])
        ),
        keyboard=cast(Keyboard, keyboard) if keyboard in _KEYBOARDS else None,
        keyboard_extra=tuple(data.get("keyboard_extra", ())),
        keyboard_label=str(data.get("keyboard_label", "")),
        edit=bool(data.get("edit", False)),
    )
