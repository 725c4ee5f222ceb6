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


def parse_value(printed: str, *, default_unit: str = "", year: int | None = None,
                span: Span | None = None) -> Value:
    """Parse one printed baseline/target cell."""
    printed = printed.strip()
    v = Value(printed=printed, year=year, span=span)
    if is_missing(printed):
        return v
    m = _NUMBER_CELL_RE.match(normalize(printed).replace(" ", ""))
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
    if unit in ("万", "亿") and default_unit:  # 1.5万 in a row counted in 人次 is 1.5万人次
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
    c = normalize(cell).replace(" ", "")
    return is_missing(c) or bool(_NUMBER_CELL_RE.match(c))
