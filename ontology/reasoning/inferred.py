"""What the OWL reasoners (HermiT, Pellet, OWL RL) write of what they conclude about one plan graph.

Class memberships in pkg: classes and the links of `LINK_PROPERTIES`, each only if not already
asserted - never the closure of trivialities (owl:Thing, W3C superclasses, reflexive sameAs).  Links
(inverse, super-property and chain consequences) come from the OWL 2 RL property rules whatever the
reasoner (`PropertyAxioms`): HermiT's command line prints no super-property instances, and these
links need nothing beyond RL.  pkg:CrossDepartmentTask is not definable in OWL 2 DL
(ontology/policykg.ttl says why): the SPARQL rule `CROSS_DEPARTMENT_RULE` computes it after the OWL
reasoner, in every mode.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from policykg.graph import vocab as V
from policykg.ontology.reasoning.inputs import Relevance

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


class PropertyAxioms:
    """The ontology's property axioms (OWL 2 RL prp-inv, prp-spo1, prp-spo2: inverse, sub-property,
    chains), applied to a data graph until nothing new follows."""

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


@dataclass
class Kit:
    """The ontology in the forms the steps need, prepared once per run."""

    ontology: Graph  # as published: classes, hierarchy and axioms are read from it
    logic: Graph = field(init=False)  # without annotations: what the reasoners are given
    relevance: Relevance = field(init=False)
    axioms: PropertyAxioms = field(init=False)

    def __post_init__(self) -> None:
        self.relevance = Relevance(self.ontology)
        self.logic = self.relevance.filter(self.ontology)
        self.axioms = PropertyAxioms(self.ontology)


def _pkg_classes(ontology: Graph) -> set[URIRef]:
    pkg = str(V.PKG)
    return {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef) and str(c).startswith(pkg)}


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


def inferred_triples(ontology: Graph, data: Graph, nodes: set[URIRef],
                     types: Iterable[tuple[Any, Any]], links: Graph) -> Graph:
    """What is written of a reasoner's answer (class memberships `types`, the closure `links`):
    the memberships of data `nodes` in pkg: classes and their LINK_PROPERTIES links, not asserted
    in `data`, then pkg:CrossDepartmentTask by its rule."""
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
