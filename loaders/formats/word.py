"""Word .docx documents, read with python-docx: paragraphs in order, real tables as tables.

The body is walked in document order: paragraphs (with their automatic numbering restored; tracked
deletions, field codes, hidden text, note marks and the table of contents left out; a text box read after the paragraph it
is anchored in) and tables (rows of cells, a merged cell printed once).  Page headers and footers
are not body text and are not read.  Before python-docx opens the file the zip is checked, so a zip
bomb or a damaged archive is refused with a reason instead of exhausting memory.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx.document import Document as DocumentObject
from docx.opc.part import PartFactory
from docx.oxml.ns import qn
from docx.package import Package
from docx.parts.document import DocumentPart

from policykg.errors import InputError
from policykg.loaders.formats import ZIP_ERRORS
from policykg.loaders.formats.emit import Emitter
from policykg.loaders.formats.headings import Heading, Levels, number_headings
from policykg.loaders.formats.numbering import Numbering
from policykg.loaders.reading import SourceText, read_bytes

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: A plan in Word is well under 20 MB even with its images; larger is refused before reading.
MAX_DOCX_BYTES = 100 * 1024 * 1024
#: What the zip may expand to in all: images included, 200 MB.  Checked from the zip's directory
#: before anything is decompressed, so a small file that would expand to gigabytes is refused.
MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024
#: One XML part (the body) of a real plan is a few MB; lxml would hold a larger one in memory.
MAX_XML_PART_BYTES = 50 * 1024 * 1024
#: A real .docx has a few dozen parts; thousands only slow the package reader down.
MAX_ZIP_MEMBERS = 5000

_SKIP = {qn(t) for t in ("w:del", "w:moveFrom", "w:instrText", "w:delText", "w:txbxContent",
                         "w:footnoteReference", "w:endnoteReference", "w:commentReference",
                         "w:pPr", "w:rPr")}
_SKIP.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback")  # a copy of Choice
_TEXT = qn("w:t")
_TXBX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_BREAKS = {qn("w:br"), qn("w:cr")}
_TABS = {qn("w:tab"), qn("w:ptab")}
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_R, _RPR, _VANISH = qn("w:r"), qn("w:rPr"), qn("w:vanish")
_OFF = {"0", "false", "off"}
_NOTE_REFS = (qn("w:footnoteReference"), qn("w:endnoteReference"))
#: what a note's mark typed in superscript prints (① † [1]); superscript digits alone may be a
#: power (m2 for m²), and * ★ a mark the plan's note says names the lead (带*的为牵头单位): both read
_NOTE_MARK_RE = re.compile(r"^\s*(?:[\u2460-\u2473\u24f5-\u24fe\u2776-\u277f†‡]+|[\[［]\d{1,3}[\]］])\s*$")
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")}


def check_zip(path: Path) -> None:
    """Refuse a damaged zip or one that would expand beyond the limits, reading only its directory."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except ZIP_ERRORS as exc:
        raise InputError(path, f"is not a readable Word .docx document (damaged zip archive: {exc})") from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise InputError(path, f"holds {len(infos)} files; a Word document with more than "
                               f"{MAX_ZIP_MEMBERS} is refused")
    total = sum(i.file_size for i in infos)
    if total > MAX_DOCX_UNPACKED_BYTES:
        raise InputError(path, f"would expand to {total / 1024 / 1024:.0f} MB (a zip bomb?); a Word "
                               f"document expanding to more than {MAX_DOCX_UNPACKED_BYTES // 1024 // 1024} "
                               f"MB is refused")
    for i in infos:
        if i.filename.endswith((".xml", ".rels")) and i.file_size > MAX_XML_PART_BYTES:
            raise InputError(path, f"has a {i.file_size / 1024 / 1024:.0f} MB part {i.filename}; parts "
                                   f"over {MAX_XML_PART_BYTES // 1024 // 1024} MB are refused")


def paragraph_text(p) -> str:
    """The text Word shows for paragraph element `p` (without its numbering label)."""
    out: list[str] = []
    stack = list(reversed(p))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in _SKIP or not isinstance(tag, str) or (tag == _R and (_hidden(el) or _note_mark(el))):
            continue
        if tag == _TEXT:
            out.append(el.text or "")
        elif tag in _TABS:
            out.append("\t")
        elif tag in _BREAKS:
            out.append("\n")
        elif tag == qn("w:noBreakHyphen"):
            out.append("-")
        stack.extend(reversed(el))
    return "".join(out)


def _hidden(r) -> bool:
    """Is run `r` hidden text (w:vanish: Word neither shows nor prints it; a note to the drafter,
    a unit struck from the list without tracking)?  w:webHidden is printed and read."""
    rpr = r.find(_RPR)
    vanish = rpr.find(_VANISH) if rpr is not None else None
    return vanish is not None and (vanish.get(qn("w:val")) or "true").lower() not in _OFF


def _note_mark(r) -> bool:
    """Is run `r` a footnote's or endnote's mark: the reference itself with the mark it prints in
    place of a number (w:customMarkFollows: 县财政局†), or a mark typed in superscript (县卫健局①)?
    Read, it would end the unit name or task title it follows; the note's text is not the body."""
    if any(r.find(tag) is not None for tag in _NOTE_REFS):
        return True
    rpr = r.find(_RPR)
    align = rpr.find(qn("w:vertAlign")) if rpr is not None else None
    if align is None or align.get(qn("w:val")) != "superscript":
        return False
    return bool(_NOTE_MARK_RE.match("".join(t.text or "" for t in r.iter(_TEXT))))


def toc_styles(styles_el) -> set[str]:
    """Ids of the table-of-contents paragraph styles ("toc 1" …; Chinese Word names their ids 10, 21 …)."""
    out: set[str] = set()
    if styles_el is None:
        return out
    for st in styles_el.findall(qn("w:style")):
        name = st.find(qn("w:name"))
        if name is not None and (name.get(qn("w:val")) or "").lower().startswith("toc"):
            out.add(st.get(qn("w:styleId")) or "")
    return out


_FLDCHAR, _INSTR = qn("w:fldChar"), qn("w:instrText")


def toc_field_paragraphs(body) -> set:
    """The paragraphs a table-of-contents field (a field whose code is TOC …) prints its entries in:
    from the paragraph the field begins in to the one it ends in.  A TOC field that never ends (a
    damaged file) marks none: the body is read rather than lost."""
    out: set = set()
    paragraphs = list(body.iter(_P))
    fields: list[str] = []  # the codes of the fields open, innermost last
    toc_from: int | None = None
    for k, p in enumerate(paragraphs):
        for el in p.iter(_FLDCHAR, _INSTR):
            if el.tag == _INSTR:
                if fields:
                    fields[-1] += el.text or ""
                    if toc_from is None and fields[-1].lstrip().upper().startswith("TOC"):
                        toc_from = k
                continue
            kind = el.get(qn("w:fldCharType"))
            if kind == "begin":
                fields.append("")
            elif kind == "end" and fields:
                code = fields.pop()
                if toc_from is not None and code.lstrip().upper().startswith("TOC"):
                    out.update(paragraphs[toc_from:k + 1])
                    toc_from = None
    return out


def _is_toc_block(sdt) -> bool:
    """A content control holding a table of contents (Word's 目录)."""
    gallery = sdt.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
    return gallery is not None and "contents" in (gallery.get(qn("w:val")) or "").lower()


class _Walker:
    """The table of contents is left out: its entries repeat the chapter headings with page numbers
    and would be taken for the body.  It is told by its paragraphs' style (toc 1 …), a content
    control holding it, or the TOC field printing it."""

    def __init__(self, numbering: Numbering, toc: set[str], levels: Levels,
                 toc_paragraphs: set = frozenset()) -> None:
        self.numbering = numbering
        self.toc = toc
        #: the paragraphs a TOC field prints (whatever their style)
        self.toc_paragraphs = toc_paragraphs
        self.levels = levels
        self.out = Emitter()
        #: the body's paragraphs with an outline level or a title style, in order
        self.headings: list[Heading] = []
        self.body_seen = False

    def is_toc(self, p) -> bool:
        ppr = p.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return (style is not None and (style.get(qn("w:val")) or "") in self.toc) or p in self.toc_paragraphs

    def paragraph(self, p) -> str:
        return self.numbering.label(p) + paragraph_text(p)

    def cell_text(self, tc) -> str:
        parts: list[str] = []
        for child in _unwrap(tc):
            if child.tag == _P:
                parts.append(self.paragraph(child))
                parts.extend(self.cell_text(box) for box in _text_boxes(child))
            elif child.tag == _TBL:  # a table inside a cell: its cells' text, row by row
                for row in self.rows(child):
                    parts.append(" ".join(c for c in row if c))
        return "\n".join(parts)

    def rows(self, tbl) -> list[list[str]]:
        return self.table(tbl)[0]

    def table(self, tbl) -> tuple[list[list[str]], set[tuple[int, int]], set[tuple[int, int]]]:
        """The rows of cells, each cell in the column it is printed in, the (row, column) of each
        cell a vertically merged cell covers (Word's vMerge continuing a cell above: it prints
        nothing of its own), and of each a cell spanning columns (gridSpan, hMerge) covers.

        A Word table places its cells on a grid of columns: a row may start some grid columns in
        (w:gridBefore: a row with no 序号 cell of its own starts under 重点任务) or end short of the
        last (w:gridAfter), and a cell may span several (w:gridSpan, or the old w:hMerge).  Each
        cell is read in the column of the grid it starts in, so its text stands under the header
        it is printed under, not in the next free column.  Grid columns no row divides (in every
        row one cell, or none, starts within them: a thin column a converted table adds, which one
        row's cell spans and another's skips) print as one column."""
        placed: list[list[tuple[int, int, str | None, bool]]] = []  # (grid column, span, text, vMerged)
        for tr in _unwrap(tbl):
            if tr.tag != _TR:
                continue
            col = _grid_count(tr.find(qn("w:trPr")), "w:gridBefore")
            cells: list[tuple[int, int, str | None, bool]] = []
            for tc in _unwrap(tr):
                if tc.tag != _TC:
                    continue
                tcpr = tc.find(qn("w:tcPr"))
                span = max(_grid_count(tcpr, "w:gridSpan"), 1)
                hmerge = tcpr.find(qn("w:hMerge")) if tcpr is not None else None
                if hmerge is not None and (hmerge.get(qn("w:val")) or "continue") == "continue" and cells:
                    start, width, text, down = cells[-1]  # the cell on its left goes on over it
                    cells[-1] = (start, width + span, text, down)
                else:
                    vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                    down = vmerge is not None and (vmerge.get(qn("w:val")) or "continue") == "continue"
                    cells.append((col, span, self.cell_text(tc), down))
                col += span
            placed.append(cells)
        column = _printed_columns(placed)
        rows: list[list[str]] = []
        merged: set[tuple[int, int]] = set()
        spanned: set[tuple[int, int]] = set()
        for r, cells in enumerate(placed):
            out: list[str] = []
            for start, span, text, down in cells:
                first, last = column[start], column[start + span - 1]
                out.extend([""] * (last + 1 - len(out)))
                out[first] = text
                if down:
                    merged.update((r, c) for c in range(first, last + 1))
                spanned.update((r, c) for c in range(first + 1, last + 1))
            rows.append(out)
        return rows, merged, spanned

    def body(self, body, top: bool = True) -> None:
        for el in _unwrap(body):
            if el.tag == _P and not self.is_toc(el):
                text = self.paragraph(el)
                if top:
                    self.note(el, text)
                self.out.text(text)
                for box in _text_boxes(el):
                    self.body(box, top=False)
            elif el.tag == _TBL:
                self.body_seen = True
                self.out.table(*self.table(el))

    def note(self, p, text: str) -> None:
        """Keep a heading of the body (a paragraph with an outline level or a title style) for
        `number_headings`; note body text."""
        level, title = self.levels.of(p)
        if level is not None or title:
            self.headings.append(Heading(len(self.out.lines), level, title, text, self.body_seen))
        elif text.strip():
            self.body_seen = True


def _grid_count(props, tag: str) -> int:
    """The number of grid columns property `tag` of a row's or cell's properties gives (w:gridBefore,
    w:gridSpan), 0 where it gives none; at most 50, which no plan's table comes near."""
    el = props.find(qn(tag)) if props is not None else None
    val = (el.get(qn("w:val")) or "") if el is not None else ""
    return min(int(val), 50) if val.isdigit() else 0


def _printed_columns(placed) -> list[int]:
    """For each grid column of a table whose rows hold `placed` cells (grid column, span, …), the
    printed column it is part of: a grid column starts a new one where some row has a cell starting
    in it and one starting in the printed column so far (the two are side by side in that row)."""
    width = max((start + span for cells in placed for start, span, *_ in cells), default=0)
    starts = [{start for start, *_ in cells} for cells in placed]
    column: list[int] = []
    group: set[int] = set()
    for c in range(width):
        if column and not any(c in s and s & group for s in starts):
            group.add(c)
            column.append(column[-1])
        else:
            group = {c}
            column.append(column[-1] + 1 if column else 0)
    return column


def _text_boxes(p):
    """The text boxes anchored in paragraph `p`, in order (each once: the VML copy Word keeps in
    mc:Fallback is not walked, nor a box inside a box, which its box's own walk reads).  A 专栏 is
    often printed as a text box; its paragraphs are read after the paragraph it is anchored in."""
    stack = list(reversed(p))
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag == _FALLBACK:
            continue
        if el.tag == _TXBX:
            yield el
            continue
        stack.extend(reversed(el))


def _unwrap(el):
    """Children of `el`, looking through content controls and custom-XML wrappers (not through a
    table of contents)."""
    stack = list(reversed(el))
    while stack:
        child = stack.pop()
        if child.tag == qn("w:sdt") and _is_toc_block(child):
            continue
        if child.tag in _WRAPPERS:
            stack.extend(reversed(child))
        else:
            yield child


#: the main part of Word's packages: a document (.docx), a macro-enabled one (.docm) and templates
#: (.dotx, .dotm).  They hold the same document part; python-docx opens only the first, so the
#: others are registered with its part factory as the same part (macros are never run nor read).
WORD_MAIN_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                   "application/vnd.ms-word.document.macroEnabled.main+xml",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                   "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")


for _content_type in WORD_MAIN_TYPES[1:]:
    PartFactory.part_type_for.setdefault(_content_type, DocumentPart)


def _open_word(path: Path) -> DocumentObject:
    part = Package.open(str(path)).main_document_part
    if part.content_type not in WORD_MAIN_TYPES:
        raise InputError(path, f"is not a Word document (its main part is {part.content_type})")
    return part.document


def read_docx(path: Path) -> SourceText:
    raw = read_bytes(path, MAX_DOCX_BYTES, "a Word document")
    check_zip(path)
    try:
        document = _open_word(path)
        numbering_part = None
        try:
            numbering_part = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            pass
        styles = document.styles.element
        body = document.element.body
        walker = _Walker(Numbering(numbering_part, styles), toc_styles(styles), Levels(styles),
                         toc_field_paragraphs(body))
        walker.body(body)
        walker.out.gaps.extend(number_headings(walker.out.lines, walker.headings))
    except InputError:
        raise
    except Exception as exc:  # python-docx and lxml raise many types on a damaged file
        raise InputError(path, f"is not a readable Word .docx document ({type(exc).__name__}: "
                               f"{str(exc)[:200]})") from None
    if not any(ln.strip() for ln in walker.out.lines):
        raise InputError(path, "is a Word document with no text")
    return walker.out.source(path, raw, "utf-8", MEDIA_TYPE)
