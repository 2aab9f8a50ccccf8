"""The sweep's decision for one ticket, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core import sla
from core.config import Config
from core.enums import Action, Kind, Priority, Status
from core.model import Ticket
from scheduler.plan import (
    ChaseCallback,
    Close,
    Escalate,
    Postpone,
    RemindRequester,
    Reschedule,
    Rung,
    Wait,
    plan,
    quiet_until,
)

SH = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SH).astimezone(UTC)


def ticket(cfg: Config, filed: datetime, *, urgent: bool = False, line: str = "ordering") -> Ticket:
    made = Ticket(
        kind=Kind.EMERGENCY if urgent else Kind.REQUEST,
        priority=Priority.URGENT if urgent else Priority.NORMAL,
        text="测试",
        requester_id=1,
        requester_chat_id=1,
        line=line,
        team_id=cfg.default_team(line).id,
        created_at=filed,
        status=Status.DISPATCHED,
        id=7,
    )
    sla.set_initial_deadlines(cfg, made, filed)
    sla.schedule_next(cfg, made)
    return made


def test_the_first_step_when_the_accept_deadline_passes(demo_config: Config) -> None:
    made = ticket(demo_config, at("2026-11-18 09:00"))  # accept due 11:00
    assert plan(demo_config, made, at("2026-11-18 10:59")) == Reschedule()
    assert plan(demo_config, made, at("2026-11-18 11:00")) == Escalate(
        "accept", at("2026-11-18 11:00"), 0, "remind_team", 0
    )


def test_after_downtime_each_rung_passed_is_taken_with_the_latest(demo_config: Config) -> None:
    made = ticket(demo_config, at("2026-11-18 09:00"))
    made.escalation_step = 1  # the team was reminded at 11:00
    # Working time from 11:00: +1h leader at 12:00, +4h supervisors at 17:00 (after the
    # lunch break), +11h the first repeat on Thursday 17:00. The leaders' rung was passed
    # on the way: it is taken first.
    leaders = (Rung(1, "alert_leader"),)
    assert plan(demo_config, made, at("2026-11-19 16:59")) == Escalate(
        "accept", at("2026-11-18 11:00"), 2, "alert_supervisors", 0, leaders
    )
    # Past the last rung, its repeats are not taken one by one: the newest stands for them.
    step = plan(demo_config, made, at("2026-11-19 17:00"))
    assert step == Escalate("accept", at("2026-11-18 11:00"), 3, "alert_supervisors", 1, leaders)
    assert isinstance(step, Escalate)
    assert step.rungs == (*leaders, Rung(3, "alert_supervisors", 1))
    made.escalation_step = 3
    step = plan(demo_config, made, at("2026-11-23 17:00"))
    assert isinstance(step, Escalate) and step.earlier == () and step.step > 3
    assert step.missed == step.step - 3


def test_a_ticket_never_chased_takes_every_rung_due_in_order(demo_config: Config) -> None:
    made = ticket(demo_config, at("2026-11-18 09:00"))  # accept due 11:00
    step = plan(demo_config, made, at("2026-11-18 12:00"))
    assert isinstance(step, Escalate)
    assert step.rungs == (Rung(0, "remind_team"), Rung(1, "alert_leader"))


def test_the_resolve_phase_chases_the_resolve_deadline(demo_config: Config) -> None:
    made = ticket(demo_config, at("2026-11-18 09:00"))
    made.status = Status.ACCEPTED
    assert made.resolve_due_at is not None
    step = plan(demo_config, made, made.resolve_due_at + timedelta(minutes=1))
    assert step == Escalate("resolve", made.resolve_due_at, 0, "remind_team", 0)


@pytest.mark.parametrize(
    ("urgent", "wait", "clock", "until"),
    [
        (False, "waiting", "2026-11-18 23:30", "2026-11-19 07:00"),
        (False, "waiting", "2026-11-19 06:59", "2026-11-19 07:00"),
        (False, "waiting", "2026-11-19 07:00", None),
        (False, "waiting", "2026-11-18 21:59", None),
        (False, "waiting", "2026-11-18 22:00", "2026-11-19 07:00"),
        (True, "waiting", "2026-11-18 23:30", None),  # the team needs the answer now
        (True, "resolved", "2026-11-18 23:30", "2026-11-19 07:00"),  # a rating can wait
    ],
)
def test_quiet_hours(
    demo_config: Config, urgent: bool, wait: Wait, clock: str, until: str | None
) -> None:
    made = ticket(demo_config, at("2026-11-18 09:00"), urgent=urgent)
    expected = at(until) if until else None
    assert quiet_until(demo_config, made, at(clock), wait) == expected


def resolved(cfg: Config, when: datetime, *, urgent: bool = False) -> Ticket:
    made = ticket(cfg, when - timedelta(hours=2), urgent=urgent)
    made.status, made.resolved_at, made.escalation_step = Status.RESOLVED, when, 0
    sla.schedule_next(cfg, made)
    return made


def test_a_resolved_ticket_asks_the_requester_then_closes(demo_config: Config) -> None:
    made = resolved(demo_config, at("2026-11-18 10:00"))
    close_at = at("2026-11-21 10:00")
    assert made.next_action_at == at("2026-11-19 10:00")
    assert plan(demo_config, made, at("2026-11-19 10:00")) == RemindRequester(
        "resolved", at("2026-11-18 10:00"), close_at
    )
    made.escalation_step = 1
    assert plan(demo_config, made, at("2026-11-20 10:00")) == Reschedule()
    assert plan(demo_config, made, close_at) == Close(
        "resolved", Action.AUTO_CLOSE, at("2026-11-18 10:00"), close_at, reminded=True
    )


def test_a_confirm_reminder_due_at_night_waits_even_for_a_110_call(demo_config: Config) -> None:
    night, morning = at("2026-11-19 23:00"), at("2026-11-20 07:00")
    ordinary = resolved(demo_config, at("2026-11-18 23:00"))
    assert plan(demo_config, ordinary, night) == Postpone(morning)
    urgent = resolved(demo_config, at("2026-11-18 23:00"), urgent=True)
    assert plan(demo_config, urgent, night) == Postpone(morning)


def test_closing_at_night_happens_on_time_and_the_notice_waits(demo_config: Config) -> None:
    made = resolved(demo_config, at("2026-11-18 23:00"))
    step = plan(demo_config, made, at("2026-11-21 23:00"))
    assert step == Close(
        "resolved",
        Action.AUTO_CLOSE,
        at("2026-11-18 23:00"),
        at("2026-11-22 07:00"),
        reminded=False,
    )


def test_an_unanswered_question_expires_after_downtime_without_a_reminder(
    demo_config: Config,
) -> None:
    made = ticket(demo_config, at("2026-11-16 09:00"))
    made.status, made.paused_at = Status.WAITING_REQUESTER, at("2026-11-16 10:00")
    step = plan(demo_config, made, at("2026-11-19 12:00"))  # remind was due Tue, close Thu
    assert step == Close(
        "waiting", Action.EXPIRE, at("2026-11-16 10:00"), at("2026-11-19 12:00"), reminded=False
    )


def test_a_ticket_with_nothing_to_chase_is_rescheduled(demo_config: Config) -> None:
    made = ticket(demo_config, at("2026-11-18 09:00"))
    made.status = Status.CLOSED
    assert plan(demo_config, made, at("2026-11-20 09:00")) == Reschedule()


def test_a_step_due_at_the_end_of_the_day_is_taken_on_time_but_a_missed_one_waits(
    demo_config: Config,
) -> None:
    made = ticket(demo_config, at("2026-11-18 15:30"))  # accept due 17:30, the day's end
    on_time = plan(demo_config, made, at("2026-11-18 17:30:30"))
    assert isinstance(on_time, Escalate) and on_time.action == "remind_team"
    # The scheduler was down from 17:00 to 19:00: the office has gone home.
    assert plan(demo_config, made, at("2026-11-18 19:00")) == Postpone(at("2026-11-19 08:30"))
    # Before a long holiday the wait is for the first working day after it.
    before = ticket(demo_config, at("2026-09-30 15:30"))
    assert plan(demo_config, before, at("2026-10-01 03:00")) == Postpone(at("2026-10-08 08:30"))
    # An urgent ticket's steps never wait.
    urgent = ticket(demo_config, at("2026-10-01 01:00"), urgent=True, line="curing")
    assert isinstance(plan(demo_config, urgent, at("2026-10-01 03:00")), Escalate)


def rated_low(cfg: Config, when: datetime, *, urgent: bool = False) -> Ticket:
    """Closed and rated 2 at `when`: a call-back owed within `callback_within`."""
    made = ticket(cfg, when, urgent=urgent, line="curing" if urgent else "ordering")
    made.status, made.closed_at, made.rating, made.rated_at = Status.CLOSED, when, 2, when
    made.escalation_step = 0
    made.callback_team = made.team_id
    made.callback_due_at = sla.calendar_for(cfg, made).add(when, cfg.auto_close.callback_within)
    sla.schedule_next(cfg, made)
    return made


def test_a_call_back_owed_reminds_its_leaders_then_the_supervisors(demo_config: Config) -> None:
    made = rated_low(demo_config, at("2026-11-18 10:00"))  # due Thursday 10:00
    assert made.next_action_at == at("2026-11-19 10:00")
    assert plan(demo_config, made, at("2026-11-19 09:59")) == Reschedule()
    assert plan(demo_config, made, at("2026-11-19 10:00")) == ChaseCallback(
        at("2026-11-19 10:00"), 0, "alert_leader", 0
    )
    made.escalation_step = 1
    sla.schedule_next(demo_config, made)
    assert made.next_action_at == at("2026-11-20 10:00")  # a working day later
    assert plan(demo_config, made, at("2026-11-20 10:00")) == ChaseCallback(
        at("2026-11-19 10:00"), 1, "alert_supervisors", 0
    )
    made.escalation_step = 2
    sla.schedule_next(demo_config, made)
    assert made.next_action_at == at("2026-11-23 10:00")  # then every working day


def test_a_call_back_missed_while_down_waits_for_working_time(demo_config: Config) -> None:
    made = rated_low(demo_config, at("2026-11-18 10:00"))
    # Down from Wednesday to Saturday night: on Monday morning, every rung passed on the way
    # in order, the leaders' (Thursday) then the supervisors' (Friday).
    assert plan(demo_config, made, at("2026-11-21 23:00")) == Postpone(at("2026-11-23 08:30"))
    assert plan(demo_config, made, at("2026-11-23 08:30")) == ChaseCallback(
        at("2026-11-19 10:00"), 1, "alert_supervisors", 0, earlier=(Rung(0, "alert_leader"),)
    )


def test_a_call_back_caught_up_takes_each_rung_and_folds_the_repeats(demo_config: Config) -> None:
    made = rated_low(demo_config, at("2026-11-18 10:00"))  # due Thursday 10:00
    # Down until Wednesday the 25th 10:00: the supervisors' rung (Friday) and its repeats
    # on Monday, Tuesday and Wednesday fold into the newest, after the leaders' rung.
    caught_up = plan(demo_config, made, at("2026-11-25 10:00"))
    assert caught_up == ChaseCallback(
        at("2026-11-19 10:00"), 4, "alert_supervisors", 3, earlier=(Rung(0, "alert_leader"),)
    )
    assert isinstance(caught_up, ChaseCallback)
    assert [r.step for r in caught_up.rungs] == [0, 4]
    # Already past the leaders' rung: only the supervisors', its repeats folded in.
    made.escalation_step = 1
    assert plan(demo_config, made, at("2026-11-25 10:00")) == ChaseCallback(
        at("2026-11-19 10:00"), 4, "alert_supervisors", 3
    )


def test_a_call_back_recorded_is_chased_no_more(demo_config: Config) -> None:
    made = rated_low(demo_config, at("2026-11-18 10:00"))
    made.callback_at, made.callback_by = at("2026-11-18 15:00"), 200062
    assert plan(demo_config, made, at("2026-11-19 10:00")) == Reschedule()
    sla.schedule_next(demo_config, made)
    assert made.next_action_at is None


def test_a_question_asked_late_at_night_is_reminded_the_morning_after_its_day(
    demo_config: Config,
) -> None:
    # Asked at 23:30: the day's wait ends at 23:30 the next night, when the requester is
    # asleep, so the reminder comes at 07:00; the close stays 72 hours after the question.
    made = ticket(demo_config, at("2026-12-08 20:00"))
    made.status, made.paused_at = Status.WAITING_REQUESTER, at("2026-12-08 23:30")
    assert plan(demo_config, made, at("2026-12-09 23:30")) == Postpone(at("2026-12-10 07:00"))
    assert plan(demo_config, made, at("2026-12-10 07:00")) == RemindRequester(
        "waiting", at("2026-12-08 23:30"), at("2026-12-11 23:30")
    )
