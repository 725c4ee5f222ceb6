"""Run the audit shapes over plan graphs and turn the engine's results into findings a person acts on.

Each plan is validated on its own slice: its named graph, the shared entities it refers to (units,
regions, department types), what the reasoner inferred for it, and the ontology, merged into one
graph here.  Merging ourselves keeps inference off (letting pyshacl mix in `ont_graph` takes
minutes on five plans); per-plan runs make progress visible and attribute every finding to its plan.

Four engines give the same findings (shapes/engines.py): pyshacl, the reference, rudof, Jena and
shacl-rust.  For a
store of thousands of plans, `audit_store` (shapes/store_audit.py) validates batches of plans per
engine call, straight from Oxigraph, and attributes each result to its plans with the same rules as
here; the findings and scorecards are the same records (shapes/findings.py).
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Callable, Collection, Iterable, Iterator

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, RDF

from policykg.errors import PolicyKGError
from policykg.graph import vocab as V
from policykg.graph.parts import plans_in_default_graph
from policykg.graph.slices import plan_slice
from policykg.ontology import load_ontology
from policykg.graph.vocab import inferred_graph_iri
from policykg.shapes.engines import (ENGINES, SH, PreparedShapes, RawResult, ShapesError, check_engine,
                                     prepare, run_jena, run_pyshacl, run_rudof, run_shacl_rust,
                                     sparql_results_rdflib)

# the report and its reading, re-exported: what callers import from the audit
from policykg.shapes.findings import (LOOKUP_PREDICATES, PKGSH, SEVERITIES, AuditReport, Finding,  # noqa: F401
                                      Memo, Scorecard, belongs, finding, finish, plan_findings, scorecard)

__all__ = ["AuditReport", "Finding", "Scorecard", "ShapesError", "audit", "load_shapes", "ENGINES", "SH"]


@cache
def _shapes_text() -> tuple[tuple[str, str], ...]:
    files = sorted(p for p in resources.files(__name__.rsplit(".", 1)[0]).iterdir() if p.name.endswith(".ttl"))
    return tuple((p.name, p.read_text(encoding="utf-8")) for p in files)


def load_shapes(extra: Iterable[str] = ()) -> Graph:
    """All audit shapes shipped in shapes/*.ttl (plus any extra shape files given)."""
    g = Graph()
    sources = list(_shapes_text()) + [(str(p), open(p, encoding="utf-8").read()) for p in extra]
    for name, text in sources:
        try:
            g.parse(data=text, format="turtle")
        except Exception as exc:
            raise ShapesError(f"{name}: broken shapes file: {str(exc).splitlines()[0][:200]}") from None
    return g


Progress = Callable[[str, int, int], None]


def validate_graph(data: Graph, prepared: PreparedShapes, engine: str, text: str | None = None) -> list[RawResult]:
    """One merged graph validated by `engine`.  pyshacl runs the shapes as shipped (its SPARQL rules
    per focus node: the reference); rudof, Jena and shacl-rust run the Core shapes and the SPARQL
    rules run once over the graph (shapes/engines.py).  `text`: the graph as N-Triples, if at hand."""
    if engine == "pyshacl":
        return run_pyshacl(data, prepared.full)
    if engine == "jena":
        return run_jena(text if text is not None else data.serialize(format="nt", encoding="utf-8"), prepared) + \
            sparql_results_rdflib(data, prepared.rules)
    if engine == "shacl-rust":
        return run_shacl_rust(text if text is not None else data.serialize(format="nt"), prepared) + \
            sparql_results_rdflib(data, prepared.rules)
    return run_rudof(text if text is not None else data.serialize(format="nt"), prepared) + \
        sparql_results_rdflib(data, prepared.rules)


def audit(ds: Dataset, *, shapes: Graph | None = None, progress: Progress | None = None,
          workers: int = 1, engine: str = "pyshacl", only: Collection[str] | None = None) -> AuditReport:
    """Validate every plan graph in `ds` (or the plans whose IRIs are in `only`) against the audit
    shapes with `engine` (pyshacl, rudof, jena or shacl-rust: the same findings; jena validates all plans in one
    call, `workers` aside).

    With `workers` > 1 the plans are validated in that many processes; the findings and scorecards
    are the same as in one process, in the same order.  For an Oxigraph store use `audit_store`,
    which does not need the store read into a Dataset."""
    check_engine(engine)
    prepared = prepare(shapes if shapes is not None else load_shapes())
    ontology = load_ontology()
    shared = ds.graph(V.SHARED_GRAPH)
    plan_graphs = []
    for g in ds.graphs():
        plans = sorted(g.subjects(RDF.type, V.Plan), key=str)
        if plans and g.identifier not in (V.SHARED_GRAPH, DATASET_DEFAULT_GRAPH_ID) \
                and not str(g.identifier).startswith(str(V.INFERRED_GRAPH)):
            plan_graphs.append((str(plans[0]), g))
    if not plan_graphs or plans_in_default_graph(ds):
        # a graph file without named graphs (.ttl/.nt) holds every plan in its default graph: each
        # plan in the union is one slice (the default graph is not one plan, however many it holds)
        union = Graph()
        for g in ds.graphs():
            union += g
        plan_graphs = [(str(p), union) for p in sorted(union.subjects(RDF.type, V.Plan))]
        if not plan_graphs:
            raise PolicyKGError("the graph holds no pkg:Plan: nothing to audit (was it built by policykg?)")
        shared = union
    if only is not None:
        plan_graphs = [(iri, g) for iri, g in plan_graphs if iri in only]

    def slices():
        for i, (plan_iri, g) in enumerate(sorted(plan_graphs, key=lambda x: x[0]), 1):
            plan = URIRef(plan_iri)
            if progress:
                progress(str(g.value(plan, DCTERMS.title) or plan_iri), i, len(plan_graphs))
            data = plan_slice(g, shared) if shared is not g else g
            inferred = ds.graph(inferred_graph_iri(g.identifier)) if shared is not g else None
            if inferred is not None and len(inferred):
                data += inferred  # what `policykg reason` derived for this plan, e.g. pkg:OwnedTask
            owned = len(set(inferred.subjects(RDF.type, V.OwnedTask))) \
                if inferred is not None and len(inferred) else None
            yield plan, data, owned

    def results() -> Iterator[tuple[list[Finding], list[RawResult], Scorecard]]:
        if workers > 1 and len(plan_graphs) > 1 and engine in SPAWNED:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            # a process forked after pyrudof has run in its parent hangs in rudof: spawned workers
            # get each slice as N-Triples instead
            ontology_text = ontology.serialize(format="nt")
            jobs = ((plan, data.serialize(format="nt") + ontology_text, owned) for plan, data, owned in slices())
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                     initializer=_init_spawned, initargs=(prepared, engine)) as pool:
                yield from pool.map(_audit_text, jobs, chunksize=4)
        elif workers > 1 and len(plan_graphs) > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            # forked workers share the dataset copy-on-write, so a job is only the plan's index
            _WORKER.update(prepared=prepared, ontology=ontology, slices=list(slices()), engine=engine)
            try:
                with ProcessPoolExecutor(max_workers=workers,
                                         mp_context=multiprocessing.get_context("fork")) as pool:
                    yield from pool.map(_audit_remote, range(len(plan_graphs)), chunksize=4)
            finally:
                _WORKER.clear()
        elif engine == "jena":
            yield from _audit_merged(list(slices()), ontology, prepared)
        else:
            for plan, data, owned in slices():
                data += ontology
                yield _audit_one(data, prepared, engine, plan, owned)

    report = AuditReport()
    for found, raws, card in results():
        report.findings.extend(found)
        report.raw.extend(raws)
        report.scorecards.append(card)
    return finish(report)


def _audit_one(data: Graph, prepared: PreparedShapes, engine: str, plan: URIRef, owned: int | None,
               text: str | None = None) -> tuple[list[Finding], list[RawResult], Scorecard]:
    """One plan's slice (ontology included) validated: its findings, their results, its scorecard."""
    raws = validate_graph(data, prepared, engine, text)
    view = Memo(data)
    found, kept = plan_findings(view, raws, prepared.full, plan)
    return found, kept, scorecard(view, plan, found, owned)


def _audit_merged(slices: list[tuple[URIRef, Graph, int | None]], ontology: Graph,
                  prepared: PreparedShapes) -> Iterator[tuple[list[Finding], list[RawResult], Scorecard]]:
    """Every plan validated in one engine call (Jena: one JVM, ~1.5 s to start, for all of them):
    the slices merged, each result given to the plans whose slice holds its focus node, then read
    against that plan's slice as `_audit_one` does.  Plans share only shared nodes, so each plan's
    nodes validate in the merge as in its own slice (the store audit's batches rely on the same)."""
    merged, seen = Graph(), set()
    for _plan, data, _owned in slices:
        if id(data) not in seen:  # a union file gives every plan the same graph
            seen.add(id(data))
            merged += data
    merged += ontology
    raws = validate_graph(merged, prepared, "jena")
    for plan, data, owned in slices:
        data += ontology
        view = Memo(data)
        mine = [r for r in raws if any(True for _ in data.triples((r.focus, None, None)))
                or any(True for _ in data.triples((None, None, r.focus)))]
        found, kept = plan_findings(view, mine, prepared.full, plan)
        yield found, kept, scorecard(view, plan, found, owned)


_WORKER: dict[str, Any] = {}
#: engines whose worker processes are spawned, not forked: rudof hangs in a process forked after it
#: ran in the parent, and shacl-rust runs on a Rayon thread pool, which a fork does not carry over
SPAWNED = ("rudof", "shacl-rust")


def _audit_remote(index: int) -> tuple[list[Finding], list[RawResult], Scorecard]:
    """One plan validated in a forked worker."""
    plan, data, owned = _WORKER["slices"][index]
    data += _WORKER["ontology"]
    return _audit_one(data, _WORKER["prepared"], _WORKER["engine"], plan, owned)


def _init_spawned(prepared: PreparedShapes, engine: str) -> None:
    _WORKER.update(prepared=prepared, engine=engine)


def _audit_text(job: tuple[URIRef, str, int | None]) -> tuple[list[Finding], list[RawResult], Scorecard]:
    """One plan validated by rudof or shacl-rust in a spawned worker, its slice (ontology included)
    as N-Triples."""
    plan, text, owned = job
    data = Graph()
    data.parse(data=text, format="nt")
    return _audit_one(data, _WORKER["prepared"], _WORKER["engine"], plan, owned, text)
