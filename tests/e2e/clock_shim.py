"""`python -m tests.e2e.clock_shim ARGS`: the `jinye110` command with the wall clock moved to
$JINYE_E2E_CLOCK (ISO date and time, ticking from there), for scenarios at a set hour.

Only the wall clock moves (time.time, datetime.now, ...); the event loop's monotonic clock
and everything else are untouched, so the process is the installed bot in every other way.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime

import time_machine


def main() -> int:
    start = datetime.fromisoformat(os.environ["JINYE_E2E_CLOCK"])
    with time_machine.travel(start, tick=True):
        from bot.cli import main as jinye110

        sys.argv[0] = "jinye110"
        return int(jinye110() or 0)


if __name__ == "__main__":
    sys.exit(main())
