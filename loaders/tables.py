"""Tables flattened by text extraction (the records they become and their header vocabulary are
loaders/table_vocab.py): the indicator table (主要指标) and the key-task division
table (重点工作任务分工表).

Extraction prints a table either one cell per line (optionally tab-indented, a long cell wrapped onto
an unindented line) or one row per line with tab-separated cells.  Both layouts are read from the
header row: the header says which columns exist (category, name, 2020, 2025, attribute ...), the
cells are then assigned by what they look like, so a missing or wrapped cell does not shift the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders.table_vocab import (ATTRIBUTES, UNIT_PAREN_RE, DivisionRow, DivisionTable,
                                          IndicatorRow, IndicatorTable, LEAD_HEADER, SUPPORT_HEADER,
                                          TASK_HEADER, assign_value_roles, column_role,
                                          is_category_cell, is_heading_line,
                                          split_unit_paren, squash, unitlike)
from policykg.loaders.text import ITEM_RE, Line
from policykg.loaders.values import is_value_cell

_INDICATOR_HEADER_START = {"指标", "类别", "指标名称", "序号", "类别指标", "主要指标"}
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
def _one_cell_header(lines: list[Line], i: int) -> tuple[list[str], int] | None:
    """Header cells starting at lines[i] up to and including the 属性 cell."""
    if squash(lines[i].norm) not in _INDICATOR_HEADER_START:
        return None
    cells = []
    j = i
    while j < len(lines) and len(cells) < 8:
        c = squash(lines[j].norm)
        if c:
            if column_role(c) is None and c not in _HEADER_WORDS:
                return None
            cells.append(c)
            if c == "属性":
                return cells, j
        j += 1
    return None


def _next_nonempty(lines: list[Line], j: int) -> int | None:
    while j < len(lines):
        if lines[j].clean:
            return j
        j += 1
    return None


def read_indicator_table(lines: list[Line], i: int) -> IndicatorTable | None:
    """Read an indicator table whose header starts at lines[i] (0-based), or None."""
    line = lines[i]
    if "\t" in line.clean:
        return _read_tab_table(lines, i)
    head = _one_cell_header(lines, i)
    if head is None:
        return None
    header, j = head
    roles, years = assign_value_roles(header)
    rows: list[IndicatorRow] = []
    category = ""
    cur: IndicatorRow | None = None
    last_line = lines[j].no
    j += 1
    while True:
        k = _next_nonempty(lines, j)
        if k is None:
            break
        cell, norm = lines[k].clean, lines[k].norm
        if is_heading_line(norm) and cur is None:
            break
        if cur is None:
            m = ITEM_RE.match(norm)
            nxt = _next_nonempty(lines, k + 1)
            nxt_norm = lines[nxt].norm if nxt is not None else ""
            if m:
                name, unit = split_unit_paren(cell[len(cell) - len(m.group(2)):])
                cur = IndicatorRow(m.group(1), name, category, unit, [], "", lines[k].no, lines[k].no)
            elif is_category_cell(norm) and nxt is not None and ITEM_RE.match(nxt_norm):
                category = cell
            else:
                break
        else:
            c = squash(norm)
            if c in ATTRIBUTES:
                cur.attribute = c
                cur.last_line = lines[k].no
                rows.append(cur)
                last_line = lines[k].no
                cur = None
            elif (not cur.values and not cur.unit and UNIT_PAREN_RE.search(norm)
                  and not is_value_cell(norm)):
                # the name cell wrapped onto the next line: "…纳入最低生活保障" / "比例(%)"
                name, unit = split_unit_paren(cur.name + cell)
                cur.name, cur.unit = name, unit
            elif ITEM_RE.match(norm) and not is_value_cell(norm):
                # a row without an attribute cell: close it and re-read this line as a new row
                rows.append(cur)
                cur = None
                continue
            else:
                cur.values.append((cell, lines[k].no))
                cur.last_line = lines[k].no
        j = k + 1
    if cur is not None:
        rows.append(cur)
        last_line = cur.last_line
    if not rows:
        return None
    return IndicatorTable(roles, years, rows, lines[i].no, last_line)


def _read_tab_table(lines: list[Line], i: int) -> IndicatorTable | None:
    header = [c for c in lines[i].clean.split("\t")]
    if not any(column_role(c) == "name" for c in header) or not any(
            column_role(c) == "attribute" for c in header):
        return None
    roles, years = assign_value_roles(header)
    rows: list[IndicatorRow] = []
    category = ""
    last = lines[i].no
    j = i + 1
    while True:
        k = _next_nonempty(lines, j)
        if k is None:
            break
        cells = [c.strip() for c in lines[k].clean.split("\t") if c.strip()]
        if len(cells) == 1 and is_category_cell(lines[k].norm):
            nxt = _next_nonempty(lines, k + 1)
            if nxt is not None and "\t" in lines[nxt].clean:
                category = cells[0]
                j = k + 1
                continue
        if len(cells) < 2:
            break
        if "category" in roles and len(cells) == len(roles):
            category = cells[roles.index("category")] or category
            cells = [c for r, c in zip(roles, cells) if r != "category"]
        name_cell = cells[0]
        m = ITEM_RE.match(lines[k].norm.split("\t")[0].strip()) if "\t" in lines[k].norm else None
        no, name_text = (m.group(1), name_cell[len(name_cell) - len(m.group(2)):]) if m else ("", name_cell)
        name, unit = split_unit_paren(name_text.strip())
        attribute = cells[-1] if squash(cells[-1]) in ATTRIBUTES else ""
        values = cells[1:-1] if attribute else cells[1:]
        if "unit" in roles and values:
            unit, values = values[0], values[1:]
        rows.append(IndicatorRow(no or str(len(rows) + 1), name, category, unit,
                                 [(v, lines[k].no) for v in values], squash(attribute),
                                 lines[k].no, lines[k].no))
        last = lines[k].no
        j = k + 1
    if not rows:
        return None
    return IndicatorTable(roles, years, rows, lines[i].no, last)


# ------------------------------------------------------------------------------------------------
# the key-task division table
def read_division_table(lines: list[Line], i: int) -> DivisionTable | None:
    """Read a 重点工作任务分工表 whose title is at lines[i] (0-based)."""
    title_line = lines[i]
    j = _next_nonempty(lines, i + 1)
    header: list[str] = []
    while j is not None and len(header) < 4:
        c = squash(lines[j].norm)
        if c == "序号" and not header:
            header.append(c)
        elif header and (c in TASK_HEADER or c in LEAD_HEADER or c in SUPPORT_HEADER):
            header.append(c)
        else:
            break
        j = _next_nonempty(lines, j + 1)
    if len(header) < 3 or header[0] != "序号":
        return None
    tabbed = any(lines[k].indented for k in range(i, min(len(lines), i + 20)))
    table = DivisionTable(title_line.clean, title_line.no, first_line=title_line.no)
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
            if unitlike(ln.clean) and unitlike(prev.text):
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
        row_cells = cells[idx + 1: idx + ncols]
        if not tabbed:
            row_cells = _regroup_untabbed(cells, idx + 1, ncols - 1, expect + 1)
        if len(row_cells) < 2:
            break
        task = row_cells[0]
        lead = row_cells[1] if len(row_cells) > 1 else _NO_CELL
        support = row_cells[2] if len(row_cells) > 2 and ncols > 3 else _NO_CELL
        last = max(c.last_line for c in row_cells)
        table.rows.append(DivisionRow(str(expect), task.text, lead.text, support.text, first, last,
                                      lead.first_line, support.first_line, task.first_line))
        idx += 1 + len(row_cells)
        expect += 1
    if not table.rows:
        return None
    table.last_line = table.rows[-1].last_line
    return table


def _regroup_untabbed(cells: list[_Cell], start: int, ncols: int, next_no: int) -> list[_Cell]:
    """Without tab marks each line is a cell; a task wraps until its 。, units follow."""
    end = start
    while end < len(cells) and squash(cells[end].text) != str(next_no):
        end += 1
    span = cells[start:end]
    if not span:
        return []
    t = 0
    task = span[0]
    while not task.text.endswith(("。", "；", ";")) and t + 1 < len(span) - 1 and not unitlike(span[t + 1].text):
        t += 1
        task = _Cell(task.text + span[t].text, task.first_line, span[t].last_line)
    rest = span[t + 1:]
    if not rest:
        return [task]
    lead = rest[0]
    if len(rest) == 1 or ncols < 3:
        return [task, lead]
    support = _Cell("、".join(c.text for c in rest[1:]), rest[1].first_line, rest[-1].last_line)
    return [task, lead, support]
