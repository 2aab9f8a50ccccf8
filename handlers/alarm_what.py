"""请说明出了什么问题, asked after /110 or 🚨: the words that answer it, and those that may
mean no emergency now and are asked about rather than paged."""

from __future__ import annotations

from handlers import alarm_check, alarm_intake, alarm_when
from handlers.context import Ctx
from handlers.entries import MENU, show_help
from handlers.script_typed import lang_step
from handlers.tickets import is_greeting, routed
from handlers.typed_menu import HELP, calls_off, menu_key
from routing import bare, to_simplified

# Typed at 请说明出了什么问题: a yes to the alarm that says nothing of what is wrong.
# Not 好的, 嗯 or ok: an acknowledgement as often, asked again as a greeting is.
_YES_TO_IT = frozenset((
    "是", "是的", "对", "对的", "要", "确定", "确认", "报警", "我要报警", "要报警", "快报警",
))  # fmt: skip
_ASKED_AGAIN = "asked_again"


async def alarm_what(ctx: Ctx) -> None:
    """What is wrong, after /110 or 🚨: words that say it (and a voice note or a photo) file
    the alarm; words that call it off, ask for the menu, greet, or say there is no emergency
    now do not page anyone."""
    assert ctx.conv is not None
    msg = ctx.msg
    if ctx.conv.step == "what" and msg.text and not (msg.photo_file_id or msg.voice_file_id):
        plain = to_simplified(bare(msg.text))
        key = menu_key(msg.text)
        if alarm_check.calls_alarm_off(msg.text):
            await ctx.end_flow()
            ctx.say("e_called_off", keyboard="remove")
            return
        if (lang := lang_step(key)) is not None:
            # "/110 繁體": the script chosen, as typed anywhere; what is wrong is still asked.
            await lang(ctx)
            ctx.say("e_what")
            return
        if key == HELP or (key in MENU and key != "m:110"):
            await ctx.end_flow()
            await (show_help(ctx) if key == HELP else MENU[key](ctx))
            return
        if not plain or plain in _YES_TO_IT or key == "m:110":
            # 是, 👍, 报警 again: the alarm is wanted, what is wrong is not said. Asked
            # once more; said twice, the team is paged and asks them on the phone.
            if ctx.conv.data.get(_ASKED_AGAIN):
                await alarm_intake.file_alarm(ctx)
                return
            await ctx.goto("what", **{_ASKED_AGAIN: True})
            ctx.say("e_what_again")
            return
        if is_greeting(plain):
            ctx.say("e_what")  # "你好", "谢谢": still, what is wrong?
            return
        if unsure(ctx):
            await alarm_check.ask(ctx, msg.text)  # "我就问问，现在没事": asked, not paged
            return
    await alarm_intake.emergency_step(ctx)


def unsure(ctx: Ctx) -> bool:
    """Words typed at 请说明出了什么问题 that may mean no emergency now, and are asked about:
    settled, past or ahead ("上次停电修好了"), or a few words of denial ("我就问问，现在没事",
    "不急，风机不转了"), unless they tell of a danger to people. A hurry beside a 不要
    ("不要拖，烤房停电了"), a 没事 or 是不是 asked ("没事吧？风机不转了", "是不是停电了"), or a
    correction ("不是停电，是风机坏了") is no denial (`alarm_check.sounds_like_no`)."""
    text = ctx.msg.text
    if not (alarm_when.may_not_be_now(text) or alarm_check.sounds_like_no(text)):
        return False
    decision = routed(ctx)  # routed only for words that may be no emergency
    return decision is None or not decision.danger


def raises_at_once(ctx: Ctx) -> bool:
    """Whether the words, typed at 请说明出了什么问题, raise the alarm there and then (a barn
    failing now), rather than call it off, open a menu entry or ask first (`alarm_what`)."""
    text = ctx.msg.text
    decision = routed(ctx)
    if decision is None or not decision.emergency or calls_off(text) or menu_key(text):
        return False
    return not unsure(ctx)
