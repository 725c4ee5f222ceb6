"""National aggregates answered from rows computed once after a load, while the store is unchanged.

At 2,800 real-size plans the library's aggregate queries take 0.7-5 s over the whole store (they read
every plan's 575k lead/support links however they are written; README "National scale"), where a
researcher expects the 0.5 s a county's query takes.  `precompute(store)` runs each of them with its
parameters at their defaults and keeps the rows in the store directory (`policykg-aggregate-NAME.json`,
one file a query, so a query reads only its own),
stamped with the store's data files (name, size, modification time: every write to an Oxigraph store
appends to its write-ahead log or adds table files, so any change changes the stamp); `cached(store,
name)` gives those rows only while the stamp still matches, so a store changed since is queried afresh
rather than answered from old rows.  The rows are those of the query itself (tested against it).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from policykg.graph.oxigraph_store import OxigraphStore
from policykg.graph.serialize import atomic_write
from policykg.queries import get, tidy_rows

#: the aggregate queries of the library (GROUP BY over every plan) whose national rows are kept
AGGREGATES = ("cited_documents", "department_type_workload", "department_type_workload_overall",
              "projects_per_plan", "projects_per_section", "tasks_per_section", "unit_workload", "units")
PREFIX = "policykg-aggregate-"


def kept_file(store: OxigraphStore, name: str) -> Path:
    return store.path / f"{PREFIX}{name}.json"


def stamp(path: Path) -> list[list[Any]]:
    """The store directory's data files as (name, size, modified ns): RocksDB's lock and info logs,
    which a read-only open may touch without changing any data, and this module's files are left out."""
    out = []
    for f in path.iterdir():
        if f.name == "LOCK" or f.name.startswith(("LOG", PREFIX, f".{PREFIX}")):
            continue
        st = f.stat()
        out.append([f.name, st.st_size, st.st_mtime_ns])
    return sorted(out)


def precompute(store: OxigraphStore, names: tuple[str, ...] = AGGREGATES) -> dict[str, int]:
    """Compute the national rows of `names` and keep them in the store directory; returns the row
    count of each.  Run it on a store no one is writing to (after a load has closed its writer, e.g.
    opened read-only); if the store changes while it runs, nothing is kept."""
    before = stamp(store.path)
    results = {}
    for name in names:
        q = get(name)
        columns, rows = store.select(q.bind(None))
        results[name] = {"stamp": before, "columns": columns, "rows": tidy_rows(q, columns, rows)}
    if stamp(store.path) != before:
        return {}
    for name, kept in results.items():
        with atomic_write(kept_file(store, name), "w") as fh:
            json.dump(kept, fh, ensure_ascii=False)
    return {name: len(kept["rows"]) for name, kept in results.items()}


def cached(store: OxigraphStore, name: str) -> tuple[list[str], list[tuple[Any, ...]]] | None:
    """The rows `precompute` kept for query `name` (parameters at their defaults), if the store has
    not changed since; else None."""
    path = kept_file(store, name)
    if name not in AGGREGATES or not path.is_file():
        return None
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if kept.get("stamp") != stamp(store.path):
        return None
    return kept["columns"], [tuple(row) for row in kept["rows"]]


def carry_over(path: Path, before: list[list[Any]]) -> None:
    """After a write that changes no answer of these queries (the audit cache's own graph), keep the
    rows that were current under the stamp `before` current under the store's stamp now."""
    now = stamp(path)
    for f in path.glob(f"{PREFIX}*.json"):
        try:
            kept = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if kept.get("stamp") == before:
            kept["stamp"] = now
            with atomic_write(f, "w") as fh:
                json.dump(kept, fh, ensure_ascii=False)
