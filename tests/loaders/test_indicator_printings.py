"""Indicator tables (主要指标) printed other ways than the corpus prints them: the table ends where
the plan goes on (a 第二章 heading, a task list), attributes printed 约束 / [约束性] / 约束性指标, a header
ending 指标属性.  Each is read right or said as a gap with its line, never read into the plan's tasks."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan

TITLE = "青山县“十四五”残疾人事业发展规划\n\n"
TASKS = ("1.完善低保。将符合条件的残疾人纳入低保。（牵头单位：县民政局）\n"
         "2.加强康复。实施精准康复行动。（牵头单位：县卫健局）\n")
ROWS = [("1.困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性"),
        ("2.残疾人就业人数（万人）", "5", "6", "预期性")]
READ = [("1", "困难残疾人生活补贴覆盖率", "%", "100", "100", "约束性"),
        ("2", "残疾人就业人数", "万人", "5", "6", "预期性")]


def one_cell_a_line(header, rows, *, tabs: bool) -> str:
    """A table flattened one cell a line: tab-indented with a blank line after each row, or (as
    PDF extraction prints it) a blank line after every cell."""
    if tabs:
        return "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in [header, *rows])
    return "".join(f"{c}\n\n" for row in [header, *rows] for c in row)


def plan(tmp_path: Path, table: str, *, worded: bool = False):
    if worded:
        text = (TITLE + "第一章 发展目标\n到2025年，残疾人事业全面发展。\n\n" + table + "\n第二章 主要任务\n" + TASKS
                + "\n第三章 保障措施\n加强组织领导。\n")
    else:
        text = (TITLE + "一、发展目标\n到2025年，残疾人事业全面发展。\n\n" + table + "\n二、主要任务\n" + TASKS
                + "\n三、保障措施\n加强组织领导。\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return load_plan(path)


def indicators(record):
    return [(i.no, i.name, i.unit, i.baseline.printed if i.baseline else "",
             i.target.printed if i.target else "", i.attribute) for i in record.indicators]


def tasks(record):
    return [t.title for t in record.tasks()]


@pytest.mark.parametrize("tabs", [True, False])
def test_a_worded_chapter_heading_ends_the_table(tmp_path, tabs):
    # before: 第二章 主要任务 was read as a category, the tasks as indicator rows: the plan had no task
    r = plan(tmp_path, one_cell_a_line(("指标", "2020年", "2025年", "属性"), ROWS, tabs=tabs), worded=True)
    assert indicators(r) == READ
    assert tasks(r) == ["完善低保", "加强康复"]
    assert r.warnings == []


@pytest.mark.parametrize("printed", [("约束", "预期"), ("[约束性]", "[预期性]"), ("【约束性】", "【预期性】"),
                                     ("约束性指标", "预期性指标")])
@pytest.mark.parametrize("tabs", [True, False])
def test_attributes_printed_other_ways(tmp_path, printed, tabs):
    # before: an attribute not printed 约束性/预期性 never closed its row: the rows ran on through the
    # next chapter's heading and tasks, and the plan had no task
    rows = [row[:3] + (attr,) for row, attr in zip(ROWS, printed)]
    r = plan(tmp_path, one_cell_a_line(("指标", "2020年", "2025年", "属性"), rows, tabs=tabs))
    assert indicators(r) == READ
    assert tasks(r) == ["完善低保", "加强康复"]
    assert r.warnings == []


def test_an_attribute_tab_separated_in_brackets(tmp_path):
    table = "".join("\t".join(row) + "\n" for row in [("指标", "2020年", "2025年", "属性"),
                                                      *[r[:3] + (f"[{r[3]}]",) for r in ROWS]])
    assert indicators(plan(tmp_path, table)) == READ


def test_a_header_ending_指标属性_one_cell_a_line(tmp_path):
    # before: the header was only closed by 属性 itself; the table was left as prose, silently
    r = plan(tmp_path, one_cell_a_line(("指标", "2020年", "2025年", "指标属性"), ROWS, tabs=False))
    assert indicators(r) == READ
    assert r.warnings == []


def test_a_list_after_the_table_is_no_row_of_it(tmp_path):
    # a numbered paragraph after the table (no heading between) that does not continue its numbering
    table = one_cell_a_line(("指标", "2020年", "2025年", "属性"), ROWS, tabs=False)
    r = plan(tmp_path, table + "1.主要指标按年度分解落实。\n\n")
    assert indicators(r) == READ


def test_rows_numbered_again_from_1_under_each_category(tmp_path):
    rows = [("收入和就业",), ("1.残疾人就业人数（万人）", "5", "6", "预期性"),
            ("社会保障",), ("1.困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性")]
    r = plan(tmp_path, "".join(f"{c}\n\n" for row in [("类别", "指标", "2020年", "2025年", "属性"), *rows]
                               for c in row))
    assert [(i.category, i.name, i.target.printed) for i in r.indicators] == [
        ("收入和就业", "残疾人就业人数", "6"), ("社会保障", "困难残疾人生活补贴覆盖率", "100")]


def test_a_row_with_a_cell_too_many_is_a_gap_not_a_shifted_value(tmp_path):
    # ★ in the attribute column (its meaning is in a note) is no attribute: three cells under two
    # value columns, which is which cannot be told
    rows = [ROWS[0][:3] + ("★",), ROWS[1]]
    r = plan(tmp_path, one_cell_a_line(("指标", "2020年", "2025年", "属性"), rows, tabs=False))
    assert indicators(r) == [("1", "困难残疾人生活补贴覆盖率", "%", "", "", ""), READ[1]]
    assert [(g.kind, g.line) for g in r.warnings] == [("table", 14)]
    assert "indicator row 1 prints 3 cells (100、100、★) under 2 columns: its values were not read" in r.warnings[0].message


# --- one row a line, cells apart by tabs or spaces: read by position under the header -------------
def rows_a_line(header, rows, sep="\t") -> str:
    return "".join(sep.join(row) + "\n" for row in [header, *rows])


def test_tab_rows_with_a_numbered_column_and_a_column_of_units(tmp_path):
    # before: the 序号 cell was read as the name, the name as the unit, the unit as the baseline
    rows = [("1", "困难残疾人生活补贴覆盖率", "%", "100", "100", "约束性"),
            ("2", "残疾人就业人数", "万人", "5", "6", "预期性")]
    r = plan(tmp_path, rows_a_line(("序号", "指标", "单位", "2020年", "2025年", "属性"), rows))
    assert indicators(r) == READ
    assert r.warnings == []


def test_tab_rows_with_columns_no_role_reads(tmp_path):
    # before: the 十三五目标 cell was read as the baseline and the 完成情况 cell as the target, the
    # attribute after a 备注 cell was lost, and no column was said unread.  The last plan's target
    # is no baseline: the 2020 achievement (完成情况) is
    rows = [("1.困难残疾人生活补贴覆盖率（%）", "95", "100", "100", "约束性", "新增"),
            ("2.残疾人就业人数（万人）", "4", "5", "6", "预期性", "")]
    r = plan(tmp_path, rows_a_line(("指标", "“十三五”目标", "2020年完成情况", "2025年目标", "属性", "备注"), rows))
    assert indicators(r) == READ
    assert [(i.baseline.year, i.target.year) for i in r.indicators] == [(2020, 2025)] * 2
    assert [g.message for g in r.warnings] == [f"indicator table column {c!r} not read"
                                               for c in ("“十三五”目标", "备注")]


@pytest.mark.parametrize("sep", ["\t", "  "])
def test_a_category_printed_once_for_its_rows(tmp_path, sep):
    # a merged category cell: printed on the first of its rows, the rows below one cell short.
    # before (cells apart by spaces): row 2's name was read as its category, 100 as its name
    rows = [("收入和就业", "1.残疾人就业人数（万人）", "5", "6", "预期性"),
            ("2.残疾人职业培训人次（人次）", "100", "200", "预期性"),
            ("社会保障", "3.困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性")]
    r = plan(tmp_path, rows_a_line(("类别", "指标", "2020年", "2025年", "属性"), rows, sep))
    assert [(i.no, i.category, i.name, i.unit, i.baseline.printed, i.target.printed, i.attribute)
            for i in r.indicators] == [
        ("1", "收入和就业", "残疾人就业人数", "万人", "5", "6", "预期性"),
        ("2", "收入和就业", "残疾人职业培训人次", "人次", "100", "200", "预期性"),
        ("3", "社会保障", "困难残疾人生活补贴覆盖率", "%", "100", "100", "约束性")]
    assert r.warnings == []


def test_a_row_a_cell_short_that_cannot_be_placed_is_a_gap(tmp_path):
    rows = [ROWS[0], ("2.残疾人就业人数（万人）", "6", "预期性")]  # its 2020 cell not printed
    r = plan(tmp_path, rows_a_line(("指标", "2020年", "2025年", "属性"), rows, "  "))
    assert indicators(r) == [READ[0]]
    assert [(g.kind, g.line) for g in r.warnings] == [("table", 8)]
    assert "indicator table row of 3 cells under 4 columns not read" in r.warnings[0].message


def test_a_second_header_row_is_no_indicator(tmp_path):
    table = "指标\t2020年\t2025年\t属性\n\t基期值\t目标值\t\n" + rows_a_line(("x",), ROWS).split("\n", 1)[1]
    r = plan(tmp_path, table)
    assert indicators(r) == READ


def test_an_attribute_cell_not_read_is_a_gap(tmp_path):
    rows = [ROWS[0][:3] + ("★",), ROWS[1]]
    r = plan(tmp_path, rows_a_line(("指标", "2020年", "2025年", "属性"), rows))
    assert indicators(r) == [READ[0][:5] + ("",), READ[1]]
    assert [(g.line, g.message) for g in r.warnings] == [
        (7, "indicator 1 attribute '★' not read (not 约束性 or 预期性)")]


# --- which column is which: by the header's words and years, one cell a line by position ----------
@pytest.mark.parametrize("layout", ["tabs", "plain", "rows"])
@pytest.mark.parametrize("header", [("指标", "2025年", "2020年", "属性"), ("指标", "2025年目标", "2020年", "属性"),
                                    ("指标", "目标值", "现状值", "属性")])
def test_the_target_column_printed_before_the_baseline(tmp_path, layout, header):
    # before: the last value column was the target whatever it named (2025年 | 2020年 gave a 2020
    # target); with 2025年目标 | 2020年 both were targets and the 2020 value won
    rows = [(r[0], r[2], r[1], r[3]) for r in ROWS]
    table = (rows_a_line(header, rows) if layout == "rows"
             else one_cell_a_line(header, rows, tabs=layout == "tabs"))
    r = plan(tmp_path, table)
    assert indicators(r) == READ
    assert r.warnings == []


@pytest.mark.parametrize("column", ["2020年基数", "“十三五”末", "2020年完成情况", "基期值（2020年）"])
def test_baseline_columns_named_other_ways(tmp_path, column):
    r = plan(tmp_path, one_cell_a_line(("指标", column, "“十四五”目标", "属性"), ROWS, tabs=False))
    assert indicators(r) == READ
    assert [(i.baseline.year, i.target.year) for i in r.indicators] == [(2020, 2025)] * 2
    assert r.warnings == []


@pytest.mark.parametrize("tabs", [True, False])
def test_one_cell_a_line_columns_by_position(tmp_path, tabs):
    # a unit column, a column no role reads between the values and the attribute, one after it,
    # and a third value column: before, the unit was read as the baseline, a 责任单位 or 备注 header
    # cell left the table unread (silently) or read 备注 as the next rows' category
    header = ("指标", "单位", "2015年", "2020年", "2025年", "责任单位", "属性", "备注")
    rows = [("1.困难残疾人生活补贴覆盖率", "%", "90", "100", "100", "县民政局", "约束性", "新增"),
            ("2.残疾人就业人数", "万人", "4", "5", "6", "县人社局", "预期性", "")]
    r = plan(tmp_path, one_cell_a_line(header, rows, tabs=tabs))
    assert indicators(r) == READ
    assert sorted(g.message for g in r.warnings) == sorted(
        f"indicator table column {c!r} not read" for c in ("2015年", "责任单位", "备注"))
    assert {i.category for i in r.indicators} == {""}


def test_an_empty_cell_one_cell_a_line_keeps_its_column(tmp_path):
    # a tab-indented line holding only its tab is an empty cell: before it was skipped, and the
    # 2025 value was read as the 2020 baseline
    table = one_cell_a_line(("指标", "2020年", "2025年", "属性"), [ROWS[0], ("2.残疾人就业人数（万人）", "", "6", "预期性")],
                            tabs=True)
    r = plan(tmp_path, table)
    assert indicators(r) == [READ[0], ("2", "残疾人就业人数", "万人", "", "6", "预期性")]
    assert r.indicators[1].target.year == 2025


# --- tables the one-cell reader cannot read, and indicators printed as text: said ----------------
def test_a_numbered_column_one_cell_a_line(tmp_path):
    # before: a 序号 cell on a line of its own before the name left the table as prose, silently
    rows = [("1", "困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性"), ("2", "残疾人就业人数（万人）", "5", "6", "预期性")]
    r = plan(tmp_path, one_cell_a_line(("序号", "指标", "2020年", "2025年", "属性"), rows, tabs=False))
    assert indicators(r) == READ
    assert r.warnings == []


# --- rows without numbers, one cell a line: a row ends at its attribute ------------------------
UNNUMBERED = [("残疾人保障", "残疾人基本养老保险参保率", "%", "95", "＞98", "约束性"),
              ("残疾人基本医疗保险参保率", "%", "96", "＞98", "约束性"),
              ("康复服务", "残疾人基本康复服务覆盖率", "%", "80", "85", "预期性")]
UNNUMBERED_READ = [("1", "残疾人保障", "残疾人基本养老保险参保率", "%", "95", "＞98", "约束性"),
                   ("2", "残疾人保障", "残疾人基本医疗保险参保率", "%", "96", "＞98", "约束性"),
                   ("3", "康复服务", "残疾人基本康复服务覆盖率", "%", "80", "85", "预期性")]


def cells_a_line(header, rows, *, blank: bool) -> str:
    """One cell a line, no tabs: a blank line after every cell (PDF extraction) or none."""
    return "".join(f"{c}\n\n" if blank else f"{c}\n" for row in [header, *rows] for c in row)


def with_category(record):
    return [(i.no, i.category, i.name, i.unit, i.baseline.printed if i.baseline else "",
             i.target.printed if i.target else "", i.attribute) for i in record.indicators]


@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("column", ["领域", "类别"])
def test_unnumbered_rows_under_a_merged_category(tmp_path, blank, column):
    # before: the header was read from 指标 (领域 was prose), its rows not at all: one gap for the
    # whole table (before that, no word), every indicator lost
    r = plan(tmp_path, cells_a_line((column, "指标", "单位", "2020年", "2025年", "属性"), UNNUMBERED, blank=blank))
    assert with_category(r) == UNNUMBERED_READ
    assert [(i.baseline.year, i.target.year, i.target.comparator) for i in r.indicators] == [(2020, 2025, ">")] * 2 + [
        (2020, 2025, "=")]
    assert tasks(r) == ["完善低保", "加强康复"]
    assert r.warnings == []


def test_unnumbered_rows_with_a_numbered_column(tmp_path):
    rows = [(str(n), *row[-5:]) for n, row in enumerate(UNNUMBERED, 1)]
    r = plan(tmp_path, cells_a_line(("序号", "指标", "单位", "2020年", "2025年", "属性"), rows, blank=False))
    assert with_category(r) == [(no, "", *rest) for no, _c, *rest in UNNUMBERED_READ]
    assert r.warnings == []


@pytest.mark.parametrize("blank", [True, False])
def test_unnumbered_rows_without_numbers_or_categories(tmp_path, blank):
    # before: a gap for the whole table (指标 | 2020年 | 2025年 | 属性 not followed by rows)
    rows = [(name[2:], *rest) for name, *rest in ROWS]
    r = plan(tmp_path, cells_a_line(("指标", "2020年", "2025年", "属性"), rows, blank=blank))
    assert indicators(r) == READ
    assert tasks(r) == ["完善低保", "加强康复"]
    assert r.warnings == []


@pytest.mark.parametrize("header", [("序号", "领域"), ("领域", "序号")])
def test_a_numbered_column_and_a_merged_category(tmp_path, header):
    # before (序号 | 领域): the category after a row's number was read as its name, the name and
    # values as cells too many (a gap); (领域 | 序号): the table was one gap
    rows = [(str(n), *row) for n, row in enumerate(UNNUMBERED, 1)]
    if header[0] == "领域":
        rows = [(row[1], row[0], *row[2:]) if len(row) == 7 else row for row in rows]
    r = plan(tmp_path, cells_a_line((*header, "指标", "单位", "2020年", "2025年", "属性"), rows, blank=False))
    assert with_category(r) == UNNUMBERED_READ
    assert r.warnings == []


def test_a_numbered_column_and_a_merged_category_a_cell_short(tmp_path):
    rows = [("1", *UNNUMBERED[0]), ("2", "残疾人基本医疗保险参保率", "%", "＞98", "约束性"),
            ("3", *UNNUMBERED[2])]
    r = plan(tmp_path, cells_a_line(("序号", "领域", "指标", "单位", "2020年", "2025年", "属性"), rows, blank=False))
    assert with_category(r) == [UNNUMBERED_READ[0], UNNUMBERED_READ[2]]
    assert [(g.line, g.message[:40]) for g in r.warnings] == [(20, "indicator table row of 4 cells before it")]


def test_an_unnumbered_row_a_cell_short_is_a_gap_and_the_category_below_it_unknown(tmp_path):
    # row 2 prints no 2020 cell; row 3 no 2020 cell under a new category: whether its first line
    # is a category or a name cannot be told, so neither row reads a value, and row 4 (which
    # would inherit row 3's category) reads none
    rows = [UNNUMBERED[0], ("残疾人基本医疗保险参保率", "%", "＞98", "约束性"),
            ("康复服务", "残疾人基本康复服务覆盖率", "%", "85", "预期性"),
            ("残疾儿童康复救助率", "%", "90", "95", "约束性")]
    r = plan(tmp_path, cells_a_line(("领域", "指标", "单位", "2020年", "2025年", "属性"), rows, blank=False))
    assert with_category(r) == [UNNUMBERED_READ[0], ("4", "", "残疾儿童康复救助率", "%", "90", "95", "约束性")]
    assert [(g.kind, g.line, g.message[:40]) for g in r.warnings] == [
        ("table", 18, "indicator table row of 3 cells before it"),
        ("table", 22, "indicator table row of 4 cells before it"),
        ("table", 27, "indicator 4 category not read (a row abo")]
    assert "(which cell is which cannot be told): 残疾人基本医疗保险参保率 | % | >98" in r.warnings[0].message


def test_an_unnumbered_row_whose_category_could_be_its_name_is_a_gap(tmp_path):
    # no unit column: 康复服务 | 残疾人基本康复服务覆盖率 | 85 is a category, a name and one value,
    # or a name, a baseline and a target; never the name read as a value
    rows = [("残疾人保障", "残疾人基本养老保险参保率（%）", "95", "98", "约束性"),
            ("康复服务", "残疾人基本康复服务覆盖率（%）", "85", "预期性")]
    r = plan(tmp_path, cells_a_line(("类别", "指标", "2020年", "2025年", "属性"), rows, blank=False))
    assert with_category(r) == [("1", "残疾人保障", "残疾人基本养老保险参保率", "%", "95", "98", "约束性")]
    assert [(g.line, g.message[:45]) for g in r.warnings] == [(16, "indicator table row of 3 cells before its att")]


def test_unnumbered_rows_end_at_the_prose_after_them(tmp_path):
    rows = [(name[2:], *rest) for name, *rest in ROWS]
    table = cells_a_line(("指标", "2020年", "2025年", "属性"), rows, blank=False)
    r = plan(tmp_path, table + "注：残疾人就业人数为累计数。\n")
    assert indicators(r) == READ
    assert r.warnings == []


def test_indicators_printed_as_text_are_a_gap(tmp_path):
    text = ("主要指标：\n1.残疾人基本养老保险参保率：2020年95%，2025年达到98%以上（约束性）。\n"
            "2.残疾人就业人数：2020年5万人，2025年6万人（预期性）。\n")
    r = plan(tmp_path, text)
    assert r.indicators == []
    assert [(g.kind, g.line) for g in r.warnings] == [("table", 7), ("table", 8)]
    assert r.warnings[0].message.startswith("indicator printed as text, not in a table, not read: '1.残疾人基本养老")


# --- a 专栏 project table's 建设年限 column: each project keeps it as printed ----------------------
def box_plan(tmp_path: Path, header, rows):
    box = "专栏1 康复项目\n" + "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in [header, *rows])
    return plan(tmp_path, "\n二、主要任务\n1.加强康复。实施精准康复。\n" + box)


@pytest.mark.parametrize("column", ["建设年限", "实施年限", "建设周期"])
def test_a_project_table_period_column_is_kept_on_its_projects(tmp_path, column):
    # before: the column was a gap ('project table column 建设年限 not read') and no project had it
    r = box_plan(tmp_path, ("序号", "项目名称", "建设内容", column),
                 [("1", "残疾儿童康复救助", "为0-6岁残疾儿童提供康复救助。", "2021-2025年"),
                  ("2", "辅助器具适配", "为有需求的残疾人适配辅助器具。", "“十四五”期间")])
    assert [(p.no, p.title, p.text, p.period) for c in r.columns() for p in c.projects] == [
        ("1", "残疾儿童康复救助", "为0-6岁残疾儿童提供康复救助。", "2021-2025年"),
        ("2", "辅助器具适配", "为有需求的残疾人适配辅助器具。", "“十四五”期间")]
    assert [g.message for g in r.warnings if g.kind == "table"] == []


def test_a_project_period_reaches_the_projects_query(tmp_path):
    from policykg import api
    box_plan(tmp_path, ("序号", "项目名称", "建设内容", "建设年限"),
             [("1", "残疾儿童康复救助", "为0-6岁残疾儿童提供康复救助。", "2021-2025年"),
              ("2", "辅助器具适配", "为有需求的残疾人适配辅助器具。", "")])
    columns, rows = api.query("projects", api.build([tmp_path / "plan.txt"], tmp_path / "plan.trig"))
    assert [(r[columns.index("title")], r[columns.index("period")]) for r in rows] == [
        ("残疾儿童康复救助", "2021-2025年"), ("辅助器具适配", "")]


def test_a_period_cell_naming_no_year_is_a_gap(tmp_path):
    # a cell under 建设年限 that names no year or period (the row's cells shifted): never a period
    r = box_plan(tmp_path, ("序号", "项目名称", "建设内容", "建设年限"),
                 [("1", "残疾儿童康复救助", "为0-6岁残疾儿童提供康复救助。", "县残联"),
                  ("2", "辅助器具适配", "为有需求的残疾人适配辅助器具。", "2022年")])
    assert [(p.title, p.period) for c in r.columns() for p in c.projects] == [
        ("残疾儿童康复救助", ""), ("辅助器具适配", "2022年")]
    assert [(g.kind, g.message) for g in r.warnings] == [
        ("table", "project '残疾儿童康复救助' 建设年限 '县残联' not read (names no year or period)")]


def test_a_project_period_in_the_graph(tmp_path):
    from policykg.graph.build import K, build_plan_graph
    r = box_plan(tmp_path, ("序号", "项目名称", "建设内容", "建设年限"),
                 [("1", "残疾儿童康复救助", "为0-6岁残疾儿童提供康复救助。", "2021-2025年")])
    assert [o for _s, p, o in build_plan_graph(r).graph if p == K.projectPeriod] == ['"2021-2025年"@zh']


# --- a table printing no attribute column, one cell a line ----------------------------------------
NO_ATTRIBUTE = ["序号", "指标名称", "2020年", "2025年",
                "1", "城乡残疾人最低生活保障覆盖率（%）", "100", "100",
                "2", "残疾人基本养老保险参保率（%）", "90", "＞95",
                "3", "残疾儿童康复救助率（%）", "85", "100"]


@pytest.mark.parametrize("under", ["", "注：带*的为约束性指标。"])
def test_a_table_printing_no_attribute_column_one_cell_a_line_is_read(tmp_path, under):
    # before: the header was never closed by an attribute cell, so the table read as prose: no
    # indicator and no gap, silently
    r = plan(tmp_path, "\n".join(NO_ATTRIBUTE + [under]) + "\n")
    assert indicators(r) == [("1", "城乡残疾人最低生活保障覆盖率", "%", "100", "100", ""),
                             ("2", "残疾人基本养老保险参保率", "%", "90", "＞95", ""),
                             ("3", "残疾儿童康复救助率", "%", "85", "100", "")]
    assert tasks(r) == ["完善低保", "加强康复"] and r.warnings == []


@pytest.mark.parametrize("lost, row, line", [(10, "2", 16), (14, "3", 20)])
def test_a_row_short_of_a_value_in_a_table_without_attributes_is_said(tmp_path, lost, row, line):
    # which value a row lacks no attribute cell tells: the row is said, never read one column off
    cells = NO_ATTRIBUTE[:lost] + NO_ATTRIBUTE[lost + 1:]
    r = plan(tmp_path, "\n".join(cells + ["注：带*的为约束性指标。"]) + "\n")
    assert [i.no for i in r.indicators] == [str(n) for n in range(1, int(row))]
    assert [(g.line, g.message.split(":")[0]) for g in r.warnings] == [
        (line, f"indicator table row {row} prints 1 of 2 values and no attribute")]


@pytest.mark.parametrize("tabs", [True, False])
@pytest.mark.parametrize("numbered", ["一、", "（一）"])
def test_categories_numbered_as_headings_in_a_table_one_cell_a_line(tmp_path, tabs, numbered):
    # before: 一、社会保障 ended the table (read as the plan's next chapter) and the rows under it
    # were read as tasks (困难残疾人生活补贴覆盖率（%）95100约束性)
    second = numbered.replace("一", "二")
    rows = [(f"{numbered}社会保障",), ("1", "困难残疾人生活补贴覆盖率（%）", "95", "100", "约束性"),
            ("2", "残疾人基本养老保险参保率（%）", "90", "＞95", "预期性"),
            (f"{second}康复服务",), ("1", "残疾儿童康复救助率（%）", "85", "100", "约束性")]
    r = plan(tmp_path, one_cell_a_line(("序号", "指标", "2020年", "2025年", "属性"), rows, tabs=tabs))
    assert [(i.no, i.name, i.category, i.target.printed, i.attribute) for i in r.indicators] == [
        ("1", "困难残疾人生活补贴覆盖率", "社会保障", "100", "约束性"),
        ("2", "残疾人基本养老保险参保率", "社会保障", "＞95", "预期性"),
        ("1", "残疾儿童康复救助率", "康复服务", "100", "约束性")]
    assert tasks(r) == ["完善低保", "加强康复"] and r.warnings == []


@pytest.mark.parametrize("note, mark", [("注：带*的为约束性指标。", "*"), ("注：标“★”者为约束性指标，其余为预期性指标。", "★"),
                                        ("注：＊为约束性指标。", "＊")])
def test_a_mark_on_the_name_gives_the_attribute_a_table_does_not_print(tmp_path, note, mark):
    # before: the mark was dropped from the name and the indicator had no attribute, though the
    # plan's note says it is binding: an audit of binding indicators missed it, silently
    cells = [c.replace("参保率（%）", f"参保率{mark}（%）") for c in NO_ATTRIBUTE]
    r = plan(tmp_path, "\n".join(cells + [note]) + "\n")
    rest = "预期性" if "其余" in note else ""  # the unmarked are what the note says, else nothing
    assert [(i.name, i.attribute) for i in r.indicators] == [
        ("城乡残疾人最低生活保障覆盖率", rest), ("残疾人基本养老保险参保率", "约束性"), ("残疾儿童康复救助率", rest)]
    assert r.warnings == []


def test_a_mark_no_note_explains_gives_no_attribute(tmp_path):
    cells = [c.replace("参保率（%）", "参保率*（%）") for c in NO_ATTRIBUTE]
    r = plan(tmp_path, "\n".join(cells + ["注：带*的为新增指标。"]) + "\n")
    assert [i.attribute for i in r.indicators] == ["", "", ""]


@pytest.mark.parametrize("column", ["建设年限", "建设周期"])
def test_a_project_table_printed_one_cell_a_line_with_nothing_between(tmp_path, column):
    """A box's table as PDF extraction prints it, one cell a line, no blank line or tab anywhere, was one
    project titled 序号项目名称建设内容建设年限1…, without a word.  A row cut short ends the table."""
    rows = [("序号", "项目名称", "建设内容", column), ("1", "残疾儿童康复救助", "为0-6岁残疾儿童提供康复救助。", "2021-2025年"),
            ("2", "辅助器具适配", "为有需求的残疾人适配辅助器具。", "“十四五”期间")]
    box = "专栏1 康复项目\n" + "".join(f"{c}\n" for row in rows for c in row)
    r = plan(tmp_path, "\n二、主要任务\n1.加强康复。实施精准康复。\n" + box)
    assert [(p.no, p.title, p.text, p.period) for c in r.columns() for p in c.projects] == [
        ("1", "残疾儿童康复救助", "为0-6岁残疾儿童提供康复救助。", "2021-2025年"),
        ("2", "辅助器具适配", "为有需求的残疾人适配辅助器具。", "“十四五”期间")]
    assert [g.message for g in r.warnings if g.kind == "table"] == []


@pytest.mark.parametrize("header", [
    ("指", "标", "2020 年", "2025 年", "", "属性"),  # 指　标 letter-spaced to fill its cell, one character a line
    ("序", "号", "指标名称", "2020年", "2025年", "属", "性"),
], ids=["指-标", "序-号-属-性"])
def test_a_header_cell_letter_spaced_comes_one_character_a_line_and_is_read(tmp_path, header):
    """pdftotext prints a table one cell a line, and a header cell letter-spaced to fill its column
    (指　标) one character a line: the table was not read, and nothing said (its rows were taken for
    prose).  The characters spell the column's name."""
    rows = ROWS if header[0] == "指" else [(no, name, *rest) for (name, *rest), no in
                                           zip([(r[0][2:], *r[1:]) for r in ROWS], ("1", "2"))]
    table = "“十四五”残疾人事业发展主要指标\n" + "".join(f"{c}\n" for c in header) + "".join(
        f"{c}\n" for row in rows for c in row)
    r = plan(tmp_path, table)
    assert indicators(r) == READ
    assert tasks(r) == ["完善低保", "加强康复"]
    assert [g for g in r.warnings if g.kind == "table"] == []


def test_rows_ending_in_an_attribute_that_no_table_reads_are_a_gap(tmp_path):
    """Rows whose cells text extraction printed in a way no reader reads (a single-spaced header with
    a letter-spaced cell, cells of a row on one line or two): before, 0 indicators and no word."""
    table = ("指 标 目标值 属性\n1. 残疾人家庭人均收入年均增速\n与区生产总值增长同步 预期性\n"
             "2. 困难残疾人生活补贴覆盖率 >99% 约束性\n3. 残疾人专业托养机构\n1家\n约束性\n")
    r = plan(tmp_path, table)
    assert r.indicators == []
    assert [(g.kind, g.line) for g in r.warnings] == [("table", 8)]
    assert r.warnings[0].message.startswith(
        "3 line(s) to line 12 end in an indicator's attribute (约束性/预期性) as an indicator table's rows do, "
        "but no table was read there")
    assert tasks(r) == ["完善低保", "加强康复"]
