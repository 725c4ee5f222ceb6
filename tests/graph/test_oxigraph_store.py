"""The local store directory: persistent, replaces a plan whole on reload, leaves other plans alone,
gives the same Python values as the in-memory store, and refuses what is not a store."""
from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, XSD

from policykg import api
from policykg.errors import InputError, OutputError, QueryError
from policykg.graph import vocab as V
from policykg.graph.oxigraph_store import OxigraphStore, looks_like_store
from policykg.graph.vocab import ONTOLOGY_GRAPH
from policykg.ontology import load_ontology
from policykg.graph.store import MemoryStore

STALE = (URIRef("https://w3id.org/policykg/id/stale"), V.PKG.title, Literal("an older version"))


def plan_graph(ds: Dataset, region: str):
    """The named graph of the corpus plan whose title names `region`."""
    for ctx in ds.graphs():
        if "/graph/plan/" in str(ctx.identifier) and any(
                region in str(t) for t in ctx.objects(None, DCTERMS.title)):
            return ctx
    raise AssertionError(f"no plan graph for {region}")


def subset(ds: Dataset, *graph_iris) -> Dataset:
    out = Dataset(default_union=True)
    for iri in graph_iris:
        g = out.graph(iri)
        g += ds.graph(iri)
    return out


def sizes(store: OxigraphStore) -> dict[str, int]:
    return {g: store.graph_size(g) for g in store.graph_names()}


def test_load_reload_and_replace_one_plan(corpus_build, tmp_path):
    ds = corpus_build.dataset
    wuda = plan_graph(ds, "乌达区").identifier
    xuecheng = plan_graph(ds, "薛城区").identifier
    path = tmp_path / "kg"
    with OxigraphStore(path) as store:
        # an older version of 乌达区 first: the real graph plus one stale triple
        older = subset(ds, wuda, V.SHARED_GRAPH)
        older.graph(wuda).add(STALE)
        store.load(older)
        assert store.graph_size(str(wuda)) == len(ds.graph(wuda)) + 1
        loaded = store.load(ds, ontology=load_ontology())
    assert looks_like_store(path)
    with OxigraphStore(path, read_only=True) as store:
        names = store.graph_names()
        assert str(ONTOLOGY_GRAPH) in names and str(V.SHARED_GRAPH) in names
        assert len([n for n in names if "/graph/plan/" in n]) == 5
        assert store.graph_size(str(wuda)) == len(ds.graph(wuda))  # replaced whole: stale gone
        assert {p.action for p in loaded if p.kind == "plan"} == {"replaced"}
        before = sizes(store)

    # loading only 乌达区 again leaves the other plans and the shared graph as they are
    with OxigraphStore(path) as store:
        store.load(subset(ds, wuda, V.SHARED_GRAPH))
        assert sizes(store) == before
        # 薛城区's 31 units still resolve through the shared graph (002 names 31 units)
        assert len(api.query("units", store, {"plan": "薛城区"})[1]) == 31
        assert store.graph_size(str(xuecheng)) == len(ds.graph(xuecheng))


def test_load_twice_is_identical(corpus_build, tmp_path):
    with OxigraphStore(tmp_path / "kg") as store:
        store.load(corpus_build.dataset, ontology=load_ontology())
        first = store.dataset()
        store.load(corpus_build.dataset, ontology=load_ontology())
        second = store.dataset()
    for ctx in first.graphs():
        if len(ctx) and ctx.identifier != ONTOLOGY_GRAPH:  # data: no blank nodes, so set-equal
            assert set(ctx) == set(second.graph(ctx.identifier)), ctx.identifier
    from rdflib.compare import isomorphic
    assert isomorphic(first.graph(ONTOLOGY_GRAPH), second.graph(ONTOLOGY_GRAPH))


def test_values_match_the_memory_store(tmp_path):
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef("https://w3id.org/policykg/id/graph/plan/t"))
    s = URIRef("https://w3id.org/policykg/id/t")
    for p, o in [("dec", Literal("0.80", datatype=XSD.decimal)), ("int", Literal(362)),
                 ("year", Literal("2025", datatype=XSD.gYear)), ("date", Literal("2022-03-01", datatype=XSD.date)),
                 ("zh", Literal("区民政局", lang="zh")), ("str", Literal("≥90%")), ("bool", Literal(True)),
                 ("iri", URIRef("https://w3id.org/policykg/id/u"))]:
        g.add((s, URIRef(f"https://w3id.org/policykg/ontology#{p}"), o))
    q = "SELECT ?p ?o WHERE { ?s ?p ?o } ORDER BY ?p"
    with OxigraphStore(tmp_path / "kg") as store:
        store.load(ds)
        assert store.select(q) == MemoryStore(ds).select(q)
        cols, rows = store.select(q)
        assert dict(rows)["https://w3id.org/policykg/ontology#dec"] == "0.8"
        assert dict(rows)["https://w3id.org/policykg/ontology#int"] == 362


def test_query_errors(tmp_path):
    with OxigraphStore(tmp_path / "kg") as store:
        with pytest.raises(QueryError, match="not valid SPARQL"):
            store.select("SELEC ?x WHERE {}")
        with pytest.raises(QueryError, match="only SELECT"):
            store.select("ASK { ?s ?p ?o }")


def test_what_is_not_a_store_is_refused(tmp_path, corpus_paths):
    with pytest.raises(InputError, match="no such store directory"):
        OxigraphStore(tmp_path / "missing", read_only=True)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan.txt").write_text("一、总则\n", encoding="utf-8")
    with pytest.raises(InputError, match="is not a policykg store"):
        OxigraphStore(docs, read_only=True)
    with pytest.raises(InputError, match="is not a policykg store"):
        OxigraphStore(docs)  # never writes a store into a folder of documents
    assert [p.name for p in docs.iterdir()] == ["plan.txt"]
    with pytest.raises(InputError, match="is open in another process"):
        with OxigraphStore(tmp_path / "kg"):
            OxigraphStore(tmp_path / "kg")
    with OxigraphStore(tmp_path / "kg", read_only=True) as ro:
        with pytest.raises(OutputError, match="read-only"):
            ro.load(Dataset())


def test_union_file_cannot_be_loaded(corpus_build, tmp_path):
    from policykg.graph.serialize import write_dataset
    ttl = tmp_path / "plans.ttl"
    write_dataset(corpus_build.dataset, ttl)
    with pytest.raises(InputError, match="holds no named graphs"):
        api.load([ttl], tmp_path / "kg")
    assert not (tmp_path / "kg").exists()  # refused before a store was made


def test_plan_scope_reads_the_matching_plans_graphs(local_store):
    plans = {g for g in local_store.graph_names() if "/graph/plan/" in g}
    one = local_store.plan_scope("西固区")
    assert len([g for g in one if g in plans]) == 1
    assert one[-2:] == [str(V.SHARED_GRAPH), str(ONTOLOGY_GRAPH)]
    assert set(local_store.plan_scope("十四五")) == plans | {str(V.SHARED_GRAPH), str(ONTOLOGY_GRAPH)}
    assert local_store.plan_scope("不存在的规划") == [str(V.SHARED_GRAPH), str(ONTOLOGY_GRAPH)]
    # more plans than worth scoping: the whole store answers
    assert local_store.plan_scope("十四五", max_plans=4) is None
    assert local_store.plan_scope("西固区", max_plans=1) == one


def test_plan_scope_includes_inferred_graphs(corpus_trig, tmp_path):
    # after `reason --write`, a scoped query sees what was inferred for the plan, as the union does
    api.load([corpus_trig], tmp_path / "kg")
    api.reason(tmp_path / "kg", reasoner="sparql", write=True)
    with OxigraphStore(tmp_path / "kg", read_only=True) as store:
        scope = store.plan_scope("西固区")
        inferred = [g for g in scope if "/graph/inferred/plan/" in g]
        assert len(scope) == 4 and len(inferred) == 1
        everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
        _, from_inferred = store.select(everything, graphs=inferred)
        _, scoped = store.select(everything, graphs=scope)
        _, union = store.select(everything)
        assert from_inferred and set(from_inferred) <= set(scoped) < set(union)
