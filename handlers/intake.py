"""Requester flows that end in a ticket: 110, /new, /complain, /suggest, /wish, free text."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from core.complainant import kept_from, team_keeps
from core.enums import Kind, Requester, Status
from core.geo import nearest_site, within_service_region
from core.model import Ticket
from core.texts import clip, one_line
from handlers import shop_details, thanks, tickets, verdicts
from handlers.alarm_intake import in_danger, start_emergency, valid_text
from handlers.cards import called_here
from handlers.chase_news import unaccepted_news
from handlers.context import Ctx
from handlers.draft_summary import (
    ABOUT,
    ABOUT_NUMBER,
    ALL_OFFERED,
    THANKED,
    Offer,
    files_other_items,
    numbered,
    offer_data,
    offers_kept,
    read_otherwise,
    show_summary,
)
from handlers.drafts import DRAFT, added_from, calls_off_the_draft, draft_data, filed_from
from handlers.follow_up import in_hand_about
from handlers.i18n import in_script, quoted
from handlers.kind_offer_words import typed_at_offer
from handlers.menu import main_menu
from handlers.replies import Button, rows
from handlers.ticket_info import add_info
from handlers.tickets import Gathered
from handlers.typed_menu import calls_off
from handlers.wish_items import numbers_only, read_list
from handlers.wish_lists import in_list_order
from routing import bare, to_simplified

TICKET = "ticket"
# conv.data key: the draft began with a photo or a pin sent alone (`free_text._media`), not
# with 求助办事 or /new: a farmer's voice note sent next is what a voice note alone is, a
# possible 110 call, not the description of a request they never chose.
BEGUN_WITH_A_FILE = "begun_with_a_file"

# Answers typed at the summary instead of pressing its buttons ("要把这条消息作为求助提交吗？").
_SUBMIT_WORDS = (
    "提交", "提交吧", "确认", "确定", "是", "是的", "好", "好的", "可以", "对", "对的",
    "没问题", "没错", "行", "行的", "就这样", "ok", "okay",
)  # fmt: skip
_TYPED_CHOICES = {
    **dict.fromkeys(_SUBMIT_WORDS, "f:ok"),
    **dict.fromkeys(("修改", "改一下", "重写"), "f:edit"),
    # A no to submitting; the words that leave any prompt (算了, 取消) drop the draft before
    # it is read (`ticket_step`).
    **dict.fromkeys(("不用", "不用了", "不要", "不提交"), "f:no"),
    **dict.fromkeys(("匿名", "匿名提交", "匿名投诉", "我要匿名"), "f:anon"),
    # The step before's button, typed: no words of the request.
    "下一步": "f:next",
    # A wish list's 「📄 作为一项提交」, typed.
    **dict.fromkeys(("作为一项提交", "作为一项", "按一项提交", "作为一个心愿提交"), "f:one"),
}
# A wish list's 「✅ 分 3 项提交」, typed with its count or without (分项提交, 逐项提交).
_ITEMS_TYPED = re.compile(r"(?:分|逐)(?:\d{1,2}|[两二三四五六七八九十])?[项条个]?(?:分别)?提交")
# 「✏️ 修改」 typed as people say it (修改一下, 我要修改, 重新写, 我想改一下), alone: words that
# go on to say what to change (修改地址, 改一下送货时间) are the request's.
_EDIT_TYPED = re.compile(
    r"(?:我(?:要|想)|要|想|需要)?(?:修改|重写|重新写|重新填写?|重填|改)(?:一下|下|一改)?吧?"
)


# Replies to "没有的话点「下一步」" that say there is nothing more to add (提交: the summary
# comes, to be confirmed as ever).
_NOTHING_MORE = frozenset(
    ("下一步", "没有", "没有了", "没了", "没", "无", "不用", "不用了", "没有补充", "不补充",
     "就这些", "就这样", "好了", "好", "好的", "行", "可以", "没问题", "没事", "没别的",
     "是", "是的", "对", "对的", "嗯", "嗯嗯", "不要", "不要了", "不需要", "不需要了", "提交",
     "确认", "确定",
     "发送", "完成", "写完了", "ok", "okay")
)  # fmt: skip


_THANKS = re.compile(r"(?:谢谢你们|谢谢你|谢谢您|谢谢|麻烦了)$")


def _calls_off_at(step: str, text: str) -> bool:
    """Words that call the draft off (`drafts.calls_off_the_draft`) where they do: where
    more is asked, 不要了，谢谢 or 不用了 says there is nothing more (the summary, with its
    「取消」, comes next), while 算了不订了 or 我不买了 still calls it off."""
    if not calls_off_the_draft(text):
        return False
    if step != "extras":
        return step in ("describe", "confirm")
    return not nothing_more(text)


def acknowledges_only(text: str) -> bool:
    """A greeting, thanks or a bare yes (好了, 好的, 可以, 嗯, 謝謝): no words of a request."""
    return tickets.is_greeting(text) or nothing_more(text)


def nothing_more(text: str) -> bool:
    """A reply to "没有的话点「下一步」" that says there is nothing more, thanks or not
    (不用了，谢谢; 沒有了): not words of the request."""
    plain = to_simplified(bare(text))
    return (_THANKS.sub("", plain) or plain) in _NOTHING_MORE


# A summary's button carries its draft's id (f:ok:<id>, `drafts.DRAFT`); 补充到工单's carries
# the ticket it adds to as well (f:add:<id>:<ticket id>), a wish's 提交 how many items it
# files and the mark of their words (f:ok:<id>:3:<mark>, `draft_summary.words_mark`).
_SUMMARY_PRESS = re.compile(
    r"(f:(?:ok|one|edit|no|add|more|anon|thanks|as|keep)):([0-9a-z]{1,12})"
    r"(?::([0-9]{1,12}))?(?::([0-9a-f]{6}))?"
)
# conv.data key: words typed mid-draft that may be a ticket's verdict instead (好了, 满意),
# held while which is asked (`verdict_or_draft`); 「➕ 补充到正在写的内容」 (f:keep:<draft id>)
# reads them as the draft's, as if typed then.
HELD_WORDS = "held_words"
KEEP_WORDS = "f:keep"
# Set when 「修改」 rewrites a draft that was offered to tickets in hand: the new words are
# read again for the tickets they may be about, not offered to the old words' ones.
_REOFFER = "about_again"


def _choice(data: str | None) -> str | None:
    """A summary button's choice (f:ok), without the draft id it carries."""
    found = _SUMMARY_PRESS.fullmatch(data or "")
    return found.group(1) if found else data


async def summary_pressed(ctx: Ctx, data: str) -> bool:
    """A summary's button (提交, 修改, 分项, 取消): its draft's next step while the draft is
    being written; once it was filed, which tickets it became (a second press of 提交
    files nothing twice, and is not told the button is stale, which would have them type
    it all again); once its thanks were passed on, that they were; after /cancel, stale.
    False for any other button."""
    found = _SUMMARY_PRESS.fullmatch(data)
    if found is None:
        return False
    draft_id = found.group(2)
    conv = ctx.conv
    if conv is not None and conv.flow == TICKET and conv.data.get(DRAFT) == draft_id:
        await ticket_step(ctx)
        return True
    filed = await filed_from(ctx, draft_id)
    if not filed and found.group(1) == "f:add":
        added = await added_from(ctx, draft_id, found.group(3))
        if added is not None:
            ctx.say("draft_added_already", number=added.label)
            return True
    thanked = None if filed else await thanks.thanked_from(ctx, draft_id)
    if thanked is not None:
        # Its thanks went (a double tap of 👍): said so, not that the button is stale.
        team = in_script(ctx.cfg.team(thanked.team_id).name, ctx.script)
        ctx.say("thanks_passed_already", team=team, number=thanked.label)
        return True
    if not filed:
        ctx.toast("stale_button")
        return True
    numbers = "、".join(ticket.label for ticket in filed)
    ctx.say("draft_filed_already", numbers=numbers)
    return True


DRAFT_SHOWN = 30  # characters of a draft left unsubmitted, named in the reply


def draft_words(ctx: Ctx) -> str | None:
    """What the request's draft in this conversation holds, as the reply names it: its words
    (on one line, clipped), or its photos and voice notes; None for no draft, or an empty one."""
    if ctx.conv is None or ctx.conv.flow != TICKET:
        return None
    draft = Gathered.from_data(ctx.conv.data)
    if draft.text.strip():
        return quoted(one_line(draft.text, DRAFT_SHOWN))  # their words, as they wrote them
    return ctx.text("draft_files") if draft.photos or draft.voices else None


# ---- request, complaint, suggestion, wish -----------------------------------------------------


async def start_ticket(
    ctx: Ctx,
    kind: Kind,
    text: str | None = None,
    *,
    first: Gathered | None = None,
    about: list[Ticket] | None = None,
    thanked: Ticket | None = None,
) -> None:
    """Begin a request; `first` carries what already came with it (a photo, a location);
    `about`, the open tickets the words may be about, which the summary offers to add them
    to (any one of them); `thanked`, the ticket whose team words of thanks are for, which
    it offers to pass them on to."""
    if not await may_start_ticket(ctx, kind):
        return
    gathered = first or Gathered(kind=kind, text="", site_code=ctx.user.site_code)
    gathered.kind, gathered.text = kind, text or ""
    if text:
        data = draft_data(ctx, gathered)
        if about and kind is Kind.REQUEST:
            # The items of a wish list in the list's order, as its filing numbered them.
            data |= offer_data(await in_list_order(ctx, about))
        if thanked is not None:
            data[THANKED] = [thanked.id, thanked.label, thanked.team_id]
        await ctx.start_flow(TICKET, "confirm", data)
        if in_danger(ctx, text):
            ctx.say("e_danger")  # a fire in a shop: 119 before any form
        chased = await unaccepted_news(ctx, text, about) if about and kind is Kind.REQUEST else None
        await show_summary(ctx, gathered, lead="free_text_confirm", said=chased or "")
        return
    await ctx.start_flow(TICKET, "describe", draft_data(ctx, gathered))
    ctx.say(f"describe_{kind.value}")


async def may_start_ticket(ctx: Ctx, kind: Kind) -> bool:
    """Whether `kind` may be begun now; if not, why not is said (a wish is staff's own; too
    many requests today)."""
    if kind is Kind.WISH and not await is_staff(ctx):
        ctx.say("wish_staff_only")
        return False
    limited = await tickets.over_rate_limit(ctx)
    if limited is not None:
        ctx.say(_rate_limited(ctx), count=limited)
        return False
    return True


async def begin_described(ctx: Ctx, kind: Kind) -> bool:
    """A draft of `kind` begun at its description, without asking for it: the words that
    came with the command (/complain 配送员态度差) are its answer. False when it may not be
    begun (said why)."""
    if not await may_start_ticket(ctx, kind):
        return False
    gathered = Gathered(kind=kind, text="", site_code=ctx.user.site_code)
    await ctx.start_flow(TICKET, "describe", draft_data(ctx, gathered))
    return True


def _rate_limited(ctx: Ctx) -> str:
    """Too many filed this hour: the 110 line, which is never limited, named only to whom a
    curing barn may belong (a retailer's or a staff member's menu has no 110)."""
    return "rate_limited" if tickets.may_have_barn(ctx) else "rate_limited_no_barn"


async def is_staff(ctx: Ctx) -> bool:
    if ctx.user.kind is Requester.STAFF:
        return True
    return bool(await ctx.uow.memberships.of_user(ctx.user.id))


_ITEM_SHOWN = 30  # characters of an item in the reply that lists its ticket number


async def ticket_step(ctx: Ctx) -> None:
    assert ctx.conv is not None
    gathered = Gathered.from_data(ctx.conv.data)
    msg, step = ctx.msg, ctx.conv.step
    if _choice(msg.callback_data) == KEEP_WORDS:
        held = str(ctx.conv.data.get(HELD_WORDS) or "")
        if not held:
            ctx.toast("stale_button")  # pressed twice: the words were read the first time
            return
        await ctx.goto(step, **{HELD_WORDS: None})
        ctx.msg = msg = replace(msg, text=held, callback_data=None)
    words = not (msg.is_button or msg.photo_file_id or msg.voice_file_id)
    if words and (calls_off(msg.text) or _calls_off_at(step, msg.text)):
        # 算了, 返回 typed at any step (算了不订了, 不要了，谢谢 for the description or at the
        # summary): the draft is dropped, as with 「取消」; taken as words it would be the
        # request's description, filed to a team.
        await ctx.end_flow()
        # The 📍 keyboard of 「下一步」 goes with these words, the menu on a message of its own
        # (a message carries one keyboard only).
        ctx.say("draft_called_off", keyboard="remove")
        ctx.say("menu_next", main_menu(ctx))
        return
    if step == "describe":
        if msg.is_button and _SUMMARY_PRESS.fullmatch(msg.callback_data or "") is None:
            # An older message's button (a comment prompt's 跳过), not this draft's summary
            # (修改 then 提交 pressed again is told the words are awaited): it describes
            # nothing, and the step goes on waiting for the words.
            ctx.toast("stale_button")
            return
        if not msg.text and (msg.voice_file_id or msg.photo_file_id or msg.location):
            await _describe_without_words(ctx, gathered)
            return
        if words and acknowledges_only(msg.text):
            # 好了, 好的, 可以 or 你好 where the request's words are asked for: no description
            # (the team would read "好了"), so what the request is is asked again.
            filed = tickets.filed_kind(ctx, gathered, tickets.decide(ctx, gathered))
            said = ctx.text("describe_ack_only", words=quoted(msg.text.strip()))
            ctx.reply(f"{said}\n{ctx.text(f'describe_{filed.value}')}")
            return
        # A photo's or a voice note's caption is the description; the file is kept too.
        if msg.photo_file_id:
            gathered.photos.append(msg.photo_file_id)
        if msg.voice_file_id:
            gathered.voices.append(msg.voice_file_id)
        # 1、😀 2、👍: numbered, and nothing said.
        numbered_only = bool(msg.text) and numbers_only(msg.text)
        if numbered_only:
            ctx.say("empty")
        if not msg.text or numbered_only or not valid_text(ctx, msg.text, words=True):
            if not msg.text:
                ctx.say("need_text")
            await ctx.goto("describe", **gathered.to_data())  # a file that came is kept
            return
        gathered.text = msg.text
        if ctx.conv.data.get(_REOFFER):
            await _offer_again(ctx, gathered)
        await ctx.goto("extras", **gathered.to_data())
        ctx.say("extras", rows(Button(ctx.text("next"), "f:next")), keyboard="location")
    elif step == "extras":
        with_file = bool(msg.photo_file_id or msg.voice_file_id)
        if msg.callback_data == "f:next" or (not with_file and nothing_more(msg.text)):
            await ctx.goto("confirm")
            await show_summary(ctx, gathered)
            return
        if msg.is_button:
            # An older message's button (a registration's site, its 跳过): no longer in
            # use, and said so, as at the other steps; the step goes on waiting.
            ctx.toast("stale_button")
            return
        taken = _take_extra(ctx, gathered)
        if taken == "refused":
            return
        next_button = rows(Button(ctx.text("next"), "f:next"))
        if taken == "nothing":
            ctx.say("extras", next_button, keyboard="location")
            return
        await ctx.goto("extras", **gathered.to_data())
        if taken == "words":
            ctx.say("extra_text_added", next_button)  # words join the description
        else:
            ctx.say("extra_added", next_button, count=gathered.extras)
    elif step == "confirm":
        await _confirm_step(ctx, gathered)


def _is_complaint(ctx: Ctx, gathered: Gathered) -> bool:
    return tickets.filed_kind(ctx, gathered, tickets.decide(ctx, gathered)) is Kind.COMPLAINT


def _say_created(ctx: Ctx, ticket: Ticket) -> None:
    """Filed: its number and team, and for a complaint who may read who filed it."""
    team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
    # Told only where the team that has it may not read who complained.
    keeper = None if team_keeps(ctx.cfg, ticket.team_id) else kept_from(ctx.cfg, ticket)
    if ticket.anonymous:
        ctx.say("created_anonymous", keyboard="remove", number=ticket.label, team=team)
    elif keeper is not None:
        keeper = in_script(keeper, ctx.script)
        ctx.say("created_kept", keyboard="remove", number=ticket.label, team=team, keeper=keeper)
    else:
        # A wish or a suggestion is named as its requester's notices name it.
        key = _CREATED.get(ticket.kind, "created")
        ctx.say(key, keyboard="remove", number=ticket.label, team=team)


_CREATED = {Kind.WISH: "created_wish", Kind.SUGGESTION: "created_suggestion"}


async def _submit_wish_items(ctx: Ctx, gathered: Gathered, items: list[str]) -> None:
    """Each item of a numbered wish list is a wish of its own, crossed off on its own; the
    photos, voice notes and place that came with the list go with every item."""
    # Each item is a wish, as the list was: routed as one, not each on its own few words
    # (食堂加早餐 alone might be a request for another line, or for the triage desk).
    filed = [
        await tickets.submit(
            ctx,
            replace(gathered, text=item, kind=Kind.WISH),
            part=(n, len(items)),
            draft_id=_draft_id(ctx),
        )
        for n, item in enumerate(items, 1)
    ]
    await ctx.end_flow()
    team = in_script(ctx.cfg.team(filed[0].team_id).name, ctx.script)
    lines = [
        f"{ticket.label}　{clip(item, _ITEM_SHOWN)}"
        for ticket, item in zip(filed, items, strict=True)
    ]
    ctx.say("created_items", keyboard="remove", count=len(filed), team=team, items=numbered(lines))


async def _describe_without_words(ctx: Ctx, gathered: Gathered) -> None:
    """A voice note says what is wrong as words would (a farmer may not type; the team
    listens to it). A photo or a pin is kept, and the words are asked for again."""
    if _take_extra(ctx, gathered) == "refused":
        return
    assert ctx.conv is not None
    sent_first = ctx.conv.data.get(BEGUN_WITH_A_FILE) and gathered.kind is Kind.REQUEST
    if ctx.msg.voice_file_id and sent_first and tickets.may_have_barn(ctx) and not gathered.calm:
        # The barn's photo or pin, then a voice note: a farmer's voice note alone is a 110
        # call (`free_text._media`), and so it is after them, which go with it; unless,
        # as alone, it is said to the notice of a call resolved lately.
        await ctx.end_flow()
        if await _files_to_resolved(ctx, gathered):
            return
        if gathered.site_code == ctx.user.site_code:
            gathered.site_code = None  # theirs by default: where the pin is goes first
        await start_emergency(ctx, replace(gathered, kind=Kind.EMERGENCY, calm=False))
        return
    if ctx.msg.voice_file_id:
        await ctx.goto("extras", **gathered.to_data())
        ctx.say("voice_taken", rows(Button(ctx.text("next"), "f:next")), keyboard="location")
        return
    await ctx.goto("describe", **gathered.to_data())
    ctx.say("media_kept")


async def _files_to_resolved(ctx: Ctx, gathered: Gathered) -> bool:
    """The draft's photos, pin and voice note to the person's ticket resolved lately."""
    lat, lon, voice = gathered.lat, gathered.lon, ctx.msg.voice_file_id
    pin = (lat, lon) if lat is not None and lon is not None else None
    return voice is not None and await verdicts.voice_to_resolved(
        ctx, voice, photos=gathered.photos, pin=pin
    )


Taken = Literal["words", "media", "refused", "nothing"]


def _take_extra(ctx: Ctx, gathered: Gathered) -> Taken:
    """Add the message's photo, voice note, location or words to what was gathered.

    "refused" when a reply already said why not (a location outside the service region,
    words over the limit); "nothing" when the message held nothing to add.
    """
    msg = ctx.msg
    if msg.photo_file_id or msg.voice_file_id:
        # A caption is the requester's words about the file ("许可证照片，请帮我办变更"):
        # they join the description, or the team would get the file without them.
        if bare(msg.text) and not _add_words(ctx, gathered, msg.text):
            return "refused"
        gathered.photos += [msg.photo_file_id] if msg.photo_file_id else []
        gathered.voices += [msg.voice_file_id] if msg.voice_file_id else []
    elif msg.location is not None:
        if not within_service_region(ctx.cfg, msg.location.lat, msg.location.lon):
            found = nearest_site(ctx.cfg, msg.location.lat, msg.location.lon)
            ctx.say("location_far", km=found[1] if found else 0)
            return "refused"
        gathered.lat, gathered.lon = msg.location.lat, msg.location.lon
    elif bare(msg.text):  # an emoji or a 👍 alone adds nothing to the description
        return "words" if _add_words(ctx, gathered, msg.text) else "refused"
    else:
        return "nothing"
    return "media"


def _add_words(ctx: Ctx, gathered: Gathered, words: str) -> bool:
    """Add `words` to the description; False (and the reason said) when over the limit."""
    text = f"{gathered.text}\n{words}"
    if not valid_text(ctx, text):
        return False
    gathered.text = text
    return True


def _draft_id(ctx: Ctx) -> str:
    assert ctx.conv is not None
    return str(ctx.conv.data.get(DRAFT) or "")


def _typed_choice(ctx: Ctx, gathered: Gathered, typed: str) -> str | None:
    """The summary's button that typed words stand for: at an offer of the other kind, its
    two buttons' words and a yes or a no to its question (改为投诉, 仍按建议, 是, 不是); at a
    wish list's, 分 3 项提交 and 作为一项提交 as its buttons say them."""
    other = read_otherwise(ctx, gathered) if typed else None
    offered = typed_at_offer(typed, gathered.kind, other) if other is not None else None
    if offered is None and _ITEMS_TYPED.fullmatch(typed):
        return "f:ok"
    if offered is None and _EDIT_TYPED.fullmatch(typed):
        return "f:edit"
    return offered or _TYPED_CHOICES.get(typed)


async def _confirm_step(ctx: Ctx, gathered: Gathered) -> None:
    msg = ctx.msg
    # A photo's caption ("确认一下这张") is about the photo, never the answer to a button.
    typed = "" if msg.photo_file_id or msg.voice_file_id else bare(msg.text)
    choice = _choice(msg.callback_data) or _typed_choice(ctx, gathered, typed)
    if choice == "f:anon" and not _is_complaint(ctx, gathered):
        # Typed 匿名 on a request, or an old button: nothing is filed unasked.
        ctx.say("anon_complaints_only")
        await show_summary(ctx, gathered)
        return
    shown = _SUMMARY_PRESS.fullmatch(msg.callback_data or "")
    counted, words = shown.group(3, 4) if shown and choice == "f:ok" else (None, None)
    if counted and files_other_items(ctx, gathered, int(counted), words):
        # 分 3 项提交 from before ✏️ 修改: the list as it is now, to confirm again.
        await show_summary(ctx, gathered, lead="confirm_outdated")
        return
    if choice in ("f:ok", "f:one", "f:anon"):
        limited = await tickets.over_rate_limit(ctx)
        if limited is not None:
            await ctx.end_flow()
            ctx.say(_rate_limited(ctx), count=limited)
            return
        wish = tickets.filed_kind(ctx, gathered, tickets.decide(ctx, gathered)) is Kind.WISH
        listed = read_list(gathered.text) if choice == "f:ok" and wish else None
        if listed is not None and listed.too_long:
            # Too long to split, and filed as one only when 「作为一项提交」 says so.
            await show_summary(ctx, gathered)
            return
        if listed is not None and listed.split:
            await _submit_wish_items(ctx, gathered, list(listed.items))
            return
        if listed is not None and listed.items:
            # One item left once the empty and the repeated were left out: filed alone.
            gathered = replace(gathered, text=listed.items[0])
        anonymous = choice == "f:anon"
        ticket = await tickets.submit(ctx, gathered, draft_id=_draft_id(ctx), anonymous=anonymous)
        await ctx.end_flow()
        _say_created(ctx, ticket)
        shop_details.remind_once(ctx)  # the team serving the shop reads the card without it
    elif choice == "f:as" and (other := read_otherwise(ctx, gathered)) is not None:
        # 「🔁 改为投诉」: the same draft as the kind its words read as, shown to confirm
        # again (a complaint offers 匿名提交, which a suggestion does not).
        gathered.kind = other
        await ctx.goto("confirm", **gathered.to_data())
        await show_summary(ctx, gathered)
    elif choice == "f:more" and ctx.conv is not None and offers_kept(ctx.conv.data):
        # Every ticket in hand, each with its button; the draft is as it was.
        await ctx.goto("confirm", **{ALL_OFFERED: True})
        await show_summary(ctx, gathered, lead="free_text_confirm")
    elif choice == "f:thanks" and ctx.conv is not None and ctx.conv.data.get(THANKED):
        await _pass_thanks_on(ctx, gathered)
    elif choice == "f:add" and _pressed_offer(ctx) is not None:
        offer = _pressed_offer(ctx)
        assert offer is not None
        await _add_to_ticket(ctx, gathered, offer)
    elif choice == "f:edit":
        # The offer was for the old words; the new ones are read for it again (_offer_again).
        offered = ctx.conv is not None and bool(offers_kept(ctx.conv.data))
        cleared = {
            ABOUT: None,
            ABOUT_NUMBER: None,
            ALL_OFFERED: None,
            THANKED: None,  # the new words may be no thanks
            "continues": None,  # nor the trouble of an earlier ticket back
            _REOFFER: offered,
        }
        await ctx.goto("describe", text="", **cleared)
        # Asked for as the summary named it (类别：心愿 for a staff member's typed wish).
        filed = tickets.filed_kind(ctx, gathered, tickets.decide(ctx, gathered))
        ctx.say(f"describe_{filed.value}")
    elif choice == "f:no":
        await ctx.end_flow()
        ctx.say("cancelled", keyboard="remove")
    elif choice == "f:next":
        # 下一步 pressed again (a slow network, a double tap): the summary it led to, again;
        # typed, it is said that nothing was changed, as for a greeting.
        await show_summary(ctx, gathered, lead=None if msg.is_button else "confirm_unchanged")
    elif choice is not None:
        ctx.toast("stale_button")
    elif _says_nothing_more(ctx):
        # 你好, 谢谢, 嗯 or a 👍 at the summary are no details of the matter: joined to it,
        # the team would read them as the request's words. How to go on is said instead.
        await show_summary(ctx, gathered, lead="confirm_unchanged")
    else:
        # More words or a photo at the summary add to the request (「修改」 rewrites it);
        # the summary comes again so that what is submitted is what was last shown.
        taken = _take_extra(ctx, gathered)
        if taken == "refused":
            return
        if taken != "nothing":
            # Thanks that now ask for something too ("谢谢，请再派人来", "烟叶烤黑了") are no
            # longer only thanks to pass on, read as the first words were; nor are they with
            # a photo, voice note or place, which only the team's chat would never see.
            asks = gathered.extras > 0 or not thanks.only_thanks(ctx, gathered.text)
            await ctx.goto("confirm", **gathered.to_data(), **({THANKED: None} if asks else {}))
        await show_summary(ctx, gathered, lead="confirm_added" if taken != "nothing" else None)


def _says_nothing_more(ctx: Ctx) -> bool:
    """A message of words alone that are a greeting, thanks or a bare acknowledgement, or
    of emoji only: nothing to add to a draft."""
    msg = ctx.msg
    if msg.photo_file_id or msg.voice_file_id or msg.location is not None:
        return False
    return not bare(msg.text) or tickets.is_greeting(msg.text)


async def _pass_thanks_on(ctx: Ctx, gathered: Gathered) -> None:
    """The draft's words of thanks to the team they are for, instead of filing them."""
    assert ctx.conv is not None
    ticket_id, number, team_id = ctx.conv.data[THANKED]
    passed = await thanks.pass_on(ctx, int(ticket_id), gathered.text, _draft_id(ctx))
    await ctx.end_flow()
    if passed is None:
        ctx.toast("stale_button")
        return
    team = in_script(ctx.cfg.team(str(team_id)).name, ctx.script)
    ctx.say("thanks_passed_on", keyboard="remove", team=team, number=str(number))


async def _offer_again(ctx: Ctx, gathered: Gathered) -> None:
    """After 「修改」, the tickets in hand the rewritten words may be about are offered, as
    for words typed afresh (`follow_up.in_hand_about`); none when they are about another
    service."""
    assert ctx.conv is not None
    about = []
    if gathered.kind is Kind.REQUEST:
        about = await in_hand_about(ctx, tickets.decide(ctx, gathered), gathered.text)
    offered = offer_data(await in_list_order(ctx, about))
    await ctx.goto(ctx.conv.step, **offered, **{_REOFFER: None})


def _pressed_offer(ctx: Ctx) -> Offer | None:
    """The offered ticket a 补充到工单 button pressed is for: the one its data names, or,
    for a button of a draft saved before it named one, the only one offered."""
    if ctx.conv is None:
        return None
    offers = offers_kept(ctx.conv.data)
    found = _SUMMARY_PRESS.fullmatch(ctx.msg.callback_data or "")
    named = found.group(3) if found else None
    if named is None:
        return offers[0] if len(offers) == 1 else None
    return next((offer for offer in offers if offer.ticket_id == int(named)), None)


async def _add_to_ticket(ctx: Ctx, gathered: Gathered, offer: Offer) -> None:
    """The draft's words and files join the open ticket they are about (补充到工单); one
    resolved, closed or withdrawn since takes nothing more, and the draft stays to be filed
    (or added to another ticket still offered), but for words that may say a ticket now
    awaiting their verdict is not solved, which ask so (`verdicts.added_after_resolution`)."""
    ticket = await ctx.uow.tickets.get(offer.ticket_id)
    own = ticket is not None and ticket.requester_id == ctx.user.id
    if (
        own
        and ticket is not None
        and await verdicts.added_after_resolution(
            ctx, ticket, gathered, tickets.decide(ctx, gathered)
        )
    ):
        return  # 少了两条 of a delivery resolved since: asked if it is not solved
    in_hand = ticket is not None and ticket.status.is_open and ticket.status is not Status.RESOLVED
    if ticket is None or not own or not in_hand:
        assert ctx.conv is not None
        rest = [o for o in offers_kept(ctx.conv.data) if o.ticket_id != offer.ticket_id]
        kept = [[o.ticket_id, o.number, o.team_id, o.place] for o in rest if o.team_id is not None]
        await ctx.goto("confirm", **{ABOUT: kept or None, ABOUT_NUMBER: None})
        await show_summary(ctx, gathered, lead="about_moved_on", number=offer.number)
        return
    pin = (
        (gathered.lat, gathered.lon)
        if gathered.lat is not None and gathered.lon is not None
        else None
    )
    photos, voices = list(gathered.photos), list(gathered.voices)
    answer = ticket.status is Status.WAITING_REQUESTER  # what its team asked for, perhaps
    await add_info(
        ctx,
        ticket,
        gathered.text,
        photos.pop(0) if photos else None,
        voice=voices.pop(0) if voices else None,
        pin=pin,
        answer=answer,
        draft_id=_draft_id(ctx),
    )
    for photo in photos:  # more than one came: each goes, as when sent one by one
        await add_info(ctx, ticket, "", photo)
    for voice in voices:
        await add_info(ctx, ticket, "", None, voice=voice)
    await ctx.end_flow()
    what = called_here(ctx, ticket)
    ctx.say(
        "answer_added" if answer else "add_info_done",
        keyboard="remove",
        number=ticket.label,
        what=what,
    )
