"""Durations in the config: readable forms, and the values no service desk can mean."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.calendar import AlwaysOn
from core.config import ConfigError, parse_config
from core.durations import parse_duration, parse_positive_duration
from core.sla import escalation_time
from tests.support.minimal_config import MINIMAL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15m", timedelta(minutes=15)),
        ("1h30m", timedelta(minutes=90)),
        ("365d", timedelta(365)),
        ("90", timedelta(seconds=90)),  # plain seconds, quoted in YAML or on a command line
        (" 2.5 ", timedelta(seconds=2.5)),
    ],
)
def test_readable_durations(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("99999d", "longer than 365d"),
        ("365d1s", "longer than 365d"),
        ("99999999999999999999d", "longer than 365d"),  # overflowed timedelta before
        (float("inf"), "not a duration"),
        (float("nan"), "not a duration"),
        (-60, "cannot be negative"),
    ],
)
def test_absurd_durations_are_refused(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_duration(value)


def test_zero_is_a_duration_but_not_a_positive_one() -> None:
    assert parse_duration("0m") == timedelta(0)
    with pytest.raises(ValueError, match="longer than zero"):
        parse_positive_duration("0m")


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("accept_within: 2h", "accept_within: 0m", "sla_policies[0].accept_within"),
        ("resolve_within: 1d", "resolve_within: 0s", "sla_policies[0].resolve_within"),
        ("repeat_every: 1h", "repeat_every: 0m", "ladders[0].repeat_every"),
        ("repeat_every: 1h", "repeat_every: 99999d", "ladders[0].repeat_every"),
        ("resolve_within: 1d", "resolve_within: 400d", "sla_policies[0].resolve_within"),
        ("{after: 0m,", "{after: 9999999999999999d,", "ladders[0].steps[0].after"),
    ],
)
def test_config_refuses_zero_and_absurd_durations_with_their_path(
    old: str, new: str, path: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(MINIMAL.replace(old, new))
    [error] = caught.value.errors
    assert error.startswith(f"{path}: ")


def test_a_ladder_step_may_still_fall_on_the_deadline() -> None:
    cfg = parse_config(MINIMAL)
    assert cfg.ladder("std").steps[0].after == timedelta(0)


def test_every_repeat_of_an_accepted_ladder_lies_later_than_the_one_before() -> None:
    # A repeat_every of zero kept the sweep's catch-up loop (core.sla.current_step) on the
    # same moment for ever; the refusal above is what keeps each repeat moving on.
    ladder = parse_config(MINIMAL).ladder("std")
    deadline = datetime(2026, 11, 18, tzinfo=UTC)
    times = [escalation_time(ladder, AlwaysOn(), deadline, step) for step in range(4)]
    assert times == sorted(set(times))
