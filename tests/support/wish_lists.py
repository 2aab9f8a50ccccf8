"""A staff member's wish list of three items filed and answered by the wish team, the
common start of the tests of verdicts on a list's items."""

from __future__ import annotations

from tests.support.desk import Harness

STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER = 200081
THREE_WISHES = "1、组织一次职工体检；2、食堂增加早餐品种；3、更换宿舍空调"


async def wish_list_answered(desk: Harness, hows: tuple[str, ...] = ("", "", "")) -> list[int]:
    """The three items (体检, 早餐, 空调) filed as a list and each resolved as `hows` says
    (`""` granted, `":partly"`, `":declined"`): their ids in the list's order."""
    return await desk.prepared(("wish_list_answered", hows), lambda: _answered(desk, hows))


async def _answered(desk: Harness, hows: tuple[str, ...]) -> list[int]:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets() if t.id is not None]
    for wish, how in zip(items, hows, strict=True):
        await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.press(STAFF_MEMBER, f"tk:res:{wish}{how}", chat=STAFF_TEAM_CHAT)
        await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)
    return items
