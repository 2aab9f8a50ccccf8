"""Stratified k-fold cross-validation of keyword learning: learn on k-1 folds, evaluate the
router with the learned tables on the fold it has not seen.

One split of a few hundred tickets is noisy (a fold of 99 messages moves 1 point per
message), so `repeated_cross_validate` runs the same protocol over several shuffles.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from core.config import Config
from routing.evaluate import Report, evaluate
from routing.learn import learn_keywords
from routing.router import Router


def stratified_folds(labels: Sequence[str], folds: int, seed: int = 0) -> list[list[int]]:
    """Indices split into `folds` parts with each label spread evenly (deterministic)."""
    by_label: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(label, []).append(i)
    rng = random.Random(seed)
    parts: list[list[int]] = [[] for _ in range(folds)]
    offset = 0
    for label in sorted(by_label):
        indices = by_label[label]
        rng.shuffle(indices)
        for j, index in enumerate(indices):
            parts[(j + offset) % folds].append(index)
        offset += len(indices)  # small labels do not all start in fold 0
    return [sorted(part) for part in parts]


def cross_validate(
    cfg: Config,
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    folds: int = 5,
    seed: int = 0,
    max_words: int = 150,
    min_df: int = 2,
) -> list[Report]:
    reports: list[Report] = []
    for held in stratified_folds(labels, folds, seed):
        held_set = set(held)
        train = [i for i in range(len(texts)) if i not in held_set]
        tables = learn_keywords(
            [texts[i] for i in train],
            [labels[i] for i in train],
            max_words=max_words,
            min_df=min_df,
        )
        router = Router(cfg, tables)
        reports.append(evaluate(router, [texts[i] for i in held], [labels[i] for i in held]))
    return reports


def mean_scores(reports: Sequence[Report]) -> tuple[float, float]:
    """Mean accuracy and mean macro-F1 over folds."""
    if not reports:
        return 0.0, 0.0
    n = len(reports)
    return (
        sum(r.metrics.accuracy for r in reports) / n,
        sum(r.metrics.macro_f1 for r in reports) / n,
    )


def repeated_cross_validate(
    cfg: Config,
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    seeds: Iterable[int] = range(10),
    folds: int = 5,
    max_words: int = 150,
    min_df: int = 2,
) -> dict[int, tuple[float, float]]:
    """seed -> (mean accuracy, mean macro-F1) of `folds`-fold cross-validation with that
    shuffle."""
    return {
        seed: mean_scores(
            cross_validate(
                cfg, texts, labels, folds=folds, seed=seed, max_words=max_words, min_df=min_df
            )
        )
        for seed in seeds
    }
