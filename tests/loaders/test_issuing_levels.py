"""Plans of other issuing levels than a county's or a city's government: a town's or a subdistrict's
(青山县白沙镇, 薛城区常庄街道办事处), a development zone's, a plan forwarded by another body's notice
(转发), a plan issued jointly.  Each is read as the plan of the division or body that issues it, or
said: never silently the county's, nor an issuer beside another document's number."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.loaders.handmade import clause_plan, roles, text_plan


def chain(record) -> list[str]:
    return [r.name for r in record.region.chain()] if record.region else []


def gaps(record, kind: str = "metadata") -> list[str]:
    return [g.message for g in record.warnings if g.kind == kind]


@pytest.mark.parametrize("title, want", [
    ("薛城区常庄街道“十四五”残疾人事业发展规划", ["山东省", "枣庄市", "薛城区", "常庄街道"]),
    ("湖北省宜昌市长阳县龙舟坪镇“十四五”残疾人事业发展规划", ["湖北省", "宜昌市", "长阳土家族自治县", "龙舟坪镇"]),
    ("乌达区乌兰淖尔镇残疾人事业发展“十四五”规划", ["内蒙古自治区", "乌海市", "乌达区", "乌兰淖尔镇"]),
    ("西乌珠穆沁旗巴彦花苏木“十四五”残疾人事业发展规划", ["内蒙古自治区", "锡林郭勒盟", "西乌珠穆沁旗", "巴彦花苏木"]),
    ("薛城区喇叭沟门满族乡“十四五”残疾人事业发展规划", ["山东省", "枣庄市", "薛城区", "喇叭沟门满族乡"]),
    ("东莞市塘厦镇“十四五”残疾人事业发展规划", ["广东省", "东莞市", "塘厦镇"]),
])
def test_a_towns_plan_is_the_towns_under_its_county(tmp_path, title, want):
    """青山县白沙镇“十四五”…规划 was read as 青山县's plan, silently: the town's name after the county's
    was left off.  A town-level division (镇, 乡, 街道, 苏木) is a region below its county; its bodies
    printed by its level word (镇民政办) are its own, the county's (县民政局) its county's."""
    r = clause_plan(tmp_path, title + "\n", "（镇民政办牵头，区残联、镇财政所配合）")
    assert chain(r) == want
    assert r.region.level in ("town", "township", "subdistrict")
    assert not gaps(r)


def test_a_towns_bodies_are_the_towns_and_its_countys_the_countys(tmp_path):
    r = clause_plan(tmp_path, "薛城区白沙镇“十四五”残疾人事业发展规划\n",
                    "（镇民政办牵头，区民政局、白沙镇人民政府、镇财政所配合）")
    assert roles(r.tasks()[0]) == [("lead", "镇民政办", "白沙镇"), ("support", "区民政局", "薛城区"),
                                   ("support", "镇人民政府", "白沙镇"), ("support", "镇财政所", "白沙镇")]
    assert not r.warnings


@pytest.mark.parametrize("head", [
    # the town's title alone, its government's signature printing the county before it
    "白沙镇人民政府关于印发《白沙镇“十四五”残疾人事业发展规划》的通知\n各村（居）民委员会，镇直各单位：\n"
    "现将《白沙镇“十四五”残疾人事业发展规划》印发给你们，请认真贯彻执行。\n薛城区白沙镇人民政府\n2022年3月1日\n"
    "白沙镇“十四五”残疾人事业发展规划\n",
    # a subdistrict's 办事处 signs
    "薛城区白沙街道办事处\n2022年3月1日\n白沙街道“十四五”残疾人事业发展规划\n",
])
def test_a_towns_plan_titled_by_the_town_alone_takes_its_county_from_the_signature(tmp_path, head):
    r = clause_plan(tmp_path, head, "（镇民政办牵头）")
    assert chain(r)[:3] == ["山东省", "枣庄市", "薛城区"] and chain(r)[3] in ("白沙镇", "白沙街道")
    assert r.issuer.label.startswith("薛城区白沙") and r.issuer.region is r.region
    assert not gaps(r)


def test_a_towns_plan_naming_no_county_is_the_towns_and_said(tmp_path):
    """白沙镇“十四五”…规划 under 白沙镇人民政府: no region was read (said), the issuer not read either."""
    r = clause_plan(tmp_path, "白沙镇“十四五”残疾人事业发展规划\n白沙镇人民政府\n", "（镇民政办牵头）")
    assert chain(r) == ["白沙镇"] and r.issuer.label == "白沙镇人民政府"
    assert gaps(r) == ["白沙镇 is a town-level division (镇, 乡, 街道, 苏木) whose county the text never prints "
                       "before its name: the region's chain stops at 白沙镇"]


@pytest.mark.parametrize("title", ["青山县城乡无障碍建设“十四五”规划", "青山县特色小镇建设“十四五”规划",
                                   "青山县美丽乡村建设“十四五”规划", "青山县乡镇残疾人服务“十四五”规划",
                                   "广州市新型城镇化“十四五”规划", "新乡市乡村振兴“十四五”规划"])
def test_words_ending_in_a_towns_level_word_name_no_town(tmp_path, title):
    r = clause_plan(tmp_path, title + "\n", "（县民政局牵头）")
    assert r.region.level not in ("town", "township", "subdistrict")
    assert not gaps(r)


def test_a_town_name_followed_by_other_words_than_a_titles_is_said(tmp_path):
    """青山县白沙镇养老服务规划: a town's name, or words so ending?  Not told by its words: said; told by
    its issuer, 青山县白沙镇人民政府, it is the town's."""
    r = clause_plan(tmp_path, "薛城区白沙镇养老服务发展规划\n", "（区民政局牵头）")
    assert chain(r)[-1] == "薛城区"
    assert gaps(r) == ["the title prints 白沙镇 after 薛城区: a town's name (镇, 乡, 街道, 苏木) or words so "
                       "ending, not told; the plan's region is read as 薛城区's"]
    r = clause_plan(tmp_path, "薛城区白沙镇养老服务发展规划\n薛城区白沙镇人民政府\n", "（区民政局牵头）")
    assert chain(r)[-1] == "白沙镇" and not gaps(r)
