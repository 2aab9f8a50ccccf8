"""The weekly report's files are replaced whole: a sender reading last run's copy while the
week is written again (a second scheduler, a catch-up after a restart) reads all of it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from reports import periods
from reports.weekly import WeeklyReport


def _report(chart: bytes, book: bytes) -> WeeklyReport:
    window = periods.days(date(2026, 11, 16), date(2026, 11, 22), ZoneInfo("Asia/Shanghai"))
    return WeeklyReport(window, "周报", chart, book, "台账_2026-11-16_2026-11-22.xlsx", None)


def test_a_reader_of_the_old_files_is_not_cut_short_by_a_rewrite(tmp_path: Path) -> None:
    old = _report(b"old chart " * 1000, b"old book " * 1000)
    chart, book = old.save(tmp_path)
    with chart.open("rb") as reading_chart, book.open("rb") as reading_book:
        reading_chart.read(10)
        new = _report(b"new", b"new")
        assert new.save(tmp_path) == (chart, book)
        assert reading_chart.read() == old.chart_png[10:]  # the whole old file, not a mix
        assert reading_book.read() == old.xlsx
    assert chart.read_bytes() == b"new" and book.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([chart.name, book.name])
