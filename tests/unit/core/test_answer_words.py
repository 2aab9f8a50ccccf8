"""Which words a requester reads of a resolution: a problem solved, a wish by how it ended,
or a suggestion's answer (core.texts.answered_as and the keys of its buttons)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.enums import Kind, Priority, WishOutcome
from core.model import Ticket
from core.texts import answered_as, confirm_key, dispute_key


def _ticket(kind: Kind, outcome: WishOutcome | None = None) -> Ticket:
    ticket = Ticket(
        kind=kind,
        priority=Priority.NORMAL,
        text="食堂增加早餐品种",
        requester_id=100003,
        requester_chat_id=100003,
        line="staff",
        team_id="staff",
        created_at=datetime(2026, 11, 16, tzinfo=UTC),
    )
    ticket.wish_outcome = outcome
    return ticket


@pytest.mark.parametrize(
    ("kind", "outcome", "said", "confirm", "dispute"),
    [
        (Kind.REQUEST, None, "", "btn_confirm", "btn_not_resolved"),
        (Kind.COMPLAINT, None, "", "btn_confirm", "btn_not_resolved"),
        (Kind.WISH, None, "", "btn_confirm", "btn_not_resolved"),  # resolved before outcomes
        (Kind.WISH, WishOutcome.GRANTED, "_wish_granted", "btn_confirm", "btn_not_resolved"),
        (Kind.WISH, WishOutcome.PARTLY, "_wish_partly", "btn_confirm_answer", "btn_not_resolved"),
        (
            Kind.WISH,
            WishOutcome.DECLINED,
            "_wish_declined",
            "btn_confirm_answer",
            "btn_not_resolved",
        ),
        (Kind.SUGGESTION, None, "_suggestion", "btn_confirm_answer", "btn_not_satisfied"),
    ],
)
def test_each_resolution_is_spoken_of_as_what_it_was(
    kind: Kind, outcome: WishOutcome | None, said: str, confirm: str, dispute: str
) -> None:
    ticket = _ticket(kind, outcome)
    assert (answered_as(ticket), confirm_key(ticket), dispute_key(ticket)) == (
        said,
        confirm,
        dispute,
    )
