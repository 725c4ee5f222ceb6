"""Converters for the format tests: a plan text turned into the .docx, .pdf and .html a user gets.

The corpus texts are what extraction from Word files, PDFs and web pages left behind; these
converters go the other way with well-kept libraries, so the loaders can be checked to read the
original formats to the same plan:

- .docx (python-docx): one paragraph per text line; the indicator table and the division table as
  real Word tables; "[bookmark: …]" debris as real Word bookmarks; chapter headings (一、) and
  runs of "1." items as Word automatic numbering (the number is then not in the text at all);
- .pdf (reportlab, with its built-in Adobe CID font STSong-Light, so no font file is needed):
  paragraphs indented by leading spaces, wrapped at the page width; the two tables drawn as ruled
  tables that repeat their header on a new page; a running header and a page number on every page;
- .html (a Jinja2 template): the text as <p> blocks and <table>s inside an article <div>, around it
  navigation, breadcrumbs, an info bar with 发布日期/来源/文号, scripts, styles and a footer.

A table, in the text, is a run of tab-indented cell lines, rows separated by blank lines, with a
header row whose cells are all filled (002, 003, 004 and the example), or a run of tab-separated
rows (001).  Everything else is a paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BOOKMARK = re.compile(r"\[bookmark:\s*([^\]]*)\]")
CN = "一二三四五六七八九十"


@dataclass
class Para:
    text: str


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)  # a cell's paragraphs joined by "\n"


def parse_plan_text(text: str) -> list[Para | Table]:
    lines = text.split("\n")
    items: list[Para | Table] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            j, groups = _cell_groups(lines, i)
            table, before = _as_table(groups)
            if table is None:
                items.extend(Para(ln) for ln in lines[i:j])
            else:
                items.extend(Para("\t" + c) for c in before)
                items.append(table)
            i = j
            continue
        cells = line.split("\t")
        if len(cells) >= 3 and all(c.strip() for c in cells):
            table = Table()
            while i < len(lines) and len(lines[i].split("\t")) == len(cells):
                table.rows.append([c.strip() for c in lines[i].split("\t")])
                i += 1
            items.append(table)
            continue
        items.append(Para(line))
        i += 1
    return items


def _cell_groups(lines: list[str], i: int) -> tuple[int, list[list[str]]]:
    """Groups of cells (rows) from lines[i]: tab-indented cells, unindented continuation lines."""
    groups: list[list[str]] = []
    cur: list[str] = []
    j = i
    while j < len(lines):
        ln = lines[j]
        if ln.startswith("\t"):
            cur.append(ln[1:])
        elif not ln.strip():
            if cur:
                groups.append(cur)
                cur = []
        elif cur:
            cur[-1] += "\n" + ln
        else:
            break
        j += 1
    if cur:
        groups.append(cur)
    while j > i and not lines[j - 1].strip():
        j -= 1
    return j, groups


def _as_table(groups: list[list[str]]) -> tuple[Table | None, list[str]]:
    """The table in a run of cell groups: captions before the header, rows from the header on."""
    header = next((k for k, g in enumerate(groups) if len(g) >= 3 and all(c.strip() for c in g)), None)
    if header is None or any(len(g) != 1 for g in groups[:header]):
        return None, []
    width = len(groups[header])
    table = Table()
    for g in groups[header:]:
        if len(g) == width - 1:  # a merged first cell (category) printed once above
            g = [""] + g
        if len(g) != width:
            return None, []
        table.rows.append([c.strip() for c in g])
    return table, [g[0] for g in groups[:header]]


def strip_debris(text: str) -> str:
    return BOOKMARK.sub("", text)


# --------------------------------------------------------------------------------------------------
# .docx
def _cn_number(s: str) -> int | None:
    if s in CN[:9]:
        return CN.index(s) + 1
    if s == "十":
        return 10
    if len(s) == 2 and s[0] == "十" and s[1] in CN[:9]:
        return 10 + CN.index(s[1]) + 1
    return None


class _WordNumbering:
    """Adds numbering definitions to a python-docx document and numbers paragraphs with them."""

    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def __init__(self, document) -> None:
        from docx.oxml import parse_xml
        self.parse_xml = parse_xml
        self.numbering = document.part.numbering_part.element
        self.chapter_num = self._add(900, "chineseCounting", "%1、")
        self.item_abstract = 901
        self._add_abstract(self.item_abstract, "decimal", "%1.")
        self.next_num = 950
        self.item_num: int | None = None

    def _add_abstract(self, aid: int, fmt: str, text: str) -> None:
        xml = (f'<w:abstractNum xmlns:w="{self.W}" w:abstractNumId="{aid}"><w:multiLevelType '
               f'w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
               f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
        first_num = self.numbering.find(f"{{{self.W}}}num")
        el = self.parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            self.numbering.append(el)

    def _num(self, nid: int, aid: int, restart: bool) -> int:
        override = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                    if restart else "")
        self.numbering.append(self.parse_xml(
            f'<w:num xmlns:w="{self.W}" w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'))
        return nid

    def _add(self, aid: int, fmt: str, text: str) -> int:
        self._add_abstract(aid, fmt, text)
        return self._num(aid, aid, restart=False)

    def restart_items(self) -> int:
        self.next_num += 1
        self.item_num = self._num(self.next_num, self.item_abstract, restart=True)
        return self.item_num

    def number(self, paragraph, num_id: int) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(self.parse_xml(f'<w:numPr xmlns:w="{self.W}"><w:ilvl w:val="0"/>'
                                  f'<w:numId w:val="{num_id}"/></w:numPr>'))


def _add_text_with_bookmarks(paragraph, text: str, counter: list[int]) -> None:
    """Text with "[bookmark: name]" debris turned into real (empty) Word bookmarks."""
    from docx.oxml import parse_xml
    w = _WordNumbering.W
    pos = 0
    for m in BOOKMARK.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        counter[0] += 1
        bid = counter[0]
        paragraph._p.append(parse_xml(f'<w:bookmarkStart xmlns:w="{w}" w:id="{bid}" w:name="{m.group(1)}"/>'))
        paragraph._p.append(parse_xml(f'<w:bookmarkEnd xmlns:w="{w}" w:id="{bid}"/>'))
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def to_docx(text: str, out: Path, numbering: bool = True) -> Path:
    import docx
    document = docx.Document()
    numbers = _WordNumbering(document) if numbering else None
    chapter = 1
    item_prev = 0
    bookmarks = [0]
    for item in parse_plan_text(text):
        if isinstance(item, Table):
            table = document.add_table(rows=len(item.rows), cols=len(item.rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(item.rows):
                for c, cell_text in enumerate(row):
                    paras = cell_text.split("\n")
                    cell = table.cell(r, c)
                    _add_text_with_bookmarks(cell.paragraphs[0], paras[0], bookmarks)
                    for extra in paras[1:]:
                        _add_text_with_bookmarks(cell.add_paragraph(), extra, bookmarks)
            continue
        line = item.text
        paragraph = document.add_paragraph()
        m_ch = re.match(rf"^([{CN}]{{1,2}})、(?=\S)", line)
        m_it = re.match(r"^(\d{1,2})\.(?=[^\d\s])", line)
        if numbers and m_ch and _cn_number(m_ch.group(1)) == chapter and len(line) <= 40 and "。" not in line:
            numbers.number(paragraph, numbers.chapter_num)
            line = line[m_ch.end():]
            chapter += 1
        elif numbers and m_it and (int(m_it.group(1)) == 1 or int(m_it.group(1)) == item_prev + 1):
            n = int(m_it.group(1))
            if n == 1:
                numbers.restart_items()
            numbers.number(paragraph, numbers.item_num)
            item_prev = n
            line = line[m_it.end():]
        elif m_it:
            item_prev = -1  # a gap: later items are left as printed text
        _add_text_with_bookmarks(paragraph, line, bookmarks)
    document.save(str(out))
    return out


# --------------------------------------------------------------------------------------------------
# .pdf
PDF_HEADER = "政府公报  2022年第3期"


LATIN = '<font name="Helvetica">%s</font>'
#: paragraphs start indented by spaces, as Chinese documents type "　　" before each paragraph
#: (reportlab's firstLineIndent misplaces the first line's characters when the font changes on it)
INDENT = LATIN % ("&nbsp;" * 7)


def _rl_escape(text: str) -> str:
    """Paragraph markup for a line.  Spaces and "·" are drawn in Helvetica: the CID font has no
    glyph for them, and reportlab would collapse a run of spaces; Word's PDF export draws them."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace(" ", LATIN % "&nbsp;").replace("·", LATIN % "·")


def to_pdf(text: str, out: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table as RLTable, TableStyle

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=17, wordWrap="CJK", spaceAfter=2)
    cell_style = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    story = []
    width = A4[0] - 2 * 72
    for item in parse_plan_text(text):
        if isinstance(item, Table):
            ncols = len(item.rows[0])
            longest = [max(len(r[c]) for r in item.rows) for c in range(ncols)]
            weights = [min(max(n, 3), 30) for n in longest]
            col_widths = [width * w / sum(weights) for w in weights]
            data = [[Paragraph("<br/>".join(_rl_escape(strip_debris(p)) for p in cell.split("\n")), cell_style)
                     for cell in row] for row in item.rows]
            story.append(RLTable(data, colWidths=col_widths, repeatRows=1, style=TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])))
            continue
        line = strip_debris(item.text).strip()
        if line:
            story.append(Paragraph(INDENT + _rl_escape(line), body))

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawString(72, A4[1] - 40, PDF_HEADER)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")
        canvas.restoreState()

    SimpleDocTemplate(str(out), pagesize=A4, title="plan").build(story, onFirstPage=furniture,
                                                                  onLaterPages=furniture)
    return out


# --------------------------------------------------------------------------------------------------
# .html
HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="PubDate" content="{{ published }} 09:30">
<title>{{ page_title }}_政府信息公开</title>
<style>body { font-family: SimSun; } .nav li { display: inline; } /* 一、重点任务 */</style>
<script>var crumbs = "<div>三、重点任务</div>"; document.title += "";</script>
</head>
<body>
<div id="top"><a href="/">首页</a> | <a href="/en">English</a> | 无障碍浏览 | 长者模式</div>
<nav class="nav"><ul>
  <li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li>
  <li><a href="/hdjl">互动交流</a></li><li><a href="/ghjh">规划计划</a></li>
</ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 规划计划</div>
<div class="main">
  <div class="sidebar"><h3>相关链接</h3><ul>{% for l in links %}<li><a href="#">{{ l }}</a></li>{% endfor %}</ul></div>
  <div class="detail">
    <div class="info">发布日期：{{ published }}&nbsp;&nbsp;来源：{{ source }}{% if doc_number %}&nbsp;&nbsp;文号：{{ doc_number }}{% endif %}&nbsp;&nbsp;浏览次数：<span id="hits">1024</span></div>
    <div class="TRS_Editor" id="zoom">
{{ body }}
    </div>
    <div class="share">分享到：微信 微博 <a href="javascript:window.print()">打印本页</a></div>
  </div>
</div>
<footer class="footer"><p>主办单位：某某区人民政府办公室　承办：区大数据中心</p>
<p>版权所有 © 2023　网站标识码：6201040001　备案号：ICP备12345678号</p></footer>
<script type="text/javascript">
  document.write("<p>一、重点任务</p><p>1.这不是正文。（牵头单位：区民政局）</p>");
  for (var i = 0; i < 3; i++) { console.log("</div>"); }
</script>
</body>
</html>
"""


def _html_text(text: str) -> str:
    from markupsafe import escape
    return re.sub(r" {2,}", lambda m: "&nbsp;" * len(m.group(0)), str(escape(strip_debris(text).strip())))


def to_html(text: str, out: Path, *, published: str, source: str, doc_number: str = "",
            encoding: str = "utf-8") -> Path:
    import jinja2
    parts: list[str] = []
    for item in parse_plan_text(text):
        if isinstance(item, Table):
            rows = []
            for k, row in enumerate(item.rows):
                tag = "th" if k == 0 else "td"
                cells = "".join(f"<{tag}>" + "<br>".join(_html_text(p) for p in cell.split("\n")) + f"</{tag}>"
                                for cell in row)
                rows.append(f"<tr>{cells}</tr>")
            parts.append('<table border="1" cellspacing="0">' + "\n".join(rows) + "</table>")
        elif item.text.strip():
            parts.append(f"<p>{_html_text(item.text)}</p>")
    env = jinja2.Environment(autoescape=True)
    page = env.from_string(HTML_TEMPLATE).render(
        body=jinja2.utils.markupsafe.Markup("\n".join(parts)), published=published, source=source,
        doc_number=doc_number, page_title="规划", links=["政策解读", "图片新闻", "通知公告"])
    out.write_bytes(page.replace('charset="utf-8"', f'charset="{encoding}"').encode(encoding))
    return out


@pytest.fixture(scope="session")
def converters():
    """The converter functions, for tests that need their options."""
    import types
    return types.SimpleNamespace(to_docx=to_docx, to_pdf=to_pdf, to_html=to_html, parse_plan_text=parse_plan_text)


@pytest.fixture(scope="session")
def converted(tmp_path_factory):
    """converted(path, fmt, **kw) -> the plan text at `path` written as a .docx, .pdf or .html
    (cached per session)."""
    cache: dict[tuple, Path] = {}
    folder = tmp_path_factory.mktemp("converted")

    def get(path: Path, fmt: str, **kw) -> Path:
        key = (str(path), fmt, tuple(sorted(kw.items())))
        if key not in cache:
            text = Path(path).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            out = folder / f"{Path(path).stem}-{len(cache)}.{fmt}"
            if fmt == "docx":
                cache[key] = to_docx(text, out, **kw)
            elif fmt == "pdf":
                cache[key] = to_pdf(text, out, **kw)
            else:
                cache[key] = to_html(text, out, **kw)
        return cache[key]
    return get
