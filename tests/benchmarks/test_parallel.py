"""Parallel load and parallel audit give exactly what the sequential paths give.

Checked on 30 generated plans (every layout the generator knows) and on the five real plans
(/work/shared/corpus via the `corpus_paths` fixture): the same quads in the store, the same graph
list and triple counts in the load result, the same findings and scorecards from the audit.
"""
from __future__ import annotations

import pyoxigraph
import pytest

from benchmarks.generator import generate
from policykg import api
from policykg.shapes import audit

N = 30


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen30")
    generate(N, out)
    return sorted(out.glob("plan_*.txt"))


def _quads(path) -> tuple[set[str], int]:
    """The store's quads without blank nodes, and how many have one (the ontology's OWL axioms,
    whose blank-node labels are fresh on every load)."""
    store = pyoxigraph.Store.read_only(str(path))
    named, blank = set(), 0
    for q in store.quads_for_pattern(None, None, None, None):
        if isinstance(q.subject, pyoxigraph.BlankNode) or isinstance(q.object, pyoxigraph.BlankNode):
            blank += 1
        else:
            named.add(str(q))
    return named, blank


def _pushed(result) -> list[tuple]:
    return [(p.iri, p.kind, p.triples, p.action) for p in result.graphs]


@pytest.mark.parametrize("which", ["generated", "real"])
def test_parallel_load_equals_sequential(which, generated, corpus_paths, tmp_path):
    docs = generated if which == "generated" else corpus_paths
    seq = api.load(docs, tmp_path / "seq", workers=1)
    par = api.load(docs, tmp_path / "par", workers=2)
    # one named graph per plan, plus the shared graph and the ontology graph
    assert par.store_graphs == len(docs) + 2
    assert (par.store_triples, par.store_graphs) == (seq.store_triples, seq.store_graphs)
    assert _pushed(par) == _pushed(seq)
    assert _quads(tmp_path / "par") == _quads(tmp_path / "seq")
    assert [s["doc"] for s in par.build.summary()] == [s["doc"] for s in seq.build.summary()]


def test_parallel_reload_replaces_only_that_plan(generated, tmp_path):
    store = tmp_path / "s"
    api.load(generated, store, workers=2)
    before = _quads(store)
    # loading the same documents again changes nothing: each plan graph replaced by itself
    again = api.load(generated[:3], store, workers=2)
    assert all(p.action == "replaced" for p in again.graphs if p.kind == "plan")
    assert len([p for p in again.graphs if p.kind == "plan"]) == 3
    assert _quads(store) == before


@pytest.mark.parametrize("which", ["generated", "real"])
def test_parallel_audit_equals_sequential(which, generated, corpus_paths):
    docs = generated if which == "generated" else corpus_paths
    ds = api.build(docs).dataset
    seq = audit(ds, workers=1)
    par = audit(ds, workers=2)
    assert len(seq.scorecards) == len(docs)
    assert seq.findings, "the audit finds something on these plans (e.g. tasks without a lead unit)"
    assert par.findings == seq.findings
    assert par.scorecards == seq.scorecards
    assert len(par.results) == len(seq.results)
