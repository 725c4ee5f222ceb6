"""Who carries the load: units ranked by the tasks they lead, how many units they work with
(degree) and how often they lie on the shortest paths between other units (betweenness centrality).

Per plan the network is the plan's collaboration view (units); across plans units of different
regions are different bodies, so they are compared by department type (the collaboration view with
by="type").  Rows follow the query library's shape, (columns, rows), for the CLI's table and CSV.
"""
from __future__ import annotations

from typing import Any

import networkx as nx
from rdflib import Dataset

from policykg.errors import QueryError
from policykg.graph.export import data
from policykg.graph.export.views import as_store, collaboration_of
from policykg.graph.store import GraphStore

STATS_COLUMNS = ("scope", "doc", "region", "rank", "unit", "type", "lead_count", "support_count", "degree",
                 "betweenness")


def _ranked(g: nx.Graph, top: int) -> list[tuple[int, str, dict[str, Any], int, float]]:
    centrality = nx.betweenness_centrality(g, normalized=True) if g.number_of_nodes() else {}
    scored = [(n, d, g.degree(n), round(centrality.get(n, 0.0), 4)) for n, d in g.nodes(data=True)]
    scored.sort(key=lambda x: (-x[1]["lead_count"], -x[2], -x[3], x[1]["label"], x[0]))
    return [(i, n, d, deg, b) for i, (n, d, deg, b) in enumerate(scored[:top], 1)]


def stats(source: GraphStore | Dataset, top: int = 20, plan: str | None = None) -> tuple[list[str], list[tuple]]:
    """The `top` units of each plan that names units (scope "plan"), then the `top` department types
    across the chosen plans (scope "all"); sorted by lead count, then degree, then betweenness."""
    if top < 1:
        raise QueryError(f"top must be at least 1, not {top}")
    store = as_store(source)
    store, chosen = data.choose(store, plan)
    tasks = data.tasks(store, chosen)
    units = data.units(store, tasks)
    rows: list[tuple] = []
    by_plan: dict[str, list] = {}
    for t in tasks:  # grouped once: a scan per plan is quadratic at national scale
        by_plan.setdefault(t.plan.iri, []).append(t)
    for p in chosen:
        g = collaboration_of(by_plan.get(p.iri, []), units, "unit")
        for rank, _, d, degree, b in _ranked(g, top):
            rows.append(("plan", p.doc, p.region, rank, d["label"], d["dept_type"], d["lead_count"],
                         d["support_count"], degree, b))
    g = collaboration_of(tasks, units, "type")
    for rank, _, d, degree, b in _ranked(g, top):
        rows.append(("all", "", "", rank, d["label"], d["dept_type"], d["lead_count"], d["support_count"],
                     degree, b))
    return list(STATS_COLUMNS), rows
