"""`policykg load`, `push` and querying a store or an endpoint, as a user runs them: exit codes,
one-line errors, and a login that never shows."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import free_port

SECRET = "s3cret-Passw0rd"


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_SPARQL_")}
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "policykg", *args], capture_output=True, text=True,
                          cwd=cwd, env=full, timeout=300)


def test_load_then_query_the_store(tmp_path, example_path):
    store = tmp_path / "kg"
    r = run("load", str(example_path), "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert "example_plan.txt" in r.stderr and f"the store {store} now holds" in r.stderr
    # the example plan: 10 body tasks + 5 division-table rows (tests/test_cli.py counts the same)
    for args in (["query", "tasks", "--store", str(store)], ["query", "tasks", str(store)]):
        q = run(*args, "--format", "csv")
        assert q.returncode == 0, q.stderr
        assert len(q.stdout.splitlines()) == 1 + 15
    s = run("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?t a <https://w3id.org/policykg/ontology#Task> }",
            "--store", str(store), "-f", "csv")
    assert s.returncode == 0 and s.stdout.splitlines() == ["n", "15"], s.stderr
    # loading again replaces the plan: still 15 tasks, not 30
    assert run("load", str(example_path), "--store", str(store)).returncode == 0
    assert len(run("query", "tasks", "--store", str(store), "-f", "csv").stdout.splitlines()) == 16


def test_rows_kept_after_a_load_without_them(tmp_path, corpus_paths):
    """`load --no-keep-rows` keeps nothing; `keep-rows` then keeps every query's rows, and queries
    (national and filtered) give what the store itself gives."""
    store = tmp_path / "kg"
    r = run("load", *map(str, corpus_paths[:3]), "--store", str(store), "--no-keep-rows")
    assert r.returncode == 0, r.stderr
    asked = {args: run("query", *args, "--store", str(store), "-f", "csv").stdout
             for args in (("tasks",), ("co_responsibility", "-p", "unit=残疾人联合会"), ("unit_workload", "-p", "unit=局"))}
    assert not list(store.glob("policykg-kept-*"))
    k = run("keep-rows", "--store", str(store))
    assert k.returncode == 0, k.stderr
    from policykg import queries
    n = len(queries.available())
    assert f"kept the national rows of {n} queries" in k.stderr
    assert len(list(store.glob("policykg-kept-*.sqlite"))) == n
    for args, out in asked.items():
        assert len(out.splitlines()) > 5, args
        assert run("query", *args, "--store", str(store), "-f", "csv").stdout == out, args
    bad = run("keep-rows", "--store", str(tmp_path / "none"))
    assert bad.returncode == 2 and "no such store directory" in bad.stderr


def test_push_then_query_the_endpoint(tmp_path, example_path, oxigraph_server):
    oxigraph_server.clear()
    r = run("push", str(example_path), "--endpoint", oxigraph_server.query,
            "--graph-store", oxigraph_server.graph_store)
    assert r.returncode == 0, r.stderr
    assert "https://w3id.org/policykg/id/graph/ontology" in r.stderr and "replaced" in r.stderr
    q = run("query", "tasks", "--endpoint", oxigraph_server.query, "-f", "csv")
    assert q.returncode == 0, q.stderr
    assert len(q.stdout.splitlines()) == 1 + 15
    # pushing the same plan again through SPARQL Update leaves 15 tasks
    r = run("push", str(example_path), "--endpoint", oxigraph_server.query, "--update", oxigraph_server.update)
    assert r.returncode == 0, r.stderr
    assert len(run("query", "tasks", oxigraph_server.query, "-f", "csv").stdout.splitlines()) == 16


#: what `query` says on stderr when a non-union server's answer is empty (policykg read its named graphs)
EMPTY_DEFAULT_WARNING = (
    "warning: 0 rows from {url}: its default graph is empty and its named graphs hold the data; "
    "policykg queried the union of its 3 named graphs (Oxigraph's union-default-graph parameter), so "
    "this is their answer. Other tools see an empty store unless the server makes the default graph the union "
    "(Oxigraph: `oxigraph serve --union-default-graph`; Fuseki: `tdb2:unionDefaultGraph true`)")


def test_push_then_query_a_server_whose_default_graph_is_not_the_union(example_path, oxigraph_nonunion_server,
                                                                        oxigraph_server):
    """Issue #18 as a new user met it: `oxigraph serve` without --union-default-graph, push, query."""
    server = oxigraph_nonunion_server
    server.clear()
    r = run("push", str(example_path), "--endpoint", server.query, "--graph-store", server.graph_store)
    assert r.returncode == 0, r.stderr
    q = run("query", "tasks", "--endpoint", server.query, "-f", "csv")
    assert q.returncode == 0 and len(q.stdout.splitlines()) == 1 + 15, q.stderr  # not the header alone
    assert "warning" not in q.stderr
    s = run("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?t a <https://w3id.org/policykg/ontology#Task> }",
            "--endpoint", server.query, "-f", "csv")
    assert s.stdout.splitlines() == ["n", "15"], s.stderr
    # an empty answer there says which graphs it came from (and the typo hint follows, once)
    e = run("query", "tasks", "--endpoint", server.query, "-p", "plan=不存在", "-f", "csv")
    assert e.returncode == 0 and e.stdout.splitlines() == ["doc,plan,section,no,title,lead,support,line,deadline,official"]
    assert e.stderr.splitlines() == [
        EMPTY_DEFAULT_WARNING.format(url=server.query),
        "warning: no plan's title contains '不存在'; `policykg query plan_metadata` lists the plans and "
        "their titles"]
    # a union server's empty answer has nothing to say about its default graph
    oxigraph_server.clear()
    assert run("push", str(example_path), "--graph-store", oxigraph_server.graph_store).returncode == 0
    e = run("query", "tasks", "--endpoint", oxigraph_server.query, "-p", "plan=不存在", "-f", "csv")
    assert e.returncode == 0 and "default graph" not in e.stderr and "no plan's title" in e.stderr


def test_errors_are_one_line_with_exit_2(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/sparql"
    r = run("query", "tasks", "--endpoint", url)
    assert r.returncode == 2
    assert r.stderr.strip() == f"error: {url}: cannot be reached: connection refused (is the server running?)"
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("x", encoding="utf-8")
    r = run("query", "tasks", "--store", str(tmp_path / "notes"))
    assert r.returncode == 2 and "is not a policykg store" in r.stderr
    r = run("query", "tasks", "plans.trig", "--store", str(tmp_path / "notes"))
    assert r.returncode == 2 and "give one source" in r.stderr
    r = run("push", "plans.trig")
    assert r.returncode == 2 and "--endpoint" in r.stderr


def test_login_is_never_printed(tmp_path, example_path, http_stub):
    url = http_stub(lambda h, b: (401, {"WWW-Authenticate": 'Basic realm="x"'}, b"no"))
    env = {"POLICYKG_SPARQL_USER": "analyst", "POLICYKG_SPARQL_PASSWORD": SECRET}
    for args in (["query", "tasks", "--endpoint", url + "/sparql"],
                 ["push", str(example_path), "--endpoint", url + "/sparql"]):
        r = run(*args, env=env)
        assert r.returncode == 2, r.stderr
        assert "rejected the login" in r.stderr and "HTTP 401" in r.stderr
        assert SECRET not in r.stderr + r.stdout


def test_help_explains_sources_and_push():
    q = run("query", "--help").stdout
    assert "--store DIR" in q and "--endpoint URL" in q and "POLICYKG_SPARQL_USER" in q
    p = " ".join(run("push", "--help").stdout.split())
    assert "--graph-store URL" in p and "replaced whole" in p and "MOVE" in p
    assert "--store DIR" in run("load", "--help").stdout


def test_reason_in_the_store_and_write_back(tmp_path, example_path):
    doc = tmp_path / "plan.txt"
    doc.write_text(example_path.read_text(encoding="utf-8"), encoding="utf-8")
    store = tmp_path / "kg"
    assert run("load", str(doc), "--store", str(store)).returncode == 0
    unowned = len(run("query", "tasks_without_lead", "--store", str(store), "-f", "csv").stdout.splitlines()) - 1
    owned_query = ("SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { GRAPH ?g { ?t a "
                   "<https://w3id.org/policykg/ontology#OwnedTask> } }")
    r = run("reason", "--store", str(store), "--reasoner", "sparql", "--write")
    assert r.returncode == 0, r.stderr
    assert "inferred graphs written into the store" in r.stderr
    counted = run("sparql", owned_query, "--store", str(store), "-f", "csv")
    assert counted.stdout.splitlines() == ["n", str(15 - unowned)], counted.stderr
    assert 0 < 15 - unowned < 15
    # a changed plan re-loaded: its old inferred graph goes with its old version
    text = doc.read_text(encoding="utf-8")
    head, _, tail = text.rpartition("。")
    doc.write_text(head + "；" + tail, encoding="utf-8")
    assert run("load", str(doc), "--store", str(store)).returncode == 0
    assert run("sparql", owned_query, "--store", str(store), "-f", "csv").stdout.splitlines() == ["n", "0"]
    # --write needs a store to write into
    bad = run("reason", str(doc), "--reasoner", "sparql", "--write")
    assert bad.returncode == 2 and "--write" in bad.stderr


def test_reason_summary_previews_the_first_plans(local_store, monkeypatch):
    from click.testing import CliRunner

    from policykg import cli
    monkeypatch.setattr(cli, "TABLE_ROWS", 2)  # the corpus has 5 plans; a nation has thousands
    r = CliRunner().invoke(cli.main, ["reason", "--store", str(local_store.path), "--reasoner", "sparql"])
    assert r.exit_code == 0, r.output
    inferred = cli.api.reason(str(local_store.path), reasoner="sparql").triples
    assert f"showing the first 2 of 5 plans; {inferred:,} triples inferred in all" in r.output
    assert "000_" in r.output and "001_" in r.output and "004_" not in r.output  # plans in doc order


def test_a_large_html_page_comes_with_advice(local_store, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from policykg import cli
    page = tmp_path / "collab.html"
    args = ["export", "--store", str(local_store.path), "--view", "collaboration", "-o", str(page)]
    quiet = CliRunner().invoke(cli.main, args)
    assert quiet.exit_code == 0 and "nodes: a browser takes" not in quiet.output
    monkeypatch.setattr(cli, "PAGE_NODES", 10)  # the corpus is small; a nation's page is not
    r = CliRunner().invoke(cli.main, args)
    assert r.exit_code == 0, r.output
    nodes = int(r.output.split("collaboration view: ")[1].split(" nodes")[0])
    assert nodes > 10 and f"this page has {nodes:,} nodes" in " ".join(r.output.split())
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")  # written all the same
    graphml = CliRunner().invoke(cli.main, args[:-1] + [str(tmp_path / "collab.graphml")])
    assert graphml.exit_code == 0 and "a browser takes" not in graphml.output  # Gephi copes


def test_a_plan_no_title_contains_is_named(local_store, monkeypatch):
    # "0 rows" alone leaves a user guessing; when no plan is called that, the warning says so
    from click.testing import CliRunner
    from policykg import cli
    monkeypatch.setattr(cli, "err", cli.Console(stderr=True, highlight=False, width=200))
    base = ["--store", str(local_store.path), "-f", "csv"]
    miss = CliRunner().invoke(cli.main, ["query", "tasks", "-p", "plan=西固县", *base])
    assert miss.exit_code == 0 and miss.stdout.splitlines() == ["doc,plan,section,no,title,lead,support,line,deadline,official"]
    assert "no plan's title contains '西固县'; `policykg query plan_metadata` lists the plans" in miss.stderr
    # a plan that exists but has no such rows: no warning (奉化区 has no binding indicator without a target)
    none = CliRunner().invoke(cli.main, ["query", "binding_indicators_without_numeric_target",
                                         "-p", "plan=奉化区", *base])
    assert none.exit_code == 0 and len(none.stdout.splitlines()) == 1 and "warning" not in none.stderr
    hit = CliRunner().invoke(cli.main, ["query", "tasks", "-p", "plan=西固区", *base])
    assert len(hit.stdout.splitlines()) > 1 and "warning" not in hit.stderr


def test_validate_one_plan_of_a_store(local_store, monkeypatch):
    # an auditor of one county reads its scorecard and findings, not the whole nation's
    from click.testing import CliRunner
    from policykg import cli
    monkeypatch.setattr(cli, "err", cli.Console(stderr=True, highlight=False, width=200))
    base = ["validate", "--store", str(local_store.path), "--engine", "rudof", "-f", "json"]
    r = CliRunner().invoke(cli.main, [*base, "--plan", "002"])
    assert r.exit_code == 1  # 薛城区 states no measurable target in any task: violations
    import json
    got = json.loads(r.stdout)
    assert [c["doc"][:3] for c in got["scorecards"]] == ["002"]
    assert got["findings"] and {f["doc"][:3] for f in got["findings"]} == {"002"}
    assert "1 plan(s):" in r.stderr
    miss = CliRunner().invoke(cli.main, [*base, "--plan", "西固县"])
    assert miss.exit_code == 2 and "no plan matches '西固县'" in miss.stderr and "000_" in miss.stderr


def test_query_rows_stream_to_csv_and_json(local_store, tmp_path, monkeypatch):
    # CSV and JSON are written as the store yields the rows: the same rows, columns and @lists tidying
    # as api.query, valid JSON, and -o FILE written whole or not at all
    import csv
    import json
    import types
    from click.testing import CliRunner
    from policykg import api, cli
    from policykg.errors import QueryError
    columns, rows = api.query("tasks", local_store)
    assert len(rows) > 100
    _, streamed = api.stream_query("tasks", local_store)
    assert isinstance(streamed, types.GeneratorType) and list(streamed) == rows
    base = ["query", "tasks", "--store", str(local_store.path)]
    got = CliRunner().invoke(cli.main, [*base, "-f", "csv"])
    assert got.exit_code == 0
    assert [tuple(r) for r in csv.reader(got.stdout.splitlines())] == \
        [tuple(columns)] + [tuple(str(v) for v in r) for r in rows]
    out = tmp_path / "tasks.json"
    got = CliRunner().invoke(cli.main, [*base, "-f", "json", "-o", str(out)])
    assert got.exit_code == 0 and json.loads(out.read_text(encoding="utf-8")) == \
        [dict(zip(columns, r)) for r in rows]
    assert f"wrote {len(rows)} rows to {out}" in got.stderr
    limited = CliRunner().invoke(cli.main, [*base, "-f", "json", "--limit", "2"])
    assert json.loads(limited.stdout) == [dict(zip(columns, r)) for r in rows[:2]]

    def failing(*args):  # the store fails after some rows were written
        def rows_then_error():
            yield from rows[:3]
            raise QueryError("query failed: the store went away")
        return columns, rows_then_error()
    monkeypatch.setattr(api, "stream_query", failing)
    before = out.read_bytes()
    broken = CliRunner().invoke(cli.main, [*base, "-f", "json", "-o", str(out)])
    assert broken.exit_code != 0 and "the store went away" in broken.output
    assert out.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["tasks.json"]


def test_sparql_rows_stream_and_the_table_counts_them_all(local_store, monkeypatch):
    from click.testing import CliRunner
    from policykg import api, cli
    monkeypatch.setattr(cli, "err", cli.Console(stderr=True, highlight=False, width=200))
    text = "SELECT ?t WHERE { ?t a <https://w3id.org/policykg/ontology#Task> } ORDER BY ?t"
    _, rows = api.sparql(text, local_store)
    got = CliRunner().invoke(cli.main, ["sparql", text, "--store", str(local_store.path), "-f", "csv"])
    assert got.stdout.splitlines() == ["t"] + [r[0] for r in rows]
    table = CliRunner().invoke(cli.main, ["sparql", text, "--store", str(local_store.path), "--limit", "5"])
    assert f"showing the first 5 of {len(rows):,} rows" in table.stderr
