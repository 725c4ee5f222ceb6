"""What a policy researcher feeds the loaders beside a five-year plan, printed whole: a 实施方案 or
行动计划 under its covering notice, with its 政策解读 or 起草说明 before or after it, its list of
annexes, its 分工方案, a second plan issued by the same notice, a 办法 numbered by articles.  Each
plan reads its own tasks (none from the interpretation's retelling of them, none lost), or the loader
says, with its line, what it did not read."""
from __future__ import annotations

import pytest

from tests.loaders.handmade import owners, text_plan as plan

NOTICE = """青山县人民政府办公室
关于印发《青山县残疾人就业促进行动方案》的通知
青政办发〔2023〕12号

各乡镇人民政府，县直各单位：
　　《青山县残疾人就业促进行动方案》已经县人民政府同意，现印发给你们，请认真组织实施。

青山县人民政府办公室
2023年3月15日

"""
TITLE = "青山县残疾人就业促进行动方案\n\n"
BODY = """一、工作目标
　　到2025年，全县城乡新增残疾人就业300人。
二、重点任务
（一）开展职业技能培训。每年培训残疾人200人次。（牵头单位：县人社局；配合单位：县残联）
（二）开发公益性岗位。开发适合残疾人的公益性岗位50个。（牵头单位：县人社局；配合单位：县财政局）
三、保障措施
（一）加强组织领导。县残工委统筹协调。
"""
OWNERS = [("开展职业技能培训", ["县人力资源和社会保障局"], ["县残疾人联合会"]),
          ("开发公益性岗位", ["县人力资源和社会保障局"], ["县财政局"])]
#: an interpretation retelling the plan's tasks, its own chapters numbered 一、 again
INTERPRETATION = """一、出台背景
　　为落实省、市工作部署，县残联会同县人社局起草了本方案。
二、重点任务
　　方案明确了两项重点任务：
（一）开展职业技能培训。由县人社局牵头，每年培训残疾人200人次。
（二）开发公益性岗位。由县人社局牵头开发岗位50个。
三、解读机关及联系方式
　　解读机关：青山县残疾人联合会
"""


@pytest.mark.parametrize("heading", [
    "关于《青山县残疾人就业促进行动方案》的政策解读", "《青山县残疾人就业促进行动方案》政策解读", "政策解读",
    "附件：政策解读", "相关解读", "关于《青山县残疾人就业促进行动方案》的起草说明", "《青山县残疾人就业促进行动方案》的说明",
    "青山县残疾人就业促进行动方案政策解读", "县残联负责人就《青山县残疾人就业促进行动方案》答记者问"])
def test_an_interpretation_after_the_plan_is_none_of_it(tmp_path, heading):
    record = plan(tmp_path, NOTICE + TITLE + BODY + "\n" + heading + "\n\n" + INTERPRETATION)
    assert record.title == "青山县残疾人就业促进行动方案"
    assert owners(record) == OWNERS
    assert [c.title for c in record.chapters] == ["工作目标", "重点任务", "保障措施"]
    assert not record.warnings


@pytest.mark.parametrize("line", ["加强政策宣传解读", "做好政策解读", "专栏1 政策宣传解读"])
def test_a_heading_in_the_plan_that_speaks_of_interpreting_heads_no_interpretation(tmp_path, line):
    """An unnumbered line of the plan's own (a bold lead-in, a box's heading) that speaks of
    interpreting names no document it interprets: the plan's text after it is still the plan's
    (read as an interpretation, every task after it was blanked, without a word)."""
    body = BODY.replace("（二）开发", line + "\n（二）开发")
    record = plan(tmp_path, TITLE + body)
    assert owners(record) == OWNERS
    assert [c.title for c in record.chapters] == ["工作目标", "重点任务", "保障措施"]


def test_an_explanation_before_the_plan_is_none_of_it(tmp_path):
    """A 起草说明 printed first, under the plan's title: the plan's title printed again after it opens
    the plan (no running header), whose chapters are read, not the explanation's."""
    explanation = "起草说明\n\n一、起草背景\n　　根据省残联工作要求起草。\n二、重点任务\n（一）开展培训。由县人社局牵头。\n\n"
    record = plan(tmp_path, TITLE + explanation + TITLE + BODY)
    assert record.title == "青山县残疾人就业促进行动方案"
    assert owners(record) == OWNERS
    assert not record.warnings


def test_the_interpretation_ends_at_the_next_annex(tmp_path):
    """A 解读 printed as 附件1 ends where 附件2 begins: its division table is the plan's."""
    annex = ("附件1\n\n关于《青山县残疾人就业促进行动方案》的政策解读\n\n" + INTERPRETATION
             + "\n附件2\n\n重点任务分工表\n\n序号\t重点任务\t牵头单位\t配合单位\n"
               "1\t开展职业技能培训\t县人社局\t县残联\n2\t开发公益性岗位\t县人社局\t县财政局\n")
    record = plan(tmp_path, TITLE + BODY.replace("（牵头单位：县人社局；配合单位：县残联）", "")
                  .replace("（牵头单位：县人社局；配合单位：县财政局）", "") + "\n" + annex)
    rows = [t for t in record.tasks() if t.implements is not None]
    assert [(t.title, [u.label for u in t.units("lead")]) for t in rows] == [
        ("开展职业技能培训", ["县人力资源和社会保障局"]), ("开发公益性岗位", ["县人力资源和社会保障局"])]
    assert len(record.tasks()) == 4


def test_a_chapter_of_the_plan_named_for_its_interpretation_is_the_plans(tmp_path):
    """三、政策解读 numbered as a chapter is a chapter of the plan, not the heading of another document."""
    record = plan(tmp_path, TITLE + BODY + "四、政策解读\n　　本方案由县残联负责解释。\n")
    assert [c.title for c in record.chapters] == ["工作目标", "重点任务", "保障措施", "政策解读"]


def test_the_list_of_annexes_after_the_text_is_no_item_of_the_plan(tmp_path):
    """附件：1.…清单 / 2.名词解释 printed after the safeguards: its 2. is no item, so the plan's
    numbering is read as printed and its tasks are kept (they were all lost, the chapters read as
    nested in 2.)."""
    annexes = ("\n附件：1.青山县残疾人就业促进重点任务清单\n　　　2.名词解释\n\n附件2\n\n名词解释\n\n"
               "一、公益性岗位：指由政府出资开发的岗位。\n二、辅助性就业：指集中组织残疾人就业的形式。\n")
    record = plan(tmp_path, TITLE + BODY + annexes)
    assert owners(record) == OWNERS
    assert [c.title for c in record.chapters][:3] == ["工作目标", "重点任务", "保障措施"]


# --- two documents in one file ---------------------------------------------------------------------

SECOND = """青山县残疾人康复服务实施方案

一、工作目标
　　到2025年，残疾人基本康复服务覆盖率达到85%。
二、主要任务
（一）开展精准康复。为残疾人提供基本康复服务。（责任单位：县残联、县卫健局）
三、保障措施
（一）加强组织领导。
"""


def test_a_second_plan_issued_by_the_notice_is_said_not_merged(tmp_path):
    """A notice issuing two plans, printed one after the other: the second's tasks were read as the
    first's, under its title, without a word.  One plan is read a document: the second is a gap."""
    record = plan(tmp_path, NOTICE + TITLE + BODY + "\n" + SECOND)
    assert record.title == "青山县残疾人就业促进行动方案"
    assert owners(record) == OWNERS
    gaps = [w for w in record.warnings if w.kind == "structure"]
    assert len(gaps) == 1 and "青山县残疾人康复服务实施方案" in gaps[0].message
    assert gaps[0].line == (NOTICE + TITLE + BODY + "\n").count("\n") + 1


def test_a_plan_whose_annex_is_titled_like_a_plan_but_numbers_on_is_one_plan(tmp_path):
    """A line titling a plan inside the text, its chapters numbering on (四、 after 三、), starts no second plan."""
    record = plan(tmp_path, TITLE + BODY + "\n青山县残疾人康复服务实施方案\n\n四、组织实施\n　　各乡镇抓好落实。\n")
    assert owners(record) == OWNERS
    assert not [w for w in record.warnings if w.kind == "structure"]


DIVISION = """附件

青山县残疾人就业促进行动方案任务分工

一、开展职业技能培训
1.制定年度培训计划。牵头单位：县人社局；配合单位：县残联。完成时限：2023年12月底。
2.组织开展技能培训。牵头单位：县人社局；配合单位：各乡镇人民政府。完成时限：每年12月底。
二、开发公益性岗位
3.开发公益性岗位。牵头单位：县人社局；配合单位：县财政局。完成时限：长期坚持。
"""


@pytest.mark.parametrize("label", ["附件\n\n青山县残疾人就业促进行动方案任务分工", "附件：重点任务分工方案",
                                   "附件1\n\n青山县残疾人就业促进行动方案重点任务清单"])
def test_a_division_printed_after_the_plan_one_domain_a_chapter_holds_tasks(tmp_path, label):
    """The plan's 分工方案 printed after it as text, its chapters named for the tasks divided: they come
    after the safeguards, and were read as chapters of no kind (their tasks, with their units and
    deadlines, lost without a word)."""
    record = plan(tmp_path, TITLE + BODY.replace("（牵头单位：县人社局；配合单位：县残联）", "")
                  .replace("（牵头单位：县人社局；配合单位：县财政局）", "") + "\n"
                  + DIVISION.replace("附件\n\n青山县残疾人就业促进行动方案任务分工", label))
    divided = [(t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")], t.deadline)
               for t in record.tasks()[2:]]
    assert divided == [("制定年度培训计划", ["县人力资源和社会保障局"], ["县残疾人联合会"], "2023年12月底"),
                       ("组织开展技能培训", ["县人力资源和社会保障局"], ["各乡镇人民政府"], "每年12月底"),
                       ("开发公益性岗位", ["县人力资源和社会保障局"], ["县财政局"], "长期坚持")]
    assert not [w for w in record.warnings if w.kind == "structure"]


# --- a 办法 numbered by articles -------------------------------------------------------------------

MEASURES = """青山县残疾人就业创业扶持办法

第一章　总则
第一条　为促进残疾人就业创业，根据《中华人民共和国残疾人保障法》，制定本办法。
第二条　本办法适用于本县户籍持证残疾人。
第二章　扶持措施
第三条　对残疾人自主创业的，给予一次性创业补贴5000元。（责任单位：县残联、县财政局）
第四条　对吸纳残疾人就业的用人单位，按每人每年2000元给予补贴。（责任单位：县人社局）
第三章　附则
第五条　本办法由县残联负责解释。
第六条　本办法自2023年7月1日起施行。
"""


def test_a_measures_articles_of_its_general_and_closing_chapters_are_no_tasks(tmp_path):
    """A 办法's 总则 says what it is for and 附则 who interprets it and when it takes effect: their
    articles were read as tasks (本办法自2023年7月1日起施行), and its title was none (a gap)."""
    record = plan(tmp_path, MEASURES)
    assert record.title == "青山县残疾人就业创业扶持办法"
    assert record.region is not None and record.region.name == "青山县"
    assert owners(record) == [("对残疾人自主创业的，给予一次性创业补贴5000元", ["县残疾人联合会"], ["县财政局"]),
                              ("对吸纳残疾人就业的用人单位，按每人每年2000元给予补贴", ["县人力资源和社会保障局"], [])]
    assert [c.kind for c in record.chapters] == ["principles", "other", "safeguards"]
    assert not record.warnings


# --- a notice issuing a document made for a plan ---------------------------------------------------

@pytest.mark.parametrize("issued", ["重点任务分工方案", "任务清单", "实施细则"])
def test_a_notice_issuing_a_plans_division_is_titled_by_it_not_by_the_plan(tmp_path, issued):
    """关于印发《…规划》重点任务分工方案的通知 issues the plan's division, a document of its own: its title
    was cut to the plan's (《》's) own."""
    record = plan(tmp_path, f"青山县人民政府办公室关于印发《青山县“十四五”残疾人保障和发展规划》{issued}的通知\n\n"
                            "各乡镇人民政府，县直各单位：\n　　现将分工方案印发给你们，请认真抓好落实。\n\n" + BODY)
    assert record.title == f"《青山县“十四五”残疾人保障和发展规划》{issued}"
    assert record.period == (2021, 2025)
    assert owners(record) == OWNERS


@pytest.mark.parametrize("notice", ["关于印发《青山县残疾人就业促进行动方案》的通知",
                                    "关于印发《青山县残疾人就业促进行动方案》和《青山县残疾人康复服务实施方案》的通知"])
def test_a_notice_issuing_the_plan_itself_is_titled_by_it(tmp_path, notice):
    record = plan(tmp_path, notice + "\n\n" + BODY)
    assert record.title == "青山县残疾人就业促进行动方案"


# --- a web page: the tables of what is no part of the plan ------------------------------------------

def _page(tmp_path, body: str):
    from policykg.loaders.plan import load_plan
    path = tmp_path / "plan.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return load_plan(path)


PAGE_PLAN = ("<h1>青山县残疾人康复服务实施方案</h1><p>一、工作目标</p><p>到2025年，康复服务覆盖率达到85%。</p>"
             "<p>二、主要任务</p><p>（一）开展精准康复。为残疾人提供康复服务。（责任单位：县残联、县卫健局）</p>"
             "<p>三、保障措施</p><p>（一）加强组织领导。</p>")
TABLE = ("<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>"
         "<tr><td>1</td><td>开展技能培训</td><td>县人社局</td><td>县残联</td></tr></table>")


@pytest.mark.parametrize("after", [
    "<h2>《青山县残疾人康复服务实施方案》政策解读</h2><p>一、主要任务</p>" + TABLE,
    "<h2>青山县残疾人就业帮扶实施方案</h2><p>一、工作目标</p><p>到2025年新增就业300人。</p><p>二、主要任务</p>" + TABLE])
def test_a_real_table_of_an_interpretation_or_a_second_plan_is_none_of_the_plans(tmp_path, after):
    record = _page(tmp_path, PAGE_PLAN + after)
    assert owners(record) == [("开展精准康复", ["县残疾人联合会"], ["县卫生健康局"])]


def test_a_plan_whose_headings_print_no_number_says_it_read_no_task(tmp_path):
    """Chapters printed as bare lines (a PDF of a Word file that numbers its headings by style):
    no chapter of tasks is found, and its indicator table alone was read with no word that the
    plan's tasks were not."""
    text = ("青山县残疾人就业促进行动方案\n\n工作目标\n\n主要指标\n序号\t指标\t2020年\t2025年\t属性\n"
            "1\t城乡残疾人新增就业人数（人）\t250\t300\t预期性\n\n重点任务\n\n"
            "开展职业技能培训。每年培训残疾人200人次。（牵头单位：县人社局；配合单位：县残联）\n\n"
            "开发公益性岗位。开发适合残疾人的公益性岗位50个。（牵头单位：县人社局）\n\n保障措施\n\n加强组织领导。\n")
    record = plan(tmp_path, text)
    assert record.tasks() == [] and len(record.indicators) == 1
    assert [(g.line, g.kind) for g in record.warnings if "no task read" in g.message] == [(0, "structure")]
