"""Page furniture left in a text extracted from a PDF: page numbers and running headers; and a
typed table of contents (目录), in any format.

A PDF read by `formats.pdf` loses its furniture by position on the page.  A plan that arrives as
text already extracted from a PDF (pdftotext, copy and paste from a viewer) still prints it
between its lines, often in mid-sentence: `— 12 —`, `- 12 -`, `第 12 页`, `第12页 共30页`, and
after it the page's running header (the plan's title or the issuer's name).  Left in, a page
number glued into a sentence splits a unit name in a responsibility clause and a header becomes
a paragraph of its own.  A page number is told by its decoration (a bare number may be a table
cell, so it is never furniture); a running header by standing beside page breaks, the same text
more than once.

A table of contents repeats the chapter and section headings, each with its page number: read as
the body it would give every chapter twice.  An entry is a heading, a leader of dots (……, ....,
····) and a page number; under a 目录 heading it may print the page number after a space or a
tab alone (Word's right tab with a dotted leader, which the text shows as a tab), and a title too
long for one line goes on in the next.  Entries with a leader are dropped wherever they stand two
or more together; without one, only under 目录.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from policykg.loaders.text import Line

_DASH = r"[-—–－―─]"
PAGE_NUMBER_RE = re.compile(
    rf"^(?:{_DASH}+\s*\d{{1,4}}\s*{_DASH}+"  # — 12 —  - 12 -
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第 12 页, 第12页 共30页
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"  # 共30页 第12页
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$", re.IGNORECASE)
#: a running header is a short line: a title or an issuer, never a paragraph
HEADER_MAX = 60
#: …printed beside at least this share of the page breaks (as `formats.pdf` asks of its headers)
HEADER_SHARE = 0.4


#: a line's end printing a dotted leader and a page number: ……3, .... 12, ···· 5
_LEADER_ENTRY_RE = re.compile(r"^(.*?\S)\s*(?:[…⋯]\s*){2,}[.．·•・]*\s*\d{1,4}$"
                              r"|^(.*?\S)\s*(?:[.．·•・‥]\s*){3,}\d{1,4}$")
#: …or, under 目录, a space or tab and the page number alone
_SPACED_ENTRY_RE = re.compile(r"^(.*?[^\d\s])\s+\d{1,4}$")
_CONTENTS_HEADING = "目录"
#: an entry's title is a heading: short, no sentence
_ENTRY_MAX = 60


def _entry(norm: str, spaced: bool) -> bool:
    """Does a line read as a table-of-contents entry (a heading and its page number)?"""
    m = _LEADER_ENTRY_RE.match(norm) or (_SPACED_ENTRY_RE.match(norm) if spaced else None)
    if m is None:
        return False
    title = next(g for g in m.groups() if g)
    return len(title) <= _ENTRY_MAX and not any(c in title for c in "。；;！？")


def contents(lines: list[Line]) -> set[int]:
    """Indexes of the lines of a typed table of contents: its 目录 heading and its entries."""
    out: set[int] = set()
    filled = [i for i, ln in enumerate(lines) if ln.clean]
    k = 0
    while k < len(filled):
        i = filled[k]
        heading = re.sub(r"\s+", "", lines[i].norm) == _CONTENTS_HEADING
        start = k + 1 if heading else k
        end = start  # entries filled[start:end]
        while end < len(filled):
            norm = lines[filled[end]].norm
            if _entry(norm, heading):
                end += 1
            elif (end + 1 < len(filled) and len(norm) <= _ENTRY_MAX and "。" not in norm
                  and _entry(lines[filled[end + 1]].norm, heading) and end > start):
                end += 2  # a title wrapped onto the line of its page number
            else:
                break
        if end - start >= (1 if heading else 2):
            out.update(filled[start - 1 if heading else start:end])
            k = end
        else:
            k += 1
    return out


def is_page_number(norm: str) -> bool:
    """A line that is only a decorated page number."""
    return bool(PAGE_NUMBER_RE.match(norm.strip()))


def _key(norm: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", norm))


def _neighbours(lines: list[Line], i: int) -> list[int]:
    """Indexes of the nearest non-blank line before and after line i."""
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].clean:
            j += step
        if 0 <= j < len(lines):
            out.append(j)
    return out


def furniture(lines: list[Line], breaks: set[int] = frozenset()) -> set[int]:
    """Indexes of the lines that are page furniture: decorated page numbers, and the short lines
    standing beside a page break (a page number, or a form feed starting the line) whose text is
    printed there more than once.  `breaks` are indexes of lines that start a new page."""
    numbers = {i for i, ln in enumerate(lines) if ln.clean and not ln.indented and is_page_number(ln.norm)}
    if not numbers and not breaks:
        return set()
    at_break: dict[int, str] = {}
    for i in numbers:
        for j in _neighbours(lines, i):
            if j not in numbers:
                at_break[j] = _key(lines[j].norm)
    for i in breaks:
        if lines[i].clean and i not in numbers:
            at_break[i] = _key(lines[i].norm)
    seen = Counter(at_break.values())
    repeats = max(2, math.ceil((len(numbers) + len(breaks)) * HEADER_SHARE))
    headers = {j for j, key in at_break.items()
               if seen[key] >= repeats and len(lines[j].norm) <= HEADER_MAX and "。" not in lines[j].norm
               and not lines[j].indented}
    return numbers | headers


def drop_furniture(raw_lines: list[str], lines: list[Line]) -> list[Line]:
    """`lines` with the furniture and a typed table of contents blanked (kept as empty lines, so line
    numbers stay those of the document and a sentence broken by a page joins again as a blank line
    lets it)."""
    breaks = {i for i, raw in enumerate(raw_lines) if raw.startswith("\f")}
    drop = furniture(lines, breaks) | contents(lines)
    return [Line(ln.no, "", "", False) if i in drop else ln for i, ln in enumerate(lines)]
