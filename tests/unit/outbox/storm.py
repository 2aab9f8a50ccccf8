"""The outbox storm: 500 urgent and 5,000 normal messages queued at once.

Shared by tests/unit/outbox/test_storm.py and bench/bench_outbox_storm.py. The recipients
look like a bad night in curing season: urgent rows go to 400 farmers and to the team
chats of 10 service teams; normal rows to 1,520 people (three each) and to 11 team chats
(40 each, as many as a group's 20 a minute allows within the theoretical drain time).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert

from bot.outbox import OutboxSender, RateLimiter, SenderSettings, SimulatedClock
from core.config import Config
from storage.tables import outbox
from storage.uow import Database
from tests.unit.outbox.memory_transport import Delivered, MemoryTransport

START = datetime(2026, 8, 12, 18, 0, tzinfo=UTC)  # 02:00 in Shanghai, curing season
URGENT, NORMAL = 500, 5_000
GLOBAL_PER_S, GROUP_PER_MIN = 30, 20


def storm_rows(urgent: int = URGENT, normal: int = NORMAL) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []

    def add(chat_id: int, priority: int, text: str) -> None:
        rows.append(
            {
                "chat_id": chat_id,
                "method": "send_message",
                "payload": {"text": text},
                "priority": priority,
                "purpose": "notify",
                "status": "pending",
                "attempts": 0,
                "last_error": "",
                "created_at": START,
                "not_before": START,
            }
        )

    # Interleaved, as a real night would queue them: urgent and normal, people and groups.
    for i in range(max(urgent, normal)):
        if i < normal:
            chat = -1002000000000 - i % 11 if i % 12 == 11 else 500_000 + i % 1_520
            add(chat, 1, f"normal-{i}")
        if i < urgent:
            chat = -1001000000000 - (i // 5) % 10 if i % 5 == 4 else 100_000 + i
            add(chat, 0, f"urgent-{i}")
    return rows


async def queue_storm(db: Database, rows: list[dict[str, object]]) -> None:
    async with db.uow() as uow:
        assert uow.session is not None
        for start in range(0, len(rows), 1000):
            await uow.session.execute(insert(outbox), rows[start : start + 1000])
        await uow.commit()


@dataclass
class StormResult:
    delivered: list[Delivered]
    simulated_seconds: float
    wall_seconds: float

    @property
    def theoretical_seconds(self) -> float:
        # The global limit alone: the first 30 go at t=0, then 30 a second.
        return (len(self.delivered) - GLOBAL_PER_S) / GLOBAL_PER_S


async def run_storm(db: Database, cfg: Config, rows: list[dict[str, object]]) -> StormResult:
    await queue_storm(db, rows)
    clock = SimulatedClock(START)
    transport = MemoryTransport(clock)
    sender = OutboxSender(
        db, cfg, transport, clock=clock, rate_limiter=RateLimiter(clock), settings=SenderSettings()
    )
    began = time.perf_counter()
    await sender.drain_all()
    wall = time.perf_counter() - began
    return StormResult(transport.delivered, clock.monotonic(), wall)


def worst_windows(delivered: list[Delivered]) -> dict[str, int]:
    """The most sends in any window: overall and per person in 1 s, per group in 60 s."""
    by_chat: dict[int, list[float]] = defaultdict(list)
    for d in delivered:
        by_chat[d.chat_id].append(d.at)
    people = [t for c, t in by_chat.items() if c > 0]
    groups = [t for c, t in by_chat.items() if c < 0]
    return {
        "overall_per_1s": most_in_window([d.at for d in delivered], 1.0),
        "person_per_1s": max((most_in_window(t, 1.0) for t in people), default=0),
        "group_per_60s": max((most_in_window(t, 60.0) for t in groups), default=0),
    }


def most_in_window(times: list[float], length: float) -> int:
    """The largest number of events inside any half-open window [t, t + length)."""
    times = sorted(times)
    best, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= length:
            start += 1
        best = max(best, end - start + 1)
    return best
