"""What each refusal means for an outbox row: a file over Telegram's size limit is permanent,
however python-telegram-bot words it."""

from __future__ import annotations

import pytest
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.outbox.outcome import Verdict, classify, too_large


@pytest.mark.parametrize(
    "refusal",
    [
        NetworkError("Request Entity Too Large"),  # Telegram's JSON 413
        # A proxy's HTML page for a 413, as python-telegram-bot 22 words it.
        NetworkError(
            "Request Entity Too Large (413). Parsing the server response "
            "b'<html><head><title>413 Request Entity Too Large</title></head></html>' failed"
        ),
        BadRequest("File is too big"),
    ],
)
def test_a_file_too_large_is_not_worth_retrying(refusal: Exception) -> None:
    assert classify(refusal).verdict is Verdict.TOO_LARGE


@pytest.mark.parametrize(
    ("refusal", "verdict"),
    [
        (NetworkError("Bad Gateway"), Verdict.RETRY),
        (TimedOut(), Verdict.RETRY),
        (BadRequest("Message is too long"), Verdict.PERMANENT),
    ],
)
def test_other_refusals_keep_their_meaning(refusal: Exception, verdict: Verdict) -> None:
    assert classify(refusal).verdict is verdict


def test_aiogram_words_for_a_413_are_read_as_too_large() -> None:
    said = "Telegram server says - Request Entity Too Large\n(background on this error at: ...)"
    assert too_large(said) and not too_large("Telegram server says - Bad Request: chat not found")
