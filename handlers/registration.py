"""/start, deep links (site QR codes, staff invites) and first-time registration."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from core.enums import Requester
from core.geo import nearest_site, within_service_region
from core.licence import LICENCE_DIGITS, LICENCE_NAME, read_licence
from core.texts import COMPOUND_SURNAMES, SURNAMES, typed_phone
from handlers.context import UNDO, Ctx
from handlers.i18n import in_script
from handlers.menu import how_to, main_menu
from handlers.places import area_named
from handlers.registration_shared import kept_aside, location_shared, phone_of, phone_shared
from handlers.replies import Button, rows
from handlers.staff import is_bureau_staff, join_with_invite
from handlers.tickets import is_greeting, is_question, routed
from handlers.typed_answers import (
    a_licence_matter,
    declines,
    not_a_name,
    not_at_hand,
    number_typed,
    skips,
)
from handlers.typed_menu import calls_off, menu_key
from routing import bare, to_simplified
from routing.text import CJK

REGISTER = "register"
# conv.data key: only the shop and licence asked (🏪 补充店铺信息), the rest left as it is.
SHOP_ONLY = "shop_only"
# The entry that asks only them: the main menu's and the reminder's button, and 更新登记信息's.
SHOP_ENTRY = "m:shop"
_KINDS = (Requester.FARMER, Requester.RETAILER, Requester.STAFF)


async def start(ctx: Ctx) -> None:
    payload = ctx.msg.deep_link or ""
    if payload.startswith("site_"):
        await _bind_site(ctx, payload.removeprefix("site_"))
    elif payload.startswith("join_"):
        await join_with_invite(ctx, payload.removeprefix("join_"))
    if ctx.user.kind is None and await is_bureau_staff(ctx):
        # Configured or invited to a team, or a supervisor: staff, whatever else they are.
        ctx.user.kind = Requester.STAFF
    name = f" {ctx.user.name}" if ctx.user.name else ""
    bureau = in_script(ctx.cfg.bureau, ctx.script)
    ctx.say("welcome", main_menu(ctx), name=name, bureau=bureau, how=how_to(ctx))
    if ctx.user.registered or not ctx.msg.is_private:
        return
    if _all_but_the_phone(ctx):
        # Registered but for the phone (skipped then): that is all there is to ask.
        await ctx.start_flow(REGISTER, "phone", {"phone_only": True})
        ctx.say("reg_phone_missing", keyboard="contact", keyboard_extra=(ctx.text("skip"),))
        return
    await start_registration(ctx)


# What a site's QR code bound the person to, told in the site's own terms: a barn cluster is
# where a 110 call sends the team; a shop district or a station only says whose area it is.
_SITE_BOUND = {"curing_cluster": "site_bound", "retail_district": "site_bound_district"}


async def _bind_site(ctx: Ctx, code: str) -> None:
    site = ctx.cfg.site(code)
    if site is None:
        ctx.say("site_unknown")
        return
    ctx.user.site_code, ctx.user.area = site.code, site.area
    area = ctx.cfg.area(site.area)
    ctx.say(
        _SITE_BOUND.get(site.kind, "site_bound_place"),
        site=in_script(site.name, ctx.script),
        area=in_script(area.name if area else site.area, ctx.script),
    )


async def start_registration(ctx: Ctx) -> None:
    if not ctx.user.registered and ctx.user.kind is Requester.STAFF:
        # The bureau's own people are not asked whether they are farmers or retailers.
        await ctx.start_flow(REGISTER, "name")
        ctx.say("reg_staff_name")
        return
    if ctx.user.kind is not None:
        # Registering again (the phone skipped or not) changes nothing until it is
        # finished (`Ctx.end_flow`). A name alone is no registration: everyone has the
        # one their Telegram profile gives until they register.
        await ctx.start_flow(REGISTER, "kind", {UNDO: ctx.user.registration()})
        ctx.say(_kind_question(ctx), _kind_buttons(ctx))
        return
    await ctx.start_flow(REGISTER, "kind")
    ctx.say("reg_kind", _kind_buttons(ctx))


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


# Typed where a registration question offered buttons, or as a name: a question or a
# request ("许可证快到期了，怎么办理延续？", "中华断货好几天了", "许可证到期要换证"), not an
# answer. It is dealt with at once, and registration waits (app.route). Short answers in
# words are taken as the answer.
_LONG = 8  # characters: longer than any answer to "您是" or "哪个乡镇"
_KIND_WORDS = {
    Requester.FARMER: ("烟农", "种烟", "农户"),
    Requester.RETAILER: ("零售", "小卖部", "商店", "超市", "烟酒", "便利店", "店主"),
    Requester.STAFF: ("职工", "员工", "烟站"),
}
# Words that ask for something, which no name, town or "who you are" has.
_REQUEST_WORDS = re.compile(
    r"我要|我想|想要|需要|帮我|帮忙|办理|申请|咨询|反映|怎么|没有|没来|还没|不能|不了|好几天"
    r"|一直|什么时候|到期|坏了|断货|缺货"
)
_ASKING = 3  # characters at least, with those words: "没有" alone answers nothing asked here
# A Han name, as short as most are: a surname and a given name ("王中华", whose 中华 the
# router reads as the cigarette brand, or "许可").
_SHORT_NAME = 4


def is_a_request(ctx: Ctx) -> bool:
    """Whether the message, typed during registration, is a matter of its own."""
    assert ctx.conv is not None
    if ctx.msg.voice_file_id or ctx.msg.photo_file_id:
        # No question here is answered by one; a farmer's voice note may be their barn's
        # emergency said aloud, which the kind question promises will not wait.
        return True
    text = ctx.msg.text.strip()
    if not text or ctx.msg.is_button or ctx.msg.command:
        return False
    if menu_key(text) is not None and _typed_kind(text) is None:
        return True  # "我要报警", "110", "查一下进度": never a name, a town or who they are
    step = ctx.conv.step
    if step == "name":
        return _asks(text, limit=_NAME_LIMIT) or (_to_a_service(ctx) and not _may_be_a_name(text))
    if step == "kind":
        return _typed_kind(text) is None and (_asks(text) or _to_a_service(ctx))
    if step == "area":
        return area_named(ctx, text) is None and (_asks(text) or _to_a_service(ctx))
    if step == "shop":
        # A shop's name is often a service's word (烟酒店, 便利店, 中华烟行): only words that
        # ask, or more than a shop's name, are a matter of their own.
        return not _no_shop_name(text) and _asks(text, limit=_SHOP_LIMIT)
    if step == "licence":
        # Digits typed are the number, mistyped or not ("5201 0210 012"); words that ask
        # ("许可证到期了怎么办", "中华断货好几天了") are a matter of their own. Not every word
        # the router finds a service in: "许可证号在店里" answers this very question.
        # "没带", "不知道" skip it (`not_at_hand`).
        if read_licence(text).digits >= _LICENCE_TRIED or not_at_hand(text):
            return False
        return _asks(text) or a_licence_matter(text)
    return False


def _asks(text: str, limit: int = _LONG) -> bool:
    """Words that ask something, ask for something, or are longer than an answer."""
    plain = to_simplified(bare(text))
    if is_question(text) or len(plain) > limit:
        return True
    return len(plain) >= _ASKING and _REQUEST_WORDS.search(plain) is not None


def _to_a_service(ctx: Ctx) -> bool:
    """The router finds a service in the words (许可证, 送货, 中华断货)."""
    decision = routed(ctx)
    return decision is not None and not decision.triage


def _may_be_a_name(text: str) -> bool:
    """A short Han name, starting with a common surname ("许可", "王中华"), or one with
    letters or a middle dot ("Mary Li", "阿卜杜拉·买买提"): the router's reading of it
    is no request."""
    text = name_typed(text) or text  # 我叫王中华, 王中华 13812345678: the name in it
    plain = to_simplified(bare(text))
    if _NAME_MARKS.search(text) or not CJK.match(plain):
        return True
    if plain[:2] in COMPOUND_SURNAMES:  # 欧阳中华, 司马中华: a name a character longer
        return len(plain) <= _SHORT_NAME + 1
    return len(plain) <= _SHORT_NAME and plain[0] in SURNAMES


_NAME_MARKS = re.compile(r"[·•・A-Za-z]")
_NAME_LIMIT = 20  # characters
_SHOP_LIMIT = 30  # characters: 兴隆烟酒便利店（河西二店） and longer signs
# Digits enough to be an attempt at the licence number, however mistyped.
_LICENCE_TRIED = 6
# A phone number typed with the name ("李小梅 13812345678"): digits, maybe grouped.
_DIGITS = re.compile(r"\+?\d[\d\s\-－—]*\d|\d")
# Said before the name: 我叫李小梅, 姓名：李小梅.
_NAME_LEAD = re.compile(r"^(?:我叫|我是|本人|姓名|名字)[:：\s]*")


def name_typed(text: str) -> str | None:
    """The name in what was typed: letters, with the spaces and marks names have (张 先生,
    Mary Li, 阿卜杜拉·买买提), without a phone number typed after it, emoji or a lead-in
    (我叫). None when no name is there: emoji or digits alone, a name with digits in it,
    a greeting, or more than a name's length."""
    text = _NAME_LEAD.sub("", text.strip())
    phone = _DIGITS.search(text)
    if phone is not None and len(re.sub(r"\D", "", phone.group())) >= _PHONE_DIGITS:
        text = text[: phone.start()] + " " + text[phone.end() :]
    kept = "".join(c for c in text if not unicodedata.category(c).startswith(("S", "C")))
    name = " ".join(kept.split()).strip(_EDGES)
    if not name or name.startswith("/") or len(name) > _NAME_LIMIT:
        return None
    if any(c.isdigit() for c in name) or not any(c.isalpha() for c in name):
        return None
    return None if is_greeting(name) else name


_PHONE_DIGITS = 7  # a landline without its area code, at least
# Punctuation left at a name's ends once a number is taken out ("李小梅，").
_EDGES = " ,，。.、;；:：-－—"

# Said before a shop's name: 店名：老王烟酒店, 我的店叫兴隆超市.
_SHOP_LEAD = re.compile(
    r"^(?:我的店|我家店|我们店|店铺名称|店铺名|店名|店铺|字号|名称)(?:叫|叫做|是)?[:：\s]*"
)


# A shop without a name on its sign says so (没有店名, 还没起名字): the question skipped.
_NO_SHOP_NAME = re.compile(r"(?:还)?(?:没有|没|无)(?:起)?(?:店名|名字|名称|招牌|字号)?")


def _no_shop_name(text: str) -> bool:
    return _NO_SHOP_NAME.fullmatch(to_simplified(bare(text))) is not None


def _without_lead(text: str, lead: re.Pattern[str]) -> str:
    """`text` without the lead-in `lead` finds in its 简体 reading (店鋪名稱： as 店铺名称：),
    the same characters taken from the text as typed."""
    found = lead.match(to_simplified(text))
    if found is None or to_simplified(text[: found.end()]) != found.group():
        return text
    return text[found.end() :]


def shop_typed(text: str) -> str | None:
    """The shop's name typed (老王烟酒店, 7-11便利店, 兴隆超市（河西店）): letters, with digits
    and marks as signs have them, without emoji or a lead-in (店名：). None when no name is
    there: digits or emoji alone, a yes or a no, a greeting, or more than a sign's length."""
    text = _without_lead(text.strip(), _SHOP_LEAD)
    kept = "".join(c for c in text if not unicodedata.category(c).startswith(("S", "C")))
    name = " ".join(kept.split()).strip(_EDGES)
    if not name or name.startswith("/") or len(name) > _SHOP_LIMIT:
        return None
    if not any(c.isalpha() for c in name) or not_a_name(name) or is_greeting(name):
        return None
    return name


def _typed_kind(text: str) -> Requester | None:
    """烟农 / 零售户 / 职工, or a few words that say it ("我是开小卖部的"), typed."""
    plain = bare(text)
    if len(plain) > _LONG:
        return None
    return next((k for k, words in _KIND_WORDS.items() if any(w in plain for w in words)), None)


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


def shop_left_for_later(ctx: Ctx) -> bool:
    """Whether registration, left now, is a first one finished but for the shop: who they
    are, their name, phone and place stand (`_after_phone`), and the shop's name or licence
    can be added later. Registering again, it is left as it was (`UNDO`)."""
    conv = ctx.conv
    return conv is not None and conv.step in ("shop", "licence") and UNDO not in conv.data


async def leave(ctx: Ctx) -> None:
    """Registration left (/cancel, or typed words: "算了", "不要"), with how to register
    later and what they can do now, since nothing else in the chat says it."""
    assert ctx.conv is not None
    if ctx.conv.data.get("phone_only"):
        # Only the phone was asked of someone registered but for it: as 「跳过」, it can
        # be added later; "先不登记" would say their registration is gone.
        await ctx.end_flow()
        ctx.say("reg_phone_later", keyboard="remove")
        return
    if ctx.conv.data.get(SHOP_ONLY):
        # Only the shop was asked: what is registered for it now, the name typed kept.
        await ctx.end_flow()
        ctx.reply(ctx.text("shop_left") + "\n" + shop_lines(ctx), main_menu(ctx))
        return
    if shop_left_for_later(ctx):
        await ctx.end_flow()
        ctx.say("reg_shop_later", main_menu(ctx))
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
    if step != "kind" and await _kind_corrected(ctx):
        return
    if await kept_aside(ctx):
        ask_again(ctx)  # the phone or place kept for its question; this one still waits
        return
    # 算了, 不登记了 leave at any question; a no (不要) leaves at 您是 or the name only, and
    # skips the phone or the place, which may be skipped. At the shop or the licence, which
    # the questions say may be added later, 以后再说 is that: the question skipped.
    later = step in ("shop", "licence") and not_at_hand(msg.text)
    if (
        not msg.is_button
        and not later
        and (calls_off(msg.text) or (step in ("kind", "name") and declines(msg.text)))
    ):
        await leave(ctx)
        return
    if step == "kind":
        typed = _typed_kind(msg.text) if not msg.is_button else None
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
        ctx.say("reg_name")
    elif step == "name":
        name = name_typed(msg.text)
        if name is None or not_a_name(name):
            ctx.say("reg_name_bad")  # nothing saved: the name asked again
            return
        user.name = name
        await ctx.goto("phone")
        if phone_shared(ctx):
            await _after_phone(ctx)  # shared already, at 您是 or the name
            return
        ctx.say("reg_phone", keyboard="contact", keyboard_extra=(ctx.text("skip"),))
    elif step == "phone":
        await _phone_step(ctx)
    elif step == "area":
        await _area_step(ctx)
    elif step == "shop":
        await _shop_step(ctx)
    elif step == "licence":
        await _licence_step(ctx)


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
        ctx.say("reg_name")
    elif step == "phone":
        ctx.say("reg_phone", keyboard="contact", keyboard_extra=(ctx.text("skip"),))
    elif step in ("shop", "licence") and ctx.user.kind is not Requester.RETAILER:
        await _finish(ctx)  # the shop is a retailer's: nothing more to ask a farmer
    elif step == "shop":
        ask_shop(ctx)
    elif step == "licence":
        _ask_licence(ctx)
    else:
        _ask_area(ctx)  # in the kind's terms: a shop's district, a farmer's barns
    return True


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
        ctx.say("reg_name")
    elif step == "phone":
        ctx.say("phone_press", keyboard="contact", keyboard_extra=(ctx.text("skip"),))
    elif step == "area":
        ctx.say("reg_area_hint", _area_buttons(ctx), keyboard="location")
    elif step == "shop":
        ask_shop(ctx)
    elif step == "licence":
        _ask_licence(ctx)


async def _phone_step(ctx: Ctx) -> None:
    contact = ctx.msg.contact
    if contact is None:
        if _skipped(ctx):
            await _after_phone(ctx)
            return
        # A number typed is refused for what it is; other words are only not the button.
        key = "phone_typed" if typed_phone(ctx.msg.text) is not None else "phone_press"
        ctx.say(key, keyboard="contact", keyboard_extra=(ctx.text("skip"),))
        return
    if contact.user_id != ctx.user.id:
        ctx.say("contact_not_own", keyboard="contact", keyboard_extra=(ctx.text("skip"),))
        return
    ctx.user.phone = phone_of(contact)
    await _after_phone(ctx)


async def _after_phone(ctx: Ctx) -> None:
    assert ctx.conv is not None
    if not ctx.conv.data.get("phone_only"):
        # Who they are, their name and the phone (or its 「跳过」): registered; the place
        # may be skipped too. Registering again, /cancel still puts back what it was (UNDO).
        ctx.user.registered_at = ctx.now
        spot = location_shared(ctx)
        if ctx.user.site_code and UNDO not in ctx.conv.data:
            # Bound by the site's QR code they scanned: where they are is known, and a town
            # asked for would only risk leaving that barn behind.
            await _after_place(ctx)
            return
        await ctx.goto("area")
        if spot is None:
            _ask_area(ctx)
        elif _located(ctx, *spot):
            await _after_place(ctx)  # shared at an earlier question: the place answered
        return
    await ctx.end_flow()
    if ctx.user.phone:
        ctx.say("phone_saved", keyboard="remove", phone=ctx.user.phone)
    else:
        ctx.say("reg_phone_later", keyboard="remove")


# The site a shared location binds a person to: a farmer's barn cluster (where a 110 call
# sends the team), a retailer's district; staff, the nearest of any.
_SITE_KINDS = {Requester.FARMER: ("curing_cluster",), Requester.RETAILER: ("retail_district",)}
# The question names the kind of site a shared location will find (_SITE_KINDS).
_AREA_QUESTIONS = {Requester.FARMER: "reg_area", Requester.RETAILER: "reg_area_retailer"}


def _ask_area(ctx: Ctx) -> None:
    """Where is the person? Named in terms of the sites their shared location would find."""
    kind = ctx.user.kind
    key = _AREA_QUESTIONS.get(kind, "reg_area_any") if kind else "reg_area_any"
    ctx.say(key, _area_buttons(ctx), keyboard="location")


async def _area_step(ctx: Ctx) -> None:
    msg, user = ctx.msg, ctx.user
    if msg.location is not None:
        if not _located(ctx, msg.location.lat, msg.location.lon):
            return
    elif (chosen := _area_answer(ctx)) is not None:
        area = ctx.cfg.area(chosen)
        if area is None:
            ctx.toast("stale_button")
            return
        site = ctx.cfg.site(user.site_code) if user.site_code else None
        if site is not None and site.area != area.id:
            user.site_code = None  # a barn in the town they left: a 110 call asks anew
        user.area = area.id
    elif msg.callback_data == "f:skip" or _skipped(ctx):
        pass  # the place can wait (「跳过」, 不要, 没有): a 110 call asks for the barn
    else:
        ask_again(ctx)
        return
    await _after_place(ctx)


def _located(ctx: Ctx, lat: float, lon: float) -> bool:
    """The person placed at the site nearest a shared location, of the kind theirs would be,
    and told which; False, with the towns offered, for one outside the service region."""
    if not within_service_region(ctx.cfg, lat, lon):
        found = nearest_site(ctx.cfg, lat, lon)
        ctx.say("location_far", _area_buttons(ctx), km=found[1] if found else 0)
        return False
    kind = ctx.user.kind
    kinds = _SITE_KINDS.get(kind, ()) if kind else ()
    found = nearest_site(ctx.cfg, lat, lon, kinds) or nearest_site(ctx.cfg, lat, lon)
    assert found is not None
    ctx.user.site_code, ctx.user.area = found[0].code, found[0].area
    ctx.say("location_matched", site=in_script(found[0].name, ctx.script), km=found[1])
    return True


async def _after_place(ctx: Ctx) -> None:
    """The place answered or skipped: a retailer is asked for their shop, whom the delivery,
    ordering and licence teams serve; anyone else has registered."""
    if ctx.user.kind is not Requester.RETAILER:
        await _finish(ctx)
        return
    await ctx.goto("shop")
    ask_shop(ctx)


def ask_shop(ctx: Ctx) -> None:
    """店名, with the one registered, when there is one, kept by 「跳过」. The place's 📍
    keyboard, or the phone's, goes: the name is typed."""
    shop = ctx.user.shop_name
    if shop:
        ctx.say("reg_shop_again", keyboard="remove", shop=shop)
    else:
        ctx.say("reg_shop", keyboard="remove")


def _ask_licence(ctx: Ctx) -> None:
    """许可证号, with 「跳过」 for one not at hand (the one registered, if any, stays)."""
    skip = rows(Button(ctx.text("skip"), _SKIP_LICENCE))
    number = ctx.user.licence_number
    if number:
        ctx.say("reg_licence_again", skip, number=number)
    else:
        ctx.say("reg_licence", skip, digits=LICENCE_DIGITS)


# The licence question's own 「跳过」: the place's (f:skip), pressed late, skips no licence.
_SKIP_LICENCE = "f:skip:licence"


def _skipped(ctx: Ctx) -> bool:
    """「跳过」 typed, or a no (不要, 没有), at a question that may be skipped."""
    text = ctx.msg.text.strip()
    return text in (ctx.text("skip"), "跳过", "跳過") or skips(text)


async def _shop_step(ctx: Ctx) -> None:
    if ctx.msg.is_button:
        ctx.toast("stale_button")  # the place's buttons, pressed late: the name is typed
        return
    licence = ""
    later = not_at_hand(ctx.msg.text)  # 以后再填, 先不填: no name, and none kept as one
    if not _skipped(ctx) and not _no_shop_name(ctx.msg.text) and not later:
        typed, licence = _licence_after(ctx.msg.text)
        shop = shop_typed(typed)
        if shop is None:
            ctx.say("reg_shop_bad", limit=_SHOP_LIMIT)  # nothing saved: asked again
            return
        ctx.user.shop_name = shop
    await ctx.goto("licence")
    if licence:
        # "李记烟酒店 520102100123": the licence answered with the shop, read as if typed
        # at its own question (a mistyped one is said to be so, the shop kept).
        ctx.msg = replace(ctx.msg, text=licence)
        await _licence_step(ctx)
        return
    _ask_licence(ctx)


# The licence number typed after a shop's name, its own name maybe before it (李记烟酒店
# 许可证号：520102100123, 证号 for short): digits enough to be an attempt at it, grouped or
# full-width.
_LICENCE_AFTER = re.compile(
    rf"[\s,，、;；]*(?:(?:{LICENCE_NAME}|证号|證號)[:：\s]*)?(?P<digits>[\d０-９][\d０-９\s\-－—]*)$"
)
_ENDING = "。.！!，,；;"  # a sentence's end typed after the number
_SPACE = re.compile(r"\s+")


def _licence_after(text: str) -> tuple[str, str]:
    """The shop's name typed with its licence number after it: the name's part and what
    was typed of the number; the text as typed and "" when no licence number ends it (a
    shop's own number, 兴隆超市168, is too short for one)."""
    typed = text.strip().rstrip(_ENDING).rstrip()
    found = _LICENCE_AFTER.search(typed)
    if found is None or read_licence(found.group("digits")).digits < _LICENCE_TRIED:
        return text, ""
    digits = found.group("digits")
    own, rest = [*_SPACE.split(digits, maxsplit=1), ""][:2]
    if read_licence(digits).digits > LICENCE_DIGITS and read_licence(rest).digits >= _LICENCE_TRIED:
        # "兴隆超市168 520102100123": the shop's own number, then the licence's.
        return typed[: found.start("digits")] + own, rest
    return typed[: found.start()], digits


async def _licence_step(ctx: Ctx) -> None:
    msg = ctx.msg
    if msg.is_button and msg.callback_data != _SKIP_LICENCE:
        ctx.toast("stale_button")
        return
    if msg.is_button or _skipped(ctx) or not_at_hand(msg.text):
        await _finish(ctx)  # added later with 👤 登记信息; one registered before stays
        return
    typed = read_licence(msg.text)
    if typed.number is None:
        # Nothing saved; what is wrong is said, as a number mistyped by one digit is common.
        skip = rows(Button(ctx.text("skip"), _SKIP_LICENCE))
        if typed.only_digits and typed.digits != LICENCE_DIGITS:
            ctx.say("reg_licence_count", skip, digits=LICENCE_DIGITS, count=typed.digits)
        elif typed.only_digits:
            ctx.say("reg_licence_place", skip)
        else:
            ctx.say("reg_licence_bad", skip, digits=LICENCE_DIGITS)
        return
    ctx.user.licence_number = typed.number
    await _finish(ctx)


async def _finish(ctx: Ctx) -> None:
    """Registration done: what they said stands, and is shown, with the menu."""
    assert ctx.conv is not None
    user = ctx.user
    ctx.conv.data.pop(UNDO, None)  # finished: what they said stands
    shop_only = bool(ctx.conv.data.get(SHOP_ONLY))
    await ctx.end_flow()
    if shop_only:
        # Only the shop asked: it is what changed, and all there is to show.
        ctx.reply(ctx.text("shop_saved") + "\n" + shop_lines(ctx), keyboard="remove")
        ctx.say("menu_next", main_menu(ctx))
        return
    if user.kind is not Requester.RETAILER:
        # Registered as a farmer or staff now: a shop they once gave is no longer theirs to
        # show on a card.
        user.shop_name = user.licence_number = None
    area_obj = ctx.cfg.area(user.area or "")
    site = ctx.cfg.site(user.site_code) if user.site_code else None
    place = site.name if site else (area_obj.name if area_obj else ctx.text("place_unset"))
    # The place question's 📍 keyboard goes with the confirmation; the menu follows on a
    # message of its own, as a message carries one keyboard only.
    done = ctx.text(
        "reg_done",
        name=user.name,
        kind=ctx.text(f"kind_{user.kind.value}") if user.kind else "",
        phone=user.phone or "—",
        place=in_script(place, ctx.script),
    )
    if user.kind is Requester.RETAILER:
        done += "\n" + shop_lines(ctx)  # what the teams serving the shop will see
    ctx.reply(done, keyboard="remove")
    ctx.say("menu_next", main_menu(ctx))


def shop_lines(ctx: Ctx) -> str:
    """The retailer's shop as registered, what is missing said with how to add it."""
    user = ctx.user
    unset = ctx.text("reg_shop_unset")
    lines = ctx.text(
        "reg_done_shop", shop=user.shop_name or unset, licence=user.licence_number or unset
    )
    if not (user.shop_name and user.licence_number):
        lines += "\n" + ctx.text("reg_shop_add_later")
    return lines
