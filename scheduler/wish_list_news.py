"""How far a wish list (心愿清单) has come, told with the close of one of its items the
sweep crossed off (销号, never confirmed), as the desk tells it when the staff member's
rating crosses one off: the items still worked on, or that the whole list is done.

Items of one list answered together are crossed off by one sweep, one after another: only
the last of them says how far the list has come, so that no notice arriving beside the
others says items are left that the same sweep crosses off. An item the same sweep closes
for want of the staff member's answer (未补充关闭), whose notice says nothing of the items
left, is counted as closed so, whichever of the two the sweep comes to first. That notice
says the list is done when its item was the last to close and some item was crossed off,
unless an item this sweep crossed off has said so already: the list is done once a sweep."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from core.config import Config
from core.enums import Kind
from core.model import Ticket
from core.texts import quoted
from core.wish_lists import (
    DRAFT,
    LIST_MIN,
    ListProgress,
    list_progress,
    number_told,
    progress_line,
)
from routing.gist import in_short
from scheduler import texts
from scheduler.plan import Close, Wait, plan
from storage.uow import SqlUnitOfWork


async def list_of(uow: SqlUnitOfWork, ticket: Ticket) -> Sequence[Ticket]:
    """The items of the wish list `ticket` was filed in, in the list's order; none for a
    wish on no list or another kind of ticket."""
    if ticket.kind is not Kind.WISH or ticket.id is None:
        return ()
    events = await uow.tickets.events(ticket.id)
    draft = next((e.data.get(DRAFT) for e in events if e.action == "create"), None)
    if not isinstance(draft, str):
        return ()
    items = await uow.tickets.created_with(ticket.requester_id, DRAFT, draft)
    return items if len(items) >= LIST_MIN else ()


async def number_told_of(uow: SqlUnitOfWork, ticket: Ticket) -> str:
    """`ticket`'s number as the sweep's notices to its requester give it, as the desk's do
    (`core.wish_lists.number_told`): an item of a wish list with its place and words."""
    items = await list_of(uow, ticket)
    place = next((n for n, item in enumerate(items, 1) if item.id == ticket.id), None)
    others = await uow.tickets.of_requester(ticket.requester_id, limit=2, open_only=True)
    words = quoted(in_short(ticket.text))
    others_open = any(other.id != ticket.id for other in others)
    return number_told(ticket.label, words, place=place, others_open=others_open)


async def list_news(
    uow: SqlUnitOfWork, cfg: Config, ticket: Ticket, now: datetime, *, done_only: bool = False
) -> str:
    """The line on the list `ticket` (closed now) was filed in; "" for a wish on no list,
    another kind of ticket, or while another item of the list is due to be crossed off at
    `now` too (its notice says it). `done_only` (an item closed for want of an answer, whose
    notice is not of a crossing off): only when it was the last of the list to close, that
    the whole list is done, as the staff member's last rating would have told them, and
    not when an item this sweep crossed off has told them so already."""
    items = await list_of(uow, ticket)
    if not items:
        return ""
    others = [item for item in items if item.id != ticket.id]
    if any(_closed_at(cfg, item, now, "resolved") for item in others):
        return ""
    progress = _once_swept(cfg, items, now)
    if done_only and (
        progress.left
        or not progress.closed  # none done: not a list 全部办完
        or any(_closed_at(cfg, item, now, "waiting") for item in others)
        or any(_crossed_off_at(item, now) for item in others)
    ):
        return ""  # or another closed by this sweep says it, or has said it
    return progress_line(progress, texts.requester)


def _once_swept(cfg: Config, items: Sequence[Ticket], now: datetime) -> ListProgress:
    """The progress of the list once the sweep at `now` is done: an item it has yet to
    close for want of an answer (未补充关闭) is counted as closed so, not as still open."""
    progress = list_progress(items)
    closing = {n for n, item in enumerate(items, 1) if _closed_at(cfg, item, now, "waiting")}
    if not closing:
        return progress
    left = tuple(n for n in progress.left if n not in closing)
    unanswered = progress.unanswered + len(progress.left) - len(left)
    return replace(progress, left=left, unanswered=unanswered)


def _crossed_off_at(item: Ticket, now: datetime) -> bool:
    """Whether the sweep at `now` has already crossed `item` off (销号, never confirmed): its
    notice told the list's progress counting what this sweep closes as closed, so a list it
    said was done is not said done again beside it."""
    return item.closed_at == now and item.closed_without_reply and item.resolved_at is not None


def _closed_at(cfg: Config, item: Ticket, now: datetime, wait: Wait) -> bool:
    """Whether the sweep closes `item` at `now`, after waiting for the staff member's word
    on its answer (`wait` "resolved": crossed off, 销号, with a notice that carries this
    line) or for their answer to the team's question ("waiting": 未补充关闭)."""
    step = plan(cfg, item, now)
    return isinstance(step, Close) and step.wait == wait
