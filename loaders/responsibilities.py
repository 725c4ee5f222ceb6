"""Who leads and who supports a task: the grammar of a responsibility clause.

A clause names units and their roles in one of two wordings:
- labelled:   牵头单位：区乡村振兴局；责任单位：区残联、区民政局   (a label, a colon, a unit list)
- verb-final: 区残疾人联合会、民政局牵头；区财政局、教育局按照职能分工负责,
              由区残联负责，区民政局、区财政局协助;  区残联会同区民政局负责;  区残联牵头，会同区民政局
It is printed in full- or half-width brackets or none, at the end of a task's text or on a line of
its own after it; its parts are separated by ；; ，, a full-width space, a tab or two spaces, its
unit lists by 、，,/ or spaces.  An unbracketed clause counts only where the whole sentence is the
clause (every unit list reads as organisations): "发挥残联牵头作用" and "政府负责" inside a sentence
are prose, not clauses.

责任单位 / 责任部门 is the one label whose meaning depends on the plan: in a plan that never prints
it beside a lead marker (牵头单位, …牵头, 负责单位, 主责单位) in one clause, it names the units
responsible for the task and the first-named is the lead (the rest support); in a plan that does
(牵头单位：A；责任单位：B), it names the supporting units.  Text without a clause has no units: nothing is invented.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from policykg.loaders.ladder import cn_value
from policykg.loaders.model import Gap, Responsibility, Span, Task
from policykg.loaders.role_vocab import (LEAD_LABELS, LEVEL_PREFIX, OFFICIAL_LABELS, OWNER_LABELS, SUPPORT_LABELS,
                                        role_label_in)
from policykg.loaders.table_vocab import DEADLINE_HEADER
from policykg.loaders.text import normalize
from policykg.loaders.reference import classify_department
from policykg.loaders.regions import split_region_names
from policykg.loaders.units import (ADMIN_ENDINGS, COLLECTIVE_STARTS, LEVEL_CHARS, ORG_ENDINGS,
                                   PROSE_VERBS, ROLE_ACTORS, SEPARATORS, SYMBOL_MARK_RE, UnitResolver, ends_as_body,
                                   UNIT_FINALS, is_collective, leading_function_word, prints_its_place, reads_as_unit,
                                   split_unit_list)

#: what a label may print before its role word: the level (县级牵头单位) and 主要 (主要牵头单位)
_PREFIX = LEVEL_PREFIX + "(?:主要)?"
#: a clause may also say by when (牵头单位：区民政局；完成时限：2023年底前): the task's deadline, no unit
DEADLINE_LABELS = DEADLINE_HEADER
#: a deadline's label opening a piece of a clause whose other pieces close with verbs
_DEADLINE_LABEL_RE = re.compile(r"^(?:" + "|".join(sorted(DEADLINE_LABELS, key=len, reverse=True)) + r")\s*[:：]\s*")
_LABELS = sorted(LEAD_LABELS + SUPPORT_LABELS + OWNER_LABELS + DEADLINE_LABELS + OFFICIAL_LABELS, key=len,
                 reverse=True)


def _first_chars(words: Iterable[str], more: str = "", prefixed: bool = True) -> frozenset[str]:
    """The characters a match of words (labels after `_PREFIX`, or verbs) can start with: the first
    of each word, any of the prefix's, and `more`."""
    return frozenset({w[0] for w in words} | set(more)
                     | (set(re.findall(r"[\u4e00-\u9fff]", _PREFIX)) if prefixed else set()))


def _opening(words: Iterable[str], more: str = "", prefixed: bool = True) -> str:
    """A lookahead for `_first_chars`.  Put first in a pattern searched through a text, it fails at
    once at an offset no match starts at, where the alternation of every word was tried at every
    character; what matches is unchanged."""
    return "(?=[" + "".join(re.escape(c) for c in sorted(_first_chars(words, more, prefixed))) + "])"


#: a label, perhaps with a bracketed gloss (牵头单位（部门）：), and its colon (each run of spaces
#: read by one \s*: two in a row are quadratic in a long run that ends in no colon); or a label set
#: in brackets of its own, a colon inside or after them or none (【牵头单位】县民政局, 〔配合单位〕：县财政局);
#: (not a role word alone there, nor a bracket a list goes on after: 县民政局〔牵头〕、 and
#: 县民政局【牵头单位】、 mark a unit in a list); or a label's noun with 为 for
#: its colon (牵头单位为县民政局; a verb's 为 is prose: 以社会参与为主)
_LABEL_STARTS = _first_chars(_LABELS, "【〔[［〖")
LABEL_RE = re.compile(_opening(_LABELS, "【〔[［〖") + r"(?:(?P<open>[【〔\[［〖])\s*(?!(?:牵头|配合|协办|参与)\s*[】〕\]］〗]))?" + _PREFIX + "(?P<label>" + "|".join(_LABELS)
                      + r")\s*(?:[（(][^（()）]{1,8}[)）]\s*)?"
                      r"(?(open)[:：]?\s*[】〕\]］〗](?:\s*[:：]|(?!\s*(?:$|[、,，;；)）。/])))|(?:[:：]|(?<!牵头|配合|协办|参与)为(?![主辅])))\s*")
#: a deadline printed beside the units without a label (县司法局负责，2023年底前完成 / 县文旅局，持续推进):
#: a year or a span of years, perhaps with month, 底/末, 前 and a verb, or a standing term; a
#: space between a number and 年/月/日 (2025 年底前, as a PDF's text sets Western and Chinese apart)
#: is none
DEADLINE_PHRASE_RE = re.compile(
    r"(?:(?:“?十[三四五]五”?(?:期间|时期|末)?|20\d\d ?年?(?:\s*[-—–~至到]\s*20\d\d ?年?)?"
    r"(?: ?\d{1,2} ?月(?: ?\d{1,2} ?日)?)?(?:上半年|下半年|年底|年末|底|末|内)?(?:前|以前|之前|起|开始)?)"
    r"(?:(?:全面|基本)?(?:完成|实现|建成|落实|启动|推进|持续推进|见效))?"
    r"|长期(?:坚持|推进|实施)?|持续(?:推进|实施|开展|落实)|逐年(?:推进|落实|实施)|按年度(?:推进|落实|实施)"
    r"|每年(?:\d{1,2}月(?:底|末)?(?:前|以前)?)?(?:开展|实施|完成)?)")
#: verbs that close a unit list, longest first; what follows must end the part
#: a unit list said to be a label's units, 为 or 是 before the label's noun (县民政局为牵头单位，县财政局是
#: 配合单位, 县卫健局为主要牵头单位): the label's role; 责任单位's is the plan's (`_OWNER_VERBS`)
def _is_verbs(labels: Iterable[str]) -> tuple[str, ...]:
    nouns = [w for w in labels if w.endswith(("单位", "部门", "处室", "科室", "主体"))]
    return tuple(f"{be}{main}{w}" for be in "为是" for main in ("", "主要") for w in nouns)


_SUPPORT_VERBS = ("按照职能分工负责", "按职能分工负责", "按照职责分工负责", "按职责分工负责", "按职责负责",
                  "按照职责分工负责落实", "按职责分工负责落实",
                  "按照职责分工落实", "按职责分工落实", "按职责落实", "分工负责", "共同参与", "参与配合",
                  "配合实施", "配合落实", "配合推进", "协助落实", "配合", "参与", "协助", "协办",
                  "协同", "协同配合", "协助配合", "配合协助", "配合支持", "支持配合", "支持", "各负其责", "各司其职") + _is_verbs(SUPPORT_LABELS)
_LEAD_VERBS = ("牵头负责", "负责牵头", "牵头实施", "牵头落实", "牵头组织实施", "牵头抓总", "牵头推进", "牵头组织", "牵头",
               "共同负责", "负责落实", "具体负责", "负责组织实施", "负责实施", "负责推进", "负责",
               "分别负责", "共同推进", "组织实施", "负总责", "主责", "主抓", "抓总", "统筹", "为主", "负责指导",
               "指导") + _is_verbs(LEAD_LABELS)
#: 县民政局为责任单位: the units responsible, read as the label's list is (by the plan's convention)
_OWNER_VERBS = _is_verbs(OWNER_LABELS)
#: support verbs that say each works by its own duties: beside a lead they support, alone they are
#: the units responsible
_DUTY_VERBS = tuple(v for v in _SUPPORT_VERBS if "职" in v or v in ("分工负责", "各负其责"))
#: lead verbs that yield to a 牵头 printed in the same clause (A牵头，B负责实施: B carries it out)
_YIELDING_LEAD_VERBS = tuple(v for v in _LEAD_VERBS if "牵头" not in v and v not in _is_verbs(LEAD_LABELS))
#: what may follow a verb: the end of a part, or (where extraction lost the space between parts)
#: the region prefix of the next unit list
def _verbs_re(verbs: Iterable[str]) -> re.Pattern[str]:
    return re.compile("(" + "|".join(sorted(verbs, key=len, reverse=True))
                      + r")(?=$|[;,、。.\s)]|[区县市旗][\u4e00-\u9fff])")


#: verbs that close prose as often as a clause (完善养老保险社会统筹。, 动员全社会共同推进。): read in a
#: bracket, never in an unbracketed sentence, nor counted there as markers
_PROSE_VERBS = ("统筹", "组织实施", "共同推进", "负总责", "指导", "负责指导", "支持", "为主")
#: verbs that name a role only set against another role in the same clause ((A指导，B落实), (A为主，
#: B协同), (A负责，B支持)); alone they close prose as often ((接受教育部门指导), (以政府为主))
_PAIRED_VERBS = ("指导", "负责指导", "支持", "为主")
_VERB_RE = _verbs_re(_SUPPORT_VERBS + _LEAD_VERBS + _OWNER_VERBS)
_PLAIN_VERB_RE = _verbs_re(v for v in _SUPPORT_VERBS + _LEAD_VERBS + _OWNER_VERBS if v not in _PROSE_VERBS)
#: an unbracketed sentence's verbs: the plain ones and those naming a role only set against another
#: (县民政局为主，县财政局协同。 / 县残联指导，各乡镇落实。): `_verb_final` reads no clause of paired
#: verbs alone ((接受教育部门指导。) is prose), and every list must read as units (`_all_units`)
_SENTENCE_VERB_RE = _verbs_re(v for v in _SUPPORT_VERBS + _LEAD_VERBS + _OWNER_VERBS
                              if v not in _PROSE_VERBS or v in _PAIRED_VERBS)
#: verbs that say the units before them carry the task out (县卫健局牵头，各乡镇人民政府落实): beside a
#: lead they support it, as 负责实施 does after a 牵头; closing the first list of a clause that names
#: no lead but names supporters (县民政局落实，县财政局配合 / 县卫健局会同县残联落实) they lead; else they
#: are no clause's verbs (抓好落实, 组织落实 close prose as often)
_CARRY_VERBS = ("落实", "实施", "执行", "承办")
#: a word of how before a carry verb (组织落实, 抓好落实, 共同实施): never part of a unit's name (县人社局组织)
_CARRY_HOW = ("组织", "具体", "抓好", "督促", "认真", "共同", "分别", "统筹", "推动", "推进", "协调", "贯彻")
#: words of how before any clause verb (县直有关部门按职责分工配合, 县级各部门积极配合, 各乡镇负责属地落实):
#: the carry verbs' and these, longest first
_HOW = tuple(sorted(_CARRY_HOW + ("积极", "密切", "主动", "全力", "大力", "按职责分工", "按照职责分工", "按职能分工",
                                  "按照职能分工", "按职责", "按照职责", "依职责", "按职能", "属地", "负责属地", "按属地",
                                  "各自", "负责", "按照各自职责", "按各自职责", "根据各自职责", "根据职责", "依照职责",
                                  "依据职责", "结合职责"), key=len, reverse=True))
_WITH_CARRY = {_VERB_RE: _verbs_re(_SUPPORT_VERBS + _LEAD_VERBS + _OWNER_VERBS + _CARRY_VERBS),
               _PLAIN_VERB_RE: _verbs_re([v for v in _SUPPORT_VERBS + _LEAD_VERBS + _OWNER_VERBS
                                          if v not in _PROSE_VERBS]
                                         + list(_CARRY_VERBS)),
               _SENTENCE_VERB_RE: _verbs_re([v for v in _SUPPORT_VERBS + _LEAD_VERBS + _OWNER_VERBS
                                             if v not in _PROSE_VERBS or v in _PAIRED_VERBS]
                                            + list(_CARRY_VERBS))}
#: a topic that speaks for the tasks printed before it, not for one
GROUP_TOPICS = ("以上", "上述", "前述", "上列")
#: words that join a second unit list to the first: X会同Y负责 (Y supports)
_WITH_RE = re.compile(r"(会同|协同|联合(?![会国体办]))")
#: where the parts of a clause end
_PART_SEP = re.compile(r"[;；]|\s{2,}|\t|\u3000")
#: a responsibility marker as printed, for coverage: a label with its colon, or a verb that closes
#: a unit list (after an organisation's last character)
_MARKER_VERBS = sorted((v for v in _SUPPORT_VERBS + _LEAD_VERBS + _OWNER_VERBS if v not in _PROSE_VERBS),
                       key=len, reverse=True)
MARKER_RE = re.compile(LABEL_RE.pattern + "|" + _opening(_MARKER_VERBS, prefixed=False)
                       + "(?<=[局委办厅院会部心司队所站处室联协府团镇道）)])(?:" + "|".join(_MARKER_VERBS)
                       + r")(?=$|[;；,，。.\s)）])")
#: where the subject of a marker's verb starts: after the last mark before it
_SUBJECT_START_RE = re.compile(r"[，,、；;。.：:\s（()）【】〔〕“”\"]")
#: a subject that names roles alone (政府, 社会, 党委政府, 各级政府), perhaps after a verb of prose or a
#: function word (坚持政府负责, 由政府负责, 以政府为主), joined by 和/与/及 or not (政府和社会共同参与)
_ROLE_SUBJECT_RE = re.compile(r"(?:(?:" + "|".join(sorted(PROSE_VERBS + ("由", "以", "实现", "充分"), key=len, reverse=True))
                              + r")+)?(?:(?:各级|基层|地方)?(?:" + "|".join(sorted(ROLE_ACTORS, key=len, reverse=True))
                              + r")+[和与及]?)+")


def names_roles(subject: str) -> bool:
    """Does the subject of a responsibility verb name roles, no body (政府负责, 社会参与, 坚持政府主导，
    社会参与: a principle or slogan, never a clause a reader could give units from)?  县政府负责,
    民政局负责, 各有关部门负责 name bodies."""
    return _ROLE_SUBJECT_RE.fullmatch(subject.strip()) is not None and not subject.strip().endswith(("和", "与", "及"))


def marker_matches(norm: str) -> list[re.Match[str]]:
    """The responsibility markers of a normalised text (`MARKER_RE`), but a verb whose subject names
    roles alone (坚持政府主导，社会参与。 / 党委领导、政府负责、社会协同，…): a principle's wording, which
    names no unit and is no clause a reader could have read.  Beside a marker naming a body in its
    sentence, outside brackets (…，政府负责，县残联配合。), it is a clause's part and counts."""
    matches = list(MARKER_RE.finditer(norm))
    roles = set()
    for k, m in enumerate(matches):
        if m.group("label") is None:
            starts = [x.end() for x in _SUBJECT_START_RE.finditer(norm, max(0, m.start() - 30), m.start())]
            if names_roles(norm[starts[-1] if starts else max(0, m.start() - 30):m.start()]):
                roles.add(k)
    if not roles:
        return matches
    bracketed = [(a, b) for a, b in bracket_groups(norm)]
    stops = [k for k, ch in enumerate(norm) if ch in "。\n"]

    def sentence(pos: int) -> int:
        return bisect_left(stops, pos)

    def in_bracket(pos: int) -> bool:
        return any(a <= pos < b for a, b in bracketed)

    bodies = {sentence(m.start()) for k, m in enumerate(matches) if k not in roles and not in_bracket(m.start())}
    return [m for k, m in enumerate(matches) if k not in roles or sentence(m.start()) in bodies]


def has_marker(norm: str) -> bool:
    """Does a normalised text print a responsibility marker (`marker_matches`)?"""
    return bool(marker_matches(norm)) if MARKER_RE.search(norm) else False


#: what a plan may print before a clause's label to set it off (——责任单位：, ◎牵头单位：)
DECORATION = "—–－-◎○●■□◆◇▲△☆★※·•→"
#: parts of a clause that name no unit: kept on the task as printed
NOT_UNITS = ("deadline", "official")


@dataclass(frozen=True)  # shared: _verb_final keeps the parts it read
class Part:
    role: str  # lead | support | owner (责任单位: resolved by the plan's convention) | deadline | official
    units: str  # the unit list as printed


@dataclass
class Clause:
    start: int  # offset in the task text (of the opening bracket, if any)
    end: int  # offset after it
    inner: str  # the clause without its brackets
    parts: list[Part] = field(default_factory=list)
    bracketed: bool = True


def opens_with_label(norm: str) -> bool:
    """Does a line open with a responsibility label (牵头单位：, 责任单位：…, or 牵头单位　县民政局 with
    white space for its colon)?  (text.py's `joins`: such a line on its own ends there.)"""
    head = norm.lstrip(DECORATION + " ")  # (`spaced_labels` makes a colon of a space after a label only)
    return bool(head) and head[0] in _LABEL_STARTS \
        and LABEL_RE.match(spaced_labels(norm).lstrip(DECORATION + " ")) is not None


#: a label with white space for its colon (牵头单位　县民政局　配合单位　县财政局, a tab or spaces as
#: well): where a part of a clause may start (a line's start, after 。；，, white space or an opening
#: bracket), never inside a word (各责任单位 要…)
_SPACED_LABEL_RE = re.compile(
    _opening(LEAD_LABELS + SUPPORT_LABELS + OWNER_LABELS + DEADLINE_LABELS)
    + r"(?:^|(?<=[\s。;；,，(（【〔\[［〖" + re.escape(DECORATION) + r"]))" + _PREFIX + "(?P<label>"
    + "|".join(sorted(LEAD_LABELS + SUPPORT_LABELS + OWNER_LABELS + DEADLINE_LABELS, key=len, reverse=True))
    + r")(?P<space>[ \t\u3000]+)(?=\S)", re.M)
#: the longest a spaced label's list may run (a clause's list, not a paragraph)
_SPACED_LIST_MAX = 200
#: the labels that name what they label by a noun of their own (牵头单位, 责任部门, 责任主体)
_NOUN_LABELS = tuple(sorted((w for w in LEAD_LABELS + SUPPORT_LABELS + OWNER_LABELS
                             if w.endswith(("单位", "部门", "处室", "科室", "主体"))), key=len, reverse=True))
#: a label's noun ending its line, no colon (牵头单位 / 县民政局、县财政局: the spaces typed after it
#: were stripped with the line's end): the line's break is its colon, where a part of a clause may
#: start, as _SPACED_LABEL_RE
_BROKEN_LABEL_RE = re.compile(
    _opening(_NOUN_LABELS) + r"(?:^|(?<=[\s。;；,，(（【〔\[［〖" + re.escape(DECORATION) + r"]))" + _PREFIX + "(?P<label>"
    + "|".join(_NOUN_LABELS) + r")(?P<space>[ \t\u3000]*\n[ \t\u3000]*)(?=\S)", re.M)
_LINE_END_LABEL_RE = re.compile(
    _opening(_NOUN_LABELS) + r"(?:^|(?<=[\s。;；,，(（【〔\[［〖" + re.escape(DECORATION) + r"]))" + _PREFIX + "(?:"
    + "|".join(_NOUN_LABELS) + r")\s*$")


def label_ends_line(line: str, following: str) -> bool:
    """Does a line (normalised) end in a label's noun with no colon (牵头单位, 责任单位 alone or after a
    sentence's 。) and the line after it open with a unit's name (县民政局、县财政局)?  The break is
    the label's colon: text.py's `joins` ends the paragraph there (run together, 牵头单位县民政局 read
    as no label), and `spaced_labels` reads the next line as the label's list."""
    return line.rstrip().endswith(_NOUN_LABELS) and _LINE_END_LABEL_RE.search(line) is not None \
        and opens_with_unit(re.split(r"[)】〕\]〗]", following, maxsplit=1)[0])  # (牵头单位 / 县卫健局)


#: a line ending in a name (after white space, a comma, a bracket or a label's colon: …，区民政局 卫生健康委员会,
#: 配合单位：区委组织部, 区残联*), and a line opening with one (消防救援大队 残疾人联合会…, 教育局配合。)
_NAME_AT_END_RE = re.compile(r"(?:^|[\s，,、；;：:（(])(?P<name>[^\s，,、；;：:。]{2,40})$")
#: the marks a plan may print after a lead's name (区残联*)
_MARK_SYMBOLS = "*＊※△▲★☆"
_NAME_AT_START_RE = re.compile(r"^(?P<name>[^\s，,、；;：:。）)]{2,40})")
#: a verb closing the list on the line after the break (消防救援大队配合。)
_CLOSING_VERB_RE = re.compile(r"(?:等)?(?:配合|负责|牵头|参与|协助|协同)$")


def names_apart_at_break(line: str, following: str) -> bool:
    """Do a line and the next print a list's names set apart by white space on either side of the
    break (…，区民政局 卫生健康委员会 / 消防救援大队 残疾人联合会…): a whole name ends the one
    (after a space, a comma, a bracket, a label's colon or 由; a lead's mark after it, 区残联*), another opens the
    other?  Where the text keeps the space a line wrapped at (the next
    line opens with it, or the line ends with it), text.py's `make_blocks` keeps it, so that the
    two are not read as one body (卫生健康委员会消防救援大队).  A name cut inside (区卫生健康 /
    委员会) leaves a head that is no body's name."""
    end, start = _NAME_AT_END_RE.search(line.rstrip()), _NAME_AT_START_RE.match(following.lstrip())
    if end is None or start is None:
        return False
    first = end.group("name").rstrip(_MARK_SYMBOLS)
    second = _CLOSING_VERB_RE.sub("", start.group("name")).rstrip(_MARK_SYMBOLS)
    first = first[len(leading_function_word(first) or ""):]  # 由区司法局 / 公安分局牵头: 区司法局
    return reads_as_unit(first) is None and reads_as_unit(second) is None and second not in ORG_ENDINGS


def spaced_list_break(line: str, following: str) -> bool:
    """Does a line end a list whose names are parted by spaces, a whole name (or a lead's name its
    mark closes, 区乡村振兴局*; or one its aside closes, 区住房和城乡建设局（交通局）), and the next open
    another (…区财政局 区教育局 / 人力资源和社会保障局 区住建局…)?  The space the line wrapped at,
    which a PDF does not print at a line's end, parted them: they are two bodies (区教育局人力资源和
    社会保障局 is none).  The list is parted by spaces where a space stands before the line's last
    name or after the next line's first.  A break in a list of 、 is inside a name (县民政局 /
    社会福利院)."""
    end = _NAME_AT_END_RE.search(line.rstrip())
    start = _NAME_AT_START_RE.match(following.lstrip())
    if end is None or start is None or following.lstrip().startswith(_BRACKETS):
        return False
    name = end.group("name")
    marked = name.endswith(tuple(_MARK_SYMBOLS))
    whole = name.rstrip(_MARK_SYMBOLS)
    body = _ASIDE_RE.split(whole)[0]  # 区政府办公室〈区大数据局〉: the name before its aside
    second = _CLOSING_VERB_RE.sub("", start.group("name")).rstrip(_MARK_SYMBOLS)
    head = _ASIDE_RE.split(second)[0]
    spaced = (marked or line.rstrip()[end.start("name") - 1:end.start("name")].isspace()
              or following.lstrip()[start.end():start.end() + 1].isspace())
    closed = whole.endswith(_WHOLE_ENDINGS) or (body != whole and whole.endswith(_ASIDE_ENDS))
    # each a body of a kind a plan names (公室, 员会办公室, 保障局 are the tails of names cut inside:
    # 区政府办 / 公室, 机构编制委 / 员会办公室, 人力资源和社会 / 保障局)
    # and the first no party committee or government whose organ the second may be (区委 / 组织部,
    # 区政府 / 办公室: one body, 区委组织部)
    # (各成员单位, 有关部门 name no body: the members of the one before, 残疾人工作委员会 / 各成员单位)
    return (spaced and closed and len(head) >= 3 and classify_department(body) not in _HEAD_KINDS
            and classify_department(head) != "other" and not _MEMBERS_RE.fullmatch(head)
            and names_apart_at_break(line, following))


#: a list's member naming the members or departments of the body before it, no body of its own
_MEMBERS_RE = re.compile(r"各?(?:成员|有关|相关|下属|所属|其他)?(?:单位|部门)")


#: the kinds of body whose name heads its organs' (区委组织部, 区政府办公室, 区人大常委会)
_HEAD_KINDS = ("other", "party-committee", "people-government", "peoples-congress", "cppcc")


_ASIDE_ENDS = ("）", ")", "〉", ">", "》", "]", "】", "〕")
#: the endings of a body's whole name, which a name cut inside does not end with (人力资源和社 | 会保障局,
#: 残疾人联 | 合会, 区市场 | 监督管理局 end with 社, 联, 场)
_WHOLE_ENDINGS = ("局", "委", "办", "厅", "院", "会", "部", "中心", "公司", "集团", "队", "站", "所", "馆", "政府",
                  "办事处")
#: what opens a name's aside, never a name (区委宣传部 / （网络安全应急指挥中心）, 区政府办公室 / 〈区大数据局〉)
_BRACKETS = ("（", "(", "〈", "<", "《", "[", "【", "〔")
_ASIDE_RE = re.compile("[" + re.escape("".join(_BRACKETS)) + "]")


def spaced_labels(text: str) -> str:
    """`text` with the white space after a label printed without its colon read as the colon (its
    first character made a ：, so offsets stay; a label's noun ending its line takes the break for
    its colon, and the next line as its list): only where what follows each such label, up to the
    next label, the end of the line or a bracket closing around it, reads wholly as a unit list (a
    deadline label's as a deadline) — 牵头单位　县民政局　配合单位　县财政局 is a clause, 牵头单位
    要统筹推进 prose.  A label whose list does not read is prose, and the one before it then runs on
    over it (so its list does not read either)."""
    if " " not in text and "\t" not in text and "\u3000" not in text and "\n" not in text:
        return text
    norm = normalize(text)
    kept = sorted([*_SPACED_LABEL_RE.finditer(norm), *_BROKEN_LABEL_RE.finditer(norm)], key=lambda m: m.start())
    if not kept:
        return text
    colons = [m.start() for m in LABEL_RE.finditer(norm)]
    while True:
        starts = sorted([m.start() for m in kept] + colons)
        reads = [m for m in kept if _reads_after_label(m.group("label"), norm, m.end(), starts)]
        if len(reads) == len(kept):
            break
        kept = reads
    out = list(text)
    for m in kept:
        out[m.start("space")] = "："
    return "".join(out)


#: a label's noun run into the name after it, no colon nor space (a line 牵头单位 joined with the line
#: 县民政局 under it): where a part of a clause may start, as _SPACED_LABEL_RE
_RUN_LABEL_RE = re.compile(
    _opening(_NOUN_LABELS) + r"(?:^|(?<=[\s。;；,，(（【〔\[［〖" + re.escape(DECORATION) + r"]))" + _PREFIX
    + "(?:" + "|".join(_NOUN_LABELS) + r")(?=[^\s:：为])", re.M)


def spaced_label_marks(norm: str) -> list[int]:
    """Where a label stands with white space for its colon, or none (牵头单位县民政局), or ends its line
    (牵头单位 / 县民政局), and a unit's name after it (牵头单位　县卫健局。加强部门协作。), read or not: (coverage) a marker, so one whose list
    does not read is a gap."""
    spaced = [m.start() for m in _SPACED_LABEL_RE.finditer(norm) if opens_with_unit(norm[m.end():m.end() + 40])] \
        if " " in norm or "\t" in norm else []
    run = [m.start() for m in _RUN_LABEL_RE.finditer(norm) if opens_with_unit(norm[m.end():m.end() + 40])]
    broken = [m.start() for m in _BROKEN_LABEL_RE.finditer(norm) if opens_with_unit(norm[m.end():m.end() + 40])] \
        if "\n" in norm else []
    return sorted(set(spaced + run + broken))


def _reads_after_label(label: str, norm: str, pos: int, starts: list[int]) -> bool:
    """Does what follows a spaced label at `pos` (to the next label in `starts`, the line's end or a
    bracket that closes around it) read wholly as a unit list (a deadline label's: a deadline)?"""
    k = bisect_right(starts, pos)
    end = min(starts[k] if k < len(starts) else len(norm), len(norm))
    nl = norm.find("\n", pos, end)
    end = nl if nl >= 0 else end
    if end - pos > _SPACED_LIST_MAX:
        return False
    depth = 0
    for i in range(pos, end):
        if norm[i] in "(【〔[〖":
            depth += 1
        elif norm[i] in ")】〕]〗":
            if depth == 0:
                end = i
                break
            depth -= 1
    if label in DEADLINE_LABELS:
        return DEADLINE_PHRASE_RE.fullmatch(norm[pos:end].strip(" ;,；。.\t")) is not None
    return _reads_as_list(norm[pos:end])


#: labels printed as a pair, their unit lists paired after one colon: 牵头单位/配合单位：县民政局/县财政局
_ROLE_WORDS = "|".join(sorted(LEAD_LABELS + SUPPORT_LABELS + OWNER_LABELS, key=len, reverse=True))
_PAIRED_RE = re.compile(rf"(?:{_PREFIX}(?:{_ROLE_WORDS})\s*/\s*)+{_PREFIX}(?:{_ROLE_WORDS})\s*:\s*")
#: the labels of a pair printed before the last one's colon (…牵头单位/ before 配合单位：)
_PAIR_HEAD_RE = re.compile(rf"(?:{_PREFIX}(?:{_ROLE_WORDS})\s*/\s*)+$")


def _unpair(inner: str) -> str | None:
    """牵头单位/配合单位：县民政局/县财政局 -> 牵头单位：县民政局；配合单位：县财政局: paired labels with
    their lists paired by the same /, one to one.  None where the counts differ (which list is whose,
    the clause does not say)."""
    norm = normalize(inner)
    out: list[str] = []
    pos = 0
    for m in _PAIRED_RE.finditer(norm):
        if m.start() < pos:
            continue
        labels = [x.strip() for x in norm[m.start():m.end()].rstrip(": ").split("/")]
        stop = re.compile(r"[;；]").search(norm, m.end())
        nxt = LABEL_RE.search(norm, m.end())
        end = min([len(norm)] + [x.start() for x in (stop, nxt) if x is not None])
        lists = [x.strip(" ,，。") for x in re.split(r"[/／]", inner[m.end():end])]
        if len(lists) != len(labels) or not all(lists):
            return None
        out.append(inner[pos:m.start()] + "；".join(f"{label}：{units}" for label, units in zip(labels, lists)))
        pos = end
    return "".join(out) + inner[pos:] if out else inner


def _labelled(inner: str) -> list[Part] | None:
    unpaired = _unpair(inner)
    if unpaired is None:
        return None
    inner = unpaired
    norm = normalize(inner)
    matches = list(LABEL_RE.finditer(norm))
    if not matches or norm[:matches[0].start()].strip(" ;,，；。" + DECORATION):
        return None
    parts: list[Part] = []
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(inner)
        label = m.group("label")
        role = "lead" if label in LEAD_LABELS else "owner" if label in OWNER_LABELS \
            else "deadline" if label in DEADLINE_LABELS else "official" if label in OFFICIAL_LABELS \
            else "support"
        units = inner[m.end():end].strip(" ;,，；。\t\u3000\n")
        if units:
            parts.extend([Part(role, units)] if role in NOT_UNITS else _label_parts(role, units))
    return parts or None


def _label_parts(role: str, units: str) -> list[Part]:
    """A label's list may carry verbs of its own: 责任单位：市医保局牵头，市卫健委配合 (the verbs give
    the roles), or a closing verb with no units after it, 责任单位：A、B，按职责分工负责 (the label's
    role stands; the verb is no unit)."""
    verbs = _verb_final(units)
    if not verbs:
        return _label_pieces(role, units) or [Part(role, units)]
    if any(p.role == "lead" and _names_lead(units) for p in verbs) and len(verbs) > 1:
        return verbs
    if len(verbs) == 1:
        return [Part(role, verbs[0].units)]
    return [Part(role, units)]


def _list_pieces(text: str) -> tuple[list[str], str | None]:
    """A unit list's pieces (apart by ，；) and the deadline its last piece prints, if any
    (…，2023年底前 / …，持续推进): the task's, no unit."""
    pieces = [x.strip(" 。") for x in re.split(r"[,，;；]", text) if x.strip(" 。")]
    if len(pieces) > 1 and DEADLINE_PHRASE_RE.fullmatch(pieces[-1]):
        return pieces[:-1], pieces[-1]
    return pieces, None


def _label_pieces(role: str, units: str) -> list[Part] | None:
    """责任单位：A牵头，B、C — a lead named with its verb in the label's list, the rest with the
    label's role; a deadline printed at the list's end (…，2023年底前) is the task's.  None unless a
    piece names a lead with 牵头 or 由…负责, or the list ends with a deadline."""
    pieces, deadline = _list_pieces(units)
    out: list[Part] = []
    lead = False
    for piece in pieces:
        verbs = _verb_final(piece)
        if verbs:
            lead = lead or (_names_lead(piece) and any(p.role == "lead" for p in verbs))
            out.extend(verbs)
        else:
            out.append(Part(role, piece))
    if lead:  # the rest of a list that names its lead inside support it (no 责任单位 beside a lead label)
        out = [Part("support", p.units) if p.role == "owner" else p for p in out]
    if deadline:
        out.append(Part("deadline", deadline))
    return out if out and (lead or deadline) else None


def _names_lead(units: str) -> bool:
    """Does a list name its lead with a verb (…牵头 / 由…负责), not only close with 负责?"""
    return "牵头" in units or normalize(units).startswith("由")


def _verb_final(inner: str, verbs: re.Pattern[str] = _VERB_RE, norm: str | None = None) -> list[Part] | None:
    """Parts of a '…牵头；…配合' clause; None unless every piece of it is a unit list and a verb.
    (`norm`: `inner` normalised, where the caller has it.)"""
    parts = _verb_final_parts(inner, verbs, norm)
    return None if parts is None else list(parts)


@lru_cache(maxsize=8192)  # a clause is read when it is found and again when it is attached
def _verb_final_parts(inner: str, verbs: re.Pattern[str], norm: str | None) -> tuple[Part, ...] | None:
    parts: list[Part] = []
    duty: set[int] = set()  # parts closed by 按职责分工负责 …
    carry: list[int] = []  # parts closed by 落实 / 实施 …: read beside a lead, or leading named supporters
    named_support = False  # a part closed by 配合 / 协助 / 参与 …, or a list joined by 会同
    yielded: list[int] = []  # parts closed by 负责 … that yield to a 牵头 printed beside them
    paired: list[int] = []  # parts closed by 指导 / 为主 / 支持: a role only beside another
    guiding: list[int] = []  # parts closed by 指导: they guide, they do not answer, beside a body that leads
    verbs = _WITH_CARRY.get(verbs, verbs)
    has_lead_verb = "牵头" in inner
    norm = normalize(inner) if norm is None else norm
    cuts = [0] + [x for m in _PART_SEP.finditer(norm) for x in (m.start(), m.end())] + [len(norm)]
    for a, b in zip(cuts[::2], cuts[1::2]):
        piece, raw = norm[a:b], inner[a:b]
        if not piece.strip(" ,。."):
            continue
        pos = 0
        found = False
        for m in verbs.finditer(piece):
            units = raw[pos:m.start()].strip(" ,，。、")
            verb = m.group(1)
            role = "lead" if verb in _LEAD_VERBS and (verb not in _YIELDING_LEAD_VERBS or not has_lead_verb) \
                else "owner" if verb in _OWNER_VERBS else "support"
            if verb in _YIELDING_LEAD_VERBS and has_lead_verb:
                yielded.append(len(parts))
            pos = m.end()
            if not units:
                if parts or found:
                    continue
                return None
            found = True
            units = _drop_topic(units)
            if units is None:
                return None  # a clause for the tasks above (以上任务由…): not this task's alone
            units = _without_how(units)
            if verb == "为主" and units.startswith("以") and len(units) > 1:
                units = units[1:]  # 以县民政局为主: 以…为主 says who chiefly does it, 以 no part of the name
            head, *withs = _WITH_RE.split(units)
            if verb in _PAIRED_VERBS:
                paired.append(len(parts))
            if verb in ("指导", "负责指导"):
                guiding.append(len(parts))
            if verb in _DUTY_VERBS:
                duty.add(len(parts))
            if verb in _CARRY_VERBS:
                role = "support"
                carry.append(len(parts))
            elif role == "support" and verb not in _DUTY_VERBS:
                named_support = True
            parts.append(Part(role, head.strip(" ,，")))
            for k in range(1, len(withs), 2):
                parts.append(Part("support", withs[k].strip(" ,，")))
                named_support = True
        tail = raw[pos:].strip(" ,，。.")
        when = _DEADLINE_LABEL_RE.sub("", tail, count=1)  # (县民政局牵头；完成时间：长期坚持): its label's
        if tail and (found or parts) and DEADLINE_PHRASE_RE.fullmatch(when):
            parts.append(Part("deadline", when))
        elif tail and (found or parts) and _WITH_RE.match(tail) is None and "牵头" in "".join(
                inner[:a + pos]) and _reads_as_list(tail):
            # (县科协牵头，县科技局、县教育局): the units after a lead's 牵头, closed by no verb, support it
            parts.append(Part("support", tail))
            named_support = True
        elif tail:
            m = _WITH_RE.match(tail)
            if not (found or parts) or not m:
                return None
            parts.append(Part("support", tail[m.end():].strip(" ,，")))
            named_support = True
    if guiding and any(p.role == "lead" for k, p in enumerate(parts) if k not in guiding):
        for k in guiding:  # (县委宣传部指导，县融媒体中心负责): the one responsible leads, the guide supports
            parts[k] = Part("support", parts[k].units)
    if paired and len(paired) == len(parts) and not ({p.role for p in parts} == {"lead", "support"} and _all_units(parts)):
        # (接受教育部门指导), (以政府为主), (争取上级部门支持): prose, no clause; set against each other, each
        # list a body's name, they are one (县残联为主，县直有关部门支持)
        return None
    officials = [k for k, p in enumerate(parts) if p.role == "lead" and names_a_person(p.units)]
    if officials:
        # (张伟同志牵头，县市场监管局负责) / (副县长王刚牵头，…): the person is the official answerable; the
        # units answerable to them lead, no longer yielding to a unit's 牵头
        for k in officials:
            parts[k] = Part("official", parts[k].units)
        if not any(p.role == "lead" for p in parts):
            for k in yielded:
                parts[k] = Part("lead", parts[k].units)
    if carry and not any(p.role == "lead" for p in parts):
        # (县民政局落实，县财政局配合) / (县卫健局会同县残联落实) / (县财政局配合，县民政局落实): one list
        # carries the task out and the others are named as its supporters: it leads, as
        # (县民政局负责，县财政局配合) reads; the first of several carrying lists, where it opens the clause
        if not named_support or (carry[0] != 0 and len(carry) > 1):
            return None  # (县民政局落实): who carries it out, with no lead beside it, is no clause read here
        parts[carry[0]] = Part("lead", parts[carry[0]].units)
    if duty and not any(p.role == "lead" for p in parts):
        # (A、B按职责分工负责) with no lead beside it: A and B are the units responsible, not supporters
        parts = [Part("lead", p.units) if k in duty else p for k, p in enumerate(parts)]
    if parts and parts[0].role == "support" and 0 not in duty and 0 not in carry \
            and not any(p.role in ("lead", "owner") for p in parts):
        # (县民政局、县财政局，县残联配合): the list before the comma, closed by no verb, names the units
        # responsible, set against the supporters after it (as 责任部门：A、B；协办单位：C is): they lead
        cut = _last_bare_comma(parts[0].units)
        if cut is not None:
            parts[0:1] = [Part("lead", parts[0].units[:cut].strip(" ,，")),
                          Part("support", parts[0].units[cut + 1:].strip(" ,，"))]
    return tuple(p for p in parts if p.units) or None


def _without_stray_close(value: str) -> str:
    """A deadline or an official as printed, less a closing bracket it opened none for (长期坚持）: the
    bracket closing the clause it was read from, 完成时间：长期坚持）)."""
    while value and value[-1] in "）)】〕]" and not any(c in value for c in "（(【〔["):
        value = value[:-1].rstrip()
    return value


def _last_bare_comma(units: str) -> int | None:
    """Where the last comma of a unit list stands outside brackets (县民政局、县财政局，县残联), else None."""
    depth, last = 0, None
    for k, ch in enumerate(units):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        elif ch in "，," and depth == 0:
            last = k
    return last if last is not None and units[:last].strip(" ,，") and units[last + 1:].strip(" ,，") else None


#: how a person answerable for a task is printed: a comrade (张伟同志) or an office's title (副县长王刚,
#: 王刚副县长, 县委常委、副县长)
_PERSON_RE = re.compile(r"同志$|(?:[省市州县区旗盟]长|书记|常委|主任|局长|部长|主席|秘书长|领导$)")


def names_a_person(units: str) -> bool:
    """Does a clause's list name a person, not a body (张伟同志, 副县长王刚), every name of it?"""
    names = split_unit_list(units)
    return bool(names) and all(_PERSON_RE.search(n) and reads_as_unit(n) is not None for n in names)


def _without_how(units: str) -> str:
    """A unit list before a clause's verb without the words of how it does the task (县民政局组织
    落实: 县民政局, 各乡镇抓好落实: 各乡镇, 县直有关部门按职责分工配合: 县直有关部门; several in a row,
    县直有关部门按照职责分工抓好落实, 各乡镇负责具体落实), where what is left ends as a body's name (各基层
    党组织落实 keeps its 组织)."""
    stripped, best = units.rstrip(), None
    while True:
        how = next((h for h in _HOW if stripped.endswith(h) and stripped[:-len(h)].strip()
                    and role_label_in(stripped[:-len(h)]) is None), None)
        if how is None:
            return best if best is not None else units
        stripped = stripped[:-len(how)].rstrip()
        if ends_as_body(stripped):
            best = stripped


#: adverbs before 由 that say how a clause's tasks are shared (均由, 统一由, 全部由): no topic, no unit
_HOW_BEFORE_BY = ("均", "都", "皆", "统一", "全部", "一律", "分别", "主要", "具体")


def _drop_topic(units: str) -> str | None:
    """'此项工作由县民政局' -> '由县民政局': what is done, put before 由, names no unit (the 由 is
    kept for the unit reader to strip).  自由 (自由贸易区…) is a word, not the function word.  None
    where the topic is the tasks above (以上/上述任务由…) or tasks named by number (第1项由…, read
    only as a paragraph of its own after them, `numbered_assignment`): a group's clause, which one
    task's text cannot read (it stays a gap)."""
    head = units.lstrip()  # (as normalising it would: only 　 is a space normalisation changes)
    if head.startswith(("第", "任务")) and _ASSIGN_HEAD.match(normalize(head)):
        return None
    k = units.find("由")
    if 0 < k and units[:k].strip() in _HOW_BEFORE_BY:
        return units[k:]  # 均由县教育局负责: all by 县教育局
    if k < 2 or units[k - 1] == "自" or any(ch in SEPARATORS for ch in units[:k]):
        return units
    if reads_as_unit(units[:k]) is None:
        return units
    return None if units.startswith(GROUP_TOPICS) else units[k:]


def ends_sentence(text: str, start: int, end: int) -> bool:
    """Does the bracket text[start:end] stand at a sentence's end: after its 。 (or on a line of its
    own), closing the text, or before the 。?"""
    before = text[:start].rstrip()
    if not before or before[-1] in "。.;；":
        return True
    after = text[end:].lstrip(" \u3000")
    return not after.strip(" 。.\t\n\u3000") or after.startswith(("。", "."))


def closes_sentence(text: str, start: int, end: int) -> bool:
    """Is the bracket text[start:end] printed where a task's clause goes: after a sentence's 。 (or
    on a line of its own), closing the text, or closing a sentence that does not end in a body's
    name (完善低保制度（县民政局）。), not glossing a name (建设县康复中心（县残联）。)?  (A bracket
    that names its units with a clause's verb, (各乡镇抓好落实), glosses no name: `ends_sentence`.)"""
    before = text[:start].rstrip()
    if not before or before[-1] in "。.;；":
        return True
    return ends_sentence(text, start, end) and not before.endswith(ORG_ENDINGS)


def names_units_first(inner: str) -> bool:
    """Does a bracket open with an organisation's name ((县民政局、…), however it goes on, or
    (县民政局推动): a name and a word or two of what it does, a verb no clause reads)?"""
    first = split_unit_list(re.split(r"[,，;；]", inner, maxsplit=1)[0])
    if not first:
        return False
    name = SYMBOL_MARK_RE.sub("", first[0])
    if reads_as_unit(name) is not None and not any(
            len(name) - k >= 3 and name[-k - 1] in UNIT_FINALS and _HAN_RE.fullmatch(name[-k:])
            and reads_as_unit(name[:-k]) is None for k in range(1, _VERB_AFTER_NAME_MAX + 1)):
        return False
    return not _kind_of_facility(split_unit_list(inner))


#: the most characters of a verb no clause reads after a unit's name in a bracket (县民政局推动, 县民政局主导推进)
_VERB_AFTER_NAME_MAX = 4


def _kind_of_facility(names: list[str]) -> bool:
    """Is a bracket's one name the kind of a facility the sentence builds (综合服务设施（敬老院）,
    （康复中心）), not who is responsible: a name saying neither whose it is nor that it is an
    administration's body (县民政局, 民政局, 各乡镇 are units)?"""
    return len(names) == 1 and not prints_its_place(names[0]) and not names[0].endswith(ADMIN_ENDINGS)


def bare_list(inner: str) -> list[Part] | None:
    """(县民政局、县残联) / 【县教育局】 / (县文旅局，持续推进): a bracket that closes a task with its
    units alone, no label or verb — the units responsible, read as 责任单位 (first-named leads in a
    plan that marks no lead), a deadline at its end the task's.  None unless every name reads as
    an organisation."""
    if len(inner) > 200:
        return None
    pieces, deadline = _list_pieces(inner)
    withs = _WITH_RE.split(pieces[0]) if len(pieces) == 1 else []
    if len(withs) > 1 and withs[0].strip():
        # (县残联会同县民政局): the first works with the second, as in 县残联会同县民政局负责
        heads = [split_unit_list(w) for w in withs[::2]]
        if all(heads) and all(reads_as_unit(n) is None for ns in heads for n in ns):
            return [Part("lead", withs[0]), *(Part("support", w) for w in withs[2::2])] + (
                [Part("deadline", deadline)] if deadline else [])
    names = [n for piece in pieces for n in split_unit_list(piece)]
    if not names or any(reads_as_unit(SYMBOL_MARK_RE.sub("", n)) is not None for n in names):
        return None  # (a name's mark, 区民政局*, is the clause reader's to read with the plan's note)
    if not deadline and _kind_of_facility(names):
        return None  # 建成综合服务设施（敬老院）: the facility's kind, a gloss, not who is responsible
    return [Part("owner", "、".join(names))] + ([Part("deadline", deadline)] if deadline else [])


#: a bracket's unit list closed by a verb that says they carry the task out, and no lead beside it:
#: (县民政局落实), (县卫健局、县残联实施), the verb perhaps with a word of how (组织落实, 共同实施,
#: 抓好落实: never a unit's name, 县人社局组织)
_CARRIED_RE = re.compile(r"(?:由\s*)?(.+?)\s*(?:" + "|".join(_CARRY_HOW) + ")?(?:"
                         + "|".join(_CARRY_VERBS) + ")")


def names_carriers(inner: str) -> bool:
    """Does a bracket read as naming who carries a task out, whether or not its names read: it
    opens with a unit's name or a collective's word and closes with the verb ((各乡镇要抓好落实))?
    (coverage: such a bracket not read is a gap.)"""
    body = normalize(inner.strip(" 。.\u3000"))
    return _CARRIED_RE.fullmatch(body) is not None and (body.startswith(COLLECTIVE_STARTS) or opens_with_unit(body))


def carried_list(inner: str) -> list[Part] | None:
    """(县民政局落实) / (县卫健局、县残联实施) / (由县民政局落实) closing a task: the units that carry it out, named with no
    lead beside them, are the ones it is theirs to do, read as (县民政局负责) is: they lead it.  None
    unless the bracket holds a unit list (every name an organisation's) and the verb alone: 抓好落实
    and the like, and what carries out beside a lead (县卫健局牵头，各乡镇落实), are read elsewhere or
    are prose."""
    body = inner.strip(" 。.\u3000")
    if len(body) > 200:
        return None
    m = _CARRIED_RE.fullmatch(normalize(body))
    if m is None:
        return None
    units = body[m.start(1):m.end(1)].strip(" ,，")
    names = split_unit_list(units)
    if not names or any(reads_as_unit(n) is not None or not ends_as_body(n) for n in names):
        return None
    return [Part("lead", units)]


#: how the units before it share the work, printed in a bracket of its own at the clause's end:
#: (县卫健局、县医保局（按职责分工负责）) reads as 县卫健局、县医保局按职责分工负责
_DUTY_ASIDE_RE = re.compile(r"(.*\S)\s*[（(]\s*(按照?(?:职责|职能)分工(?:负责|落实)?|分工负责|按职责负责)\s*[)）]\s*")


def parse_inner(inner: str) -> list[Part] | None:
    """The parts of a clause, or None when the text is not a responsibility clause."""
    if len(inner) > 400:
        return None
    inner = spaced_labels(inner)
    aside = _DUTY_ASIDE_RE.fullmatch(inner)
    if aside is not None:
        verb = aside.group(2)
        inner = aside.group(1) + verb + ("" if verb.endswith(("负责", "落实")) else "负责")
    return _labelled(inner) or _verb_final(inner)


#: the brackets `bracket_groups` pairs, opening and closing
_GROUP_BRACKET_RE = re.compile(r"[（(【〔［）)】〕］]")


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level bracketed group of `text`, its brackets included."""
    groups: list[tuple[int, int]] = []
    depth, start = 0, -1
    for m in _GROUP_BRACKET_RE.finditer(text):  # the brackets alone, not every character
        i, ch = m.start(), m.group()
        if ch in "（(【〔［":
            if depth == 0:
                start = i
            depth += 1
        elif ch in "）)】〕］" and depth > 0:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    return groups


def find_clauses(text: str, strict=None) -> list[Clause]:
    """Every responsibility clause in a task's text, in printed order: bracketed ones anywhere, and
    an unbracketed one that makes up a whole sentence or line.  `strict(parts)` says whether
    an unbracketed candidate's unit lists read as organisations (no prose taken for a clause)."""
    out: list[Clause] = []
    covered: list[tuple[int, int]] = []
    printed, text = text, spaced_labels(text)  # 牵头单位　县民政局: read with the colon it goes without
    for start, end in bracket_groups(text):
        inner = text[start + 1:end - 1]
        # (县教育局执行): the verb first, or 执行 ends a unit's name as 银行 does
        # (各乡镇抓好落实) after 办好特教学校 closes the sentence, naming no school: a gloss has no verb
        parts = parse_inner(inner) or (carried_list(inner) if ends_sentence(text, start, end) else None) \
            or (bare_list(inner) if closes_sentence(text, start, end) else None)
        if parts:
            out.append(Clause(start, end, inner, parts))
            covered.append((start, end))
    # unbracketed: a labelled clause from its first label to the end of its line, or a sentence
    # (after 。, or a line of its own) that is wholly a verb-final clause
    norm = normalize(text)
    for lo, hi in _logical_lines(norm):
        cand = _unbracketed(text, norm, lo, hi, covered, strict)
        if cand is not None:
            out.append(cand)
    for clause in out:  # as printed
        clause.inner = printed[clause.start + 1:clause.end - 1] if clause.bracketed else printed[clause.start:clause.end]
    return sorted(out, key=lambda c: c.start)


def _logical_lines(norm: str) -> list[tuple[int, int]]:
    """(start, end) of each line, a line that ends in a label's colon or a list's 、 joined with the
    next: extraction breaks '责任单位：' from the units after it; and a line that reads wholly as a
    unit list (up to a label of its own) joined with a line whose clause ends in a label's unit list:
    the list wrapped with no 、 at the break (配合单位：县财政局、县残联 / 县教育局)."""
    out: list[tuple[int, int]] = []
    start = 0
    # where the logical line so far prints its last character, and that character: asked of it
    # instead of slicing it whole (a run of thousands of lines ending in 、 made every slice
    # longer: quadratic)
    printed_end, last_mark = 0, ""
    for line in norm.split("\n"):
        end = start + len(line)
        # (the line is read as a unit list last: most lines before it end in no label's list)
        joined = bool(out) and (last_mark in (":", "、") or (
            printed_end - out[-1][0] <= _CLAUSE_LINE_MAX
            and ((ends_in_label_list(norm[out[-1][0]:out[-1][1]]) and _units_head(line))
                 or (last_mark == ";" and _LEAD_THEN_RE.search(norm[out[-1][0]:printed_end]) is not None
                     and _supporters_line(line)))))
        if joined:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
            printed_end, last_mark = start, ""
        printed = line.rstrip()
        if printed:
            printed_end, last_mark = start + len(printed), printed[-1]
        start = end + 1
    return out


#: the longest line `_logical_lines` asks whether it ends in a label's list (a clause is shorter)
_CLAUSE_LINE_MAX = 400
#: a clause's lead ending its line with a ；, its supporters on the next (县委宣传部、县政务服务局牵头； /
#: 县发改委、县残联按照职能分工负责): one clause, the second line's units the lead's supporters
_LEAD_THEN_RE = re.compile(r"(?:" + "|".join(sorted(_LEAD_VERBS, key=len, reverse=True)) + r")\s*;$")
_SUPPORT_TAIL_RE = re.compile(r"(?:" + "|".join(sorted(_SUPPORT_VERBS, key=len, reverse=True)) + r")\s*[。.;]?$")


def _supporters_line(line: str) -> bool:
    """Does a line (normalised) read as a unit list closed by a supporting verb (…、县残联配合。)?"""
    m = _SUPPORT_TAIL_RE.search(line.strip())
    return m is not None and _reads_as_list(line.strip()[:m.start()])


def _reads_as_list(units: str) -> bool:
    """Does `units` read wholly as a unit list (a deadline as its last piece allowed)?"""
    units = units.strip(" ;,；。.\t")
    if not units or len(units) > _SPACED_LIST_MAX:
        return False
    pieces, _deadline = _list_pieces(units)
    names = [n for piece in pieces for n in split_unit_list(piece)]
    return bool(names) and all(reads_as_unit(n) is None for n in names)


def _units_head(line: str) -> bool:
    """Does a line (normalised) read as a unit list up to its first label, or to its end?  It may
    open with the other name of the last unit the line before printed (县卫健局 / （县疾控中心）、县财政局)."""
    m = LABEL_RE.search(line)
    head = line[:m.start()] if m else line
    other = _OTHER_NAME_RE.match(head)
    if other is not None and reads_as_unit(other.group("name").strip()) is None:
        rest = head[other.end():].lstrip("、,，; ")
        return not rest or _reads_as_list(rest)
    return _reads_as_list(head)


#: a line opening with a unit's other name in brackets (（县疾控中心）、…, 〈区大数据局〉、…)
_OTHER_NAME_RE = re.compile(r"\s*[(（〈<【\[](?P<name>[^()（）〈〉<>【】\[\]]{2,30})[)）〉>】\]]")


def opens_with_unit(norm: str) -> bool:
    """Does a line (normalised) open with a unit's name, up to its first separator (县教育局、…)?"""
    first = re.split(r"[、,，;；。\s]", norm.strip(), maxsplit=1)[0]
    return bool(first) and reads_as_unit(first) is None


#: the most characters of words after a unit's name, in a part of a clause's sentence before the
#: clause, that `subjects_before` reads as a role the grammar does not know (统筹协调, 监督检查)
_ROLE_WORDS_MAX = 6
_HAN_RE = re.compile(r"[\u4e00-\u9fff]+")


def subjects_before(norm: str, clause: Clause) -> list[str]:
    """The parts of an unbracketed clause's sentence before it, the clause read from a comma on,
    that are a unit's name and a few words (县政府统筹协调，县民政局具体负责。: 县政府统筹协调): a
    role in words no verb of a clause reads, the unit it names not read.  `norm` is the task's
    text normalised (offsets as printed)."""
    if clause.bracketed:
        return []
    lo = max(norm.rfind("。", 0, clause.start), norm.rfind("\n", 0, clause.start)) + 1
    before = norm[lo:clause.start].rstrip()
    if not before.endswith(","):
        return []
    out = []
    for part in before[:-1].split(","):
        part = part.strip()
        core = part[len(leading_function_word(part) or ""):]  # 由县政府统筹协调
        # the longest name it opens with, a few words after it
        end = next((k for k in range(len(core) - 1, max(1, len(core) - _ROLE_WORDS_MAX - 1), -1)
                    if reads_as_unit(core[:k]) is None and core[:k] not in ORG_ENDINGS), None)
        if end is not None and _HAN_RE.fullmatch(core[end:]) and prints_its_place(core[:end]) \
                and not names_roles(core[:end]):
            out.append(part)
    return out


def ends_in_label_list(norm: str) -> bool:
    """Does a line (normalised) end in a label's unit list, its sentence unclosed (配合单位：县财政局、
    县残联)?  A unit list on the next line then goes on with it."""
    stripped = norm.rstrip()
    if not stripped or len(stripped) > _CLAUSE_LINE_MAX or stripped.endswith(("。", ".")):
        return False
    last = None
    for last in LABEL_RE.finditer(stripped):
        pass
    if last is None or last.group("label") in DEADLINE_LABELS + OFFICIAL_LABELS:
        return False
    return _reads_as_list(stripped[last.end():])


def _unbracketed(text: str, norm: str, lo: int, hi: int, covered, strict) -> Clause | None:
    m = next((m for m in LABEL_RE.finditer(norm, lo, hi) if _after_boundary(norm, lo, _pair_start(norm, lo, m.start()))),
             None)
    if m is not None:
        starts = [_pair_start(norm, lo, m.start())]
    else:
        sentence = max(norm.rfind("。", lo, hi - 1), lo - 1) + 1
        # a clause closing its sentence after a comma (办好特殊教育学校，由县教育局牵头。 / …纳入低保，
        # 县民政局负责，县财政局配合。): 由 opens it, else the first part from which the rest reads
        # as one; what comes before is the task's prose, never a unit (县办好特殊教育学校)
        # (a sentence naming no verb of a clause has none: its parts are not tried)
        commas = [k + 1 for k in range(sentence, hi) if norm[k] == ","] \
            if "," in norm[sentence:hi] and _VERB_RE.search(norm, sentence, hi) else []
        by = [k for k in commas if norm.startswith("由", k)]
        starts = by[-1:] if by else [lo, sentence] + commas
    for start in dict.fromkeys(starts):  # the whole line first, then its last sentence, then its parts
        got = _candidate(text, norm, start, hi, covered, strict, labelled=m is not None)
        if got is not None:
            return got
    return None


def _pair_start(norm: str, lo: int, pos: int) -> int:
    """Where the labels of a pair begin whose last one is at `pos` (牵头单位/配合单位：), else `pos`."""
    if pos <= lo or norm[pos - 1] not in "/ ":
        return pos
    head = _PAIR_HEAD_RE.search(norm[max(lo, pos - 60):pos])
    return pos - len(head.group(0)) if head else pos


def _after_boundary(norm: str, lo: int, pos: int) -> bool:
    """Does a label at `pos` start a clause: the line's start, after a sentence or part, or a space?"""
    before = norm[lo:pos].rstrip()
    return not before or before[-1] in "。;,.!?" + DECORATION or norm[pos - 1] in " \t"


#: how a kind of body ends, printed alone no one body's name (学校, 机构, 企业, 部门, 单位 …)
_KIND_ENDINGS = ("学校", "机构", "企业", "部门", "单位", "组织", "合作社", "医院", "中心", "家庭", "协会")


def _named_bodies(parts: list[Part]) -> bool:
    """Does every unit list name bodies: a collective (各乡镇, 县直有关部门), a name opening with its
    region's level or name (县融媒体中心, 青山县人民医院), or a department's own name (民政局, 残联)?
    Not a kind printed alone (公办机构, 特殊教育学校, 龙头企业, 上级业务部门)."""
    for p in parts:
        if p.role in NOT_UNITS:
            continue
        names = split_unit_list(p.units)
        if names and (names[0][0] in LEVEL_CHARS or split_region_names(names[0])):
            continue  # 区委组织部、民政局、就业服务中心: the list's first name's region is each one's
        for name in names:
            if is_collective(name):  # 各乡镇, 县直有关部门
                continue
            if name.endswith(_KIND_ENDINGS) or classify_department(name) == "other":
                return False
    return True


def _all_units(parts: list[Part]) -> bool:
    """An unbracketed clause only where every unit list reads as organisations, each one body's name:
    a kind alone (政府为主，部门协同。 / 学校为主，家庭配合。 / 公办机构为主，民办机构支持。 / 龙头企业为主，
    合作社参与。: `_named_bodies`) is a slogan's word."""
    names = [split_unit_list(p.units) for p in parts if p.role not in NOT_UNITS]
    return all(names) and all(reads_as_unit(n) is None and n not in ORG_ENDINGS for ns in names for n in ns) \
        and _named_bodies(parts)


def _candidate(text: str, norm: str, start: int, hi: int, covered, strict, labelled: bool) -> Clause | None:
    inner = text[start:hi].strip()
    # `covered` is in printed order and its spans do not overlap (bracket_groups' top-level groups),
    # so the one span that could hold `start` and the first that could lie within the sentence are
    # found by bisection: asking every span for every candidate cost their product in a long task
    k = bisect_right(covered, (start, math.inf)) - 1
    if not inner or (k >= 0 and start < covered[k][1]) or len(inner) > 400:
        return None
    inner_start = start + (len(text[start:hi]) - len(text[start:hi].lstrip()))
    k = bisect_left(covered, (inner_start, -math.inf))
    if k < len(covered) and covered[k][1] <= hi:
        return None  # the sentence holds a bracketed clause already read
    # 由…组织实施 names its subject with 由: the verbs of prose read there too (由A会同B组织实施。)
    # (normalisation keeps offsets: `norm` holds `inner` normalised at the same place)
    verbs = _VERB_RE if norm.startswith("由", inner_start) else _SENTENCE_VERB_RE
    parts = _labelled(inner) if labelled else _verb_final(inner, verbs, norm[inner_start:inner_start + len(inner)])
    if not parts or (strict is not None and not strict(parts)):
        return None
    return Clause(inner_start, inner_start + len(inner), inner, parts, bracketed=False)


def find_clause(text: str) -> Clause | None:
    """The last bracketed clause of `text` (the one most plans print at the end of a task)."""
    clauses = [c for c in find_clauses(text) if c.bracketed]
    return clauses[-1] if clauses else None


def owner_names_supporters(clauses: Iterable[Clause]) -> bool:
    """Does a plan print 责任单位 (or units alone in a bracket) beside a lead marker in one clause
    (牵头单位：A；责任单位：B)?  Then that is what its 责任单位 means: the supporters, in every clause.
    A plan that marks leads only in other clauses ((A牵头，B配合) here, (责任单位：A、B) there) never
    says so: its 责任单位 names the units responsible, first-named first, as in a plan that marks
    no lead (else a task printing 责任单位 alone would have no lead, and no word said)."""
    return any({"lead", "owner"} <= {p.role for p in clause.parts} for clause in clauses)


class ClauseReader:
    """Reads the clauses of one plan's tasks into responsibilities, with the plan's convention for
    责任单位, adding a gap for every printed name that does not read as a unit."""

    def __init__(self, resolver: UnitResolver, owner_first: bool, gaps: list[Gap],
                 lead_marks: str = "", unordered: bool = False, first_noted: bool = False) -> None:
        self.resolver, self.owner_first, self.gaps = resolver, owner_first, gaps
        self.first_noted = first_noted  # the plan's note says a list's first-named leads (第一个为牵头单位)
        self.lead_marks = lead_marks  # the symbols the plan's note says mark a lead (带*的为牵头单位)
        self.unordered = unordered  # the plan's note says its lists' order means nothing (排名不分先后)

    @staticmethod
    def find(text: str) -> list[Clause]:
        """The clauses of a task's text (an unbracketed one only where every name reads as a unit)."""
        return find_clauses(text, _all_units)

    @staticmethod
    def sole(text: str) -> Clause | None:
        """The clause `text` is made of, alone (closing punctuation aside), or None: a clause
        printed as a paragraph of its own, not inside a task's sentence."""
        clauses = ClauseReader.find(text)
        if len(clauses) != 1 or text[:clauses[0].start].strip() or text[clauses[0].end:].strip(" 。.\u3000"):
            return None
        return clauses[0]

    def attach(self, task: Task, clauses: list[Clause], span_of: Callable[[int, int], Span]) -> None:
        """Read `task`'s clauses; `span_of(start, end)` locates an offset range of its text."""
        for clause in clauses:
            self.add(task, clause.parts, span_of(clause.start, clause.end))

    def add(self, task: Task, parts: Iterable[Part], span: Span) -> None:
        parts = list(parts)
        hint: str | None = None
        # 责任单位 beside a lead marker in the same clause always names supporters; beside supporters
        # alone (责任部门：A、B；协办单位：C, or a table's 责任单位 and 配合单位 columns) it plays the lead's
        # part, whatever the plan does elsewhere: every unit of it leads (A and B co-lead), unless the
        # plan's note says a list's first-named leads (第一个为牵头单位)
        roles = {p.role for p in parts}
        owner_first = (self.owner_first or "support" in roles) and "lead" not in roles
        co_lead = "support" in roles and "lead" not in roles and not self.first_noted
        owner_seen = False
        for part in parts:
            if part.role in NOT_UNITS:
                field_name = part.role  # Task.deadline / Task.official
                if not getattr(task, field_name):
                    setattr(task, field_name, _without_stray_close(" ".join(part.units.split())))
                continue
            refs, rejected = self.resolver.resolve_names(part.units, hint)
            for name, why in rejected:
                self.gaps.append(Gap(span.line, "unit-name", f"not read as a unit: {name!r} ({why})"))
            for printed, unit, _mark in refs:
                if (why := self.resolver.unplaced(printed, unit)) is not None:
                    self.gaps.append(Gap(span.line, "unit-name", why))
            refs = self._symbol_marks(refs, span)
            marked = any(mark for _, _, mark in refs)  # 区残联（牵头）、区民政局: the others support
            for k, (printed, unit, mark) in enumerate(refs):
                role = mark or ("support" if marked else part.role)
                if role == "owner" and (co_lead or self.unordered and owner_first):
                    role = "lead"  # 责任单位：A、B with 排名不分先后: each is responsible, none first
                elif role == "owner":
                    role = "lead" if owner_first and not owner_seen and k == 0 else "support"
                task.responsibilities.append(Responsibility(role, unit, span, printed))
            if part.role == "owner" and refs:
                owner_seen = True
            if refs and not refs[0][1].collective:
                first_prefix = self.resolver.prefix_of(refs[0][0])
                if first_prefix and first_prefix in "区市县旗":
                    hint = first_prefix
        _one_role_each(task)


    def _symbol_marks(self, refs, span: Span):
        """区民政局*: a lead where the plan's note says so (带*的为牵头单位); else the mark's meaning is
        not printed, so the unit keeps its list's role and the mark is a gap, never a guess."""
        out = []
        for printed, unit, mark in refs:
            if mark and mark.startswith("marked"):
                symbol = mark[-1]
                if symbol in self.lead_marks:
                    mark = "lead"
                else:
                    mark = None
                    self.gaps.append(Gap(span.line, "responsibility",
                                         f"unit marked {symbol!r} ({printed}): the plan does not say what "
                                         f"the mark means (带{symbol}的为牵头单位), so it is not read as a role"))
            out.append((printed, unit, mark))
        return out


def _one_role_each(task: Task) -> None:
    """A unit that leads a task does not also support it: (责任单位：县民政局、县财政局，县民政局牵头)
    names 县民政局 twice, once as one of the units responsible and once as their lead."""
    leads = {r.unit for r in task.responsibilities if r.role == "lead"}
    if leads:
        task.responsibilities[:] = [r for r in task.responsibilities if r.role == "lead" or r.unit not in leads]


#: a plan's note on the symbol that marks a lead: 带*的为牵头单位 / 注：标“★”者为牵头部门 / 加*号单位为牵头单位
_SYMBOL = r"[“\"'‘]?\s*[*＊★☆※△▲]\s*[”\"'’]?"
LEAD_MARK_NOTE_RE = re.compile(rf"[带标加有]\s*({_SYMBOL}(?:\s*[或和、/]\s*{_SYMBOL})*)\s*(?:号|符号|标志)?\s*"
                               r"(?:的|者)?\s*(?:单位|部门)?\s*(?:为|是)\s*牵头")


#: a plan's note that the order of a list of units means nothing (注：各项任务责任单位排名不分先后)
UNORDERED_NOTE_RE = re.compile(r"(?:单位|部门)[^。；;\n]{0,12}?(?:排名|排序|排列|顺序|名次)\s*不分先后")


#: a plan's note that the first unit of a list leads (注：责任单位中第一个为牵头单位 / 排在第一位的为牵头单位 /
#: 列首位的单位为牵头单位), as a table of one 责任单位 column prints it, under the table, in its title or
#: in the column's name (责任单位（第一个为牵头单位）)
FIRST_LEAD_NOTE_RE = re.compile(r"(?:第一(?:个|位|家|名)?|首位|首个|首家|最前(?:面)?)\s*(?:的|者)?\s*"
                                r"(?:单位|部门)?\s*(?:为|是)\s*牵头")


def is_role_note(text: str) -> bool:
    """Is a paragraph a note on how the plan prints roles (注：带*的为牵头单位; 责任单位排名不分先后;
    第一个为牵头单位)?  Read by `lead_marks`, `owners_unordered` and `owners_first_lead`, so no
    paragraph read into nothing."""
    return len(text) <= 80 and (LEAD_MARK_NOTE_RE.search(text) is not None
                                or UNORDERED_NOTE_RE.search(text) is not None
                                or FIRST_LEAD_NOTE_RE.search(text) is not None)


def owners_first_lead(text: str) -> bool:
    """Does the plan say the first unit of a list leads (责任单位中第一个为牵头单位)?  Then a 责任单位
    list's first-named leads and the rest support, also in a plan that prints 责任单位 beside a lead
    marker elsewhere (where it would name supporters alone)."""
    return FIRST_LEAD_NOTE_RE.search(text) is not None


def owners_unordered(text: str) -> bool:
    """Does the plan say the order of its units means nothing (责任单位排名不分先后)?  Then the first of
    a 责任单位 list is no lead: every unit of it is responsible, as (A、B按职责分工负责) says."""
    return UNORDERED_NOTE_RE.search(text) is not None


def lead_marks(text: str) -> str:
    """The symbols a plan's notes say mark a task's lead unit."""
    return "".join(dict.fromkeys(ch for m in LEAD_MARK_NOTE_RE.finditer(text) for ch in m.group(1)
                                 if ch in "*＊★☆※△▲"))


#: a numeral as a clause prints a task's number: 3, 12, 三, 十二
_TASK_NUM = r"(?:\d{1,3}|[一二三四五六七八九十百零〇两]{1,4})"
#: how numbers are listed (第1、2项, 第1和第2项) and ranged (第1—3项, 第1项至第3项)
_NUM_LIST = r"[、,和及与]"
_NUM_RANGE = r"[-—–~至到]"
#: the head of one part of a numbered assignment: 第1项 / 第1、2项 / 第1—3项 / 第一条 / 第1项至第3项
_ASSIGN_NUMS = rf"{_TASK_NUM}(?:(?:项|条)?\s*(?:{_NUM_LIST}|{_NUM_RANGE})\s*(?:第|任务)?{_TASK_NUM})*"
#: (or 任务1由… / 任务1、2由…: the tasks named by the word and their numbers)
_ASSIGN_HEAD = re.compile(rf"第({_ASSIGN_NUMS})\s*(?:项|条)(?:任务)?|任务\s*({_ASSIGN_NUMS})(?=\s*由)")
#: a short label before the parts (责任分工：, 任务分工：)
_ASSIGN_LEAD_IN = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]\s*")
_ASSIGN_SEPS = " ,，;；。.\t\u3000\n"


@dataclass
class Assigned:
    """One part of a numbered assignment: 第1、2项由县民政局牵头，县残联配合."""

    numbers: list[int] | None  # the task numbers it names, None where they do not read
    printed: str  # the part as printed, its head included
    start: int  # offsets of the part in the paragraph's text
    end: int
    parts: list[Part] | None  # its unit lists with their roles, None where they do not read
    above: int | None = None  # 以上任务由…: not numbers but the tasks printed above it (how many, once known)


#: a paragraph for the tasks printed above it: 以上任务由县残联牵头，县民政局配合。 / 上述各项工作由…负责
#: (本节任务由…: the section's tasks, all printed above it; 以上任务牵头单位：…；配合单位：…, labelled)
_ABOVE_RE = re.compile(r"(?:" + "|".join(GROUP_TOPICS + ("本节",)) + r")(?:各项|几项|[一二两三四五六七八九十\d]+项)?"
                       r"(?:重点)?(?:任务|工作|举措|措施)?(?:均)?(?:(?=由)|的?(?=" + _opening(_LABELS) + "))")


def group_assignment(text: str) -> list[Assigned] | None:
    """A paragraph that is wholly a clause for the tasks printed above it (以上任务由县残联牵头，
    县民政局配合。): one `Assigned` for them all, its `above` to be set by the caller to how many
    tasks it covers; None for any other paragraph.  Its units must read with a lead, as a numbered
    assignment's, or it is no such clause."""
    printed = text.strip(_ASSIGN_SEPS)
    norm = normalize(printed)
    if norm[:1] in "(【〔[" and norm[-1:] in ")】〕]" and bracket_groups(norm) == [(0, len(norm))]:
        printed, norm = printed[1:-1].strip(_ASSIGN_SEPS), norm[1:-1].strip(_ASSIGN_SEPS)  # （以上任务…）
    m = _ABOVE_RE.match(norm)
    if m is None or len(norm) > 200:
        return None
    body = printed[m.end():]
    parts = _verb_final(body.rstrip("。.")) if body.lstrip().startswith("由") else _labelled(body.rstrip("。."))
    if parts is None or not any(p.role in ("lead", "owner") for p in parts):
        return None
    return [Assigned(None, text.strip(_ASSIGN_SEPS), 0, len(text.strip(_ASSIGN_SEPS)), parts, above=0)]


def _task_numbers(printed: str) -> list[int] | None:
    """'1、2' -> [1, 2]; '1—3' -> [1, 2, 3]; '一至三' -> [1, 2, 3]; None for a range that runs
    backwards or a numeral that does not read."""
    tokens = re.findall(rf"{_TASK_NUM}|{_NUM_RANGE}", printed)
    out: list[int] = []
    ranged = False
    for tok in tokens:
        if re.fullmatch(_NUM_RANGE, tok):
            if not out or ranged:
                return None
            ranged = True
            continue
        value = cn_value(tok)
        if value is None or value == 0:
            return None
        if ranged:
            if value <= out[-1]:
                return None
            out.extend(range(out[-1] + 1, value + 1))
            ranged = False
        else:
            out.append(value)
    return out if out and not ranged else None


def numbered_assignment(text: str) -> list[Assigned] | None:
    """A paragraph that is wholly a clause assigning units to tasks by their printed numbers
    (责任分工：第1项由县民政局牵头，第2项由县财政局牵头。 / （第1项由…牵头，…配合；第2、3项由…负责）),
    one `Assigned` per part in printed order; None for any other paragraph.  Each part opens with
    第N项 (or 第N条) and its number list; a part whose units or numbers do not read is still a
    part (None in its place), so the caller can say so: the paragraph is an assignment by its
    form, and what it assigns must not go elsewhere."""
    norm = normalize(text)
    lo, hi = 0, len(norm.rstrip(_ASSIGN_SEPS))
    while lo < hi and norm[lo] in _ASSIGN_SEPS:
        lo += 1
    if lo < hi and norm[lo] in "(【〔[" and norm[hi - 1] in ")】〕]" and bracket_groups(norm[lo:hi]) == [(0, hi - lo)]:
        lo, hi = lo + 1, hi - 1
    lead_in = _ASSIGN_LEAD_IN.match(norm, lo, hi)
    if lead_in is not None and _ASSIGN_HEAD.match(norm, lead_in.end(), hi):
        lo = lead_in.end()
    if hi - lo > 400 or not _ASSIGN_HEAD.match(norm, lo, hi):
        return None  # most paragraphs: no 第N项 where the text starts
    heads = [m for m in _ASSIGN_HEAD.finditer(norm, lo, hi)
             if m.start() == lo or norm[m.start() - 1] in _ASSIGN_SEPS]
    if not heads or heads[0].start() != lo:
        return None
    out: list[Assigned] = []
    for k, m in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else hi
        body = text[m.end():end].strip(_ASSIGN_SEPS)
        part_end = m.end() + len(text[m.end():end].rstrip(_ASSIGN_SEPS))
        parts = _verb_final(body) if body.startswith("由") else None
        if parts is not None and not any(p.role == "lead" for p in parts):
            parts = None
        out.append(Assigned(_task_numbers(m.group(1) or m.group(2)), text[m.start():part_end], m.start(), part_end,
                            parts))
    if not any(a.parts for a in out):
        return None  # no part reads as units with a verb: prose that happens to open with 第1项
    return out
