"""Words that goods did not come again (`says_not_come_again`): what did not come is the
goods or their delivery, or nothing is named; never someone or something else."""

from __future__ import annotations

import pytest

from handlers.trouble_words import says_not_come_again


@pytest.mark.parametrize(
    "typed",
    [
        "又没来",
        "又没送",
        "怎么又没送",
        "今天又没给我送",
        "还是不行，又没来",
        "货还是没到",
        "貨還是沒到",
        "送货的又没来",
        "配送员还是没来",
        "昨天订的烟今天又没送来",
    ],
)
def test_goods_or_nothing_named_not_come_again(typed: str) -> None:
    assert says_not_come_again(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "客户又没来",
        "验证码又没到",
        "驗證碼又沒到",
        "隔壁老李家又没送",
        "工资又没到",
        "110的人又没来",
        "师傅又没来",
        "又没来电",
        "怎么又没来上班",
    ],
)
def test_someone_or_something_else_not_come_again_is_not_the_goods(typed: str) -> None:
    assert not says_not_come_again(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "货还是没到。",
        "又没送。",
        "貨還是沒到。",
        "还是不行，又没来。",
        "货还是没到…",
        "又没送！",
        "（货还是没到）",
        "货还是没到。。。",
        "「又没送」",
    ],
)
def test_goods_not_come_ending_as_a_chinese_sentence_ends(typed: str) -> None:
    """。！…） typed after the words, as Chinese keyboards end a sentence, end the clause."""
    assert says_not_come_again(typed)


@pytest.mark.parametrize("typed", ["又没来电。", "工资又没到。", "又没到期！", "客户又没来。"])
def test_something_else_not_come_ending_in_a_full_stop_is_not_the_goods(typed: str) -> None:
    assert not says_not_come_again(typed)


@pytest.mark.parametrize(
    "typed", ["烟都卖完了。客户又没来", "货送到了。验证码又没到", "货收到了！工资又没到"]
)
def test_a_full_stop_ends_the_clause_as_a_comma_does(typed: str) -> None:
    """The goods named before 。 are not who did not come after it."""
    assert not says_not_come_again(typed)


@pytest.mark.parametrize(
    "typed", ["你好。货还是没到", "烟都卖完了。又没送", "麻烦了。订的烟又没送来"]
)
def test_goods_not_come_after_a_full_stop_still_count(typed: str) -> None:
    assert says_not_come_again(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "烟草局的人又没来",
        "烟草公司的人又没来",
        "烟站的人又没来",
        "烟叶站的人还是没来",
        "菸草局的人又沒來",
    ],
)
def test_the_tobacco_bureau_or_station_not_come_again_is_not_the_goods(typed: str) -> None:
    """烟 of 烟草局, 烟草公司 or 烟站 names who did not come, never her goods."""
    assert not says_not_come_again(typed)


@pytest.mark.parametrize("typed", ["烟还是没到", "订的烟又没送", "香烟又没送来", "卷烟还是没到"])
def test_the_cigarettes_not_come_again_are_the_goods(typed: str) -> None:
    assert says_not_come_again(typed)
