"""One plan and what it reaches: the unit of per-plan work (audit, reasoning, parallel runs).

A plan's named graph names units, regions and department types that live in the shared graph;
validating or reasoning over the plan alone needs those nodes too, but not the rest of the nation.
"""
from __future__ import annotations

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF


def plan_slice(plan: Graph, shared: Graph) -> Graph:
    """The plan graph plus the shared nodes it reaches (its units, their types and regions, cited
    documents), following links but not rdf:type (classes are the ontology's business)."""
    data = Graph()
    data += plan
    frontier = {o for o in plan.objects() if isinstance(o, URIRef)} | \
               {s for s in plan.subjects() if isinstance(s, URIRef)}
    seen: set = set()
    while frontier:
        node = frontier.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in shared.predicate_objects(node):
            data.add((node, p, o))
            if isinstance(o, (URIRef, BNode)) and p != RDF.type and o not in seen:
                frontier.add(o)
    return data
