"""Tables flattened by text extraction: the indicator table (主要指标) and the key-task division
table (重点工作任务分工表).

Extraction prints a table either one cell per line (optionally tab-indented, a long cell wrapped onto
an unindented line) or one row per line with tab-separated cells.  Both layouts are read from the
header row: the header says which columns exist (category, name, 2020, 2025, attribute ...), the
cells are then assigned by what they look like, so a missing or wrapped cell does not shift the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.loaders.text import CHAPTER_RE, COLUMN_RE, ITEM_RE, SECTION_RE, Line
from policykg.loaders.values import is_value_cell

ATTRIBUTES = ("约束性", "预期性")
_YEAR_RE = re.compile(r"^((?:19|20)\d{2})年?(?:目标值?|基期值?|值)?$")
_UNIT_PAREN_RE = re.compile(r"[（(]([^（()）]*)[)）]\s*$")
_INDICATOR_HEADER_START = {"指标", "类别", "指标名称", "序号", "类别指标", "主要指标"}
_HEADER_WORDS = {"指标", "类别", "指标名称", "属性", "单位", "目标值", "基期值", "现状值", "序号", "目标",
                 "基期", "现状", "领域"}


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def split_unit_paren(name: str) -> tuple[str, str]:
    """'残疾人辅助器具适配率（%）' -> ('残疾人辅助器具适配率', '%'); empty '()' -> unit ''."""
    m = _UNIT_PAREN_RE.search(name)
    if not m:
        return name.strip(), ""
    return name[: m.start()].strip(), m.group(1).strip()


def is_heading_line(norm: str) -> bool:
    return bool(CHAPTER_RE.match(norm) or SECTION_RE.match(norm) or COLUMN_RE.match(norm))


# ------------------------------------------------------------------------------------------------
# indicator tables
@dataclass
class IndicatorRow:
    no: str
    name: str
    category: str
    unit: str
    values: list[tuple[str, int]]  # (printed, line)
    attribute: str
    first_line: int
    last_line: int


@dataclass
class IndicatorTable:
    columns: list[str]  # roles: category, name, unit, baseline, target, attribute
    years: dict[str, int]  # role -> year printed in the header
    rows: list[IndicatorRow]
    first_line: int
    last_line: int


def _column_role(cell: str) -> str | None:
    c = squash(cell)
    if not c:
        return None
    if c == "类别" or c == "领域":
        return "category"
    if c.startswith("指标") or c == "主要指标":
        return "name"
    if c == "属性":
        return "attribute"
    if c == "单位":
        return "unit"
    if c == "序号":
        return "index"
    if _YEAR_RE.match(c) or c in ("目标值", "目标", "基期值", "基期", "现状值", "现状"):
        return "value"
    return None


def _assign_value_roles(header: list[str]) -> tuple[list[str], dict[str, int]]:
    roles: list[str] = []
    years: dict[str, int] = {}
    value_cells = [(i, squash(c)) for i, c in enumerate(header) if _column_role(c) == "value"]
    for i, cell in enumerate(header):
        role = _column_role(cell)
        if role is None:
            continue
        if role == "value":
            c = squash(cell)
            if len(value_cells) == 1 or "目标" in c or (value_cells and i == value_cells[-1][0]):
                role = "target"
            else:
                role = "baseline"
            m = _YEAR_RE.match(c)
            if m:
                years[role] = int(m.group(1))
        roles.append(role)
    if "name" not in roles:
        roles.insert(1 if roles and roles[0] == "category" else 0, "name")
    return roles, years


def _one_cell_header(lines: list[Line], i: int) -> tuple[list[str], int] | None:
    """Header cells starting at lines[i] up to and including the 属性 cell."""
    if squash(lines[i].norm) not in _INDICATOR_HEADER_START:
        return None
    cells = []
    j = i
    while j < len(lines) and len(cells) < 8:
        c = squash(lines[j].norm)
        if c:
            if _column_role(c) is None and c not in _HEADER_WORDS:
                return None
            cells.append(c)
            if c == "属性":
                return cells, j
        j += 1
    return None


def _is_category_cell(norm: str) -> bool:
    c = squash(norm)
    return (0 < len(c) <= 20 and not re.search(r"\d", c) and not ITEM_RE.match(c)
            and c not in ATTRIBUTES and not is_value_cell(c) and not is_heading_line(c)
            and "。" not in c)


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
    roles, years = _assign_value_roles(header)
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
            elif _is_category_cell(norm) and nxt is not None and ITEM_RE.match(nxt_norm):
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
            elif (not cur.values and not cur.unit and _UNIT_PAREN_RE.search(norm)
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
    if not any(_column_role(c) == "name" for c in header) or not any(
            _column_role(c) == "attribute" for c in header):
        return None
    roles, years = _assign_value_roles(header)
    rows: list[IndicatorRow] = []
    category = ""
    last = lines[i].no
    j = i + 1
    while True:
        k = _next_nonempty(lines, j)
        if k is None:
            break
        cells = [c.strip() for c in lines[k].clean.split("\t") if c.strip()]
        if len(cells) == 1 and _is_category_cell(lines[k].norm):
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
@dataclass
class DivisionRow:
    no: str
    task: str
    lead: str
    support: str
    first_line: int
    last_line: int
    lead_line: int = 0
    support_line: int = 0
    task_line: int = 0


@dataclass
class DivisionTable:
    title: str
    title_line: int
    rows: list[DivisionRow] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0


_DIVISION_TITLE_RE = re.compile(r"(重点)?(工作)?任务(分工|责任分解)表|任务分解表")
_TASK_HEADER = ("重点工作任务", "工作任务", "重点任务", "任务", "主要任务", "任务内容")
_LEAD_HEADER = ("负责单位", "牵头单位", "责任单位", "主责单位")
_SUPPORT_HEADER = ("配合单位", "协办单位", "参与单位", "协同单位", "责任单位")


def is_division_title(norm: str) -> bool:
    return bool(_DIVISION_TITLE_RE.search(squash(norm))) and len(squash(norm)) <= 30


def _unitlike(text: str) -> bool:
    t = squash(text)
    return 0 < len(t) <= 60 and "。" not in t and t[-1] in "局委办联会部院心司队所站处室厅府"


def read_division_table(lines: list[Line], i: int) -> DivisionTable | None:
    """Read a 重点工作任务分工表 whose title is at lines[i] (0-based)."""
    title_line = lines[i]
    j = _next_nonempty(lines, i + 1)
    header: list[str] = []
    while j is not None and len(header) < 4:
        c = squash(lines[j].norm)
        if c == "序号" and not header:
            header.append(c)
        elif header and (c in _TASK_HEADER or c in _LEAD_HEADER or c in _SUPPORT_HEADER):
            header.append(c)
        else:
            break
        j = _next_nonempty(lines, j + 1)
    if len(header) < 3 or header[0] != "序号":
        return None
    tabbed = any(lines[k].indented for k in range(i, min(len(lines), i + 20)))
    table = DivisionTable(title_line.clean, title_line.no, first_line=title_line.no)
    # group lines into cells: (text, first line no)
    cells: list[list] = []
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
            cells.append([ln.clean, ln.no, ln.no])
        else:
            prev = cells[-1]
            if _unitlike(ln.clean) and _unitlike(prev[0]):
                prev[0] += "\n" + ln.clean  # several units in one cell, one per line
            elif (not _unitlike(prev[0]) and not prev[0].endswith("。")
                  and not re.fullmatch(r"\d{1,3}", squash(prev[0]))):
                prev[0] += ln.clean  # a task cell wrapped onto an unindented line
            else:
                break  # text after the table (footer, page furniture)
            prev[2] = ln.no
        k += 1  # a tab-only line is an empty cell, so every line counts here
    ncols = len(header)
    expect = 1
    idx = 0
    while idx < len(cells):
        text, first, _ = cells[idx]
        if squash(text) != str(expect):
            if table.rows and not _unitlike(text):
                break  # trailing text after the table (footer, page furniture)
            idx += 1
            continue
        row_cells = cells[idx + 1: idx + ncols]
        if not tabbed:
            row_cells = _regroup_untabbed(cells, idx + 1, ncols - 1, expect + 1)
        if len(row_cells) < 2:
            break
        task = row_cells[0]
        lead = row_cells[1] if len(row_cells) > 1 else ["", 0, 0]
        support = row_cells[2] if len(row_cells) > 2 and ncols > 3 else ["", 0, 0]
        last = max(c[2] for c in row_cells)
        table.rows.append(DivisionRow(str(expect), task[0], lead[0], support[0], first, last,
                                      lead[1], support[1], task[1]))
        idx += 1 + len(row_cells)
        expect += 1
    if not table.rows:
        return None
    table.last_line = table.rows[-1].last_line
    return table


def _regroup_untabbed(cells: list[list], start: int, ncols: int, next_no: int) -> list[list]:
    """Without tab marks each line is a cell; a task wraps until its 。, units follow."""
    end = start
    while end < len(cells) and squash(cells[end][0]) != str(next_no):
        end += 1
    span = cells[start:end]
    if not span:
        return []
    t = 0
    task = list(span[0])
    while not task[0].endswith(("。", "；", ";")) and t + 1 < len(span) - 1 and not _unitlike(span[t + 1][0]):
        t += 1
        task[0] += span[t][0]
        task[2] = span[t][2]
    rest = span[t + 1:]
    if not rest:
        return [task]
    lead = rest[0]
    if len(rest) == 1 or ncols < 3:
        return [task, lead]
    support = [ "、".join(c[0] for c in rest[1:]), rest[1][1], rest[-1][2]]
    return [task, lead, support]
