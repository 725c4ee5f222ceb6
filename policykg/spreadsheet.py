"""Rows to an Excel workbook (.xlsx), the file most policy researchers and auditors open first.

A CSV of Chinese text opened by double-click in Excel is read in the system code page and shows
mojibake; a workbook carries its own encoding, keeps numbers as numbers, and here opens with the
header row frozen and a filter on every column.

What is written is exactly what the rows hold, with three limits of the format made visible rather
than silent:
- text is always stored as text, so a value that starts with "=" (a task title, or a hostile
  document) is never run as a formula;
- characters a workbook cannot hold (control characters) become U+FFFD;
- a cell holds at most 32,767 characters: a longer value (say a list of 2,800 plan titles) is cut
  and ends with a note saying how long it was, and `Workbook.truncated` counts such cells so the
  caller can say so.
"""
from __future__ import annotations

import datetime
import io
import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Sequence

from policykg.errors import OutputError

#: Excel's own limits
MAX_CELL = 32_767
MAX_ROWS = 1_048_576
_CUT = "…[cut: {n} characters in all; the CSV or JSON output holds the whole value / 已截断]"


@dataclass
class Sheet:
    name: str  # at most 31 characters, none of []:*?/\
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


@dataclass
class Workbook:
    data: bytes
    truncated: int = 0  # cells cut at Excel's 32,767-character limit
    replaced: int = 0  # cells where control characters were replaced
    sheets: list[str] = field(default_factory=list)


def workbook(sheets: Sequence[Sheet]) -> Workbook:
    """One .xlsx file with a sheet per `Sheet`, written in openpyxl's streaming mode (constant memory
    per row, so a 100k-row national list is fine)."""
    from openpyxl import Workbook as XLWorkbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = XLWorkbook(write_only=True)
    result = Workbook(b"")
    bold = Font(bold=True)
    for sheet in sheets:
        if len(sheet.rows) + 1 > MAX_ROWS:
            raise OutputError(f"sheet {sheet.name!r} has {len(sheet.rows)} rows; an Excel sheet holds at "
                              f"most {MAX_ROWS - 1}: write CSV or JSON instead, or narrow the query")
        ws = book.create_sheet(sheet.name)
        ws.freeze_panes = "A2"
        if sheet.columns:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{len(sheet.rows) + 1}"
        header = []
        for c in sheet.columns:
            cell = WriteOnlyCell(ws, value=str(c))
            cell.font = bold
            header.append(cell)
        ws.append(header)

        def cell_of(value: Any) -> Any:
            if value is None or isinstance(value, (bool, int, Decimal, datetime.date)):
                return value
            if isinstance(value, float) and math.isfinite(value):
                return value
            text = str(value)
            clean = ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)
            if clean != text:
                result.replaced += 1
            if len(clean) > MAX_CELL:
                note = _CUT.format(n=len(clean))
                clean = clean[:MAX_CELL - len(note)] + note
                result.truncated += 1
            cell = WriteOnlyCell(ws, value=clean)
            cell.data_type = "s"  # text, even when it starts with "=": never a formula
            return cell

        for row in sheet.rows:
            ws.append([cell_of(v) for v in row])
        result.sheets.append(sheet.name)
    buf = io.BytesIO()
    book.save(buf)
    result.data = buf.getvalue()
    return result
