"""Free text cut to fit where it is shown (a card line, an alert, the echo wall)."""

from __future__ import annotations


def clip(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its first `limit - 1` and "…"."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
