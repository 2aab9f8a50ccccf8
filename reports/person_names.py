"""Chinese personal names nobody registered, found in free text and hidden (某某) for the
echo wall (回音壁).

Chinese has no spaces and no capitals to find a name by. A name is a surname (`SURNAMES`,
`COMPOUND_SURNAMES`) and one or two given-name characters (`GIVEN_NAME_CHARS`); jieba cuts
the text and tags what it takes for people's names (nr). Neither alone is enough: jieba's
dictionary tags everyday words as names (叶子, 齐全, 谢谢, 玉溪), names as everyday words or
not at all (送货的王军: a noun it guessed), and cuts names apart (王|红梅) or across its
words (洪|飞来, 付|韬说). So a surname and what follows it is a name

- when jieba tags it as one and its dictionary does not hold it (a name it guessed), or
  tags the surname said apart (王|红梅, 洪|飞来);
- when the dictionary does not hold it and the rest is given-name characters (王军, 林峰);
- when the dictionary holds it as a name of given-name characters (李强, 李娜, 刘德华),
  unless it is an everyday word too (`ORDINARY_WORDS`: 高峰, 白云, 祝福);
- when it is a sentence's subject doing what people do (付韬说明天来, 罗川来过);
- when something says it is someone's: a staff role, a complaint or thanks before it
  (配送员, 投诉, 感谢), a title after it (师傅), or a name hidden beside it (张伟和李娜,
  张伟、李娜).

Hiding too much is preferred to publishing a name: an everyday word lost costs a reader
little. Never hidden: a word before a place's unit (毛坝乡; but a title or a word the unit's
character begins ends no place: 张伟组长, 张伟路过), or within a cigarette brand (苏烟, but
not 王红梅 around 红梅) or a name the bureau's config uses (an area, a team).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import jieba.posseg

from core.own_details import PERSON
from core.texts import COMPOUND_SURNAMES, SURNAMES
from reports.name_words import BRANDS, EVERYDAY_SURNAMES, GIVEN_NAME_CHARS, ORDINARY_WORDS
from routing.segment import common_word, tokenizer
from routing.text import CJK

TITLES = "师傅|老师|经理|主任|书记|站长|所长|队长|组长|村长|会计|技术员|专管员|老板|大哥|大姐|总|工"
# The titles a name is said before (李强师傅): not 总 or 工, which begin other words (张伟总是).
_TITLE_WORDS = tuple(title for title in TITLES.split("|") if len(title) > 1)
# Staff roles a complaint or a team's note names someone by (配送员刘德华, 客户经理李明收红包).
_ROLES = (
    "配送员", "送货员", "客户经理", "经理", "专卖员", "稽查员", "收购员", "检验员", "定级员",
    "业务员", "营销员", "司机", "技术员", "专管员", "站长", "所长", "主任", "队长", "组长",
    "工作人员", "员工", "职工", "师傅",
)  # fmt: skip
# ... and the words a name follows when somebody is complained about or called (投诉刘德华,
# 一个叫王军的).
_NAMED_AFTER = (*_ROLES, "投诉", "举报", "名叫", "叫做", "叫", "我是")
_TITLE_OR_ROLE = frozenset((*TITLES.split("|"), *_ROLES))
# ... and thanks said to someone (感谢谢宸帮忙, where jieba reads 谢谢).
_THANKED = ("感谢", "谢谢", "多谢")
# What a person named as a sentence's subject does (付韬说明天来, 洪飞来过), and what begins
# such a sentence: jieba cuts names there across words (付|韬说, 洪|飞来).
_DOES = ("说", "讲", "来过", "来了", "上次", "总是", "老是", "一直", "不给", "没来", "乱")
_CLAUSE_START = ("，", "。", "、", "；", "：", "！", "？", ",", ";", ":", "!", "?", " ",
                 "昨天", "今天", "前天", "那个", "这个", "的", "是")  # fmt: skip
# What joins two people named together (张伟和李娜, 张伟、李娜): the second is a name too.
_JOINERS = ("和", "跟", "与", "及", "同", "、", "，", ",", "还有", "以及", "或者", "或")
_PERSON_TAGS = frozenset(("nr", "nrfg", "nrt"))
# Surnames that are everyday characters too (这周, 叶子, 高温, 金色): jieba's nr on them, said
# apart, says little. 周 and 余 end words (这周, 其余) as well as begin a form of address (老周).
_EVERYDAY = frozenset(EVERYDAY_SURNAMES + "周余")
# What follows a place's name, not a person's (毛坝乡, 金桥村): jieba guesses names there too.
_PLACE_UNITS = tuple("乡镇村县市区寨屯湾坝坪沟组社街路桥山河")
# Everyday words a unit begins that still say the place before them (毛坝乡村, 金桥村民);
# any other such word, a title (组长, 镇长) or not (路过, 区别, 社保), says no place.
_PLACE_WORDS = frozenset(
    ("乡村", "乡镇", "乡下", "村民", "村委", "村里", "村口", "村子", "镇上", "镇里", "县城",
     "县里", "市区", "市里", "城区", "区县", "山区", "社区", "街道")
)  # fmt: skip
_THANKS = frozenset(("谢谢", "谢谢你", "谢谢您"))


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    given: str  # what follows the surname
    tagged: bool  # jieba tagged (part of) it as a person's name
    known: bool  # jieba's dictionary holds it as one word (or what follows the surname)
    hinted: bool = False  # jieba tagged its surname, said apart, as a person's name
    spelled: bool = False  # read character by character, across jieba's words (洪|飞来)


@cache
def _tagger() -> jieba.posseg.POSTokenizer:
    return jieba.posseg.POSTokenizer(tokenizer())


def _surname_of(word: str) -> str:
    """The surname `word` starts with, compound first (欧阳娜娜: 欧阳), or ''."""
    if word[:2] in COMPOUND_SURNAMES:
        return word[:2]
    return word[0] if word and word[0] in SURNAMES else ""


def _candidates(words: list[_Word]) -> list[_Candidate]:
    """Each word, or surname and the word after it (王|红梅, 欧阳|娜娜), that is a surname and
    one or two characters more."""
    known = _tagger().tokenizer.FREQ
    found = []
    for i, word in enumerate(words):
        surname = _surname_of(word.text)
        if not surname:
            continue
        given = word.text[len(surname) :]
        if 1 <= len(given) <= 2:
            tagged = word.tag in _PERSON_TAGS
            found.append(
                _Candidate(word.start, word.end, given, tagged, bool(known.get(word.text)))
            )
        elif not given and i + 1 < len(words):
            after = words[i + 1]
            if not 1 <= len(after.text) <= 2 or after.text in _TITLE_OR_ROLE:
                continue  # 李|站长 is a form of address, hidden as such (某站长)
            if not all(CJK.fullmatch(char) for char in after.text):
                continue  # a comma or a question mark ends the word (上部叶，这周？)
            split, hinted = after.tag in _PERSON_TAGS, word.tag in _PERSON_TAGS
            if split or hinted or _given_name(after.text):
                # An everyday word after the surname (这周|订货, 叶|还是) is no given name,
                # unless jieba took a surname that is no everyday character for a name's
                # start before a noun (大坪村的张|大山), or something says it is (我叫张|大山).
                named = hinted and word.text not in _EVERYDAY and after.tag.startswith("n")
                everyday = common_word(after.text) and not split and not named
                found.append(
                    _Candidate(word.start, after.end, after.text, split, everyday, hinted=hinted)
                )
    return found


def _spelled(plain: str, words: list[_Word]) -> list[_Candidate]:
    """Each surname followed by given-name characters, read across jieba's words: one or
    two characters, one when the second begins an everyday word (李娜|明天)."""
    word_at = {word.start: word for word in words}
    found = []
    for at, char in enumerate(plain):
        surname = plain[at : at + 2] if plain[at : at + 2] in COMPOUND_SURNAMES else char
        if surname not in SURNAMES and surname not in COMPOUND_SURNAMES:
            continue
        given = ""
        for next_char in plain[at + len(surname) : at + len(surname) + 2]:
            if next_char not in GIVEN_NAME_CHARS:
                break
            given += next_char
        end = at + len(surname) + len(given)
        if len(given) == 2 and common_word(plain[end - 1 : end + 1]):
            given, end = given[:1], end - 1
        if given:
            alone = word_at.get(at)
            hinted = alone is not None and alone.text == surname and alone.tag in _PERSON_TAGS
            found.append(_Candidate(at, end, given, False, False, hinted=hinted, spelled=True))
    return found


def _given_name(given: str) -> bool:
    return all(char in GIVEN_NAME_CHARS for char in given)


def _name_alone(plain: str, found: _Candidate) -> bool:
    """Whether the candidate is a name by itself, with nothing around it saying so."""
    word = plain[found.start : found.end]
    if word in ORDINARY_WORDS or word in _THANKS:
        return False
    before, after = plain[: found.start], plain[found.end :]
    # The subject of what a person does (付韬说明天来, 罗川说), however jieba cut it.
    subject = (not before or before.endswith(_CLAUSE_START)) and after.startswith(_DOES)
    if subject and _given_name(found.given):
        return True
    if found.spelled:
        return found.hinted  # jieba took its surname for a name's (洪|飞来)
    if (found.tagged or found.hinted) and not found.known:
        return True
    return _given_name(found.given) and (found.tagged or not found.known)


def _said_of_someone(plain: str, found: _Candidate, hidden: list[tuple[int, int]]) -> bool:
    """Whether what is around the candidate says it is someone's name: a role or a
    complaint before it, a title after it, or a hidden name joined to it."""
    before, after = plain[: found.start], plain[found.end :]
    if before.endswith(_NAMED_AFTER) or after.startswith(_TITLE_WORDS):
        return True  # even an everyday word (配送员向东)
    if plain[found.start : found.end] in ORDINARY_WORDS:
        return False
    if _given_name(found.given) and before.endswith(_THANKED):
        return True
    if found.spelled and any(start == found.start for start, _ in hidden):
        return True  # the rest of a name jieba cut short (赖诗|韬)
    return any(
        plain[end : found.start] in _JOINERS or plain[found.end : start] in _JOINERS
        for start, end in hidden
    )


def _may_name(plain: str, found: _Candidate) -> bool:
    """Whether the candidate may be a name once something says it is someone's: one jieba
    takes for a name, or a surname and given-name characters."""
    if plain[found.start : found.end] in _THANKS:
        return False
    return found.tagged or found.hinted or found.spelled or _given_name(found.given)


def _place_before(plain: str, end: int) -> bool:
    """Whether a place's unit ends the word that ends at `end` (毛坝乡, 邵阳市, 金桥村民),
    rather than begin a title or an everyday word (张伟组长, 李强镇长, 张伟路过). A unit
    with nothing Chinese after it (我住在毛坝乡, 毛坝乡。) begins no word: it ends a place,
    though alone it is an everyday word too (乡)."""
    if not plain[end:].startswith(_PLACE_UNITS):
        return False
    word = plain[end : end + 2]
    if len(word) < 2 or not CJK.fullmatch(word[1]):
        return True
    return word in _PLACE_WORDS or not common_word(word)


def _kept_spans(plain: str, kept: Iterable[str]) -> list[tuple[int, int]]:
    """Where `plain` says a brand or a name of the config's, as (start, end) pairs."""
    spans = []
    for word in (*BRANDS, *kept):
        if not word:
            continue
        start = plain.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = plain.find(word, start + 1)
    return spans


def names_hidden(text: str, plain: str, kept: Iterable[str] = ()) -> str:
    """`text` with the full names nobody registered replaced by 某某, found in `plain` (the
    text read in Simplified, as long as it) and hidden as written (張偉 → 某某). `kept`:
    names the config uses (areas, teams), never hidden."""
    words, at = [], 0
    for word, tag in _tagger().cut(plain):
        words.append(_Word(word, tag, at, at + len(word)))
        at += len(word)
    spared = _kept_spans(plain, kept)
    made = _candidates(words)
    found = [
        each
        for each in (*made, *_spelled(plain, words))
        if not _place_before(plain, each.end)
        # A title or role is whom a name is said of, never the name (投诉师傅, 和老师).
        and plain[each.start : each.end] not in _TITLE_OR_ROLE
        # Within a brand or a config's name (苏烟, 白石乡), not one that holds it (王红梅).
        and not any(start <= each.start and each.end <= stop for start, stop in spared)
    ]
    hidden = [(f.start, f.end) for f in found if _name_alone(plain, f)]
    # A name said beside one hidden is a name too (张伟和李娜): until no more are found.
    while True:
        more = [
            (f.start, f.end)
            for f in found
            if (f.start, f.end) not in hidden
            and _may_name(plain, f)
            and _said_of_someone(plain, f, hidden)
        ]
        if not more:
            break
        hidden += more
    out = list(text)
    for start, end in _apart(hidden):
        out[start:end] = [PERSON, *[""] * (end - start - 1)]
    return "".join(out)


def _apart(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, those that overlap one before them (王|李娜 and 李娜) merged into it."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
