"""Scrub personal details from text before it is posted on the echo wall (回音壁).

Removed: phone numbers (mobile and landline), ID card numbers, licence and other long
numbers, e-mail addresses, WeChat and QQ ids (`core.own_details`), vehicle plates,
village/group/house-number/room places, the config's site names, known people's names and
retailers' shop names (from the users table) and common forms of address (王师傅, 李经理,
老张, 姓王的). Chinese has no spaces to find names by; known names always are caught, in
either script (a shop registered as 福滿多超市 in 已给福满多超市补送). An unknown full name
is found by `reports.person_names`: a surname and given-name characters, jieba's
part-of-speech tags and the words around it (配送员, 师傅, 张伟和李娜).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from core.called_by import SHOP_KIND, called_hidden, surname_of
from core.own_details import NUMBER, PERSON, SHOP, contacts_hidden
from core.texts import COMPOUND_SURNAMES, EVERYDAY_SURNAMES, SURNAMES
from reports.everyday import everyday_given_name, everyday_shop_part
from reports.masking import ascii_digits
from reports.name_candidates import tagger
from reports.name_words import (
    ADVERB_ACTS,
    ADVERBS_OF_TOTAL,
    BRANDS,
    CLAUSE_START,
    DONE_TO,
    EVERYDAY_ALONE,
    GIVEN_NAME_CHARS,
    PLACE_HEADS,
    SAID_TO,
    SOUGHT_AFTER,
    SPEAKS_BEFORE,
    SPOKEN_TO,
    TITLE_WORDS,
    TITLES,
)
from reports.person_names import names_hidden, spans_of
from reports.said_as_subject import PERSON_ACTS, SHOP_ACTS, said_as_subject
from routing import to_simplified
from routing.segment import common_word, cut_spans

# Village, hamlet and group names: up to three characters before 村/寨/屯, none of them a
# word that usually precedes a place (在 大坪村 → 在某村, 家住 下坝村) or a larger unit's
# end. Also not generic words: 农村, 进村, 全村, 本村, 我们村 and 咱们村 are not anybody's
# address. But 家 after the first character is a family's village, the commonest name of
# all: 李家村, 王家寨, 马家坪村.
_STOP = (
    "在的是到去我你他她它家住了和与从向往来对给把被于就也都还又有个那这镇乡县市区省"
    "农进全本该各邻出回整每同入们咱"
)
_VILLAGE = re.compile(
    rf"(?![{_STOP}])[\u4e00-\u9fff](?:家|(?![{_STOP}])[\u4e00-\u9fff]){{0,2}}(村|寨|屯)"
)
# 3组, 五社, 12号, 501室 — but not a date (11月3号, 十一月十八号): nor the rest of a
# number the date's 月 comes before, nor a 队 that begins the title 队长 (110队长 is the
# emergency team's captain, not the team at an address), nor 110队 (110队队长), that team.
_NUMBERED_PLACE = re.compile(
    r"(?<![月\d一二三四五六七八九十百〇零])(?!110队)[0-9一二三四五六七八九十百]+(组|社|队(?!长)|栋|单元|号|室)"
)
# A flat's number after its block or entrance, with no 室 said (3栋1单元1502): 某室. Not a
# year, a price or a count said there (宿舍楼2019年修的, 一楼1500元一个月, 这栋楼300多人).
_COUNTED = "年元块万千百多余个人户家名位间层平米斤公吨亩条包箱件株棵担次天月日号度"
_FLAT = re.compile(rf"(?:(?<=单元)|(?<=[栋楼]))\d{{3,4}}(?![\d.室{_COUNTED}])")

# 贵A12345, 贵A·1234B, 京AD12345 (new energy). Only on the wall: the teams that read a
# complaint, anonymous or not, need the plate of the van it is about.
_PLATE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]\s*[·.]?\s*"
    r"[A-Z0-9]{5,6}(?![A-Za-z0-9])"
)

# 关师傅, 欧阳经理, 小王师傅, 王副局长: 老 or 小 if said (group 1), a surname (group 2), and
# the title it is said before, a deputy's (副) too.
_ADDRESSED = re.compile(
    rf"([老小]?)({'|'.join(COMPOUND_SURNAMES)}|[{SURNAMES}])(?:副?(?:{TITLES}|{PLACE_HEADS}))"
)
# 国华局长, 建华站长: two given-name characters before a title (group 2), and the surname said
# before them (group 1: 王国华局长, 欧阳志强站长), a full name's, or the 谢 of thanks
# (感谢国华局长, `_given_hidden`).
_GIVEN = "".join(sorted(GIVEN_NAME_CHARS))
_TITLE_AFTER = "|".join((*TITLE_WORDS, *PLACE_HEADS.split("|")))
_GIVEN_BEFORE_TITLE = re.compile(
    rf"({'|'.join(COMPOUND_SURNAMES)}|[{SURNAMES}])?([{_GIVEN}]{{2}})(?=副?(?:{_TITLE_AFTER}))"
)


# 老张/小王 — but not surnames that also start everyday words (小叶 leaves, 老毛病, 小程序 ...)
_FAMILIARSURNAMES = "".join(ch for ch in SURNAMES if ch not in EVERYDAY_SURNAMES)
_FAMILIAR = re.compile(rf"[老小][{_FAMILIARSURNAMES}]")
# Everyday words those two forms take for one (施工队, 班主任, 老师, 小师傅, 小麦, 老公): jieba's
# dictionary holds them as common words, and no one is addressed by them.
_NOT_ADDRESSED = frozenset(
    ("施工", "童工", "农工", "劳工", "华工", "乐工", "班主任", "班组长", "支队长",
     "老师", "小师", "老公", "老母", "老农", "小农", "老练", "老祖", "老翁", "小麦", "小苗", "小费",
     "小商", "小包", "小班", "小楼", "小盘", "小曲", "小鹿", "小童", "小宗")
)  # fmt: skip


# 姓王的配送员: a surname said is half a name (百姓 is the people, not a surname said).
_SURNAME_SAID = re.compile(rf"(?<!百)姓(?:{'|'.join(COMPOUND_SURNAMES)}|[{SURNAMES}])")


# Words that end in 谢 and thank (感谢师傅, 多谢师傅): their 谢 is no surname.
_THANKS_BEFORE_XIE = frozenset("感多致答道称酬")


def _addressed_hidden(found: re.Match[str], written: str) -> str:
    """王师傅 → 某师傅 (王師傅 → 某師傅), unless the match is no form of address: an
    everyday word (施工, 班主任), a surname character that ends one (门卫师傅, 值班经理,
    公司总部, 老师总是) or a title of one character that begins one (包工头, 总是); nor the 谢
    of 谢谢师傅 or 感谢师傅, thanks to no one named. 老 or 小 before the surname goes with
    it, as 老关 and 小王 alone do (小王师傅 → 某某师傅), unless the two are an everyday word
    (小麦老板, 小苗技术员)."""
    familiar = len(found[1])
    said_before = found[0][: found.end(2) - found.start()]  # 小麦 of 小麦技术员
    if found[0][familiar:] in _NOT_ADDRESSED or said_before in _NOT_ADDRESSED:
        return written
    plain, at, title_at = found.string, found.start(2), found.end(2)
    begins_word = found.end() - title_at == 1 and found.end() not in _word_bounds(plain)
    if begins_word and not _surname_before_adverb(plain, at, title_at):
        return written  # 总 and 工 begin words too (包工头, 师傅总是, 公司总部)
    if found.end() - title_at > 1 and _title_ends_inside_word(plain, found.end()):
        return written  # 江镇|长期停电, 全部|长期: a place or a word before 长期, no rank
    if plain[at] == "谢":
        if _thanks_said(plain, at):
            return written
    elif not familiar and _surname_read_as_word(plain, at, title_at, found.end()):
        return written  # 门卫|师傅, 值班|经理, 这周|局长, 向|局长反映: no one's surname
    title = written[title_at - found.start() :]
    return (PERSON if familiar else "某") + title


# jieba's parts of speech of a time word (下周, 上周) and a pointing one (这周, 每周).
_TIME_OR_POINTING = frozenset(("t", "r"))


def _surname_read_as_word(plain: str, at: int, title_at: int, title_end: int) -> bool:
    """Whether the surname character from `at` to `title_at`, said before a title ending at
    `title_end`, is read as a word said before titles, or the end of one, not as anybody's
    surname: an everyday word begun before it (门卫|师傅, 值班|经理, 本周|处长), a time or
    pointing word even where jieba cuts it apart or counts it rare (这|周局长, 下周局长), or
    a word said before whom one speaks to, where the clause says one speaks to them
    (我向局长反映过, `SPOKEN_TO`, `_spoken_to`)."""
    bounds = _word_bounds(plain)
    ending = plain[at - 1 : at + 1]
    if at not in bounds and common_word(ending):
        return True
    if at - 1 in bounds and tagger().word_tag_tab.get(ending) in _TIME_OR_POINTING:
        return True
    said_alone = at in bounds and title_at in bounds
    surname, before = plain[at:title_at], plain[:at]
    if not said_alone or surname not in SPOKEN_TO or before.endswith(SPOKEN_TO):
        return False
    return _spoken_to(plain, at, title_end)


def _read_whole(bounds: frozenset[int], start: int, end: int) -> bool:
    """Whether jieba reads the words from `start` to `end` whole, or as the start of one
    word (汇报|工作 in 汇报工作), not ending inside the next (说明 of 说|明天)."""
    return start in bounds and (end in bounds or not any(start < b < end for b in bounds))


# What ends a clause: what is said in one is not said of the title in the next (向经理，你好).
_CLAUSE_END = re.compile(r"[，。、；：！？,.;:!?\s]")
# 问 before the writer and what is asked of them (问我要钱, 问我们借了两百): the title-holder
# asks, not the writer.
_ASKS_ME = re.compile(r"问(?:我们|我|俺)(?:要|借|拿)")


def _asks_me_for(plain: str, bounds: frozenset[int], at: int) -> bool:
    """Whether what is said from `at` is 问 and what the writer is asked for (问我要钱,
    问我要了两百, 问我借钱): asked by the title-holder. Not where 要 says what the writer must
    do, a verb after it (问我要交多少钱: the writer asks)."""
    found = _ASKS_ME.match(plain, at)
    if not found:
        return False
    if found.end() not in bounds:
        return True  # 要钱, 借钱: one word
    following = min((bound for bound in bounds if bound > found.end()), default=found.end())
    tag = tagger().word_tag_tab.get(plain[found.end() : following], "")
    return not tag.startswith("v")


def _spoken_to(plain: str, at: int, title_end: int) -> bool:
    """Whether the word at `at` before a title ending at `title_end` says to whom one
    speaks: one who speaks or an adverb just before it (我|向局长, 已经|向科长,
    `SPEAKS_BEFORE`), or what is said, brought or done to them after the title, in its
    clause, before anything a person does (向局长反映过, 向经理订了20条烟, 向科长骂我说,
    向局长问我要钱: `SAID_TO`, `DONE_TO`, `ADVERB_ACTS`, `_asks_me_for`)."""
    bounds = _word_bounds(plain)
    word_start = max((bound for bound in bounds if bound < at), default=0)
    if plain[word_start:at] in SPEAKS_BEFORE:
        return True
    clause = _CLAUSE_END.split(plain[title_end:], maxsplit=1)[0]
    for place in range(len(clause)):
        start = title_end + place
        if _asks_me_for(plain, bounds, start):
            return False
        said = max(
            (
                *(
                    len(word)
                    for word in SAID_TO
                    if clause.startswith(word, place)
                    and _read_whole(bounds, start, start + len(word))
                ),
                *(
                    len(word)
                    for word in DONE_TO
                    if clause.startswith(word, place) and {start, start + len(word)} <= bounds
                ),
            ),
            default=0,
        )
        done = max((len(w) for w in ADVERB_ACTS if clause.startswith(w, place)), default=0)
        if said or done:
            return said > done
    return False


def _title_ends_inside_word(plain: str, end: int) -> bool:
    """Whether a title of two characters or more ending at `end` ends inside a word, its
    last character beginning the one after it (镇长|期 is 镇|长期): a rank's 长 read out of
    a place, or a word, before 长期."""
    return end not in _word_bounds(plain) and common_word(plain[end - 1 : end + 1])


def _surname_before_adverb(plain: str, at: int, title_at: int) -> bool:
    """Whether the surname from `at` to `title_at` is a word of its own before an adverb
    that 总 begins (张|总是不在, 李|总算来了): someone's, whether 张总 is said or 张 alone,
    when what is said around it is said of a person (`ADVERB_ACTS`, `SOUGHT_AFTER`). Not a
    character that is an everyday word or ends one (叶总是黄的, 这周总是下雨), nor a thing
    (这批苗总共五百株, 这栋楼总是停电)."""
    bounds = _word_bounds(plain)
    if at not in bounds or title_at not in bounds:
        return False
    if not plain.startswith(ADVERBS_OF_TOTAL, title_at):
        return False
    surname, before = plain[at:title_at], plain[:at]
    if surname in EVERYDAY_ALONE or common_word(plain[at - 1 : at + 1]):
        return False
    if before.endswith(SOUGHT_AFTER):
        return True
    starts = not before or before.endswith((*CLAUSE_START, "跟", "和"))
    return starts and plain.startswith(ADVERB_ACTS, title_at + 2)


def _thanks_said(plain: str, at: int) -> bool:
    """Whether the 谢 at `at`, before a title, is thanks. Of a run of 谢 (the first paired
    with 感 or 多 before it, if any), an even number is thanks said over, an odd one ends in
    a surname: 谢谢谢师傅 and 感谢谢师傅 thank 谢师傅. jieba's cut cannot tell: it reads
    感|谢谢|师傅."""
    run = at
    while run > 0 and plain[run - 1] == plain[at]:
        run -= 1
    unpaired = at - run + 1
    if run > 0 and plain[run - 1] in _THANKS_BEFORE_XIE:
        unpaired -= 1
    return unpaired % 2 == 0


@lru_cache(maxsize=64)
def _word_bounds(plain: str) -> frozenset[int]:
    """Where a word begins or ends in jieba's cut of `plain`, by its dictionary alone (no
    guessed words), for a form of address to be read only where words part. Where they
    are in `plain` as written: the cut leaves out a space before a number (订了 20 条)."""
    bounds = {0}
    for start, end in cut_spans(plain):
        bounds.update((start, end))
    return frozenset(bounds)


def _given_hidden(found: re.Match[str], written: str) -> str:
    """国华局长 → 某某局长: a given name, not a time or an everyday word before a title
    (国庆, 平安, 文明: `everyday_given_name`). After a surname it is a full name's, hidden
    whole as an unregistered full name before a title is (王国华局长, 欧阳志强站长 →
    某某局长, 某某站长; before, 华局长 was read as a surname's title: 王国某局长), unless
    that surname is the 谢 of thanks (感谢国华局长, 谢谢志强师傅 → 感谢某某局长,
    谢谢某某师傅) or ends an everyday word (全国庆祝: `_surname_read_as_word`)."""
    plain, at, given_at = found.string, found.start(), found.start(2)
    said_before = written[: given_at - at]
    if found[1] == "谢" and _thanks_said(plain, at):
        return said_before + (written[given_at - at :] if everyday_given_name(found[2]) else PERSON)
    # A 谢 left over from thanks is a surname, though jieba reads 谢谢 (感谢谢国华站长).
    if found[1] == "谢" or (
        found[1] and not _surname_read_as_word(plain, at, given_at, found.end())
    ):
        return PERSON
    if everyday_given_name(found[2]):
        return written
    return said_before + PERSON


def _familiar_hidden(found: re.Match[str], written: str) -> str:
    """老张 → 某某; not an everyday word (老师, 小麦), nor 老 or 小 before a title its
    surname character begins (老司机, 老支书: a veteran driver, the old party secretary)."""
    if found[0] in _NOT_ADDRESSED or found.string.startswith(TITLE_WORDS, found.start() + 1):
        return written
    return PERSON


def _sub_as_read(
    pattern: re.Pattern[str], text: str, hide: Callable[[re.Match[str], str], str]
) -> str:
    """`pattern` found in `text` read in Simplified (`folded`, as long as the text), each
    match replaced by `hide(match, what was written there)`: the rest, and what `hide`
    keeps, stay in the script written (青山鎮松林村5組 → 青山鎮某村某組)."""
    plain = folded(text)
    pieces, start = [], 0
    for found in pattern.finditer(plain):
        pieces += [text[start : found.start()], hide(found, text[found.start() : found.end()])]
        start = found.end()
    return "".join(pieces) + text[start:] if pieces else text


def _kept_end(found: re.Match[str], written: str) -> str:
    """某 and the unit its group 1 ends the match with, as written (某村, 某組, 某單元)."""
    return "某" + written[len(written) - len(found[1]) :]


def scrub(
    text: str,
    names: Iterable[str] = (),
    places: Iterable[str] = (),
    shops: Iterable[str] = (),
    kept: Iterable[str] = (),
) -> str:
    """The text with personal details replaced by neutral words (某某, 某村, 某店,
    【电话已隐去】), found in either script and hidden in the one written. `kept`: the
    config's own names (areas, teams), which an unknown name is not looked for in, nor a
    known person's given name."""
    out = ascii_digits(text)
    names, kept = list(names), list(kept)
    # Known names, shops and places first, longest first, so 张德明 goes before 张德.
    for words, instead in ((names, PERSON), (shops, SHOP), (places, "某地")):
        for word in sorted(
            {w.strip() for w in words if len(w.strip()) >= 2}, key=len, reverse=True
        ):
            out = _replaced(out, word, instead)
    # A shop named by its own part and a shop word (福满多店, 老王家 for 福滿多超市, 老王烟酒店),
    # as the teams' cards hide an anonymous complainant's.
    out = called_hidden(out, (), shops, "", PERSON, SHOP)
    owns, everyday_owns = _own_parts(shops, kept)
    for own in owns:
        out = _replaced(out, own, SHOP)
    # One that is an everyday word too, where it is said as the shop that does something
    # (建华今天又没送货, 兴隆那边缺货了), not for its own sense (诚信经营, 祝生意兴旺).
    for own in everyday_owns:
        out = _subject_replaced(out, own, SHOP_ACTS, SHOP)
    # Then known people's given names said alone, once their shops are (铁柱烟酒行 is a shop).
    anywhere, before_title = _given_names(names)
    for word in sorted(anywhere, key=len, reverse=True):
        # Not inside the config's own names: 王龙潭's given name is no part of 龙潭镇.
        out = _replaced(out, word, PERSON, besides=kept)
    for word in before_title:
        title_after = re.compile(rf"{re.escape(word)}(?=副?(?:{_TITLE_AFTER})|家)")
        out = _sub_as_read(title_after, out, _named_hidden)
        # ... and as who comes, says or mends at a clause's start (和平昨天来修的); not a
        # brand, which a retailer's order says there too (中华来货了).
        if word not in BRANDS:
            out = _subject_replaced(out, word, PERSON_ACTS, PERSON)
    out = _PLATE.sub(NUMBER, out)
    out = contacts_hidden(out)  # as a withheld complainant's are from the teams
    out = _sub_as_read(_VILLAGE, out, _kept_end)
    out = _sub_as_read(_NUMBERED_PLACE, out, _kept_end)
    out = _sub_as_read(_FLAT, out, lambda _found, _written: "某室")
    out = _sub_as_read(_GIVEN_BEFORE_TITLE, out, _given_hidden)
    out = _sub_as_read(_ADDRESSED, out, _addressed_hidden)
    out = _sub_as_read(_FAMILIAR, out, _familiar_hidden)
    out = _sub_as_read(_SURNAME_SAID, out, lambda _found, written: written[0] + "某")
    return names_hidden(out, folded(out), [folded(word) for word in kept])


# Words 家 begins that are still a family's home (大山家里, 平安家人); any other (家园, 家庭,
# 家电) is said for its own sense: 平安家园, 文明家庭.
_FAMILY_WORDS = frozenset(("家里", "家人", "家中", "家门", "家属"))


def _named_hidden(found: re.Match[str], written: str) -> str:
    """A known given name that is an everyday word too, before a title (平安站长) or 家, a
    family's (大山家的烟 → 某某家的烟): 某某, unless 家 begins a word of its own sense
    (平安家园, 文明家庭)."""
    plain, end = found.string, found.end()
    if plain.startswith("家", end):
        word = plain[end : end + 2]
        if common_word(word) and word not in _FAMILY_WORDS:
            return written
    return PERSON


def _given_names(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """The given names of known people's names (建华 of 王建华, 志强 of 欧阳志强), two
    characters or more: staff call each other by them alone. Those hidden wherever said,
    and those that are everyday words or cigarette brands too (平安, 文明, 中华, 红梅),
    hidden only before a title or 家 (`_named_hidden`) or as who acts (`said_as_subject`)."""
    anywhere: list[str] = []
    before_title: list[str] = []
    for name in names:
        plain = folded(name.strip())
        given = plain[len(surname_of(plain)) :] if surname_of(plain) else ""
        if len(given) < 2:
            continue
        said_otherwise = given in BRANDS or everyday_given_name(given)
        (before_title if said_otherwise else anywhere).append(given)
    return anywhere, before_title


def _own_parts(shops: Iterable[str], kept: Iterable[str]) -> tuple[list[str], list[str]]:
    """What is the shops' own in their names (福满多 of 福滿多超市), longest first: a retailer
    calls their shop by it alone too (福满多缺货了). Not a single character, nor a brand or
    a name of the config's (玉溪烟酒店, 青山镇便利店). Those hidden wherever said, and those
    that are words of jieba's dictionary (诚信烟酒店, 建华超市), hidden only where said as
    the shop (`said_as_subject`): 诚信经营 and 便民服务站 stay as written."""
    spared = {folded(word) for word in (*BRANDS, *kept)}
    owns = {SHOP_KIND.sub("", folded(shop.strip())) for shop in shops}
    named = sorted((own for own in owns if len(own) >= 2 and own not in spared), key=len)[::-1]
    everyday = [own for own in named if everyday_shop_part(own)]
    return [own for own in named if own not in everyday], everyday


def _subject_replaced(text: str, word: str, acts: tuple[str, ...], instead: str) -> str:
    """`text` with `word` replaced where it is said as who does one of `acts`, in either
    script (`said_as_subject`); the rest stays as written."""
    plain, key = folded(text), folded(word)
    pieces, start, found = [], 0, plain.find(key)
    while found >= 0:
        if said_as_subject(plain, found, found + len(key), acts):
            pieces += [text[start:found], instead]
            start = found + len(key)
        found = plain.find(key, found + len(key))
    return "".join(pieces) + text[start:] if pieces else text


def _replaced(text: str, word: str, instead: str, besides: Iterable[str] = ()) -> str:
    """`text` with `word` replaced wherever it is written, in either script, but inside one
    of `besides`; the rest of the text stays as written."""
    plain, key = folded(text), folded(word)
    spared = spans_of(plain, {folded(w) for w in besides})
    pieces, start, looked = [], 0, 0
    while (found := plain.find(key, looked)) >= 0:
        if any(begin <= found and found + len(key) <= end for begin, end in spared):
            looked = found + 1
            continue
        pieces += [text[start:found], instead]
        start = looked = found + len(key)
    return "".join(pieces) + text[start:] if pieces else text


def folded(text: str) -> str:
    """`text` with each Chinese character in Simplified on its own: as long as `text`, so
    that a word found in it is at the same place in `text`, whichever script each is
    written in (福滿多超市 and 福满多超市 both fold to 福满多超市)."""
    return text.translate(_simplified_forms())


def forms_of(text: str) -> str:
    """Every character, in either script, that folds to one of `text`'s folded
    characters (烟 gives 烟, 煙 and 菸)."""
    found = set(text)
    written = _written_forms()
    for char in folded(text):
        found.update(written.get(char, char))
    return "".join(sorted(found))


# The Chinese characters OpenCC converts: CJK Extension A, the Unified Ideographs and the
# compatibility ideographs.
_HANZI = (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))


@cache
def _simplified_forms() -> dict[int, str]:
    """Each character OpenCC writes otherwise in Simplified, on its own (a line each, so
    that no phrase spans two): one call for all, built on first use (a few milliseconds)."""
    chars = [chr(code) for code in _HANZI]
    converted = to_simplified("\n".join(chars)).split("\n")
    return {
        ord(char): out
        for char, out in zip(chars, converted, strict=True)
        if out != char and len(out) == 1
    }


@cache
def _written_forms() -> dict[str, str]:
    """Each folded character and the characters that fold to it, itself among them."""
    forms: dict[str, str] = {}
    for code, out in _simplified_forms().items():
        forms[out] = forms.get(out, out) + chr(code)
    return forms
