"""How long the real bot takes from its start to taking updates, on each framework.

    python3 dev.py bench startup [--rounds 3]

The real `jinye110 run` is started against the fake Bot API server with a fresh SQLite file
(so its migrations run, as at a first start) and again on the same file (a restart after a
crash: the schema is there); the time is from the process's spawn until it long-polls
getUpdates. python-telegram-bot and aiogram alternate; the figures are medians. A restart
is when this matters: until the bot polls again, a farmer's 110 call waits.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.botproc import BotProcess  # noqa: E402
from tests.support.fake_bot_api import FakeBotApi  # noqa: E402

Framework = Literal["ptb", "aiogram"]


async def _ready_in(workdir: Path, framework: Framework) -> float:
    """Seconds from spawning `jinye110 run` in `workdir` until it polls; then it is stopped."""
    async with FakeBotApi() as api:
        bot = BotProcess(api, workdir, framework=framework)
        started = time.perf_counter()
        await bot.start()
        ready = time.perf_counter() - started
        await bot.stop()
    return ready


async def _measure(rounds: int) -> dict[tuple[Framework, str], list[float]]:
    found: dict[tuple[Framework, str], list[float]] = {}
    frameworks: tuple[Framework, ...] = ("ptb", "aiogram")
    for _ in range(rounds):
        for framework in frameworks:
            with tempfile.TemporaryDirectory(prefix="jinye-startup-") as tmp:
                workdir = Path(tmp)
                first = await _ready_in(workdir, framework)
                again = await _ready_in(workdir, framework)
            found.setdefault((framework, "first start"), []).append(first)
            found.setdefault((framework, "restart"), []).append(again)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    found = asyncio.run(_measure(args.rounds))
    print(f"jinye110 run, spawn to polling, median of {args.rounds} (min-max):")
    for (framework, when), times in found.items():
        print(
            f"  {framework:8} {when:12} {statistics.median(times):5.2f} s"
            f"  ({min(times):.2f}-{max(times):.2f})"
        )


if __name__ == "__main__":
    main()
