"""A plan as Chinese government sites print it on a web page: the title above the article or only in
the page's <title>, a breadcrumb, the page's tools (打印本页 关闭窗口, 字体：大 中 小), related links and
download links inside the article's container, a GBK page, a two-level table header, &nbsp; in a
unit list.  Small hand-made pages built in tmp_path; each asserts what a reader of the page sees: the
title, the region, each task's text and units, an indicator's values."""
from __future__ import annotations

import html
from pathlib import Path

import pytest

from policykg.loaders.formats import read_document
from policykg.loaders.plan import load_plan
from tests.loaders.handmade import chain

e = html.escape
TITLE = "青山县“十四五”残疾人事业发展规划"
BODY = ["一、总体要求", "坚持以人民为中心的发展思想，补齐保障短板。", "二、主要任务", "（一）健全社会保障体系",
        "1.落实残疾人两项补贴制度。严格执行补贴政策，到2025年两项补贴覆盖率达到100%。（牵头单位：县民政局；责任单位：县财政局、县残联）",
        "2.强化困难残疾人兜底救助。将符合条件的残疾人家庭纳入最低生活保障范围。（牵头单位：县民政局；责任单位：县医保局）",
        "三、保障措施", "（一）加强组织领导。县政府残疾人工作委员会统筹协调规划实施。"]
TASKS = [("落实残疾人两项补贴制度", BODY[4][2:], ["县民政局"], ["县财政局", "县残疾人联合会"]),
         ("强化困难残疾人兜底救助", BODY[5][2:], ["县民政局"], ["县医疗保障局"])]


def paras(lines) -> str:
    return "".join(f"<p>{e(x)}</p>" for x in lines)


def page(tmp_path: Path, article: str, *, above: str = "", head: str = "", title: str = "规划",
         name: str = "page.html", info: str = "发布日期：2022-03-18  来源：县政府办", after: str = "") -> Path:
    """A government site's page: navigation, `above` and an info bar over the article's container
    (div#zoom), `after` below it, `head` and `title` in its <head>."""
    text = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>'
            '<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div><div class="content">'
            f'{above}<div class="info">{e(info)}</div><div class="TRS_Editor" id="zoom">{article}</div>{after}</div>'
            '<div class="footer">版权所有</div></body></html>')
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def tasks(record) -> list[tuple]:
    return [(t.title, t.text, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
            for t in record.tasks()]


# --- 1. the title printed outside the article -------------------------------------------------------

@pytest.mark.parametrize("where", [
    dict(above=f'<h2 class="title">{e(TITLE)}</h2>'),
    dict(above=f'<div class="article-title">{e(TITLE)}</div>'),
    dict(above=f'<p class="biaoti">关于印发《{e(TITLE)}》的通知</p>'),
    dict(head=f'<meta name="ArticleTitle" content="{e(TITLE)}">'),
    dict(title=f"{e(TITLE)}_青山县人民政府"),
    dict(title=f"{e(TITLE)} - 青山县人民政府门户网站"),
    dict(title=f"青山县人民政府|{e(TITLE)}"),
    dict(title=f"青山县人民政府-{e(TITLE)}"),
])
def test_a_title_printed_outside_the_article_is_the_plans(tmp_path, where):
    """The site prints the title above the article's container (<h2 class="title">, <div
    class="article-title">) or only in the page's metadata and <title> after which it puts its own
    name.  Before, the title was lost (a gap) and with it the region."""
    r = load_plan(page(tmp_path, paras(BODY), **where))
    assert r.title == TITLE
    assert chain(r) == ["青山县"]
    assert tasks(r) == TASKS


def test_the_articles_own_title_is_not_replaced_by_the_sites_copy(tmp_path):
    """The article prints its title; the page's <title> (a shorter copy) and a site heading that reads
    as no title are not added."""
    path = page(tmp_path, f"<p>{e(TITLE)}</p>" + paras(BODY), above="<h1>青山县人民政府</h1>",
                title="青山县十四五残疾人事业发展规划_青山县人民政府")
    r = load_plan(path)
    assert r.title == TITLE
    assert read_document(path).lines[:2] == ["发布日期:2022-03-18  来源:县政府办", TITLE]


def test_a_period_printed_with_a_dash_in_the_pages_title_is_no_separator(tmp_path):
    title = "青山县残疾人事业发展规划2021-2025年"
    r = load_plan(page(tmp_path, paras(BODY), title=f"{title}_青山县人民政府"))
    assert r.title == title and r.period == (2021, 2025)


# --- 4. page furniture ------------------------------------------------------------------------------

CRUMBS = ['<div class="curpos">当前位置：<a>首页</a> &gt; <a>包头市人民政府</a> &gt; {}</div>',
          '<p>您现在的位置：首页 &gt; 政务公开 &gt; {}</p>',
          '<div class="lm">首页 &gt; 政策文件 &gt; {}</div>']


@pytest.mark.parametrize("crumb", CRUMBS)
def test_a_breadcrumb_in_the_articles_container_is_no_title(tmp_path, crumb):
    """A breadcrumb ending with the page's title, printed inside the article's container: it was the
    plan's title (当前位置：首页 > 包头市人民政府 > 青山县…规划), and the plan had no region."""
    path = page(tmp_path, crumb.format(e(TITLE)) + f"<p>{e(TITLE)}</p>" + paras(BODY))
    r = load_plan(path)
    assert r.title == TITLE and chain(r) == ["青山县"]
    assert not any("首页" in ln for ln in read_document(path).lines)


def test_a_breadcrumb_line_in_a_text_is_no_title(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(f"当前位置：首页 > 政务公开 > {TITLE}\n{TITLE}\n" + "\n".join(BODY) + "\n", encoding="utf-8")
    assert load_plan(path).title == TITLE


TOOLS = ('<div class="fontsize">【字体：<a>大</a> <a>中</a> <a>小</a>】</div>'
         '<span>【打印本页】</span><span>【关闭窗口】</span>')
RELATED = ('<div class="xgxx"><h3>相关链接</h3><ul><li><a href="/1.html">青山县“十四五”残疾人事业发展规划解读</a></li>'
           '<li><a href="/2.html">青山县残疾人就业实施方案</a></li></ul></div>')


@pytest.mark.parametrize("article", [
    TOOLS + f"<p>{e(TITLE)}</p>" + paras(BODY),
    f'<p>附件：<a href="/fj/plan.pdf">{e(TITLE)}.pdf</a></p><p>{e(TITLE)}</p>' + paras(BODY),
    f'<p>附件：<a href="/fj/plan.docx">{e(TITLE)}</a></p><p>{e(TITLE)}</p>' + paras(BODY),
    RELATED + f"<p>{e(TITLE)}</p>" + paras(BODY),
    "<p>相关链接：</p><p><a href='/1.html'>青山县残疾人就业实施方案</a></p>" + f"<p>{e(TITLE)}</p>" + paras(BODY),
    f"<p>{e(TITLE)}</p>" + paras(BODY[:5]) + f"<p>{e(BODY[5])}<span>打印本页</span> <span>关闭窗口</span></p>"
    + paras(BODY[6:]),
    f"<p>{e(TITLE)}</p>" + paras(BODY) + '<div class="ewm"><img src="qr.png"><p>扫一扫在手机打开当前页</p></div>'
    '<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>' + RELATED,
])
def test_page_furniture_in_the_articles_container_is_no_part_of_the_plan(tmp_path, article):
    """The page's tools, an attachment's download link, a related-links list: before, the line above
    the title was joined onto it (【字体：大 中 小】【打印本页】【关闭窗口】青山县…规划, 附件：….pdf青山县…规划,
    青山县残疾人就业实施方案 read as the title) and 打印本页 关闭窗口 after a task onto its text."""
    path = page(tmp_path, article)
    r = load_plan(path)
    assert r.title == TITLE and chain(r) == ["青山县"]
    assert tasks(r) == TASKS
    lines = read_document(path).lines
    for word in ("字体", "打印", "关闭", "附件", "相关链接", "扫一扫", "分享", "就业实施方案", "解读"):
        assert not any(word in ln for ln in lines), word


def test_a_link_to_a_file_inside_a_sentence_is_its_text(tmp_path):
    """Only a block that is all download links goes: a link in a sentence is part of it."""
    text = "坚持以人民为中心的发展思想，具体见<a href='/fj/list.xls'>重点项目表.xls</a>。"
    path = page(tmp_path, f"<p>{e(TITLE)}</p><p>一、总体要求</p><p>{text}</p>" + paras(BODY[2:]))
    assert "坚持以人民为中心的发展思想，具体见重点项目表.xls。" in read_document(path).lines


# --- 2. the site's name is not the plan's region --------------------------------------------------

@pytest.mark.parametrize("info, above", [
    ("发布日期：2022-03-18  来源：包头市人民政府", ""),
    ("发布日期：2022-03-18  信息来源：包头市人民政府办公室", ""),
    ("发布机构：包头市民政局  发布日期：2022-03-18", ""),
    ("发布日期：2022-03-18", '<div class="curpos">当前位置：<a>首页</a> &gt; <a>包头市人民政府</a> &gt; <a>政务公开</a></div>'),
])
def test_the_city_publishing_a_countys_plan_is_not_its_region(tmp_path, info, above):
    """A county's plan published on its city's site (来源：包头市人民政府), the plan's text naming no
    city: before, the site's name was the county's city (青山县 < 包头市 < 内蒙古自治区), read from
    nothing the plan prints.  The region is the plan's: 青山县, its city unknown."""
    r = load_plan(page(tmp_path, f"<p>{e(TITLE)}</p>" + paras(BODY), info=info, above=above))
    assert r.title == TITLE and chain(r) == ["青山县"]
    assert str(r.published) == "2022-03-18"


def test_the_source_line_printed_in_the_article_names_no_region(tmp_path):
    r = load_plan(page(tmp_path, f"<p>来源：包头市人民政府　发布时间：2022年1月5日</p><p>{e(TITLE)}</p>" + paras(BODY),
                       info=""))
    assert r.title == TITLE and chain(r) == ["青山县"]


def test_the_city_the_plan_itself_names_is_its_region(tmp_path):
    """The plan's own text naming its city (根据《包头市…规划》) still gives the county's city."""
    body = BODY[:1] + ["根据《包头市“十四五”残疾人事业发展规划》，结合我县实际，制定本规划。"] + BODY[1:]
    r = load_plan(page(tmp_path, f"<p>{e(TITLE)}</p>" + paras(body), info="来源：包头市人民政府"))
    assert chain(r) == ["青山县", "包头市", "内蒙古自治区"]


# --- 3. pages in GBK ---------------------------------------------------------------------------------

def _gbk_page(tmp_path: Path, meta: str, encoding: str = "gbk") -> Path:
    text = (f'<html><head>{meta}<title>{e(TITLE)}_青山县人民政府</title></head><body><div id="zoom">'
            f"<p>{e(TITLE)}</p>{paras(BODY)}</div></body></html>")
    path = tmp_path / "gbk.htm"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("meta", [
    '<meta charset="gb2312">',
    '<meta http-equiv="Content-Type" content="text/html; charset=gbk">',
    '<meta http-equiv="Content-Type" content="text/html; charset=GB2312">',
    "",  # no declaration: told by the bytes
    "<script>" + "var a = 1; // 页面脚本\n" * 300 + '</script><meta charset="gb2312">',  # declared late
])
def test_a_gbk_page_reads_as_its_text(tmp_path, meta):
    r = load_plan(_gbk_page(tmp_path, meta))
    assert r.title == TITLE and chain(r) == ["青山县"] and tasks(r) == TASKS


@pytest.mark.parametrize("meta", ['<meta charset="iso-8859-1">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'])
def test_a_gbk_page_declaring_a_western_charset_reads_as_its_text(tmp_path, meta):
    """Old servers declare iso-8859-1 / windows-1252 on GBK pages; every byte decodes in those, to
    Latin mojibake: before, the plan was refused as having no recognizable structure, naming no
    encoding.  A Chinese plan prints Chinese: the bytes are read for what they are."""
    path = _gbk_page(tmp_path, meta)
    assert read_document(path).encoding == "gb18030"
    r = load_plan(path)
    assert r.title == TITLE and tasks(r) == TASKS


def test_a_utf8_page_declaring_gbk_reads_as_utf8(tmp_path):
    r = load_plan(_gbk_page(tmp_path, '<meta charset="gbk">', encoding="utf-8"))
    assert r.title == TITLE and tasks(r) == TASKS


# --- 5. tables ---------------------------------------------------------------------------------------

def _indicator_page(tmp_path: Path, table: str, name: str = "table.html") -> Path:
    return page(tmp_path, f"<p>{e(TITLE)}</p><p>一、主要指标</p>{table}" + paras(BODY[2:]), name=name)


def indicators(record) -> list[tuple]:
    return [(i.no, i.name, i.baseline.printed if i.baseline else None, i.target.printed if i.target else None,
             i.attribute) for i in record.indicators]


ROWS = ('<tr><td>1. 困难残疾人生活补贴覆盖率（%）</td><td>100</td><td>100</td><td>约束性</td></tr>'
        '<tr><td>2. 残疾人基本康复服务覆盖率（%）</td><td><p>80</p></td><td><p>≥85</p></td><td>约束性</td></tr>')
WANT = [("1", "困难残疾人生活补贴覆盖率", "100", "100", "约束性"), ("2", "残疾人基本康复服务覆盖率", "80", "≥85", "约束性")]


@pytest.mark.parametrize("group", ["目标值", "指标值", "规划目标"])
def test_a_two_level_header_whose_group_spans_the_years(tmp_path, group):
    """目标值 printed once over 2020年 | 2025年 (colspan=2), the other header cells spanning both rows:
    before, 目标值 made its first column (2020年) the target and the 2025年 column was read by no role:
    indicator 2's target was 80 (its 2020 value) and no baseline was read; under 指标值 or 规划目标 the
    table was no indicator table at all, and no gap said so."""
    table = (f'<table border="1"><tr><th rowspan="2">指标</th><th colspan="2">{group}</th><th rowspan="2">属性</th></tr>'
             f'<tr><th>2020年</th><th>2025年</th></tr>{ROWS}</table>')
    r = load_plan(_indicator_page(tmp_path, table))
    assert indicators(r) == WANT
    assert r.indicators[1].target.year == 2025


@pytest.mark.parametrize("header", [
    # the years over the second row's words: the first row names each column already
    '<tr><td rowspan="2">指标</td><td>2020年</td><td>2025年</td><td rowspan="2">指标属性</td></tr>'
    '<tr><td>基期值</td><td>目标值</td></tr>',
    '<tr><th>指标</th><th>2020年</th><th>2025年</th><th>属性</th></tr>',
    '<tr><td><p>指标</p></td><td><p>2020年</p></td><td><p>2025年</p></td><td><p>属性</p></td></tr>',
])
def test_indicator_headers_in_th_or_td_cells_and_paragraphs(tmp_path, header):
    r = load_plan(_indicator_page(tmp_path, f'<table border="1">{header}{ROWS}</table>'))
    assert indicators(r) == WANT


def test_a_division_table_whose_cells_hold_several_paragraphs(tmp_path):
    """Units printed one a paragraph in a cell (<td><p>县财政局</p><p>县残联</p></td>) or a list broken
    after its 、: each unit read whole."""
    table = ('<table border="1"><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>'
             '<tr><td>1</td><td><p>落实残疾人两项补贴制度。</p><p>严格执行补贴政策。</p></td><td><p>县民政局</p></td>'
             '<td><p>县财政局</p><p>县残联</p></td></tr>'
             '<tr><td>2</td><td>强化兜底救助。</td><td>县民政局</td><td><p>县医保局、</p><p>县卫生健康局</p></td></tr></table>')
    r = load_plan(page(tmp_path, f"<p>{e(TITLE)}</p>" + paras(BODY[:2]) + "<p>二、重点任务分工</p>" + table))
    assert [(t.text, [u.label for u in t.units("lead")], [u.label for u in t.units("support")]) for t in r.tasks()] == [
        ("落实残疾人两项补贴制度。严格执行补贴政策。", ["县民政局"], ["县财政局", "县残疾人联合会"]),
        ("强化兜底救助。", ["县民政局"], ["县医疗保障局", "县卫生健康局"])]


# --- 6. white space and <br> inside a unit list ------------------------------------------------------

@pytest.mark.parametrize("units", [
    "县财政局、<br>县残联", "县财政局、<br>\n县残联", "县财政局<br>县残联", "县财政局、&nbsp;县残联",
    "县财政局&nbsp;&nbsp;县残联", "县财政局\u3000县残联", "县财政局、<span>县残联</span>", "县财政\n局、县残联",
    "县财政局、县<br>残联", "县财&nbsp;政局、县残联", "县财政局、县&nbsp;残联", "县财政局、县\u3000残联",
])
def test_white_space_and_breaks_in_a_unit_list_neither_cut_nor_join_names(tmp_path, units):
    """&nbsp;, a full-width space, <br> or a source line break between the units of a list or inside a
    name.  Before, 县财&nbsp;政局 was read as 县财 (a gap) and a unit 县政局 of its own; 县&nbsp;残联 as 县
    (a gap) and 残联."""
    task = f"1.落实残疾人两项补贴制度。严格执行补贴政策。（牵头单位：县民政局；责任单位：{units}）"
    r = load_plan(page(tmp_path, f"<p>{e(TITLE)}</p>" + paras(BODY[:4]) + f"<p>{task}</p>" + paras(BODY[6:])))
    assert [([u.label for u in t.units("lead")], [u.label for u in t.units("support")]) for t in r.tasks()] == [
        (["县民政局"], ["县财政局", "县残疾人联合会"])]
    assert not [g for g in r.warnings if g.kind == "unit-name"]


def test_a_name_cut_by_a_space_in_a_text_is_one_name(tmp_path):
    path = tmp_path / "plan.txt"
    task = "1.落实残疾人两项补贴制度。严格执行补贴政策。（牵头单位：县民政局；责任单位：县卫生 健康局、县残联）"
    path.write_text("\n".join([TITLE] + BODY[:4] + [task]) + "\n", encoding="utf-8")
    assert [[u.label for u in t.units("support")] for t in load_plan(path).tasks()] == [["县卫生健康局", "县残疾人联合会"]]


def test_a_value_printed_once_across_the_years_is_each_years(tmp_path):
    """100 printed once in a cell spanning the 2020年 and 2025年 columns (colspan=2): the value of
    both.  Before, the baseline was 100 and the target none, silently."""
    rows = ('<tr><td>1. 困难残疾人生活补贴覆盖率（%）</td><td colspan="2">100</td><td>约束性</td></tr>'
            '<tr><td>2. 残疾人基本康复服务覆盖率（%）</td><td>80</td><td>≥85</td><td>约束性</td></tr>')
    table = f'<table border="1"><tr><th>指标</th><th>2020年</th><th>2025年</th><th>属性</th></tr>{rows}</table>'
    r = load_plan(_indicator_page(tmp_path, table))
    assert indicators(r) == WANT
    # a name merged across a value column gives that column no value
    rows = ('<tr><td colspan="2">1. 困难残疾人生活补贴覆盖率（%）</td><td>100</td><td>约束性</td></tr>'
            '<tr><td>2. 残疾人基本康复服务覆盖率（%）</td><td>80</td><td>≥85</td><td>约束性</td></tr>')
    table = f'<table border="1"><tr><th>指标</th><th>2020年</th><th>2025年</th><th>属性</th></tr>{rows}</table>'
    r = load_plan(_indicator_page(tmp_path, table, "name.html"))
    assert indicators(r)[0] == ("1", "困难残疾人生活补贴覆盖率", None, "100", "约束性")


def test_a_word_value_merged_across_the_years_is_each_years(tmp_path):
    """The same in a Word table (gridSpan)."""
    import docx
    d = docx.Document()
    for line in [TITLE, "一、主要指标"]:
        d.add_paragraph(line)
    data = [["指标", "2020年", "2025年", "属性"], ["1. 困难残疾人生活补贴覆盖率（%）", "100", "", "约束性"],
            ["2. 残疾人基本康复服务覆盖率（%）", "80", "≥85", "约束性"]]
    t = d.add_table(rows=3, cols=4)
    for r, row in enumerate(data):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(1, 1).merge(t.cell(1, 2))
    for line in BODY[2:]:
        d.add_paragraph(line)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    assert indicators(load_plan(path)) == WANT


# --- an ordered list: the numbers the browser prints ---------------------------------------------

def _ordered(items, attrs: str = "", li: str = "") -> str:
    return f"<ol{attrs}>" + "".join(f"<li{li}>{e(x)}</li>" for x in items) + "</ol>"


@pytest.mark.parametrize("attrs, li", [("", ""), (' type="1"', ""), (' style="list-style-type: decimal"', ""),
                                       (' start="1"', ' style="list-style-type:decimal"')],
                         ids=["default", "type", "css", "li-css"])
def test_tasks_numbered_by_an_ordered_list_are_read(tmp_path, attrs, li):
    # a site's editor numbers the tasks with its list button: the numbers are printed by the browser,
    # not in the text; the section read as one task over both, with both leads
    items = [x[2:] for x in BODY[4:6]]
    article = paras([TITLE] + BODY[:4]) + _ordered(items, attrs, li) + paras(BODY[6:])
    path = page(tmp_path, article)
    assert read_document(path).lines[6:8] == ["1." + items[0], "2." + items[1]]
    record = load_plan(path)
    assert tasks(record) == [(t, text, lead, support) for t, text, lead, support in TASKS]
    assert [t.no for t in record.tasks()] == ["1", "2"]
    assert [g for g in record.warnings if g.kind in ("structure", "numbering")] == []


def test_an_ordered_list_counts_from_start_and_value_and_leaves_typed_numbers(tmp_path):
    items = [x[2:] for x in BODY[4:6]]
    continued = _ordered(items[:1]) + f'<ol start="2"><li>{e(items[1])}</li></ol>'
    valued = f'<ol><li value="1">{e(items[0])}</li><li value="2">{e(items[1])}</li></ol>'
    typed = _ordered(BODY[4:6])  # numbers typed in the text: a site's style sheet hides the list's own
    for article_list in (continued, valued, typed):
        path = page(tmp_path, paras([TITLE] + BODY[:4]) + article_list + paras(BODY[6:]))
        assert read_document(path).lines[6:8] == BODY[4:6]
        assert tasks(load_plan(path)) == [(t, text, lead, support) for t, text, lead, support in TASKS]


@pytest.mark.parametrize("attrs, mark", [("", "●"), (' style="list-style-type: square"', "■"),
                                         (' type="circle"', "○")])
def test_a_bulleted_list_prints_its_bullets(tmp_path, attrs, mark):
    # as a text printing the marks reads: each item a task, not paragraphs merged under the section
    items = [x[2:] for x in BODY[4:6]]
    article = paras([TITLE] + BODY[:4]) + f"<ul{attrs}>" + "".join(f"<li>{e(x)}</li>" for x in items) + "</ul>" \
        + paras(BODY[6:])
    path = page(tmp_path, article)
    assert read_document(path).lines[6:8] == [mark + x for x in items]
    assert tasks(load_plan(path)) == [(t, text, lead, support) for t, text, lead, support in TASKS]


def test_an_ordered_list_in_chinese_numerals_numbers_sections(tmp_path):
    # list-style-type: cjk-ideographic prints 一、 二、: here the sections under 第二章
    chapters = ["第一章 总体要求", "坚持以人民为中心的发展思想。", "第二章 主要任务"]
    sections = _ordered(["健全社会保障体系", "发展特殊教育"], ' style="list-style-type: cjk-ideographic"')
    body = [BODY[4], BODY[5]]
    article = paras([TITLE] + chapters) + sections[:sections.index("</li>")] + paras(body) + "</li>" \
        + sections[sections.index("</li>") + 5:] + paras(["第三章 保障措施", "加强组织领导。"])
    path = page(tmp_path, article)
    assert read_document(path).lines[5:9] == ["一、健全社会保障体系", BODY[4], BODY[5], "二、发展特殊教育"]
    record = load_plan(path)
    assert [(c.title, [s.title for s in c.sections]) for c in record.chapters][:2] == [
        ("总体要求", []), ("主要任务", ["健全社会保障体系", "发展特殊教育"])]
    assert tasks(record) == [(t, text, lead, support) for t, text, lead, support in TASKS]


@pytest.mark.parametrize("number_label", ["文号", "文　　号", "发文字号"])
def test_a_pages_info_table_of_written_and_published_dates_and_its_number(tmp_path, number_label):
    """成文日期 2022-03-15 before 发布日期 2022-03-18 was read as the publication date (the first date
    field the page printed), and 文　　号 (padded to the width of the other labels) not at all."""
    info = f"索引号：001/2022-01  成文日期：2022-03-15  发布日期：2022-03-18  {number_label}：青政办发〔2022〕8号"
    r = load_plan(page(tmp_path, paras([TITLE, *BODY]), info=info))
    assert (str(r.issued), str(r.published), r.doc_number) == ("2022-03-15", "2022-03-18", "青政办发〔2022〕8号")


def test_a_list_item_holding_a_heading_is_numbered_by_the_heading(tmp_path):
    """<li><h2>促进残疾人就业</h2></li> (Word's numbered headings as pandoc and LibreOffice write them) printed
    the item's number on a line of its own above the heading: a task with no text."""
    article = (f"<p>{e(TITLE)}</p><ol><li><h1>主要任务</h1><ol><li><h2>促进残疾人就业</h2></li></ol></li></ol>"
               "<ol><li><p>实施按比例安排残疾人就业。党政机关带头安排。（牵头单位：县人社局；配合单位：县残联）</p></li>"
               "<li><p>扶持残疾人自主创业。给予补贴。（牵头单位：县残联；配合单位：县财政局）</p></li></ol>"
               "<ol start=\"2\"><li><h2>加强残疾人职业培训</h2></li></ol>"
               "<ol><li><p>开展残疾人职业技能培训。每年培训200人次。（牵头单位：县人社局）</p></li></ol>")
    r = load_plan(page(tmp_path, article))
    assert [(t.no, t.title) for t in r.tasks()] == [("1", "实施按比例安排残疾人就业"), ("2", "扶持残疾人自主创业"),
                                                 ("1", "开展残疾人职业技能培训")]
    assert [s.title for c in r.chapters for s in c.sections] == ["促进残疾人就业", "加强残疾人职业培训"]
    assert not [w for w in r.warnings if w.kind == "numbering"]


# --- a page LibreOffice or pandoc wrote from a Word file ------------------------------------------------

BOX = ["专栏1  残疾人社会保障项目", "最低生活保障  将符合条件的残疾人家庭全部纳入最低生活保障范围。",
       "残疾人信息消费优惠  对残疾人使用语音、流量等信息消费套餐给予优惠。", "困难残疾人走访探视服务  村（居）民委员会开展经常性走访探视。"]


def _box_page(tmp_path: Path, generator: str, wrapped) -> Path:
    cell = "".join(f'<p class="western">\n\t\t\t<font face="SimSun">{wrapped(e(x))}</font></p>' for x in BOX)
    article = (paras([TITLE] + BODY[:6]) + f'<table width="576"><tr><td width="560">{cell}</td></tr></table>'
               + paras(BODY[6:]))
    return page(tmp_path, article, head=f'<meta name="generator" content="{generator}"/>')


def test_a_box_libreoffice_wrote_keeps_the_gap_after_each_items_name(tmp_path):
    # a 专栏 of "name  description" items, one a paragraph of a one-cell table, as LibreOffice writes a
    # Word file's box: the two spaces after each name fall where it wraps its source, each space a
    # line break and its indentation.  Before: each line break read as a wrap between two Chinese
    # characters, no space (最低生活保障将符合…): the items after the first read as its text, 3
    # projects as 1, no gap
    r = load_plan(_box_page(tmp_path, "LibreOffice 7.4.7.2 (Linux)", lambda x: x.replace("  ", "\n\t\t\t\n\t\t\t")))
    assert [p.title for p in r.projects()] == ["最低生活保障", "残疾人信息消费优惠", "困难残疾人走访探视服务"]
    assert tasks(r) == TASKS
    # a run of spaces it does not wrap at, typed as the document types it
    r = load_plan(_box_page(tmp_path, "LibreOffice 7.4.7.2 (Linux)", lambda x: x))
    assert [p.title for p in r.projects()] == ["最低生活保障", "残疾人信息消费优惠", "困难残疾人走访探视服务"]


def test_a_box_pandoc_wrote_reads_its_items_a_space_after_each_name(tmp_path):
    # pandoc writes a run of spaces as one and wraps its source at spaces only: its line break between
    # two Chinese characters is that space (before: none, 最低生活保障将符合…), and an item reads
    # 最低生活保障 将…, one space, as a browser shows LibreOffice's page too.  Before: the items after
    # the first were read as its text (3 projects as 1, no gap); now a box's items printed "name
    # description" with one space, after an item that opened so, are items of their own
    path = _box_page(tmp_path, "pandoc", lambda x: x.replace("  ", "\n"))
    assert "最低生活保障 将符合条件的残疾人家庭全部纳入最低生活保障范围。" in read_document(path).lines
    r = load_plan(path)
    assert [p.title for p in r.projects()] == ["最低生活保障", "残疾人信息消费优惠", "困难残疾人走访探视服务"]
    assert tasks(r) == TASKS


def test_a_hand_written_pages_line_break_between_chinese_characters_is_still_no_space(tmp_path):
    # no generator that wraps at spaces: a line break of the source between two Chinese characters
    # is a wrap of the source only (CSS's segment-break rule), as before
    text = BODY[4]
    article = paras([TITLE] + BODY[:4]) + f"<p>{e(text[:20])}\n{e(text[20:])}</p>" + paras(BODY[5:])
    r = load_plan(page(tmp_path, article, head='<meta name="generator" content="WebEditor 3.0"/>'))
    assert tasks(r) == TASKS


def _reading(record) -> dict:
    return dict(title=record.title, region=record.region.name if record.region else None,
                tasks=[(t.no, t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
                       for t in record.tasks()],
                projects=[p.title for p in record.projects()],
                indicators=[(i.name, i.baseline.printed if i.baseline else None, i.target.printed if i.target else None,
                             i.attribute) for i in record.indicators])


def _preformatted_page(text: str) -> str:
    """`text` in one <pre>, as LibreOffice exports a text document: its Chinese in <font><span>
    runs, digits and marks between them, each line break in the tail of the run before it."""
    import re
    runs = "".join(f'<font face="Noto Sans Mono CJK SC"><span lang="zh-CN">{html.escape(run)}</span></font>'
                   if re.match(r"[\u4e00-\u9fff]", run) else html.escape(run)
                   for run in re.findall(r"[\u4e00-\u9fff，。、；：“”（）《》]+|[^\u4e00-\u9fff，。、；：“”（）《》]+", text))
    return ('<!DOCTYPE html>\n<html>\n<head>\n\t<meta http-equiv="content-type" content="text/html; charset=utf-8"/>\n'
            '\t<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/>\n</head>\n'
            f'<body lang="en-US" dir="ltr"><pre class="western" style="text-align: left">{runs}</pre>\n</body>\n</html>\n')


def test_a_plan_printed_in_a_pre_element_reads_as_its_text_file(tmp_path, corpus_paths):
    """A page holding the plan in <pre> (LibreOffice's export of a text document; a site pasting a
    text as typed): its line breaks are lines and its tabs a flattened table's cells.  Before, the
    line breaks in the tails of the text's <font> runs read as spaces (LibreOffice wraps at spaces):
    every corpus plan read as one paragraph, "no recognizable plan structure"."""
    for path in corpus_paths:
        page = tmp_path / f"{path.stem}.html"
        page.write_text(_preformatted_page(path.read_text(encoding="utf-8")), encoding="utf-8")
        assert _reading(load_plan(page)) == _reading(load_plan(path)), path.name
