"""The menu's 🚨 110 pressed during the farmer's open call: they are told that call's
number and where it stands, offered to add to it or to report another barn, not asked
请说明出了什么问题 as if nothing had been filed."""

from __future__ import annotations

import pytest

from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

QINGSHAN_CHAT = -1001000000001


async def test_110_pressed_during_an_open_call_names_it_and_offers_to_add_or_report_another(
    desk: Harness,
) -> None:
    call = await desk.file_110(FARMER)
    before = len(await desk.outbox())

    out = await desk.press(FARMER, "m:110")

    assert "您的报警（工单 10019）正在处理，现在待接单" in texts(out)
    assert "请说明出了什么问题" not in texts(out)
    assert button_data(out) == [f"my:add:{call}", "m:110:another"]
    assert [t.id for t in await desk.tickets()] == [call]
    assert len(await desk.outbox()) == before  # nobody paged


async def test_110_pressed_says_where_the_call_stands_now(desk: Harness) -> None:
    call = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{call}", chat=QINGSHAN_CHAT)
    out = await desk.press(FARMER, "m:110")
    assert "现在已接单" in texts(out)


async def test_another_barn_pressed_raises_a_second_call(desk: Harness) -> None:
    await desk.file_110(FARMER)
    await desk.press(FARMER, "m:110")

    out = await desk.press(FARMER, "m:110:another")
    assert "请说明出了什么问题" in texts(out)
    await desk.send(FARMER, "河湾那边的烤房也停电了")
    await desk.press(FARMER, "f:site:QS02")

    assert len(await desk.tickets()) == 2


async def test_add_pressed_takes_the_news_to_the_open_call(desk: Harness) -> None:
    call = await desk.file_110(FARMER)
    await desk.press(FARMER, "m:110")

    await desk.press(FARMER, f"my:add:{call}")
    out = await desk.send(FARMER, "温度已经掉到35度了")

    assert "已补充到" in texts(out)
    assert len(await desk.tickets()) == 1
    assert "info" in await desk.actions(call)


BAISHI_CHAT = -1001000000002


@pytest.mark.parametrize(
    ("said", "site", "chat"),
    [
        ("河湾那边的烤房着火了", "QS02", QINGSHAN_CHAT),
        ("白石乡松林烤房也停电了", "BS01", BAISHI_CHAT),
        # What is said of a barn runs on past a comma or a space, and a 是的 before it.
        ("松林烤房，也着火了", "BS01", BAISHI_CHAT),
        ("松林 烤房着火了", "BS01", BAISHI_CHAT),
        ("是的，松林烤房也着火了", "BS01", BAISHI_CHAT),
        ("松林烤房上次修好了，今天又停电了", "BS01", BAISHI_CHAT),
        ("松林烤房也停電了", "BS01", BAISHI_CHAT),
    ],
)
async def test_a_barn_failing_at_another_cluster_during_a_call_is_an_alarm_of_its_own(
    desk: Harness, said: str, site: str, chat: int
) -> None:
    """Named during a call at 大坪, it is placed there and paged to that barn's team, not
    added as news to the 大坪 card, which another town's team never reads."""
    call = await desk.file_110(FARMER)
    out = await desk.send(FARMER, said)
    assert "已报警" in to_simplified(texts(out))
    first, second = await desk.tickets()
    assert (first.id, first.text) == (call, "烤房温度上不去")  # not news of it
    assert second.urgent and second.site_code == site
    cards = [r for r in await desk.outbox() if r.ticket_id == second.id and r.purpose == "card"]
    other = BAISHI_CHAT if chat == QINGSHAN_CHAT else QINGSHAN_CHAT
    assert chat in [r.chat_id for r in cards] and other not in [r.chat_id for r in cards]


@pytest.mark.parametrize("said", ["大坪这边温度还在掉", "河湾那边上次也停过电，现在没事"])
async def test_the_calls_own_barn_or_another_said_to_be_past_is_news_of_the_call(
    desk: Harness, said: str
) -> None:
    await desk.file_110(FARMER)
    out = await desk.send(FARMER, said)
    assert "已补充到报警工单 10019" in texts(out)
    assert len(await desk.tickets()) == 1


@pytest.mark.parametrize("voice_first", [False, True])
async def test_a_barn_failing_elsewhere_typed_at_registration_during_a_call_is_its_own_alarm(
    desk: Harness, voice_first: bool
) -> None:
    call = await desk.file_110(FARMER)
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    if voice_first:  # a voice note at the name question: kept for an alarm
        await desk.send(FARMER, voice_file_id="voice-1")
    out = await desk.send(FARMER, "松林烤房着火了")
    assert "已报警" in texts(out)
    first, second = await desk.tickets()
    assert first.id == call and "松林" not in first.text
    assert second.urgent and second.site_code == "BS01"


@pytest.mark.parametrize(
    "said",
    [
        "松林这边温度还在掉，大坪那边没事",  # the call's own barn failing, the other fine
        "松林這邊溫度還在掉，大坪那邊沒事",
        "松林这边还在停电，大坪那边来电了",
    ],
)
async def test_another_barn_said_to_be_fine_or_a_correction_is_news_of_the_call(
    desk: Harness, said: str
) -> None:
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "烤房温度上不去")
    await desk.press(FARMER, "f:site:BS01")  # a call at 松林
    out = await desk.send(FARMER, said)
    assert "已补充到报警工单 10019" in to_simplified(texts(out))
    [call] = await desk.tickets()
    assert call.site_code == "BS01"


async def test_another_barn_on_fire_while_the_teams_question_waits_is_its_own_alarm(
    desk: Harness,
) -> None:
    call = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{call}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{call}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "风机转不转？", chat=QINGSHAN_CHAT)
    out = await desk.send(FARMER, "松林烤房也着火了，有人被困")
    assert "已报警" in texts(out)
    first, second = await desk.tickets()
    assert second.urgent and second.site_code == "BS01"
    assert "着火" not in first.text


async def test_another_barn_failing_during_a_call_placed_by_a_pin_is_its_own_alarm(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "烤房温度上不去")
    await desk.location(FARMER, 26.385, 106.615)  # 4 km from 松林: no cluster within 3 km
    [call] = await desk.tickets()
    assert call.site_code is None and call.lat == 26.385
    # 松林, the cluster the farmer was told is nearest, is where the call is: news of it.
    assert "已补充到报警工单 10019" in texts(await desk.send(FARMER, "松林烤房停电了"))
    assert len(await desk.tickets()) == 1
    out = await desk.send(FARMER, "大坪烤房也着火了")
    assert "已报警" in texts(out)
    first, second = await desk.tickets()
    assert second.site_code == "QS01" and "着火" not in first.text


async def test_a_correction_naming_another_barn_pages_that_barns_team(desk: Harness) -> None:
    """我说的是大坪… during a call at 松林: the team of 大坪 is paged with a call of its own
    rather than the words left as news for 松林's team."""
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "烤房温度上不去")
    await desk.press(FARMER, "f:site:BS01")
    await desk.send(FARMER, "我说的是大坪那边的烤房停电了")
    first, second = await desk.tickets()
    assert (first.site_code, second.site_code, second.team_id) == (
        "BS01",
        "QS01",
        "curing-qingshan",
    )


@pytest.mark.parametrize(
    "said", ["大坪这边没事，着火的是松林烤房", "松林和大坪都着火了", "松林和大坪都著火了"]
)
async def test_two_barns_named_are_news_with_an_alarm_for_another_one_tap_away(
    desk: Harness, said: str
) -> None:
    """Which of two barns is failing is the farmer's to say: news of the call they have,
    with 「🚨 另一处烤房报警」 offered."""
    await desk.file_110(FARMER)
    out = await desk.send(FARMER, said)
    assert "已补充到报警工单 10019" in to_simplified(texts(out))
    assert button_data(out) == ["m:110:another"]
    assert len(await desk.tickets()) == 1


@pytest.mark.parametrize(
    "said",
    [
        "松林烤房着火了，人没事",
        "松林烤房又停电了，刚才来电了一会儿又停了",
        "松林烤房风机坏了，电没问题",
    ],
)
async def test_another_barn_failing_with_words_of_people_or_power_fine_is_still_paged(
    desk: Harness, said: str
) -> None:
    """没事 or 来电了 said of something else than the barn's failure: in doubt, its team is
    paged."""
    await desk.file_110(FARMER)  # at 大坪
    out = await desk.send(FARMER, said)
    assert "已报警" in texts(out)
    _first, second = await desk.tickets()
    assert second.site_code == "BS01"


async def test_two_barns_named_at_a_registration_question_offer_another_alarm(
    desk: Harness,
) -> None:
    await desk.file_110(FARMER)
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, "松林和大坪都着火了")
    assert "已补充到报警工单 10019" in texts(out)
    assert "m:110:another" in button_data(out)
    assert len(await desk.tickets()) == 1


@pytest.mark.parametrize("said", ["大坪这边没事，着火的是松林烤房", "松林和大坪都停電了"])
async def test_two_barns_named_while_the_teams_question_waits_answer_it_with_another_alarm_offered(
    desk: Harness, said: str
) -> None:
    """Taken as the answer to the team's question on the call, and, as for news, an alarm
    for the other barn is one tap away."""
    call = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{call}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{call}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "风机转不转？", chat=QINGSHAN_CHAT)
    out = await desk.send(FARMER, said)
    assert "已把您的回复补充到工单 10019" in to_simplified(texts(out))
    assert button_data(out) == ["m:110:another"]
    assert len(await desk.tickets()) == 1
