"""PDF documents (a gazette's or a government site's download), read with pdfplumber.

A PDF has no paragraphs, only positioned characters.  Each page's text layer is read in reading order
as printed lines; ruled tables that pdfplumber finds are read as tables (their characters are not
also read as text).  Then what the page prints around the document is dropped: a line at the top or
bottom of the page that repeats on most pages (a running header, the gazette's name) and page
numbers (3, - 3 -, 第3页).  Printed lines are joined back into the paragraph they came from when a
line fills the width and the next goes on at the left margin (paragraphs start indented), and a
table broken over pages is joined into one, without its repeated header.

A scanned PDF (pages that are images, no text layer), an encrypted one that needs a password, and
a damaged one are refused with an `InputError` saying which.
"""
from __future__ import annotations

import contextlib
import io
import logging
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from policykg.errors import InputError
from policykg.loaders.formats.emit import Emitter
from policykg.loaders.reading import SourceText, read_bytes
from policykg.loaders.text import is_structure_start, normalize

MEDIA_TYPE = "application/pdf"
#: Plan PDFs are a few MB; gazette issues with images tens of MB.  Larger is refused before reading.
MAX_PDF_BYTES = 100 * 1024 * 1024
#: A plan is tens of pages, a gazette issue a few hundred; more would take minutes to lay out.
MAX_PDF_PAGES = 1000
#: Running headers, footers and page numbers sit in this top / bottom share of the page.
FURNITURE_BAND = 0.12
#: A line is page furniture when it repeats (numbers aside) at the top or bottom of this share of pages.
FURNITURE_SHARE = 0.4
#: A printed line "fills the width" when it ends within this many character widths of the right edge.
FULL_LINE_SLACK = 2.5
#: pdfplumber's tolerance: characters further apart than this (beyond a line's spacing) are two words
X_TOLERANCE = 3.0
#: one character, then each next after a single space: 县 民 政 局
_SPACED_RE = re.compile(r"\S(?: \S)*")
_CJK_RE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_PAGE_NO_RE = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[-—–－\s]*$"
                         r"|^(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?$", re.IGNORECASE)


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    rows: list[list[str]] = field(default_factory=list)
    merged: set[tuple[int, int]] = field(default_factory=set)  # (row, column) a cell above is ruled over


@dataclass
class _Page:
    number: int
    height: float
    em: float
    items: list[_Line | _Table]
    images: int


def _open(path: Path, raw: bytes):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    try:
        return pdfplumber.open(io.BytesIO(raw))
    except Exception as exc:  # pdfplumber wraps pdfminer's errors; a damaged file raises anything
        cause = exc.__cause__ or exc
        for err in (exc, cause, *getattr(exc, "args", ())):
            if isinstance(err, PDFPasswordIncorrect) or "PDFPasswordIncorrect" in type(err).__name__:
                raise InputError(path, "is an encrypted PDF that needs a password; save an unprotected "
                                       "copy first") from None
            if isinstance(err, PDFEncryptionError):
                raise InputError(path, f"is encrypted in a way that cannot be read ({err})") from None
        raise InputError(path, f"is not a readable PDF (damaged: {type(cause).__name__}: "
                               f"{str(cause)[:160]})") from None


def _line_text(chars: list[dict]) -> str:
    """A printed line's text from its characters.  The spaces it prints are kept; a space is added
    where two characters stand apart, by more than pdfplumber's tolerance beyond the line's own
    spacing of characters: a line set letter-spaced (a justified or 分散对齐 line, a converter that
    places each character apart) gets no space between every character.  A CJK line whose text layer
    puts a space between every character (县 民 政 局, as some converters write it) is read without
    them; a wider gap in it stays a gap."""
    gaps, last, blank = [], None, False
    for c in chars:
        if not c["text"].strip():
            blank = True
        elif last is not None and not blank:
            gaps.append(c["x0"] - last["x1"])
        if c["text"].strip():
            last, blank = c, False
    spacing = max(0.0, statistics.median(gaps)) if gaps else 0.0
    pieces, last, blank = [], None, False
    for c in chars:
        if not c["text"].strip():
            pieces.append(c["text"])
            blank = True
            continue
        if last is not None and not blank and c["x0"] - last["x1"] > spacing + X_TOLERANCE:
            pieces.append(" ")
        pieces.append(c["text"])
        last, blank = c, False
    return _unspaced("".join(pieces))


def _unspaced(text: str) -> str:
    """A CJK line printed with a space between every character, without them (a run of spaces
    between two such stretches stays one gap of two spaces)."""
    core = text.strip()
    parts = re.split(r" {2,}", core)
    if (not _CJK_RE.search(core) or sum(len(p.replace(" ", "")) for p in parts) < 4
            or not all(_SPACED_RE.fullmatch(p) for p in parts) or " " not in core):
        return text
    lead = text[:len(text) - len(text.lstrip())]
    return lead + "  ".join(p.replace(" ", "") for p in parts) + text[len(text.rstrip()):]


def _printed_lines(page) -> list[_Line]:
    """The page's printed lines in reading order; x0/x1 are those of the first and last visible
    character (leading spaces are indentation), the text keeps its spaces (see `_line_text`)."""
    out: list[_Line] = []
    for ln in page.extract_text_lines(keep_blank_chars=True, strip=False, return_chars=True):
        visible = [c for c in ln["chars"] if c["text"].strip()]
        if visible:
            out.append(_Line(0, ln["top"], ln["bottom"], min(c["x0"] for c in visible),
                             max(c["x1"] for c in visible), _line_text(ln["chars"])))
    return out


def _inside(obj, bbox) -> bool:
    """Is the object's centre inside bbox?  (Punctuation may hang over a cell's edge.)"""
    if "x0" not in obj or "top" not in obj:
        return False
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _cell_text(page, bbox, em: float) -> str:
    """A table cell's paragraphs ("\n" between them): a line that fills the cell wraps."""
    lines = _printed_lines(page.filter(lambda obj: _inside(obj, bbox)))
    paras: list[_Paragraph] = []
    for ln in lines:
        if paras and paras[-1].last.x1 >= bbox[2] - FULL_LINE_SLACK * em:
            paras[-1].add(ln)
        else:
            paras.append(_Paragraph(ln))
    return "\n".join(p.text.strip() for p in paras)


def _merged_down(rows) -> set[tuple[int, int]]:
    """(row, column) of each place pdfplumber gives no cell (None) because a cell of a row above is
    ruled down over it (a vertically merged cell: its bottom below this row's top), not one to its
    left ruled across it."""
    out: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        tops = [b[1] for b in row.cells if b]
        if not tops or r == 0:
            continue
        top = min(tops)
        for c, bbox in enumerate(row.cells):
            if bbox is not None:
                continue
            above = next((rows[k].cells[c] for k in range(r - 1, -1, -1)
                          if c < len(rows[k].cells) and rows[k].cells[c] is not None), None)
            if above is not None and above[1] < top < above[3] - 1:
                out.add((r, c))
    return out


def _page(page, number: int) -> _Page:
    sizes = [c["size"] for c in page.chars if c.get("size")]
    em = statistics.median(sizes) if sizes else 10.0
    tables = [t for t in page.find_tables() if t.rows and max(len(r.cells) for r in t.rows) >= 2]
    boxes = [t.bbox for t in tables]
    text_page = page.filter(lambda obj: not any(_inside(obj, b) for b in boxes))
    items: list[_Line | _Table] = []
    for ln in _printed_lines(text_page):
        ln.page = number
        items.append(ln)
    for t in tables:
        rows = [[_cell_text(page, bbox, em) if bbox else "" for bbox in row.cells] for row in t.rows]
        items.append(_Table(number, t.bbox[1], t.bbox[3], rows, _merged_down(t.rows)))
    items.sort(key=lambda it: (it.top, it.x0 if isinstance(it, _Line) else 0))
    return _Page(number, float(page.height), em, items, len(page.images))


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", normalize(text)))


def _drop_furniture(pages: list[_Page]) -> None:
    """Remove running headers/footers and page numbers from the top and bottom bands."""
    def band_lines(p: _Page) -> list[_Line]:
        lines = [it for it in p.items if isinstance(it, _Line)]
        edge = [ln for ln in lines[:2] + lines[-2:] if ln.top < p.height * FURNITURE_BAND
                or ln.bottom > p.height * (1 - FURNITURE_BAND)]
        return list({id(ln): ln for ln in edge}.values())

    seen = Counter()
    for p in pages:
        seen.update({_furniture_key(ln.text) for ln in band_lines(p)})
    repeats = max(2, math.ceil(len(pages) * FURNITURE_SHARE))
    for p in pages:
        drop = {id(ln) for ln in band_lines(p)
                if seen[_furniture_key(ln.text)] >= repeats or _PAGE_NO_RE.match(normalize(ln.text).strip())}
        p.items = [it for it in p.items if id(it) not in drop]


def _margins(pages: list[_Page]) -> dict[int, tuple[float, float]]:
    out = {}
    for p in pages:
        lines = [it for it in p.items if isinstance(it, _Line)]
        if lines:
            out[p.number] = (min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))
    return out


def _continues(prev: _Line, nxt: _Line, margins: dict[int, tuple[float, float]], em: dict[int, float]) -> bool:
    """Is `nxt` the next printed line of the paragraph `prev` ends (a wrap, not a new paragraph)?"""
    left, right = margins[prev.page]
    size = em[prev.page]
    if prev.x1 < right - FULL_LINE_SLACK * size:
        return False  # the paragraph ended before the right edge
    nleft = margins[nxt.page][0]
    if nxt.x0 > nleft + 0.5 * em[nxt.page]:
        return False  # an indented line starts a paragraph
    if nxt.page == prev.page and nxt.top - prev.bottom > 1.2 * (prev.bottom - prev.top):
        return False  # a paragraph gap
    return not is_structure_start(normalize(nxt.text.strip()))


class _Paragraph:
    """The printed lines of one paragraph, joined as they come.  Chinese text wraps anywhere, even
    inside a number, so a break adds nothing; spaces at the break are layout, except a wide gap (two
    or more: a "name   description" column gap) and the space between two words of a Latin-script
    line.  The text is kept in pieces and joined once, so a paragraph of n lines costs n, not n²."""

    def __init__(self, line: _Line) -> None:
        self.last = line  # where the paragraph's last line ends: does the next continue it?
        self.pieces = [line.text]
        self.scanned = 0  # pieces before this are final text, already searched for CJK
        self.cjk = False

    def add(self, line: _Line) -> None:
        gap = self._strip_end() + (len(line.text) - len(line.text.lstrip()))
        b = line.text.lstrip()
        for piece in self.pieces[self.scanned:]:  # final now: nothing after the strip removes it
            self.cjk = self.cjk or _CJK_RE.search(piece) is not None
        self.scanned = len(self.pieces)
        end = self.pieces[-1][-1:] if self.pieces else ""
        if gap >= 2:
            self.pieces.append("  ")
        elif end.isascii() and end.isalpha() and b[:1].isascii() and b[:1].isalpha() and not self.cjk:
            self.pieces.append(" ")
        self.pieces.append(b)
        self.last = line

    def _strip_end(self) -> int:
        """Remove the text's trailing whitespace; how many characters that was."""
        removed = 0
        while self.pieces:
            piece = self.pieces[-1]
            kept = piece.rstrip()
            removed += len(piece) - len(kept)
            if kept:
                self.pieces[-1] = kept
                break
            self.pieces.pop()
        self.scanned = min(self.scanned, len(self.pieces))
        return removed

    @property
    def text(self) -> str:
        return "".join(self.pieces)


def _emit(pages: list[_Page]) -> Emitter:
    margins = _margins(pages)
    em = {p.number: p.em for p in pages}
    out = Emitter()
    items = [it for p in pages for it in p.items]
    para: _Paragraph | None = None
    pending: _Table | None = None
    for it in items:
        if isinstance(it, _Table):
            if para is not None:
                out.text(para.text.strip())
                para = None
            if pending is not None and it.page == pending.page + 1 and len(it.rows[0]) == len(pending.rows[0]):
                skip = 1 if it.rows[0] == pending.rows[0] else 0  # repeated header
                base = len(pending.rows) - skip
                pending.merged.update((base + r, c) for r, c in it.merged if r >= skip)
                pending.rows.extend(it.rows[skip:])
                pending.page = it.page
                continue
            if pending is not None:
                out.table(pending.rows, pending.merged)
            pending = _Table(it.page, it.top, it.bottom, [list(r) for r in it.rows], set(it.merged))
            continue
        if pending is not None:
            out.table(pending.rows, pending.merged)
            pending = None
        if para is not None and _continues(para.last, it, margins, em):
            para.add(it)
            continue
        if para is not None:
            out.text(para.text.strip())
        para = _Paragraph(it)
    if para is not None:
        out.text(para.text.strip())
    if pending is not None:
        out.table(pending.rows, pending.merged)
    return out


@contextlib.contextmanager
def _quiet_pdfminer():
    """pdfminer logs a warning for every damaged object it skips; the user gets one error instead."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 10)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_pages(path: Path, raw: bytes) -> list[_Page]:
    pdf = _open(path, raw)
    try:
        n = len(pdf.pages)
        if n > MAX_PDF_PAGES:
            raise InputError(path, f"has {n} pages; a PDF of more than {MAX_PDF_PAGES} pages is refused")
        return [_page(page, k) for k, page in enumerate(pdf.pages, 1)]
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many types on a damaged page
        raise InputError(path, f"is not a readable PDF (damaged: {type(exc).__name__}: "
                               f"{str(exc)[:160]})") from None
    finally:
        with contextlib.suppress(Exception):  # closing re-reads a damaged page tree; it holds only memory
            pdf.close()


def read_pdf(path: Path) -> SourceText:
    raw = read_bytes(path, MAX_PDF_BYTES, "a PDF")
    with _quiet_pdfminer():
        pages = _read_pages(path, raw)
    if not any(p.items for p in pages):
        if any(p.images for p in pages):
            raise InputError(path, "has no text layer: its pages are images (a scan); run OCR on it "
                                   "(e.g. ocrmypdf) and give policykg the result")
        raise InputError(path, "is a PDF with no text")
    text = " ".join(it.text for p in pages for it in p.items if isinstance(it, _Line))
    if text.count("(cid:") * 6 > max(1, len(text)) * 0.3:
        raise InputError(path, "has a text layer that cannot be decoded (its fonts have no Unicode "
                               "map); run OCR on it and give policykg the result")
    _drop_furniture(pages)
    return _emit(pages).source(path, raw, "", MEDIA_TYPE)  # no text encoding: fonts map glyphs
