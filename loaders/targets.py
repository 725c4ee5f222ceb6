"""Measurable targets a task states in its own words, and the plan indicators it names.

"到2025年两项补贴覆盖率达到100％", "入学率达到97%以上", "每人每年不少于1元", "至少1人就业",
"比例不低于50%", "打造5个省级无障碍社区", "累计培训1.2万人次", "千分之三以内": a number tied to a
commitment word, a rate or a doing verb, with its comparator, unit and year (2023年底前 …), kept with the
phrase as printed; a range (80%—90%) is kept as printed, with no one number.  A number without such a
tie (an age, a year, a document number, a past achievement: 2020年，…; “十三五”期间，…) is not a target,
and a task that only says 加强/完善/推进 has none: the audit reports it, nothing is invented.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal, InvalidOperation

from policykg.loaders.model import Indicator, Value
from policykg.loaders.text import normalize

UNITS = ("万人次", "万人", "万户", "万元", "亿元", "人次", "个百分点", "平方米", "%", "‰", "人", "户", "个", "家", "所", "场",
         "名", "元", "次", "项", "支", "期", "处", "套", "座", "张", "辆", "册", "万")
_UNIT = "(?P<unit>" + "|".join(map(re.escape, sorted(UNITS, key=len, reverse=True))) + ")"
_NUM = r"(?P<num>\d+(?:\.\d+)?)"
#: commitment word before the number -> comparator
PREFIX_WORDS = {
    "不少于": "≥", "不低于": "≥", "至少": "≥", "不小于": "≥", "超过": ">", "高于": ">", "大于": ">",
    "超": ">", "不超过": "≤", "不高于": "≤", "低于": "<", "控制在": "≤", "达到": "=", "达": "=", "保持在": "=",
    "稳定在": "=", "提高到": "=", "提高至": "=", "提升到": "=", "提升至": "=", "增加到": "=", "增至": "=",
    "增长": "=",  # 年均增长5%, 增长10%以上: the growth the task commits to
}
_SUFFIX = r"(?P<suffix>及以上|以上|以下|以内|左右)?"
#: a few words may stand between the commitment and its number: 至少有1人, 不低于成员总数的50%; so
#: may the year the number is for: 提高到2025年的90%
_GAP = r"(?:[^\d，,。；;:：!?！？\n]|(?:19|20)\d{2}年(?:底|末)?的?){0,16}?"
_PREFIX_WORD = "(?P<word>" + "|".join(sorted(map(re.escape, PREFIX_WORDS), key=len, reverse=True)) + ")"
_PREFIX_RE = re.compile(_PREFIX_WORD + _GAP + _NUM + r"\s*" + _UNIT + _SUFFIX)
#: a rate printed with its value: 覆盖率100%, 参保率99%以上
_RATE_RE = re.compile(r"(?:率|比例|比重)\s*" + _NUM + r"\s*(?P<unit>%|‰)" + _SUFFIX)
#: a count after a doing verb: 打造5个…, 累计培训1.2万人次, 投入资金1.5亿元; 完成…700户 is caught by the
#: prefix words too
_COUNT_VERBS = ("打造|建成|建设|新建|创建|建立|培育|培养|培训|扶持|帮扶|资助|救助|补助|安置|新增|完成|安排|配备|"
                "举办|组织|开展|实现|改造|提供|发放|投入|筹集|吸纳|带动")
_COUNT_RE = re.compile("(?:" + _COUNT_VERBS + ")" + _GAP + _NUM
                       + r"\s*(?P<unit>万人次|万人|万户|万元|亿元|个|家|所|户|场|名|人次|人|期|处|支|项|次|套|座|张|元)"
                       + _SUFFIX)
#: something 以上 without a commitment word: 9000人次以上, 99%以上
#: (not inside a longer number: a match there would start at that number's first digit, and
#: trying every digit of a long run is quadratic)
_ABOVE_RE = re.compile(r"(?<!\d)" + _NUM + r"\s*" + _UNIT + r"(?P<suffix>及以上|以上)")
#: a range where a commitment stands: 保持在80%—90%, 每年新建5-8个, 5至8个: no one number, kept as
#: printed (as an indicator cell 80-90 is)
_RANGE_RE = re.compile(r"(?<![\d.])" + _NUM + r"\s*(?:" + _UNIT.replace("?P<unit>", "") + r")?\s*[—\-~～－–至到]\s*"
                       r"(?P<num2>\d+(?:\.\d+)?)\s*" + _UNIT + _SUFFIX)
_COMMITMENT_RE = re.compile(_PREFIX_WORD + "|率|比例|比重|" + _COUNT_VERBS)
#: a year a target is for: 到2025年, 截至2025年底, 2023年底前, 2023年6月底前, 在2025年底 (never 在2020年基础上)
_YEAR_RE = re.compile(r"(?:到|至|截至|截止到?|于)\s*(?P<a>(?:20|19)\d{2})\s*年"
                      r"|(?P<b>(?:20|19)\d{2})\s*年\s*(?:\d{1,2}\s*月\s*)?(?:底|末)?\s*(?:以前|之前|前)"
                      r"|在\s*(?P<c>(?:20|19)\d{2})\s*年\s*(?:\d{1,2}\s*月\s*)?(?:底|末)?(?!的?基础)")
#: a sentence opened by its year alone: 2025年，…; 2020年底，…; 2021—2023年，… (its last year)
_YEAR_HEAD_RE = re.compile(r"\s*(?:(?:20|19)\d{2}\s*年?\s*[—\-~～至到－–]\s*)?(?P<y>(?:20|19)\d{2})\s*年\s*(?:底|末)?\s*[，,]")
#: a clause that is a year alone, printed before the clause it dates: 到2025年，…; 2023年底前，…
_YEAR_CLAUSE_RE = re.compile(r"\s*(?:到|至|截至|截止到?|在|于|(?:20|19)\d{2}\s*年?\s*[—\-~～至到－–])?\s*(?:20|19)\d{2}\s*年\s*(?:\d{1,2}\s*月\s*)?(?:底|末)?"
                             r"\s*(?:以前|之前|前)?\s*")
#: the period of an earlier plan, as a sentence reviewing it opens: “十三五”期间, 十三五以来
_PLAN_PERIOD_RE = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期|以来)")
_CLAUSE_SPLIT = re.compile(r"[，,。；;！!？?\n]")
_SENTENCE_END = "。；;！!？?\n"
_SENTENCE_END_RE = re.compile(f"[{_SENTENCE_END}]")
SUFFIX_COMPARATOR = {"以上": "≥", "及以上": "≥", "以下": "≤", "以内": "≤", "左右": "≈"}

# --- numbers printed in words: 百分之九十, 千分之三, 九成以上, 至少一所, 两个以上 -------------------------------
_CN = "零一二两三四五六七八九十百"
_CN_VALUES = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_FRACTION_RE = re.compile(r"(?P<den>百分之|千分之)(?P<cn>[" + _CN + r"]{1,4}(?:点[" + _CN + r"]{1,3})?)")
_CN_TENTHS_RE = re.compile(r"(?P<cn>[一二三四五六七八九])成(?=及以上|以上|左右)"
                           + r"|(?:" + "|".join(f"(?<={w})" for w in PREFIX_WORDS) + r")(?P<cn2>[一二三四五六七八九])成")
#: the counters a numeral in words is read before (至少一所, 两个以上)
_CN_COUNTERS = "(?:个|家|所|名|人|户|项|处|支|期|次|场|套|座|张)"
_CN_COUNT_RE = re.compile(r"(?:" + _PREFIX_WORD + r"[^\d，,。；;:：!?！？\n" + _CN + r"]{0,8}?)?(?P<cn>[" + _CN
                          + r"]{1,3})(?=" + _CN_COUNTERS + r"(?P<suffix>及以上|以上)?)")
#: what each of the three must find in a text, looked for first: most texts print none of them,
#: and the three patterns (word alternatives tried at every character) cost more than the search
_CN_FRACTION_NEEDS = re.compile("[百千]分之")
_CN_TENTHS_NEEDS = re.compile("[一二三四五六七八九]成")
_CN_COUNT_NEEDS = re.compile("[" + _CN + "]" + _CN_COUNTERS)


def _cn_int(numeral: str) -> int | None:
    """一 -> 1, 两 -> 2, 十二 -> 12, 九十 -> 90, 一百 -> 100, 三十五 -> 35; None if malformed."""
    total, digit = 0, None
    for c in numeral:
        if c in _CN_VALUES:
            if digit is not None:
                return None
            digit = _CN_VALUES[c]
        elif c in "十百":
            mult = 10 if c == "十" else 100
            total += (1 if digit is None else digit) * mult
            digit = None
        else:
            return None
    return total + (digit or 0)


def _cn_decimal(numeral: str) -> str | None:
    whole, _, frac = numeral.partition("点")
    n = _cn_int(whole)
    if n is None:
        return None
    if not frac:
        return str(n)
    if any(c not in _CN_VALUES for c in frac):
        return None
    return f"{n}." + "".join(str(_CN_VALUES[c]) for c in frac)


def _numbers_in_digits(norm: str) -> tuple[str, list[int]]:
    """`norm` with the numbers a plan prints in words as digits (百分之九十 -> 90%, 千分之三 -> 3‰,
    九成以上 -> 90%以上, 至少一所 / 两个以上 -> 1所 / 2个以上), and where each of its characters
    came from in `norm` (one more entry: the end).  A numeral counts only as a fraction, or with a
    commitment before it or 以上 after it: 一人一案, 一站式 are no numbers."""
    edits: list[tuple[int, int, str]] = []
    fractions = _CN_FRACTION_RE.finditer(norm) if _CN_FRACTION_NEEDS.search(norm) else ()
    tenths = _CN_TENTHS_RE.finditer(norm) if _CN_TENTHS_NEEDS.search(norm) else ()
    counts = _CN_COUNT_RE.finditer(norm) if _CN_COUNT_NEEDS.search(norm) else ()
    for m in fractions:
        d = _cn_decimal(m["cn"])
        if d is not None:
            edits.append((m.start(), m.end(), d + ("%" if m["den"] == "百分之" else "‰")))
    for m in tenths:
        g = "cn" if m["cn"] else "cn2"
        edits.append((m.start(g), m.end(g) + 1, f"{_CN_VALUES[m[g]] * 10}%"))
    for m in counts:
        if not (m["word"] or m["suffix"]) or norm[m.end("cn") + 1:m.end("cn") + 2] == "一":  # 一人一案
            continue
        n = _cn_int(m["cn"])
        if n is not None:
            edits.append((m.start("cn"), m.end("cn"), str(n)))
    if not edits:
        return norm, list(range(len(norm) + 1))
    edits.sort()
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for a, b, rep in edits:
        if a < pos:  # overlapping readings: the first kept
            continue
        out.append(norm[pos:a])
        origin.extend(range(pos, a))
        out.append(rep)
        origin.extend(b - 1 if k == len(rep) - 1 else min(a + k, b - 1) for k in range(len(rep)))
        pos = b
    out.append(norm[pos:])
    origin.extend(range(pos, len(norm) + 1))
    return "".join(out), origin


def _clause_breaks(text: str) -> list[int]:
    """Offsets of the characters that end a clause, in order (found once for a whole text: a
    long paragraph with many targets is read in one pass, not once per target)."""
    return [m.start() for m in _CLAUSE_SPLIT.finditer(text)]


def _clause_bounds(text: str, breaks: list[int], start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]; `breaks` are the text's clause ends (_clause_breaks)."""
    k = bisect_left(breaks, start)
    left = breaks[k - 1] + 1 if k else 0
    j = bisect_left(breaks, end)
    right = breaks[j] if j < len(breaks) else len(text)
    # "到2025年，…达到100%", "2023年底前，…完成": a year clause just before belongs to the phrase
    if k and text[breaks[k - 1]] in "，,":
        prev_left = breaks[k - 2] + 1 if k > 1 else 0
        if _YEAR_CLAUSE_RE.fullmatch(text, prev_left, breaks[k - 1]):
            left = prev_left + (len(text[prev_left:breaks[k - 1]]) - len(text[prev_left:breaks[k - 1]].lstrip()))
    return left, right


class _Years:
    """The years printed in a text (到2025年, 2023年底前) and the earlier plans' periods it speaks of
    (“十三五”期间), found once: a long paragraph with many targets is read in one pass."""

    def __init__(self, text: str):
        self.text = text
        self.sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(text)]
        found = [(m.start(), m.end(), int(m["a"] or m["b"] or m["c"])) for m in _YEAR_RE.finditer(text)]
        self.starts = [f[0] for f in found]
        self.years = found
        self.periods = [(m.start(), 1955 + 5 * (10 + _CN_VALUES[m[1]])) for m in _PLAN_PERIOD_RE.finditer(text)]

    def sentence_start(self, pos: int) -> int:
        k = bisect_left(self.sentence_ends, pos)
        return self.sentence_ends[k - 1] + 1 if k else 0

    def year_of(self, left: int, right: int, num: int) -> int | None:
        """The year a target at `num` in the clause text[left:right] is for: the clause's own year
        (到2025年, 2023年底前), else the last year before the clause in its sentence (2022年底前完成
        换发，换发率达到95%), else a year opening the sentence (2025年，…)."""
        k = bisect_left(self.starts, left)
        if k < len(self.years) and self.years[k][1] <= right:
            return self.years[k][2]
        sentence = self.sentence_start(left)
        if k and self.years[k - 1][0] >= sentence:
            return self.years[k - 1][2]
        head = _YEAR_HEAD_RE.match(self.text, sentence)
        if head is not None and head.end() <= num:
            return int(head["y"])
        return None

    def is_past(self, left: int, num: int, year: int | None, first_year: int | None) -> bool:
        """Does the sentence state what was done before the plan (a year before its first: 2020年，
        …达到1.2万人; an earlier plan's period: “十三五”期间，累计培训…), not a target?"""
        if first_year is None:
            return False
        if year is not None and year < first_year:
            return True
        sentence = self.sentence_start(left)
        k = bisect_left(self.periods, (num,))
        return any(end < first_year for start, end in self.periods[bisect_left(self.periods, (sentence,)):k])


_SPANS_OF_TIME = ("月", "工作日", "小时", "季度", "星期", "自然日", "年")


def _excluded(text: str, m: re.Match) -> bool:
    """Numbers that are not targets: years, ages, document numbers, ranges like 1—2次, times (3个月)."""
    after = text[m.end("num"):m.end("num") + 2]
    before = text[max(0, m.start("num") - 1):m.start("num")]
    if m["unit"] == "个" and text.startswith(_SPANS_OF_TIME, m.end("unit")):
        return True  # 1个月内, 3个工作日: a time allowed, no count
    return (after.startswith(("年", "岁", "周岁", "号", "—", "-", "~")) or before in ("—", "-", "~", "第"))


def extract_targets(text: str, default_year: int | None = None,
                    first_year: int | None = None) -> list[tuple[Value, int, int]]:
    """Targets stated in `text`: (value, start offset, end offset of the printed phrase).

    `default_year` is the year a target naming none is for (the plan's end); a target for a year
    before `first_year` (the plan's first), or in a sentence on an earlier plan's period (“十三五”期间),
    states what was done, not a target, and is not read."""
    norm, origin = _numbers_in_digits(normalize(text))
    found: list[tuple[Value, int, int]] = []
    breaks = _clause_breaks(norm)
    taken = bytearray(len(norm))  # 1 where a phrase already read stands
    years = _Years(norm)
    for pattern, kind in ((_RANGE_RE, "range"), (_PREFIX_RE, "prefix"), (_RATE_RE, "rate"), (_ABOVE_RE, "above"),
                          (_COUNT_RE, "count")):
        for m in pattern.finditer(norm):
            if taken[m.start("num")] or (kind != "range" and _excluded(norm, m)):
                continue
            left, right = _clause_bounds(norm, breaks, m.start(), m.end())
            if kind == "range" and not _COMMITMENT_RE.search(norm, left, m.start()):
                continue  # 每年召开1—2次会议: a range no commitment states
            try:
                number = Decimal(m["num"])
            except InvalidOperation:
                continue
            year = years.year_of(left, right, m.start("num"))
            if years.is_past(left, m.start("num"), year, first_year):
                taken[m.start():m.end()] = b"\1" * (m.end() - m.start())
                continue
            cmp = PREFIX_WORDS[m["word"]] if kind == "prefix" else "="
            if m["suffix"]:
                cmp = SUFFIX_COMPARATOR[m["suffix"]]
            a, b = origin[left], origin[right - 1] + 1 if right > left else origin[left]
            phrase = text[a:b].strip()
            a += len(text[a:b]) - len(text[a:b].lstrip())
            taken[m.start():m.end()] = b"\1" * (m.end() - m.start())
            value = Value(printed=phrase, year=year if year is not None else default_year,
                          cumulative="累计" in norm[left:m.start("num")])
            if kind != "range":
                value.comparator, value.value, value.unit = cmp, number, m["unit"]
            found.append((value, a, a + len(phrase)))
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
