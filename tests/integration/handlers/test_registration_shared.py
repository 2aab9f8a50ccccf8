"""A phone or a location shared at a registration question that asks something else is kept
for the question that wants it (the phone not asked again; the place matched from the
location when it is asked), or politely said not to be what is asked; the question being
asked is put again. In the script the person reads."""

from __future__ import annotations

from core.model import User
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER

RETAILER = 100002
BARN = (26.512, 106.702)  # 青山镇大坪烤房群 (QS01)


async def _person(desk: Harness, user: int) -> User:
    async with desk.db.uow(read_only=True) as uow:
        found = await uow.users.get(user)
    assert found is not None
    return found


async def test_a_phone_shared_at_the_name_is_kept_and_not_asked_for_again(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = texts(await desk.contact(FARMER, "8613800000001", owner=FARMER))
    assert "已记下您的手机号 +8613800000001" in out and "请输入您的姓名" in out
    asked = texts(await desk.send(FARMER, "张大山"))
    assert "手机号" not in asked and "乡镇" in asked  # on to the place
    person = await _person(desk, FARMER)
    assert person.phone == "+8613800000001" and person.registered


async def _pin_shared_at_the_kind_places_the_barn(desk: Harness, start: str) -> str:
    """`start`, a pin at the barn shared at 您是, then registering as a farmer: the barn
    found from it; what the pin was answered with."""
    await desk.send(FARMER, start)
    out = texts(await desk.location(FARMER, *BARN))
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    done = texts(await desk.contact(FARMER, "8613800000001", owner=FARMER))
    assert "青山镇大坪烤房群" in done and "登记完成" in done
    person = await _person(desk, FARMER)
    assert (person.site_code, person.area) == ("QS01", "qingshan")
    return out


async def test_a_location_shared_at_the_kind_places_a_farmer_at_the_barn(desk: Harness) -> None:
    out = await _pin_shared_at_the_kind_places_the_barn(desk, "/start")
    assert "已收到您的位置" in out and "您是" not in out and "烟农" in out  # asked again


async def test_a_traditional_reader_is_told_in_traditional(desk: Harness) -> None:
    await desk.press(RETAILER, "lang:hant")
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    out = texts(await desk.contact(RETAILER, "8613800000001", owner=FARMER))
    assert "不是您本人的手機號，沒有記下" in out and "請輸入您的姓名" in out
    assert (await _person(desk, RETAILER)).phone == ""
    out = texts(await desk.contact(RETAILER, "8613800000002", owner=RETAILER))
    assert "已記下您的手機號 +8613800000002" in out
    await desk.send(RETAILER, "王小五")
    await desk.press(RETAILER, "f:area:qingshan")
    out = texts(await desk.location(RETAILER, *BARN))
    assert "現在問的不是地點" in out and "店鋪的名稱" in out
    assert (await _person(desk, RETAILER)).site_code is None


async def test_a_phone_shared_at_the_place_after_skipping_it_is_kept(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.send(FARMER, "跳过")
    out = texts(await desk.contact(FARMER, "8613800000001", owner=FARMER))
    assert "已记下您的手机号" in out and "乡镇" in out
    await desk.press(FARMER, "f:area:qingshan")
    person = await _person(desk, FARMER)
    assert person.phone == "+8613800000001" and person.registered


async def test_a_location_shared_after_a_site_qr_code_is_not_promised_a_use(
    desk: Harness,
) -> None:
    """Bound by the barn's QR code, where the farmer is is known and the place not asked:
    a location shared on the way is not said to be used for it."""
    await desk.send(FARMER, "/start site_QS01")
    out = texts(await desk.location(FARMER, 26.60, 106.80))  # nearer another barn
    assert "已收到您的位置" not in out and "现在问的不是地点" in out
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    done = texts(await desk.contact(FARMER, "8613800000001", owner=FARMER))
    assert "青山镇大坪烤房群" in done
    assert (await _person(desk, FARMER)).site_code == "QS01"


async def test_a_location_shared_after_a_station_qr_code_places_the_farmers_barn(
    desk: Harness,
) -> None:
    """A purchase station's QR code says no barn: the location shared before who they are
    is kept for the place question a farmer is asked, and finds the barn."""
    out = await _pin_shared_at_the_kind_places_the_barn(desk, "/start site_BSZ")
    assert "已收到您的位置" in out
