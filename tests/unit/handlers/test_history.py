"""The past a ticket brings to the team it is moved to (handlers.cards.history_text)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.config import Config
from core.enums import Kind, Priority, Role, Script, Status
from core.model import Ticket, TicketEvent
from handlers.cards import history_text, timeline

START = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)


def _ticket() -> Ticket:
    ticket = Ticket(
        kind=Kind.REQUEST,
        priority=Priority.NORMAL,
        text="烤房掉温",
        requester_id=1,
        requester_chat_id=1,
        line="curing",
        team_id="curing-yanxi",
        created_at=START,
    )
    ticket.id, ticket.number = 7, "10007"
    return ticket


def _event(action: str, note: str = "", minutes: int = 0) -> TicketEvent:
    at = START + timedelta(minutes=minutes)
    return TicketEvent(7, at, action, 5, Role.MEMBER, None, Status.ACCEPTED, note)


def test_only_bookkeeping_and_moves_tell_nothing(demo_config: Config) -> None:
    events = [_event("create"), _event("dispatch"), _event("remind"), _event("transfer", "片区")]
    assert history_text(demo_config, _ticket(), events) == ""


def test_questions_answers_and_moves_are_told_in_order(demo_config: Config) -> None:
    events = [
        _event("create"),
        _event("ask", "几号房？", 1),
        _event("answer", "3号房", 2),
        _event("transfer", "属于白石片区", 3),
    ]
    lines = history_text(demo_config, _ticket(), events).splitlines()
    assert lines[0] == "工单 10007 此前经过："
    assert [line.split(" ", 2)[-1] for line in lines[1:]] == [
        "请求补充：几号房？",
        "已补充：3号房",
        "转派：属于白石片区",
    ]


def test_a_long_past_keeps_the_latest_lines_and_long_notes_are_cut(demo_config: Config) -> None:
    events = [_event("info", f"第{i}条", i) for i in range(30)] + [_event("info", "长" * 1000, 31)]
    text = history_text(demo_config, _ticket(), events)
    lines = text.splitlines()
    assert "（最近的）" in lines[0] and len(lines) == 1 + 20
    assert "第10条" not in text and "第11条" in text
    assert lines[-1].endswith("…") and len(text) < 4096


def test_the_timeline_names_what_came_without_words(demo_config: Config) -> None:
    photo, voice = _event("info", minutes=1), _event("info", minutes=2)
    photo.data, voice.data = {"photo": True}, {"voice": True, "location": True}
    worded = _event("info", "温度38度", minutes=3)
    shown = timeline(demo_config, [photo, voice, worded], Script.HANT).splitlines()
    assert [line.split(" ", 2)[2] for line in shown] == [
        "補充材料：[照片]",
        "補充材料：[語音]、[位置]",
        "補充材料：溫度38度",
    ]


def test_a_move_in_the_timeline_says_to_which_team(demo_config: Config) -> None:
    moved = _event("reassign", "人工分派", minutes=1)
    moved.data = {"from_team": "triage", "to_team": "curing-baishi"}
    bare = _event("transfer", minutes=2)
    bare.data = {"from_team": "curing-baishi", "to_team": "curing-qingshan"}
    staff = [line.split(" ", 2)[2] for line in timeline(demo_config, [moved, bare], Script.HANS)
             .splitlines()]  # fmt: skip
    assert staff == ["改派给 白石乡烘烤110服务队：人工分派", "转派给 青山镇烘烤110服务队"]
    theirs = timeline(demo_config, [moved, bare], Script.HANS, for_requester=True)
    assert "人工分派" not in theirs and "改派给 白石乡烘烤110服务队" in theirs


def test_a_message_that_was_not_delivered_is_no_past_for_the_new_team(
    demo_config: Config,
) -> None:
    events = [
        _event("ask", "几号房？", 1),
        _event("delivery_failed", "Bad Request: message is too long", 2),
        _event("unreachable", "Forbidden: bot was blocked by the user", 3),
    ]
    text = history_text(demo_config, _ticket(), events)
    assert "请求补充：几号房？" in text and "Bad Request" not in text and "Forbidden" not in text
