"""Rows to the formats other tools read: CSV (spreadsheets), an Excel workbook, JSON (scripts),
Markdown (reports) and a terminal table (people)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Sequence, TextIO

FORMATS = ("table", "csv", "xlsx", "json", "md")


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    write_csv(buf, columns, rows)
    return buf.getvalue()


def to_json(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    write_json(buf, columns, rows)
    return buf.getvalue()


def write_csv(fh: TextIO, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Rows to `fh` as they come (a national list is never held whole); returns how many."""
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(columns)
    n = 0
    for row in rows:
        w.writerow(row)
        n += 1
    return n


def write_json(fh: TextIO, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """A JSON array of one object per row, written as rows come; the same text as
    `json.dumps(list_of_objects, ensure_ascii=False, indent=2)` plus a newline.  Returns how many."""
    n = 0
    for row in rows:
        item = json.dumps(dict(zip(columns, row)), ensure_ascii=False, indent=2)
        fh.write(("[\n  " if n == 0 else ",\n  ") + item.replace("\n", "\n  "))
        n += 1
    fh.write("\n]\n" if n else "[]\n")
    return n


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


#: the formats written row by row as a query yields them (`fmt` -> writer(fh, columns, rows) -> count)
STREAMED = {"csv": write_csv, "json": write_json}
