"""The process log never shows the bot token's secret half nor the webhook secret, in a
library's request line or in a traceback (before: httpx logged every Bot API URL, token
and all, at INFO)."""

from __future__ import annotations

import io
import logging
import sys

from bot.log_setup import FORMAT, MASK, RedactingFormatter, secret_parts

TOKEN = "123456789:AAF-secret-half"


def _line(formatter: logging.Formatter, logger: str, message: str, *args: object) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    record = logging.getLogger(logger).makeRecord(
        logger, logging.INFO, __file__, 1, message, args, None
    )
    handler.handle(record)
    return stream.getvalue()


def test_the_token_in_a_request_line_is_masked() -> None:
    formatter = RedactingFormatter(logging.Formatter(FORMAT), secret_parts(TOKEN))
    url = f"https://api.telegram.org/bot{TOKEN}/getUpdates"
    line = _line(formatter, "httpx", 'HTTP Request: POST %s "%s"', url, "HTTP/1.1 200 OK")
    assert "AAF-secret-half" not in line
    assert f"bot123456789:{MASK}/getUpdates" in line  # the bot id stays, for reading


def test_a_traceback_quoting_the_token_is_masked() -> None:
    formatter = RedactingFormatter(logging.Formatter(FORMAT), secret_parts(TOKEN, "hook-pw"))
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected; secret hook-pw")
    except RuntimeError:
        record = logging.getLogger("x").makeRecord(
            "x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info()
        )
    line = formatter.format(record)
    assert "AAF-secret-half" not in line and "hook-pw" not in line
    assert "Traceback" in line


def test_nothing_to_hide_without_a_token() -> None:
    assert secret_parts(None) == ()
    assert secret_parts("no-colon") == ("no-colon",)
