"""Baselines and targets as printed in indicator tables: ">99%", "≥362", "1家", "——",
"与国内生产总值增长基本同步".  A numeric cell becomes comparator + number + unit; anything else is
kept verbatim as a qualitative value, never guessed into a number.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from policykg.loaders.model import Span, Value
from policykg.loaders.text import normalize

#: printed comparator (after width normalisation) -> canonical symbol
COMPARATOR_SYMBOLS = {
    ">=": "≥", "≥": "≥", "≧": "≥", "<=": "≤", "≤": "≤", "≦": "≤",
    ">": ">", "<": "<", "=": "=", "≈": "≈", "~": "≈", "约": "≈",
    "≮": "≥", "≯": "≤",  # not less than, not more than
}
#: words after a number that change its comparator
SUFFIX_COMPARATORS = {"以上": "≥", "及以上": "≥", "以下": "≤", "及以下": "≤", "以内": "≤", "左右": "≈"}
#: words before a number that give its comparator (不低于95%, 达到98%, 控制在5%以内)
PREFIX_COMPARATORS = {"不低于": "≥", "不少于": "≥", "不小于": "≥", "至少": "≥", "超过": ">", "高于": ">",
                      "大于": ">", "不高于": "≤", "不超过": "≤", "不大于": "≤", "低于": "<", "小于": "<",
                      "控制在": "≤", "达到": "=", "达": "=", "保持在": "=", "稳定在": "="}
MISSING_MARKERS = {"——", "—", "--", "-", "/", "无", "—-", "-—", "－－", "－"}

_NUMBER_CELL_RE = re.compile(
    r"^(?P<cmp>>=|<=|≥|≤|≧|≦|≮|≯|>|<|=|≈|~|约|"
    + "|".join(sorted(PREFIX_COMPARATORS, key=len, reverse=True)) + r")?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>%|‰|个百分点|[\u4e00-\u9fff]{1,3}(?<![以及上下内右]))?\s*"
    r"(?P<suffix>及以上|以上|及以下|以下|以内|左右)?$"
)


def is_missing(printed: str) -> bool:
    return printed.strip().replace(" ", "") in MISSING_MARKERS


#: a number in brackets, as plans print a total over the plan's period: 〔35〕, [35], ［35］, 【35】
_BRACKETED_RE = re.compile(r"^(?:〔(?P<a>[^〔〕]+)〕|\[(?P<b>[^\[\]]+)\]|【(?P<c>[^【】]+)】)$")
#: a plan's note saying what its brackets hold: 注：〔〕内为五年累计数, [ ]内数据为“十四五”期间累计数,
#: 带【】的为累计值
#: (matched on the text as printed, full-width ［ ］ too: normalising a whole plan's text costs more)
_TOTALS_NOTE_RE = re.compile(r"(?:〔\s*〕|[\[［]\s*[\]］]|【\s*】)[^。；;\n]{0,16}累计")


def bracketed_number(printed: str) -> str | None:
    """The number cell inside brackets (〔35〕 -> 35), or None if the cell is no number in brackets."""
    m = _BRACKETED_RE.match(normalize(printed).replace(" ", ""))
    inner = m and (m["a"] or m["b"] or m["c"])
    return inner if inner and _NUMBER_CELL_RE.match(inner) else None


def notes_bracketed_totals(text: str) -> bool:
    """Does a plan's text say its brackets hold totals (注：〔〕内为五年累计数)?"""
    return bool(_TOTALS_NOTE_RE.search(text))


#: a value with the year it was measured in brackets after it (4.8（2021年）, 85(2019年底))
_DATED_RE = re.compile(r"(?P<value>[^()]+?)\((?P<year>(?:19|20)\d{2})年?(?:底|末)?\)")
#: a value glossed as a total over the plan's period: 500（累计）, 500(五年累计), 累计500
_TOTAL_GLOSS_RE = re.compile(r"(?P<value>[^()]+?)\((?:五年|十四五|“十四五”)?累计(?:数|值)?\)|累计(?P<after>[^()]+)")
#: a footnote mark after a value (85①, ≥95*, 6※): a note's call, no part of the number
_FOOTNOTE_MARK_RE = re.compile(r"(?<=[\d%‰\u4e00-\u9fff])\s*(?:[\u2460-\u2473\u2474-\u2487]|\*+|※|★|▲|△|\^\d?)$")
#: units a value counted in 万/亿 cannot be: 1.2万 in a row counted in % is no 1.2万%
_RATIO_UNITS = ("%", "‰", "个百分点")


def parse_value(printed: str, *, default_unit: str = "", year: int | None = None,
                span: Span | None = None, bracketed_totals: bool = False) -> Value:
    """Parse one printed baseline/target cell.  A number in brackets (〔35〕) is a total over the plan's
    period where the plan says its brackets hold totals (`bracketed_totals`), else it is no number
    (a total or a level: the plan does not say)."""
    printed = printed.strip()
    v = Value(printed=printed, year=year, span=span)
    if is_missing(printed):
        return v
    cell = normalize(printed).replace(" ", "")
    cell = _FOOTNOTE_MARK_RE.sub("", cell)
    dated = _DATED_RE.fullmatch(cell)
    if dated is not None:  # 4.8（2021年）: the value of the year it names, not the column's
        cell, v.year = dated["value"], int(dated["year"])
    total = _TOTAL_GLOSS_RE.fullmatch(cell)
    if total is not None and _NUMBER_CELL_RE.match(total["value"] or total["after"]):
        cell, v.cumulative = total["value"] or total["after"], True  # 500（累计）: said a total in words
    inner = bracketed_number(printed)
    if inner is not None:
        if not bracketed_totals:
            return v
        cell, v.cumulative = inner, True
    m = _NUMBER_CELL_RE.match(cell)
    if not m:
        return v  # qualitative
    try:
        v.value = Decimal(m["num"].replace(",", ""))
    except InvalidOperation:
        return v
    cmp = COMPARATOR_SYMBOLS.get(m["cmp"] or "") or PREFIX_COMPARATORS.get(m["cmp"] or "")
    if m["suffix"]:
        cmp = SUFFIX_COMPARATORS[m["suffix"]]
    v.comparator = cmp or "="
    unit = m["unit"] or default_unit
    if unit in ("万", "亿") and default_unit and default_unit not in _RATIO_UNITS:  # 1.5万 in 人次 is 1.5万人次
        unit = default_unit if default_unit.startswith(unit) else unit + default_unit
    v.unit = unit
    return v


_VALUE_OPENING_RE = re.compile(r"^(?:[\d<>=≥≤≧≦≈~≮≯〔\[【]|约\d|"
                                + "|".join(sorted(PREFIX_COMPARATORS, key=len, reverse=True)) + r")")


def opens_with_value(cell: str) -> bool:
    """Does a cell open as a value does (a number, a comparator: 100（全覆盖）, >95（城镇）/>90（农村））,
    never as the rest of a name wrapped onto its next line (覆盖率（%）)?"""
    return bool(_VALUE_OPENING_RE.match(normalize(cell).replace(" ", "")))


def is_value_cell(cell: str) -> bool:
    """Could this table cell be a baseline/target (number, missing marker)?"""
    c = _FOOTNOTE_MARK_RE.sub("", normalize(cell).replace(" ", ""))
    total = _TOTAL_GLOSS_RE.fullmatch(c)
    if total is not None:
        c = total["value"] or total["after"]
    return is_missing(c) or bool(_NUMBER_CELL_RE.match(c)) or bracketed_number(c) is not None
