"""A plan printed as a PDF the ways gazettes and government sites print one reads to the same plan:
a landscape or sideways page, a table without ruling lines, a cell ruled over a page break, two
columns of text, footnote marks, radicals a font maps characters to, a text layer spaced apart.
Small PDFs built in tmp_path (reportlab, its built-in CID font STSong-Light; or written by hand when
the text layer itself is the point); each asserts what a reader checks: the title, each task's
units, the indicators, or the gap and its line."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pdfplumber")

from policykg.loaders.plan import load_plan  # noqa: E402

TITLE = "青山县“十四五”残疾人事业发展规划"


def text_layer_pdf(path: Path, lines: list[str], size: float = 10.0, pitch: float | None = None,
                   glyphs: dict[str, str] | None = None) -> Path:
    """A one-page PDF whose text layer decodes to `lines` exactly: a simple font whose ToUnicode map
    gives each code the character wanted (as a real PDF's font may map a glyph to a radical), each
    character drawn `pitch` points after the last (a space is a gap, not a character).  `glyphs`
    maps a character of `lines` to the text its one glyph decodes to (〓 to ——, a font's ligature)."""
    chars = sorted({ch for ln in lines for ch in ln if ch != " "})
    code = {ch: 0x21 + i for i, ch in enumerate(chars)}
    pitch = pitch or size
    ops = [f"BT /F1 {size} Tf 1 0 0 1 {72 + i * pitch:.2f} {770 - k * 1.8 * size:.2f} Tm <{code[ch]:02x}> Tj ET"
           for k, ln in enumerate(lines) for i, ch in enumerate(ln) if ch != " "]
    content = "\n".join(ops).encode()
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            "1 begincodespacerange <00> <ff> endcodespacerange\n"
            + "".join(f"1 beginbfchar <{c:02x}> <{(glyphs or {}).get(ch, ch).encode('utf-16-be').hex()}> endbfchar\n"
                      for ch, c in code.items())
            + "endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    widths = " ".join(["1000"] * (256 - 33))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
               b"/Contents 5 0 R >>",
               f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 33 /LastChar 255 "
               f"/Widths [{widths}] /ToUnicode 6 0 R >>".encode(),
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def tasks(record) -> list[tuple]:
    return [(t.no, t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
            for t in record.tasks()]


def test_radicals_a_font_maps_characters_to_read_as_the_characters(tmp_path):
    # the text layer holds ⼀ (Kangxi radical one), 卫⽣ (radical life), ⻋ (simplified cart): the page
    # prints 一、卫生、车.  Before: no chapter 一、, no task, the plan refused (no structure)
    r = load_plan(text_layer_pdf(tmp_path / "plan.pdf", [
        TITLE, "⼀、主要任务", "1.加强康复服务。实施精准康复行动。（牵头单位：县卫⽣健康局；配合单位：县⻋管所）"]))
    assert r.title == TITLE
    assert [c.title for c in r.chapters] == ["主要任务"]
    assert tasks(r) == [("1", "加强康复服务", ["县卫生健康局"], ["县车管所"])]


@pytest.mark.parametrize("pitch", [14.0, 20.0])
def test_a_text_layer_with_its_characters_set_apart_reads_without_spaces(tmp_path, pitch):
    # a converter placed each character apart (4 or 10 points between them): before, 县 民 政 局 with a
    # space between every character, no unit read and the title not found
    r = load_plan(text_layer_pdf(tmp_path / "plan.pdf", [
        TITLE, "一、主要任务", "1.完善低保制度。（牵头单位：县民政局；配合单位：县财政局）"], pitch=pitch))
    assert r.title == TITLE
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], ["县财政局"])]


def test_a_text_layer_with_a_space_between_every_character_reads_without_them(tmp_path):
    spaced = [" ".join(t) for t in [TITLE, "一、主要任务", "1.完善低保制度。（牵头单位：县民政局；配合单位：县财政局）"]]
    r = load_plan(text_layer_pdf(tmp_path / "plan.pdf", spaced))
    assert r.title == TITLE
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], ["县财政局"])]


def test_a_glyph_that_decodes_to_two_characters_reads_them_once(tmp_path):
    # a CJK font draws —— (two em dashes: no value) as one glyph whose map gives both characters, as
    # LibreOffice's PDF of a Word table prints it.  Before: pdfplumber lists the glyph once for each of
    # them, and the cell read ———— (and 县民政局 drawn with a glyph for 民政 read 县民政民政局)
    r = load_plan(text_layer_pdf(tmp_path / "plan.pdf", [
        TITLE, "一、主要任务", "1.完善低保制度。牵头单位：县〓局", "二、主要指标", "残疾人就业人数　〓　1000"],
        glyphs={"〓": "民政"}))
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], [])]
    r = load_plan(text_layer_pdf(tmp_path / "dash.pdf", [
        TITLE, "一、主要任务", "1.完善低保制度。将残疾人纳入保障范围。", "专栏1　主要指标", "指标　2020年　2025年",
        "残疾人就业人数（人）　〓　1000"], glyphs={"〓": "——"}))
    assert [(i.name, i.baseline.printed if i.baseline else None, i.target.printed if i.target else None)
            for i in r.indicators] == [("残疾人就业人数", "——", "1000")]


FONT = "STSong-Light"


def canvas_pdf(path: Path, pages, size=(595.0, 842.0)) -> Path:
    """A PDF drawn page by page: each page a function of the reportlab canvas (the CID font
    STSong-Light registered, so no font file is needed)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path), pagesize=size)
    for draw in pages:
        draw(c)
        c.showPage()
    c.save()
    return path


def runs(c, x: float, y: float, parts) -> None:
    """One printed line of runs (text, size, rise): a rise draws the run raised, as a note's mark."""
    for text, size, rise in parts:
        c.setFont(FONT, size)
        c.drawString(x, y + rise, text)
        x += c.stringWidth(text, FONT, size)


def test_note_marks_printed_raised_and_their_footnotes_are_left_out(tmp_path):
    # before: 县民政局① and 县财政局2 read as no unit (a gap each), the task titled 加强康复服务1
    def page(c):
        runs(c, 72, 770, [(TITLE, 14, 0)])
        runs(c, 72, 740, [("一、主要任务", 10, 0)])
        runs(c, 72, 715, [("1.完善低保制度。将残疾人纳入保障范围。（牵头单位：县民政局", 10, 0), ("①", 6, 4),
                          ("；配合单位：县财政局", 10, 0), ("2", 6, 4), ("）", 10, 0)])
        runs(c, 72, 695, [("2.加强康复服务", 10, 0), ("3", 6, 4), ("。实施精准康复服务行动。（牵头单位：县卫健局）", 10, 0)])
        c.line(72, 104, 200, 104)
        runs(c, 72, 90, [("①县民政局含县社会救助服务中心。", 8, 0)])
        runs(c, 72, 78, [("2 县财政局负责资金保障。", 8, 0)])
        runs(c, 72, 66, [("3 精准康复指按需提供康复服务。", 8, 0)])
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page]))
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], ["县财政局"]),
                        ("2", "加强康复服务", ["县卫生健康局"], [])]
    assert not any("社会救助服务中心" in t.text or "按需" in t.text for t in r.tasks())
    assert r.warnings == []


def test_a_small_raised_digit_after_a_latin_letter_is_a_power_not_a_mark(tmp_path):
    def page(c):
        runs(c, 72, 770, [(TITLE, 14, 0)])
        runs(c, 72, 740, [("一、主要任务", 10, 0)])
        runs(c, 72, 715, [("1.推进无障碍建设。改造无障碍设施5000m", 10, 0), ("2", 6, 4), ("。（牵头单位：县住建局）", 10, 0)])
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page]))
    assert r.tasks()[0].text.startswith("推进无障碍建设。改造无障碍设施5000m2。")


def paragraphs(c, lines, x: float, y: float, width: float, size: float = 10) -> float:
    """Paragraphs wrapped to `width` from `y` down (reportlab's CJK wrapping); the y below them."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("p", fontName=FONT, fontSize=size, leading=size * 1.5, wordWrap="CJK")
    for text in lines:
        p = Paragraph(text, style)
        _, h = p.wrap(width, 1000)
        p.drawOn(c, x, y - h)
        y -= h + 4
    return y


def test_text_printed_in_two_columns_reads_a_column_at_a_time(tmp_path):
    # a gazette page: the title across the page, then two columns.  Before: lines of the two columns
    # read as one (一、主要任务 3.推进无障碍建设…), task 1 ran into task 3 and its units were lost
    left = ["一、主要任务", "1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围，确保应保尽保。（牵头单位：县民政局；配合单位：县财政局）",
            "2.加强康复服务。实施精准康复服务行动。（牵头单位：县卫健局）"]
    right = ["3.推进无障碍建设。开展家庭无障碍改造，提升公共场所无障碍水平。（牵头单位：县住建局；配合单位：县残联）",
             "4.发展特殊教育。办好特殊教育学校。（牵头单位：县教育局）", "二、保障措施", "加强组织领导。"]

    def page(c):
        y = paragraphs(c, [TITLE], 72, 770, 451, size=14)
        paragraphs(c, left, 72, y - 10, 215)
        paragraphs(c, right, 72 + 215 + 21, y - 10, 215)
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page]))
    assert r.title == TITLE
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], ["县财政局"]), ("2", "加强康复服务", ["县卫生健康局"], []),
                        ("3", "推进无障碍建设", ["县住房和城乡建设局"], ["县残疾人联合会"]),
                        ("4", "发展特殊教育", ["县教育局"], [])]
    assert r.tasks()[0].text == left[1][2:]
    assert r.warnings == []


def test_a_column_of_text_goes_on_in_the_next_pages_first_column(tmp_path):
    long = "3.推进无障碍建设。" + "开展家庭无障碍改造，提升公共场所无障碍水平，" * 3 + "方便残疾人出行。（牵头单位：县住建局）"

    def page1(c):
        y = paragraphs(c, [TITLE], 72, 770, 451, size=14)
        paragraphs(c, ["一、主要任务", "1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围，确保应保尽保。（牵头单位：县民政局）"],
                   72, y - 10, 215)
        paragraphs(c, ["2.加强康复服务。实施精准康复服务行动，落实残疾儿童康复救助制度。（牵头单位：县卫健局）", long[:40]],
                   72 + 236, y - 10, 215)

    def page2(c):
        paragraphs(c, [long[40:]], 72, 770, 215)
        paragraphs(c, ["二、保障措施", "加强组织领导，完善工作机制，落实工作责任，确保规划顺利实施。"], 72 + 236, 770, 215)
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page1, page2]))
    assert [(t.no, [u.label for u in t.units("lead")]) for t in r.tasks()] == [
        ("1", ["县民政局"]), ("2", ["县卫生健康局"]), ("3", ["县住房和城乡建设局"])]
    assert r.tasks()[2].text == long[2:]


BODY = [TITLE, "一、主要任务", "1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围。", "2.加强康复服务。实施精准康复服务行动。",
        "3.推进无障碍建设。开展家庭无障碍改造。", "附件", "重点工作任务分工表"]
HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
ROWS = [HEADER, ["1", "完善低保制度，将符合条件的残疾人纳入最低生活保障范围", "县民政局", "县财政局", "2022年12月"],
        ["2", "加强康复服务", "县卫健局", "县残联", "长期"],
        ["3", "推进无障碍建设，开展家庭无障碍改造，提升公共场所无障碍水平", "县住建局", "", "持续推进"]]
DIVISION = [("1", ["县民政局"], ["县财政局"], "2022年12月"), ("2", ["县卫生健康局"], ["县残疾人联合会"], "长期"),
            ("3", ["县住房和城乡建设局"], [], "持续推进")]
THREE_LINES = [("LINEABOVE", (0, 0), (-1, 0), 1.2), ("LINEBELOW", (0, 0), (-1, 0), 0.5), ("LINEBELOW", (0, -1), (-1, -1), 1.2)]
ROW_RULES = [("LINEABOVE", (0, 0), (-1, 0), 0.5), ("LINEBELOW", (0, 0), (-1, -1), 0.5)]


def table_pdf(path: Path, body: list[str], rows: list[list[str]], rules=(), valign="TOP", widths=(50, 190, 70, 70, 70),
              size=(595.0, 842.0), after=("二、保障措施", "加强组织领导。"), spans=()) -> Path:
    """Paragraphs, a table drawn with only the `rules` given (none: cells placed by position), more
    paragraphs; `spans` ((first column, row), (last column, row)) merge cells."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    style = ParagraphStyle("b", fontName=FONT, fontSize=10, leading=15, wordWrap="CJK")
    story = [Paragraph(t, style) for t in body]
    story.append(Table([[Paragraph(c, style) for c in r] for r in rows], colWidths=list(widths), style=TableStyle(
        [(*rule, colors.black) for rule in rules] + [("VALIGN", (0, 0), (-1, -1), valign)]
        + [("SPAN", a, b) for a, b in spans])))
    story += [Paragraph(t, style) for t in after]
    SimpleDocTemplate(str(path), pagesize=size).build(story)
    return path


def division(record) -> list[tuple]:
    return [(t.no, [u.label for u in t.units("lead")], [u.label for u in t.units("support")], t.deadline)
            for t in record.tasks() if t.deadline]


@pytest.mark.parametrize("rules", [(), THREE_LINES, ROW_RULES], ids=["no rules", "三线表", "rules between rows"])
def test_a_division_table_without_ruling_lines_reads_by_position(tmp_path, rules):
    # before: its lines were read as paragraphs (序号 重点任务 牵头单位 配合单位 完成时限1 完善低保制度 县民政局 …),
    # no lead read, no gap
    r = load_plan(table_pdf(tmp_path / "plan.pdf", BODY, ROWS, rules))
    assert division(r) == DIVISION
    assert [t.text for t in r.tasks() if t.deadline][::2] == [ROWS[1][1], ROWS[3][1]]
    assert r.warnings == []


def test_an_indicator_table_without_ruling_lines_keeps_each_value_in_its_column(tmp_path):
    # 类别 printed once over two rows, a 2020 value left empty: nothing shifts into the next column
    rows = [["类别", "指标", "2020年", "2025年", "属性"],
            ["社会保障", "困难残疾人生活补贴覆盖率（%）", "", "100", "约束性"],
            ["", "残疾人基本康复服务覆盖率（%）", "80", "≥85", "约束性"],
            ["教育就业", "残疾儿童少年义务教育入学率（%）", "90", "97", "预期性"]]
    r = load_plan(table_pdf(tmp_path / "plan.pdf", [TITLE, "一、发展目标", "到2025年，残疾人保障水平明显提高。", "表1  主要指标"],
                            rows, THREE_LINES))
    assert [(i.name, i.category, i.baseline and i.baseline.printed, i.target.printed, i.attribute)
            for i in r.indicators] == [("困难残疾人生活补贴覆盖率", "社会保障", None, "100", "约束性"),
                                       ("残疾人基本康复服务覆盖率", "社会保障", "80", "≥85", "约束性"),
                                       ("残疾儿童少年义务教育入学率", "教育就业", "90", "97", "预期性")]


def test_a_value_ruled_across_both_year_columns_is_each_ones(tmp_path):
    # 100 printed once in a cell merged across 2020年 | 2025年 (a Word table's gridSpan, ruled as one
    # cell in its PDF), as the Word file and the web page read it.  Before: the 2025 value was empty,
    # the indicator read with no target, no gap
    rows = [["类别", "指标", "2020年", "2025年", "属性"],
            ["社会保障", "困难残疾人生活补贴覆盖率（%）", "100", "", "约束性"],
            ["", "残疾人基本康复服务覆盖率（%）", "80", "≥85", "约束性"]]
    r = load_plan(table_pdf(tmp_path / "plan.pdf", [TITLE, "一、发展目标", "到2025年，残疾人保障水平明显提高。", "表1  主要指标"],
                            rows, [("GRID", (0, 0), (-1, -1), 0.5)], spans=[((2, 1), (3, 1)), ((0, 1), (0, 2))]))
    assert [(i.name, i.category, i.baseline and i.baseline.printed, i.target and i.target.printed, i.attribute)
            for i in r.indicators] == [("困难残疾人生活补贴覆盖率", "社会保障", "100", "100", "约束性"),
                                       ("残疾人基本康复服务覆盖率", "社会保障", "80", "≥85", "约束性")]


def test_rows_of_a_table_without_rules_that_cannot_be_told_apart_are_said(tmp_path):
    # cells centred beside a task printed over two lines: the task's first line stands above its row's
    # number.  Without rules between the rows nothing tells which row it belongs to: a gap, no units read
    r = load_plan(table_pdf(tmp_path / "plan.pdf", BODY, ROWS, THREE_LINES, valign="MIDDLE"))
    assert division(r) == []
    assert [(g.kind, g.message.split(":")[0]) for g in r.warnings] == [
        ("table", "a table printed without ruling lines")]
    assert "完善低保制度，将符合条件的残疾人" in r.warnings[0].message


def test_rows_of_a_table_with_rules_between_them_are_its_bands(tmp_path):
    r = load_plan(table_pdf(tmp_path / "plan.pdf", BODY, ROWS, ROW_RULES, valign="MIDDLE"))
    assert division(r) == DIVISION
    assert [t.text for t in r.tasks() if t.deadline][::2] == [ROWS[1][1], ROWS[3][1]]
    assert r.warnings == []


def division_pages(tmp_path: Path, turn: int, page_rotate: bool = False, aside: str = "") -> Path:
    """Page 1 the body; page 2 the 附件 title and division table set landscape: turned a quarter on the
    portrait page (`turn` 90: its lines read upwards, 270: downwards), and with `page_rotate` the page
    saying /Rotate so a viewer shows it upright.  The page number printed upright at the page's foot,
    and `aside` printed upright down its margin."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    def body(c):
        paragraphs(c, BODY[:-2], 72, 770, 451)

    def annex(c):
        if page_rotate:
            c.setPageSize((842, 595))
            c.setPageRotation(turn)  # the MediaBox stays portrait, the content is drawn turned
        c.saveState()
        if turn == 90:
            c.translate(595, 0)
        else:
            c.translate(0, 842)
        c.rotate(turn)
        y = paragraphs(c, BODY[-2:], 72, 535, 698)
        style = ParagraphStyle("b", fontName=FONT, fontSize=10, leading=15, wordWrap="CJK")
        table = Table([[Paragraph(x, style) for x in r] for r in ROWS], colWidths=[40, 300, 110, 110, 110],
                      style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        _, h = table.wrap(698, 500)
        table.drawOn(c, 72, y - h - 10)
        c.restoreState()
        if not page_rotate:
            c.setFont(FONT, 9)
            c.drawCentredString(297, 30, "- 2 -")
            for k, ch in enumerate(aside):
                c.drawString(20, 700 - 12 * k, ch)
    return canvas_pdf(tmp_path / "plan.pdf", [body, annex])


@pytest.mark.parametrize("turn", [90, 270])
def test_a_table_set_sideways_on_a_portrait_page_reads_turned_upright(tmp_path, turn):
    # before: its characters read across the turned lines: 表工分务任作工点重件附 | 号序 1 2 3, no table read
    r = load_plan(division_pages(tmp_path, turn))
    assert division(r) == DIVISION
    assert r.warnings == []


@pytest.mark.parametrize("turn", [90, 270])
def test_a_page_with_rotate_showing_a_turned_table_upright_reads_as_shown(tmp_path, turn):
    r = load_plan(division_pages(tmp_path, turn, page_rotate=True))
    assert division(r) == DIVISION
    assert r.warnings == []


def test_text_printed_across_a_turned_page_is_said_not_read(tmp_path):
    # a note printed down the margin, upright on the portrait page: turned against the table's text
    r = load_plan(division_pages(tmp_path, 90, aside="本表由县发展和改革局负责解释"))
    assert division(r) == DIVISION
    assert [(g.kind, g.message[:50]) for g in r.warnings] == [
        ("structure", "page 2 prints 17 characters turned against its tex")]


def ruled(c, y: float, rows: list[list[str]], heights: list[float], open_below=(), open_above=(),
          widths=(40, 170, 80, 80, 80)) -> None:
    """A table ruled cell by cell from `y` down (as Word draws one); a cell in `open_below` has no rule
    under it, in `open_above` none over it: the page break cuts it."""
    xs = [72.0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [y]
    for h in heights:
        ys.append(ys[-1] - h)
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            if text:
                paragraphs(c, [text], xs[k] + 3, ys[r] - 3, widths[k] - 6)
            if (r, k) not in open_above:
                c.line(xs[k], ys[r], xs[k + 1], ys[r])
            if (r, k) not in open_below:
                c.line(xs[k], ys[r + 1], xs[k + 1], ys[r + 1])
            c.line(xs[k], ys[r], xs[k], ys[r + 1])
            c.line(xs[k + 1], ys[r], xs[k + 1], ys[r + 1])


BROKEN = [HEADER, ["1", "完善低保制度", "县民政局", "县财政局", "2022年12月"], ["2", "加强康复服务", "县卫健局", "县残联", "长期"],
          ["3", "推进无障碍建设，开展家庭无障碍改造，", "县住建局", "县残联", "持续推进"]]


@pytest.mark.parametrize("header", [True, False], ids=["header repeated", "no header"])
def test_a_lead_cell_ruled_on_over_a_page_break_is_the_next_rows_lead(tmp_path, header):
    # 县住建局 leads rows 3 and 4, its cell ruled from page 1's last row over page 2's first.  Before: the
    # cell with no rule under it read as no cell: 县住建局 was lost, rows 3 and 4 "print no lead unit"
    def page1(c):
        rows = BROKEN[:3] + [["3", "推进无障碍建设", "县住建局", "县残联", "持续推进"]]
        ruled(c, paragraphs(c, BODY, 72, 770, 451) - 10, rows, [22, 22, 22, 22], open_below={(3, 2)})

    def page2(c):
        row = ["4", "发展特殊教育", "", "县残联", "2025年"]
        if header:
            ruled(c, 770, [HEADER, row], [22, 22])
        else:
            ruled(c, 770, [row], [22], open_above={(0, 2)})
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page1, page2]))
    assert [row[:2] for row in division(r)] == [("1", ["县民政局"]), ("2", ["县卫生健康局"]), ("3", ["县住房和城乡建设局"]),
                                                ("4", ["县住房和城乡建设局"])]
    assert r.warnings == []


@pytest.mark.parametrize("header", [True, False], ids=["header repeated", "no header"])
def test_a_row_broken_over_a_page_with_no_rule_at_the_break_is_one_row(tmp_path, header):
    # row 3's task goes on at the top of page 2; no rule closes it on page 1.  Before: the part on page 1
    # read as a paragraph under the table (3 推进无障碍建设… 县住建局 县残联 持续推进), task 3 lost, no gap
    def page1(c):
        ruled(c, paragraphs(c, BODY, 72, 770, 451) - 10, BROKEN, [22, 22, 22, 36], open_below={(3, k) for k in range(5)})

    def page2(c):
        rest = ["", "提升公共场所无障碍水平。", "", "", ""]
        last = ["4", "发展特殊教育", "县教育局", "县残联", "2025年"]
        if header:
            ruled(c, 770, [HEADER, rest, last], [22, 22, 22])
        else:
            ruled(c, 770, [rest, last], [22, 22], open_above={(0, k) for k in range(5)})
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page1, page2]))
    assert [row[:2] for row in division(r)] == [("1", ["县民政局"]), ("2", ["县卫生健康局"]), ("3", ["县住房和城乡建设局"]),
                                                ("4", ["县教育局"])]
    assert next(t for t in r.tasks() if t.no == "3" and t.deadline).text == "推进无障碍建设，开展家庭无障碍改造，提升公共场所无障碍水平。"
    assert r.warnings == []


def test_a_row_broken_over_a_page_in_every_cell_but_its_number_is_one_row(tmp_path):
    # row 3 broken over the page, ruled on both (as Word and LibreOffice rule a row they break): its
    # task, its second lead and its supporters go on at page 2's top under an empty 序号, the
    # supporters broken mid-name (县民政局、县卫 | 生健康局).  Before: the part on page 2 was
    # said not read, and task 3 read with its first lead alone and 县卫 for a supporter
    def page1(c):
        rows = BROKEN[:3] + [["3", "推进无障碍建设，开展家庭", "县住建局", "县民政局、县卫", "持续推进"]]
        ruled(c, paragraphs(c, BODY, 72, 770, 451) - 10, rows, [22, 22, 22, 22])

    def page2(c):
        ruled(c, 770, [["", "无障碍改造。", "县交通局", "生健康局", ""], ["4", "发展特殊教育", "县教育局", "县残联", "2025年"]],
              [22, 22])
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page1, page2]))
    assert division(r)[2:] == [("3", ["县住房和城乡建设局", "县交通运输局"], ["县民政局", "县卫生健康局"], "持续推进"),
                               ("4", ["县教育局"], ["县残疾人联合会"], "2025年")]
    assert next(t for t in r.tasks() if t.no == "3" and t.deadline).text == "推进无障碍建设，开展家庭无障碍改造。"
    assert r.warnings == []


@pytest.mark.parametrize("mark", ["【{}】", "〔{}〕", "[{}]", "【{}】、"])
def test_a_number_alone_on_its_line_after_a_full_line_starts_the_next_item(tmp_path, mark):
    # a task's text filled its last line; the next task's number, on a line of its own above its
    # title, was read as the text's wrapped end: the two tasks one, with both leads
    full = "将符合条件的残疾人纳入低保范围，做到应保尽保。（牵头单位：县民政局）"
    r = load_plan(text_layer_pdf(tmp_path / "plan.pdf", [
        TITLE, "一、主要任务", "（一）完善社会保障", mark.format(1), "完善低保制度", full,
        mark.format(2), "加强康复服务", "实施精准康复。（牵头单位：县卫健局）", "二、保障措施", "加强组织领导。"]))
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], []), ("2", "加强康复服务", ["县卫生健康局"], [])]


@pytest.mark.parametrize("font,glyph", [("ZapfDingbats", "●"), ("ZapfDingbats", "◆"), ("Symbol", "•")],
                         ids=["dingbats-dot", "dingbats-diamond", "symbol-bullet"])
def test_tasks_bulleted_with_a_symbol_fonts_glyph(tmp_path, font, glyph):
    # a bulleted list's marks drawn in a symbol font with no Unicode map read as the letters of their
    # codes (l, n, u: ● ■ ◆ in ZapfDingbats or Wingdings): before, the bullets were letters at the
    # start of each task's text, and the section's tasks one task titled by the section, every lead.
    # A glyph the font maps (• in Symbol) reads as itself, as it did
    def page(c):
        lines = [(None, TITLE), (None, "一、主要任务"), (None, "（一）保障基本生活"),
                 (glyph, "完善低保制度。将符合条件的残疾人纳入低保。（牵头单位：县民政局）"),
                 (glyph, "落实两项补贴。按规定发放补贴。（牵头单位：县残联）"),
                 (None, "二、保障措施"), (None, "加强组织领导。")]
        for k, (mark, text) in enumerate(lines):
            y, x = 770 - k * 20, 72
            if mark:
                c.setFont(font, 10)
                c.drawString(x, y, mark)
                x += 15
            c.setFont(FONT, 10)
            c.drawString(x, y, text)
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page]))
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], []), ("2", "落实两项补贴", ["县残疾人联合会"], [])]
    assert [w.kind for w in r.warnings] == []


def test_spaces_typed_before_every_line_are_no_gap_where_a_line_wraps(tmp_path):
    # text pasted line by line, each line a paragraph indented by typed spaces (　　), so every line
    # starts at the same place: a line that fills the width goes on on the next; its typed spaces
    # were read as a wide gap inside the clause (（牵头  单位：…), which was not read (a gap)
    lines = [TITLE, "一、主要任务", "1.完善低保制度。将符合条件的残疾人纳入低保范围，做到应保尽保。（牵头",
             "单位：县民政局；配合单位：县财政局）", "二、保障措施", "加强组织领导。"]

    def page(c):
        for k, text in enumerate(lines):
            c.setFont(FONT, 11)
            c.drawString(72, 770 - k * 17, "\u3000\u3000" + text)
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page]))
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], ["县财政局"])]
    assert r.warnings == []


@pytest.mark.parametrize("glyph", [True, False], ids=["wide space glyph", "a gap drawn"])
def test_a_title_ended_by_a_wide_space_drawn_as_a_gap(tmp_path, glyph):
    # 1.完善低保制度　将…: a converter that draws the wide space as a character's width of nothing
    # (no glyph) gave one space, and the title ran on to the sentence's end (完善低保制度 将符合…)
    lines = [TITLE, "一、主要任务", "（一）加强社会保障", "1.完善低保制度　将符合条件的残疾人纳入低保范围。",
             "2.落实两项补贴　按规定发放补贴。（牵头单位：县残联）", "二、保障措施", "加强领导。"]

    def page(c):
        for k, text in enumerate(lines):
            c.setFont(FONT, 11)
            x, y = 72, 770 - k * 17
            for piece in ([text] if glyph else text.split("　")):
                c.drawString(x, y, piece)
                x += c.stringWidth(piece, FONT, 11) + 11
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page]))
    assert tasks(r) == [("1", "完善低保制度", [], []), ("2", "落实两项补贴", ["县残疾人联合会"], [])]


NOTICE = ("青山县人民政府关于印发《青山县“十四五”残疾人事业发展规划》的通知\n" + TITLE + "\n一、主要任务\n"
          "1.完善低保制度。将符合条件的残疾人纳入低保。（牵头单位：县民政局）\n二、保障措施\n加强组织领导。\n")


@pytest.mark.parametrize("fmt", ["pdf", "txt"])
def test_a_gazettes_name_and_issue_printed_once_is_no_part_of_the_title(tmp_path, converters, fmt):
    # a one-page plan from a gazette (its running header 政府公报  2022年第3期 printed once, so not
    # told by repeating) or its text: the header was joined to the line under it, the issuer read as
    # 期青山县人民政府 (or the title as 政府公报  2022年第3期青山县…, the plan with no region)
    for text, issuer in ((NOTICE, "青山县人民政府"), (NOTICE.split("\n", 1)[1], None)):
        if fmt == "pdf":
            path = converters.to_pdf(text, tmp_path / "plan.pdf")  # prints the header on its page
        else:
            path = tmp_path / "plan.txt"
            path.write_text("政府公报  2022年第3期\n" + text, encoding="utf-8")
        r = load_plan(path)
        assert (r.title, r.region.name if r.region else None) == (TITLE, "青山县")
        assert (r.issuer.label if r.issuer else None) == issuer
        assert tasks(r) == [("1", "完善低保制度", ["县民政局"], [])] and r.warnings == []


@pytest.mark.parametrize("numbered", [False, True], ids=["no page numbers", "page numbers"])
def test_a_tables_value_at_a_pages_edge_is_no_page_number(tmp_path, numbered):
    """An indicator table printed one cell a line whose page break falls between a row's two values (100
    at page 1's foot, 100 at page 2's head): both were dropped as page numbers, without a word.  A page's
    number is a bare number that goes up with the pages."""
    rows = ["主要指标", "指标名称", "2020年", "2025年", "属性", "1.残疾人康复服务覆盖率（%）", "85", "95", "约束性",
            "2.困难残疾人生活补贴覆盖率（%）", "100"]

    def page1(c):
        paragraphs(c, [TITLE, "一、发展目标", "残疾人事业全面发展。", *rows[:-1]], 72, 770, 451)
        c.setFont(FONT, 10)
        c.drawString(72, 60, rows[-1])  # the row's first value, at the page's foot
        if numbered:
            c.drawString(290, 30, "1")

    def page2(c):
        c.setFont(FONT, 10)
        c.drawString(72, 800, "100")  # its second, at the next page's head
        paragraphs(c, ["约束性", "二、主要任务", "1.完善低保制度。将符合条件的残疾人纳入低保。（牵头单位：县民政局）"], 72, 790, 451)
        if numbered:
            c.setFont(FONT, 10)
            c.drawString(290, 30, "2")
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page1, page2]))
    assert [(i.name, i.baseline and i.baseline.printed, i.target and i.target.printed) for i in r.indicators] == [
        ("残疾人康复服务覆盖率", "85", "95"), ("困难残疾人生活补贴覆盖率", "100", "100")]
    assert "1" not in [ln.strip() for ln in r.tasks()[0].text.splitlines()]


@pytest.mark.parametrize("header", [True, False], ids=["header repeated", "no header"])
def test_an_indicator_row_broken_over_a_page_and_ruled_on_both_is_one_row(tmp_path, header):
    """Word rules a row it breaks over a page on both pages: indicator 2's name went on at page 2's top
    (盖率（%）, a row of one cell under the repeated header) and was lost, its name 重度残疾人护理补贴覆 with
    no unit, without a word."""
    columns = ["序号", "指标名称", "2020年", "2025年", "属性"]

    def page1(c):
        rows = [columns, ["1", "困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性"],
                ["2", "重度残疾人护理补贴覆", "100", "100", "约束性"]]
        ruled(c, paragraphs(c, [TITLE, "一、发展目标", "主要指标"], 72, 770, 451) - 10, rows, [22, 22, 22])

    def page2(c):
        rows = ([columns] if header else []) + [["", "盖率（%）", "", "", ""],
                                                ["3", "残疾人辅助器具适配率（%）", "80", "＞85", "约束性"]]
        y = 770 - 22 * len(rows) - 20
        ruled(c, 770, rows, [22] * len(rows))
        paragraphs(c, ["二、主要任务", "1.完善低保制度。将符合条件的残疾人纳入低保。（牵头单位：县民政局）"], 72, y, 451)
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page1, page2]))
    assert [(i.no, i.name, i.unit, i.target and i.target.printed) for i in r.indicators] == [
        ("1", "困难残疾人生活补贴覆盖率", "%", "100"), ("2", "重度残疾人护理补贴覆盖率", "%", "100"),
        ("3", "残疾人辅助器具适配率", "%", "＞85")]
    assert [w for w in r.warnings if w.kind == "table"] == []


@pytest.mark.parametrize("header", [True, False], ids=["header repeated", "no header"])
def test_an_indicator_row_whose_name_and_target_both_go_on_over_a_page_is_one_row(tmp_path, header):
    """A row broken over a page in two of its cells (its name and its target wrapped, printed as
    the GB/T 9704 page sets a table of narrow columns), its number in its name: the page's top row
    (速（%） | 步, no baseline, no attribute) was read as an indicator of its own, 速 with no values,
    and row 1 as 残疾人家庭人均收入年均增 with no unit, its target cut, nothing said."""
    columns = ["类别", "指标", "2020年", "2025年", "属性"]

    def page1(c):
        rows = [columns, ["收入", "1.残疾人家庭人均收入年均增", "——", "与生产总值同", "预期性"]]
        ruled(c, paragraphs(c, [TITLE, "一、发展目标", "主要指标"], 72, 770, 451) - 10, rows, [22, 22])

    def page2(c):
        rows = ([columns] if header else []) + [["", "速（%）", "", "步", ""],
                                                ["保障", "2.困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性"],
                                                ["", "3.残疾人辅助器具适配率（%）", "80", "＞85", "约束性"]]
        y = 770 - 22 * len(rows) - 20
        ruled(c, 770, rows, [22] * len(rows))
        paragraphs(c, ["二、主要任务", "1.完善低保制度。将符合条件的残疾人纳入低保。（牵头单位：县民政局）"], 72, y, 451)
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page1, page2]))
    assert [(i.no, i.name, i.unit, i.baseline and i.baseline.printed, i.target and i.target.printed)
            for i in r.indicators] == [("1", "残疾人家庭人均收入年均增速", "%", "——", "与生产总值同步"),
                                       ("2", "困难残疾人生活补贴覆盖率", "%", "100", "100"),
                                       ("3", "残疾人辅助器具适配率", "%", "80", "＞85")]
    assert [w for w in r.warnings if w.kind == "table"] == []


@pytest.mark.parametrize("header", [True, False], ids=["header repeated", "no header"])
def test_a_row_of_three_columns_whose_name_and_target_go_on_over_a_page_is_one_row(tmp_path, header):
    # 指标 | 目标值 | 属性 (an A5 page, 五号 type): the page's top row (入年均增速 | 步, no attribute) was
    # read as an indicator of its own, nothing said
    columns, widths = ["指标", "目标值", "属性"], (170, 90, 60)

    def page1(c):
        rows = [columns, ["1.残疾人家庭人均收", "与生产总值增长同", "预期性"]]
        ruled(c, paragraphs(c, [TITLE, "一、发展目标", "主要指标"], 72, 770, 451) - 10, rows, [22, 22], widths=widths)

    def page2(c):
        rows = ([columns] if header else []) + [["入年均增速", "步", ""], ["2.困难残疾人生活补贴覆盖率", "＞99%", "约束性"],
                                                ["3.残疾人辅助器具适配率", "＞85%", "约束性"]]
        y = 770 - 22 * len(rows) - 20
        ruled(c, 770, rows, [22] * len(rows), widths=widths)
        paragraphs(c, ["二、主要任务", "1.完善低保制度。将符合条件的残疾人纳入低保。（牵头单位：县民政局）"], 72, y, 451)
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page1, page2]))
    assert [(i.no, i.name, i.target and i.target.printed, i.attribute) for i in r.indicators] == [
        ("1", "残疾人家庭人均收入年均增速", "与生产总值增长同步", "预期性"), ("2", "困难残疾人生活补贴覆盖率", "＞99%", "约束性"),
        ("3", "残疾人辅助器具适配率", "＞85%", "约束性")]
    assert [w for w in r.warnings if w.kind == "table"] == []


def test_two_names_in_a_narrow_cell_the_first_ending_its_line_are_two_units(tmp_path):
    # a lead cell printing two enterprises' branches, a paragraph each (as a Word table's cell holds
    # them), the first's last line ending a character short of the cell's edge, as a wrapped line may:
    # the lines join into 中国电信股份有限公司青山分公司中国联通青山分公司.  Before: read as one lead unit of
    # that name, no gap
    rows = [HEADER, ["1", "完善低保制度", "中国电信股份有限公司青山分公司<br/>中国联通青山分公司", "县工信局", "2022年12月"],
            ["2", "加强康复服务", "县卫健局", "县残联", "长期"]]
    r = load_plan(table_pdf(tmp_path / "plan.pdf", BODY, rows, ROW_RULES, widths=(40, 150, 86, 70, 70)))
    assert division(r) == [("1", ["中国电信股份有限公司青山分公司", "中国联通青山分公司"], ["县工业和信息化局"], "2022年12月"),
                           ("2", ["县卫生健康局"], ["县残疾人联合会"], "长期")]


def test_name_and_description_items_of_a_box_whose_item_fills_its_last_line(tmp_path):
    # a 专栏's items printed "name  description" (two spaces typed between), one a paragraph and none
    # indented (as in a box, a Word table's one cell); the first item's text fills its two lines, so
    # its last line reached the edge and the next item was read as its rest.  Before: 3 projects read
    # as 2, no gap
    items = ["最低生活保障  要将符合条件的残疾人家庭全部纳入最低生活保障范围，确保应保尽保。",
             "残疾人信息消费优惠  对残疾人使用语音流量等信息消费给予优惠。",
             "困难残疾人走访探视服务  村民委员会对困难残疾人开展经常性走访探视。"]
    lines = [TITLE, "一、主要任务", "1.完善低保制度。将残疾人纳入保障范围。", "（牵头单位：县民政局）", "专栏1  残疾人社会保障项目"]
    for item in items:  # wrapped at 20 characters, as the box's width holds them
        lines += [item[k:k + 20] for k in range(0, len(item), 20)]
    assert len(items[0]) == 40 and len(lines[6]) == 20  # the first item ends a full line
    lines += ["二、保障措施", "加强组织领导。"]

    def page(c):
        for k, line in enumerate(lines):
            runs(c, 72, 770 - 15 * k, [(line, 10, 0)])
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page]))
    assert [p.title for p in r.projects()] == ["最低生活保障", "残疾人信息消费优惠", "困难残疾人走访探视服务"]
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], [])]


@pytest.mark.parametrize("fmt", ["pdf", "txt"])
def test_an_item_wrapped_before_empty_brackets_is_one_item(tmp_path, fmt):
    # a box item whose text lost a bracket's word (村（居）委会 extracted as 村()委会) wraps before the
    # brackets: the line opening () was read as a heading whose numeral was lost, ending the item, and
    # its rest (()委会或者相关部门应当…) became a project of its own.  Before: 3 projects read as 4, no gap
    items = ["急难救助服务。无人照料的残疾人，由村()委会或者相关部门提供临时生活照料，及时反馈。",
             "残疾人信息消费优惠。对残疾人使用语音流量等信息消费给予优惠。",
             "困难残疾人走访探视服务。村民委员会对困难残疾人开展经常性走访探视。"]
    lines = [TITLE, "一、主要任务", "1.完善低保制度。将残疾人纳入保障范围。", "（牵头单位：县民政局）", "专栏1  残疾人社会保障项目"]
    for k, item in enumerate(items, 1):  # wrapped at 20 characters, as the box's width holds them
        item = f"{k}.{item}"
        lines += [item[i:i + 20] for i in range(0, len(item), 20)]
    assert lines[6].startswith("()委会") and len(lines[5]) == 20
    lines += ["二、保障措施", "加强组织领导。"]

    def page(c):
        for k, line in enumerate(lines):
            runs(c, 72, 770 - 15 * k, [(line, 10, 0)])
    if fmt == "pdf":
        path = canvas_pdf(tmp_path / "plan.pdf", [page])
    else:
        path = tmp_path / "plan.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
    r = load_plan(path)
    assert [p.title for p in r.projects()] == ["急难救助服务", "残疾人信息消费优惠", "困难残疾人走访探视服务"]
    assert "()委会或者相关部门" in r.projects()[0].text
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], [])]


def test_a_list_of_names_parted_by_spaces_wrapped_at_a_space_keeps_the_names_apart(tmp_path):
    # a clause listing its units parted by spaces, the line wrapped at the space after 县公安分局: a PDF
    # prints no space at a line's end, and the two names were read as one body
    # (县公安分局人力资源和社会保障局), nothing said
    lines = [TITLE, "一、主要任务", "1.完善低保制度。将符合条件的残疾人纳入", "保障范围。（牵头单位：县民政局；配合单位",
             "：县残联 县财政局 县教育局 县公安分局", "人力资源和社会保障局 县住房和城乡建设局", "）",
             "2.加强康复服务。实施康复服务行动。", "（牵头单位：县卫健局）", "二、保障措施", "加强组织领导。"]
    assert {len(ln) for ln in lines[2:6]} == {20}  # full lines: each wraps
    r = load_plan(text_layer_pdf(tmp_path / "plan.pdf", lines))
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], ["县残疾人联合会", "县财政局", "县教育局", "县公安分局",
                                                    "县人力资源和社会保障局", "县住房和城乡建设局"]),
                        ("2", "加强康复服务", ["县卫生健康局"], [])]
    assert r.warnings == []


def test_clauses_set_after_the_text_by_a_full_width_space_are_no_table(tmp_path):
    # each task's clause printed after its text, its labels parted by one full-width space typed
    # (…保障范围。　牵头单位：县民政局　配合单位：…): two such lines were taken for a table printed without
    # rules and said as one not read, though all was read; its lines were given one a paragraph (in a
    # corpus plan so printed, a clause broken at 〈区大数据 / 局〉 was not read, its units lost)
    lines = [TITLE, "一、主要任务", "1.完善低保制度。将符合条件的残疾人纳入", "保障范围。　牵头单位：县民政局　配合单位",
             "：县财政局、县残联", "2.加强康复服务。实施精准康复服务行动，", "提升康复水平。　牵头单位：县卫健局　配合",
             "单位：县残联", "二、保障措施", "加强组织领导。"]
    r = load_plan(text_layer_pdf(tmp_path / "plan.pdf", lines))
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], ["县财政局", "县残疾人联合会"]),
                        ("2", "加强康复服务", ["县卫生健康局"], ["县残疾人联合会"])]
    assert r.warnings == []


@pytest.mark.parametrize("first_page_header", [True, False], ids=["header on every page", "first page different"])
def test_a_running_header_printing_the_title_leaves_the_title_under_it(tmp_path, first_page_header):
    # the plan's title printed small at the top of every page (Word's header), or of every page but
    # the first, and large at the top of the first, under the header: the title's words repeat at
    # the top of most pages.  Before: the title was dropped with the headers, and the plan titled by
    # a line of its preamble (“十四五”残疾人保障和发展规划, naming no region), no gap for the title
    lines = [["一、主要任务", "1.完善低保制度。将残疾人纳入保障范围。（牵头单位：县民政局）"],
             ["2.加强康复服务。实施精准康复服务行动。（牵头单位：县卫健局）"],
             ["二、保障措施", "加强组织领导。"]]

    def page(k):
        def draw(c):
            if k or first_page_header:
                runs(c, 230, 815, [(TITLE, 9, 0)])
            y = 770
            if not k:
                runs(c, 120, y, [(TITLE, 16, 0)])
                y = paragraphs(c, ["依据《“十四五”残疾人保障和发展规划》，制定本规划。"], 72, y - 30, 451)
            paragraphs(c, lines[k], 72, y - 20, 451)
        return draw
    r = load_plan(canvas_pdf(tmp_path / "plan.pdf", [page(k) for k in range(3)]))
    assert r.title == TITLE and r.region is not None and r.region.name == "青山县"
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], []), ("2", "加强康复服务", ["县卫生健康局"], [])]
    assert [t.text for t in r.tasks()] == ["完善低保制度。将残疾人纳入保障范围。（牵头单位：县民政局）",
                                          "加强康复服务。实施精准康复服务行动。（牵头单位：县卫健局）"]  # the headers dropped


def test_a_heading_that_lost_its_numeral_after_a_full_line_opens_its_section(tmp_path):
    # the other side of the rule above: a heading naming its topic, no comma in it, whose numeral was
    # lost ((二)促进残疾人就业增收 extracted as ()…), after a text's longest line (a paragraph a line: it
    # fills the width).  It was joined to the task: the task's clause and the section lost
    lines = [TITLE, "一、主要任务", "(一)健全社会保障体系",
             ("1.完善低保制度。将符合条件的困难残疾人全部纳入最低生活保障范围，做到应保尽保。"
              "牵头单位：县民政局\u3000责任单位：县财政局"),
             "()促进残疾人就业增收", "2.加强就业服务。实施残疾人就业帮扶行动。牵头单位：县人社局",
             "二、保障措施", "加强组织领导。"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    r = load_plan(path)
    assert tasks(r) == [("1", "完善低保制度", ["县民政局"], ["县财政局"]), ("2", "加强就业服务", ["县人力资源和社会保障局"], [])]
    assert "促进残疾人就业增收" in [s.title for s in r.sections()]
