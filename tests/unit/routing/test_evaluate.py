from __future__ import annotations

import pytest

from routing import Router
from routing.evaluate import evaluate, format_report, metrics


def test_metrics_on_a_known_confusion() -> None:
    m = metrics(["a", "a", "b", "b"], ["a", "b", "b", "b"])
    assert m.accuracy == 0.75
    assert m.per_label["a"].precision == 1.0 and m.per_label["a"].recall == 0.5
    assert m.per_label["b"].precision == pytest.approx(2 / 3) and m.per_label["b"].recall == 1.0
    assert m.macro_f1 == pytest.approx((2 / 3 + 0.8) / 2)
    assert m.confusion == {("a", "a"): 1, ("a", "b"): 1, ("b", "b"): 2}


def test_a_prediction_outside_the_true_labels_is_a_miss_not_a_class() -> None:
    m = metrics(["a", "b"], ["a", "triage"])
    assert set(m.per_label) == {"a", "b"} and m.labels == ("a", "b", "triage")
    assert m.per_label["b"].recall == 0.0


def test_evaluate_counts_triage_apart_from_misrouting(router: Router) -> None:
    texts = ["烤房停电了", "许可证到期了", "你好", "送货员把烟送错了"]
    labels = ["curing", "monopoly", "ordering", "ordering"]
    urgent = [True, False, False, False]
    report = evaluate(router, texts, labels, urgent)
    assert report.decided_correct == 0.5
    assert report.triaged == 0.25 and report.misrouted == 0.25
    assert (report.curing_emergencies, report.curing_caught) == (1, 1)
    assert report.per_second > 0
    text = format_report(report)
    assert "accuracy 0.500" in text and "confusion" in text


def test_evaluate_counts_the_emergencies_the_farmer_is_asked_about(router: Router) -> None:
    texts = ["烤房的加热器没反应了", "烤房密封条坏了一截，不急", "烤房停电了"]
    report = evaluate(router, texts, ["curing"] * 3, [True, False, True])
    assert (report.curing_caught, report.curing_asked, report.asked_calm) == (1, 1, 1)
    assert "asked whether it is an emergency now: 1" in format_report(report)
