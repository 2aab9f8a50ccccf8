"""A retailer's shop (店名) and licence number (许可证号) added or changed on their own, with
🏪 补充店铺信息, without answering who they are, their name, phone and place again; and a
retailer registered without them (before shops were asked, or either skipped) reminded of
it once, when they next come (/start) or file a request, which the teams serving the shop
(配送, 订货, 专卖) would read without them."""

from __future__ import annotations

from core.enums import Requester
from handlers.context import Ctx
from handlers.menu import main_menu
from handlers.registration import REGISTER, SHOP_ENTRY, start_registration
from handlers.registration_shop import SHOP_ONLY, ask_shop
from handlers.replies import Button, rows


async def ask_shop_only(ctx: Ctx) -> None:
    """The shop's name, then the licence, asked of a registered retailer; someone not
    registered yet is registered, the shop asked there; anyone else is told the shop is a
    retailer's, with the menu."""
    if ctx.user.registered_at is None:
        # Not registered yet: the shop is asked in its place, after who they are, their
        # name, phone and place, none of which the shop alone would give.
        await start_registration(ctx)
        return
    if ctx.user.kind is not Requester.RETAILER:
        ctx.say("shop_not_retailer", main_menu(ctx))
        return
    # Each answer stands once given (no UNDO): left half-way, the shop typed is kept.
    await ctx.start_flow(REGISTER, "shop", {SHOP_ONLY: True})
    ask_shop(ctx)


def remind_once(ctx: Ctx) -> None:
    """Once ever (`users.shop_reminded_at`): a registered retailer whose shop or licence is
    not known is told what is missing and offered 🏪 补充店铺信息. In their private chat."""
    user = ctx.user
    if not ctx.msg.is_private or not user.shop_incomplete or user.shop_reminded_at is not None:
        return
    user.shop_reminded_at = ctx.now
    if not user.shop_name and not user.licence_number:
        missing = "shop_missing_both"
    else:
        missing = "shop_missing_licence" if user.shop_name else "shop_missing_shop"
    button = rows(Button(ctx.text("menu_shop"), SHOP_ENTRY))
    ctx.say("shop_remind", button, missing=ctx.text(missing))
