"""Handling a batch of updates side by side: each chat's in order, different chats at once.

One person's messages must be handled in the order they were sent (their conversation moves
step by step), but nothing orders two people's: while one waits on the database or on a
report, the others need not. Updates of the same chat share a lane; lanes run concurrently,
at most `lanes` at a time (each holds a database connection while its step runs).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

# Under the pool's five standing connections, so the outbox sender and the scheduler
# rarely wait for one.
DEFAULT_LANES = 4


async def in_lanes(
    items: Sequence[T],
    lane_of: Callable[[T], Hashable],
    handle: Callable[[T], Awaitable[object]],
    *,
    stop: asyncio.Event | None = None,
    lanes: int = DEFAULT_LANES,
) -> list[bool]:
    """Handle every item, those of one lane one after another in the given order.

    Once `stop` is set no lane starts another item (the ones under way finish); an item
    whose handling raises ends its lane. Returns, item by item, whether it was handled.
    """
    done = [False] * len(items)
    queues: dict[Hashable, list[int]] = {}
    for index, item in enumerate(items):
        queues.setdefault(lane_of(item), []).append(index)
    gate = asyncio.Semaphore(max(1, lanes))

    async def run(indexes: list[int]) -> None:
        async with gate:
            for index in indexes:
                if stop is not None and stop.is_set():
                    return
                try:
                    await handle(items[index])
                except Exception:
                    # The other lanes go on; this one stops, so its later items stay
                    # unhandled (and unconfirmed) rather than run out of order.
                    log.exception("handling %r failed; its lane stops", items[index])
                    return
                done[index] = True

    if len(queues) == 1:
        await run(next(iter(queues.values())))  # one lane: no tasks to make
        return done
    async with asyncio.TaskGroup() as group:
        for indexes in queues.values():
            group.create_task(run(indexes))
    return done
