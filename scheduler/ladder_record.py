"""A ladder step taken, kept: its audit event, and the ticket's next step scheduled. The
team's ladder (`scheduler.steps`) and the call-back's (`scheduler.callback`) keep theirs
alike."""

from __future__ import annotations

from datetime import datetime

from core import sla
from core.config import Config
from core.enums import Role
from core.model import Ticket
from core.services import note_event
from scheduler.plan import Rung
from storage.uow import SqlUnitOfWork


async def record_step(
    uow: SqlUnitOfWork,
    cfg: Config,
    ticket: Ticket,
    step: Rung,
    *,
    action: str,
    phase: str,
    note: str,
    targets: list[int],
    now: datetime,
) -> None:
    """Note the step as `action` (remind or escalate) for `phase`, whom it went to, and
    move the ticket on to its next step."""
    await note_event(
        uow,
        ticket,
        action,
        actor_id=None,
        role=Role.SYSTEM,
        now=now,
        note=note,
        data={
            "phase": phase,
            "step": step.step,
            "ladder_action": step.action,
            "missed": step.missed,
            "to": targets,
        },
    )
    ticket.escalation_step = step.step + 1
    sla.schedule_next(cfg, ticket)
