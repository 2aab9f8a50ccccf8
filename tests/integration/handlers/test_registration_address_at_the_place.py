"""A retailer asked where the shop is who types its address with the shop's name
(城关镇人民路12号 小梅烟酒店): the place question answered, the town taken when the
address names one, and the shop's name taken for the next question; not a request
offered to the triage desk. A request typed there still goes its own way."""

from __future__ import annotations

import pytest

from core.model import User
from routing import to_simplified
from tests.support.config_edits import with_area_aliases
from tests.support.desk import Harness, texts

RETAILER = 100002


async def _user(desk: Harness) -> User:
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(RETAILER)
    assert user is not None
    return user


async def _asked_the_place(desk: Harness) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小梅")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)


@pytest.mark.parametrize(
    ("typed", "area"),
    [
        ("城关镇人民路12号 小梅烟酒店", None),
        ("青山镇人民路12号 小梅烟酒店", "qingshan"),
        ("白石乡松林村三组 小梅烟酒店", "baishi"),
    ],
)
async def test_an_address_with_the_shop_is_the_place_and_the_shop_not_a_request(
    desk: Harness, typed: str, area: str | None
) -> None:
    await _asked_the_place(desk)
    await desk.send(RETAILER, typed)
    assert await desk.tickets() == []
    await desk.send(RETAILER, "520102100123")
    user = await _user(desk)
    assert (user.area, user.shop_name, user.licence_number) == (
        area,
        "小梅烟酒店",
        "520102100123",
    )


async def test_an_address_alone_is_the_place_and_the_shop_asked_next(desk: Harness) -> None:
    await _asked_the_place(desk)
    await desk.send(RETAILER, "龙潭镇新街38号门面")
    assert await desk.tickets() == []
    await desk.send(RETAILER, "小梅烟酒店")
    await desk.send(RETAILER, "520102100123")
    user = await _user(desk)
    assert (user.area, user.shop_name, user.licence_number) == (
        "longtan",
        "小梅烟酒店",
        "520102100123",
    )


@pytest.mark.parametrize(
    "typed",
    [
        "烤房停电了，温度一直往下掉",
        "我要投诉送货员，态度太差了",
        "卖假烟的店在人民路12号",
        "有个无证卖烟的在城关镇人民路12号",
    ],
)
async def test_a_request_typed_at_the_place_still_goes_its_own_way(
    desk: Harness, typed: str
) -> None:
    await _asked_the_place(desk)
    out = texts(await desk.send(RETAILER, typed))
    assert "店名" not in out and "店名" not in to_simplified(out)
    assert (await _user(desk)).shop_name is None


DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071


async def test_the_address_typed_is_kept_said_back_and_shown_on_the_teams_card(
    desk: Harness,
) -> None:
    """城关镇 is no town of the bureau's: the address is all that says where the shop is,
    so 登记完成 shows it (not 地点未选) and the team delivering reads it on the card."""
    await _asked_the_place(desk)
    await desk.send(RETAILER, "城关镇人民路12号 小梅烟酒店")
    out = texts(await desk.send(RETAILER, "520102100123"))
    assert "城关镇人民路12号" in out and "地点未选" not in out
    assert (await _user(desk)).address == "城关镇人民路12号"
    ticket = await desk.file_request(RETAILER, "今天送货的少了两条烟")
    assert ticket.team_id == "delivery"
    [card] = [
        r.payload["text"]
        for r in await desk.outbox()
        if r.chat_id == DELIVERY_CHAT and r.payload.get("text", "").startswith("工单")
    ]
    assert "地址：城关镇人民路12号" in card
    shown = texts(await desk.send(DELIVERY_MEMBER, f"/ticket {ticket.label}", chat=DELIVERY_CHAT))
    assert "地址：城关镇人民路12号" in shown


async def test_an_address_naming_a_town_is_said_after_the_town(desk: Harness) -> None:
    await _asked_the_place(desk)
    await desk.send(RETAILER, "青山镇人民路12号")
    await desk.send(RETAILER, "小梅烟酒店")
    out = texts(await desk.send(RETAILER, "520102100123"))
    assert "青山镇（青山镇人民路12号）" in out
    user = await _user(desk)
    assert (user.area, user.address) == ("qingshan", "青山镇人民路12号")


async def test_a_town_named_alone_keeps_no_address(desk: Harness) -> None:
    await _asked_the_place(desk)
    await desk.send(RETAILER, "龙潭镇")
    user = await _user(desk)
    assert (user.area, user.address) == ("longtan", None)


async def test_registering_again_a_town_chosen_drops_the_old_address_and_skip_keeps_it(
    desk: Harness,
) -> None:
    await _asked_the_place(desk)
    await desk.send(RETAILER, "城关镇人民路12号 小梅烟酒店")
    await desk.send(RETAILER, "520102100123")
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "跳过")  # the name
    await desk.send(RETAILER, "跳过")  # the phone
    await desk.press(RETAILER, "f:skip")  # the place
    await desk.send(RETAILER, "跳过")  # the shop
    await desk.send(RETAILER, "跳过")  # the licence
    assert (await _user(desk)).address == "城关镇人民路12号"
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "跳过")
    await desk.send(RETAILER, "跳过")
    await desk.press(RETAILER, "f:area:baishi")  # moved: the old door is elsewhere
    await desk.send(RETAILER, "跳过")
    await desk.send(RETAILER, "跳过")
    user = await _user(desk)
    assert (user.area, user.address) == ("baishi", None)


async def _registered_again_at_the_place_question(desk: Harness) -> None:
    """Registered at 青山镇, the retailer registers again and is asked the place."""
    await _asked_the_place(desk)
    await desk.press(RETAILER, "f:area:qingshan")
    await desk.send(RETAILER, "小梅烟酒店")
    await desk.send(RETAILER, "520102100123")
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "跳过")  # the name
    await desk.send(RETAILER, "跳过")  # the phone


async def test_registering_again_an_address_in_no_town_of_ours_takes_the_old_towns_place(
    desk: Harness,
) -> None:
    """Registered at 青山镇, the shop moved to 城关镇人民路12号 (no town of ours): not kept
    at 青山镇 silently as 青山镇（城关镇人民路12号）, its requests to 青山镇's teams, but
    placed by the address alone, as a first registration is, and told so."""
    await _registered_again_at_the_place_question(desk)
    out = texts(await desk.send(RETAILER, "城关镇人民路12号"))
    user = await _user(desk)
    assert (user.area, user.site_code, user.address) == (None, None, "城关镇人民路12号")
    assert "原来登记的青山镇不再是您的地点" in out, out
    assert "没有对上我们分片服务的乡镇/片区" in out


async def test_registering_again_an_address_in_a_town_of_ours_takes_that_town(
    desk: Harness,
) -> None:
    await _registered_again_at_the_place_question(desk)
    out = texts(await desk.send(RETAILER, "白石乡松林村三组"))
    user = await _user(desk)
    assert (user.area, user.address) == ("baishi", "白石乡松林村三组")
    assert "没有对上" not in out


@pytest.mark.parametrize("typed", ["城关镇人民路12号 小梅烟酒店", "城关镇"])
async def test_an_address_naming_no_town_of_ours_is_said_to_match_none(
    desk: Harness, typed: str
) -> None:
    """Told, with the towns there are, that the address names none of them: else 城关镇
    reads as a place the desk knows, while no town's team is theirs."""
    await _asked_the_place(desk)
    out = texts(await desk.send(RETAILER, typed))
    assert "没有对上我们分片服务的乡镇/片区（青山镇、白石乡、龙潭镇、城区）" in out
    assert "登记信息" in out


@pytest.mark.parametrize("typed", ["青山镇人民路12号 小梅烟酒店", "龙潭镇"])
async def test_an_address_naming_a_town_of_ours_is_not_said_to_match_none(
    desk: Harness, typed: str
) -> None:
    await _asked_the_place(desk)
    out = texts(await desk.send(RETAILER, typed))
    assert "没有对上" not in out


async def test_registering_again_the_place_question_says_the_address_registered(
    desk: Harness,
) -> None:
    """Only the address places the shop (城关镇 is no town of ours): the update's place
    question says it as the one 「跳过」 keeps, as it says a town or barn."""
    await _asked_the_place(desk)
    await desk.send(RETAILER, "城关镇人民路12号 小梅烟酒店")
    await desk.send(RETAILER, "520102100123")
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "跳过")  # the name
    out = texts(await desk.send(RETAILER, "跳过"))  # the phone
    assert "现在登记的地点是城关镇人民路12号，不改就点「跳过」" in out


@pytest.mark.parametrize(
    ("typed", "address"),
    [("人民路12号", "人民路12号"), ("白石乡松林村三组", "白石乡松林村三组"),
     ("新街38號門面", "新街38號門面")],
)  # fmt: skip
async def test_an_address_typed_for_the_shops_name_is_the_address_and_the_name_asked_again(
    desk: Harness, typed: str, address: str
) -> None:
    """The shop's question says the teams find the shop by its name: an address typed
    there is no sign a delivery could look for."""
    await _asked_the_place(desk)
    await desk.press(RETAILER, "f:area:chengqu")
    out = to_simplified(texts(await desk.send(RETAILER, typed)))
    assert "店铺地址记为" in out and "请再输入店铺的名称" in out
    user = await _user(desk)
    assert (user.shop_name, user.address) == (None, address)
    await desk.send(RETAILER, "小梅烟酒店")
    await desk.send(RETAILER, "520102100123")
    user = await _user(desk)
    assert (user.shop_name, user.address, user.area) == ("小梅烟酒店", address, "chengqu")


@pytest.mark.parametrize("typed", ["人民路便利店", "老字号", "幸福村", "12号烟酒店"])
async def test_a_shops_name_with_a_place_word_in_it_is_still_its_name(
    desk: Harness, typed: str
) -> None:
    await _asked_the_place(desk)
    await desk.press(RETAILER, "f:area:chengqu")
    await desk.send(RETAILER, typed)
    user = await _user(desk)
    assert (user.shop_name, user.address) == (typed, None)


@pytest.mark.parametrize("name", ["小梅烟酒店", "跳过"])
async def test_a_licence_typed_after_an_address_at_the_shop_question_is_kept(
    desk: Harness, name: str
) -> None:
    """人民路12号 520102100123 where the shop's name is asked: the address kept, the name
    asked again, and the licence not thrown away to be asked for again."""
    await _asked_the_place(desk)
    await desk.press(RETAILER, "f:area:qingshan")
    out = texts(await desk.send(RETAILER, "人民路12号 520102100123"))
    assert "许可证号 520102100123 也收到了" in out, out
    finished = texts(await desk.send(RETAILER, name))
    user = await _user(desk)
    assert user.address == "人民路12号"
    assert user.licence_number == "520102100123", user.licence_number
    assert user.shop_name == (None if name == "跳过" else name)
    assert "登记完成" in finished, finished


@pytest.mark.parametrize("put_off", ["以后再说", "先不填", "算了"])
async def test_a_licence_typed_after_an_address_is_kept_when_the_name_is_put_off(
    desk: Harness, put_off: str
) -> None:
    """人民路12号 520102100123, said to be received, then the name asked again put off or
    left: the licence is registered all the same, as when the name is answered."""
    await _asked_the_place(desk)
    await desk.press(RETAILER, "f:area:qingshan")
    out = texts(await desk.send(RETAILER, "人民路12号 520102100123"))
    assert "许可证号 520102100123 也收到了" in out, out
    await desk.send(RETAILER, put_off)
    user = await _user(desk)
    assert user.address == "人民路12号"
    assert user.licence_number == "520102100123", user.licence_number


@pytest.mark.parametrize("typed", ["人民路12号 52010210012", "人民路12号 990102100123"])
async def test_a_mistyped_licence_after_an_address_is_not_said_to_be_received(
    desk: Harness, typed: str
) -> None:
    """人民路12号 with a licence number a digit short, or of no province: said to be wrong,
    not 也收到了, and asked for at its own question after the name, not dropped unsaid."""
    await _asked_the_place(desk)
    await desk.press(RETAILER, "f:area:qingshan")
    out = texts(await desk.send(RETAILER, typed))
    assert "也收到了" not in out and "不对" in out and "12 位" in out, out
    out = texts(await desk.send(RETAILER, "小梅烟酒店"))
    assert "许可证号" in out and "登记完成" not in out, out
    user = await _user(desk)
    assert (user.address, user.shop_name, user.licence_number) == ("人民路12号", "小梅烟酒店", None)
    await desk.send(RETAILER, "520102100123")
    assert (await _user(desk)).licence_number == "520102100123"


@pytest.mark.parametrize(
    ("typed", "address"), [("城关镇", None), ("城關鎮人民路12號", "城關鎮人民路12號")]
)
async def test_a_towns_other_name_in_the_config_names_it(
    desk: Harness, typed: str, address: str | None
) -> None:
    """城关镇, the name people call 城区 by, given as its alias: that town, its team the
    shop's, not an address of a town the desk does not serve."""
    desk = Harness(desk.db, with_area_aliases(desk.cfg, "chengqu", "城关镇"), desk.clock)
    await _asked_the_place(desk)
    out = texts(await desk.send(RETAILER, typed))
    assert "没有对上" not in to_simplified(out), out
    user = await _user(desk)
    assert (user.area, user.address) == ("chengqu", address)


async def test_without_an_alias_another_towns_name_is_said_not_served(desk: Harness) -> None:
    await _asked_the_place(desk)
    out = texts(await desk.send(RETAILER, "城关镇"))
    assert "没有对上" in out and (await _user(desk)).area is None


@pytest.mark.parametrize(
    "typed", ["人民路12号 小梅烟酒店 520102100123", "人民路12号小梅烟酒店，许可证号5201 0210 0123"]
)
async def test_an_address_shop_and_licence_typed_together_answer_all_three(
    desk: Harness, typed: str
) -> None:
    """The place, the sign and the licence in one message: registration is finished with
    all three, not left for a request offered to the triage desk."""
    await _asked_the_place(desk)
    out = texts(await desk.send(RETAILER, typed))
    assert "登记完成" in out and "求助办事」提交吗" not in out, out
    assert await desk.tickets() == []
    user = await _user(desk)
    assert (user.address, user.shop_name, user.licence_number) == (
        "人民路12号",
        "小梅烟酒店",
        "520102100123",
    )


async def test_a_mistyped_licence_after_the_address_and_shop_is_asked_again(
    desk: Harness,
) -> None:
    await _asked_the_place(desk)
    out = texts(await desk.send(RETAILER, "人民路12号 小梅烟酒店 52010210012"))
    assert "11 位" in out and "登记完成：" not in out, out
    user = await _user(desk)
    assert (user.shop_name, user.licence_number) == ("小梅烟酒店", None)
