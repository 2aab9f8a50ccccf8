"""What a failed transport call means for its outbox row."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError

from bot.outbox.render import BadPayload


class Verdict(StrEnum):
    NOT_MODIFIED = "not_modified"  # an edit that changes nothing: success
    FLOOD = "flood"  # RetryAfter: wait as told, not a failure of the message
    FORBIDDEN = "forbidden"  # blocked, kicked, never started the bot: recipient unreachable
    PERMANENT = "permanent"  # a bad request or payload: retrying cannot help
    MIGRATED = "migrated"  # the group became a supergroup: send to the new id
    RETRY = "retry"  # server errors, timeouts, dropped connections, anything unknown
    # The forum topic the row was for is gone (deleted) or closed to the bot: the chat's
    # General topic still reaches the team.
    TOPIC_GONE = "topic_gone"
    # A file over Telegram's size limit (413): it will be just as big next time.
    TOO_LARGE = "too_large"


@dataclass(frozen=True, slots=True)
class Failure:
    verdict: Verdict
    message: str
    retry_after: float = 0.0
    new_chat_id: int | None = None


# How Telegram refuses a message for a topic that was deleted, or closed by the group.
_TOPIC_GONE = ("message thread not found", "topic_deleted", "topic_closed")


def retry_after_seconds(exc: RetryAfter) -> float:
    # PTB 22 warns that the int form is deprecated; read it once, whatever the form.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def not_modified(description: str) -> bool:
    """An edit that would change nothing: the message already shows it, which is success."""
    return "message is not modified" in description.lower()


# Telegram's words for an edit whose message was deleted, or can no longer be edited.
_GONE = ("message to edit not found", "message can't be edited", "message_id_invalid")


def edit_target_gone(description: str) -> bool:
    """The message to edit is not there to edit: what it should say needs a new message."""
    return any(words in description.lower() for words in _GONE)


# How a file over the limit is refused: a 413 (python-telegram-bot raises a NetworkError,
# aiogram a TelegramEntityTooLarge, both saying "Request Entity Too Large", as does a proxy's
# HTML page for a 413), or a 400 "file is too big".
_TOO_LARGE = ("request entity too large", "file is too big", "file too large")


def too_large(description: str) -> bool:
    """Telegram refused a file as over its size limit: retrying sends the same bytes."""
    return any(words in description.lower() for words in _TOO_LARGE)


def classify(exc: BaseException) -> Failure:
    name, text = type(exc).__name__, str(exc)
    # Telegram's own descriptions often start with the kind ("Forbidden: bot was blocked").
    message = text if text.startswith(name) else f"{name}: {text}"
    if isinstance(exc, RetryAfter):
        return Failure(Verdict.FLOOD, message, retry_after=retry_after_seconds(exc))
    if isinstance(exc, Forbidden):
        return Failure(Verdict.FORBIDDEN, message)
    if isinstance(exc, ChatMigrated):
        return Failure(Verdict.MIGRATED, message, new_chat_id=int(exc.new_chat_id))
    if isinstance(exc, TelegramError) and too_large(text):
        # Before NetworkError: python-telegram-bot has no class of its own for a 413.
        return Failure(Verdict.TOO_LARGE, message)
    if isinstance(exc, BadRequest):  # before NetworkError: BadRequest is a subclass of it
        said = str(exc).lower()
        if not_modified(said):
            return Failure(Verdict.NOT_MODIFIED, message)
        if any(sign in said for sign in _TOPIC_GONE):
            return Failure(Verdict.TOPIC_GONE, message)
        return Failure(Verdict.PERMANENT, message)
    # A local report file that is gone will not come back by retrying.
    if isinstance(exc, BadPayload | FileNotFoundError | IsADirectoryError | PermissionError):
        return Failure(Verdict.PERMANENT, message)
    return Failure(Verdict.RETRY, message)
