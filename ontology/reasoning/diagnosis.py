"""Why a plan graph is inconsistent, in words a user can act on: which individuals, which axioms, and
the document lines each culprit was printed on.

Why its own module: a reasoner says only "inconsistent" (HermiT, Pellet) or gives rule messages full
of IRIs (OWL RL); naming the culprits takes the RL rules' messages, the functional properties, Pellet's
explanation and the graph's source locations, whichever reasoner found the contradiction.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from policykg.graph import vocab as V
from policykg.ontology.reasoning.inferred import Kit
from policykg.ontology.reasoning.inputs import data_nodes
from policykg.ontology.reasoning.pellet import explanation as pellet_explanation
from policykg.ontology.reasoning.results import Clash, Inconsistency, SourceLine, local_name

_IRI = re.compile(r"(?:https?|urn):[^\s,()'\"]+")
_DISJOINT = re.compile(r"Disjoint classes (\S+) and (\S+) have a common individual (\S+)")
_PREFIXES = sorted(((str(ns), p) for p, ns in V.PREFIXES.items()), key=lambda t: -len(t[0]))


def diagnose(graph_name: str, reasoner: str, kit: Kit, data: Graph, logic_data: Graph,
             closure: Graph, errors: list[str], explain: bool) -> Inconsistency:
    """Name the individuals and axioms behind an inconsistency, and where they were printed."""
    ontology = kit.ontology
    nodes = data_nodes(data, ontology)
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
    for node, prop, values in functional_conflicts(ontology, closure, nodes):
        add([node], f"{_short(str(node))} has {len(values)} values for {_short(str(prop))}, which allows only "
                    f"one (owl:FunctionalProperty): {', '.join(sorted(_show(v) for v in values))}")
    if explain:
        report.explanation = pellet_explanation(kit.logic, logic_data, nodes)
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


def functional_conflicts(ontology: Graph, graph: Graph, nodes: set[URIRef],
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


def _names_in_explanation(explanation: str, nodes: set[URIRef]) -> list[URIRef]:
    """Pellet prints local names: map the subjects of its lines back to data IRIs (if unambiguous)."""
    by_local: dict[str, list[URIRef]] = defaultdict(list)
    for n in nodes:
        by_local[local_name(n)].append(n)
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


def _short(iri: str) -> str:
    for ns, prefix in _PREFIXES:
        if iri.startswith(ns) and prefix != "pkgid":
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _shorten_all(message: str) -> str:
    return _IRI.sub(lambda m: _short(m.group(0)), message)


def _show(value: Any) -> str:
    return _short(str(value)) if isinstance(value, URIRef) else repr(value) if isinstance(value, str) else str(value)
