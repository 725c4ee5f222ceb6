"""The benchmark's whole code path at a tiny size: every stage runs, the naive baseline too, and the
JSON holds every metric the README table shows."""
from __future__ import annotations

import json

from benchmarks.bench import TARGETS, run
from policykg import queries


def test_benchmark_end_to_end(tmp_path):
    out = tmp_path / "results.json"
    lines: list[str] = []
    # generous stage limits: a busy 2-core machine must not cut a stage short (no timing is asserted)
    run([5], out, naive_max_seconds=240, stage_timeout=240, query_timeout=30, workers=2,
        cache=tmp_path / "cache", echo=lines.append)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["machine"]["cpus"] and data["machine"]["pyoxigraph"]
    (res,) = data["sizes"]
    assert res["plans"] == 5
    # the generated documents are extracted exactly as their ground truth says
    assert res["correctness"]["documents"] == 5 and res["correctness"]["matching"] == 5
    # the build to TriG: every triple the store holds but the ontology's (its own graph there)
    build = res["build"]
    assert build["seconds"] > 0 and build["bytes"] > 0 and 0 < build["triples"] < res["load"]["triples"]
    load = res["load"]
    assert load["graphs"] == 5 + 2 and load["triples"] > 0 and load["store_bytes"] > 0
    assert load["documents_per_second"] > 0 and load["triples_per_second"] > 0
    assert set(res["queries"]) == set(queries.available())
    for name, q in res["queries"].items():
        assert q["median"] is not None and len([ln for ln in q["lines"] if "run" in ln]) == 5, name
    # the plan-parameterised queries asked of one county: the first plan's region, fewer rows
    one = res["queries_one_plan"]
    assert set(one) == {n for n in queries.available() if queries.get(n).takes("plan")}
    assert one["tasks"]["plan"] and one["tasks"]["median"] is not None
    assert 0 < one["tasks"]["rows"] < res["queries"]["tasks"]["rows"]
    assert any(f"one county ({one['tasks']['plan']})" in ln for ln in lines)
    # filtered to one unit / one department type, and the full lists written to CSV as they stream
    filtered = res["queries_filtered"]
    assert set(filtered) == {f"{n} {p}" for n in queries.available() for p in ("unit", "type")
                             if queries.get(n).takes(p)}
    assert filtered["unit_workload unit"]["value"] and 0 < filtered["unit_workload unit"]["rows"] \
        < res["queries"]["unit_workload"]["rows"]
    written = res["list_write"]["tasks"]
    assert written["rows"] == res["queries"]["tasks"]["rows"] and written["rows_per_second"] > 0
    assert {t["metric"] for t in res["targets"]} >= {"query_filtered_median_max", "list_rows_per_second_min",
                                                      "query_kept_median_max"}
    kept = res["queries_kept"]
    # every query's national rows kept after the load, then asked as a researcher asks
    assert kept["precompute_seconds"] > 0 and set(kept["medians"]) == set(queries.available())
    assert kept["rows"]["tasks"] == res["queries"]["tasks"]["rows"]
    assert set(kept["filtered"]) == set(filtered)
    assert kept["filtered"]["unit_workload unit"] == {k: filtered["unit_workload unit"][k] for k in ("value", "rows")} \
        | {"median": kept["filtered"]["unit_workload unit"]["median"]}
    assert kept["lists"]["tasks"]["rows"] == written["rows"] and kept["list_rows_per_second_min"] > 0
    assert any("full list tasks to CSV from its kept rows" in ln for ln in lines)
    assert res["audit"]["plans"] == 5 and res["audit"]["seconds"] > 0
    # the audit of one county (`validate --plan`): that region's plans only, a part of the findings
    county = res["audit_one_plan"]
    assert county["plan"] == one["tasks"]["plan"] and 1 <= county["plans"] < 5
    assert 0 < county["findings"] < res["audit"]["findings"]
    assert any(f"findings; one county ({county['plan']}, {county['plans']} plans)" in ln for ln in lines)
    # the audit again after one plan's document changed: that plan audited, the others from the cache
    again = res["reaudit"]
    assert (again["audited"], again["cached"], again["plans"]) == (1, 4, 5) and again["keys_seconds"] > 0
    assert again["findings"] == res["audit"]["findings"]
    assert any("1 plan(s) audited, 4 from the cache" in ln for ln in lines)
    assert res["reason"]["seconds"] > 0 and res["reason"]["inferred_triples"] > 0
    assert res["peak_mb"] > 0
    naive = res["naive"]
    assert "killed" not in naive and "error" not in naive
    assert naive["build_seconds"] > 0 and naive["parse_seconds"] > 0 and naive["audit_seconds"] > 0 and naive["triples"] > 0
    assert set(naive["queries"]) == set(queries.available())
    # every query has a ratio, or a lower bound where rdflib ran out of its budget (real-sized plans)
    speedup = res["speedup"]
    assert set(speedup["queries"]) | set(speedup["queries_at_least"]) == set(queries.available())
    assert not set(speedup["queries"]) & set(speedup["queries_at_least"]) and speedup["audit"] > 0 and speedup["build"] > 0
    assert speedup["load"] > 0
    assert [t["metric"] for t in res["targets"]] == list(TARGETS)
    assert all("note" in t for t in res["targets"])
    assert any(ln.startswith("## 5 plans") for ln in lines)


def test_naive_query_over_its_budget_gives_a_lower_bound():
    from benchmarks.bench import speedups, table
    res = {"plans": 9, "correctness": {}, "load": {}, "audit": {"seconds": 2.0}, "reason": {},
           "queries": {"tasks": {"median": 2.5}, "units": {"median": 0.5}},
           "naive": {"audit_seconds": 30.0, "queries": {"tasks": None, "units": 12.0},
                     "queries_over": {"tasks": 10.0}},
           "targets": []}
    res["speedup"] = speedups(res)
    assert res["speedup"]["queries"] == {"units": 24.0}  # measured ratios only
    assert res["speedup"]["queries_at_least"] == {"tasks": 4.0}
    assert res["speedup"]["audit"] == 15.0
    text = table(res)
    assert "naive over 10 s; ≥×4.0" in text and "naive 12.0; ×24.0" in text and "×15.0" in text
