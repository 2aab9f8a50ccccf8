"""Words about how a ticket ended, or asking after it, read."""

from __future__ import annotations

import pytest

from core.enums import Kind
from handlers.verdict_words import (
    STILL_WRONG,
    a_score_alone,
    asks_if_done,
    bare_verdict,
    kind_verdict,
    says_not_solved,
    says_solved,
    typed_score,
)
from tests.support.typed_scores import SCORES_WITH_A_FEW_WORDS


@pytest.mark.parametrize(
    "typed", ["修好了吗", "烤房修好了吗？？", "解決了沒有", "请问处理了没", "办好了没有"]
)
def test_whether_it_is_done_asked_alone_is_a_question_after_a_ticket(typed: str) -> None:
    assert asks_if_done(typed)


@pytest.mark.parametrize(
    "typed", ["修好了", "好了吗", "修烤房", "我要修烤房吗", "烤房修好了吗，又停电了"]
)
def test_a_verdict_a_request_or_more_words_are_not_that_question(typed: str) -> None:
    assert not asks_if_done(typed)


@pytest.mark.parametrize(
    "typed", ["没实现", "还没实现", "没有实现，早餐还是只有馒头", "還沒實現", "心愿未实现"]
)
def test_a_wish_not_granted_is_not_done_and_said_of_a_wish_only(typed: str) -> None:
    verdict = kind_verdict(typed)
    assert verdict is not None and verdict.not_done and verdict.kinds == {Kind.WISH}


@pytest.mark.parametrize("typed", ["实现了", "已实现，谢谢", "實現了", "已经实现了"])
def test_a_wish_granted_is_done_and_said_of_a_wish_only(typed: str) -> None:
    verdict = kind_verdict(typed)
    assert verdict is not None and not verdict.not_done and verdict.kinds == {Kind.WISH}


@pytest.mark.parametrize(
    "typed",
    [
        "有异议",
        "我有異議",
        "不同意",
        "我不接受",
        "不认可这个答复",
        "我对这个结果有异议。",
        # With why, after a pause: still the answer disputed.
        "我不同意，要求重新处理",
        "我有異議，請重新處理",
        "我还有异议",
    ],
)
def test_a_dispute_is_not_done_and_said_of_an_answer_not_a_repair(typed: str) -> None:
    verdict = kind_verdict(typed)
    assert verdict is not None and verdict.not_done
    assert Kind.WISH in verdict.kinds and Kind.REQUEST not in verdict.kinds
    assert Kind.EMERGENCY not in verdict.kinds


@pytest.mark.parametrize(
    "typed",
    [
        "只实现了一部分",
        "实现了吗",
        "领导不同意我请假",
        "希望食堂增加早餐",
        "没修好",
        # Disputing something else than the answer: a matter of its own.
        "我不同意这次的订货档位调整",
        "我们不接受加班不给调休",
        "我对调岗有异议",
        # After the pause, a matter of its own rather than the answer asked again.
        "我不同意，领导不让我请假",
        "有异议，请问下周食堂几点开饭？",
        "有异议，我家的补贴还没发",
    ],
)
def test_other_words_are_no_verdict_of_a_kind(typed: str) -> None:
    assert kind_verdict(typed) is None


@pytest.mark.parametrize(
    ("typed", "score"),
    [
        ("4", 4),
        ("四星", 4),
        ("我打4分", 4),
        *SCORES_WITH_A_FEW_WORDS,
    ],
)
def test_a_score_is_read_alone_or_with_words_that_add_nothing_to_it(typed: str, score: int) -> None:
    assert typed_score(typed) == score


@pytest.mark.parametrize(
    "typed", ["两分", "兩分", "两星", "两颗星", "兩顆星", "给两分吧", "給兩分"]
)
def test_two_said_as_of_a_count_is_a_score_of_two(typed: str) -> None:
    """Before: 两分 and 两颗星, the everyday way to say two points or stars, asked again."""
    assert typed_score(typed) == 2


@pytest.mark.parametrize(
    "typed",
    [
        "两",
        "两条",
        "给两条",
        "两分钟",
        "520102100123",
        "10019",
        "给我送5条",
        "給我送5條",
        "6分",
        "5分钟",
        "给5条中华",
    ],
)
def test_numbers_that_are_no_score_are_not_read_as_one(typed: str) -> None:
    assert typed_score(typed) is None


@pytest.mark.parametrize(
    ("typed", "wrong"),
    [
        ("还是只有馒头", True),
        ("还是只送了一条", True),
        ("早餐还是只能吃馒头", True),  # still only able to: still something missing
        ("还是只能升到40度", True),
        ("还是只能这样了", False),
        ("还是只好算了", False),
        ("还是只能接受", False),
    ],
)
def test_still_only_is_something_wrong_but_only_able_to_is_resignation(
    typed: str, wrong: bool
) -> None:
    """还是只有馒头 (still only buns) says the answer left something wrong; 还是只能这样了
    (it can only be so) accepts it."""
    assert (STILL_WRONG.search(typed) is not None) is wrong


@pytest.mark.parametrize(
    ("typed", "verdict"),
    [
        ("好了", "ok"),
        ("好了！", "ok"),
        ("满意", "ok"),
        ("很滿意", "ok"),
        ("已经解决了", "ok"),
        ("修好了", "ok"),
        ("没解决", "bad"),
        ("還是沒解決", "bad"),
        ("还是不行", "bad"),
        ("还没好呢", "bad"),
        ("不满意", "not_satisfied"),
        ("5分", "r:5"),
        ("给5分", "r:5"),
    ],
)
def test_a_verdict_alone_reads_as_the_notices_button(typed: str, verdict: str) -> None:
    assert bare_verdict(typed) == verdict


@pytest.mark.parametrize(
    "typed", ["少了两条", "好的", "好", "谢谢", "5", "好了吗", "今天送到就好了", "没有", "还没"]
)
def test_other_words_are_no_verdict_alone(typed: str) -> None:
    assert bare_verdict(typed) is None


@pytest.mark.parametrize("typed", ["5分", "给5分", "五星", "給你們5分", "满分"])
def test_a_score_alone_is_one(typed: str) -> None:
    assert a_score_alone(typed)


@pytest.mark.parametrize(
    ("typed", "score"), [("收到了，五星好評", 5), ("已经收到了，谢谢，5分", 5), ("收到了 给4分", 4)]
)
def test_a_score_after_what_was_sent_came_is_read(typed: str, score: int) -> None:
    assert typed_score(typed) == score


@pytest.mark.parametrize("typed", ["收到了", "收到了5条", "收到了，少了2条", "收到5分钟了"])
def test_received_without_a_score_is_none(typed: str) -> None:
    assert typed_score(typed) is None


@pytest.mark.parametrize(
    "typed", ["5", "五", "修好了，5分", "好了5分", "收到了，5分", "烤房停电了"]
)
def test_a_number_or_a_score_with_its_news_is_not_a_score_alone(typed: str) -> None:
    assert not a_score_alone(typed)


@pytest.mark.parametrize("typed", ["行了，修好了", "可以了", "好了，谢谢", "已经可以了"])
def test_words_that_it_works_again_say_it_is_solved(typed: str) -> None:
    assert says_solved(typed)


@pytest.mark.parametrize(
    "typed",
    ["不行了", "又不行了", "烤房又不行了", "還是不行", "还是不行了", "又不可以了", "修不好了"],
)
def test_not_working_is_never_read_as_solved(typed: str) -> None:
    """行了 or 可以了 after 不 says it fails: never answered 请为这次服务打分."""
    assert not says_solved(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "又坏了",
        "烤房又坏了",
        "刚修好又坏了",
        "没解决，路又坏了",
        # The barn's own parts that end as a road, a vehicle or a phone do (路, 车, 机).
        "刚修好的线路又坏了",
        "烤房电路又坏了",
        "線路還是壞的",
        "循环风机又坏了",
        "烤房电脑又坏了",
        # Something else named, then the barn: the barn is what broke.
        "电话说烤房又坏了",
        "路过看到风机又坏了",
        "电话说线路又坏了",
    ],
)
def test_broken_again_said_of_the_matter_is_not_solved(typed: str) -> None:
    assert says_not_solved(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "路又坏了，车开不进来",
        "手机又坏了",
        "電動車又壞了",
        "我家电视还是坏的",
        "电话线又坏了",
        # Wiring named after a phone, broadband or a car is theirs, not the barn's.
        "手机充电线又坏了",
        "宽带线路又坏了",
        "电话线路又坏了",
        "手机电路板又坏了",
        "车上的电路又坏了",
    ],
)
def test_something_else_broken_again_says_nothing_of_the_matter(typed: str) -> None:
    assert not says_not_solved(typed)
