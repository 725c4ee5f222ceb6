"""Tables printed other ways than the corpus prints them: division tables (重点工作任务分工表) with
more columns, columns in another order, a deadline, columns no role reads; indicator tables (主要指标)
with a 序号 column, years in brackets, 指标属性, a column of units.  Each is read right or said."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders.grids import read_division_grid
from policykg.loaders.plan import load_plan
from policykg.loaders.reading import Grid

HEAD = ("青山县“十四五”残疾人事业发展规划\n\n一、主要任务\n1.完善低保。将符合条件的残疾人纳入低保。\n"
        "2.加强康复。实施精准康复。\n3.推进无障碍。开展改造。\n\n附件\n\n重点工作任务分工表\n\n")
ROWS = [("1", "完善残疾人最低生活保障制度，将符合条件的残疾人纳入低保。", "县民政局", "县财政局、县残联", "2022年底前"),
        ("2", "加强残疾人康复服务，实施精准康复行动。", "县卫健局", "县残联", "持续推进"),
        ("3", "推进无障碍环境建设，开展无障碍改造。", "县住建局", "县交通运输局、县残联", "2025年")]


def tabbed(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A table as text extraction prints it: a cell a tab-indented line, a blank line after each row."""
    return "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in [header, *rows])


def table_plan(tmp_path: Path, table: str):
    path = tmp_path / "plan.txt"
    path.write_text(HEAD + table, encoding="utf-8")
    return load_plan(path)


def rows_of(record):
    division = next(s for c in record.chapters for s in c.sections if s.title == "重点工作任务分工表")
    return [(t.no, [u.label for u in t.units("lead")], [u.label for u in t.units("support")], t.deadline)
            for t in division.tasks]


EXPECTED = [("1", ["县民政局"], ["县财政局", "县残疾人联合会"], "2022年底前"),
            ("2", ["县卫生健康局"], ["县残疾人联合会"], "持续推进"),
            ("3", ["县住房和城乡建设局"], ["县交通运输局", "县残疾人联合会"], "2025年")]


def test_a_deadline_column_is_read_and_every_row_kept(tmp_path):
    r = table_plan(tmp_path, tabbed(("序号", "重点工作任务", "牵头单位", "配合单位", "完成时限"), ROWS))
    assert rows_of(r) == EXPECTED
    assert not [g for g in r.warnings if g.kind == "table"]


def test_columns_in_another_order(tmp_path):
    order = (0, 4, 2, 3, 1)  # 序号, 完成时限, 牵头单位, 配合单位, 重点工作任务
    header = ("序号", "重点工作任务", "牵头单位", "配合单位", "完成时限")
    r = table_plan(tmp_path, tabbed(tuple(header[k] for k in order), [tuple(row[k] for k in order) for row in ROWS]))
    assert rows_of(r) == EXPECTED


def test_a_column_no_role_reads_is_a_gap_and_shifts_nothing(tmp_path):
    rows = [row[:4] + ("已纳入年度考核",) for row in ROWS]
    r = table_plan(tmp_path, tabbed(("序号", "重点工作任务", "牵头单位", "配合单位", "备注"), rows))
    assert [row[:3] for row in rows_of(r)] == [row[:3] for row in EXPECTED]
    assert [(g.kind, g.message) for g in r.warnings if g.kind == "table"] == [
        ("table", "division table column '备注' not read")]


def test_a_row_whose_cells_do_not_line_up_is_a_gap_not_a_silence(tmp_path):
    rows = [ROWS[0][:4], ROWS[1][:3], ROWS[2][:4]]  # row 2 lost its 配合单位 cell
    r = table_plan(tmp_path, tabbed(("序号", "重点工作任务", "牵头单位", "配合单位"), rows))
    # which cell is missing cannot be told: row 2 keeps its task but no units, and the build says so
    assert rows_of(r) == [EXPECTED[0][:3] + ("",), ("2", [], [], ""), EXPECTED[2][:3] + ("",)]
    assert [(g.kind, g.line, g.message) for g in r.warnings if g.kind == "table"] == [
        ("table", 22, "division table row 2 has 2 cells under 3 column names: its units were not read")]


def test_a_grid_with_a_deadline_and_an_unknown_column():
    grid = Grid(((1, ("序号", "重点工作任务", "牵头单位", "配合单位", "完成时限", "备注")),
                 (2, ("1", "完善低保。", "县民政局", "县财政局", "2022年底前", "")),
                 (3, ("2", "加强康复。", "县卫健局", "", "持续推进", "新增"))))
    table = read_division_grid(grid, "重点工作任务分工表", 0)
    assert [(r.no, r.lead, r.support, r.deadline) for r in table.rows] == [
        ("1", "县民政局", "县财政局", "2022年底前"), ("2", "县卫健局", "", "持续推进")]
    assert table.unread == [(1, "division table column '备注' not read")]


# --- indicator tables --------------------------------------------------------------------------------
INDICATOR_HEAD = "青山县“十四五”残疾人事业发展规划\n\n一、主要指标\n“十四五”时期青山县残疾人事业发展主要指标\n\n"
BODY = "\n二、主要任务\n1.完善低保。将符合条件的残疾人纳入低保。（牵头单位：县民政局）\n"
INDICATORS = [("困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性"),
              ("残疾人基本康复服务覆盖率（%）", "80", "90", "预期性"),
              ("城乡新增残疾人就业人数（人）", "50", "60", "预期性")]
READ = [("困难残疾人生活补贴覆盖率", "%", "100", "100", "约束性"),
        ("残疾人基本康复服务覆盖率", "%", "80", "90", "预期性"),
        ("城乡新增残疾人就业人数", "人", "50", "60", "预期性")]


def indicator_plan(tmp_path: Path, table: str):
    path = tmp_path / "plan.txt"
    path.write_text(INDICATOR_HEAD + table + BODY, encoding="utf-8")
    return load_plan(path)


def indicators_of(record):
    return [(i.name, i.unit, i.baseline.printed if i.baseline else "", i.target.printed if i.target else "",
             i.attribute) for i in record.indicators]


def test_an_indicator_table_with_years_in_brackets_and_指标属性(tmp_path):
    r = indicator_plan(tmp_path, tabbed(("指标名称", "基期值（2020年）", "目标值（2025年）", "指标属性"), INDICATORS))
    assert indicators_of(r) == READ
    assert {(i.baseline.year, i.target.year) for i in r.indicators} == {(2020, 2025)}
    assert r.warnings == []


def test_an_indicator_table_with_a_numbered_column_and_a_column_of_units(tmp_path):
    rows = [(str(k), *row, unit) for k, (row, unit) in enumerate(zip(INDICATORS, ("县民政局", "县卫健局", "县人社局")), 1)]
    r = indicator_plan(tmp_path, tabbed(("序号", "指标", "2020年", "2025年", "属性", "责任单位"), rows))
    assert indicators_of(r) == READ
    # the responsible units of an indicator are not modelled: said, not dropped silently
    assert [(g.kind, g.message) for g in r.warnings] == [("table", "indicator table column '责任单位' not read")]


def test_a_table_no_reader_takes_is_a_gap(tmp_path):
    table = tabbed(("类别", "2021年", "2022年", "2023年"), [("康复服务人数", "100", "120", "140"),
                                                        ("辅具适配人数", "50", "60", "70")])
    r = indicator_plan(tmp_path, table)
    assert r.indicators == []
    assert [(g.kind, g.line) for g in r.warnings if g.kind == "table"] == [("table", 6)]
    assert "table of 3 rows not read" in r.warnings[0].message


def test_an_indicator_table_one_row_a_line_cells_apart_by_spaces(tmp_path):
    lines = ["序号  指标  2020年  2025年  属性"] + [f"{k}  {'  '.join(row)}" for k, row in enumerate(INDICATORS, 1)]
    r = indicator_plan(tmp_path, "\n".join(lines) + "\n")
    assert indicators_of(r) == READ
    assert r.warnings == []


def test_a_box_printed_as_a_table_gives_its_projects(tmp_path):
    box = ("专栏1 康复项目\n" + tabbed(("序号", "项目名称", "建设内容", "责任单位"),
                                  [("1", "残疾儿童康复救助", "为0-6岁残疾儿童提供康复救助。", "县残联"),
                                   ("2", "辅助器具适配", "为有需求的残疾人适配辅助器具。", "县残联、县卫健局")]))
    r = indicator_plan(tmp_path, "\n二、主要任务\n1.加强康复。实施精准康复。\n" + box)
    assert [(p.no, p.title, p.text) for c in r.columns() for p in c.projects] == [
        ("1", "残疾儿童康复救助", "为0-6岁残疾儿童提供康复救助。"), ("2", "辅助器具适配", "为有需求的残疾人适配辅助器具。")]
    # a project's units are not modelled: the column is said, and no cell of it became a project
    assert [(g.kind, g.message) for g in r.warnings] == [("table", "project table column '责任单位' not read")]


def test_a_project_table_outside_any_box_is_a_gap(tmp_path):
    table = tabbed(("项目名称", "建设内容"), [("残疾儿童康复救助", "为残疾儿童提供康复救助。"),
                                          ("辅助器具适配", "为残疾人适配辅助器具。")])
    r = indicator_plan(tmp_path, "\n二、主要任务\n1.加强康复。实施精准康复。\n" + table)
    assert r.projects() == [] and [t.title for t in r.tasks()] == ["加强康复", "完善低保"]
    assert [g.kind for g in r.warnings] == ["table", "table"]


def test_paragraphs_a_document_indents_or_spaces_are_no_table(tmp_path):
    body = ("\n二、主要任务\n\t1.完善低保。将符合条件的残疾人纳入低保。\n\t牵头单位：县民政局\n\n"
            "\t2.加强康复。实施精准康复。\n\t牵头单位：县卫健局\n\n"
            "3.推进无障碍。开展改造。  牵头单位：县住建局  责任单位：县残联、县民政局\n"
            "4.发展托养。扩大托养服务。  牵头单位：县民政局  责任单位：县残联\n")
    path = tmp_path / "plan.txt"
    path.write_text("青山县“十四五”残疾人事业发展规划\n\n一、发展目标\n残疾人生活水平明显提高。\n" + body,
                    encoding="utf-8")
    r = load_plan(path)
    assert [t.title for t in r.tasks()] == ["完善低保", "加强康复", "推进无障碍", "发展托养"]
    assert [u.label for u in r.tasks()[3].units("lead")] == ["县民政局"]
    assert [g for g in r.warnings if g.kind == "table"] == []


def test_a_box_printed_as_a_word_table_gives_its_projects(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for text in ("青山县“十四五”残疾人事业发展规划", "一、主要任务", "1.加强康复。实施精准康复。", "专栏1 康复项目"):
        doc.add_paragraph(text)
    table = doc.add_table(rows=3, cols=2)
    for r, row in enumerate((("项目名称", "建设内容"), ("残疾儿童康复救助", "为残疾儿童提供康复救助。"),
                             ("辅助器具适配", "为残疾人适配辅助器具。"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph("二、保障措施")
    doc.add_paragraph("加强组织领导。")
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    r = load_plan(path)
    assert [p.title for c in r.columns() for p in c.projects] == ["残疾儿童康复救助", "辅助器具适配"]
    assert r.warnings == []


def test_a_deadline_reaches_the_graph_and_the_tasks_query(tmp_path):
    from policykg import api
    path = tmp_path / "plan.txt"
    path.write_text(HEAD + tabbed(("序号", "重点工作任务", "牵头单位", "配合单位", "完成时限"), ROWS), encoding="utf-8")
    result = api.build([path], tmp_path / "plan.trig")
    columns, rows = api.query("tasks", result)
    deadlines = [(r[columns.index("no")], r[columns.index("deadline")]) for r in rows
                 if r[columns.index("section")] == "重点工作任务分工表"]
    assert deadlines == [("1", "2022年底前"), ("2", "持续推进"), ("3", "2025年")]
    assert all(r[columns.index("deadline")] == "" for r in rows if r[columns.index("section")] == "主要任务")


# -- an indicator table as Word prints it: merged cells, 续表 ------------------------------------

IND_BODY = ["青山县“十四五”残疾人事业发展规划", "一、发展目标", "到2025年，残疾人生活水平明显提高。", "表1 主要指标"]
IND_HEADER = ["类别", "指标", "单位", "2020年", "2025年", "属性"]
IND_ROWS = [["生活保障", "困难残疾人生活补贴覆盖率", "%", "100", "100", "约束性"],
            ["", "重度残疾人护理补贴覆盖率", "", "100", "≥95", ""],
            ["", "残疾人基本康复服务覆盖率", "", "80", "85", ""],
            ["就业", "新增残疾人就业人数", "人", "—", "500", "预期性"]]
IND_READ = [("生活保障", "困难残疾人生活补贴覆盖率", "%", "100", "100", "约束性"),
            ("生活保障", "重度残疾人护理补贴覆盖率", "%", "100", "≥95", "约束性"),
            ("生活保障", "残疾人基本康复服务覆盖率", "%", "80", "85", "约束性"),
            ("就业", "新增残疾人就业人数", "人", "—", "500", "预期性")]


def word_indicator_plan(tmp_path: Path, blocks, merges=()):
    """A .docx plan whose blocks are paragraphs (str) and tables (lists of rows); `merges` are
    ((row, col), (row, col)) corners of cells merged in the first table."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for text in IND_BODY:
        doc.add_paragraph(text)
    first = True
    for block in blocks:
        if isinstance(block, str):
            doc.add_paragraph(block)
            continue
        table = doc.add_table(rows=len(block), cols=len(block[0]))
        for i, row in enumerate(block):
            for j, text in enumerate(row):
                table.cell(i, j).text = text
        for a, b in merges if first else ():
            table.cell(*a).merge(table.cell(*b))
        first = False
    doc.add_paragraph("二、主要任务")
    doc.add_paragraph("1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围。（县民政局牵头）")
    path = tmp_path / "plan.docx"
    doc.save(path)
    return load_plan(path)


def read_indicators(record):
    return [(i.category, i.name, i.unit, i.baseline.printed if i.baseline else None,
             i.target.printed if i.target else None, i.attribute) for i in record.indicators]


def test_a_unit_and_an_attribute_merged_down_are_each_rows(tmp_path):
    # % and 约束性 printed once for the three rates (cells merged down): before, rows 2 and 3 read
    # no unit and no attribute, without a word
    r = word_indicator_plan(tmp_path, [[IND_HEADER] + IND_ROWS],
                            merges=[((1, 0), (3, 0)), ((1, 2), (3, 2)), ((1, 5), (3, 5))])
    assert read_indicators(r) == IND_READ
    assert [g for g in r.warnings if g.kind == "table"] == []


@pytest.mark.parametrize("repeated", [False, True])
def test_an_indicator_table_continued_under_a_续表_line_is_one_table(tmp_path, repeated):
    # before: the rest printed without its header was lost without a word; under its header printed
    # again, it was a second table, numbered from 1, its first row of no category
    rows = [[c or u for c, u in zip(row, ["", "", "%", "", "", "约束性"])] if k < 3 else row
            for k, row in enumerate(IND_ROWS)]
    rest = ([IND_HEADER] if repeated else []) + rows[2:]
    r = word_indicator_plan(tmp_path, [[IND_HEADER] + rows[:2], "续表", rest], merges=[((1, 0), (2, 0))])
    assert read_indicators(r) == IND_READ
    assert [i.no for i in r.indicators] == ["1", "2", "3", "4"]


def test_a_box_whose_heading_is_its_tables_top_row_gives_its_projects(tmp_path):
    # 专栏1 康复项目 printed as the table's top row, one cell merged across it (Word's boxed table):
    # before, its projects were "a project table outside any 专栏 box", not read
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for text in ("青山县“十四五”残疾人事业发展规划", "一、主要任务", "1.加强康复。实施精准康复。"):
        doc.add_paragraph(text)
    table = doc.add_table(rows=4, cols=3)
    for r, row in enumerate((("专栏1 康复项目", "", ""), ("项目名称", "建设内容", "建设期限"),
                             ("残疾儿童康复救助", "为残疾儿童提供康复救助。", "2021-2025年"),
                             ("辅助器具适配", "为残疾人适配辅助器具。", "2022年"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 2))
    doc.add_paragraph("2.发展特殊教育。办好特殊教育学校。")
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    r = load_plan(path)
    assert [(c.no, c.title) for c in r.columns()] == [("1", "康复项目")]
    assert [(p.title, p.period) for c in r.columns() for p in c.projects] == [
        ("残疾儿童康复救助", "2021-2025年"), ("辅助器具适配", "2022年")]
    assert [t.title for t in r.tasks()] == ["加强康复", "发展特殊教育"]
    assert r.warnings == []


def laid_out(header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> str:
    """A table as `pdftotext -layout` prints a PDF's: each cell's text wrapped inside its column
    (`widths` characters, cells top-aligned), columns two spaces apart or more, a row's wrapped
    lines printing nothing in the columns whose cells ended."""
    def wrapped(text: str, width: int) -> list[str]:
        return [text[k:k + width] for k in range(0, len(text), width)] or [""]
    out = []
    for row in [header, *rows]:
        parts = [wrapped(c, w) for c, w in zip(row, widths)]
        for k in range(max(map(len, parts))):
            line = "".join((p[k] if k < len(p) else "").ljust(w + 3, " ") for p, w in zip(parts, widths))
            out.append(line.rstrip() + "\n")
    return "".join(out)


def assert_two_indicators_read(tmp_path: Path, table: str) -> None:
    """`table` (its two rows 城乡残疾人职业技能培训人数（人次） —— 800 预期性 and 困难残疾人生活补贴覆盖率（%）
    100 100 约束性) under a plan's 主要指标 chapter reads both indicators, and the task after it, and
    says nothing."""
    path = tmp_path / "plan.txt"
    path.write_text("青山县“十四五”残疾人事业发展规划\n\n一、主要指标\n" + table
                    + "二、主要任务\n1.完善低保。将符合条件的残疾人纳入低保。（牵头单位：县民政局）\n", encoding="utf-8")
    r = load_plan(path)
    assert [(i.name, i.unit, i.baseline.printed, i.target.printed, i.attribute) for i in r.indicators] == [
        ("城乡残疾人职业技能培训人数", "人次", "——", "800", "预期性"), ("困难残疾人生活补贴覆盖率", "%", "100", "100", "约束性")]
    assert [t.title for t in r.tasks()] == ["完善低保"]
    assert r.warnings == []


@pytest.mark.parametrize("lead", [0, 6])  # the table at the page's left margin, or set in from it
def test_a_division_table_laid_out_by_pdftotext_its_cells_wrapped_in_their_columns(tmp_path, lead):
    """pdftotext -layout prints a table's rows over several lines, each cell wrapped inside its
    column: before, the first row was read with its task cut at its first line (完善残疾人最低生),
    the other rows lost, nothing said."""
    table = laid_out(("序号", "重点任务", "牵头单位", "配合单位", "完成时限"), ROWS, (4, 8, 6, 6, 6))
    table = "".join(" " * lead + ln if ln.strip() else ln for ln in table.splitlines(keepends=True))
    r = table_plan(tmp_path, table + "\n二、保障措施\n加强组织领导。\n")
    assert rows_of(r) == EXPECTED
    division = next(s for c in r.chapters for s in c.sections if s.title == "重点工作任务分工表")
    assert [t.title for t in division.tasks][0] == "完善残疾人最低生活保障制度，将符合条件的残疾人纳入低保"
    assert [g for g in r.warnings if g.kind == "table"] == []


def test_an_indicator_table_laid_out_by_pdftotext_its_names_wrapped(tmp_path):
    """The indicator names wrap inside their column, the first: the line that goes on prints the
    name's rest alone (before: the first row read with its name cut, 城乡残疾人职业技, the next lost)."""
    table = laid_out(("指标", "2020年", "2025年", "属性"),
                     [("城乡残疾人职业技能培训人数（人次）", "——", "800", "预期性"),
                      ("困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性")], (8, 6, 6, 6))
    assert_two_indicators_read(tmp_path, table)


def test_a_division_tables_header_left_among_the_prose_is_a_gap(tmp_path):
    """pdftotext -raw prints a table's rows cut into the prose's lines under a single-spaced header:
    no reader reads them, and the units they give are said to be unread (before: nothing said, the
    second row's number read as a section)."""
    r = table_plan(tmp_path, "序号 重点任务 牵头单位 配合单位\n1 完善残疾人最低生活保障制\n度。\n县民政局 县财政局\n")
    assert [(g.kind, g.line) for g in r.warnings if "column of units" in g.message] == [("table", 12)]
    assert "a table's header naming a column of units (序号 | 重点任务 | 牵头单位 | 配合单位) whose rows were not " \
           "read as a table: the units it gives tasks are not read" in [g.message for g in r.warnings]


DRAWN_DIVISION = """+--------+------------------+--------------+--------------+
| 序号   | 重点任务         | 牵头单位     | 配合单位     |
+========+==================+==============+==============+
| 1      | 完善残疾人最低生 | 县民政局     | 县           |
|        | 活保障制度，将符 |              | 财政局、县残 |
|        | 合条件的残疾人纳 |              | 联           |
|        | 入低保。         |              |              |
+--------+------------------+--------------+--------------+
| 2      | 加强残疾人康复服 | 县卫健局     | 县残联       |
|        | 务，实施精准康复 |              |              |
|        | 行动。           | 县医保局     |              |
+--------+------------------+--------------+--------------+
"""


def test_a_division_table_drawn_with_rules_as_pandoc_prints_it(tmp_path):
    """pandoc prints a Word table as text drawn with +---+ and |, each cell wrapped inside its column
    and a cell's paragraphs a blank line apart: before, nothing of it was read and only its header
    was said; now each row, and the lead cell of two paragraphs as two leads."""
    r = table_plan(tmp_path, DRAWN_DIVISION + "\n二、保障措施\n加强组织领导。\n")
    assert rows_of(r)[:2] == [("1", ["县民政局"], ["县财政局", "县残疾人联合会"], ""),
                              ("2", ["县卫生健康局", "县医疗保障局"], ["县残疾人联合会"], "")]
    division = next(s for c in r.chapters for s in c.sections if s.title == "重点工作任务分工表")
    assert division.tasks[0].title == "完善残疾人最低生活保障制度，将符合条件的残疾人纳入低保"
    assert [g for g in r.warnings if g.kind == "table"] == []


def test_a_box_drawn_as_a_table_of_one_column_reads_its_items(tmp_path):
    """A 专栏 printed in a one-cell Word table, as pandoc draws it: before, its lines (with their |
    marks) were read into the task above it and the box was lost, nothing said."""
    box = ("+------------------------------------------------------+\n"
           "| 专栏1 残疾人社会保障项目                             |\n|                                                      |\n"
           "| 最低生活保障                                         |\n| 将符合条件的残疾人家庭全部纳入最低生活保障范         |\n"
           "| 围，符合条件的低保边缘家庭中的残疾人纳入低保。       |\n|                                                      |\n"
           "| 残疾人信息消费优惠                                   |\n| 对残疾人使用语音、流量等信息消费套餐给予优惠。       |\n"
           "+======================================================+\n"
           "+------------------------------------------------------+\n")
    path = tmp_path / "plan.txt"
    path.write_text("青山县“十四五”残疾人事业发展规划\n\n一、主要任务\n1.完善低保。将符合条件的残疾人纳入低保。（牵头单位：县民政局）\n"
                    + box + "2.加强康复。实施精准康复。（牵头单位：县卫健局）\n", encoding="utf-8")
    r = load_plan(path)
    assert [(p.title, p.text) for p in r.projects()] == [
        ("最低生活保障", "将符合条件的残疾人家庭全部纳入最低生活保障范围，符合条件的低保边缘家庭中的残疾人纳入低保。"),
        ("残疾人信息消费优惠", "对残疾人使用语音、流量等信息消费套餐给予优惠。")]
    assert [t.text for t in r.tasks()] == ["完善低保。将符合条件的残疾人纳入低保。（牵头单位：县民政局）",
                                           "加强康复。实施精准康复。（牵头单位：县卫健局）"]
    assert r.warnings == []


@pytest.mark.parametrize("multiline", [False, True])
def test_an_indicator_table_set_out_under_dashes(tmp_path, multiline):
    """A Markdown simple table (a row a line) or multiline table (rows a blank line apart, under a rule
    across the table), as pandoc prints a Word table: each character in the column whose dashes
    start at or before its place, a Chinese character two places wide.  Before: not read, said."""
    rows = ["  城乡残疾人职业技能培训人数（人次）   ——                800               预期性",
            "  困难残疾人生活补贴覆盖率（%）        100               100               约束性"]
    table = ("  指标                                 2020年            2025年            属性\n"
             "  ------------------------------------ ----------------- ----------------- -----------------\n")
    if multiline:
        rule = "  " + "-" * 90 + "\n"
        table = rule + table + rows[0] + "\n\n" + rows[1] + "\n" + rule
    else:
        table = table + rows[0] + "\n" + rows[1] + "\n"
    assert_two_indicators_read(tmp_path, "\n" + table + "\n")


def test_a_table_printed_as_html_markup_in_a_text_is_a_gap(tmp_path):
    """pandoc writes a table whose cells hold several paragraphs into Markdown as HTML: before, its
    rows (a division table's units) were read as nothing, and nothing said."""
    r = table_plan(tmp_path, "<table>\n<thead>\n<tr class=\"header\">\n<th>序号</th>\n<th>重点任务</th>\n<th>牵头单位</th>\n"
                             "</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>完善低保制度。</td>\n<td><p>县民政局</p>\n"
                             "<p>县残联</p></td>\n</tr>\n</tbody>\n</table>\n")
    assert [(g.kind, g.line) for g in r.warnings if "HTML markup" in g.message] == [("table", 12)]


def centred(header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> str:
    """As `laid_out`, the cells centred in their rows (a table set so in Word or WPS): a cell of m
    lines in a row of n prints (n - m) / 2 lines down, and pdftotext prints each height its own
    line, a cell's middle line beside the row's one-line cells, or between two of its lines."""
    def wrapped(text: str, width: int) -> list[str]:
        return [text[k:k + width] for k in range(0, len(text), width)] or [""]
    out = []
    for row in [header, *rows]:
        parts = [wrapped(c, w) for c, w in zip(row, widths)]
        n = max(map(len, parts))
        heights: dict[int, dict[int, str]] = {}  # in half lines from the row's top
        for c, p in enumerate(parts):
            for k, text in enumerate(p):
                heights.setdefault(n - len(p) + 2 * k + 1, {})[c] = text
        for y in sorted(heights):
            line = "".join(heights[y].get(c, "").ljust(w + 3, " ") for c, w in enumerate(widths))
            out.append(line.rstrip() + "\n")
    return "".join(out)


CENTRED_ROWS = [("1", "推进无障碍。", "县住建局", "县残联", "2025年"),
                ("2",) + ROWS[0][1:], ("3",) + ROWS[1][1:]]


def test_a_division_table_laid_out_with_its_cells_centred_in_their_rows(tmp_path):
    """Cells centred in their rows print a row's upper lines before the line of its number, and
    pdftotext prints a one-line cell between two lines of a cell of an even number of them.
    Before, read as printed from their top: row 2's upper lines went on row 1 (推进无障碍。完善残疾人
    最低生活保障制度，将符合…), row 3's task lost its first line, row 2's supporters their first, nothing
    said.  Centred, a cell prints as many lines above its row's line as below it."""
    table = centred(("序号", "重点任务", "牵头单位", "配合单位", "完成时限"), CENTRED_ROWS, (4, 8, 6, 6, 6))
    assert table.splitlines()[1].startswith("1 ") and not table.splitlines()[2].startswith("2")
    r = table_plan(tmp_path, table + "\n二、保障措施\n加强组织领导。\n")
    assert rows_of(r) == [("1", ["县住房和城乡建设局"], ["县残疾人联合会"], "2025年"), ("2",) + EXPECTED[0][1:],
                          ("3",) + EXPECTED[1][1:]]
    division = next(s for c in r.chapters for s in c.sections if s.title == "重点工作任务分工表")
    assert [t.title for t in division.tasks] == ["推进无障碍", "完善残疾人最低生活保障制度，将符合条件的残疾人纳入低保",
                                                 "加强残疾人康复服务，实施精准康复行动"]
    assert [g for g in r.warnings if g.kind == "table"] == []


def test_a_laid_out_table_whose_lines_read_neither_from_the_top_nor_centred_is_said(tmp_path):
    """A row's lines that are neither its cells printed from their top (a column going on after its
    cell ended) nor centred (as many lines above its row's line as below): which row a line is
    cannot be told.  Before: read from the top, 县残联 given to row 1, nothing said."""
    table = ("序号  重点任务      牵头单位  配合单位\n"
             "1     推进无障碍。  县住建局\n"
             "      完善残疾人最\n"
             "                          县残联\n"
             "2     低生活保障。  县民政局  县财政局\n"
             "      加强康复。\n")
    r = table_plan(tmp_path, table + "\n二、保障措施\n加强组织领导。\n")
    assert [t.title for t in r.tasks()] == ["完善低保", "加强康复", "推进无障碍"]  # the plan's own, none of the table
    said = [g for g in r.warnings if g.kind == "table"]
    assert [(g.line, g.message.split(":")[0]) for g in said] == [
        (12, "a table laid out as the page prints it (cells wrapped inside their columns, pdftotext -layout) whose "
             "lines read neither as from their top nor as centred in their rows")]


def test_an_indicator_table_laid_out_with_its_category_merged_down(tmp_path):
    """A 类别 cell merged down over its rows prints once: the rows below it print every cell but the
    first.  Before: each such row's line went on the row above (困难残疾人生活补贴覆盖率重度残疾人护理补贴覆盖率,
    100 100), an attribute not read said, the row lost."""
    table = laid_out(("类别", "指标", "单位", "2020年", "2025年", "属性"),
                     [("残疾人保障", "困难残疾人生活补贴覆盖率", "%", "100", "≥95%", "约束性"),
                      ("", "重度残疾人护理补贴覆盖率", "%", "100", "100", "约束性"),
                      ("残疾人发展", "城乡残疾人职业技能培训人数", "人次", "——", "800", "预期性")], (5, 5, 3, 5, 5, 4))
    path = tmp_path / "plan.txt"
    path.write_text("青山县“十四五”残疾人事业发展规划\n\n一、主要指标\n" + table
                    + "二、主要任务\n1.完善低保。将符合条件的残疾人纳入低保。（牵头单位：县民政局）\n", encoding="utf-8")
    r = load_plan(path)
    assert [(i.category, i.name, i.unit, i.baseline.printed, i.target.printed, i.attribute) for i in r.indicators] == [
        ("残疾人保障", "困难残疾人生活补贴覆盖率", "%", "100", "≥95%", "约束性"),
        ("残疾人保障", "重度残疾人护理补贴覆盖率", "%", "100", "100", "约束性"),
        ("残疾人发展", "城乡残疾人职业技能培训人数", "人次", "——", "800", "预期性")]
    assert r.warnings == []


@pytest.mark.parametrize("repeated", [True, False])  # the header row printed again at the page's top, or not
def test_a_laid_out_table_crossing_a_page_whose_columns_stand_elsewhere_there(tmp_path, repeated):
    """pdftotext lays each page out apart: on the next page (a form feed opens it) the columns stand
    elsewhere.  Before: the first line there was read as prose, the table cut, the last row on the
    first page read with its task cut (完善残疾人最低生) and its second supporter lost, the rows on the
    next page lost, nothing said of the row."""
    header = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")
    first = laid_out(header, ROWS[:1], (4, 8, 6, 6, 6))
    rest = laid_out(header, ROWS[1:], (2, 6, 4, 5, 5)).splitlines(keepends=True)
    table = first + "\f" + "".join(rest if repeated else rest[1:])
    r = table_plan(tmp_path, table + "\n二、保障措施\n加强组织领导。\n")
    assert rows_of(r) == EXPECTED
    assert [g for g in r.warnings if g.kind == "table"] == []


def test_a_laid_out_row_going_on_over_a_page_in_its_columns_is_read_whole(tmp_path):
    """A row going on at the next page's top, no line there printing every column: its columns stand
    as above (before: its lines there taken for prose, the task cut at 完善残疾人最低生活保障制度，将符)."""
    lines = laid_out(("序号", "重点任务", "牵头单位", "配合单位", "完成时限"), ROWS[:1], (4, 8, 6, 6, 6)).splitlines(keepends=True)
    r = table_plan(tmp_path, "".join(lines[:3]) + "\f" + "".join("  " + ln for ln in lines[3:])
                   + "\n二、保障措施\n加强组织领导。\n")
    assert rows_of(r) == EXPECTED[:1]
    assert [g for g in r.warnings if g.kind == "table"] == []


def test_a_laid_out_table_going_on_over_a_page_whose_columns_cannot_be_found_is_said(tmp_path):
    """The next page's lines stand in no column above and none prints every column: where its
    columns stand is not told (before: the row above read cut, nothing said)."""
    lines = laid_out(("序号", "重点任务", "牵头单位", "配合单位", "完成时限"), ROWS[:1], (4, 8, 6, 6, 6)).splitlines(keepends=True)
    r = table_plan(tmp_path, "".join(lines[:3]) + "\f  合条件的残疾人纳\n  入低保。\n\n二、保障措施\n加强组织领导。\n")
    said = [g for g in r.warnings if g.kind == "table"]
    assert [(g.line, g.message.split(":")[0]) for g in said] == [
        (12, "a table laid out as the page prints it (cells wrapped inside their columns, pdftotext -layout) going on "
             "over a page (line 15) where no line prints every column and its lines stand in no column above")]


def test_a_laid_out_cell_reads_no_space_pdftotext_sets_between_a_number_and_chinese(tmp_path):
    """pdftotext prints a space where the font changes, between a number and the Chinese beside it
    (推进第 5 项, 2022 年底前): before, the task and its deadline read with it."""
    rows = [(no, task.replace("推进", "推进第 5 项"), lead, sup, deadline.replace("年", " 年"))
            for no, task, lead, sup, deadline in ROWS]
    r = table_plan(tmp_path, laid_out(("序号", "重点任务", "牵头单位", "配合单位", "完成时限"), rows, (4, 8, 6, 6, 7)))
    assert rows_of(r) == EXPECTED
    division = next(s for c in r.chapters for s in c.sections if s.title == "重点工作任务分工表")
    assert division.tasks[2].title == "推进第5项无障碍环境建设，开展无障碍改造"


def test_a_numbered_tables_rows_stopping_at_the_next_rows_number_are_said(tmp_path):
    """pdftotext -raw prints a row whose cells wrap cut over lines (its number alone, then its
    cells' lines): the table read one row a line stops there.  Before: rows 2 and 3 lost, nothing
    said."""
    r = table_plan(tmp_path, "序号 重点任务 牵头单位 配合单位\n1 推进无障碍。 县住建局 县残联\n2\n加强康复服务，实\n"
                             "施精准康复服务行动。\n县卫健局 县残联\n3 发展特殊教育。 县教育局 县残联\n")
    assert [t[0] for t in rows_of(r)] == ["1"]
    assert [(g.line, g.message) for g in r.warnings if g.kind == "table"] == [
        (14, "a table's rows stop at line 14, which opens with a next row's number (2) but is not printed as its "
             "rows are: the rows from there on were not read, nor the units they give")]


def test_a_division_table_printed_one_column_after_another_is_said(tmp_path):
    """pdftotext's default mode prints a table a column after another, each cell a line: the
    header's cells come apart, and no reader reads the rows.  Before: the units lost, nothing said."""
    r = table_plan(tmp_path, "序号\n1\n2\n重点任务\n完善残疾人最低生活保障制度。\n加强康复服务。\n牵头单位\n县民政局\n县卫健局\n"
                             "配合单位\n县财政局\n县残联\n")
    assert not [u for t in r.tasks() for u in t.units("lead")]
    assert [(g.line, g.message.split(":")[0]) for g in r.warnings if g.kind == "table"] == [
        (18, "a table's column of units named alone on its line (牵头单位)")]


def test_a_box_beside_a_table_printed_one_cell_a_line_keeps_its_items(tmp_path):
    """pdftotext's default mode prints a table one cell a line: more lines than the prose, and short.
    Before, the page's width was taken from them (5 characters): the box's heading read as wrapped
    onto its first item (lost), the second read with its description, nothing said.  A width shorter
    than any wrap is no page's: the longest line says it."""
    box = ("专栏 1 残疾人社会保障项目\n"
           "最低生活保障 将符合条件的残疾人家庭全部纳入最低生活保障范围，符合条件的低保\n"
           "边缘家庭中的残疾人，经本人申请参照单人户纳入低保。\n"
           "残疾人信息消费优惠 对残疾人使用语音、流量、宽带等信息消费套餐给予半价以上优\n"
           "惠，减免残疾人使用助残公益类移动互联网应用流量资费。\n")
    cells = "".join(f"{k}\n\n推进第{k}项\n\n县民政局\n\n县残联\n\n" for k in range(1, 51))
    path = tmp_path / "plan.txt"
    path.write_text("青山县“十四五”残疾人事业发展规划\n一、主要任务\n（一）健全社会保障体系\n"
                    "1.强化兜底保障。将符合条件的残疾人纳入保障范围。（牵头单位：县民政局；配合单\n位：县财政局）\n"
                    + box + "2.加强康复服务。实施精准康复服务行动。（牵头单位：县卫健局；配合单位：县残联）\n"
                    "二、保障措施\n加强组织领导，完善工作机制。\n附件\n重点工作任务分工表\n序号\n" + cells, encoding="utf-8")
    r = load_plan(path)
    assert [p.title for p in r.projects()] == ["最低生活保障", "残疾人信息消费优惠"]
    assert [(t.title, [u.label for u in t.units("lead")]) for t in r.tasks()][:2] == [
        ("强化兜底保障", ["县民政局"]), ("加强康复服务", ["县卫生健康局"])]


def test_a_laid_out_row_going_on_past_a_pages_foot_and_head_is_read_whole(tmp_path):
    """Blank lines and the page's number (furniture, blanked) between a row's lines on two pages:
    before, the second blank line ended the table there, the row read cut (完善残疾人最低生活保障制度，
    将符), nothing said."""
    lines = laid_out(("序号", "重点任务", "牵头单位", "配合单位", "完成时限"), ROWS, (4, 8, 6, 6, 6)).splitlines(keepends=True)
    r = table_plan(tmp_path, "".join(lines[:3]) + "\n\n\n— 1 —\n\f\n\n" + "".join(lines[3:])
                   + "\n二、保障措施\n加强组织领导。\n")
    assert rows_of(r) == EXPECTED
    assert [g for g in r.warnings if g.kind == "table"] == []


@pytest.mark.parametrize("cut", [1, 3, 7])
def test_a_table_one_cell_a_line_goes_on_past_a_pages_foot_and_head(tmp_path, cut):
    """A page's number and running header (furniture, blanked) between the cells of a table printed
    one cell a line: before, the blank they left ended the row, inside the header (序号 / — 9 — /
    青山县…规划 / 重点工作任务: every row lost, said only as paragraphs read into nothing) or inside a
    row."""
    lines = tabbed(("序号", "重点工作任务", "牵头单位", "配合单位", "完成时限"), ROWS).splitlines(keepends=True)
    furniture = "— 9 —\n\f青山县“十四五”残疾人事业发展规划\n"
    r = table_plan(tmp_path, "".join(lines[:cut]) + furniture + "".join(lines[cut:]))
    assert rows_of(r) == EXPECTED
    assert [g for g in r.warnings if g.kind in ("table", "unread")] == []


@pytest.mark.parametrize("cut", [2, 6, 11])
def test_a_numbered_table_one_cell_a_line_goes_on_past_a_pages_foot_and_head(tmp_path, cut):
    """pdftotext's default mode prints a 序号 table one cell a line, no blank line between: a page's
    number and header between its cells, wherever they fall, leave every row read."""
    cells = ["序号", "重点工作任务", "牵头单位", "配合单位", "完成时限"] + [c for row in ROWS for c in row]
    furniture = ["— 9 —", "\f青山县“十四五”残疾人事业发展规划"]
    r = table_plan(tmp_path, "\n".join(cells[:cut] + furniture + cells[cut:]) + "\n")
    assert rows_of(r) == EXPECTED
    assert [g for g in r.warnings if g.kind in ("table", "unread")] == []


def word_box_plan(tmp_path: Path, rows: list[tuple[str, ...]]):
    """A plan whose 专栏1 box prints `rows` as a Word table."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for text in ("青山县“十四五”残疾人事业发展规划", "一、主要任务", "1.加强康复。实施精准康复。", "专栏1 康复项目"):
        doc.add_paragraph(text)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph("2.发展特殊教育。办好特教学校。")
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    return load_plan(path)


PROJECT_ROWS = [("1", "残疾人康复中心", "新建康复中心一所。", "2021-2023年"), ("2", "特殊教育学校", "改扩建特殊教育学校。", "2022-2025年")]


@pytest.mark.parametrize("header", [("序号", "项目（工程）名称", "建设内容", "建设年限"),
                                    ("序号", "建设项目", "主要建设内容", "完成时限"),
                                    ("序号", "工程项目", "建设规模", "建设年限")])
def test_project_columns_named_other_ways(tmp_path, header):
    # before: a Word table under these names was read as prose, its header row a project named 序号
    # and the rest unsaid; or a column (主要建设内容, 完成时限) was said and not read
    r = word_box_plan(tmp_path, [header, *PROJECT_ROWS])
    assert [(p.no, p.title, p.period) for c in r.columns() for p in c.projects] == [
        ("1", "残疾人康复中心", "2021-2023年"), ("2", "特殊教育学校", "2022-2025年")]
    assert r.warnings == []


def test_a_word_table_naming_columns_no_reader_takes_is_said_never_prose(tmp_path):
    # 序号 | 设施名称 | 服务对象 | 建设地点: before, its header row became the box's one project, 序号,
    # with no word said of it
    r = word_box_plan(tmp_path, [("序号", "设施名称", "服务对象", "建设地点"), ("1", "残疾人康复中心", "全县残疾人", "县城"),
                                 ("2", "特殊教育学校", "残疾儿童", "城关镇")])
    assert r.projects() == []
    assert [(g.kind, g.message) for g in r.warnings] == [
        ("box", "专栏1 has no items"),
        ("table", "table of 3 rows not read as an indicator or division table (first row: 序号 | 设施名称 | 服务对象 | 建设地点)")]
