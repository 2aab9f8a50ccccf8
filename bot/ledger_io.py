"""Read a labelled ledger (台账) from CSV, TSV or XLSX: the I/O half of `route eval/learn`.

Bureaus keep their old tickets in Excel or export them as CSV, often in GB18030 with
Chinese column headers, so both are accepted and common header names are recognised when
the asked-for column is missing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from core.texts import STAND_INS
from routing import to_simplified

TEXT_ALIASES = ("text", "内容", "诉求内容", "留言详情", "工单内容", "问题描述", "反映内容")
LABEL_ALIASES = ("label", "分类", "服务线", "承办部门", "处理部门", "一级分类", "类别")


class LedgerError(Exception):
    """A ledger cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Ledger:
    texts: list[str]
    labels: list[str]
    extra: dict[str, list[str]]  # other asked-for columns, e.g. urgent


def read_rows(path: str | Path) -> list[list[str]]:
    """All rows of the file, header first, as strings."""
    path = Path(path)
    if not path.is_file():
        raise LedgerError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".xls":
        raise LedgerError(f"{path}: old .xls files are not supported; save it as .xlsx or CSV")
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise LedgerError(f"{path}: cannot decode as UTF-8 or GB18030")
    delimiter = "\t" if suffix == ".tsv" or (suffix != ".csv" and "\t" in text[:2000]) else ","
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if row]


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise LedgerError(f"{path}: not a readable .xlsx file ({exc.__class__.__name__})") from exc
    try:
        sheet = book.worksheets[0]
        rows = [
            ["" if cell is None else str(cell) for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        book.close()
    return [row for row in rows if any(cell.strip() for cell in row)]


def _heading(cell: str) -> str:
    """A column's heading as the aliases are written: our 台账 for a reader of 繁體 heads
    its columns 訴求內容 and 服務線."""
    return to_simplified(cell.strip())


def _column(header: list[str], wanted: str | None, aliases: tuple[str, ...], what: str) -> int:
    names = [h.strip() for h in header]
    headings = [_heading(h) for h in header]
    if wanted is not None:
        if wanted in names:
            return names.index(wanted)
        if _heading(wanted) in headings:  # 诉求内容 asked of a 繁體 ledger, or the other way
            return headings.index(_heading(wanted))
        raise LedgerError(f"no {what} column '{wanted}'; columns are: {', '.join(names)}")
    for alias in aliases:
        if alias in headings:
            return headings.index(alias)
    raise LedgerError(
        f"no {what} column (tried {', '.join(aliases)}); columns are: {', '.join(names)}; "
        f"name it with --{what}-col"
    )


def _header_at(rows: list[list[str]], text_col: str | None) -> int:
    """The header's row: the first of the first few naming the text column. Our own 台账
    (/ledger, `report ledger`) has a title line above its header; others start with it."""
    wanted = (text_col, _heading(text_col)) if text_col is not None else TEXT_ALIASES
    for at, row in enumerate(rows[:5]):
        if any(cell.strip() in wanted or _heading(cell) in wanted for cell in row):
            return at
    return 0  # none does: the first row, for _column to say what it holds


def read_ledger(
    path: str | Path,
    text_col: str | None = None,
    label_col: str | None = None,
    extra_cols: tuple[str, ...] = (),
    lines: Mapping[str, str] | None = None,
) -> Ledger:
    """Texts and labels (rows missing either are skipped) and any extra columns present.
    `lines`: a service line's id by its name. Our own 台账 names the line of each ticket in
    its 服务线 column (职工服务, 職工服務 for a reader of 繁體), where the router says its id
    (staff): such a label is read as that id, so that the two are compared, and what is
    learned is keyed as the config keys its lines. Other labels stay as written."""
    rows = read_rows(path)
    if not rows:
        raise LedgerError(f"{path}: the file is empty")
    start = _header_at(rows, text_col)
    header, body = rows[start], rows[start + 1 :]
    text_at = _column(header, text_col, TEXT_ALIASES, "text")
    label_at = _column(header, label_col, LABEL_ALIASES, "label")
    extra_at = {name: header.index(name) for name in extra_cols if name in header}
    texts: list[str] = []
    labels: list[str] = []
    extra: dict[str, list[str]] = {name: [] for name in extra_at}
    for row in body:
        cells = row + [""] * (len(header) - len(row))
        text, label = cells[text_at].strip(), cells[label_at].strip()
        if not text or not label or to_simplified(text) in STAND_INS:
            continue  # a voice note's [语音] says nothing of what the ticket was about
        texts.append(text)
        labels.append((lines or {}).get(to_simplified(label), label))
        for name, at in extra_at.items():
            extra[name].append(cells[at].strip())
    if not texts:
        raise LedgerError(f"{path}: no rows with both a text and a label")
    return Ledger(texts, labels, extra)
