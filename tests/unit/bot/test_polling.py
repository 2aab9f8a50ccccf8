"""The polling loop's waiting: what each framework's getUpdates failures ask for, and a
batch whose first update keeps failing."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import GetUpdates
from aiogram.types import Update as AiogramUpdate
from telegram.error import BadRequest, Conflict, InvalidToken, RetryAfter, TelegramError, TimedOut

from bot import aiogram_runner, ptb_runner
from bot.polling import Pause, Poller, poll, retrying

GET_UPDATES = GetUpdates()


@pytest.mark.parametrize(
    ("error", "pause"),
    [
        (RetryAfter(7), Pause(7.0)),
        (TimedOut(), Pause()),
        (Conflict("terminated by other getUpdates request"), Pause()),
        (BadRequest("Bad Gateway"), Pause()),
        (TelegramError("Invalid server response"), Pause()),  # a proxy's HTML page
        (InvalidToken(), None),
        (ValueError("a bug"), None),
    ],
)
def test_python_telegram_bot_failures_are_waited_out_unless_waiting_cannot_help(
    error: BaseException, pause: Pause | None
) -> None:
    assert ptb_runner._pause_for(error) == pause


@pytest.mark.parametrize(
    ("error", "pause"),
    [
        (TelegramRetryAfter(GET_UPDATES, "Too Many Requests", retry_after=5), Pause(5.0)),
        (TelegramServerError(GET_UPDATES, "Bad Gateway"), Pause()),
        (ClientDecodeError("not JSON", ValueError(), "<html>502</html>"), Pause()),
        (TelegramBadRequest(GET_UPDATES, "Bad Request"), Pause()),
        (TelegramUnauthorizedError(GET_UPDATES, "Unauthorized"), None),
        (ValueError("a bug"), None),
    ],
)
def test_aiogram_failures_are_waited_out_unless_waiting_cannot_help(
    error: BaseException, pause: Pause | None
) -> None:
    assert aiogram_runner._pause_for(error) == pause


def _aiogram_update(body: dict[str, object]) -> AiogramUpdate:
    return AiogramUpdate.model_validate({"update_id": 1, **body})


USER = {"id": 42, "is_bot": False, "first_name": "店主"}
GROUP = {"id": -100777, "type": "supergroup", "title": "一队"}


def test_aiogram_lanes_follow_the_chat_and_else_the_person() -> None:
    message = {"message_id": 5, "date": 0, "chat": GROUP, "from": USER, "text": "接单"}
    press = {"id": "q", "chat_instance": "c", "from": USER, "data": "tk:1"}
    assert aiogram_runner.lane_of(_aiogram_update({"message": message})) == -100777
    with_message = _aiogram_update({"callback_query": {**press, "message": message}})
    assert aiogram_runner.lane_of(with_message) == -100777
    # A press on an inline-mode message has no message: the person's own lane.
    assert aiogram_runner.lane_of(_aiogram_update({"callback_query": press})) == 42
    assert aiogram_runner.lane_of(_aiogram_update({})) is None


async def test_a_batch_whose_first_update_fails_is_not_fetched_again_at_once() -> None:
    stop, fetches = asyncio.Event(), []

    async def fetch(offset: int | None, wait_s: int) -> Sequence[int]:
        fetches.append(offset)
        return [] if wait_s == 0 else [1, 2]

    async def handle(update: int) -> None:
        if update == 1:
            asyncio.get_running_loop().call_later(0.2, stop.set)
            raise RuntimeError("a bug in a step")

    poller = Poller(
        fetch=fetch,
        handle=handle,
        update_id=lambda update: update,
        lane_of=lambda update: "one chat",
        pause_for=lambda error: None,
    )
    await asyncio.wait_for(poll(poller, stop), timeout=5)
    assert fetches == [None]  # waited (and was stopped) instead of asking again


@pytest.mark.parametrize(
    ("error", "pause"),
    [
        (RetryAfter(7), Pause(7.0)),
        (TimedOut(), Pause()),
        (BadRequest("chat not found"), None),
        (Conflict("terminated by other getUpdates request"), None),
        (InvalidToken(), None),
    ],
)
def test_python_telegram_bot_start_up_waits_out_only_the_network_and_flood_control(
    error: BaseException, pause: Pause | None
) -> None:
    assert ptb_runner._startup_pause(error) == pause


@pytest.mark.parametrize(
    ("error", "pause"),
    [
        (TelegramRetryAfter(GET_UPDATES, "Too Many Requests", retry_after=5), Pause(5.0)),
        (TelegramServerError(GET_UPDATES, "Bad Gateway"), Pause()),
        (TelegramAPIError(GET_UPDATES, "Too Many Requests"), Pause()),  # 429, no retry_after
        (ClientDecodeError("not JSON", ValueError(), "<html>502</html>"), Pause()),
        (TelegramBadRequest(GET_UPDATES, "Bad Request"), None),
        (TelegramForbiddenError(GET_UPDATES, "Forbidden: bot was blocked by the user"), None),
        (TelegramUnauthorizedError(GET_UPDATES, "Unauthorized"), None),
    ],
)
def test_aiogram_start_up_does_not_wait_out_a_bad_request(
    error: BaseException, pause: Pause | None
) -> None:
    assert aiogram_runner._startup_pause(error) == pause


async def test_retrying_waits_out_a_hiccup_and_raises_what_waiting_cannot_mend() -> None:
    calls: list[int] = []

    async def flaky() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise TelegramError("Invalid server response")
        if len(calls) == 2:
            raise InvalidToken()

    def pause_for(error: BaseException) -> Pause | None:
        return None if isinstance(error, InvalidToken) else Pause(0.01)

    with pytest.raises(InvalidToken):
        await retrying(asyncio.Event(), "getMe", flaky, pause_for)
    assert len(calls) == 2
    stopped = asyncio.Event()
    stopped.set()
    assert await retrying(stopped, "getMe", flaky, pause_for) is False
