"""Where an event goes: a chat move, an edit, a button, a command, a script's name typed,
a conversation's next step (`flows.FLOWS`), or a message read afresh (`free_text`)."""

from __future__ import annotations

from dataclasses import replace

from handlers import (
    phones,
    registration,
    registration_left,
    registration_shared,
    registration_typed,
    team_commands,
    team_notes,
)
from handlers.alarm_intake import EMERGENCY
from handlers.beside_registration import look_typed_at_registration
from handlers.button_dispatch import on_button
from handlers.chat_moves import on_chat_move
from handlers.command_dispatch import READS_WORDS, on_command
from handlers.context import Ctx
from handlers.entries import COMMANDS, MENU, Step
from handlers.flows import FLOWS
from handlers.free_text import free_message
from handlers.i18n import kind_named
from handlers.incoming import ime_command
from handlers.menu import may_raise_110
from handlers.notes_elsewhere import note_waits_elsewhere
from handlers.registration_now import keeping_voices, registering, voice_kept_for_110
from handlers.script_typed import lang_step
from handlers.tickets import open_emergency, typed_alarm
from handlers.typed_menu import menu_key


async def route(ctx: Ctx) -> None:
    msg = ctx.msg
    if msg.chat_move is not None:
        await on_chat_move(ctx, *msg.chat_move)
        return
    if msg.edited:
        # Telegram tells us of the edit, but what the first version started (an answer, a
        # filed ticket) stands; silence would let them think the correction counted.
        if msg.is_private:
            ctx.say("edit_not_applied")
        return
    if await team_notes.album_rest(ctx):
        return  # a photo more of the album a card's note came with
    left = await team_notes.leave_note(ctx)
    await _route_on(ctx)
    await phones.own_phone_question_passed(ctx)
    if left is not None:
        await team_notes.left_or_kept(ctx, left)


async def _route_on(ctx: Ctx) -> None:
    msg = ctx.msg
    if not msg.is_private:
        own = msg.command in COMMANDS and msg.command not in team_commands.COMMANDS
        if own and msg.command != "cancel":
            await team_commands.private_only(ctx)  # /my, /110: a person's own business
        else:
            await team_commands.in_group(ctx)
        return
    if msg.unsupported and msg.text.strip():
        # A video or a file (a photo sent as one) with words: the words are read as typed
        # (大坪烤房停电了 raises the alarm), and they are told the file itself is not kept.
        await team_notes.say_file_not_kept(ctx)
        ctx.msg = msg = replace(msg, unsupported=None)
    typed = None if msg.command or msg.is_button else ime_command(msg.text)
    if typed is not None and typed[0] in COMMANDS and (typed[0] in READS_WORDS or not typed[1]):
        # "／start" from a Chinese keyboard: the command meant, not words of a request. One
        # that reads no words ("、help 烤房停电了") leaves them to be read as typed.
        ctx.msg = msg = replace(msg, command=typed[0], args=typed[1])
    if msg.is_button:
        await on_button(ctx, msg.callback_data or "")
    elif msg.command:
        await on_command(ctx, msg.command)
    elif (lang := await _typed_lang(ctx)) is not None:
        await lang(ctx)  # "繁體" typed, in a draft too: /lang as its button, not words of it
    elif team_notes.not_for_the_note(ctx):
        # A card's prompt in the member's own chat (a page to the one on duty) is answered
        # as in the team's: not as a requester's message, nor their own phone number.
        team_notes.say_not_kept(ctx)
    elif msg.unsupported:
        at_question = registering(ctx)
        key = "unsupported_at_question" if at_question else "unsupported"
        ctx.say(key, what=_kind_named(ctx, msg.unsupported))
        if at_question:
            registration.ask_again(ctx)  # what answers it, rather than "a photo or a voice note"
    elif msg.contact is not None and (ctx.conv is None or ctx.conv.flow != registration.REGISTER):
        await phones.shared(ctx, await open_emergency(ctx))
    elif menu_key(msg.text) == "m:110" and voice_kept_for_110(ctx):
        await registration_shared.alarm(ctx)  # "110", "报警" typed after a voice note
    elif keeping_voices(ctx) and typed_alarm(ctx):
        # Registering can wait; a barn emergency typed meanwhile cannot (the prompt says so).
        # Typed while the voice notes of a registration left are held, it takes them too.
        await registration_shared.alarm(ctx, msg.text.strip())
    elif await look_typed_at_registration(ctx):
        pass  # 我的工单 or 帮助 typed at a question: shown, the registration waiting
    elif registering(ctx) and (
        registration_typed.is_a_request(ctx)
        or await registration_shared.voice_for_a_ticket(ctx)
        or await registration_shared.rating_for_a_ticket(ctx)
        or await registration_shared.verdict_for_a_ticket(ctx)
    ):
        # A question typed where registration expected an answer: it is not lost, and not
        # taken as a name; registration can be finished later. So is a voice note that an
        # open call, or a team's question, takes as it would outside registration, and
        # 评价一下 while a ticket awaits their verdict.
        if ctx.too_long(msg.text.strip()):
            return  # said so; no "先处理您的问题" for words that cannot be taken
        said = registration.left_for_a_matter(ctx)
        voices = registration_left.kept_voices(ctx)
        # 110 or 报警 typed, as 🚨 110 pressed, raises the call for one whose barn it may be
        # as registered or as just answered (烟农): leaving puts the registration back.
        alarm = menu_key(msg.text) == "m:110" and may_raise_110(ctx)
        await ctx.end_flow()  # registering again, they stay registered as they were
        ctx.say(said)
        if alarm:
            await MENU["m:110"](ctx)
        else:
            await free_message(ctx)
        await registration_left.carry(ctx, voices)  # into the draft it began, or the alarm
    elif ctx.conv is not None and ctx.conv.flow in FLOWS:
        await FLOWS[ctx.conv.flow](ctx)
    elif ctx.conv is None and await note_waits_elsewhere(ctx):
        pass  # a card's note pressed for in the team's group, typed here
    else:
        await free_message(ctx)


def _kind_named(ctx: Ctx, kind: str) -> str:
    """What they sent, named in their language (a kind without a name: "这类消息")."""
    return ctx.text(kind_named(kind))


async def _typed_lang(ctx: Ctx) -> Step | None:
    """What a script's name typed alone does ("繁體", "换成简体": that script; "语言": /lang's
    question), as /lang and its buttons would: an aside, the conversation going on. Not
    while a team waits for the person's answer (需补充) and the message goes to it: "繁体"
    may answer 您要繁体还是简体的说明？, as a menu entry's name may (`free_text`)."""
    msg = ctx.msg
    if msg.photo_file_id or msg.voice_file_id or not msg.text.strip():
        return None
    lang = lang_step(menu_key(msg.text))
    if lang is None:
        return None
    if ctx.conv is not None and (ctx.conv.flow, ctx.conv.step) == (EMERGENCY, "what"):
        # 请说明出了什么问题 waits: its step chooses the script and asks it again, in the
        # script chosen, as after "/110 繁體" (`alarm_what`).
        return None
    to_free_text = ctx.conv is None or FLOWS.get(ctx.conv.flow) is free_message
    if to_free_text and list(await ctx.uow.tickets.waiting_for(ctx.user.id)):
        return None
    return lang
