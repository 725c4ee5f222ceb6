"""Plan documents loaded straight into a store (graph/bulk.py): the same store as building a dataset
and loading it, replacements of changed plans only, and a failed run that changes nothing."""
from __future__ import annotations

import shutil

import pyoxigraph
import pytest

from policykg import api
from policykg.errors import InputError
from policykg.graph import bulk, vocab as V
from policykg.graph.oxigraph_store import OxigraphStore


def quads(path) -> set[str]:
    """The store's quads without blank nodes (the ontology's OWL axioms get fresh ones per load)."""
    store = pyoxigraph.Store.read_only(str(path))
    return {str(q) for q in store if not isinstance(q.subject, pyoxigraph.BlankNode)
            and not isinstance(q.object, pyoxigraph.BlankNode)}


def graph_quads(path, iri: str) -> set[str]:
    return {q for q in quads(path) if q.endswith(f"<{iri}>")}


@pytest.mark.parametrize("workers", [1, 2])
def test_bulk_load_equals_loading_the_built_dataset(corpus_paths, corpus_build, tmp_path, workers):
    with OxigraphStore(tmp_path / "reference") as ref:
        ref.load(corpus_build.dataset)
    result = api.load(corpus_paths, tmp_path / "bulk", workers=workers)
    assert quads(tmp_path / "bulk") == quads(tmp_path / "reference")
    assert result.store_graphs == len(corpus_paths) + 2  # plans + shared + ontology
    kinds = [g.kind for g in result.graphs]
    assert kinds == ["ontology", "shared"] + ["plan"] * len(corpus_paths)
    plan_triples = {g.iri: g.triples for g in result.graphs if g.kind == "plan"}
    assert plan_triples == {str(pg.graph_iri): len(pg.graph) for pg in corpus_build.plans}
    shared = next(g for g in result.graphs if g.kind == "shared")
    assert shared.triples == len(corpus_build.dataset.graph(V.SHARED_GRAPH))
    assert [s["tasks"] for s in result.build.summary()] == [s["tasks"] for s in corpus_build.summary()]


def test_changed_plan_replaces_only_its_graph(corpus_paths, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in corpus_paths:
        shutil.copy(p, docs / p.name)
    store = tmp_path / "kg"
    first = api.load(sorted(docs.iterdir()), store, workers=2)
    before = quads(store)
    # edit one plan: a task's text changes, its graph must follow; the others stay byte-identical
    target = sorted(docs.iterdir())[2]
    text = target.read_text(encoding="utf-8")
    head, _, tail = text.rpartition("残疾人")  # the last mention: body text, not the title
    changed = head + "残障人士" + tail
    assert changed != text
    target.write_text(changed, encoding="utf-8")
    again = api.load([target], store, workers=1)
    [plan] = [g for g in again.graphs if g.kind == "plan"]
    after = quads(store)
    others = [g.iri for g in first.graphs if g.kind == "plan" and g.iri != plan.iri]
    assert len(others) == len(corpus_paths) - 1
    for iri in others:
        assert graph_quads(store, iri) == {q for q in before if q.endswith(f"<{iri}>")}
    new_plan = {q for q in after if q.endswith(f"<{plan.iri}>")}
    assert new_plan != {q for q in before if q.endswith(f"<{plan.iri}>")}
    assert any("残障人士" in q for q in new_plan)
    assert len(new_plan) == plan.triples


def test_failed_run_changes_nothing(corpus_paths, tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "BATCH_TRIPLES", 1)  # every plan written as it comes: undo must remove it
    store = tmp_path / "kg"
    api.load(corpus_paths[:2], store, workers=1)
    before = quads(store)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01binary\xff" * 100)
    # new plans first, then a bad file, then a plan already in the store: fail-fast stops the run
    written = []
    monkeypatch.setattr(bulk._Writer, "write_batch", _spy(bulk._Writer.write_batch, written))
    with pytest.raises(InputError, match="broken.txt"):
        api.load(corpus_paths[2:] + [bad, corpus_paths[0]], store, workers=2)
    assert len(written) == 3  # the three new plans were in the store before the bad file was met
    assert quads(store) == before


def _spy(method, calls: list):
    def wrapper(self):
        calls.append(len(self.batch))
        return method(self)
    return wrapper


def test_failed_run_leaves_no_new_store_behind(corpus_paths, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    with pytest.raises(InputError, match="broken.txt"):
        api.load([corpus_paths[0], bad], tmp_path / "kg", workers=1)
    assert not (tmp_path / "kg").exists()


def test_keep_going_loads_the_rest_and_names_the_bad_file(corpus_paths, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    result = api.load([bad] + corpus_paths[:2], tmp_path / "kg", keep_going=True, workers=2)
    assert [f.path for f in result.build.failures] == [str(bad)]
    assert len([g for g in result.graphs if g.kind == "plan"]) == 2
    assert result.store_graphs == 4


def test_duplicate_document_is_built_once(corpus_paths, tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(corpus_paths[0], copy)
    result = api.load([corpus_paths[0], copy], tmp_path / "kg", workers=2)
    assert [f.path for f in result.build.skipped] == [str(copy)]
    assert "same content as" in result.build.skipped[0].reason
    assert len([g for g in result.graphs if g.kind == "plan"]) == 1
