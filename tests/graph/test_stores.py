"""One query, three places: a graph file, a local store directory and each real remote endpoint
(Oxigraph server, Virtuoso) give the same rows; a parameter value stays a literal everywhere."""
from __future__ import annotations

import pytest

from collections import Counter

from policykg import api
from policykg.graph import export
from policykg.graph.store import MemoryStore

FOUNDATION = ("tasks", "indicators", "projects", "units")

#: Row counts of the four foundation queries over the five corpus plans.  Checked by reading the
#: documents: 003 乌达区 prints 29 numbered tasks, each closing with one "（…牵头；…按照职能分工负责）"
#: (lines 81-173); tasks 38+28+32+29+80, indicators 11+14+9+11+10, projects 55+0+44+34+0, units
#: 0+0+31+41+25 are the per-plan numbers of the README's build table, re-counted for 003 above
#: (its three spellings of the 残工委's member units are one collective mention).
EXPECTED_ROWS = {"tasks": 207, "indicators": 55, "projects": 133, "units": 97}

#: 003 乌达区 line 84: "4. 健全残疾人综合保险保障机制。…（区人力资源和社会保障局、医疗保障局牵头；区财政局、
#: 残疾人联合会按照职能分工负责）" -- the elided prefix 区 restored on 医疗保障局 / 财政局 / 残疾人联合会.
WUDA_TASK_84 = {"no": "4", "title": "健全残疾人综合保险保障机制",
                "lead": "区人力资源和社会保障局|区医疗保障局", "support": "区残疾人联合会|区财政局"}

INJECTIONS = [
    '乌达区" ) } UNION { ?task ?p ?o } #',
    "乌达区' } } SELECT * WHERE { ?s ?p ?o } #",
    '"} ; DROP ALL ; #',
    "乌达区\\\" }\n} # {",
    "}}}{{{\"\"\"'''",
]


@pytest.fixture(scope="module")
def file_store(corpus_trig):
    return MemoryStore.from_file(corpus_trig)


@pytest.fixture(scope="module")
def file_rows(file_store):
    return {name: api.query(name, file_store) for name in FOUNDATION}


def test_file_and_local_store_agree(file_rows, local_store):
    for name in FOUNDATION:
        assert len(file_rows[name][1]) == EXPECTED_ROWS[name], name
        assert api.query(name, local_store) == file_rows[name], name


def test_file_local_store_and_endpoint_agree(corpus_endpoint, file_rows):
    _, corpus_endpoint = corpus_endpoint
    for name in FOUNDATION:
        assert api.query(name, corpus_endpoint) == file_rows[name], f"{name} on {corpus_endpoint}"
    columns, rows = api.query("tasks", corpus_endpoint, {"plan": "乌达区"})
    tasks = [dict(zip(columns, r)) for r in rows]
    assert len(tasks) == 29
    row = next(t for t in tasks if t["line"] == 84)
    assert {k: row[k] for k in WUDA_TASK_84} == WUDA_TASK_84


@pytest.mark.parametrize("value", INJECTIONS)
def test_parameter_values_stay_literals_locally(value, file_store, local_store):
    for store in (file_store, local_store):
        # no plan title contains such a text: as a literal it matches nothing; as query text it
        # would either fail to parse or match every task
        assert api.query("tasks", store, {"plan": value})[1] == [], store


def test_parameter_values_stay_literals_on_endpoints(corpus_endpoint):
    _, corpus_endpoint = corpus_endpoint
    for value in INJECTIONS:
        assert api.query("tasks", corpus_endpoint, {"plan": value})[1] == [], value
    # the store still holds every plan: nothing was dropped by an injected update
    assert len(api.query("tasks", corpus_endpoint)[1]) == EXPECTED_ROWS["tasks"]


def test_local_store_is_queried_without_the_source(corpus_build, tmp_path):
    from policykg.graph.serialize import write_dataset
    trig = tmp_path / "plans.trig"
    write_dataset(corpus_build.dataset, trig)
    store_dir = tmp_path / "kg"
    api.load([trig], store_dir)
    trig.unlink()  # nothing left to re-parse: the store answers from its own files
    columns, rows = api.query("units", str(store_dir), {"plan": "乌达区"})
    assert len(rows) == 41  # 003 names 41 distinct units (README build table, same as the file)


def without_blank_names(g) -> tuple[Counter, Counter]:
    """A network view's nodes and edges with blank nodes unnamed (each store names the ontology's
    blank nodes its own way), as multisets."""
    def name(n: str) -> str:
        return n if ":" in n else "_:"
    nodes = Counter((name(n), tuple(sorted((k, name(v) if k == "label" and v == n else v)
                                           for k, v in d.items()))) for n, d in g.nodes(data=True))
    edges = Counter((name(a), name(b), tuple(sorted(d.items()))) for a, b, d in g.edges(data=True))
    return nodes, edges


def test_audit_stats_exports_and_reasoning_agree_with_the_file(corpus_endpoint, file_store, local_store,
                                                               corpus_trig):
    """validate, stats, export and reason read an endpoint as they read the file (the full view as they
    read a local store, which holds the ontology a push sends too), whatever the server's default graph."""
    server, endpoint = corpus_endpoint
    report, expected = api.validate(endpoint.url), api.validate(corpus_trig)
    assert report.scorecards == expected.scorecards and report.findings == expected.findings, server
    assert export.stats(endpoint) == export.stats(file_store), server
    for view in ("responsibility", "collaboration", "indicators"):
        got, want = export.view(endpoint, view), export.view(file_store, view)
        assert without_blank_names(got) == without_blank_names(want) and got.number_of_nodes(), (server, view)
    # Virtuoso's whole-store full view also shows its own system graphs (bif:contains, virtrdf:…): not
    # policykg's to hide there; one plan's full view is compared everywhere
    for plan in ((None, "乌达区") if server != "virtuoso" else ("乌达区",)):
        got, want = export.view(endpoint, "full", plan=plan), export.view(local_store, "full", plan=plan)
        assert without_blank_names(got) == without_blank_names(want), (server, plan)
    inferred, expected = api.reason(endpoint.url, reasoner="sparql"), api.reason(corpus_trig, reasoner="sparql")
    assert inferred.summary() == expected.summary() and inferred.triples, server
