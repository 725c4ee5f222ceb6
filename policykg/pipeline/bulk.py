"""Plan documents straight into an Oxigraph store: parsed in parallel, written as they arrive.

A national corpus is thousands of documents; building one rdflib Dataset first and then sending it
as SPARQL text costs minutes and gigabytes.  Here worker processes read and build one plan each
(graph/build.py makes its triples as N-Triples text, no rdflib term on the way) and return it as
N-Quads bytes; the parent collects new plans, with the shared facts (units, regions) each is the
first to name, into batches of ~100 plans that Oxigraph's bulk loader parses and writes in a thread
of its own (it lets go of Python's lock), while the parent collects the next batch and the workers
go on reading: on 2 cores reading and loading overlap instead of taking turns.

What a user relies on:

- a batch is ingested whole (RocksDB takes the loader's sorted files in at once), so a crash
  mid-load leaves a usable store: the previous content plus the batches written so far, each plan
  complete with the shared facts it names;
- a plan already in the store is *replaced* whole (`DROP` + `INSERT DATA` in one transaction,
  which also drops the graph `policykg reason --write` inferred from its old version);
  replacements are written last, after every document was read, so that
- a failed run (a bad document without `keep_going`) changes nothing: the plan graphs it created
  and the shared triples it added are removed again, and no replacement was written yet;
- the store ends with exactly what `build` + `OxigraphStore.load` give (tested).
"""
from __future__ import annotations

import os
import re
import shutil
import zlib
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rdflib import Graph, URIRef

from policykg.errors import OutputError, PolicyKGError
from policykg.graph import vocab as V
from policykg.graph.build import build_plan_graph, department_type_triples
from policykg.graph.iris import plan_path
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.graph.terms import Triple, line, quad_lines
from policykg.graph.parts import ONTOLOGY, PLAN, SHARED, Part, Pushed, insert_data
from policykg.graph.vocab import ONTOLOGY_GRAPH
from policykg.loaders.plan import load_plan
from policykg.pipeline.documents import Failure, OnceEach, Progress, no_plan_read

#: new plan graphs are bulk-loaded in batches of about this many triples (~100 real-size plans; on
#: 300 plans the loader took 1.12M triples at 90k/s in batches of 25 plans, 115k/s in batches of 100)
BATCH_TRIPLES = 400_000
#: plans built ahead of the writer, per worker (each ~1 MB of N-Quads at real size)
AHEAD = 8


@dataclass
class BuiltPlan:
    """One document as a worker returns it: small and picklable (bytes and strings only)."""

    file: str
    failed: bool = False  # the parent reads the file again to raise its error (errors do not pickle)
    sha256: str = ""
    path: str = ""
    graph_iri: str = ""
    plan_nq: bytes = b""  # the plan graph, canonical N-Quads
    triples: int = 0
    shared: list[str] = field(default_factory=list)  # its shared-graph triples, one N-Triples line each
    summary: dict[str, Any] = field(default_factory=dict)
    invalid: str = ""  # why its quads do not parse as strict N-Quads (an IRI a document made invalid)


def build_one(file: str, path: str | None = None) -> BuiltPlan:
    """Read one document and build its plan (runs in a worker process), under its plan path or,
    when given, `path`."""
    try:
        r = load_plan(Path(file))
    except PolicyKGError:
        return BuiltPlan(file, failed=True)
    path = path or plan_path(r.region, r.period, r.title, r.draft, r.document.sha256)
    pg = build_plan_graph(r, path)
    graph = f"<{pg.graph_iri}>"
    plan_nq = "".join(quad_lines(pg.graph, graph)).encode("utf-8")
    shared = _store_lines(pg.shared)
    return BuiltPlan(file, False, r.document.sha256, path, str(pg.graph_iri), plan_nq,
                     len(pg.graph), shared, r.summary(), _invalid(chain(pg.graph, pg.shared), graph))


def _invalid(triples: Iterable[Triple], graph: str) -> str:
    """Why a plan's quads would not parse as strict N-Quads, or "": checked here, in the worker, so
    that the bulk loader (the load's one serial step) can parse them leniently (a sixth faster at
    800 real-size plans) with the same guarantee: nothing invalid is stored.  What lenient parsing
    skips is the validation of IRIs and language tags; each distinct one is checked by Oxigraph's
    own term constructors, which validate as its strict parser does (a plan of ~3.6k triples names
    ~350 distinct IRIs: under a millisecond, where parsing its 1.4 MB of N-Quads took 5.7 ms)."""
    import pyoxigraph as ox
    terms = {graph}
    for t in triples:
        terms.update(t)
    for term in terms:
        try:
            if term[0] == "<":
                ox.NamedNode(term[1:-1])
            elif term[0] == '"':
                rest = term[term.rindex('"') + 1:]
                if rest.startswith("^^<"):
                    ox.NamedNode(rest[3:-1])
                elif rest.startswith("@"):
                    ox.Literal("", language=rest[1:])
            else:
                ox.BlankNode(term[2:])
        except ValueError as exc:
            return f"{term[:200]}: {str(exc).splitlines()[0][:200]}"
    return ""


#: what rdflib leaves raw in a literal and Oxigraph escapes (\t, \u0001 …); \n and \r both escape
_RAW_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _store_lines(triples: Iterable[Triple]) -> list[str]:
    """N-Triples lines (without their newline) as Oxigraph writes them, so that they compare equal
    with a dump of the store's shared graph: the builder's lines are, except for a literal holding a
    control character (a tab or form feed in a unit's name), rewritten here."""
    out = []
    for t in triples:
        ln = line(t)
        if _RAW_CONTROL.search(ln):
            import pyoxigraph as ox
            ln = ox.serialize(ox.parse(ln.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES),
                              format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        out.append(ln[:-1])
    return out


@dataclass
class BulkResult:
    """What a bulk load did: per-graph actions (ontology, shared, plans by IRI) and per-plan numbers."""

    graphs: list[Pushed]
    summaries: list[dict[str, Any]]
    failures: list[Failure]  # documents skipped with keep_going
    skipped: list[Failure]  # duplicates built once
    store_triples: int = 0
    store_graphs: int = 0


def in_workers(fn: Callable[..., Any], calls: list[tuple], workers: int) -> Iterator[Any]:
    """`fn(*args)` for each of `calls`, in their order; run by `workers` processes (in this one if
    workers ≤ 1)."""
    if workers <= 1 or len(calls) < 2:
        yield from (fn(*args) for args in calls)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(calls))) as pool:
        # at most AHEAD calls a worker ahead of the consumer: workers build a plan faster than the
        # bulk loader stores it, and pool.map would keep every finished plan in memory until then
        # (2,800 real-size plans: 2.6 GB held in the parent)
        todo = iter(calls)
        pending = deque(pool.submit(fn, *args) for args in islice(todo, AHEAD * workers))
        while pending:
            done = pending.popleft().result()
            for args in islice(todo, 1):
                pending.append(pool.submit(fn, *args))
            yield done


def accepted(results: Iterable[Any], rebuild: Callable[..., Any], failures: list[Failure],
             skipped: list[Failure], *, keep_going: bool, progress: Progress | None, total: int) -> Iterator[Any]:
    """The workers' plans (`BuiltPlan`, `WrittenPlan`: each has file, failed, sha256 and path) that
    go into the output, by the rules `build` keeps (`OnceEach`): a document that failed raises its
    error (read again here, where it can be raised) or, with `keep_going`, is added to `failures`;
    a duplicate is added to `skipped`; a plan another document already printed is rebuilt by
    `rebuild(file, unique_path)`."""
    once = OnceEach()
    for i, b in enumerate(results, 1):
        if progress:
            progress(Path(b.file).name, i, total)
        if b.failed:
            try:
                load_plan(Path(b.file))
            except PolicyKGError as exc:
                if not keep_going:
                    raise
                failures.append(Failure(b.file, str(exc)))
            continue
        dup = once.duplicate(b.sha256, b.file)
        if dup is not None:
            skipped.append(dup)
            continue
        unique = once.path(b.path, b.sha256, b.file)
        yield b if unique == b.path else rebuild(b.file, unique)  # rare: the same plan printed twice


def _nquads(lines: list[str], graph: str) -> str:
    """N-Triples lines as N-Quads lines in `graph` (each line ends with ' .')."""
    return "".join(f"{ln[:-1]}<{graph}> .\n" for ln in lines)


class _Writer:
    """The parent's side: writes plans as they come, remembers what to undo if the run fails."""

    def __init__(self, target: OxigraphStore, ontology: Graph) -> None:
        import pyoxigraph
        self.ox = pyoxigraph
        self.target = target
        self.ontology = ontology
        self.store = target.native()
        self.path = target.path
        self.existing = {g.value for g in self.store.named_graphs()}
        shared = self.ox.NamedNode(str(V.SHARED_GRAPH))
        before = self.store.dump(format=self.ox.RdfFormat.N_TRIPLES, from_graph=shared) \
            if str(V.SHARED_GRAPH) in self.existing else b""
        # every shared line it holds or will hold; lines split at "\n" only (splitlines() would also
        # split at a form feed or U+2028, which a literal holds raw)
        self.shared_all = set(before.decode("utf-8").split("\n")) - {""}
        self.shared_run: set[str] = set()  # shared lines named by this run's plans
        self.added_shared: list[str] = []  # lines this run added (removed again on failure)
        self.created: list[str] = []  # plan graphs this run created (dropped again on failure)
        self.deferred: list[tuple[str, bytes, int]] = []  # replacements, compressed, written last
        self.batch: list[bytes] = []  # N-Quads of new plans not yet written
        self.bulk_loads = 0  # batches written by the bulk loader
        self.batch_triples = 0
        # one batch at a time is written by the loader's thread while the next one is collected
        self.loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="policykg-bulk-load")
        self.loading: Future | None = None

    def shared_lines(self, lines: list[str]) -> list[str]:
        """The lines not yet in (or on their way to) the shared graph."""
        self.shared_run.update(lines)
        new = [ln for ln in lines if ln not in self.shared_all]
        self.shared_all.update(new)
        self.added_shared.extend(new)
        return new

    def plan(self, b: BuiltPlan) -> None:
        if b.invalid:
            raise OutputError(f"{b.file}: its plan was not stored ({b.invalid})")
        new_shared = _nquads(self.shared_lines(b.shared), str(V.SHARED_GRAPH)).encode("utf-8")
        if b.graph_iri in self.existing:  # a replacement: written after every document was read
            self.deferred.append((b.graph_iri, zlib.compress(b.plan_nq, 1), b.triples))
            self.batch.append(new_shared)
        else:
            self.batch.append(b.plan_nq)
            self.batch.append(new_shared)
            self.created.append(b.graph_iri)
        self.batch_triples += b.triples
        if self.batch_triples >= BATCH_TRIPLES:
            self.write_batch()

    def write_batch(self) -> None:
        """New plan graphs (and new shared lines) go in by Oxigraph's bulk loader: it writes sorted
        index files and has RocksDB ingest them at once, several times faster than a transaction per
        plan.  The data was checked by the workers (`_invalid`: an IRI a document made invalid is an
        error, not a broken store), so the loader parses it leniently: its work is the load's serial
        step."""
        if not self.batch:
            return
        data = b"".join(self.batch)
        self.batch, self.batch_triples = [], 0
        self.bulk_loads += 1
        self.wait()  # the previous batch is in before this one starts (and its error raised here)
        self.loading = self.loader.submit(self._bulk_load, data)

    def _bulk_load(self, data: bytes) -> None:
        try:
            # checked strictly in the workers already (`_invalid`)
            self.store.bulk_load(data, format=self.ox.RdfFormat.N_QUADS, lenient=True)
        except (OSError, SyntaxError, ValueError) as exc:
            raise OutputError(f"{self.path}: plans were not stored ({str(exc).splitlines()[0][:200]})") \
                from None

    def wait(self) -> None:
        """Until the batch being written is in; its error, if it failed, is raised here."""
        loading, self.loading = self.loading, None
        if loading is not None:
            loading.result()

    def finish(self) -> list[Pushed]:
        """The ontology, the department types, then the replacements; returns the actions."""
        self.write_batch()
        self.wait()
        self.loader.shutdown()
        done: list[Pushed] = []
        ontology = Part(str(ONTOLOGY_GRAPH), self.ontology, ONTOLOGY)
        self.target.write_graph(ontology.iri, insert_data(ontology))
        done.append(Pushed(str(ONTOLOGY_GRAPH), ONTOLOGY, len(ontology.graph), "replaced"))
        types = self.shared_lines(_store_lines(department_type_triples()))
        self.store.load(_nquads(types, str(V.SHARED_GRAPH)).encode("utf-8"), format=self.ox.RdfFormat.N_QUADS)
        done.append(Pushed(str(V.SHARED_GRAPH), SHARED, len(self.shared_run), "merged"))
        for iri, packed, triples in self.deferred:
            suffix = f" <{iri}> ."  # N-Quads to the N-Triples lines INSERT DATA takes in a GRAPH block
            nt = "".join(ln[:-len(suffix)] + " .\n" for ln in
                         zlib.decompress(packed).decode("utf-8").split("\n") if ln)
            # what was inferred from the old version no longer holds: dropped with it
            stale = V.inferred_graph_iri(URIRef(iri))
            self.target.write_graph(iri, f"DROP SILENT GRAPH <{iri}> ;\nDROP SILENT GRAPH <{stale}> ;\n"
                              f"INSERT DATA {{ GRAPH <{iri}> {{\n{nt}}} }}")
        self.store.flush()
        # the bulk loader leaves many small index files; compacting them (seconds for a few plans,
        # ~35 s over a store of 2,800) halves the time of every later query over the store (tasks at
        # 2,800 plans: 3.9 s -> 2.2 s).  Worth it after several bulk loads; a load of a few plans
        # (one batch) adds a few files and is not worth compacting the whole store for
        if self.bulk_loads > 1 or not self.existing:
            self.store.optimize()
        return done

    def undo(self) -> None:
        """Take back what this run wrote: its new plan graphs and the shared lines it added."""
        try:
            self.wait()  # a batch still being written is let finish, then taken back with the rest
        except Exception:  # noqa: BLE001 - the run's own error is the one raised; this batch is undone anyway
            pass
        self.loader.shutdown()
        if self.created:
            self.store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in self.created))
        if self.added_shared:
            self.store.update(f"DELETE DATA {{ GRAPH <{V.SHARED_GRAPH}> {{\n"
                              + "\n".join(self.added_shared) + "\n} }")
        self.store.flush()


def load_documents(documents: list[Path], store: str | Path, ontology: Graph, *,
                   keep_going: bool = False, progress: Progress | None = None,
                   workers: int | None = None) -> BulkResult:
    """Read plan `documents` (in `workers` processes; None: one per core) into the store at `store`,
    with the `ontology` graph in its own graph.

    Duplicates (same content) are built once; two documents that print the same plan get distinct
    graphs (the second path suffixed with its hash), exactly as `build` does (`OnceEach`)."""
    workers = (os.cpu_count() or 1) if workers is None else workers
    fresh = not Path(store).exists()
    try:
        return _load(documents, store, ontology, keep_going, progress, workers)
    except BaseException:
        if fresh and Path(store).is_dir():
            shutil.rmtree(store, ignore_errors=True)  # a store this failed run created: not left behind
        raise


def _load(documents: list[Path], store: str | Path, ontology: Graph, keep_going: bool,
          progress: Progress | None, workers: int) -> BulkResult:
    summaries: list[dict[str, Any]] = []
    failures: list[Failure] = []
    skipped: list[Failure] = []
    plans: list[Pushed] = []
    with OxigraphStore(store) as target:
        writer = _Writer(target, ontology)
        try:
            calls = [(str(d),) for d in documents]
            for b in accepted(in_workers(build_one, calls, workers), build_one, failures, skipped,
                              keep_going=keep_going, progress=progress, total=len(documents)):
                writer.plan(b)
                summaries.append(b.summary)
                plans.append(Pushed(b.graph_iri, PLAN, b.triples, "replaced"))
            if not plans:
                raise no_plan_read(documents, failures)
            fixed = writer.finish()
        except BaseException:
            writer.undo()
            raise
        finally:
            # the store is closed with `target`: no reference to it may outlive the run (an error's
            # traceback holds the writer's frames, and a store left open under a later reader
            # deletes files that reader is opening)
            writer.store = None
        return BulkResult(fixed + sorted(plans, key=lambda p: p.iri), summaries, failures, skipped,
                          len(target), len(target.graph_names()))
