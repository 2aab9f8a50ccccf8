"""The entries a requester opens: the commands and the main menu's buttons."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from core.enums import Kind, Script
from core.numbers import parse_public_number
from handlers import alarm_intake, alarm_place, intake, mine, registration, shop_details
from handlers.context import Ctx
from handlers.echo_withdrawal import withdraw_echo_posts_of
from handlers.menu import say_help
from handlers.replies import Button, rows
from handlers.staff import is_oversight
from handlers.tickets import may_have_barn, open_emergency
from handlers.typed_menu import PHONE
from routing import bare, to_simplified

Step = Callable[[Ctx], Awaitable[None]]
COMMANDS: dict[str, Step] = {}


def command(*names: str) -> Callable[[Step], Step]:
    def register(step: Step) -> Step:
        for name in names:
            COMMANDS[name] = step
        return step

    return register


@command("start")
async def _start(ctx: Ctx) -> None:
    await registration.start(ctx)
    if ctx.conv is None:  # not while the phone is asked of someone registered without it
        shop_details.remind_once(ctx)


@command("help")
async def show_help(ctx: Ctx) -> None:
    say_help(ctx)
    if await is_oversight(ctx):
        # /queue, /ticket, /stats, /ledger, /reassign are theirs too; the team group's
        # buttons and /duty are not what a supervisor asks about in a private chat.
        ctx.say("sv_help" if ctx.msg.is_private else "t_help")


@command("cancel")
async def _cancel(ctx: Ctx) -> None:
    if ctx.conv is None:
        ctx.say("nothing_to_cancel", keyboard="remove")
        return
    if ctx.conv.flow == alarm_intake.PLACE:
        await alarm_place.skip(ctx)  # only the question ends: the alarm stays out
        return
    if ctx.conv.flow == registration.REGISTER:
        await registration.leave(ctx)  # and how to register later, with the menu
        return
    await ctx.end_flow()
    ctx.say("cancelled", keyboard="remove")


@command("lang")
async def _lang(ctx: Ctx) -> None:
    ctx.say("lang_ask", rows(Button("简体中文", "lang:hans"), Button("繁體中文", "lang:hant")))


def set_script(ctx: Ctx, script: Script) -> None:
    """The script chosen (/lang's button, or "繁體" typed): theirs from now on, whatever
    they write."""
    ctx.user.script, ctx.user.script_chosen = script, True
    ctx.script = script
    ctx.say("lang_set_hant" if script is Script.HANT else "lang_set")
    if ctx.conv is not None and ctx.conv.flow == registration.REGISTER:
        # The question waiting is put again in the script chosen, its buttons too: they
        # were shown in the one before.
        registration.ask_again(ctx)


@command("110", "sos")
async def _emergency(ctx: Ctx) -> None:
    await alarm_intake.start_emergency(ctx)


async def _emergency_pressed(ctx: Ctx) -> None:
    """The menu's 🚨 110: during an open call, that call and what can be done about it (the
    typed 报警 says the same); /110 and 🚨 另一处烤房报警 raise another at once."""
    call = await open_emergency(ctx) if may_have_barn(ctx) else None
    if call is not None:
        alarm_intake.say_call_on(ctx, call)
        return
    await alarm_intake.start_emergency(ctx)


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


# What /echo's words may be: off the wall, or on it (the usage reply says 不公开 and 允许, in
# either script, and a farmer may type them rather than off and on).
_ECHO_WORDS = {
    **dict.fromkeys(("off", "关", "关闭", "不公开", "不要公开", "不允许", "不同意"), True),
    **dict.fromkeys(("on", "开", "打开", "公开", "允许", "允许公开", "同意"), False),
}


@command("echo")
async def _echo(ctx: Ctx) -> None:
    opt_out = _ECHO_WORDS.get(bare(to_simplified("".join(ctx.msg.args))).lower())
    if opt_out is None:
        ctx.say("echo_usage")
        return
    ctx.user.echo_opt_out = opt_out
    if opt_out:
        await withdraw_echo_posts_of(ctx, ctx.user.id)
    said = "echo_off" if ctx.user.echo_opt_out else "echo_on"
    ctx.say(said if ctx.cfg.echo_wall_chat is not None else f"{said}_no_wall")


@command("my")
async def _my(ctx: Ctx) -> None:
    typed = "".join(ctx.msg.args)
    if typed and await _numbered_mine(ctx, typed):
        return
    await mine.list_mine(ctx)


async def _numbered_mine(ctx: Ctx, typed: str) -> bool:
    """/my 10019: that ticket of theirs, as its number typed alone shows it, not the list
    it would have to be found in. A number mistyped or not theirs is said so, then the list
    (False); words that are no number are left for the list alone."""
    if not any(ch.isdigit() for ch in typed):
        return False
    ticket_id = parse_public_number(typed)
    ticket = await ctx.uow.tickets.get(ticket_id) if ticket_id is not None else None
    if ticket is not None and ticket.requester_id == ctx.user.id:
        await mine.show(ctx, ticket)
        return True
    if ticket_id is None:
        ctx.say("number_mistyped", number=typed[:20])
    else:
        ctx.say("not_your_ticket")
    return False


MENU: dict[str, Step] = {
    "m:110": _emergency_pressed,
    alarm_intake.ANOTHER_BARN: _emergency,
    "m:new": _new,
    "m:complain": _complain,
    "m:suggest": _suggest,
    "m:wish": _wish,
    "m:my": _my,
    "m:reg": registration.start_registration,
    PHONE: registration.change_phone,
    registration.SHOP_ENTRY: shop_details.ask_shop_only,
}
