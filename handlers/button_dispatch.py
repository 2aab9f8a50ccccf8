"""A button pressed: a menu entry, a script, a ticket's button, a conversation's own, a barn
of a place question, or a staff button; an old one is said to be stale."""

from __future__ import annotations

from core.enums import Script
from handlers import (
    alarm_intake,
    alarm_place,
    answers,
    intake,
    mine,
    registration,
    registration_left,
    registration_shared,
    team_commands,
)
from handlers.beside_draft import beside_the_draft
from handlers.beside_registration import beside_registration
from handlers.context import Ctx
from handlers.entries import MENU, set_script
from handlers.flows import FLOWS
from handlers.leave_flow import leave_flow
from handlers.menu import may_raise_110, say_110_not_theirs
from handlers.registration_now import registering, voice_kept_for_110
from handlers.tickets import may_have_barn, open_emergency


async def on_button(ctx: Ctx, data: str) -> None:
    held = data == registration_shared.VOICE_ALARM and registration_left.holding(ctx)
    if (data == "m:110" or held) and voice_kept_for_110(ctx):
        await registration_shared.alarm(ctx)
    elif data == "m:110" and not may_raise_110(ctx):
        # Half-way through an update, the menu is of what is registered, and the update its
        # 🚨 110 leaves is put back: a farmer's 110 is theirs, and so is the 110 of someone
        # who has just answered 烟农 (`may_raise_110`).
        await beside_the_draft(ctx, lambda: _110_not_theirs(ctx))
    elif data == "m:my" and intake.draft_words(ctx) is not None:
        # 📋 我的工单 is a look at what was filed: the draft being written waits, as at /my.
        await beside_the_draft(ctx, lambda: _mine_listed(ctx))
    elif data == "m:my" and registering(ctx):
        await beside_registration(ctx, lambda: mine.list_mine(ctx))  # as at /my
    elif data in MENU:
        voices = registration_left.kept_voices(ctx)
        if ctx.conv is not None:
            await leave_flow(ctx, registering_goes_on=_registering_goes_on(ctx, data))
        await MENU[data](ctx)
        await registration_left.carry(ctx, voices)  # into the draft it began, or held
    elif data.startswith("lang:") and data[5:] in ("hans", "hant"):
        set_script(ctx, Script(data[5:]))
    elif data.startswith(answers.PRESSED):
        await answers.pressed(ctx, data)
    elif data.startswith("my:"):
        # An old notice's or /my's button pressed half-way through a draft: the draft is
        # named, kept or said to be left, never dropped without a word.
        await beside_the_draft(ctx, lambda: _mine_pressed(ctx, data))
    elif await intake.summary_pressed(ctx, data):
        pass
    elif data == registration_shared.VOICE_ALARM and not registering(ctx):
        await _voice_alarm_late(ctx)
    elif data.startswith("f:site:") and _writing_a_draft(ctx) and await _barn_pressed_in_draft(ctx):
        pass
    elif data.startswith("f:") and ctx.conv is not None and ctx.conv.flow in FLOWS:
        await FLOWS[ctx.conv.flow](ctx)
    elif data.startswith("f:site:") and await _barn_pressed_late(ctx):
        pass
    elif not await team_commands.staff_button(ctx, data):
        ctx.refuse("stale_button")  # the popup says it; a chat message would say it twice


async def _110_not_theirs(ctx: Ctx) -> bool:
    """🚨 110 of the welcome pressed by someone who has said they are staff or a retailer:
    what it is for; a registration going on asks its question again, a draft goes on."""
    say_110_not_theirs(ctx)
    if registering(ctx):
        registration.ask_again(ctx)
    return True


async def _mine_listed(ctx: Ctx) -> bool:
    await mine.list_mine(ctx)
    return True


async def _mine_pressed(ctx: Ctx, data: str) -> bool:
    await mine.on_button(ctx, data)
    return True


def _registering_goes_on(ctx: Ctx, data: str) -> bool:
    """Whether the menu entry pressed begins registering again afresh (👤 登记信息, which
    shows what is registered) or goes on with it a shorter way (🏪 只改店名、许可证号,
    offered by the update itself, before anything in it changed): leaving an update for
    it leaves no update unfinished, and saying so would stand above the question asked
    for. 🏪 pressed after a new name was typed puts the name back, which is said."""
    if data == "m:reg":
        return True
    return data == registration.SHOP_ENTRY and registration.update_changed_nothing(ctx)


async def _voice_alarm_late(ctx: Ctx) -> None:
    """「🚨 马上报警」 pressed after the registration that offered it ended: an alarm is never a
    stale button. During an open call, that call is shown (no second page); otherwise what
    the conversation holds goes out as the call (the draft its voice notes were carried
    into, with its photos); with nothing held (/cancel dropped them), what is wrong is asked."""
    call = await open_emergency(ctx) if may_have_barn(ctx) else None
    if call is not None:
        alarm_intake.say_call_on(ctx, call)
        return
    held = registration_left.held_for_alarm(ctx)
    if held is not None:
        await ctx.end_flow()
        await alarm_intake.start_emergency(ctx, held)
        return
    if ctx.conv is not None:
        await leave_flow(ctx)
    await alarm_intake.start_emergency(ctx)


def _writing_a_draft(ctx: Ctx) -> bool:
    return ctx.conv is not None and ctx.conv.flow == intake.TICKET


async def _barn_pressed_in_draft(ctx: Ctx) -> bool:
    """A barn of the open call's place question pressed while a draft is written (the
    farmer went on to /new): it places the call as after the menu, and the draft, which
    offers no barns, goes on where it was, named so that they know it is not submitted."""
    assert ctx.conv is not None
    flow, step, data = ctx.conv.flow, ctx.conv.step, dict(ctx.conv.data)
    if not await _barn_pressed_late(ctx):
        return False
    await ctx.start_flow(flow, step, data)
    left = intake.draft_words(ctx)
    if left is not None:
        ctx.say("draft_goes_on", words=left)
    return True


async def _barn_pressed_late(ctx: Ctx) -> bool:
    """A barn button of a place question that has ended (the farmer went to the menu): it
    places their open 110 call, if that has no place yet (`alarm_place.placed_late`)."""
    return await alarm_place.placed_late(ctx, await open_emergency(ctx))
