"""The Python API: everything the command line does, one import away for a notebook.

    from policykg import api
    result = api.build(["plan.txt"], "plans.trig")
    columns, rows = api.query("tasks", "plans.trig")
    api.load(["plans.trig"], "store/")                  # a persistent local store (Oxigraph)
    columns, rows = api.query("tasks", "store/")         # a store directory or an endpoint URL
    api.push(["plans.trig"], update="http://localhost:7878/update")
"""
from __future__ import annotations

import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeAlias

from rdflib import Dataset
from rdflib.namespace import RDF

from policykg.errors import InputError, PolicyKGError, PolicyKGWarning
from policykg.graph import vocab as V
from policykg.graph.build import PlanGraph, assemble, build_plan_graph
from policykg.graph.endpoint import DEFAULT_TIMEOUT, EndpointStore, check_url, is_endpoint_url
from policykg.graph.iris import plan_path
from policykg.graph.oxigraph_store import OxigraphStore, looks_like_store
from policykg.graph.parts import Pushed, default_graph_size
from policykg.graph.push import push as push_dataset, stored_counts, target_for
from policykg.graph.serialize import format_for, write_dataset
from policykg.graph.store import PARSE_FORMATS, GraphStore, MemoryStore
from policykg.loaders.model import PlanRecord
from policykg.loaders.formats import DOCUMENT_EXTENSIONS
from policykg.loaders.plan import load_plan
from policykg.ontology import load_ontology
from policykg import queries

#: suffixes read as plan documents (anything else that is not a graph file is tried as text)
DOCUMENT_SUFFIXES = {".txt", ".text", ""}

Progress = Callable[[str, int, int], None]


@dataclass
class Failure:
    path: str
    reason: str


@dataclass
class BuildResult:
    plans: list[PlanGraph] = field(default_factory=list)
    dataset: Dataset | None = None
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    output: Path | None = None
    #: per-plan numbers when the plans went straight into a store (no PlanGraph kept in memory)
    summaries: list[dict[str, Any]] | None = None

    @property
    def triples(self) -> int:
        return len(self.dataset) if self.dataset is not None else 0

    def summary(self) -> list[dict[str, Any]]:
        if self.summaries is not None:
            return self.summaries
        return [plan_summary(pg.record) for pg in self.plans]


#: what the query, audit and reasoning functions read: a path (graph file, plan documents, store
#: directory), an endpoint URL, a GraphStore, or an rdflib Dataset / BuildResult held in a notebook
Source: TypeAlias = "str | Path | GraphStore | Dataset | BuildResult"


def plan_summary(r: PlanRecord) -> dict[str, Any]:
    """The per-plan numbers `build` prints: what a user checks first."""
    tasks = r.tasks()
    return {
        "doc": r.document.file_name,
        "plan": r.title,
        "region": r.region.name if r.region else "",
        "tasks": len(tasks),
        "tasks_with_lead": sum(1 for t in tasks if t.units("lead")),
        "projects": len(r.projects()),
        "indicators": len(r.indicators),
        "units": len(r.units()),
        "coverage": r.coverage.label() if r.coverage else "",
        "coverage_ratio": r.coverage.ratio if r.coverage else None,
        # every gap with its document and line ('002.txt:85: responsibility clause not read: …')
        "gaps": [g.located(r.document.file_name) for g in r.warnings],
    }


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a directory stands for the documents directly inside it (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            # a folder stands for the plan documents (and graph files) in it, not its README or images
            wanted = set(DOCUMENT_EXTENSIONS) | set(PARSE_FORMATS)
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith(".")
                              and f.suffix.lower() in wanted))
        else:
            out.append(p)
    return out


def load_documents(paths: Iterable[str | Path], *, keep_going: bool = False,
                   progress: Progress | None = None) -> tuple[list[PlanRecord], list[Failure]]:
    """Parse documents into plan records.  With keep_going, a bad file is recorded and skipped;
    without it, the first bad file raises its InputError."""
    files = expand_paths(paths)
    records: list[PlanRecord] = []
    failures: list[Failure] = []
    for i, f in enumerate(files, 1):
        if progress:
            progress(f.name, i, len(files))
        try:
            records.append(load_plan(f))
        except PolicyKGError as exc:
            if not keep_going:
                raise
            failures.append(Failure(str(f), str(exc)))
    return records, failures


def build_graphs(records: list[PlanRecord]) -> tuple[list[PlanGraph], list[Failure]]:
    """Plan graphs with unique IRIs; the same document given twice is built once."""
    graphs: list[PlanGraph] = []
    seen_sha: dict[str, str] = {}
    used_paths: dict[str, str] = {}
    skipped: list[Failure] = []
    for r in records:
        sha = r.document.sha256
        if sha in seen_sha:
            skipped.append(Failure(r.document.path, f"same content as {seen_sha[sha]}; built once"))
            continue
        seen_sha[sha] = r.document.path
        path = plan_path(r.region, r.period, r.title, r.draft, sha)
        if path in used_paths:
            path = f"{path}-{sha[:8]}"  # two different documents that print the same plan
        used_paths[path] = r.document.path
        graphs.append(build_plan_graph(r, path))
    return graphs, skipped


def build(paths: Iterable[str | Path], output: str | Path | None = None, *, keep_going: bool = False,
          progress: Progress | None = None) -> BuildResult:
    """Documents -> plan records -> one dataset; written to `output` (format by extension) if given.

    The output is written only when every step succeeded, through a temporary file, so a failed run
    leaves an existing output untouched."""
    if output is not None:
        format_for(output)  # refuse an unknown format before doing any work
    records, failures = load_documents(paths, keep_going=keep_going, progress=progress)
    if not records:
        raise InputError(", ".join(str(p) for p in paths) or "(no input)",
                         "no plan document could be read" + (
                             f" ({len(failures)} failed)" if failures else ""))
    graphs, skipped = build_graphs(records)
    result = BuildResult(plans=graphs, dataset=assemble(graphs), failures=failures, skipped=skipped)
    if output is not None:
        write_dataset(result.dataset, output)
        result.output = Path(output)
    return result


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
    q = queries.get(name)
    store = open_source(source)
    text = q.bind(params)
    plan = (params or {}).get("plan", "")
    # one plan of a national store: read its graphs, not every plan's (the same rows, far sooner)
    scope = store.plan_scope(plan) if plan and q.takes("plan") and isinstance(store, OxigraphStore) else None
    columns, rows = (store if scope is None else store.scoped(scope)).select(text)
    _note_empty(store, text, rows)
    return columns, queries.tidy_rows(q, columns, rows)


def sparql(text: str, source: Source) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run an ad-hoc SELECT query."""
    store = open_source(source)
    columns, rows = store.select(text)
    _note_empty(store, text, rows)
    return columns, [tuple("" if v is None else v for v in row) for row in rows]


def _note_empty(store: GraphStore, text: str, rows: list) -> None:
    """No rows from an endpoint whose default graph is empty while its named graphs hold data: a
    PolicyKGWarning says which graphs the query read (an empty answer is the first sign of a server
    that keeps its plans out of the default graph)."""
    if not rows and isinstance(store, EndpointStore):
        note = store.empty_default_note(text)
        if note:
            warnings.warn(note, PolicyKGWarning, stacklevel=3)


def read_dataset(paths: Iterable[str | Path], *, keep_going: bool = False,
                 progress: Progress | None = None) -> tuple[Dataset, BuildResult | None]:
    """What `load` and `push` send: graph files (with one named graph per plan) are parsed, plan
    documents are built; both may be given together.  Returns the dataset and, when documents were
    built, their BuildResult (for the summary)."""
    files = expand_paths(paths)
    if not files:
        raise InputError("(no input)", "give plan documents or graph files")
    graph_files = [f for f in files if f.suffix.lower() in PARSE_FORMATS]
    documents = [f for f in files if f.suffix.lower() not in PARSE_FORMATS]
    built = build(documents, keep_going=keep_going, progress=progress) if documents else None
    ds = built.dataset if built is not None else Dataset(default_union=True)
    for f in graph_files:
        parsed = MemoryStore.from_file(f).dataset()
        if default_graph_size(parsed):
            raise InputError(f, "holds no named graphs, so its plans cannot be stored one graph each: "
                                "build to .trig, .nq or .jsonld, or give the plan documents")
        for ctx in parsed.graphs():
            if len(ctx):
                target = ds.graph(ctx.identifier)
                target += ctx
    return ds, built


@dataclass
class LoadResult:
    graphs: list[Pushed]
    build: BuildResult | None = None
    store_triples: int = 0
    store_graphs: int = 0


def load(paths: Iterable[str | Path], store: str | Path, *, keep_going: bool = False,
         progress: Progress | None = None, workers: int | None = 1) -> LoadResult:
    """Put plans (documents or graph files) into a persistent local store, created if needed.
    Each plan replaces its earlier version whole; other plans in the store are left as they are.

    Plan documents go straight into the store (graph/bulk.py): parsed in `workers` processes (None:
    one per core) and bulk-loaded in batches as they arrive; a failed run changes nothing, a killed
    one leaves the store usable with whole plans only.  Graph files (or a mix) are parsed into one
    dataset first and then stored."""
    files = expand_paths(paths)
    documents = [f for f in files if f.suffix.lower() not in PARSE_FORMATS]
    if documents and len(documents) == len(files):
        from policykg.graph.bulk import load_documents as bulk_load
        bulk = bulk_load(documents, store, load_ontology(), keep_going=keep_going, progress=progress, workers=workers)
        built = BuildResult(failures=[Failure(*f) for f in bulk.failures],
                            skipped=[Failure(*f) for f in bulk.skipped], summaries=bulk.summaries)
        return LoadResult(bulk.graphs, built, bulk.store_triples, bulk.store_graphs)
    ds, built = read_dataset(paths, keep_going=keep_going, progress=progress)
    with OxigraphStore(store) as target:
        graphs = target.load(ds, ontology=load_ontology())
        return LoadResult(graphs, built, len(target), len(target.graph_names()))


@dataclass
class PushResult:
    graphs: list[Pushed]
    #: why the triple counts could not be read back (the push itself succeeded), or None
    verify_error: str | None = None


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
    files = expand_paths(sources)
    graph_files = [f for f in files if f.suffix.lower() in PARSE_FORMATS]
    documents = [f for f in files if f.suffix.lower() not in PARSE_FORMATS]
    ds = build(documents, keep_going=keep_going, progress=progress).dataset if documents else \
        Dataset(default_union=True)
    for f in graph_files:
        for ctx in MemoryStore.from_file(f).dataset().graphs():
            if len(ctx):
                target = ds.graph(ctx.identifier)
                target += ctx
    return ds


def validate(sources: Iterable[str | Path] | Source, *, progress: Progress | None = None,
             workers: int = 1, engine: str = "pyshacl", plan: str | None = None):
    """Audit plans with the SHACL shapes; returns an AuditReport (scorecards and findings).
    `engine` is pyshacl, rudof or jena; the findings are the same either way.  `plan` audits only the plans
    it names (title contains it, region is it, document name starts with it, or the plan IRI), as
    `export` and `stats` choose them; the findings of a plan do not depend on the others.  A store (an
    OxigraphStore or a store directory) is audited straight from Oxigraph in batches of plans
    (`workers` > 1: in that many processes), reading only the chosen plans' graphs; files and datasets
    are copied into an in-memory store and audited the same way (shapes.audit_batched)."""
    from policykg.shapes import audit_batched, audit_store
    one = _only_store(sources)
    if one is not None:
        with _reading(one) as store:
            return audit_store(store, engine=engine, progress=progress, workers=workers,
                               only=_chosen(store, plan))
    ds = dataset_for(sources)
    return audit_batched(ds, progress=progress, workers=workers, engine=engine,
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
    from policykg.graph.export.data import plans, select_plans
    return {p.iri for p in select_plans(plans(store), plan)}


def reason(sources: Iterable[str | Path] | Source, *, reasoner: str = "hermit", write: bool = False,
           plan: str | None = None):
    """Run the reasoner per plan; returns a ReasoningResult (inferred graphs, summary).

    With reasoner="sparql" a store is reasoned over where it is (rules run inside Oxigraph, nothing
    read into memory); the other reasoners read the plans first.  `write` puts the inferred graphs
    back into the store given as the source (one graph per plan, each replaced whole).  `plan`
    reasons over only the plans it names (as `validate --plan`): their graphs and the shared nodes
    they reach are read into memory, whatever the reasoner, so HermiT gives one county of a national
    store in seconds; with `write`, only their inferred graphs are replaced."""
    from policykg.ontology.reasoning import reason as run, store_inferred
    one = _only_store(sources)
    if write and one is None:
        raise InputError(str(_single(sources)), "inferred graphs can only be written into a store "
                                                "directory (made by `policykg load`); give --store DIR, "
                                                "or -o FILE to save them")
    in_store = reasoner == "sparql" and one is not None and plan is None
    # a store directory reasoned in place and written to: this call opens the writer, so it closes it
    writer = write and in_store and not isinstance(one, OxigraphStore)
    if in_store:
        source = one if isinstance(one, OxigraphStore) else OxigraphStore(one, read_only=not write)
    else:
        source = MemoryStore(_reasoning_input(sources, one, plan))
    try:
        result = run(source, reasoner=reasoner, per_plan=True)
        if write:
            if isinstance(source, OxigraphStore) and not source.read_only:
                store_inferred(source, result)
            else:  # read into memory (or opened read-only): open the store for writing now
                with OxigraphStore(one.path if isinstance(one, OxigraphStore) else one) as target:
                    store_inferred(target, result)
    finally:
        if writer:  # its lock goes, so the next open (a query, a load) sees the writes
            source.close()
    if writer:  # the result reads the asserted plans lazily (summary, dataset): through a reader
        result.asserted = OxigraphStore(one, read_only=True)
    return result


def _reasoning_input(sources: Any, one: OxigraphStore | str | Path | None, plan: str | None) -> Dataset:
    """What a reasoner reads into memory: everything, or the graphs of the plans `plan` names with
    the shared nodes they reach (from a store; a file's shared graph is already in memory) and the
    ontology."""
    if plan is None:
        return dataset_for(sources)
    if one is not None:
        with _reading(one) as store:
            return store.plans_dataset(_chosen(store, plan) or set())
    from policykg.shapes.audit import plans_in_default_graph
    ds = dataset_for(sources)
    if plans_in_default_graph(ds):
        raise InputError(str(_single(sources)), "holds its plans in one graph (a .ttl or .nt file), so "
                                                "--plan cannot pick some out: give a .trig or .nq file, "
                                                "the plan documents, or a store")
    chosen = _chosen(MemoryStore(ds), plan) or set()
    out = Dataset(default_union=True)
    for prefix, ns in ds.namespaces():
        out.bind(prefix, ns)
    for g in ds.graphs():
        typed = {str(p) for p in g.subjects(RDF.type, V.Plan)}
        if len(g) and (not typed or typed & chosen):  # the shared graph, the ontology, a chosen plan's
            target = out.graph(g.identifier)
            target += g
    return out


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
