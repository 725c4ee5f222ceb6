"""How much of a document the loaders understood: what the text announces against what was read.

A plan announces its content in ways a reader can count without understanding it: responsibility
markers (牵头单位：, …牵头, …配合), rows of its indicator tables, 专栏 boxes, and paragraphs under its
task chapters.  Each announced thing that was not read into the record is a gap with its line, so a
build never loses a task, a clause or a unit silently.
"""
from __future__ import annotations

import re
from collections.abc import Container

from policykg.loaders.ladder import bullet, numbering
from policykg.loaders.model import Chapter, Coverage, Gap, PlanRecord, Task
from policykg.loaders.responsibilities import (Clause, bracket_groups, carried_list, closes_sentence,
                                              ends_in_label_list, ends_sentence, label_ends_line, marker_matches, names_carriers,
                                              names_units_first, opens_with_unit, spaced_label_marks,
                                              subjects_before)
from policykg.loaders.structure import short_title
from policykg.loaders.table_vocab import (LEAD_HEADER, MAX_DIVISION_COLUMNS, NUMBER_HEADER, SUPPORT_HEADER, TASK_HEADER,
                                          IndicatorTable, bare_column_name, column_role, is_header_cell)
from policykg.loaders.text import COLUMN_RE, Block, Line, bare_box_heading, normalize

#: how much of an unread sentence a gap quotes
QUOTE = 60
#: words that make a bracketed aside a responsibility clause in a reader's eyes, however worded
#: words that name a chapter of projects rather than tasks
_PROJECT_WORDS = ("项目", "工程")
_BRACKET_KEYWORDS = re.compile(r"牵头|负责|责任|配合|协助|协办|参与|主抓|承办|主办|会同")


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE else text[:QUOTE] + "…"


def _mask(size: int, spans: list[tuple[int, int]]) -> bytearray:
    """1 at each offset below `size` inside one of the [start, end) spans."""
    mask = bytearray(size + 1)
    for start, end in spans:
        start, end = max(start, 0), min(max(end, start), size + 1)
        mask[start:end] = b"\1" * (end - start)
    return mask


def unread_markers(task: Task, clauses: list[Clause], line_of) -> tuple[int, int, list[Gap]]:
    """(markers printed, markers inside a read clause, a gap per sentence with unread ones).

    A marker is a bracketed aside that speaks of responsibility (any wording: （…主抓，…牵头协调）
    counts, so a wording the grammar does not know is a gap, not a silence) or that closes a
    sentence opening with an organisation's name ((县民政局、县残联) however it goes on), or outside brackets a
    label with its colon or a verb closing a unit list (…牵头，…配合)."""
    norm = normalize(task.text)
    groups = [(a, b) for a, b in bracket_groups(norm) if _BRACKET_KEYWORDS.search(norm, a, b)
              or (closes_sentence(norm, a, b) and names_units_first(norm[a + 1:b - 1]))
              or carried_list(norm[a + 1:b - 1]) is not None  # (县民政局落实) inside a sentence: unread
              or (ends_sentence(norm, a, b) and names_carriers(norm[a + 1:b - 1]))]
    # where a group or a read clause stands, marked once (asking every group and clause for every
    # marker cost their product in a task of thousands of lines)
    in_group = _mask(len(norm), groups)
    in_clause = _mask(len(norm), [(c.start, c.end) for c in clauses])
    positions = [a for a, _ in groups] + [m.start() for m in marker_matches(norm) if not in_group[m.start()]] \
        + [pos for pos in spaced_label_marks(norm) if not in_group[pos]]  # 牵头单位　县民政局
    printed = read = 0
    gaps: list[Gap] = []
    reported: set[int] = set()
    for pos in sorted(positions):
        printed += 1
        if in_clause[pos]:
            read += 1
            continue
        lo = max(norm.rfind("。", 0, pos), norm.rfind("\n", 0, pos)) + 1
        if lo in reported:
            continue
        reported.add(lo)
        nl = norm.find("\n", pos + 1)
        if nl >= 0 and label_ends_line(norm[lo:nl], norm[nl + 1:nl + 41]):
            nl = norm.find("\n", nl + 1)  # 牵头单位 / 县民政局、加强指导: quote the list the label's line breaks to
        hi_stop = [x for x in (norm.find("。", pos + 1), nl) if x >= 0]
        hi = min(hi_stop) + 1 if hi_stop else len(norm)
        gaps.append(Gap(line_of(pos), "responsibility",
                        f"responsibility clause not read: '{_quote(task.text[lo:hi])}'"))
    # a clause read from a comma on, after a unit's name and words of a role it does not know
    # (县政府统筹协调，县民政局具体负责。): that unit is not read
    for clause in clauses:
        for part in subjects_before(norm, clause):
            printed += 1
            gaps.append(Gap(line_of(clause.start), "responsibility",
                            f"a part of a clause's sentence names a unit in words not read as a role: "
                            f"'{_quote(part)}' (read: '{_quote(clause.inner)}')"))
    # a line under a clause whose label's list it seems to go on (配合单位：县财政局、县残联 / 县教育局、
    # 加强指导), opening with a unit's name but not read into the clause: its units are not read
    start = 0
    prev = ""
    for line, printed_line in zip(norm.split("\n"), task.text.split("\n")):
        if prev and not in_clause[start] and opens_with_unit(line) and ends_in_label_list(prev):
            printed += 1
            gaps.append(Gap(line_of(start), "responsibility",
                            f"a line under a clause's list opens with a unit's name but does not read as the "
                            f"list going on: '{_quote(printed_line)}'"))
        prev = line
        start += len(line) + 1
    return printed, read, gaps


def _projects_chapter(chapter: Chapter) -> bool:
    """A chapter named for projects (重点项目, 重大工程) whose 专栏 boxes were read holds projects,
    not tasks: it is no empty task chapter."""
    named = any(w in chapter.title for w in _PROJECT_WORDS) and "任务" not in chapter.title
    return named and (any(c.projects for c in chapter.columns)
                      or any(c.projects for s in chapter.sections for c in s.columns))


def measure_coverage(record: PlanRecord, *, markers: tuple[int, int], unread: list[tuple[int, str]],
                     indicator_rows: int, boxes: int) -> Coverage:
    """The record's coverage, adding a gap for each unread paragraph and empty task chapter."""
    for line, text in unread:
        record.warnings.append(Gap(line, "unread", f"paragraph of a task chapter read into nothing: "
                                                   f"'{_quote(text)}'"))
    for chapter in record.chapters:
        if chapter.kind == "tasks" and not any(s.tasks for s in chapter.sections) \
                and not _projects_chapter(chapter):
            record.warnings.append(Gap(chapter.span.line, "task-chapter",
                                       f"task chapter {chapter.title!r} holds no task the loaders could read"))
    if not record.tasks() and not any(g.kind == "task-chapter" for g in record.warnings):
        # a plan is read for its tasks: none read, and no chapter of them found, is never a silent 0
        record.warnings.append(Gap(0, "structure", "no task read: no chapter of tasks (重点任务, 主要任务 …) "
                                                   "with numbered items was found (are its headings printed "
                                                   "without numbers, as in a PDF of a Word file that numbers "
                                                   "them by style?)"))
    return Coverage(
        tasks=len(record.tasks()), unread_paragraphs=len(unread), markers=markers[0],
        markers_read=markers[1], indicator_rows=indicator_rows, indicators=len(record.indicators),
        boxes=boxes, boxes_read=sum(1 for c in record.columns() if c.projects),
        gaps=len(record.warnings))


#: a label no numbering style reads, before a paragraph's lead sentence: a few characters and a mark
#: (A、 甲、 I、 1-1、 1： 一， 首先，)
_LABEL_RE = re.compile(r"[^\s。，,；;：:、.]{1,4}?\s*[、，,:：.)]\s*")


def _lead_sentence(norm: str) -> bool:
    """Does a paragraph open with a short sentence of its own, as a title printed in bold opens a
    paragraph (完善低保制度。将…): no comma in it, and more text after it?  After a label the ladder
    does not read (A、完善低保制度。将…), the sentence after the label."""
    label = _LABEL_RE.match(norm)
    if label is not None and _lead_sentence(norm[label.end():]):
        return True
    head, stop, rest = norm.partition("。")
    return bool(stop) and 4 <= len(head) <= 20 and not any(c in head for c in "，,；;：:、") \
        and len(rest.strip()) >= 6


def lead_paragraphs(record: PlanRecord, task_blocks: dict[int, list[Block]]) -> list[Gap]:
    """A task printed as a title alone (（一）加强社会保障) whose text is two or more paragraphs that
    each open with a title-like sentence of their own (完善低保制度。… / 落实两项补贴。…): plans
    print their tasks so, as paragraphs led by a bold sentence, which plain text cannot tell from
    one task's paragraphs.  Read as one task, and said with the line of its second paragraph."""
    gaps = []
    for task in record.tasks():
        blocks = task_blocks.get(id(task), [])
        own, paragraphs = blocks[:1], blocks[1:]
        if not own or len(paragraphs) < 2 or "。" in task.text.split("\n", 1)[0]:
            continue
        if all(_lead_sentence(b.norm) and numbering(b.norm) is None and bullet(b.norm) is None
               for b in paragraphs):
            gaps.append(Gap(paragraphs[0].first, "structure",
                            f"task {task.title!r} is a title over {len(paragraphs)} paragraphs that each open "
                            f"with a sentence of their own ({short_title(paragraphs[0].text)!r}, …): they may "
                            f"be tasks of their own, printed with bold leads; read as one task"))
    return gaps


def sub_point_owners(record: PlanRecord, task_blocks: dict[int, list[Block]]) -> list[Gap]:
    """A task whose own paragraph names no unit while two or more of its sub-points (①…, （1）…) name
    units of their own, not the same: each sub-point's units are read as the task's (its leads all
    the task's leads), which a reader would take for one task led by several; said, with its line."""
    gaps = []
    for task in record.tasks():
        blocks = task_blocks.get(id(task), [])
        if len(blocks) < 3 or not task.responsibilities:
            continue
        owners: dict[int, set] = {}
        for r in task.responsibilities:
            k = next((k for k, b in enumerate(blocks) if b.first <= r.span.line <= b.last), None)
            if k is not None and (k == 0 or numbering(blocks[k].norm) is not None):
                owners.setdefault(k, set()).add(r.unit)  # (a clause's lines of their own are no sub-point)
        if 0 not in owners and len(owners) >= 2 and len({frozenset(u) for u in owners.values()}) >= 2:
            gaps.append(Gap(task.span.line, "responsibility",
                            f"task {task.title!r} names no unit of its own, but {len(owners)} of its sub-points "
                            f"name units of their own: read as the task's, each sub-point's lead one of its leads"))
    return gaps


def boxes_printed(blocks: list[Block]) -> int:
    """专栏 boxes the body prints, an indicator box aside (its title, on the heading's line or, under a
    bare 专栏1, on the next, names 指标)."""
    count = 0
    for k, b in enumerate(blocks):
        if COLUMN_RE.match(b.norm):
            title = blocks[k + 1].text if bare_box_heading(b.norm) and k + 1 < len(blocks) else b.text
            count += "指标" not in title
    return count


#: an indicator's attribute in brackets, as a list of indicators printed as text marks each one:
#: 1.残疾人基本养老保险参保率：2020年95%，2025年达到98%以上（约束性）
_ATTRIBUTE_MARK_RE = re.compile(r"[（(\[【〔]\s*(?:约束|预期)性?(?:指标)?\s*[）)\]】〕]")


#: a line ending in an indicator's attribute as a table's cell prints it, after a space or alone
#: (…覆盖率 >99% 约束性 / 约束性): a row of an indicator table no reader read
_ATTRIBUTE_CELL_RE = re.compile(r"(?:^|\s)(?:约束|预期)性?(?:指标)?\s*$")
#: lines apart at most, for such rows to be one table's
_ROWS_APART = 8


#: the space pdftotext prints between a year and its 年 (2020 年: a change of font)
_YEAR_GAP_RE = re.compile(r"(?<=\d)\s+(?=年)")


def _indicator_header(ln: Line) -> list[str] | None:
    """The cells of an indicator table's header printed on a line of the prose: its name column's
    alone (指标, as pdftotext's default mode prints a table a column after another), or a name
    column's and two value columns' or more (指标 单位 2020 年 2025 年, as its -raw mode prints it)."""
    cells = _YEAR_GAP_RE.sub("", ln.norm).split()
    if cells in (["指标"], ["指标名称"]):
        return cells
    if len(cells) >= 3 and all(len(c) <= 15 for c in cells) and "name" in map(column_role, cells) \
            and sum(column_role(c) == "value" for c in cells) >= 2:
        return cells
    return None


def indicators_in_prose(blocks: list[Block]) -> list[Gap]:
    """Indicators printed as text (a paragraph marked （约束性） / （预期性）) are not read: a gap
    for each, never a silence (the tables above read every row they print).  Lines ending in an
    attribute cell left among the prose are a table's rows no reader read (its cells printed in a
    way none reads, as text extraction may leave them): one gap for the rows of each table.  So is
    an indicator table's header left among the prose (`_indicator_header`: a table with no 属性
    column prints no such rows), but not where rows ending in an attribute follow it before
    another such header (that table's rows are said)."""
    gaps: list[Gap] = []
    rows: list[Line] = []
    header: tuple[Line, list[str]] | None = None  # a header left among the prose, its rows not said yet

    def header_said() -> None:
        nonlocal header
        if header is not None:
            ln, cells = header
            gaps.append(Gap(ln.no, "table", f"an indicator table's header ({' | '.join(cells)}) printed among the "
                                            f"prose, and no table was read there (its cells printed in a way the "
                                            f"reader does not read, as pdftotext's default and -raw modes print "
                                            f"a table): its indicators were not read"))
            header = None

    def said() -> None:
        if rows:
            quote = rows[0].clean if len(rows[0].clean) <= 60 else rows[0].clean[:60] + "…"
            gaps.append(Gap(rows[0].no, "table", f"{len(rows)} line(s) to line {rows[-1].no} end in an indicator's "
                                                 f"attribute (约束性/预期性) as an indicator table's rows do, but "
                                                 f"no table was read there (its header or cells printed in a way "
                                                 f"the reader does not read): its indicators were not read: '{quote}'"))
            rows.clear()

    for block in blocks:
        for ln in block.lines:
            if _ATTRIBUTE_MARK_RE.search(ln.norm):
                quote = ln.clean if len(ln.clean) <= 60 else ln.clean[:60] + "…"
                gaps.append(Gap(ln.no, "table", f"indicator printed as text, not in a table, not read: '{quote}'"))
            elif _ATTRIBUTE_CELL_RE.search(ln.norm):
                if rows and ln.no - rows[-1].no > _ROWS_APART:
                    said()
                rows.append(ln)
                header = None  # its rows are said
            elif (cells := _indicator_header(ln)) is not None:
                header_said()
                header = (ln, cells)
    said()
    header_said()
    return gaps


#: what sets a header line's cells apart: spaces, tabs, bars
_HEADER_SPLIT_RE = re.compile(r"[\s|｜]+")


def unit_columns_in_prose(blocks: list[Block], said: Container[int] = frozenset()) -> list[Gap]:
    """A line naming a table's columns, one of them a column of units (序号 重点任务 牵头单位 配合单位),
    left among the prose: the header of a table of responsibilities no reader read (its rows cut
    and scattered over lines, as pdftotext's -raw mode prints one).  Who owns what it lists is not
    read: a gap, never a silence (but once: not on a line `said` holds, a table's gap already)."""
    gaps: list[Gap] = []
    for block in blocks:
        for ln in block.lines:
            cells = [c for c in _HEADER_SPLIT_RE.split(ln.norm) if c]
            if 3 <= len(cells) <= MAX_DIVISION_COLUMNS and ln.no not in said \
                    and all(is_header_cell(c) or c in NUMBER_HEADER for c in cells) \
                    and any(bare_column_name(c) in LEAD_HEADER + SUPPORT_HEADER for c in cells):
                gaps.append(Gap(ln.no, "table", f"a table's header naming a column of units ({' | '.join(cells)}) "
                                                f"whose rows were not read as a table: the units it gives "
                                                f"tasks are not read"))
    return gaps


def unit_columns_alone(blocks: list[Block], read: Container[int], said: Container[int] = frozenset()) -> list[Gap]:
    """A column of units named alone on its line (牵头单位, 责任单位, 配合单位) left among the prose: a
    table printed one column after another, each cell a line (pdftotext's default mode, which
    prints the cells of a column in runs of a few rows, the columns' runs in an order of its own),
    whose units are read as no task's, or by a clause as the task's above them, the column's first
    cells (牵头单位 / 县卫健局 after 2.落实…, row 1's unit).  Said, once for each run of the table,
    where no clause read the line (`read`: the lines read clauses span), or where the table's
    first column (序号) or its tasks' (重点任务) is named alone on a line before it: a clause's label
    ending its line before its list (牵头单位 / 县民政局), read, follows neither.  Not on a line
    `said` holds (a gap there already)."""
    gaps: list[Gap] = []
    columned = False  # a 序号 or a task column's name seen alone on its line
    told = False  # the table said since
    for block in blocks:
        for ln in block.lines:
            cells = [c for c in _HEADER_SPLIT_RE.split(ln.norm) if c]
            if len(cells) != 1:
                continue
            name = bare_column_name(cells[0])
            if cells[0] in NUMBER_HEADER or name in TASK_HEADER:
                columned, told = True, False
            elif name in LEAD_HEADER + SUPPORT_HEADER and not told and ln.no not in said \
                    and (columned or ln.no not in read):
                told = True
                gaps.append(Gap(ln.no, "table", f"a table's column of units named alone on its line ({cells[0]}): "
                                                f"the table is printed one column after another, each cell a line, "
                                                f"and its rows were not read: the units it gives tasks are not read"))
    return gaps


#: a table printed as HTML markup in a text (Markdown that holds a table pandoc could not draw)
_MARKUP_TABLE_RE = re.compile(r"\s*<table\b", re.IGNORECASE)


def markup_tables_in_prose(blocks: list[Block]) -> list[Gap]:
    """A table a text prints as HTML markup (<table>…, as pandoc writes one into Markdown when its
    cells hold several paragraphs) is read by no text reader: a gap for each, never a silence."""
    return [Gap(ln.no, "table", "a table printed as HTML markup (<table>) in a text is not read: read the "
                                "document it came from, or save the text as a web page (.html)")
            for block in blocks for ln in block.lines if _MARKUP_TABLE_RE.match(ln.clean)]


def printed_rows(table: IndicatorTable) -> int:
    """Rows an indicator table prints: those read, and any its numbering skips."""
    numbers = [int(r.no) for r in table.rows if r.no.isdigit()]
    return max(len(table.rows), max(numbers, default=0))
