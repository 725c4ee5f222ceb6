"""Plan documents loaded straight into a store (pipeline/bulk.py): the same store as building a dataset
and loading it, replacements of changed plans only, and a failed run that changes nothing."""
from __future__ import annotations

import shutil

import pyoxigraph
import pytest

from policykg import api
from policykg.errors import InputError, OutputError
from policykg.graph import vocab as V
from policykg.pipeline import bulk
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.ontology import load_ontology


def quads(path) -> set[str]:
    """The store's quads without blank nodes (the ontology's OWL axioms get fresh ones per load)."""
    store = pyoxigraph.Store.read_only(str(path))
    return {str(q) for q in store if not isinstance(q.subject, pyoxigraph.BlankNode)
            and not isinstance(q.object, pyoxigraph.BlankNode)}


def by_graph(path) -> dict[str, set[str]]:
    """The store's quads (as `quads` gives them) grouped by graph name."""
    store = pyoxigraph.Store.read_only(str(path))
    out: dict[str, set[str]] = {}
    for q in store:
        if not isinstance(q.subject, pyoxigraph.BlankNode) and not isinstance(q.object, pyoxigraph.BlankNode):
            out.setdefault(q.graph_name.value, set()).add(str(q))
    return out


def graph_quads(path, iri: str) -> set[str]:
    return {q for q in quads(path) if q.endswith(f"<{iri}>")}


@pytest.mark.parametrize("workers", [1, 2])
def test_bulk_load_equals_loading_the_built_dataset(corpus_paths, corpus_build, tmp_path, workers):
    with OxigraphStore(tmp_path / "reference") as ref:
        ref.load(corpus_build.dataset, ontology=load_ontology())
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


def test_a_batch_the_loader_refuses_fails_the_run_and_changes_nothing(corpus_paths, tmp_path, monkeypatch):
    """Batches are written in the loader's own thread while the next is collected: a batch it
    refuses is raised as the run's error (not lost in the thread), and the run's earlier batches,
    already in the store, are taken back."""
    monkeypatch.setattr(bulk, "BATCH_TRIPLES", 1)
    store = tmp_path / "kg"
    api.load(corpus_paths[:1], store, workers=1, keep=False)
    before = quads(store)
    real = bulk._Writer._bulk_load
    calls = []

    def third_fails(self, data):
        calls.append(len(data))
        if len(calls) == 3:
            raise OutputError(f"{self.path}: plans were not stored (refused)")
        return real(self, data)
    monkeypatch.setattr(bulk._Writer, "_bulk_load", third_fails)
    with pytest.raises(OutputError, match="refused"):
        api.load(corpus_paths[1:], store, workers=2, keep=False)
    assert len(calls) >= 3
    assert quads(store) == before


def test_quads_that_do_not_parse_strictly_are_refused_before_the_lenient_loader(corpus_paths, tmp_path,
                                                                                monkeypatch):
    """The bulk loader parses leniently; the workers check each plan's quads strictly first, so a
    plan whose IRIs a document made invalid fails the run, naming the document, and nothing of the
    run stays in the store."""
    store = tmp_path / "kg"
    api.load(corpus_paths[:1], store, workers=1, keep=False)
    before = quads(store)
    real = bulk.build_plan_graph

    def broken(record, path):
        pg = real(record, path)
        if "wudaqu" in str(pg.graph_iri):  # one plan gets an IRI with a space in it
            pg.graph.add(("<http://example.org/a b>", "<http://example.org/p>", '"x"'))
        return pg
    monkeypatch.setattr(bulk, "build_plan_graph", broken)
    bad = next(p for p in corpus_paths if "乌达" in p.read_text(encoding="utf-8")[:400])
    with pytest.raises(OutputError, match=rf"{bad.name}: its plan was not stored \(<http://example.org/a b>: "
                                          "Invalid IRI code point ' '\)"):
        api.load(corpus_paths[1:], store, workers=1, keep=False)
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


# A crash: the load process is killed (SIGKILL, nothing runs after it) part-way through.  The child
# writes a batch every ~2 plans, so the kill lands between batches or inside Oxigraph's bulk loader.
_CRASHING_LOAD = """
import sys
from policykg import api
from policykg.pipeline import bulk
bulk.BATCH_TRIPLES = 2000
def progress(name, i, n):
    print(i, flush=True)
api.load(sys.argv[2:], sys.argv[1], workers=1, progress=progress)
print("finished", flush=True)
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from benchmarks.generator import generate
    out = tmp_path_factory.mktemp("generated")
    truths = generate(60, out)
    docs = [out / t.file for t in truths]
    reference = out / "reference-store"
    api.load(docs, reference, workers=2)
    return docs, by_graph(reference)


@pytest.mark.parametrize("kill_after, delay", [(5, 0.0), (20, 0.03), (35, 0.1)])
def test_crash_mid_load_leaves_a_usable_store(corpus_paths, generated, tmp_path, kill_after, delay):
    import os
    import signal
    import subprocess
    import sys
    import time
    docs, reference = generated
    store = tmp_path / "kg"
    api.load(corpus_paths, store, workers=1)
    before = by_graph(store)
    child = subprocess.Popen([sys.executable, "-c", _CRASHING_LOAD, str(store), *map(str, docs)],
                             stdout=subprocess.PIPE, text=True)
    for line in child.stdout:
        if line.strip() == str(kill_after):
            time.sleep(delay)
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL  # killed mid-load, not finished

    # the store opens (the lock died with the process), answers queries, and holds what it held
    after = by_graph(store)
    assert all(quads <= after[graph] for graph, quads in before.items())
    written = set(after) - set(before)
    assert 0 < len(written) < len(docs)  # some batches were written before the kill, not all
    for graph in written:  # every plan written is complete: exactly the quads a whole load gives it
        assert after[graph] == reference[graph], graph
    _, rows = api.query("tasks", api.open_store(store))
    assert {row[0] for row in rows} >= {p.name for p in corpus_paths}

    # loading again finishes the job: the store then holds the corpus and every generated plan
    api.load(docs, store, workers=2)
    assert by_graph(store) == {g: before.get(g, set()) | reference.get(g, set())
                               for g in set(before) | set(reference)}


def test_documents_and_a_graph_file_together_load_both(corpus_paths, tmp_path, monkeypatch):
    """A folder of documents with a graph file beside them: the documents still go the bulk way (not
    one rdflib dataset of the whole nation), and the graph file's plan is stored after them."""
    graph_file = tmp_path / "two.trig"
    api.build(corpus_paths[3:], output=graph_file)
    used = []
    real = bulk.load_documents
    monkeypatch.setattr("policykg.pipeline.bulk_load", lambda docs, *a, **k: used.append(docs) or real(docs, *a, **k))
    result = api.load(corpus_paths[:3] + [graph_file], tmp_path / "mixed", workers=1, keep=False)
    assert used == [corpus_paths[:3]]
    api.load(corpus_paths, tmp_path / "all", workers=1, keep=False)
    assert by_graph(tmp_path / "mixed") == by_graph(tmp_path / "all")
    assert result.store_graphs == 7 and result.build.failures == []


def test_a_json_file_that_is_not_json_ld_is_reported_not_passed_over(corpus_paths, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for p in corpus_paths[:2]:
        shutil.copy(p, folder / p.name)
    (folder / "truth.json").write_text('{"plans": 2}', encoding="utf-8")
    with pytest.raises(InputError, match=r"truth\.json: holds no RDF triples"):
        api.load([folder], tmp_path / "kg", keep=False)
    assert not (tmp_path / "kg").exists()  # stopped before the store was made
    result = api.load([folder], tmp_path / "kg", keep_going=True, keep=False)
    assert [f.path for f in result.build.failures] == [str(folder / "truth.json")]
    assert "holds no RDF triples" in result.build.failures[0].reason
    assert len([g for g in result.graphs if g.kind == "plan"]) == 2


@pytest.mark.parametrize("triple", [
    ("<http://example.org/a b>", "<http://example.org/p>", '"x"'),
    ("<http://example.org/s>", "<http://example.org/p>", "<http://example.org/%zz>"),
    ("<http://example.org/s>", "<http://example.org/p>", "<http://example.org/\ue000>"),
    ("<relative/iri>", "<http://example.org/p>", '"x"'),
    ("<http://example.org/s>", "<http://example.org/p>", '"x"@zh-abcdefghijk'),
    ("<http://example.org/s>", "<http://example.org/p>", '"1"^^<http://example.org/{t}>'),
])
def test_the_workers_check_refuses_what_the_strict_parser_refuses(triple):
    """The check by terms (`_invalid`) says no exactly where Oxigraph's strict N-Quads parser does,
    and the lenient one, which the bulk loader uses, would have let the quad in."""
    import pyoxigraph as ox
    nq = f"{triple[0]} {triple[1]} {triple[2]} <http://example.org/g> .\n".encode("utf-8")
    with pytest.raises(SyntaxError):
        list(ox.parse(nq, format=ox.RdfFormat.N_QUADS))
    assert len(list(ox.parse(nq, format=ox.RdfFormat.N_QUADS, lenient=True))) == 1
    why = bulk._invalid([triple], "<http://example.org/g>")
    assert why and why.split(": ")[0] in triple  # it names the term


def test_the_workers_check_passes_every_corpus_plan(corpus_paths):
    for path in corpus_paths:
        assert bulk.build_one(str(path)).invalid == ""
