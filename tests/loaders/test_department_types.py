"""Department types of the responsible units real county and city plans print.

The department type is how a researcher compares who owns tasks across plans
(department_type_workload, tasks_by_department_type): a unit typed `other`, or typed as a body of
another kind because a keyword of that kind happens to occur inside its name, makes those queries
silently wrong.  These are names as plans print them, each with the kind of body it is.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from policykg.graph.build import department_type_graph
from policykg.loaders.plan import load_plan
from policykg.loaders.reference import classify_department, department_types

# party bodies, mass organisations, vertical agencies, enterprises, courts, media, government
# departments and the institutions under them, as county plans print them
TYPED = [
    # party bodies
    ("县委组织部", "organization-department"),
    ("中共青山县委宣传部", "publicity-department"),
    ("县委宣传部（县网信办）", "publicity-department"),
    ("县新时代文明实践中心", "publicity-department"),
    ("县委统战部", "united-front"),
    ("县委政法委", "political-legal-affairs"),
    ("县委编办", "establishment-committee"),
    ("县纪委监委", "discipline-inspection"),
    ("县委办公室", "party-committee"),
    ("县直机关工委", "party-committee"),
    ("县人民武装部", "peoples-armed-forces"),
    ("县人武部", "peoples-armed-forces"),
    # congress and consultative conference
    ("县人大常委会", "peoples-congress"),
    ("县政协", "cppcc"),
    ("政协青山县委员会", "cppcc"),
    # mass organisations
    ("县侨联", "overseas-chinese-federation"),
    ("县归国华侨联合会", "overseas-chinese-federation"),
    ("县科协", "science-technology-association"),
    ("县科技馆", "science-technology-association"),
    ("县工商联", "federation-industry-commerce"),
    ("县红十字会", "red-cross"),
    ("县文联", "literature-art-federation"),
    ("县文学艺术界联合会", "literature-art-federation"),
    ("县妇联", "womens-federation"),
    ("团县委", "youth-league"),
    ("共青团青山县委员会", "youth-league"),
    ("县总工会", "trade-union"),
    ("县关工委", "caring-next-generation"),
    ("县关心下一代工作委员会", "caring-next-generation"),
    ("县老龄办", "aging-work-committee"),
    ("县计生协", "family-planning-association"),
    ("县计划生育协会", "family-planning-association"),
    ("县慈善总会", "charity-federation"),
    # the disabled persons' federation and the service institutions under it
    ("县残联", "disabled-persons-federation"),
    ("县残疾人福利基金会", "disabled-persons-federation"),
    ("县残疾人托养中心", "disability-service-centre"),
    ("县残疾人康复中心", "disability-service-centre"),
    ("县残疾人就业服务中心", "disability-service-centre"),
    ("县残疾人辅助器具服务中心", "disability-service-centre"),
    ("县残疾人综合服务中心", "disability-service-centre"),
    ("县就业服务中心", "employment-service"),
    # vertical agencies
    ("国家税务总局青山县税务局", "taxation"),
    ("县气象局", "meteorology"),
    ("县消防救援大队", "fire-rescue"),
    ("县烟草专卖局", "tobacco"),
    ("县烟草公司", "tobacco"),
    ("中国人民银行青山县支行", "central-bank"),
    # enterprises
    ("国网青山县供电公司", "power-supply"),
    ("县供电公司", "power-supply"),
    ("县电力公司", "power-supply"),
    ("中国电信青山分公司", "telecom-enterprise"),
    ("中国移动青山分公司", "telecom-enterprise"),
    ("中国联通青山分公司", "telecom-enterprise"),
    ("县铁塔公司", "telecom-enterprise"),
    ("中国邮政集团有限公司青山县分公司", "postal"),
    ("县邮政分公司", "postal"),
    ("县农商银行", "banking-institution"),
    ("县农村信用合作联社", "banking-institution"),
    ("中国邮政储蓄银行青山县支行", "banking-institution"),
    ("中国人寿青山支公司", "insurance-institution"),
    ("县燃气公司", "public-utilities"),
    ("县自来水公司", "public-utilities"),
    # courts and media
    ("县人民法院", "court"),
    ("县人民检察院", "procuratorate"),
    ("县融媒体中心", "media-center"),
    # government departments and their institutions
    ("县行政审批局", "big-data-government-services"),
    ("县行政审批服务局", "big-data-government-services"),
    ("县政务服务中心", "big-data-government-services"),
    ("县公共资源交易中心", "big-data-government-services"),
    ("县大数据局", "big-data-government-services"),
    ("县数据局", "big-data-government-services"),
    ("县医保局", "healthcare-security"),
    ("县医疗保险事业管理局", "healthcare-security"),
    ("县退役军人事务局", "veterans-affairs"),
    ("县光荣院", "veterans-affairs"),
    ("县应急管理局", "emergency-management"),
    ("县地震局", "emergency-management"),
    ("县林草局", "forestry-grassland"),
    ("县林业和草原局", "forestry-grassland"),
    ("县林业局", "forestry-grassland"),
    ("县乡村振兴局", "rural-revitalization"),
    ("县畜牧兽医局", "agriculture-rural-affairs"),
    ("县农机中心", "agriculture-rural-affairs"),
    ("县城管局", "urban-management"),
    ("县综合行政执法局", "urban-management"),
    ("县不动产登记中心", "natural-resources"),
    ("县规划局", "natural-resources"),
    ("县公路局", "transport"),
    ("县法律援助中心", "justice"),
    ("县公证处", "justice"),
    ("县社会福利院", "civil-affairs"),
    ("县儿童福利院", "civil-affairs"),
    ("县救助管理站", "civil-affairs"),
    ("县图书馆", "culture-tourism"),
    ("县文物局", "culture-tourism"),
    ("县国资委", "state-owned-assets"),
    ("县机关事务管理局", "government-affairs-administration"),
    ("县人民防空办公室", "civil-air-defence"),
    ("县人防办", "civil-air-defence"),
    ("县粮食和物资储备局", "grain-reserves"),
    ("县供销合作社联合社", "supply-marketing-cooperative"),
    ("县档案馆", "archives"),
    ("县地方志办公室", "archives"),
    ("县投资促进局", "investment-promotion"),
    ("县金融服务中心", "local-finance"),
    ("县地方金融监督管理局", "local-finance"),
    ("县职业中专", "education"),
    # zones, townships, governments
    ("青山经济开发区管委会", "development-zone"),
    ("县高新区管委会", "development-zone"),
    ("青山工业园区管委会", "development-zone"),
    ("城关街道办事处", "township-subdistrict"),
    ("各乡镇人民政府", "township-subdistrict"),
    ("县人民政府", "people-government"),
    ("县政府办公室", "government-office"),
]

# Names where a keyword of another kind of body occurs inside the name: before, each was typed as
# that other kind (in the comment), silently.
MISTYPED_BEFORE = [
    ("中国农业银行青山县支行", "banking-institution"),  # agriculture-rural-affairs (农业)
    ("中国农业发展银行青山县支行", "banking-institution"),  # agriculture-rural-affairs (农业)
    ("交通银行青山支行", "banking-institution"),  # transport (交通)
    ("县环境卫生管理处", "urban-management"),  # health (卫生)
    ("县科技馆", "science-technology-association"),  # science-technology (科技)
    ("政协青山县委员会", "cppcc"),  # party-committee (县委, a tie with 政协 the party row won)
    ("县残疾人就业服务中心", "disability-service-centre"),  # the federation itself
    ("河北省人民政府办公厅", "government-office"),  # people-government (人民政府 outweighed 政府办)
    ("省政府办公厅", "government-office"),  # people-government: a province's office is a 办公厅
    ("各镇街", "township-subdistrict"),  # other: the towns and subdistricts, collectively
    ("各乡镇", "township-subdistrict"),  # other
    ("各街道", "township-subdistrict"),  # other
]


@pytest.mark.parametrize("name,expected", TYPED + MISTYPED_BEFORE)
def test_a_unit_name_gets_the_kind_of_body_it_is(name, expected):
    assert classify_department(name) == expected


def test_the_party_working_committee_of_organs_is_no_committee_for_the_younger_generation():
    # 机关工委 holds 关工委: the longer keyword of the party committee must win
    assert classify_department("县直机关工委") == "party-committee"
    assert classify_department("县关工委") == "caring-next-generation"


HEAD = "青山县人民政府关于印发《青山县“十四五”残疾人事业发展规划》的通知\n青山县“十四五”残疾人事业发展规划\n"
BODY = """一、主要任务
（一）加强残疾人服务
1.加强残疾人康复服务。建设县残疾人康复中心。（牵头单位：县残疾人康复中心；配合单位：县侨联、县文联、县直机关工委）
2.保障残疾人用电和金融服务。落实电费减免和小额信贷政策。（牵头单位：县供电公司；配合单位：中国农业银行青山县支行、交通银行青山县支行、县气象局）
3.改善城乡环境无障碍。推进公共厕所无障碍改造。（牵头单位：县环境卫生管理处；配合单位：县科技馆、政协青山县委员会）
二、保障措施
加强组织领导。
"""


def test_a_plans_units_carry_their_types(tmp_path: Path):
    path = tmp_path / "plan.txt"
    path.write_text(HEAD + BODY, encoding="utf-8")
    r = load_plan(path)
    got = [([(u.label, u.dept_type) for u in t.units("lead")], [(u.label, u.dept_type) for u in t.units("support")])
           for t in r.tasks()]
    assert got == [
        ([("县残疾人康复中心", "disability-service-centre")],
         [("县侨联", "overseas-chinese-federation"), ("县文联", "literature-art-federation"),
          ("县直机关工委", "party-committee")]),
        ([("县供电公司", "power-supply")],
         [("中国农业银行青山县支行", "banking-institution"), ("交通银行青山县支行", "banking-institution"),
          ("县气象局", "meteorology")]),
        ([("县环境卫生管理处", "urban-management")],
         [("县科技馆", "science-technology-association"), ("政协青山县委员会", "cppcc")]),
    ]
    assert r.warnings == []


def test_the_scheme_publishes_every_type_with_both_labels_and_definitions():
    from rdflib import URIRef
    from rdflib.namespace import RDF, SKOS

    g = department_type_graph()
    concepts = {str(c) for c in g.subjects(RDF.type, SKOS.Concept)}
    for dt in department_types():
        c = next(c for c in concepts if c.endswith("/department-type/" + dt.code))
        labels = {(str(o), o.language) for o in g.objects(URIRef(c), SKOS.prefLabel)}
        assert labels == {(dt.label_zh, "zh"), (dt.label_en, "en")}, dt.code
        defs = {o.language for o in g.objects(URIRef(c), SKOS.definition)}
        assert defs == {"zh", "en"}, dt.code
    for code in ("overseas-chinese-federation", "disability-service-centre", "power-supply", "banking-institution"):
        assert any(c.endswith("/department-type/" + code) for c in concepts), code
