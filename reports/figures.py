"""What the rates module computes for one group: counts, rates, the composite, percentiles.

Plain arithmetic on numbers SQL has already counted; definitions in docs/rates.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from core.config import RateWeights
from reports.labels import GroupBy
from reports.periods import Window


@dataclass(slots=True)
class GroupRates:
    key: str
    label: str
    created: int = 0
    closed: int = 0
    cancelled: int = 0
    response_due: int = 0
    responded_on_time: int = 0
    resolution_due: int = 0
    resolved: int = 0
    rated: int = 0
    satisfied: int = 0  # rating 5
    basically_satisfied: int = 0  # rating 4
    overdue: int = 0
    closed_after_reopen: int = 0
    accept_seconds: list[float] = field(default_factory=list)
    resolve_seconds: list[float] = field(default_factory=list)

    @property
    def response_rate(self) -> float | None:
        return _ratio(self.responded_on_time, self.response_due)

    @property
    def resolution_rate(self) -> float | None:
        return _ratio(self.resolved, self.resolution_due)

    @property
    def satisfaction_rate(self) -> float | None:
        return _ratio(self.satisfied + 0.9 * self.basically_satisfied, self.rated)

    @property
    def reopen_rate(self) -> float | None:
        return _ratio(self.closed_after_reopen, self.resolved)

    def composite(self, weights: RateWeights) -> float | None:
        """Weighted mean of the rates that have data; None when none has.

        A rate without data (no deadline fell due, nobody rated) leaves the composite
        rather than counting as 0 or 100%, and the other weights are scaled up to sum to 1.
        """
        pairs = [
            (weights.response, self.response_rate),
            (weights.resolution, self.resolution_rate),
            (weights.satisfaction, self.satisfaction_rate),
        ]
        present = [(w, r) for w, r in pairs if r is not None and w > 0]
        total = sum(w for w, _ in present)
        return sum(w * r for w, r in present) / total if total else None

    @property
    def accept_median(self) -> float | None:
        return percentile(self.accept_seconds, 0.5)

    @property
    def accept_p90(self) -> float | None:
        return percentile(self.accept_seconds, 0.9)

    @property
    def resolve_median(self) -> float | None:
        return percentile(self.resolve_seconds, 0.5)

    @property
    def resolve_p90(self) -> float | None:
        return percentile(self.resolve_seconds, 0.9)

    @property
    def counted(self) -> bool:
        """Anything the 汇总 counts happened: a ticket withdrawn (撤回) it does not count."""
        return any((self.created, self.closed, self.response_due, self.resolution_due,
                    self.rated, self.overdue, self.accept_seconds,
                    self.resolve_seconds))  # fmt: skip

    @property
    def active(self) -> bool:
        return self.counted or bool(self.cancelled)


@dataclass(frozen=True, slots=True)
class RatesReport:
    window: Window
    by: GroupBy
    as_of: datetime
    weights: RateWeights
    groups: list[GroupRates]
    total: GroupRates

    @property
    def table_rows(self) -> list[GroupRates]:
        """The groups, and the total below them when there are several: one group's total
        is that group again (a leader's one team)."""
        return [*self.groups, self.total] if len(self.groups) > 1 else list(self.groups)


def _ratio(part: float, whole: int) -> float | None:
    return part / whole if whole else None


def percentile(ordered: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (PostgreSQL's percentile_cont)."""
    if not ordered:
        return None
    pos = (len(ordered) - 1) * q
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)
