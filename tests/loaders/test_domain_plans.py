"""Plans of other domains than disability: the bodies an education, health, transport, ecology,
emergency, rural, culture, market-regulation, housing or digital-government plan names are read as
printed, in their region, and typed by their kind (never `other` where the scheme has their kind);
none is lost for an ending the disability plans never print (中学, 中专, 120急救指挥中心), and no
region is invented from a part of the county a body is named after (县灌区管理局)."""
from __future__ import annotations


import pytest

from policykg.loaders.plan import load_plan
from policykg.loaders.reference import classify_department
from tests.loaders.handmade import clause_plan as plan, roles

COUNTY = "临朐县人民政府关于印发《临朐县“十四五”教育事业发展规划》的通知\n临朐县“十四五”教育事业发展规划\n"
CITY = "济南市人民政府关于印发《济南市“十四五”养老服务体系建设规划》的通知\n济南市“十四五”养老服务体系建设规划\n"




# --- a part of the county a body is named after is no region -----------------------------------------

def test_a_part_of_the_county_after_its_level_is_no_region(tmp_path):
    # 县灌区管理局 is the county's irrigation-district bureau: before, 县灌区 was read as a district
    # below the county (a region invented, the body its), silently
    r = plan(tmp_path, COUNTY, "（县水利局牵头，县灌区管理局、县西区供水公司、县港区管委会配合）")
    assert roles(r.tasks()[0]) == [("lead", "县水利局", "临朐县"), ("support", "县灌区管理局", "临朐县"),
                                   ("support", "县西区供水公司", "临朐县"), ("support", "县港区管委会", "临朐县")]
    assert not r.warnings


def test_a_district_whose_name_opens_with_a_level_character_is_still_read(tmp_path):
    # 市中区 is a real district of 济南市: its bodies are its own; 市灌区管理局 is the city's
    r = plan(tmp_path, CITY, "（市民政局牵头，市中区民政局、市灌区管理局配合）")
    assert roles(r.tasks()[0]) == [("lead", "市民政局", "济南市"), ("support", "市中区民政局", "市中区"),
                                   ("support", "市灌区管理局", "济南市")]


# --- names of schools, works and public services -----------------------------------------------------

def test_schools_are_units(tmp_path):
    # before: 县职业中专, 县第一中学, 县实验小学, 县老年大学 were each a gap (no organisation's ending)
    r = plan(tmp_path, COUNTY, "（县教体局牵头，县职业中专、县第一中学、县实验小学、县老年大学配合）")
    assert roles(r.tasks()[0]) == [("lead", "县教育体育局", "临朐县")] + [
        ("support", n, "临朐县") for n in ("县职业中专", "县第一中学", "县实验小学", "县老年大学")]
    assert not r.warnings
    assert {r.unit.dept_type for r in r.tasks()[0].responsibilities} == {"education-sports", "education"}


def test_a_service_number_in_a_name_is_no_quantity(tmp_path):
    r = plan(tmp_path, COUNTY, "（县卫健局牵头，县120急救指挥中心、县12345政务服务热线中心配合）",
             "（县住建局负责，县东区污水处理厂配合）")
    assert [roles(t) for t in r.tasks()] == [
        [("lead", "县卫生健康局", "临朐县"), ("support", "县120急救指挥中心", "临朐县"),
         ("support", "县12345政务服务热线中心", "临朐县")],
        [("lead", "县住房和城乡建设局", "临朐县"), ("support", "县东区污水处理厂", "临朐县")]]
    assert not r.warnings


@pytest.mark.parametrize("text", ["建设120个急救站", "新增120张床位", "投资12345万元"])
def test_a_number_of_things_is_still_no_unit(tmp_path, text):
    r = plan(tmp_path, COUNTY, f"（县民政局牵头，{text}配合）")
    assert roles(r.tasks()[0]) == [("lead", "县民政局", "临朐县")]
    assert [(w.kind, text in w.message) for w in r.warnings] == [("unit-name", True)]


# --- one body, two printings -------------------------------------------------------------------------

def test_short_names_of_domain_bodies_are_one_body(tmp_path):
    r = plan(tmp_path, COUNTY, "（县卫健局牵头，县疾控中心、县中医院配合）",
             "（县卫健局牵头，县疾病预防控制中心、县中医医院配合）",
             "（县交警大队、县公安局交警大队）")
    labels = [[x.unit.label for x in t.responsibilities] for t in r.tasks()]
    assert labels[0] == labels[1] == ["县卫生健康局", "县疾病预防控制中心", "县中医医院"]
    assert set(labels[2]) == {"县公安局交通警察大队"}


# --- each body typed by its kind -----------------------------------------------------------------------

@pytest.mark.parametrize("name, kind", [
    ("县第一中学", "education"), ("各中小学校", "education"), ("县职业中专", "education"),
    ("县中心幼儿园", "education"), ("县教师发展中心", "education"), ("县技工学校", "human-resources-social-security"),
    ("县爱卫办", "health"), ("县中心血站", "health"), ("县120急救指挥中心", "health"),
    ("县公交公司", "transport"), ("县港航事业发展中心", "transport"),
    ("县交通运输综合行政执法大队", "transport"), ("县综合行政执法局", "urban-management"),
    ("县城投公司", "state-owned-enterprise"), ("县交通投资集团", "state-owned-enterprise"),
    ("县城乡建设投资有限公司", "state-owned-enterprise"), ("县文旅集团", "state-owned-enterprise"),
    ("县河长办", "water-resources"), ("县治水办", "water-resources"), ("县灌区管理局", "water-resources"),
    ("县环境监测站", "ecology-environment"), ("县林场", "forestry-grassland"),
    ("县安委办", "emergency-management"), ("县地震办", "emergency-management"), ("各养老机构", "civil-affairs"), ("县防指办", "emergency-management"), ("县减灾委", "emergency-management"),
    ("县农技推广中心", "agriculture-rural-affairs"), ("县果业发展中心", "agriculture-rural-affairs"),
    ("县委农办", "agriculture-rural-affairs"), ("县农业综合行政执法大队", "agriculture-rural-affairs"),
    ("县农产品质量安全检验检测站", "agriculture-rural-affairs"), ("县农村信用联社", "banking-institution"),
    ("县采茶剧团", "culture-tourism"), ("三湾改编景区管委会", "culture-tourism"), ("县革命纪念馆", "culture-tourism"),
    ("县食安办", "market-regulation"), ("县检验检测中心", "market-regulation"),
    ("县消费者权益保护委员会", "market-regulation"), ("县知识产权局", "market-regulation"),
    ("县住房公积金管理中心", "housing-urban-rural-development"), ("县房管中心", "housing-urban-rural-development"),
    ("区网络理政办", "big-data-government-services"), ("县12345热线服务中心", "big-data-government-services"),
    ("县中小企业服务中心", "industry-information-technology"), ("县生产力促进中心", "science-technology"),
    ("县工业集中区管委会", "development-zone"), ("县东区污水处理厂", "public-utilities"),
])
def test_domain_bodies_are_typed_by_their_kind(name, kind):
    assert classify_department(name) == kind


# --- a 专栏 box numbering its projects in the plan's chapter style --------------------------------------

BOX_PLAN = """桐庐县“十四五”生态环境保护规划
一、现状与形势
“十三五”期间，全县生态环境质量持续改善。
二、总体要求
（一）指导思想
深入践行“绿水青山就是金山银山”理念。
（二）主要目标
到2025年，生态环境质量持续改善。
三、主要任务
（一）深入打好蓝天保卫战
1.推进工业废气治理。完成挥发性有机物综合治理企业80家。责任单位：县经信局。
2.强化扬尘污染管控。落实施工工地扬尘管控措施。责任单位：县住建局。
（二）深入打好碧水保卫战
3.深化河湖长制。完善三级河长体系。责任单位：县河长办、县水利局。
专栏1  生态环境重点工程
一、大气治理工程：实施VOCs综合治理、锅炉清洁化改造项目。
二、水环境治理工程：实施城镇污水处理厂提标改造。
三、生态修复工程：实施富春江岸线生态修复。
{after}
（一）落实生态环境保护责任。严格落实“党政同责、一岗双责”。
（二）加强资金保障。统筹各级生态环境专项资金。
"""


def test_a_box_numbering_its_projects_as_the_plans_chapters(tmp_path):
    # before: the box's 一、二、三、 were read as the plan's chapters, the plan's own chapters were lost,
    # 四、保障措施 became the box's fourth project and the safeguards tasks, said only as numbering gaps
    path = tmp_path / "plan.txt"
    path.write_text(BOX_PLAN.format(after="四、保障措施"), encoding="utf-8")
    r = load_plan(path)
    assert [(c.no, c.title, c.kind) for c in r.chapters] == [
        ("一", "现状与形势", "background"), ("二", "总体要求", "principles"), ("三", "主要任务", "tasks"),
        ("四", "保障措施", "safeguards")]
    assert [(t.no, t.title) for t in r.tasks()] == [("1", "推进工业废气治理"), ("2", "强化扬尘污染管控"),
                                                   ("3", "深化河湖长制")]
    assert [(p.no, p.title) for p in r.projects()] == [("1", "大气治理工程"), ("2", "水环境治理工程"),
                                                      ("3", "生态修复工程")]
    assert not r.warnings


def test_a_box_numbering_its_projects_as_the_plans_sections(tmp_path):
    # sections 一、 under chapters 第X章: the box's 一、 start again amid the chapter's sections
    text = """兴国县“十四五”乡村振兴规划
第一章 总体要求
一、指导思想
坚持农业农村优先发展。
二、主要目标
到2025年，农业农村现代化取得重要进展。
第二章 重点任务
一、巩固拓展脱贫攻坚成果
1.健全防止返贫动态监测和帮扶机制。对易返贫致贫人口实施常态化监测。（牵头单位：县乡村振兴局）
二、提升农业综合生产能力
2.推进高标准农田建设。新建高标准农田13万亩。（牵头单位：县农业农村局）
专栏1 乡村振兴重点工程
一、高标准农田建设工程：新建高标准农田13万亩。
二、农村供水保障工程：新建改造集中供水工程30处。
第三章 保障措施
一、强化投入保障。土地出让收益用于农业农村比例达到50%以上。
"""
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    r = load_plan(path)
    assert [c.title for c in r.chapters] == ["总体要求", "重点任务", "保障措施"]
    assert [s.title for s in r.chapters[1].sections] == ["巩固拓展脱贫攻坚成果", "提升农业综合生产能力"]
    assert [(t.no, [u.label for u in t.units("lead")]) for t in r.tasks()] == [
        ("1", ["县乡村振兴局"]), ("2", ["县农业农村局"])]
    assert [p.title for p in r.projects()] == ["高标准农田建设工程", "农村供水保障工程"]
    assert not r.warnings


def test_a_section_continuing_after_a_box_is_no_project(tmp_path):
    # （三）推进…。 continues both the box's （一）（二） and the chapter's sections: a verb opens it,
    # the chapter's section it is
    text = """青山县“十四五”住房保障规划
一、总体要求
到2025年，住房保障体系更加完善。
二、主要任务
（一）完善住房保障体系。规范发展公租房。（县住建局负责）
（二）推进老旧小区改造。改造城镇老旧小区120个。（县住建局负责）
专栏1 住房保障重点工程
（一）公租房提升工程：改造公租房小区5个。
（二）老旧小区改造工程：改造老旧小区120个。
（三）规范住房市场秩序。开展房地产市场秩序专项整治。（县住建局牵头，县市场监管局配合）
三、保障措施
加强组织领导。
"""
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    r = load_plan(path)
    assert [c.title for c in r.chapters] == ["总体要求", "主要任务", "保障措施"]
    assert [p.title for p in r.projects()] == ["公租房提升工程", "老旧小区改造工程"]
    assert [t.title for t in r.tasks()][-1] == "规范住房市场秩序"
