"""A retailer registered without their shop's name or licence number (before shops were asked,
or either skipped) is reminded once, at /start or when they file a request, and adds or
changes only the shop and licence with 🏪 补充店铺信息 (the main menu's, the reminder's, or
更新登记信息's 🏪 只改店名、许可证号) without answering who they are, name, phone and place
again. In the script they read."""

from __future__ import annotations

from core.enums import Requester
from core.model import User
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, T0

RETAILER = 100002
LICENCE = "520102100123"


async def _person(desk: Harness, user: int) -> User:
    async with desk.db.uow(read_only=True) as uow:
        found = await uow.users.get(user)
    assert found is not None
    return found


async def _registered_before_shops(desk: Harness) -> None:
    """A retailer as registered before the shop was asked (migration 0012): none known."""
    async with desk.db.uow() as uow:
        await uow.users.add(
            User(
                RETAILER,
                T0,
                name="王小五",
                kind=Requester.RETAILER,
                phone="+8613800000002",
                area="qingshan",
                registered_at=T0,
            )
        )
        await uow.commit()


async def test_a_retailer_registered_before_shops_is_reminded_once_at_start(
    desk: Harness,
) -> None:
    await _registered_before_shops(desk)
    out = await desk.send(RETAILER, "/start")
    assert "您的登记还没有店名和许可证号" in texts(out) and "不用重填" in texts(out)
    assert "m:shop" in button_data(out)
    assert (await _person(desk, RETAILER)).shop_reminded_at is not None
    again = await desk.send(RETAILER, "/start")
    assert "还没有店名" not in texts(again)
    await desk.file_request(RETAILER, "这周的烟还没送到")
    assert "还没有店名" not in texts(await desk.send(RETAILER, "/start"))


async def test_a_retailer_filing_a_request_is_reminded_once_in_traditional(
    desk: Harness,
) -> None:
    await _registered_before_shops(desk)
    await desk.press(RETAILER, "lang:hant")
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "這週的菸還沒送到")
    await desk.press(RETAILER, "f:next")
    out = await desk.press(RETAILER, "f:ok")
    assert "已提交" in texts(out) and "您的登記還沒有店名和許可證號" in texts(out)
    assert "m:shop" in button_data(out)
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "訂貨系統登錄不上")
    await desk.press(RETAILER, "f:next")
    second = await desk.press(RETAILER, "f:ok")
    assert "已提交" in texts(second) and "還沒有" not in texts(second)


async def test_the_shop_button_asks_only_the_shop_and_licence(desk: Harness) -> None:
    await _registered_before_shops(desk)
    menu = await desk.send(RETAILER, "/help")
    assert "m:shop" in button_data(menu)
    asked = texts(await desk.press(RETAILER, "m:shop"))
    assert "店铺的名称" in asked and "您是" not in asked
    assert "许可证号" in texts(await desk.send(RETAILER, "老王烟酒店"))
    done = await desk.send(RETAILER, LICENCE)
    assert "店铺信息已保存" in texts(done) and f"许可证号：{LICENCE}" in texts(done)
    assert "登记完成" not in texts(done) and "m:shop" not in button_data(done)
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("老王烟酒店", LICENCE)
    assert (person.name, person.phone, person.area) == ("王小五", "+8613800000002", "qingshan")
    assert person.registered


async def test_later_at_the_shop_button_puts_both_off_and_saves_nothing(desk: Harness) -> None:
    await _registered_before_shops(desk)
    await desk.press(RETAILER, "m:shop")
    out = texts(await desk.send(RETAILER, "以后再说"))
    assert "现在登记的店铺信息" in out and "店铺：未填　许可证号：未填" in out
    assert "已保存" not in out and "请输入您的烟草专卖零售许可证号" not in out
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == (None, None)


async def test_updating_the_registration_offers_only_the_shop_in_traditional(
    desk: Harness,
) -> None:
    await _registered_before_shops(desk)
    await desk.press(RETAILER, "lang:hant")
    out = await desk.press(RETAILER, "m:reg")
    assert "更新登記信息" in texts(out) and "m:shop" in button_data(out)
    asked = texts(await desk.press(RETAILER, "m:shop"))
    assert "店鋪的名稱" in asked
    await desk.send(RETAILER, "老王煙酒店")
    left = texts(await desk.send(RETAILER, "算了"))  # the licence not now: the shop kept
    assert "店鋪：老王煙酒店" in left and "許可證號：未填" in left
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("老王煙酒店", None)


async def test_shop_words_typed_open_it_and_a_farmer_is_told_it_is_a_retailers(
    desk: Harness,
) -> None:
    await _registered_before_shops(desk)
    assert "店铺的名称" in texts(await desk.send(RETAILER, "补充店铺信息"))
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    done = await desk.press(FARMER, "f:area:qingshan")
    assert "m:shop" not in button_data(done)
    assert "m:shop" not in button_data(await desk.press(FARMER, "m:reg"))
    told = texts(await desk.press(FARMER, "m:shop"))
    assert "零售户登记的" in told
    person = await _person(desk, FARMER)
    assert person.shop_name is None and person.shop_reminded_at is None


async def test_shop_words_typed_before_registering_register_first(desk: Harness) -> None:
    """Someone not registered yet who types 店铺信息 is registered, the shop asked in its
    place: not left with a shop and no name, phone or place, nor told they are no retailer."""
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    asked = texts(await desk.send(RETAILER, "店铺信息"))
    assert "您是" in asked and "店铺信息已保存" not in asked
    unregistered = texts(await desk.send(FARMER, "改店名"))
    assert "您是" in unregistered and "不是零售户" not in unregistered
    assert not (await _person(desk, RETAILER)).registered


async def test_a_retailer_who_just_skipped_the_licence_is_not_reminded_of_it_again(
    desk: Harness,
) -> None:
    """Registration's own summary said what is missing and how to add it: the first
    request after it is not told the same again."""
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.press(RETAILER, "f:area:chengqu")
    await desk.send(RETAILER, "老王烟酒店")
    done = await desk.send(RETAILER, "以后再说")
    assert "补充店铺信息" in texts(done)
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "这周的烟还没送到")
    await desk.press(RETAILER, "f:next")
    filed = await desk.press(RETAILER, "f:ok")
    assert "已提交" in texts(filed) and "还没有许可证号" not in texts(filed)


async def test_only_the_shop_pressed_at_the_update_is_no_update_left_unfinished(
    desk: Harness,
) -> None:
    """🏪 只改店名、许可证号 is 更新登记信息's own way on: the retailer is not told that the
    update was left unfinished and nothing changed, right before the shop's question."""
    await _registered_before_shops(desk)
    out = await desk.press(RETAILER, "m:reg")
    assert "m:shop" in button_data(out)
    asked = texts(await desk.press(RETAILER, "m:shop"))
    assert "店铺的名称" in asked
    assert "没有完成" not in asked and "没有改动" not in asked


async def test_a_new_name_typed_then_only_the_shop_pressed_is_told_not_saved(
    desk: Harness,
) -> None:
    """🏪 pressed on the update's first message after a new name was typed leaves the
    update: the name is put back, and the retailer is told so rather than left to think
    it saved."""
    await _registered_before_shops(desk)
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王大五")
    asked = texts(await desk.press(RETAILER, "m:shop"))
    assert (await _person(desk, RETAILER)).name == "王小五"
    assert "没有改动" in asked, asked
