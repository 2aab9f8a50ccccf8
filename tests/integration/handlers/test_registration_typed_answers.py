"""Registration answered as an old farmer would: the button's place typed as a number, 是
where a choice was asked, 算了 or 不要 instead of /cancel or 「跳过」."""

from __future__ import annotations

import pytest

from core.model import User
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002  # Telegram set to zh-hant


async def _user(desk: Harness, user_id: int) -> User:
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(user_id)
    assert user is not None
    return user


async def _asked_phone(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")


@pytest.mark.parametrize(("typed", "kind"), [("1", "farmer"), ("２", "retailer"), ("三", "staff")])
async def test_a_number_typed_at_who_you_are_is_the_button_in_that_place(
    desk: Harness, typed: str, kind: str
) -> None:
    await desk.send(FARMER, "/start")
    out = await desk.send(FARMER, typed)
    assert "请输入您的姓名" in texts(out)
    user = await _user(desk, FARMER)
    assert user.kind is not None and user.kind.value == kind


async def test_yes_typed_at_who_you_are_is_asked_again_with_what_to_type_and_how_to_leave(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    out = await desk.send(FARMER, "是")
    assert "“烟农”“零售户”或“职工”" in texts(out) and "“算了”" in texts(out)
    assert "第一次使用" not in texts(out)  # not the same words again, as if unheard
    assert "f:kind:farmer" in button_data(out)
    assert (await _user(desk, FARMER)).kind is None


@pytest.mark.parametrize("typed", ["算了", "取消", "返回", "不要"])
async def test_calling_it_off_at_who_you_are_leaves_registration_with_the_menu(
    desk: Harness, typed: str
) -> None:
    await desk.send(FARMER, "/start")
    out = await desk.send(FARMER, typed)
    assert "先不登记" in texts(out) and "/start" in texts(out)
    assert "m:new" in button_data(out)
    out = await desk.send(FARMER, "烟农")  # no longer an answer to a question
    assert "请输入您的姓名" not in texts(out)
    assert (await _user(desk, FARMER)).kind is None
    assert await desk.tickets() == []


async def test_calling_it_off_at_the_name_keeps_no_such_name(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, "算了")
    assert "先不登记" in texts(out)
    assert (await _user(desk, FARMER)).name != "算了"


@pytest.mark.parametrize("typed", ["是", "对", "可以", "没有"])
async def test_yes_or_no_typed_for_the_name_is_not_taken_as_the_name(
    desk: Harness, typed: str
) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, typed)
    assert "请输入您的姓名" in texts(out) and "“算了”" in texts(out)  # and how to leave
    assert (await _user(desk, FARMER)).name != typed
    out = await desk.send(FARMER, "张大山")
    assert "共享您的手机号" in texts(out)


@pytest.mark.parametrize("typed", ["不要", "不给", "没有", "跳过"])
async def test_no_typed_at_the_phone_skips_it_as_the_prompt_offers(
    desk: Harness, typed: str
) -> None:
    await _asked_phone(desk)
    out = await desk.send(FARMER, typed)
    assert "请选择您所在的乡镇" in texts(out)
    assert not (await _user(desk, FARMER)).phone


@pytest.mark.parametrize("typed", ["以后再说", "以后再说吧", "先不填", "不想填", "以後再說"])
async def test_the_phone_put_off_is_skipped_and_the_registration_goes_on(
    desk: Harness, typed: str
) -> None:
    """以后再说 at the phone, which 「跳过」 may leave for later, is that: the phone skipped
    with how to add it, the place asked next; never registration left (先不登记)."""
    await _asked_phone(desk)
    out = await desk.send(FARMER, typed)
    said = texts(out)
    assert "先不登记" not in said, said
    assert "可以补上手机号" in said or "可以補上手機號" in said, said
    assert "f:skip" in button_data(out)  # the place's question, with its own 「跳过」
    user = await _user(desk, FARMER)
    assert user.name == "张大山" and user.registered_at is not None and not user.phone


async def test_the_place_put_off_is_skipped(desk: Harness) -> None:
    await _asked_phone(desk)
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = await desk.send(FARMER, "先不填")
    assert "登记完成" in texts(out) and "地点未选" in texts(out)


async def test_a_number_typed_at_the_place_is_the_town_in_that_place(desk: Harness) -> None:
    await _asked_phone(desk)
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = await desk.send(FARMER, "2")
    assert "登记完成" in texts(out)
    assert (await _user(desk, FARMER)).area == desk.cfg.areas[1].id


async def test_no_typed_at_the_place_skips_it(desk: Harness) -> None:
    await _asked_phone(desk)
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = await desk.send(FARMER, "不用")
    assert "登记完成" in texts(out) and "地点未选" in texts(out)


async def test_other_words_at_the_place_say_what_may_be_typed(desk: Harness) -> None:
    await _asked_phone(desk)
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = await desk.send(FARMER, "是")
    assert "回复乡镇名" in texts(out) and "f:skip" in button_data(out)
    assert (await _user(desk, FARMER)).area is None


async def test_calling_off_a_registration_again_leaves_the_registration_as_it_was(
    desk: Harness,
) -> None:
    await _asked_phone(desk)
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    await desk.press(FARMER, "f:skip")
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:retailer")
    out = await desk.send(FARMER, "算了")
    assert "登记信息没有改动" in texts(out)
    user = await _user(desk, FARMER)
    assert user.kind is not None and user.kind.value == "farmer" and user.name == "张大山"


async def test_calling_it_off_in_traditional_is_answered_in_traditional(desk: Harness) -> None:
    await desk.send(RETAILER, "/start", language_code="zh-hant")
    out = await desk.send(RETAILER, "算了")
    assert "先不登記" in texts(out)
    out = await desk.send(RETAILER, "/start")
    out = await desk.send(RETAILER, "是")
    assert "“菸農”“零售戶”或“職工”" in texts(out)


async def test_a_sticker_at_a_registration_question_puts_that_question_again(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    out = await desk.send(FARMER, unsupported="sticker")
    assert "贴纸" in texts(out) and "f:kind:farmer" in button_data(out)
    assert "请发文字、照片、语音或位置" not in texts(out)  # not what this question wants
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    out = await desk.send(FARMER, unsupported="sticker")
    assert "共享手机号" in texts(out) and out.replies[-1].keyboard == "contact"


async def test_words_over_the_limit_at_a_registration_question_are_refused_not_taken_up(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    out = await desk.send(FARMER, "许可证" + "很长" * 2500)
    assert "内容太长了" in texts(out) and "先处理您的问题" not in texts(out)
    out = await desk.send(FARMER, "烟农")  # the question still waits
    assert "请输入您的姓名" in texts(out)


async def test_cancel_in_registration_says_how_to_register_later_with_the_menu(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    out = await desk.send(FARMER, "/cancel")
    assert "/start" in texts(out) and "登记" in texts(out)
    assert "m:new" in button_data(out)


async def test_cancel_at_the_phone_takes_its_keyboard_away_and_shows_the_menu_apart(
    desk: Harness,
) -> None:
    await _asked_phone(desk)
    out = await desk.send(FARMER, "/cancel")
    assert out.replies[0].keyboard == "remove" and not out.replies[0].buttons
    assert "m:new" in button_data(out) and out.replies[-1].keyboard is None


LEAVING = ["算了", "取消", "不登记了", "先不登记", "不想登记"]


@pytest.mark.parametrize("typed", LEAVING)
async def test_leaving_words_at_the_phone_leave_registration_unfinished(
    desk: Harness, typed: str
) -> None:
    await _asked_phone(desk)
    out = await desk.send(FARMER, typed)
    assert "先不登记" in texts(out) and "请选择您所在的乡镇" not in texts(out)
    assert "登记完成" not in texts(out) and "m:new" in button_data(out)
    out = await desk.send(FARMER, "1")  # no longer an answer to the town question
    assert "登记完成" not in texts(out)


@pytest.mark.parametrize("typed", LEAVING)
async def test_leaving_words_at_the_place_leave_registration_unfinished(
    desk: Harness, typed: str
) -> None:
    await _asked_phone(desk)
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = await desk.send(FARMER, typed)
    assert "登记完成" not in texts(out) and "m:new" in button_data(out)
    cancelled = await _cancel_at_the_place(desk, FARMER + 1)
    assert texts(out) == cancelled  # as /cancel there


async def _cancel_at_the_place(desk: Harness, user: int) -> str:
    await desk.send(user, "/start")
    await desk.press(user, "f:kind:farmer")
    await desk.send(user, "张大山")
    await desk.contact(user, "8613800000002", owner=user)
    return texts(await desk.send(user, "/cancel"))


async def test_leaving_words_when_registering_again_keep_the_registration_as_it_was(
    desk: Harness,
) -> None:
    """A registered farmer re-registering as a retailer who says 算了 at the phone and at
    the town stays the farmer they were, with 🚨110."""
    await _asked_phone(desk)
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    await desk.press(FARMER, "f:skip")
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:retailer")
    await desk.send(FARMER, "李老板")
    out = await desk.send(FARMER, "算了")
    assert "登记信息没有改动" in texts(out) and "登记完成" not in texts(out)
    out = await desk.send(FARMER, "算了")  # the town question is not waiting either
    assert "登记完成" not in texts(out)
    user = await _user(desk, FARMER)
    assert user.kind is not None and user.kind.value == "farmer" and user.name == "张大山"
    assert "m:110" in button_data(await desk.send(FARMER, "/help"))


@pytest.mark.parametrize("left", ["/cancel", "算了"])
async def test_leaving_when_only_the_phone_is_asked_says_it_can_be_added_later(
    desk: Harness, left: str
) -> None:
    await _asked_phone(desk)
    await desk.send(FARMER, "跳过")  # the phone skipped, with its keyboard's 「跳过」
    await desk.press(FARMER, "f:skip")  # and the town
    out = await desk.send(FARMER, "/start")
    assert "您的登记还缺手机号" in texts(out)
    out = await desk.send(FARMER, left)
    assert "以后发 /start 可以补上手机号" in texts(out) and "先不登记" not in texts(out)
    user = await _user(desk, FARMER)
    assert user.kind is not None and user.name == "张大山"


async def test_a_first_registration_left_at_the_place_is_said_to_be_saved(desk: Harness) -> None:
    await _asked_phone(desk)
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = texts(await desk.send(FARMER, "算了"))
    assert "您的登记已保存" in out and "没有改动" not in out
    assert (await _user(desk, FARMER)).registered


async def test_a_question_at_the_place_of_a_first_registration_says_it_is_saved(
    desk: Harness,
) -> None:
    await _asked_phone(desk)
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = texts(await desk.send(FARMER, "收购站什么时候开门？"))
    assert "您的登记已保存" in out and "没有改动" not in out
    assert (await _user(desk, FARMER)).registered


@pytest.mark.parametrize(
    ("typed", "number"),
    [("+852 9123 4567", "+85291234567"), ("+853 6612 3456", "+85366123456")],
)
async def test_a_hong_kong_or_macau_number_typed_at_the_phone_is_kept_as_dialled(
    desk: Harness, typed: str, number: str
) -> None:
    """A number with its +852 or +853 is said back as kept and registered, not refused."""
    await _asked_phone(desk)
    said = texts(await desk.send(FARMER, typed))
    assert f"已记下您输入的手机号 {number}" in said, said
    assert "请选择您所在的乡镇" in said
    assert (await _user(desk, FARMER)).phone == number


async def test_a_number_abroad_too_short_is_asked_again(desk: Harness) -> None:
    await _asked_phone(desk)
    said = texts(await desk.send(FARMER, "+852 123"))
    assert "不是完整的号码" in said and "请选择您所在的乡镇" not in said
    assert not (await _user(desk, FARMER)).phone


@pytest.mark.parametrize(
    ("typed", "count"), [("138 1234 567", 10), ("9123 4567", 8), ("+852 123", 6)]
)
async def test_digits_that_are_no_number_are_told_so_with_their_count(
    desk: Harness, typed: str, count: int
) -> None:
    """A digit short, or a Hong Kong number without its +852: said to be no whole number,
    how long one is and that a code goes before one from Hong Kong, Macau or Taiwan; not
    only asked for the button again as if the digits had not been read."""
    await _asked_phone(desk)
    said = texts(await desk.send(FARMER, typed))
    assert f"“{typed}”不是完整的号码（{count} 位数字）" in said, said
    assert "+852" in said and "跳过" in said
    assert not (await _user(desk, FARMER)).phone


@pytest.mark.parametrize("typed", ["12345678901", "110 1234 5678"])
async def test_eleven_digits_that_are_no_mobile_are_told_so_not_called_incomplete(
    desk: Harness, typed: str
) -> None:
    """Eleven digits are a mobile's whole length: said to be no valid mobile, which starts
    13 to 19, never “不是完整的号码（11 位数字）：手机号是 11 位”."""
    await _asked_phone(desk)
    said = texts(await desk.send(FARMER, typed))
    assert "不是完整的号码" not in said, said
    assert f"“{typed}”不是有效的手机号" in said and "13–19" in said, said
    assert not (await _user(desk, FARMER)).phone


@pytest.mark.parametrize(
    ("typed", "code"),
    [("852 9123 4567", "+852"), ("85366123456", "+853"), ("886 912 345 678", "+886")],
)
async def test_a_number_abroad_without_its_plus_is_told_to_add_it(
    desk: Harness, typed: str, code: str
) -> None:
    await _asked_phone(desk)
    said = texts(await desk.send(FARMER, typed))
    assert f"请在前面加上 {code}" in said and "不是完整的号码" not in said, said
    assert not (await _user(desk, FARMER)).phone


@pytest.mark.parametrize("typed", ["852 9123 45678", "853 6612 34567"])
async def test_nine_digits_after_852_or_853_are_not_told_to_add_the_plus(
    desk: Harness, typed: str
) -> None:
    """Hong Kong's and Macau's numbers have eight digits: +852 912345678 would be refused
    in turn, so the farmer is told his digits are no whole number, and how long one is."""
    await _asked_phone(desk)
    said = texts(await desk.send(FARMER, typed))
    assert "不是完整的号码（12 位数字）" in said and "请在前面加上" not in said, said
    assert not (await _user(desk, FARMER)).phone


@pytest.mark.parametrize("typed", ["0086 138 0000 0001", "+86 13800000001"])
async def test_a_mobile_with_0086_or_86_before_it_is_kept_as_its_eleven_digits(
    desk: Harness, typed: str
) -> None:
    """00852 9123 4567 is kept; 0086 before a mainland mobile, the same 00 before the
    mainland's code, is too, as the mobile a team dials."""
    await _asked_phone(desk)
    said = texts(await desk.send(FARMER, typed))
    assert "已记下您输入的手机号 13800000001" in said and "不是" not in said, said
    assert (await _user(desk, FARMER)).phone == "13800000001"
