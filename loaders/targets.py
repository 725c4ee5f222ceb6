"""Measurable targets a task states in its own words, and the plan indicators it names.

"到2025年两项补贴覆盖率达到100％", "入学率达到97%以上", "每人每年不少于1元", "至少1人就业",
"比例不低于50%", "打造5个省级无障碍社区": a number tied to a commitment word or a rate, with its
comparator, unit and year, kept with the phrase as printed.  A number without such a tie (an age, a
year, a document number, a past achievement) is not a target, and a task that only says 加强/完善/推进
has none: the audit reports it, nothing is invented.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal, InvalidOperation

from policykg.loaders.model import Indicator, Value
from policykg.loaders.text import normalize

UNITS = ("万人次", "万人", "万元", "人次", "个百分点", "%", "‰", "人", "户", "个", "家", "所", "场", "名", "元",
         "次", "项", "支", "期", "处", "套", "座", "张", "万", "亿元")
_UNIT = "(?P<unit>" + "|".join(map(re.escape, UNITS)) + ")"
_NUM = r"(?P<num>\d+(?:\.\d+)?)"
#: commitment word before the number -> comparator
PREFIX_WORDS = {
    "不少于": "≥", "不低于": "≥", "至少": "≥", "不小于": "≥", "超过": ">", "高于": ">", "大于": ">",
    "超": ">", "不超过": "≤", "不高于": "≤", "低于": "<", "控制在": "≤", "达到": "=", "达": "=", "保持在": "=",
    "稳定在": "=", "提高到": "=", "提高至": "=", "提升到": "=", "提升至": "=", "增加到": "=", "增至": "=",
}
_SUFFIX = r"(?P<suffix>及以上|以上|以下|左右)?"
#: a few words may stand between the commitment and its number: 至少有1人, 不低于成员总数的50%
_GAP = r"[^\d，,。；;:：!?！？\n]{0,16}?"
_PREFIX_RE = re.compile("(?P<word>" + "|".join(sorted(map(re.escape, PREFIX_WORDS), key=len, reverse=True))
                        + ")" + _GAP + _NUM + r"\s*" + _UNIT + _SUFFIX)
#: a rate printed with its value: 覆盖率100%, 参保率99%以上
_RATE_RE = re.compile(r"(?:率|比例|比重)\s*" + _NUM + r"\s*(?P<unit>%|‰)" + _SUFFIX)
#: a count after a doing verb: 打造5个…, 完成…700户 is caught by the prefix words; 建成1个
_COUNT_RE = re.compile(r"(?:打造|建成|建设|创建|培育|扶持|新增|完成|安排|配备|举办|组织|开展|实现)" + _GAP + _NUM
                       + r"\s*(?P<unit>个|家|所|户|场|名|人次|人|期|处|支|项)" + _SUFFIX)
#: something 以上 without a commitment word: 9000人次以上, 99%以上
#: (not inside a longer number: a match there would start at that number's first digit, and
#: trying every digit of a long run is quadratic)
_ABOVE_RE = re.compile(r"(?<!\d)" + _NUM + r"\s*" + _UNIT + r"(?P<suffix>及以上|以上)")
_YEAR_RE = re.compile(r"(?:到|至|截至|在)\s*((?:20|19)\d{2})\s*年")
_CLAUSE_SPLIT = re.compile(r"[，,。；;！!？?\n]")
SUFFIX_COMPARATOR = {"以上": "≥", "及以上": "≥", "以下": "≤", "左右": "≈"}


def _clause_breaks(text: str) -> list[int]:
    """Offsets of the characters that end a clause, in order (found once for a whole text: a
    long paragraph with many targets is read in one pass, not once per target)."""
    return [m.start() for m in _CLAUSE_SPLIT.finditer(text)]


_YEAR_DIGITS_RE = re.compile(r"(?:20|19)\d{2}")


def _year_clause_start(text: str, end: int) -> int | None:
    """Where a year clause (到2025年, 至 2025 年) ending at `end` (spaces after it allowed) starts.

    Read backwards from `end`, so the cost is the clause's length, not the text's before it."""
    i = end
    while i and text[i - 1].isspace():
        i -= 1
    if not i or text[i - 1] != "年":
        return None
    i -= 1
    while i and text[i - 1].isspace():
        i -= 1
    if i < 4 or not _YEAR_DIGITS_RE.fullmatch(text, i - 4, i):
        return None
    i -= 4
    while i and text[i - 1].isspace():
        i -= 1
    return i - 1 if i and text[i - 1] in "到至" else None


def _clause_bounds(text: str, breaks: list[int], start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]; `breaks` are the text's clause ends (_clause_breaks)."""
    k = bisect_left(breaks, start)
    left = breaks[k - 1] + 1 if k else 0
    k = bisect_left(breaks, end)
    right = breaks[k] if k < len(breaks) else len(text)
    # "到2025年，…达到100%": a year clause just before belongs to the phrase
    prev_end = left
    while prev_end and text[prev_end - 1] in "，,":
        prev_end -= 1
    year_start = _year_clause_start(text, prev_end)
    if year_start is not None:
        left = year_start
    return left, right


def _excluded(text: str, m: re.Match) -> bool:
    """Numbers that are not targets: years, ages, document numbers, ranges like 1—2次."""
    after = text[m.end("num"):m.end("num") + 2]
    before = text[max(0, m.start("num") - 1):m.start("num")]
    return (after.startswith(("年", "岁", "周岁", "号", "—", "-", "~")) or before in ("—", "-", "~", "第"))


def extract_targets(text: str, default_year: int | None = None) -> list[tuple[Value, int, int]]:
    """Targets stated in `text`: (value, start offset, end offset of the printed phrase)."""
    norm = normalize(text)
    found: list[tuple[Value, int, int]] = []
    breaks = _clause_breaks(norm)
    taken = bytearray(len(norm))  # 1 where a phrase already read stands
    for pattern, kind in ((_PREFIX_RE, "prefix"), (_RATE_RE, "rate"), (_ABOVE_RE, "above"), (_COUNT_RE, "count")):
        for m in pattern.finditer(norm):
            if _excluded(norm, m) or taken[m.start("num")]:
                continue
            try:
                number = Decimal(m["num"])
            except InvalidOperation:
                continue
            if kind == "prefix":
                cmp = PREFIX_WORDS[m["word"]]
            else:
                cmp = "="
            if m["suffix"]:
                cmp = SUFFIX_COMPARATOR[m["suffix"]]
            left, right = _clause_bounds(norm, breaks, m.start(), m.end())
            phrase = text[left:right].strip()
            year_m = _YEAR_RE.search(norm, left, right)
            year = int(year_m.group(1)) if year_m else default_year
            taken[m.start():m.end()] = b"\1" * (m.end() - m.start())
            found.append((Value(printed=phrase, comparator=cmp, value=number, unit=m["unit"], year=year),
                          left, right))
    found.sort(key=lambda f: (f[1], f[0].printed))
    return found


def _lcs_len(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


#: how much of an indicator's name a passage must contain, in order, to count as naming it
NAME_COVERAGE = 0.8
#: Indicator names are short (the corpus's longest has 21 characters).  A longer "name" (a
#: damaged table read a paragraph as one) is matched exactly only: the in-order comparison costs the
#: square of the name's length for every place its last characters occur.
MAX_FUZZY_NAME = 60


def names_indicator(text: str, name: str) -> bool:
    """Does `text` name the indicator `name` (exactly, or a clear variant: the name's characters in
    order with at most a fifth left out, ending on the name's head noun such as 入学率)?"""
    if len(name) < 4:
        return False
    if name in text:
        return True
    if len(name) > MAX_FUZZY_NAME:
        return False
    head = name[-3:]
    for m in re.finditer(re.escape(head), text):
        window = text[max(0, m.end() - len(name) - 3):m.end()]
        if _lcs_len(name, window) >= NAME_COVERAGE * len(name):
            return True
    return False


def linked_indicators(text: str, indicators: list[Indicator]) -> list[Indicator]:
    return [i for i in indicators if names_indicator(text, i.name)]
