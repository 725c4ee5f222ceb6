"""Tests for ontology/reasoning/: what `policykg reason` infers, and how it reports a contradiction.

A hand-made graph (tests/fixtures/reasoning/defined_classes.ttl, its header tabulates the cases)
checks that each defined class gets exactly the members it should with HermiT and with the OWL 2 RL
rules (and Pellet, where Java runs it); a hand-made TriG with one bad plan graph checks the
inconsistency report; the five corpus plans check that the inferred counts per plan match what the
`tasks` and `units` queries show.
"""
from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from policykg import api
from policykg.errors import InputError, PolicyKGError, ReasonerUnavailableError, ReasoningError
from policykg.graph import vocab as V
from policykg.graph.store import MemoryStore
from policykg.ontology import load_ontology
from policykg.cli import REASON_HELP
from policykg.ontology import reasoning
from policykg.ontology.reasoning import (CROSS_DEPARTMENT_RULE, LINK_PROPERTIES, ReasoningResult,
                                         inferred_graph_iri, reason, reason_over)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reasoning"
T = Namespace("https://w3id.org/policykg/id/test/")

needs_java = pytest.mark.skipif(shutil.which("java") is None,
                                reason="HermiT and Pellet (bundled with owlready2) need `java` on PATH")
#: the DL reasoner and the RL rules: the defined classes must come out the same
REASONERS = [pytest.param("hermit", marks=needs_java), "rl"]

#: members of each class per the fixture's header table (nothing in the fixture is typed with them)
EXPECTED = {
    V.OwnedTask: {T.t1, T.t2, T.t4, T.t5},
    V.LeadUnit: {T.dpf, T.civil, T.finance},
    V.MeasurableTask: {T.t1, T.t2},
    V.BindingIndicator: {T.ind1, T.ind3},
    V.CrossDepartmentTask: {T.t1, T.t4},
    # not defined classes, but inferred: t6 from the range of hasTask, finance from the domain of leads
    V.Task: {T.t6},
    V.Organization: {T.finance},
}

_results: dict[tuple[str, str], ReasoningResult] = {}


def _fixture_graph() -> Graph:
    return Graph().parse(FIXTURES / "defined_classes.ttl", format="turtle")


def _reasoned(reasoner: str) -> ReasoningResult:
    """The fixture reasoned once per reasoner (HermiT and Pellet take seconds each)."""
    key = ("fixture", reasoner)
    if key not in _results:
        _results[key] = reason(_fixture_graph(), reasoner=reasoner)
    return _results[key]


def _inferred(result: ReasoningResult) -> Graph:
    g = Graph()
    for graph in result.inferred.values():
        g += graph
    return g


# --- defined classes on the hand-made graph ------------------------------------------------------


@pytest.mark.parametrize("reasoner", REASONERS)
@pytest.mark.parametrize("cls", list(EXPECTED), ids=lambda c: str(c).rsplit("#", 1)[-1])
def test_class_members_exactly(reasoner: str, cls: URIRef) -> None:
    inferred = _inferred(_reasoned(reasoner))
    assert set(inferred.subjects(RDF.type, cls)) == EXPECTED[cls]


@pytest.mark.parametrize("reasoner", REASONERS)
def test_inverse_and_part_of_links(reasoner: str) -> None:
    inferred = _inferred(_reasoned(reasoner))
    # unit -> task, from the task-side properties the loaders write
    assert set(inferred.subject_objects(V.leads)) == {(T.dpf, T.t1), (T.civil, T.t2), (T.dpf, T.t5)}
    assert set(inferred.subject_objects(V.supports)) == {
        (T.civil, T.t1), (T.civil2, T.t2), (T.finance, T.t3), (T.dpf, T.t4)}
    # task -> unit from a unit-side assertion (finance pkg:leads t4), so the queries see the owner
    assert set(inferred.subject_objects(V.leadUnit)) == {(T.t4, T.finance)}
    assert (T.finance, V.leads, T.t4) not in inferred, "asserted facts are not repeated"
    responsible = set(inferred.subject_objects(V.responsibleFor))
    assert responsible == {(T.dpf, T.t1), (T.dpf, T.t4), (T.dpf, T.t5), (T.civil, T.t1), (T.civil, T.t2),
                           (T.civil2, T.t2), (T.finance, T.t3), (T.finance, T.t4)}
    # part-of: hasTask⁻ ⊑ inSection, then the chains inSection∘inPlan and inChapter∘inPlan
    assert (T.t6, V.inSection, T.s) in inferred
    assert {t for t in inferred.subjects(V.inPlan, T.p)} == {T.c, T.s, T.t1, T.t2, T.t3, T.t4, T.t5, T.t6}


@needs_java
def test_rl_cannot_reason_by_cases_as_the_help_says() -> None:
    """The documented difference: inSection says "task or box", hasTarget "indicator or task"."""
    graph = Graph().parse(format="turtle", data="""
        @prefix pkg: <https://w3id.org/policykg/ontology#> .
        @prefix t: <https://w3id.org/policykg/id/test/> .
        t:s a pkg:Section .
        t:x pkg:inSection t:s ; pkg:hasTarget t:y .
    """)
    hermit = _inferred(reason(graph, reasoner="hermit"))
    rl = _inferred(reason(graph, reasoner="rl"))
    assert {(T.x, V.Task), (T.x, V.MeasurableTask)} <= set(hermit.subject_objects(RDF.type))
    assert not set(rl.objects(T.x, RDF.type))
    assert "reason by cases" in REASON_HELP and "pkg:inSection" in REASON_HELP


def test_only_memberships_and_links_no_trivialities() -> None:
    inferred = _inferred(_reasoned("rl"))
    predicates = set(inferred.predicates())
    assert predicates <= {RDF.type, *LINK_PROPERTIES}
    classes = set(inferred.objects(None, RDF.type))
    assert all(str(c).startswith(str(V.PKG)) for c in classes), classes
    assert OWL.Thing not in classes and (None, OWL.sameAs, None) not in inferred
    assert not set(inferred.subjects()) & set(load_ontology().subjects()), "ontology terms are not data"


@needs_java
def test_hermit_pellet_and_rl_infer_the_same_triples() -> None:
    triples = {r: set(_inferred(_reasoned(r))) for r in ("hermit", "pellet", "rl")}
    assert triples["hermit"] and triples["hermit"] == triples["rl"] == triples["pellet"]


def test_inferred_kept_apart_and_written(tmp_path: Path) -> None:
    result = _reasoned("rl")
    # a single Turtle graph has no per-plan graphs: everything inferred goes to …/graph/inferred
    assert list(result.inferred) == [V.INFERRED_GRAPH] == [inferred_graph_iri(None)]
    names = {str(g.identifier) for g in result.dataset.graphs() if len(g)}
    assert str(V.INFERRED_GRAPH) in names
    asserted = _fixture_graph()
    assert not set(result.inferred[V.INFERRED_GRAPH]) & set(asserted)
    assert (T.t1, RDF.type, V.OwnedTask) in result.dataset  # the union sees asserted + inferred
    out = result.write(tmp_path / "inferred.trig")
    back = Dataset()
    back.parse(out, format="trig")
    assert {str(g.identifier) for g in back.graphs() if len(g)} == {str(V.INFERRED_GRAPH)}
    assert len(back) == result.triples
    assert [p.name for p in tmp_path.iterdir()] == ["inferred.trig"], "no temporary file left behind"
    assert result.write(tmp_path / "again.trig").read_bytes() == out.read_bytes(), "deterministic"
    # asserted + inferred in one file: a named query over it sees the inferred classes
    both = result.write(tmp_path / "both.ttl", include_asserted=True)
    _, rows = api.sparql("PREFIX pkg: <https://w3id.org/policykg/ontology#> "
                         "SELECT ?t WHERE { ?t a pkg:OwnedTask ; pkg:inSection ?s } ORDER BY ?t", both)
    assert [r[0] for r in rows] == sorted(str(t) for t in EXPECTED[V.OwnedTask])


# --- inconsistency ---------------------------------------------------------------------------------


def _inconsistent_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(FIXTURES / "inconsistent.trig", format="trig")
    return ds


@pytest.mark.parametrize("reasoner", [*REASONERS, pytest.param("pellet", marks=needs_java)])
def test_inconsistent_graph_reported_with_source_line(reasoner: str) -> None:
    with pytest.raises(ReasoningError) as caught:
        reason(_inconsistent_dataset(), reasoner=reasoner)
    error = caught.value
    message = str(error)
    assert error.exit_code == 1
    # only the bad plan graph, which the fixture's comment says is bad
    assert [i.graph for i in error.inconsistencies] == ["https://w3id.org/policykg/id/graph/plan/test/bad-plan"]
    assert "good-plan" not in message
    report = error.inconsistencies[0]
    assert report.individuals == [str(T["bad-plan-task-3"])]
    assert "is both pkg:Organization and pkg:Task" in message and "disjoint" in message
    assert "bad_plan.txt line 17" in message  # the line the fixture says the node came from
    assert "区残联" in message  # the label as printed
    if reasoner != "rl":  # Pellet's explanation names the two type assertions
        assert "bad-plan-task-3 type Organization" in report.explanation


@pytest.mark.parametrize("reasoner", REASONERS)
def test_two_values_of_a_functional_property_reported(reasoner: str) -> None:
    graph = Graph().parse(format="turtle", data="""
        @prefix pkg: <https://w3id.org/policykg/ontology#> .
        @prefix t: <https://w3id.org/policykg/id/test/> .
        t:target a pkg:NumericTarget ; pkg:value 90.0 , 95.0 ; pkg:sourceLocation t:loc .
        t:loc pkg:line 30 ; pkg:document t:doc .
        t:doc pkg:fileName "plan.txt" .
        t:same a pkg:NumericTarget ; pkg:value 1 , 1.0 .
    """)
    with pytest.raises(ReasoningError) as caught:
        reason(graph, reasoner=reasoner)
    message = str(caught.value)
    assert "has 2 values for pkg:value, which allows only one" in message
    assert "plan.txt line 30" in message
    assert str(T.same) not in message, "1 and 1.0 are the same value"


# --- no Java -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("reasoner", ["hermit", "pellet"])
def test_java_missing_gives_clear_error(reasoner: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no `java` anywhere on PATH
    with pytest.raises(ReasonerUnavailableError) as caught:
        reason(_fixture_graph(), reasoner=reasoner)
    message = str(caught.value)
    assert "Java" in message and "install" in message and "--reasoner rl" in message
    assert caught.value.exit_code == 2 and "\n" not in message


def test_rl_needs_no_java(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    result = reason(_fixture_graph(), reasoner="rl")
    assert set(_inferred(result).subjects(RDF.type, V.OwnedTask)) == EXPECTED[V.OwnedTask]


def test_unknown_reasoner_refused() -> None:
    with pytest.raises(ReasonerUnavailableError, match="hermit, pellet, rl"):
        reason(_fixture_graph(), reasoner="fact++")  # type: ignore[arg-type]


def test_the_cli_offers_the_registrys_reasoners() -> None:
    from policykg import cli
    option = next(p for p in cli.reason_cmd.params if p.name == "reasoner")
    registry = reasoning.REASONERS
    assert list(option.type.choices) == list(registry) == ["hermit", "pellet", "rl", "sparql"]
    assert [n for n, r in registry.items() if r.needs_java] == ["hermit", "pellet"]


def test_writing_inferred_graphs_needs_a_store() -> None:
    """reason_over (api.reason hands it the store or the dataset read from files) refuses `write`
    for a dataset, naming where it came from, before any reasoner runs."""
    with pytest.raises(InputError, match=r"plans\.trig: inferred graphs can only be written into a store"):
        reason_over(Dataset().parse(FIXTURES / "inconsistent.trig"), reasoner="hermit", write=True,
                    name="plans.trig")


# --- the rule for what OWL cannot say, and the help text ----------------------------------------------


def test_cross_department_rule_is_the_one_documented_in_the_ontology() -> None:
    notes = " ".join(" ".join(str(n).split()) for n in load_ontology().objects(V.CrossDepartmentTask, SKOS.scopeNote))
    rule = " ".join(ln for ln in CROSS_DEPARTMENT_RULE.splitlines() if not ln.startswith("PREFIX"))
    assert " ".join(rule.split()) in notes


def test_help_text_names_reasoners_classes_and_rl_limits() -> None:
    for word in ("--reasoner hermit", "--reasoner pellet", "--reasoner rl", "Java", "cannot", "exits with 1"):
        assert word in REASON_HELP
    for cls in (V.OwnedTask, V.LeadUnit, V.MeasurableTask, V.BindingIndicator, V.CrossDepartmentTask):
        assert "pkg:" + str(cls).rsplit("#", 1)[-1] in REASON_HELP


# --- the corpus ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(corpus_paths: list[Path]) -> Dataset:
    return api.build(corpus_paths).dataset


@pytest.fixture(scope="module")
def expected_per_doc(corpus: Dataset) -> dict[str, dict[str, int]]:
    """OwnedTask, CrossDepartmentTask and LeadUnit per document, from the tasks and units queries.

    Read off the corpus (and the tables these queries print): 002 薛城区 32 owned tasks (every task
    has （牵头单位：…；责任单位：…）, e.g. line 85: 区乡村振兴局 leads, 区残联 and 区民政局 support), 16
    lead units; 003 乌达区 29 owned tasks, 16 lead units; 004 连州市 44 owned tasks (the 44 rows of
    重点工作任务分工表, e.g. row 43 at line 375: 市财政局 负责, 市残联 配合), 14 lead units; 000 and
    001 name no units: 0.  Every owned task of the corpus also names a supporting unit of another
    department type, so CrossDepartmentTask = OwnedTask here (32 / 29 / 44); the fixture above is
    where the two differ.
    """
    store = MemoryStore(corpus)
    t_cols, t_rows = api.query("tasks", store)
    u_cols, u_rows = api.query("units", store)
    unit_type: dict[tuple[str, str], str] = {}
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"owned": 0, "cross": 0, "lead_units": 0})
    for row in map(lambda r: dict(zip(u_cols, r)), u_rows):
        assert unit_type.setdefault((row["doc"], row["unit"]), row["type"]) == row["type"]
        counts[row["doc"]]["lead_units"] += row["lead_count"] > 0
    for row in map(lambda r: dict(zip(t_cols, r)), t_rows):
        leads = [unit_type[(row["doc"], u)] for u in row["lead"].split("|") if u]
        supports = [unit_type[(row["doc"], u)] for u in row["support"].split("|") if u]
        counts[row["doc"]]["owned"] += bool(leads)
        counts[row["doc"]]["cross"] += any(a != b for a in leads for b in supports)
    return dict(counts)


def _corpus_result(corpus: Dataset, reasoner: str) -> ReasoningResult:
    key = ("corpus", reasoner)
    if key not in _results:
        _results[key] = reason(corpus, reasoner=reasoner)
    return _results[key]


_PER_DOC = """
PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?doc (COUNT(DISTINCT ?node) AS ?n) WHERE {
  ?node a ?cls ; pkg:inPlan ?plan .
  ?plan prov:wasDerivedFrom ?d .
  ?d pkg:fileName ?doc .
} GROUP BY ?doc ORDER BY ?doc
"""


def _per_doc(result: ReasoningResult, cls: URIRef) -> dict[str, int]:
    """SPARQL over asserted + inferred: members of `cls` (tasks, indicators) per source document."""
    query = _PER_DOC.replace("?cls", cls.n3())
    _, rows = MemoryStore(result.dataset).select(query)
    return {doc: n for doc, n in rows}


def _lead_units_per_doc(result: ReasoningResult, corpus: Dataset) -> dict[str, int]:
    """LeadUnit members of each plan's own inferred graph (units are shared between plans)."""
    doc_of: dict[str, str] = {}
    for ctx in corpus.graphs():
        for plan in ctx.subjects(RDF.type, V.Plan):
            doc = corpus.value(ctx.value(plan, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")), V.fileName)
            doc_of[str(ctx.identifier)] = str(doc)
    return {doc_of[str(graph)]: len(members) for graph, members in result.members(V.LeadUnit).items() if members}


@pytest.mark.parametrize("reasoner", [*REASONERS, "sparql"])
def test_corpus_counts_match_the_tasks_query(reasoner: str, corpus: Dataset,
                                             expected_per_doc: dict[str, dict[str, int]]) -> None:
    result = _corpus_result(corpus, reasoner)
    owned = {doc: c["owned"] for doc, c in expected_per_doc.items() if c["owned"]}
    # the README's "with lead" column, and what the documents print (see expected_per_doc)
    assert sorted(owned.values()) == [29, 32, 44]
    assert _per_doc(result, V.OwnedTask) == owned
    assert _per_doc(result, V.CrossDepartmentTask) == {d: c["cross"] for d, c in expected_per_doc.items() if c["cross"]}
    assert _lead_units_per_doc(result, corpus) == {
        d: c["lead_units"] for d, c in expected_per_doc.items() if c["lead_units"]}
    # BindingIndicator = the 约束性 rows of the indicators query (000 prints 约束性 in 6 cells of
    # its table, lines 109-171; 5 预期性)
    columns, rows = api.query("indicators", MemoryStore(corpus))
    binding: dict[str, int] = defaultdict(int)
    for row in map(lambda r: dict(zip(columns, r)), rows):
        binding[row["doc"]] += row["attribute"] == "约束性"
    assert binding["000_923142c7cfa8cd52.txt"] == 6
    assert _per_doc(result, V.BindingIndicator) == {d: n for d, n in binding.items() if n}


def test_corpus_one_inferred_graph_per_plan_and_queries_unchanged(corpus: Dataset) -> None:
    result = _corpus_result(corpus, "rl")
    plan_graphs = {URIRef(g) for g in MemoryStore(corpus).graph_names() if "/graph/plan/" in g}
    assert len(plan_graphs) == 5
    assert set(result.sources.values()) == plan_graphs
    assert set(result.inferred) == {inferred_graph_iri(g) for g in plan_graphs}
    assert all("/graph/inferred/plan/" in str(g) for g in result.inferred)
    # the summary a `policykg reason` table prints: one row per plan, its document and counts
    rows = {row["doc"]: row for row in result.summary()}
    assert len(rows) == 5
    assert {d: r["OwnedTask"] for d, r in rows.items() if r["OwnedTask"]} == {
        "002_cf683c4f70f25305.txt": 32, "003_b28938235eb88753.txt": 29, "004_2256e991e02e6265.txt": 44}
    assert rows["000_923142c7cfa8cd52.txt"]["LeadUnit"] == 0 and "西固区" in rows["000_923142c7cfa8cd52.txt"]["plan"]
    # the existing queries run on asserted + inferred and give the same rows (nothing re-asserted)
    assert api.query("tasks", MemoryStore(result.dataset)) == api.query("tasks", MemoryStore(corpus))


@needs_java
def test_corpus_hermit_and_rl_agree(corpus: Dataset) -> None:
    hermit, rl = _corpus_result(corpus, "hermit"), _corpus_result(corpus, "rl")
    assert {k: set(g) for k, g in hermit.inferred.items()} == {k: set(g) for k, g in rl.inferred.items()}


# --- some plans (`reason --plan`) ------------------------------------------------------------------------

@pytest.mark.parametrize("reasoner", ["hermit", "sparql"])
@pytest.mark.parametrize("where", ["store", "trig"])
def test_reasoning_some_plans_gives_their_part_of_the_whole(reasoner: str, where: str, corpus: Dataset,
                                                             local_store, corpus_trig: Path) -> None:
    """A plan's inferences depend on its own graph and the shared nodes it reaches, so reasoning over
    the plans `--plan` names gives exactly their inferred graphs of a run over all five."""
    whole = _corpus_result(corpus, reasoner)
    source = str(local_store.path) if where == "store" else [corpus_trig]
    some = api.reason(source, reasoner=reasoner, plan="薛城区")  # 002 by title, 32 owned tasks
    assert len(some.inferred) == 1
    (name, graph), = some.inferred.items()
    assert len(graph) > 0 and set(graph) == set(whole.inferred[name])
    assert _per_doc(some, V.OwnedTask) == {"002_cf683c4f70f25305.txt": 32}
    assert [r["doc"] for r in some.summary()] == ["002_cf683c4f70f25305.txt"]


def test_reasoning_some_plans_of_a_union_file_is_refused(corpus: Dataset, tmp_path: Path) -> None:
    union = Graph()
    for g in corpus.graphs():
        union += g
    path = tmp_path / "plans.ttl"
    union.serialize(path, format="turtle")
    with pytest.raises(InputError, match=r"plans\.ttl: holds its plans in one graph .* --plan cannot pick"):
        api.reason([path], reasoner="rl", plan="薛城区")
    with pytest.raises(PolicyKGError, match="no plan matches '不存在'"):
        api.reason(corpus, reasoner="rl", plan="不存在")
