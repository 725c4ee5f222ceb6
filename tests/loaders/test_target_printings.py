"""Targets as real plans print them in a task's text, and indicator cells printed with a footnote
mark or a 累计 gloss: each read with its number, unit, comparator and year, a total said a total;
a range, a past achievement, an idiom (一人一案) or a number in words no commitment states is never
made a number it is not."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan
from policykg.loaders.targets import extract_targets
from policykg.loaders.values import parse_value


def read(text: str) -> list[tuple]:
    return [(v.comparator, v.value, v.unit, v.year, v.cumulative) for v, _, _ in extract_targets(text, 2025, 2021)]


@pytest.mark.parametrize("text,expected", [
    # a year other than the plan's end, printed as plans print deadlines (before: 2025)
    ("2023年底前，残疾人托养服务覆盖率达到80%。", [("=", Decimal("80"), "%", 2023, False)]),
    ("2023年6月底前，完成全市1000户残疾人家庭无障碍改造。", [("=", Decimal("1000"), "户", 2023, False)]),
    ("2022年底前完成残疾人证换发，换发率达到95%以上。", [("≥", Decimal("95"), "%", 2022, False)]),
    ("2021—2023年，每年培训残疾人不少于200人。", [("≥", Decimal("200"), "人", 2023, False)]),
    ("在2020年基础上，残疾人康复服务覆盖率提高到90%。", [("=", Decimal("90"), "%", 2025, False)]),
    # a baseline in prose: the target is the later value, for its year (before: nothing read)
    ("康复服务覆盖率从2020年的80%提高到2025年的90%。", [("=", Decimal("90"), "%", 2025, False)]),
    # a total over the period (before: a level)
    ("累计培训残疾人1.2万人次。", [("=", Decimal("1.2"), "万人次", 2025, True)]),
    ("“十四五”期间，累计新增残疾人就业3000人。", [("=", Decimal("3000"), "人", 2025, True)]),
    # counts and money after a doing verb (before: nothing read)
    ("培训康复人员500人次。", [("=", Decimal("500"), "人次", 2025, False)]),
    ("建立10个康复示范点。", [("=", Decimal("10"), "个", 2025, False)]),
    ("投入资金1.5亿元用于康复中心建设。", [("=", Decimal("1.5"), "亿元", 2025, False)]),
    ("每个残疾人之家补助30万元。", [("=", Decimal("30"), "万元", 2025, False)]),
    ("每年举办残疾人运动会1次。", [("=", Decimal("1"), "次", 2025, False)]),
    ("残疾人就业人数年均增长5%。", [("=", Decimal("5"), "%", 2025, False)]),
    # numbers printed in words (before: nothing read)
    ("出生缺陷发生率控制在千分之三以内。", [("≤", Decimal("3"), "‰", 2025, False)]),
    ("残疾人签约服务率达到百分之九十。", [("=", Decimal("90"), "%", 2025, False)]),
    ("残疾人就业率提高到百分之六十点五。", [("=", Decimal("60.5"), "%", 2025, False)]),
    ("九成以上残疾人家庭完成无障碍改造。", [("≥", Decimal("90"), "%", 2025, False)]),
    ("每个县建设两个以上残疾人托养机构。", [("≥", Decimal("2"), "个", 2025, False)]),
    ("每个乡镇至少建设一所残疾人康复站。", [("≥", Decimal("1"), "所", 2025, False)]),
    # already read so: kept
    ("到2025年，残疾人基本康复服务覆盖率达到85%以上。", [("≥", Decimal("85"), "%", 2025, False)]),
    ("残疾人家庭贫困发生率控制在3%以内。", [("≤", Decimal("3"), "%", 2025, False)]),
])
def test_a_target_printed_as_plans_print_it(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", [
    "残疾人基本康复服务覆盖率保持在80%—90%。",   # before: = 80 %
    "残疾人基本康复服务覆盖率达到80%-90%。",     # before: = 80 %
    "残疾人基本康复服务覆盖率达到80%至90%。",    # before: = 80 %
    "残疾人基本康复服务覆盖率达到80—90%。",      # before: nothing
    "每年新建5-8个残疾人之家。",                 # before: nothing
])
def test_a_range_is_a_target_of_no_one_number(text):
    [(v, start, end)] = extract_targets(text, 2025, 2021)
    assert (v.comparator, v.value, v.unit, v.year) == (None, None, "", 2025)
    assert text[start:end] == v.printed == text.rstrip("。")


@pytest.mark.parametrize("text", [
    "2020年，全市残疾人就业人数达到1.2万人。",                      # before: a target for 2025
    "“十三五”期间，累计培训残疾人3万人次，新增就业2000人。",        # before: two targets for 2025
    "截至2020年底，全市共有持证残疾人1.2万人，就业率达到50%。",     # before: a target for 2025
    "建立“一人一案”帮扶机制，落实“一户一策”。",                    # an idiom, not 1人
    "推进“一件事一次办”，实现残疾人证业务一次办结。",
    "一成不变地落实。",
    "区政府残工委每年召开1—2次会议。",                              # a range no commitment states
    "按照《残疾人就业条例》（国务院令第488号）第3条落实。",
    "投入使用1个月内完成验收。",                                    # a time, not 1个 (before: = 1 个)
    "残疾人证办理时限压缩至不超过3个工作日。",
])
def test_no_target_is_made_of_what_was_done_or_of_words(text):
    assert extract_targets(text, 2025, 2021) == []


@pytest.mark.parametrize("text,printed", [
    ("推进工作。残疾人签约服务率达到百分之九十。其他。", "残疾人签约服务率达到百分之九十"),
    ("推进工作。截至2025年，托养服务覆盖率达到85%。", "截至2025年，托养服务覆盖率达到85%"),   # before: 至2025年，…
    ("推进工作。2023年底前，托养服务覆盖率达到80%。", "2023年底前，托养服务覆盖率达到80%"),
])
def test_the_phrase_is_the_printed_text(text, printed):
    [(v, start, end)] = extract_targets(text, 2025, 2021)
    assert text[start:end] == v.printed == printed


# --- in a plan ------------------------------------------------------------------------------------
PLAN = """青山县“十四五”残疾人事业发展规划（2021—2025年）

一、发展目标
到2025年，残疾人事业全面发展。

指标\t2020年\t2025年\t属性
1.残疾人基本康复服务覆盖率（%）\t80\t≥85*\t约束性
2.残疾人新增就业人数（人）\t3000\t5000（累计）\t预期性
3.残疾人就业率（%）\t5\t1.2万\t预期性
注：带*的指标以省定标准为准。

二、主要任务
1.加强康复服务。2023年底前，残疾人托养服务覆盖率达到80%。（牵头单位：县卫健局）
2.促进就业。2020年，全县残疾人就业人数达到1.2万人。“十四五”期间，累计新增残疾人就业3000人。（牵头单位：县人社局）
三、保障措施
加强组织领导。
"""


@pytest.fixture
def record(tmp_path: Path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return load_plan(path)


def test_a_plans_tasks_read_their_targets_years_and_totals(record):
    got = [[(v.comparator, v.value, v.unit, v.year, v.cumulative) for v in t.targets] for t in record.tasks()]
    assert got == [[("=", Decimal("80"), "%", 2023, False)],
                   [("=", Decimal("3000"), "人", 2025, True)]]    # not 2020's 1.2万人


def test_indicator_cells_with_a_mark_or_a_total_gloss(record):
    values = [(i.name, i.target.comparator, i.target.value, i.target.unit, i.target.cumulative)
              for i in record.indicators]
    assert values == [
        ("残疾人基本康复服务覆盖率", "≥", Decimal("85"), "%", False),   # before: no number, no gap
        ("残疾人新增就业人数", "=", Decimal("5000"), "人", True),         # before: no number, no gap
        ("残疾人就业率", None, None, "", False),                          # before: 1.2 万%
    ]
    [gap] = [w for w in record.warnings if "1.2万" in w.message]
    assert gap.line == 9


@pytest.mark.parametrize("printed,row_unit,expected", [
    ("85①", "%", ("=", Decimal("85"), "%", False)),
    ("≥95*", "%", ("≥", Decimal("95"), "%", False)),
    ("6※", "万人", ("=", Decimal("6"), "万人", False)),
    ("500（累计）", "人", ("=", Decimal("500"), "人", True)),
    ("500(五年累计)", "人", ("=", Decimal("500"), "人", True)),
    ("累计500", "人", ("=", Decimal("500"), "人", True)),
    ("1.2万", "%", ("=", Decimal("1.2"), "万", False)),   # not 万%: the plan reads it as a gap
    ("1.2万", "人", ("=", Decimal("1.2"), "万人", False)),
])
def test_value_cells(printed, row_unit, expected):
    v = parse_value(printed, default_unit=row_unit)
    assert (v.comparator, v.value, v.unit, v.cumulative) == expected and v.printed == printed


DEADLINES = """青山县“十四五”残疾人事业发展规划（2021—2025年）

一、主要任务
1.完善低保制度。低保覆盖率达到100%。（责任单位：县民政局，完成时限：2023年6月底前）
2.加强康复服务。到2025年，残疾人基本康复服务覆盖率达到85%以上。（县卫健局负责，2022年底前）
3.推进无障碍建设。完成困难重度残疾人家庭无障碍改造1500户。（县住建局牵头，2021年起持续推进）
二、保障措施
加强组织领导。
附件
重点工作任务分工表
序号\t重点任务\t牵头单位\t配合单位\t完成时限
1\t残疾人托养服务覆盖率达到80%\t县民政局\t县残联\t2022年12月
2\t培训残疾人500人次\t县人社局\t县残联\t长期
"""


def test_a_target_naming_no_year_is_for_its_tasks_deadline(tmp_path):
    # before: every one for 2025, the plan's end
    path = tmp_path / "plan.txt"
    path.write_text(DEADLINES, encoding="utf-8")
    got = [(t.deadline, [(v.value, v.year) for v in t.targets]) for t in load_plan(path).tasks()]
    assert got == [("2023年6月底前", [(Decimal("100"), 2023)]),
                   ("2022年底前", [(Decimal("85"), 2025)]),          # its text names its year
                   ("2021年起持续推进", [(Decimal("1500"), 2025)]),  # a year counted from: none
                   ("2022年12月", [(Decimal("80"), 2022)]),
                   ("长期", [(Decimal("500"), 2025)])]
