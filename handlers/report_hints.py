"""What to ask for instead of a ledger workbook too large to send: the same period in parts."""

from __future__ import annotations

import re
from datetime import date, timedelta

from core.enums import Script
from handlers.i18n import t

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PART_DAYS = 2  # a part of the example: three days of the period, at most half of it


def shorter_periods(name: str, script: Script) -> str:
    """The hint to export the period of the workbook named `name` in shorter parts, with
    an example of its first days when the name gives its dates (台账_2026-11-16_2026-11-22)."""
    days = first_days(name)
    return t("ledger_shorter", script, days=days) if days else t("ledger_shorter_undated", script)


def first_days(name: str) -> str:
    """'2026-11-16..2026-11-18': the first days of the period a workbook named `name`
    covers (its file name gives its first and last day); empty for a name without dates,
    or a period of one day, which has no shorter part."""
    try:
        dates = [date.fromisoformat(found) for found in _DAY.findall(name)]
    except ValueError:
        return ""
    if len(dates) < 2 or dates[1] <= dates[0]:
        return ""
    first, last = dates[0], dates[1]
    part = timedelta(days=min(_PART_DAYS, (last - first).days // 2))
    return f"{first.isoformat()}..{(first + part).isoformat()}"
