"""The main menu shown after /start and registration."""

from __future__ import annotations

from handlers.context import Ctx
from handlers.replies import Button


def main_menu(ctx: Ctx) -> tuple[tuple[Button, ...], ...]:
    t = ctx.text
    return (
        (Button(t("menu_110"), "m:110"),),
        (Button(t("menu_new"), "m:new"), Button(t("menu_my"), "m:my")),
        (Button(t("menu_complain"), "m:complain"), Button(t("menu_suggest"), "m:suggest")),
        (Button(t("menu_wish"), "m:wish"), Button(t("menu_register"), "m:reg")),
    )
