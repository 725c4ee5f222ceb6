"""Responsibility wordings beyond the corpus: the loaders must handle plans they have never seen."""
from __future__ import annotations

import pytest

from policykg.loaders.model import RegionRef, Span, Task
from policykg.loaders.responsibilities import ClauseReader, find_clause, find_clauses
from policykg.loaders.units import UnitResolver, split_unit_list

COUNTY = RegionRef("青山县", "county", RegionRef("云山市", "prefecture-city"))
CITY = RegionRef("广州市", "prefecture-city", RegionRef("广东省", "province"))
SPAN = Span(1, 1, 0, 0, "")


def read(text: str, region: RegionRef = COUNTY, owner_first: bool = True):
    gaps: list = []
    task = Task("1", "", text, SPAN)
    ClauseReader(UnitResolver(region), owner_first, gaps).attach(task, ClauseReader.find(text), lambda a, b: SPAN)
    return task, gaps


def parse(text: str, region: RegionRef = COUNTY, owner_first: bool = True) -> list[tuple[str, str]]:
    task, _ = read(text, region, owner_first)
    return [(r.role, r.unit.label) for r in task.responsibilities]


@pytest.mark.parametrize("text,expected", [
    ("加强康复服务。（牵头单位：县残联；配合单位：县卫健局、民政局）",
     [("lead", "县残疾人联合会"), ("support", "县卫生健康局"), ("support", "县民政局")]),
    # 责任单位 alone, in a plan that never marks a lead: the first-named is the lead
    ("推进无障碍建设。（责任单位：县住建局）", [("lead", "县住房和城乡建设局")]),
    ("推进无障碍建设。（责任单位：县住建局、县交通运输局）",
     [("lead", "县住房和城乡建设局"), ("support", "县交通运输局")]),
    ("推进无障碍建设。(牵头单位:县住建局;责任单位:县交通运输局)",
     [("lead", "县住房和城乡建设局"), ("support", "县交通运输局")]),
    ("做好普法宣传。（县司法局负责）", [("lead", "县司法局")]),
    ("做好普法宣传。（县司法局牵头，县残联配合）", [("lead", "县司法局"), ("support", "县残疾人联合会")]),
    ("完善救助。（县民政局、财政局牵头；县残联参与）",
     [("lead", "县民政局"), ("lead", "县财政局"), ("support", "县残疾人联合会")]),
    # a 市-prefixed body in a county plan belongs to the city above it
    ("落实补贴。（市残联、县残联牵头）", [("lead", "市残疾人联合会"), ("lead", "县残疾人联合会")]),
    # 由…负责 …协助: the function word is not part of the name
    ("落实补贴。（由县残联负责，县民政局、县财政局协助）",
     [("lead", "县残疾人联合会"), ("support", "县民政局"), ("support", "县财政局")]),
    ("落实补贴。（由县残联牵头）", [("lead", "县残疾人联合会")]),
    ("落实补贴。（县残联会同县民政局负责）", [("lead", "县残疾人联合会"), ("support", "县民政局")]),
    ("落实补贴。（县残联牵头，会同县民政局、县财政局）",
     [("lead", "县残疾人联合会"), ("support", "县民政局"), ("support", "县财政局")]),
    # no brackets, after the task, parts apart by a full-width space, a tab or two spaces
    ("……帮扶。　牵头单位：县乡村振兴局　责任单位：县残联、县民政局",
     [("lead", "县乡村振兴局"), ("support", "县残疾人联合会"), ("support", "县民政局")]),
    ("……帮扶。牵头单位：县乡村振兴局\t配合单位：县残联/县民政局",
     [("lead", "县乡村振兴局"), ("support", "县残疾人联合会"), ("support", "县民政局")]),
    ("……帮扶。牵头单位：县乡村振兴局  配合单位：县残联 县民政局",
     [("lead", "县乡村振兴局"), ("support", "县残疾人联合会"), ("support", "县民政局")]),
    # on a line of its own after the task
    ("……帮扶。\n县残联牵头，县民政局、县财政局配合。",
     [("lead", "县残疾人联合会"), ("support", "县民政局"), ("support", "县财政局")]),
    ("……帮扶。\n牵头部门：县残联；配合部门：县民政局",
     [("lead", "县残疾人联合会"), ("support", "县民政局")]),
    # 等 is not a unit; a collective is one mention
    ("……帮扶。（县残联牵头，县民政局等部门配合）", [("lead", "县残疾人联合会"), ("support", "县民政局")]),
    # a role printed after a name inside the list
    ("……帮扶。（责任单位：县民政局、县残联（牵头）、县财政局）",
     [("support", "县民政局"), ("lead", "县残疾人联合会"), ("support", "县财政局")]),
    # a label with a bracketed gloss, and the longer owner labels
    ("……帮扶。（牵头单位（部门）：县残联；配合单位（部门）：县民政局）",
     [("lead", "县残疾人联合会"), ("support", "县民政局")]),
    ("……帮扶。（主要责任单位：县残联、县民政局）", [("lead", "县残疾人联合会"), ("support", "县民政局")]),
    ("……帮扶。【牵头单位：县残联；配合单位：县民政局】", [("lead", "县残疾人联合会"), ("support", "县民政局")]),
    ("……帮扶。（县残联负责落实，县民政局配合落实）", [("lead", "县残疾人联合会"), ("support", "县民政局")]),
    ("……帮扶。（县残联牵头，各镇（街道）、各有关单位配合）",
     [("lead", "县残疾人联合会"), ("support", "各镇（街道）"), ("support", "各有关单位")]),
    # a label's list with verbs of its own: the verbs give the roles
    ("……帮扶。\n责任单位：县医保局牵头，县卫健委、县残联配合",
     [("lead", "县医疗保障局"), ("support", "县卫生健康委员会"), ("support", "县残疾人联合会")]),
    ("……帮扶。（责任单位：由县民政局负责，县残联协助）", [("lead", "县民政局"), ("support", "县残疾人联合会")]),
    # a list closed by a verb that names no unit: the label's role stands, the verb is no unit
    ("……帮扶。（责任单位：县人社局、县残联，按职责分工负责）",
     [("lead", "县人力资源和社会保障局"), ("support", "县残疾人联合会")]),
    ("……帮扶。（配合单位：县人社局、县残联共同参与）",
     [("support", "县人力资源和社会保障局"), ("support", "县残疾人联合会")]),
])
def test_wordings(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["……帮扶。（责任单位：县人社局、县残联，按职责分工负责）",
                                  "……帮扶。\n责任单位：县医保局牵头，县卫健委、县残联配合"])
def test_a_verb_in_a_labels_list_is_no_unit_and_no_gap(text):
    task, gaps = read(text)
    assert gaps == []
    assert len(task.responsibilities) in (2, 3)


def test_owner_label_in_a_plan_that_marks_leads_names_supporters():
    assert parse("推进无障碍建设。（责任单位：县住建局、县交通运输局）", owner_first=False) == [
        ("support", "县住房和城乡建设局"), ("support", "县交通运输局")]


@pytest.mark.parametrize("text", ["推进无障碍建设。（责任部门：县住建局；协办单位：县交通运输局）",
                                  "推进无障碍建设。（责任单位：县住建局；配合单位：县交通运输局）",
                                  "推进无障碍建设。\n责任单位：县住建局；参与单位：县交通运输局"])
def test_owner_label_beside_supporters_alone_names_the_lead_whatever_the_plan_does(text):
    """A plan that marks leads elsewhere may still print 责任部门 against 协办/配合/参与 units in one
    clause: there 责任 is the owner, not one more supporter (a task would lose its lead silently)."""
    for owner_first in (False, True):
        assert parse(text, owner_first=owner_first) == [("lead", "县住房和城乡建设局"), ("support", "县交通运输局")]


@pytest.mark.parametrize("text", ["完善低保制度。（责任单位：县社会保险事业管理局、县医疗保障局；配合单位：县财政局）",
                                  "完善低保制度。\n责任部门：县社会保险事业管理局、县医疗保障局；协办单位：县财政局"])
def test_owner_label_beside_supporters_alone_names_co_leads(text):
    """Against supporters 责任单位 plays the lead's part: every unit of it leads (co-leads), not its
    first alone with the rest read as supporters."""
    for owner_first in (False, True):
        assert parse(text, owner_first=owner_first) == [
            ("lead", "县社会保险事业管理局"), ("lead", "县医疗保障局"), ("support", "县财政局")]


BOTH = [("lead", "县民政局"), ("support", "县财政局")]


@pytest.mark.parametrize("text,deadline,roles", [
    ("落实两项补贴。（牵头单位：县民政局；责任单位：县财政局；完成时限：2023年底前）", "2023年底前", BOTH),
    ("落实两项补贴。（牵头单位：县民政局；配合单位：县财政局；时间节点：持续推进）", "持续推进", BOTH),
    ("落实两项补贴。（牵头单位：县民政局）（完成时限：2022年6月底前）", "2022年6月底前", BOTH[:1]),
    ("落实两项补贴。\n牵头单位：县民政局；配合单位：县财政局\n完成时限：2025年", "2025年", BOTH),
])
def test_a_deadline_in_a_clause_is_the_tasks_deadline_not_a_unit(text, deadline, roles):
    task, gaps = read(text, owner_first=False)
    assert gaps == []
    assert task.deadline == deadline
    assert [(r.role, r.unit.label) for r in task.responsibilities] == roles


@pytest.mark.parametrize("mark", ["（牵头）", "〔牵头〕", "【牵头】", "[牵头]"])
def test_a_lead_marked_after_its_name_in_any_bracket(mark):
    assert parse(f"落实两项补贴。（责任单位：县民政局{mark}，县财政局）", owner_first=False) == [
        ("lead", "县民政局"), ("support", "县财政局")]


def test_collectives_of_a_city_plan_stay_whole():
    task, _ = read("……推进。（市残联牵头，各区、县级市配合）", CITY)
    assert [(r.role, r.unit.label, r.unit.collective) for r in task.responsibilities] == [
        ("lead", "市残疾人联合会", False), ("support", "各区、县级市", True)]
    task, _ = read("……推进。（市残联牵头，各有关区、县级市配合）", CITY)
    assert [r.unit.label for r in task.responsibilities][1:] == ["各有关区、县级市"]


def test_a_district_named_by_a_city_plan_is_that_region():
    task, _ = read("……推进。（越秀区、市民政局负责）", CITY)
    district, bureau = (r.unit for r in task.responsibilities)
    assert (district.label, district.region.name, district.region.parent.name) == ("越秀区", "越秀区", "广州市")
    assert (bureau.label, bureau.region.name) == ("市民政局", "广州市")


def test_a_commission_is_not_a_bureau():
    # a district's plan (in a city's, 区发展和改革局 names no district: a gap, test_unit_bodies.py)
    task, _ = read("……推进。（市发展改革委、区发展和改革局牵头）", RegionRef("越秀区", "district", CITY))
    commission, bureau = (r.unit for r in task.responsibilities)
    assert commission.label == "市发展和改革委员会" and bureau.label == "区发展和改革局"
    assert commission.key != bureau.key
    assert commission.alt_labels == ("市发展改革委",)  # the printed short form is kept


def test_printed_names_are_kept_on_each_mention():
    task, _ = read("……推进。（县残联牵头）")
    assert [(r.printed, r.unit.label) for r in task.responsibilities] == [("县残联", "县残疾人联合会")]


def test_a_name_that_is_no_organisation_is_a_gap_not_a_unit():
    task, gaps = read("……推进。（县残联牵头，县民政局、加强统筹协调配合）")
    assert [r.unit.label for r in task.responsibilities] == ["县残疾人联合会", "县民政局"]
    assert [(g.kind, g.message) for g in gaps] == [
        ("unit-name", "not read as a unit: '加强统筹协调' (does not end as an organisation's name does (局, 委, 办, 中心, …))")]


@pytest.mark.parametrize("text", [
    "加强组织领导，完善工作机制（详见附件）。",
    "提高保障水平（2021—2025年）。",
    "充分发挥残联牵头作用，形成工作合力。",
    "坚持党委领导、政府负责、社会协同。",
    "由政府牵头组织开展助残活动。",
    "各级残联要主动配合有关部门做好工作。",
])
def test_prose_that_mentions_responsibility_is_no_clause(text):
    assert find_clauses(text, lambda parts: False) == [] or parse(text) == []
    assert parse(text) == []


def test_no_clause_in_plain_text():
    assert find_clause("加强组织领导，完善工作机制（详见附件）。") is None
    assert find_clause("提高保障水平（2021—2025年）。") is None


@pytest.mark.parametrize("text,expected", [
    ("市卫生健康局市残联", ["市卫生健康局", "市残联"]),
    ("区财政局、教育局，人力资源和社会保障局（医保局）", ["区财政局", "教育局", "人力资源和社会保障局（医保局）"]),
    ("各镇（乡）残联、团市委", ["各镇（乡）残联", "团市委"]),
    ("市民政局\n市残联", ["市民政局", "市残联"]),
    ("由区残联、区民政局等", ["区残联", "区民政局"]),
    ("各区、县级市、市残联", ["各区、县级市", "市残联"]),
])
def test_split_unit_list(text, expected):
    assert split_unit_list(text) == expected


LONE_COUNTY = RegionRef("青山县", "county")  # a county plan that never names its city


def test_a_higher_levels_body_in_a_plan_that_never_names_that_region_is_no_body_of_the_plans():
    """市民政局 and 县民政局 in a county plan naming no city were one Organization (one key, one
    region) with two preferred labels, leading and supporting the same task; 省民政厅 was the county's."""
    task, gaps = read("……推进。（市民政局、省民政厅牵头，县民政局配合）", LONE_COUNTY)
    city, province, county = (r.unit for r in task.responsibilities)
    assert (county.label, county.region.name) == ("县民政局", "青山县")
    assert (city.label, city.region.name, city.region.level) == ("市民政局", "青山县所在市", "city")
    assert (province.label, province.region.name, province.region.level) == ("省民政厅", "青山县所在省", "province")
    assert len({(u.region.name, u.key) for u in (city, province, county)}) == 3 and gaps == []
    # where the plan's chain names the city, its bodies are that city's
    task, _ = read("……推进。（市民政局牵头，县民政局配合）")
    assert [r.unit.region.name for r in task.responsibilities] == ["云山市", "青山县"]


@pytest.mark.parametrize("name,label", [
    ("国网青山县供电公司", "国网青山县供电公司"),  # names its region inside: no 县 restored before it
    ("人行青山县支行", "人行青山县支行"),
    ("乡镇卫生院", "乡镇卫生院"),  # bodies below the plan's region take no prefix
    ("村（居）委会", "村（居）委会"),
    ("县委", "县委"),  # not 县县委
    ("州民政局", "州民政局"),
    ("自治区民政厅", "自治区民政厅"),
    ("县人大", "县人大"),
])
def test_a_name_gets_no_prefix_it_does_not_print(name, label):
    task, gaps = read(f"……推进。（{name}负责）", LONE_COUNTY)
    assert [r.unit.label for r in task.responsibilities] == [label] and gaps == []


def test_a_plan_naming_no_region_restores_no_level():
    """民政局 in a plan whose region cannot be read stays 民政局 (before: 区民政局, a level the plan never
    prints); 县民政局 keeps the level it prints."""
    task, gaps = read("……推进。（民政局牵头，县残联配合）", None)
    assert [(r.role, r.unit.label) for r in task.responsibilities] == [
        ("lead", "民政局"), ("support", "县残疾人联合会")] and gaps == []
