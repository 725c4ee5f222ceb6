"""Task-division tables (重点工作任务分工表) printed the ways real plans print them: a lead cell merged
over several rows, rows numbered 1.1 / （1） / 一, category rows between task rows, a header of two
rows, a table flattened into tab-separated lines with an empty cell.  Each row gets its own units or a
gap with its line: never a neighbour's units, never a lead invented, never a row dropped silently."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from policykg.loaders.plan import load_plan  # noqa: E402
from tests.loaders.handmade import DIVISION_BODY as BODY, DIVISION_CELLS as CELLS, DIVISION_HEADER as HEADER  # noqa: E402
from tests.loaders.handmade import owners, text_plan as plain_plan  # noqa: E402

READ = [(["县民政局"], ["县财政局"], "2022年12月"),
        (["县卫生健康局"], ["县残疾人联合会"], "长期"),
        (["县住房和城乡建设局"], ["县残疾人联合会"], "持续推进"),
        (["县教育局"], ["县残疾人联合会"], "2025年")]


def add_table(document, rows: list[list[str]]):
    """A Word table printing `rows` (one cell a string) at the end of `document`."""
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    return table


def word_plan(tmp_path: Path, rows: list[list[str]], merges=(), *, body=None, after=()):
    """A .docx plan whose division table is a real Word table; `merges` are ((row, col), (row, col))
    corners of cells merged as Word merges them (the text printed once, in the top-left cell).
    `after`: paragraphs and further tables (lists of rows) printed under it."""
    document = docx.Document()
    for text in BODY if body is None else body:
        document.add_paragraph(text)
    for block in [rows, *after]:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = add_table(document, block)
        for a, b in merges if block is rows else ():
            table.cell(*a).merge(table.cell(*b))
    path = tmp_path / "plan.docx"
    document.save(path)
    return load_plan(path)


def text_plan(tmp_path: Path, table: str):
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(BODY) + "\n\n" + table, encoding="utf-8")
    return load_plan(path)


def division(record):
    section = next(s for c in record.chapters for s in c.sections if s.title == "重点工作任务分工表")
    return [(t.no, [u.label for u in t.units("lead")], [u.label for u in t.units("support")], t.deadline,
             t.implements.no if t.implements else None) for t in section.tasks]


def table_gaps(record):
    return [(g.line, g.message) for g in record.warnings if g.kind == "table"]


def numbered(numbers: list[str]) -> list[list[str]]:
    return [HEADER] + [[n] + cells for n, cells in zip(numbers, CELLS)]


def test_a_lead_merged_over_two_rows_of_a_word_table_is_each_rows_lead(tmp_path):
    # 县民政局 printed once for rows 1 and 2 (a vertically merged cell, Word's vMerge): the document
    # says it leads both.  Before: row 2 read no lead and was a gap
    rows = numbered(["1", "2", "3", "4"])
    rows[2][2] = ""  # (python-docx joins the texts of the cells it merges)
    r = word_plan(tmp_path, rows, merges=[((1, 2), (2, 2))])
    rows = division(r)
    assert rows[0] == ("1", ["县民政局"], ["县财政局"], "2022年12月", "1")
    assert rows[1] == ("2", ["县民政局"], ["县残疾人联合会"], "长期", "2")
    assert rows[2:] == [("3",) + READ[2] + ("3",), ("4",) + READ[3] + ("4",)]
    assert table_gaps(r) == []


def test_supporters_and_deadline_merged_over_rows_are_each_rows(tmp_path):
    # 县残联 and 长期 printed once for rows 2-4: before, rows 3 and 4 read no supporter and no
    # deadline, silently
    rows = numbered(["1", "2", "3", "4"])
    for r_ in (3, 4):
        rows[r_][3] = rows[r_][4] = ""
    r = word_plan(tmp_path, rows, merges=[((2, 3), (4, 3)), ((2, 4), (4, 4))])
    assert [row[2:4] for row in division(r)] == [(["县财政局"], "2022年12月")] + [(["县残疾人联合会"], "长期")] * 3
    assert table_gaps(r) == []


def test_a_lead_cell_left_empty_in_a_word_table_is_said_empty(tmp_path):
    rows = numbered(["1", "2", "3", "4"])
    rows[2][2] = ""  # no merge: the cell is empty
    r = word_plan(tmp_path, rows)
    assert division(r)[1] == ("2", [], ["县残疾人联合会"], "长期", "2")
    assert [m for _, m in table_gaps(r)] == ["division table row 2 prints no lead unit (its cell is empty): no lead read"]


def test_a_number_and_task_merged_over_two_rows_are_one_task(tmp_path):
    # 序号 and task printed once over two rows naming a lead each: one task with both leads, not two
    rows = numbered(["1", "2", "3", "4"])
    rows.insert(2, ["", "", "县人社局", "", ""])
    r = word_plan(tmp_path, rows, merges=[((1, 0), (2, 0)), ((1, 1), (2, 1))])
    assert division(r)[0] == ("1", ["县民政局", "县人力资源和社会保障局"], ["县财政局"], "2022年12月", "1")
    assert [row[0] for row in division(r)] == ["1", "2", "3", "4"]


def html_plan(tmp_path: Path, table: str):
    body = "".join(f"<p>{t}</p>" for t in BODY)
    path = tmp_path / "plan.html"
    path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>规划</title></head><body>"
                    f"<div>{body}<table border='1'>{table}</table></div></body></html>", encoding="utf-8")
    return load_plan(path)


def test_a_lead_and_deadline_with_a_rowspan_in_a_web_page_are_each_rows(tmp_path):
    # before: rows 2 (lead) and 3, 4 (deadline) read none (the rowspan printed once, at the top)
    def tr(cells):
        return "<tr>" + "".join(f"<td{a}>{c}</td>" for c, a in cells) + "</tr>"
    table = (tr([(h, "") for h in HEADER])
             + tr([("1", ""), (CELLS[0][0], ""), ("县民政局", " rowspan='2'"), ("县财政局", ""), ("2022年12月", "")])
             + tr([("2", ""), (CELLS[1][0], ""), ("县残联", ""), ("长期", " rowspan='3'")])
             + tr([("3", ""), (CELLS[2][0], ""), ("县住建局", ""), ("县残联", "")])
             + tr([("4", ""), (CELLS[3][0], ""), ("县教育局", ""), ("县残联", "")]))
    r = html_plan(tmp_path, table)
    assert division(r) == [("1", ["县民政局"], ["县财政局"], "2022年12月", "1"),
                           ("2", ["县民政局"], ["县残疾人联合会"], "长期", "2"),
                           ("3", ["县住房和城乡建设局"], ["县残疾人联合会"], "长期", "3"),
                           ("4", ["县教育局"], ["县残疾人联合会"], "长期", "4")]
    assert table_gaps(r) == []


def test_a_lead_ruled_over_two_rows_of_a_pdf_table_is_each_rows(tmp_path):
    # pdfplumber gives no cell (None) under a cell ruled down over two rows: before, row 2 read no lead
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("b", fontName="STSong-Light", fontSize=10, leading=15, wordWrap="CJK")
    rows = numbered(["1", "2", "3", "4"])
    rows[2][2] = ""
    story = [Paragraph(t, style) for t in BODY]
    story.append(Table([[Paragraph(c, style) for c in row] for row in rows], colWidths=[40, 150, 80, 80, 80],
                       style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (2, 1), (2, 2))])))
    path = tmp_path / "plan.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    r = load_plan(path)
    assert division(r)[:2] == [("1", ["县民政局"], ["县财政局"], "2022年12月", "1"),
                               ("2", ["县民政局"], ["县残疾人联合会"], "长期", "2")]
    assert table_gaps(r) == []


def test_a_lead_cell_left_empty_in_a_table_flattened_one_cell_a_line(tmp_path):
    rows = numbered(["1", "2", "3", "4"])
    rows[2][2] = ""  # the merged cell, printed once: a tab-only line under row 2
    r = text_plan(tmp_path, "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in rows))
    assert division(r)[1] == ("2", [], ["县残疾人联合会"], "长期", "2")
    assert [m for _, m in table_gaps(r)] == [
        "division table row 2 prints no lead unit (its cell is empty, or merged with a row above's: a table "
        "does not tell which): no lead read"]


@pytest.mark.parametrize("numbers, expected", [
    (["1.1", "1.2", "2.1", "2.2"], ["1.1", "1.2", "2.1", "2.2"]),
    (["（1）", "（2）", "（3）", "（4）"], ["1", "2", "3", "4"]),
    (["(1)", "(2)", "(3)", "(4)"], ["1", "2", "3", "4"]),
    (["一", "二", "三", "四"], ["1", "2", "3", "4"]),
    (["1.", "2.", "3.", "4."], ["1", "2", "3", "4"]),
    (["①", "②", "③", "④"], ["1", "2", "3", "4"]),
])
def test_rows_numbered_other_ways_are_read(tmp_path, numbers, expected):
    # before: a 序号 other than 1, 2, 3 left the whole table unread (a Word table) or said as a
    # table no reader takes (text): every row's units lost
    want = [(no,) + read + (str(k),) for k, (no, read) in enumerate(zip(expected, READ), 1)]
    assert division(word_plan(tmp_path, numbered(numbers))) == want
    flat = text_plan(tmp_path, "\n".join("\t".join(row) for row in numbered(numbers)) + "\n")
    assert division(flat) == want
    assert table_gaps(flat) == []


def test_category_rows_between_task_rows_are_no_tasks(tmp_path):
    # 一、社会保障 merged over the whole row, and a numbered parent row (1 over 1.1, 1.2) naming no unit
    rows = [HEADER, ["一、社会保障", "", "", "", ""], ["1"] + CELLS[0], ["2"] + CELLS[1],
            ["二、公共服务", "", "", "", ""], ["3"] + CELLS[2], ["4"] + CELLS[3]]
    r = word_plan(tmp_path, rows, merges=[((1, 0), (1, 4)), ((4, 0), (4, 4))])
    assert [row[0] for row in division(r)] == ["1", "2", "3", "4"]
    assert table_gaps(r) == []
    rows = [HEADER, ["1", "加强社会保障", "", "", ""], ["1.1"] + CELLS[0], ["1.2"] + CELLS[1],
            ["2", "提升公共服务", "", "", ""], ["2.1"] + CELLS[2], ["2.2"] + CELLS[3]]
    r = word_plan(tmp_path, rows)
    assert [row[:4] for row in division(r)] == [(no,) + read for no, read in zip(["1.1", "1.2", "2.1", "2.2"], READ)]
    assert table_gaps(r) == []


def test_a_row_whose_number_does_not_read_is_said_not_dropped(tmp_path):
    rows = numbered(["1", "2", "3", "4"])
    rows[3][0] = "3-1"
    r = word_plan(tmp_path, rows)
    assert [row[0] for row in division(r)] == ["1", "2", "4"]
    assert [m for _, m in table_gaps(r)] == [
        "division table row not read: its 序号 cell '3-1' prints no row number: 3-1 | 推进无障碍建设 | 县住建局 | 县残联 | 持续推进"]


def test_a_row_flattened_one_cell_short_is_read_for_its_task_only(tmp_path):
    # cells apart by runs of spaces, row 2's lead cell empty and so lost: its 县残联 stood under
    # 牵头单位 (a supporter read as the lead, silently); now which cell is missing is said
    rows = numbered(["1", "2", "3", "4"])
    rows[2][2] = ""
    r = text_plan(tmp_path, "\n".join("  ".join(c for c in row if c) for row in rows) + "\n")
    assert division(r)[1] == ("2", [], [], "", "2")
    assert division(r)[2] == ("3",) + READ[2] + ("3",)
    assert [m for _, m in table_gaps(r)] == [
        "division table row 2 has 3 cells under 4 column names: its units were not read"]


def test_an_empty_cell_between_two_tabs_keeps_its_column(tmp_path):
    rows = numbered(["1", "2", "3", "4"])
    rows[2][3] = ""  # row 2 names no supporter: 县卫健局\t\t长期
    r = text_plan(tmp_path, "\n".join("\t".join(row) for row in rows) + "\n")
    assert division(r)[1] == ("2", ["县卫生健康局"], [], "长期", "2")
    assert table_gaps(r) == []
    rows[2][2] = ""  # and no lead: 加强康复服务\t\t\t长期
    r = text_plan(tmp_path, "\n".join("\t".join(row) for row in rows) + "\n")
    assert division(r)[1] == ("2", [], [], "长期", "2")
    assert [m for _, m in table_gaps(r)] == [
        "division table row 2 prints no lead unit (its cell is empty, or merged with a row above's: a table "
        "does not tell which): no lead read"]


def test_a_row_ending_in_empty_cells_keeps_them_by_its_trailing_tabs(tmp_path):
    # row 2 names no deadline, row 3 neither supporter nor deadline: 3\t推进无障碍建设\t县住建局\t\t
    # (tab-separated, its last cells empty).  Stripping the line lost those tabs: rows narrower than
    # the header, their units a gap; the tabs say the missing cells are the last ones
    rows = numbered(["1", "2", "3", "4"])
    rows[2][4] = ""
    rows[3][3] = rows[3][4] = ""
    r = text_plan(tmp_path, "\n".join("\t".join(row) for row in rows) + "\n")
    assert division(r)[1:3] == [("2", ["县卫生健康局"], ["县残疾人联合会"], "", "2"),
                                ("3", ["县住房和城乡建设局"], [], "", "3")]
    assert table_gaps(r) == []
    # without the tabs (a line stripped before the plan was saved) which cell is missing is said
    r = text_plan(tmp_path, "\n".join("\t".join(row).rstrip("\t") for row in rows) + "\n")
    assert division(r)[2] == ("3", [], [], "", "3")
    assert [m for _, m in table_gaps(r)] == [
        "division table row 2 has 3 cells under 4 column names: its units were not read",
        "division table row 3 has 2 cells under 4 column names: its units were not read"]


def test_a_header_of_two_rows_reads_the_columns_under_责任单位(tmp_path):
    # 责任单位 printed over 牵头单位 | 配合单位: before, the supporters' column was a column '' not read
    rows = [["序号", "重点任务", "责任单位", "", "完成时限"], ["", "", "牵头单位", "配合单位", ""]] + numbered(
        ["1", "2", "3", "4"])[1:]
    r = word_plan(tmp_path, rows, merges=[((0, 2), (0, 3)), ((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 4), (1, 4))])
    assert division(r) == [(str(k),) + read + (str(k),) for k, read in enumerate(READ, 1)]
    assert table_gaps(r) == []


def cells_a_line(rows: list[list[str]]) -> str:
    """A table as text extraction prints it: a cell a tab-indented line (a tab alone: an empty
    cell), a blank line after each row."""
    return "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in rows)


def test_the_last_row_one_cell_short_is_said_not_shifted(tmp_path):
    # the last row lost its 配合单位 cell: its 完成时限 (2025年) stood under 配合单位 and its
    # supporters were read as its deadline, silently
    rows = numbered(["1", "2", "3", "4"])
    rows[4] = ["4", "发展特殊教育", "县教育局", "2025年"]
    r = text_plan(tmp_path, cells_a_line(rows))
    assert division(r)[:3] == [(str(k),) + read + (str(k),) for k, read in enumerate(READ[:3], 1)]
    assert division(r)[3] == ("4", [], [], "", "4")
    assert [m for _, m in table_gaps(r)] == [
        "division table row 4 has 3 cells under 4 column names: its units were not read"]


def test_a_header_of_two_rows_flattened_one_cell_a_line(tmp_path):
    # before: 牵头单位 was 'not read', rows 1-3 were not read and row 4's 县残联 was its deadline
    rows = [["序号", "重点任务", "责任单位", "", "完成时限"], ["", "", "牵头单位", "配合单位", ""]] + numbered(
        ["1", "2", "3", "4"])[1:]
    r = text_plan(tmp_path, cells_a_line(rows))
    assert division(r) == [(str(k),) + read + (str(k),) for k, read in enumerate(READ, 1)]
    assert table_gaps(r) == []


def two_word_tables(tmp_path: Path, second: list[list[str]]):
    """A division table broken into two Word tables (as over a page), the second without a header."""
    document = docx.Document()
    for text in BODY:
        document.add_paragraph(text)
    for rows in (numbered(["1", "2", "3", "4"])[:3], second):
        add_table(document, rows)
        document.add_paragraph("")
    path = tmp_path / "plan.docx"
    document.save(path)
    return load_plan(path)


def test_a_table_continued_without_its_header_keeps_its_rows(tmp_path):
    # before: rows 3 and 4, in a second table without the header, were dropped silently
    r = two_word_tables(tmp_path, numbered(["1", "2", "3", "4"])[3:])
    assert division(r) == [(str(k),) + read + (str(k),) for k, read in enumerate(READ, 1)]
    assert table_gaps(r) == []


def test_a_table_after_the_division_table_that_does_not_continue_it_is_said(tmp_path):
    r = two_word_tables(tmp_path, [["7"] + CELLS[2], ["8"] + CELLS[3]])
    assert [row[0] for row in division(r)] == ["1", "2"]
    assert [m[:100] for _, m in table_gaps(r)] == [
        "table of 2 rows after the division table above (as wide as it, but its rows' numbering does not foll"]


OWNER_HEADER = ["序号", "重点任务", "责任单位", "完成时限"]
OWNER_ROWS = [OWNER_HEADER, ["1", "完善低保制度", "县民政局、县残联", "2022年12月"], ["2", "加强康复服务", "县卫健局", "长期"]]


def test_a_responsible_units_column_alone_reads_as_the_body_reads_责任单位(tmp_path):
    # 责任单位 names the units responsible: in a plan that marks no lead the first-named leads, the
    # rest support (before: 县民政局 and 县残联 were both leads)
    want = [("1", ["县民政局"], ["县残疾人联合会"], "2022年12月", "1"), ("2", ["县卫生健康局"], [], "长期", "2")]
    assert division(word_plan(tmp_path, OWNER_ROWS)) == want
    assert division(text_plan(tmp_path, "\n".join("\t".join(r) for r in OWNER_ROWS) + "\n")) == want


@pytest.mark.parametrize("clause,want", [
    # the plan prints 责任单位 beside a lead label (牵头单位：A；责任单位：B): its 责任单位 names
    # supporters, in the table as in the body
    ("（牵头单位：县民政局；责任单位：县残联）", [([], ["县民政局", "县残疾人联合会"]), ([], ["县卫生健康局"])]),
    # it marks leads only in other clauses: its 责任单位 names the units responsible, first-named first
    ("（牵头单位：县民政局）", [(["县民政局"], ["县残疾人联合会"]), (["县卫生健康局"], [])]),
])
def test_a_responsible_units_column_follows_the_plans_convention(tmp_path, monkeypatch, clause, want):
    body = list(BODY)
    body[2] = f"1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围。{clause}"
    monkeypatch.setattr(sys.modules[__name__], "BODY", body)
    assert [row[1:3] for row in division(word_plan(tmp_path, OWNER_ROWS))] == want


def test_a_responsible_units_column_beside_supporters_names_co_leads(tmp_path, monkeypatch):
    # 责任单位 | 配合单位: set against supporters, 责任单位 plays the lead's part whatever the plan does
    # elsewhere: every unit of it leads (before: its first-named led and the rest were read as supporters,
    # 市社会保险事业管理局、市医疗保障局 as a lead and a supporter); the 配合单位 column is printed, empty or not
    body = list(BODY)
    body[2] = "1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围。（牵头单位：县民政局）"
    monkeypatch.setattr(sys.modules[__name__], "BODY", body)
    rows = [["序号", "重点任务", "责任单位", "配合单位", "完成时限"],
            ["1", "完善低保制度", "县民政局、县残联", "", "2022年12月"], ["2", "加强康复服务", "县卫健局", "县财政局", "长期"]]
    assert [row[1:3] for row in division(word_plan(tmp_path, rows))] == [
        (["县民政局", "县残疾人联合会"], []), (["县卫生健康局"], ["县财政局"])]


@pytest.mark.parametrize("note,want", [
    ("", (["县社会保险事业管理局", "县医疗保障局"], ["县财政局"])),
    # the plan's note says the first-named leads: it does, beside supporters too
    ("注：责任单位中第一个为牵头单位。", (["县社会保险事业管理局"], ["县医疗保障局", "县财政局"])),
])
def test_a_tab_table_of_responsible_and_supporting_columns_reads_co_leads(tmp_path, note, want):
    rows = [["序号", "重点任务", "责任单位", "配合单位", "完成时限"],
            ["1", "完善低保制度", "县社会保险事业管理局、县医疗保障局", "县财政局", "2022年12月"],
            ["2", "加强康复服务", "县卫健局", "县残联", "长期"]]
    r = plain_plan(tmp_path, "\n".join(BODY[:4] + BODY[6:]) + "\n"
                   + "\n".join("\t".join(row) for row in rows) + "\n" + (note + "\n" if note else ""))
    assert [row[1:3] for row in division(r)] == [want, (["县卫生健康局"], ["县残疾人联合会"])]


CLAUSE_ROWS = [HEADER, ["1", "完善低保制度", "县住建局牵头，县交通局配合", "", "2022年12月"],
               ["2", "加强康复服务", "由县民政局负责，县残联配合", "", "长期"],
               ["3", "推进无障碍建设", "县民政局（牵头）、县残联", "", "持续推进"],
               ["4", "发展特殊教育", "县教育局牵头", "县残联", "2025年"]]
CLAUSE_READ = [(["县住房和城乡建设局"], ["县交通运输局"]), (["县民政局"], ["县残疾人联合会"]),
               (["县民政局"], ["县残疾人联合会"]), (["县教育局"], ["县残疾人联合会"])]


@pytest.mark.parametrize("printing", ["docx", "txt"])
def test_a_lead_cell_printed_as_a_clause_reads_by_the_clause_grammar(tmp_path, printing):
    # before: 县住建局牵头 and 县交通局配合 (由县民政局负责, 县残联配合) were not read as units: gaps,
    # and the row read no lead
    r = word_plan(tmp_path, CLAUSE_ROWS) if printing == "docx" else text_plan(
        tmp_path, "\n".join("\t".join(row) for row in CLAUSE_ROWS) + "\n")
    assert [row[1:3] for row in division(r)] == CLAUSE_READ
    assert [g for g in r.warnings if g.kind in ("unit-name", "table", "responsibility")] == []


def test_a_responsible_units_cell_printed_as_a_clause_keeps_its_verbs(tmp_path):
    # under 责任单位, 县住建局牵头，县交通局配合 says who leads: the verbs, not the column's convention
    rows = [OWNER_HEADER, ["1", "完善低保制度", "县住建局牵头，县交通局配合", "2022年12月"],
            ["2", "加强康复服务", "县卫健局牵头", "长期"]]
    assert [row[1:3] for row in division(word_plan(tmp_path, rows))] == [
        (["县住房和城乡建设局"], ["县交通运输局"]), (["县卫生健康局"], [])]


def test_an_unnumbered_row_with_a_task_and_lead_of_its_own_is_not_joined_to_the_row_above(tmp_path):
    # before: 加强康复服务 and its 县卫健局 were joined to row 1 (its task 完善低保制度加强康复服务, its
    # leads 县民政局 and 县卫健局), silently
    rows = numbered(["1", "2", "3", "4"])
    rows[2][0] = ""
    r = word_plan(tmp_path, rows)
    assert [row[:3] for row in division(r)] == [("1", ["县民政局"], ["县财政局"]), ("3",) + READ[2][:2],
                                                ("4",) + READ[3][:2]]
    assert [m for _, m in table_gaps(r)] == [
        "division table row after row 1 prints no number but a task and lead of its own: not read (nor joined "
        "to row 1): 加强康复服务 | 县卫健局 | 县残联 | 长期"]


def test_a_row_broken_over_a_page_is_joined_to_the_row_above(tmp_path):
    # its task goes on with a sentence left open, or its lead cell finishes a name broken off
    rows = numbered(["1", "2", "3", "4"])
    rows[1] = ["1", "完善低保制度，将符合条件的", "县民政局", "县财政局", "2022年12月"]
    rows.insert(2, ["", "残疾人纳入保障范围。", "", "", ""])
    rows[3] = ["2", "加强康复服务", "县卫生", "县残联", "长期"]
    rows.insert(4, ["", "落实康复补贴", "健康局", "", ""])
    r = word_plan(tmp_path, rows)
    assert [row[:3] for row in division(r)][:2] == [("1", ["县民政局"], ["县财政局"]),
                                                    ("2", ["县卫生健康局"], ["县残疾人联合会"])]
    task = next(t for t in r.tasks() if t.no == "1" and t.deadline == "2022年12月")
    assert task.text == "完善低保制度，将符合条件的残疾人纳入保障范围。"
    assert table_gaps(r) == []


@pytest.mark.parametrize("name", ["工作内容", "主要工作任务", "重点工作", "任务名称"])
def test_task_columns_named_other_ways_are_read(tmp_path, name):
    # before: a table whose task column was named so was no division table: every row's units lost
    rows = numbered(["1", "2", "3", "4"])
    rows[0] = ["序号", name, "牵头单位", "配合单位", "完成时限"]
    want = [(str(k),) + read + (str(k),) for k, read in enumerate(READ, 1)]
    assert division(word_plan(tmp_path, rows)) == want
    assert division(text_plan(tmp_path, cells_a_line(rows))) == want


def test_a_task_cell_printing_its_number_keeps_it_out_of_the_title(tmp_path):
    # 1.完善低保制度: before, the division row's title was "1.完善低保制度"; a row whose 序号 is
    # empty takes the number its task prints (before: joined to the row above)
    rows = numbered(["1", "2", "3", "4"])
    for k in range(1, 5):
        rows[k][1] = f"{k}.{rows[k][1]}"
    rows[2][0] = ""
    r = word_plan(tmp_path, rows)
    assert [row[:3] for row in division(r)] == [(str(k),) + read[:2] for k, read in enumerate(READ, 1)]
    section = next(s for c in r.chapters for s in c.sections if s.title == "重点工作任务分工表")
    assert [t.title for t in section.tasks] == [c[0] for c in CELLS]
    assert table_gaps(r) == []


def test_a_division_table_printed_as_a_chapter_of_the_body_stays_in_it(tmp_path):
    # the table is the only content of chapter 二、重点任务分工 (no 附件): before, it went to an
    # appendix the plan never prints and the chapter was said to hold no task (a false gap)
    body = BODY[:6] + ["二、重点任务分工", "\t".join(HEADER)] + [
        "\t".join([str(k)] + cells) for k, cells in enumerate(CELLS, 1)] + ["三、保障措施", "加强组织领导。"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    record = load_plan(path)
    chapter = next(c for c in record.chapters if c.title == "重点任务分工")
    assert [(t.no, [u.label for u in t.units("lead")], t.implements.no if t.implements else None)
            for s in chapter.sections for t in s.tasks] == [
        ("1", ["县民政局"], "1"), ("2", ["县卫生健康局"], "2"), ("3", ["县住房和城乡建设局"], "3"),
        ("4", ["县教育局"], "4")]
    assert [c.title for c in record.chapters] == ["主要任务", "重点任务分工", "保障措施"]
    assert record.warnings == []


# a table whose content column (具体内容, 主要措施 …) says what each task is to do, beside its name
CONTENT_HEADER = ["序号", "任务名称", "具体内容", "牵头单位", "配合单位", "完成时限"]
CONTENT_ROWS = [["1", "完善低保制度", "将符合条件的残疾人纳入低保，2023年覆盖率达到95%。", "县民政局", "县财政局", "2022年底"],
                ["2", "加强康复服务", "实施精准康复。", "县卫健局", "县残联", "长期"],
                ["3", "推进融合教育", "普通学校随班就读。", "县教育局", "县残联", "2025年"]]
TASKS_BODY = ["青山县“十四五”残疾人事业发展规划", "一、发展目标", "到2025年，残疾人事业全面发展。", "二、主要任务"]
CONTENT_READ = [("1", "完善低保制度", "完善低保制度：将符合条件的残疾人纳入低保，2023年覆盖率达到95%。", ["县民政局"], "2022年底"),
                ("2", "加强康复服务", "加强康复服务：实施精准康复。", ["县卫生健康局"], "长期"),
                ("3", "推进融合教育", "推进融合教育：普通学校随班就读。", ["县教育局"], "2025年")]


def tasks_table_plan(tmp_path: Path, printing: str, rows: list[list[str]]):
    """A plan whose only tasks are a table's rows under 二、主要任务, printed as `printing`."""
    if printing == "docx":
        document = docx.Document()
        for text in TASKS_BODY:
            document.add_paragraph(text)
        add_table(document, rows)
        document.add_paragraph("三、保障措施")
        path = tmp_path / "plan.docx"
        document.save(path)
        return load_plan(path)
    table = {"tab rows": "\n".join("\t".join(row) for row in rows) + "\n",
             "cells a line": cells_a_line(rows),
             "plain cells": "重点任务分工表\n" + "".join(f"{c}\n" for row in rows for c in row)}[printing]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(TASKS_BODY) + "\n" + table + "三、保障措施\n", encoding="utf-8")
    return load_plan(path)


def tasks_read(record):
    return [(t.no, t.title, t.text, [u.label for u in t.units("lead")], t.deadline) for t in record.tasks()]


@pytest.mark.parametrize("printing", ["tab rows", "cells a line", "docx"])
def test_a_content_column_is_the_tasks_text(tmp_path, printing):
    # before: the task's text was its name only, and 具体内容 a gap ("division table column
    # '具体内容' not read"): what each task is to do was lost
    r = tasks_table_plan(tmp_path, printing, [CONTENT_HEADER] + CONTENT_ROWS)
    assert tasks_read(r) == CONTENT_READ
    assert table_gaps(r) == []
    # a target the content states is the task's, on the row's line
    task = r.tasks()[0]
    assert [(v.printed, v.span.line) for v in task.targets] == [("2023年覆盖率达到95%", task.span.line)]


def test_a_content_column_printed_without_cell_marks_is_the_tasks_text(tmp_path):
    # one cell a line, no tab: the name is the row's first line, its content runs to its 。
    rows = [CONTENT_HEADER[:5]] + [row[:5] for row in CONTENT_ROWS]
    r = tasks_table_plan(tmp_path, "plain cells", rows)
    assert [t[:4] for t in tasks_read(r)] == [t[:4] for t in CONTENT_READ]
    assert [[u.label for u in t.units("support")] for t in r.tasks()] == [
        ["县财政局"], ["县残疾人联合会"], ["县残疾人联合会"]]
    assert table_gaps(r) == []
    # the target is on the content's own line (the name's is the line above it)
    task = r.tasks()[0]
    assert [(v.printed, v.span.line) for v in task.targets] == [("2023年覆盖率达到95%", task.span.line + 2)]


@pytest.mark.parametrize("name, content", [("重点任务", "主要措施"), ("任务名称", "工作内容"), ("主要任务", "目标任务"),
                                           ("任务", "建设内容"), ("重点工作", "具体措施")])
def test_content_columns_named_other_ways_are_the_tasks_text(tmp_path, name, content):
    header = ["序号", name, content, "牵头单位", "配合单位", "完成时限"]
    for printing in ("tab rows", "docx"):
        r = tasks_table_plan(tmp_path, printing, [header] + CONTENT_ROWS)
        assert tasks_read(r) == CONTENT_READ
        assert table_gaps(r) == []


def test_a_content_column_of_a_table_dividing_the_prose_tasks_is_the_rows_text(tmp_path):
    # the tasks are printed in the plan's prose; the appendix table divides them and says each one's
    # content again: its row keeps that content as its text (before: lost, said as a column not
    # read), and still implements the prose task, whose text is the prose's
    content = ["将符合条件的残疾人纳入最低生活保障范围。", "实施精准康复服务行动。", "开展家庭无障碍改造。", "办好特殊教育学校。"]
    rows = [["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "完成时限"]] + [
        [str(k), cells[0], text] + cells[1:] for k, (cells, text) in enumerate(zip(CELLS, content), 1)]
    for r in (text_plan(tmp_path, "\n".join("\t".join(row) for row in rows) + "\n"), word_plan(tmp_path, rows)):
        assert division(r) == [(str(k),) + read + (str(k),) for k, read in enumerate(READ, 1)]
        section = next(s for c in r.chapters for s in c.sections if s.title == "重点工作任务分工表")
        assert [t.text for t in section.tasks] == [f"{cells[0]}：{text}" for cells, text in zip(CELLS, content)]
        assert [t.implements.text for t in section.tasks] == [
            "完善低保制度。将符合条件的残疾人纳入最低生活保障范围。", "加强康复服务。实施精准康复服务行动。",
            "推进无障碍建设。开展家庭无障碍改造。", "发展特殊教育。办好特殊教育学校。"]
        assert table_gaps(r) == []


@pytest.mark.parametrize("lead, support", [("牵头部门", "配合部门"), ("责任处室", "配合处室"), ("牵头科室", "协助部门")])
@pytest.mark.parametrize("printing", ["word", "text"])
def test_a_tables_columns_named_for_departments_or_offices_are_read(tmp_path, lead, support, printing):
    # a department's plan (a 残联's 工作要点) names its own 部门 / 处室 / 科室 over the columns, as its
    # clauses label them (牵头部门：…).  Before, the table was no division table: its units were a gap
    rows = [["序号", "重点工作", lead, support, "完成时限"]] + [[str(k)] + c for k, c in enumerate(CELLS, 1)]
    if printing == "word":
        r = word_plan(tmp_path, rows)
    else:
        r = text_plan(tmp_path, "\n".join("\t".join(row) for row in rows) + "\n")
    assert division(r) == [(str(k), lead_, sup, dl, str(k)) for k, (lead_, sup, dl) in enumerate(READ, 1)]
    assert table_gaps(r) == []


# a plan numbering its tasks anew in each section, two of them of one title, and its table citing
# each row's chapter and section (规划章节): the cited place says which task a row is
PLACED_BODY = ["锡林郭勒盟“十四五”社会救助体系建设规划", "第一章　基本生活救助", "第一节　完善低保制度",
               "1.规范低保对象认定。完善家庭收入和财产认定办法。", "2.加强队伍建设。培训社会救助经办人员。",
               "第二章　专项救助", "第一节　完善医疗救助", "1.加强医疗救助。落实分类资助参保政策。",
               "2.加强队伍建设。培训医疗救助经办人员。", "附件", "重点任务分工表"]


def placed_plan(tmp_path: Path, rows: list[list[str]]):
    header = ["序号", "规划章节", "重点任务", "牵头单位", "责任单位"]
    lines = ["\t".join(header)] + ["\t".join([str(k), *row]) for k, row in enumerate(rows, 1)]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(PLACED_BODY + lines) + "\n", encoding="utf-8")
    return load_plan(path)


def linked(record):
    """Each row's number, lead and the body task it is (its text's opening), or None."""
    section = next(s for c in record.chapters for s in c.sections if s.title == "重点任务分工表")
    return [(t.no, [u.label for u in t.units("lead")],
             (t.implements.text.split("人员")[0] if t.implements is not None else None)) for t in section.tasks]


def test_a_row_citing_its_chapter_and_section_is_that_places_task(tmp_path):
    # rows 2 and 4 print the same title: by title alone neither could be told (no link); by the
    # place each cites, each is its own section's task.  Before, the column was a gap, rows 2 and 4 unlinked
    r = placed_plan(tmp_path, [["第一章第一节", "规范低保对象认定", "盟民政局", "盟乡村振兴局"],
                               ["第一章第一节", "加强队伍建设", "盟民政局", "盟人力资源和社会保障局"],
                               ["第二章第一节", "加强医疗救助", "盟医疗保障局", "盟民政局"],
                               ["第二章第一节", "加强队伍建设", "盟医疗保障局", "盟人力资源和社会保障局"]])
    assert linked(r) == [("1", ["盟民政局"], "规范低保对象认定。完善家庭收入和财产认定办法。"),
                         ("2", ["盟民政局"], "加强队伍建设。培训社会救助经办"),
                         ("3", ["盟医疗保障局"], "加强医疗救助。落实分类资助参保政策。"),
                         ("4", ["盟医疗保障局"], "加强队伍建设。培训医疗救助经办")]
    assert r.warnings == []


def test_a_row_citing_a_place_that_holds_no_task_of_its_title_is_a_gap(tmp_path):
    # row 2 cites 第二章第一节 for a task of the first chapter: not linked there, nor to the first
    # chapter's task its title names; row 3's cell cites no chapter (linked by its title alone)
    r = placed_plan(tmp_path, [["第一章第一节", "规范低保对象认定", "盟民政局", "盟乡村振兴局"],
                               ["第二章第一节", "规范低保对象认定", "盟民政局", "盟乡村振兴局"],
                               ["见正文", "加强医疗救助", "盟医疗保障局", "盟民政局"]])
    assert [x[2] for x in linked(r)] == ["规范低保对象认定。完善家庭收入和财产认定办法。", None,
                                         "加强医疗救助。落实分类资助参保政策。"]
    gaps = [(g.line, g.message) for g in r.warnings]
    assert [line for line, _ in gaps] == [14, 15]
    assert "row 2 cites 第二章第一节" in gaps[0][1] and "'见正文'" in gaps[1][1]


def test_a_deadline_column_printed_without_cell_marks_is_the_tasks_deadline(tmp_path):
    # one cell a line, no tab, 完成时限 last: before, only row 1 was read, its deadline 2022年底 read
    # as a supporting unit (a gap 'not read as a unit'), and rows 2 and 3 a gap 'rows from 2 on not read'
    r = tasks_table_plan(tmp_path, "plain cells", [CONTENT_HEADER] + CONTENT_ROWS)
    assert tasks_read(r) == CONTENT_READ
    assert [[u.label for u in t.units("support")] for t in r.tasks()] == [
        ["县财政局"], ["县残疾人联合会"], ["县残疾人联合会"]]
    assert r.warnings == []


def test_a_deadline_column_without_cell_marks_beside_units_printed_over_lines(tmp_path):
    # a content wrapped onto two lines, two supporters one a line, a row printing no supporter and
    # one printing no deadline (its cell empty): each row reads to the next row's number
    rows = [CONTENT_HEADER, CONTENT_ROWS[0],
            ["2", "加强康复服务", "实施精准康复，", "提高服务质量。", "县卫健局", "县残联", "县医保局", "长期"],
            ["3", "推进融合教育", "普通学校随班就读。", "县教育局", "2025年"],
            ["4", "发展特殊教育", "办好特殊教育学校。", "县教育局", "县残联"]]
    r = tasks_table_plan(tmp_path, "plain cells", rows)
    assert [(t.no, t.text, [u.label for u in t.units("lead")], [u.label for u in t.units("support")], t.deadline)
            for t in r.tasks()] == [
        ("1", CONTENT_READ[0][2], ["县民政局"], ["县财政局"], "2022年底"),
        ("2", "加强康复服务：实施精准康复，提高服务质量。", ["县卫生健康局"], ["县残疾人联合会", "县医疗保障局"], "长期"),
        ("3", "推进融合教育：普通学校随班就读。", ["县教育局"], [], "2025年"),
        ("4", "发展特殊教育：办好特殊教育学校。", ["县教育局"], ["县残疾人联合会"], "")]
    # row 2's three lines of units under two columns: the first is read as the lead's, and said, for a
    # lead's cell of several lines would read so too (中国移动… / 中国电信… / 中国联通… all leading)
    assert [g.message.split(":")[0] for g in r.warnings] == [
        "division table row 2 prints its units one a line, more lines than columns of units, and no mark "
        "where a cell ends"]


def test_a_deadline_column_before_the_units_printed_without_cell_marks(tmp_path):
    rows = [["序号", "重点任务", "完成时限", "牵头单位", "配合单位"],
            ["1", "完善低保制度。", "2022年底", "县民政局", "县财政局"], ["2", "加强康复服务。", "长期", "县卫健局", "县残联"]]
    r = tasks_table_plan(tmp_path, "plain cells", rows)
    assert [(t.no, [u.label for u in t.units("lead")], [u.label for u in t.units("support")], t.deadline)
            for t in r.tasks()] == [("1", ["县民政局"], ["县财政局"], "2022年底"),
                                    ("2", ["县卫生健康局"], ["县残疾人联合会"], "长期")]
    assert r.warnings == []


def test_a_row_whose_deadline_cell_cannot_be_told_without_cell_marks_reads_no_units(tmp_path):
    # 根据工作进度 reads as no deadline and no unit: which cell is which the lines do not tell, so
    # the row reads its task only and is said; never a deadline read as a unit.  The rows after it read
    rows = [CONTENT_HEADER, CONTENT_ROWS[0], CONTENT_ROWS[1][:5] + ["根据工作进度"], CONTENT_ROWS[2]]
    r = tasks_table_plan(tmp_path, "plain cells", rows)
    assert [(t.no, [u.label for u in t.units("lead")], [u.label for u in t.units("support")], t.deadline)
            for t in r.tasks()] == [("1", ["县民政局"], ["县财政局"], "2022年底"), ("2", [], [], ""),
                                    ("3", ["县教育局"], ["县残疾人联合会"], "2025年")]
    assert [(g.line, g.message.split(":")[0]) for g in r.warnings] == [
        (18, "division table row 2 prints after its task 县卫健局 | 县残联 | 根据工作进度 under columns of units "
             "and a deadline")]


# -- merged cells, headers and notes as Word and web pages print them --------------------------

#: 类别 | 序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 | 完成时限: the category printed once for its rows,
#: 序号 and 重点任务 printed once over the two measures of task 1, each measure with its own units
MEASURES = [["类别", "序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"],
            ["社会保障", "1", "完善低保制度", "将符合条件的残疾人纳入低保。", "县民政局", "县财政局", "2022年底"],
            ["", "", "", "提高重度残疾人护理补贴标准。", "县残联", "县财政局", "2023年底"],
            ["", "2", "加强康复服务", "实施精准康复服务行动。", "县卫健局", "县残联", "长期"],
            ["教育就业", "3", "推进无障碍建设", "开展家庭无障碍改造。", "县住建局", "县残联", "持续推进"]]
MEASURES_READ = [("1", ["县民政局"], ["县财政局"], "2022年底"),
                 ("1", ["县残疾人联合会"], ["县财政局"], "2023年底"),
                 ("2", ["县卫生健康局"], ["县残疾人联合会"], "长期"),
                 ("3", ["县住房和城乡建设局"], ["县残疾人联合会"], "持续推进")]


def measures_html(tmp_path: Path):
    rs = " rowspan='2'"
    rows = ["".join(f"<td>{c}</td>" for c in MEASURES[0]),
            f"<td rowspan='3'>社会保障</td><td{rs}>1</td><td{rs}>完善低保制度</td>"
            + "".join(f"<td>{c}</td>" for c in MEASURES[1][3:]),
            "".join(f"<td>{c}</td>" for c in MEASURES[2][3:]),
            "".join(f"<td>{c}</td>" for c in MEASURES[3][1:]),
            "".join(f"<td>{c}</td>" for c in MEASURES[4])]
    return html_plan(tmp_path, "".join(f"<tr>{r}</tr>" for r in rows))


@pytest.mark.parametrize("printing", ["docx", "html"])
def test_a_category_column_and_measures_under_one_merged_task_are_each_read(tmp_path, printing):
    # before: a 类别 column before 序号 left the table unread, without a word (its rows prose of the
    # appendix); with 序号 first, task 1's second measure was joined to the first: one task led by
    # 县民政局 and 县残联, its deadline 2022年底2023年底.  Each measure is the task's, with its own units
    r = measures_html(tmp_path) if printing == "html" else word_plan(
        tmp_path, MEASURES, merges=[((1, 0), (3, 0)), ((1, 1), (2, 1)), ((1, 2), (2, 2))])
    assert [row[:4] for row in division(r)] == MEASURES_READ
    section = next(s for c in r.chapters for s in c.sections if s.title == "重点工作任务分工表")
    assert [t.title for t in section.tasks] == ["完善低保制度", "完善低保制度", "加强康复服务", "推进无障碍建设"]
    assert section.tasks[1].text == "完善低保制度：提高重度残疾人护理补贴标准。"
    assert table_gaps(r) == []


def test_a_task_merged_over_two_numbered_rows_names_each(tmp_path):
    # before: row 2 read a task with no title (its 重点任务 printed once, in row 1)
    rows = [r[1:] for r in MEASURES[:3]]
    rows[2][0] = "2"
    r = word_plan(tmp_path, rows, merges=[((1, 1), (2, 1))])
    section = next(s for c in r.chapters for s in c.sections if s.title == "重点工作任务分工表")
    assert [(t.no, t.title) for t in section.tasks] == [("1", "完善低保制度"), ("2", "完善低保制度")]
    assert [row[1] for row in division(r)] == [["县民政局"], ["县残疾人联合会"]]


@pytest.mark.parametrize("repeated", [False, True])
def test_the_rest_of_a_table_under_a_续表_line_is_read_as_the_table(tmp_path, repeated):
    # before: the rest printed without its header under 续表 was lost, without a word; under its
    # header printed again, it was a second table of no title
    rows = numbered(["1", "2", "3", "4"])
    rest = ([HEADER] if repeated else []) + rows[3:]
    r = word_plan(tmp_path, rows[:3], after=["续表", rest])
    assert [row[:4] for row in division(r)] == [(str(k),) + read for k, read in enumerate(READ, 1)]
    assert [s.title for c in r.chapters for s in c.sections if c.kind == "appendix"] == ["重点工作任务分工表"]


def test_role_words_printed_alone_under_a_units_group_are_its_columns(tmp_path):
    # 责任单位 printed over 牵头 | 配合: before, 配合 was no column (its units not read, said)
    rows = [["序号", "重点任务", "责任单位", "", "完成时限"], ["", "", "牵头", "配合", ""]] + numbered(
        ["1", "2", "3", "4"])[1:]
    r = word_plan(tmp_path, rows, merges=[((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((0, 4), (1, 4))])
    assert [row[1:4] for row in division(r)] == READ
    assert table_gaps(r) == []


@pytest.mark.parametrize("where", ["note", "header"])
def test_a_note_that_the_first_unit_leads_gives_each_row_its_lead(tmp_path, where):
    # one 责任单位 column, in a plan printing 责任单位 beside a lead elsewhere (there: the supporters).
    # Before, the note (注：责任单位中第一个为牵头单位, or in the column's name) was not read: no row had
    # a lead, all its units support, without a word; with the note in the column's name, all led
    body = BODY[:2] + ["1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围。（牵头单位：县民政局；责任单位：县财政局）"] + BODY[3:]
    owner = "责任单位（第一个为牵头单位）" if where == "header" else "责任单位"
    rows = [["序号", "重点任务", owner, "完成时限"], ["1", "完善低保制度", "县民政局\n县财政局", "2022年底"],
            ["2", "加强康复服务", "县卫健局、县残联", "长期"]]
    r = word_plan(tmp_path, rows, body=body, after=["注：责任单位中第一个为牵头单位。"] if where == "note" else ())
    assert [row[1:3] for row in division(r)] == [(["县民政局"], ["县财政局"]),
                                                (["县卫生健康局"], ["县残疾人联合会"])]


def test_a_table_naming_units_columns_that_no_reader_takes_is_said(tmp_path):
    # No. | 事项名称 | 牵头单位: no division table's header; before, a Word table of it stayed prose, unread
    # and unsaid (its units lost without a word).  (编号 | 工作事项 | 牵头单位, this test's table once, is
    # read now: test_a_number_column_named_编号_reads_as_序号, test_columns_named_other_ways_real_tables_print)
    rows = [["No.", "事项名称", "牵头单位", "配合单位"], ["1", "完善低保制度", "县民政局", "县财政局"],
            ["2", "加强康复服务", "县卫健局", "县残联"]]
    r = word_plan(tmp_path, rows, body=BODY[:-1] + ["专项工作安排"])
    assert [m for _, m in table_gaps(r)] == [
        "table of 3 rows not read as an indicator or division table (first row: No. | 事项名称 | 牵头单位 | 配合单位)"]


# -- a division printed as a list of text, after the plan ------------------------------------------

_PLAN = ("青山县“十四五”残疾人事业发展规划\n\n一、发展目标\n到2025年，残疾人事业全面发展。\n\n二、主要任务\n"
         "（一）完善社会保障\n1.完善低保制度。将残疾人纳入低保。\n2.加强康复服务。实施精准康复。\n"
         "三、保障措施\n加强组织领导。\n")
_LIST = ("1.完善低保制度。牵头单位：县民政局；配合单位：县财政局。\n"
         "2.加强康复服务。牵头单位：县卫健局；配合单位：县残联。\n")


@pytest.mark.parametrize("heading", ["四、责任分工\n", "四、重点任务分工\n", "附件\n重点任务分工\n\n", "附件：重点任务分工\n"])
def test_a_division_list_in_a_chapter_or_annex_titled_as_one_holds_tasks(tmp_path, heading):
    """四、责任分工 (or 附件 / 重点任务分工) over 1.完善低保制度。牵头单位：… : its items, after the
    safeguards under no chapter of tasks, were read into nothing, without a word."""
    record = plain_plan(tmp_path, _PLAN + heading + _LIST)
    assert owners(record)[2:] == [("完善低保制度", ["县民政局"], ["县财政局"]),
                                  ("加强康复服务", ["县卫生健康局"], ["县残疾人联合会"])]
    # each divides the plan's task it restates, as a division table's row does
    assert [t.implements for t in record.tasks()[2:]] == record.tasks()[:2]
    assert not record.warnings


def test_items_naming_units_in_an_annex_of_no_tasks_are_said(tmp_path):
    """附件 / 有关说明 / 1.…牵头单位：… : no division's title, so no tasks; the items' units were lost
    without a word."""
    record = plain_plan(tmp_path, _PLAN + "附件\n有关说明\n" + _LIST)
    assert len(record.tasks()) == 2
    assert [(w.line, w.kind) for w in record.warnings] == [(14, "responsibility"), (15, "responsibility")]


def test_a_row_flattened_short_of_its_merged_lead_keeps_its_tasks_title(tmp_path):
    """A lead merged over two rows, flattened one cell a line: the second row, a cell short, was
    titled by its longest cell, its supporters' list (县残联、县交通运输局), under the gap."""
    rows = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "完善低保制度", "县民政局", "县财政局", "2022年12月"],
            ["2", "加强康复服务", "县卫健局", "县残联", "长期"],
            ["3", "推进无障碍建设", "县残联、县交通运输局", "持续推进"]]
    r = text_plan(tmp_path, "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in rows))
    section = next(s for c in r.chapters for s in c.sections if s.title == "重点工作任务分工表")
    assert [t.title for t in section.tasks] == ["完善低保制度", "加强康复服务", "推进无障碍建设"]
    assert [u.label for u in section.tasks[2].responsibilities] == []
    assert [m for _, m in table_gaps(r)] == ["division table row 3 has 3 cells under 4 column names: its units were not read"]


_SHARED_WORDS = ("青山县“十四五”残疾人事业发展规划\n一、主要任务\n"
                 "1.加强残疾人就业服务。健全残疾人就业服务体系。\n"
                 "2.完善残疾人就业创业政策。落实税收优惠，加强残疾人就业服务。\n"
                 "3.加强残疾人服务机构建设。建设就业服务设施，加强残疾人就业服务。\n"
                 "附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\n")


@pytest.mark.parametrize("cell", ["加强残疾人就业服务", "加强残疾人就业服务。", "1.加强残疾人就业服务"])
def test_a_row_printing_a_tasks_title_implements_it_whatever_other_tasks_say(tmp_path, cell):
    """The row prints task 1's title whole; tasks 2 and 3 hold the same words in their text
    (…，加强残疾人就业服务。), so by its words alone the row matched three tasks as well and was
    linked to none: task 1 read no owner, without a word (the division sweep, 薛城区's plan)."""
    r = plain_plan(tmp_path, _SHARED_WORDS + f"1\t{cell}\t县残联\t县人社局\n"
                   "2\t完善残疾人就业创业政策\t县人社局\t县税务局\n3\t加强残疾人服务机构建设\t县残联\t县发改局\n")
    body, rows = r.tasks()[:3], r.tasks()[3:]
    assert [t.implements for t in rows] == body
    assert [[u.label for u in t.units("lead")] for t in rows] == [["县残疾人联合会"], ["县人力资源和社会保障局"],
                                                                  ["县残疾人联合会"]]
    assert not r.warnings


#: a division table whose row 1 leaves its supporters' cell to `units_cell_plan`
UNITS_ROWS = [["序号", "重点任务", "牵头单位", "配合单位"], ["1", "完善低保制度", "县民政局", ""],
              ["2", "加强康复服务", "县卫健局", "县残联"]]


def units_cell_plan(tmp_path: Path, rows: list[list[str]], units: list[str], lines: str) -> Path:
    """A Word plan whose division table prints `rows`, row 1's supporters' cell `units` one a line:
    parted by line breaks (`br`) or a paragraph each."""
    document = docx.Document()
    for text in BODY:
        document.add_paragraph(text)
    cell = add_table(document, rows).cell(1, 3)
    if lines == "br":
        cell.text = "\n".join(units)
    else:
        cell.text = units[0]
        for unit in units[1:]:
            cell.add_paragraph(unit)
    path = tmp_path / "plan.docx"
    document.save(path)
    return path


@pytest.mark.parametrize("lines", ["br", "paragraphs"])
@pytest.mark.parametrize("first", ["县政府办公室（县大数据局）", "县政府办公室〈县大数据局〉"])
def test_units_one_a_line_in_a_word_cell_part_after_a_name_closing_with_a_note(tmp_path, lines, first):
    """县政府办公室（县大数据局） over 县人社局 in one cell, one unit a line (a line break, or a paragraph
    each): the bracket ending the first line was taken for a wrapped name's, and the lines joined
    into one unit, 县政府办公室（县大数据局）县人社局, without a word (the division sweep, 薛城区's plan)."""
    rows = [*UNITS_ROWS[:2], ["2", "加强康复服务", "县卫健局（县医保局）", "县残联"]]
    r = load_plan(units_cell_plan(tmp_path, rows, [first, "县人社局", "县财政局"], lines))
    assert [row[1:3] for row in division(r)] == [
        (["县民政局"], ["县政府办公室", "县人力资源和社会保障局", "县财政局"]),
        (["县卫生健康局"], ["县残疾人联合会"])]
    assert not r.warnings


@pytest.mark.parametrize("lines", ["br", "paragraphs"])
def test_a_group_of_units_on_a_line_of_its_own_in_a_word_cell_is_no_part_of_the_name_above(tmp_path, lines):
    """县红十字会 over 残疾人工作委员会成员单位, one a line in a cell: 单位 ends no body's name, so the
    lines were taken for one name wrapped, 红十字会残疾人工作委员会成员单位, without a word (the
    division sweep, 乌达区's plan)."""
    r = load_plan(units_cell_plan(tmp_path, UNITS_ROWS, ["县红十字会", "残疾人工作委员会成员单位"], lines))
    assert division(r)[0][2] == ["县红十字会", "残疾人工作委员会成员单位"]
    assert not r.warnings


@pytest.mark.parametrize("categories", [["社会保障", "", "", ""], ["社会保障", "", "公共服务", ""]])
def test_a_category_printed_once_in_a_table_flattened_one_row_a_line(tmp_path, categories):
    """类别 printed on its first row alone, the rows under it opening with a tab (an empty cell):
    stripped of that tab, each such row was a cell short of the header: with one category the whole
    table was left unread without a word, with two those rows were gaps.  A tab a row opens with is
    an empty cell, as one it ends with is."""
    rows = [["类别"] + HEADER] + [[cat, str(k)] + cells for k, (cat, cells) in enumerate(zip(categories, CELLS), 1)]
    r = text_plan(tmp_path, "\n".join("\t".join(row) for row in rows) + "\n")
    assert division(r) == [(str(k),) + READ[k - 1] + (str(k),) for k in range(1, 5)]
    assert not r.warnings


@pytest.mark.parametrize("category", [False, True])
def test_a_table_one_row_a_line_goes_on_over_a_pages_number_and_header(tmp_path, category):
    """Text from a PDF: the page's number (— 2 —) and running header (the plan's title) between rows 2
    and 3 of a division table printed one row a line.  The table stopped there: rows 3 and 4 were a
    gap, or, their 类别 cell empty (the row opening with a tab), lost without a word."""
    rows = [(["类别"] if category else []) + HEADER] + [
        (["社会保障" if k == 1 else ""] if category else []) + [str(k)] + cells for k, cells in enumerate(CELLS, 1)]
    printed = ["\t".join(row) for row in rows]
    r = text_plan(tmp_path, "\n".join(printed[:3] + ["— 2 —", BODY[0]] + printed[3:]) + "\n")
    assert division(r) == [(str(k),) + READ[k - 1] + (str(k),) for k in range(1, 5)]
    assert not r.warnings


@pytest.mark.parametrize("lines", ["br", "paragraphs", "text"])
@pytest.mark.parametrize("first", ["县农商银行", "县实验学校", "各镇"])
def test_units_one_a_line_in_a_cell_part_before_a_name_printing_its_place(tmp_path, lines, first):
    """县农商银行 over 县财政局, one a line in a cell (a Word cell's line break or paragraphs, or a
    text table one cell a line): the first ends in no word unitlike() knows (行, 校, 镇), so the lines
    were taken for one name wrapped, and an invented unit read, 县农商银行县财政局, without a word.
    A second line printing its place (县…, 各…) that reads as a unit's name whole is a unit of its own."""
    units = [first, "县财政局"]
    if lines == "text":
        path = tmp_path / "plan.txt"
        cells = [c for row in UNITS_ROWS for c in row]
        cells[7] = "\n".join(units)  # row 1's supporters
        path.write_text("\n".join(BODY) + "\n" + "\n".join(cells) + "\n", encoding="utf-8")
    else:
        path = units_cell_plan(tmp_path, UNITS_ROWS, units, lines)
    r = load_plan(path)
    assert division(r)[0][2] == [first, "县财政局"]
    # a text table one cell a line cannot show which cell a unit's line is in: read so, and said
    assert [g.kind for g in r.warnings] == (["table"] if lines == "text" else [])


# --- division tables that print no 序号 column --------------------------------------------------

def unnumbered() -> list[list[str]]:
    return [HEADER[1:]] + [list(cells) for cells in CELLS]


def test_a_word_table_printing_no_number_column_reads_each_row_as_a_task(tmp_path):
    # 重点任务 | 牵头单位 | 配合单位 | 完成时限, no 序号: a real table prints its rows apart, so each row
    # is a task.  Before: the table was said ("not read as an indicator or division table") and
    # none of its units was read
    r = word_plan(tmp_path, unnumbered())
    assert division(r) == [("",) + READ[k] + (str(k + 1),) for k in range(4)]
    assert table_gaps(r) == []


def test_a_task_merged_over_two_rows_of_an_unnumbered_table_is_one_task(tmp_path):
    rows = unnumbered()
    rows.insert(2, ["", "县人社局", "", ""])  # the task printed once over two rows, a lead on each
    r = word_plan(tmp_path, rows, merges=[((1, 0), (2, 0))])
    assert division(r)[0] == ("", ["县民政局", "县人力资源和社会保障局"], ["县财政局"], "2022年12月", "1")
    assert len(division(r)) == 4
    assert table_gaps(r) == []


def test_a_category_row_across_an_unnumbered_table_is_no_task(tmp_path):
    rows = unnumbered()
    rows.insert(1, ["一、社会保障", "", "", ""])
    r = word_plan(tmp_path, rows, merges=[((1, 0), (1, 3))])
    assert [row[1] for row in division(r)] == [["县民政局"], ["县卫生健康局"], ["县住房和城乡建设局"], ["县教育局"]]
    assert table_gaps(r) == []


def test_a_row_naming_units_but_no_task_in_an_unnumbered_table_is_said(tmp_path):
    rows = unnumbered()
    rows.insert(2, ["", "县人社局", "", ""])  # no merge: the task cell is empty
    r = word_plan(tmp_path, rows)
    assert len(division(r)) == 4
    assert [m for _, m in table_gaps(r)] == ["division table row prints no task: not read: 县人社局"]


def test_a_web_table_printing_no_number_column_is_read(tmp_path):
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in unnumbered())
    r = html_plan(tmp_path, table)
    assert division(r) == [("",) + READ[k] + (str(k + 1),) for k in range(4)]


def test_a_tab_table_printing_no_number_column_is_said_not_read(tmp_path):
    # in text a line printing no number may be a row or the rest of the row above: only a 序号 tells
    r = text_plan(tmp_path, "\n".join("\t".join(row) for row in unnumbered()))
    assert not any(s.title == "重点工作任务分工表" for c in r.chapters for s in c.sections)
    assert table_gaps(r) == [(10, "table of 5 rows not read as an indicator or division table (first row: "
                                  "重点任务 | 牵头单位 | 配合单位 | 完成时限)")]


def test_a_second_table_after_an_unnumbered_one_is_said_with_why(tmp_path):
    # the rest of a table printing no 序号, in a second table without its header: no number tells
    # whether it goes on (a table as wide after a numbered one is read where its numbering follows)
    second = [list(cells) for cells in CELLS[2:]]
    document = docx.Document()
    for text in BODY:
        document.add_paragraph(text)
    add_table(document, unnumbered()[:3])
    add_table(document, second)
    path = tmp_path / "plan.docx"
    document.save(path)
    r = load_plan(path)
    assert [row[1] for row in division(r)] == [["县民政局"], ["县卫生健康局"]]
    assert [m for _, m in table_gaps(r)] == [
        "table of 2 rows after the division table above (as wide as it, but the table above prints no 序号 to "
        "tell whether this one goes on) not read as an indicator or division table (first row: 推进无障碍建设 | "
        "县住建局 | 县残联 | 持续推进)"]


@pytest.mark.parametrize("printing", ["word", "tabs"])
def test_a_number_column_named_编号_reads_as_序号(tmp_path, printing):
    # before: a Word table's 编号 was a column no role reads and its rows went unnumbered; in text
    # the whole table was said, its units not read
    rows = numbered(["1", "2", "3", "4"])
    rows[0] = ["编号"] + rows[0][1:]
    r = word_plan(tmp_path, rows) if printing == "word" else text_plan(tmp_path, "\n".join("\t".join(x) for x in rows))
    assert division(r) == [(str(k),) + read + (str(k),) for k, read in enumerate(READ, 1)]
    assert table_gaps(r) == []


@pytest.mark.parametrize("column, name", [
    (1, "具体任务"), (1, "工作事项"), (1, "重点事项"), (1, "任务事项"), (1, "主要工作"), (1, "目标任务"),
    (1, "任务举措"), (1, "具体措施"), (1, "工作措施"),
    (2, "牵头责任单位"), (2, "主要责任单位"), (2, "牵头责任部门"), (2, "责任主体"),
    (3, "配合责任单位"), (4, "完成年限"), (4, "推进时限"), (4, "时间要求")])
def test_columns_named_other_ways_real_tables_print(tmp_path, column, name):
    # each was said before ("not read as an indicator or division table", or "column … not read")
    rows = numbered(["1", "2", "3", "4"])
    rows[0] = rows[0][:column] + [name] + rows[0][column + 1:]
    r = text_plan(tmp_path, "\n".join("\t".join(x) for x in rows))
    assert division(r) == [(str(k),) + read + (str(k),) for k, read in enumerate(READ, 1)]
    assert table_gaps(r) == []


def test_a_project_tables_content_column_is_no_task_column(tmp_path):
    # 主要内容 alone, as a 专栏 box's table prints its projects: never read as the tasks of a division table
    rows = numbered(["1", "2", "3", "4"])
    rows[0] = rows[0][:1] + ["主要内容"] + rows[0][2:]
    r = text_plan(tmp_path, "\n".join("\t".join(x) for x in rows))
    assert not any(s.title == "重点工作任务分工表" for c in r.chapters for s in c.sections)
    assert len(table_gaps(r)) == 1
