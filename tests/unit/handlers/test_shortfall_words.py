"""Words saying a shop's goods came short, in either script."""

from __future__ import annotations

import pytest

from handlers.shortfall_words import says_goods_short


@pytest.mark.parametrize(
    "text",
    [
        "差了两条", "还差两条", "货差了", "少了两条", "还是少一条", "没送齐", "數量不夠",
        "还少3包", "少送了", "烟又少了", "货不齐", "怎么还差两条？", "還差兩條",
    ],
)  # fmt: skip
def test_goods_short(text: str) -> None:
    assert says_goods_short(text)


@pytest.mark.parametrize(
    "text",
    [
        "下次少订两条", "能不能少要两条", "服务不够好", "送得不够及时", "差一点就好了",
        "差评", "少一个人", "谢谢", "送货时间能改吗",
    ],
)  # fmt: skip
def test_no_goods_short(text: str) -> None:
    assert not says_goods_short(text)
