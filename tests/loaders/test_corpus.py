"""The five corpus plans, as a careful reader sees them.

Every number and value below was checked by reading the document (line numbers are the source
lines).  Each plan prints its responsibilities differently: 000 and 001 name no units, 002 labels
them （牵头单位：…；责任单位：…）, 003 prints "…牵头；…按照职能分工负责", 004 has an appendix
重点工作任务分工表 instead.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest


def task_counts(record) -> list[int]:
    return [len(s.tasks) for c in record.chapters if c.kind == "tasks" for s in c.sections]


def task_at(record, line: int):
    return next(t for t in record.tasks() if t.span.line == line)


def labels(units) -> list[str]:
    return [u.label for u in units]


def indicator(record, no: str):
    return next(i for i in record.indicators if i.no == no)


# --- 000: 兰州市西固区 (web page; no units; damaged "()" section numbering) -------------------------
def test_000_metadata(plan):
    r = plan("000")
    assert r.title == "兰州市西固区“十四五”残疾人保障和发展规划"
    assert [x.name for x in r.region.chain()] == ["甘肃省", "兰州市", "西固区"]
    assert r.region.level == "district"
    assert r.issuer.label == "兰州市西固区人民政府"
    assert r.issued == date(2022, 9, 6)
    assert r.published == date(2023, 2, 27)
    assert r.doc_number == "" and r.draft is False
    assert r.period == (2021, 2025)
    assert [c for c, _ in r.cited][:2] == ["中华人民共和国残疾人保障法", "国务院“十四五”残疾人保障和发展规划"]


def test_000_structure(plan):
    r = plan("000")
    assert [(c.no, c.kind) for c in r.chapters] == [
        ("一", "background"), ("二", "principles"), ("三", "tasks"), ("四", "safeguards")]
    # six thematic sections whose numerals were lost ("()"), 38 tasks
    assert task_counts(r) == [3, 7, 5, 11, 4, 8]
    sections = [s for s in r.sections() if s.tasks]
    assert all(s.no == "" for s in sections)
    assert sections[0].title == "巩固拓展残疾人脱贫攻坚成果同乡村振兴有效衔接"
    assert all(not t.responsibilities for t in r.tasks())  # the plan names no units


def test_000_boxes_and_continuing_tasks(plan):
    r = plan("000")
    assert [c.no for c in r.columns()] == ["3", "4", "5", "6", "7", "8", "9", "10"]
    assert len(r.projects()) == 55
    box3 = r.columns()[0]
    assert [(p.group, p.no) for p in box3.projects] == [("资金类", str(i)) for i in range(1, 5)] + [
        ("服务类", str(i)) for i in range(1, 6)]
    # after 专栏4 (groups 补贴类/奖励类), "3." continues the section's tasks, not the box
    t = task_at(r, 255)
    assert (t.no, t.title) == ("3", "提升残疾人职业素质和就业创业能力")
    # after 专栏6 items 1-5, "6.完善残疾人教育体系…" is the section's 6th task (a verb, not a project)
    assert task_at(r, 303).no == "6"
    assert [p.title for p in r.columns()[3].projects][-1] == "康复专业人才培养项目"
    # an unnumbered paragraph under the sub-group 三、无障碍服务 is that group's item
    last = r.columns()[6].projects[-1]
    assert (last.group, last.no, last.span.line) == ("无障碍服务", "", 379)


def test_000_indicators(plan):
    r = plan("000")
    assert len(r.indicators) == 11
    i1 = indicator(r, "1")
    assert (i1.category, i1.unit, i1.baseline.printed) == ("收入和就业", "%", "——")
    assert i1.target.printed == "与国内生产总值增长基本同步" and i1.target.value is None
    i2 = indicator(r, "2")  # unit lost in extraction: "()"
    assert (i2.name, i2.unit, i2.target.value) == ("城乡残疾人职业技能培训人数", "", Decimal("0.8"))
    i3 = indicator(r, "3")  # name cell wrapped over two lines
    assert (i3.name, i3.unit, i3.span.line, i3.span.end_line) == ("符合条件的残疾人纳入最低生活保障比例", "%", 101, 109)
    i11 = indicator(r, "11")  # only one value cell printed: "——"
    assert i11.baseline.printed == "——" and i11.target is None
    assert sorted(i.no for i in r.indicators if i.attribute == "约束性") == sorted(["3", "4", "5", "9", "10", "11"])
    assert (indicator(r, "10").baseline.value, indicator(r, "10").target.value) == (Decimal("89.99"), Decimal("95"))


# --- 001: 宁波市奉化区 (gazette; wrapped lines; tab-separated table; no units) ---------------------
def test_001_metadata(plan):
    r = plan("001")
    assert r.title == "宁波市奉化区残疾人事业发展“十四五”规划"
    assert [x.name for x in r.region.chain()] == ["浙江省", "宁波市", "奉化区"]
    assert (r.doc_number, r.issued, r.published) == ("奉政发[2022]1号", date(2022, 1, 20), date(2022, 2, 1))
    assert r.issuer.label == "宁波市奉化区人民政府"


def test_001_wrapped_tasks(plan):
    r = plan("001")
    assert task_counts(r) == [5, 6, 7, 5, 2, 3]
    assert [c.no for c in r.chapters if c.kind == "tasks"] == ["三"]  # the plan has no chapter 二
    t = task_at(r, 202)  # "…管理水平。推" / blank / "进公共场所…": one paragraph
    assert t.title == "提升无障碍环境建设和管理水平"
    assert "推进公共场所和残疾人综合服务设施的无障碍改造" in t.text and t.span.end_line == 204
    t6 = task_at(r, 194)  # a second paragraph without a number belongs to task 6
    assert t6.no == "6" and "巩固提高义务教育普及水平" in t6.text and t6.span.end_line == 196
    assert not r.projects() and not r.units()


def test_001_tab_separated_indicators(plan):
    r = plan("001")
    assert len(r.indicators) == 14
    i5 = indicator(r, "5")
    assert (i5.name, i5.baseline, i5.target.printed, i5.target.comparator, i5.target.value, i5.target.unit) == (
        "残疾人专业托养机构", None, "1家", "=", Decimal("1"), "家")
    i2 = indicator(r, "2")
    assert (i2.target.comparator, i2.target.value, i2.target.unit, i2.attribute) == (">", Decimal("99"), "%", "约束性")
    assert indicator(r, "1").target.printed == "与区生产总值增长同步"


# --- 002: 薛城区 (labelled responsibilities; "name  description" boxes) -------------------------------
def test_002_metadata(plan):
    r = plan("002")
    assert [x.name for x in r.region.chain()] == ["山东省", "枣庄市", "薛城区"]
    assert (r.doc_number, r.issued) == ("薛政字〔2022〕15号", date(2022, 7, 27))
    assert r.issuer.label == "薛城区人民政府"


def test_002_responsibilities(plan):
    r = plan("002")
    assert task_counts(r) == [7, 5, 4, 5, 3, 2, 3, 3]
    assert all(t.units("lead") for t in r.tasks())
    t1 = task_at(r, 85)
    assert labels(t1.units("lead")) == ["区乡村振兴局"]
    assert labels(t1.units("support")) == ["区残疾人联合会", "区民政局"]  # 区残联 resolved to its full name
    t = task_at(r, 130)
    office = next(u for u in t.units("support") if u.label == "区政府办公室")
    assert "区大数据局" in office.alt_labels and office.dept_type == "government-office"
    police = next(u for u in task_at(r, 178).units("lead") if "公安" in u.label)
    # printed 薛城公安分局 (the district's short name): labelled as the plan's other bodies, one label a body
    assert (police.label, police.alt_labels, police.dept_type) == ("区公安分局", ("薛城公安分局",), "public-security")
    # the 保障机制 chapter names 区政府残工委 but its items are not tasks
    assert not any("残工委" in u.label for u in r.units())
    assert len(r.units()) == 31


def test_002_boxes(plan):
    r = plan("002")
    assert [len(c.projects) for c in r.columns()] == [8, 5, 7, 7, 5, 3, 7, 2]
    first = r.columns()[0].projects[0]
    assert (first.no, first.title, first.span.line) == ("", "“如康家园”残疾人之家综合服务平台", 93)
    assert first.text.startswith("以解决残疾人急难愁盼问题为导向")


def test_002_indicators(plan):
    r = plan("002")
    assert len(r.indicators) == 9
    i6 = indicator(r, "6")
    assert (i6.baseline.printed, i6.target.printed, i6.target.comparator) == (">90", ">95", ">")
    assert indicator(r, "9").baseline.printed == "—"


# --- 003: 乌达区 (verb-final responsibilities with elided prefixes; no covering notice) -------------
def test_003_region_from_text(plan):
    r = plan("003")
    assert r.title == "乌达区“十四五”残疾人事业发展规划"
    assert [x.name for x in r.region.chain()] == ["内蒙古自治区", "乌海市", "乌达区"]
    assert r.issuer is None and r.issued is None


def test_003_elided_prefixes(plan):
    r = plan("003")
    assert task_counts(r) == [6, 3, 5, 3, 4, 4, 4]
    assert all(t.units("lead") for t in r.tasks())
    t = task_at(r, 82)  # （区残疾人联合会、民政局牵头；区财政局、教育局…按照职能分工负责）
    assert labels(t.units("lead")) == ["区残疾人联合会", "区民政局"]
    assert "区公安分局" in labels(t.units("support"))
    t = task_at(r, 85)  # separated by a full-width comma
    assert labels(t.units("lead")) == ["区退役军人事务局", "区公安分局"]
    t = task_at(r, 103)  # 市场监督管理局 is not a 市-level body; the 区 prefix carries on
    assert labels(t.units("support"))[3:] == ["区市场监督管理局", "区总工会", "区妇女联合会", "区税务局"]
    t = task_at(r, 81)  # a second name in brackets is an alternative label
    lead = t.units("lead")[0]
    assert lead.label == "区农牧水务局" and "区乡村振兴局" in lead.alt_labels
    # 卫生健康委 is a commission: merged with its full name, never with a bureau (卫生健康局)
    assert task_at(r, 114).units("lead")[0].label == "区卫生健康委员会"
    assert task_at(r, 131).title == "提升残疾人公共文化服务水平"  # after Word bookmark debris


def test_003_indicators_without_baseline(plan):
    r = plan("003")
    assert len(r.indicators) == 11 and all(i.baseline is None for i in r.indicators)
    i11 = indicator(r, "11")
    assert (i11.unit, i11.target.comparator, i11.target.value, i11.target.year) == ("户", "≥", Decimal("362"), 2025)
    assert len(r.projects()) == 34


# --- 004: 连州市 (draft; appendix division table; no units in the body) -----------------------------
def test_004_metadata(plan):
    r = plan("004")
    assert r.title == "连州市“十四五”残疾人保障和发展实施方案"
    assert r.draft is True
    assert [x.name for x in r.region.chain()] == ["广东省", "清远市", "连州市"]
    assert r.region.level == "county-level-city"


def test_004_body_and_appendix(plan):
    r = plan("004")
    body = [t for c in r.chapters if c.kind == "tasks" for s in c.sections for t in s.tasks]
    appendix = [t for c in r.chapters if c.kind == "appendix" for s in c.sections for t in s.tasks]
    assert len(body) == 36 and not any(t.responsibilities for t in body)
    assert len(appendix) == 44 and all(t.units("lead") for t in appendix)
    assert [t.no for t in appendix] == [str(i) for i in range(1, 45)]
    rows = {t.no: t for t in appendix}
    assert labels(rows["1"].units("lead")) == ["市民政局"]
    assert labels(rows["1"].units("support")) == ["市财政局", "市残疾人联合会"]
    assert labels(rows["27"].units("lead")) == ["市卫生健康局", "市残疾人联合会"]  # printed run together
    assert labels(rows["9"].units("lead")) == ["市社会保险事业管理局", "市医疗保障局"]  # one per line
    assert len(rows["7"].units("lead")) == 3 and all(u.dept_type == "telecom-enterprise" for u in rows["7"].units("lead"))
    assert labels(rows["36"].units("support")) == ["市文化广电旅游体育局", "市卫生健康局"]  # prefix restored
    assert rows["11"].text == "推动建立残疾人托养服务补贴制度，为符合条件的托养服务机构提供运营补贴和托养服务补贴。"
    assert (rows["11"].span.line, rows["11"].span.end_line) == (211, 215)


def test_004_appendix_links_to_body(plan):
    r = plan("004")
    rows = {t.no: t for c in r.chapters if c.kind == "appendix" for s in c.sections for t in s.tasks}
    assert rows["2"].implements.span.line == 92  # 两项补贴 -> 完善残疾人社会福利制度
    assert rows["25"].implements.span.line == 110  # 精准康复 -> 提升残疾人康复服务水平
    assert rows["10"].implements.span.line == 91  # 返贫动态监测
    assert rows["23"].implements.span.line == 104  # 盲人按摩
    linked = sum(1 for t in rows.values() if t.implements is not None)
    assert 30 <= linked <= 40  # rows without a clear counterpart stay unlinked


def test_004_indicators(plan):
    r = plan("004")
    assert len(r.indicators) == 10
    i5 = indicator(r, "5")
    assert (i5.baseline.printed, i5.target.printed, i5.target.comparator, i5.target.value) == (
        "92.22%", "＞90%", ">", Decimal("90"))
    assert indicator(r, "10").target.value == Decimal("700")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_item_has_a_source_location(plan, prefix):
    r = plan(prefix)
    items = r.tasks() + r.projects() + r.indicators + r.columns() + r.sections()
    for item in items:
        assert item.span is not None and 1 <= item.span.line <= item.span.end_line <= r.document.line_count
    for t in r.tasks():
        first = t.span.text.splitlines()[0]
        assert first.lstrip().startswith(t.no) or t.no in first[:6]
