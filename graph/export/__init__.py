"""Graph exports: the RDF graph projected into networks for visualisation tools and one HTML page.

    from policykg.graph import export
    g = export.view(store_or_dataset, "collaboration", plan="002")    # a networkx graph
    export.write(g, "xuecheng.gexf", "gexf")                           # Gephi, yEd, Cytoscape
    columns, rows = export.stats(store)                                # who carries the load

Views live in views.py, file formats in formats.py, the HTML page in html.py (template page.html.j2),
centrality tables in stats.py; data.py holds the SELECTs they all read through.
"""
from __future__ import annotations

from policykg.graph.export.formats import FORMATS, write
from policykg.graph.export.stats import STATS_COLUMNS, stats
from policykg.graph.export.views import BY, VIEWS, view

__all__ = ["BY", "FORMATS", "STATS_COLUMNS", "VIEWS", "stats", "view", "write"]
