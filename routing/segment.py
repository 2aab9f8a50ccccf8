"""The one jieba Tokenizer of the process, with the domain dictionary shipped in routing/data.

Loading jieba's prefix dictionary takes about half a second (a few seconds without its
cache), so it happens once, lazily, behind a lock. The cache goes to a writable directory
($JINYE_CACHE_DIR, else the system temp dir), never next to the installed package.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
from pathlib import Path

import jieba

from routing.text import CJK

USERDICT = "userdict.txt"

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def cache_dir() -> Path:
    """Where jieba keeps its marshalled prefix dictionary."""
    return Path(os.environ.get("JINYE_CACHE_DIR") or tempfile.gettempdir())


def userdict_path() -> Path:
    return Path(__file__).resolve().parent / "data" / USERDICT


def tokenizer() -> jieba.Tokenizer:
    """The shared Tokenizer, built on first use: jieba's dictionary plus the domain words."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            # jieba logs "Building prefix dict ..." at DEBUG to stderr on every load.
            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            directory = cache_dir()
            directory.mkdir(parents=True, exist_ok=True)
            tk.tmp_dir = str(directory)
            tk.initialize()
            with userdict_path().open("rb") as handle:
                tk.load_userdict(handle)
            _tokenizer = tk
    return _tokenizer


# jieba's dictionary counts: an everyday word (影响 24,144, 暂停 569, 好坏 284) has a meaning
# of its own; a rare compound (又坏了 3, 坏掉 3, 烧坏 32) is the sum of its characters.
COMMON_WORD = 100


def common_word(word: str) -> bool:
    """Whether jieba's dictionary knows `word` as an everyday word, not a rare compound."""
    return int(tokenizer().FREQ.get(word) or 0) >= COMMON_WORD


# A space between a Chinese word and a number beside it: a name and its number written
# apart (云烟 87, the leaf variety 云烟87; 订 20 条), one word to the tables.
_NUMBER_APART = re.compile(rf"(?<={CJK.pattern})\s+(?=\d)|(?<=\d)\s+(?={CJK.pattern})")


# A count of years that jieba keeps as one word (两年, 十五年, 二十几年, 十多年): cut as its
# number and 年, as digits are (10|年|了), so that 年了 says how long a shop has been kept
# whatever the count (开店卖烟两年了). A term of the whole count (十年) is still their run.
_YEARS_COUNTED = re.compile(r"[零〇一二两三四五六七八九十百千几半]+[多来]?年")


def cut(text: str) -> list[str]:
    """jieba's accurate mode without HMM, a number written apart from its word joined to it,
    a count of years apart from its 年.

    Without HMM an unknown word comes out as single characters, which the matcher glues
    back into any keyword they spell; HMM's guesses would instead glue a keyword to its
    neighbours (风机不转了 -> 风机/不转了). It is also a little faster.
    """
    if " " in text:
        text = _NUMBER_APART.sub("", text)
    words: list[str] = tokenizer().lcut(text, HMM=False)
    if "年" not in text:
        return words
    return [piece for word in words for piece in _years_apart(word)]


def _years_apart(word: str) -> tuple[str, ...]:
    """A count of years as its number and 年 (两年 -> 两, 年); any other word as it is."""
    if len(word) > 1 and _YEARS_COUNTED.fullmatch(word):
        return (word[:-1], "年")
    return (word,)


def cut_spans(text: str) -> list[tuple[int, int]]:
    """Where each word of `cut(text)` is in `text` as written, start and end: a word joined
    across a space the cut left out (云烟 87) spans it, and a space left out between two
    words is in neither. For whoever reads places in the text: the words' lengths no longer
    add up to them."""
    spans, at = [], 0
    for word in cut(text):
        start = at = _past_left_out(text, at, word[0])
        for char in word:
            at = _past_left_out(text, at, char) + 1
        spans.append((start, at))
    return spans


def _past_left_out(text: str, at: int, char: str) -> int:
    """Where `char` is in `text` from `at` on, past the spaces the cut left out before it."""
    while text[at] != char and text[at].isspace():
        at += 1
    return at
