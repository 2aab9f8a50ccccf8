"""A menu entry's name typed instead of pressed opens that entry; words about a matter of
one's own are not taken for it."""

from __future__ import annotations

import pytest

from core.enums import Kind
from handlers.typed_menu import (
    HELP,
    asks_to_withdraw,
    kind_taken_back,
    menu_key,
    number_changed_to,
)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("110", "m:110"),
        ("我要报警！", "m:110"),
        ("您好，我要登记", "m:reg"),
        ("我要登記", "m:reg"),  # Traditional
        ("怎么登记", "m:reg"),
        ("改手机号", "m:phone"),
        ("我换手机号了", "m:phone"),  # the number changed, said as news
        ("我的手机号换了", "m:phone"),
        ("我電話號碼換了", "m:phone"),  # Traditional
        ("换了个新手机号", "m:phone"),
        ("我要改电话号码", "m:phone"),
        ("怎么改电话号码", "m:phone"),  # as 怎么登记: its question asked
        ("我的工单", "m:my"),
        ("帮我查一下工单进度", "m:my"),
        ("查一下进度吧", "m:my"),
        ("我的心愿怎么样了", "m:my"),
        ("我的心願", "m:my"),
        ("心愿清单进度", "m:my"),
        ("查一下心愿清单", "m:my"),
        ("看看我的投诉", "m:my"),
        ("我的工单怎么样了？", "m:my"),
        ("我反映的问题有回复了吗", "m:my"),
        ("进度怎么样了", "m:my"),
        ("办得怎么样了", "m:my"),
        ("现在处理到哪一步了？", "m:my"),
        ("現在處理到哪一步了？", "m:my"),  # Traditional
        ("我的许可证延续办得怎么样了", "m:my"),
        ("我的許可證延續辦得怎麼樣了", "m:my"),
        ("心愿清单", "m:wish"),
        ("我要投诉", "m:complain"),
        ("我想提个建议", "m:suggest"),
        ("心願", "m:wish"),
        ("我要办事", "m:new"),
        ("菜单", HELP),
        ("怎么用", HELP),
    ],
)
def test_a_menu_entrys_name_opens_it(text: str, key: str) -> None:
    assert menu_key(text) == key


@pytest.mark.parametrize(
    "text",
    [
        "投诉配送员送货迟到",
        "我要订货",
        "工单10019",
        "进度怎么样了，都三天了",
        "谢谢",
        "登记的手机号打不通",
        "我换手机了",  # a new handset, not a new number
        "送货员的电话换了",  # someone else's number, for the words' own reading
        "心愿：食堂增加早餐",
        "我的心愿是食堂增加早餐",
        "怎么样了",
        "投诉处理",
        "补贴办得怎么样了",  # a scheme's, perhaps: not said to be their own
    ],
)
def test_words_about_a_matter_of_ones_own_are_no_menu_entry(text: str) -> None:
    assert menu_key(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "撤回",
        "撤回吧",
        "我要撤回工单",
        "我要撤回工單",  # Traditional
        "取消工单",
        "帮我把工单撤回",
        "不用办了，我自己去所里问过了",
        "不用辦了，我自己去所裡問過了",
        "这个不需要处理了，谢谢",
        "不投诉了",
        "我不投訴了",  # Traditional
        "不用了，我想撤回",  # no longer needed, then the withdrawal
        "算了，撤回吧",
        "那就撤回吧",
        "不需要了，撤回工单",
    ],
)
def test_the_withdraw_button_typed_asks_to_withdraw(text: str) -> None:
    assert asks_to_withdraw(text)


@pytest.mark.parametrize(
    "text",
    [
        "取消",  # leaves a prompt
        "不用撤回",
        "撤回了吗",
        "怎么取消工单",
        "撤回工单？",
        "取消订单",  # an order of cigarettes, for its service
        "撤销许可证",
        "算了，撤销许可证",
        "不用了，取消订单",
        "算了，撤回了吗",
        "那就撤回许可证延续的申请，改成变更",
        "取消工单，我要改成订玉溪",
        "不用办了吗",
        "不投诉了吗",
        "不投诉了，我要订烟",
        "不投诉了，你们就是不管",  # anger, not a calm withdrawal
        "不反映了，直接找局长",
    ],
)
def test_other_words_of_withdrawing_do_not(text: str) -> None:
    assert not asks_to_withdraw(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("不投诉了", Kind.COMPLAINT),
        ("我不想投訴了", Kind.COMPLAINT),
        ("不反映了", Kind.COMPLAINT),
        ("不提建议了", Kind.SUGGESTION),
        ("撤回", None),
        ("不用办了", None),
    ],
)
def test_withdrawal_words_name_the_kind_they_take_back(text: str, kind: Kind | None) -> None:
    assert kind_taken_back(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        "我换手机号了，新号13912345678",
        "手机号改成13912345678",
        "我換手機號了 139-1234-5678",
        "我的电话号码换了，现在是13912345678",
        "改手机号13912345678",
    ],
)
def test_a_new_number_typed_with_the_news_is_read(text: str) -> None:
    assert number_changed_to(text) == "13912345678"


@pytest.mark.parametrize(
    "text", ["13912345678", "我要订货13912345678", "我换手机了13912345678", "换手机号了"]
)
def test_no_new_number_is_read_from_other_words(text: str) -> None:
    assert number_changed_to(text) is None


@pytest.mark.parametrize(
    "text", ["我的电话号码13812345678换了", "我的手机号13812345678改了", "13812345678换号了"]
)
def test_the_number_named_before_it_changed_is_not_the_new_one(text: str) -> None:
    # That number is the one no longer theirs: the news alone, the new number still asked.
    assert number_changed_to(text) is None
    assert menu_key(text) == "m:phone"


@pytest.mark.parametrize("text", ["我的手机号是13812345678", "手机号13812345678停机了"])
def test_a_number_with_no_change_said_opens_no_phone_question(text: str) -> None:
    assert number_changed_to(text) is None and menu_key(text) is None
