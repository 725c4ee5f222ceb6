"""Graph exports: each view's nodes and edges against the `tasks`, `units` and `indicators` query
results on the corpus and against what the documents print; every file format read back."""
from __future__ import annotations

import csv
import json
import os
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest

from policykg import api
from policykg.errors import OutputError, QueryError
from policykg.graph import export
from policykg.graph.export.formats import csv_paths, harmonised
from policykg.graph.export.views import indicator_key
from policykg.graph.store import MemoryStore


@pytest.fixture(scope="module")
def corpus_dataset(corpus_paths):
    return api.build(corpus_paths).dataset


@pytest.fixture(scope="module")
def store(corpus_dataset):
    return MemoryStore(corpus_dataset)


@pytest.fixture(scope="module")
def tasks(store):
    columns, rows = api.query("tasks", store)
    return [dict(zip(columns, r)) for r in rows]


@pytest.fixture(scope="module")
def units(store):
    columns, rows = api.query("units", store)
    return [dict(zip(columns, r)) for r in rows]


@pytest.fixture(scope="module")
def responsibility(store):
    return export.view(store, "responsibility")


def _members(value: str) -> list[str]:
    return [m for m in value.split("|") if m]


def _by_label(g: nx.Graph) -> dict[str, str]:
    out = {d["label"]: n for n, d in g.nodes(data=True)}
    assert len(out) == g.number_of_nodes(), "labels are not unique in this graph"
    return out


# --- responsibility ------------------------------------------------------------------------------

def test_responsibility_has_a_node_per_task_and_unit(responsibility, tasks, units):
    kinds = Counter(d["kind"] for _, d in responsibility.nodes(data=True))
    # units are bodies of one region: the units query lists them per plan, one plan per region here
    assert kinds == {"task": len(tasks), "unit": len({(u["region"], u["unit"]) for u in units})}
    assert kinds == {"task": 38 + 28 + 32 + 29 + 80, "unit": 31 + 41 + 25}  # the build summary


def test_responsibility_has_an_edge_per_task_unit_role(responsibility, tasks):
    assert responsibility.number_of_edges() == sum(len(_members(t["lead"])) + len(_members(t["support"]))
                                                   for t in tasks)
    label = {n: d["label"] for n, d in responsibility.nodes(data=True)}
    by_place = {(d["doc"], d["line"], d["number"]): n for n, d in responsibility.nodes(data=True)
                if d["kind"] == "task"}
    for t in tasks:
        node = by_place[(t["doc"], t["line"], t["no"])]
        got = Counter((d["role"], label[u]) for u, _, d in responsibility.in_edges(node, data=True))
        want = Counter([("lead", m) for m in _members(t["lead"])] + [("support", m) for m in _members(t["support"])])
        assert got == want, (t["doc"], t["line"])
        d = responsibility.nodes[node]
        assert (d["title"], d["section"], d["plan"], d["lead"], d["support"]) == (
            t["title"], t["section"], t["plan"], t["lead"], t["support"])
        assert d["owner_status"] == ("lead" if t["lead"] else "support only" if t["support"] else "none")


def test_responsibility_task_attributes_as_printed(responsibility):
    # 002 line 85: "1. 巩固拓展脱贫攻坚成果同乡村振兴有效衔接。保持5年过渡期内… （牵头单位：区乡村振兴局；
    # 责任单位：区残联、区民政局）" (区残联 is the federation's short name)
    (node, d), = [(n, d) for n, d in responsibility.nodes(data=True)
                  if d["kind"] == "task" and d["doc"].startswith("002_") and d["line"] == 85]
    assert d["number"] == "1" and d["title"] == "巩固拓展脱贫攻坚成果同乡村振兴有效衔接"
    assert d["text"].startswith("巩固拓展脱贫攻坚成果同乡村振兴有效衔接。保持5年过渡期内")
    assert (d["lead"], d["support"], d["region"]) == ("区乡村振兴局", "区残疾人联合会|区民政局", "薛城区")
    assert {(responsibility.nodes[u]["label"], e["role"]) for u, _, e in responsibility.in_edges(node, data=True)} == {
        ("区乡村振兴局", "lead"), ("区残疾人联合会", "support"), ("区民政局", "support")}


def test_a_unit_that_both_leads_and_supports_a_task_has_two_edges(responsibility):
    # 003 line 145 (加强无障碍环境建设): "（区住房和城乡建设局牵头；…区住房和城乡建设局（交通局）…按照职能分工负责）"
    (node,) = [n for n, d in responsibility.nodes(data=True)
               if d["kind"] == "task" and d["doc"].startswith("003_") and d["line"] == 145]
    roles = [e["role"] for u, _, e in responsibility.in_edges(node, data=True)
             if responsibility.nodes[u]["label"] == "区住房和城乡建设局"]
    assert sorted(roles) == ["lead", "support"]


def test_tasks_without_units_hang_alone(responsibility, tasks):
    alone = [n for n, d in responsibility.nodes(data=True) if d["kind"] == "task" and responsibility.degree(n) == 0]
    assert len(alone) == sum(1 for t in tasks if not t["lead"] and not t["support"])
    # 000 and 001 name no unit; 004's 36 body tasks are assigned only through its appendix table
    assert len(alone) == 38 + 28 + (80 - 44)
    assert all(responsibility.nodes[n]["owner_status"] == "none" for n in alone)


def test_unit_workload_matches_the_units_query(responsibility, units):
    nodes = {(d["region"], d["label"]): d for _, d in responsibility.nodes(data=True) if d["kind"] == "unit"}
    for u in units:
        d = nodes[(u["region"], u["unit"])]
        assert (d["lead_count"], d["support_count"], d["dept_type"]) == (u["lead_count"], u["support_count"], u["type"])
        assert d["workload"] == u["lead_count"] + u["support_count"]


def test_views_accept_a_dataset_and_filter_plans(corpus_dataset, tasks):
    g = export.view(corpus_dataset, "responsibility", plan="002")
    assert sum(1 for _, d in g.nodes(data=True) if d["kind"] == "task") == 32
    assert {d["doc"] for _, d in g.nodes(data=True) if d["kind"] == "task"} == {
        t["doc"] for t in tasks if t["doc"].startswith("002_")}
    assert export.view(corpus_dataset, "responsibility", plan="乌达区").graph["plans"] == "乌达区“十四五”残疾人事业发展规划"


# --- collaboration -------------------------------------------------------------------------------

def test_collaboration_of_002(store, tasks, units):
    g = export.view(store, "collaboration", plan="002")
    assert g.number_of_nodes() == sum(1 for u in units if u["doc"].startswith("002_")) == 31
    ids = _by_label(g)
    # read in 002: 区残联 and 区民政局 are both named in 17 of the task lines 85–186 — together as
    # leads on lines 88, 90, 108; both supporting on 85, 144, 163; one leading, one supporting on 11
    assert g.edges[ids["区残疾人联合会"], ids["区民政局"]] == {
        "weight": 17, "lead_lead": 3, "lead_support": 11, "support_support": 3,
        "plans": "薛城区残疾人事业发展“十四五”规划"}
    # the federation is named on all 32 tasks (24 led + 8 supported), so it works with every other unit
    assert g.degree(ids["区残疾人联合会"]) == 30
    # every edge weight is the number of tasks-query rows naming both units
    shared: Counter = Counter()
    for t in tasks:
        if t["doc"].startswith("002_"):
            for a, b in combinations(sorted(set(_members(t["lead"]) + _members(t["support"]))), 2):
                shared[(a, b)] += 1
    label = {n: d["label"] for n, d in g.nodes(data=True)}
    got = {tuple(sorted((label[a], label[b]))): d["weight"] for a, b, d in g.edges(data=True)}
    assert got == dict(shared)
    for _, _, d in g.edges(data=True):
        assert d["weight"] == d["lead_lead"] + d["lead_support"] + d["support_support"]


def test_collaboration_by_type_merges_regions(store, units):
    g = export.view(store, "collaboration", by="type")
    assert nx.number_of_selfloops(g) == 0
    assert g.number_of_nodes() == len({u["type"] for u in units})
    node = next(d for _, d in g.nodes(data=True) if d["dept_type"] == "disabled-persons-federation")
    federations = [u for u in units if u["type"] == "disabled-persons-federation"]
    # one per plan that names units (002, 003, 004), plus 004's 各镇（乡）残联, which only supports
    assert sorted(u["unit"] for u in federations) == ["区残疾人联合会", "区残疾人联合会", "各镇（乡）残联", "市残疾人联合会"]
    assert node["lead_count"] == sum(u["lead_count"] for u in federations) == 24 + 18 + 24
    assert node["label"] == "残疾人联合会" and node["unit_count"] == 4
    assert node["regions"] == "乌达区|薛城区|连州市"


# --- indicators ----------------------------------------------------------------------------------

def test_indicators_view(store):
    columns, rows = api.query("indicators", store)
    rows = [dict(zip(columns, r)) for r in rows]
    g = export.view(store, "indicators")
    assert g.number_of_edges() == len(rows) == 11 + 14 + 9 + 11 + 10
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    assert kinds == {"plan": 5, "indicator": len({indicator_key(r["name"]) for r in rows})}
    ids = _by_label(g)
    # 困难残疾人生活补贴覆盖率 is in all five indicator tables; 002 prints (line 42)
    # "2、困难残疾人生活补贴覆盖率（%）  100  100  约束性"
    node = ids["困难残疾人生活补贴覆盖率"]
    assert g.nodes[node]["plan_count"] == 5 and g.in_degree(node) == 5
    (edge,) = [d for u, _, d in g.in_edges(node, data=True) if g.nodes[u]["doc"].startswith("002_")]
    assert (edge["baseline_printed"], edge["target_printed"], edge["attribute"], edge["number"]) == (
        "100", "100", "约束性", "2")
    assert edge["target_value"] == 100 and edge["target_comparator"] == "="  # a bare number: equal to
    # different wording stays apart (000 prints 参保, the others 参保率)
    assert "残疾人城乡居民基本养老保险参保" in ids and "残疾人城乡居民基本养老保险参保率" in ids


def test_indicator_names_are_matched_by_normal_form():
    assert indicator_key("“残疾人之家”覆盖率") == indicator_key("残疾人之家覆盖率")
    assert indicator_key("残疾人就业率（%）") == indicator_key("残疾人就业率")
    assert indicator_key("镇（街道）残疾人服务机构设置覆盖率") != indicator_key("镇残疾人服务机构设置覆盖率")


# --- full ----------------------------------------------------------------------------------------

def _count(store, query: str) -> int:
    return store.select(query)[1][0][0]


def test_full_view_holds_every_resource_and_link(store):
    g = export.view(store, "full")
    links = _count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o "
                          "FILTER(!isLiteral(?o) && ?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) } }")
    nodes = _count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { { ?x ?p ?o } UNION { ?s ?q ?x "
                          "FILTER(!isLiteral(?x) && ?q != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) } }")
    assert (g.number_of_nodes(), g.number_of_edges()) == (nodes, links)
    tasks = [d for _, d in g.nodes(data=True) if d["kind"] == "Task"]
    assert len(tasks) == 207 and all(d["pkg_title"] and d["label"] for d in tasks)


def test_full_view_of_one_plan_reaches_its_units_in_the_shared_graph(store):
    g = export.view(store, "full", plan="002")
    assert sum(1 for _, d in g.nodes(data=True) if d["kind"] == "Task") == 32
    civil = [d for _, d in g.nodes(data=True) if d["kind"] == "Organization" and d["label"] == "区民政局"]
    assert len(civil) == 1  # 薛城区's, not 乌达区's
    assert civil[0]["skos_prefLabel"] == "区民政局"


def test_one_plans_triples_are_followed_by_lookup_as_by_reading_everything(local_store):
    # the full view of some plans looks their links up a batch of nodes at a time; reading every
    # triple and following them in memory (what it did before) gives the same set, plan by plan
    from policykg.graph.export import data
    everything = data.triples(local_store)
    chosen = data.plans(local_store)
    for some in [[p] for p in chosen] + [chosen[1:3]]:
        got = data.plan_triples(local_store, some)
        assert got == data._reach_in_memory(everything, some)
        assert any(t[1] == "http://www.w3.org/2004/02/skos/core#prefLabel" for t in got)  # shared units


def test_a_blank_node_on_the_way_is_followed_in_memory(monkeypatch):
    # a blank node cannot be named in a VALUES block: the whole graph is read, with the same result
    from rdflib import BNode, Dataset, Literal, URIRef
    from rdflib.namespace import RDF
    from policykg.graph import vocab as V
    from policykg.graph.export import data
    from policykg.graph.export.data import Plan
    ds = Dataset(default_union=True)
    plan, unit, b = URIRef("http://x/plan"), URIRef("http://x/unit"), BNode()
    ds.graph(URIRef("http://x/g/plan")).add((plan, RDF.type, V.Plan))
    ds.graph(URIRef("http://x/g/plan")).add((plan, V.leadUnit, unit))
    shared = ds.graph(URIRef("http://x/g/shared"))
    shared.add((unit, URIRef("http://x/p"), b))
    shared.add((b, URIRef("http://x/q"), Literal("reached through a blank node")))
    shared.add((URIRef("http://x/elsewhere"), URIRef("http://x/q"), Literal("not reached")))
    store = MemoryStore(ds)
    fallback = data._reach_in_memory
    used = []
    monkeypatch.setattr(data, "_reach_in_memory", lambda graphs, chosen: used.append(1) or fallback(graphs, chosen))
    got = data.plan_triples(store, [Plan(str(plan), "", "", "")])
    assert {str(t[2]) for t in got} >= {str(unit), "reached through a blank node"}
    assert "not reached" not in {str(t[2]) for t in got}
    assert used == [1]


# --- errors a user can make ----------------------------------------------------------------------

def test_user_errors_are_one_line_messages(store, tmp_path):
    with pytest.raises(QueryError, match="no view named 'people'; views: responsibility"):
        export.view(store, "people")
    with pytest.raises(QueryError, match=r"no plan matches '999'; plans in this graph \(5\): 000_") as err:
        export.view(store, "responsibility", plan="999")
    assert "004_" in str(err.value) and "more" not in str(err.value)  # all five named
    with pytest.raises(QueryError, match="collaboration view"):
        export.view(store, "responsibility", by="type")
    g = export.view(store, "collaboration", plan="002")
    with pytest.raises(OutputError, match="unknown export format 'svg'"):
        export.write(g, tmp_path / "x.svg", "svg")
    with pytest.raises(OutputError, match="cannot tell the export format"):
        export.write(g, tmp_path / "x.bin")
    with pytest.raises(OutputError, match="does not exist"):
        export.write(g, tmp_path / "missing" / "x.gexf")
    assert list(tmp_path.iterdir()) == []


def test_unmatched_plan_in_a_national_graph_names_a_few():
    from policykg.graph.export.data import Plan, select_plans
    plans = [Plan(f"urn:p{i}", f"某县规划{i}", f"plan_{i:05}.txt", "某县") for i in range(2800)]
    with pytest.raises(QueryError) as err:
        select_plans(plans, "河北")
    message = str(err.value)
    assert message.startswith("no plan matches '河北'; plans in this graph (2,800): plan_00000.txt (某县")
    assert "plan_00009.txt" in message and "plan_00010.txt" not in message
    assert message.endswith("… and 2,790 more (`policykg query plan_metadata` lists them all)")


# --- file formats --------------------------------------------------------------------------------

ROUND_TRIP_VIEWS = [("responsibility", "003"), ("collaboration", "002"), ("indicators", None), ("full", "002")]


@pytest.fixture(scope="module", params=ROUND_TRIP_VIEWS, ids=lambda p: p[0])
def graph(request, store):
    name, plan = request.param
    return harmonised(export.view(store, name, plan=plan))


def _edge_bag(g: nx.Graph) -> Counter:
    """Edges with their attributes, whatever ids or keys a format gave them (JSON formats also repeat
    the end points as source / target)."""
    bag: Counter = Counter()
    for u, v, d in g.edges(data=True):
        attrs = {k: x for k, x in d.items() if k not in ("id", "key", "source", "target")}
        if "weight" in attrs:
            attrs["weight"] = float(attrs["weight"])
        ends = (u, v) if g.is_directed() else tuple(sorted((u, v)))
        bag[(ends, tuple(sorted(attrs.items())))] += 1
    return bag


def test_graphml_round_trip(graph, tmp_path):
    path, = export.write(graph, tmp_path / "g.graphml", "graphml")
    back = nx.read_graphml(path)
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert _edge_bag(back) == _edge_bag(graph)


def test_gexf_round_trip(graph, tmp_path):
    path, = export.write(graph, tmp_path / "g.gexf", "gexf")
    back = nx.read_gexf(path)
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert _edge_bag(back) == _edge_bag(graph)
    head = path.read_text(encoding="utf-8")[:400]
    assert 'xmlns="http://gexf.net/1.3"' in head and 'version="1.3"' in head
    assert 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' in head and "lastmodifieddate" not in head


def test_gexf_validates_against_the_gexf_1_3_schema(store, tmp_path):
    xsd = os.environ.get("POLICYKG_GEXF_XSD")
    if not xsd or not Path(xsd).is_file():
        pytest.skip("no GEXF 1.3 schema offline: no package on PyPI, npm or Debian ships gexf.xsd "
                    "(set POLICYKG_GEXF_XSD to a copy of gexf.xsd to run this)")
    xmlschema = pytest.importorskip("xmlschema", reason="the xmlschema package validates XML Schema")
    path, = export.write(export.view(store, "responsibility", plan="002"), tmp_path / "g.gexf")
    xmlschema.XMLSchema(xsd).validate(str(path))


def test_cytoscape_json(graph, tmp_path):
    path, = export.write(graph, tmp_path / "g.cyjs", "cytoscape")
    data = json.loads(path.read_text(encoding="utf-8"))
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    assert {n["data"]["id"] for n in nodes} == set(graph.nodes)
    assert all(n["data"]["name"] == graph.nodes[n["data"]["id"]]["label"] for n in nodes)
    if graph.is_multigraph():
        assert len({e["data"]["id"] for e in edges}) == len(edges)
    back = nx.cytoscape_graph(data)
    assert _edge_bag(back) == _edge_bag(graph)


def test_d3_node_link_json(graph, tmp_path):
    path, = export.write(graph, tmp_path / "g.json", "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) >= {"nodes", "links", "directed", "multigraph"}
    back = nx.node_link_graph(data, edges="links")
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert _edge_bag(back) == _edge_bag(graph)


@pytest.mark.filterwarnings("ignore::DeprecationWarning:pydot")  # pydot's parser, on reading back
def test_graphviz_dot(graph, tmp_path):
    pytest.importorskip("pydot", reason="the dot format writes through pydot")
    path, = export.write(graph, tmp_path / "g.dot", "dot")
    back = nx.nx_pydot.read_dot(path)
    # DOT has no types: every value comes back as a quoted string; IRIs survive whole
    assert set(back.nodes) == set(graph.nodes)
    unquote = lambda v: json.loads(v, strict=False) if v.startswith('"') else v  # noqa: E731 (a newline stays raw)
    for n, d in graph.nodes(data=True):
        assert {k: unquote(v) for k, v in back.nodes[n].items()} == {k: str(v) for k, v in d.items()}
    assert back.number_of_edges() == graph.number_of_edges()


def test_csv_pair(graph, tmp_path):
    nodes_path, edges_path = export.write(graph, tmp_path / "g.csv", "csv")
    assert (nodes_path, edges_path) == csv_paths(tmp_path / "g.csv")
    assert (nodes_path.name, edges_path.name) == ("g-nodes.csv", "g-edges.csv")
    with nodes_path.open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with edges_path.open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    assert list(nodes[0])[:3] == ["id", "kind", "label"]
    assert list(edges[0])[:2] == ["source", "target"]
    assert {r["id"]: r["label"] for r in nodes} == {n: d["label"] for n, d in graph.nodes(data=True)}


def test_html_is_one_self_contained_page(graph, tmp_path):
    path, = export.write(graph, tmp_path / "g.html")
    page = path.read_text(encoding="utf-8")
    assert "vis-network" in page and "new vis.Network" in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page), "the page loads something from outside"
    data = json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1))
    assert len(data["nodes"]) == graph.number_of_nodes() and len(data["edges"]) == graph.number_of_edges()


def test_html_data_cannot_break_out_of_its_script(tmp_path):
    g = nx.Graph()
    g.add_node("a", kind="unit", label="</script><script>alert(1)</script><!--")
    path, = export.write(g, tmp_path / "g.html")
    page = path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1)
    assert json.loads(block)["nodes"][0]["label"] == "</script><script>alert(1)</script><!--"
    assert "alert(1)</script>" not in page


@pytest.mark.parametrize("fmt", [f for f in export.FORMATS])
def test_same_graph_same_bytes(store, tmp_path, fmt):
    for i in (1, 2):
        (tmp_path / str(i)).mkdir()
        export.write(export.view(store, "collaboration", plan="003"), tmp_path / str(i) / "g.out", fmt)
    first = sorted(p.name for p in (tmp_path / "1").iterdir())
    assert first and first == sorted(p.name for p in (tmp_path / "2").iterdir())
    for name in first:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


# --- stats ---------------------------------------------------------------------------------------

def test_stats_rank_units_per_plan_and_types_across_plans(store, units):
    columns, rows = export.stats(store, top=5)
    assert tuple(columns) == export.STATS_COLUMNS
    rows = [dict(zip(columns, r)) for r in rows]
    # 000 and 001 name no units: no rows; every other plan has its top 5, then the top 5 types
    assert Counter((r["scope"], r["doc"][:3]) for r in rows) == {
        ("plan", "002"): 5, ("plan", "003"): 5, ("plan", "004"): 5, ("all", ""): 5}
    first = rows[0]
    assert (first["doc"][:3], first["rank"], first["unit"], first["lead_count"], first["support_count"]) == (
        "002", 1, "区残疾人联合会", 24, 8)
    assert first["degree"] == 30  # named on every 002 task, so it shares one with all 30 other units
    per_plan = [r for r in rows if r["scope"] == "plan"]
    lead = {(u["doc"], u["unit"]): u["lead_count"] for u in units}
    for r in per_plan:
        assert r["lead_count"] == lead[(r["doc"], r["unit"])]
        assert 0 <= r["betweenness"] <= 1
    for doc in ("002", "003", "004"):
        counts = [r["lead_count"] for r in per_plan if r["doc"].startswith(doc)]
        assert counts == sorted(counts, reverse=True)
    assert [r["unit"] for r in rows if r["scope"] == "all"][0] == "残疾人联合会"


# --- a store reads only the chosen plans' graphs -----------------------------------------------------

def _as_data(g: nx.Graph) -> tuple:
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else g.edges(data=True)
    return (g.graph, sorted((str(n), sorted(d.items())) for n, d in g.nodes(data=True)),
            sorted((str(e[:-1]), sorted(e[-1].items())) for e in edges))


class _Whole:
    """The store without `plans_scope`: every query reads all its graphs."""

    def __init__(self, store) -> None:
        self.select, self.graph_names, self.dataset = store.select, store.graph_names, store.dataset


@pytest.mark.parametrize("view", ["responsibility", "collaboration", "indicators", "full"])
@pytest.mark.parametrize("plan", ["002", "乌达区", "十四五"])
def test_a_store_narrowed_to_the_chosen_plans_exports_the_same(local_store, view, plan):
    # one plan (by document, by region) is read from its graphs alone; all five from the whole store
    whole = _Whole(local_store)
    assert _as_data(export.view(local_store, view, plan=plan)) == _as_data(export.view(whole, view, plan=plan))


def test_a_store_narrowed_to_the_chosen_plans_ranks_the_same(local_store):
    assert export.stats(local_store, plan="002") == export.stats(_Whole(local_store), plan="002")


def test_narrowing_reads_the_chosen_plans_graphs(local_store):
    from policykg.graph.export import data
    view, chosen = data.choose(local_store, "002")
    plan_graphs = [g for g in view.graph_names() if "/graph/plan/" in g]
    assert len(plan_graphs) == 1 and len(data.plans(view)) == 1 and len(chosen) == 1
    assert data.choose(local_store, None)[0] is local_store  # every plan: the whole store


def test_stats_of_a_plan_that_names_no_unit_is_empty_not_an_error(corpus_paths, tmp_path):
    # two corpus plans print no responsibilities at all: their units table is empty (it used to
    # crash in rdflib on an empty VALUES block), and the export has tasks but no unit nodes
    unowned = [p for p in corpus_paths if api.build([p]).plans[0].record.units() == []]
    assert len(unowned) == 2
    for p in unowned:
        columns, rows = api.stats(p)
        assert "unit" in " ".join(columns) and rows == []
        g, paths = api.export(p, tmp_path / f"{p.stem}.graphml")
        assert paths == [tmp_path / f"{p.stem}.graphml"] and paths[0].stat().st_size > 0
        kinds = {d.get("kind") for _, d in g.nodes(data=True)}
        assert kinds == {"task"}
