"""Words of a barn emergency that may not be one now: asked once before the alarm goes out.

"上次停电的事已经解决了，谢谢" or "村里明天停电检修，烤房要提前准备啥" carry the words of a curing
emergency (停电) but no barn failing now: raising the alarm pages the on-duty team, at night
too. When the words also say the matter is settled, past, ahead or denied, the bot asks one
question with two buttons instead. 「🚨 是，马上报警」 raises the alarm as typed words would
have; 「不是，只是咨询」 offers the words as a request to confirm, not urgent (「不是，按投诉
提交」 as a complaint, 「不是，按建议提交」 as a suggestion). A farmer whose barn
is failing loses one tap, never the alarm: anything else sent meanwhile is read afresh, and a
new emergency in it raises its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from core.enums import Kind
from core.geo import nearest_site
from core.model import Ticket
from core.texts import one_line
from handlers import alarm_answer, alarm_intake, drafts, intake, rating
from handlers.alarm_when import failing_now, says_now
from handlers.cards import called_here
from handlers.context import Ctx
from handlers.i18n import quoted
from handlers.places import BARNS, barns_named
from handlers.replies import Button, rows
from handlers.tickets import Gathered, is_greeting, may_have_barn, routed, typed_alarm
from handlers.typed_answers import bare_yes_no
from handlers.typed_menu import calls_off
from routing import bare, normalize, to_simplified

ALARM_CHECK = "alarm_check"
_ANSWER_MAX = 8  # characters: "是的，快来" is an answer; a sentence is a message of its own

# An answer typed: no first (不是 holds 是), then yes.
# Not the 不是 of 是不是 (a question), nor of 不是X，是Y (a correction: 不是停电，是风机坏了);
# not 没事吧？ (a question either).
_NO = re.compile(
    r"(?<!是)不是(?![^。！!？?]{0,8}是)|不用|不要|不需要|不必|没事(?![吧吗么])|不急|咨询|问问"
)
_YES = re.compile(r"是|对|要|快|急|报警|嗯")

# Typed at 🚨 请说明出了什么问题: the farmer calls the alarm off, as with the words that
# leave any prompt (算了, 取消, 返回: `calls_off`).
_NO_ALARM = frozenset((
    "不用了", "不用", "不要", "不需要", "不需要了", "点错了", "按错了", "不报了", "不报警了",
    "没事了", "没事", "误报",
))  # fmt: skip
# Typed during a call nobody has taken yet: the team is no longer needed. Not 好了 (an
# acknowledgement as often), nor 修好了吗 (a question), nor a bare 不用了 or 不要 (the answer
# to 共享我的手机号, as likely).
_NOT_NEEDED_NOW = frozenset((
    "算了", "算了吧", "算啦", "取消", "点错了", "按错了", "不报了", "不报警了", "误报", "没事了",
    "撤回", "撤销", "修好了", "已经修好了", "自己修好了", "我自己修好了", "弄好了", "搞好了",
    "来电了", "已经来电了", "电来了", "不用来了", "不用过来了", "不用来人了", "不要来了",
    "不用来", "不用过来", "别来了",
))  # fmt: skip
# What goes with such words without saying anything else ("电来了，不用来了，谢谢"), and calls
# nothing off alone: 不用了 (as above), 好了, thanks.
_WITH_IT = (
    "不用了", "不用", "不需要了", "不需要", "不要了", "好了", "好的", "已经", "谢谢你们", "谢谢了",
    "谢谢", "感谢", "麻烦了", "辛苦了", "了", "啦", "哈", "啊", "呀",
)  # fmt: skip


# Each such word and whether it calls the team off (不用来了) or only goes with it (谢谢).
_CALLING_OFF: dict[str, bool] = {
    **dict.fromkeys(_WITH_IT, False),
    **dict.fromkeys(_NOT_NEEDED_NOW, True),
}
_LONGEST = max(map(len, _CALLING_OFF))
# 撤回, 取消 or 撤销 denied ("不用撤回", "不需要取消了", "别撤销"): the call is still wanted,
# typed back to the withdrawal offered. Not 不用了，撤回 (no longer needed: withdraw it).
_KEEP_IT = re.compile(r"(?:不(?:用|要|需要|必|想)?|别|无需|没必要)(?:撤回|取消|撤销)")


def _made_of_calling_off(plain: str) -> bool:
    """Whether `plain` is nothing but such words end to end, one of them calling off
    ("电来了不用来了谢谢"). Read left to right once, with at most `_LONGEST` words tried
    ending at each character: a message of many words that overlap (不用了 is 不用 and 了)
    costs as little to refuse as to accept, where a pattern of alternatives would try
    every way of cutting it."""
    # reached[i]: how far a reading of plain[:i] gets; -1 none, 0 only words that go with
    # it, 1 with a word calling off (which every reading going on from there keeps).
    reached = [-1] * (len(plain) + 1)
    reached[0] = 0
    for end in range(1, len(plain) + 1):
        for start in range(max(0, end - _LONGEST), end):
            if reached[start] < 0:
                continue
            calling_off = _CALLING_OFF.get(plain[start:end])
            if calling_off is not None:
                reached[end] = max(reached[end], reached[start], int(calling_off))
    return reached[-1] == 1


def calls_alarm_off(text: str) -> bool:
    """Words at 请说明出了什么问题 that want no alarm: 算了, 点错了, 不用了."""
    return calls_off(text) or to_simplified(bare(text)) in _NO_ALARM


def no_longer_needed(text: str) -> bool:
    """Words during a 110 call that say the team need not come, and nothing else: 算了,
    修好了, 不用来了, "电来了，不用来了". Not asked (取消了？), nor the withdrawal denied
    (不用撤回)."""
    said = normalize(text)
    if "?" in said or _KEEP_IT.search(said):
        return False  # 取消了？ asks; 不用撤回 keeps the call
    return _made_of_calling_off(bare(said))


# 撤回, 取消 or 撤销 asked after ("撤回了吗", "取消了没有"): read as the word itself.
_ASKED_AFTER = re.compile(r"(撤回|取消|撤销)了?(?:吗|么|没有?)")


def about_calling_off(text: str) -> bool:
    """Words that call a 110 call off (`no_longer_needed`), and those that ask whether it is
    called off (取消了？, 撤回了吗) or deny it (不用撤回, 别撤回). With no call on, all are
    answered alike, that there is none; during a call only the first offer the withdrawal."""
    plain = normalize(text)
    said = _KEEP_IT.sub("撤回", _ASKED_AFTER.sub(r"\1", plain))
    if not _made_of_calling_off(bare(said)):
        return False
    # Asked, it is about calling off only when it asks after the withdrawal itself
    # (取消了？): 修好了？, 来电了？ ask after the barn, a matter for a team.
    return "?" not in plain or _WITHDRAWAL.search(plain) is not None


_WITHDRAWAL = re.compile(r"撤回|取消|撤销")


def failing_elsewhere(ctx: Ctx, call: Ticket, text: str) -> str | None:
    """The barn cluster other than the open call's that the words say is failing now (河湾
    那边的烤房着火了 during a call at 大坪), or None: an alarm of its own, placed there and
    paged to that barn's team, not news on a card another town's team may never read.
    Only when it is the one barn named: words naming two ("大坪这边没事，着火的是松林",
    "松林和大坪都着火了") are news of the call, with 「🚨 另一处烤房报警」 offered
    (`names_another_barn`), as which of them fails is the farmer's to say. Words that say
    it is past, and no danger, are news too. In doubt, its team is paged: a needless page
    costs a phone call, a fire left as news on another team's card costs the barn."""
    named = barns_named(ctx, text)
    if len(named) != 1 or not _elsewhere(ctx, call, named[0]):
        return None
    return named[0] if failing_now(routed(ctx, text), text) else None


def names_another_barn(ctx: Ctx, call: Ticket, text: str) -> bool:
    """Words naming a barn cluster other than where the open call is."""
    return any(_elsewhere(ctx, call, code) for code in barns_named(ctx, text))


def _elsewhere(ctx: Ctx, call: Ticket, site_code: str) -> bool:
    """Whether the barn cluster `site_code` is not where the call is: another cluster than
    the call's; for a call placed by a pin alone (no cluster within a barn's radius), any
    cluster but the one nearest the pin, which the farmer was told of. A call placed
    nowhere yet is where the farmer will say."""
    if call.site_code is not None:
        return site_code != call.site_code
    if call.lat is None or call.lon is None:
        return False
    nearest = nearest_site(ctx.cfg, call.lat, call.lon, BARNS)
    return nearest is not None and nearest[0].code != site_code


def sounds_like_no(text: str) -> bool:
    """A few words that say there is no emergency ("我就问问，现在没事", "不急"), and nothing
    that there is one now ("快来，不要拖")."""
    plain = to_simplified(bare(text))
    if len(plain) > _DENIAL_MAX or _NO.search(plain) is None or _HURRY.search(plain):
        return False
    return _URGENT.search(_NO.sub("", plain)) is None  # 不急 is no hurry; 快来 is


_DENIAL_MAX = 12  # characters: a longer message says what is wrong as well
# Hurry, beside a denial ("快来，不要拖"): an emergency. Not 现在 ("现在没事" is a denial).
_URGENT = re.compile(r"又|快来|快点|赶紧|马上|急|救命")
# A hurry said with a no in it: 不要拖, 等不了 (not 拖拉机, 等一等).
_HURRY = re.compile(r"不要拖|别拖|不能拖|拖不得|拖不起|等不了|等不及|不能等|不要等|别等")


async def ask(
    ctx: Ctx,
    text: str,
    kind: Kind = Kind.REQUEST,
    draft: Gathered | None = None,
    *,
    resume: bool = False,
    commented: Ticket | None = None,
    answering: Ticket | None = None,
) -> None:
    """Ask whether the words are an emergency now, keeping them for the answer; `kind` is
    what they are filed as when not (a complaint about how a call went), and `draft` what
    came with them (a request's draft: its photos, its place), which goes with either
    answer. With `resume`, a message that is no answer goes back into that draft.
    `commented`: the ticket whose rating's comment the words are already; not now files
    nothing, and what a no says beside it joins that comment. `answering`: the ticket
    whose team's question they answer (在龙潭镇，上次停电烤坏了一炉 to 您的烤房在哪个乡
    镇？): either way they are its answer, with the call too when now."""
    data: dict[str, object] = {"text": text, "kind": kind.value, "resume": resume}
    if draft is not None:
        data["draft"] = draft.to_data()
    if commented is not None:
        data["commented"] = commented.id
    if answering is not None:
        data["answering"] = answering.id
    await ctx.start_flow(ALARM_CHECK, "ask", data)
    # Not now files nothing new either way: 不是，现在没事, not 只是咨询.
    calm = commented is not None or answering is not None
    ctx.say("alarm_check", _buttons(ctx, kind, commented=calm))


# Filed as one of these when not now (after /complain or /suggest, or words that are one):
# the no says so, 「不是，只是咨询」 being a request's.
_FILED_AS = frozenset({Kind.COMPLAINT, Kind.SUGGESTION})


def _buttons(ctx: Ctx, kind: Kind, *, commented: bool = False) -> tuple[tuple[Button, ...], ...]:
    return rows(
        Button(ctx.text("btn_alarm_now"), "f:alarm:yes"),
        Button(_not_now(ctx, kind, commented=commented), "f:alarm:no"),
    )


def _not_now(ctx: Ctx, kind: Kind, *, commented: bool) -> str:
    """The no's button: 不是，现在没事 of a rating's comment, 不是，按投诉提交 of a complaint
    (a suggestion), 不是，只是咨询 of a request."""
    if commented:
        return ctx.text("btn_alarm_not_now_commented")
    if kind in _FILED_AS:
        return ctx.text("btn_alarm_not_now_as", kind=ctx.text(f"kind_{kind.value}"))
    return ctx.text("btn_alarm_not_now")


async def answer_step(ctx: Ctx) -> bool:
    """The answer: the alarm, or a request. False when the message is no answer (it is
    read afresh, and the question ends; a request's draft it was asked from is its
    conversation again, the words that were asked about in it)."""
    assert ctx.conv is not None
    text = str(ctx.conv.data.get("text", ""))
    kind = Kind(str(ctx.conv.data.get("kind", Kind.REQUEST.value)))
    kept = ctx.conv.data.get("draft")
    draft = Gathered.from_data(kept) if isinstance(kept, dict) else None
    resume = bool(ctx.conv.data.get("resume"))
    commented_id = ctx.conv.data.get("commented")
    commented = commented_id is not None
    answering = await _answering(ctx)
    calm = commented or answering is not None  # the no's button: 不是，现在没事
    said = _answer(ctx)
    typed = "" if ctx.msg.photo_file_id or ctx.msg.voice_file_id else ctx.msg.text
    if said is None and not ctx.msg.is_button and _says_nothing(typed):
        # 好的, 1, 👍: no answer, and nothing else said; the words asked about would be
        # lost with the question, so it is put again.
        again = "alarm_check_again_commented" if calm else "alarm_check_again"
        no = _not_now(ctx, kind, commented=calm)
        ctx.say(again, _buttons(ctx, kind, commented=calm), no=no)
        return True
    if said is None and _a_file_alone(ctx):
        await _file_with_the_words(ctx, text, draft, commented=calm, answering=answering)
        return True
    await ctx.end_flow()
    if commented and (said is False or (said is None and typed and calls_off(typed))):
        # The words are the rating's comment already; more said after the no joins it, and
        # so do the photos sent with them or meanwhile.
        more = _said_beside_the_no(ctx) if said is False else ""
        files = _files_of(_with_the_file(ctx, draft or Gathered(kind, ""))) if said is False else []
        found = int(str(commented_id))
        ticket = await ctx.uow.tickets.get(found) if more or files else None
        if ticket is not None and ticket.requester_id == ctx.user.id:
            await rating.add_to_comment(ctx, ticket, more, files)
        ctx.say("alarm_check_comment_kept")
        return True
    if said is None and typed and calls_off(typed):
        # 算了, 返回: nobody paged, and the words (and a draft they came from) not filed.
        ctx.say("alarm_check_called_off")
        return True
    if said is None:
        if answering is not None:
            # Left for another message: the words still answer the team's question, not now.
            await _answer_kept(ctx, answering, replace(draft or Gathered(kind, ""), text=text))
        elif not commented and not (draft is not None and resume) and text.strip():
            # Neither filed nor paged, and the farmer is told so, not left waiting for either.
            ctx.say("draft_left", words=quoted(one_line(text, intake.DRAFT_SHOWN)))
        if draft is not None and resume:
            # Back into the draft, no longer said to be calm: a barn failing now typed
            # meanwhile raises its alarm there (`handlers.draft_step.draft_step`).
            words = replace(draft, text=text, calm=False)
            await ctx.start_flow(intake.TICKET, "extras", drafts.draft_data(ctx, words))
        if ctx.msg.is_button:
            ctx.toast("stale_button")
            return True
        return False
    if said:
        # The barn its words name, else the draft's or the farmer's (`alarm_intake.after_what`).
        alarm = replace(draft, text=text) if draft is not None else Gathered(Kind.REQUEST, text)
        alarm = _with_the_file(ctx, alarm)  # a photo captioned 是
        await _raise(ctx, replace(alarm, kind=Kind.EMERGENCY, calm=False), answering)
        return True
    quiet = draft or Gathered(kind=kind, text="", site_code=ctx.user.site_code)
    quiet = _with_the_file(ctx, quiet)  # a photo captioned 不是，就是想问问这个
    more = _said_beside_the_no(ctx)
    asked = f"{text}\n{more}" if more else text
    if answering is not None:
        # The answer to the team's question, and no new request beside it.
        await _answer_kept(ctx, answering, replace(quiet, text=asked))
        return True
    await intake.start_ticket(ctx, kind, asked, first=replace(quiet, kind=kind, text="", calm=True))
    return True


async def kept_as_the_answer(ctx: Ctx) -> bool:
    """While 现在需要马上处理吗？ stands and a command or menu entry leaves it: the words asked
    about, when they answer a team's question, are that answer (nobody paged), the person
    told so; False when they answer none."""
    answering = await _answering(ctx)
    if answering is None:
        return False
    assert ctx.conv is not None
    kept = ctx.conv.data.get("draft")
    words = Gathered.from_data(kept) if isinstance(kept, dict) else Gathered(Kind.REQUEST, "")
    await _answer_kept(ctx, answering, replace(words, text=str(ctx.conv.data.get("text", ""))))
    return True


async def _answering(ctx: Ctx) -> Ticket | None:
    """The ticket whose team's question the words asked about answer, while it still waits
    for the answer and is the person's."""
    assert ctx.conv is not None
    found = ctx.conv.data.get("answering")
    ticket = await ctx.uow.tickets.get(found) if isinstance(found, int) else None
    if ticket is None or ticket.requester_id != ctx.user.id:
        return None
    return ticket if alarm_answer.still_asking(ticket) else None


async def _raise(ctx: Ctx, alarm: Gathered, answering: Ticket | None) -> None:
    """The 110 call, and the answer to `answering`'s question too."""
    if answering is not None:
        await alarm_answer.alarm_answers(ctx, answering, alarm)
        return
    await alarm_intake.start_emergency(ctx, alarm)


async def _answer_kept(ctx: Ctx, ticket: Ticket, words: Gathered) -> None:
    """The words asked about (and what the no says beside them, the photo kept with them),
    not now: the answer to `ticket`'s question, nobody paged."""
    await alarm_answer.answer_with(ctx, ticket, words)
    ctx.say("answer_added", number=ticket.label, what=called_here(ctx, ticket))


def _a_file_alone(ctx: Ctx) -> bool:
    """A photo or a voice note without words: sent in place of a press."""
    return bool(ctx.msg.photo_file_id or ctx.msg.voice_file_id) and not bare(ctx.msg.text)


def _with_the_file(ctx: Ctx, gathered: Gathered) -> Gathered:
    """`gathered` with the message's photo and voice note."""
    photo, voice = ctx.msg.photo_file_id, ctx.msg.voice_file_id
    return replace(
        gathered,
        photos=[*gathered.photos, *([photo] if photo else [])],
        voices=[*gathered.voices, *([voice] if voice else [])],
    )


def _files_of(draft: Gathered) -> list[tuple[str, str]]:
    """The photos and voice notes kept with the words asked about."""
    return [*(("photo", p) for p in draft.photos), *(("voice", v) for v in draft.voices)]


async def _file_with_the_words(
    ctx: Ctx, text: str, draft: Gathered | None, *, commented: bool, answering: Ticket | None
) -> None:
    """A photo or a voice note sent without words instead of a press: of the words asked
    about, not a message of its own that would leave them behind. A voice note from whom
    a barn may be theirs most likely says 是 aloud (a farmer who cannot type, or a hurry):
    the alarm goes out, the words with it. A photo (the controller, the barn) is kept with
    them and the question stays: either answer takes it along."""
    # A barn named in the words goes first, as when they are typed at 请说明出了什么问题.
    kept = _with_the_file(ctx, draft or Gathered(Kind.REQUEST, ""))
    if ctx.msg.voice_file_id and may_have_barn(ctx):
        await ctx.end_flow()
        alarm = replace(kept, kind=Kind.EMERGENCY, text=text, calm=False)
        await _raise(ctx, alarm, answering)
        return
    assert ctx.conv is not None
    await ctx.goto(ctx.conv.step, draft=kept.to_data())
    kind = Kind(str(ctx.conv.data.get("kind", Kind.REQUEST.value)))
    ctx.say("alarm_check_file_kept", _buttons(ctx, kind, commented=commented))


# A typed answer that begins with a no, then says more; a particle after the no (不需要了)
# says nothing more.
_NO_FIRST = re.compile(r"^\W*(?:不是的?|不用|不要|不需要|不必|没事)[了啦啊呀吧哦]*\W*")


def _said_beside_the_no(ctx: Ctx) -> str:
    """What a typed answer says after the no it begins with ("不是，我就是想问问要准备什么":
    我就是想问问要准备什么), when nothing in it is urgent; else ""."""
    typed = ctx.msg.text.strip()
    lead = _NO_FIRST.match(to_simplified(typed)) if ctx.msg.callback_data is None else None
    if lead is None or _URGENT.search(to_simplified(typed)) or says_now(typed):
        return ""
    return typed[lead.end() :].strip()


def _says_nothing(typed: str) -> bool:
    """Typed words that neither answer nor say anything of their own: a greeting or an
    acknowledgement (好的), digits, emoji."""
    plain = bare(typed)
    return bool(typed.strip()) and (not plain or plain.isdigit() or is_greeting(plain))


def _answer(ctx: Ctx) -> bool | None:
    """True for now, False for not now, None for neither."""
    pressed = ctx.msg.callback_data
    if pressed is not None:
        return {"f:alarm:yes": True, "f:alarm:no": False}.get(pressed)
    plain = to_simplified(bare(ctx.msg.text))
    if typed_alarm(ctx):
        return None  # read afresh: a new emergency raises its own
    alone = bare_yes_no(plain)
    if alone is not None:
        return alone  # 否, 沒有, 没错: as the buttons would be
    if len(plain) > _ANSWER_MAX:
        # A no that goes on to say what is wanted ("不是，我就是想问问要准备什么") answers
        # and adds to the request; other sentences are a message of their own.
        return False if _said_beside_the_no(ctx) else None
    if _NO.search(plain):
        return False
    if _YES.search(plain):
        return True
    return None
