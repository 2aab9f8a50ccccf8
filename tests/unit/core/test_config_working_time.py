"""A business calendar's durations must fit in a year's working days: on short business
hours, a duration the file otherwise allows (up to 365d) would put deadlines decades away."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core import sla
from core.config import Config, ConfigError, parse_config
from core.enums import Kind, Priority, Status
from core.model import Ticket
from tests.support.minimal_config import MINIMAL

HALF_HOUR_DAY = "bureau: 测试局\nbusiness_hours: [{start: '08:00', end: '08:30'}]"
RULE = (
    "on a business calendar at most a year's working days: 248 × 0.5h = 124h "
    "(business_hours make 0.5h one working day)"
)


def ticket_for_sla(cfg: Config, filed: datetime) -> Ticket:
    made = Ticket(
        kind=Kind.REQUEST,
        priority=Priority.NORMAL,
        text="测试",
        requester_id=1,
        requester_chat_id=1,
        line="curing",
        team_id="t1",
        created_at=filed,
        status=Status.DISPATCHED,
        id=7,
    )
    sla.set_initial_deadlines(cfg, made, filed)
    sla.schedule_next(cfg, made)
    return made


def short_day(*replacements: tuple[str, str]) -> str:
    text = MINIMAL.replace("bureau: 测试局", HALF_HOUR_DAY)
    for old, new in replacements:
        text = text.replace(old, new)
    return text


def test_a_deadline_beyond_a_year_of_short_working_days_is_refused_with_the_reason() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(short_day(("resolve_within: 1d", "resolve_within: 365d")))
    assert caught.value.errors == [
        f"sla_policies[0].resolve_within: 365d of working time is 17520 working days; {RULE}"
    ]


def test_a_ladder_repeating_beyond_a_year_of_working_days_is_refused() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(short_day(("repeat_every: 1h", "repeat_every: 200h")))
    assert caught.value.errors == [
        "sla_policies[0].ladder: ladder 'std' repeats 200h of working time after the "
        f"deadline (its last step's after + repeat_every), 400 working days; {RULE}"
    ]


def test_a_call_back_window_beyond_a_year_of_working_days_is_refused() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(short_day() + "auto_close: {callback_within: 200h}\n")
    assert caught.value.errors == [
        f"auto_close.callback_within: 8d8h of working time is 400 working days; {RULE}"
    ]


def test_the_same_durations_on_a_24x7_calendar_or_normal_hours_are_accepted() -> None:
    parse_config(
        short_day(
            ("resolve_within: 1d", "resolve_within: 365d"), ("business, ladder", "24x7, ladder")
        )
    )
    parse_config(MINIMAL.replace("resolve_within: 1d", "resolve_within: 70d"))  # 240 days of 7h


def test_every_deadline_of_an_accepted_config_can_be_computed() -> None:
    # The longest a check allows: a year's working days, from any day of the calendar.
    cfg = parse_config(short_day(("resolve_within: 1d", "resolve_within: 124h")))
    ticket = ticket_for_sla(cfg, datetime(2026, 12, 31, 9, tzinfo=UTC))
    assert ticket.resolve_due_at is not None
    assert ticket.resolve_due_at.year == 2027


def test_a_ladder_repeated_for_more_than_ten_years_still_schedules() -> None:
    # A ticket left dispatched for years: its next repeat lies over ten years after the
    # deadline. Scheduling it raised ValueError, so every sweep failed on it.
    cfg = parse_config(MINIMAL)
    ticket = ticket_for_sla(cfg, datetime(2026, 1, 5, 1, tzinfo=UTC))
    assert ticket.status is Status.DISPATCHED
    ticket.escalation_step = 7 * 250 * 11  # hourly repeats, eleven years of 7h days
    sla.schedule_next(cfg, ticket)
    assert ticket.next_action_at is not None and ticket.next_action_at.year >= 2037
