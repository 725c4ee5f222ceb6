"""Word .docx documents, read with python-docx: paragraphs in order, real tables as tables.

The body is walked in document order: paragraphs (with their automatic numbering restored; tracked
deletions, field codes and the table of contents left out; a text box read after the paragraph it
is anchored in) and tables (rows of cells, a merged cell printed once).  Page headers and footers
are not body text and are not read.  Before python-docx opens the file the zip is checked, so a zip
bomb or a damaged archive is refused with a reason instead of exhausting memory.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from docx.oxml.ns import qn

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
        if tag in _SKIP or not isinstance(tag, str):
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


def _is_toc_block(sdt) -> bool:
    """A content control holding a table of contents (Word's 目录)."""
    gallery = sdt.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
    return gallery is not None and "contents" in (gallery.get(qn("w:val")) or "").lower()


class _Walker:
    """The table of contents is left out: its entries repeat the chapter headings with page numbers
    and would be taken for the body."""

    def __init__(self, numbering: Numbering, toc: set[str], levels: Levels) -> None:
        self.numbering = numbering
        self.toc = toc
        self.levels = levels
        self.out = Emitter()
        #: the body's paragraphs with an outline level or a title style, in order
        self.headings: list[Heading] = []
        self.body_seen = False

    def is_toc(self, p) -> bool:
        ppr = p.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return style is not None and (style.get(qn("w:val")) or "") in self.toc

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
        """The rows of cells, the (row, column) of each cell a vertically merged cell covers (Word's
        vMerge continuing a cell above: it prints nothing of its own), and of each a cell spanning
        columns (gridSpan) covers."""
        rows: list[list[str]] = []
        merged: set[tuple[int, int]] = set()
        spanned: set[tuple[int, int]] = set()
        for tr in _unwrap(tbl):
            if tr.tag != _TR:
                continue
            cells: list[str] = []
            for tc in _unwrap(tr):
                if tc.tag != _TC:
                    continue
                tcpr = tc.find(qn("w:tcPr"))
                span = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
                extra = int(span.get(qn("w:val")) or 1) - 1 if span is not None and (
                    span.get(qn("w:val")) or "").isdigit() else 0
                extra = min(extra, 50)
                vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                if vmerge is not None and (vmerge.get(qn("w:val")) or "continue") == "continue":
                    merged.update((len(rows), len(cells) + k) for k in range(extra + 1))
                spanned.update((len(rows), len(cells) + 1 + k) for k in range(extra))
                cells.append(self.cell_text(tc))
                cells.extend([""] * extra)
            rows.append(cells)
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


def read_docx(path: Path) -> SourceText:
    raw = read_bytes(path, MAX_DOCX_BYTES, "a Word document")
    check_zip(path)
    import docx  # python-docx; imported here so plain-text users never pay for it
    try:
        document = docx.Document(str(path))
        numbering_part = None
        try:
            numbering_part = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            pass
        styles = document.styles.element
        walker = _Walker(Numbering(numbering_part, styles), toc_styles(styles), Levels(styles))
        walker.body(document.element.body)
        walker.out.gaps.extend(number_headings(walker.out.lines, walker.headings))
    except InputError:
        raise
    except Exception as exc:  # python-docx and lxml raise many types on a damaged file
        raise InputError(path, f"is not a readable Word .docx document ({type(exc).__name__}: "
                               f"{str(exc)[:200]})") from None
    if not any(ln.strip() for ln in walker.out.lines):
        raise InputError(path, "is a Word document with no text")
    return walker.out.source(path, raw, "utf-8", MEDIA_TYPE)
