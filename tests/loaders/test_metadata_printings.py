"""How real plans print their heads: the title, region, issuer, dates, 文号, period and draft
status are read as an analyst reads them, or left a gap; never a wrong region, issuer, date or
title."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan
from tests.loaders.handmade import chain
from policykg.loaders.regions import split_region_names

BODY = """一、主要任务
（一）保障基本生活
1.完善低保制度。将符合条件的残疾人家庭纳入低保。（县民政局负责）
2.落实两项补贴。按时足额发放。（县残联、县财政局负责）
"""


def plan(tmp_path: Path, head: str, body: str = BODY):
    path = tmp_path / "plan.txt"
    path.write_text(head.strip("\n") + "\n" + body, encoding="utf-8")
    return load_plan(path)


# --- the region: only what names a division ----------------------------------------------------

@pytest.mark.parametrize("title, names", [
    ("青山县社区康复服务“十四五”规划", ["青山县"]),
    ("青山县城市无障碍环境建设“十四五”规划", ["青山县"]),
    ("青山县农村地区残疾人康复服务规划", ["青山县"]),
    ("青山县城区残疾人托养服务规划", ["青山县"]),
    ("包头市社区康复服务“十四五”规划", ["包头市"]),
    ("包头市青山区“十四五”残疾人事业发展规划", ["包头市", "青山区"]),
    ("内蒙古自治区包头市青山区“十四五”规划", ["内蒙古自治区", "包头市", "青山区"]),
    ("北京市朝阳区“十四五”残疾人事业发展规划", ["北京市", "朝阳区"]),
    ("上海市浦东新区“十四五”残疾人事业发展规划", ["上海市", "浦东新区"]),
    ("阳泉市矿区“十四五”残疾人事业发展规划", ["阳泉市", "矿区"]),
    ("新疆维吾尔自治区伊犁哈萨克自治州伊宁市“十四五”规划", ["新疆维吾尔自治区", "伊犁哈萨克自治州", "伊宁市"]),
    ("中共青山县委", []),
])
def test_region_names_stop_at_what_is_no_division(title, names):
    # a county-level name ends the chain (the gazetteer holds every division above it); a common
    # noun (社区, 城市) or a 地区 the gazetteer does not hold is no division
    assert split_region_names(title) == names


def test_a_county_plan_on_community_services_is_the_countys(tmp_path):
    r = plan(tmp_path, "青山县社区康复服务“十四五”规划\n")
    assert chain(r) == ["青山县"]
    assert {u.region.name for t in r.tasks() for u in t.units("lead")} == {"青山县"}


@pytest.mark.parametrize("title, names", [
    ("云山市青溪区“十四五”残疾人保障和发展规划", ["云山市", "青溪区"]),  # a city the gazetteer lacks
    ("连州市城区残疾人托养服务规划", ["连州市"]),
    ("连州市社区康复服务规划", ["连州市"]),
])
def test_a_city_the_gazetteer_lacks_may_hold_districts(title, names):
    assert split_region_names(title) == names


# --- the issuer: a region's government or body, never two bodies read as one --------------------

NOTICE = ("{issuer}关于印发《{title}》的通知\n各乡镇人民政府，县直各部门：\n现将《{title}》印发给你们，请认真贯彻执行。\n"
          "{signature}\n2021年12月1日\n")


@pytest.mark.parametrize("issuer, signature, expected", [
    ("青山县人民政府", "青山县人民政府", "青山县人民政府"),
    ("青山县人民政府办公室", "青山县人民政府办公室", "青山县人民政府办公室"),
    ("中共青山县委 青山县人民政府", "中共青山县委　　青山县人民政府", "青山县人民政府"),
    ("中共青山县委 青山县人民政府", "中共青山县委\n青山县人民政府", "青山县人民政府"),
])
def test_issuer(tmp_path, issuer, signature, expected):
    r = plan(tmp_path, NOTICE.format(issuer=issuer, signature=signature, title="青山县“十四五”残疾人事业发展规划"))
    assert r.issuer.label == expected
    assert chain(r) == ["青山县"]


def test_a_joint_issue_of_a_plan_for_the_whole_county_is_the_countys(tmp_path):
    # before: the issuer 中共青山县委青山县人民政府 gave the plan a region 委青山县 under 中共青山县
    r = plan(tmp_path, NOTICE.format(issuer="中共青山县委 青山县人民政府", signature="中共青山县委\n青山县人民政府",
                                     title="全县“十四五”残疾人事业发展规划"))
    assert r.issuer.label == "青山县人民政府"
    assert chain(r) == ["青山县"]


@pytest.mark.parametrize("issuer", ["青山县残疾人联合会", "青山县残疾人工作委员会"])
def test_a_body_of_the_region_issues(tmp_path, issuer):
    r = plan(tmp_path, NOTICE.format(issuer=issuer, signature=issuer, title="全县“十四五”残疾人事业发展规划"))
    assert r.issuer.label == issuer
    assert chain(r) == ["青山县"]


# --- a web page's head --------------------------------------------------------------------------

TITLE = "青山县“十四五”残疾人事业发展规划"


def test_a_source_line_above_the_title_is_no_part_of_it(tmp_path):
    # before: the title read 来源：包头市人民政府　发布时间：2022年1月5日青山县“十四五”… and the plan had no region
    r = plan(tmp_path, f"来源：青山县人民政府　发布时间：2022年1月5日\n{TITLE}\n")
    assert r.title == TITLE
    assert chain(r) == ["青山县"]
    assert str(r.published) == "2022-01-05"


def test_a_government_sites_metadata_table(tmp_path):
    # before: 成文日期 was read as the publication date, 发文字号 not at all, and the title began 发文字号：…
    head = ("索引号：11150200/2021-00012\n发文机关：青山县人民政府\n成文日期：2021年12月01日\n"
            "发文字号：青政发〔2021〕12号\n发布日期：2021年12月05日\n" + TITLE + "\n")
    r = plan(tmp_path, head)
    assert r.title == TITLE
    assert (str(r.issued), str(r.published), r.doc_number) == ("2021-12-01", "2021-12-05", "青政发〔2021〕12号")


def test_the_date_under_a_bodys_signature_is_the_issue_date(tmp_path):
    # before: 2021年12月1日 joined the line 青山县残疾人联合会 above it and no issue date was read
    r = plan(tmp_path, NOTICE.format(issuer="青山县残疾人联合会", signature="青山县残疾人联合会", title=TITLE))
    assert str(r.issued) == "2021-12-01"


# --- the issue date, however the signature prints it ---------------------------------------------

@pytest.mark.parametrize("signature, issued", [
    ("青山县人民政府\n2021年12月1日", "2021-12-01"),
    ("青山县人民政府\n二〇二一年十二月一日", "2021-12-01"),
    ("青山县人民政府\n二○二一年十二月三十一日", "2021-12-31"),
    ("青山县人民政府\n2021-12-01", "2021-12-01"),
    ("青山县人民政府　　2021年12月1日", "2021-12-01"),
])
def test_issue_date(tmp_path, signature, issued):
    # before: a date in Chinese numerals, an ISO date or a date beside the signature was not read
    # (and the lines under the last two joined it)
    head = (f"青山县人民政府关于印发《{TITLE}》的通知\n各乡镇人民政府：\n现将《{TITLE}》印发给你们，请认真贯彻执行。\n"
            f"{signature}\n（此件公开发布）\n{TITLE}\n")
    r = plan(tmp_path, head)
    assert (str(r.issued), r.issuer.label, r.title) == (issued, "青山县人民政府", TITLE)


def test_signed_date_reads_no_impossible_date():
    from policykg.loaders.metadata import signed_date
    assert signed_date("二〇二一年十三月一日") is None
    assert signed_date("二〇二一年二月三十日") is None


# --- the period ----------------------------------------------------------------------------------

@pytest.mark.parametrize("head", [
    "青山县残疾人事业发展第十四个五年规划\n",
    "青山县残疾人事业发展规划\n（2021—2025年）\n",
    "青山县残疾人事业发展规划\n2021年—2025年\n",
    "青山县残疾人事业发展规划（2021年-2025年）\n",
])
def test_period(tmp_path, head):
    # before: none of these had a period (a plan's targets then have no default year)
    assert plan(tmp_path, head).period == (2021, 2025)


# --- the title -----------------------------------------------------------------------------------

def test_a_title_line_in_guillemets(tmp_path):
    # before: the title kept its 《》 and the plan had no region
    r = plan(tmp_path, "《青山县“十四五”残疾人保障和发展规划（2021-2025年）》\n")
    assert r.title == "青山县“十四五”残疾人保障和发展规划（2021-2025年）"
    assert chain(r) == ["青山县"]


def test_a_notice_printing_the_plans_title_without_guillemets(tmp_path):
    # before: no title (a gap)
    r = plan(tmp_path, f"青山县人民政府关于印发{TITLE}的通知\n各乡镇人民政府：\n现将{TITLE}印发给你们，请认真贯彻执行。\n"
                       "青山县人民政府\n2021年12月1日\n")
    assert r.title == TITLE


@pytest.mark.parametrize("head", [
    "“十四五”残疾人事业发展规划\n（2021—2025年）\n青山县残疾人联合会\n",
    "“十四五”残疾人事业发展规划\n青山县残疾人联合会\n2021年12月\n",
    "“十四五”残疾人事业发展规划\n青 山 县 残 疾 人 联 合 会\n",
], ids=["after-years", "with-month", "letter-spaced"])
def test_the_issuer_printed_under_a_title_that_names_no_region(tmp_path, head):
    # a department's plan printed without a covering notice: its cover names the issuer under the
    # title.  No region was read (a metadata gap), so no unit of the plan had a region either
    r = plan(tmp_path, head)
    assert (r.title, r.issuer.label if r.issuer else None) == ("“十四五”残疾人事业发展规划", "青山县残疾人联合会")
    assert r.region.name == "青山县"
    assert [w for w in r.warnings if w.kind == "metadata"] == []
    assert [u.label for t in r.tasks() for u in t.units("lead")] == ["县民政局", "县残疾人联合会", "县财政局"]


def test_a_unit_named_under_a_title_in_a_sentence_is_no_issuer(tmp_path):
    r = plan(tmp_path, "“十四五”残疾人事业发展规划\n为贯彻落实青山县残疾人联合会的部署，制定本规划。\n")
    assert r.issuer is None and r.region is None


@pytest.mark.parametrize("issuer, dept_type", [("锡林郭勒盟行政公署办公室", "government-office"),
                                               ("锡林郭勒盟行政公署", "people-government")])
def test_a_leagues_government_is_its_行政公署(tmp_path, issuer, dept_type):
    # a 盟's (or a 地区's) government is its 行政公署: before, a notice it signed had no issuer
    r = plan(tmp_path, NOTICE.format(issuer=issuer, signature=issuer, title="锡林郭勒盟“十四五”社会救助体系建设规划"))
    assert r.issuer is not None and r.issuer.label == issuer
    assert r.issuer.dept_type == dept_type
    assert chain(r) == ["锡林郭勒盟", "内蒙古自治区"]


@pytest.mark.parametrize("title", ["青山县残疾人事业发展规划（2021—2025年）", "青山县残疾人康复服务行动计划(2023-2025年)",
                                   "青山县2023年残疾人就业帮扶实施方案（2023年）"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_title_closing_with_its_period_over_a_preamble(tmp_path, title, gap):
    """A title line ending in its period, then (after a blank line or none) the preamble 为…制定本规划。:
    the line did not end as a title does, so the preamble was joined to it and the plan had no title
    and no region, with only 'not found' said.  It ends its paragraph: the title and region are read."""
    r = plan(tmp_path, title + gap + "为推动残疾人事业高质量发展，根据有关规定，结合我县实际，制定本规划。\n")
    assert r.title == title
    assert chain(r) == ["青山县"]
    assert [t.title for t in r.tasks()] == ["完善低保制度", "落实两项补贴"]
    assert not [g for g in r.warnings if g.kind == "metadata"]


# --- a county-level region's place: the county gazetteer (loaders/data/counties.tsv) -------------------

@pytest.mark.parametrize("head, want", [
    # 汨罗市 is 岳阳市's, though its text names 长沙市 more (it was read as 长沙市's)
    ("汨罗市“十四五”民政事业发展规划\n融入长沙市都市圈，对接长沙市产业。贯彻《岳阳市“十四五”规划》。\n",
     ["汨罗市", "岳阳市", "湖南省"]),
    # 龙山县 is 湘西州's, named by its short name (it was read as 济南市's, its partner city)
    ("龙山县“十四五”民政事业发展规划\n在湘西州委、州政府领导下，济南市对口帮扶。\n",
     ["龙山县", "湘西土家族苗族自治州", "湖南省"]),
    # 鼓楼区 stands under four cities: the one in the province the text names (it was 厦门市's)
    ("鼓楼区“十四五”民政事业发展规划\n贯彻福建省部署，对标厦门市思明区。\n", ["鼓楼区", "福州市", "福建省"]),
    # 郊区 is a real district's name under 阳泉市 (the region was 阳泉市)
    ("阳泉市郊区“十四五”民政事业发展规划\n", ["郊区", "阳泉市", "山西省"]),
])
def test_a_county_level_regions_place_is_the_gazetteers(tmp_path, head, want):
    r = plan(tmp_path, head, BODY.replace("县民政局", "民政局").replace("县残联、县财政局", "残联、财政局"))
    assert chain(r) == want
    assert r.region.code and not [w for w in r.warnings if w.kind == "metadata"]


def test_a_county_level_name_of_several_places_none_of_which_the_text_names_is_said(tmp_path):
    r = plan(tmp_path, "鼓楼区“十四五”民政事业发展规划\n")
    assert chain(r) == ["鼓楼区"]
    assert [w.message for w in r.warnings if w.kind == "metadata"] == [
        "鼓楼区 is the name of divisions under 南京市、徐州市、福州市、开封市: the text names none of them, "
        "so the region's chain stops at 鼓楼区"]


# --- what opens and closes a plan's head --------------------------------------------------------------

def test_an_annex_label_and_the_notices_list_of_annexes_are_no_part_of_the_title(tmp_path):
    """附件 above the title was joined to it (region 附件青山县); a notice's 附件：1.…规划 line was the title."""
    r = plan(tmp_path, "附件\n\n青山县养老服务体系建设三年行动计划（2024—2026年）\n")
    assert (r.title, chain(r)[0], r.period) == ("青山县养老服务体系建设三年行动计划（2024—2026年）", "青山县", (2024, 2026))
    r = plan(tmp_path, "青山县人民政府办公室关于印发青山县“十四五”就业促进规划的通知\n青政办发〔2022〕2号\n"
                       "《青山县“十四五”就业促进规划》已经县人民政府同意，现印发给你们。\n"
                       "附件：1.青山县“十四五”就业促进规划\n　　　2.青山县“十四五”就业促进规划重点任务分工表\n"
                       "青山县人民政府办公室\n2022年1月18日\n\n青山县“十四五”就业促进规划\n")
    assert (r.title, r.doc_number) == ("青山县“十四五”就业促进规划", "青政办发〔2022〕2号")


@pytest.mark.parametrize("title, period", [("青山县“十四五”民政事业发展规划（修订版）", (2021, 2025)),
                                           ("青山县城乡居民最低生活保障工作实施方案（2023年修订）", None),
                                           ("青山县城乡居民养老服务实施方案（2022年版）", None),
                                           ("青山县城乡居民养老服务实施方案（试行）", None)])
def test_a_title_closing_with_its_edition_ends_there_and_its_year_is_no_period(tmp_path, title, period):
    """（修订版） / （试行） did not end a title (the issuer under it, or a preamble, was joined to it);
    （2023年修订） was read as an annual plan's year."""
    r = plan(tmp_path, f"{title}\n青山县人民政府\n2023年8月\n")
    assert (r.title, r.period, r.issuer and r.issuer.label) == (title, period, "青山县人民政府")


def test_a_draft_named_in_a_sentence_of_the_preface_is_no_draft(tmp_path):
    r = plan(tmp_path, "青山县“十四五”民政事业发展规划\n前言\n规划草案经县人民政府常务会议审议通过。\n")
    assert r.draft is False
    assert plan(tmp_path, "青山县“十四五”民政事业发展规划\n（草案）\n").draft is True


def test_a_title_whose_digits_a_pdf_set_apart_from_their_words_reads_as_one(tmp_path):
    r = plan(tmp_path, "青山县残疾人联合会 2024 年工作要点\n")
    assert (r.title, r.period) == ("青山县残疾人联合会2024年工作要点", (2024, 2024))


@pytest.mark.parametrize("head, title", [
    ("“ ”\n青山县 十四五 残疾人事业发展规划", "青山县“十四五”残疾人事业发展规划"),
    ("“ ” “ ”\n青山县 十四五 残疾人事业 健康 发展规划", "青山县“十四五”残疾人事业“健康”发展规划"),
])
def test_a_titles_quote_marks_printed_apart_before_it_are_put_back(tmp_path, head, title):
    """pdftotext -raw prints a title's quote marks (another font's glyphs) on a line before it, a
    space where each stood: before, the title read “ ”青山县 十四五 残疾人事业发展规划 and no region."""
    r = plan(tmp_path, head)
    assert (r.title, r.region.name if r.region else None) == (title, "青山县")
    assert not [g for g in r.warnings if g.kind == "metadata"]


def test_quote_marks_before_a_title_that_do_not_fit_its_spaces_are_left_as_printed(tmp_path):
    r = plan(tmp_path, "“ ”\n青山县 残疾人事业发展规划")  # two marks, one space: where they stood is not told
    assert r.title.startswith("“")
