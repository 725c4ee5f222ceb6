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
}
#: words after a number that change its comparator
SUFFIX_COMPARATORS = {"以上": "≥", "及以上": "≥", "以下": "≤", "左右": "≈"}
MISSING_MARKERS = {"——", "—", "--", "-", "/", "无", "—-", "-—", "－－", "－"}

_NUMBER_CELL_RE = re.compile(
    r"^(?P<cmp>>=|<=|≥|≤|≧|≦|>|<|=|≈|~|约)?\s*"
    r"(?P<num>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>%|‰|[\u4e00-\u9fff]{1,3}(?<!以上)(?<!以下)(?<!左右))?\s*"
    r"(?P<suffix>及以上|以上|以下|左右)?$"
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
        v.value = Decimal(m["num"])
    except InvalidOperation:
        return v
    cmp = COMPARATOR_SYMBOLS.get(m["cmp"] or "", None)
    if m["suffix"]:
        cmp = SUFFIX_COMPARATORS[m["suffix"]]
    v.comparator = cmp or "="
    v.unit = m["unit"] or default_unit
    return v


def is_value_cell(cell: str) -> bool:
    """Could this table cell be a baseline/target (number, missing marker)?"""
    c = normalize(cell).replace(" ", "")
    return is_missing(c) or bool(_NUMBER_CELL_RE.match(c))
