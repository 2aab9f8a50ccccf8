"""The service-desk scenarios, acted out against a running bot through the fake Bot API.

A `Driver` plays the people: it queues an update on the fake server and waits until the
bot has committed the step, which it reads from the database (the update's inbox key in
`processed_updates` commits in the same transaction as the step). Waiting on the database
rather than on replies keeps the scenarios valid when the bot is killed: a step committed
just before a SIGKILL never shows its reply, yet it happened.

An update the bot confirmed to Telegram (it left the fake's queue) but never committed is
*lost*: Telegram will not send it again. The driver counts those; with `retry_lost` it then
sends the same thing again as a new update, as the person would after getting no answer.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, update

from core.config import Config
from scheduler.sweep import SweepResult, sweep
from storage.engine import READ_ONLY
from storage.tables import processed_updates, ticket_events, tickets
from storage.uow import Database
from tests.support.fake_bot_api import FakeBotApi

TEAM_CHAT = -1001000000001  # curing-qingshan
MEMBER, LEADER, SUPERVISOR = 200001, 200002, 300001
MONOPOLY_CHAT, MONOPOLY_MEMBER = -1001000000012, 200051
ORDERING_CHAT, ORDERING_MEMBER = -1001000000013, 200061

Event = tuple[str, str | None, str | None]  # (action, from status, to status)

NIGHT_110: list[Event] = [
    ("create", None, "new"),
    ("dispatch", "new", "dispatched"),
    ("place", "dispatched", "dispatched"),  # the barn, told after the alarm went out
    ("accept", "dispatched", "accepted"),
    ("visit", "accepted", "on_site"),
    ("resolve", "on_site", "resolved"),
    ("confirm", "resolved", "closed"),
    ("rate", "closed", "closed"),
    ("rate", "closed", "closed"),  # the comment after the stars
]
LICENCE_TRANSFER: list[Event] = [
    ("create", None, "new"),
    ("dispatch", "new", "dispatched"),
    ("transfer", "dispatched", "dispatched"),
    ("accept", "dispatched", "accepted"),
    ("resolve", "accepted", "resolved"),
    ("confirm", "resolved", "closed"),
    ("rate", "closed", "closed"),
]
IGNORED_110: list[Event] = [
    ("create", None, "new"),
    ("dispatch", "new", "dispatched"),
    ("place", "dispatched", "dispatched"),  # the barn, told after the alarm went out
    ("remind", "dispatched", "dispatched"),  # remind the team
    ("escalate", "dispatched", "dispatched"),  # alert the leader
    ("escalate", "dispatched", "dispatched"),  # alert the supervisors
    ("accept", "dispatched", "accepted"),
    ("resolve", "accepted", "resolved"),
    ("confirm", "resolved", "closed"),
    ("rate", "closed", "closed"),
]


class StepFailed(AssertionError):
    """The bot did not commit a step in time (and it was not a lost update being retried)."""


@dataclass
class Driver:
    api: FakeBotApi
    db: Database
    alive: Callable[[], bool] = lambda: True  # is the bot process up (the campaign kills it)
    within: float = 60.0  # seconds a step may take, restarts included
    lost_after: float = 5.0  # confirmed but not committed this long, bot up: lost
    retry_lost: bool = False
    button_within: float = 0.0  # > 0: a button is pressed only once the bot has shown it
    lost: list[str] = field(default_factory=list)
    steps: int = 0
    on_step: Callable[[int], Awaitable[None]] | None = None  # before each step (campaign)

    # ------------------------------------------------------------------ people
    async def say(self, user: int, words: str, *, chat: int | None = None) -> dict[str, Any]:
        if words.startswith("/"):
            command, _, args = words[1:].partition(" ")
            return await self._step(
                f"{user}: {words}", lambda: self.api.push_command(user, command, args, chat_id=chat)
            )
        return await self._step(
            f"{user}: {words}", lambda: self.api.push_message(user, words, chat_id=chat)
        )

    async def press(self, user: int, data: str, *, chat: int | None = None) -> dict[str, Any]:
        where = chat or user
        if self.button_within > 0:
            await self.shown(where, data)

        def push() -> dict[str, Any]:
            # The message with that button. Without `button_within` it may not be shown yet,
            # and message 1 stands in: the step's edit of the pressed message then lands on
            # whatever that is, so drivers that check messages wait for their buttons.
            message_id = self.api.button_message(where, data) or 1
            return self.api.push_callback(user, data, message_id, chat_id=chat)

        return await self._step(f"{user} presses {data}", push)

    async def press_shown(self, user: int, prefix: str) -> dict[str, Any]:
        """Press the newest button in the user's chat whose data begins with `prefix` (the
        summary's 提交 carries its draft's id); the bare prefix when none is shown yet,
        which the desk takes for the open draft's button."""
        if self.button_within > 0:
            deadline = time.monotonic() + max(self.button_within, 1.0)
            while self.api.button_data(user, prefix) is None:
                if time.monotonic() > deadline:
                    raise StepFailed(f"no button {prefix!r}… in chat {user}")
                await asyncio.sleep(0.05)
        return await self.press(user, self.api.button_data(user, prefix) or prefix)

    async def shown(self, chat: int, data: str) -> int:
        """Wait until the bot has shown a button with `data` in `chat`; its message id."""
        deadline = time.monotonic() + max(self.button_within, 1.0)
        while (found := self.api.button_message(chat, data)) is None:
            if time.monotonic() > deadline:
                raise StepFailed(f"no button {data!r} in chat {chat}")
            await asyncio.sleep(0.05)
        return found

    # ------------------------------------------------------------------- steps
    async def _step(self, label: str, push: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if self.on_step is not None:
            await self.on_step(self.steps)
        self.steps += 1
        for _ in range(3):
            sent = push()
            if await self._committed(sent):
                return sent
            if not self.retry_lost:
                raise StepFailed(f"update {sent['update_id']} ({label}) was lost")
            self.lost.append(label)
        raise StepFailed(f"{label}: lost three times")

    async def _committed(self, sent: dict[str, Any]) -> bool:
        """True once the step is committed; False if the update was lost."""
        key = f"tg:{sent['update_id']}"
        start = time.monotonic()
        confirmed_at: float | None = None
        while time.monotonic() - start < self.within:
            if await self.processed(key):
                return True
            if not self.alive():
                confirmed_at = None  # wait for the restart before judging
            elif all(u is not sent for u in self.api.updates):
                confirmed_at = confirmed_at or time.monotonic()
                if time.monotonic() - confirmed_at > self.lost_after:
                    return False
            await asyncio.sleep(0.05)
        raise StepFailed(f"update {key} neither committed nor lost within {self.within}s")

    async def processed(self, key: str) -> bool:
        query = select(processed_updates.c.key).where(processed_updates.c.key == key)
        return bool(await read(self.db, query))

    async def ticket_of(self, requester: int) -> int:
        """The id of the requester's newest ticket (it exists once the step committed)."""
        query = (
            select(tickets.c.id)
            .where(tickets.c.requester_id == requester)
            .order_by(tickets.c.id.desc())
        )
        found = await read(self.db, query)
        if not found:
            raise StepFailed(f"no ticket for {requester}")
        return int(found[0][0])


async def read(db: Database, query: Select[Any]) -> list[tuple[Any, ...]]:
    """Rows of a query in a read transaction (on SQLite a plain BEGIN: the test reads while
    the bot writes, and must not queue for the write lock)."""
    async with db.engine.connect() as conn:
        await conn.execution_options(**{READ_ONLY: True})
        return [tuple(row) for row in (await conn.execute(query)).all()]


# ------------------------------------------------------------------------ scenarios


async def night_110(d: Driver, farmer: int) -> int:
    """A farmer's 110 call: the on-duty member accepts, goes on site and resolves; the
    farmer confirms and rates."""
    await d.say(farmer, "/110")
    await d.say(farmer, "烤房风机不转了，温度上不去，快来人")
    await d.press(farmer, "f:site:QS01")
    ticket = await d.ticket_of(farmer)
    await d.press(MEMBER, f"tk:acc:{ticket}", chat=TEAM_CHAT)
    await d.press(MEMBER, f"tk:vis:{ticket}", chat=TEAM_CHAT)
    await d.press(MEMBER, f"tk:res:{ticket}", chat=TEAM_CHAT)
    await d.say(MEMBER, "更换了风机电容，温度已恢复", chat=TEAM_CHAT)
    await d.press(farmer, f"my:ok:{ticket}")
    await d.press(farmer, f"my:r:{ticket}:5")
    await d.say(farmer, "师傅半夜赶来，很快修好了")
    return ticket


async def licence_transfer(d: Driver, retailer: int) -> int:
    """A retailer's licence request, transferred by the monopoly office to the account
    manager, who resolves it; the retailer confirms and rates."""
    await d.say(retailer, "/new")
    await d.say(retailer, "我想办理烟草专卖零售许可证延续，需要带什么材料")
    await d.press(retailer, "f:next")
    await d.press_shown(retailer, "f:ok")
    ticket = await d.ticket_of(retailer)
    await d.press(MONOPOLY_MEMBER, f"tk:xfer:{ticket}", chat=MONOPOLY_CHAT)
    await d.press(MONOPOLY_MEMBER, f"tk:xto:{ticket}:ordering", chat=MONOPOLY_CHAT)
    await d.say(MONOPOLY_MEMBER, "延续材料由客户经理上门收取", chat=MONOPOLY_CHAT)
    await d.press(ORDERING_MEMBER, f"tk:acc:{ticket}", chat=ORDERING_CHAT)
    await d.press(ORDERING_MEMBER, f"tk:res:{ticket}", chat=ORDERING_CHAT)
    await d.say(ORDERING_MEMBER, "已上门收取材料并提交延续申请", chat=ORDERING_CHAT)
    await d.press(retailer, f"my:ok:{ticket}")
    await d.press(retailer, f"my:r:{ticket}:4")
    await d.press(retailer, "f:skip")
    return ticket


async def ignored_110(
    d: Driver, farmer: int, cfg: Config, now: Callable[[], datetime] | None = None
) -> tuple[int, list[SweepResult]]:
    """A 110 call nobody accepts: the sweep, on an accelerated clock, reminds the team,
    alerts the leader, then the supervisor; then the leader takes it, from the alert."""
    await d.say(farmer, "/110")
    await d.say(farmer, "烤房着火了")
    await d.press(farmer, "f:site:QS02")
    ticket = await d.ticket_of(farmer)
    results = []
    for minutes in (11, 21, 41):  # the fast ladder: deadline 10 m, leader +10 m, supervisor +30 m
        await age_ticket(d.db, ticket, timedelta(minutes=minutes), now)
        results.append(await sweep(d.db, cfg, (now or _utc_now)()))
    if d.button_within > 0:
        # The supervisors see their alert before the call is taken: one still on its way
        # then would be out of date, and is withdrawn.
        await d.shown(SUPERVISOR, f"sv:remind:{ticket}")
    await d.press(LEADER, f"tk:acc:{ticket}")  # the 接单 of the leader's alert
    await d.press(LEADER, f"tk:res:{ticket}", chat=TEAM_CHAT)
    await d.say(LEADER, "队长到场处理，已扑灭，烤房无大碍", chat=TEAM_CHAT)
    await d.press(farmer, f"my:ok:{ticket}")
    await d.press(farmer, f"my:r:{ticket}:3")
    await d.press(farmer, "f:skip")
    return ticket, results


def _utc_now() -> datetime:
    return datetime.now(UTC)


_TIMES = (
    "created_at",
    "dispatched_at",
    "accept_due_at",
    "resolve_due_at",
    "next_action_at",
    "updated_at",
)


async def age_ticket(
    db: Database, ticket_id: int, age: timedelta, now: Callable[[], datetime] | None = None
) -> None:
    """The accelerated clock: move the ticket's times (and its events') back so that it was
    created `age` ago, as if that much time had passed with nobody acting on it. Bumps the
    version, as any writer must."""
    moment = (now or _utc_now)()
    async with db.engine.begin() as conn:
        row = (
            (await conn.execute(select(tickets).where(tickets.c.id == ticket_id))).mappings().one()
        )
        shift = row["created_at"] - (moment - age)
        if shift <= timedelta(0):
            return
        values: dict[str, Any] = {
            name: row[name] - shift for name in _TIMES if row[name] is not None
        }
        values["version"] = row["version"] + 1
        await conn.execute(update(tickets).where(tickets.c.id == ticket_id).values(**values))
        events = await conn.execute(
            select(ticket_events.c.id, ticket_events.c.at).where(
                ticket_events.c.ticket_id == ticket_id
            )
        )
        for event_id, at in list(events):
            await conn.execute(
                update(ticket_events).where(ticket_events.c.id == event_id).values(at=at - shift)
            )


async def events_of(db: Database, ticket_id: int) -> list[Event]:
    query = (
        select(ticket_events.c.action, ticket_events.c.from_status, ticket_events.c.to_status)
        .where(ticket_events.c.ticket_id == ticket_id)
        .order_by(ticket_events.c.id)
    )
    rows = await read(db, query)
    return [
        (r[0], None if r[1] is None else str(r[1]), None if r[2] is None else str(r[2]))
        for r in rows
    ]
