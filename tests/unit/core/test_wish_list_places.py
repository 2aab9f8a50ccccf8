"""A wish's place on the list it was filed in (第N/M项), from the draft each was filed from, and
the line on how far the list has come (还有 2 项没有销号：第2项、第3项; 3 项已全部销号)."""

from __future__ import annotations

from core.wish_lists import ListProgress, list_places, progress_line

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


def _text(key: str, **values: object) -> str:
    return f"<{key} {' '.join(f'{k}={v}' for k, v in sorted(values.items()))}>"


def test_a_lists_progress_line_names_the_items_left() -> None:
    line = progress_line(ListProgress(left=(2, 3), closed=1, withdrawn=0), _text)
    assert line == "<wish_list_left count=2 numbers=<item_number number=2>、<item_number number=3>>"


def test_a_lists_progress_line_counts_apart_the_items_never_done() -> None:
    line = progress_line(ListProgress(left=(), closed=1, withdrawn=1, unanswered=1), _text)
    apart = "<wish_list_apart_withdrawn count=1><wish_list_apart_unanswered count=1>"
    assert line == f"<wish_list_done_apart apart={apart} count=1>"
    assert progress_line(ListProgress((), 3, 0), _text) == "<wish_list_done count=3>"
