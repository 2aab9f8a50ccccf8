"""A line's `off_season_sla`: the demo's 24-hour curing line gives its non-urgent tickets
filed outside the curing season (07-01 to 10-31) office hours, decided by the day filed in
the bureau's zone; urgent tickets keep `urgent_sla` all year."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from core import sla
from core.calendar import AlwaysOn
from core.config import Config, CuringSeason
from core.enums import Action, Kind, Priority, Status
from core.model import Ticket

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUESTION = "今年的烘烤补贴什么时候发"


def at(text: str) -> datetime:
    """'2026-12-09 23:02' in Shanghai as an aware UTC datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).astimezone(UTC)


def local(when: datetime | None) -> str:
    assert when is not None
    return when.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def filed(cfg: Config, when: datetime, *, urgent: bool = False, line: str = "curing") -> Ticket:
    """A ticket of `line` filed (and dispatched) at `when`, its deadlines set as at filing."""
    ticket = Ticket(
        kind=Kind.EMERGENCY if urgent else Kind.REQUEST,
        priority=Priority.URGENT if urgent else Priority.NORMAL,
        text="烤房停电了" if urgent else QUESTION,
        requester_id=1,
        requester_chat_id=1,
        line=line,
        team_id=cfg.default_team(line).id,
        created_at=when,
        status=Status.DISPATCHED,
        dispatched_at=when,
        id=7,
    )
    sla.set_initial_deadlines(cfg, ticket, when)
    sla.adjust_deadlines(cfg, ticket, Action.DISPATCH, when, None)
    return ticket


def with_season(cfg: Config, start: str, end: str) -> Config:
    return cfg.model_copy(update={"curing_season": CuringSeason(start=start, end=end)})


def test_a_curing_question_on_a_december_night_is_due_the_next_working_morning(
    demo_config: Config,
) -> None:
    ticket = filed(demo_config, at("2026-12-09 23:02"))  # a Wednesday
    assert sla.policy_for(demo_config, ticket).id == "standard"
    assert not isinstance(sla.calendar_for(demo_config, ticket), AlwaysOn)
    assert local(ticket.accept_due_at) == "2026-12-10 10:30"  # 2 working hours from 08:30
    assert local(ticket.resolve_due_at) == "2026-12-14 17:30"  # 21 working hours: Monday
    # The standard ladder's first step is the team's reminder at the deadline: no night step.
    assert local(ticket.next_action_at) == "2026-12-10 10:30"


def test_the_same_question_in_the_season_keeps_thirty_minutes_round_the_clock(
    demo_config: Config,
) -> None:
    ticket = filed(demo_config, at("2026-08-12 23:02"))
    assert sla.policy_for(demo_config, ticket).id == "curing"
    assert isinstance(sla.calendar_for(demo_config, ticket), AlwaysOn)
    assert local(ticket.accept_due_at) == "2026-08-12 23:32"
    assert local(ticket.resolve_due_at) == "2026-08-13 11:02"


def test_a_110_call_off_season_keeps_ten_minutes_round_the_clock(demo_config: Config) -> None:
    ticket = filed(demo_config, at("2026-12-09 23:02"), urgent=True)
    assert sla.policy_for(demo_config, ticket).id == "emergency"
    assert isinstance(sla.calendar_for(demo_config, ticket), AlwaysOn)
    assert local(ticket.accept_due_at) == "2026-12-09 23:12"
    assert local(ticket.resolve_due_at) == "2026-12-10 03:02"


def policies(cfg: Config, *when: str) -> list[str]:
    """The policy of a curing question filed at each of the local times `when`."""
    return [sla.policy_for(cfg, filed(cfg, at(moment))).id for moment in when]


def test_the_season_is_read_on_the_day_filed_in_the_bureaus_zone(demo_config: Config) -> None:
    assert policies(
        demo_config,
        "2026-06-30 23:59",
        "2026-07-01 00:00",
        "2026-10-31 23:59",  # the season's last day, to its last minute
        "2026-11-01 00:00",  # still 31 October in UTC: the bureau's zone decides
    ) == ["standard", "curing", "curing", "standard"]


def test_a_season_over_the_new_year_runs_from_november_to_february(demo_config: Config) -> None:
    winter = with_season(demo_config, "11-01", "02-28")
    assert policies(
        winter,
        "2026-08-12 23:02",
        "2026-10-31 23:02",
        "2026-11-01 08:00",
        "2026-12-09 23:02",
        "2027-01-20 23:02",
        "2027-02-28 23:02",
        "2027-03-01 08:00",
    ) == ["standard", "standard", "curing", "curing", "curing", "curing", "standard"]


def test_a_ticket_keeps_the_policy_of_the_day_it_was_filed(demo_config: Config) -> None:
    ticket = filed(demo_config, at("2026-06-30 23:50"))  # the night before the season
    sla.adjust_deadlines(demo_config, ticket, Action.REOPEN, at("2026-07-02 23:00"), None)
    assert sla.policy_for(demo_config, ticket).id == "standard"
    assert local(ticket.accept_due_at) == "2026-07-03 10:30"  # reopened in the season


def test_a_question_sent_on_to_the_curing_line_off_season_gets_office_hours(
    demo_config: Config,
) -> None:
    ticket = filed(demo_config, at("2026-12-09 09:00"), line="growing")
    moved = at("2026-12-09 16:00")
    before = sla.policy_for(demo_config, ticket)
    ticket.line, ticket.team_id = "curing", "curing-qingshan"
    sla.promise_on_a_new_line(demo_config, ticket, before)
    sla.adjust_deadlines(demo_config, ticket, Action.TRANSFER, moved, None)
    assert sla.policy_for(demo_config, ticket).id == "standard"
    assert local(ticket.accept_due_at) == "2026-12-10 09:00"  # 1.5 h today, 30 min tomorrow
    assert ticket.accept_due_at - moved > timedelta(minutes=30)  # type: ignore[operator]
