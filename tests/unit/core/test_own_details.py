"""What in a person's own words tells who they are, hidden."""

from __future__ import annotations

import pytest

from core.own_details import NUMBER, PHONE, complainant_named_hidden, own_details_hidden


def test_numbers_name_and_shop_are_hidden_and_whom_it_is_about_stays() -> None:
    said = (
        "投诉配送员小王，我是小梅烟酒店的李小梅，许可证号５２０１０２１００１２３，"
        + "电话138 1234 5678"
    )
    hidden = own_details_hidden(said, names=("李小梅",), shops=("小梅烟酒店",))
    assert hidden == f"投诉配送员小王，我是某店的某某，许可证号{NUMBER}，电话{PHONE}"


@pytest.mark.parametrize(
    ("name", "shop", "said"),
    [
        ("张三", "兴隆超市", "我是張三，興隆超市的，配送員態度差"),
        ("張三", "興隆超市", "我是张三，兴隆超市的，配送员态度差"),
    ],
)
def test_a_name_and_shop_registered_in_one_script_are_hidden_in_the_other(
    name: str, shop: str, said: str
) -> None:
    """Registered in one script, written in the other: hidden all the same, where before
    我是張三 showed the complainant registered as 张三 to the team complained about."""
    hidden = own_details_hidden(said, names=(name,), shops=(shop,))
    assert hidden.startswith("我是某某，某店的，"), hidden
    note = complainant_named_hidden(said, names=(name,), shops=(shop,))
    assert note.startswith("我是某某，某店的，"), note


def test_an_address_as_registered_is_hidden_with_or_without_its_town() -> None:
    addresses = ("城区人民路12号",)
    said = "我的店在城区人民路12号，配送员小王又迟到"
    assert (
        own_details_hidden(said, addresses=addresses) == "我的店在【地址已隐去】，配送员小王又迟到"
    )
    said = "我的店在人民路12号，配送员小王又迟到"
    assert (
        own_details_hidden(said, addresses=addresses) == "我的店在【地址已隐去】，配送员小王又迟到"
    )


def test_a_traditional_address_is_hidden_without_its_town() -> None:
    said = "我的店在人民路12號，配送員小王又遲到"
    hidden = own_details_hidden(said, addresses=("城區人民路12號",))
    assert hidden == "我的店在【地址已隐去】，配送員小王又遲到"


def test_a_simplified_address_is_hidden_where_written_in_traditional() -> None:
    said = "我的店在城區人民路12號"
    assert own_details_hidden(said, addresses=("城区人民路12号",)) == "我的店在【地址已隐去】"


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("3组", "配送13组的司机态度差，货总是少"),
        ("一组", "第一组的司机态度差"),
        ("三组", "十三组的司机态度差"),
        ("12号院", "112号院门口的车乱停"),
        ("人民路12", "人民路123号的店卖假烟"),
    ],
)
def test_a_short_address_is_not_hidden_inside_a_longer_number(address: str, said: str) -> None:
    assert own_details_hidden(said, addresses=(address,)) == said


@pytest.mark.parametrize(
    ("address", "said", "hidden"),
    [
        ("3组", "我家在3组，配送员又迟到", "我家在【地址已隐去】，配送员又迟到"),
        ("一组", "一组的货没送", "【地址已隐去】的货没送"),
        ("12号院", "我住12号院", "我住【地址已隐去】"),
    ],
)
def test_a_short_address_written_whole_is_hidden(address: str, said: str, hidden: str) -> None:
    assert own_details_hidden(said, addresses=(address,)) == hidden


@pytest.mark.parametrize("address", ["人民路", "新街", "城区新街"])
def test_an_address_without_a_door_number_stays(address: str) -> None:
    """A road or a village with no door (人民路): too common a word to hide everywhere."""
    said = "人民路和新街的店都说配送员迟到"
    assert own_details_hidden(said, addresses=(address,)) == said


@pytest.mark.parametrize("address", ["城关镇", "白石乡一组", None])
def test_a_town_alone_or_too_little_after_it_stays(address: str | None) -> None:
    said = "城关镇的配送员小王总是迟到，一组的货也没送"
    assert own_details_hidden(said, addresses=(address,)) == said


def test_a_name_of_one_character_or_none_is_left() -> None:
    assert own_details_hidden("王说10点到", names=("王", None), shops=(None,)) == "王说10点到"


def test_a_shop_named_only_by_what_it_sells_is_left_where_another_shop_is_named() -> None:
    said = "投诉配送员小王，把我订的货错送到了隔壁张记烟酒店"
    assert own_details_hidden(said, shops=("烟酒店",)) == said
    assert own_details_hidden("我是便利店的", shops=("便利店",)) == "我是便利店的"


@pytest.mark.parametrize(
    ("said", "secret"),
    [
        ("投诉配送员王军，送货总是迟到，加我微信zhangwei1234", "zhangwei1234"),
        ("微信号：wx_abc123", "wx_abc123"),
        ("vx: liming88", "liming88"),
        ("QQ号：１２３４５", "12345"),
        ("结果发到邮箱abc123@qq.com", "abc123@qq.com"),
        ("许可证号52-0102-100123", "0102"),
        ("电话：8555-1234", "8555"),
    ],
)
def test_an_account_e_mail_or_number_in_groups_is_hidden(said: str, secret: str) -> None:
    assert secret not in own_details_hidden(said)


@pytest.mark.parametrize(
    "said", ["2026-11-18 上午送的货", "温度从40.5降到35.2", "08:30来的", "微信同号", "车牌贵A12345"]
)
def test_dates_readings_and_whose_van_it_was_stay(said: str) -> None:
    assert own_details_hidden(said) == said


@pytest.mark.parametrize(
    "said",
    [
        "货款多扣了我12345.67元",
        "货款多扣了我123456.78元",
        "多扣了我123456元，退了123456块",
        "2026-11-18 9点送货员没来",
        "2026.11.18 14:30送货员没来",
    ],
)
def test_an_amount_or_a_date_and_its_hour_stays_for_the_team(said: str) -> None:
    """What the complaint is about, not who wrote it (before: 【号码已隐去】元,
    【号码已隐去】点送货员没来)."""
    assert own_details_hidden(said) == said


@pytest.mark.parametrize(
    ("said", "instead"),
    [
        ("电话一三八一二三四五六七八", f"电话{PHONE}"),
        ("打幺三九 零零零零 一一一一找我", f"打{PHONE}找我"),
        ("许可证号五二〇一〇二一〇〇一二三", f"许可证号{NUMBER}"),
        ("手机138一二三四五六七八", f"手机{PHONE}"),
    ],
)
def test_a_number_read_out_in_chinese_numerals_is_hidden(said: str, instead: str) -> None:
    """Seven or more digits written as Chinese numerals are a phone or licence number as
    much as Arabic ones (before: 电话一三八一二三四五六七八 was shown)."""
    assert own_details_hidden(said) == instead


@pytest.mark.parametrize(
    "said", ["少送了三十条", "二〇二六年十一月十八日送的", "一五一十地说了", "一二三号烤房"]
)
def test_amounts_and_dates_in_chinese_numerals_stay(said: str) -> None:
    assert own_details_hidden(said) == said


@pytest.mark.parametrize(
    ("said", "instead"),
    [
        ("电话：8555-1234", f"电话：{PHONE}"),
        ("座机855-1234", f"座机{PHONE}"),
        ("许可证号52-0102-100123", f"许可证号{NUMBER}"),
        ("QQ 12345678.", f"QQ {NUMBER}."),
        ("许可证号520102100123.", f"许可证号{NUMBER}."),
    ],
)
def test_a_hidden_number_says_what_it_was(said: str, instead: str) -> None:
    """A local phone number in groups reads 【电话已隐去】, a licence 【号码已隐去】, and
    a full stop after a number stays (before: 8555-1234 read 【号码已隐去】, and a QQ number
    before a full stop 【联系方式已隐去】)."""
    assert own_details_hidden(said) == instead


@pytest.mark.parametrize(
    ("said", "instead"),
    [
        ("电话一三八-一二三四-五六七八", f"电话{PHONE}"),
        ("打幺三九—零零零零—一一一一找我", f"打{PHONE}找我"),
        ("电话138-1234-5678", f"电话{PHONE}"),
        ("座机8555-1234", f"座机{PHONE}"),
    ],
)
def test_a_phone_number_in_groups_is_hidden_in_numerals_too(said: str, instead: str) -> None:
    """Read out in Chinese numerals with dashes between its groups, a phone number is as
    much one as in digits (before: 电话一三八-一二三四-五六七八 was shown)."""
    assert own_details_hidden(said) == instead


@pytest.mark.parametrize(
    "said",
    [
        "每担1200-1500元",
        "价格在1000-2000元之间",
        "价格在1000-2000之间",
        "每斤1200-1500",
        "每条2300-2500块",
        "收了3000-5000斤",
    ],
)
def test_a_range_of_amounts_stays_whole(said: str) -> None:
    """A price or weight from one amount to another is what happened, no phone number
    (before: 每担【电话已隐去】元)."""
    assert own_details_hidden(said) == said


def test_a_staff_note_hides_the_complainants_registered_name_shop_and_numbers_only() -> None:
    note = (
        "我是配送员张强，已向老王烟酒店的王小五道歉并重新配送订单号20261201001，"
        "回电１３９-1234-5678、许可证520102100123均确认，有问题打0871-65551234"
    )
    hidden = complainant_named_hidden(
        note,
        names=("王小五",),
        shops=("老王烟酒店",),
        numbers=("+8613912345678", "520102100123", None),
    )
    assert hidden == (
        "我是配送员张强，已向某店的某某道歉并重新配送订单号20261201001，"
        f"回电{PHONE}、许可证{NUMBER}均确认，有问题打0871-65551234"
    )


def test_a_staff_note_keeps_a_longer_number_holding_the_complainants_and_short_ones() -> None:
    note = "许可证5201021001234不是本人的，尾号5678"
    assert complainant_named_hidden(note, numbers=("520102100123", "5678")) == note
