"""The RDF built from plan records: named graphs, stable IRIs, provenance, determinism."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import ORG, RDF, SKOS

from policykg import api
from policykg.graph import vocab as V
from policykg.graph.serialize import write_dataset
from policykg.ontology import load_ontology


@pytest.fixture(scope="module")
def corpus_build(corpus_paths):
    return api.build(corpus_paths)


def test_one_named_graph_per_plan_plus_shared(corpus_build):
    names = {str(g.identifier) for g in corpus_build.dataset.graphs() if len(g)}
    plan_graphs = {str(pg.graph_iri) for pg in corpus_build.plans}
    assert len(plan_graphs) == 5
    assert names == plan_graphs | {str(V.SHARED_GRAPH)}
    shared = corpus_build.dataset.graph(V.SHARED_GRAPH)
    # regions, units and department types live in the shared graph, not in plan graphs
    assert len(set(shared.subjects(RDF.type, V.Region))) == 15  # 5 provinces/cities/districts chains
    for pg in corpus_build.plans:
        g = corpus_build.dataset.graph(pg.graph_iri)
        assert not set(g.subjects(RDF.type, V.Organization))
        assert (pg.iri, RDF.type, V.Plan) in g


def test_iris_are_readable_and_stable(corpus_build):
    iris = sorted(str(pg.iri) for pg in corpus_build.plans)
    assert "https://w3id.org/policykg/id/plan/gansusheng/lanzhoushi/xiguqu/2021-2025/canjirenbaozhanghefazhanguihua" in iris
    assert any(i.endswith("lianzhoushi/2021-2025/canjirenbaozhanghefazhanshishifangan-draft") for i in iris)


def test_every_task_points_to_its_document_and_line(corpus_build):
    ds = corpus_build.dataset
    tasks = set(ds.subjects(RDF.type, V.Task))
    assert len(tasks) == 38 + 28 + 32 + 29 + 80
    for t in tasks:
        loc = ds.value(t, V.sourceLocation)
        assert loc is not None, t
        assert ds.value(loc, V.line).toPython() >= 1
        assert str(ds.value(ds.value(loc, V.document), V.fileName)).endswith(".txt")


def test_units_merge_within_region_and_are_typed(corpus_build):
    ds = corpus_build.dataset
    shared = ds.graph(V.SHARED_GRAPH)
    units = set(shared.subjects(RDF.type, V.Organization))
    dpf = [u for u in units if str(shared.value(u, SKOS.prefLabel)) == "区残疾人联合会"]
    # 薛城区 and 乌达区 each have their own federation; 区残联 aliases merge into them
    assert len(dpf) == 2
    for u in dpf:
        assert shared.value(u, ORG.classification) == URIRef(V.ID["department-type/disabled-persons-federation"])
    lead_tasks = set(ds.subjects(V.leadUnit, None))
    assert len(lead_tasks) == 32 + 29 + 44


def test_terms_are_declared_in_the_ontology(corpus_build):
    onto = load_ontology()
    declared = set(onto.subjects())
    used = {p for p in corpus_build.dataset.predicates() if str(p).startswith(str(V.PKG))}
    used |= {o for o in corpus_build.dataset.objects(None, RDF.type) if str(o).startswith(str(V.PKG))}
    assert used and used <= declared, sorted(map(str, used - declared))


def _build_bytes(paths, out):
    write_dataset(api.build(paths).dataset, out)
    return out.read_bytes()


@pytest.mark.parametrize("ext", ["trig", "nq", "ttl", "nt", "jsonld"])
def test_same_documents_same_bytes(corpus_paths, tmp_path, ext):
    a = _build_bytes(corpus_paths, tmp_path / f"a.{ext}")
    b = _build_bytes(list(reversed(corpus_paths)), tmp_path / f"b.{ext}")
    assert a == b
    ds = Dataset()
    ds.parse(tmp_path / f"a.{ext}", format={"trig": "trig", "nq": "nquads", "ttl": "turtle", "nt": "nt",
                                             "jsonld": "json-ld"}[ext])
    assert len(ds) == len(api.build(corpus_paths).dataset)


@pytest.mark.parametrize("ext", ["trig", "nq", "ttl", "nt", "jsonld"])
def test_texts_read_back_as_built(example_path, tmp_path, ext):
    """Every text literal reads back from the file as built: a multi-line source text (an
    indicator row) was indented inside .trig graph blocks, and a \\v or \\f in a task's text (a
    Word line break, a PDF page break) became a line break inside a one-line literal in .trig, .nq
    and .nt, which then did not parse (found by benchmarks/fuzz.py)."""
    text = example_path.read_text(encoding="utf-8").replace("严格执行", "\v严格执行\f", 1)
    assert "\v" in text
    doc = tmp_path / "plan.txt"
    doc.write_text(text, encoding="utf-8")
    built = api.build([doc], tmp_path / f"out.{ext}").dataset
    ds = Dataset()
    ds.parse(tmp_path / f"out.{ext}", format={"trig": "trig", "nq": "nquads", "ttl": "turtle", "nt": "nt",
                                               "jsonld": "json-ld"}[ext])

    def texts(d: Dataset) -> set:
        return {(s, p, str(o)) for s, p, o, _ in d.quads()
                if isinstance(o, Literal) and (o.language or o.datatype is None)}
    assert any("\n" in t for _, _, t in texts(built)) and any("\v" in t for _, _, t in texts(built))
    assert texts(ds) == texts(built)


def test_same_bytes_across_processes(corpus_paths, tmp_path):
    """Hash randomisation differs per process; the output must not."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"s{seed}.trig"
        code = ("import sys; from policykg import api; "
                f"api.build({[str(p) for p in corpus_paths]!r}, {str(out)!r})")
        subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONHASHSEED": seed, "PATH": ""})
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_failed_write_keeps_previous_output(corpus_paths, tmp_path, monkeypatch):
    out = tmp_path / "plans.trig"
    out.write_text("previous", encoding="utf-8")
    from policykg.graph import serialize

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(serialize, "serialize", boom)
    with pytest.raises(RuntimeError):
        api.build(corpus_paths, out)
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["plans.trig"]  # no temp file left behind


def test_a_clauses_deadline_and_official_are_on_the_task_as_printed(tmp_path):
    """by when and who answers, printed beside the units, are literals on the task; the official
    is no organisation; both properties are the ontology's."""
    path = tmp_path / "plan.txt"
    path.write_text("青山县“十四五”残疾人事业发展规划\n一、主要任务\n1.完善低保制度。纳入低保。"
                    "（责任领导：张三副县长；责任单位：县民政局、县残联，2023年底前完成）\n", encoding="utf-8")
    ds = api.build([path]).dataset
    (task,) = set(ds.subjects(RDF.type, V.Task))
    assert ds.value(task, V.deadline) == Literal("2023年底前完成", lang="zh")
    assert ds.value(task, V.responsibleOfficial) == Literal("张三副县长", lang="zh")
    labels = {str(ds.value(u, SKOS.prefLabel)) for u in ds.subjects(RDF.type, V.Organization)}
    assert labels == {"县民政局", "县残疾人联合会"}
    assert (V.responsibleOfficial, None, None) in load_ontology()


def test_one_preferred_label_per_language_for_every_node(corpus_build, tmp_path):
    """SKOS allows one skos:prefLabel per language: a body printed 青山县民政局 in one clause and
    县民政局 in another is one Organization labelled 县民政局, the printed form an alternative (before,
    it carried both as preferred labels)."""
    path = tmp_path / "plan.txt"
    path.write_text("青山县“十四五”残疾人事业发展规划\n一、主要任务\n1.完善低保制度。纳入低保。（青山县民政局牵头，县残联配合）\n"
                    "2.落实补贴。提高标准。（县民政局牵头，青山县残疾人联合会配合）\n", encoding="utf-8")
    for ds in (corpus_build.dataset, api.build([path]).dataset):
        seen: dict = {}
        for s, _, o in ds.triples((None, SKOS.prefLabel, None)):
            seen.setdefault((s, o.language), set()).add(str(o))
        assert not {k: v for k, v in seen.items() if len(v) > 1}
    ds = api.build([path]).dataset
    (bureau,) = [u for u in ds.subjects(RDF.type, V.Organization) if "民政局" in str(ds.value(u, SKOS.prefLabel))]
    assert str(ds.value(bureau, SKOS.prefLabel)) == "县民政局"
    assert {str(a) for a in ds.objects(bureau, SKOS.altLabel)} == {"青山县民政局"}


def test_a_collective_only_its_plan_can_tell_is_that_plans_own_node(tmp_path):
    """有关单位 in two plans of one county are two groups of bodies (each plan's context says which):
    two nodes, never one Organization with the tasks of both; 各乡镇（街道） is the county's townships in
    every plan: one node."""
    paths = []
    for k, topic in enumerate(("残疾人事业", "老龄事业")):
        path = tmp_path / f"plan{k}.txt"
        path.write_text(f"青山县人民政府关于印发《青山县“十四五”{topic}发展规划》的通知\n青山县“十四五”{topic}发展规划\n"
                        "一、主要任务\n1.加强工作。落实措施。（县民政局牵头，有关单位、各乡镇（街道）配合）\n"
                        "二、保障措施\n加强领导。\n", encoding="utf-8")
        paths.append(path)
    built = api.build(paths)
    shared = built.dataset.graph(V.SHARED_GRAPH)
    by_label: dict[str, set] = {}
    for node in shared.subjects(RDF.type, V.CollectiveUnit):
        by_label.setdefault(str(shared.value(node, SKOS.prefLabel)), set()).add(node)
    assert {label: len(nodes) for label, nodes in by_label.items()} == {"有关单位": 2, "各乡镇（街道）": 1}
    for pg in built.plans:
        supporters = {str(shared.value(u, SKOS.prefLabel)): u
                      for u in built.dataset.graph(pg.graph_iri).objects(None, V.supportingUnit)}
        assert str(supporters["有关单位"]).startswith(str(pg.iri) + "/")
