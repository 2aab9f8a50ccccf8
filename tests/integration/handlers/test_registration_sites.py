"""Sites in the words that fit them: a farmer's barn cluster is where a 110 call sends the
team; a retailer's site is the shop district, and 110 is not theirs to be told about."""

from __future__ import annotations

import pytest

from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002
STAFF = 100003


async def test_a_barn_cluster_qr_tells_the_farmer_about_110(desk: Harness) -> None:
    out = await desk.send(FARMER, "/start site_QS01")
    bound = out.replies[0].text
    assert bound == "已绑定烤房群：青山镇大坪烤房群（青山镇）。报110时会自动带上位置。"


@pytest.mark.parametrize(
    ("lang", "told"),
    [
        (
            None,
            "已改为绑定烤房群：白石乡松林烤房群（白石乡），不再是青山镇大坪烤房群。"
            "报110时会自动带上新的位置；青山镇大坪烤房群的烤房出事，报警时说一下是哪个烤房就行。",
        ),
        (
            "lang:hant",
            "已改為綁定烤房群：白石鄉松林烤房群（白石鄉），不再是青山鎮大坪烤房群。",
        ),
    ],
)
async def test_another_barn_clusters_qr_says_it_replaces_the_farmers_barn(
    desk: Harness, lang: str | None, told: str
) -> None:
    """A farmer with barns in two clusters scans the second's code: one barn is kept, the
    new one, and the farmer is told so, with how to call 110 for the other; 已绑定 alone
    read as if the code were added to the first."""
    if lang:
        await desk.press(FARMER, lang)
    await desk.send(FARMER, "/start site_QS01")
    out = texts(await desk.send(FARMER, "/start site_BS01"))
    assert told in out and "已绑定烤房群" not in out and "已綁定烤房群" not in out
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and (farmer.site_code, farmer.area) == ("BS01", "baishi")
    again = texts(await desk.send(FARMER, "/start site_BS01"))
    assert "已绑定烤房群：白石乡松林烤房群" in again or "已綁定烤房群：白石鄉松林烤房群" in again


@pytest.mark.parametrize(
    ("code", "lang", "told"),
    [
        (
            "BSZ",
            None,
            "这是白石烟叶收购站（白石乡）的二维码；您登记的烤房群青山镇大坪烤房群没有改变，"
            "报110时照样会带上它。",
        ),
        (
            "CQ-R1",
            "lang:hant",
            "這是城區東片零售商圈（城區）的二維碼；您登記的烤房群青山鎮大坪烤房群沒有改變",
        ),
    ],
)
async def test_a_station_or_district_qr_leaves_a_farmers_barn_where_it_is(
    desk: Harness, code: str, lang: str | None, told: str
) -> None:
    """The purchase station's code, scanned by a farmer who sells leaf there, says whose
    area it is, not where the barn is: the barn stays, and a 110 call still goes to it
    without asking 在哪个烤房？"""
    if lang:
        await desk.press(FARMER, lang)
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    out = texts(await desk.send(FARMER, f"/start site_{code}"))
    assert told in out
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and (farmer.site_code, farmer.area) == ("QS01", "qingshan")
    alarm = texts(await desk.send(FARMER, "/110 烤房停电了"))
    assert "在哪个烤房" not in alarm and "在哪個烤房" not in alarm
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == ("QS01", "curing-qingshan")


@pytest.mark.parametrize(
    ("lang", "told"),
    [
        (
            None,
            "这是白石烟叶收购站（白石乡）的二维码；您店铺登记的零售商圈城区东片零售商圈没有改变。",
        ),
        (
            "lang:hant",
            "這是白石菸葉收購站（白石鄉）的二維碼；您店鋪登記的零售商圈城區東片零售商圈沒有改變。",
        ),
    ],
)
async def test_a_station_or_office_qr_leaves_a_retailers_shop_district_where_it_is(
    desk: Harness, lang: str | None, told: str
) -> None:
    """A retailer who scans the code posted at a station or the bureau's office is there on
    an errand: the shop is still in its district, where deliveries go."""
    if lang:
        await desk.press(RETAILER, lang)
    await desk.send(RETAILER, "/start site_CQ-R1")
    await desk.registered_as(RETAILER, "retailer")
    out = texts(await desk.send(RETAILER, "/start site_BSZ"))
    assert told in out
    async with desk.db.uow(read_only=True) as uow:
        retailer = await uow.users.get(RETAILER)
    assert retailer is not None and (retailer.site_code, retailer.area) == ("CQ-R1", "chengqu")
    moved = texts(await desk.send(RETAILER, "/start site_CQ-R2"))
    assert "城区西片零售商圈" in moved or "城區西片零售商圈" in moved


async def test_a_shop_district_qr_speaks_of_the_district_in_the_retailers_script(
    desk: Harness,
) -> None:
    out = await desk.send(RETAILER, "/start site_CQ-R1", language_code="zh-hant")
    bound = out.replies[0].text
    assert bound.startswith("已綁定零售商圈：城區東片零售商圈（城區）。")
    assert "片區" in bound and "烤房" not in bound and "110" not in bound
    async with desk.db.uow(read_only=True) as uow:
        retailer = await uow.users.get(RETAILER)
    assert retailer is not None and (retailer.site_code, retailer.area) == ("CQ-R1", "chengqu")


async def test_a_station_qr_is_a_site_not_a_barn_cluster(desk: Harness) -> None:
    out = await desk.send(STAFF, "/start site_BSZ")
    bound = out.replies[0].text
    assert bound.startswith("已绑定站点：白石烟叶收购站（白石乡）。")
    assert "烤房" not in bound and "110" not in bound


@pytest.mark.parametrize(
    ("user", "kind", "nearest"),
    [
        (FARMER, "farmer", "最近的烤房群"),
        (RETAILER, "retailer", "最近的零售商圈"),
        (STAFF, "staff", "最近的站点"),
    ],
)
async def test_the_place_question_names_the_sites_a_location_finds(
    desk: Harness, user: int, kind: str, nearest: str
) -> None:
    await desk.send(user, "/start")
    await desk.press(user, f"f:kind:{kind}")
    await desk.send(user, "陈明")
    out = await desk.contact(user, "8613800000002", owner=user)
    assert nearest in texts(out)
    assert kind == "farmer" or "烤房群" not in texts(out)


async def test_a_retailer_reads_the_place_question_in_traditional(desk: Harness) -> None:
    await desk.send(RETAILER, "/start", language_code="zh-hant")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "李小梅")
    out = await desk.send(RETAILER, "跳過")
    assert "請選擇您店鋪所在的鄉鎮/片區，或共享位置自動匹配最近的零售商圈" in texts(out)
    out = await desk.location(RETAILER, 26.579, 106.712)
    assert "城區東片零售商圈" in texts(out)


async def test_an_area_chosen_by_button_takes_the_location_keyboard_away(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "陈明")
    asked = await desk.send(FARMER, "跳过")
    assert any(r.keyboard == "location" for r in asked.replies)
    done, menu = (await desk.press(FARMER, "f:area:qingshan")).replies
    assert done.text.startswith("登记完成") and done.keyboard == "remove"
    assert "m:new" in {b.data for row in menu.buttons for b in row}


async def test_registering_after_a_barn_qr_asks_no_town_and_keeps_the_barn(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start site_QS02")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    out = await desk.contact(FARMER, "8613800000001", owner=FARMER)
    assert "请选择您所在的乡镇" not in texts(out)
    assert "登记完成" in texts(out) and "青山镇河湾烤房群" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and (farmer.site_code, farmer.area) == ("QS02", "qingshan")
    assert farmer.registered


async def _farmer_registers(desk: Harness, deep_link: str = "") -> str:
    """The farmer answers who they are, the name and the phone; what the phone's answer
    brings (the place question, or the registration done)."""
    await desk.send(FARMER, f"/start {deep_link}".strip())
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    return texts(await desk.contact(FARMER, "8613800000001", owner=FARMER))


async def _farmer(desk: Harness) -> tuple[str | None, str | None]:
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None
    return farmer.site_code, farmer.area


@pytest.mark.parametrize(("deep_link", "town"), [("site_BSZ", "baishi"), ("site_CQ-R1", "chengqu")])
async def test_a_farmer_bound_to_a_station_or_a_shop_district_is_asked_for_the_barn(
    desk: Harness, deep_link: str, town: str
) -> None:
    """A purchase station serves the farmers of many towns, and a shop district is no
    barn's: the QR code says whose area it is, not where the farmer's barn is."""
    asked = await _farmer_registers(desk, deep_link)
    assert "请选择您所在的乡镇/片区，或共享位置自动匹配最近的烤房群" in asked
    assert "登记完成" not in asked
    done = texts(await desk.send(FARMER, "大坪"))
    assert "登记完成" in done and "青山镇大坪烤房群" in done
    assert await _farmer(desk) == ("QS01", "qingshan")


async def test_a_farmer_who_skips_the_barn_after_a_station_qr_keeps_its_town(
    desk: Harness,
) -> None:
    await _farmer_registers(desk, "site_BSZ")
    done = texts(await desk.press(FARMER, "f:skip"))
    assert "登记完成" in done
    assert await _farmer(desk) == ("BSZ", "baishi")


async def test_a_retailer_bound_to_a_shop_district_is_not_asked_the_place(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/start site_CQ-R1")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "李小梅")
    out = texts(await desk.contact(RETAILER, "8613800000002", owner=RETAILER))
    assert "乡镇" not in out and "店铺的名称" in out


FAR_FROM_BARNS = (26.37, 106.58)  # ~6.7 km from 白石乡松林烤房群, the nearest site
# Inside the service region, but ~27 km from every site: the next county, or the road.
NEAR_NO_SITE = (26.20, 106.50)


@pytest.mark.parametrize(
    ("lang", "told", "asked"),
    [
        (
            None,
            "附近 3 公里内没有烤房群（最近的白石乡松林烤房群约 6.7 公里），所在地记为白石乡",
            "在哪个烤房？",
        ),
        (
            "lang:hant",
            "附近 3 公里內沒有烤房群（最近的白石鄉松林烤房群約 6.7 公里），所在地記為白石鄉",
            "在哪個烤房？",
        ),
    ],
)
async def test_a_location_far_from_every_barn_binds_no_barn_cluster(
    desk: Harness, lang: str | None, told: str, asked: str
) -> None:
    """As a 110 call reads a pin: beyond the barn radius it is at no cluster; its town is
    the nearest cluster's, and a 110 call goes to that town's team and asks which barn."""
    if lang:
        await desk.press(FARMER, lang)
    await _farmer_registers(desk)
    out = texts(await desk.location(FARMER, *FAR_FROM_BARNS))
    assert told in out and ("登记完成" in out or "登記完成" in out)
    assert "已匹配到最近的站点" not in out and "已匹配到最近的站點" not in out
    assert await _farmer(desk) == (None, "baishi")
    assert asked in texts(await desk.send(FARMER, "/110 烤房停电了"))
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == (None, "curing-baishi")


@pytest.mark.parametrize(
    ("lang", "told"),
    [
        (None, "（最近的青山镇河湾烤房群约 3.9 公里），所在地记为青山镇"),
        ("lang:hant", "（最近的青山鎮河灣烤房群約 3.9 公里），所在地記為青山鎮"),
    ],
)
async def test_a_farmers_town_is_the_nearest_barn_clusters_not_a_shop_districts(
    desk: Harness, lang: str | None, told: str
) -> None:
    """A pin 1.9 km from 城区西片零售商圈 and 3.9 km from 青山镇河湾烤房群: the farmer's
    barns, and their 110 team, are 青山镇's. Before, the town was 城区, the shop district's."""
    if lang:
        await desk.press(FARMER, lang)
    await _farmer_registers(desk)
    out = texts(await desk.location(FARMER, 26.56, 106.70))
    assert told in out
    assert await _farmer(desk) == (None, "qingshan")


@pytest.mark.parametrize(
    ("user", "kind", "lang", "told"),
    [
        (
            FARMER,
            "farmer",
            None,
            "您共享的位置离我们最近的烤房群也有约 27 公里，看不出您在哪个乡镇",
        ),
        (
            RETAILER,
            "retailer",
            None,
            "您共享的位置离我们最近的站点也有约 27 公里，看不出您在哪个乡镇",
        ),
        (
            STAFF,
            "staff",
            "lang:hant",
            "您共享的位置離我們最近的站點也有約 27 公里，看不出您在哪個鄉鎮",
        ),
    ],
)
async def test_a_location_near_no_site_places_nobody_and_offers_the_towns(
    desk: Harness, user: int, kind: str, lang: str | None, told: str
) -> None:
    """A pin from the next county is inside the service region but near none of its sites:
    it tells neither the site nor the town, so nothing is recorded and the question waits,
    where the nearest site 27 km off was bound before."""
    if lang:
        await desk.press(user, lang)
    await desk.send(user, "/start")
    await desk.press(user, f"f:kind:{kind}")
    await desk.send(user, "陈明")
    await desk.contact(user, "8613800000002", owner=user)
    out = await desk.location(user, *NEAR_NO_SITE)
    said = texts(out)
    assert told in said and "登记完成" not in said and "已匹配" not in said
    assert "f:area:baishi" in button_data(out) and "f:skip" in button_data(out)
    assert await _place(desk, user) == (None, None)
    await desk.press(user, "f:area:baishi")
    assert await _place(desk, user) == (None, "baishi")


@pytest.mark.parametrize(
    ("user", "kind", "spot", "told", "place"),
    [
        # 41 km from the shop districts: the next county, never 城区东片零售商圈.
        (RETAILER, "retailer", (26.95, 106.713), "最近的站点也有约 41 公里", (None, None)),
        # At 大坪, 7 km from 城区西片: a shop in 青山镇, in no district.
        (
            RETAILER,
            "retailer",
            (26.512, 106.702),
            "您共享的位置附近没有零售商圈，所在地记为青山镇。",
            (None, "qingshan"),
        ),
        (RETAILER, "retailer", (26.579, 106.712), "城区东片零售商圈", ("CQ-R1", "chengqu")),
        # 2.85 km from 城区东片, though 2.15 km from 青山镇河湾烤房群: a shop in the district.
        (RETAILER, "retailer", (26.556, 106.723), "城区东片零售商圈", ("CQ-R1", "chengqu")),
        (STAFF, "staff", (26.556, 106.723), "城区东片零售商圈", ("CQ-R1", "chengqu")),
        # No office is at a barn cluster: its town only.
        (
            STAFF,
            "staff",
            (26.512, 106.702),
            "您共享的位置附近没有收购站、办公点或零售商圈，所在地记为青山镇。",
            (None, "qingshan"),
        ),
        (STAFF, "staff", (26.431, 106.621), "白石烟叶收购站", ("BSZ", "baishi")),
    ],
)
async def test_a_retailer_or_staff_location_binds_only_a_site_of_theirs_near_it(
    desk: Harness,
    user: int,
    kind: str,
    spot: tuple[float, float],
    told: str,
    place: tuple[str | None, str | None],
) -> None:
    await desk.send(user, "/start")
    await desk.press(user, f"f:kind:{kind}")
    await desk.send(user, "陈明")
    await desk.contact(user, "8613800000002", owner=user)
    assert told in texts(await desk.location(user, *spot))
    assert await _place(desk, user) == place


async def test_a_location_at_a_barn_still_binds_its_cluster(desk: Harness) -> None:
    await _farmer_registers(desk)
    out = texts(await desk.location(FARMER, 26.43, 106.62))  # ~1 km from 松林
    assert "已匹配到最近的站点：白石乡松林烤房群" in out
    assert await _farmer(desk) == ("BS01", "baishi")


@pytest.mark.parametrize(
    ("lang", "offered", "town"),
    [
        (
            None,
            "请点下面的乡镇按钮，或直接回复乡镇名，也可以换一个位置；不想选就点「跳过」",
            "白石乡",
        ),
        (
            "lang:hant",
            "請點下面的鄉鎮按鈕，或直接回覆鄉鎮名，也可以換一個位置；不想選就點「跳過」",
            "白石鄉",
        ),
    ],
)
async def test_a_location_outside_the_region_offers_what_registration_takes(
    desk: Harness, lang: str | None, offered: str, town: str
) -> None:
    if lang:
        await desk.press(FARMER, lang)
    await _farmer_registers(desk)
    out = await desk.location(FARMER, 30.0, 110.0)
    said = texts(out)
    assert "不在我们的服务范围内" in said or "不在我們的服務範圍內" in said
    assert offered in said and "用文字或语音说明" not in said and "用文字或語音說明" not in said
    assert "f:area:baishi" in button_data(out) and "f:skip" in button_data(out)
    done = texts(await desk.send(FARMER, town))
    assert "登记完成" in done or "登記完成" in done
    assert await _farmer(desk) == (None, "baishi")


DELIVERY_MEMBER = 200071  # configured in the delivery team: staff from the first /start


async def _place(desk: Harness, user: int) -> tuple[str | None, str | None]:
    async with desk.db.uow(read_only=True) as uow:
        found = await uow.users.get(user)
    assert found is not None
    return found.site_code, found.area


@pytest.mark.parametrize(
    ("lang", "told"),
    [
        (
            None,
            "这是烤房群（青山镇大坪烤房群）的二维码，供烟农报110时带上烤房位置；"
            "零售户的店铺不绑定烤房群，您登记的地点没有改变。",
        ),
        (
            "lang:hant",
            "這是烤房群（青山鎮大坪烤房群）的二維碼，供菸農報110時帶上烤房位置；"
            "零售戶的店鋪不綁定烤房群，您登記的地點沒有改變。",
        ),
    ],
)
async def test_a_barn_cluster_qr_leaves_a_retailers_shop_where_it_is(
    desk: Harness, lang: str | None, told: str
) -> None:
    """A barn cluster's code is where a farmer's 110 call sends the team: a shop bound to
    it would put the barn on the delivery team's card as where the shop is."""
    if lang:
        await desk.press(RETAILER, lang)
    await desk.send(RETAILER, "/start site_CQ-R1")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "李小梅")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.send(RETAILER, "小梅烟酒店")
    await desk.send(RETAILER, "520102100123")
    out = texts(await desk.send(RETAILER, "/start site_QS01"))
    assert told in out and "报110时会自动带上位置" not in out
    assert await _place(desk, RETAILER) == ("CQ-R1", "chengqu")


@pytest.mark.parametrize(
    ("user", "kind", "lang", "told"),
    [
        (RETAILER, "retailer", None, "零售户的店铺不绑定烤房群，只记下了所在乡镇：青山镇"),
        (RETAILER, "retailer", "lang:hant", "零售戶的店鋪不綁定烤房群，只記下了所在鄉鎮：青山鎮"),
        (DELIVERY_MEMBER, None, None, "职工不绑定烤房群，只记下了所在乡镇：青山镇"),
        (DELIVERY_MEMBER, None, "lang:hant", "職工不綁定烤房群，只記下了所在鄉鎮：青山鎮"),
    ],
)
async def test_a_barn_cluster_qr_gives_a_retailer_or_staff_member_without_a_place_its_town(
    desk: Harness, user: int, kind: str | None, lang: str | None, told: str
) -> None:
    if lang:
        await desk.press(user, lang)
    if kind:
        # Registered with the place skipped: none to keep.
        await desk.send(user, "/start")
        await desk.press(user, f"f:kind:{kind}")
        await desk.send(user, "李小梅")
        await desk.contact(user, "8613800000002", owner=user)
        await desk.press(user, "f:skip")
        await desk.send(user, "跳过")
        await desk.press(user, "f:skip:licence")
    out = texts(await desk.send(user, "/start site_QS01"))
    assert told in out
    assert await _place(desk, user) == (None, "qingshan")


@pytest.mark.parametrize("answer", ["f:area:qingshan", "f:skip"])
async def test_a_retailer_who_started_from_a_barn_cluster_qr_is_asked_where_the_shop_is(
    desk: Harness, answer: str
) -> None:
    """Scanned before they said who they are, the code binds them as a farmer's would; the
    shop is not at the barn, so the place is asked, and 跳过 keeps only the barn's town."""
    await desk.send(RETAILER, "/start site_QS01")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "李小梅")
    asked = texts(await desk.contact(RETAILER, "8613800000002", owner=RETAILER))
    assert "请选择您店铺所在的乡镇/片区" in asked and "店铺的名称" not in asked
    assert "店铺的名称" in texts(await desk.press(RETAILER, answer))
    assert await _place(desk, RETAILER) == (None, "qingshan")


async def test_a_site_scanned_half_way_through_registration_goes_on_where_it_was(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start site_QS02")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")

    out = await desk.send(FARMER, "/start site_QS01")

    # Before: the welcome, then 第一次使用，请先登记…您是： as if nothing had been answered.
    said = texts(out)
    assert "已改为绑定烤房群：青山镇大坪烤房群" in said and "共享手机号" in said
    assert "您是" not in said
    done = await desk.contact(FARMER, "8613800000001", owner=FARMER)
    assert "登记完成：张大山，烟农，+8613800000001，青山镇大坪烤房群" in texts(done)


async def test_a_site_scanned_when_registering_again_stays_bound_if_the_update_is_left(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start site_QS01")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:farmer")

    out = await desk.send(FARMER, "/start site_QS02")

    # Before: bound, but registering again ended with it, and its name question, still
    # on the screen, no longer waited.
    assert "已改为绑定烤房群：青山镇河湾烤房群" in texts(out) and "请输入新的姓名" in texts(out)
    await desk.send(FARMER, "/cancel")
    async with desk.db.uow(read_only=True) as uow:
        person = await uow.users.get(FARMER)
    assert person is not None and person.site_code == "QS02"
