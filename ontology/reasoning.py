"""OWL reasoning over a plan graph: what the ontology lets us conclude beyond what the loaders wrote.

Why this module exists: the loaders assert facts as printed (a task's lead unit, an indicator's
属性); the ontology's defined classes (pkg:OwnedTask, pkg:LeadUnit, pkg:MeasurableTask,
pkg:BindingIndicator), inverse properties (pkg:leads, pkg:supports, pkg:responsibleFor) and part-of
chains turn them into answers a query can count, and its disjointness and functional axioms catch
facts that cannot all be true.  `reason()` runs a reasoner per plan graph, keeps what it inferred in
named graphs of their own (so asserted and inferred never mix) and reports an inconsistency in plain
words, down to the document line each culprit came from.

Reasoners (`reasoner=`):

* ``hermit`` (default) - OWL 2 DL, complete.  The ontology and one plan graph are converted with
  rdflib to N-Triples (owlready2's reasoners read N-Triples or RDF/XML, not Turtle) and classified
  by the HermiT that owlready2 bundles, with owlready2's Java settings and its
  ignore-unsupported-datatypes option (xsd:gYear, xsd:date).  HermiT grows about N^1.7 with the
  graph, hence one run per plan.  Not through owlready2's sync_reasoner_hermit: see `_hermit`.
* ``pellet`` - OWL 2 DL, the Pellet that owlready2 bundles, run through its command line with the
  OWL API loader on RDF/XML: owlready2's own `sync_reasoner_pellet` loads through a Jena build that
  needs Java 25 or newer (class file 69), the OWL API loader works on any Java from 8 on.
* ``rl`` - OWL 2 RL rules (the owlrl package) over rdflib, no Java.  Same class memberships as HermiT
  for everything RL can express (see `REASON_HELP`); finds only the clashes its rules detect.
* ``sparql`` - the rule documents ontology/rules/*.rq (SPARQL CONSTRUCT, ontology/sparql_rules.py) run
  inside Oxigraph over every plan graph at once: in the store itself when given an OxigraphStore, in
  an in-memory Oxigraph store otherwise.  Seconds for a national store, where the others take hours.
  It infers only the compared set below and checks no consistency (use hermit or rl per plan).

What the reasoners are compared on (tests/ontology/): the members of the five defined classes
(`SUMMARY_CLASSES`) and the links of `LINK_PROPERTIES`, each only where not asserted.  On graphs as
policykg builds them (every node typed) that is everything hermit and rl infer, and the sparql rules
give exactly the same triples (the corpus, and 100 generated plans: 8,418 triples, 0.8 s against
rl's 94 s).  On hand-made graphs hermit and rl also type untyped nodes from domains and ranges
(pkg:Task, pkg:Organization …) and rl merges the two values of a functional property (owl:sameAs);
the rules do neither, though they do use the domains and ranges that decide a defined class.

What is written (the "inferred" graphs, `ReasoningResult.inferred`): class memberships in pkg:
classes and the links of `LINK_PROPERTIES`, each only if not already asserted - never the closure
of trivialities (owl:Thing, W3C superclasses, reflexive sameAs).  One inferred graph per plan graph:
``…/id/graph/inferred/plan/<path>`` beside ``…/id/graph/plan/<path>``; a graph without per-plan named
graphs (a .ttl file) gets ``…/id/graph/inferred``.  Per plan, because units are shared between the
plans of a region: a unit is a pkg:LeadUnit in the inferred graph of each plan where it leads a task.

Links (inverse, super-property and chain consequences) come from the OWL 2 RL property rules in every
mode: HermiT's command line prints no super-property instances, and these links need nothing beyond
RL.  pkg:CrossDepartmentTask is not definable in OWL 2 DL (ontology/policykg.ttl says why): the
SPARQL rule `CROSS_DEPARTMENT_RULE` computes it after the OWL reasoner, in every mode.
"""
from __future__ import annotations

import re
import subprocess
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Literal as TypingLiteral

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from policykg.errors import InputError, OutputError, ReasonerUnavailableError, ReasoningError
from policykg.graph import vocab as V
from policykg.graph.vocab import inferred_graph_iri
from policykg.graph.slices import plan_slice
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.ontology import java, load_ontology

__all__ = ["REASONERS", "LINK_PROPERTIES", "SUMMARY_CLASSES", "CROSS_DEPARTMENT_RULE", "Clash",
           "SourceLine", "Inconsistency", "ReasoningResult", "reason", "inferred_graph_iri", "store_inferred"]

Reasoner = TypingLiteral["hermit", "pellet", "rl", "sparql"]
REASONERS: tuple[str, ...] = ("hermit", "pellet", "rl", "sparql")

#: Properties whose inferred (not asserted) links are written: both directions of the inverse pairs
#: (a graph that says `unit pkg:leads task` gets `task pkg:leadUnit unit`, which the queries read),
#: pkg:responsibleFor, and the part-of shortcuts.  Everything else derived about properties
#: (super-properties such as prov:wasAssociatedWith or dcterms:isPartOf) is left out.
LINK_PROPERTIES: tuple[URIRef, ...] = (V.leads, V.supports, V.responsibleFor, V.leadUnit, V.supportingUnit,
                                       V.inPlan, V.inChapter, V.hasSection, V.inSection)

#: What OWL 2 DL cannot say (ontology/policykg.ttl, pkg:CrossDepartmentTask): a task whose lead unit
#: and some supporting unit have different department types.  Run after the OWL reasoner, over the
#: asserted and inferred links (so `unit pkg:leads task` counts as much as `task pkg:leadUnit unit`).
#: The same text is quoted in the class's skos:scopeNote (a test keeps the two equal).
CROSS_DEPARTMENT_RULE = """
PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
CONSTRUCT { ?task a pkg:CrossDepartmentTask }
WHERE { ?task pkg:leadUnit ?l ; pkg:supportingUnit ?s . ?l org:classification ?a . ?s org:classification ?b . FILTER(?a != ?b) }
"""


#: The classes `ReasoningResult.summary` counts (the columns a `policykg reason` table shows).
SUMMARY_CLASSES: tuple[URIRef, ...] = (V.OwnedTask, V.LeadUnit, V.CrossDepartmentTask, V.MeasurableTask,
                                       V.BindingIndicator)

PKG_NS = str(V.PKG)
_DEFAULT_GRAPH_IDS = {DATASET_DEFAULT_GRAPH_ID, URIRef("urn:x-rdflib:default")}


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceLine:
    """Where a node was printed: file, 1-based line, and how the node relates to what was printed."""

    file: str
    line: int
    via: str = ""  # "" = the node itself; else e.g. "named by <task> (pkg:leadUnit)"

    def text(self) -> str:
        return f"{self.file} line {self.line}" + (f" ({self.via})" if self.via else "")


@dataclass(frozen=True)
class Clash:
    """One reason the graph cannot be true, in plain words, with the individuals involved."""

    individuals: tuple[str, ...]
    axiom: str


@dataclass
class Inconsistency:
    """Why one plan graph is inconsistent with the ontology."""

    graph: str
    reasoner: str
    clashes: list[Clash] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    sources: dict[str, list[SourceLine]] = field(default_factory=dict)
    explanation: str = ""  # Pellet's explanation (the axioms involved), when Java could run it

    @property
    def individuals(self) -> list[str]:
        seen: dict[str, None] = {}
        for clash in self.clashes:
            for i in clash.individuals:
                seen.setdefault(i, None)
        return list(seen)

    def text(self) -> str:
        lines = [f"graph {self.graph} is inconsistent ({self.reasoner}): its facts contradict the ontology."]
        if not self.clashes:
            lines.append("  the reasoner gave no culprit; see the explanation below" if self.explanation
                         else "  the reasoner gave no culprit (try --reasoner pellet for an explanation)")
        for clash in self.clashes:
            lines.append(f"  - {clash.axiom}")
        for ind in self.individuals:
            label = self.labels.get(ind)
            lines.append(f"  {ind}" + (f" 「{label}」" if label else "") + ":")
            where = self.sources.get(ind) or []
            lines.extend(f"      from {s.text()}" for s in where)
            if not where:
                lines.append("      no source line recorded for this node")
        if self.explanation:
            lines.append("  Pellet's explanation (axioms that cannot all hold together):")
            lines.extend(f"      {ln}" for ln in self.explanation.splitlines())
        return "\n".join(lines)


@dataclass
class ReasoningResult:
    """One inferred graph per plan graph, beside the asserted graphs they were inferred from."""

    asserted: Any  # an rdflib Dataset, or the store reasoned over (read whole only if `dataset` is used)
    inferred: dict[URIRef, Graph]
    sources: dict[URIRef, URIRef]  # inferred graph -> the asserted graph it was inferred from
    reasoner: str
    seconds: float
    _dataset: Dataset | None = field(default=None, init=False, repr=False)

    @property
    def dataset(self) -> Dataset:
        """Asserted and inferred graphs in one Dataset (default graph = union), made on first use:
        for a store that means reading all of it into memory, which only `write(include_asserted=
        True)` and callers that ask need."""
        if self._dataset is None:
            source = self.asserted if isinstance(self.asserted, Dataset) else self.asserted.dataset()
            out = Dataset(default_union=True)
            for prefix, ns in V.PREFIXES.items():
                out.bind(prefix, ns)
            for ctx in source.graphs():
                if not len(ctx) or _is_inferred(ctx.identifier):
                    continue
                target = out.default_graph if ctx.identifier in _DEFAULT_GRAPH_IDS else out.graph(ctx.identifier)
                target += ctx
            for name, graph in self.inferred.items():
                out.graph(name).__iadd__(graph)
            self._dataset = out
        return self._dataset

    def inferred_dataset(self) -> Dataset:
        """Only the inferred graphs (what `policykg reason -o` writes)."""
        ds = Dataset(default_union=True)
        for prefix, ns in V.PREFIXES.items():
            ds.bind(prefix, ns)
        for name, graph in sorted(self.inferred.items()):
            ds.graph(name).__iadd__(graph)
        return ds

    @property
    def triples(self) -> int:
        return sum(len(g) for g in self.inferred.values())

    def members(self, cls: URIRef) -> dict[URIRef, set[URIRef]]:
        """Per asserted graph: the nodes inferred to be members of `cls`."""
        return {self.sources[name]: set(g.subjects(RDF.type, cls)) for name, g in self.inferred.items()}

    def summary(self) -> list[dict[str, Any]]:
        """Per plan graph, what a user checks first: members of each defined class, links added."""
        rows = []
        labels = self._plan_labels()
        for name, graph in sorted(self.inferred.items()):
            doc, title = labels.get(self.sources[name], ("", ""))
            row: dict[str, Any] = {"doc": doc, "plan": title, "graph": str(name)}
            for cls in SUMMARY_CLASSES:
                row[_local(cls)] = len(set(graph.subjects(RDF.type, cls)))
            row["links"] = sum(1 for _, p, _ in graph if p != RDF.type)
            rows.append(row)
        return sorted(rows, key=lambda r: (r["doc"], r["graph"]))

    def _plan_labels(self) -> dict[URIRef, tuple[str, str]]:
        """Per asserted graph: its plans' document file names and titles ("; "-joined)."""
        out: dict[URIRef, tuple[str, str]] = {}
        if not isinstance(self.asserted, Dataset):  # a store: one query, not the whole store in memory
            _, rows = self.asserted.select(_PLAN_LABELS)
            found: dict[URIRef, dict[str, tuple[str, str]]] = defaultdict(dict)
            for g, plan, doc, title in rows:
                found[URIRef(g)].setdefault(plan, (str(doc or ""), str(title or "")))
            for g, plans in found.items():
                pairs = [plans[p] for p in sorted(plans)]
                out[g] = ("; ".join(d for d, _ in pairs if d), "; ".join(t for _, t in pairs))
            return out
        for name in self.inferred:
            asserted = self.sources[name]
            source = self.asserted.graph(asserted) if asserted != name else self.dataset
            plans = sorted(source.subjects(RDF.type, V.Plan))
            docs = [source.value(source.value(p, PROV.wasDerivedFrom), V.fileName) for p in plans]
            out[asserted] = ("; ".join(str(d) for d in docs if d is not None),
                             "; ".join(str(source.value(p, DCTERMS.title) or "") for p in plans))
        return out

    def write(self, output: str | Path, *, include_asserted: bool = False) -> Path:
        """Write the inferred graphs (with include_asserted, the asserted ones too, so that one file
        answers queries over both) atomically and sorted; the format follows the extension: .trig,
        .nq and .jsonld keep one graph per plan, .ttl and .nt hold the union."""
        from policykg.graph.serialize import write_dataset  # graph/ imports nothing of ontology/
        write_dataset(self.dataset if include_asserted else self.inferred_dataset(), output)
        return Path(output)


# --- the entry point ----------------------------------------------------------------------------


def reason(source: Any, *, reasoner: Reasoner = "hermit", per_plan: bool = True) -> ReasoningResult:
    """Reason over `source` (rdflib Dataset or Graph, a GraphStore, or a graph file path).

    Raises ReasoningError (exit code 1) naming the individuals, axioms and source lines if any plan
    graph is inconsistent (every plan is checked first, so one run reports them all), and
    ReasonerUnavailableError if the reasoner cannot run (no Java: use reasoner="rl")."""
    if reasoner not in REASONERS:
        raise ReasonerUnavailableError(f"unknown reasoner {reasoner!r}; use one of {', '.join(REASONERS)}")
    if reasoner in ("hermit", "pellet"):
        java.require(reasoner)
    started = time.monotonic()
    if reasoner == "sparql":
        return _reason_sparql(source, per_plan, started)
    dataset = _as_dataset(source)
    kit = _Kit(load_ontology())
    inferred: dict[URIRef, Graph] = {}
    sources: dict[URIRef, URIRef] = {}
    problems: list[Inconsistency] = []
    for asserted_name, data in _work_units(dataset, per_plan):
        name = inferred_graph_iri(asserted_name)
        outcome = _reason_one(kit, data, reasoner, str(asserted_name or "(whole graph)"))
        if isinstance(outcome, Inconsistency):
            problems.append(outcome)
            continue
        inferred[name] = outcome
        sources[name] = asserted_name if asserted_name is not None else name
    if problems:
        head = (f"{len(problems)} graph(s) inconsistent with the ontology; "
                f"fix the facts below (or the document lines they came from)")
        raise ReasoningError(head + "\n" + "\n".join(p.text() for p in problems), problems)
    return ReasoningResult(dataset, inferred, sources, reasoner, time.monotonic() - started)


# --- the sparql reasoner: rule documents run in Oxigraph ---------------------------------------------

#: the plans of each plan graph with their document and title, for `ReasoningResult.summary` on a store
_PLAN_LABELS = """
PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?plan ?doc ?title WHERE {
  GRAPH ?g { ?plan a pkg:Plan .
             OPTIONAL { ?plan prov:wasDerivedFrom ?d . ?d pkg:fileName ?doc }
             OPTIONAL { ?plan dcterms:title ?title } }
} ORDER BY ?g ?plan ?doc ?title
"""

#: where the whole input goes when it has no plan graphs (a .ttl file) or per_plan is False
_WHOLE = "urn:policykg:reasoning:whole"


def _reason_sparql(source: Any, per_plan: bool, started: float) -> ReasoningResult:
    """The rule documents over every plan graph at once: inside the store when `source` is an
    OxigraphStore (nothing read into Python but the inferred triples), else in an in-memory
    Oxigraph store loaded with the input's triples between IRIs and blank nodes (the rules read
    no literal)."""
    from policykg.ontology.sparql_rules import run_rules
    if per_plan and isinstance(source, OxigraphStore):
        store, asserted = source.native(), source
        plans = _store_plan_graphs(store)
    else:
        asserted = _as_dataset(source)
        store, plans = _scratch_store(asserted, per_plan)
    found = run_rules(store, plans)
    inferred: dict[URIRef, Graph] = {}
    sources: dict[URIRef, URIRef] = {}
    for plan in plans:
        asserted_name = None if plan == _WHOLE else URIRef(plan)
        name = inferred_graph_iri(asserted_name)
        graph = Graph()
        for triple in found.get(plan, ()):
            graph.add(triple)
        inferred[name] = graph
        sources[name] = asserted_name if asserted_name is not None else name
    return ReasoningResult(asserted, inferred, sources, "sparql", time.monotonic() - started)


def _excluded_graph(name: str) -> bool:
    """Graphs of a store that are not plan graphs: shared, ontology, inferred, push staging."""
    return name == str(V.SHARED_GRAPH) or _is_inferred(name) or _not_data(name)


def _store_plan_graphs(store: Any) -> list[str]:
    """The non-empty plan graphs of a pyoxigraph Store, sorted."""
    names = []
    for g in store.named_graphs():
        if hasattr(g, "value") and not _excluded_graph(g.value) and \
                next(iter(store.quads_for_pattern(None, None, None, g)), None) is not None:
            names.append(g.value)
    if not names:
        raise InputError("(store)", "holds no plan graphs: nothing to reason over "
                                    "(load plans with `policykg load DOCUMENTS --store DIR`)")
    return sorted(names)


def _scratch_store(ds: Dataset, per_plan: bool) -> tuple[Any, list[str]]:
    """An in-memory Oxigraph store laid out like a policykg store: each plan graph under its name,
    the default and shared graphs in the shared graph; without plan graphs (or per_plan False), all
    of it in one graph.  Returns the store and the plan graph names."""
    import pyoxigraph as ox
    plans: dict[str, list[Graph]] = {}
    shared: list[Graph] = []
    for ctx in ds.graphs():
        if not len(ctx) or _is_inferred(ctx.identifier) or _not_data(ctx.identifier):
            continue
        if ctx.identifier in _DEFAULT_GRAPH_IDS or ctx.identifier == V.SHARED_GRAPH:
            shared.append(ctx)
        else:
            plans[str(ctx.identifier)] = [ctx]
    if not per_plan or not plans:
        plans = {_WHOLE: shared + [g for gs in plans.values() for g in gs]}
        shared = []
        if not any(len(g) for g in plans[_WHOLE]):
            raise InputError("(graph)", "is empty: nothing to reason over")
    bnodes: dict[BNode, Any] = {}

    def term(t: Any) -> Any:
        if isinstance(t, URIRef):
            return ox.NamedNode(str(t))
        if t not in bnodes:
            bnodes[t] = ox.BlankNode()
        return bnodes[t]

    store = ox.Store()
    for name, graphs in [*plans.items(), (str(V.SHARED_GRAPH), shared)]:
        target = ox.NamedNode(name)
        try:
            store.extend(ox.Quad(term(s), term(p), term(o), target)
                         for graph in graphs for s, p, o in graph if not isinstance(o, Literal))
        except ValueError as exc:  # an IRI Oxigraph refuses
            raise InputError(name, f"cannot be reasoned over by the sparql reasoner: {exc}") from None
    return store, sorted(plans)


def store_inferred(store: Any, result: ReasoningResult) -> int:
    """Write the result's inferred graphs into a writable OxigraphStore, each replacing that plan's
    previous inferred graph whole in one transaction (an empty one is dropped), so the store's
    queries and audit see them beside the asserted graphs; returns how many graphs were written."""
    from policykg.graph.parts import Part, insert_data
    if not isinstance(store, OxigraphStore) or store.read_only:
        raise OutputError("inferred graphs are written into an Oxigraph store opened for writing: "
                          "OxigraphStore(path), not a read-only or remote store")
    for name, graph in sorted(result.inferred.items()):
        store.write_graph(str(name), insert_data(Part(str(name), graph, "inferred")))
    store.flush()
    return len(result.inferred)


# --- input: which graphs, and what each plan needs from the shared graph -----------------------


def _as_dataset(source: Any) -> Dataset:
    if isinstance(source, Dataset):
        return source
    if isinstance(source, Graph):  # one graph: reasoned as a whole, like a .ttl file
        ds = Dataset(default_union=True)
        ds.default_graph.__iadd__(source)
        return ds
    if isinstance(source, (str, Path)):
        from policykg.graph.store import MemoryStore
        return MemoryStore.from_file(source).dataset()
    if hasattr(source, "dataset"):
        return source.dataset()
    raise InputError(str(source), "is not a graph policykg can reason over (expected a graph file or dataset)")


def _is_inferred(name: Any) -> bool:
    return str(name).startswith(str(V.INFERRED_GRAPH))


def _not_data(name: Any) -> bool:
    """The ontology's own graph in a store (the reasoners bring the ontology themselves) and a push's
    staging graphs: neither is a plan graph to reason over."""
    from policykg.graph.parts import STAGING
    from policykg.graph.vocab import ONTOLOGY_GRAPH
    return str(name) == str(ONTOLOGY_GRAPH) or str(name).startswith(STAGING)


def _work_units(ds: Dataset, per_plan: bool) -> list[tuple[URIRef | None, Graph]]:
    """(asserted graph name or None, data to reason over): one per plan graph, or one for all."""
    plans, context = [], Graph()
    for ctx in ds.graphs():
        name = ctx.identifier
        if not len(ctx) or _is_inferred(name) or _not_data(name):
            continue
        if name in _DEFAULT_GRAPH_IDS or name == V.SHARED_GRAPH:
            context += ctx
        else:
            plans.append(ctx)
    if not per_plan or not plans:
        whole = Graph()
        whole += context
        for ctx in plans:
            whole += ctx
        if not len(whole):
            raise InputError("(graph)", "is empty: nothing to reason over")
        return [(None, whole)]
    return [(ctx.identifier, _with_context(ctx, context))
            for ctx in sorted(plans, key=lambda c: str(c.identifier))]


def _with_context(plan: Graph, context: Graph) -> Graph:
    """The plan graph plus the shared nodes it reaches (its units, their types and regions …)."""
    return plan_slice(plan, context)


# --- what the reasoners are given: the triples that can have a logical consequence -----------------

_ANNOTATIONS = {RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, OWL.versionInfo}


class _Relevance:
    """Which triples of the data can change what a reasoner concludes.

    Annotation triples (labels, definitions, dcterms:title …) have no logical meaning in OWL, and a
    literal of a property that has no axiom but a string range (titles, full text, quotes as
    printed, character offsets) can only matter if the literal does not fit that range.  Leaving
    them out of the reasoner's input changes no membership and no clash, and it is what makes
    HermiT and the RL rules fast: their cost grows with every distinct literal (HermiT takes ~4x as
    long on a plan with them).  A literal that does not fit its range (e.g. a language-tagged
    pkg:number, whose range is xsd:string) is kept, so that clash is still found."""

    def __init__(self, ontology: Graph) -> None:
        self.annotation = set(ontology.subjects(RDF.type, OWL.AnnotationProperty)) | _ANNOTATIONS
        logical = {OWL.FunctionalProperty, OWL.InverseFunctionalProperty}
        self.ranges: dict[Any, set[Any]] = defaultdict(set)
        self.constrained: set[Any] = set()
        for prop in set(ontology.subjects(RDF.type, OWL.DatatypeProperty)) | set(ontology.subjects(RDF.type, OWL.ObjectProperty)):
            for p, o in ontology.predicate_objects(prop):
                if p == RDFS.range:
                    self.ranges[prop].add(o)
                elif (p == RDF.type and o in logical) or p in (RDFS.domain, RDFS.subPropertyOf,
                                                               OWL.equivalentProperty, OWL.propertyDisjointWith):
                    self.constrained.add(prop)
        for _, p, o in ontology:  # used inside a class expression, a chain or as a super-property
            if p in (OWL.onProperty, RDFS.subPropertyOf, OWL.equivalentProperty, RDF.first):
                self.constrained.add(o)

    def keep(self, triple: tuple[Any, Any, Any]) -> bool:
        _, p, o = triple
        if p in self.annotation:
            return False
        if not isinstance(o, Literal) or p in self.constrained:
            return True
        return not all(_fits(o, r) for r in self.ranges.get(p, ()))  # no range: nothing to contradict

    def filter(self, graph: Graph) -> Graph:
        out = Graph()
        for triple in graph:
            if self.keep(triple):
                out.add(triple)
        return out


def _fits(literal: Literal, datatype: Any) -> bool:
    """Whether a literal certainly belongs to a string-like range (False: let the reasoner judge)."""
    if datatype == RDFS.Literal:
        return True
    if datatype == RDF.PlainLiteral:  # a string with or without a language tag
        return literal.datatype in (None, XSD.string)
    if datatype == XSD.string:
        return literal.language is None and literal.datatype in (None, XSD.string)
    return False


# --- one graph ------------------------------------------------------------------------------------


@dataclass
class _Kit:
    """The ontology in the forms the steps need, prepared once per run."""

    ontology: Graph  # as published: classes, hierarchy and axioms are read from it
    logic: Graph = field(init=False)  # without annotations: what the reasoners are given
    relevance: _Relevance = field(init=False)
    axioms: "_PropertyAxioms" = field(init=False)

    def __post_init__(self) -> None:
        self.relevance = _Relevance(self.ontology)
        self.logic = self.relevance.filter(self.ontology)
        self.axioms = _PropertyAxioms(self.ontology)


def _reason_one(kit: _Kit, data: Graph, reasoner: str, graph_name: str) -> Graph | Inconsistency:
    nodes = _data_nodes(data, kit.ontology)
    logic_data = kit.relevance.filter(data)
    if reasoner == "rl":
        closure, errors = _owlrl_closure(kit.logic, logic_data)
        # two different data values of a functional data property (prp-fp then dt-diff): owlrl
        # cannot state owl:sameAs between literals, so it never sees this clash; check it here
        if errors or _functional_conflicts(kit.ontology, closure, nodes, data_only=True):
            return _diagnose(graph_name, reasoner, kit, data, logic_data, closure, errors, explain=False)
        types = set(closure.subject_objects(RDF.type))
        links = closure
    else:
        run = _hermit if reasoner == "hermit" else _pellet
        found = run(kit.logic, logic_data, nodes)
        if found is None:  # name the culprits with the RL rules; without owlrl, Pellet alone
            try:
                closure, errors = _owlrl_closure(kit.logic, logic_data)
            except ReasonerUnavailableError:
                closure, errors = kit.axioms.closure(logic_data), []
            return _diagnose(graph_name, reasoner, kit, data, logic_data, closure, errors, explain=True)
        types = found
        links = kit.axioms.closure(logic_data)
    return _inferred_triples(kit.ontology, data, nodes, types, links)


def _data_nodes(data: Graph, ontology: Graph) -> set[URIRef]:
    """IRIs of the data (not ontology terms, not predicates): the individuals to report on."""
    nodes: set[URIRef] = set()
    for s, p, o in data:
        if isinstance(s, URIRef):
            nodes.add(s)
        if isinstance(o, URIRef) and p != RDF.type:
            nodes.add(o)
    return {n for n in nodes if (n, None, None) not in ontology and not str(n).startswith(PKG_NS)}


def _pkg_classes(ontology: Graph) -> set[URIRef]:
    return {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef) and str(c).startswith(PKG_NS)}


def _superclasses(ontology: Graph) -> dict[URIRef, set[URIRef]]:
    """Named superclasses (reflexive, transitive) of each pkg: class, from rdfs:subClassOf."""
    direct: dict[URIRef, set[URIRef]] = defaultdict(set)
    for c, d in ontology.subject_objects(RDFS.subClassOf):
        if isinstance(c, URIRef) and isinstance(d, URIRef):
            direct[c].add(d)
    result: dict[URIRef, set[URIRef]] = {}
    for c in _pkg_classes(ontology):
        todo, seen = [c], set()
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(direct.get(x, ()))
        result[c] = seen
    return result


def _inferred_triples(ontology: Graph, data: Graph, nodes: set[URIRef],
                      types: Iterable[tuple[Any, Any]], links: Graph) -> Graph:
    classes = _pkg_classes(ontology)
    supers = _superclasses(ontology)
    out = Graph()
    for prefix, ns in V.PREFIXES.items():
        out.bind(prefix, ns)
    for node, cls in types:
        if node in nodes and cls in classes and (node, RDF.type, cls) not in data:
            out.add((node, RDF.type, cls))
    for prop in LINK_PROPERTIES:
        for s, o in links.subject_objects(prop):
            if s in nodes and o in nodes and (s, prop, o) not in data:
                out.add((s, prop, o))
    # the rule for what OWL cannot say, over asserted + inferred links
    work = Graph()
    work += data
    work += out
    for prop in (V.leadUnit, V.supportingUnit):
        for triple in links.triples((None, prop, None)):
            work.add(triple)
    for task, _, cls in work.query(CROSS_DEPARTMENT_RULE):
        for sup in supers.get(cls, {cls}):
            if sup in classes and (task, RDF.type, sup) not in data:
                out.add((task, RDF.type, sup))
    return out


# --- property rules (inverse, sub-property, chains): OWL 2 RL prp-inv, prp-spo1, prp-spo2 --------


class _PropertyAxioms:
    """The ontology's property axioms, applied to a data graph until nothing new follows."""

    def __init__(self, ontology: Graph) -> None:
        self.inverse: list[tuple[URIRef, URIRef]] = []
        self.sub: list[tuple[URIRef, URIRef, bool]] = []  # (p, q, p is inverted)
        self.chains: list[tuple[tuple[URIRef, ...], URIRef]] = []
        for p, q in ontology.subject_objects(OWL.inverseOf):
            if isinstance(p, URIRef) and isinstance(q, URIRef):
                self.inverse += [(p, q), (q, p)]
        for p, q in ontology.subject_objects(RDFS.subPropertyOf):
            if not isinstance(q, URIRef):
                continue
            if isinstance(p, URIRef):
                self.sub.append((p, q, False))
            else:
                inner = ontology.value(p, OWL.inverseOf)
                if isinstance(inner, URIRef):
                    self.sub.append((inner, q, True))
        for q, chain in ontology.subject_objects(OWL.propertyChainAxiom):
            self.chains.append((tuple(Collection(ontology, chain)), q))

    def closure(self, data: Graph) -> Graph:
        g = Graph()
        g += data
        while True:
            new: set[tuple[Any, Any, Any]] = set()
            for p, q in self.inverse:
                new.update((o, q, s) for s, o in g.subject_objects(p))
            for p, q, inverted in self.sub:
                new.update(((o, q, s) if inverted else (s, q, o)) for s, o in g.subject_objects(p))
            for chain, q in self.chains:
                pairs = set(g.subject_objects(chain[0]))
                for step in chain[1:]:
                    pairs = {(x, z) for x, y in pairs for z in g.objects(y, step)}
                new.update((x, q, z) for x, z in pairs)
            new = {t for t in new if t not in g}
            if not new:
                return g
            for t in new:
                g.add(t)


# --- reasoners -------------------------------------------------------------------------------------


def _declared(ontology: Graph, data: Graph, nodes: set[URIRef]) -> Graph:
    """Ontology + data + owl:NamedIndividual declarations, as an OWL 2 DL parser wants them."""
    g = Graph()
    g += ontology
    g += data
    for n in nodes:
        g.add((n, RDF.type, OWL.NamedIndividual))
    return g


_HERMIT_LINE = re.compile(r"^(SubClassOf|EquivalentClasses|Type)\( ((?:<[^>]+>\s*)+)\)\s*$", re.MULTILINE)


def _hermit(ontology: Graph, data: Graph, nodes: set[URIRef]) -> set[tuple[URIRef, URIRef]] | None:
    """Class memberships of the data nodes by HermiT; None if the graph is inconsistent.

    The HermiT is the one owlready2 bundles, run the way owlready2's sync_reasoner_hermit runs it
    (same jar, Java executable and memory limit, N-Triples input, ignore-unsupported-datatypes),
    but asked only to classify classes and realize individuals (-c -I): owlready2 always adds the
    object and data property classification (-O -D), which took two thirds of the time and which
    nothing here uses, and its World round trip adds nothing when the answer is read back as IRIs."""
    with tempfile.TemporaryDirectory(prefix="policykg-hermit-") as tmp:
        path = Path(tmp) / "input.nt"
        _declared(ontology, data, nodes).serialize(destination=path, format="nt", encoding="utf-8")
        command = [java.command(), java.memory_flag(), "-cp", _hermit_classpath(), "org.semanticweb.HermiT.cli.CommandLine",
                   "-c", "-I", "--ignoreUnsupportedDatatypes", path.as_uri()]
        run = subprocess.run(command, capture_output=True, check=False)
    out = run.stdout.decode("utf-8", "replace")
    err = run.stderr.decode("utf-8", "replace")
    if run.returncode != 0:
        if "Inconsistent ontology" in out + err or "InconsistentOntologyException" in out + err:
            return None
        raise ReasonerUnavailableError(f"HermiT failed: {java.message(err or out)}; try --reasoner rl")
    supers: dict[URIRef, set[URIRef]] = defaultdict(set)
    direct: set[tuple[URIRef, URIRef]] = set()
    for relation, iris in _HERMIT_LINE.findall(out):
        terms = [URIRef(i) for i in iris.strip()[1:-1].split("> <")]
        if relation == "SubClassOf":
            supers[terms[0]].add(terms[1])
        elif relation == "EquivalentClasses":
            for a in terms:
                supers[a].update(b for b in terms if b != a)
        else:
            direct.add((terms[0], terms[1]))
    return {(node, sup) for node, cls in direct for sup in _ancestors(cls, supers)}


def _ancestors(cls: URIRef, supers: dict[URIRef, set[URIRef]]) -> set[URIRef]:
    seen, todo = set(), [cls]
    while todo:
        c = todo.pop()
        if c not in seen:
            seen.add(c)
            todo.extend(supers.get(c, ()))
    return seen


def _hermit_classpath() -> str:
    import os
    import owlready2
    here = Path(owlready2.__file__).parent / "hermit"
    return os.pathsep.join([str(here), str(here / "HermiT.jar")])


def _pellet_classpath() -> str:
    import os
    import owlready2
    jars = Path(owlready2.__file__).parent / "pellet"
    return os.pathsep.join(str(p) for p in sorted(jars.glob("*.jar")))


def _run_pellet(args: list[str], path: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    command = [java.command(), java.memory_flag(), "-cp", _pellet_classpath(), "pellet.Pellet", *args, str(path)]
    return subprocess.run(command, capture_output=True, timeout=timeout, check=False)


#: a line of Pellet's realization tree: indent, class (or "A = B" for equivalent classes), instances
_TREE_LINE = re.compile(r"^( *)(\S+(?: = \S+)*)(?: - \((.*)\))?\s*$")


def _pellet(ontology: Graph, data: Graph, nodes: set[URIRef]) -> set[tuple[URIRef, URIRef]] | None:
    """Class memberships by Pellet `realize` (OWL API loader, RDF/XML); None if inconsistent."""
    with tempfile.TemporaryDirectory(prefix="policykg-pellet-") as tmp:
        path = Path(tmp) / "input.owl"
        _declared(ontology, data, nodes).serialize(destination=path, format="xml")
        run = _run_pellet(["realize", "--loader", "OWLAPI", "--ignore-imports"], path)
    out = run.stdout.decode("utf-8", "replace")
    err = run.stderr.decode("utf-8", "replace")
    if run.returncode != 0:
        if "inconsistent" in (out + err).lower():
            return None
        raise ReasonerUnavailableError(f"Pellet failed: {java.message(err or out)}; try --reasoner hermit or rl")
    types: set[tuple[URIRef, URIRef]] = set()
    stack: list[tuple[int, list[URIRef]]] = []
    for line in out.splitlines():
        m = _TREE_LINE.match(line)
        if not m or "://" not in m.group(2):
            continue
        depth, classes = len(m.group(1)), [URIRef(c) for c in m.group(2).split(" = ")]
        while stack and stack[-1][0] >= depth:
            stack.pop()
        stack.append((depth, classes))
        for ind in (m.group(3) or "").split(", "):
            if ind and "://" in ind:
                types.update((URIRef(ind), c) for _, level in stack for c in level)
    return types


_SAME_AS = OWL.sameAs  # rdflib's namespace attribute lookup is slow in a loop run 10^5 times


def _rl_engine() -> type:
    import owlrl

    class RL(owlrl.OWLRL_Semantics):
        """owlrl's OWL 2 RL rules without eq-ref (x owl:sameAs x for every term).

        Those reflexive triples are true of everything and lead nowhere (eq-rep over x = x adds
        nothing), but owlrl stores three per triple and revisits them in every cycle, which made the
        pass ~3x slower.  The one clash eq-ref takes part in, x owl:differentFrom x, is checked
        directly in _owlrl_closure."""

        def store_triple(self, t: tuple[Any, Any, Any]) -> None:
            if t[1] == _SAME_AS and t[0] == t[2]:
                return
            super().store_triple(t)

    return RL


def _owlrl_closure(ontology: Graph, data: Graph) -> tuple[Graph, list[str]]:
    """OWL 2 RL closure of ontology + data (owlrl), and the clash messages its rules raised."""
    try:
        engine_class = _rl_engine()
    except ImportError:
        raise ReasonerUnavailableError("the rl reasoner needs the owlrl package: pip install owlrl") from None
    g = Graph()
    g += ontology
    g += data
    engine = engine_class(g, False, False, rdfs=False)
    engine.closure()
    errors = list(engine.error_messages)
    errors += [f"{x} is declared owl:differentFrom itself" for x, y in g.subject_objects(OWL.differentFrom) if x == y]
    for node in list(g.subjects(RDF.type, URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage"))):
        g.remove((node, None, None))
    return g, errors


# --- inconsistency reports ---------------------------------------------------------------------------


_IRI = re.compile(r"(?:https?|urn):[^\s,()'\"]+")
_DISJOINT = re.compile(r"Disjoint classes (\S+) and (\S+) have a common individual (\S+)")


def _diagnose(graph_name: str, reasoner: str, kit: _Kit, data: Graph, logic_data: Graph,
              closure: Graph, errors: list[str], explain: bool) -> Inconsistency:
    """Name the individuals and axioms behind an inconsistency, and where they were printed."""
    ontology = kit.ontology
    nodes = _data_nodes(data, ontology)
    report = Inconsistency(graph_name, reasoner)
    seen: set[tuple[tuple[str, ...], str]] = set()

    def add(individuals: Iterable[Any], axiom: str) -> None:
        key = (tuple(sorted(str(i) for i in individuals)), axiom)
        if key not in seen:
            seen.add(key)
            report.clashes.append(Clash(key[0], axiom))

    for message in errors:
        m = _DISJOINT.search(message)
        if m and URIRef(m.group(3)) in nodes:
            a, b = sorted((_short(m.group(1)), _short(m.group(2))))
            add([m.group(3)], f"{_short(m.group(3))} is both {a} and {b}, which the ontology declares "
                              f"disjoint (owl:AllDisjointClasses / owl:disjointWith)")
            continue
        involved = [i for i in _IRI.findall(message) if URIRef(i) in nodes]
        add(involved, f"OWL 2 RL rule: {_shorten_all(message)}")
    for node, prop, values in _functional_conflicts(ontology, closure, nodes):
        add([node], f"{_short(str(node))} has {len(values)} values for {_short(str(prop))}, which allows only "
                    f"one (owl:FunctionalProperty): {', '.join(sorted(_show(v) for v in values))}")
    if explain:
        report.explanation = _pellet_explanation(kit.logic, logic_data, nodes)
        if not report.clashes and report.explanation:
            named = _names_in_explanation(report.explanation, nodes)
            if named:
                add(named, "named in Pellet's explanation below")
    if any(c.individuals for c in report.clashes):  # rule messages about ontology terms only
        report.clashes = [c for c in report.clashes if c.individuals]
    for ind in report.individuals:
        node = URIRef(ind)
        label = data.value(node, SKOS.prefLabel) or data.value(node, RDFS.label)
        if label is not None:
            report.labels[ind] = str(label)
        report.sources[ind] = _source_lines(data, node)
    return report


def _functional_conflicts(ontology: Graph, graph: Graph, nodes: set[URIRef],
                          data_only: bool = False) -> list[tuple[URIRef, URIRef, list[Any]]]:
    """Nodes with two values of a functional property that cannot be the same: different data
    values (compared by value: 1 = 1.0), or individuals declared different (owl:AllDifferent,
    owl:differentFrom).  Two other IRIs are no clash: OWL concludes they name the same thing."""
    conflicts = []
    functional = set(ontology.subjects(RDF.type, OWL.FunctionalProperty))
    if data_only:
        functional &= set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    different = _declared_different(ontology, graph)
    for prop in sorted(functional):
        by_subject: dict[Any, set[Any]] = defaultdict(set)
        for s, o in graph.subject_objects(prop):
            if s in nodes:
                by_subject[s].add(o.toPython() if isinstance(o, Literal) else o)
        for s, values in sorted(by_subject.items()):
            literal = [v for v in values if not isinstance(v, URIRef)]
            named = [v for v in values if isinstance(v, URIRef)]
            if len(literal) > 1 or any(frozenset((a, b)) in different for a in named for b in named if a != b):
                conflicts.append((s, prop, sorted(values, key=str)))
    return conflicts


def _declared_different(*graphs: Graph) -> set[frozenset[Any]]:
    pairs: set[frozenset[Any]] = set()
    for g in graphs:
        for a, b in g.subject_objects(OWL.differentFrom):
            pairs.add(frozenset((a, b)))
        for group in g.subjects(RDF.type, OWL.AllDifferent):
            for lst in list(g.objects(group, OWL.distinctMembers)) + list(g.objects(group, OWL.members)):
                members = list(Collection(g, lst))
                pairs.update(frozenset((a, b)) for a in members for b in members if a != b)
    return pairs


def _pellet_explanation(ontology: Graph, data: Graph, nodes: set[URIRef], limit: int = 60) -> str:
    """Pellet's `explain --inconsistent` (the explanation owlready2 offers), or "" if it cannot run."""
    try:
        with tempfile.TemporaryDirectory(prefix="policykg-explain-") as tmp:
            path = Path(tmp) / "input.nt"
            _declared(ontology, data, nodes).serialize(destination=path, format="nt", encoding="utf-8")
            run = _run_pellet(["explain", "--ignore-imports", "--inconsistent", "--max", "3"], path, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    text = run.stdout.decode("utf-8", "replace")
    if "Explanation" not in text:
        return ""
    body: list[str] = []
    for line in text[text.index("Explanation"):].splitlines()[1:]:
        if not line.strip():
            continue
        last = re.sub(r"^\s*\d+\)", "", body[-1]) if body else ""  # without the "1)" numbering
        if last.count("(") > last.count(")"):  # an axiom Pellet wrapped over several lines
            body[-1] += " " + line.strip()
        else:
            body.append(line.rstrip())
    return "\n".join(body[:limit] + (["…"] if len(body) > limit else []))


def _names_in_explanation(explanation: str, nodes: set[URIRef]) -> list[URIRef]:
    """Pellet prints local names: map the subjects of its lines back to data IRIs (if unambiguous)."""
    by_local: dict[str, list[URIRef]] = defaultdict(list)
    for n in nodes:
        by_local[_local(n)].append(n)
    found: dict[URIRef, None] = {}
    for line in explanation.splitlines():
        token = re.sub(r"^\d+\)\s*", "", line.strip()).split(" ")[0]
        candidates = by_local.get(token, [])
        if len(candidates) == 1:
            found.setdefault(candidates[0], None)
    return list(found)


def _source_lines(data: Graph, node: URIRef, limit: int = 5) -> list[SourceLine]:
    """The node's own source location(s), else those of the nodes that name it."""
    own = _locations(data, node)
    if own:
        return own
    lines: list[SourceLine] = []
    for subject, prop in sorted(data.subject_predicates(node), key=lambda t: (str(t[0]), str(t[1]))):
        if prop == RDF.type:
            continue
        for loc in _locations(data, subject):
            lines.append(SourceLine(loc.file, loc.line, f"named by {_short(str(subject))} via {_short(str(prop))}"))
    return sorted(set(lines), key=lambda s: (s.file, s.line, s.via))[:limit]


def _locations(data: Graph, node: Any) -> list[SourceLine]:
    out = []
    for loc in data.objects(node, V.sourceLocation):
        names = sorted({str(n) for d in data.objects(loc, V.document) for n in data.objects(d, V.fileName)})
        for line in data.objects(loc, V.line):
            out.extend(SourceLine(name, int(line)) for name in names or ["(unknown document)"])
    return sorted(set(out), key=lambda s: (s.file, s.line))


_PREFIXES = sorted(((str(ns), p) for p, ns in V.PREFIXES.items()), key=lambda t: -len(t[0]))


def _local(iri: Any) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _short(iri: str) -> str:
    for ns, prefix in _PREFIXES:
        if iri.startswith(ns) and prefix != "pkgid":
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _shorten_all(message: str) -> str:
    return _IRI.sub(lambda m: _short(m.group(0)), message)


def _show(value: Any) -> str:
    return _short(str(value)) if isinstance(value, URIRef) else repr(value) if isinstance(value, str) else str(value)
