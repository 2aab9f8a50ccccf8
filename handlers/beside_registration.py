"""A look taken half-way through registration (/my, 📋 我的工单, /help, /echo, or 我的工单
and 帮助 typed): what it shows is shown, and registration waits at its question, put again
with its buttons and keyboard, as a draft waits beside the same looks (`beside_draft`).
Nothing answered so far is dropped, nor a voice note kept for a 110 call."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from handlers import mine, registration
from handlers.context import Ctx
from handlers.entries import show_help
from handlers.registration_now import registering
from handlers.typed_menu import HELP, menu_key


async def beside_registration(ctx: Ctx, step: Callable[[], Awaitable[object]]) -> None:
    """Run `step` while registration waits; it is then said not to be finished and its
    question asked again, unless the step has begun something else in its place."""
    await step()
    if registering(ctx):
        registration.go_on(ctx)


async def look_typed_at_registration(ctx: Ctx) -> bool:
    """我的工单, 查一下进度 or 帮助 typed alone at a registration question: never its answer
    (a name, a town), nor a matter of their own to leave it for; shown as /my or /help
    shows it, beside the registration."""
    msg = ctx.msg
    if not registering(ctx) or msg.is_button or msg.command or not msg.text.strip():
        return False
    if msg.photo_file_id or msg.voice_file_id or msg.location or msg.contact:
        return False
    key = menu_key(msg.text)
    if key not in ("m:my", HELP):
        return False
    await beside_registration(ctx, lambda: show_help(ctx) if key == HELP else mine.list_mine(ctx))
    return True
