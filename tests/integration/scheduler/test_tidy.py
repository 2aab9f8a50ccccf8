"""The hourly tidy: what a step said is kept while Telegram might send its update again
(24 hours), then forgotten; the update stays a repeat that changes nothing."""

from __future__ import annotations

from core.config import Config
from scheduler.tidy import forget_old_replies
from storage.uow import Database
from tests.support.desk import Harness, texts

FARMER = 7001


async def test_a_repeat_within_a_day_says_it_again_and_after_that_nothing(
    db: Database, demo_config: Config
) -> None:
    desk = Harness(db, demo_config)
    await desk.seed()
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "风机不转了", key="tg:501")

    desk.clock.advance(hours=24)
    assert await forget_old_replies(db, desk.clock()) == 0  # Telegram may still send it
    assert "已报警" in texts(await desk.send(FARMER, "风机不转了", key="tg:501"))

    desk.clock.advance(hours=2)
    assert await forget_old_replies(db, desk.clock()) == 2  # /110 and the alarm's words
    again = await desk.send(FARMER, "风机不转了", key="tg:501")
    assert again.duplicate and (again.replies, again.toast) == ([], None)
    assert len(await desk.tickets()) == 1
