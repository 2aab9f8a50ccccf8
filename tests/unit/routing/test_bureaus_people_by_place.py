"""The bureau's people named by their place, not a role (营业厅的人, 站里的人, 烟站的人, 你们的
人): a cold shoulder, scolding or cards on duty from them is the oversight office's to hear,
as from a 客户经理 or a 收购员; the same words of another firm's hall, a shop's or a village's
people, or of nobody, are not."""

from __future__ import annotations

import pytest

from core.enums import Kind
from routing import Router


@pytest.mark.parametrize(
    "text",
    [
        "营业厅的人爱理不理",
        "營業廳的人愛理不理",
        "站里的人骂我",
        "站里的人爱理不理",
        "烟站的人上班时间打麻将",
        "你们的人爱答不理",
        "收购站的人吼我们",
    ],
)
def test_manner_words_beside_the_bureaus_people_by_place_are_heard_by_oversight(
    router: Router, text: str
) -> None:
    """Before, 营业厅的人爱理不理 matched nothing (没有匹配到关键词) and 站里的人爱理不理 went to
    the desk with 职工服务 (站里) as its candidate."""
    decision = router.route(text)
    assert decision.line == "conduct", decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "移动营业厅的人爱理不理",
        "银行营业厅的人爱理不理",
        "店里的人爱理不理",
        "医院的人爱理不理",
        "村里的人骂我",
        "营业厅的人很热情",
    ],
)
def test_the_same_words_of_people_not_the_bureaus_are_no_complaint_about_it(
    router: Router, text: str
) -> None:
    decision = router.route(text)
    assert decision.line != "conduct" and decision.kind is not Kind.COMPLAINT, decision.explanation


def test_the_bureaus_people_by_place_asked_for_a_service_are_that_service(router: Router) -> None:
    assert router.route("你们的人什么时候来修烤房").line == "curing"
