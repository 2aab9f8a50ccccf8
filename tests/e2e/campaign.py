"""The crash campaign: scenarios against the real bot, which is killed with SIGKILL at a random
point of every run and started again; then the database and what Telegram received are
checked against what the scenarios must leave.

    python -m tests.e2e.campaign --runs 50 [--framework ptb|aiogram] [--webhook] [--seed N]

Each run is one scenario (a 110 call from paging to rating, a licence request with a
transfer, or an ignored 110 call escalating to the supervisor) with requesters of its own.
Before one of its steps, chosen at random, a killer waits a random delay (0 to
`max_kill_delay` seconds, so the kill lands before, during or after the step) and kills
the bot; the bot is started again at once and the people carry on (updates sent while it
is down wait at the fake server, as they wait at Telegram).

At the end, with the bot still running until the outbox is drained, every run must show
exactly its ticket and its audit events, and every outbox row must have been sent and
seen by the fake server at least once. Sends beyond one per row are counted as duplicates
(at-least-once delivery allows them; a row sent just before a kill is sent again when its
lease ends). Updates the bot confirmed to Telegram but never committed are counted as
lost: the person got no answer and sent it again.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import func, select

from bot.config_loader import load_config
from core.config import Config
from core.enums import Script, Status
from core.left_behind import NO_MORE_UPDATES
from core.lifecycle import PROMPTS, prompt_applies
from handlers.cards import status_label
from storage.tables import outbox, processed_updates, tickets
from storage.uow import Database
from tests.e2e.botproc import ROOT, BotProcess, Webhook
from tests.e2e.scenarios import (
    IGNORED_110,
    LICENCE_TRANSFER,
    MEMBER,
    NIGHT_110,
    TEAM_CHAT,
    Driver,
    Event,
    events_of,
    ignored_110,
    licence_transfer,
    night_110,
    read,
)
from tests.support.fake_bot_api import FakeBotApi

Scenario = Callable[[Driver, int, Config], Awaitable[int]]
DRAIN_WITHIN = 150.0  # seconds; a row leased by a killed process comes back after 60 s
DRAIN_AT_MOST = 900.0  # seconds of draining in all


async def _night(d: Driver, person: int, cfg: Config) -> int:
    return await night_110(d, person)


async def _licence(d: Driver, person: int, cfg: Config) -> int:
    return await licence_transfer(d, person)


async def _ignored(d: Driver, person: int, cfg: Config) -> int:
    ticket, _ = await ignored_110(d, person, cfg)
    return ticket


SCENARIOS: list[tuple[str, Scenario, list[Event], int]] = [
    # name, scenario, the events it leaves, its number of steps (updates)
    ("night_110", _night, NIGHT_110, 10),
    ("licence_transfer", _licence, LICENCE_TRANSFER, 13),
    ("ignored_110", _ignored, IGNORED_110, 9),
]


@dataclass
class Report:
    framework: str
    mode: str
    runs: int = 0
    kills: int = 0
    steps: int = 0
    tickets: int = 0
    events: int = 0
    lost_updates: list[str] = field(default_factory=list)
    notifications: int = 0  # outbox rows sent as new messages
    duplicate_notifications: int = 0
    duplicates: list[str] = field(default_factory=list)  # which ones
    undelivered: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    hung_on_stop: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.failures or self.undelivered or self.lost_updates)

    def summary(self) -> str:
        return (
            f"{self.framework}/{self.mode}: {self.runs} runs, {self.kills} SIGKILLs, "
            f"{self.steps} steps, {self.tickets} tickets, {self.events} audit events; "
            f"lost updates {len(self.lost_updates)}, failures {len(self.failures)}; "
            f"{self.notifications} notifications, {len(self.undelivered)} undelivered, "
            f"{self.duplicate_notifications} duplicates; {self.seconds:.0f} s"
        )


async def campaign(
    workdir: Path,
    *,
    runs: int,
    seed: int = 1,
    framework: Literal["ptb", "aiogram"] = "ptb",
    webhook: bool = False,
    max_kill_delay: float = 0.6,
    database_url: str | None = None,
    log: Callable[[str], None] = print,
) -> Report:
    cfg = load_config(ROOT / "config" / "demo.yaml")
    rng = random.Random(seed)
    report = Report(framework, "webhook" if webhook else "polling")
    started = time.monotonic()
    api = await FakeBotApi().start()
    bot = BotProcess(
        api,
        workdir,
        database_url=database_url,
        framework=framework,
        webhook=Webhook() if webhook else None,
    )
    db = Database(str(bot.database_url))
    killer: asyncio.Task[None] | None = None
    try:
        await bot.start()
        # A button is pressed once it is shown, as a person would: a card the kill kept from
        # going out arrives after the restart (a press of a message never shown would edit
        # whatever message the driver guessed, which Telegram never allows), when the killed
        # process's lease on its outbox row ends, 60 s after it took the row.
        driver = Driver(
            api, db, alive=lambda: bot.running, retry_lost=True, within=120.0, button_within=120.0
        )
        await driver.say(MEMBER, "/duty on", chat=TEAM_CHAT)
        expected: dict[int, tuple[str, list[Event]]] = {}
        for run in range(runs):
            name, scenario, events, steps = SCENARIOS[run % len(SCENARIOS)]
            person = 110_000 + run
            kill_at, delay = rng.randrange(steps), rng.uniform(0.0, max_kill_delay)
            first = driver.steps

            async def on_step(
                index: int, first: int = first, kill_at: int = kill_at, delay: float = delay
            ) -> None:
                nonlocal killer
                if index - first == kill_at:
                    killer = asyncio.create_task(_kill_and_restart(bot, delay))

            driver.on_step = on_step
            ticket = await scenario(driver, person, cfg)
            if driver.steps - first != steps:
                report.failures.append(f"run {run}: {driver.steps - first} steps, not {steps}")
            if killer is None:
                report.failures.append(f"run {run}: no kill")
            else:
                await killer
                killer = None
            expected[ticket] = (name, events)
            report.runs += 1
            log(f"run {run + 1}/{runs}: {name} ticket {ticket}, killed before step {kill_at} "
                f"+{delay:.2f}s; lost so far {len(driver.lost)}")  # fmt: skip
        report.steps = driver.steps
        report.lost_updates = list(driver.lost)
        await wait_drained(db, within=DRAIN_WITHIN)
        await _check(db, api, expected, report)
    except Exception as exc:
        report.failures.append(f"{type(exc).__name__}: {exc}")
        log(f"campaign failed: {exc!r}\n{bot.log_tail(40)}")
    finally:
        if killer is not None:
            killer.cancel()
        report.kills = bot.kills
        await bot.stop()
        report.hung_on_stop = bot.hung_on_stop
        await db.dispose()
        await api.stop()
        report.seconds = time.monotonic() - started
    return report


async def _kill_and_restart(bot: BotProcess, delay: float) -> None:
    await asyncio.sleep(delay)
    await bot.kill()
    await bot.start()


async def wait_drained(db: Database, *, within: float) -> None:
    """Wait until no outbox row is pending (the bot sends them). `within` bounds a wait in
    which no row goes out; a long queue that keeps moving (one message a second in each
    private chat, as Telegram allows) is waited for, up to `DRAIN_AT_MOST`."""
    started = time.monotonic()
    deadline = started + within
    query = select(func.count()).select_from(outbox).where(outbox.c.status == "pending")
    left_before = None
    while left := (await read(db, query))[0][0]:
        if left_before is None or left < left_before:
            deadline = min(time.monotonic() + within, started + DRAIN_AT_MOST)
            left_before = left
        if time.monotonic() > deadline:
            stuck = await read(
                db,
                select(
                    outbox.c.id, outbox.c.chat_id, outbox.c.purpose, outbox.c.not_before,
                    outbox.c.attempts, outbox.c.last_error,
                ).where(outbox.c.status == "pending"),
            )  # fmt: skip
            raise TimeoutError(f"outbox not drained, nothing sent for {within:.0f}s: {stuck[:10]}")
        await asyncio.sleep(0.25)


async def _check(
    db: Database, api: FakeBotApi, expected: dict[int, tuple[str, list[Event]]], report: Report
) -> None:
    every = await read(db, select(tickets.c.id, tickets.c.requester_id, tickets.c.status))
    report.tickets = len(every)
    if sorted(t[0] for t in every) != sorted(expected):
        report.failures.append(f"tickets {sorted(t[0] for t in every)} != {sorted(expected)}")
    per_person = Counter(t[1] for t in every)
    report.failures += [f"requester {p} has {n} tickets" for p, n in per_person.items() if n > 1]
    for ticket, (name, events) in expected.items():
        found = await events_of(db, ticket)
        report.events += len(found)
        if found != events:
            report.failures.append(f"ticket {ticket} ({name}) events {found}")
    keys = await read(db, select(processed_updates.c.key))
    if len(keys) != len({k[0] for k in keys}):
        report.failures.append("an update key was recorded twice")
    rows = await read(
        db,
        select(
            outbox.c.id, outbox.c.chat_id, outbox.c.method, outbox.c.status, outbox.c.payload,
            outbox.c.purpose,
        ),
    )  # fmt: skip
    # A card's edit still waiting when a newer one was written is settled as superseded:
    # the newer one carries the whole card; so is a ladder's reminder whose buttons stopped
    # applying before it went out (checked in `_check_prompts`). Nothing else may be unsent.
    report.failures += [
        f"outbox row {r[0]} ({r[5]}) is {r[3]}"
        for r in rows
        if r[3] != "sent" and not (r[3] == "superseded" and r[5] in ("card_edit", *PROMPTS))
    ]
    await _check_cards(db, api, report)
    await _check_prompts(db, api, report)
    # What Telegram shows: each sent row's text in its chat, at least once.
    wanted = Counter(
        (r[1], r[4].get("text")) for r in rows if r[2] == "send_message" and r[3] == "sent"
    )
    seen = Counter((c.chat_id, c.text) for c in api.calls if c.ok and c.method == "sendMessage")
    report.notifications = sum(wanted.values())
    for key, count in wanted.items():
        if seen[key] < count:
            report.undelivered.append(f"chat {key[0]}: {str(key[1])[:40]!r}")
        if seen[key] > count:
            report.duplicate_notifications += seen[key] - count
            report.duplicates.append(f"chat {key[0]} x{seen[key]}: {str(key[1])[:40]!r}")


async def _check_cards(db: Database, api: FakeBotApi, report: Report) -> None:
    """Every copy of every ticket's card ends showing the ticket's state: the last text
    Telegram has for that message, sent or edited, names the ticket's status; a copy left
    with a team the ticket was sent on from says where it went instead."""
    shown: dict[tuple[int | None, int], str] = {}
    for call in api.calls:
        if not call.ok or call.text is None:
            continue
        if call.method == "sendMessage" and isinstance(call.result, dict):
            shown[(call.chat_id, int(call.result["message_id"]))] = call.text
        elif call.method == "editMessageText" and "message_id" in call.params:
            shown[(call.chat_id, int(call.params["message_id"]))] = call.text
    cards = await read(
        db,
        select(outbox.c.chat_id, outbox.c.result_message_id, tickets.c.status, tickets.c.number)
        .join(tickets, tickets.c.id == outbox.c.ticket_id)
        .where(outbox.c.purpose == "card", outbox.c.status == "sent"),
    )
    for chat_id, message_id, status, number in cards:
        label = status_label(Status(status), Script.HANS, for_staff=True)
        text = shown.get((chat_id, message_id), "")
        if NO_MORE_UPDATES in text:
            continue  # a team's copy the ticket was sent on from, told where it went
        first_line = text.split("\n", 1)[0]
        if label not in first_line:
            report.failures.append(f"card of {number} in chat {chat_id} shows {first_line!r}")


async def _check_prompts(db: Database, api: FakeBotApi, report: Report) -> None:
    """A ladder's reminder or alert keeps its buttons only while they act on the ticket as
    it ended: one that went out loses them on Telegram, one that did not was superseded."""
    prompts = await read(
        db,
        select(
            outbox.c.id, outbox.c.chat_id, outbox.c.result_message_id, outbox.c.status,
            outbox.c.purpose, outbox.c.payload, tickets.c.status, tickets.c.team_id,
            tickets.c.accepted_by,
        )
        .join(tickets, tickets.c.id == outbox.c.ticket_id)
        .where(outbox.c.purpose.in_(PROMPTS)),
    )  # fmt: skip
    for row_id, chat_id, message_id, sent, prompt, payload, status, team_id, taker in prompts:
        sent_for = payload.get("team")
        accepted = taker is not None
        applies = prompt_applies(
            prompt, Status(status), team_id, sent_for=sent_for, accepted=accepted
        )
        if sent == "superseded" and applies:
            report.failures.append(f"outbox row {row_id} ({prompt}) superseded, yet it applies")
        shown = api.messages.get((chat_id, message_id or 0), {})
        if sent == "sent" and not applies and shown.get("reply_markup"):
            report.failures.append(f"{prompt} in chat {chat_id} keeps its buttons ({status})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--framework", choices=["ptb", "aiogram"], default="ptb")
    parser.add_argument("--webhook", action="store_true")
    parser.add_argument("--max-kill-delay", type=float, default=0.6)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    # The fake server's "client went away" errors when the bot is killed mid-request: noise.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="jinye-campaign-") as tmp:
        report = asyncio.run(
            campaign(
                Path(tmp),
                runs=args.runs,
                seed=args.seed,
                framework=args.framework,
                webhook=args.webhook,
                max_kill_delay=args.max_kill_delay,
                database_url=args.database_url,
                log=lambda line: print(line, file=sys.stderr, flush=True),
            )
        )
    print(
        json.dumps(asdict(report), ensure_ascii=False, indent=1) if args.json else report.summary()
    )
    for line in report.failures + report.undelivered + report.lost_updates:
        print("  " + line)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
