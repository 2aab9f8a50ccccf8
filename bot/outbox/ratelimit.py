"""Telegram's sending limits as sliding windows, on an injectable clock.

Telegram asks bots to stay under about 30 messages a second overall, one a second per
private chat and 20 a minute per group. Sliding windows (a log of recent send times) are
exact: no window of the given length ever holds more sends than allowed, which is what
the storm test checks from the outside. RetryAfter pauses (per chat or for everything)
live here too, so there is one place that answers "may I send to this chat now?".
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from bot.outbox.clock import Clock

# A sleep shorter than this could fail to move a float clock; never sleep less.
_MIN_SLEEP = 1e-6
_PRUNE_EVERY = 1000


@dataclass(frozen=True, slots=True)
class RateLimits:
    global_count: int = 30
    global_window: float = 1.0
    private_count: int = 1
    private_window: float = 1.0
    group_count: int = 20
    group_window: float = 60.0


class _Window:
    """At most `count` events in any `length` seconds."""

    __slots__ = ("count", "length", "times")

    def __init__(self, count: int, length: float) -> None:
        self.count = count
        self.length = length
        self.times: deque[float] = deque()

    def delay(self, now: float) -> float:
        while self.times and now - self.times[0] >= self.length:
            self.times.popleft()
        if len(self.times) < self.count:
            return 0.0
        return max(_MIN_SLEEP, self.times[0] + self.length - now)

    def idle(self, now: float) -> bool:
        return not self.times or now - self.times[-1] >= self.length


class RateLimiter:
    """Answers how long to wait before the next send to a chat, and records sends."""

    def __init__(self, clock: Clock, limits: RateLimits | None = None) -> None:
        self.clock = clock
        self.limits = limits or RateLimits()
        self._global = _Window(self.limits.global_count, self.limits.global_window)
        self._chats: dict[int, _Window] = {}
        self._paused: dict[int, float] = {}
        self._paused_all = 0.0
        self._recorded = 0

    def _chat_window(self, chat_id: int) -> _Window:
        window = self._chats.get(chat_id)
        if window is None:
            lim = self.limits
            # Negative ids are groups, supergroups and channels; positive ids are people.
            if chat_id < 0:
                window = _Window(lim.group_count, lim.group_window)
            else:
                window = _Window(lim.private_count, lim.private_window)
            self._chats[chat_id] = window
        return window

    def chat_delay(self, chat_id: int) -> float:
        """Seconds until this chat may receive a message (its window and any pause)."""
        now = self.clock.monotonic()
        paused = self._paused.get(chat_id, 0.0) - now
        if paused <= 0:
            self._paused.pop(chat_id, None)
        return max(0.0, paused, self._chat_window(chat_id).delay(now))

    def global_delay(self) -> float:
        """Seconds until any message may be sent (the overall window and a global pause)."""
        now = self.clock.monotonic()
        return max(0.0, self._paused_all - now, self._global.delay(now))

    def global_pause(self) -> float:
        """Seconds left of a global RetryAfter pause (0 when none)."""
        return max(0.0, self._paused_all - self.clock.monotonic())

    def delay(self, chat_id: int) -> float:
        return max(self.chat_delay(chat_id), self.global_delay())

    async def acquire(self, chat_id: int) -> None:
        """Wait until a send to `chat_id` fits every limit, then count it."""
        while (wait := self.delay(chat_id)) > 0:
            await self.clock.sleep(wait)
        # No await between the check above and the record below: atomic within the loop.
        self.record(chat_id)

    def record(self, chat_id: int) -> None:
        now = self.clock.monotonic()
        self._global.times.append(now)
        self._chat_window(chat_id).times.append(now)
        self._recorded += 1
        if self._recorded % _PRUNE_EVERY == 0:
            self._prune(now)

    def pause(self, chat_id: int, seconds: float) -> None:
        """Send nothing to this chat for `seconds` (Telegram said RetryAfter)."""
        until = self.clock.monotonic() + seconds
        self._paused[chat_id] = max(self._paused.get(chat_id, 0.0), until)

    def pause_all(self, seconds: float) -> None:
        """Send nothing at all for `seconds` (a flood limit on the whole bot)."""
        self._paused_all = max(self._paused_all, self.clock.monotonic() + seconds)

    def _prune(self, now: float) -> None:
        # Chats we have not written to for a whole window need no memory.
        for chat_id in [c for c, w in self._chats.items() if w.idle(now)]:
            del self._chats[chat_id]
