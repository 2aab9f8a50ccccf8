"""Registering again: the answers count once it is finished. A town chosen anew leaves the
barn of the old one behind; /cancel half-way leaves the earlier registration as it was."""

from __future__ import annotations

import pytest

from core.enums import Kind, Requester
from core.model import User
from handlers.replies import Outcome
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER


async def _person(desk: Harness, user: int) -> User:
    async with desk.db.uow(read_only=True) as uow:
        found = await uow.users.get(user)
    assert found is not None
    return found


async def _registered_at_a_barn(desk: Harness) -> None:
    await desk.send(FARMER, "/start site_QS01")  # 青山镇大坪烤房群
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    await desk.press(FARMER, "f:skip")
    person = await _person(desk, FARMER)
    assert person.registered and (person.site_code, person.area) == ("QS01", "qingshan")


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        (None, "更新登记信息。现在登记的是：张大山，烟农，+8613800000001，青山镇大坪烤房群。"),
        (
            "lang:hant",
            "更新登記信息。現在登記的是：张大山，菸農，+8613800000001，青山鎮大坪烤房群。",
        ),
    ],
)
async def test_registering_again_shows_what_is_registered_now(
    desk: Harness, lang: str | None, shown: str
) -> None:
    """👤 登记信息 is where a farmer looks up which barn the 110 team will be sent to: what
    is registered is shown before any of it is asked again, in the reader's script (the
    name as written)."""
    await _registered_at_a_barn(desk)
    if lang:
        await desk.press(FARMER, lang)
    out = await desk.press(FARMER, "m:reg")
    assert shown in texts(out)
    assert "f:kind:farmer" in button_data(out)


async def _at_the_place_question_again(desk: Harness) -> Outcome:
    """The farmer registered at 大坪 registers again, as a farmer, with the same name and
    phone: the place question is asked (what it said)."""
    await _registered_at_a_barn(desk)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    return await desk.contact(FARMER, "8613800000001", owner=FARMER)


async def test_a_farmer_who_moves_town_is_asked_for_the_barn_of_the_new_one(
    desk: Harness,
) -> None:
    await _at_the_place_question_again(desk)
    done = await desk.press(FARMER, "f:area:baishi")
    assert "白石乡" in texts(done) and "大坪" not in texts(done)
    person = await _person(desk, FARMER)
    assert (person.site_code, person.area) == (None, "baishi")
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    assert "已报警" in texts(out) and any(d.startswith("f:site:BS") for d in button_data(out))
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.team_id == "curing-baishi"


async def test_a_town_chosen_again_keeps_a_barn_in_it(desk: Harness) -> None:
    await _at_the_place_question_again(desk)
    await desk.press(FARMER, "f:area:qingshan")
    person = await _person(desk, FARMER)
    assert (person.site_code, person.area) == ("QS01", "qingshan")


async def test_the_registered_address_typed_again_without_its_town_keeps_the_town(
    desk: Harness,
) -> None:
    """白石乡新寨村3组 registered, 新寨村3组 typed registering again: the same door, no move;
    the town stays, and a 110 call still goes to its team."""
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    await desk.send(FARMER, "白石乡新寨村3组")
    person = await _person(desk, FARMER)
    assert (person.area, person.address) == ("baishi", "白石乡新寨村3组"), person
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "跳过")  # the name
    await desk.send(FARMER, "跳过")  # the phone
    said = texts(await desk.send(FARMER, "新寨村3组"))
    assert "不再是您的地点" not in said, said
    person = await _person(desk, FARMER)
    assert (person.area, person.address) == ("baishi", "白石乡新寨村3组"), person
    await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    [call] = await desk.tickets()
    assert call.team_id == "curing-baishi", call.team_id


async def test_a_shops_address_typed_again_without_its_town_keeps_the_town(
    desk: Harness,
) -> None:
    """城区（人民路12号） registered, 人民路12号 typed again: still 城区's shop."""
    retailer = 100002
    await desk.send(retailer, "/start")
    await desk.press(retailer, "f:kind:retailer")
    await desk.send(retailer, "李小梅")
    await desk.contact(retailer, "8613800000002", owner=retailer)
    await desk.send(retailer, "城区人民路12号")
    assert (await _person(desk, retailer)).area == "chengqu"
    await desk.press(retailer, "m:reg")
    await desk.press(retailer, "f:kind:retailer")
    await desk.send(retailer, "跳过")  # the name
    await desk.send(retailer, "跳过")  # the phone
    said = texts(await desk.send(retailer, "人民路12号"))
    assert "不再是您的地点" not in said, said
    assert (await _person(desk, retailer)).area == "chengqu"


async def test_a_village_typed_again_keeps_the_barn_registered(desk: Harness) -> None:
    """A farmer registered at 大坪 who types only their village (新寨村3组), naming no town:
    the door is kept beside the barn, which a 110 call still sends the team to."""
    await _at_the_place_question_again(desk)
    said = texts(await desk.send(FARMER, "新寨村3组"))
    assert "不再是您的地点" not in said, said
    person = await _person(desk, FARMER)
    assert (person.site_code, person.area, person.address) == ("QS01", "qingshan", "新寨村3组")


async def test_an_address_in_another_town_still_takes_the_place_of_the_barn(
    desk: Harness,
) -> None:
    """城关镇人民路12号 names a town we do not serve: the barn registered is left, and said."""
    await _at_the_place_question_again(desk)
    said = texts(await desk.send(FARMER, "城关镇人民路12号"))
    assert "原来登记的青山镇大坪烤房群不再是您的地点" in said, said
    person = await _person(desk, FARMER)
    assert (person.site_code, person.area) == (None, None)


async def test_cancelling_half_way_leaves_the_earlier_registration(desk: Harness) -> None:
    await _registered_at_a_barn(desk)
    before = (await _person(desk, FARMER)).registration()
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:staff")
    await desk.send(FARMER, "李老板")
    out = await desk.send(FARMER, "/cancel")
    assert "登记信息没有改动" in texts(out)  # said, with the menu
    person = await _person(desk, FARMER)
    assert person.registration() == before and person.kind is Requester.FARMER
    # Their command menu lost /wish again, having gained it with 职工.
    menus = [r for r in await desk.outbox() if r.method == "set_menu"]
    assert menus and "wish" not in {name for name, _ in menus[-1].payload["commands"]}
    welcome = await desk.send(FARMER, "/start")
    assert "张大山" in texts(welcome) and "m:110" in button_data(welcome)


@pytest.mark.parametrize("look", ["/my", "m:my", "/start", "/help", "帮助"])
async def test_a_look_half_way_leaves_the_update_waiting_at_its_question(
    desk: Harness, look: str
) -> None:
    """A new name typed, then /my, the welcome or the help: shown, and the update waits at
    its question, said unfinished (the new name is not saved yet); /cancel still puts the
    registration back as it was."""
    await _registered_at_a_barn(desk)
    before = (await _person(desk, FARMER)).registration()
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "张大善")
    out = await (desk.press(FARMER, look) if look.startswith("m:") else desk.send(FARMER, look))
    said = texts(out)
    assert "登记信息没有改动" not in said
    asked = (
        "更新登记信息还没有完成，请接着回答：\n"
        "现在登记的手机号是 +8613800000001，不改就点「跳过」。\n请点下方「共享手机号」按钮"
    )
    assert asked in said and said.rstrip().endswith("可以点「跳过」。")
    await desk.send(FARMER, "/cancel")
    assert (await _person(desk, FARMER)).registration() == before


@pytest.mark.parametrize("leave", ["/new", "m:new"])
async def test_another_command_half_way_also_leaves_it_and_says_so(
    desk: Harness, leave: str
) -> None:
    """A new name typed, then /my or a menu entry: the update is left, as /cancel leaves it,
    and they are told, or the name would seem saved."""
    await _registered_at_a_barn(desk)
    before = (await _person(desk, FARMER)).registration()
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "张大善")
    if leave.startswith("/"):
        out = await desk.send(FARMER, leave)
    else:
        out = await desk.press(FARMER, leave)
    assert "登记信息没有改动" in texts(out)
    assert (await _person(desk, FARMER)).registration() == before
    again = await desk.send(FARMER, "/my")  # said once, when it was left
    assert "登记信息没有改动" not in texts(again)


async def test_pressing_the_update_again_half_way_begins_it_afresh_unremarked(
    desk: Harness,
) -> None:
    """👤 登记信息 pressed again half-way begins the update afresh, showing what is
    registered: no update is left unfinished to be told of above it."""
    await _registered_at_a_barn(desk)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "张大善")
    out = texts(await desk.press(FARMER, "m:reg"))
    assert "更新登记信息。现在登记的是：张大山" in out
    assert "没有完成" not in out


async def test_a_first_registration_left_for_a_command_is_no_update(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:retailer")
    out = await desk.send(FARMER, "/my")
    assert "登记信息没有改动" not in texts(out)


@pytest.mark.parametrize("telegram_name", ["", "张大山"])
async def test_a_first_registration_keeps_what_was_answered(
    desk: Harness, telegram_name: str
) -> None:
    # Nothing to go back to: the answers given so far stay (the rest can wait). The name
    # their Telegram profile gives (every real account has one) is no earlier registration.
    await desk.send(FARMER, "/start", user_name=telegram_name)
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "/cancel")
    assert (await _person(desk, FARMER)).kind is Requester.RETAILER


async def test_cancelling_is_the_same_for_someone_who_skipped_the_phone(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.send(FARMER, "跳过")  # no phone
    await desk.press(FARMER, "f:skip")
    before = (await _person(desk, FARMER)).registration()
    assert before["kind"] == "farmer" and not before["phone"]
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "/cancel")
    assert (await _person(desk, FARMER)).registration() == before


async def test_a_short_request_typed_when_registering_again_is_taken_up(desk: Harness) -> None:
    await _registered_at_a_barn(desk)
    out = await desk.press(FARMER, "m:reg")
    assert "更新登记信息" in texts(out)
    out = await desk.send(FARMER, "许可证到期要换证")
    assert "第一次使用" not in texts(out) and "要把这条消息作为「求助办事」提交吗" in texts(out)
    assert "登记信息没有改动" in texts(out)
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.text == "许可证到期要换证"
    assert (await _person(desk, FARMER)).registered


async def test_the_kind_asked_again_of_someone_registered_is_an_update(desk: Harness) -> None:
    await _registered_at_a_barn(desk)
    await desk.press(FARMER, "m:reg")
    out = await desk.send(FARMER, "嗯")  # no answer: the question again, in the same words
    assert "更新登记信息" in texts(out) and "第一次使用" not in texts(out)


async def test_who_left_before_the_name_is_asked_as_a_first_registration(desk: Harness) -> None:
    await desk.registered_as(FARMER, "retailer")  # /start, 零售户, /cancel
    out = await desk.press(FARMER, "m:reg")  # 👤 登记信息 later
    said = texts(out)
    assert "第一次使用" in said and "更新登记信息" not in said
    out = await desk.send(FARMER, "嗯")  # no answer: the question again, still no update
    assert "更新登记信息" not in texts(out)
    out = await desk.send(FARMER, "/cancel")
    assert "登记信息没有改动" not in texts(out) and "以后要登记" in texts(out)


async def test_who_left_before_the_name_with_a_telegram_name_is_asked_as_a_first_registration(
    desk: Harness,
) -> None:
    # Every real account has a name in its profile, which the desk calls them by until they
    # register: it is no name given at registration.
    await desk.send(FARMER, "/start", user_name="老王")
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "/cancel")
    out = await desk.press(FARMER, "m:reg")  # 👤 登记信息 later
    assert "第一次使用" in texts(out) and "更新登记信息" not in texts(out)
    out = await desk.send(FARMER, "/cancel")
    assert "登记信息没有改动" not in texts(out) and "以后要登记" in texts(out)
    out = await desk.send(FARMER, "/start")
    assert "还缺手机号" not in texts(out) and "第一次使用" in texts(out)
    assert "f:kind:retailer" in button_data(out)


async def test_a_registration_with_the_phone_skipped_is_finished_with_a_telegram_name(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start", user_name="老王")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.send(FARMER, "跳过")  # the phone
    await desk.press(FARMER, "f:skip")  # the place
    assert (await _person(desk, FARMER)).registered_at is not None
    out = await desk.send(FARMER, "/start")
    assert "张大山" in texts(out) and "还缺手机号" in texts(out)
    out = await desk.press(FARMER, "m:reg")
    assert "更新登记信息" in texts(out)


async def test_a_phone_shared_before_registering_is_no_registration(desk: Harness) -> None:
    await desk.send(FARMER, "/start", user_name="老王")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "/cancel")
    await desk.contact(FARMER, "+8613800000009", FARMER)  # shared on a call, say
    out = await desk.send(FARMER, "/start")
    assert "第一次使用" in texts(out) and "f:kind:farmer" in button_data(out)


async def test_who_pressed_once_and_left_registers_for_the_first_time_answers_standing(
    desk: Harness,
) -> None:
    """Pressing 烟农 once and leaving is no registration to put back: the next one is a
    first one, which stands once the phone is given, whatever ends it after."""
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    await desk.send(FARMER, "/my")  # the place question left
    person = await _person(desk, FARMER)
    assert person.registered and (person.name, person.phone) == ("张大山", "+8613800000001")
    assert "您是" not in texts(await desk.send(FARMER, "/start"))


async def test_the_place_question_says_that_skipping_keeps_the_registered_place(
    desk: Harness,
) -> None:
    out = await _at_the_place_question_again(desk)
    # Before: only 请选择您所在的乡镇/片区…, the town buttons and 跳过, which said nothing of
    # the barn registered: a farmer keeping it might pick their town and lose it.
    assert "现在登记的地点是青山镇大坪烤房群，不改就点「跳过」" in texts(out)
    await desk.press(FARMER, "f:skip")
    person = await _person(desk, FARMER)
    assert (person.site_code, person.area) == ("QS01", "qingshan")


async def test_registering_again_shows_a_retailers_shop_and_licence(desk: Harness) -> None:
    """A retailer's registration is their shop too: its name and licence number, which the
    teams serving it read on its cards, are shown with the rest."""
    retailer = await _retailer_registered(desk, "430101200123")
    out = await desk.press(retailer, "m:reg")
    said = texts(out)
    assert "现在登记的是：李小梅，零售户，+8613800000002，青山镇。" in said
    assert "店铺：红星便利店　许可证号：430101200123" in said
    assert "f:kind:retailer" in button_data(out)


@pytest.mark.parametrize("kept", ["跳过", "不改", "不改了", "還是原來的"])
async def test_the_name_question_again_shows_the_name_and_keeps_it_for_skip(
    desk: Harness, kept: str
) -> None:
    """Registering again, 您的姓名 says the name registered, as the place's and the shop's
    questions say theirs; 跳过 or 不改 keeps it, never saved as the name."""
    await _registered_at_a_barn(desk)
    await desk.press(FARMER, "m:reg")
    asked = texts(await desk.press(FARMER, "f:kind:farmer"))
    assert "现在登记的姓名是「张大山」。请输入新的姓名；不改回复“跳过”" in asked
    out = to_simplified(texts(await desk.send(FARMER, kept)))  # 還是原來的: read in 繁體
    assert "手机号" in out
    await desk.send(FARMER, "跳过")
    done = to_simplified(texts(await desk.press(FARMER, "f:skip")))
    assert "登记完成：张大山，" in done
    assert (await _person(desk, FARMER)).name == "张大山"


async def test_a_first_registration_takes_no_keep_word_for_a_name(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    assert "请输入您的姓名（" in texts(await desk.send(FARMER, "不改"))


@pytest.mark.parametrize(
    ("lang", "refused"),
    [
        (None, "姓名不改回复“跳过”；登记信息都不改了，回复“算了”"),
        ("lang:hant", "姓名不改回覆“跳過”；登記信息都不改了，回覆“算了”"),
    ],
)
async def test_a_name_refused_while_registering_again_says_how_to_keep_it(
    desk: Harness, lang: str | None, refused: str
) -> None:
    """A refused name in an update says what its answers do there: 跳过 keeps the name
    registered, 算了 leaves the registration as it was; not 现在不想登记, which would read as
    if the registration they have were at stake."""
    await _registered_at_a_barn(desk)
    if lang:
        await desk.press(FARMER, lang)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:farmer")
    out = texts(await desk.send(FARMER, "是"))
    assert refused in out and "不想登记" not in to_simplified(out)
    await desk.send(FARMER, "算了")
    person = await _person(desk, FARMER)
    assert person.registered and person.name == "张大山"


async def _retailer_registered(desk: Harness, licence: str | None) -> int:
    retailer = 100002
    await desk.send(retailer, "/start")
    await desk.press(retailer, "f:kind:retailer")
    await desk.send(retailer, "李小梅")
    await desk.contact(retailer, "8613800000002", owner=retailer)
    await desk.press(retailer, "f:area:qingshan")
    await desk.send(retailer, "红星便利店")
    if licence:
        done = await desk.send(retailer, licence)
    else:
        done = await desk.press(retailer, "f:skip:licence")
    assert "登记完成" in to_simplified(texts(done))
    return retailer


@pytest.mark.parametrize(
    ("licence", "refused"),
    [
        ("430101200123", "许可证号不改就点「跳过」；不改了，回复“算了”"),
        (None, "手边没有就点「跳过」，以后再补；不改了，回复“算了”"),
    ],
)
async def test_a_licence_refused_when_changing_only_the_shop_says_how_to_stop(
    desk: Harness, licence: str | None, refused: str
) -> None:
    """🏪 只改店名、许可证号 is no registration: a licence number refused there says how to
    keep the one registered and how to stop changing, not 不想登记了."""
    retailer = await _retailer_registered(desk, licence)
    await desk.press(retailer, "m:reg")
    await desk.press(retailer, "m:shop")
    await desk.send(retailer, "跳过")
    out = to_simplified(texts(await desk.send(retailer, "abc")))
    assert refused in out and "不想登记" not in out
    shop = to_simplified(texts(await desk.send(retailer, "不改")))
    assert "店铺信息已保存" in shop
    assert (await _person(desk, retailer)).licence_number == licence


async def test_a_shop_name_refused_while_registering_again_says_how_to_keep_it(
    desk: Harness,
) -> None:
    retailer = await _retailer_registered(desk, None)
    await desk.press(retailer, "m:reg")
    await desk.press(retailer, "m:shop")
    out = to_simplified(texts(await desk.send(retailer, "😀")))
    assert "店名不改回复“跳过”；不改了，回复“算了”" in out and "不想登记" not in out
    await desk.send(retailer, "还是原来的")
    assert (await _person(desk, retailer)).shop_name == "红星便利店"


@pytest.mark.parametrize(
    ("lang", "kept"),
    [
        (None, "现在登记的手机号是 +8613800000001，不改就点「跳过」。"),
        ("lang:hant", "現在登記的手機號是 +8613800000001，不改就點「跳過」。"),
    ],
)
async def test_the_phone_question_again_shows_the_number_that_skip_keeps(
    desk: Harness, lang: str | None, kept: str
) -> None:
    """Registering again, the phone question says the number registered, as the name's and
    the place's questions say theirs: 「跳过」 (or 不改) keeps it, which it said nothing of."""
    await _registered_at_a_barn(desk)
    if lang:
        await desk.press(FARMER, lang)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:farmer")
    asked = texts(await desk.send(FARMER, "跳过"))
    assert kept in asked
    assert kept in texts(await desk.send(FARMER, "好的"))  # asked again, the number with it
    await desk.send(FARMER, "不改")
    assert (await _person(desk, FARMER)).phone == "+8613800000001"


@pytest.mark.parametrize("typed", ["13800000001", "+86 138 0000 0001"])
async def test_the_shared_number_typed_again_when_registering_again_stays_verified(
    desk: Harness, typed: str
) -> None:
    """Asked 现在登记的手机号是 +8613800000001, they type that same number: it is the number
    Telegram's contact card gave, not one nobody checked (未核实 on the team's card)."""
    await _registered_at_a_barn(desk)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "跳过")  # the name
    said = texts(await desk.send(FARMER, typed))
    person = await _person(desk, FARMER)
    assert person.phone == "+8613800000001" and not person.phone_typed
    assert "没有经过核实" not in said, said


async def test_another_number_typed_when_registering_again_is_unverified(desk: Harness) -> None:
    await _registered_at_a_barn(desk)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "跳过")  # the name
    await desk.send(FARMER, "13800000009")
    person = await _person(desk, FARMER)
    assert person.phone == "13800000009" and person.phone_typed


async def test_a_first_registration_phone_question_shows_no_number(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    assert "现在登记的手机号" not in texts(await desk.send(FARMER, "张大山"))


async def test_start_half_way_through_an_update_greets_by_the_name_registered(
    desk: Harness,
) -> None:
    """A new name typed and /start sent before the update is finished: the welcome calls
    them by the name registered, as the new one is not saved (and /cancel drops it)."""
    await _registered_at_a_barn(desk)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "张大善")
    said = texts(await desk.send(FARMER, "/start"))
    assert "您好 张大山，" in said and "张大善" not in said
    assert "更新登记信息还没有完成" in said
    await desk.send(FARMER, "跳过")
    done = texts(await desk.press(FARMER, "f:skip"))
    assert "店铺的名称" in done
    await desk.send(FARMER, "跳过")
    await desk.press(FARMER, "f:skip:licence")
    assert "您好 张大善，" in texts(await desk.send(FARMER, "/start"))


@pytest.mark.parametrize("look", ["/start", "/help"])
async def test_a_look_half_way_through_an_update_shows_the_menu_registered(
    desk: Harness, look: str
) -> None:
    """A farmer answering 零售户 as an update, then looking at the menu: it is the menu of
    what is saved, 🚨 110 and the farmer's words kept, no 🏪 补充店铺信息, until the update
    is finished (and /cancel would drop the new answers)."""
    await _registered_at_a_barn(desk)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "张大善")
    out = await desk.send(FARMER, look)
    said, pressed = texts(out), button_data(out)
    assert "更新登记信息还没有完成" in said
    assert "m:110" in pressed and "m:shop" not in pressed
    assert "/110 烤房紧急故障" in said or look != "/help"
    assert "许可证、订货、配送等问题点" not in said
    await desk.send(FARMER, "/cancel")
    after = await desk.send(FARMER, "/start")
    assert "m:110" in button_data(after) and "m:shop" not in button_data(after)


async def test_the_welcome_half_way_through_an_update_says_where_110_calls_go(
    desk: Harness,
) -> None:
    """The welcome's how-to line is the farmer's (烤房出故障请点 🚨110 报警), in either script."""
    await _registered_at_a_barn(desk)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "张大善")
    assert "烤房出故障请点 🚨110 报警" in texts(await desk.send(FARMER, "/start"))
    await desk.press(FARMER, "lang:hant")
    assert "🚨110" in texts(await desk.send(FARMER, "/start"))


async def test_110_on_the_menu_shown_half_way_through_an_update_raises_the_call(
    desk: Harness,
) -> None:
    """🚨 110 of that menu is the farmer's: it leaves the update (put back, as said) for the
    call, not 您登记为零售户."""
    await _registered_at_a_barn(desk)
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "张大善")
    await desk.send(FARMER, "/start")
    said = texts(await desk.press(FARMER, "m:110"))
    assert "您登记为零售户" not in said
    assert "登记信息没有改动" in said and "请说明出了什么问题" in said
    assert (await _person(desk, FARMER)).kind is Requester.FARMER


async def test_110_pressed_after_answering_farmer_in_an_update_raises_the_call(
    desk: Harness,
) -> None:
    """A retailer answering 烟农 as an update, then pressing 🚨 110 of an earlier message:
    the barn may be theirs after all, so the call is raised, never 您登记为烟农，菜单里没有它."""
    retailer = await _retailer_registered(desk, "520102123456")
    await desk.press(retailer, "m:reg")
    await desk.press(retailer, "f:kind:farmer")
    said = texts(await desk.press(retailer, "m:110"))
    assert "菜单里没有它" not in said
    assert "请说明出了什么问题" in said


@pytest.mark.parametrize("typed", ["110", "报警"])
async def test_110_typed_after_answering_farmer_in_an_update_raises_the_call(
    desk: Harness, typed: str
) -> None:
    """As 🚨 110 pressed: the barn may be theirs after all."""
    retailer = await _retailer_registered(desk, "520102123456")
    await desk.press(retailer, "m:reg")
    await desk.press(retailer, "f:kind:farmer")
    said = texts(await desk.send(retailer, typed))
    assert "菜单里没有它" not in said
    assert "请说明出了什么问题" in said


async def test_110_refused_half_way_through_an_update_names_the_kind_registered(
    desk: Harness,
) -> None:
    """A retailer answering 职工 as an update: neither may have a barn, so 🚨 110 is
    refused, naming what is registered (零售户), not the answer not yet saved."""
    retailer = await _retailer_registered(desk, "520102123456")
    await desk.press(retailer, "m:reg")
    await desk.press(retailer, "f:kind:staff")
    said = texts(await desk.press(retailer, "m:110"))
    assert "您登记为零售户，菜单里没有它" in said, said
    assert "请说明出了什么问题" not in said


@pytest.mark.parametrize(
    ("lang", "count", "start"),
    [
        (
            None,
            "您输入的是 5 位，请对照许可证再输入一次；许可证号不改就点「跳过」。",
            "（如 520102），请对照许可证再输入一次；许可证号不改就点「跳过」。",
        ),
        (
            "lang:hant",
            "您輸入的是 5 位，請對照許可證再輸入一次；許可證號不改就點「跳過」。",
            "（如 520102），請對照許可證再輸入一次；許可證號不改就點「跳過」。",
        ),
    ],
)
async def test_a_licence_misread_while_registering_again_says_skipping_keeps_it(
    desk: Harness, lang: str | None, count: str, start: str
) -> None:
    """A number of the wrong length or start, with a licence registered: 跳过 keeps that
    one, as said, not 手边没有就点「跳过」，以后再补."""
    retailer = await _retailer_registered(desk, "430101200123")
    if lang:
        await desk.press(retailer, lang)
    await desk.press(retailer, "m:reg")
    await desk.press(retailer, "f:kind:retailer")
    for _kept in ("name", "phone", "place", "shop"):
        await desk.send(retailer, "跳过")
    wrong_length = texts(await desk.send(retailer, "12345"))
    assert count in wrong_length and "以后再补" not in to_simplified(wrong_length)
    wrong_start = texts(await desk.send(retailer, "999999123456"))
    assert start in wrong_start and "以后再补" not in to_simplified(wrong_start)
    await desk.press(retailer, "f:skip:licence")
    assert (await _person(desk, retailer)).licence_number == "430101200123"


async def test_a_licence_misread_with_none_registered_still_says_later(desk: Harness) -> None:
    retailer = await _retailer_registered(desk, None)
    await desk.press(retailer, "m:reg")
    await desk.press(retailer, "m:shop")
    await desk.send(retailer, "跳过")
    assert "手边没有就点「跳过」，以后再补。" in texts(await desk.send(retailer, "12345"))
