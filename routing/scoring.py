"""Keyword tables compiled into one matcher, and the per-line scores of a cut text.

A line's score is the sum, over its matched words, of weight x (1 + ln count): the first
occurrence counts fully, repeats add less (a long letter that says 工资 six times is not six
times more about wages). Negative words subtract the same way. Synonym variants count as
their canonical word, so the explanation shows the word a supervisor wrote in the table.

A term written "a+b" is a conjunction: it matches when every part occurs anywhere in the
text ("风机+坏" finds 风机好像坏了 and 风机又坏了). Emergencies are described this way
because farmers put any words between the machine and what is wrong with it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from core.config import KeywordTable, RoutingSettings
from core.word_groups import expand
from routing.matcher import TermMatcher
from routing.segment import common_word


class Channel(IntEnum):
    """What a matched term is evidence of."""

    LINE = 0
    NEGATIVE = 1
    EMERGENCY = 2
    DISASTER = 3
    COMPLAINT = 4
    SUGGESTION = 5
    WISH = 6
    PRAISE = 7


@dataclass(frozen=True, slots=True)
class Entry:
    channel: Channel
    line: str  # "" for the channels that are not about a line
    canonical: str
    weight: float


# line -> word -> the longer words of that line that hold it (收购 -> 收购站, 收购+压级).
Holders = Mapping[str, Mapping[str, tuple[str, ...]]]


@dataclass(slots=True)
class Evidence:
    """What one text matched: per-line scores and words, and the urgency/kind signals."""

    scores: dict[str, float] = field(default_factory=dict)
    # line -> canonical word -> [count, score contribution]
    words: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    signals: dict[Channel, dict[str, float]] = field(default_factory=dict)
    emergency_boost: float = 0.0  # what emergency words added to the 110 line's score
    # emergency word -> [count, score] it added to the 110 line's words
    boosted: dict[str, list[float]] = field(default_factory=dict)
    # Emergency terms set aside for another fault (不是停电，是…): a fault all the same.
    contrasted: list[str] = field(default_factory=list)
    # (line, word, [count, score], the longer word that held it), for `drop_emergency` to
    # give back a word only an emergency held (风机 of 风机+坏).
    subsumed: list[tuple[str, str, list[float], str]] = field(default_factory=list)
    # line -> the parts of each negative conjunction matched for it (烟站, 到账, 化肥钱).
    taken_back: dict[str, list[frozenset[str]]] = field(default_factory=dict)

    def add(self, line: str, word: str, count: int, score: float) -> None:
        self.scores[line] = self.scores.get(line, 0.0) + score
        if score > 0:
            slot = self.words.setdefault(line, {}).setdefault(word, [0.0, 0.0])
            slot[0] += count
            slot[1] += score

    def drop_subsumed(self, holders: Holders) -> None:
        """Within one line, a word inside a longer matched word of that line (收购 in
        收购站) does not count again: one mention is one piece of evidence."""
        for line, words in self.words.items():
            inside = holders.get(line)
            if len(words) < 2 or not inside:
                continue
            for word in [w for w in words if w in inside]:
                count = words[word][0]
                for other in inside[word]:
                    if (
                        other in words
                        and words[other][0] >= count
                        and not self._cancelled(line, other)
                    ):
                        slot = words.pop(word)
                        self.scores[line] -= slot[1]
                        self.subsumed.append((line, word, slot, other))
                        break

    def _cancelled(self, line: str, word: str) -> bool:
        """Whether a negative conjunction of `line` holding all the parts of the conjunction
        `word` was matched: it takes back `word`'s points (烟站+到账 beside 化肥钱, money the
        farmer owes), so what `word` held (到账) counts as it would without it, no less."""
        if "+" not in word:
            return False
        parts = frozenset(word.split("+"))
        return any(parts <= negative for negative in self.taken_back.get(line, ()))

    def hand_over(self, word: str, source: str, line: str) -> None:
        """`word`, counted for `source`, counts for `line` instead, as much: what it means
        depends on who says it (a retailer's 烟款 is his shop's, not the leaf's)."""
        count, score = self.words[source].pop(word)
        self.scores[source] -= score
        if not self.words[source]:
            del self.words[source]
        self.add(line, word, int(count), score)

    def drop_emergency(
        self, line: str, keep: Iterable[str] = (), *, give_back: bool = False
    ) -> None:
        """Forget the curing-emergency words: the signal, and what they added to `line`
        (the 110 line's) score and words. Those in `keep` (a fire, an electric shock: a
        danger anywhere) stay urgent, as a disaster word is, without the 110 line. With
        `give_back`, a word of the line's own that only an emergency held counts again:
        a past fault's 风机 (去年风机坏了…补贴什么时候发) still says whose question it is."""
        said = self.signals.pop(Channel.EMERGENCY, {})
        for word in keep:
            if word in said:
                self.signal(Channel.DISASTER, word, said[word])
        words = self.words.get(line, {})
        for word, (count, score) in self.boosted.items():
            slot = words.get(word)
            if slot is None:
                continue  # held by a longer word (`drop_subsumed`): its score went with it
            self.scores[line] -= score
            slot[0] -= count
            slot[1] -= score
            if slot[0] <= 0:
                del words[word]
        for held_line, word, held, holder in self.subsumed if give_back else ():
            if held_line == line and holder in self.boosted and holder not in words:
                words[word] = held
                self.scores[line] += held[1]
        if not words:
            self.words.pop(line, None)
        self.boosted.clear()
        self.emergency_boost = 0.0

    def drop_disasters(self, keep: Iterable[str] = ()) -> None:
        """Forget the disaster words but those in `keep` (a danger to people)."""
        said = self.signals.pop(Channel.DISASTER, {})
        kept = {word: weight for word, weight in said.items() if word in keep}
        if kept:
            self.signals[Channel.DISASTER] = kept

    def signal(self, channel: Channel, word: str, weight: float) -> None:
        found = self.signals.setdefault(channel, {})
        found[word] = max(found.get(word, 0.0), weight)

    def ranked(self) -> list[tuple[str, float]]:
        """The lines with positive evidence, the only ones that can win (usually one to
        three), best first. Of equal scores, the line with the strongest single word comes
        first (烤房 3 before 收购 1.5 + 站里 1.5: by the tables' scale a word of 3 alone says
        which line); equal in that too, the tables' order (a stable sort), and `tied` says
        so rather than that order."""
        positive = [item for item in self.scores.items() if item[1] > 0]
        return sorted(positive, key=lambda item: (-item[1], -self.strongest(item[0])))

    def strongest(self, line: str) -> float:
        """What the line's strongest single word added to its score."""
        return max((score for _count, score in self.words.get(line, {}).values()), default=0.0)


# Words that deny the term right after them (不是停电，是风机不转: no power cut).
# A hazard to prevent (防止煤气中毒, 预防火灾) is not one happening, as a denied one is not.
_NEGATIONS = frozenset(
    ("不是", "没有", "没", "并非", "并不是", "并没有", "沒有", "沒", "防止", "预防", "避免")
)
# In a complaint word's clause, what makes its negation a demand (没有红包就不给定等级, 没红包
# 根本不给定级) or a question (这不是刁难人吗), not a denial.
_CONDITION = frozenset(("就", "才", "的话", "不给", "不让", "根本", "吗", "么"))
# A sentence's end: the demand may follow a comma (没有红包，等级就往下压).
_CLAUSE_END = frozenset("。.！!？?；;")


def _asks_or_demands(tokens: list[str], at: int) -> bool:
    """Whether the sentence after tokens[at] makes its negation a demand or a question."""
    for token in tokens[at + 1 :]:
        if token in _CLAUSE_END:
            return False
        if token in _CONDITION:
            return True
    return False


# Right before a term cut into several tokens (不|看|关系, 没有|故意|为难), or, before a
# complaint, made of the two tokens before it (从来没|有|故意|为难): jieba cuts 不 apart,
# where a term of one token has it joined (不转).
_NEGATIONS_BEFORE = _NEGATIONS | frozenset(("不", "从不", "从来不", "从来没", "从来没有", "从没"))
# What denies a complaint only (我不想白拿): a fault is not refused (风机不能转了), and a plea
# (送货员不要故意为难我们, 希望客户经理不要吃拿卡要) is still a complaint.
_REFUSALS = frozenset(("不想",))
# What makes a clause a question (促销品能白拿吗, 卸货能不能走后门): a particle as a token of
# its own (么 inside 什么 or 怎么 is none), a choice in any cut (jieba cuts 能|不能).
_ASKING = frozenset(("吗", "么"))
_ASKING_CHOICES = ("能不能", "可不可以", "行不行")
# Where a clause ends, for a question: a comma too (白拿我两条烟，这合理吗 is no question of 白拿).
_CLAUSE_BREAK = _CLAUSE_END | frozenset("，,、")


def _clause_sides(tokens: list[str], start: int, end: int) -> tuple[list[str], list[str]]:
    """The tokens of the clause holding tokens[start:end] before the term and after it."""
    before = start
    while before > 0 and tokens[before - 1] not in _CLAUSE_BREAK:
        before -= 1
    after = end
    while after < len(tokens) and tokens[after] not in _CLAUSE_BREAK:
        after += 1
    return tokens[before:start], tokens[end:after]


# Words an accusing word is part of, and accuses nobody in: 没关系 (never mind), 有人问 or
# 有人说 (someone asked or said: reported words).
_NOT_ACCUSING = re.compile(r"没关系|有人[问说]")


# Those that set a thing aside for another (不是停电，是风机皮带断了), rather than deny a fault.
_CONTRASTS = frozenset(("不是", "并非", "并不是"))
# Said between a thing and what befell it (手机快没电了, 电瓶车又没电了, 我的手机也没有电了).
_IN_BETWEEN = frozenset(("快", "又", "也", "都", "已经", "就", "还", "老是", "总是", "经常", "要"))
# The longest run of tokens an emergency word is cut into (没有|电, 电|没|了).
_TERM_TOKENS = 3

# A two-part (or longer) keyword: its place in the tables, its parts, what it is evidence of.
_Conjunction = tuple[int, tuple[str, ...], tuple[Entry, ...]]


class CompiledTables:
    """All terms of all tables and of the routing signals, behind one TermMatcher."""

    def __init__(
        self,
        tables: Mapping[str, KeywordTable],
        settings: RoutingSettings,
        *,
        emergency_line: str | None = None,
    ) -> None:
        self.lines: tuple[str, ...] = tuple(tables)
        self.emergency_line = emergency_line
        entries: dict[str, list[Entry]] = {}

        conjunctions: dict[tuple[str, ...], list[Entry]] = {}

        def put_one(term: str, entry: Entry) -> None:
            term = term.strip().lower()
            parts = tuple(p.strip() for p in term.split("+") if p.strip())
            if len(parts) > 1:
                conjunctions.setdefault(parts, []).append(entry)
            elif parts:
                entries.setdefault(parts[0], []).append(entry)

        groups = settings.word_groups

        def put(term: str, channel: Channel, line: str, weight: float) -> None:
            # 骂我+<职员> is one term per word of the group, each its own canonical word,
            # so the explanation names the role written (骂我+收购员).
            for one in expand(term, groups):
                put_one(one, Entry(channel, line, one, weight))

        aliases: dict[str, str] = {}  # variant -> canonical, of every table
        for line, table in tables.items():
            for word, weight in table.words.items():
                put(word, Channel.LINE, line, weight)
            for canonical, variants in table.synonyms.items():
                # A variant counts as its word does in this table: for the line, against it,
                # or only as a conjunction's part (骂我 of 骂我+<职员>: 儿子吼我 is nobody's).
                counts_as = [
                    Entry(channel, line, canonical, weighted[canonical])
                    for channel, weighted in (
                        (Channel.LINE, table.words),
                        (Channel.NEGATIVE, table.negative),
                    )
                    if canonical in weighted
                ]
                for variant in variants:
                    for entry in counts_as:
                        put_one(variant, entry)
                    aliases.setdefault(variant.strip().lower(), canonical.strip().lower())
            for word, weight in table.negative.items():
                put(word, Channel.NEGATIVE, line, weight)
        for channel, words in (
            (Channel.EMERGENCY, settings.emergency_words),
            (Channel.DISASTER, settings.disaster_words),
            (Channel.COMPLAINT, settings.complaint_words),
            (Channel.SUGGESTION, settings.suggestion_words),
            (Channel.WISH, settings.wish_words),
            (Channel.PRAISE, settings.praise_words),
        ):
            for word, weight in words.items():
                put(word, channel, "", weight)
        # A variant is the word it stands for in the signals too (炕房 for 烤房, 风鸡 for
        # 风机): a plain signal word's entries are the variant's as well.
        for variant, canonical in aliases.items():
            signals = [e for e in entries.get(canonical, ()) if e.channel > Channel.NEGATIVE]
            if signals and variant != canonical:
                entries.setdefault(variant, []).extend(signals)
        self._entries = {term: tuple(found) for term, found in entries.items()}
        denials = (Channel.EMERGENCY, Channel.DISASTER, Channel.COMPLAINT)
        self._deniable = frozenset(
            term
            for term, found in self._entries.items()
            if len(term) > 1 and any(e.channel in denials for e in found)
        )
        # word -> the words that, in its clause, give it its everyday sense
        self._everyday = {
            word.strip().lower(): tuple(w.strip().lower() for w in beside)
            for word, beside in settings.everyday_conduct_words.items()
        }
        self._accusing = tuple(w.strip().lower() for w in settings.accusing_words)
        self._longest = max((len(t) for t in self._deniable), default=0)
        self._demanded, self._alarming = (
            frozenset(t for t, found in self._entries.items() if any(e.channel is c for e in found))
            for c in (Channel.COMPLAINT, Channel.EMERGENCY)
        )
        # A battery run down or an engine stalled (手机没电了, 三轮车熄火了) is the thing's, not
        # the barn's; any other emergency said beside one (打了电话停电了) is still the barn's.
        self._troubles_of: dict[str, frozenset[str]] = {}  # a thing -> its troubles
        for trouble, things in settings.personal_troubles.items():
            for thing in (t.strip().lower() for t in things):
                held = self._troubles_of.get(thing, frozenset())
                self._troubles_of[thing] = held | {trouble.strip().lower()}
        # A term inside another term that stands for the same word of the same line (许可,
        # a variant of 许可证, inside 许可证 or 烟草许可证): one mention counts once.
        meaning = {
            term: {(e.line, e.canonical) for e in found if e.channel is Channel.LINE}
            for term, found in self._entries.items()
        }
        # Only the terms of a shared sense are compared, not every pair: word groups give
        # thousands of terms (<职员><喝醉>), each its own word, and all pairs took seconds.
        order = {term: i for i, term in enumerate(meaning)}
        of_sense: dict[tuple[str, str], list[str]] = {}
        for term, senses in meaning.items():
            for sense in senses:
                of_sense.setdefault(sense, []).append(term)
        self._held_by: dict[str, tuple[str, ...]] = {}
        for term, senses in meaning.items():
            alike = {other for sense in senses for other in of_sense[sense]}
            holders_ = tuple(
                sorted((o for o in alike if o != term and term in o), key=order.__getitem__)
            )
            if holders_:
                self._held_by[term] = holders_
        # Conjunctions are checked only when their first two parts were found: usually none.
        # By both, not the first alone: word groups give one first part thousands of
        # conjunctions (技术员 beside every misdeed), and a text holds a handful of the parts.
        # Each keeps its place in the tables, the order they are tried in.
        self._conjunctions: dict[str, dict[str, list[_Conjunction]]] = {}
        for place, (parts, found) in enumerate(conjunctions.items()):
            second = parts[1] if len(parts) > 1 else parts[0]
            by_second = self._conjunctions.setdefault(parts[0], {})
            by_second.setdefault(second, []).append((place, parts, tuple(found)))
        every_part = {part for parts in conjunctions for part in parts}
        # ... and a conjunction's part: 风鸡不转了 is 风机+不转.
        self._part_aliases = {v: c for v, c in aliases.items() if c in every_part and v != c}
        self.matcher = TermMatcher(set(self._entries) | every_part | set(self._part_aliases))
        # A one-character part (坏 of 风机+坏) is found inside a longer word too: jieba cuts
        # 风机又坏了 as 风机|又坏了, and "anywhere in the text" is what a conjunction means.
        # Not inside an everyday word, whose meaning is its own (响 in 影响, 停 in 暂停 or
        # 不停), nor inside a term (停 in 停电). Plain one-character words keep to whole tokens.
        self._loose_parts = frozenset(part for part in every_part if len(part) == 1)
        every_entry = [e for found in (*entries.values(), *conjunctions.values()) for e in found]
        self._holders = holders(every_entry, emergency_line)

    def evidence(self, tokens: list[str]) -> Evidence:
        found = Evidence(scores=dict.fromkeys(self.lines, 0.0))
        tokens = self._of_no_barn(self._unnegated(tokens, found))
        counts = self.matcher.count(tokens)
        for term, count in counts.items():
            entries = self._entries.get(term)
            if entries is None:
                continue  # only a part of a conjunction
            held = sum(counts.get(other, 0) for other in self._held_by.get(term, ()))
            if held >= count:
                # Every mention was inside a longer term of the same meaning: its other
                # senses (a signal, another line's word) still count.
                entries = tuple(e for e in entries if e.channel is not Channel.LINE)
                if not entries:
                    continue
            else:
                count -= held
            self._apply(found, entries, count)
        if self._conjunctions:
            parts_found = self._with_aliases(self._with_loose_parts(tokens, counts), counts)
            # In the text's order, not a set's: equal scores then list their words alike in
            # every process (a set's order changes with the interpreter's hash seed).
            matched: list[tuple[tuple[str, ...], tuple[Entry, ...], int]] = []
            for first in [part for part in parts_found if part in self._conjunctions]:
                by_second = self._conjunctions[first]
                tried = sorted(
                    (c for second in parts_found for c in by_second.get(second, ())),
                    key=lambda c: c[0],
                )
                for _place, parts, conjunction in tried:
                    times = min(parts_found.get(part, 0) for part in parts)
                    if times:
                        matched.append((parts, conjunction, times))
            self._apply_conjunctions(found, matched, parts_found)
        found.drop_subsumed(self._holders)
        return found

    def _apply_conjunctions(
        self,
        found: Evidence,
        matched: list[tuple[tuple[str, ...], tuple[Entry, ...], int]],
        parts_found: Mapping[str, int],
    ) -> None:
        """The conjunctions found, each mention of a part feeding one conjunction of a line
        at most, the strongest first: 我订的是玉溪、中华、黄鹤楼、利群 is one 订 with four brands,
        one order (订+玉溪), not four; the other brands count as the words they are. So for
        a line's negative conjunctions: 烟站的烟款还没到账，我欠烟站的化肥钱 takes back the
        one 烟站+到账 once, not once by 欠烟站 and again by 化肥钱. The signals (an emergency,
        a complaint) are not spent so: each says what it says."""
        spent: dict[tuple[str, str], int] = {}  # (channel and line, part) -> mentions used
        by_weight = sorted(
            ((parts, entry, times) for parts, entries, times in matched for entry in entries),
            key=lambda item: -item[1].weight,
        )  # a stable sort: equal weights keep the text's order
        for parts, entry, times in by_weight:
            if entry.channel in (Channel.LINE, Channel.NEGATIVE):
                key = entry.channel.name + entry.line
                left = min(parts_found.get(p, 0) - spent.get((key, p), 0) for p in parts)
                times = min(times, left)
                if times <= 0:
                    continue
                for part in parts:
                    spent[(key, part)] = spent.get((key, part), 0) + times
            if entry.channel is Channel.NEGATIVE:
                found.taken_back.setdefault(entry.line, []).append(frozenset(parts))
            self._apply(found, (entry,), times)

    def _unnegated(self, tokens: list[str], found: Evidence) -> list[str]:
        """`tokens` without the emergencies and complaints said not to be (不是停电, 没停电,
        从来没有吃拿卡要, 定级员不看关系, 没有故意为难我): a term of two characters or more,
        a whole token right after a negation, or a run of tokens right after one (`_denied`),
        or a complaint right after a negation of anyone (没有人走后门) or a refusal (我不想
        白拿). Shorter ones stay (没|电 is 没电, 不|转 is 不转), as
        do terms a negation only comes near (没人收|红包), a service's own words (没送到 is the
        delivery's very problem) and a demand complained about (没有红包就不给定等级). A
        complaint word of everyday sense asked about (促销品能白拿吗) or beside a word giving
        it that sense (卸烟走后门方便) accuses nobody either.
        An emergency set aside for another fault (不是停电，是…) is noted in
        `found.contrasted`."""
        kept = tokens
        for i in range(1, len(tokens)):
            token, end = self._deniable_at(tokens, i)
            if not token:
                continue
            demanded = token in self._demanded
            everyday = self._everyday_sense(token, tokens, i, end)
            if not everyday and not self._denied(tokens, i, end, demanded):
                continue
            if not everyday and demanded and _asks_or_demands(tokens, end - 1):
                continue
            kept = list(tokens) if kept is tokens else kept
            kept[i:end] = [""] * (end - i)  # matches nothing, and parts no neighbours into a term
            if tokens[i - 1] in _CONTRASTS and token in self._alarming:
                found.contrasted.append(token)
        return kept

    def _deniable_at(self, tokens: list[str], i: int) -> tuple[str, int]:
        """The deniable term starting at tokens[i], whole or a run of tokens (故意|为难),
        and where it ends; ("", i) when there is none."""
        span = ""
        for end in range(i, len(tokens)):
            span += tokens[end]
            if len(span) > self._longest:
                break
            if span in self._deniable:
                return span, end + 1
        return "", i

    def _everyday_sense(self, token: str, tokens: list[str], i: int, end: int) -> bool:
        """Whether a complaint word of everyday sense means it here: asked about in its
        clause (促销品能白拿吗) or beside a word that gives it that sense (卸烟走后门方便), and
        with no one said to do it nor connections in that clause (收购站有人走后门卸货)."""
        beside = self._everyday.get(token)
        if beside is None:
            return False
        ahead, behind = _clause_sides(tokens, i, end)
        said = "".join(ahead + behind)
        asked = not _ASKING.isdisjoint(ahead + behind) or any(
            choice in said for choice in _ASKING_CHOICES
        )
        # Someone doing it or connections before the word accuse, asked or not (收购站有人
        # 走后门卸货, 托关系走后门插队卸货有人管吗); after it, only said plainly (卸货走后门
        # 有人开门吗 asks for a door to be opened).
        accused = _NOT_ACCUSING.sub("", "".join(ahead))
        if not asked:
            accused += _NOT_ACCUSING.sub("", "".join(behind))
        if any(word in accused for word in self._accusing):
            return False
        return asked or any(word in said for word in beside)

    def _denied(self, tokens: list[str], i: int, end: int, demanded: bool) -> bool:
        """Whether a negation says the term at tokens[i:end] is not so."""
        before = tokens[i - 1]
        if before in _NEGATIONS or (demanded and before in _REFUSALS):
            return True
        # 没有人走后门, 没人吃拿卡要: nobody did it, as 没有吃拿卡要 says.
        if demanded and i > 1 and before == "人" and tokens[i - 2] in _NEGATIONS:
            return True
        if end - i < 2:
            return False
        # A term cut apart: a negation right before it (烤房不|漏|烟了, 不|看|关系), not one of
        # another word before it (不|小心|火|灭了, 定级员不公平看关系, 送货员不送货故意为难我).
        if before in _NEGATIONS_BEFORE:
            return True
        # A complaint's negation may be cut in two itself (从来没|有|故意|为难).
        return demanded and "".join(tokens[max(0, i - 2) : i]) in _NEGATIONS_BEFORE

    def _of_no_barn(self, tokens: list[str]) -> list[str]:
        """`tokens` without the troubles of a thing of one's own said right after it
        (手机|快|没|电|了, 充电|宝|没|电, 三轮车|熄火): its own, not the barn's."""
        if not self._troubles_of:
            return tokens
        kept = tokens
        for i in range(len(tokens)):
            troubles = self._troubles_of.get(tokens[i]) or (
                self._troubles_of.get(tokens[i - 1] + tokens[i]) if i > 0 else None
            )  # 手机, or a thing cut in two (充电|宝)
            if not troubles:
                continue
            start = i + 1
            while start < len(tokens) and tokens[start] in _IN_BETWEEN:
                start += 1
            span = ""
            for end in range(start, min(start + _TERM_TOKENS, len(tokens))):
                span += tokens[end]
                if span in troubles:
                    kept = list(tokens) if kept is tokens else kept
                    kept[start : end + 1] = [""] * (end + 1 - start)
                    break
        return kept

    def _with_aliases(self, parts: dict[str, int], counts: dict[str, int]) -> dict[str, int]:
        """`parts`, with each synonym variant found counted as the part it stands for."""
        found = parts
        aliases = self._part_aliases
        for variant, times in counts.items():  # the few terms found, not every alias
            canonical = aliases.get(variant)
            if canonical is not None:
                found = dict(parts) if found is parts else found
                found[canonical] = found.get(canonical, 0) + times
        return found

    def _with_loose_parts(self, tokens: list[str], counts: dict[str, int]) -> dict[str, int]:
        """`counts`, plus the one-character conjunction parts inside longer tokens."""
        loose = self._loose_parts
        if not loose:
            return counts
        found = counts
        for token in tokens:
            # The dictionary is asked only about a token holding such a part: most hold none.
            # A token that is a term of its own says that, not its parts: 停电 is no 风机+停
            # in 烤房没有停电，风机也正常.
            if (
                len(token) > 1
                and token not in counts
                and not loose.isdisjoint(token)
                and not common_word(token)
            ):
                found = dict(counts) if found is counts else found
                for char in token:
                    if char in loose:
                        found[char] = found.get(char, 0) + 1
        return found

    def _apply(self, found: Evidence, entries: tuple[Entry, ...], count: int) -> None:
        damp = 1.0 + math.log(count) if count > 1 else 1.0
        for entry in entries:
            if entry.channel is Channel.LINE:
                found.add(entry.line, entry.canonical, count, entry.weight * damp)
            elif entry.channel is Channel.NEGATIVE:
                found.add(entry.line, entry.canonical, count, -entry.weight * damp)
            else:
                found.signal(entry.channel, entry.canonical, entry.weight)
                # A curing emergency is also evidence for the 110 line itself.
                if entry.channel is Channel.EMERGENCY and self.emergency_line in found.scores:
                    found.add(self.emergency_line, entry.canonical, 1, entry.weight)
                    found.emergency_boost += entry.weight
                    added = found.boosted.setdefault(entry.canonical, [0.0, 0.0])
                    added[0] += 1
                    added[1] += entry.weight


def holders(entries: Iterable[Entry], emergency_line: str | None) -> Holders:
    """Which words of a line hold which others, worked out once for all texts: the
    words each line can be credited with are those of its entries, and the emergency
    words for the 110 line. Only the words that some longer word holds are keys."""
    credited: dict[str, dict[str, None]] = {}  # line -> its words, in the tables' order
    for entry in entries:
        line = emergency_line if entry.channel is Channel.EMERGENCY else entry.line
        if line:
            credited.setdefault(line, {})[entry.canonical] = None
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for line, words in credited.items():
        held = _held_by(words)
        for word in words:
            longer = held.get(word)
            if longer and "+" not in word:  # a conjunction (风机+坏) always counts
                found.setdefault(line, {})[word] = tuple(longer)
    return found


def _held_by(words: Iterable[str]) -> dict[str, list[str]]:
    """plain word -> the words that hold it (a proper part of each), in `words`' order.
    By the pieces of each word, not every pair of words: word groups expand one term into
    thousands (骂我+<职员>), and comparing each word with all the others took seconds."""
    ordered = list(words)
    plain = {word for word in ordered if "+" not in word}
    sizes = sorted({len(word) for word in plain})
    # The plain words inside each part (a piece across a "+" is no plain word); the parts
    # repeat across a group's expansion (收购员 in every 骂我+收购员, 拿+走+收购员 …).
    inside: dict[str, frozenset[str]] = {}
    held: dict[str, list[str]] = {}
    for other in ordered:
        found: set[str] = set()
        for part in other.split("+"):
            if part not in inside:
                inside[part] = frozenset(
                    piece
                    for size in sizes
                    if size <= len(part)
                    for start in range(len(part) - size + 1)
                    if (piece := part[start : start + size]) in plain
                )
            found |= inside[part]
        for piece in found:
            if len(piece) < len(other):  # a proper part: a word does not hold itself
                held.setdefault(piece, []).append(other)
    return held


def tied(ranked: list[tuple[str, float]]) -> bool:
    """Whether the best two lines of `ranked` score the same: nothing in the words tells
    them apart, and neither is the answer."""
    return len(ranked) > 1 and math.isclose(ranked[0][1], ranked[1][1], abs_tol=1e-9)


def softmax_confidence(scores: list[float]) -> float:
    """The best line's share of exp(score) over all lines.

    Scores are sums of log-odds-like weights, so this reads as "how sure": one strong word
    (weight 3) against nothing else among eight lines gives 0.74, two close lines about 0.4.
    """
    if not scores:
        return 0.0
    top = max(scores)
    total = sum([math.exp(s - top) for s in scores])
    return 1.0 / total
