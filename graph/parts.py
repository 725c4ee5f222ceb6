"""The named-graph model every store shares: what a named graph is (`Part`), what became of it
(`Pushed`), how a dataset splits into them (`parts`) and the one SPARQL Update that writes one
(`insert_data`).

The HTTP upload (graph/push.py), the local Oxigraph store, the bulk loader, the reasoners and the
store audit all write graphs this way, so a local store and a pushed one hold the same graphs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from rdflib import BNode, Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF

from policykg.graph import vocab as V
from policykg.graph.vocab import ONTOLOGY_GRAPH

PLAN, SHARED, ONTOLOGY = "plan", "shared", "ontology"

#: prefix of the temporary graph a plan is uploaded into before it replaces its graph (GSP + update)
STAGING = "urn:policykg:staging:"


@dataclass(frozen=True)
class Part:
    """One named graph to send, and whether it replaces what the store has or is merged into it."""

    iri: str
    graph: Graph
    kind: str

    @property
    def replace(self) -> bool:
        return self.kind != SHARED

    def ntriples(self) -> str:
        """The graph as sorted N-Triples (valid Turtle and valid inside INSERT DATA)."""
        text = self.graph.serialize(format="nt")
        return "".join(sorted(ln + "\n" for ln in text.splitlines() if ln.strip()))


@dataclass
class Pushed:
    """What happened to one named graph."""

    iri: str
    kind: str
    triples: int
    action: str  # "replaced" | "merged"
    stored: int | None = None  # triples the store reports for the graph afterwards, if asked


def parts(ds: Dataset, ontology: Graph | None = None) -> list[Part]:
    """The dataset's named graphs in write order: the `ontology` (when given), shared graph, plans
    by IRI.  The caller passes the ontology in: this layer holds RDF, not the ontology's files."""
    out: list[Part] = []
    if ontology is not None:
        out.append(Part(str(ONTOLOGY_GRAPH), ontology, ONTOLOGY))
    plans = []
    for ctx in ds.graphs():
        if ctx.identifier == DATASET_DEFAULT_GRAPH_ID or len(ctx) == 0:
            continue
        iri = str(ctx.identifier)
        if iri == str(V.SHARED_GRAPH):
            out.append(Part(iri, ctx, SHARED))
        elif iri == str(ONTOLOGY_GRAPH):
            continue  # the packaged ontology is the one sent
        else:
            plans.append(Part(iri, ctx, PLAN))
    return out + sorted(plans, key=lambda p: p.iri)


def plans_in_default_graph(ds: Dataset) -> bool:
    """Does the default graph itself hold a plan (a .ttl/.nt file: no named graphs)?"""
    return next(ds.graph(DATASET_DEFAULT_GRAPH_ID).subjects(RDF.type, V.Plan), None) is not None


def merge_named_graphs(target: Dataset, source: Dataset,
                       keep: Callable[[Graph], bool] = lambda g: True) -> Dataset:
    """Add each non-empty named graph of `source` (that `keep` accepts) to the graph of the same
    name in `target`; returns `target`."""
    for ctx in source.graphs():
        if len(ctx) and keep(ctx):
            into = target.graph(ctx.identifier)
            into += ctx
    return target


def default_graph_size(ds: Dataset) -> int:
    """Triples outside any named graph (a .ttl/.nt union file has only those)."""
    return len(ds.graph(DATASET_DEFAULT_GRAPH_ID))


#: triples per INSERT DATA operation: Virtuoso compiles each operation to SQL and refuses one of
#: a few thousand triples ("generated SQL text has exceeded 10000 lines"); 500 passes everywhere.
CHUNK = 500


def insert_data(part: Part, chunk: int = CHUNK) -> str:
    """One SPARQL Update request that replaces (or merges into) the graph: `DROP SILENT GRAPH` then
    INSERT DATA operations of `chunk` triples each.  A store runs one request as one transaction
    (Oxigraph does; Virtuoso compiles the whole request first), so a refused request changes nothing.

    A graph with blank nodes (the ontology's OWL axioms) is sent as one INSERT { … } WHERE {} instead:
    Virtuoso refuses blank nodes in INSERT DATA, and the blank nodes of one template stay one node
    each only within a single operation."""
    iri = f"<{part.iri}>"
    lines = part.ntriples().splitlines(keepends=True)
    if any(isinstance(t, BNode) for triple in part.graph for t in triple):
        ops = [f"INSERT {{ GRAPH {iri} {{\n{''.join(lines)}}} }} WHERE {{}}"]
    else:
        ops = [f"INSERT DATA {{ GRAPH {iri} {{\n{''.join(lines[i:i + chunk])}}} }}"
               for i in range(0, len(lines), chunk)]
    if part.replace:
        ops.insert(0, f"DROP SILENT GRAPH {iri}")
    return " ;\n".join(ops)
