"""Whether a registration is under way, and whether a voice note it kept is waiting for the
110 call it was promised to (`registration_shared.voice_kept`)."""

from __future__ import annotations

from handlers import registration, registration_left, registration_shared
from handlers.context import Ctx


def registering(ctx: Ctx) -> bool:
    return ctx.conv is not None and ctx.conv.flow == registration.REGISTER


def keeping_voices(ctx: Ctx) -> bool:
    """At a registration question, or with its voice notes held after it."""
    return registering(ctx) or registration_left.holding(ctx)


def voice_kept_for_110(ctx: Ctx) -> bool:
    """A voice note was sent at a registration question before /110 or 🚨 110: it says
    what is wrong, as 「🚨 马上报警」 beside it would send it, not asked for again. So it
    does after registration, while they are held (`registration_shared.HELD`)."""
    return keeping_voices(ctx) and registration_shared.voices_kept(ctx)
