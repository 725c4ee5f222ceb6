"""What a reasoner reads: which graphs of the input are plan graphs, each plan with the shared nodes it
reaches, the plans a `--plan` filter names, and of their triples only those that can have a logical
consequence.

Why apart from the reasoners: all four read the same graphs the same way (a store's inferred, ontology
and staging graphs are never input; the default and shared graphs are context, not plans), and
HermiT, Pellet and the RL rules are given the same filtered triples, so they answer the same question.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF, RDFS, XSD

from policykg.errors import InputError
from policykg.graph import vocab as V
from policykg.graph.export.data import chosen_iris
from policykg.graph.parts import STAGING, merge_named_graphs, plans_in_default_graph
from policykg.graph.slices import plan_slice
from policykg.graph.vocab import ONTOLOGY_GRAPH

#: the identifiers rdflib gives a Dataset's default graph
DEFAULT_GRAPH_IDS = {DATASET_DEFAULT_GRAPH_ID, URIRef("urn:x-rdflib:default")}
#: where the whole input goes when it has no plan graphs (a .ttl file) or per_plan is False
WHOLE = "urn:policykg:reasoning:whole"


# --- which graphs --------------------------------------------------------------------------------


def is_inferred(name: Any) -> bool:
    return str(name).startswith(str(V.INFERRED_GRAPH))


def not_data(name: Any) -> bool:
    """The ontology's own graph in a store (the reasoners bring the ontology themselves) and a push's
    staging graphs: neither is a plan graph to reason over."""
    return str(name) == str(ONTOLOGY_GRAPH) or str(name).startswith(STAGING)


def excluded_graph(name: str) -> bool:
    """Graphs of a store that are not plan graphs: shared, ontology, inferred, push staging."""
    return name == str(V.SHARED_GRAPH) or is_inferred(name) or not_data(name)


def as_dataset(source: Any) -> Dataset:
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


def work_units(ds: Dataset, per_plan: bool) -> list[tuple[URIRef | None, Graph]]:
    """(asserted graph name or None, data to reason over): one per plan graph, or one for all."""
    plans, context = [], Graph()
    for ctx in ds.graphs():
        name = ctx.identifier
        if not len(ctx) or is_inferred(name) or not_data(name):
            continue
        if name in DEFAULT_GRAPH_IDS or name == V.SHARED_GRAPH:
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
    # each plan graph plus the shared nodes it reaches (its units, their types and regions …)
    return [(ctx.identifier, plan_slice(ctx, context))
            for ctx in sorted(plans, key=lambda c: str(c.identifier))]


# --- which plans: a `--plan` filter --------------------------------------------------------------


def plans_of(ds: Dataset, plan: str, name: str) -> Dataset:
    """The graphs of the plans `plan` names, with every graph that holds no plan (the shared graph,
    the ontology); `name` is the input, for the error when its plans are all in one graph."""
    from policykg.graph.store import MemoryStore
    if plans_in_default_graph(ds):
        raise InputError(name, "holds its plans in one graph (a .ttl or .nt file), so --plan cannot pick "
                               "some out: give a .trig or .nq file, the plan documents, or a store")
    chosen = chosen_iris(MemoryStore(ds), plan)
    out = Dataset(default_union=True)
    for prefix, ns in ds.namespaces():
        out.bind(prefix, ns)

    def wanted(ctx: Graph) -> bool:
        typed = {str(p) for p in ctx.subjects(RDF.type, V.Plan)}
        return not typed or bool(typed & chosen)
    return merge_named_graphs(out, ds, wanted)


# --- what the reasoners are given: the triples that can have a logical consequence -----------------

_ANNOTATIONS = {RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, OWL.versionInfo}


class Relevance:
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


def declared(ontology: Graph, data: Graph, nodes: set[URIRef]) -> Graph:
    """Ontology + data + owl:NamedIndividual declarations, as an OWL 2 DL parser (HermiT's, Pellet's)
    wants them."""
    g = Graph()
    g += ontology
    g += data
    for n in nodes:
        g.add((n, RDF.type, OWL.NamedIndividual))
    return g


def data_nodes(data: Graph, ontology: Graph) -> set[URIRef]:
    """IRIs of the data (not ontology terms, not predicates): the individuals to report on."""
    nodes: set[URIRef] = set()
    for s, p, o in data:
        if isinstance(s, URIRef):
            nodes.add(s)
        if isinstance(o, URIRef) and p != RDF.type:
            nodes.add(o)
    return {n for n in nodes if (n, None, None) not in ontology and not str(n).startswith(str(V.PKG))}

