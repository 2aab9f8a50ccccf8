"""Scores typed with a few words that add nothing to them, in both scripts: read as the
score by the verdict reader, back to a resolution notice, and at the score prompt."""

from __future__ import annotations

SCORES_WITH_A_FEW_WORDS: list[tuple[str, int]] = [
    ("给4分吧", 4),
    ("給4分吧", 4),
    ("给你们5分", 5),
    ("給你們5分", 5),
    ("满分", 5),
    ("滿分", 5),
    ("5分，谢谢", 5),
    ("5分，謝謝", 5),
    ("五星好评", 5),
    ("五星好評", 5),
]
