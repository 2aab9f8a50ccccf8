"""The `jinye110` command line: run the bot, the console demo, migrations, config checks,
routing tools, invites and reports."""

from __future__ import annotations

import argparse
import os
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
    args = _parse(parser, argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        result: int = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
    except BrokenPipeError:
        return _reader_gone()
    return result


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """The command's arguments. A command whose words are free (`route eval FILE`, `route
    TEXT`) names them in `words_anywhere`: argparse fills such a list with the words before
    the first option only, and would refuse the rest (`route eval --keywords K.yaml FILE`),
    so the words after an option join them. An unknown option is refused as before."""
    args, extra = parser.parse_known_args(argv)
    into = getattr(args, "words_anywhere", None)
    if extra and into and not any(word.startswith("-") for word in extra):
        getattr(args, into).extend(extra)
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def _reader_gone() -> int:
    """The reader of stdout went away (`jinye110 invite ... | head -1`): stop quietly with
    the status of a process killed by SIGPIPE, as `yes | head` does, and point stdout at
    /dev/null so that the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is not a real file (tests capture it)
        pass
    return 141  # 128 + SIGPIPE


if __name__ == "__main__":
    sys.exit(main())
