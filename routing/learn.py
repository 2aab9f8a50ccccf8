"""Learn keyword tables from a historical ledger (台账): texts and the line each went to.

Each label gets the words and two-word phrases most typical of it against all other labels,
with a weight a supervisor can read: about 3 means "this word alone says the line", about 1
"only helps". The router scores a line by summing the weights of its words in a message, so
a table is a linear classifier whose features are words; it is learned as one:

1. Features are the router's own: jieba words (2+ characters, not stop words, not the
   anonymised place codes "A市", "A3区") and adjacent two-word phrases, counted with the
   router's matcher, each occurrence count damped to 1 + ln(count) as the router does.
2. Every ticket's vector is scaled to the same Euclidean length (that of an average
   ticket) before counting, so a 3,000-character letter does not weigh thirty times a
   two-line request in what a label "usually says" (Rennie et al. 2003, the transformations
   that make naive Bayes competitive on text).
3. A word's weight is its multinomial log-likelihood ratio with add-`alpha` smoothing,
   ln(P(word | label) / P(word | other labels)), from those scaled counts.
4. A label keeps the `max_words` words with the largest P(word | label) x weight (the word's
   share of the divergence between the label and the rest): frequent and typical words
   first, one-off oddities last. Weights are rounded for review; one rounded to 0 is
   dropped, as it says nothing for the line.

Only positive weights are kept: a table lists what speaks for a line. Learning and routing
share the matcher, so a learned word's statistics are exactly what the router will see.
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
_CODE = re.compile(r"^[a-z0-9]+$")
# An administrative unit right after a code is part of an anonymised place ("a|市", "a3|区").
_PLACE_UNITS = frozenset("省市区县州镇乡村")
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


def content_mask(tokens: Sequence[str]) -> list[bool]:
    """Which tokens can be part of a keyword: Chinese, not a stop word, not a place code."""
    content = [bool(_CJK.search(t)) and t not in STOPWORDS for t in tokens]
    for i in range(1, len(tokens)):
        if tokens[i] in _PLACE_UNITS and _CODE.match(tokens[i - 1]):
            content[i] = False
    return content


def candidates(tokens: Sequence[str]) -> set[str]:
    """Words (2+ characters, with Chinese, not stop words) and adjacent two-word phrases."""
    content = content_mask(tokens)
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


def ticket_vectors(
    cut_texts: Sequence[Sequence[str]], matcher: TermMatcher
) -> list[dict[str, float]]:
    """term -> 1 + ln(count) per ticket, every ticket scaled to the average ticket's length."""
    vectors: list[dict[str, float]] = []
    for tokens in cut_texts:
        counts = matcher.count(list(tokens))
        vectors.append({term: 1.0 + math.log(n) for term, n in sorted(counts.items())})
    norms = [math.sqrt(sum(v * v for v in vector.values())) for vector in vectors]
    present = [norm for norm in norms if norm > 0]
    if not present:
        return vectors
    average = sum(present) / len(present)
    return [
        {term: v * average / norm for term, v in vector.items()} if norm > 0 else vector
        for vector, norm in zip(vectors, norms, strict=True)
    ]


def learn_keywords(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    max_words: int = 150,
    min_df: int = 2,
    alpha: float = 1.0,
    digits: int = 1,
) -> dict[str, KeywordTable]:
    """Keyword tables per label, in the order labels first appear (deterministic)."""
    if len(texts) != len(labels):
        raise ValueError("texts and labels must have the same length")
    cut_texts = [tokens_of(t) for t in texts]
    vocabulary = Counter(term for tokens in cut_texts for term in candidates(tokens))
    matcher = TermMatcher(term for term, df in vocabulary.items() if df >= min_df)
    mass: dict[str, Counter[str]] = {}
    for vector, label in zip(ticket_vectors(cut_texts, matcher), labels, strict=True):
        mass.setdefault(label, Counter()).update(vector)
    total: Counter[str] = Counter()
    for counts in mass.values():
        total.update(counts)
    grand = sum(total.values())
    smoothing = alpha * max(len(matcher), 1)
    tables: dict[str, KeywordTable] = {}
    for label, counts in mass.items():
        inside = sum(counts.values())
        outside = grand - inside
        ranked: list[tuple[float, str, float]] = []
        for term, count in counts.items():
            p_in = (count + alpha) / (inside + smoothing)
            p_out = (total[term] - count + alpha) / (outside + smoothing)
            weight = math.log(p_in / p_out)
            if weight > 0:
                ranked.append((p_in * weight, term, weight))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        kept = sorted(ranked[:max_words], key=lambda item: (-item[2], item[1]))
        # A weight that rounds to 0 says nothing for the line (and a table refuses it).
        rounded = ((term, round(w, digits)) for _k, term, w in kept)
        tables[label] = KeywordTable(words={term: w for term, w in rounded if w > 0})
    return tables
