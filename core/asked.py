"""Which of the bot's questions a yes or a no typed alone answers: the newest one asked of
the person. A question kept in their conversation (是说问题还没解决吗？) is overtaken once a
notice of another ticket asks them something since: its resolution notice, the team's
question, or the scheduler's reminder of either."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.model import Conversation

# The conversation that sends a ticket back (「❌ 没解决，重新办理」), and its step that asks
# whether words kept mean it is not solved (是说问题还没解决吗？, 是指这个工单的问题又出现了吗？).
REOPEN = "reopen"
SURE = "sure"
# Set on a REOPEN SURE conversation once a notice of another ticket asks the person
# something since: a yes or a no typed then answers that notice, never the older question.
ASKED_ANEW = "asked_anew"


def overtaken(
    conv: Conversation | None, ticket_id: int | None, now: datetime
) -> dict[str, Any] | None:
    """The data `conv` keeps once asked anew, when it is a live REOPEN SURE question of
    tickets other than `ticket_id`, whose notice now asks something; None when it stays as
    it is. `conv` itself is left as read: the mark is written only while the row still
    stands so (`ConversationRepository.replace_data`), never over a step of the person's
    taken since."""
    if conv is None or (conv.flow, conv.step) != (REOPEN, SURE) or conv.expires_at <= now:
        return None
    asked = {conv.data.get("ticket_id"), *conv.data.get("ticket_ids", ())}
    if ticket_id in asked or conv.data.get(ASKED_ANEW):
        return None
    return {**conv.data, ASKED_ANEW: True}
