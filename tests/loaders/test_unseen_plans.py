"""Four whole plans of fields and levels the corpus (five local disability plans) does not show,
printed as their drafting offices print them, each with its reading written by hand before the
loaders read it: a province's 养老服务体系 plan (第一章/第一节, an indicator box with a 单位 column
and 〔 〕 five-year totals, the units in a division table by task number), a city's 教育事业 plan
(一、（一）1., （责任单位：…） after each task, the first unit named the lead by a note), a county's
乡村振兴 实施方案 (42 tasks each ending 牵头单位：…；责任单位：…；完成时限：…, signed after its text)
and a district's 卫生健康 action plan as a Word file (Word's automatic numbering, the division table
a Word table).  Two more: a 盟's 社会救助 plan (锡林郭勒盟, issued by its 行政公署办公室; tasks
numbered anew in each 节, its division table citing each row's 规划章节) and a city 残联's annual
工作要点 as its web page prints it (<ol start=…> numbering, chapters named 聚焦…，夯实…基础, a table
of 牵头部门 | 配合部门).  The fixtures are in tests/fixtures/unseen/ (make_wuhou_health.py builds the
.docx).  Each plain-text plan, printed as a Word file, a PDF and a web page, reads as its text does.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan

UNSEEN = Path(__file__).resolve().parents[1] / "fixtures" / "unseen"


def _printed(tasks, role):
    out = []
    for task in tasks:
        for r in task.responsibilities:
            if r.role == role and r.printed not in out:
                out.append(r.printed)
    return out


def _tasks(record):
    """(no, title, leads, supporters, deadline) of every task as a reader lists them: a division
    table's row that implements a body task is that task, its units and deadline the task's."""
    rows: dict[int, list] = {}
    for t in record.tasks():
        if t.implements is not None:
            rows.setdefault(id(t.implements), []).append(t)
    out = []
    for t in record.tasks():
        if t.implements is not None:
            continue
        both = [t, *rows.get(id(t), [])]
        out.append((t.no, t.title, _printed(both, "lead"), _printed(both, "support"),
                    "".join(dict.fromkeys(x.deadline for x in both if x.deadline))))
    return out


def _units(text):
    """'A、B、各县（市、区）人民政府' -> the three names (a 、 inside brackets is no separator)."""
    return [u for u in re.split(r"、(?![^（]*）)", text) if u] if text else []


def head(record) -> tuple:
    """What a reader checks first of a plan: title, region chain, issuer's type, 文号, issue date, period."""
    return (record.title, [r.name for r in record.region.chain()], record.issuer.dept_type if record.issuer else None,
            record.doc_number, record.issued, record.period)


def _check_tasks(record, expected):
    got = _tasks(record)
    want = [(no, title, _units(leads), _units(supports), deadline)
            for no, title, leads, supports, deadline in expected]
    assert [g[:2] for g in got] == [w[:2] for w in want]
    for g, w in zip(got, want):
        assert g == w, g[0]


# ------------------------------------------------------------------------------------------------
# (a) 河北省“十四五”养老服务体系规划: province, 第一章/第一节, division table by task number
HEBEI_TASKS = [
    ("1", "建立基本养老服务清单", "省民政厅", "省发展改革委、省财政厅", ""),
    ("2", "健全老年人能力综合评估制度", "省民政厅", "省卫生健康委、省医保局", ""),
    ("3", "完善特殊困难老年人探访关爱制度", "省民政厅", "省卫生健康委、各市（含定州、辛集市）人民政府", ""),
    ("4", "提升特困人员供养服务设施（敬老院）服务能力", "省民政厅", "省发展改革委、省财政厅", ""),
    ("5", "深化公办养老机构改革", "省民政厅", "省委编办、省财政厅", ""),
    ("6", "推进街道综合养老服务机构建设", "省民政厅", "省住房城乡建设厅、省自然资源厅", ""),
    ("7", "落实新建住宅小区配建养老服务设施", "省住房城乡建设厅", "省自然资源厅、省民政厅", ""),
    ("8", "发展农村互助养老服务", "省民政厅", "省农业农村厅、省乡村振兴局", ""),
    ("9", "开展家庭养老床位建设", "省民政厅", "省卫生健康委", ""),
    ("10", "实施特殊困难老年人家庭适老化改造", "省民政厅", "省住房城乡建设厅、省残联", ""),
    ("11", "推进医疗卫生机构与养老机构签约合作", "省卫生健康委", "省民政厅", ""),
    ("12", "支持医疗机构开展医养结合服务", "省卫生健康委", "省民政厅、省医保局", ""),
    ("13", "稳步推进长期护理保险制度试点", "省医保局", "省财政厅、省卫生健康委、省民政厅", ""),
    ("14", "加强老年健康管理", "省卫生健康委", "", ""),
    ("15", "开展养老护理员职业技能培训", "省人力资源社会保障厅", "省民政厅、省财政厅", ""),
    ("16", "完善养老服务人才激励政策", "省民政厅", "省人力资源社会保障厅、省财政厅", ""),
    ("17", "发展老年用品产业", "省工业和信息化厅", "省民政厅、省市场监管局", ""),
    ("18", "推动智慧健康养老发展", "省工业和信息化厅", "省民政厅、省卫生健康委", ""),
]
# (name, unit, baseline, target, attribute, target is a five-year total)
HEBEI_INDICATORS = [
    ("养老机构护理型床位占比", "%", "45", "55", "约束性", False),
    ("每千名老年人拥有养老床位数", "张", "32.9", "35", "预期性", False),
    ("街道综合养老服务机构覆盖率", "%", "60", "100", "预期性", False),
    ("社区日间照料机构覆盖率", "%", "85", "90", "预期性", False),
    ("特殊困难老年人月探访率", "%", None, "100", "约束性", False),
    ("新增养老床位", "万张", None, "4", "预期性", True),
    ("培训养老护理员", "万人次", None, "8", "预期性", True),
    ("县级以上老年大学覆盖率", "%", "70", "100", "预期性", False),
]


def _check_indicators(record, expected):
    got = [(i.name, i.unit, i.baseline.value if i.baseline else None, i.target.value if i.target else None,
            i.attribute, bool(i.target and i.target.cumulative)) for i in record.indicators]
    want = [(n, u, Decimal(b) if b else None, Decimal(t), a, c) for n, u, b, t, a, c in expected]
    assert got == want


@pytest.fixture(scope="module")
def hebei():
    return load_plan(UNSEEN / "hebei_elderly_care.txt")


def test_hebei_metadata(hebei):
    assert head(hebei) == ("河北省“十四五”养老服务体系规划", ["河北省"], "government-office", "冀政办字〔2021〕178号",
                           date(2021, 12, 20), (2021, 2025))


def test_hebei_chapters(hebei):
    kinds = [(c.no, c.title, c.kind) for c in hebei.chapters]
    # a chapter's kind is what its title names: 第三章 to 第六章 are named for their domains (织牢基本
    # 养老服务保障网), so 'other', and hold the plan's tasks as the domain chapters of a plan do
    assert kinds == [("一", "发展基础", "background"), ("二", "总体要求", "principles"),
                     ("三", "织牢基本养老服务保障网", "other"), ("四", "发展居家社区养老服务", "other"),
                     ("五", "推进医养康养相结合", "other"), ("六", "壮大养老服务人才队伍和产业", "other"),
                     ("七", "保障措施", "safeguards"), ("", "附件", "appendix")]
    per_chapter = [sum(1 for s in c.sections for t in s.tasks if t.implements is None) for c in hebei.chapters]
    assert per_chapter == [0, 0, 5, 5, 4, 4, 0, 0]
    assert [s.title for s in hebei.chapters[2].sections] == ["建立基本养老服务制度", "强化公办养老机构兜底保障"]


def test_hebei_tasks_take_their_units_from_the_division_table(hebei):
    # row 14 prints its lead and no supporter: its line ends with the empty cell's tab
    _check_tasks(hebei, HEBEI_TASKS)


def test_hebei_indicators_and_projects(hebei):
    _check_indicators(hebei, HEBEI_INDICATORS)
    assert [p.title for p in hebei.projects()] == [
        "街道综合养老服务机构建设工程", "家庭养老床位建设工程", "特殊困难老年人家庭适老化改造工程",
        "养老护理员培训工程", "养老院院长培训工程"]
    assert hebei.warnings == []


# ------------------------------------------------------------------------------------------------
# (b) 岳阳市“十四五”教育事业发展规划: city, 一、（一）1., （责任单位：…）, first unit the lead
YUEYANG_TASKS = [
    ("1", "扩大普惠性学前教育资源", "市教育局", "市发展改革委、市财政局、各县（市、区）人民政府", ""),
    ("2", "规范城镇小区配套幼儿园建设和使用", "市住房城乡建设局", "市自然资源和规划局、市教育局", ""),
    ("3", "提高保教质量", "市教育局", "", ""),
    ("4", "优化义务教育学校布局", "各县（市、区）人民政府", "市教育局、市自然资源和规划局", ""),
    ("5", "加强乡村小规模学校和乡镇寄宿制学校建设", "各县（市、区）人民政府", "市教育局、市财政局", ""),
    ("6", "深化“双减”工作", "市教育局", "市市场监管局、市民政局", ""),
    ("7", "推进集团化办学", "市教育局", "", ""),
    ("8", "扩大普通高中教育资源", "市教育局", "市发展改革委、各县（市、区）人民政府", ""),
    ("9", "推进普通高中育人方式改革", "市教育局", "", ""),
    ("10", "推进产教融合、校企合作", "市教育局", "市人力资源社会保障局、市工业和信息化局", ""),
    ("11", "加强“双师型”教师队伍建设", "市教育局", "市人力资源社会保障局", ""),
    ("12", "加强师德师风建设", "市委教育工委", "市教育局", ""),
    ("13", "深化“县管校聘”管理改革", "市委编办", "市教育局、市人力资源社会保障局", ""),
    ("14", "保障教师待遇", "各县（市、区）人民政府", "市财政局、市人力资源社会保障局", ""),
    ("15", "建设智慧校园", "市教育局", "市数据资源局", ""),
]
YUEYANG_INDICATORS = [
    ("学前三年毛入园率", "%", "90.5", "92", "预期性", False),
    ("普惠性幼儿园覆盖率", "%", "85", "90", "约束性", False),
    ("九年义务教育巩固率", "%", "98.6", "99", "约束性", False),
    ("高中阶段毛入学率", "%", "93", "95", "预期性", False),
    ("劳动年龄人口平均受教育年限", "年", "10.8", "11.3", "预期性", False),
    ("中等职业学校“双师型”教师比例", "%", "45", "60", "预期性", False),
]


@pytest.fixture(scope="module")
def yueyang():
    return load_plan(UNSEEN / "yueyang_education.txt")


def test_yueyang_metadata(yueyang):
    assert head(yueyang) == ("岳阳市“十四五”教育事业发展规划", ["湖南省", "岳阳市"], "people-government",
                             "岳政发〔2021〕19号", date(2021, 11, 8), (2021, 2025))


def test_yueyang_tasks_first_unit_leads_as_the_note_says(yueyang):
    _check_tasks(yueyang, YUEYANG_TASKS)


def test_yueyang_indicators_and_projects(yueyang):
    _check_indicators(yueyang, YUEYANG_INDICATORS)
    assert [p.title for p in yueyang.projects()] == ["公办幼儿园建设项目", "乡镇中心幼儿园提质项目"]
    # the note on the units' order (列第一位的为牵头单位) is read as the plan's convention (the first
    # unit of a 责任单位 list leads), no task; before, it was read into nothing and said
    assert [(g.line, g.kind) for g in yueyang.warnings] == []


# ------------------------------------------------------------------------------------------------
# (c) 光山县2023年全面推进乡村振兴重点工作实施方案: county, 42 tasks with 牵头/责任/完成时限
_TOWNS = "各乡镇人民政府（街道办事处）"
_END = "2023年12月底前"
GUANGSHAN_TASKS = [
    ("1", "稳定粮食播种面积", "县农业农村局", "县财政局、" + _TOWNS, _END),
    ("2", "加强耕地保护", "县自然资源局", "县农业农村局、" + _TOWNS, "全年"),
    ("3", "推进高标准农田建设", "县农业农村局", "县发展改革委、县财政局、县水利局", "2023年11月底前"),
    ("4", "提升农业防灾减灾能力", "县农业农村局", "县气象局、县应急管理局", "全年"),
    ("5", "稳定生猪生产", "县农业农村局", "县财政局", "全年"),
    ("6", "实施油茶扩面提质", "县林业局", "县财政局、" + _TOWNS, _END),
    ("7", "健全防止返贫动态监测和帮扶机制", "县乡村振兴局", "县民政局、县医保局、县教体局、县住房城乡建设局", "全年"),
    ("8", "落实教育帮扶政策", "县教体局", "", "全年"),
    ("9", "巩固基本医疗保障成果", "县医保局", "县卫生健康委、县税务局", "2023年6月底前"),
    ("10", "保障农村住房安全", "县住房城乡建设局", _TOWNS, "2023年10月底前"),
    ("11", "保障农村饮水安全", "县水利局", "县卫生健康委", _END),
    ("12", "促进脱贫劳动力稳岗就业", "县人力资源社会保障局", "县乡村振兴局、县财政局", "全年"),
    ("13", "加强衔接资金项目管理", "县财政局", "县乡村振兴局、县农业农村局", _END),
    ("14", "做强茶叶产业", "县农业农村局", "县市场监管局、县商务局", "全年"),
    ("15", "发展稻渔综合种养", "县农业农村局", "", "2023年9月底前"),
    ("16", "培育农业产业化龙头企业", "县农业农村局", "县财政局、县金融工作局", _END),
    ("17", "发展农村电商", "县商务局", "县供销社、县邮政分公司", "全年"),
    ("18", "推进乡村旅游发展", "县文化广电和旅游局", _TOWNS, _END),
    ("19", "加强农产品质量安全监管", "县农业农村局", "县市场监管局", "全年"),
    ("20", "发展壮大村级集体经济", "县委组织部", "县农业农村局、县财政局", _END),
    ("21", "推进农村一二三产业融合发展", "县发展改革委", "县农业农村局、县工业和信息化局", _END),
    ("22", "编制村庄规划", "县自然资源局", _TOWNS, "2023年10月底前"),
    ("23", "推进农村人居环境整治提升", "县农业农村局", "县城市管理局、市生态环境局光山分局", "全年"),
    ("24", "推进农村厕所革命", "县农业农村局", "县卫生健康委、县财政局", "2023年11月底前"),
    ("25", "治理农村生活污水", "市生态环境局光山分局", "县住房城乡建设局", _END),
    ("26", "建设“四好农村路”", "县交通运输局", "县财政局", _END),
    ("27", "提升农村电网和通信网络", "县发展改革委", "国网光山县供电公司、县工业和信息化局", "全年"),
    ("28", "提升农村教育质量", "县教体局", "", "2023年8月底前"),
    ("29", "加强乡村医疗卫生服务", "县卫生健康委", "县医保局", _END),
    ("30", "完善农村养老服务", "县民政局", "县财政局、" + _TOWNS, _END),
    ("31", "加强农村基层党组织建设", "县委组织部", "", "全年"),
    ("32", "推进自治法治德治相结合", "县委组织部", "县民政局、县司法局", "全年"),
    ("33", "加强农村精神文明建设", "县委宣传部", "县民政局、县妇联", "全年"),
    ("34", "建设平安乡村", "县委政法委", "县公安局、县司法局", "全年"),
    ("35", "推进数字乡村建设", "县委网信办", "县农业农村局、县大数据管理局", _END),
    ("36", "加强农村应急管理", "县应急管理局", "", "全年"),
    ("37", "加大财政投入力度", "县财政局", "县自然资源局", _END),
    ("38", "强化乡村振兴金融服务", "县金融工作局", "人行光山县支行、县农商银行", "全年"),
    ("39", "保障乡村振兴用地", "县自然资源局", "", _END),
    ("40", "加强乡村人才队伍建设", "县人力资源社会保障局", "县农业农村局、团县委", "全年"),
    ("41", "深化农村集体产权制度改革", "县农业农村局", "", _END),
    ("42", "深化农村宅基地制度改革", "县农业农村局", "县自然资源局", _END),
]


@pytest.fixture(scope="module")
def guangshan():
    return load_plan(UNSEEN / "guangshan_rural.txt")


def test_guangshan_metadata(guangshan):
    assert head(guangshan)[:5] == ("光山县2023年全面推进乡村振兴重点工作实施方案", ["河南省", "信阳市", "光山县"],
                                   "government-office", "", date(2023, 3, 10))


def test_guangshan_42_tasks_with_lead_supporters_and_deadline(guangshan):
    _check_tasks(guangshan, GUANGSHAN_TASKS)
    assert [c.kind for c in guangshan.chapters if c.title == "保障措施"] == ["safeguards"]
    assert guangshan.indicators == [] and guangshan.projects() == []
    assert guangshan.warnings == []


def test_guangshan_units_are_the_countys_but_the_city_bureaus_branch(guangshan):
    regions = {r.printed: r.unit.region.name for t in guangshan.tasks() for r in t.responsibilities}
    assert len(regions) == 39
    assert {p: n for p, n in regions.items() if n != "光山县"} == {"市生态环境局光山分局": "信阳市"}
    assert regions["县城市管理局"] == "光山县"  # the 县's 城市管理局, no region 县城市 below it
    kinds = {r.printed: r.unit.dept_type for t in guangshan.tasks() for r in t.responsibilities}
    assert kinds["县城市管理局"] == "urban-management" and kinds["县教体局"] == "education-sports"


# ------------------------------------------------------------------------------------------------
# (d) 武侯区基层卫生健康服务能力提升三年行动计划: district, Word file, automatic numbering
WUHOU_TASKS = [
    ("1", "推进社区卫生服务中心标准化建设", "区卫生健康局", "区发展和改革局、区财政局、各街道办事处", "2024年12月底前"),
    ("2", "建设社区医院", "区卫生健康局", "区委编办、区财政局", "2025年12月底前"),
    ("3", "优化社区卫生服务站布局", "区卫生健康局", "各街道办事处", "2024年6月底前"),
    ("4", "组建紧密型城市医疗集团", "区卫生健康局", "区医疗保障局、区财政局", "2023年12月底前"),
    ("5", "加强全科医生队伍建设", "区卫生健康局", "区人力资源和社会保障局、区委编办", "2025年12月底前"),
    ("6", "推进家庭医生签约服务提质", "区卫生健康局", "区医疗保障局", "长期坚持"),
    ("7", "发展社区中医药服务", "区卫生健康局", "", "2024年12月底前"),
    ("8", "加强慢性病综合防治", "区卫生健康局", "区教育局、区市场监督管理局", "长期坚持"),
    ("9", "提升老年健康服务", "区卫生健康局", "区民政局", "2025年12月底前"),
    ("10", "加强妇幼健康服务", "区卫生健康局", "区妇联", "2024年12月底前"),
    ("11", "建设区域全民健康信息平台", "区卫生健康局", "区大数据中心", "2024年12月底前"),
    ("12", "深化医保支付方式改革", "区医疗保障局", "区卫生健康局、区财政局", "2025年12月底前"),
]


@pytest.fixture(scope="module")
def wuhou():
    return load_plan(UNSEEN / "wuhou_health.docx")


def test_wuhou_metadata(wuhou):
    assert head(wuhou) == ("武侯区基层卫生健康服务能力提升三年行动计划（2023—2025年）", ["四川省", "成都市", "武侯区"],
                           "government-office", "成武府办发〔2023〕21号", date(2023, 5, 16), (2023, 2025))


def test_wuhou_word_numbering_and_division_table(wuhou):
    assert [c.kind for c in wuhou.chapters if c.title == "重点任务"] == ["tasks"]
    _check_tasks(wuhou, WUHOU_TASKS)
    assert wuhou.indicators == [] and wuhou.projects() == []
    assert wuhou.warnings == []


# ------------------------------------------------------------------------------------------------
# (e) 锡林郭勒盟“十四五”社会救助体系建设规划: a 盟 (its government the 行政公署), 第一章/第一节 with
# tasks numbered anew in each 节, a division table whose 序号 counts its rows and whose 规划章节 cites
# each task's chapter and section.  Reading written before the loaders read it; it found the issuer
# missing (行政公署办公室) and the 规划章节 column a gap
_QX = "各旗县市（区）人民政府"
XILINGOL_TASKS = [
    ("1", "健全低保标准动态调整机制", "盟民政局", "盟财政局、盟统计局、" + _QX, "持续推进"),
    ("2", "规范低保对象认定", "盟民政局", "盟乡村振兴局、" + _QX, "2022年底前"),
    ("1", "提升特困人员供养服务质量", "盟民政局", "盟财政局", "持续推进"),
    ("2", "强化失能特困人员集中照护", "盟民政局", "盟卫生健康委员会、盟医疗保障局", "2025年底前"),
    ("1", "加强医疗救助", "盟医疗保障局", "盟民政局、盟财政局、盟卫生健康委员会", "持续推进"),
    ("2", "实施教育救助", "盟教育局", "盟民政局、盟残联", "持续推进"),
    ("3", "落实住房救助", "盟住房和城乡建设局", "盟民政局、盟财政局", "持续推进"),
    ("4", "推进就业救助", "盟人力资源和社会保障局", "盟民政局", "持续推进"),
    ("1", "健全临时救助制度", "盟民政局", _QX, "2023年底前"),
    ("2", "做好流浪乞讨人员救助管理", "盟民政局", "盟公安局、盟卫生健康委员会、盟城市管理综合执法局", "持续推进"),
    ("1", "建设社会救助信息平台", "盟民政局", "盟政务服务局、盟医疗保障局", "2023年底前"),
    ("1", "充实基层救助经办力量", _QX, "盟民政局、盟委编办", "2024年底前"),
    ("2", "发展服务类社会救助", "盟民政局", "盟财政局", "2025年底前"),
    ("3", "引导社会力量参与社会救助", "盟民政局", "盟总工会、盟红十字会、团盟委、盟妇联", "持续推进"),
]
XILINGOL_INDICATORS = [
    ("城市低保平均标准", "元/人·月", "745", "880", "预期性", False),
    ("农村牧区低保平均标准", "元/人·年", "6480", "7700", "预期性", False),
    ("特困人员供养服务机构护理型床位占比", "%", "35", "55", "约束性", False),
    ("临时救助“先行救助”实施率", "%", None, "100", "约束性", False),
    ("社会救助家庭经济状况核对覆盖率", "%", "85", "100", "预期性", False),
    ("困难群众医疗救助资助参保率", "%", "99", "100", "约束性", False),
    ("培训基层社会救助经办人员", "人次", None, "3000", "预期性", True),
]


@pytest.fixture(scope="module")
def xilingol():
    return load_plan(UNSEEN / "xilingol_assistance.txt")


def test_xilingol_metadata_a_leagues_government_is_its_行政公署(xilingol):
    assert head(xilingol) == ("锡林郭勒盟“十四五”社会救助体系建设规划", ["内蒙古自治区", "锡林郭勒盟"], "government-office",
                              "锡署办发〔2022〕9号", date(2022, 3, 15), (2021, 2025))
    assert xilingol.issuer.label == "锡林郭勒盟行政公署办公室"


def test_xilingol_chapters(xilingol):
    assert [(c.no, c.title, c.kind) for c in xilingol.chapters] == [
        ("一", "发展基础", "background"), ("二", "总体要求", "principles"), ("三", "织密兜牢基本生活救助网", "other"),
        ("四", "健全专项救助和急难救助", "other"), ("五", "提升社会救助服务能力", "other"),
        ("六", "保障措施", "safeguards"), ("", "附件", "appendix")]
    per_chapter = [sum(1 for s in c.sections for t in s.tasks if t.implements is None) for c in xilingol.chapters]
    assert per_chapter == [0, 0, 4, 6, 4, 0, 0]
    assert [s.title for s in xilingol.chapters[2].sections] == ["完善最低生活保障制度", "加强特困人员救助供养"]


def test_xilingol_rows_are_the_tasks_of_the_places_they_cite(xilingol):
    _check_tasks(xilingol, XILINGOL_TASKS)
    # every table row is a body task (its 序号 1..14 is the table's own count)
    assert all(t.implements is not None for s in xilingol.chapters[-1].sections for t in s.tasks)


def test_xilingol_units_are_the_leagues(xilingol):
    regions = {r.printed: r.unit.region.name for t in xilingol.tasks() for r in t.responsibilities}
    assert set(regions.values()) == {"锡林郭勒盟"}
    kinds = {r.printed: r.unit.dept_type for t in xilingol.tasks() for r in t.responsibilities}
    assert kinds["盟委编办"] == "establishment-committee" and kinds[_QX] == "people-government"


def test_xilingol_indicators_projects_and_no_gap(xilingol):
    _check_indicators(xilingol, XILINGOL_INDICATORS)
    assert [p.title for p in xilingol.projects()] == ["社会救助信息平台建设工程", "特困供养服务设施改造提升工程",
                                                      "基层经办能力提升工程"]
    assert xilingol.warnings == []


# ------------------------------------------------------------------------------------------------
# (f) 衢州市残疾人联合会2024年工作要点, as its web page prints it: the notice and the 要点 in one
# article, chapters 一、 in <p><strong>, the tasks in <ol> lists continued by start=, a division
# table of 牵头部门 | 配合部门 naming the 残联's own departments.  Reading written before the loaders
# read it; it found chapters 三 and 四 (…发展环境, …工作基础) read as background and their five tasks
# dropped, and the table unread (its 部门 columns)
QUZHOU_TASKS = [
    ("1", "落实残疾人两项补贴动态调整", "权益维护部", "组织联络部", "全年"),
    ("2", "推进困难重度残疾人家庭无障碍改造", "权益维护部", "市残疾人辅助器具资源中心", "11月底前"),
    ("3", "深化残疾人托养照护服务", "组织联络部", "康复部", "全年"),
    ("4", "实施残疾儿童康复救助", "康复部", "市残疾人康复中心", "全年"),
    ("5", "推进精准康复服务", "康复部", "市残疾人辅助器具资源中心", "10月底前"),
    ("6", "开展残疾人职业技能培训", "教育就业部", "市残疾人就业服务中心", "11月底前"),
    ("7", "推动按比例安排残疾人就业", "教育就业部", "市残疾人就业服务中心、办公室", "全年"),
    ("8", "加强无障碍环境建设督导", "权益维护部", "宣传文化部", "全年"),
    ("9", "开展残疾人法律援助", "权益维护部", "", "全年"),
    ("10", "做好全国助残日宣传活动", "宣传文化部", "组织联络部", "5月底前"),
    ("11", "加强基层残联组织建设", "组织联络部", "办公室", "12月底前"),
    ("12", "推进残联系统数字化改革", "办公室", "康复部、教育就业部", "9月底前"),
]


@pytest.fixture(scope="module")
def quzhou():
    return load_plan(UNSEEN / "quzhou_dpf_2024.html")


def test_quzhou_metadata(quzhou):
    assert head(quzhou) == ("衢州市残疾人联合会2024年工作要点", ["浙江省", "衢州市"], "disabled-persons-federation",
                            "衢残联〔2024〕6号", date(2024, 2, 18), (2024, 2024))


def test_quzhou_ol_numbered_tasks_take_the_tables_departments(quzhou):
    assert [(c.no, c.kind) for c in quzhou.chapters] == [("一", "other"), ("二", "other"), ("三", "other"),
                                                         ("四", "other"), ("", "appendix")]
    per_chapter = [sum(1 for s in c.sections for t in s.tasks if t.implements is None) for c in quzhou.chapters]
    assert per_chapter == [3, 4, 3, 2, 0]
    _check_tasks(quzhou, QUZHOU_TASKS)
    assert quzhou.indicators == [] and quzhou.projects() == []
    assert quzhou.warnings == []


# ------------------------------------------------------------------------------------------------
# every plain-text plan printed as its offices print it reads as its text does
def _reading(record):
    return (record.title, [r.name for r in record.region.chain()], record.issuer and record.issuer.label,
            record.period, [(c.no, c.title, c.kind, [s.title for s in c.sections]) for c in record.chapters],
            _tasks(record), [(i.name, i.unit, i.baseline and i.baseline.value, i.target and i.target.value,
                              i.attribute) for i in record.indicators],
            [p.title for p in record.projects()], sorted((g.kind, g.message) for g in record.warnings))


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
@pytest.mark.parametrize("name", ["hebei_elderly_care", "yueyang_education", "guangshan_rural",
                                  "xilingol_assistance"])
def test_each_printing_reads_as_the_text(converted, name, fmt):
    path = UNSEEN / f"{name}.txt"
    kw = {"published": "2022-01-05", "source": ""} if fmt == "html" else {}
    assert _reading(load_plan(converted(path, fmt, **kw))) == _reading(load_plan(path))
