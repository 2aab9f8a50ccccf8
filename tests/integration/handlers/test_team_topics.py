"""A team bound to a topic of a group with topics (a forum): its cards, files, pages,
reminders and notices go to that topic, and two teams can share one forum, each in its own
topic (before: everything went to the group's General topic, whichever topic /bindteam was
typed in, and a second team's binding took the first's commands too)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.outbox.recorder import SentRecorder
from core.model import ChatPlace, OutboxMessage, TeamChat
from tests.integration.scheduler.clockwork import run_scheduler
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, SUPERVISOR, T0

FORUM, QINGSHAN_TOPIC, BAISHI_TOPIC = -1005550000001, 11, 22
QINGSHAN_LEADER, QINGSHAN_MEMBER = 200002, 200001
BAISHI_LEADER, BAISHI_MEMBER = 200012, 200011


async def _bind_both(desk: Harness) -> None:
    out = await desk.send(
        QINGSHAN_LEADER, "/bindteam curing-qingshan", chat=FORUM, topic=QINGSHAN_TOPIC
    )
    assert "本话题已绑定为「青山镇烘烤110服务队」" in texts(out)
    out = await desk.send(BAISHI_LEADER, "/bindteam curing-baishi", chat=FORUM, topic=BAISHI_TOPIC)
    assert "本话题已绑定为「白石乡烘烤110服务队」" in texts(out)


async def _forum_rows(desk: Harness) -> list[tuple[str, str, object]]:
    return [
        (r.purpose, r.method, r.payload.get("thread_id"))
        for r in await desk.outbox()
        if r.chat_id == FORUM
    ]


async def test_a_110_call_reaches_its_team_in_the_team_topic(desk: Harness) -> None:
    await _bind_both(desk)
    await desk.file_110(FARMER)  # at a Qingshan barn
    await desk.send(FARMER, "烤房照片", photo_file_id="barn-photo")
    await desk.location(FARMER, 26.512, 106.702)
    rows = await _forum_rows(desk)
    assert ("card", "send_message", QINGSHAN_TOPIC) in rows
    assert ("attachment", "send_photo", QINGSHAN_TOPIC) in rows
    assert ("attachment", "send_location", QINGSHAN_TOPIC) in rows
    # Nothing in Baishi's topic or General (an edit finds its message by id alone).
    assert {topic for _, method, topic in rows if method.startswith("send_")} == {QINGSHAN_TOPIC}
    # The pages to on-duty members' own chats are not topics.
    assert all("thread_id" not in r.payload for r in await desk.outbox() if r.chat_id > 0)


async def test_a_transfer_between_teams_of_one_forum_moves_the_card_to_the_other_topic(
    desk: Harness,
) -> None:
    await _bind_both(desk)
    ticket_id = await desk.file_110(FARMER)
    before = {r.id for r in await desk.outbox()}
    await desk.press(QINGSHAN_MEMBER, f"tk:xfer:{ticket_id}", chat=FORUM)
    await desk.press(QINGSHAN_MEMBER, f"tk:xto:{ticket_id}:curing-baishi", chat=FORUM)
    await desk.send(QINGSHAN_MEMBER, "地点在白石乡", chat=FORUM, topic=QINGSHAN_TOPIC)
    new_cards = [r for r in await desk.outbox() if r.id not in before and r.purpose == "card"]
    assert [(r.chat_id, r.payload.get("thread_id")) for r in new_cards if r.chat_id < 0] == [
        (FORUM, BAISHI_TOPIC)
    ]


async def test_queue_in_a_shared_forum_shows_the_topic_team_only(desk: Harness) -> None:
    await _bind_both(desk)
    await desk.file_110(FARMER)  # Qingshan's
    [ticket] = await desk.tickets()
    in_qingshan = texts(await desk.send(SUPERVISOR, "/queue", chat=FORUM, topic=QINGSHAN_TOPIC))
    in_baishi = texts(await desk.send(SUPERVISOR, "/queue", chat=FORUM, topic=BAISHI_TOPIC))
    assert ticket.label in in_qingshan
    assert ticket.label not in in_baishi


async def test_duty_in_a_shared_forum_is_about_the_topic_team(desk: Harness) -> None:
    await _bind_both(desk)
    out = await desk.send(BAISHI_MEMBER, "/duty on", chat=FORUM, topic=BAISHI_TOPIC)
    assert "值班状态：值班" in texts(out)
    async with desk.db.uow() as uow:
        places = {m.team_id: m.on_duty for m in await uow.memberships.of_user(BAISHI_MEMBER)}
    assert places == {"curing-baishi": True}
    await desk.file_110(FARMER)  # Qingshan's: its on-duty list is still empty
    pages = {r.chat_id for r in await desk.outbox() if r.purpose == "card" and r.chat_id > 0}
    assert pages == {QINGSHAN_LEADER}


async def test_a_team_bound_to_the_whole_group_keeps_its_commands_in_every_topic(
    desk: Harness,
) -> None:
    out = await desk.send(QINGSHAN_LEADER, "/bindteam curing-qingshan", chat=FORUM)
    assert "本群已绑定为" in texts(out)
    await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    assert ticket.label in texts(await desk.send(SUPERVISOR, "/queue", chat=FORUM, topic=99))
    sent = {topic for _, method, topic in await _forum_rows(desk) if method.startswith("send_")}
    assert sent == {None}


async def test_the_ladder_reminds_the_team_in_its_topic(desk: Harness) -> None:
    await _bind_both(desk)
    ticket_id = await desk.file_110(FARMER)
    before = {r.id for r in await desk.outbox()}
    start = desk.clock.now
    await run_scheduler(desk.db, desk.cfg, start, start + timedelta(minutes=15))
    reminders = [r for r in await desk.outbox() if r.id not in before and r.ticket_id == ticket_id]
    to_forum = [r.payload.get("thread_id") for r in reminders if r.chat_id == FORUM]
    assert to_forum and set(to_forum) == {QINGSHAN_TOPIC}
    assert all("thread_id" not in r.payload for r in reminders if r.chat_id != FORUM)


async def test_a_binding_keeps_its_topic(desk: Harness) -> None:
    await _bind_both(desk)
    async with desk.db.uow(read_only=True) as uow:
        bound = await uow.team_chats.get("curing-baishi")
    assert bound is not None and bound.place == ChatPlace(FORUM, BAISHI_TOPIC)


class _DeskTime:
    """The outbox recorder's clock, reading the harness's."""

    def __init__(self, desk: Harness) -> None:
        self.desk = desk

    def now(self) -> datetime:
        return self.desk.clock()

    def monotonic(self) -> float:
        return 0.0

    async def sleep(self, seconds: float) -> None:
        return None


async def _send_pending(desk: Harness, first_id: int) -> dict[int, int]:
    """The sender delivers every waiting row (message ids from `first_id`), recorded as the
    real sender records them; the row id of each, by message id."""
    recorder = SentRecorder(desk.db.uow, _DeskTime(desk))
    sent = {}
    for number, row in enumerate(r for r in await desk.outbox() if r.status == "pending"):
        assert row.id is not None
        await recorder.record(row, first_id + number)
        sent[first_id + number] = row.id
    return sent


async def _edits_since(desk: Harness, before: set[int | None]) -> dict[object, OutboxMessage]:
    """The card edits queued since `before` (row ids), by the message they edit."""
    return {
        r.payload.get("message_id"): r
        for r in await desk.outbox()
        if r.id not in before and r.method == "edit_message"
    }


DELIVERY_TOPIC, CONDUCT_TOPIC = 31, 32
DELIVERY_MEMBER, RETAILER = 200071, 100002


async def test_a_complaint_copy_in_the_oversight_teams_topic_of_the_same_forum(
    desk: Harness,
) -> None:
    # The delivery team and the oversight team (作风监督) share one forum, each in a topic.
    async with desk.db.uow() as uow:
        await uow.team_chats.bind(TeamChat("delivery", FORUM, 0, T0, DELIVERY_TOPIC))
        await uow.team_chats.bind(TeamChat("conduct", FORUM, 0, T0, CONDUCT_TOPIC))
        await uow.commit()
    await desk.send(RETAILER, "/complain")
    await desk.send(RETAILER, "投诉配送员小王，送货总是迟到")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "delivery"
    rows = {r.id: r for r in await desk.outbox()}
    sent = await _send_pending(desk, 900)
    [team_card] = [
        m
        for m, row_id in sent.items()
        if rows[row_id].purpose == "card"
        and rows[row_id].payload.get("thread_id") == DELIVERY_TOPIC
    ]
    [copy] = [
        m
        for m, row_id in sent.items()
        if rows[row_id].purpose == "card" and rows[row_id].payload.get("thread_id") == CONDUCT_TOPIC
    ]

    before = {r.id for r in await desk.outbox()}
    out = await desk.press(
        DELIVERY_MEMBER,
        f"tk:acc:{ticket.id}",
        chat=FORUM,
        topic=DELIVERY_TOPIC,
        message_id=team_card,
    )
    assert out.replies[-1].edit and out.replies[-1].buttons  # the pressed card: 办结, 转派...
    # The oversight team's copy shows the new state, without the team's buttons: only its
    # own 接管.
    watched = (await _edits_since(desk, before))[copy].payload
    assert watched["buttons"] == [[{"text": "接管", "data": f"ov:take:{ticket.id}"}]]
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=FORUM, topic=DELIVERY_TOPIC)
    before = {r.id for r in await desk.outbox()}
    await desk.send(DELIVERY_MEMBER, "已经批评教育", chat=FORUM, topic=DELIVERY_TOPIC)
    edits = await _edits_since(desk, before)
    # Both copies follow the ticket: the team's own card, and the oversight team's.
    assert "已办结待确认" in edits[team_card].payload["text"]
    assert "已办结待确认" in edits[copy].payload["text"] and "buttons" not in edits[copy].payload
