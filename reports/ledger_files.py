"""The ledger as files: an .xlsx workbook (台账, 汇总, 心愿清单) and a .csv Excel opens.

Times are written in the bureau's local time without a zone (Excel has none); the summary
sheet keeps rates as numbers with a percent format so supervisors can sort and chart them.
The file is written in the reader's script: our words (headers, sheet names, statuses, team,
line and place names, the period) are converted for a 繁體 reader; people's own words (what a
requester wrote, names, the team's notes, comments) stay as they were written.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Literal, NamedTuple

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from core.config import Config
from core.enums import Script
from reports.labels import half_up, hundredths, percent, writer
from reports.ledger import Ledger, LedgerRow, TheirWords, load
from reports.masking import display_width
from reports.periods import Window
from reports.rates import GroupRates
from storage.uow import Database

Format = Literal["xlsx", "csv"]
DATETIME = "yyyy-mm-dd hh:mm"
PERCENT = "0.0%"
# A time taken as hours and minutes, past 24 hours too (26:05, not 2:05): a 110 call's
# accept of 0:04 and a request's of 23:37 read at a glance and sort as numbers.
DURATION = "[h]:mm"
# Widths in Excel's units (about one Latin letter; a Chinese character takes two). The whole
# 台账 is printed one page wide, so every column is kept narrow and its text wraps: the long
# text columns get room for a readable line, the others at most MAX_WIDTH.
MAX_WIDTH = 14  # seven Chinese characters a line: 青山镇烘烤110服务队 takes two
DATETIME_WIDTH = 18  # 2026-11-18 09:00: a number, which Excel never wraps
# 接单人: a name is five characters at most; a stand-in for none (用户#200001) wraps.
TEXT_WIDTHS = {
    "诉求内容": 30, "心愿内容": 30, "办理情况": 26, "评价内容": 20, "回访": 20, "接单人": 10,
}  # fmt: skip
NO_VALUE = "—"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")

Column = tuple[str, Callable[[LedgerRow], Any]]
LEDGER_COLUMNS: list[Column] = [
    ("编号", lambda r: r.number),
    ("类型", lambda r: r.kind_name),
    ("提交时间", lambda r: r.submitted_at),
    ("诉求人", lambda r: r.requester),
    ("联系电话", lambda r: r.phone),
    # A retailer's shop (店铺名称, 烟草专卖零售许可证号): empty for a farmer or staff member.
    ("店铺名称", lambda r: r.shop_name),
    ("许可证号", lambda r: r.licence_number),
    ("片区", lambda r: r.area),
    ("地点", lambda r: r.site),
    ("诉求内容", lambda r: r.content),
    ("服务线", lambda r: r.line),
    ("服务队", lambda r: r.team),
    ("接单人", lambda r: r.accepted_by),
    ("接单时间", lambda r: r.accepted_at),
    ("办结时间", lambda r: r.resolved_at),
    ("办理情况", lambda r: r.resolution),
    ("是否超时", lambda r: "是" if r.overdue else "否"),
    ("销号状态", lambda r: r.closing),
    ("当前状态", lambda r: r.status_name),
    ("销号时间", lambda r: r.crossed_off_at),
    ("评分", lambda r: r.rating),
    ("满意度", lambda r: r.rating_name),
    ("评价内容", lambda r: r.rating_comment),
    ("回访", lambda r: r.callback),
]
WISH_COLUMNS: list[Column] = [
    ("编号", lambda r: r.number),
    ("清单项", lambda r: r.list_item),
    ("提交时间", lambda r: r.submitted_at),
    ("职工", lambda r: r.requester),
    ("心愿内容", lambda r: r.content),
    ("承办队", lambda r: r.team),
    ("当前状态", lambda r: r.status_name),
    ("是否实现", lambda r: r.wish_outcome),
    ("办结时间", lambda r: r.resolved_at),
    ("办理情况", lambda r: r.resolution),
]
# The 汇总 sheet's columns and their number formats ("General" for names and counts).
SUMMARY_COLUMNS = [
    ("服务队", "General"), ("受理件数", "General"), ("销号件数", "General"),
    ("响应率", PERCENT), ("解决率", PERCENT), ("满意率", PERCENT),
    ("综合得分", "0.0"),  # out of 100, as /stats gives it
    ("超时件数", "General"), ("重开率", PERCENT),
    ("接单用时中位数(时:分)", DURATION), ("接单用时P90(时:分)", DURATION),
    ("办结用时中位数(时:分)", DURATION), ("办结用时P90(时:分)", DURATION),
]  # fmt: skip
SUMMARY_HEADERS = [title for title, _ in SUMMARY_COLUMNS]
# Columns holding people's own words: never converted to the other script.
# 诉求人, 职工 and 接单人 are `TheirWords` when they are a name: without one they are our
# stand-in for it (尾号1234), or what stands for a complainant kept from the reader (匿名).
THEIR_WORDS = {"店铺名称", "诉求内容", "办理情况", "评价内容", "心愿内容"}
# Columns of numbers that name something (a ticket, a licence): all their digits shown, as a
# number Excel does not flag as text, never 5.2E+11, and read from the left as a name is.
IDENTIFIERS = {"编号", "许可证号"}
Say = Callable[[str], str]


def filename(ledger: Ledger, fmt: Format, script: Script = Script.HANS) -> str:
    return period_filename(ledger.window, fmt, script)


def period_filename(window: Window, fmt: Format, script: Script = Script.HANS) -> str:
    """台账_2026-11-01_2026-11-15.csv: the file names its days, as a CSV has no title line
    to say them (`csv_bytes`)."""
    days = window.first_day.isoformat()
    if window.last_day != window.first_day:
        days += f"_{window.last_day.isoformat()}"
    return writer(script)(f"台账_{days}.{fmt}")


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0)
    return value


def _identifier(number: str) -> int | str:
    """A ticket's or a licence's number as a number: Excel flags digits kept as text in
    every cell. Ours are all digits with no leading zero (core/numbers.py; a licence starts
    with its province's code, 11 to 65), so nothing is lost; anything else stays text."""
    if number.isascii() and number.isdigit() and not number.startswith("0"):
        return int(number)
    return number


def _value(title: str, get: Callable[[LedgerRow], Any], row: LedgerRow, say: Say) -> Any:
    """A cell's value, in the reader's script unless it is someone's own words."""
    value = get(row)
    if isinstance(value, TheirWords):
        return str(value)  # a name, or a leader's note of a call-back, in our words' column
    if isinstance(value, str) and title not in THEIR_WORDS:
        return say(value)
    return value


def _header(sheet: Worksheet, row: int, titles: Sequence[str], say: Say) -> None:
    for col, title in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=col, value=say(title))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _period(ledger: Ledger) -> str:
    # Named as /stats names it (本周, 近7天), its days after: 台账 本周 2026-12-07 至 2026-12-13.
    return " ".join(filter(None, (ledger.window.called, ledger.window.label)))


def _title(sheet: Worksheet, text: str) -> None:
    sheet.cell(row=1, column=1, value=text).font = Font(bold=True, size=13)


def _as_of_title(ledger: Ledger, name: str, say: Say) -> str:
    """A sheet of tickets shows each as it stands when the file is made (its status, 是否超时),
    even for a period long over: the title says when that was."""
    as_of = f"{ledger.as_of:%Y-%m-%d %H:%M}"
    return say(f"{ledger.bureau} {name} {_period(ledger)}（截至 {as_of}）")


def _table(
    sheet: Worksheet,
    columns: list[Column],
    rows: list[LedgerRow],
    say: Say,
    title: str,
    none: str | None = None,
) -> None:
    """The title line (row 1), the header (row 2) and a row per ticket below it; with no
    ticket, `none` across the row below the header, so the sheet says it lists nothing."""
    _title(sheet, title)
    _header(sheet, 2, [name for name, _ in columns], say)
    if not rows and none:
        sheet.cell(row=3, column=1, value=say(none))
        sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(columns))
    for r, row in enumerate(rows, start=3):
        for c, (name, get) in enumerate(columns, start=1):
            value = _cell(_value(name, get, row, say))
            if name in IDENTIFIERS:
                value = _identifier(value)
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                cell.data_type = "s"  # a requester's "=…" is words to read, never a formula
            if isinstance(value, datetime):
                cell.number_format = DATETIME
            # Any cell may wrap, its column being narrow for the printed page; a row reads
            # from its top when a neighbour runs to several lines.
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if name in IDENTIFIERS and isinstance(value, int):
                cell.number_format = "0"  # all its digits, never 1.0E+4
                cell.alignment = Alignment(vertical="top", horizontal="left")  # a name, not a sum
    limits = {c: TEXT_WIDTHS[name] for c, (name, _) in enumerate(columns, 1) if name in TEXT_WIDTHS}
    _finish(sheet, header_row=2, last_row=len(rows) + 2, columns=len(columns), limits=limits)


def _finish(
    sheet: Worksheet,
    *,
    header_row: int,
    last_row: int,
    columns: int,
    limits: Mapping[int, int] | None = None,
) -> None:
    """Freeze the header, filter on it, and size columns to their content, at most
    MAX_WIDTH, a date's width or the column's limit: a header wraps, so half of it need
    fit. With no row to size them to, a header reads on one line and a text column gets
    its limit, the room it has for the words it will hold."""
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    last = get_column_letter(columns)
    sheet.auto_filter.ref = f"A{header_row}:{last}{max(last_row, header_row)}"
    empty = last_row <= header_row
    for col in range(1, columns + 1):
        header = str(sheet.cell(row=header_row, column=col).value or "")
        limit = (limits or {}).get(col, MAX_WIDTH)
        if empty:
            width = max(display_width(header) + 2, (limits or {}).get(col, 0))
            sheet.column_dimensions[get_column_letter(col)].width = width
            continue
        widest = max(4, (display_width(header) + 1) // 2)
        for row in range(header_row + 1, last_row + 1):
            cell = sheet.cell(row=row, column=col)
            value = cell.value
            if isinstance(value, datetime):
                limit, widest = DATETIME_WIDTH, max(widest, DATETIME_WIDTH - 2)
            else:
                widest = max(widest, display_width(_shown(cell)))
        sheet.column_dimensions[get_column_letter(col)].width = min(widest + 2, limit)


def _shown(cell: Cell | MergedCell) -> str:
    """A cell's text as Excel shows it, which its column is sized to: 0.6666… is 66.7% and
    a time taken of 35 minutes 0:35, not the 18 digits or 0:35:00 stored."""
    value, shape = cell.value, cell.number_format
    if isinstance(value, timedelta) and shape == DURATION:
        minutes = round(value.total_seconds() / 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        if shape == PERCENT:
            return f"{value * 100:.1f}%"
        if shape == "0.0":
            return f"{value:.1f}"
    return "" if value is None else str(value)


def _print_setup(sheet: Worksheet, ledger: Ledger, say: Say, name: str, header_row: int) -> None:
    """A4 landscape, one page wide and as many tall as it takes, the header row on every
    page, the bureau and period at the top of each page and its number at the bottom."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # 0: as many pages tall as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.7, bottom=0.7)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.horizontalCentered = True
    # "&" starts a code in a page header (&P is the page number): a name's own is doubled.
    heading = say(f"{ledger.bureau} {name} {_period(ledger)}").replace("&", "&&")
    sheet.oddHeader.center.text = heading
    sheet.oddFooter.center.text = say("第 &P 页 / 共 &N 页")
    sheet.oddFooter.right.text = say("打印日期 &D")


def _duration(seconds: float | None) -> timedelta | None:
    """A time taken, to the minute as /stats gives it (35分钟), half up as it rounds."""
    return None if seconds is None else timedelta(minutes=half_up(seconds / 60))


def _score(composite: float | None) -> float | None:
    """The composite score out of 100, as /stats and the weekly report give it."""
    return None if composite is None else float(hundredths(composite, 1))


def _summary_values(ledger: Ledger, group: GroupRates, say: Say) -> list[Any]:
    weights = ledger.rates.weights
    return [say(group.label), group.created, group.closed, group.response_rate,
            group.resolution_rate, group.satisfaction_rate, _score(group.composite(weights)),
            group.overdue, group.reopen_rate,
            _duration(group.accept_median), _duration(group.accept_p90),
            _duration(group.resolve_median), _duration(group.resolve_p90)]  # fmt: skip


def _summary(sheet: Worksheet, ledger: Ledger, say: Say) -> None:
    w = ledger.rates.weights
    # "台账汇总", not "服务台账汇总": OpenCC reads 服务台 as a service counter (服務檯).
    _title(sheet, say(f"{ledger.bureau} 台账汇总 {_period(ledger)}"))
    # A running period is judged so far: its 超时 and rates are as of the file's making.
    running = f"截至 {ledger.as_of:%Y-%m-%d %H:%M}；" if ledger.running else ""
    sheet.cell(row=2, column=1, value=say(
        f"{running}综合得分（百分制）= {w.response:g}×响应率 + {w.resolution:g}×解决率 + "
        f"{w.satisfaction:g}×满意率；响应率、解决率按时限计，满意率按评价计，"
        "撤回的不计；受理件数按提交时间计，销号件数按销号时间计（含此前提交、本期销号的），"
        "台账列本期提交的工单及其现状"))  # fmt: skip
    _header(sheet, 3, SUMMARY_HEADERS, say)
    groups = [*ledger.rates.groups, ledger.rates.total]
    for r, group in enumerate(groups, start=4):
        for c, value in enumerate(_summary_values(ledger, group, say), start=1):
            if value is None:
                # No denominator (nobody rated, nothing accepted): "—" as /stats says, so a
                # printed sheet says it too rather than leave a gap that reads as missing.
                cell = sheet.cell(row=r, column=c, value=NO_VALUE)
                cell.alignment = Alignment(horizontal="center")
                continue
            cell = sheet.cell(row=r, column=c, value=value)
            cell.number_format = SUMMARY_COLUMNS[c - 1][1]
    for c in range(1, len(SUMMARY_HEADERS) + 1):
        sheet.cell(row=3 + len(groups), column=c).font = Font(bold=True)
    _finish(sheet, header_row=3, last_row=3 + len(groups), columns=len(SUMMARY_HEADERS))
    # The total row stays below the teams when the sheet is sorted or filtered.
    sheet.auto_filter.ref = f"A3:{get_column_letter(len(SUMMARY_HEADERS))}{2 + len(groups)}"
    sheet.column_dimensions["A"].width = (
        max(display_width(say(g.label)) for g in groups) + 2
    )  # the title in A1 would otherwise widen the first column
    _print_setup(sheet, ledger, say, "汇总", header_row=3)


def _wishes(sheet: Worksheet, ledger: Ledger, say: Say) -> None:
    wishes = ledger.wishes
    title = _as_of_title(ledger, "心愿清单", say)
    _table(sheet, WISH_COLUMNS, wishes, say, title, none="本期没有心愿")
    done, total = ledger.wish_progress
    share = f"（{percent(done / total)}）" if total else ""
    below = max(len(wishes), 1) + 4  # a blank row after the last wish, or after saying none
    sheet.cell(row=below, column=1, value=say("完成进度")).font = Font(bold=True)
    sheet.cell(row=below, column=2, value=f"{done}/{total}{share}")
    sheet.cell(row=below + 1, column=1, value=say("实现情况")).font = Font(bold=True)
    sheet.cell(row=below + 1, column=2, value=say(ledger.wish_outcomes))
    _print_setup(sheet, ledger, say, "心愿清单", header_row=2)


def xlsx(ledger: Ledger, script: Script = Script.HANS) -> bytes:
    say = writer(script)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = say("台账")
    title = _as_of_title(ledger, "台账", say)
    _table(sheet, LEDGER_COLUMNS, ledger.rows, say, title, none="本期没有工单")
    _print_setup(sheet, ledger, say, "台账", header_row=2)
    _summary(book.create_sheet(say("汇总")), ledger, say)
    _wishes(book.create_sheet(say("心愿清单")), ledger, say)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# What makes a spreadsheet take a cell for a formula: people's words that begin so stay
# words (in the CSV behind an apostrophe, which Excel and WPS show as text and hide).
FORMULA_STARTS = ("=", "+", "-", "@")


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    text = "" if value is None else str(value)
    if text.isascii() and text.isdigit() and len(text) > _EXCEL_GENERAL_DIGITS:
        # A licence number opened in Excel would read 5.20102E+11, and keep only that once
        # saved: a formula for the text keeps every digit.
        return f'="{text}"'
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


# The most digits Excel's General format shows of a number before it turns to 1.2E+11.
_EXCEL_GENERAL_DIGITS = 11


def csv_bytes(ledger: Ledger, script: Script = Script.HANS) -> bytes:
    """The 台账 sheet as CSV, UTF-8 with a byte-order mark so Excel reads the Chinese right.

    The header is the first line, with no title above it as the workbook has: a CSV is
    the copy other programs read (a database's import, pandas, Excel's Power Query), and
    they take the first line for the column names; a title or '#' comment line there
    turns into a column named 青山县… and rows of the wrong width. What the file is goes in
    its name instead (`period_filename`)."""
    say = writer(script)
    out = io.StringIO()
    rows = csv.writer(out, lineterminator="\r\n")
    rows.writerow([say(title) for title, _ in LEDGER_COLUMNS])
    for row in ledger.rows:
        rows.writerow([_text(_value(title, get, row, say)) for title, get in LEDGER_COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def render(ledger: Ledger, fmt: Format, script: Script = Script.HANS) -> bytes:
    return xlsx(ledger, script) if fmt == "xlsx" else csv_bytes(ledger, script)


class LedgerFile(NamedTuple):
    name: str
    content: bytes
    tickets: int  # how many it lists (wishes too): none, and a reply says the period had none
    nil_return: bool  # nothing happened in the period at all (`Ledger.nil_return`)
    running: bool  # the period was not over yet (`Ledger.running`): no nil return so far
    withdrawn_only: int  # older tickets withdrawn as the period's only news (not in 汇总)


async def export(
    db: Database,
    cfg: Config,
    window: Window,
    now: datetime,
    fmt: Format,
    script: Script = Script.HANS,
    *,
    keeper: bool = True,
) -> LedgerFile:
    """The ledger for a period as a file in `script`: what /ledger and the CLI send
    (`keeper`: as `reports.ledger.load`)."""
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        ledger = await load(uow.session, cfg, window, now, keeper=keeper)
    content = await asyncio.to_thread(render, ledger, fmt, script)
    name = filename(ledger, fmt, script)
    return LedgerFile(
        name, content, len(ledger.rows), ledger.nil_return, ledger.running, ledger.withdrawn_only
    )
