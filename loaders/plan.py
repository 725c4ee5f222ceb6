"""Read one plan document into a `PlanRecord`: the loaders' entry point.

Order of work: read the file into lines and real tables (`loaders.formats`, whatever its format);
pull out the tables (their cells must not be joined as prose); join the remaining wrapped lines into
paragraphs; read the metadata from the top, the structure from the body; then resolve
responsibilities and link the division table to the body.
"""
from __future__ import annotations

import re
from functools import partial
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from policykg.errors import InputError
from policykg.loaders.linking import link_rows
from policykg.loaders.metadata import Metadata, read_metadata, without_site_names
from policykg.loaders.coverage import (boxes_printed, indicators_in_prose, lead_paragraphs, markup_tables_in_prose,
                                       measure_coverage, printed_rows, sub_point_owners, unit_columns_alone, unit_columns_in_prose,
                                       unread_markers)
from policykg.loaders.ladder import CHAPTER_STYLES, Numbering, numbering
from policykg.loaders.outline import division_heading
from policykg.loaders.model import (Chapter, DocumentInfo, Gap, Indicator, PlanRecord, Project, RegionRef, Section,
                                    Span, Task, UnitRef)
from policykg.loaders.companions import companion_lines, drop_companions, titles_a_plan
from policykg.loaders.contents import drop_contents
from policykg.loaders.furniture import drop_furniture
from policykg.loaders.grids import (continue_division_grid, read_division_grid, read_indicator_grid,
                                    read_project_grid)
from policykg.loaders.formats import read_document
from policykg.loaders.reading import Grid, SourceText
from policykg.loaders.reference import classify_department
from policykg.loaders.regions import (community_after, county_before, is_zone, level_of, level_word, places_of,
                                      printed_names, resolve_region, speaks_as_town, split_region_names,
                                      town_after, zone_after, zone_place)
from policykg.loaders.responsibilities import (DEADLINE_PHRASE_RE, OWNER_LABELS, Assigned, Clause,
                                              ClauseReader, Part, bracket_groups, is_role_note, label_ends_line,
                                              lead_marks, marker_matches, names_apart_at_break, opens_with_label, spaced_list_break,
                                              owner_names_supporters, owners_first_lead, owners_unordered, parse_inner)
from policykg.loaders.structure import parse_structure, short_title
from policykg.loaders.targets import extract_targets, linked_indicators
from policykg.loaders.table_vocab import (LEAD_HEADER, NUMBER_HEADER, SUPPORT_HEADER, attribute_marks, bare_column_name,
                                          is_header_cell,
                                          DivisionRow, DivisionTable, IndicatorTable, is_division_title,
                                          is_value_role, marked_attribute, squash, task_number)
from policykg.loaders.tables import (LaidOutUnread, drawn_box, flattened_grid, read_division_table,
                                      read_indicator_table)
from policykg.loaders.text import COLUMN_RE, Block, JoinRules, Line, ProjectRow, make_blocks, make_lines, normalize
from policykg.loaders.units import UnitResolver
from policykg.loaders.values import bracketed_number, notes_bracketed_totals, parse_value


class _Spans:
    """Builds `Span`s (lines + character offsets) for one source text."""

    def __init__(self, src: SourceText) -> None:
        self.src = src

    def __call__(self, first: int, last: int, text: str) -> Span:
        start, end = self.src.span_offsets(first, last)
        return Span(first, last, start, end, text)

    def lines(self, first: int, last: int) -> Span:
        text = "\n".join(ln.strip() for ln in self.src.lines[first - 1:last] if ln.strip())
        return self(first, last, text)


def _title_before(segment: list[Line]) -> Line | None:
    """The last non-empty line of the prose before a grid, if it names a division table."""
    for ln in reversed(segment):
        if ln.clean:
            return ln if is_division_title(ln.norm) else None
    return None


#: a line printed over the rest of a table carried onto the next page, its header printed again or
#: not: 续表, （续表）, 续表1, 续上表, 表1（续）
_CONTINUED_RE = re.compile(r"[（(]?续(?:上)?表\s*\d*[)）]?|表?\s*\d*\s*[（(]续(?:表)?[)）]")


def _only_continued(segment: list[Line]) -> bool:
    """Does the prose since the last table print nothing but a 续表 line (or nothing at all)?"""
    return all(not x.clean or _CONTINUED_RE.fullmatch(squash(x.norm)) for x in segment)


def _period_decides(tables: list[IndicatorTable], period: tuple[int, int] | None) -> bool:
    """Could the plan's period read a table's value columns otherwise than they were read without it:
    a table naming years whose baseline is not the year before the period starts?"""
    return period is not None and any(t.years and t.years.get("baseline") != period[0] - 1 for t in tables)


def _read_grid(grid: Grid, segment: list[Line], period: tuple[int, int] | None
               ) -> IndicatorTable | DivisionTable | None:
    """A real table read by position; a division table takes its title line out of the prose."""
    table: IndicatorTable | DivisionTable | None = read_indicator_grid(grid, period)
    if table is not None:
        return table
    title = _title_before(segment)
    table = read_division_grid(grid, title.clean if title else "", title.no if title else 0)
    if table is not None and title is not None:
        del segment[segment.index(title):]
    return table


def _extract_tables(lines: list[Line], grids: tuple[Grid, ...], gaps: list[Gap],
                    period: tuple[int, int] | None = None
                    ) -> tuple[list[Block], set[int], list[IndicatorTable], list[DivisionTable]]:
    """Blocks of prose plus the tables found between them: real tables (grids) by their cells,
    flattened ones by their header lines or, failing that, by position (one cell a tab-indented
    line).  A flattened table none of them reads is a gap in `gaps`; its cells are not read as prose
    (a header cell in a 专栏 box would become a project).  `period` is the plan's, if known: its
    base year is an indicator table's baseline (`table_vocab.header_roles`)."""
    blocks: list[Block] = []
    table_after: set[int] = set()
    indicator_tables: list[IndicatorTable] = []
    division_tables: list[DivisionTable] = []
    segment: list[Line] = []
    # the document's rules (its width, margin, titles printed apart), not a segment's: a title line is
    # short against the document's width; a segment between tables is joined as any other
    paragraphs = partial(make_blocks, rules=JoinRules.of(lines, clause_line=opens_with_label,
                                                         label_break=label_ends_line,
                                                         names_apart=names_apart_at_break,
                                                         list_break=spaced_list_break))
    by_no = {ln.no: idx for idx, ln in enumerate(lines)}
    grid_at = {g.first_line: g for g in grids}
    last_division: DivisionTable | None = None  # the table just read, if a division table
    last_indicator: tuple[Grid, IndicatorTable] | None = None  # the real indicator table just read
    i = 0
    while i < len(lines):
        ln = lines[i]
        table: IndicatorTable | DivisionTable | None = None
        rows: list[ProjectRow] | None = None  # a table read as a box's projects, or said: not prose
        end_line = 0
        if ln.no in grid_at:
            grid = grid_at[ln.no]
            if last_division is not None and _only_continued(segment) \
                    and continue_division_grid(last_division, grid):
                segment = []  # a 续表 line over it is no prose
                i = by_no[grid.last_line] + 1  # the division table above, continued without its header
                continue
            joined = _continue_indicator_grid(*last_indicator, grid, period) \
                if last_indicator is not None and _only_continued(segment) else None
            if joined is not None:  # the indicator table above, continued (under 续表, its header again or not)
                indicator_tables[indicator_tables.index(last_indicator[1])] = joined.table
                last_indicator = (joined.grid, joined.table)
                segment = []
                i = by_no[grid.last_line] + 1
                continue
            table = _read_grid(grid, segment, period)
            end_line = grid.last_line
            if table is None:  # a 专栏 printed as a Word/PDF/web table; anything else stays prose
                rows = _project_rows(grid, gaps, say=_names_units(grid) or _prints_a_header(grid))
                if rows and _box_heading_row(grid):
                    segment.append(lines[i])  # the box's heading printed as the table's top row: the box opens
            if table is None and rows is None and last_division is not None and _only_continued(segment):
                wide = len(grid.rows[0][1]) == len(last_division.header)
                why = ("its rows' numbering does not follow" if any(r.no for r in last_division.rows)
                       else "the table above prints no 序号 to tell whether this one goes on")
                gaps.append(_unread_table(grid, f"after the division table above (as wide as it, but {why})" if wide
                                          else "after the division table above"))
                rows = []  # its cells are no prose
        elif box := drawn_box(lines, i):  # a 专栏 drawn as a table of one column: its paragraphs are prose
            segment.extend(box[0])
            i = box[1] + 1
            continue
        elif ln.clean:
            table = read_indicator_table(lines, i, period)
            if table is None and is_division_title(ln.norm):
                table = read_division_table(lines, i)
            end_line = table.last_line if table is not None else 0
            # a clause set out by white space (牵头单位　县民政局　配合单位　县财政局) is no table's header
            flat = flattened_grid(lines, i) if table is None and not opens_with_label(ln.norm) else None
            if isinstance(flat, LaidOutUnread):
                gaps.append(Gap(flat.line, "table", flat.message))
                rows, end_line, flat = [], flat.last, None  # its lines are no prose
            if flat is not None:
                table = _read_grid(flat[0], segment, period)
                end_line = flat[1]
                cut = _cut_before_next_row(lines, by_no[end_line], flat[0])
                if cut is not None:
                    gaps.append(cut)
                if table is None:  # a 专栏 printed as a table, or said; its cells are not prose
                    rows = _project_rows(flat[0], gaps, say=True)
        # a real indicator table just read (from its grid, or from its lines under a caption): a
        # table printed after it may continue it
        if table is not None or rows is not None:
            last_indicator = next(((g, table) for g in grids if isinstance(table, IndicatorTable)
                                   and ln.no <= g.first_line and g.last_line <= end_line), None)
        if rows is not None:
            blocks.extend(paragraphs(segment))
            segment = []
            last_division = None
            blocks.extend(rows)
            i = by_no[end_line] + 1
            continue
        if table is None:
            segment.append(ln)
            if ln.clean and not _only_continued([ln]):
                last_indicator = None
            i += 1
            continue
        blocks.extend(paragraphs(segment))
        segment = []
        last_division = table if isinstance(table, DivisionTable) else None
        if isinstance(table, IndicatorTable):
            indicator_tables.append(table)
            table_after.add(len(blocks) - 1)
        else:
            division_tables.append(table)
        i = by_no[end_line] + 1
    blocks.extend(paragraphs(segment))
    return blocks, table_after, indicator_tables, division_tables


def _cut_before_next_row(lines: list[Line], end: int, grid: Grid) -> Gap | None:
    """A numbered table read from its lines (序号 over rows 1, 2 …) that stops at a line opening with
    the next row's number, or printing a later one alone: the rest of its rows print otherwise (cut over lines, as pdftotext's -raw
    mode prints a row whose cells wrap) and were not read, nor the units they give: said."""
    if squash(grid.rows[0][1][0]) not in NUMBER_HEADER or not grid.rows[-1][1][0].isdecimal():
        return None
    following = next((ln for ln in lines[end + 1:] if ln.clean), None)
    nxt = int(grid.rows[-1][1][0]) + 1
    if following is None:
        return None
    alone = re.fullmatch(r"\d{1,3}", following.clean)
    if not (alone and int(alone.group()) > nxt - 1 or re.match(rf"{nxt}(?:\s|$)", following.clean)):
        return None
    return Gap(following.no, "table", f"a table's rows stop at line {following.no}, which opens with a next "
                                      f"row's number ({following.clean.split()[0]}) but is not printed as its "
                                      f"rows are: the rows from there on were not read, nor the units they give")


def _box_heading_row(grid: Grid) -> bool:
    """Is a table's top row one cell (merged across the table) printing a 专栏 box's heading
    (专栏1 社会保障重点工程 over 项目名称 | 建设内容 …)?  Then the table is that box's."""
    filled = [c for c in grid.rows[0][1] if c.strip()]
    return len(filled) == 1 and COLUMN_RE.match(normalize(filled[0]).strip()) is not None


def _names_units(grid: Grid) -> bool:
    """Does one of a table's top rows name a column of units (牵头单位, 配合单位, 责任单位 …)?  Such a
    table divides work among units: one no reader takes is said, never left as prose unread."""
    return any(bare_column_name(squash(c)) in LEAD_HEADER + SUPPORT_HEADER
               for _line, cells in grid.rows[:3] for c in cells)


#: what no column's name prints: a sentence's marks
_SENTENCE_MARKS_RE = re.compile(r"[。；;，,！!？?]")


def _prints_a_header(grid: Grid) -> bool:
    """Does a table open with a row naming its columns (序号 | 设施名称 | 服务对象), as a table of data
    does, not a table laying out a page (a title block, paragraphs side by side)?  Its first row
    prints two or more short cells and no sentence, one of them a row number's column or a column's
    name (…名称, …内容, …时间).  Such a table no reader takes is said: read as prose, its header row
    became a 专栏 box's item (a project named 序号) and its rows were said apart from it."""
    cells = [squash(c) for c in grid.rows[0][1] if c.strip()]
    return len(grid.rows) > 1 and len(cells) >= 2 and all(len(c) <= 15 and not _SENTENCE_MARKS_RE.search(c)
                                                          for c in cells) \
        and any(c in NUMBER_HEADER or is_header_cell(c) for c in cells)


@dataclass
class _Joined:
    grid: Grid
    table: IndicatorTable


def _continue_indicator_grid(grid: Grid, table: IndicatorTable, rest: Grid, period: tuple[int, int] | None
                             ) -> _Joined | None:
    """`table` (read from `grid`) and `rest`, the real table printed after it with nothing between
    them but a 续表 line, read as one table where `rest` is its continuation: as wide as it, its
    header printed again over its rows or none printed (its rows then read under the header above,
    a category merged down going on).  None where `rest` is a table of its own (another header) or
    the two do not read as one."""
    if not table.rows or not rest.rows or len(rest.rows[0][1]) != len(grid.rows[0][1]):
        return None
    first_body = min(r.first_line for r in table.rows)
    head = [cells for line, cells in grid.rows if line < first_body]
    drop = 0
    while drop < len(head) and drop < len(rest.rows) and \
            [squash(c) for c in rest.rows[drop][1]] == [squash(c) for c in head[len(head) - 1 - drop]]:
        drop += 1
    if drop:
        # the header printed again: its rows, in the order printed, are the header's last rows
        if [[squash(c) for c in cells] for _l, cells in rest.rows[:drop]] != \
                [[squash(c) for c in cells] for cells in head[len(head) - drop:]]:
            return None
    elif read_indicator_grid(rest, period) is not None:
        return None  # a table of its own
    n = len(grid.rows)
    shift = lambda cells: frozenset((r - drop + n, c) for r, c in cells if r >= drop)  # noqa: E731
    joined = Grid(grid.rows + rest.rows[drop:], grid.merged | shift(rest.merged), grid.spanned | shift(rest.spanned),
                  flattened=grid.flattened)
    read = read_indicator_grid(joined, period)
    if read is None or len(read.rows) <= len(table.rows):
        return None
    return _Joined(joined, read)


def _unread_headings(src: SourceText) -> str:
    """What to say of the lines a reader saw set as headings that print no number, where the plan
    reads no task: its outline may be marked by type alone, and was not read from them."""
    if not src.unread_headings:
        return ""
    first, text = src.unread_headings[0]
    return (f"; {len(src.unread_headings)} lines are set as headings (larger or bolder than the text) and "
            f"print no number (first, line {first}: {text.strip()[:40]!r}), and no task was read: if they are "
            "the plan's chapters and sections, marked by their type alone, its outline was not read from them")


def _project_rows(grid: Grid, gaps: list[Gap], *, say: bool) -> list[ProjectRow] | None:
    """A table that is no indicator or division table: a project table's rows (for the box it
    stands in), its unread columns added to `gaps`; else, with `say`, a gap saying the table was
    not read (and no rows), without it None."""
    found = read_project_grid(grid)
    if found is None:
        if not say:
            return None
        gaps.append(_unread_table(grid))
        return []
    rows, unread = found
    gaps.extend(Gap(line, "table", message) for line, message in unread)
    return rows


def _unread_table(grid: Grid, where: str = "") -> Gap:
    header = " | ".join(c.split("\n")[0] for c in grid.rows[0][1] if c)
    return Gap(grid.first_line, "table", f"table of {len(grid.rows)} rows {where + ' ' if where else ''}not read "
                                         f"as an indicator or division table (first row: {header[:60]})")


def _body_start(blocks: list[Block]) -> int:
    """The first chapter heading: 一、 or 第一章 (or 第一部分 …) numbered 1 and standing alone.
    Everything before it is the covering notice and the title."""
    fallback = None
    for i, b in enumerate(blocks):
        if len(b.norm) > 40 or "。" in b.norm:
            continue
        n = numbering(b.norm)
        if n is None or not (n.style in CHAPTER_STYLES or _decimal_chapter(blocks, i, n)):
            continue
        if n.number == 1:
            return i
        if fallback is None:
            fallback = i
    return fallback or 0


def _second_plan(blocks: list[Block], start: int) -> int | None:
    """The block titling a second plan printed after this one's text (a notice issuing two plans, or
    an annex that is a plan of its own): an unnumbered line titling a plan (…实施方案, not a division
    of this plan's tasks, …任务分工), after the body's chapters have begun, over chapters numbered
    from 1 again (一、 under it, as a plan's first chapter is)."""
    begun = False
    for k in range(start, len(blocks)):
        norm = blocks[k].norm.strip()
        n = numbering(norm)
        if n is not None:
            begun = begun or n.style in CHAPTER_STYLES
            continue
        if not begun or norm.startswith(("附件", "附表")) or not titles_a_plan(norm) or division_heading(norm):
            continue
        for j in range(k + 1, min(k + 4, len(blocks))):
            m = numbering(blocks[j].norm)
            if m is not None and m.style in CHAPTER_STYLES:
                if m.number == 1:
                    return k
                break
    return None


def _decimal_chapter(blocks: list[Block], i: int, n: Numbering) -> bool:
    """A decimal ladder's chapter (1. 总体要求 or 1 总体要求): its first section, 1.1, follows it."""
    if n.style not in ("1.", "1 ") or i + 1 >= len(blocks):
        return False
    nxt = numbering(blocks[i + 1].norm)
    return nxt is not None and nxt.style == "1.1" and nxt.number == 1


#: a division table's cell citing a task's place in the plan: 第三章, 第三章第一节
_CITED_PLACE_RE = re.compile(r"第([一二三四五六七八九十]{1,3})章(?:第([一二三四五六七八九十]{1,3})节)?")


def _link_by_cited_place(table: DivisionTable, section: Section, body_tasks: list[Task], record: PlanRecord,
                         links: dict[int, tuple[Task, float]]) -> list[Gap]:
    """Each row of a table citing its task's chapter and section (规划章节 | 第三章第一节) is linked to
    a task of that place: its title's match there (the body numbers its tasks anew in each section,
    so the row's 序号 says nothing), never one elsewhere.  A cell citing no place it can be read as,
    or a place holding no task the row's title names, is a gap; the row is then linked by its title
    alone, or not at all."""
    place = {id(t): (c.no, s.no) for c in record.chapters for s in c.sections for t in s.tasks}
    gaps: list[Gap] = []
    for row, task in zip(table.rows, section.tasks):
        line = row.chapter_line or row.first_line
        m = _CITED_PLACE_RE.fullmatch(squash(row.chapter))
        if m is None:
            gaps.append(Gap(line, "table", f"division table row {row.no}: the place it cites ({row.chapter!r}) "
                                           f"is no 第X章 or 第X章第X节: linked by its title alone"))
            continue
        chapter, sec = m.group(1), m.group(2)
        within = [t for t in body_tasks if id(t) in place and place[id(t)][0] == chapter
                  and (sec is None or place[id(t)][1] == sec)]
        found = links.get(id(task))
        if found is not None and any(t is found[0] for t in within):
            continue
        again = link_rows([task], within).get(id(task)) if within else None
        if again is not None:
            links[id(task)] = again
            continue
        links.pop(id(task), None)
        gaps.append(Gap(line, "table", f"division table row {row.no} cites {squash(row.chapter)}, which holds no "
                                       f"task its title names: not linked to a task"))
    return gaps


#: a town-level government's name after its town's: 白沙镇人民政府, 常庄街道办事处
_GOVERNMENT_WORDS_RE = re.compile(r"(?:人民政府|行政公署|(?<=街道)办事处)(?:办公室|办公厅)?")


def _region(md: Metadata, text: str) -> tuple[RegionRef | None, list[Gap]]:
    """The plan's region, from its title's opening names or its issuer's, and what could not be
    told of it.  A town-level division (镇, 乡, 街道, 苏木) the gazetteers do not hold is read from its
    name, printed after its county's (青山县白沙镇“十四五”…, 薛城区常庄街道办事处) or alone (白沙镇, its
    county then the one the text prints before its name, else none: said)."""
    gaps: list[Gap] = []
    line = md.title_block.first if md.title_block else 0
    from_title = split_region_names(md.title)
    if not from_title and md.bracketed_region:  # …规划（青山县）: the region the title prints in brackets
        from_title = split_region_names(md.bracketed_region)
    issuer = _GOVERNMENT_WORDS_RE.sub("", md.issuer)
    from_issuer = split_region_names(issuer)
    town = town_after(md.title, from_title)
    # a community's or village's plan (…常庄街道光明社区“十四五”…, …白沙镇东山村…): no division the model
    # holds; the town its name follows is one, whatever the text says, and the plan is read as the town's,
    # the division above it, and said
    community = community_after(md.title, from_title + ([town[0]] if town is not None else []))
    if community is not None and town is not None:
        town = (town[0], True)
    elif town is not None and not speaks_as_town(town[0], text):
        # 青山县科技下乡“十四五”规划: a county's plan, saying 全县, never 全乡; a text saying neither, not told
        county_word = level_word(from_title[-1]) if from_title else ""
        town = None if county_word and re.search(f"[全本我]{county_word}", text) else (town[0], False)
    if town is not None and town[1]:
        from_title = from_title + [town[0]]
    issuer_town = town_after(issuer, from_issuer)
    if issuer_town is not None and "".join(from_issuer) + issuer_town[0] == issuer:
        from_issuer = from_issuer + [issuer_town[0]]  # the town's own government issues
    names = from_title
    if from_issuer and (not names or (from_issuer[-1] == names[-1] and len(from_issuer) > len(names))
                        or (from_issuer[-1] not in names and from_issuer[-1] in md.title
                            and from_issuer[:len(names)] == names)):
        names = from_issuer
    if town is not None and not town[1] and town[0] not in names:
        gaps.append(Gap(line, "metadata", f"the title prints {town[0]} after {''.join(from_title) or 'no region'}: "
                                          f"a town's name (镇, 乡, 街道, 苏木) or words so ending, not told; the "
                                          f"plan's region is read as {names[-1] if names else 'none'}'s"))
    if community is not None:
        above = names[-1] if names else ""
        gaps.append(Gap(line, "metadata", f"the title prints {community} after {''.join(from_title) or 'no region'}: a "
                                          f"community or village (社区, 村, 居委会, 嘎查), a region below the town that "
                                          f"is not modelled: the plan is read as "
                                          + (f"{above}'s, the division above it" if above else "no region's")
                                          + ("" if town is not None or not above else
                                             " (its town is printed nowhere before it)")))
    zone = names[-1] if names and is_zone(names[-1]) else zone_after(md.title, from_title) \
        or zone_after(issuer, from_issuer)
    if zone is not None:
        # a zone's plan (宜昌高新区, 青山县经济开发区, 苏州工业园区): no division, below the one printed before
        # it, else the one its name opens with (宜昌 -> 宜昌市), else said
        before = names[:-1] if names and names[-1] == zone else names
        parent = resolve_region(before, without_site_names(text)) if before else zone_place(zone)
        if parent is None:
            gaps.append(Gap(line, "metadata", f"{zone} is a zone (开发区, 高新区, 新区, 园区), no administrative "
                                              f"division, and the division it stands in is printed nowhere "
                                              f"before its name: the region's chain stops at {zone}"))
        return RegionRef(zone, "zone", parent), gaps
    if len(names) == 1 and _is_town(names[0]):
        county = county_before(names[0], without_site_names(text))
        if county is not None:
            names = [county] + names
        elif from_issuer and not _is_town(from_issuer[-1]) and not is_zone(from_issuer[-1]):
            names = from_issuer + names  # 薛城区人民政府办公室 issuing 白沙镇's plan: its town's
        else:
            gaps.append(Gap(line, "metadata", f"{names[0]} is a town-level division (镇, 乡, 街道, 苏木) whose "
                                              f"county the text never prints before its name: the region's "
                                              f"chain stops at {names[0]}"))
            return RegionRef(names[0], level_of(names[0], None)), gaps
    return resolve_region(names, without_site_names(text)), gaps


def _forwarded(md: Metadata, resolver: UnitResolver, region: RegionRef | None) -> tuple[UnitRef | None, list[Gap]]:
    """A plan printed under a notice forwarding it (转发): its issuer, 文号 and date are its own notice's,
    printed after the forwarder's; where that notice is printed nowhere, the issuer is the body the
    forwarder's title names (转发县残联关于… -> 县残联), first of several (联合: the others said), and its
    number and date are not read: said.  Returns that issuer (None where `md.issuer` names one, or
    the title none) and the gaps."""
    if md.forwarded_by is None:
        return None, []
    out: list[Gap] = []
    issuer: UnitRef | None = None
    line = md.forwarded_by.first
    issuers: list[UnitRef] = resolver.resolve_list(md.forwarded_of) if md.forwarded_of and not md.issuer else []
    if issuers and region is not None:
        issuer = issuers[0]
        if len(issuers) > 1:
            out.append(Gap(line, "metadata", f"the plan is issued jointly by {'、'.join(u.label for u in issuers)} "
                                             f"(as the notice forwarding it says): its issuer is read as "
                                             f"{issuers[0].label}, the first printed, the others not kept"))
    if not md.doc_number or md.issued is None:
        what = " and ".join(w for w, missing in (("文号", not md.doc_number), ("issue date", md.issued is None)) if missing)
        are = "are" if " and " in what else "is"
        out.append(Gap(line, "metadata", f"the plan is printed under a notice forwarding it "
                                         f"({md.forwarded_by.text.strip()[:50]!r}), whose issuer, 文号 and date are "
                                         f"that notice's: the plan's own {what} {are} printed nowhere, so not read"))
    return issuer, out


def _issuer_region(issuer: str, region: RegionRef) -> RegionRef:
    """The division of the plan's chain its issuer's name names (薛城区人民政府办公室 issuing 白沙镇's plan:
    薛城区, never 白沙镇), else the plan's region."""
    names = split_region_names(_GOVERNMENT_WORDS_RE.sub("", issuer))
    town = town_after(_GOVERNMENT_WORDS_RE.sub("", issuer), names)
    last = town[0] if town is not None and "".join(names) + town[0] == _GOVERNMENT_WORDS_RE.sub("", issuer) \
        else names[-1] if names else ""
    return next((n for n in region.chain() if last and last in printed_names(n.name)), region)


def _is_town(name: str) -> bool:
    return level_of(name, None) in ("town", "township", "subdistrict")


def _same_unit(printed: str, row: str) -> bool:
    """Is a value printed in `printed` counted in its row's unit `row`: the same unit, or the row's
    with 万/亿 before it (1.5万 in a row counted in 人次 is 1.5万人次, as `parse_value` reads it)?"""
    printed, row = normalize(printed), normalize(row)
    return not printed or not row or printed == row or printed in ("万" + row, "亿" + row)


def _indicators(tables: list[IndicatorTable], spans: _Spans, period, gaps: list[Gap],
                bracketed_totals: bool, marks: dict[str, str]) -> list[Indicator]:
    """The indicators the tables read.  A value printed in another unit than its row's (95% under
    残疾人就业人数（万人）, 50000人 under 万人) keeps its printing and reads no number (it is not
    in the unit the indicator is counted in): a gap.  A number in brackets (〔35〕) is a total over
    the plan's period where the plan's note says its brackets hold totals (`bracketed_totals`:
    注：〔〕内为五年累计数); without such a note it reads no number (a total or a level?): a gap.  A
    table printing no attribute takes it from a mark on the name its note explains (`marks`:
    注：带*的为约束性指标); an unmarked name gets what the note says of the rest (其余为预期性指标),
    else none.  A unit the value columns' header prints (2020年（%）) is every row's that prints none
    of its own; a row printing another (its name's 覆盖率（万人）, its unit column's) reads no number
    under that column (which unit counts it the table does not tell): a gap.  A milestone column's
    value (2023年 between 2020年 and 2025年) is the indicator's milestone, with its year."""
    out: list[Indicator] = []
    for table in tables:
        value_roles = [r for r in table.columns if is_value_role(r)]
        shared = {normalize(u) for u in table.units.values()}
        if len(shared) > 1:
            gaps.append(Gap(table.first_line, "table", f"indicator table value columns print different units "
                                                       f"({'、'.join(table.units[r] for r in value_roles if r in table.units)}): "
                                                       f"each value read in its column's"))
        for row in table.rows:
            vals = {}
            milestones = []
            unit = row.unit or (next(iter(table.units.values())) if len(shared) == 1 else "")
            for role, (printed, line_no) in zip(value_roles, row.values):
                if not printed.strip():
                    continue  # an empty cell of a real table: no value printed
                column_unit = table.units.get(role, "")
                year = table.years.get(role) or (
                    (period[0] - 1 if role == "baseline" else period[1]) if period else None)
                v = parse_value(printed, default_unit=row.unit or column_unit, year=year,
                                span=spans.lines(line_no, line_no), bracketed_totals=bracketed_totals)
                if not bracketed_totals and bracketed_number(printed) is not None:
                    gaps.append(Gap(line_no, "table", f"indicator {row.no} {role} {printed.strip()!r} is a number in "
                                                      f"brackets and no note says what the brackets mean "
                                                      f"(〔〕内为五年累计数): its number was not read"))
                if v.is_numeric and row.unit and column_unit and normalize(row.unit) != normalize(column_unit):
                    gaps.append(Gap(line_no, "table", f"indicator {row.no} {role} {printed.strip()!r}: its row counts "
                                                      f"in {row.unit} but its column's header prints {column_unit}: "
                                                      f"its number was not read"))
                    v.comparator, v.value, v.unit = None, None, ""
                elif v.is_numeric and not _same_unit(v.unit, row.unit or column_unit):
                    gaps.append(Gap(line_no, "table", f"indicator {row.no} {role} {printed.strip()!r} is printed in "
                                                      f"{v.unit} but its row counts in {row.unit or column_unit}: "
                                                      f"its number was not read"))
                    v.comparator, v.value, v.unit = None, None, ""
                if role.startswith("milestone:"):
                    milestones.append(v)
                else:
                    vals[role] = v
            span = spans.lines(row.first_line, row.last_line)
            attribute = row.attribute or marked_attribute(span.text, row.name, marks)
            out.append(Indicator(row.no, row.name, row.category, unit, vals.get("baseline"),
                                 vals.get("target"), attribute, span, milestones))
    return out


def _offset_line(blocks: list[Block], offset: int) -> int:
    """Line number of a character offset into '\\n'.join(block texts)."""
    pos = 0
    for b in blocks:
        for ln in b.lines:
            if offset < pos + len(ln.clean):
                return ln.no
            pos += len(ln.clean)
        pos += 1  # the "\n" between blocks
    return blocks[-1].last


def _task_line_of(task: Task | Project, blocks: list[Block]) -> Callable[[int], int]:
    """The line number of an offset into a task's text.  The text is its blocks' texts joined by
    "\n", less the number its first block opens with (2.落实… is 落实…): offsets are counted past
    that number, or a clause or target opening a later line is put on the line before."""
    first = task.text.split("\n", 1)[0]
    skip = len(blocks[0].text) - len(first) if blocks and blocks[0].text.endswith(first) else 0
    # _offset_line's walk, done once: where each line ends in the joined text (a task of thousands
    # of lines asks for a line per clause and target)
    ends: list[int] = []
    nos: list[int] = []
    pos = 0
    for b in blocks:
        for ln in b.lines:
            pos += len(ln.clean)
            ends.append(pos)
            nos.append(ln.no)
        pos += 1
    last = blocks[-1].last if blocks else 0

    def line_of(offset: int) -> int:
        k = bisect_right(ends, offset + skip)
        return nos[k] if k < len(nos) else last
    return line_of


#: a year a deadline names (2022年12月, 2023年底前, 2021—2023年: the last), not one it counts from (2021年起)
_DEADLINE_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?!\s*年?\s*(?:起|开始|以来))")


def _attach_targets(task: Task, line_of, spans: _Spans, record: PlanRecord) -> None:
    """Targets the task states in its text, and the plan indicators it names.  A target naming no
    year is for the year the task's deadline names (完成时限 2022年12月, （…，2023年底前）), else the
    plan's end."""
    first_year = record.period[0] if record.period else None
    default_year = record.period[1] if record.period else None
    due = _DEADLINE_YEAR_RE.findall(normalize(task.deadline)) if task.deadline else []
    if due and (first_year is None or int(due[-1]) >= first_year):
        default_year = int(due[-1])
    for value, start, end in extract_targets(task.text, default_year, first_year):
        first, last = line_of(start), line_of(max(start, end - 1))
        value.span = spans(first, last, value.printed)
        task.targets.append(value)
    task.indicators = linked_indicators(task.text, record.indicators)


def _chapter_printing(record: PlanRecord, table: DivisionTable, section: Section, order: int) -> Chapter:
    """The chapter a division table is printed in: an appendix (附件), or a chapter of the body
    (三、重点任务分工, its table its only content: before, the table went to an appendix of its own
    and the chapter was said to hold no task).  A table printed before any chapter goes to the
    last appendix, or one made for it, as does one printed in a chapter of another kind (after
    保障措施 with no 附件 heading: the plan's appendix, its heading lost)."""
    line = table.title_line or table.first_line
    printing = max((c for c in record.chapters if 0 < c.span.line <= line), key=lambda c: c.span.line, default=None)
    if printing is not None and printing.kind in ("tasks", "appendix"):
        return printing
    appendix = next((c for c in reversed(record.chapters) if c.kind == "appendix"), None)
    if appendix is None:
        appendix = Chapter("", "附件", "appendix", section.span, order=order)
        record.chapters.append(appendix)
    return appendix


def division_text(row: DivisionRow) -> str:
    """A division row's text: its task, and the content its content column prints for it
    (任务名称 | 具体内容: 完善低保制度：将符合条件的残疾人纳入低保。), as a project table's row is its
    name and its 建设内容."""
    if not row.content.strip():
        return row.task
    if not row.task.strip():
        return row.content
    return row.task + ("" if row.task.rstrip().endswith(("。", "；", ";", "：", ":")) else "：") + row.content


def _division_line_of(row: DivisionRow):
    """The line of an offset in `division_text(row)`: the task cell's, then the content cell's."""
    task_line = row.task_line or row.first_line
    if not row.content.strip() or not row.task.strip():
        return lambda _off: (row.content_line or task_line) if row.content.strip() else task_line
    start = len(division_text(row)) - len(row.content)
    return lambda off: task_line if off < start else (row.content_line or task_line)


def _division_section(table: DivisionTable, readers: ClauseReader, spans: _Spans, order: int) -> Section:
    section = Section("", table.title, spans.lines(table.title_line, table.title_line), order=order)
    # a lead column named 责任单位 (责任部门, 实施单位 …) names the units responsible, read as the body
    # reads that label: beside a column of supporters every unit of it leads (co-leads); alone,
    # by the plan's convention (the first-named leads in a plan that marks no lead, else all support)
    owner = bare_column_name(squash(table.lead_column)) in OWNER_LABELS
    for k, row in enumerate(table.rows, 1):
        printed_no = task_number(row.task)  # 1.完善低保制度: the number is no part of the title
        task = Task(row.no, short_title(printed_no[1] if printed_no else row.task), division_text(row),
                    spans.lines(row.first_line, row.last_line), order=order + k, deadline=row.deadline)
        for role, cell, line_no in (("lead", row.lead, row.lead_line), ("support", row.support, row.support_line)):
            if not cell.strip():
                continue
            end_line = row.last_line if role == "support" else max(line_no, min(row.support_line or line_no,
                                                                             row.last_line) - 1)
            # a cell printed as a clause (县住建局牵头，县交通局配合 / 由县民政局负责，县残联配合 /
            # 牵头单位：…；配合单位：…) reads by the clause grammar: its verbs or labels give the roles
            parts = parse_inner(cell.replace("\n", "，"))
            if parts is None and role == "lead" and owner:
                # (an empty list of supporters: the column sets it against them)
                parts = [Part("owner", cell)] + ([Part("support", "")] if table.support_column else [])
            readers.add(task, parts or [Part(role, cell)], spans.lines(line_no, max(line_no, end_line)))
        section.tasks.append(task)
    return section


def _closes_chapter_of_unowned(record: PlanRecord, section: Section) -> bool:
    """Is `section` the last of a chapter whose earlier sections hold tasks that name no unit?"""
    chapter = next((c for c in record.chapters if any(s is section for s in c.sections)), None)
    if chapter is None or chapter.sections[-1] is not section:
        return False
    return any(s.tasks and not any(t.responsibilities for t in s.tasks) for s in chapter.sections[:-1])


def _assignments(record: PlanRecord, assignments: list[tuple[Section, list[Assigned], Block]],
                 readers: ClauseReader, spans: _Spans, markers: list[int], gaps: list[Gap]) -> set[int]:
    """A clause after a section's tasks naming them by number (第1项由…牵头，第2、3项由…负责)
    gives each part's units to the tasks of that section printed with those numbers, the part as
    their source; one for the tasks above it (以上任务由…牵头), to each of them that names no unit
    of its own.  A number that names no task there, or more than one, and a part whose numbers
    or units do not read, is a gap with its line: its units go to no task.  The ids of the tasks
    given units are returned (their own, more particular, than a clause for the whole section)."""
    assigned: set[int] = set()
    for section, parts, block in assignments:
        for part in parts:
            line = _offset_line([block], part.start)
            span = spans(line, _offset_line([block], max(part.start, part.end - 1)), part.printed)
            printed = len(marker_matches(normalize(part.printed))) or 1
            markers[0] += printed
            where = f"in section {section.title!r}"
            if part.above is not None and part.parts is not None:
                # 以上任务由…: each task printed above it in its section that names no unit of its own
                markers[1] += printed
                for task in section.tasks[:part.above]:
                    if not task.responsibilities:
                        readers.add(task, part.parts, span)
                        assigned.add(id(task))
                if _closes_chapter_of_unowned(record, section) \
                        and not normalize(part.printed).lstrip("(【〔[").startswith("本节"):  # the section's, said
                    gaps.append(Gap(line, "responsibility",
                                    f"a clause for the tasks above, after the last section of its chapter, is read "
                                    f"for section {section.title!r}; it may be meant for the chapter's other "
                                    f"sections too, whose tasks name no unit: {part.printed[:40]!r}"))
                continue
            if part.numbers is None or part.parts is None:
                what = "its task numbers" if part.numbers is None else "its units and their roles"
                gaps.append(Gap(line, "responsibility",
                                f"clause naming tasks by number not read ({what} do not read) {where}: "
                                f"{part.printed[:60]!r}"))
                continue
            tasks = []
            for n in part.numbers:
                named = [t for t in section.tasks if t.no == str(n)]
                if len(named) != 1:
                    why = "no task" if not named else f"{len(named)} tasks"
                    gaps.append(Gap(line, "responsibility",
                                    f"clause names task {n}, but {why} {where} {'is' if not named else 'are'} "
                                    f"numbered {n}: its units are given to none: {part.printed[:60]!r}"))
                    continue
                tasks.extend(named)
            if len(tasks) == len(part.numbers):
                markers[1] += printed
            for task in tasks:
                readers.add(task, part.parts, span)
                assigned.add(id(task))
    return assigned


def _title_without_clause(task: Task, clauses: list[Clause]) -> None:
    """A task whose one sentence ends in its clause (深化审批制度改革，县住建局牵头，县自然资源局配合。) is
    titled by what it says is done, without the clause its title ran on into."""
    if not clauses or not task.text.startswith(task.title):
        return
    start = clauses[0].start
    if 0 < start < len(task.title):
        title = task.title[:start].rstrip(" ，,;；")
        if len(title) >= 2:
            task.title = title


def _deadline_beside_clause(task: Task, clauses: list[Clause]) -> None:
    """A bracket holding by when alone, printed against the task's clause ((2023年底前)(县民政局负责),
    (县民政局负责)(2023年底前)), is the task's deadline, as the same words inside the clause are."""
    if task.deadline or not any(c.bracketed for c in clauses):
        return  # (the text's brackets are looked for only where a bracketed clause could stand beside one)
    for a, b in bracket_groups(task.text):
        inner = task.text[a + 1:b - 1].strip()
        if DEADLINE_PHRASE_RE.fullmatch(inner) and any(
                (b <= c.start and not task.text[b:c.start].strip()) or (c.end <= a and not task.text[c.end:a].strip())
                for c in clauses if c.bracketed):
            task.deadline = inner
            return


def _enumeration_clauses(record: PlanRecord, task_blocks: dict[int, list[Block]], clauses_of: dict,
                         readers: ClauseReader, spans: _Spans, assigned: set[int]) -> None:
    """A clause closing a paragraph that enumerates its tasks (一是……；二是……。（责任单位：A、B）)
    is the paragraph's: it names the units of each task of it that prints none of its own, as a
    section's clause does; where the earlier items print clauses of their own, it stays the last's."""
    groups: dict[int, list[Task]] = {}
    for task in record.tasks():
        blocks = task_blocks.get(id(task), [])
        if blocks and blocks[0].enumeration:
            groups.setdefault(blocks[0].enumeration, []).append(task)
    for tasks in groups.values():
        *earlier, last = tasks
        own = clauses_of.get(id(last), [])
        if not earlier or len(task_blocks[id(last)]) > 1 or not own or last.text[own[-1].end:].strip(" 。.;；\u3000"):
            continue  # no clause closing the paragraph (or the last item goes on in paragraphs of its own)
        if any(clauses_of.get(id(t)) or id(t) in assigned for t in earlier):
            continue
        clause = own[-1]
        block = task_blocks[id(last)][0]
        at = _task_line_of(last, [block])
        span = spans(at(clause.start), at(max(clause.start, clause.end - 1)), last.text[clause.start:clause.end])
        for task in earlier:
            readers.add(task, clause.parts, span)


def _section_clauses(record: PlanRecord, printed: dict[int, tuple[str, Clause, Block]], clauses_of: dict,
                     readers: ClauseReader, spans: _Spans, markers: list[int], assigned: set[int]) -> None:
    """A clause printed for a whole section names the units of each of its tasks that prints no
    clause of its own, nor is named by number in a clause after them (a task's own clause is the
    more particular).  A section with no task read gives its clause to none: a gap with its line."""
    for section in (s for c in record.chapters for s in c.sections):
        if id(section) not in printed:
            continue
        text, clause, block = printed[id(section)]
        if not section.tasks:
            markers[0] += 1
            record.warnings.append(Gap(block.first, "responsibility",
                                       f"a clause for section {section.title!r}, which holds no task the loaders "
                                       f"could read, names the units of none: {text[:60]!r}"))
            continue
        markers[0] += 1
        markers[1] += 1
        for task in section.tasks:
            if not clauses_of.get(id(task)) and id(task) not in assigned:
                readers.add(task, clause.parts, spans(block.first, block.last, text))


def _project_clauses(record: PlanRecord, task_blocks: dict[int, list[Block]]) -> list[Gap]:
    """A 专栏 project's units are not modelled (a project is no task): a responsibility clause in
    a project's text is not read, and said with its line, so that a plan that owns its projects
    does not look fully read."""
    gaps = []
    for project in (p for column in record.columns() for p in column.projects):
        m = next(iter(marker_matches(normalize(project.text))), None)
        if m is not None:
            blocks = task_blocks.get(id(project))  # none for a project table's row: its own line
            line = _task_line_of(project, blocks)(m.start()) if blocks else project.span.line
            gaps.append(Gap(line, "responsibility",
                            f"the units of 专栏 project {project.title!r} are not read (a project's units "
                            f"are not modelled): {project.text[m.start():m.start() + 40]!r}"))
    return gaps


def _project_periods(record: PlanRecord, task_blocks: dict[int, list[Block]]) -> None:
    """A project read from a row of a project table keeps the row's 建设年限 cell as printed."""
    for project in (p for column in record.columns() for p in column.projects):
        blocks = task_blocks.get(id(project), [])
        if blocks and isinstance(blocks[0], ProjectRow):
            project.period = blocks[0].period


def _trailing_group_clauses(record: PlanRecord, task_blocks: dict[int, list[Block]]) -> list[Gap]:
    """A clause on a line of its own after the last task of a section whose other tasks have no
    units is read as that task's; but drafters also print one clause under a group of tasks for
    all of them, and the text alone cannot tell which: said, with its line, for a reader to check."""
    gaps = []
    for section in record.sections():
        tasks = section.tasks
        if len(tasks) < 2 or not tasks[-1].responsibilities or any(t.responsibilities for t in tasks[:-1]):
            continue
        blocks = task_blocks.get(id(tasks[-1]), [])
        if len(blocks) < 2:
            continue  # the clause is in the task's own paragraph: the task's
        tail = blocks[-1]
        if ClauseReader.sole(tail.text) is not None:
            gaps.append(Gap(tail.first, "responsibility",
                            f"a clause on a line of its own after the last of {len(tasks)} tasks of "
                            f"section {section.title!r}, whose other tasks name no unit, is read as the "
                            f"last task's; it may be meant for all of them: {tail.text[:40]!r}"))
    return gaps


def load_plan(path: str | Path) -> PlanRecord:
    """Read one plan document (text, Word, PDF or web page) into a plan record."""
    src = read_document(path)
    spans = _Spans(src)
    # an interpretation printed with the plan goes first: the plan's title printed again after it is
    # no running header
    printed = make_lines(src.lines)
    companion_at = companion_lines(printed)
    companions = {printed[i].no for i in companion_at}
    lines = drop_contents(drop_furniture(src.lines, drop_companions(printed, companion_at)))
    table_gaps: list[Gap] = []
    grids = tuple(g for g in src.grids if g.first_line not in companions)  # its real tables too
    blocks, table_after, indicator_tables, division_tables = _extract_tables(lines, grids, table_gaps)
    if not blocks and not indicator_tables and not division_tables:
        raise InputError(path, "contains no text")
    start = _body_start(blocks)
    second = _second_plan(blocks, start)
    if second is not None:
        # one plan a document: the second is not read (its tasks were read as this plan's), and said
        at = blocks[second].first
        table_gaps = [Gap(at, "structure", f"a second plan, {blocks[second].text.strip()[:60]!r}, is printed from "
                                           f"here to line {lines[-1].no}, its chapters numbered from 一 again: "
                                           "one plan is read a document, so it is not read (load it from a "
                                           "file of its own)")]
        lines = [Line(ln.no, "", "", False) if ln.no >= at else ln for ln in lines]
        grids = tuple(g for g in grids if g.first_line < at)  # its real tables too
        blocks, table_after, indicator_tables, division_tables = _extract_tables(lines, grids, table_gaps)
    md = read_metadata(blocks, start)
    if _period_decides(indicator_tables, md.period):
        # the plan's period, read from its title, is the tables' too: its base year is the baseline's
        # (2020 in a 2021-2023 plan's 2020年 | 2022年 | 2023年); read again knowing it
        table_gaps = [g for g in table_gaps if g.kind == "structure"]
        blocks, table_after, indicator_tables, division_tables = _extract_tables(lines, grids, table_gaps,
                                                                                 md.period)
    region, region_gaps = _region(md, src.text)
    resolver = UnitResolver(region)
    issuer: UnitRef | None = None
    if md.issuer and region is not None:
        issuer = UnitRef(key=md.issuer, label=md.issuer, region=_issuer_region(md.issuer, region),
                         dept_type=classify_department(md.issuer))
        if issuer.dept_type not in ("people-government", "government-office", "township-subdistrict"):
            # a department's own plan (青山县民政局2024年工作要点): its sections (社会救助科) are its own
            resolver.home_body = resolver.resolve(md.issuer)
    forwarded_issuer, forward_gaps = _forwarded(md, resolver, region)
    if issuer is not None and md.co_issuers:
        # 联合印发: the issuer is the first printed, the lead (主办) body; the others are not modelled
        forward_gaps.append(Gap(md.title_block.first if md.title_block else 0, "metadata",
                                f"the plan is issued jointly by {'、'.join([md.issuer] + md.co_issuers)}: its "
                                f"issuer is read as {md.issuer}, the first printed, the others not kept"))
    if issuer is None:
        issuer = forwarded_issuer
    shifted_after = {i - start for i in table_after if i >= start}
    structure = parse_structure(blocks[start:], spans, shifted_after)
    record = PlanRecord(
        document=DocumentInfo(str(src.path), src.name, src.sha256, src.encoding, len(src.lines),
                              src.media_type),
        title=md.title,
        title_span=spans.lines(md.title_block.first, md.title_block.last) if md.title_block else None,
        region=region, issuer=issuer, doc_number=md.doc_number, issued=md.issued,
        published=md.published, period=md.period, draft=md.draft,
        cited=[(name, spans.lines(b.first, b.last)) for name, b in md.cited],
        chapters=structure.chapters, warnings=list(structure.gaps) + table_gaps,
    )
    record.warnings.extend(region_gaps + forward_gaps)
    record.warnings.extend(Gap(line, kind, message) for line, kind, message in src.gaps)
    record.warnings.extend(Gap(line, "table", message) for t in indicator_tables for line, message in t.unread)
    record.warnings.extend(indicators_in_prose(blocks[start:]))
    record.warnings.extend(unit_columns_in_prose(blocks[start:], {g.line for g in record.warnings if g.kind == "table"}))
    if src.media_type == "text/plain":
        record.warnings.extend(markup_tables_in_prose(blocks[start:]))
    record.indicators = _indicators(indicator_tables, spans, md.period, record.warnings,
                                    notes_bracketed_totals(src.text), attribute_marks(src.text))
    body_tasks = record.tasks()
    clauses_of = {id(t): ClauseReader.find(t.text) for t in body_tasks}  # each task's text parsed once
    section_clauses = [clause for _, clause, _ in structure.section_clauses.values()] + \
        [clause for _, clause, _ in structure.clauses_above.values()]
    first_noted = owners_first_lead(src.text)
    owner_first = first_noted or not owner_names_supporters(
        [c for cs in clauses_of.values() for c in cs] + section_clauses)
    readers = ClauseReader(resolver, owner_first, record.warnings, lead_marks(src.text),
                           owners_unordered(src.text), first_noted)
    markers = [0, 0]
    for task in body_tasks:
        blocks_of_task = structure.task_blocks[id(task)]
        line_of = _task_line_of(task, blocks_of_task)
        clauses = clauses_of[id(task)]
        _title_without_clause(task, clauses)
        _deadline_beside_clause(task, clauses)
        readers.attach(task, clauses, lambda a, b, at=line_of, t=task: spans(
            at(a), at(max(a, b - 1)), t.text[a:b]))
        if id(task) in structure.clauses_above:
            # its clause printed on the line above it (the plan prints every task's so)
            text, clause, block = structure.clauses_above[id(task)]
            readers.add(task, clause.parts, spans(block.first, block.last, text))
            markers[0] += 1
            markers[1] += 1
        printed, read, gaps = unread_markers(task, clauses, line_of)
        markers[0] += printed
        markers[1] += read
        record.warnings.extend(gaps)
        _attach_targets(task, line_of, spans, record)
    assigned = _assignments(record, structure.assignments, readers, spans, markers, record.warnings)
    _enumeration_clauses(record, structure.task_blocks, clauses_of, readers, spans, assigned)
    _section_clauses(record, structure.section_clauses, clauses_of, readers, spans, markers, assigned)
    record.warnings.extend(_trailing_group_clauses(record, structure.task_blocks))
    record.warnings.extend(lead_paragraphs(record, structure.task_blocks))
    record.warnings.extend(sub_point_owners(record, structure.task_blocks))
    record.warnings.extend(_project_clauses(record, structure.task_blocks))
    _project_periods(record, structure.task_blocks)
    # a division of the tasks printed as text after the plan (附件 / 重点任务分工 / 1.完善…。牵头单位：…):
    # each of its tasks implements the plan's task it restates, as a division table's row does
    divided = [t for c in record.chapters if id(c) in structure.division_chapters for s in c.sections for t in s.tasks]
    divided_ids = {id(t) for t in divided}
    stated = [t for t in body_tasks if id(t) not in divided_ids]
    # (compared by their titles: the units their text names are no words of the plan's task)
    titled = [replace(t, text=t.title) for t in divided]
    links = link_rows(titled, stated)
    for task, title in zip(divided, titled):
        if id(title) in links:
            task.implements = links[id(title)][0]
    order = 10_000
    for table in division_tables:
        record.warnings.extend(Gap(line, "table", message) for line, message in table.unread)
        section = _division_section(table, readers, spans, order)
        order += 1000
        for row, task in zip(table.rows, section.tasks):
            _attach_targets(task, _division_line_of(row), spans, record)
        _chapter_printing(record, table, section, order).sections.append(section)
        links = link_rows(section.tasks, body_tasks)
        if table.chapter_column:
            record.warnings.extend(_link_by_cited_place(table, section, body_tasks, record, links))
        for row_id, (target, _score) in links.items():
            row = next(t for t in section.tasks if id(t) == row_id)
            row.implements = target
    read = {n for t in record.tasks() for r in t.responsibilities for n in range(r.span.line, r.span.end_line + 1)}
    record.warnings.extend(unit_columns_alone(blocks[start:], read, {g.line for g in record.warnings}))
    if not record.tasks() and not record.indicators and not record.columns():
        raise InputError(path, "has no recognizable plan structure (no numbered chapters with tasks, "
                               "no indicator table, no 专栏 boxes)" + _unread_headings(src))
    if not record.tasks() and src.unread_headings:
        record.warnings.append(Gap(src.unread_headings[0][0], "structure", _unread_headings(src).strip(" ;")))
    if not record.title:
        record.warnings.append(Gap(0, "metadata", "no plan title found in the covering notice or a title line"))
    if region is None:
        record.warnings.append(Gap(0, "metadata", "no region found in the title or issuer"))
    elif region.parent is None and len(places_of(region.name)) > 1:
        record.warnings.append(Gap(0, "metadata", f"{region.name} is the name of divisions under "
                                                  f"{'、'.join(places_of(region.name))}: the text names none of "
                                                  f"them, so the region's chain stops at {region.name}"))
    record.coverage = measure_coverage(
        record, markers=(markers[0], markers[1]), unread=[u for u in structure.unread if not is_role_note(u[1])],
        indicator_rows=sum(printed_rows(t) for t in indicator_tables),
        boxes=boxes_printed(blocks[start:]))
    return record
