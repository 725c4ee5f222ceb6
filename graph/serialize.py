"""Write a dataset in the format its file extension names, deterministically and atomically.

Sorted output (same documents -> byte-identical file) and write-to-temp-then-rename (an interrupted
or failed run never leaves a half-written file, and an existing output is only replaced by a
complete one).
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from io import BytesIO

from rdflib import Dataset, Graph
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from policykg.errors import OutputError
from policykg.graph.terms import RdflibTerms, Triple
from policykg.graph.turtle import Prefixes, Unsupported, turtle
from policykg.graph.vocab import PREFIXES

#: The one table of RDF file extensions: extension -> (rdflib format, keeps named graphs, written
#: by `build`).  RDF/XML is read (an ontology or a graph from another tool) but not written.
RDF_FILES: dict[str, tuple[str, bool, bool]] = {
    ".ttl": ("turtle", False, True),
    ".nt": ("nt", False, True),
    ".trig": ("trig", True, True),
    ".nq": ("nquads", True, True),
    ".jsonld": ("json-ld", True, True),
    ".json": ("json-ld", True, True),
    ".rdf": ("xml", False, False),
    ".owl": ("xml", False, False),
    ".xml": ("xml", False, False),
}
#: what `build` writes: extension -> (rdflib format, keeps named graphs)
FORMATS: dict[str, tuple[str, bool]] = {ext: (fmt, named) for ext, (fmt, named, written)
                                        in RDF_FILES.items() if written}
#: what is read as a graph file: extension -> rdflib format
PARSE_FORMATS: dict[str, str] = {ext: fmt for ext, (fmt, _, _) in RDF_FILES.items()}


def format_for(path: str | Path) -> tuple[str, bool]:
    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise OutputError(f"{path}: unknown output format {ext or '(no extension)'!r}; use one of "
                          + ", ".join(sorted(FORMATS)))
    return FORMATS[ext]


def temp_beside(directory: str | Path, prefix: str, suffix: str) -> tuple[int, str]:
    """A new temporary file in `directory` (its descriptor and path) with the permissions any new file
    gets there (mkstemp creates 0600), to be renamed into place once written."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=directory)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    return fd, tmp


@contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator:
    """Open a temporary file beside `path`; rename it over `path` only if the block succeeds."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.exists():
        raise OutputError(f"{target}: the folder {directory} does not exist")
    fd, tmp = temp_beside(directory, f".{target.name}.", ".tmp")
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _union(ds: Dataset) -> Graph:
    g = _bound(Graph())
    for ctx in ds.graphs():
        g += ctx
    return g


def _sorted_lines(text: str) -> str:
    # split at "\n" only: str.splitlines() also splits at \f, \v, \x1c-\x1e, \x85 and U+2028/9,
    # which a literal holds unescaped (a PDF page break, a Word line break in a plan's text)
    lines = sorted({ln for ln in text.split("\n") if ln.strip()})
    return "\n".join(lines) + "\n"


def sorted_lines(graphs: Mapping[str, Iterable[Triple]], quads: bool) -> str:
    """Named graphs of N-Triples terms (graph IRI -> triples, as graph/build.py makes them) as sorted
    N-Quads, or as the sorted N-Triples of their union: byte for byte what rdflib's serializer and
    `_sorted_lines` give for the same dataset, without making an rdflib term (corpus: 0.03 s where
    rdflib took 2.5 s)."""
    if quads:
        lines = {f"{s} {p} {o} <{name}> ." for name, triples in graphs.items() for s, p, o in triples}
    else:
        lines = {f"{s} {p} {o} ." for triples in graphs.values() for s, p, o in triples}
    return "".join(f"{ln}\n" for ln in sorted(lines))


def serialize(ds: Dataset, fmt: str, quads: bool,
              graphs: Mapping[str, Iterable[Triple]] | None = None) -> str:
    """The dataset as text in a deterministic order.  `graphs`: the same dataset as N-Triples terms
    by graph IRI, when the caller has them (`build`): N-Quads and N-Triples are then written from
    those."""
    if fmt in ("nt", "nquads") and graphs is not None:
        return sorted_lines(graphs, quads)
    if fmt in ("nt", "nquads"):
        source = ds if quads else _union(ds)
        return _sorted_lines(source.serialize(format=fmt))
    if fmt == "json-ld":
        data = json.loads(ds.serialize(format="json-ld") if quads else _union(ds).serialize(format="json-ld"))
        return json.dumps(_sort_jsonld(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if fmt == "trig" and graphs is not None:
        return TRIG_HEADER + "".join(trig_block(name, graphs[name]) for name in sorted(graphs))
    if fmt == "trig":
        return _trig(ds)
    return _union(ds).serialize(format=fmt)


def _bound(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


class _Turtle(TurtleSerializer):
    """rdflib's Turtle serializer, with what it works out for an IRI remembered.

    It asks for each IRI's prefixed name every time the IRI occurs (a subject once per triple), and
    for an IRI that has none (every node policykg mints) it splits the IRI and searches the bound
    namespaces each time again: half of writing a corpus .trig.  The answer depends only on the IRI,
    the position and the prefixes bound so far (which only grow), so it is kept per IRI, position
    and number of prefixes: the same text, byte for byte."""

    def reset(self) -> None:
        super().reset()
        self._pnames: dict[tuple[Node, bool, int], str | None] = {}

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        key = (uri, gen_prefix, len(self.namespaces))
        try:
            return self._pnames[key]
        except KeyError:
            name = self._pnames[key] = super().get_pname(uri, gen_prefix)
            return name


def _turtle(g: Graph) -> str:
    out = BytesIO()
    _Turtle(g).serialize(out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


#: a .trig file starts with every prefix policykg binds; each graph block leaves out its own
TRIG_HEADER = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"
_PREFIXES = Prefixes({p: str(ns) for p, ns in PREFIXES.items()})


def trig_block(name: str, triples: Iterable[Triple]) -> str:
    """One named graph of N-Triples terms as a block of a .trig file (what `_trig` writes for it
    through rdflib, byte for byte: graph/turtle.py; rdflib writes what that does not restate)."""
    triples = list(triples)
    if not triples:
        return ""
    try:
        body = turtle(triples, _PREFIXES, indent="    ").strip("\n")  # as _indented leaves it
    except Unsupported:
        g = _bound(Graph())
        g += RdflibTerms().triples(triples)
        body = _indented(_turtle(g))
    return f"<{name}> {{\n{body}\n}}\n\n"


def _trig(ds: Dataset) -> str:
    """TriG with the named graphs in IRI order (rdflib's own order follows its store's hashing)."""
    parts = [TRIG_HEADER]
    for ctx in sorted(ds.graphs(), key=lambda c: str(c.identifier)):
        if len(ctx) == 0:
            continue
        body = _indented(_turtle(_bound(Graph() + ctx)))
        parts.append(f"<{ctx.identifier}> {{\n{body}\n}}\n\n")
    return "".join(parts)


#: what toggles a Turtle long string: an unescaped """ (an escape is matched first and skipped)
_LONG_QUOTE = re.compile(r'\\.|"""')


def _indented(turtle: str) -> str:
    """One graph's Turtle without its @prefix lines, indented to sit inside a TriG graph block.
    A line inside a multi-line (triple-quoted) literal is the literal's text: never indented or
    dropped.  Split at "\n" only (see _sorted_lines)."""
    out: list[str] = []
    inside = False
    for ln in turtle.split("\n"):
        if inside:
            out.append(ln)
        elif not ln.startswith("@prefix"):
            out.append("    " + ln if ln else "")
        if '"""' in ln and sum(m.group() == '"""' for m in _LONG_QUOTE.finditer(ln)) % 2:
            inside = not inside
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


def _sort_jsonld(node):
    if isinstance(node, list):
        items = [_sort_jsonld(x) for x in node]
        return sorted(items, key=lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True))
    if isinstance(node, dict):
        return {k: _sort_jsonld(v) for k, v in node.items()}
    return node


def write_dataset(ds: Dataset, path: str | Path,
                  graphs: Mapping[str, Iterable[Triple]] | None = None) -> None:
    """Write `ds` to `path` (format by extension); `graphs` as for `serialize`."""
    fmt, quads = format_for(path)
    text = serialize(ds, fmt, quads, graphs)
    try:
        with atomic_write(path) as fh:
            fh.write(text)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None
