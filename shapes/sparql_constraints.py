"""SHACL-SPARQL constraints (sh:sparql) evaluated once per batch instead of once per focus node: each
rule's SELECT runs over the whole graph with `$this` unbound, and its rows are kept for the shape's own
focus nodes, as pre-binding `$this` would (exact for the shipped rules: see shapes/engines.py).  Over
an rdflib graph or an in-memory Oxigraph store; rudof's query engine uses the same evaluator."""
from __future__ import annotations

import re
from typing import Any, Iterable, Protocol

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from policykg.graph.oxigraph_store import from_rdflib, to_rdflib
from policykg.shapes.results import SH, RawResult, ShapesError, SparqlRule

class _OxLookup:
    """Queries over an in-memory Oxigraph store (the evaluator's `Lookup`, terms as rdflib terms)."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def rows(self, query: str, shape: Node) -> list[dict[str, Node]]:
        try:
            solutions = self.store.query(query)
            names = [v.value for v in solutions.variables]
            return [{n: to_rdflib(s[n]) for n in names if s[n] is not None} for s in solutions]
        except (SyntaxError, ValueError, OSError) as exc:
            raise ShapesError(f"{shape}: its sh:select does not run in Oxigraph: "
                              f"{str(exc).splitlines()[0][:200]}") from None

    def subjects(self, predicate: Node, obj: Node | None) -> list[Node]:
        return [to_rdflib(t.subject) for t in self.store.quads_for_pattern(None, from_rdflib(predicate), from_rdflib(obj))]

    def objects(self, subject: Node | None, predicate: Node) -> list[Node]:
        return [to_rdflib(t.object) for t in self.store.quads_for_pattern(from_rdflib(subject), from_rdflib(predicate), None)]


def sparql_results_oxigraph(ntriples: bytes, rules: Iterable[SparqlRule]) -> list[RawResult]:
    """The SHACL-SPARQL rules over N-Triples loaded into an in-memory Oxigraph store, each query once
    (for engines that, like Jena here, run outside Python: literals in canonical form, as rudof's
    query engine and an Oxigraph store give them)."""
    rules = list(rules)
    if not rules:
        return []
    store = ox.Store()
    store.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    lookup = _OxLookup(store)
    out = []
    for rule in rules:
        out += rule_results(rule, lookup.rows(rule.query, rule.shape), focus_nodes(lookup, rule.targets))
    return out


# --- SHACL-SPARQL, once per graph ------------------------------------------------------------------
class Lookup(Protocol):
    """What the evaluator needs from a graph besides running a query."""

    def subjects(self, predicate: Node, obj: Node | None) -> Iterable[Node]: ...

    def objects(self, subject: Node | None, predicate: Node) -> Iterable[Node]: ...


def focus_nodes(data: Lookup, targets: Iterable[tuple[URIRef, Node]]) -> set:
    """The focus nodes of a shape's targets (sh:targetClass follows rdfs:subClassOf in the data)."""
    out: set = set()
    for kind, obj in targets:
        if kind == SH.targetNode:
            out.add(obj)
        elif kind == SH.targetClass:
            classes, todo = set(), [obj]
            while todo:
                c = todo.pop()
                if c not in classes:
                    classes.add(c)
                    todo.extend(data.subjects(RDFS.subClassOf, c))
            for c in classes:
                out.update(data.subjects(RDF.type, c))
        elif kind == SH.targetSubjectsOf:
            out.update(data.subjects(obj, None))
        elif kind == SH.targetObjectsOf:
            out.update(data.objects(None, obj))
    return out


_PLACEHOLDER = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


def rule_results(rule: SparqlRule, rows: Iterable[dict[str, Node]], focus: set) -> list[RawResult]:
    """One result per solution whose $this is a focus node of the rule's shape; {?var} in the
    messages filled from the solution, as pyshacl and rudof do."""
    out = []
    for row in rows:
        this = row.get("this")
        if this is None or this not in focus:
            continue
        path = row.get("path")
        messages = tuple(Literal(_PLACEHOLDER.sub(lambda m: str(row[m.group(1)]) if m.group(1) in row
                                                  else m.group(0), str(msg)), lang=msg.language)
                         for msg in rule.messages)
        out.append(RawResult(focus=this, shape=rule.shape, component=SH.SPARQLConstraintComponent,
                             severity=rule.severity, path=path if isinstance(path, URIRef) else rule.path,
                             value=row.get("value", this), messages=messages))
    return out


def sparql_results_rdflib(data: Graph, rules: Iterable[SparqlRule]) -> list[RawResult]:
    """The SHACL-SPARQL rules over an rdflib graph, each query once."""
    from rdflib.plugins.sparql import prepareQuery
    out = []
    for rule in rules:
        try:
            # prepared without the data graph's namespaces: only the prefixes the shape declares
            result = data.query(prepareQuery(rule.query))
        except Exception as exc:
            raise ShapesError(f"{rule.shape}: its sh:select does not run: {str(exc).splitlines()[0][:200]}") \
                from None
        names = [str(v) for v in result.vars]
        rows = ({n: row[i] for i, n in enumerate(names) if row[i] is not None} for row in result)
        out += rule_results(rule, rows, focus_nodes(data, rule.targets))
    return out


# --- terms between rdflib and pyoxigraph -----------------------------------------------------------
