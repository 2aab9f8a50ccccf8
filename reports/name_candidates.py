"""Where a Chinese name may be in a text (`reports.person_names`): each surname and the one
or two characters after it, as jieba cut and tagged the text or read across its words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import jieba.posseg

from core.texts import COMPOUND_SURNAMES, SURNAMES
from reports.name_words import (
    ADVERBS_OF_TOTAL,
    EVERYDAY_ALONE,
    GIVEN_NAME_CHARS,
    TITLE_OR_ROLE,
)
from routing.segment import common_word, tokenizer
from routing.text import CJK

_PERSON_TAGS = frozenset(("nr", "nrfg", "nrt"))


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    given: str  # what follows the surname
    tagged: bool  # jieba tagged (part of) it as a person's name
    known: bool  # jieba's dictionary holds it as one word (or what follows the surname)
    hinted: bool = False  # jieba tagged its surname, said apart, as a person's name
    spelled: bool = False  # read character by character, across jieba's words (洪|飞来)


@cache
def tagger() -> jieba.posseg.POSTokenizer:
    return jieba.posseg.POSTokenizer(tokenizer())


def surname_of(word: str) -> str:
    """The surname `word` starts with, compound first (欧阳娜娜: 欧阳), or ''."""
    if word[:2] in COMPOUND_SURNAMES:
        return word[:2]
    return word[0] if word and word[0] in SURNAMES else ""


def candidates(words: list[Word]) -> list[Candidate]:
    """Each word, or surname and the word after it (王|红梅, 欧阳|娜娜), that is a surname and
    one or two characters more."""
    known = tagger().tokenizer.FREQ
    found = []
    for i, word in enumerate(words):
        surname = surname_of(word.text)
        if not surname:
            continue
        given = word.text[len(surname) :]
        if 1 <= len(given) <= 2:
            tagged = word.tag in _PERSON_TAGS
            found.append(Candidate(word.start, word.end, given, tagged, bool(known.get(word.text))))
        elif not given and i + 1 < len(words):
            after = words[i + 1]
            if not 1 <= len(after.text) <= 2 or after.text in TITLE_OR_ROLE:
                continue  # 李|站长 is a form of address, hidden as such (某站长)
            if after.text in ADVERBS_OF_TOTAL:
                continue  # 麦|总算, which jieba tags a noun: a form of address if any (张|总是)
            if not all(CJK.fullmatch(char) for char in after.text):
                continue  # a comma or a question mark ends the word (上部叶，这周？)
            split, hinted = after.tag in _PERSON_TAGS, word.tag in _PERSON_TAGS
            if split or hinted or given_name(after.text):
                # An everyday word after the surname (这周|订货, 叶|还是) is no given name,
                # unless jieba took a surname that is no everyday character for a name's
                # start before a noun (大坪村的张|大山), or something says it is (我叫张|大山).
                named = hinted and word.text not in EVERYDAY_ALONE and after.tag.startswith("n")
                everyday = common_word(after.text) and not split and not named
                found.append(
                    Candidate(word.start, after.end, after.text, split, everyday, hinted=hinted)
                )
    return found


def spelled(plain: str, words: list[Word]) -> list[Candidate]:
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
            found.append(Candidate(at, end, given, False, False, hinted=hinted, spelled=True))
    return found


def given_name(given: str) -> bool:
    return all(char in GIVEN_NAME_CHARS for char in given)
