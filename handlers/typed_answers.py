"""Answers typed to a registration question instead of pressed: the button's place as a
number, a no, a yes that is no name. An old farmer types what a button says, or "1" for the
first one, or 不要 where 「跳过」 is offered."""

from __future__ import annotations

import re
import unicodedata

from handlers.tickets import is_question
from handlers.typed_menu import calls_off
from handlers.verdict_words import asks_to_rate
from routing import bare, to_simplified

# Typed in place of pressing: the button's place in the list ("1", "１", "一", "第一个").
_CHINESE_DIGITS = "一二三四五六七八九"
_NUMBER = re.compile(r"第?(?P<n>[1-9]|[一二三四五六七八九])(?:个|項|项|号|號)?")


def number_typed(text: str, count: int) -> int | None:
    """The number (1 to `count`) typed alone for one of `count` buttons, else None."""
    found = _NUMBER.fullmatch(unicodedata.normalize("NFKC", bare(text)))
    if found is None:
        return None
    digit = found["n"]
    number = int(digit) if digit.isdigit() else _CHINESE_DIGITS.index(digit) + 1
    return number if number <= count else None


# "No" typed at a registration question: at 您是 or the name, no registration now; at the
# phone or the place, which may be skipped, that question skipped (what was said stays).
# Words that leave (算了, 不登记了: `calls_off`) leave registration at any question.
_NO = frozenset(("不要", "不用", "不想", "不", "不了", "no"))
_NO_PHONE = frozenset(("不给", "不留", "不方便", "没有", "没有手机", "不想留", "不想给", "不共享"))
# Letters, but not a name: the yes or no of someone answering what they think was asked.
_NOT_A_NAME = frozenset((
    "是", "是的", "对", "对的", "嗯嗯", "行", "行的", "可以", "没问题", "不是", "没有", "不知道",
    "确定", "确认", "提交", "下一步", "跳过", "烟农", "零售户", "职工", "yes",
    "不改", "不改了", "不用改", "不需要改", "不变", "没变", "不换", "还是原来的", "原来的", "照旧",
))  # fmt: skip


def declines(text: str) -> bool:
    """No registration now: 算了, 取消, 返回, 不要 (at 您是 or the name)."""
    return calls_off(text) or to_simplified(bare(text)).lower() in _NO


def skips(text: str) -> bool:
    """That question skipped: a no, or 不给, 没有 (at the phone or the place), or the answer
    put off (以后再说, 先不填, 不想填); never words that leave registration (算了, 取消),
    which are not the question's answer."""
    plain = to_simplified(bare(text)).lower()
    return plain in _NO or plain in _NO_PHONE or puts_off(text)


# The phone not given, in a word or two that name nothing (跳过, 不给, 不想给, 暂时不给,
# 以后再说, 下次再说), with 了, 吧, 啦, 啊, 呀, 哦 or 哈 after it or not (not 呢, which
# asks: 不给呢？): an answer to a phone question, but also to anything else. Another day
# (改天, 过两天, 有空再说, 晚点再说) says when the team may come, not that no number is given.
_PHONE_SKIPS = frozenset((
    "跳过", "不给", "先不给", "不留", "先不留", "不方便", "不共享", "以后再说", "不想给", "不想留",
    "暂时不给", "那就不给", "下次再说", "回头再说",
))  # fmt: skip
_SKIP_PARTICLES = "了吧啦啊呀哦哈"
# Words naming the phone (电话, 手机号, 号码), with how it is not given beside them: 不留电话,
# 电话以后再说, 手机号先不给了, 没有手机.
_THE_PHONE = re.compile(r"(?:手机|手機|电话|電話)(?:号码|號碼|号|號)?|号码|號碼")
_NOT_GIVEN = re.compile(
    r"(?:我|那|那就)?(?:先|暂时|暂且|现在|就)?(?:不想?|不方便|不用|不要|没法)(?:给|留|填|共享|说)?"
    r"|(?:我)?没有|跳过"
)


def skips_the_phone(text: str) -> bool:
    """A word or two of the phone not given that names nothing: 跳过, 不给, 不想给, 暂时不给,
    以后再说, 先不留吧. Not a bare no (不要, 不用, 没有), nor another day (改天吧, 有空再说)."""
    plain = to_simplified(bare(text)).lower()
    return plain.rstrip(_SKIP_PARTICLES) in _PHONE_SKIPS


def declines_the_phone(text: str) -> bool:
    """The phone named and not given, in words that say nothing else: 不留电话, 电话以后再说,
    手机号先不给了, 没有手机."""
    plain = to_simplified(bare(text)).lower()
    if _THE_PHONE.search(plain) is None:
        return False
    rest = _THE_PHONE.sub("", plain).rstrip(_PARTICLES)
    return bool(rest) and (
        _NOT_GIVEN.fullmatch(rest) is not None or rest in _PHONE_SKIPS or puts_off(rest)
    )


# The licence number not at hand: its question skipped, the number added later.
_NOT_AT_HAND = frozenset((
    "不知道", "不记得", "不记得了", "记不得", "记不住", "记不清", "忘了", "忘记了", "不清楚",
    "没带", "没带着", "没带证", "不在身边", "不在手边", "在店里", "证在店里", "等会", "等一下",
    "稍后", "回头再说", "以后补", "以后再补", "晚点再说", "以后再说", "下次再说", "改天再说",
    "以后再填", "下次再填", "回头再填", "以后填", "先不填",
))  # fmt: skip


# The licence or its number said to be elsewhere or forgotten, in a few words that ask
# nothing ("我的许可证放在店里了", "没带许可证", "我忘了", "想不起来了，等我回店里再发给你"):
# not "许可证忘了续期怎么办？" or "订货密码忘了", matters of their own (`_A_MATTER`).
_NOT_AT_HAND_IN = re.compile(
    r"在店里|没带|不在身边|不在手边|忘了|忘记|记不|不记得|想不起|回店里|回去.{0,2}[找看查]"
)
_A_MATTER = re.compile(r"密码|续期|延续|换证|补办|办理|申请|过期|到期|注销|变更|挂失|丢了")
_FEW_WORDS = 24  # characters: more is a message of its own


def a_licence_matter(text: str) -> bool:
    """Words of the licence's own business (续期, 丢了, 换证): a matter for the licence
    office, not an answer to the question asking for its number."""
    return _A_MATTER.search(to_simplified(bare(text))) is not None


# Put off, as said with or without a particle after it: 以后再说吧, 先不填了, 改天吧, 暂时不填.
_PUT_OFF = re.compile(
    r"(?:等|那|那就)?(?:以后|下次|改天|回头|晚点|晚些|稍后|过两天|过几天|有空)(?:再)?(?:说|填|补|写)?"
    r"|(?:那|那就)?(?:先|暂时|暂且|现在)?不想?(?:填|写|留|给)"
)
_PARTICLES = "吧了啦哈啊呀哦嘛呢"


def puts_off(text: str) -> bool:
    """The answer put off, in words that say only that: 以后再说吧, 先不填了, 不想填, 先不留."""
    plain = to_simplified(bare(text)).lower()
    return _PUT_OFF.fullmatch(plain.rstrip(_PARTICLES) or plain) is not None


def not_at_hand(text: str) -> bool:
    """The licence number not at hand, said so: 不知道, 忘了, 没带, 在店里, 以后再说吧, in a
    few words."""
    plain = to_simplified(bare(text)).lower()
    if (plain.rstrip(_PARTICLES) or plain) in _NOT_AT_HAND or puts_off(text):
        return True
    if len(plain) > _FEW_WORDS or is_question(text) or a_licence_matter(plain):
        return False
    return _NOT_AT_HAND_IN.search(plain) is not None


# A yes or a no typed alone to one of the bot's own yes/no questions (现在需要…马上处理吗？,
# 是说问题还没解决吗？) instead of pressing its buttons. Not 不对 (of a fault still there as
# often as of the question), nor 好 or 行 (an acknowledgement as often).
_BARE_YES = frozenset((
    "是", "是的", "对", "对的", "对对", "对对对", "是是", "没错", "没错的", "嗯", "嗯嗯", "当然",
    "yes", "y",
))  # fmt: skip
_BARE_NO = frozenset(("不", "不是", "不是的", "否", "没有", "不不", "no", "n"))
_ANSWER_PARTICLES = "了啊呀吧哦呢"


def bare_yes_no(text: str) -> bool | None:
    """True for a yes typed alone (是, 對, 没错), False for a no (否, 不是, 沒有), None for
    anything else: more words are a message of their own."""
    plain = bare(text)
    said = plain.rstrip(_ANSWER_PARTICLES) or plain
    if said in _BARE_YES:
        return True
    return False if said in _BARE_NO else None


# What is registered kept, typed at a question of registering again that shows it: not
# a new name (不改 saved as one).
_AS_IT_IS = frozenset((
    "跳过", "不改", "不改了", "不用改", "不需要改", "不变", "没变", "不换", "一样", "一样的",
    "还是原来的", "原来的", "照旧", "就这个", "还是这个",
))  # fmt: skip


def keeps_as_it_is(text: str) -> bool:
    """跳过, 不改, 还是原来的: what is registered kept."""
    plain = to_simplified(bare(text)).lower()
    return plain in _AS_IT_IS or (plain.rstrip(_PARTICLES) or plain) in _AS_IT_IS


def not_a_name(name: str) -> bool:
    """Letters typed for the name that are a yes, a no or a button's word (是, 对, 烟农), or
    ask to rate a ticket (评价一下, 打分)."""
    return to_simplified(bare(name)).lower() in _NOT_A_NAME or asks_to_rate(name)
