"""The router's answer: where a request goes, how sure it is, and why, in words a
supervisor can check ("烘烤110 — 烤房 ×2, 温度, 急").

The explanation is written when it is read: most routed texts (is this typed message an
alarm? a question about another service?) are never filed, and nobody reads their reasons.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.enums import Kind, Script

_KIND_MARK = {Kind.COMPLAINT: "投诉", Kind.SUGGESTION: "建议", Kind.WISH: "心愿"}


@dataclass(frozen=True, slots=True)
class Decision:
    line: str  # service line id; the triage line when unsure
    team: str  # team id of that line serving the requester's area, else the line's default
    urgent: bool
    emergency: bool  # a curing emergency: line is the 110 line and urgent is True
    kind: Kind | None  # a hint for the ticket's kind; None means an ordinary request
    confidence: float  # 0..1
    # The chosen line's canonical words -> [count, score]; none when triage takes it.
    # Not compared: a dict would make decisions unhashable.
    words: dict[str, list[float]] = field(compare=False)
    explainer: Callable[[], str] = field(repr=False, compare=False)  # writes `explanation`
    candidates: tuple[tuple[str, float], ...]  # the top two lines and their scores
    triage: bool
    original: str
    normalized: str
    script: Script | None  # None when nothing in the text tells (`detect_script`)
    area: str | None = None  # the area the team was chosen for
    urgent_words: tuple[str, ...] = ()
    kind_words: tuple[str, ...] = ()
    danger: bool = False  # a danger to people (`routing.danger_words`: 着火, 触电)
    # Words of a barn that may be failing now though no emergency word says so (温控器坏了,
    # 救命): the farmer is asked whether the 110 team is needed now. Empty otherwise.
    suspect: tuple[str, ...] = ()
    # The words that name the oversight team itself in a complaint its line would have
    # heard (纪检作风监督室, 监督员): sent to the triage desk instead. Empty otherwise.
    overseer_named: tuple[str, ...] = ()
    # Taken by the oversight line, which hears complaints only: filed as one whatever its
    # words' own kind (送货员骂我, 客户经理上班时间打麻将: no complaint word). See `filed_as`.
    heard_as_complaint: bool = False

    @property
    def filed_as(self) -> Kind | None:
        """What a request of these words is filed as (`handlers.tickets.filed_kind`), and
        what the explanation names: `kind_filed`."""
        return kind_filed(self.kind, heard_as_complaint=self.heard_as_complaint)

    @property
    def explanation(self) -> str:
        """Why, in words a supervisor can check; written at each reading."""
        return self.explainer()

    @property
    def matched(self) -> tuple[tuple[str, float], ...]:
        """The chosen line's words and their scores, strongest first."""
        ranked = sorted(self.words.items(), key=lambda item: -item[1][1])
        return tuple((word, round(score, 3)) for word, (_count, score) in ranked)

    @property
    def said(self) -> tuple[str, ...]:
        """The words of the chosen line's to quote back to the requester, strongest first:
        each part of an `a+b` term (温度+往下: both), and a single character (送, 订) only
        when no longer word matched, nor a word inside another quoted (送到 beside 没送到).
        Beside 配送 a 送 says nothing more, and quoted alone (“送”) it reads as a slip
        rather than a reason."""
        words: list[str] = []
        for matched, _score in self.matched:
            words += [w for w in matched.split("+") if w and w not in words]
        longer = [w for w in words if len(w) > 1]
        # 没送到 and 订+送到 both matched: 送到 is quoted once, inside 没送到.
        longer = [w for w in longer if not any(w != other and w in other for other in longer)]
        return tuple(longer or words)

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "team": self.team,
            "urgent": self.urgent,
            "emergency": self.emergency,
            "kind": self.kind.value if self.kind else None,
            "confidence": round(self.confidence, 3),
            "triage": self.triage,
            "matched": [[word, round(score, 3)] for word, score in self.matched],
            "candidates": [[line, round(score, 3)] for line, score in self.candidates],
            "explanation": self.explanation,
            "area": self.area,
            "script": self.script.value if self.script else None,
            "urgent_words": list(self.urgent_words),
            "kind_words": list(self.kind_words),
            "danger": self.danger,
            "suspect": list(self.suspect),
            "overseer_named": list(self.overseer_named),
            "filed_as": self.filed_as.value if self.filed_as else None,
            "original": self.original,
            "normalized": self.normalized,
        }


def kind_filed(kind: Kind | None, *, heard_as_complaint: bool) -> Kind | None:
    """A complaint or a suggestion its words make; else a complaint when the oversight line
    takes it (only complaints are heard there); else None, an ordinary request."""
    if kind in (Kind.COMPLAINT, Kind.SUGGESTION):
        return kind
    return Kind.COMPLAINT if heard_as_complaint else None


def format_words(words: dict[str, list[float]], limit: int = 6) -> str:
    """'烤房 ×2, 温度' from canonical word -> [count, score], strongest first."""
    ranked = sorted(words.items(), key=lambda item: -item[1][1])[:limit]
    return ", ".join(
        f"{word} ×{int(count)}" if count > 1 else word for word, (count, _score) in ranked
    )


def explain(
    line_name: str,
    words: dict[str, list[float]],
    *,
    urgent: bool,
    kind: Kind | None,
    overseen: str | None = None,
    urgent_words: tuple[str, ...] = (),
) -> str:
    """'烘烤110 — 烤房 ×2, 温度, 急'; with `overseen`, the line whose staff the request is
    about, when the oversight line takes it. The words that make it urgent are named when
    the line's words do not show them: '烟叶收购 — 收购站, 急（停电）'."""
    parts = [format_words(words)] if words else []
    if kind in _KIND_MARK and _KIND_MARK[kind] not in words:  # 投诉 said once, not twice
        parts.append(_KIND_MARK[kind])
    if urgent:
        unshown = [w for w in urgent_words if w not in words]
        parts.append(f"急（{'、'.join(unshown[:3])}）" if unshown else "急")
    text = f"{line_name} — {', '.join(parts)}" if parts else line_name
    return f"{text}；事涉{overseen}人员，不由其自查" if overseen is not None else text


def explain_overseer_named(
    triage_name: str, overseer: str, named: tuple[str, ...], heard: str
) -> str:
    """'人工分派 — 事涉纪检作风监督室人员（监督员），不由其自查；作风监督 — 态度, 投诉': a
    complaint about the oversight team's own people, and what its line would have heard."""
    return f"{triage_name} — 事涉{overseer}人员（{'、'.join(named)}），不由其自查；{heard}"


def explain_triage(
    triage_name: str,
    confidence: float,
    threshold: float,
    candidates: list[tuple[str, str, float, dict[str, list[float]]]],
    *,
    urgent: bool,
    tied: bool = False,
    kind: Kind | None = None,
) -> str:
    """'人工分派 — 置信度 0.31 < 0.45；候选：烘烤110 2.0（烤房）/ 烟叶收购 1.0（收购）'; with
    `tied`, the two candidates scoring the same, said so rather than left to read as the
    first being the likelier: '人工分派 — 置信度 0.36 < 0.45，前两名同分；候选：…', or
    '人工分派 — 前两名同分（置信度 0.47）；候选：…' when only the tie kept it from a team.
    A complaint or a suggestion is named as the desk files it: '…（乱罚款），投诉'."""
    if not candidates:
        head = f"{triage_name} — 没有匹配到关键词"
    else:
        shown = " / ".join(
            f"{name} {score:.1f}（{format_words(words, 3)}）" if words else f"{name} {score:.1f}"
            for _line, name, score, words in candidates
        )
        if not tied:
            why = f"置信度 {confidence:.2f} < {threshold:.2f}"
        elif confidence < threshold:
            why = f"置信度 {confidence:.2f} < {threshold:.2f}，前两名同分"
        else:
            why = f"前两名同分（置信度 {confidence:.2f}）"
        head = f"{triage_name} — {why}；候选：{shown}"
    mark = _KIND_MARK[kind] if kind in (Kind.COMPLAINT, Kind.SUGGESTION) else None
    if mark is not None and all(mark not in words for *_, words in candidates):
        head = f"{head}，{mark}"  # 投诉 said once, not twice, as by `explain`
    return f"{head}，急" if urgent else head
