"""The same plan as Word, PDF and web page gives the same plan record as its text.

Each corpus plan and the bundled example is converted (tests/loaders/conftest.py) to .docx (real
Word tables, Word numbering, real bookmarks), .pdf (ruled tables, running header, page numbers) and
.html (inside a government site's navigation, info bar, scripts and footer), then read back.
Everything a user sees must be equal to the .txt result: title, region, issuer, dates, 文号,
period, cited documents, chapters and sections, every task (number, title, text, lead and supporting
units, stated targets, the body task a division-table row implements), every project and every
indicator (name, category, unit, baseline, target, attribute).  Only line numbers and offsets may
differ, because each format has its own lines.
"""
from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from policykg.errors import InputError
from policykg.loaders.formats import sniff
from policykg.loaders.grids import read_division_grid, read_indicator_grid
from policykg.loaders.plan import load_plan
from policykg.loaders.formats import read_document as read_source
from policykg.loaders.reading import Grid

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
PLANS = ["example", "000", "001", "002", "003", "004"]


def plan_path(name: str) -> Path:
    if name == "example":
        return ROOT / "policykg" / "examples" / "example_plan.txt"
    return next(CORPUS.glob(f"{name}_*.txt"))


def summary(r) -> dict:
    """What a user checks in a plan record, without line numbers or offsets."""
    return {
        "title": r.title,
        "region": [x.name for x in r.region.chain()] if r.region else None,
        "issuer": r.issuer.label if r.issuer else None,
        "doc_number": r.doc_number, "issued": r.issued, "published": r.published,
        "period": r.period, "draft": r.draft, "cited": [c for c, _ in r.cited],
        "chapters": [(c.no, c.title, c.kind, [(s.no, s.title) for s in c.sections]) for c in r.chapters],
        "tasks": [(t.no, t.title, t.text, [u.label for u in t.units("lead")],
                   [u.label for u in t.units("support")], [v.printed for v in t.targets],
                   [i.no for i in t.indicators],
                   (t.implements.no, t.implements.title) if t.implements else None) for t in r.tasks()],
        "columns": [(c.no, c.title, [(p.group, p.no, p.title, p.text) for p in c.projects]) for c in r.columns()],
        "indicators": [(i.no, i.name, i.category, i.unit, i.baseline.printed if i.baseline else None,
                        i.target.printed if i.target else None, i.target.comparator if i.target else None,
                        i.target.value if i.target else None, i.attribute) for i in r.indicators],
    }


def assert_same(got: dict, want: dict) -> None:
    for key in want:
        assert got[key] == want[key], key


def assert_spans_point_at_the_text(path: Path, record) -> None:
    """Every task's source location is a line range of the document holding its title."""
    src = read_source(path)
    for t in record.tasks():
        assert 1 <= t.span.line <= t.span.end_line <= len(src.lines)
        printed = "".join(src.lines[t.span.line - 1:t.span.end_line]).replace(" ", "")
        assert t.title[:6].replace(" ", "") in printed, (t.no, t.title)


@pytest.fixture(scope="module")
def txt_records():
    cache = {}

    def get(name: str):
        if name not in cache:
            cache[name] = load_plan(plan_path(name))
        return cache[name]
    return get


@pytest.mark.parametrize("name", PLANS)
def test_docx_gives_the_same_plan(converted, txt_records, name):
    docx_path = converted(plan_path(name), "docx")
    record = load_plan(docx_path)
    assert_same(summary(record), summary(txt_records(name)))
    assert_spans_point_at_the_text(docx_path, record)
    assert record.document.file_name == docx_path.name


@pytest.mark.parametrize("name", PLANS)
def test_pdf_gives_the_same_plan(converted, txt_records, name):
    pdf_path = converted(plan_path(name), "pdf")
    record = load_plan(pdf_path)
    assert_same(summary(record), summary(txt_records(name)))
    assert_spans_point_at_the_text(pdf_path, record)


@pytest.mark.parametrize("name", PLANS)
def test_html_gives_the_same_plan_with_the_page_date(converted, txt_records, name):
    want = summary(txt_records(name))
    # the info bar's 发布日期 is the page's own and comes first; the text's own, if any, is the same day
    published = (txt_records(name).published or date(2023, 2, 27)).isoformat()
    html_path = converted(plan_path(name), "html", published=published, source="区残疾人联合会")
    record = load_plan(html_path)
    want["published"] = date.fromisoformat(published)
    assert_same(summary(record), want)
    assert_spans_point_at_the_text(html_path, record)


# --- tables are read as tables --------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_004_tables_arrive_as_grids(converted, fmt):
    """004: the indicator table (header + 10 rows) and the division table (header + 44 rows, over
    several PDF pages with the header repeated on each) are real tables, read cell by cell."""
    kw = {"published": "2023-02-27", "source": "连州市残联"} if fmt == "html" else {}
    src = read_source(converted(plan_path("004"), fmt, **kw))
    assert [len(g.rows) for g in src.grids] == [11, 45]
    header = src.grids[1].rows[0][1]
    assert [c.replace("\n", "") for c in header] == ["序号", "重点工作任务", "负责单位", "配合单位"]
    # row 7 names three companies in one cell, one per line (004 text lines 190-192)
    row7 = next(cells for _, cells in src.grids[1].rows if cells[0] == "7")
    assert row7[2].split("\n") == ["中国移动通讯集团广东有限公司连州分公司", "中国电信股份有限公司连州分公司",
                                   "中国联通连州分公司"]


def _indicator_grid(rows: list[list[str]]) -> Grid:
    return Grid(tuple((k + 10, tuple(r)) for k, r in enumerate(rows)))


def test_grid_empty_cell_stays_in_its_column():
    """A real table's empty 2020 cell is no baseline; the 2025 value stays the target (a flattened
    table would have shifted it into the baseline)."""
    grid = _indicator_grid([
        ["类别", "指标", "2020年", "2025年", "属性"],
        ["收入和就业", "1. 残疾人家庭人均收入年均增速（%）", "", "与国内生产总值增长基本同步", "预期性"],
        ["", "2. 残疾人托养机构（家）", "1", "3", "约束性"],
        ["社会保障", "3. 残疾人基本康复服务覆盖率（%）", "96.55%", "＞85%", ""],
    ])
    table = read_indicator_grid(grid)
    assert table.columns == ["category", "name", "baseline", "target", "attribute"]
    assert table.years == {"baseline": 2020, "target": 2025}
    rows = [(r.no, r.name, r.category, r.unit, [v for v, _ in r.values], r.attribute) for r in table.rows]
    assert rows == [
        ("1", "残疾人家庭人均收入年均增速", "收入和就业", "%", ["", "与国内生产总值增长基本同步"], "预期性"),
        ("2", "残疾人托养机构", "收入和就业", "家", ["1", "3"], "约束性"),
        ("3", "残疾人基本康复服务覆盖率", "社会保障", "%", ["96.55%", "＞85%"], ""),
    ]


def test_grid_with_blank_name_header_and_category_rows():
    """000 prints its name column header blank and categories as rows of their own."""
    grid = _indicator_grid([
        ["“十四五”主要指标", "", "", ""],
        ["", "2020", "2025", "属性"],
        ["收入和就业", "", "", ""],
        ["1.残疾人家庭人均收入年均增长(%)", "——", "与国内生产总值增长基本同步", "预期性"],
    ])
    table = read_indicator_grid(grid)
    assert [(r.no, r.name, r.category, [v for v, _ in r.values]) for r in table.rows] == [
        ("1", "残疾人家庭人均收入年均增长", "收入和就业", ["——", "与国内生产总值增长基本同步"])]


def test_division_grid_row_broken_over_a_page():
    """A row split by a page break continues in an unnumbered row; units one per line stay apart,
    a unit name wrapped inside its cell is joined back."""
    grid = Grid(((1, ("序号", "重点工作任务", "负责单位", "配合单位")),
                 (2, ("1", "完善城乡居民最低生活保障制度，", "市民政局", "市财政局、\n市残联")),
                 (3, ("", "实现应保尽保。", "", "")),
                 (4, ("2", "落实残疾人信息消费支持。", "中国电信股份有限公司\n连州分公司\n中国联通连州分公司",
                      "市工业和\n信息化局"))))
    table = read_division_grid(grid, "重点工作任务分工表", 0)
    assert [(r.no, r.task, r.lead, r.support) for r in table.rows] == [
        ("1", "完善城乡居民最低生活保障制度，实现应保尽保。", "市民政局", "市财政局、市残联"),
        ("2", "落实残疾人信息消费支持。", "中国电信股份有限公司\n连州分公司\n中国联通连州分公司", "市工业和信息化局"),
    ]


# --- Word specifics --------------------------------------------------------------------------------
def test_docx_numbering_is_restored(converted):
    """The converter numbers the example's chapters (一、…五、) and its runs of "1." items with Word
    numbering, so those numbers are not in the document's text; the reader prints them back."""
    path = converted(plan_path("example"), "docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "一、总体要求" not in xml and ">总体要求<" in xml
    assert "1.落实残疾人两项补贴制度" not in xml
    lines = read_source(path).lines
    assert "一、总体要求" in lines and "五、规划实施" in lines
    assert any(ln.startswith("1.落实残疾人两项补贴制度。") for ln in lines)
    # the box's sub-groups (一、资金类 …) are not chapters and keep their printed numbers
    assert "一、资金类" in lines and "二、服务类" in lines


def test_docx_bookmarks_are_not_text(converted):
    path = converted(plan_path("004"), "docx")
    assert "w:bookmarkStart" in zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert not any("bookmark" in ln for ln in read_source(path).lines)


def test_docx_merged_cells(tmp_path):
    """A category merged down its rows (vMerge) is printed once; a cell spanning two columns
    (gridSpan) keeps the columns after it in place."""
    import docx
    d = docx.Document()
    d.add_paragraph("二、主要指标")
    t = d.add_table(rows=4, cols=5)
    rows = [["类别", "指  标", "2020年", "2025年", "属性"],
            ["社会保障", "1. 困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性"],
            ["", "2. 重度残疾人护理补贴覆盖率（%）", "98", "100", "约束性"],
            ["", "3. 残疾人就业人数（人）", "", "", "预期性"]]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(1, 0).merge(t.cell(2, 0))   # vertical merge of the category
    merged = t.cell(3, 2).merge(t.cell(3, 3))  # "待定" spans 2020 and 2025
    merged.text = "待定"
    path = tmp_path / "merged.docx"
    d.save(path)
    grid = read_source(path).grids[0]
    assert [cells for _, cells in grid.rows][1:] == [
        ("社会保障", "1. 困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性"),
        ("", "2. 重度残疾人护理补贴覆盖率（%）", "98", "100", "约束性"),
        ("", "3. 残疾人就业人数（人）", "待定", "", "预期性")]
    table = read_indicator_grid(grid)
    assert [r.category for r in table.rows] == ["社会保障"] * 3


def test_docx_table_of_contents_is_not_the_body(tmp_path, converted, txt_records):
    """A Word 目录 (a content control of TOC-styled entries with page numbers) before the plan: its
    entries repeat the chapter headings and must not be read as the body."""
    import docx
    from docx.oxml import parse_xml
    path = converted(plan_path("002"), "docx")
    d = docx.Document(str(path))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    toc_style = d.styles.add_style("TOC Heading 1", 1)
    toc_style.element.get_or_add_name().set(f"{{{w}}}val", "toc 1")
    entries = "".join(f'<w:p><w:pPr><w:pStyle w:val="{toc_style.style_id}"/></w:pPr><w:r><w:t>{t}</w:t>'
                      f'</w:r><w:r><w:tab/><w:t>{n}</w:t></w:r></w:p>'
                      for t, n in (("一、发展环境", 2), ("二、总体要求", 4), ("三、主要任务", 6)))
    sdt = parse_xml(f'<w:sdt xmlns:w="{w}"><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
                    f'</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>目  录</w:t></w:r></w:p>{entries}'
                    f'</w:sdtContent></w:sdt>')
    body = d.element.body
    body.insert(0, sdt)
    # the same entries once more as plain TOC-styled paragraphs (a TOC pasted without its control)
    for p in parse_xml(f'<w:body xmlns:w="{w}">{entries}</w:body>'):
        body.insert(1, p)
    with_toc = tmp_path / "with-toc.docx"
    d.save(with_toc)
    lines = read_source(with_toc).lines
    assert not any("目  录" in ln or ln.endswith(("\t2", "\t4", "\t6")) for ln in lines)
    assert_same(summary(load_plan(with_toc)), summary(txt_records("002")))


def test_chinese_counting():
    from policykg.loaders.formats.numbering import chinese_counting, format_number
    assert [chinese_counting(n) for n in (1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 999)] == [
        "一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十",
        "九百九十九"]
    assert format_number(3, "ideographTraditional") == "丙"
    assert format_number(4, "upperRoman") == "IV" and format_number(28, "lowerLetter") == "bb"
    assert format_number(2, "decimalEnclosedCircle") == "②"


# --- PDF specifics ---------------------------------------------------------------------------------
def test_pdf_furniture_and_paragraphs(converted):
    """The converter prints 政府公报 2022年第3期 at the top and — N — at the bottom of every page."""
    path = converted(plan_path("002"), "pdf")
    lines = read_source(path).lines
    assert not any("政府公报" in ln or "2022年第3期" in ln for ln in lines)
    assert not any(ln.strip().startswith("—") and ln.strip().endswith("—") for ln in lines)
    # paragraphs wrapped over several printed lines come back whole: 002's task at text line 177
    task = next(ln for ln in lines if ln.startswith("1、强化残疾人事业法治保障。"))
    assert task.endswith("（牵头单位：区残联、区司法局；责任单位：区委宣传部、区委网信办、区民政局、区人社局、区卫健局）")


# --- web page specifics ----------------------------------------------------------------------------
def test_html_noise_is_dropped_and_metadata_kept(converted, txt_records):
    path = converted(plan_path("003"), "html", published="2022-09-30", source="乌达区残疾人联合会",
                     doc_number="乌达政发〔2022〕21号")
    lines = read_source(path).lines
    assert lines[:2] == ["乌达政发〔2022〕21号", "发布日期:2022-09-30  来源:乌达区残疾人联合会"]
    for noise in ("首页", "政务公开", "当前位置", "这不是正文", "版权所有", "备案号", "分享到", "相关链接",
                  "浏览次数"):
        assert not any(noise in ln for ln in lines), noise
    record = load_plan(path)
    # 003's text has no 文号 and no 发布日期 (checked: its first lines are the title and preamble)
    assert txt_records("003").doc_number == "" and txt_records("003").published is None
    assert record.doc_number == "乌达政发〔2022〕21号"
    assert record.published == date(2022, 9, 30)


def test_html_in_gbk_with_declared_charset(tmp_path, txt_records, converters):
    text = plan_path("002").read_text(encoding="utf-8")
    path = converters.to_html(text, tmp_path / "plan-gbk.htm", published="2022-07-28", source="薛城区残联",
                   encoding="gb18030")
    assert b'charset="gb18030"' in path.read_bytes()
    want = summary(txt_records("002"))
    want["published"] = date(2022, 7, 28)
    assert_same(summary(load_plan(path)), want)


def test_html_old_layout_table_page(tmp_path):
    """Older government sites lay the page out with tables: the article is a cell of a layout table,
    the indicator table inside it is a data table."""
    page = ("<html><head><meta charset='utf-8'></head><body><table width='100%'><tr>"
            "<td class='left'><a href='/'>首页</a><br><a href='/a'>机构设置</a><br><a href='/b'>政策文件</a></td>"
            "<td class='main'><table><tr><td>发布时间：2022年08月01日</td><td>信息来源：某某区残联</td></tr></table>"
            "<p>某某市某某区“十四五”残疾人保障和发展规划</p><p>一、主要指标</p>"
            "<table border='1'><tr><td>指标</td><td>2025年</td><td>属性</td></tr>"
            "<tr><td>1. 残疾人基本康复服务覆盖率（%）</td><td>≥85%</td><td>约束性</td></tr></table>"
            "<p>二、重点任务</p><p>1.加强残疾人康复服务。到2025年覆盖率达到85%以上。</p>"
            "</td></tr></table><div class='footer'>网站地图 | 联系我们</div></body></html>")
    path = tmp_path / "page.htm"
    path.write_text(page, encoding="utf-8")
    src = read_source(path)
    # the info bar is inside the article's cell here: kept as printed, read by the metadata reader
    assert src.lines[:2] == ["发布时间：2022年08月01日", "信息来源：某某区残联"]
    assert not any("首页" in ln or "网站地图" in ln for ln in src.lines)
    assert [cells for _, cells in src.grids[0].rows] == [("指标", "2025年", "属性"),
                                                        ("1. 残疾人基本康复服务覆盖率（%）", "≥85%", "约束性")]
    record = load_plan(path)
    assert [(i.name, i.target.printed, i.attribute) for i in record.indicators] == [
        ("残疾人基本康复服务覆盖率", "≥85%", "约束性")]
    assert [t.title for t in record.tasks()] == ["加强残疾人康复服务"]
    assert record.published == date(2022, 8, 1)


def test_html_table_spans():
    import lxml.html
    from policykg.loaders.formats.web import _table_rows
    table = lxml.html.fromstring(
        "<table><tr><th>类别</th><th>指标</th><th>2020年</th><th>2025年</th><th>属性</th></tr>"
        "<tr><td rowspan='2'>社会保障</td><td>1. 甲（%）</td><td colspan='2'>100</td><td>约束性</td></tr>"
        "<tr><td>2. 乙（%）</td><td>90</td><td>95</td><td>预期性</td></tr></table>")
    assert _table_rows(table) == ([["类别", "指标", "2020年", "2025年", "属性"],
                                   ["社会保障", "1. 甲（%）", "100", "", "约束性"],
                                   ["", "2. 乙（%）", "90", "95", "预期性"]], {(2, 0)})


# --- chosen by content ------------------------------------------------------------------------------
def test_format_is_chosen_by_content(converted, tmp_path):
    docx_path = converted(plan_path("example"), "docx")
    pdf_path = converted(plan_path("example"), "pdf")
    html_path = converted(plan_path("example"), "html", published="2022-03-18", source="青溪区人民政府")
    renamed = {}
    for src, name in ((docx_path, "plan-from-word.txt"), (pdf_path, "gazette.bin"), (html_path, "page.txt")):
        renamed[name] = tmp_path / name
        renamed[name].write_bytes(src.read_bytes())
    assert [sniff(renamed[n]) for n in renamed] == ["docx", "pdf", "html"]
    assert sniff(plan_path("example")) == "txt"
    media = [read_source(p).media_type for p in renamed.values()]
    assert media == ["application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     "application/pdf", "text/html"]
    assert load_plan(renamed["plan-from-word.txt"]).title == "云山市青溪区“十四五”残疾人保障和发展规划"


def test_claimed_format_that_is_not(tmp_path):
    fake_docx = tmp_path / "plan.docx"
    fake_docx.write_text("一、重点任务\n1.落实。\n", encoding="utf-8")
    fake_pdf = tmp_path / "plan.pdf"
    fake_pdf.write_text("一、重点任务\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"plan\.docx: has the extension \.docx but is not a Word document"):
        load_plan(fake_docx)
    with pytest.raises(InputError, match=r"plan\.pdf: has the extension \.pdf but is not a PDF"):
        load_plan(fake_pdf)


def _join_pair(a: str, b: str) -> str:
    """The joining rule as written, two printed lines at a time (quadratic over a paragraph).  The
    spaces before b's text are its indent (it goes on at the margin), no gap."""
    from policykg.loaders.responsibilities import names_apart_at_break, spaced_list_break
    gap = len(a) - len(a.rstrip())
    spaced = b[:1].isspace()
    a, b = a.rstrip(), b.lstrip()
    if gap >= 2:
        return a + "  " + b
    if a and ((gap or spaced) and names_apart_at_break(a, b) or spaced_list_break(a, b)):
        return a + " " + b  # a list's names parted by a space the line wrapped at
    latin = a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha()
    if latin and not re.search(r"[\u3000-\u9fff\uff00-\uffef]", a):
        return a + " " + b
    return a + b


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=" \u3000\tab9。残联（", max_size=6), min_size=1, max_size=12))
def test_pdf_paragraph_joins_its_lines_by_the_rule(texts):
    """A PDF paragraph's lines joined as they come (pieces, linear) give the text the pairwise rule
    gives: spaces at a break dropped, a wide gap ending a line kept as two, a space between Latin
    words."""
    from policykg.loaders.formats.pdf import _Paragraph
    from policykg.loaders.formats.pdf_lines import Line
    lines = [Line(1, i, i + 1, 0.0, 100.0, t) for i, t in enumerate(texts)]
    para = _Paragraph(lines[0])
    expected = texts[0]
    for line in lines[1:]:
        para.add(line)
        expected = _join_pair(expected, line.text)
    assert para.text == expected
