"""A message outside a conversation: what it is about, and where it goes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from core.enums import Kind
from core.licence import read_licence
from core.model import Ticket
from core.numbers import parse_public_number
from core.texts import clip, typed_phone
from handlers import (
    alarm_answer,
    alarm_check,
    alarm_intake,
    alarm_place,
    alarm_when,
    answers,
    drafts,
    intake,
    mine,
    phones,
    thanks,
    verdicts,
)
from handlers.add_typed import adding_typed, asks_to_add
from handlers.cards import called_here, ticket_status
from handlers.context import Ctx
from handlers.entries import MENU, show_help
from handlers.follow_up import (
    anything_in_hand,
    file_just_added,
    in_hand_about,
    just_answered,
    more_of_it,
    question_moved_on,
    question_overtaken,
)
from handlers.i18n import in_script
from handlers.late_comment import late_comment
from handlers.menu import how_to, main_menu, say_110_not_theirs
from handlers.places import barn_named
from handlers.registration import change_phone
from handlers.replies import Button, rows
from handlers.ticket_info import add_info
from handlers.tickets import (
    Gathered,
    another_question,
    is_chasing,
    is_greeting,
    may_have_barn,
    open_emergency,
    routed,
    said_of_the_service,
    says_something,
)
from handlers.trouble_again import sent_back_again, trouble_again
from handlers.typed_menu import (
    HELP,
    asks_to_withdraw,
    kind_taken_back,
    menu_key,
    number_changed_to,
    presses_a_prompt,
)
from handlers.verdict_words import a_score_alone, asks_if_done, asks_to_rate
from handlers.wish_lists import item_of, item_withdrawn, wish_lists
from routing import Decision, bare


async def alarm_place_step(ctx: Ctx) -> None:
    if not await alarm_place.place_step(ctx):
        await free_message(ctx)  # not a place (news, a question), or the call moved on


async def free_message(ctx: Ctx) -> None:
    """Outside a conversation: an answer to a waiting ticket, a verdict on a resolved one,
    news for an open 110 call, a new 110 call, or a new request."""
    msg = ctx.msg
    text = msg.text.strip()
    if len(text) > ctx.cfg.limits.max_text:
        # Too long for any of them: not news for a call or an answer either, which would
        # reach the team's chat and pagers whole. Only a new barn emergency goes, cut.
        if not await _long_alarm(ctx, text):
            ctx.too_long(text)
        return
    waiting = list(await ctx.uow.tickets.waiting_for(ctx.user.id))
    typed_menu = text and not (msg.photo_file_id or msg.voice_file_id)
    if typed_menu and await _typed_menu(ctx, text, answer_waited=bool(waiting)):
        return
    if typed_menu and asks_to_add(text):
        # ➕ 补充 typed: what to add is asked, for the ticket it goes to; the word itself
        # is nothing to pass on, nor a request.
        await adding_typed(ctx, await in_hand_about(ctx, None, text))
        return
    decision = routed(ctx)
    # A barn emergency is not an answer to a question about another matter.
    urgent_waits = [ticket for ticket in waiting if ticket.kind is Kind.EMERGENCY]
    new_alarm = decision is not None and decision.emergency and not urgent_waits
    # Another barn failing, said while the team's question on a call waits: no answer.
    new_alarm = new_alarm or any(alarm_check.failing_elsewhere(ctx, t, text) for t in urgent_waits)
    # Emoji, punctuation or an invisible character alone say nothing to pass on. A pin says
    # where (请发一下店铺位置), but during a 110 call it places the call, below.
    pinned = msg.location is not None and await open_emergency(ctx) is None
    said = bool(bare(text) or msg.photo_file_id or msg.voice_file_id or pinned)
    new_matter = new_alarm or (
        bool(waiting) and all(another_question(ctx, decision, text, t) for t in waiting)
    )
    if waiting and typed_menu and await _item_withdrawal_typed(ctx, text, asked=waiting):
        # 撤回第2项 while item 3 is asked a question: item 2's withdrawal, never item 3's
        # answer (撤回第3项 of item 3 itself is its answer, below, as 撤回 typed is).
        return
    if waiting and said and not new_matter:
        await answers.answer(ctx, waiting, decision)  # to which ticket, when several wait
        return
    if waiting and said and not new_alarm:
        replied = await answers.notice_replied_to(ctx, decision)
        if replied is not None:
            # Asking about another service, replied to a question notice: the answer and the
            # question may be in one message, and the reply says which ticket it answers.
            also_new = another_question(ctx, decision, text, replied)
            await answers.to_the_question_replied(ctx, replied, also_new=also_new)
            return
    if not waiting and not new_alarm and (msg.photo_file_id or says_something(text)):
        moved = await question_moved_on(ctx)
        if moved is not None and not another_question(ctx, decision, text, moved):
            # The answer to a question asked before the ticket went to another team: it
            # joins the ticket, for the team that has it now.
            await add_info(ctx, moved, text, msg.photo_file_id, voice=msg.voice_file_id)
            ctx.say("answer_added", number=moved.label, what=called_here(ctx, moved))
            return
    if text and await _own_ticket_number(ctx, text):
        return
    call = await open_emergency(ctx)
    if call is not None and (phone := typed_phone(text)) is not None:
        await phones.for_call(ctx, call, phone)  # "服务队可能要打电话给您": typed, not shared
        return
    if text and await phones.declined_for_call(ctx, call, text):
        return
    if (
        call is not None
        and text
        and barn_named(ctx, text)
        and await alarm_place.placed_late(ctx, call)
    ):
        return  # "在大坪", typed after the place question ended: where the call is, still
    if call is not None and await alarm_place.moved_by_words(ctx, call):
        return  # "在白石乡" of a call placed in 青山镇: where the call is, as a pin there says
    news = msg.photo_file_id or msg.voice_file_id or says_something(text)
    remark = _remark_on_the_service(ctx, decision, text)
    # A complaint or suggestion about a call (a call open, or words that say it is past) is
    # filed as what it is; one that says the barn is failing now (烤房又停电了…我要投诉) is
    # news of the open call, or asked about.
    as_remark = (
        remark is not None
        and not alarm_when.says_now(text)
        and (call is not None or alarm_when.may_not_be_now(text))
    )
    elsewhere = alarm_check.failing_elsewhere(ctx, call, text) if call and text else None
    if elsewhere is not None:
        # 松林烤房着火了 during a call at 大坪: an alarm of its own, placed there and paged to
        # that barn's team, not news on a card the other barn's team may never read.
        alarm = Gathered(kind=Kind.EMERGENCY, text=text, site_code=elsewhere)
        await alarm_intake.start_emergency(ctx, alarm)
        return
    if (
        call is not None
        and news
        and not as_remark
        and not _another_service(decision, call, text)
        # 评价一下 or 5分: nothing for the team, answered below, as rating goes.
        and not (asks_to_rate(text) or a_score_alone(text))
        and not (asks_to_withdraw(text) and kind_taken_back(text))  # 不反映了: not the call's
    ):
        # The 110 confirmation invites news ("情况有变化可以直接发消息补充"): it joins the
        # call the team is working on, instead of paging them again with a second one.
        await add_info(ctx, call, text, msg.photo_file_id, voice=msg.voice_file_id)
        if text and alarm_check.no_longer_needed(text) and mine.withdrawable(call):
            # 算了, 修好了, 不用来了 before anyone took the call: the team is told (they may be
            # on the way), and the withdrawal that stops them is one tap away.
            ctx.say("e_news_withdraw", mine.withdraw_buttons(ctx, call), number=call.label)
        elif text and alarm_check.names_another_barn(ctx, call, text):
            # Another barn named beside this one: an alarm for it is one tap away.
            another = rows(Button(ctx.text("btn_another_barn"), alarm_intake.ANOTHER_BARN))
            ctx.say("e_news_added", another, number=call.label)
        else:
            ctx.say("e_news_added", number=call.label)
        return
    if not waiting and news and not new_alarm:
        replied = await answers.notice_replied_to(ctx, decision)
        if replied is not None and not another_question(ctx, decision, text, replied):
            # Telegram's reply to the team's question once they no longer wait for it (上门
            # ended the wait): it is for that ticket all the same, not a new request.
            await answers.to_the_question_replied(ctx, replied, also_new=False)
            return
    if text and not msg.photo_file_id and await trouble_again(ctx, text, decision):
        return  # 又停了 after its call was rated: a new call naming it, not a refusal
    if text and not msg.photo_file_id and await verdicts.typed_verdict(ctx, text, decision):
        return
    if not new_matter and news:
        late = await question_overtaken(ctx)
        if late is not None and not another_question(ctx, decision, text, late):
            # The answer to the team's question, sent after they resolved without it.
            await mine.answer_after_resolution(
                ctx, late, text, msg.photo_file_id, msg.voice_file_id
            )
            return
    # A barn failing now is an alarm (below), never asked whether it means a resolved
    # request is not solved: the team is paged at once, not once a button is pressed.
    failing = alarm_when.failing_now(decision, text)
    if (
        text
        and not msg.photo_file_id
        and not failing
        and await verdicts.about_resolution(ctx, text, decision)
    ):
        return  # "还是少一条": about the ticket awaiting their verdict, asked if not solved
    if (
        text
        and not msg.photo_file_id
        and not failing
        and await sent_back_again(ctx, text, decision)
    ):
        return  # 又没送 of a delivery awaiting their word: back to its team, not the desk's
    if msg.location is not None and call is not None:
        # A pin during a 110 call (the 共享位置 keyboard stays after 跳过 or a command) is
        # where the call is: asked and answered as the place question would be.
        await ctx.start_flow(alarm_intake.PLACE, "where", {"ticket_id": call.id})
        await alarm_place_step(ctx)
        return
    # 撤回 typed is asked about as a withdrawal below, never more of an answer for the team.
    withdrawing = bool(text) and asks_to_withdraw(text)
    answered = await just_answered(ctx) if not (new_matter or withdrawing) else None
    piece = news or msg.location is not None
    if answered is not None and piece and more_of_it(ctx, decision, answered):
        # The rest of an answer or of a ➕ 补充 sent in pieces (a photo, then its words; the
        # words, then the pin): it joins the ticket, not a new request beside it.
        pin = (msg.location.lat, msg.location.lon) if msg.location is not None else None
        await add_info(ctx, answered, text, msg.photo_file_id, voice=msg.voice_file_id, pin=pin)
        ctx.say("add_info_done", number=answered.label, what=called_here(ctx, answered))
        return
    if msg.voice_file_id or msg.photo_file_id or msg.location:
        media_remark = remark if not alarm_when.says_now(text) else None
        await _media(ctx, text, decision, media_remark, filed=as_remark, waiting=waiting)
        return
    if not text:
        ctx.say("empty")
        return
    assert decision is not None
    if remark is not None and as_remark:
        # At its summary, filed as what it is, not news paging the team it is about.
        await intake.start_ticket(ctx, remark, text)
        return
    if decision.emergency:
        # "上次停电的事解决了", or a complaint naming an emergency (烤房停电了，打你们110一直没
        # 人接，我要投诉): asked, not paged; not now, it is filed as what its words make it.
        asked = await _answered_by_alarm(ctx, waiting, decision)
        if remark is not None or (alarm_when.may_not_be_now(text) and not decision.danger):
            # A complaint about how a call went is a matter of its own, not an answer; words
            # that may be past (在龙潭镇，上次停电烤坏了一炉) answer the question either way.
            answering = asked if remark is None else None
            await alarm_check.ask(ctx, text, remark or Kind.REQUEST, answering=answering)
            return
        alarm = Gathered(kind=Kind.EMERGENCY, text=text)
        if asked is not None:
            # 在龙潭镇，正在烤，烤房漏风 to 是烘烤中出问题了吗？: the answer, and the alarm too.
            await alarm_answer.alarm_answers(ctx, asked, alarm)
            return
        await alarm_intake.start_emergency(ctx, alarm)
        return
    if decision.suspect and may_have_barn(ctx):
        # "温控器坏了，屏幕不亮", "救命": a barn may be failing though no emergency word says
        # so. Asked, rather than waiting for office hours or paging the team for a question.
        await alarm_check.ask(ctx, text)
        return
    if await _not_a_request(ctx, text):
        return
    if await _item_withdrawal_typed(ctx, text):
        return
    if asks_to_withdraw(text):
        await _withdrawal_typed(ctx, decision, text)
        return
    if await late_comment(ctx, decision, text):
        return  # 师傅来得太晚了 after a low score and 跳过: its comment, not a request
    kind: Kind = Kind.REQUEST
    if decision.kind in (Kind.COMPLAINT, Kind.SUGGESTION):
        kind = decision.kind
    elif decision.kind is Kind.WISH and await intake.is_staff(ctx):
        kind = Kind.WISH  # a staff member's wish goes on the wish list, as with /wish
    # Words about a ticket a team is working on ("大概几点能送过来？") may be for that team:
    # its summary offers to add them to it, beside filing them as a new request.
    about = await in_hand_about(ctx, decision, text) if kind is Kind.REQUEST else None
    captioned = await file_just_added(ctx) if about is not None and answered else None
    if about is not None and captioned is not None and all(t.id != captioned.id for t in about):
        # Words for another service minutes after a photo sent alone to a ticket (then
        # "订单号 A123"): a new request, but they may be the photo's words, so the ticket
        # it went to is offered first.
        about = [captioned, *about]
    if about is not None and waiting:
        # Asking of another service, typed without the reply, while a team waits for their
        # answer: the message may hold the answer too, so its ticket is offered as well.
        about = [*waiting, *(t for t in about if all(t.id != w.id for w in waiting))]
    # Thanks asking for nothing (师傅来得很快，感谢！): offered to the team thanked too.
    thanked = await thanks.thanked_ticket(ctx, text) if kind is not Kind.COMPLAINT else None
    unserved: set[str] = set()
    if thanked is None and kind is Kind.REQUEST:
        unserved = await thanks.unserved_team_thanked(ctx, text)
    if unserved:
        # 谢谢白石乡110服务队的张师傅 from someone that team served no ticket of: thanks, said
        # to be heard, not a request to file; with no ticket, nothing is passed on.
        [one] = unserved if len(unserved) == 1 else [""]
        team = in_script(ctx.cfg.team(one).name, ctx.script) if one else ctx.text("thanks_team")
        ctx.say("thanks_unserved", team=team)
        return
    await intake.start_ticket(ctx, kind, text, about=about, thanked=thanked)


async def _item_withdrawal_typed(ctx: Ctx, text: str, *, asked: Sequence[Ticket] = ()) -> bool:
    """撤回第2项 (第二项不要了) of a staff member's wish list: that item's withdrawal asked,
    as /my's 撤回 on it asks (which list's, when item 2 of several is in hand); False when
    the words name no item of a list they have in hand, or name one of `asked` (waiting
    for their answer, which the words are then)."""
    number = item_withdrawn(text)
    if number is None:
        return False
    in_hand = await in_hand_about(ctx, None, text)
    lists = await wish_lists(ctx, in_hand)
    named = [item for items in lists if (item := item_of(items, number)) is not None]
    asked_ids = {t.id for t in asked}
    if not named or any(t.id in asked_ids for t in named):
        return False
    open_ids = {t.id for t in in_hand}
    if in_hand_named := [t for t in named if t.id in open_ids]:
        await mine.withdrawal_typed(ctx, in_hand_named)
    else:
        # Answered, crossed off or withdrawn already: where it stands, as /my's 撤回 says.
        item = named[0]
        status = ticket_status(item, ctx.script_here)
        ctx.say("mine_not_allowed_now", status=status, what=called_here(ctx, item))
    return True


async def _withdrawal_typed(ctx: Ctx, decision: Decision, text: str) -> None:
    """撤回, 取消工单, 不用办了: of what they filed, as /my's 撤回 (the tickets of the service
    the words name, else all they have in hand), never a request of the words. 不投诉了 or
    不提建议了 names its kind: only complaints (suggestions) are offered, and with none in
    hand, that is said and nothing is offered."""
    kind = kind_taken_back(text)
    if kind is None:
        named = await in_hand_about(ctx, decision, text)
        await mine.withdrawal_typed(ctx, named or await in_hand_about(ctx, None, text))
        return
    of_kind = [t for t in await in_hand_about(ctx, None, text) if t.kind is kind]
    if not of_kind:
        ctx.say("nothing_of_kind_in_hand", kind=ctx.text(f"kind_{kind.value}"))
        return
    await mine.withdrawal_typed(ctx, of_kind)


async def _long_alarm(ctx: Ctx, text: str) -> bool:
    """A barn failing now, told at length by someone with no call open: never refused (as at
    /110's question), it goes out with the start of the words, the farmer told so."""
    if not may_have_barn(ctx) or await open_emergency(ctx) is not None:
        return False
    cut = clip(text, ctx.cfg.limits.max_text)
    ctx.msg = replace(ctx.msg, text=cut)
    decision = routed(ctx)
    if decision is None or not decision.emergency:
        return False
    if not decision.danger and (alarm_when.may_not_be_now(cut) or said_of_the_service(ctx, cut)):
        return False  # asked about when short; at this length, told to shorten it
    ctx.say("e_clipped", limit=ctx.cfg.limits.max_text)
    alarm = Gathered(kind=Kind.EMERGENCY, text=cut)
    waiting = await ctx.uow.tickets.waiting_for(ctx.user.id)
    asked = await _answered_by_alarm(ctx, waiting, decision)
    if asked is not None:
        await alarm_answer.alarm_answers(ctx, asked, alarm)  # its start, as the call has
        return True
    await alarm_intake.start_emergency(ctx, alarm)
    return True


async def _answered_by_alarm(
    ctx: Ctx, waiting: Sequence[Ticket], decision: Decision | None
) -> Ticket | None:
    """The waiting ticket whose team's question words of a barn failing answer too."""
    return await answers.answered_by_alarm(ctx, waiting, decision) if waiting else None


async def _typed_menu(ctx: Ctx, text: str, *, answer_waited: bool) -> bool:
    """A menu entry's name typed ("我要登记", "110", "查一下工单"): it opens as the button
    would. 报警 or 110 from someone with no barn (a retailer, staff) is answered as 🚨 110
    pressed by them is: what the 110 is for, /110 for a barn failing after all. While a
    team waits for their answer the words may be that answer ("投诉" to 您是要投诉还是
    咨询？): only 菜单 and 我的工单, which answer nothing, open then. During their 110 call,
    110 or 报警 again says the call is on (it pages nobody: it tells the team nothing new)."""
    phone = number_changed_to(text)
    if phone is not None and not answer_waited:
        call = await open_emergency(ctx)
        if call is not None:
            # The team on their 110 call is to dial the new number, registered or not: not
            # only the registration (nor 您是 first, the number dropped) that nobody reads.
            await phones.for_call(ctx, call, phone, theirs=True)
        else:
            await change_phone(ctx, phone)  # 我换手机号了，新号13912345678: not a request
        return True
    key = menu_key(text)
    if key is None or not (key == HELP or key in MENU):
        return False  # a script's name ("繁體") is /lang's, read before (`app._typed_lang`)
    if answer_waited and key not in (HELP, "m:my"):
        return False
    if key == "m:110":
        if not may_have_barn(ctx):
            # Not 只收到一串数字 for 110, nor 报警 offered to the triage desk as a request.
            say_110_not_theirs(ctx)
            return True
        call = await open_emergency(ctx)
        if call is not None:
            alarm_intake.say_call_on(ctx, call)
            return True
    if key == HELP:
        await show_help(ctx)
    else:
        await MENU[key](ctx)
    return True


async def _media(
    ctx: Ctx,
    text: str,
    decision: Decision | None,
    remark: Kind | None = None,
    *,
    filed: bool = False,
    waiting: Sequence[Ticket] = (),
) -> None:
    """A voice note, photo or location outside a conversation: kept, never thrown away.
    `remark`: the kind its caption makes it (a complaint naming an emergency), filed as
    that (`filed`: about an open call, or past) or asked about with the file kept.
    `waiting`: the tickets whose team's question a barn failing in it may answer."""
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
    if farmer_voice and voice and not text and await verdicts.voice_to_resolved(ctx, voice):
        return  # said to the resolution notice, not a new alarm
    if remark is not None and filed:
        await intake.start_ticket(ctx, remark, text, first=first)
        return
    if remark is not None:
        first.site_code = None  # theirs by default: a barn named in the words goes first
        await alarm_check.ask(ctx, text, remark, draft=first)
        return
    if farmer_voice or (decision is not None and decision.emergency):
        # A barn emergency in a photo's caption, or a farmer's voice note (which may be
        # one said aloud): a 110 call, with what came; the answer to a team's question
        # too, as the words typed alone would be.
        asked = await _answered_by_alarm(ctx, waiting, decision)
        past = decision is not None and not decision.danger and alarm_when.may_not_be_now(text)
        if past and decision is not None and decision.emergency:
            # 上周烤房停电了，这是当时的温度: asked, as the words typed alone are, the photo
            # kept with them, and the answer to the team's question either way.
            first.site_code = None  # theirs by default: a barn named goes first
            await alarm_check.ask(ctx, text, draft=first, answering=asked)
            return
        first.kind, first.text = Kind.EMERGENCY, text
        if asked is not None:
            await alarm_answer.alarm_answers(ctx, asked, first)
            return
        await alarm_intake.start_emergency(ctx, first)
        return
    if decision is not None and decision.suspect and may_have_barn(ctx):
        # 温控器没反应了 on the controller's photo: asked, as the words typed alone are.
        first.site_code = None  # theirs by default: a barn named in the words goes first
        await alarm_check.ask(ctx, text, draft=first)
        return
    if decision is not None:  # a photo's caption says what it is about
        kind = decision.kind if decision.kind in (Kind.COMPLAINT, Kind.SUGGESTION) else Kind.REQUEST
        await intake.start_ticket(ctx, kind, text, first=first)
        return
    # Routing needs words: keep what came and ask for them.
    data = {**drafts.draft_data(ctx, first), intake.BEGUN_WITH_A_FILE: True}
    await ctx.start_flow(intake.TICKET, "describe", data)
    ctx.say("media_kept")


async def _not_a_request(ctx: Ctx, text: str) -> bool:
    """A greeting, a thank-you, a phone number, digits or emoji alone: answered as what
    they are, not offered as a request to submit."""
    plain = bare(text)
    if is_greeting(plain):
        call = await open_emergency(ctx)
        if call is not None:
            # 好的, 谢谢 while their 110 call is worked on: not told to press 🚨110 again.
            ctx.say("e_call_ack", number=call.label)
            return True
        ctx.say("greeting", main_menu(ctx), how=how_to(ctx))  # 110 only for whom it is
        return True
    if not plain:  # emoji or punctuation only: something was said, only not in words
        ctx.say("emoji_only")
        return True
    if typed_phone(text) is not None:
        ctx.say("phone_alone", main_menu(ctx))  # not a request, and not a registration
        return True
    if plain.isdigit():
        ctx.say("digits_only")
        return True
    if presses_a_prompt(text):
        # 下一步, 算了 after the prompt ended (timed out, or left): no request of "下一步".
        ctx.say("no_prompt_waiting", main_menu(ctx))
        return True
    nothing_in_hand = asks_if_done(text) and not await anything_in_hand(ctx)
    if asks_to_rate(text) or a_score_alone(text) or nothing_in_hand:
        # 评价一下 or 5分 with no ticket awaiting their verdict (one that did was rated before),
        # or 修好了吗 with nothing in hand: no request of those words for the desk, nor news
        # for a team. Their tickets, with where each stands.
        if await ctx.uow.tickets.of_requester(ctx.user.id, limit=1):
            ctx.say("nothing_in_hand" if nothing_in_hand else "nothing_to_rate")
        await mine.list_mine(ctx)
        return True
    if (
        may_have_barn(ctx)
        and alarm_check.about_calling_off(text)
        and not await anything_in_hand(ctx)
    ):
        # 不用来了, 修好了, 取消了？ or 不用撤回 with nothing of theirs in hand (a call just
        # withdrawn, say): no request of "不用来了". With a ticket in hand, they may be for
        # its team: offered.
        ctx.say("e_called_off")
        return True
    return False


_NUMBER_IN_WORDS = re.compile(r"\d{5,}")
_FEW_WORDS = 8  # "工单10019", "10019进度怎么样", "查一下10019": about that ticket


_NUMBER_CUES = ("工单", "单号", "编号")  # words that call the number a ticket's
# A number another paper gives, named so: an order's (订单号, 订单编号) or a parcel's (运单号,
# 快递单号): 订单号20261201001还没送到 asks after the order, not a ticket mistyped.
_OTHER_PAPERS = re.compile(r"(?:订|运|快递|物流)单(?:编)?号")


async def _own_ticket_number(ctx: Ctx, text: str) -> bool:
    """A ticket's number, alone or in a few words, typed by its requester: how it stands.
    One that the check digit refuses, or that is not theirs, is said to be so when it is
    plainly meant as a ticket's (called 工单号, typed to withdraw it, or alone and as long as
    their tickets' numbers); other numbers (an amount, "订了20000支", a phone) are not."""
    plain = bare(text)
    found = _NUMBER_IN_WORDS.search(plain)
    if found is None or len(plain) - len(found.group()) > _FEW_WORDS:
        return False
    number = found.group()
    if read_licence(text).number is not None or _OTHER_PAPERS.search(plain):
        # 许可证编号：520102100123 is the shop's licence, whose 编号 is no ticket's number.
        return False
    # Called a ticket's (工单号), or its withdrawal asked (撤回10019): plainly a ticket's.
    called_one = any(cue in plain for cue in _NUMBER_CUES) or _asks_to_withdraw_it(plain, number)
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
    if _asks_to_withdraw_it(plain, number):
        # 撤回10019, 取消工单10019, 工单10019不用办了: its withdrawal asked, as 撤回 typed asks
        # of the one ticket in hand, not the ticket shown for its 撤回 to be pressed.
        await mine.withdrawal_typed(ctx, [ticket])
        return True
    await mine.show(ctx, ticket)
    return True


def _asks_to_withdraw_it(plain: str, number: str) -> bool:
    """Whether the words typed with a ticket's `number` ask to withdraw it: read as they
    are (取消工单, 把工单撤回 are withdrawal words with 工单 in them), then with what names
    the number left out (撤回10019号: 撤回)."""
    said = plain.replace(number, "", 1)
    return bool(said) and (asks_to_withdraw(said) or asks_to_withdraw(_NUMBER_NAMED.sub("", said)))


# What names the number typed with it (工单, 单号, 号): left out, the rest is what is asked.
_NUMBER_NAMED = re.compile("|".join((*_NUMBER_CUES, "号")))


async def _as_long_as_theirs(ctx: Ctx, number: str) -> bool:
    """Whether `number` has as many digits as one of the person's tickets' numbers."""
    mine_now = await ctx.uow.tickets.of_requester(ctx.user.id, limit=3)
    return any(len(ticket.label) == len(number) for ticket in mine_now)


def _remark_on_the_service(ctx: Ctx, decision: Decision | None, text: str) -> Kind | None:
    """The complaint or suggestion made by words that name a barn emergency ("建议110服务队
    晚上多安排一个人值班，上次烤房停电等了很久", "我要投诉，昨晚烤房停电打你们110电话一直没
    人接"): about how a call went, perhaps. Never news of an open call, which would page the
    team with it; filed as what it is when a call is open or the words say it is past, else
    asked about (the barn may be failing now). None for other words, and for a danger to
    people (着火), which is never taken for a remark."""
    if decision is None or not decision.emergency or decision.danger:
        return None
    return said_of_the_service(ctx, text)


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
