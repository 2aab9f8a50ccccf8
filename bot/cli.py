"""The `jinye110` command line: run the bot, the console demo, migrations, config checks,
routing tools, invites and reports."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bot import cli_core

# Each command module adds its subcommands; a module is imported only when present so
# that commands can be added one at a time.
_COMMAND_MODULES = (
    "bot.cli_route",
    "bot.cli_staff",
    "bot.cli_places",
    "bot.cli_reports",
    "bot.cli_scheduler",
    "bot.cli_run",
)
Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def _registrars() -> list[Registrar]:
    import importlib

    found: list[Registrar] = [cli_core.register]
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        found.append(module.register)
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jinye110", description="Telegram service desk for tobacco farmers and retailers"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _registrars():
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
