"""The SPARQL query library: one documented .rq file per research question.

Each file starts with a comment header that tools read: `@name`, `@title zh|en`, `@question zh|en`,
`@columns` (the stable output interface), `@lists` (columns holding "|"-joined values, sorted here so
every engine gives the same rows), `@param NAME ?variable "default" description` and
`@filters NAME contains|equals COLUMN...`: what parameter NAME keeps, said in terms of the output
columns (a row is kept when one of the COLUMNs contains / equals the value), so that national rows
kept after a load (queries/national.py) can be filtered without asking the store again; a test
holds every such line equal to the query's own FILTER.  Parameters are
bound by injecting a VALUES block whose values are serialised as RDF literals, so a value can never
become query text.
"""
from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Iterable, Iterator

from rdflib import Literal

from policykg.errors import QueryError

PACKAGE = __name__


@dataclass(frozen=True)
class Param:
    name: str
    variable: str
    default: str
    description: str


@dataclass(frozen=True)
class ColumnFilter:
    """What a parameter keeps, in terms of the output columns (`@filters`)."""
    param: str
    op: str  # "contains" or "equals"
    columns: tuple[str, ...]


FILTER_OPS = ("contains", "equals")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    titles: dict[str, str] = field(default_factory=dict)
    questions: dict[str, str] = field(default_factory=dict)
    columns: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()
    filters: tuple[ColumnFilter, ...] = ()

    def given(self, values: dict[str, str] | None) -> dict[str, str]:
        """The parameters of `values` that change the rows: those not at their default."""
        defaults = {p.name: p.default for p in self.params}
        return {k: v for k, v in (values or {}).items() if k not in defaults or v != defaults[k]}

    def takes(self, param: str) -> bool:
        """Whether the query has a parameter of this name (`plan`: the query can be scoped to plans)."""
        return any(p.name == param for p in self.params)

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query text with every parameter bound (given value or default)."""
        values = dict(values or {})
        unknown = set(values) - {p.name for p in self.params}
        if unknown:
            known = ", ".join(p.name for p in self.params) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(sorted(unknown))} "
                             f"(its parameters: {known})")
        if not self.params:
            return self.text
        rows = " ".join(Literal(values.get(p.name, p.default)).n3() for p in self.params)
        variables = " ".join(p.variable for p in self.params)
        block = f"\n  VALUES ({variables}) {{ ({rows}) }}\n"
        m = next((m for m in re.finditer(r"\bWHERE\s*\{", self.text, flags=re.IGNORECASE)
                  if "#" not in self.text[self.text.rfind("\n", 0, m.start()) + 1:m.start()]), None)
        if m is None:
            raise QueryError(f"query {self.name!r} has no WHERE clause to bind parameters into")
        return self.text[: m.end()] + block + self.text[m.end():]


def _parse(name: str, text: str) -> NamedQuery:
    titles, questions, columns, lists, params, filters = {}, {}, (), (), [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = re.match(r"#\s*@(\w+)\s*(.*)$", line)
        if not m:
            continue
        tag, rest = m.group(1), m.group(2).strip()
        if tag in ("title", "question"):
            lang, _, value = rest.partition(":")
            (titles if tag == "title" else questions)[lang.strip()] = value.strip()
        elif tag == "columns":
            columns = tuple(rest.split())
        elif tag == "lists":
            lists = tuple(rest.split())
        elif tag == "param":
            # NAME ?variable "default" free-text description (the description may hold any
            # character, e.g. an apostrophe, so only the default is read with shell quoting)
            m = re.match(r"""(\S+)\s+(\?\w+)\s+("(?:[^"\\]|\\.)*"|'[^']*'|\S+)\s*(.*)$""", rest)
            try:
                default = shlex.split(m.group(3)) if m else None
            except ValueError:  # an unbalanced quote in the default
                default = None
            if m is None or default is None:
                raise QueryError(f"{name}.rq: malformed @param line: {line}")
            params.append(Param(m.group(1), m.group(2), default[0] if default else "", m.group(4).strip()))
        elif tag == "filters":
            filters.append(_column_filter(name, line, rest.split(), columns, params))
    return NamedQuery(name, text, titles, questions, columns, lists, tuple(params), tuple(filters))


def _column_filter(name: str, line: str, words: list[str], columns: tuple[str, ...],
                   params: list[Param]) -> ColumnFilter:
    """A `@filters NAME contains|equals COLUMN...` line, checked against the @param and @columns lines
    above it (a typo would otherwise filter kept rows on nothing)."""
    if len(words) < 3 or words[1] not in FILTER_OPS:
        raise QueryError(f"{name}.rq: malformed @filters line (NAME contains|equals COLUMN...): {line}")
    if words[0] not in {p.name for p in params}:
        raise QueryError(f"{name}.rq: @filters names {words[0]!r}, which no @param line above it declares")
    unknown = [c for c in words[2:] if c not in columns]
    if unknown:
        raise QueryError(f"{name}.rq: @filters names column(s) {', '.join(unknown)} not in @columns")
    return ColumnFilter(words[0], words[1], tuple(words[2:]))


@cache
def available() -> tuple[str, ...]:
    """Names of the queries in the library."""
    return tuple(sorted(p.name[:-3] for p in resources.files(PACKAGE).iterdir() if p.name.endswith(".rq")))


@cache
def get(name: str) -> NamedQuery:
    if name not in available():
        raise QueryError(f"no query named {name!r}; available: {', '.join(available())}")
    text = resources.files(PACKAGE).joinpath(f"{name}.rq").read_text(encoding="utf-8")
    return _parse(name, text)


def tidy_rows(query: NamedQuery, columns: list[str], rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Sort the members of "|"-joined list columns; unbound values become ""."""
    return list(tidied(query, columns, rows))


def tidied(query: NamedQuery, columns: list[str], rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """`tidy_rows` one row at a time, as rows arrive (a national list streamed to a file)."""
    idx = [columns.index(c) for c in query.lists if c in columns]
    for row in rows:
        row = ["" if v is None else v for v in row]
        for i in idx:
            if row[i]:
                row[i] = "|".join(sorted({m for m in str(row[i]).split("|") if m}))
        yield tuple(row)
