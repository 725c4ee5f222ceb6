"""Where a built graph lives while it is queried: one small interface, several backends.

`GraphStore` is what queries, audits and exports talk to.  `MemoryStore` keeps an rdflib Dataset in
memory (a few plans); an Oxigraph-backed store for national-scale corpora and a remote SPARQL
endpoint implement the same three methods.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result

from policykg.errors import InputError, QueryError
from policykg.graph.serialize import PARSE_FORMATS  # the one table of RDF file extensions
from policykg.graph.vocab import PREFIXES

#: file extension -> rdflib parser format, for reading graph files back


class GraphStore(Protocol):
    def select(self, sparql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run a SELECT query; column names and rows of Python values (None where unbound)."""

    def graph_names(self) -> list[str]:
        """IRIs of the named graphs held."""

    def dataset(self) -> Dataset:
        """The whole content as an rdflib Dataset (may be expensive for large stores)."""


def to_python(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    value = term.toPython() if hasattr(term, "toPython") else term
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if type(value).__name__ == "Decimal":
        return format(value.normalize(), "f")  # 100, 0.8: the same whatever the engine stored
    if isinstance(value, Literal) or not isinstance(value, (int, float, str, bool)):
        return str(term)  # a datatype rdflib leaves as a Literal (xsd:gYear): its lexical form, a plain str
    return value


def _parse_error(exc: Exception) -> str:
    """rdflib's Turtle/TriG errors put the place on one line and the reason on the next
    ("at line 1 of <>:" / "Bad syntax (...) at ^ in: ..."): both, on one line."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    if len(lines) >= 2 and lines[0].startswith("at line"):
        return f"{lines[1].split(' at ^')[0]} {lines[0].split(' of ')[0].rstrip(':')}"
    return lines[0] if lines else type(exc).__name__


class MemoryStore:
    """An rdflib Dataset whose default graph is the union of its named graphs."""

    def __init__(self, ds: Dataset | None = None) -> None:
        if ds is None:
            ds = Dataset(default_union=True)
        ds.default_union = True
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns)
        self._ds = ds

    @classmethod
    def from_file(cls, path: str | Path) -> "MemoryStore":
        p = Path(path)
        fmt = PARSE_FORMATS.get(p.suffix.lower())
        if fmt is None:
            raise InputError(p, f"is not a graph file policykg reads (expected one of "
                                f"{', '.join(sorted(PARSE_FORMATS))})")
        if not p.is_file():
            raise InputError(p, "no such file")
        ds = Dataset(default_union=True)
        try:
            ds.parse(p, format=fmt)
        except Exception as exc:  # rdflib raises many parser-specific types
            raise InputError(p, f"is not valid {fmt}: {_parse_error(exc)[:200]}") from None
        return cls(ds)

    def select(self, sparql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        try:
            result: Result = self._ds.query(sparql)
        except Exception as exc:
            raise QueryError(f"query failed: {str(exc).splitlines()[0][:300]}") from None
        columns = [str(v) for v in (result.vars or [])]
        rows = [tuple(to_python(row[i]) for i in range(len(columns))) for row in result]
        return columns, rows

    def graph_names(self) -> list[str]:
        return sorted(str(g.identifier) for g in self._ds.graphs() if len(g))

    def dataset(self) -> Dataset:
        return self._ds
