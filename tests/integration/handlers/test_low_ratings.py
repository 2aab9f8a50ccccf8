"""A low score (3 or less of 5, 不满意 as the 满意率 counts it) is a requester who is not
satisfied: the ticket is closed, but the team's leaders and the supervisors are told so that
someone calls them back (回访), and what the requester then says of it follows."""

from __future__ import annotations

import pytest

from core.config import Config
from core.model import OutboxMessage
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR


@pytest.fixture
def team_chat(demo_config: Config) -> int:
    chat = demo_config.team("curing-qingshan").chat_id
    assert chat is not None
    return chat


def _to(rows: list[OutboxMessage], user: int) -> list[str]:
    """The new messages to `user` (not the edits of their copy of the card)."""
    return [
        r.payload.get("text", "") for r in rows if r.chat_id == user and r.method == "send_message"
    ]


@pytest.mark.parametrize("score", [1, 2, 3])
async def test_a_low_score_asks_someone_above_the_team_to_call_back(
    desk: Harness, team_chat: int, score: int
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    before = {r.id for r in await desk.outbox()}
    out = await desk.press(FARMER, f"my:r:{ticket_id}:{score}")
    assert "很抱歉" in texts(out) and "回访" in texts(out)
    told = [r for r in await desk.outbox() if r.id not in before]
    for person in (LEADER, SUPERVISOR):
        [alert] = [x for x in _to(told, person) if "不满意" in x]
        assert f"{score} 星" in alert and "回访" in alert
    out = await desk.send(FARMER, "根本没用，师傅态度也不好")
    assert "已转给回访您的负责人" in texts(out)  # where it went, not only that it closed
    later = [r for r in await desk.outbox() if r.id not in before]
    for person in (LEADER, SUPERVISOR):
        assert any("根本没用" in x for x in _to(later, person))


async def test_a_low_score_typed_is_the_same(desk: Harness, team_chat: int) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    before = {r.id for r in await desk.outbox()}
    await desk.send(FARMER, "1分")
    told = [r for r in await desk.outbox() if r.id not in before]
    assert any("不满意" in x for x in _to(told, SUPERVISOR))


@pytest.mark.parametrize("score", [4, 5])
async def test_a_good_score_troubles_nobody(desk: Harness, team_chat: int, score: int) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    before = {r.id for r in await desk.outbox()}
    out = await desk.press(FARMER, f"my:r:{ticket_id}:{score}")
    assert "还有什么想说的" in texts(out)
    await desk.send(FARMER, "还行吧")
    told = [r for r in await desk.outbox() if r.id not in before]
    assert _to(told, LEADER) == [] and _to(told, SUPERVISOR) == []


@pytest.mark.parametrize(
    ("score", "kind", "shown"),
    [(2, "voice", "[语音]"), (2, "photo", "[照片]"), (5, "voice", "[语音]")],
    ids=["low-voice", "low-photo", "good-voice"],
)
async def test_a_comment_said_aloud_or_shown_is_kept_and_sent_where_words_would_go(
    desk: Harness, team_chat: int, score: int, kind: str, shown: str
) -> None:
    """A farmer who cannot type answers 哪里不满意 with a voice note (or a photo of the barn):
    it is the comment, kept on the ticket, on the card as [语音], and heard by the team's
    chat and, after a low score, by whoever is told of the comment."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.press(FARMER, f"my:r:{ticket_id}:{score}")
    before = {r.id for r in await desk.outbox()}
    file_id = f"{kind}-why"
    if kind == "voice":
        out = await desk.send(FARMER, voice_file_id=file_id)
    else:
        out = await desk.send(FARMER, photo_file_id=file_id)
    assert "已销号" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        kept = [(a.kind, a.file_id) for a in await uow.attachments.of_ticket(ticket_id)]
    assert (kind, file_id) in kept
    [ticket] = await desk.tickets()
    assert ticket.rating == score and ticket.rating_comment == shown
    later = [r for r in await desk.outbox() if r.id not in before]
    sent = {r.chat_id for r in later if r.method == f"send_{kind}"}
    assert all(r.payload["file_id"] == file_id for r in later if r.method == f"send_{kind}")
    told_above = {LEADER, SUPERVISOR} if score <= 3 else set()
    assert sent == {team_chat, *told_above}
    for person in told_above:
        assert any(f"不满意留言：{shown}" in x for x in _to(later, person))


@pytest.mark.parametrize("typed", ["两分", "兩顆星"])
async def test_two_said_as_of_a_count_is_a_low_score(
    desk: Harness, team_chat: int, typed: str
) -> None:
    """Before: 两分 at the score prompt asked for the score again, and nobody was told."""
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    before = {r.id for r in await desk.outbox()}
    await desk.send(FARMER, "解决了")
    out = await desk.send(FARMER, typed)
    assert "回访" in texts(out) or "回訪" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.rating == 2
    told = [r for r in await desk.outbox() if r.id not in before]
    assert any("2 星" in x for x in _to(told, SUPERVISOR))


@pytest.mark.parametrize("typed", ["没意见", "不说了", "沒什麼好說的"])
async def test_nothing_to_say_after_a_low_score_is_no_comment(
    desk: Harness, team_chat: int, typed: str
) -> None:
    """Before: 没意见 at 哪里不满意 was kept as the comment, and the leaders owing the
    call-back read 报告人的不满意留言：没意见."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.press(FARMER, f"my:r:{ticket_id}:2")
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(FARMER, typed)
    assert "已销号" in texts(out) or "已銷號" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.rating_comment == ""
    told = [r for r in await desk.outbox() if r.id not in before]
    assert not any("留言" in x for person in (LEADER, SUPERVISOR) for x in _to(told, person))
