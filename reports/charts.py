"""Charts as PNG bytes, drawn on matplotlib's Agg canvas with the bundled CJK font.

No pyplot: each call builds its own Figure and canvas, so charts are safe to draw from worker
threads and leave no global figure state behind. Chinese labels use "Jinye Sans SC", a
subset of Noto Sans CJK SC shipped in reports/fonts (GB2312, Big5's common hanzi and the
Traditional forms of both), so a fresh install renders Chinese in either script without
any system font. /stats draws the chart in the reader's script.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from core.enums import Script
from reports.labels import percent, writer
from reports.rates import GroupRates, RatesReport

FONT_PATH = Path(__file__).resolve().parent / "fonts" / "JinyeSansSC-Regular.otf"
_lock = threading.Lock()
_family: str | None = None

RATE_SERIES = (("响应率", "response_rate", "#4472C4"), ("解决率", "resolution_rate", "#70AD47"),
               ("满意率", "satisfaction_rate", "#ED7D31"))  # fmt: skip
VOLUME_SERIES = (("受理", "created", "#5B9BD5"), ("销号", "closed", "#A5A5A5"),
                 ("超时", "overdue", "#C00000"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class ChartFont:
    family: str
    path: Path


def cjk_font() -> ChartFont:
    """Register the bundled CJK font with matplotlib (once per process) and name it."""
    global _family
    with _lock:
        if _family is None:
            font_manager.fontManager.addfont(str(FONT_PATH))
            _family = font_manager.FontProperties(fname=str(FONT_PATH)).get_name()
    return ChartFont(_family, FONT_PATH)


def font_family() -> str:
    """The font family the charts set their Chinese text in."""
    return cjk_font().family


def _families() -> list[str]:
    # DejaVu Sans stays as a fallback for the odd symbol outside the subset.
    return [font_family(), "DejaVu Sans"]


def _bars(axes: Axes, groups: list[GroupRates], series: tuple[tuple[str, str, str], ...],
          scale: float, shown_as: Callable[[float], str],
          say: Callable[[str], str]) -> None:  # fmt: skip
    height = 0.8 / len(series)
    positions = range(len(groups))
    for i, (name, attr, colour) in enumerate(series):
        values = [getattr(g, attr) for g in groups]
        ys = [p + (i - (len(series) - 1) / 2) * height for p in positions]
        shown = [0.0 if v is None else v * scale for v in values]
        bars = axes.barh(ys, shown, height=height, label=say(name), color=colour)
        labels = ["—" if v is None else shown_as(v) for v in values]
        axes.bar_label(bars, labels=labels, padding=2, fontsize=8)
    axes.set_yticks(list(positions), [say(g.label) for g in groups])
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncol=len(series), fontsize=9,
                frameon=False)  # fmt: skip
    axes.spines[["top", "right"]].set_visible(False)


def rates_figure(report: RatesReport, title: str, script: Script = Script.HANS) -> Figure:
    """Rates (left) and volumes (right) by group, with a total row at the bottom when
    there are several (one group's total is the same bars again)."""
    say = writer(script)  # every word drawn
    groups = report.table_rows
    figure = Figure(figsize=(11, 1.6 + 0.62 * max(len(groups), 1)), dpi=110)
    FigureCanvasAgg(figure)  # attaches itself: savefig draws with Agg, no pyplot involved
    with matplotlib.rc_context({"font.family": _families(), "axes.unicode_minus": False}):
        figure.suptitle(say(title), fontsize=13)
        if not groups:
            figure.text(0.5, 0.45, say("本期没有工单"), ha="center", fontsize=14)
            return figure
        left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]}, sharey=True)
        _bars(left, groups, RATE_SERIES, 100, percent, say)  # as /stats's text rounds them
        left.set_xlim(0, 118)
        left.set_xlabel(say("比率（%）"))
        _bars(right, groups, VOLUME_SERIES, 1, "{:.0f}".format, say)
        right.set_xlabel(say("件数"))
        right.xaxis.set_major_locator(MaxNLocator(integer=True))  # no half tickets
        right.set_xlim(0, max(max(g.created, g.closed, g.overdue) for g in groups) * 1.25 + 1)
        left.invert_yaxis()  # the config's first team on top (the axes share y: invert once)
        figure.tight_layout()
    return figure


def png(figure: Figure) -> bytes:
    out = io.BytesIO()
    with matplotlib.rc_context({"font.family": _families()}):
        figure.savefig(out, format="png")
    return out.getvalue()


_draw_lock = threading.Lock()


def rates_chart(report: RatesReport, title: str, script: Script = Script.HANS) -> bytes:
    """The chart as PNG. rc_context changes matplotlib's global settings, so two threads
    drawing at once could mix fonts: drawing is serialised."""
    with _draw_lock:
        return png(rates_figure(report, title, script))
