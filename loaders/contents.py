"""A table of contents typed before a plan's body, in a text printing.

Word's table of contents is left out by `formats.word`; a text copy (from a PDF or typed) prints it
as lines: 目录 (目 录, 目次), then one entry a line, each a heading of the body followed by its page
(第一章  发展基础 ………… 1, 一、发展环境	3, 1.完善残疾人社会福利制度..........3), an entry too
long for its line wrapped over two; or, printed without pages, the headings alone, each printed
again in the body.  Left in, every chapter and section is read twice (the entries make chapters that
hold nothing) and an entry that is a task's title becomes a task with no text and no units.  The
entries are blanked (kept as empty lines, so line numbers stay the document's); a 目录 line that no
such entries follow is left as it is.  Without a 目录 heading above them (lost in a copy, or a
contents of one chapter), entries printing a leader of dots before their page (……3, .... 12,
···· 5) are a table of contents where two or more stand together; a line ending in a number alone
is not (an indicator's value, a year).
"""
from __future__ import annotations

import re

from policykg.loaders.text import Line

_CONTENTS_RE = re.compile(r"目\s*录|目\s*次|目\s*录\s*[:：]")
#: an entry: a heading, then leaders (……, ....., ····, ——) or white space, then its page
#: an entry: a heading, then leaders (……, ....., ····, ——) or white space, then its page.  Split by
#: hand from the right, not by one regular expression, which backtracks without end on a long line
#: of spaces or dots
_PAGE_RE = re.compile(r"(?<!\d)\d{1,4}$")
_LEADERS = ".…⋯·•．・‥-—_"
#: of them, the ones a leader of dots prints, told without a 目录 heading above: two ellipses (……)
#: or three dots
_ELLIPSES = "…⋯"
_DOTS = ".．·•・‥"
#: an entry is a heading: short, no sentence in it
ENTRY_MAX = 60
#: fewer entries than this make no table of contents
MIN_ENTRIES = 2


def _key(norm: str) -> str:
    return re.sub(r"\s+", "", norm)


def _split_entry(norm: str) -> tuple[str, str] | None:
    """(heading, leader) of a line ending in a page number after a leader or white space, else None."""
    text = norm.strip()
    m = _PAGE_RE.search(text)
    if m is None:
        return None
    before = text[:m.start()]
    heading = before.rstrip(_LEADERS + " \t\u3000")
    leader = before[len(heading):]
    return (heading, leader) if heading and leader else None


def _page_entry(line: Line) -> bool:
    split = _split_entry(line.norm)
    if split is None:
        return False
    heading, leader = split
    marks = sum(c in _LEADERS for c in leader)
    return (marks >= 2 or marks == 0) and len(heading) <= ENTRY_MAX and "。" not in heading


def _heading(line: Line) -> bool:
    return len(line.norm) <= ENTRY_MAX and "。" not in line.norm


def _under_heading(lines: list[Line]) -> set[int]:
    """Indexes of the lines of the first table of contents under a 目录 heading: that line and its entries."""
    start = next((i for i, ln in enumerate(lines) if ln.clean and _CONTENTS_RE.fullmatch(ln.norm.strip())), None)
    if start is None:
        return set()
    printed = [i for i in range(start + 1, len(lines)) if lines[i].clean]
    if not printed:
        return set()
    with_pages = _page_entry(lines[printed[0]])
    last_at: dict[str, int] = {}  # where each line's text is printed last
    for i, ln in enumerate(lines):
        if ln.clean:
            last_at[_key(ln.norm)] = i
    entries: list[int] = []
    seen: set[str] = set()
    for k, i in enumerate(printed):
        line = lines[i]
        if with_pages:
            nxt = lines[printed[k + 1]] if k + 1 < len(printed) else None
            if _page_entry(line):
                entries.append(i)
                continue
            # an entry too long for its line: its first part, its page on the line after
            if _heading(line) and nxt is not None and _page_entry(nxt) and \
                    len(line.norm) + len(nxt.norm) <= 2 * ENTRY_MAX:
                entries.append(i)
                continue
            break
        # entries without pages: each heading printed again further on, in the body; the body
        # starts where an entry is printed again
        key = _key(line.norm)
        if _heading(line) and last_at[key] > i and key not in seen:
            entries.append(i)
            seen.add(key)
            continue
        break
    if len(entries) < MIN_ENTRIES:
        return set()
    return {start, *entries}


def _leader_entry(line: Line) -> bool:
    """An entry printing a leader of dots before its page, told without a 目录 heading above it."""
    split = _split_entry(line.norm)
    if split is None:
        return False
    heading, leader = split
    dotted = sum(c in _ELLIPSES for c in leader) >= 2 or sum(c in _DOTS for c in leader) >= 3
    return dotted and _heading_text(heading)


def _heading_text(text: str) -> bool:
    return len(text) <= ENTRY_MAX and not any(c in text for c in "。；;！？")


def _leader_runs(lines: list[Line]) -> set[int]:
    """Indexes of the lines of each run of two or more entries printing a leader (an entry too long
    for its line wrapped onto the next), wherever they stand."""
    filled = [i for i, ln in enumerate(lines) if ln.clean]
    out: set[int] = set()
    run: list[int] = []
    for k, i in enumerate(filled):
        if _leader_entry(lines[i]):
            run.append(i)
            continue
        nxt = lines[filled[k + 1]] if k + 1 < len(filled) else None
        if run and nxt is not None and _heading_text(lines[i].norm) and _leader_entry(nxt):
            run.append(i)  # a title wrapped onto the line of its page
            continue
        if sum(_leader_entry(lines[j]) for j in run) >= MIN_ENTRIES:
            out.update(run)
        run = []
    if sum(_leader_entry(lines[j]) for j in run) >= MIN_ENTRIES:
        out.update(run)
    return out


def contents_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines of a typed table of contents: under a 目录 heading, and runs of entries
    printing a leader wherever they stand."""
    return _under_heading(lines) | _leader_runs(lines)


def drop_contents(lines: list[Line]) -> list[Line]:
    """`lines` with a typed table of contents blanked."""
    drop = contents_lines(lines)
    return [Line(ln.no, "", "", False) if i in drop else ln for i, ln in enumerate(lines)]
