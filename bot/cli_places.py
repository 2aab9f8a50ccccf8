"""`jinye110 staff list` (who holds which staff place) and `jinye110 staff remove` (take
away the places someone joined with an invite)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.cli_errors import DatabaseUnusable, config_failed, database_failed, with_database
from bot.cli_staff import resolve_team
from bot.config_loader import load_config
from bot.settings import Settings
from core.clock import utc_now
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
    async def work(uow: SqlUnitOfWork, cfg: Config, team: str | None) -> tuple[list[Place], bool]:
        return await places(uow, cfg, team), _in_config(cfg, team)

    result = _run("staff list", args, work)
    if isinstance(result, int):
        return result
    found, in_config = result
    if not found and not in_config:
        # Most likely mistyped: refused as `invite --team` refuses it, for scripts too.
        print(
            f"jinye110 staff list: --team: no team or service line '{args.team}' in the config, "
            "and no staff place held in it",
            file=sys.stderr,
        )
        return 2
    if not found:
        where = f" in team {args.team}" if args.team else ""
        # The config's leaders and members are written in when the bot first starts.
        print(f"no staff places{where} yet (the config's are added when the bot starts)")
        return 0
    print("team\trole\tuser\tname\ton duty\tfrom\tnote")
    for place in found:
        print(_line(place))
    return 0


def _in_config(cfg: Config, team: str | None) -> bool:
    """Whether `--team` (resolved) names a team of the config; no `--team` counts as one."""
    return team is None or cfg.find_team(team) is not None


def _line(place: Place) -> str:
    notes = []
    if not place.team_in_config:
        notes.append("team no longer in the config: the place does nothing")
    if not place.reachable:
        # Telegram refuses both alike: a person who blocked the bot and one who never
        # opened a private chat with it.
        notes.append("cannot be written to privately (blocked the bot or never wrote to it)")
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
    async def work(
        uow: SqlUnitOfWork, cfg: Config, team: str | None
    ) -> tuple[Removal, list[Place] | None]:
        done = await remove_places(uow, cfg, args.user_id, team_id=team, now=utc_now())
        # A team gone from the config: the places still there, should the id be wrong.
        left = None if _in_config(cfg, team) else await places(uow, cfg, team)
        await uow.commit()
        return done, left

    outcome = _run("staff remove", args, work)
    if isinstance(outcome, int):
        return outcome
    result, left = outcome
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
        print(_holds_none(args.user_id, args.team, left), file=sys.stderr)
    return 1


def _holds_none(user_id: int, team: str | None, left: list[Place] | None) -> str:
    """Why nothing was removed; for a team not in the config, who holds its places."""
    if team is None:
        return f"{user_id} holds no staff place"
    if left is None:
        return f"{user_id} holds no staff place in team {team}"
    held = ", ".join(f"{place.user_id} ({place.role.value})" for place in left)
    return f"{user_id} holds no staff place in team {team}, which is not in the config" + (
        f"; its places are held by {held}" if held else " and holds no places"
    )


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
        return config_failed(command, exc)
    # A team no longer in the config may still have invite places to see and take away.
    team = (resolve_team(cfg, args.team) or args.team) if args.team else None

    async def go(db: Database) -> T:
        async with db.uow() as uow:
            return await work(uow, cfg, team)

    try:
        return with_database(settings.database_url, go)
    except DatabaseUnusable as exc:
        return database_failed(command, exc)
