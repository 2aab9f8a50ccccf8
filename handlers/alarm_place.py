"""Where a 110 call is, when the farmer tells it after the alarm went out.

A farmer whose barn the bot does not know is not kept waiting on a question: the alarm goes
out at once (`alarm_intake`), and 在哪个烤房？ comes after it. What answers it (a barn, a town, a
pin, words that say where) is added to the call and shown to whoever has it: the card, the
team chat, the on-duty pagers, the member who accepted it. A barn in another town moves the
call to that town's 110 team, while it is still with the team it first went to and nobody
has accepted it. Anything else the farmer sends meanwhile (news, chasing, a voice note, a
new alarm, a question) is read as if no question were pending.
"""

from __future__ import annotations

import re

from core.config import Site
from core.enums import Action, Role, Status
from core.geo import distance_km
from core.model import Ticket
from core.services import note_event, perform, redirect
from handlers import alarm_check, alarm_intake, notify
from handlers.alarm_intake import PlaceAnswer
from handlers.context import Ctx
from handlers.i18n import in_script, t
from handlers.places import (
    BARNS,
    area_named,
    barns_named,
    pin_at_a_barn,
    pin_place,
    without_places,
)
from handlers.team_access import tell_requester_moved
from handlers.ticket_info import add_info
from handlers.tickets import attach, is_chasing, is_greeting, is_question, routed
from routing import bare, to_simplified

# Words that say where: a village (and the endings of Guizhou and Yunnan place names), a
# number, beside, the road, someone's home, here and there.
_PLACE_CUE = re.compile(
    r"[村寨屯湾坪坡岭沟组路家坝冲堡哨铺营塘桥街镇乡]|(?<![现正实存所不])在(?![等这那]?等)|号|旁|边|附近"
    r"|对面|后面|前面|上面|下面|这里|那里|这儿|那儿"
)

_BARN_NUMBER_DIGITS = 4  # "3", "12": a barn's number; 13800000001 or 10019 is not

# While the call is in these states the place is still worth telling; once it is resolved
# the farmer's words are a verdict, not a place.
_PLACEABLE = (Status.DISPATCHED, Status.ACCEPTED, Status.ON_SITE, Status.WAITING_REQUESTER)


async def place_step(ctx: Ctx) -> bool:
    """Take this message as the place of the call; False when the desk should read it
    afresh: it says something else (the question stays open), or the call has moved on
    (the question ends)."""
    ticket = await _call(ctx)
    if ticket is None or ticket.status not in _PLACEABLE:
        await ctx.end_flow()
        if ctx.msg.is_button:
            ctx.toast("stale_button")
            return True
        return False
    answer = alarm_intake.read_place(ctx)
    if answer is None:
        return True  # answered already (a stale button, a location out of the region)
    if answer.skipped and not ctx.msg.is_button and ticket.status is Status.WAITING_REQUESTER:
        return False  # "不知道" answers the team's own question
    if answer.skipped:
        await skip(ctx, ticket)
        return True
    if await _asked_which_named(ctx, ticket, answer):
        return True
    if ticket.status is not Status.WAITING_REQUESTER and _pin_told_already(ticket, answer):
        # The same pin again (a second press of 共享位置, a resend while waiting): the team
        # has it; telling them again would page the on-duty member a second time. Asked
        # for by the team (再共享一次位置), it is their answer.
        ctx.say("e_place_same", number=ticket.label)
        if ticket.site_code is None and not _pinned(ctx, ticket):
            alarm_intake.ask_where(ctx)  # the pin told no barn: the question still stands
        return True
    if not _says_where(ctx, ticket, answer):
        # News, chasing, a question: read afresh. The question stays open, as it stays on
        # the farmer's screen, for a barn pressed or named later.
        return False
    which = ctx.conv.data.get("which") if ctx.conv is not None else None
    await ctx.end_flow()
    await _place_call(ctx, ticket, answer, which=which if isinstance(which, list) else None)
    return True


async def _asked_which_named(ctx: Ctx, ticket: Ticket, answer: PlaceAnswer) -> bool:
    """Words naming two barns or more ("大坪没事，松林着火了", "大坪和松林都着火了") are not
    read for which one fails: the farmer is asked, with a button for each barn named. The
    words join the call at once, for whichever team has it, then or after the barn moves it,
    however the barn is said (pressed, typed, or never)."""
    named = barns_named(ctx, answer.words) if answer.words else []
    if len(named) < 2 or ticket.status is Status.WAITING_REQUESTER:
        return False
    await add_info(ctx, ticket, answer.words, answer.photo, voice=answer.voice)
    await ctx.goto("where", which=named)
    alarm_intake.ask_which_named(ctx, named)
    return True


# Two shares from the same spot differ by a phone's GPS jitter, some tens of metres.
_SAME_PIN_KM = 0.1


def _pin_told_already(ticket: Ticket, answer: PlaceAnswer) -> bool:
    """Whether the answer is only a pin, where the call's pin already is."""
    bare_pin = not (answer.words or answer.voice or answer.photo)
    if not bare_pin or answer.lat is None or answer.lon is None:
        return False
    if ticket.lat is None or ticket.lon is None:
        return False
    return distance_km(ticket.lat, ticket.lon, answer.lat, answer.lon) <= _SAME_PIN_KM


def _says_where(ctx: Ctx, ticket: Ticket, answer: PlaceAnswer) -> bool:
    """Whether the answer is a place. A barn, a town or a pin is; a voice note or a photo
    is news for the call; words are a place unless they are the answer to the team's own
    question, ask or chase something, or plainly concern a service (temperatures, faults)."""
    if answer.site_code or answer.area or answer.lat is not None:
        return True
    if not answer.words or ticket.status is Status.WAITING_REQUESTER:
        return False
    if is_question(answer.words) or is_chasing(answer.words):
        return False
    plain = bare(answer.words)
    if not plain or is_greeting(plain):
        return False  # 好的, 谢谢, 👍: not where the barn is
    if plain.isdigit():
        # "3": their barn's; not a phone number, nor 110 (or 119, 120) dialled in a hurry.
        return len(plain) <= _BARN_NUMBER_DIGITS and plain not in _SERVICE_NUMBERS
    cue = _PLACE_CUE.search(to_simplified(answer.words)) is not None
    decision = routed(ctx)
    if decision is None or decision.triage:
        # Words the router knows nothing of say where only with a place word ("张家寨",
        # "老王那里"); "我叫张大山" or "快点来啊" do not.
        return cue
    # "3号烤房", "老王家烤房旁边" route to the curing line for the word 烤房, yet say where;
    # a fault or an alarm ("温度掉到38度了", "另一间烤房也着火了") does not.
    calm = not decision.urgent and not decision.emergency
    return calm and cue


_SERVICE_NUMBERS = frozenset(("110", "119", "120"))


async def placed_late(ctx: Ctx, ticket: Ticket | None) -> bool:
    """A barn pressed (or named) after the place question ended (the farmer went to the
    menu meanwhile): it still places the call, while the call has no place yet. False when
    it does not apply, and nothing was done."""
    unplaced = (
        ticket is not None
        and ticket.requester_id == ctx.user.id
        and ticket.status in _PLACEABLE
        and ticket.site_code is None
        and not _pinned(ctx, ticket)
    )
    if not unplaced:
        return False
    assert ticket is not None
    await ctx.start_flow(alarm_intake.PLACE, "where", {"ticket_id": ticket.id})
    return await place_step(ctx)


def _pinned(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether a pin places the call: one far from every barn tells no town (`pin_place`)."""
    if ticket.lat is None or ticket.lon is None:
        return False
    return pin_place(ctx, ticket.lat, ticket.lon)[1] is not None


async def moved_by_words(ctx: Ctx, call: Ticket) -> bool:
    """Words typed during the farmer's open call that say only that its barn is in another
    town or cluster than the call's (在白石乡, 是白石的烤房 for a call at 青山镇河湾): the
    call is placed there as a pin there places it, moving to that town's team while nobody
    has taken it, both teams and the farmer told. Words that mention a place beside other
    news (刚从白石乡回来, 白石乡也停电了) leave the call where it is. False when they do
    not apply, and nothing was done."""
    text, msg = ctx.msg.text.strip(), ctx.msg
    if not text or msg.photo_file_id or msg.voice_file_id or call.requester_id != ctx.user.id:
        return False
    if call.status not in _PLACEABLE or call.status is Status.WAITING_REQUESTER:
        return False  # the team's question waits: the words answer it
    if is_question(text):
        return False  # 白石乡？ asks
    if call.lat is not None and call.lon is not None and pin_at_a_barn(ctx, call.lat, call.lon):
        return False  # a pin at a barn says which one better than words (one from home does not)
    named = barns_named(ctx, text)
    if len(named) > 1 or _WHERE_ONLY.fullmatch(without_places(ctx, text)) is None:
        return False
    if named and alarm_check.names_another_barn(ctx, call, text):
        answer = PlaceAnswer(site_code=named[0], words=text)
    elif not named and (area := area_named(ctx, text)) not in (None, call.area):
        if not _has_barns(ctx, area):
            return False  # 我家在城区: where they live, no town a barn of theirs is in
        answer = PlaceAnswer(area=area, words=text)
    else:
        return False  # where the call is already, or no place at all
    if ctx.conv is not None and ctx.conv.flow == alarm_intake.PLACE:
        await ctx.end_flow()  # the place question it answers, when still open
    await _place_call(ctx, call, answer)
    return True


def _has_barns(ctx: Ctx, area: str | None) -> bool:
    return any(site.area == area and site.kind in BARNS for site in ctx.cfg.sites)


# What words that say where a barn is are made of beside the place's name: 在白石乡,
# 是白石的烤房, 我家烤房在松林村那边, 白石乡3号. Anything else (刚从…回来, 也停电了, 吗,
# 不是) makes the place a mention, not the answer.
_WHERE_ONLY = re.compile(
    r"(?:我们?|我家|家里?|的|是|在|就|其实|应该|这个|那个|烤房群?|这边|那边|这里|那里|这儿|那儿"
    r"|那块|一带|附近|位置|地点|地址|村|乡|镇|\d{1,4}号?|[啊呀哦噢嗯了哈吧喔])*"
)


async def skip(ctx: Ctx, ticket: Ticket | None = None) -> None:
    """No place (跳过, /cancel): the question ends, the alarm stays, and the farmer is told so."""
    assert ctx.conv is not None
    ticket = ticket or await _call(ctx)
    await ctx.end_flow()
    number = ticket.label if ticket is not None else ""
    alarm_intake.say_with_phone_offer(ctx, ctx.text("e_place_skipped", number=number))


async def _call(ctx: Ctx) -> Ticket | None:
    """The 110 call whose place is asked for."""
    assert ctx.conv is not None
    raw_id = ctx.conv.data.get("ticket_id")
    return await ctx.uow.tickets.get(raw_id) if isinstance(raw_id, int) else None


async def _place_call(
    ctx: Ctx, ticket: Ticket, answer: PlaceAnswer, *, which: list[str] | None = None
) -> None:
    """`which`: the barns the farmer named, asked which of them fails, when that is what
    the answer answers."""
    assert ticket.id is not None
    if which and answer.site_code is None and answer.area is not None and answer.lat is not None:
        # A pin near neither barn, in the town of one of those named: that one. In both
        # towns' or neither's, which is still theirs to say (asked again below). A town
        # typed is the farmer's own answer, and goes as typed.
        in_its_town = [c for c in which if (s := ctx.cfg.site(c)) and s.area == answer.area]
        answer.site_code = in_its_town[0] if len(in_its_town) == 1 else None
        answer.area = answer.area if answer.site_code else None
    site = ctx.cfg.site(answer.site_code) if answer.site_code else None
    said = _said(ctx, answer, site)
    if site is not None:
        ticket.site_code, ticket.area = site.code, site.area
    elif answer.area is not None:
        if answer.lat is not None or answer.area != ticket.area:
            # A pin at no cluster, or another town: not at the barn the call had (the one
            # they registered, of a farmer with barns in two places), which the card would
            # otherwise name beside the pin, sending the team there. A pin far from every
            # barn tells no town (`pin_place`): the call stays where it was, the pin beside.
            ticket.site_code = None
        ticket.area = answer.area
    if answer.lat is not None:
        ticket.lat, ticket.lon = answer.lat, answer.lon
        if not answer.words and answer.area is not None:
            barn = site.code if site is not None else None
            ticket.text = _without_words_elsewhere(ctx, ticket.text, answer.area, barn)
    ticket.text = alarm_intake.with_place_words(ctx, ticket.text, answer.words)
    files = {"voice": answer.voice, "photo": answer.photo}
    for kind, file_id in files.items():
        if file_id:
            await attach(ctx, ticket, kind, file_id, caption=answer.words)
    await note_event(
        ctx.uow, ticket, "place", actor_id=ctx.user.id, role=Role.REQUESTER, now=ctx.now, note=said
    )
    if ticket.status is Status.WAITING_REQUESTER:
        # The team's question was surely where the barn is: the place answers it.
        note = f"位置：{said}"
        await perform(
            ctx.uow, ctx.cfg, ticket, Action.ANSWER, actor_id=ctx.user.id, now=ctx.now, note=note
        )
    first_team = ticket.team_id
    town_team = ctx.cfg.team_for(ticket.line, ticket.area)
    if town_team.id != first_team and await _still_first_dispatch(ctx, ticket):
        await redirect(
            ctx.uow, ctx.cfg, ticket, town_team.id, now=ctx.now, note=f"报告人告知位置：{said}"
        )
        # The first team's copies lose their buttons, and say where the call went; a copy in
        # the chat of the team it comes back to (在白石乡, then a pin at 大坪) too, as the
        # fresh card posted next alone has them.
        await notify.update_cards(ctx, ticket, reposting=True, moved_from=first_team)
        await notify.post_card(
            ctx, ticket, with_history=True
        )  # card, files, location and pages for the new team
        # Those paged first stand down: an edited card alone would not tell them.
        moved = t("place_moved_team", number=ticket.label, place=said, team=town_team.name)
        paged = await notify.team_targets(
            ctx, first_team, urgent=True, requester=ticket.requester_id
        )
        for target in paged:
            await ctx.enqueue(target, moved, urgent=ticket.urgent, ticket_id=ticket.id)
        await tell_requester_moved(ctx, ticket, town_team.name)
    else:
        await notify.update_cards(ctx, ticket)
        pin = (
            (answer.lat, answer.lon) if answer.lat is not None and answer.lon is not None else None
        )
        told = t("place_to_team", number=ticket.label, place=said)
        await notify.tell(ctx, ticket, told, files, pin)
    if answer.lat is not None and answer.area is None and (ticket.site_code is None or which):
        # A pin far from every barn, and the barn still unknown (or which of those named is
        # still to say: the call is at the one they registered only until they do): the
        # team has the pin, the farmer is asked again, rather than told the call is placed.
        data: dict[str, object] = {"ticket_id": ticket.id, **({"which": which} if which else {})}
        await ctx.start_flow(alarm_intake.PLACE, "where", data)
        if which:
            alarm_intake.ask_which_named(ctx, which)
        else:
            alarm_intake.ask_where(ctx, answer.lat, answer.lon)
        return
    shown = in_script(said, ctx.script)
    alarm_intake.say_with_phone_offer(
        ctx, ctx.text("e_place_added", number=ticket.label, place=shown)
    )


def _without_words_elsewhere(ctx: Ctx, text: str, area: str, barn: str | None) -> str:
    """The call's words without the places typed before (位置：在白石乡) that a pin shared
    since puts elsewhere: in another town (大坪, 青山镇), or at another barn cluster (`barn`,
    the pin's) of the same town (在河湾, then a pin at 大坪): the card would name both, 位置
    against 地点, and the team go by the wrong one. Words naming no town (村口第三间), or the
    pin's town and no other barn, stay; each place given stays in the history."""

    def elsewhere(words: str) -> bool:
        if area_named(ctx, words) not in (None, area):
            return True
        named = barns_named(ctx, words) if barn is not None else []
        return bool(named) and barn not in named

    lines = text.split("\n")
    kept = [
        line
        for line in lines
        if not line.startswith(_PLACE_LINE) or not elsewhere(line.removeprefix(_PLACE_LINE))
    ]
    return "\n".join(kept)


_PLACE_LINE = "位置："  # how `alarm_intake.with_place_words` adds the farmer's words


async def _still_first_dispatch(ctx: Ctx, ticket: Ticket) -> bool:
    """Not yet accepted, and still with the team the desk chose: a team's transfer or a
    supervisor's reassignment is a person's decision that a farmer's place must not undo.
    The desk's own move on a place the farmer gave (`redirect`, by nobody) is not: a pin
    after "在白石乡" that finds the barn at 大坪 moves the call again, to 青山镇's team."""
    if ticket.status is not Status.DISPATCHED:
        return False
    assert ticket.id is not None
    moved = (Action.TRANSFER.value, Action.REASSIGN.value, Action.REOPEN.value)
    return not any(
        e.action in moved and not (e.actor_id is None and e.actor_role is Role.SYSTEM)
        for e in await ctx.uow.tickets.events(ticket.id)
    )


def _said(ctx: Ctx, answer: PlaceAnswer, site: Site | None) -> str:
    """The place in words for the team: the farmer's words with the barn (`site`) or town
    they name, else the barn, else a pin."""
    if answer.words:
        area = ctx.cfg.area(answer.area) if answer.area else None
        named = site.name if site else area.name if area else ""
        if not named or bare(named) in bare(to_simplified(answer.words)):
            return answer.words
        return f"{answer.words}（{named}）"
    if site is not None:
        return site.name if answer.lat is None else f"共享位置（{site.name}）"
    if answer.nearest is not None:
        name, km = answer.nearest
        return f"共享位置（离{name}约 {km:.0f} 公里）"
    return "共享位置"
