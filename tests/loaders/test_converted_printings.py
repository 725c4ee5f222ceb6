"""A plan a Word file holds, converted as offices and sites convert it: to PDF and to a web page by
LibreOffice (`soffice --headless --convert-to pdf|html`), to a web page by pandoc; and saved as an
old binary .doc (or under WPS's name), RTF or OpenDocument text, which policykg reads through
LibreOffice.  Each conversion
must read as the Word file reads: its title, region, tasks with their lead and supporting units,
projects and indicators.  The .docx is built in tmp_path with python-docx; the tests skip when
LibreOffice (soffice) or pandoc is not installed (Debian: libreoffice-writer-nogui, pandoc, and
fonts-noto-cjk for the Chinese glyphs)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
pytest.importorskip("pdfplumber")

from policykg.loaders.formats import read_document  # noqa: E402
from policykg.loaders.plan import load_plan  # noqa: E402
from tests.loaders.handmade import DIVISION_HEADER  # noqa: E402

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PANDOC = shutil.which("pandoc")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
needs_pandoc = pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")

TITLE = "青山县“十四五”残疾人事业发展规划"
BOX = ["最低生活保障  将符合条件的残疾人家庭全部纳入最低生活保障范围，符合条件的低保边缘家庭中的残疾人，经本人申请参照单人户纳入低保。",
       "残疾人信息消费优惠  对残疾人使用语音、流量、宽带等信息消费套餐给予半价以上优惠，减免残疾人使用助残公益类移动互联网应用流量资费。",
       "困难残疾人走访探视服务  村（居）民委员会和残疾人协会对困难残疾人开展经常性走访探视，发现问题及时反馈、协助解决。"]
DIVISION = [["序号", "重点任务", "牵头单位", "配合单位"],
            ["1", "完善低保制度，将符合条件的残疾人纳入最低生活保障范围。", "县民政局", "县财政局、县残联"],
            ["2", "落实残疾人信息消费支持，合理降低残疾人使用固定电话、移动电话、宽带网络等信息消费资费。",
             "中国移动通信集团青山分公司\n中国电信股份有限公司青山分公司\n中国联通青山分公司", "县工信局"],
            ["3", "加强康复服务，实施精准康复服务行动。", "县卫健局", "县残联"]]
INDICATORS = [["指标", "2020年", "2025年", "属性"],
              ["城乡残疾人职业技能培训人数（人次）", "——", "800", "预期性"],
              ["困难残疾人生活补贴覆盖率（%）", "100", "100", "约束性"]]


def word_file(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph("一、主要指标")
    table(d, INDICATORS, widths=None)
    d.add_paragraph("二、主要任务")
    d.add_paragraph("（一）健全社会保障体系")
    d.add_paragraph("1.强化兜底保障。将符合条件的残疾人纳入保障范围。（牵头单位：县民政局；配合单位：县财政局）")
    box = d.add_table(rows=1, cols=1)
    box.style = "Table Grid"
    cell = box.cell(0, 0)
    cell.text = "专栏1  残疾人社会保障项目"
    for item in BOX:
        cell.add_paragraph(item)
    d.add_paragraph("2.加强康复服务。实施精准康复服务行动。（牵头单位：县卫健局；配合单位：县残联）")
    d.add_paragraph("三、保障措施")
    d.add_paragraph("加强组织领导，完善工作机制。")
    d.add_paragraph("附件")
    d.add_paragraph("重点工作任务分工表")
    table(d, DIVISION, widths=(0.5, 3.0, 1.4, 1.2))  # a narrow lead column: its names wrap
    d.save(str(path))
    return path


def table(d, rows, widths) -> None:
    from docx.shared import Inches
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = t.cell(r, c)
            first, *rest = text.split("\n")
            cell.text = first
            for part in rest:
                cell.add_paragraph(part)
            if widths:
                cell.width = Inches(widths[c])


def units_read(record) -> list[tuple[str, list[str], list[str]]]:
    """Each task's title, leads and supporters, as a reader checks them."""
    return [(t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
            for t in record.tasks()]


def load_lines(tmp_path: Path, lines: list[str]):
    """The plan printed as `lines` of a text file, read."""
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_plan(path)


def reading(record) -> dict:
    return dict(
        title=record.title, region=record.region.name if record.region else None,
        tasks=[(t.no, t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
               for t in record.tasks()],
        projects=[p.title for p in record.projects()],
        indicators=[(i.name, i.unit, i.baseline.printed if i.baseline else None,
                     i.target.printed if i.target else None, i.attribute) for i in record.indicators])


def soffice(src: Path, fmt: str, tmp_path: Path) -> Path:
    out = tmp_path / fmt
    env = dict(os.environ, HOME=str(tmp_path))  # its own profile, never the user's
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", fmt, "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=180, env=env)
    return out / f"{src.stem}.{fmt.split(':')[0]}"


@pytest.fixture
def word(tmp_path) -> tuple[Path, dict]:
    path = word_file(tmp_path / "plan.docx")
    want = reading(load_plan(path))
    assert want["projects"] == ["最低生活保障", "残疾人信息消费优惠", "困难残疾人走访探视服务"]
    assert ("2", "落实残疾人信息消费支持", ["中国移动通信集团青山分公司", "中国电信股份有限公司青山分公司", "中国联通青山分公司"],
            ["县工业和信息化局"]) in [(no, title[:11], lead, sup) for no, title, lead, sup in want["tasks"]]
    assert ("城乡残疾人职业技能培训人数", "人次", "——", "800", "预期性") in want["indicators"]
    return path, want


@needs_soffice
@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_libreoffices_pdf_and_web_page_read_as_the_word_file(tmp_path, word, fmt):
    # before: the PDF read the second box item into the first when its last line ended at the
    # cell's edge, 中国电信…青山分公司中国联通青山分公司 as one lead and —— as ————; the web page read
    # the box as one project (LibreOffice's line breaks at spaces read as no space)
    path, want = word
    assert reading(load_plan(soffice(path, fmt, tmp_path))) == want


def closed(path: Path) -> Path:
    """The Word file ending in a paragraph, as Word always ends one (python-docx lets a table end
    it, which LibreOffice's .doc export flattens into one paragraph of its cells' text)."""
    d = docx.Document(str(path))
    d.add_paragraph("")
    d.save(str(path))
    return path


@needs_soffice
@pytest.mark.parametrize("fmt, name, media_type", [
    ("doc", "plan.doc", "application/msword"),
    ("doc", "plan.wps", "application/msword"),  # WPS saves Word's binary format under its own name
    ("rtf", "plan.rtf", "application/rtf"),
    ("odt", "plan.odt", "application/vnd.oasis.opendocument.text"),
    ("xml:MS Word 2003 XML", "plan.doc", "application/xml"),  # Word's XML, often saved under .doc
], ids=["doc", "wps", "rtf", "odt", "word-2003-xml"])
def test_the_word_file_saved_as_doc_wps_rtf_or_odt_reads_as_the_word_file(tmp_path, word, fmt, name, media_type):
    # before: refused ("an old binary Word .doc (or WPS) file; save it as .docx"), though sites
    # publish plans as .doc and WPS files as often as .docx: now read through LibreOffice
    import hashlib
    path, want = word
    saved = soffice(closed(path), fmt, tmp_path).rename(tmp_path / name)
    record = load_plan(saved)
    assert reading(record) == want
    assert (record.document.file_name, record.document.media_type) == (name, media_type)
    assert record.document.sha256 == hashlib.sha256(saved.read_bytes()).hexdigest()  # the file's own
    assert [t.span.line for t in record.tasks()] == [t.span.line for t in load_plan(path).tasks()]


@needs_soffice
def test_a_doc_file_reads_the_same_twice(tmp_path, word):
    # the .docx LibreOffice writes holds the time it was made: nothing of it may reach the graph
    from policykg.graph.build import build_plan_graph
    from policykg.graph.serialize import trig_block
    path, _ = word
    saved = soffice(closed(path), "doc", tmp_path)
    first, second = (build_plan_graph(load_plan(saved)) for _ in range(2))
    assert trig_block(str(first.graph_iri), first.graph) == trig_block(str(second.graph_iri), second.graph)


@needs_soffice
def test_a_damaged_doc_file_is_refused_saying_libreoffice_cannot_convert_it(tmp_path):
    from policykg.errors import InputError
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(InputError, match=r"plan[.]doc: is an old binary Word [.]doc \(or WPS\) file, which LibreOffice "
                                         r"cannot convert \(a damaged or unsupported file: Error: source file "
                                         r"could not be loaded\); open it in Word or WPS and save it as [.]docx or PDF$"):
        load_plan(path)


def test_without_libreoffice_a_doc_file_is_refused_saying_what_reads_it(tmp_path, monkeypatch):
    from policykg.errors import InputError
    monkeypatch.setenv("POLICYKG_SOFFICE", str(tmp_path / "no-such-program"))
    for name, what in (("plan.doc", r"an old binary Word [.]doc \(or WPS\) file"), ("plan.rtf", "an RTF document")):
        path = tmp_path / name
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) if name.endswith(".doc")
                         else b"{\\rtf1\\ansi \\par }")
        with pytest.raises(InputError, match=rf"{name.replace('.', '[.]')}: is {what}; policykg reads it through "
                                             r"LibreOffice, which is not installed \(Debian: apt-get install "
                                             r"libreoffice-writer-nogui; or set POLICYKG_SOFFICE\), or open it in "
                                             r"Word or WPS and save it as [.]docx or PDF"):
            load_plan(path)


@needs_pandoc
def test_pandocs_web_page_reads_as_the_word_file(tmp_path, word):
    # before: pandoc's page wrote each box item's two spaces as one line break, read as no space: the
    # box read as one project
    path, want = word
    out = tmp_path / "pandoc.html"
    subprocess.run([PANDOC, str(path), "-s", "--metadata", "pagetitle=plan", "-o", str(out)],
                   check=True, capture_output=True, timeout=120)
    assert reading(load_plan(out)) == want



TASKS = {"健全社会保障体系": ["1.强化兜底保障。将符合条件的残疾人纳入保障范围。（牵头单位：县民政局；配合单位：县财政局）",
                          "2.加强康复服务。实施精准康复服务行动。（牵头单位：县卫健局；配合单位：县残联）"],
         "促进残疾人就业": ["1.扶持就业创业。落实残疾人就业扶持政策。（牵头单位：县人社局；配合单位：县残联）"]}


def styled_word_file(path: Path, *, chapters_typed: bool = False, sections=TASKS) -> Path:
    """A plan whose chapters and sections print no number: Heading 1 and Heading 2 styles alone mark
    them (with `chapters_typed`, the chapters' numbers typed, 一、, and only the sections' left to
    their style); its tasks are typed 1. 2. under the sections.  Its title is long, set large and
    centred (Word's Title style): it wraps."""
    d = docx.Document()
    d.add_paragraph("青山县“十四五”残疾人事业发展规划暨二〇三五年远景目标纲要", style="Title")
    d.add_paragraph("为加快推进残疾人事业高质量发展，根据有关规划，结合我县实际，制定本规划。")
    for c, chapter in enumerate(["发展基础", "主要指标", "主要任务", "保障措施"]):
        d.add_paragraph(f"{'一二三四'[c]}、{chapter}" if chapters_typed else chapter, style="Heading 1")
        if chapter == "主要指标":
            d.add_paragraph("“十四五”时期残疾人事业发展主要指标")
            table(d, INDICATORS, widths=None)
        elif chapter == "主要任务" and sections:
            for section, tasks in sections.items():
                d.add_paragraph(section, style="Heading 2")
                for task in tasks:
                    d.add_paragraph(task)
        else:
            d.add_paragraph("“十三五”时期，全县残疾人事业取得长足发展，残疾人生活水平明显提高。")
    d.save(str(path))
    return path


@needs_soffice
@pytest.mark.parametrize("chapters_typed", [False, True])
def test_libreoffices_pdf_of_headings_marked_by_style_alone_reads_as_the_word_file(tmp_path, chapters_typed):
    # before: the PDF has no styles, and its headings (发展基础, 健全社会保障体系) were read as
    # paragraphs: the tasks' own 1. 2. were taken for the chapters, no task, no title read.  A
    # heading is read from its type (one short line, larger or bolder than the text), ranked by it;
    # with the chapters typed 一、, the sections below them by their type
    path = styled_word_file(tmp_path / "plan.docx", chapters_typed=chapters_typed)
    record = load_plan(path)
    want = reading(record)
    assert [(no, lead, sup) for no, _, lead, sup in want["tasks"]] == [
        ("1", ["县民政局"], ["县财政局"]), ("2", ["县卫生健康局"], ["县残疾人联合会"]),
        ("1", ["县人力资源和社会保障局"], ["县残疾人联合会"])]
    pdf = load_plan(soffice(path, "pdf", tmp_path))
    assert reading(pdf) == want
    assert pdf.title == "青山县“十四五”残疾人事业发展规划暨二〇三五年远景目标纲要"
    assert [(c.no, c.title) for c in pdf.chapters] == [(c.no, c.title) for c in record.chapters]
    assert [(s.no, s.title) for c in pdf.chapters for s in c.sections] == [("一", "健全社会保障体系"),
                                                                           ("二", "促进残疾人就业")]
    assert not pdf.warnings


@needs_soffice
def test_a_pdf_of_headings_set_apart_that_reads_no_task_says_so_with_the_line(tmp_path):
    # its chapters by style, the task chapter's text without numbered tasks: the lines set as
    # headings are said, with the first's line, beside the plan's having no task
    path = soffice(styled_word_file(tmp_path / "plan.docx", sections={}), "pdf", tmp_path)
    pdf = load_plan(path)
    assert pdf.tasks() == []
    said = [g for g in pdf.warnings if "set as headings" in g.message]
    assert len(said) == 1 and "'发展基础'" in said[0].message
    assert read_document(path).lines[said[0].line - 1].endswith("发展基础")


PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (Debian: poppler-utils) is not installed")


@needs_soffice
@needs_pdftotext
def test_corpus_plans_printed_to_pdf_and_extracted_by_pdftotext_read_as_printed(tmp_path, corpus_paths):
    """A plan's text as users get it from a PDF with pdftotext, in each of its modes (-layout, -raw,
    and the default): lines cut at the page's width, a table one cell a line or a row a line, cells
    one space apart, a letter-spaced header cell (指　标) one character a line.  Before, two plans'
    indicator tables and three box projects were lost and nothing said.  The plans whose text holds
    no Word bookmark debris (a PDF would not print it) are printed: 000 and 002 read as their text
    files; 001's indicator table (a single-spaced header over rows whose cells go over one line or
    two) is not read, and said."""
    plans = [p for p in corpus_paths if p.name.startswith(("000", "001", "002"))]
    env = dict(os.environ, HOME=str(tmp_path))
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    subprocess.run([SOFFICE, profile, "--headless", "--infilter=Text (encoded):UTF8,,,", "--convert-to", "docx",
                    "--outdir", str(tmp_path / "docx"), *map(str, plans)], check=True, capture_output=True,
                   timeout=300, env=env)
    subprocess.run([SOFFICE, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                    *sorted(map(str, (tmp_path / "docx").glob("*.docx")))], check=True, capture_output=True,
                   timeout=300, env=env)
    for path in plans:
        want = reading(load_plan(path))
        for mode in ("-layout", "-raw", None):
            out = tmp_path / f"{path.stem}{mode or ''}.txt"
            subprocess.run([PDFTOTEXT, *([mode] if mode else []), "-enc", "UTF-8", str(tmp_path / "pdf" / f"{path.stem}.pdf"),
                            str(out)], check=True, capture_output=True, timeout=120)
            record = load_plan(out)
            got = reading(record)
            if path.name.startswith("001"):
                assert (got["indicators"], len(want["indicators"])) == ([], 14)
                assert [g.kind for g in record.warnings] == ["table"], (mode, record.warnings)
                assert "14 line(s)" in record.warnings[0].message
                got["indicators"] = want["indicators"]
            assert got == want, (path.name, mode)


@needs_soffice
@needs_pdftotext
def test_the_word_file_printed_to_pdf_and_extracted_by_pdftotext_reads_as_the_word_file_or_says(tmp_path, word):
    """The Word file's tables printed to PDF and extracted by pdftotext: -layout prints each row's
    cells wrapped inside their columns, read as the Word file reads (before: the division table's
    first task cut at its first line, the others lost, the second indicator lost); -raw cuts the
    rows into the prose's lines: the division table is said not read (before: nothing said)."""
    path, want = word
    pdf = soffice(closed(path), "pdf", tmp_path)
    texts = {}
    for mode in ("-layout", "-raw"):
        texts[mode] = tmp_path / f"plan{mode}.txt"
        subprocess.run([PDFTOTEXT, mode, "-enc", "UTF-8", str(pdf), str(texts[mode])], check=True,
                       capture_output=True, timeout=120)
    assert reading(load_plan(texts["-layout"])) == want
    raw = load_plan(texts["-raw"])
    assert any(g.message.startswith("a table's header naming a column of units (序号 | 重点任务 | 牵头单位 | 配合单位)")
               for g in raw.warnings)
    assert any("no table was read there" in g.message for g in raw.warnings)  # the indicator table's rows


@needs_soffice
def test_the_word_file_saved_as_text_by_libreoffice_reads_as_it_or_says(tmp_path, word):
    """Saved as text (LibreOffice's or Word's 纯文本), a table prints each cell on a line of its own, a
    cell of several paragraphs over several lines, nothing marking where a cell ends: the division
    row whose lead cell names three companies, one a line, reads its first as the lead and the
    others as supporters, and says so (before: read so, nothing said).  All else reads as the Word file."""
    path, want = word
    record = load_plan(soffice(closed(path), "txt:Text (encoded):UTF8", tmp_path))
    got = reading(record)
    assert {k: v for k, v in got.items() if k != "tasks"} == {k: v for k, v in want.items() if k != "tasks"}
    companies = ["中国移动通信集团青山分公司", "中国电信股份有限公司青山分公司", "中国联通青山分公司"]
    row2 = [(no, lead, sup) for no, title, lead, sup in got["tasks"] if title.startswith("落实残疾人信息消费")]
    assert row2 == [("2", companies[:1], companies[1:] + ["县工业和信息化局"])]
    assert [t for t in got["tasks"] if not t[1].startswith("落实残疾人信息消费")] == \
        [t for t in want["tasks"] if not t[1].startswith("落实残疾人信息消费")]
    assert [g.message.split(":")[0] for g in record.warnings] == [
        "division table row 2 prints its units one a line, more lines than columns of units, and no mark where a "
        "cell ends"]


@needs_pandoc
@pytest.mark.parametrize("to", ["plain", "markdown"])
def test_pandocs_text_of_the_word_file_reads_as_it(tmp_path, word, to):
    """pandoc's text of the Word file (`pandoc plan.docx -t plain`, or Markdown): its division table
    and its box drawn with +---+ and |, its indicator table set out under dashes, a row a blank line
    apart, read as the Word file's (before: the tables said unread and the box read into the task
    above it, nothing said).  Markdown writes the —— of a missing value as ------, and the title's
    quotes straight: the rest is the Word file's."""
    path, want = word
    out = tmp_path / f"pandoc-{to}.txt"
    subprocess.run([PANDOC, str(path), "-t", to, "-o", str(out)], check=True, capture_output=True, timeout=120)
    record = load_plan(out)
    got = reading(record)
    if to == "markdown":
        assert got["indicators"][0][2] == "------"
        got["indicators"][0] = want["indicators"][0][:2] + ("——",) + want["indicators"][0][3:]
        got["title"] = got["title"].replace('"十四五"', "“十四五”")
    assert got == want
    assert record.warnings == []


#: a plan's tables as real plans set them: the indicators' 类别 merged down, a 单位 column, ≥95% and ——;
#: the division table's cells centred in their rows, its first row one line high, long enough to
#: cross a page
CATEGORY_INDICATORS = [["类别", "指标", "单位", "2020年", "2025年", "属性"],
                       ["残疾人保障", "困难残疾人生活补贴覆盖率", "%", "100", "≥95%", "约束性"],
                       ["", "重度残疾人护理补贴覆盖率", "%", "100", "100", "约束性"],
                       ["残疾人发展", "城乡残疾人职业技能培训人数", "人次", "——", "800", "预期性"],
                       ["", "残疾儿童少年义务教育入学率", "%", "95", ">97", "约束性"]]
CENTRED_DIVISION = [DIVISION[0], ["1", "推进无障碍。", "县住建局", "县残联"],
                    ["2", "加强康复服务，实施精准康复服务行动。", "县卫健局", "县残联"],
                    ["3"] + DIVISION[2][1:], ["4", "发展特殊教育。", "县教育局", "县残联"]] + [
    [str(k), f"推进第{k}项重点工作，完善相关制度机制，加强组织协调。", "县民政局", "县财政局、县残联"] for k in range(5, 16)]


def set_word_file(path: Path) -> Path:
    from docx.enum.table import WD_ALIGN_VERTICAL
    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph("一、主要指标")
    t = d.add_table(rows=len(CATEGORY_INDICATORS), cols=6)
    t.style = "Table Grid"
    for r, row in enumerate(CATEGORY_INDICATORS):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    for top in (1, 3):
        t.cell(top, 0).merge(t.cell(top + 1, 0))
    d.add_paragraph("二、主要任务")
    d.add_paragraph("（一）健全社会保障体系")
    d.add_paragraph("1.强化兜底保障。将符合条件的残疾人纳入保障范围。（牵头单位：县民政局；配合单位：县财政局）")
    box = d.add_table(rows=1, cols=1)
    box.style = "Table Grid"
    box.cell(0, 0).text = "专栏1  残疾人社会保障项目"
    for item in BOX[:2]:
        box.cell(0, 0).add_paragraph(item)
    d.add_paragraph("2.加强康复服务。实施精准康复服务行动。（牵头单位：县卫健局；配合单位：县残联）")
    d.add_paragraph("三、保障措施")
    d.add_paragraph("加强组织领导，完善工作机制。")
    d.add_paragraph("附件")
    d.add_paragraph("重点工作任务分工表")
    table(d, CENTRED_DIVISION, widths=(0.5, 3.0, 1.4, 1.2))
    for row in d.tables[-1].rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    d.add_paragraph("")
    d.save(str(path))
    return path


@needs_soffice
@needs_pdftotext
def test_a_plan_whose_tables_are_set_as_plans_set_them_read_from_pdftotext_as_the_word_file_or_said(tmp_path):
    """-layout: the division table's cells centred in their rows (before: row 2's first line read
    as row 1's, row 3's units cut, nothing said), the table crossing a page where pdftotext lays
    its columns out anew (before: the rows on the next page lost, the last row before it cut), the
    indicators' category merged down (before: two rows read as one, said only as an attribute
    not read) read as the Word file.  -raw: the rows cut over lines after the first are said
    (before: lost, nothing said); default mode: the table printed a column after another is said
    (before: lost, nothing said)."""
    path = set_word_file(tmp_path / "plan.docx")
    want = reading(load_plan(path))
    assert want["tasks"][2] == ("1", "推进无障碍", ["县住房和城乡建设局"], ["县残疾人联合会"])
    assert len(want["tasks"]) == 17 and len(want["indicators"]) == 4
    pdf = soffice(path, "pdf", tmp_path)
    texts = {}
    for mode in ("-layout", "-raw", None):
        texts[mode] = tmp_path / f"plan{mode or ''}.txt"
        subprocess.run([PDFTOTEXT, *([mode] if mode else []), "-enc", "UTF-8", str(pdf), str(texts[mode])],
                       check=True, capture_output=True, timeout=120)
    layout = load_plan(texts["-layout"])
    assert "\f" in texts["-layout"].read_text(encoding="utf-8").split("重点工作任务分工表")[1]  # it crosses a page
    assert reading(layout) == want
    assert layout.warnings == []
    raw = load_plan(texts["-raw"])
    lines = texts["-raw"].read_text(encoding="utf-8").splitlines()
    cut = [g for g in raw.warnings if g.message.startswith("a table's rows stop at line")]
    assert len(cut) == 1 and lines[cut[0].line - 1] == "2"
    default = load_plan(texts[None])
    lines = texts[None].read_text(encoding="utf-8").splitlines()
    alone = [g for g in default.warnings if g.message.startswith("a table's column of units named alone")]
    assert len(alone) == 1 and lines[alone[0].line - 1] == "牵头单位"


def official_word_file(path: Path, paragraphs: list[str], *, size: float = 16, tables: dict | None = None) -> Path:
    """A Word file set as official documents are (GB/T 9704): an A4 page of 156 mm text width, 三号
    (16 pt) type, so a line holds 28 characters; each paragraph indented two characters, the title
    centred.  `tables` maps a paragraph's index to the rows of a table printed after it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.size = Pt(size)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Sans CJK SC")
    normal.paragraph_format.space_after = Pt(0)
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Mm(28), Mm(26), Mm(37), Mm(35)
    for k, text in enumerate(paragraphs):
        p = d.add_paragraph(text)
        if k == 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.paragraph_format.first_line_indent = Pt(2 * size)
        if tables and k in tables:
            table(d, tables[k], widths=None)
    d.add_paragraph("")
    d.save(str(path))
    return path


def set_table(d, rows: list[list[str]], widths: tuple[float, ...], centred: bool = False,
              merged: tuple[tuple[int, int, int], ...] = ()):
    """A table of `rows` whose columns are `widths` inches wide (LibreOffice lays a table out by its
    grid's widths), its cells centred in their rows where `centred`, and each (column, top, bottom)
    of `merged` one cell merged down, printing its top cell's text."""
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.shared import Inches
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    t.autofit = False
    for c, w in enumerate(widths):
        t.columns[c].width = Inches(w)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = t.cell(r, c)
            cell.text = text
            cell.width = Inches(widths[c])
            if centred:
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    for c, top, bottom in merged:
        t.cell(top, c).merge(t.cell(bottom, c)).text = rows[top][c]
    return t


def pdftotext_of(paths: list[Path], tmp_path: Path, mode: str | None) -> list[Path]:
    """The Word files printed to PDF by LibreOffice, and their text as pdftotext extracts it in
    `mode` (-layout, -raw, or None: its default)."""
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, paths)], check=True, capture_output=True,
                   timeout=300, env=env)
    out = []
    for path in paths:
        out.append(tmp_path / f"{path.stem}{mode or ''}.txt")
        subprocess.run([PDFTOTEXT, *([mode] if mode else []), "-enc", "UTF-8", str(tmp_path / "pdf" / f"{path.stem}.pdf"),
                        str(out[-1])], check=True, capture_output=True, timeout=120)
    return out


#: names long enough to wrap over two to four lines in a column 1.6 inches wide
WRAPPING_NAMES = ["城乡残疾人职业技能培训人数（人次）", "困难残疾人生活补贴和重度残疾人护理补贴的发放覆盖率（%）",
                  "残疾人家庭无障碍改造完成户数占当年申请改造户数的比例（%）", "持证残疾人及残疾儿童基本康复服务覆盖率（%）",
                  "城乡残疾人基本医疗保险和基本养老保险的参保率（%）", "残疾人辅助器具适配率（%）"]


def indicator_rows(n: int) -> list[list[str]]:
    return [["指标", "2020年", "2025年", "属性"]] + [
        [WRAPPING_NAMES[k % 6], ["——", "100", "95", "85"][k % 4], ["800", "100", ">97", "≥90%"][k % 4],
         ["预期性", "约束性"][k % 2]] for k in range(n)]


def division_rows(n: int) -> list[list[str]]:
    units = ["县民政局", "县卫健局", "县住建局", "县教育局", "县人社局", "县财政局", "县残联", "县交通运输局", "县文旅局",
             "县医保局"]
    return [DIVISION_HEADER] + [
        [str(k), f"推进第{k}项重点工作，完善相关制度机制，加强组织协调，确保各项措施落实到位。" if k % 2 else f"落实第{k}项工作。",
         units[k % 10], f"{units[(k + 5) % 10]}、{units[(k + 6) % 10]}", ["2022年底前", "长期坚持", "2025年"][k % 3]]
        for k in range(1, n + 1)]


def padded_plan(path: Path, lines_before: int, *, indicators=None, division=None, widths=(), centred=False,
                merged=()) -> Path:
    """A plan whose indicator table (under 一、主要指标) or task-division table (in its annex) follows
    `lines_before` one-line paragraphs: moved so down the page, the table crosses the page's foot at
    another of its rows' lines."""
    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph("一、主要指标")
    if indicators:
        for _ in range(lines_before):
            d.add_paragraph("加强组织领导，完善工作机制。")
        d.add_paragraph("“十四五”时期残疾人事业发展主要指标")
        set_table(d, indicators, widths, centred, merged)
    d.add_paragraph("二、主要任务")
    d.add_paragraph("（一）健全社会保障体系")
    d.add_paragraph("1.强化兜底保障。将符合条件的残疾人纳入保障范围。（牵头单位：县民政局；配合单位：县财政局）")
    d.add_paragraph("2.加强康复服务。实施精准康复服务行动。（牵头单位：县卫健局；配合单位：县残联）")
    d.add_paragraph("三、保障措施")
    d.add_paragraph("加强组织领导，完善工作机制。")
    if division:
        d.add_paragraph("附件")
        d.add_paragraph("重点工作任务分工表")
        for _ in range(lines_before):
            d.add_paragraph("加强组织领导，完善工作机制。")
        set_table(d, division, widths, centred, merged)
    d.add_paragraph("")
    d.save(str(path))
    return path


def goes_on_past_the_page(text: str, header: str, starts: tuple[str, ...]) -> bool:
    """Does a row of the table under `header` go on past a page's foot: the first line at a page's
    top in the table opens with no row's text (`starts`: how its rows' cells open) nor a number?"""
    table = text[text.index(header):]
    for page in table.split("\f")[1:]:
        first = page.strip().split("\n")[0].split()[0] if page.strip() else ""
        if first and not first.isdecimal() and not any(s.startswith(first) or first.startswith(s) for s in starts):
            return True
    return False


@needs_soffice
@needs_pdftotext
def test_centred_tables_over_a_page_read_from_pdftotext_layout_as_the_word_file(tmp_path):
    """-layout of tables whose cells are centred in their rows: an indicator table, its names over
    two to four lines (a name of two prints none on its row's line, its values alone there), and a
    task-division table, each moved down the page line by line so that it crosses the page's foot at
    every place in a row.  A row going on past the foot prints its cells from its top there, and
    the lines they go on with come first at the next page's top.  Before: the indicator table said
    (its lines ending in 约束性 not read), and a table whose row went on past the foot said (read
    neither as from its top nor as centred); now each reads as the Word file, nothing said."""
    paths = [padded_plan(tmp_path / f"indicators{k}.docx", k, indicators=indicator_rows(12), widths=(1.6, 1.0, 1.0, 1.0),
                         centred=True) for k in range(33, 41)]
    paths += [padded_plan(tmp_path / f"division{k}.docx", k, division=division_rows(8),
                          widths=(0.5, 2.0, 1.0, 1.2, 1.0), centred=True) for k in range(33, 41)]
    broken = set()
    for path, text in zip(paths, pdftotext_of(paths, tmp_path, "-layout")):
        want = reading(load_plan(path))
        got = load_plan(text)
        assert reading(got) == want, path.name
        assert [g for g in got.warnings if g.kind == "table"] == [], path.name
        printed = text.read_text(encoding="utf-8")
        if path.stem.startswith("indicators"):
            assert len(want["indicators"]) == 12
            if goes_on_past_the_page(printed, "指标", tuple(WRAPPING_NAMES)):
                broken.add("indicators")
        else:
            assert len(want["tasks"]) == 10
            if goes_on_past_the_page(printed, "序号", ("推进第", "落实第", "县")):
                broken.add("division")
    assert broken == {"indicators", "division"}  # a row of each went on past a page's foot


CATEGORY_NAMES = [["类别", "指标", "2020年", "2025年", "属性"]] + [
    [["残疾人保障", "残疾人发展"][k // 6] if k % 6 == 0 else "", WRAPPING_NAMES[k % 6], *row[1:]]
    for k, row in enumerate(indicator_rows(12)[1:])]


@needs_soffice
@needs_pdftotext
def test_an_indicator_table_whose_category_wraps_and_is_merged_down_reads_from_pdftotext_layout(tmp_path):
    """-layout of an indicator table whose category (类别, merged down over six rows) wraps in its
    narrow column (残疾人保 / 障) beside the name's wrapped line: before, that line was read as a row
    of its own (an indicator 培训人数 with no values, the row above's name cut), nothing said.  A
    row's line prints a cell of the columns after its names.  And crossing a page, where the
    category merged down from the page above prints nothing: before, said (no line printing every
    column); now its column stands just before the name's.  Each reads as the Word file."""
    paths = [padded_plan(tmp_path / f"plan{k}.docx", k, indicators=CATEGORY_NAMES, widths=(0.9, 1.6, 0.8, 0.8, 0.8),
                         merged=((0, 1, 6), (0, 7, 12))) for k in (0, 36, 40)]
    for path, text in zip(paths, pdftotext_of(paths, tmp_path, "-layout")):
        want = reading(load_plan(path))
        assert want["indicators"][0] == ("城乡残疾人职业技能培训人数", "人次", "——", "800", "预期性")
        got = load_plan(text)
        assert reading(got) == want, path.name
        assert [g for g in got.warnings if g.kind == "table"] == [], path.name
    assert "\f" in text.read_text(encoding="utf-8").split("类别")[1]  # the last crosses a page


def division_plan(path: Path, rows: list[list[str]], widths: tuple[float, ...], *, annex: bool) -> Path:
    """A plan whose division table stands in its annex, or as a section of its task chapter."""
    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph("一、主要任务")
    d.add_paragraph("（一）健全社会保障体系")
    d.add_paragraph("1.强化兜底保障。将符合条件的残疾人纳入保障范围。（牵头单位：县民政局；配合单位：县财政局）")
    d.add_paragraph("2.加强康复服务。实施精准康复服务行动。（牵头单位：县卫健局；配合单位：县残联）")
    if not annex:
        d.add_paragraph("（二）推进重点任务分工")
        set_table(d, rows, widths)
    d.add_paragraph("二、保障措施")
    d.add_paragraph("加强组织领导，完善工作机制。")
    if annex:
        d.add_paragraph("附件")
        d.add_paragraph("重点工作任务分工表")
        set_table(d, rows, widths)
    d.add_paragraph("")
    d.save(str(path))
    return path


@needs_soffice
def test_a_dated_clause_printed_to_pdf_at_16pt_reads_its_units_and_deadline(tmp_path):
    # before: LibreOffice (as Word and WPS do) sets a quarter character between Chinese and Western
    # text; at 三号 the gap passed for a space: (县民政局牵头，县财政局配合，2025 年底前完成) was a
    # clause not read, the task's units lost, and its title read 到2025 年
    path = official_word_file(tmp_path / "plan.docx", [
        TITLE, "一、主要任务",
        "1.完善低保制度，到2025年覆盖率达到100%。将符合条件的残疾人纳入保障范围。（县民政局牵头，县财政局配合，2025年底前完成）",
        "2.加强康复服务。实施精准康复服务行动。（县卫健局牵头，县残联配合，2023年12月底前完成）",
        "二、保障措施", "加强组织领导。"])
    want = reading(load_plan(path))
    assert [(t, lead, sup) for _, t, lead, sup in want["tasks"]] == [
        ("完善低保制度，到2025年覆盖率达到100%", ["县民政局"], ["县财政局"]),
        ("加强康复服务", ["县卫生健康局"], ["县残疾人联合会"])]
    pdf = load_plan(soffice(path, "pdf", tmp_path))
    assert reading(pdf) == want
    assert [t.deadline for t in pdf.tasks()] == ["2025年底前完成", "2023年12月底前完成"]
    assert pdf.warnings == []


def test_a_deadline_whose_numbers_stand_apart_from_its_words_is_read():
    # pdftotext prints the gap a PDF sets between a number and Chinese as a space
    from policykg.loaders.responsibilities import DEADLINE_PHRASE_RE
    for printed in ("2025 年底前完成", "2023 年 12 月底前", "2021 年-2023 年", "2022年6 月底前"):
        assert DEADLINE_PHRASE_RE.fullmatch(printed), printed


def laid_out(paragraphs: list[str], width: int = 30, first: dict[int, int] | None = None) -> str:
    """Paragraphs as pdftotext -layout prints a GB/T 9704 page: each first line indented two
    characters (two spaces), the lines after it at the margin, `width` characters a line; paragraph
    k's first line may hold `first[k]` characters (fewer: a line may break early, before a word or
    mark that may not open a line)."""
    out = []
    for k, text in enumerate(paragraphs):
        cut = min((first or {}).get(k, width - 2), width - 2)
        out.append("  " + text[:cut])
        rest = text[cut:]
        while rest:
            out.append(rest[:width])
            rest = rest[width:]
    return "\n".join(out) + "\n"


BACKGROUND = ("“十三五”时期，全县残疾人事业取得长足发展，残疾人社会保障体系和服务体系不断完善，残疾人生活水平明显提高，"
              "残疾人平等参与社会生活的环境持续改善，扶残助残的社会氛围日益浓厚，为“十四五”发展奠定了坚实基础。")


@pytest.mark.parametrize("title, first", [
    ("大力发展残疾人公益事业和服务产业鼓励群团组织、社会组织和企事业单位等实施助残慈善项目", 26),
    ("加强重大疫情等突发公共事件中对残疾人的保护工作", None)], ids=["wrapped early", "one line"])
def test_a_task_title_on_lines_of_its_own_laid_out_by_pdftotext_ends_where_its_text_is_indented(tmp_path, title, first):
    # pdftotext -layout of a plan whose tasks print their titles on lines of their own, each paragraph
    # indented two characters.  Before: the title's first line, broken two characters early, did not
    # fill the page without its indent, or the title of one line was nearly as long as the page: the
    # title and the text under it read as one paragraph, the title run on to the text's first comma
    text = laid_out([TITLE, "一、发展基础", BACKGROUND, "二、主要任务", "1.完善低保制度",
                     "将符合条件的残疾人纳入最低生活保障范围，做到应保尽保。（牵头单位：县民政局）", f"2.{title}",
                     "将志愿助残纳入全县志愿服务总体规划，逐步完善运行机制，发展壮大志愿者队伍。（牵头单位：县残联）",
                     "三、保障措施", "加强组织领导，完善工作机制。"], first={6: first} if first else None)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    record = load_plan(path)
    assert [(t.no, t.title, [u.label for u in t.units("lead")]) for t in record.tasks()] == [
        ("1", "完善低保制度", ["县民政局"]), ("2", title, ["县残疾人联合会"])]
    assert record.warnings == []


@pytest.mark.parametrize("text, lead, support", [
    ("深入开展残疾人职业技能和农村实用技术培训，加强职业培训基地建设。组织参加技能大赛，区残联负责，区总工会 区政府办公室〈区大数据局〉 区人社局配合。",
     ["区残疾人联合会"], ["区总工会", "区政府办公室", "区人力资源和社会保障局"]),
    ("完善残疾人社会救助制度，落实各项救助和帮扶政策，做到应保尽保。加强走访探视工作，区民政局负责，区财政局 各镇人民政府 区残联配合。",
     ["区民政局"], ["区财政局", "各镇人民政府", "区残疾人联合会"])], ids=["办公室", "人民政府"])
def test_a_line_wrapped_after_a_titles_last_word_goes_on(tmp_path, text, lead, support):
    # a paragraph of sentences whose full line ends with a word titles and signatures end with (办公室,
    # 人民政府), a list of units parted by spaces wrapped there: the paragraph was ended there, as a
    # title is, and its clause read as two, neither read (said, the task's units lost)
    assert text[58:61] in ("〈区大", " 区残")  # the third line opens there
    body = laid_out([TITLE.replace("县", "区"), "一、主要任务", "1.提升残疾人职业技能", text, "二、保障措施", "加强组织领导，完善工作机制。"])
    path = tmp_path / "plan.txt"
    path.write_text(body, encoding="utf-8")
    record = load_plan(path)
    assert units_read(record) == [("提升残疾人职业技能", lead, support)]
    assert [g.kind for g in record.warnings] == ["metadata"]  # 青山区: two cities have one


#: an indicator table of a GB/T 9704 page as pdftotext -layout prints it: narrow columns, the
#: category merged down and wrapped beside a wrapped name
WRAPPED_CATEGORY = """\
类别       指标        2020 年   2025 年   属性
收入和就业    1.残疾人家庭   --       与国内生产总   预期性
         人均收入年均             值增长基本同
         增速（%）              步
社会保障和基   2.符合条件的   100%     100%     约束性
本公共服务    残疾人纳入最
         低生活保障比
         例（%）
         3.困难残疾人   100%     100%     约束性
         生活补贴覆盖
         率（%）
"""
#: …and the names running to the value's column, one space before it
NAME_TO_VALUE = """\
指标          2025 年   属性
1.残疾人家庭人均   >7.5     预期性
收入年均增长
（%）
10.残疾人辅助器具 >90     约束性
适配率（%）
11.困难重度残疾人 ≥362    约束性
家庭无障碍改造数
（户）
"""


@pytest.mark.parametrize("table, want", [
    (WRAPPED_CATEGORY, [("1", "收入和就业", "残疾人家庭人均收入年均增速", "%", "--", "与国内生产总值增长基本同步", "预期性"),
                        ("2", "社会保障和基本公共服务", "符合条件的残疾人纳入最低生活保障比例", "%", "100%", "100%", "约束性"),
                        ("3", "社会保障和基本公共服务", "困难残疾人生活补贴覆盖率", "%", "100%", "100%", "约束性")]),
    (NAME_TO_VALUE, [("1", "", "残疾人家庭人均收入年均增长", "%", None, ">7.5", "预期性"),
                     ("10", "", "残疾人辅助器具适配率", "%", None, ">90", "约束性"),
                     ("11", "", "困难重度残疾人家庭无障碍改造数", "户", None, "≥362", "约束性")])],
    ids=["category and name wrapped", "name to the value's column"])
def test_an_indicator_table_of_narrow_columns_laid_out_by_pdftotext_reads_each_row(tmp_path, table, want):
    # before: a line printing the rest of a category and of a name that both wrapped (本公共服务  残疾人
    # 纳入最) was taken for a row's line: indicator 2 read as 符合条件的 with no unit, and a row
    # 残疾人纳入最低生活保障比例 of no value invented, nothing said; a name running to the value's column
    # (10.残疾人辅助器具 >90) ended the table there: the rows from it said, not read
    text = "\n".join([TITLE, "一、主要指标", table.rstrip(), "二、主要任务", "1.完善低保制度。将符合条件的残疾人纳入保障范围。（牵头单位：县民政局）",
                      "三、保障措施", "加强组织领导。"]) + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    record = load_plan(path)
    assert [(i.no, i.category, i.name, i.unit, i.baseline and i.baseline.printed, i.target and i.target.printed,
             i.attribute) for i in record.indicators] == want
    assert record.warnings == []


#: …crossing a page: pdftotext lays the next page out anew, the category column (merged down, no
#: category starting there) printing nothing, the names at the page's margin; a name opening with
#: its number where the row's target is empty
CATEGORY_OVER_A_PAGE = """\
类别     指标     2020 年   2025 年   属性
收入和就   1.残疾人家 ——       与国内生     预期性
业      庭人均收            产总值增
       入年均增            长基本同
       长（%）            步
社会保障   3.符合条件 100      100      约束性
和基本公   的残疾人
共服务    纳入最低
       生活保障
       比例
       （%）
       5.重度残疾 100      100      约束性
       人护理补
\f贴覆盖率
（%）
6.残疾人城 99.5      100   预期性
乡居民基
本养老保
险参保
（%）
11.困难重 ——            约束性
度残疾人
"""


def test_an_indicator_table_whose_category_prints_nothing_on_the_next_page_reads_each_row(tmp_path):
    # before: the next page's lines stood in the columns above one column too far left (the names in
    # the category's), the wrapped category and name lines (业  庭人均收) were taken for rows' lines,
    # and a row whose target is empty was no row's line: the table said, not read
    text = "\n".join([TITLE, "一、主要指标", CATEGORY_OVER_A_PAGE.rstrip(), "二、主要任务",
                      "1.完善低保制度。将符合条件的残疾人纳入保障范围。（牵头单位：县民政局）", "三、保障措施", "加强组织领导。"]) + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    record = load_plan(path)
    assert [(i.no, i.category, i.name, i.unit, i.baseline and i.baseline.printed, i.target and i.target.printed,
             i.attribute) for i in record.indicators] == [
        ("1", "收入和就业", "残疾人家庭人均收入年均增长", "%", "——", "与国内生产总值增长基本同步", "预期性"),
        ("3", "社会保障和基本公共服务", "符合条件的残疾人纳入最低生活保障比例", "%", "100", "100", "约束性"),
        ("5", "社会保障和基本公共服务", "重度残疾人护理补贴覆盖率", "%", "100", "100", "约束性"),
        ("6", "社会保障和基本公共服务", "残疾人城乡居民基本养老保险参保", "%", "99.5", "100", "预期性"),
        ("11", "社会保障和基本公共服务", "困难重度残疾人", "", "——", None, "约束性")]
    assert record.warnings == []


def test_a_list_of_names_parted_by_spaces_wrapped_at_a_space_laid_out_by_pdftotext(tmp_path):
    # pdftotext -layout prints no space where a line wrapped: a list of units parted by spaces,
    # wrapped after a lead's mark (区乡村振兴局* / 区残联) or after a whole name (区教育局 / 人力资源和社会
    # 保障局), read two bodies as one (区乡村振兴局*区残联 a lead, 区教育局人力资源和社会保障局), nothing said
    lines = ["  " + TITLE.replace("县", "区"), "  一、主要任务", "  1.巩固拓展脱贫攻坚成果。健全防止返贫监测和帮扶机",
             "制，将符合条件的残疾人纳入监测范围。（责任单位：区乡村振兴局*",
             "区残联 区民政局）",
             "  2.加强困难残疾人救助保障。落实困难残疾人救助政策，做",
             "到应保尽保。（责任单位：区残联* 区民政局* 区财政局 区教育局",
             "人力资源和社会保障局 区住房和城乡建设局）",
             "  3.加强无障碍环境建设。推进无障碍改造。（由区住建局负责，区委组织部",  # the next line spaced
             "机构编制委员会办公室 区住房和城乡建设局（交通局）",  # an aside closing the name
             "农牧水务局（乡村振兴局） 区文旅局协助）",
             "  二、保障措施", "  加强组织领导，完善工作机制。", MARK_NOTE]
    record = load_lines(tmp_path, lines)
    assert units_read(record) == [
        ("巩固拓展脱贫攻坚成果", ["区乡村振兴局"], ["区残疾人联合会", "区民政局"]),
        ("加强困难残疾人救助保障", ["区残疾人联合会", "区民政局"],
         ["区财政局", "区教育局", "区人力资源和社会保障局", "区住房和城乡建设局"]),
        ("加强无障碍环境建设", ["区住房和城乡建设局"],
         ["区委组织部", "区机构编制委员会办公室", "区住房和城乡建设局", "区农牧水务局", "区文化和旅游局"])]
    assert [g.kind for g in record.warnings] == ["metadata"]  # 青山区: two cities have one


MARK_NOTE = "注：带*的为牵头单位。"


def test_a_list_of_names_parted_by_spaces_wrapped_inside_a_name_reads_the_name_whole(tmp_path):
    # the rule above must not part a name cut inside at the break, its head ending as a body's name
    # may (区政府办 / 公室〈区大数据局〉, 区机构编制委 / 员会办公室, 区人力资源和社会 / 保障局): the tails are
    # no body of a kind a plan names; nor a party committee's organ (区委 / 组织部), nor a committee's
    # members (残疾人工作委员会 / 各成员单位)
    lines = [TITLE.replace("县", "区"), "一、主要任务", "1.加快发展信息无障碍。推动无障碍技术和产品的开发，",
             "区残联负责，区委网信办 区政府办", "公室〈区大数据局〉 区工信局配合。",
             "2.加强残疾人组织建设。健全残疾人组织，区残联负责，", "区委组织部 区机构编制委", "员会办公室 区人力资源和社会",
             "保障局配合。", "3.加强各级残联组织建设。发挥桥梁纽带作用，区委", "组织部 区残联负责，区民政局配合。",
             "4.营造良好氛围。（由区委宣传部 区残联负责，区融媒体中心 残疾人工作委员会", "各成员单位协助）",
             "二、保障措施", "加强组织领导，完善工作机制。"]
    record = load_lines(tmp_path, lines)
    assert units_read(record) == [
        ("加快发展信息无障碍", ["区残疾人联合会"], ["区委网信办", "区政府办公室", "区工业和信息化局"]),
        ("加强残疾人组织建设", ["区残疾人联合会"], ["区委组织部", "区机构编制委员会办公室", "区人力资源和社会保障局"]),
        ("加强各级残联组织建设", ["区委组织部", "区残疾人联合会"], ["区民政局"]),
        ("营造良好氛围", ["区委宣传部", "区残疾人联合会"], ["区融媒体中心", "残疾人工作委员会成员单位"])]


def test_a_clause_wrapped_after_its_leads_semicolon_laid_out_by_pdftotext_keeps_its_supporters(tmp_path):
    # pdftotext -layout: a clause on a paragraph of its own (GB/T 9704's indent), its line filled
    # ending with the leads' 牵头；: the paragraph was ended at the ；, and its next line (区委组织部…
    # 按照职能分工负责) read as a clause of its own: its supporters read as leads, nothing said
    lines = ["  " + TITLE, "  一、主要任务", "  1.强化残疾人就业创业政策保障。落实残疾人就业政策，严格落",
             "实按比例就业年审制度，加强残疾人就业劳动监察，按要求落实按比",
             "例就业全国联网认证。",
             "  县残疾人联合会、财政局、人力资源和社会保障局牵头；",
             "县委组织部、发展和改革委员会、税务局按照职能分工负责",
             "  2.加强康复服务。实施精准康复服务行动，做好康复救助工作。",
             "  县卫生健康局牵头；县残疾人联合会按照职能分工负责",
             "  二、保障措施", "  加强组织领导，完善工作机制。"]
    record = load_lines(tmp_path, lines)
    assert units_read(record) == [
        ("强化残疾人就业创业政策保障", ["县残疾人联合会", "县财政局", "县人力资源和社会保障局"],
         ["县委组织部", "县发展和改革委员会", "县税务局"]),
        ("加强康复服务", ["县卫生健康局"], ["县残疾人联合会"])]
    assert record.warnings == []
@needs_pdftotext
def test_a_division_table_without_a_number_column_from_pdftotext_default_mode_is_said(tmp_path):
    """pdftotext's default mode prints a table a column after another, each column's cells in runs
    of a few rows, the runs in an order of its own (row 5's unit before row 4's, a heading of the
    text among them): no rule reads the rows back.  A table with no 序号 column (重点任务 | 牵头单位 |
    配合单位 | 完成时限, its tasks numbered in their cells or not) was lost with nothing said: its
    units read as no task's, and where it stands in the task chapter its tasks read with no units.
    Now the lead column's name alone on its line is said, whatever stands before it."""
    rows = [["重点任务", "牵头单位", "配合单位", "完成时限"]] + [row[1:] for row in division_rows(6)[1:]]
    numbered = [rows[0]] + [[f"{k}.{row[0]}", *row[1:]] for k, row in enumerate(rows[1:], 1)]
    paths = [division_plan(tmp_path / "annex.docx", rows, (2.8, 1.2, 1.5, 1.0), annex=True),
             division_plan(tmp_path / "section.docx", numbered, (2.8, 1.2, 1.5, 1.0), annex=False)]
    for path, text in zip(paths, pdftotext_of(paths, tmp_path, None)):
        record = load_plan(text)
        lines = text.read_text(encoding="utf-8").splitlines()
        said = [g for g in record.warnings if g.message.startswith("a table's column of units named alone")]
        assert len(said) == 1 and lines[said[0].line - 1] == "牵头单位", path.name
        # the plan's own tasks keep their units; the table's give none
        assert [(t.no, [u.label for u in t.units("lead")]) for t in record.tasks()][:2] == [
            ("1", ["县民政局"]), ("2", ["县卫生健康局"])]
        assert not [r for t in record.tasks()[2:] for r in t.responsibilities]
    assert len(load_plan(text).tasks()) == 8  # the section's tasks, read from their cells, with no units


@needs_soffice
@needs_pdftotext
def test_an_indicator_table_with_no_attribute_column_from_pdftotext_raw_or_default_mode_is_said(tmp_path):
    """An indicator table with no 属性 column (指标 | 单位 | 2020年 | 2025年) under a chapter of goals:
    -raw prints its header on a line and each row cut over lines (names, then 人次 —— 800), the
    default mode its header's cells and each column's cells apart (指标 alone, the names, then
    2020 年 alone …, after the next chapter's heading): no reader reads them, and no line ends in an
    attribute to say so.  Before: its indicators lost, nothing said; now its header left among the
    prose is said.  -layout reads as the Word file."""
    rows = [["指标", "单位", "2020年", "2025年"]] + [
        [name.rsplit("（", 1)[0], name.rsplit("（", 1)[1].rstrip("）"), *row[1:3]]
        for name, row in zip(WRAPPING_NAMES, indicator_rows(6)[1:])]
    d = docx.Document()
    for text in (TITLE, "一、发展基础", "“十三五”时期成效明显。", "二、发展目标", "到2025年，残疾人事业发展水平明显提高。",
                 "“十四五”时期残疾人事业发展主要指标"):
        d.add_paragraph(text)
    set_table(d, rows, (2.0, 0.8, 1.0, 1.0))
    for text in ("三、发展环境", "残疾人事业发展面临新的机遇。", "四、主要任务", "（一）健全社会保障体系",
                 "1.强化兜底保障。将符合条件的残疾人纳入保障范围。（牵头单位：县民政局；配合单位：县财政局）",
                 "五、保障措施", "加强组织领导，完善工作机制。", ""):
        d.add_paragraph(text)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    want = reading(load_plan(path))
    assert [i[:4] for i in want["indicators"]][:1] == [("城乡残疾人职业技能培训人数", "人次", "——", "800")]
    assert len(want["indicators"]) == 6
    for mode, header in (("-raw", "指标 单位 2020 年 2025 年"), (None, "指标")):
        text = pdftotext_of([path], tmp_path, mode)[0]
        record = load_plan(text)
        assert record.indicators == []
        lines = text.read_text(encoding="utf-8").splitlines()
        said = [g for g in record.warnings if g.message.startswith("an indicator table's header")]
        assert len(said) == 1 and lines[said[0].line - 1] == header, mode
    assert reading(load_plan(pdftotext_of([path], tmp_path, "-layout")[0])) == want


@needs_soffice
@needs_pdftotext
def test_a_cell_filling_its_column_reads_from_pdftotext_layout_as_the_word_file(tmp_path):
    """-layout prints a cell whose text fills its column one space before the next column's text
    (推进第 1 项重点工作，完善相关制度 县卫健局): before, that line stood across a column's start, was
    read as prose, and the division table standing in the task chapter was said (its header not
    read, its rows unread paragraphs, the chapter holding no task).  A stretch running on across a
    column's start, one space apart where that column starts, is two cells; read as the Word file."""
    d = docx.Document()
    for text in (TITLE, "一、主要任务", "（一）健全社会保障体系",
                 "1.强化兜底保障。将符合条件的残疾人纳入保障范围。（牵头单位：县民政局；配合单位：县财政局）",
                 "二、重点任务分工"):
        d.add_paragraph(text)
    set_table(d, division_rows(6), (0.5, 2.6, 1.1, 1.3, 1.0))
    for text in ("三、保障措施", "加强组织领导，完善工作机制。", ""):
        d.add_paragraph(text)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    want = reading(load_plan(path))
    assert len(want["tasks"]) == 7
    text = pdftotext_of([path], tmp_path, "-layout")[0]
    assert re.search(r"制度 县卫健局", text.read_text(encoding="utf-8"))  # one space before the lead's column
    got = load_plan(text)
    assert reading(got) == want
    assert got.warnings == []
