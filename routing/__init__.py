"""Text normalisation, the jieba keyword router, keyword learning from a ledger, and a
message put in its reader's script (`routing.reader`).

Pure: imports no framework and does no I/O beyond loading jieba's and OpenCC's dictionaries.
"""

from __future__ import annotations

from routing.decision import Decision
from routing.router import Router
from routing.text import bare, detect_script, normalize, to_simplified, to_traditional

__all__ = [
    "Decision",
    "Router",
    "bare",
    "detect_script",
    "normalize",
    "to_simplified",
    "to_traditional",
]
