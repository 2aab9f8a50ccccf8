"""Where an event goes: a conversation's next step, a command, a button, or a message
read afresh (`free_text`)."""

from __future__ import annotations

from dataclasses import replace

from core.enums import Kind, Script
from core.texts import one_line
from handlers import (
    alarm_check,
    alarm_intake,
    alarm_place,
    answers,
    intake,
    mine,
    phones,
    rating,
    registration,
    registration_left,
    registration_shared,
    registration_typed,
    team_commands,
    team_notes,
)
from handlers.chat_moves import on_chat_move
from handlers.context import Ctx
from handlers.entries import COMMANDS, MENU, Step, set_script, show_help
from handlers.free_text import alarm_place_step, free_message
from handlers.i18n import kind_named, quoted
from handlers.incoming import command_words, ime_command
from handlers.menu import say_help
from handlers.tickets import (
    ABOUT_THE_SERVICE,
    Gathered,
    is_greeting,
    may_have_barn,
    open_emergency,
    routed,
    said_of_the_service,
    typed_alarm,
)
from handlers.typed_menu import HELP, LANG, LANG_HANS, LANG_HANT, calls_off, menu_key
from routing import bare, to_simplified

FLOWS: dict[str, Step] = {
    registration.REGISTER: registration.registration_step,
    # While the answer waits for a ticket to be pressed, a message is read afresh: more of
    # the answer joins it (`answers`), and anything else goes its own way.
    answers.ANSWER_WHICH: free_message,
    **team_notes.FLOWS,
}


# Typed at 请说明出了什么问题: a yes to the alarm that says nothing of what is wrong.
# Not 好的, 嗯 or ok: an acknowledgement as often, asked again as a greeting is.
_YES_TO_IT = frozenset((
    "是", "是的", "对", "对的", "要", "确定", "确认", "报警", "我要报警", "要报警", "快报警",
))  # fmt: skip
_ASKED_AGAIN = "asked_again"


async def _alarm_what(ctx: Ctx) -> None:
    """What is wrong, after /110 or 🚨: words that say it (and a voice note or a photo) file
    the alarm; words that call it off, ask for the menu, greet, or say there is no emergency
    now do not page anyone."""
    assert ctx.conv is not None
    msg = ctx.msg
    if ctx.conv.step == "what" and msg.text and not (msg.photo_file_id or msg.voice_file_id):
        plain = to_simplified(bare(msg.text))
        key = menu_key(msg.text)
        if alarm_check.calls_alarm_off(msg.text):
            await ctx.end_flow()
            ctx.say("e_called_off", keyboard="remove")
            return
        if (lang := _lang_step(key)) is not None:
            # "/110 繁體": the script chosen, as typed anywhere; what is wrong is still asked.
            await lang(ctx)
            ctx.say("e_what")
            return
        if key == HELP or (key in MENU and key != "m:110"):
            await ctx.end_flow()
            await (show_help(ctx) if key == HELP else MENU[key](ctx))
            return
        if not plain or plain in _YES_TO_IT or key == "m:110":
            # 是, 👍, 报警 again: the alarm is wanted, what is wrong is not said. Asked
            # once more; said twice, the team is paged and asks them on the phone.
            if ctx.conv.data.get(_ASKED_AGAIN):
                await alarm_intake.file_alarm(ctx)
                return
            await ctx.goto("what", **{_ASKED_AGAIN: True})
            ctx.say("e_what_again")
            return
        if is_greeting(plain):
            ctx.say("e_what")  # "你好", "谢谢": still, what is wrong?
            return
        if _unsure(ctx):
            await alarm_check.ask(ctx, msg.text)  # "我就问问，现在没事": asked, not paged
            return
    await alarm_intake.emergency_step(ctx)


FLOWS[alarm_intake.EMERGENCY] = _alarm_what


async def _draft_step(ctx: Ctx) -> None:
    """A request's draft takes the next message, unless it is a barn failing now (a photo
    sent first, then 烤房停电了; /new, then 风机不转了): then the alarm goes out at once,
    with what the draft held, instead of waiting for 下一步 and 提交 at 2 a.m. Words that
    may be one but may not (a complaint naming an emergency; anything after 不是，只是咨询;
    a barn perhaps failing, 温控器没反应了) are asked about, the draft kept for either
    answer; words of a past one stay words of the request."""
    assert ctx.conv is not None
    if await _answers_the_question(ctx):
        return
    draft = Gathered.from_data(ctx.conv.data)
    text = ctx.msg.text.strip()
    # A complaint or a suggestion chosen as such (/complain, /suggest) whose words are not
    # one (烤房停电了) may be a barn failing now all the same: asked about, as a complaint
    # naming an emergency is below. Words that are one ("我要投诉，昨晚烤房停电…") stay it.
    chosen = draft.kind if draft.kind in ABOUT_THE_SERVICE else None
    read = draft.kind is Kind.REQUEST or chosen is not None
    decision = routed(ctx) if read and may_have_barn(ctx) else None
    if decision is not None and chosen is not None and said_of_the_service(ctx, text) is chosen:
        decision = None
    # 温控器没反应了 after the controller's photo (or at /new): a barn that may be failing,
    # asked about as the words typed alone are, not left as a request for office hours.
    suspect = decision is not None and bool(decision.suspect) and not draft.calm
    if decision is None or not (decision.emergency or suspect):
        await intake.ticket_step(ctx)
        return
    about = None if decision.danger else chosen or said_of_the_service(ctx, text)
    past = (about is None or chosen is not None) and alarm_check.may_not_be_now(text)
    if past and not decision.danger:
        await intake.ticket_step(ctx)  # "上次停电修好了": more words of the request
        return
    await ctx.end_flow()
    if ctx.msg.photo_file_id:
        draft.photos.append(ctx.msg.photo_file_id)
    if ctx.msg.voice_file_id:
        draft.voices.append(ctx.msg.voice_file_id)
    words = "\n".join(w for w in (draft.text, text) if w)
    if draft.site_code == ctx.user.site_code:
        draft.site_code = None  # theirs by default: a barn named in the words goes first
    # After 不是，只是咨询 even 现在 may be a question of it (刚才停电了，现在已经来电了，…吗):
    # one tap, not a page at night for nothing.
    if not decision.danger and (about is not None or draft.calm or suspect):
        await alarm_check.ask(ctx, words, about or Kind.REQUEST, draft=draft, resume=True)
        return
    alarm = replace(draft, kind=Kind.EMERGENCY, text=words, calm=False)
    await alarm_intake.start_emergency(ctx, alarm)


FLOWS[intake.TICKET] = _draft_step


async def _answers_the_question(ctx: Ctx) -> bool:
    """Telegram's reply to a team's question notice says what it answers: it goes to that
    ticket, whose team waits on it, not into the draft being written meanwhile, which
    stays where it was (and is named, so that they know it is not yet submitted)."""
    replied = await answers.question_replied_to(ctx)
    if replied is None:
        return False
    msg = ctx.msg
    if not (bare(msg.text) or msg.photo_file_id or msg.voice_file_id or msg.location):
        return False  # 👍 alone answers nothing: the draft reads it as it reads any
    decision = routed(ctx)
    if decision is not None and decision.emergency and replied.kind is not Kind.EMERGENCY:
        return False  # a barn failing now, not an answer: the draft asks about the alarm
    await answers.to_the_question_replied(ctx, replied, also_new=False)
    left = intake.draft_words(ctx)
    if left is not None:
        ctx.say("draft_goes_on", words=left)
    return True


FLOWS[alarm_intake.PLACE] = alarm_place_step


async def _alarm_check(ctx: Ctx) -> None:
    if not await alarm_check.answer_step(ctx):
        # No answer: read afresh (a new emergency raises its own), by the draft it was
        # asked from when there was one.
        flow = ctx.conv.flow if ctx.conv is not None else None
        await (FLOWS[flow](ctx) if flow == intake.TICKET else free_message(ctx))


FLOWS[alarm_check.ALARM_CHECK] = _alarm_check


async def _add_info(ctx: Ctx) -> None:
    if not await mine.info_step(ctx):
        await free_message(ctx)  # resolved meanwhile: a verdict on it, or a new matter


FLOWS[mine.ADD_INFO] = _add_info


async def _rating_or_reopen(ctx: Ctx) -> None:
    if not await mine.flow_step(ctx):
        await free_message(ctx)  # not a score or a comment: a message of its own


FLOWS[rating.RATE] = FLOWS[rating.REOPEN] = FLOWS[mine.WITHDRAW] = _rating_or_reopen


async def _voices_held(ctx: Ctx) -> None:
    """While the voice notes of a registration left are all that is held (`registration_shared
    .HELD`): a voice note more is the barn's alarm and goes out with them, unless a ticket
    in hand takes it as outside registration (`registration_shared.voice_for_a_ticket`);
    110, 🚨 110, /110 and a barn emergency typed are met before, in `route`;
    算了 lets them go; anything else is read afresh and takes them along."""
    msg = ctx.msg
    if msg.is_button:
        ctx.toast("stale_button")  # an old prompt's button: they stay held
        return
    if msg.voice_file_id and not await registration_shared.voice_for_a_ticket(ctx):
        await registration_left.keep(ctx, msg.voice_file_id)
        await registration_shared.alarm(ctx)
        return
    # A voice note a ticket in hand takes (the team's question answered, a call resolved
    # lately) goes there as outside registration, below, and the held ones go along.
    if calls_off(msg.text) and not msg.photo_file_id and not msg.voice_file_id:
        await ctx.end_flow()
        ctx.say("reg_voices_dropped")
        return
    voices = registration_left.kept_voices(ctx)
    await ctx.end_flow()
    await free_message(ctx)
    await registration_left.carry(ctx, voices)


FLOWS[registration_shared.HELD] = _voices_held


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
    if typed is not None and typed[0] in COMMANDS and (typed[0] in _READS_WORDS or not typed[1]):
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
        registering = ctx.conv is not None and ctx.conv.flow == registration.REGISTER
        key = "unsupported_at_question" if registering else "unsupported"
        ctx.say(key, what=_kind_named(ctx, msg.unsupported))
        if registering:
            registration.ask_again(ctx)  # what answers it, rather than "a photo or a voice note"
    elif msg.contact is not None and (ctx.conv is None or ctx.conv.flow != registration.REGISTER):
        await phones.shared(ctx, await open_emergency(ctx))
    elif menu_key(msg.text) == "m:110" and _voice_kept_for_110(ctx):
        await registration_shared.alarm(ctx)  # "110", "报警" typed after a voice note
    elif _keeping_voices(ctx) and typed_alarm(ctx):
        # Registering can wait; a barn emergency typed meanwhile cannot (the prompt says so).
        # Typed while the voice notes of a registration left are held, it takes them too.
        await registration_shared.alarm(ctx, msg.text.strip())
    elif _registering(ctx) and (
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
        await ctx.end_flow()  # registering again, they stay registered as they were
        ctx.say(said)
        await free_message(ctx)
        await registration_left.carry(ctx, voices)  # into the draft it began, or the alarm
    elif ctx.conv is not None and ctx.conv.flow in FLOWS:
        await FLOWS[ctx.conv.flow](ctx)
    else:
        await free_message(ctx)


def _kind_named(ctx: Ctx, kind: str) -> str:
    """What they sent, named in their language (a kind without a name: "这类消息")."""
    return ctx.text(kind_named(kind))


# Commands said aside, which leave what the person was doing as it was: /lang or /help
# half-way through a draft or registration, whose next answer still goes there.
_ASIDE = frozenset(("cancel", "lang", "help"))


async def _typed_lang(ctx: Ctx) -> Step | None:
    """What a script's name typed alone does ("繁體", "换成简体": that script; "语言": /lang's
    question), as /lang and its buttons would: an aside, the conversation going on. Not
    while a team waits for the person's answer (需补充) and the message goes to it: "繁体"
    may answer 您要繁体还是简体的说明？, as a menu entry's name may (`free_text`)."""
    msg = ctx.msg
    if msg.photo_file_id or msg.voice_file_id or not msg.text.strip():
        return None
    lang = _lang_step(menu_key(msg.text))
    if lang is None:
        return None
    to_free_text = ctx.conv is None or FLOWS.get(ctx.conv.flow) is free_message
    if to_free_text and list(await ctx.uow.tickets.waiting_for(ctx.user.id)):
        return None
    return lang


def _lang_step(key: str | None) -> Step | None:
    """/lang's step, or its button's, for the menu key of a script's name typed."""
    if key == LANG:
        return COMMANDS["lang"]
    if key in (LANG_HANT, LANG_HANS):
        script = Script.HANT if key == LANG_HANT else Script.HANS

        async def chosen(ctx: Ctx) -> None:
            set_script(ctx, script)

        return chosen
    return None


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
_READS_WORDS = frozenset(("start", "echo", *_BEGUN_WITH_WORDS))


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
    if _BEGUN_WITH_WORDS.get(name) is Kind.EMERGENCY and _voice_kept_for_110(ctx):
        await registration_shared.alarm(ctx)
        return
    # /cancel leaves what registration kept with it; /lang and /help leave it going on, as
    # does a site's QR code scanned at one of its questions (`registration.start`).
    aside = name in _ASIDE or (name == "start" and _site_scanned(ctx) and _registering(ctx))
    voices = [] if aside else registration_left.kept_voices(ctx)
    if not aside and ctx.conv is not None and name in COMMANDS:
        # A new command leaves the old conversation; a 110 call it leaves goes out first.
        await alarm_intake.file_unplaced_alarm(ctx)
        await _leave_flow(ctx)
    await step(ctx)
    await registration_left.carry(ctx, voices)


async def _begun_with_words(ctx: Ctx, kind: Kind, words: str) -> None:
    """/110 烤房停电了, /complain 配送员态度差 (or typed with a Chinese keyboard's slash, or
    as a photo's caption): the command, then its words and the photo as the answer to its
    question, asked or not: the alarm goes out at once, as when they are sent at
    请说明出了什么问题. A request's draft being written goes with the alarm, as when its
    next words say the barn fails (`_draft_step`); with words that raise none at once (算了,
    我就问问), it is said not to be submitted, as for any other command."""
    ctx.msg = replace(ctx.msg, command=None, args=(), text=words)
    draft = _request_draft(ctx) if kind is Kind.EMERGENCY else None
    # A 110 call takes them below (`registration_shared.kept_for_alarm`); other drafts here.
    voices = registration_left.kept_voices(ctx) if kind is not Kind.EMERGENCY else []
    if draft is not None and typed_alarm(ctx) and _unsure(ctx):
        # "/110 上次停电修好了" in a draft: asked about, the draft kept for either answer.
        request = replace(draft, kind=Kind.REQUEST)
        asked = "\n".join(w for w in (request.text, words) if w)
        await ctx.end_flow()
        await alarm_check.ask(ctx, asked, Kind.REQUEST, draft=request, resume=True)
        return
    if draft is not None and not _raises_at_once(ctx):
        draft = None
    if kind is Kind.EMERGENCY and _keeping_voices(ctx):
        # At a registration question, the voice notes and location kept for a 110 call go
        # with it, as with 110 or 烤房停电了 typed there; so do those held after it.
        draft = registration_shared.kept_for_alarm(ctx)
    if draft is not None:
        await ctx.end_flow()
    elif ctx.conv is not None:
        await alarm_intake.file_unplaced_alarm(ctx)
        await _leave_flow(ctx)
    if kind is Kind.EMERGENCY:
        alarm = draft or Gathered(kind=Kind.EMERGENCY, text="")
        await ctx.start_flow(alarm_intake.EMERGENCY, "what", alarm.to_data())
        await _alarm_what(ctx)
    elif await intake.begin_described(ctx, kind):
        await _draft_step(ctx)
    await registration_left.carry(ctx, voices)


def _unsure(ctx: Ctx) -> bool:
    """Words typed at 请说明出了什么问题 that may mean no emergency now, and are asked about:
    settled, past or ahead ("上次停电修好了"), or a few words of denial ("我就问问，现在没事",
    "不急，风机不转了"), unless they tell of a danger to people. A hurry beside a 不要
    ("不要拖，烤房停电了"), a 没事 or 是不是 asked ("没事吧？风机不转了", "是不是停电了"), or a
    correction ("不是停电，是风机坏了") is no denial (`alarm_check.sounds_like_no`)."""
    text = ctx.msg.text
    if not (alarm_check.may_not_be_now(text) or alarm_check.sounds_like_no(text)):
        return False
    decision = routed(ctx)  # routed only for words that may be no emergency
    return decision is None or not decision.danger


def _raises_at_once(ctx: Ctx) -> bool:
    """Whether the words, typed at 请说明出了什么问题, raise the alarm there and then (a barn
    failing now), rather than call it off, open a menu entry or ask first (`_alarm_what`)."""
    text = ctx.msg.text
    decision = routed(ctx)
    if decision is None or not decision.emergency or calls_off(text) or menu_key(text):
        return False
    return not _unsure(ctx)


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


def _registering_goes_on(ctx: Ctx, data: str) -> bool:
    """Whether the menu entry pressed begins registering again afresh (👤 登记信息, which
    shows what is registered) or goes on with it a shorter way (🏪 只改店名、许可证号,
    offered by the update itself, before anything in it changed): leaving an update for
    it leaves no update unfinished, and saying so would stand above the question asked
    for. 🏪 pressed after a new name was typed puts the name back, which is said."""
    if data == "m:reg":
        return True
    return data == registration.SHOP_ENTRY and registration.update_changed_nothing(ctx)


async def _leave_flow(ctx: Ctx, *, registering_goes_on: bool = False) -> None:
    """End the conversation for another command or menu entry. A request's draft it drops
    is said not to have been submitted (quoted), or they would wait for an answer to it; an
    update of the registration, that nothing in it changed, unless `registering_goes_on`."""
    left = intake.draft_words(ctx)
    if ctx.conv is not None and ctx.conv.flow == alarm_check.ALARM_CHECK:
        # Words asked about (是，马上报警？): neither filed nor paged, and they are told so.
        asked = str(ctx.conv.data.get("text") or "")
        left = quoted(one_line(asked, intake.DRAFT_SHOWN)) if asked.strip() else left
    unchanged = registration.update_left_unfinished(ctx) and not registering_goes_on
    await ctx.end_flow()
    if left is not None:
        ctx.say("draft_left", words=left)
    if unchanged:
        ctx.say("reg_left_unchanged")


def _voice_kept_for_110(ctx: Ctx) -> bool:
    """A voice note was sent at a registration question before /110 or 🚨 110: it says
    what is wrong, as 「🚨 马上报警」 beside it would send it, not asked for again. So it
    does after registration, while they are held (`registration_shared.HELD`)."""
    return _keeping_voices(ctx) and registration_shared.voices_kept(ctx)


def _keeping_voices(ctx: Ctx) -> bool:
    """At a registration question, or with its voice notes held after it."""
    return _registering(ctx) or registration_left.holding(ctx)


async def on_button(ctx: Ctx, data: str) -> None:
    held = data == registration_shared.VOICE_ALARM and registration_left.holding(ctx)
    if (data == "m:110" or held) and _voice_kept_for_110(ctx):
        await registration_shared.alarm(ctx)
    elif data in MENU:
        voices = registration_left.kept_voices(ctx)
        if ctx.conv is not None:
            await _leave_flow(ctx, registering_goes_on=_registering_goes_on(ctx, data))
        await MENU[data](ctx)
        await registration_left.carry(ctx, voices)  # into the draft it began, or held
    elif data.startswith("lang:") and data[5:] in ("hans", "hant"):
        set_script(ctx, Script(data[5:]))
    elif data.startswith(answers.PRESSED):
        await answers.pressed(ctx, data)
    elif data.startswith("my:"):
        await mine.on_button(ctx, data)
    elif await intake.summary_pressed(ctx, data):
        pass
    elif data == registration_shared.VOICE_ALARM and not _registering(ctx):
        await _voice_alarm_late(ctx)
    elif data.startswith("f:site:") and _writing_a_draft(ctx) and await _barn_pressed_in_draft(ctx):
        pass
    elif data.startswith("f:") and ctx.conv is not None and ctx.conv.flow in FLOWS:
        await FLOWS[ctx.conv.flow](ctx)
    elif data.startswith("f:site:") and await _barn_pressed_late(ctx):
        pass
    elif not await team_commands.staff_button(ctx, data):
        ctx.refuse("stale_button")  # the popup says it; a chat message would say it twice


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
        await _leave_flow(ctx)
    await alarm_intake.start_emergency(ctx)


def _registering(ctx: Ctx) -> bool:
    return ctx.conv is not None and ctx.conv.flow == registration.REGISTER


def _site_scanned(ctx: Ctx) -> bool:
    """/start from a site's QR code (its deep link)."""
    return (ctx.msg.deep_link or "").startswith("site_")


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
