"""Updates of one chat in order, different chats side by side."""

from __future__ import annotations

import asyncio

from bot.lanes import in_lanes


async def test_one_chats_updates_keep_their_order_while_chats_interleave() -> None:
    items = [("a", 1), ("b", 1), ("a", 2), ("b", 2), ("a", 3)]
    seen: list[tuple[str, int]] = []

    async def handle(item: tuple[str, int]) -> None:
        await asyncio.sleep(0)  # let the other lane run in between
        seen.append(item)

    done = await in_lanes(items, lambda item: item[0], handle)
    assert done == [True] * 5
    assert [n for chat, n in seen if chat == "a"] == [1, 2, 3]
    assert [n for chat, n in seen if chat == "b"] == [1, 2]
    assert seen[:2] == [("a", 1), ("b", 1)]  # b did not wait for all of a


async def test_a_slow_chat_does_not_hold_up_the_others() -> None:
    release = asyncio.Event()
    finished: list[str] = []

    async def handle(chat: str) -> None:
        if chat == "slow":
            await release.wait()
        finished.append(chat)
        if len(finished) == 3:
            release.set()

    await asyncio.wait_for(in_lanes(["slow", "x", "y", "z"], str, handle), timeout=5)
    assert finished[:3] == ["x", "y", "z"] and finished[3] == "slow"


async def test_no_more_than_the_given_lanes_run_at_once() -> None:
    running, most = [0], [0]

    async def handle(_: int) -> None:
        running[0] += 1
        most[0] = max(most[0], running[0])
        await asyncio.sleep(0.001)
        running[0] -= 1

    await in_lanes(list(range(20)), lambda n: n, handle, lanes=3)
    assert most[0] == 3


async def test_after_stop_no_lane_starts_another_update() -> None:
    stop = asyncio.Event()
    handled: list[int] = []

    async def handle(n: int) -> None:
        handled.append(n)
        stop.set()

    done = await in_lanes([1, 2, 3], lambda n: "one chat", handle, stop=stop)
    assert handled == [1] and done == [True, False, False]


async def test_a_failing_update_ends_its_lane_only() -> None:
    handled: list[str] = []

    async def handle(item: str) -> None:
        if item == "a1":
            raise RuntimeError("broken update")
        handled.append(item)

    done = await in_lanes(["a1", "b1", "a2", "b2"], lambda item: item[0], handle)
    assert handled == ["b1", "b2"]
    assert done == [False, True, False, True]  # a2 waits for a1: both come again
