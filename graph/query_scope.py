"""Which plans' graphs a filtered library query needs to read in an Oxigraph store.

A national store answers a query over the union of 2,800 plan graphs; a query filtered to one plan,
one unit or one department type has all its rows in a few of them.  A row of such a query is made
of triples of one plan's graph (its tasks and their lead/supporting units) and of the shared graph
(the units' names, types and regions), so reading only the plan graphs that mention a matching
unit, with the shared graph and the ontology, gives the same rows.  Finding those plans costs a
few index probes (a quad pattern per unit, over every named graph), not a query over the nation.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from rdflib.namespace import ORG, SKOS

from policykg.graph.oxigraph_store import (SCOPE_MAX_PLANS, OxigraphStore, PlanGraph, graphs_of,
                                           named_node, plan_graphs)


def _literal_text(term: Any) -> str | None:
    return term.value if type(term).__name__ == "Literal" else None


def units_named(source: Any, text: str) -> Iterable[Any]:
    """Units (IRIs) with a skos:prefLabel containing `text`: what `CONTAINS(STR(?unit), ?unit_filter)`
    keeps, where ?unit is the unit's prefLabel."""
    classification = named_node(str(ORG.classification))
    for q in source.quads_for_pattern(None, named_node(str(SKOS.prefLabel)), None, None):
        label = _literal_text(q.object)
        if label is not None and text in label and \
                next(iter(source.quads_for_pattern(q.subject, classification, None, None)), None) is not None:
            yield q.subject


def units_of_type(source: Any, code: str) -> Iterable[Any]:
    """Units classified under the department type whose skos:notation is `code`: what
    `STR(?type) = ?type_filter` keeps."""
    classification = named_node(str(ORG.classification))
    seen = set()
    for q in source.quads_for_pattern(None, named_node(str(SKOS.notation)), None, None):
        if _literal_text(q.object) == code:
            for c in source.quads_for_pattern(None, classification, q.subject, None):
                if c.subject not in seen:
                    seen.add(c.subject)
                    yield c.subject


#: a library query parameter -> the units a value of it names (the `plan` parameter is matched on titles)
UNIT_FILTERS: dict[str, Callable[[Any, str], Iterable[Any]]] = {"unit": units_named, "type": units_of_type}


def plans_naming(store: OxigraphStore, units: Iterable[Any], *,
                 max_plans: int = SCOPE_MAX_PLANS) -> set[PlanGraph] | None:
    """The plans whose graph (or inferred graph) mentions one of `units` as an object (a task's lead or
    supporting unit); None as soon as more than `max_plans` do, where the whole store answers faster."""
    source = store.native()
    by_graph = {}
    for pg in plan_graphs(source):
        by_graph[pg.graph] = pg
        if pg.inferred:
            by_graph[pg.inferred] = pg
    found: set[PlanGraph] = set()
    for unit in units:
        for q in source.quads_for_pattern(None, None, unit, None):
            pg = by_graph.get(getattr(q.graph_name, "value", None))
            if pg is not None and pg not in found:
                found.add(pg)
                if len(found) > max_plans:
                    return None
    return found


def filtered_scope(store: OxigraphStore, params: dict[str, str], *,
                   max_plans: int = SCOPE_MAX_PLANS) -> list[str] | None:
    """The graphs a library query bound with `params` reads: the plans every given `plan`, `unit` and
    `type` value allows (their intersection), with the shared graph and the ontology; None (read the
    whole store) when no such parameter is given or more than `max_plans` plans qualify."""
    chosen: set[PlanGraph] | None = None
    plan = params.get("plan", "")
    if plan:
        graphs = store.plan_scope(plan, max_plans=max_plans)
        if graphs is not None:
            named = set(graphs)
            chosen = {pg for pg in plan_graphs(store.native()) if pg.graph in named}
    for name, find in UNIT_FILTERS.items():
        value = params.get(name, "")
        if not value:
            continue
        found = plans_naming(store, find(store.native(), value), max_plans=max_plans)
        if found is not None:
            chosen = found if chosen is None else chosen & found
    if chosen is None:
        return None
    return graphs_of(sorted(chosen, key=lambda pg: pg.plan))
