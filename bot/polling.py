"""Long polling that loses nothing, for either framework: fetch, handle, then confirm.

python-telegram-bot's Updater confirms a batch (the next getUpdates' offset) before its
updates are handled; aiogram's loop keeps order only by handling one update at a time.
Here a batch goes through the lanes
(`bot.lanes`: each chat's updates in order, several chats at once), and the offset moves
only past updates whose step has run. A crash means Telegram sends the rest again, and
the desk's inbox of processed update ids makes any repeat harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.lanes import in_lanes

log = logging.getLogger(__name__)
T = TypeVar("T")
U = TypeVar("U")

LONG_POLL_SECONDS = 25
BACKOFF_CAP = 60.0


@dataclass(frozen=True)
class Pause:
    """What a failed getUpdates asks for: `seconds` of flood control, else back-off."""

    seconds: float | None = None


@dataclass(frozen=True)
class Poller(Generic[U]):
    """One framework's side of the loop.

    `fetch(offset, wait_s)` is getUpdates, a long poll of up to `wait_s` seconds;
    `pause_for(error)` says how to wait after a failed one (None: the error is not
    Telegram being unwell, so it is raised).
    """

    fetch: Callable[[int | None, int], Awaitable[Sequence[U]]]
    handle: Callable[[U], Awaitable[object]]
    update_id: Callable[[U], int]
    lane_of: Callable[[U], Hashable]
    pause_for: Callable[[BaseException], Pause | None]


async def poll(poller: Poller[U], stop: asyncio.Event) -> None:
    """Fetch, handle and only then confirm updates until `stop` is set."""
    offset: int | None = None
    failures = stalled = 0
    while not stop.is_set():
        try:
            updates = await until_stopped(poller.fetch(offset, LONG_POLL_SECONDS), stop)
            if updates is None:
                break  # asked to stop during the long poll: nothing taken, nothing lost
            failures = 0
        except Exception as exc:
            delay, failures = wait_after(exc, poller.pause_for, failures, "getUpdates")
            await sleep_unless_stopped(stop, delay)
            continue
        if not updates:
            continue
        # A step is committed (or was refused) before the offset confirms its update. Offset
        # N confirms every update below N, so it moves only up to the first update not
        # handled (one left when asked to stop comes again, and the inbox makes any handled
        # after it harmless).
        done = await in_lanes(updates, poller.lane_of, poller.handle, stop=stop)
        handled = len(updates) if all(done) else done.index(False)
        if handled:
            offset, stalled = poller.update_id(updates[handled - 1]) + 1, 0
        elif not stop.is_set():
            # The batch's first update raised: it comes straight back, so do not ask for it
            # again at once (the adapters' handlers log their errors and do not raise).
            stalled += 1
            delay = min(BACKOFF_CAP, 2.0**stalled)
            first = poller.update_id(updates[0])
            log.error("update %s could not be handled; again in %.0fs", first, delay)
            await sleep_unless_stopped(stop, delay)
    if offset is not None:
        # Confirm what was handled, briefly: an unconfirmed update only comes back again.
        try:
            await asyncio.wait_for(poller.fetch(offset, 0), timeout=5)
        except Exception as exc:
            if poller.pause_for(exc) is None and not isinstance(exc, TimeoutError):
                raise
            log.info("could not confirm the last updates (%s); they will come again", exc)


def wait_after(
    error: Exception, pause_for: Callable[[BaseException], Pause | None], failures: int, what: str
) -> tuple[float, int]:
    """Seconds to wait after `what` failed with `error`, and the failures in a row so far:
    flood control says how long, anything else mendable backs off exponentially. Raises
    `error` again when `pause_for` says waiting cannot mend it."""
    pause = pause_for(error)
    if pause is None:
        raise error
    if pause.seconds is not None:
        return pause.seconds, failures
    failures += 1
    delay = min(BACKOFF_CAP, 2.0**failures)
    log.warning("%s failed (%s); again in %.0fs", what, error, delay)
    return delay, failures


async def retrying(
    stop: asyncio.Event,
    what: str,
    call: Callable[[], Awaitable[object]],
    pause_for: Callable[[BaseException], Pause | None],
) -> bool:
    """Run `call` until it succeeds (True) or `stop` is set (False), waiting between tries
    as `pause_for` says: a Bot API hiccup at start-up is waited out, not the end of the bot."""
    failures = 0
    while not stop.is_set():
        try:
            await until_stopped(call(), stop)
            return not stop.is_set()
        except Exception as exc:
            delay, failures = wait_after(exc, pause_for, failures, what)
        await sleep_unless_stopped(stop, delay)
    return False


async def until_stopped(call: Awaitable[T], stop: asyncio.Event) -> T | None:
    """`call`'s result, or None as soon as `stop` is set (the call is then cancelled)."""
    task = asyncio.ensure_future(call)
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
    if task.done():
        return task.result()
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    return None


async def sleep_unless_stopped(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


def stop_on_signals() -> asyncio.Event:
    """An event set by SIGINT or SIGTERM: the step under way finishes, then the bot stops."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not the main thread
            loop.add_signal_handler(sig, stop.set)
    return stop
