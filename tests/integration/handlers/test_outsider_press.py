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


async def test_a_supervisor_on_an_old_card_is_not_told_of_a_team_they_are_not_in(
    desk: Harness,
) -> None:
    # The call was sent on from 青山镇 to 白石乡; a supervisor presses 转派 on the card left
    # in 青山镇's chat. No team of theirs ever had it: "您所在的服务队" would be false.
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    await desk.send(SUPERVISOR, f"/reassign {ticket.label} curing-baishi")
    out = await desk.press(SUPERVISOR, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    assert out.toast == (
        f"工单 {ticket.label} 现由白石乡烘烤110服务队办理，这张卡片已不能再操作；"
        f"要催办或改派，请发 /ticket {ticket.label}。"
    )
    [still] = await desk.tickets()
    assert still.team_id == "curing-baishi"


async def test_a_supervisors_reason_typed_after_another_moved_it_names_no_team_of_theirs(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(SUPERVISOR, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(SUPERVISOR, f"tk:xto:{ticket_id}:monopoly", chat=TEAM_CHAT)
    await desk.press(LEADER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    await desk.send(LEADER, "烤房在白石乡", chat=TEAM_CHAT)
    out = await desk.send(SUPERVISOR, "属于专卖管理所", chat=TEAM_CHAT)
    said = texts(out)
    assert "现由白石乡烘烤110服务队办理，这张卡片已不能再操作" in said, said
    assert "您所在的服务队" not in said
    [still] = await desk.tickets()
    assert still.team_id == "curing-baishi"
