"""A danger or a disaster said to be past, asked about for what it cost (补贴, 赔, 损失), is
no emergency; one that goes on now (停电到现在, 又坏了, 刚才) still is. The texts are written
as farmers type them, some in Traditional script, with the near-misses beside each."""

from __future__ import annotations

import pytest

from routing import Router
from routing.when import said_past


@pytest.mark.parametrize(
    "text",
    [
        "前年的洪水补贴到现在也没发",
        "前年的洪水補貼到現在也沒發",
        "去年冰雹的赔款一直到现在都没到账",
        "上个月山洪受灾的补助到现在还没下来",
        "去年冰雹，保险公司到现在也没赔",
    ],
)
def test_a_payment_for_a_past_disaster_awaited_until_now_is_not_urgent(
    router: Router, text: str
) -> None:
    """What lasts 到现在 is the wait for the money, not the flood: before, the 现在 of
    到现在 read as now and 洪水 flagged it urgent (，急)."""
    decision = router.route(text)
    assert not decision.urgent, decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "前年的洪水补贴到现在还在拖",
        "前年的洪水補貼到現在還在拖",
        "去年冰雹的补偿款现在还在审",
        "上个月山洪的补助到现在还在等",
        "去年冰雹的保险现在正在走流程，啥时候赔",
    ],
)
def test_a_payment_for_a_past_disaster_still_awaited_is_not_urgent(
    router: Router, text: str
) -> None:
    """还在拖 or 正在走流程 after the payment is its wait going on, as 到现在 is: before,
    还在 read as the flood happening now (，急)."""
    decision = router.route(text)
    assert not decision.urgent, decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "去年的补贴还没到，现在又下冰雹了",
        "前年洪水的补贴还在拖，今天山洪又来了",
        "上周的补助到了，现在烟地还在被水淹",
    ],
)
def test_a_disaster_now_beside_a_payment_still_awaited_is_still_urgent(
    router: Router, text: str
) -> None:
    decision = router.route(text)
    assert decision.urgent, decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "前天的洪水到现在还没退，烟地全淹了",
        "去年冰雹的赔款到现在还没到，现在又下冰雹了",
        "前年洪水冲垮的烟地到现在还没修好，现在又下暴雨了",
    ],
)
def test_a_disaster_lasting_until_now_is_still_urgent(router: Router, text: str) -> None:
    decision = router.route(text)
    assert decision.urgent, decision.explanation


@pytest.mark.parametrize(
    "text",
    ["上周停电到现在还没来电", "上周保险丝烧了到现在还没电", "上周修好的风机又坏了"],
)
def test_a_failure_lasting_until_now_is_not_said_past(text: str) -> None:
    """停电 lasts 到现在, and the 保险 of a fuse (保险丝) is no insurance paid."""
    assert not said_past(text)


@pytest.mark.parametrize(
    "text",
    [
        "烤房停电了，三天前刚修过",
        "烤房温度上不去，两天前才换的风机",
        "上周刚检修过的烤房停电了",
        "风机两天前刚换过就坏了",
    ],
)
def test_a_past_word_dating_an_earlier_repair_is_not_said_past(text: str) -> None:
    """三天前, 两天前 say when the barn was last mended, not when it failed."""
    assert not said_past(text)


@pytest.mark.parametrize(
    "text", ["当年的烟叶收购价格", "烤房停电了，十月前能修好吗", "2020年前种的烟补贴有没有"]
)
def test_a_month_or_year_named_is_no_past_word(text: str) -> None:
    """当年 is that year or this one, 十月前 before October, 2020年前 before 2020: none is a
    count back like 两个月前 or 三年前."""
    assert not said_past(text)


@pytest.mark.parametrize(
    "text", ["两个月前风机烧了", "十几天前停电了", "三年前烤房着火", "去年风机坏了换了个新的"]
)
def test_counted_time_back_and_a_past_repair_told_are_said_past(text: str) -> None:
    assert said_past(text)


@pytest.mark.parametrize(
    "text",
    [
        "上周烤房着火那个事，保险公司赔了没有",
        "上週烤房著火那個事，保險公司賠了沒有",
        "去年烤房停电损失不小",
        "前几天烤房冒烟烧了一炕烟，能不能申请补偿",
        "上个月风机烧了，烟叶损失谁赔",
    ],
)
def test_a_past_danger_whose_loss_is_asked_about_is_no_emergency(router: Router, text: str) -> None:
    """Its loss, insurance or compensation is what the request is about: before, 着火 or
    停电 paged the 110 team as a barn failing now (烘烤110 — 着火, 烤房, 急)."""
    decision = router.route(text)
    assert not (decision.urgent or decision.emergency or decision.danger), decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "前几年烤房着火，保险赔了没有",
        "前幾年烤房著火，保險賠了沒有",
        "三年前烤房着火，保险赔了没有",
        "早些年烤房停电烤坏了一炕烟，当时说有补偿，发了没有",
        "两个月前风机烧了，损失谁赔",
        "那年洪水冲垮的烟地补偿发了吗",
    ],
)
def test_a_danger_years_or_months_back_whose_loss_is_asked_about_is_no_emergency(
    router: Router, text: str
) -> None:
    """前几年, 早些年, 那年 and a count back (三年前, 两个月前) are past words as 去年 is:
    before, 前几年烤房着火，保险赔了没有 paged the 110 team (烘烤110 — 着火, 烤房, 急)."""
    decision = router.route(text)
    assert not (decision.urgent or decision.emergency or decision.danger), decision.explanation


@pytest.mark.parametrize(
    "text",
    ["前几年烤房着过火，现在又冒烟了", "三年前修的烤房，刚才着火了", "烤房用了三年，今晚着火了"],
)
def test_a_danger_now_beside_years_back_still_pages(router: Router, text: str) -> None:
    """A danger now outweighs a past word, and years counted (用了三年) are none."""
    decision = router.route(text)
    assert (decision.urgent, decision.emergency) == (True, True), decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "烤房着火了",
        "昨晚烤房停电到现在还没来电",
        "刚才烤房冒烟了",
        "上周修好的风机又坏了",
        "上周的补贴还没到，今晚烤房停电了",
        "去年烤房着火，保险赔了，现在又冒烟了",
        "上周烤房着火了",
    ],
)
def test_a_danger_now_or_not_said_of_its_loss_still_pages_the_110_team(
    router: Router, text: str
) -> None:
    decision = router.route(text)
    assert (decision.line, decision.urgent, decision.emergency) == ("curing", True, True), (
        decision.explanation
    )


def test_a_past_fault_whose_subsidy_is_asked_about_stays_the_curing_teams_question(
    router: Router,
) -> None:
    """风机 still says whose (烘烤110), though 风机+坏 no longer pages anyone, and nobody asks
    whether it is failing now: before, 风机坏了 was a 110 emergency (风机+坏, 急)."""
    decision = router.route("去年风机坏了换了个新的，补贴什么时候发")
    assert (decision.line, decision.urgent, decision.suspect) == ("curing", False, ()), (
        decision.explanation
    )


@pytest.mark.parametrize(
    "text",
    [
        "刚才下冰雹了，烟叶全打烂了，去年也是这样",
        "今天下冰雹了，比去年还大，烟叶全打烂了",
        "上个月刚栽的烟苗，昨晚被冰雹全打了",
        "前天开始一直下暴雨，烟地全淹了",
        "前天发洪水，烟地里的水还没退",
        "前天發洪水，菸地裡的水還沒退",
    ],
)
def test_a_disaster_happening_now_stays_urgent_beside_a_past_word(
    router: Router, text: str
) -> None:
    """Before: any past word anywhere (去年也是这样, 比去年还大, 上个月刚栽的, 前天开始) made
    the hail or the flood past, and the growing team was not told at once."""
    decision = router.route(text)
    assert decision.urgent, decision.explanation
