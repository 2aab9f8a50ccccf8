"""The menu, the welcome and /help follow who the person registered as: no 110 button for
a retailer, the wish list only for staff, 110 for a farmer and for someone not yet known."""

from __future__ import annotations

import pytest

from core.config import Config
from core.enums import Requester
from storage.uow import Database
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER, SUPERVISOR

RETAILER, STAFF, NEWCOMER = 100002, 100003, 100099


@pytest.mark.parametrize(
    ("user", "kind", "shown", "hidden", "how"),
    [
        (FARMER, "farmer", {"m:110"}, {"m:wish"}, "烤房出故障请点 🚨110 报警"),
        (RETAILER, "retailer", set(), {"m:110", "m:wish"}, "许可证、订货、配送等问题"),
        (STAFF, "staff", {"m:wish"}, {"m:110"}, "职工心愿点「🌱 心愿」"),
    ],
)
async def test_the_menu_offers_what_the_person_has_a_use_for(
    desk: Harness, user: int, kind: str, shown: set[str], hidden: set[str], how: str
) -> None:
    await desk.registered_as(user, kind)
    for command in ("/start", "/help"):
        out = await desk.send(user, command)
        buttons = set(button_data(out))
        assert shown <= buttons and not hidden & buttons, command
        assert {"m:new", "m:my", "m:complain", "m:suggest", "m:reg"} <= buttons
    welcome = texts(await desk.send(user, "/start"))
    assert how in welcome
    told = texts(await desk.send(user, "/help"))
    assert ("/110" in told) == ("m:110" in shown) and ("/wish" in told) == ("m:wish" in shown)


async def test_someone_not_yet_registered_is_offered_110(desk: Harness) -> None:
    out = await desk.send(NEWCOMER, "/start")
    assert "m:110" in button_data(out) and "烤房出故障" in texts(out)


async def test_a_retailer_writing_traditional_reads_the_welcome_in_traditional(
    desk: Harness,
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, "/lang")
    await desk.press(RETAILER, "lang:hant")
    out = await desk.send(RETAILER, "/start")
    assert "許可證、訂貨、配送等問題" in texts(out)


@pytest.mark.parametrize("user", [MEMBER, SUPERVISOR], ids=["team member", "supervisor"])
async def test_the_bureaus_own_people_are_not_asked_if_they_farm_or_keep_a_shop(
    desk: Harness, user: int
) -> None:
    out = await desk.send(user, "/start")
    assert "已记为本局职工" in texts(out) and "您是" not in texts(out)
    assert not {"f:kind:farmer", "f:kind:retailer"} & set(button_data(out))
    assert "m:wish" in button_data(out)  # the staff menu
    await desk.send(user, "赵队员")
    await desk.send(user, "跳过")
    done = await desk.send(user, "跳过")
    assert "登记完成：赵队员，职工" in texts(done)
    async with desk.db.uow(read_only=True) as uow:
        person = await uow.users.get(user)
    assert person is not None and person.kind is Requester.STAFF and person.name == "赵队员"


async def test_a_newcomer_is_still_asked_what_they_are(desk: Harness) -> None:
    out = await desk.send(NEWCOMER, "/start")
    assert {"f:kind:farmer", "f:kind:retailer", "f:kind:staff"} <= set(button_data(out))


@pytest.mark.parametrize(
    ("user", "kind", "how"),
    [
        (FARMER, "farmer", "🚨110"),
        (RETAILER, "retailer", "许可证、订货、配送"),
        (STAFF, "staff", "🌱 心愿"),
    ],
)
async def test_a_greeting_is_answered_with_what_the_person_has_a_use_for(
    desk: Harness, user: int, kind: str, how: str
) -> None:
    await desk.registered_as(user, kind)
    said = texts(await desk.send(user, "你好"))
    assert "您好" in said and how in said
    assert ("110" in said) == (kind == "farmer")


async def test_help_tells_a_requester_how_to_keep_their_tickets_off_the_echo_wall(
    db: Database, demo_config: Config
) -> None:
    """A bureau with an echo wall posts every closed ticket there unless its requester says
    /echo off: /help says so, or nobody would know there is anything to refuse."""
    desk = Harness(db, demo_config)
    await desk.registered_as(FARMER, "farmer")
    told = texts(await desk.send(FARMER, "/help"))
    assert "/echo off 办结的工单不公开到回音壁" in told
    no_wall = Harness(db, demo_config.model_copy(update={"echo_wall_chat": None}))
    assert "/echo" not in texts(await no_wall.send(FARMER, "/help"))
