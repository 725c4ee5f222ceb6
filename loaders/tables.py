"""Tables flattened by text extraction (the records they become and their header vocabulary are
loaders/table_vocab.py): the indicator table (主要指标) and the key-task division
table (重点工作任务分工表).

Extraction prints a table either one cell per line (optionally tab-indented, a long cell wrapped onto
an unindented line) or one row per line with tab-separated cells.  Both layouts are read from the
header row: the header says which columns exist (category, name, 2020, 2025, attribute ...), the
cells are then assigned by what they look like, so a missing or wrapped cell does not shift the rest.
"""
from __future__ import annotations

import itertools
import math
import re
import unicodedata
from dataclasses import dataclass

from policykg.loaders.table_vocab import (DIVISION_CATEGORY_HEADER, MAX_DIVISION_COLUMNS, attribute_of, UNIT_PAREN_RE, DivisionRow,
                                          DivisionTable, IndicatorRow, IndicatorTable, header_roles, header_units, is_value_role,
                                          column_role, division_columns, is_category_cell, is_header_cell,
                                          is_heading_line, is_measure_unit, is_total_cell, names_indicators, NUMBER_HEADER, table_category, note_no_lead, note_unread, row_number, split_unit_paren, squash, unitlike,
                                          units_apart)
from policykg.loaders.grids import ACROSS_CORNERS, across_header, across_label, across_name, read_across_grid, read_indicator_grid
from policykg.loaders.reading import Grid
from policykg.loaders.responsibilities import DEADLINE_PHRASE_RE
from policykg.loaders.text import ITEM_RE, Line, normalize
from policykg.loaders.values import is_missing, is_value_cell, opens_with_value

_INDICATOR_HEADER_START = {"指标", "类别", "领域", "指标类别", "分类", "指标名称", "序号", "类别指标", "主要指标"}
_HEADER_WORDS = {"指标", "类别", "指标名称", "属性", "单位", "目标值", "基期值", "现状值", "序号", "目标",
                 "基期", "现状", "领域"}


@dataclass(frozen=True, slots=True)
class _Cell:
    """One cell of a division table as extraction printed it: its text and the lines it spans."""

    text: str
    first_line: int
    last_line: int


#: a column the row does not have (no supporting units)
_NO_CELL = _Cell("", 0, 0)


# ------------------------------------------------------------------------------------------------
# indicator tables
def _column_name(c: str) -> bool:
    """Could this header cell name a column no role reads (责任单位, 备注, 完成情况)?"""
    return (0 < len(c) <= 12 and "。" not in c and not ITEM_RE.match(c) and not is_value_cell(c)
            and not is_heading_line(c) and attribute_of(c) is None)


def _spelled(lines: list[Line], j: int) -> tuple[str, int]:
    """The header cell at lines[j], and the index of its last line: a cell letter-spaced to fill its
    column (指　标, 属　性) comes out of a PDF one character a line, read as the word it spells."""
    c = squash(lines[j].norm)
    if len(c) != 1 or not "\u4e00" <= c <= "\u9fff":
        return c, j
    word, last, k = c, j, j + 1
    while len(word) < 4 and (k := _next_nonempty(lines, k)) is not None:
        nxt = squash(lines[k].norm)
        if len(nxt) != 1 or not "\u4e00" <= nxt <= "\u9fff":
            break
        word, k = word + nxt, k + 1
        if column_role(word) is not None or word in _HEADER_WORDS:
            return word, k - 1
    return c, last


def _one_cell_header(lines: list[Line], i: int) -> tuple[list[str], int] | None:
    """Header cells starting at lines[i] through the attribute cell (属性, 指标属性) and any columns
    after it (备注, 责任单位), and the index of its last line."""
    if _spelled(lines, i)[0] not in _INDICATOR_HEADER_START:
        return None
    nxt = _next_nonempty(lines, i + 1)
    if column_role(lines[i].norm) == "name" and nxt is not None and column_role(lines[nxt].norm) in (
            "name", "index", "category"):
        return None  # a caption (主要指标) over the header, whose first cells name the columns before the values
    cells: list[str] = []
    j = i
    last = i  # the header's last cell so far
    while True:
        if j >= len(lines) or len(cells) >= 8:
            return None
        c, spelled_to = _spelled(lines, j)
        if c and ("\t" in lines[j].clean or (j > i and _single_spaced_rows(lines, j) is not None)):
            return None  # a row of cells apart by tabs, spaces or bars (a caption's next line: the header)
        if c:
            if column_role(c) is None and c not in _HEADER_WORDS and not _column_name(c):
                # a table printing no attribute column (属性): its header ends where the first row's
                # 序号 or numbered name starts, after the name and a value column
                if not lines[i].indented and _no_attribute_header(cells) and (
                        re.fullmatch(r"\d{1,3}", c) or ITEM_RE.match(lines[j].norm)):
                    return cells, last
                return None
            cells.append(c)
            last = j = spelled_to
            if column_role(c) == "attribute":
                break
        j += 1
    # columns after the attribute: the tab-indented header row runs to its blank line; one cell a
    # line, a cell that names a kind of thing (备注, 责任单位) before a row's first cell
    tabbed = lines[i].indented
    k = j + 1
    while k < len(lines) and len(cells) < 10:
        ln = lines[k]
        if not ln.clean:
            if tabbed:
                break
            k += 1
            continue
        c = squash(ln.norm)
        if tabbed != ln.indented or not (is_header_cell(c) or c == "说明") or column_role(c) is not None:
            break
        nxt = _next_nonempty(lines, k + 1)
        if not tabbed and (nxt is None or not ITEM_RE.match(lines[nxt].norm)) \
                and not is_header_cell(squash(lines[nxt].norm) if nxt is not None else ""):
            break  # a category line, not a column's name
        cells.append(c)
        j = k
        k += 1
    return cells, j


def _numbered_category(lines: list[Line], k: int, values: int) -> bool:
    """Is the heading-like lines[k] (一、社会保障) a category of a table printed one cell a line: what
    a category is (short, no sentence), and a row under it numbered 1 that its attribute cell closes
    within its name and `values` value cells, no heading between?  Else it is the plan's next heading."""
    if table_category(lines[k].norm) is None:
        return False
    cells: list[str] = []
    j = k + 1
    while len(cells) < values + 4:
        n = _next_nonempty(lines, j)
        if n is None:
            break
        cells.append(lines[n].norm)
        j = n + 1
    first = squash(cells[0]) if cells else ""
    m = ITEM_RE.match(first)
    if not (first == "1" or (m and m.group(1) == "1")):
        return False
    for c in cells[1:]:
        if is_heading_line(c):
            return False
        if attribute_of(c) is not None:
            return True
    return False


def _next_row_number(lines: list[Line], k: int, cur: IndicatorRow) -> bool:
    """Is lines[k] the next row's 序号 (the open row's number plus one, a name after it), not a value?"""
    m = re.fullmatch(r"\d{1,3}", squash(lines[k].norm))
    if m is None or not cur.no.isdigit() or int(m.group(0)) != int(cur.no) + 1:
        return False
    nxt = _next_nonempty(lines, k + 1)
    return nxt is not None and not is_value_cell(lines[nxt].norm) and not opens_with_value(lines[nxt].norm)


def _no_attribute_header(cells: list[str]) -> bool:
    """Header cells that make a table without an attribute column: a name and a year or value column
    (指标名称 | 2020年 | 2025年, 序号 | 指标 | 基期值 | 目标值)."""
    roles, _years = header_roles(cells)
    return any(map(names_indicators, cells)) and any(is_value_role(r) for r in roles) and "attribute" not in roles


def _next_nonempty(lines: list[Line], j: int) -> int | None:
    while j < len(lines):
        if lines[j].clean:
            return j
        j += 1
    return None


def _columns(header: list[str], period: tuple[int, int] | None) -> tuple[list[str | None], dict[str, int]]:
    """Each header cell's role (None: read by no role), a name column put in where the header
    leaves its cell blank (it prints no 指标 cell, only 类别 and the values)."""
    roles, years = header_roles(header, period)
    if "name" not in roles:
        at = next((k for k, r in enumerate(roles) if r not in ("category", "index")), len(roles))
        roles.insert(at, "name")
    return roles, years


def read_indicator_table(lines: list[Line], i: int, period: tuple[int, int] | None = None) -> IndicatorTable | None:
    """Read an indicator table whose header starts at lines[i] (0-based), or None; `period` is the
    plan's, whose base year is the baseline's (`table_vocab.header_roles`).

    A row runs from its numbered name cell to its attribute cell; the cells between stand under
    the header's columns between its name and attribute columns, one each (a tab-indented line
    holding only its tab is an empty cell); cells after the attribute under the columns after it.
    The table ends at a heading (一、, 第二章 …), or at a numbered line that does not continue the
    rows' numbering (a task list after the table: 1. after row 9) or that is a sentence (…。),
    never reading on into the plan."""
    line = lines[i]
    if "\t" in line.clean:
        return _read_tab_table(lines, i, period)
    head = _one_cell_header(lines, i)
    if head is None:
        return _read_across_lines(lines, i, period)
    header, j = head
    cols, years = _columns(header, period)
    # no attribute column (a table printing none): a row ends with its last value, not its attribute
    attributed = "attribute" in cols
    name_at, attr_at = cols.index("name"), cols.index("attribute") if attributed else len(cols)
    middle, trailing = cols[name_at + 1:attr_at], max(0, len(cols) - attr_at - 1)
    tabbed = lines[i].indented
    table = IndicatorTable([r for r in cols if r is not None], years, [], lines[i].no, lines[j].no,
                           units=header_units(header, period))
    table.unread = [(lines[i].no, f"indicator table column {name!r} not read")
                    for name, role in zip(_with_name(header, cols), cols) if role is None]
    if trailing and not tabbed and "category" in cols:
        table.unread.append((lines[i].no, "indicator table printed one cell a line with columns after the "
                                          "attribute: an empty cell of theirs cannot be told from a "
                                          "category line, so categories were not read"))
    rows = table.rows
    # a 序号 cell, then the name (a category column between them: rows read by `_read_unnumbered`)
    index_then_name = "index" in cols and "category" not in cols[cols.index("index"):name_at]
    category = ""
    category_since = False  # a category line since the last row (its numbering may restart)
    cur: IndicatorRow | None = None
    cells: list[tuple[str, int]] = []  # the open row's cells between its name and its attribute

    def close() -> None:
        nonlocal cur
        _place(cur, cells, middle, cols, table)
        rows.append(cur)
        table.last_line = cur.last_line
        cur = None
        cells.clear()

    j += 1
    j_rows = j
    while True:
        k = _next_nonempty(lines, j)
        if k is None:
            break
        if cur is not None and tabbed:  # tab-only lines before this one: empty cells of the row
            cells.extend(("", lines[e].no) for e in range(j, k) if lines[e].indented)
        cell, norm = lines[k].clean, lines[k].norm
        if is_heading_line(norm) and cur is None and attributed and _numbered_category(lines, k, len(middle)):
            # 一、社会保障 over rows numbered from 1, each closed by its attribute: a category
            category = table_category(norm) if not (trailing and not tabbed) else ""
            category_since = True
            j = k + 1
            continue
        if is_heading_line(norm):
            break  # the next chapter or section: the table ended, with or without the row's attribute
        if cur is None:
            m = ITEM_RE.match(norm)
            nxt = _next_nonempty(lines, k + 1)
            nxt_norm = lines[nxt].norm if nxt is not None else ""
            bare = re.fullmatch(r"\d{1,3}", squash(norm)) if index_then_name else None
            if bare and nxt is not None and not is_value_cell(nxt_norm) and not ITEM_RE.match(nxt_norm):
                # a 序号 cell, then the name: one row
                if not _continues(rows, bare.group(0), category_since) or "。" in nxt_norm:
                    break
                name, unit = split_unit_paren(lines[nxt].clean)
                cur = IndicatorRow(bare.group(0), name, category, unit, [], "", lines[k].no, lines[nxt].no)
                category_since = False
                k = nxt
            elif m:
                if not _continues(rows, m.group(1), category_since) or "。" in norm:
                    break  # a list after the table, not its next row
                name, unit = split_unit_paren(cell[len(cell) - len(m.group(2)):])
                cur = IndicatorRow(m.group(1), name, category, unit, [], "", lines[k].no, lines[k].no)
                category_since = False
            elif is_category_cell(norm) and nxt is not None and ITEM_RE.match(nxt_norm):
                category = cell if not (trailing and not tabbed) else ""
                category_since = True
            else:
                break
        else:
            if not attributed and ("。" in norm or norm.startswith(("注", "说明", "备注", "数据来源"))):
                break  # a note or a sentence under a table without attributes: the table ended
            attribute = attribute_of(norm) if attributed else None
            if attribute is not None:
                cur.attribute = attribute
                cur.last_line = lines[k].no
                close()
                j = _skip_trailing(lines, k + 1, trailing, tabbed)
                if j > k + 1:
                    table.last_line = lines[j - 1].no
                continue
            if (not cells and not cur.unit and UNIT_PAREN_RE.search(norm)
                    and not is_value_cell(norm) and not opens_with_value(norm)):
                # the name cell wrapped onto the next line: "…纳入最低生活保障" / "比例(%)"; a
                # value glossed in brackets (100（全覆盖）, >95（城镇）/>90（农村）) is the row's first value
                name, unit = split_unit_paren(cur.name + cell)
                cur.name, cur.unit = name, unit
            elif ITEM_RE.match(norm) and not is_value_cell(norm):
                # a row without an attribute cell: close it and re-read this line as a new row
                close()
                continue
            elif not attributed and _next_row_number(lines, k, cur):
                # a row printing fewer values than the header's columns, the next row's 序号 here:
                # which value it lacks no attribute cell tells, so it is not read
                table.unread.append((lines[k - 1].no, f"indicator table row {cur.no} prints {len(cells)} of "
                                                      f"{len(middle)} values and no attribute: which is "
                                                      f"missing cannot be told; the rest of the table was not read"))
                cur = None
                break
            else:
                cells.append((cell, lines[k].no))
                cur.last_line = lines[k].no
                if not attributed and len(cells) == len(middle):
                    close()
        j = k + 1
    if cur is not None and not attributed and len(cells) < len(middle):
        table.unread.append((cur.last_line, f"indicator table row {cur.no} prints {len(cells)} of {len(middle)} "
                                            f"values and no attribute: which is missing cannot be told; it was not read"))
    elif cur is not None:
        close()
    if not rows and not tabbed and not trailing:
        _read_unnumbered(lines, j_rows, cols, middle, table)
    if not rows:
        if tabbed:
            return None  # read by position (`flattened_grid`), or said there
        # a header whose rows were not read (rows without numbers, a second header row): said
        table.unread.append((lines[i].no, f"indicator table header ({' | '.join(header)}) not followed by rows "
                                          f"the reader could read (each a numbered name, its values, its "
                                          f"attribute): the table was not read"))
    return table


def _read_unnumbered(lines: list[Line], j: int, cols: list[str | None], middle: list[str | None],
                     table: IndicatorTable) -> None:
    """Rows printed one cell a line without numbered names: a row ends at its attribute cell, the
    cells before its name stand under the columns before it (序号: a bare number; the category),
    the cells between its name and the attribute one under each column between them.  The category
    is printed once for the rows below (a merged cell): a row that prints none keeps the one above.
    A row whose cells could be placed more than one way (a cell missing: is its first line a
    category or its name?) reads nothing and is a gap; a row below one whose category was not read
    reads none and says so.  The rows end at a heading, a sentence (…。), a numbered line, or where
    no attribute cell closes a row of about as many cells as the header has columns."""
    m = len(middle)
    leading = cols[:cols.index("name")]
    if not m or any(r not in ("index", "category") for r in leading):
        return
    has_category = "category" in leading
    category, lost = "", False
    place = 0
    k = _next_nonempty(lines, j)
    while k is not None:
        chunk: list[int] = []  # the lines of the row's cells before its attribute
        end = None
        x: int | None = k
        while x is not None and len(chunk) <= len(leading) + m + 3:
            norm = lines[x].norm
            if is_heading_line(norm) or "。" in norm or (ITEM_RE.match(norm) and not is_value_cell(norm)):
                break
            if attribute_of(norm) is not None:
                end = x
                break
            chunk.append(x)
            x = _next_nonempty(lines, x + 1)
        if end is None:
            break  # the table ended
        place += 1
        texts = [squash(lines[c].norm) for c in chunk]
        placed = _leading(texts, leading, middle)
        if placed is None:
            table.unread.append((lines[chunk[0] if chunk else end].no,
                                 f"indicator table row of {len(chunk)} cells before its attribute under "
                                 f"{len(leading) + m + 1} columns{' (its category merged from above: one less)' if has_category else ''} "
                                 f"not read (which cell is which cannot be told): {' | '.join(texts)[:60]}"))
            lost = lost or (has_category and any(is_category_cell(t) for t in texts[:len(leading)]))
            table.last_line = lines[end].no
            k = _next_nonempty(lines, end + 1)
            continue
        named, at_category, no = placed
        if at_category is not None:
            category, lost = lines[chunk[at_category]].clean, False
        at = chunk[named]
        if is_total_cell(lines[at].clean):  # a totals row (合计): the sum of the rows above, no indicator
            table.last_line = lines[end].no
            k = _next_nonempty(lines, end + 1)
            continue
        name, unit = split_unit_paren(lines[at].clean)
        row = IndicatorRow(no or str(place), name, "" if lost else category, unit, [], attribute_of(lines[end].norm),
                           lines[chunk[0]].no if no else lines[at].no, lines[end].no)
        if lost:
            table.unread.append((row.first_line, f"indicator {row.no} category not read (a row above it "
                                                 f"that was not read may print it)"))
        _place(row, [(lines[c].clean, lines[c].no) for c in chunk[named + 1:]], middle, cols, table)
        table.rows.append(row)
        table.last_line = lines[end].no
        k = _next_nonempty(lines, end + 1)


def _leading(texts: list[str], leading: list[str | None], middle: list[str | None]
             ) -> tuple[int, int | None, str] | None:
    """Where a row's cells (before its attribute) stand: (its name's index, its category's or None,
    its 序号) if they can stand one way only: the cells before the name one under each column
    before it (a category cell may be missing, merged from the row above), a 序号 cell a bare
    number, a category cell no number, unit or value; else None."""
    ways = [leading]
    if "category" in leading:
        ways.append([r for r in leading if r != "category"])
    found = []
    for way in ways:
        if len(texts) != len(way) + 1 + len(middle):
            continue
        ok = all(re.fullmatch(r"\d{1,3}", t) if r == "index" else
                 is_category_cell(t) and not is_measure_unit(t) for t, r in zip(texts, way))
        if ok and _fits(texts, len(way), middle):
            at_category = way.index("category") if "category" in way else None
            no = texts[way.index("index")] if "index" in way else ""
            found.append((len(way), at_category, no))
    return found[0] if len(found) == 1 else None


def _fits(texts: list[str], name_at: int, middle: list[str | None]) -> bool:
    """Do the cells from `name_at` stand as a name, then one cell under each column of `middle`:
    the name no value or unit, a unit cell a unit of measure, and the first cell after the name
    one that could be no name (a value, a unit, ——), so a row one cell short cannot pass as one
    whose category line is its name?"""
    name, rest = texts[name_at], texts[name_at + 1:]
    if not name or is_value_cell(name) or is_measure_unit(name):
        return False
    if any(role == "unit" and t and not (is_measure_unit(t) or is_missing(t)) for t, role in zip(rest, middle)):
        return False
    if any(is_value_role(role) and is_measure_unit(t) for t, role in zip(rest, middle)):
        return False
    first = rest[0]
    return is_value_cell(first) or is_measure_unit(first)


def _with_name(header: list[str], cols: list[str | None]) -> list[str]:
    """The header's cells beside `cols` (which may hold a name column the header left blank)."""
    out = list(header)
    if len(cols) > len(header):
        out.insert(cols.index("name"), "")
    return out


def _skip_trailing(lines: list[Line], j: int, count: int, tabbed: bool) -> int:
    """Past a row's cells after its attribute (备注, 责任单位: columns no role reads)."""
    if not count:
        return j
    if tabbed:  # the row's cells run to its blank line
        while j < len(lines) and lines[j].indented:
            j += 1
        return j
    taken = 0
    while taken < count:
        k = _next_nonempty(lines, j)
        if k is None or ITEM_RE.match(lines[k].norm) or is_heading_line(lines[k].norm):
            break
        taken += 1
        j = k + 1
    return j


def _place(row: IndicatorRow, cells: list[tuple[str, int]], middle: list[str | None], cols: list[str | None],
           table: IndicatorTable) -> None:
    """Put a row's cells under the columns between the name and the attribute, one each: a unit
    cell gives the row's unit, a value cell its baseline or target.  A row with more or fewer cells
    than those columns reads no value (which cell is which cannot be told) and is a gap, except a row
    printing only missing markers (——), which has no number to put in a wrong column."""
    value_roles = [r for r in cols if is_value_role(r)]
    if len(cells) < len(value_roles) and "unit" not in middle and all(is_missing(v) for v, _ in cells):
        row.values = list(cells)  # only ——: no number to misplace, read left to right as printed
        return
    if len(cells) != len(middle):
        if cells:
            printed = "、".join(v or "（空）" for v, _ in cells)
            table.unread.append((row.first_line, f"indicator row {row.no} prints {len(cells)} cells ({printed}) "
                                                 f"under {len(middle)} columns: its values were not read"))
        row.values = []
        return
    got = dict(zip(middle, cells))
    if "unit" in got and got["unit"][0]:
        row.unit = got["unit"][0]
    row.values = [got.get(r, ("", row.first_line)) for r in value_roles]


def _continues(rows: list[IndicatorRow], number: str, after_category: bool) -> bool:
    """Does a row numbered `number` continue the table's rows: the next number, or 1 again after
    a category line (tables that number each category's rows from 1)?"""
    if not rows or not rows[-1].no.isdigit():
        return True
    n = int(number)
    return n == int(rows[-1].no) + 1 or (after_category and n == 1)


#: the first characters of ACROSS_CORNERS ("" for the empty corner)
_ACROSS_FIRSTS = frozenset(c[:1] for c in ACROSS_CORNERS)


def _read_across_lines(lines: list[Line], i: int, period: tuple[int, int] | None) -> IndicatorTable | None:
    """An indicator table printed across (the indicators' names along its header row, a row for each
    year down its first column: `grids.read_across_grid`) one cell a line, no tab marking its cells:
    the corner cell (指标, 年份) at lines[i], the names, then rows each opening with its label (2020年,
    2025年, 属性, 单位) and a cell for each name.  A row printing another number of cells (an empty cell
    lost, so which column each of its cells stands in cannot be told) leaves the table unread (the
    rows' labels together say which is the baseline and which the target): said, with its line.
    None unless lines[i] opens such a table."""
    # (the corner's first character, cheaply: most lines open with another)
    if lines[i].indented or lines[i].norm.lstrip()[:1] not in _ACROSS_FIRSTS \
            or squash(lines[i].norm) not in ACROSS_CORNERS:
        return None
    at: list[int] = []  # the names' lines
    k = _next_nonempty(lines, i + 1)
    while k is not None and not lines[k].indented and across_name(lines[k].norm) and not is_heading_line(lines[k].norm):
        at.append(k)
        k = _next_nonempty(lines, k + 1)
    if not at or k is None or across_label(lines[k].norm) is None:
        return None

    def is_cell(n: int) -> bool:
        norm = lines[n].norm
        return (across_label(norm) is None and not is_heading_line(norm) and "。" not in norm
                and not lines[n].indented)

    rows = [(lines[i].no, tuple([lines[i].clean] + [lines[n].clean for n in at]))]
    cell_lines = {(0, c): lines[n].no for c, n in enumerate(at, 1)}
    unread: list[tuple[int, str]] = []
    last = at[-1]
    while k is not None and across_label(lines[k].norm) is not None:
        cells = [k]
        n = _next_nonempty(lines, k + 1)
        while n is not None and len(cells) <= len(at) and is_cell(n):
            cells.append(n)
            n = _next_nonempty(lines, n + 1)
        last = cells[-1]
        if len(cells) != len(at) + 1 or (n is not None and across_label(lines[n].norm) is None and (
                is_value_cell(lines[n].norm) or attribute_of(lines[n].norm) is not None)):
            more = len(cells) == len(at) + 1
            unread.append((lines[k].no, f"indicator table printed across: row {squash(lines[k].norm)!r} prints "
                                        f"{'more than ' + str(len(at)) if more else len(cells) - 1} "
                                        f"cell{'' if len(cells) == 2 else 's'} under "
                                        f"{len(at)} indicators (which column each stands in cannot be told)"))
            while n is not None and not is_heading_line(lines[n].norm) and (
                    across_label(lines[n].norm) is not None or is_value_cell(lines[n].norm)
                    or attribute_of(lines[n].norm) is not None):
                last = n  # the rest of the table's rows: cells, not prose
                n = _next_nonempty(lines, n + 1)
            break
        cell_lines.update({(len(rows), c): lines[x].no for c, x in enumerate(cells)})
        rows.append((lines[k].no, tuple(lines[x].clean for x in cells)))
        k = n
    table = read_across_grid(Grid(tuple(rows)), cell_lines, period) if len(rows) > 1 and not unread else None
    if table is None:
        names = " | ".join(squash(lines[n].clean) for n in at)
        table = IndicatorTable([], {}, [], lines[i].no, lines[last].no)
        unread.insert(0, (lines[i].no, f"indicator table printed across ({names}) not read"))
    else:
        table.last_line = lines[last].no
    table.unread = sorted(table.unread + unread)
    return table


def _read_tab_table(lines: list[Line], i: int, period: tuple[int, int] | None) -> IndicatorTable | None:
    """A table printed one row a line, cells apart by tabs: read by position under its header like
    a real table (`grids.read_indicator_grid`), an empty cell (two tabs) keeping its column, and so
    the empty cells a row ends with where the tabs it ended with make it as wide as its header (an
    empty 属性 or target: the stripped line lost them); a category may stand on a line of its own
    before its rows."""
    header = [c.strip() for c in lines[i].clean.split("\t")]
    if not any(column_role(c) == "name" for c in header) or not any(
            column_role(c) == "attribute" for c in header) and not _no_attribute_header(header):
        return None  # no indicator table: a name column and its attribute's, or values without one
    rows: list[tuple[int, tuple[str, ...]]] = [(lines[i].no, tuple(header))]
    j = i + 1
    while True:
        k = _next_nonempty(lines, j)
        if k is None:
            break
        cells = [c.strip() for c in lines[k].clean.split("\t")]
        if len([c for c in cells if c]) == 1 and table_category(lines[k].norm) is not None:
            nxt = _next_nonempty(lines, k + 1)
            if nxt is None or "\t" not in lines[nxt].clean:
                break
            if is_heading_line(lines[k].norm):
                # 一、社会保障: a category numbered as a heading is, where an indicator row follows it
                # (as wide as the header, its attribute last); else the plan's next heading
                below = [c.strip() for c in lines[nxt].clean.split("\t")]
                if len(below) != len(header) or attribute_of(below[-1]) is None:
                    break
        elif len([c for c in cells if c]) < 2:
            break
        elif len(cells) < len(header) and len(cells) + lines[k].tail_tabs == len(header):
            cells += [""] * lines[k].tail_tabs  # its last cells empty: the tabs it ended with keep them
        rows.append((lines[k].no, tuple(cells)))
        j = k + 1
    return read_indicator_grid(Grid(tuple(rows)), period)


# ------------------------------------------------------------------------------------------------
# the key-task division table
def read_division_table(lines: list[Line], i: int) -> DivisionTable | None:
    """Read a 重点工作任务分工表 whose title is at lines[i] (0-based)."""
    title_line = lines[i]
    tabbed = any(lines[k].indented for k in range(i, min(len(lines), i + 20)))
    j = _next_nonempty(lines, i + 1)
    header: list[str] = []
    while j is not None and len(header) < MAX_DIVISION_COLUMNS:
        c = squash(lines[j].norm)
        if (c not in NUMBER_HEADER) if not header else not is_header_cell(c):
            break
        header.append(c)
        nxt = _next_nonempty(lines, j + 1)
        if tabbed and nxt is not None and any(not ln.clean for ln in lines[j + 1:nxt]) \
                and is_header_cell(squash(lines[nxt].norm)):
            return None  # a header with an empty cell, or of two rows: read by position (`flattened_grid`)
        j = nxt
    found = division_columns(header)
    if found is None:
        return None
    cols, unknown = found
    table = DivisionTable(title_line.clean, title_line.no, first_line=title_line.no,
                          lead_column=header[cols["lead"]], support_column="support" in cols,
                          chapter_column="chapter" in cols)
    # group lines into cells
    cells: list[_Cell] = []
    k = j
    while k is not None and k < len(lines):
        ln = lines[k]
        if not ln.clean and not (tabbed and ln.indented):
            k += 1  # a blank line between cells
            continue
        if is_heading_line(ln.norm):
            break
        starts_cell = ln.indented if tabbed else True
        if starts_cell or not cells:
            cells.append(_Cell(ln.clean, ln.no, ln.no))
        else:
            prev = cells[-1]
            if unitlike(ln.clean) and unitlike(prev.text) or units_apart(prev.text.split("\n")[-1], ln.clean):
                text = prev.text + "\n" + ln.clean  # several units in one cell, one per line
            elif (not unitlike(prev.text) and not prev.text.endswith("。")
                  and not re.fullmatch(r"\d{1,3}", squash(prev.text))):
                text = prev.text + ln.clean  # a task cell wrapped onto an unindented line
            else:
                break  # text after the table (footer, page furniture)
            cells[-1] = _Cell(text, prev.first_line, ln.no)
        k += 1  # a tab-only line is an empty cell, so every line counts here
    ncols = len(header)
    expect = 1
    idx = 0
    while idx < len(cells):
        text, first = cells[idx].text, cells[idx].first_line
        if squash(text) != str(expect):
            if table.rows and not unitlike(text):
                break  # trailing text after the table (footer, page furniture)
            idx += 1
            continue
        if tabbed:  # a row runs to the next row number; its cells stand under the header's names
            end = next((m for m in range(idx + 1, min(len(cells), idx + 2 * ncols))
                        if squash(cells[m].text) == str(expect + 1)), None)
            row_cells = cells[idx + 1: idx + ncols if end is None else end]
            if len(row_cells) == ncols - 1:
                cell = lambda role: row_cells[cols[role] - 1] if cols.get(role, ncols) - 1 < len(row_cells) \
                    else _NO_CELL  # noqa: E731
            else:  # a cell missing or one too many: which is which cannot be told, so only the task
                table.unread.append((first, f"division table row {expect} has {len(row_cells)} cells under "
                                            f"{ncols - 1} column names: its units were not read"))
                # the task: the longest cell that is no list of units (推进无障碍建设, not 县残联、县交通运输局)
                task_cell = max((c for c in row_cells if not unitlike(c.text)), key=lambda c: len(c.text),
                                default=max(row_cells, key=lambda c: len(c.text), default=_NO_CELL))
                cell = lambda role: task_cell if role == "task" else _NO_CELL  # noqa: E731
        else:  # by what the lines look like: a task until its 。, then the units and the deadline
            named = cols.get("content") == cols["task"] + 1 == 2 and cols["lead"] == 3
            after = [k for k in range(1, ncols) if k not in (cols["task"], cols.get("content"))]
            by_order, end, why = _regroup_untabbed(cells, idx + 1, ncols - 1, expect + 1, named,
                                                   _deadline_place(cols, after))
            if why:
                table.unread.append((first, f"division table row {expect} {why}: its units and deadline "
                                            f"were not read"))
            elif "support" in by_order and "\n" in by_order["support"].text:
                # more lines of units than columns of units: where the lead's cell ends is not printed
                table.unread.append((first, f"division table row {expect} prints its units one a line, more "
                                            f"lines than columns of units, and no mark where a cell ends: read "
                                            f"as its first line the lead's ({by_order['lead'].text}), the others "
                                            f"the supporters' ({by_order['support'].text.replace(chr(10), '、')}); "
                                            f"a lead's cell of several lines would be misread"))
            row_cells = list(by_order.values())
            cell = lambda role: by_order.get(role, _NO_CELL)  # noqa: E731
        if len(row_cells) < 2 and not (not tabbed and row_cells and why):
            break
        task, lead, support, content = cell("task"), cell("lead"), cell("support"), cell("content")
        last = max(c.last_line for c in (row_cells if tabbed else cells[idx + 1:end]))
        table.rows.append(DivisionRow(str(expect), task.text, lead.text, support.text, first, last,
                                      lead.first_line, support.first_line, task.first_line,
                                      deadline=cell("deadline").text, content=content.text,
                                      content_line=content.first_line, chapter=cell("chapter").text,
                                      chapter_line=cell("chapter").first_line))
        # a row printed without cell marks runs to the next row's number, whatever its cells joined into
        idx = idx + 1 + len(row_cells) if tabbed else end
        expect += 1
    if not table.rows:
        return None
    table.last_line = table.rows[-1].last_line
    note_no_lead(table)
    note_unread(table, [header[k] for k in unknown],
                [c.first_line for c in cells[idx:] if squash(c.text) == str(expect)][:1])
    if not tabbed and unknown:
        table.unread.append((title_line.no, f"division table printed without cell marks has {len(header)} "
                                            f"columns: only the task{' and its content' if 'content' in cols else ''}"
                                            f"{', its units and its deadline' if 'deadline' in cols else ' and its units'}"
                                            f" were read by position"))
    return table


def _deadline_place(cols: dict[str, int], after: list[int]) -> int | None:
    """Where a division table's deadline cell stands among a row's cells after its task (and content)
    printed one a line, by its column's place among the columns after them (`after`: their indexes
    in header order): k >= 0 the k-th cell from the start where no units column comes before it
    (序号 | 任务 | 完成时限 | 牵头单位) or only the lead's (one cell) before units after it; -k-1 the
    k-th from the end where no units column comes after it (序号 | 任务 | 牵头单位 | 配合单位 | 完成时限:
    a units cell may run over several lines); None without a deadline column."""
    if "deadline" not in cols:
        return None
    at = after.index(cols["deadline"])
    before, behind = after[:at], after[at + 1:]
    if not {cols.get("lead"), cols.get("support")} & set(behind):
        return -len(behind) - 1
    return len(before)


def _is_deadline(cell: _Cell) -> bool:
    """Does a cell read as a deadline (2022年底, 长期, 持续推进, “十四五”期间), no unit?"""
    return not unitlike(cell.text) and DEADLINE_PHRASE_RE.fullmatch(normalize(squash(cell.text))) is not None


def _regroup_untabbed(cells: list[_Cell], start: int, ncols: int, next_no: int, named: bool = False,
                      deadline: int | None = None) -> tuple[dict[str, _Cell], int, str]:
    """Without tab marks each line is a cell; a task wraps until its 。, units follow.  In a table
    whose task's name comes before its content (`named`: 任务名称 | 具体内容 | 牵头单位), the first
    line is the name and the content wraps until its 。 (where the first line is a sentence, or a
    unit follows it, the row prints no separate name: it is read as the task).  A table with a
    deadline column (`deadline`: its cell's place, `_deadline_place`) has its deadline in the one
    cell after the task that reads as one (2022年底, 长期), standing where its column says; a row
    printing none there and only units has an empty deadline cell; any other row (a cell that is
    neither, or a deadline out of its column's place) reads no units and no deadline, so a deadline
    is never a unit.  ({role: cell}, the index of the next row's number, why the units were not read
    or '')."""
    end = start
    while end < len(cells) and squash(cells[end].text) != str(next_no):
        end += 1
    span = cells[start:end]
    if not span:
        return {}, end, ""
    out: dict[str, _Cell] = {}
    first = "task"
    dated = deadline is not None
    if dated:
        ncols -= 1
    if named:
        ncols -= 1
        if (len(span) >= 3 and not span[0].text.endswith(("。", "；", ";")) and not unitlike(span[1].text)
                and not (dated and _is_deadline(span[1]))):
            out["task"] = span[0]
            span = span[1:]
            first = "content"
    t = 0
    task = span[0]
    while (not task.text.endswith(("。", "；", ";")) and t + 1 < len(span) - 1 and not unitlike(span[t + 1].text)
           and not (dated and _is_deadline(span[t + 1]))):
        t += 1
        task = _Cell(task.text + span[t].text, task.first_line, span[t].last_line)
    out[first] = task
    rest = span[t + 1:]
    if dated:
        found = [k for k, c in enumerate(rest) if _is_deadline(c)]
        where = deadline if deadline >= 0 else len(rest) + deadline
        if found == [where]:
            out["deadline"] = rest.pop(where)
            if deadline < 0:  # the cells after it are the columns' after it (备注): no units
                rest = rest[:where]
        elif found or not all(unitlike(c.text) for c in rest):
            shown = " | ".join(squash(c.text)[:20] for c in rest)
            return out, end, (f"prints after its task {shown} under columns of units and a deadline: which "
                              f"cell is the deadline cannot be told")
    if not rest:
        return out, end, ""
    out["lead"] = rest[0]
    if len(rest) == 1 or ncols < 3:
        return out, end, ""
    # (lines of units beyond the columns' are the supporters': said by the caller, as a guess)
    out["support"] = _Cell(("、" if len(rest) <= ncols - 1 else "\n").join(c.text for c in rest[1:]),
                           rest[1].first_line, rest[-1].last_line)
    return out, end, ""


# ------------------------------------------------------------------------------------------------
# any flattened table, read by position
def flattened_grid(lines: list[Line], i: int) -> tuple[Grid, int] | LaidOutUnread | None:
    """The table that starts at lines[i] as text extraction flattens tables, as a `Grid`, so that it
    is read by position like a real table; with the line it ends on.  Three printings: one cell a
    tab-indented line and a blank line after each row (a wrapped cell goes on unindented), one row a
    line, cells apart by tabs or runs of spaces, or drawn with +---+ and | (`drawn_table`).  None
    unless two rows, one of two cells; a table laid out as the page prints it whose lines cannot be
    told to their rows is said (`LaidOutUnread`)."""
    dashed = _dashed_rows(lines, i)
    drawn = drawn_table(lines, i) if dashed is None else None
    found: tuple[list[tuple[int, tuple[str, ...]]], int] | LaidOutUnread | None
    if dashed is not None:
        found = dashed
    elif drawn is not None:
        rows, last = drawn
        if len(rows[0][1]) < 2:
            return None  # one column: a box (`drawn_box`)
        found = ([(nos[0], tuple(_cell_text(c) for c in cells)) for nos, cells in rows], last)
    else:
        found = _cell_lines(lines, i) if lines[i].indented else (_row_lines(lines, i) or _numbered_cell_lines(lines, i))
    if found is None or isinstance(found, LaidOutUnread):
        return found
    rows, last = found
    if not _tabular(rows):
        return None
    return Grid(tuple(rows), flattened=True), last


#: the longest a header cell (a column's name) is printed
_HEADER_MAX = 15


def _tabular(rows: list[tuple[int, tuple[str, ...]]]) -> bool:
    """Rows that make a table, not paragraphs a document happens to indent: a header of two or more
    short column names (no sentence), and most rows as wide as it."""
    if len(rows) < 2:
        return False
    header = rows[0][1]
    if across_header([(line, list(cells)) for line, cells in rows]) == 0:
        return True  # an indicator table printed across: its header row holds the indicators' names
    if len(header) < 2 or any(len(c) > _HEADER_MAX or "。" in c for c in header):
        return False
    return sum(len(cells) == len(header) for _, cells in rows[1:]) * 2 >= len(rows) - 1


def _numbered_cell_lines(lines: list[Line], i: int) -> tuple[list[tuple[int, tuple[str, ...]]], int] | None:
    """One cell a line with nothing between cells or rows (PDF extraction of a box's table): a header
    opening with 序号, three or more column names a line, then rows as wide as it, each opening with
    the next number (1, 2, 3 …).  It ends where a line is not the next row's number where one is due
    (a blank line, prose, a heading): an empty cell cannot be told, so a row cut short ends the table."""
    if squash(lines[i].norm) != "序号":
        return None
    header: list[str] = []
    k = i
    while k < len(lines) and lines[k].clean and not re.fullmatch(r"\d{1,3}", lines[k].clean.strip()):
        c = lines[k].clean.strip()
        if len(c) > _HEADER_MAX or _SENTENCE_MARKS.search(c) or not _COLUMN_WORD.search(c):
            return None
        header.append(c)
        k += 1
    if len(header) < 3:
        return None
    rows = [(lines[i].no, tuple(header))]
    while k + len(header) <= len(lines) and lines[k].clean.strip() == str(len(rows)):
        cells = [ln.clean.strip() for ln in lines[k:k + len(header)]]
        if not all(cells):
            break
        rows.append((lines[k].no, tuple(cells)))
        k += len(header)
    return (rows, lines[k - 1].no) if len(rows) >= 2 else None


def _cell_lines(lines: list[Line], i: int) -> tuple[list[tuple[int, tuple[str, ...]]], int]:
    rows: list[tuple[int, tuple[str, ...]]] = []
    cells: list[str] = []
    first = last = lines[i].no
    for ln in lines[i:]:
        if ln.furniture:
            continue  # a page's number or header, blanked: the table goes on over the page break
        if ln.indented:  # a cell (a tab alone: an empty one)
            first = ln.no if not cells else first
            cells.append(ln.clean)
        elif ln.clean:
            if not cells or is_heading_line(ln.norm):
                break  # prose after the table
            cells[-1] += "\n" + ln.clean  # a cell wrapped onto an unindented line
        elif cells:  # a blank line ends the row
            rows.append((first, tuple(cells)))
            cells = []
        else:
            continue
        last = ln.no
    if cells:
        rows.append((first, tuple(cells)))
    return rows, last


#: where a row printed on one line splits into cells
_CELL_GAP = re.compile(r"\t|\s{2,}|\u3000+")


def _single_spaced_rows(lines: list[Line], i: int) -> tuple[list[tuple[int, tuple[str, ...]]], int] | None:
    """Rows a line, cells apart by one space each (指标 2020年 2025年 属性 / 康复服务覆盖率（%） 85 >90 约束性:
    a table retyped, or extracted with its alignment lost) or by bars: only under a header of three or
    more column names, no sentence among them (two of them naming what columns hold, where spaces set
    them apart), and only while a row has as many cells as the header (a line of prose with a space
    in it is no row)."""
    piped = lines[i].clean.count("|") >= 2
    outer = (lines[i].clean.strip().startswith("|"), lines[i].clean.strip().endswith("|"))
    header = _split_cells(lines[i].clean, piped, outer)
    longest = 40 if piped else _HEADER_MAX  # bars set cells apart whatever they hold (an indicator's name)
    if len(header) < 3 or any(len(c) < 2 or len(c) > longest or _SENTENCE_MARKS.search(c) for c in header) \
            or (not piped and sum(bool(_COLUMN_WORD.search(c)) for c in header) < 2):
        return None
    rows = [(lines[i].no, tuple(header))]
    for ln in lines[i + 1:]:
        if piped and _RULE_ROW.fullmatch(ln.clean):
            continue  # |---|---|: a Markdown table's rule under its header
        cells = tuple(_split_cells(ln.clean, piped, outer))
        if len(cells) != len(header) or (not piped and (not all(cells) or _CELL_GAP.search(ln.clean))):
            break
        rows.append((ln.no, cells))
    return (rows, rows[-1][0]) if len(rows) >= 2 else None


def _split_cells(line: str, piped: bool, outer: tuple[bool, bool] = (False, False)) -> list[str]:
    """A row's cells apart by single spaces, or by | (a Markdown or plain-text table: 指标 | 2020年 |
    …; `outer`: whether the header opens and closes with a bar, so that every row's are no cells).
    A cell may be empty (a category printed once for the rows under it)."""
    if not piped:
        return line.split(" ")
    cells = [c.strip() for c in line.strip().split("|")]
    if outer[0] and cells and not cells[0]:
        cells = cells[1:]
    if outer[1] and cells and not cells[-1]:
        cells = cells[:-1]
    return cells


#: a drawn table's rule: +----+----+ (a row's end), +====+====+ (its header's)
_DRAWN_RULE_RE = re.compile(r"\+(?:[-=:]+\+)+")


#: a rule of dashes across a table (its top or its bottom), and under its header one run of dashes a
#: column, a space or more apart (Markdown's simple and multiline tables, as pandoc prints a Word table)
_DASH_RULE_RE = re.compile(r"-{3,}")
_COLUMN_RULE_RE = re.compile(r"-{2,}(?: +-{2,})+")


def _display_width(text: str) -> int:
    """How many columns `text` takes on a terminal's (and pandoc's) grid: two for a wide character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _dashed_rows(lines: list[Line], i: int) -> tuple[list[tuple[int, tuple[str, ...]]], int] | None:
    """A table set out under a rule of dashes, one run a column (pandoc's text of a Word table, a
    Markdown simple or multiline table): each character stands in the column whose run starts at or
    before the place it takes (a Chinese character two places wide); under a rule across the table,
    a row runs over its lines to a blank line (its cells' lines joined as wrapped), else a row is a
    line and a blank line ends the table.  Its rows from its header, and the line it ends on."""
    top = bool(_DASH_RULE_RE.fullmatch(lines[i].clean))
    k = i + 1 if top else i
    head: list[Line] = []
    while k < len(lines) and lines[k].clean and not _COLUMN_RULE_RE.fullmatch(lines[k].clean) and len(head) < 3:
        head.append(lines[k])
        k += 1
    if not head or k >= len(lines) or not _COLUMN_RULE_RE.fullmatch(lines[k].clean) or (not top and len(head) > 1):
        return None
    rule = lines[k]
    starts = [rule.lead + _display_width(rule.clean[:m.start()]) for m in re.finditer(r"-+", rule.clean)]

    def cells_of(ln: Line) -> list[str]:
        out, at = [""] * len(starts), ln.lead
        for ch in ln.clean:
            out[max((c for c, start in enumerate(starts) if start <= at), default=0)] += ch
            at += _display_width(ch)
        return [c.strip() for c in out]

    def joined(printed: list[list[str]]) -> tuple[str, ...]:
        return tuple(_joined_lines([c for c in column if c]) for column in zip(*printed))

    rows = [(head[0].no, joined([cells_of(ln) for ln in head]))]
    row: list[Line] = []  # the lines of the row being read (under a rule across the table)
    last = rule.no
    for ln in lines[k + 1:]:
        rule_line = bool(ln.clean) and bool(_DASH_RULE_RE.fullmatch(ln.clean) or _COLUMN_RULE_RE.fullmatch(ln.clean))
        if ln.clean and not rule_line:
            row.append(ln)
            last = ln.no
            if top:
                continue
        if row:
            rows.append((row[0].no, joined([cells_of(r) for r in row])))
            row = []
        if rule_line:
            last = ln.no
            break  # the table's bottom rule
        if not ln.clean and not top:
            break  # a blank line ends a table of one line a row
    if row:
        rows.append((row[0].no, joined([cells_of(r) for r in row])))
    return (rows, last) if len(rows) >= 2 else None


def drawn_table(lines: list[Line], i: int) -> tuple[list[tuple[list[int], list[list[str]]]], int] | None:
    """A table drawn with characters, as pandoc prints a Word table as text (a Markdown grid table):
    rules of +, - and = between its rows, each row's cells between | marks over one line or more, a
    cell's paragraphs apart by a blank line of it.  Its rows (the numbers of the lines each prints,
    and each cell as the lines it prints), and the line it ends on; None unless lines[i] opens one."""
    if not _DRAWN_RULE_RE.fullmatch(lines[i].clean):
        return None
    ncols = lines[i].clean.count("+") - 1
    rows: list[tuple[list[int], list[list[str]]]] = []
    nos: list[int] = []
    cells: list[list[str]] = []
    last = lines[i].no
    for ln in lines[i + 1:]:
        text = ln.clean
        if _DRAWN_RULE_RE.fullmatch(text) and text.count("+") - 1 == ncols:
            if nos:
                rows.append((nos, cells))
            nos, cells = [], []
            last = ln.no
            continue
        parts = text[1:-1].split("|") if len(text) > 1 and text[0] == text[-1] == "|" else []
        if len(parts) != ncols:
            break
        if not nos:
            cells = [[] for _ in range(ncols)]
        nos.append(ln.no)
        for column, part in zip(cells, parts):
            column.append(part.strip())
    return (rows, last) if rows else None


def _paragraphs(printed: list[str], wide: bool = False) -> list[tuple[int, str]]:
    """A drawn table's cell from the lines it prints: its paragraphs (apart by a blank line), each
    with the index of its first line, its lines joined as wrapped (nothing between Chinese
    characters).  In a wide cell (a box's), a line ending short of half the cell's width went on at a
    space the text prints there (a box item's name and its description, two spaces apart): kept."""
    width = max((len(ln) for ln in printed), default=0)
    out: list[tuple[int, str]] = []
    text, first = "", 0
    for k, ln in enumerate(printed + [""]):
        if not ln:
            if text:
                out.append((first, text))
            text = ""
        elif not text:
            text, first = ln, k
        elif wide and len(printed[k - 1]) * 2 < width:
            text += "  " + ln
        else:
            text = _joined(text, ln)
    return out


def _cell_text(printed: list[str]) -> str:
    """A drawn table's cell: its paragraphs one a line (a cell of units, one a paragraph)."""
    return "\n".join(text for _, text in _paragraphs(printed))


def drawn_box(lines: list[Line], i: int) -> tuple[list[Line], int] | None:
    """A drawn table of one column (a 专栏 box, as pandoc prints a Word file's one-cell table): its
    paragraphs as lines of prose, each at the line it starts on; and the index of its last line."""
    drawn = drawn_table(lines, i)
    if drawn is None or len(drawn[0][0][1]) != 1:
        return None
    rows, last = drawn
    out = [Line(nos[k], text, normalize(text), False) for nos, (cell,) in rows
           for k, text in _paragraphs(cell, wide=True)]
    return out, next(k for k in range(i, len(lines)) if lines[k].no == last)


#: a stretch of a line's text: words one space apart (2020 年), two or more spaces, a tab or a
#: full-width space between stretches
_STRETCH_RE = re.compile(r"[^ \t\u3000]+(?: [^ \t\u3000]+)*")
#: how far (in characters) a stretch may start before its column's header cell and still be its
_ALIGN_SLACK = 2


def _stretches(ln: Line) -> list[tuple[int, str]]:
    """Each stretch of a line's text with the column (in characters) it starts at on the page."""
    return [(ln.lead + m.start(), m.group()) for m in _STRETCH_RE.finditer(ln.clean)]


def _laid_out_rows(lines: list[Line], i: int) -> tuple[list[tuple[int, tuple[str, ...]]], int] | LaidOutUnread | None:
    """A table as `pdftotext -layout` prints a PDF's (and as one is typed aligned with spaces): a
    header of three or more cells two spaces apart or more, each row's cells standing under them,
    and a cell's text wrapped inside its column onto the lines above or below its row's line (the
    line printing its first column's cell, 序号 or a name, and another; or a row number alone).
    Each stretch of text belongs to the column whose header cell starts at or just before it.  The
    table ends at a line whose text does not stand in the columns (a stretch running across a
    column's start: prose), a heading, or a second blank line.  None where no row goes on over two
    lines: one row a line is read as before.

    Cells are printed from their top (Word's and WPS's default) or centred in their row (a table
    set so): from the top, every cell of a row starts on its row's line and goes on down it, line
    after line; centred, a cell prints as many lines above its row's line as below it (its middle
    line on the row's line, or none there when it prints an even number).  The lines between two
    rows' lines are read as each printing allows; where both allow and read apart, the printing
    whose cells wrap only at their column's width (a line short of it ends its cell) is taken, and
    where the lines read as neither, or as both alike, the table is said, with its line, never read
    (`LaidOutUnread`)."""
    header = _stretches(lines[i])
    starts = [pos for pos, _ in header]
    if len(starts) < 3:
        return None
    entries: list[tuple[int, dict[int, str]]] = []
    pages: list[int] = []  # the page each entry prints on (0: the header's)
    sheet = 0
    last = lines[i].no
    blank = 0
    new_page = False
    for j in range(i + 1, len(lines)):
        ln = lines[j]
        if ln.page_break:
            blank, new_page = 0, True  # the page's foot and head (blanked) end no table
            sheet += 1
        if not ln.clean:
            blank += not (ln.page_break or new_page)  # none at a page's top counts
            if blank > 1 and not _page_ends(lines, j):
                break
            continue
        if ln.indented or is_heading_line(ln.norm):
            break
        if new_page:
            new_page = False
            page = _page_columns(lines, j, [text for _, text in header],
                                 max(b - a for a, b in zip(starts, starts[1:])))
            if page is not None:
                starts, repeated = page
                if repeated:
                    last = ln.no
                    continue  # the header printed again at the page's top
            elif not _standing(ln, starts) and not (len(_stretches(ln)) == 1 and len(ln.clean) > max(
                    b - a for a, b in zip(starts, starts[1:]))):
                return LaidOutUnread(lines[i].no, last, "a table laid out as the page prints it (cells wrapped "
                                                        "inside their columns, pdftotext -layout) going on over a "
                                                        f"page (line {ln.no}) where no line prints every column "
                                                        "and its lines stand in no column above: where its "
                                                        "columns stand there is not told, its rows are not read")
        placed = _standing(ln, starts)
        if not placed:
            break
        entries.append((ln.no, placed))
        pages.append(sheet)
        blank = 0
        last = ln.no
    numbered = bool(re.fullmatch(r"序号|编号", squash(header[0][1])))
    # columns of names first (类别 | 指标): a line printing none of the columns after them prints
    # their cells going on (a category 残疾人保 / 障 wrapped beside its row's name), no row's
    names = next((k for k, (_, text) in enumerate(header)
                  if squash(_FONT_GAP_RE.sub("", text)) not in _NAME_COLUMNS), len(header))
    # a row's line: its first cell and another, or its number alone; in a table of names, every
    # cell but the first (a category merged down over the rows below it prints once)
    # each column's width as printed (a Chinese character two of a number's or a letter's)
    shown = [max((_display_width(p[c]) for _, p in entries if c in p), default=0) for c in range(len(starts))]
    anchors = [k for k, (_, placed) in enumerate(entries)
               if (0 in placed and (len(placed) >= 2 or (numbered and placed[0].isdecimal()))
                   and (names < 2 or max(placed) >= names)
                   or (not numbered and 0 not in placed and len(placed) == len(starts) - 1 >= 3)
                   or (not numbered and len(placed) >= 2 and max(placed) >= names
                       and _NUMBERED_NAME_RE.match(placed.get(1, ""))))
               and not _wraps_on(entries, k, shown)]
    if not anchors:
        return None
    if len(anchors) == len(entries):
        return None  # one row a line: read as before
    width = [max((len(p[c]) for _, p in entries if c in p), default=0) for c in range(len(starts))]
    top = _top_printed(entries, anchors, len(starts))
    centred = _centred(entries, pages, anchors, len(starts), width)
    if anchors[0] > 0 and not numbered:
        # lines above the first row's: its cells' upper lines (centred), or the header's own cells
        # wrapped, the rows printed from their top under them: neither read so
        below = [a - anchors[0] for a in anchors]
        wrapped = _top_printed(entries[anchors[0]:], below, len(starts))
        if centred is None or (wrapped is not None and _short_lines(wrapped, width) <= _short_lines(centred, width)):
            return None
    if top is not None and (centred is None or centred == top):
        chosen = top
    elif centred is not None and top is None:
        chosen = centred
    elif top is not None and centred is not None and _short_lines(top, width) != _short_lines(centred, width):
        chosen = min((top, centred), key=lambda rows: _short_lines(rows, width))
    else:
        what = ("as from their top and as centred in their rows, reading apart" if top is not None
                else "neither as from their top nor as centred in their rows")
        return LaidOutUnread(lines[i].no, last, f"a table laid out as the page prints it (cells wrapped inside "
                                                 f"their columns, pdftotext -layout) whose lines read {what}: "
                                                 f"which row each line is not told, its rows are not read")
    rows = [(lines[i].no, tuple(_FONT_GAP_RE.sub("", text) for _, text in header))]
    rows += [(entries[a][0], tuple(_FONT_GAP_RE.sub("", _joined_lines(cell)) for cell in cells))
             for a, cells in zip(anchors, chosen)]
    return rows, last


#: the names of a table's columns of names, before its values (类别 | 指标 | 2020年 …)
_NAME_COLUMNS = _INDICATOR_HEADER_START - {"序号"}


#: the space pdftotext prints between a number and the Chinese beside it (推进第 5 项, 2022 年底前):
#: a change of font, no text
_FONT_GAP_RE = re.compile(r"(?<=\d) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=\d)")


def _wraps_on(entries: list[tuple[int, dict[int, str]]], k: int, width: list[int]) -> bool:
    """Does line `k` of a laid-out table print only the rest of cells the line before it filled to
    their column's width (a category and a name both wrapped: 社会保障和基  2.符合条件的 / 本公共服务
    残疾人纳入最), no row's number (3, 一, ①, 1.1) and no cell opening with one?  Then it is no row's line, though
    it prints the first column and another."""
    if k == 0:
        return False
    above, placed = entries[k - 1][1], entries[k][1]
    return all(c in above and _display_width(above[c]) >= width[c] - 2 and not _ROW_NO_RE.match(text)
               and row_number(text) is None for c, text in placed.items())


#: a name opening with its row's number (11.困难重度残疾人…): a row's line, in a table whose first
#: column is a category merged down, though a cell of the row is empty
_NUMBERED_NAME_RE = re.compile(r"\d{1,3}[.、．](?!\d)")
#: a cell that is, or opens with, a row's number (3 / 3. / 3、)
_ROW_NO_RE = re.compile(r"\d{1,3}(?:\s*[.、．](?!\d)|$)")


def _split_at_columns(stretches: list[tuple[int, str]], starts: list[int] | None) -> list[tuple[int, str]]:
    """The stretches, each parted where a value stands one space after a name that filled its
    column, at the next column's start (10.残疾人辅助器具 >90: pdftotext leaves one space where the
    name runs to the value's column); with no `starts` (the columns sought), wherever one does."""
    out = []
    for pos, text in stretches:
        while True:
            cut = next((m.start() for m in _NAME_VALUE_GAP_RE.finditer(text)
                        if starts is None or any(abs(pos + m.start() + 1 - start) <= _ALIGN_SLACK
                                                 for start in starts if start > pos)), None)
            if cut is None:
                break
            out.append((pos, text[:cut]))
            pos, text = pos + cut + 1, text[cut + 1:]
        out.append((pos, text))
    return out


#: one space between a name's last Chinese character and a value (a number, a bound): >90, ≥362, 100%
_NAME_VALUE_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff）)]) (?=[\d<>≤≥＜＞+\-—])")


def _standing(ln: Line, starts: list[int]) -> dict[int, str]:
    """Each stretch of a line's text by the column it stands in; none where one stands before the
    first column, two in one column, or one across a column's start (prose).  A cell filling its
    column to the next one's start is printed one space before that column's text: a stretch
    running on across a column's start, one space apart where that column starts, is two cells."""
    placed: dict[int, str] = {}
    stretches = _stretches(ln)
    while stretches:
        pos, text = stretches.pop(0)
        col = max((c for c, start in enumerate(starts) if start <= pos + _ALIGN_SLACK), default=None)
        if col is not None and col + 1 < len(starts) and pos + len(text) > starts[col + 1]:
            cut = next((m.start() for m in re.finditer(" ", text)
                        if abs(pos + m.start() + 1 - starts[col + 1]) <= _ALIGN_SLACK), None)
            if cut is not None:
                stretches.insert(0, (pos + cut + 1, text[cut + 1:]))
                text = text[:cut]
        if col is None or col in placed or (col + 1 < len(starts) and pos + len(text) > starts[col + 1]):
            return {}
        placed[col] = text
    return placed


def _page_ends(lines: list[Line], j: int) -> bool:
    """Do the blank lines from lines[j] run to a page's top (its foot and head blanked as furniture)?"""
    for ln in lines[j + 1:]:
        if ln.page_break:
            return True
        if ln.clean:
            return False
    return False


def _page_columns(lines: list[Line], j: int, header: list[str], widest: int) -> tuple[list[int], bool] | None:
    """Where a table's columns start on the page lines[j] opens (pdftotext lays each page out
    apart: a column stands elsewhere on the next): where its header printed again there stands;
    else its first line printing every column; else, where the page's lines' stretches start, as
    many places apart as the table has columns (a centred table's rows print no line of every
    cell).  And whether lines[j] is that header.  The page's table ends at a blank line, a heading,
    the next page or a line of prose (one stretch wider than `widest`, the widest column above).
    None where the columns are not found so."""
    page: list[Line] = []
    for ln in lines[j:]:
        if not ln.clean or ln.indented or is_heading_line(ln.norm) or (page and ln.page_break):
            break
        found = _stretches(ln)
        if len(found) == 1 and len(found[0][1]) > widest:
            break
        page.append(ln)
    for ln in page:
        found = _stretches(ln)
        if len(found) == len(header):
            return [pos for pos, _ in found], ln is lines[j] and [t for _, t in found] == header
    places: list[int] = []
    # a value one space after a name that fills its column stands in the next (`_split_at_columns`)
    for pos in sorted({pos for ln in page for pos, _ in _split_at_columns(_stretches(ln), None)}):
        if not places or pos - places[-1] > _ALIGN_SLACK:
            places.append(pos)
    merged = [k for k, name in enumerate(header) if _merged_down(name)]
    if len(places) == len(header) - 1 and len(merged) == 1:
        # a category merged down over rows from the page above prints nothing on this one: its
        # column stands just before the next one's, where nothing of this page stands
        k = merged[0]
        if k < len(places) and (k == 0 or places[k] - 1 > places[k - 1] + _ALIGN_SLACK):
            places.insert(k, places[k] - 1)
    return (places, False) if len(places) == len(header) else None


def _merged_down(name: str) -> bool:
    """Does a column of this name hold a category merged down over the rows it groups (类别, 领域)?"""
    name = squash(_FONT_GAP_RE.sub("", name))
    return column_role(name) == "category" or name in DIVISION_CATEGORY_HEADER


@dataclass(frozen=True)
class LaidOutUnread:
    """A table laid out as the page prints it whose lines cannot be told to their rows: said, at
    `line`, and its lines to `last` are no prose."""
    line: int
    last: int
    message: str


def _top_printed(entries: list[tuple[int, dict[int, str]]], anchors: list[int], ncols: int
                 ) -> list[list[list[str]]] | None:
    """Each row's cells (their lines) as printed from their top: no line before the first row's,
    and in each row every cell's lines one after another from its row's line down (a cell that
    ended does not go on, one empty on its row's line does not start below it)."""
    if anchors[0] != 0:
        return None
    out = []
    for a, b in zip(anchors, anchors[1:] + [len(entries)]):
        cells: list[list[str]] = [[] for _ in range(ncols)]
        for k in range(a, b):
            for c, text in entries[k][1].items():
                if len(cells[c]) != k - a:
                    return None  # a cell starting below its row's line, or going on after it ended
                cells[c].append(text)
        out.append(cells)
    return out


def _centred(entries: list[tuple[int, dict[int, str]]], pages: list[int], anchors: list[int], ncols: int,
             width: list[int]) -> list[list[list[str]]] | None:
    """Each row's cells (their lines) as printed centred in their row: as many of a cell's lines
    above its row's line as below it.  The lines before the first row's line are its cells' upper
    lines; between two rows' lines, each column's lines are the row above's lower ones (as many as
    its upper ones) and then the row below's upper ones; the last row's lower lines end the table.

    A row going on past a page's foot prints its cells from its top there (none above its row's
    line, a cell that fits on its row's line) down to the foot, and the lines its cells go on with
    come first at the next page's top, before the next row's upper lines; a cell goes on there only
    if it printed down to the foot.  A row whose next one starts on the next page is read both
    ways, as ending at the foot and as going on past it, and so are the lines its cells may go on
    with (`pages`: the page each entry prints on).  Of the readings that hold, the one whose cells'
    lines stop short of their column's width only at a cell's end (`_short_lines`) is taken; None
    where none holds, or where two read apart as well."""
    def column_lines(a: int, b: int, c: int) -> list[tuple[int, str]]:
        return [(pages[k], entries[k][1][c]) for k in range(a, b) if c in entries[k][1]]

    def options(n: int, up: list[list[str]]):
        """Each way row n's cells can read, given the upper lines they print: (its cells, the next
        row's upper lines)."""
        a = anchors[n]
        last_row = n + 1 == len(anchors)
        b = len(entries) if last_row else anchors[n + 1]
        here, there = pages[a], pages[b - 1 if last_row else b]
        regions = [column_lines(a + 1, b, c) for c in range(ncols)]
        mid = [[entries[a][1][c]] if c in entries[a][1] else [] for c in range(ncols)]
        if any(p not in (here, there) for region in regions for p, _ in region):
            return  # a row over three pages: not read so
        # whole on its page: as many lines below its row's line as above it, all on its page, the
        # rest the next row's, on the next row's page
        cells, nxt = [], []
        for c in range(ncols):
            below, rest = regions[c][:len(up[c])], regions[c][len(up[c]):]
            if len(below) < len(up[c]) or any(p != here for p, _ in below) or (rest and last_row) \
                    or any(p != there for p, _ in rest):
                break
            cells.append(up[c] + mid[c] + [t for _, t in below])
            nxt.append([t for _, t in rest])
        else:
            yield cells, nxt
        if here == there or any(up):
            return
        # going on past the page's foot, printed from its top: its lines on its page, then as many
        # at the next page's top as each cell that reached the foot goes on with
        foot = max(k for k in range(a, b) if pages[k] == here)
        ranges: list[range | list[int]] = []
        for c in range(ncols):
            later = sum(p == there for p, _ in regions[c])
            reaches = c in entries[foot][1]
            if last_row and later and not reaches:
                return
            ranges.append([later] if last_row else range(later + 1) if reaches else [0])
        if math.prod(map(len, ranges)) > _CENTRED_READINGS:
            return  # too many ways to tell: not read so
        for goes_on in itertools.product(*ranges):
            cells, nxt = [], []
            for c in range(ncols):
                later = [t for p, t in regions[c] if p == there]
                cells.append(mid[c] + [t for p, t in regions[c] if p == here] + later[:goes_on[c]])
                nxt.append(later[goes_on[c]:])
            yield cells, nxt

    # the readings so far, by the upper lines they leave the next row (as many as each column's: the
    # last of the lines before its row's line): (short lines, rows, whether another reads apart as well)
    up0 = [[text for _, text in column_lines(0, anchors[0], c)] for c in range(ncols)]
    readings: dict[tuple[int, ...], tuple[int, list[list[list[str]]], bool, list[list[str]]]] = {
        tuple(map(len, up0)): (0, [], False, up0)}
    for n in range(len(anchors)):
        after: dict[tuple[int, ...], tuple[int, list[list[list[str]]], bool, list[list[str]]]] = {}
        for short, rows, tied, up in readings.values():
            for cells, nxt in options(n, up):
                key = tuple(map(len, nxt))
                cost = short + _short_lines([cells], width)
                held = after.get(key)
                if held is None or cost < held[0]:
                    after[key] = (cost, rows + [cells], tied, nxt)
                elif cost == held[0]:
                    after[key] = (cost, held[1], True, held[3])
        if not after or len(after) > _CENTRED_READINGS:
            return None
        readings = after
    best = min(readings.values(), key=lambda r: r[0])
    if best[2] or sum(r[0] == best[0] for r in readings.values()) > 1:
        return None
    return best[1]


#: how many readings of a centred table's lines, apart in where they leave the next row, are held
#: at once before the table is said
_CENTRED_READINGS = 1000


def _short_lines(rows: list[list[list[str]]], width: list[int]) -> int:
    """How many of the cells' lines, not a cell's last, stop short of their column's width (by
    more than a character): a cell's text wraps only where the column is full."""
    return sum(len(text) < width[c] - 1 for cells in rows for c, cell in enumerate(cells) for text in cell[:-1])


def _joined_lines(cell: list[str]) -> str:
    text = ""
    for more in cell:
        text = _joined(text, more)
    return text


def _joined(cell: str, more: str) -> str:
    """A cell's text and its next printed line: nothing between two Chinese characters (a wrap), else
    a space."""
    if not cell:
        return more
    return cell + ("" if _WIDE_CHAR_RE.match(cell[-1]) and _WIDE_CHAR_RE.match(more[0]) else " ") + more


#: a character a wrap between two of leaves no space: Chinese, and full-width punctuation and forms
_WIDE_CHAR_RE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


#: a Markdown table's rule row (|---|:---:|)
_RULE_ROW = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*")


#: what a column's name never prints: a sentence's marks
_SENTENCE_MARKS = re.compile(r"[，。；：,;:！？]")
#: words that name a table's columns (2020年, 属性, 单位, 指标名称, 目标值, 序号), two of which a header
#: of single-spaced cells must print
_COLUMN_WORD = re.compile(r"^(?:\d{4}年.*|.*(?:属性|单位|指标|目标|基期|基数|现状|序号|类别|领域|名称|任务|时限|值|内容|"
                          r"年限|周期|规模|投资|地点|时间|期限|备注|主体|部门|进度))$")


def _row_lines(lines: list[Line], i: int) -> tuple[list[tuple[int, tuple[str, ...]]], int] | LaidOutUnread | None:
    """Rows one a line, while lines split into at least two cells and the first into three.  Two tabs
    apart are an empty cell between them where that makes the row as wide as the header (a table
    whose cells are apart by one tab each), and so are the tabs a row ends with (its last cells
    empty: the tabs are printed, the stripped line lost them) or opens with (its first cells empty:
    a 类别 printed once over its rows); else runs of tabs and spaces are one
    gap (a table aligned by them), and a row narrower than its header is for its reader to say.  A
    table laid out as the page prints it, its cells' text wrapped inside their columns, is read by
    where each stretch of text stands (`_laid_out_rows`)."""
    if len(_CELL_GAP.split(lines[i].clean)) < 3:
        return _single_spaced_rows(lines, i)
    if lines[i].clean.count("|") >= 2:
        return _single_spaced_rows(lines, i)  # 指标 | 2020年 | 2025年: apart by bars, spaces or none beside them
    laid_out = _laid_out_rows(lines, i)
    if laid_out is not None:
        return laid_out  # its rows, or said
    rows: list[tuple[int, tuple[str, ...]]] = []
    for ln in lines[i:]:
        if ln.furniture and rows:
            continue  # a page's number or header, blanked: the table goes on over the page break
        cells = tuple(c for c in _CELL_GAP.split(ln.clean) if c)
        if len(cells) < 2:
            break
        if rows and len(cells) < len(rows[0][1]) and ("\t\t" in ln.clean or ln.tail_tabs or ln.head_tabs):
            tabbed = ("",) * ln.head_tabs + tuple(part for piece in ln.clean.split("\t")
                                                  for part in ([c for c in _CELL_GAP.split(piece) if c] or [""])) \
                + ("",) * ln.tail_tabs
            if len(tabbed) == len(rows[0][1]):
                cells = tabbed
        rows.append((ln.no, cells))
    return rows, rows[-1][0]
