"""What around a possible name (`reports.name_candidates`) says whether it is one: what it
is (a name alone), what is said of it (a role, a title, a name beside it), and what ends
no name (a place's unit, 毛坝乡)."""

from __future__ import annotations

from core.own_details import PERSON
from reports.everyday import everyday_given_name, ordinary_word
from reports.name_candidates import Candidate, given_name, tagger
from reports.name_words import (
    CLAUSE_START,
    DOES,
    JOINERS,
    NAMED_AFTER,
    PLACE_UNITS,
    PLACE_WORDS,
    THANKED,
    THANKS,
    TITLE_WORDS,
)
from routing.segment import common_word
from routing.text import CJK


def name_alone(plain: str, found: Candidate) -> bool:
    """Whether the candidate is a name by itself, with nothing around it saying so."""
    word = plain[found.start : found.end]
    if ordinary_word(word) or word in THANKS:
        return False
    before, after = plain[: found.start], plain[found.end :]
    # The subject of what a person does (付韬说明天来, 罗川说), however jieba cut it.
    subject = (not before or before.endswith(CLAUSE_START)) and after.startswith(DOES)
    if subject and given_name(found.given):
        return True
    if found.spelled:
        return found.hinted  # jieba took its surname for a name's (洪|飞来)
    if (found.tagged or found.hinted) and not found.known:
        return True
    return given_name(found.given) and (found.tagged or not found.known)


def said_of_someone(plain: str, found: Candidate, hidden: list[tuple[int, int]]) -> bool:
    """Whether what is around the candidate says it is someone's name: a role or a
    complaint before it, a title after it, or a hidden name joined to it."""
    before = plain[: found.start]
    if before.endswith(NAMED_AFTER) or _title_after(plain, found):
        return True  # even an everyday word (配送员向东)
    if ordinary_word(plain[found.start : found.end]):
        return False
    if given_name(found.given) and before.endswith(THANKED):
        return True
    if found.spelled and any(start == found.start for start, _ in hidden):
        return True  # the rest of a name jieba cut short (赖诗|韬)
    return any(
        plain[end : found.start] in JOINERS or plain[found.end : start] in JOINERS
        for start, end in hidden
    )


def _title_after(plain: str, found: Candidate) -> bool:
    """Whether a title follows the candidate, rather than the 长 of a head after what the
    candidate and the title's first character say together: an office (公安局长 is the head
    of 公安局, 卫生局长), no name before 局长."""
    if not plain.startswith(TITLE_WORDS, found.end):
        return False
    return not common_word(plain[found.start : found.end + 1])


def may_name(plain: str, found: Candidate) -> bool:
    """Whether the candidate may be a name once something says it is someone's: one jieba
    takes for a name, or a surname and given-name characters."""
    if plain[found.start : found.end] in THANKS:
        return False
    # An everyday word and what it is of (宿舍|楼), though jieba tags it a name.
    everyday_start = common_word(plain[found.start : found.end - 1])
    if len(found.given) == 2 and not given_name(found.given) and everyday_start:
        return False
    return found.tagged or found.hinted or found.spelled or given_name(found.given)


def place_before(plain: str, end: int) -> bool:
    """Whether a place's unit ends the word that ends at `end` (毛坝乡, 邵阳市, 金桥村民),
    rather than begin a title or an everyday word (张伟组长, 李强镇长, 张伟路过). A unit
    with nothing Chinese after it (我住在毛坝乡, 毛坝乡。) begins no word: it ends a place,
    though alone it is an everyday word too (乡)."""
    if not plain[end:].startswith(PLACE_UNITS):
        return False
    word = plain[end : end + 2]
    if len(word) < 2 or not CJK.fullmatch(word[1]):
        return True
    return word in PLACE_WORDS or not common_word(word)


def surname_ends_a_word(plain: str, found: Candidate) -> bool:
    """Whether the candidate's surname ends an everyday word with what is before it (the 谢
    of 感谢, the 周 of 这周) and what follows is an everyday word too (国庆): thanks or a
    time and a word before a title (感谢国庆站长, 这周国庆站长不在), no name; nor a name
    hidden already (这周|某某站长)."""
    if PERSON in found.given:
        return True
    start = found.start
    if start == 0 or found.end - start != 3 or len(found.given) != 2:
        return False
    ending = plain[start - 1 : start + 1]
    # jieba counts 这周 3 times, but knows it for a pointing word (r), as 上周 a time (t).
    read_as_word = common_word(ending) or tagger().word_tag_tab.get(ending) in ("r", "t")
    return read_as_word and everyday_given_name(found.given)
