"""Which question a yes typed alone answers: a notice of another ticket overtakes the one
kept in the person's conversation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.asked import ASKED_ANEW, REOPEN, SURE, overtaken
from core.model import Conversation

NOW = datetime(2026, 8, 3, 2, 0, tzinfo=UTC)


def _sure(**data: object) -> Conversation:
    return Conversation(1, 1, REOPEN, SURE, NOW, NOW + timedelta(hours=2), dict(data))


def test_a_notice_of_another_ticket_overtakes_the_question_kept() -> None:
    conv = _sure(ticket_id=7)
    assert overtaken(conv, 8, NOW) == {"ticket_id": 7, ASKED_ANEW: True}
    assert ASKED_ANEW not in conv.data  # left as read: the row is written only if unchanged


def test_a_notice_of_the_ticket_asked_about_does_not() -> None:
    assert overtaken(_sure(ticket_id=7), 7, NOW) is None
    assert overtaken(_sure(ticket_ids=[7, 9]), 9, NOW) is None


def test_an_expired_question_or_another_conversation_is_left_alone() -> None:
    assert overtaken(_sure(ticket_id=7), 8, NOW + timedelta(hours=3)) is None
    other = Conversation(1, 1, "rate", "score", NOW, NOW + timedelta(hours=2), {})
    assert overtaken(other, 8, NOW) is None and not other.data
    assert overtaken(None, 8, NOW) is None
