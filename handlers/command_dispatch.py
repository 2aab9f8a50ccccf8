"""A command sent (/110, /new, /lang ...): its step, and the words typed after it, which
answer the question it asks (/110 烤房停电了, /complain 配送员态度差)."""

from __future__ import annotations

from dataclasses import replace

from core.enums import Kind
from handlers import (
    alarm_check,
    alarm_intake,
    intake,
    registration_left,
    registration_shared,
    team_commands,
)
from handlers.alarm_what import alarm_what, raises_at_once, unsure
from handlers.beside_draft import beside_the_draft
from handlers.beside_registration import beside_registration
from handlers.context import Ctx
from handlers.draft_step import draft_step
from handlers.entries import COMMANDS, Step
from handlers.incoming import command_words
from handlers.leave_flow import leave_flow
from handlers.menu import say_help
from handlers.registration_now import keeping_voices, registering, voice_kept_for_110
from handlers.tickets import Gathered, typed_alarm

# Commands whose words after them answer the question the command asks: /110 烤房停电了 is
# the alarm's description, /complain 配送员态度差 the complaint's words.
_BEGUN_WITH_WORDS = {
    "110": Kind.EMERGENCY,
    "sos": Kind.EMERGENCY,
    "new": Kind.REQUEST,
    "complain": Kind.COMPLAINT,
    "suggest": Kind.SUGGESTION,
    "wish": Kind.WISH,
}
# The commands that read the words after them (/start's QR payload, /echo's on or off).
READS_WORDS = frozenset(("start", "echo", *_BEGUN_WITH_WORDS))

# Commands said aside, which leave what the person was doing as it was: /lang or /help
# half-way through a draft or registration, whose next answer still goes there.
_ASIDE = frozenset(("cancel", "lang", "help"))
# Commands that only show or set something of the person's own (their tickets, the help,
# whether the echo wall shows theirs): a draft being written waits beside them, named so
# that they know it is not submitted and how to go on, rather than dropped for a look at /my.
_BESIDE_A_DRAFT = frozenset(("my", "help", "echo"))


async def on_command(ctx: Ctx, name: str) -> None:
    step = COMMANDS.get(name) or team_commands.COMMANDS.get(name)
    if step is None:
        ctx.say("unknown_command", name=name[:32])
        say_help(ctx)
        return
    words = command_words(ctx.msg.text) if name in _BEGUN_WITH_WORDS else ""
    # A photo or voice note the command came on (the barn's photo captioned /110) answers
    # its question as words after it do; it is not dropped for the question to be asked.
    sent = ctx.msg.photo_file_id or ctx.msg.voice_file_id
    if name in _BEGUN_WITH_WORDS and (words or sent):
        await _begun_with_words(ctx, _BEGUN_WITH_WORDS[name], words)
        return
    if _BEGUN_WITH_WORDS.get(name) is Kind.EMERGENCY and voice_kept_for_110(ctx):
        await registration_shared.alarm(ctx)
        return
    if name in _BESIDE_A_DRAFT and intake.draft_words(ctx) is not None:
        await beside_the_draft(ctx, lambda: _taken(ctx, step))
        return
    if name in _BESIDE_A_DRAFT and registering(ctx):
        await beside_registration(ctx, lambda: step(ctx))
        return
    # /cancel leaves what registration kept with it; /lang leaves it going on, as does
    # /start, which goes on at the question it was at (`registration.start`), unless a
    # staff invite's (it may make them staff, whose registration asks other things).
    aside = name in _ASIDE or (name == "start" and registering(ctx) and not _invited(ctx))
    voices = [] if aside else registration_left.kept_voices(ctx)
    if not aside and ctx.conv is not None and name in COMMANDS:
        # A new command leaves the old conversation; a 110 call it leaves goes out first.
        await alarm_intake.file_unplaced_alarm(ctx)
        await leave_flow(ctx)
    await step(ctx)
    await registration_left.carry(ctx, voices)


async def _begun_with_words(ctx: Ctx, kind: Kind, words: str) -> None:
    """/110 烤房停电了, /complain 配送员态度差 (or typed with a Chinese keyboard's slash, or
    as a photo's caption): the command, then its words and the photo as the answer to its
    question, asked or not: the alarm goes out at once, as when they are sent at
    请说明出了什么问题. A request's draft being written goes with the alarm, as when its
    next words say the barn fails (`draft_step`); with words that raise none at once (算了,
    我就问问), it is said not to be submitted, as for any other command."""
    ctx.msg = replace(ctx.msg, command=None, args=(), text=words)
    draft = _request_draft(ctx) if kind is Kind.EMERGENCY else None
    # A 110 call takes them below (`registration_shared.kept_for_alarm`); other drafts here.
    voices = registration_left.kept_voices(ctx) if kind is not Kind.EMERGENCY else []
    if draft is not None and typed_alarm(ctx) and unsure(ctx):
        # "/110 上次停电修好了" in a draft: asked about, the draft kept for either answer.
        request = replace(draft, kind=Kind.REQUEST)
        asked = "\n".join(w for w in (request.text, words) if w)
        await ctx.end_flow()
        await alarm_check.ask(ctx, asked, Kind.REQUEST, draft=request, resume=True)
        return
    if draft is not None and not raises_at_once(ctx):
        draft = None
    if kind is Kind.EMERGENCY and keeping_voices(ctx):
        # At a registration question, the voice notes and location kept for a 110 call go
        # with it, as with 110 or 烤房停电了 typed there; so do those held after it.
        draft = registration_shared.kept_for_alarm(ctx)
    if draft is not None:
        await ctx.end_flow()
    elif ctx.conv is not None:
        await alarm_intake.file_unplaced_alarm(ctx)
        await leave_flow(ctx)
    if kind is Kind.EMERGENCY:
        alarm = draft or Gathered(kind=Kind.EMERGENCY, text="")
        await ctx.start_flow(alarm_intake.EMERGENCY, "what", alarm.to_data())
        await alarm_what(ctx)
    elif await intake.begin_described(ctx, kind):
        await draft_step(ctx)
    await registration_left.carry(ctx, voices)


def _request_draft(ctx: Ctx) -> Gathered | None:
    """The request's draft being written, ready to become an alarm; None when there is none."""
    if ctx.conv is None or ctx.conv.flow != intake.TICKET:
        return None
    draft = Gathered.from_data(ctx.conv.data)
    if draft.kind is not Kind.REQUEST:
        return None  # a complaint or a suggestion is no part of a barn's alarm
    if draft.site_code == ctx.user.site_code:
        draft.site_code = None  # theirs by default: a barn named in the words goes first
    return replace(draft, kind=Kind.EMERGENCY, calm=False)


async def _taken(ctx: Ctx, step: Step) -> bool:
    """`step`, run beside a draft (`beside_the_draft`): it takes the message."""
    await step(ctx)
    return True


def _invited(ctx: Ctx) -> bool:
    """/start from a staff invite (its deep link)."""
    return (ctx.msg.deep_link or "").startswith("join_")
