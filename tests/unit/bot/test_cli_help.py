"""`jinye110 COMMAND --help`: the examples an admin copies stay one a line."""

from __future__ import annotations

import pytest

from bot.cli import main


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
