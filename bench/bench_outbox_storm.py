"""The outbox storm as a benchmark: 500 urgent + 5,000 normal rows drained at Telegram's limits.

    python3 dev.py bench outbox_storm [--backend sqlite|postgresql|both]
        [--transport memory|http] [--urgent 500] [--normal 5000]

The sender runs on a simulated clock, so "simulated" is the time Telegram would see (the
theoretical minimum is the global limit alone: (rows - 30) / 30 s) and "wall" is what the
sender, the database and (with --transport http) python-telegram-bot against the fake Bot
API server cost on this machine. PostgreSQL comes from JINYE_TEST_PG_URL (default: local
server); a scratch database is created and dropped.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from bot.config_loader import load_config  # noqa: E402
from bot.outbox import (  # noqa: E402
    OutboxSender,
    PtbTransport,
    RateLimiter,
    SenderSettings,
    SimulatedClock,
    Transport,
)
from core.config import Config  # noqa: E402
from storage.tables import metadata  # noqa: E402
from storage.uow import Database  # noqa: E402
from tests.support.fake_bot_api import FakeBotApi  # noqa: E402
from tests.support.fake_bot_fixtures import ptb_bot_for  # noqa: E402
from tests.support.scratch_db import scratch_database  # noqa: E402
from tests.unit.outbox.memory_transport import Delivered, MemoryTransport  # noqa: E402
from tests.unit.outbox.storm import START, queue_storm, storm_rows, worst_windows  # noqa: E402


class Timed:
    """Wraps a transport and records when each send started on the sender's clock.

    Against the fake server the arrival time is no measure: the simulated clock runs ahead
    while real requests are in flight, so arrivals bunch up that were started evenly.
    """

    def __init__(self, inner: Transport, clock: SimulatedClock) -> None:
        self.inner, self.clock = inner, clock
        self.delivered: list[Delivered] = []

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> int:
        self.delivered.append(Delivered(self.clock.monotonic(), chat_id, "send", text, 0))
        return await self.inner.send_message(chat_id, text, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@asynccontextmanager
async def database(backend: str) -> AsyncIterator[Database]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            db = Database(f"sqlite+aiosqlite:///{Path(tmp) / 'storm.sqlite3'}")
            async with db.engine.begin() as conn:
                await conn.run_sync(metadata.create_all)
            try:
                yield db
            finally:
                await db.dispose()
        return
    async with scratch_database("jinye_bench") as url:
        db = Database(url)
        try:
            async with db.engine.begin() as conn:
                await conn.run_sync(metadata.create_all)
            yield db
        finally:
            await db.dispose()


async def storm(backend: str, transport_kind: str, cfg: Config, urgent: int, normal: int) -> None:
    rows = storm_rows(urgent, normal)
    clock = SimulatedClock(START)
    async with database(backend) as db, FakeBotApi(clock=clock.monotonic) as api:
        await queue_storm(db, rows)
        bot = ptb_bot_for(api, timeout=10)
        await bot.initialize()
        http = Timed(PtbTransport(bot), clock)
        transport = MemoryTransport(clock) if transport_kind == "memory" else http
        sender = OutboxSender(
            db, cfg, transport, clock=clock, rate_limiter=RateLimiter(clock),
            settings=SenderSettings(max_in_flight=16),
        )  # fmt: skip
        began = time.perf_counter()
        await sender.drain_all()
        wall = time.perf_counter() - began
        await bot.shutdown()
        delivered = transport.delivered
        if transport_kind == "http":
            assert sorted(c.text or "" for c in api.sent) == sorted(d.text or "" for d in delivered)
    texts = [d.text or "" for d in delivered]
    urgent_done = max(d.at for d in delivered if (d.text or "").startswith("urgent"))
    in_order = max(i for i, t in enumerate(texts) if t.startswith("urgent")) < min(
        i for i, t in enumerate(texts) if t.startswith("normal")
    )
    minimum = (len(delivered) - 30) / 30
    simulated = clock.monotonic()
    print(
        f"{backend:10} {transport_kind:6} sent {len(delivered):,}/{len(rows):,}  "
        f"simulated {simulated:.1f} s (minimum {minimum:.1f} s, x{simulated / minimum:.3f})  "
        f"urgent done at {urgent_done:.1f} s, all urgent first: {in_order}  "
        f"worst windows {worst_windows(delivered)}  "
        f"wall {wall:.1f} s ({len(delivered) / wall:,.0f} rows/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--transport", choices=["memory", "http", "both"], default="memory")
    parser.add_argument("--urgent", type=int, default=500)
    parser.add_argument("--normal", type=int, default=5000)
    args = parser.parse_args()
    cfg = load_config(ROOT / "config" / "demo.yaml")
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    transports = ["memory", "http"] if args.transport == "both" else [args.transport]
    for backend in backends:
        for kind in transports:
            asyncio.run(storm(backend, kind, cfg, args.urgent, args.normal))


if __name__ == "__main__":
    main()
