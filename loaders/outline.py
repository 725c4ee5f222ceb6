"""A plan's outline: the level of each numbering style, which chapters hold tasks, and which level
numbers the tasks themselves.

Levels come from how lists start, not from a table of glyphs: a list starts at 1, so a style whose
first item (1, 一, ①, or a damaged "()") comes right after an item of another style is nested in
that style.  Each such observation is an edge "A above B"; a style's level is its longest path
from a root.  Where two observations disagree the more frequent wins, the earlier-seen on a tie.

The task level is the level below the chapters whose items, in task chapters, most often carry a
body (a sentence after the title, or paragraphs after it; the shallower on a tie, and at least
half): sections are titles over items, tasks say what is to be done, and anything numbered below
a task is a sub-point of it.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from policykg.loaders.ladder import (HEADING_STYLES, RUN_STYLES, WORDED_ORDER, WORDED_STYLES, Numbering, accept, bullet,
                                     numbering)
from policykg.loaders.text import COLUMN_RE, Block

CHAPTER_KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("safeguards", ("保障措施", "组织实施", "实施机制", "保障机制", "实施保障", "工作要求", "组织保障",
                    "规划实施", "实施要求", "工作机制", "推进机制", "监督考核", "考核评估", "督查考核",
                    "督导考核", "考核督查", "评估考核",
                    # a 办法's or 规定's closing articles (附则: who interprets it, when it takes effect)
                    "附则")),
    ("appendix", ("附件", "附表")),
    ("indicators", ("主要指标", "指标体系")),
    ("tasks", ("任务", "举措", "主要措施", "重点工作", "重点项目")),
    # the phases a 实施方案 is carried out in (实施步骤: 1.动员部署阶段（2023年3月）…): no tasks
    ("steps", ("步骤", "进度安排", "时间安排", "实施进度", "时间节点", "阶段安排", "时间进度", "进度要求")),
    ("background", ("背景", "基础", "形势", "趋势", "回顾", "现状", "发展环境")),
    ("principles", ("指导思想", "基本原则", "总体要求", "总体布局", "发展目标", "主要目标", "总体目标",
                    "目标", "原则", "思路", "总则")),
]
#: a section of a task chapter named for the plan's principles or goals alone (二、重点任务 / （一）基本原则 /
#: 1.坚持政府主导，社会参与。…): its items are principles, no tasks
_PRINCIPLES_WORDS = ("指导思想", "基本原则", "工作原则", "主要原则", "总体要求", "总体思路", "工作思路", "发展思路",
                     "发展目标", "主要目标", "总体目标", "工作目标", "具体目标", "发展定位", "战略定位")
PRINCIPLES_HEADING_RE = re.compile(r"(?:" + "|".join(_PRINCIPLES_WORDS) + r")(?:\s*[和与及、]\s*(?:"
                                   + "|".join(_PRINCIPLES_WORDS) + r"))*[。.:：]?")


def principles_heading(title: str) -> bool:
    """Is a heading's title the name of the plan's principles or goals alone (基本原则, 指导思想和基本原则)?"""
    return PRINCIPLES_HEADING_RE.fullmatch(title.strip(" 　")) is not None


#: a heading is a title: short, no sentence inside it
HEADING_MAX = 60


#: the verbs a chapter's title opens with when it says what the chapter's tasks do (夯实残联工作
#: 基础, 聚焦权益维护，优化残疾人发展环境): the words of a background chapter's name in it (基础,
#: 发展环境) are then what the tasks work on, not the plan's background (发展基础, 面临形势)
ACTION_VERBS = ("加强", "加快", "推进", "推动", "提升", "提高", "完善", "健全", "深化", "强化", "优化", "夯实",
                "聚焦", "构建", "建设", "建立", "促进", "实施", "打造", "落实", "筑牢", "织密", "扩大", "巩固",
                "营造", "改善", "增强", "坚持", "拓展", "创新")


#: an item naming a phase of the work, not a task: 动员部署阶段（2023年3月）。…, 第二阶段：…
PHASE_RE = re.compile(r"(?:第[一二三四五六七八九十\d]{1,2}阶段|[^。，,；;：:（(]{1,12}阶段)(?=[（(。：:，,；;\s]|$)")


def phase_item(title: str) -> bool:
    """Does a numbered item's title (its text after the number) name a phase of the work?"""
    return PHASE_RE.match(title.lstrip("　 ")) is not None


def chapter_kind(title: str) -> str:
    for kind, words in CHAPTER_KINDS:
        if any(w in title for w in words):
            if kind == "background" and title.lstrip("　 ").startswith(ACTION_VERBS):
                continue
            return kind
    return "other"


def title_only(text: str) -> bool:
    """A numbered heading, not an item with a body: no sentence after its title."""
    body = text.rstrip("。.;；:： ")
    return len(body) <= HEADING_MAX and "。" not in body


@dataclass
class Outline:
    """What the structure parser needs to know about each numbered paragraph."""

    numbering: dict[int, Numbering] = field(default_factory=dict)  # block index -> its numbering
    levels: dict[str, int] = field(default_factory=dict)
    task_level: int = 1
    has_children: set[int] = field(default_factory=set)  # blocks whose next item is deeper
    task_chapters_exist: bool = False
    #: chapter headings (block indices) of chapters named for no kind (三、织密社会保障网) that sit
    #: among a plan's task chapters: after its goals and before its safeguards.  They hold tasks too
    domain_chapters: set[int] = field(default_factory=set)
    #: those of them that divide the plan's tasks, printed after it (附件 / …任务分工 / 一、…)
    division_chapters: set[int] = field(default_factory=set)
    #: the chapter headings (block indices) of the chapters whose items may be tasks
    task_chapters: set[int] = field(default_factory=set)
    #: items titled alone over deeper items (2.促进重点人群健康。 over （1）（2）) in a list whose
    #: other items mostly carry a body: tasks whose sub-points are printed below them, not titles
    #: of groups of tasks
    task_parents: set[int] = field(default_factory=set)
    #: chapter headings (block indices) of chapters whose items are all phases of the work
    #: (三、工作安排 / （一）动员部署阶段（2023年3月）… （二）组织实施阶段…): steps, whatever their name
    phase_chapters: set[int] = field(default_factory=set)
    #: items of a 专栏 box numbered in a heading style of the plan's (一、大气治理工程：实施…), block
    #: indices: the box's projects, no chapters
    box_heading_items: set[int] = field(default_factory=set)

    def level(self, i: int) -> int | None:
        n = self.numbering.get(i)
        return None if n is None else self.levels.get(n.style)


def _numbered(blocks: list[Block], footnotes: Collection[str] = ()) -> dict[int, Numbering]:
    """The numbering of each paragraph that opens with one (decimals such as '2.5%' are not, nor a
    footnote: a bracketed number whose mark the text prints, `footnotes`, as [1] 含灵活就业)."""
    out: dict[int, Numbering] = {}
    last: dict[str, int] = {}
    annexes = _annex_lists(blocks)
    for i, b in enumerate(blocks):
        n = numbering(b.norm)
        if n is None or i in annexes or not accept(n, last, b.norm):
            continue
        if footnotes and b.norm[:n.end].strip().rstrip("、.") in footnotes:
            continue
        out[i] = n
        if n.number is not None:
            last[n.style] = n.number
    for style in RUN_STYLES:
        for i in _outside_runs(out, style):
            del out[i]
    return out


#: a notice's list of annexes: 附件：1.青山县…任务清单 (or 附件： alone over it), its items 2.名词解释 …
_ANNEX_LIST_RE = re.compile(r"(?:附件|附表)\s*[:：]\s*(?:(?P<n>\d{1,2})\s*[.、．])?")
_ANNEX_ITEM_RE = re.compile(r"\s*(?P<n>\d{1,2})\s*[.、．]")


def _annex_lists(blocks: list[Block]) -> set[int]:
    """Indexes of the items of a list of annexes printed after the text (附件：1.青山县…任务清单 /
    2.名词解释): each names an annex, a title counting on from the label's, and is no item of the
    plan's ladder (read as one, its 2. set the list's style above the chapters that follow it)."""
    out: set[int] = set()
    for i, b in enumerate(blocks):
        m = _ANNEX_LIST_RE.match(b.norm)
        if m is None or len(b.norm) > HEADING_MAX or "。" in b.norm:
            continue
        last = int(m.group("n")) if m.group("n") else 0
        for j in range(i + 1, len(blocks)):
            item = _ANNEX_ITEM_RE.match(blocks[j].norm)
            if item is None or int(item.group("n")) != last + 1 or not title_only(blocks[j].norm[item.end():]):
                break
            out.add(j)
            last += 1
    return out


def _outside_runs(numbered: dict[int, Numbering], style: str) -> list[int]:
    """The paragraphs opening with `style` (第一，) that number no item: a style of RUN_STYLES numbers a
    list where its paragraphs count on from 第一 (第一，… 第二，…), in a document that prints such a
    list; there a lone 第一， printed right under a heading starts a list of one (（二）发展教育 /
    第一，推进融合教育。).  Any other (a lone 第一， of prose, a 第三， with no 第一 and 第二 before it)
    opens a paragraph, not an item."""
    items = [i for i in sorted(numbered) if numbered[i].style == style]
    runs: list[list[int]] = []
    for i in items:
        if runs and numbered[i].number == (numbered[runs[-1][-1]].number or 0) + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    listed = [run for run in runs if numbered[run[0]].number == 1 and len(run) >= 2]
    out: list[int] = []
    for run in runs:
        if run in listed:
            continue
        under_heading = len(run) == 1 and numbered[run[0]].number == 1 and listed \
            and run[0] - 1 in numbered and numbered[run[0] - 1].style != style
        if not under_heading:
            out.extend(run)
    return out


def _has_body(text: str) -> bool:
    """Does an item print a body after its title (大气治理工程：实施…, 加强组织领导。各部门…), as a
    box's project does and a chapter's heading does not?"""
    return re.search(r"[：:。]", text.rstrip("。.;；:： ")) is not None


def _outside_boxes(blocks: list[Block], numbered: dict[int, Numbering], heading_items: set[int] | None = None
                   ) -> list[int]:
    """Numbered paragraphs that are not items of a 专栏 box: a box numbers its own list (in the
    style of its first item, counting on), so its items say nothing about the plan's ladder."""
    out: list[int] = []
    box_style: str | None = None
    box_last = group = 0
    in_box = False
    #: the last number of each style the plan's own ladder has printed (三 of 三、主要任务) since the
    #: last item of a style above it (one printed first: 第三章 starts its 一、 list again)
    plan_last: dict[str, int] = {}
    first_seen: list[str] = []
    for i in range(len(blocks)):
        if COLUMN_RE.match(blocks[i].norm):
            in_box, box_style, box_last, group = True, None, 0, 0
            continue
        n = numbered.get(i)
        if n is None:
            continue
        if in_box:
            text = blocks[i].norm[n.end:]
            if box_style is None and n.style not in HEADING_STYLES:
                box_style, box_last = n.style, n.number or 0
                continue
            if (box_style is None and n.style in HEADING_STYLES and n.number == 1
                    and plan_last.get(n.style, 0) >= 1 and _has_body(text) and chapter_kind(text) == "other"):
                # a box numbering its projects in the plan's heading style (一、大气治理工程：实施…。
                # in a plan whose chapters are 一、…): one starting again at 一 amid the plan's list,
                # with a body of its own, is the box's first project, not a chapter
                box_style, box_last = n.style, 1
                if heading_items is not None:
                    heading_items.add(i)
                continue
            if n.style == box_style and n.number is not None and n.number in (box_last + 1, 1):
                if not (box_style in HEADING_STYLES and n.number == plan_last.get(n.style, 0) + 1
                        and (not _has_body(text) or chapter_kind(text) != "other"
                             or text.lstrip("　 ").startswith(ACTION_VERBS))):
                    box_last = n.number
                    if heading_items is not None and box_style in HEADING_STYLES:
                        heading_items.add(i)
                    continue
                # 四、保障措施 after a box's 一、二、三、, or （四）推进…。 after its （一）（二）（三）: the plan's
                # next heading (continuing both lists, titled alone, by its kind or by a verb), which
                # ends the box
            if n.style == "一、" and n.number == group + 1 and len(blocks[i].norm) <= 20 \
                    and title_only(blocks[i].norm) and chapter_kind(blocks[i].norm) == "other":
                group = n.number
                continue  # a box's sub-group heading (一、资金类)
            in_box = False
        if n.style not in first_seen:
            first_seen.append(n.style)
        for below in first_seen[first_seen.index(n.style) + 1:]:
            plan_last[below] = 0
        if n.number is not None:
            plan_last[n.style] = n.number
        out.append(i)
    return out


def _levels(seq: list[Numbering]) -> dict[str, int]:
    first_seen: dict[str, int] = {}
    for k, n in enumerate(seq):
        first_seen.setdefault(n.style, k)
    edges: Counter[tuple[str, str]] = Counter()
    for a, b in zip(seq, seq[1:]):
        if a.style != b.style and b.number in (1, None):
            edges[(a.style, b.style)] += 1
    kept: set[tuple[str, str]] = set()
    for (a, b), count in edges.items():
        back = edges.get((b, a), 0)
        if count > back or (count == back and first_seen[a] < first_seen[b]):
            kept.add((a, b))
    # worded styles say their rank (部分 above 章 above 节 above 条), however the lists start
    worded = [s for s in WORDED_ORDER if s in first_seen]
    for a, b in zip(worded, worded[1:]):
        kept.discard((b, a))
        kept.add((a, b))
    levels = {s: 0 for s in first_seen}
    # a style that never starts a list after another (its lists begin elsewhere) is still not the
    # top of the outline unless it came first: it sits below the style printed before it
    targets = {b for _, b in kept}
    top = seq[0].style if seq else ""
    for k, n in enumerate(seq):
        if n.style not in targets and n.style != top and first_seen[n.style] == k and k > 0 \
                and n.style not in WORDED_STYLES:
            kept.add((seq[k - 1].style, n.style))
    for _ in range(len(levels)):  # longest path; a cycle stops growing after len(levels) rounds
        changed = False
        for a, b in sorted(kept, key=lambda e: (first_seen[e[0]], first_seen[e[1]])):
            if levels[b] < levels[a] + 1 <= len(levels):
                levels[b] = levels[a] + 1
                changed = True
        if not changed:
            break
    return levels


def _carries_body(blocks: list[Block], i: int, n: Numbering, numbered: dict[int, Numbering]) -> bool:
    text = blocks[i].norm[n.end:]
    head, _, rest = text.partition("。")
    if len(rest.strip()) >= 6:
        return True
    nxt = i + 1
    return nxt < len(blocks) and nxt not in numbered and not COLUMN_RE.match(blocks[nxt].norm) \
        and len(blocks[nxt].norm) > 20


def _domain_chapters(chapter_kinds: dict[int, str], has_children: set[int]) -> set[int]:
    """Chapters named for no kind, printed after a plan's goals (or its first task chapter) and
    before its safeguards, with numbered items below them: the chapters of a plan that sets out
    its tasks one domain a chapter (三、织密社会保障网 四、促进残疾人就业), although one of its
    chapters is named for tasks (五、实施重点项目).  A chapter before the goals (前言), after the
    safeguards, or of prose alone (二、分工) is none."""
    out: set[int] = set()
    opened = closed = False
    for i in sorted(chapter_kinds):
        kind = chapter_kinds[i]
        if kind in ("safeguards", "appendix"):
            closed = True
        elif kind in ("principles", "indicators", "tasks"):
            opened = True
        elif kind == "other" and opened and not closed and i in has_children:
            out.add(i)
    return out


#: the title of a plan's division of tasks printed as text after it, one task domain a chapter
#: (青山县…行动方案任务分工, 重点任务分工方案, 责任分解, 重点任务清单, 工作台账)
DIVISION_DOCUMENT_RE = re.compile(r"(?:任务|责任|工作)(?:分工|分解|清单)|分工方案|工作台账")


def division_heading(norm: str) -> bool:
    """An unnumbered line titling a division of the plan's tasks (…行动方案任务分工)."""
    text = norm.strip()
    return len(text) <= HEADING_MAX and title_only(text) and DIVISION_DOCUMENT_RE.search(text) is not None \
        and not text.startswith(("附件", "附表"))


def _division_chapters(blocks: list[Block], numbered: dict[int, Numbering], chapter_kinds: dict[int, str]) -> set[int]:
    """Chapters named for no kind under the title of a division of the plan's tasks printed after the
    plan (附件 / 青山县…行动方案任务分工 / 一、建设托养机构 / 1.制定…。牵头单位：…): each a domain of the
    tasks divided, so they hold tasks, although they follow the plan's safeguards.  They go on to
    the next annex's label."""
    out: set[int] = set()
    under = False
    for i, b in enumerate(blocks):
        if i in chapter_kinds:
            if chapter_kinds[i] in ("other", "tasks") and (under and chapter_kinds[i] == "other"
                                                           or division_heading(b.norm[numbered[i].end:])):
                # (四、重点任务分工 / 1.完善…。牵头单位：…): a chapter titled as the division is one too
                out.add(i)
            continue
        if i in numbered:
            continue
        if b.norm.startswith(("附件", "附表")):
            under = division_heading(b.norm[2:].lstrip("0123456789 :：\u3000"))
        elif division_heading(b.norm):
            under = True
    return out


def _phase_chapters(blocks: list[Block], numbered: dict[int, Numbering], order: list[int],
                    level_of: dict[int, int], chapter_kinds: dict[int, str]) -> set[int]:
    """Chapters (named for tasks or for no kind: 三、工作安排, 四、目标任务和实施步骤) whose items
    below them, two or more, all name a phase of the work (动员部署阶段（2023年3月）, 第二阶段：…):
    the chapter says when the work is done, not what it is, so its items are no tasks."""
    chapter: int | None = None
    items: dict[int, list[bool]] = {}
    for i in order:
        if i in chapter_kinds:
            chapter = i if chapter_kinds[i] in ("tasks", "other") else None
            continue
        if chapter is not None and level_of[i] == 1:
            items.setdefault(chapter, []).append(phase_item(blocks[i].norm[numbered[i].end:]))
    return {c for c, phases in items.items() if len(phases) >= 2 and all(phases)}


def infer_outline(blocks: list[Block], footnotes: Collection[str] = ()) -> Outline:
    """The outline of a plan's body; `footnotes` are the marks of footnotes the text prints ([1])."""
    numbered = _numbered(blocks, footnotes)
    out = _infer(blocks, numbered)
    bullets = _bullets(blocks, numbered, out)
    if not bullets:
        return out
    return _infer(blocks, {**numbered, **bullets})


def _bullets(blocks: list[Block], numbered: dict[int, Numbering], outline: Outline) -> dict[int, Numbering]:
    """Bulleted items (——完善低保制度。…, ●…) of the chapters that hold tasks: a list numbered by
    position, each run of bullets of one mark counting from 1 after a numbered heading or item (so
    the levels place it below the heading it follows, like any list).  A bullet outside the task
    chapters (——残疾人社会保障更加完善, a goal) is left a paragraph."""
    out: dict[int, Numbering] = {}
    in_tasks = False
    last: dict[str, int] = {}
    for i, b in enumerate(blocks):
        n = numbered.get(i)
        if n is not None or COLUMN_RE.match(b.norm):
            last.clear()
            if n is not None and outline.levels.get(n.style) == 0:
                in_tasks = i in outline.task_chapters
            continue
        end = bullet(b.norm)
        if end is None or not in_tasks:
            continue
        mark = b.norm[:end].strip()
        last[mark] = last.get(mark, 0) + 1
        out[i] = Numbering(mark, last[mark], str(last[mark]), end)
    return out


def _infer(blocks: list[Block], numbered: dict[int, Numbering]) -> Outline:
    out = Outline(numbering=numbered)
    order = _outside_boxes(blocks, numbered, out.box_heading_items)
    out.levels = _levels([numbered[i] for i in order])
    level_of = {i: out.levels[numbered[i].style] for i in order}
    for a, b in zip(order, order[1:]):
        if level_of[b] > level_of[a]:
            out.has_children.add(a)
    # which chapters hold tasks
    chapter_kinds: dict[int, str] = {}
    for i in order:
        if level_of[i] == 0:
            chapter_kinds[i] = chapter_kind(blocks[i].text) if len(blocks[i].text) <= 40 else "other"
    out.phase_chapters = _phase_chapters(blocks, numbered, order, level_of, chapter_kinds)
    for i in out.phase_chapters:
        chapter_kinds[i] = "steps"
    out.task_chapters_exist = "tasks" in chapter_kinds.values()
    if out.task_chapters_exist:
        out.division_chapters = _division_chapters(blocks, numbered, chapter_kinds)
        out.domain_chapters = _domain_chapters(chapter_kinds, out.has_children) | out.division_chapters
    wanted = {"tasks"} if out.task_chapters_exist else {"other"}
    out.task_chapters = {i for i, kind in chapter_kinds.items() if kind in wanted or i in out.domain_chapters}
    # the task level: the shallowest level below the chapters whose items mostly carry a body
    out.task_parents = _task_parents(blocks, numbered, order, level_of, out.has_children)
    items: Counter[int] = Counter()
    bodies: Counter[int] = Counter()
    headings: Counter[int] = Counter()  # titles over deeper items: sections
    in_tasks = False
    for i in order:
        if i in chapter_kinds:
            in_tasks = chapter_kinds[i] in wanted or i in out.domain_chapters
            continue
        if in_tasks:
            items[level_of[i]] += 1
            if i in out.task_parents:  # a task whose body is its sub-points
                bodies[level_of[i]] += 1
                continue
            parent_heading = i in out.has_children and title_only(blocks[i].norm[numbered[i].end:])
            headings[level_of[i]] += parent_heading
            bodies[level_of[i]] += not parent_heading and _carries_body(blocks, i, numbered[i], numbered)
    share = {lv: bodies[lv] / items[lv] for lv in items if lv >= 1}
    best = max(share.values(), default=0.0)
    candidates = [lv for lv in sorted(share) if share[lv] == best and best >= 0.5]
    if not candidates:  # terse items: the shallowest level that is not mostly section titles
        candidates = [lv for lv in sorted(share) if headings[lv] * 2 < items[lv]]
    out.task_level = candidates[0] if candidates else (max(items) if items else 1)
    return out


def _task_parents(blocks: list[Block], numbered: dict[int, Numbering], order: list[int],
                  level_of: dict[int, int], has_children: set[int]) -> set[int]:
    """Items of one list (the items of a level between two items of a shallower one) that print a
    title alone over deeper items, where at least as many of the list's other items carry a body:
    one list holds one kind of item, so these are tasks whose sub-points follow (1.…。 2.促进重点
    人群健康。 （1）…（2）… 3.…。), not titles over a group of tasks."""
    out: set[int] = set()
    runs: dict[int, list[int]] = {}

    def close(shallowest: int) -> None:
        for lv in [lv for lv in runs if lv >= shallowest]:
            items = runs.pop(lv)
            heads = [i for i in items if i in has_children and title_only(blocks[i].norm[numbered[i].end:])]
            bodies = sum(1 for i in items if i not in heads and _carries_body(blocks, i, numbered[i], numbered))
            if heads and bodies >= len(heads):
                out.update(heads)

    for i in order:
        close(level_of[i] + 1)
        runs.setdefault(level_of[i], []).append(i)
    close(0)
    return out
