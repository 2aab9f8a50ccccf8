"""The desk: one Incoming event in, one transaction, neutral replies out."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from datetime import timedelta

from core.enums import Kind, Requester, Script, Status
from core.errors import (
    ConcurrentUpdate,
    ConnectionLost,
    DomainError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
)
from core.model import Ticket, User
from core.numbers import parse_public_number
from handlers import (
    alarm_check,
    alarm_place,
    intake,
    mine,
    phones,
    registration,
    team,
    team_commands,
)
from handlers.chat_moves import on_chat_move
from handlers.command_menu import send_own_menu
from handlers.context import Ctx, Services
from handlers.follow_up import just_answered, more_of_it, question_moved_on
from handlers.i18n import MESSAGES, choose_script, script_from_language, t
from handlers.incoming import Incoming
from handlers.kept_replies import kept, restored
from handlers.menu import how_to, main_menu, say_help
from handlers.places import barn_named
from handlers.replies import Button, Outcome, Reply, rows
from handlers.staff import is_oversight
from handlers.tickets import (
    Gathered,
    another_question,
    is_chasing,
    is_greeting,
    may_have_barn,
    routed,
    says_something,
    typed_alarm,
)
from handlers.typed_menu import HELP, menu_key
from routing import Decision, bare, detect_script, to_simplified
from storage.uow import Database, SqlUnitOfWork

log = logging.getLogger(__name__)
Step = Callable[[Ctx], Awaitable[None]]
ATTEMPTS = 3  # a step refused by a race or a lost connection runs again, this many in all
NEWS_FOR_A_CALL = timedelta(hours=12)  # a message this soon after a 110 call is news for it

FLOWS: dict[str, Step] = {
    registration.REGISTER: registration.registration_step,
    intake.TICKET: intake.ticket_step,
    mine.RATE: mine.flow_step,
    mine.REOPEN: mine.flow_step,
    **team.FLOWS,
}


# Typed at 🚨 请说明出了什么问题: the farmer calls it off.
_CALL_OFF = frozenset(
    ("算了", "取消", "不用了", "不用", "点错了", "按错了", "不报了", "不报警了", "没事了", "误报")
)


async def _alarm_what(ctx: Ctx) -> None:
    """What is wrong, after /110 or 🚨: words that say it (and a voice note or a photo) file
    the alarm; words that call it off, ask for the menu, greet, or say there is no emergency
    now do not page anyone."""
    assert ctx.conv is not None
    msg = ctx.msg
    if ctx.conv.step == "what" and msg.text and not (msg.photo_file_id or msg.voice_file_id):
        plain = to_simplified(bare(msg.text))
        key = menu_key(msg.text)
        if plain in _CALL_OFF:
            await ctx.end_flow()
            ctx.say("e_called_off", keyboard="remove")
            return
        if key is not None and key != "m:110":
            await ctx.end_flow()
            await (_help(ctx) if key == HELP else MENU[key](ctx))
            return
        if plain and (is_greeting(plain) or key == "m:110"):
            ctx.say("e_what")  # "你好", "报警" again: still, what is wrong?
            return
        no = alarm_check.sounds_like_no(msg.text) or alarm_check.may_not_be_now(msg.text)
        decision = routed(ctx) if no else None
        if no and not (decision is not None and decision.danger):
            await alarm_check.ask(ctx, msg.text)  # "我就问问，现在没事": asked, not paged
            return
    await intake.emergency_step(ctx)


FLOWS[intake.EMERGENCY] = _alarm_what


async def _alarm_place(ctx: Ctx) -> None:
    if not await alarm_place.place_step(ctx):
        await free_message(ctx)  # not a place (news, a question), or the call moved on


FLOWS[intake.PLACE] = _alarm_place


async def _alarm_check(ctx: Ctx) -> None:
    if not await alarm_check.answer_step(ctx):
        await free_message(ctx)  # no answer: read afresh (a new emergency raises its own)


FLOWS[alarm_check.ALARM_CHECK] = _alarm_check


async def _add_info(ctx: Ctx) -> None:
    if not await mine.info_step(ctx):
        await free_message(ctx)  # resolved meanwhile: a verdict on it, or a new matter


FLOWS[mine.ADD_INFO] = _add_info
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
        # Updates whose kept replies this process has shown, to forget with the next
        # step's commit rather than in a transaction of their own; and those a step is
        # forgetting now (taken, so that two steps never write the same rows).
        self._shown: set[str] = set()
        self._forgetting: set[str] = set()

    def shown(self, update_key: str) -> None:
        """The update's kept replies were shown (`handlers.kept_replies`). They are
        forgotten in the next step's transaction; a repeat meanwhile says nothing, and one
        after a stop before that finds them still kept (delivery is at least once)."""
        self._shown.add(update_key)

    async def handle(self, msg: Incoming) -> Outcome:
        if msg.anonymous:
            # Nothing is saved: a redelivery only says it again.
            return await self._sorry("anonymous_sender", msg)
        for attempt in range(1, ATTEMPTS + 1):
            last = attempt == ATTEMPTS
            try:
                # When the connection died after the server had committed the step, the try
                # again finds it done and says what it kept (`kept_replies`).
                return await self._handle_once(msg)
            except ConcurrentUpdate:
                # Someone changed the ticket between our read and write, or PostgreSQL broke
                # a deadlock between two chats' steps: run the step again on fresh data,
                # where it meets the new state and says so (e.g. who accepted).
                if last:
                    log.warning("update %s lost %d races in a row", msg.update_key, ATTEMPTS)
                    return await self._sorry("stale_button" if msg.is_button else "error", msg)
            except ConnectionLost:
                # A pooled connection died mid-step (database restart): again on a fresh one.
                if last:
                    log.exception("update %s: every try lost its connection", msg.update_key)
                    return await self._sorry("error", msg)
                log.warning("update %s: database connection lost; running it again", msg.update_key)
            except DomainError as exc:
                key = next((k for cls, k in _ERROR_KEYS.items() if isinstance(exc, cls)), "error")
                return await self._sorry(key, msg)
            except Exception:
                log.exception("update %s failed; nothing was saved", msg.update_key)
                return await self._sorry("error", msg)
        raise AssertionError("unreachable")

    async def _commit_forgetting_shown(self, uow: SqlUnitOfWork) -> None:
        """Commit the step, forgetting in it the kept replies shown since the last one."""
        taken, self._shown = self._shown, set()
        self._forgetting |= taken
        try:
            if taken:
                await uow.inbox.forget_shown(sorted(taken))  # rows in one order: no deadlock
            await uow.commit()
        except BaseException:
            self._shown |= taken  # for the next step
            raise
        finally:
            self._forgetting -= taken

    async def _sorry(self, key: str, msg: Incoming) -> Outcome:
        """`_apology`, in the script the person chose, if it can still be read: the step
        failed, and the database with it, perhaps."""
        chosen = None
        try:
            async with self.db.uow(read_only=True) as uow:
                user = await uow.users.get(msg.user_id)
            chosen = user.script if user is not None and user.script_chosen else None
        except Exception:
            log.warning("update %s: the person's script could not be read", msg.update_key)
        return _apology(key, msg, chosen)

    async def _handle_once(self, msg: Incoming) -> Outcome:
        now = self.svc.clock()
        async with self.db.uow() as uow:
            if not await uow.inbox.claim(msg.update_key, now):
                # Run before; what it said is still kept only if a stop cut it off.
                if msg.update_key in self._shown | self._forgetting:
                    return Outcome(duplicate=True)
                said = await uow.inbox.kept_replies(msg.update_key)
                replay = restored(said) if said is not None else None
                return replay or Outcome(duplicate=True)
            user, conv = await uow.users.get_with_conversation(msg.user_id, msg.chat_id)
            known = user is not None
            if user is None:
                user = User(id=msg.user_id, created_at=now, language_code=msg.language_code)
            before, script_before, kind_before = user.details(), user.script, user.kind
            script = _script_for(user, msg)
            if not user.reachable and msg.is_private:
                # They wrote to us privately, so they unblocked the bot. Words or a press in
                # a team's group prove nothing: a member who blocked the bot still talks there.
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
                # The place question of a 110 call ends quietly: the alarm went out anyway.
                if not msg.command and conv.flow != intake.PLACE:
                    ctx.say("expired")
            await route(ctx)
            if _menu_to_follow(script_before, user, msg) or _staff_changed(kind_before, user, msg):
                await send_own_menu(ctx, overseer=await is_oversight(ctx))
            if known and user.details() != before:
                user.updated_at = now
            # What work after the commit says cannot be kept: a repeat asks for it again.
            then = ctx.text("result_not_kept") if ctx.later else ""
            said = kept(ctx.out, then=then, done=ctx.text("done_before"))
            if said is not None:
                await uow.inbox.keep_replies(msg.update_key, said)
                ctx.out.kept = True
            await self._commit_forgetting_shown(uow)
        for job in ctx.later:
            try:
                await job()
            except Exception:
                log.exception("update %s: work after the commit failed", msg.update_key)
                ctx.say("error")
        return ctx.out


def _apology(key: str, msg: Incoming, chosen: Script | None = None) -> Outcome:
    """A step's only reply when its own cannot be given: in the script the person chose
    with /lang, else the one they wrote in, else their Telegram's (a button press has no
    words to tell it by)."""
    script = chosen or detect_script(msg.text) or script_from_language(msg.language_code)
    return Outcome([Reply(t(key, script or Script.HANS))])


def _menu_to_follow(before: Script | None, user: User, msg: Incoming) -> bool:
    """Whether the person's own command menu should change to their new script. Telegram's
    shared menu is Simplified; a menu of their own is needed once they read Traditional (or
    back). Only for someone with a private chat: in it, or, for a change seen in a group,
    once they registered there (a chat never opened has no menu to set)."""
    now = user.script
    if now is None or now == before or not (msg.is_private or user.kind is not None):
        return False
    return not (before is None and now is Script.HANS)


def _staff_changed(before: Requester | None, user: User, msg: Incoming) -> bool:
    """Registered as staff just now, or no longer (a re-registration cancelled): their
    menu gains or loses /wish (心愿清单)."""
    was, now = before is Requester.STAFF, user.kind is Requester.STAFF
    return msg.is_private and was != now


def _script_for(user: User, msg: Incoming) -> Script:
    """Follow the script the person writes in, unless they chose one with /lang."""
    written = detect_script(msg.text)
    if msg.edited:
        # An edit changes nothing kept (`route`), their script and so their command menu
        # included; the answer to it is in the script they chose, else the one it is in.
        chosen = user.script if user.script_chosen else None
        return chosen or written or user.script or Script.HANS
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
    if msg.chat_move is not None:
        await on_chat_move(ctx, *msg.chat_move)
        return
    if msg.edited:
        # Telegram tells us of the edit, but what the first version started (an answer, a
        # filed ticket) stands; silence would let them think the correction counted.
        if msg.is_private:
            ctx.say("edit_not_applied")
        return
    if not msg.is_private:
        await team_commands.in_group(ctx)
        return
    if msg.is_button:
        await on_button(ctx, msg.callback_data or "")
    elif msg.command:
        await on_command(ctx, msg.command)
    elif msg.unsupported:
        # What they sent, named in their language (a kind without a name: "这类消息").
        what = f"kind_of_{msg.unsupported}"
        ctx.say("unsupported", what=ctx.text(what if what in MESSAGES else "kind_of_other"))
    elif msg.contact is not None and (ctx.conv is None or ctx.conv.flow != registration.REGISTER):
        await phones.shared(ctx, await _open_emergency(ctx))
    elif ctx.conv is not None and ctx.conv.flow == registration.REGISTER and typed_alarm(ctx):
        # Registering can wait; a barn emergency typed meanwhile cannot (the prompt says so).
        await ctx.end_flow()
        await intake.start_emergency(ctx, Gathered(kind=Kind.EMERGENCY, text=msg.text.strip()))
    elif (
        ctx.conv is not None
        and ctx.conv.flow == registration.REGISTER
        and registration.is_a_request(ctx)
    ):
        # A question typed where registration expected an answer: it is not lost, and not
        # taken as a name; registration can be finished later.
        await ctx.end_flow()
        ctx.say("reg_later")
        await free_message(ctx)
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
        ctx.say("unknown_command", name=name[:32])
        say_help(ctx)
        return
    if name not in ("cancel",) and ctx.conv is not None and name in COMMANDS:
        # A new command leaves the old conversation; a 110 call it leaves goes out first.
        await intake.file_unplaced_alarm(ctx)
        await ctx.end_flow()
    await step(ctx)


@command("start")
async def _start(ctx: Ctx) -> None:
    await registration.start(ctx)


@command("help")
async def _help(ctx: Ctx) -> None:
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
    if ctx.conv.flow == intake.PLACE:
        await alarm_place.skip(ctx)  # only the question ends: the alarm stays out
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
    elif data.startswith("f:site:") and await _barn_pressed_late(ctx):
        pass
    elif not await team_commands.staff_button(ctx, data):
        ctx.toast("stale_button")  # the popup says it; a chat message would say it twice


async def _barn_pressed_late(ctx: Ctx) -> bool:
    """A barn button of a place question that has ended (the farmer went to the menu): it
    places their open 110 call, if that has no place yet (`alarm_place.placed_late`)."""
    return await alarm_place.placed_late(ctx, await _open_emergency(ctx))


async def free_message(ctx: Ctx) -> None:
    """Outside a conversation: an answer to a waiting ticket, a verdict on a resolved one,
    news for an open 110 call, a new 110 call, or a new request."""
    msg = ctx.msg
    text = msg.text.strip()
    if ctx.too_long(text):
        # Too long for any of them: not news for a call or an answer either, which would
        # reach the team's chat and pagers whole.
        return
    waiting = await ctx.uow.tickets.waiting_for(ctx.user.id)
    typed_menu = text and not (msg.photo_file_id or msg.voice_file_id)
    if typed_menu and await _typed_menu(ctx, text, answer_waited=waiting is not None):
        return
    decision = routed(ctx)
    # A barn emergency is not an answer to a question about another matter.
    new_alarm = decision is not None and decision.emergency and not (waiting and waiting.urgent)
    # Emoji, punctuation or an invisible character alone say nothing to pass on.
    said = bool(bare(text) or msg.photo_file_id or msg.voice_file_id)
    new_matter = new_alarm or (
        waiting is not None and another_question(ctx, decision, text, waiting)
    )
    if waiting is not None and said and not new_matter:
        await mine.add_info(
            ctx, waiting, text, msg.photo_file_id, voice=msg.voice_file_id, answer=True
        )
        ctx.say("answer_added", number=waiting.label)
        return
    if waiting is None and not new_alarm and (msg.photo_file_id or says_something(text)):
        moved = await question_moved_on(ctx)
        if moved is not None and not another_question(ctx, decision, text, moved):
            # The answer to a question asked before the ticket went to another team: it
            # joins the ticket, for the team that has it now.
            await mine.add_info(ctx, moved, text, msg.photo_file_id, voice=msg.voice_file_id)
            ctx.say("answer_added", number=moved.label)
            return
    if text and await _own_ticket_number(ctx, text):
        return
    call = await _open_emergency(ctx)
    if call is not None and (phone := phones.typed(text)) is not None:
        await phones.for_call(ctx, call, phone)  # "服务队可能要打电话给您": typed, not shared
        return
    if (
        call is not None
        and text
        and barn_named(ctx, text)
        and await alarm_place.placed_late(ctx, call)
    ):
        return  # "在大坪", typed after the place question ended: where the call is, still
    news = msg.photo_file_id or msg.voice_file_id or says_something(text)
    if call is not None and news and not _another_service(decision, call, text):
        # The 110 confirmation invites news ("情况有变化可以直接发消息补充"): it joins the
        # call the team is working on, instead of paging them again with a second one.
        await mine.add_info(ctx, call, text, msg.photo_file_id, voice=msg.voice_file_id)
        ctx.say("e_news_added", number=call.label)
        return
    if text and not msg.photo_file_id and await mine.typed_verdict(ctx, text, decision):
        return
    if msg.location is not None and call is not None:
        # A pin during a 110 call (the 共享位置 keyboard stays after 跳过 or a command) is
        # where the call is: asked and answered as the place question would be.
        await ctx.start_flow(intake.PLACE, "where", {"ticket_id": call.id})
        await _alarm_place(ctx)
        return
    if not new_matter and (msg.photo_file_id or msg.voice_file_id or says_something(text)):
        answered = await just_answered(ctx)
        if answered is not None and more_of_it(ctx, decision, answered):
            # The rest of an answer sent in pieces (a photo, then its words): it joins the
            # ticket it answers, not a new request beside it.
            await mine.add_info(ctx, answered, text, msg.photo_file_id, voice=msg.voice_file_id)
            ctx.say("add_info_done", number=answered.label)
            return
    if msg.voice_file_id or msg.photo_file_id or msg.location:
        await _media(ctx, text, decision)
        return
    if not text:
        ctx.say("empty")
        return
    assert decision is not None
    if decision.emergency:
        if alarm_check.may_not_be_now(text) and not decision.danger:
            await alarm_check.ask(ctx, text)  # "上次停电的事解决了": asked, not paged
            return
        await intake.start_emergency(ctx, Gathered(kind=Kind.EMERGENCY, text=text))
        return
    if await _not_a_request(ctx, text):
        return
    kind: Kind = Kind.REQUEST
    if decision.kind in (Kind.COMPLAINT, Kind.SUGGESTION):
        kind = decision.kind
    elif decision.kind is Kind.WISH and await intake.is_staff(ctx):
        kind = Kind.WISH  # a staff member's wish goes on the wish list, as with /wish
    await intake.start_ticket(ctx, kind, text)


async def _typed_menu(ctx: Ctx, text: str, *, answer_waited: bool) -> bool:
    """A menu entry's name typed ("我要登记", "110", "查一下工单"): it opens as the button
    would. 报警 or 110 from someone with no barn is left to the words' own reading. While a
    team waits for their answer the words may be that answer ("投诉" to 您是要投诉还是
    咨询？): only 菜单 and 我的工单, which answer nothing, open then. During their 110 call,
    110 or 报警 again says the call is on (it pages nobody: it tells the team nothing new)."""
    key = menu_key(text)
    if key is None:
        return False
    if answer_waited and key not in (HELP, "m:my"):
        return False
    if key == "m:110":
        if not may_have_barn(ctx):
            return False
        call = await _open_emergency(ctx)
        if call is not None:
            ctx.say("e_call_on", number=call.label)
            return True
    if key == HELP:
        await _help(ctx)
    else:
        await MENU[key](ctx)
    return True


async def _media(ctx: Ctx, text: str, decision: Decision | None) -> None:
    """A voice note, photo or location outside a conversation: kept, never thrown away."""
    msg = ctx.msg
    first = Gathered(kind=Kind.REQUEST, text="", site_code=ctx.user.site_code)
    if msg.photo_file_id:
        first.photos.append(msg.photo_file_id)
    if msg.voice_file_id:
        first.voices.append(msg.voice_file_id)
    if msg.location is not None:
        first.lat, first.lon = msg.location.lat, msg.location.lon
    farmer_voice = bool(msg.voice_file_id) and may_have_barn(ctx)
    voice = msg.voice_file_id
    if farmer_voice and voice and not text and await mine.voice_to_resolved(ctx, voice):
        return  # said to the resolution notice, not a new alarm
    if farmer_voice or (decision is not None and decision.emergency):
        # A barn emergency in a photo's caption, or a farmer's voice note (which may be
        # one said aloud): a 110 call, with what came.
        first.kind, first.text = Kind.EMERGENCY, text
        await intake.start_emergency(ctx, first)
        return
    if decision is not None:  # a photo's caption says what it is about
        kind = decision.kind if decision.kind in (Kind.COMPLAINT, Kind.SUGGESTION) else Kind.REQUEST
        await intake.start_ticket(ctx, kind, text, first=first)
        return
    # Routing needs words: keep what came and ask for them.
    await ctx.start_flow(intake.TICKET, "describe", first.to_data())
    ctx.say("media_kept")


async def _not_a_request(ctx: Ctx, text: str) -> bool:
    """A greeting, a thank-you, digits or emoji alone: answered as what they are, not
    offered as a request to submit."""
    plain = bare(text)
    if is_greeting(plain):
        ctx.say("greeting", main_menu(ctx), how=how_to(ctx))  # 110 only for whom it is
        return True
    if not plain:  # emoji or punctuation only
        ctx.say("empty")
        return True
    if plain.isdigit():
        ctx.say("digits_only")
        return True
    return False


_NUMBER_IN_WORDS = re.compile(r"\d{5,}")
_FEW_WORDS = 8  # "工单10019", "10019进度怎么样", "查一下10019": about that ticket


_NUMBER_CUES = ("工单", "单号", "编号")  # words that call the number a ticket's


async def _own_ticket_number(ctx: Ctx, text: str) -> bool:
    """A ticket's number, alone or in a few words, typed by its requester: how it stands.
    One that the check digit refuses, or that is not theirs, is said to be so when it is
    plainly meant as a ticket's (called 工单号, or alone and as long as their tickets'
    numbers); other numbers (an amount, "订了20000支", a phone) are not."""
    plain = bare(text)
    found = _NUMBER_IN_WORDS.search(plain)
    if found is None or len(plain) - len(found.group()) > _FEW_WORDS:
        return False
    number = found.group()
    called_one = any(cue in plain for cue in _NUMBER_CUES)
    ticket_id = parse_public_number(number)
    if ticket_id is None:
        if called_one or (plain == number and await _as_long_as_theirs(ctx, number)):
            ctx.say("number_mistyped", number=number[:20])
            return True
        return False
    ticket = await ctx.uow.tickets.get(ticket_id)
    if ticket is None or ticket.requester_id != ctx.user.id:
        if called_one:
            ctx.say("not_your_ticket")
            return True
        return False
    await mine.show(ctx, ticket)
    return True


async def _as_long_as_theirs(ctx: Ctx, number: str) -> bool:
    """Whether `number` has as many digits as one of the person's tickets' numbers."""
    mine_now = await ctx.uow.tickets.of_requester(ctx.user.id, limit=3)
    return any(len(ticket.label) == len(number) for ticket in mine_now)


def _another_service(decision: Decision | None, ticket: Ticket, text: str) -> bool:
    """Whether the words plainly concern another service than the ticket's (收购, a complaint
    about staff, a suggestion), with nothing of the ticket's own: a new matter. The rest (the
    temperature now, "师傅还没到，温度一直在掉", chasing the team) is news for it."""
    if decision is None or is_chasing(text):
        return False
    if decision.kind in (Kind.COMPLAINT, Kind.SUGGESTION):
        return True  # a matter of its own, even where the words tie between services
    if decision.triage or decision.line == ticket.line:
        return False
    if decision.urgent:
        return False  # something pressing ("温度一直在掉"): the urgent call's news
    return all(line != ticket.line for line, _score in decision.candidates)


async def _open_emergency(ctx: Ctx) -> Ticket | None:
    """The person's 110 call active in the last hours while the team still works on it (not
    yet resolved); one untouched for longer is not what a new message is about. Active: made,
    dispatched again (reopened, transferred), accepted or visited within NEWS_FOR_A_CALL;
    reminders and news do not count, or an old call would stay current for ever."""
    since = ctx.now - NEWS_FOR_A_CALL
    for ticket in await ctx.uow.tickets.of_requester(ctx.user.id, limit=3):
        moves = (ticket.dispatched_at, ticket.accepted_at, ticket.on_site_at)
        last_move = max([ticket.created_at, *(at for at in moves if at is not None)])
        if ticket.kind is Kind.EMERGENCY and last_move >= since:
            open_now = ticket.status.is_open and ticket.status is not Status.RESOLVED
            return ticket if open_now else None
    return None
