"""Rates are rounded as people round them, half up (四舍五入): a satisfaction of 72.5% is
73% in /stats's text and on its chart, not the 72% of rounding half to even (and of the
float 72.4999… that 0.725 × 100 gives)."""

from __future__ import annotations

import dataclasses

from matplotlib.text import Text

from core.config import Config
from reports.charts import png, rates_figure
from reports.figures import GroupRates
from reports.rates import compute
from reports.stats import text
from storage.uow import Database
from tests.integration.reports.dataset import AFTER, window

# 5 of 8 accepted on time (62.5%); ratings 5, 5, 4, 2: (2 + 0.9) / 4 = 72.5% satisfied.
HALVES = GroupRates(
    "curing-qingshan",
    "青山镇烘烤110服务队",
    created=8,
    closed=4,
    response_due=8,
    responded_on_time=5,
    resolution_due=4,
    resolved=4,
    rated=4,
    satisfied=2,
    basically_satisfied=1,
)


async def test_halves_round_up_in_the_stats_text_and_chart(
    db: Database, demo_config: Config
) -> None:
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        empty = await compute(uow.session, demo_config, window(demo_config), AFTER)
    report = dataclasses.replace(empty, groups=[HALVES], total=HALVES)
    [line] = [ln for ln in text(demo_config, report, "服务指标").splitlines() if "受理" in ln]
    assert "响应63% 解决100% 满意73%" in line
    figure = rates_figure(report, "服务指标")
    png(figure)
    drawn = {t.get_text() for t in figure.findobj(Text) if isinstance(t, Text)}
    assert {"63%", "73%", "100%"} <= drawn and not {"62%", "72%"} & drawn
