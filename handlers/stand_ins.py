"""What stands in for a chart or file that cannot go with a reply: its caption and a note."""

from __future__ import annotations

from core.enums import Script
from handlers.i18n import t
from handlers.replies import Reply
from routing import detect_script


def with_note(reply: Reply, key: str) -> str:
    """`reply`'s caption and the note `key` (which names the chart or file as `what`), in
    the caption's script, else in that of the words for a file too large (a chart has no
    caption; those words are in the reader's script)."""
    script = detect_script(reply.text) or detect_script(reply.too_big) or Script.HANS
    note = t(key, script, what=t("chart" if reply.photo else "file", script))
    return f"{reply.text}\n\n{note}" if reply.text else note
