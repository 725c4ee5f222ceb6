"""The four foundation queries (tasks, indicators, projects, units): columns are a stable interface;
rows are checked against the example's ground truth and against the corpus as read."""
from __future__ import annotations

import pytest

from policykg import api, queries
from policykg.errors import QueryError
from policykg.graph.store import MemoryStore


@pytest.fixture(scope="module")
def example_store(example_path):
    return MemoryStore(api.build([example_path]).dataset)


@pytest.fixture(scope="module")
def corpus_store(corpus_paths):
    return MemoryStore(api.build(corpus_paths).dataset)


def rows_as_dicts(name, store, params=None):
    columns, rows = api.query(name, store, params)
    assert tuple(columns) == queries.get(name).columns
    return [dict(zip(columns, r)) for r in rows]


def test_library_documents_itself():
    assert set(queries.available()) >= {"tasks", "indicators", "projects", "units"}
    for name in queries.available():
        q = queries.get(name)
        assert q.titles.get("zh") and q.titles.get("en"), name
        assert q.questions.get("zh") and q.questions.get("en"), name
        assert q.columns, name


def test_tasks_columns_and_rows(example_store, example_expected):
    rows = rows_as_dicts("tasks", example_store)
    assert len(rows) == len(example_expected["tasks"]) + len(example_expected["appendix_rows"])
    body = rows[: len(example_expected["tasks"])]
    for got, want in zip(body, example_expected["tasks"]):
        assert (got["no"], got["title"], got["line"]) == (want["no"], want["title"], want["line"])
        assert got["lead"] == "|".join(sorted(want["lead"]))
        assert got["support"] == "|".join(sorted(want["support"]))
        assert got["doc"] == "example_plan.txt"
        assert got["plan"] == example_expected["title"]
    appendix = rows[len(example_expected["tasks"]):]
    assert [r["section"] for r in appendix] == ["重点工作任务分工表"] * len(appendix)
    assert [r["lead"] for r in appendix] == ["|".join(sorted(a["lead"])) for a in example_expected["appendix_rows"]]


def test_indicators_rows(example_store, example_expected):
    rows = rows_as_dicts("indicators", example_store)
    assert [(r["no"], r["name"], r["unit"], r["target"], r["attribute"], r["line"]) for r in rows] == [
        (i["no"], i["name"], i["unit"], i["target"], i["attribute"], i["line"]) for i in example_expected["indicators"]]
    assert [r["comparator"] or None for r in rows] == [i["comparator"] for i in example_expected["indicators"]]
    assert [float(r["value"]) if r["value"] != "" else None for r in rows] == [
        None if i["value"] is None else float(i["value"]) for i in example_expected["indicators"]]
    assert [r["milestones"] for r in rows] == [""] * len(rows)  # its table prints no milestone column


def test_indicators_milestones_on_rdflib_and_oxigraph(tmp_path):
    # a milestone (a 2023年 column between 2020年 and 2025年) is no target, but a researcher sees it:
    # each as its year and value as printed, by year; the same rows whichever engine answers
    from policykg.graph.oxigraph_store import OxigraphStore
    header = ("序号", "指标", "2020年", "2022年", "2023年", "2025年", "属性")
    rows = [("1", "残疾人康复服务覆盖率（%）", "85", "88", "90", "95", "约束性"),
            ("2", "残疾儿童入学率（%）", "90", "", "93", "97", "预期性"),
            ("3", "残疾人就业人数（万人）", "5", "", "", "6", "预期性")]
    path = tmp_path / "plan.txt"
    path.write_text("青山县“十四五”残疾人事业发展规划\n\n一、发展目标\n主要指标\n"
                    + "".join("\t".join(r) + "\n" for r in (header, *rows))
                    + "\n二、主要任务\n（一）完善低保制度。将符合条件的残疾人纳入低保。\n", encoding="utf-8")
    built = api.build([path])
    trig = tmp_path / "plan.trig"
    built.dataset.serialize(str(trig), format="trig")
    api.load([trig], tmp_path / "kg")
    oxigraph = OxigraphStore(tmp_path / "kg", read_only=True)
    try:
        for store in (MemoryStore(built.dataset), oxigraph):
            got = rows_as_dicts("indicators", store)
            assert [(r["name"], r["baseline"], r["target"], r["milestones"]) for r in got] == [
                ("残疾人康复服务覆盖率", "85", "95", "2022年：88；2023年：90"),
                ("残疾儿童入学率", "90", "97", "2023年：93"),
                ("残疾人就业人数", "5", "6", "")]
    finally:
        oxigraph.close()


def test_projects_rows(example_store, example_expected):
    rows = rows_as_dicts("projects", example_store)
    assert [(r["column"], r["group"] or None, r["no"] or None, r["title"], r["line"]) for r in rows] == [
        (p["column"], p["group"], p["no"], p["title"], p["line"]) for p in example_expected["projects"]]


def test_units_counts_on_corpus(corpus_store):
    rows = rows_as_dicts("units", corpus_store)
    by = {(r["doc"][:3], r["unit"]): r for r in rows}
    assert {r["doc"][:3] for r in rows} == {"002", "003", "004"}  # 000 and 001 name no units
    dpf = by[("002", "区残疾人联合会")]
    assert (dpf["region"], dpf["type"], dpf["lead_count"], dpf["support_count"]) == (
        "薛城区", "disabled-persons-federation", 24, 8)
    # rows 4,5,8,11,12,13,14,17,21-25,27-29,31,34-39,42 of the division table
    assert by[("004", "市残疾人联合会")]["lead_count"] == 24
    assert by[("003", "区民政局")]["type"] == "civil-affairs"
    leads_002 = {r["unit"] for r in rows if r["doc"].startswith("002") and r["lead_count"] > 0}
    assert leads_002 == {"区乡村振兴局", "区残疾人联合会", "区民政局", "区人力资源和社会保障局", "区医疗保障局",
                         "区住房和城乡建设局", "区卫生健康局", "区教育体育局", "区委宣传部", "区体育事业发展中心",
                         "区发展和改革局", "区农业农村局", "区司法局", "区公安分局", "区委组织部", "区政府办公室"}


def test_tasks_on_corpus(corpus_store):
    rows = rows_as_dicts("tasks", corpus_store)
    per_doc = {}
    for r in rows:
        per_doc[r["doc"][:3]] = per_doc.get(r["doc"][:3], 0) + 1
    assert per_doc == {"000": 38, "001": 28, "002": 32, "003": 29, "004": 80}
    first_003 = next(r for r in rows if r["doc"].startswith("003"))
    assert (first_003["lead"], first_003["line"]) == ("区农牧水务局", 81)
    assert first_003["support"] == "区委组织部|区就业服务中心|区残疾人联合会|区民政局"


def test_plan_parameter_filters(corpus_store):
    rows = rows_as_dicts("tasks", corpus_store, {"plan": "乌达区"})
    assert len(rows) == 29 and {r["doc"][:3] for r in rows} == {"003"}


@pytest.mark.parametrize("hostile", ['" } ; DROP ALL ; #', "x\" ) } UNION { ?s ?p ?o } #", "\\\" }", "}#{"])
def test_parameters_stay_literals(corpus_store, hostile):
    q = queries.get("tasks")
    text = q.bind({"plan": hostile})
    assert text.count("VALUES") == 1
    rows = rows_as_dicts("tasks", corpus_store, {"plan": hostile})
    assert rows == []  # no plan title contains the hostile text; nothing was injected


def test_unknown_query_and_parameter():
    with pytest.raises(QueryError, match="no query named 'nope'; available: "):
        queries.get("nope")
    with pytest.raises(QueryError, match="has no parameter colour"):
        queries.get("tasks").bind({"colour": "red"})
