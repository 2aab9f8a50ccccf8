"""Team commands typed with the wrong arguments, and the supervisor's 催办 reaching who
works on the ticket."""

from __future__ import annotations

from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

TEAM_CHAT = -1001000000001


async def _on_duty(desk: Harness) -> set[int]:
    async with desk.db.uow(read_only=True) as uow:
        return {m.user_id for m in await uow.memberships.of_team("curing-qingshan") if m.on_duty}


async def test_duty_for_someone_named_rather_than_numbered_changes_nobody(desk: Harness) -> None:
    out = await desk.send(LEADER, "/duty 赵队员 on", chat=TEAM_CHAT)
    assert "用法" in texts(out) and "钱队长" not in texts(out)
    assert await _on_duty(desk) == set()
    await desk.file_110(FARMER)
    pages = {r.chat_id for r in await desk.outbox() if r.purpose == "card" and r.chat_id > 0}
    assert pages == {LEADER}  # nobody on duty: the leader is paged, as before


async def test_a_supervisors_nudge_reaches_the_member_who_accepted(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "已催办" in texts(out)
    nudged = {r.chat_id for r in await desk.outbox() if r.purpose == "remind"}
    # The member on the road to the barn, as well as the team chat and the paged leader.
    assert nudged == {TEAM_CHAT, LEADER, MEMBER}
