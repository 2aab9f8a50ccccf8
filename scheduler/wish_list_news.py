"""How far a wish list (心愿清单) has come, told with the close of one of its items the
sweep crossed off (销号, never confirmed), as the desk tells it when the staff member's
rating crosses one off: the items still worked on, or that the whole list is done.

Items of one list answered together are crossed off by one sweep, one after another: only
the last of them says how far the list has come, so that no notice arriving beside the
others says items are left that the same sweep crosses off."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from core.config import Config
from core.enums import Kind
from core.model import Ticket
from core.texts import quoted
from core.wish_lists import DRAFT, LIST_MIN, list_progress, number_told, progress_line
from routing.gist import in_short
from scheduler import texts
from scheduler.plan import Close, plan
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


async def list_news(uow: SqlUnitOfWork, cfg: Config, ticket: Ticket, now: datetime) -> str:
    """The line on the list `ticket` (closed now) was filed in; "" for a wish on no list,
    another kind of ticket, or while another item of the list is due to be crossed off at
    `now` too (its notice says it)."""
    items = await list_of(uow, ticket)
    if not items:
        return ""
    others = [item for item in items if item.id != ticket.id]
    if any(_crossed_off_at(cfg, item, now) for item in others):
        return ""
    return progress_line(list_progress(items), texts.requester)


def _crossed_off_at(cfg: Config, item: Ticket, now: datetime) -> bool:
    """Whether the sweep crosses `item` off (销号, never confirmed) at `now`, with a notice
    that carries this line."""
    step = plan(cfg, item, now)
    return isinstance(step, Close) and step.wait == "resolved"
