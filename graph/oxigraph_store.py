"""A persistent local store (Oxigraph, through pyoxigraph) for corpora too large to re-parse.

A graph file is parsed into memory every time it is queried; a store directory is opened in
milliseconds and queried by Oxigraph's SPARQL engine.  `load` puts a dataset in with the same graph
layout a push gives a remote store (graph/push.py): every plan graph replaced whole in one
transaction, the shared graph merged, the ontology in a graph of its own.  Query results are the
same Python values `MemoryStore` gives (terms go through `graph.store.to_python`), so a query gives
the same rows from a file, a store directory and an endpoint.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from policykg.errors import InputError, OutputError, QueryError
from policykg.graph import vocab as V
from policykg.graph.parts import Part, Pushed, insert_data, parts
from policykg.graph.store import to_python
from policykg.graph.vocab import ONTOLOGY_GRAPH, PREFIXES, inferred_graph_iri

#: files every Oxigraph (RocksDB) store directory has
_MARKERS = ("CURRENT", "IDENTITY")


def looks_like_store(path: str | Path) -> bool:
    """True for a directory that holds an Oxigraph store (not a folder of plan documents)."""
    p = Path(path)
    return p.is_dir() and all((p / m).is_file() for m in _MARKERS)


def _oxigraph():
    try:
        import pyoxigraph
    except ImportError:  # pragma: no cover - a dependency; the message says how to get it
        raise InputError("pyoxigraph", "is not installed: pip install pyoxigraph") from None
    return pyoxigraph


def to_rdflib(term: Any) -> Any:
    """A pyoxigraph term as the rdflib term MemoryStore would have produced."""
    ox = _oxigraph()
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == str(XSD.string) else \
            Literal(term.value, datatype=URIRef(datatype))
    return URIRef(str(term))  # a quoted triple or a default-graph marker: not in policykg data


@lru_cache(maxsize=8192)
def named_node(iri: str) -> Any:
    return _oxigraph().NamedNode(iri)


def from_rdflib(term: Any) -> Any:
    """An rdflib term as a pyoxigraph term (IRIs cached: classes and properties recur on every line);
    None (a wildcard in a pattern) stays None."""
    if term is None:
        return None
    kind = type(term)
    if kind is URIRef:
        return named_node(term)
    ox = _oxigraph()
    if kind is Literal:
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and term.datatype != XSD.string:
            return ox.Literal(str(term), datatype=named_node(term.datatype))
        return ox.Literal(str(term))
    if isinstance(term, URIRef):
        return named_node(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ntriples(triples: Iterable[tuple[Any, Any, Any]], graph: str | None = None) -> bytes:
    """rdflib triples as canonical N-Triples (what Oxigraph itself writes, so lines compare equal
    with a dump of the store), or as N-Quads in `graph`, in the order given."""
    ox = _oxigraph()
    if graph is None:
        return ox.serialize((ox.Triple(from_rdflib(s), from_rdflib(p), from_rdflib(o)) for s, p, o in triples),
                            format=ox.RdfFormat.N_TRIPLES)
    g = named_node(graph)
    return ox.serialize((ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), g) for s, p, o in triples),
                        format=ox.RdfFormat.N_QUADS)


_AUDIT = str(V.AUDIT_GRAPH)
_STRING = str(XSD.string)
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_INTEGER = str(XSD.integer)

#: Above this many plans a query's plan scope is not worth it: Oxigraph probes each listed graph
#: once per pattern and row, so its time grows with graphs × rows.  Measured on 2,800 generated plans:
#: `tasks` over 10 plans' graphs 0.04 s, 30 plans 0.08 s, 60 plans 0.23 s; over the union 2.1 s.
SCOPE_MAX_PLANS = 32


def to_value(term: Any) -> Any:
    """A pyoxigraph term as the Python value a row holds; the common kinds (IRIs, strings,
    integers) directly, the rest through rdflib so every engine gives the same values."""
    if term is None:
        return None
    ox = _oxigraph()
    kind = term.__class__
    if kind is ox.NamedNode:
        return term.value
    if kind is ox.Literal:
        datatype = term.datatype.value
        if datatype == _STRING or datatype == _LANG_STRING:
            return term.value
        if datatype == _INTEGER and term.value.lstrip("+-").isdigit():
            return int(term.value)
    return to_python(to_rdflib(term))


@dataclass(frozen=True)
class PlanGraph:
    """A plan in a store: its IRI, its named graph, and its inferred graph if it has one."""

    plan: str
    graph: str
    inferred: str | None = None


def plan_graphs(source: Any) -> list[PlanGraph]:
    """The plan graphs of a pyoxigraph store, by plan IRI: every named graph holding a pkg:Plan except
    the shared, ontology and inferred graphs."""
    ox = _oxigraph()
    plans: dict[str, list[str]] = {}
    for q in source.quads_for_pattern(None, named_node(str(RDF.type)), named_node(str(V.Plan)), None):
        graph = q.graph_name
        if isinstance(graph, ox.NamedNode) and isinstance(q.subject, ox.NamedNode):
            plans.setdefault(graph.value, []).append(q.subject.value)
    names = {g.value for g in source.named_graphs() if isinstance(g, ox.NamedNode)}
    out = []
    for name, subjects in plans.items():
        if name in (str(V.SHARED_GRAPH), str(ONTOLOGY_GRAPH)) or name.startswith(str(V.INFERRED_GRAPH)):
            continue
        inferred: str | None = str(inferred_graph_iri(URIRef(name)))
        if inferred not in names or \
                next(iter(source.quads_for_pattern(None, None, None, ox.NamedNode(inferred))), None) is None:
            inferred = None
        out.append(PlanGraph(min(subjects), name, inferred))
    return sorted(out, key=lambda p: p.plan)


#: the plans (and their graphs) whose title contains $text (an RDF literal)
_PLANS_TITLED = """SELECT ?g ?plan WHERE {
  GRAPH ?g { ?plan a <%s> ; <%s> ?title }
  FILTER(CONTAINS(STR(?title), $text)) }""" % (V.Plan, DCTERMS.title)


def plans_among(source: Any, found: Iterable[tuple[str, str]], *,
                max_plans: int = SCOPE_MAX_PLANS) -> list[PlanGraph] | None:
    """The plans of the (named graph, plan IRI) pairs `found`, by plan IRI, each with its inferred
    graph if it has one; pairs of the shared, ontology and inferred graphs are left out.  None as soon
    as more than `max_plans` graphs are found (`found` is read lazily: a query stops there)."""
    ox = _oxigraph()
    plans: dict[str, str] = {}
    for graph, plan in found:
        if graph in (str(V.SHARED_GRAPH), str(ONTOLOGY_GRAPH)) or graph.startswith(str(V.INFERRED_GRAPH)):
            continue
        plans[graph] = min(plans.get(graph, plan), plan)
        if len(plans) > max_plans:
            return None
    out = []
    for graph, plan in plans.items():
        inferred: str | None = str(inferred_graph_iri(URIRef(graph)))
        if next(iter(source.quads_for_pattern(None, None, None, ox.NamedNode(inferred))), None) is None:
            inferred = None
        out.append(PlanGraph(plan, graph, inferred))
    return sorted(out, key=lambda p: p.plan)


def reached(source: Any, nodes: Iterable[Any], graph: Any) -> list[Any]:
    """The quads of `graph` (a pyoxigraph store's graph) about the IRIs among `nodes` and about what
    those reach, following links but not rdf:type (graph/slices.py's rule), looked up node by node:
    a few plans' slice of a national shared graph without reading all of it."""
    ox = _oxigraph()
    rdf_type = named_node(str(RDF.type))
    frontier = [n for n in nodes if isinstance(n, ox.NamedNode)]
    seen = set(frontier)
    quads = []
    while frontier:
        for q in source.quads_for_pattern(frontier.pop(), None, None, graph):
            quads.append(q)
            o = q.object
            if q.predicate != rdf_type and isinstance(o, (ox.NamedNode, ox.BlankNode)) and o not in seen:
                seen.add(o)
                frontier.append(o)
    return quads


def _as_dataset(quads: Iterable[Any]) -> Dataset:
    """pyoxigraph quads in an rdflib Dataset (the store's default graph left out: policykg keeps
    nothing there)."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for q in quads:
        if q.graph_name is None or not hasattr(q.graph_name, "value"):
            continue
        ds.graph(to_rdflib(q.graph_name)).add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return ds


def graphs_of(plans: list[PlanGraph]) -> list[str]:
    """What a scope reads: the plans' graphs and inferred graphs, then the shared graph and ontology."""
    graphs = [g for pg in plans for g in (pg.graph, pg.inferred) if g is not None]
    return graphs + [str(V.SHARED_GRAPH), str(ONTOLOGY_GRAPH)]


def _rows(solutions: Any) -> Iterator[tuple[Any, ...]]:
    """Rows of Python values from pyoxigraph solutions (a solution iterates in variable order)."""
    try:
        for sol in solutions:
            yield tuple(map(to_value, sol))
    except OSError as exc:
        raise QueryError(f"query failed: {str(exc).splitlines()[0][:300]}") from None


class OxigraphStore:
    """An Oxigraph store in a directory; its default graph is the union of its named graphs.

    `OxigraphStore(path)` opens (or creates) the store for writing and holds its lock until
    `close()`; `OxigraphStore(path, read_only=True)` opens an existing store for queries only, so
    several processes may query it at once."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        ox = _oxigraph()
        self.path = Path(path)
        self.read_only = read_only
        if read_only or self.path.exists():
            if not self.path.is_dir():
                raise InputError(self.path, "no such store directory" if not self.path.exists() else
                                 "is a file, not a store directory")
            if not looks_like_store(self.path):
                if read_only or any(self.path.iterdir()):
                    raise InputError(self.path, "is not a policykg store (make one with "
                                                "`policykg load DOCUMENTS --store DIR`)")
        try:
            self._store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if "lock" in reason.lower():
                raise InputError(self.path, "is open in another process (a load still running?)") \
                    from None
            raise InputError(self.path, f"cannot be opened as a store: {reason[:200]}") from None
        except RuntimeError as exc:  # RocksDB "Corruption": files changed under a read-only opener
            reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            raise InputError(self.path, f"cannot be opened as a store: {reason} (if a load or `reason "
                                        "--write` is writing to it, open it when that has finished)") from None

    # --- lifecycle ------------------------------------------------------------------------------
    def close(self) -> None:
        """Release the store (and its lock); the object cannot be used afterwards."""
        if getattr(self, "_store", None) is not None:
            if not self.read_only:
                self._store.flush()
            self._store = None

    def __enter__(self) -> "OxigraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _live(self):
        if self._store is None:
            raise InputError(self.path, "the store was closed")
        return self._store

    def native(self) -> Any:
        """The open pyoxigraph.Store, for code that works inside the store (the SPARQL rules, the
        bulk loader, the store audit) rather than through SELECT queries."""
        return self._live()

    def flush(self) -> None:
        """Make what was written durable now."""
        self._live().flush()

    # --- GraphStore -----------------------------------------------------------------------------
    def select(self, sparql: str, *, graphs: Sequence[str] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Rows of a SELECT over the union of the store's graphs, or over only `graphs` (named graph IRIs,
        which are then also the only graphs a GRAPH pattern sees; see `scoped`)."""
        columns, rows = self.stream(sparql, graphs=graphs)
        return columns, list(rows)

    def stream(self, sparql: str, *, graphs: Sequence[str] | None = None) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """`select`'s columns and its rows as Oxigraph yields them, converted one at a time: a national
        list written to a file never sits in memory whole (an ORDER BY is still sorted by Oxigraph first)."""
        ox = _oxigraph()
        try:
            if graphs is None:
                result = self._live().query(sparql, use_default_graph_as_union=True)
            else:
                nodes = [ox.NamedNode(g) for g in graphs]
                result = self._live().query(sparql, default_graph=nodes, named_graphs=nodes)
        except SyntaxError as exc:
            raise QueryError(f"query is not valid SPARQL: {str(exc).splitlines()[0][:300]}") from None
        except OSError as exc:
            raise QueryError(f"query failed: {str(exc).splitlines()[0][:300]}") from None
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT queries give rows (this is an ASK, CONSTRUCT or DESCRIBE)")
        return [v.value for v in result.variables], _rows(result)

    def plan_scope(self, title_contains: str, *, max_plans: int = SCOPE_MAX_PLANS) -> list[str] | None:
        """The graphs a query about the plans whose title contains `title_contains` reads (see
        `plans_scope`); None when more than `max_plans` plans match, where the whole store answers faster.

        A library query's `plan` parameter keeps only rows of plans whose dcterms:title contains the
        text; such rows are made of those plans' own graphs and the shared ones, so the query gives the
        same rows over this scope while reading a few plans' graphs instead of every plan's.  The titles
        are matched by one query inside Oxigraph (2,800 titles: 0.02 s; listing every plan graph
        from Python first took 0.4-0.6 s)."""
        found = plans_among(self._live(), (
            (sol[0].value, sol[1].value)
            for sol in self._live().query(_PLANS_TITLED.replace("$text", Literal(title_contains).n3()))),
            max_plans=max_plans)
        return None if found is None else graphs_of(found)

    def plans_scope(self, plans: Iterable[str], *, max_plans: int = SCOPE_MAX_PLANS) -> list[str] | None:
        """The graphs that hold what the store knows about `plans` (plan IRIs): their plan graphs and
        inferred graphs, the shared graph and the ontology; None for more than `max_plans` plans."""
        wanted = set(plans)
        if len(wanted) > max_plans:
            return None
        return graphs_of([pg for pg in plan_graphs(self._live()) if pg.plan in wanted])

    def scoped(self, graphs: Sequence[str]) -> "ScopedStore":
        """This store seen through `graphs` alone (as `plans_scope` gives them): what queries read."""
        return ScopedStore(self, list(graphs))

    def graph_names(self) -> list[str]:
        store = self._live()
        names = []
        for g in store.named_graphs():
            if g.value == _AUDIT:  # the audit's cache, no part of the plans' data
                continue
            if next(iter(store.quads_for_pattern(None, None, None, g)), None) is not None:
                names.append(g.value)
        return sorted(names)

    def dataset(self, graphs: Sequence[str] | None = None) -> Dataset:
        """The store's named graphs (or only `graphs`) read into an rdflib Dataset."""
        store = self._live()
        ox = _oxigraph()
        quads = (q for q in store.quads_for_pattern(None, None, None, None)
                 if getattr(q.graph_name, "value", None) != _AUDIT) if graphs is None else \
            (q for g in graphs for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        return _as_dataset(quads)

    def plans_dataset(self, plans: Iterable[str]) -> Dataset:
        """What per-plan work (reasoning) reads of `plans` (plan IRIs): their plan graphs and inferred
        graphs, the ontology graph, and of the shared graph only the nodes they reach (graph/slices.py's
        rule), looked up node by node; at 2,800 plans the whole shared graph is 235k triples, 7 s to
        read, and one county reaches a few thousand."""
        store = self._live()
        ox = _oxigraph()
        wanted = set(plans)
        quads, nodes = [], set()
        for pg in plan_graphs(store):
            if pg.plan not in wanted:
                continue
            for name in (pg.graph, pg.inferred):
                if name is not None:
                    got = list(store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
                    quads += got
                    if name == pg.graph:
                        nodes.update(t for q in got for t in (q.subject, q.object))
        quads += store.quads_for_pattern(None, None, None, named_node(str(ONTOLOGY_GRAPH)))
        return _as_dataset(quads + reached(store, nodes, named_node(str(V.SHARED_GRAPH))))

    def __len__(self) -> int:
        return len(self._live())

    # --- loading --------------------------------------------------------------------------------
    def load(self, ds: Dataset, *, ontology: Graph | None = None,
             progress: Callable[[Part, int, int], None] | None = None) -> list[Pushed]:
        """Put `ds` in: each plan graph replaces its earlier version whole (one transaction per
        graph), the shared graph is merged, other plans stay as they are; the `ontology` graph, when
        given, replaces the store's."""
        if self.read_only:
            raise OutputError(f"{self.path}: the store was opened read-only")
        store = self._live()
        todo = parts(ds, ontology)
        done: list[Pushed] = []
        for i, part in enumerate(todo, 1):
            if progress:
                progress(part, i, len(todo))
            self.write_graph(part.iri, insert_data(part))  # DROP SILENT GRAPH + INSERT DATA
            done.append(Pushed(part.iri, part.kind, len(part.graph),
                               "replaced" if part.replace else "merged"))
        store.flush()
        return done

    def write_graph(self, iri: str, update: str) -> None:
        """Run one SPARQL Update that writes graph `iri`: one transaction, so if it fails the graph
        keeps its previous content (and the error says so)."""
        if self.read_only:
            raise OutputError(f"{self.path}: the store was opened read-only")
        try:
            self._live().update(update)
        except (OSError, SyntaxError) as exc:
            raise OutputError(f"{self.path}: graph <{iri}> was not stored "
                              f"({str(exc).splitlines()[0][:200]}); its previous content is "
                              "unchanged") from None

    def graph_size(self, iri: str) -> int:
        ox = _oxigraph()
        return sum(1 for _ in self._live().quads_for_pattern(None, None, None, ox.NamedNode(iri)))


class ScopedStore:
    """A read view of an OxigraphStore restricted to some of its named graphs: queries see the union of
    those graphs as their default graph and only those in GRAPH patterns."""

    def __init__(self, store: OxigraphStore, graphs: list[str]) -> None:
        self.store, self.graphs = store, graphs

    def select(self, sparql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        return self.store.select(sparql, graphs=self.graphs)

    def stream(self, sparql: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        return self.store.stream(sparql, graphs=self.graphs)

    def graph_names(self) -> list[str]:
        wanted = set(self.graphs)
        return [g for g in self.store.graph_names() if g in wanted]

    def dataset(self) -> Dataset:
        return self.store.dataset(self.graphs)
