"""Chapters, sections, numbered tasks and 专栏 boxes, read from a plan's paragraphs.

A plan is a sequence of headings and paragraphs.  Chapter headings (一、) say what a chapter is
(tasks, goals, safeguards ...); only numbered items in task chapters are tasks.  Boxes (专栏) sit
between tasks, with their own numbering, sub-groups (一、资金类) or "name  description" lines; a
task list can go on after a box.  Which items belong to a box and which continue the section's tasks
is decided by numbering first and content second, never by position alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.loaders.ladder import HEADING_STYLES, Numbering, numbering, split_inline
from policykg.loaders.model import Chapter, Gap, Project, ProjectColumn, Section, Span, Task
from policykg.loaders.outline import Outline, chapter_kind, division_heading, infer_outline, principles_heading, title_only
from policykg.loaders.responsibilities import (Assigned, Clause, ClauseReader, bare_list, bracket_groups, has_marker,
                                              carried_list, group_assignment, numbered_assignment, parse_inner)
from policykg.loaders.metadata import issuer_name, signed_date
from policykg.loaders.text import (COLUMN_RE, NOTICE_NOTE_RE, Block, Line, ProjectRow, _unbalanced, box_number,
                                   colon_item, normalize)

__all__ = ["StructureResult", "chapter_kind", "parse_structure", "short_title"]

#: verbs that open a task title (a box item is usually a noun phrase: 残疾人精准康复服务行动)
TASK_VERBS = ("加强", "完善", "健全", "推进", "提升", "提高", "加快", "落实", "强化", "优化", "推动",
              "促进", "实施", "大力", "深化", "巩固", "创新", "营造", "坚持", "做好", "发展", "支持",
              "建立", "构建", "开展", "扩大", "保障", "拓展", "拓宽", "丰富", "探索", "规范", "积极",
              "全面", "持续", "依法", "切实", "着力", "不断", "进一步", "鼓励", "培育", "夯实", "筑牢",
              "抓好", "倡树", "优先", "增强", "改善", "维护", "深入", "统筹", "加大", "严格", "畅通",
              "织密", "激发", "实现", "确保", "建设")
PROJECT_NOUNS = ("项目", "行动", "工程", "计划", "补贴", "奖励", "服务", "救助", "活动")
_NAME_DESC_RE = re.compile(r"^(?P<name>[^\s。，,；;：:]{2,40}?)(?:[ \u3000]{2,}|\t+|\u3000)(?P<desc>\S.*)$")
#: a box's item printed "name description" with one space between (a web page collapses two into one)
_NAME_SPACE_RE = re.compile(r"^(?P<name>[^\s。，,；;：:]{1,39}[\u4e00-\u9fff”」）)]) (?P<desc>[\u4e00-\u9fff“「（(].*)$")
#: an unnumbered item of a box, a line of its own opening with a project's name and a colon
#: (废弃矿山生态修复工程：修复废弃矿山面积1200亩。)
_NAMED_PROJECT_RE = re.compile(r"^(?P<name>[^\s。，,；;：:（(]{2,30}?(?:%s))\s*[：:]\s*(?P<desc>\S.*)$"
                               % "|".join(PROJECT_NOUNS + ("建设", "中心", "基地", "平台")))


#: a task named by its number where units are given to it (第2项由…, 任务1由…, 任务3：…牵头)
_TASK_REF_RE = re.compile(r"(?:第(?:\d{1,3}|[一二三四五六七八九十]{1,3})项|任务\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3}))"
                          r"(?:任务)?\s*(?:由|[:：])")
#: what ends a title printed without a full stop: a colon (1.完善低保制度：将…), a full-width space,
#: two spaces or a tab (1.完善低保制度　将…)
_TITLE_END_RE = re.compile(r"[：:\t\u3000]|  ")
#: what a clause printed for a whole section may say it is for, before its label
#: (本节任务牵头单位：…, 以下各项任务责任单位：…, 本部分重点任务的牵头部门：…)
_SECTION_TOPIC_RE = re.compile(r"\s*(?:本(?:节|章|部分|篇|领域)|以下)(?:各项|所列)?(?:重点)?(?:工作|任务)?的?")
#: the longest title so ended: a colon further on is inside the sentence
_TITLE_END_MAX = 40
#: a note printed under the text (注：…, 注1：…, 说明：…): no task's text
_NOTE_RE = re.compile(r"(?:注|注释|备注|附注|说明)\s*\d{0,2}\s*[:：]\s*\S")
#: a footnote: its mark ([1], 〔1〕, 【1】, ①) opens the line and stands in the text before it; a mark
#: the text never prints before is an item's number (【1】完善低保制度。…), not a note
_MARK = r"[\[〔【]\d{1,3}[\]〕】]"
_CIRCLED_MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_FOOTNOTE_RE = re.compile(rf"({_MARK}|[{_CIRCLED_MARKS}])\s*\S")
_MARK_RE = re.compile(_MARK)
#: a circled mark referring to a note: right after a word (融合教育①。), before punctuation or the
#: line's end.  ① after a colon, or before the words it numbers (包括①康复②教育), numbers a list
_CIRCLED_REF_RE = re.compile(rf"(?=[{_CIRCLED_MARKS}])(?<=[\u4e00-\u9fff）)”\"%])([{_CIRCLED_MARKS}])(?=[。，,；;、：:）)\s]|$)")
#: the heading of the notes after the text (注：, 注释, 名词解释): what follows it, to the next heading,
#: is notes, not tasks
_NOTES_HEADING_RE = re.compile(r"(?:注|注释|备注|附注|说明|名词解释|名词注释|术语解释|名词术语解释)\s*[:：]?")
#: a signer's name above a signature's date: a short line with no sentence in it
_SIGNER_MAX = 40
_SENTENCE_MARK_RE = re.compile(r"[。，,；;：:！？!?]")
#: a document's 版记 after its text: 抄送：…, 青山县人民政府办公室　2022年3月1日印发
_IMPRINT_RE = re.compile(r"抄送\s*[:：]|.{0,30}\d{1,2}\s*日\s*印发$")


def short_title(text: str) -> str:
    """Text up to the first 。, or up to a colon or wide space before it (完善低保制度：将… is
    完善低保制度), outside brackets and quotes; a run-on heading without either is cut at its
    first comma."""
    head = text.split("。", 1)[0].strip()
    groups = bracket_groups(head)
    if groups and groups[0][0] == 0 and groups[0][1] <= len(head) - 2 and parse_inner(head[1:groups[0][1] - 1]):
        # （牵头单位：县民政局）完善低保制度: a clause printed before the title is no title either
        head = head[groups[0][1]:].lstrip(" \u3000")
    m = _TITLE_END_RE.search(head)
    if m is not None and 2 <= m.start() <= _TITLE_END_MAX and not _unbalanced(normalize(head[:m.start()])):
        head = head[:m.start()].rstrip()
    groups = bracket_groups(head)
    if groups and groups[-1][1] == len(head) and groups[-1][0] >= 2:
        inner = head[groups[-1][0] + 1:-1]
        if parse_inner(inner) or carried_list(inner) or bare_list(inner):  # 完善低保制度（县民政局负责）: no title
            head = head[:groups[-1][0]].rstrip()
    if len(head) > 50:
        comma = re.split(r"[，,；;]", head, maxsplit=1)[0]
        if len(comma) >= 4:
            head = comma
    return head


def looks_like_task(title: str, box_titles: list[str] | None = None) -> bool:
    """A task title opens with a verb (加强…); box items are usually noun phrases (…项目, …行动).
    When the box's own items are noun phrases, a verb-first item is a task even if it ends like a
    project (加快发展残疾人托养和照护服务)."""
    if not title.startswith(TASK_VERBS):
        return False
    if box_titles:
        verbish = sum(1 for t in box_titles if t.startswith(TASK_VERBS))
        if verbish * 2 < len(box_titles):
            return True
    return not title.endswith(PROJECT_NOUNS)


@dataclass
class _Box:
    column: ProjectColumn
    last_no: int | None = None
    group: str = ""
    group_no: int = 0
    group_fresh: bool = False
    group_style: str = ""  # the numbering style of the box's first sub-group (一、资金类)
    indicator_box: bool = False
    last_item: Project | None = None
    spaced: bool = False  # its items print "name description", one space between


@dataclass
class StructureResult:
    chapters: list[Chapter] = field(default_factory=list)
    #: the block each task came from, so later passes (responsibilities) can map offsets to lines
    task_blocks: dict[int, list[Block]] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)
    #: paragraphs of task chapters that became part of nothing: (first line, text)
    unread: list[tuple[int, str]] = field(default_factory=list)
    outline: Outline | None = None
    #: a clause printed for a whole section (in its heading, or on a line of its own before its
    #: first task): id(section) -> (the clause as printed, read, and the block it is printed in)
    section_clauses: dict[int, tuple[str, Clause, Block]] = field(default_factory=dict)
    #: a clause printed after a section's tasks that assigns units to them by their printed
    #: numbers (第1项由…牵头，第2项由…牵头): (the section, its parts, the block it is printed in)
    assignments: list[tuple[Section, list[Assigned], Block]] = field(default_factory=list)
    #: a clause printed on a line of its own above the task it names (a plan printing each task's
    #: clause before its text): id(task) -> (the clause as printed, read, and its block)
    clauses_above: dict[int, tuple[str, Clause, Block]] = field(default_factory=dict)
    #: sections whose clause is a line of its own before their first task, saying no topic (本节…)
    own_line_clauses: set[int] = field(default_factory=set)
    #: chapters (ids) dividing the plan's tasks, printed after it: their tasks restate the plan's
    division_chapters: set[int] = field(default_factory=set)


class StructureParser:
    """One pass over the blocks of a plan body, guided by its inferred outline."""

    def __init__(self, span_of, outline: Outline) -> None:
        self.span_of = span_of  # (first_line, last_line, text) -> Span
        self.outline = outline
        self.out = StructureResult(outline=outline)
        self.chapter: Chapter | None = None
        self.section: Section | None = None
        self.section_last: int = 0  # last task number in the section
        self.plan_last: int = 0  # last task number in the plan (numbering straight through)
        self.item_level: int = outline.task_level  # the level tasks are numbered at here
        self.box: _Box | None = None
        self.task: Task | None = None
        self.order = 0
        self.domain_chapter = False  # the open chapter is one of the outline's domain chapters
        self.principles_section = False  # the open section is named for principles or goals alone (基本原则)
        self.division_open = False  # the open annex is titled as a division of the tasks (重点任务分工)
        self.fed = 0  # blocks fed so far
        self.clause_fed = -1  # when the last section clause was read
        #: inside notes printed after the text (注： / 名词解释, a signature, the 版记): until the next
        #: heading, nothing is a task or a task's text
        self.notes = False
        self.signatures: set[int] = set()  # blocks of a signature after the text (see _signatures)
        self.marks: set[str] = set()  # footnote marks the text prints inside its lines ([1], 〔1〕)

    # -- helpers ---------------------------------------------------------------------------------
    def _next(self) -> int:
        self.order += 1
        return self.order

    def _span(self, blocks: list[Block]) -> Span:
        return self.span_of(blocks[0].first, blocks[-1].last, "\n".join(b.text for b in blocks))

    def _longer_span(self, span: Span, blocks: list[Block]) -> Span:
        """_span(blocks) for an item whose `span` was _span(blocks[:-1]): its text is extended, not
        joined again from every block (an item continued over thousands of lines, a gazette's
        pages after the last task, cost the square of their number)."""
        return self.span_of(blocks[0].first, blocks[-1].last, span.text + "\n" + blocks[-1].text)

    def _gap(self, line: int, kind: str, message: str) -> None:
        self.out.gaps.append(Gap(line, kind, message))

    def _in_task_chapter(self) -> bool:
        if self.chapter is None:
            return False
        if self.principles_section:
            return False  # 二、重点任务 / （一）基本原则: principles, no tasks
        if self.chapter.kind == "tasks":
            return True
        if self.chapter.kind == "appendix" and self.division_open:
            return True  # 附件 / 重点任务分工 / 1.完善…。牵头单位：…: the division's items are tasks
        return self.chapter.kind == "other" and (not self.outline.task_chapters_exist or self.domain_chapter)

    def _close_box(self) -> None:
        if self.box is not None and not self.box.indicator_box and not self.box.column.projects:
            self._gap(self.box.column.span.line, "box", f"专栏{self.box.column.no} has no items")
        self.box = None

    def _close_task(self) -> None:
        self.task = None

    def _ensure_section(self) -> Section:
        """Tasks printed directly under a chapter get an implicit section named after it."""
        if self.section is None:
            assert self.chapter is not None
            self.section = Section("", self.chapter.title, self.chapter.span, order=self._next())
            self.chapter.sections.append(self.section)
            self.section_last = 0
        return self.section

    def _continues_tasks(self, n: int) -> bool:
        """Does task number n continue the numbering here (per section, or straight through)?"""
        if self.section_last:
            return n == self.section_last + 1
        return n == 1 or n == self.plan_last + 1

    # -- events ----------------------------------------------------------------------------------
    def start_chapter(self, no: str, title: str, block: Block, index: int | None = None) -> None:
        self._close_box()
        self._close_task()
        self.notes = False
        self.domain_chapter = index is not None and index in self.outline.domain_chapters
        self.division_open = False
        kind = "steps" if index is not None and index in self.outline.phase_chapters else chapter_kind(title)
        self.chapter = Chapter(no, short_title(title), kind, self._span([block]), order=self._next())
        self.out.chapters.append(self.chapter)
        if index is not None and index in self.outline.division_chapters:
            self.out.division_chapters.add(id(self.chapter))
        self.section = None
        self.principles_section = False
        self.section_last = 0
        self.item_level = self.outline.task_level

    def start_section(self, no: str, title: str, block: Block, level: int = 0) -> None:
        self._close_box()
        self._close_task()
        if self.chapter is None:
            self.start_chapter("", "", block)
        assert self.chapter is not None
        title, clause = _heading_clause(title)
        self.notes = False
        self.section = Section(no, short_title(title), self._span([block]), order=self._next())
        self.chapter.sections.append(self.section)
        self.principles_section = principles_heading(title)
        if clause is not None:
            self.out.section_clauses[id(self.section)] = (*clause, block)
        self.section_last = 0
        self.item_level = max(self.outline.task_level, level + 1)

    def start_box(self, no: str, title: str, block: Block) -> None:
        self._close_box()
        self._close_task()
        column = ProjectColumn(no, title.strip(), self._span([block]), order=self._next())
        self.box = _Box(column, indicator_box="指标" in title)
        if self.box.indicator_box:
            return
        if self.section is not None and self._in_task_chapter():
            self.section.columns.append(column)
        elif self.chapter is not None:
            self.chapter.columns.append(column)
        else:
            self.start_chapter("", "", block)
            assert self.chapter is not None
            self.chapter.columns.append(column)

    def add_project(self, no: str, title: str, text: str, block: Block) -> None:
        assert self.box is not None
        p = Project(no, title, text, self.box.group, self._span([block]), order=self._next())
        self.box.column.projects.append(p)
        self.box.last_item = p
        self.box.group_fresh = False
        if no:
            self.box.last_no = int(no)
        self.out.task_blocks[id(p)] = [block]

    def add_task(self, num: Numbering, body: str, block: Block) -> None:
        self._close_box()
        section = self._ensure_section()
        n = num.number or 0
        if not self._continues_tasks(n):
            after = f"task {self.section_last}" if self.section_last else f"the plan's task {self.plan_last}"
            self._gap(block.first, "numbering", f"task {n} follows {after} in section "
                                                f"{section.no or section.title!r} (numbering gap or repeat)")
        self.section_last = self.plan_last = n
        no = str(num.number) if num.number is not None else ""
        self.task = Task(no, short_title(body), body, self._span([block]), order=self._next())
        section.tasks.append(self.task)
        self.out.task_blocks[id(self.task)] = [block]

    def continue_task(self, block: Block) -> None:
        assert self.task is not None
        blocks = self.out.task_blocks[id(self.task)] + [block]
        self.out.task_blocks[id(self.task)] = blocks
        self.task.text += "\n" + block.text
        self.task.span = self._longer_span(self.task.span, blocks)

    def continue_project(self, block: Block) -> None:
        assert self.box is not None and self.box.last_item is not None
        p = self.box.last_item
        blocks = self.out.task_blocks[id(p)] + [block]
        self.out.task_blocks[id(p)] = blocks
        p.text += "\n" + block.text
        p.span = self._longer_span(p.span, blocks)

    # -- the decision for a numbered item ---------------------------------------------------------
    def numbered_item(self, num: Numbering, body: str, block: Block) -> None:
        """An item at the task level: a task, or an item of the open 专栏 box."""
        n = num.number or 0
        no = str(num.number) if num.number is not None else ""
        tasks_here = self._in_task_chapter()
        if self.box is not None and not self.box.indicator_box:
            box = self.box
            cont_box = (box.last_no is None and n == 1) or (box.last_no is not None and n == box.last_no + 1) \
                or (box.group_fresh and n == 1)
            cont_sec = tasks_here and self.section_last > 0 and n == self.section_last + 1
            if cont_box and not cont_sec:
                self.add_project(no, short_title(body), body, block)
                return
            box_titles = [p.title for p in box.column.projects]
            if cont_sec and (not cont_box or looks_like_task(short_title(body), box_titles)):
                self.add_task(num, body, block)
                return
            if cont_box:
                self.add_project(no, short_title(body), body, block)
                return
            if tasks_here and looks_like_task(short_title(body), box_titles):
                self.add_task(num, body, block)
                return
            if n > 1 and box.last_item is not None and num.style == "(1)" and not cont_sec:
                # …编制67人以上 / （67）的事业单位: a bracketed number a wrapped line opens with, continuing
                # no list of the box's, is the item's text (read as an item it was a project 67)
                self.continue_project(block)
                return
            self.add_project(no, short_title(body), body, block)
            return
        if tasks_here:
            self.add_task(num, body, block)
        else:
            self._close_task()  # a numbered principle or goal: not a task

    def paragraph(self, block: Block) -> None:
        if self.box is None and self.task is None and self.chapter is not None and self.chapter.kind == "appendix" \
                and not self.chapter.sections and block.first == block.last and division_heading(block.norm):
            self.division_open = True  # 附件 / 重点任务分工: the annex divides the plan's tasks
            self.out.division_chapters.add(id(self.chapter))
            return
        if self.box is not None and not self.box.indicator_box and not self.box.column.title \
                and not self.box.column.projects and self.box.group_no == 0 and title_only(block.text) \
                and len(block.norm) <= 40 and not _NAME_DESC_RE.match(block.text):
            self.box.column.title = block.text.strip()  # 专栏1 / 残疾人社会保障重点项目: its title
            if "指标" in block.text:
                self.indicator_table()  # an indicator box: its table follows, no project
            return
        if self.box is not None and not self.box.indicator_box:
            if self.box.column.projects and numbered_assignment(block.text) is not None:
                self._gap(block.first, "responsibility",
                          f"a clause naming items by number after the items of box "
                          f"{self.box.column.title!r} is not read: its numbers may be the box's "
                          f"projects or the section's tasks: {block.text[:60]!r}")
                return  # neither the last project's text nor any task's units
            m = _NAME_DESC_RE.match(block.text)
            if m and not m.group("name").endswith(("。", "：", ":")):
                self.add_project("", m.group("name"), m.group("desc"), block)
                return
            if self._spaced_item(block):
                return
            named = _NAMED_PROJECT_RE.match(block.text.strip())
            if named and self.box.last_item is not None and self.box.last_no is None \
                    and not self.box.group_fresh:
                # in a box of unnumbered items, each line naming a project is one of its own
                self.add_project("", named.group("name"), block.text, block)
                return
            colon = colon_item(block.text)
            last = self.box.last_item
            if colon and last is not None and self.box.last_no is None and not self.box.group_fresh \
                    and colon_item(last.text) is not None:
                # in a box whose unnumbered items print "name：description" (最低生活保障：将… /
                # 残疾人信息消费优惠：对…), a line so opened is the next item, whatever its name ends with
                self.add_project("", colon.group("name"), block.text, block)
                return
            if self.box.last_item is not None and not self.box.group_fresh:
                self.continue_project(block)
                return
            if self.box.group_fresh or self.box.last_item is None:
                self.add_project("", short_title(block.text), block.text, block)
                return
        if self.task is not None and self._assignment(block):
            return
        if self.task is not None:
            self.continue_task(block)
        elif self._in_task_chapter() and self._section_clause(block):
            return
        elif self._in_task_chapter():
            self.out.unread.append((block.first, block.text))
        else:
            self._stray_responsibility(block)

    def _spaced_item(self, block: Block) -> bool:
        """A box's unnumbered item printed "name description" with one space between them (a web
        page shows a Word file's two as one), after an item that opened so: an item of its own, not
        the last one's text; the last one, read before as one long title, is titled by its name too."""
        box = self.box
        assert box is not None
        last = box.last_item
        m = _NAME_SPACE_RE.match(block.text.strip())
        if m is None or last is None or box.last_no is not None or box.group_fresh \
                or ("\n" in last.text and not box.spaced):
            return False  # (once the box's items are known to open so, an item's text of several paragraphs ends too)
        if not box.spaced:
            opened = _NAME_SPACE_RE.match(last.text.strip())
            if opened is None or last.title != short_title(last.text):
                return False
            last.title, last.text = opened.group("name"), opened.group("desc")
            box.spaced = True
        self.add_project("", m.group("name"), m.group("desc"), block)
        return True

    def _section_clause(self, block: Block) -> bool:
        """A paragraph that is wholly a responsibility clause, after a section heading and before
        its first task: the clause of the whole section (of each task that prints none)."""
        if self.section is not None and self.section.tasks:
            return False
        topic = _SECTION_TOPIC_RE.match(block.text)
        skip = topic.end() if topic else 0
        clause = ClauseReader.sole(block.text[skip:])
        if clause is None:
            return False
        section = self._ensure_section()
        printed = (block.text[skip + clause.start:skip + clause.end], clause, block)
        if id(section) in self.out.section_clauses:
            if skip or id(section) not in self.out.own_line_clauses or self.clause_fed != self.fed - 1:
                return False
            # 牵头单位：… / 配合单位：…, a line each: one clause
            printed = _merged_clauses([self.out.section_clauses[id(section)], printed])
        self.out.section_clauses[id(section)] = printed
        self.clause_fed = self.fed
        if not skip:
            self.out.own_line_clauses.add(id(section))
        return True

    def _assignment(self, block: Block) -> bool:
        """A paragraph after a task that is wholly a clause naming tasks by their numbers
        (责任分工：第1项由…牵头，第2项由…牵头) or the tasks above it (以上任务由…牵头): the section's
        assignment, not the open task's text.
        It ends the task (what follows is no part of it)."""
        assigned = numbered_assignment(block.text) or group_assignment(block.text)
        if assigned is None or self.section is None:
            return False
        for part in assigned:
            if part.above is not None:
                part.above = len(self.section.tasks)  # the tasks printed above it, in its section
        self.out.assignments.append((self.section, assigned, block))
        self._close_task()
        return True

    def project_row(self, row: ProjectRow) -> None:
        """A row of a project table: a project of the box it stands in (elsewhere, a gap)."""
        if self.box is None or self.box.indicator_box:
            self._gap(row.first, "table", f"project table outside any 专栏 box not read: '{row.name}'")
            return
        self.add_project(row.no, row.name, row.desc, row)

    def _stray_responsibility(self, block: Block) -> None:
        """Responsibility wording outside any task, in a chapter that is not a plan's prose of
        principles, background or safeguards (a division paragraph: 任务1由县残联负责…): not read,
        so it is a gap, never a silence."""
        kind = self.chapter.kind if self.chapter is not None else None
        if self.principles_section:
            kind = "principles"  # 二、战略定位 / （一）基本原则 / 县级统筹，乡镇负责。: a principle's wording
        if kind in ("other", "appendix", "steps") and has_marker(block.norm):
            self._gap(block.first, "responsibility", "responsibility wording outside any task not read: "
                      f"'{block.text[:60]}{'…' if len(block.text) > 60 else ''}'")
        elif _TASK_REF_RE.search(block.norm) and has_marker(block.norm):
            # (三、保障措施 / …任务1由县民政局牵头，县财政局配合；任务2由…): units given to tasks by
            # their numbers in the prose of safeguards or principles: not read, and said
            self._gap(block.first, "responsibility", "units given to tasks by number outside the tasks' "
                      f"chapters not read: '{block.text[:60]}{'…' if len(block.text) > 60 else ''}'")

    def feed(self, i: int, block: Block) -> None:
        self.fed += 1
        if isinstance(block, ProjectRow):
            self.project_row(block)
            return
        norm = block.norm
        if norm.startswith(("附件", "附表")) and len(norm) <= 30:
            self.start_chapter("", block.text.rstrip(":：").strip(), block)
            self.division_open = division_heading(norm[2:].lstrip("0123456789 :：\u3000"))
            if self.division_open:
                self.out.division_chapters.add(id(self.chapter))
            return
        if self._note(i, block):
            return
        m = COLUMN_RE.match(norm)
        if m:
            self.start_box(box_number(m), block.text[m.start("title"):m.end("title")], block)
            return
        n = self.outline.numbering.get(i)
        if n is not None and n.style == "第条" and self.task is not None and self._assignment(block):
            return  # 第1条由…牵头，第2条由…负责 after the tasks: no article of its own
        level = self.outline.level(i)
        in_box = self.box is not None and not self.box.indicator_box
        if n is not None and in_box and i in self.outline.box_heading_items:
            # 一、大气治理工程：实施… in a box of a plan whose chapters are 一、: the box's item (or a task
            # the section's list continues with), never a chapter
            self.numbered_item(n, block.text[n.end:], block)
            return
        if n is not None and in_box and self._box_group(n, block.text[n.end:]):
            return
        if n is not None and level is None and in_box:
            self.numbered_item(n, block.text[n.end:], block)  # a style only the box's own list uses
            return
        if n is None or level is None:
            self.paragraph(block)
            return
        title = block.text[n.end:]
        if self._box_group(n, title):
            return
        if level == 0:
            self.start_chapter(n.numeral, title, block, i)
            return
        self.numbered(i, n, level, title, block)

    def _note(self, i: int, block: Block) -> bool:
        """A note or footnote under the text (注：…, [1] …), the heading of notes (注：, 名词解释), a
        signature and its date, or the 版记 (抄送：…): it ends the open task and is none of its text;
        after a heading of notes, a signature or the 版记, so is everything up to the next heading
        (a chapter, a section, or a task numbered on from the last).  A note saying who is
        responsible for something is a gap: it is not read."""
        norm = block.norm.strip()
        opens = bool(_NOTES_HEADING_RE.fullmatch(norm) or _IMPRINT_RE.match(norm) or i in self.signatures
                     or NOTICE_NOTE_RE.fullmatch(norm))
        footnote = _FOOTNOTE_RE.match(norm)
        if not (opens or self.notes or _NOTE_RE.match(norm) or (footnote and footnote.group(1) in self.marks)):
            return False
        if self.notes and not opens and self._ends_notes(i, block):
            self.notes = False
            return False
        self._close_box()
        self._close_task()
        self.notes = self.notes or opens
        if has_marker(norm):
            self._gap(block.first, "responsibility", "a note after the text is not read as a task or its "
                      f"units: '{block.text[:60]}{'…' if len(block.text) > 60 else ''}'")
        return True

    def _ends_notes(self, i: int, block: Block) -> bool:
        """Does `block` (in notes) open the text again: a chapter or section heading, 附件, a box, or
        a task numbered on from the last task?"""
        if block.norm.startswith(("附件", "附表")) or COLUMN_RE.match(block.norm):
            return True
        n = self.outline.numbering.get(i)
        level = self.outline.level(i)
        if n is None or level is None:
            return False
        if level == 0 or (level < self.item_level and title_only(block.text[n.end:])):
            return True
        return level == self.item_level and self.section_last > 0 and n.number == self.section_last + 1

    def _box_group(self, n: Numbering, title: str) -> bool:
        """A box's sub-group heading (一、资金类) rather than a heading of the plan."""
        box = self.box
        if box is None or box.indicator_box or n.style not in HEADING_STYLES or n.number is None:
            return False
        if len(title) > 20 or "。" in title or chapter_kind(title) in ("safeguards", "tasks", "appendix"):
            return False
        if not ((n.number == 1 and box.group_no == 0) or (n.number == box.group_no + 1 and n.style == box.group_style)):
            return False
        box.group, box.group_no, box.group_fresh, box.group_style = title.strip(), n.number, True, n.style
        return True

    def numbered(self, i: int, n: Numbering, level: int, title: str, block: Block) -> None:
        """A numbered paragraph below the chapters: a section, a task, a box item or a sub-point,
        by its level against the level tasks are numbered at, and by what it says."""
        parent = i in self.outline.has_children
        heading = title_only(title)
        if not self._in_task_chapter():
            if self.chapter is not None and self.chapter.kind == "steps" and has_marker(block.norm):
                self._gap(block.first, "responsibility", "an item of a chapter of the work's phases names "
                          f"units; not read as a task: '{block.text[:60]}{'…' if len(block.text) > 60 else ''}'")
            elif self.chapter is not None and self.chapter.kind in ("other", "appendix") \
                    and not self.principles_section and has_marker(block.norm):
                # a numbered item naming units in a chapter holding no tasks: not read, and said
                self._gap(block.first, "responsibility", "an item naming units in a chapter of no tasks "
                          f"({self.chapter.title!r}) is not read: '{block.text[:60]}{'…' if len(block.text) > 60 else ''}'")
            if level < self.outline.task_level or (heading and parent):
                self.start_section(n.numeral, title, block, level)
            else:
                self._close_task()  # a numbered principle or goal: not a task
                if level == self.outline.task_level and n.number:
                    self.plan_last = n.number  # articles (第一条…) count on through every chapter
            return
        in_box = self.box is not None and not self.box.indicator_box
        if level < self.item_level and (heading or parent):
            self.start_section(n.numeral, title, block, level)
            return
        if level == self.item_level and heading and parent and not in_box \
                and i not in self.outline.task_parents:
            self.start_section(n.numeral, title, block, level)  # a titled group of tasks below it
            return
        if level > self.item_level and self.task is not None and not in_box:
            self.continue_task(block)  # a sub-point of the task: （1）… under 1.
            return
        self.numbered_item(n, title, block)

    def indicator_table(self) -> None:
        """The indicator table sits here (in a box or a chapter): it ends any open task."""
        self._close_task()
        if self.box is not None:
            self.box.indicator_box = True
            col = self.box.column
            for container in ([self.section] if self.section else []) + ([self.chapter] if self.chapter else []):
                if col in container.columns:
                    container.columns.remove(col)


def _split_enumerations(blocks: list[Block], table_after: set[int]) -> tuple[list[Block], set[int]]:
    """A paragraph enumerating 一是……二是…… from its start becomes one paragraph per item, each
    keeping the lines (and the parts of lines) it was printed on."""
    out: list[Block] = []
    after: set[int] = set()
    for i, block in enumerate(blocks):
        pieces = split_inline(block.text)
        if not pieces:
            out.append(block)
        else:
            out.extend(_piece(block, start, end) for start, end in pieces)
        if i in table_after:
            after.add(len(out) - 1)
    return out, after


def _piece(block: Block, start: int, end: int) -> Block:
    lines: list[Line] = []
    pos = 0
    for ln in block.lines:
        lo, hi = max(start, pos), min(end, pos + len(ln.clean))
        if lo < hi:
            part = ln.clean[lo - pos:hi - pos]
            lines.append(Line(ln.no, part, normalize(part), ln.indented))
        pos += len(ln.clean)
    text = block.text[start:end].rstrip()
    return Block(lines, text, normalize(text), enumeration=block.first)


def _heading_clause(title: str) -> tuple[str, tuple[str, Clause] | None]:
    """A heading that ends in a bracketed clause (（一）健全社会保障体系（牵头单位：县民政局））:
    the title without it, and the clause as printed and read."""
    clauses = [c for c in ClauseReader.find(title) if c.bracketed]
    if not clauses or clauses[-1].start == 0 or title[clauses[-1].end:].strip(" 。.\u3000") \
            or "。" in title[:clauses[-1].start]:
        return title, None  # no clause, or the clause of a paragraph after the heading's sentence
    c = clauses[-1]
    return title[:c.start].rstrip(), (title[c.start:c.end], c)


def _signatures(blocks: list[Block]) -> set[int]:
    """Indexes of the blocks of a signature after the text: a date alone on its line (2022年3月1日,
    二〇二二年三月一日), and the name above it (青山县人民政府, 中共青山县委办公室: a name of its own
    line, no sentence, no number opening it)."""
    out: set[int] = set()
    for i, b in enumerate(blocks):
        if signed_date(b.norm) is None:
            continue
        out.add(i)
        above = blocks[i - 1].norm.strip() if i > 0 else ""
        if above and (issuer_name(above) or (len(above) <= _SIGNER_MAX and not _SENTENCE_MARK_RE.search(above)
                                              and numbering(above) is None and not COLUMN_RE.match(above))):
            out.add(i - 1)
    return out


def _circled_note_marks(blocks: list[Block]) -> set[str]:
    """The circled marks (①) the text prints as a note's mark (融合教育①。), less those that also
    open a list going on to a mark the text never refers to (①康复… / ②教育…: sub-points)."""
    marks = {m.group(1) for b in blocks for m in _CIRCLED_REF_RE.finditer(b.norm.strip(), 1)}
    if not marks:
        return marks
    opening = [b.norm.strip()[:1] for b in blocks]
    for a, b in zip(opening, opening[1:]):
        if a in marks and b in _CIRCLED_MARKS and _CIRCLED_MARKS.find(b) == _CIRCLED_MARKS.find(a) + 1 \
                and b not in marks:
            marks.discard(a)
    return marks


def parse_structure(blocks: list[Block], span_of, table_after: set[int]) -> StructureResult:
    """Parse body blocks.  `table_after` holds indices of blocks an indicator table follows."""
    blocks, table_after = _split_enumerations(blocks, table_after)
    marks = {m.group(0) for b in blocks for m in _MARK_RE.finditer(b.norm.strip(), 1)}
    marks |= _circled_note_marks(blocks)
    parser = StructureParser(span_of, infer_outline(blocks, marks))
    parser.signatures = _signatures(blocks)
    parser.marks = marks
    for i, block in enumerate(blocks):
        parser.feed(i, block)
        if i in table_after:
            parser.indicator_table()
    parser._close_box()
    _clauses_above(parser.out, span_of)
    return parser.out


def _merged_clauses(printed: list[tuple[str, Clause, Block]]) -> tuple[str, Clause, Block]:
    """Clauses printed on consecutive lines of their own (牵头单位：… / 配合单位：…), as one."""
    if len(printed) == 1:
        return printed[0]
    text = "\n".join(t for t, _, _ in printed)
    block = Block([ln for _, _, b in printed for ln in b.lines], "\n".join(b.text for _, _, b in printed),
                  "\n".join(b.norm for _, _, b in printed))
    clause = Clause(0, len(text), text, [p for _, c, _ in printed for p in c.parts], bracketed=False)
    return text, clause, block


def _trailing_clauses(blocks: list[Block]) -> int:
    """How many of `blocks`, after the first, end them as clauses on lines of their own."""
    n = 0
    while n < len(blocks) - 1 and ClauseReader.sole(blocks[-1 - n].text) is not None:
        n += 1
    return n


def _holder_before(section: Section, k: int) -> Task | Project:
    """The item printed last before task k of `section` (k >= 1): the task before it, or the last
    project of a 专栏 box printed between them."""
    before, task = section.tasks[k - 1], section.tasks[k]
    boxes = [c for c in section.columns if before.order < c.order < task.order and c.projects]
    return boxes[-1].projects[-1] if boxes else before


def _above_pattern(out: StructureResult, section: Section) -> bool:
    """Does `section` print each task's clause on a line of its own above the task: a clause line
    before its first task, one before each other task (after the task above, or after the last
    item of a 专栏 box between them), none after the last, and no task naming units in its own
    paragraph?"""
    tasks = section.tasks
    if len(tasks) < 2 or id(section) not in out.own_line_clauses:
        return False
    for k in range(1, len(tasks)):
        holder = _holder_before(section, k)
        blocks = out.task_blocks.get(id(holder), [])
        run = _trailing_clauses(blocks)
        if not run:
            return False
        own = blocks[:-run] if holder is tasks[k - 1] else out.task_blocks.get(id(tasks[k - 1]), [])
        if ClauseReader.find("\n".join(b.text for b in own)):
            return False
    return not ClauseReader.find(tasks[-1].text)


def _clauses_above(out: StructureResult, span_of) -> None:
    """A plan that prints each task's clause on a line of its own above the task (牵头单位：… /
    1.完善… / 牵头单位：… / 2.加强…) reads, task by task, as one that prints them after: the first
    clause as the section's, each other as the task's above it (or a 专栏 project's, where a box
    stands between), the last task naming none.  Where every section printing clauses so fits that
    pattern and none prints a clause after its last task, each clause is the task's below it.
    Where the plan prints both ways, a section fitting the pattern cannot be told from a section
    clause over tasks each closed by its own: said."""
    sections = [s for c in out.chapters for s in c.sections]
    above = [s for s in sections if _above_pattern(out, s)]
    if not above:
        return
    after = [s for s in sections if s.tasks and s not in above
             and ClauseReader.find(s.tasks[-1].text)]
    if after:
        for s in above:
            block = out.section_clauses[id(s)][2]
            out.gaps.append(Gap(block.first, "responsibility",
                                f"section {s.title!r} prints a clause before its first task and one after each "
                                f"task but the last: each may be the clause of the task below it (as printed "
                                f"elsewhere in the plan, a clause closes its task): read as printed after"))
        return
    for s in above:
        moved = [out.section_clauses.pop(id(s))]
        out.own_line_clauses.discard(id(s))
        for k in range(1, len(s.tasks)):
            holder = _holder_before(s, k)
            blocks = out.task_blocks[id(holder)]
            run = [blocks.pop() for _ in range(_trailing_clauses(blocks))][::-1]
            holder.text = holder.text[:len(holder.text) - sum(len(b.text) + 1 for b in run)]
            holder.span = span_of(blocks[0].first, blocks[-1].last, "\n".join(b.text for b in blocks))
            printed = []
            for block in run:
                clause = ClauseReader.sole(block.text)
                assert clause is not None
                printed.append((block.text[clause.start:clause.end], clause, block))
            moved.append(_merged_clauses(printed))
        for task, printed in zip(s.tasks, moved):
            out.clauses_above[id(task)] = printed
