"""Plan metadata: title, region, issuer, dates, document number, period, draft status, cited
documents.

The covering notice (通知) carries the issuer, 文号 and date; a web page adds 发布日期; a draft says
征求意见稿; the preamble cites its legal basis in 《》.  Each is read from how it is printed, wherever
it appears near the top, so plans with no notice (a bare draft) still get what they state.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from policykg.loaders.reference import counties
from policykg.loaders.regions import ZONE_KINDS, is_zone, split_region_names, town_after, zone_after
from policykg.loaders.text import BREADCRUMB_RE, DATE_CN_RE, DATE_HANZI_RE, DOC_NUMBER_RE, Block, normalize

_NOTICE_TITLE_RE = re.compile(r"(?:关于)?印发\s*《(?P<t>[^《》]{4,80})》|现将\s*《(?P<t2>[^《》]{4,80})》")
#: a notice's title printing the plan's without 《》: 青山县人民政府关于印发青山县“十四五”…规划的通知
#: what a notice issues of the document it names, printed after its 《》 (关于印发《…规划》重点任务分工方案的
#: 通知, 《…》实施细则): a document of its own, titled so
_PART_OF_RE = re.compile(r"(?P<part>[^《》，。,、和及与]{0,16}(?:分工方案|分工|任务清单|清单|细则|实施方案|行动方案|"
                         r"办法|台账|分解表|方案|计划))\s*的\s*通知")
_BARE_NOTICE_TITLE_RE = re.compile(r"关于印发(?P<t>[^《》，。,]{4,80}?)的通知")
_PLAN_WORDS = ("规划", "实施方案", "方案", "纲要", "行动计划", "计划")
#: kinds (文种) of the plan family a title ends with, not only contains (意见 is in 征求意见稿):
#: 关于…的实施意见, 2022年全县残疾人工作要点, and a 办法 or 规定 setting out measures by articles
#: (青山县残疾人就业创业扶持办法; 办法 is in 具体办法如下：)
_ENDING_WORDS = ("意见", "要点", "办法", "规定", "细则")
#: a title of the form 关于…的实施意见: the issuer, when printed, stands before 关于
_ABOUT_TITLE_RE = re.compile(r"关于.{2,60}的[\u4e00-\u9fff]{0,6}(?:意见|要点|规划|方案|计划|纲要|办法|规定|细则)")
#: brackets closing a title: its period or draft note （2021—2025年） （征求意见稿）, matched on the
#: reversed text from its start (see _without_trailing_brackets)
_TRAILING_BRACKETS_REVERSED_RE = re.compile(r"(?:\s*[)）][^（()）]*[（(])+")
#: the one year an annual plan's title names: 2022年全县残疾人工作要点, 青山县2022年度工作计划
#: (not 到2025年, 2025年前, 2035年远景目标)
_ANNUAL_RE = re.compile(r"(?<![到至\d])((?:19|20)\d{2})\s*年度?(?![前底末\d]|以前|远景|修订|修正|版)")
_DATE_VALUE = (r"\s*[:：]?\s*(?:((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})|"
               r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)")
_PUBLISHED_RE = re.compile(r"(?:发布日期|发布时间|出刊日期|公开日期)" + _DATE_VALUE)
#: a web page's 成文日期 is the date the notice was signed: its issue date, not its publication
_WRITTEN_RE = re.compile(r"成文日期" + _DATE_VALUE)
_NUMBER_LABEL_RE = re.compile(r"(?:发文字号|文\s*号)\s*[:：]\s*(?P<n>\S+)")
_FIVE_YEAR_RE = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?|第十([一二三四五六七八九])个五年")
_EXPLICIT_PERIOD_RE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~～至到]+\s*((?:19|20)\d{2})\s*年")
#: the period on a line of its own under the title: （2021—2025年）, 2021年—2025年
_PERIOD_LINE_RE = re.compile(r"[(（]?\s*" + _EXPLICIT_PERIOD_RE.pattern + r"\s*[)）]?")
_CITED_RE = re.compile(r"《([^《》]{2,80})》")
_DRAFT_RE = re.compile(r"征求意见稿|送审稿|草案|讨论稿")
#: a region's government: its 人民政府, or the 行政公署 that governs a 盟 or a 地区 (锡林郭勒盟行政公署
#: 办公室, 阿里地区行政公署), or a subdistrict's 办事处 (常庄街道办事处)
#: (or its 政府, as a region's government is also printed, 青山县政府, 白沙镇政府: the same body, named
#: in full, 青山县人民政府, as the issuer: `full_government_name`)
_GOVERNMENT_RE = re.compile(r"(?P<region>[\u4e00-\u9fff]{2,30}?)(?:人民政府|政府|行政公署|(?<=街道)办事处)(?:办公室|办公厅)?")
#: a government printed by 政府 alone (青山县政府办公室)
_SHORT_GOVERNMENT_RE = re.compile(r"(?<!人民)政府(?=(?:办公室|办公厅)?$)")


def full_government_name(name: str) -> str:
    """青山县政府 -> 青山县人民政府, 白沙镇政府办公室 -> 白沙镇人民政府办公室: a government printed by 政府
    alone is its 人民政府 (one body, named once); any other name unchanged."""
    return _SHORT_GOVERNMENT_RE.sub("人民政府", name) if _GOVERNMENT_RE.fullmatch(name) else name
#: how the name of a body (an issuer printed before another, jointly) ends, and words that open no
#: region's name
_BODY_ENDINGS = ("委", "办公室", "办公厅", "政府", "部", "局", "会", "院")
_BODY_WORDS = ("办公", "公室", "室", "厅", "员会")
#: a zone's governing body: its 管委会 (管理委员会), perhaps its office
_ZONE_BODY_RE = re.compile(r"(?P<zone>[\u4e00-\u9fff]{2,30}?)(?:管委会|管理委员会)(?:办公室)?")
_BODY_RE = re.compile(r"[\u4e00-\u9fff]{1,16}?(?:联合会|委员会|局)")
CN_NUMERALS = "一二三四五六七八九"
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0, "0": 0}
#: a date printed in Chinese numerals, as a notice is signed: 二〇二一年十二月一日
_DATE_ISO_RE = re.compile(r"((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})")


def _hanzi_number(text: str) -> int | None:
    """十 -> 10, 十二 -> 12, 二十 -> 20, 三十一 -> 31, 七 -> 7."""
    if "十" not in text:
        return _CN_DIGIT.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    t = _CN_DIGIT.get(tens, -1) if tens else 1
    o = _CN_DIGIT.get(ones, -1) if ones else 0
    return None if t <= 0 or o < 0 else 10 * t + o


def signed_date(norm: str) -> date | None:
    """The date a line that is only a date prints: 2021年12月1日, 二〇二一年十二月一日, 2021-12-01."""
    text = norm.strip()
    m = DATE_CN_RE.fullmatch(text)
    if m:
        return _date(*m.groups())
    m = _DATE_ISO_RE.fullmatch(text)
    if m:
        return _date(m.group(1), m.group(3), m.group(4))
    m = DATE_HANZI_RE.fullmatch(text)
    if m:
        year = "".join(str(_CN_DIGIT[c]) for c in m.group(1))
        month, day = _hanzi_number(m.group(2)), _hanzi_number(m.group(3))
        if month is not None and day is not None:
            return _date(year, str(month), str(day))
    return None


@dataclass
class Metadata:
    title: str = ""
    title_block: Block | None = None
    issuer: str = ""
    doc_number: str = ""
    issued: date | None = None
    published: date | None = None
    period: tuple[int, int] | None = None
    draft: bool = False
    cited: list[tuple[str, Block]] = field(default_factory=list)
    #: a notice forwarding the plan (青山县人民政府办公室转发县残联关于…的通知): its block, and the body it
    #: names as the plan's issuer (县残联), where the plan's own notice is printed nowhere under it
    forwarded_by: Block | None = None
    forwarded_of: str = ""
    #: the region a title prints in brackets, in it or on a line of its own under it (…规划（青山县）)
    bracketed_region: str = ""
    #: the bodies that issue the plan with its issuer (联合印发: 青山县残疾人联合会　青山县发展和改革委员会)
    co_issuers: list[str] = field(default_factory=list)


def _date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


#: a web page's field naming who published the page (来源：包头市人民政府, 发布机构：…): the site's
#: owner, which may be the city above the plan's county, not a name the plan prints
_SITE_FIELD_RE = re.compile(r"(?<![\u4e00-\u9fff])(?:信息来源|文章来源|来源单位|来源|发布机构)\s*[:：]\s*[^\s:：|，,]+")


def without_site_names(text: str) -> str:
    """The document's text without what names the site that published it (its 来源 and 发布机构
    fields, its breadcrumb): the region above a plan's county is read from the plan's own text."""
    lines = [ln for ln in text.split("\n")
             if not (("位置" in ln or "首页" in ln or "当前页" in ln) and BREADCRUMB_RE.match(normalize(ln)))]
    return _SITE_FIELD_RE.sub("", "\n".join(lines))


def five_year_period(ordinal: int) -> tuple[int, int]:
    """The n-th five-year plan's years (from the 3rd, 1966-1970, they are consecutive)."""
    start = 1966 + 5 * (ordinal - 3)
    return start, start + 4


def _names_region(text: str) -> bool:
    """Does `text` name a division and nothing else: 青山县, 兰州市西固区, or a town-level one's name,
    after its county's or alone (青山县白沙镇, 常庄街道)?"""
    names = split_region_names(text)
    if bool(text) and "".join(names) == text:
        return True
    town = town_after(text, names)
    return town is not None and "".join(names) + town[0] == text


#: a title opening with the body whose plan it is, before its years or its five-year ordinal
_TITLE_ISSUER_RE = re.compile(r"^(.{4,30}?)(?=20\d\d|“|\"|十[三四五]五)")


#: the note a signature prints for its seal: （盖章）, （印章）, or the sealing body's name in it
#: (（青山县人民政府盖章）)
_SEAL_RE = re.compile(r"[（(](?P<by>[^（()）]{0,30}?)(?:盖章|印章|公章|签章|章)[)）]$")


def without_seal(text: str) -> str:
    """A signature line less its seal note: 青山县残联（盖章） -> 青山县残联, （青山县人民政府盖章） ->
    青山县人民政府, （盖章） -> ''."""
    m = _SEAL_RE.search(text)
    return text[:m.start()] + m.group("by") if m else text


def issuer_name(line: str) -> str:
    """The issuing body a notice's signature line (or its title's opening) names: a region's
    人民政府 (办公室), or its 残联, 残工委 or bureau (青山县残疾人联合会), less its seal note
    (青山县残疾人联合会（盖章）).  Issued jointly (中共青山县委　青山县人民政府, on one line or two joined),
    the government issues; by two bodies (青山县残疾人联合会　青山县发展和改革委员会), the first printed,
    the lead (主办) body (`joint_issuers` names them all); a line that names no region in full before
    its body is no issuer ('' ), never a run of two bodies read as one (中共青山县委青山县人民政府)."""
    bodies = joint_issuers(line)
    return bodies[0] if bodies else ""


def joint_issuers(line: str) -> list[str]:
    """Each body a signature line (or a title's opening) names as its issuer: one, or, issued
    jointly by bodies each named in full (青山县残疾人联合会　青山县发展和改革委员会, apart or run
    together), each in order; the government alone where it signs with the Party committee."""
    text = without_seal(re.sub(r"\s+", "", line))
    parts = [part for p in line.split() if (part := without_seal(p))]  # (a seal note apart: no body)
    if len(parts) > 1 and all(_one_issuer(p) == p for p in parts):
        return parts
    whole = _one_issuer(text)
    if whole and whole == text:
        for k in range(4, len(text) - 3):  # two bodies run together: each one in full
            if text[:k].endswith(_BODY_ENDINGS) and _one_issuer(text[:k]) == text[:k] \
                    and _one_issuer(text[k:]) == text[k:]:
                return [text[:k], text[k:]]
    return [whole] if whole else []


def _one_issuer(text: str) -> str:
    for m in _GOVERNMENT_RE.finditer(text):
        if m.end() != len(text):
            continue
        region = m.group("region")
        for i in range(len(region)):  # the government of the region its name ends with
            # ...which starts where the body named before it ends (中共青山县委办公室　青山县人民政府
            # 办公室: 青山县, never 办公室青山县)
            if _names_region(region[i:]) and (i == 0 or region[:i].endswith(_BODY_ENDINGS)) \
                    and not region[i:].startswith(_BODY_WORDS):
                return text[m.start() + i:]
    m = _ZONE_BODY_RE.fullmatch(text)
    for i in range(len(m.group("zone")) - 1) if m is not None else ():
        # a zone's 管委会 (宜昌高新区管委会, 青山县经济开发区管理委员会, 苏州工业园区管委会: a division so
        # named), its government, printed alone or after another body (中共宜昌高新区工委　宜昌高新区管委会)
        zone = m.group("zone")[i:]
        if i and not m.group("zone")[:i].endswith(_BODY_ENDINGS):
            continue
        names = split_region_names(zone)
        named = names and "".join(names) == zone and (
            is_zone(names[-1]) or (names[-1].endswith(ZONE_KINDS) and names[-1] in counties()))
        if named or zone_after(zone + "管委会", names) is not None:
            return text[i:]
    for i in range(len(text)):
        names = split_region_names(text[i:])
        rest = text[i + len("".join(names)):]
        if names and _BODY_RE.fullmatch(rest) and "人民政府" not in rest and not split_region_names(rest):
            return text[i:] if i == 0 else ""
    return ""


def _without_trailing_brackets(text: str) -> str:
    """`text` less the bracketed groups closing it (and the spaces after each).  Read from the end:
    a forward search for groups before the end tried every group of a line of many groups not at
    its end and read on to that end each time, quadratic in the line's length."""
    m = _TRAILING_BRACKETS_REVERSED_RE.match(text[::-1])
    return text[:len(text) - m.end()] if m else text


def is_plan_title(norm: str) -> bool:
    """A line that is the title of a plan-family document: 青山县“十四五”残疾人事业发展规划,
    …实施方案, …行动计划（2021—2025年）, 2022年全县残疾人工作要点, (青山县人民政府)关于…的实施意见."""
    text = norm.strip()
    core = _without_trailing_brackets(text).strip()
    if text.startswith("关于") and not _ABOUT_TITLE_RE.fullmatch(core):
        return False  # a sentence or a notice's title, not 关于…的意见
    return (4 <= len(text) <= 70 and "。" not in text and not text.startswith(("现将", "为"))
            and "通知" not in text and "印发" not in text and not BREADCRUMB_RE.match(text)
            and (any(w in text for w in _PLAN_WORDS) or core.endswith(_ENDING_WORDS)))


def names_the_plan(norm: str) -> bool:
    """Does a line give the plan's title: a title line, or its covering notice's title
    (关于印发《…》的通知, 关于印发青山县…规划的通知)?"""
    if is_plan_title(norm):
        return True
    text = norm.strip()
    if len(text) > 120 or "。" in text or BREADCRUMB_RE.match(text):
        return False
    m = _NOTICE_TITLE_RE.search(text) or _BARE_NOTICE_TITLE_RE.search(text)
    return m is not None and any(w in next(t for t in m.groupdict().values() if t) for w in _PLAN_WORDS)


def _strip_draft(title: str) -> str:
    return re.sub(r"[（(][^（()）]*(?:征求意见稿|送审稿|草案|讨论稿)[^（()）]*[)）]\s*$", "", title).strip()


def _index_in(head: list[Block], block: Block | None) -> int | None:
    """The index of the block of `head` that `block` is (or ends as: a title less its letterhead)."""
    if block is None:
        return None
    return next((i for i, b in enumerate(head) if b is block or b.last == block.last), None)


def _without_letterhead(block: Block) -> Block:
    """A title joined to the issuer's name printed alone on the line above it (the letterhead:
    云山市乡村振兴局 / 云山市“十四五”…实施方案) is the title of the lines after that line."""
    first = block.lines[0]
    rest = block.lines[1:]
    if not rest or issuer_name(first.norm) != re.sub(r"\s+", "", first.norm):
        return block
    text = "".join(ln.clean for ln in rest)
    return Block(rest, text, normalize(text)) if is_plan_title(normalize(text)) else block


def _signature_after_text(body: list[Block], md: Metadata) -> None:
    """The issue date (and issuer, where none is read yet) a document issued without a covering
    notice prints in its signature, after its text (an 实施意见, a 方案: 青山县人民政府 / 2022年3月1日):
    the first date alone on its line under an issuer's name, or beside it."""
    for i, b in enumerate(body):
        parts = b.norm.split()
        beside = "".join(parts[:-1]) if len(parts) > 1 else ""
        when = signed_date(parts[-1] if beside else b.norm) if parts else None
        if when is None:
            continue
        signer = beside or (body[i - 1].norm if i > 0 else "")
        name = issuer_name(signer)
        if name:
            md.issued = when
            if not md.issuer:
                md.issuer = name
                md.co_issuers = joint_issuers(signer)[1:]
            return
        if _SEAL_RE.fullmatch(re.sub(r"\s+", "", signer)):
            md.issued = when  # （盖章） over the date: the seal is the signature, its body unprinted
            return


def _without_annex_list(head: list[Block]) -> list[Block]:
    """The blocks before the body less a notice's list of annexes (附件：1.青山县…规划 / 2.…分工表), which
    names the plan but is no title line."""
    out: list[Block] = []
    listing = False
    for b in head:
        listing = b.norm.startswith("附件") or (listing and re.match(r"\s*\d{1,2}\s*[.、．]", b.norm) is not None)
        if not listing:
            out.append(b)
    return out


_BRACKETED_RE = re.compile(r"[（(]([^（()）]{2,30})[)）]")
#: a notice forwarding another body's document (转发): 青山县人民政府办公室转发县残联关于…的通知,
#: 关于转发《枣庄市…规划》的通知
_FORWARD_TITLE_RE = re.compile(r"^[^，。；]{0,60}转发(?P<rest>[^，。；]{4,100})的通知$")


#: the title of a notice issuing or forwarding a document (关于印发…的通知, 青山县残联关于…的通知)
_NOTICE_OPENING_RE = re.compile(r"^[^，。；]{0,40}?关于[^，。；]{2,100}的(?:通知|决定|意见)$")


def _forwarding_notice(head: list[Block]) -> tuple[int, int | None, str] | None:
    """A notice forwarding the plan printed at the top (转发): (its title's index, the index of its
    signature's date, else None, and the body it names as the document's issuer: 县残联 of 转发县残联
    关于…, '' where it names none, 转发《…》)."""
    for i, b in enumerate(head):
        m = _FORWARD_TITLE_RE.match(re.sub(r"\s+", "", b.norm))
        if m is None or not any(w in m.group("rest") for w in _PLAN_WORDS + _ENDING_WORDS):
            continue
        rest = m.group("rest")
        # the body named before 关于 or the document's 《》 (转发县残联关于…, 转发县残联《…》)
        of = rest[:min(rest.find(w) if w in rest else len(rest) for w in ("关于", "《"))]
        of = "" if of == rest else of
        # the forwarder's signature, if it prints one, before the forwarded notice's own title (关于印发…
        # 的通知, or its issuer over it): an unsigned forward (a web page's) ends where that title starts
        title = next((k for k in range(i + 1, len(head)) if _NOTICE_OPENING_RE.match(re.sub(r"\s+", "", head[k].norm))), None)
        signed = [k for k in range(i + 1, title if title is not None else len(head)) if _signed(head[k].norm)]
        end = signed[0] if signed else (title - 1 if title is not None else None)
        if end is not None and title is not None and end < title - 1 and issuer_name(head[title - 1].norm):
            end = min(end, title - 2)  # (the issuer's line over its title belongs to the forwarded notice)
        return i, end, of
    return None


def _signed(norm: str) -> bool:
    """Is a line a signature's date, alone or beside its signer (青山县人民政府办公室　2022年3月5日)?"""
    parts = norm.split()
    if not parts:
        return False
    signer, when = ("".join(parts[:-1]), parts[-1]) if len(parts) > 1 else ("", norm)
    return signed_date(when) is not None and (not signer or bool(issuer_name(signer)))


#: a title's quote marks printed before it, apart from its words (pdftotext -raw prints a line's
#: glyphs of another font apart: “ ” over 青山县 十四五 残疾人事业发展规划)
_MARKS_APART_RE = re.compile(r"(?P<marks>[“”‘’](?:\s*[“”‘’])*)\s*(?P<words>[^\s“”‘’]+(?: [^\s“”‘’]+)+)")


def _quotes_put_back(title: str) -> str:
    """A title printed with its quote marks apart, before it, and a space where each stood: the marks
    put back in their places, in order (青山县“十四五”残疾人事业发展规划).  Only where there are as many
    spaces as marks, the marks paired (“ then ”)."""
    m = _MARKS_APART_RE.fullmatch(title.strip())
    if m is None:
        return title
    marks = [c for c in m.group("marks") if not c.isspace()]
    words = m.group("words").split(" ")
    if len(words) - 1 != len(marks) or "".join(marks).replace("“”", "").replace("‘’", ""):
        return title
    return words[0] + "".join(mark + word for mark, word in zip(marks, words[1:]))


def read_metadata(blocks: list[Block], body_start: int) -> Metadata:
    """Read metadata from the blocks before `body_start` (index of the first chapter heading),
    plus the preamble that follows the title."""
    md = Metadata()
    head = blocks[:body_start]
    # title: the notice's 《…》 is the most reliable, then a standalone title line
    for b in head:
        m = _NOTICE_TITLE_RE.search(b.text)
        if m:
            md.title = (m.group("t") or m.group("t2")).strip()
            md.title_block = b
            part = _PART_OF_RE.match(b.text, m.end()) if m.group("t") else None
            if part:
                # 关于印发《…规划》重点任务分工方案的通知: the notice issues the plan's 分工方案, not the plan
                md.title = b.text[m.start("t") - 1:part.end("part")].strip()
            break
    standalone = [_without_letterhead(b) for b in _without_annex_list(head) if is_plan_title(b.norm)]
    if standalone:
        if not md.title:
            # a title line printed in 《》 is the plan's title without them
            md.title = _strip_draft(re.sub(r"^《([^《》]+)》$", r"\1", standalone[0].text.strip()))
            md.title_block = standalone[0]
    if not md.title:
        for b in head:
            m = _BARE_NOTICE_TITLE_RE.search(b.text)
            if m and (any(w in m.group("t") for w in _PLAN_WORDS) or m.group("t").endswith(_ENDING_WORDS)):
                md.title = m.group("t").strip()
                md.title_block = b
                break
    # a draft says so on its cover or title (（征求意见稿）, a line 草案 of its own), not in a sentence
    # (规划草案经县人民政府常务会议审议通过。 is a finished plan's preface)
    md.draft = any(_DRAFT_RE.search(b.text) and "。" not in b.text for b in head[:12]) \
        or bool(_DRAFT_RE.search(md.title))
    md.title = _quotes_put_back(md.title)
    # a PDF's text layer sets a digit apart from the character after it (2024 年工作要点): one word
    md.title = re.sub(r"(?<=\d)[ \u3000]+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ \u3000]+(?=\d)", "",
                      _strip_draft(md.title))
    # issue date, issuer, document number: standalone lines of the covering notice; under a notice
    # forwarding the plan (转发), the plan's own notice printed after it, never the forwarder's (its
    # issuer, 文号 and date are another document's)
    own = head
    forward = _forwarding_notice(head)
    if forward is not None:
        start, end, of = forward
        own = head[end + 1:] if end is not None else []
        md.forwarded_by = head[start]
        md.forwarded_of = of
    for i, b in enumerate(own):
        if not md.doc_number and DOC_NUMBER_RE.fullmatch(b.norm.strip()):
            md.doc_number = b.text.strip()
        if md.issued is None:
            # the date under the signature, or beside it (青山县人民政府　2021年12月1日)
            parts = b.norm.split()
            signer, when = ("".join(parts[:-1]), parts[-1]) if len(parts) > 1 else ("", b.norm)
            signed = signed_date(when) if not signer or issuer_name(signer) else None
            if signed is not None:
                md.issued = signed
                for prev in ([b] if signer else []) + list(reversed(own[max(0, i - 3):i])):
                    name = issuer_name(signer if prev is b else prev.norm)
                    if name:
                        md.issuer = name
                        break
        if md.issued is None:
            m = _WRITTEN_RE.search(b.norm)
            if m:
                g = m.groups()
                md.issued = _date(*g[:3]) if g[0] else _date(*g[3:])
        if not md.doc_number:
            m = _NUMBER_LABEL_RE.search(b.norm)
            if m and DOC_NUMBER_RE.fullmatch(m.group("n")):
                md.doc_number = b.text[m.start("n"):m.end("n")]
    for b in head:  # the page's publication, whichever notice it prints first
        m = _PUBLISHED_RE.search(b.norm)
        if m:
            g = m.groups()
            md.published = _date(*g[:3]) if g[0] else _date(*g[3:])
            break
    if md.issued is None:
        _signature_after_text(blocks[body_start:], md)
    if not md.issuer:
        for i, b in enumerate(own):
            m = re.match(r"^(.{2,40}?)(?:关于印发|印发)", b.norm.strip())
            if m and issuer_name(m.group(1)):
                md.issuer = issuer_name(m.group(1))
                break
            if i > 0 and b.norm.strip().startswith("关于") and names_the_plan(b.norm) \
                    and issuer_name(own[i - 1].norm) == re.sub(r"\s+", "", own[i - 1].norm):
                # the notice's title printed over two lines, its issuer's name on the first, as a long
                # name wraps (长阳土家族自治县人民政府 / 关于印发…的通知)
                md.issuer = issuer_name(own[i - 1].norm)
                break
    at = _index_in(head, md.title_block)
    if not md.issuer and at is not None:
        # a plan printed without a covering notice names its issuer under its title, on a line of
        # its own (青山县残疾人联合会, perhaps after the plan's years), as its cover prints it
        md.issuer = next((name for b in head[at + 1:at + 4] for ln in b.lines
                          if (name := issuer_name(ln.norm))
                          and "".join(joint_issuers(ln.norm)) == without_seal(re.sub(r"\s+", "", ln.norm))), "")
    if not md.issuer and at is not None:
        # 青山县人民政府关于…的实施意见 names its issuer before 关于; a title (or a notice's title)
        # printed over two lines (中共青山县委　青山县人民政府 / 关于…), on the line above it
        before, about, _ = normalize(md.title).partition("关于")
        if about and before:
            md.issuer = issuer_name(before)
        elif md.title_block.norm.strip().startswith("关于") and at > 0:
            md.issuer = issuer_name(head[at - 1].norm)
    if not md.issuer and md.title:
        # 青山县民政局2024年工作要点 / 云山市教育局“十四五”…规划: a department's own plan names it first
        m = _TITLE_ISSUER_RE.match(normalize(md.title))
        if m and issuer_name(m.group(1)) == m.group(1):
            md.issuer = m.group(1)
    if at is not None:
        # a title naming its region in brackets, in it or on a line of its own under it (…规划（青山县）,
        # （青山县）“十四五”…), as a template's title is filled in
        for text in [md.title] + [ln.norm for b in head[at + 1:at + 3] for ln in b.lines][:3]:
            m = next((m for m in _BRACKETED_RE.finditer(text) if _names_region(m.group(1))), None)
            if m is not None and (text == md.title or _BRACKETED_RE.fullmatch(text.strip())):
                md.bracketed_region = m.group(1)
                break
    if md.issuer and not md.co_issuers:
        # issued jointly: the signature or the title's opening names the others after the issuer
        for printed in (t for b in own for t in [b.norm] + [ln.norm for ln in b.lines]):
            # (a signature of two lines is one block: 青山县残疾人联合会 / 青山县发展和改革委员会)
            for text in (printed, re.split(r"关于|印发", printed.strip(), maxsplit=1)[0]):
                bodies = joint_issuers(text) if md.issuer in re.sub(r"\s+", "", text) else []
                if len(bodies) > 1 and bodies[0] == md.issuer:
                    md.co_issuers = bodies[1:]
                    break
            if md.co_issuers:
                break
    # period: explicit years in the title win over the five-year ordinal
    source = md.title or " ".join(b.text for b in head[:10])
    m = _EXPLICIT_PERIOD_RE.search(normalize(source))
    if m is None and not _FIVE_YEAR_RE.search(source):
        # a title printed without its years: they stand on a line of their own near it
        m = next((p for p in (_PERIOD_LINE_RE.fullmatch(b.norm.strip()) for b in head) if p), None)
    if m:
        md.period = (int(m.group(1)), int(m.group(2)))
    else:
        m = _FIVE_YEAR_RE.search(source) or _FIVE_YEAR_RE.search(" ".join(b.text for b in head))
        if m:
            md.period = five_year_period(10 + CN_NUMERALS.index(m.group(1) or m.group(2)) + 1)
    if md.period is None and md.title:
        # an annual plan (2022年全县残疾人工作要点) names its one year
        years = {int(y) for y in _ANNUAL_RE.findall(normalize(md.title))}
        if len(years) == 1:
            year = years.pop()
            md.period = (year, year)
    # the issuer named in full: 青山县政府 is 青山县人民政府
    md.issuer = full_government_name(md.issuer)
    md.co_issuers = [full_government_name(x) for x in md.co_issuers]
    # cited documents: 《…》 in the preamble (the blocks after the title, before the body)
    start = at + 1 if at is not None else 0
    for b in head[start:]:
        for m in _CITED_RE.finditer(b.text):
            name = m.group(1).strip()
            if name and name != md.title and not any(name == c for c, _ in md.cited):
                md.cited.append((name, b))
    return md
