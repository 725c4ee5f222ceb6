"""Measurable targets stated in task text, and indicators a task names."""
from __future__ import annotations

from decimal import Decimal

import pytest

from policykg.loaders.targets import extract_targets, names_indicator
from policykg.loaders.values import parse_value


@pytest.mark.parametrize("text,expected", [
    ("到2025年两项补贴覆盖率达到100％。", [("=", "100", "%", 2025, "到2025年两项补贴覆盖率达到100％")]),
    ("巩固残疾儿童义务教育入学率达到97%以上。", [("≥", "97", "%", 2025, "巩固残疾儿童义务教育入学率达到97%以上")]),
    ("按覆盖人口每人每年不少于1元落实康复经费。", [("≥", "1", "元", 2025, "按覆盖人口每人每年不少于1元落实康复经费")]),
    ("保障“零就业”残疾人家庭至少有1人就业。", [("≥", "1", "人", 2025, "保障“零就业”残疾人家庭至少有1人就业")]),
    ("比例不低于领导班子成员总数的50%。", [("≥", "50", "%", 2025, "比例不低于领导班子成员总数的50%")]),
    ("每年为残疾人提供康复服务9000人次以上。", [("≥", "9000", "人次", 2025, "每年为残疾人提供康复服务9000人次以上")]),
    ("到2030年，残疾人基本康复服务覆盖率高于85%。", [(">", "85", "%", 2030, "到2030年，残疾人基本康复服务覆盖率高于85%")]),
    ("打造5个省级无障碍社区。", [("=", "5", "个", 2025, "打造5个省级无障碍社区")]),
    ("区残联残疾人干部比例达到10%左右。", [("≈", "10", "%", 2025, "区残联残疾人干部比例达到10%左右")]),
])
def test_targets(text, expected):
    got = [(v.comparator, str(v.value), v.unit, v.year, v.printed) for v, _, _ in extract_targets(text, 2025)]
    assert got == expected


@pytest.mark.parametrize("text", [
    "加强组织领导，完善工作机制，推进残疾人事业发展。",   # verbs only
    "为0-6岁残疾儿童提供康复救助。",                    # an age
    "未满18周岁残疾少年儿童获得康复服务。",              # an age
    "落实《国家残疾预防行动计划(2021—2025年)》。",      # years in a title
    "提升12385残疾人服务热线工作效率。",                # a phone number
    "落实《残疾人就业条例》（国务院令第488号）。",       # a document number
    "区政府残工委每年召开1—2次会议。",                  # a range of meetings, not a commitment
])
def test_no_targets_invented(text):
    assert extract_targets(text, 2025) == []


def test_value_is_decimal_and_offsets_point_into_text():
    text = "推进工作。到2025年，残疾人签约服务率达到80%以上。"
    [(v, start, end)] = extract_targets(text, 2025)
    assert v.value == Decimal("80") and text[start:end] == v.printed == "到2025年，残疾人签约服务率达到80%以上"


@pytest.mark.parametrize("text,name,expected", [
    ("巩固残疾儿童义务教育入学率达到97%以上", "残疾儿童少年义务教育入学率", True),   # 少年 left out
    ("提高残疾人的就业率和稳岗率", "残疾人就业率", True),                            # 的 inserted: still the same indicator
    ("推动实现残疾人就业率超60%", "残疾人就业率", True),
    ("完善困难残疾人生活补贴和重度残疾人护理补贴", "困难残疾人生活补贴覆盖率", False),
])
def test_names_indicator(text, name, expected):
    assert names_indicator(text, name) is expected


# --- a baseline or target cell of an indicator table ------------------------------------------------
@pytest.mark.parametrize("printed, row_unit, expected", [
    ("95%以上", "%", ("≥", "95", "%")),
    ("不低于95%", "%", ("≥", "95", "%")),      # before: qualitative
    ("达到98%", "%", ("=", "98", "%")),        # before: qualitative
    ("不少于5个", "", ("≥", "5", "个")),
    ("50以内", "人", ("≤", "50", "人")),       # before: = 50, unit 以内
    ("5个以内", "", ("≤", "5", "个")),         # before: = 5, unit 个以内
    ("保持在3%以内", "%", ("≤", "3", "%")),
    ("3项及以下", "", ("≤", "3", "项")),
    ("1,200", "人", ("=", "1200", "人")),      # before: qualitative
    ("1.5万", "人次", ("=", "1.5", "万人次")),  # before: unit 万, the row's 人次 lost
    ("1.5万", "万人", ("=", "1.5", "万人")),
    ("5万人次", "人次", ("=", "5", "万人次")),
    ("5个百分点", "", ("=", "5", "个百分点")),
    (">99%", "", (">", "99", "%")),
    ("≥362", "", ("≥", "362", "")),
])
def test_indicator_cells(printed, row_unit, expected):
    v = parse_value(printed, default_unit=row_unit)
    assert (v.comparator, str(v.value), v.unit) == expected
    assert v.printed == printed


@pytest.mark.parametrize("printed", ["与国内生产总值增长基本同步", "全覆盖", "〔5〕", "80-90%", "——", "/",
                                     "提高5个百分点", "-5%"])
def test_indicator_cells_kept_as_printed(printed):
    # a range, a five-year sum in brackets, a change or words: no number is made of them
    v = parse_value(printed, default_unit="%")
    assert (v.comparator, v.value, v.unit, v.printed) == (None, None, "", printed)
