"""/start, deep links (site QR codes, staff invites) and first-time registration."""

from __future__ import annotations

from dataclasses import replace

from core.config import Site
from core.enums import Requester
from core.geo import nearest_site, within_service_region
from core.texts import clip, phone_answered, same_phone
from handlers import phones
from handlers.context import UNDO, Ctx
from handlers.i18n import as_written, in_script
from handlers.menu import as_registered, how_to, main_menu
from handlers.places import BARNS, area_named, barn_named, barn_site
from handlers.registration_shared import (
    PHONE_BEFORE,
    VOICE_ALARM,
    hold,
    kept_aside,
    location_shared,
    phone_of,
    phone_shared,
    photo_not_read,
    placed_by_qr,
    voice_alarm,
    voice_kept,
    voices_here,
    voices_kept,
)
from handlers.registration_shop import (
    SHOP_ONLY,
    ask_licence,
    ask_shop,
    finish_registration,
    licence_step,
    licence_with_address_kept,
    place_registered,
    registered_line,
    shop_left_for_later,
    shop_line,
    shop_only_left,
    shop_step,
    skip_pressed,
    town_or_barn,
)
from handlers.registration_typed import (
    ADDRESS_LIMIT,
    Address,
    address_typed,
    name_typed,
    names_a_town,
    phone_digits_told,
    phone_with_name,
    typed_kind,
)
from handlers.replies import Button, rows
from handlers.staff import is_bureau_staff, join_with_invite
from handlers.typed_answers import (
    declines,
    keeps_as_it_is,
    not_a_name,
    not_at_hand,
    number_typed,
    puts_off,
)
from handlers.typed_menu import calls_off
from routing import to_simplified

REGISTER = "register"
# The entry that asks only them: the main menu's and the reminder's button, and 更新登记信息's.
SHOP_ENTRY = "m:shop"
_KINDS = (Requester.FARMER, Requester.RETAILER, Requester.STAFF)


async def start(ctx: Ctx) -> None:
    payload = ctx.msg.deep_link or ""
    if payload.startswith("join_"):
        await join_with_invite(ctx, payload.removeprefix("join_"))
    if ctx.user.kind is None and await is_bureau_staff(ctx):
        # Configured or invited to a team, or a supervisor: staff, whatever else they are,
        # known before a site's code is read, as a barn cluster's is no staff member's place.
        ctx.user.kind = Requester.STAFF
    if payload.startswith("site_"):
        site_before = ctx.user.site_code
        await _bind_site(ctx, payload.removeprefix("site_"))
        if ctx.conv is not None and ctx.conv.flow == REGISTER:
            await _go_on_registering(ctx, site_before)
            return
    saved = as_registered(ctx).name
    name = f" {as_written(saved)}" if saved else ""
    bureau = in_script(ctx.cfg.bureau, ctx.script)
    ctx.say("welcome", main_menu(ctx), name=name, bureau=bureau, how=how_to(ctx))
    if ctx.conv is not None and ctx.conv.flow == REGISTER:
        # /start again half-way through (lost, or only looking for the menu): the answers
        # given stand and the question waiting is put again, not 您是 from the beginning.
        go_on(ctx)
        return
    if ctx.user.registered or not ctx.msg.is_private:
        return
    if _all_but_the_phone(ctx):
        # Registered but for the phone (skipped then): that is all there is to ask.
        await ctx.start_flow(REGISTER, "phone", {"phone_only": True})
        ctx.say("reg_phone_missing", keyboard="contact", keyboard_extra=(ctx.text("skip"),))
        return
    await start_registration(ctx)


async def _go_on_registering(ctx: Ctx, site_before: str | None) -> None:
    """A site's QR code scanned half-way through registration (the code on the barn's wall,
    seen while answering): bound as at any time, and registration goes on at the question
    it was at, the answers given kept, rather than from 您是 again. At the place question,
    the code answers it, as it would have spared asking it. Registering again, the binding
    said to be made stays if the update is left."""
    assert ctx.conv is not None
    saved = ctx.conv.data.get(UNDO)
    if ctx.user.site_code != site_before and isinstance(saved, dict):
        bound = {"site_code": ctx.user.site_code, "area": ctx.user.area}
        await ctx.goto(ctx.conv.step, **{UNDO: {**saved, **bound}})
    if ctx.conv.step == "area" and placed_by_qr(ctx):
        await _after_place(ctx)
        return
    ask_again(ctx)


# What a site's QR code bound the person to, told in the site's own terms: a barn cluster is
# where a 110 call sends the team; a shop district or a station only says whose area it is.
_SITE_BOUND = {"curing_cluster": "site_bound", "retail_district": "site_bound_district"}
DISTRICT = "retail_district"


async def _bind_site(ctx: Ctx, code: str) -> None:
    site = ctx.cfg.site(code)
    if site is None:
        ctx.say("site_unknown")
        return
    area = ctx.cfg.area(site.area)
    name = in_script(site.name, ctx.script)
    town = in_script(area.name if area else site.area, ctx.script)
    kind = ctx.user.kind
    if site.kind in BARNS and kind is not None and not ctx.user.may_have_barn:
        # A barn cluster's code is where a farmer's 110 call sends the team, not where a
        # shop or an office is: the place they have stays; one with none is put in its town.
        key = "site_barn_kept" if ctx.user.area else "site_barn_town"
        ctx.user.area = ctx.user.area or site.area
        ctx.say(key, who=ctx.text(f"site_barn_who_{kind.value}"), site=name, area=town)
        return
    before = barn_site(ctx, ctx.user.site_code)
    if before is not None and site.kind not in BARNS:
        # A purchase station's or a shop district's code says whose area it is, not where
        # the barn is (`placed_by_qr`): scanned at the station by a farmer bound to a barn,
        # it would leave their 110 calls asking 在哪个烤房？ The barn stays.
        own = in_script(before.name, ctx.script)
        ctx.say("site_barn_stays", site=name, area=town, own=own)
        return
    district = _district_of(ctx)
    if district is not None and site.kind != DISTRICT:
        # A retailer at the bureau's office or a station (a licence to renew): the shop is
        # still in its district, which a delivery card would otherwise call the office.
        own = in_script(district.name, ctx.script)
        ctx.say("site_district_stays", site=name, area=town, own=own)
        return
    ctx.user.site_code, ctx.user.area = site.code, site.area
    if site.kind in BARNS and before is not None and before.code != site.code:
        # A farmer with barns in two clusters keeps one: said, with how to call 110 for
        # the other, rather than 已绑定 as if the code were added to the first.
        before_name = in_script(before.name, ctx.script)
        ctx.say("site_rebound", site=name, area=town, before=before_name)
        return
    ctx.say(_SITE_BOUND.get(site.kind, "site_bound_place"), site=name, area=town)


def _district_of(ctx: Ctx) -> Site | None:
    """The shop district a retailer is bound to, if any."""
    site = ctx.cfg.site(ctx.user.site_code) if ctx.user.site_code else None
    retailer = ctx.user.kind is Requester.RETAILER
    return site if retailer and site is not None and site.kind == DISTRICT else None


async def start_registration(ctx: Ctx) -> None:
    if not ctx.user.registered and ctx.user.kind is Requester.STAFF:
        # The bureau's own people are not asked whether they are farmers or retailers.
        await ctx.start_flow(REGISTER, "name", {PHONE_BEFORE: ctx.user.phone})
        ctx.say("reg_staff_name")
        return
    if _registered_before(ctx):
        # Registering again (the phone skipped or not) changes nothing until it is
        # finished (`Ctx.end_flow`). Who they are pressed once, left before the phone, is
        # no registration to keep: theirs is a first one, whose answers stand as given.
        await ctx.start_flow(REGISTER, "kind", {UNDO: ctx.user.registration()})
        registered = registered_line(ctx)
        if ctx.user.kind is Requester.RETAILER:
            # Their shop is registered too: what the teams serving it read on its cards.
            shop = shop_line(ctx)
            ctx.say("reg_kind_again_shop", _kind_buttons(ctx), registered=registered, shop=shop)
        else:
            ctx.say("reg_kind_again", _kind_buttons(ctx), registered=registered)
        return
    await ctx.start_flow(REGISTER, "kind", {PHONE_BEFORE: ctx.user.phone})
    ctx.say("reg_kind", _kind_buttons(ctx))


async def change_phone(ctx: Ctx, phone: str | None = None) -> None:
    """改手机号, 我换手机号了 typed: the phone question alone, with the number registered,
    which 「跳过」 keeps; left, the number stays (`UNDO`). The new `phone` typed with the
    news (我换手机号了，新号13912345678) answers it at once. Someone not registered yet
    registers, the phone asked in its place."""
    if not _registered_before(ctx):
        await start_registration(ctx)
        return
    saved = ctx.user.registration()
    await ctx.start_flow(REGISTER, "phone", {"phone_only": True, UNDO: saved})
    if phone is not None:
        await _phone_typed(ctx, phone)
        return
    _ask_phone(ctx, "reg_phone")


def _kind_question(ctx: Ctx) -> str:
    """您是: put as an update to someone who finished registering (also one who skipped the
    phone, not `registered` without it); as a first registration to anyone else, though
    they pressed who they are once and left before their name (/start, 零售户, /cancel),
    and though the desk calls them by their Telegram profile's name."""
    return "reg_kind_again" if _registered_before(ctx) else "reg_kind"


def _registered_before(ctx: Ctx) -> bool:
    """Whether the person finished a registration, if perhaps without the phone: a name
    alone tells nothing, as everyone has the one their Telegram profile gives."""
    return ctx.user.registered_at is not None


def _all_but_the_phone(ctx: Ctx) -> bool:
    """Registered but for the phone: registration finished, the phone skipped."""
    return _registered_before(ctx) and not ctx.user.phone


def _area_answer(ctx: Ctx) -> str | None:
    """The area pressed (f:area:<id>), named in typed words, or its button's place typed
    as a number ("2": the second town offered)."""
    pressed = ctx.msg.callback_data or ""
    if pressed.startswith("f:area:"):
        return pressed.removeprefix("f:area:")
    number = number_typed(ctx.msg.text, len(ctx.cfg.areas))
    if number is not None:
        return ctx.cfg.areas[number - 1].id
    return area_named(ctx, ctx.msg.text)


async def leave(ctx: Ctx) -> None:
    """Registration left (/cancel, or typed words: "算了", "不要"), with how to register
    later and what they can do now, since nothing else in the chat says it."""
    assert ctx.conv is not None
    if ctx.conv.data.get("phone_only"):
        # Only the phone was asked of someone registered but for it: as 「跳过」, it can
        # be added later; "先不登记" would say their registration is gone. Of someone
        # changing a number they have (`change_phone`): it stays as it was.
        await ctx.end_flow()
        if ctx.user.phone:
            ctx.say("reg_phone_unchanged", keyboard="remove", phone=ctx.user.phone)
        else:
            ctx.say("reg_phone_later", keyboard="remove")
        return
    if ctx.conv.data.get(SHOP_ONLY):
        licence_with_address_kept(ctx)  # said to be received
        await shop_only_left(ctx)
        return
    if shop_left_for_later(ctx):
        licence_with_address_kept(ctx)  # said to be received: as the rest, it stands
        await ctx.end_flow()
        ctx.say("reg_shop_later", main_menu(ctx))
        return
    if _place_left_for_later(ctx):
        await ctx.end_flow()
        ctx.say("reg_place_later", keyboard="remove")  # the 📍 keyboard goes
        ctx.say("menu_next", main_menu(ctx))
        return
    asked_phone = ctx.conv.step in ("phone", "area")  # its 📱 or 📍 keyboard is shown
    await ctx.end_flow()  # registering again: the registration they had stands
    # "登记信息没有改动" only to whom it was an update (a registration they had stands),
    # known once what this one changed is put back.
    again = _registered_before(ctx)
    key = "reg_declined_again" if again else "reg_declined"
    if asked_phone:
        # The keyboard goes with these words, the menu on a message of its own (a message
        # carries one keyboard only).
        ctx.say(key, keyboard="remove")
        ctx.say("menu_next", main_menu(ctx))
        return
    ctx.say(key, main_menu(ctx))


def _place_left_for_later(ctx: Ctx) -> bool:
    """Whether registration, left now, is a first one finished but for the place: who they
    are, their name and phone stand (`_after_phone`), and the place can be added later."""
    conv = ctx.conv
    return conv is not None and conv.step == "area" and UNDO not in conv.data


def update_left_unfinished(ctx: Ctx) -> bool:
    """Whether the conversation is a registration again that another command or menu entry
    now leaves half-way: what it changed is put back (`UNDO`), and they are to be told, or
    the new name they typed would seem saved."""
    conv = ctx.conv
    return conv is not None and conv.flow == REGISTER and UNDO in conv.data


def update_changed_nothing(ctx: Ctx) -> bool:
    """Whether a registration again has changed nothing yet: what it would put back is
    what is registered now."""
    conv = ctx.conv
    return conv is not None and conv.data.get(UNDO) == ctx.user.registration()


def left_for_a_matter(ctx: Ctx) -> str:
    """What is said of registration when a matter of its own typed at a question leaves it
    (`app`): told before the flow ends, as only the flow tells a first one from another."""
    assert ctx.conv is not None
    if shop_left_for_later(ctx):
        return "reg_later_shop"
    if _place_left_for_later(ctx):
        return "reg_later_place"
    again = UNDO in ctx.conv.data or ctx.conv.data.get("phone_only")
    return "reg_later_again" if again else "reg_later"


def _kind_buttons(ctx: Ctx) -> tuple[tuple[Button, ...], ...]:
    buttons = [Button(ctx.text(f"kind_{k.value}"), f"f:kind:{k.value}") for k in _KINDS]
    kinds = rows(*buttons, per_row=3)
    if _registered_before(ctx) and ctx.user.kind is Requester.RETAILER:
        # A registered retailer updating only the shop or licence (a new licence, a new
        # sign) is not made to answer who they are, their name, phone and place again.
        return (*kinds, (Button(ctx.text("btn_shop_only"), SHOP_ENTRY),))
    return kinds


def _area_buttons(ctx: Ctx) -> tuple[tuple[Button, ...], ...]:
    buttons = [Button(in_script(a.name, ctx.script), f"f:area:{a.id}") for a in ctx.cfg.areas]
    buttons.append(Button(ctx.text("skip"), "f:skip"))
    return rows(*buttons, per_row=2)


async def registration_step(ctx: Ctx) -> None:
    assert ctx.conv is not None
    msg, step, user = ctx.msg, ctx.conv.step, ctx.user
    if await voice_alarm(ctx):
        return
    if step != "kind" and await _kind_corrected(ctx):
        return
    if await kept_aside(ctx) or await voice_kept(ctx) or photo_not_read(ctx):
        ask_again(ctx)  # the phone, place or voice kept, or a photo; this question waits
        return
    # 算了, 不登记了 leave at any question; a no (不要) leaves at 您是 or the name only, and
    # skips the phone or the place, which may be skipped. At the phone, which 「跳过」 may
    # leave for later, and at the shop or the licence, which the questions say may be added
    # later, 以后再说 is that: the question skipped, the registration kept.
    later = (step == "phone" and puts_off(msg.text)) or (
        step in ("shop", "licence") and not_at_hand(msg.text)
    )
    if (
        not msg.is_button
        and not later
        and (calls_off(msg.text) or (step in ("kind", "name") and declines(msg.text)))
    ):
        await leave(ctx)
        return
    if step == "kind":
        typed = typed_kind(msg.text) if not msg.is_button else None
        number = number_typed(msg.text, len(_KINDS)) if not msg.is_button else None
        typed = typed or (_KINDS[number - 1] if number else None)
        value = typed.value if typed else (msg.callback_data or "").removeprefix("f:kind:")
        if value not in {k.value for k in _KINDS}:
            if msg.is_button:
                ctx.toast("stale_button")
            else:
                # Asked again with what may be typed, and how to leave: the same words
                # again would read as if the answer had not arrived.
                ask_again(ctx)
            return
        user.kind = Requester(value)
        await ctx.goto("name")
        _ask_name(ctx)
    elif step == "name":
        name = user.name if _name_kept(ctx) else name_typed(msg.text)
        if name is None or not_a_name(name):
            # Nothing saved: the name asked again, registering again with 跳过 to keep it.
            ctx.say("reg_name_bad_again" if _updating(ctx) and user.name else "reg_name_bad")
            return
        user.name = name
        await ctx.goto("phone")
        if phone_shared(ctx):
            await _after_phone(ctx)  # shared already, at 您是 or the name
            return
        phone = phone_with_name(msg.text)
        if phone is not None:
            # 张大山 13812345678: the number typed with the name answers the next question,
            # as it would typed there, not asked for again as if it were not read.
            await _phone_typed(ctx, phone)
            return
        _ask_phone(ctx, "reg_phone")
    elif step == "phone":
        await _phone_step(ctx)
    elif step == "area":
        await _area_step(ctx)
    elif step == "shop":
        await shop_step(ctx)
    elif step == "licence":
        await licence_step(ctx)


async def _kind_corrected(ctx: Ctx) -> bool:
    """Another of 您是's buttons pressed after the first (烟农 tapped by mistake, then 零售户):
    the kind is the one pressed last, and the question being asked is asked again."""
    assert ctx.conv is not None
    value = (ctx.msg.callback_data or "").removeprefix("f:kind:")
    only = ctx.conv.data.get("phone_only") or ctx.conv.data.get(SHOP_ONLY)
    if not (ctx.msg.callback_data or "").startswith("f:kind:") or only:
        return False  # only the phone or the shop asked: an old message's button
    if value not in {k.value for k in _KINDS}:
        ctx.toast("stale_button")
        return True
    ctx.user.kind = Requester(value)
    ctx.say("reg_kind_changed", kind=ctx.text(f"kind_{value}"))
    step = ctx.conv.step
    if step == "name":
        _ask_name(ctx)
    elif step == "phone":
        _ask_phone(ctx, "reg_phone")
    elif step in ("shop", "licence") and ctx.user.kind is not Requester.RETAILER:
        await finish_registration(ctx)  # the shop is a retailer's: nothing more to ask a farmer
    elif step == "shop":
        ask_shop(ctx)
    elif step == "licence":
        ask_licence(ctx)
    else:
        _ask_area(ctx)  # in the kind's terms: a shop's district, a farmer's barns
    return True


def go_on(ctx: Ctx) -> None:
    """Registration, waiting beside something shown meanwhile (the welcome, /my, the help),
    said not to be finished, with its question put again below what was shown: an update
    as one, or the name typed in it would seem saved."""
    assert ctx.conv is not None
    if voices_kept(ctx):
        # A voice note sent at a question stays one tap from the alarm it was promised to.
        ctx.say("reg_voice_alarm", rows(Button(ctx.text("btn_voice_alarm"), VOICE_ALARM)))
    update = UNDO in ctx.conv.data or ctx.conv.data.get(SHOP_ONLY)
    ctx.say("reg_update_goes_on" if update else "reg_goes_on")
    ask_again(ctx)


def ask_again(ctx: Ctx) -> None:
    """The registration question waiting, put again with what may be typed: after a sticker
    or a video, which answers none of them."""
    step = ctx.conv.step if ctx.conv is not None else None
    if step == "kind":
        again = (
            "reg_kind_again_hint" if _kind_question(ctx) == "reg_kind_again" else "reg_kind_hint"
        )
        ctx.say(again, _kind_buttons(ctx))
    elif step == "name":
        _ask_name(ctx)
    elif step == "phone":
        _ask_phone(ctx, "phone_press")
    elif step == "area":
        hint = _place_kept(ctx) + ctx.text("reg_area_hint")
        ctx.reply(hint, _area_buttons(ctx), keyboard="location")
    elif step == "shop":
        ask_shop(ctx)
    elif step == "licence":
        ask_licence(ctx)


def _ask_name(ctx: Ctx) -> None:
    """您的姓名; registering again, with the name registered, which 「跳过」 or 不改 keeps, as
    the shop's and the place's questions say theirs: else 不改 would be taken for a name."""
    if _updating(ctx) and ctx.user.name:
        ctx.say("reg_name_again", name=as_written(ctx.user.name))
    else:
        ctx.say("reg_name")


def _ask_phone(ctx: Ctx, key: str, **values: object) -> None:
    """The phone question (`key`: asked, or asked again); registering again, with the number
    registered, which 「跳过」 keeps, as the name's and the place's questions say theirs."""
    kept = ""
    if _updating(ctx) and ctx.user.phone:
        kept = ctx.text("reg_phone_kept", phone=ctx.user.phone) + "\n"
    skip = (ctx.text("skip"),)
    ctx.reply(kept + ctx.text(key, **values), keyboard="contact", keyboard_extra=skip)


def _name_kept(ctx: Ctx) -> bool:
    """Registering again, the name registered kept: 「跳过」 or 不改 typed at its question."""
    return _updating(ctx) and bool(ctx.user.name) and keeps_as_it_is(ctx.msg.text)


def _updating(ctx: Ctx) -> bool:
    """A registration again, which puts back what it changed if left (`UNDO`)."""
    return ctx.conv is not None and UNDO in ctx.conv.data


async def _phone_step(ctx: Ctx) -> None:
    contact = ctx.msg.contact
    if contact is None:
        if skip_pressed(ctx):
            assert ctx.conv is not None
            if (
                puts_off(ctx.msg.text)
                and not ctx.user.phone
                and not ctx.conv.data.get("phone_only")
            ):
                # 以后再说 answered: how to add it later, before the place is asked
                # (only the phone asked, `_after_phone` says so itself).
                ctx.say("reg_phone_later")
            await _after_phone(ctx)
            return
        typed = phone_answered(ctx.msg.text)
        told = phone_digits_told(ctx.msg.text) if typed is None else None
        if told is not None:
            key, values = told
            _ask_phone(ctx, key, typed=ctx.msg.text.strip(), **values)
            return
        if typed is None:
            _ask_phone(ctx, "phone_press")  # other words are only not the button
            return
        await _phone_typed(ctx, typed)
        return
    if contact.user_id != ctx.user.id:
        _ask_phone(ctx, "contact_not_own")
        return
    ctx.user.phone, ctx.user.phone_typed = phone_of(contact), False
    await _after_phone(ctx)


async def _phone_typed(ctx: Ctx, typed: str) -> None:
    """A number typed at the phone question, or with the name before it: kept."""
    if ctx.user.phone and not ctx.user.phone_typed and same_phone(typed, ctx.user.phone):
        # Registering again, the number their contact card gave typed again: still the
        # one Telegram checked, not one typed that nobody did.
        ctx.say("phone_saved", keyboard="remove", phone=ctx.user.phone)
        await _after_phone(ctx, said=True)
        return
    # A number typed (a handset that cannot share a contact, or the line they answer)
    # is kept, as one typed during a 110 call is (`phones.for_call`), but said back as
    # typed and not checked: only a shared contact card is Telegram's own.
    ctx.user.phone, ctx.user.phone_typed = typed, True
    ctx.say("phone_typed_kept", keyboard="remove", phone=typed)
    await _after_phone(ctx, said=True)


async def _after_phone(ctx: Ctx, *, said: bool = False) -> None:
    """The phone given or skipped; `said`: a typed number was said back already."""
    assert ctx.conv is not None
    if not ctx.conv.data.get("phone_only"):
        # Who they are, their name and the phone (or its 「跳过」): registered; the place
        # may be skipped too. Registering again, /cancel still puts back what it was (UNDO).
        ctx.user.registered_at = ctx.now
        if UNDO not in ctx.conv.data:
            # A first registration stands from here, the place answered or not: the team
            # on their open 110 call (报警 comes before 登记) dials the number given.
            await phones.changed_for_call(ctx, ctx.conv.data.get(PHONE_BEFORE))
        spot = location_shared(ctx)
        if spot is None and placed_by_qr(ctx):
            # Bound by the site's QR code they scanned: where they are is known, and a town
            # asked for would only risk leaving that barn behind. A location shared on the
            # way, promised to be used (before they said who they are), still is.
            await _after_place(ctx)
            return
        if not ctx.user.may_have_barn and barn_site(ctx, ctx.user.site_code) is not None:
            # A barn cluster's code scanned before they said who they are, or a farmer's
            # barn when they register again as a retailer or staff: not where their shop or
            # office is. Its town stays for 「跳过」, as a farmer's station's does.
            ctx.user.site_code = None
        await ctx.goto("area")
        if spot is None:
            _ask_area(ctx)
        elif _located(ctx, *spot):
            await _after_place(ctx)  # shared at an earlier question: the place answered
        return
    voices = voices_here(ctx)
    saved = ctx.conv.data.pop(UNDO, None)
    skipped = saved is not None and not said and ctx.msg.contact is None
    before = saved.get("phone") if isinstance(saved, dict) else None
    await ctx.end_flow()  # the number given stands (`UNDO` dropped)
    if said:
        pass  # the typed number said back, its 📱 keyboard taken away (`_phone_step`)
    elif skipped and ctx.user.phone:
        # 「跳过」 at `change_phone`'s question: the number registered is kept, not new.
        ctx.say("reg_phone_unchanged", keyboard="remove", phone=ctx.user.phone)
    elif ctx.user.phone:
        ctx.say("phone_saved", keyboard="remove", phone=ctx.user.phone)
    else:
        ctx.say("reg_phone_later", keyboard="remove")
    await phones.changed_for_call(ctx, before)  # the team on their 110 call dials the new one
    if voices:
        await hold(ctx, voices)  # as when registration is finished (`finish_registration`)


# The site a shared location binds a person to: a farmer's barn cluster (where a 110 call
# sends the team, within the barn radius only: `_barn_located`), a retailer's district;
# a staff member's station, office or district, never a barn (no office is at one, as
# `_bind_site` says of a barn cluster's QR code).
_SITE_KINDS = {
    Requester.RETAILER: ("retail_district",),
    Requester.STAFF: ("retail_district", "station", "office"),
}
# The question names the kind of site a shared location will find (_SITE_KINDS).
_AREA_QUESTIONS = {Requester.FARMER: "reg_area", Requester.RETAILER: "reg_area_retailer"}


def _ask_area(ctx: Ctx) -> None:
    """Where is the person? Named in terms of the sites their shared location would find."""
    kind = ctx.user.kind
    key = _AREA_QUESTIONS.get(kind, "reg_area_any") if kind else "reg_area_any"
    ctx.reply(_place_kept(ctx) + ctx.text(key), _area_buttons(ctx), keyboard="location")


def _place_kept(ctx: Ctx) -> str:
    """Registering again, the place registered now, which 「跳过」 keeps (the barn, or the
    town a farmer's barn leaves to a retailer's registration): said before the place is
    asked, as the shop's and the licence's questions say theirs. "" to anyone else."""
    if ctx.conv is None or UNDO not in ctx.conv.data:
        return ""
    place = place_registered(ctx)  # an address naming no town of ours is one too
    if place is None:
        return ""
    return ctx.text("reg_area_kept", place=place) + "\n"


async def _area_step(ctx: Ctx) -> None:
    msg, user = ctx.msg, ctx.user
    address = _address(ctx)
    door = _door(ctx, address)
    before: str | None = None  # the town or barn a new address takes the place of
    if msg.callback_data == "f:skip" or skip_pressed(ctx):
        await _after_place(ctx)  # the place can wait (「跳过」, 不要, 没有), an address kept
        return
    if msg.location is not None:
        if not _located(ctx, msg.location.lat, msg.location.lon):
            return
    elif (barn := _barn_answer(ctx)) is not None:
        user.site_code, user.area = barn.code, barn.area  # as a shared location there would
    elif (chosen := _area_answer(ctx)) is not None:
        area = ctx.cfg.area(chosen)
        if area is None:
            ctx.toast("stale_button")
            return
        site = ctx.cfg.site(user.site_code) if user.site_code else None
        if site is not None and site.area != area.id:
            user.site_code = None  # a barn in the town they left: a 110 call asks anew
        user.area = area.id
    elif address is None:
        ask_again(ctx)
        return
    elif door is not None and _same_door(user.address, door):
        # The address registered typed again, maybe without its town (白石乡新寨村3组
        # registered, 新寨村3组 typed): the same door, no move; all of it kept.
        await _after_place(ctx)
        return
    elif door is not None and names_a_town(door):
        # An address naming a town we do not serve (城关镇人民路12号): answered.
        # Registering again, it is where they are now (a shop moved): the town or barn
        # registered before is no longer theirs, or its team would still get their
        # requests. As for a first registration, no town's team is theirs then.
        before = town_or_barn(ctx)
        user.area, user.site_code = None, None
    # else an address naming no town at all (新寨村3组, 人民路12号): the door in the town or
    # at the barn registered, which stay; a first registration has none to keep.
    # The place answered anew: the address typed with it kept, one typed before dropped
    # (a town or barn chosen since may be elsewhere). A town's or barn's name typed alone
    # (青山镇, 大坪村) is that place, no door to find.
    user.address = door
    if user.address and user.area is None and user.site_code is None:
        # 城关镇人民路12号: no town of ours named, so no town's team is theirs. Said, with
        # the towns there are, or they would take the address for a place the desk knows;
        # and the town or barn it takes the place of.
        towns = "、".join(in_script(area.name, ctx.script) for area in ctx.cfg.areas)
        address_said = as_written(user.address)
        if before is not None:
            ctx.say("reg_address_no_town_moved", address=address_said, before=before, towns=towns)
        else:
            ctx.say("reg_address_no_town", address=address_said, towns=towns)
    await _after_place(ctx)


def _same_door(registered: str | None, typed: str) -> bool:
    """`typed` is the address `registered`, or its end (新寨村3组 of 白石乡新寨村3组), in
    either script."""
    if not registered:
        return False
    whole, tail = to_simplified(registered).strip(), to_simplified(typed).strip()
    return bool(tail) and whole.endswith(tail)


def _door(ctx: Ctx, address: Address | None) -> str | None:
    """The address to keep: more than the name of the town or barn cluster it placed them
    in, cut to what the record holds."""
    if address is None:
        return None
    named = {to_simplified(name) for area in ctx.cfg.areas for name in area.names()}
    named |= {to_simplified(site.name) for site in ctx.cfg.sites}
    if to_simplified(address.place) in named:
        return None
    return clip(address.place, ADDRESS_LIMIT)


def _address(ctx: Ctx) -> Address | None:
    """The address typed at the place question, maybe with the shop's sign after it."""
    if ctx.msg.is_button or not ctx.msg.text:
        return None
    return address_typed(ctx.msg.text)


def _barn_answer(ctx: Ctx) -> Site | None:
    """The barn cluster a farmer typed for where they are ("大坪", "青山镇大坪烤房群"): the
    place a 110 call sends the team to, which the town alone does not tell."""
    if ctx.user.kind is not Requester.FARMER or ctx.msg.is_button or not ctx.msg.text:
        return None
    code = barn_named(ctx, ctx.msg.text)
    return ctx.cfg.site(code) if code else None


def _located(ctx: Ctx, lat: float, lon: float) -> bool:
    """The person placed by a shared location, and told where; False, with the towns
    offered, for one outside the service region or near none of its sites. The town is
    the nearest site's, within the site radius only: a pin from the next county, or from
    the road, says nothing of where the shop, office or barns are, and a town guessed
    from it would send their requests to another town's team."""
    if not within_service_region(ctx.cfg, lat, lon):
        found = nearest_site(ctx.cfg, lat, lon)
        # What this question takes (a town pressed or named, 跳过, another pin): not the
        # 110 place question's "用文字说明在哪里", which registration would refuse.
        far = found[1] if found else 0
        ctx.say("reg_location_far", _area_buttons(ctx), keyboard="location", km=far)
        return False
    kind = ctx.user.kind or Requester.STAFF
    farmer = kind is Requester.FARMER
    # A farmer's town is their barns', whose 110 team it chooses: told by the barn clusters
    # alone (as a 110 call's pin is, `places.pin_place`), not by a shop district nearer;
    # anyone else's by the nearest site of any kind.
    nearest = nearest_site(ctx.cfg, lat, lon, BARNS) if farmer else None
    nearest = nearest or nearest_site(ctx.cfg, lat, lon)  # a bureau with no barn clusters
    assert nearest is not None  # within the service region: some site is near
    radius = ctx.cfg.limits.site_radius_km
    if nearest[1] > radius:
        ctx.say(
            "reg_location_none_near",
            _area_buttons(ctx),
            keyboard="location",
            km=nearest[1],
            what=ctx.text("reg_location_what_farmer" if farmer else "reg_location_what_site"),
        )
        return False
    town = nearest[0].area
    if farmer:
        _barn_located(ctx, lat, lon, town)
        return True
    found = nearest_site(ctx.cfg, lat, lon, _SITE_KINDS[kind])
    if found is not None and found[1] <= radius and _theirs(ctx, found, nearest):
        ctx.user.site_code, ctx.user.area = found[0].code, found[0].area
        ctx.say("location_matched", site=in_script(found[0].name, ctx.script), km=found[1])
        return True
    # No shop district (station, office) near, or the pin is at a site of another town:
    # the pin's town only, as a barn cluster's QR code gives a retailer its town.
    ctx.user.site_code, ctx.user.area = None, town
    area = ctx.cfg.area(town)
    ctx.say(
        "reg_location_town",
        what=ctx.text(f"reg_location_what_{kind.value}"),
        area=in_script(area.name if area else town, ctx.script),
    )
    return True


def _theirs(ctx: Ctx, found: tuple[Site, float], nearest: tuple[Site, float]) -> bool:
    """Whether the shop district (station, office) `found` near a pin is the person's: it
    is, among the sites of their kind, unless the pin is at a site of another town, within
    the barn radius of it, and not at the district as well (a shop beside 大坪's barns is
    in 青山镇, not in 城区西片 7 km off; one 2.9 km from 城区东片 is in it, though a barn
    cluster of 青山镇 is 2.2 km off)."""
    at = ctx.cfg.limits.barn_radius_km
    return found[1] <= at or nearest[0].area == found[0].area or nearest[1] > at


def _barn_located(ctx: Ctx, lat: float, lon: float, town: str) -> None:
    """A farmer placed by a shared location as a 110 call places a pin (`alarm_intake.
    read_place`): at the barn cluster within the barn radius, else at none, in `town`
    (the nearest cluster's), so that a 110 call asks which barn rather than sends the team
    to a cluster kilometres off."""
    found = nearest_site(ctx.cfg, lat, lon, BARNS)
    if found is not None and found[1] <= ctx.cfg.limits.barn_radius_km:
        site, km = found
        ctx.user.site_code, ctx.user.area = site.code, site.area
        ctx.say("location_matched", site=in_script(site.name, ctx.script), km=km)
        return
    ctx.user.site_code, ctx.user.area = None, town
    area = ctx.cfg.area(town)
    town_name = in_script(area.name if area else town, ctx.script)
    if found is None:  # a bureau with no barn clusters: its town is all there is
        ctx.say("reg_location_town", what=ctx.text("reg_location_what_farmer"), area=town_name)
        return
    site, km = found
    ctx.say(
        "reg_location_no_barn",
        radius=f"{ctx.cfg.limits.barn_radius_km:g}",
        site=in_script(site.name, ctx.script),
        km=km,
        area=town_name,
    )


async def _after_place(ctx: Ctx) -> None:
    """The place answered or skipped: a retailer is asked for their shop, whom the delivery,
    ordering and licence teams serve; anyone else has registered."""
    if ctx.user.kind is not Requester.RETAILER:
        await finish_registration(ctx)
        return
    address = _address(ctx)
    if address is not None and address.shop:
        # 人民路12号 小梅烟酒店: the shop's name typed with where it is answers its question.
        ctx.user.shop_name = address.shop
        await ctx.goto("licence")
        ctx.say("reg_shop_with_address", shop=as_written(address.shop))
        if address.licence:
            # …小梅烟酒店 520102100123: the licence read as if typed at its own question
            # (a mistyped one said to be so and asked again).
            ctx.msg = replace(ctx.msg, text=address.licence)
            await licence_step(ctx)
            return
        ask_licence(ctx)
        return
    await ctx.goto("shop")
    ask_shop(ctx)
