"""A script's name typed ("繁體", "换成简体") or "语言": what /lang or its buttons would do."""

from __future__ import annotations

from core.enums import Script
from handlers.context import Ctx
from handlers.entries import COMMANDS, Step, set_script
from handlers.typed_menu import LANG, LANG_HANS, LANG_HANT


def lang_step(key: str | None) -> Step | None:
    """/lang's step, or its button's, for the menu key of a script's name typed."""
    if key == LANG:
        return COMMANDS["lang"]
    if key in (LANG_HANT, LANG_HANS):
        script = Script.HANT if key == LANG_HANT else Script.HANS

        async def chosen(ctx: Ctx) -> None:
            set_script(ctx, script)

        return chosen
    return None
