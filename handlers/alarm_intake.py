"""A 110 call taken in: what is wrong, the alarm raised at once, then where the barn is,
asked after it went out; and a requester's words checked before any of them is kept."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.config import Site
from core.enums import Kind
from core.geo import nearest_site, within_service_region
from core.model import Ticket
from core.texts import clip
from handlers import tickets
from handlers.cards import ticket_status
from handlers.context import Ctx
from handlers.i18n import in_script
from handlers.places import BARNS, area_named, barn_named, barn_site, barns_named, pin_place
from handlers.replies import Button, rows
from handlers.tickets import Gathered
from handlers.typed_menu import calls_off
from routing import bare, to_simplified

EMERGENCY = "emergency"
PLACE = "e_place"  # where a filed 110 call is, asked after the alarm went out


def valid_text(ctx: Ctx, text: str, *, words: bool = False) -> bool:
    """Reply and return False when the text is empty or too long; with `words`, also when
    it has no words (emoji or punctuation alone), which cannot describe a request."""
    if not (bare(text) if words else text.strip()):
        ctx.say("empty")
        return False
    return not ctx.too_long(text)


async def start_emergency(ctx: Ctx, first: Gathered | None = None) -> Ticket | None:
    """The shortest path: what is wrong, where, done. Registration never stands in the way.
    The call filed, when `first` says what is wrong."""
    if first is None:
        await ctx.start_flow(EMERGENCY, "what", {"kind": Kind.EMERGENCY.value})
        ctx.say("e_what")
        return None
    return await after_what(ctx, first)


async def after_what(ctx: Ctx, gathered: Gathered) -> Ticket:
    # Only a barn cluster places a call: a purchase station or a shop district someone is
    # bound to (its QR code) leaves the barn to be asked, and the call with the area's team.
    barn = barn_site(ctx, gathered.site_code)
    gathered.site_code = barn.code if barn else None
    named = []
    # A pin far from every barn tells no town (`pin_place`): the call is not placed by it.
    pinned = (
        gathered.lat is not None
        and gathered.lon is not None
        and pin_place(ctx, gathered.lat, gathered.lon)[1] is not None
    )
    if not gathered.site_code and not pinned and gathered.text:
        # 白石乡松林烤房停电了: the barn it names, rather than the one they registered (a
        # relative's barn) or a question after the alarm has gone to the wrong team.
        named = barns_named(ctx, gathered.text)
        gathered.site_code = named[0] if len(named) == 1 else None
    own = tickets.own_barn_for_call(ctx, gathered.text) if len(named) < 2 else None
    placed = bool(gathered.site_code or pinned or own)
    ticket = await create_emergency(ctx, gathered, asking_place=not placed)
    if len(named) > 1:
        # 大坪没事，松林烤房着火了: which barn fails is the farmer's to say, not the words'.
        await ctx.start_flow(PLACE, "where", {"ticket_id": ticket.id, "which": named})
        ask_which_named(ctx, named)
    elif not placed:
        # The alarm is out already (with the town they registered in, or the 110 line's
        # default team): a farmer who runs back to the barn without answering still gets
        # help. The answer goes to the call, and moves it if the barn is another town's.
        await ctx.start_flow(PLACE, "where", {"ticket_id": ticket.id})
        ask_where(ctx, gathered.lat, gathered.lon, town=ticket.area)
    return ticket


def ask_where(
    ctx: Ctx, lat: float | None = None, lon: float | None = None, *, town: str | None = None
) -> None:
    """在哪个烤房？ with the barns to press, those of `town` (the call's) when it has any;
    after a pin far from every barn (`lat`, `lon`), saying how far, or the farmer who
    shared it would not know why they are asked."""
    found = nearest_site(ctx.cfg, lat, lon, BARNS) if lat is not None and lon is not None else None
    buttons = _where_buttons(ctx, town)
    if found is None:
        ctx.say("e_where_after", buttons, keyboard="location")
        return
    site = in_script(found[0].name, ctx.script)
    ctx.say("e_where_pin_far", buttons, keyboard="location", site=site, km=found[1])


def ask_which_named(ctx: Ctx, codes: list[str]) -> None:
    """Words named several barns: which of them the call is for, a button each."""
    sites = [site for code in codes if (site := ctx.cfg.site(code)) is not None]
    names = [in_script(site.name, ctx.script) for site in sites]
    buttons = [Button(name, f"f:site:{s.code}") for name, s in zip(names, sites, strict=True)]
    ctx.say("e_place_which_named", rows(*buttons, per_row=2), names="、".join(names))


# 🚨 另一处烤房报警, offered beside a call still open: a fresh call, as /110 is.
ANOTHER_BARN = "m:110:another"


def say_call_on(ctx: Ctx, call: Ticket) -> None:
    """110 asked for again (the menu's 🚨 pressed, 报警 typed) during the person's open
    call: its number and where it stands, with 补充 to it and an alarm for another barn,
    rather than 请说明出了什么问题 as if nothing were filed (a second call for the same barn
    would page the team again)."""
    buttons = rows(
        Button(ctx.text("add_to_ticket", number=call.label), f"my:add:{call.id}"),
        Button(ctx.text("btn_another_barn"), ANOTHER_BARN),
        per_row=1,
    )
    ctx.say("e_call_on", buttons, number=call.label, status=ticket_status(call, ctx.script))


def _barns_offered(ctx: Ctx, town: str | None) -> list[Site]:
    """The barn clusters the where-question offers, in its buttons' order: those of `town`
    (the town the call's words put the barn in), else of the requester's own; and the barn
    they registered beside another town's, one press away should the words mean it."""
    sites = [s for s in ctx.cfg.sites if s.kind in BARNS]
    if town or ctx.user.area:
        sites = [s for s in sites if s.area == (town or ctx.user.area)] or sites
    own = barn_site(ctx, ctx.user.site_code)
    offered = sites[:8]
    if own is not None and own not in offered:
        offered = [*sites[:7], own]
    return offered


def _where_buttons(ctx: Ctx, town: str | None = None) -> tuple[tuple[Button, ...], ...]:
    offered = _barns_offered(ctx, town)
    buttons = [Button(in_script(s.name, ctx.script), f"f:site:{s.code}") for s in offered]
    buttons.append(Button(ctx.text("skip"), "f:skip"))
    return rows(*buttons, per_row=2)


async def emergency_step(ctx: Ctx) -> None:
    assert ctx.conv is not None
    gathered = Gathered.from_data(ctx.conv.data)
    msg = ctx.msg
    if ctx.conv.step == "what":
        barn_pressed = (msg.callback_data or "").startswith("f:site:")
        if (msg.location is not None or barn_pressed) and not msg.text:
            # A pin (or a barn pressed after a pin too far away) before the words: where the
            # barn is, as the place question reads it, kept for the alarm they will say.
            pin = read_place(ctx)
            if pin is None:
                return  # outside the service region: said so, with the barns to press
            pin.add_to(ctx, gathered)
            await ctx.goto("what", **gathered.to_data())
            ctx.say("e_place_kept")
            return
        if msg.voice_file_id:
            gathered.voices.append(msg.voice_file_id)
        elif msg.photo_file_id:
            gathered.photos.append(msg.photo_file_id)
            gathered.text = msg.text or gathered.text
        elif msg.text and len(joined := _joined(gathered.text, msg.text)) > ctx.cfg.limits.max_text:
            # Too long for a request, but an alarm is never refused: it goes with the start
            # of the words, which says what is wrong more often than the end.
            gathered.text = clip(joined, ctx.cfg.limits.max_text)
            ctx.say("e_clipped", limit=ctx.cfg.limits.max_text)
        elif msg.text and valid_text(ctx, joined):
            # A request's draft the alarm was raised from (/110 烤房停电了 typed into it)
            # comes first; otherwise there is nothing before the words.
            gathered.text = joined
        else:
            if not msg.text:
                ctx.say("need_text")
            return
        await after_what(ctx, gathered)
        return
    # step "where": a conversation begun before the alarm went out first (saved before an
    # upgrade); the answer files the alarm.
    answer = read_place(ctx)
    if answer is not None:
        answer.add_to(ctx, gathered)
        await create_emergency(ctx, gathered)


def _joined(*words: str) -> str:
    return "\n".join(w for w in words if w)


@dataclass
class PlaceAnswer:
    """The farmer's answer to 在哪个烤房？: a barn, a shared location, their own words (typed
    or said), or nothing (跳过)."""

    site_code: str | None = None
    area: str | None = None  # a town named without a barn ("白石乡那边")
    lat: float | None = None
    lon: float | None = None
    nearest: tuple[str, float] | None = None  # a pin at no barn: the nearest, km
    words: str = ""
    voice: str | None = None
    photo: str | None = None
    skipped: bool = False

    def add_to(self, ctx: Ctx, gathered: Gathered) -> None:
        gathered.site_code = self.site_code or gathered.site_code
        if self.lat is not None:
            gathered.lat, gathered.lon = self.lat, self.lon
        gathered.text = with_place_words(ctx, gathered.text, self.words)
        gathered.voices += [self.voice] if self.voice else []
        gathered.photos += [self.photo] if self.photo else []


def with_place_words(ctx: Ctx, text: str, words: str) -> str:
    """The description with the farmer's own words for the place, when they fit."""
    if not words or len(f"{text}\n位置：{words}") > ctx.cfg.limits.max_text:
        return text
    return "\n".join(p for p in (text, f"位置：{words}") if p)


# Typed in place of 「跳过」: the farmer cannot say where (the team will ask them), also
# with 我 or 我也 before it and a particle after it (我也不清楚, 不知道啊).
_NO_PLACE = frozenset(("跳过", "不知道", "不清楚", "说不清", "说不清楚", "不晓得"))
_NO_PLACE_SAID = re.compile(r"(?:我也|我)?(?P<said>\w+?)[啊呀哦呢了吧]*")


def _no_place(text: str) -> bool:
    found = _NO_PLACE_SAID.fullmatch(bare(to_simplified(text)))
    return found is not None and found["said"] in _NO_PLACE


def read_place(ctx: Ctx) -> PlaceAnswer | None:
    """The answer this message gives to 在哪个烤房？; None when it gives none (a stale
    button, a location outside the service region, words over the limit), which has been
    answered already."""
    msg = ctx.msg
    if msg.location is not None:
        if not within_service_region(ctx.cfg, msg.location.lat, msg.location.lon):
            found = nearest_site(ctx.cfg, msg.location.lat, msg.location.lon)
            ctx.say("location_far", _where_buttons(ctx), km=found[1] if found else 0)
            return None
        pin = PlaceAnswer(lat=msg.location.lat, lon=msg.location.lon)
        # At a cluster; else the pin says where, and the nearest one's town (if it is near
        # enough to tell one) is the best guess of which town's team should go.
        pin.site_code, pin.area = pin_place(ctx, msg.location.lat, msg.location.lon)
        barn = nearest_site(ctx.cfg, msg.location.lat, msg.location.lon, BARNS)
        if pin.site_code is None and barn is not None:
            pin.nearest = (barn[0].name, barn[1])
        return pin
    if msg.callback_data and msg.callback_data.startswith("f:site:"):
        code = msg.callback_data.removeprefix("f:site:")
        if ctx.cfg.site(code) is None:
            ctx.toast("stale_button")
            return None
        return PlaceAnswer(site_code=code)
    typed_off = not (msg.voice_file_id or msg.photo_file_id) and calls_off(msg.text)
    if msg.callback_data == "f:skip" or _no_place(msg.text) or typed_off:
        # 算了, 返回: the question left, as 「跳过」; never words of where, or news paged
        return PlaceAnswer(skipped=True)
    if msg.text.strip() or msg.voice_file_id or msg.photo_file_id:
        # Their own answer, typed or said, is taken as it is; a barn it names is used.
        typed = msg.text.strip()
        if ctx.too_long(typed):
            return None
        named = barn_named(ctx, typed) if typed else None
        return PlaceAnswer(
            site_code=named,
            area=area_named(ctx, typed) if typed and named is None else None,
            words=typed,
            voice=msg.voice_file_id,
            photo=msg.photo_file_id,
        )
    ctx.toast("stale_button")
    return None


async def file_alarm(ctx: Ctx) -> None:
    """The 110 call being gathered goes out with what it holds, words or none."""
    assert ctx.conv is not None
    await after_what(ctx, Gathered.from_data(ctx.conv.data))


async def file_unplaced_alarm(ctx: Ctx) -> None:
    """A 110 call whose place was still asked for goes out now, without one: the farmer
    moved on (another command), and an alarm must not be dropped with the conversation."""
    if ctx.conv is None or (ctx.conv.flow, ctx.conv.step) != (EMERGENCY, "where"):
        return
    await create_emergency(ctx, Gathered.from_data(ctx.conv.data))


async def create_emergency(ctx: Ctx, gathered: Gathered, *, asking_place: bool = False) -> Ticket:
    gathered.kind = Kind.EMERGENCY
    ticket = await tickets.submit(ctx, gathered)
    await ctx.end_flow()
    team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
    hint = ctx.text("e_phone_hint", phone=ctx.user.phone) if ctx.user.phone else ""
    text = ctx.text("e_created", number=ticket.label, team=team, phone_hint=hint)
    if in_danger(ctx, gathered.text):
        # A fire or an electric shock will not wait for the 110 team: 119 and 120 first.
        text = f"{ctx.text('e_danger')}\n{text}"
    if asking_place:
        # The place question that follows brings its own keyboard (共享位置); the phone
        # is offered once the place is settled (alarm_place).
        ctx.reply(text)
    else:
        say_with_phone_offer(ctx, text)
    return ticket


def in_danger(ctx: Ctx, text: str) -> bool:
    """Words of a danger to people (`routing.danger_words`: 着火, 触电), whoever says them:
    a shop on fire as much as a barn."""
    return bool(text.strip()) and ctx.svc.router.route(text).danger


def say_with_phone_offer(ctx: Ctx, text: str) -> None:
    """A 110 call's last reply: with no number to call them on, it offers the 📱 button (its
    answer: phones.shared); else it takes the keyboard away."""
    if ctx.user.phone:
        ctx.reply(text, keyboard="remove")
    else:
        ctx.reply(f"{text}\n{ctx.text('e_phone_ask')}", keyboard="contact")
