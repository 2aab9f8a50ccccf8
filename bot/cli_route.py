"""`jinye110 route`: route a text, evaluate the router on a labelled file, learn keyword
tables from a ledger, cross-validate that learning.

    jinye110 route "烤房停电了！" [--area A | --site S] [--json] [--keywords K.yaml]
    jinye110 route eval FILE [--text-col C --label-col L --urgent-col U] [--keywords K.yaml]
    jinye110 route learn LEDGER --text-col C --label-col L -o FILE.yaml [--max-words N]
    jinye110 route cv LEDGER --text-col C --label-col L [--folds 5]

One parser for all four (the first word picks the action) because `route TEXT` takes free
text, which argparse sub-commands cannot share a position with. The actions on files live in
bot/cli_route_files.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.cli_errors import config_failed, non_negative_int, positive_int
from bot.config_loader import load_config
from bot.ledger_io import LedgerError
from bot.settings import Settings
from core.config import Config, ConfigError, KeywordTable
from core.enums import Requester

# What `jinye110 route --help` shows (the module's notes are for whoever changes it).
DESCRIPTION = """\
Route a request text as the bot would, or work on a file of labelled requests.

    jinye110 route "烤房停电了！" [--area A | --site S] [--json] [--keywords K.yaml]
    jinye110 route eval FILE [--text-col C --label-col L --urgent-col U] [--keywords K.yaml]
    jinye110 route learn LEDGER --text-col C --label-col L -o FILE.yaml [--max-words N]
    jinye110 route cv LEDGER --text-col C --label-col L [--folds 5]

The first word picks the action: eval scores the router on a labelled file, learn writes
keyword tables from a ledger (台账), cv cross-validates that learning. Any other text is
routed and its service line, team and urgency printed.
"""
ACTIONS = ("eval", "learn", "cv")
_ONLY = {
    "route": {"area", "site", "json", "requester"},
    "eval": {"text_col", "label_col", "urgent_col", "json", "misses"},
    "learn": {"text_col", "label_col", "output", "max_words", "min_df"},
    "cv": {"text_col", "label_col", "max_words", "min_df", "folds", "json"},
}
_DEFAULTS = {
    "area": None,
    "site": None,
    "requester": None,
    "json": False,
    "text_col": None,
    "label_col": None,
    "urgent_col": "urgent",
    "misses": 0,
    "output": None,
    "max_words": 150,
    "min_df": 2,
    "folds": None,  # 5, or fewer for a file of fewer labelled rows (cli_route_files)
}


class UsageError(Exception):
    """Bad input from the user: one line, exit code 2."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    route = sub.add_parser(
        "route",
        help="route a request text; eval, learn and cv on labelled files",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    route.add_argument(
        "words",
        nargs="+",
        metavar="TEXT | eval FILE | learn FILE | cv FILE",
        help="a request's words to route, or an action and its labelled file (.csv or .xlsx)",
    )
    route.add_argument("--config", help="config file (default: JINYE_CONFIG)")
    route.add_argument("--keywords", help="keyword tables (YAML) instead of the config's")
    route.add_argument("--area", help="route: the requester's area id")
    route.add_argument("--site", help="route: the requester's site code")
    route.add_argument(
        "--no-barn",
        action="store_true",
        help="route: as from a retailer or staff member (停电 alone is not a barn's)",
    )
    route.add_argument(
        "--requester",
        choices=[kind.value for kind in Requester],
        help="route: as from a registered farmer, retailer or staff member (their words in "
        "routing.said_by count for its line; a retailer's or staff member's 停电 alone is "
        "not a barn's)",
    )
    route.add_argument("--json", action="store_true", help="route/eval/cv: print JSON")
    route.add_argument("--text-col", help="eval/learn/cv: text column (default: text)")
    route.add_argument("--label-col", help="eval/learn/cv: label column (default: label)")
    route.add_argument("--urgent-col", help="eval: 0/1 column of urgent requests")
    route.add_argument(
        "--misses", type=non_negative_int, help="eval: print up to N misrouted texts"
    )
    route.add_argument("-o", "--output", help="learn: where to write the keyword tables")
    route.add_argument("--max-words", type=positive_int, help="learn/cv: words per label (150)")
    route.add_argument(
        "--min-df", type=positive_int, help="learn/cv: a word's minimum ticket count (2)"
    )
    route.add_argument(
        "--folds",
        type=positive_int,
        help="cv: number of folds (5, or one per labelled row if fewer)",
    )
    # Options may come between an action and its file (route eval --keywords K.yaml FILE).
    route.set_defaults(func=cmd_route, words_anywhere="words")


def cmd_route(args: argparse.Namespace) -> int:
    action = args.words[0] if args.words[0] in ACTIONS and len(args.words) > 1 else "route"
    try:
        return _dispatch(args, action)
    except (UsageError, LedgerError) as exc:
        print(f"jinye110 route: error: {exc}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        return config_failed("route", exc)


def _dispatch(args: argparse.Namespace, action: str) -> int:
    _check_options(args, action)
    if action == "route":
        return _route(args, " ".join(args.words))
    if len(args.words) != 2:
        raise UsageError(f"route {action} takes one file, got {len(args.words) - 1}")
    from bot import cli_route_files

    run = {
        "eval": cli_route_files.run_eval,
        "learn": cli_route_files.run_learn,
        "cv": cli_route_files.run_cv,
    }[action]
    return run(args, args.words[1])


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
    from core.config_yaml import not_utf8
    from routing.keywords_yaml import KeywordsError, parse_keywords_yaml

    path = Path(args.keywords)
    try:
        return parse_keywords_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: {not_utf8(exc)}") from exc
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
    requester = Requester(args.requester) if args.requester else None
    barn = not args.no_barn and requester in (None, Requester.FARMER)
    decision = router.route(text, area=args.area, site=args.site, barn=barn, requester=requester)
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
