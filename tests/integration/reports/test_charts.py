"""The chart draws Chinese with the bundled CJK font: no boxes, no missing-glyph warnings."""

from __future__ import annotations

import dataclasses
import os
import warnings
from pathlib import Path

import matplotlib
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.text import Text

from core.config import Config
from core.enums import Script
from reports.charts import FONT_PATH, cjk_font, font_family, png, rates_figure
from reports.figures import GroupRates
from reports.rates import RatesReport, compute
from routing import to_traditional
from storage.uow import Database
from tests.integration.reports.dataset import AFTER, build, window

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def report_of(db: Database, cfg: Config) -> RatesReport:
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        return await compute(uow.session, cfg, window(cfg), AFTER)


def chinese_texts(figure: Figure) -> list[Text]:
    texts = [t for t in figure.findobj(Text) if isinstance(t, Text)]
    return [t for t in texts if any("\u4e00" <= ch <= "\u9fff" for ch in t.get_text())]


def missing_glyph_warnings(figure: Figure) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = png(figure)
    assert data.startswith(PNG_SIGNATURE)
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_the_bundled_font_is_a_cjk_font_covering_the_labels(demo_config: Config) -> None:
    font = cjk_font()
    assert font.family == "Jinye Sans SC" and font.path == FONT_PATH and FONT_PATH.is_file()
    cmap = TTFont(FONT_PATH)["cmap"].getBestCmap()
    names = [t.name for t in demo_config.teams] + [a.name for a in demo_config.areas]
    names += [line.name for line in demo_config.service_lines]
    names += ["响应率解决率满意率受理销号超时比率件数合计本期没有工单服务指标"]
    names += [to_traditional(name) for name in names]
    missing = {ch for name in names for ch in name if ord(ch) not in cmap and not ch.isspace()}
    assert missing == set()
    assert FONT_PATH.stat().st_size < 5_000_000  # a subset, not the 16 MB original


async def test_chart_texts_use_the_cjk_font_and_no_glyph_is_missing(
    db: Database, demo_config: Config
) -> None:
    await build(db, demo_config)
    figure = rates_figure(await report_of(db, demo_config), "青山县 服务指标 2026-11-18")
    texts = chinese_texts(figure)
    labels = {t.get_text() for t in texts}
    assert {"青山镇烘烤110服务队", "白石乡烘烤110服务队", "合计", "响应率", "件数"} <= labels
    for text in texts:
        used = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        assert Path(used) == FONT_PATH, text.get_text()
        assert text.get_fontproperties().get_family()[0] == font_family()
    assert missing_glyph_warnings(figure) == []


async def test_a_traditional_reader_gets_the_chart_in_traditional_with_every_glyph(
    db: Database, demo_config: Config
) -> None:
    await build(db, demo_config)
    report = await report_of(db, demo_config)
    figure = rates_figure(report, "青山县 服务指标 2026-11-18", Script.HANT)
    labels = {t.get_text() for t in chinese_texts(figure)}
    assert {"青山鎮烘烤110服務隊", "合計", "響應率", "滿意率", "件數"} <= labels
    assert "青山縣 服務指標 2026-11-18" in labels
    assert not labels & {"响应率", "件数", "合计"}  # nothing left in Simplified
    assert missing_glyph_warnings(figure) == []


def test_the_font_has_the_traditional_form_of_every_simplified_character_it_has() -> None:
    cmap = TTFont(FONT_PATH)["cmap"].getBestCmap()
    hanzi = [chr(c) for c in cmap if 0x4E00 <= c <= 0x9FFF]
    missing = {form for ch in hanzi for form in to_traditional(ch) if ord(form) not in cmap}
    assert missing == set()


async def test_an_empty_period_draws_a_notice(db: Database, demo_config: Config) -> None:
    figure = rates_figure(await report_of(db, demo_config), "本周服务指标")
    assert {t.get_text() for t in chinese_texts(figure)} == {"本周服务指标", "本期没有工单"}
    assert missing_glyph_warnings(figure) == []


def test_without_the_cjk_font_the_check_would_catch_boxes() -> None:
    # The control: the same kind of label in matplotlib's default font warns of missing
    # glyphs, so the assertions above would fail if the chart fell back to it.
    figure = Figure()
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        figure.text(0.5, 0.5, "响应率")
        with pytest.warns(UserWarning, match="missing from font"):
            figure.savefig(os.devnull, format="png")


async def test_the_count_axis_has_whole_tickets_only(db: Database, demo_config: Config) -> None:
    report = await report_of(db, demo_config)
    # A quiet day: two tickets, one closed (matplotlib alone would tick at 0.5).
    one_team = GroupRates("curing-qingshan", "青山镇烘烤110服务队", created=2, closed=1)
    quiet = dataclasses.replace(report, groups=[one_team], total=one_team)
    figure = rates_figure(quiet, "青山县 服务指标 2026-11-18")
    png(figure)  # lay the ticks out
    counts = figure.axes[1]
    ticks = [t for t in counts.get_xticks() if 0 <= t <= counts.get_xlim()[1]]
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks)


async def test_one_teams_chart_has_no_total_row_repeating_it(
    db: Database, demo_config: Config
) -> None:
    await build(db, demo_config)
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        one = await compute(
            uow.session, demo_config, window(demo_config), AFTER,
            teams=frozenset({"curing-qingshan"}),
        )  # fmt: skip
    labels = {t.get_text() for t in chinese_texts(rates_figure(one, "青山镇 服务指标"))}
    assert "青山镇烘烤110服务队" in labels and "合计" not in labels
