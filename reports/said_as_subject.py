"""Whether a known name's part that is an everyday word too (a shop's 建华, 诚信; a person's
和平) is said as who does something: a word of its own at a clause's start, what it does
after it, a time or an adverb between (建华今天又没送货, 国华说今天送不到, 和平昨天来修的).
Said for its own sense it is not there (我一直诚信经营, 今天阳光很好, 世界和平, 和平路)."""

from __future__ import annotations

from reports.name_candidates import tagger
from reports.name_words import ADVERB_ACTS, DOES
from routing.segment import cut_spans

# What ends the clause before a subject, and the words a shop or a person is said after as
# where one goes or buys, whom one seeks, or what one heard of (在建华买的, 找和平来修,
# 听说兴隆缺货): what follows them is said of the name as of a subject.
_CLAUSE_BREAKS = tuple("，。、；：！？,.;:!? \n")
_WHERE_OR_WHOM = ("在", "去", "到", "从", "跟", "找", "问", "听说")
# ... and the day said first, which begins a clause as a comma does (昨天建华又没送货).
_DAY_FIRST = ("昨天", "今天", "前天", "上午", "下午", "早上", "晚上", "刚才")
# What may come between a subject and what it does: when (jieba tags 今天, 昨天 t; 这周 r)
# and how often (又, 也, 一直).
_WHEN = frozenset(
    ("这周", "本周", "上周", "这几天", "这两天", "最近", "这个月", "上个月", "每次", "一直",
     "又", "也", "还", "都", "总是", "老是", "经常", "已经", "就")
)  # fmt: skip
# What a shop does, or is, said by its name: it says, is over there, lacks, delivers,
# receives (宏达那边缺货了, 万家说没收到货, 福满多的货到了).
SHOP_ACTS = (
    "说", "讲", "那边", "这边", "那里", "这里", "那儿", "这儿", "缺", "断货", "没货",
    "没送", "没有送", "不送", "送", "没收到", "收到", "没到", "答应", "告诉", "打电话",
    "的货", "的烟", "进货", "要货", "订", "买", "拿货", "进烟",
)  # fmt: skip
# What a person does, said by their given name (和平昨天来修的, 和平说明天来).
PERSON_ACTS = (
    "来", "去", "修", "送", "答应", "打电话", "打了电话", "告诉", "帮", "让", "叫",
    "不在", "不接", "不回", *DOES, *ADVERB_ACTS,
)  # fmt: skip


def said_as_subject(plain: str, start: int, end: int, acts: tuple[str, ...]) -> bool:
    """Whether `plain[start:end]` (read in Simplified) is a word of its own beginning a
    clause or after where one goes or whom one seeks (`_WHERE_OR_WHOM`), and after it, past
    any time or adverb (`_WHEN`), comes one of `acts`."""
    if tagger().word_tag_tab.get(plain[start:end]) == "t" or plain[start:end] in _WHEN:
        return False  # 明天来修, 春节前来修过, 天天缺货: a time, whoever is called it
    before = plain[:start]
    if before and not before.endswith((*_CLAUSE_BREAKS, *_WHERE_OR_WHOM, *_DAY_FIRST)):
        return False
    spans = cut_spans(plain)
    if (start, end) not in spans and not _cut_at(spans, start, end):
        return False
    at, ends = end, dict(spans)
    while at < len(plain):
        if plain.startswith(acts, at):
            return True
        # Read by the list, not the cut: jieba parts 这|周 without its guesses.
        when = max((len(word) for word in _WHEN if plain.startswith(word, at)), default=0)
        word_end = ends.get(at, at)
        if when:
            at += when
        elif tagger().word_tag_tab.get(plain[at:word_end]) == "t":
            at = word_end
        else:
            return False
    return False


def _cut_at(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether jieba's cut parts words where the name begins and ends."""
    starts = {each for each, _ in spans}
    ends = {each for _, each in spans}
    return start in starts and end in ends
