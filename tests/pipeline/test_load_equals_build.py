"""The load path without rdflib (N-Triples terms straight into Oxigraph's bulk loader) stores, for
every corpus plan, the very graph `build` gives as an rdflib Dataset: its plan graph and its shared
graph (there are no blank nodes, so isomorphic is equal).  Equal term for term, but for one thing
Oxigraph has always done: it keeps an xsd:decimal as a number, so the 1.0 and 99.50 a plan prints
come back as 1 and 99.5 (same value, same literal by XSD's rules)."""
from __future__ import annotations

from decimal import Decimal

import pyoxigraph
import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from policykg import api
from policykg.graph import vocab as V
from policykg.graph.oxigraph_store import to_rdflib


def value(term):
    """A term, an xsd:decimal by its value (see the module's docstring)."""
    if isinstance(term, Literal) and term.datatype == XSD.decimal:
        return ("decimal", Decimal(str(term)))
    return term


def same(triples) -> set:
    return {(s, p, value(o)) for s, p, o in triples}


def store_graph(path, iri: str) -> set:
    """One named graph of a store, as rdflib triples (decimals by value)."""
    store = pyoxigraph.Store.read_only(str(path))
    return same((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
                for q in store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(iri)))


@pytest.mark.parametrize("plan_no", range(5), ids=lambda i: f"{i:03d}")
def test_store_holds_the_rdflib_build_of_each_plan(corpus_paths, plan_no, tmp_path):
    document = corpus_paths[plan_no]
    built = api.build([document])
    [pg] = built.plans
    loaded = api.load([document], tmp_path / "kg", workers=1)
    plan_graph = built.dataset.graph(pg.graph_iri)
    assert len(plan_graph) > 1000  # a whole plan, not an empty graph on both sides
    assert store_graph(tmp_path / "kg", str(pg.graph_iri)) == same(plan_graph)
    shared = built.dataset.graph(V.SHARED_GRAPH)
    assert len(shared) > 100
    assert store_graph(tmp_path / "kg", str(V.SHARED_GRAPH)) == same(shared)
    assert [g.triples for g in loaded.graphs if g.kind == "plan"] == [len(plan_graph)]


def test_literals_rdflib_and_oxigraph_escape_differently_load_as_built(corpus_paths, tmp_path):
    """Tabs, form feeds, U+2028, quotes and backslashes in a plan's text (and title): rdflib's
    N-Triples leaves control characters raw, Oxigraph's escapes them; the store holds what `build`
    gives, and loading the plan again (a replacement, written by SPARQL Update) changes nothing."""
    text = corpus_paths[3].read_text(encoding="utf-8")
    head, sep, tail = text.partition("残疾人")
    doc = tmp_path / "plan.txt"
    doc.write_text(head + sep + '\t"引号"\\反斜杠\x0c\u2028' + tail, encoding="utf-8")
    built = api.build([doc])
    [pg] = built.plans
    printed = {str(o) for _, _, o in built.dataset.graph(pg.graph_iri)}
    assert any("\t" in o and '"引号"\\反斜杠' in o for o in printed)
    store = tmp_path / "kg"
    api.load([doc], store, workers=1)
    assert store_graph(store, str(pg.graph_iri)) == same(built.dataset.graph(pg.graph_iri))
    before = store_graph(store, str(V.SHARED_GRAPH))
    api.load([doc], store, workers=1)
    assert store_graph(store, str(V.SHARED_GRAPH)) == before == same(built.dataset.graph(V.SHARED_GRAPH))
