"""The documents printed with a plan that are no part of it: its 政策解读 or 起草说明.

A government site publishes a plan with its interpretation (政策解读, 《…》解读, 关于《…》的起草说明,
答记者问), and a copy of the page or the gazette prints it before or after the plan, headed by a line
of its own.  Its text retells the plan (二、重点任务 / （一）开展职业技能培训。由县人社局牵头…): left in, it
makes a second list of the plan's tasks, or chapters the plan does not hold.  Its lines are blanked
(kept as empty lines, so line numbers stay the document's) from its heading to the next line that
titles a plan or an annex (the plan printed after its 起草说明, 附件2 after a 解读 printed as 附件1),
or to the end.
"""
from __future__ import annotations

import re

from policykg.loaders.ladder import CHAPTER_STYLES, numbering
from policykg.loaders.metadata import is_plan_title, names_the_plan
from policykg.loaders.text import Line

#: what heads an interpretation of a document: 政策解读, 起草说明, 答记者问
_COMPANION_WORDS = r"(?:政策解读|相关解读|文件解读|解读|图解|起草说明|编制说明|制定说明|修订说明|答记者问)"
#: such a heading alone (政策解读, 附件：政策解读, 一图读懂), or after the document it interprets, named in
#: 《》 (《青山县…方案》政策解读, 关于《…》的编制说明, 县残联负责人就《…》答记者问); a line that names no
#: document (加强政策宣传解读, 做好政策解读: a task's heading) heads nothing
_COMPANION_RE = re.compile(r"(?:附件\s*\d{0,2}\s*[:：]?\s*)?(?:" + _COMPANION_WORDS + r"|一图读懂.{0,40}"
                           r"|[^。；;！？《》]{0,30}《[^《》]{4,80}》[^。；;！？《》]{0,12}?" + _COMPANION_WORDS + ")")
#: 关于《…》的说明, 《…》说明: an explanation of the named document (说明 alone, or 说明：, heads notes)
_EXPLANATION_RE = re.compile(r"(?:关于)?《[^《》]{4,80}》(?:的)?说明")
#: an annex's label on a line of its own (附件, 附件2, 附件2：): another annex begins
_ANNEX_LABEL_RE = re.compile(r"(?:附件|附表)\s*\d{0,2}\s*[:：]?")
HEADING_MAX = 90


def companion_heading(norm: str) -> bool:
    """Does a line head an interpretation or explanation of a document (a 政策解读, a 起草说明)?
    A numbered line (三、政策解读) is a chapter of the plan, not the heading of another document."""
    text = norm.strip()
    if not text or len(text) > HEADING_MAX or "。" in text or numbering(text) is not None:
        return False
    if _COMPANION_RE.fullmatch(text) or _EXPLANATION_RE.fullmatch(text):
        return True
    # after a plan's title printed without 《》 (青山县残疾人事业发展“十四五”规划解读)
    word = _TRAILING_WORD_RE.search(text)
    return word is not None and is_plan_title(text[:word.start()].removeprefix("关于").removesuffix("的"))


_TRAILING_WORD_RE = re.compile(_COMPANION_WORDS + "$")


#: the kinds (文种) a plan's title ends with, before its brackets: 青山县…实施方案（2023—2025年）
_PLAN_KIND_END_RE = re.compile(r"(?:规划|方案|纲要|计划|意见|要点|办法|细则|规定)(?:\s*[（(][^（()）]*[)）])*$")


def titles_a_plan(norm: str) -> bool:
    """A line that titles a plan (青山县残疾人托养服务实施方案, not 方案明确了两项重点任务：, a sentence of
    the interpretation), or a notice issuing one (关于印发《…》的通知)."""
    text = norm.strip()
    if not names_the_plan(text):
        return False
    return not is_plan_title(text) or _PLAN_KIND_END_RE.search(text) is not None


def companion_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines of the interpretations printed with a plan: each from its heading to the
    next line that titles a plan, a notice issuing one, or an annex, else to the end where it follows
    the plan's first chapter heading."""
    out: set[int] = set()
    run: list[int] = []
    inside = begun = False
    for i, ln in enumerate(lines):
        if not ln.clean:
            if inside:
                run.append(i)
            continue
        if companion_heading(ln.norm):
            inside = True
        elif inside and (titles_a_plan(ln.norm) or _ANNEX_LABEL_RE.fullmatch(ln.norm.strip())):
            inside = False
            out.update(run)
            run = []
        if inside:
            run.append(i)
        elif not begun and (n := numbering(ln.norm)) is not None and n.style in CHAPTER_STYLES:
            begun = True
    if inside and begun:
        out.update(run)  # after the plan's text, to the end
    # printed before the plan's chapters with no plan titled after it, it is the plan's own preface
    # (编制说明 over the plan's first paragraphs)
    return out


def drop_companions(lines: list[Line], drop: set[int]) -> list[Line]:
    """`lines` with the lines at `drop` (`companion_lines`: the interpretations printed with the plan)
    blanked."""
    return [Line(ln.no, "", "", False) if i in drop else ln for i, ln in enumerate(lines)]
