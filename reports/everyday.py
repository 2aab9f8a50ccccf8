"""Whether a part of a known name (a person's given name, a shop's own part) is an everyday
word too, said for its own sense far more often than as the name (文明, 阳光, 便民): hidden
only where what is around it says it names someone or a shop (文明站长, 便民超市)."""

from __future__ import annotations

from reports.name_candidates import tagger
from reports.name_words import ORDINARY_WORDS
from routing.segment import common_word, tokenizer

# jieba tags a word it met as a name (建华 nz, 海燕 nr) as one, everyday words among them
# (文明 nr, 阳光 nr, 诚信 nz). Its dictionary counts say which sense is said: a given name
# it tags so is counted a few hundred times at most (建华 342, 玉兰 229, 文华 1,074), an
# everyday word thousands (文明 6,584, 阳光 3,451, 智慧 1,581).
SAID_AS_A_WORD = 1500
# A given name's tags: a person's (nr, nrfg) and a proper noun's, which jieba gives the
# given names it met as a company's or a place's (建华, 国华 nz).
_GIVEN_NAME_TAGS = ("nr", "nz")


def _counted(word: str) -> int:
    return int(tokenizer().FREQ.get(word) or 0)


def _tag(word: str) -> str:
    return str(tagger().word_tag_tab.get(word, ""))


def everyday_given_name(word: str) -> bool:
    """Whether a given name (平安 of 张平安, 文明 of 张文明) is an everyday word too: a
    common word jieba does not tag as a name, or counts too often to be one."""
    if not common_word(word):
        return False
    return not _tag(word).startswith(_GIVEN_NAME_TAGS) or _counted(word) >= SAID_AS_A_WORD


def everyday_shop_part(word: str) -> bool:
    """Whether a shop's own part (诚信 of 诚信烟酒店, 便民 of 便民超市) is a word of jieba's
    dictionary, said for its own sense: not a person's name (老王 of 老王烟酒店), unless
    counted too often to be one (阳光), nor a made-up one (福满多)."""
    counted = _counted(word)
    if not counted:
        return False
    return not _tag(word).startswith("nr") or counted >= SAID_AS_A_WORD


def ordinary_word(word: str) -> bool:
    """Whether a surname and a given-name character jieba tags as a name are an everyday
    word (高峰, 文明, 阳光): listed (`ORDINARY_WORDS`), or counted too often to be anyone's
    here (文明 6,584; 李强 is counted 88 times)."""
    return word in ORDINARY_WORDS or (len(word) == 2 and _counted(word) >= SAID_AS_A_WORD)
