"""The store's audit cache (shapes/audit_cache.py): `validate --store` audits only the plans that
changed and reports every plan exactly as a full audit does.

Each test works on its own copy of the corpus store; "a full audit" is `audit_store` run on the
same store without the cache (what `validate --full` does), compared record by record.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from policykg import api
from policykg.cli import main
from policykg.graph import vocab as V
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.shapes import audit_store, load_shapes, render
from policykg.shapes.audit_cache import AUDIT_GRAPH, cached_audit


@pytest.fixture
def kg(store_dir, tmp_path) -> Path:
    """A copy of the corpus store, for a test to change, without the audit cache that other tests'
    validations of the shared store may have left in it."""
    path = tmp_path / "kg"
    shutil.copytree(store_dir, path)
    with OxigraphStore(path) as store:
        store.native().update(f"DROP SILENT GRAPH <{AUDIT_GRAPH}>")
    return path


def full_audit(path: Path, **kwargs):
    """The reference: every plan audited, no cache read or written."""
    store = api.open_store(path)
    try:
        return audit_store(store, engine="rudof", **kwargs)
    finally:
        store.close()


def same(got, want) -> None:
    assert got.scorecards == want.scorecards
    assert got.findings == want.findings
    assert json.loads(render(got, "json")) == json.loads(render(want, "json"))
    assert len(got.results) == len(want.results)


def entries(path: Path) -> int:
    store = ox.Store.read_only(str(path))
    return sum(1 for _ in store.quads_for_pattern(None, ox.NamedNode("https://w3id.org/policykg/audit#key"),
                                                  None, ox.NamedNode(AUDIT_GRAPH)))


def test_second_validate_reads_every_plan_from_the_cache(kg):
    first = api.validate(kg)
    assert (first.cache.audited, first.cache.cached, first.cache.written) == (5, 0, True)
    assert entries(kg) == 5
    second = api.validate(kg)
    assert (second.cache.audited, second.cache.cached, second.cache.written) == (0, 5, False)
    same(second, first)
    same(second, full_audit(kg))
    assert second.count("Violation") > 0


def test_the_cache_is_no_part_of_the_plans_data(kg, store_dir):
    before = api.query("tasks", str(kg)), api.open_store(kg).graph_names()
    api.validate(kg)
    store = api.open_store(kg)
    try:
        assert api.query("tasks", store) == before[0]
        assert store.graph_names() == before[1]
        assert AUDIT_GRAPH not in {str(g.identifier) for g in store.dataset().graphs()}
    finally:
        store.close()


#: the responsibility clause of corpus plan 003's task 5 (line 85), which the edit takes out
CLAUSE = "（区退役军人事务局，公安分局牵头；区教育局、人力资源和社会保障局、残疾人联合会按照职能分工负责）"


def edited_plan(corpus_paths, tmp_path: Path) -> Path:
    """Corpus plan 003 with the lead units of task 5 taken out (same file name, so the same plan)."""
    src = next(p for p in corpus_paths if p.name.startswith("003_"))
    text = src.read_text(encoding="utf-8")
    assert text.count(CLAUSE) == 1
    out = tmp_path / "edited" / src.name
    out.parent.mkdir()
    out.write_text(text.replace(CLAUSE, ""), encoding="utf-8")
    return out


def test_reloading_an_edited_document_re_audits_that_plan_only(kg, corpus_paths, tmp_path):
    before = api.validate(kg)
    api.load([edited_plan(corpus_paths, tmp_path)], kg)
    after = api.validate(kg)
    assert (after.cache.audited, after.cache.cached) == (1, 4)
    same(after, full_audit(kg))
    # the edit shows: plan 003 lost the owner of one task, the other plans are as they were
    owned = {c.doc[:3]: c.owned for c in after.scorecards}
    assert owned["003"] == {c.doc[:3]: c.owned for c in before.scorecards}["003"] - 1
    assert [c for c in after.scorecards if not c.doc.startswith("003")] == \
        [c for c in before.scorecards if not c.doc.startswith("003")]


def test_other_shapes_re_audit_every_plan(kg, tmp_path):
    api.validate(kg)
    extra = tmp_path / "extra.ttl"
    extra.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix pkg: <https://w3id.org/policykg/ontology#> .
@prefix ex: <https://example.org/shapes#> .
ex:TaskNumber a sh:NodeShape ; sh:targetClass pkg:Task ;
    sh:property [ sh:path pkg:number ; sh:minCount 2 ; sh:severity sh:Info ;
                  sh:message "任务编号"@zh, "a task has two numbers"@en ] .
""", encoding="utf-8")
    shapes = load_shapes([str(extra)])
    got = cached_audit(kg, engine="rudof", shapes=shapes)
    assert (got.cache.audited, got.cache.cached) == (5, 0)
    assert got.count("Info") > 0
    same(got, full_audit(kg, shapes=shapes))
    again = cached_audit(kg, engine="rudof", shapes=load_shapes([str(extra)]))
    assert (again.cache.audited, again.cache.cached) == (0, 5)
    same(again, got)
    back = api.validate(kg)  # the shipped shapes again: every plan audited again
    assert (back.cache.audited, back.count("Info")) == (5, 0)


def test_a_removed_plan_leaves_the_report_and_the_cache(kg):
    first = api.validate(kg)
    gone = next(c for c in first.scorecards if c.doc.startswith("001"))
    with OxigraphStore(kg) as store:
        graph = next(q.graph_name for q in store.native().quads_for_pattern(
            ox.NamedNode(gone.plan), None, None, None) if q.graph_name.value.startswith(str(V.ID["graph/plan/"])))
        store.native().remove_graph(graph)
    got = api.validate(kg)
    assert (got.cache.audited, got.cache.cached, got.cache.removed) == (0, 4, 1)
    assert gone.plan not in {c.plan for c in got.scorecards} | {f.plan for f in got.findings}
    same(got, full_audit(kg))
    assert entries(kg) == 4


def test_reasoning_re_audits_with_the_inferred_graphs(kg):
    api.validate(kg)
    api.reason(kg, reasoner="sparql", write=True)
    got = api.validate(kg)
    assert (got.cache.audited, got.cache.cached) == (5, 0)
    assert {c.doc[:3]: c.inferred_owned for c in got.scorecards}["002"] == 32
    same(got, full_audit(kg))


def test_plan_audits_use_and_fill_the_cache(kg):
    one = api.validate(kg, plan="连州")
    assert (one.cache.audited, one.cache.cached, len(one.scorecards)) == (1, 0, 1)
    everything = api.validate(kg)
    assert (everything.cache.audited, everything.cache.cached) == (4, 1)
    same(everything, full_audit(kg))
    forced = api.validate(kg, full=True)
    assert (forced.cache.audited, forced.cache.cached) == (5, 0)
    same(forced, everything)


def test_a_store_another_process_writes_to_is_audited_without_the_cache(kg):
    with OxigraphStore(kg):  # holds the writer's lock, as a running load does
        got = api.validate(kg)
    assert (got.cache.audited, got.cache.written) == (5, False)
    assert "audit cache was not updated" in got.cache.note and "the report is complete" in got.cache.note
    same(got, full_audit(kg))
    assert api.validate(kg).cache.audited == 5  # nothing was cached


def test_a_read_only_store_is_audited_without_the_cache(kg, monkeypatch):
    from policykg.shapes import audit_cache

    def refuse(path):  # what RocksDB says on a read-only file system (root ignores chmod)
        raise OSError(f"IO error: While open a file for appending: {path}/LOCK: Read-only file system")
    monkeypatch.setattr(audit_cache, "_open_writer", refuse)
    got = api.validate(kg)
    assert (got.cache.audited, got.cache.written) == (5, False)
    assert got.cache.note == f"{kg}: the audit cache was not updated (its directory is read-only); the report is complete"
    same(got, full_audit(kg))


def test_cli_says_how_many_plans_came_from_the_cache(kg, monkeypatch):
    from policykg import cli
    monkeypatch.setattr(cli, "err", cli.Console(stderr=True, highlight=False, width=200))
    runner = CliRunner()
    first = runner.invoke(main, ["validate", "--store", str(kg), "--fail-on", "never", "-f", "json"])
    assert first.exit_code == 0, first.output
    assert "5 plan(s) audited, 0 from the store's audit cache" in first.stderr
    second = runner.invoke(main, ["validate", "--store", str(kg), "--fail-on", "never", "-f", "json"])
    assert "0 plan(s) audited, 5 from the store's audit cache" in second.stderr
    assert json.loads(second.stdout) == json.loads(first.stdout)
    forced = runner.invoke(main, ["validate", "--store", str(kg), "--full", "--fail-on", "never", "-f", "json"])
    assert "5 plan(s) audited, 0 from the store's audit cache" in forced.stderr


def test_an_entry_reads_back_as_written():
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD
    from policykg.shapes.audit import Finding, Scorecard
    from policykg.shapes.audit_cache import Entry, _decode, _encode
    from policykg.shapes.engines import SH, RawResult
    raw = RawResult(focus=URIRef("https://w3id.org/policykg/id/t/1"), shape=BNode("anon1"),
                    component=SH.MinCountConstraintComponent, severity=SH.Warning, path=None,
                    value=Literal("第一行\n第二行 \"引号\" \\ 反斜杠"),
                    messages=(Literal("目标值 99.50", lang="zh"), Literal("99.50", datatype=XSD.decimal)))
    f = Finding(plan="p", rule="R", severity="Warning", focus=str(raw.focus), label="任务 1", doc="a.txt",
                line=None, message_zh="消息\n两行", message_en="m")
    card = Scorecard(plan="p", title="t", doc="a.txt", region="r", tasks=3, owned=2, measurable=1, binding=0,
                     binding_numeric=0, inferred_owned=None)
    back = _decode(_encode(Entry([f], [raw], card)), "k")
    assert (back.findings, back.raws, back.scorecard) == ([f], [raw], card)
    assert back.raws[0].value == raw.value and back.raws[0].messages[1].datatype == XSD.decimal
