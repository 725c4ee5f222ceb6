"""Audit an Oxigraph store directly: batches of plans per engine call, no rdflib Dataset.

Reading a national store (thousands of plans, millions of triples) into an rdflib Dataset takes
longer than validating it, and validating plan by plan pays the engine's set-up and the ontology
once per plan.  Here each batch of plans is copied out of the store into an in-memory Oxigraph
store (each plan under its own graph name, beside the slice of the shared graph the batch reaches
and the ontology), and one N-Triples text — the batch's plan graphs, what the reasoner inferred for
them, the shared nodes they reach (the same slice as graph/slices.py) and the ontology — goes to the
engine in one call.  Only triples whose predicate some shape or SPARQL rule reads are sent (about
half of a plan graph is source offsets, full text and labels no rule looks at); the lookups for
labels and lines read the whole plan.  The SHACL-SPARQL rules run once per batch (shapes/engines.py).

Each result is then given to the plans of the batch whose graphs mention its focus node, and read
against that plan's own graphs, with the same rules as the per-plan audit (`belongs`, `finding`,
`scorecard` in shapes/audit.py): the findings and scorecards are the same records as
`audit(store.dataset())` gives.  That holds because plan graphs share no nodes except through the
shared graph (every node a plan graph describes is under the plan's own IRI), so a batch validates
each plan's nodes exactly as its own slice would.

With `workers` > 1 the batches run in that many processes, each opening the store read-only itself
(Oxigraph allows several readers), so nothing but plan IRIs and findings crosses processes.  They
are spawned, not forked: a process forked after pyrudof has run in its parent hangs in rudof (and
shacl-rust's Rayon threads would not be carried over).
"""
from __future__ import annotations

import math
import gc
import multiprocessing
from collections import defaultdict
from pathlib import Path
from typing import Any, Collection, Iterable, Iterator

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from policykg.errors import InputError, PolicyKGError
from policykg.graph import vocab as V
from policykg.graph.parts import plans_in_default_graph
from policykg.graph.vocab import ONTOLOGY_GRAPH
from policykg.graph.oxigraph_store import (OxigraphStore, PlanGraph, from_rdflib, looks_like_store, plan_graphs,
                                           reached, to_rdflib)
from policykg.ontology import load_ontology
from policykg.shapes.audit import (LOOKUP_PREDICATES, AuditReport, Memo, Progress, Scorecard, audit, finish,
                                   load_shapes, plan_findings, scorecard)
from policykg.shapes.engines import (SH, PreparedShapes, RawResult, RudofBatches, check_engine, prepare, run_jena,
                                     run_pyshacl, run_shacl_rust, sparql_results_oxigraph, sparql_results_rdflib)

#: plans per engine call: large enough to pay the engine's set-up rarely, small enough that rudof's
#: cost stays linear (it grows faster than the data: with the ontology kept loaded, the same 120
#: real-size plans took 7.3-8.1 CPU s in batches of 10 or 20, 8.0-8.8 in batches of 40)
DEFAULT_BATCH = 20
#: Jena pays ~1.5 s to start a JVM per call, and also slows on large batches: of 400 generated plans,
#: batches of 40 took 63 s, of 100 49 s, all 400 at once 87 s
BATCH_BY_ENGINE = {"jena": 100}

_NT = ox.RdfFormat.N_TRIPLES
_TYPE = ox.NamedNode(str(RDF.type))
_PLAN = ox.NamedNode(str(V.Plan))
_OWNED = ox.NamedNode(str(V.OwnedTask))
_SHARED = ox.NamedNode(str(V.SHARED_GRAPH))
#: where the batch store keeps the ontology (the one this policykg ships, as the per-plan audit uses)
_ONTOLOGY = ox.NamedNode(str(ONTOLOGY_GRAPH))


def audit_store(store: OxigraphStore | Any | str | Path, *, engine: str = "pyshacl", workers: int = 1,
                batch_size: int | None = None, shapes: Graph | None = None,
                progress: Progress | None = None, only: Collection[str] | None = None) -> AuditReport:
    """Validate every plan graph of an Oxigraph store (an OxigraphStore, a pyoxigraph.Store, or a
    store directory), or the plans whose IRIs are in `only`, with `engine`; the same report `audit()`
    gives for the store's dataset.  Only the chosen plans' graphs are read: one county of a national
    store (4 of 2,800 plans) is audited in 0.34 s.  `batch_size`: plans per engine call (default
    the engine's: `BATCH_BY_ENGINE`, else `DEFAULT_BATCH`)."""
    check_engine(engine)
    if batch_size is None:
        batch_size = BATCH_BY_ENGINE.get(engine, DEFAULT_BATCH)
    if batch_size < 1:
        raise PolicyKGError(f"batch size must be at least 1 (got {batch_size})")
    source, path = _source(store)
    plans = plan_graphs(source)
    if not plans:
        raise PolicyKGError("the store holds no pkg:Plan: nothing to audit (was it loaded by policykg?)")
    if only is not None:
        plans = [pg for pg in plans if pg.plan in only]
    prepared = prepare(shapes if shapes is not None else load_shapes())
    if workers > 1 and path is not None:
        batch_size = max(1, min(batch_size, math.ceil(len(plans) / workers)))
    batches = [plans[i:i + batch_size] for i in range(0, len(plans), batch_size)]

    report = AuditReport()
    done = 0
    for found, raws, cards in _run(batches, source, path, prepared, engine, workers):
        report.findings.extend(found)
        report.raw.extend(raws)
        report.scorecards.extend(cards)
        for card in cards:
            done += 1
            if progress:
                progress(card.title or card.plan, done, len(plans))
    return finish(report)


def audit_batched(ds: Dataset, *, engine: str = "pyshacl", workers: int = 1, shapes: Graph | None = None,
                  progress: Progress | None = None, only: Collection[str] | None = None) -> AuditReport:
    """A Dataset audited the way a store is: copied into an in-memory Oxigraph store (under a second
    per 100 plans) and validated in batches, with the same findings and scorecards as `audit()`.

    Plan by plan, each engine call pays its set-up and the ontology again: 100 generated plans took
    14.4 s with rudof and 22.3 s with pyshacl; batched, 1.7 s and 5.9 s (with the copy, in one process,
    so `workers` is not needed).  Numbers are quoted as Oxigraph holds them (canonical: "99.0" is
    "99").  A graph whose plans sit in the default graph (a .ttl or .nt file) is audited by `audit()`."""
    if plans_in_default_graph(ds) or next(ds.subjects(RDF.type, V.Plan), None) is None:
        # a union file, or no plan at all (which `audit` reports as such)
        return audit(ds, engine=engine, workers=workers, shapes=shapes, progress=progress, only=only)
    mem = ox.Store()
    try:
        mem.bulk_load(ds.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    except (SyntaxError, ValueError) as exc:  # a term rdflib accepts and Oxigraph refuses
        raise InputError("the graph", f"cannot be audited: {str(exc).splitlines()[0][:200]}") from None
    return audit_store(mem, engine=engine, shapes=shapes, progress=progress, only=only)


def _source(store: Any) -> tuple[Any, Path | None]:
    """The pyoxigraph store to read, and its directory when worker processes may reopen it."""
    if isinstance(store, OxigraphStore):
        return store.native(), store.path
    if isinstance(store, (str, Path)):
        if not looks_like_store(store):
            raise InputError(store, "is not a policykg store (make one with `policykg load DOCUMENTS --store DIR`)")
        try:
            return ox.Store.read_only(str(store)), Path(store)
        except OSError as exc:
            raise InputError(store, f"cannot be opened as a store: {str(exc).splitlines()[0][:200]}") from None
    if isinstance(store, ox.Store):
        return store, None
    raise TypeError(f"not an Oxigraph store: {store!r}")


Batch = list[PlanGraph]
Result = tuple[list, list[RawResult], list[Scorecard]]


def _run(batches: list[Batch], source: Any, path: Path | None, prepared: PreparedShapes, engine: str,
         workers: int) -> Iterator[Result]:
    if workers > 1 and path is not None and len(batches) > 1:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(max_workers=min(workers, len(batches)),
                                 mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_init_worker, initargs=(str(path), prepared, engine)) as pool:
            yield from pool.map(_run_remote, batches)
    else:
        batcher = Batcher(source, prepared, engine)
        for batch in batches:
            yield batcher.run(batch)


_STATE: dict[str, Any] = {}


def _init_worker(path: str, prepared: PreparedShapes, engine: str) -> None:
    _STATE["batcher"] = Batcher(ox.Store.read_only(path), prepared, engine)
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def _run_remote(batch: Batch) -> Result:
    return _STATE["batcher"].run(batch)


class Batcher:
    """Validates batches of plans read from one store; keeps the ontology in memory between batches
    (plan graphs and the shared nodes they reach are added for a batch and dropped after it)."""

    def __init__(self, source: Any, prepared: PreparedShapes, engine: str) -> None:
        self.source, self.prepared, self.engine = source, prepared, engine
        self.mem = ox.Store()
        # the shared graph stays in the store: each batch copies the slice of it its plans reach
        # (copying all of it first, or listing its subjects, took 1.5-1.7 s at 2,800 plans: more
        # than auditing one county)
        keep = prepared.predicates
        self.keep = None if keep is None else {ox.NamedNode(p) for p in keep}
        # what is read out of a plan graph: what the engine needs and what the findings look up
        # (reading a triple out of RocksDB is the dearest step; source offsets and full text are
        # about half of a plan graph and nothing reads them)
        self.read: list[Any] | None = None
        if keep is not None:  # (the shapes' own vocabulary is no data property)
            self.read = sorted((ox.NamedNode(p) for p in (keep | LOOKUP_PREDICATES) if not p.startswith(str(SH))),
                               key=lambda n: n.value)
        self.read_iris = None if self.read is None else {n.value for n in self.read}
        ontology = load_ontology()
        self.mem.load(ontology.serialize(format="nt", encoding="utf-8"), format=_NT, to_graph=_ONTOLOGY)
        self.ontology_text = ox.serialize(self._kept(q.triple for q in self.mem.quads_for_pattern(
            None, None, None, _ONTOLOGY)), format=_NT)
        # rudof keeps the ontology loaded and takes each batch in a frame over it (see RudofBatches)
        self.rudof = RudofBatches(prepared, self.ontology_text.decode("utf-8")) if engine == "rudof" else None

    def _kept(self, triples: Iterable[Any]) -> list[Any]:
        """The triples the engine needs: those whose predicate some shape or rule reads."""
        if self.keep is None:
            return list(triples)
        return [t for t in triples if t.predicate in self.keep]

    def _read(self, graph: Any) -> tuple[list[Any], list[Any]]:
        """The quads read out of a graph of the store, and the triples of them the engine needs
        (read property by property, so a property's quads are kept or not all at once)."""
        if self.read is None:
            quads = list(self.source.quads_for_pattern(None, None, None, graph))
            return quads, [q.triple for q in quads]
        quads, kept = [], []
        for pred in self.read:
            found = list(self.source.quads_for_pattern(None, pred, None, graph))
            quads += found
            if pred in self.keep:
                kept += [q.triple for q in found]
        return quads, kept

    def run(self, batch: Batch) -> Result:
        graphs, triples, named = [], [], set()
        for p in batch:
            for name in (p.graph, p.inferred):
                if name is None:
                    continue
                g = ox.NamedNode(name)
                quads, kept = self._read(g)
                self.mem.extend(quads)
                graphs.append(g)
                triples += kept
                if name == p.graph:  # the slice starts from the plan graph's nodes (graph/slices.py)
                    # (those named by the triples read: a node named only by an unread property can
                    # be no finding of this plan, see `belongs`)
                    for q in quads:
                        named.add(q.subject)
                        named.add(q.object)
        shared = reached(self.source, named, _SHARED)  # the shared nodes the batch reaches
        self.mem.extend(shared)
        graphs.append(_SHARED)
        try:
            triples += self._kept(q.triple for q in shared)
            raws = self._validate(ox.serialize(triples, format=_NT))
            return self._attribute(batch, raws)
        finally:
            for g in graphs:
                self.mem.remove_graph(g)

    def _validate(self, batch: bytes) -> list[RawResult]:
        """The batch (with the ontology) validated by the engine (Core shapes) plus the SPARQL rules,
        each once."""
        if self.rudof is not None:
            return self.rudof.run(batch.decode("utf-8"))
        text = batch + self.ontology_text
        if self.engine == "jena":
            return run_jena(text, self.prepared) + sparql_results_oxigraph(text, self.prepared.rules)
        if self.engine == "shacl-rust":
            return run_shacl_rust(text.decode("utf-8"), self.prepared) + \
                sparql_results_oxigraph(text, self.prepared.rules)
        g = Graph()
        g.parse(data=text, format="nt")
        return run_pyshacl(g, self.prepared.core) + sparql_results_rdflib(g, self.prepared.rules)

    def _attribute(self, batch: Batch, raws: list[RawResult]) -> Result:
        """Each result to the plans whose graphs mention its focus node (every plan of the batch if
        none does), then kept or not, and read, against that plan's own graphs."""
        by_graph = {}
        for p in batch:
            by_graph[p.graph] = p
            if p.inferred:
                by_graph[p.inferred] = p
        results: dict[str, list[RawResult]] = defaultdict(list)
        for raw in raws:
            plans = self._mentioning(raw.focus, by_graph) or batch
            for p in plans:
                results[p.plan].append(raw)
        shapes = self.prepared.full
        found_all, raws_all, cards = [], [], []
        for p in batch:
            view = Memo(OxView(self.mem, {p.graph, p.inferred, _SHARED.value, _ONTOLOGY.value} - {None},
                               self.read_iris))
            plan = URIRef(p.plan)
            found, kept = plan_findings(view, results[p.plan], shapes, plan)
            owned = None
            if p.inferred is not None:
                owned = len({q.subject for q in self.mem.quads_for_pattern(None, _TYPE, _OWNED,
                                                                           ox.NamedNode(p.inferred))})
            cards.append(scorecard(view, plan, found, owned))
            found_all += found
            raws_all += kept
        return found_all, raws_all, cards

    def _mentioning(self, focus: Any, by_graph: dict[str, PlanGraph]) -> list[PlanGraph]:
        node = from_rdflib(focus)
        names = set()
        if not isinstance(focus, Literal):
            names |= {q.graph_name.value for q in self.mem.quads_for_pattern(node, None, None, None)
                      if isinstance(q.graph_name, ox.NamedNode)}
        names |= {q.graph_name.value for q in self.mem.quads_for_pattern(None, None, node, None)
                  if isinstance(q.graph_name, ox.NamedNode)}
        plans = {by_graph[n] for n in names if n in by_graph}
        return sorted(plans, key=lambda p: p.plan)


class OxView:
    """The graphs of one plan in the batch store, read like an rdflib Graph (objects, subjects,
    `in`), terms as rdflib terms."""

    def __init__(self, store: Any, graphs: set[str], predicates: set[str] | None = None) -> None:
        self.store, self.graphs, self.predicates = store, graphs, predicates

    def _quads(self, s: Any, p: Any, o: Any) -> Iterator[Any]:
        if self.predicates is not None and (p is None or str(p) not in self.predicates):
            raise AssertionError(f"the store audit did not read {p} out of the plan graphs: add it to "
                                 "LOOKUP_PREDICATES (shapes/audit.py)")
        if isinstance(s, Literal):
            return
        for q in self.store.quads_for_pattern(from_rdflib(s), from_rdflib(p), from_rdflib(o), None):
            g = q.graph_name
            if isinstance(g, ox.NamedNode) and g.value in self.graphs:
                yield q

    def objects(self, subject: Any = None, predicate: Any = None) -> Iterator[Any]:
        for q in self._quads(subject, predicate, None):
            yield to_rdflib(q.object)

    def subjects(self, predicate: Any = None, obj: Any = None) -> Iterator[Any]:
        for q in self._quads(None, predicate, obj):
            yield to_rdflib(q.subject)

    def __contains__(self, triple: tuple[Any, Any, Any]) -> bool:
        return next(self._quads(*triple), None) is not None
