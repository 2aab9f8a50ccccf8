"""Where a 110 call is, told with the alarm: a barn named in its words, or a pin shared
before the words. The alarm goes to that town's team at once, not to the farmer's own
town with a question after it."""

from __future__ import annotations

import pytest

from core.enums import Kind, Status
from routing import to_simplified
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER

BAISHI_TEAM = "curing-baishi"
BAISHI_CHAT = -1001000000002
BAISHI_MEMBER = 200011


async def test_a_barn_named_in_the_alarm_sends_it_to_that_towns_team(desk: Harness) -> None:
    out = await desk.send(FARMER, "白石乡松林烤房停电了")
    assert "已报警" in texts(out) and "在哪个烤房" not in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.site_code, ticket.team_id) == (
        Kind.EMERGENCY,
        "BS01",
        BAISHI_TEAM,
    )


async def test_a_pin_shared_before_the_words_is_where_the_alarm_goes(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    out = await desk.location(FARMER, 26.421, 106.615)  # 白石乡松林
    assert "位置已收到" in texts(out) and await desk.tickets() == []
    out = await desk.send(FARMER, "停电了")
    assert "已报警" in texts(out) and "在哪个烤房" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.team_id == BAISHI_TEAM and ticket.lat is not None


async def test_a_barn_named_in_traditional_is_the_same_barn(desk: Harness) -> None:
    out = await desk.send(FARMER, "白石鄉松林烤房停電了")
    assert "已報警" in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == ("BS01", BAISHI_TEAM)


@pytest.mark.parametrize(
    ("deep_link", "lang", "asked", "team"),
    [
        ("site_BSZ", None, "在哪个烤房？", BAISHI_TEAM),
        ("site_CQ-R1", "lang:hant", "在哪個烤房？", "curing-qingshan"),
    ],
)
async def test_a_station_or_shop_district_a_farmer_is_bound_to_is_no_barn(
    desk: Harness, deep_link: str, lang: str | None, asked: str, team: str
) -> None:
    """A QR code scanned at a purchase station or in a shop district says the farmer's
    area, not their barn: the call goes to the area's team at once, then asks which barn."""
    if lang:
        await desk.press(FARMER, lang)
    await desk.send(FARMER, f"/start {deep_link}")
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "/110 烤房停电了")
    assert asked in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.site_code, ticket.team_id) == (Kind.EMERGENCY, None, team)
    placed = texts(await desk.press(FARMER, "f:site:BS01"))
    assert "白石乡松林烤房群" in placed or "白石鄉松林烤房群" in placed
    [ticket] = await desk.tickets()
    assert ticket.site_code == "BS01"


async def test_a_farmer_bound_to_a_barn_cluster_is_not_asked_where(desk: Harness) -> None:
    await desk.send(FARMER, "/start site_QS02")
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "/110 烤房停电了")
    assert "已报警" in texts(out) and "在哪个烤房" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.site_code == "QS02"


async def test_a_pin_away_from_the_farmers_barn_does_not_leave_the_call_at_that_barn(
    desk: Harness,
) -> None:
    """A farmer with barns in two towns, bound to the 河湾 cluster, raises the alarm and
    then shares a pin some 7 km from 白石乡松林, at no cluster: the call goes to 白石乡's
    team, and its card no longer names the registered barn, which would send that team to
    青山镇 with a pin in 白石乡 beside it."""
    await desk.send(FARMER, "/start site_QS02")
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110 烤房停电了")
    await desk.location(FARMER, 26.37, 106.58)
    [ticket] = await desk.tickets()
    assert ticket.team_id == BAISHI_TEAM
    assert (ticket.site_code, ticket.area) == (None, "baishi")
    cards = [
        str(row.payload.get("text"))
        for row in await desk.outbox()
        if row.chat_id == BAISHI_CHAT and row.purpose == "card"
    ]
    assert cards and "河湾" not in cards[-1] and "地点：" in cards[-1]


@pytest.mark.parametrize(
    ("first", "pin", "barn"),
    [
        ("/110", (26.37, 106.58), None),
        ("photo", (26.37, 106.58), None),
        ("photo", (26.421, 106.615), "BS01"),  # at 松林 itself
    ],
)
async def test_a_pin_shared_with_the_alarm_goes_before_the_registered_barn(
    desk: Harness, first: str, pin: tuple[float, float], barn: str | None
) -> None:
    """A farmer bound to the 大坪 cluster shares, with the alarm, a pin some 7 km from
    白石乡松林 (their other barns): the call goes to 白石乡's team at the pin, as a pin at
    松林 itself would send it, not to 青山镇's team at 大坪 with the pin beside it."""
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    if first == "/110":
        await desk.send(FARMER, "/110")
        await desk.location(FARMER, *pin)
        out = await desk.send(FARMER, "停电了")
    else:
        await desk.send(FARMER, photo_file_id="barn-photo")
        await desk.location(FARMER, *pin)
        out = await desk.send(FARMER, voice_file_id="voice-1")
    assert "已报警" in texts(out) and "在哪个烤房" not in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.area, ticket.team_id) == (barn, "baishi", BAISHI_TEAM)
    assert ticket.lat == pin[0]


QINGSHAN_TEAM, QINGSHAN_CHAT = "curing-qingshan", -1001000000001


async def _called_from_hewan(desk: Harness) -> None:
    """A farmer bound to 青山镇's 河湾 cluster whose 110 call went there."""
    await desk.send(FARMER, "/start site_QS02")
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110 烤房停电了")
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == ("QS02", QINGSHAN_TEAM)


@pytest.mark.parametrize(
    ("typed", "barn"),
    [("在白石乡", None), ("是白石的烤房", None), ("烤房在白石鄉松林那邊", "BS01")],
)
async def test_words_saying_the_barn_is_in_another_town_move_a_placed_call_there(
    desk: Harness, typed: str, barn: str | None
) -> None:
    await _called_from_hewan(desk)
    before = {r.id for r in await desk.outbox()}

    out = await desk.send(FARMER, typed)

    # Before: 已补充到报警工单, and the call stayed with 青山镇's team at 河湾.
    assert "位置已告诉值班服务队" in texts(out) or "位置已告訴值班服務隊" in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.area, ticket.team_id) == (barn, "baishi", BAISHI_TEAM)
    new = [r for r in await desk.outbox() if r.id not in before]
    assert any(r.chat_id == BAISHI_CHAT and r.purpose == "card" for r in new)
    stand_down = [r for r in new if r.chat_id == QINGSHAN_CHAT and r.purpose == "notify"]
    assert stand_down and "本队无需出动" in str(stand_down[-1].payload["text"])
    assert any(
        "白石乡烘烤110服务队" in to_simplified(str(r.payload.get("text")))
        for r in new
        if r.chat_id == FARMER
    )


@pytest.mark.parametrize(
    "typed",
    [
        "我刚从白石乡回来",
        "白石乡那边也停电了吗",
        "在河湾",
        "不是白石乡",
        "白石乡的师傅来了吗",
        # A question, not an answer: 白石乡？, 白石乡呢？
        "白石乡？",
        "是白石乡？",
        "白石乡的烤房？",
        "白石乡的呢",
        # Where they live, in a town with no barn at all: not where the barn is.
        "我家在城区",
        "我在城区",
    ],
)
async def test_a_place_only_mentioned_leaves_a_placed_call_where_it_is(
    desk: Harness, typed: str
) -> None:
    await _called_from_hewan(desk)
    await desk.send(FARMER, typed)
    call = (await desk.tickets())[0]
    assert (call.site_code, call.team_id) == ("QS02", QINGSHAN_TEAM)


async def test_words_do_not_move_a_call_away_from_the_pin_shared_with_it(desk: Harness) -> None:
    """The pin says where the barn is better than words: 我在白石乡 may be where the farmer
    is now."""
    await desk.send(FARMER, "/start site_QS02")
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110")
    await desk.location(FARMER, 26.538, 106.731)  # at 青山镇河湾
    await desk.send(FARMER, "停电了")
    await desk.send(FARMER, "我在白石乡")
    [call] = await desk.tickets()
    assert (call.site_code, call.team_id) == ("QS02", QINGSHAN_TEAM)


# Some 19.6 km from 龙潭镇水井湾, the nearest barn cluster, 36 km from 大坪: the road, or
# the next county; farther than limits.site_radius_km from every barn, it tells no town.
FAR_PIN = (26.75, 106.95)
LONGTAN_TEAM = "curing-longtan"


@pytest.mark.parametrize("first", ["/110", "photo", "after"])
async def test_a_pin_far_from_every_barn_leaves_the_call_at_the_registered_barn(
    desk: Harness, first: str
) -> None:
    """Before, the call went to 龙潭镇's team, the town of the barn nearest a pin 20 km
    off, with no barn on its card and no question which."""
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    if first == "/110":
        await desk.send(FARMER, "/110")
        await desk.location(FARMER, *FAR_PIN)
        out = await desk.send(FARMER, "停电了")
    elif first == "photo":
        await desk.send(FARMER, photo_file_id="barn-photo")
        await desk.location(FARMER, *FAR_PIN)
        out = await desk.send(FARMER, voice_file_id="voice-1")
    else:
        await desk.send(FARMER, "/110 烤房停电了")
        out = await desk.location(FARMER, *FAR_PIN)
    assert "在哪个烤房" not in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.area, ticket.team_id) == ("QS01", "qingshan", QINGSHAN_TEAM)
    assert (ticket.lat, ticket.lon) == FAR_PIN
    cards = [
        str(row.payload.get("text"))
        for row in await desk.outbox()
        if row.chat_id == QINGSHAN_CHAT and row.purpose == "card"
    ]
    assert cards and "大坪" in cards[-1]


@pytest.mark.parametrize(("lang", "asked"), [(None, "约 20 公里"), ("lang:hant", "約 20 公里")])
async def test_a_pin_far_from_every_barn_without_a_registered_barn_asks_which(
    desk: Harness, lang: str | None, asked: str
) -> None:
    if lang:
        await desk.press(FARMER, lang)
    await desk.send(FARMER, "/110")
    await desk.location(FARMER, *FAR_PIN)
    out = texts(await desk.send(FARMER, "停电了"))
    assert asked in out and ("在哪个烤房" in out or "在哪個烤房" in out)
    [ticket] = await desk.tickets()
    assert ticket.team_id != LONGTAN_TEAM and ticket.site_code is None
    await desk.press(FARMER, "f:site:BS01")
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == ("BS01", BAISHI_TEAM)


# Some 4.8 km from 大坪 (the nearest cluster), 8.9 km from 河湾 and 松林: a farmer's home.
NEAR_HOME = (26.49, 106.66)


@pytest.mark.parametrize("first", ["/110", "photo", "after"])
async def test_a_pin_from_home_near_the_registered_barn_keeps_it_on_the_call(
    desk: Harness, first: str
) -> None:
    """A farmer bound to 大坪 who shares a pin from home with the call, beyond the barn
    radius of any cluster but nearest their own: the call is at 大坪, the pin beside it.
    Before, the card named no barn, and 青山镇's team had only a pin 5 km from it."""
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    if first == "/110":
        await desk.send(FARMER, "/110")
        await desk.location(FARMER, *NEAR_HOME)
        await desk.send(FARMER, "停电了")
    elif first == "photo":
        await desk.send(FARMER, photo_file_id="barn-photo")
        await desk.location(FARMER, *NEAR_HOME)
        await desk.send(FARMER, voice_file_id="voice-1")
    else:
        await desk.send(FARMER, "/110 烤房停电了")
        await desk.location(FARMER, *NEAR_HOME)
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.area, ticket.team_id) == ("QS01", "qingshan", QINGSHAN_TEAM)
    assert (ticket.lat, ticket.lon) == NEAR_HOME
    cards = [
        str(row.payload.get("text"))
        for row in await desk.outbox()
        if row.chat_id == QINGSHAN_CHAT and row.purpose == "card"
    ]
    assert cards and "大坪" in cards[-1]


async def test_a_pin_nearest_another_cluster_than_the_registered_one_is_at_none(
    desk: Harness,
) -> None:
    """Bound to 河湾, a pin 4.8 km from 大坪 (8.9 km from 河湾) is at no cluster."""
    await desk.send(FARMER, "/start site_QS02")
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110")
    await desk.location(FARMER, *NEAR_HOME)
    await desk.send(FARMER, "停电了")
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.area, ticket.team_id) == (None, "qingshan", QINGSHAN_TEAM)


@pytest.mark.parametrize("typed", ["在白石乡", "是松林的烤房"])
async def test_words_move_a_call_a_far_pin_left_at_the_registered_barn(
    desk: Harness, typed: str
) -> None:
    """The far pin told no town (the call went to 大坪 by default); words saying the barn is
    in 白石乡 move it there, as they do when no pin was shared."""
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110")
    await desk.location(FARMER, *FAR_PIN)
    await desk.send(FARMER, "停电了")
    await desk.send(FARMER, typed)
    [call] = await desk.tickets()
    assert (call.area, call.team_id) == ("baishi", BAISHI_TEAM)


@pytest.mark.parametrize("typed", ["在白石乡", "白石乡那边"])
async def test_a_town_typed_after_skipping_places_a_call_with_a_far_pin(
    desk: Harness, typed: str
) -> None:
    """Unregistered; far pin; asked which barn; 跳过; then 在白石乡: without the pin this
    moves the call to 白石乡's team."""
    await desk.send(FARMER, "/110")
    await desk.location(FARMER, *FAR_PIN)
    await desk.send(FARMER, "停电了")
    await desk.press(FARMER, "f:skip")
    await desk.send(FARMER, typed)
    [call] = await desk.tickets()
    assert (call.area, call.team_id) == ("baishi", BAISHI_TEAM)


async def test_a_far_pin_does_not_answer_which_of_two_named_barns(desk: Harness) -> None:
    """大坪没事，松林烤房着火了 → asked 大坪 or 松林; a far pin says neither: the question
    stays (or is asked again), and 松林 pressed after it places the call at 松林."""
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110 大坪没事，松林烤房着火了")
    await desk.location(FARMER, *FAR_PIN)
    out = texts(await desk.press(FARMER, "f:site:BS01"))
    assert "失效" not in out
    [call] = await desk.tickets()
    assert (call.site_code, call.team_id) == ("BS01", BAISHI_TEAM)


@pytest.mark.parametrize("typed", ["是松林的烤房", "在白石乡"])
async def test_words_move_a_call_a_home_pin_left_at_the_registered_barn(
    desk: Harness, typed: str
) -> None:
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110")
    await desk.location(FARMER, *NEAR_HOME)
    await desk.send(FARMER, "停电了")
    await desk.send(FARMER, typed)
    [call] = await desk.tickets()
    assert (call.area, call.team_id) == ("baishi", BAISHI_TEAM)


async def test_a_pin_in_the_town_of_one_of_two_named_barns_places_the_call_there(
    desk: Harness,
) -> None:
    """大坪没事，松林烤房着火了 → asked 大坪 or 松林; a pin some 7 km from 松林, at no barn but
    in 白石乡, can only mean 松林 of the two."""
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110 大坪没事，松林烤房着火了")
    await desk.location(FARMER, 26.37, 106.58)
    [call] = await desk.tickets()
    assert (call.site_code, call.team_id) == ("BS01", BAISHI_TEAM)


async def test_a_town_typed_at_which_of_two_named_barns_places_the_call_there(
    desk: Harness,
) -> None:
    """大坪没事，松林烤房着火了 → asked 大坪 or 松林; 龙潭镇 typed is the farmer's answer,
    though neither barn named is there: the call goes to 龙潭镇's team."""
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110 大坪没事，松林烤房着火了")
    await desk.send(FARMER, "龙潭镇")
    [call] = await desk.tickets()
    assert (call.area, call.team_id) == ("longtan", LONGTAN_TEAM)


@pytest.mark.parametrize("pin", [(26.421, 106.615), FAR_PIN], ids=["at-a-barn", "far"])
async def test_the_same_pin_shared_again_is_not_sent_to_the_team_again(
    desk: Harness, pin: tuple[float, float]
) -> None:
    """Before, each share of the same spot (a second press of 共享位置) went to the team
    chat and paged the on-duty member again, pin and all."""
    await desk.send(FARMER, "/110 烤房停电了")
    await desk.location(FARMER, *pin)
    sent = len(await desk.outbox())
    out = texts(await desk.location(FARMER, pin[0] + 0.0002, pin[1]))  # some 20 m off
    assert "已经告诉值班服务队了" in out
    # A pin that told no barn leaves the question standing, and it is asked again.
    assert ("在哪个烤房" in out) is (pin == FAR_PIN)
    assert len(await desk.outbox()) == sent
    [ticket] = await desk.tickets()
    assert (ticket.lat, ticket.lon) == pin


async def test_a_pin_from_another_spot_is_still_told(desk: Harness) -> None:
    await desk.send(FARMER, "/110 烤房停电了")
    await desk.location(FARMER, *FAR_PIN)
    out = texts(await desk.location(FARMER, 26.421, 106.615))  # at 白石乡松林 after all
    assert "已经告诉" not in out and "位置已告诉值班服务队" in out
    [ticket] = await desk.tickets()
    assert (ticket.lat, ticket.team_id) == (26.421, BAISHI_TEAM)


async def test_the_same_pin_sent_as_asked_by_the_team_answers_its_question(desk: Harness) -> None:
    """The team asks for the pin again (需补充 请在烤房旁边再共享一次位置): the same spot is the
    answer, not a pin told already."""
    await desk.send(FARMER, "/110 烤房停电了")
    await desk.location(FARMER, 26.421, 106.615)  # 白石乡松林
    [call] = await desk.tickets()
    await desk.press(BAISHI_MEMBER, f"tk:acc:{call.id}", chat=BAISHI_CHAT)
    await desk.press(BAISHI_MEMBER, f"tk:ask:{call.id}", chat=BAISHI_CHAT)
    await desk.send(BAISHI_MEMBER, "请在烤房旁边再共享一次位置", chat=BAISHI_CHAT)
    out = texts(await desk.location(FARMER, 26.421, 106.615))
    [call] = await desk.tickets()
    assert call.status is Status.ACCEPTED and "不用再发" not in out
