"""Where a wish stands on the wish list (心愿清单) it was filed in: the items of one draft,
filed together, numbered 1, 2, 3 in the order they were filed, as the reply that filed them
and each card's 分派依据 (心愿清单第 2/3 项) number them. A wish filed on its own is on no list."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from core.enums import Status
from core.model import Ticket

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


def number_told(label: str, words: str, *, place: int | None, others_open: bool) -> str:
    """A ticket's number as the notices to its requester give it: an item of a wish list
    with its place on the list and its words (10035（第2项：食堂增加早餐品种）), which tell
    which item is meant and which number answers it (第2项没实现); a ticket on no list with
    its words when others of theirs are open (10035（食堂增加晚餐）); else the number.
    `words`: the ticket's in short, quoted."""
    if place is not None:
        return f"{label}（第{place}项：{words}）"
    return f"{label}（{words}）" if others_open else label


# An item is done with once crossed off (销号), withdrawn, or closed for want of the staff
# member's answer (未补充关闭, never done); the list, once all of them are.
_DONE = (Status.CLOSED, Status.CANCELLED)


@dataclass(frozen=True)
class ListProgress:
    """How far a wish list has come: the numbers of its items still worked on (`left`), and
    of the rest how many were crossed off, withdrawn, and closed unanswered (never done)."""

    left: tuple[int, ...]
    closed: int
    withdrawn: int
    unanswered: int = 0


def list_progress(items: Sequence[Ticket]) -> ListProgress:
    """The progress of a list whose items, in its order, are `items`."""
    left = tuple(n for n, item in enumerate(items, start=1) if item.status not in _DONE)
    unanswered = sum(1 for item in items if item.closed_unresolved)
    closed = sum(1 for item in items if item.status is Status.CLOSED) - unanswered
    return ListProgress(left, closed, len(items) - len(left) - closed - unanswered, unanswered)


def progress_line(progress: ListProgress, text: Callable[..., str]) -> str:
    """The line telling the staff member how far their list has come, in the texts `text`
    gives by key (the desk's, in the person's script, or the scheduler's): the items still
    worked on by number (wish_list_left), or the whole list done, with the items withdrawn
    or closed unanswered counted apart (wish_list_done_apart) when there are any."""
    if progress.left:
        numbers = "、".join(text("item_number", number=n) for n in progress.left)
        return text("wish_list_left", count=len(progress.left), numbers=numbers)
    apart = "".join(
        text(f"wish_list_apart_{key}", count=count)
        for key, count in (("withdrawn", progress.withdrawn), ("unanswered", progress.unanswered))
        if count
    )
    if apart:
        return text("wish_list_done_apart", count=progress.closed, apart=apart)
    return text("wish_list_done", count=progress.closed)
