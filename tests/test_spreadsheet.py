"""Excel workbooks (policykg/spreadsheet.py): what a user opening the file sees, and the format's
limits made visible instead of silent."""
from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from policykg.errors import OutputError
from policykg.spreadsheet import MAX_CELL, Sheet, workbook


def read(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_values_keep_their_kind_and_text_is_never_a_formula():
    rows = [("西固区.txt", 12, Decimal("99.5"), "=HYPERLINK(\"http://evil\",\"点击\")"),
            ("奉化区.txt", None, 3.25, "+1-2")]
    book = workbook([Sheet("任务 tasks", ["doc", "line", "value", "title"], rows)])
    ws = read(book.data)["任务 tasks"]
    cells = [[(c.value, c.data_type) for c in row] for row in ws.iter_rows(min_row=2)]
    assert cells[0] == [("西固区.txt", "s"), (12, "n"), (99.5, "n"), ("=HYPERLINK(\"http://evil\",\"点击\")", "s")]
    assert cells[1] == [("奉化区.txt", "s"), (None, "n"), (3.25, "n"), ("+1-2", "s")]
    assert [c.value for c in ws[1]] == ["doc", "line", "value", "title"] and ws[1][0].font.b
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D3"
    assert book.truncated == 0 and book.replaced == 0


def test_overlong_cell_is_cut_with_a_note_and_counted():
    titles = "|".join(f"某某县残疾人事业发展第十四个五年规划{i}" for i in range(2800))
    assert len(titles) > MAX_CELL
    book = workbook([Sheet("cited", ["document", "plans"], [("《中华人民共和国残疾人保障法》", titles)])])
    value = read(book.data)["cited"]["B2"].value
    assert len(value) == MAX_CELL and book.truncated == 1
    assert value.startswith(titles[:1000]) and value.endswith("characters in all; the CSV or JSON output holds the whole value / 已截断]")
    assert f"cut: {len(titles)} characters" in value


def test_control_characters_become_replacement_characters():
    book = workbook([Sheet("s", ["title"], [("残疾人\x00康复\x1b服务",)])])
    assert read(book.data)["s"]["A2"].value == "残疾人\ufffd康复\ufffd服务" and book.replaced == 1


def test_several_sheets_in_order():
    book = workbook([Sheet("a", ["x"], [(1,)]), Sheet("b", ["y"], [])])
    assert read(book.data).sheetnames == ["a", "b"] and book.sheets == ["a", "b"]


def test_too_many_rows_is_an_error_naming_the_sheet(monkeypatch):
    import policykg.spreadsheet as sp
    monkeypatch.setattr(sp, "MAX_ROWS", 3)
    with pytest.raises(OutputError, match="sheet 'tasks' has 3 rows; an Excel sheet holds at most 2"):
        sp.workbook([Sheet("tasks", ["x"], [(1,), (2,), (3,)])])
