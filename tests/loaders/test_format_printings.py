"""A plan printed the ways government sites and offices print it as a web page or a Word file reads
to the same plan as its text.  Small hand-made documents built in tmp_path; each asserts the title,
tasks, units, projects or indicators a reader sees, against the same plan as a .txt."""
from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan

TITLE = "青山县“十四五”残疾人事业发展规划"
INDICATORS = [["类别", "指标", "2020年", "2025年", "属性"],
              ["社会保障", "1. 困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性"],
              ["", "2. 残疾人基本康复服务覆盖率（%）", "80", "≥85", "约束性"]]
BEFORE = [TITLE, "一、总体要求", "坚持以人民为中心的发展思想，补齐保障短板。", "二、主要指标"]
AFTER = ["三、主要任务", "（一）健全社会保障体系",
         "1.落实残疾人两项补贴制度。严格执行补贴政策，到2025年两项补贴覆盖率达到100%。（牵头单位：县民政局；责任单位：县财政局、县残联）",
         "2.强化困难残疾人兜底救助。将符合条件的残疾人家庭纳入最低生活保障范围。（牵头单位：县民政局；责任单位：县医保局）",
         "专栏1  残疾人社会保障重点项目",
         "1.两项补贴。按月足额发放困难残疾人生活补贴和重度残疾人护理补贴。",
         "2.参保资助。为符合条件的重度残疾人代缴城乡居民基本养老保险费。",
         "（二）促进残疾人就业",
         "1.拓宽残疾人就业渠道。落实按比例安排残疾人就业制度，每年组织专场招聘会不少于4场。（牵头单位：县人社局；责任单位：县残联）",
         "2.加强残疾人康复服务。深入实施精准康复服务行动，落实残疾儿童康复救助制度，到2025年残疾人基本康复服务覆盖率"
         "达到85%以上。（牵头单位：县卫健局；责任单位：县残联、县民政局）",
         "3.保障残疾儿童少年受教育权利。完善普通学校随班就读、特殊教育学校就读和送教上门相结合的安置方式，到2025年残疾"
         "儿童义务教育入学率达到97%以上。（牵头单位：县教育局；责任单位：县残联、县财政局）",
         "四、保障措施", "（一）加强组织领导。县政府残疾人工作委员会统筹协调规划实施。"]


def txt_plan(tmp_path: Path, before=BEFORE, indicators=INDICATORS, after=AFTER):
    path = tmp_path / "plan.txt"
    rows = "\n".join("\t".join(r) for r in indicators)
    path.write_text("\n".join(before) + "\n" + rows + "\n" + "\n".join(after) + "\n", encoding="utf-8")
    return load_plan(path)


def summary(r) -> dict:
    return {"title": r.title, "region": [x.name for x in r.region.chain()] if r.region else None,
            "chapters": [(c.no, c.title, [(s.no, s.title) for s in c.sections]) for c in r.chapters],
            "tasks": [(t.no, t.title, t.text, [u.label for u in t.units("lead")],
                       [u.label for u in t.units("support")]) for t in r.tasks()],
            "projects": [(c.no, c.title, [(p.no, p.title, p.text) for p in c.projects]) for c in r.columns()],
            "indicators": [(i.no, i.name, i.category, i.target.printed if i.target else None, i.attribute)
                           for i in r.indicators]}


def assert_same_plan(got, want) -> None:
    g, w = summary(got), summary(want)
    for key in w:
        assert g[key] == w[key], key
    assert w["tasks"] and w["projects"] and w["indicators"]


def _table_html(rows) -> str:
    return '<table border="1">' + "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows) + "</table>"


def web_page(tmp_path: Path, article: str, name: str = "page.html") -> Path:
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>规划</title></head><body>'
            '<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div><div class="content">'
            '<div class="info">发布日期：2022-03-18  来源：县政府办</div>'
            f'<div class="TRS_Editor" id="zoom">{article}</div><div class="share">分享到：微信</div></div>'
            '<div class="footer">版权所有</div></body></html>')
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return path


# --- web pages ---------------------------------------------------------------------------------------
def test_html_plan_printed_in_one_paragraph_broken_by_br(tmp_path):
    """Sites paste a plan as a title paragraph and one <p> whose lines are <br>-separated, the
    indicator table after it.  That paragraph held most of the page's text, so the article was
    taken to be it alone: the title and the indicator table were silently dropped (title '', no
    region, no indicators)."""
    e = html.escape
    lines = [ln for ln in BEFORE[1:] + AFTER if ln != "二、主要指标"] + ["附表", "“十四五”残疾人事业发展主要指标"]
    article = (f"<p align='center'><strong>{e(TITLE)}</strong></p>"
               + "<p>" + "<br>\n".join("\u3000\u3000" + e(x) for x in lines) + "</p>" + _table_html(INDICATORS))
    got = load_plan(web_page(tmp_path, article))
    want = txt_plan(tmp_path, before=[TITLE] + lines, after=[])
    assert_same_plan(got, want)
    assert got.title == TITLE and len(got.indicators) == 2


def test_html_implementation_plan_whose_division_table_is_most_of_the_page(tmp_path):
    """An implementation plan: a few paragraphs, then a 分工表 of many rows holding most of the text.
    The table was taken for the whole article: its prose was lost and the plan refused."""
    rows = [["序号", "重点工作任务", "牵头单位", "配合单位"]] + [
        [str(i), f"落实第{i}项重点工作，推进残疾人服务设施建设，到2025年完成建设任务并持续开展监督检查。",
         "县民政局", "县财政局、县残联"] for i in range(1, 31)]
    prose = [TITLE, "一、总体要求", "坚持以人民为中心。", "二、重点任务",
             "1.落实残疾人两项补贴制度。严格执行补贴政策。（牵头单位：县民政局；责任单位：县财政局）", "重点工作任务分工表"]
    article = "".join(f"<p>{html.escape(x)}</p>" for x in prose) + _table_html(rows)
    got = load_plan(web_page(tmp_path, article))
    txt = tmp_path / "impl.txt"
    txt.write_text("\n".join(prose + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    want = load_plan(txt)
    assert got.title == want.title == TITLE
    assert summary(got)["tasks"] == summary(want)["tasks"]
    assert len(got.tasks()) == 31
    assert [(t.title, [u.label for u in t.units("lead")]) for t in got.tasks()][:2] == [
        ("落实残疾人两项补贴制度", ["县民政局"]),
        ("落实第1项重点工作，推进残疾人服务设施建设，到2025年完成建设任务并持续开展监督检查", ["县民政局"])]


# --- Word ------------------------------------------------------------------------------------------
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')


def _box_paragraphs(lines) -> str:
    return "".join(f'<w:p><w:r><w:t xml:space="preserve">{html.escape(x)}</w:t></w:r></w:p>' for x in lines)


def _text_box(lines, vml_only: bool = False) -> str:
    """A paragraph anchoring a text box as Word writes it: a DrawingML shape with its VML copy in
    mc:Fallback (or, from older Word, the VML shape alone)."""
    inner = _box_paragraphs(lines)
    vml = f"<w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>"
    if vml_only:
        return f'<w:p {NS}><w:r>{vml}</w:r></w:p>'
    return (f'<w:p {NS}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            f'<wp:extent cx="5000000" cy="1000000"/><wp:docPr id="1" name="Text Box 1"/><a:graphic>'
            f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>'
            f'</wp:anchor></w:drawing></mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>')


def word_plan(tmp_path: Path, printed, name: str = "plan.docx", d=None) -> Path:
    """A .docx of BEFORE, the indicator table and AFTER (into document `d`, else a new one);
    `printed(document, line)` adds a line its own way (returns False to add it as a plain paragraph)."""
    import docx
    d = d if d is not None else docx.Document()
    for line in BEFORE:
        if not printed(d, line):
            d.add_paragraph(line)
    t = d.add_table(rows=len(INDICATORS), cols=len(INDICATORS[0]))
    for r, row in enumerate(INDICATORS):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    for line in AFTER:
        if not printed(d, line):
            d.add_paragraph(line)
    path = tmp_path / name
    d.save(str(path))
    return path


def _append(d, xml: str) -> None:
    from docx.oxml import parse_xml
    d.element.body.insert(len(d.element.body) - 1, parse_xml(xml))  # before the section properties


def test_docx_专栏_in_a_text_box(tmp_path):
    """A 专栏 printed in a text box (Word's 插入-文本框, with its VML copy for old readers, or
    the VML shape alone): its projects were dropped without a word (no 专栏, no gap)."""
    box_lines = AFTER[4:7]
    want = txt_plan(tmp_path)
    for vml_only in (False, True):
        def printed(d, line):
            if line in box_lines[1:]:
                return True
            if line == box_lines[0]:
                _append(d, _text_box(box_lines, vml_only))
                return True
            return False
        got = load_plan(word_plan(tmp_path, printed, f"box-{vml_only}.docx"))
        assert_same_plan(got, want)
        assert [p.title for c in got.columns() for p in c.projects] == ["两项补贴", "参保资助"]


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHAPTER = re.compile(r"^[一二三四五六七八九十]+、")
SECTION = re.compile(r"^（[一二三四五六七八九十]+）(?=.{2,30}$)")
ITEM = re.compile(r"^\d\.")


def _levels(*levels: tuple[str, str], styles=(), restart=()) -> str:
    return "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:lvlRestart w:val="{restart[k]}"/>' if k < len(restart) and restart[k] is not None else "")
        + (f'<w:pStyle w:val="{styles[k]}"/>' if k < len(styles) and styles[k] else "")
        + f'<w:lvlText w:val="{text}"/></w:lvl>' for k, (fmt, text) in enumerate(levels))


def numbered_plan(tmp_path: Path, name: str, abstracts: str, *, heading_styles: bool = False,
                  style_ilvl: bool = True, item_restart: bool = True) -> Path:
    """The plan with its chapter (一、), section (（一）) and item (1.) numbers taken out of the text
    and printed by Word's list numbering instead: list 801 of `abstracts` (abstractNum 801), levels 0, 1, 2.  With
    `heading_styles`, chapters and sections are Heading 1 and 2 paragraphs numbered by their style."""
    import docx
    from docx.oxml import parse_xml
    d = docx.Document()
    numbering = d.part.numbering_part.element
    for el in list(parse_xml(f'<w:numbering xmlns:w="{W}">{abstracts}<w:num w:numId="801">'
                             f'<w:abstractNumId w:val="801"/></w:num></w:numbering>')):
        numbering.append(el)
    if heading_styles:
        for k, name_ in enumerate(("Heading 1", "Heading 2")):
            ilvl = f'<w:ilvl w:val="{k}"/>' if style_ilvl else ""
            d.styles[name_].element.get_or_add_pPr().insert(
                0, parse_xml(f'<w:numPr xmlns:w="{W}">{ilvl}<w:numId w:val="801"/></w:numPr>'))

    def printed(doc, line):
        for level, rx in enumerate((CHAPTER, SECTION, ITEM)):
            m = rx.match(line)
            if m and (level < 2 or "牵头单位" in line):
                if heading_styles and level < 2:
                    doc.add_paragraph(line[m.end():], style=("Heading 1", "Heading 2")[level])
                else:
                    p = doc.add_paragraph(line[m.end():])
                    p._p.get_or_add_pPr().append(parse_xml(
                        f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="801"/></w:numPr>'))
                return True
        return False
    path = word_plan(tmp_path, printed, name, d)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert ">主要任务<" in xml and "三、主要任务" not in xml and "落实残疾人两项补贴制度。" in xml
    assert "1.落实残疾人两项补贴制度" not in xml
    return path


OUTLINE = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))


def test_docx_headings_numbered_by_their_style_at_the_style_s_level(tmp_path):
    """Heading 1 and Heading 2 numbered by one outline list linked to the styles: the styles name
    the list only, each level names its style (w:lvl/w:pStyle), as Word writes a multilevel list
    linked to headings.  Every heading was read as level 0: the sections became chapters
    (（一）健全社会保障体系 printed 四、健全社会保障体系), the tasks went under the wrong chapter or none."""
    want = txt_plan(tmp_path)
    for style_ilvl in (True, False):
        abstract = (f'<w:abstractNum w:abstractNumId="801">'
                    f'{_levels(*OUTLINE, styles=("Heading1", "Heading2", None))}</w:abstractNum>')
        path = numbered_plan(tmp_path, f"headings-{style_ilvl}.docx", abstract, heading_styles=True,
                             style_ilvl=style_ilvl)
        assert_same_plan(load_plan(path), want)


def test_docx_list_that_links_to_a_numbering_style(tmp_path):
    """A list defined by a numbering style (Word's 定义新的列表样式): the list the paragraphs use only
    links to the style (w:numStyleLink), the levels are in the abstractNum with the matching
    w:styleLink.  Its paragraphs got no numbers at all: no chapters, no tasks."""
    abstracts = (f'<w:abstractNum w:abstractNumId="801"><w:numStyleLink w:val="PlanOutline"/></w:abstractNum>'
                 f'<w:abstractNum w:abstractNumId="802"><w:styleLink w:val="PlanOutline"/>{_levels(*OUTLINE)}'
                 f'</w:abstractNum>')
    assert_same_plan(load_plan(numbered_plan(tmp_path, "linked.docx", abstracts)), txt_plan(tmp_path))


def test_docx_items_numbered_on_across_sections(tmp_path):
    """A level that Word never restarts (w:lvlRestart 0): the items go on 1. 2. 3. across sections,
    as the text prints them; they were restarted at each section (3. printed 1.)."""
    after = [re.sub(r"^1\.拓宽", "3.拓宽", x) for x in AFTER]
    after = [re.sub(r"^2\.加强", "4.加强", x) for x in after]
    after = [re.sub(r"^3\.保障", "5.保障", x) for x in after]
    want = txt_plan(tmp_path, after=after)
    assert [t.no for t in want.tasks()] == ["1", "2", "3", "4", "5"]
    abstract = f'<w:abstractNum w:abstractNumId="801">{_levels(*OUTLINE, restart=(None, None, 0))}</w:abstractNum>'
    assert_same_plan(load_plan(numbered_plan(tmp_path, "on.docx", abstract)), want)


def test_characters_that_print_nothing_do_not_split_a_unit(tmp_path):
    """A soft hyphen (Word's optional hyphen typed as U+00AD), a zero-width space or a word joiner
    inside a unit's name print nothing.  They were kept: 县民\\u00ad政局 led the task (a unit no list
    knows), and 、\\u200b县残联 became the support unit '县\\u200b县残联', silently."""
    import docx
    odd = {"县民政局": "县民\u00ad政局", "、县残联": "、\u200b县残联", "县财政局": "县财\u2060政局"}

    def oddly(line: str) -> str:
        for plain, printed in odd.items():
            line = line.replace(plain, printed)
        return line
    want = txt_plan(tmp_path)
    d_path = word_plan(tmp_path, lambda d, line: "牵头单位" in line and bool(d.add_paragraph(oddly(line))),
                       "odd.docx")
    assert "\u00ad" in docx.Document(str(d_path)).paragraphs[6].text
    t_path = tmp_path / "odd.txt"
    t_path.write_text(oddly((tmp_path / "plan.txt").read_text(encoding="utf-8")), encoding="utf-8")
    for got in (load_plan(d_path), load_plan(t_path)):
        assert_same_plan(got, want)
        assert [[u.label for u in t.units("lead") + t.units("support")] for t in got.tasks()][:2] == [
            ["县民政局", "县财政局", "县残疾人联合会"], ["县民政局", "县医疗保障局"]]


def test_html_source_wrapped_between_chinese_characters(tmp_path):
    """Word's "save as web page" (and many site editors) wrap the page's source every few dozen
    characters, between Chinese characters.  A browser shows no space there; the reader put one:
    （牵头 单位：… was not read (no lead, no support units) and 区卫 健局 was cut to 区卫."""
    def wrapped(text: str, n: int = 23) -> str:
        """Source lines of about n characters, broken where a line may break: between two Chinese
        characters (a number or a word is not broken)."""
        out, line = [], ""
        for ch in html.escape(text):
            if len(line) >= n and ord(line[-1]) > 0x2e80 and ord(ch) > 0x2e80:
                out.append(line)
                line = ""
            line += ch
        return "\n".join(out + [line])
    article = "\n".join(f"<p class=MsoNormal style='text-indent:32.0pt'><span lang=EN-US>{wrapped(x)}<o:p></o:p>"
                        f"</span></p>" for x in BEFORE)
    article += _table_html(INDICATORS)
    article += "\n".join(f"<p class=MsoNormal>{wrapped(x)}</p>" for x in AFTER)
    page = web_page(tmp_path, f"<h1>{wrapped(TITLE, 9)}</h1>" + article)
    assert "（牵头\n单位" in page.read_text(encoding="utf-8") or "牵\n头" in page.read_text(encoding="utf-8")
    got = load_plan(page)
    assert_same_plan(got, txt_plan(tmp_path))
    assert not got.warnings


# --- Word headings that print no number -------------------------------------------------------------
def heading_plan(tmp_path: Path, name: str, heading, title=None) -> Path:
    """The plan with its chapters and sections printed by `heading(document, level, title, line)`
    (level 0 chapter, 1 section; the line as the text prints it, with its number) and its title by
    `title(document, text)` (else a plain paragraph)."""
    return word_plan(tmp_path, _heading_printer(heading, title), name)


def _heading_printer(heading, title=None):
    def printed(doc, line):
        if line == TITLE and title is not None:
            title(doc, line)
            return True
        for level, rx in enumerate((CHAPTER, SECTION)):
            m = rx.match(line)
            if m and "。" not in line:  # （一）加强组织领导。… is a run-in heading, typed in its paragraph
                heading(doc, level, line[m.end():], line)
                return True
        return False
    return printed


def _outline_level(p, level: int) -> None:
    from docx.oxml import parse_xml
    p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl xmlns:w="{W}" w:val="{level}"/>'))


def _tasks(r) -> list:
    return [(t.no, t.title, [u.label for u in t.units("lead")]) for t in r.tasks()]


def test_docx_unnumbered_headings_read_by_their_level(tmp_path):
    """Chapters styled Heading 1 (标题 1) and sections Heading 2 (标题 2), printing no number at all:
    the tasks' 1. 2. were read as the chapters, the title was lost and no task was read, with no gap
    saying so.  The heading level now prints the number it stands for (一、, （一）)."""
    want = txt_plan(tmp_path)
    assert len(want.tasks()) == 5
    for style_names in (("Heading 1", "Heading 2"), ("标题 1", "标题 2")):
        def heading(d, level, text, line):
            if style_names[0] not in [s.name for s in d.styles]:
                for n in style_names:  # as WPS names them: no outline level in the style, only the name
                    d.styles.add_style(n, 1)
            d.add_paragraph(text, style=style_names[level])
        path = heading_plan(tmp_path, f"{style_names[0]}.docx", heading)
        got = load_plan(path)
        assert_same_plan(got, want)
        assert got.title == TITLE and _tasks(got)[0] == ("1", "落实残疾人两项补贴制度", ["县民政局"])
        assert not [g for g in got.warnings if g.kind in ("structure", "unread")]


def test_docx_unnumbered_headings_beside_numbered_ones(tmp_path):
    """Some headings typed with their number (一、总体要求, 第二章), the others printing none: an
    unnumbered heading takes its place in the count (三、 after 一、 and 二、) and the form its level
    prints; a numbered one is left as printed."""
    want = txt_plan(tmp_path)

    def heading(d, level, text, line):
        typed = level == 0 and ("总体要求" in line or "主要指标" in line)
        d.add_paragraph(line if typed else text, style=("Heading 1", "Heading 2")[level])
    got = load_plan(heading_plan(tmp_path, "mixed.docx", heading))
    assert_same_plan(got, want)

    def worded(d, level, text, line):
        typed = "第一章 " + text if level == 0 and "总体要求" in line else text
        d.add_paragraph(typed, style=("Heading 1", "Heading 2")[level])
    path = heading_plan(tmp_path, "worded.docx", worded)
    from policykg.loaders.formats import read_document
    lines = read_document(path).lines
    assert "第三章 主要任务" in lines and "一、健全社会保障体系" in lines and "第四章 保障措施" in lines
    got = load_plan(path)
    assert [(c.no, c.title) for c in got.chapters] == [("一", "总体要求"), ("二", "主要指标"), ("三", "主要任务"),
                                                       ("四", "保障措施")]
    assert _tasks(got) == _tasks(want)


def test_docx_outline_level_on_the_paragraph_or_its_style(tmp_path):
    """No heading style: the outline level (Word's 段落-大纲级别) set on each paragraph, or on a
    custom style (一级标题) based on another, tells the level."""
    want = txt_plan(tmp_path)

    def on_paragraph(d, level, text, line):
        _outline_level(d.add_paragraph(text), level)
    assert_same_plan(load_plan(heading_plan(tmp_path, "para.docx", on_paragraph)), want)

    def on_style(d, level, text, line):
        from docx.oxml import parse_xml
        if "一级标题" not in [s.name for s in d.styles]:
            for k, n in enumerate(("一级标题", "二级标题")):
                st = d.styles.add_style(n, 1)
                st.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl xmlns:w="{W}" w:val="{k}"/>'))
            d.styles.add_style("一级标题（正文）", 1).base_style = d.styles["一级标题"]
        d.add_paragraph(text, style=("一级标题（正文）", "二级标题")[level])
    assert_same_plan(load_plan(heading_plan(tmp_path, "style.docx", on_style)), want)


def test_docx_title_styled_as_a_heading_is_no_chapter(tmp_path):
    """The title styled Heading 1 (the first heading, before any body text, reading as a plan
    title) or Title is the plan's title, not chapter 一; chapters then Heading 2, sections Heading 3."""
    want = txt_plan(tmp_path)
    for title_style, chapter_styles in (("Heading 1", ("Heading 2", "Heading 3")),
                                        ("Heading 1", ("Heading 1", "Heading 2")),
                                        ("Title", ("Heading 1", "Heading 2"))):
        def heading(d, level, text, line):
            d.add_paragraph(text, style=chapter_styles[level])
        path = heading_plan(tmp_path, f"{title_style}-{chapter_styles[0]}.docx", heading,
                            title=lambda d, text: d.add_paragraph(text, style=title_style))
        got = load_plan(path)
        assert_same_plan(got, want)
        assert got.title == TITLE


def test_docx_title_under_a_covering_notice_styled_as_a_heading_is_no_chapter(tmp_path):
    """A covering notice (its heading styled Heading 1, its text as body text) above the plan's title,
    also Heading 1: neither heading is a chapter, though body text comes before the title."""
    import docx
    d = docx.Document()
    d.add_paragraph(f"关于印发《{TITLE}》的通知", style="Heading 1")
    d.add_paragraph("各乡镇人民政府，县直各有关单位：")
    d.add_paragraph(f"现将《{TITLE}》印发给你们，请认真贯彻执行。")

    def heading(doc, level, text, line):
        doc.add_paragraph(text, style=("Heading 1", "Heading 2")[level])
    path = word_plan(tmp_path, _heading_printer(heading, lambda doc, text: doc.add_paragraph(text, style="Heading 1")),
                     "notice.docx", d)
    got = load_plan(path)
    assert_same_plan(got, txt_plan(tmp_path))
    assert got.title == TITLE


def test_docx_unnumbered_heading_whose_number_cannot_be_told_is_a_gap(tmp_path):
    """A third heading level printing no number, below unnumbered chapters and sections: the plan
    types its tasks 1. 2. there, so no number can be inferred.  It is read as a paragraph and said."""
    import docx
    d = docx.Document()

    def printed(doc, line):
        for level, rx in enumerate((CHAPTER, SECTION)):
            m = rx.match(line)
            if m:
                doc.add_paragraph(line[m.end():], style=("Heading 1", "Heading 2")[level])
                if "促进残疾人就业" in line:
                    doc.add_paragraph("就业帮扶", style="Heading 3")
                return True
        return False
    got = load_plan(word_plan(tmp_path, printed, "deep.docx", d))
    gaps = [g for g in got.warnings if g.kind == "structure" and "就业帮扶" in g.message]
    assert len(gaps) == 1 and "cannot be told" in gaps[0].message
    assert [t.title for t in got.tasks()] == [t.title for t in txt_plan(tmp_path).tasks()]


def test_docx_body_text_in_a_heading_style_is_not_numbered(tmp_path):
    """Offices that style body paragraphs as a heading: a sentence in Heading 2 is no section."""
    from policykg.loaders.formats import read_document

    def heading(d, level, text, line):
        d.add_paragraph(text, style=("Heading 1", "Heading 2")[level])
        if "总体要求" in line:
            d.add_paragraph("坚持以人民为中心，补齐短板。", style="Heading 2")
    lines = read_document(heading_plan(tmp_path, "body.docx", heading)).lines
    assert "坚持以人民为中心，补齐短板。" in lines and "（一）健全社会保障体系" in lines


def test_docx_unnumbered_preface_heading_is_no_chapter(tmp_path):
    """A 前言 styled Heading 1 before the chapters, or an unnumbered heading before the first
    chapter its level numbers, stays a paragraph: 一、 is not printed twice."""
    from policykg.loaders.formats import read_document
    want = txt_plan(tmp_path)
    for preface, typed in (("前言", False), ("前 言", True), ("编制说明", True)):
        def heading(d, level, text, line):
            if "总体要求" in line:
                d.add_paragraph(preface, style="Heading 1")
            d.add_paragraph(line if typed and level == 0 else text, style=("Heading 1", "Heading 2")[level])
        path = heading_plan(tmp_path, f"preface-{typed}.docx", heading)
        assert preface in read_document(path).lines
        assert _tasks(load_plan(path)) == _tasks(want)


def test_docx_legal_and_digit_numerals_print_as_counting_numerals(tmp_path):
    """Word numbering in chineseLegalSimplified (shown 壹、) or ideographDigital (shown 一〇 for 10) is
    printed back in counting numerals (一、 十、), the numerals the grammar reads: the chapters and
    sections are read as those of the text."""
    from policykg.loaders.formats.numbering import format_number
    assert [format_number(n, "chineseLegalSimplified") for n in (1, 3, 10, 12)] == ["一", "三", "十", "十二"]
    assert [format_number(n, "ideographDigital") for n in (1, 10)] == ["一", "十"]
    levels = (("chineseLegalSimplified", "%1、"), ("ideographDigital", "（%2）"), ("decimal", "%3."))
    abstract = f'<w:abstractNum w:abstractNumId="801">{_levels(*levels)}</w:abstractNum>'
    assert_same_plan(load_plan(numbered_plan(tmp_path, "legal.docx", abstract)), txt_plan(tmp_path))


# --- web headings that print no number --------------------------------------------------------------
def heading_page(tmp_path: Path, name: str, tags=("h2", "h3"), title: str = "<h1>{}</h1>", typed=(),
                 before: str = "", box: str = "p") -> Path:
    """The plan as a web page whose chapters and sections are marked only by the heading elements
    `tags` (no number printed, except the lines in `typed`), its title printed by `title`, the 专栏's
    heading in a `box` element, and `before` (a covering notice) above it."""
    e = html.escape

    def block(x: str) -> str:
        if x.startswith("专栏"):
            return f"<{box}>{e(x)}</{box}>"
        for tag, rx in zip(tags, (CHAPTER, SECTION)):
            m = rx.match(x)
            if m and "。" not in x:
                return f"<{tag}>{e(x if x in typed else x[m.end():])}</{tag}>"
        return f"<p>{e(x)}</p>"
    article = (before + title.format(e(TITLE)) + "".join(block(x) for x in BEFORE[1:])
               + _table_html(INDICATORS) + "".join(block(x) for x in AFTER))
    return web_page(tmp_path, article, name)


def test_html_unnumbered_headings_read_by_their_level(tmp_path):
    """Chapters in <h2> and sections in <h3> (or <h1> and <h2>, the title a paragraph), printing no
    number: the tasks' 1. 2. were read as the chapters, the title was lost and no task was read.  The
    heading level now prints the number it stands for (一、, （一）), as in a Word file."""
    want = txt_plan(tmp_path)
    for k, (tags, title) in enumerate(((("h2", "h3"), "<h1>{}</h1>"), (("h1", "h2"), "<p align='center'>{}</p>"),
                                       (("h3", "h4"), "<h2>{}</h2>"), (("h2", "h3"), "<p>{}</p>"))):
        got = load_plan(heading_page(tmp_path, f"page{k}.html", tags, title, box="h4"))
        assert_same_plan(got, want)
        assert got.title == TITLE and _tasks(got)[0] == ("1", "落实残疾人两项补贴制度", ["县民政局"])
        assert not [g for g in got.warnings if g.kind in ("structure", "unread")]


def test_html_unnumbered_headings_beside_numbered_ones(tmp_path):
    """Some headings typed with their number (一、总体要求), the others printing none: an unnumbered one
    takes its place in the count; a numbered one is left as printed."""
    from policykg.loaders.formats import read_document
    path = heading_page(tmp_path, "mixed.html", typed=("一、总体要求", "二、主要指标"))
    assert_same_plan(load_plan(path), txt_plan(tmp_path))
    lines = read_document(path).lines
    assert "二、主要指标" in lines and "三、主要任务" in lines and "三、二、主要指标" not in lines


def test_html_title_under_a_covering_notice_and_annex_are_no_chapters(tmp_path):
    """A covering notice's heading (<h1>关于印发…的通知</h1>) and its text above the plan's title (also a
    heading), an annex heading after the plan: none is a chapter."""
    from policykg.loaders.formats import read_document
    notice = (f"<h1>关于印发《{html.escape(TITLE)}》的通知</h1><p>各乡镇人民政府，县直各有关单位：</p>"
              f"<p>现将《{html.escape(TITLE)}》印发给你们，请认真贯彻执行。</p>")
    path = heading_page(tmp_path, "notice.html", before=notice, title="<h2>{}</h2>")
    got = load_plan(path)
    assert_same_plan(got, txt_plan(tmp_path))
    assert got.title == TITLE
    path = heading_page(tmp_path, "annex.html")
    path.write_text(path.read_text(encoding="utf-8").replace(
        '</div><div class="share">', '<h2>附件</h2><p>青山县残疾人事业发展重点项目表</p></div><div class="share">'),
        encoding="utf-8")
    lines = read_document(path).lines
    assert "附件" in lines and "四、保障措施" in lines and not any(ln.startswith("五、") for ln in lines)


def test_html_unnumbered_heading_whose_number_cannot_be_told_is_a_gap(tmp_path):
    """An <h4> printing no number below unnumbered <h2> chapters and <h3> sections: read as a
    paragraph and said."""
    path = heading_page(tmp_path, "deep.html")
    path.write_text(path.read_text(encoding="utf-8").replace("<h3>促进残疾人就业</h3>",
                                                              "<h3>促进残疾人就业</h3><h4>就业帮扶</h4>"), encoding="utf-8")
    got = load_plan(path)
    gaps = [g for g in got.warnings if g.kind == "structure" and "就业帮扶" in g.message]
    assert len(gaps) == 1 and "cannot be told" in gaps[0].message
    assert [t.title for t in got.tasks()] == [t.title for t in txt_plan(tmp_path).tasks()]


def test_html_lone_headings_beside_typed_chapters_are_left_as_printed(tmp_path):
    """Chapters typed in paragraphs (一、总体要求), the page's only headings its title, the period as
    a subtitle (<h2>（2021—2025年）</h2>) and a 相关解读 after the plan: no heading is given a number."""
    from policykg.loaders.formats import read_document
    e = html.escape
    article = (f"<h1>{e(TITLE)}</h1><h2>（2021—2025年）</h2>" + "".join(f"<p>{e(x)}</p>" for x in BEFORE[1:])
               + _table_html(INDICATORS) + "".join(f"<p>{e(x)}</p>" for x in AFTER) + "<h3>相关解读</h3>")
    path = web_page(tmp_path, article)
    lines = read_document(path).lines
    assert "（2021—2025年）" in lines and "相关解读" in lines
    assert _tasks(load_plan(path)) == _tasks(txt_plan(tmp_path))


# --- financial numerals typed as text ---------------------------------------------------------------
_FINANCIAL = str.maketrans("一二三四五六七八九十", "壹贰叁肆伍陆柒捌玖拾")


def test_txt_chapters_and_sections_typed_in_financial_numerals(tmp_path):
    """Chapters typed 壹、总体要求 贰、… and sections （壹）…, as Word prints chineseLegalSimplified
    numbering and some offices type it: read as 一、 and （一）, the plan as the one typed in counting
    numerals (and as the Word file numbered so).  Before, no chapter was read: 0 tasks."""
    def financial(lines):
        out = []
        for x in lines:
            m = CHAPTER.match(x) or re.match(r"^（[一二三四五六七八九十]+）", x)
            out.append(x[:m.end()].translate(_FINANCIAL) + x[m.end():] if m else x)
        return out
    want = txt_plan(tmp_path)
    before, after = financial(BEFORE), financial(AFTER)
    assert before[1] == "壹、总体要求" and "（壹）健全社会保障体系" in after and "肆、保障措施" in after
    got = txt_plan(tmp_path, before=before, after=after)
    assert_same_plan(got, want)
    assert [(c.no, c.title) for c in got.chapters] == [("一", "总体要求"), ("二", "主要指标"), ("三", "主要任务"),
                                                       ("四", "保障措施")]


def test_financial_numerals_number_only_as_counting_numerals_do():
    """壹、 （壹） 第叁章 拾贰、 read as 一、 （一） 第三章 十二、; a word opening with 壹 (壹基金、…) is no
    number, as 一 in 一带一路、… is none."""
    from policykg.loaders.ladder import cn_value, numbering
    got = {t: (n.style, n.number, n.numeral) if (n := numbering(t)) else None
           for t in ("壹、总体要求", "(贰)就业", "第叁章 主要任务", "拾贰、附则", "壹基金、红十字会参与", "一带一路、x")}
    assert got == {"壹、总体要求": ("一、", 1, "一"), "(贰)就业": ("(一)", 2, "二"), "第叁章 主要任务": ("第章", 3, "三"),
                   "拾贰、附则": ("一、", 12, "十二"), "壹基金、红十字会参与": None, "一带一路、x": None}
    assert [cn_value(x) for x in ("贰拾", "壹佰零伍", "陸")] == [20, 105, 6]


@pytest.mark.parametrize("glyph", ["\uf0b7", "\uf06c", "o", "●", "◆"], ids=["symbol", "wingdings", "letter", "dot", "diamond"])
def test_docx_tasks_in_a_bulleted_list_read_as_the_text_printing_the_bullets(tmp_path, glyph):
    """Tasks printed as a Word bulleted list (the bullet a symbol font's private-use character, a
    letter shown in a symbol font, or a mark): the bullets were printed as nothing, so each
    section read as one task over its paragraphs with every lead (a structure gap said so).  Now
    they read as the same plan typed with ● (or its own mark) does."""
    mark = glyph if glyph in "●◆" else "●"
    after = [re.sub(r"^\d\.", mark, x) if "牵头单位" in x else x for x in AFTER]
    want = txt_plan(tmp_path, after=after)
    assert [(t.no, t.title) for t in want.tasks()][:2] == [("1", "落实残疾人两项补贴制度"), ("2", "强化困难残疾人兜底救助")]
    levels = (OUTLINE[0], OUTLINE[1], ("bullet", glyph))
    abstract = f'<w:abstractNum w:abstractNumId="801">{_levels(*levels)}</w:abstractNum>'
    got = load_plan(numbered_plan(tmp_path, "bullets.docx", abstract))
    assert_same_plan(got, want)
    assert [g for g in got.warnings if g.kind == "structure"] == []
