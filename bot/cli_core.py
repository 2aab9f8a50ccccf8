"""Core commands: check-config and db upgrade."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime

from alembic.script.revision import ResolutionError
from alembic.util import CommandError

from bot.cli_errors import DatabaseUnusable, database_failed, redact, using_database
from bot.config_loader import load_config
from bot.settings import Settings
from core.calendar import official_schedule_known
from core.config import Config, ConfigError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser(
        "check-config",
        help="validate a YAML config file",
        description="Validate the bureau's YAML config (and the files it includes): one line "
        "with its bureau and counts when it is valid (exit 0), else every problem, one a line, "
        "with its file and path (exit 2).",
    )
    check.add_argument("file", nargs="?", help="config file (default: JINYE_CONFIG)")
    check.set_defaults(func=cmd_check_config)

    db = sub.add_parser("db", help="database migrations")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_sub.add_parser("upgrade", help="migrate the database to the newest schema")
    upgrade.add_argument(
        "revision", nargs="?", default="head", help="the revision to reach (default: the newest)"
    )
    upgrade.set_defaults(func=cmd_db_upgrade)
    current = db_sub.add_parser("current", help="show the database's schema revision")
    current.set_defaults(func=cmd_db_current)


def cmd_check_config(args: argparse.Namespace) -> int:
    path = args.file or Settings().config
    try:
        cfg = load_config(path)
    except ConfigError as exc:
        for line in exc.errors:
            print(line, file=sys.stderr)
        print(f"{path}: {len(exc.errors)} error(s)", file=sys.stderr)
        return 2
    print(
        f"{path}: OK — {cfg.bureau}: {len(cfg.service_lines)} service lines, "
        f"{len(cfg.teams)} teams, {len(cfg.areas)} areas, {len(cfg.sites)} sites"
    )
    for year in schedule_unknown(cfg, datetime.now(cfg.zone).date()):
        print(
            f"{path}: note — {year}'s days off and 调休 working days are not known to the "
            f"calendar packages yet: deadlines that year count weekends and statutory holidays "
            f"only. Once the State Council's notice is out, list them under working_days "
            f"(holidays, workdays), or update chinesecalendar."
        )
    return 0


def schedule_unknown(cfg: Config, today: date) -> list[int]:
    """The years whose official schedule nobody gave the desk: this one, and from October
    (when the State Council publishes it) the next, unknown to the calendar packages and
    with none of their 调休 working days in the config's `working_days` (every year's notice
    has some; a day off alone may be a local one, which says nothing of the notice)."""
    years = [today.year, today.year + 1] if today.month >= 10 else [today.year]
    given = {day.year for day in cfg.working_days.workdays}
    return [y for y in years if y not in given and not official_schedule_known(y)]


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from storage.migrate import current, upgrade

    url = Settings().database_url

    def migrate() -> str | None:
        upgrade(url, args.revision)
        return current(url)

    try:
        reached = using_database(url, migrate, migrated=False)
    except DatabaseUnusable as exc:
        return database_failed("db upgrade", exc)
    except CommandError as exc:  # Alembic found no such revision before changing anything
        print(f"jinye110 db upgrade: {_revision_refused(args.revision, exc)}", file=sys.stderr)
        return 2
    line = f"database at {redact(url)} is at revision {reached}"
    # Alembic upgrades only: a database already past the revision asked stays where it is.
    if args.revision in _revisions() and reached != args.revision:
        line += f" (asked for {args.revision}; db upgrade never goes back)"
    print(line)
    return 0


def _revision_refused(asked: str, exc: CommandError) -> str:
    """One line for a revision Alembic could not resolve."""
    revisions = _revisions()
    cause = exc.__cause__
    # Alembic names the revision it could not find: the one asked, or the one the database
    # is stamped with (a newer release's, rolled back from), which its own words name.
    unknown = isinstance(cause, ResolutionError) and cause.argument == asked
    if unknown and not any(revision.startswith(asked) for revision in revisions):
        return f"no revision {asked!r}; the newest is {revisions[0]}"
    # Ambiguous, a relative step that goes nowhere, or the database's own revision unknown:
    # Alembic's own error says which.
    return str(cause or exc)


def _revisions() -> list[str]:
    """The migrations' revision ids, newest first."""
    from alembic.script import ScriptDirectory

    from storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config(""))
    return [revision.revision for revision in script.walk_revisions()]


def cmd_db_current(args: argparse.Namespace) -> int:
    from storage.migrate import current

    url = Settings().database_url
    try:
        # Asking which revision a database is at must not leave an empty file behind.
        revision = using_database(url, lambda: current(url), migrated=False, exists=True)
    except DatabaseUnusable as exc:
        return database_failed("db current", exc)
    print(revision or "(empty database)")
    return 0
