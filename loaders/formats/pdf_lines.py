"""A PDF page's printed lines, read from its positioned characters in reading order.

A line's text keeps the spaces it prints and gains one where two characters stand apart beyond the
line's own spacing, so a line set letter-spaced (a justified or 分散对齐 line), or written with a
space between every character, reads without those spaces.  Note marks printed small and raised are
left out of the text, and the footnotes they mark, printed smaller at the page's foot, are dropped.
Text printed in two columns is read a column at a time, each line knowing its column's margins.
A line's stretches of text set apart (`segments`) are what a table printed without rules is read
from (`pdf_tables`).
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

#: A printed line "fills the width" when it ends within this many character widths of the right edge.
FULL_LINE_SLACK = 2.5
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
#: two Chinese characters this many characters' widths apart (beyond the line's spacing) stand
#: either side of a wide space
WIDE_GAP = 0.8
#: the space Word, WPS and LibreOffice set between Chinese and Western text (a digit, a Latin
#: letter: 2025 年, 第 15 次), about a quarter of a character, is no space typed: narrower than this
#: share of a character, such a gap reads as none
AUTOSPACE_GAP = 0.35
_WESTERN_RE = re.compile(r"[0-9A-Za-z%.]")
#: one character, then each next after a single space: 县 民 政 局
_SPACED_RE = re.compile(r"\S(?: \S)*")
CJK_RE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
#: fonts of symbols, not letters (a subset's name is prefixed ABCDEF+): Word draws a bulleted list's
#: marks in them, and one without a Unicode map reads as the letter of its code (● is l, ■ n, ◆ u)
#: faces a heading is set in: bold or heavy weights, and the heavy Chinese faces (黑体 SimHei, Heiti,
#: 方正小标宋 a title's): a font's name, its subset prefix (ABCDEF+) aside
_HEAVY_FONT_RE = re.compile(r"bold|heavy|black|semibold|demibold|hei(?:ti)?\b|simhei|heiti|黑|"
                            r"xiaobiaosong|xbs|小标宋|标宋", re.IGNORECASE)
#: a font's style after its family: NotoSansCJKjp-Bold, SimSun,Bold
_FONT_STYLE_RE = re.compile(r"[-,].*$")
_SYMBOL_FONT_RE = re.compile(r"^(?:[A-Z]{6}\+)?(?:Wingdings|Webdings|ZapfDingbats|Dingbats|Symbol)", re.IGNORECASE)


@dataclass
class Line:
    """A printed line of a page: where it stands, its text, and what reading it in order needs."""
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
    heavy: bool = False  # set in a bold or heading face (most of its characters)
    family: str = ""  # the font family most of its characters are set in
    count: int = 0  # its visible characters

    @property
    def face(self) -> tuple[float, bool]:
        """How the line is set, as a reader ranks type: its size (to half a point) and whether bold."""
        return round(self.size * 2) / 2, self.heavy


def line_text(chars: list[dict]) -> str:
    """A printed line's text from its characters.  The spaces it prints are kept; a space is added
    where two characters stand apart, by more than pdfplumber's tolerance beyond the line's own
    spacing of characters: a line set letter-spaced (a justified or 分散对齐 line, a converter that
    places each character apart) gets no space between every character.  A CJK line whose text layer
    puts a space between every character (县 民 政 局, as some converters write it) is read without
    them; a wider gap in it stays a gap.  Where a note's mark was left out, no space.  A gap as wide
    as a character between two Chinese characters is a wide space (　, or two spaces typed), drawn
    as a gap, not a glyph: it reads as two spaces, as such a space ends a title (完善低保制度　将…)."""
    spacing = _spacing(chars)
    pieces, last, blank = [], None, False
    for c in chars:
        if not c["text"].strip():
            pieces.append(c["text"])
            blank = True
            continue
        gap = c["x0"] - last["x1"] - spacing if last is not None else 0.0
        if not blank and not c.get("after_mark") and gap > X_TOLERANCE and not _autospace(last, c, gap):
            wide = (gap >= WIDE_GAP * max(c.get("size") or 0.0, last.get("size") or 0.0)
                    and CJK_RE.match(c["text"]) and CJK_RE.match(last["text"]))
            pieces.append("  " if wide else " ")
        pieces.append(c["text"])
        last, blank = c, False
    return _unspaced("".join(pieces))


def _autospace(last: dict, c: dict, gap: float) -> bool:
    """Is the gap between two characters the space set between Chinese and Western text (one side a
    Chinese character, the other a digit or Latin letter), not a space typed?"""
    pair = (last["text"], c["text"])
    return (gap < AUTOSPACE_GAP * max(c.get("size") or 0.0, last.get("size") or 0.0)
            and any(CJK_RE.match(a) and _WESTERN_RE.match(b) for a, b in (pair, pair[::-1])))


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
    if (not CJK_RE.search(core) or sum(len(p.replace(" ", "")) for p in parts) < 4
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


def printed_lines(page) -> list[Line]:
    """The page's printed lines in reading order; x0/x1 are those of the first and last visible
    character (leading spaces are indentation), the text keeps its spaces (see `line_text`) and
    leaves out the marks of notes printed raised (see `_note_marks`)."""
    out: list[Line] = []
    for ln in page.extract_text_lines(keep_blank_chars=True, strip=False, return_chars=True):
        # a glyph mapped to more than one character (a font's ―― for ——) is listed once a character
        # of its text: read once
        glyphs = [c for k, c in enumerate(ln["chars"]) if not (k and c is ln["chars"][k - 1])]
        drop, marks = _note_marks(glyphs)
        chars = [dict(c, after_mark=True) if k - 1 in drop else c
                 for k, c in enumerate(glyphs) if k not in drop]
        chars = _symbol_mark(chars)
        line = _line_of(chars, ln["top"], ln["bottom"], marks)
        if line is not None:
            out.append(line)
    return out


def _symbol_mark(chars: list[dict]) -> list[dict]:
    """A line that opens with a glyph of a symbol font (Wingdings, Symbol, ZapfDingbats) read as the
    letter of its code (l for ●: the font has no Unicode map) opens with that font's private-use
    character (U+F06C), as Word copies a bulleted list's mark into text, which is read as a bullet.
    A glyph the font maps (•, ≥), a digit, and a line all in symbols are kept."""
    visible = [k for k, c in enumerate(chars) if c["text"].strip()]
    if len(visible) < 2:
        return chars
    first, c = visible[0], chars[visible[0]]
    if (len(c["text"]) == 1 and ord(c["text"]) < 0x100 and not c["text"].isdigit()
            and _SYMBOL_FONT_RE.match(c.get("fontname") or "")
            and not _SYMBOL_FONT_RE.match(chars[visible[1]].get("fontname") or "")):
        chars = list(chars)
        chars[first] = dict(c, text=chr(0xF000 + ord(c["text"])))
    return chars


def font_name(name: str) -> str:
    """A font's name without its subset prefix (ABCDEF+), a name written in GBK (黑体 as #BA#DA#CC#E5,
    which pdfminer gives as Latin-1) read as Chinese."""
    name = re.sub(r"^[A-Z]{6}\+", "", name or "")
    if not name.isascii():
        try:
            name = name.encode("latin-1").decode("gbk")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name


def _line_of(chars: list[dict], top: float, bottom: float, marks: list[str]) -> Line | None:
    visible = [c for c in chars if c["text"].strip()]
    if not visible:
        return None
    sizes = [c["size"] for c in visible if c.get("size")]
    names = [font_name(c.get("fontname") or "") for c in visible]
    heavy = sum(1 for n in names if _HEAVY_FONT_RE.search(n)) >= 0.75 * len(names)
    family = Counter(_FONT_STYLE_RE.sub("", n) for n in names).most_common(1)[0][0]
    return Line(0, top, bottom, min(c["x0"] for c in visible), max(c["x1"] for c in visible),
                line_text(chars), statistics.median(sizes) if sizes else 0.0, marks, chars,
                heavy=heavy, family=family, count=len(visible))


def drop_footnotes(lines: list[Line], em: float) -> list[Line]:
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


def _column_edge(lines: list[Line], em: float) -> float | None:
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


def columns(lines: list[Line], em: float) -> list[Line]:
    """The page's lines with text printed in two columns read a column at a time: a run of lines no
    character of which stands in the gutter before the second column's edge is split there, and its
    left column's lines come before its right column's, each line knowing its column's margins (a
    line that fills its column wraps).  A run counts as columns when both sides print at least two
    lines and each side has a line filling it (columns of text wrap; a table's cells rarely do)."""
    edge = _column_edge(lines, em)
    if edge is None:
        return lines
    gutter = edge - COLUMN_GAP * em + 0.5

    def crosses(ln: Line) -> bool:
        return any(c["text"].strip() and c["x1"] > gutter and c["x0"] < edge for c in ln.chars)

    out: list[Line] = []
    run: list[Line] = []
    for ln in [*lines, None]:
        if ln is not None and not crosses(ln):
            run.append(ln)
            continue
        out.extend(_split_run(run, edge, em))
        run = []
        if ln is not None:
            out.append(ln)
    return out


def _split_run(run: list[Line], edge: float, em: float) -> list[Line]:
    sides: tuple[list[Line], list[Line]] = ([], [])
    for ln in run:
        for side, chars in ((0, [c for c in ln.chars if (c["x0"] + c["x1"]) / 2 < edge]),
                            (1, [c for c in ln.chars if (c["x0"] + c["x1"]) / 2 >= edge])):
            part = _line_of(chars, ln.top, ln.bottom, ln.marks if side == 0 else [])
            if part is not None:
                sides[side].append(part)
    if len(sides[0]) < 2 or len(sides[1]) < 2:
        return run
    if any(len(segments(p, em)) > 1 for side in sides for p in side):
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


def segments(ln: Line, em: float) -> list[list[dict]]:
    """A line's stretches of text, split where CELL_GAP characters' width stands empty (beyond the
    line's own spacing of characters)."""
    out: list[list[dict]] = []
    last = None
    spacing = _spacing(ln.chars)
    gap = spacing + CELL_GAP * em
    typed: list[dict] = []  # the spaces printed since the last character
    for c in ln.chars:
        if not c["text"].strip():
            typed.append(c)
            continue
        apart = c["x0"] - last["x1"] if last is not None else 0.0
        # one full-width space typed between two stretches sets a clause or a name apart in a
        # sentence (…优待。　牵头单位：区残联　责任单位：…), as prose does: no cells' gap
        one_space = len(typed) == 1 and typed[0]["text"] == "\u3000" and apart - spacing <= _ONE_SPACE * em
        if last is None or (apart >= gap and not one_space):
            out.append([])
        out[-1].append(c)
        last, typed = c, []
    return out


#: the most a full-width space typed between two characters takes, in characters
_ONE_SPACE = 1.5
