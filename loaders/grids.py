"""Tables that arrived as real tables (Word, PDF, web page): cells by column, not guessed.

A flattened text table has to be read by what each line looks like; a `Grid` says which cell is in
which column, so the indicator table (主要指标) and the key-task division table (重点工作任务分工表)
are read by position under their header: an empty cell stays empty instead of shifting the rest, a
vertically merged category is printed once and applies to the rows below it.  The header words and
the records produced are the same as for flattened tables (`loaders.tables`), so the rest of the
loaders cannot tell which way a table came.
"""
from __future__ import annotations

import re

from policykg.loaders.reading import Grid
from policykg.loaders.table_vocab import (DivisionRow, DivisionTable, IndicatorRow, IndicatorTable,
                                          attribute_of, header_roles, header_units, is_value_role, column_role, division_columns,
                                          continues_rows, is_header_cell, is_total_cell, names_indicators, table_category,
                                          note_no_lead, NUMBER_HEADER,
                                          note_unread, row_number, split_unit_paren, squash, task_number, unitlike,
                                          units_apart)
from policykg.loaders.text import BOOKMARK_RE, ITEM_RE, Line, ProjectRow, normalize
from policykg.loaders.values import is_value_cell

Row = tuple[int, list[str]]


def _cells(grid: Grid, spread: bool = False) -> list[Row]:
    """Rows with bookmark debris removed and cells stripped (as `make_lines` does for text); with
    `spread`, a cell merged down over several rows holds its text in each of them."""
    return [(line, [BOOKMARK_RE.sub("", c).strip() for c in cells])
            for line, cells in (grid.spread() if spread else grid.rows)]


def _joined(cell: str) -> str:
    """A cell's lines as one text: a wrapped line is joined back without a break."""
    return "".join(part.strip() for part in cell.split("\n"))


def _joined_units(cell: str) -> str:
    """A unit cell: units printed one per line stay on separate lines; a wrapped name is rejoined."""
    out = ""
    for part in (p.strip() for p in cell.split("\n")):
        if not part:
            continue
        last = out.split("\n")[-1]
        if out and (unitlike(part) and unitlike(last) or units_apart(last, part)):
            out += "\n" + part
        else:
            out += part
    return out


def _join_units(before: str, after: str) -> str:
    """A units cell broken over a page: a name broken off (县卫生 | 健康局) is rejoined, a
    list goes on on a line of its own."""
    if before and after and not unitlike(before.split("\n")[-1]) and not before.endswith(("、", "，", ",")):
        return before + after
    return "\n".join(p for p in (before, after) if p)


def _filled(cells: list[str]) -> list[str]:
    return [c for c in cells if c]


def _header(rows: list[Row], reader, limit: int):
    """(index, what `reader` makes of it) for the first of the top `limit` rows that is a header;
    rows above it may only be captions (one filled cell)."""
    for k, (_line, cells) in enumerate(rows[:limit]):
        found = reader(cells)
        if found is not None:
            return k, found
        if len(_filled(cells)) > 1:
            return None  # a full row that is no header: some other table
    return None


# ------------------------------------------------------------------------------------------------
# indicator tables
def _indicator_header(cells: list[str], period: tuple[int, int] | None = None
                      ) -> tuple[list[str | None], dict[str, int]] | None:
    """Role of each column (None for a column we do not read), or None if this is no header: value
    columns and an attribute column (属性), or, where the table prints no attribute (行动计划 often
    do not), value columns and a column its header names the indicators' (指标名称 | 2020年 | 2025年)."""
    known = [column_role(c) for c in cells]
    if "value" not in known or ("attribute" not in known and not any(map(names_indicators, cells))):
        return None
    roles, years = header_roles(cells, period)
    if "name" not in roles:  # an unlabelled column holds the names (a blank header cell)
        blank = next((k for k, c in enumerate(cells) if not squash(c)), None)
        if blank is None:
            return None
        roles[blank] = "name"
    return roles, years


def _aligned(cells: list[str], roles: list[str | None]) -> list[str] | None:
    """A row's cells one for each column.  A real table's rows are as wide as its header; a table
    flattened into text drops cells: a category merged down from the row above (printed once for
    several rows), or empty cells at the row's end.  Where one cell is missing at the start under a
    category column, or cells at the end, the row is put back under its header if its name and
    attribute then stand in their columns, one way only; a table printing no attribute shows no lost
    cell at a row's end, and a category lost at its start only where values follow the name.  Else
    None (which cell is missing cannot be told)."""
    n = len(roles)
    if len(cells) == n:
        return cells
    if len(cells) > n:
        return None
    name = roles.index("name")
    attribute = roles.index("attribute") if "attribute" in roles else None
    # without an attribute column nothing shows which of a row's last cells were lost: no cell is
    # put back at its end, and a category put back at its start leaves only values after the name
    ways = [cells + [""] * (n - len(cells))] if attribute is not None else []
    if roles[0] == "category" and len(cells) == n - 1:
        ways.append([""] + cells)
    fit = [w for w in ways if w[name] and not is_value_cell(normalize(w[name]))
           and (attribute_of(w[attribute]) is not None if attribute is not None else all(
               is_value_cell(normalize(c)) for c, r in zip(w, roles) if is_value_role(r)))]
    return fit[0] if len(fit) == 1 else None


def _second_header(cells: list[str]) -> bool:
    """A second header row (基期值 | 目标值 under 2020年 | 2025年): every filled cell names a column."""
    filled = _filled(cells)
    return bool(filled) and all(column_role(c) is not None for c in filled)


def _named_under_groups(top: list[str], below: list[str]) -> list[str] | None:
    """A two-level header: a cell spanning several columns (目标值 over 2020年 | 2025年, printed once,
    the columns it spans empty beside it) is a group's label; the second row names its columns.  The
    header with those names in the group's columns, or None where no cell of `top` spans columns."""
    out = list(top)
    grouped = False
    c = 0
    while c < len(top):
        end = c + 1
        while end < len(top) and not squash(top[end]):
            end += 1
        if squash(top[c]) and end - c > 1 and all(k < len(below) and squash(below[k]) for k in range(c, end)):
            out[c:end] = below[c:end]
            grouped = True
        c = end
    return out if grouped else None


def _grouped_header(rows: list[Row], period: tuple[int, int] | None = None) -> tuple[int, list[str], tuple] | None:
    """(index, header, roles) of a two-level header among the top rows whose groups the row below
    names (`_named_under_groups`), the rows above it captions only; or None."""
    for k, (_line, cells) in enumerate(rows[:4]):
        if k + 1 < len(rows) and _second_header(rows[k + 1][1]):
            named = _named_under_groups(cells, rows[k + 1][1])
            found = _indicator_header(named, period) if named is not None else None
            if found is not None:
                return k, named, found
        if len(_filled(cells)) > 1:
            return None
    return None


def _across(grid: Grid, r: int, cells: list[str], c: int, value_cols: set[int]) -> str:
    """Row r's cell in value column c: its own text, or, where a value cell to its left is merged
    across it (100 printed once over 2020年 and 2025年), that cell's: the value of both columns."""
    j = c
    while (r, j) in grid.spanned and j > 0:
        j -= 1
    return cells[j] if j in value_cols else cells[c]


def read_indicator_grid(grid: Grid, period: tuple[int, int] | None = None) -> IndicatorTable | None:
    """An indicator table (header with 指标, value columns and 属性), or None; `period` is the
    plan's, whose base year is the baseline's (`table_vocab.header_roles`)."""
    rows = _cells(grid)
    found = _header(rows, lambda cells: _indicator_header(cells, period), 4)
    grouped = _grouped_header(rows, period)
    if grouped is not None and (found is None or grouped[0] <= found[0]):
        k, header, (roles, years) = grouped
        body = rows[k + 2:]
    elif found is not None:
        k, (roles, years) = found
        header = rows[k][1]
        body = rows[k + 1:]
        if body and _second_header(body[0][1]):
            body = body[1:]
    else:
        return read_across_grid(grid, period=period)
    col = {r: i for i, r in enumerate(roles) if r is not None}
    value_roles = [r for r in roles if is_value_role(r)]
    value_cols = {col[r] for r in value_roles}
    row_of = {line: i for i, (line, _cells) in enumerate(rows)}
    spread = _cells(grid, spread=True)
    # a unit, value or attribute printed once for several rows (a cell merged down: % over three
    # rates, 约束性 over a category's rows) is each row's
    same = {col[r] for r in ("unit", "attribute") if r in col} | value_cols
    table_rows: list[IndicatorRow] = []
    unread: list[tuple[int, str]] = []
    category = ""
    for line, cells in body:
        r = row_of[line]
        cells = [spread[r][1][c] if (r, c) in grid.merged and c in same and c < len(spread[r][1]) else cell
                 for c, cell in enumerate(cells)]
        filled = _filled(cells)
        if not filled or is_total_cell(filled[0]):
            continue  # an empty row, or a totals row (合计): the sum of the rows above, no indicator
        if len(filled) == 1 and table_category(_joined(filled[0])) is not None:
            category = table_category(_joined(filled[0]))  # a category printed as a row of its own (一、社会保障)
            continue
        got = _aligned(cells, roles)
        if got is None:
            unread.append((line, f"indicator table row of {len(cells)} cells under {len(roles)} columns "
                                 f"not read (which cell is missing cannot be told): {' | '.join(filled)[:60]}"))
            continue
        cells = got
        if "category" in col and cells[col["category"]]:
            category = _joined(cells[col["category"]])
        name_cell = _joined(cells[col["name"]]) if "name" in col else ""
        if not name_cell:
            continue
        m = ITEM_RE.match(normalize(name_cell))
        no = m.group(1) if m else str(len(table_rows) + 1)
        name, unit = split_unit_paren(name_cell[len(name_cell) - len(m.group(2)):] if m else name_cell)
        if not m and "index" in col and re.fullmatch(r"\d{1,3}", squash(cells[col["index"]])):
            no = squash(cells[col["index"]])
        if "unit" in col and cells[col["unit"]]:
            unit = _joined(cells[col["unit"]])
        values = [(_joined(_across(grid, row_of[line], cells, col[r], value_cols)), line) for r in value_roles]
        printed = squash(cells[col["attribute"]]) if "attribute" in col else ""
        attribute = attribute_of(printed) or ""
        if printed and not attribute:
            unread.append((line, f"indicator {no} attribute {printed!r} not read (not 约束性 or 预期性)"))
        table_rows.append(IndicatorRow(no, name, category, unit, values,
                                       attribute, line, line))
    if not table_rows:
        return None
    columns = [r for r in roles if r is not None]
    table = IndicatorTable(columns, years, table_rows, grid.first_line, grid.last_line,
                           units=header_units(list(header), period))
    header_line = rows[k][0]
    table.unread = [(header_line, f"indicator table column {squash(c)!r} not read")
                    for c, r in zip(header, roles) if r is None and squash(c)] + unread
    return table


#: the corner cell of an indicator table printed across (the indicators' names along its header
#: row, a row for each year down its first column): 指标, 指标名称, 年份, or left blank
ACROSS_CORNERS = ("指标", "指标名称", "年份", "年度", "项目", "")


def across_label(cell: str) -> str | None:
    """What a row of a table printed across holds, by its first cell: 'value' (2020年, 2025年目标,
    基期值), 'attribute' (属性, 指标属性) or 'unit' (单位); None for any other cell."""
    role = column_role(cell)
    return role if role in ("value", "attribute", "unit") else None


def across_name(cell: str) -> bool:
    """Could a cell of a table printed across's header row be an indicator's name: no value, no
    row's label, no attribute, no sentence?"""
    c = squash(normalize(cell))
    return (0 < len(c) <= 40 and "。" not in c and c not in ACROSS_CORNERS and across_label(c) is None
            and attribute_of(c) is None
            and not is_value_cell(c) and column_role(c) is None)


def across_header(rows: list[Row]) -> int | None:
    """The index of the header row of an indicator table printed across, among the top rows (those
    above it captions only): a corner cell (指标, 年份, or blank), then the indicators' names; each
    row below as wide, opening with a label (2020年, 2025年, 属性), one of them a year's or a value's."""
    for k, (_line, cells) in enumerate(rows[:3]):
        if len(_filled(cells)) > 1:
            body = [c for _l, c in rows[k + 1:] if _filled(c)]
            if (len(cells) < 2 or squash(cells[0]) not in ACROSS_CORNERS or not all(map(across_name, cells[1:]))
                    or not body or any(len(c) != len(cells) or across_label(c[0]) is None for c in body)
                    or not any(across_label(c[0]) == "value" for c in body)):
                return None
            return k
    return None


def _spread_across(grid: Grid, r: int, cells: list[str]) -> list[str]:
    """Row r's cells, each merged across from its left (约束性 printed once over two indicators'
    columns) holding the merged cell's text: the value of every column it spans."""
    out = list(cells)
    for c in range(2, len(out)):
        if (r, c) in grid.spanned:
            out[c] = out[c - 1]
    return out


def read_across_grid(grid: Grid, cell_lines: dict[tuple[int, int], int] | None = None,
                     period: tuple[int, int] | None = None) -> IndicatorTable | None:
    """An indicator table printed across: the indicators' names along its header row, a row for
    each value column down its first column (2020年 | 2023年 | 2025年, 基期值 | 目标值), the 属性 row
    (and a 单位 row) if printed.  Each indicator is read from its column as a row of a table printed
    down is (the rows' labels are the columns' names: baseline, milestones, target by year, the
    attribute), each value on its own line (`cell_lines`: (row, column) -> line, where a row's cells
    are printed on lines of their own; else the row's).  A label no role reads (a 2015年 row beside
    2020年 and 2025年) is a gap; None if the grid is no such table."""
    rows = _cells(grid)
    k = across_header(rows)
    if k is None:
        return None
    header_line, header = rows[k]
    body = [(r, line, _spread_across(grid, r, cells)) for r, (line, cells) in enumerate(rows)
            if r > k and _filled(cells)]
    labels = [squash(cells[0]) for _r, _line, cells in body]
    roles, years = header_roles(["指标"] + labels, period)
    line_of = (lambda r, c, line: (cell_lines or {}).get((r, c), line))
    unread = [(line, f"indicator table row {label!r} not read") for (_r, line, _c), label, role
              in zip(body, labels, roles[1:]) if role is None]
    at = {role: b for b, role in enumerate(roles[1:]) if role is not None}
    value_rows = [b for b, role in enumerate(roles[1:]) if is_value_role(role)]
    table_rows: list[IndicatorRow] = []
    for j, name_cell in enumerate(header[1:], 1):
        name, unit = split_unit_paren(_joined(name_cell))
        if "unit" in at and (printed_unit := _joined(body[at["unit"]][2][j])):
            unit = printed_unit
        values = [(_joined(body[b][2][j]), line_of(body[b][0], j, body[b][1])) for b in value_rows]
        attribute = ""
        if "attribute" in at:
            r, line, cells = body[at["attribute"]]
            printed = squash(cells[j])
            attribute = attribute_of(printed) or ""
            if printed and not attribute:
                unread.append((line_of(r, j, line), f"indicator {j} attribute {printed!r} not read "
                                                    f"(not 约束性 or 预期性)"))
        last = max([line_of(r, j, line) for r, line, _cells in body], default=header_line)
        table_rows.append(IndicatorRow(str(j), name, "", unit, values, attribute,
                                       line_of(k, j, header_line), last))
    table = IndicatorTable([r for r in roles if r is not None], years, table_rows, grid.first_line, grid.last_line,
                           units=header_units(["指标"] + labels, period))
    table.unread = sorted(unread)
    return table


# ------------------------------------------------------------------------------------------------
# the key-task division table
def _sub_header(cells: list[str]) -> bool:
    """A header's second row (牵头单位 | 配合单位 under a 责任单位 printed over both): no row number,
    every filled cell a column's name."""
    filled = _filled(cells)
    return bool(filled) and row_number(cells[0]) is None and all(is_header_cell(c) for c in filled)


#: a role a header's second row prints alone under a column group naming the units (责任单位 over
#: 牵头 | 配合): the group's noun completes it (牵头单位 | 配合单位)
_ROLE_WORDS = ("牵头", "主责", "负责", "主办", "配合", "协办", "参与", "协同", "协助")


def _role_words(top: list[str], below: list[str]) -> list[str]:
    """`below` with each role word printed alone (牵头, 配合) named in full by the noun of the group
    printed over it (责任单位 → 牵头单位, 责任部门 → 牵头部门): the nearest filled cell at or left
    of its column in `top` (a merged cell prints its name once, in its first column)."""
    out = []
    for c, low in enumerate(below):
        group = next((top[j] for j in range(min(c, len(top) - 1), -1, -1) if top[j]), "")
        noun = next((n for n in ("单位", "部门", "处室", "科室") if group.endswith(n)), None)
        out.append(low + noun if low in _ROLE_WORDS and noun else low)
    return out


def _division_header(rows: list[Row], unnumbered: bool = False
                     ) -> tuple[int, tuple[dict[str, int], list[int]], list[str]] | None:
    """(index of the header's last row, its columns, their names) of the first of the top three rows
    that is a division table's header, read with the row below it where that is the header's second
    row: a name it prints stands for its column (a cell merged over two columns above it, 责任单位,
    prints its name once).  Rows above it may only be captions (one filled cell).  `unnumbered`: a
    header printing no 序号 is one too (`division_columns`)."""
    for k, (_line, cells) in enumerate(rows[:3]):
        names = [squash(c) for c in cells]
        below = _role_words(names, [squash(c) for c in rows[k + 1][1]]) if k + 1 < len(rows) else []
        if below and _sub_header(below):
            merged = [low or top for top, low in zip(names + [""] * (len(below) - len(names)), below)]
            found = division_columns(merged, unnumbered)
            if found is not None:
                return k + 1, found, merged
        found = division_columns(names, unnumbered)
        if found is not None:
            return k, found, names
        if len(_filled(cells)) > 1:
            return None  # a full row that is no header: some other table
    return None


#: how a sentence may end (a text of sentences ending otherwise is broken off mid-sentence), and
#: characters no sentence or title ends with
_SENTENCE_END = "。；;！!？?）)”"
_OPEN_END = "，,、：:；;的和与及或并在对将把为"


def _continues_row(prev: DivisionRow, task: str, lead: str, number_merged: bool, support: str = "") -> bool:
    """Does an unnumbered row continue `prev` (the row broken over a page, or the rest of a row
    whose 序号 is merged down over it), rather than print a task of its own?  It continues where
    its 序号 is merged with the row above's, its task cell is empty or goes on with a sentence the
    row above left open (…，将符合条件的 | 残疾人纳入…), or it names no lead of its own (its lead cell
    empty, or finishing a name the row above broke off: 县卫生 | 健康局), or its supporters finish
    a name the row above's broke off (市民政局、市卫 | 生健康局、市残联: a second lead of the row's,
    市医保局, then goes on below the first)."""
    if number_merged or not task or not lead:
        return True
    before = prev.task.rstrip()
    if before and (before[-1] in _OPEN_END or ("。" in before and before[-1] not in _SENTENCE_END)):
        return True  # a sentence left open
    last_lead = prev.lead.split("\n")[-1].strip()
    if last_lead and not unitlike(last_lead):
        return True
    broken = _LIST_SEP_RE.split(prev.support.split("\n")[-1].strip())[-1]
    rest = _LIST_SEP_RE.split(support.strip())[0]
    return bool(broken and rest) and not unitlike(broken) and unitlike(broken + rest)


_LIST_SEP_RE = re.compile(r"[、，,；;\s]+")


def _merged_lead(grid: Grid, spread: list[Row], r: int, c: int) -> str:
    """The lead a cell merged down over row `r` prints for it, where the table tells its merges
    (Word's vMerge, HTML's rowspan): such a row has a lead, the one above's, and is no row broken
    over a page, which a Word or web table never prints as two rows.  A flattened table does not
    tell a merged cell from an empty one: there, none."""
    if grid.flattened or (r, c) not in grid.merged:
        return ""
    cells = spread[r][1]
    return _joined_units(cells[c]) if c < len(cells) else ""


def _same_task(grid: Grid, spread: list[Row], r: int, cols: dict[str, int]) -> bool:
    """Is row `r` another measure of the task above it: its 序号 and task cells merged down over it
    (Word's vMerge, a web page's rowspan: printed once for the rows of one task), its own lead
    printed (not merged) and its own content in the table's content column (具体措施)?  Each
    such row reads the task's number and name, and its own units and deadline: the measures of one
    task, each its own lead's, are no row broken over a page (which a Word or web table prints as
    one row), nor one task of all their leads and deadlines run together."""
    if grid.flattened or (r, cols["no"]) not in grid.merged or (r, cols["task"]) not in grid.merged:
        return False
    cells = grid.rows[r][1]
    own = lambda c: c < len(cells) and bool(cells[c].strip()) and (r, c) not in grid.merged  # noqa: E731
    return row_number(spread[r][1][cols["no"]]) is not None and own(cols["lead"]) and (
        "content" in cols and own(cols["content"]))


def read_division_grid(grid: Grid, title: str, title_line: int) -> DivisionTable | None:
    """A key-task division table (header 序号, 任务, 负责单位[, 配合单位]), or None.

    Rows are numbered 1, 1. / 1、, （1）, 一 or 1.1 (a row whose number the next rows extend, 1 over
    1.1, and which names no unit, is a category); a row printed as one cell (一、社会保障) is a
    category and a row printing the column names again a header repeated over a page.  A row that
    prints a number but not as many cells as its header (a flattened table whose empty cell was
    lost) keeps its task and reads no units; a row that prints no lead unit (an empty cell, or one
    merged over the rows above: a table does not tell which) reads none; any other row (its 序号 no
    number) is not read.  Each of them is said.  A lead, supporters or deadline cell merged down over
    several rows (Word's vMerge, HTML's rowspan, a PDF cell ruled over rows) belongs to each row it
    spans: each row reads it."""
    rows = _cells(grid)
    spread = _cells(grid, spread=True)
    # a real table prints its rows apart, so one with no 序号 column reads too (_read_unnumbered); in a
    # table flattened into lines only the 序号 tells a row from the rest of the row above
    found = _division_header(rows, unnumbered=not grid.flattened)
    if found is None:
        return None
    k, (cols, unknown), names = found
    table = DivisionTable(title, title_line or grid.first_line, first_line=title_line or grid.first_line,
                          header=tuple(names), lead_column=names[cols["lead"]], support_column="support" in cols,
                          chapter_column="chapter" in cols)
    if "no" not in cols:
        return _read_unnumbered(grid, table, rows[k + 1:], spread[k + 1:], k + 1, cols, names, unknown)
    width = len(names)
    body = rows[k + 1:]
    nc = cols["no"]
    numbers = [row_number(cells[nc]) if len(cells) > nc else None for _line, cells in body]
    for at, (line, cells) in enumerate(body):
        printed = len(cells)
        cells = cells + [""] * (max(width, max(cols.values()) + 1) - len(cells))
        filled = _filled(cells)
        if not filled:
            continue
        no = numbers[at]
        r = k + 1 + at
        if no is None and _same_task(grid, spread, r, cols):
            no = row_number(spread[r][1][nc])  # 序号 and task merged down over this row: its own measure
        spread_cells = spread[r][1] + [""] * (len(cells) - len(spread[r][1]))  # a row printing fewer cells
        task = _joined(cells[cols["task"]] or (spread_cells[cols["task"]] if no is not None else ""))
        content = _joined(cells[cols["content"]]) if "content" in cols else ""
        printed_no = task_number(task)
        if no is None and not squash(cells[nc]) and printed_no and (
                continues_rows(table.rows[-1].no, printed_no[0]) if table.rows else printed_no[0] == "1"):
            no = printed_no[0]  # 序号 left empty, the task cell printing the row's number (2.加强康复服务)
        # a row of its own reads a units or deadline cell merged down over it (printed once above);
        # a row continuing the one above over a page does not read it again
        own = spread[k + 1 + at][1] if no is not None else cells
        own = own + [""] * (len(cells) - len(own))
        lead = _joined_units(own[cols["lead"]])
        support = _joined_units(own[cols["support"]]) if "support" in cols else ""
        deadline = _joined(own[cols["deadline"]]) if "deadline" in cols else ""
        chapter = _joined(own[cols["chapter"]]) if "chapter" in cols else ""
        if no is not None:
            if printed != width:  # which cell is missing (or extra) cannot be told: the task only
                table.unread.append((line, f"division table row {no} has {printed - 1} cells under "
                                           f"{width - 1} column names: its units were not read"))
                task = max((_joined(c) for c in cells[1:]), key=len, default="")
                lead = support = deadline = content = ""
            elif not lead and not support and any(n and n.startswith(no + ".") for n in numbers[at + 1:]):
                continue  # 1 加强社会保障 over 1.1, 1.2: a category
            table.rows.append(DivisionRow(no, task, lead, support, line, line, line, line, line, deadline,
                                          content, line, chapter, line))
        elif table.rows and not squash(cells[nc]) and not _continues_row(
                table.rows[-1], task, lead or _merged_lead(grid, spread, k + 1 + at, cols["lead"]),
                (k + 1 + at, cols["no"]) in grid.merged, support):
            # an unnumbered row that starts a task of its own and names its own lead: not the row
            # above broken over a page; which number it has the table does not print
            table.unread.append((line, f"division table row after row {table.rows[-1].no} prints no number "
                                       f"but a task and lead of its own: not read (nor joined to row "
                                       f"{table.rows[-1].no}): {' | '.join(filled)[:60]}"))
        elif table.rows and not squash(cells[nc]):  # a row broken over a page: its cells continue the last row
            prev = table.rows[-1]
            prev.task += task
            if content and not prev.content:
                prev.content_line = line
            prev.content += content
            prev.lead = _join_units(prev.lead, lead)
            prev.support = _join_units(prev.support, support)
            # a second lead of the task whose 序号 is merged over both rows, with a deadline of its
            # own: both deadlines, not run together (2022年底2023年底)
            joint = not grid.flattened and (k + 1 + at, nc) in grid.merged and prev.deadline and deadline
            prev.deadline += ("；" if joint else "") + deadline
            prev.last_line = line
        elif len(filled) == 1 or all(is_header_cell(c) or squash(c) in NUMBER_HEADER for c in filled):
            continue  # a category (一、社会保障) or the header printed again over a page
        else:
            table.unread.append((line, f"division table row not read: its 序号 cell {squash(cells[nc])!r} "
                                       f"prints no row number: {' | '.join(filled)[:60]}"))
    if not table.rows:
        return None
    note_no_lead(table, merges_told=not grid.flattened)
    table.last_line = table.rows[-1].last_line
    note_unread(table, [names[c] for c in unknown], [])
    return table


def _read_unnumbered(grid: Grid, table: DivisionTable, body: list[Row], spread: list[Row], top: int,
                     cols: dict[str, int], names: list[str], unknown: list[int]) -> DivisionTable | None:
    """The rows of a real division table that prints no 序号 column (重点任务 | 牵头单位 | 配合单位).
    Each row printing a task is one (its number, if its task cell prints one: 1.完善低保制度; else
    none, as printed).  A row whose task cell is merged down from the row above is another lead's
    part of that task: its units and deadline join it.  A row printing one cell merged across the
    table (一、社会保障) is a category, and one printing the column names again a header repeated
    over a page.  A row printing units but no task is said, not read."""
    width = max(len(names), max(cols.values()) + 1)
    for at, ((line, cells), (_, whole)) in enumerate(zip(body, spread)):
        r = top + at
        cells = cells + [""] * (width - len(cells))
        whole = whole + [""] * (width - len(whole))
        filled = _filled(cells)
        if not filled or all(is_header_cell(c) for c in filled):
            continue
        if len(filled) == 1 and all((r, c) in grid.spanned for c in range(len(grid.rows[r][1])) if not cells[c]):
            continue  # one cell across the table: a category
        lead = _joined_units(whole[cols["lead"]])
        support = _joined_units(whole[cols["support"]]) if "support" in cols else ""
        deadline = _joined(whole[cols["deadline"]]) if "deadline" in cols else ""
        task = _joined(cells[cols["task"]])
        if not task:
            if table.rows and (r, cols["task"]) in grid.merged:
                prev = table.rows[-1]  # the task printed once over its rows, a lead on each
                # (a units cell merged down over both rows, as the task is, is read once)
                prev.lead = prev.lead if lead in prev.lead else _join_units(prev.lead, lead)
                prev.support = prev.support if support in prev.support else _join_units(prev.support, support)
                if deadline and deadline != prev.deadline:
                    prev.deadline += ("；" if prev.deadline else "") + deadline
                prev.last_line = line
            else:
                table.unread.append((line, f"division table row prints no task: not read: "
                                           f"{' | '.join(filled)[:60]}"))
            continue
        printed_no = task_number(task)
        content = _joined(cells[cols["content"]]) if "content" in cols else ""
        chapter = _joined(whole[cols["chapter"]]) if "chapter" in cols else ""
        table.rows.append(DivisionRow(printed_no[0] if printed_no else "", task, lead, support, line, line, line,
                                      line, line, deadline, content, line, chapter, line))
    if not table.rows:
        return None
    note_no_lead(table, merges_told=True)
    table.last_line = table.rows[-1].last_line
    note_unread(table, [names[c] for c in unknown], [])
    return table


def continue_division_grid(table: DivisionTable, grid: Grid) -> bool:
    """Read `grid` as the rest of `table` where it is that table continued without its header (a
    table broken over pages into two, the header printed once) or under the same header printed
    again (续表): as wide as the table, its first row numbered to follow the table's last.  Its rows join the table's; False if it is no such grid."""
    if not table.header or not table.rows or not grid.rows:
        return False
    if len(grid.rows) > 1 and [squash(c) for c in grid.rows[0][1]] == [squash(c) for c in table.header]:
        # its header printed again over the rest (续表): the rows under it
        grid = Grid(grid.rows[1:], frozenset((r - 1, c) for r, c in grid.merged if r),
                    frozenset((r - 1, c) for r, c in grid.spanned if r), flattened=grid.flattened)
    first = grid.rows[0][1]
    nc = next((c for c, name in enumerate(table.header) if squash(name) in NUMBER_HEADER), 0)
    no = row_number(first[nc]) if len(first) > nc else None
    if len(first) != len(table.header) or no is None or not continues_rows(table.rows[-1].no, no):
        return False
    rest = read_division_grid(Grid(((grid.first_line, table.header),) + grid.rows,
                                   frozenset((r + 1, c) for r, c in grid.merged),
                                   frozenset((r + 1, c) for r, c in grid.spanned), flattened=grid.flattened),
                              table.title, table.title_line)
    if rest is None:
        return False
    table.rows.extend(rest.rows)
    table.unread.extend(u for u in rest.unread if not u[1].startswith("division table column "))
    table.last_line = rest.last_line
    return True


# ------------------------------------------------------------------------------------------------
# a 专栏 box printed as a table
PROJECT_NAME_HEADER = ("项目名称", "工程名称", "项目", "工程", "名称", "重点项目", "重大项目", "重点工程", "建设项目",
                       "工程项目", "项目(工程)名称", "工程(项目)名称")
PROJECT_TEXT_HEADER = ("建设内容", "主要内容", "项目内容", "实施内容", "具体内容", "项目简介", "内容",
                       "建设任务", "主要任务", "建设规模及内容", "建设内容及规模", "项目概况", "主要建设内容",
                       "建设规模")
#: the column of when a project is built (or done): kept on it as printed
PROJECT_PERIOD_HEADER = ("建设年限", "实施年限", "建设周期", "实施周期", "建设期限", "实施期限", "建设起止年限",
                         "起止年限", "建设时间", "实施时间", "完成时限", "完成时间", "完成期限")
#: a period cell names a year, a span of years or a plan's period (2021-2025年, 2022年底, “十四五”期间, 长期)
_PERIOD_CELL_RE = re.compile(r".*(?:\d|[年月期]|持续).*")


def _project_header(cells: list[str]) -> dict[str, int] | None:
    names = [normalize(squash(c)) for c in cells]  # （工程） as (工程)
    cols = {"name": next((k for k, n in enumerate(names) if n in PROJECT_NAME_HEADER), -1),
            "text": next((k for k, n in enumerate(names) if n in PROJECT_TEXT_HEADER), -1),
            "period": next((k for k, n in enumerate(names) if n in PROJECT_PERIOD_HEADER), -1)}
    if names and names[0] in NUMBER_HEADER:
        cols["no"] = 0
    return {r: k for r, k in cols.items() if k >= 0} if cols["name"] >= 0 else None


def read_project_grid(grid: Grid) -> tuple[list[ProjectRow], list[tuple[int, str]]] | None:
    """The rows of a project table (a header naming the project column: 项目名称, 工程名称 …) as
    blocks the box they stand in reads as its projects, and what it did not read (a column of units:
    a project's units are not modelled); None if it is no project table.  A 建设年限 column gives
    each project its period as printed (a cell merged down over several rows, each of them); a
    cell of it that names no year or period (a table whose cells shifted) is a gap, never a period."""
    rows = _cells(grid)
    spread = _cells(grid, spread=True)
    found = _header(rows, _project_header, 3)
    if found is None:
        return None
    k, cols = found
    header_line, header = rows[k]
    out: list[ProjectRow] = []
    unread: list[tuple[int, str]] = []
    for (line, cells), (_, merged) in zip(rows[k + 1:], spread[k + 1:]):
        cells = cells + [""] * (max(cols.values()) + 1 - len(cells))
        name = _joined(cells[cols["name"]])
        if not name:
            continue
        desc = _joined(cells[cols["text"]]) if "text" in cols else ""
        no = squash(cells[cols["no"]]) if "no" in cols else ""
        text = f"{name}：{desc}" if desc else name
        period = _joined(merged[cols["period"]]) if "period" in cols and cols["period"] < len(merged) else ""
        if period and not _PERIOD_CELL_RE.fullmatch(normalize(period)):
            unread.append((line, f"project {name!r} {squash(header[cols['period']])} {period!r} not read "
                                 f"(names no year or period)"))
            period = ""
        out.append(ProjectRow([Line(line, text, normalize(text), False)], text, normalize(text),
                              no if no.isdigit() else "", name, desc or name, period))
    unread = [(header_line, f"project table column {squash(c)!r} not read")
              for j, c in enumerate(header) if squash(c) and j not in cols.values()] + unread
    return (out, unread) if out else None
