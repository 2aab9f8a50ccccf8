"""`jinye110 COMMAND --help`: every option explained, the examples an admin copies one a line."""

from __future__ import annotations

import argparse
from argparse import ArgumentParser
from collections.abc import Iterator

import pytest

from bot.cli import build_parser, main


@pytest.mark.parametrize("command", ["report", "route", "scheduler"])
def test_help_keeps_each_example_on_its_own_line(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    lines = capsys.readouterr().out.splitlines()
    examples = [line for line in lines if "jinye110 " + command in line]
    assert len(examples) >= 2
    assert all(line.lstrip().count("jinye110 ") == 1 for line in examples)


def _parsers(parser: argparse.ArgumentParser, name: str) -> Iterator[tuple[str, ArgumentParser]]:
    """`parser` and every command under it, each with the words that run it."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def test_every_option_of_every_command_says_what_it_is() -> None:
    unexplained = [
        f"{name} {action.option_strings or action.dest}"
        for name, parser in _parsers(build_parser(), "jinye110")
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction | argparse._HelpAction)
        and not action.help
    ]
    assert unexplained == []


def test_demo_help_tells_how_to_act_as_the_other_people(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    shown = capsys.readouterr().out
    for command in (
        ":as NAME",
        ":who",
        ":press N",
        ":later MIN",
        ":quit",
        "wish-member",
        "growing-member",
        "purchase-member",
    ):
        assert command in shown
