"""Chinese (Simplified) names for what the reports show; `writer` converts them to 繁體."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from core.config import Config
from core.enums import Kind, Script, Status
from core.texts import KIND_NAMES, in_words
from core.texts import status_name as staff_status
from routing import to_traditional

GroupBy = Literal["team", "line", "area", "kind", "all"]


GROUP_TITLES: dict[GroupBy, str] = {
    "team": "服务队",
    "line": "服务线",
    "area": "片区",
    "kind": "类型",
    "all": "范围",
}

TOTAL = "合计"
UNSET = "未指定"


def status_name(status: Status, resolved: bool) -> str:
    """The ledger's status column, in the words of the cards and alerts; `resolved`: the
    ticket was resolved at some point."""
    return staff_status(status, closed_unresolved=status is Status.CLOSED and not resolved)


def closing_status(status: Status, resolved: bool = True) -> str:
    """The ledger's 销号 column: closed after resolution is 已销号, closed for want of an
    answer 未补充关闭, withdrawn 已撤回, everything else 未销号."""
    if status in (Status.CLOSED, Status.CANCELLED):
        return status_name(status, resolved)
    return "未销号"


def rating_name(rating: int | None) -> str:
    if rating is None:
        return ""
    if rating >= 5:
        return "满意"
    if rating == 4:
        return "基本满意"
    return "不满意"


def group_label(cfg: Config, by: GroupBy, key: str | None) -> str:
    """The display name of a group key: a team's, line's or area's name from the config."""
    if by == "all":
        return TOTAL
    if key is None or key == "":
        return UNSET
    if by == "team":
        team = cfg.find_team(key)
        return team.name if team else key
    if by == "line":
        return next((line.name for line in cfg.service_lines if line.id == key), key)
    if by == "area":
        area = cfg.area(key)
        return area.name if area else key
    try:
        return KIND_NAMES[Kind(key)]
    except ValueError:
        return key


def group_order(cfg: Config, by: GroupBy) -> list[str]:
    """The config's order for groups, so tables and charts read the same every week."""
    if by == "team":
        return [team.id for team in cfg.teams]
    if by == "line":
        return [line.id for line in cfg.service_lines]
    if by == "area":
        return [area.id for area in cfg.areas]
    if by == "kind":
        return [kind.value for kind in Kind]
    return []


# Below this a float's error is taken for noise: 0.725 is stored as 0.72499999999999997…
_NOISE = Decimal("1e-9")


def hundredths(share: float, places: int = 0) -> Decimal:
    """`share` (0.725) out of 100, rounded half up as people round (72.5 → 73; Python's own
    rounding gives 72, half to even, and 72 again from the float's 72.4999…)."""
    exact = Decimal(share).scaleb(2).quantize(_NOISE)
    return exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def duration_text(seconds: float | None) -> str:
    """35分钟, 2小时15分钟, 3天4小时, in the words of the alerts and the digest; "—" when
    there is nothing to measure. Rounded half up, as the rates are: a median of 2 and 3
    minutes is 3分钟, 48 and a half hours 2天1小时."""
    if seconds is None:
        return "—"
    minutes = half_up(seconds / 60)
    if minutes < 1:
        return "不到1分钟"
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return in_words(0, hours, rest)
    # Days and hours only: the time rounds to the hour, as it rounds to the minute below
    # (50 hours 57 minutes is 2天3小时, not 2天2小时), once, from the seconds: rounded to the
    # minute first, 48 hours 29 and a half minutes would be 48:30 and then 2天1小时.
    day_count, hours = divmod(half_up(seconds / 3600), 24)
    return in_words(day_count, hours, 0)


def half_up(value: float) -> int:
    """`value` to a whole number, half up as people round (2.5 → 3; Python's round gives 2,
    half to even), a float's error taken for noise as in `hundredths`."""
    exact = Decimal(value).quantize(_NOISE)
    return int(exact.quantize(Decimal(1), ROUND_HALF_UP))


def percent(value: float | None) -> str:
    """A rate as /stats, its chart and the reports show it: 72.5% is 73%."""
    return "—" if value is None else f"{hundredths(value)}%"


def writer(script: Script) -> Callable[[str], str]:
    """What every word of ours in a report goes through: the report in the reader's script.
    People's own words (a requester's text, a name, a team's note) are not passed to it."""
    return to_traditional if script is Script.HANT else str
