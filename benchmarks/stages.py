"""One benchmark stage, run in a child process: `python -m benchmarks.stages STAGE ARGS_JSON`.

Each stage runs in a process of its own so that a runaway stage can be killed at its time limit and
so that its peak memory is its own (ru_maxrss of the process and of the workers it waited for).  A
stage prints one JSON object per line as it goes: the parent keeps every line printed before a kill,
so a baseline stopped at its limit still reports the steps it finished.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

RUNS = 5


def emit(**values: Any) -> None:
    print(json.dumps(values, ensure_ascii=False), flush=True)


def peak_mb() -> dict[str, float]:
    """Peak resident memory in MB of this process and of the largest child it waited for (Linux
    reports ru_maxrss in KB).  Concurrent workers are not summed: each value is one process."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb_process": round(own, 1), "peak_mb_child": round(kids, 1)}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    value = fn()
    return time.perf_counter() - t, value


def documents(corpus: str) -> list[Path]:
    return sorted(Path(corpus).glob("plan_*.txt"))


# --- stages ---------------------------------------------------------------------------------------
def stage_correctness(corpus: str, workers: int) -> None:
    """Extraction of the generated corpus against its ground truth, as counts per document."""
    from concurrent.futures import ProcessPoolExecutor
    truth = {t["file"]: t for t in json.loads((Path(corpus) / "truth.json").read_text(encoding="utf-8"))}
    files = [str(p) for p in documents(corpus)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        got = list(pool.map(_counts, files, chunksize=8))
    wrong = []
    for path, counts in zip(files, got):
        t = truth[Path(path).name]
        want = {"tasks": len(t["tasks"]), "indicators": len(t["indicators"]), "projects": len(t["projects"]),
                "units": len({u for x in t["tasks"] for u in x["lead"] + x["support"]})}
        if counts != want:
            wrong.append({"file": Path(path).name, "got": counts, "truth": want})
    emit(documents=len(files), matching=len(files) - len(wrong), mismatches=wrong[:5], **peak_mb())


def _counts(path: str) -> dict[str, Any]:
    from policykg.loaders.plan import load_plan
    try:
        r = load_plan(path)
    except Exception as exc:  # reported as a mismatch, not a crash of the whole check
        return {"error": str(exc)[:200]}
    return {"tasks": len(r.tasks()), "indicators": len(r.indicators), "projects": len(r.projects()),
            "units": len({u.label for t in r.tasks() for u in t.units("lead") + t.units("support")})}


def stage_load(corpus: str, store: str, workers: int, ceiling: bool = True) -> None:
    import shutil
    from policykg import api
    shutil.rmtree(store, ignore_errors=True)
    seconds, result = timed(lambda: api.load(documents(corpus), store, workers=workers, keep=False))
    size = sum(f.stat().st_size for f in Path(store).rglob("*") if f.is_file())
    emit(seconds=round(seconds, 3), triples=result.store_triples, graphs=result.store_graphs,
         store_bytes=size, **peak_mb())
    if ceiling:
        emit(**bulk_load_ceiling(store))


def stage_build(corpus: str, out: str, workers: int) -> None:
    """`policykg build -o plans.trig`: the documents written straight to TriG by the workers (the
    naive path's own output format, so the two are compared like for like)."""
    from policykg import api
    seconds, result = timed(lambda: api.build(documents(corpus), out, dataset=False, workers=workers))
    emit(seconds=round(seconds, 3), triples=result.triples, bytes=Path(out).stat().st_size, **peak_mb())
    Path(out).unlink()


def bulk_load_ceiling(store: str) -> dict[str, Any]:
    """The ceiling `load` is measured against: Oxigraph's bulk loader alone, given the very quads the
    load stored (dumped to an N-Quads file first, not timed) and writing them into a new store on
    the same disk.  Nothing of policykg runs while it is timed."""
    import shutil
    import pyoxigraph as ox
    nquads, again = Path(f"{store}.nq"), f"{store}-bulk-ceiling"
    shutil.rmtree(again, ignore_errors=True)
    try:
        ox.Store.read_only(store).dump(output=str(nquads), format=ox.RdfFormat.N_QUADS)
        fresh = ox.Store(again)
        seconds, _ = timed(lambda: (fresh.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS),
                                    fresh.flush()))
        triples = len(fresh)
        fresh = None  # closes the store (its files are removed below)
        return {"bulk_load_seconds": round(seconds, 3),
                "bulk_load_triples_per_second": round(triples / seconds)}
    finally:
        nquads.unlink(missing_ok=True)
        shutil.rmtree(again, ignore_errors=True)


def stage_query(store: str, name: str) -> None:
    from policykg import api, queries
    source = api.open_store(store)
    q = queries.get(name).bind(None)
    _median_of_runs(lambda: source.select(q)[1])


def stage_query_plan(store: str, name: str) -> None:
    """The query as a researcher asks it of one county: `-p plan=<the first plan's region>`."""
    from policykg import api
    source = api.open_store(store)
    region = _first_region(source)
    _median_of_runs(lambda: api.query(name, source, {"plan": region})[1], plan=region)


def stage_query_filtered(store: str, name: str, param: str) -> None:
    """The query filtered to one unit (`-p unit=<the first plan's busiest unit's name>`) or one
    department type (`-p type=<that unit's type>`), as a researcher asks it: a store reads only the
    plans naming such a unit when they are few (graph/query_scope.py), else every plan."""
    from policykg import api
    source = api.open_store(store)
    value = _filter_value(source, param)
    _median_of_runs(lambda: api.query(name, source, {param: value})[1], param=param, value=value)


def _filter_value(source: Any, param: str) -> str:
    """The first plan's busiest unit's name (`unit`) or that unit's department type (`type`)."""
    from policykg import api
    _, units = api.query("units", source, {"plan": _first_region(source)})
    return units[0][2] if param == "unit" else units[0][3]


def stage_query_write(store: str, name: str, fmt: str, out: str) -> None:
    """A full national list written to a file as the store yields it (what `policykg query NAME --store
    DIR -f csv -o FILE` does): rows/s over the whole command, and the seconds before the first row (an
    ORDER BY is sorted by Oxigraph before it yields any)."""
    from policykg import api
    emit(**_write_list(api.open_store(store), name, fmt, out), **peak_mb())


def _write_list(source: Any, name: str, fmt: str, out: str) -> dict[str, Any]:
    from policykg import api
    from policykg.formatting import STREAMED
    started = time.perf_counter()
    first: list[float] = []

    def noting_the_first(rows):
        for row in rows:
            if not first:
                first.append(time.perf_counter() - started)
            yield row
    columns, rows = api.stream_query(name, source)
    with open(out, "w", encoding="utf-8") as fh:
        n = STREAMED[fmt](fh, columns, noting_the_first(rows))
    seconds = time.perf_counter() - started
    size = Path(out).stat().st_size
    Path(out).unlink()
    return dict(rows=n, seconds=round(seconds, 3), rows_per_second=round(n / seconds) if seconds else None,
                first_row_seconds=round(first[0], 3) if first else None, fmt=fmt, bytes=size)


def stage_query_kept(store: str, workers: int, out: str, lists: list[str], list_rows: int) -> None:
    """Every library query's national rows computed once after the load (queries/national.py: what
    `load` does when it has finished; the seconds to compute them), then answered from them as a
    researcher asks: each query's national median of 5, each unit/type-filtered query's median of 5
    (the same values as stage_query_filtered), and `lists` and every answer of ≥ `list_rows` rows
    written to CSV."""
    from policykg import api, queries
    from policykg.queries import national
    source = api.open_store(store)
    seconds, counts = timed(lambda: national.precompute(source, workers=workers))
    emit(step="precompute", seconds=round(seconds, 3), queries=len(counts), **peak_mb())
    medians = {name: _runs(lambda: api.query(name, source)[1])[0] for name in queries.available()}
    emit(step="national", medians=medians)
    filtered = {}
    for name in queries.available():
        for param in ("unit", "type"):
            if queries.get(name).takes(param):
                value = _filter_value(source, param)
                median, rows = _runs(lambda: api.query(name, source, {param: value})[1])
                filtered[f"{name} {param}"] = {"value": value, "median": median, "rows": rows}
    emit(step="filtered", filtered=filtered)
    written = {name: _write_list(source, name, "csv", out) for name in queries.available()
               if name in lists or counts.get(name, 0) >= list_rows}
    for name in counts:
        national.kept_file(source, name).unlink(missing_ok=True)
    emit(precompute_seconds=round(seconds, 3), rows=counts, medians=medians, median=max(medians.values()),
         filtered=filtered, filtered_median=max((f["median"] for f in filtered.values()), default=None),
         lists=written, list_rows_per_second_min=min((w["rows_per_second"] for w in written.values()), default=None),
         **peak_mb())


def _first_region(source: Any) -> str:
    """The region of the generator's first plan (plan_metadata: doc plan region …)."""
    from policykg import api
    return api.query("plan_metadata", source)[1][0][2]


def _median_of_runs(rows_of: Callable[[], list], **extra: Any) -> None:
    """RUNS timed runs, each emitted, then their median (with `extra` and peak memory)."""
    median, rows = _runs(rows_of, lambda n, seconds, rows: emit(run=n, seconds=round(seconds, 4), rows=rows))
    emit(median=median, rows=rows, **extra, **peak_mb())


def _runs(rows_of: Callable[[], list], each: Callable[[int, float, int], None] | None = None) -> tuple[float, int]:
    """RUNS timed runs of `rows_of` (`each(n, seconds, rows)` after each): their median and row count."""
    times, rows = [], 0
    for _ in range(RUNS):
        seconds, result = timed(rows_of)
        times.append(seconds)
        rows = len(result)
        if each:
            each(len(times), seconds, rows)
    return round(statistics.median(times), 4), rows


def stage_audit(store: str, workers: int, engine: str = "shacl-rust") -> None:
    """The first audit straight from the store (batches of plans per engine call, shapes/store_audit.py),
    which also fills the store's audit cache (shapes/audit_cache.py): `--full`, so a store measured
    before is audited whole again."""
    from policykg import api
    seconds, report = timed(lambda: api.validate(store, workers=workers, engine=engine, full=True))
    emit(seconds=round(seconds, 3), engine=engine, findings=len(report.findings),
         plans=len(report.scorecards), **peak_mb())


def stage_reaudit(corpus: str, store: str, workers: int, engine: str = "shacl-rust") -> None:
    """After the full audit (which filled the store's audit cache): one plan changes (its document,
    with a line added at the end, loaded again; or, if the store holds that already, the document as
    it was) and the store is validated again; only that plan is audited, the others come from the
    cache.  Also times the cache keys alone (they are computed for every plan on every validate)."""
    import hashlib
    import tempfile
    import pyoxigraph as ox
    from policykg import api
    from policykg.graph import vocab as V
    from policykg.graph.oxigraph_store import plan_graphs
    from policykg.shapes.audit_cache import base_key, plan_keys
    first = documents(corpus)[0]
    text = first.read_bytes() + b"\n"
    source = api.open_store(store)
    if next(iter(source.native().quads_for_pattern(
            None, ox.NamedNode(str(V.sha256)), ox.Literal(hashlib.sha256(text).hexdigest()))), None) is not None:
        text = first.read_bytes()  # a second run on this store: back to the document as it was
    source.close()
    with tempfile.TemporaryDirectory() as tmp:
        edited = Path(tmp) / first.name
        edited.write_bytes(text)
        load_seconds, _ = timed(lambda: api.load([edited], store, workers=1, keep=False))
    source = api.open_store(store)
    keys_seconds, keys = timed(lambda: plan_keys(source.native(), plan_graphs(source.native()), base_key(None)))
    source.close()
    seconds, report = timed(lambda: api.validate(store, workers=workers, engine=engine))
    emit(seconds=round(seconds, 3), engine=engine, load_seconds=round(load_seconds, 3),
         keys_seconds=round(keys_seconds, 3), audited=report.cache.audited, cached=report.cache.cached,
         findings=len(report.findings), plans=len(report.scorecards), **peak_mb())


def stage_audit_plan(store: str, engine: str = "shacl-rust") -> None:
    """The audit as an auditor of one county runs it: `validate --plan <the first plan's region>`."""
    from policykg import api
    source = api.open_store(store)
    region = _first_region(source)
    seconds, report = timed(lambda: api.validate(source, engine=engine, plan=region))
    emit(seconds=round(seconds, 3), engine=engine, plan=region, findings=len(report.findings),
         plans=len(report.scorecards), **peak_mb())


def stage_reason(store: str) -> None:
    """The defined classes and links over the whole store, by the SPARQL rules run inside Oxigraph
    (the reasoner that reads nothing into memory; `rl`/`hermit` go plan by plan through rdflib)."""
    from policykg import api
    from policykg.ontology.reasoning import reason
    seconds, result = timed(lambda: reason(api.open_store(store), reasoner="sparql", per_plan=True))
    emit(seconds=round(seconds, 3), inferred_triples=result.triples, inferred_graphs=len(result.inferred),
         **peak_mb())


def stage_naive(corpus: str, trig: str, query_seconds: float) -> None:
    """The naive path: a TriG file parsed by rdflib, pyshacl over the whole union graph, and the
    library queries by rdflib's SPARQL engine (each query stopped at `query_seconds` by an alarm)."""
    import pyshacl
    from rdflib import Graph
    from policykg import queries
    from policykg.graph.store import MemoryStore
    from policykg.ontology import load_ontology
    from policykg.shapes.audit import load_shapes
    seconds, _ = timed(lambda: _naive_build(documents(corpus), trig))
    emit(step="build", seconds=round(seconds, 3), **peak_mb())
    parse, ds = timed(lambda: _parse_trig(trig))
    emit(step="parse", seconds=round(parse, 3), triples=len(ds), **peak_mb())
    store = MemoryStore(ds)
    for name in queries.available():
        q = queries.get(name).bind(None)
        emit(step="query", name=name, **_forked_runs(lambda: store.select(q), query_seconds))
    union = Graph()
    for ctx in ds.graphs():
        union += ctx
    union += load_ontology()
    seconds, (conforms, results, _) = timed(lambda: pyshacl.validate(
        union, shacl_graph=load_shapes(), inference="none", allow_warnings=True, abort_on_first=False))
    emit(step="audit", seconds=round(seconds, 3), **peak_mb())


def _forked_runs(fn: Callable[[], Any], budget: float) -> dict[str, Any]:
    """Up to RUNS timed calls of fn in a forked child (it shares the parsed graph), killed after
    `budget` seconds; returns the median over the runs that finished (a slow query stops early)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, report each time, exit without cleanup
        os.close(read)
        total = 0.0
        try:
            for _ in range(RUNS):
                seconds, _ = timed(fn)
                os.write(write, f"{seconds}\n".encode())
                total += seconds
                if total > budget / 2:
                    break
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, never raised there
            os.write(write, f"error {type(exc).__name__}\n".encode())
        os._exit(0)
    os.close(write)
    deadline = time.monotonic() + budget
    chunks: list[bytes] = []
    killed = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            killed = True
            break
        import select
        ready, _, _ = select.select([read], [], [], left)
        if ready:
            data = os.read(read, 4096)
            if not data:
                break
            chunks.append(data)
    os.waitpid(pid, 0)
    os.close(read)
    lines = b"".join(chunks).decode().split()
    error = next((ln for ln in lines if not ln[0].isdigit()), None)
    times = [float(ln) for ln in lines if ln[0].isdigit()]
    out: dict[str, Any] = {"median": round(statistics.median(times), 4) if times else None, "runs": len(times)}
    if killed and not times:
        out["over"] = budget
    if error:
        out["error"] = error
    return out


def _naive_build(files: list[Path], trig: str) -> None:
    """The plans read by the same loaders, as one rdflib Dataset in memory written by rdflib's own TriG
    serializer: what building a graph with rdflib alone costs (policykg's `build` to TriG is measured against
    it, and its `load` into the store beside)."""
    from policykg.graph.build import assemble, build_plan_graph
    from policykg.loaders.plan import load_plan
    ds = assemble([build_plan_graph(load_plan(f)) for f in files])
    ds.serialize(trig, format="trig")


def _parse_trig(path: str):
    from rdflib import Dataset
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig")
    return ds


STAGES: dict[str, Callable[..., None]] = {
    "correctness": stage_correctness, "build": stage_build, "load": stage_load, "query": stage_query, "query_plan": stage_query_plan,
    "query_filtered": stage_query_filtered, "query_write": stage_query_write, "query_kept": stage_query_kept,
    "audit_plan": stage_audit_plan, "reaudit": stage_reaudit,
    "audit": stage_audit, "reason": stage_reason, "naive": stage_naive,
}

if __name__ == "__main__":
    STAGES[sys.argv[1]](**json.loads(sys.argv[2]))
    sys.stdout.flush()
    os._exit(0)
