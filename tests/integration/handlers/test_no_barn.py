"""A retailer or a staff member has no curing barn: their 停电 is their shop's or office's,
and pages no 110 team. The same words beside a barn's (烤房停电了) still raise the alarm."""

from __future__ import annotations

import pytest

from core.enums import Kind
from tests.support.desk import Harness, button_actions, texts
from tests.support.tickets import FARMER

RETAILER, STAFF = 100002, 100003


@pytest.mark.parametrize(
    ("user", "kind", "words"),
    [
        (RETAILER, "retailer", "店裡停電了，收銀機開不了"),
        (RETAILER, "retailer", "店里停电了，扫码枪用不了"),
        (STAFF, "staff", "办公室停电了，电脑开不了机"),
    ],
)
async def test_a_power_cut_without_a_barn_is_a_request_not_an_alarm(
    desk: Harness, user: int, kind: str, words: str
) -> None:
    await desk.registered_as(user, kind)
    out = await desk.send(user, words)
    assert "报警" not in texts(out) and "報警" not in texts(out)
    assert "f:ok" in button_actions(out)  # the request's confirm, as for any other words
    assert await desk.tickets() == []
    # Nobody paged: at most their own command menu, in the script they write.
    assert {r.method for r in await desk.outbox()} <= {"set_menu"}
    await desk.press(user, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is not Kind.EMERGENCY and not ticket.urgent
    assert ticket.line != "curing"


async def test_a_retailer_whose_barn_fails_still_raises_the_alarm(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    out = await desk.send(RETAILER, "烤房停电了，温度一直往下掉")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.urgent


async def test_a_retailers_ordering_trouble_after_a_power_cut_is_not_urgent(
    desk: Harness,
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, "订货系统昨天停电没订上，能补订吗")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.line == "ordering" and not ticket.urgent


@pytest.mark.parametrize("farmer_known", [True, False], ids=["farmer", "not yet registered"])
async def test_a_power_cut_from_someone_who_may_have_a_barn_is_an_alarm(
    desk: Harness, farmer_known: bool
) -> None:
    user = FARMER if farmer_known else 100099
    out = await desk.send(user, "停电了")
    assert "已报警" in texts(out)


async def test_a_fire_without_a_barn_is_still_urgent_and_told_to_call_119(
    desk: Harness,
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    out = await desk.send(RETAILER, "店里着火了，有人触电了")
    assert "119" in texts(out) and "已报警" not in texts(out)
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.kind is not Kind.EMERGENCY
