"""Page furniture left in a text extracted from a PDF: page numbers and running headers.

A PDF read by `formats.pdf` loses its furniture by position on the page.  A plan that arrives as
text already extracted from a PDF (pdftotext, copy and paste from a viewer) still prints it
between its lines, often in mid-sentence: `— 12 —`, `- 12 -`, `第 12 页`, `第12页 共30页`, and
after it the page's running header (the plan's title or the issuer's name).  Left in, a page
number glued into a sentence splits a unit name in a responsibility clause and a header becomes
a paragraph of its own.  A page number is told by its decoration (第三页 in Chinese numerals too; a
bare number may be a table cell, so it is furniture only beside the running header or in a run
counting up by one a page apart), or as a counter (3/40, 4/40: one count, the numbers going up); a
running header by standing beside page breaks, the same text more than once, by sharing its line with a page number
(青山县“十四五”…规划　- 12 -), or by repeating the plan's title line after the body has begun (a
plan never prints its own title inside its text); a gazette's name and issue (政府公报  2022年第3期)
is a running header wherever it stands.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from policykg.loaders.ladder import CHAPTER_STYLES, numbering
from policykg.loaders.metadata import is_plan_title
from policykg.loaders.text import Line

_DASH = r"[-—–－―─]"
#: a page's number, in digits or in Chinese numerals (第三页, 第十二页)
_PAGE = r"(?:\d{1,4}|[一二三四五六七八九十百零〇]{1,6})"
#: a page's number and the count of pages, alone: 3/40 (a page counter when the count is the same on
#: every page and the numbers go up)
_PAGE_OF_RE = re.compile(r"(\d{1,4})\s*/\s*(\d{1,4})")
PAGE_NUMBER_RE = re.compile(
    rf"^(?:{_DASH}+\s*\d{{1,4}}\s*{_DASH}+"  # — 12 —  - 12 -
    rf"|第\s*{_PAGE}\s*页(?:\s*[,，/]?\s*共\s*{_PAGE}\s*页)?"  # 第 12 页, 第12页 共30页, 第三页
    rf"|共\s*{_PAGE}\s*页\s*[,，]?\s*第\s*{_PAGE}\s*页"  # 共30页 第12页
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$", re.IGNORECASE)
#: a gazette's running header, its name and issue (政府公报  2022年第3期, 青山县人民政府公报　2022年第3期
#: （总第108期）, 2022年第3期　政府公报): furniture wherever it stands, even once (a one-page plan, or
#: the issue's first page only); above the title it was read as the title's first words
_ISSUE = r"(?:\d{4}\s*年\s*)?第\s*\d{1,3}\s*期(?:\s*[(（]?\s*总第\s*\d{1,5}\s*期\s*[)）]?)?"
GAZETTE_ISSUE_RE = re.compile(rf"^(?:[^\s。，,]{{0,24}}公报\s*{_ISSUE}|{_ISSUE}\s*[^\s。，,]{{0,24}}公报)$")
#: a running header is a short line: a title or an issuer, never a paragraph
HEADER_MAX = 60
#: …printed beside at least this share of the page breaks (as `formats.pdf` asks of its headers)
HEADER_SHARE = 0.4


def is_page_number(norm: str) -> bool:
    """A line that is only a decorated page number, or a running header and its page number on one
    line (青山县“十四五”残疾人事业发展规划　　- 12 -)."""
    text = norm.strip()
    if PAGE_NUMBER_RE.match(text):
        return True
    for gap in re.finditer(r"\s+", text):
        left, right = text[:gap.start()], text[gap.end():]
        for number, header in ((left, right), (right, left)):
            if PAGE_NUMBER_RE.match(number) and len(header) <= HEADER_MAX and "。" not in header:
                return True
    return False


def _page_counters(lines: list[Line]) -> set[int]:
    """Lines that are only n/N, where N is the same on each and n goes up: a page counter."""
    found = [(i, m) for i, ln in enumerate(lines)
             if ln.clean and not ln.indented and (m := _PAGE_OF_RE.fullmatch(ln.norm.strip()))]
    by_count: dict[str, list[tuple[int, int]]] = {}
    for i, m in found:
        by_count.setdefault(m.group(2), []).append((i, int(m.group(1))))
    out: set[int] = set()
    for count, seen in by_count.items():
        pages = [n for _, n in seen]
        if len(seen) >= 2 and pages == sorted(set(pages)) and pages[-1] <= int(count):
            out.update(i for i, _ in seen)
    return out


def _title_repeats(lines: list[Line]) -> set[int]:
    """The plan's title line printed again as a line of its own after the body has begun: a running
    header (a plan never prints its own title inside its text), with or without a page number beside
    it.  The title is the first title line printed before the first chapter heading."""
    title_at = next((i for i, ln in enumerate(lines) if ln.clean and not ln.indented and is_plan_title(ln.norm)),
                    None)
    if title_at is None:
        return set()
    key = _key(lines[title_at].norm)
    body = next((i for i in range(title_at + 1, len(lines))
                 if (n := numbering(lines[i].norm)) is not None and n.style in CHAPTER_STYLES), None)
    if body is None:
        return set()
    first = key[0]  # a cheap test before the key: most lines open otherwise
    return {i for i in range(body, len(lines)) if lines[i].clean and (first == "#" or lines[i].norm.lstrip()[:1] == first)
            and _key(lines[i].norm) == key}


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


#: a bare number (3) is a page's number where it stands in a run of at least this many counting up
#: by one, as a viewer's copy of a PDF prints them between its lines...
BARE_PAGE_RUN = 3
#: ...each at least this many printed lines after the one before (a page's lines; a table printed a
#: cell a line puts its serial numbers a row's few cells apart, and its values count up by chance)
BARE_PAGE_GAP = 15
_BARE_NUMBER_RE = re.compile(r"\d{1,4}")


def _bare_page_numbers(lines: list[Line]) -> set[int]:
    """Lines that are only a number, counting up by one a page apart: the pages of a copied PDF."""
    printed = 0
    chains: dict[int, list[tuple[int, int]]] = {}  # the number a chain ends with -> (line, printed before)
    runs: list[list[tuple[int, int]]] = []
    for i, ln in enumerate(lines):
        if not ln.clean:
            continue
        printed += 1
        text = ln.norm.strip()
        if ln.indented or not _BARE_NUMBER_RE.fullmatch(text):
            continue
        n = int(text)
        chain = chains.get(n - 1)
        if chain is not None and printed - chain[-1][1] >= BARE_PAGE_GAP:
            del chains[n - 1]
            chain.append((i, printed))
        else:  # a run of its own (a table's cell near a page's number leaves that run waiting)
            chain = [(i, printed)]
            runs.append(chain)
        if len(chain) >= len(chains.get(n, ())):
            chains[n] = chain
    return {i for run in runs if len(run) >= BARE_PAGE_RUN for i, _ in run}


def furniture(lines: list[Line], breaks: set[int] = frozenset()) -> set[int]:
    """Indexes of the lines that are page furniture: decorated page numbers, and the short lines
    standing beside a page break (a page number, or a form feed starting the line) whose text is
    printed there more than once.  `breaks` are indexes of lines that start a new page."""
    numbers = {i for i, ln in enumerate(lines) if ln.clean and not ln.indented and is_page_number(ln.norm)}
    numbers |= _page_counters(lines) | _bare_page_numbers(lines)
    titles = _title_repeats(lines) | {i for i, ln in enumerate(lines)  # (公报 named first: cheap)
                                      if ln.clean and "公报" in ln.norm and GAZETTE_ISSUE_RE.match(ln.norm.strip())}
    if titles:
        # a bare number printed beside the running header is its page's number
        numbers |= {j for i in titles for j in _neighbours(lines, i)
                    if re.fullmatch(r"\d{1,4}", lines[j].norm.strip()) and not lines[j].indented}
    if not numbers and not breaks:
        return titles
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
    return numbers | headers | titles


def drop_furniture(raw_lines: list[str], lines: list[Line]) -> list[Line]:
    """`lines` with the furniture blanked (kept as empty lines, so line numbers stay those of the
    document and a sentence broken by a page joins again as a blank line lets it)."""
    breaks = {i for i, raw in enumerate(raw_lines) if raw.startswith("\f")}
    drop = furniture(lines, breaks)
    return [Line(ln.no, "", "", False, page_break=ln.page_break, furniture=True) if i in drop else ln
            for i, ln in enumerate(lines)]
