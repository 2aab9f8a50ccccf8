"""A member's press on a ticket their team does not have says whose it is; "不能再操作"
(no longer) only to a team that had it before it was sent on (before: a member of a team
that never had the ticket was told they could no longer act on it)."""

from __future__ import annotations

from core.config import Config
from core.enums import Kind
from storage.uow import Database
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR, new_ticket

TEAM_CHAT = -1001000000001
RETAILER = 100002


async def test_a_press_on_another_teams_ticket_does_not_say_no_longer(
    desk: Harness, db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(
        db,
        demo_config,
        kind=Kind.REQUEST,
        text="昨天送货少了两条中华",
        requester_id=RETAILER,
        chat_id=RETAILER,
        line="delivery",
        team_id="delivery",
        urgent=False,
        area="chengqu",
        site_code=None,
    )
    for who in (MEMBER, LEADER):
        out = await desk.press(who, f"tk:acc:{ticket.id}")
        assert "由物流配送中心办理，不是您所在服务队的工单" in texts(out), texts(out)
        assert "不能再" not in texts(out)
    [still] = await desk.tickets()
    assert still.status.value == "dispatched" and still.accepted_by is None


async def test_the_team_that_had_it_before_a_reassignment_is_told_no_longer(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    await desk.send(SUPERVISOR, f"/reassign {ticket.label} curing-baishi")
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    assert "现由白石乡烘烤110服务队办理，您所在的服务队不能再操作它" in texts(out)
