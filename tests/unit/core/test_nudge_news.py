"""What a 催办 page says once the ticket moved on: who took it and how late only when it was
late, where it went, that it was resolved, or what else became of it, in the words of
whoever sent it (⏰ 督办提醒, ⏰ 队长提醒)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from core import sla
from core.config import Config
from core.enums import Kind, Priority, Status
from core.lifecycle import ACCEPT_PROMPT, LEADER_NUDGE_ACCEPT, LEADER_NUDGE_RESOLVE, RESOLVE_PROMPT
from core.model import Ticket
from core.nudge_news import nudge_news

SH = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SH).astimezone(UTC)


def _ticket(cfg: Config) -> Ticket:
    """An ordering request filed Wednesday 09:00: accept due 11:00."""
    made = Ticket(
        kind=Kind.REQUEST,
        priority=Priority.NORMAL,
        text="订货系统登录不上",
        requester_id=1,
        requester_chat_id=1,
        line="ordering",
        team_id="ordering",
        created_at=at("2026-11-18 09:00"),
        status=Status.DISPATCHED,
        id=7,
    )
    sla.set_initial_deadlines(cfg, made, at("2026-11-18 09:00"))
    return made


def _accepted(made: Ticket, when: datetime) -> Ticket:
    made.status, made.accepted_by, made.accepted_at = Status.ACCEPTED, 200061, when
    return made


def test_taken_in_time_it_says_who_took_it_and_no_deadline_missed(demo_config: Config) -> None:
    made = _accepted(_ticket(demo_config), at("2026-11-18 10:30"))
    news = nudge_news(demo_config, made, ACCEPT_PROMPT, "ordering", at("2026-11-18 10:30"), "赵")
    team = demo_config.team("ordering").name
    assert news == f"⏰ 督办提醒：工单 {made.label} 11-18 10:30 已由 {team} 赵 接单。"


def test_taken_late_a_leaders_page_says_how_late_in_its_own_words(demo_config: Config) -> None:
    made = _accepted(_ticket(demo_config), at("2026-11-18 11:20"))
    news = nudge_news(
        demo_config, made, LEADER_NUDGE_ACCEPT, "ordering", at("2026-11-18 11:20"), "赵"
    )
    team = demo_config.team("ordering").name
    assert news == (
        f"⏰ 队长提醒：工单 {made.label} 超过接单时限 20分钟，11-18 11:20 已由 {team} 赵 接单。"
    )


def test_sent_on_to_another_team_it_says_where(demo_config: Config) -> None:
    made = _ticket(demo_config)
    made.team_id = "delivery"
    news = nudge_news(demo_config, made, ACCEPT_PROMPT, "ordering", at("2026-11-18 10:05"), "")
    team = demo_config.team("delivery").name
    assert news == f"⏰ 督办提醒：工单 {made.label} 11-18 10:05 已转给 {team}，本队无需再处理。"


def test_asked_about_before_anyone_took_it_it_says_what_became_of_it(
    demo_config: Config,
) -> None:
    made = _ticket(demo_config)
    made.status = Status.WAITING_REQUESTER
    news = nudge_news(demo_config, made, ACCEPT_PROMPT, "ordering", at("2026-11-18 09:40"), "")
    assert news.startswith(f"⏰ 督办提醒：工单 {made.label} 11-18 09:40 已处理：")
    assert "超过" not in news


def test_a_page_to_resolve_says_when_it_was_resolved_and_how_late_only_if_so(
    demo_config: Config,
) -> None:
    made = _accepted(_ticket(demo_config), at("2026-11-18 10:00"))
    made.status, made.resolved_at = Status.RESOLVED, at("2026-11-18 10:40")
    news = nudge_news(demo_config, made, RESOLVE_PROMPT, "ordering", at("2026-11-18 10:40"), "")
    assert news == f"⏰ 督办提醒：工单 {made.label} 11-18 10:40 已办结。"
    due = made.resolve_due_at
    assert due is not None
    made.resolved_at = sla.calendar_for(demo_config, made).add(due, timedelta(minutes=30))
    news = nudge_news(demo_config, made, LEADER_NUDGE_RESOLVE, "ordering", made.resolved_at, "")
    assert news.startswith(f"⏰ 队长提醒：工单 {made.label} 超过办结时限 30分钟，")


def test_closed_unanswered_it_says_so_and_when(demo_config: Config) -> None:
    made = _accepted(_ticket(demo_config), at("2026-11-18 10:00"))
    made.status = Status.CLOSED  # never resolved: closed unanswered
    made.closed_at = at("2026-11-21 10:00")
    news = nudge_news(demo_config, made, RESOLVE_PROMPT, "ordering", at("2026-11-21 10:00"), "")
    assert news == f"⏰ 督办提醒：工单 {made.label} 11-21 10:00 已处理：未补充关闭。"
