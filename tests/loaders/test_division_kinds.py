"""Plans of divisions other than a province's ordinary county or district: autonomous counties,
prefectures and banners (printed by their place alone: 长阳县, 黔东南州), 特区 and 林区, a 地区 governed
by its 行署, a municipality's district printing its city before its name, a province listing its
prefectures.  Each body is its division's, labelled with the level word its division prints, never
a region invented from a level word (自治县) nor a prefix put before another (区特区民政局)."""
from __future__ import annotations

from pathlib import Path

from policykg.loaders.plan import load_plan
from tests.loaders.handmade import clause_plan, roles


def plan(tmp_path: Path, title: str, *clauses: str):
    """A plan titled `title` whose task N prints clause N after its text (line 3 + N)."""
    return clause_plan(tmp_path, title + "\n", *clauses)


def chain(record) -> list[str]:
    return [r.name for r in record.region.chain()]


def test_an_autonomous_countys_bodies_print_自治县_or_its_short_name(tmp_path):
    """自治县民政局 was a body of a region named 自治县 below the county (one body with 县民政局 under
    two nodes), 长阳县残联 a body of a region 长阳县."""
    r = plan(tmp_path, "长阳土家族自治县残疾人事业发展“十四五”规划",
             "（自治县民政局牵头，长阳县残联、自治县人民政府配合）", "（县民政局负责）")
    assert chain(r) == ["湖北省", "宜昌市", "长阳土家族自治县"]
    assert roles(r.tasks()[0]) == [("lead", "县民政局", "长阳土家族自治县"), ("support", "县残疾人联合会", "长阳土家族自治县"),
                                   ("support", "县人民政府", "长阳土家族自治县")]
    one, other = (t.responsibilities[0].unit for t in r.tasks())  # one body: one region, one key
    assert (one.region, one.key, one.label) == (other.region, other.key, other.label)
    assert not r.warnings


def test_a_plan_titled_with_an_autonomous_divisions_short_name(tmp_path):
    """黔东南州 is 黔东南苗族侗族自治州 (no region was read from the title, nor an issuer from
    黔东南州人民政府办公室); 长阳县 is 长阳土家族自治县, the gazetteer's division with its code."""
    path = tmp_path / "plan.txt"
    path.write_text("黔东南州残疾人事业发展“十四五”规划\n黔东南州人民政府办公室\n2022年1月25日\n一、主要任务\n"
                    "1.加强残疾人保障。落实补贴。（黔东南州民政局牵头，自治州财政局、州残联配合）\n二、保障措施\n加强领导。\n",
                    encoding="utf-8")
    r = load_plan(path)
    assert chain(r) == ["贵州省", "黔东南苗族侗族自治州"] and r.issuer.label == "黔东南州人民政府办公室"
    assert roles(r.tasks()[0]) == [("lead", "州民政局", "黔东南苗族侗族自治州"), ("support", "州财政局", "黔东南苗族侗族自治州"),
                                   ("support", "州残疾人联合会", "黔东南苗族侗族自治州")]
    county = plan(tmp_path, "长阳县残疾人事业发展“十四五”规划", "（县民政局负责）")
    assert chain(county) == ["湖北省", "宜昌市", "长阳土家族自治县"] and county.region.code


def test_a_special_or_forestry_districts_bodies_print_its_kind(tmp_path):
    """特区民政局 in 六枝特区's plan was 区特区民政局, a name printed without a level 区财政局; 林区残联 in
    神农架林区's 区林区残联, and 神农架国家公园管理局, named after the place, 区神农架….  A district whose
    name merely ends so (碑林区) prints 区."""
    r = plan(tmp_path, "六枝特区“十四五”残疾人事业发展规划", "（特区民政局牵头，财政局、特区残联配合）")
    assert roles(r.tasks()[0]) == [("lead", "特区民政局", "六枝特区"), ("support", "特区财政局", "六枝特区"),
                                   ("support", "特区残疾人联合会", "六枝特区")]
    r = plan(tmp_path, "神农架林区残疾人事业发展“十四五”规划", "（林区残联牵头，神农架国家公园管理局配合）")
    assert chain(r) == ["湖北省", "神农架林区"]
    assert roles(r.tasks()[0]) == [("lead", "林区残疾人联合会", "神农架林区"), ("support", "神农架国家公园管理局", "神农架林区")]
    r = plan(tmp_path, "西安市碑林区残疾人事业发展“十四五”规划", "（区民政局牵头，财政局配合）")
    assert roles(r.tasks()[0]) == [("lead", "区民政局", "碑林区"), ("support", "区财政局", "碑林区")]


def test_a_special_districts_body_in_its_citys_plan_is_a_gap(tmp_path):
    """特区民政局 in 六盘水市's plan was 市特区民政局, the city's: which 特区, the plan does not say."""
    r = plan(tmp_path, "六盘水市残疾人事业发展“十四五”规划", "（市民政局牵头，特区民政局配合）")
    assert roles(r.tasks()[0]) == [("lead", "市民政局", "六盘水市")]
    assert [(w.line, w.kind) for w in r.warnings] == [(3, "unit-name")] and "特区民政局" in r.warnings[0].message


def test_a_banners_plan_names_its_league_region_and_grassroots(tmp_path):
    """内蒙古自治区残联 was labelled 区残疾人联合会; 苏木镇卫生院 and 嘎查村委会 took the banner's prefix
    (旗苏木镇卫生院); 鄂前旗民政局, the banner's name abbreviated, was a body of a region 鄂前旗 below it.
    A neighbouring banner printed in full (鄂托克旗) stays its own."""
    r = plan(tmp_path, "鄂托克前旗残疾人事业发展“十四五”规划",
             "（鄂前旗民政局牵头，旗残联、内蒙古自治区残联、鄂尔多斯市残联配合）", "（苏木镇卫生院牵头，嘎查村委会配合）",
             "（旗民政局牵头，鄂托克旗民政局配合）")
    assert [roles(t) for t in r.tasks()] == [
        [("lead", "旗民政局", "鄂托克前旗"), ("support", "旗残疾人联合会", "鄂托克前旗"),
         ("support", "自治区残疾人联合会", "内蒙古自治区"), ("support", "市残疾人联合会", "鄂尔多斯市")],
        [("lead", "苏木镇卫生院", "鄂托克前旗"), ("support", "嘎查村委会", "鄂托克前旗")],
        [("lead", "旗民政局", "鄂托克前旗"), ("support", "鄂托克旗民政局", "鄂托克旗")]]


def test_another_banner_printed_by_its_abbreviation_is_that_banners(tmp_path):
    """莫旗残联 (莫力达瓦达斡尔族自治旗's 残联, printed by its abbreviation) in 鄂托克前旗's plan was the
    plan's 旗莫旗残联; 达茂旗民政局 a body of a region 达茂旗 invented below the plan's banner, and
    鄂托克旗, a neighbour printed in full, was placed below it too.  Each is its own division's,
    under the division it stands under."""
    r = plan(tmp_path, "鄂托克前旗残疾人事业发展“十四五”规划", "（莫旗残联牵头，旗民政局配合）",
             "（旗残联牵头，达茂旗民政局、鄂托克旗残联、鄂前旗民政局配合）", "（苏区振兴办牵头）")
    assert [roles(t) for t in r.tasks()] == [
        [("lead", "莫旗残疾人联合会", "莫力达瓦达斡尔族自治旗"), ("support", "旗民政局", "鄂托克前旗")],
        [("lead", "旗残疾人联合会", "鄂托克前旗"), ("support", "达茂旗民政局", "达尔罕茂明安联合旗"),
         ("support", "鄂托克旗残疾人联合会", "鄂托克旗"), ("support", "旗民政局", "鄂托克前旗")],
        [("lead", "旗苏区振兴办", "鄂托克前旗")]]  # 苏区 is a word, no district's abbreviation
    units = [x.unit for t in r.tasks() for x in t.responsibilities]
    assert chain(units[0]) == ["内蒙古自治区", "呼伦贝尔市", "莫力达瓦达斡尔族自治旗"]
    assert chain(units[3]) == ["内蒙古自治区", "包头市", "达尔罕茂明安联合旗"]
    assert chain(units[4]) == ["内蒙古自治区", "鄂尔多斯市", "鄂托克旗"]
    assert "莫旗残联" in units[0].alt_labels and not r.warnings


def test_a_municipalitys_district_printed_after_its_city_is_the_districts(tmp_path):
    """北京市朝阳区温馨家园管理中心 in 朝阳区's plan was 北京市's 市朝阳区温馨家园管理中心, 重庆市万州区税务局
    重庆市's 市万州区税务局."""
    r = plan(tmp_path, "北京市朝阳区“十四五”时期残疾人事业发展规划",
             "（区残联牵头，北京市朝阳区温馨家园管理中心、北京市残联配合）")
    assert roles(r.tasks()[0]) == [("lead", "区残疾人联合会", "朝阳区"), ("support", "区温馨家园管理中心", "朝阳区"),
                                   ("support", "市残疾人联合会", "北京市")]
    r = plan(tmp_path, "重庆市万州区残疾人事业发展“十四五”规划", "（区医保局牵头，重庆市万州区税务局配合）")
    assert roles(r.tasks()[0]) == [("lead", "区医疗保障局", "万州区"), ("support", "区税务局", "万州区")]


def test_a_prefectures_administrative_office_prints_行署(tmp_path):
    """行署残工委办公室 in 阿里地区's plan was labelled 地区行署残工委办公室."""
    r = plan(tmp_path, "阿里地区“十四五”残疾人事业发展规划", "（行署残工委办公室牵头，地区残联配合）")
    assert roles(r.tasks()[0]) == [("lead", "行署残工委办公室", "阿里地区"), ("support", "地区残疾人联合会", "阿里地区")]


def test_a_provinces_collective_of_its_prefectures_is_one(tmp_path):
    """各市、州、直管市 was 各市 and a region body 直管市, and 州 a gap."""
    r = plan(tmp_path, "湖北省残疾人事业发展“十四五”规划", "（省残联牵头，各市、州、直管市、神农架林区人民政府配合）")
    assert roles(r.tasks()[0]) == [("lead", "省残疾人联合会", "湖北省"), ("support", "各市、州、直管市", "湖北省"),
                                   ("support", "神农架林区", "神农架林区")]
    assert not r.warnings


def test_a_notice_title_wrapped_under_its_issuers_name_names_the_issuer(tmp_path):
    """长阳土家族自治县人民政府 / 关于印发…的通知, its long name wrapping the notice's title, signed with a
    date alone: no issuer was read."""
    path = tmp_path / "plan.txt"
    path.write_text("长阳土家族自治县人民政府\n关于印发长阳土家族自治县残疾人事业发展“十四五”规划的通知\n"
                    "各乡镇人民政府，县政府各部门：\n现将《长阳土家族自治县残疾人事业发展“十四五”规划》印发给你们，请认真贯彻执行。\n"
                    "2022年4月6日\n长阳土家族自治县残疾人事业发展“十四五”规划\n一、主要任务\n"
                    "1.加强残疾人保障。落实补贴。（县民政局负责）\n二、保障措施\n加强领导。\n", encoding="utf-8")
    r = load_plan(path)
    assert r.issuer.label == "长阳土家族自治县人民政府" and str(r.issued) == "2022-04-06"


def test_a_short_form_under_another_parent_is_no_autonomous_division(tmp_path):
    """北川县 is how 北川羌族自治县 (绵阳市's) is printed, but a 北川县 printed under 莆田市 is not
    it: it was read as 北川羌族自治县 under 莆田市, its code and name another division's."""
    elsewhere = plan(tmp_path, "福建省莆田市北川县残疾人事业发展“十四五”规划", "（县民政局牵头）")
    assert chain(elsewhere) == ["福建省", "莆田市", "北川县"]
    assert elsewhere.region.code == ""
    own = plan(tmp_path, "四川省绵阳市北川县残疾人事业发展“十四五”规划", "（县民政局牵头）")
    assert chain(own) == ["四川省", "绵阳市", "北川羌族自治县"]
    assert own.region.code.startswith("5107")


def test_a_zone_named_after_its_place_keeps_its_name(tmp_path):
    """阿拉善高新技术产业开发区管委会 in 阿拉善盟's plan was 盟高新技术产业开发区管委会 (its place's name
    taken for the league's prefix), 长沙经开区管委会 in 长沙县's a body of a region 长沙经开区 invented
    below the county.  A zone named after its place keeps its name, the plan's region's body."""
    league = plan(tmp_path, "阿拉善盟残疾人事业发展“十四五”规划", "（阿拉善高新技术产业开发区管委会牵头，盟民政局配合）")
    assert roles(league.tasks()[0]) == [("lead", "阿拉善高新技术产业开发区管委会", "阿拉善盟"),
                                        ("support", "盟民政局", "阿拉善盟")]
    county = plan(tmp_path, "长沙县残疾人事业发展“十四五”规划", "（长沙经开区管委会牵头，县民政局配合）")
    assert roles(county.tasks()[0]) == [("lead", "长沙经开区管委会", "长沙县"), ("support", "县民政局", "长沙县")]
    assert county.tasks()[0].responsibilities[0].unit.dept_type == "development-zone"
    assert not league.warnings and not county.warnings


def test_a_zone_named_after_a_place_of_its_own_keeps_its_name(tmp_path):
    """孪井滩生态移民示范区管委会 in 阿拉善盟's plan was 盟孪井滩生态移民示范区管委会, 三湾改编景区管委会 in
    永新县's 县三湾改编景区管委会 (a place's name no division's, taken for one printing no prefix), and
    井冈山风景名胜区管理局 a body of a region 井冈山风景名胜区 invented below the county.  A zone named
    after its place keeps its name, the plan's region's body; one its kind names alone
    (自由贸易试验区管委会, 景区管委会) is the plan's, its prefix restored."""
    league = plan(tmp_path, "阿拉善盟残疾人事业发展“十四五”规划", "（孪井滩生态移民示范区管委会牵头，盟民政局配合）")
    assert roles(league.tasks()[0]) == [("lead", "孪井滩生态移民示范区管委会", "阿拉善盟"), ("support", "盟民政局", "阿拉善盟")]
    assert league.tasks()[0].responsibilities[0].unit.dept_type == "development-zone"
    county = plan(tmp_path, "永新县残疾人事业发展“十四五”规划", "（三湾改编景区管委会牵头，井冈山风景名胜区管理局配合）",
                  "（自由贸易试验区管委会牵头，景区管委会、武功山旅游度假区管委会配合）")
    assert [roles(t) for t in county.tasks()] == [
        [("lead", "三湾改编景区管委会", "永新县"), ("support", "井冈山风景名胜区管理局", "永新县")],
        [("lead", "县自由贸易试验区管委会", "永新县"), ("support", "县景区管委会", "永新县"),
         ("support", "武功山旅游度假区管委会", "永新县")]]
    assert not league.warnings and not county.warnings
