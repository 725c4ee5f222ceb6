"""Tables on a PDF page, beyond the cells pdfplumber finds by their rules.

A table printed without ruling lines (or with only horizontal ones, a 三线表) is read from the
page's printed lines by the positions of its cells, or said as not read when its rows cannot be
told.  For a ruled table: where a page break cuts it, the ends of its column rules are joined so a
cell with no rule under it is found (`rule_ends`); a cell or row the break leaves open is told by
the rule it lacks (`ruled`); a place a cell above is ruled down over is merged (`merged_down`).
The cells' own text is read with the page, in `pdf`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from policykg.loaders.formats.pdf_lines import FULL_LINE_SLACK, Line, line_text, segments


@dataclass
class Table:
    """A table on a page, ruled or read by position: its rows, and where a page break leaves it open."""
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
    spanned: set[tuple[int, int]] = field(default_factory=set)  # (row, column) a cell to its left is ruled across


def position_tables(lines: list[Line], em: float, rules: list[float], number: int
                    ) -> tuple[list[Line], list[Table]]:
    """Tables printed without ruling lines (cells placed by position, or only horizontal rules: a
    三线表) read by position: see `_position_table`.  The rest of the page's lines, and the tables."""
    segs = [segments(ln, em) for ln in lines]
    tables: list[Table] = []
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


def _position_table(lines: list[Line], segs: list[list[list[dict]]], last: int, em: float,
                    rules: list[float], number: int) -> tuple[Table | None, int]:
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

    def untold(why: str) -> tuple[Table, int]:
        return Table(number, lines[0].top, lines[last].bottom, [[ln.text.strip()] for ln in lines[:last + 1]],
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
            row[col], end[col] = line_text(seg).strip(), max(c["x1"] for c in seg)
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
            return Table(number, top, bottom, [list(r) for r in cells], unread=(
                f"a table printed without ruling lines: its line '{quoted}' neither starts a row nor goes on "
                "a cell of the line above that fills its column (a cell printed over lines beside cells "
                "printed once, centred?), so its rows cannot be told; not read, its lines follow")), len(cells)
        if joins:
            rows[-1] = [a + b for a, b in zip(rows[-1], row)]
            above = [e if e else a for e, a in zip(ends[k], above)]
        else:
            rows.append(list(row))
            above = list(ends[k])
    return Table(number, top, bottom, rows), len(cells)


def rule_ends(page) -> list[dict]:
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


def ruled(rules: list[dict], y: float, x0: float, x1: float) -> bool:
    """Is the stretch x0..x1 at height y ruled (by the page's own rules, pieces joined)?"""
    reach = x0 + 1
    for e in sorted((e for e in rules if abs(e["top"] - y) <= 1), key=lambda e: e["x0"]):
        if e["x0"] <= reach + 1:
            reach = max(reach, e["x1"])
    return reach >= x1 - 1


def merged_down(rows) -> set[tuple[int, int]]:
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


def spanned_across(rows) -> set[tuple[int, int]]:
    """(row, column) of each place pdfplumber gives no cell (None) because a cell to its left is ruled
    across it (a cell merged across columns: 100 printed once over 2020年 | 2025年), its right edge
    past where the column starts in the rows that print it."""
    starts: dict[int, float] = {}
    for row in rows:
        for c, bbox in enumerate(row.cells):
            if bbox is not None:
                starts.setdefault(c, bbox[0])
    out: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        for c, bbox in enumerate(row.cells):
            if bbox is not None or c not in starts:
                continue
            left = next((row.cells[k] for k in range(c - 1, -1, -1) if row.cells[k] is not None), None)
            if left is not None and left[2] > starts[c] + 1:
                out.add((r, c))
    return out
