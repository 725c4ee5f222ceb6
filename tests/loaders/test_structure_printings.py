"""How a plan prints its structure: chapters, sections, tasks and 专栏 boxes, in the printings real
plans use.  Small hand-made plans; each asserts the tasks (and their titles) a reader sees."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan

HEAD = "青山县人民政府关于印发《青山县“十四五”残疾人事业发展规划》的通知\n青山县“十四五”残疾人事业发展规划\n"
BACKGROUND = "一、发展基础\n“十三五”期间，全县残疾人事业取得显著成效。\n"
GOALS = "二、总体要求\n（一）指导思想。坚持以人民为中心。\n（二）发展目标。到2025年，体系更加完善。\n"


def plan(tmp_path: Path, body: str):
    path = tmp_path / "plan.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    return load_plan(path)


def tasks(record) -> list[tuple[str, str]]:
    return [(t.no, t.title) for t in record.tasks()]


def test_chapters_of_one_domain_each_hold_tasks_beside_a_chapter_named_for_tasks(tmp_path):
    """三、织密社会保障网 四、促进残疾人就业 are task chapters although only 五、实施重点项目 is named
    as one: before, their tasks were dropped and the plan read at 100%."""
    r = plan(tmp_path, BACKGROUND + GOALS
             + "三、织密社会保障网\n（一）完善低保制度。将符合条件的残疾人纳入低保范围。\n（二）落实两项补贴。按规定发放补贴。\n"
               "四、促进残疾人就业\n（一）开展职业培训。每年培训100人。\n"
               "五、实施重点项目\n（一）建设康复中心。新建县康复中心一所。\n"
               "六、保障措施\n（一）加强组织领导。各部门要加强协调。\n（二）强化经费保障。纳入预算。\n")
    assert tasks(r) == [("1", "完善低保制度"), ("2", "落实两项补贴"), ("1", "开展职业培训"), ("1", "建设康复中心")]
    assert [c.kind for c in r.chapters] == ["background", "principles", "other", "other", "tasks", "safeguards"]
    assert not r.warnings


def test_domain_chapters_numbered_第一章_with_sections(tmp_path):
    r = plan(tmp_path, "第一章　发展基础\n“十三五”期间成效显著。\n第二章　总体要求\n第一节　指导思想\n坚持以人民为中心。\n"
                       "第三章　织密社会保障网\n第一节　兜底保障\n一、完善低保制度。将符合条件的残疾人纳入低保范围。\n"
                       "二、落实两项补贴。按规定发放补贴。\n第四章　重点任务\n第一节　就业\n一、开展职业培训。每年培训100人。\n"
                       "第五章　保障措施\n一、加强组织领导。各部门要加强协调。\n")
    assert tasks(r) == [("1", "完善低保制度"), ("2", "落实两项补贴"), ("1", "开展职业培训")]


def test_a_chapter_before_the_goals_or_after_the_safeguards_holds_no_task(tmp_path):
    r = plan(tmp_path, "一、编制说明\n（一）编制依据。依据有关法律。\n" + GOALS.replace("二、", "二、")
             + "三、主要任务\n（一）完善低保制度。将符合条件的残疾人纳入低保范围。\n"
               "四、保障措施\n（一）加强组织领导。各部门要加强协调。\n五、名词解释\n（一）两项补贴。指生活补贴和护理补贴。\n")
    assert tasks(r) == [("1", "完善低保制度")]


def test_a_chapter_of_prose_among_the_task_chapters_stays_prose(tmp_path):
    """二、分工 (no numbered item) is no domain chapter: its division paragraph stays a gap."""
    r = plan(tmp_path, "一、主要任务\n1.实施精准康复服务。为残疾人提供康复服务。\n"
                       "二、分工\n任务1由县残联负责。\n三、保障措施\n加强组织领导。\n")
    assert tasks(r) == [("1", "实施精准康复服务")]
    assert [(g.kind, g.line) for g in r.warnings] == [("responsibility", 6)]


def test_a_clause_for_a_section_without_tasks_is_a_gap_not_dropped(tmp_path):
    r = plan(tmp_path, "一、主要任务\n（一）加强保障\n牵头单位：县民政局\n（二）促进就业（牵头单位：县人社局）\n"
                       "（三）加强康复\n1.开展职业培训。每年培训100人。\n二、保障措施\n加强领导。\n")
    assert tasks(r) == [("1", "开展职业培训")]
    assert not r.tasks()[0].responsibilities
    assert [(g.kind, g.line) for g in r.warnings] == [("responsibility", 5), ("responsibility", 6)]
    assert "加强保障" in r.warnings[0].message and "县民政局" in r.warnings[0].message


SECTION = "一、主要任务\n（一）加强社会保障\n1.完善低保制度。将符合条件的残疾人纳入低保范围。\n2.落实两项补贴。按规定发放补贴。\n"
AFTER_BOX = "3.加强托养服务。建设托养机构。\n二、保障措施\n（一）加强组织领导。各部门要加强协调。\n"
ITEMS = "1.低保提标项目。提高低保标准。\n2.护理补贴项目。发放护理补贴。\n"


def boxes(record) -> list[tuple[str, str, list[str]]]:
    return [(c.no, c.title, [p.title for p in c.projects]) for c in record.columns()]


@pytest.mark.parametrize("heading, no", [
    ("【专栏1 残疾人社会保障重点项目】", "1"), ("【专栏1】残疾人社会保障重点项目", "1"),
    ("〔专栏1〕残疾人社会保障重点项目", "1"), ("专栏一：残疾人社会保障重点项目", "1"),
    ("专栏一　残疾人社会保障重点项目", "1"), ("专栏 1：残疾人社会保障重点项目", "1"),
    ("专栏1-1 残疾人社会保障重点项目", "1-1"), ("专栏1  残疾人社会保障重点项目", "1"),
    ("【专栏1】\n残疾人社会保障重点项目", "1"), ("专栏1\n残疾人社会保障重点项目", "1"),
    ("专栏（1） 残疾人社会保障重点项目", "1"), ("专栏(一)残疾人社会保障重点项目", "1"),
    ("专 栏 1 残疾人社会保障重点项目", "1")])
def test_a_box_heading_in_each_printing_opens_a_box(tmp_path, heading, no):
    """Before, 【专栏1 …】, 专栏一： and 〔专栏1〕 were no box: the heading went into task 2's text and
    the box's items became tasks 1 and 2 (a numbering gap said, the items counted as tasks); 专栏1：
    kept the colon in its title; a title on the line under 专栏1 became the box's first project.
    专栏（1）, 专栏(一) and a letter-spaced 专 栏 1 were no box either: its items were lost, unsaid."""
    r = plan(tmp_path, SECTION + heading + "\n" + ITEMS + AFTER_BOX)
    assert tasks(r) == [("1", "完善低保制度"), ("2", "落实两项补贴"), ("3", "加强托养服务")]
    assert r.tasks()[1].text == "落实两项补贴。按规定发放补贴。"
    assert boxes(r) == [(no, "残疾人社会保障重点项目", ["低保提标项目", "护理补贴项目"])]
    assert not r.warnings and r.coverage.boxes == r.coverage.boxes_read == 1


@pytest.mark.parametrize("heading", ["【专栏】残疾人社会保障重点项目", "专栏：残疾人社会保障重点项目",
                                     "专栏　残疾人社会保障重点项目", "专栏 残疾人社会保障重点项目",
                                     "〔专栏〕残疾人社会保障重点项目", "【专栏】\n残疾人社会保障重点项目"])
def test_a_box_heading_with_no_number_opens_a_box(tmp_path, heading):
    """【专栏】水污染防治重点工程 / 专栏：… printed no number: the heading and the box's items were
    joined to the task above it (2.落实两项补贴 ran on over 专栏 and its projects), no box, no word."""
    r = plan(tmp_path, SECTION + heading + "\n" + ITEMS + AFTER_BOX)
    assert tasks(r) == [("1", "完善低保制度"), ("2", "落实两项补贴"), ("3", "加强托养服务")]
    assert r.tasks()[1].text == "落实两项补贴。按规定发放补贴。"
    assert boxes(r) == [("", "残疾人社会保障重点项目", ["低保提标项目", "护理补贴项目"])]
    assert not r.warnings and r.coverage.boxes == r.coverage.boxes_read == 1


@pytest.mark.parametrize("line", ["专栏所列项目由县发展改革委统筹推进。", "专栏：以上项目由各部门负责实施，资金由县财政统筹。"])
def test_a_sentence_opening_with_专栏_is_no_box(tmp_path, line):
    r = plan(tmp_path, SECTION + line + "\n" + AFTER_BOX)
    assert tasks(r) == [("1", "完善低保制度"), ("2", "落实两项补贴"), ("3", "加强托养服务")]
    assert not r.columns()


def test_unnumbered_named_items_of_a_box_are_a_project_each(tmp_path):
    """专栏1 over lines 废弃矿山生态修复工程：修复…。 国土绿化工程：… printing no number: before, the
    box had one project (the first), the others joined to its text, no word said."""
    r = plan(tmp_path, SECTION + "专栏1　生态保护修复重点工程\n废弃矿山生态修复工程：修复废弃矿山面积1200亩。\n"
                                 "国土绿化工程：完成人工造林2万亩。\n湿地保护工程：建设湿地公园2个。\n" + AFTER_BOX)
    assert boxes(r) == [("1", "生态保护修复重点工程", ["废弃矿山生态修复工程", "国土绿化工程", "湿地保护工程"])]
    assert [p.text for p in r.projects()][1] == "国土绿化工程：完成人工造林2万亩。"
    assert tasks(r)[-1] == ("3", "加强托养服务")
    assert not r.warnings


def test_name_and_description_items_of_a_box_one_space_apart_are_a_project_each(tmp_path):
    """低保提标项目 提高低保标准。 with one space between name and text (a web page shows a Word
    file's two spaces as one; pandoc writes one): before, the box had one project titled by the
    first item's whole sentence, the others joined to its text, no word said.  A line of one such
    item's text that opens with no name and space stays its text."""
    r = plan(tmp_path, SECTION + "专栏1　残疾人社会保障重点项目\n低保提标项目 提高低保标准，做到应保尽保。\n"
                                 "护理补贴项目 发放重度残疾人护理补贴。\n信息消费优惠 对残疾人信息消费给予优惠。\n"
                                 "减免宽带资费。\n" + AFTER_BOX)
    assert boxes(r) == [("1", "残疾人社会保障重点项目", ["低保提标项目", "护理补贴项目", "信息消费优惠"])]
    assert [p.text for p in r.projects()] == ["提高低保标准，做到应保尽保。", "发放重度残疾人护理补贴。",
                                             "对残疾人信息消费给予优惠。\n减免宽带资费。"]
    assert tasks(r)[-1] == ("3", "加强托养服务")


def test_one_space_items_after_an_item_whose_text_goes_on_a_second_paragraph(tmp_path):
    """pdftotext prints a box's "name  description" items one space apart; an item whose text goes
    on past a full stop onto the next line (a second paragraph) made every item after it its text:
    three projects lost, nothing said."""
    r = plan(tmp_path, SECTION + "专栏1　残疾人教育项目\n学前康复教育发展项目 鼓励普通幼儿园招收残疾幼儿。\n"
                                 "义务教育巩固提高项目 开展适龄残疾儿童少年教育需求评估。\n提高特殊教育学校办学水平。\n"
                                 "职业教育提升项目 支持普通职业院校招收残疾人学生。\n融合教育推广项目 鼓励普通学校招收残疾儿童少年。\n"
                                 + AFTER_BOX)
    assert boxes(r) == [("1", "残疾人教育项目", ["学前康复教育发展项目", "义务教育巩固提高项目", "职业教育提升项目",
                                                "融合教育推广项目"])]
    assert r.projects()[1].text == "开展适龄残疾儿童少年教育需求评估。\n提高特殊教育学校办学水平。"


def test_a_named_line_under_a_numbered_project_is_its_text(tmp_path):
    """In a box of numbered projects, a line under one naming an action is that project's text."""
    r = plan(tmp_path, SECTION + "专栏1　残疾人社会保障重点项目\n1.低保提标项目。提高低保标准。\n"
                                 "精准帮扶行动：为困难残疾人家庭提供帮扶。\n2.护理补贴项目。发放护理补贴。\n" + AFTER_BOX)
    assert boxes(r) == [("1", "残疾人社会保障重点项目", ["低保提标项目", "护理补贴项目"])]
    assert "精准帮扶行动" in r.projects()[0].text


def test_a_title_under_a_bare_box_heading_is_not_joined_to_its_first_item(tmp_path):
    r = plan(tmp_path, SECTION + "专栏1\n残疾人社会保障重点项目\n低保提标项目  提高低保标准。\n"
                                 "护理补贴项目  发放护理补贴。\n" + AFTER_BOX)
    assert boxes(r) == [("1", "残疾人社会保障重点项目", ["低保提标项目", "护理补贴项目"])]


def test_words_after_专栏_are_no_box(tmp_path):
    r = plan(tmp_path, SECTION + "专栏十四五期间重点项目由县残联汇总。\n" + AFTER_BOX)
    assert tasks(r) == [("1", "完善低保制度"), ("2", "落实两项补贴"), ("3", "加强托养服务")]
    assert not r.columns()


@pytest.mark.parametrize("mark", ["——", "●", "■", "◆", "·", "•", "▲", "★", "○", "□", "➢"])
def test_bulleted_tasks_under_numbered_sections(tmp_path, mark):
    """Before, each section was read as one task (titled 加强社会保障) and its bullets were its text."""
    r = plan(tmp_path, BACKGROUND + GOALS + f"三、主要任务\n（一）加强社会保障\n{mark}完善低保制度。将符合条件的残疾人纳入低保范围。\n"
                       f"{mark}落实两项补贴。按规定发放补贴。（牵头单位：县残联）\n（二）促进就业\n{mark}开展职业培训。每年培训100人。\n"
                       "四、保障措施\n（一）加强组织领导。各部门要加强协调。\n")
    assert [(s.title, [t.title for t in s.tasks]) for s in r.sections() if s.tasks] == [
        ("加强社会保障", ["完善低保制度", "落实两项补贴"]), ("促进就业", ["开展职业培训"])]
    assert r.tasks()[0].text == "完善低保制度。将符合条件的残疾人纳入低保范围。"
    assert [u.label for u in r.tasks()[1].units("lead")] == ["县残疾人联合会"] and not r.tasks()[0].responsibilities
    assert not r.warnings


def test_bullets_below_a_numbered_task_are_its_sub_points(tmp_path):
    r = plan(tmp_path, "一、主要任务\n（一）加强社会保障\n1.完善低保制度。主要包括：\n●提高低保标准。\n●扩大覆盖面。\n"
                       "2.落实两项补贴。按规定发放补贴：\n●提高补贴标准。\n●扩大补贴范围。\n二、保障措施\n（一）加强组织领导。要加强协调。\n")
    assert tasks(r) == [("1", "完善低保制度"), ("2", "落实两项补贴")]
    assert r.tasks()[1].text.endswith("●扩大补贴范围。")


def test_bulleted_titles_without_a_full_stop_are_each_a_task(tmp_path):
    r = plan(tmp_path, "一、主要任务\n（一）加强社会保障\n——完善低保制度\n——落实两项补贴\n（二）促进就业\n——开展职业培训\n"
                       "二、保障措施\n加强领导。\n")
    assert [t.title for t in r.tasks()] == ["完善低保制度", "落实两项补贴", "开展职业培训"]


def test_bullets_outside_the_task_chapters_stay_prose(tmp_path):
    r = plan(tmp_path, "一、发展目标\n到2025年：\n——残疾人社会保障更加完善。\n——残疾人就业更加充分。\n"
                       "二、主要任务\n1.完善低保制度。将符合条件的残疾人纳入低保范围。\n三、保障措施\n加强领导。\n")
    assert tasks(r) == [("1", "完善低保制度")]
    assert not r.warnings


@pytest.mark.parametrize("sep", ["：", ":", "\u3000", "  "])
def test_a_title_ended_by_a_colon_or_a_wide_space(tmp_path, sep):
    """Before, the title ran on to the first 。 (完善低保制度：将符合条件的残疾人纳入低保范围，做到应保尽保)."""
    r = plan(tmp_path, f"一、主要任务\n（一）加强社会保障\n1.完善低保制度{sep}将符合条件的残疾人纳入低保范围，做到应保尽保。\n"
                       f"2.落实两项补贴{sep}按规定发放补贴。（牵头单位：县残联）\n二、保障措施\n加强领导。\n")
    assert tasks(r) == [("1", "完善低保制度"), ("2", "落实两项补贴")]
    assert r.tasks()[0].text == f"完善低保制度{sep}将符合条件的残疾人纳入低保范围，做到应保尽保。"
    assert [u.label for u in r.tasks()[1].units("lead")] == ["县残疾人联合会"]


def test_a_colon_inside_quotes_or_far_into_the_sentence_does_not_end_the_title(tmp_path):
    r = plan(tmp_path, "一、主要任务\n1.实施“阳光家园：托养”计划。内容。\n"
                       "2.按照国家和省市关于残疾人事业发展的有关部署要求统筹推进全县残疾人各项工作任务落实到位：内容。\n"
                       "二、保障措施\n加强领导。\n")
    assert [t.title for t in r.tasks()] == ["实施“阳光家园：托养”计划",
                                             "按照国家和省市关于残疾人事业发展的有关部署要求统筹推进全县残疾人各项工作任务落实到位：内容"]


def test_paragraphs_led_by_a_sentence_under_a_title_are_said(tmp_path):
    """Plans print tasks as paragraphs led by a bold sentence under a section title; plain text
    cannot tell them from one task's paragraphs: read as one task, but said with a line."""
    r = plan(tmp_path, "一、主要任务\n（一）加强社会保障\n完善低保制度。将符合条件的残疾人纳入低保范围。\n"
                       "落实两项补贴。按规定发放补贴到位。\n（二）促进就业\n围绕就业，开展职业培训，每年培训100人。\n"
                       "扶持自主创业，给予创业补贴。\n二、保障措施\n加强领导。\n")
    assert [t.title for t in r.tasks()] == ["加强社会保障", "促进就业"]
    assert [(g.kind, g.line) for g in r.warnings] == [("structure", 5)]
    assert "完善低保制度" in r.warnings[0].message


def test_a_tasks_several_paragraphs_after_its_own_sentence_are_no_gap(tmp_path):
    r = plan(tmp_path, "一、主要任务\n1.完善低保制度。将符合条件的残疾人纳入低保范围。\n加大临时救助。及时解决突发困难问题。\n"
                       "做好住房保障。优先安排保障性住房。\n二、保障措施\n加强领导。\n")
    assert tasks(r) == [("1", "完善低保制度")] and not r.warnings


@pytest.mark.parametrize("spaced", [" ", "  ", "\u3000"], ids=["space", "two-spaces", "ideographic"])
def test_a_title_and_headings_typed_letter_spaced(tmp_path, spaced):
    """A title and chapter headings typed with a space between characters, to spread them across
    the page (青 山 县 …规 划, 三、主  要  任  务, 第四章　保　障　措　施).  They were read with their
    spaces: no title nor region (a metadata gap only), chapters titled '主 要 任 务' whose kind
    nobody could tell, so the 保障措施's numbered measures were read as tasks."""
    def s(text: str) -> str:
        return spaced.join(text)

    path = tmp_path / "plan.txt"
    path.write_text(
        s("青山县") + spaced + "“十四五”" + spaced + s("残疾人事业发展规划") + "\n"
        + "一、" + s("发展基础") + "\n“十三五”期间，全县残疾人事业取得显著成效。\n"
        + "二、" + s("主要任务") + "\n（一）完善低保制度。将符合条件的残疾人纳入低保范围。（牵头单位：县民政局）\n"
          "（二）落实两项补贴。按规定发放补贴。（牵头单位：县民政局；配合单位：县财政局）\n"
        + "三、" + s("保障措施") + "\n（一）加强组织领导。各部门要加强协调。\n（二）强化经费保障。纳入预算。\n",
        encoding="utf-8")
    r = load_plan(path)
    assert (r.title, r.region.name if r.region else None) == ("青山县“十四五”残疾人事业发展规划", "青山县")
    assert [(c.no, c.title, c.kind) for c in r.chapters] == [
        ("一", "发展基础", "background"), ("二", "主要任务", "tasks"), ("三", "保障措施", "safeguards")]
    assert tasks(r) == [("1", "完善低保制度"), ("2", "落实两项补贴")]
    assert not r.warnings


@pytest.mark.parametrize("line", ["县民政局 县财政局 县残联", "1 残疾人康复服务覆盖率 85 95 约束性",
                                  "坚持 以人民为中心 的发展思想", "主要任务"])
def test_a_line_with_spaces_between_words_is_not_letter_spaced(line):
    from policykg.loaders.text import without_letter_spacing
    assert without_letter_spacing(line) == line


@pytest.mark.parametrize("mark", ["\uf0b7\t", "\uf06c ", "\uf0d8", "●"], ids=["symbol-tab", "wingdings", "arrow", "dot"])
def test_tasks_bulleted_with_a_symbol_fonts_glyph(tmp_path, mark):
    """A Word bulleted list copied into text (or exported to PDF) keeps its bullet as a symbol
    font's private-use character, often with a tab after it: the tasks were paragraphs merged under
    the section's title, every lead on one task (a structure gap said so)."""
    r = plan(tmp_path, BACKGROUND + "二、主要任务\n（一）保障基本生活\n"
             + f"{mark}完善低保制度。将符合条件的残疾人纳入低保范围。（牵头单位：县民政局）\n"
             + f"{mark}落实两项补贴。按规定发放补贴。（牵头单位：县残联）\n三、保障措施\n加强组织领导。\n")
    assert [(t.no, t.title, [u.label for u in t.units("lead")]) for t in r.tasks()] == [
        ("1", "完善低保制度", ["县民政局"]), ("2", "落实两项补贴", ["县残疾人联合会"])]
    assert [w for w in r.warnings if w.kind == "structure"] == []


def _filler(k: int) -> str:
    return "".join(f"各部门要加强协调，形成工作合力，第{k}{j}项工作按计划推进。\n" for j in range(16))


def test_bare_page_numbers_of_a_copied_pdf_are_no_text(tmp_path):
    """A plan copied out of a PDF viewer keeps each page's number, bare, on a line of its own, often
    in mid-sentence: 纳入低保 read 残疾人3纳入低保, and a number inside a unit's name split it."""
    body = ("一、发展基础\n" + _filler(1) + "2\n" + _filler(2) + "二、主要任务\n（一）完善低保制度。将符合条件的残疾人\n3\n"
            "纳入低保范围。（牵头单位：县民政局）\n" + _filler(3) + "（二）落实两项补贴。按规定发放补贴。（牵头单位：县残\n4\n"
            "联）\n三、保障措施\n加强组织领导。\n")
    r = plan(tmp_path, body)
    assert [(t.title, t.text.split("\n")[0], [u.label for u in t.units("lead")]) for t in r.tasks()] == [
        ("完善低保制度", "完善低保制度。将符合条件的残疾人纳入低保范围。（牵头单位：县民政局）", ["县民政局"]),
        ("落实两项补贴", "落实两项补贴。按规定发放补贴。（牵头单位：县残联）", ["县残疾人联合会"])]


def test_numbers_a_cell_a_line_are_no_page_numbers(tmp_path):
    # an indicator table printed a cell a line: its serial numbers count up by one, a row apart
    rows = "".join(f"{k}\n指标{k}（%）\n{80 + k}\n{90 + k}\n约束性\n" for k in range(1, 6))
    r = plan(tmp_path, "一、主要指标\n序号\n指标名称\n2020年\n2025年\n属性\n" + rows
             + "二、主要任务\n（一）完善低保制度。纳入低保范围。（牵头单位：县民政局）\n")
    assert [(i.no, i.baseline.printed, i.target.printed) for i in r.indicators] == [
        (str(k), str(80 + k), str(90 + k)) for k in range(1, 6)]


def test_a_circled_footnote_after_the_last_task_is_no_part_of_it(tmp_path):
    """融合教育① in a task's text and ①融合教育指… under it, with no 注：: the note was joined to the
    task's text (the mark is an item's number to the ladder)."""
    r = plan(tmp_path, BACKGROUND + "二、主要任务\n（一）保障基本生活\n1.完善低保制度。纳入低保范围。（牵头单位：县民政局）\n"
             "2.推进融合教育①。普通学校随班就读②。（牵头单位：县教育局）\n①融合教育指残疾儿童在普通学校就读。\n"
             "②随班就读指在普通班级学习。\n三、保障措施\n加强组织领导。\n")
    assert [(t.no, t.text) for t in r.tasks()] == [
        ("1", "完善低保制度。纳入低保范围。（牵头单位：县民政局）"),
        ("2", "推进融合教育①。普通学校随班就读②。（牵头单位：县教育局）")]


def test_circled_sub_points_stay_a_tasks_text_beside_a_circled_note(tmp_path):
    # ① is a note's mark in one task and numbers another task's sub-points (①… ②…): a list
    r = plan(tmp_path, BACKGROUND + "二、主要任务\n（一）保障基本生活\n1.完善低保制度①。纳入低保范围。（牵头单位：县民政局）\n"
             "2.加强康复服务。主要措施：\n①开展精准康复。\n②发放辅助器具。\n（牵头单位：县卫健局）\n"
             "三、保障措施\n加强组织领导。\n")
    assert [(t.no, [u.label for u in t.units("lead")]) for t in r.tasks()] == [
        ("1", ["县民政局"]), ("2", ["县卫生健康局"])]
    assert "①开展精准康复。\n②发放辅助器具。" in list(r.tasks())[1].text


def test_a_chapter_named_for_what_its_tasks_do_to_a_background_word_holds_tasks(tmp_path):
    """三、聚焦权益维护，优化残疾人发展环境 and 四、夯实残联工作基础 open with the verb of their
    tasks: 发展环境 and 基础 are what the tasks work on, not the plan's background (发展基础).  Before,
    both read as background and their tasks were dropped with no gap."""
    r = plan(tmp_path, BACKGROUND
             + "二、聚焦兜底保障，巩固民生底线\n1.落实两项补贴。按规定发放补贴。（牵头单位：县民政局）\n"
             + "三、聚焦权益维护，优化残疾人发展环境\n2.加强无障碍环境建设督导。推进公共场所无障碍改造。（牵头单位：县住建局）\n"
             + "四、夯实残联工作基础\n3.加强基层残联组织建设。配齐配强专职委员。（牵头单位：县残联）\n")
    assert [c.kind for c in r.chapters] == ["background", "other", "other", "other"]
    assert tasks(r) == [("1", "落实两项补贴"), ("2", "加强无障碍环境建设督导"), ("3", "加强基层残联组织建设")]
    assert [[u.label for u in t.units("lead")] for t in r.tasks()] == [["县民政局"], ["县住房和城乡建设局"],
                                                                      ["县残疾人联合会"]]
    assert r.warnings == []


STEPS_PLAN = ("青山县2023年农村人居环境整治提升实施方案\n一、工作目标\n到2023年底，全县农村卫生厕所普及率达到85%以上。\n"
              "二、重点任务\n1.新（改）建农村卫生户厕。全年新（改）建农村卫生户厕1500户。（责任单位：县农业农村局）\n"
              "2.开展农村黑臭水体治理。完成4条农村黑臭水体治理任务。（责任单位：县生态环境局）\n"
              "三、{name}\n（一）动员部署阶段（2023年3月）。各乡镇制定具体实施方案。\n"
              "（二）组织实施阶段（2023年4月—11月）。各乡镇、各部门按照职责分工全面推进。{clause}\n"
              "（三）检查验收阶段（2023年12月）。县领导小组办公室组织开展检查验收。\n"
              "四、保障措施\n（一）加强组织领导。成立工作领导小组。\n")


def _steps_plan(tmp_path: Path, name: str, clause: str = ""):
    path = tmp_path / "plan.txt"
    path.write_text(STEPS_PLAN.format(name=name, clause=clause), encoding="utf-8")
    return load_plan(path)


@pytest.mark.parametrize("name", ["实施步骤", "工作步骤", "方法步骤", "进度安排", "时间安排", "工作安排"])
def test_the_phases_of_an_implementation_plan_are_no_tasks(tmp_path, name):
    """三、实施步骤 （一）动员部署阶段（2023年3月）… said when the work is done: its phases were read
    as three tasks of a chapter among the task chapters.  A chapter named for its steps, or any
    chapter whose items all name phases (三、工作安排), holds none."""
    r = _steps_plan(tmp_path, name)
    assert tasks(r) == [("1", "新（改）建农村卫生户厕"), ("2", "开展农村黑臭水体治理")]
    assert r.chapters[2].kind == "steps"
    assert not r.warnings


def test_a_phase_naming_its_units_is_a_gap(tmp_path):
    r = _steps_plan(tmp_path, "实施步骤", "（责任单位：各乡镇人民政府）")
    assert len(r.tasks()) == 2
    assert [(g.line, g.kind) for g in r.warnings] == [(9, "responsibility")]


def test_a_chapter_named_for_mechanisms_or_assessment_is_a_safeguard(tmp_path):
    """四、工作机制 / 五、监督考核 after the task chapters are safeguards: their items are no tasks."""
    r = plan(tmp_path, BACKGROUND + GOALS + "三、主要任务\n（一）完善低保制度。将符合条件的残疾人纳入低保范围。\n"
             "四、工作机制\n（一）建立联席会议制度。定期召开会议。\n（二）建立通报制度。按季度通报进展。\n"
             "五、监督考核\n（一）强化督查。纳入年度考核。\n（二）严格问责。对工作不力的予以通报。\n")
    assert tasks(r) == [("1", "完善低保制度")]
    assert [c.kind for c in r.chapters][3:] == ["safeguards", "safeguards"]


def test_a_chapter_of_tasks_and_steps_holds_tasks_unless_its_items_are_phases(tmp_path):
    """三、主要任务和实施步骤 over tasks holds tasks; over phases only, none."""
    r = plan(tmp_path, BACKGROUND + GOALS + "三、主要任务和实施步骤\n（一）完善低保制度。将符合条件的残疾人纳入低保范围。\n"
             "（二）落实两项补贴。按规定发放补贴。\n")
    assert tasks(r) == [("1", "完善低保制度"), ("2", "落实两项补贴")]
    r = plan(tmp_path, BACKGROUND + GOALS + "三、主要任务和实施步骤\n（一）第一阶段（2023年3月）：制定方案。\n"
             "（二）第二阶段（2023年4月—12月）：全面实施。\n"
             "四、重点项目\n（一）建设康复中心。新建县康复中心一所。\n")
    assert tasks(r) == [("1", "建设康复中心")]
    assert r.chapters[2].kind == "steps"


def test_a_bracketed_number_a_boxs_wrapped_line_opens_with_is_the_items_text(tmp_path):
    """…编制67人以上 / （67）的事业单位…: a line broken before a bracketed number in a box's item (a PDF's
    line ends where they fall) was a project 67, and the box's next item a task."""
    r = plan(tmp_path, "一、主要任务\n1.促进残疾人就业。实施按比例就业。（牵头单位：县人社局）\n"
                       "专栏1 残疾人就业重点项目\n"
                       "1.按比例安排残疾人就业项目。编制50人以上（50）的县级党政机关，编制67人以上\n"
                       "（67）的事业单位至少安排1名残疾人。\n"
                       "2.残疾人职业培训项目。每年培训残疾人200人次。\n"
                       "2.加强职业培训。开展技能培训。（牵头单位：县人社局）\n")
    assert [(p.no, p.title) for c in r.columns() for p in c.projects] == [
        ("1", "按比例安排残疾人就业项目"), ("2", "残疾人职业培训项目")]
    assert [t.title for t in r.tasks()] == ["促进残疾人就业", "加强职业培训"]
    assert "（67）的事业单位" in r.columns()[0].projects[0].text


BOX_ITEMS = [("最低生活保障", "将符合条件的残疾人家庭全部纳入最低生活保障范围"),
             ("残疾人信息消费优惠", "对残疾人使用语音流量等信息消费给予优惠"),
             ("困难残疾人走访探视服务", "村民委员会对困难残疾人开展经常性走访探视")]


@pytest.mark.parametrize("printing", [
    "{}\u3000{}。",  # one full-width space between the name and its description
    "{}：{}。",  # a colon, the names ending in no project word (优惠, 保障)
    "{}  {}",  # two spaces, no full stop closing the description
    "{}：{}",  # a colon, no full stop closing the description
])
def test_a_boxs_unnumbered_items_each_read_however_separated(tmp_path, printing):
    """A 专栏 of unnumbered "name description" items: before, one full-width space read the first
    item alone (the rest its text), a colon after a name ending in no project word joined that item
    to the one before, and an item closing with no 。 took the next line as its own text, with no
    word said."""
    body = ("一、主要任务\n1.完善低保制度。将残疾人纳入保障范围。（牵头单位：县民政局）\n专栏1  残疾人社会保障项目\n"
            + "".join(printing.format(name, desc) + "\n" for name, desc in BOX_ITEMS) + "二、保障措施\n（一）加强组织领导。\n")
    r = plan(tmp_path, body)
    assert [p.title for p in r.projects()] == [name for name, _ in BOX_ITEMS]
    assert len(r.tasks()) == 1


LONG_ITEMS = [("党政机关、事业单位按比例安排残疾人就业项目", "由县人社局牵头，党政机关、事业单位等按比例安排残疾人就业"),
              ("重大疫情等突发公共事件中困难残疾人危急救助", "对因疫情防控在家隔离的残疾人落实帮包联系人，县民政局负责"),
              ("盲人按摩提升项目", "鼓励扶持盲人医疗按摩人员在医院、疗养院、社区卫生服务中心执业")]


@pytest.mark.parametrize("width", [None, 25, 29])  # at 25 the first two items fill their last lines
def test_a_boxs_name_colon_items_with_no_full_stop_each_read_however_long_or_wrapped(tmp_path, width):
    """Items printed "name：description" with no 。 closing them were joined into the first (a box of
    seven projects read one, nothing said): names over 20 characters, a clause inside, and, in text
    extracted from a PDF (lines cut at `width`), an item's last line that happens to fill the line."""
    items = [f"{name}：{desc}" for name, desc in LONG_ITEMS]
    if width:
        items = ["\n".join(item[i:i + width] for i in range(0, len(item), width)) for item in items]
    body = ("一、主要任务\n1.完善低保制度。将残疾人纳入保障范围。（牵头单位：县民政局）\n专栏1  残疾人就业项目\n"
            + "".join(item + "\n" for item in items) + "二、保障措施\n（一）加强组织领导。\n")
    r = plan(tmp_path, body)
    assert [p.title for p in r.projects()] == [name for name, _ in LONG_ITEMS]
    assert [p.text.replace("\n", "") for p in r.projects()] == [f"{name}：{desc}" for name, desc in LONG_ITEMS]


def test_a_wrapped_paragraph_outside_a_box_is_not_cut_where_a_line_opens_with_words_and_a_colon(tmp_path):
    """Outside a box, a line cut at the page width may end before words and a colon (主要包括：…):
    the paragraph goes on."""
    text = "加强残疾人康复服务：为残疾人提供精准康复服务，康复服务主要包括：康复训练、辅助器具适配和支持性服务。"
    lines = ["一、主要任务", "1.完善低保制度。将残疾人纳入保障范围，落实兜底保障。（牵头单位：县民政局）", text,
             "二、保障措施", "（一）加强组织领导。"]
    body = "".join(ln[i:i + 23] + "\n" for ln in lines for i in range(0, len(ln), 23))
    assert "\n康复服务主要包括：" in body
    r = plan(tmp_path, body)
    assert text in r.tasks()[0].text.replace("\n", "")


def test_a_box_items_fields_stay_its_text(tmp_path):
    """建设内容：… and 实施主体：… under a project printed "name：description" are its fields, no items."""
    body = ("一、主要任务\n1.完善低保制度。将残疾人纳入保障范围。（牵头单位：县民政局）\n专栏1  残疾人康复项目\n"
            "残疾人康复中心建设项目：新建县残疾人康复中心。\n建设内容：建设康复训练用房2000平方米。\n"
            "实施主体：县残联。\n精准康复服务行动：为残疾人提供基本康复服务。\n二、保障措施\n（一）加强组织领导。\n")
    r = plan(tmp_path, body)
    assert [p.title for p in r.projects()] == ["残疾人康复中心建设项目", "精准康复服务行动"]
    assert "建设内容" in r.projects()[0].text and "实施主体" in r.projects()[0].text
