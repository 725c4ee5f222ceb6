"""Lines and paragraphs of a plan text, as extraction from PDF/Word/HTML left them.

Extraction breaks paragraphs over short lines, leaves Word bookmark debris and mixes full- and
half-width punctuation.  This module undoes that without losing where anything came from: matching
happens on a width-normalised copy of the same length, and every block remembers its lines.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from policykg.loaders.ladder import (CN_HEADING_NUMERAL, HEADING_STYLES, Numbering, bullet, lone_number, numbering,
                                     starts_item)

# Full-width ASCII variants (！ to ～) map one-to-one onto ASCII, and the ideographic space onto a
# space, so a normalised string has exactly the length (and offsets) of the original.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
#: the runs of characters `_WIDTH` maps: str.translate looks each character of a Chinese text up in
#: the table, and a miss costs an exception; translating only these runs is 2-3 times faster
_WIDE_RUN_RE = re.compile("[\uff01-\uff5e\u3000]+")

BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]")

CN_DIGITS = "一二三四五六七八九十"
#: a chapter's and a section's heading, 一、 and （一）, their numeral also typed 壹、 （壹） (see `ladder`)
CHAPTER_RE = re.compile(rf"^([{CN_HEADING_NUMERAL}]{{1,3}})、\s*(.*)$")
SECTION_RE = re.compile(rf"^\(([{CN_HEADING_NUMERAL}]{{0,3}})\)\s*(.*)$")
ITEM_RE = re.compile(r"^(\d{1,3})\s*[.、](?![\d%])\s*(.*)$")
#: a 专栏 box's heading, on width-normalised text: 专栏1 title, 专栏 1：title, 专栏一 title, 专栏1-2 title,
#: and bracketed, 【专栏1 title】, 【专栏1】title, 〔专栏一〕title, [专栏1]title.  A Chinese numeral is
#: followed by a break (专栏一：, 专栏一 …), never by text (专栏十四五… is no box)
#: a box's heading: 专栏1 / 【专栏2】… / 专栏一：… / 专栏1-2 … / 专栏（1） / 专栏（一）, the word perhaps
#: letter-spaced (专 栏 1), or one that prints no number, where the word stands apart from a short
#: title with no sentence in it (【专栏】水污染防治重点工程, 专栏：…, 专栏　…, 专栏 alone): 专栏所列项目…
#: opens a sentence, no box
COLUMN_RE = re.compile(
    r"^(?:[【〔\[(]?\s*专 ?栏\s*(?:\(\s*(?=[\d一二三四五六七八九十]{1,3}\s*\)))?"
    r"(?:(?P<num>\d{1,3})|(?P<cn>[一二三四五六七八九十]{1,3})(?=[\s:、.】〕\])]|$))"
    r"(?P<sub>\s*[-－—–.]\s*\d{1,2})?\s*[】〕\])]?\s*[:、.]?\s*"
    r"|(?:[【〔\[]\s*专栏\s*[】〕\]]\s*:?\s*|专栏\s*(?::\s*|\s+|$))(?=[^。;；，,]{0,40}$))"
    r"(?P<title>.*?)\s*[】〕\]]?$")


def box_number(m: re.Match[str]) -> str:
    """The number of the box COLUMN_RE matched, in digits: 1 for 专栏1 and 专栏一, 1-2 for 专栏1-2."""
    no = m.group("num") or str(cn_number(m.group("cn")) or "")
    sub = m.group("sub")
    return no + ("-" + sub.strip(" -－—–.") if sub else "")
DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,8}\s*[〔\[(（【]\s*(?:19|20)\d{2}\s*[〕\])）】]\s*\d{1,4}\s*号")
DATE_CN_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
#: a date in Chinese numerals, as a notice is signed: 二〇二一年十二月一日
DATE_HANZI_RE = re.compile(r"([〇○零O0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*"
                           r"([一二三四五六七八九十]{1,3})\s*日")
#: a notice's 附注 under its date, saying how it is published (（此件公开发布）, （此件主动公开）):
#: a line of its own, never the start of the plan's title printed under it
NOTICE_NOTE_RE = re.compile(r"[（(]\s*此件[^（()）]{1,12}[)）]")
#: a web page's metadata line (来源：…　发布时间：…, 发文字号：…): a line of its own, in the head
WEB_META_RE = re.compile(r"\s*(?:信息来源|文章来源|来源|发布时间|发布日期|发布机构|发文机关|成文日期|发文字号|文\s*号|索引号|"
                         r"主题分类|浏览次数|点击数|访问量|作者)\s*[:：]")
#: a web page's breadcrumb (当前位置：首页 > 政务公开 > …, 首页 > 政策文件): where the page sits on
#: its site, never the plan's title nor a mention of its region
BREADCRUMB_RE = re.compile(r"^\s*(?:(?:当前|您的|你的|您现在的|你现在的|现在的|您所在的|所在)位置|当前页)\s*[:：]"
                           r"|^\s*首页\s*[>»›＞/]")
_DATED_SIGNATURE_RE = re.compile(r"\s(?:" + DATE_CN_RE.pattern + "|" + DATE_HANZI_RE.pattern + ")$")
TERMINAL = "。!?;:"  # after width normalisation
OPENERS = {"《": "》", "“": "”", "(": ")", "「": "」", "〔": "〕", "[": "]"}
#: a line this share of the page width long is full: extraction wrapped it
FULL_LINE = 0.9
#: a document is wrapped when this share of its lines have one length (of at least MIN_WRAP)
WRAPPED_SHARE = 0.3
MIN_WRAP = 12
TITLE_ENDINGS = ("规划", "规划》", "方案", "纲要", "通知", "意见稿)", "计划", "人民政府", "办公室", "办公厅",
                 "办公室文件", "人民政府文件", "委员会文件", "实施意见", "指导意见", "的意见", "工作要点")
#: the period (or draft note) a title closes with: 规划（2021—2025年）, 行动计划（2023-2025年）,
#: 实施方案（2023年）, 规划（征求意见稿）
_TITLE_PERIOD_RE = re.compile(r"\s*[（(](?:[\d〇零一二三四五六七八九\s—\-－–~～至到]*年度?|征求意见稿|送审稿|草案|讨论稿|试行|暂行|"
                              r"修订版?|修订稿|修正版?|(?:\d{4}年)?(?:修订|修正|版|修订版))[）)]$")
#: the most characters a title's period bracket takes
_PERIOD_MAX = 16


def ends_title(text: str) -> bool:
    """Does `text` end as a title does: its kind (规划, 方案, 通知…), or its kind and then its period
    in brackets (青山县残疾人事业发展规划（2021—2025年）)?"""
    if text.endswith(TITLE_ENDINGS):
        return True
    m = _TITLE_PERIOD_RE.search(text)
    return m is not None and text[:m.start()].endswith(TITLE_ENDINGS)


@lru_cache(maxsize=8192)  # the same paragraph is normalised by each reading of it
def normalize(text: str) -> str:
    """Width-normalise: full-width ASCII to ASCII (same length, same offsets)."""
    return _WIDE_RUN_RE.sub(_narrowed, text)


def _narrowed(m: re.Match[str]) -> str:
    return m.group().translate(_WIDTH)


def cn_number(numeral: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20; None for an empty or malformed numeral."""
    if not numeral:
        return None
    values = {c: i + 1 for i, c in enumerate(CN_DIGITS[:9])}
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (values.get(tens, 0) if tens else 1) * 10 + (values.get(ones, 0) if ones else 0)
    return values.get(numeral) if len(numeral) == 1 else None


@dataclass
class Line:
    no: int  # 1-based line number in the document
    clean: str  # debris removed, outer whitespace stripped
    norm: str  # width-normalised copy of `clean`
    indented: bool  # started with a tab (a table cell in flattened tables)
    #: tabs the printed line ended with: a row of tab-separated cells whose last cells are empty
    #: (序号	任务	县民政局	 with no supporter), which stripping `clean` drops
    tail_tabs: int = 0
    #: the spaces the printed line opened with (a text laid out as the page is, `pdftotext -layout`:
    #: where a table's cell starts, counted in characters)
    lead: int = 0
    #: the line opens a new page (a form feed starts it: pdftotext prints one at each page's top,
    #: and lays out each page's columns apart)
    page_break: bool = False
    #: the printed line ended in white space (a line wrapped at a space may keep it there)
    spaced_end: bool = False
    #: the line was a page's furniture (a page number, a running header), blanked: a page break
    #: inside a table, not the blank line that ends a row
    furniture: bool = False
    #: tabs the printed line opened with: a row of tab-separated cells whose first cells are empty
    #: (	2	加强康复服务	… under a 类别 printed once above it), which stripping `clean` drops
    head_tabs: int = 0


@dataclass
class Block:
    """A paragraph: one or more wrapped lines joined back together."""

    lines: list[Line]
    text: str
    norm: str
    #: the paragraph an item of an in-paragraph enumeration (一是……二是……) was split from: its first
    #: line (0: printed as a paragraph of its own)
    enumeration: int = field(default=0, kw_only=True)

    @property
    def first(self) -> int:
        return self.lines[0].no

    @property
    def last(self) -> int:
        return self.lines[-1].no


@dataclass
class ProjectRow(Block):
    """A row of a 专栏 box printed as a table (项目名称 | 建设内容 | …): one project of its box."""

    no: str = ""
    name: str = ""
    desc: str = ""
    period: str = ""  # its 建设年限 / 实施年限 cell, as printed


#: characters that print nothing: a soft hyphen (Word's optional hyphen), zero-width spaces and
#: joiners, a word joiner, a byte-order mark inside the text.  Left in, they split a unit's name
#: (区民\u00ad政局 is no known unit) or glue a stray character to the next one.
INVISIBLE_RE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")

#: radicals a PDF's font maps an ordinary character to (its glyph is the character's, so the page
#: reads 第一章 while the text layer holds 第⼀章): the Kangxi radicals (U+2F00-U+2FD5, each the
#: character NFKC gives) and those of the CJK radicals supplement printed as a whole character
#: (⻓ 长, ⻔ 门 ...).  Left in, no heading, number or unit name is read; each maps to one character,
#: so a line keeps its length.
RADICALS = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)}
RADICALS.update({ord(r): c for r, c in zip("⺟⺠⻄⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳",
                                             "母民西见角贝车长门青韦页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟")})


#: a text that holds any of them (str.translate over a Chinese text costs a miss per character:
#: looked for first, most texts hold none)
_RADICAL_RE = re.compile("[" + "".join(sorted(map(chr, RADICALS))) + "]")


def plain_characters(text: str) -> str:
    """`text` with the radicals a PDF font maps ordinary characters to read as those characters."""
    return text.translate(RADICALS) if _RADICAL_RE.search(text) else text


#: the spaces a line is typed letter-spaced with (a tab parts a table's cells: never one of them)
_LETTER_SPACES_RE = re.compile(r"[ \u3000\u00a0]+")
_ONE_HANZI_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
#: the longest line read as letter-spaced: a title or a heading, never a sentence
LETTER_SPACED_MAX = 60


def without_letter_spacing(text: str) -> str:
    """A title or heading typed letter-spaced, to spread it across the page (青 山 县 “十四五” 残 疾 人
    …规 划, 第二章　主　要　任　务, 二、主  要  任  务), without its spaces.  Left in, no title, chapter
    kind or unit is read from it: 主 要 任 务 is no task chapter, so its tasks were read under the
    wrong chapter kind.  A line is letter-spaced where most of its space-parted pieces are one
    Chinese character each (at least three): a list of unit names or a table row typed with spaces
    is not."""
    core = text.strip()
    if not core or len(core) > LETTER_SPACED_MAX or "\t" in core \
            or (" " not in core and "\u3000" not in core and "\u00a0" not in core):
        return text
    pieces = _LETTER_SPACES_RE.split(core)
    single = sum(1 for p in pieces if len(p) == 1 and _ONE_HANZI_RE.match(p))
    if len(pieces) < 4 or single < 3 or single < 0.6 * len(pieces):
        return text
    return "".join(pieces)


def make_lines(raw_lines: list[str]) -> list[Line]:
    out = []
    for i, raw in enumerate(raw_lines, 1):
        clean = plain_characters(INVISIBLE_RE.sub("", BOOKMARK_RE.sub("", raw)))
        indented = clean.startswith("\t")
        end = clean.rstrip("\r\n ")
        tail_tabs = len(end) - len(end.rstrip("\t")) if end.strip() else 0
        lead = len(clean.lstrip("\f")) - len(clean.lstrip("\f").lstrip(" \u3000"))
        head_tabs = len(clean) - len(clean.lstrip("\t")) if clean.strip() else 0
        clean = without_letter_spacing(clean.strip().strip("\u200b\ufeff").strip())
        out.append(Line(i, clean, normalize(clean), indented, tail_tabs if "\t" in clean else 0, lead,
                        raw.startswith("\f"), raw.rstrip("\r\n")[-1:] in (" ", "\u3000"),
                        head_tabs=head_tabs if "\t" in clean else 0))
    return out


def is_structure_start(norm: str) -> bool:
    """Does a line open a heading, a numbered item (any style of the ladder, or its number alone on
    the line) or a box?"""
    return bool(starts_item(norm) or lone_number(norm) or bullet(norm) is not None or COLUMN_RE.match(norm)
                or norm.startswith(("附件", "附表")))


def lost_numeral(norm: str) -> bool:
    """Does a line open with brackets holding nothing, ``()`` (a heading's numeral, or a word such as
    村（居）委会's 居, lost in extraction)?  After a line that fills the page's width it is the
    paragraph's own words wrapped there (…被监护人住所地的村 / ()委会…), no heading: a heading's
    number, lost or not, opens a paragraph, and a paragraph does not start after a full line."""
    n = numbering(norm)
    return n is not None and n.number is None


def is_heading(norm: str) -> bool:
    """A chapter, section or box heading standing alone (no sentence after it)."""
    if len(norm) > 40 or "。" in norm:  # the length first: a paragraph may be long
        return False
    n = numbering(norm)
    return bool((n is not None and n.style in HEADING_STYLES) or COLUMN_RE.match(norm))


def _topic_heading(norm: str) -> bool:
    """A heading naming its topic, no sentence's mark in it (()促进残疾人就业增收): where its numeral
    was lost, it still opens a paragraph after a full line; the rest of a sentence wrapped before
    brackets that lost their word (()委会或者相关部门提供临时生活照料，及时反馈) prints one."""
    return is_heading(norm) and not _SENTENCE_MARKS_RE.search(norm)


def _unbalanced(norm: str) -> bool:
    for o, c in OPENERS.items():
        if norm.count(o) > norm.count(c):
            return True
    return False


def _is_standalone(norm: str) -> bool:
    """Lines that end a paragraph although they carry no final punctuation."""
    stripped = norm.rstrip()
    if ends_title(stripped):
        return True
    if DATE_CN_RE.fullmatch(stripped) or DOC_NUMBER_RE.fullmatch(stripped) or DATE_HANZI_RE.fullmatch(stripped):
        return True
    if NOTICE_NOTE_RE.fullmatch(stripped.lstrip()):
        return True
    if len(stripped) < 40 and re.search(r"\d{4}-\d{1,2}-\d{1,2}", stripped):
        return True
    if len(stripped) < 40 and _DATED_SIGNATURE_RE.search(stripped):
        return True  # a signature with its date beside it: 青山县人民政府　2021年12月1日
    return False


#: the most lines a numbered item's title on lines of its own is wrapped over
_TITLE_LINES = 3
#: the marks of a sentence, each as printed and width-normalised (，；：！？ become , ; : ! ?): one
#: that ends it, those inside it (a clause's, a list's), and a label's colon
_FULL_STOPS = "。！？!?"
_CLAUSE_MARKS = "，,；;"
_LIST_MARK = "、"
_COLONS = "：:"


def _any_of(marks: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(marks)}]")


#: marks no title prints (a line printing one runs on into its text)
_TITLE_BREAK_RE = _any_of(_FULL_STOPS + _CLAUSE_MARKS + _COLONS)
#: what a line opening mid-sentence opens with (纳入区 / 、乡镇和村: a wrap before a mark)
_OPENS_MID_SENTENCE = frozenset("、，,。.；;：:）)》”’」")
#: and a list's 、: a title as long as the line, printing one, may go on (纳入区、 / 乡镇和村工作事项清单)
_FULL_TITLE_BREAK_RE = _any_of(_FULL_STOPS + _CLAUSE_MARKS + _COLONS + _LIST_MARK)


def prints_titles(lines: list[Line], width: int) -> frozenset[int]:
    """The items (their first lines' numbers) of the lists a document prints with their titles on
    lines of their own (1.完善低保制度 / 将符合条件的…) more often than run on into their text
    (1.完善低保制度。将…): a numbered line of such a list that fills the page, printing no comma or
    stop, is a title too (`joins`), not the first line of a paragraph whose title runs on to its
    first comma.  A list is the items of one numbering style counting on from one another: a 专栏's
    items numbered in the tasks' style, counting from 1 again among them, are a list of their own,
    and their titles run on whatever the tasks' do.  A list that shows neither way (its one title
    fills the page) goes the way most of its style's items do."""
    runs: list[list[int]] = []  # each list's items' line numbers
    own: list[int] = []  # per list: titles on lines of their own
    run_on: list[int] = []  # per list: titles run on into the text
    style_of: list[str] = []
    # (style, number) -> the lists whose last item it numbers, the latest last (a box's 3. after the
    # tasks' 3.: its 4. goes on the box, the next 4. on the tasks)
    last: defaultdict[tuple[str, int], list[int]] = defaultdict(list)
    for k, ln in enumerate(lines[:-1]):
        n = _titled_numbering(ln.norm) if ln.norm else None
        if n is None or n.number is None:
            continue
        before = last.get((n.style, n.number - 1))
        if before:
            r = before.pop()
        else:  # 1, or a number no list counts on to: a list of its own
            r = len(runs)
            runs.append([])
            own.append(0)
            run_on.append(0)
            style_of.append(n.style)
        last[(n.style, n.number)].append(r)
        runs[r].append(ln.no)
        if _TITLE_BREAK_RE.search(ln.norm):
            run_on[r] += 1
        elif not fills(ln, width) and lines[k + 1].clean and not is_structure_start(lines[k + 1].norm):
            own[r] += 1
    style_own: Counter[str] = Counter()
    style_run_on: Counter[str] = Counter()
    for r, style in enumerate(style_of):
        style_own[style] += own[r]
        style_run_on[style] += run_on[r]
    titled: set[int] = set()
    for r, style in enumerate(style_of):
        if style_own[style] < 3:
            continue  # too few titles on lines of their own to say the document prints them so
        if own[r] > run_on[r] or (own[r] == run_on[r] and style_own[style] > style_run_on[style]):
            titled.update(runs[r])
    return frozenset(titled)


def _title_breaks(norm: str) -> bool:
    """Does an item's line print, after its number (10、 is the number's), a mark no title as long as
    the line prints (`_FULL_TITLE_BREAK_RE`): a comma, a stop, a list's 、?"""
    n = _titled_numbering(norm)
    return _FULL_TITLE_BREAK_RE.search(norm, n.end if n is not None else 0) is not None


def _titled_numbering(norm: str) -> Numbering | None:
    """The numbering of an item (`starts_item`) printing a title after its number (not 1. alone on
    its line)."""
    n = numbering(norm)
    if n is None or (n.digit_follows and not starts_item(norm)) or not norm[n.end:].strip():
        return None
    return n


def is_item_title(prev: Block | Paragraph, width: int) -> bool:
    """A numbered item's title on a line of its own (1、巩固拓展脱贫攻坚成果), its text on the lines
    after: no sentence ends in it, it does not end mid-list, and it is shorter than the document's
    full lines, so it did not wrap (a wrapped line is as long as the page is wide), or wrapped and
    ended on a short line (a long title, printed from a PDF).  The number may stand alone on the line
    above its title (1. / 完善低保制度, 【1】 / 完善低保制度)."""
    if len(prev.lines) == 2 and len(prev.lines[0].norm) <= 8:
        n = numbering(prev.norm)  # a number alone on its line: it ends where the line does
        if n is None or n.end < len(prev.lines[0].norm) or not starts_item(prev.norm) \
                or len(prev.lines[1].norm) >= FULL_LINE * width:
            return False
        title = prev.lines[1].norm
    elif not 1 <= len(prev.lines) <= _TITLE_LINES or not starts_item(prev.norm) \
            or fills(prev.lines[-1], width) or not all(fills(ln, width) for ln in prev.lines[:-1]):
        return False  # a title that wrapped fills each line but its last, which is short
    else:
        title = prev.norm[numbering(prev.norm).end:]
    return bool(title) and "。" not in title and not title.endswith((",", "，", "、", ";", ":"))


#: the most a paragraph's first line is indented, in characters laid out (two full-width
#: characters, or four spaces): a line further in is set apart (centred), and does not fill the page
PARAGRAPH_INDENT = 4


def fills(line: Line, width: int) -> bool:
    """Is the line as long as the page is wide (so it wrapped, whatever it says)?  A paragraph's
    first line, indented (a text laid out as the page is, pdftotext -layout: two characters of
    GB/T 9704's indent printed as spaces), fills the page with its indent."""
    return len(line.norm) + min(line.lead, PARAGRAPH_INDENT) >= FULL_LINE * width


def _heading_wraps(prev: Block | Paragraph, line: Line, width: int) -> bool:
    """Does a heading go on on `line`?  Only if its last line is full; and where that line is a
    little short of the width (a heading may fill it by chance), only if `line` ends the heading
    (it is not full itself: a full line after a heading that ends there is the paragraph below)."""
    last = prev.lines[-1]
    return fills(last, width) and (len(last.norm) >= width or not fills(line, width))


#: does a line (its normalised text) open with a responsibility label (牵头单位：, 责任单位：…)?  The
#: labels are the responsibility reader's: the caller passes its test in
LabelTest = Callable[[str], bool]
#: does a line (normalised) end in a label's noun with no colon (牵头单位) whose list the next line
#: prints?  The responsibility reader's test, passed in as `LabelTest` is
LabelBreak = Callable[[str, str], bool]


@dataclass(frozen=True)
class JoinRules:
    """What joining a document's wrapped lines asks beyond the lines themselves, worked out once a
    document (a segment between its tables is joined by the whole document's): the page's width
    (`line_width`) and the margin its wrapped lines start at, laid out as the page is
    (`line_margin`); the items of the lists whose titles it prints on lines of their own
    (`prints_titles`); and the responsibility reader's tests, passed in (this module reads no
    clause).  `clause_line`: does a line open with a label?  `label_break`: does a line end in a
    label's noun whose list the next prints?  `names_apart`: do a line and the next print names of a
    list parted by white space on either side of the break (the space the text kept is kept)?
    `list_break`: does a line end a list of names parted by spaces, and the next open another (no
    space kept: a space then parts them)?"""
    width: int
    margin: int | None = None
    titled: frozenset[int] = frozenset()
    clause_line: LabelTest | None = None
    label_break: LabelBreak | None = None
    names_apart: LabelBreak | None = None
    list_break: LabelBreak | None = None

    @classmethod
    def of(cls, lines: list[Line], width: int | None = None, *, clause_line: LabelTest | None = None,
           label_break: LabelBreak | None = None, names_apart: LabelBreak | None = None,
           list_break: LabelBreak | None = None) -> JoinRules:
        """The rules of the document whose lines are `lines` (its width worked out if not given)."""
        width = line_width(lines) if width is None else width
        return cls(width, line_margin(lines, width), prints_titles(lines, width), clause_line, label_break,
                   names_apart, list_break)


def _indented_anew(para: Paragraph, line: Line, margin: int) -> bool:
    """In a text laid out as the page is (pdftotext -layout), does `line` open a paragraph by its
    indent: set in from the page's margin as far as the paragraph's first line (by a paragraph's
    indent, GB/T 9704's two characters), whose wrapped lines go on at the margin?  A task's title
    on a line of its own (  10）加强重大疫情中对残疾人的保护 /   在突发公共事件应急预案中…) then
    ends there, though no 。 ends it and it is nearly as long as the page."""
    first = para.lines[0].lead
    return (0 < first - margin <= PARAGRAPH_INDENT and line.lead == first
            and all(ln.lead < first for ln in para.lines[1:]))


def _goes_on_at_margin(para: Paragraph, line: Line, width: int, margin: int) -> bool:
    """In a text laid out as the page is, whose paragraph opened set in by its indent: does `line`
    go on at the margin after a line that fills the page?  It is the paragraph's wrapped line,
    though the line before ended a clause (…牵头； / 区委组织部…按照职能分工负责): a paragraph of its
    own would be set in."""
    return (0 < para.lines[0].lead - margin <= PARAGRAPH_INDENT and line.lead == margin
            and fills(para.lines[-1], width))


def line_margin(lines: list[Line], width: int) -> int | None:
    """Where a text laid out as the page is (pdftotext -layout) sets its wrapped lines: the indent
    most lines after a full line print (0, but in a page set in from the text's margin); a
    paragraph's first line is set further in.  None where no line wraps."""
    printed = [ln for ln in lines if ln.clean]
    leads = Counter(ln.lead for prev, ln in pairwise(printed) if fills(prev, width))
    return leads.most_common(1)[0][0] if leads else None


def joins(prev: Block | Paragraph, line: Line, rules: JoinRules, in_box: bool = False) -> bool:
    """Does `line` continue the paragraph `prev` (a wrapped line) rather than start a new one?
    `in_box`: the paragraph is in a 专栏 box, whose items are one paragraph each."""
    para = prev if isinstance(prev, Paragraph) else Paragraph.of(prev)
    width, margin, titled = rules.width, rules.margin, rules.titled
    clause_line, label_break = rules.clause_line, rules.label_break
    if line.indented or para.lines[-1].indented:
        return False
    if para.open_paren() and _CLOSING_NUMBER_RE.match(line.norm):
        return True  # 《无障碍设计规范（GB50763-2 / 012）》: the bracket left open closes, no item 12）
    if (is_structure_start(line.norm)
            and not (lost_numeral(line.norm) and fills(para.lines[-1], width) and not _topic_heading(line.norm))) \
            or is_item_title(para, width):
        return False
    if margin is not None and _indented_anew(para, line, margin):
        return False
    if len(para.lines) == 1 and para.lines[0].no in titled and fills(line, width) \
            and not _title_breaks(para.norm) and line.norm[:1] not in _OPENS_MID_SENTENCE and not para.unbalanced():
        return False  # a title as long as the line, no comma or list in it, and a full line of text under it
    if DOC_NUMBER_RE.fullmatch(line.norm.strip()) or DATE_CN_RE.fullmatch(line.norm.strip()) \
            or DATE_HANZI_RE.fullmatch(line.norm.strip()):
        return False  # a notice's 文号 (青政办发〔2021〕12号) and its date are lines of their own
    if WEB_META_RE.match(line.norm) or WEB_META_RE.match(para.lines[0].norm):
        return False  # 来源：…　发布时间：… is a line of its own, never the start of the title under it
    if len(para.lines) == 1 and _ANNEX_LABEL_RE.fullmatch(para.lines[0].norm.strip()):
        return False  # 附件 / 附件1： over the annex's title: a label of its own line, never the title's start
    if (para.is_heading() or is_heading(para.lines[0].norm)) and not _heading_wraps(para, line, width):
        return False  # a heading ends its line, unless the line is full: then the heading wrapped
    if para.tail(1) in _ENDS and not (margin is not None and _goes_on_at_margin(para, line, width, margin)):
        return False
    if opens_alike(para.lines[0].clean, line.clean):
        return False  # 最低生活保障  将…，应保尽保 / 残疾人信息消费优惠  对…: the next item, though the last ends with no 。
    if (in_box or not fills(para.lines[-1], width)) and colon_item(para.lines[0].clean) and colon_item(line.clean):
        # 最低生活保障：将…范围 / 残疾人信息消费优惠：对…: the next item, though the last ends with no 。
        # (outside a box only where the last line did not wrap: a wrap may fall before a word and colon)
        return False
    if label_break is not None and label_break(para.lines[-1].norm, line.norm):
        return False  # 牵头单位 / 县民政局: the break is the label's colon, as 牵头单位： ends a line
    if para.tail(1, stripped=True) in ")）" and _CLOSING_ASIDE_RE.search(para.tail(_ASIDE_TAIL, stripped=True)):
        return False  # 。（县残联负责）: a sentence and the aside that closes it end the paragraph
    if clause_line is not None and clause_line(para.lines[0].norm) and not fills(para.lines[-1], width):
        return False  # 责任单位：… on a line of its own ends there (the task's text may follow it)
    if para.unbalanced():
        return True  # inside 《…》 or “…”: a wrapped title or sentence
    if fills(para.lines[-1], width) and _MID_SENTENCE_RE.search(para.lines[-1].norm):
        # …，由区残联、区政府办公室 / 〈区大数据局〉牵头: a sentence or a list wrapped, whatever its last
        # word ends in (办公室 ends a signature's or a title's line too, never one that wrapped mid-list)
        return True
    # nor does one that fills the page in a paragraph of sentences (…。组织参加技能大赛 区政府办公室)
    return not para.is_standalone() or (fills(para.lines[-1], width)
                                        and any(_SENTENCE_MARKS_RE.search(ln.norm) for ln in para.lines))


#: a line opening with a number and a closing bracket (012）, 3)): an item's number, or the close of a
#: bracket the line before left open
_CLOSING_NUMBER_RE = re.compile(r"\s*\d{1,4}\s*\)")
#: marks inside a sentence or a list: a line printing one is no title's or signature's
_MID_SENTENCE_RE = _any_of(_CLAUSE_MARKS + _LIST_MARK)


#: a line opening with a name and a wide gap (two spaces or more, a full-width space): a box's item
#: printed "name  description" (最低生活保障  将符合条件的…)
_NAME_GAP_RE = re.compile(r"^\s*[^\s。，,；;：:]{2,40}?(?: {2,}|\u3000|\t)\S")


#: an item printed "name：description", whatever its name (残疾人信息消费优惠：对残疾人…), and the
#: words that end the name of a field, not of an item (建设内容：…, 实施主体：…, 牵头单位：…)
COLON_ITEM_RE = re.compile(r"^(?P<name>[^\s。，,；;：:（(]{4,30})\s*[：:]\s*(?P<desc>\S.*)$")
FIELD_WORDS = ("内容", "地点", "规模", "主体", "单位", "部门", "时间", "时限", "期限", "投资", "资金", "目标", "任务", "要求",
               "措施", "标准", "对象", "范围", "方式", "进度", "安排", "说明")


def colon_item(text: str) -> re.Match[str] | None:
    """`text` as a "name：description" item (not a field of one, not a numbered item), or None."""
    m = COLON_ITEM_RE.match(text.strip())
    return None if m is None or m.group("name").endswith(FIELD_WORDS) or starts_item(normalize(text.strip())) else m


def opens_alike(first: str, nxt: str) -> bool:
    """Does `nxt` open as the paragraph whose first line is `first` opened, with a name and a wide
    gap: the next of a list of "name  description" items printed without an indent (a box's, one
    item a paragraph), not the rest of the item before, however its last line ends."""
    return _NAME_GAP_RE.match(first) is not None and _NAME_GAP_RE.match(nxt) is not None


#: an annex's label printed alone above its title (附件, 附件1, 附件：, 附表2)
_ANNEX_LABEL_RE = re.compile(r"附[件表]\s*\d{0,2}\s*[:：]?")
#: a sentence closed by an aside in brackets (…补贴标准。（县残联负责）) ends its paragraph, as 。 does
_CLOSING_ASIDE_RE = re.compile(r"[。！？；][ \u3000]*[（(][^（()）。]{1,80}[)）]$")
_ASIDE_TAIL = 84
#: a paragraph ending in one of these ends there
_ENDS = frozenset(TERMINAL + "。！？；：")
#: marks a sentence prints and a title, a topic's heading or a signature does not
_SENTENCE_MARKS_RE = _any_of("。" + _CLAUSE_MARKS)
#: the most characters other than whitespace that DATE_CN_RE or DOC_NUMBER_RE match in full
_MOST_SOLID = 19
_LONGEST_ENDING = max(map(len, TITLE_ENDINGS))


class Paragraph:
    """A paragraph while its lines are joined: what `joins` asks of its normalised text (its length,
    its last characters, whether a bracket is open, the whole text only while it is short), kept up as
    lines are added, so that joining a line costs that line's length, not the paragraph's.  `block`
    joins the text once, when the paragraph ends (adding each line to a string copies the paragraph
    each time: quadratic for a paragraph that never ends, such as a data file or an unclosed 《)."""

    __slots__ = ("lines", "_texts", "_norms", "length", "_trail", "_solid", "_brackets")

    def __init__(self, lines: list[Line] | None = None) -> None:
        self.lines: list[Line] = []
        self._texts: list[str] = []
        self._norms: list[str] = []
        self.length = 0  # of the normalised text
        self._trail = 0  # whitespace at its end
        self._solid = 0  # characters that are not whitespace
        self._brackets = dict.fromkeys([*OPENERS, *OPENERS.values()], 0)
        for line in lines or ():
            self.add(line)

    @classmethod
    def of(cls, block: Block) -> Paragraph:
        """A block made some other way (its text need not be its lines' joined); read only."""
        para = cls()
        para.lines = block.lines
        para._texts.append(block.text)
        para._add_norm(block.norm)
        return para

    def add(self, line: Line) -> None:
        self.lines.append(line)
        self._texts.append(line.clean)
        self._add_norm(line.norm)

    def _add_norm(self, norm: str) -> None:
        self._norms.append(norm)
        self.length += len(norm)
        solid = sum(map(len, norm.split()))
        self._solid += solid
        stripped = len(norm.rstrip())
        self._trail = len(norm) - stripped if solid else self._trail + len(norm)
        for char in self._brackets:
            self._brackets[char] += norm.count(char)

    @property
    def norm(self) -> str:
        """The whole normalised text (its length's cost: for a short paragraph, or once at its end)."""
        if len(self._norms) > 1:
            self._norms[:] = ["".join(self._norms)]
        return self._norms[0] if self._norms else ""

    def block(self) -> Block:
        return Block(self.lines, "".join(self._texts), self.norm)

    def tail(self, k: int, stripped: bool = False) -> str:
        """The last `k` characters of the normalised text (of the text without its final whitespace)."""
        skip = self._trail if stripped else 0
        need, parts = k + skip, []
        for norm in reversed(self._norms):
            if need <= 0:
                break
            parts.append(norm[-need:])
            need -= len(parts[-1])
        text = "".join(reversed(parts))
        return text[:len(text) - skip][-k:] if k else ""

    def open_paren(self) -> bool:
        """Is a round bracket left open (more （ than ） so far, the one closing its own number, 29）, not
        counted)?"""
        numbered = bool(self.lines) and _CLOSING_NUMBER_RE.match(self.lines[0].norm) is not None
        return self._brackets["("] > self._brackets[")"] - numbered

    def unbalanced(self) -> bool:
        """`_unbalanced(self.norm)`: more of a bracket opened than closed."""
        return any(self._brackets[o] > self._brackets[c] for o, c in OPENERS.items())

    def is_heading(self) -> bool:
        """`is_heading(self.norm)`, which is False for any text over 40 characters."""
        return self.length <= 40 and is_heading(self.norm)

    def is_standalone(self) -> bool:
        """`_is_standalone(self.norm)`.  Of a paragraph of 40 characters or more, more than
        _MOST_SOLID of them not whitespace, no date or document number is all there is: only a
        title's ending, in its last few characters, can make it stand alone."""
        if self.length - self._trail < 40 or self._solid <= _MOST_SOLID:
            return _is_standalone(self.norm)
        return ends_title(self.tail(_LONGEST_ENDING + _PERIOD_MAX, stripped=True))


def line_width(lines: list[Line]) -> int:
    """The page width of a document whose lines were wrapped (extracted from a PDF: most lines are
    exactly as long, the width they were cut at, however long its tables' or boxes' rows are), or
    else the length most full lines have, where each paragraph is one line (the 90th percentile of
    the lines' lengths)."""
    lengths = sorted(len(ln.norm) for ln in lines if ln.norm)
    if not lengths:
        return 0
    cut, count = Counter(lengths).most_common(1)[0]
    if cut >= MIN_WRAP and count >= WRAPPED_SHARE * len(lengths):
        return cut
    most = lengths[int(len(lengths) * 0.9)]
    # shorter than any wrap: most lines are a table's cells, one a line (pdftotext's default and -raw
    # modes), and the longest line says the page's width
    return most if most >= MIN_WRAP else lengths[-1]


def bare_box_heading(norm: str) -> bool:
    """A box heading with no title after its number (专栏1, 【专栏1】): its title is the next line."""
    m = COLUMN_RE.match(norm)
    return m is not None and not m.group("title")


def _box_title(blocks: list[Block], para: Paragraph) -> bool:
    """Is `para` the title line printed under a bare box heading (专栏1 / 残疾人社会保障重点项目)?
    It ends on its line: the box's first item follows it."""
    return len(para.lines) == 1 and bool(blocks) and bare_box_heading(blocks[-1].norm) \
        and not starts_item(para.norm) and "。" not in para.norm


def make_blocks(lines: list[Line], rules: JoinRules | None = None) -> list[Block]:
    """Join wrapped lines into paragraphs; blank lines do not end a paragraph by themselves
    (PDF extraction puts them inside sentences), punctuation and structure do.  `rules`: the
    document's (`JoinRules`), worked out from `lines` alone if not given.  Where the text kept the
    space a list of names parted by spaces wrapped at (`names_apart`), or a list wrapped between two
    whole names (`list_break`), a space parts them in the paragraph."""
    blocks: list[Block] = []
    rules = JoinRules.of(lines) if rules is None else rules
    names_apart, list_break = rules.names_apart, rules.list_break
    para: Paragraph | None = None
    in_box = False  # since a box's heading, no other heading or numbered item
    for line in lines:
        if not line.clean:
            continue
        if para is not None and joins(para, line, rules, in_box) and not _box_title(blocks, para):
            last = para.lines[-1]
            if names_apart is not None and (line.lead or last.spaced_end) and names_apart(last.norm, line.norm) \
                    or list_break is not None and list_break(last.norm, line.norm):
                line = replace(line, clean=" " + line.clean, norm=" " + line.norm)
            para.add(line)
            continue
        if para is not None:
            blocks.append(para.block())
        para = Paragraph([line])
        if COLUMN_RE.match(line.norm):
            in_box = True
        elif in_box and is_structure_start(line.norm):
            in_box = False
    if para is not None:
        blocks.append(para.block())
    return blocks
