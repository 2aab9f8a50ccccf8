"""Learn keyword tables from a historical ledger (台账): texts and the line each went to.

Each label gets the words and two-word phrases that are most typical of it against all
other labels. A word's weight is its smoothed log-odds: ln(P(word | label) / P(word | rest))
over documents, with add-`alpha` smoothing, so a word that appears in a third of one
label's tickets and almost nowhere else weighs about 3, a common word about 0. Words are
ranked by weight x sqrt(document count), which prefers words a supervisor will recognise
over one-off oddities, and only the best `max_words` per label are kept, rounded, so the
table stays short enough to review. The tables use the config's `keywords:` format and
the router's own matcher, so what is learned here is exactly what the router will score.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from core.config import KeywordTable
from routing.matcher import TermMatcher
from routing.segment import cut
from routing.text import normalize

_CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_PHRASE = 6  # characters: longer two-word phrases are too specific to recur


def _load_stopwords() -> frozenset[str]:
    path = Path(__file__).resolve().parent / "data" / "stopwords.txt"
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


STOPWORDS = _load_stopwords()


@lru_cache(maxsize=8192)
def tokens_of(text: str) -> tuple[str, ...]:
    """The tokens the router sees for `text` (cached: cross-validation cuts each text once)."""
    normalized = normalize(text)
    return tuple(cut(normalized)) if normalized else ()


def candidates(tokens: Sequence[str]) -> set[str]:
    """Words (2+ characters, with Chinese, not stop words) and adjacent two-word phrases."""
    content = [bool(_CJK.search(t)) and t not in STOPWORDS for t in tokens]
    found: set[str] = set()
    for i, token in enumerate(tokens):
        if not content[i]:
            continue
        if len(token) >= 2:
            found.add(token)
        if i + 1 < len(tokens) and content[i + 1]:
            phrase = token + tokens[i + 1]
            if 3 <= len(phrase) <= MAX_PHRASE:
                found.add(phrase)
    return found


def learn_keywords(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    max_words: int = 150,
    min_df: int = 2,
    alpha: float = 1.0,
    digits: int = 2,
) -> dict[str, KeywordTable]:
    """Keyword tables per label, in the order labels first appear."""
    if len(texts) != len(labels):
        raise ValueError("texts and labels must have the same length")
    cut_texts = [tokens_of(t) for t in texts]
    vocabulary = Counter(term for tokens in cut_texts for term in candidates(tokens))
    matcher = TermMatcher(term for term, df in vocabulary.items() if df >= min_df)
    by_label: dict[str, Counter[str]] = {}
    docs: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for tokens, label in zip(cut_texts, labels, strict=True):
        present = matcher.count(list(tokens)).keys()
        by_label.setdefault(label, Counter()).update(present)
        total.update(present)
        docs[label] += 1
    n = len(texts)
    tables: dict[str, KeywordTable] = {}
    for label, counts in by_label.items():
        inside, outside = docs[label], n - docs[label]
        ranked: list[tuple[float, str, float]] = []
        for term, df in counts.items():
            rest = total[term] - df
            p_in = (df + alpha) / (inside + 2 * alpha)
            p_out = (rest + alpha) / (outside + 2 * alpha)
            weight = math.log(p_in / p_out)
            if weight > 0:
                ranked.append((weight * math.sqrt(df), term, weight))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        kept = sorted(ranked[:max_words], key=lambda item: (-item[2], item[1]))
        tables[label] = KeywordTable(words={term: round(w, digits) for _k, term, w in kept})
    return tables
