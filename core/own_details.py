"""What in a person's own words tells who they are: phone numbers, ID card, licence and
other long numbers, e-mail addresses, WeChat and QQ ids, and their own name, shop and
address as registered. Hidden from the echo wall (`reports.anonymise`, which hides more:
places, plates and everyone's names) and from the teams that read a complaint whose complainant is
withheld from them (`core.complainant.shown_words`), which still need to read whom it is
about (配送员小王).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from core.called_by import SHOP_KIND, called_hidden, in_simplified, replaced_in_simplified
from core.self_named import self_named_hidden

NUMBER = "【号码已隐去】"
PHONE = "【电话已隐去】"
CONTACT = "【联系方式已隐去】"
PERSON = "某某"
SHOP = "某店"
ADDRESS = "【地址已隐去】"

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_SEP = r"[-\s－—]?"
_MOBILE = re.compile(rf"(?<!\d)(?:\+?86{_SEP})?1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}}(?!\d)")
_LANDLINE = re.compile(rf"(?<!\d)(?:[(（]0\d{{2,3}}[)）]|0\d{{2,3}}){_SEP}\d{{7,8}}(?!\d)")
_ID_CARD = re.compile(r"(?<!\d)\d{17}[\dXx](?![\dA-Za-z])")
# Licence numbers (烟草专卖零售许可证号, usually 12 digits), QQ numbers, bank cards, local
# phone numbers without an area code: any run of 6 or more digits says too much.
# Spaces may group the digits (6222 0210 ...); dashes may not, so dates stay readable. An
# amount of money (123456.78, 123456元) is what happened, not who wrote it.
_LONG_NUMBER = re.compile(r"(?<!\d)(?<!\d[.．])\d(?: ?\d){5,}(?!\d|[.．]\d|\s?[元块万])")


# A number read out digit by digit in Chinese numerals (一三八一二三四五六七八, 电话幺三九…),
# Arabic digits among them, in groups or not (一三八-一二三四-五六七八): seven or more say a
# phone or licence number. An amount or a date says 十, 百, 千, 万 or 年 between its digits
# (三十条, 二〇二六年十一月), and ends the run.
_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九幺", "001234567891")
_SPOKEN_NUMBER = re.compile(
    r"[〇零一二三四五六七八九幺\d](?:[ \-－—]?[〇零一二三四五六七八九幺\d]){6,}"
)


def _spoken(found: re.Match[str]) -> str:
    digits = found[0].translate(_CHINESE_DIGITS)
    if digits == found[0]:
        return found[0]  # Arabic digits alone: `numbers_hidden` has read them
    return PHONE if PHONE in numbers_hidden(digits) else NUMBER


# The numbers in digits, in the order they are read: an ID card before the long numbers it
# holds, a phone before them too (it says 电话, not 号码).
_NUMBERS = ((_ID_CARD, NUMBER), (_MOBILE, PHONE), (_LANDLINE, PHONE), (_LONG_NUMBER, NUMBER))


def numbers_hidden(text: str) -> str:
    """`text` with phone, ID card, licence and other long numbers replaced by neutral words
    (【电话已隐去】, 【号码已隐去】); full-width digits are read as the ASCII ones, and a
    number read out in Chinese numerals as one in digits."""
    out = text.translate(_FULLWIDTH_DIGITS)
    for pattern, instead in _NUMBERS:
        out = pattern.sub(instead, out)
    return _SPOKEN_NUMBER.sub(_spoken, out)


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# An account's name, then what it is (微信号：wx_abc123, vx liming88, QQ 12345).
_ACCOUNT = re.compile(
    r"(?i)(?:微信号?|威信|薇信|v信|vx|wx|wechat|weixin|qq号?|扣扣|抖音号?|快手号?|钉钉号?)"
    r"\s*(?:号|是|为)?\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9_.-]{3,}(?<![.-]))"
)
# Digits in groups joined by dashes, dots or spaces, seven or more in all (a phone number or
# licence written in parts: 许可证号52-0102-100123, 电话8555-1234), but not a date, with
# or without the hour after it (2026-11-18, 2026.11.18 14:30, 2026-11-18 9点), a time
# (08:30) or an amount of money (12345.67元): what happened, not who wrote it.
_GROUPED = re.compile(r"(?<![\d-])\d+(?:[-－.·\s]\d+)+(?![\d-])")
_DATE_OR_AMOUNT = re.compile(
    r"(?:\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2})(?:\s\d{1,2})?|\d+\.\d{1,2}"
)


# A local phone number without its area code (8555-1234, 855-1234).
_LOCAL_PHONE = re.compile(r"\d{3,4}[-－]\d{4}")
# ... unless it is a range of amounts: a price or a weight from one to another, with its
# unit after it (1200-1500元, 3000-5000斤) or what it is the price of before it (每担,
# 价格在).
_RANGE = re.compile(r"\d+[-－]\d+")
_UNIT_AFTER = re.compile(r"\s?(?:[元块角毛斤吨亩万千担条包箱件]|公斤)")
_PRICE_BEFORE = re.compile(r"(?:价|每[担斤条包箱件吨亩]|单价)(?:格|钱)?(?:在|是|为|从|约)?\s?$")


def _amounts(found: re.Match[str]) -> bool:
    """Whether the grouped digits found are a range of amounts (每担1200-1500元)."""
    text, start, end = found.string, found.start(), found.end()
    if not _RANGE.fullmatch(found[0]):
        return False
    return bool(
        _UNIT_AFTER.match(text, end) or _PRICE_BEFORE.search(text[max(0, start - 6) : start])
    )


def _grouped(found: re.Match[str]) -> str:
    digits = sum(char.isdigit() for char in found[0])
    if digits < 7 or _DATE_OR_AMOUNT.fullmatch(found[0]) or _amounts(found):
        return found[0]
    if _LOCAL_PHONE.fullmatch(found[0]) or PHONE in numbers_hidden(found[0]):
        return PHONE
    return NUMBER


def _account(found: re.Match[str]) -> str:
    """The account's name kept, what it is hidden: a QQ number as a number."""
    said = found[0][: found.start(1) - found.start()]
    return said + (NUMBER if found[1].isdigit() else CONTACT)


def contacts_hidden(text: str) -> str:
    """`text` without the ways to reach or find its writer: e-mail addresses, accounts said
    after their name (加我微信zhangwei88, QQ号：12345) and numbers, grouped (`_GROUPED`) or
    not (`numbers_hidden`)."""
    out = text.translate(_FULLWIDTH_DIGITS)
    out = _EMAIL.sub(CONTACT, out)
    out = _ACCOUNT.sub(_account, out)
    # Before the numbers: a licence written in groups is one number, not several.
    out = _GROUPED.sub(_grouped, out)
    return numbers_hidden(out)


def _generic_shop(shop: str) -> bool:
    """A shop's name with nothing of its own but what it sells (烟酒店, 便利店): told by
    nothing of its own, and hiding the word would hide the shop a complaint is about
    (送到了隔壁张记烟酒店)."""
    return len(SHOP_KIND.sub("", shop.strip())) < 2


def own_details_hidden(
    text: str,
    names: Iterable[str | None] = (),
    shops: Iterable[str | None] = (),
    addresses: Iterable[str | None] = (),
) -> str:
    """`text` without its writer's details: their `names` (某某), `shops` (某店) and
    `addresses` (【地址已隐去】) where written as registered (`_registered_hidden`), a name
    they give themselves (我叫王五, `core.self_named`), and the numbers and accounts
    (`contacts_hidden`)."""
    names = list(names)
    out = _registered_hidden(text, names, shops, addresses)
    registered = [name.strip() for name in names if name]
    return contacts_hidden(self_named_hidden(out, PERSON, registered))


def numbers_given(text: str) -> list[str]:
    """The phone, ID card, licence and other long numbers `text` holds, as digits: what a
    person gave of themselves in their own words, to be hidden where others repeat it."""
    plain = text.translate(_FULLWIDTH_DIGITS)
    found: list[str] = []
    for pattern, _ in _NUMBERS:
        for match in pattern.finditer(plain):
            digits = "".join(c for c in match[0] if c.isdigit())
            if not _a_date(digits):
                found.append(digits)
        # Read once: the local part of 0871-65551234 is no number of its own.
        plain = pattern.sub(" ", plain)
    return found


def _a_date(digits: str) -> bool:
    """20261118: a day written without its dashes, which a note writes with them."""
    if len(digits) != 8 or not digits.startswith(("19", "20")):
        return False
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return True


def complainant_named_hidden(
    text: str,
    names: Iterable[str | None] = (),
    shops: Iterable[str | None] = (),
    numbers: Iterable[str | None] = (),
    given: str = "",
    addresses: Iterable[str | None] = (),
) -> str:
    """`text`, written by someone else about a person (a team's 办结 note, its question to a
    complainant), without that person's details: their `names` and `shops` as registered
    (`_registered_hidden`) or as a note calls them (王老板, 小王, 老王店: `core.called_by`,
    save the forms `given`, the person's words as the reader reads them, uses of someone
    else), their `addresses` as registered, and their
    registered `numbers` (phone, licence number) where repeated, in groups or full-width
    digits too. Not the writer's own (我是配送员张强, the team's service phone) nor any
    other number (an order's): they are the team's word to the reader, and say nothing of
    the person."""
    names, shops = list(names), list(shops)
    out = _registered_hidden(text, names, shops, addresses)
    out = called_hidden(out, names, shops, given, PERSON, SHOP)
    for number in numbers:
        digits = (number or "").translate(_FULLWIDTH_DIGITS)
        digits = "".join(char for char in digits if char.isdigit())
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]  # a phone as Telegram shares it (+8613912345678)
        if len(digits) >= 6:
            instead = PHONE if PHONE in numbers_hidden(digits) else NUMBER
            out = _written_as(digits).sub(instead, out)
    return out


@lru_cache(maxsize=256)
def _written_as(digits: str) -> re.Pattern[str]:
    """`digits` as a text may write them: each in ASCII or full-width, grouped by a space or
    a dash, and not part of a longer number."""
    each = [f"[{d}{chr(ord(d) - ord('0') + ord('０'))}]" for d in digits]
    country = rf"(?:\+?86{_SEP})?"
    return re.compile(rf"(?<![\d０-９]){country}" + _SEP.join(each) + r"(?![\d０-９])")


# The town or district an address begins with (城区, 白石乡, 青山镇): its words may leave it
# out (我的店在人民路12号), and what is left still finds the door. Read in Simplified
# (城區人民路12號 as 城区人民路12号).
_TOWN_FIRST = re.compile(r"^.{1,6}?(?:街道|[镇乡区县])")


def _address_forms(address: str) -> list[str]:
    """`address` as registered and without the town it begins with (城区人民路12号,
    人民路12号), in Simplified, as the words are read where they are looked for. A town
    alone (城关镇) is no door and stays, as a place a complaint may be about; so does what
    follows a town when too short to tell a door (一组)."""
    whole = in_simplified(address.strip())
    town = _TOWN_FIRST.match(whole)
    if town is None:
        return [whole]
    rest = whole[town.end() :]
    return [whole, rest] if len(rest) >= 4 else [whole] if rest else []


def _registered_hidden(
    text: str,
    names: Iterable[str | None],
    shops: Iterable[str | None],
    addresses: Iterable[str | None] = (),
) -> str:
    """`text` with `names` (某某), `shops` (某店) and `addresses` (【地址已隐去】) hidden
    where written as registered, in either script, longest first (a shop named after its
    owner, 小梅烟酒店, goes before 小梅). A word of one character is left: it would hide
    the same character wherever else it is written, and so is a shop's name that says only
    what it sells (烟酒店)."""
    words = [(w.strip(), PERSON) for w in names if w]
    words += [(w.strip(), SHOP) for w in shops if w and not _generic_shop(w)]
    words += [(f, ADDRESS) for w in addresses if w and _a_door(w) for f in _address_forms(w)]
    out = text
    for word, instead in sorted(words, key=lambda pair: len(pair[0]), reverse=True):
        if len(word) < 2:
            continue
        if instead == ADDRESS:
            # Found in either script: 人民路12號 is the door registered as 城區人民路12號.
            out = replaced_in_simplified(out, _address_written(word), instead)
        else:
            # Either script too: 我是張三 names the complainant registered as 张三, as
            # 興隆超市 the shop registered as 兴隆超市.
            out = replaced_in_simplified(out, _written(in_simplified(word)), instead)
    return out


@lru_cache(maxsize=256)
def _written(word: str) -> re.Pattern[str]:
    return re.compile(re.escape(word))


# A door's number in an address (12号, 3组, 五组, 2栋): without one (人民路, 新街) it names a
# road or a village many live on, whose name a complaint may use of something else there.
_DOOR_NUMBER = re.compile(
    r"[0-9０-９]|[〇零一二三四五六七八九十百两]+(?:号|组|栋|幢|单元|室|楼|层|队|社|弄|排|户)"
)
# Digits and numerals that run on into a number: 3组 is not in 13组, 第一组, 三十三组.
_NUMERALS = "0-9０-９〇零一二三四五六七八九十百千两幺第"


def _a_door(address: str) -> bool:
    """Whether `address` tells a door (人民路12号, 新寨村三组), to be hidden as registered."""
    return _DOOR_NUMBER.search(in_simplified(address)) is not None


@lru_cache(maxsize=256)
def _address_written(form: str) -> re.Pattern[str]:
    """`form` of a registered address, in Simplified, written whole: not the end of a
    longer number's address (3组 in 配送13组, 12号院 in 112号院) nor its beginning
    (人民路12号 in 人民路123号)."""
    before = f"(?<![{_NUMERALS}])" if re.match(f"[{_NUMERALS}]", form) else ""
    after = "(?![0-9０-９])" if re.search("[0-9０-９]$", form) else ""
    return re.compile(before + re.escape(form) + after)
