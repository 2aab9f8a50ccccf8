"""A wish's place on the list it was filed in (第N/M项), from the draft each was filed from."""

from __future__ import annotations

from core.wish_lists import list_places

STAFF, OTHER = 100003, 100004


def test_a_lists_items_are_numbered_in_the_order_they_were_filed() -> None:
    filed = {12: (STAFF, "a1"), 10: (STAFF, "a1"), 11: (STAFF, "a1")}
    assert list_places(filed) == {10: (1, 3), 11: (2, 3), 12: (3, 3)}


def test_a_wish_filed_alone_is_on_no_list() -> None:
    assert list_places({10: (STAFF, "a1"), 11: (STAFF, "b2"), 12: (STAFF, "b2")}) == {
        11: (1, 2),
        12: (2, 2),
    }


def test_two_peoples_drafts_begun_the_same_millisecond_are_two_lists() -> None:
    filed = {10: (STAFF, "a1"), 11: (OTHER, "a1"), 12: (STAFF, "a1"), 13: (OTHER, "a1")}
    assert list_places(filed) == {10: (1, 2), 12: (2, 2), 11: (1, 2), 13: (2, 2)}
