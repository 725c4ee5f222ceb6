"""The Python API: everything the command line does, one import away for a notebook.

    from policykg import api
    result = api.build(["plan.txt"], "plans.trig")
    columns, rows = api.query("tasks", "plans.trig")
    api.load(["plans.trig"], "store/")                  # a persistent local store (Oxigraph)
    columns, rows = api.query("tasks", "store/")         # a store directory or an endpoint URL
    api.push(["plans.trig"], update="http://localhost:7878/update")

A facade: reading documents into a graph or a store is policykg/pipeline/ (re-exported here), the
work of each command lives in its folder (shapes/, ontology/, queries/, graph/export/); this module
opens sources and hands them on.
"""
from __future__ import annotations

import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, TypeAlias

from rdflib import Dataset

from policykg import queries
from policykg.errors import InputError, PolicyKGError, PolicyKGWarning
from policykg.graph.endpoint import DEFAULT_TIMEOUT, EndpointStore, check_url, is_endpoint_url
from policykg.graph.oxigraph_store import OxigraphStore, looks_like_store
from policykg.graph.parts import Pushed
from policykg.graph.push import push as push_dataset, stored_counts, target_for
from policykg.graph.query_scope import filtered_scope
from policykg.graph.store import PARSE_FORMATS, GraphStore, MemoryStore
from policykg.ontology import load_ontology
from policykg.queries import national
# the documents -> graph -> store pipeline, re-exported: `api.build`, `api.load`, ... stay one import away
from policykg.pipeline import (BuildResult, Failure, LoadResult, Progress, build,  # noqa: F401
                               build_graphs, expand_paths, keep_rows, load, load_documents, merge_named_graphs,
                               plan_documents, read_dataset)

#: what the query, audit and reasoning functions read: a path (graph file, plan documents, store
#: directory), an endpoint URL, a GraphStore, or an rdflib Dataset / BuildResult held in a notebook
Source: TypeAlias = "str | Path | GraphStore | Dataset | BuildResult"
#: the SHACL engine a store is audited with unless told otherwise: the fastest of the four on a
#: national store, with the same findings as the others (README, "For auditors")
STORE_ENGINE = "shacl-rust"


def open_source(source: Source, *, timeout: float = DEFAULT_TIMEOUT) -> GraphStore:
    """A graph to query: a GraphStore, an rdflib Dataset or a BuildResult (what a notebook holds), a
    SPARQL endpoint URL (http/https), a store directory made by `load`, a graph file (.trig, .ttl,
    ...), or plan documents to build."""
    if isinstance(source, BuildResult):
        return MemoryStore(source.dataset)
    if isinstance(source, Dataset):
        return MemoryStore(source)
    if not isinstance(source, (str, Path)):
        if not all(callable(getattr(source, m, None)) for m in ("select", "graph_names", "dataset")):
            raise InputError(repr(source)[:80], "is not a source: give a graph file, plan documents, a "
                                                "store directory, an endpoint URL, an rdflib Dataset, "
                                                "a BuildResult or a GraphStore")
        return source
    if is_endpoint_url(source):
        return EndpointStore(str(source), timeout=timeout)
    p = Path(source)
    if looks_like_store(p):
        return OxigraphStore(p, read_only=True)
    if p.suffix.lower() in PARSE_FORMATS:
        return MemoryStore.from_file(p)
    result = build([p])
    return MemoryStore(result.dataset)


def open_store(path: str | Path) -> OxigraphStore:
    """An existing store directory, for queries (several processes may read it at once)."""
    return OxigraphStore(path, read_only=True)


def open_endpoint(url: str, timeout: float = DEFAULT_TIMEOUT) -> EndpointStore:
    """A remote SPARQL endpoint; a login comes from POLICYKG_SPARQL_USER / POLICYKG_SPARQL_PASSWORD."""
    return EndpointStore(url, timeout=timeout)


def query(name: str, source: Source,
          params: dict[str, str] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run a named library query; returns (columns, rows) in the query's documented columns."""
    store, text, (columns, rows) = _run_library(name, source, params)
    rows = list(rows)
    _note_empty(store, text, rows)
    return columns, rows


def stream_query(name: str, source: Source,
                 params: dict[str, str] | None = None) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """`query`, with the rows as the engine gives them (a local store yields them one at a time, so a
    national list can be written to a file or summed up without holding it in memory):

        columns, rows = api.stream_query("tasks", "store/")
        for row in rows: ...
    """
    store, text, (columns, rows) = _run_library(name, source, params)
    return columns, _noting_empty(store, text, rows)


def _run_library(name: str, source: Source, params: dict[str, str] | None):
    """The opened store, the bound query text, and its columns and tidied rows (an iterator): the
    kept rows were tidied when they were kept, the store's are tidied as they come."""
    q = queries.get(name)
    store = open_source(source)
    text = q.bind(params)
    # the national rows kept after the last load, filtered as the query's @filters say (queries/national.py)
    kept = national.cached(store, name, params) if isinstance(store, OxigraphStore) else None
    if kept is not None:
        return store, text, kept
    if isinstance(store, OxigraphStore) and national.answers(q, params) and national.stale(store, name):
        warnings.warn(f"{store.path}: the rows kept for {name} are out of date (the store changed "
                      "since they were kept, or the query did), so the store itself is asked, which is slower; "
                      f"`policykg keep-rows --store {store.path}` keeps them again", PolicyKGWarning, stacklevel=3)
    columns, rows = _stream(_scoped(store, params), text)
    return store, text, (columns, queries.tidied(q, columns, rows))


def sparql(text: str, source: Source) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run an ad-hoc SELECT query."""
    store = open_source(source)
    columns, rows = store.select(text)
    _note_empty(store, text, rows)
    return columns, list(_blanks(rows))


def stream_sparql(text: str, source: Source) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """`sparql`, with the rows as the engine gives them (see `stream_query`)."""
    store = open_source(source)
    columns, rows = _stream(store, text)
    return columns, _blanks(_noting_empty(store, text, rows))


def _blanks(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """Unbound values as "" (what the library's tidying gives)."""
    return (tuple("" if v is None else v for v in row) for row in rows)


def _stream(store: GraphStore, text: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """A store's rows one at a time where it can give them so (Oxigraph), else its row list."""
    if callable(getattr(store, "stream", None)):
        return store.stream(text)
    columns, rows = store.select(text)
    return columns, iter(rows)


def _scoped(store: GraphStore, params: dict[str, str] | None) -> GraphStore:
    """One plan, unit or department type of a national store: the store read through the graphs of
    the plans that can give rows (graph/query_scope.py; the same rows, far sooner), when they are few."""
    if not params or not isinstance(store, OxigraphStore):
        return store
    scope = filtered_scope(store, params)
    return store if scope is None else store.scoped(scope)


def _noting_empty(store: GraphStore, text: str, rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    """The rows, then `_note_empty`'s warning if there were none."""
    seen = False
    for row in rows:
        seen = True
        yield row
    if not seen:
        _note_empty(store, text, [])


def _note_empty(store: GraphStore, text: str, rows: list) -> None:
    """No rows from an endpoint whose default graph is empty while its named graphs hold data: a
    PolicyKGWarning says which graphs the query read (an empty answer is the first sign of a server
    that keeps its plans out of the default graph)."""
    if not rows and isinstance(store, EndpointStore):
        note = store.empty_default_note(text)
        if note:
            warnings.warn(note, PolicyKGWarning, stacklevel=3)


@dataclass
class PushResult:
    graphs: list[Pushed]
    #: why the triple counts could not be read back (the push itself succeeded), or None
    verify_error: str | None = None


def export(source: Source, output: str | Path, *, view: str = "responsibility", fmt: str | None = None,
           by: str = "unit", plan: str | None = None) -> tuple[Any, list[Path]]:
    """Write a network view (graph/export: responsibility, collaboration, indicators, full) for
    Gephi, yEd, Cytoscape, D3, Graphviz or the browser; returns the networkx graph and the files
    written (`fmt` defaults to the output's extension; csv writes a nodes and an edges file)."""
    from policykg.graph import export as exports
    g = exports.view(open_source(source), view, by=by, plan=plan)
    return g, exports.write(g, output, fmt)


def stats(source: Source, *, top: int = 20,
          plan: str | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Top units by lead count, degree and betweenness centrality, per plan and across plans."""
    from policykg.graph import export as exports
    return exports.stats(open_source(source), top=top, plan=plan)


def push(paths: Iterable[str | Path] | Dataset, *, graph_store: str | None = None,
         update: str | None = None, endpoint: str | None = None, timeout: float = DEFAULT_TIMEOUT,
         keep_going: bool = False, progress: Progress | None = None) -> PushResult:
    """Upload plans to a triple store: with `graph_store`, through the SPARQL 1.1 Graph Store HTTP
    Protocol (PUT per plan graph; with `update` as well, each plan is PUT into a staging graph and
    swapped in by one MOVE, atomic on every store); otherwise as SPARQL Update requests to `update`
    (or, when that is not given, `endpoint`).  With `endpoint`, each graph's triple count is then
    read back from the store into `Pushed.stored`; a failure to read them back does not undo the
    push."""
    if isinstance(paths, Dataset):
        ds = paths
    else:
        ds, _ = read_dataset(paths, keep_going=keep_going, progress=progress)
    target = target_for(graph_store=graph_store, update=update or (None if graph_store else endpoint),
                        timeout=timeout)
    if endpoint:
        check_url(endpoint)  # refuse a malformed URL before sending anything
    result = PushResult(push_dataset(ds, target, ontology=load_ontology()))
    if endpoint and result.graphs:
        try:
            counts = stored_counts(EndpointStore(endpoint, timeout=timeout),
                                   [p.iri for p in result.graphs])
        except PolicyKGError as exc:
            result.verify_error = str(exc)
        else:
            for p in result.graphs:
                p.stored = counts.get(p.iri, 0)
    return result


def dataset_for(sources: Iterable[str | Path] | Source, *, keep_going: bool = False,
                progress: Progress | None = None) -> Dataset:
    """Everything `validate`, `export` and `reason` read: a store or endpoint (its dataset), or
    graph files and plan documents, merged (named graphs kept)."""
    if isinstance(sources, BuildResult):
        return sources.dataset
    if isinstance(sources, Dataset):
        return sources
    if not isinstance(sources, (list, tuple)):
        sources = [sources]  # type: ignore[list-item]
    stores = [s for s in sources if not isinstance(s, (str, Path))
              or is_endpoint_url(s) or looks_like_store(Path(s))]
    if stores:
        if len(sources) != 1:
            raise InputError(", ".join(map(str, sources)), "give one store or endpoint, or files")
        return open_source(stores[0]).dataset()
    ds, _ = read_dataset(sources, keep_going=keep_going, progress=progress, need_named=False)
    return ds


def validate(sources: Iterable[str | Path] | Source, *, progress: Progress | None = None,
             workers: int = 1, engine: str | None = None, plan: str | None = None, full: bool = False):
    """Audit plans with the SHACL shapes; returns an AuditReport (scorecards and findings).
    `engine` is pyshacl, rudof, jena or shacl-rust; the findings are the same either way (None:
    shacl-rust for a store, the fastest; pyshacl, the reference, otherwise).  `plan` audits only the plans it names
    (title contains it, region is it, document name starts with it, or the plan IRI), as `export`
    and `stats` choose them; the findings of a plan do not depend on the others.

    A store (an OxigraphStore or a store directory) is audited straight from Oxigraph in batches of
    plans (`workers` > 1: in that many processes), reading only the chosen plans' graphs, and keeps
    each plan's audit in the store: the next call audits only the plans that changed and reads the
    others back (shapes/audit_cache.py; `report.cache` says how many took which way); `full` audits
    every plan again.  Files and datasets are copied into an in-memory store and audited the same
    way (shapes.audit_batched), without a cache."""
    from policykg.shapes import audit_batched
    from policykg.shapes.audit_cache import cached_audit
    one = _only_store(sources)
    if one is not None:
        with _reading(one) as store:
            return cached_audit(store, engine=engine or STORE_ENGINE, progress=progress, workers=workers,
                                only=_chosen(store, plan), full=full)
    ds = dataset_for(sources)
    return audit_batched(ds, progress=progress, workers=workers, engine=engine or "pyshacl",
                         only=_chosen(MemoryStore(ds), plan))


@contextmanager
def _reading(one: OxigraphStore | str | Path) -> Iterator[OxigraphStore]:
    """The store `one` is, or the store directory it names opened for reading (and closed after)."""
    if isinstance(one, OxigraphStore):
        yield one
        return
    store = open_store(one)
    try:
        yield store
    finally:
        store.close()


def _chosen(store: GraphStore, plan: str | None) -> set[str] | None:
    """The IRIs of the plans a `--plan` filter names (None: every plan); naming none is an error that
    lists some of the plans there are."""
    if plan is None:
        return None
    from policykg.graph.export.data import chosen_iris
    return chosen_iris(store, plan)


def reason(sources: Iterable[str | Path] | Source, *, reasoner: str = "hermit", write: bool = False,
           plan: str | None = None):
    """Run the reasoner per plan; returns a ReasoningResult (inferred graphs, summary).

    With reasoner="sparql" a store is reasoned over where it is (rules run inside Oxigraph, nothing
    read into memory); the other reasoners read the plans first.  `write` puts the inferred graphs
    back into the store given as the source (one graph per plan, each replaced whole).  `plan`
    reasons over only the plans it names (as `validate --plan`): their graphs and the shared nodes
    they reach are read into memory, whatever the reasoner, so HermiT gives one county of a national
    store in seconds; with `write`, only their inferred graphs are replaced.  The branching is
    ontology.reasoning.reason_over's: here the sources are only opened."""
    from policykg.ontology.reasoning import not_a_store, reason_over
    one, name = _only_store(sources), str(_single(sources))
    if write and one is None:  # refused before any document is read
        raise not_a_store(name)
    return reason_over(one if one is not None else dataset_for(sources), reasoner=reasoner, write=write,
                       plan=plan, name=name)


def _single(sources: Any) -> Any:
    """A one-item list as its item; anything else as it is."""
    return sources[0] if isinstance(sources, (list, tuple)) and len(sources) == 1 else sources


def _only_store(sources: Any) -> OxigraphStore | str | Path | None:
    """The local store `sources` names, when it names one alone (an OxigraphStore or a store
    directory, bare or as a one-item list); else None."""
    one = _single(sources)
    if isinstance(one, OxigraphStore) or (isinstance(one, (str, Path)) and looks_like_store(Path(one))):
        return one
    return None
