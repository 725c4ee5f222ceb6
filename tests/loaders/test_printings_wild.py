"""Printings real plans arrive in that the corpus does not show: text extracted from a PDF (lines
hard-wrapped at the page width, page numbers and running headers between them), decimal numbering
ladders (1. / 1.1 / 1.1.1), 第一条 articles.  Each is read as a careful reader would, or said."""
from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders.furniture import is_page_number
from policykg.loaders.plan import load_plan
from tests.loaders.handmade import owners

HEAD = "青山县人民政府关于印发《青山县“十四五”残疾人事业发展规划》的通知\n青山县“十四五”残疾人事业发展规划\n"


def plan(tmp_path: Path, body: str, head: str = HEAD):
    path = tmp_path / "plan.txt"
    path.write_text(head + body, encoding="utf-8")
    return load_plan(path)


# --- text extracted from a PDF ------------------------------------------------------------------

# One plan, each line cut at 24 characters as a PDF's page width cuts it: in a task's title, in a
# unit's name inside its clause (区民\n政局), in a section heading; a page's footer and the next
# page's running header fall between two lines of one sentence and inside a clause.
WRAPPED = """一、总体要求
坚持以人民为中心的发展思想，保障残疾人平等
权利。
二、主要任务
（一）健全残疾人社会保障体系，全面改善残疾人
生活质量
1.巩固拓展脱贫攻坚成果同乡村振兴有效衔接。保持
过渡期内帮扶政策总体稳定。（牵头单位：县乡村振兴
局；配合单位：县残联、县民
{footer}
政局）
2.完善残疾人社会福利制度。落实困难残疾人生活补
贴和重度残疾人护理补贴标准动态调整机制，全面开展
资格认定申请“跨省通办”。（牵头单位：县民政局；
配合单位：县财政局、县残联）
（二）全面提高康复服务供给质量
3.加强残疾预防工作。坚持预防为主、预防与康复相结
合原则，实施残疾预防行动，完善残疾预防服务网络，
{footer2}
提升全社会残疾风险综合防控能力。（县卫健局牵头，
县残联、县教育局配合）
三、保障措施
加强组织领导，完善工作机制。
"""
EXPECTED = [("巩固拓展脱贫攻坚成果同乡村振兴有效衔接", ["县乡村振兴局"], ["县残疾人联合会", "县民政局"]),
            ("完善残疾人社会福利制度", ["县民政局"], ["县财政局", "县残疾人联合会"]),
            ("加强残疾预防工作", ["县卫生健康局"], ["县残疾人联合会", "县教育局"])]
RUNNING = "青山县“十四五”残疾人事业发展规划"


@pytest.mark.parametrize("footer,footer2", [
    ("", ""),
    ("— 3 —", "— 4 —"),
    ("- 3 -", "- 4 -"),
    ("第 3 页", "第 4 页"),
    ("第3页 共12页", "第4页 共12页"),
    (f"— 3 —\n{RUNNING}", f"— 4 —\n{RUNNING}"),  # the footer, then the next page's header
    (f"{RUNNING}\n\n- 3 -\n", f"{RUNNING}\n- 4 -"),  # a header line above the page number
    (f"\f{RUNNING}", f"\f{RUNNING}"),  # pdftotext's form feed, then the page's header
])
def test_a_pdf_extraction_reads_as_the_plan(tmp_path, footer, footer2):
    r = plan(tmp_path, WRAPPED.format(footer=footer, footer2=footer2))
    assert owners(r) == EXPECTED
    assert [s.title for s in r.sections()] == ["健全残疾人社会保障体系，全面改善残疾人生活质量",
                                               "全面提高康复服务供给质量"]
    assert "风险综合防控能力" in r.tasks()[2].text and "—" not in r.tasks()[2].text
    assert r.warnings == [] and r.coverage.complete


def test_a_running_header_is_dropped_only_beside_page_breaks(tmp_path):
    """A short line printed more than once is no header unless it stands at page breaks: the
    repeated clause line of two tasks is kept (it is theirs)."""
    body = ("一、主要任务\n1.完善低保。将符合条件的残疾人纳入低保。\n（牵头单位：县民政局）\n"
            "2.落实补贴。提高补贴标准。\n（牵头单位：县民政局）\n— 2 —\n3.加强康复。实施精准康复。（县卫健局牵头）\n")
    r = plan(tmp_path, body)
    assert owners(r) == [("完善低保", ["县民政局"], []), ("落实补贴", ["县民政局"], []),
                         ("加强康复", ["县卫生健康局"], [])]


@pytest.mark.parametrize("line,is_number", [
    ("— 12 —", True), ("- 12 -", True), ("－12－", True), ("第 12 页", True), ("第12页 共30页", True),
    ("共30页 第12页", True), ("Page 3 of 30", True),
    ("12", False),  # a bare number may be a table cell
    ("12%", False), ("第12条", False), ("—", False), ("— 十四五 —", False),
])
def test_page_numbers_are_told_by_their_decoration(line, is_number):
    assert is_page_number(line) is is_number


def test_a_heading_that_fills_a_line_by_chance_keeps_its_paragraph(tmp_path):
    """A section title exactly a little short of the page width is not a wrapped heading: the full
    paragraph after it stays its own (the section's title is not stretched into it)."""
    body = ("一、主要任务\n（一）健全残疾人社会保障体系全面改善\n"
            "为残疾人提供更稳定更高水平的基本民生保障，\n做到应保尽保。\n"
            "1.完善低保制度。将符合条件的残疾人纳入低\n保。（牵头单位：县民政局）\n")
    r = plan(tmp_path, body)
    assert [s.title for s in r.sections()] == ["健全残疾人社会保障体系全面改善"]
    assert owners(r) == [("完善低保制度", ["县民政局"], [])]


# --- decimal ladders and articles ---------------------------------------------------------------

TASKS_3 = [("完善低保制度", ["县民政局"], ["县残疾人联合会"]), ("落实两项补贴", ["县残疾人联合会"], ["县财政局"]),
           ("实施精准康复", ["县卫生健康局"], ["县残疾人联合会"])]
CLAUSES = ["（牵头单位：县民政局；配合单位：县残联）", "（牵头单位：县残联；配合单位：县财政局）",
           "（牵头单位：县卫健局；配合单位：县残联）"]
TEXTS = ["完善低保制度。将符合条件的残疾人纳入低保。", "落实两项补贴。提高补贴标准。", "实施精准康复。提供康复服务。"]


@pytest.mark.parametrize("chapter", ["1 ", "1. ", "1．", "1、"])
def test_a_decimal_ladder_1_1_1(tmp_path, chapter):
    """1 总体要求 / 1.1 指导思想 / 1.1.1 …: chapters, sections and tasks by their decimals."""
    def ch(n: int) -> str:
        return chapter.replace("1", str(n))
    body = (f"{ch(1)}总体要求\n1.1 指导思想\n坚持以人民为中心的发展思想。\n{ch(2)}主要任务\n2.1 健全社会保障体系\n"
            f"2.1.1 {TEXTS[0]}{CLAUSES[0]}\n2.1.2 {TEXTS[1]}{CLAUSES[1]}\n2.2 加强康复服务\n"
            f"2.2.1 {TEXTS[2]}{CLAUSES[2]}\n{ch(3)}保障措施\n3.1 加强组织领导\n加强党的领导。\n")
    r = plan(tmp_path, body)
    assert r.title == "青山县“十四五”残疾人事业发展规划" and r.region.name == "青山县"
    assert [(c.no, c.kind) for c in r.chapters] == [("1", "principles"), ("2", "tasks"), ("3", "safeguards")]
    tasks = next(c for c in r.chapters if c.kind == "tasks")
    assert [(s.no, s.title, [t.no for t in s.tasks]) for s in tasks.sections] == [
        ("1", "健全社会保障体系", ["1", "2"]), ("2", "加强康复服务", ["1"])]
    assert owners(r) == TASKS_3 and r.warnings == []


def test_tasks_numbered_1_1_under_a_chapter_are_each_a_task(tmp_path):
    """一、 then 1.1 1.2 1.3: three tasks, not one task holding all three clauses (1.2 is no
    quantity, and 1.1 is not item 1 of the 1. list)."""
    items = "".join(f"1.{k} {TEXTS[k - 1]}{CLAUSES[k - 1]}\n" for k in (1, 2, 3))
    r = plan(tmp_path, f"一、总体要求\n坚持以人民为中心。\n二、主要任务\n{items}三、保障措施\n加强党的领导。\n")
    assert owners(r) == TASKS_3 and r.warnings == []


def test_a_decimal_quantity_opening_a_wrapped_line_is_no_item(tmp_path):
    r = plan(tmp_path, "一、主要任务\n1.落实两项补贴。全区发放补贴资金\n1.5万元，惠及\n2.3万人，受益家庭\n"
                       "1.2倍于上期。（县民政局牵头）\n2.完善救助。内容。（县残联负责）\n")
    assert owners(r) == [("落实两项补贴", ["县民政局"], []), ("完善救助", ["县残疾人联合会"], [])]
    assert "1.5万元，惠及2.3万人" in r.tasks()[0].text


@pytest.mark.parametrize("sections", [False, True])
def test_articles_numbered_through_the_plan(tmp_path, sections):
    """第一条 … numbered straight through every chapter, below 第一章 (and 第一节 where printed)."""
    s1, s2 = ("第一节　社会保障\n", "第二节　康复服务\n") if sections else ("", "")
    body = (f"第一章　总体要求\n第一条　坚持以人民为中心的发展思想。\n第二章　主要任务\n{s1}"
            f"第二条　{TEXTS[0]}{CLAUSES[0]}\n第三条　{TEXTS[1]}{CLAUSES[1]}\n{s2}第四条　{TEXTS[2]}{CLAUSES[2]}\n"
            "第三章　保障措施\n第五条　加强党的领导。\n")
    r = plan(tmp_path, body)
    assert owners(r) == TASKS_3 and r.warnings == []
    assert [t.no for t in r.tasks()] == ["2", "3", "4"]
    assert [s.title for s in r.sections()] == (["社会保障", "康复服务"] if sections else ["主要任务"])


# --- a clause for a group of tasks, or before the task's text ------------------------------------

GROUP = [("完善低保制度", ["县民政局"], ["县残疾人联合会", "县财政局"]),
         ("落实两项补贴", ["县民政局"], ["县残疾人联合会", "县财政局"]),
         ("实施精准康复", ["县卫生健康局"], ["县残疾人联合会"]),
         ("加强辅具适配", ["县卫生健康局"], ["县残疾人联合会"])]


@pytest.mark.parametrize("where", ["heading", "line"])
def test_a_clause_printed_for_a_whole_section_names_each_tasks_units(tmp_path, where):
    """（一）健全社会保障体系（牵头单位：…） or the clause on a line of its own before the first task:
    each task of the section that prints no clause of its own has those units; the title loses it."""
    c1, c2 = "（牵头单位：县民政局；配合单位：县残联、县财政局）", "牵头单位：县卫健局；配合单位：县残联"
    h1, h2 = (f"（一）健全社会保障体系{c1}\n", f"（二）加强康复服务（{c2}）\n") if where == "heading" else \
        (f"（一）健全社会保障体系\n{c1}\n", f"（二）加强康复服务\n{c2}\n")
    body = (f"一、主要任务\n{h1}1.完善低保制度。将符合条件的残疾人纳入低保。\n2.落实两项补贴。提高补贴标准。\n"
            f"{h2}3.实施精准康复。为残疾人提供康复服务。\n4.加强辅具适配。提供辅具。\n二、保障措施\n加强党的领导。\n")
    r = plan(tmp_path, body)
    assert [s.title for s in r.sections()] == ["健全社会保障体系", "加强康复服务"]
    assert owners(r) == GROUP and r.warnings == [] and r.coverage.complete
    assert r.tasks()[1].responsibilities[0].span.line == (4 if where == "heading" else 5)


def test_a_tasks_own_clause_outranks_its_sections(tmp_path):
    body = ("一、主要任务\n（一）健全社会保障体系（县民政局牵头）\n1.完善低保制度。纳入低保。\n"
            "2.落实两项补贴。提高补贴标准。（县残联负责）\n")
    r = plan(tmp_path, body)
    assert owners(r) == [("完善低保制度", ["县民政局"], []), ("落实两项补贴", ["县残疾人联合会"], [])]


def test_a_clause_line_between_a_tasks_title_and_its_text(tmp_path):
    """1.完善低保制度。 / 责任单位：… / the task's text: the clause line ends there, it does not run
    into the text (which made the whole paragraph an unread clause)."""
    body = ("一、主要任务\n1.完善低保制度。\n责任单位：县民政局、县残联\n将符合条件的残疾人纳入低保，提高低保标准。\n"
            "2.落实两项补贴。\n责任单位：县残联\n提高补贴标准。\n二、保障措施\n加强党的领导。\n")
    r = plan(tmp_path, body)
    assert owners(r) == [("完善低保制度", ["县民政局"], ["县残疾人联合会"]), ("落实两项补贴", ["县残疾人联合会"], [])]
    assert "提高低保标准" in r.tasks()[0].text and r.warnings == []


@pytest.mark.parametrize("clause,lead,support", [
    ("此项工作由县民政局牵头，县残联、县财政局配合。", ["县民政局"], ["县残疾人联合会", "县财政局"]),
    ("（该项任务由县残联负责，县民政局协助）", ["县残疾人联合会"], ["县民政局"]),
    ("（自由贸易试验区管委会牵头）", ["县自由贸易试验区管委会"], []),
])
def test_what_is_done_before_由_is_no_unit(tmp_path, clause, lead, support):
    """'以上工作由县民政局牵头' once gave the invented unit 县以上工作由县民政局."""
    r = plan(tmp_path, f"一、主要任务\n1.完善低保制度。将符合条件的残疾人纳入低保。{clause}\n")
    assert owners(r) == [("完善低保制度", lead, support)] and r.warnings == []


@pytest.mark.parametrize("topic", ["以上任务", "上述各项工作", "以上3项任务"])
def test_a_clause_for_the_tasks_above_gives_each_its_units(tmp_path, topic):
    """以上任务由…牵头 on a paragraph of its own after a section's tasks speaks for all of them: each
    that names no unit of its own gets its units (before: a gap, and no task got them; never the last
    task's alone, nor is 以上任务由县残联 a unit)."""
    body = ("一、主要任务\n1.完善低保制度。纳入低保。（县民政局负责）\n2.落实两项补贴。提高补贴标准。\n"
            f"3.加强托养服务。建设托养机构。\n{topic}由县残联牵头，县民政局配合。\n")
    r = plan(tmp_path, body)
    assert owners(r) == [("完善低保制度", ["县民政局"], []), ("落实两项补贴", ["县残疾人联合会"], ["县民政局"]),
                         ("加强托养服务", ["县残疾人联合会"], ["县民政局"])]
    assert r.warnings == [] and r.tasks()[1].responsibilities[0].span.line == 7


def test_a_clause_for_the_tasks_above_that_may_span_the_chapter_is_said(tmp_path):
    """After the last section of a chapter whose earlier sections' tasks name no unit, 以上任务 may
    mean the chapter's: read for its own section, and said."""
    body = ("一、主要任务\n（一）健全社会保障\n1.完善低保制度。纳入低保。\n（二）促进就业\n1.扶持就业。开展培训。\n"
            "以上任务由县民政局牵头。\n二、保障措施\n加强领导。\n")
    r = plan(tmp_path, body)
    assert owners(r) == [("完善低保制度", [], []), ("扶持就业", ["县民政局"], [])]
    assert [(g.kind, g.line) for g in r.warnings] == [("responsibility", 8)]


def test_a_clause_for_the_tasks_above_under_a_task_closed_by_its_own_clause(tmp_path):
    """Printed under a task whose line ends 。（县残联负责）, the paragraph is its own (before, it was
    joined to that task's text and said as a clause not read); tasks naming their own units keep them."""
    body = ("一、主要任务\n1.完善低保制度。纳入低保。（县民政局负责）\n2.落实两项补贴。提高补贴标准。（县残联负责）\n"
            "以上任务由县财政局牵头，县民政局配合。\n")
    r = plan(tmp_path, body)
    assert owners(r) == [("完善低保制度", ["县民政局"], []), ("落实两项补贴", ["县残疾人联合会"], [])]
    assert r.warnings == [] and "以上任务" not in r.tasks()[1].text


# --- units joined by words, and collective subjects ---------------------------------------------

@pytest.mark.parametrize("clause,lead,support", [
    ("（县民政局及县残联牵头）", ["县民政局", "县残疾人联合会"], []),
    ("（县民政局和县财政局负责，县残联配合）", ["县民政局", "县财政局"], ["县残疾人联合会"]),
    ("（县民政局与县残联共同负责）", ["县民政局", "县残疾人联合会"], []),
    ("（牵头单位：县民政局；配合单位：县残联以及县财政局）", ["县民政局"], ["县残疾人联合会", "县财政局"]),
    ("（牵头单位：县委组织部和县委宣传部）", ["县委组织部", "县委宣传部"], []),
    # a conjunction inside one name, and collectives, stay whole
    ("（牵头单位：县人力资源和社会保障局；配合单位：县住房和城乡建设局）",
     ["县人力资源和社会保障局"], ["县住房和城乡建设局"]),
    ("（县残联牵头，各有关部门和单位配合）", ["县残疾人联合会"], ["各有关部门和单位"]),
    ("（县残联牵头，县直各有关部门、各乡镇人民政府配合）", ["县残疾人联合会"], ["县直各有关部门", "各乡镇人民政府"]),
    ("（牵头单位：县民政局；配合单位：县直有关单位）", ["县民政局"], ["县直有关单位"]),
    ("（牵头单位：县卫健局 县残联；配合单位：县民政局/县财政局）",
     ["县卫生健康局", "县残疾人联合会"], ["县民政局", "县财政局"]),
])
def test_units_joined_by_words(tmp_path, clause, lead, support):
    """县民政局及县残联 once read as one invented unit of that name."""
    r = plan(tmp_path, f"一、主要任务\n1.完善低保制度。将符合条件的残疾人纳入低保。{clause}\n")
    assert owners(r) == [("完善低保制度", lead, support)] and r.warnings == []


def _cut(text: str, width: int) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def test_a_clause_label_cut_by_the_page_width_in_a_plan_with_long_box_rows(tmp_path):
    """The page width of a wrapped plan is the length most of its lines were cut at, however many
    longer lines its boxes print: against a width taken from its longest lines, a clause line cut
    inside its label (责任单 / 位：) looked short, ended there, and its units were lost."""
    task = ("（{n}）{title}。健全工作机制，加大投入力度，统筹各方资源，切实提高服务质量和水平。"
            "落实属地责任，加强督促检查，建立工作台账，定期通报工作进展情况。\n")
    clause = "牵头单位：县卫生健康委员会、县妇联；责任单位：县交通运输局、县市场监管局、县税务局"
    titles = ["提升残疾儿童教育保障", "完善扶残助残社会氛围", "推动残疾人基本生活保障"]
    body = "一、主要任务\n" + "".join(
        _cut(task.format(n=n, title=t).strip(), 21) + "\n" + _cut(clause, 21) + "\n"
        for n, t in enumerate(titles, 1))
    rows = "".join(f"{k}．残疾人康复服务项目{k}：为有需求的残疾人提供基本康复服务，实现应享尽享，覆盖全县各乡镇。\n"
                   for k in range(1, 9))
    body += "专栏1 重点项目\n" + rows + "二、保障措施\n加强组织领导。\n"
    r = plan(tmp_path, body)
    assert [t.title for t in r.tasks()] == titles
    assert {(tuple(lead), tuple(support)) for _, lead, support in owners(r)} == {
        (("县卫生健康委员会", "县妇女联合会"), ("县交通运输局", "县市场监督管理局", "县税务局"))}
    assert not [w for w in r.warnings if w.kind == "responsibility"]


def _wrapped_plan(tmp_path: Path, tasks: list[str], width: int = 24):
    """A plan of `tasks` (each a paragraph, its lines cut at `width` as a PDF's text prints them),
    with enough full lines of prose around them that `width` is the page's."""
    prose = "加强组织领导，健全工作机制，加大投入力度，统筹各方资源，切实提高服务质量和水平。" * 3
    body = "一、主要任务\n" + _cut(prose, width) + "\n" + "".join(t + "\n" for t in tasks)
    return plan(tmp_path, body + "二、保障措施\n" + _cut(prose, width) + "\n")


@pytest.mark.parametrize("kept", ["next", "end"])
def test_a_space_a_unit_list_wrapped_at_is_kept(tmp_path, kept):
    """A list whose names are parted by spaces, wrapped at a space the text keeps (at the next
    line's start, or the line's end): its two names were joined into one invented body,
    县卫生健康委员会消防救援大队 (the level printed once, before the first name)."""
    first = "1.加强应急保护。提高残疾人自救能力，由县应急管理局牵头，县民政局 卫生健康委员会 "
    rest = "消防救援大队 红十字会配合。"
    lines = [first[:21], first[21:-1] + (" " if kept == "end" else ""), (" " if kept == "next" else "") + rest]
    r = _wrapped_plan(tmp_path, ["\n".join(lines)], width=21)
    assert owners(r) == [("加强应急保护", ["县应急管理局"],
                          ["县民政局", "县卫生健康委员会", "县消防救援大队", "县红十字会"])]
    assert not [w for w in r.warnings if w.kind in ("responsibility", "unit-name")]


def test_a_name_a_line_wraps_inside_is_one_name(tmp_path):
    """Cut inside a name (县卫生健康委员 / 会: the head reads as a body's name, 委, the rest does
    not), however the text spaces the break, it is one name."""
    first = "1.加强应急保护。提高残疾人自救能力，由县应急管理局牵头，县民政局 卫生健康委员会"
    lines = [first[:21], first[21:-1], " 会 红十字会配合。"]
    r = _wrapped_plan(tmp_path, ["\n".join(lines)], width=21)
    assert owners(r) == [("加强应急保护", ["县应急管理局"], ["县民政局", "县卫生健康委员会", "县红十字会"])]


def test_a_tasks_title_wrapped_over_two_lines_ends_on_its_short_line(tmp_path):
    """A numbered task's title on lines of its own, too long for one line: its second line is
    short, and the text below is no part of it (the title ran on to the text's first comma)."""
    title = "大力发展残疾人公益事业和服务产业鼓励社会组织实施助残慈善项目"
    text = "将志愿助残纳入全县志愿服务总体规划，逐步完善运行机制，发展壮大志愿者队伍，推动服务项目运作和制度化管理。"
    r = _wrapped_plan(tmp_path, [_cut("1." + title, 24), _cut(text, 24)])
    assert [t.title for t in r.tasks()] == [title]
    assert r.tasks()[0].text.endswith("制度化管理。")


@pytest.mark.parametrize("cut", ["由县残联、县政府办公室", "牵头单位：县残联；配合单位：县委网信办、县政府办公室"])
def test_a_line_wrapped_after_a_name_ending_as_a_signature_goes_on(tmp_path, cut):
    """A full line of a sentence or a clause ending in 办公室 (as a signature's line or a notice's
    title ends) was taken to end its paragraph: the rest of the list, on the next line, was lost
    (…由县残联、县政府办公室 / 〈县大数据局〉牵头: no lead read; …县政府办公室 / 〈县大数据局〉、县工信局: two
    supporters lost), nothing said."""
    if cut.startswith("由"):
        text = "1.推进信息化建设。提升基层人员能力，" + cut
        rest = "〈县大数据局〉牵头，县委网信办、县民政局配合。"
        lead, support = ["县残疾人联合会", "县政府办公室"], ["县委网信办", "县民政局"]
    else:
        text = "1.推进信息化建设。提升基层人员能力。\n" + cut
        rest = "〈县大数据局〉、县工信局、县民政局"
        lead, support = ["县残疾人联合会"], ["县委网信办", "县政府办公室", "县工业和信息化局", "县民政局"]
    width = len(text.split("\n")[-1])
    r = _wrapped_plan(tmp_path, [text + "\n" + rest], width=width)
    assert owners(r) == [("推进信息化建设", lead, support)]


def test_a_lead_closing_its_line_with_a_semicolon_and_its_supporters_on_the_next(tmp_path):
    """县委宣传部、县政务服务局牵头； / 县发改委、县残联按照职能分工负责: one clause over two lines.  The
    second line was read as a clause of its own, and its units as leads (no lead beside them)."""
    r = plan(tmp_path, "一、主要任务\n1.加强信息无障碍建设。推进网站改造。\n县委宣传部、县政务服务局牵头；\n"
                       "县发展和改革委员会、县残联按照职能分工负责\n2.加强康复服务。推进康复。\n")
    assert owners(r) == [("加强信息无障碍建设", ["县委宣传部", "县政务服务局"], ["县发展和改革委员会", "县残疾人联合会"]),
                         ("加强康复服务", [], [])]


def test_a_number_closing_a_bracket_left_open_at_a_wrap_is_no_task(tmp_path):
    """《无障碍设计规范（GB50763-2 / 012）》: the line opening 012） closes the bracket the line before left
    open.  Before, it was read as a task numbered 12, its title 》，贯彻落实…, and the units of the task it
    cut went to it (the task above without its units, a numbering gap said)."""
    text = ("1）提升无障碍建设管理水平。新建设施严格执行《无障碍设计规范（GB50763-2012）》，贯彻落实相关条例。"
            "（县住建局牵头，县残联配合）")
    width = text.index("012）")  # the line breaks there
    r = _wrapped_plan(tmp_path, [_cut(text, width)], width=width)
    assert owners(r) == [("提升无障碍建设管理水平", ["县住房和城乡建设局"], ["县残疾人联合会"])]
    assert not [w for w in r.warnings if w.kind == "numbering"]


@pytest.mark.parametrize("mark", [".", "、"])
def test_a_title_as_long_as_the_line_in_a_plan_printing_titles_apart(tmp_path, mark):
    """A plan printing each task's title on a line of its own: a title as long as the line (no
    comma, no 、 in it, the number's 、 aside) over a full line of text is a title.  Before, it ran on
    into the text, the title cut at the text's first comma."""
    text = "将志愿助残纳入全县志愿服务总体规划，逐步完善运行机制，发展壮大志愿者队伍，推动服务项目运作和制度化管理。"
    titles = ["完善低保制度", "加强康复服务", "推进无障碍环境建设", "加强重大疫情等突发公共事件中对残疾人的保护"]
    r = _wrapped_plan(tmp_path, [f"{k}{mark}{t}\n" + _cut(text, 24) for k, t in enumerate(titles, 1)])
    assert len("4." + titles[-1]) >= 0.9 * 24
    assert [t.title for t in r.tasks()] == titles



def test_a_title_as_long_as_the_line_among_boxes_whose_items_run_on(tmp_path):
    """As above, in a plan whose 专栏 boxes number their items as its tasks, each item's title run
    on into its text (1.最低生活保障。将…), more of them than tasks: the boxes' items are lists of
    their own (counting from 1 again), and do not outvote the tasks' titles.  Before, the title as
    long as the line ran on into its text (加强重大疫情等突发公共事件中对残疾人的保护在突发公共事件…)."""
    text = "将志愿助残纳入全县志愿服务总体规划，逐步完善运行机制，发展壮大志愿者队伍，推动服务项目运作和制度化管理。"
    titles = ["完善低保制度", "加强康复服务", "推进无障碍环境建设", "加强重大疫情等突发公共事件中对残疾人的保护"]
    items = ["最低生活保障。将符合条件的残疾人家庭纳入低保。", "残疾人信息消费优惠。对残疾人使用语音流量给予优惠。",
             "困难残疾人走访探视服务。对困难残疾人开展经常性走访。", "残疾评定补贴。为困难残疾人残疾评定给予补贴。"]
    box = [f"专栏{b}  残疾人保障项目\n" + "\n".join(_cut(f"{k}.{item}", 24) for k, item in enumerate(items, 1))
           for b in (1, 2, 3)]
    tasks = [f"{k}.{t}\n" + _cut(text, 24) for k, t in enumerate(titles, 1)]
    r = _wrapped_plan(tmp_path, [tasks[0], box[0], tasks[1], box[1], tasks[2], box[2], tasks[3]])
    assert len("4." + titles[-1]) >= 0.9 * 24
    assert [t.title for t in r.tasks()] == titles
    assert len(r.projects()) == 12

TRAILING = """一、主要任务
（一）健全社会保障体系
1.完善低保制度。纳入低保。
{first}2.落实两项补贴。提高补贴标准。
（牵头单位：县民政局；配合单位：县残联）
（二）提高康复服务
3.加强残疾预防工作。实施残疾预防行动。
（牵头单位：县卫健局）
4.推进精准康复。实施精准康复服务。
（牵头单位：县残联）
二、保障措施
加强组织领导。
"""


def test_a_clause_after_a_sections_last_task_that_may_be_the_sections_is_said(tmp_path):
    """Printed under the last of a section's tasks, on a line of its own, with none under the
    others, a clause may be that task's or the whole section's: read as the task's, and said."""
    r = plan(tmp_path, TRAILING.format(first=""))
    assert owners(r)[:2] == [("完善低保制度", [], []), ("落实两项补贴", ["县民政局"], ["县残疾人联合会"])]
    gaps = [w for w in r.warnings if w.kind == "responsibility"]
    assert [(g.line, "may be meant for all of them" in g.message, "健全社会保障体系" in g.message)
            for g in gaps] == [(7, True, True)]


def test_a_clause_under_each_task_is_no_group_clause(tmp_path):
    r = plan(tmp_path, TRAILING.format(first="（牵头单位：县民政局）\n"))
    assert owners(r)[0] == ("完善低保制度", ["县民政局"], [])
    assert r.warnings == []


# A clause after a section's tasks that names them by their printed numbers assigns each its units.
NUMBERED = """一、主要任务
（一）健全社会保障体系
1.完善低保制度。纳入低保。
2.落实两项补贴。提高补贴标准。
{clause}
（二）提高康复服务
3.加强残疾预防工作。实施残疾预防行动。
（牵头单位：县卫健局）
二、保障措施
加强组织领导。
"""


@pytest.mark.parametrize("clause", ["责任分工：第1项由县民政局牵头，第2项由县财政局牵头。",
                                    "（第1项由县民政局牵头；第2项由县财政局牵头）",
                                    "第一条由县民政局负责，第二条由县财政局负责。"])
def test_a_clause_naming_tasks_by_number_gives_each_its_units(tmp_path, clause):
    r = plan(tmp_path, NUMBERED.format(clause=clause))
    assert owners(r) == [("完善低保制度", ["县民政局"], []), ("落实两项补贴", ["县财政局"], []),
                         ("加强残疾预防工作", ["县卫生健康局"], [])]
    first, second = (t.responsibilities[0].span for t in r.tasks()[:2])
    assert (first.line, second.line) == (7, 7)
    assert first.text.startswith(("第1项", "第一条")) and second.text.startswith(("第2项", "第二条"))
    assert "第2" not in r.tasks()[1].text  # the clause is no part of the last task's text
    assert r.warnings == []


@pytest.mark.parametrize("clause", ["（第1、2项由县民政局牵头，县残联配合）", "第1—2项由县民政局牵头，县残联配合。",
                                    "责任分工：第一项至第二项由县民政局牵头，县残联配合。"])
def test_a_clause_naming_several_tasks_by_number_gives_them_the_same_units(tmp_path, clause):
    r = plan(tmp_path, NUMBERED.format(clause=clause))
    assert owners(r)[:2] == [("完善低保制度", ["县民政局"], ["县残疾人联合会"]),
                             ("落实两项补贴", ["县民政局"], ["县残疾人联合会"])]
    assert r.warnings == []


def test_a_number_naming_no_task_of_the_section_is_said_and_its_units_go_nowhere(tmp_path):
    """Task 3 is printed, but in the next section: the clause after section (一) does not name it."""
    r = plan(tmp_path, NUMBERED.format(clause="第1项由县民政局牵头，第3项由县财政局牵头。"))
    assert owners(r) == [("完善低保制度", ["县民政局"], []), ("落实两项补贴", [], []),
                         ("加强残疾预防工作", ["县卫生健康局"], [])]
    gaps = [w for w in r.warnings if w.kind == "responsibility"]
    assert [(g.line, "task 3" in g.message, "第3项由县财政局牵头" in g.message) for g in gaps] == [(7, True, True)]
    assert r.warnings == gaps


@pytest.mark.parametrize("clause, said", [("第1项由县民政局牵头，第2项由各乡镇落实。", "units"),
                                          ("第2—1项由县民政局牵头。", "task numbers")])
def test_a_part_of_a_numbered_clause_that_does_not_read_is_said(tmp_path, clause, said):
    r = plan(tmp_path, NUMBERED.format(clause=clause))
    assert owners(r)[1] == ("落实两项补贴", [], [])
    gaps = [w for w in r.warnings if w.kind == "responsibility"]
    assert [(g.line, said in g.message) for g in gaps] == [(7, True)]


@pytest.mark.parametrize("clause", ["第1项由县民政局牵头，第2项由县财政局牵头。", "（第1、2项由县民政局牵头）"])
def test_a_clause_naming_tasks_by_number_inside_the_last_tasks_paragraph_is_said(tmp_path, clause):
    """Printed at the end of the last task's own paragraph, the clause is not that task's (the
    number names others) and is not read as the section's: a gap with its line, no units."""
    body = NUMBERED.replace("提高补贴标准。\n{clause}\n", "提高补贴标准。{clause}\n").format(clause=clause)
    r = plan(tmp_path, body)
    assert owners(r)[:2] == [("完善低保制度", [], []), ("落实两项补贴", [], [])]
    gaps = [w for w in r.warnings if w.kind == "responsibility"]
    assert [(g.line, "not read" in g.message) for g in gaps] == [(6, True)]


def test_a_number_two_tasks_of_the_section_print_is_said(tmp_path):
    body = NUMBERED.replace("2.落实两项补贴", "1.落实两项补贴").format(clause="第1项由县民政局牵头。")
    r = plan(tmp_path, body)
    assert owners(r)[:2] == [("完善低保制度", [], []), ("落实两项补贴", [], [])]
    gaps = [w for w in r.warnings if w.kind == "responsibility"]
    assert [(g.line, "2 tasks" in g.message) for g in gaps] == [(7, True)]


def test_a_fact_opening_a_later_line_of_a_task_is_sourced_to_that_line(tmp_path):
    """A task's text is counted past its number (2.落实… is 落实…): a clause or a target that opens
    the line after the task's first is sourced to its own line, not the line before."""
    body = ("一、主要任务\n（一）健全社会保障体系\n1.完善低保制度。纳入低保。\n"
            "2.落实两项补贴。提高补贴标准。\n（牵头单位：县民政局；配合单位：县残联）\n"
            "3.推进康复。实施康复服务。\n95%以上的残疾人得到康复服务。\n二、保障措施\n加强组织领导。\n")
    r = plan(tmp_path, body)
    lines = (HEAD + body).split("\n")
    clause_line = lines.index("（牵头单位：县民政局；配合单位：县残联）") + 1
    task = r.tasks()[1]
    assert {(x.span.line, x.span.end_line) for x in task.responsibilities} == {(clause_line, clause_line)}
    target_line = lines.index("95%以上的残疾人得到康复服务。") + 1
    targets = r.tasks()[2].targets
    assert targets and {x.span.line for x in targets} == {target_line}


BOXED = """一、主要任务
（一）健全社会保障体系
1.完善低保制度。纳入低保。
2.落实两项补贴。提高补贴标准。
专栏1 社会保障重点项目
1.低保扩面工程。将符合条件的残疾人纳入低保。
2.补贴提标工程。提高两项补贴标准。
责任分工：第1项由县民政局牵头，第2项由县财政局牵头，县残联配合。
（二）提高康复服务
3.加强残疾预防工作。实施残疾预防行动。（牵头单位：县卫健局）
二、保障措施
加强组织领导。
"""


def test_a_clause_by_number_after_a_box_is_said_not_hidden(tmp_path):
    """After a 专栏 box's items, 第1项由…牵头 may name the box's projects or the section's tasks:
    not read, and said with its line; it is not swallowed into the last project's text."""
    r = plan(tmp_path, BOXED)
    assert owners(r) == [("完善低保制度", [], []), ("落实两项补贴", [], []), ("加强残疾预防工作", ["县卫生健康局"], [])]
    line = (HEAD + BOXED).split("\n").index("责任分工：第1项由县民政局牵头，第2项由县财政局牵头，县残联配合。") + 1
    gaps = [(w.line, w.message) for w in r.warnings if w.kind == "responsibility"]
    assert len(gaps) == 1 and gaps[0][0] == line and "社会保障重点项目" in gaps[0][1]
    projects = [p for column in r.columns() for p in column.projects]
    assert [p.title for p in projects] == ["低保扩面工程", "补贴提标工程"]
    assert not any("责任分工" in p.text for p in projects)


def test_a_projects_units_are_said_not_read(tmp_path):
    """A 专栏 project's units are not modelled: a clause in a project's text (on its line, or on a
    line of its own after it) is a gap at its line, so the plan does not look fully read."""
    body = BOXED.replace("将符合条件的残疾人纳入低保。", "将符合条件的残疾人纳入低保。（牵头单位：县民政局）").replace(
        "责任分工：第1项由县民政局牵头，第2项由县财政局牵头，县残联配合。", "（牵头单位：县财政局；配合单位：县残联）")
    r = plan(tmp_path, body)
    lines = (HEAD + body).split("\n")
    first = next(i for i, ln in enumerate(lines, 1) if ln.startswith("1.低保扩面工程"))
    second = lines.index("（牵头单位：县财政局；配合单位：县残联）") + 1
    gaps = [(w.line, w.message.split(":")[0]) for w in r.warnings if w.kind == "responsibility"]
    assert gaps == [(first, "the units of 专栏 project '低保扩面工程' are not read (a project's units are not modelled)"),
                    (second, "the units of 专栏 project '补贴提标工程' are not read (a project's units are not modelled)")]
    assert owners(r)[:2] == [("完善低保制度", [], []), ("落实两项补贴", [], [])]
    assert r.coverage.gaps == 2 + len([w for w in r.warnings if w.kind != "responsibility"])


# --- clauses worded other ways: bare unit lists, more labels, a deadline or an official beside ---

@pytest.mark.parametrize("clause,lead,support", [
    # units alone in a bracket that closes the task: the units responsible, first-named leads
    ("（县民政局、县残联）", ["县民政局"], ["县残疾人联合会"]),
    ("【县教育局】", ["县教育局"], []),
    ("（县民政局，县残联，县财政局）", ["县民政局"], ["县残疾人联合会", "县财政局"]),
    # the units that carry it out, or undertake it, are the units responsible
    ("（实施单位：县财政局、县残联）", ["县财政局"], ["县残疾人联合会"]),
    ("（承办单位：县教育局）", ["县教育局"], []),
    ("（实施主体：各乡镇人民政府）", ["各乡镇人民政府"], []),
    # a label may say its level; offices inside a department (处室, 科室) lead and support
    ("（市级牵头单位：市财政局；县级配合单位：县残联）", ["市财政局"], ["县残疾人联合会"]),
    ("（牵头处室：省民政厅社会救助处；配合处室：省民政厅财务处）", ["省民政厅社会救助处"], ["省民政厅财务处"]),
    # a province's bodies keep their own level (not 县省民政厅)
    ("（省残联牵头，县残联配合）", ["省残疾人联合会"], ["县残疾人联合会"]),
    # a lead named with its verb inside a label's list; the rest of the list supports
    ("（责任单位：县住建局牵头，县残联）", ["县住房和城乡建设局"], ["县残疾人联合会"]),
])
def test_a_clause_worded_other_ways_reads_its_units(tmp_path, clause, lead, support):
    """Before, each of these read no unit (or 县省民政厅, or 县残联 as lead with 县住建局牵头 a gap);
    the first three and 实施单位 silently, no marker counted."""
    r = plan(tmp_path, f"一、主要任务\n1.完善低保制度。将符合条件的残疾人纳入低保。{clause}\n")
    assert owners(r) == [("完善低保制度", lead, support)] and r.warnings == []


@pytest.mark.parametrize("clause,lead,support,deadline", [
    ("（县司法局负责，2023年底前完成）", ["县司法局"], [], "2023年底前完成"),
    ("（县司法局牵头，县残联配合，2024年6月底前）", ["县司法局"], ["县残疾人联合会"], "2024年6月底前"),
    ("（县文旅局，持续推进）", ["县文化和旅游局"], [], "持续推进"),
    ("（县民政局、县残联，2021—2025年）", ["县民政局"], ["县残疾人联合会"], "2021—2025年"),
    ("（责任单位：县民政局，长期坚持）", ["县民政局"], [], "长期坚持"),
    ("（县民政局牵头，2022年起持续推进）", ["县民政局"], [], "2022年起持续推进"),
    ("（县民政局牵头，每年12月底前）", ["县民政局"], [], "每年12月底前"),
    ("（县民政局牵头，2023年12月31日前）", ["县民政局"], [], "2023年12月31日前"),
])
def test_a_deadline_printed_beside_the_units_is_the_tasks(tmp_path, clause, lead, support, deadline):
    """By when, printed without a label after the units: before, the clause was a gap, its units lost."""
    r = plan(tmp_path, f"一、主要任务\n1.完善低保制度。将符合条件的残疾人纳入低保。{clause}\n")
    assert owners(r) == [("完善低保制度", lead, support)] and r.warnings == []
    assert r.tasks()[0].deadline == deadline


def test_an_official_named_in_a_clause_is_kept_and_is_no_unit(tmp_path):
    """责任领导 names a person: kept on the task as printed, never an organisation."""
    r = plan(tmp_path, "一、主要任务\n1.完善低保制度。纳入低保。（责任领导：张三副县长；责任单位：县民政局、县残联）\n")
    assert owners(r) == [("完善低保制度", ["县民政局"], ["县残疾人联合会"])] and r.warnings == []
    assert r.tasks()[0].official == "张三副县长"


def test_an_official_reaches_the_tasks_query(tmp_path):
    from policykg import api
    plan(tmp_path, "一、主要任务\n1.完善低保制度。纳入低保。（责任领导：张三副县长；责任单位：县民政局、县残联）\n"
                   "2.加强康复。实施精准康复。（责任单位：县残联）\n")
    columns, rows = api.query("tasks", api.build([tmp_path / "plan.txt"], tmp_path / "plan.trig"))
    assert [(r[columns.index("title")], r[columns.index("lead")], r[columns.index("official")]) for r in rows] == [
        ("完善低保制度", "县民政局", "张三副县长"), ("加强康复", "县残疾人联合会", "")]


@pytest.mark.parametrize("text", [
    "依托县残疾人综合服务中心（县残联）提高补贴标准。",  # a gloss inside a sentence
    "组织志愿者（含党员、团员）参与助残。",
    "推广康复项目（如辅具适配、居家康复）。",
    "建设托养机构。（2023年底前）",
])
def test_a_bracket_that_is_no_clause_names_no_unit(tmp_path, text):
    r = plan(tmp_path, f"一、主要任务\n1.完善低保制度。{text}\n")
    assert owners(r) == [("完善低保制度", [], [])] and r.warnings == []


def test_a_bracket_of_units_that_goes_on_in_prose_is_said(tmp_path):
    """(县文旅局、全民健身活动) opens as units but is not all units: a gap, not a silence."""
    r = plan(tmp_path, "一、主要任务\n1.丰富文化生活。开展文化活动。（县文旅局、全民健身活动）\n")
    assert owners(r) == [("丰富文化生活", [], [])]
    assert [(g.kind, g.line) for g in r.warnings] == [("responsibility", 4)]


@pytest.mark.parametrize("clause,lead,support", [
    ("（县民政局负责实施）", ["县民政局"], []),
    ("（县民政局牵头组织实施，县残联配合）", ["县民政局"], ["县残疾人联合会"]),
    ("（县民政局牵头抓总，县残联具体实施）", ["县民政局"], ["县残疾人联合会"]),
    ("（县民政局、县残联共同推进）", ["县民政局", "县残疾人联合会"], []),
    # by their duties, with no lead beside them: the units responsible (before: supporters of no lead)
    ("（县民政局、县残联按职责落实）", ["县民政局", "县残疾人联合会"], []),
    ("（县教体局、县市场监管局按职责分工负责）", ["县教育体育局", "县市场监督管理局"], []),
    ("（县民政局牵头，县残联按职责分工负责）", ["县民政局"], ["县残疾人联合会"]),
    ("（县民政局负责推进，县残联协助落实）", ["县民政局"], ["县残疾人联合会"]),
    ("由县民政局负责实施。", ["县民政局"], []),
    ("（县民政局组织实施）", ["县民政局"], []),
    ("（县民政局统筹，县残联配合）", ["县民政局"], ["县残疾人联合会"]),
    ("（县残联牵头，县直相关部门按职责分工落实）", ["县残疾人联合会"], ["县直相关部门"]),
    # a role run into the names: never the unit 县民政局为牵头单位
    ("（县民政局为牵头单位，县残联为配合单位）", ["县民政局"], ["县残疾人联合会"]),
])
def test_a_clause_closed_by_other_verbs_reads_its_units(tmp_path, clause, lead, support):
    """Before: each a gap, or nothing (由…负责实施。, （…组织实施）: silent), or the invented units
    县民政局为牵头单位 and 县残联为配合单位."""
    r = plan(tmp_path, f"一、主要任务\n1.完善低保制度。将符合条件的残疾人纳入低保。{clause}\n")
    assert owners(r) == [("完善低保制度", lead, support)] and r.warnings == []


@pytest.mark.parametrize("sentence", [
    "完善基本养老保险社会统筹。", "动员全社会共同推进。", "坚持各级党委负总责。", "残疾人家庭参与。",
])
def test_prose_that_ends_with_a_verb_of_clauses_names_no_unit(tmp_path, sentence):
    """Such a sentence closing a task once gave 县完善基本养老保险社会, 县动员全社会, … as its lead."""
    r = plan(tmp_path, f"一、主要任务\n1.完善保险制度。{sentence}\n")
    assert owners(r) == [("完善保险制度", [], [])] and r.warnings == []


@pytest.mark.parametrize("note", ["注：带*的为牵头单位。", "注：标“★”者为牵头部门，下同。", "（加*号单位为牵头单位）"])
def test_a_unit_marked_with_a_symbol_the_plan_explains_leads(tmp_path, note):
    """县残联、县民政局* in a plan whose note says 带*的为牵头单位: 县民政局 leads.  Before, 县民政局*
    was a gap and 县残联 led."""
    mark = "★" if "★" in note else "*"
    body = (f"一、主要任务\n{note}\n1.完善低保制度。纳入低保。（责任单位：县残联、县民政局{mark}）\n"
            "2.落实两项补贴。提高补贴标准。（牵头单位：县财政局）\n")
    r = plan(tmp_path, body)
    assert owners(r)[0] == ("完善低保制度", ["县民政局"], ["县残疾人联合会"]) and r.warnings == []


@pytest.mark.parametrize("units", ["县残联* 县民政局 县财政局", "县残联*\u3000县民政局\u3000县财政局"])
def test_a_marked_lead_in_a_list_set_apart_by_spaces_is_no_part_of_the_next_name(tmp_path, units):
    """Names set apart by spaces, the first marked: before, 县残联* and 县民政局 were joined into one
    lead 县残联*县民政局 (a name cut by a space, joined again), silently."""
    r = plan(tmp_path, f"一、主要任务\n注：带*的为牵头单位。\n1.完善低保制度。纳入低保。（责任单位：{units}）\n")
    assert owners(r) == [("完善低保制度", ["县残疾人联合会"], ["县民政局", "县财政局"])] and r.warnings == []


def test_a_mark_the_plan_does_not_explain_is_said(tmp_path):
    r = plan(tmp_path, "一、主要任务\n1.完善低保制度。纳入低保。（牵头单位：县财政局；责任单位：县残联、县民政局*）\n")
    assert owners(r) == [("完善低保制度", ["县财政局"], ["县残疾人联合会", "县民政局"])]
    assert [(g.kind, g.line) for g in r.warnings] == [("responsibility", 4)]
    assert "the plan does not say what the mark means" in r.warnings[0].message


@pytest.mark.parametrize("line", ["——责任单位：县民政局、县残联", "◎牵头单位：县民政局；配合单位：县残联"])
def test_a_clause_set_off_by_a_dash_or_a_symbol(tmp_path, line):
    r = plan(tmp_path, f"一、主要任务\n1.完善低保制度。纳入低保。\n{line}\n")
    assert owners(r) == [("完善低保制度", ["县民政局"], ["县残疾人联合会"])] and r.warnings == []


# --- a red-header notice ------------------------------------------------------------------------

def test_a_red_header_notice_names_the_region_the_title_calls_全区(tmp_path):
    """《全区“十四五”…规划》 under 青溪区人民政府办公室文件: the region is 青溪区 (before: a region
    named 全区), its 文号 is read (before: joined to the header line and lost), and so is the issuer
    that prints 办公室 before 关于印发."""
    head = ("青溪区人民政府办公室文件\n青政办发〔2021〕12号\n"
            "青溪区人民政府办公室关于印发《全区“十四五”残疾人事业发展规划》的通知\n")
    r = plan(tmp_path, "一、主要任务\n1.完善低保制度。纳入低保。（民政局负责）\n", head=head)
    assert r.title == "全区“十四五”残疾人事业发展规划"
    assert r.region is not None and r.region.name == "青溪区"
    assert (r.doc_number, r.issuer.label) == ("青政办发〔2021〕12号", "青溪区人民政府办公室")
    assert owners(r) == [("完善低保制度", ["区民政局"], [])] and r.warnings == []


@pytest.mark.parametrize("line,lead,support", [
    ("1.完善低保制度（县民政局、县残联）。纳入低保。", ["县民政局"], ["县残疾人联合会"]),
    ("1.完善低保制度（牵头单位：县民政局）。纳入低保。", ["县民政局"], []),
    ("1.完善低保制度（县民政局负责）", ["县民政局"], []),
])
def test_a_clause_after_the_title_is_read_and_is_no_part_of_the_title(tmp_path, line, lead, support):
    """The title is the text up to the first 。 without the clause that closes it (before:
    完善低保制度（牵头单位：县民政局）; units alone there were not read, silently)."""
    r = plan(tmp_path, f"一、主要任务\n{line}\n")
    assert owners(r) == [("完善低保制度", lead, support)] and r.warnings == []


def test_a_body_glossed_at_the_end_of_a_task_is_no_clause(tmp_path):
    """建设县残疾人康复中心（县残联）。 names who the centre is, not who owns the task."""
    r = plan(tmp_path, "一、主要任务\n1.建设康复中心。建设县残疾人康复中心（县残联）。\n")
    assert owners(r) == [("建设康复中心", [], [])] and r.warnings == []


def test_a_lead_named_inside_a_list_does_not_make_the_plans_责任单位_supporters(tmp_path):
    """责任单位：A牵头，B lists every unit responsible, its lead named with a verb: it is no 责任单位
    printed beside a lead label (牵头单位：A；责任单位：B), so the plan's other 责任单位 lists still name
    their lead first."""
    body = ("一、主要任务\n1.推进无障碍建设。改造设施。（责任单位：县住建局牵头，县残联）\n"
            "2.完善低保制度。纳入低保。（责任单位：县民政局、县残联）\n")
    r = plan(tmp_path, body)
    assert owners(r) == [("推进无障碍建设", ["县住房和城乡建设局"], ["县残疾人联合会"]),
                         ("完善低保制度", ["县民政局"], ["县残疾人联合会"])] and r.warnings == []


@pytest.mark.parametrize("sentence,lead,support", [
    ("由县卫健局会同县人社局、县总工会组织实施。", ["县卫生健康局"], ["县人力资源和社会保障局", "县总工会"]),
    ("由县医保局统筹。", ["县医疗保障局"], []),
])
def test_a_sentence_that_names_its_subject_with_由_reads_the_verbs_of_prose(tmp_path, sentence, lead, support):
    """由…组织实施。 closing a task was read as nothing, silently (组织实施 is read outside brackets
    only after 由, where no prose subject can stand)."""
    r = plan(tmp_path, f"一、主要任务\n1.加强职业健康。开展职业病防治。{sentence}\n")
    assert owners(r) == [("加强职业健康", lead, support)] and r.warnings == []


@pytest.mark.parametrize("sentence, lead, support", [
    # before: 县办好特殊教育学校 led beside 县教育局 (the prose before 由 read as a unit), silently
    ("办好特殊教育学校，由县教育局牵头。", ["县教育局"], []),
    # before: gaps ('responsibility clause not read'), the units lost
    ("开展无障碍改造，由县住建局牵头，县残联配合。", ["县住房和城乡建设局"], ["县残疾人联合会"]),
    ("将符合条件的残疾人纳入低保，县民政局负责，县财政局配合。", ["县民政局"], ["县财政局"]),
])
def test_a_clause_closing_its_sentence_after_a_comma(tmp_path, sentence, lead, support):
    r = plan(tmp_path, f"一、主要任务\n1.完善低保制度。{sentence}\n")
    assert owners(r) == [("完善低保制度", lead, support)] and r.warnings == []


def test_prose_after_a_comma_is_no_clause(tmp_path):
    r = plan(tmp_path, "一、主要任务\n1.完善低保制度。加强部门协作，由政府兜底保障。\n")
    assert owners(r) == [("完善低保制度", [], [])] and r.warnings == []


@pytest.mark.parametrize("clause", ["（县卫健局、县医保局（按职责分工负责））", "（县卫健局、县医保局（按职责分工））",
                                    "（县卫健局、县医保局按职责分工负责）"])
def test_units_sharing_the_work_by_their_duties_in_a_bracket_of_its_own(tmp_path, clause):
    # before: with 按职责分工负责 in a bracket of its own, 县卫健局 led and 县医保局 supported, where
    # the wording makes both responsible (as it does printed without the inner bracket)
    r = plan(tmp_path, f"一、主要任务\n1.完善低保制度。将符合条件的残疾人纳入低保。{clause}\n")
    assert owners(r) == [("完善低保制度", ["县卫生健康局", "县医疗保障局"], [])] and r.warnings == []


def test_a_units_level_word_before_城市_names_no_region(tmp_path):
    # 县城市管理局 is the 县's 城市管理局: it was read as the 管理局 of a region 县城市 below the
    # plan's county, silently; 市中区民政局 (a real district) stays its district's
    record = plan(tmp_path, "一、主要任务\n1.推进农村人居环境整治。开展村庄清洁行动。牵头单位：县农业农村局；"
                            "责任单位：县城市管理局；完成时限：全年。\n")
    units = [(r.printed, r.unit.label, r.unit.region.name, r.unit.dept_type) for t in record.tasks()
             for r in t.responsibilities]
    assert units == [("县农业农村局", "县农业农村局", "青山县", "agriculture-rural-affairs"),
                     ("县城市管理局", "县城市管理局", "青山县", "urban-management")]
    city = plan(tmp_path, "一、主要任务\n1.加强社区养老服务。建设社区养老服务中心。（牵头单位：市中区民政局）\n",
                head="枣庄市人民政府关于印发《枣庄市“十四五”养老服务体系规划》的通知\n枣庄市“十四五”养老服务体系规划\n")
    assert [(r.unit.region.name, r.unit.label) for t in city.tasks() for r in t.responsibilities] == [
        ("市中区", "市中区民政局")]
