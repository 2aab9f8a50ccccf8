"""The rates on a constructed history whose answers are worked out by hand (see dataset.py)."""

from __future__ import annotations

import pytest

from core.config import Config, RateWeights
from core.enums import Action
from core.services import perform
from reports.rates import GroupRates, RatesReport, compute
from storage.uow import Database
from tests.integration.reports.dataset import AFTER, build, m, window
from tests.integration.reports.dataset import act as perform_at
from tests.support.tickets import FARMER, MEMBER, new_ticket


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
    # A..F: D cancelled (left out of the rates), E counted on its cycle after the reopen
    assert counts(qingshan) == {
        "created": 6, "closed": 4, "cancelled": 1,
        "response_due": 5, "responded_on_time": 3,  # A, E, F on time; B late; C never
        "resolution_due": 5, "resolved": 4,  # A, B, E, F closed; C past its deadline
        "rated": 3, "satisfied": 1, "basically_satisfied": 1,  # A 5, E 4, F 2
        "overdue": 2,  # B (both deadlines), C
        "closed_after_reopen": 1,  # E
    }  # fmt: skip
    assert qingshan.response_rate == pytest.approx(0.6)
    assert qingshan.resolution_rate == pytest.approx(0.8)
    assert qingshan.satisfaction_rate == pytest.approx(1.9 / 3)
    assert qingshan.reopen_rate == pytest.approx(0.25)
    assert qingshan.composite(demo_config.rates) == pytest.approx(0.06 + 0.4 + 0.4 * 1.9 / 3)
    # accepts (from the last dispatch): F 2m, A 5m, E 5m after its reopen, B 20m
    assert qingshan.accept_seconds == [120, 300, 300, 1200]
    assert qingshan.accept_median == 300 and qingshan.accept_p90 == pytest.approx(930)
    # resolves (from creation or the last reopen): F 30m, A 1h, E 1h, B 4h50m
    assert qingshan.resolve_seconds == [1800, 3600, 3600, 17400]
    assert qingshan.resolve_median == 3600 and qingshan.resolve_p90 == pytest.approx(13260)

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
    assert total.response_rate == pytest.approx(4 / 6)
    assert total.resolution_rate == pytest.approx(6 / 7)
    assert total.satisfaction_rate == pytest.approx(0.76)
    assert total.reopen_rate == pytest.approx(1 / 6)
    assert total.accept_median == 300 and total.accept_p90 == pytest.approx(840)
    assert total.resolve_median == 3600 and total.resolve_p90 == pytest.approx(14100)


async def test_grouping_by_area_line_and_kind(db: Database, demo_config: Config) -> None:
    await build(db, demo_config)
    by_area = await rates(db, demo_config, by="area")
    assert [(g.label, g.created, g.resolved) for g in by_area.groups] == [
        ("青山镇", 6, 4),
        ("白石乡", 2, 2),
    ]
    for by, label in (("line", "烘烤110"), ("kind", "紧急求助(110)")):
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
    # the reopen gave it new deadlines (+10m, +4h) that passed with nobody accepting it
    assert (total.response_due, total.responded_on_time) == (1, 0)
    assert (total.resolution_due, total.resolved, total.closed) == (1, 0, 0)
    assert total.overdue == 1
    # times are measured on the current cycle, which has neither accept nor resolve yet
    assert total.accept_seconds == [] and total.resolve_seconds == []


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


async def test_composite_weights_come_from_the_config(db: Database, demo_config: Config) -> None:
    await build(db, demo_config)
    only_response = demo_config.model_copy(
        update={"rates": RateWeights(response=1, resolution=0, satisfaction=0)}
    )
    qingshan = (await rates(db, only_response)).groups[0]
    assert qingshan.composite(only_response.rates) == pytest.approx(0.6)
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
