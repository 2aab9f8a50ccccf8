"""What /echo and /help tell a requester about the echo wall (回音壁) is what a post shows:
the town is written, the village, group and house number are not; and a bureau with no wall
promises no post."""

from __future__ import annotations

from core.config import Config
from core.lifecycle import ECHO_POST
from reports.echo_publisher import publish_recent
from storage.uow import Database
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, MEMBER

TEAM_CHAT = -1001000000001
TOWN_SHOWN = "只写到乡镇"


async def test_echo_on_and_help_say_the_town_is_shown_as_the_post_shows_it(desk: Harness) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{ticket_id}")
    await desk.press(FARMER, f"my:r:{ticket_id}:5")
    assert await publish_recent(desk.db, desk.cfg, desk.clock()) == 1
    async with desk.db.uow(read_only=True) as uow:
        [row] = await uow.outbox.waiting(ticket_id, (ECHO_POST,))
    [ticket] = await desk.tickets()
    assert ticket.area is not None
    area = desk.cfg.area(ticket.area)
    assert area is not None and area.name in row.payload["text"]  # the post names the town

    for said in (
        texts(await desk.send(FARMER, "/echo on")),
        texts(await desk.send(FARMER, "/help")),
    ):
        assert TOWN_SHOWN in said and "姓名、电话、地点" not in said


async def test_echo_promises_no_post_where_there_is_no_wall(
    db: Database, demo_config: Config
) -> None:
    no_wall = Harness(db, demo_config.model_copy(update={"echo_wall_chat": None}))
    await no_wall.registered_as(FARMER, "farmer")
    for word in ("on", "off"):
        said = texts(await no_wall.send(FARMER, f"/echo {word}"))
        assert "没有开设回音壁" in said and "会匿名出现" not in said
