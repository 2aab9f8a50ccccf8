"""How far a wish list (心愿清单) has come, told with the close of one of its items the
sweep crossed off (销号, never confirmed), as the desk tells it when the staff member's
rating crosses one off: the items still worked on, or that the whole list is done."""

from __future__ import annotations

from core.enums import Kind
from core.model import Ticket
from core.wish_lists import DRAFT, LIST_MIN, list_progress
from scheduler import texts
from storage.uow import SqlUnitOfWork


async def list_news(uow: SqlUnitOfWork, ticket: Ticket) -> str:
    """The line on the list `ticket` (closed now) was filed in; "" for a wish on no list,
    or another kind of ticket."""
    if ticket.kind is not Kind.WISH or ticket.id is None:
        return ""
    events = await uow.tickets.events(ticket.id)
    draft = next((e.data.get(DRAFT) for e in events if e.action == "create"), None)
    if not isinstance(draft, str):
        return ""
    items = await uow.tickets.created_with(ticket.requester_id, DRAFT, draft)
    if len(items) < LIST_MIN:
        return ""
    progress = list_progress([item.status for item in items])
    if progress.left:
        numbers = "、".join(texts.requester("item_number", number=n) for n in progress.left)
        return texts.requester("wish_list_left", count=len(progress.left), numbers=numbers)
    if progress.withdrawn:
        return texts.requester(
            "wish_list_done_withdrawn", count=progress.closed, withdrawn=progress.withdrawn
        )
    return texts.requester("wish_list_done", count=progress.closed)
