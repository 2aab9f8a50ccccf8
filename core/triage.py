"""What the triage desk (督办分派台) can do with a ticket waiting there: send it to a team.

The desk's card (handlers/cards.py), the ladder's reminders and alerts to the desk
(scheduler/steps.py) and a 催办 paging it (handlers/team_nudges.py) offer the same 派给
and 转派: one 派给 per team the router considered, and 转派 to pick any other. The
ladder and 催办 ask the desk to dispatch, not to 接单 a ticket whose answer is to send it
where it belongs (its card keeps 接单 for what the desk answers itself).
"""

from __future__ import annotations

from core.config import Config, Team
from core.model import Ticket

DISPATCH_LABEL = "派给 {team}"
TRANSFER_LABEL = "转派"


def at_triage(cfg: Config, ticket: Ticket) -> bool:
    """Whether the ticket waits at the triage desk for someone to send it on."""
    triage = cfg.triage_line()
    return triage is not None and ticket.line == triage.id and ticket.status.is_open


def dispatch_choices(cfg: Config, ticket: Ticket) -> list[Team]:
    """The teams the router considered for a ticket at the triage desk, best first, each
    the team of its line serving the ticket's area; none for a ticket elsewhere. A line
    no longer in the config is left out (the ticket outlived a config change)."""
    if not at_triage(cfg, ticket):
        return []
    lines = {line.id for line in cfg.service_lines if not line.triage}
    chosen: dict[str, Team] = {}
    for line_id in ticket.route_candidates:
        if line_id in lines:
            team = cfg.team_for(line_id, ticket.area)
            chosen.setdefault(team.id, team)
    return list(chosen.values())


def send_buttons(cfg: Config, ticket: Ticket) -> list[tuple[str, str]]:
    """(label, callback data) of the desk's one-press 派给 (tk:rto), one per
    `dispatch_choices`, in Simplified; none for a ticket not at the desk."""
    return [
        (DISPATCH_LABEL.format(team=team.name), f"tk:rto:{ticket.id}:{team.id}")
        for team in dispatch_choices(cfg, ticket)
    ]


def dispatch_buttons(cfg: Config, ticket: Ticket) -> list[tuple[str, str]]:
    """(label, callback data) of what the desk can do with the ticket, in Simplified: its
    `send_buttons` and 转派 (tk:xfer, any team, with a reason); none for a ticket not at
    the desk."""
    if not at_triage(cfg, ticket):
        return []
    return [*send_buttons(cfg, ticket), (TRANSFER_LABEL, f"tk:xfer:{ticket.id}")]
