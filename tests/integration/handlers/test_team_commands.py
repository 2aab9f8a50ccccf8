"""Team commands typed with the wrong arguments."""

from __future__ import annotations

from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER

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

