"""How plans print a task's responsibility clause, in the printings the clause grammar once misread:
labels set in brackets (【牵头单位】县民政局), a label's role word where a unit's name goes, units that
carry a task out beside its lead (县卫健局牵头，各乡镇人民政府落实), paired labels (牵头单位/配合单位：
A/B).  Small hand-made plans; each asserts every task's lead and supporting units and the gap's line."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan
from tests.loaders.handmade import text_plan

HEAD = "青山县“十四五”残疾人事业发展规划\n\n一、发展目标\n到2025年，残疾人事业全面发展。\n\n二、主要任务\n"
TAIL = "\n三、保障措施\n加强组织领导。\n"
#: the line of the first task (HEAD is six lines)
FIRST = 7


def plan(tmp_path: Path, body: str):
    path = tmp_path / "plan.txt"
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    return load_plan(path)


def roles(record) -> list[tuple[list[str], list[str]]]:
    """Each task's (leads, supporters), as unit labels."""
    return [([u.label for u in t.units("lead")], [u.label for u in t.units("support")]) for t in record.tasks()]


def gaps(record) -> list[tuple[int, str]]:
    return [(g.line, g.kind) for g in record.warnings]


# -- a clause's label is never a unit ---------------------------------------------------------------

def test_a_label_with_no_units_after_it_is_a_gap_not_a_unit(tmp_path):
    """（牵头单位：） named a lead 县牵头单位: the label read as the name of a body, with the plan's level."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（牵头单位：）\n"
                       "（二）加强康复服务。实施精准康复。（牵头单位：县卫健局）")
    assert roles(r) == [([], []), (["县卫生健康局"], [])]
    assert gaps(r) == [(FIRST, "responsibility")]


def test_a_label_alone_in_brackets_is_a_gap_not_a_unit(tmp_path):
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（责任部门）")
    assert roles(r) == [([], [])]
    assert gaps(r) == [(FIRST, "responsibility")]


def test_a_label_with_a_level_in_a_list_of_units_is_a_gap(tmp_path):
    """（县牵头单位、县民政局） read 县牵头单位 as the lead and 县民政局 as its supporter."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（县牵头单位、县民政局）")
    assert roles(r) == [([], [])]
    assert gaps(r) == [(FIRST, "responsibility")]


def test_a_label_after_a_label_is_a_gap_naming_it(tmp_path):
    """配合单位：责任单位 named a supporter 县责任单位; a collective (各有关单位) is still read."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（牵头单位：县民政局；配合单位：责任单位）\n"
                       "（二）加强康复服务。实施精准康复。（牵头单位：县卫健局；配合单位：各有关单位）")
    assert roles(r) == [(["县民政局"], []), (["县卫生健康局"], ["各有关单位"])]
    assert len(r.warnings) == 1 and r.warnings[0].line == FIRST and r.warnings[0].kind == "unit-name"
    assert "责任单位" in r.warnings[0].message


# -- labels set in brackets of their own, and 为 for a label's colon ------------------------------

def test_labels_in_brackets_after_the_text(tmp_path):
    """【牵头单位】县民政局【配合单位】县财政局 made the lead 县牵头单位 and no supporter."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。【牵头单位】县民政局【配合单位】县财政局\n"
                       "（二）加强康复服务。实施精准康复。【牵头单位】县卫健局")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], [])]
    assert not r.warnings


def test_labels_in_other_brackets_with_or_without_a_colon(tmp_path):
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。〔牵头单位〕县民政局〔配合单位〕县财政局\n"
                       "（二）加强康复服务。实施精准康复。[牵头单位]县卫健局；[配合单位]县残联\n"
                       "（三）发展特殊教育。办好特教学校。【牵头单位：】县教育局【配合单位】：县财政局\n"
                       "（四）促进就业。开展职业培训。〖牵头单位〗县人社局 ［配合单位］县残联")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县残疾人联合会"]),
                        (["县教育局"], ["县财政局"]), (["县人力资源和社会保障局"], ["县残疾人联合会"])]
    assert not r.warnings


def test_labels_in_brackets_inside_the_clause_brackets(tmp_path):
    """（【牵头单位】县民政局；…） made units named 县【牵头单位】县民政局."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（【牵头单位】县民政局；【配合单位】县财政局）")
    assert roles(r) == [(["县民政局"], ["县财政局"])]
    assert not r.warnings


def test_labels_in_brackets_on_lines_of_their_own(tmp_path):
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。\n【牵头单位】县民政局\n【配合单位】县财政局\n"
                       "（二）加强康复服务。实施精准康复。")
    assert roles(r) == [(["县民政局"], ["县财政局"]), ([], [])]
    assert not r.warnings


def test_为_for_the_colon_of_a_label(tmp_path):
    """（牵头单位为县民政局，…） made a unit 牵头单位为县民政局; unbracketed, the clause was lost unsaid."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（牵头单位为县民政局，配合单位为县财政局）\n"
                       "（二）加强康复服务。实施精准康复。牵头单位为县卫健局，配合单位为县残联。\n"
                       "（三）发展特殊教育。坚持以政府投入为主，社会参与为辅。")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县残疾人联合会"]), ([], [])]
    assert not r.warnings


# -- units that carry a task out beside its lead -----------------------------------------------------

def test_units_that_carry_out_a_task_beside_its_lead_support_it(tmp_path):
    """（县卫健局牵头，各乡镇人民政府落实） was a gap, though (A牵头，B负责实施) read B as a supporter."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（县民政局牵头，县财政局参与）\n"
                       "（二）加强康复服务。实施精准康复。（县卫健局牵头，各乡镇人民政府落实）\n"
                       "（三）发展特殊教育。办好特教学校。（县教育局牵头，县残联、县财政局实施）\n"
                       "（四）促进就业。开展职业培训。（县人社局负责，县就业服务中心执行，县残联配合）")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["各乡镇人民政府"]),
                        (["县教育局"], ["县残疾人联合会", "县财政局"]),
                        (["县人力资源和社会保障局"], ["县就业服务中心", "县残疾人联合会"])]
    assert not r.warnings


def test_units_that_carry_out_a_task_after_a_label_or_in_a_sentence(tmp_path):
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。责任单位：县民政局牵头，各乡镇人民政府承办\n"
                       "（二）加强康复服务。实施精准康复。县卫健局牵头，各乡镇人民政府落实。")
    assert roles(r) == [(["县民政局"], ["各乡镇人民政府"]), (["县卫生健康局"], ["各乡镇人民政府"])]
    assert not r.warnings


# -- paired labels -------------------------------------------------------------------------------

def test_paired_labels_read_pairwise_or_are_a_gap(tmp_path):
    """（牵头单位/配合单位：县民政局/县财政局） was a gap; lists that do not pair with the labels still are."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（牵头单位/配合单位：县民政局/县财政局）\n"
                       "（二）加强康复服务。实施精准康复。（牵头单位／配合单位：县卫健局、县残联／县财政局；完成时限：2023年底）\n"
                       "（三）发展特殊教育。办好特教学校。牵头单位/配合单位：县教育局/县残联\n"
                       "（四）促进就业。开展职业培训。（牵头单位/配合单位：县人社局/县财政局/县残联）\n"
                       "（五）加强托养服务。建设托养机构。牵头单位/配合单位：县民政局")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局", "县残疾人联合会"], ["县财政局"]),
                        (["县教育局"], ["县残疾人联合会"]), ([], []), ([], [])]
    assert [t.deadline for t in r.tasks()] == ["", "2023年底", "", "", ""]
    assert gaps(r) == [(FIRST + 3, "responsibility"), (FIRST + 4, "responsibility")]


# -- a clause printed before the task's title ----------------------------------------------------------

def test_a_clause_before_the_title_is_no_part_of_it(tmp_path):
    """（一）（牵头单位：县民政局）完善低保制度。 read the title （牵头单位：县民政局）完善低保制度."""
    r = plan(tmp_path, "（一）（牵头单位：县民政局；配合单位：县财政局）完善低保制度。将符合条件的残疾人纳入低保。\n"
                       "（二）【牵头单位：县卫健局】加强康复服务。实施精准康复。\n"
                       "（三）（二〇二一年起）发展特殊教育。办好特教学校。")
    assert [t.title for t in r.tasks()] == ["完善低保制度", "加强康复服务", "（二〇二一年起）发展特殊教育"]
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], []), ([], [])]
    assert not r.warnings


# -- a label printed after a unit's name, as its role -------------------------------------------------

def test_a_label_in_brackets_after_a_name_marks_its_role(tmp_path):
    """县财政局（配合单位） was read as a body with a second name 配合单位 (县配合单位)."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（县民政局（牵头单位）、县财政局（配合单位））\n"
                       "（二）加强康复服务。实施精准康复。（责任单位：县卫健局（牵头部门）、县财政局（配合部门）、县残联（协办单位））")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县财政局", "县残疾人联合会"])]
    assert not [label for t in r.tasks() for u in (*t.units("lead"), *t.units("support"))
                for label in (u.label, *u.alt_labels) if "单位" in label or "部门" in label]
    assert not r.warnings


# -- a label set off by white space, no colon ------------------------------------------------------------

def test_a_label_set_off_by_white_space_reads_where_a_unit_list_follows(tmp_path):
    """牵头单位　县民政局　配合单位　县财政局 (full- or half-width spaces, tabs) was lost with no gap, on a
    line of its own, at the end of a task's text or in brackets (a gap there); three such lines in a row
    were read as a table's rows, the tasks in them lost."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。\n"
                       "牵头单位　县民政局　配合单位　县财政局\n"
                       "（二）加强康复服务。实施精准康复。牵头单位　县卫健局　配合单位　县残联\n"
                       "（三）发展特殊教育。办好特教学校。（牵头单位　县教育局　配合单位　县财政局、县残联）\n"
                       "（四）促进就业。开展职业培训。牵头单位\t县人社局\t配合单位\t县残联\n"
                       "（五）加强托养服务。建设托养机构。牵头单位 县民政局 配合单位 县残联。\n"
                       "（六）发展文体。开展文体活动。\n"
                       "县级牵头单位  县文旅局    完成时限  2023年底前")
    assert [t.title for t in r.tasks()] == ["完善低保制度", "加强康复服务", "发展特殊教育", "促进就业", "加强托养服务",
                                            "发展文体"]
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县残疾人联合会"]),
                        (["县教育局"], ["县财政局", "县残疾人联合会"]),
                        (["县人力资源和社会保障局"], ["县残疾人联合会"]), (["县民政局"], ["县残疾人联合会"]),
                        (["县文化和旅游局"], [])]
    assert [t.deadline for t in r.tasks()][-1] == "2023年底前"
    assert not r.warnings


def test_a_label_before_white_space_and_prose_stays_prose(tmp_path):
    """Only a unit list makes a label of a word before white space: 各责任单位 要…, 牵头单位 要… are prose."""
    r = plan(tmp_path, "（一）完善低保制度。各责任单位 要加强协作，牵头单位 要统筹推进。\n"
                       "（二）加强康复服务。实施精准康复。（牵头单位　县卫健局）\n"
                       "（三）发展特殊教育。责任单位 各司其职，配合单位 积极参与。")
    assert roles(r) == [([], []), (["县卫生健康局"], []), ([], [])]
    assert not r.warnings


def test_a_label_set_off_by_white_space_in_a_word_table_cell(tmp_path):
    """A division table's cell 牵头单位　县民政局　配合单位　县财政局 read a supporter 县单位 (a gap said
    牵头单位 was no unit); a one-cell table under a task holding the clause was lost with no gap."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("青山县“十四五”残疾人事业发展规划", "一、发展目标", "到2025年，残疾人事业全面发展。", "二、主要任务",
                 "（一）完善低保制度。将符合条件的残疾人纳入低保。"):
        document.add_paragraph(text)
    document.add_table(rows=1, cols=1).cell(0, 0).text = "牵头单位　县民政局　配合单位　县财政局"
    for text in ("（二）加强康复服务。实施精准康复。", "三、保障措施", "加强组织领导。", "附件", "重点任务分工表"):
        document.add_paragraph(text)
    grid = document.add_table(rows=3, cols=3)
    for i, cells in enumerate((("序号", "重点任务", "责任单位"), ("1", "完善低保制度", "牵头单位　县民政局　配合单位　县财政局"),
                               ("2", "加强康复服务", "牵头单位 县卫健局\n配合单位 县残联"))):
        for j, text in enumerate(cells):
            grid.cell(i, j).text = text
    path = tmp_path / "plan.docx"
    document.save(str(path))
    r = load_plan(path)
    assert roles(r) == [(["县民政局"], ["县财政局"]), ([], []),
                        (["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县残疾人联合会"])]
    assert not r.warnings


# -- a unit list wrapped onto the next line ---------------------------------------------------------

def test_a_unit_list_wrapped_with_no_mark_at_the_break_goes_on(tmp_path):
    """配合单位：县财政局、县残联 / 县教育局: the short line ended the paragraph and 县教育局 was lost with
    no gap; so a list wrapped before a label of its own (县残联；完成时限：…)."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。\n牵头单位：县民政局\n"
                       "配合单位：县财政局、县残联\n县教育局\n"
                       "（二）加强康复服务。实施精准康复。\n牵头单位：县卫健局；配合单位：县财政局\n县残联；完成时限：2023年底\n"
                       "（三）发展特殊教育。办好特教学校。牵头单位　县教育局　配合单位　县残联\n县财政局\n"
                       "（四）促进就业。开展职业培训。\n牵头单位：县人社局\n县残联要加强指导。")
    assert roles(r) == [(["县民政局"], ["县财政局", "县残疾人联合会", "县教育局"]),
                        (["县卫生健康局"], ["县财政局", "县残疾人联合会"]),
                        (["县教育局"], ["县残疾人联合会", "县财政局"]), (["县人力资源和社会保障局"], [])]
    assert [t.deadline for t in r.tasks()] == ["", "2023年底", "", ""]
    assert not r.warnings


def test_a_line_under_a_list_that_opens_with_a_unit_but_does_not_read_is_a_gap(tmp_path):
    """责任单位：县人社局、县残联 / 县就业服务中心、加强指导: 县就业服务中心 was lost with no gap."""
    r = plan(tmp_path, "（一）促进就业。开展职业培训。\n责任单位：县人社局、县残联\n县就业服务中心、加强指导\n"
                       "（二）加强康复服务。实施精准康复。（牵头单位：县卫健局）")
    assert roles(r) == [(["县人力资源和社会保障局"], ["县残疾人联合会"]), (["县卫生健康局"], [])]
    assert gaps(r) == [(FIRST + 2, "responsibility")]
    assert "县就业服务中心" in r.warnings[0].message


# -- units that carry a task out, with no lead beside them -------------------------------------------

def test_units_that_carry_out_a_task_alone_in_its_closing_bracket_lead_it(tmp_path):
    """（县民政局落实） named nobody, with no gap: read as （县民政局负责） is; in a title too."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（县民政局落实）\n"
                       "（二）加强康复服务。实施精准康复。（县卫健局、县残联实施）\n"
                       "（三）发展特殊教育（县教育局执行）。办好特教学校。\n"
                       "（四）促进就业。开展职业培训（县人社局组织落实）。\n"
                       "（五）加强托养服务。建设托养机构。（县民政局负责）\n"
                       "（六）发展文体。开展文体活动。（由县文旅局、各乡镇（街道）共同落实）")
    assert [t.title for t in r.tasks()] == ["完善低保制度", "加强康复服务", "发展特殊教育", "促进就业", "加强托养服务",
                                            "发展文体"]
    assert roles(r) == [(["县民政局"], []), (["县卫生健康局", "县残疾人联合会"], []), (["县教育局"], []),
                        (["县人力资源和社会保障局"], []), (["县民政局"], []), (["县文化和旅游局", "各乡镇（街道）"], [])]
    assert not r.warnings


def test_units_that_carry_out_a_task_inside_a_sentence_are_a_gap(tmp_path):
    """（县教育局落实） inside a sentence is no task's closing clause: not read, and said.  （各乡镇要抓好落实）
    is a sentence, not a collective 各乡镇要抓好落实 leading the task (as it was): not read, and said."""
    r = plan(tmp_path, "（一）发展特殊教育。县教育局要抓好落实，（县教育局落实）办好特教学校。\n"
                       "（二）加强康复服务。实施精准康复。（各乡镇要抓好落实）")
    assert roles(r) == [([], []), ([], [])]
    assert gaps(r) == [(FIRST, "responsibility"), (FIRST + 1, "responsibility")]


# -- a label before a unit's name that does not read as a clause is a gap --------------------------

def test_a_sentence_opening_with_a_collectives_word_is_no_unit(tmp_path):
    """配合单位：各乡镇要积极配合 read a supporter 各乡镇要积极 (各 opens a collective, so anything after it
    was one), with or without the colon: now the clause is not read, and said."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。牵头单位：县民政局；配合单位：各乡镇要积极配合\n"
                       "（二）加强康复服务。实施精准康复。牵头单位　县卫健局　配合单位　各乡镇要积极配合\n"
                       "（三）发展特殊教育。办好特教学校。（牵头单位：县教育局；配合单位：各乡镇（街道）、各县区）")
    assert roles(r) == [([], []), ([], []), (["县教育局"], ["各乡镇（街道）", "各县区"])]
    assert gaps(r) == [(FIRST, "responsibility"), (FIRST + 1, "responsibility")]


def test_a_label_before_a_unit_that_does_not_read_as_a_clause_is_a_gap(tmp_path):
    """牵头单位　县卫健局。加强部门协作。 (prose after the list) and 牵头单位 / 县民政局、加强指导 (the label's
    line run into the next) were lost with no gap."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。\n牵头单位\n县民政局、加强指导\n"
                       "（二）加强康复服务。实施精准康复。牵头单位　县卫健局。加强部门协作。\n"
                       "（三）发展特殊教育。办好特教学校。牵头单位 要统筹推进，配合县财政局、县民政局开展工作。")
    assert roles(r) == [([], []), ([], []), ([], [])]
    assert gaps(r) == [(FIRST + 1, "responsibility"), (FIRST + 3, "responsibility")]


# -- a label ending its line, its list on the next ---------------------------------------------------

def test_a_label_ending_its_line_takes_the_next_line_as_its_list(tmp_path):
    """牵头单位 (its spaces stripped with the line's end) / 县卫健局、县残联: the lines were run together,
    牵头单位县卫健局、县残联, and read as no clause (a gap); so after a sentence, in brackets and before a
    second label.  The colon's printings (牵头单位： / …) read so already."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。\n牵头单位：\n县民政局、县财政局\n"
                       "（二）加强康复服务。实施精准康复。\n牵头单位　\n县卫健局、县残联\n"
                       "（三）发展特殊教育。办好特教学校。\n责任单位\n县教育局\n"
                       "（四）促进就业。开展职业培训。牵头单位\n县人社局；配合单位\n县残联、县财政局\n"
                       "（五）加强托养服务。建设托养机构。（牵头单位\n县民政局）\n"
                       "（六）发展文体。开展文体活动，督促各责任单位\n县文旅局要加强指导。")
    assert roles(r) == [(["县民政局", "县财政局"], []), (["县卫生健康局", "县残疾人联合会"], []), (["县教育局"], []),
                        (["县人力资源和社会保障局"], ["县残疾人联合会", "县财政局"]), (["县民政局"], []), ([], [])]
    assert not r.warnings


# -- units that carry a task out, beside the units named as their supporters ---------------------------

def test_units_that_carry_out_a_task_lead_the_supporters_named_beside_them(tmp_path):
    """（县民政局落实，县财政局配合） and （县卫健局会同县残联落实） were gaps, though （县民政局负责，县财政局配合）
    and （县卫健局会同县残联负责） read; （县民政局会同县残联承办） read a supporter 县残联承办 (承办 ends as 办
    does), （县委宣传部联合县残联执行） one lead 县委宣传部联合县残联, and 县教育局落实，县财政局配合。 the
    supporter alone.  A word of how before the verb (组织落实, 抓好落实) is no part of a name."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（县民政局落实，县财政局配合）\n"
                       "（二）加强康复服务。实施精准康复。（县卫健局会同县残联落实）\n"
                       "（三）发展特殊教育。办好特教学校。（县民政局会同县残联承办）\n"
                       "（四）促进就业。开展职业培训。（县人社局实施，县残联、县就业服务中心协助）\n"
                       "（五）加强宣传。开展助残宣传。（县委宣传部联合县残联执行）\n"
                       "（六）发展文体。开展文体活动。县教育局落实，县财政局配合。\n"
                       "（七）加强托养服务。建设托养机构。（县民政局组织落实，县财政局参与）\n"
                       "（八）加强无障碍建设。推进改造。（各乡镇抓好落实，县残联配合）\n"
                       "（九）完善救助。开展救助。（县民政局负责，县财政局配合）")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县残疾人联合会"]),
                        (["县民政局"], ["县残疾人联合会"]),
                        (["县人力资源和社会保障局"], ["县残疾人联合会", "县就业服务中心"]),
                        (["县委宣传部"], ["县残疾人联合会"]), (["县教育局"], ["县财政局"]), (["县民政局"], ["县财政局"]),
                        (["各乡镇"], ["县残疾人联合会"]), (["县民政局"], ["县财政局"])]
    assert not r.warnings


def test_units_that_carry_out_a_task_after_its_supporters_lead_them(tmp_path):
    """（县财政局配合，县民政局落实） was a gap, though the other order read: the supporters named first
    do not change who carries the task out.  Two carrying lists after a supporter say no lead."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（县财政局配合，县民政局落实）\n"
                       "（二）加强康复服务。实施精准康复。（县残联、县医保局协助，县卫健局组织实施）\n"
                       "（三）促进就业。开展职业培训。（县财政局配合，县人社局落实，各乡镇实施）")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县残疾人联合会", "县医疗保障局"]),
                        ([], [])]
    assert gaps(r) == [(FIRST + 2, "responsibility")]


def test_units_that_carry_out_a_task_beside_units_by_duty_are_a_gap(tmp_path):
    """Who leads is not said where the others work by their duties."""
    r = plan(tmp_path, "（一）加强康复服务。实施精准康复。（县卫健局落实，县残联按职责分工负责）")
    assert roles(r) == [([], [])]
    assert gaps(r) == [(FIRST, "responsibility")]


# -- a bracket that reads as a clause after a name ------------------------------------------------------

def test_a_bracket_of_units_and_a_clause_verb_after_a_name_closes_its_sentence(tmp_path):
    """办好特教学校（各乡镇抓好落实）: a bracket after a name ending as a body's does (校, 院, 馆) was taken
    for the name's gloss, and the clause was a gap.  A bracket of units alone there still glosses the
    name (建设县康复中心（县残联）。 names the centre's body: no clause), and one inside a sentence is a gap."""
    r = plan(tmp_path, "（一）发展特殊教育。办好特教学校（各乡镇抓好落实）。\n"
                       "（二）加强康复服务。建好县康复医院（县卫健局落实）\n"
                       "（三）丰富文体生活。办好县图书馆（县文旅局、县残联实施）。\n"
                       "（四）加强托养服务。建设县康复中心（县残联）。\n"
                       "（五）促进就业。建好县就业服务中心（县人社局落实），提升服务。")
    assert roles(r) == [(["各乡镇"], []), (["县卫生健康局"], []), (["县文化和旅游局", "县残疾人联合会"], []),
                        ([], []), ([], [])]
    assert gaps(r) == [(FIRST + 4, "responsibility")]


# -- units said to be a label's, and 主要 before a label ---------------------------------------------------

def test_units_said_to_be_a_labels_units_and_主要_before_a_label(tmp_path):
    """（县民政局是牵头单位，县财政局是配合单位） and （主要牵头单位：…） were gaps; 为 read only before
    牵头单位, 牵头部门 and four supporters' labels; 县民政局为责任单位 reads as 责任单位：县民政局 does."""
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（县民政局是牵头单位，县财政局是配合单位）\n"
                       "（二）加强康复服务。实施精准康复。县卫健局为牵头单位，县残联为协助部门。\n"
                       "（三）发展特殊教育。办好特教学校。（主要牵头单位：县教育局；配合单位：县财政局）\n"
                       "（四）促进就业。开展职业培训。（县人社局为主要牵头单位）\n"
                       "（五）加强托养服务。建设托养机构。（县民政局、县残联为责任单位）\n"
                       "（六）发展文体。开展文体活动。县级主要牵头单位　县文旅局\n"
                       "（七）加强宣传。坚持以用人单位为责任主体。")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县残疾人联合会"]), (["县教育局"], ["县财政局"]),
                        (["县人力资源和社会保障局"], []), (["县民政局"], ["县残疾人联合会"]), (["县文化和旅游局"], []),
                        ([], [])]
    assert not r.warnings


# -- a unit named twice in one task's clause ---------------------------------------------------------------

def test_a_unit_named_as_lead_and_among_the_units_responsible_leads_only(tmp_path):
    """（责任单位：县民政局、县市场监管局，县民政局牵头） made 县民政局 the task's lead and its supporter; a
    county's body beside the city's of the same name (市民政局牵头，县民政局配合) is another unit."""
    r = plan(tmp_path, "（一）加强社会组织管理。开展年检。（责任单位：县民政局、县市场监管局，县民政局牵头）\n"
                       "（二）完善低保制度。纳入低保。（牵头单位：县民政局；配合单位：县民政局、县财政局）\n"
                       "（三）加强救助。开展救助。（市民政局牵头，县民政局配合）")
    assert roles(r) == [(["县民政局"], ["县市场监督管理局"]), (["县民政局"], ["县财政局"]),
                        (["市民政局"], ["县民政局"])]
    assert not r.warnings


# -- a clause closing a paragraph that enumerates its tasks ---------------------------------------------

def test_a_clause_closing_an_enumerating_paragraph_names_the_units_of_each_of_its_tasks(tmp_path):
    """一是……二是……。（责任单位：A、B）: the paragraph's clause was read as its last item's alone, the
    first item left with no unit and no word said.  Items that print their own clauses keep them, and
    a clause after one item inside the paragraph stays that item's."""
    r = plan(tmp_path, "（一）加强儿童福利\n"
                       "一是完善孤儿保障制度。提高孤儿基本生活费标准。二是加强留守儿童关爱保护。健全关爱服务体系。"
                       "（责任单位：县民政局、县教育局）\n"
                       "（二）发展养老服务\n"
                       "一是建设养老服务设施。新建中心5个。二是发展居家养老。推进家庭养老床位建设。责任单位：县民政局。\n"
                       "（三）加强社会事务\n"
                       "一是推进殡葬改革（责任单位：县民政局）。二是加强婚姻登记管理（责任单位：县司法局）。\n"
                       "（四）加强社会组织管理\n"
                       "一是完善登记制度。二是加强监管（县民政局牵头，县市场监管局配合）。三是开展评估。")
    assert roles(r) == [(["县民政局"], ["县教育局"]), (["县民政局"], ["县教育局"]),
                        (["县民政局"], []), (["县民政局"], []),
                        (["县民政局"], []), (["县司法局"], []),
                        ([], []), (["县民政局"], ["县市场监督管理局"]), ([], [])]
    assert [t.title for t in r.tasks()][:2] == ["完善孤儿保障制度", "加强留守儿童关爱保护"]
    assert not r.warnings


# -- words of how between a unit list and its verb --------------------------------------------------------

def test_words_of_how_before_a_verb_are_no_part_of_a_units_name(tmp_path):
    """县直有关部门按职责分工配合 named a supporter 县直有关部门按职责分工, 县级各有关部门积极配合 one
    县级各有关部门积极, 各乡镇人民政府属地落实 one 各乡镇人民政府属地: a collective printed with its level
    skipped the check that a name ends as a body's does, and 地 passed as 各地's."""
    r = plan(tmp_path, "（一）推进社保卡应用。开展应用。（县人社局牵头，县直有关部门按职责分工配合）\n"
                       "（二）推进医保电子凭证应用。开展应用。（县医保局牵头，县级各有关部门积极配合）\n"
                       "（三）推进失业保险扩面。开展扩面。（县人社局牵头，县有关部门认真配合）\n"
                       "（四）推进厕所革命。开展改厕。（县农业农村局牵头，各乡镇人民政府属地落实）\n"
                       "（五）推进村庄清洁。开展清洁。（县农业农村局牵头，各乡镇（街道）负责属地落实）")
    assert roles(r) == [(["县人力资源和社会保障局"], ["县直有关部门"]), (["县医疗保障局"], ["县级各有关部门"]),
                        (["县人力资源和社会保障局"], ["县有关部门"]), (["县农业农村局"], ["各乡镇人民政府"]),
                        (["县农业农村局"], ["各乡镇（街道）"])]
    assert not r.warnings


def test_a_collective_with_its_level_that_ends_in_prose_is_a_gap(tmp_path):
    r = plan(tmp_path, "（一）推进社保卡应用。开展应用。（牵头单位：县人社局；配合单位：县直有关部门认真）")
    assert roles(r) == [(["县人力资源和社会保障局"], [])]
    assert gaps(r) == [(FIRST, "unit-name")]


# -- how a clause shares its tasks: 均由, 以上两项, 抓总, and a note that the order means nothing ------------

def test_均由_and_以上两项_and_抓总(tmp_path):
    """（均由县教育局负责） led with a unit 均由县教育局 (and so did 以下各项任务均由…, for each task of its
    section); 以上两项任务由… was half read (两 no numeral), the supporter given to the last task alone;
    （县林业局抓总，各乡镇具体落实） was read into nothing, without a word."""
    r = plan(tmp_path, "（一）推进学前教育\n1.新建公办幼儿园。新建10所。（均由县教育局负责）\n"
                       "（二）推进高中教育\n以下各项任务均由县教育局牵头，县发改局配合。\n"
                       "2.扩大高中教育资源。新建高中1所。\n"
                       "3.推进高中特色发展。建设特色高中。\n"
                       "（三）发展普惠学前教育\n4.扩大普惠性民办园。认定普惠园。\n5.提高保教质量。开展教研。\n"
                       "以上两项任务由县教育局牵头，县财政局配合。\n"
                       "（四）加强森林防火\n6.推进森林防火。建设防火通道。（县林业局抓总，各乡镇具体落实）")
    assert roles(r) == [(["县教育局"], []), (["县教育局"], ["县发展和改革局"]), (["县教育局"], ["县发展和改革局"]),
                        (["县教育局"], ["县财政局"]), (["县教育局"], ["县财政局"]), (["县林业局"], ["各乡镇"])]
    assert not r.warnings


def test_a_note_that_the_order_of_units_means_nothing_makes_each_responsible(tmp_path):
    """注：各项任务责任单位排名不分先后 — the first of 责任单位：A、B、C was still read as the lead."""
    r = text_plan(tmp_path, "青山县“十四五”社会事业规划\n\n二、主要任务\n注：各项任务责任单位排名不分先后。\n"
                            "（一）完善社会救助体系。健全救助制度。（责任单位：县民政局、县财政局、县医保局）\n"
                            "（二）加强养老服务。建设养老机构。（牵头单位：县民政局；配合单位：县卫健局）\n"
                            "三、保障措施\n加强组织领导。\n")
    assert roles(r) == [(["县民政局", "县财政局", "县医疗保障局"], []), (["县民政局"], ["县卫生健康局"])]
    assert not r.warnings and r.coverage.unread_paragraphs == 0


# -- a bracket naming a facility's kind is no clause ---------------------------------------------------------

def test_a_bracket_naming_the_kind_of_a_facility_is_no_clause(tmp_path):
    """建成1所县级供养服务设施（敬老院）。 led the task with 县敬老院 (and （康复中心） with 县康复中心, （中心）
    with 县中心): a name saying neither whose it is nor that it is an administration's body glosses
    what is built.  A unit with its level, an administration's body or a list of names is still a clause."""
    r = plan(tmp_path, "（一）推进供养设施建设。建成1所县级供养服务设施（敬老院）。\n"
                       "（二）加强康复服务。每个乡镇建成综合服务设施（康复中心）。\n"
                       "（三）完善低保制度。将困难群众纳入低保（县民政局）。\n"
                       "（四）加强救助。开展临时救助（民政局）。\n"
                       "（五）发展教育。开展送教上门（教育局、残联）。")
    assert roles(r) == [([], []), ([], []), (["县民政局"], []), (["县民政局"], []),
                        (["县教育局"], ["县残疾人联合会"])]
    assert not r.warnings


def test_a_units_mark_inside_a_bare_list_of_units(tmp_path):
    """（县民政局*、县司法局） with 注：带*的为牵头单位 was read into nothing, without a word: the mark made
    the name no unit's, so the bracket no list of units."""
    r = plan(tmp_path, "注：带*的为牵头单位。\n（一）推进婚姻登记便民服务。开展服务。（县民政局*、县司法局）\n"
                       "（二）推进养老服务。建设养老机构。（县卫健局、县民政局*）")
    assert roles(r) == [(["县民政局"], ["县司法局"]), (["县民政局"], ["县卫生健康局"])]
    assert not r.warnings


def test_sub_points_naming_units_of_their_own_under_a_task_naming_none_are_said(tmp_path):
    """（二）巩固成果。 over ①…责任单位：县教育局。 ②…责任单位：县医保局。: the task was led by both, without
    a word, though each leads one sub-point."""
    r = plan(tmp_path, "（一）保持帮扶政策稳定。落实“四个不摘”要求。责任单位：县乡村振兴局。\n"
                       "（二）巩固“三保障”成果。\n①巩固义务教育保障成果。落实控辍保学。责任单位：县教育局。\n"
                       "②巩固基本医疗保障成果。落实资助参保。责任单位：县医保局、县卫健委。\n"
                       "（三）加强就业帮扶。开展培训。\n①开展技能培训。\n②开发公益岗位。\n责任单位：县人社局。")
    assert roles(r) == [(["县乡村振兴局"], []), (["县教育局", "县医疗保障局"], ["县卫生健康委员会"]),
                        (["县人力资源和社会保障局"], [])]
    assert gaps(r) == [(FIRST + 1, "responsibility")]


def test_a_person_leading_is_the_official_and_the_unit_beside_them_leads(tmp_path):
    """（张伟同志牵头，县市场监管局负责）: the bureau, its 负责 yielding to a 牵头 that named a person, was
    read as a supporter under no lead (and the person a unit-name gap)."""
    r = plan(tmp_path, "（一）优化企业开办服务。压缩开办时间。（张伟同志牵头，县市场监管局负责）\n"
                       "（二）推进棚户区改造。改造棚户区。（副县长王刚牵头，县住建局负责，县财政局配合）\n"
                       "（三）加强项目管理。建立台账。（县发改局牵头，县财政局负责）")
    assert roles(r) == [(["县市场监督管理局"], []), (["县住房和城乡建设局"], ["县财政局"]),
                        (["县发展和改革局"], ["县财政局"])]
    assert [t.official for t in r.tasks()] == ["张伟同志", "副县长王刚", ""]
    assert not r.warnings


def test_a_task_of_one_sentence_ending_in_its_clause_is_titled_without_it(tmp_path):
    """1.深化审批制度改革，县住建局牵头，县自然资源局配合。 was titled with its clause."""
    r = plan(tmp_path, "1.深化工程建设项目审批制度改革，县住建局牵头，县自然资源局配合。\n"
                       "2.推进政务服务标准化，由县政务服务中心负责。")
    assert [t.title for t in r.tasks()] == ["深化工程建设项目审批制度改革", "推进政务服务标准化"]
    assert roles(r) == [(["县住房和城乡建设局"], ["县自然资源局"]), (["县政务服务中心"], [])]


def test_a_bracket_of_by_when_alone_against_the_clause_is_the_deadline(tmp_path):
    """（2023年底前）（县民政局负责） lost its deadline without a word; a period inside the sentence is none."""
    r = plan(tmp_path, "1.完成敬老院消防改造。改造消防设施。（2023年底前）（县民政局负责）\n"
                       "2.完成敬老院改造。改造设施。（县民政局负责）（2024年6月底前完成）\n"
                       "3.实施十年行动（2021—2030年），开展服务。（县民政局负责）")
    assert [t.deadline for t in r.tasks()] == ["2023年底前", "2024年6月底前完成", ""]
    assert roles(r) == [(["县民政局"], [])] * 3


# -- a clause printed above its task ---------------------------------------------------------------

def test_a_clause_on_the_line_above_each_task_is_that_tasks(tmp_path):
    """牵头单位：A / 1.… / 牵头单位：B / 2.… : each task read the clause of the task below it (the
    first clause read as the section's, given to the last task), without a word."""
    r = plan(tmp_path, "（一）完善社会保障\n【牵头单位：县民政局；配合单位：县财政局】\n1.完善低保制度。纳入低保。\n"
                       "【牵头单位：县卫健局；配合单位：县残联】\n2.加强康复服务。精准康复。\n"
                       "（二）发展教育\n责任单位：县教育局\n3.发展特殊教育。办好特教学校。\n开展送教上门。\n"
                       "责任单位：县住建局\n4.推进无障碍建设。开展改造。\n")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县残疾人联合会"]),
                        (["县教育局"], []), (["县住房和城乡建设局"], [])]
    assert [t.text for t in r.tasks()][2] == "发展特殊教育。办好特教学校。\n开展送教上门。"
    assert [x.span.line for t in r.tasks() for x in t.responsibilities] == [
        FIRST + 1, FIRST + 1, FIRST + 3, FIRST + 3, FIRST + 6, FIRST + 9]
    assert not r.warnings and r.coverage.label() == "100%"


def test_clauses_above_tasks_in_a_plan_closing_tasks_with_clauses_elsewhere_are_said(tmp_path):
    """Where the plan closes tasks with their clauses elsewhere, a section printing a clause before
    its first task and after each but the last cannot be told from a section clause over tasks
    each closed by its own: read as printed after, and said with the line."""
    r = plan(tmp_path, "（一）完善社会保障\n牵头单位：县民政局\n1.完善低保制度。纳入低保。\n牵头单位：县卫健局\n"
                       "2.加强康复服务。精准康复。\n"
                       "（二）发展教育\n3.发展特殊教育。办好特教。\n牵头单位：县教育局\n4.推进无障碍。改造。\n"
                       "牵头单位：县住建局\n")
    assert roles(r)[2:] == [(["县教育局"], []), (["县住房和城乡建设局"], [])]
    assert gaps(r) == [(FIRST + 1, "responsibility")]


# -- roles named by verbs alone --------------------------------------------------------------------

def test_roles_named_by_指导_为主_支持_各负其责_and_a_verb_before_a_顿号(tmp_path):
    """（县民政局指导，县财政局落实） was read into nothing, without a word; （A为主，B协同）, （A负责，B支持）,
    （A牵头，B各负其责）, （由A负责、B参与） and （A负责牵头，B协助配合） lost their lead (or every unit) to a gap."""
    r = plan(tmp_path, "1.完善低保制度。纳入低保。（县民政局指导，县财政局落实）\n"
                       "2.加强康复服务。精准康复。（县卫健局为主，县残联协同）\n"
                       "3.推进无障碍建设。开展改造。（县住建局负责，县交通运输局支持）\n"
                       "4.加强宣传。开展宣传。（县委宣传部牵头，县直各部门各负其责）\n"
                       "5.发展特殊教育。办好特教学校。（由县教育局负责、县残联参与）\n"
                       "6.加强队伍建设。以专职为主、兼职为辅，接受教育部门指导，加大财政支持。\n"
                       "7.加强培训。开展培训（接受教育部门指导）。争取资金（争取上级部门支持）。坚持（以政府为主）。\n"
                       "8.推进信息无障碍。建设网站。（县工信局负责牵头，县残联协助配合）")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县残疾人联合会"]),
                        (["县住房和城乡建设局"], ["县交通运输局"]), (["县委宣传部"], ["县直各部门"]),
                        (["县教育局"], ["县残疾人联合会"]), ([], []), ([], []),
                        (["县工业和信息化局"], ["县残疾人联合会"])]
    assert not r.warnings


def test_unbracketed_clauses_of_指导_为主_支持_set_against_another_role(tmp_path):
    """县民政局为主，县财政局协同。 closing a task kept only the supporter; 县残联指导，各乡镇落实。 (closing
    a task or on a line of its own) read nothing, and 县残联负责，县民政局支持。 was a gap.  Set against
    another role in a sentence each of whose lists names bodies, the paired verbs read as in brackets;
    alone, or where a list is prose or a kind alone (政府为主，部门协同), they read nothing."""
    r = plan(tmp_path, "1.完善低保制度。纳入低保。县民政局为主，县财政局协同。\n"
                       "2.加强康复服务。精准康复。\n县残联指导，各乡镇落实。\n"
                       "3.推进无障碍建设。开展改造。县残联指导，各乡镇落实。\n"
                       "4.加强宣传。开展宣传。县残联负责，县民政局支持。\n"
                       "5.发展职业教育。办好职业学校。以县人社局为主，县教育局配合。\n"
                       "6.发展特殊教育。办好特教学校，接受教育部门指导。\n"
                       "7.加强培训。县残联加强业务指导，各乡镇抓好落实。\n"
                       "8.发展托养服务。政府为主，部门协同。\n"
                       "9.加强体育。各有关部门大力支持。县科技局指导。\n"
                       "10.加强科技。开展科普。各乡镇为主，县直有关部门支持。\n"
                       "11.加强文化。开展文化活动。（县文旅局为主，县残联支持）\n")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县残疾人联合会"], ["各乡镇"]),
                        (["县残疾人联合会"], ["各乡镇"]), (["县残疾人联合会"], ["县民政局"]),
                        (["县人力资源和社会保障局"], ["县教育局"]), ([], []), ([], []), ([], []), ([], []),
                        (["各乡镇"], ["县直有关部门"]), (["县文化和旅游局"], ["县残疾人联合会"])]
    assert not r.warnings


def test_a_kind_of_body_alone_in_a_bracketed_clause_is_no_unit(tmp_path):
    """（政府为主，部门协同） read 县政府 as lead and 县部门 as supporter, invented: a kind of body alone
    (政府, 部门, 学校) names no body, a gap."""
    r = plan(tmp_path, "1.完善低保制度。纳入低保。（政府为主，部门协同）\n2.加强康复服务。精准康复。（县卫健局负责，学校配合）\n")
    assert roles(r) == [([], []), (["县卫生健康局"], [])]
    assert [(g.line, g.message.split("'")[1]) for g in r.warnings if g.kind == "unit-name"] == [
        (FIRST, "政府"), (FIRST, "部门"), (FIRST + 1, "学校")]


# -- a clause for a group of tasks, printed after them -----------------------------------------------

def test_本节_labelled_以上_and_任务N_clauses_after_a_sections_tasks(tmp_path):
    """本节任务由A牵头，B配合 after a section's tasks was read as its last task's (a gap); （以上任务牵头单位：A；
    配合单位：B） and 以上任务责任单位：A were not read (gaps); 任务1由A牵头；任务2由B负责 was not read."""
    r = plan(tmp_path, "（一）完善社会保障\n1.完善低保制度。纳入低保。\n2.加强康复服务。精准康复。\n"
                       "本节任务由县民政局牵头，县财政局配合。\n"
                       "（二）发展教育\n3.发展特殊教育。办好特教学校。\n4.推进融合教育。开展随班就读。\n"
                       "（以上任务牵头单位：县教育局；配合单位：县残联）\n"
                       "（三）推进无障碍\n5.推进设施改造。改造设施。\n6.推进信息无障碍。建设网站。\n"
                       "任务5由县住建局牵头，县交通运输局配合；任务6由县工信局负责。\n"
                       "（四）加强宣传\n7.加强宣传。开展宣传。\n以上任务责任单位：县委宣传部\n")
    assert roles(r) == [(["县民政局"], ["县财政局"])] * 2 + [(["县教育局"], ["县残疾人联合会"])] * 2 + [
        (["县住房和城乡建设局"], ["县交通运输局"]), (["县工业和信息化局"], []), (["县委宣传部"], [])]
    assert not r.warnings


def test_units_given_to_tasks_by_number_in_the_safeguards_are_said(tmp_path):
    """三、保障措施 / 加强组织领导。任务1由A牵头…: read into nothing, without a word."""
    r = plan(tmp_path, "1.完善低保制度。纳入低保。\n2.加强康复服务。精准康复。")
    assert not r.warnings
    r = text_plan(tmp_path, HEAD + "1.完善低保制度。纳入低保。\n2.加强康复服务。精准康复。\n三、保障措施\n"
                            "加强组织领导。任务1由县民政局牵头，县财政局配合；任务2由县卫健局负责。\n")
    assert roles(r) == [([], []), ([], [])]
    assert gaps(r) == [(FIRST + 3, "responsibility")]


def test_a_long_list_of_units_joined_by_和_is_read_name_by_name(tmp_path):
    """配合单位：县教体局和县民政局和县财政局和…和县退役军人事务局: the rest after the first 和, too long
    to read as one name, kept 县教体局和县民政局 together as one invented unit, without a word."""
    r = plan(tmp_path, "1.完善社会福利制度。落实补贴。（牵头单位：县残联；配合单位：县教体局和县民政局和县财政局和"
                       "县交运局和县文旅局和县卫健局和县退役军人事务局）\n"
                       "2.加强残疾预防。开展预防。（牵头单位：县残联；配合单位：县委宣传部和县妇联和县公安局和县教体局）")
    assert roles(r) == [(["县残疾人联合会"], ["县教育体育局", "县民政局", "县财政局", "县交通运输局", "县文化和旅游局",
                                          "县卫生健康局", "县退役军人事务局"]),
                        (["县残疾人联合会"], ["县委宣传部", "县妇女联合会", "县公安局", "县教育体育局"])]
    assert not r.warnings


def test_a_body_joined_by_及_to_a_collective_is_two_units(tmp_path):
    """配合单位：县红十字会及县残工委成员单位 was read as one collective unit of that whole name, without
    a word (a name holding a collective's word was never split); 各有关部门和单位 stays one."""
    r = plan(tmp_path, "1.发展慈善事业。开展志愿服务。（牵头单位：县民政局；配合单位：县红十字会及县残工委成员单位）\n"
                       "2.营造良好氛围。加强宣传。（牵头单位：县委宣传部；配合单位：县融媒体中心和各乡镇（街道））\n"
                       "3.加强协作。形成合力。（牵头单位：县残联；配合单位：各有关部门和单位）")
    assert roles(r) == [(["县民政局"], ["县红十字会", "残工委成员单位"]),  # as 县残工委成员单位 alone reads
                        (["县委宣传部"], ["县融媒体中心", "各乡镇（街道）"]),
                        (["县残疾人联合会"], ["各有关部门和单位"])]
    assert not r.warnings


def test_a_clause_above_a_task_after_a_box_is_that_tasks(tmp_path):
    """A 专栏 box between two tasks whose clauses are printed above them: the second task's clause,
    after the box's last item, was read as that project's (a gap about the project), and the tasks
    below it each read the clause of the task below them, without a word."""
    r = plan(tmp_path, "（一）促进就业\n（牵头单位：县人社局；配合单位：县财政局）\n1.完善就业政策。落实扶持政策。\n"
                       "专栏1  就业项目\n1.技能人才奖励  对获奖残疾人给予奖励。\n"
                       "（牵头单位：县残联；配合单位：县总工会）\n2.提升职业技能。开展培训。\n"
                       "（牵头单位：县民政局）\n3.加强就业服务。开展服务。\n")
    assert roles(r) == [(["县人力资源和社会保障局"], ["县财政局"]), (["县残疾人联合会"], ["县总工会"]), (["县民政局"], [])]
    assert [p.text for p in r.projects()] == ["技能人才奖励  对获奖残疾人给予奖励。"]
    assert not r.warnings


def test_a_clause_printed_a_label_a_line_above_each_task(tmp_path):
    """牵头单位：A / 配合单位：B / 1.… : a clause printed a label a line, above its task, left 配合单位：B
    of the first read into nothing (said) and gave each other task the clause of the task below it,
    without a word; a section's clause so printed before its tasks was half read."""
    r = plan(tmp_path, "（一）完善社会保障\n牵头单位：县民政局\n配合单位：县财政局\n1.完善低保制度。纳入低保。\n"
                       "牵头单位：县卫健局\n配合单位：县残联\n2.加强康复服务。精准康复。\n"
                       "牵头单位：县住建局\n3.推进无障碍建设。开展改造。\n")
    assert roles(r) == [(["县民政局"], ["县财政局"]), (["县卫生健康局"], ["县残疾人联合会"]), (["县住房和城乡建设局"], [])]
    assert not r.warnings
    r = plan(tmp_path, "（一）完善社会保障\n牵头单位：县民政局\n配合单位：县财政局\n1.完善低保制度。纳入低保。\n"
                       "2.加强康复服务。精准康复。\n")
    assert roles(r) == [(["县民政局"], ["县财政局"])] * 2
    assert not r.warnings


@pytest.mark.parametrize("sentence", ["公办机构为主，民办机构支持。", "特殊教育学校为主，普通学校支持。",
                                      "龙头企业为主，合作社参与。", "定点康复机构为主，社区卫生服务中心支持。"])
def test_a_policys_words_set_against_each_other_name_no_units(tmp_path, sentence):
    """Kinds of bodies set against each other in a sentence (公办机构为主，民办机构支持。) are a policy's
    words: they were read as units 县公办机构 / 县民办机构, without a word (found by review)."""
    r = text_plan(tmp_path, "青山县“十四五”残疾人事业发展规划\n一、主要任务\n1.加强康复服务。完善服务体系。" + sentence
                  + "\n二、保障措施\n加强组织领导。\n")
    assert r.tasks()[0].responsibilities == []


@pytest.mark.parametrize("clause", ["县委宣传部指导，县融媒体中心负责。", "（县融媒体中心负责，县委宣传部指导）"])
def test_the_body_that_guides_supports_the_one_responsible(tmp_path, clause):
    """县委宣传部指导，县融媒体中心负责: the body responsible leads; the one that guides was read as a
    second lead (found by review)."""
    r = text_plan(tmp_path, "青山县“十四五”残疾人事业发展规划\n一、主要任务\n1.加强宣传。营造良好氛围。" + clause
                  + "\n二、保障措施\n加强组织领导。\n")
    t = r.tasks()[0]
    assert ([u.label for u in t.units("lead")], [u.label for u in t.units("support")]) == (["县融媒体中心"], ["县委宣传部"])


# -- a principle names roles, no body: no clause, and no gap -------------------------------------------

PRINCIPLES = "青山县“十四五”残疾人事业发展规划\n一、总体要求\n（一）指导思想\n坚持党委领导、政府负责、社会协同。\n"


@pytest.mark.parametrize("prose", ["坚持政府主导，社会参与。", "政府负责，社会参与。", "坚持党委领导、政府负责、社会协同，推进改革。",
                                   "推动形成政府和社会共同参与，市场协同。"])
def test_a_principle_naming_roles_is_no_unread_clause(tmp_path, prose):
    """坚持政府主导，社会参与。 in a task's text, or in a chapter of no kind, was a gap "responsibility clause
    not read": 社会参与 and 政府负责 looked like a unit list closed by a verb.  Their subject names a role
    (政府, 社会, 党委), no body: a principle's wording, neither a clause nor a gap."""
    r = text_plan(tmp_path, PRINCIPLES + "二、战略定位\n" + prose + "\n三、主要任务\n1.加强康复服务。实施精准康复。" + prose
                  + "\n2.完善低保制度。纳入低保。（县民政局负责）\n四、保障措施\n加强组织领导。" + prose + "\n")
    assert [(t.title, [u.label for u in t.units("lead")]) for t in r.tasks()] == [
        ("加强康复服务", []), ("完善低保制度", ["县民政局"])]
    assert not r.warnings


@pytest.mark.parametrize("sentence,line", [
    ("实施精准康复，县住建局牵头，社会参与。", "县住建局牵头"), ("实施精准康复，县政府负责，社会参与。", "县政府负责"),
    ("实施精准康复，政府负责，县残联配合。", "政府负责")])
def test_a_clause_naming_a_body_beside_a_role_is_still_a_gap(tmp_path, sentence, line):
    """A clause the reader does not read stays a gap where it names a body, a role beside it or not
    (…，政府负责，县残联配合。: 政府负责 is a part of that clause)."""
    r = text_plan(tmp_path, PRINCIPLES + "二、主要任务\n1.加强康复服务。" + sentence + "\n二、保障措施\n加强组织领导。\n")
    assert [(g.line, g.kind) for g in r.warnings] == [(6, "responsibility")]
    assert line in r.warnings[0].message


def test_a_principles_section_of_a_task_chapter_holds_no_task(tmp_path):
    """二、重点任务 / （一）基本原则 / 1.坚持政府主导，社会参与。…: the principles were read as two tasks
    (one a gap for 乡镇负责), and an unnumbered principle as a paragraph read into nothing."""
    r = text_plan(tmp_path, "青山县养老服务体系建设实施方案\n一、重点任务\n（一）基本原则\n坚持以人为本。\n"
                  "1.坚持政府主导，社会参与。充分发挥政府作用。\n2.坚持统筹兼顾，县级统筹，乡镇负责。\n"
                  "（二）主要任务\n1.完善低保制度。纳入低保。（县民政局负责）\n2.加强康复服务。实施精准康复。（县卫健局牵头，县残联配合）\n"
                  "二、保障措施\n加强组织领导。\n")
    assert [(t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")]) for t in r.tasks()] == [
        ("完善低保制度", ["县民政局"], []), ("加强康复服务", ["县卫生健康局"], ["县残疾人联合会"])]
    assert not r.warnings


# -- printings from real plans the probe of clause forms found misread ---------------------------------

def test_a_verbless_list_before_supporters_names_the_units_responsible(tmp_path):
    """（县民政局、县财政局，县残联配合） read all three as supporters and the task had no lead, unsaid:
    the list before the comma, closed by no verb, is set against the supporters after it, as 责任部门：
    A、B；协办单位：C is: its units lead.  Unbracketed alike; a list with a verb of its own is as before."""
    r = plan(tmp_path, "1.完善低保制度。纳入低保。（县民政局、县财政局，县残联配合）\n"
                       "2.加强康复服务。精准康复。县卫健局，县残联、各乡镇（街道）配合。\n"
                       "3.推进无障碍建设。开展改造。（县住建局牵头，县财政局，县残联配合）\n"
                       "4.发展特殊教育。办好学校。（县教育局、县财政局，县残联负责）\n")
    assert roles(r) == [(["县民政局", "县财政局"], ["县残疾人联合会"]), (["县卫生健康局"], ["县残疾人联合会", "各乡镇（街道）"]),
                        (["县住房和城乡建设局"], ["县财政局", "县残疾人联合会"]),
                        (["县教育局", "县财政局", "县残疾人联合会"], [])]
    assert not r.warnings


def test_several_words_of_how_before_a_supporters_verb(tmp_path):
    """县直有关部门按照职责分工抓好落实 (two words of how before the verb) and 县财政局等部门按照各自职责
    配合 were gaps, the supporters lost; 各乡镇、县直有关部门配合 was a gap too, a collective printing its
    level (县直有关部门) read as a kind of body alone where it was not the list's first name."""
    r = plan(tmp_path, "1.完善低保制度。纳入低保。县残联牵头，各乡镇（街道）、县直有关部门按照职责分工抓好落实。\n"
                       "2.加强康复服务。精准康复。（县民政局牵头，县残联、县财政局等部门按照各自职责配合）\n"
                       "3.推进无障碍建设。开展改造。县残联牵头，各乡镇、县直有关部门配合。\n"
                       "4.发展特殊教育。办好学校。（县教育局牵头，各乡镇负责具体落实）\n")
    assert roles(r) == [(["县残疾人联合会"], ["各乡镇（街道）", "县直有关部门"]),
                        (["县民政局"], ["县残疾人联合会", "县财政局"]), (["县残疾人联合会"], ["各乡镇", "县直有关部门"]),
                        (["县教育局"], ["各乡镇"])]
    assert not r.warnings


def test_a_note_under_a_division_table_naming_who_carries_out_is_a_gap(tmp_path):
    """注：各乡镇（街道）按职责分工负责落实。 under a task-division table was read as nothing, unsaid:
    按职责分工负责落实 was no marker of a clause.  A note naming who is responsible is a gap."""
    r = text_plan(tmp_path, "青山县“十四五”残疾人事业发展规划\n一、主要任务\n1.完善低保制度。纳入低保。\n"
                  "2.加强康复服务。县残联按职责分工负责落实。\n附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\n"
                  "1\t完善低保制度\t县民政局\t县财政局\n注：各乡镇（街道）按职责分工负责落实。\n")
    assert [(t.title, [u.label for u in t.units("lead")]) for t in r.tasks()] == [
        ("完善低保制度", []), ("加强康复服务", ["县残疾人联合会"]), ("完善低保制度", ["县民政局"])]
    assert [(g.line, g.kind) for g in r.warnings] == [(9, "responsibility")]


def test_a_verbless_list_after_a_lead_supports_it(tmp_path):
    """（县科协牵头，县科技局、县教育局） was a gap, the task's units lost: the units after a lead's 牵头,
    closed by no verb, support it.  Words after it that are no unit list keep the clause unread."""
    r = plan(tmp_path, "1.完善低保制度。纳入低保。（县科协牵头，县科技局、县教育局）\n"
                       "2.加强康复服务。精准康复。县卫健局牵头，县医保局、县残联。\n"
                       "3.推进无障碍建设。开展改造。（县住建局牵头，加强统筹协调）\n")
    assert roles(r) == [(["县科学技术协会"], ["县科学技术局", "县教育局"]),
                        (["县卫生健康局"], ["县医疗保障局", "县残疾人联合会"]), ([], [])]
    assert [(g.line, g.kind) for g in r.warnings] == [(FIRST + 2, "responsibility")]


def test_a_principles_section_of_a_chapter_of_no_kind_raises_no_gap(tmp_path):
    """一、工作定位 / （一）基本原则 / 县级统筹，乡镇负责。: responsibility wording outside any task, in a
    chapter named for no kind, was a gap; under a section named for principles it is a principle's.
    A clause in another section of that chapter stays a gap."""
    r = text_plan(tmp_path, "青山县养老服务体系建设实施方案\n一、工作定位\n（一）基本原则\n坚持统筹兼顾，县级统筹，乡镇负责。\n"
                  "1.坚持分级负责，县级统筹，乡镇负责。\n（二）工作重点\n县民政局牵头，县财政局配合。\n"
                  "二、重点任务\n1.完善低保制度。纳入低保。（县民政局负责）\n三、保障措施\n加强组织领导。\n")
    assert [(t.title, [u.label for u in t.units("lead")]) for t in r.tasks()] == [("完善低保制度", ["县民政局"])]
    assert [(g.line, g.kind) for g in r.warnings] == [(7, "responsibility")]


@pytest.mark.parametrize("other", ["（县疾控中心）", "〈县疾控中心〉"])
def test_a_units_other_name_opening_the_next_line_goes_with_it(tmp_path, other):
    """牵头单位：县卫健局 / （县疾控中心）、县财政局: the lead's other name in brackets, printed on the next
    line, and the list going on after it.  Before, the line was read as nothing, 县财政局 lost, and
    nothing said (coverage 100%)."""
    path = tmp_path / "plan.txt"
    path.write_text("青山县“十四五”残疾人事业发展规划\n一、主要任务\n1.加强康复服务。推进康复。\n牵头单位：县卫健局\n"
                    f"{other}、县财政局\n2.推进教育。发展教育。\n牵头单位：县教育局\n二、保障措施\n加强组织领导。\n",
                    encoding="utf-8")
    r = load_plan(path)
    assert [(t.title, [u.label for u in t.units("lead")]) for t in r.tasks()] == [
        ("加强康复服务", ["县卫生健康局", "县财政局"]), ("推进教育", ["县教育局"])]
    assert not [w for w in r.warnings if w.kind == "responsibility"]


@pytest.mark.parametrize("sentence", ["县政府统筹协调，县民政局具体负责。", "由县政府统筹协调，县民政局具体负责。",
                                      "县政府监督检查，县民政局负责落实。"])
def test_a_unit_in_words_of_a_role_not_known_before_a_clause_is_said(tmp_path, sentence):
    """县政府统筹协调，县民政局具体负责。: the clause read from its comma on (县民政局 leads), and 县政府,
    whose role is worded as no verb of a clause reads, was dropped with coverage at 100%."""
    r = plan(tmp_path, f"（一）完善低保制度。将符合条件的残疾人纳入低保。{sentence}\n"
                       "（二）加强康复服务。实施精准康复，县卫健局负责，县残联配合。\n"
                       "（三）发展特殊教育。加大投入力度，县教育局负责。")
    assert roles(r) == [(["县民政局"], []), (["县卫生健康局"], ["县残疾人联合会"]), (["县教育局"], [])]
    assert gaps(r) == [(FIRST, "responsibility")]
    assert "县政府" in r.warnings[0].message and "not read as a role" in r.warnings[0].message
    assert r.coverage.ratio < 1


@pytest.mark.parametrize("clause, want", [
    ("（牵头责任单位：县民政局；配合责任单位：县财政局）", (["县民政局"], ["县财政局"])),
    ("（牵头责任部门：县民政局）", (["县民政局"], [])),
    ("（主办：县民政局；协办：县财政局）", (["县民政局"], ["县财政局"])),
])
def test_labels_naming_the_lead_or_supporters_as_responsible_units(tmp_path, clause, want):
    # 牵头责任单位 / 配合责任单位, 主办 (as 协办 was read): before, the clause was a gap ("responsibility
    # clause not read")
    r = plan(tmp_path, f"（一）完善低保制度。将符合条件的残疾人纳入低保。{clause}")
    assert roles(r) == [want]
    assert not r.warnings


def test_a_deadline_label_beside_a_verb_final_clause(tmp_path):
    # (县民政局牵头；完成时间：长期坚持): before, the clause was a gap and the deadline kept the clause's
    # closing bracket (长期坚持）)
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（县民政局牵头；完成时间：长期坚持）")
    assert roles(r) == [(["县民政局"], [])]
    assert r.tasks()[0].deadline == "长期坚持"
    assert not r.warnings


def test_a_deadline_read_from_a_clause_not_read_keeps_no_closing_bracket(tmp_path):
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（县民政局、县财政局推动；完成时限：2023年底）")
    assert r.tasks()[0].deadline == "2023年底"  # was 2023年底）
    assert [g.message for g in r.warnings] == [
        "responsibility clause not read: '（县民政局、县财政局推动；完成时限：2023年底）'"]


@pytest.mark.parametrize("verb", ["组织", "督办", "推动", "主导", "承担", "主管", "办理"])
def test_a_units_name_and_a_verb_no_clause_reads_is_said_never_a_unit(tmp_path, verb):
    # (县民政局组织), (县民政局督办): before, a unit named 县民政局组织 led the task (组织 and 办 end
    # bodies' names), and (县民政局推动) dropped its unit: both silent
    r = plan(tmp_path, f"（一）完善低保制度。将符合条件的残疾人纳入低保。（县民政局{verb}）")
    assert roles(r) == [([], [])]
    assert [g.message for g in r.warnings] == [f"responsibility clause not read: '（县民政局{verb}）'"]


@pytest.mark.parametrize("clause, want", [
    ("（县民政局具体实施）", (["县民政局"], [])),
    ("（县民政局、县财政局具体实施）", (["县民政局", "县财政局"], [])),
    ("（县民政局牵头，县财政局具体实施）", (["县民政局"], ["县财政局"])),
])
def test_具体实施_alone_names_who_carries_the_task_out(tmp_path, clause, want):
    # as (县民政局实施) and (县民政局落实) read: before, 具体实施 was a supporter's verb, so alone it
    # gave the task supporters and no lead; beside a lead it still supports
    r = plan(tmp_path, f"（一）完善低保制度。将符合条件的残疾人纳入低保。{clause}")
    assert roles(r) == [want]
    assert not r.warnings


def test_a_mark_printed_before_a_units_name_is_a_mark_never_part_of_it(tmp_path):
    # (★县民政局、县财政局): before, a unit named 县★县民政局 led, silently
    r = plan(tmp_path, "（一）完善低保制度。将符合条件的残疾人纳入低保。（★县民政局、县财政局）")
    assert roles(r) == [(["县民政局"], ["县财政局"])]
    assert [g.message for g in r.warnings] == [
        "unit marked '★' (县民政局): the plan does not say what the mark means (带★的为牵头单位), so it is not "
        "read as a role"]


@pytest.mark.parametrize("clause, official", [
    ("（县委常委、副县长张三牵头，县民政局负责）", "县委常委、副县长张三"),
    ("（县政府分管领导牵头，县民政局负责）", "县政府分管领导"),
])
def test_officials_said_to_lead_are_persons_never_units(tmp_path, clause, official):
    # before: 县委常委 (a standing committee's member) led as a unit, and 县政府分管领导 was a gap
    # with 县民政局 a supporter
    r = plan(tmp_path, f"（一）完善低保制度。将符合条件的残疾人纳入低保。{clause}")
    assert roles(r) == [(["县民政局"], [])]
    assert r.tasks()[0].official == official
    assert not r.warnings
