"""The vocabulary of a plan's tables, shared by the readers of tables flattened into lines
(loaders/tables.py) and of tables kept as grids (loaders/grids.py, from .docx/.html/.pdf): the
records a table becomes, which header cell names which column, and what a cell looks like."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.loaders.ladder import WORDED_STYLES, cn_value, numbering
from policykg.loaders.role_vocab import LEAD_LABELS, OWNER_LABELS, SUPPORT_LABELS
from policykg.loaders.text import CHAPTER_RE, COLUMN_RE, ITEM_RE, SECTION_RE, normalize
from policykg.loaders.units import ends_as_body, prints_its_place, reads_as_unit
from policykg.loaders.values import is_value_cell

ATTRIBUTES = ("约束性", "预期性")
#: an attribute cell as plans print it: 约束性, 约束, [约束性], 【预期性】, 约束性指标 (one kind each)
_ATTRIBUTE_RE = re.compile(r"[\[［【〔（(]?(约束|预期)性?(?:指标)?[\]］】〕）)]?")


def attribute_of(cell: str) -> str | None:
    """The attribute a cell prints, as 约束性 or 预期性; None if it prints none."""
    m = _ATTRIBUTE_RE.fullmatch(squash(cell))
    return m.group(1) + "性" if m else None

UNIT_PAREN_RE = re.compile(r"[（(]([^（()）]*)[)）]\s*$")

def squash(s: str) -> str:
    """`s` without its white space (str.split splits on the characters \\s matches)."""
    return "".join(s.split())


#: marks a plan prints on an indicator's name, explained in a note (注：带*为约束性指标, ★为新增指标)
NAME_MARKS = "*＊★☆▲△※◆◇●○#＃"


#: a note saying what a mark on an indicator's name means: 注：带*的为约束性指标 / ★为约束性指标 /
#: 标“▲”者为预期性指标
_ATTRIBUTE_MARK_NOTE_RE = re.compile(f"([{re.escape(NAME_MARKS)}])" + r"\s*[”\"’]?\s*号?\s*(?:的|者)?\s*(?:指标)?\s*"
                                     r"(?:为|是|表示)\s*(约束性|预期性)")


#: …and what the rest are, said in the same note (其余为预期性指标): key ''
_REST_NOTE_RE = re.compile(r"其[余他](?:的)?(?:指标)?\s*(?:均|都)?\s*(?:为|是)\s*(约束性|预期性)")


def _fold_mark(ch: str) -> str:
    """A mark as the notes' table keys it: the full-width asterisk is the asterisk."""
    return "*" if ch == "＊" else ch


def attribute_marks(text: str) -> dict[str, str]:
    """The marks a plan's notes say make an indicator binding or expected: {'*': '约束性'}, and
    under '' what a note beside them says the unmarked are (其余为预期性指标)."""
    marks = {_fold_mark(m.group(1)): m.group(2) for m in _ATTRIBUTE_MARK_NOTE_RE.finditer(text)}
    rest = _REST_NOTE_RE.search(text) if marks else None
    if rest is not None:
        marks[""] = rest.group(1)
    return marks


def marked_attribute(printed: str, name: str, marks: dict[str, str]) -> str:
    """The attribute a mark printed on the name (残疾人就业人数*（万人）, *残疾人就业人数) gives it,
    by the plan's note, or ''."""
    at = printed.find(name)
    if at < 0 or not marks:
        return ""
    around = printed[max(0, at - 2):at] + printed[at + len(name):at + len(name) + 12].split("\t")[0].split("\n")[0]
    found = {marks[c] for c in map(_fold_mark, around) if c and c in marks}
    if not found:
        return marks.get("", "")
    return found.pop() if len(found) == 1 else ""


def split_unit_paren(name: str) -> tuple[str, str]:
    """'残疾人辅助器具适配率（%）' -> ('残疾人辅助器具适配率', '%'); empty '()' -> unit ''.  A mark on
    the name (残疾人就业人数*（万人）, …（%）★) is no part of it: its meaning is in a note, and the
    attribute the table reads is its attribute column's."""
    name = name.strip().strip(NAME_MARKS).strip()
    m = UNIT_PAREN_RE.search(name)
    if not m:
        return name, ""
    return name[: m.start()].strip().rstrip(NAME_MARKS).strip(), m.group(1).strip()


def is_heading_line(norm: str) -> bool:
    """A chapter or section heading (一、, （一）, 第二章, 第二部分, 第一节) or a 专栏 title: no table cell."""
    if CHAPTER_RE.match(norm) or SECTION_RE.match(norm) or COLUMN_RE.match(norm):
        return True
    n = numbering(norm)
    return n is not None and n.style in WORDED_STYLES


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
    unread: list[tuple[int, str]] = field(default_factory=list)  # (line, what was not read)
    #: role -> the unit a value column's header prints for every row's value (2020年（%）)
    units: dict[str, str] = field(default_factory=dict)


#: the roles of the columns holding a row's values: the baseline, the target, and a milestone
#: (a year between them: 2023年 between 2020年 and 2025年), named ``milestone:2023``
def is_value_role(role: str | None) -> bool:
    return role in ("baseline", "target") or (role or "").startswith("milestone:")


def header_unit(cell: str) -> tuple[str, str]:
    """A value column's name and the unit of measure it prints in brackets at its end, for every
    row's value: '2020年（%）' -> ('2020年', '%'), '2025年目标值(万人)' -> ('2025年目标值', '万人');
    a cell printing none -> (the cell, '')."""
    c = squash(cell)
    m = UNIT_PAREN_RE.search(c)
    if m is None or m.start() == 0 or not is_measure_unit(m.group(1)):
        return c, ""
    return c[:m.start()], m.group(1)


#: a value column's name: a year and/or a kind of value, in either order, the year perhaps in
#: brackets (2025年, 2020年基期值, 目标值（2025年）, 基期, 现状值, 2020年基数), or a plan period's end
#: (“十三五”末 is 2020, “十四五”目标 2025)
_VALUE_KIND = r"(?:基期|基数|基准|目标|现状|预期|规划|期末|完成|实际|实现)值?|完成情况|值|数据|数值|水平"
#: (a year's end printed, 2020年底 / 2025年末, is the year's value)
_VALUE_RE = re.compile(rf"(?:{_VALUE_KIND})?((?:19|20)\d{{2}})?年?(?:底|末)?(?:{_VALUE_KIND})?")
_PERIOD_RE = re.compile(rf"(十[一二三四五六])五(?:时期|期)?末?(?:{_VALUE_KIND})?")
#: words that make a value column the target or the baseline, whatever its place
_TARGET_WORDS = ("目标", "预期", "规划")
_BASELINE_WORDS = ("基期", "基数", "基准", "现状", "完成", "实际", "实现")


def value_year(cell: str) -> tuple[bool, int | None]:
    """(is it a value column's name, the year it names)."""
    c = re.sub(r"[（()）“”\"'‘’]", "", header_unit(cell)[0])
    p = _PERIOD_RE.fullmatch(c)
    if p:  # 十三五 runs 2016-2020: its end is 2020
        return True, 2010 + 5 * "一二三四五六".index(p.group(1)[1])
    m = _VALUE_RE.fullmatch(c)
    if not c or m is None or c == "年":
        return False, None
    return True, int(m.group(1)) if m.group(1) else None


#: what a column named 指标 and one of these holds, not the indicators' names (指标单位, 指标类型,
#: 指标来源): read by its own role or by none, never as the names (指标及单位, 指标名称及单位 are names)
_NOT_NAME_ENDINGS = ("单位", "类型", "类别", "属性", "性质", "编号", "序号", "来源", "说明", "解释", "口径", "定义",
                     "层级", "值")


#: a column of the indicators' type: their attribute (约束性, 预期性), or their field where the table
#: prints an attribute column beside it (`header_roles`)
_TYPE_HEADER = ("指标类型", "类型")


def column_role(cell: str) -> str | None:
    c = squash(cell)
    if not c:
        return None
    if c in ("类别", "领域", "指标类别", "分类"):
        return "category"
    # 指标类型 / 类型 print 约束性 or 预期性 where a table has no 属性 column (a category printed
    # there reads no attribute)
    if c.endswith("属性") or c in ("指标性质", "性质", "属性类别") + _TYPE_HEADER:
        return "attribute"
    if c in ("单位", "计量单位", "指标单位"):
        return "unit"
    if c in NUMBER_HEADER + ("指标编号", "指标序号"):
        return "index"
    if c.startswith("指标") and c[2:] not in _NOT_NAME_ENDINGS or c in ("主要指标", "名称", "具体指标"):
        return "name"
    if value_year(c)[0]:
        return "value"
    return None


def names_indicators(cell: str) -> bool:
    """Does a header cell name a column of indicators (指标, 指标名称, 主要指标), not a bare 名称 that
    a project's table prints as well: what makes a table without an attribute column (属性) an
    indicator table?"""
    return column_role(cell) == "name" and squash(cell) != "名称"


def _value_columns(cells: list[str], period: tuple[int, int] | None = None) -> dict[int, str]:
    """Which of a header's value columns (index -> cell) is the target and which the baseline.
    The target is the one a word names (目标, 预期, 规划), else the latest year, else the last; the
    baseline the one a word names (基期, 基数, 现状, 完成情况: 2020年（基期）, 基期值), else the plan's
    base year, the year before its `period` starts (2020 for a 2021-2023 三年行动计划), else the
    year five before the target's (a five-year plan's base year, the last plan's end: 2020 beside
    2023 under a 2025 target), else the one year before the target's printed; never one named a
    target (the last plan's “十三五”目标).  Where several years come before the target's and none of
    these tells the baseline (2020年 | 2022年 | 2023年 in a plan not saying its period), no column is
    the baseline: they are read by no role, never the latest taken for it.  A column whose year lies
    between the baseline's and the target's (2023年, 2023年目标 between 2020年 and 2025年; without a
    baseline, one before the target's that a word names a target) is a milestone, ``milestone:2023``.
    Any more (a 2015年 column beside 2020年 and 2025年) are read by no role."""
    years = {i: value_year(c)[1] for i, c in cells.items()}
    roles: dict[int, str] = {}

    def pick(among: list[int], words: tuple[str, ...], before: int | None, base: bool) -> int | None:
        named = [i for i in among if any(w in cells[i] for w in words)]
        if len(named) == 1:
            return named[0]
        dated = [i for i in among if years[i] is not None and (before is None or years[i] < before)]
        if dated and len(dated) == len(among):
            if not base:  # the target: the latest year
                latest = max(years[i] for i in dated)
                top = [i for i in dated if years[i] == latest]
                return top[0] if len(top) == 1 else None
            for base_year in ([period[0] - 1] if period else []) + ([before - 5] if before else []):
                found = [i for i in dated if years[i] == base_year]
                if len(found) == 1:
                    return found[0]
            return dated[0] if len(dated) == 1 else None
        return among[-1] if among else None

    order = sorted(cells)
    target = pick(order, _TARGET_WORDS, None, False)
    if target is None:
        return {i: "other" for i in order}
    roles[target] = "target"
    rest = [i for i in order if i != target]
    rest = [i for i in rest if not any(w in cells[i] for w in _TARGET_WORDS)]  # “十三五”目标: no baseline
    baseline = pick(rest, _BASELINE_WORDS, years[target], True) if rest else None
    if baseline is not None:
        roles[baseline] = "baseline"
    end = years[target]
    start = years[baseline] if baseline is not None else None
    between = [i for i in order if i not in roles and end is not None and years[i] is not None
               and (start < years[i] < end if start is not None
                    else years[i] < end and any(w in cells[i] for w in _TARGET_WORDS))]
    for i in between:
        if sum(years[j] == years[i] for j in between) == 1:  # two columns of one year: neither
            roles[i] = f"milestone:{years[i]}"
    return {i: roles.get(i, "other") for i in order}


def header_roles(header: list[str], period: tuple[int, int] | None = None
                 ) -> tuple[list[str | None], dict[str, int]]:
    """The role of each header cell (None for a column no role reads, a value column beyond the
    baseline, target and milestones among them), and the year the value columns name; `period` is
    the plan's (its base year the baseline's, `_value_columns`)."""
    known = [column_role(c) for c in header]
    typed = [i for i, c in enumerate(header) if squash(c) in _TYPE_HEADER]
    if typed and known.count("attribute") > len(typed) and "category" not in known:
        known[typed[0]] = "category"  # 指标类型 beside a 属性 column: the indicators' kind, their field
    values = _value_columns({i: squash(c) for i, c in enumerate(header) if known[i] == "value"}, period)
    roles: list[str | None] = []
    years: dict[str, int] = {}
    for i, role in enumerate(known):
        if role == "value":
            role = values[i] if values[i] != "other" else None
            year = value_year(header[i])[1]
            if role and year:
                years[role] = year
        roles.append(role)
    return roles, years


def header_units(header: list[str], period: tuple[int, int] | None = None) -> dict[str, str]:
    """The unit each value column's header prints for its values (2020年（%）: '%'), by role."""
    roles, _years = header_roles(header, period)
    return {role: unit for role, cell in zip(roles, header)
            if is_value_role(role) and (unit := header_unit(cell)[1])}


#: the characters a unit of measure is written in (%, 万人, 人次, 个百分点, 元/人, 平方米)
_MEASURE_CHARS = set("%‰万亿千百十元倍个公米吨岁人户家次年月日天周项所座张台辆亩平方克升版名件间册场小时床本部套条处栋支种门类点分/每")


def is_measure_unit(cell: str) -> bool:
    """Could this cell be a unit column's: a unit of measure (%, 万人, 人次), not a name or a value?"""
    c = squash(normalize(cell))
    return 0 < len(c) <= 6 and all(ch in _MEASURE_CHARS for ch in c)


#: a row of totals (合计, 总计, 小计, 共计): the sum of the rows above, no indicator
_TOTAL_WORDS = ("合计", "总计", "小计", "共计")


def is_total_cell(cell: str) -> bool:
    """Does a cell name a totals row (合计, 合 计, 总计（万人）)?"""
    return split_unit_paren(squash(normalize(cell)))[0] in _TOTAL_WORDS


def is_category_cell(norm: str) -> bool:
    c = squash(norm)
    return (0 < len(c) <= 20 and not re.search(r"\d", c) and not ITEM_RE.match(c)
            and attribute_of(c) is None and not is_value_cell(c) and not is_heading_line(c)
            and "。" not in c)


def table_category(norm: str) -> str | None:
    """The category a row of one cell prints inside an indicator table: the cell (社会保障), or what
    follows its number where it is numbered as a heading is (一、社会保障, （一）社会保障) and its rows
    number from 1 under it; None if it is no category."""
    c = squash(normalize(norm))
    if is_category_cell(c) and not ITEM_RE.match(c):
        return norm.strip()
    n = numbering(c)
    if n is None or n.style not in ("一、", "(一)") or n.number is None:
        return None
    rest = squash(norm)[n.end:]
    return rest if is_category_cell(normalize(rest)) else None


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
    deadline: str = ""  # 完成时限 as printed (2022年底前, 持续推进)
    #: the row's content cell (具体内容, 主要措施 …) beside its task's name, and its line
    content: str = ""
    content_line: int = 0
    #: the chapter (and section) of the plan the row cites for its task (第三章第一节), as printed
    chapter: str = ""
    chapter_line: int = 0


@dataclass
class DivisionTable:
    title: str
    title_line: int
    rows: list[DivisionRow] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    unread: list[tuple[int, str]] = field(default_factory=list)  # (line, what was not read)
    #: a real table's column names, as read (for a table continued in another without its header)
    header: tuple[str, ...] = ()
    #: the name of the column read for the lead (负责单位, 牵头单位, 责任单位 …), and whether the
    #: table has a column of supporters: 责任单位 names the units responsible, whose roles the
    #: plan's convention gives (the first-named leads, or all support beside lead markers), except
    #: beside a column of supporters, where it names the lead
    lead_column: str = ""
    support_column: bool = False
    #: a column citing each row's chapter and section of the plan (规划章节: 第三章第一节)
    chapter_column: bool = False


DIVISION_TITLE_RE = re.compile(r"(重点)?(工作)?任务(分工|责任分解)表|任务分解表")
#: a row-number column's name: 序号, or 编号 as some tables print it
NUMBER_HEADER = ("序号", "编号")
TASK_HEADER = ("重点工作任务", "工作任务", "重点任务", "任务", "主要任务", "任务内容", "主要工作任务", "工作内容",
               "重点工作", "任务名称", "主要工作", "工作事项", "重点事项", "任务事项", "任务举措",
               # what a task is to do, naming the task column of a table that has no other (序号 | 具体措施 |
               # 牵头单位); beside one, its content (CONTENT_HEADER).  Never a project's (建设内容, 主要内容)
               "具体任务", "目标任务", "具体措施", "工作措施", "主要措施", "重点措施", "具体举措", "主要举措", "工作举措",
               "具体工作")
#: a column's name is a clause's label printed over the column (牵头单位, 牵头部门, 责任处室,
#: 配合部门): a department's or office's plan names its own departments (部门) and offices (处室, 科室)
#: as a plan names units.  责任… names the units responsible: the lead beside no lead column, else
#: the supporters
_NOUN_ENDINGS = ("单位", "部门", "处室", "科室", "主体")
#: (责任单位, 主要责任单位, 责任主体: never 实施单位 or 承办单位, which a project table's column is named too)
_OWNER_HEADER = tuple(w for w in OWNER_LABELS if w.startswith(("责任", "主要责任")) and w.endswith(_NOUN_ENDINGS))
LEAD_HEADER = ("负责单位", "牵头单位", "责任单位", "主责单位") + tuple(
    w for w in LEAD_LABELS + _OWNER_HEADER if w.endswith(_NOUN_ENDINGS)
    and w not in ("负责单位", "牵头单位", "责任单位", "主责单位", "主办单位"))
SUPPORT_HEADER = ("配合单位", "协办单位", "参与单位", "协同单位", "责任单位") + tuple(
    w for w in SUPPORT_LABELS + _OWNER_HEADER if w.endswith(_NOUN_ENDINGS)
    and w not in ("配合单位", "协办单位", "参与单位", "协同单位", "责任单位"))


#: a column citing where in the plan each row's task stands (规划章节 | 第三章第一节): a plan whose
#: tasks are numbered anew in each section numbers its table's rows on its own, and the cited
#: chapter and section say which task a row is
CHAPTER_HEADER = ("规划章节", "对应章节", "所属章节", "所在章节", "章节", "对应规划章节", "规划对应章节")
DEADLINE_HEADER = ("完成时限", "完成时间", "完成期限", "时间节点", "时间安排", "进度安排", "时限要求", "时限", "完成年限",
                   "推进时限", "时间要求")
#: a header cell: short, no sentence, not a row number
_HEADER_CELL = re.compile(r"[^。；;]{1,12}")


#: a column holding what a task is to do, beside the column naming it (任务名称 | 具体内容): its
#: content, measures or targets.  工作内容 and 任务内容 name the task column of a table that has no
#: other (序号 | 工作内容 | 牵头单位)
CONTENT_HEADER = ("具体内容", "主要内容", "工作内容", "任务内容", "重点内容", "具体措施", "工作措施", "主要措施",
                  "重点措施", "具体举措", "主要举措", "工作举措", "建设内容", "目标任务", "具体任务", "工作要求",
                  "目标要求", "具体工作")


#: a column grouping a division table's rows under their field (类别 | 序号 | 重点任务 …, printed once
#: for several rows, a cell merged down): as a row printed as one cell (一、社会保障) does, it names
#: no task and no unit, and is read as no task's text
DIVISION_CATEGORY_HEADER = ("类别", "领域", "重点领域", "工作领域", "任务类别", "工作类别", "分类", "类型", "板块",
                            "任务类型", "工作板块")


def bare_column_name(name: str) -> str:
    """A column's name without a note in brackets after it (责任单位（第一个为牵头单位）, 完成时限（年）)
    where what is left is a name a division table's column bears; else as printed."""
    m = re.fullmatch(r"(.+?)[（(][^（()）]*[)）]", name)
    known = TASK_HEADER + CONTENT_HEADER + LEAD_HEADER + SUPPORT_HEADER + DEADLINE_HEADER + CHAPTER_HEADER
    return m.group(1) if m and m.group(1) in known else name


def division_columns(names: list[str], unnumbered: bool = False) -> tuple[dict[str, int], list[int]] | None:
    """The columns of a division table's header (序号, then task, lead, support and deadline columns
    in any order, and a content column beside the task's), as {role: index}, and the indexes of
    columns no role reads (备注…); None unless it names a task and a lead (or 责任单位) column.  The
    task column is one naming tasks (重点任务, 任务名称), else one naming their content (工作内容);
    a content column beside it is the tasks' content (具体内容, 主要措施).  A category column
    (类别, 领域) may stand before 序号 or among the others.  With `unnumbered`, a header printing
    no 序号 (重点任务 | 牵头单位 | 配合单位) is one too, where each of its cells names a column: its
    columns then have no "no"."""
    names = [bare_column_name(squash(n)) for n in names]
    first = next((k for k, n in enumerate(names) if n not in DIVISION_CATEGORY_HEADER), None)
    if first is None or len(names) < 3 and (not unnumbered or names[first] in NUMBER_HEADER):
        return None
    cols: dict[str, int] = {}
    if names[first] in NUMBER_HEADER:
        cols["no"] = first
    elif not unnumbered or not all(is_header_cell(n) or n in DIVISION_CATEGORY_HEADER for n in names if n):
        return None
    if first:
        cols["category"] = 0
    rest = [(k, n) for k, n in enumerate(names) if k > first or k == first and "no" not in cols]
    named = [k for k, n in rest if n in TASK_HEADER and n not in CONTENT_HEADER]
    content = [k for k, n in rest if n in CONTENT_HEADER]
    if named:
        cols["task"] = named[0]
    elif tasks_content := [k for k in content if names[k] in TASK_HEADER]:
        cols["task"] = tasks_content[0]  # 工作内容 with no task column (a 建设内容 alone is a project table's)
    if "task" in cols and (beside := [k for k in content if k != cols["task"]]):
        cols["content"] = beside[0]
    unknown: list[int] = list(range(1, first))  # a second category column
    for k, name in rest:
        if k in (cols.get("task"), cols.get("content")):
            continue
        role = ("lead" if name in LEAD_HEADER and "lead" not in cols
                else "support" if name in SUPPORT_HEADER and "support" not in cols
                else "deadline" if name in DEADLINE_HEADER and "deadline" not in cols
                else "chapter" if name in CHAPTER_HEADER and "chapter" not in cols
                else "category" if name in DIVISION_CATEGORY_HEADER and "category" not in cols else None)
        if role is None:
            unknown.append(k)
        else:
            cols[role] = k
    return (cols, unknown) if "task" in cols and "lead" in cols else None


#: how the names of a table's columns end (a header names kinds of things, not a row's content)
_HEADER_NOUNS = ("单位", "部门", "任务", "时限", "时间", "期限", "节点", "安排", "进度", "备注", "内容", "措施",
                 "目标", "要求", "成果", "事项", "名称", "编号", "主体", "分工")


def is_header_cell(text: str) -> bool:
    """Could this be a cell of a division table's header row: a column's name?"""
    t = squash(text)
    return bool(_HEADER_CELL.fullmatch(t)) and (t.endswith(_HEADER_NOUNS + DEADLINE_HEADER)
                                                or t in TASK_HEADER + CONTENT_HEADER + LEAD_HEADER
                                                + SUPPORT_HEADER + CHAPTER_HEADER)


#: a number a division table's task cell prints before its title: 1.完善…, 1、完善…, （1）完善…
_TASK_NUMBER_RE = re.compile(r"(?:(\d{1,3})\s*[.、](?![\d%])|[（(](\d{1,3})[)）])\s*")


def task_number(task: str) -> tuple[str, str] | None:
    """(the number, the text after it) where a task cell opens with its own number (1.完善低保制度),
    else None: the number is no part of the task's title."""
    m = _TASK_NUMBER_RE.match(normalize(task))
    if m is None or m.end() >= len(task):
        return None
    return m.group(1) or m.group(2), task[m.end():]


#: the most columns a division table's header is read for
MAX_DIVISION_COLUMNS = 8


def note_unread(table: DivisionTable, columns: list[str], rows_from: list[int]) -> None:
    """Say what of a division table was not read: columns no role reads (their cells are dropped),
    and rows after the last one read (`rows_from`: the line of the first such row number)."""
    for name in columns:
        table.unread.append((table.title_line, f"division table column {name!r} not read"))
    for line in rows_from:
        table.unread.append((line, f"division table rows from {len(table.rows) + 1} on not read "
                                   f"(the table's cells did not line up under its header)"))


#: a division table's 序号 cell: 1, 1. / 1、, (1) / （1） / 【1】 / 〔1〕 / [1] / 〖1〗, 1.1 or 1.1.1, 一 / 一、, ①
_ROW_NUMBER_RE = re.compile(r"(\d{1,3}(?:\.\d{1,3}){0,2})[.、]?|[(\[【〔〖]\s*(\d{1,3})\s*[)\]】〕〗][.、]?"
                            r"|([一二三四五六七八九十]{1,3})、?")


def row_number(cell: str) -> str | None:
    """The number a division table's 序号 cell prints, as the row's number: 1, 1. and （1） are 1,
    一 is 1, ① is 1, 1.1 stays 1.1; None for a cell that prints no row number."""
    c = normalize(squash(cell))
    m = _ROW_NUMBER_RE.fullmatch(c)
    if m is not None:
        if m.group(3):
            value = cn_value(m.group(3))
            return str(value) if value else None
        return m.group(1) or m.group(2)
    n = numbering(c)  # a glyph: ① ⑴ ⒈ ㈠
    if n is not None and n.end == len(c) and n.number is not None and len(c) == 1:
        return str(n.number)
    return None


def note_no_lead(table: DivisionTable, merges_told: bool = False) -> None:
    """Say each row read that prints no lead unit: its cell is empty, or (in a table flattened into
    lines, whose lines do not tell which) merged over it from a row above, printed once for several
    rows; so no lead is read, never a neighbour's.  A real table tells its merged cells
    (`merges_told`: their text was read into each row they span), so its empty cell is empty.  A
    row already said (its cells did not line up) is not said again."""
    said = {line for line, _ in table.unread}
    silent = [row for row in table.rows if not row.lead.strip() and row.first_line not in said]
    why = "its cell is empty" if merges_told else \
        "its cell is empty, or merged with a row above's: a table does not tell which"
    for row in silent:
        table.unread.append((row.first_line, f"division table row {row.no or row.task[:20]} prints no lead "
                                             f"unit ({why}): no lead read"))
    if silent:
        table.unread.sort(key=lambda u: u[0])


def continues_rows(last: str, first: str) -> bool:
    """Does a row numbered `first` follow one numbered `last` (4 after 3, 2.1 after 1.3)?"""
    if last.isdigit() and first.isdigit():
        return int(first) == int(last) + 1
    a, b = last.split("."), first.split(".")
    return all(x.isdigit() for x in a + b) and [int(x) for x in b] > [int(x) for x in a]


def is_division_title(norm: str) -> bool:
    squashed = squash(norm)
    return len(squashed) <= 30 and DIVISION_TITLE_RE.search(squashed) is not None


#: a note in brackets closing a unit's name (区政府办公室（区大数据局）, 区农牧水务局（乡村振兴局）)
_CLOSING_NOTE_RE = re.compile(r"[（(〈<〔【][^（()）〈〉<>〔〕【】]*[)）〉>〕】]$")


def units_apart(before: str, after: str) -> bool:
    """Two lines of a units cell, each a whole unit's name, the second printing its place (县农商银行
    / 县财政局, 县实验学校 / 县财政局, 各镇 / 县财政局): two units one a line, whatever the first ends
    in, not one name wrapped.  A name wrapped before a word of its own prints no place there
    (县人民政府 / 办公室, 青山县 / 人民医院)."""
    a, b = squash(before), squash(after)
    return reads_as_unit(b) is None and prints_its_place(b) and reads_as_unit(a) is None and ends_as_body(a)


def unitlike(text: str) -> bool:
    """A unit's name, as a cell prints it: one ending in a body's word (局, 委, 办, 中心…, or 单位 of
    a group of units, 残疾人工作委员会成员单位), or so ending before a note in brackets, its other name
    (区政府办公室（区大数据局）, 区政府办公室〈区大数据局〉)."""
    t = squash(text)
    if len(t) > 60 or "。" in t:
        return False
    t = _CLOSING_NOTE_RE.sub("", t) or t
    return t != "" and (t[-1] in "局委办联会部院心司队所站处室厅府" or t.endswith("单位"))
