"""The router's words quoted back to a requester as they typed them.

The keyword tables count variants as one word (登录不上 and 登陆不了 as 登不上, 定货 as 订货),
and the decision names the table's word. Quoted in 您提到了… a word the requester never
wrote reads as a misquote, so the variant they did write is quoted instead.
"""

from __future__ import annotations

from core.config import Config
from routing.text import normalize, to_simplified


def as_typed(cfg: Config, word: str, text: str) -> str:
    """`word` as `text` has it: the word itself when written so, else the first of its
    variants (in any line's table) that `text` holds; the word when it holds none."""
    plain = normalize(text)  # as the router read it: 登錄 不上 matched 登录不上
    if word.lower() in plain:
        return word
    for table in cfg.keywords.values():
        for variant in table.synonyms.get(word, ()):
            if to_simplified(variant).lower() in plain:
                return variant
    return word


def typed_stretch(word: str, text: str) -> str | None:
    """The stretch of `text` that reads as `word`, in the characters it was typed in: 賣菸的錢
    for 卖烟的钱, where converting the word to 繁體 would give 賣煙的錢, a misquote too. None
    when `text` has it only with something between (登錄 不上) or not at all."""
    # A conversion or a lower-casing that changed lengths (İ is two characters lower-cased):
    # no stretch to map back onto the text as typed.
    simplified = to_simplified(text).lower()
    if len(simplified) != len(text):
        return None
    at = simplified.find(word.lower())
    return text[at : at + len(word)] if at >= 0 and word else None
