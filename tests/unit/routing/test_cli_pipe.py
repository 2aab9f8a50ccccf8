"""`jinye110 route ... | head`: a reader that goes away ends the command quietly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.cli import main
from tests.conftest import DEMO_CONFIG, ROOT
from tests.support.closed_pipe import ClosedPipe


def test_a_closed_stdout_ends_route_with_the_sigpipe_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    code = main(["route", "烤房停电了", "--json", "--config", str(DEMO_CONFIG)])
    assert code == 141
    assert capsys.readouterr().err == ""


def test_piping_route_json_into_a_closed_reader_prints_no_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "route", "烤房停电了", "--json",
         "--config", str(DEMO_CONFIG)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the router has printed anything
    err = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipeError" not in err
