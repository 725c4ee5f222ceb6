"""Responsibility wordings beyond the corpus: the loaders must handle plans they have never seen."""
from __future__ import annotations

import pytest

from policykg.loaders.model import RegionRef
from policykg.loaders.responsibilities import find_clause, parse_clause
from policykg.loaders.units import UnitResolver, split_unit_list

COUNTY = RegionRef("青山县", "county", RegionRef("云山市", "prefecture-city"))


def parse(text: str, region: RegionRef = COUNTY) -> list[tuple[str, str]]:
    clause = find_clause(text)
    assert clause is not None, text
    return [(role, u.label) for role, u in parse_clause(clause.inner, UnitResolver(region))]


@pytest.mark.parametrize("text,expected", [
    ("加强康复服务。（牵头单位：县残联；配合单位：县卫健局、民政局）",
     [("lead", "县残疾人联合会"), ("support", "县卫生健康局"), ("support", "县民政局")]),
    # 责任单位 alone names the owner (GLOSSARY)
    ("推进无障碍建设。（责任单位：县住建局）", [("lead", "县住房和城乡建设局")]),
    ("推进无障碍建设。(牵头单位:县住建局;责任单位:县交通运输局)",
     [("lead", "县住房和城乡建设局"), ("support", "县交通运输局")]),
    ("做好普法宣传。（县司法局负责）", [("lead", "县司法局")]),
    ("做好普法宣传。（县司法局牵头，县残联配合）", [("lead", "县司法局"), ("support", "县残疾人联合会")]),
    ("完善救助。（县民政局、财政局牵头；县残联参与）",
     [("lead", "县民政局"), ("lead", "县财政局"), ("support", "县残疾人联合会")]),
    # a 市-prefixed body in a county plan belongs to the city above it
    ("落实补贴。（市残联、县残联牵头）", [("lead", "市残疾人联合会"), ("lead", "县残疾人联合会")]),
])
def test_wordings(text, expected):
    assert parse(text) == expected


def test_city_body_resolves_to_parent_region():
    resolver = UnitResolver(COUNTY)
    city, county = resolver.resolve("市民政局"), resolver.resolve("县民政局")
    assert (city.region.name, county.region.name) == ("云山市", "青山县")
    assert city.key == county.key == "民政局"


def test_no_clause_in_plain_text():
    assert find_clause("加强组织领导，完善工作机制（详见附件）。") is None
    assert find_clause("提高保障水平（2021—2025年）。") is None


@pytest.mark.parametrize("text,expected", [
    ("市卫生健康局市残联", ["市卫生健康局", "市残联"]),
    ("区财政局、教育局，人力资源和社会保障局（医保局）", ["区财政局", "教育局", "人力资源和社会保障局（医保局）"]),
    ("各镇（乡）残联、团市委", ["各镇（乡）残联", "团市委"]),
    ("市民政局\n市残联", ["市民政局", "市残联"]),
])
def test_split_unit_list(text, expected):
    assert split_unit_list(text) == expected
