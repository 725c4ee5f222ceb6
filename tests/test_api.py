"""The Python API as a notebook user calls it: what `build` returns can be queried, audited and
reasoned over directly, and a wrong kind of source is a clear error."""
from __future__ import annotations

import pytest

from policykg import api
from policykg.errors import InputError


def test_a_build_result_or_its_dataset_is_a_source(corpus_build, corpus_trig):
    from_file = api.query("tasks", str(corpus_trig))
    assert api.query("tasks", corpus_build) == from_file
    assert api.query("tasks", corpus_build.dataset) == from_file
    columns, rows = api.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?t a <https://w3id.org/policykg/ontology#Task> }",
                               corpus_build.dataset)
    assert rows == [(sum(s["tasks"] for s in corpus_build.summary()),)]
    report = api.validate(corpus_build.dataset)
    assert [c.doc for c in report.scorecards] == [c.doc for c in api.validate(str(corpus_trig)).scorecards]
    assert report.findings == api.validate(corpus_build).findings


def test_something_else_is_named_in_the_error():
    with pytest.raises(InputError, match=r"\{'tasks': 3\}: is not a source: give a graph file"):
        api.query("tasks", {"tasks": 3})


def test_reasoning_over_a_build_result(corpus_build, corpus_trig):
    inferred = api.reason(corpus_build, reasoner="rl")
    assert inferred.summary() == api.reason(str(corpus_trig), reasoner="rl").summary()


def test_reason_write_lets_the_store_go(corpus_trig, tmp_path):
    # a notebook reasons into a store, then queries it or loads more: the store api.reason opened
    # must be closed again (a lingering writer holds the lock and breaks later read-only opens)
    from policykg.graph.oxigraph_store import OxigraphStore
    api.load([corpus_trig], tmp_path / "kg")
    result = api.reason(tmp_path / "kg", reasoner="sparql", write=True)
    with OxigraphStore(tmp_path / "kg") as store:  # for writing: refused while another writer is open
        names = store.graph_names()
    assert {str(g) for g in result.inferred} <= set(names)
    assert len(result.summary()) == 5  # the result still reads the plans' labels, through a reader
    _, rows = api.query("tasks", tmp_path / "kg", {"plan": "西固区"})
    assert rows


def test_reason_some_plans_into_a_store_writes_only_theirs(corpus_trig, tmp_path):
    # HermiT over one county of a national store: its inferred graphs go in, the others' stay as they were
    from policykg.graph.oxigraph_store import OxigraphStore
    api.load([corpus_trig], tmp_path / "kg")
    result = api.reason(tmp_path / "kg", reasoner="hermit", write=True, plan="连州")
    with OxigraphStore(tmp_path / "kg", read_only=True) as store:
        inferred = [g for g in store.graph_names() if "/graph/inferred/" in g]
    assert inferred == [str(g) for g in result.inferred] and len(inferred) == 1
    # pkg:OwnedTask (a task naming a lead unit): 004's 44 division-table rows (tests/ontology counts
    # the same); 002 and 003's 32 + 29 are not in the store, since they were not reasoned over
    store = OxigraphStore(tmp_path / "kg", read_only=True)
    try:
        _, rows = store.select("SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE "
                               "{ ?t a <https://w3id.org/policykg/ontology#OwnedTask> }")
    finally:
        store.close()
    assert rows == [(44,)]
