"""A retailer registers their shop: its name (店名) and tobacco retail licence number
(烟草专卖零售许可证号), asked after the place, typed or skipped, and shown to the teams that
serve the shop (配送, 订货, 专卖) on the card and at /ticket. Farmers and staff are not asked."""

from __future__ import annotations

import pytest

from core.enums import Requester
from core.model import User
from handlers.replies import Outcome
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002  # Telegram set to zh-hant
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071
LICENCE = "520102100123"


def said(outcome: Outcome) -> str:
    """The replies in Simplified: the retailer reads the script of what they type last."""
    return to_simplified(texts(outcome))


async def _person(desk: Harness, user: int) -> User:
    async with desk.db.uow(read_only=True) as uow:
        found = await uow.users.get(user)
    assert found is not None
    return found


async def _at_the_shop(desk: Harness, user: int = RETAILER, name: str = "王小五") -> str:
    """`user` registers as a retailer up to the shop's name; what was asked there."""
    await desk.send(user, "/start")
    await desk.press(user, "f:kind:retailer")
    await desk.send(user, name)
    await desk.contact(user, "8613800000002", owner=user)
    return texts(await desk.press(user, "f:area:qingshan"))


async def _registered_with_a_shop(desk: Harness) -> None:
    await _at_the_shop(desk)
    await desk.send(RETAILER, "老王烟酒店")
    await desk.send(RETAILER, LICENCE)


async def test_a_retailer_is_asked_for_the_shop_and_the_licence_after_the_place(
    desk: Harness,
) -> None:
    asked = await _at_the_shop(desk, name="陳曉華")  # written in 繁體, read in it
    assert "店鋪的名稱" in asked
    out = await desk.send(RETAILER, "店名：老王煙酒店")
    assert "許可證號" in texts(out) and "f:skip:licence" in button_data(out)
    done = texts(await desk.send(RETAILER, "5201 0210 0123"))  # as the licence groups it
    assert "登記完成" in done and "店鋪：老王煙酒店" in done and LICENCE in done
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("老王煙酒店", LICENCE)
    assert person.registered


@pytest.mark.parametrize(
    "typed",
    [
        "５２０１０２１００１２３",
        "许可证号：520102-100123",
        "520102 1 00123",
        "菸草專賣零售許可證號：520102100123",  # the 繁體 question's own words
        "煙草專賣零售許可證號 520102100123",
        "我的許可證號是520102100123",  # whose it is, and 是
        "我的许可证号是520102100123",
        "证号520102100123",
        "證號520102100123",
        "许可证：520102100123。",
        "許可證：520102100123。",
        "520102100123号",
        "520102100123號",
    ],
)
async def test_a_licence_typed_in_full_width_digits_or_after_its_name_is_the_number(
    desk: Harness, typed: str
) -> None:
    await _at_the_shop(desk)
    await desk.send(RETAILER, "老王烟酒店")
    await desk.send(RETAILER, typed)
    assert (await _person(desk, RETAILER)).licence_number == LICENCE


@pytest.mark.parametrize(
    ("typed", "said_"),
    [
        ("52010210012", "您输入的是 11 位"),  # a digit missed
        ("990102100123", "开头不对"),  # no province starts so
        ("ABC-123", "12 位数字"),
        ("我的许可证号是52010210012", "您输入的是 11 位"),
        ("我的許可證號是52010210012", "您输入的是 11 位"),
        ("520102100123 530102200456", "您输入的是 24 位"),  # two numbers: neither is taken
        ("许可证号520102100123，电话13812345678", "12 位数字"),
    ],
)
async def test_a_bad_licence_number_is_told_what_is_wrong_and_saves_nothing(
    desk: Harness, typed: str, said_: str
) -> None:
    await _at_the_shop(desk)
    await desk.send(RETAILER, "老王烟酒店")
    out = await desk.send(RETAILER, typed)
    assert said_ in said(out) and "f:skip:licence" in button_data(out)
    person = await _person(desk, RETAILER)
    assert person.licence_number is None and not await desk.tickets()
    done = said(await desk.send(RETAILER, LICENCE))  # asked again, and answered
    assert "登记完成" in done
    assert (await _person(desk, RETAILER)).licence_number == LICENCE


@pytest.mark.parametrize(
    "skip",
    [
        "press",
        "跳過",
        "没带",
        "不知道",
        "许可证号在店里",
        "我的许可证放在店里了",
        "没带许可证",
        "我忘了",
        "沒帶許可證",
        "许可证号码想不起来了，等我回店里再发给你",
    ],
)
async def test_a_licence_not_at_hand_is_skipped_and_said_to_be_added_later(
    desk: Harness, skip: str
) -> None:
    await _at_the_shop(desk)
    await desk.send(RETAILER, "老王烟酒店")
    if skip == "press":
        out = await desk.press(RETAILER, "f:skip:licence")
    else:
        out = await desk.send(RETAILER, skip)
    done = said(out)
    assert "登记完成" in done and "许可证号：未填" in done and "补充店铺信息」补上" in done
    person = await _person(desk, RETAILER)
    assert person.registered and person.shop_name == "老王烟酒店"
    assert person.licence_number is None


async def test_a_shop_without_a_name_skips_it(desk: Harness) -> None:
    await _at_the_shop(desk)
    out = await desk.send(RETAILER, "没有店名")
    assert "许可证号" in said(out) and not await desk.tickets()
    assert (await _person(desk, RETAILER)).shop_name is None


@pytest.mark.parametrize("typed", ["😀😀", "123456", "是的"])
async def test_a_bad_shop_name_is_asked_again_and_saves_nothing(desk: Harness, typed: str) -> None:
    await _at_the_shop(desk)
    out = await desk.send(RETAILER, typed)
    assert "店铺的名称（1 到 30 个字" in said(out)
    assert (await _person(desk, RETAILER)).shop_name is None


async def test_a_request_typed_at_the_shop_is_taken_up_not_kept_as_its_name(
    desk: Harness,
) -> None:
    await _at_the_shop(desk)
    out = said(await desk.send(RETAILER, "中华断货好几天了，什么时候能到货"))
    assert "先处理您的问题；您的登记已保存" in out and "将转给：营销服务部" in out
    person = await _person(desk, RETAILER)
    assert person.registered and person.shop_name is None


@pytest.mark.parametrize(
    "typed",
    [
        "投诉配送员小王，送货总是迟到",
        "配送员态度不好",
        "送货的骂人",
        "投訴配送員小王",
        "好态度烟酒店的送货员态度很差",  # a shop's name in it, complaining of someone
        "投诉好态度烟酒店",
        # Sentences that end at a shop's word are no shop's name.
        "配送员态度好差，天天不按时送到店",
        "送货员态度好差，从来不送进店",
        "你们送货的态度好凶，货扔在店",
        "配送员那态度真让人生气，我们小卖部",
    ],
)
async def test_a_complaint_typed_at_the_shop_is_taken_up_not_kept_as_its_name(
    desk: Harness, typed: str
) -> None:
    await _at_the_shop(desk)
    out = said(await desk.send(RETAILER, typed))
    assert "先处理您的问题" in out and "作为「投诉」提交" in out
    person = await _person(desk, RETAILER)
    assert person.registered and person.shop_name is None


@pytest.mark.parametrize("typed", ["配送员总是迟到", "送货老是送错", "中华一直断货"])
async def test_a_matter_typed_at_the_shop_is_taken_up_not_kept_as_its_name(
    desk: Harness, typed: str
) -> None:
    await _at_the_shop(desk)
    out = said(await desk.send(RETAILER, typed))
    assert "先处理您的问题" in out and "提交吗" in out
    person = await _person(desk, RETAILER)
    assert person.registered and person.shop_name is None


@pytest.mark.parametrize("typed", ["老王烟酒店", "兴隆便利店", "中华烟行", "诚信烟酒商行"])
async def test_a_shop_named_with_a_services_words_is_still_its_name(
    desk: Harness, typed: str
) -> None:
    await _at_the_shop(desk)
    assert "许可证号" in said(await desk.send(RETAILER, typed))
    assert (await _person(desk, RETAILER)).shop_name == typed and not await desk.tickets()


@pytest.mark.parametrize("typed", ["好态度烟酒店", "好態度煙酒店", "好态度超市（河西店）"])
async def test_a_shop_whose_name_praises_its_manner_is_its_name_not_a_complaint(
    desk: Harness, typed: str
) -> None:
    await _at_the_shop(desk)
    assert "许可证号" in said(await desk.send(RETAILER, typed))
    assert (await _person(desk, RETAILER)).shop_name == typed and not await desk.tickets()


async def test_a_question_typed_at_the_licence_is_taken_up_not_refused(desk: Harness) -> None:
    await _at_the_shop(desk)
    await desk.send(RETAILER, "老王烟酒店")
    out = said(await desk.send(RETAILER, "许可证快到期了，怎么办理延续？"))
    assert "先处理您的问题" in out and "将转给：专卖管理所" in out and "12 位数字" not in out
    person = await _person(desk, RETAILER)
    assert person.shop_name == "老王烟酒店" and person.licence_number is None


@pytest.mark.parametrize("words", ["算了", "取消", "返回"])
async def test_leaving_at_the_licence_keeps_the_first_registration_and_says_how_to_add_it(
    desk: Harness, words: str
) -> None:
    await _at_the_shop(desk)
    await desk.send(RETAILER, "老王烟酒店")
    out = said(await desk.send(RETAILER, words))
    assert "您的登记已保存" in out and "以后可以点「🏪 补充店铺信息」补上" in out
    assert "m:shop" in button_data(await desk.send(RETAILER, "/help"))  # the entry it names
    person = await _person(desk, RETAILER)
    assert person.registered and person.shop_name == "老王烟酒店"
    assert person.licence_number is None
    assert "您是" not in said(await desk.send(RETAILER, "/start"))


async def test_registering_again_shows_the_shop_and_skip_keeps_it(desk: Harness) -> None:
    await _registered_with_a_shop(desk)
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    asked = said(await desk.press(RETAILER, "f:area:qingshan"))
    assert "现在登记的店名是「老王烟酒店」" in asked
    asked = said(await desk.send(RETAILER, "跳过"))
    assert f"现在登记的许可证号是 {LICENCE}" in asked
    await desk.press(RETAILER, "f:skip:licence")
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("老王烟酒店", LICENCE)


async def test_registering_again_changes_the_licence_and_leaving_puts_it_back(
    desk: Harness,
) -> None:
    await _registered_with_a_shop(desk)
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.press(RETAILER, "f:area:qingshan")
    await desk.send(RETAILER, "兴隆超市")
    out = said(await desk.send(RETAILER, "算了"))
    assert "登记信息没有改动" in out
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("老王烟酒店", LICENCE)
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.press(RETAILER, "f:area:qingshan")
    await desk.send(RETAILER, "兴隆超市")
    await desk.send(RETAILER, "530102200456")
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("兴隆超市", "530102200456")


async def test_a_farmer_is_not_asked_for_a_shop(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    done = texts(await desk.press(FARMER, "f:area:qingshan"))
    assert "登记完成" in done and "店" not in done and "许可证号" not in done


async def test_a_retailer_who_registers_as_a_farmer_keeps_no_shop(desk: Harness) -> None:
    await _registered_with_a_shop(desk)
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:farmer")
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.press(RETAILER, "f:area:qingshan")
    person = await _person(desk, RETAILER)
    assert person.kind is Requester.FARMER
    assert (person.shop_name, person.licence_number) == (None, None)


async def test_the_delivery_teams_card_and_ticket_show_the_shop_and_licence(
    desk: Harness,
) -> None:
    await _registered_with_a_shop(desk)
    ticket = await desk.file_request(RETAILER, "今天送货的少了两条烟")
    assert ticket.team_id == "delivery"
    [card] = [
        r.payload["text"]
        for r in await desk.outbox()
        if r.chat_id == DELIVERY_CHAT and r.payload.get("text", "").startswith("工单")
    ]
    assert f"店铺：老王烟酒店　许可证号：{LICENCE}" in card
    shown = texts(await desk.send(DELIVERY_MEMBER, f"/ticket {ticket.label}", chat=DELIVERY_CHAT))
    assert "报告人：王小五" in shown and "老王烟酒店" in shown and LICENCE in shown


async def test_a_retailers_card_says_when_the_shop_was_not_given(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.file_request(RETAILER, "今天送货的少了两条烟")
    [card] = [
        r.payload["text"]
        for r in await desk.outbox()
        if r.chat_id == DELIVERY_CHAT and r.payload.get("text", "").startswith("工单")
    ]
    assert "店铺：未提供　许可证号：未提供" in card


async def test_a_farmers_card_has_no_shop_line(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.file_110(FARMER)
    cards = [r.payload.get("text", "") for r in await desk.outbox()]
    assert any("报告人：" in c for c in cards) and not any("店铺：" in c for c in cards)


async def test_farmer_pressed_at_the_shop_finishes_without_one(desk: Harness) -> None:
    await _at_the_shop(desk)
    out = said(await desk.press(RETAILER, "f:kind:farmer"))  # 零售户 was a slip
    assert "改为登记为「烟农」" in out and "登记完成" in out and "许可证号" not in out
    person = await _person(desk, RETAILER)
    assert person.kind is Requester.FARMER and person.registered
    assert (person.shop_name, person.licence_number) == (None, None)


async def test_a_sticker_at_the_licence_asks_for_it_again(desk: Harness) -> None:
    await _at_the_shop(desk)
    await desk.send(RETAILER, "老王烟酒店")
    out = await desk.send(RETAILER, unsupported="sticker")
    assert "许可证号" in said(out) and "f:skip:licence" in button_data(out)


async def test_a_retailer_bound_by_a_districts_qr_is_asked_for_the_shop_after_the_phone(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/start site_CQ-R1")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小五")
    out = await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    # No town asked (the district is known); the phone's keyboard goes with the question.
    [asked] = out.replies
    assert "店铺的名称" in to_simplified(asked.text) and asked.keyboard == "remove"
    await desk.send(RETAILER, "东片烟酒店")
    done = said(await desk.press(RETAILER, "f:skip:licence"))
    assert "城区东片零售商圈" in done and "店铺：东片烟酒店　许可证号：未填" in done


async def test_a_shop_name_typed_after_its_traditional_lead_in_is_kept_without_it(
    desk: Harness,
) -> None:
    await _at_the_shop(desk)
    await desk.send(RETAILER, "店鋪名稱：李記菸酒店")
    assert (await _person(desk, RETAILER)).shop_name == "李記菸酒店"


async def test_a_shop_name_typed_with_its_licence_answers_both(desk: Harness) -> None:
    await _at_the_shop(desk)
    out = await desk.send(RETAILER, "李記菸酒店 5201 0210 0123")
    assert "登记完成" in said(out)
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("李記菸酒店", LICENCE)


@pytest.mark.parametrize("typed", ["兴隆超市168", "7-11便利店 2号店"])
async def test_a_shop_name_ending_in_digits_that_are_no_licence_keeps_them(
    desk: Harness, typed: str
) -> None:
    await _at_the_shop(desk)
    out = await desk.send(RETAILER, typed)
    assert "许可证号" in said(out)  # still asked
    assert (await _person(desk, RETAILER)).shop_name == typed


@pytest.mark.parametrize(
    "typed",
    [
        "李记烟酒店 许可证号：520102100123",
        "店名：李记烟酒店，许可证号520102100123",
        "李记烟酒店 许可证号：520102100123。",
        "李记烟酒店 证号：520102100123",
        "李记烟酒店 许可证编号：520102100123",
        "李记烟酒店，许可证编号 5201 0210 0123",
        "李记烟酒店，我的许可证号是520102100123号。",
    ],
)
async def test_a_licence_named_after_the_shop_leaves_its_name_out_of_the_shops(
    desk: Harness, typed: str
) -> None:
    await _at_the_shop(desk)
    assert "登记完成" in said(await desk.send(RETAILER, typed))
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("李记烟酒店", LICENCE)


async def test_a_shops_own_number_before_its_licence_stays_in_the_shops_name(
    desk: Harness,
) -> None:
    await _at_the_shop(desk)
    assert "登记完成" in said(await desk.send(RETAILER, "兴隆超市168 520102100123"))
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("兴隆超市168", LICENCE)


async def test_a_mistyped_licence_after_the_shop_is_said_to_be_so_and_the_shop_kept(
    desk: Harness,
) -> None:
    await _at_the_shop(desk)
    out = await desk.send(RETAILER, "联华超市 52010210012")
    assert "您输入的是 11 位" in said(out) and "f:skip:licence" in button_data(out)
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("联华超市", None)
    assert "登记完成" in said(await desk.send(RETAILER, LICENCE))


@pytest.mark.parametrize(
    "typed",
    [
        "许可证忘了续期怎么办？",  # a matter of its own, with words of one not at hand
        "订货密码忘了怎么办",
        "许可证丢了",  # lost, not left at the shop: a matter for the licence office
        "昨天送来的中华烟少了两条",  # a matter of its own, in more than a few words
        "客户经理态度很差爱答不理",
    ],
)
async def test_a_matter_typed_at_the_licence_is_taken_up_not_skipped_or_refused(
    desk: Harness, typed: str
) -> None:
    await _at_the_shop(desk)
    await desk.send(RETAILER, "老王烟酒店")
    assert "先处理您的问题" in said(await desk.send(RETAILER, typed))


@pytest.mark.parametrize("later", ["以后再说", "先不填", "以后再填", "改天再說", "稍后"])
async def test_later_at_the_shop_puts_off_the_licence_too_and_finishes(
    desk: Harness, later: str
) -> None:
    await _at_the_shop(desk)
    out = said(await desk.send(RETAILER, later))
    assert "登记完成" in out and "店铺：未填　许可证号：未填" in out and "补充店铺信息" in out
    assert "请输入您的烟草专卖零售许可证号" not in out
    person = await _person(desk, RETAILER)
    assert person.registered and (person.shop_name, person.licence_number) == (None, None)


@pytest.mark.parametrize("later", ["以后再说吧", "先不填了", "以後再說吧", "改天吧", "暂时不填"])
async def test_putting_the_shop_off_in_other_words_names_no_shop(desk: Harness, later: str) -> None:
    await _at_the_shop(desk)
    out = said(await desk.send(RETAILER, later))
    assert "登记完成" in out and "店铺：未填　许可证号：未填" in out
    assert (await _person(desk, RETAILER)).shop_name is None


async def test_skip_typed_at_the_shop_skips_only_the_shop(desk: Harness) -> None:
    await _at_the_shop(desk)
    out = await desk.send(RETAILER, "跳过")
    assert "请输入您的烟草专卖零售许可证号" in said(out) and "f:skip:licence" in button_data(out)
    done = said(await desk.send(RETAILER, LICENCE))
    assert "登记完成" in done and f"店铺：未填　许可证号：{LICENCE}" in done


async def test_registering_again_later_at_the_shop_keeps_the_changes_made(desk: Harness) -> None:
    await _registered_with_a_shop(desk)
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王大五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.press(RETAILER, "f:area:qingshan")
    done = said(await desk.send(RETAILER, "以后再说"))
    assert "登记完成" in done and "许可证号：" + LICENCE in done
    person = await _person(desk, RETAILER)
    assert (person.name, person.shop_name, person.licence_number) == (
        "王大五",
        "老王烟酒店",
        LICENCE,
    )


async def test_a_photo_of_the_licence_is_not_read_and_the_number_typed_next_is_taken(
    desk: Harness,
) -> None:
    await _at_the_shop(desk)
    await desk.send(RETAILER, "老王烟酒店")
    out = await desk.send(RETAILER, photo_file_id="p-licence")
    assert "认不出照片上的字" in said(out) and "先处理您的问题" not in said(out)
    assert "请输入您的烟草专卖零售许可证号" in said(out) and "f:skip:licence" in button_data(out)
    done = said(await desk.send(RETAILER, LICENCE))
    assert "登记完成" in done and f"许可证号：{LICENCE}" in done
    assert await desk.tickets() == []


async def test_a_photo_of_the_sign_is_not_read_but_its_caption_is_the_shop(desk: Harness) -> None:
    await _at_the_shop(desk)
    out = await desk.send(RETAILER, photo_file_id="p-sign")
    assert "认不出照片上的字" in said(out) and "店铺的名称" in said(out)
    out = await desk.send(RETAILER, "老王烟酒店", photo_file_id="p-sign")
    assert "请输入您的烟草专卖零售许可证号" in said(out)
    assert (await _person(desk, RETAILER)).shop_name == "老王烟酒店"


@pytest.mark.parametrize(
    "typed", ["李记烟酒店 许可证号：520102100123，谢谢", "李记烟酒店 520102100123，谢谢！"]
)
async def test_a_licence_with_thanks_after_the_shop_answers_both(desk: Harness, typed: str) -> None:
    """Thanks after the number end the answer after the shop's name too, as at the licence's
    own question: the digits are not kept in the shop's name, the licence not asked again."""
    await _at_the_shop(desk)
    assert "登记完成" in said(await desk.send(RETAILER, typed))
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("李记烟酒店", LICENCE)


@pytest.mark.parametrize(
    ("lang", "shop_said", "licence_said"),
    [
        (
            "lang:hans",
            "没有店名回复“跳过”；店铺信息以后再补，回复“算了”：",
            "手边没有就点「跳过」，以后再补。",
        ),
        (
            "lang:hant",
            "沒有店名回覆“跳過”；店鋪信息以後再補，回覆“算了”：",
            "手邊沒有就點「跳過」，以後再補。",
        ),
    ],
)
async def test_a_refusal_at_the_shop_or_licence_says_the_registration_is_kept(
    desk: Harness, lang: str, shop_said: str, licence_said: str
) -> None:
    """By the shop, a first registration is saved: a refused answer says 算了 leaves the
    shop for later, not 不想登记, which would read as if the registration were dropped."""
    await desk.press(RETAILER, lang)
    await _at_the_shop(desk)
    refused = texts(await desk.send(RETAILER, "😀"))
    assert shop_said in refused and "不想登记" not in to_simplified(refused)
    await desk.send(RETAILER, "老王烟酒店")
    refused = texts(await desk.send(RETAILER, "abc"))
    assert licence_said in refused and "不想登记" not in to_simplified(refused)
    kept = said(await desk.send(RETAILER, "算了"))
    assert "您的登记已保存" in kept
    assert (await _person(desk, RETAILER)).registered
