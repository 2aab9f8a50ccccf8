"""Human durations in config files and options: "90s", "15m", "4h", "2d", "1h30m" or plain
seconds ("90")."""

from __future__ import annotations

import math
import re
from datetime import timedelta

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])")
_SECONDS = re.compile(r"\d+(?:\.\d+)?")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

# No deadline, ladder or link in a service desk runs for more than a year; anything longer
# is a slip of the keyboard (99999d), and a huge one would overflow datetime arithmetic
# when a deadline is computed, long after the config was accepted.
MAX_DURATION = timedelta(days=365)


def parse_duration(value: object) -> timedelta:
    """Parse a config duration; raise ValueError with a readable message otherwise."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool):
        raise ValueError(f"not a duration: {value!r}")
    if isinstance(value, int | float):
        return _bounded(float(value), value)
    if not isinstance(value, str):
        raise ValueError(f"not a duration: {value!r}")
    text = value.strip().lower().replace(" ", "")
    if not text:
        raise ValueError("empty duration")
    if _SECONDS.fullmatch(text):
        # A plain number is seconds, written as text too: a quoted "90" in YAML, or a
        # command-line option (`jinye110 scheduler --sweep-every 10`).
        return _bounded(float(text), value)
    pos = 0
    total = 0.0
    for match in _PART.finditer(text):
        if match.start() != pos:
            break
        total += float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
        pos = match.end()
    if pos != len(text):
        raise ValueError(f"not a duration: {value!r} (use e.g. 15m, 4h, 2d, 1h30m)")
    return _bounded(total, value)


def _bounded(seconds: float, value: object) -> timedelta:
    if not math.isfinite(seconds):
        raise ValueError(f"not a duration: {value!r}")
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {value!r}")
    if seconds > MAX_DURATION.total_seconds():
        raise ValueError(f"duration {value!r} is longer than 365d")
    return timedelta(seconds=seconds)


def parse_positive_duration(value: object) -> timedelta:
    """A duration that must not be zero: a deadline, or a period something repeats at."""
    delta = parse_duration(value)
    if not delta:
        raise ValueError(f"must be longer than zero, not {value!r}")
    return delta


def parse_lifetime(value: str) -> timedelta:
    """A positive duration that must name its unit (an invite's --ttl): there a bare number
    is meant as days far more often than as seconds, and `--ttl 7` would make a link that
    dies before anyone opens it."""
    text = value.strip()
    if _SECONDS.fullmatch(text):
        raise ValueError(f"{value!r} has no unit: write {text}d for days, {text}h for hours")
    return parse_positive_duration(value)


def format_duration(delta: timedelta) -> str:
    """Short form of a duration for messages: 2d3h, 45m, 30s."""
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return f"{seconds}s"
    days, rem = divmod(seconds, 86400)
    hours, rem = divmod(rem, 3600)
    minutes = rem // 60
    parts = [
        f"{days}d" if days else "",
        f"{hours}h" if hours else "",
        f"{minutes}m" if minutes else "",
    ]
    return "".join(parts)
