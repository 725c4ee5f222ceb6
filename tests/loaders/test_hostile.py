"""Files that try to break the loaders: each gets one clear InputError naming the file, quickly.

A zip bomb posing as .docx, a file that is no zip, encrypted and damaged PDFs, a scanned PDF, a page
nested 100,000 elements deep, a 200 MB file, a binary renamed .txt, an old binary .doc.  None may
take more than a few seconds or read a huge file into memory, and with --keep-going the other
documents of the run still load, with each skipped file and its reason reported.
"""
from __future__ import annotations

import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from policykg import api
from policykg.errors import InputError
from policykg.loaders.formats import MAX_DOCUMENT_BYTES
from policykg.loaders.plan import load_plan
from policykg.loaders.formats import read_document as read_source

#: every hostile file is refused within this many seconds
DEADLINE = 5.0


def refused(path: Path, reason: str) -> InputError:
    start = time.monotonic()
    with pytest.raises(InputError) as exc:
        load_plan(path)
    assert time.monotonic() - start < DEADLINE
    message = str(exc.value)
    assert message.startswith(f"{path}: "), message  # names the file
    assert reason in message, message
    assert "\n" not in message  # one line
    return exc.value


def _cid_pdf(path: Path, text: str, encrypt=None) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), encrypt=encrypt)
    c.setFont("STSong-Light", 12)
    for k, line in enumerate(text.split("\n")):
        c.drawString(72, 760 - 16 * k, line)
    c.save()
    return path


# --- Word ------------------------------------------------------------------------------------------
def test_docx_zip_bomb(tmp_path):
    """300 MB of zeros in word/document.xml, 300 KB on disk: refused from the zip directory."""
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                fh.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        refused(path, "would expand to 300 MB (a zip bomb?)")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # nothing was decompressed


def test_docx_that_lies_about_its_size(tmp_path, converters):
    """A member whose directory entry claims 1 KB but whose data inflates to 50 MB: the reader stops
    at the claimed size and the damaged archive is refused."""
    good = converters.to_docx("一、重点任务\n1.落实残疾人两项补贴制度。", tmp_path / "good.docx")
    with zipfile.ZipFile(good) as zf:
        members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    path = tmp_path / "liar.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data if name != "word/document.xml" else b"<" + b"a" * (50 << 20))
    raw = bytearray(path.read_bytes())
    # patch the central directory's uncompressed size of word/document.xml to 1024
    cd = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"word/document.xml") + 1)
    while raw[cd + 46: cd + 46 + 17] != b"word/document.xml":
        cd = raw.rfind(b"PK\x01\x02", 0, cd)
    raw[cd + 24: cd + 28] = (1024).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    assert path.stat().st_size < 1024 * 1024  # deflate makes the 50 MB small on disk
    refused(path, "is not a readable Word .docx document")


def test_docx_not_a_zip(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"\x00\x01 this was never a Word file " * 100)
    refused(path, "has the extension .docx but is not a Word document (not a zip archive)")


def test_docx_damaged_zip(tmp_path, converters):
    good = converters.to_docx("一、重点任务\n1.落实残疾人两项补贴制度。", tmp_path / "good.docx")
    path = tmp_path / "cut.docx"
    path.write_bytes(good.read_bytes()[:3000])
    refused(path, "is not a Word .docx document")


def test_zip_that_is_not_word(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("plan.txt", "一、重点任务")
    refused(path, "a zip archive without word/document.xml")


def test_old_binary_doc(tmp_path):
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    # read through LibreOffice, which cannot convert it (or, not installed, is named as what reads it)
    refused(path, "is an old binary Word .doc (or WPS) file")
    refused(path, "save it as .docx or PDF")


# --- PDF -------------------------------------------------------------------------------------------
def test_pdf_with_a_password(tmp_path):
    from reportlab.lib import pdfencrypt
    path = _cid_pdf(tmp_path / "locked.pdf", "一、重点任务",
                    pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    refused(path, "is an encrypted PDF that needs a password")


def test_pdf_encrypted_without_a_user_password_is_read(tmp_path):
    """Government PDFs are often 'encrypted' only to forbid copying: they open without a password."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas
    path = tmp_path / "no-copy.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner", canCopy=0))
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "Plan for 2021-2025")
    c.save()
    assert read_source(path).lines == ["Plan for 2021-2025"]


@pytest.mark.parametrize("name,data,reason", [
    ("junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 20, "is not a readable PDF (damaged"),
    ("header-only.pdf", b"%PDF-1.4\n%%EOF\n", "is not a readable PDF (damaged"),
])
def test_malformed_pdf(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    refused(path, reason)


def test_truncated_pdf(tmp_path):
    whole = _cid_pdf(tmp_path / "whole.pdf", "一、重点任务\n1.落实残疾人两项补贴制度。")
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    refused(path, "is not a readable PDF (damaged")


def test_scanned_pdf(tmp_path):
    """Pages that are pictures of text: no text layer to read."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    img = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(img).rectangle([20, 20, 380, 60], fill=0)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(img), 72, 500, width=400, height=200)
    c.showPage()
    c.save()
    refused(path, "has no text layer: its pages are images (a scan); run OCR")


def test_pdf_without_unicode_map(tmp_path):
    """Text whose font maps to no characters ((cid:NNN) garbage) is refused, not read as text.
    (An encrypted reportlab CID-font PDF shows this: pdfminer cannot find the font's CMap.)"""
    from reportlab.lib import pdfencrypt
    path = _cid_pdf(tmp_path / "cids.pdf", "一、重点任务 1.落实残疾人两项补贴制度",
                    pdfencrypt.StandardEncryption("", ownerPassword="owner"))
    refused(path, "has a text layer that cannot be decoded")


# --- web pages -------------------------------------------------------------------------------------
def test_html_nested_100k_levels(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><head><script>while(1){}</script></head><body>" + "<div>" * 100_000
                    + "一、重点任务" + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    refused(path, "nests its elements more than 1000 levels deep")


def test_html_of_scripts_only(tmp_path):
    path = tmp_path / "app.html"
    path.write_text("<!DOCTYPE html><html><head><script>document.write('一、重点任务')</script></head>"
                    "<body><nav><a href='/'>首页</a></nav><script src='app.js'></script>"
                    "<noscript>请启用JavaScript</noscript></body></html>", encoding="utf-8")
    refused(path, "is a web page with no article text")


# --- any format ------------------------------------------------------------------------------------
@pytest.mark.parametrize("suffix,head", [(".txt", "一、重点任务\n".encode("utf-8")), (".pdf", b"%PDF-1.7\n"),
                                         (".docx", b"PK\x03\x04"), (".html", b"<!DOCTYPE html>")])
def test_200_mb_file_is_refused_by_its_size(tmp_path, suffix, head):
    """A sparse 200 MB file: refused from its size, before any of it is read."""
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as fh:
        fh.write(head)
        fh.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    try:
        refused(path, f"is 200 MB; a document larger than {MAX_DOCUMENT_BYTES // 1024 // 1024} MB is refused")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_text_over_its_own_limit(tmp_path):
    """Texts have a lower limit (50 MB) than Word and PDF files."""
    path = tmp_path / "long.txt"
    with path.open("wb") as fh:
        fh.write("一、重点任务\n".encode("utf-8"))
        fh.truncate(60 * 1024 * 1024)
    refused(path, "is 60 MB; a plan text larger than 50 MB is refused")


def test_binary_renamed_txt(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 64)
    refused(path, "is a binary file, not a text document")


def test_image_renamed(tmp_path):
    path = tmp_path / "scan-page-1.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000)
    refused(path, "is a PNG image, not a document with text; a scanned plan needs OCR first")


def test_keep_going_loads_the_rest(tmp_path, example_path):
    """One good plan among hostile files: it is built, each other file is reported with its reason."""
    bad = {"bomb.docx": b"PK\x03\x04" + b"\x00" * 100, "locked.pdf": b"%PDF-1.7\n" + b"\x00" * 100,
           "photo.txt": bytes(range(256)) * 8}
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "plan.txt").write_bytes(example_path.read_bytes())
    result = api.build([tmp_path], keep_going=True)
    assert [p.record.document.file_name for p in result.plans] == ["plan.txt"]
    reasons = {Path(f.path).name: f.reason for f in result.failures}
    assert sorted(reasons) == sorted(bad)
    assert "is not a Word .docx document" in reasons["bomb.docx"]
    assert "is not a readable PDF" in reasons["locked.pdf"]
    assert "binary file" in reasons["photo.txt"]
    assert all(r.startswith(str(tmp_path / n)) for n, r in reasons.items())


def test_cli_exit_code_2_for_a_hostile_file(tmp_path):
    from click.testing import CliRunner

    from policykg.cli import main
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 5000 + "x" + "</div>" * 5000 + "</body></html>", encoding="utf-8")
    out = tmp_path / "plans.trig"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{path}: nests its elements more than 1000 levels deep" in result.output
    assert not out.exists()


# --- paragraphs that never end ---------------------------------------------------------------------
# Wrapped lines are joined into a paragraph until a sentence ends (。), structure starts or a bracket
# closes.  A text where that never happens (no punctuation, an unclosed 《 at the top, a data file
# pasted into a plan) is one paragraph of millions of characters: joining a line must cost that
# line, not the paragraph so far.
from policykg.loaders import text as text_mod  # noqa: E402
from policykg.loaders.responsibilities import opens_with_label  # noqa: E402
from policykg.loaders.text import Block, JoinRules, make_blocks, make_lines  # noqa: E402

PROSE = "推进城乡基本公共服务均等化加快建设现代化经济体系不断提高人民生活水平"  # no sentence end


def _reference_joins(prev: Block, line, width, clause_line, in_box, titled=frozenset(), margin=None) -> bool:
    """The joining rule as it reads, on the paragraph's whole text (quadratic, the specification)."""
    if line.indented or prev.lines[-1].indented:
        return False
    numbered = text_mod._CLOSING_NUMBER_RE.match(prev.lines[0].norm) is not None
    if prev.norm.count("(") > prev.norm.count(")") - numbered and text_mod._CLOSING_NUMBER_RE.match(line.norm):
        return True
    if (text_mod.is_structure_start(line.norm)
            and not (text_mod.lost_numeral(line.norm) and text_mod.fills(prev.lines[-1], width)
                     and not text_mod._topic_heading(line.norm))) \
            or text_mod.is_item_title(prev, width):
        return False
    if margin is not None and text_mod._indented_anew(prev, line, margin):
        return False
    if len(prev.lines) == 1 and prev.lines[0].no in titled and text_mod.fills(line, width) \
            and not text_mod._title_breaks(prev.norm) and line.norm[:1] not in text_mod._OPENS_MID_SENTENCE \
            and not text_mod._unbalanced(prev.norm):
        return False
    if text_mod.DOC_NUMBER_RE.fullmatch(line.norm.strip()) or text_mod.DATE_CN_RE.fullmatch(line.norm.strip()) \
            or text_mod.DATE_HANZI_RE.fullmatch(line.norm.strip()):
        return False
    if text_mod.WEB_META_RE.match(line.norm) or text_mod.WEB_META_RE.match(prev.lines[0].norm):
        return False
    if len(prev.lines) == 1 and text_mod._ANNEX_LABEL_RE.fullmatch(prev.norm.strip()):
        return False
    if (text_mod.is_heading(prev.norm) or text_mod.is_heading(prev.lines[0].norm)) \
            and not text_mod._heading_wraps(prev, line, width):
        return False
    if prev.norm.endswith(tuple(text_mod.TERMINAL) + ("。", "！", "？", "；", "：")) \
            and not (margin is not None and text_mod._goes_on_at_margin(prev, line, width, margin)):
        return False
    if text_mod.opens_alike(prev.lines[0].clean, line.clean):
        return False
    if (in_box or not text_mod.fills(prev.lines[-1], width)) and text_mod.colon_item(prev.lines[0].clean) \
            and text_mod.colon_item(line.clean):
        return False
    if text_mod._CLOSING_ASIDE_RE.search(prev.norm.rstrip()):
        return False
    if clause_line is not None and clause_line(prev.lines[0].norm) and not text_mod.fills(prev.lines[-1], width):
        return False
    if text_mod._unbalanced(prev.norm):
        return True
    if text_mod.fills(prev.lines[-1], width) and text_mod._MID_SENTENCE_RE.search(prev.lines[-1].norm):
        return True
    return not text_mod._is_standalone(prev.norm) or (
        text_mod.fills(prev.lines[-1], width) and any(text_mod._SENTENCE_MARKS_RE.search(ln.norm) for ln in prev.lines))


def _reference_box_title(blocks: list[Block]) -> bool:
    """A one-line paragraph under a bare box heading (专栏1) is the box's title: it ends there."""
    para = blocks[-1]
    return len(blocks) >= 2 and len(para.lines) == 1 and text_mod.bare_box_heading(blocks[-2].norm) \
        and not text_mod.starts_item(para.norm) and "。" not in para.norm


def _reference_blocks(lines, width, clause_line) -> list[Block]:
    blocks: list[Block] = []
    in_box = False  # a paragraph opened as a box's heading, and none since opened with other numbering
    titled = text_mod.prints_titles(lines, width)
    margin = text_mod.line_margin(lines, width)
    for line in lines:
        if not line.clean:
            continue
        if blocks and _reference_joins(blocks[-1], line, width, clause_line, in_box, titled, margin) \
                and not _reference_box_title(blocks):
            blocks[-1] = Block(blocks[-1].lines + [line], blocks[-1].text + line.clean, blocks[-1].norm + line.norm)
        else:
            blocks.append(Block([line], line.clean, line.norm))
            in_box = bool(text_mod.COLUMN_RE.match(line.norm)) or (in_box and not text_mod.is_structure_start(line.norm))
    return blocks


def _shaped(blocks: list[Block]) -> list[tuple]:
    return [(b.first, b.last, b.text, b.norm) for b in blocks]


#: pieces of lines that reach every branch of the joining rule: sentence ends, brackets opened and
#: closed, titles, dates and document numbers (with whitespace inside), numbering, labels, tabs
_PIECES = ["推进公共服务", "。", "；", "，", "《", "》", "“", "”", "（", "）", "(", ")", "〔", "〕", "[", "]", "「",
           "」", "规划", "规划》", "实施方案", "人民政府", "2022年3月15日", "2022 年 3 月 15 日", "二〇二二年三月十五日", "青政发〔2022〕8号",
           "青政发 〔 2022 〕 8 号", "2022-03-18", "一、", "（二）", "3.", "专栏1", "牵头单位：", "责任单位：区民政局", "来源：",
           " ", "\u3000", "  ", "ＡＢ", "！", "？", "：", "\t", "附件", "最低生活保障：", "建设内容："]


def test_joining_is_the_rule_as_written(corpus_paths, example_path):
    """make_blocks joins the corpus, the example and random lines made of the rule's own pieces
    exactly as the rule reads on each paragraph's whole text."""
    import random
    docs = [p.read_text(encoding="utf-8").splitlines() for p in [*corpus_paths, example_path]]
    rng = random.Random(20240611)
    for _ in range(300):
        docs.append(["".join(rng.choices(_PIECES, k=rng.randint(0, 8))) for _ in range(rng.randint(1, 40))])
    for raw in docs:
        lines = make_lines(raw)
        for width in (None, 12, 40):
            w = text_mod.line_width(lines) if width is None else width
            assert _shaped(make_blocks(lines, JoinRules.of(lines, width, clause_line=opens_with_label))) == \
                _shaped(_reference_blocks(lines, w, opens_with_label)), raw


def _endless(kind: str, n: int) -> list[str]:
    """A text whose paragraph never ends: n lines of prose without a sentence end, after an unclosed
    《 or “ when asked."""
    head = {"plain": [], "title": ["关于印发《某某市“十四五”残疾人保障和发展规划"], "quote": ["“" + PROSE]}[kind]
    return head + [PROSE] * n


@pytest.mark.parametrize("kind", ["plain", "title", "quote"])
def test_whole_paragraph_tests_cost_a_bounded_share(kind, monkeypatch):
    """The tests that read a paragraph's whole text (is it a heading, is a bracket open, does it stand
    alone) are asked of it only while it is short: the characters they read grow with the document,
    not with its square (before, a 4,000-line paragraph had them read 100 million characters)."""
    read = {"chars": 0}

    def counted(fn):
        def wrapper(norm, *args):
            read["chars"] += len(norm)
            return fn(norm, *args)
        return wrapper

    for name in ("is_heading", "_unbalanced", "_is_standalone"):
        monkeypatch.setattr(text_mod, name, counted(getattr(text_mod, name)))
    for n in (1_000, 4_000):
        read["chars"] = 0
        lines = make_lines(_endless(kind, n))
        blocks = make_blocks(lines, JoinRules.of(lines, clause_line=opens_with_label))
        size = sum(len(ln.norm) for ln in lines)
        assert len(blocks) == 1 and len(blocks[0].norm) == size
        assert read["chars"] <= 2 * size, (n, read["chars"], size)


@pytest.mark.parametrize("kind", ["plain", "title", "quote"])
def test_a_paragraph_of_two_megabytes_is_joined(kind):
    """A 2 MB paragraph is one block, its text the lines' (quadratic joining took over ten minutes on
    a 4.4 MB file; this takes well under a second)."""
    raw = _endless(kind, 60_000)
    lines = make_lines(raw)
    blocks = make_blocks(lines, JoinRules.of(lines, clause_line=opens_with_label))
    assert len(blocks) == 1
    assert blocks[0].text == "".join(raw) and blocks[0].first == 1 and blocks[0].last == len(raw)
    assert len(blocks[0].text.encode("utf-8")) > 6_000_000


@pytest.mark.parametrize("kind", ["plain", "title", "quote"])
def test_a_plan_with_a_paragraph_that_never_ends_is_read(kind, tmp_path, example_path):
    """End to end: a plan whose guiding-ideas paragraph (指导思想, no task) runs on for 2 MB, or after
    an unclosed 《 or “, is read as the plan it is: the same tasks, indicators and boxes."""
    plan = example_path.read_text(encoding="utf-8").split("\n")
    at = plan.index("(一)指导思想") + 1
    path = tmp_path / "endless.txt"
    path.write_text("\n".join(plan[:at] + _endless(kind, 20_000) + plan[at:]), encoding="utf-8")
    record = load_plan(path)
    assert record.document.file_name == "endless.txt"
    example = load_plan(example_path)
    assert record.coverage == example.coverage
    assert [t.text for t in record.tasks()] == [t.text for t in example.tasks()]


@pytest.mark.parametrize("colon", ["：", ""])
@pytest.mark.parametrize("spaces", [40, 300_000])
def test_a_label_before_a_run_of_spaces(tmp_path, example_path, spaces, colon):
    """A responsibility label, then spaces before its colon (a pasted column, a broken export).
    40 spaces: the label is read as printed, the same owners.  300,000: no clause that long is read,
    and the plan says so (one gap, at the line); either way within the deadline.  Without the colon
    the white space is the label's colon where a unit list follows it (牵头单位　县民政局): read the
    same, 40 spaces or a colon.  (The label's pattern read such a run in two steps: quadratic
    where no colon follows, minutes for 300,000 spaces.)"""
    text = example_path.read_text(encoding="utf-8")
    assert text.count("（牵头单位：") > 1
    path = tmp_path / "spaces.txt"
    path.write_text(text.replace("（牵头单位：", "（牵头单位" + " " * spaces + colon, 1), encoding="utf-8")
    start = time.monotonic()
    record = load_plan(path)
    assert time.monotonic() - start < DEADLINE
    example = load_plan(example_path)

    def owners(r):
        return [(t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")])
                for t in r.tasks()]
    read, expected = owners(record), owners(example)
    assert expected[0][1] and len(read) == len(expected)
    if spaces < 1000:
        assert read == expected and record.coverage == example.coverage
    else:
        assert read[0] == (expected[0][0], [], []) and read[1:] == expected[1:]
        assert record.coverage.gaps == example.coverage.gaps + 1
        assert record.coverage.markers_read == example.coverage.markers_read - 1
        line = text[:text.index("（牵头单位：")].count("\n") + 1
        gaps = record.summary()["gaps"]
        assert any(f"spaces.txt:{line}" in g for g in gaps), gaps


# -- input shapes a reader went quadratic on: sizes that took seconds or minutes before, milliseconds
#    read linearly.  Each asserts what is read; the timings are in the benchmarks' scaling notes.

def _read(record):
    """Each task as a user checks it: title, lead and supporting units, targets with their lines."""
    return [(t.title, [u.label for u in t.units("lead")], [u.label for u in t.units("support")],
             [(v.printed, v.comparator, v.value, v.unit, v.year, v.span.line) for v in t.targets])
            for t in record.tasks()]


FIRST_TASK_CLAUSE = "建立补贴标准动态调整机制，"


def test_a_long_run_of_digits_in_a_task(tmp_path, example_path):
    """60,000 digits in a task's text (a damaged table's numbers run together): no target, and the
    plan reads as without them.  (The pattern of a number before 以上 was tried from every digit of
    the run, reading it to its end each time: minutes.)"""
    text = example_path.read_text(encoding="utf-8")
    assert text.count(FIRST_TASK_CLAUSE) == 1
    path = tmp_path / "digits.txt"
    path.write_text(text.replace(FIRST_TASK_CLAUSE, FIRST_TASK_CLAUSE + "编号" + "1" * 60_000 + "，"),
                    encoding="utf-8")
    record, example = load_plan(path), load_plan(example_path)
    assert _read(record) == _read(example)
    assert record.coverage == example.coverage and not record.warnings


def test_a_task_stating_thousands_of_targets(tmp_path, example_path):
    """One task's paragraph states 4,000 targets (a table flattened into prose): each is read, with
    its phrase, year and line, and the task's own target as before.  (Each target's clause was found
    by reading the paragraph from its start, and each checked against every target before it.)"""
    text = example_path.read_text(encoding="utf-8")
    stated = "到2025年残疾人康复服务覆盖率达到85%"
    path = tmp_path / "targets.txt"
    path.write_text(text.replace(FIRST_TASK_CLAUSE, FIRST_TASK_CLAUSE + (stated + "，") * 4000),
                    encoding="utf-8")
    record, example = load_plan(path), load_plan(example_path)
    read, expected = _read(record), _read(example)
    assert [t[:3] for t in read] == [t[:3] for t in expected] and read[1:] == expected[1:]
    line = text[:text.index(FIRST_TASK_CLAUSE)].count("\n") + 1
    own = expected[0][3]
    assert own and all(t[5] == line for t in own)
    assert read[0][3] == [(stated, "=", 85, "%", 2025, line)] * 4000 + own


def test_a_task_continued_over_thousands_of_lines(tmp_path, example_path):
    """3,000 lines after a task's first, each a sentence closing with its own bracketed owners (a
    gazette's pages run on after the task): all belong to the task, each owner is read, and the one
    line whose owners do not read as units is said at its own line.  (The task's text was joined
    again from all its lines at each line, and each clause, marker and line number looked up
    through all the others.)"""
    text = example_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    first = next(i for i, ln in enumerate(lines) if FIRST_TASK_CLAUSE in ln)
    extra = [f"做好第{i}批困难残疾人家庭走访工作（责任单位：区教育局）。" for i in range(3000)]
    extra[2000] = "做好困难残疾人家庭走访工作（牵头：区民政局按月负责，后续再议）。"
    path = tmp_path / "long_task.txt"
    path.write_text("\n".join(lines[:first + 1] + extra + lines[first + 1:]), encoding="utf-8")
    record, example = load_plan(path), load_plan(example_path)
    read, expected = _read(record), _read(example)
    moved = [(title, lead, support, [v[:5] + (v[5] + 3000,) for v in targets])
             for title, lead, support, targets in expected]  # the later tasks, 3,000 lines down
    assert read[1:] == moved[1:] and len(read) == len(expected)
    task = next(iter(record.tasks()))
    assert task.span.line == first + 1 and task.span.end_line == first + 1 + 3000
    assert task.text.count("（责任单位：区教育局）") == 2999
    assert read[0][1] == expected[0][1] and "区教育局" in read[0][2]
    assert record.warnings and {g.line for g in record.warnings} == {first + 1 + 2001}


def test_a_web_page_with_a_long_run_of_spaces(tmp_path, example_path):
    """A web page whose paragraph holds 100,000 spaces printed by empty inline elements, and whose
    <title> holds 100,000 full-width spaces before its site name: read as the page without them.
    (The segment-break and title-separator patterns read such a run to its end from every space.)"""
    from html import escape
    text = example_path.read_text(encoding="utf-8")
    title = "云山市青溪区“十四五”残疾人保障和发展规划"

    def page(gap: str, title_gap: str) -> str:
        paras = []
        for ln in text.split("\n"):
            if FIRST_TASK_CLAUSE in ln:
                a, b = ln.split(FIRST_TASK_CLAUSE)
                paras.append(f"<p>{escape(a + FIRST_TASK_CLAUSE)}{gap}{escape(b)}</p>")
            elif ln.strip():
                paras.append(f"<p>{escape(ln)}</p>")
        return (f"<html><head><title>{title}{title_gap}_云山市人民政府</title></head><body>"
                + "".join(paras) + "</body></html>")

    plain, spaced = tmp_path / "plain.html", tmp_path / "spaced.html"
    plain.write_text(page("", ""), encoding="utf-8")
    spaced.write_text(page("<span> </span>" * 100_000, "\u3000" * 100_000), encoding="utf-8")
    record, expected = load_plan(spaced), load_plan(plain)
    assert record.title == expected.title == title
    assert _read(record) == _read(expected) and _read(expected)[0][1] == ["区民政局"]


def test_a_list_counting_from_a_huge_number_in_letters_prints_digits(tmp_path):
    # <ol type="a" start="99999999999"> (or Word's w:start with upperLetter): the letter numbering
    # repeats its letter past z, so the label was a string of 3.8 billion letters
    from policykg.loaders.formats.numbering import format_number
    assert format_number(99999999999, "lowerLetter") == "99999999999"
    assert format_number(28, "lowerLetter") == "bb"
    path = tmp_path / "page.html"
    path.write_text('<!DOCTYPE html><html><body><div><p>青山县“十四五”残疾人事业发展规划</p><p>一、主要任务</p>'
                    '<ol type="a" start="99999999999"><li>完善低保制度。</li></ol></div></body></html>',
                    encoding="utf-8")
    from policykg.loaders.formats import read_document
    assert read_document(path).lines[-1] == "99999999999.完善低保制度。"


def test_a_division_row_printing_its_number_alone_is_said_not_an_index_error():
    """Found by fuzzing (seed 40, a plan cut mid-table): a numbered row of a division table printing
    fewer cells than its task column raised IndexError, the build failing with a traceback."""
    from policykg.loaders.grids import read_division_grid
    from policykg.loaders.reading import Grid
    grid = Grid(((1, ("序号", "重点任务", "牵头单位", "配合单位")), (2, ("1",)),
                 (3, ("2", "加强康复服务。", "县卫健局", "县残联"))), flattened=True)
    table = read_division_grid(grid, "重点工作任务分工表", 1)
    assert [(r.no, r.lead, r.support) for r in table.rows] == [("1", "", ""), ("2", "县卫健局", "县残联")]
    assert table.unread[0][1] == "division table row 1 has 0 cells under 3 column names: its units were not read"
