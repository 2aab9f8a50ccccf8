"""The reasons of a decision are written when read: most routed texts are never filed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import routing.router
from routing import Router


@pytest.mark.parametrize(
    ("text", "writer", "why", "matched"),
    [
        ("烤房停電了！", "explain", "烘烤110 — 停电, 烤房, 急", (("停电", 4.0), ("烤房", 3.0))),
        (
            "收购站定级的工作人员态度很差，还故意压级",
            "explain",
            "作风监督 — 态度很差, 工作人员, 投诉；事涉烟叶收购人员，不由其自查",
            (("态度很差", 4.0), ("工作人员", 2.0)),
        ),
        (
            "合同的事找站里谁",
            "explain_triage",
            "人工分派 — 置信度 0.24 < 0.45，前两名同分；"
            "候选：烟叶收购 1.0（合同） / 职工服务 1.0（站里）",
            (),
        ),
    ],
)
def test_the_explanation_is_written_when_read_not_when_routed(
    router: Router,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    writer: str,
    why: str,
    matched: tuple[tuple[str, float], ...],
) -> None:
    written: list[str] = []
    real: Callable[..., str] = getattr(routing.router, writer)

    def counted(*args: object, **kwargs: object) -> str:
        written.append(real(*args, **kwargs))
        return written[-1]

    monkeypatch.setattr(routing.router, writer, counted)
    decision = router.route(text)
    assert written == []
    assert (decision.explanation, decision.matched) == (why, matched)
    assert written == [why]
    assert decision.to_json()["explanation"] == why
