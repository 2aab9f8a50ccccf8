"""The jobs on an APScheduler 3 AsyncIOScheduler, in the bot's process or in their own.

    jobs = Jobs(db, cfg, weekly=source)   # inside a running event loop
    jobs.start()
    ...
    await jobs.stop()

The scheduler keeps no state of its own: deadlines live on the tickets and every message
carries a dedup key, so a restart loses nothing and a second instance doubles nothing. A
digest or weekly report missed because the process was down at its hour is sent on start
if it is still fresh (the dedup key makes that safe when it did go out).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from core.clock import utc_now
from core.config import Config
from scheduler.digest import send_digest
from scheduler.sweep import SweepResult, sweep
from scheduler.tidy import forget_old_replies
from scheduler.weekly import WeeklySource, send_weekly
from storage.uow import Database

log = logging.getLogger(__name__)

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MAX_ROUNDS = 20  # a backlog after downtime is worked off in one job run, within reason


@dataclass(frozen=True, slots=True)
class Schedule:
    sweep_every: float = 30.0  # seconds
    sweep_limit: int = 1000  # tickets per sweep round
    sweep_batch: int = 100  # tickets per transaction
    digest_at: time = time(8, 0)  # local time, every day
    weekly_day: str = "mon"
    weekly_at: time = time(8, 30)
    catch_up_within: timedelta = timedelta(hours=4)


def missed_on_start(schedule: Schedule, zone: ZoneInfo, now: datetime) -> list[str]:
    """The daily jobs whose hour passed today less than `catch_up_within` ago."""
    local = now.astimezone(zone)

    def fresh(at: time) -> bool:
        start = datetime.combine(local.date(), at, tzinfo=zone)
        return start <= local < start + schedule.catch_up_within

    found = []
    if fresh(schedule.digest_at):
        found.append("digest")
    if _DAYS[local.weekday()] == schedule.weekly_day and fresh(schedule.weekly_at):
        found.append("weekly")
    return found


class Jobs:
    def __init__(
        self,
        db: Database,
        cfg: Config,
        *,
        weekly: WeeklySource | None = None,
        schedule: Schedule | None = None,
        on_queued: Callable[[], None] | None = None,
    ) -> None:
        """`on_queued` is called after a run that queued messages: in the bot's process it
        wakes the outbox sender so an urgent alert does not wait for the sender's next poll."""
        self.db = db
        self.cfg = cfg
        self.weekly = weekly
        self.schedule = schedule or Schedule()
        self.on_queued = on_queued
        self.scheduler = AsyncIOScheduler(timezone=cfg.zone)
        self._running: set[asyncio.Task[object]] = set()

    @property
    def busy(self) -> bool:
        """A job is running right now."""
        return bool(self._running)

    async def sweep_now(self) -> SweepResult:
        """Sweep until nothing is due (or a generous number of rounds); the sweep job."""
        total = SweepResult()
        for _ in range(_MAX_ROUNDS):
            s = self.schedule
            result = await sweep(
                self.db, self.cfg, utc_now(), limit=s.sweep_limit, batch=s.sweep_batch
            )
            total.add(result)
            total.more = result.more
            if result.messages:
                self._queued()
            if not result.more:
                break
        return total

    async def digest_now(self) -> int:
        queued = await send_digest(self.db, self.cfg, utc_now())
        if queued:
            self._queued()
        return queued

    async def weekly_now(self) -> int:
        if self.weekly is None:
            return 0
        queued = await send_weekly(self.db, self.cfg, self.weekly, utc_now())
        if queued:
            self._queued()
        return queued

    async def tidy_now(self) -> int:
        return await forget_old_replies(self.db, utc_now())

    def _queued(self) -> None:
        if self.on_queued is not None:
            try:
                self.on_queued()
            except Exception:
                log.exception("on_queued callback failed")

    def _job(
        self, name: str, body: Callable[[], Awaitable[object]]
    ) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            task = asyncio.current_task()
            if task is not None:
                self._running.add(task)
            try:
                await body()
            except Exception:
                # Log and carry on: the next run finds the same due tickets in the database.
                log.exception("scheduler job %s failed", name)
            finally:
                if task is not None:
                    self._running.discard(task)

        return run

    def add(
        self,
        name: str,
        body: Callable[[], Awaitable[object]],
        trigger: str | None = None,
        **options: Any,
    ) -> None:
        """Add a job of the caller's (an APScheduler trigger and its options; none runs it
        once, now) whose runs are logged and awaited by `stop` as the built-in ones are."""
        self.scheduler.add_job(self._job(name, body), trigger, id=name, **options)

    def start(self) -> None:
        """Add the jobs and start; call from inside the running event loop."""
        s, zone = self.schedule, self.cfg.zone
        self.scheduler.add_job(
            self._job("sweep", self.sweep_now),
            IntervalTrigger(seconds=s.sweep_every, timezone=zone),
            id="sla-sweep",
            next_run_time=datetime.now(zone),  # catch up at once after a restart
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )
        self.scheduler.add_job(
            self._job("tidy", self.tidy_now),
            IntervalTrigger(hours=1, timezone=zone),
            id="inbox-tidy",
            next_run_time=datetime.now(zone),  # a process restarted often still tidies
            max_instances=1,
            coalesce=True,
        )
        grace = int(s.catch_up_within.total_seconds())
        self.scheduler.add_job(
            self._job("digest", self.digest_now),
            CronTrigger(hour=s.digest_at.hour, minute=s.digest_at.minute, timezone=zone),
            id="daily-digest",
            coalesce=True,
            misfire_grace_time=grace,
        )
        if self.weekly is not None:
            self.scheduler.add_job(
                self._job("weekly", self.weekly_now),
                CronTrigger(
                    day_of_week=s.weekly_day,
                    hour=s.weekly_at.hour,
                    minute=s.weekly_at.minute,
                    timezone=zone,
                ),
                id="weekly-report",
                coalesce=True,
                misfire_grace_time=grace,
            )
        for name in missed_on_start(s, zone, utc_now()):
            if name == "weekly" and self.weekly is None:
                continue
            body = self.digest_now if name == "digest" else self.weekly_now
            self.scheduler.add_job(self._job(name, body), id=f"{name}-catch-up")
        self.scheduler.start()
        log.info("scheduler started: sweep every %ss, digest %s", s.sweep_every, s.digest_at)

    async def stop(self, grace: float = 30.0) -> None:
        """Stop taking new runs, let every running one finish its transaction, then shut down."""
        if not self.scheduler.running:
            return
        self.scheduler.pause()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        # A run handed out just before the pause begins on the loop's next turn, and one can
        # begin while another is awaited: wait until none runs, or shutdown cancels it midway.
        await asyncio.sleep(0)
        while self._running and (left := deadline - loop.time()) > 0:
            await asyncio.wait(set(self._running), timeout=left)
            await asyncio.sleep(0)
        self.scheduler.shutdown(wait=False)
        await asyncio.sleep(0)  # the asyncio scheduler shuts down on its next loop turn
