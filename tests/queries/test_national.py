"""National rows kept after a load (queries/national.py): the same rows as the query, filtered as the
query's own FILTER filters them, and never used once the store has changed."""
from __future__ import annotations

import sqlite3

import pytest

from policykg import api, queries
from policykg.errors import PolicyKGWarning, QueryError
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.queries import national


def _fresh(store: OxigraphStore, name: str, params: dict[str, str] | None = None):
    """The query's rows asked of the store itself."""
    q = queries.get(name)
    columns, rows = store.select(q.bind(params))
    return columns, queries.tidy_rows(q, columns, rows)


def _kept(store: OxigraphStore, name: str, params: dict[str, str] | None = None):
    found = national.cached(store, name, params)
    return None if found is None else (found[0], list(found[1]))


@pytest.fixture(scope="module")
def kept_store(corpus_paths, tmp_path_factory):
    path = tmp_path_factory.mktemp("kept") / "kg"
    api.load(corpus_paths, path, keep=False)
    with OxigraphStore(path, read_only=True) as store:
        counts = national.precompute(store, workers=2)
    return path, counts


def test_every_library_query_is_kept_with_the_querys_own_rows(kept_store):
    path, counts = kept_store
    assert set(counts) == set(queries.available())
    assert counts["tasks"] > 100 and counts["co_responsibility"] > 100 and counts["indicators"] > 40
    with OxigraphStore(path, read_only=True) as store:
        for name in queries.available():
            fresh = _fresh(store, name)
            assert _kept(store, name) == fresh, name
            assert len(fresh[1]) == counts[name], name
            assert api.query(name, store) == fresh, name


def _values(rows, columns, f):
    """Parameter values to try: every value of the filtered columns for `equals`; for `contains`,
    whole values, their first and last two characters and one character, and a value no row has."""
    seen = sorted({str(row[columns.index(c)]) for row in rows for c in f.columns} - {""})
    if f.op == "equals":
        return seen + ["no-such-value"]
    parts = {v[:2] for v in seen} | {v[-2:] for v in seen} | {v[:1] for v in seen}
    return seen[::7] + sorted(parts)[::3] + ["不存在的单位"]


def test_every_filters_line_keeps_the_rows_the_querys_filter_keeps(kept_store):
    path, _ = kept_store
    tried = 0
    with OxigraphStore(path, read_only=True) as store:
        for name in queries.available():
            q = queries.get(name)
            if not q.filters:
                continue
            columns, rows = _fresh(store, name)
            for f in q.filters:
                for value in _values(rows, columns, f):
                    params = {f.param: value}
                    assert _kept(store, name, params) == _fresh(store, name, params), (name, params)
                    tried += 1
    assert tried > 300


def test_two_filters_together_keep_the_rows_both_keep(kept_store):
    path, _ = kept_store
    with OxigraphStore(path, read_only=True) as store:
        for name, params in [("co_responsibility", {"unit": "残疾人联合会", "kind": "lead-support"}),
                             ("tasks_by_department_type", {"type": "civil-affairs", "role": "support"})]:
            fresh = _fresh(store, name, params)
            assert fresh[1], name  # the corpus has such rows: the test is not vacuous
            assert _kept(store, name, params) == fresh, name


def test_a_parameter_without_a_filters_line_is_asked_of_the_store(kept_store):
    path, _ = kept_store
    with OxigraphStore(path, read_only=True) as store:
        doc = _fresh(store, "tasks_led_by_unit")[1][0][0]  # a plan whose tasks name lead units
        title = next(row[1] for row in _fresh(store, "plan_metadata")[1] if row[0] == doc)
        params = {"plan": title[:8]}
        assert _kept(store, "tasks_led_by_unit", params) is None  # no column holds the plan's title
        columns, rows = api.query("tasks_led_by_unit", store, params)
        assert rows and (columns, rows) == _fresh(store, "tasks_led_by_unit", params)
        # a parameter given at its default value changes nothing: the kept rows answer
        assert _kept(store, "indicator_comparison", {"min_plans": "2"}) == _fresh(store, "indicator_comparison")
        assert _kept(store, "indicator_comparison", {"min_plans": "1"}) is None


def test_kept_rows_are_not_used_once_the_store_has_changed(corpus_paths, tmp_path):
    path = tmp_path / "kg"
    api.load(corpus_paths[:4], path)
    with OxigraphStore(path, read_only=True) as store:
        assert _kept(store, "units") == _fresh(store, "units")
        before = len(_kept(store, "projects_per_plan")[1])
    api.load(corpus_paths[4:], path, keep=False)  # a fifth plan: the kept rows are out of date
    with OxigraphStore(path, read_only=True) as store:
        assert national.cached(store, "units") is None
        assert national.cached(store, "tasks", {"plan": "残疾"}) is None
        assert national.stale(store, "projects_per_plan")
        with pytest.warns(PolicyKGWarning, match=r"rows kept for projects_per_plan are out of date.*"
                                                 r"policykg keep-rows --store"):
            columns, rows = api.query("projects_per_plan", store)
        assert (columns, rows) == _fresh(store, "projects_per_plan")
        assert len(rows) == before + 1


def test_load_keeps_the_rows_of_the_store_it_leaves(corpus_paths, tmp_path):
    path = tmp_path / "kg"
    api.load(corpus_paths[:2], path)
    api.load(corpus_paths[2:], path)  # the second load computes them again, over all five plans
    with OxigraphStore(path, read_only=True) as store:
        assert not any(national.stale(store, name) for name in queries.available())
        for name in ("tasks", "units", "projects_per_plan"):
            assert _kept(store, name) == _fresh(store, name), name
        assert len(_kept(store, "projects_per_plan")[1]) == 5


def test_an_audit_cache_written_into_the_store_leaves_the_rows_current(corpus_paths, tmp_path):
    path = tmp_path / "kg"
    api.load(corpus_paths[:3], path)
    report = api.validate(path)  # keeps its findings in the store: the store's files change
    assert report.cache.written
    with OxigraphStore(path, read_only=True) as store:
        assert _kept(store, "units") == _fresh(store, "units")
        led = _fresh(store, "tasks_led_by_unit", {"unit": "残疾人联合会"})
        assert led[1] and _kept(store, "tasks_led_by_unit", {"unit": "残疾人联合会"}) == led


def test_a_damaged_kept_file_is_passed_over_for_the_store(corpus_paths, tmp_path):
    path = tmp_path / "kg"
    api.load(corpus_paths[:2], path)
    national.kept_file(path, "tasks").write_bytes(b"not a database" * 100)
    db = sqlite3.connect(national.kept_file(path, "units"))
    db.execute("DROP TABLE rows")
    db.commit()
    db.close()
    with OxigraphStore(path, read_only=True) as store:
        for name in ("tasks", "units"):
            assert national.cached(store, name) is None
            assert api.query(name, store) == _fresh(store, name)


def test_rows_kept_by_another_version_of_the_query_answer_for_it_no_more(corpus_paths, tmp_path):
    # rows kept before an upgrade changed the query (tasks gained its `official` column) must not be
    # served with the old columns: the store answers, and the user is told to keep them again
    path = tmp_path / "kg"
    api.load(corpus_paths[:2], path)
    db = sqlite3.connect(national.kept_file(path, "tasks"))
    db.execute("UPDATE meta SET value = 'an older query' WHERE key = 'text'")
    db.commit()
    db.close()
    with OxigraphStore(path, read_only=True) as store:
        assert national.cached(store, "tasks") is None and national.stale(store, "tasks")
        assert not national.stale(store, "units")
        with pytest.warns(PolicyKGWarning, match=r"rows kept for tasks are out of date.*keep-rows"):
            columns, rows = api.query("tasks", store)
        assert columns[-2:] == ["deadline", "official"] and (columns, rows) == _fresh(store, "tasks")
    national.precompute(path, workers=1)
    with OxigraphStore(path, read_only=True) as store:
        assert not national.stale(store, "tasks") and _kept(store, "tasks") == _fresh(store, "tasks")


def test_a_failed_keep_leaves_no_temporary_file_and_the_earlier_rows(corpus_paths, tmp_path, monkeypatch):
    path = tmp_path / "kg"
    api.load(corpus_paths[:2], path)
    kept_before = national.kept_file(path, "units").read_bytes()

    def broken(path, name, before):
        raise RuntimeError(f"{name}: failed")
    monkeypatch.setattr(national, "_keep_one", broken)
    with pytest.raises(RuntimeError):
        national.precompute(path, workers=1)
    assert not [f for f in path.iterdir() if f.name.startswith(f".{national.PREFIX}")]
    assert national.kept_file(path, "units").read_bytes() == kept_before


@pytest.mark.parametrize("line, message", [
    ("# @filters unit contains", "malformed @filters line"),
    ("# @filters unit resembles unit", "malformed @filters line"),
    ("# @filters region contains unit", "no @param line above it declares"),
    ("# @filters unit contains unit_name", "not in @columns"),
])
def test_a_malformed_filters_line_is_an_error_naming_the_file(line, message):
    text = ("# @name q\n# @columns doc unit\n# @param unit ?unit_filter \"\" a unit\n"
            f"{line}\nSELECT ?doc ?unit WHERE {{ ?doc ?p ?unit }}\n")
    with pytest.raises(QueryError, match=message) as err:
        queries._parse("q", text)
    assert "q.rq" in str(err.value)


def test_a_store_directory_that_takes_no_file_is_a_clear_error(corpus_paths, tmp_path, monkeypatch):
    from policykg.errors import OutputError
    path = tmp_path / "kg"
    api.load(corpus_paths[:1], path, keep=False)

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("tempfile.mkstemp", refused)
    with pytest.raises(OutputError, match=r"kg: cannot keep the national rows beside the store \(Permission denied\)"):
        national.precompute(path, workers=1)


def test_a_file_compacted_away_while_stamped_is_left_out(tmp_path, monkeypatch):
    """RocksDB removes data files as it compacts, in the background: one gone between listing the
    folder and reading its size is left out of the stamp (which then differs, as the store has
    changed) instead of failing the query that asked."""
    for name in ("000010.sst", "000011.sst", "CURRENT"):
        (tmp_path / name).write_bytes(b"x")
    real_stat = type(tmp_path).stat

    def vanishing(self, *args, **kwargs):
        if self.name == "000010.sst":
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return real_stat(self, *args, **kwargs)
    monkeypatch.setattr(type(tmp_path), "stat", vanishing)
    assert [f[0] for f in national.stamp(tmp_path)] == ["000011.sst", "CURRENT"]
