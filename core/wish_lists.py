"""Where a wish stands on the wish list (心愿清单) it was filed in: the items of one draft,
filed together, numbered 1, 2, 3 in the order they were filed, as the reply that filed them
and each card's 分派依据 (心愿清单第 2/3 项) number them. A wish filed on its own is on no list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.enums import Status

# The key of a ticket's create event data that holds the draft it was filed from.
DRAFT = "draft"
LIST_MIN = 2  # items: one wish filed alone is no list


def list_places(filed_in: Mapping[int, tuple[int, str]]) -> dict[int, tuple[int, int]]:
    """Each ticket's (n, of) on its list, by ticket id, from the list each was filed in
    (`filed_in`: ticket id -> its requester and the draft it was filed from, every item of
    the lists wanted; a draft's id is one person's own); tickets of a draft that filed
    fewer than LIST_MIN are left out."""
    by_list: dict[tuple[int, str], list[int]] = {}
    for ticket_id, filed_list in filed_in.items():
        by_list.setdefault(filed_list, []).append(ticket_id)
    places: dict[int, tuple[int, int]] = {}
    for items in by_list.values():
        if len(items) < LIST_MIN:
            continue
        for n, ticket_id in enumerate(sorted(items), start=1):
            places[ticket_id] = (n, len(items))
    return places


# An item is done with once crossed off (销号) or withdrawn; the list, once all of them are.
_DONE = (Status.CLOSED, Status.CANCELLED)


@dataclass(frozen=True)
class ListProgress:
    """How far a wish list has come: the numbers of its items still worked on (`left`), and
    of the rest how many were crossed off and how many withdrawn."""

    left: tuple[int, ...]
    closed: int
    withdrawn: int


def list_progress(statuses: Sequence[Status]) -> ListProgress:
    """The progress of a list whose items, in its order, stand at `statuses`."""
    left = tuple(n for n, status in enumerate(statuses, start=1) if status not in _DONE)
    closed = sum(1 for status in statuses if status is Status.CLOSED)
    return ListProgress(left, closed, len(statuses) - len(left) - closed)
