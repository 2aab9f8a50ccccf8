"""The copies of a ticket's card left with the teams it was sent on from (转派, 改派, or a
110 call moved to the town the farmer named). The step that moves the ticket edits them
once more, to say where it went (`moved_note`); after that they read no more of its
progress (who took it up, how it was resolved and rated), which is the new team's to
follow. The desk (a press) and the sweep (an auto-close) edit cards alike, so both ask here.
"""

from __future__ import annotations

from datetime import datetime

from core.config import Config
from core.enums import Action, Kind
from core.investigated import team_places
from core.model import ChatPlace, Ticket
from core.ports import UnitOfWork

# The events that send a ticket to another team, with the team it left (`from_team`).
_MOVES = frozenset((Action.TRANSFER.value, Action.REASSIGN.value))


async def places_left(uow: UnitOfWork, cfg: Config, ticket: Ticket) -> set[ChatPlace]:
    """The places of the teams `ticket` was sent on from: not those of its team now, nor
    the oversight team's, which keeps a complaint another team has in sight."""
    assert ticket.id is not None
    left = {
        str(event.data["from_team"])
        for event in await uow.tickets.events(ticket.id)
        if event.action in _MOVES and event.data.get("from_team")
    }
    keep = {ticket.team_id, *_watching(cfg, ticket)}
    places: set[ChatPlace] = set()
    for team_id in left - keep:
        if cfg.find_team(team_id) is not None:  # a team since removed from the config
            places |= await team_places(uow, cfg, team_id)
    for team_id in keep:
        if cfg.find_team(team_id) is not None:
            places -= await team_places(uow, cfg, team_id)
    return places


async def supersede_card_edits(
    uow: UnitOfWork, ticket: Ticket, now: datetime, *, behind: set[ChatPlace]
) -> None:
    """Settle the ticket's card edits still waiting to go out as superseded: the step
    writes the whole card again for each copy it edits. Not those to `behind`, the places
    the ticket was sent on from before this step, which it edits no more: such an edit is
    the one saying where the ticket went, still waiting its turn (a busy chat, a slow
    sender), and nothing says it again; without it that copy keeps its 接单 and 转派."""
    assert ticket.id is not None
    # Read without locking them: a row a sender holds now stays (`supersede_rows`), and
    # its sender records it sent without waiting for this step.
    said_again = [
        row.id
        for row in await uow.outbox.written(ticket.id, "card_edit")
        if row.status == "pending" and row.id is not None and row.place not in behind
    ]
    await uow.outbox.supersede_rows(said_again, now)


# Said at the end of that last edit: the copy reads no more of the ticket's progress.
NO_MORE_UPDATES = "这张卡片不再更新"


# Said at the end of the last edit of a copy in the chat a fresh card is posted to (the
# oversight team's copy of a complaint it took over): that one has the buttons.
REPOSTED_NOTE = f"⬇️ 请在下方的新卡片上办理，{NO_MORE_UPDATES}。"


def moved_note(cfg: Config, ticket: Ticket) -> str:
    """The line below the last edit of a copy left behind: where the ticket went."""
    return f"➡️ 已转给 {cfg.team(ticket.team_id).name}，{NO_MORE_UPDATES}。"


def _watching(cfg: Config, ticket: Ticket) -> tuple[str, ...]:
    """The oversight team, for a complaint another line has (`handlers.notify.watching_team`
    says when its chat holds a copy)."""
    line = cfg.oversight_line()
    if ticket.kind is not Kind.COMPLAINT or line is None or ticket.line == line.id:
        return ()
    return (cfg.default_team(line.id).id,)
