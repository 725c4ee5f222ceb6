"""PDF documents (a gazette's or a government site's download), read with pdfplumber.

A PDF has no paragraphs, only positioned characters.  Each page's text layer is read in reading order
as printed lines; ruled tables that pdfplumber finds are read as tables (their characters are not
also read as text).  Then what the page prints around the document is dropped: a line at the top or
bottom of the page that repeats on most pages (a running header, the gazette's name) and page
numbers (3, - 3 -, 第3页).  Printed lines are joined back into the paragraph they came from when a
line fills the width and the next goes on at the left margin (paragraphs start indented), and a
table broken over pages is joined into one, without its repeated header; a cell or row the page
break leaves open (no rule under it) goes on at the top of the next page.

How a page is printed is read too: a page whose text is set sideways (a landscape table turned on
a portrait page) is read turned upright, a page's /Rotate as a viewer shows it; text printed in two
columns a column at a time; a table printed without ruling lines (or with only horizontal ones, a
三线表) by the positions of its cells, or said as not read when its rows cannot be told; note marks
printed small and raised, and the footnotes they mark, left out; a line set letter-spaced (or with
a space between every character) without those spaces.  Radicals a font maps characters to (⼀ for
一) are read as the characters when the lines are cleaned (`loaders.text.plain_characters`).

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
#: this many characters turned against the page's text (a sideways note, a slanted watermark) are said
ASIDE_CHARS = 10
#: cells of a table printed without rules stand at least this many characters apart
CELL_GAP = 0.8
#: a second column of text starts after a gap of at least this many characters
COLUMN_GAP = 1.5
#: a note's mark is drawn at most this share of its line's character size (and raised)
NOTE_MARK_SIZE = 0.8
#: a footnote is printed at most this share of the page's character size
FOOTNOTE_SIZE = 0.9
_NOTE_MARK_RE = re.compile(r"[\u2460-\u249b\u2776-\u2793*†‡]{1,3}|\d{1,2}|[\[(（〔［]\d{1,2}[\]）)〕］]")
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
    size: float = 0.0  # the median size of its characters
    marks: list[str] = field(default_factory=list)  # note marks printed raised in it, left out of text
    chars: list[dict] = field(default_factory=list, repr=False)
    frame: tuple[float, float] | None = None  # its column's left and right edges, when printed in columns
    order: tuple[float, int, float] | None = None  # where it is read, when printed in columns


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    rows: list[list[str]] = field(default_factory=list)
    merged: set[tuple[int, int]] = field(default_factory=set)  # (row, column) a cell above is ruled over
    unread: str = ""  # why its rows cannot be told: it is given as its printed lines, with a gap
    open_below: set[int] = field(default_factory=set)  # columns whose last cell no rule closes (page break)
    open_above: set[int] = field(default_factory=set)  # columns whose first cell no rule closes above
    open_head: bool = False  # its first row has no rule above it: the row broken at the page's top
    open_tail: bool = False  # its last row has no rule under it: the row broken at the page's foot


@dataclass
class _Page:
    number: int
    height: float
    em: float
    items: list[_Line | _Table]
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


def _line_text(chars: list[dict]) -> str:
    """A printed line's text from its characters.  The spaces it prints are kept; a space is added
    where two characters stand apart, by more than pdfplumber's tolerance beyond the line's own
    spacing of characters: a line set letter-spaced (a justified or 分散对齐 line, a converter that
    places each character apart) gets no space between every character.  A CJK line whose text layer
    puts a space between every character (县 民 政 局, as some converters write it) is read without
    them; a wider gap in it stays a gap.  Where a note's mark was left out, no space."""
    spacing = _spacing(chars)
    pieces, last, blank = [], None, False
    for c in chars:
        if not c["text"].strip():
            pieces.append(c["text"])
            blank = True
            continue
        if (last is not None and not blank and not c.get("after_mark")
                and c["x0"] - last["x1"] > spacing + X_TOLERANCE):
            pieces.append(" ")
        pieces.append(c["text"])
        last, blank = c, False
    return _unspaced("".join(pieces))


def _spacing(chars: list[dict]) -> float:
    """How far apart a line sets its characters (the median gap between two, spaces aside)."""
    gaps, last, blank = [], None, False
    for c in chars:
        if not c["text"].strip():
            blank = True
            continue
        if last is not None and not blank:
            gaps.append(c["x0"] - last["x1"])
        last, blank = c, False
    return max(0.0, statistics.median(gaps)) if gaps else 0.0


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


def _note_marks(chars: list[dict]) -> tuple[set[int], list[str]]:
    """The characters of a line printed as a note's mark (县民政局①, 加强康复服务¹): a run drawn
    smaller and raised above the line's baseline, reading as a mark (①, 1, *, [1]) and not after a
    Latin letter or digit when it is a digit (m², 10⁴ are a unit and a power).  Their indices, and
    the marks."""
    visible = [k for k, c in enumerate(chars) if c["text"].strip() and c.get("size")]
    if len(visible) < 2:
        return set(), []
    size = statistics.median(chars[k]["size"] for k in visible)
    base = statistics.median(chars[k]["bottom"] for k in visible if chars[k]["size"] >= 0.9 * size)
    runs: list[list[int]] = []
    for k in visible:
        c = chars[k]
        if c["size"] <= NOTE_MARK_SIZE * size and c["bottom"] < base - 0.2 * size:
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
    out: set[int] = set()
    marks: list[str] = []
    for run in runs:
        text = "".join(chars[k]["text"] for k in run)
        before = next((chars[k]["text"] for k in range(run[0] - 1, -1, -1) if chars[k]["text"].strip()), "")
        if not _NOTE_MARK_RE.fullmatch(text) or (text.isdigit() and before.isascii() and before.isalnum()):
            continue
        out.update(run)
        marks.append(text)
    return out, marks


def _printed_lines(page) -> list[_Line]:
    """The page's printed lines in reading order; x0/x1 are those of the first and last visible
    character (leading spaces are indentation), the text keeps its spaces (see `_line_text`) and
    leaves out the marks of notes printed raised (see `_note_marks`)."""
    out: list[_Line] = []
    for ln in page.extract_text_lines(keep_blank_chars=True, strip=False, return_chars=True):
        drop, marks = _note_marks(ln["chars"])
        chars = [dict(c, after_mark=True) if k - 1 in drop else c
                 for k, c in enumerate(ln["chars"]) if k not in drop]
        line = _line_of(chars, ln["top"], ln["bottom"], marks)
        if line is not None:
            out.append(line)
    return out


def _line_of(chars: list[dict], top: float, bottom: float, marks: list[str]) -> _Line | None:
    visible = [c for c in chars if c["text"].strip()]
    if not visible:
        return None
    sizes = [c["size"] for c in visible if c.get("size")]
    return _Line(0, top, bottom, min(c["x0"] for c in visible), max(c["x1"] for c in visible),
                 _line_text(chars), statistics.median(sizes) if sizes else 0.0, marks, chars)


def _column_edge(lines: list[_Line], em: float) -> float | None:
    """Where a second column of text starts on the page: the left edge most printed lines (at least
    three) start a stretch of text at, after a gap of COLUMN_GAP characters or at the line's start,
    away from the page's margins.  None when the page prints no such edge."""
    if len(lines) < 4:
        return None
    starts: Counter[int] = Counter()
    for ln in lines:
        last = None
        for c in ln.chars:
            if not c["text"].strip():
                continue
            if last is None or c["x0"] - last["x1"] >= COLUMN_GAP * em:
                starts[round(c["x0"])] += 1
            last = c
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    best = max(((sum(starts[x + d] for d in (-1, 0, 1)), -x) for x in starts
                if left + 6 * em < x < right - 6 * em), default=None)
    return float(-best[1]) - 1 if best and best[0] >= 3 else None


def _columns(lines: list[_Line], em: float) -> list[_Line]:
    """The page's lines with text printed in two columns read a column at a time: a run of lines no
    character of which stands in the gutter before the second column's edge is split there, and its
    left column's lines come before its right column's, each line knowing its column's margins (a
    line that fills its column wraps).  A run counts as columns when both sides print at least two
    lines and each side has a line filling it (columns of text wrap; a table's cells rarely do)."""
    edge = _column_edge(lines, em)
    if edge is None:
        return lines
    gutter = edge - COLUMN_GAP * em + 0.5

    def crosses(ln: _Line) -> bool:
        return any(c["text"].strip() and c["x1"] > gutter and c["x0"] < edge for c in ln.chars)

    out: list[_Line] = []
    run: list[_Line] = []
    for ln in [*lines, None]:
        if ln is not None and not crosses(ln):
            run.append(ln)
            continue
        out.extend(_split_run(run, edge, em))
        run = []
        if ln is not None:
            out.append(ln)
    return out


def _split_run(run: list[_Line], edge: float, em: float) -> list[_Line]:
    sides: tuple[list[_Line], list[_Line]] = ([], [])
    for ln in run:
        for side, chars in ((0, [c for c in ln.chars if (c["x0"] + c["x1"]) / 2 < edge]),
                            (1, [c for c in ln.chars if (c["x0"] + c["x1"]) / 2 >= edge])):
            part = _line_of(chars, ln.top, ln.bottom, ln.marks if side == 0 else [])
            if part is not None:
                sides[side].append(part)
    if len(sides[0]) < 2 or len(sides[1]) < 2:
        return run
    if any(len(_segments(p, em)) > 1 for side in sides for p in side):
        return run  # a side printing stretches apart is a table's cells, not a column of text
    for side in sides:
        frame = (min(p.x0 for p in side), max(p.x1 for p in side))
        if not any(p.x1 >= frame[1] - FULL_LINE_SLACK * max(p.size, 1.0) for p in side[:-1]):
            return run  # no line fills the column: not wrapped text
        for p in side:
            p.frame = frame
    top = run[0].top
    for k, side in enumerate(sides):
        for p in side:
            p.order = (top, k, p.top)
    return sides[0] + sides[1]


def _segments(ln: _Line, em: float) -> list[list[dict]]:
    """A line's stretches of text, split where CELL_GAP characters' width stands empty (beyond the
    line's own spacing of characters)."""
    out: list[list[dict]] = []
    last = None
    gap = _spacing(ln.chars) + CELL_GAP * em
    for c in ln.chars:
        if not c["text"].strip():
            continue
        if last is None or c["x0"] - last["x1"] >= gap:
            out.append([])
        out[-1].append(c)
        last = c
    return out


def _position_tables(lines: list[_Line], em: float, rules: list[float], number: int
                     ) -> tuple[list[_Line], list[_Table]]:
    """Tables printed without ruling lines (cells placed by position, or only horizontal rules: a
    三线表) read by position: see `_position_table`.  The rest of the page's lines, and the tables."""
    segs = [_segments(ln, em) for ln in lines]
    tables: list[_Table] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        if len(segs[i]) < 2:
            i += 1
            continue
        j = i + 1  # the lines set as closely as a paragraph's under it
        while j < len(lines) and lines[j].top - lines[j - 1].bottom < 1.5 * (lines[j - 1].bottom - lines[j - 1].top):
            j += 1
        last = max(k for k in range(i, j) if len(segs[k]) >= 2)
        table, n = _position_table(lines[i:j], segs[i:j], last - i, em, rules, number)
        if table is not None:
            tables.append(table)
            used.update(range(i, i + n))
            i += n
        else:
            i = last + 1
    return [ln for k, ln in enumerate(lines) if k not in used], tables


def _position_table(lines: list[_Line], segs: list[list[list[dict]]], last: int, em: float,
                    rules: list[float], number: int) -> tuple[_Table | None, int]:
    """A table printed without ruling lines, and how many of `lines` it takes.  Lines printing
    stretches of text apart (at least two lines three or more, up to line `last`) whose stretches
    fall into the same columns (three or more) are its rows; a line printing one stretch in a
    column, among them, is part of the table too.  A line starts a row when it prints the first
    column or more than half of the columns, unless each cell it prints goes on a cell of the line
    above that fills its column (a cell printed over lines, top-aligned); when horizontal rules part
    every such row (and the rows are then the bands between rules), a band is a row whatever its
    lines.  A line that neither starts a row nor goes on a wrapped cell (a cell printed over lines
    beside cells printed once, centred) leaves the rows untold: the table is given as its lines,
    with a gap saying so."""
    if sum(len(s) >= 3 for s in segs[:last + 1]) < 2:
        return None, 0
    spans = sorted((seg[0]["x0"], max(c["x1"] for c in seg)) for line in segs[:last + 1] for seg in line)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 < columns[-1][1] + 0.5 * em:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    width = len(columns)

    def untold(why: str) -> tuple[_Table, int]:
        return _Table(number, lines[0].top, lines[last].bottom, [[ln.text.strip()] for ln in lines[:last + 1]],
                      unread=f"lines printing stretches of text apart, as a table without ruling lines does, "
                             f"but {why}; not read as a table, its lines follow"), last + 1

    if width < 3:
        return untold("their stretches do not stand in three or more columns")

    def column(seg: list[dict]) -> int | None:
        x0, x1 = seg[0]["x0"], max(c["x1"] for c in seg)
        return next((k for k, (c0, c1) in enumerate(columns) if c0 - 0.5 * em <= x0 and x1 <= c1 + 0.5 * em), None)

    cells: list[list[str]] = []
    ends: list[list[float]] = []  # where each cell's text ends: does the cell wrap onto the next line?
    for k, line in enumerate(segs):
        row, end = [""] * width, [0.0] * width
        for seg in line:
            col = column(seg)
            if col is None or row[col]:
                if k <= last:
                    return untold("a line's stretches do not stand in its columns")
                break
            row[col], end[col] = _line_text(seg).strip(), max(c["x1"] for c in seg)
        else:
            cells.append(row)
            ends.append(end)
            continue
        break

    def wraps(row: list[str], above: list[float]) -> bool:
        return all(above[c] >= columns[c][1] - FULL_LINE_SLACK * em for c in range(width) if row[c])

    def closed(k: int) -> bool:
        """Does line k (under the table's last full line) stand in that line's band, a rule under it?"""
        ln, up = lines[k], lines[k - 1]
        return (not any(up.bottom < y < ln.top for y in rules)
                and any(ln.bottom <= y < ln.bottom + (ln.bottom - ln.top) for y in rules))

    fresh: list[bool] = []  # does the line start a row (by the lines alone)?
    above: list[float] = []
    for k, row in enumerate(cells):
        full = bool(row[0]) or 2 * sum(map(bool, row)) > width
        goes_on = k > 0 and wraps(row, above) and 2 * sum(map(bool, row)) <= width
        if k > last and not goes_on and not closed(k):
            cells, ends = cells[:k], ends[:k]  # the table ended: a line under it
            break
        fresh.append(k == 0 or (full and not goes_on))
        above = [e if e else a for e, a in zip(ends[k], above)] if goes_on else list(ends[k])
    top, bottom = lines[0].top, lines[len(cells) - 1].bottom
    inner = sorted(y for y in rules if top < y < bottom)
    bands = [sum(y < ln.top for y in inner) for ln in lines[:len(cells)]]
    starts = [k for k in range(len(cells)) if fresh[k]]
    banded = bool(inner) and len({bands[k] for k in starts}) == len(starts)
    rows: list[list[str]] = []
    above = []
    for k, row in enumerate(cells):
        if banded:
            joins = k > 0 and bands[k] == bands[k - 1]
        elif fresh[k]:
            joins = False
        elif wraps(row, above):
            joins = True
        else:
            quoted = "  ".join(c for c in row if c)
            return _Table(number, top, bottom, [list(r) for r in cells], unread=(
                f"a table printed without ruling lines: its line '{quoted}' neither starts a row nor goes on "
                "a cell of the line above that fills its column (a cell printed over lines beside cells "
                "printed once, centred?), so its rows cannot be told; not read, its lines follow")), len(cells)
        if joins:
            rows[-1] = [a + b for a, b in zip(rows[-1], row)]
            above = [e if e else a for e, a in zip(ends[k], above)]
        else:
            rows.append(list(row))
            above = list(ends[k])
    return _Table(number, top, bottom, rows), len(cells)


def _drop_footnotes(lines: list[_Line], em: float) -> list[_Line]:
    """The page's lines without its footnotes: from a line at the foot of the page, printed smaller
    than the page's text, that starts with a mark a line above printed raised (①县民政局含……), the
    smaller lines to the page's end.  A Word file keeps its notes out of the text; so does this."""
    marks = set()
    for k, ln in enumerate(lines):
        start = ln.text.strip()
        if (marks and 0 < ln.size <= FOOTNOTE_SIZE * em
                and any(start.startswith(m) and start != m for m in marks)):
            rest = lines[k:]
            if all(0 < r.size <= FOOTNOTE_SIZE * em for r in rest):
                return lines[:k]
        marks.update(ln.marks)
    return lines


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


def _rule_ends(page) -> list[dict]:
    """Lines closing a table where the page break cuts it: across the ends of its column rules.
    A cell ruled on over the page break (a lead merged over the last row of one page and the first
    of the next) or a row broken over the page has no rule under it (or over it on the next page);
    pdfplumber finds no cell without one, and the cell's text would be lost or read after the
    table.  Where two or more column rules end at one height a line joins their ends, so the cell
    is found; a table closed by its own rules gains nothing."""
    ends: dict[int, list[float]] = {}
    for e in page.edges:
        if e["orientation"] == "v" and e["bottom"] - e["top"] > 1:
            for y in (e["top"], e["bottom"]):
                ends.setdefault(round(y), []).append(e["x0"])
    return [{"object_type": "line", "x0": min(xs), "x1": max(xs), "top": float(y), "bottom": float(y),
             "width": max(xs) - min(xs), "height": 0.0}
            for y, xs in ends.items() if len(xs) >= 2 and max(xs) - min(xs) > 1]


def _ruled(rules: list[dict], y: float, x0: float, x1: float) -> bool:
    """Is the stretch x0..x1 at height y ruled (by the page's own rules, pieces joined)?"""
    reach = x0 + 1
    for e in sorted((e for e in rules if abs(e["top"] - y) <= 1), key=lambda e: e["x0"]):
        if e["x0"] <= reach + 1:
            reach = max(reach, e["x1"])
    return reach >= x1 - 1


def _page(page, number: int) -> _Page:
    sizes = [c["size"] for c in page.chars if c.get("size")]
    em = statistics.median(sizes) if sizes else 10.0
    tables = [t for t in page.find_tables({"explicit_horizontal_lines": _rule_ends(page)})
              if t.rows and max(len(r.cells) for r in t.rows) >= 2]
    boxes = [t.bbox for t in tables]
    aside = [c for c in page.chars if c["text"].strip() and not c.get("upright", True)]
    text_page = page.filter(lambda obj: not (obj.get("object_type") == "char" and not obj.get("upright", True))
                            and not any(_inside(obj, b) for b in boxes))
    items: list[_Line | _Table] = []
    rules = [e["top"] for e in text_page.edges if e["orientation"] == "h"]
    lines, loose = _position_tables(_drop_footnotes(_printed_lines(text_page), em), em, rules, number)
    for ln in _columns(lines, em):
        ln.page = number
        ln.chars = []
        items.append(ln)
    items.extend(loose)
    hs = [e for e in page.edges if e["orientation"] == "h"]
    for t in tables:
        rows = [[_cell_text(page, bbox, em) if bbox else "" for bbox in row.cells] for row in t.rows]
        first, last = t.rows[0].cells, t.rows[-1].cells
        below = {c for c, b in enumerate(last) if b and not _ruled(hs, b[3], b[0], b[2])}
        above = {c for c, b in enumerate(first) if b and not _ruled(hs, b[1], b[0], b[2])}
        items.append(_Table(number, t.bbox[1], t.bbox[3], rows, _merged_down(t.rows),
                            open_below=below, open_above=above,
                            open_tail=bool(below) and below == {c for c, b in enumerate(last) if b},
                            open_head=bool(above) and above == {c for c, b in enumerate(first) if b}))
    items.sort(key=lambda it: (it.order or (it.top, 0, it.x0)) if isinstance(it, _Line) else (it.top, 0, 0))
    gaps = []
    if len(aside) >= ASIDE_CHARS:
        gaps.append(f"page {number} prints {len(aside)} characters turned against its text (a note set "
                    f"sideways, a slanted stamp or watermark: '{''.join(c['text'] for c in aside[:20])}'): not read")
    return _Page(number, float(page.height), em, items, len(page.images), gaps)


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
    left, right = prev.frame or margins[prev.page]
    size = em[prev.page]
    if prev.x1 < right - FULL_LINE_SLACK * size:
        return False  # the paragraph ended before the right edge
    nleft = (nxt.frame or margins[nxt.page])[0]
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
    items = [it for p in pages for it in [*p.gaps, *p.items]]
    para: _Paragraph | None = None
    pending: _Table | None = None
    for it in items:
        if isinstance(it, str):
            out.gaps.append((len(out.lines) + 1, "structure", it))
            continue
        if isinstance(it, _Table):
            if para is not None:
                out.text(para.text.strip())
                para = None
            if it.unread:
                if pending is not None:
                    _table(out, pending)
                    pending = None
                _table(out, it)
                continue
            if pending is not None and it.page == pending.page + 1 and len(it.rows[0]) == len(pending.rows[0]):
                skip = 1 if it.rows[0] == pending.rows[0] else 0  # repeated header
                base = len(pending.rows) - skip
                pending.merged.update((base + r, c) for r, c in it.merged if r >= skip)
                if (len(it.rows) > skip and ((it.open_head and not skip) or pending.open_tail)
                        and not (pending.rows[-1][0] and it.rows[skip][0])):
                    # one row broken over the page (its number printed once): its two parts are one row
                    pending.rows[-1] = [a + b for a, b in zip(pending.rows[-1], it.rows[skip])]
                    pending.merged.update((base + r - 1, c) for r, c in it.merged if r > skip)
                    pending.rows.extend(it.rows[skip + 1:])
                else:
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
            pending = _Table(it.page, it.top, it.bottom, [list(r) for r in it.rows], set(it.merged),
                             open_below=set(it.open_below), open_tail=it.open_tail)
            continue
        if pending is not None:
            _table(out, pending)
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
        _table(out, pending)
    return out


def _carry_over(table: _Table, first: list[str]) -> None:
    """A cell ruled on over the page break (no rule closes the page's last row) and the next page's
    first row's cell under it are one cell, its text printed once: in the top part, or in the
    bottom part, which is then moved up.  A column whose two parts both print text is no such cell."""
    last = table.rows[-1]
    for c in sorted(table.open_below):
        if c >= len(first) or c >= len(last) or (last[c] and first[c]):
            table.open_below.discard(c)
        elif first[c]:
            last[c], first[c] = first[c], ""


def _table(out: Emitter, table: _Table) -> None:
    if not table.unread:
        out.table(table.rows, table.merged)
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
    text = " ".join(it.text for p in pages for it in p.items if isinstance(it, _Line))
    if text.count("(cid:") * 6 > max(1, len(text)) * 0.3:
        raise InputError(path, "has a text layer that cannot be decoded (its fonts have no Unicode "
                               "map); run OCR on it and give policykg the result")
    _drop_furniture(pages)
    return _emit(pages).source(path, raw, "", MEDIA_TYPE)  # no text encoding: fonts map glyphs
