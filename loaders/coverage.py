"""How much of a document the loaders understood: what the text announces against what was read.

A plan announces its content in ways a reader can count without understanding it: responsibility
markers (牵头单位：, …牵头, …配合), rows of its indicator tables, 专栏 boxes, and paragraphs under its
task chapters.  Each announced thing that was not read into the record is a gap with its line, so a
build never loses a task, a clause or a unit silently.
"""
from __future__ import annotations

import re

from policykg.loaders.model import Chapter, Coverage, Gap, PlanRecord, Task
from policykg.loaders.responsibilities import MARKER_RE, Clause, bracket_groups, closes_sentence, names_units_first
from policykg.loaders.text import normalize

#: how much of an unread sentence a gap quotes
QUOTE = 60
#: words that make a bracketed aside a responsibility clause in a reader's eyes, however worded
#: words that name a chapter of projects rather than tasks
_PROJECT_WORDS = ("项目", "工程")
_BRACKET_KEYWORDS = re.compile(r"牵头|负责|责任|配合|协助|协办|参与|主抓|承办|主办|会同")


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE else text[:QUOTE] + "…"


def unread_markers(task: Task, clauses: list[Clause], line_of) -> tuple[int, int, list[Gap]]:
    """(markers printed, markers inside a read clause, a gap per sentence with unread ones).

    A marker is a bracketed aside that speaks of responsibility (any wording: （…主抓，…牵头协调）
    counts, so a wording the grammar does not know is a gap, not a silence) or that closes a
    sentence opening with an organisation's name ((县民政局、县残联) however it goes on), or outside brackets a
    label with its colon or a verb closing a unit list (…牵头，…配合)."""
    norm = normalize(task.text)
    groups = [(a, b) for a, b in bracket_groups(norm) if _BRACKET_KEYWORDS.search(norm, a, b)
              or (closes_sentence(norm, a, b) and names_units_first(norm[a + 1:b - 1]))]
    inside = lambda pos: any(a <= pos < b for a, b in groups)  # noqa: E731
    positions = [a for a, _ in groups] + [m.start() for m in MARKER_RE.finditer(norm) if not inside(m.start())]
    printed = read = 0
    gaps: list[Gap] = []
    reported: set[int] = set()
    for pos in sorted(positions):
        printed += 1
        if any(c.start <= pos < c.end for c in clauses):
            read += 1
            continue
        lo = max(norm.rfind("。", 0, pos), norm.rfind("\n", 0, pos)) + 1
        if lo in reported:
            continue
        reported.add(lo)
        hi_stop = [x for x in (norm.find("。", pos + 1), norm.find("\n", pos + 1)) if x >= 0]
        hi = min(hi_stop) + 1 if hi_stop else len(norm)
        gaps.append(Gap(line_of(pos), "responsibility",
                        f"responsibility clause not read: '{_quote(task.text[lo:hi])}'"))
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
    return Coverage(
        tasks=len(record.tasks()), unread_paragraphs=len(unread), markers=markers[0],
        markers_read=markers[1], indicator_rows=indicator_rows, indicators=len(record.indicators),
        boxes=boxes, boxes_read=sum(1 for c in record.columns() if c.projects),
        gaps=len(record.warnings))
