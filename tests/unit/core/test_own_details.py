"""What in a person's own words tells who they are, hidden."""

from __future__ import annotations

from core.own_details import NUMBER, PHONE, own_details_hidden


def test_numbers_name_and_shop_are_hidden_and_whom_it_is_about_stays() -> None:
    said = (
        "投诉配送员小王，我是小梅烟酒店的李小梅，许可证号５２０１０２１００１２３，"
        + "电话138 1234 5678"
    )
    hidden = own_details_hidden(said, names=("李小梅",), shops=("小梅烟酒店",))
    assert hidden == f"投诉配送员小王，我是某店的某某，许可证号{NUMBER}，电话{PHONE}"


def test_a_name_of_one_character_or_none_is_left() -> None:
    assert own_details_hidden("王说10点到", names=("王", None), shops=(None,)) == "王说10点到"


def test_a_shop_named_only_by_what_it_sells_is_left_where_another_shop_is_named() -> None:
    said = "投诉配送员小王，把我订的货错送到了隔壁张记烟酒店"
    assert own_details_hidden(said, shops=("烟酒店",)) == said
    assert own_details_hidden("我是便利店的", shops=("便利店",)) == "我是便利店的"
