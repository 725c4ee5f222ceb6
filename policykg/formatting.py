"""Rows to the formats other tools read: CSV (spreadsheets), an Excel workbook, JSON (scripts),
Markdown (reports) and a terminal table (people)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Sequence

FORMATS = ("table", "csv", "xlsx", "json", "md")


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    w.writerows(rows)
    return buf.getvalue()


def to_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    return json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, indent=2) + "\n"


def _md_cell(v: Any) -> str:
    return str(v).replace("|", "\\|").replace("\n", " ")


def to_markdown(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_md_cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def to_xlsx(columns: Sequence[str], rows: Sequence[Sequence[Any]], sheet: str = "results"):
    """A one-sheet workbook (policykg.spreadsheet.Workbook: its bytes and what had to be cut)."""
    from policykg.spreadsheet import Sheet, workbook
    return workbook([Sheet(sheet, columns, rows)])


def render(fmt: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str | bytes:
    """Text for the text formats, bytes for xlsx."""
    if fmt == "xlsx":
        return to_xlsx(columns, rows).data
    if fmt == "csv":
        return to_csv(columns, rows)
    if fmt == "json":
        return to_json(columns, rows)
    if fmt == "md":
        return to_markdown(columns, rows)
    raise ValueError(f"unknown format {fmt!r}")
