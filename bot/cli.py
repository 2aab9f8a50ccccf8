"""The `jinye110` command line: run the bot, the console demo, migrations, config checks,
routing tools, invites and reports."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bot import cli_core

# Each command module adds its subcommands; a module is imported only when present so
# that commands can be added one at a time.
_REGISTRARS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    cli_core.register,
]


def _optional_registrars() -> None:
    import importlib

    for name in ("bot.cli_route", "bot.cli_staff", "bot.cli_reports", "bot.cli_run"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        _REGISTRARS.append(module.register)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jinye110", description="Telegram service desk for tobacco farmers and retailers"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _optional_registrars()
    for register in _REGISTRARS:
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
