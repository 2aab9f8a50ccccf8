"""`jinye110 staff list` (who holds which staff place) and `jinye110 staff remove` (take
away the places someone joined with an invite)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.bootstrap import utc_now
from bot.cli_errors import DatabaseUnusable, database_failed, with_database
from bot.cli_staff import resolve_team
from bot.config_loader import load_config
from bot.settings import Settings
from core.config import Config, ConfigError
from handlers.staff_places import Place, Removal, places, remove_places
from storage.uow import Database, SqlUnitOfWork

T = TypeVar("T")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    staff = sub.add_parser("staff", help="who holds which staff place; remove an invite's place")
    actions = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every staff place: team, role, duty, source")
    listing.add_argument("--team", help="one team (or a service line's default team)")
    listing.set_defaults(func=cmd_list)
    remove = actions.add_parser(
        "remove", help="take away the places a person joined with an invite, and tell them"
    )
    remove.add_argument("user_id", type=int, help="the person's Telegram user id")
    remove.add_argument("--team", help="only this team's place (default: every place they hold)")
    remove.set_defaults(func=cmd_remove)


def cmd_list(args: argparse.Namespace) -> int:
    found = _run("staff list", args, lambda uow, cfg, team: places(uow, cfg, team))
    if isinstance(found, int):
        return found
    if not found:
        where = f" in team {args.team}" if args.team else ""
        # The config's leaders and members are written in when the bot first starts.
        print(f"no staff places{where} yet (the config's are added when the bot starts)")
        return 0
    print("team\trole\tuser\tname\ton duty\tfrom\tnote")
    for place in found:
        print(_line(place))
    return 0


def _line(place: Place) -> str:
    notes = []
    if not place.team_in_config:
        notes.append("team no longer in the config: the place does nothing")
    if not place.reachable:
        notes.append("has blocked the bot")
    return "\t".join(
        [
            place.team_id or "(supervisor)",
            place.role.value,
            str(place.user_id),
            place.name or "-",
            "yes" if place.on_duty else "no",
            "config" if place.from_config else "invite",
            "; ".join(notes),
        ]
    )


def cmd_remove(args: argparse.Namespace) -> int:
    async def work(uow: SqlUnitOfWork, cfg: Config, team: str | None) -> Removal:
        done = await remove_places(uow, cfg, args.user_id, team_id=team, now=utc_now())
        await uow.commit()
        return done

    result = _run("staff remove", args, work)
    if isinstance(result, int):
        return result
    for membership in result.removed:
        print(f"removed: {membership.team_id or '(supervisor)'} {membership.role.value}")
    for membership in result.listed:
        print(
            f"kept: {membership.team_id} {membership.role.value} is listed in the config; "
            "take the person out of the team's list there (the next start removes it)",
            file=sys.stderr,
        )
    if result.configured_overseer:
        print(
            "kept: the config lists them among supervisors or admins; take them out there",
            file=sys.stderr,
        )
    if result.removed:
        print(f"{args.user_id} has been told, in their own chat")
        return 0
    if not (result.listed or result.configured_overseer):
        where = f" in team {args.team}" if args.team else ""
        print(f"{args.user_id} holds no staff place{where}", file=sys.stderr)
    return 1


def _run(
    command: str,
    args: argparse.Namespace,
    work: Callable[[SqlUnitOfWork, Config, str | None], Awaitable[T]],
) -> T | int:
    """`work` in one unit of work, with the config and the team id `--team` names; an exit
    status instead when the config, `--team` or the database is unusable."""
    settings = Settings()
    try:
        cfg = load_config(settings.config)
    except ConfigError as exc:
        print("\n".join(exc.errors), file=sys.stderr)
        return 2
    # A team no longer in the config may still have invite places to see and take away.
    team = (resolve_team(cfg, args.team) or args.team) if args.team else None

    async def go(db: Database) -> T:
        async with db.uow() as uow:
            return await work(uow, cfg, team)

    try:
        return with_database(settings.database_url, go)
    except DatabaseUnusable as exc:
        return database_failed(command, exc)
