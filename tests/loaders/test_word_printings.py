"""What a Word file carries that a plan's text never shows, read as Word prints it: a table's cells
placed on its grid (a row starting a column in, a cell spanning columns), tracked changes, fields,
content controls, footnotes, a table of contents.  Small .docx files built here from raw WordprocessingML;
each asserts the tasks, units and gaps a reader of the printed document would check."""
from __future__ import annotations

import html
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docx.oxml import parse_xml  # noqa: E402

from policykg.loaders.formats import read_document  # noqa: E402
from policykg.loaders.plan import load_plan  # noqa: E402
from tests.loaders.handmade import DIVISION_BODY as BODY, DIVISION_CELLS as CELLS, DIVISION_HEADER as HEADER  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
READ = [("1", ["县民政局"], ["县财政局"], "2022年12月"),
        ("2", ["县卫生健康局"], ["县残疾人联合会"], "长期"),
        ("3", ["县住房和城乡建设局"], ["县残疾人联合会"], "持续推进"),
        ("4", ["县教育局"], ["县残疾人联合会"], "2025年")]


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r>'


def cell(text: str, props: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>{props}</w:tcPr><w:p>{run(text) if text else ""}</w:p></w:tc>'


def row(cells: list[str], props: str = "") -> str:
    return f'<w:tr>{f"<w:trPr>{props}</w:trPr>" if props else ""}{"".join(cells)}</w:tr>'


def table(rows: list[str], columns: int) -> str:
    grid = '<w:gridCol w:w="1000"/>' * columns
    return (f'<w:tbl {W}><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            f'{"".join(rows)}</w:tbl>')


def numbered_row(i: int) -> str:
    return row([cell(str(i + 1))] + [cell(c) for c in CELLS[i]])


def word_file(tmp_path: Path, blocks: list[str], name: str = "plan.docx", body=BODY) -> Path:
    """A .docx of the paragraphs `body` (plain) followed by `blocks` (raw body XML: paragraphs, tables)."""
    document = docx.Document()
    for text in body:
        document.add_paragraph(text)
    for xml in blocks:
        document.element.body.insert(len(document.element.body) - 1, parse_xml(xml))
    path = tmp_path / name
    document.save(str(path))
    return path


def division(record):
    section = next(s for c in record.chapters for s in c.sections if s.title == "重点工作任务分工表")
    return [(t.no, [u.label for u in t.units("lead")], [u.label for u in t.units("support")], t.deadline)
            for t in section.tasks]


def table_gaps(record):
    return [(g.line, g.message) for g in record.warnings if g.kind == "table"]


# -- 1. a table's cells on its grid ------------------------------------------------------------


def test_a_row_starting_one_grid_column_in_reads_its_cells_under_their_columns(tmp_path):
    # row 2 has no 序号 cell (w:gridBefore 1): its task cell, printing the number, stands under
    # 重点任务.  Its cells were read from the first column: 2.加强康复服务 taken for its 序号 and the
    # row not read (a gap), or with a number in it, each unit a column to the left.
    rows = [row([cell(h) for h in HEADER]), numbered_row(0),
            row([cell("2." + CELLS[1][0])] + [cell(c) for c in CELLS[1][1:]], '<w:gridBefore w:val="1"/>'),
            numbered_row(2), numbered_row(3)]
    record = load_plan(word_file(tmp_path, [table(rows, 5)]))
    assert division(record) == READ
    assert table_gaps(record) == []


def test_a_vertically_merged_cell_in_a_row_starting_a_column_in_covers_its_own_column(tmp_path):
    # the lead of row 2 merged down from row 1 (vMerge), row 2 starting a column in: the cell it
    # covers is under 牵头单位, not under 重点任务 (the cell's place in the row counted from the left)
    vm = '<w:vMerge w:val="restart"/>'
    rows = [row([cell(h) for h in HEADER]),
            row([cell("1"), cell(CELLS[0][0]), cell("县民政局", vm), cell("县财政局"), cell("2022年12月")]),
            row([cell("2." + CELLS[1][0]), cell("", "<w:vMerge/>"), cell("县残联"), cell("长期")],
                '<w:gridBefore w:val="1"/>')]
    path = word_file(tmp_path, [table(rows, 5)])
    grid = read_document(path).grids[0]
    assert grid.rows[2][1] == ("", "2.加强康复服务", "", "县残联", "长期")
    assert grid.merged == frozenset({(2, 2)})
    assert division(load_plan(path))[:2] == [("1", ["县民政局"], ["县财政局"], "2022年12月"),
                                            ("2", ["县民政局"], ["县残疾人联合会"], "长期")]


def test_an_unnumbered_row_under_a_merged_lead_is_not_joined_to_the_row_above(tmp_path):
    # row 2 prints no 序号 but a task of its own; its lead is merged down from row 1 (vMerge).  A
    # Word table never prints one row as two, so it is no row broken over a page: before, it was
    # joined to row 1 (the task 完善低保制度加强康复服务, deadline 2022年12月长期), silently.
    vm = '<w:vMerge w:val="restart"/>'
    rows = [row([cell(h) for h in HEADER]),
            row([cell("1"), cell(CELLS[0][0]), cell("县民政局", vm), cell("县财政局"), cell("2022年12月")]),
            row([cell(""), cell(CELLS[1][0]), cell("", "<w:vMerge/>"), cell("县残联"), cell("长期")]),
            numbered_row(2)]
    record = load_plan(word_file(tmp_path, [table(rows, 5)]))
    section = next(s for c in record.chapters for s in c.sections if s.title == "重点工作任务分工表")
    assert [(t.no, t.title, t.deadline) for t in section.tasks] == [
        ("1", "完善低保制度", "2022年12月"), ("3", "推进无障碍建设", "持续推进")]
    assert [(line, message.split(":")[0]) for line, message in table_gaps(record)] == [
        (11, "division table row after row 1 prints no number but a task and lead of its own")]


def test_a_thin_grid_column_a_converted_table_adds_is_no_column_of_its_own(tmp_path):
    # a table converted from a PDF: its grid has a thin first column the header row skips
    # (gridBefore 1) and each row's 序号 spans (gridSpan 2).  Read cell by cell from the left, the
    # header and the rows were a column apart: each task's name taken for its lead's place, its
    # lead for its supporters, its supporters for its deadline.
    rows = [row([cell(h) for h in HEADER], '<w:gridBefore w:val="1"/>')] + [
        row([cell(str(i + 1), '<w:gridSpan w:val="2"/>')] + [cell(c) for c in CELLS[i]]) for i in range(4)]
    path = word_file(tmp_path, [table(rows, 6)])
    assert [cells for _line, cells in read_document(path).grids[0].rows] == [
        tuple(HEADER)] + [(str(i + 1), *CELLS[i]) for i in range(4)]
    record = load_plan(path)
    assert division(record) == READ
    assert table_gaps(record) == []


def test_old_style_horizontal_merge_and_a_row_ending_short(tmp_path):
    # row 2's lead printed over 牵头单位 and 配合单位 (Word 97's w:hMerge, or w:gridSpan) and the row
    # ending before 完成时限 (w:gridAfter): no supporters, no deadline, the lead its own
    rows = [row([cell(h) for h in HEADER]), numbered_row(0),
            row([cell("2"), cell(CELLS[1][0]), cell("县卫健局", '<w:hMerge w:val="restart"/>'),
                 cell("", "<w:hMerge/>"), cell("长期")]),
            row([cell("3"), cell(CELLS[2][0]), cell("县住建局", '<w:gridSpan w:val="2"/>')],
                '<w:gridAfter w:val="1"/>'),
            numbered_row(3)]
    record = load_plan(word_file(tmp_path, [table(rows, 5)]))
    assert division(record) == [READ[0], ("2", ["县卫生健康局"], [], "长期"),
                                ("3", ["县住房和城乡建设局"], [], ""), READ[3]]


# -- 2. tracked changes, comments, fields, hidden text -----------------------------------------

_AUTHOR = 'w:author="科室" w:date="2023-01-01T00:00:00Z"'


def para(inner: str, props: str = "") -> str:
    return f"<w:p {W}>{props}{inner}</w:p>"


def deleted(text: str) -> str:
    return f'<w:del w:id="1" {_AUTHOR}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def inserted(text: str) -> str:
    return f'<w:ins w:id="2" {_AUTHOR}>{run(text)}</w:ins>'


def field(code: str, result: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">{code}'
            f'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(result)}'
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def tasks(record):
    return [(t.no, t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
            for t in record.tasks()]


def test_tracked_changes_comments_and_fields_read_as_the_document_now_prints(tmp_path):
    # a unit struck out and one put in (w:del / w:ins), a sentence moved (w:moveFrom / w:moveTo),
    # a comment on a unit, a unit from a mail-merge field and a page number field: the text read is
    # the document as it now prints, no deleted or moved-away words, comment marks or field codes
    blocks = [
        para(run("1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围。（牵头单位：县民政局；责任单位：")
             + deleted("县财政局、") + inserted("县医保局、") + run("县残联）")),
        para(run("2.加强康复服务。") + f'<w:moveFrom w:id="3" {_AUTHOR}>{run("实施精准康复服务行动。")}</w:moveFrom>'
             + run("（牵头单位：") + f'<w:moveTo w:id="4" {_AUTHOR}>{run("县卫健局")}</w:moveTo>' + run("）")),
        para('<w:commentRangeStart w:id="0"/>' + run("3.推进无障碍建设。（牵头单位：县住建局")
             + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' + run("）")),
        para(field(" PAGE ", "5")),
        para(run("4.发展特殊教育。（牵头单位：") + field(' MERGEFIELD 牵头单位 \\* MERGEFORMAT ', "县教育局")
             + run("）")),
    ]
    path = word_file(tmp_path, blocks, body=BODY[:2])
    lines = read_document(path).lines
    assert lines[2:] == ["1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围。（牵头单位：县民政局；责任单位：县医保局、县残联）",
                         "2.加强康复服务。（牵头单位：县卫健局）", "3.推进无障碍建设。（牵头单位：县住建局）", "5",
                         "4.发展特殊教育。（牵头单位：县教育局）"]
    assert tasks(load_plan(path)) == [
        ("1", "完善低保制度", ["县民政局"], ["县医疗保障局", "县残疾人联合会"]),
        ("2", "加强康复服务", ["县卫生健康局"], []), ("3", "推进无障碍建设", ["县住房和城乡建设局"], []),
        ("4", "发展特殊教育", ["县教育局"], [])]


def test_hidden_text_is_not_read(tmp_path):
    # a unit in hidden text (w:vanish: Word neither shows nor prints it) was read as a lead
    hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t>、县体育局</w:t></w:r>'
    shown = '<w:r><w:rPr><w:vanish w:val="0"/><w:webHidden/></w:rPr><w:t>；责任单位：县残联</w:t></w:r>'
    path = word_file(tmp_path, [para(run("1.完善低保制度。（牵头单位：县民政局") + hidden + shown + run("）"))],
                     body=BODY[:2])
    assert read_document(path).lines[2] == "1.完善低保制度。（牵头单位：县民政局；责任单位：县残联）"
    assert tasks(load_plan(path)) == [("1", "完善低保制度", ["县民政局"], ["县残疾人联合会"])]


# -- 3. a table of contents -------------------------------------------------------------------

PLAN = ["青山县“十四五”残疾人事业发展规划", "一、总体要求", "坚持以人民为中心。", "二、主要任务", "（一）健全社会保障体系",
        "1.完善低保制度。将符合条件的残疾人纳入最低生活保障范围。（牵头单位：县民政局）",
        "（二）加强康复服务", "1.实施精准康复。（牵头单位：县卫健局）", "三、保障措施", "加强组织领导。"]
CONTENTS = [("一、总体要求", 1), ("二、主要任务", 2), ("（一）健全社会保障体系", 2), ("（二）加强康复服务", 3),
            ("三、保障措施", 4)]
OUTLINE = [("一", "总体要求", []), ("二", "主要任务", [("一", "健全社会保障体系"), ("二", "加强康复服务")]),
           ("三", "保障措施", [])]


def outline(record):
    return [(c.no, c.title, [(s.no, s.title) for s in c.sections]) for c in record.chapters]


def contents_field(entries) -> list[str]:
    """A TOC field as Word inserts it (引用-目录) in paragraphs of the body's own style: each entry
    a hyperlink, a tab to the dotted leader and a PAGEREF field printing the page number."""
    out = []
    for k, (title, page) in enumerate(entries):
        begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" '
                 '\\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>') if k == 0 else ""
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if k == len(entries) - 1 else ""
        out.append(para(begin + f'<w:hyperlink w:anchor="_Toc{k}">{run(title)}<w:r><w:tab/></w:r>'
                        + field(f" PAGEREF _Toc{k} \\h ", str(page)) + "</w:hyperlink>" + end,
                        '<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8296"/></w:tabs></w:pPr>'))
    return out


def test_a_table_of_contents_field_in_body_paragraphs_gives_no_chapters(tmp_path):
    # Word's TOC field whose entries are not in a TOC style nor a 目录 content control (WPS, or a
    # document restyled): each chapter and section was read twice, the first time with no tasks
    document = docx.Document()
    document.add_paragraph(PLAN[0])
    for xml in contents_field(CONTENTS):
        document.element.body.insert(len(document.element.body) - 1, parse_xml(xml))
    for text in PLAN[1:]:
        document.add_paragraph(text)
    path = tmp_path / "toc.docx"
    document.save(str(path))
    record = load_plan(path)
    assert outline(record) == OUTLINE
    assert [(t.no, t.title) for t in record.tasks()] == [("1", "完善低保制度"), ("1", "实施精准康复")]
    assert record.warnings == []


def test_a_toc_field_that_never_ends_leaves_the_body_read(tmp_path):
    # a damaged file: the TOC field's end is lost.  Nothing is taken for the contents (the body is
    # not dropped); its entries are then read as they print
    entries = contents_field(CONTENTS[:1])
    entries[0] = entries[0].replace('<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>', "</w:p>")
    path = word_file(tmp_path, entries, body=[PLAN[0]])
    document = docx.Document(str(path))
    for text in PLAN[1:]:
        document.add_paragraph(text)
    document.save(str(path))
    assert [t.title for t in load_plan(path).tasks()] == ["完善低保制度", "实施精准康复"]


@pytest.mark.parametrize("printed", [
    ("目录", "{}……………………{}"), ("目  录", "{}\t{}"), ("目 录", "{} .......... {}"), ("", "{}··········{}")])
def test_a_typed_table_of_contents_gives_no_chapters(tmp_path, printed):
    # a 目录 typed as lines: a heading, a leader of dots and a page number (or, under 目录, a tab and
    # the page number): each entry was read as a chapter or section of its own, every chapter twice
    heading, entry = printed
    head = [PLAN[0]] + ([heading] if heading else [])
    lines = head + [entry.format(t, n) for t, n in CONTENTS] + PLAN[1:]
    document = docx.Document()
    for text in lines:
        document.add_paragraph(text)
    word = tmp_path / "typed.docx"
    document.save(str(word))
    text = tmp_path / "typed.txt"
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for path in (word, text):
        record = load_plan(path)
        assert outline(record) == OUTLINE, path.name
        assert record.warnings == [], path.name


def test_a_contents_entry_whose_title_goes_on_in_the_next_line(tmp_path):
    lines = [PLAN[0], "目录", "一、总体要求……………………1", "二、主要任务……………………2",
             "（一）健全残疾人社会保障和", "基本公共服务体系……………………2", "（二）加强康复服务……………………3",
             "三、保障措施……………………4"] + PLAN[1:]
    text = tmp_path / "wrapped.txt"
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert outline(load_plan(text)) == OUTLINE


def test_lines_ending_in_a_number_are_no_contents_outside_a_目录(tmp_path):
    # body text ending in a number after a space, and one line with dots before a number, are body
    lines = PLAN[:3] + ["开展“助残日”活动 5", "主要指标……见表1"] + PLAN[3:]
    text = tmp_path / "body.txt"
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from policykg.loaders.contents import contents_lines
    from policykg.loaders.text import make_lines
    assert contents_lines(make_lines(lines)) == set()


# -- 4. content controls ------------------------------------------------------------------------


def test_content_controls_around_paragraphs_runs_rows_and_cells_are_read(tmp_path):
    def control(inner: str) -> str:
        return f'<w:sdt><w:sdtPr><w:alias w:val="任务"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>'

    rows = [row([cell(h) for h in HEADER]), numbered_row(0), control(numbered_row(1)),
            row([cell("3"), control(cell(CELLS[2][0]))] + [cell(c) for c in CELLS[2][1:]]), numbered_row(3)]
    blocks = [f"<w:sdt {W}><w:sdtPr/><w:sdtContent>{para(run(BODY[2])).replace(W, '')}</w:sdtContent></w:sdt>",
              para(run("（牵头单位：") + control(run("县民政局")) + run("）"))] + [
        para(run(text)) for text in BODY[3:]] + [table(rows, 5)]
    record = load_plan(word_file(tmp_path, blocks, body=BODY[:2]))
    assert division(record) == READ
    assert [(t.no, [u.label for u in t.units("lead")]) for t in record.tasks()][:1] == [("1", ["县民政局"])]


# -- 5. footnotes and endnotes --------------------------------------------------------------------


def test_a_note_mark_breaks_no_unit_name_nor_title(tmp_path):
    # Word's own footnote reference (its number), one printing a mark of its own
    # (w:customMarkFollows: 县财政局†) and a mark typed in superscript (县卫健局①): the last two were
    # read into the unit's name (a gap, the unit lost).  A superscript * is a lead mark and kept.
    ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    custom = ('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:customMarkFollows="1" '
              'w:id="2"/><w:t>†</w:t></w:r>')

    def sup(text: str) -> str:
        return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{text}</w:t></w:r>'

    blocks = [para(run("1.完善低保制度") + ref + run("。（牵头单位：县民") + ref + run("政局；责任单位：县财政局")
                   + custom + run("）")),
              para(run("2.加强康复服务。（牵头单位：县卫健局") + sup("①") + run("；责任单位：县残联") + sup("[3]") + run("）")),
              para(run("3.推进无障碍建设。改造家庭无障碍设施5万m") + sup("2") + run("。（县住建局") + sup("*")
                   + run("、县残联）")),
              para(run("注：带*的为牵头单位。"))]
    path = word_file(tmp_path, blocks, body=BODY[:2])
    assert read_document(path).lines[2:5] == [
        "1.完善低保制度。（牵头单位：县民政局；责任单位：县财政局）", "2.加强康复服务。（牵头单位：县卫健局；责任单位：县残联）",
        "3.推进无障碍建设。改造家庭无障碍设施5万m2。（县住建局*、县残联）"]
    record = load_plan(path)
    assert tasks(record)[:2] == [("1", "完善低保制度", ["县民政局"], ["县财政局"]),
                                 ("2", "加强康复服务", ["县卫生健康局"], ["县残疾人联合会"])]
    assert [g for g in record.warnings if g.kind == "unit-name"] == []


# -- 6. files that are not a .docx ----------------------------------------------------------------


@pytest.mark.parametrize("name, content, reason", [
    ("plan.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(3000) + "EncryptedPackage".encode("utf-16-le")
     + bytes(200), "is a password-protected \\(encrypted\\) Office document"),
    ("plan.doc", b'From: <Saved by Microsoft Word>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; '
                 b'boundary="----=_NextPart"\r\n\r\n------=_NextPart\r\nContent-Type: text/html\r\n\r\n<html></html>',
     "is a web archive \\(.mht"),
], ids=["encrypted-docx", "mht"])
def test_a_file_word_saves_in_another_format_is_refused_saying_which(tmp_path, name, content, reason):
    # a password-protected .docx was called an old .doc; an RTF, a web archive or a Word 2003 XML
    # file named .doc was read as text: "no recognizable plan structure", the reason never said
    from policykg.errors import InputError
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=rf"{name.replace('.', '[.]')}: {reason}"):
        load_plan(path)


def test_a_zip_of_something_else_named_docx_is_refused(tmp_path):
    import zipfile
    from policykg.errors import InputError
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("data/sheet.xml", "<sheet/>")
    with pytest.raises(InputError, match=r"plan[.]docx: is not a Word .docx document \(a zip archive without"):
        load_plan(path)


@pytest.mark.parametrize("name, member, reason", [
    ("plan.ofd", "OFD.xml", "is an OFD document \\(版式文档, GB/T 33190\\), not a .docx, PDF, web page or text; "
                            "open it in an OFD reader .* and export it as PDF"),
    ("plan.docx", "xl/workbook.xml", "is an Excel workbook, not a .docx"),
    ("分工.xlsx", "xl/workbook.xml", "is an Excel workbook, not a .docx, PDF, web page or text; save or export"),
    ("plan.pptx", "ppt/presentation.xml", "is a PowerPoint presentation"),
    ("plan.ods", "mimetype", "is an OpenDocument spreadsheet, presentation or drawing"),
], ids=["ofd", "xlsx-named-docx", "xlsx", "pptx", "ods"])
def test_another_zip_document_is_refused_saying_which(tmp_path, name, member, reason):
    # an OFD, a workbook, a presentation or an OpenDocument spreadsheet was "a binary file, not a text
    # document (contains NUL or control bytes)": true, but no help to a user holding a gazette's OFD
    import zipfile
    from policykg.errors import InputError
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(member, "application/vnd.oasis.opendocument.spreadsheet" if member == "mimetype" else "<x/>")
        if member == "mimetype":
            zf.writestr("content.xml", "<x/>")
    with pytest.raises(InputError, match=rf"{name.replace('.', '[.]')}: {reason}"):
        load_plan(path)
