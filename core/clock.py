"""The wall clock: the aware UTC time every stored timestamp is written in."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)
