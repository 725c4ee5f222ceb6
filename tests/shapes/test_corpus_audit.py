"""The audit on the five corpus plans: scorecards checked by reading the documents.

- 000 西固区 and 001 奉化区 name no units: 0% owned.
- 002 薛城区 and 003 乌达区 name units for every task: 100% owned.
- 004 连州市 names units only in its 重点工作任务分工表: the 44 rows are owned; of the 36 body tasks,
  the 20 that a division-table row implements (the documented linking rule in loaders/linking.py)
  are owned through that row, the other 16 are not.
- measurable: 000 has 1 (line 227 "至少有一人就业", its number printed in words); 001 has 12 tasks
  stating targets (e.g. line 182 "每年为残疾人提供康复服务9000人次以上", line 198 "每年至少组织一场")
  plus 2 naming an indicator with a numeric target (lines 176 就业率, 188 规范化残疾儿童康复机构);
  003 has 6 (lines 101, 103, 115, 130, 158, 171); 002 states no quantitative target in any task;
  004: 7 division-table rows state one (到2025年…) and 7 body tasks have one of their own, name an
  indicator, or are implemented by such a row.
- binding indicators: 000 has 6, of which 11 (困难重度残疾人家庭无障碍改造数) has no target.

The same report comes from the rudof engine and from the store audit (batches of plans straight
from an Oxigraph store, in one process or two), whichever engine: checked record by record.
"""
from __future__ import annotations

import json

import pytest

import pyoxigraph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from policykg import api
from policykg.errors import PolicyKGError
from policykg.shapes import audit, audit_batched, audit_store, render


@pytest.fixture(scope="module")
def report(built):
    return audit(built)


def cards(report):
    return {c.doc[:3]: (c.tasks, c.owned, c.measurable, c.binding, c.binding_numeric) for c in report.scorecards}


def test_scorecards(report):
    assert cards(report) == {
        "000": (38, 0, 1, 6, 5),
        "001": (28, 0, 14, 9, 9),
        "002": (32, 32, 0, 5, 5),
        "003": (29, 29, 6, 6, 6),
        "004": (80, 64, 14, 6, 6),
    }
    by = {c.doc[:3]: c for c in report.scorecards}
    assert (by["000"].owned_pct, by["003"].owned_pct, by["004"].owned_pct) == (0.0, 100.0, 80.0)


def test_findings_name_task_document_and_line(report):
    f = next(f for f in report.findings if f.rule == "TaskOwner" and f.doc.startswith("000") and f.line == 177)
    assert f.label == "任务 1 巩固低收入残疾人脱贫攻坚成果"
    assert (f.severity, f.message_zh, f.message_en) == (
        "Violation", "任务没有牵头单位：没有任何单位对其负责", "task has no owner: no lead unit is named for it")
    unowned_004 = sorted(f.line for f in report.findings if f.rule == "TaskOwner" and f.doc.startswith("004"))
    assert len(unowned_004) == 16 and 91 not in unowned_004 and 95 in unowned_004  # 91 is linked from row 10


def test_indicator_findings(report):
    got = {(f.doc[:3], f.rule, f.line) for f in report.findings if f.rule.startswith(("Indicator", "Binding",
                                                                                         "Baseline", "Expected"))}
    assert got == {
        ("000", "IndicatorHasTarget", 167), ("000", "BindingIndicatorNumericTarget", 167),
        ("000", "ExpectedIndicatorQualitative", 83), ("001", "ExpectedIndicatorQualitative", 129),
        ("004", "ExpectedIndicatorQualitative", 29),
        # 004's 2020 values exceed some "＞" targets: 92.22%→＞90%, 100%→＞95%, 97.88%→＞97%, 96.55%→＞85%, 100%→＞85%
        ("004", "BaselineAboveTarget", 53), ("004", "BaselineAboveTarget", 59), ("004", "BaselineAboveTarget", 65),
        ("004", "BaselineAboveTarget", 71), ("004", "BaselineAboveTarget", 77),
    }
    msg = next(f for f in report.findings if f.rule == "BaselineAboveTarget" and f.line == 53)
    assert msg.message_zh == "“≥/>”目标 90 低于基期值 92.22：指标会倒退"


def test_plan_findings(report):
    got = {(f.doc[:3], f.rule, f.severity) for f in report.findings if f.rule.startswith(("Plan", "Draft"))}
    # 003 prints no covering notice, so no issuer; 004 is a draft (征求意见稿): a warning only
    assert got == {("003", "PlanIssuer", "Violation"), ("004", "DraftPlanIssuer", "Warning")}


def test_fail_on_levels(report):
    assert not report.conforms("violation") and not report.conforms("warning") and report.conforms("never")


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json", "ttl"])
def test_every_format_renders(report, fmt):
    out = render(report, fmt)
    assert "乌达区" in out or fmt == "ttl"
    if fmt == "json":
        data = json.loads(out)
        assert data["violations"] == report.count("Violation") and len(data["scorecards"]) == 5
    if fmt == "html":
        assert "<script" not in out and "http://" not in out.replace("http://www.w3.org", "")  # self-contained
        assert 'name="viewport"' in out
    if fmt == "ttl":
        from rdflib import Graph
        from policykg.shapes.audit import SH
        g = Graph().parse(data=out, format="turtle")
        assert len(list(g.subjects(None, SH.ValidationReport))) == 1
        assert len(list(g.objects(None, SH.result))) == len(report.findings)


def _same(a, b) -> None:
    assert a.findings == b.findings
    assert a.scorecards == b.scorecards
    assert render(a, "json") == render(b, "json") and render(a, "ttl") == render(b, "ttl")


@pytest.mark.parametrize("engine", ["rudof", "shacl-rust"])
@pytest.mark.parametrize("workers", [1, 2])
def test_rust_engines_give_the_same_report(built, report, engine, workers):
    _same(audit(built, engine=engine, workers=workers), report)


@pytest.mark.parametrize("engine,workers,batch", [("rudof", 1, 40), ("rudof", 2, 2), ("pyshacl", 1, 2),
                                                  ("pyshacl", 2, 40), ("shacl-rust", 1, 40),
                                                  ("shacl-rust", 2, 2)])
def test_store_audit_gives_the_same_report(store_dir, report, engine, workers, batch):
    store = api.open_store(store_dir)
    try:
        seen = []
        got = audit_store(store, engine=engine, workers=workers, batch_size=batch,
                          progress=lambda name, i, n: seen.append((i, n)))
    finally:
        store.close()
    _same(got, report)
    assert seen == [(i, 5) for i in range(1, 6)]


def test_store_audit_equals_audit_of_the_store_dataset(store_dir):
    """The store's own dataset (what `policykg validate --store` read before) audits the same."""
    store = api.open_store(store_dir)
    try:
        _same(audit_store(store, engine="rudof"), audit(store.dataset()))
    finally:
        store.close()


@pytest.mark.parametrize("engine", ["rudof", "pyshacl", "shacl-rust"])
def test_a_dataset_audited_in_batches_gives_the_same_report(built, report, engine):
    """What `policykg validate FILE` runs: the dataset copied into an in-memory store, batched."""
    seen = []
    _same(audit_batched(built, engine=engine, progress=lambda name, i, n: seen.append((i, n))), report)
    assert seen == [(i, 5) for i in range(1, 6)]


def test_a_union_graph_is_audited_plan_by_plan(built, report):
    """A .ttl/.nt file has no named graphs: every plan is found in the union (the default graph was
    once taken for one plan graph, and four of the five plans went unaudited)."""
    from rdflib import Dataset
    union = Dataset(default_union=True)
    for g in built.graphs():
        for t in g:
            union.add(t)
    assert not any(g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g) for g in union.graphs())
    got = audit_batched(union, engine="rudof")
    _same(got, audit(union))
    _same(got, report)  # the same report as the plans in their own graphs


def _memory_store(ds) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    for g in ds.graphs():
        if len(g):
            store.load(g.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES,
                       to_graph=pyoxigraph.NamedNode(str(g.identifier)))
    return store


def test_audit_counts_inferred_owned_tasks(corpus_paths):
    """After `policykg reason`, the audit sees the inferred classes: OwnedTask per plan equals the
    tasks with a directly named lead unit (the division-table route is the audit's own rule)."""
    from policykg.graph.store import MemoryStore
    from policykg.ontology.reasoning import reason
    built = api.build(corpus_paths)
    result = reason(MemoryStore(built.dataset), reasoner="rl", per_plan=True)
    report = audit(result.dataset)
    assert {c.doc[:3]: c.inferred_owned for c in report.scorecards} == {
        "000": 0, "001": 0, "002": 32, "003": 29, "004": 44}
    assert cards(report)["004"] == (80, 64, 14, 6, 6)  # unchanged by the inferred triples
    # the store audit reads each plan's inferred graph beside it
    _same(audit_store(_memory_store(result.dataset), engine="rudof"), report)
    _same(audit_batched(result.dataset, engine="rudof"), report)


def _restricted(report, plans):
    """The full report's scorecards and findings of `plans` only."""
    from policykg.shapes.audit import AuditReport
    pairs = [(f, r) for f, r in zip(report.findings, report.raw) if f.plan in plans]
    return AuditReport([c for c in report.scorecards if c.plan in plans],
                       [f for f, _ in pairs], [r for _, r in pairs])


@pytest.mark.parametrize("path", ["store", "batched", "union"])
def test_auditing_some_plans_gives_their_part_of_the_full_report(built, report, store_dir, path):
    """`validate --plan`: a plan's findings do not depend on the other plans, so auditing two of
    the five gives exactly those two plans' scorecards and findings from the full audit."""
    by_doc = {c.doc[:3]: c.plan for c in report.scorecards}
    only = {by_doc["001"], by_doc["004"]}
    if path == "store":
        store = api.open_store(store_dir)
        try:
            got = audit_store(store, engine="rudof", only=only)
        finally:
            store.close()
    elif path == "batched":
        got = audit_batched(built, engine="pyshacl", only=only)
    else:  # a .ttl union: audited plan by plan by `audit`
        from rdflib import Dataset
        union = Dataset(default_union=True)
        for g in built.graphs():
            for t in g:
                union.add(t)
        got = audit_batched(union, engine="rudof", only=only)
    assert [c.doc[:3] for c in got.scorecards] == ["001", "004"]
    assert len(got.findings) > 0
    _same(got, _restricted(report, only))


def test_validate_plan_filter_matches_like_export(store_dir, report):
    got = api.validate(store_dir, plan="连州", engine="rudof")
    assert [(c.doc[:3], c.tasks, c.owned) for c in got.scorecards] == [("004", 80, 64)]
    assert {f.doc[:3] for f in got.findings} == {"004"}
    with pytest.raises(PolicyKGError, match=r"no plan matches '不存在的县'; plans in this graph \(5\)"):
        api.validate(store_dir, plan="不存在的县")
