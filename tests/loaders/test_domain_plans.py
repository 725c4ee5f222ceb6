"""Plans of other domains than disability: the bodies an education, health, transport, ecology,
emergency, rural, culture, market-regulation, housing or digital-government plan names are read as
printed, in their region, and typed by their kind (never `other` where the scheme has their kind);
none is lost for an ending the disability plans never print (中学, 中专, 120急救指挥中心), and no
region is invented from a part of the county a body is named after (县灌区管理局)."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan
from policykg.loaders.reference import classify_department

COUNTY = "临朐县人民政府关于印发《临朐县“十四五”教育事业发展规划》的通知\n临朐县“十四五”教育事业发展规划\n"
CITY = "济南市人民政府关于印发《济南市“十四五”养老服务体系建设规划》的通知\n济南市“十四五”养老服务体系建设规划\n"


def plan(tmp_path: Path, head: str, *clauses: str):
    """A plan whose task N prints clause N after its text."""
    body = "一、主要任务\n" + "".join(f"{k}.加强第{k}项工作。落实相关措施。{c}\n" for k, c in enumerate(clauses, 1))
    path = tmp_path / "plan.txt"
    path.write_text(head + body + "二、保障措施\n加强组织领导。\n", encoding="utf-8")
    return load_plan(path)


def roles(task) -> list[tuple[str, str, str]]:
    return [(r.role, r.unit.label, r.unit.region.name) for r in task.responsibilities]


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
