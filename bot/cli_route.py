"""`jinye110 route`: route a text, evaluate the router on a labelled file, learn keyword
tables from a ledger, cross-validate that learning.

    jinye110 route "烤房停电了！" [--area A | --site S] [--json] [--keywords K.yaml]
    jinye110 route eval FILE [--text-col C --label-col L --urgent-col U] [--keywords K.yaml]
    jinye110 route learn LEDGER --text-col C --label-col L -o FILE.yaml [--max-words N]
    jinye110 route cv LEDGER --text-col C --label-col L [--folds 5]

One parser for all four (the first word picks the action) because `route TEXT` takes free
text, which argparse sub-commands cannot share a position with.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config_loader import load_config
from bot.ledger_io import LedgerError, read_ledger
from bot.settings import Settings
from core.config import Config, ConfigError, KeywordTable

if TYPE_CHECKING:
    from routing.evaluate import Report

ACTIONS = ("eval", "learn", "cv")
_ONLY = {
    "route": {"area", "site", "json"},
    "eval": {"text_col", "label_col", "urgent_col", "json", "misses"},
    "learn": {"text_col", "label_col", "output", "max_words", "min_df"},
    "cv": {"text_col", "label_col", "max_words", "min_df", "folds", "json"},
}
_DEFAULTS = {
    "area": None,
    "site": None,
    "json": False,
    "text_col": None,
    "label_col": None,
    "urgent_col": "urgent",
    "misses": 0,
    "output": None,
    "max_words": 150,
    "min_df": 2,
    "folds": 5,
}


class UsageError(Exception):
    """Bad input from the user: one line, exit code 2."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    route = sub.add_parser(
        "route",
        help="route a request text; eval, learn and cv on labelled files",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    route.add_argument("words", nargs="+", metavar="TEXT | eval FILE | learn FILE | cv FILE")
    route.add_argument("--config", help="config file (default: JINYE_CONFIG or the demo)")
    route.add_argument("--keywords", help="keyword tables (YAML) instead of the config's")
    route.add_argument("--area", help="route: the requester's area id")
    route.add_argument("--site", help="route: the requester's site code")
    route.add_argument("--json", action="store_true", help="route/eval/cv: print JSON")
    route.add_argument("--text-col", help="eval/learn/cv: text column (default: text)")
    route.add_argument("--label-col", help="eval/learn/cv: label column (default: label)")
    route.add_argument("--urgent-col", help="eval: 0/1 column of urgent requests")
    route.add_argument("--misses", type=int, help="eval: print up to N misrouted texts")
    route.add_argument("-o", "--output", help="learn: where to write the keyword tables")
    route.add_argument("--max-words", type=int, help="learn/cv: words per label (150)")
    route.add_argument("--min-df", type=int, help="learn/cv: a word's minimum ticket count (2)")
    route.add_argument("--folds", type=int, help="cv: number of folds (5)")
    route.set_defaults(func=cmd_route)


def cmd_route(args: argparse.Namespace) -> int:
    action = args.words[0] if args.words[0] in ACTIONS and len(args.words) > 1 else "route"
    try:
        _check_options(args, action)
        if action == "route":
            return _route(args, " ".join(args.words))
        if len(args.words) != 2:
            raise UsageError(f"route {action} takes one file, got {len(args.words) - 1}")
        run = {"eval": _eval, "learn": _learn, "cv": _cv}[action]
        return run(args, args.words[1])
    except (UsageError, LedgerError) as exc:
        print(f"jinye110 route: error: {exc}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"jinye110 route: error: {exc.errors[0]}", file=sys.stderr)
        return 2


def _check_options(args: argparse.Namespace, action: str) -> None:
    """Reject an option that belongs to another action, then fill in the defaults."""
    for name, default in _DEFAULTS.items():
        given = getattr(args, name)
        if given not in (None, False) and name not in _ONLY[action]:
            flag = "--" + name.replace("_", "-")
            where = "route" if action == "route" else f"route {action}"
            raise UsageError(f"{flag} does not apply to '{where}'")
        if given is None:
            setattr(args, name, default)
    if action == "learn" and not args.output:
        raise UsageError("route learn needs -o FILE.yaml")


def config_of(args: argparse.Namespace) -> Config:
    return load_config(args.config or Settings().config)


def keywords_of(args: argparse.Namespace) -> dict[str, KeywordTable] | None:
    if not args.keywords:
        return None
    from routing.keywords_yaml import KeywordsError, parse_keywords_yaml

    path = Path(args.keywords)
    try:
        return parse_keywords_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from exc
    except KeywordsError as exc:
        raise UsageError(f"{path}: {exc}") from exc


def _route(args: argparse.Namespace, text: str) -> int:
    from routing import Router

    cfg = config_of(args)
    if args.area is not None and cfg.area(args.area) is None:
        known = ", ".join(a.id for a in cfg.areas)
        raise UsageError(f"unknown area '{args.area}'; areas are: {known}")
    if args.site is not None and cfg.site(args.site) is None:
        known = ", ".join(s.code for s in cfg.sites)
        raise UsageError(f"unknown site '{args.site}'; sites are: {known}")
    keywords = keywords_of(args)
    router = Router(cfg, keywords) if keywords is not None else Router.from_config(cfg)
    decision = router.route(text, area=args.area, site=args.site)
    team = cfg.find_team(decision.team)
    if args.json:
        out = decision.to_json()
        out["line_name"] = router.name(decision.line)
        out["team_name"] = team.name if team else decision.team
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    flags = "  急" if decision.urgent else ""
    print(
        f"{router.name(decision.line)} → {team.name if team else decision.team}"
        f"  ({decision.line} / {decision.team}){flags}  置信度 {decision.confidence:.2f}"
    )
    print(f"依据：{decision.explanation}")
    return 0


def _eval(args: argparse.Namespace, path: str) -> int:
    from routing import Router
    from routing.evaluate import evaluate, format_report

    cfg = config_of(args)
    keywords = keywords_of(args)
    ledger = read_ledger(path, args.text_col, args.label_col, (args.urgent_col,))
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


def _learn(args: argparse.Namespace, path: str) -> int:
    from routing.keywords_yaml import dump_keywords_yaml
    from routing.learn import learn_keywords

    ledger = read_ledger(path, args.text_col, args.label_col)
    if len(set(ledger.labels)) < 2:
        raise UsageError(f"{path}: need at least two labels to learn from, found one")
    tables = learn_keywords(
        ledger.texts, ledger.labels, max_words=args.max_words, min_df=args.min_df
    )
    counts = Counter(ledger.labels)
    header = (
        f"Learned by `jinye110 route learn` from {path}: {len(ledger.texts)} tickets.\n"
        f"Weights are log-odds (about 3: the word alone says the line); review, edit, then\n"
        f"use with --keywords {args.output} or include it from the config.\n"
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


def _cv(args: argparse.Namespace, path: str) -> int:
    from routing.crossval import cross_validate

    cfg = config_of(args)
    ledger = read_ledger(path, args.text_col, args.label_col)
    if args.folds < 2 or args.folds > len(ledger.texts):
        raise UsageError(f"--folds must be between 2 and {len(ledger.texts)}")
    reports = cross_validate(
        cfg,
        ledger.texts,
        ledger.labels,
        folds=args.folds,
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
        f"macro-F1 {sum(macro) / len(macro):.3f}  ({args.folds}-fold, stratified)"
    )
    return 0
