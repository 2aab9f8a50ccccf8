"""The rate limiter on a simulated clock: exact sliding windows, pauses, bounded memory."""

from __future__ import annotations

import itertools

from bot.outbox.clock import SimulatedClock
from bot.outbox.ratelimit import RateLimiter, RateLimits


def most_in_any_window(times: list[float], length: float) -> int:
    """The largest number of events inside any half-open window [t, t + length)."""
    times = sorted(times)
    best, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= length:
            start += 1
        best = max(best, end - start + 1)
    return best


async def test_global_window_allows_30_a_second_and_no_more() -> None:
    clock = SimulatedClock()
    limiter = RateLimiter(clock)
    times = []
    for chat in range(1, 301):
        await limiter.acquire(chat)
        times.append(clock.monotonic())
    assert most_in_any_window(times, 1.0) == 30
    # 300 sends at 30/s: the last one goes out just after 9 s, not later.
    assert 9.0 <= times[-1] < 9.1


async def test_private_chat_gets_one_message_a_second() -> None:
    clock = SimulatedClock()
    limiter = RateLimiter(clock)
    times = []
    for _ in range(4):
        await limiter.acquire(42)
        times.append(clock.monotonic())
    assert [b - a for a, b in itertools.pairwise(times)] == [1.0, 1.0, 1.0]


async def test_group_gets_20_a_minute_then_waits_for_the_window() -> None:
    clock = SimulatedClock()
    limiter = RateLimiter(clock)
    times = []
    for _ in range(45):
        await limiter.acquire(-1001)
        times.append(clock.monotonic())
    assert most_in_any_window(times, 60.0) == 20
    assert times[19] < 1.0  # the first twenty go at once (the global limit spaces them)
    assert times[20] >= 60.0 and times[40] >= 120.0


async def test_a_busy_chat_does_not_slow_other_chats() -> None:
    clock = SimulatedClock()
    limiter = RateLimiter(clock)
    await limiter.acquire(7)
    assert limiter.chat_delay(7) == 1.0
    assert limiter.chat_delay(8) == 0.0
    await limiter.acquire(8)
    assert clock.monotonic() == 0.0


async def test_pause_stops_one_chat_and_pause_all_stops_every_chat() -> None:
    clock = SimulatedClock()
    limiter = RateLimiter(clock)
    limiter.pause(5, 7.0)
    assert limiter.chat_delay(5) == 7.0
    assert limiter.delay(6) == 0.0
    limiter.pause_all(3.0)
    assert limiter.global_pause() == 3.0
    await limiter.acquire(6)
    assert clock.monotonic() == 3.0
    await limiter.acquire(5)
    assert clock.monotonic() == 7.0


async def test_custom_limits_apply() -> None:
    clock = SimulatedClock()
    limiter = RateLimiter(clock, RateLimits(global_count=2, global_window=1.0))
    for chat in (1, 2, 3):
        await limiter.acquire(chat)
    assert clock.monotonic() == 1.0


async def test_memory_of_idle_chats_is_dropped() -> None:
    clock = SimulatedClock()
    limiter = RateLimiter(clock, RateLimits(global_count=10_000))
    for chat in range(1, 3001):
        await limiter.acquire(chat)
        clock.advance(0.01)
    # Chats idle for a whole window are forgotten as sending goes on.
    assert len(limiter._chats) < 1100


async def test_simulated_clock_never_wakes_a_sleeper_early() -> None:
    clock = SimulatedClock()
    await clock.sleep(2.5)
    assert clock.monotonic() == 2.5
    assert (clock.now() - clock.start).total_seconds() == 2.5
