"""How well a router does on labelled requests: accuracy, macro-F1, per-line precision and
recall, the confusion matrix, urgency recall and speed.

Two views of the same run:
- `accuracy`/`macro_f1` judge the router's best line for every message (its top candidate,
  also when it would ask a supervisor): the classifier's quality, comparable to any other.
- `decided_*` judge what would really happen: a request sent to triage is neither right
  nor misrouted, it costs a supervisor a click; a misrouted one costs a team a transfer.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from routing.decision import Decision
from routing.router import Router


@dataclass(frozen=True)
class LabelScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Metrics:
    accuracy: float
    macro_f1: float
    per_label: dict[str, LabelScore]
    confusion: dict[tuple[str, str], int]  # (true, predicted) -> count
    labels: tuple[str, ...]  # the true labels, then any other predicted ones


def metrics(truth: Sequence[str], predicted: Sequence[str]) -> Metrics:
    """Macro-F1 averages over the labels present in `truth` (the task's classes); a
    prediction outside them (triage, an emergency sent to 110) counts as a miss."""
    if len(truth) != len(predicted):
        raise ValueError("truth and predicted must have the same length")
    confusion = Counter(zip(truth, predicted, strict=True))
    true_labels = sorted(set(truth))
    extra = sorted(set(predicted) - set(true_labels))
    per_label: dict[str, LabelScore] = {}
    for label in true_labels:
        hit = confusion[(label, label)]
        said = sum(1 for p in predicted if p == label)
        support = sum(1 for t in truth if t == label)
        precision = hit / said if said else 0.0
        recall = hit / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = LabelScore(precision, recall, f1, support)
    n = len(truth)
    return Metrics(
        accuracy=sum(confusion[(lab, lab)] for lab in true_labels) / n if n else 0.0,
        macro_f1=sum(s.f1 for s in per_label.values()) / len(per_label) if per_label else 0.0,
        per_label=per_label,
        confusion=dict(confusion),
        labels=(*true_labels, *extra),
    )


def best_line(decision: Decision) -> str:
    """The router's top line even when it sent the request to triage."""
    if decision.triage and decision.candidates:
        return decision.candidates[0][0]
    return decision.line


@dataclass(frozen=True)
class Report:
    n: int
    metrics: Metrics  # on the best line of every message
    decided_correct: float  # share of messages routed automatically to the right line
    triaged: float  # share sent to a supervisor
    misrouted: float  # share routed automatically to a wrong line
    seconds: float
    urgent_expected: int = 0
    urgent_found: int = 0
    urgent_false: int = 0  # flagged urgent though not marked urgent
    curing_emergencies: int = 0  # marked urgent and labelled with the 110 line
    curing_caught: int = 0  # of those, routed to the 110 line as urgent
    # Of the curing emergencies missed, those the farmer is asked about (`Decision.suspect`):
    # an answer away from the alarm, not lost.
    curing_asked: int = 0
    asked_calm: int = 0  # asked about though not marked urgent: a question for nothing
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # text, truth, predicted

    @property
    def per_second(self) -> float:
        return self.n / self.seconds if self.seconds > 0 else 0.0


def evaluate(
    router: Router,
    texts: Sequence[str],
    labels: Sequence[str],
    urgent: Sequence[bool] | None = None,
) -> Report:
    started = time.perf_counter()
    decisions = [router.route(text) for text in texts]
    seconds = time.perf_counter() - started
    best = [best_line(d) for d in decisions]
    n = len(texts)
    correct = sum(1 for d, lab in zip(decisions, labels, strict=True) if d.line == lab)
    triaged = sum(1 for d, lab in zip(decisions, labels, strict=True) if d.triage and lab != d.line)
    report = Report(
        n=n,
        metrics=metrics(labels, best),
        decided_correct=correct / n if n else 0.0,
        triaged=triaged / n if n else 0.0,
        misrouted=(n - correct - triaged) / n if n else 0.0,
        seconds=seconds,
        misses=[(t, lab, p) for t, lab, p in zip(texts, labels, best, strict=True) if lab != p],
    )
    if urgent is None:
        return report
    emergency_line = router.emergency_line
    expected = [i for i, flag in enumerate(urgent) if flag]
    curing = [i for i in expected if labels[i] == emergency_line]
    return replace(
        report,
        urgent_expected=len(expected),
        urgent_found=sum(1 for i in expected if decisions[i].urgent),
        urgent_false=sum(1 for i, d in enumerate(decisions) if d.urgent and not urgent[i]),
        curing_emergencies=len(curing),
        curing_caught=sum(
            1 for i in curing if decisions[i].urgent and decisions[i].line == emergency_line
        ),
        curing_asked=sum(
            1
            for i in curing
            if decisions[i].suspect
            and not (decisions[i].urgent and decisions[i].line == emergency_line)
        ),
        asked_calm=sum(1 for i, d in enumerate(decisions) if d.suspect and not urgent[i]),
    )


def format_report(report: Report, *, title: str = "") -> str:
    """A plain-text report for the terminal."""
    m = report.metrics
    out = [title] if title else []
    out.append(f"messages: {report.n}   lines: {len(m.per_label)}")
    out.append(
        f"accuracy {m.accuracy:.3f}   macro-F1 {m.macro_f1:.3f}   (best line of every message)"
    )
    out.append(
        f"decisions: {report.decided_correct:.1%} routed right, {report.triaged:.1%} to triage, "
        f"{report.misrouted:.1%} misrouted"
    )
    if report.urgent_expected or report.curing_emergencies:
        out.append(
            f"urgent: {report.urgent_found}/{report.urgent_expected} flagged, "
            f"{report.urgent_false} flagged though not urgent; curing emergencies: "
            f"{report.curing_caught}/{report.curing_emergencies} to the 110 line as urgent"
        )
        out.append(
            f"asked whether it is an emergency now: {report.curing_asked} of the curing "
            f"emergencies missed, {report.asked_calm} not urgent"
        )
    out.append(f"speed: {report.per_second:,.0f} messages/s ({report.seconds:.3f} s)")
    width = max((len(label) for label in m.labels), default=5) + 2
    out.append("")
    out.append(f"{'line':<{width}}precision  recall     f1  support")
    for label, s in m.per_label.items():
        out.append(f"{label:<{width}}{s.precision:9.3f}{s.recall:8.3f}{s.f1:7.3f}{s.support:9d}")
    out.append("")
    out.append("confusion (rows: true, columns: predicted)")
    short = [label[:6] for label in m.labels]
    out.append(" " * width + " ".join(f"{c:>6}" for c in short))
    for truth in m.per_label:
        row = " ".join(f"{m.confusion.get((truth, p), 0):>6}" for p in m.labels)
        out.append(f"{truth:<{width}}{row}")
    return "\n".join(out)
