"""National rows of the library's queries, computed once after a load and kept beside the store.

At 2,800 real-size plans the library's queries take 1-30 s over the whole store (Oxigraph evaluates
a national list at 9-20k rows a second; README "National scale"), where a researcher expects the
0.5 s a county's query takes and a list written at the speed of the disk.  `precompute(store)` runs
every library query with its parameters at their defaults (in parallel processes, each opening the
store read-only) and keeps its rows in the store directory, one SQLite file a query
(`policykg-kept-NAME.sqlite`, so a query reads only its own), stamped with the store's data files
(name, size, modification time: every write to an Oxigraph store appends to its write-ahead log or
adds table files, so any change changes the stamp).  `cached(store, name, params)` gives those rows,
in the query's order, only while the stamp still matches: a store changed since is queried afresh.

A query's parameters are answered from its kept rows when its header says, with `@filters`, which
output columns each one filters (`unit` keeps the rows whose `unit` column contains the value); a
parameter without such a line (`plan` where no column holds the plan's title) is asked of the store.
tests/queries/test_national.py holds every `@filters` line equal to the query's own FILTER.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterator

from rdflib import Literal
from rdflib.util import from_n3

from policykg.errors import OutputError
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.graph.serialize import temp_beside
from policykg.queries import ColumnFilter, NamedQuery, available, get, tidied

PREFIX = "policykg-kept-"
SUFFIX = ".sqlite"
#: precompute's processes at most: each holds one query's national evaluation (up to ~1.5 GB for the
#: largest lists at 2,800 plans), so more cores than this would trade memory for little time
MAX_WORKERS = 4
#: the Python values a row holds that SQLite keeps as they are (bool is an int to SQLite: not here)
_NATIVE = (int, float, str)


def kept_file(store: OxigraphStore | Path, name: str) -> Path:
    return _path(store) / f"{PREFIX}{name}{SUFFIX}"


def _path(store: OxigraphStore | Path) -> Path:
    return store.path if isinstance(store, OxigraphStore) else Path(store)


def stamp(path: Path) -> list[list[Any]]:
    """The store directory's data files as (name, size, modified ns): RocksDB's lock and info logs,
    which a read-only open may touch without changing any data, and this module's files are left out.
    A file removed while the folder is listed (a compaction in another process) is left out too."""
    out = []
    for f in path.iterdir():
        if f.name == "LOCK" or f.name.startswith(("LOG", PREFIX, f".{PREFIX}")):
            continue
        try:
            st = f.stat()
        except FileNotFoundError:  # RocksDB compacted it away meanwhile: the stamp then differs anyway
            continue
        out.append([f.name, st.st_size, st.st_mtime_ns])
    return sorted(out)


def precompute(store: OxigraphStore | Path, names: tuple[str, ...] | None = None, *,
               workers: int | None = None,
               progress: Callable[[str, int, int], None] | None = None) -> dict[str, int]:
    """Compute the national rows of `names` (default: every library query) and keep them in the store
    directory; returns the row count of each.  Run it on a store no one is writing to (after a load
    has closed its writer); if the store changes while it runs, nothing is kept."""
    path = _path(store)
    names = tuple(names or available())
    workers = max(1, min(workers or os.cpu_count() or 1, MAX_WORKERS, len(names)))
    before = stamp(path)
    made: dict[str, tuple[str, int]] = {}
    try:
        for i, (name, tmp, count) in enumerate(_run(path, names, before, workers), 1):
            made[name] = (tmp, count)
            if progress:  # (name, i, n) says item i has started: i done, the next one started
                progress(name, i + 1, len(names))
        if stamp(path) != before:
            return {}
        counts = {name: count for name, (_, count) in made.items()}
        for name, (tmp, _) in list(made.items()):
            os.replace(tmp, kept_file(path, name))
            del made[name]
        return counts
    finally:
        for tmp, _ in made.values():  # not renamed: a failure, or a store changed meanwhile
            Path(tmp).unlink(missing_ok=True)


def _run(path: Path, names: tuple[str, ...], before: list[list[Any]],
         workers: int) -> Iterator[tuple[str, str, int]]:
    """`_keep_one` of every name, in this process or in `workers` processes; on a failure the
    temporary files of the queries that did finish are removed before it is raised."""
    if workers == 1:
        yield from (_keep_one(str(path), name, before) for name in names)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_keep_one, str(path), name, before) for name in names]
        try:
            for future in futures:
                yield future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            for future in futures:
                if not future.cancelled() and future.exception() is None:
                    Path(future.result()[1]).unlink(missing_ok=True)
            raise


def _keep_one(path: str, name: str, before: list[list[Any]]) -> tuple[str, str, int]:
    """One query's national rows into a temporary SQLite file in the store directory (renamed into
    place by `precompute` once every query is done); returns (name, that file, row count)."""
    q = get(name)
    try:
        fd, tmp = temp_beside(path, f".{PREFIX}{name}.", SUFFIX)
    except OSError as exc:
        raise OutputError(f"{path}: cannot keep the national rows beside the store ({exc.strerror})") from None
    os.close(fd)
    try:
        with OxigraphStore(path, read_only=True) as store:
            columns, rows = store.stream(q.bind(None))
            db = sqlite3.connect(tmp)
            try:
                db.execute("PRAGMA journal_mode=OFF")
                db.execute("PRAGMA synchronous=OFF")
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute(f"CREATE TABLE rows ({', '.join(f'c{i}' for i in range(len(columns)))})")
                marks = ", ".join("?" * len(columns))
                db.executemany(f"INSERT INTO rows VALUES ({marks})",
                               (tuple(map(_encode, row)) for row in tidied(q, columns, rows)))
                count = db.execute("SELECT COUNT(*) FROM rows").fetchone()[0]
                db.executemany("INSERT INTO meta VALUES (?, ?)",
                               [("stamp", json.dumps(before)), ("columns", json.dumps(columns)),
                                ("query", name), ("text", _digest(q))])
                db.commit()
            finally:
                db.close()
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return name, tmp, count


def _encode(value: Any) -> Any:
    """A row value as SQLite keeps it: str/int/float as they are, others (decimal, date, boolean) as
    their RDF literal's N-Triples bytes, read back to the same Python value by `_decode`."""
    if value is None or type(value) in _NATIVE:
        return value
    term = value if isinstance(value, Literal) else Literal(value)
    return term.n3().encode("utf-8")


def _decode(value: Any) -> Any:
    return from_n3(value.decode("utf-8")).toPython() if isinstance(value, bytes) else value


def answers(q: NamedQuery, params: dict[str, str] | None) -> bool:
    """Whether kept rows can answer `q` bound with `params`: each parameter not at its default has
    an `@filters` line."""
    declared = {f.param for f in q.filters}
    return all(p in declared for p in q.given(params))


def _opened(store: OxigraphStore | Path, name: str) -> tuple[sqlite3.Connection, dict[str, str]] | None:
    """Query `name`'s kept file opened read-only, with its meta table; None when there is none or it
    cannot be read (a damaged file is passed over: the store answers)."""
    path = kept_file(store, name)
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return db, dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        db.close()
        return None


def _digest(q: NamedQuery) -> str:
    """The query's text as its kept rows remember it: rows kept by another version of the query (a
    policykg upgrade that added a column) answer for it no more."""
    return hashlib.sha256(q.text.encode("utf-8")).hexdigest()


def _current(meta: dict[str, str], q: NamedQuery, store: OxigraphStore | Path) -> bool:
    """Were these rows kept by this query from the store as it is now?"""
    try:
        return meta.get("text") == _digest(q) and json.loads(meta.get("stamp", "null")) == stamp(_path(store))
    except ValueError:
        return False


def cached(store: OxigraphStore | Path, name: str,
           params: dict[str, str] | None = None) -> tuple[list[str], Iterator[tuple[Any, ...]]] | None:
    """The rows `precompute` kept for query `name`, filtered by `params` as its `@filters` lines say,
    in the query's order, if the store has not changed since they were kept; else None (ask the store)."""
    q = get(name)
    opened = _opened(store, name) if answers(q, params) else None
    if opened is None:
        return None
    db, meta = opened
    try:
        if not _current(meta, q, store):
            db.close()
            return None
        columns = json.loads(meta["columns"])
        where, values = _where(q.filters, columns, q.given(params))
        cursor = db.execute(f"SELECT * FROM rows{where} ORDER BY rowid", values)
    except (sqlite3.Error, ValueError, KeyError):
        db.close()
        return None
    return columns, _rows(db, cursor)


def stale(store: OxigraphStore | Path, name: str) -> bool:
    """Were rows kept for query `name` that the store has changed since (a load with --no-keep-rows,
    `reason --write`), or by another version of the query (kept before an upgrade)?  A query then
    asks the store, which is correct but slow at national scale."""
    opened = _opened(store, name)
    if opened is None:
        return False
    db, meta = opened
    db.close()
    if "stamp" not in meta:
        return False
    try:
        json.loads(meta["stamp"])
    except ValueError:  # a damaged stamp: passed over like a damaged file, not called stale
        return False
    return not _current(meta, get(name), store)


def _where(filters: tuple[ColumnFilter, ...], columns: list[str],
           given: dict[str, str]) -> tuple[str, list[str]]:
    """The SQL condition keeping the rows `given` keeps: each parameter's columns (any one of them)."""
    clauses, values = [], []
    for f in filters:
        if f.param not in given:
            continue
        cols = [f"c{columns.index(c)}" for c in f.columns]
        if f.op == "contains":
            clauses.append("(" + " OR ".join(f"instr({c}, ?) > 0" for c in cols) + ")")
        else:
            clauses.append("(" + " OR ".join(f"{c} = ?" for c in cols) + ")")
        values += [given[f.param]] * len(cols)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), values


def _rows(db: sqlite3.Connection, cursor: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    try:
        for row in cursor:
            yield tuple(map(_decode, row))
    finally:
        db.close()


def carry_over(path: Path, before: list[list[Any]]) -> None:
    """After a write that changes no answer of the library's queries (the audit cache's own graph),
    keep the rows that were current under the stamp `before` current under the store's stamp now."""
    now = json.dumps(stamp(path))
    for f in path.glob(f"{PREFIX}*{SUFFIX}"):
        try:
            db = sqlite3.connect(f)
            try:
                with db:
                    db.execute("UPDATE meta SET value = ? WHERE key = 'stamp' AND value = ?",
                               (now, json.dumps(before)))
            finally:
                db.close()
        except sqlite3.Error:
            continue
