"""Text normalisation and script handling: what the router sees before jieba cuts it.

jieba's dictionary is Simplified, so Traditional text must be converted first (it cuts
煙葉變黃 as 煙葉變/黃). Full-width letters and digits, emoji and decoration (★【】~~) are
noise for keyword matching. The requester's original text is kept by the caller; replies are
written back in the requester's script with `to_traditional`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

from core.enums import Script

# One converter per direction for the whole process: building one parses OpenCC's
# dictionaries, which costs milliseconds; converting a short message costs about a microsecond.
_T2S = opencc.OpenCC("t2s")
# Taiwan standard forms (為, 裡) read more naturally to most Traditional-script users than
# OpenCC's etymological standard (爲, 裏).
_S2T = opencc.OpenCC("s2tw")

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Spaces between two Chinese characters are decoration ("烤 房 停 电"), not word breaks.
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff])\s+(?=[\u3400-\u4dbf\u4e00-\u9fff])")
_SPACES = re.compile(r"\s+")
# Runs of the same punctuation ("！！！", "。。。", "~~~") carry no words.
_REPEATS = re.compile(r"([^\w\s])\1+")


def _first_of_run(run: re.Match[str]) -> str:
    # A function, not the template r"\1": sub hands a template to Python code on every
    # call, even when nothing matches (a microsecond a message); a function runs per run.
    return run.group(1)


def to_simplified(text: str) -> str:
    """Traditional to Simplified Chinese (OpenCC t2s); other text is unchanged."""
    return str(_T2S.convert(text))


def to_traditional(text: str) -> str:
    """Simplified to Traditional Chinese (OpenCC s2tw), for replies to 繁體 users."""
    return str(_S2T.convert(text))


_DECORATION_CATEGORIES = frozenset({"So", "Sk", "Cf", "Co", "Cs", "Mn", "Cc", "Zl", "Zp"})


def _decoration_table() -> dict[int, str]:
    """Code point -> " " for emoji, pictographs, dingbats, box drawing, zero-width joiners,
    variation selectors (U+FE0F), control characters and bracket decoration.

    A translate table does the whole message in one C-level pass; built once at import
    over the ranges where these live (about 50 ms).
    """
    codes = [*range(0x10000), *range(0x1F000, 0x1FC00), *range(0xE0000, 0xE0080)]
    table = {
        code: " " for code in codes if unicodedata.category(chr(code)) in _DECORATION_CATEGORIES
    }
    for char in "【】〖〗『』「」《》〈〉<>[]{}|#*_^`~=+\\":
        table[ord(char)] = " "
    return table


_DECORATION = _decoration_table()


def clean(text: str) -> str:
    """Half-width, decoration-free, lower-case text in its original script."""
    text = unicodedata.normalize("NFKC", text)  # full-width ＡＢＣ１２３ -> ABC123
    text = _REPEATS.sub(_first_of_run, text.translate(_DECORATION)).lower()
    if " " in text:
        text = _SPACES.sub(" ", _CJK_SPACE.sub("", text)).strip()
    return text


def normalize(text: str) -> str:
    """The text the router matches: Simplified, half-width, lower-case, no emoji, single spaces.

    Idempotent (normalising twice changes nothing) and never raises.
    """
    return to_simplified(clean(text))


_NOT_WORDS = re.compile(r"[\W_]+")


def bare(text: str) -> str:
    """`normalize` without punctuation or spaces: for telling a short reply ("好的！",
    "解决了，谢谢") from a list of expected ones."""
    return _NOT_WORDS.sub("", normalize(text))


@lru_cache(maxsize=8192)
def _char_script(char: str) -> int:
    """+1 for a Traditional-only character, -1 for a Simplified-only one, 0 otherwise."""
    if to_simplified(char) != char:
        return 1
    if to_traditional(char) != char:
        return -1
    return 0


def detect_script(text: str) -> Script | None:
    """HANT when Traditional characters outnumber Simplified-only ones, HANS for other
    Chinese text, None when nothing tells: no Chinese at all, or only characters both
    scripts share (a name such as 李小梅, 下一步, 好的), which a reader of either writes."""
    if not CJK.search(text):
        return None
    simplified = to_simplified(text)
    if simplified == text and to_traditional(text) == text:
        return None
    return script_of(text, simplified)


def script_of(text: str, simplified: str) -> Script:
    """The script of Chinese `text`, given its t2s conversion (the router has it already).

    A majority rather than "any Simplified-only character" because some characters that
    OpenCC converts (台, 后, 里, 干) are also ordinary Traditional characters.
    """
    if simplified == text:  # the common case: nothing Traditional at all
        return Script.HANS
    balance = sum(_char_script(c) for c in text if CJK.match(c))
    return Script.HANT if balance > 0 else Script.HANS
