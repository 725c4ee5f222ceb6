"""The research query library beyond the foundation four: every named query runs on the five corpus
plans, and each test asserts rows checked by reading the documents in ../shared/corpus (the comment
above each assertion says what was read where).  Also: every .rq file documents itself and returns
exactly its `@columns`, and every parameter stays a literal whatever text it is given."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib.plugins.sparql import prepareQuery

from policykg import api, queries
from policykg.errors import QueryError
from policykg.graph.store import MemoryStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "queries"
FOUNDATION = {"tasks", "indicators", "projects", "units"}
#: the questions the issue asks the library to answer (at least these must exist)
REQUIRED = {
    "tasks_led_by_unit", "tasks_supported_by_unit", "tasks_by_department_type", "unit_workload",
    "department_type_workload", "department_type_workload_overall", "co_responsibility",
    "tasks_without_lead", "tasks_without_measurable_target", "binding_indicators_without_numeric_target",
    "indicator_comparison", "projects_per_plan", "projects_per_section", "tasks_per_section",
    "cited_documents", "plan_metadata",
}
#: one value holding every character that could end a literal or a block: " } # and \\
HOSTILE = 'x" ) } UNION { ?s ?p ?o } # \\" }#{'
DOC = {"000": "000_923142c7cfa8cd52.txt", "001": "001_dcdd1ccd3c079aad.txt",
       "002": "002_cf683c4f70f25305.txt", "003": "003_b28938235eb88753.txt",
       "004": "004_2256e991e02e6265.txt"}
TITLE = {"000": "兰州市西固区“十四五”残疾人保障和发展规划", "001": "宁波市奉化区残疾人事业发展“十四五”规划",
         "002": "薛城区残疾人事业发展“十四五”规划", "003": "乌达区“十四五”残疾人事业发展规划",
         "004": "连州市“十四五”残疾人保障和发展实施方案"}


@pytest.fixture(scope="module")
def store(corpus_paths):
    return MemoryStore(api.build(corpus_paths).dataset)


def rows(name: str, source, params: dict[str, str] | None = None) -> list[dict]:
    columns, result = api.query(name, source, params)
    assert tuple(columns) == queries.get(name).columns, name
    return [dict(zip(columns, r)) for r in result]


def per_doc(result: list[dict]) -> dict[str, int]:
    return dict(Counter(r["doc"][:3] for r in result))


# --- the library as a whole -------------------------------------------------------------------

def test_library_has_the_research_queries():
    new = set(queries.available()) - FOUNDATION
    assert len(new) >= 15
    assert REQUIRED <= new


@pytest.mark.parametrize("name", queries.available())
def test_every_query_documents_itself_and_returns_its_columns(store, name):
    q = queries.get(name)
    assert q.name == name
    assert q.titles.get("zh") and q.titles.get("en")
    assert q.questions.get("zh") and q.questions.get("en")
    assert q.columns and len(set(q.columns)) == len(q.columns)
    assert set(q.lists) <= set(q.columns)
    for p in q.params:
        assert p.description, f"{name}: parameter {p.name} has no description"
        assert "default" in p.description, f"{name}: parameter {p.name} does not say its default"
    # runs on the corpus and gives exactly the documented columns, in order
    columns, result = api.query(name, store)
    assert tuple(columns) == q.columns
    assert all(len(r) == len(q.columns) for r in result)


@pytest.mark.parametrize("name", [n for n in queries.available() if queries.get(n).params])
def test_every_parameter_stays_a_literal(store, name):
    q = queries.get(name)
    for p in q.params:
        prepareQuery(q.bind({p.name: HOSTILE}))  # still one well-formed query: nothing broke out
        assert rows(name, store, {p.name: HOSTILE}) == [], (name, p.name)


def test_param_descriptions_may_hold_any_text():
    q = queries._parse("x", "# @param unit ?u \"\" Either unit's name (default: all)\nSELECT * WHERE { }\n")
    assert (q.params[0].name, q.params[0].default, q.params[0].description) == (
        "unit", "", "Either unit's name (default: all)")
    with pytest.raises(QueryError, match="malformed @param line"):
        queries._parse("x", "# @param unit u\nSELECT * WHERE { }\n")


# --- who does what --------------------------------------------------------------------------------

def test_tasks_led_by_unit(store):
    got = rows("tasks_led_by_unit", store, {"unit": "区残疾人联合会", "plan": "薛城区"})
    # 002: the （牵头单位：…） clauses naming 区残联 in the task chapter 二, read line by line; the one on
    # line 195 is in 三、保障机制 (not a task chapter) and is rightly absent.
    assert [r["line"] for r in got] == [86, 87, 88, 90, 104, 106, 107, 108, 118, 129, 130, 131, 153, 154,
                                        155, 164, 165, 177, 180, 181, 182, 184, 185, 186]
    assert {(r["doc"], r["region"], r["unit"], r["type"]) for r in got} == {
        (DOC["002"], "薛城区", "区残疾人联合会", "disabled-persons-federation")}
    first = got[0]
    # line 86: 2、提高基层服务残疾人能力 … （牵头单位：区残联；责任单位：区民政局、区财政局、区乡村振兴局、区卫健局）
    assert (first["no"], first["title"]) == ("2", "提高基层服务残疾人能力")
    assert first["section"] == "健全残疾人社会保障体系，全面改善残疾人生活质量"
    assert first["support"].split("|") == sorted(["区民政局", "区财政局", "区乡村振兴局", "区卫生健康局"])
    # civil-affairs bureaus lead: 002 lines 88, 90, 108; 003 lines 82, 83, 118, 171; 004 rows 1, 2, 3,
    # 12, 15, 19, 44 of the 重点工作任务分工表
    assert per_doc(rows("tasks_led_by_unit", store, {"unit": "民政局"})) == {"002": 3, "003": 4, "004": 7}


def test_tasks_supported_by_unit(store):
    got = rows("tasks_supported_by_unit", store, {"unit": "财政局", "plan": "薛城区"})
    # 002: 区财政局 appears after 责任单位： on these task lines (and on line 195, outside the tasks)
    assert [r["line"] for r in got] == [86, 87, 106, 118, 129, 131, 165, 181]
    by_line = {r["line"]: r for r in got}
    # line 118: （牵头单位：区残联、区人社局；责任单位：区财政局、…）
    assert by_line[118]["lead"].split("|") == sorted(["区残疾人联合会", "区人力资源和社会保障局"])
    assert by_line[118]["title"] == "完善残疾人就业创业政策"
    # 004: 各镇（乡）残联 supports division-table rows 8, 11, 12 and 42
    towns = rows("tasks_supported_by_unit", store, {"unit": "各镇", "plan": "连州市"})
    assert [r["no"] for r in towns] == ["8", "11", "12", "42"]
    assert {r["unit"] for r in towns} == {"各镇（乡）残联"}


def test_tasks_by_department_type(store):
    got = rows("tasks_by_department_type", store, {"type": "civil-affairs"})
    # 002: 民政局 leads on lines 88, 90, 108 and is a 责任单位 on 14 task lines; 003: leads 4 (lines 82,
    # 83, 118, 171), supports 14 (…按照职能分工负责 clauses); 004: 负责单位 in 7 rows, 配合单位 in 25 rows
    counts = Counter((r["doc"][:3], r["role"]) for r in got)
    assert counts == {("002", "lead"): 3, ("002", "support"): 14, ("003", "lead"): 4,
                      ("003", "support"): 14, ("004", "lead"): 7, ("004", "support"): 25}
    assert {(r["type"], r["type_label"]) for r in got} == {("civil-affairs", "民政局")}
    assert {r["unit"] for r in got} == {"区民政局", "市民政局"}
    leads = rows("tasks_by_department_type", store, {"type": "civil-affairs", "role": "lead", "plan": "连州"})
    # 004 appendix row 1: 完善城乡居民最低生活保障制度… | 市民政局 | 市财政局、市残联
    assert [r["no"] for r in leads] == ["1", "2", "3", "12", "15", "19", "44"]
    assert leads[0]["title"] == "完善城乡居民最低生活保障制度，实现符合条件的残疾人家庭或个人全覆盖"


def test_unit_workload(store):
    got = rows("unit_workload", store, {"plan": "薛城区"})
    top = got[0]
    # 002: 区残联 leads 24 tasks (12 of them alone: lines 86, 87, 104, 106, 107, 130, 153, 164, 165,
    # 181, 184, 185) and supports 8 more: it is named in every one of the plan's 32 tasks
    assert (top["unit"], top["lead_count"], top["sole_lead_count"], top["support_count"], top["total_count"]) == (
        "区残疾人联合会", 24, 12, 8, 32)
    by = {r["unit"]: r for r in got}
    # 区财政局 leads nothing in the task chapter and supports the 8 lines listed above
    assert (by["区财政局"]["lead_count"], by["区财政局"]["support_count"], by["区财政局"]["total_count"]) == (0, 8, 8)
    # 区民政局 co-leads lines 88, 90, 108 (with 区残联: never alone) and supports 14 tasks
    assert (by["区民政局"]["lead_count"], by["区民政局"]["sole_lead_count"], by["区民政局"]["support_count"]) == (3, 0, 14)
    assert [r["total_count"] for r in got] == sorted((r["total_count"] for r in got), reverse=True)
    assert {r["doc"][:3] for r in rows("unit_workload", store)} == {"002", "003", "004"}


def test_department_type_workload(store):
    got = rows("department_type_workload", store, {"type": "disabled-persons-federation"})
    # 002 and 003: one 区残联 each (leads 24 / 18, supports 8 / 11); 004: 市残联 and 各镇（乡）残联 (负责单位
    # in 24 rows, 配合单位 in 23 rows of the division table)
    assert [(r["doc"][:3], r["units"], r["lead_count"], r["support_count"]) for r in got] == [
        ("002", 1, 24, 8), ("003", 1, 18, 11), ("004", 2, 24, 23)]
    assert {r["type_label"] for r in got} == {"残疾人联合会"}
    civil = rows("department_type_workload", store, {"type": "civil-affairs", "plan": "乌达区"})
    assert [(r["doc"][:3], r["units"], r["lead_count"], r["support_count"]) for r in civil] == [("003", 1, 4, 14)]


def test_department_type_workload_overall(store):
    got = {r["type"]: r for r in rows("department_type_workload_overall", store)}
    # the per-plan numbers above, summed: civil affairs leads 3 + 4 + 7 and supports 14 + 14 + 25
    civil = got["civil-affairs"]
    assert (civil["plans"], civil["units"], civil["lead_count"], civil["support_count"]) == (3, 3, 14, 53)
    dpf = got["disabled-persons-federation"]
    assert (dpf["plans"], dpf["units"], dpf["lead_count"]) == (3, 4, 24 + 18 + 24)
    first = rows("department_type_workload_overall", store)[0]
    assert first["type"] == "disabled-persons-federation"  # the federations lead most tasks
    assert rows("department_type_workload_overall", store, {"type": "finance"})[0]["lead_count"] == 3


def test_co_responsibility(store):
    every = rows("co_responsibility", store)
    assert {r["doc"][:3] for r in every} == {"002", "003", "004"}  # 000 and 001 name no units
    got = [r for r in every if r["doc"] == DOC["002"]]
    # 002: 区残联 is 牵头单位 and 区卫健局 a 责任单位 of the same task on 15 task lines — the plan's strongest tie
    assert got[0] == {"doc": DOC["002"], "unit_a": "区残疾人联合会", "unit_b": "区卫生健康局",
                      "kind": "lead-support", "weight": 15}
    lead_lead = {(r["unit_a"], r["unit_b"]): r["weight"] for r in got if r["kind"] == "lead-lead"}
    # co-leads: 区残联、区民政局 on lines 88, 90, 108; 区残联、区人社局 on lines 118, 129, 131
    assert lead_lead[("区残疾人联合会", "区民政局")] == 3
    assert lead_lead[("区人力资源和社会保障局", "区残疾人联合会")] == 3
    assert all(r["unit_a"] < r["unit_b"] for r in every if r["kind"] != "lead-support")
    # 003 line 145 names 区住房和城乡建设局 both as lead and among the supporters: no self-pair
    assert all(r["unit_a"] != r["unit_b"] for r in every)
    wuda = rows("co_responsibility", store, {"plan": "乌达区", "kind": "lead-lead", "unit": "民政局"})
    # 003: （区残疾人联合会、民政局牵头；…） on lines 82, 83, 118 and 171
    assert [(r["unit_a"], r["unit_b"], r["weight"]) for r in wuda] == [("区残疾人联合会", "区民政局", 4)]


# --- gaps ---------------------------------------------------------------------------------------

def test_tasks_without_lead(store):
    got = rows("tasks_without_lead", store)
    # 000 and 001 name no units at all; 002 and 003 give every task a lead; 004's 36 body tasks have none
    # (its units are in the appendix division table, whose 44 rows all name a 负责单位)
    assert per_doc(got) == {"000": 38, "001": 28, "004": 36}
    lianzhou = [r for r in got if r["doc"] == DOC["004"]]
    assert sum(1 for r in lianzhou if r["implementing_leads"]) == 20
    by_title = {r["title"]: r for r in lianzhou}
    # body task 3 强化残疾人社会救助保障 is implemented by division-table row 1 (负责单位 市民政局) and row 8
    # (负责单位 市残联)
    assert by_title["强化残疾人社会救助保障"]["implementing_leads"].split("|") == sorted(["市民政局", "市残疾人联合会"])
    assert by_title["保障残疾人基本住房安全便利"]["implementing_leads"] == ""
    assert all(r["support"] == "" for r in got)


def test_tasks_without_measurable_target_on_hand_made_graph():
    fixture = FIXTURES / "measurable_targets.trig"
    got = rows("tasks_without_measurable_target", fixture)
    # the fixture's header lists which of its six tasks are measurable: only T4 and T6 are not
    assert [(r["no"], r["title"], r["lead"], r["indicators"], r["line"]) for r in got] == [
        ("4", "促进残疾人增收", "区民政局", "残疾人家庭人均收入年均增长", 14),
        ("6", "营造扶残助残社会氛围", "", "", 16)]
    assert {(r["doc"], r["plan"], r["section"]) for r in got} == {
        ("measurable_targets.txt", "测试区“十四五”残疾人事业发展规划", "提升残疾人保障水平")}
    assert rows("tasks_without_measurable_target", fixture, {"plan": "薛城区"}) == []


def test_binding_indicators_without_numeric_target(store):
    got = rows("binding_indicators_without_numeric_target", store)
    # 000 line 167: 11.困难重度残疾人家庭无障碍改造数() | —— | 约束性 — the table prints no target. Every
    # other 约束性 row of the five tables has a number (003 prints ≥362 户 for the same indicator).
    assert got == [{"doc": DOC["000"], "no": "11", "name": "困难重度残疾人家庭无障碍改造数", "unit": "",
                    "baseline": "——", "target": "", "line": 167}]


# --- comparisons across plans ---------------------------------------------------------------------

def test_indicator_comparison(store):
    got = rows("indicator_comparison", store)
    keys = Counter(r["key"] for r in got)
    # 11 indicators appear in two or more of the five tables (44 rows)
    assert len(keys) == 11 and len(got) == 44
    subsidy = [r for r in got if r["name"] == "困难残疾人生活补贴覆盖率"]
    # printed in all five tables: 000 line 111 (100), 001 line 130 (>99%), 002 line 42 (100),
    # 003 line 46 (100), 004 line 41 (100%), always 约束性
    assert [(r["doc"][:3], r["target"], r["attribute"], r["line"], r["plans"]) for r in subsidy] == [
        ("000", "100", "约束性", 111, 5), ("001", ">99%", "约束性", 130, 5), ("002", "100", "约束性", 42, 5),
        ("003", "100", "约束性", 46, 5), ("004", "100%", "约束性", 41, 5)]
    assert [r["baseline"] for r in subsidy] == ["100", "", "100", "", "100%"]  # 001 and 003 print no 2020 column
    pension = [r for r in got if r["key"] == "残疾人城乡居民基本养老保险参保"]
    # 000 prints …参保 (no 率) in a % table, 004 prefixes 符合政策的; 003's 残疾人基本养老保险参保率 omits
    # 城乡居民 and is kept apart
    assert [(r["doc"][:3], r["name"], r["baseline"], r["target"]) for r in pension] == [
        ("000", "残疾人城乡居民基本养老保险参保", "99.5", "100"),
        ("001", "残疾人城乡居民基本养老保险参保率", "", "≥99%"),
        ("002", "残疾人城乡居民基本养老保险参保率", "95", ">96"),
        ("004", "符合政策的残疾人城乡居民基本养老保险参保率", "92.22%", "＞90%")]
    income = [r for r in got if r["key"] == "残疾人家庭人均收入年均增长"]
    # 年均增长 (000, 003) and 年均增速 (001, 004) are one indicator
    assert [(r["doc"][:3], r["target"]) for r in income] == [
        ("000", "与国内生产总值增长基本同步"), ("001", "与区生产总值增长同步"), ("003", ">7.5"),
        ("004", "与国内生产总值增长基本同步")]
    every = rows("indicator_comparison", store, {"min_plans": "1"})
    assert len(every) == 11 + 14 + 9 + 11 + 10  # every indicator of the five tables
    alone = [r for r in every if r["name"] == "残疾人基本养老保险参保率"]
    assert [(r["doc"][:3], r["plans"]) for r in alone] == [("003", 1)]
    assert [r["doc"][:3] for r in rows("indicator_comparison", store, {"indicator": "养老"})] == [
        "000", "001", "002", "004"]


def test_projects_per_plan(store):
    got = {r["doc"][:3]: (r["plan"], r["columns"], r["projects"]) for r in rows("projects_per_plan", store)}
    # 000: 专栏3–专栏10 (专栏1 is the indicator table, the text has no 专栏2); 002: 专栏1–8; 003: 专栏2–7
    # (专栏1 holds the indicators); 001 and 004 print no project box
    assert got == {"000": (TITLE["000"], 8, 55), "001": (TITLE["001"], 0, 0), "002": (TITLE["002"], 8, 44),
                   "003": (TITLE["003"], 6, 34), "004": (TITLE["004"], 0, 0)}


def test_projects_per_section(store):
    got = rows("projects_per_section", store)
    assert per_doc(got) == {"000": 5, "002": 6, "003": 6}
    totals = Counter()
    for r in got:
        totals[r["doc"][:3]] += r["projects"]
    assert totals == {"000": 55, "002": 44, "003": 34}
    xuecheng = {r["section"]: r for r in got if r["doc"] == DOC["002"]}
    # 002 section （三）: 专栏3 (7 subsidies and awards) and 专栏4 (7 employment services)
    jobs = xuecheng["优化残疾人就业创业机制，让残疾人过上更可持续更有尊严的生活"]
    assert (jobs["chapter"], jobs["columns"], jobs["projects"], jobs["line"]) == ("重点任务和主要措施", 2, 14, 117)
    assert [r["line"] for r in got if r["doc"] == DOC["002"]] == sorted(r["line"] for r in xuecheng.values())


def test_tasks_per_section(store):
    got = rows("tasks_per_section", store)
    totals, with_lead = Counter(), Counter()
    for r in got:
        totals[r["doc"][:3]] += r["tasks"]
        with_lead[r["doc"][:3]] += r["tasks_with_lead"]
    assert totals == {"000": 38, "001": 28, "002": 32, "003": 29, "004": 80}
    assert +with_lead == {"002": 32, "003": 29, "004": 44}  # 000 and 001 name no units
    appendix = got[-1]
    # 004 line 151: 重点工作任务分工表 under 附件, 44 numbered rows, each with a 负责单位
    assert (appendix["doc"], appendix["chapter"], appendix["section"], appendix["tasks"],
            appendix["tasks_with_lead"], appendix["line"]) == (DOC["004"], "附件", "重点工作任务分工表", 44, 44, 151)
    first_002 = next(r for r in got if r["doc"] == DOC["002"])
    # 002 line 84: （一）健全残疾人社会保障体系… followed by tasks 1、 to 7、 on lines 85–91
    assert (first_002["section"], first_002["tasks"], first_002["line"]) == (
        "健全残疾人社会保障体系，全面改善残疾人生活质量", 7, 84)


# --- documents and plans --------------------------------------------------------------------------

def test_cited_documents(store):
    got = rows("cited_documents", store)
    # the preambles' 依据/根据《…》: 000 cites 5, 001 1, 002 2, 003 4 and 004 4 documents, none cited by two plans
    assert len(got) == 16 and {r["plan_count"] for r in got} == {1}
    assert Counter(r["docs"][:3] for r in got) == {"000": 5, "001": 1, "002": 2, "003": 4, "004": 4}
    law = [r for r in got if r["document"] == "中华人民共和国残疾人保障法"]
    # only 000's preamble cites the law (003 names 《残疾人保障法》 in its background chapter, not as basis)
    assert law == [{"document": "中华人民共和国残疾人保障法", "plan_count": 1, "plans": TITLE["000"],
                    "docs": DOC["000"]}]
    state_council = rows("cited_documents", store, {"document": "国务院"})
    assert [(r["document"], r["docs"][:3]) for r in state_council] == [
        ("国务院“十四五”残疾人保障和发展规划", "000"), ("国务院关于印发“十四五”残疾人保障和发展规划的通知", "003")]
    assert len(rows("cited_documents", store, {"plan": "乌达区"})) == 4


def test_plan_metadata(store):
    got = {r["doc"][:3]: r for r in rows("plan_metadata", store)}
    # 000: notice of 兰州市西固区人民政府 dated 2022年9月6日, web page 发布日期:2023-02-27, no 文号
    assert got["000"] == {"doc": DOC["000"], "plan": TITLE["000"], "region": "西固区", "parent_region": "兰州市",
                          "issuer": "兰州市西固区人民政府", "issued": "2022-09-06", "published": "2023-02-27",
                          "period": "2021-2025", "draft": False, "doc_number": ""}
    # 001: 奉政发[2022]1号 of 2022年1月20日 in the bulletin dated 出刊日期：2022年2月1日
    assert (got["001"]["doc_number"], got["001"]["issued"], got["001"]["published"], got["001"]["parent_region"]) == (
        "奉政发[2022]1号", "2022-01-20", "2022-02-01", "宁波市")
    # 002: 薛政字〔2022〕15号, 薛城区人民政府 2022年7月27日, a district of 枣庄市
    assert (got["002"]["doc_number"], got["002"]["issuer"], got["002"]["issued"], got["002"]["parent_region"]) == (
        "薛政字〔2022〕15号", "薛城区人民政府", "2022-07-27", "枣庄市")
    # 003 starts with its title (no covering notice); 004 is marked （征求意见稿）
    assert (got["003"]["issuer"], got["003"]["issued"], got["003"]["parent_region"], got["003"]["draft"]) == (
        "", "", "乌海市", False)
    assert (got["004"]["region"], got["004"]["parent_region"], got["004"]["draft"]) == ("连州市", "清远市", True)
    assert rows("plan_metadata", store, {"plan": "奉化"})[0]["doc"] == DOC["001"]


def test_task_implementations(store):
    got = rows("task_implementations", store)
    assert per_doc(got) == {"004": 35}
    first = got[0]
    # 004 line 158: row 1 完善城乡居民最低生活保障制度… | 市民政局 | 市财政局、市残联, implementing body task 3
    # 强化残疾人社会救助保障 of section （一）
    assert (first["task_no"], first["lead"], first["support"], first["body_no"], first["body_task"], first["line"]) == (
        "1", "市民政局", "市残疾人联合会|市财政局", "3", "强化残疾人社会救助保障", 158)
    assert first["body_section"] == "完善社会保障和救助制度，为残疾人提供更稳定更高水平的基本民生保障"
    assert len({r["body_task"] for r in got}) == 20
