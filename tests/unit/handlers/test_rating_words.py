"""Judgements in words ("还不错", "一般吧", "很差") and the scores they mean."""

from __future__ import annotations

import pytest

from handlers.rating_words import judged_score, judgement_in, says_not_satisfied, thanks_only


@pytest.mark.parametrize(
    ("typed", "score"),
    [
        ("非常满意", 5),
        ("总的来说我觉得这次服务非常满意，谢谢你们，辛苦了", 5),
        ("還可以吧", 4),
        ("一般吧", 3),
        ("我不太满意", 2),
        ("态度很差吧", 1),
    ],
)
def test_a_judgement_with_what_goes_with_it_means_its_score(typed: str, score: int) -> None:
    assert judged_score(typed) == score


@pytest.mark.parametrize(
    ("typed", "score"),
    [("很棒", 5), ("非常棒！", 5), ("太棒了", 5), ("真棒", 5), ("真不错", 4), ("挺不錯的", 4)],
)
def test_everyday_praise_is_a_judgement_too(typed: str, score: int) -> None:
    """Before: 非常棒 and 真不错 at the score prompt asked for the score again."""
    assert judged_score(typed) == score


def test_more_words_than_any_judgement_has_are_no_judgement() -> None:
    # Not read for one at all past the longest there is: stripping what goes with a
    # judgement takes time growing with the square of the length.
    assert judgement_in("我" * 50 + "很满意") is None
    assert judged_score("很满意" + "吧" * 1999) is None


def test_only_a_refusal_says_not_satisfied() -> None:
    assert says_not_satisfied("很差") and says_not_satisfied("我不满意")
    assert not says_not_satisfied("一般吧") and not says_not_satisfied("很满意")


@pytest.mark.parametrize("typed", ["差了", "差了吧", "货差了", "差了两条", "还差两条", "還差兩條"])
def test_short_said_with_cha_is_no_judgement(typed: str) -> None:
    # 差 alone rates 2; 差了 says an order is short (货差了), not that the service was poor.
    assert judgement_in(typed) is None and judged_score(typed) is None


def test_poor_with_its_words_around_it_is_still_a_judgement() -> None:
    assert judged_score("差") == 2 and judged_score("服务差吧") == 2
    assert judged_score("太差了") == 1 and judged_score("真差啊") == 1


_PRAISE = ("谢谢", "感谢", "点赞")


@pytest.mark.parametrize(
    "typed",
    ["又慢又差，谢谢", "谢谢，烤房又坏了", "谢谢，还是没修好", "谢谢，派个人来", "谢谢，没人来"],
)
def test_discontent_or_asking_read_as_phrases_still_make_thanks_more_than_thanks(
    typed: str,
) -> None:
    assert not thanks_only(typed, _PRAISE)


@pytest.mark.parametrize(
    "typed", ["服务没得说，点赞", "帮我们解决了大问题，谢谢", "再好不过了，谢谢"]
)
def test_praise_sharing_a_character_with_discontent_is_thanks_alone(typed: str) -> None:
    assert thanks_only(typed, _PRAISE)


@pytest.mark.parametrize(
    "typed",
    [
        "师傅过来得很及时，谢谢",
        "师傅来一次就修好了，谢谢",
        "还有赵师傅也辛苦了，谢谢",
        "感谢你们过来",
    ],
)
def test_praise_of_a_visit_made_is_thanks_alone(typed: str) -> None:
    assert thanks_only(typed, _PRAISE)


@pytest.mark.parametrize(
    "typed", ["请替我谢谢张师傅", "麻烦转达我们的感谢", "谢谢师傅又跑一趟", "请帮我向师傅表示感谢"]
)
def test_asking_only_that_thanks_be_passed_on_is_thanks_alone(typed: str) -> None:
    assert thanks_only(typed, _PRAISE)


@pytest.mark.parametrize(
    "typed", ["害我又跑一趟，谢谢", "请替我谢谢张师傅，再派人来看看", "麻烦转达感谢，帮我订两条"]
)
def test_passing_thanks_on_beside_more_asked_or_discontent_is_more_than_thanks(
    typed: str,
) -> None:
    assert not thanks_only(typed, _PRAISE)
