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
  unless it is an everyday word too (`everyday.ordinary_word`: 高峰, 祝福, 文明);
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

from core.own_details import PERSON
from reports.name_candidates import Word, candidates, spelled, tagger
from reports.name_context import (
    may_name,
    name_alone,
    place_before,
    said_of_someone,
    surname_ends_a_word,
)
from reports.name_words import BRANDS, TITLE_OR_ROLE


def _kept_spans(plain: str, kept: Iterable[str]) -> list[tuple[int, int]]:
    """Where `plain` says a brand or a name of the config's, as (start, end) pairs."""
    return spans_of(plain, (*BRANDS, *kept))


def spans_of(plain: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where `plain` says each of `words`, every time, as (start, end) pairs."""
    spans = []
    for word in words:
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
    for word, tag in tagger().cut(plain):
        words.append(Word(word, tag, at, at + len(word)))
        at += len(word)
    spared = _kept_spans(plain, kept)
    made = candidates(words)
    found = [
        each
        for each in (*made, *spelled(plain, words))
        if not place_before(plain, each.end)
        and not surname_ends_a_word(plain, each)
        # A title or role is whom a name is said of, never the name (投诉师傅, 和老师).
        and plain[each.start : each.end] not in TITLE_OR_ROLE
        # Within a brand or a config's name (苏烟, 白石乡), not one that holds it (王红梅).
        and not any(start <= each.start and each.end <= stop for start, stop in spared)
    ]
    hidden = [(f.start, f.end) for f in found if name_alone(plain, f)]
    # A name said beside one hidden is a name too (张伟和李娜): until no more are found.
    while True:
        more = [
            (f.start, f.end)
            for f in found
            if (f.start, f.end) not in hidden
            and may_name(plain, f)
            and said_of_someone(plain, f, hidden)
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
