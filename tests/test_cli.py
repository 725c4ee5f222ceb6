"""The command line as a user runs it: exit codes, one-line errors, outputs left intact."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policykg", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_build_example_prints_summary(tmp_path):
    out = tmp_path / "example.trig"
    r = run("build", "--example", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.exists() and out.stat().st_size > 10_000
    row = next(ln for ln in r.stderr.splitlines() if "example_plan.txt" in ln)
    cells = [c.strip() for c in row.split("│") if c.strip()]
    # tasks (10 body + 5 division-table rows), with a lead, projects, indicators, units, coverage
    assert cells[-6:] == ["15", "14", "8", "6", "10", "100%"]
    assert "wrote" in r.stderr and str(out) in r.stderr


def test_query_csv_to_stdout(tmp_path):
    out = tmp_path / "example.ttl"
    assert run("build", "--example", "-o", str(out)).returncode == 0
    r = run("query", "tasks", str(out), "--format", "csv")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "doc,plan,section,no,title,lead,support,line,deadline,official"
    assert len(lines) == 1 + 15


def test_query_to_an_excel_workbook(tmp_path):
    import io

    import openpyxl
    graph = tmp_path / "example.ttl"
    assert run("build", "--example", "-o", str(graph)).returncode == 0
    out = tmp_path / "tasks.xlsx"
    r = run("query", "tasks", str(graph), "--format", "xlsx", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert f"wrote 15 rows to {out}" in r.stderr
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]] == ["doc", "plan", "section", "no", "title", "lead", "support", "line", "deadline", "official"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 15 and all(isinstance(r[7], int) for r in rows)  # lines stay numbers
    csv_rows = run("query", "tasks", str(graph), "--format", "csv").stdout.splitlines()[1:]
    assert [str(r[7]) for r in rows] == [row[7] for row in csv.reader(csv_rows)]
    # to a pipe the workbook goes as bytes (a terminal is refused: it would print binary noise)
    piped = subprocess.run([sys.executable, "-m", "policykg", "query", "tasks", str(graph), "-f", "xlsx"],
                           capture_output=True, timeout=300)
    assert piped.returncode == 0 and piped.stdout[:2] == b"PK"
    assert len(list(openpyxl.load_workbook(io.BytesIO(piped.stdout)).active.iter_rows())) == 16
    import os
    import pty
    primary, terminal = pty.openpty()
    try:
        shown = subprocess.run([sys.executable, "-m", "policykg", "query", "tasks", str(graph), "-f", "xlsx"],
                               stdout=terminal, stderr=subprocess.PIPE, text=True, timeout=300)
    finally:
        os.close(terminal)
        os.close(primary)
    assert shown.returncode == 2 and "an Excel workbook is a binary file: give -o FILE.xlsx" in shown.stderr


def test_terminal_table_shows_a_preview_and_limit_cuts_every_format(tmp_path):
    graph = tmp_path / "example.ttl"
    assert run("build", "--example", "-o", str(graph)).returncode == 0
    every = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    total = len(json.loads(run("sparql", every, str(graph), "-f", "json").stdout))
    assert total > 1000
    r = run("sparql", every, str(graph))
    assert r.returncode == 0, r.stderr
    assert f"showing the first 200 of {total:,} rows" in r.stderr
    assert r.stdout.count("https://w3id.org/policykg/") < 1000  # 200 rows drawn, not thousands
    r = run("query", "tasks", str(graph), "--limit", "3", "-f", "csv")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 1 + 3
    full = run("query", "tasks", str(graph), "-f", "csv").stdout.splitlines()
    assert r.stdout.splitlines() == full[:4]  # the first rows in the query's own order
    r = run("query", "tasks", str(graph), "--limit", "20")  # more than there are: all 15, no note
    assert r.returncode == 0 and "15 rows" in r.stderr and "showing" not in r.stderr


def test_bad_document_is_one_line_exit_2_and_no_output(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "plans.trig"
    r = run("build", str(empty), "-o", str(out))
    assert r.returncode == 2
    assert r.stderr.strip() == f"error: {empty}: is empty"
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [empty]


def test_failed_run_leaves_previous_output(tmp_path, example_path):
    out = tmp_path / "plans.trig"
    assert run("build", str(example_path), "-o", str(out)).returncode == 0
    before = out.read_bytes()
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    r = run("build", str(example_path), str(binary), "-o", str(out))
    assert r.returncode == 2 and "is a binary file" in r.stderr and str(binary) in r.stderr
    assert out.read_bytes() == before


def test_keep_going_skips_and_reports(tmp_path, example_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("没有结构的文字。\n", encoding="utf-8")
    out = tmp_path / "plans.nq"
    r = run("build", str(example_path), str(bad), "-o", str(out), "--keep-going")
    assert r.returncode == 2
    assert "skipped 1 of 2 documents:" in r.stderr
    assert f"{bad}: has no recognizable plan structure" in r.stderr.replace("\n", "")
    assert out.exists()


def test_folder_keeps_going_by_default(tmp_path, example_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(example_path.read_bytes())
    (folder / "scan.pdf").write_bytes(b"not a pdf at all")
    (folder / "README.md").write_text("notes, not a plan", encoding="utf-8")  # not a document: ignored
    out = tmp_path / "plans.trig"
    r = run("build", str(folder), "-o", str(out))
    assert r.returncode == 2 and out.exists()
    assert "skipped 1 of 2 documents:" in r.stderr and "scan.pdf" in r.stderr and "README" not in r.stderr


@pytest.mark.parametrize("args,message", [
    (["build", "--example", "-o", "plans.xyz"], "unknown output format '.xyz'"),
    (["query", "nope", "x.ttl"], "no query named 'nope'"),
    (["query", "tasks", "missing.trig"], "missing.trig: no such file"),
])
def test_usage_errors(tmp_path, args, message):
    r = run(*args, cwd=tmp_path)
    assert r.returncode == 2
    assert message in r.stderr


def test_validate_exit_codes_and_report(tmp_path, example_path):
    # the example names an owner for all but one task, so it fails at --fail-on violation
    r = run("validate", str(example_path))
    assert r.returncode == 1, r.stderr
    assert "Scorecard / 评分卡" in r.stdout and "任务无牵头单位" in r.stdout
    assert "example_plan.txt:100" in r.stdout  # 营造扶残助残良好氛围: no units printed
    assert run("validate", str(example_path), "--fail-on", "never").returncode == 0
    out = tmp_path / "audit.html"
    r = run("validate", str(example_path), "--format", "html", "-o", str(out), "--fail-on", "never")
    assert r.returncode == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    book = tmp_path / "audit.xlsx"
    r = run("validate", str(example_path), "--format", "xlsx", "-o", str(book))
    assert r.returncode == 1 and f"report written to {book}" in r.stderr
    import openpyxl
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["scorecards 评分卡", "findings 审计发现"]
    cards = list(wb["scorecards 评分卡"].iter_rows(values_only=True))
    assert len(cards) == 2 and cards[1][2] == "example_plan.txt"
    findings = list(wb["findings 审计发现"].iter_rows(values_only=True))
    header = findings[0]
    where = [(r[header.index("doc 文件")], r[header.index("line 行")]) for r in findings[1:]]
    assert ("example_plan.txt", 100) in where  # the same task the text report names
    broken = tmp_path / "broken.trig"
    broken.write_text("<not rdf", encoding="utf-8")
    r = run("validate", str(broken))
    assert r.returncode == 2
    # the reason and the line on one line (rdflib splits them: "at line 1 of <>:" / "Bad syntax ...")
    assert r.stderr.strip() == f"error: {broken}: is not valid trig: Bad syntax (unterminated URI reference) at line 1"


def test_export_stats_and_reason(tmp_path, example_path):
    graph = tmp_path / "example.trig"
    assert run("build", str(example_path), "-o", str(graph)).returncode == 0
    r = run("export", str(graph), "--view", "collaboration", "-o", str(tmp_path / "c.graphml"))
    assert r.returncode == 0 and "collaboration view: 10 nodes" in r.stderr
    r = run("stats", str(graph), "--top", "1", "-f", "csv")
    # 区民政局 leads tasks 1 and 2 of section (一) and division-table rows 1 and 2: 4, the most
    assert r.returncode == 0 and "plan,example_plan.txt,青溪区,1,区民政局,civil-affairs,4," in r.stdout
    r = run("reason", str(graph), "--reasoner", "rl", "-o", str(tmp_path / "inferred.trig"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "inferred.trig").stat().st_size > 0


def test_summaries_of_a_national_run_show_the_first_plans_and_the_totals(corpus_paths, corpus_build,
                                                                         tmp_path, monkeypatch):
    from click.testing import CliRunner

    from policykg import cli
    monkeypatch.setattr(cli, "TABLE_ROWS", 2)  # five plans stand in for thousands
    r = CliRunner().invoke(cli.main, ["load", *map(str, corpus_paths), "--store", str(tmp_path / "kg")])
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    summary = corpus_build.summary()
    tasks, led = sum(s["tasks"] for s in summary), sum(s["tasks_with_lead"] for s in summary)
    assert "… 3 more" in text and f"all 5 plans / 合计 │ │ │ {tasks:,} │ {led:,} │" in text
    assert "000_" in text and "002_" not in text.split("loaded into")[0]  # only the first two plans
    # graphs: the ontology and the shared graph shown, the five plan graphs summed
    plan_triples = sum(len(pg.graph) for pg in corpus_build.plans)
    assert f"… 5 more graphs │ │ {plan_triples:,} │ replaced │" in text


def test_validate_a_union_graph_file_audits_every_plan(corpus_paths, corpus_trig, tmp_path):
    from policykg import api
    ttl = tmp_path / "corpus.ttl"  # no named graphs: every plan in the default graph
    api.build(corpus_paths, ttl)
    lines = [run("validate", str(f), "--fail-on", "never").stderr.strip().splitlines()[-1] for f in (ttl, corpus_trig)]
    assert lines[0] == lines[1] and lines[0].startswith("5 plan(s): ")


def test_build_reports_gaps_with_file_and_line_and_strict_fails(tmp_path):
    """A clause in a wording the loaders do not know is a warning naming document and line; --strict
    turns any gap into exit 1, while the graph is still written (nothing invented, nothing lost)."""
    from click.testing import CliRunner

    from policykg.cli import main

    doc = tmp_path / "plan.txt"
    doc.write_text("青山县人民政府关于印发《青山县“十四五”残疾人事业发展规划》的通知\n"
                   "一、主要任务\n1.加强保障。内容。（县民政局主抓，县残联协调）\n"
                   "2.完善救助。内容。（县残联牵头）\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(main, ["build", str(doc), "-o", str(tmp_path / "a.trig")])
    assert plain.exit_code == 0, plain.output
    assert "plan.txt:3: responsibility clause not read: '（县民政局主抓，县残联协调）'" in plain.output
    strict = runner.invoke(main, ["build", str(doc), "-o", str(tmp_path / "b.trig"), "--strict"])
    assert strict.exit_code == 1
    assert (tmp_path / "b.trig").exists()
    from policykg import api
    cols, rows = api.query("reading_gaps", tmp_path / "b.trig")
    assert [(r[3], r[4]) for r in rows] == [(3, "responsibility")]


def test_build_into_its_own_folder_skips_the_graph_files(tmp_path, corpus_paths):
    """`build plans/ -o plans/kg.trig` run twice: the second run does not read the first's graph
    (nor a .json beside the plans) as a plan; it lists them as skipped and writes the same graph."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(corpus_paths[1].read_bytes())
    (folder / "truth.json").write_text('{"plans": []}', encoding="utf-8")
    out = folder / "kg.trig"
    first = run("build", str(folder), "-o", str(out))
    assert first.returncode == 0, first.stderr
    written = out.read_bytes()
    second = run("build", str(folder), "-o", str(out))
    assert second.returncode == 0, second.stderr
    assert out.read_bytes() == written
    said = second.stderr.replace("\n", "")
    for name, suffix in [("kg.trig", ".trig"), ("truth.json", ".json")]:
        assert f"skipped: {folder / name}: is a graph file ({suffix}), not a plan document" in said
    assert "skipped 1 of" not in said and "(1 plan graph + shared)" in said


def test_build_refuses_a_graph_file_given_by_name(tmp_path, example_path):
    graph = tmp_path / "old.trig"
    assert run("build", str(example_path), "-o", str(graph)).returncode == 0
    out = tmp_path / "new.trig"
    r = run("build", str(example_path), str(graph), "-o", str(out))
    assert r.returncode == 2
    assert r.stderr.strip() == (f"error: {graph}: is a graph file (.trig), not a plan document: build reads "
                                "plan documents; `policykg load` stores graph files")
    assert not out.exists()
