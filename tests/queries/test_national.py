"""National aggregates kept after a load (queries/national.py): the same rows as the query, and never
used once the store has changed."""
from __future__ import annotations

from policykg import api, queries
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.queries import national


def _fresh(store: OxigraphStore, name: str):
    q = queries.get(name)
    columns, rows = store.select(q.bind(None))
    return columns, queries.tidy_rows(q, columns, rows)


def test_kept_aggregates_are_the_querys_rows_until_the_store_changes(corpus_paths, tmp_path):
    path = tmp_path / "kg"
    api.load(corpus_paths[:4], path, aggregates=False)
    with OxigraphStore(path, read_only=True) as store:
        assert national.cached(store, "units") is None  # none kept yet
        counts = national.precompute(store)
        assert set(counts) == set(national.AGGREGATES) and counts["units"] > 0
        for name in national.AGGREGATES:
            assert national.cached(store, name) == _fresh(store, name), name
            assert api.query(name, store) == _fresh(store, name), name
        assert national.cached(store, "tasks") is None  # a list, not kept
    api.load(corpus_paths[4:], path, aggregates=False)  # a fifth plan: the kept rows are out of date
    with OxigraphStore(path, read_only=True) as store:
        assert national.cached(store, "units") is None
        columns, rows = api.query("units", store)
        assert (columns, rows) == _fresh(store, "units")
        assert len({row[0] for row in rows}) > len({row[0] for row in national_rows(path)})


def national_rows(path):
    import json
    return json.loads((path / f"{national.PREFIX}units.json").read_text(encoding="utf-8"))["rows"]


def test_load_keeps_the_aggregates_of_the_store_it_leaves(corpus_paths, tmp_path):
    path = tmp_path / "kg"
    api.load(corpus_paths[:2], path)
    api.load(corpus_paths[2:], path)  # the second load computes them again, over all five plans
    with OxigraphStore(path, read_only=True) as store:
        for name in national.AGGREGATES:
            assert national.cached(store, name) == _fresh(store, name), name
        assert len(national.cached(store, "projects_per_plan")[1]) == 5


def test_an_audit_cache_written_into_the_store_leaves_the_aggregates_current(corpus_paths, tmp_path):
    path = tmp_path / "kg"
    api.load(corpus_paths[:3], path)
    report = api.validate(path)  # keeps its findings in the store: the store's files change
    assert report.cache.written
    with OxigraphStore(path, read_only=True) as store:
        assert national.cached(store, "units") == _fresh(store, "units")
