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
