"""Indicator tables (主要指标) whose cells print more than a bare number: a value glossed in brackets
(100（全覆盖）), two values in a cell (>95（城镇）/>90（农村）), a five-year total in brackets (〔35〕), a
comparator printed ≮ / ≯, a mark on the name (残疾人就业人数*), a cell whose unit is not the row's,
a 合计 row.  Each is read as printed or said as a gap with its line: never a number the plan does
not state, a value in the name, or a total as an indicator."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan
from policykg.loaders.values import parse_value

TITLE = "青山县“十四五”残疾人事业发展规划\n\n"
TASKS = ("1.完善低保。将符合条件的残疾人纳入低保。（牵头单位：县民政局）\n"
         "2.加强康复。实施精准康复行动。（牵头单位：县卫健局）\n")
SECOND = ("2.残疾人就业人数（万人）", "5", "6", "预期性")


def plan(tmp_path: Path, table: str, after: str = ""):
    text = (TITLE + "一、发展目标\n到2025年，残疾人事业全面发展。\n\n" + table + after + "\n二、主要任务\n" + TASKS
            + "\n三、保障措施\n加强组织领导。\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return load_plan(path)


def rows_a_line(header, rows) -> str:
    return "".join("\t".join(row) + "\n" for row in [header, *rows])


def one_cell_a_line(header, rows, *, tabs: bool) -> str:
    if tabs:
        return "".join("".join(f"\t{c}\n" for c in row) + "\n" for row in [header, *rows])
    return "".join(f"{c}\n\n" for row in [header, *rows] for c in row)


def layout(header, rows, how: str) -> str:
    return rows_a_line(header, rows) if how == "rows" else one_cell_a_line(header, rows, tabs=how == "tabs")


def value(v):
    return None if v is None else (v.printed, v.comparator, v.value, v.unit)


def read(record):
    return [(i.no, i.name, i.unit, value(i.baseline), value(i.target), i.attribute) for i in record.indicators]


LAYOUTS = ["rows", "tabs", "plain"]
H = ("指标", "2020年", "2025年", "属性")


# --- a value cell glossed in brackets is a value, not the name's wrapped unit --------------------------
@pytest.mark.parametrize("how", LAYOUTS)
@pytest.mark.parametrize("cell", ["100（全覆盖）", ">95（城镇）/>90（农村）", "95(城镇)"])
def test_a_value_glossed_in_brackets_stays_a_value(tmp_path, how, cell):
    # before (one cell a line): the first value cell was taken for the name wrapped onto its next
    # line, its bracket for the unit: 困难残疾人生活补贴覆盖率100, unit 全覆盖, no values and a gap
    # counting one cell where the row printed two
    rows = [("1.困难残疾人生活补贴覆盖率", cell, cell, "约束性"), SECOND]
    r = plan(tmp_path, layout(H, rows, how))
    first = r.indicators[0]
    assert (first.name, first.unit) == ("困难残疾人生活补贴覆盖率", "")
    # qualitative as printed: neither of two values is given alone, a gloss keeps its number's scope
    assert value(first.baseline) == value(first.target) == (cell, None, None, "")
    assert r.warnings == []


def test_a_name_wrapped_onto_its_next_line_still_joins(tmp_path):
    rows = [("1.困难残疾人生活补贴", "覆盖率（%）", "100", "100", "约束性"), SECOND]
    r = plan(tmp_path, one_cell_a_line(H, rows, tabs=False))
    assert [(i.name, i.unit) for i in r.indicators] == [("困难残疾人生活补贴覆盖率", "%"), ("残疾人就业人数", "万人")]


# --- a totals row (合计, 总计, 小计) is no indicator ---------------------------------------------------
@pytest.mark.parametrize("how", LAYOUTS)
@pytest.mark.parametrize("total", ["合计", "总计", "小 计"])
def test_a_totals_row_is_no_indicator(tmp_path, how, total):
    # before: 合计 was read as indicator 3 (its 10 and 12 a baseline and target) by the tab and
    # one-cell-a-line readers of a table whose rows print no number
    header = ("领域", "指标", "2020年", "2025年", "属性")
    rows = [("就业", "残疾人就业人数（万人）", "5", "6", "预期性"),
            ("", "残疾人新增就业人数（万人）", "5", "6", "预期性"), ("", total, "10", "12", "预期性")]
    if how == "plain":  # a merged category prints once
        rows = [rows[0], rows[1][1:], rows[2][1:]]
    r = plan(tmp_path, layout(header, rows, how))
    assert [(i.no, i.category, i.name) for i in r.indicators] == [
        ("1", "就业", "残疾人就业人数"), ("2", "就业", "残疾人新增就业人数")]
    assert r.warnings == []


# --- comparators ----------------------------------------------------------------------------------
@pytest.mark.parametrize("printed,expected", [
    ("≮95", ("≥", Decimal("95"), "%")), ("≯5", ("≤", Decimal("5"), "%")), ("≮95%", ("≥", Decimal("95"), "%")),
    # already read so: kept
    ("≥95", ("≥", Decimal("95"), "%")), ("不低于95", ("≥", Decimal("95"), "%")), ("95以上", ("≥", Decimal("95"), "%")),
    ("低于5‰", ("<", Decimal("5"), "‰")), ("5‰以下", ("≤", Decimal("5"), "‰")), ("控制在3%以内", ("≤", Decimal("3"), "%")),
    ("＞95", (">", Decimal("95"), "%")), ("约50", ("≈", Decimal("50"), "%")), ("50左右", ("≈", Decimal("50"), "%")),
    # a range or words: no number the plan does not state
    ("90-95", (None, None, "")), ("90～95", (None, None, "")), ("90—95", (None, None, "")),
    ("逐步提高", (None, None, "")), ("应保尽保", (None, None, "")), ("动态清零", (None, None, "")),
    ("达到全省平均水平", (None, None, "")), (">95（城镇）/>90（农村）", (None, None, "")),
])
def test_comparators_printed_in_a_cell(printed, expected):
    # before: ≮ (not less than) and ≯ (not more than) left the cell unparsed
    v = parse_value(printed, default_unit="%")
    assert (v.comparator, v.value, v.unit) == expected
    assert v.printed == printed


# --- a mark on the name (残疾人就业人数*, 注：带*为约束性指标) -------------------------------------------
@pytest.mark.parametrize("how", LAYOUTS)
@pytest.mark.parametrize("printed", ["困难残疾人生活补贴覆盖率*（%）", "困难残疾人生活补贴覆盖率（%）*",
                                     "困难残疾人生活补贴覆盖率（%）★", "★困难残疾人生活补贴覆盖率（%）",
                                     "困难残疾人生活补贴覆盖率＊（%）"])
def test_a_mark_on_the_name_is_no_part_of_it(tmp_path, how, printed):
    # before: the name kept its mark (困难残疾人生活补贴覆盖率*), and a mark after the unit's bracket
    # hid the unit: name 困难残疾人生活补贴覆盖率（%）★, no unit, its values counted in nothing
    rows = [(f"1.{printed}", "95", "100", "约束性"), SECOND]
    r = plan(tmp_path, layout(H, rows, how), "注：带*（★）为约束性指标。\n")
    assert [(i.name, i.unit, value(i.target), i.attribute) for i in r.indicators] == [
        ("困难残疾人生活补贴覆盖率", "%", ("100", "=", Decimal("100"), "%"), "约束性"),
        ("残疾人就业人数", "万人", ("6", "=", Decimal("6"), "万人"), "预期性")]


# --- a cell's unit against its row's --------------------------------------------------------------
@pytest.mark.parametrize("how", ["rows", "plain"])
def test_a_cell_printed_in_another_unit_than_its_row_is_a_gap(tmp_path, how):
    # before: 95% under 残疾人就业人数（万人） was read as 95 with the row's unit 万人 beside it (the
    # indicators query: unit 万人, value 95), 50000人 as 50000 万人, silently
    rows = [("1.残疾人就业人数（万人）", "95%", "50000人", "预期性"),
            ("2.残疾人康复服务人次（人次）", "1.5万", "2万人次", "预期性"),
            ("3.困难残疾人生活补贴覆盖率（%）", "95％", "100%", "约束性")]
    r = plan(tmp_path, layout(H, rows, how))
    assert read(r) == [
        ("1", "残疾人就业人数", "万人", ("95%", None, None, ""), ("50000人", None, None, ""), "预期性"),
        ("2", "残疾人康复服务人次", "人次", ("1.5万", "=", Decimal("1.5"), "万人次"), ("2万人次", "=", Decimal("2"), "万人次"),
         "预期性"),
        ("3", "困难残疾人生活补贴覆盖率", "%", ("95％", "=", Decimal("95"), "%"), ("100%", "=", Decimal("100"), "%"),
         "约束性")]
    lines = (7, 7) if how == "rows" else (16, 18)  # the cell's line
    assert [(g.line, g.kind, g.message) for g in r.warnings] == [
        (lines[0], "table", "indicator 1 baseline '95%' is printed in % but its row counts in 万人: its number was not read"),
        (lines[1], "table", "indicator 1 target '50000人' is printed in 人 but its row counts in 万人: its number was not read")]


# --- a five-year total in brackets (注：〔〕内为五年累计数) ------------------------------------------------
TOTALS = [("1.新增残疾人就业人数（万人）", "〔30〕", "〔35〕", "预期性"), SECOND]
NOTE = "注：〔〕内为五年累计数。\n"


def totals(record):
    return [(i.name, value(i.baseline), i.baseline.cumulative, value(i.target), i.target.cumulative)
            for i in record.indicators]


@pytest.mark.parametrize("how", LAYOUTS)
@pytest.mark.parametrize("bracket", ["〔{}〕", "[{}]", "［{}］", "【{}】"])
@pytest.mark.parametrize("note", [NOTE, "注：[ ]内数据为“十四五”期间累计数。\n", "注：带【】的为累计值。\n"])
def test_a_total_in_brackets_reads_as_a_total(tmp_path, how, bracket, note):
    # before: 〔35〕 was a qualitative target (no number), a numeric one missed by every audit of
    # numeric targets; now the number, marked a five-year total (not the level reached in 2025)
    rows = [(TOTALS[0][0], bracket.format(30), bracket.format(35), "预期性"), SECOND]
    r = plan(tmp_path, layout(H, rows, how), note)
    assert totals(r) == [
        ("新增残疾人就业人数", (bracket.format(30), "=", Decimal("30"), "万人"), True,
         (bracket.format(35), "=", Decimal("35"), "万人"), True),
        ("残疾人就业人数", ("5", "=", Decimal("5"), "万人"), False, ("6", "=", Decimal("6"), "万人"), False)]
    assert r.warnings == []


@pytest.mark.parametrize("how", LAYOUTS)
def test_a_number_in_brackets_without_a_note_is_a_gap(tmp_path, how):
    # brackets whose meaning the plan does not state: no number is read (a total or a level?), said
    r = plan(tmp_path, layout(H, TOTALS, how))
    assert totals(r)[0] == ("新增残疾人就业人数", ("〔30〕", None, None, ""), False, ("〔35〕", None, None, ""), False)
    assert [g.message for g in r.warnings] == [
        f"indicator 1 {role} '{cell}' is a number in brackets and no note says what the brackets mean "
        f"(〔〕内为五年累计数): its number was not read" for role, cell in (("baseline", "〔30〕"), ("target", "〔35〕"))]


def test_a_total_in_brackets_in_rows_printed_without_numbers(tmp_path):
    # one cell a line, no 序号: the cells after the name must look like values for the row to be placed
    header = ("领域", "指标", "2020年", "2025年", "属性")
    rows = [("就业", "新增残疾人就业人数（万人）", "〔30〕", "〔35〕", "预期性"), ("残疾人就业人数（万人）", "5", "6", "预期性")]
    r = plan(tmp_path, one_cell_a_line(header, rows, tabs=False), NOTE)
    assert totals(r) == [
        ("新增残疾人就业人数", ("〔30〕", "=", Decimal("30"), "万人"), True, ("〔35〕", "=", Decimal("35"), "万人"), True),
        ("残疾人就业人数", ("5", "=", Decimal("5"), "万人"), False, ("6", "=", Decimal("6"), "万人"), False)]
    assert [i.category for i in r.indicators] == ["就业", "就业"]
    assert r.warnings == []


def test_the_indicators_query_says_a_target_is_a_total(tmp_path):
    from policykg import api
    plan(tmp_path, rows_a_line(H, TOTALS), NOTE)
    columns, rows = api.query("indicators", tmp_path / "plan.txt")
    got = [{c: r[k] for k, c in enumerate(columns)} for r in rows]
    assert [(d["name"], d["target"], d["comparator"], d["value"], d["cumulative"], d["unit"]) for d in got] == [
        ("新增残疾人就业人数", "〔35〕", "=", "35", "累计", "万人"), ("残疾人就业人数", "6", "=", "6", "", "万人")]


# --- categories printed as numbered rows of their own (一、社会保障), 序号 from 1 under each ----------------
@pytest.mark.parametrize("category", [("一、社会保障", "二、就业"), ("（一）社会保障", "（二）就业")])
def test_a_numbered_category_row_in_a_table_of_tab_rows(tmp_path, category):
    # before: 一、社会保障 and 二、就业 ended the table and were read as chapters of the plan (社会保障,
    # 就业), the rows under them were two tables not read: no indicator
    header = ("序号", "指标", "单位", "2020年", "2025年", "属性")
    rows = [(category[0],), ("1", "困难残疾人生活补贴覆盖率", "%", "95", "100", "约束性"),
            ("2", "重度残疾人护理补贴覆盖率", "%", "95", "100", "约束性"),
            (category[1],), ("1", "残疾人就业人数", "万人", "5", "6", "预期性")]
    r = plan(tmp_path, rows_a_line(header, rows))
    assert [(i.no, i.category, i.name, i.unit, i.target.printed, i.attribute) for i in r.indicators] == [
        ("1", "社会保障", "困难残疾人生活补贴覆盖率", "%", "100", "约束性"),
        ("2", "社会保障", "重度残疾人护理补贴覆盖率", "%", "100", "约束性"),
        ("1", "就业", "残疾人就业人数", "万人", "6", "预期性")]
    assert [c.title for c in r.chapters] == ["发展目标", "主要任务", "保障措施"]
    assert r.warnings == []


def test_a_heading_after_a_table_of_tab_rows_still_ends_it(tmp_path):
    # the plan's next heading after the table, followed by a tab-separated line that is no indicator row
    header = ("序号", "指标", "单位", "2020年", "2025年", "属性")
    rows = [("1", "困难残疾人生活补贴覆盖率", "%", "95", "100", "约束性")]
    r = plan(tmp_path, rows_a_line(header, rows) + "二、重点任务\n序号\t任务\t牵头单位\n")
    assert [i.name for i in r.indicators] == ["困难残疾人生活补贴覆盖率"]
    assert "重点任务" in [c.title for c in r.chapters]


@pytest.mark.parametrize("printed, value, year", [("4.8（2021年）", "4.8", 2021), ("85(2019年底)", "85", 2019),
                                                  ("4.8", "4.8", 2020)])
def test_a_value_printed_with_the_year_it_was_measured(printed, value, year):
    """4.8（2021年） in a 2020年 column: no number was read, and its year stayed the column's."""
    v = parse_value(printed, year=2020)
    assert (v.value, v.year, v.printed) == (Decimal(value), year, printed)
