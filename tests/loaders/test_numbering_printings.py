"""How plans number their tasks beyond 1. and （1）: a mark printed after a bracketed number
（（1）、 【1】、 ①、）, numbers in lenticular, tortoise-shell, square and white brackets (【1】 〔1〕 [1] 〖1〗,
【一】 〔一〕), and paragraphs counting 第一，… 第二，….  Small hand-made plans, as a .txt, a Word
file whose automatic numbering prints the labels, and a web page; each asserts the tasks a reader
sees (number, title, lead and supporting units) and the gaps."""
from __future__ import annotations

import html
from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan

TITLE = "青山县“十四五”残疾人事业发展规划"
GOALS = "一、发展目标\n到2025年，残疾人事业全面发展。\n"
SAFEGUARDS = "三、保障措施\n加强组织领导。\n"
TEXTS = ["完善低保制度。将符合条件的残疾人纳入低保。（牵头单位：县民政局；配合单位：县财政局）",
         "加强康复服务。实施精准康复。（牵头单位：县卫健局）",
         "推进融合教育。（牵头单位：县教育局）"]
#: the tasks as num_dot reads them (1. 2. under （一）, 1. under （二）): each its own lead
READ = [("1", "完善低保制度", ["县民政局"], ["县财政局"]),
        ("2", "加强康复服务", ["县卫生健康局"], []),
        ("1", "推进融合教育", ["县教育局"], [])]


def plan(tmp_path: Path, body: str, head: str = TITLE + "\n" + GOALS):
    path = tmp_path / "plan.txt"
    path.write_text(head + body, encoding="utf-8")
    return load_plan(path)


def numbered(marks: list[str], sections=("（一）", "（二）")) -> str:
    """The task chapter with its three tasks numbered `marks` (two in the first section, one in
    the second)."""
    a, b, c = marks
    return (f"二、主要任务\n{sections[0]}完善社会保障\n{a}{TEXTS[0]}\n{b}{TEXTS[1]}\n"
            f"{sections[1]}发展教育\n{c}{TEXTS[2]}\n" + SAFEGUARDS)


def read(record) -> list[tuple[str, str, list[str], list[str]]]:
    return [(t.no, t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
            for t in record.tasks()]


def gaps(record) -> list[tuple[int, str]]:
    return [(w.line, w.kind) for w in record.warnings]


# -- a mark after a bracketed number ---------------------------------------------------------------

@pytest.mark.parametrize("mark", ["（{}）、", "（{}）．", "({}).", "{})、", "【{}】、", "〔{}〕．"])
def test_a_mark_after_a_bracketed_number_is_part_of_the_number(tmp_path, mark):
    # （1）、完善低保制度 was titled '、完善低保制度'
    r = plan(tmp_path, numbered([mark.format(1), mark.format(2), mark.format(1)]))
    assert read(r) == READ and gaps(r) == []


def test_a_mark_after_a_circled_number_is_part_of_the_number(tmp_path):
    r = plan(tmp_path, numbered(["①、", "②、", "①、"]))
    assert read(r) == READ and gaps(r) == []


def test_a_mark_after_a_bracketed_section_number_is_no_part_of_its_title(tmp_path):
    r = plan(tmp_path, numbered(["（1）", "（2）", "（1）"], sections=("（一）、", "（二）、")))
    assert read(r) == READ and [s.title for c in r.chapters for s in c.sections] == ["完善社会保障", "发展教育"]


# -- numbers in lenticular, tortoise-shell, square and white brackets ---------------------------------

@pytest.mark.parametrize("mark", ["【{}】", "〔{}〕", "[{}]", "［{}］", "〖{}〗", "【 {} 】"])
@pytest.mark.parametrize("numeral", ["1", "一"])
def test_items_numbered_in_square_and_lenticular_brackets_are_tasks(tmp_path, mark, numeral):
    # each section's tasks were one task with both leads, under a gap 'a title over 2 paragraphs'
    first, second = ("1", "2") if numeral == "1" else ("一", "二")
    r = plan(tmp_path, numbered([mark.format(first), mark.format(second), mark.format(first)]))
    assert read(r) == READ and gaps(r) == []


@pytest.mark.parametrize("mark", ["【{}】", "〔{}〕"])
def test_sections_numbered_in_brackets_over_numbered_tasks(tmp_path, mark):
    r = plan(tmp_path, numbered(["1.", "2.", "3."], sections=(mark.format("一"), mark.format("二"))))
    assert read(r) == READ[:2] + [("3",) + READ[2][1:]] and gaps(r) == []
    assert [(s.no, s.title) for c in r.chapters for s in c.sections] == [("一", "完善社会保障"), ("二", "发展教育")]


@pytest.mark.parametrize("mark", ["【{}】", "〔{}〕", "[{}]"])
def test_a_footnote_whose_mark_the_text_prints_is_no_task_beside_bracketed_tasks(tmp_path, mark):
    body = numbered([mark.format(1), mark.format(2), mark.format(1)]).replace(
        "实施精准康复。", f"实施精准康复{mark.format(3)}。") + f"{mark.format(3)} 精准康复指按需提供康复服务。\n"
    r = plan(tmp_path, body)
    assert read(r) == READ and gaps(r) == []
    assert "精准康复指" not in "".join(t.text for t in r.tasks())


def test_a_document_number_and_box_titles_in_brackets_are_no_items(tmp_path):
    head = (f"青山县人民政府关于印发《{TITLE}》的通知\n青政发〔2021〕15号\n各乡镇人民政府：\n现将规划印发给你们。\n"
            f"青山县人民政府\n2021年12月1日\n{TITLE}\n{GOALS}")
    body = numbered(["【1】", "【2】", "【1】"]).replace(
        "（二）发展教育", "【专栏1】重点项目\n【1】残疾人康复工程。为1000名残疾人提供康复服务。\n"
                        "【2】残疾人就业帮扶行动。\n【重点项目】\n（二）发展教育")
    r = plan(tmp_path, body, head)
    assert read(r) == READ
    box = r.chapters[1].sections[0].columns[0]
    assert [(p.no, p.title) for p in box.projects] == [("1", "残疾人康复工程"), ("2", "残疾人就业帮扶行动")]


# -- 第一，… 第二，… -----------------------------------------------------------------------------------

@pytest.mark.parametrize("first, second", [("第一，", "第二，"), ("第一、", "第二、"), ("第一：", "第二："),
                                           ("第1，", "第2，"), ("其一，", "其二，")])
def test_paragraphs_counting_第一_第二_are_tasks(tmp_path, first, second):
    # they were one task with every lead, and no gap
    r = plan(tmp_path, numbered([first, second, first]))
    assert read(r) == READ and gaps(r) == []


def test_第一_第二_in_one_paragraph_are_tasks_of_their_own(tmp_path):
    body = numbered(["第一，", "第二，", "第一，"]).replace(f"\n第二，{TEXTS[1]}", f"第二，{TEXTS[1]}")
    assert body.count("\n") == numbered(["1.", "2.", "1."]).count("\n") - 1
    r = plan(tmp_path, body)
    assert read(r) == READ and gaps(r) == []


def test_a_lone_第一_of_prose_stays_part_of_the_text(tmp_path):
    """A paragraph opening 第一， that no 第二， follows is a sentence of the text, not an item: in
    the goals above the tasks numbered 第一，第二，, and in a task's text."""
    prose = "第一，要提高认识。各部门要高度重视残疾人工作。"
    r = plan(tmp_path, numbered(["第一，", "第二，", "第一，"]).replace(TEXTS[1], TEXTS[1] + "\n" + prose),
             head=TITLE + "\n一、指导思想\n第一，坚持以人民为中心。全面贯彻落实。\n")
    assert read(r) == READ and gaps(r) == []
    assert r.tasks()[1].text == TEXTS[1] + "\n" + prose


def test_first_and_second_points_under_a_task_are_its_text(tmp_path):
    points = "第一，落实低保标准动态调整。\n第二，做好临时救助。"
    r = plan(tmp_path, numbered(["【1】", "【2】", "【1】"]).replace(TEXTS[0], TEXTS[0] + "\n" + points))
    assert read(r) == READ and gaps(r) == []
    assert r.tasks()[0].text == TEXTS[0] + "\n" + points


# -- Word's automatic numbering and a web page --------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word_plan(tmp_path: Path, item_format: str, item_text: str) -> Path:
    """The plan with its chapters (一、), sections (（一）) and tasks numbered by one Word list whose
    task level prints `item_text` (【%3】, 第%3，) in `item_format`: no number is in the text."""
    import docx
    from docx.oxml import parse_xml
    levels = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), (item_format, item_text))
    xml = "".join(f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/></w:lvl>'
                  for k, (f, t) in enumerate(levels))
    d = docx.Document()
    for el in list(parse_xml(f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="801">{xml}</w:abstractNum>'
                             f'<w:num w:numId="801"><w:abstractNumId w:val="801"/></w:num></w:numbering>')):
        d.part.numbering_part.element.append(el)
    for level, text in [(None, TITLE), (0, "发展目标"), (None, "到2025年，残疾人事业全面发展。"), (0, "主要任务"),
                        (1, "完善社会保障"), (2, TEXTS[0]), (2, TEXTS[1]), (1, "发展教育"), (2, TEXTS[2]),
                        (0, "保障措施"), (None, "加强组织领导。")]:
        p = d.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="801"/></w:numPr>'))
    path = tmp_path / "plan.docx"
    d.save(path)
    return path


@pytest.mark.parametrize("fmt, text", [("decimal", "【%3】"), ("decimal", "〔%3〕"), ("decimal", "[%3]"),
                                       ("chineseCounting", "【%3】"), ("chineseCounting", "第%3，"),
                                       ("decimal", "（%3）、"), ("decimalEnclosedCircle", "%3、")])
def test_word_numbering_printing_brackets_and_ordinals(tmp_path, fmt, text):
    r = load_plan(word_plan(tmp_path, fmt, text))
    assert read(r) == READ and gaps(r) == []


def test_a_web_page_numbering_its_tasks_in_brackets_and_ordinals(tmp_path):
    lines = [TITLE, "一、发展目标", "到2025年，残疾人事业全面发展。", "二、主要任务", "（一）完善社会保障",
             "【1】" + TEXTS[0], "【2】" + TEXTS[1], "（二）发展教育", "第一，" + TEXTS[2],
             "第二，加强特殊教育。（牵头单位：县教育局）", "三、保障措施", "加强组织领导。"]
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>规划</title></head><body><div id="zoom">'
            + "".join(f"<p>{html.escape(x)}</p>" for x in lines) + "</div></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    r = load_plan(path)
    assert read(r) == READ + [("2", "加强特殊教育", ["县教育局"], [])] and gaps(r) == []


# -- Roman numerals, spaces inside round brackets, a bracketed 序号 --------------------------------

@pytest.mark.parametrize("first, second", [("Ⅰ、", "Ⅱ、"), ("Ⅰ.", "Ⅱ."), ("ⅰ、", "ⅱ、"), ("I、", "II、"),
                                           ("I.", "II."), ("i.", "ii.")])
def test_items_numbered_in_roman_numerals_are_tasks(tmp_path, first, second):
    # Ⅰ、 Ⅱ、 I、 II、: each section's tasks were one task with every lead, and no gap
    r = plan(tmp_path, numbered([first, second, first]))
    assert read(r) == READ and gaps(r) == []


def test_a_roman_numeral_naming_a_grade_numbers_nothing(tmp_path):
    grade = "Ⅰ类残疾人优先纳入低保。"
    r = plan(tmp_path, numbered(["Ⅰ、", "Ⅱ、", "Ⅰ、"]).replace(TEXTS[0], TEXTS[0] + "\n" + grade))
    assert read(r) == READ and r.tasks()[0].text == TEXTS[0] + "\n" + grade


def test_spaces_inside_round_brackets_are_part_of_the_number(tmp_path):
    # （ 1 ） was no number (a gap), （ 一 ） no section (an unread paragraph)
    r = plan(tmp_path, numbered(["（ 1 ）", "（ 2 ）", "（ 1 ）"], sections=("（ 一 ）", "（ 二 ）")))
    assert read(r) == READ and gaps(r) == []
    assert [(s.no, s.title) for c in r.chapters for s in c.sections] == [("一", "完善社会保障"), ("二", "发展教育")]


@pytest.mark.parametrize("mark", ["【{}】", "〔{}〕", "[{}]", "（{}）、"])
def test_a_division_table_numbering_its_rows_in_brackets(tmp_path, mark):
    # a 序号 cell 【1】 was no row number: the table was not read (a gap)
    table = ("附件\n重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\n"
             f"{mark.format(1)}\t完善低保制度\t县民政局\t县财政局\n{mark.format(2)}\t加强康复服务\t县卫健局\t县残联\n")
    r = plan(tmp_path, numbered(["1.", "2.", "1."]).replace("（牵头单位：县民政局；配合单位：县财政局）", "")
             .replace("（牵头单位：县卫健局）", "").replace("（牵头单位：县教育局）", "") + table)
    division = [(t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
                for t in r.tasks() if t.units("lead")]
    assert division == [("完善低保制度", ["县民政局"], ["县财政局"]),
                        ("加强康复服务", ["县卫生健康局"], ["县残疾人联合会"])]
    assert "table" not in {w.kind for w in r.warnings}


# -- letters, and labels no style reads --------------------------------------------------------------

@pytest.mark.parametrize("first, second", [("A.", "B."), ("A、", "B、"), ("Ａ．", "Ｂ．"), ("（A）", "（B）"),
                                           ("A)", "B)"), ("a.", "b."), ("(a)", "(b)")])
def test_items_numbered_in_letters_are_tasks(tmp_path, first, second):
    # A、 B、: one task with every lead and no gap; A. B.: the same under a gap
    r = plan(tmp_path, numbered([first, second, first]))
    assert read(r) == READ and gaps(r) == []


def test_word_numbering_printing_letters(tmp_path):
    r = load_plan(word_plan(tmp_path, "upperLetter", "%3."))
    assert read(r) == READ and gaps(r) == []


def test_letters_naming_grades_number_nothing(tmp_path):
    grades = "A、B类残疾人优先纳入低保。"
    r = plan(tmp_path, numbered(["A.", "B.", "A."]).replace(TEXTS[0], TEXTS[0] + "\n" + grades))
    assert read(r) == READ and r.tasks()[0].text == TEXTS[0] + "\n" + grades


@pytest.mark.parametrize("first, second", [("甲、", "乙、"), ("1-1、", "1-2、"), ("一，", "二，"), ("1：", "2："),
                                           ("首先，", "其次，")])
def test_paragraphs_under_a_label_no_style_reads_are_a_gap(tmp_path, first, second):
    """Paragraphs opening with a label the ladder does not read, each then a lead sentence, under a
    title: one task, said with the line of its first paragraph (it was said only for a label
    without a mark, 甲 1-1; with a mark, 甲、 1-1、, the tasks were merged silently)."""
    r = plan(tmp_path, numbered([first, second, first]))
    assert [t.title for t in r.tasks()] == ["完善社会保障", "发展教育"]
    assert gaps(r) == [(6, "structure")]


# -- a number on a line of its own -----------------------------------------------------------------

@pytest.mark.parametrize("mark", ["{}.", "（{}）", "【{}】"])
def test_a_number_alone_on_its_line_over_a_title_line_and_the_text(tmp_path, mark):
    # 1. / 完善低保制度 / 将符合…: the title line and the text's first sentence were one title
    # (完善低保制度将符合条件的残疾人纳入低保)
    body = "二、主要任务\n（一）完善社会保障\n"
    for k, text in enumerate(TEXTS[:2], 1):
        title, _, rest = text.partition("。")
        body += f"{mark.format(k)}\n{title}\n{rest}\n"
    r = plan(tmp_path, body + SAFEGUARDS)
    assert read(r) == READ[:2] and gaps(r) == []
