"""Heading levels, printed as the numbers they stand for where a document prints none.

A plan in Word may mark its chapters and sections only by style: 总体要求 styled Heading 1 (标题 1),
健全社会保障体系 styled Heading 2, or any paragraph or style carrying an outline level (w:outlineLvl),
with no number typed and no list numbering; a web page only by its heading elements (<h2>总体要求</h2>,
<h3>健全社会保障体系</h3>).  A reader sees the structure from the type sizes; the
text grammar, which reads a plan's outline from its numbers (一、 （一） 1.), would see none: the
tasks' own 1. 2. would be taken for the chapters.  So a heading that prints no number of its own is
given the number its level implies: the top heading level the document uses numbers chapters (一、,
or the form the document's numbered headings of that level print, e.g. 第一章), the next level
sections (（一）, or the form printed beside them).  A third level prints no number a reader can
infer (the plan's tasks are typed 1. 2. under the sections): such a heading is read as a paragraph
and said as a gap.

Not numbered: the document's title (a Title style, the first heading before any body text when
it reads as a plan title, or a heading before the first chapter that reads as one or as its covering
notice's, 关于印发…的通知), a 专栏's heading, an annex's (附件, 附表), a 前言 or 结语, an unnumbered
heading before the first its level numbers (a preface before 一、), a sentence or a paragraph longer than
a heading in a heading style, the plan's period as a subtitle (（2021—2025年）), a lone unnumbered
heading above all the others (no outline of one chapter: a web page's 相关解读 beside chapters typed in
its paragraphs), and any heading printing a number of its own (typed, or Word's list numbering), which counts in its level all the same so an unnumbered
heading after 一、 and 二、 is 三、.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders.formats.numbering import chinese_counting
from policykg.loaders.ladder import CHAPTER_STYLES, numbering
from policykg.loaders.metadata import is_plan_title
from policykg.loaders.text import COLUMN_RE, normalize

#: style names Word (and WPS) give its built-in heading styles: heading 1 … heading 9, 标题 1 …
_HEADING_NAME_RE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TITLE_NAMES = ("title", "标题", "subtitle", "副标题")
_ANNEX_RE = re.compile(r"^(?:附件|附表|附录|附图)")
#: headings a plan prints without a number even where its chapters are numbered
_UNNUMBERED_RE = re.compile(r"^(?:前言|序言|引言|导言|结语|结束语|后记|目录)$")
#: the plan's period printed as a subtitle under its title: （2021—2025年）
_PERIOD_RE = re.compile(r"^[（(]?\s*(?:19|20)\d{2}\s*年?\s*[—–\-－~～至到]+\s*(?:19|20)\d{2}\s*年?\s*[)）]?$")
#: a covering notice's heading (关于印发…的通知), styled as a heading above the plan
_NOTICE_RE = re.compile(r"^关于|通知$|印发")
#: w:outlineLvl 9 is body text
_BODY_LEVEL = 9
_FORMS = {"第部分": "第{}部分 ", "第章": "第{}章 ", "第节": "第{}节 ", "一、": "{}、", "(一)": "（{}）"}
#: the form of the level below a level of this form, as Chinese plans rank them
_BELOW = {"第部分": "第章", "第章": "一、", "第节": "一、", "一、": "(一)"}
_LONGEST_HEADING = 40


def reads_as_heading(text: str) -> bool:
    """A heading is a title: short, no sentence.  Body text in a heading style (some offices style
    every paragraph so) is left as printed."""
    text = text.strip()
    return len(text) <= _LONGEST_HEADING and not any(c in text for c in "。；;！？")


def _qn(tag: str) -> str:
    """Word's namespaced name of `w:tag` (python-docx's qn, without importing python-docx here)."""
    return _W + tag.split(":", 1)[1]


def _val(el, tag: str) -> str | None:
    child = el.find(_qn(tag)) if el is not None else None
    return child.get(_qn("w:val")) if child is not None else None


class Levels:
    """The outline level (0 = top) Word gives a paragraph: its own w:outlineLvl, else its style's
    (or a style it is based on): the style's w:outlineLvl or a built-in heading's name."""

    def __init__(self, styles_el) -> None:
        #: style id -> (outline level or None, name, basedOn)
        self.styles: dict[str, tuple[int | None, str, str | None]] = {}
        if styles_el is None:
            return
        for st in styles_el.findall(_qn("w:style")):
            name = (_val(st, "w:name") or "").strip()
            level = _val(st.find(_qn("w:pPr")), "w:outlineLvl")
            m = _HEADING_NAME_RE.match(name)
            lvl = int(level) if level is not None and level.isdigit() else (int(m.group(1)) - 1 if m else None)
            self.styles[st.get(_qn("w:styleId")) or ""] = (lvl, name.lower(), _val(st, "w:basedOn"))

    def of(self, p) -> tuple[int | None, bool]:
        """(outline level, is a title style) of paragraph element `p`; level None for body text."""
        ppr = p.find(_qn("w:pPr"))
        style = _val(ppr, "w:pStyle")
        title = self.styles.get(style or "", (None, "", None))[1] in _TITLE_NAMES
        own = _val(ppr, "w:outlineLvl")
        if own is not None and own.isdigit():
            level: int | None = int(own)
        else:
            level, seen = None, set()
            while style and style not in seen and style in self.styles:
                seen.add(style)
                lvl, _, based = self.styles[style]
                if lvl is not None:
                    level = lvl
                    break
                style = based
        if level is not None and not 0 <= level < _BODY_LEVEL:
            level = None
        return level, title


@dataclass
class Heading:
    """A heading as a reader saw it."""
    line: int  # index into the emitted lines (the heading's first, where a number is printed)
    level: int | None  # 0 = the top heading level of the format (Heading 1, <h1>); None = body text
    title_style: bool  # the format marks it the document's title (Word's Title style)
    text: str  # as emitted (with Word's numbering label; a web heading's lines joined)
    body_before: bool  # a paragraph with text (or a table) came before it


def number_headings(lines: list[str], headings: list[Heading]) -> list[tuple[int, str, str]]:
    """Print, into `lines`, the number each unnumbered heading's level implies; the gaps (1-based
    line, kind, message) for headings whose number cannot be told."""
    gaps: list[tuple[int, str, str]] = []
    first = next((h for h in headings if h.text.strip()), None)
    outline: list[tuple[Heading, object]] = []  # (heading, its numbering or None)
    for h in headings:
        norm = normalize(h.text.strip())
        if not norm or h.title_style or h.level is None:
            continue
        if h is first and not h.body_before and is_plan_title(norm):
            continue  # the document's title
        if not outline and (is_plan_title(norm) or _NOTICE_RE.search(norm)):
            continue  # before the first chapter: the plan's title under its covering notice, or the notice's
        if (COLUMN_RE.match(norm) or _ANNEX_RE.match(norm) or _UNNUMBERED_RE.match(norm.replace(" ", ""))
                or _PERIOD_RE.match(norm)):
            continue
        outline.append((h, numbering(norm)))
    while outline:  # a lone unnumbered heading at the top is no outline (a subtitle, the page's
        top = min(h.level for h, _ in outline)  # 相关解读 beside typed chapters): left as printed
        at_top = [(h, n) for h, n in outline if h.level == top]
        if len(at_top) > 1 or at_top[0][1] is not None:
            break
        outline.remove(at_top[0])
    if not any(n is None for _, n in outline):
        return gaps
    used = sorted({h.level for h, _ in outline})
    rank = {lv: k for k, lv in enumerate(used)}
    forms: list[str] = []
    for k in range(min(2, len(used))):
        printed = [n.style for h, n in outline if n is not None and rank[h.level] == k]
        allowed = CHAPTER_STYLES if k == 0 else tuple(_FORMS)
        form = next((s for s in printed if s in allowed), None)
        if form is None or (k == 1 and form == forms[0]):
            form = "一、" if k == 0 else _BELOW.get(forms[0], "(一)")
        forms.append(form)
    counters: dict[int, int] = {}
    numbered_from = {}  # level -> where its first numbered heading is: an unnumbered one before it is
    for i, (h, n) in enumerate(outline):  # no part of the count (a preface before 一、)
        if n is not None:
            numbered_from.setdefault(h.level, i)
    for i, (h, n) in enumerate(outline):
        k = rank[h.level]
        if n is None and (i < numbered_from.get(h.level, i) or not reads_as_heading(h.text)):
            continue
        for deeper in [d for d in counters if d > k]:
            del counters[deeper]
        counters[k] = counters.get(k, 0) + 1
        if n is not None:
            if n.number is not None and n.style == (forms[k] if k < len(forms) else None):
                counters[k] = n.number
            continue
        if k >= len(forms):
            gaps.append((h.line + 1, "structure",
                         f"heading '{h.text.strip()[:40]}' (outline level {h.level + 1}, below the plan's "
                         f"{' and '.join(_FORMS[f].format('一').strip() for f in forms)} headings) prints no "
                         "number, and its place in the plan's numbering cannot be told: read as a paragraph"))
            continue
        lines[h.line] = _FORMS[forms[k]].format(chinese_counting(counters[k])) + lines[h.line].lstrip()
    return gaps

