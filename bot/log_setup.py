"""The process log: one format for every process, and never the bot's credentials.

A Bot API URL carries the bot token, and httpx (python-telegram-bot's client, which sends
the outbox on both frameworks) logs every request's URL at INFO; a library's error may
quote it too. Whoever reads the log (journald, a log shipper) must not be able to run the
bot with it, so the token's secret half and the webhook secret are masked in every line,
tracebacks included, whichever library wrote it.
"""

from __future__ import annotations

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "<hidden>"


class RedactingFormatter(logging.Formatter):
    """`inner`'s lines with each of `secrets` replaced by MASK."""

    def __init__(self, inner: logging.Formatter, secrets: tuple[str, ...]) -> None:
        super().__init__()
        self.inner, self.secrets = inner, secrets

    def format(self, record: logging.LogRecord) -> str:
        line = self.inner.format(record)
        for secret in self.secrets:
            line = line.replace(secret, MASK)
        return line


def secret_parts(token: str | None, webhook_secret: str | None = None) -> tuple[str, ...]:
    """What must not be logged: the token after its bot id (the id is public, and keeps
    the lines readable), and the webhook secret."""
    parts = [token.partition(":")[2] or token] if token else []
    if webhook_secret:
        parts.append(webhook_secret)
    return tuple(p for p in parts if p)


def configure_logging(level: str, secrets: tuple[str, ...] = ()) -> None:
    """Log to stderr at `level`, with `secrets` masked in every line."""
    logging.basicConfig(level=level.upper(), format=FORMAT)
    for handler in logging.getLogger().handlers:
        inner = handler.formatter or logging.Formatter(FORMAT)
        if isinstance(inner, RedactingFormatter):
            inner = inner.inner
        handler.setFormatter(RedactingFormatter(inner, secrets))
