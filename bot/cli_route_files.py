"""`jinye110 route eval | learn | cv`: the actions of `route` that read a labelled file
(see bot/cli_route.py for the parser and the one-text `route`)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli_route import UsageError, config_of, keywords_of
from bot.ledger_io import read_ledger
from core.config import Config

if TYPE_CHECKING:
    from routing.evaluate import Report

DEFAULT_FOLDS = 5


def run_eval(args: argparse.Namespace, path: str) -> int:
    from routing import Router
    from routing.evaluate import evaluate, format_report

    cfg = config_of(args)
    keywords = keywords_of(args)
    ledger = read_ledger(
        path, args.text_col, args.label_col, (args.urgent_col,), lines=line_ids(cfg)
    )
    urgent_column = ledger.extra.get(args.urgent_col)
    urgent = (
        [v.lower() in ("1", "true", "yes", "是", "急") for v in urgent_column]
        if (urgent_column)
        else None
    )
    router = Router(cfg, keywords)
    Router.route(router, "预热")  # load jieba before the clock starts
    report = evaluate(router, ledger.texts, ledger.labels, urgent)
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=2))
        return 0
    print(format_report(report, title=f"{path}" + (f" with {args.keywords}" if keywords else "")))
    for text, truth, predicted in report.misses[: args.misses]:
        print(f"  {truth} -> {predicted}: {text[:60]}")
    return 0


def line_ids(cfg: Config) -> dict[str, str]:
    """Each service line's id by its name (and by its id), as a ledger's labels may give it."""
    return {name: line.id for line in cfg.service_lines for name in (line.name, line.id)}


def report_json(report: Report) -> dict[str, object]:
    m = report.metrics
    return {
        "messages": report.n,
        "accuracy": round(m.accuracy, 4),
        "macro_f1": round(m.macro_f1, 4),
        "decided_correct": round(report.decided_correct, 4),
        "triaged": round(report.triaged, 4),
        "misrouted": round(report.misrouted, 4),
        "per_label": {
            label: {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "support": s.support,
            }
            for label, s in m.per_label.items()
        },
        "confusion": [[t, p, n] for (t, p), n in sorted(m.confusion.items())],
        "urgent": {
            "expected": report.urgent_expected,
            "found": report.urgent_found,
            "false": report.urgent_false,
        },
        "curing_emergencies": {
            "expected": report.curing_emergencies,
            "caught": report.curing_caught,
        },
        "messages_per_second": round(report.per_second, 1),
    }


def run_learn(args: argparse.Namespace, path: str) -> int:
    from routing.keywords_yaml import dump_keywords_yaml
    from routing.learn import learn_keywords

    ledger = read_ledger(path, args.text_col, args.label_col, lines=line_ids(config_of(args)))
    if len(set(ledger.labels)) < 2:
        raise UsageError(f"{path}: need at least two labels to learn from, found one")
    tables = learn_keywords(
        ledger.texts, ledger.labels, max_words=args.max_words, min_df=args.min_df
    )
    counts = Counter(ledger.labels)
    header = (
        f"Learned by `jinye110 route learn` from {path}: {len(ledger.texts)} tickets.\n"
        "Weights are log-likelihood ratios (about 3: the word alone says the line); review,\n"
        f"edit, then use with --keywords {args.output} or include it from the config.\n"
        + "\n".join(f"  {label}: {n} tickets" for label, n in counts.most_common())
    )
    out = Path(args.output)
    try:
        out.write_text(dump_keywords_yaml(tables, header), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{out}: cannot write: {exc.strerror}") from exc
    words = sum(len(t.words) for t in tables.values())
    print(f"{out}: {len(tables)} labels, {words} words from {len(ledger.texts)} tickets")
    return 0


def _folds(asked: int | None, rows: int) -> int:
    """The folds for `rows` labelled rows: as asked, else 5 or as many as there are rows."""
    if rows < 2:
        raise UsageError(f"the file has {rows} labelled rows; cross-validation needs 2 or more")
    if asked is None:
        if rows < DEFAULT_FOLDS:
            print(
                f"the file has only {rows} labelled rows: {rows} folds, not {DEFAULT_FOLDS}",
                file=sys.stderr,
            )
        return min(DEFAULT_FOLDS, rows)
    if asked < 2:
        raise UsageError("--folds must be 2 or more")
    if asked > rows:
        raise UsageError(
            f"--folds {asked}: the file has only {rows} labelled rows, so at most {rows} folds"
        )
    return asked


def run_cv(args: argparse.Namespace, path: str) -> int:
    from routing.crossval import cross_validate

    cfg = config_of(args)
    ledger = read_ledger(path, args.text_col, args.label_col, lines=line_ids(cfg))
    folds = _folds(args.folds, len(ledger.texts))
    reports = cross_validate(
        cfg,
        ledger.texts,
        ledger.labels,
        folds=folds,
        max_words=args.max_words,
        min_df=args.min_df,
    )
    accuracy = [r.metrics.accuracy for r in reports]
    macro = [r.metrics.macro_f1 for r in reports]
    if args.json:
        print(
            json.dumps(
                {
                    "folds": [report_json(r) for r in reports],
                    "mean_accuracy": round(sum(accuracy) / len(accuracy), 4),
                    "mean_macro_f1": round(sum(macro) / len(macro), 4),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for i, report in enumerate(reports, 1):
        print(
            f"fold {i}: {report.n} messages  accuracy {report.metrics.accuracy:.3f}  "
            f"macro-F1 {report.metrics.macro_f1:.3f}"
        )
    print(
        f"mean: accuracy {sum(accuracy) / len(accuracy):.3f}  "
        f"macro-F1 {sum(macro) / len(macro):.3f}  ({folds}-fold, stratified)"
    )
    return 0
