"""Read the reference tables in loaders/data/ (department types, unit aliases, regions).

They are data so that a researcher can extend them for plans we have never seen without touching
code: one row per department type, alias or region, tab-separated, `#` comment lines allowed.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

DATA_PACKAGE = "policykg.loaders.data"


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a TSV table shipped in loaders/data (comment lines skipped)."""
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    body = "\n".join(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    reader = csv.DictReader(io.StringIO(body), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


@dataclass(frozen=True)
class DepartmentType:
    code: str
    label_zh: str
    label_en: str
    definition_zh: str
    definition_en: str
    keywords: tuple[str, ...]


@cache
def department_types() -> tuple[DepartmentType, ...]:
    return tuple(
        DepartmentType(r["code"], r["label_zh"], r["label_en"], r["definition_zh"],
                       r["definition_en"], tuple(k for k in r["keywords"].split("|") if k))
        for r in read_table("department_types.tsv")
    )


@lru_cache(maxsize=8192)  # every keyword of every type is tried: a unit's name is classified once
def classify_department(name: str) -> str:
    """The department-type code whose longest keyword occurs in `name` ('other' if none)."""
    best, best_len = "other", 0
    for dt in department_types():
        for kw in dt.keywords:
            if len(kw) > best_len and kw in name:
                best, best_len = dt.code, len(kw)
    return best


@cache
def unit_aliases() -> dict[str, str]:
    """alias core name -> canonical core name (canonical names map to themselves)."""
    out: dict[str, str] = {}
    for r in read_table("unit_aliases.tsv"):
        out[r["canonical"]] = r["canonical"]
    for r in read_table("unit_aliases.tsv"):
        out[r["alias"]] = r["canonical"]
    return out


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    short_name: str
    level: str
    parent: str
    code: str


@cache
def gazetteer() -> dict[str, GazetteerEntry]:
    """Provincial- and prefecture-level divisions by full name."""
    return {r["name"]: GazetteerEntry(r["name"], r["short_name"], r["level"], r["parent"], r["code"])
            for r in read_table("regions.tsv")}


@cache
def division_level_words() -> dict[str, str]:
    """The word the bodies of a county-level division print for its level where its name's last
    character does not tell it (六枝特区: 特区, 神农架林区: 林区), by the division's name."""
    return {r["name"]: r["level_word"] for r in read_table("division_kinds.tsv")}


@cache
def counties() -> dict[str, tuple[tuple[str, str], ...]]:
    """County-level divisions by name: each (parent, code) it stands under (朝阳区: 北京市 and 长春市)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for r in read_table("counties.tsv"):
        out.setdefault(r["name"], []).append((r["parent"], r["code"]))
    return {name: tuple(places) for name, places in out.items()}
