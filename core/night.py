"""Whether a message delivered now should make the phone ring: a pure decision.

During the config's `quiet_hours` a message that nobody has to act on before the morning
arrives silently (Telegram's `disable_notification`): it is there to read on waking, and
nobody is woken for it. What the night is for still rings: anything about an urgent ticket
(a 110 call: the farmer at the barn waits for each word, the team must go), though not the
echo wall's post of it once closed, which nobody waits for; a reply the person is waiting
for; and a staff message about a ticket whose deadlines count every hour (the curing
season's 24-hour line), whose team is on duty at night. Its requester, who asked an
ordinary question, is not woken all the same. Nothing about a call-back (回访) a low rating
owes is urgent, a 110 call's neither: the call is closed, the call-back due hours later.
"""

from __future__ import annotations

from datetime import datetime

from core import sla
from core.calendar import in_period
from core.config import Config
from core.lifecycle import CALLBACK_NOTICE, CALLBACK_REMARK
from core.model import Ticket

URGENT = 0  # the outbox priority of a row someone is waiting for
BULK = 2  # the echo wall's posts, digests, reports: read, never waited for
# The outbox purposes of what asks for a call-back and what the requester said for it.
CALL_BACK_NEWS = frozenset((CALLBACK_NOTICE, CALLBACK_REMARK))


def in_quiet_hours(cfg: Config, when: datetime) -> bool:
    """Whether `when` falls within the config's quiet hours (none without the key)."""
    quiet = cfg.quiet_hours
    return quiet is not None and in_period(when, cfg.zone, quiet.start, quiet.end)


def delivered_silently(
    cfg: Config,
    when: datetime,
    *,
    chat_id: int,
    priority: int,
    ticket: Ticket | None,
    purpose: str = "",
) -> bool:
    """Whether a message to `chat_id` about `ticket` (None: about no ticket), delivered at
    `when` with outbox `priority` and `purpose`, goes without sound."""
    if not in_quiet_hours(cfg, when):
        return False
    if purpose in CALL_BACK_NEWS:
        return True
    if ticket is not None and ticket.urgent and chat_id == ticket.requester_chat_id:
        # Its farmer is woken while the call is open; not to hear that it was closed
        # (nobody answered the team's question, nobody confirmed), which waits till morning.
        return not ticket.status.is_open
    if priority <= URGENT:
        return False
    if ticket is None or priority >= BULK:
        return True
    if ticket.urgent:
        return False
    if chat_id == ticket.requester_chat_id:
        return True
    return sla.policy_for(cfg, ticket).calendar != "24x7"
