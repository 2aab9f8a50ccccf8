"""`jinye110 scheduler`'s options: read with the same parsing as the config and the other
commands, refused with argparse's usage line and exit code 2 before anything starts."""

from __future__ import annotations

import pytest

from bot.cli import build_parser, main
from tests.conftest import DEMO_CONFIG


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--sweep-every", "0"], "argument --sweep-every: must be longer than zero, not '0'"),
        (["--sweep-every", "0s"], "argument --sweep-every: must be longer than zero, not '0s'"),
        (["--sweep-every", "-5"], "argument --sweep-every: not a duration: '-5'"),
        (["--sweep-every", "soon"], "argument --sweep-every: not a duration: 'soon'"),
        (["--sweep-every", "400d"], "argument --sweep-every: duration '400d' is longer than 365d"),
        (["--batch", "0"], "argument --batch: must be 1 or more, not 0"),
        (["--batch", "ten"], "argument --batch: not a whole number: 'ten'"),
    ],
)
def test_bad_sweep_period_or_batch_gets_the_shared_message_and_exit_code_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["scheduler", "--once", "--config", str(DEMO_CONFIG), *argv])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: jinye110 scheduler")
    assert f"jinye110 scheduler: error: {message}" in err


@pytest.mark.parametrize(
    ("value", "seconds"), [("10", 10.0), ("10s", 10.0), ("1m", 60.0), ("0.5", 0.5)]
)
def test_the_sweep_period_takes_plain_seconds_or_a_duration(value: str, seconds: float) -> None:
    args = build_parser().parse_args(["scheduler", "--sweep-every", value, "--batch", "5"])
    assert args.sweep_every.total_seconds() == seconds
    assert args.batch == 5
