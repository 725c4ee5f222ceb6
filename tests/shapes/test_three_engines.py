"""pyshacl, rudof, Apache Jena and shacl-rust on the same data: the same results, result by result.

Four SHACL implementations (Python, two in Rust, Java) are given one N-Triples text — every plan
graph, the shared graph and the ontology, literals as an Oxigraph store holds them — for the five
corpus plans, for 30 generated plans (every layout benchmarks/generator.py knows) and for damaged
copies of the corpus where every shape fires (triples dropped, objects swapped, literals retyped,
years shifted, leads made supporters, drafts flagged).  Each result is compared as (shape, focus
node, severity, constraint component, path, value); a difference fails with the shape and the node.
pyshacl runs the shapes as shipped (its SPARQL rules per focus node); rudof, Jena and shacl-rust run
the Core shapes with the SPARQL rules once per batch (rudof's query engine, Oxigraph for Jena and
shacl-rust), so their SPARQL results are checked against pyshacl's too.  Then the audits themselves
(findings and scorecards, per plan and from a store) are compared.
"""
from __future__ import annotations

from collections import Counter

import random

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from policykg import api
from policykg.ontology import load_ontology
from policykg.shapes import audit, audit_batched, audit_store, load_shapes
from policykg.graph.vocab import PKG
from policykg.shapes.engines import (SH, RawResult, prepare, run_jena, run_pyshacl, run_rudof, run_shacl_rust,
                                     sparql_results_oxigraph, sparql_results_rdflib)


def _text(ds: Dataset) -> bytes:
    """Every graph of `ds` and the ontology as one N-Triples text, through Oxigraph (as a store batch)."""
    mem = ox.Store()
    mem.bulk_load(ds.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    mem.load(load_ontology().serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize((q.triple for q in mem), format=ox.RdfFormat.N_TRIPLES)


Key = tuple


def _key(r: RawResult) -> Key:
    return (str(r.shape), str(r.focus), str(r.severity).rsplit("#", 1)[-1], str(r.component).rsplit("#", 1)[-1],
            str(r.path or ""), r.value.n3() if r.value is not None else "")


def _results(text: bytes) -> dict[str, Counter]:
    prepared = prepare(load_shapes())
    g = Graph().parse(data=text.decode("utf-8"), format="nt")
    return {
        "pyshacl": Counter(map(_key, run_pyshacl(g, prepared.full))),
        "rudof": Counter(map(_key, run_rudof(text.decode("utf-8"), prepared, sparql=True))),
        "jena": Counter(map(_key, run_jena(text, prepared) + sparql_results_oxigraph(text, prepared.rules))),
        "shacl-rust": Counter(map(_key, run_shacl_rust(text.decode("utf-8"), prepared)
                                  + sparql_results_oxigraph(text, prepared.rules))),
    }


def _differences(results: dict[str, Counter], reference: str = "pyshacl") -> list[str]:
    """Each result one engine gives and the reference does not (or the other way round), by shape
    and node: empty when all engines agree."""
    out = []
    ref = results[reference]
    for engine, got in results.items():
        for key, n in sorted((got - ref).items()):
            out.append(f"only {engine}: {key[0]} on {key[1]} ({key[2]}, {key[3]}, path {key[4] or '-'}, "
                       f"value {key[5] or '-'}) x{n}")
        for key, n in sorted((ref - got).items()):
            out.append(f"missing in {engine}: {key[0]} on {key[1]} ({key[2]}, {key[3]}, path {key[4] or '-'}, "
                       f"value {key[5] or '-'}) x{n}")
    return out


def _assert_agree(results: dict[str, Counter]) -> None:
    diff = _differences(results)
    assert not diff, f"{len(diff)} result(s) differ between engines:\n" + "\n".join(diff[:40])


_LINE, _YEAR, _LEAD, _DRAFT = (ox.NamedNode(str(PKG[n])) for n in ("line", "year", "leadUnit", "isDraft"))
_SUPPORT = ox.NamedNode(str(PKG.supportingUnit))


def _damaged(ds: Dataset, seed: int) -> Dataset:
    """A copy of `ds` with seeded damage of the kinds the shapes look for: triples dropped (counts,
    sh:or, classes lost with rdf:type), objects swapped for another node of the same graph
    (sh:class, sh:disjoint), integer lines made strings (sh:datatype), years shifted (the SPARQL
    rules), leads also named as supporters (sh:disjoint), draft flags flipped."""
    rnd = random.Random(seed)
    mem = ox.Store()
    mem.bulk_load(ds.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    quads = sorted(mem, key=str)
    nodes: dict = {}
    for q in quads:
        if isinstance(q.subject, ox.NamedNode):
            nodes.setdefault(q.graph_name, set()).add(q.subject)
    nodes = {g: sorted(n, key=str) for g, n in nodes.items()}
    out = []
    for q in quads:
        s, p, o, g = q.subject, q.predicate, q.object, q.graph_name
        x = rnd.random()
        if x < 0.06:
            continue
        if x < 0.08 and isinstance(o, ox.NamedNode) and p.value != str(PKG.line):
            o = rnd.choice(nodes[g])
        if p == _LINE and isinstance(o, ox.Literal) and rnd.random() < 0.05:
            o = ox.Literal(o.value)
        if p == _YEAR and isinstance(o, ox.Literal) and o.value.isdigit() and rnd.random() < 0.3:
            o = ox.Literal(str(int(o.value) + rnd.choice((-9, 7))), datatype=o.datatype)
        if p == _LEAD and rnd.random() < 0.1:
            out.append(ox.Quad(s, _SUPPORT, o, g))
        if p == _DRAFT and rnd.random() < 0.5:
            o = ox.Literal("false" if o.value == "true" else "true", datatype=o.datatype)
        out.append(ox.Quad(s, p, o, g))
    damaged = Dataset()
    damaged.parse(data=ox.serialize(out, format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    return damaged


@pytest.fixture(scope="module", params=[1, 2, 3])
def damaged(request, built):
    return _damaged(built, request.param)


@pytest.fixture(scope="module")
def generated_truth(tmp_path_factory):
    """30 generated plans built into a Dataset, with the generator's ground truth."""
    from benchmarks.generator import generate
    out = tmp_path_factory.mktemp("generated")
    truths = generate(30, out)
    return api.build(sorted(out.glob("plan_*.txt"))).dataset, truths


@pytest.fixture(scope="module")
def generated(generated_truth):
    return generated_truth[0]


def test_the_difference_message_names_shape_and_node():
    a = (f"{SH}x", "https://example.org/n", "Violation", "MinCountConstraintComponent", "", "")
    b = (f"{SH}y", "https://example.org/m", "Warning", "ClassConstraintComponent", "", "")
    diff = _differences({"pyshacl": Counter([a]), "rudof": Counter([a]), "jena": Counter([b])})
    assert diff == [f"only jena: {SH}y on https://example.org/m (Warning, ClassConstraintComponent, path -, "
                    "value -) x1",
                    f"missing in jena: {SH}x on https://example.org/n (Violation, MinCountConstraintComponent, "
                    "path -, value -) x1"]


def test_corpus_results_agree_in_three_engines(built, jena):
    results = _results(_text(built))
    _assert_agree(results)
    ref = results["pyshacl"]
    assert sum(ref.values()) == 267 and len(ref) == 267  # each result once
    by_shape = Counter(k[0].rsplit("#", 1)[-1] for k in ref.elements())
    # 207 tasks, of which 1 + 14 + 0 + 6 + 14 are measurable (test_corpus_audit.py says which)
    assert by_shape["TaskMeasurable"] == 207 - 35 and by_shape["BaselineAboveTarget"] == 5
    assert {k[2] for k in ref} == {"Violation", "Warning"}


def test_damaged_corpus_results_agree_in_four_engines(damaged, jena):
    """Damaged copies of the corpus, where the shapes fire in every way they can: the same results."""
    results = _results(_text(damaged))
    _assert_agree(results)
    ref = results["pyshacl"]
    shapes = {k[0] for k in ref}
    components = {k[3] for k in ref}
    assert len(shapes) >= 15 and sum(ref.values()) > 500, (len(shapes), sum(ref.values()))
    assert {"MinCountConstraintComponent", "ClassConstraintComponent", "DatatypeConstraintComponent",
            "DisjointConstraintComponent", "SPARQLConstraintComponent"} <= components, components


def test_generated_results_agree_in_three_engines(generated_truth, jena):
    ds, truths = generated_truth
    results = _results(_text(ds))
    _assert_agree(results)
    by_shape = Counter(k[0].rsplit("#", 1)[-1] for k in results["pyshacl"].elements())
    # no generated task states a target; a task without a lead of its own may be owned through a
    # division-table row implementing it
    assert by_shape["TaskMeasurable"] == sum(len(t.tasks) for t in truths) == 1254  # 30 real-sized plans
    assert 0 < by_shape["TaskOwner"] <= sum(1 for t in truths for task in t.tasks if not task.lead)
    assert by_shape["DraftPlanIssuer"] <= sum(t.draft for t in truths)


def _same(a, b) -> None:
    assert a.findings == b.findings
    assert a.scorecards == b.scorecards


@pytest.fixture(scope="module")
def reference(built):
    return audit(built)


def test_jena_audit_equals_the_reference_audit(built, reference, jena):
    """`audit` with jena (every plan in one JVM) gives the reference's findings and scorecards."""
    _same(audit(built, engine="jena"), reference)


def test_jena_audits_a_union_graph_in_one_run(built, reference, jena):
    """A .ttl file's plans share one graph: Jena validates it once, not once per plan."""
    union = Dataset(default_union=True)
    for g in built.graphs():
        for t in g:
            union.add(t)
    _same(audit(union, engine="jena"), reference)


@pytest.mark.parametrize("source", ["corpus", "generated"])
def test_jena_store_audit_equals_the_other_engines(built, generated, jena, source):
    ds = built if source == "corpus" else generated
    reports = {engine: audit_batched(ds, engine=engine) for engine in ("pyshacl", "rudof", "jena", "shacl-rust")}
    _same(reports["jena"], reports["pyshacl"])
    _same(reports["rudof"], reports["pyshacl"])
    _same(reports["shacl-rust"], reports["pyshacl"])
    assert len(reports["jena"].scorecards) == (5 if source == "corpus" else 30)


def test_damaged_corpus_audits_agree(damaged):
    """The findings and scorecards of a damaged corpus: the same with every engine but Jena (which the
    results above hold to the others), the per-plan audit and the store audit alike."""
    reports = {engine: audit_batched(damaged, engine=engine) for engine in ("pyshacl", "rudof", "shacl-rust")}
    _same(reports["rudof"], reports["pyshacl"])
    _same(reports["shacl-rust"], reports["pyshacl"])
    _same(audit(damaged, engine="shacl-rust"), audit(damaged, engine="rudof"))
    assert len(reports["pyshacl"].findings) > 300


def test_jena_store_audit_in_batches_and_workers(store_dir, jena):
    """Batches of two plans, in two processes: the same report as one batch."""
    one = audit_store(store_dir, engine="jena")
    _same(audit_store(store_dir, engine="jena", batch_size=2, workers=2), one)
    _same(one, audit_store(store_dir, engine="rudof"))
    _same(one, audit_store(store_dir, engine="shacl-rust", batch_size=2, workers=2))


def test_sparql_rules_over_oxigraph_equal_rdflib(built):
    """The evaluator the jena engine uses for the SPARQL rules gives rdflib's results on the same text."""
    text = _text(built)
    rules = prepare(load_shapes()).rules
    g = Graph().parse(data=text.decode("utf-8"), format="nt")
    got = sorted(map(_key, sparql_results_oxigraph(text, rules)))
    assert got == sorted(map(_key, sparql_results_rdflib(g, rules)))
    assert len(got) == 5


def test_one_jvm_per_batch_not_per_plan(built, store_dir, jena, monkeypatch):
    """A JVM takes seconds to start: `audit` starts one for all plans, a store audit one per batch."""
    import importlib
    audit_module = importlib.import_module("policykg.shapes.audit")  # (the package's `audit` is the function)
    store_module = importlib.import_module("policykg.shapes.store_audit")
    calls = []

    def counted(text, prepared):
        calls.append(len(text))
        return run_jena(text, prepared)

    monkeypatch.setattr(audit_module, "run_jena", counted)
    monkeypatch.setattr(store_module, "run_jena", counted)
    audit(built, engine="jena")
    assert len(calls) == 1
    audit_store(store_dir, engine="jena")  # 5 plans, batches of BATCH_BY_ENGINE["jena"]
    assert len(calls) == 2 and store_module.BATCH_BY_ENGINE["jena"] >= 5
    audit_store(store_dir, engine="jena", batch_size=2)
    assert len(calls) == 5
