"""Which messages go without sound at night (core.night), in the demo's quiet hours
22:00–07:00."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from core.config import Config
from core.enums import Kind, Priority, Status
from core.lifecycle import CALLBACK_NOTICE, CALLBACK_REMARK
from core.model import Ticket
from core.night import delivered_silently

SH = ZoneInfo("Asia/Shanghai")
REQUESTER = 100002
TEAM_CHAT = -1001
MEMBER = 200051
LEADER = 200002
NORMAL = 1


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SH).astimezone(UTC)


def ticket(*, filed: str, line: str = "monopoly", urgent: bool = False) -> Ticket:
    return Ticket(
        kind=Kind.EMERGENCY if urgent else Kind.REQUEST,
        priority=Priority.URGENT if urgent else Priority.NORMAL,
        text="许可证延续要什么材料",
        requester_id=REQUESTER,
        requester_chat_id=REQUESTER,
        line=line,
        team_id="monopoly",
        created_at=at(filed),
        status=Status.ACCEPTED,
        id=7,
    )


@pytest.mark.parametrize(
    ("clock", "silent"),
    [
        ("2026-12-08 21:59", False),
        ("2026-12-08 22:00", True),
        ("2026-12-09 00:50", True),  # 接单 on a licence ticket: read it on waking
        ("2026-12-09 06:59", True),
        ("2026-12-09 07:00", False),  # a notice held until the quiet hours end rings
    ],
)
def test_a_requester_hears_of_an_ordinary_ticket_silently_at_night(
    demo_config: Config, clock: str, silent: bool
) -> None:
    licence = ticket(filed="2026-12-08 20:00")
    assert (
        delivered_silently(
            demo_config, at(clock), chat_id=REQUESTER, priority=NORMAL, ticket=licence
        )
        is silent
    )


@pytest.mark.parametrize("chat_id", [REQUESTER, TEAM_CHAT, MEMBER])
def test_everyone_hears_of_a_110_call_at_night_with_sound(
    demo_config: Config, chat_id: int
) -> None:
    barn = ticket(filed="2026-12-09 00:40", line="curing", urgent=True)
    for priority in (0, NORMAL):
        assert not delivered_silently(
            demo_config, at("2026-12-09 00:50"), chat_id=chat_id, priority=priority, ticket=barn
        )


@pytest.mark.parametrize("status", [Status.CLOSED, Status.CANCELLED])
def test_a_farmer_is_not_woken_to_hear_their_110_call_was_closed(
    demo_config: Config, status: Status
) -> None:
    """Closed unanswered or unconfirmed at night, the call waits for nobody: its farmer reads
    it on waking, while its team still hears with sound (a call withdrawn as they drive)."""
    barn = replace(ticket(filed="2026-12-08 21:00", line="curing", urgent=True), status=status)
    night = at("2026-12-09 00:50")
    assert delivered_silently(demo_config, night, chat_id=REQUESTER, priority=0, ticket=barn)
    assert delivered_silently(demo_config, night, chat_id=REQUESTER, priority=1, ticket=barn)
    assert not delivered_silently(demo_config, night, chat_id=MEMBER, priority=1, ticket=barn)


@pytest.mark.parametrize("chat_id", [TEAM_CHAT, MEMBER])
def test_staff_hear_of_an_office_hours_ticket_silently_at_night(
    demo_config: Config, chat_id: int
) -> None:
    licence = ticket(filed="2026-12-08 23:30")
    assert delivered_silently(
        demo_config, at("2026-12-08 23:30"), chat_id=chat_id, priority=NORMAL, ticket=licence
    )


def test_a_curing_team_on_duty_at_night_hears_of_its_round_the_clock_ticket(
    demo_config: Config,
) -> None:
    # In the curing season the curing line's ordinary questions count every hour: its
    # team's deadlines run at night, so their messages ring; the farmer who asked is not woken.
    question = ticket(filed="2026-08-08 23:30", line="curing")
    night = at("2026-08-08 23:40")
    staff = delivered_silently(demo_config, night, chat_id=TEAM_CHAT, priority=1, ticket=question)
    farmer = delivered_silently(demo_config, night, chat_id=REQUESTER, priority=1, ticket=question)
    assert (staff, farmer) == (False, True)


def test_a_reply_someone_waits_for_rings_at_night(demo_config: Config) -> None:
    night = at("2026-12-08 23:30")
    assert not delivered_silently(demo_config, night, chat_id=MEMBER, priority=0, ticket=None)
    assert delivered_silently(demo_config, night, chat_id=MEMBER, priority=1, ticket=None)


def test_a_config_without_quiet_hours_always_rings(demo_config: Config) -> None:
    endless = demo_config.model_copy(update={"quiet_hours": None})
    licence = ticket(filed="2026-12-08 20:00")
    assert not delivered_silently(
        endless, at("2026-12-09 03:00"), chat_id=REQUESTER, priority=NORMAL, ticket=licence
    )


def test_the_echo_walls_post_of_a_closed_110_call_wakes_no_reader_at_night(
    demo_config: Config,
) -> None:
    # Bulk rows (the echo wall's posts, digests, weekly reports) are read, never waited for.
    barn = ticket(filed="2026-12-08 21:00", line="curing", urgent=True)
    echo_wall = -1001000000099
    assert delivered_silently(
        demo_config, at("2026-12-09 00:50"), chat_id=echo_wall, priority=2, ticket=barn
    )


@pytest.mark.parametrize("purpose", [CALLBACK_NOTICE, CALLBACK_REMARK])
@pytest.mark.parametrize("priority", [0, NORMAL])
def test_a_low_rated_110_calls_call_back_wakes_no_leader_at_night(
    demo_config: Config, purpose: str, priority: int
) -> None:
    """Rated 2 stars at 02:20, the call is closed: the call-back it owes (and the farmer's
    words for it) is for the morning, due hours later, as its reminders are."""
    barn = replace(
        ticket(filed="2026-12-09 01:00", line="curing", urgent=True), status=Status.CLOSED
    )
    for when, silent in ((at("2026-12-09 02:20"), True), (at("2026-12-09 08:00"), False)):
        shown = delivered_silently(
            demo_config, when, chat_id=LEADER, priority=priority, ticket=barn, purpose=purpose
        )
        assert shown is silent


def test_other_news_of_a_closed_110_call_still_rings_for_its_team(demo_config: Config) -> None:
    barn = replace(
        ticket(filed="2026-12-09 01:00", line="curing", urgent=True), status=Status.CLOSED
    )
    night = at("2026-12-09 02:20")
    assert not delivered_silently(
        demo_config, night, chat_id=MEMBER, priority=NORMAL, ticket=barn, purpose="notify"
    )
