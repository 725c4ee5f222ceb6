"""PDF documents (a gazette's or a government site's download), read with pdfplumber.

A PDF has no paragraphs, only positioned characters.  Each page is read as a reader sees it: a page
whose text is set sideways (a landscape table turned on a portrait page) turned upright, a page's
/Rotate as a viewer shows it.  Its text layer is read in reading order as printed lines
(`pdf_lines`: letter-spacing, note marks and their footnotes left out, two columns read a column at
a time); ruled tables that pdfplumber finds are read as tables (their characters are not also read
as text), and tables printed without rules by the positions of their cells (`pdf_tables`).  Then
what the page prints around the document is dropped: a line at the top or bottom of the page that
repeats on most pages (a running header, the gazette's name) and page numbers (3, - 3 -, 第3页).
Printed lines are joined back into the paragraph they came from when a line fills the width and the
next goes on at the left margin (paragraphs start indented), and a table broken over pages is joined
into one, without its repeated header; a cell or row the page break leaves open (no rule under it)
goes on at the top of the next page.  Radicals a font maps characters to (⼀ for 一) are read as the
characters when the lines are cleaned (`loaders.text.plain_characters`).

A scanned PDF (pages that are images, no text layer), an encrypted one that needs a password, and
a damaged one are refused with an `InputError` saying which.
"""
from __future__ import annotations

import contextlib
import dataclasses
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
from policykg.loaders.formats.headings import number_headings
from policykg.loaders.formats.pdf_headings import body_face, breaks, read_headings, wrapped_title
from policykg.loaders.formats.pdf_lines import (CJK_RE, FULL_LINE_SLACK, Line, columns, drop_footnotes,
                                                printed_lines)
from policykg.loaders.formats.pdf_tables import (Table, merged_down, position_tables, rule_ends, ruled,
                                                 spanned_across)
from policykg.loaders.reading import SourceText, read_bytes
from policykg.loaders.responsibilities import names_apart_at_break, spaced_list_break
from policykg.loaders.text import is_structure_start, lost_numeral, normalize, opens_alike

MEDIA_TYPE = "application/pdf"
#: how much of a paragraph's end the names rules of a line break read (a name is at most 40 characters)
_NAME_TAIL = 80
#: Plan PDFs are a few MB; gazette issues with images tens of MB.  Larger is refused before reading.
MAX_PDF_BYTES = 100 * 1024 * 1024
#: A plan is tens of pages, a gazette issue a few hundred; more would take minutes to lay out.
MAX_PDF_PAGES = 1000
#: Running headers, footers and page numbers sit in this top / bottom share of the page.
FURNITURE_BAND = 0.12
#: A line is page furniture when it repeats (numbers aside) at the top or bottom of this share of pages.
FURNITURE_SHARE = 0.4
#: this many characters turned against the page's text (a sideways note, a slanted watermark) are said
ASIDE_CHARS = 10
_PAGE_NO_RE = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[-—–－\s]*$"
                         r"|^(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?$", re.IGNORECASE)


@dataclass
class _Page:
    number: int
    height: float
    em: float
    items: list[Line | Table]
    images: int
    gaps: list[str] = field(default_factory=list)  # what on the page was not read, said before its text


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


def _upright(pdf, page):
    """The page turned so its text reads upright: a page printing most of its text turned a quarter
    (a landscape table set sideways on a portrait page, a page whose /Rotate a printer driver left
    out) is read as a reader turns it, by rotating it as /Rotate does; an upright page as it is."""
    turned = [c["matrix"] for c in page.chars if c["text"].strip() and not c.get("upright", True)]
    if len(turned) * 2 <= sum(1 for c in page.chars if c["text"].strip()):
        return page
    ups = sum(1 for m in turned if abs(m[0]) < 1e-3 and abs(m[3]) < 1e-3 and m[1] > 0)
    downs = sum(1 for m in turned if abs(m[0]) < 1e-3 and abs(m[3]) < 1e-3 and m[1] < 0)
    if max(ups, downs) * 2 <= len(turned):
        return page  # turned every way, or at a slant: read as printed
    import copy

    from pdfplumber.page import Page
    obj = copy.copy(page.page_obj)
    obj.attrs = dict(obj.attrs)
    obj.rotate = obj.attrs["Rotate"] = (page.rotation + (90 if ups > downs else 270)) % 360
    return Page(pdf, obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


class _Paragraph:
    """The printed lines of one paragraph, joined as they come.  Chinese text wraps anywhere, even
    inside a number, so a break adds nothing; spaces at the break are layout, except a wide gap (two
    or more at the end of the line: a "name   description" column gap) and the space between two
    words of a Latin-script line.  Spaces before the next line's text are its indent, typed (　　)
    before every line of text pasted line by line: it goes on at the left margin (see `_continues`).
    The text is kept in pieces and joined once, so a paragraph of n lines costs n, not n²."""

    def __init__(self, line: Line) -> None:
        self.last = line  # where the paragraph's last line ends: does the next continue it?
        self.faces = {(line.face, line.family)}  # how its lines are set
        self.pieces = [line.text]
        self.scanned = 0  # pieces before this are final text, already searched for CJK
        self.cjk = False

    def add(self, line: Line) -> None:
        gap = self._strip_end()
        b = line.text.lstrip()
        for piece in self.pieces[self.scanned:]:  # final now: nothing after the strip removes it
            self.cjk = self.cjk or CJK_RE.search(piece) is not None
        self.scanned = len(self.pieces)
        end = self.pieces[-1][-1:] if self.pieces else ""
        if gap >= 2:
            self.pieces.append("  ")
        elif self.pieces and ((gap or line.text[:1].isspace()) and names_apart_at_break(self._tail(), b)
                              or spaced_list_break(self._tail(), b)):
            self.pieces.append(" ")  # a list's names parted by a space the line wrapped at (区民政局 / 就业服务中心)
        elif end.isascii() and end.isalpha() and b[:1].isascii() and b[:1].isalpha() and not self.cjk:
            self.pieces.append(" ")
        self.pieces.append(b)
        self.last = line
        self.faces.add((line.face, line.family))

    def _tail(self) -> str:
        """The text's last characters, as many as a name's rules ask of it (the whole text where it
        is short; else cut, a character no name ends at set where it is cut)."""
        text = ""
        for piece in reversed(self.pieces):
            text = piece + text
            if len(text) > _NAME_TAIL:
                return "。" + text[-_NAME_TAIL:]
        return text

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


def _inside(obj, bbox) -> bool:
    """Is the object's centre inside bbox?  (Punctuation may hang over a cell's edge.)"""
    if "x0" not in obj or "top" not in obj:
        return False
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _cell_text(page, bbox, em: float) -> str:
    """A table cell's paragraphs ("\n" between them): a line that fills the cell wraps."""
    lines = printed_lines(page.filter(lambda obj: _inside(obj, bbox)))
    paras: list[_Paragraph] = []
    for ln in lines:
        if paras and paras[-1].last.x1 >= bbox[2] - FULL_LINE_SLACK * em:
            paras[-1].add(ln)
        else:
            paras.append(_Paragraph(ln))
    return "\n".join(p.text.strip() for p in paras)


def _page(page, number: int) -> _Page:
    sizes = [c["size"] for c in page.chars if c.get("size")]
    em = statistics.median(sizes) if sizes else 10.0
    tables = [t for t in page.find_tables({"explicit_horizontal_lines": rule_ends(page)})
              if t.rows and max(len(r.cells) for r in t.rows) >= 2]
    boxes = [t.bbox for t in tables]
    aside = [c for c in page.chars if c["text"].strip() and not c.get("upright", True)]
    text_page = page.filter(lambda obj: not (obj.get("object_type") == "char" and not obj.get("upright", True))
                            and not any(_inside(obj, b) for b in boxes))
    items: list[Line | Table] = []
    rules = [e["top"] for e in text_page.edges if e["orientation"] == "h"]
    lines, loose = position_tables(drop_footnotes(printed_lines(text_page), em), em, rules, number)
    for ln in columns(lines, em):
        ln.page = number
        ln.chars = []
        items.append(ln)
    items.extend(loose)
    hs = [e for e in page.edges if e["orientation"] == "h"]
    for t in tables:
        rows = [[_cell_text(page, bbox, em) if bbox else "" for bbox in row.cells] for row in t.rows]
        first, last = t.rows[0].cells, t.rows[-1].cells
        below = {c for c, b in enumerate(last) if b and not ruled(hs, b[3], b[0], b[2])}
        above = {c for c, b in enumerate(first) if b and not ruled(hs, b[1], b[0], b[2])}
        items.append(Table(number, t.bbox[1], t.bbox[3], rows, merged_down(t.rows), spanned=spanned_across(t.rows),
                           open_below=below, open_above=above,
                           open_tail=bool(below) and below == {c for c, b in enumerate(last) if b},
                           open_head=bool(above) and above == {c for c, b in enumerate(first) if b}))
    items.sort(key=lambda it: (it.order or (it.top, 0, it.x0)) if isinstance(it, Line) else (it.top, 0, 0))
    gaps = []
    if len(aside) >= ASIDE_CHARS:
        gaps.append(f"page {number} prints {len(aside)} characters turned against its text (a note set "
                    f"sideways, a slanted stamp or watermark: '{''.join(c['text'] for c in aside[:20])}'): not read")
    return _Page(number, float(page.height), em, items, len(page.images), gaps)


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", normalize(text)))


def _drop_furniture(pages: list[_Page]) -> None:
    """Remove running headers/footers and page numbers from the top and bottom bands."""
    def band_lines(p: _Page) -> list[Line]:
        lines = [it for it in p.items if isinstance(it, Line)]
        edge = [ln for ln in lines[:2] + lines[-2:] if ln.top < p.height * FURNITURE_BAND
                or ln.bottom > p.height * (1 - FURNITURE_BAND)]
        return list({id(ln): ln for ln in edge}.values())

    def where(p: _Page, ln: Line) -> tuple[bool, float]:
        """The side of the page a line is printed at, and how far from that edge."""
        top = ln.top < p.height * FURNITURE_BAND
        return top, ln.top if top else p.height - ln.bottom

    seen: dict[str, list[tuple[bool, float]]] = {}
    for p in pages:
        for ln in band_lines(p):
            seen.setdefault(_furniture_key(ln.text), []).append(where(p, ln))
    repeats = max(2, math.ceil(len(pages) * FURNITURE_SHARE))

    def repeated(p: _Page, ln: Line) -> bool:
        """Does the line repeat where it stands on most pages (a running header: the plan's title
        printed under it on the first page, or there alone, is no header, though its words are)?"""
        side, at = where(p, ln)
        return sum(1 for s, a in seen.get(_furniture_key(ln.text), ()) if s == side and abs(a - at) <= 0.5 * p.em) \
            >= repeats

    numbers = _bare_page_numbers(pages, band_lines)
    for p in pages:
        drop = {id(ln) for ln in band_lines(p) if id(ln) in numbers or (
            not _BARE_NUMBER_RE.fullmatch(normalize(ln.text).strip())
            and (repeated(p, ln) or _PAGE_NO_RE.match(normalize(ln.text).strip())))}
        p.items = [it for it in p.items if id(it) not in drop]


def _bare_page_numbers(pages: list[_Page], band_lines) -> set[int]:
    """The bare numbers (3) at a page's top or bottom that are its number: those that go up with the
    pages (one number less the page's the same on most pages), never a table's cell that a page break
    leaves at the page's foot (100, on a page numbered 7)."""
    bare = [(p.number, ln) for p in pages for ln in band_lines(p)
            if _BARE_NUMBER_RE.fullmatch(normalize(ln.text).strip())]
    offsets = Counter(int(normalize(ln.text).strip()) - number for number, ln in bare)
    if not offsets:
        return set()
    offset, count = offsets.most_common(1)[0]
    if count < 2 and len(pages) > 1:
        return set()  # no two pages number alike: a number at a page's edge is the text's (a cell's 100)
    return {id(ln) for number, ln in bare if int(normalize(ln.text).strip()) - number == offset}


_BARE_NUMBER_RE = re.compile(r"\d{1,4}")


def _margins(pages: list[_Page]) -> dict[int, tuple[float, float]]:
    out = {}
    for p in pages:
        lines = [it for it in p.items if isinstance(it, Line)]
        if lines:
            out[p.number] = (min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))
    return out


def _continues(prev: Line, nxt: Line, margins: dict[int, tuple[float, float]], em: dict[int, float]) -> bool:
    """Is `nxt` the next printed line of the paragraph `prev` ends (a wrap, not a new paragraph)?"""
    left, right = prev.frame or margins[prev.page]
    size = em[prev.page]
    if prev.x1 < right - FULL_LINE_SLACK * size:
        return False  # the paragraph ended before the right edge
    nleft = (nxt.frame or margins[nxt.page])[0]
    if nxt.x0 > nleft + 0.5 * em[nxt.page]:
        return False  # an indented line starts a paragraph
    if nxt.page == prev.page and nxt.top - prev.bottom > 1.2 * (prev.bottom - prev.top):
        return False  # a paragraph gap
    norm = normalize(nxt.text.strip())
    return not is_structure_start(norm) or lost_numeral(norm)


#: a line opening with a name and a wide gap before its text: a "name  description" item (a 专栏's
#: 最低生活保障  将符合条件的…)
def _emit(pages: list[_Page]) -> tuple[Emitter, list[tuple[int, str]]]:
    """The document's lines; and those set as headings that print no number (0-based, as printed)."""
    margins = _margins(pages)
    em = {p.number: p.em for p in pages}
    out = Emitter()
    items = [it for p in pages for it in [*p.gaps, *p.items]]
    body = body_face([it for it in items if isinstance(it, Line)])
    paragraphs: list[tuple[int, object]] = []  # (line, (faces, text) of a paragraph, or None: a table)

    def flush(para: _Paragraph) -> None:
        paragraphs.append((len(out.lines), (para.faces, para.text.strip())))
        out.text(para.text.strip())

    para: _Paragraph | None = None
    pending: Table | None = None
    for it in items:
        if isinstance(it, str):
            out.gaps.append((len(out.lines) + 1, "structure", it))
            continue
        if isinstance(it, Table):
            if para is not None:
                flush(para)
                para = None
            paragraphs.append((len(out.lines), None))
            if it.unread:
                if pending is not None:
                    _table(out, pending)
                    pending = None
                _table(out, it)
                continue
            if pending is not None and it.page == pending.page + 1 and len(it.rows[0]) == len(pending.rows[0]):
                skip = 0  # the header repeated on the page, one row or more (目标值 over 2020年 | 2025年)
                while skip < min(len(it.rows), len(pending.rows) - 1) and it.rows[skip] == pending.rows[skip]:
                    skip += 1
                base = len(pending.rows) - skip  # where the page's row r goes: base + r (one less past a join)
                if len(it.rows) > skip and ((((it.open_head and not skip) or pending.open_tail)
                                             and not (pending.rows[-1][0] and it.rows[skip][0]))
                                            or _continues_row(pending.rows[-1], it.rows[skip],
                                                              pending.rows[1:-1] + it.rows[skip + 1:])):
                    # one row broken over the page (its number printed once): its two parts are one row
                    pending.rows[-1] = [a + b for a, b in zip(pending.rows[-1], it.rows[skip])]
                    pending.merged.update((base + r - 1, c) for r, c in it.merged if r > skip)
                    pending.spanned.update((base + r - 1, c) for r, c in it.spanned if r > skip)
                    pending.rows.extend(it.rows[skip + 1:])
                else:
                    pending.merged.update((base + r, c) for r, c in it.merged if r >= skip)
                    pending.spanned.update((base + r, c) for r, c in it.spanned if r >= skip)
                    if not skip:
                        pending.open_below |= it.open_above
                    if len(it.rows) > skip:
                        _carry_over(pending, it.rows[skip])
                        pending.merged.update((base + skip, c) for c in pending.open_below)
                    pending.rows.extend(it.rows[skip:])
                pending.page, pending.open_below, pending.open_tail = it.page, set(it.open_below), it.open_tail
                continue
            if pending is not None:
                _table(out, pending)
            pending = Table(it.page, it.top, it.bottom, [list(r) for r in it.rows], set(it.merged),
                            open_below=set(it.open_below), open_tail=it.open_tail, spanned=set(it.spanned))
            continue
        if pending is not None:
            _table(out, pending)
            pending = None
        if para is not None and ((_continues(para.last, it, margins, em) and not opens_alike(para.pieces[0], it.text)
                                  and not breaks(para.last, it, body))
                                 or wrapped_title(para.last, it, para.last.frame or margins[para.last.page],
                                                  em[para.last.page], body)):
            para.add(it)
            continue
        if para is not None:
            flush(para)
        para = _Paragraph(it)
    if para is not None:
        flush(para)
    if pending is not None:
        _table(out, pending)
    headings, unread = read_headings(paragraphs, body)
    out.gaps.extend(number_headings(out.lines, headings))
    return out, unread


def _continues_row(last: list[str], first: list[str], others: list[list[str]]) -> bool:
    """Is a page's first row the rest of the last row before the break, though a rule closed it (Word
    rules a row it breaks over a page on both pages)?  Its cells each under a cell of the last row
    that prints text (重度残疾人护理补贴覆 | 盖率（%）), none a row's number, the others empty: a
    row of a few cells, or one that leaves empty a column every other row of the table prints
    (速（%） | 步 under a name and a target, no attribute: the rest of a row whose name and target
    wrapped)."""
    filled = [c for c, x in enumerate(first) if x.strip()]
    if not (len(first) >= 3 and filled
            and all(c < len(last) and last[c].strip() and not _ROW_NUMBER_RE.match(first[c]) for c in filled)
            and sum(bool(x.strip()) for x in last) * 2 >= len(last)):
        return False
    if len(filled) <= len(first) // 3:
        return True
    return len(filled) < len(first) and len(others) >= 2 and any(
        not first[c].strip() and all(c < len(row) and row[c].strip() for row in others) for c in range(len(first)))


#: a cell that is a row's number, or opens with one (3 / 3. / 3、…)
_ROW_NUMBER_RE = re.compile(r"\s*\d{1,3}\s*(?:[.、．](?!\d)|$)")


def _carry_over(table: Table, first: list[str]) -> None:
    """A cell ruled on over the page break (no rule closes the page's last row) and the next page's
    first row's cell under it are one cell, its text printed once: in the top part, or in the
    bottom part, which is then moved up.  A column whose two parts both print text is no such cell."""
    last = table.rows[-1]
    for c in sorted(table.open_below):
        if c >= len(first) or c >= len(last) or (last[c] and first[c]):
            table.open_below.discard(c)
        elif first[c]:
            last[c], first[c] = first[c], ""


def _table(out: Emitter, table: Table) -> None:
    if not table.unread:
        out.table(table.rows, table.merged, table.spanned)
        return
    out.gaps.append((len(out.lines) + 1, "table", table.unread))
    for row in table.rows:
        out.text("  ".join(c for c in row if c))


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
        return [_page(_upright(pdf, page), k) for k, page in enumerate(pdf.pages, 1)]
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
    text = " ".join(it.text for p in pages for it in p.items if isinstance(it, Line))
    if text.count("(cid:") * 6 > max(1, len(text)) * 0.3:
        raise InputError(path, "has a text layer that cannot be decoded (its fonts have no Unicode "
                               "map); run OCR on it and give policykg the result")
    _drop_furniture(pages)
    out, unread = _emit(pages)
    source = out.source(path, raw, "", MEDIA_TYPE)  # no text encoding: fonts map glyphs
    return dataclasses.replace(source, unread_headings=tuple((k + 1, text) for k, text in unread))
