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


def text_layer_pdf(path: Path, lines: list[str], size: float = 10.0, pitch: float | None = None) -> Path:
    """A one-page PDF whose text layer decodes to `lines` exactly: a simple font whose ToUnicode map
    gives each code the character wanted (as a real PDF's font may map a glyph to a radical), each
    character drawn `pitch` points after the last (a space is a gap, not a character)."""
    chars = sorted({ch for ln in lines for ch in ln if ch != " "})
    code = {ch: 0x21 + i for i, ch in enumerate(chars)}
    pitch = pitch or size
    ops = [f"BT /F1 {size} Tf 1 0 0 1 {72 + i * pitch:.2f} {770 - k * 1.8 * size:.2f} Tm <{code[ch]:02x}> Tj ET"
           for k, ln in enumerate(lines) for i, ch in enumerate(ln) if ch != " "]
    content = "\n".join(ops).encode()
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            "1 begincodespacerange <00> <ff> endcodespacerange\n"
            + "".join(f"1 beginbfchar <{c:02x}> <{ch.encode('utf-16-be').hex()}> endbfchar\n" for ch, c in code.items())
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
