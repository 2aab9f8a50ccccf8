"""The rates on a constructed history whose answers are worked out by hand (see dataset.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from core.config import Config, RateWeights
from core.enums import Action, Kind, Role
from core.model import Ticket
from core.services import perform, redirect
from reports.ledger import load
from reports.rates import GroupRates, RatesReport, compute
from storage.uow import Database
from tests.integration.reports.dataset import AFTER, BAISHI_MEMBER, build, m, window
from tests.integration.reports.dataset import act as perform_at
from tests.support.tickets import FARMER, MEMBER, SUPERVISOR, new_ticket


async def rates(db: Database, cfg: Config, now=AFTER, by="team", **kw: object) -> RatesReport:  # type: ignore[no-untyped-def]
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        return await compute(uow.session, cfg, window(cfg), now, by, **kw)  # type: ignore[arg-type]


def counts(row: GroupRates) -> dict[str, int]:
    names = ("created", "closed", "cancelled", "response_due", "responded_on_time",
             "resolution_due", "resolved", "rated", "satisfied", "basically_satisfied",
             "overdue", "closed_after_reopen")  # fmt: skip
    return {name: getattr(row, name) for name in names}


async def test_every_figure_of_each_team_matches_the_hand_count(
    db: Database, demo_config: Config
) -> None:
    await build(db, demo_config)
    report = await rates(db, demo_config)
    qingshan, baishi = report.groups
    assert (qingshan.key, qingshan.label) == ("curing-qingshan", "青山镇烘烤110服务队")
    # A..F: D cancelled (left out of the rates); E counted on both its cycles, before and
    # after the reopen, as each was: two dispatches, two ratings, one ticket crossed off
    assert counts(qingshan) == {
        "created": 6, "closed": 4, "cancelled": 1,
        "response_due": 6, "responded_on_time": 4,  # A, E twice, F on time; B late; C never
        "resolution_due": 5, "resolved": 4,  # A, B, E, F closed; C past its deadline
        "rated": 4, "satisfied": 1, "basically_satisfied": 1,  # A 5, E 3 then 4, F 2
        "overdue": 2,  # B (both deadlines), C
        "closed_after_reopen": 1,  # E
    }  # fmt: skip
    assert qingshan.response_rate == pytest.approx(4 / 6)
    assert qingshan.resolution_rate == pytest.approx(0.8)
    assert qingshan.satisfaction_rate == pytest.approx(1.9 / 4)
    assert qingshan.reopen_rate == pytest.approx(0.25)
    composite = 0.1 * 4 / 6 + 0.5 * 0.8 + 0.4 * 1.9 / 4
    assert qingshan.composite(demo_config.rates) == pytest.approx(composite)
    # accepts (from the cycle's dispatch): F 2m, A 5m, E 5m and 5m after its reopen, B 20m
    assert qingshan.accept_seconds == [120, 300, 300, 300, 1200]
    assert qingshan.accept_median == 300 and qingshan.accept_p90 == pytest.approx(840)
    # resolves (from creation or the last reopen): F 30m, E 30m, A 1h, E 1h after its
    # reopen, B 4h50m
    assert qingshan.resolve_seconds == [1800, 1800, 3600, 3600, 17400]
    assert qingshan.resolve_median == 3600 and qingshan.resolve_p90 == pytest.approx(11880)

    # G, H (expired: left out, and not crossed off), J (from the evening before: only its
    # closing counts)
    assert counts(baishi) == {
        "created": 2, "closed": 2, "cancelled": 0,
        "response_due": 1, "responded_on_time": 1,
        "resolution_due": 2, "resolved": 2,
        "rated": 2, "satisfied": 1, "basically_satisfied": 1,
        "overdue": 0, "closed_after_reopen": 0,
    }  # fmt: skip
    assert baishi.satisfaction_rate == pytest.approx(0.95)
    assert baishi.composite(demo_config.rates) == pytest.approx(0.1 + 0.5 + 0.4 * 0.95)
    assert baishi.accept_seconds == [180]
    assert baishi.resolve_seconds == [1800, 10800]
    assert baishi.resolve_median == 6300 and baishi.resolve_p90 == pytest.approx(9900)


async def test_the_total_is_computed_over_all_tickets_not_averaged(
    db: Database, demo_config: Config
) -> None:
    await build(db, demo_config)
    total = (await rates(db, demo_config)).total
    assert total.label == "合计"
    assert (total.created, total.closed, total.overdue) == (8, 6, 2)
    assert total.response_rate == pytest.approx(5 / 7)
    assert total.resolution_rate == pytest.approx(6 / 7)
    assert total.satisfaction_rate == pytest.approx(3.8 / 6)
    assert total.reopen_rate == pytest.approx(1 / 6)
    assert total.accept_median == 300 and total.accept_p90 == pytest.approx(750)
    assert total.resolve_median == 3600 and total.resolve_p90 == pytest.approx(13440)


async def test_grouping_by_area_line_and_kind(db: Database, demo_config: Config) -> None:
    await build(db, demo_config)
    by_area = await rates(db, demo_config, by="area")
    assert [(g.label, g.created, g.resolved) for g in by_area.groups] == [
        ("青山镇", 6, 4),
        ("白石乡", 2, 2),
    ]
    for by, label in (("line", "烘烤110"), ("kind", "110报警")):
        (only,) = (await rates(db, demo_config, by=by)).groups
        assert only.label == label
        assert counts(only) == counts(by_area.total)


async def test_no_tickets_gives_no_rates_rather_than_zero(
    db: Database, demo_config: Config
) -> None:
    report = await rates(db, demo_config)
    assert report.groups == []
    total = report.total
    assert total.created == 0
    assert total.response_rate is None and total.resolution_rate is None
    assert total.satisfaction_rate is None and total.reopen_rate is None
    assert total.composite(demo_config.rates) is None
    assert total.accept_median is None and total.resolve_p90 is None
    every_team = await rates(db, demo_config, include_empty=True)
    assert [g.key for g in every_team.groups] == [t.id for t in demo_config.teams]


async def test_all_overdue_scores_zero(db: Database, demo_config: Config) -> None:
    for minute in (0, 30):
        await new_ticket(db, demo_config, now=m(minute))
    total = (await rates(db, demo_config)).total
    assert (total.response_due, total.responded_on_time) == (2, 0)
    assert (total.resolution_due, total.resolved) == (2, 0)
    assert total.overdue == 2
    assert total.satisfaction_rate is None
    # no ratings: the composite is the other two rates' weighted mean, here 0
    assert total.composite(demo_config.rates) == 0.0


async def test_a_reopened_ticket_left_open_counts_against_its_new_deadlines(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(1))
    await perform_at(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(2))
    await perform_at(db, demo_config, ticket, Action.CONFIRM, FARMER, m(3))
    await perform_at(db, demo_config, ticket, Action.REOPEN, FARMER, m(60))
    total = (await rates(db, demo_config)).total
    # the first cycle was answered in time and crossed off; the reopen gave it new
    # deadlines (+10m, +4h) that passed with nobody accepting it
    assert (total.response_due, total.responded_on_time) == (2, 1)
    assert (total.resolution_due, total.resolved, total.closed) == (2, 1, 1)
    assert total.overdue == 1
    # times: the first cycle's; the current one has neither accept nor resolve yet
    assert total.accept_seconds == [60] and total.resolve_seconds == [120]


async def test_cancelled_tickets_are_left_out_of_the_rates_even_when_late(
    db: Database, demo_config: Config
) -> None:
    early = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, early, Action.CANCEL, FARMER, m(5))
    late = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, late, Action.CANCEL, FARMER, m(30))
    total = (await rates(db, demo_config)).total
    assert (total.created, total.cancelled) == (2, 2)
    assert total.response_due == 0 and total.resolution_due == 0
    assert total.response_rate is None
    # the one cancelled after its accept deadline was still overdue when it was cancelled
    assert total.overdue == 1


async def test_a_running_window_judges_only_deadlines_already_passed(
    db: Database, demo_config: Config
) -> None:
    await new_ticket(db, demo_config, now=m(0))
    before = (await rates(db, demo_config, now=m(5))).total
    assert (before.response_due, before.overdue) == (0, 0)
    after = (await rates(db, demo_config, now=m(15))).total
    assert (after.response_due, after.responded_on_time, after.overdue) == (1, 0, 1)
    assert after.resolution_due == 0  # 4 hours to resolve have not passed yet


async def test_a_ticket_answered_before_its_deadline_counts_in_a_running_window_at_once(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(2))
    early = (await rates(db, demo_config, now=m(5))).total
    assert (early.response_due, early.responded_on_time, early.overdue) == (1, 1, 0)
    assert early.response_rate == 1.0
    # As of before the acceptance, nothing was answered nor due yet.
    before = (await rates(db, demo_config, now=m(1))).total
    assert before.response_due == 0 and before.response_rate is None


async def test_composite_weights_come_from_the_config(db: Database, demo_config: Config) -> None:
    await build(db, demo_config)
    only_response = demo_config.model_copy(
        update={"rates": RateWeights(response=1, resolution=0, satisfaction=0)}
    )
    qingshan = (await rates(db, only_response)).groups[0]
    assert qingshan.composite(only_response.rates) == pytest.approx(4 / 6)
    assert (await rates(db, only_response)).weights.response == 1


async def test_waiting_for_the_requester_stops_the_clock(db: Database, demo_config: Config) -> None:
    asked_early = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, asked_early, Action.ACCEPT, MEMBER, m(5))
    await perform_at(db, demo_config, asked_early, Action.ASK, MEMBER, m(30), "请发照片")
    asked_late = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, asked_late, Action.ACCEPT, MEMBER, m(5))
    await perform_at(db, demo_config, asked_late, Action.ASK, MEMBER, m(300), "还有问题吗")
    total = (await rates(db, demo_config)).total
    # both resolve deadlines (+4h) passed; only the one asked after its deadline is late
    assert (total.resolution_due, total.resolved, total.overdue) == (1, 0, 1)
    assert (total.response_due, total.responded_on_time) == (2, 2)


async def test_resolving_while_the_clock_is_stopped_gives_the_wait_back(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))  # resolve by +4h
    await perform_at(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    # An hour left when the team asks; the farmer never answers, the team phones and fixes
    # it at +5h, still waiting: 3 of its 4 hours used.
    await perform_at(db, demo_config, ticket, Action.ASK, MEMBER, m(180), "请发一张温控仪的照片")
    await perform_at(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(300), "电话指导复位空开")
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        stored = await uow.tickets.get(ticket.id or 0)
        ledger = await load(uow.session, demo_config, window(demo_config), m(301))
    total = (await rates(db, demo_config, now=m(301))).total
    # resolved in time, awaiting the farmer's word: neither late nor stuck
    assert (total.resolution_due, total.resolved, total.overdue) == (0, 0, 0)
    assert not ledger.rows[0].overdue  # 是否超时 否
    assert stored is not None and stored.resolve_due_at == m(300 + 60)  # the hour it had left


async def test_an_answer_the_next_day_does_not_move_a_deadline_missed_before_the_question(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))  # 11-18 09:00, resolve by 13:00
    await perform_at(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    await perform_at(db, demo_config, ticket, Action.ASK, MEMBER, m(300), "请拍照片")  # 14:00
    as_of = m(14 * 60 + 59)  # 23:59, the day's report as it was made then
    then = (await rates(db, demo_config, now=as_of)).total
    await perform_at(db, demo_config, ticket, Action.ANSWER, FARMER, m(18 * 60), "照片")
    redone = (await rates(db, demo_config, now=as_of)).total  # report --as-of 11-18T23:59
    for figures in (then, redone):
        assert (figures.overdue, figures.resolution_due, figures.resolved) == (1, 1, 0)
    async with db.uow(read_only=True) as uow:
        stored = await uow.tickets.get(ticket.id or 0)
    assert stored is not None and stored.resolve_due_at == m(240)  # a miss stays a miss


async def test_a_ticket_resolved_in_time_and_awaiting_confirmation_is_not_stuck(
    db: Database, demo_config: Config
) -> None:
    done_in_time = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, done_in_time, Action.ACCEPT, MEMBER, m(5))
    await perform_at(db, demo_config, done_in_time, Action.RESOLVE, MEMBER, m(30), "换了保险丝")
    done_late = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, done_late, Action.ACCEPT, MEMBER, m(5))
    await perform_at(db, demo_config, done_late, Action.RESOLVE, MEMBER, m(300), "换了风机")
    # Five hours on, both resolve deadlines (+4h) have passed and nobody has confirmed yet.
    total = (await rates(db, demo_config, now=m(300))).total
    # The team did the first one in time: the requester's silence is not the team's failure
    # (it counts once it is crossed off). The second was late, and is not closed: stuck.
    assert (total.resolution_due, total.resolved, total.overdue) == (1, 0, 1)
    assert total.resolution_rate == 0.0


async def test_a_report_as_of_an_earlier_time_counts_nothing_that_came_after(
    db: Database, demo_config: Config
) -> None:
    # Filed at T0, accepted at +5m, resolved late at +5h and crossed off with 5 stars then.
    ticket = await new_ticket(db, demo_config, now=m(0))
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        for action, actor, when in (
            (Action.ACCEPT, MEMBER, m(5)),
            (Action.RESOLVE, MEMBER, m(300)),
            (Action.CONFIRM, FARMER, m(300)),
        ):
            await perform(uow, demo_config, loaded, action, actor_id=actor, now=when)
        loaded.rate(5, "", m(300))
        await uow.commit()
    # As of +4h30 (half an hour past the resolve deadline): open, late, not yet rated.
    before = (await rates(db, demo_config, now=m(270), by="all")).total
    assert (before.created, before.closed, before.resolved, before.rated) == (1, 0, 0, 0)
    assert before.resolution_due == 1 and before.resolution_rate == 0.0
    assert before.satisfaction_rate is None and before.resolve_seconds == []
    after = (await rates(db, demo_config, by="all")).total
    assert (after.closed, after.rated, after.resolution_rate) == (1, 1, 1.0)
    assert after.resolve_seconds == [18000]


async def test_a_ticket_withdrawn_after_the_as_of_time_was_still_due_then(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))  # never accepted
    await perform_at(db, demo_config, ticket, Action.CANCEL, FARMER, m(400))
    then = (await rates(db, demo_config, now=m(300), by="all")).total
    assert (then.response_due, then.responded_on_time, then.overdue) == (1, 0, 1)
    after = (await rates(db, demo_config, by="all")).total
    assert (after.response_due, after.cancelled) == (0, 1)


CONDUCT_MEMBER = 200091
LATER = AFTER + timedelta(days=1)  # a report of the same day, made after later moves
DAY = 24 * 60  # minutes


async def test_a_reopening_the_next_day_does_not_rewrite_the_finished_day(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(20))  # due at +10m
    await perform_at(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(300))  # due at +4h
    await perform_at(db, demo_config, ticket, Action.CONFIRM, FARMER, m(310))
    before = (await rates(db, demo_config)).total
    await perform_at(db, demo_config, ticket, Action.REOPEN, FARMER, m(DAY + 60))
    after = (await rates(db, demo_config, now=LATER)).total
    for figures in (before, after):
        assert (figures.response_due, figures.responded_on_time, figures.overdue) == (1, 0, 1)
        assert (figures.closed, figures.resolution_due) == (1, 1)


async def transfer(db: Database, cfg: Config, ticket: Ticket, when: datetime) -> None:
    """青山's member sends the ticket on to 白石 at `when`."""
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        await perform(
            uow, cfg, loaded, Action.TRANSFER, actor_id=MEMBER, now=when, note="不在我们片区",
            to_team="curing-baishi",
        )  # fmt: skip
        await uow.commit()


async def test_a_team_that_passes_an_overdue_ticket_on_keeps_its_miss(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    # Nobody answered within the 10 minutes; half an hour later it goes to 白石.
    await transfer(db, demo_config, ticket, m(30))
    await perform_at(db, demo_config, ticket, Action.ACCEPT, BAISHI_MEMBER, m(33))
    qingshan, baishi = (await rates(db, demo_config)).groups
    assert (qingshan.key, qingshan.response_due, qingshan.responded_on_time) == (
        "curing-qingshan", 1, 0,
    )  # fmt: skip
    # 青山 received it (受理) and missed; 白石 answered its own dispatch in time
    assert qingshan.overdue == 1 and qingshan.created == 1
    assert (baishi.response_due, baishi.responded_on_time, baishi.created) == (1, 1, 0)
    total = (await rates(db, demo_config)).total
    assert (total.response_due, total.responded_on_time, total.overdue) == (2, 1, 1)


async def test_a_team_that_passes_a_ticket_on_in_time_has_answered_in_time(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await transfer(db, demo_config, ticket, m(5))  # "not ours", within the 10 minutes
    await perform_at(db, demo_config, ticket, Action.ACCEPT, BAISHI_MEMBER, m(8))
    qingshan, baishi = (await rates(db, demo_config)).groups
    assert (qingshan.response_due, qingshan.responded_on_time, qingshan.overdue) == (1, 1, 0)
    assert (baishi.response_due, baishi.responded_on_time, baishi.resolution_due) == (1, 1, 1)
    assert qingshan.resolution_due == 0  # the promise went on with the ticket


async def test_a_team_that_held_a_ticket_past_its_promise_keeps_the_miss_after_passing_it_on(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    before = {g.key: g for g in (await rates(db, demo_config)).groups}
    assert (before["curing-qingshan"].resolution_due, before["curing-qingshan"].overdue) == (1, 1)
    # The next day 青山 sends it to 白石, which gets it long after the 4-hour promise.
    await transfer(db, demo_config, ticket, m(DAY + 60))
    after = {g.key: g for g in (await rates(db, demo_config, now=LATER)).groups}
    assert set(after) == {"curing-qingshan"}  # 白石 had no part in that day
    qingshan = after["curing-qingshan"]
    assert (qingshan.resolution_due, qingshan.resolved, qingshan.overdue) == (1, 0, 1)


async def test_a_ticket_withdrawn_after_a_move_is_left_out_of_every_cycle(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await transfer(db, demo_config, ticket, m(30))  # late: the 10 minutes had passed
    await perform_at(db, demo_config, ticket, Action.CANCEL, FARMER, m(35))
    total = (await rates(db, demo_config)).total
    assert (total.response_due, total.resolution_due, total.cancelled) == (0, 0, 1)
    assert total.overdue == 1  # it was late all the same, as a cancelled ticket is


async def test_the_triage_desk_sending_a_ticket_on_is_its_response(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(
        db, demo_config, now=m(0), line="triage", team_id="triage", urgent=False
    )
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        await perform(
            uow, demo_config, loaded, Action.REASSIGN, actor_id=SUPERVISOR, now=m(20),
            note="烘烤问题", to_team="curing-qingshan",
        )  # fmt: skip
        await uow.commit()
    triage = {g.key: g for g in (await rates(db, demo_config)).groups}["triage"]
    assert (triage.response_due, triage.responded_on_time) == (1, 1)  # within its 30 minutes


async def test_an_answer_does_not_make_a_late_acceptance_on_time(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(20))  # due at +10m
    await perform_at(db, demo_config, ticket, Action.ASK, MEMBER, m(21), "是整片停电吗？")
    await perform_at(db, demo_config, ticket, Action.ANSWER, FARMER, m(60), "只有我家")
    async with db.uow(read_only=True) as uow:
        stored = await uow.tickets.get(ticket.id or 0)
    assert stored is not None and stored.accept_due_at == m(10)  # settled when accepted
    assert stored.resolve_due_at == m(240 + 39)  # the resolve clock got the wait back
    total = (await rates(db, demo_config)).total
    assert (total.response_due, total.responded_on_time, total.overdue) == (1, 0, 1)


async def test_a_question_before_accepting_is_the_response_after_the_answer_too(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, ticket, Action.ASK, MEMBER, m(5), "是整片停电吗？")
    await perform_at(db, demo_config, ticket, Action.ANSWER, FARMER, m(40), "只有我家")
    async with db.uow(read_only=True) as uow:
        stored = await uow.tickets.get(ticket.id or 0)
    # still to be accepted: the chase has the 5 minutes left when it asked
    assert stored is not None and stored.accept_due_at == m(45)
    await perform_at(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(50))
    await perform_at(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(100), "合上了电闸")
    total = (await rates(db, demo_config)).total
    assert (total.response_due, total.responded_on_time, total.overdue) == (1, 1, 0)


async def test_a_ticket_withdrawn_after_a_finished_period_keeps_its_miss_there(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))  # nobody ever accepts it
    await perform_at(db, demo_config, ticket, Action.CANCEL, FARMER, m(DAY + 60))
    total = (await rates(db, demo_config, now=LATER)).total
    assert (total.response_due, total.responded_on_time, total.overdue) == (1, 0, 1)
    assert total.cancelled == 0  # cancelled the next day


async def test_a_desk_redirect_keeps_a_question_already_asked_as_the_response(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await perform_at(db, demo_config, ticket, Action.ASK, MEMBER, m(5), "在哪个烤房群？")
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        await redirect(uow, demo_config, loaded, "curing-baishi", now=m(40), note="松林烤房群")
        await uow.commit()
    total = (await rates(db, demo_config, now=m(60))).total
    assert (total.response_due, total.responded_on_time, total.overdue) == (1, 1, 0)


async def test_a_complaint_taken_over_is_no_answer_of_the_team_it_was_taken_from(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(
        db, demo_config, now=m(0), kind=Kind.COMPLAINT, line="ordering", team_id="ordering",
        urgent=False, area="chengqu",
    )  # fmt: skip
    async with db.uow() as uow:  # 接管: the oversight team's member takes it over
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        await perform(
            uow, demo_config, loaded, Action.TRANSFER, actor_id=CONDUCT_MEMBER, now=m(5),
            role=Role.MEMBER, note="纪检接管", to_team="conduct",
        )  # fmt: skip
        await uow.commit()
    groups = {g.key: g for g in (await rates(db, demo_config)).groups}
    assert "ordering" not in groups or groups["ordering"].response_due == 0
