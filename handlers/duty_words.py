"""The words /duty reads after a name (on, 值班, off, 下班 ...), and what it says of words
it cannot read: said so, rather than the roster shown as if nothing had been typed."""

from __future__ import annotations

from core.written import as_written
from handlers.context import Ctx
from routing import bare, to_simplified

# What /duty's last word may be: on duty, or off.
_DUTY_WORDS = {
    **dict.fromkeys(("on", "值班", "上班", "在岗", "开"), True),
    **dict.fromkeys(("off", "下班", "休息", "不值班", "关"), False),
}


def duty_word(word: str) -> bool | None:
    """On (True) or off (False), as the word says; None for any other word."""
    return _DUTY_WORDS.get(bare(to_simplified(word)).lower())


def say_unread(ctx: Ctx, typed: tuple[str, ...], *, names_member: bool) -> None:
    """Why /duty's words set nobody's duty (the roster and the usage follow): a last word
    that is neither on nor off ("/duty 赵队员 maybe"), a member named with no word after
    ("/duty 赵队员", "/duty on 赵队员": `names_member`, the last word a member's name), on
    and off at once, or more words than a name and
    one of them. Quoted as typed."""
    last = as_written(typed[-1][:20])
    if names_member and duty_word(typed[-1]) is None:
        ctx.say("duty_word_missing", typed=last)
    elif len(typed) == 2 and None not in (duty_word(typed[0]), duty_word(typed[1])):
        ctx.say("duty_words_disagree", first=as_written(typed[0][:20]), last=last)
    elif duty_word(typed[-1]) is None:
        ctx.say("duty_word_unknown", typed=last)
    else:
        ctx.say("duty_words_unread", typed=as_written(" ".join(typed)[:40]))
