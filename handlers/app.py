"""The desk: one Incoming event in, one transaction, neutral replies out."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from core.enums import Kind, Script
from core.errors import (
    ConcurrentUpdate,
    ConnectionLost,
    DomainError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
)
from core.model import User
from handlers import intake, mine, registration, team, team_commands
from handlers.context import Ctx, Services
from handlers.i18n import choose_script, t
from handlers.incoming import Incoming
from handlers.menu import main_menu
from handlers.replies import Button, Outcome, Reply, rows
from handlers.tickets import Gathered
from routing import detect_script
from storage.uow import Database

log = logging.getLogger(__name__)
Step = Callable[[Ctx], Awaitable[None]]
ATTEMPTS = 3  # a step refused by a race or a lost connection runs again, this many in all

FLOWS: dict[str, Step] = {
    registration.REGISTER: registration.registration_step,
    intake.EMERGENCY: intake.emergency_step,
    intake.TICKET: intake.ticket_step,
    mine.ADD_INFO: mine.flow_step,
    mine.RATE: mine.flow_step,
    mine.REOPEN: mine.flow_step,
    **team.FLOWS,
}
_ERROR_KEYS = {
    PermissionDenied: "permission_denied",
    IllegalTransition: "stale_button",
    NotFound: "not_your_ticket",
}


class Desk:
    """Handles events for every adapter (python-telegram-bot, aiogram, console)."""

    def __init__(self, db: Database, services: Services) -> None:
        self.db = db
        self.svc = services

    async def handle(self, msg: Incoming) -> Outcome:
        for attempt in range(1, ATTEMPTS + 1):
            last = attempt == ATTEMPTS
            try:
                return await self._handle_once(msg)
            except ConcurrentUpdate:
                # Someone changed the ticket between our read and write, or PostgreSQL broke
                # a deadlock between two chats' steps: run the step again on fresh data,
                # where it meets the new state and says so (e.g. who accepted).
                if last:
                    log.warning("update %s lost %d races in a row", msg.update_key, ATTEMPTS)
                    return _apology("stale_button" if msg.is_button else "error", msg)
            except ConnectionLost:
                # A pooled connection died mid-step (database restart): again on a fresh one.
                if last:
                    log.exception("update %s: every try lost its connection", msg.update_key)
                    return _apology("error", msg)
                log.warning("update %s: database connection lost; running it again", msg.update_key)
            except DomainError as exc:
                key = next((k for cls, k in _ERROR_KEYS.items() if isinstance(exc, cls)), "error")
                return _apology(key, msg)
            except Exception:
                log.exception("update %s failed; nothing was saved", msg.update_key)
                return _apology("error", msg)
        raise AssertionError("unreachable")

    async def _handle_once(self, msg: Incoming) -> Outcome:
        now = self.svc.clock()
        async with self.db.uow() as uow:
            if not await uow.inbox.claim(msg.update_key, now):
                return Outcome(duplicate=True)
            user, conv = await uow.users.get_with_conversation(msg.user_id, msg.chat_id)
            known = user is not None
            if user is None:
                user = User(id=msg.user_id, created_at=now, language_code=msg.language_code)
            before = user.details()
            script = _script_for(user, msg)
            if not user.reachable:
                # They wrote to us, so they can be reached again (they unblocked the bot).
                user.reachable, user.unreachable_since = True, None
            if not user.name and msg.user_name:
                # Until they register, call people by their Telegram name.
                user.name = msg.user_name[:64]
            if not known:
                user.updated_at = now
                await uow.users.add(user)
            ctx = Ctx(self.svc, uow, msg, now, user, script, conv)
            if conv is not None and conv.expires_at <= now:
                await ctx.end_flow()
                if not msg.command:
                    ctx.say("expired")
            await route(ctx)
            if known and user.details() != before:
                user.updated_at = now
            await uow.commit()
        for job in ctx.later:
            try:
                await job()
            except Exception:
                log.exception("update %s: work after the commit failed", msg.update_key)
                ctx.say("error")
        return ctx.out


def _apology(key: str, msg: Incoming) -> Outcome:
    """A failed step's only reply, in the script the person wrote in."""
    return Outcome([Reply(t(key, detect_script(msg.text) or Script.HANS))])


def _script_for(user: User, msg: Incoming) -> Script:
    """Follow the script the person writes in, unless they chose one with /lang."""
    written = detect_script(msg.text)
    if not user.script_chosen:
        if written is not None:
            user.script = written
        elif user.script is None:
            user.script = choose_script(None, msg.language_code, "")
        if msg.language_code:
            user.language_code = msg.language_code
    return user.script or Script.HANS


async def route(ctx: Ctx) -> None:
    msg = ctx.msg
    if not msg.is_private:
        await team_commands.in_group(ctx)
        return
    if msg.is_button:
        await on_button(ctx, msg.callback_data or "")
    elif msg.command:
        await on_command(ctx, msg.command)
    elif msg.unsupported:
        ctx.say("unsupported", what=msg.unsupported)
    elif ctx.conv is not None and ctx.conv.flow in FLOWS:
        await FLOWS[ctx.conv.flow](ctx)
    else:
        await free_message(ctx)


COMMANDS: dict[str, Step] = {}


def command(*names: str) -> Callable[[Step], Step]:
    def register(step: Step) -> Step:
        for name in names:
            COMMANDS[name] = step
        return step

    return register


async def on_command(ctx: Ctx, name: str) -> None:
    step = COMMANDS.get(name) or team_commands.COMMANDS.get(name)
    if step is None:
        ctx.say("help", main_menu(ctx))
        return
    if name not in ("cancel",) and ctx.conv is not None and name in COMMANDS:
        await ctx.end_flow()  # a new command leaves the old conversation
    await step(ctx)


@command("start")
async def _start(ctx: Ctx) -> None:
    await registration.start(ctx)


@command("help")
async def _help(ctx: Ctx) -> None:
    ctx.say("help", main_menu(ctx))


@command("cancel")
async def _cancel(ctx: Ctx) -> None:
    if ctx.conv is None:
        ctx.say("nothing_to_cancel", keyboard="remove")
        return
    await ctx.end_flow()
    ctx.say("cancelled", keyboard="remove")


@command("lang")
async def _lang(ctx: Ctx) -> None:
    ctx.say("lang_ask", rows(Button("简体中文", "lang:hans"), Button("繁體中文", "lang:hant")))


@command("110", "sos")
async def _emergency(ctx: Ctx) -> None:
    await intake.start_emergency(ctx)


@command("new")
async def _new(ctx: Ctx) -> None:
    await intake.start_ticket(ctx, Kind.REQUEST)


@command("complain")
async def _complain(ctx: Ctx) -> None:
    await intake.start_ticket(ctx, Kind.COMPLAINT)


@command("suggest")
async def _suggest(ctx: Ctx) -> None:
    await intake.start_ticket(ctx, Kind.SUGGESTION)


@command("wish")
async def _wish(ctx: Ctx) -> None:
    await intake.start_ticket(ctx, Kind.WISH)


@command("echo")
async def _echo(ctx: Ctx) -> None:
    choice = ctx.msg.args[0].lower() if ctx.msg.args else ""
    if choice not in ("on", "off"):
        ctx.say("echo_usage")
        return
    ctx.user.echo_opt_out = choice == "off"
    ctx.say("echo_off" if ctx.user.echo_opt_out else "echo_on")


@command("my")
async def _my(ctx: Ctx) -> None:
    await mine.list_mine(ctx)


MENU: dict[str, Step] = {
    "m:110": _emergency,
    "m:new": _new,
    "m:complain": _complain,
    "m:suggest": _suggest,
    "m:wish": _wish,
    "m:my": _my,
    "m:reg": registration.start_registration,
}


async def on_button(ctx: Ctx, data: str) -> None:
    if data in MENU:
        if ctx.conv is not None:
            await ctx.end_flow()
        await MENU[data](ctx)
    elif data.startswith("lang:") and data[5:] in ("hans", "hant"):
        ctx.user.script, ctx.user.script_chosen = Script(data[5:]), True
        ctx.script = ctx.user.script
        ctx.say("lang_set_hant" if ctx.script is Script.HANT else "lang_set")
    elif data.startswith("my:"):
        await mine.on_button(ctx, data)
    elif data.startswith("f:") and ctx.conv is not None and ctx.conv.flow in FLOWS:
        await FLOWS[ctx.conv.flow](ctx)
    elif data.startswith("tk:"):
        await team.on_button(ctx, data)
    elif data.startswith("sv:"):
        await team.on_supervisor_button(ctx, data)
    else:
        ctx.toast("stale_button")
        ctx.say("stale_button")


async def free_message(ctx: Ctx) -> None:
    """Outside a conversation: an answer to a waiting ticket, a 110 call, or a new request."""
    msg = ctx.msg
    text = msg.text.strip()
    waiting = await ctx.uow.tickets.waiting_for(ctx.user.id)
    if waiting is not None and (text or msg.photo_file_id):
        await mine.add_info(ctx, waiting, text, msg.photo_file_id, answer=True)
        ctx.say("answer_added", number=waiting.label)
        return
    if msg.voice_file_id or msg.photo_file_id or msg.location:
        # Something sent without words: treat a voice note as a possible emergency.
        first = Gathered(kind=Kind.EMERGENCY, text=text)
        if msg.voice_file_id:
            first.voices.append(msg.voice_file_id)
            await intake.start_emergency(ctx, first)
            return
        ctx.say("need_text")
        return
    if not text:
        ctx.say("empty")
        return
    if len(text) > ctx.cfg.limits.max_text:
        ctx.say("too_long", length=len(text), limit=ctx.cfg.limits.max_text)
        return
    decision = ctx.svc.router.route(text, area=ctx.user.area, site=ctx.user.site_code)
    if decision.emergency:
        await intake.start_emergency(ctx, Gathered(kind=Kind.EMERGENCY, text=text))
        return
    kind = decision.kind if decision.kind in (Kind.COMPLAINT, Kind.SUGGESTION) else Kind.REQUEST
    await intake.start_ticket(ctx, kind, text)
