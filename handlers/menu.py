"""The main menu shown after /start and registration, and the words that go with it.

What a person is offered follows who they registered as: 🚨110 (a curing barn's emergency)
for farmers, 🌱心愿 (the staff wish list) for staff, neither for a retailer, who would only
be told the button is not for them. Someone not yet registered may be a farmer whose barn
is failing now, so they see 110. The commands (/110, /wish) still answer everyone.
"""

from __future__ import annotations

from dataclasses import replace

from core.enums import Requester
from core.model import User
from handlers.context import UNDO, Ctx
from handlers.replies import Button


def as_registered(ctx: Ctx) -> User:
    """The person as registered: half-way through registering again, what the update would
    put back (`UNDO`), not the answers typed so far, which are not saved until it is
    finished (/cancel drops them). The menu and the words beside it are of what is saved."""
    kept = ctx.conv.data.get(UNDO) if ctx.conv is not None else None
    if not isinstance(kept, dict):
        return ctx.user
    saved = replace(ctx.user)
    saved.restore_registration(kept)
    return saved


def _offers_110(ctx: Ctx) -> bool:
    return as_registered(ctx).may_have_barn


def may_raise_110(ctx: Ctx) -> bool:
    """Whether 🚨 110 pressed raises the call: a barn may be theirs as registered (a farmer
    half-way to 零售户 still has it on the menu), or as answered in the update going on (a
    retailer who has just said 烟农, pressing it on an earlier message). A failing barn is
    not refused on the strength of either alone."""
    return as_registered(ctx).may_have_barn or ctx.user.may_have_barn


def _offers_wish(ctx: Ctx) -> bool:
    return as_registered(ctx).kind is Requester.STAFF


def main_menu(ctx: Ctx) -> tuple[tuple[Button, ...], ...]:
    t = ctx.text
    menu: list[tuple[Button, ...]] = []
    if _offers_110(ctx):
        menu.append((Button(t("menu_110"), "m:110"),))
    menu.append((Button(t("menu_new"), "m:new"), Button(t("menu_my"), "m:my")))
    menu.append((Button(t("menu_complain"), "m:complain"), Button(t("menu_suggest"), "m:suggest")))
    last = [Button(t("menu_register"), "m:reg")]
    if as_registered(ctx).shop_incomplete:
        # Until the bureau knows the shop: adding it is one press, not a registration again.
        last.insert(0, Button(t("menu_shop"), "m:shop"))
    if _offers_wish(ctx):
        last.insert(0, Button(t("menu_wish"), "m:wish"))
    menu.append(tuple(last))
    return tuple(menu)


def how_to(ctx: Ctx) -> str:
    """The welcome's second line: where this person's usual matters go."""
    if _offers_wish(ctx):
        return ctx.text("how_staff")
    return ctx.text("how_farmer" if _offers_110(ctx) else "how_retailer")


def say_help(ctx: Ctx) -> None:
    """/help with the menu: the commands this person has a use for."""
    urgent = ctx.text("help_110") if _offers_110(ctx) else ""
    wish = ctx.text("help_wish") if _offers_wish(ctx) else ""
    # Every closed ticket goes on the echo wall unless its requester refuses: say how.
    echo = ctx.text("help_echo") if ctx.cfg.echo_wall_chat is not None else ""
    ctx.say("help", main_menu(ctx), urgent=urgent, wish=wish, echo=echo)


def say_110_not_theirs(ctx: Ctx) -> None:
    """🚨 110 pressed by someone registered as a retailer or staff, on a menu shown before
    they said who they are: what the 110 is for, and /110 for a barn that is failing after
    all; nothing is asked, so no 请说明出了什么问题 waits for words about their office or
    shop. Their menu, unless a conversation goes on (a draft, said to go on). The kind
    named is the one saved (`as_registered`), not an answer of an update not yet saved."""
    registered = as_registered(ctx).kind
    kind = registered.value if registered is not None else "retailer"
    ctx.say(
        "e_110_no_barn", main_menu(ctx) if ctx.conv is None else (), who=ctx.text(f"kind_{kind}")
    )
