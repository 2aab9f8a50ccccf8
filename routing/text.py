"""Text normalisation and script handling: what the router sees before jieba cuts it.

jieba's dictionary is Simplified, so Traditional text must be converted first (it cuts
煙葉變黃 as 煙葉變/黃). Full-width letters and digits, emoji and decoration (★【】~~) are
noise for keyword matching. The requester's original text is kept by the caller; replies are
written back in the requester's script with `to_traditional`.
"""

from __future__ import annotations

import re
import unicodedata

import opencc

from core.enums import Script
from routing.script_forms import one_script_characters

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
    """Traditional to Simplified Chinese (OpenCC t2s, then `_T2S_AFTER`); other text is
    unchanged. Fit for text people see: 帐 stays 帐 (`as_account_words` is the router's)."""
    converted = str(_T2S.convert(text))
    if _AS_WRITTEN.search(text) and len(converted) == len(text):
        converted = "".join(
            was if was in _AS_WRITTEN_CHARS else now
            for was, now in zip(text, converted, strict=True)
        )
    return _T2S_AFTER_WORD.sub(_t2s_after, converted)


# Simplified characters OpenCC's phrases read as an old Traditional variant of another: 坏
# (pī, a form of 坯) in 打坏, 拉坏, 捏坏 becomes 坯, and a barn's controller 打坏了 by lightning
# would lose its fault. Here 坏 is always "broken", whoever wrote it.
_AS_WRITTEN_CHARS = frozenset("坏")
_AS_WRITTEN = re.compile(f"[{''.join(_AS_WRITTEN_CHARS)}]")


# Words t2s leaves in a form no Simplified reader looks for: 著 stays 著 (著名, 著作), so
# 沒有著火 or 點不著火 would read as a fire the words deny (着 in 没有着火, 点不着 is cut
# apart from 火 in Simplified); 甚麼 becomes 甚么 and 妳 stays 妳, where readers look for 什么
# and 你 (師傅甚麼時候來 is a question; 妳好 a greeting).
_T2S_AFTER = {
    "著火": "着火",
    "著急": "着急",
    "不著": "不着",
    "睡著": "睡着",
    "甚么": "什么",
    "妳": "你",
}
_T2S_AFTER_WORD = re.compile("|".join(_T2S_AFTER))


def _t2s_after(found: re.Match[str]) -> str:
    return _T2S_AFTER[found.group()]


# Money words with 帐 (a tent, a net) for 账 (an account): t2s makes 到帳 and 結帳 到帐 and
# 结帐, and many Simplified writers type them so, where the tables look for 到账 and 结账
# (烟站的钱还没到帐). Only for what the router matches, never for text shown or kept: a
# team's 請把烤煙搬到帳篷裡 is a tent to its reader. Not across a word's edge either: 帐
# before 篷 or 子 is a tent's (放到帐篷里, 搬到帐子里), after 蚊 a net's (蚊帐本来就破了).
_ACCOUNT_ZHANG = re.compile("(?<!蚊)(?:(?<=[到结对转入算记查欠台])帐(?![篷子])|帐(?=[户号单目本]))")


def as_account_words(simplified: str) -> str:
    """`simplified` with money words spelt with 帐 as the tables write them (到帐 → 到账,
    帐户 → 账户); 帐篷, 帐子 and 蚊帐 stay."""
    return _ACCOUNT_ZHANG.sub("账", simplified) if "帐" in simplified else simplified


# Words OpenCC's s2tw writes two ways by what is around them: 直接回复 → 直接回復 but 的回复
# → 的回覆, 服务台 → 服務檯 beside 督辦分派臺 and 臺賬. A reader should meet one form of a
# word in one exchange: Taiwan's standard one. The keys are Simplified, so text written in
# Traditional (a 繁體 writer's 回復正常, "back to normal") never matches.
_HANT_WORDS = {"回复": "回覆", "服务台": "服務臺"}
_HANT_WORD = re.compile(f"({'|'.join(_HANT_WORDS)})")


# A week counted in digits (2026年第48周, 近3周, 前2周, 3周内): OpenCC's phrases make 周 a
# week only beside a word (本週, 第四十八週), so after a digit it stays 周. Only a count
# of weeks is one: after 第 or 近, or a number of one or two digits (not a time's 9:30 nor
# a phone number) with 内, 后, 以来 or nothing after it. A 周 after any other digit is
# the surname or the circle (9:30周师傅, 13800001111周先生, 国道210周边, 1周围).
_WEEK_AFTER_DIGIT = re.compile(
    r"(?:(?<=第|近|前|後|每|這)|(?<=過去|最近))(\d{1,2}\s*個?)周"
    r"|(?<![\d:：.．])(\d{1,2}\s*個?)周"
    r"(?=內|以內|之內|後|以後|之後|前|以前|之前|以來|來|左右|多|時間|的|了|[\s,，。!！?？;；、)）」』]|$)"
)


def _as_week(found: re.Match[str]) -> str:
    return f"{found[1] or found[2]}週"


def to_traditional(text: str) -> str:
    """Simplified to Traditional Chinese (OpenCC s2tw, one form of each word in
    `_HANT_WORDS`, and 週 for a week counted in digits), for replies to 繁體 users."""
    if not _HANT_WORD.search(text):
        return _WEEK_AFTER_DIGIT.sub(_as_week, str(_S2T.convert(text)))
    # split() with a group: the words found are the odd pieces.
    pieces = _HANT_WORD.split(text)
    converted = "".join(
        _HANT_WORDS[piece] if i % 2 else str(_S2T.convert(piece)) for i, piece in enumerate(pieces)
    )
    return _WEEK_AFTER_DIGIT.sub(_as_week, converted)


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
    return as_account_words(to_simplified(clean(text)))


_NOT_WORDS = re.compile(r"[\W_]+")


def bare(text: str) -> str:
    """`normalize` without punctuation or spaces: for telling a short reply ("好的！",
    "解决了，谢谢") from a list of expected ones."""
    return _NOT_WORDS.sub("", normalize(text))


def _one_script_pattern(chars: frozenset[str]) -> re.Pattern[str]:
    # Characters outside the Basic Multilingual Plane (rare forms in CJK Extension B and
    # later) are left out: with them in it, the class is no longer a bitmap and a search
    # costs ten times as much.
    return re.compile("[" + "".join(sorted(c for c in chars if ord(c) < 0x10000)) + "]")


_HANS_CHARS, _HANT_CHARS = one_script_characters(to_traditional, to_simplified)
_HANS_ONLY = _one_script_pattern(_HANS_CHARS)
_HANT_ONLY = _one_script_pattern(_HANT_CHARS)


def detect_script(text: str) -> Script | None:
    """HANS when Simplified-only characters (们, 这, 么) outnumber Traditional-only ones,
    HANT when the Traditional-only ones (們, 這, 裡) do, None when nothing tells: no Chinese,
    only characters standard in both scripts (a name such as 余美玲 or 李小梅, 了解, 下周一,
    台北, 好的), or as many of each. A reader of either script may have written it, so it
    keeps the person's script."""
    hans = len(_HANS_ONLY.findall(text))
    hant = len(_HANT_ONLY.findall(text))
    if hans == hant:
        return None
    return Script.HANS if hans > hant else Script.HANT


def script_of(text: str, simplified: str) -> Script | None:
    """`detect_script(text)`, given its t2s conversion (the router has it already)."""
    if simplified == text:
        # t2s changed nothing, so there is no Traditional-only character: the common case
        # of a Simplified text costs one search.
        return Script.HANS if _HANS_ONLY.search(text) else None
    return detect_script(text)
