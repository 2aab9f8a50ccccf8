"""How a note may name a person without the name they registered: their surname with a
form of address (王老板, 王师傅, 王姐), 小王 and 老王, a given name that is a nickname
already (王小五 → 小五), and their shop by its own part with a shop word (老王烟酒店 → 老王店).

Staff write to and about a complainant that way (已回访王老板，表示满意), so a note shown
where the complainant is withheld hides these too (`core.complainant.staff_note_hider_of`).
A form the complaint's words use, as its reader reads them (their own details hidden),
names whom it is about instead (投诉配送员小王, filed by 王五), and stays; the others are
read as the complainant's (王老板), whoever else shares the surname: a note that hides a
staff member's 王师傅 as 某某 says less than it could, one that shows the complainant's 王老板
says who complained. A surname that begins everyday words (向经理汇报, 对方老板, 小叶片) has
no forms: the note would lose its words. Notes and complaints are read in Simplified, so
either script is found (王老闆, 投訴王師傅).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import opencc

from core.texts import COMPOUND_SURNAMES, EVERYDAY_SURNAMES, SURNAMES

# Traditional to Simplified, character for character in all but a few phrases (see
# `_simplified_places`).
_T2S = opencc.OpenCC("t2s")

# Forms of address after a surname, longest first so that 王老板娘 is one.
_TITLES = (
    "老板娘|老板|师傅|师父|大哥|大姐|大叔|大伯|大爷|大妈|大娘|大嫂|阿姨|老师|先生|女士|小姐|经理|"
    "老弟|老哥|妹子|哥|姐|叔|伯|婶|嫂|姨|妹"
)
# 总 before these is an adverb (王总是不在, 李总共收了): the surname then begins something
# else, or is someone else's.
_NOT_AFTER_TOTAL = "是算共要得会在能不归"
# Before a surname: 小王, 老王, 阿王.
_PREFIXES = "小老阿"
# Surnames beyond `EVERYDAY_SURNAMES` that 小 or 老 before them make a word of (小苗, 小麦,
# 小米, 老关系, 老师): no forms either.
_WORDS_AFTER_PREFIX = "苗麦米关师"
# What a shop's sign says it sells, not whose it is (烟酒店, 便利店): what is left of a
# registered shop's name without it is the shop's own part (老王烟酒店 → 老王).
SHOP_KIND = re.compile(
    r"(?:烟酒店|烟酒行|烟酒商行|烟酒|便利店|超市|商店|商行|小卖部|副食店|杂货店|店|行|部)$"
)
# What follows a shop's own part in a note to name it (老王店, 老王家, 老王烟酒).
_SHOP_WORDS = "烟酒店|烟酒行|烟酒|便利店|超市|商店|商行|小卖部|副食店|杂货店|店|家"


def surname_of(name: str) -> str:
    """The surname a Chinese name begins with (欧阳 for 欧阳明), or '' when it begins with
    none this desk knows."""
    if name[:2] in COMPOUND_SURNAMES:
        return name[:2]
    return name[:1] if name[:1] and name[:1] in SURNAMES else ""


def name_forms(name: str | None, given: str = "") -> list[str]:
    """Patterns for the ways a note may call the person registered as `name`, besides the
    name itself; none that `given` (the complaint's own words) uses: that one is whom the
    complaint is about."""
    name = _T2S.convert((name or "").strip())
    surname = surname_of(name)
    if not surname or len(name) <= len(surname):
        return []
    forms = []
    if surname not in EVERYDAY_SURNAMES and surname not in _WORDS_AFTER_PREFIX:
        called = re.escape(surname)
        forms = [called + title for title in _TITLES.split("|")]
        forms.append(called + f"总(?![{_NOT_AFTER_TOTAL}])")
        forms += [prefix + called for prefix in _PREFIXES]
    rest = name[len(surname) :]
    if len(rest) >= 2 and rest[0] in "小阿":
        forms.append(re.escape(rest))
    return [form for form in forms if not re.search(form, given)]


def shop_forms(shop: str | None, given: str = "") -> list[str]:
    """Patterns for a shop registered as `shop` named by its own part and a shop word
    (老王烟酒店 as 老王店, 老王家); none when its own part is a single character, or one
    `given` uses."""
    own = SHOP_KIND.sub("", _T2S.convert((shop or "").strip()))
    if len(own) < 2 or own in given:
        return []
    return [re.escape(own) + f"(?:{_SHOP_WORDS})"]


@lru_cache(maxsize=256)
def _compiled(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(forms)) if forms else None


def called_hidden(
    text: str,
    names: Iterable[str | None],
    shops: Iterable[str | None],
    given: str,
    person: str,
    shop: str,
) -> str:
    """`text` with the ways it may call the people `names` and their `shops` (`name_forms`,
    `shop_forms`) replaced by `person` and `shop`, the shops first (老王店 before 老王);
    `given`, the complaint's words as its reader reads them. Either script is found."""
    given = _T2S.convert(given)
    shop_pattern = _compiled(tuple(form for s in shops for form in shop_forms(s, given)))
    name_pattern = _compiled(tuple(form for n in names for form in name_forms(n, given)))
    out = text
    for pattern, instead in ((shop_pattern, shop), (name_pattern, person)):
        if pattern is not None:
            out = replaced_in_simplified(out, pattern, instead)
    return out


def in_simplified(text: str) -> str:
    """`text` read in Simplified (OpenCC t2s), as the patterns here are written."""
    return str(_T2S.convert(text))


def replaced_in_simplified(text: str, pattern: re.Pattern[str], instead: str) -> str:
    """`text` with what `pattern` finds in its Simplified reading replaced by `instead`."""
    simplified = in_simplified(text)
    if len(simplified) != len(text):  # a phrase converted to another length: read as is
        return pattern.sub(instead, text)
    out, at = [], 0
    for found in pattern.finditer(simplified):
        out += [text[at : found.start()], instead]
        at = found.end()
    return "".join(out) + text[at:]
