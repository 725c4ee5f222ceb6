"""Plans of other issuing levels than a county's or a city's government: a town's or a subdistrict's
(青山县白沙镇, 薛城区常庄街道办事处), a development zone's, a plan forwarded by another body's notice
(转发), a plan issued jointly.  Each is read as the plan of the division or body that issues it, or
said: never silently the county's, nor an issuer beside another document's number."""
from __future__ import annotations

import pytest

from policykg.loaders.plan import load_plan
from tests.loaders.handmade import clause_plan, roles, text_plan


def chain(record) -> list[str]:
    return [r.name for r in record.region.chain()] if record.region else []


def gaps(record, kind: str = "metadata") -> list[str]:
    return [g.message for g in record.warnings if g.kind == kind]


def preamble(title: str) -> str:
    """A town's plan's preamble, speaking as the town's (全镇, 全街道)."""
    word = next(w for w in ("街道", "苏木", "镇", "乡") if w in title)
    return f"为推动全{word}残疾人事业高质量发展，制定本规划。\n"


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
    was left off.  A town-level division (镇, 乡, 街道, 苏木) is a region below its county, where its plan
    speaks as the town's (全镇, as a county's says 全县)."""
    r = clause_plan(tmp_path, title + "\n" + preamble(title), "（镇民政办牵头，区残联、镇财政所配合）")
    assert chain(r) == want
    assert r.region.level in ("town", "township", "subdistrict")
    assert not gaps(r)


def test_a_towns_bodies_are_the_towns_and_its_countys_the_countys(tmp_path):
    r = clause_plan(tmp_path, "薛城区白沙镇“十四五”残疾人事业发展规划\n",
                    "（镇民政办牵头，区民政局、白沙镇人民政府、镇财政所配合）")  # (白沙镇人民政府: it speaks as the town's)
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


def test_a_title_ending_a_word_as_a_towns_name_in_a_plan_speaking_as_the_countys_is_no_towns(tmp_path):
    """薛城区科技下乡“十四五”规划, its text saying 全区, never 全乡: 科技下乡 is no town."""
    r = clause_plan(tmp_path, "薛城区科技下乡“十四五”规划\n为推动全区科技下乡工作，制定本规划。\n", "（区科技局牵头）")
    assert chain(r)[-1] == "薛城区" and not gaps(r)


def test_a_town_name_followed_by_other_words_than_a_titles_is_said(tmp_path):
    """青山县白沙镇养老服务规划: a town's name, or words so ending?  Not told by its words: said; told by
    its issuer, 青山县白沙镇人民政府, it is the town's."""
    r = clause_plan(tmp_path, "薛城区白沙镇养老服务发展规划\n", "（区民政局牵头）")
    assert chain(r)[-1] == "薛城区"
    assert gaps(r) == ["the title prints 白沙镇 after 薛城区: a town's name (镇, 乡, 街道, 苏木) or words so "
                       "ending, not told; the plan's region is read as 薛城区's"]
    r = clause_plan(tmp_path, "薛城区白沙镇养老服务发展规划\n薛城区白沙镇人民政府\n", "（区民政局牵头）")
    assert chain(r)[-1] == "白沙镇" and not gaps(r)


@pytest.mark.parametrize("title, want", [
    ("宜昌高新区“十四五”残疾人事业发展规划", ["湖北省", "宜昌市", "宜昌高新区"]),
    ("宜昌市宜昌高新区“十四五”残疾人事业发展规划", ["湖北省", "宜昌市", "宜昌高新区"]),
    ("长沙经济技术开发区“十四五”残疾人事业发展规划", ["湖南省", "长沙市", "长沙经济技术开发区"]),
    ("湖南湘江新区“十四五”残疾人事业发展规划", ["湖南省", "湖南湘江新区"]),
    ("薛城区经济开发区“十四五”残疾人事业发展规划", ["山东省", "枣庄市", "薛城区", "薛城区经济开发区"]),
])
def test_a_zones_plan_is_the_zones_in_the_division_its_name_opens_with(tmp_path, title, want):
    """宜昌高新区's plan was read as a district 宜昌高新区 standing under nothing, silently, and
    薛城区经济开发区's as 薛城区's.  A zone (开发区, 高新区, 新区, 园区) is no division: the plan's region is
    the zone, level zone, under the division printed before it or the one its name opens with."""
    r = clause_plan(tmp_path, title + "\n", "（社会事务局牵头）")
    assert chain(r) == want and r.region.level == "zone"
    assert not gaps(r)


def test_a_zone_standing_in_no_division_its_text_names_is_said(tmp_path):
    r = clause_plan(tmp_path, "雄安新区“十四五”残疾人事业发展规划\n", "（新区公共服务局牵头）")
    assert chain(r) == ["雄安新区"]
    assert gaps(r) == ["雄安新区 is a zone (开发区, 高新区, 新区, 园区), no administrative division, and the division it "
                       "stands in is printed nowhere before its name: the region's chain stops at 雄安新区"]


@pytest.mark.parametrize("title, want", [("苏州工业园区“十四五”残疾人事业发展规划", ["江苏省", "苏州市", "苏州工业园区"]),
                                         ("下花园区“十四五”残疾人事业发展规划", ["河北省", "张家口市", "下花园区"])])
def test_a_division_whose_name_ends_as_a_common_noun_is_read_by_its_name_alone(tmp_path, title, want):
    """苏州工业园区 and 下花园区, divisions the county gazetteer holds, end as 园区 does: no region was read."""
    r = clause_plan(tmp_path, title + "\n", "（区残联牵头）")
    assert chain(r) == want and not gaps(r)


@pytest.mark.parametrize("head", [
    "宜昌高新区“十四五”残疾人事业发展规划\n宜昌高新区管委会\n",  # under the title, as its cover prints it
    "宜昌高新区“十四五”残疾人事业发展规划\n宜昌高新区管委会\n2022年3月1日\n",  # its signature, dated
    "宜昌高新区管委会关于印发《宜昌高新区“十四五”残疾人事业发展规划》的通知\n宜高管发〔2022〕3号\n"
    "现将《宜昌高新区“十四五”残疾人事业发展规划》印发给你们。\n中共宜昌高新区工委　宜昌高新区管委会\n2022年3月1日\n"
    "宜昌高新区“十四五”残疾人事业发展规划\n",
])
def test_a_zones_管委会_is_its_issuer(tmp_path, head):
    """宜昌高新区管委会, under the title, signing with a date, or opening its notice's title, was no issuer:
    a zone's 管委会 (管理委员会) governs it."""
    r = clause_plan(tmp_path, head, "（社会事务局牵头）")
    assert r.issuer is not None and r.issuer.label == "宜昌高新区管委会" and r.issuer.region is r.region


def test_a_zones_管委会_signing_after_the_text_is_its_issuer(tmp_path):
    r = text_plan(tmp_path, "青山县经济开发区“十四五”残疾人事业发展规划\n一、主要任务\n1.加强康复。实施康复服务。（社会事务局负责）\n"
                            "二、保障措施\n加强组织领导。\n青山县经济开发区管理委员会\n2022年3月1日\n")
    assert r.issuer.label == "青山县经济开发区管理委员会" and r.issued.isoformat() == "2022-03-01"
    assert r.region.name == "青山县经济开发区" and r.region.parent.name == "青山县"


FORWARDER = ("青山县人民政府办公室转发县残联关于青山县“十四五”残疾人事业发展规划的通知\n{number}"
             "各乡镇人民政府，县直各单位：\n县残联《青山县“十四五”残疾人事业发展规划》已经县人民政府同意，现转发给你们，请认真贯彻执行。\n"
             "青山县人民政府办公室\n2022年3月5日\n")
INNER = ("青山县残疾人联合会关于印发《青山县“十四五”残疾人事业发展规划》的通知\n青残联发〔2022〕2号\n"
         "现将《青山县“十四五”残疾人事业发展规划》印发给你们。\n青山县残疾人联合会\n2022年2月20日\n")
TITLE = "青山县“十四五”残疾人事业发展规划\n"


@pytest.mark.parametrize("number", ["", "青政办发〔2022〕5号\n"])
def test_a_plan_forwarded_is_its_own_notices_issuer_number_and_date(tmp_path, number):
    """Under 青山县人民政府办公室转发县残联关于…的通知 and the 残联's own notice, the plan was read as issued
    by the forwarder with the 残联's 文号 (the forwarder printing none) or the forwarder's: the plan is
    the document forwarded, its issuer, 文号 and date its own notice's, printed after the forwarder's."""
    r = clause_plan(tmp_path, FORWARDER.format(number=number) + INNER + TITLE, "（县民政局牵头）")
    assert (r.issuer.label, r.doc_number, r.issued.isoformat()) == ("青山县残疾人联合会", "青残联发〔2022〕2号", "2022-02-20")
    assert not gaps(r)


def test_a_citys_plan_forwarded_by_a_district_is_the_citys(tmp_path):
    """薛城区人民政府办公室关于转发《枣庄市…规划》的通知 over 枣庄市's notice: 薛城区's office was the issuer of
    枣庄市's plan, a body labelled as the city's, with the district's 文号."""
    r = clause_plan(tmp_path, "薛城区人民政府办公室关于转发《枣庄市“十四五”残疾人事业发展规划》的通知\n薛政办发〔2022〕5号\n"
                              "现将《枣庄市“十四五”残疾人事业发展规划》转发给你们，请结合实际认真贯彻落实。\n薛城区人民政府办公室\n"
                              "2022年3月5日\n枣庄市人民政府关于印发《枣庄市“十四五”残疾人事业发展规划》的通知\n枣政发〔2021〕20号\n"
                              "枣庄市人民政府\n2021年12月1日\n枣庄市“十四五”残疾人事业发展规划\n", "（市民政局牵头）")
    assert chain(r) == ["山东省", "枣庄市"]
    assert (r.issuer.label, r.doc_number, r.issued.isoformat()) == ("枣庄市人民政府", "枣政发〔2021〕20号", "2021-12-01")


def test_a_forwarded_plan_whose_own_notice_is_not_printed_is_the_named_bodys_and_said(tmp_path):
    """The forwarder's notice alone: the plan's issuer is the body it names (县残联), its own 文号 and date
    printed nowhere (the forwarder's are not the plan's): said; two bodies named, the first, and said."""
    r = clause_plan(tmp_path, FORWARDER.format(number="青政办发〔2022〕5号\n") + TITLE, "（县民政局牵头）")
    assert (r.issuer.label, r.issuer.region.name, r.doc_number, r.issued) == ("县残疾人联合会", "青山县", "", None)
    assert gaps(r) == ["the plan is printed under a notice forwarding it ('青山县人民政府办公室转发县残联关于青山县“十四五”残疾人事业"
                       "发展规划的通知'), whose issuer, 文号 and date are that notice's: the plan's own 文号 and issue date "
                       "are printed nowhere, so not read"]
    joint = clause_plan(tmp_path, FORWARDER.replace("转发县残联关于", "转发县残联县发展改革委关于").format(number="") + TITLE,
                        "（县民政局牵头）")
    assert joint.issuer.label == "县残疾人联合会"
    assert gaps(joint)[0] == ("the plan is issued jointly by 县残疾人联合会、县发展和改革委员会 (as the notice forwarding it "
                              "says): its issuer is read as 县残疾人联合会, the first printed, the others not kept")


JOINT = "the plan is issued jointly by 薛城区残疾人联合会、薛城区发展和改革局: its issuer is read as 薛城区残疾人联合会, the first printed, the others not kept"


@pytest.mark.parametrize("head", [
    # the notice's title opening with both, its signature printing both on one line
    "薛城区残疾人联合会　薛城区发展和改革局关于印发《薛城区“十四五”残疾人事业发展规划》的通知\n"
    "现将《薛城区“十四五”残疾人事业发展规划》印发给你们。\n薛城区残疾人联合会　薛城区发展和改革局\n2022年2月20日\n"
    "薛城区“十四五”残疾人事业发展规划\n",
    # a signature of two lines, one a body
    "关于印发《薛城区“十四五”残疾人事业发展规划》的通知\n现将《薛城区“十四五”残疾人事业发展规划》印发给你们。\n"
    "薛城区残疾人联合会\n薛城区发展和改革局\n2022年2月20日\n薛城区“十四五”残疾人事业发展规划\n",
    # both under the title
    "薛城区“十四五”残疾人事业发展规划\n薛城区残疾人联合会　薛城区发展和改革局\n",
])
def test_a_plan_issued_jointly_is_its_first_bodys_and_said(tmp_path, head):
    """县残联 and 县发展改革委 issuing jointly (联合印发) were read as one issuer 薛城区残疾人联合会薛城区发展和
    改革局, a body invented from two.  The first printed is the lead (主办) body, the issuer; the others
    are said."""
    r = clause_plan(tmp_path, head, "（区民政局牵头）")
    assert r.issuer.label == "薛城区残疾人联合会"
    assert gaps(r) == [JOINT]


@pytest.mark.parametrize("signature, issuer", [("（盖章）", None), ("薛城区残疾人联合会（盖章）", "薛城区残疾人联合会"),
                                               ("（薛城区人民政府盖章）", "薛城区人民政府")])
def test_a_signature_printing_its_seal_note_signs(tmp_path, signature, issuer):
    """A plan signed after its text with a seal note over the date (（盖章）, 青山县残联（盖章）) read no issue
    date and no issuer: the note is the signature's, the body named in or before it the issuer."""
    r = text_plan(tmp_path, "薛城区“十四五”残疾人事业发展规划\n一、主要任务\n1.加强康复。实施康复服务。（区残联负责）\n"
                            f"二、保障措施\n加强组织领导。\n{signature}\n2022年2月20日\n")
    assert r.issued.isoformat() == "2022-02-20"
    assert (r.issuer.label if r.issuer else None) == issuer


@pytest.mark.parametrize("head", ["“十四五”残疾人事业发展规划（薛城区）\n", "（薛城区）“十四五”残疾人事业发展规划\n",
                                  "《“十四五”残疾人事业发展规划（薛城区）》\n",
                                  "“十四五”残疾人事业发展规划\n（2021—2025年）\n（薛城区）\n"])
def test_a_region_printed_in_brackets_by_the_title_is_the_plans(tmp_path, head):
    """A title naming its region in brackets, as a template's is filled in, read no region (said)."""
    r = clause_plan(tmp_path, head, "（区民政局牵头）")
    assert chain(r) == ["山东省", "枣庄市", "薛城区"] and not gaps(r)


def test_a_bracket_naming_no_region_names_none(tmp_path):
    r = clause_plan(tmp_path, "“十四五”残疾人事业发展规划（修订版）\n", "（区民政局牵头）")
    assert r.region is None and gaps(r) == ["no region found in the title or issuer"]


@pytest.mark.parametrize("title, region", [("薛城区常庄街道“十四五”残疾人事业发展规划", "常庄街道"),
                                           ("薛城经济开发区“十四五”残疾人事业发展规划", "薛城经济开发区")])
def test_a_town_or_zones_plan_prints_its_countys_bodies_by_the_countys_short_name(tmp_path, title, region):
    """薛城公安分局 in 常庄街道's plan was 区薛城公安分局 (in 薛城经济开发区's, 开发区薛城公安分局), a body
    beside 区公安分局; 薛城经济开发区 stood under 山东省 alone, its name's place (薛城: 薛城区) unread."""
    r = clause_plan(tmp_path, title + "\n为推动全街道残疾人事业发展，制定本规划。\n", "（薛城公安分局牵头，县民政局配合）")
    assert chain(r) == ["山东省", "枣庄市", "薛城区", region]
    assert roles(r.tasks()[0])[0] == ("lead", "区公安分局", "薛城区")


def test_a_forwarding_notice_naming_the_body_before_the_documents_guillemets(tmp_path):
    r = clause_plan(tmp_path, "青山县人民政府办公室关于转发县残联《青山县“十四五”残疾人事业发展规划》的通知\n青政办发〔2022〕5号\n"
                              "青山县人民政府办公室\n2022年3月5日\n" + TITLE, "（县民政局牵头）")
    assert (r.issuer.label, r.doc_number, r.issued) == ("县残疾人联合会", "", None)


def test_a_towns_plan_issued_by_its_county_stands_under_it_and_the_issuer_is_the_countys(tmp_path):
    """薛城区人民政府办公室关于印发《白沙镇…规划》的通知: 白沙镇's chain stopped at it (said), and the district's
    office was labelled a body of 白沙镇.  The county issuing its town's plan is the town's county, and
    an issuer is the body of the division its name names."""
    r = clause_plan(tmp_path, "薛城区人民政府办公室关于印发《白沙镇“十四五”残疾人事业发展规划》的通知\n薛政办发〔2022〕9号\n"
                              "薛城区人民政府办公室\n2022年3月1日\n白沙镇“十四五”残疾人事业发展规划\n"
                              "为推动全镇残疾人事业发展，制定本规划。\n", "（镇卫生院负责）")
    assert chain(r) == ["山东省", "枣庄市", "薛城区", "白沙镇"]
    assert (r.issuer.label, r.issuer.region.name) == ("薛城区人民政府办公室", "薛城区")
    assert not gaps(r)


@pytest.mark.parametrize("head, want", [
    # a notice signed by the government named by 政府 alone, and the title's opening naming it so
    ("青山县政府关于印发青山县“十四五”残疾人事业发展规划的通知\n青政发〔2021〕15号\n各乡镇人民政府，县直各部门：\n"
     "现将《青山县“十四五”残疾人事业发展规划》印发给你们，请认真贯彻执行。\n青山县政府\n2021年12月1日\n"
     "青山县“十四五”残疾人事业发展规划\n", ("青山县人民政府", "青山县", "2021-12-01")),
    ("青山县“十四五”残疾人事业发展规划\n青山县政府办公室\n2022年3月1日\n", ("青山县人民政府办公室", "青山县", "2022-03-01")),
    # a town's government so named, its county printed before it in the notice's title
    ("薛城区白沙镇政府关于印发白沙镇“十四五”残疾人事业发展规划的通知\n各村（居）委会：\n"
     "现将《白沙镇“十四五”残疾人事业发展规划》印发给你们，请认真贯彻执行。\n白沙镇政府\n2021年12月1日\n"
     "白沙镇“十四五”残疾人事业发展规划\n为推动全镇残疾人事业发展，制定本规划。\n", ("白沙镇人民政府", "白沙镇", "2021-12-01")),
])
def test_a_government_printed_by_政府_alone_is_the_issuer_named_in_full(tmp_path, head, want):
    """青山县政府 / 白沙镇政府 signing a notice, or opening its title, was read as no issuer (and the date
    under it as no issue date), silently: a region's 政府 is its 人民政府, one body, named in full."""
    r = clause_plan(tmp_path, head, "（县民政局牵头）")
    assert (r.issuer.label, r.issuer.region.name, str(r.issued)) == want


def test_a_towns_county_printed_before_it_is_the_longest_county_name_there(tmp_path):
    """薛城区白沙镇人民政府关于印发… placed 白沙镇 under 城区 (a district of 阳泉市 whose name 薛城区 ends
    with), silently: the county printed before a town's name is the longest county's name ending there."""
    r = clause_plan(tmp_path, "薛城区白沙镇人民政府关于印发白沙镇“十四五”残疾人事业发展规划的通知\n各村（居）委会：\n"
                              "现将《白沙镇“十四五”残疾人事业发展规划》印发给你们，请认真贯彻执行。\n白沙镇人民政府\n"
                              "2021年12月1日\n白沙镇“十四五”残疾人事业发展规划\n为推动全镇残疾人事业发展，制定本规划。\n",
                    "（镇民政办牵头）")
    assert chain(r) == ["山东省", "枣庄市", "薛城区", "白沙镇"]


@pytest.mark.parametrize("title, want, above", [
    ("薛城区常庄街道光明社区“十四五”残疾人事业发展规划", ["山东省", "枣庄市", "薛城区", "常庄街道"], "常庄街道"),
    ("薛城区白沙镇东山村“十四五”残疾人事业发展规划", ["山东省", "枣庄市", "薛城区", "白沙镇"], "白沙镇"),
    ("薛城区白沙镇东山村村民委员会“十四五”残疾人工作规划", ["山东省", "枣庄市", "薛城区", "白沙镇"], "白沙镇"),
    ("薛城区光明社区“十四五”残疾人事业发展规划", ["山东省", "枣庄市", "薛城区"], "薛城区"),
])
def test_a_community_or_villages_plan_is_said_and_read_as_the_division_above_it(tmp_path, title, want, above):
    """…常庄街道光明社区“十四五”… was read as 薛城区's plan (said only as a town not told), and 薛城区光明社区
    “十四五”… as 薛城区's, silently.  A community or village (社区, 村, 居委会) is no division the region
    model holds: the plan is read as the town's its name follows (or the county's), and said."""
    r = clause_plan(tmp_path, title + "\n为推动全社区残疾人事业发展，制定本规划。\n", "（区民政局牵头）")
    assert chain(r) == want
    said = [m for m in gaps(r) if "community or village" in m]
    assert len(said) == 1 and f"read as {above}'s" in said[0]


@pytest.mark.parametrize("title", ["青山县社区康复“十四五”规划", "青山县农村社区“十四五”建设规划", "青山县美丽乡村“十四五”建设规划",
                                   "青山县城乡社区“十四五”服务体系建设规划"])
def test_a_common_noun_of_communities_or_villages_is_no_community(tmp_path, title):
    r = clause_plan(tmp_path, title + "\n为推动全县工作，制定本规划。\n", "（县民政局牵头）")
    assert chain(r)[-1] == "青山县" and not [m for m in gaps(r) if "community or village" in m]


def test_an_unsigned_forward_keeps_the_forwarded_notices_own_number_and_date(tmp_path):
    """A forwarding notice printing no signature (as a web page prints it): the forwarded notice's own
    issuer line, 文号 and date were taken for the forwarder's and dropped, the plan read with no number
    and a gap saying it was printed nowhere (found by review)."""
    path = tmp_path / "plan.txt"
    path.write_text("青山县人民政府办公室转发县残联关于印发青山县“十四五”残疾人事业发展规划的通知\n青政办发〔2022〕5号\n"
                    "各乡镇人民政府，县直各部门：\n县残联《青山县“十四五”残疾人事业发展规划》已经县政府同意，现转发给你们。\n"
                    "青山县残疾人联合会关于印发《青山县“十四五”残疾人事业发展规划》的通知\n青残联发〔2022〕3号\n各乡镇：\n"
                    "现将《青山县“十四五”残疾人事业发展规划》印发给你们，请认真组织实施。\n青山县残疾人联合会\n2022年3月1日\n"
                    "青山县“十四五”残疾人事业发展规划\n一、主要任务\n1.完善低保制度。将残疾人纳入低保。（牵头单位：县民政局）\n",
                    encoding="utf-8")
    r = load_plan(path)
    assert (r.issuer.label, r.doc_number, str(r.issued)) == ("青山县残疾人联合会", "青残联发〔2022〕3号", "2022-03-01")
    assert [g for g in r.warnings if g.kind == "metadata"] == []


def test_a_seal_note_set_apart_from_its_signer_is_no_co_issuer(tmp_path):
    """青山县民政局 （盖章）: the seal note, set apart by a space, was a second, empty issuer (a gap
    'issued jointly by 青山县民政局、'; found by review)."""
    path = tmp_path / "plan.txt"
    path.write_text("青山县民政局关于印发《青山县“十四五”民政事业发展规划》的通知\n各乡镇：\n现印发给你们。\n青山县民政局 （盖章）\n"
                    "2022年3月1日\n青山县“十四五”民政事业发展规划\n一、主要任务\n1.完善低保制度。将残疾人纳入低保。（牵头单位：县民政局）\n",
                    encoding="utf-8")
    r = load_plan(path)
    assert (r.issuer.label, str(r.issued)) == ("青山县民政局", "2022-03-01")
    assert [g for g in r.warnings if g.kind == "metadata"] == []
