"""The durable outbox sender: messages to other people, sent within Telegram's limits.

Wiring (in the bot process)::

    transport = PtbTransport(application.bot)
    sender = OutboxSender(db, cfg, transport)
    stop = asyncio.Event()
    task = asyncio.create_task(sender.run(stop))
    ...
    stop.set(); await task  # finishes the round in progress, gives back the rest
"""

from __future__ import annotations

from bot.outbox.clock import Clock, SimulatedClock, SystemClock
from bot.outbox.delivery import SenderSettings
from bot.outbox.ratelimit import RateLimiter, RateLimits
from bot.outbox.render import split_text
from bot.outbox.sender import OutboxSender
from bot.outbox.transport import Buttons, PtbTransport, Transport

__all__ = [
    "Buttons",
    "Clock",
    "OutboxSender",
    "PtbTransport",
    "RateLimiter",
    "RateLimits",
    "SenderSettings",
    "SimulatedClock",
    "SystemClock",
    "Transport",
    "split_text",
]
