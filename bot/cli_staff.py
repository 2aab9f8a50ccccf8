"""`jinye110 invite` (one-time staff links with a QR code) and `jinye110 site-qr`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import segno

from bot.cli_errors import (
    DatabaseUnusable,
    cannot_write,
    config_failed,
    database_failed,
    with_database,
)
from bot.config_loader import load_config
from bot.settings import Settings
from core.clock import utc_now
from core.config import Config, ConfigError
from core.durations import format_duration, parse_lifetime
from core.enums import Role
from handlers.staff import INVITE_TTL, create_invite
from storage.uow import Database

QR_SUFFIXES = (".png", ".svg")
# Characters of the token in a default QR file name: 48 random bits, enough that two invites
# never share a name, few enough to read.
TOKEN_IN_NAME = 8


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    invite = sub.add_parser(
        "invite",
        help="a one-time, expiring staff invite link and QR code",
        description="Print a one-time staff invite link (a place in a team, or a supervisor's) "
        "and write its QR code. Whoever opens it first gets the place; it then works for nobody "
        "else. Needs jinye110 db upgrade first.",
    )
    invite.add_argument("--team", help="team id, or a service line id for that line's default team")
    invite.add_argument(
        "--role",
        choices=["member", "leader", "supervisor"],
        default="member",
        help="the place the link gives (default member); supervisor takes no --team",
    )
    invite.add_argument(
        "--ttl",
        default=format_duration(INVITE_TTL),
        help="how long the link works, with its unit: 12h, 2d, up to 365d (default %(default)s)",
    )
    invite.add_argument(
        "-o",
        "--output",
        help="QR code, .png or .svg (default invite-<team>-<role>-<token start>.png)",
    )
    invite.set_defaults(func=cmd_invite)
    site_qr = sub.add_parser(
        "site-qr",
        help="a QR code PNG for every site's site_<code> link",
        description="Write a QR code per site of the config, <code>.png, to post at the site: "
        "scanning it opens the bot with that site as the requester's place (a farmer's barn "
        "cluster, a retailer's district). Prints each site's code, name, link and file.",
    )
    site_qr.add_argument(
        "--out-dir",
        default="site-qr",
        help="folder for the PNGs, made if missing (default site-qr)",
    )
    site_qr.set_defaults(func=cmd_site_qr)


def deep_link(bot_username: str, payload: str) -> str:
    return f"https://t.me/{bot_username}?start={payload}"


def resolve_team(cfg: Config, name: str) -> str | None:
    """A team id as given, or the default team of a service line id."""
    if cfg.find_team(name) is not None:
        return name
    if any(line.id == name for line in cfg.service_lines):
        return cfg.default_team(name).id
    return None


def _fail(command: str, message: str) -> int:
    print(f"jinye110 {command}: {message}", file=sys.stderr)
    return 2


def _save_qr(link: str, path: Path) -> str | None:
    """Write the QR code; the reason it could not be written, else None."""
    try:
        segno.make(link, error="m").save(str(path), scale=8, border=2)
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror}"
    return None


def cmd_invite(args: argparse.Namespace) -> int:
    settings = Settings()
    try:
        cfg = load_config(settings.config)
        ttl = parse_lifetime(args.ttl)
    except ConfigError as exc:
        return config_failed("invite", exc)
    except ValueError as exc:
        return _fail("invite", f"--ttl: {exc}")
    role = Role(args.role)
    team_id = None
    if role is Role.SUPERVISOR:
        if args.team:
            return _fail(
                "invite", "--team does not apply to --role supervisor: supervisors see every team"
            )
    else:
        if not args.team:
            return _fail("invite", "--team is required for a member or leader invite")
        team_id = resolve_team(cfg, args.team)
        if team_id is None:
            return _fail("invite", f"--team: no team or service line '{args.team}'")
    stem = f"invite-{team_id}-{role.value}" if team_id else f"invite-{role.value}"
    # The default name holds the start of the token, known once the invite is made, so that
    # the next invite to the same team and role does not overwrite this one's QR code.
    output = Path(args.output or f"{stem}.png")
    # Checked before the invite exists, so that a refused output leaves no unused invite.
    if output.suffix.lower() not in QR_SUFFIXES:
        return _fail("invite", f"-o must end in .png or .svg, not {output.name!r}")
    if problem := cannot_write(output):
        return _fail("invite", f"-o: {problem}")

    async def make(db: Database) -> str:
        async with db.uow() as uow:
            invite = await create_invite(uow, team_id=team_id, role=role, now=utc_now(), ttl=ttl)
            await uow.commit()
        return invite.token

    try:
        token = with_database(settings.database_url, make)
    except DatabaseUnusable as exc:
        return database_failed("invite", exc)
    link = deep_link(settings.bot_username, f"join_{token}")
    if not args.output:
        output = Path(f"{stem}-{token[:TOKEN_IN_NAME]}.png")
    print(link)
    if problem := _save_qr(link, output):
        return _fail(
            "invite", f"the link above works, but its QR code could not be saved: {problem}"
        )
    print(f"QR code: {output} (one use, expires in {format_duration(ttl)})")
    return 0


def cmd_site_qr(args: argparse.Namespace) -> int:
    settings = Settings()
    try:
        cfg = load_config(settings.config)
    except ConfigError as exc:
        return config_failed("site-qr", exc)
    folder = Path(args.out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _fail("site-qr", f"--out-dir: cannot make folder {folder}: {exc.strerror}")
    if problem := cannot_write(folder / "site.png"):
        return _fail("site-qr", f"--out-dir: {problem}")
    for site in cfg.sites:
        link = deep_link(settings.bot_username, f"site_{site.code}")
        path = folder / f"{site.code}.png"
        if problem := _save_qr(link, path):
            return _fail("site-qr", f"--out-dir: {problem}")
        print(f"{site.code}\t{site.name}\t{link}\t{path}")
    return 0
