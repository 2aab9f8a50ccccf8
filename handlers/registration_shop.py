"""A retailer's shop and licence number, the last questions of registration (or the only
ones, for 🏪 补充店铺信息), and registration finished: what was said shown, with the menu."""

from __future__ import annotations

from dataclasses import replace

from core.enums import Requester
from core.licence import LICENCE_DIGITS, read_licence
from core.texts import clip
from handlers import phones
from handlers.context import UNDO, Ctx
from handlers.i18n import as_written, in_script
from handlers.menu import main_menu
from handlers.registration_shared import hold, voices_here
from handlers.registration_typed import (
    ADDRESS_LIMIT,
    SHOP_LIMIT,
    address_for_shop,
    licence_after,
    no_shop_name,
    shop_typed,
)
from handlers.replies import Button, rows
from handlers.typed_answers import keeps_as_it_is, not_at_hand, skips

# conv.data key: only the shop and licence asked (🏪 补充店铺信息), the rest left as it is.
SHOP_ONLY = "shop_only"
# conv.data key: a licence typed after an address at the shop's name (人民路12号
# 520102100123), read once the name is answered or skipped.
_LICENCE_WITH_ADDRESS = "licence_with_address"


def shop_left_for_later(ctx: Ctx) -> bool:
    """Whether registration, left now, is a first one finished but for the shop: who they
    are, their name, phone and place stand (`registration._after_phone`), and the shop's
    name or licence can be added later. Registering again, it is left as it was (`UNDO`)."""
    conv = ctx.conv
    return conv is not None and conv.step in ("shop", "licence") and UNDO not in conv.data


def ask_shop(ctx: Ctx) -> None:
    """店名, with the one registered, when there is one, kept by 「跳过」. The place's 📍
    keyboard, or the phone's, goes: the name is typed."""
    shop = ctx.user.shop_name
    if shop:
        ctx.say("reg_shop_again", keyboard="remove", shop=as_written(shop))
    else:
        ctx.say("reg_shop", keyboard="remove")


def ask_licence(ctx: Ctx) -> None:
    """许可证号, with 「跳过」 for one not at hand (the one registered, if any, stays)."""
    skip = rows(Button(ctx.text("skip"), _SKIP_LICENCE))
    number = ctx.user.licence_number
    if number:
        ctx.say("reg_licence_again", skip, number=number)
    else:
        ctx.say("reg_licence", skip, digits=LICENCE_DIGITS)


# The licence question's own 「跳过」: the place's (f:skip), pressed late, skips no licence.
_SKIP_LICENCE = "f:skip:licence"


def skip_pressed(ctx: Ctx) -> bool:
    """「跳过」 typed, or a no (不要, 没有), at a question that may be skipped; registering
    again, 不改 or 还是原来的 too, which keep what is registered as 「跳过」 does."""
    text = ctx.msg.text.strip()
    if updating(ctx) and keeps_as_it_is(text):
        return True
    return text in (ctx.text("skip"), "跳过", "跳過") or skips(text)


def updating(ctx: Ctx) -> bool:
    """Registering again (👤 登记信息, 🏪 只改店名、许可证号): what is registered stays
    unless answered anew, and 算了 stops the update rather than a registration."""
    data = ctx.conv.data if ctx.conv is not None else {}
    return UNDO in data or bool(data.get(SHOP_ONLY))


async def shop_step(ctx: Ctx) -> None:
    if ctx.msg.is_button:
        ctx.toast("stale_button")  # the place's buttons, pressed late: the name is typed
        return
    if not_at_hand(ctx.msg.text):
        # 以后再说, 先不填: the shop's details put off, the licence with its name (the one on
        # the licence); what is missing is said with how to add it (`shop_lines_told`).
        # A licence typed with the address, said to be received, is theirs all the same.
        licence_with_address_kept(ctx)
        if ctx.conv is not None and ctx.conv.data.get(SHOP_ONLY):
            await shop_only_left(ctx)  # nothing changed: not said to be saved
        else:
            await finish_registration(ctx)
        return
    licence = ""
    if not skip_pressed(ctx) and not no_shop_name(ctx.msg.text):
        typed, licence = licence_after(ctx.msg.text)
        door = address_for_shop(typed)
        if door is not None:
            # 人民路12号 for the shop's name: where the shop is, kept as an address typed at
            # the place question is (a shop's name of it would send a delivery to 人民路12号
            # looking for a sign that says so); the name is asked again.
            ctx.user.address = clip(door, ADDRESS_LIMIT)
            if licence and read_licence(licence).number is None:
                # 人民路12号 52010210012: a digit missed. Not said to be received, to be
                # dropped unsaid once the name is answered; asked for after the name.
                ctx.say(
                    "reg_shop_address_licence_misread",
                    address=as_written(door),
                    licence=licence,
                    digits=LICENCE_DIGITS,
                )
            elif licence:
                # 人民路12号 520102100123: the licence typed with it is theirs too, not asked
                # again; read as if typed with the name asked for now.
                await ctx.goto("shop", **{_LICENCE_WITH_ADDRESS: licence})
                ctx.say("reg_shop_address_licence_kept", address=as_written(door), licence=licence)
            else:
                ctx.say("reg_shop_address_kept", address=as_written(door))
            return
        shop = shop_typed(typed)
        if shop is None:
            ctx.say(_shop_refused(ctx), limit=SHOP_LIMIT)  # nothing saved: asked again
            return
        ctx.user.shop_name = shop
    kept = ctx.conv.data.pop(_LICENCE_WITH_ADDRESS, "") if ctx.conv is not None else ""
    licence = licence or str(kept)
    await ctx.goto("licence")
    if licence:
        # "李记烟酒店 520102100123": the licence answered with the shop, read as if typed
        # at its own question (a mistyped one is said to be so, the shop kept).
        ctx.msg = replace(ctx.msg, text=licence)
        await licence_step(ctx)
        return
    ask_licence(ctx)


def licence_with_address_kept(ctx: Ctx) -> None:
    """The licence typed with the address at the shop's question (人民路12号 520102100123),
    said to be received, registered when the name asked again is put off or left (以后再说,
    算了): read as at the licence's question, a mistyped one is not kept."""
    kept = ctx.conv.data.pop(_LICENCE_WITH_ADDRESS, "") if ctx.conv is not None else ""
    number = read_licence(str(kept)).number if kept else None
    if number is not None:
        ctx.user.licence_number = number


async def licence_step(ctx: Ctx) -> None:
    msg = ctx.msg
    if msg.is_button and msg.callback_data != _SKIP_LICENCE:
        ctx.toast("stale_button")
        return
    if msg.is_button or skip_pressed(ctx) or not_at_hand(msg.text):
        await finish_registration(ctx)  # added later with 👤 登记信息; one registered before stays
        return
    typed = read_licence(msg.text)
    if typed.number is None:
        # Nothing saved; what is wrong is said, as a number mistyped by one digit is common.
        skip = rows(Button(ctx.text("skip"), _SKIP_LICENCE))
        if typed.only_digits and typed.digits != LICENCE_DIGITS:
            key = _licence_misread(ctx, "reg_licence_count")
            ctx.say(key, skip, digits=LICENCE_DIGITS, count=typed.digits)
        elif typed.only_digits:
            ctx.say(_licence_misread(ctx, "reg_licence_place"), skip)
        else:
            ctx.say(_licence_refused(ctx), skip, digits=LICENCE_DIGITS)
        return
    ctx.user.licence_number = typed.number
    await finish_registration(ctx)


def _shop_refused(ctx: Ctx) -> str:
    """What a shop's name refused says of 跳过 and 算了: in a first registration, saved by
    now, 算了 leaves the shop for later (`shop_left_for_later`); registering again, they
    keep the name registered and stop the update, not a registration."""
    if not updating(ctx):
        return "reg_shop_bad"
    return "reg_shop_bad_again" if ctx.user.shop_name else "reg_shop_bad_update"


def _licence_misread(ctx: Ctx, key: str) -> str:
    """A number of the wrong length or start (`key`): its 「跳过」 leaves the licence for
    later, but registering again with one registered, keeps that one, which is said."""
    return f"{key}_again" if updating(ctx) and ctx.user.licence_number else key


def _licence_refused(ctx: Ctx) -> str:
    """What a licence number refused says of 跳过 and 算了, as `_shop_refused`."""
    if not updating(ctx):
        return "reg_licence_bad"
    return "reg_licence_bad_again" if ctx.user.licence_number else "reg_licence_bad_update"


async def shop_only_left(ctx: Ctx) -> None:
    """Only the shop was asked (🏪 补充店铺信息), and left or put off: what is registered for
    it now is shown, with the menu; a name typed before stays."""
    await ctx.end_flow()
    ctx.reply(ctx.text("shop_left") + "\n" + shop_lines_told(ctx), main_menu(ctx))


async def finish_registration(ctx: Ctx) -> None:
    """Registration done: what they said stands, and is shown, with the menu."""
    assert ctx.conv is not None
    user = ctx.user
    undone = ctx.conv.data.pop(UNDO, None)  # finished: what they said stands
    shop_only = bool(ctx.conv.data.get(SHOP_ONLY))
    voices = voices_here(ctx)
    await ctx.end_flow()
    if shop_only:
        # Only the shop asked: it is what changed, and all there is to show.
        ctx.reply(ctx.text("shop_saved") + "\n" + shop_lines_told(ctx), keyboard="remove")
        ctx.say("menu_next", main_menu(ctx))
        return
    if user.kind is not Requester.RETAILER:
        # Registered as a farmer or staff now: a shop they once gave is no longer theirs to
        # show on a card.
        user.shop_name = user.licence_number = None
    # The place question's 📍 keyboard goes with the confirmation; the menu follows on a
    # message of its own, as a message carries one keyboard only.
    done = ctx.text("reg_done", registered=registered_line(ctx))
    if user.kind is Requester.RETAILER:
        done += "\n" + shop_lines_told(ctx)  # what the teams serving the shop will see
    ctx.reply(done, keyboard="remove")
    if isinstance(undone, dict):
        # Registered again during their open 110 call: the team dials the number it stands
        # with now (a first registration told it at the phone question).
        before = undone.get("phone")
        await phones.changed_for_call(ctx, before if isinstance(before, str) else None)
    ctx.say("menu_next", main_menu(ctx))
    if voices:
        # Kept at a question for 「🚨 马上报警」, which was promised to send them: still held.
        await hold(ctx, voices)


def registered_line(ctx: Ctx) -> str:
    """Who the person is registered as: name, kind, phone and place."""
    user = ctx.user
    return ctx.text(
        "reg_line",
        name=as_written(user.name),
        kind=ctx.text(f"kind_{user.kind.value}") if user.kind else "",
        phone=user.phone or "—",
        place=place_registered(ctx) or ctx.text("place_unset"),
    )


def town_or_barn(ctx: Ctx) -> str | None:
    """The barn cluster or town registered now, in the reader's script."""
    user = ctx.user
    site = ctx.cfg.site(user.site_code) if user.site_code else None
    area = ctx.cfg.area(user.area) if user.area else None
    named = site.name if site is not None else area.name if area is not None else None
    return in_script(named, ctx.script) if named is not None else None


def place_registered(ctx: Ctx) -> str | None:
    """The barn cluster or town registered, with the address typed, in the reader's script;
    None when there is neither."""
    user = ctx.user
    place = town_or_barn(ctx)
    if not user.address:
        return place
    # The address typed is what they will look for: alone when it names no town we have
    # (城关镇人民路12号, not 地点未选), after the town otherwise.
    address = as_written(user.address)
    return f"{place}（{address}）" if place else address


def shop_lines_told(ctx: Ctx) -> str:
    """The retailer's shop as registered, what is missing said with how to add it: the
    once-ever reminder of it (`shop_details.remind_once`) is then spent, as it would only
    say the same again at the next request."""
    user = ctx.user
    lines = shop_line(ctx)
    if not (user.shop_name and user.licence_number):
        lines += "\n" + ctx.text("reg_shop_add_later")
        user.shop_reminded_at = user.shop_reminded_at or ctx.now
    return lines


def shop_line(ctx: Ctx) -> str:
    """The retailer's shop name and licence number as registered, 未填 for either missing."""
    user = ctx.user
    unset = ctx.text("reg_shop_unset")
    return ctx.text(
        "reg_done_shop",
        shop=as_written(user.shop_name or "") or unset,
        licence=as_written(user.licence_number or "") or unset,
    )
