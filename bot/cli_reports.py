"""`jinye110 report`: the ledger (台账) as a file and the rates on the terminal.

    jinye110 report ledger --from 2026-11-01 --to 2026-11-15 -o 台账.xlsx   (or .csv)
    jinye110 report ledger --period 上个烘烤季 -o 台账.xlsx
    jinye110 report ledger --period lastmonth --format csv -o out/   (out/台账_<days>.csv)
    jinye110 report stats [--period today|week|month|lastweek|season|2026-11] [--chart FILE.png]

Dates are days in the bureau's time zone, both ends included, from 2000-01-01 to 2099-12-31.
A period is what a supervisor types after /stats: today, week, lastweek, month, lastmonth,
quarter, lastquarter, season (this curing season, 本烘烤季), lastseason (上个烘烤季),
2026-11, 2026-11-18, 2026-11-01..2026-11-15, 2025年烘烤季, or the Chinese a chat uses
(上上上周, 上个月, 10-12月, 第48周, 近7天, 这两天, 前三天, 11-1到11-15, 国庆; a period not
read is refused with the list of the forms read).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from bot.cli_errors import (
    DatabaseUnusable,
    cannot_write,
    config_failed,
    database_failed,
    with_database,
)
from bot.config_loader import load_config
from bot.settings import Settings
from core.config import Config, ConfigError
from storage.uow import Database

if TYPE_CHECKING:
    from reports.periods import Window


class UsageError(Exception):
    """Bad input from the operator: one line on stderr, exit code 2."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser(
        "report",
        help="the ledger (台账) and the rates",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,  # keep the examples one a line
    )
    actions = report.add_subparsers(dest="report_command", metavar="ACTION", required=True)

    ledger = actions.add_parser("ledger", help="write the ledger for a date range to a file")
    ledger.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="the first day")
    ledger.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="the last day (included)")
    ledger.add_argument(
        "--period", help="instead of --from/--to: week, lastmonth, season, 上上上周, 10-12月, ..."
    )
    ledger.add_argument(
        "-o",
        "--output",
        default=".",
        metavar="FILE.xlsx|FILE.csv|FOLDER",
        help="the file to write: .xlsx (台账, 汇总, 心愿清单) or .csv (台账); or a folder "
        "(default: this one) to write it in, named with its days as /ledger names it "
        "(台账_2026-11-01_2026-11-15.xlsx)",
    )
    ledger.add_argument(
        "--format",
        choices=("xlsx", "csv"),
        help="with a folder for -o: the file's format (default xlsx)",
    )
    _common(ledger)
    ledger.set_defaults(func=cmd_ledger)

    stats = actions.add_parser("stats", help="print the rates by team (and draw the chart)")
    stats.add_argument(
        "--period", default="week", help="today, week, season, 近7天, 第48周, ... (default week)"
    )
    stats.add_argument("--chart", metavar="FILE.png", help="also write the chart as PNG")
    _common(stats)
    stats.set_defaults(func=cmd_stats)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", help="config file (default: JINYE_CONFIG)")
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DDTHH:MM",
        help="report as of this earlier local time instead of now: deadlines judged then, "
        "and nothing that happened later counted (to redo an old report)",
    )


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config or Settings().config)


def _now(args: argparse.Namespace, cfg: Config) -> datetime:
    from reports.periods import EARLIEST, LATEST

    now = datetime.now(UTC)
    if not args.as_of:
        return now
    try:
        local = datetime.fromisoformat(args.as_of)
    except ValueError:
        raise UsageError(f"--as-of: not a date and time: {args.as_of!r}") from None
    # The periods around it must fit too, and year 1 or 9999 would not fit a UTC datetime.
    if not EARLIEST <= local.date() <= LATEST:
        raise UsageError(f"--as-of: {args.as_of!r} is not between {EARLIEST} and {LATEST}")
    if local.tzinfo is None:
        local = local.replace(tzinfo=cfg.zone)
    # A time to come would judge deadlines that have not passed as missed (超时, 响应0%).
    if local > now:
        shown = f"{now.astimezone(cfg.zone):%Y-%m-%dT%H:%M}"
        raise UsageError(
            f"--as-of: {args.as_of!r} is later than now ({shown}); it redoes a past report"
        )
    return local.astimezone(UTC)


def _fail(command: str, exc: UsageError) -> int:
    print(f"jinye110 report {command}: {exc}", file=sys.stderr)
    return 2


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from exc


def _ledger_window(args: argparse.Namespace, cfg: Config, now: datetime) -> Window:
    """The days of --from/--to, or of --period; one or the other, not both. Days that have
    not begun are refused either way, as /ledger refuses them."""
    from reports.periods import PeriodError, begun, days, parse, parse_day

    dates = args.first is not None or args.last is not None
    if dates == (args.period is not None):
        raise UsageError("give either --from and --to, or --period")
    if dates and (args.first is None or args.last is None):
        raise UsageError("--from and --to go together")
    try:
        if args.period is not None:
            return parse(args.period, now, cfg.zone, cfg.curing_season)
        window = days(parse_day(args.first), parse_day(args.last), cfg.zone)
        return begun(window, now, cfg.zone, f"{args.first}..{args.last}")
    except PeriodError as exc:
        raise UsageError(str(exc)) from exc


def _output(args: argparse.Namespace) -> tuple[Path, str]:
    """Where -o says to write, and in which format: its file's ending, or --format for a
    folder."""
    output = Path(args.output)
    if output.is_dir():
        return output, args.format or "xlsx"
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("xlsx", "csv"):
        raise UsageError(f"-o must end in .xlsx or .csv, or be a folder, not {output.name!r}")
    if args.format is not None and args.format != fmt:
        raise UsageError(f"--format {args.format} does not match -o {output.name!r}")
    return output, fmt


def cmd_ledger(args: argparse.Namespace) -> int:
    from reports import ledger_files

    try:
        output, fmt = _output(args)
        cfg = _config(args)
        now = _now(args, cfg)
        window = _ledger_window(args, cfg, now)
        if output.is_dir():
            # A CSV has no title line to say its period (`ledger_files.csv_bytes`): the name
            # the file is given says it.
            output /= ledger_files.period_filename(window, cast(ledger_files.Format, fmt))

        async def export(db: Database) -> bytes:
            format_ = cast(ledger_files.Format, fmt)
            return (await ledger_files.export(db, cfg, window, now, format_))[1]

        if problem := cannot_write(output):
            raise UsageError(problem)
        content = with_database(Settings().database_url, export)
        _write(output, content)
    except UsageError as exc:
        return _fail("ledger", exc)
    except ConfigError as exc:
        return config_failed("report ledger", exc)
    except DatabaseUnusable as exc:
        return database_failed("report ledger", exc)
    print(f"{output}: ledger {window.label} written ({len(content):,} bytes)")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from reports.periods import PeriodError, parse
    from reports.stats import Stats, build_stats

    try:
        if args.chart and not args.chart.lower().endswith(".png"):
            raise UsageError(f"--chart must end in .png, not {args.chart!r}")
        cfg = _config(args)
        now = _now(args, cfg)
        try:
            # a mistyped period is told before the database
            parse(args.period, now, cfg.zone, cfg.curing_season)
        except PeriodError as exc:
            raise UsageError(str(exc)) from exc
        if args.chart and (problem := cannot_write(Path(args.chart))):
            raise UsageError(problem)

        async def compute(db: Database) -> Stats:
            return await build_stats(db, cfg, args.period, now)

        stats = with_database(Settings().database_url, compute)
        print(stats.text)
        if args.chart:
            _write(Path(args.chart), stats.chart_png)
            print(f"chart written to {args.chart}")
    except UsageError as exc:
        return _fail("stats", exc)
    except ConfigError as exc:
        return config_failed("report stats", exc)
    except DatabaseUnusable as exc:
        return database_failed("report stats", exc)
    return 0
