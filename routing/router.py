"""The keyword router: normalise, cut, score each service line, decide, explain.

Rules that outrank the scores, because their misses cost most:
- any curing-emergency word (停电, 风机不转, 掉温 ...) or disaster word (冰雹, 洪水 ...) makes
  the request urgent, whatever line wins; but a disaster said to be days or more ago, and not
  now (去年的冰雹灾害补偿到账没有: `routing.when`), is what the request is about, no emergency;
  so is any danger said so whose loss is asked about or told (上周烤房着火那个事，保险公司赔了
  没有, 去年烤房停电损失不小);
- a curing emergency goes to the 110 line unless another service line clearly wins on its own
  words (a retailer's 店里停电 about the ordering system), and never to triage;
- from a requester with no barn (a retailer, a staff member) the emergency words count only
  beside the 110 line's own words (烤房停电了): their 停电 alone is their shop's;
- a complaint about staff (吃拿卡要, 态度恶劣, 骂人) goes to the oversight line (作风监督)
  once its words there reach `routing.oversight_min`, even when the domain words of the
  team complained about score higher: no team investigates a complaint about itself.
  For the same reason a complaint that names the oversight team itself (its `own_words`,
  纪检 or 监督员, or one of its teams' names) beside misconduct words goes to the triage
  desk instead, whichever line its other words would win (but a curing emergency).
Below the confidence threshold a request goes to the triage line with the top two
candidates in the explanation, so a supervisor dispatches it by hand.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from functools import partial

from core.config import Config, KeywordTable
from core.enums import Kind, Requester, Script
from routing.decision import (
    Decision,
    explain,
    explain_overseer_named,
    explain_triage,
    kind_filed,
)
from routing.scoring import Channel, CompiledTables, Evidence, softmax_confidence, tied
from routing.segment import cut
from routing.text import CJK, as_account_words, clean, script_of, to_simplified
from routing.when import past_loss

_CACHE_SIZE = 8
_cache: dict[int, tuple[Config, Router]] = {}
_cache_lock = threading.Lock()


class Router:
    """Routes request texts for one config; build once, call `route` from any thread."""

    def __init__(self, cfg: Config, keywords: Mapping[str, KeywordTable] | None = None) -> None:
        self.cfg = cfg
        self.settings = cfg.routing
        triage = cfg.triage_line()
        emergency = cfg.emergency_line()
        oversight = cfg.oversight_line()
        self.triage_line = triage.id if triage else "triage"
        self.emergency_line = emergency.id if emergency else None
        self.oversight_line = oversight.id if oversight else None
        tables = dict(cfg.keywords if keywords is None else keywords)
        tables.pop(self.triage_line, None)  # triage is where doubt goes, never a winner
        self.tables = CompiledTables(tables, self.settings, emergency_line=self.emergency_line)
        self._names = {line.id: line.name for line in cfg.service_lines}
        self._area_names = _area_names(cfg)
        self._teams: dict[tuple[str, str | None], str] = {}  # (line, area) -> team id
        self._threshold = self.settings.threshold
        self._min_score = self.settings.min_score
        self._oversight_min = max(self.settings.oversight_min, self._min_score)
        self._overseer_names = _overseer_names(cfg, oversight.id if oversight else None)
        self._neutral_conduct = frozenset(
            to_simplified(w) for w in self.settings.neutral_conduct_words
        )
        self._said_by = {
            requester: {to_simplified(word): line for word, line in words.items()}
            for requester, words in self.settings.said_by.items()
        }
        # line -> word -> the synonyms counted as it, longest first: 卖烟款 and 烟叶款 name
        # the leaf, though 烟款 is inside them.
        self._variants = {
            line: {
                to_simplified(word.strip().lower()): sorted(
                    (to_simplified(v.strip().lower()) for v in variants), key=len, reverse=True
                )
                for word, variants in table.synonyms.items()
            }
            for line, table in tables.items()
        }

    @classmethod
    def from_config(cls, cfg: Config) -> Router:
        """The router of `cfg`, built on the first call for that config object."""
        with _cache_lock:
            hit = _cache.get(id(cfg))
            if hit is not None and hit[0] is cfg:
                return hit[1]
            router = cls(cfg)
            if len(_cache) >= _CACHE_SIZE:
                _cache.pop(next(iter(_cache)))
            _cache[id(cfg)] = (cfg, router)
            return router

    def name(self, line: str) -> str:
        return self._names.get(line, line)

    def route(
        self,
        text: str,
        *,
        area: str | None = None,
        site: str | None = None,
        barn: bool = True,
        alarm: bool = True,
        requester: Requester | None = None,
    ) -> Decision:
        """Where `text` goes. `barn=False` for a requester with no curing barn (a retailer, a
        staff member): their 停电 is their shop's or office's, so curing-emergency words
        count only beside the 110 line's own words (烤房, 烘烤 …); a danger word (着火) is
        still urgent, as a disaster is. `alarm=False` for words filed as a complaint or a
        suggestion: their 停电 or 冰雹 is the failure they are about, past, or how a call
        went ("投诉…烤房停电打110一直没人接"), not a barn failing now; only a danger to people
        (着火, 触电) still makes them urgent. `requester`, the kind of person writing, when
        known: the words `routing.said_by` lists for that kind count for the line it names
        (a retailer's 烟款 is what his shop pays for the cigarettes it orders, not what the
        station pays a farmer for his leaf)."""
        cleaned = clean(text)
        simplified = to_simplified(cleaned)
        script = script_of(cleaned, simplified) if CJK.search(cleaned) else None
        normalized = as_account_words(simplified)
        evidence = self.tables.evidence(cut(normalized)) if normalized else Evidence()
        if requester is not None:
            said = self._said_by.get(requester, {})
            self._hear_as_said_by(evidence, normalized, said, self._variants)
        danger = self.settings.danger_words
        if not alarm:
            evidence.drop_emergency(self.emergency_line or "", keep=danger)
            evidence.drop_disasters(keep=danger)
        elif not barn and evidence.emergency_boost and self.emergency_line is not None:
            line = self.emergency_line
            if evidence.scores.get(line, 0.0) - evidence.emergency_boost <= 0:
                evidence.drop_emergency(line, keep=danger)
        settled = past_loss(normalized)
        if settled:
            # 上周烤房着火那个事，保险公司赔了没有: the fire is over, its loss is asked about. A
            # danger too: nobody is in it now. 上周修好的风机又坏了 and 刚才烤房冒烟了 are now.
            evidence.drop_emergency(self.emergency_line or "", give_back=True)
            evidence.drop_disasters()
        # A past word alone does not make a disaster past: 刚才下冰雹了…去年也是这样, 上个月刚栽
        # 的烟苗，昨晚被冰雹全打了 and 前天开始一直下暴雨 are happening as they write; only its
        # loss asked about (above) is settled.
        area = self._area(area, site, normalized)
        return self._decide(evidence, text, normalized, script, area, barn=barn, settled=settled)

    @staticmethod
    def _hear_as_said_by(
        ev: Evidence,
        normalized: str,
        said: Mapping[str, str],
        variants: Mapping[str, Mapping[str, list[str]]],
    ) -> None:
        """The words `said` (`routing.said_by` of the requester's kind) count for the line
        it names, when they are all a line has: beside another word of that line (收购的烟款
        还没到账) they are in its sense, and where the line's negative words took them back
        they are no line's. Only as written: a synonym counted as one (烟叶款, 卖烟款 for
        烟款) names the leaf, a word of the line's own, though the word is inside it."""
        if not said:
            return
        for line, words in list(ev.words.items()):
            if ev.scores.get(line, 0.0) <= 0:
                continue
            heard = [
                w
                for w in words
                if said.get(w, line) != line
                and _said_as_written(w, normalized, variants.get(line, {}).get(w, ()))
            ]
            if heard and len(heard) == len(words):
                for word in heard:
                    ev.hand_over(word, line, said[word])

    def _area(self, area: str | None, site: str | None, normalized: str) -> str | None:
        if area is not None:
            return area
        if site is not None:
            found = self.cfg.site(site)
            if found is not None:
                return found.area
        # Last resort: a place named in the text ("白石这边烤房停电了").
        for name, named in self._area_names:
            if name in normalized:
                return named
        return None

    def _team(self, line: str, area: str | None) -> str:
        key = (line, area)
        team = self._teams.get(key)
        if team is None:
            if line in self._names:
                team = self.cfg.team_for(line, area).id
            else:
                # A line from a learned table that this config does not have: a human
                # dispatches it.
                team = self.cfg.team_for(self.triage_line, area).id
            if len(self._teams) < 4096:  # areas come from outside: keep the cache bounded
                self._teams[key] = team
        return team

    def _decide(
        self,
        ev: Evidence,
        original: str,
        normalized: str,
        script: Script | None,
        area: str | None,
        *,
        barn: bool = True,
        settled: bool = False,
    ) -> Decision:
        if ev.emergency_boost and self.emergency_line in ev.scores:
            _discount_stray_emergency(ev, self.emergency_line or "", self._min_score)
        ranked = ev.ranked()
        best, best_score = ranked[0] if ranked else (None, 0.0)
        enough = best is not None and best_score >= self._min_score
        # A line its negative words took below nothing is as unlikely as one with no words:
        # a word taken back twice (转让 beside a quota and a contract) lifts no other line.
        softmax = softmax_confidence([max(s, 0.0) for s in ev.scores.values()]) if ranked else 0.0
        confidence = softmax if enough else 0.0
        # Two lines scoring the same (6 each at 烤房和收购点，烘烤和交售) are a guess either
        # way, however high: a person chooses, not the tables' order.
        even = tied(ranked)
        sure = enough and confidence >= self._threshold and not even
        emergency_words = ev.signals.get(Channel.EMERGENCY, {})
        urgent_words = [*emergency_words, *ev.signals.get(Channel.DISASTER, {})]
        emergency = bool(emergency_words) and self.emergency_line is not None
        if emergency and sure and best not in (self.emergency_line, self.oversight_line):
            emergency = False  # another line clearly wins: urgent, but not a barn on fire
        kind, kind_words = _kind(ev, emergency)
        urgent = bool(urgent_words)
        candidates = tuple(ranked[:2])
        triage = False
        overseen = None  # the line whose staff the request is about, when oversight takes it
        if emergency:
            line = self.emergency_line or ""
            confidence = max(confidence, softmax)
        elif self._oversees(ev) and best is not None:
            line = self.oversight_line or ""
            # The line whose staff it is about scores as much or more on its domain words
            # (投诉客户经理强行搭配滞销烟: 5 each), whichever of a tie is ranked first.
            rival = next((other for other, _score in ranked if other != line), None)
            if rival is not None and ev.scores[rival] >= ev.scores[line]:
                overseen = rival
                confidence = softmax_confidence([ev.scores[line], ev.scores[rival]])
        elif sure and best is not None:
            line = best
        else:
            line, triage = self.triage_line, True
        # Wherever its other words would take it: another line's complaints are copied to
        # the oversight team, which would read one about itself. A barn failing now stays 110's.
        named = () if emergency else self._overseer_named_in(normalized, line)
        if named:
            # About the oversight team's own people: a supervisor dispatches it, and it is
            # a complaint whatever its words, as any request the oversight line takes is.
            line, triage, kind = self.triage_line, True, Kind.COMPLAINT
            # Nor is the oversight team offered to the desk as a one-press 派给.
            candidates = tuple((c, v) for c, v in ranked if c != self.oversight_line)[:2]
        heard_as_complaint = line == self.oversight_line and not triage
        # Nor is a fault whose loss is asked about (去年风机坏了…补贴什么时候发) failing now.
        quiet = emergency or not barn or settled
        suspect = () if quiet else self._suspect(ev, normalized, line)
        if emergency and not ev.words.get(line):
            # Its own words went to another line (停电了，烟叶还在里面: 烟叶 is a grower's
            # word); the emergency words are still why it is a 110 call.
            ev.words[line] = {w: [1.0, weight] for w, weight in emergency_words.items()}
        words: dict[str, list[float]]
        if named:
            words = {}
            oversight = self.oversight_line or ""
            explainer = partial(
                explain_overseer_named,
                self.name(self.triage_line),
                self.cfg.default_team(oversight).name,
                named,
                explain(
                    self.name(oversight), ev.words.get(oversight, {}), urgent=urgent, kind=kind
                ),
            )
        elif triage:
            words = {}
            explainer = partial(
                explain_triage,
                self.name(self.triage_line),
                confidence,
                self._threshold,
                [(c, self.name(c), s, ev.words.get(c, {})) for c, s in candidates],
                urgent=urgent,
                tied=tied(list(candidates)),
                kind=kind_filed(kind, heard_as_complaint=heard_as_complaint),
            )
        else:
            words = ev.words.get(line, {})
            explainer = partial(
                explain,
                self.name(line),
                words,
                urgent=urgent,
                # As it is filed: 送货员骂我 is a complaint there, though no word says 投诉.
                kind=kind_filed(kind, heard_as_complaint=heard_as_complaint) or kind,
                overseen=None if overseen is None else self.name(overseen),
                urgent_words=tuple(urgent_words),
            )
        return Decision(
            line=line,
            team=self._team(line, area),
            urgent=urgent,
            emergency=emergency,
            kind=kind,
            confidence=confidence,
            words=words,
            explainer=explainer,
            candidates=candidates,
            triage=triage,
            original=original,
            normalized=normalized,
            script=script,
            area=area,
            urgent_words=tuple(urgent_words),
            kind_words=kind_words,
            danger=any(word in urgent_words for word in self.settings.danger_words),
            suspect=suspect,
            overseer_named=named,
            heard_as_complaint=heard_as_complaint,
        )

    def _overseer_named_in(self, normalized: str, line: str | None) -> tuple[str, ...]:
        """The words of `normalized` (cleaned and simplified), going to `line` on its other
        words, that name the oversight team itself as complained of (`own_words` on its
        line, or one of its teams' names), longest first, none inside another: 纪检作风监督室
        and 监督员, not 纪检 too."""
        if not any(word in normalized for word in self._overseer_names):
            return ()  # most requests: nothing to read clause by clause
        unread = normalized
        found: list[str] = []
        for word in self._overseer_names:
            clauses = _clauses_naming(unread, word)
            said = [clause.replace(word, "") for clause in clauses]
            if any(self._complained_of(clause, line) for clause in said):
                found.append(word)
            # Read once: 监督室 inside 请纪检作风监督室查一查 is the name addressed, and
            # inside a name found, that name.
            unread = unread.replace(word, "□" * len(word))
        return tuple(found)

    def _complained_of(self, said: str, line: str | None) -> bool:
        """Whether what a clause says beside the oversight team's name holds misconduct
        words of its line (纪委的人吃拿卡要, 陈监督员态度恶劣): what it is said to have done.
        Beside none (纪检说让我找你们, 监督员来过了, 已经跟纪检作风监督室说了: the 作风 of
        its name is no misconduct), it is only mentioned, and the complaint is about someone
        else. In a request another line wins, it takes a word of what someone did: 员工,
        干部 or 工作人员 say only whose (给纪检的员工也发防暑降温费), and 没人接 is how a call
        went (`routing.neutral_conduct_words`); any other word of the oversight line's table
        (纪检的人说话才给我办, 纪检的人不廉洁, 态度冷漠) is, so a word added to the table counts
        here too; but not one inside praise (态度很好) or in what the office is reported to
        have said (纪检的人说熟人也要排队)."""
        oversight = self.oversight_line or ""
        tokens = cut(said)
        ev = self.tables.evidence(tokens)
        score = ev.scores.get(oversight, 0.0)
        if line == oversight:
            return score > 0
        said_words = {part for word in ev.words.get(oversight, {}) for part in word.split("+")}
        # 态度 inside 态度很好 praises; what follows 说 is what the office said (纪检的人说
        # 熟人也要排队, 说罚款要去专卖所交), not what its people did.
        praised = ev.signals.get(Channel.PRAISE, {})
        told = _after_said(tokens)
        done = {
            word
            for word in said_words - self._neutral_conduct
            if word not in told and not any(word in praise for praise in praised)
        }
        return score >= self._oversight_min or bool(done)

    def _suspect(self, ev: Evidence, normalized: str, line: str) -> tuple[str, ...]:
        """The words of a barn perhaps failing now that no emergency word names: the 110
        line's own words with a fault word (温控器坏了, 烤房出故障了), or a cry for help (救命，
        快来人), when the request goes to the 110 line or to triage. Another service's
        matter (收购站的磅秤坏了) is not one."""
        if self.emergency_line is None or line not in (self.emergency_line, self.triage_line):
            return ()
        if ev.words.get(self.emergency_line):
            faults = tuple(w for w in self.settings.fault_words if _said_broken(normalized, w))
            if faults:
                return faults
        if ev.contrasted:
            # 不是停电，是风机皮带断了: a fault of another kind than the word set aside.
            return tuple(f"不是{word}" for word in ev.contrasted)
        return tuple(w for w in self.settings.distress_words if w in normalized)

    def _oversees(self, ev: Evidence) -> bool:
        line = self.oversight_line
        return line is not None and ev.scores.get(line, 0.0) >= self._oversight_min


# Before a fault word, these say it is not one (没坏, 不是故障, 没有出问题) ...
_NOT_BROKEN = ("没有", "不是", "并没", "没", "不", "未")
# ... unless they ask whether it is (风机是不是出问题了).
_ASKING = ("是不是", "会不会", "有没有", "能不能")


def _said_broken(text: str, word: str) -> bool:
    """Whether `word` occurs in `text` other than right after a denial."""
    start = text.find(word)
    while start >= 0:
        before = text[:start]
        if not before.endswith(_NOT_BROKEN) or before.endswith(_ASKING):
            return True
        start = text.find(word, start + 1)
    return False


# Before the oversight team's name, these make it whom a complaint is made to (我要向纪检举报
# 送货员骂人, 请纪委查一查), not whom it is about.
_ADDRESSED = ("向", "找", "请", "让", "交给", "转给", "报给", "反映给", "告到", "投诉到", "举报到")


_CLAUSE_END = re.compile(r"[，,。.！!？?；;：:\s]")


def _clauses_naming(text: str, word: str) -> list[str]:
    """The clauses of `text` in which `word` occurs other than right after an addressing
    word (我要向纪检举报…: whom it is made to)."""
    clauses = []
    for clause in _CLAUSE_END.split(text):
        start = clause.find(word)
        while start >= 0:
            if not clause[:start].endswith(_ADDRESSED):
                clauses.append(clause)
                break
            start = clause.find(word, start + 1)
    return clauses


def _discount_stray_emergency(ev: Evidence, line: str, min_score: float) -> None:
    """店里停电，订货系统进不去: nothing about curing, and another line has words of its own.
    The request stays urgent, but the emergency words no longer pull it to the 110 line.
    With no other evidence at all the barn is assumed (凌晨停电了 goes to 110)."""
    own = ev.scores[line] - ev.emergency_boost
    other = max((s for name, s in ev.scores.items() if name != line), default=0.0)
    if own <= 0 < min_score <= other:
        ev.scores[line] = 0.0
        ev.words.pop(line, None)


def _kind(ev: Evidence, emergency: bool) -> tuple[Kind | None, tuple[str, ...]]:
    """The strongest kind hint: a complaint outranks a wish, a wish a suggestion."""
    if emergency:
        return Kind.EMERGENCY, tuple(ev.signals.get(Channel.EMERGENCY, {}))
    complaint = ev.signals.get(Channel.COMPLAINT, {})
    praise = ev.signals.get(Channel.PRAISE, {})
    # 态度很好，表扬一下: thanks that mention 态度 are not a complaint.
    if complaint and sum(complaint.values()) > sum(praise.values()):
        return Kind.COMPLAINT, tuple(complaint)
    for channel, kind in ((Channel.WISH, Kind.WISH), (Channel.SUGGESTION, Kind.SUGGESTION)):
        words = ev.signals.get(channel)
        if words:
            return kind, tuple(words)
    return None, ()


def _overseer_names(cfg: Config, oversight: str | None) -> tuple[str, ...]:
    """What names the oversight team itself in a message, simplified, longest first."""
    if oversight is None:
        return ()
    line = cfg.line(oversight)
    names = {*line.own_words, *(team.name for team in cfg.teams if team.line == oversight)}
    simplified = {to_simplified(name.strip()) for name in names if name.strip()}
    return tuple(sorted(simplified, key=lambda name: (-len(name), name)))


def _area_names(cfg: Config) -> list[tuple[str, str]]:
    """(name as written in a message, area id), longest names first: 青山镇, 青山, 城区."""
    names: dict[str, str] = {}
    for site in cfg.sites:
        names.setdefault(to_simplified(site.name), site.area)
    for known in cfg.areas:
        for called in known.names():  # an alias (城关镇 for 城区) names the town as its name
            name = to_simplified(called)
            names.setdefault(name, known.id)
            short = name[:-1]
            if name[-1] in "镇乡村" and len(short) >= 2:
                names.setdefault(short, known.id)
    return sorted(names.items(), key=lambda item: -len(item[0]))


def _after_said(tokens: list[str]) -> str:
    """What a clause, cut into `tokens`, says after its first 说 (讲, 告诉) as a word of its
    own: what was said, reported (纪检的人说罚款要去专卖所交); "" when nobody is said to
    speak (说话 is a word of its own, and 才给我办 after it is what was done)."""
    for at, token in enumerate(tokens):
        if token in ("说", "讲", "告诉", "说是"):
            return "".join(tokens[at + 1 :])
    return ""


def _said_as_written(word: str, normalized: str, variants: Iterable[str]) -> bool:
    """Whether `word` is in `normalized` other than inside one of its synonyms (烟款 of
    卖烟款 is not)."""
    for variant in variants:
        if word in variant:
            normalized = normalized.replace(variant, " ")
    return word in normalized
