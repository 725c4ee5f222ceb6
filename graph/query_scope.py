"""Which plans' graphs a filtered library query needs to read in an Oxigraph store.

A national store answers a query over the union of 2,800 plan graphs; a query filtered to one plan,
one unit or one department type has all its rows in a few of them.  A row of such a query is made
of triples of one plan's graph (its tasks and their lead/supporting units) and of the shared graph
(the units' names, types and regions), so reading only the plan graphs that mention a matching
unit, with the shared graph and the ontology, gives the same rows.  The graphs are found by one
query inside Oxigraph that stops once more than `SCOPE_MAX_PLANS` plans are found (then the whole
store answers): a quad pattern per matching unit over the named graphs, not a query over the nation.
(Inferred graphs need no search of their own: what a plan's inferred graph says of a unit follows
from its own graph's links to it, and a found plan's inferred graph is read with it.)
"""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import ORG, RDF, SKOS

from policykg.graph import vocab as V
from policykg.graph.oxigraph_store import (SCOPE_MAX_PLANS, OxigraphStore, PlanGraph, graphs_of,
                                           named_node, plans_among)

#: the graphs that link to a unit matched by $match
_GRAPHS_NAMING = "SELECT DISTINCT ?g WHERE { $match GRAPH ?g { ?x ?link ?u } }"

#: a library query parameter -> the units a value ($value) of it keeps: `unit` is matched as
#: `CONTAINS(STR(?unit), ?unit_filter)` on the unit's prefLabel, `type` as `STR(?type) = ?type_filter`
#: on its department type's skos:notation (the library's own filters, so the same units; any node
#: with such a label counts, classified or not, as co_responsibility pairs unclassified units too:
#: a wider scope is still the same rows)
UNIT_FILTERS: dict[str, str] = {
    "unit": f"?u <{SKOS.prefLabel}> ?label . FILTER(CONTAINS(STR(?label), $value))",
    "type": f"?t <{SKOS.notation}> ?code . FILTER(STR(?code) = $value) ?u <{ORG.classification}> ?t .",
}


def plans_naming(store: OxigraphStore, param: str, value: str, *,
                 max_plans: int = SCOPE_MAX_PLANS) -> list[PlanGraph] | None:
    """The plans whose graph links to a unit that `param`=`value` keeps (a task's lead or supporting
    unit); None as soon as more than `max_plans` do."""
    match = UNIT_FILTERS[param].replace("$value", Literal(value).n3())
    source = store.native()
    plan_type = (named_node(str(RDF.type)), named_node(str(V.Plan)))
    found = ((g.value, q.subject.value)
             for (g,) in source.query(_GRAPHS_NAMING.replace("$match", match), use_default_graph_as_union=True)
             for q in source.quads_for_pattern(None, *plan_type, g))
    return plans_among(source, found, max_plans=max_plans)


def filtered_scope(store: OxigraphStore, params: dict[str, str], *,
                   max_plans: int = SCOPE_MAX_PLANS) -> list[str] | None:
    """The graphs a library query bound with `params` reads: the graphs of the plans every given
    `plan`, `unit` and `type` value allows (their intersection), then the shared graph and the
    ontology; None (read the whole store) when no such parameter is given or each matches more than
    `max_plans` plans."""
    chosen: list[str] | None = None
    for param, value in params.items():
        if not value or (param != "plan" and param not in UNIT_FILTERS):
            continue
        if param == "plan":
            graphs = store.plan_scope(value, max_plans=max_plans)
        else:
            found = plans_naming(store, param, value, max_plans=max_plans)
            graphs = None if found is None else graphs_of(found)
        if graphs is not None:
            own = [g for g in graphs if g not in SHARED]
            chosen = own if chosen is None else [g for g in chosen if g in set(own)]
    return None if chosen is None else chosen + list(SHARED)


#: the graphs every scope reads after the plans' own (graphs_of puts them last)
SHARED = (str(V.SHARED_GRAPH), str(V.ONTOLOGY_GRAPH))
