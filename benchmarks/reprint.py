"""Print a plan again the other ways real plans are printed, keeping what it says.

Given a plan's text and the record read from its original printing, `reprint` renumbers its
chapters (一、 → 第一章 / 第一部分), sections (（一） → (一) / 第一节 / 一、) and tasks (1、 → （1） / ① /
1） / 1． / 一是…), restarts or runs the task numbers straight through, and rewrites each
responsibility clause (unbracketed after the task, on a line of its own, half-width brackets,
由…负责，…协助, …牵头，…配合, other list separators), and prints it as text extracted from a
PDF (lines cut at the page width, page numbers and running headers between them).  The tasks,
their titles and their lead and supporting units do not change, so a loader that reads the grammar
rather than one printing must read every reprint as it read the original.  Used by the property tests and the benchmark's
generator.
"""
from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, fields

from policykg.loaders.model import PlanRecord, Task

CN = "一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" + "".join(map(chr, range(0x3251, 0x3260))) + "".join(
    map(chr, range(0x32B1, 0x32C0)))


def cn(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else CN[n - 1]
    if n < 20:
        return "十" + CN[n - 11]
    return CN[n // 10 - 1] + "十" + (CN[n % 10 - 1] if n % 10 else "")


CHAPTERS = {"一、": lambda n: f"{cn(n)}、", "第一章": lambda n: f"第{cn(n)}章\u3000",
            "第一部分": lambda n: f"第{cn(n)}部分\u3000"}
SECTIONS = {"（一）": lambda n: f"（{cn(n)}）", "(一)": lambda n: f"({cn(n)})",
            "第一节": lambda n: f"第{cn(n)}节\u3000", "一、": lambda n: f"{cn(n)}、"}
TASKS = {"1、": lambda n: f"{n}、", "1.": lambda n: f"{n}.", "1．": lambda n: f"{n}．",
         "（1）": lambda n: f"（{n}）", "(1)": lambda n: f"({n})", "1）": lambda n: f"{n}）",
         "①": lambda n: CIRCLED[n - 1] if n <= len(CIRCLED) else f"{n}.", "一是": lambda n: f"{cn(n)}是"}
#: page widths of text extracted from a PDF, in characters (an A4 page of 16pt to 12pt type)
WIDTHS = (29, 38)
#: printed lines a page holds, and how its page number is printed
PAGE_LINES = 40
FOOTERS = (lambda n: f"— {n} —", lambda n: f"- {n} -", lambda n: f"第 {n} 页")
CLAUSES = ("original", "after", "line", "half", "by", "verb", "labels", "marked", "dated", "comma", "tail")
#: clauses printed without brackets, closing the task's sentence after a comma
UNBRACKETED = ("comma", "tail")
#: the note a plan prints where it marks its leads with a symbol ("marked" clauses)
MARK_NOTE = "注：带*的为牵头单位。"
SEPARATORS = ("、", "，", "/", " ")


@dataclass(frozen=True)
class Printing:
    chapters: str = "一、"
    sections: str = "（一）"
    tasks: str = "1、"
    clauses: str = "original"
    separator: str = "、"
    through: bool = False  # tasks numbered straight through the plan, not per section
    titles: bool = False  # each task's title on a line of its own, its text on the next
    wrap: int = 0  # as text extracted from a PDF: lines cut at this width, page numbers and headers
    contents: bool = False  # a typed table of contents (目录, each chapter with a leader and its page)

    def valid(self) -> bool:
        # the section style must differ from the chapter style, or the outline would be one level
        return not (self.sections == "一、" and self.chapters == "一、")

    def name(self) -> str:
        return ",".join(f"{f.name}={getattr(self, f.name)}" for f in fields(self)
                        if getattr(self, f.name) != f.default)


def single_styles() -> list[Printing]:
    """Each style alone, everything else as printed."""
    out = [Printing(chapters=c) for c in CHAPTERS if c != "一、"]
    out += [Printing(sections=s, chapters="第一章" if s == "一、" else "一、") for s in SECTIONS if s != "（一）"]
    out += [Printing(tasks=t) for t in TASKS if t != "1、"]
    out += [Printing(clauses=c) for c in CLAUSES if c != "original"]
    out += [Printing(clauses="labels", separator=s) for s in SEPARATORS if s != "、"]
    out += [Printing(through=True), Printing(titles=True), Printing(titles=True, clauses="line")]
    out += [Printing(wrap=w) for w in WIDTHS]
    out += [Printing(contents=True)]
    return out


def pdf_printings() -> list[Printing]:
    """Text extracted from a PDF over other printings: wrapped clauses, renumbered, on their lines."""
    return [Printing(chapters="第一章", sections="第一节", tasks="（1）", clauses="line", wrap=38),
            Printing(tasks="①", clauses="labels", separator="，", through=True, wrap=29),
            Printing(clauses="after", wrap=33), Printing(clauses="verb", separator="/", wrap=29),
            Printing(clauses="comma", contents=True, wrap=38)]


def combinations(count: int, seed: int = 0) -> list[Printing]:
    """`count` combined styles, drawn reproducibly from every combination."""
    every = [Printing(*combo) for combo in itertools.product(CHAPTERS, SECTIONS, TASKS, CLAUSES,
                                                               SEPARATORS, (False, True), (False, True))]
    every = [p for p in every if p.valid()]
    return random.Random(seed).sample(every, min(count, len(every)))


_DEBRIS = r"^((?:\[bookmark:[^\]]*\])*)\s*"
_CHAPTER_NO = re.compile(_DEBRIS + r"(?:第[一二三四五六七八九十]{1,3}[章部分]+|[一二三四五六七八九十]{1,3}、)\s*")
_SECTION_NO = re.compile(_DEBRIS + r"(?:[（(][一二三四五六七八九十]{0,3}[)）]|第[一二三四五六七八九十]{1,3}节)\s*")
_TASK_NO = re.compile(_DEBRIS + r"\d{1,3}\s*[.、．]\s*")


def expected(record: PlanRecord) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """What every reprint must read: each task's title, lead and supporting units, in order."""
    return [(t.title, tuple(u.label for u in t.units("lead")), tuple(u.label for u in t.units("support")))
            for t in record.tasks()]


def _renumber(pattern: re.Pattern[str], line: str, number: str) -> str:
    """The line with its numbering replaced (Word's bookmark debris before it kept)."""
    return pattern.sub(lambda m: m.group(1) + number, line, count=1)


def _body_tasks(record: PlanRecord) -> list[Task]:
    return [t for c in record.chapters if c.kind != "appendix" for s in c.sections for t in s.tasks]


def _clause(task: Task, printing: Printing) -> tuple[str, str] | None:
    """(the clause as printed in the original, as it is printed now), or None to keep it."""
    if not task.responsibilities or printing.clauses == "original":
        return None
    printed = task.responsibilities[0].span.text
    if not (printed.startswith(("（", "(")) and printed.endswith(("）", ")"))):
        return None
    inner = printed[1:-1]
    sep = printing.separator
    leads = sep.join(r.printed for r in task.responsibilities if r.role == "lead")
    supports = sep.join(r.printed for r in task.responsibilities if r.role == "support")
    if printing.clauses == "after":
        return printed, "\u3000" + re.sub("[；;]", "\u3000", inner)
    if printing.clauses == "line":
        return printed, "\n" + inner
    if printing.clauses == "half":
        return printed, f"({inner})"
    if printing.clauses == "by":
        text = f"由{leads}负责" + (f"，{supports}协助" if supports else "")
    elif printing.clauses == "verb":
        text = f"{leads}牵头" + (f"，{supports}配合" if supports else "")
    elif printing.clauses == "dated":  # by when, printed after the units without a label
        text = f"{leads}牵头" + (f"，{supports}配合" if supports else "") + "，2025年底前完成"
    elif printing.clauses == "comma":  # …标准，由A牵头，B配合。
        return (printed, f"，由{leads}牵头" + (f"，{supports}配合" if supports else "")) if leads else None
    elif printing.clauses == "tail":  # …标准，A负责，B配合。
        return (printed, f"，{leads}负责" + (f"，{supports}配合" if supports else "")) if leads else None
    elif printing.clauses == "marked":  # 责任单位：A*、B (注：带*的为牵头单位)
        text = "责任单位：" + sep.join([f"{r.printed}*" for r in task.responsibilities if r.role == "lead"]
                                       + [r.printed for r in task.responsibilities if r.role == "support"])
    else:
        text = f"牵头单位：{leads}" + (f"；配合单位：{supports}" if supports else "")
    return (printed, f"（{text}）") if leads else None


def reprint(text: str, record: PlanRecord, printing: Printing) -> str:
    """`text` (the original printing of `record`) printed the way `printing` says."""
    lines = text.split("\n")
    chapters = [c for c in record.chapters if c.no and c.kind != "appendix"]
    for k, c in enumerate(chapters, 1):
        i = c.span.line - 1
        lines[i] = _renumber(_CHAPTER_NO, lines[i], CHAPTERS[printing.chapters](k))
    for c in chapters:
        numbered = [s for s in c.sections if s.span.line != c.span.line and _SECTION_NO.match(lines[s.span.line - 1])]
        for k, s in enumerate(numbered, 1):
            i = s.span.line - 1
            lines[i] = _renumber(_SECTION_NO, lines[i], SECTIONS[printing.sections](k))
    tasks = _body_tasks(record)
    k_plan = 0
    for c in record.chapters:
        for s in c.sections:
            k = 0
            for t in s.tasks:
                if t not in tasks or not _TASK_NO.match(lines[t.span.line - 1]):
                    continue
                k += 1
                k_plan += 1
                i = t.span.line - 1
                lines[i] = _renumber(_TASK_NO, lines[i], TASKS[printing.tasks](k_plan if printing.through else k))
    if printing.titles:
        for t in tasks:
            i = t.span.line - 1
            head, dot, rest = lines[i].partition(t.title + "。")
            if dot and rest.strip():
                lines[i] = head + t.title + "\n" + rest
    for t in tasks:
        change = _clause(t, printing)
        if change is None:
            continue
        old, new = change
        for i in range(t.span.line - 1, t.span.end_line):
            if old in lines[i]:
                lines[i] = _replace_clause(lines[i], old, new, printing.clauses in UNBRACKETED)
                break
    if printing.contents:
        first = chapters[0].span.line - 1 if chapters else 0
        entries = [f"{lines[c.span.line - 1].strip()}{'…' * 12}{k}" for k, c in enumerate(chapters, 2)]
        lines[first:first] = ["目录", *entries, ""]
    if printing.clauses == "marked":
        lines.append(MARK_NOTE)
    text = "\n".join(lines)
    return pdf_text(text, printing.wrap, record.title) if printing.wrap else text


def _replace_clause(line: str, old: str, new: str, unbracketed: bool) -> str:
    """The line with its clause `old` printed as `new`; an unbracketed clause closes the sentence it
    follows (…标准。（A牵头） → …标准，由A牵头。)."""
    if not unbracketed:
        return line.replace(old, new, 1)
    if "。" + old in line:
        return line.replace("。" + old, new + "。", 1)
    if old + "。" in line:
        return line.replace(old, new, 1)
    return line.replace(old, new + "。", 1)


def pdf_text(text: str, width: int, header: str) -> str:
    """`text` as a PDF's text layer gives it: each line cut at `width` characters (mid-word,
    mid-name, mid-clause), a page number after every PAGE_LINES lines and the running header
    `header` at the top of the next page.  A table's tab-separated row is left whole (a PDF's
    table is read by its cells), and Word's bookmark debris, which no PDF prints, is left out."""
    out: list[str] = []
    for line in re.sub(r"\[bookmark:[^\]]*\]", "", text).split("\n"):
        while "\t" not in line and len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    paged: list[str] = []
    for k, line in enumerate(out, 1):
        paged.append(line)
        if k % PAGE_LINES == 0 and k < len(out):
            page = k // PAGE_LINES
            paged += [FOOTERS[page % len(FOOTERS)](page), header]
    return "\n".join(paged)
