"""The 08:00 daily digest: open, due today and overdue tickets by team, and the worst ones.

Every supervisor gets all teams; every team leader gets the teams they lead (only when
those have open tickets, so a quiet team's leader is not woken by an empty table). The
dedup key carries the local date, so a second scheduler or a restart after 08:00 cannot
send the same digest twice.

On weekends and public holidays (调休 working days are working days) an office-hours team's
deadlines stand still and nobody there reads a digest: the day's digest covers only the
tickets of the teams on duty round the clock (the 110 curing teams) and those whose clock
runs (urgent ones, and those on a 24x7 policy), and a supervisor gets it only when there
are some.

Its 超时 is a state, "open and past its deadline at this moment", not the /stats count of
deadlines missed over a period; the texts say so.

Below the tickets in hand come the call-backs (回访) owed after a low rating whose due time
has passed with none recorded: the ledger's 超期未回访, judged at the same moment. They are
owed by the leaders of `callback_team`, so a leader reads those of the teams they lead;
the section is left out when there are none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from core import sla
from core.calendar import AlwaysOn
from core.callback import callback_owner
from core.complainant import keeper_teams, shown_words, withheld
from core.config import Config
from core.enums import Status
from core.model import Ticket, User
from core.texts import lateness, month_day, one_line
from scheduler import texts
from scheduler.enqueue import BULK, Pending, Row
from scheduler.people import People
from storage.uow import Database

WORST = 5
CALLBACKS_SHOWN = 10  # of the call-backs overdue, the latest; the count says how many in all
_IN_HAND = (
    Status.NEW,
    Status.DISPATCHED,
    Status.ACCEPTED,
    Status.ON_SITE,
    Status.WAITING_REQUESTER,
)


@dataclass
class TeamFigures:
    team_id: str
    open: int = 0  # in hand: not yet resolved
    due_today: int = 0
    overdue: int = 0
    unconfirmed: int = 0  # resolved, waiting for the requester to confirm


@dataclass
class Digest:
    at: datetime  # local time
    teams: list[TeamFigures] = field(default_factory=list)
    worst: list[tuple[Ticket, timedelta]] = field(default_factory=list)
    rest_day: bool = False  # a weekend or holiday: round-the-clock teams and urgent tickets
    # Call-backs (回访) owed and past due, the latest first, and how late each is.
    callbacks: list[tuple[Ticket, timedelta]] = field(default_factory=list)

    @property
    def has_news(self) -> bool:
        """Something for its reader to do: tickets in hand or to confirm, or a call-back."""
        return any(r.open or r.unconfirmed for r in self.teams) or bool(self.callbacks)

    @property
    def total(self) -> TeamFigures:
        total = TeamFigures("合计")
        for row in self.teams:
            total.open += row.open
            total.due_today += row.due_today
            total.overdue += row.overdue
            total.unconfirmed += row.unconfirmed
        return total


def keeps_a_roster(cfg: Config, team_id: str) -> bool:
    """A team on duty round the clock (the 110 curing teams): its leaders want the digest on
    holidays too."""
    team = cfg.find_team(team_id)
    return team is not None and team.duty_roster


def clock_runs_every_day(cfg: Config, ticket: Ticket) -> bool:
    """Whether the ticket's deadlines count every minute: an urgent one, or one whose policy
    is 24x7 (the 110 line's in the curing season; its questions outside it keep office
    hours when the line has an `off_season_sla`). A line gone from the config counts none."""
    if not ticket.urgent and not any(line.id == ticket.line for line in cfg.service_lines):
        return False
    return isinstance(sla.calendar_for(cfg, ticket), AlwaysOn)


def runs_today(cfg: Config, ticket: Ticket, workday: bool) -> bool:
    """Whether the ticket belongs in today's digest: every one on a working day; on a rest
    day those of a team on duty round the clock and those whose clock runs."""
    return workday or keeps_a_roster(cfg, ticket.team_id) or clock_runs_every_day(cfg, ticket)


def callback_runs_today(cfg: Config, ticket: Ticket, workday: bool) -> bool:
    """Whether an overdue call-back belongs in today's digest: as a ticket does, with the
    team that owes it in place of the one that had the ticket."""
    owner = callback_owner(ticket)
    return workday or keeps_a_roster(cfg, owner) or clock_runs_every_day(cfg, ticket)


def summarize(
    cfg: Config,
    tickets: Iterable[Ticket],
    now: datetime,
    *,
    rest_day: bool = False,
    callbacks: Iterable[Ticket] = (),
) -> Digest:
    """Figures per team (in config order) from the open tickets, and the call-backs owed
    past their due time, judged at `now`."""
    local_now = now.astimezone(cfg.zone)
    day_end = datetime.combine(local_now.date() + timedelta(days=1), time(0), tzinfo=cfg.zone)
    rows: dict[str, TeamFigures] = {}
    late: list[tuple[Ticket, timedelta]] = []
    for ticket in tickets:
        row = rows.setdefault(ticket.team_id, TeamFigures(ticket.team_id))
        if ticket.status is Status.RESOLVED:
            row.unconfirmed += 1
            continue
        if ticket.status not in _IN_HAND:
            continue
        row.open += 1
        deadline = sla.phase_deadline(ticket)
        if deadline is None:
            continue
        if deadline < now:
            row.overdue += 1
            late.append((ticket, now - deadline))
        elif deadline < day_end:
            row.due_today += 1
    order = {team.id: i for i, team in enumerate(cfg.teams)}
    teams = sorted(rows.values(), key=lambda r: (order.get(r.team_id, len(order)), r.team_id))
    late.sort(key=lambda pair: (-pair[1], pair[0].id or 0))
    owed = [
        (ticket, now - ticket.callback_due_at)
        for ticket in callbacks
        if ticket.owes_callback
        and ticket.callback_due_at is not None
        and ticket.callback_due_at <= now
    ]
    owed.sort(key=lambda pair: (-pair[1], pair[0].id or 0))
    return Digest(local_now, teams, late[:WORST], rest_day, owed)


def _figures(label: str, row: TeamFigures) -> str:
    return (
        f"{label}：在办{row.open} 今日到期{row.due_today} 当前超时{row.overdue} "
        f"待确认{row.unconfirmed}"
    )


def render(
    cfg: Config, digest: Digest, scope: str, complainants: Mapping[int, User] | None = None
) -> str:
    lines = [f"📋 {scope}每日待办（{month_day(digest.at)} {digest.at:%H:%M}）"]
    if digest.rest_day:
        lines.append("今天休息日：只列24小时值守服务队的工单和紧急工单。")
    if not digest.teams:
        return "\n".join([*lines, "没有未办结的工单。", *_callbacks(cfg, digest)])
    for row in digest.teams:
        lines.append(_figures(texts.team_name(cfg, row.team_id), row))
    if len(digest.teams) > 1:
        lines.append(_figures("合计", digest.total))
    # /stats and the weekly report count 超时 over a period (deadlines missed, whether the
    # ticket is done by now or not); this is the state at this moment.
    lines.append("（当前超时：此刻仍未接单或未办结、已过时限的件数，不是 /stats 的期间超时件数）")
    if digest.worst:
        lines.append("当前超时最久：")
        for ticket, late in digest.worst:
            flag = "🚨" if ticket.urgent else ""
            # In working time too, as the alerts and /queue say it: over a weekend an
            # office-hours ticket is days late on the clock and an hour in working time.
            calendar = sla.calendar_for(cfg, ticket)
            said = lateness(calendar, digest.at - late, digest.at)
            lines.append(
                f"{flag}{ticket.label}｜{texts.team_name(cfg, ticket.team_id)}｜"
                f"{texts.status(ticket)}｜已超时{said}｜{_words(cfg, ticket, complainants)}"
            )
    return "\n".join([*lines, *_callbacks(cfg, digest)])


def _words(cfg: Config, ticket: Ticket, complainants: Mapping[int, User] | None) -> str:
    """The ticket's words in short. Given the complainants of a digest for readers who may
    not read them (a leader of a team outside the keepers), without what in a complaint's
    words would name its complainant (`core.complainant.shown_words`)."""
    if complainants is None:
        return one_line(ticket.text, 20)
    words = shown_words(cfg, ticket, complainants.get(ticket.requester_id), keeper=False)
    return one_line(words, 20)


def _callbacks(cfg: Config, digest: Digest) -> list[str]:
    """The call-backs owed past their due time, the latest first, in the ledger's words
    (超期未回访); nothing when there are none."""
    if not digest.callbacks:
        return []
    lines = [f"超期未回访：{len(digest.callbacks)}件（差评后回访时限已过，仍未记录回访）"]
    for ticket, late in digest.callbacks[:CALLBACKS_SHOWN]:
        # How late as the 【回访督办】 says it: on the ticket's calendar, in working time too.
        said = lateness(sla.calendar_for(cfg, ticket), digest.at - late, digest.at)
        lines.append(
            f"{ticket.label}｜{texts.team_name(cfg, callback_owner(ticket))}｜"
            f"{ticket.rating}星｜回访已超时{said}"
        )
    if len(digest.callbacks) > CALLBACKS_SHOWN:
        lines.append(f"……另有{len(digest.callbacks) - CALLBACKS_SHOWN}件")
    return lines


async def send_digest(db: Database, cfg: Config, now: datetime) -> int:
    """Queue today's digests; returns how many rows were queued (0 when already sent)."""
    workday = sla.workdays_of(cfg)(now.astimezone(cfg.zone).date())
    async with db.uow() as uow:
        tickets: Sequence[Ticket] = [
            t for t in await uow.tickets.open_tickets() if runs_today(cfg, t, workday)
        ]
        owed: Sequence[Ticket] = [
            t
            for t in await uow.tickets.callbacks_overdue(now)
            if callback_runs_today(cfg, t, workday)
        ]
        everything = summarize(cfg, tickets, now, rest_day=not workday, callbacks=owed)
        people = People(uow, cfg)
        supervisors = await people.supervisors()
        key = f"digest:{everything.at.date().isoformat()}"
        out = Pending()
        if workday or everything.teams or everything.callbacks:
            for chat_id in supervisors:
                text = render(cfg, everything, cfg.bureau)
                out.add(Row(chat_id, text, f"{key}:{chat_id}", "digest", BULK), now)
        led: dict[int, set[str]] = {}
        for team in cfg.teams:
            for leader in await people.leaders(team.id):
                led.setdefault(leader, set()).add(team.id)
        for chat_id, teams in led.items():
            if chat_id in supervisors:
                continue  # they already have every team
            mine = summarize(
                cfg,
                [t for t in tickets if t.team_id in teams],
                now,
                rest_day=not workday,
                callbacks=[t for t in owed if callback_owner(t) in teams],
            )
            if not mine.has_news:
                continue
            scope = "、".join(texts.team_name(cfg, t) for t in sorted(teams))
            complainants = None
            if not teams & keeper_teams(cfg):
                complainants = {
                    t.requester_id: user
                    for t, _ in mine.worst
                    if withheld(cfg, t) is not None
                    and (user := await people.user(t.requester_id)) is not None
                }
            text = render(cfg, mine, scope, complainants)
            out.add(Row(chat_id, text, f"{key}:{chat_id}", "digest", BULK), now)
        queued = await out.write(uow)
        await uow.commit()
    return queued
