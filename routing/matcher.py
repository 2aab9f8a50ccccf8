"""Find dictionary terms in a cut text, respecting jieba's word boundaries.

A term matches when it is one token, a run of adjacent tokens (风机|不转 for 风机不转), or
a piece of one long token (许可证 inside 专卖许可证). It does not match across a boundary
that splits it: 订货 is not found in 预订|货车. Learning and routing use this same matcher,
so a learned word's statistics are those the router will see.
"""

from __future__ import annotations

from collections.abc import Iterable


class TermMatcher:
    """Counts occurrences of a fixed set of terms in a token list."""

    __slots__ = ("_prefixes", "_terms")

    def __init__(self, terms: Iterable[str]) -> None:
        self._terms = frozenset(t for t in terms if t)
        # Proper prefixes let the scan over adjacent tokens stop as soon as no term can
        # continue, so the cost is about one set look-up per token.
        self._prefixes = frozenset(term[:i] for term in self._terms for i in range(1, len(term)))

    def __contains__(self, term: object) -> bool:
        return term in self._terms

    def __len__(self) -> int:
        return len(self._terms)

    def count(self, tokens: list[str]) -> dict[str, int]:
        """term -> number of occurrences in `tokens`."""
        terms, prefixes = self._terms, self._prefixes
        counts: dict[str, int] = {}
        n = len(tokens)
        for i, token in enumerate(tokens):
            span = token
            j = i
            while True:
                if span in terms:
                    counts[span] = counts.get(span, 0) + 1
                if span not in prefixes:
                    break
                j += 1
                if j == n:
                    break
                span += tokens[j]
            if len(token) >= 3:
                self._inner(token, counts)
        return counts

    def _inner(self, token: str, counts: dict[str, int]) -> None:
        """Terms strictly inside one long token (jieba's HMM glues unknown words together)."""
        terms = self._terms
        size = len(token)
        for start in range(size - 1):
            for end in range(start + 2, size + 1):
                if end - start == size:
                    continue  # the whole token was counted by the caller
                piece = token[start:end]
                if piece in terms:
                    counts[piece] = counts.get(piece, 0) + 1
