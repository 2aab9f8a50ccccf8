"""Texts, digest figures and the start-up catch-up rule, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from core import sla
from core.calendar import AlwaysOn, BusinessCalendar
from core.config import Config
from core.enums import Kind, Priority, Requester, Status
from core.model import Ticket, User
from core.team_card import alert_card as card
from core.texts import lateness, span
from scheduler.digest import render, summarize
from scheduler.jobs import Schedule, missed_on_start

SH = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SH).astimezone(UTC)


@pytest.mark.parametrize(
    ("delta", "said"),
    [
        (timedelta(seconds=59), "0分钟"),
        (timedelta(minutes=40), "40分钟"),
        (timedelta(hours=1), "1小时"),
        (timedelta(hours=1, minutes=5), "1小时5分钟"),
        (timedelta(days=2), "2天"),
        (timedelta(days=1, hours=21, minutes=10), "1天21小时"),
        (timedelta(minutes=-5), "0分钟"),
    ],
)
def test_durations_read_naturally(delta: timedelta, said: str) -> None:
    assert span(delta) == said


def test_lateness_in_working_time_is_said_beside_the_clocks() -> None:
    office = BusinessCalendar(SH, [(time(8, 30), time(12)), (time(14), time(17, 30))])
    # Due Friday 17:00: Monday 09:05 is 2 days 16 hours later on the clock, and 1 hour 5
    # minutes of working time (Friday's last half hour, Monday's first 35 minutes).
    due, monday = at("2026-11-20T17:00"), at("2026-11-23T09:05")
    assert lateness(office, due, monday) == "2天16小时（工作时间1小时5分钟）"
    # Within one working period the two are the same, and said once.
    assert lateness(office, at("2026-11-23T09:00"), at("2026-11-23T10:00")) == "1小时"
    assert lateness(AlwaysOn(), due, monday) == "2天16小时"


def make(cfg: Config, number: str, team: str, filed: str, status: Status) -> Ticket:
    ticket = Ticket(
        kind=Kind.REQUEST,
        priority=Priority.NORMAL,
        text="测试工单内容",
        requester_id=1,
        requester_chat_id=1,
        line=cfg.team(team).line,
        team_id=team,
        created_at=at(filed),
        status=status,
        id=int(number),
        number=number,
    )
    sla.set_initial_deadlines(cfg, ticket, at(filed))
    return ticket


def test_digest_figures_count_working_deadlines(demo_config: Config) -> None:
    cfg = demo_config
    now = at("2026-11-18 08:00")
    tickets = [
        make(cfg, "1", "ordering", "2026-11-17 16:00", Status.DISPATCHED),  # accept: today 09:00
        make(cfg, "2", "ordering", "2026-11-16 09:00", Status.DISPATCHED),  # Mon 11:00: late
        make(cfg, "3", "ordering", "2026-11-16 10:00", Status.DISPATCHED),  # Mon 12:00: later
        make(cfg, "4", "ordering", "2026-11-13 09:00", Status.ACCEPTED),  # resolve: today 09:00
        make(cfg, "5", "ordering", "2026-11-10 09:00", Status.WAITING_REQUESTER),  # no clock
        make(cfg, "6", "delivery", "2026-11-10 09:00", Status.RESOLVED),
    ]
    digest = summarize(cfg, tickets, now)
    figures = [(r.team_id, r.open, r.due_today, r.overdue, r.unconfirmed) for r in digest.teams]
    assert figures == [("ordering", 5, 2, 2, 0), ("delivery", 0, 0, 0, 1)]
    assert [(t.number, span(late)) for t, late in digest.worst] == [
        ("2", "1天21小时"),
        ("3", "1天20小时"),
    ]
    assert render(cfg, summarize(cfg, [], now), "测试").endswith("没有未办结的工单。")


def test_digest_heading_writes_the_day_without_leading_zeros(demo_config: Config) -> None:
    heading = render(demo_config, summarize(demo_config, [], at("2026-12-01 08:00")), "测试")
    assert heading.startswith("📋 测试每日待办（12月1日 08:00）")


@pytest.mark.parametrize(
    ("clock", "missed"),
    [
        ("2026-11-23 07:59", []),
        ("2026-11-23 08:00", ["digest"]),
        ("2026-11-23 08:30", ["digest", "weekly"]),  # Monday
        ("2026-11-23 11:59", ["digest", "weekly"]),
        ("2026-11-23 12:00", ["weekly"]),
        ("2026-11-23 12:30", []),  # too late: the next ones are tomorrow and next week
        ("2026-11-24 09:00", ["digest"]),  # Tuesday
    ],
)
def test_what_a_start_catches_up(clock: str, missed: list[str]) -> None:
    assert missed_on_start(Schedule(), SH, at(clock)) == missed


def test_a_later_digest_hour_moves_the_window() -> None:
    schedule = Schedule(digest_at=time(9), catch_up_within=timedelta(hours=1))
    assert missed_on_start(schedule, SH, at("2026-11-24 09:30")) == ["digest"]
    assert missed_on_start(schedule, SH, at("2026-11-24 10:00")) == []


def test_an_alerts_card_labels_the_phone_even_when_none_was_given(demo_config: Config) -> None:
    ticket = make(demo_config, "10019", "ordering", "2026-11-17 16:00", Status.DISPATCHED)
    farmer = User(1, at("2026-11-17 16:00"), name="张大山")
    assert "报告人：\ue0f0张大山\ue0f1　电话：未提供" in card(demo_config, ticket, farmer)
    farmer.phone = "+8613800000001"
    assert "　电话：+8613800000001" in card(demo_config, ticket, farmer)


def test_an_alerts_card_names_a_retailers_shop_as_the_teams_card_does(
    demo_config: Config,
) -> None:
    """The ladder's ⏰ reminder, the leader's alert and 超时督办 carry the 店铺 / 许可证号 line
    of the card the team first got: the delivery team finds the shop by it."""
    ticket = make(demo_config, "10019", "delivery", "2026-11-17 16:00", Status.DISPATCHED)
    retailer = User(
        1,
        at("2026-11-17 16:00"),
        name="李小梅",
        phone="+8613800000002",
        kind=Requester.RETAILER,
        shop_name="红星便利店",
        licence_number="430101200123",
    )
    shown = card(demo_config, ticket, retailer)
    assert "店铺：\ue0f0红星便利店\ue0f1　许可证号：430101200123" in shown
    retailer.shop_name = retailer.licence_number = None
    assert "店铺：未提供　许可证号：未提供" in card(demo_config, ticket, retailer)
    ticket.kind = Kind.COMPLAINT  # a complainant kept by 作风监督: no shop to point at them
    retailer.shop_name = "红星便利店"
    assert "红星便利店" not in card(demo_config, ticket, retailer)


def test_an_alerts_card_names_no_anonymous_or_kept_complainant(demo_config: Config) -> None:
    retailer = User(1, at("2026-11-17 16:00"), name="王小五", phone="+8613800000002")
    ticket = make(demo_config, "10019", "delivery", "2026-11-17 16:00", Status.DISPATCHED)
    ticket.kind = Kind.COMPLAINT
    kept = card(demo_config, ticket, retailer)
    assert "报告人：投诉人信息由纪检作风监督室保管" in kept and "13800000002" not in kept
    ticket.anonymous = True
    hidden = card(demo_config, ticket, retailer)
    assert "报告人：匿名" in hidden and "王小五" not in hidden and "13800000002" not in hidden
