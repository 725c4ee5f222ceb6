"""Tests for the sparql reasoner: the rule documents ontology/rules/*.rq run in Oxigraph.

What is compared with the OWL reasoners (ontology/reasoning/__init__.py says why): the members of the five
defined classes and the links of LINK_PROPERTIES, each only where not asserted.  The hand-made
fixture (tests/fixtures/reasoning/defined_classes.ttl) and a few graphs written here hold untyped
nodes and unit-side links; the corpus checks the same on real plans, in memory and in a store, and
that the inferred graphs written back into the store are what the store's queries then see.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from policykg import api
from policykg.errors import OutputError, ReasonerUnavailableError
from policykg.graph import vocab as V
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.ontology import load_ontology
from policykg.ontology.reasoning import (LINK_PROPERTIES, REASONERS, SUMMARY_CLASSES, ReasoningResult,
                                         inferred_graph_iri, reason, store_inferred)
from policykg.ontology.reasoning.sparql import load_rules, parse_rule

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reasoning"
T = Namespace("https://w3id.org/policykg/id/test/")
needs_java = pytest.mark.skipif(shutil.which("java") is None,
                                reason="HermiT (bundled with owlready2) needs `java` on PATH")


def _compared(result: ReasoningResult) -> dict[URIRef, set[tuple]]:
    """Per inferred graph: the defined-class memberships and LINK_PROPERTIES links."""
    return {name: {(s, p, o) for s, p, o in graph
                   if p in LINK_PROPERTIES or (p == RDF.type and o in SUMMARY_CLASSES)}
            for name, graph in result.inferred.items()}


def _all(result: ReasoningResult) -> dict[URIRef, set[tuple]]:
    return {name: set(graph) for name, graph in result.inferred.items()}


# --- the rule documents ------------------------------------------------------------------------------


def test_one_rule_per_defined_class_and_link_property() -> None:
    rules = load_rules()
    conclusions = [r.conclusion for r in rules]
    assert sorted(conclusions) == sorted({*SUMMARY_CLASSES, *LINK_PROPERTIES})
    for rule in rules:
        kind = "class" if rule.predicate == RDF.type else "property"
        assert rule.name == f"{kind}-{str(rule.conclusion).rsplit('#', 1)[-1]}"


def test_rules_are_documents_naming_their_axioms_in_both_languages() -> None:
    ontology = load_ontology()
    declared = set(ontology.subjects())
    for rule in load_rules():
        first = rule.text.splitlines()[0]
        assert first.startswith("# Rule: pkg:" + str(rule.conclusion).rsplit("#", 1)[-1] + " "), rule.name
        labels = {lb.language: str(lb) for lb in ontology.objects(rule.conclusion, RDFS.label)}
        assert labels.keys() == {"en", "zh"} and all(lb in first for lb in labels.values()), \
            f"{rule.name}: the first line names the term by its English and Chinese labels"
        head = "\n".join(ln for ln in rule.text.splitlines() if ln.startswith("#"))
        assert "Implements" in head and ("owl:" in head or "scopeNote" in head), rule.name
        assert re.search(r"规则：", head), f"{rule.name}: the rule is also said in Chinese"
        used = {URIRef(str(V.PKG) + t) for t in re.findall(r"\bpkg:(\w+)", rule.where)}
        assert used <= declared, f"{rule.name} uses undeclared terms {used - declared}"


def test_measurable_task_rule_lists_what_makes_a_node_a_task() -> None:
    """The rule names the properties whose domain or range is pkg:Task; keep it in step with them."""
    ontology = load_ontology()
    rule = next(r for r in load_rules() if r.conclusion == V.MeasurableTask)
    domain = {p for p in ontology.subjects(RDFS.domain, V.Task)}
    range_ = {p for p in ontology.subjects(RDFS.range, V.Task)}
    forward = re.search(r"\?task (pkg:\S+) \?other", rule.where).group(1).split("|")
    backward = re.search(r"\?other (pkg:\S+) \?task", rule.where).group(1).split("|")
    assert {V.PKG[p[4:]] for p in forward} == domain
    assert {V.PKG[p[4:]] for p in backward} == range_


@pytest.mark.parametrize("text, words", [
    ("PREFIX pkg: <https://w3id.org/policykg/ontology#>\nSELECT ?x WHERE { GRAPH ?g { ?x a pkg:Task } }",
     "is not `CONSTRUCT"),
    ("PREFIX pkg: <https://w3id.org/policykg/ontology#>\n"
     "CONSTRUCT { ?x a pkg:Task . ?x a pkg:Plan } WHERE { GRAPH ?g { ?x a pkg:Task } }", "one triple"),
    ("CONSTRUCT { ?x a pkg:Task } WHERE { GRAPH ?g { ?x a pkg:Task } }", "does not declare"),
    ("PREFIX pkg: <https://w3id.org/policykg/ontology#>\nCONSTRUCT { ?x a pkg:Task } WHERE { ?x a pkg:Task }",
     "GRAPH ?g"),
])
def test_a_malformed_rule_is_refused_by_name(text: str, words: str) -> None:
    with pytest.raises(ReasonerUnavailableError, match=re.escape(words)) as caught:
        parse_rule("class-Broken", text)
    assert "class-Broken.rq" in str(caught.value)


def test_sparql_is_a_reasoner_choice() -> None:
    assert "sparql" in REASONERS
    from click.testing import CliRunner
    from policykg.cli import main
    out = CliRunner().invoke(main, ["reason", "--help"]).output
    assert "sparql" in out


# --- same answers as the OWL reasoners -------------------------------------------------------------


def _fixture() -> Graph:
    return Graph().parse(FIXTURES / "defined_classes.ttl", format="turtle")


def test_fixture_same_as_rl_and_nothing_else() -> None:
    sparql, rl = reason(_fixture(), reasoner="sparql"), reason(_fixture(), reasoner="rl")
    assert _compared(sparql) == _compared(rl)
    assert _all(sparql) == _compared(sparql), "the rules infer only the compared set"
    inferred = sparql.inferred[V.INFERRED_GRAPH]
    # the fixture's table: t4's lead is named from the unit side only, t6 is untyped
    assert set(inferred.subjects(RDF.type, V.OwnedTask)) == {T.t1, T.t2, T.t4, T.t5}
    assert set(inferred.subjects(RDF.type, V.CrossDepartmentTask)) == {T.t1, T.t4}
    assert (T.t4, V.leadUnit, T.finance) in inferred and (T.finance, V.leads, T.t4) not in inferred
    # what the rules leave to the OWL reasoners: types from domains and ranges
    assert (T.t6, RDF.type, V.Task) in rl.inferred[V.INFERRED_GRAPH]
    assert (T.t6, RDF.type, V.Task) not in inferred


@needs_java
def test_fixture_same_as_hermit() -> None:
    assert _compared(reason(_fixture(), reasoner="sparql")) == _compared(reason(_fixture(), reasoner="hermit"))


_UNTYPED = """
@prefix pkg: <https://w3id.org/policykg/ontology#> .
@prefix t: <https://w3id.org/policykg/id/test/> .
t:s a pkg:Section ; pkg:hasTask t:w ; pkg:inChapter t:c .
t:c pkg:inPlan t:p .
t:box pkg:inSection t:s .
t:item pkg:inColumn t:box .
t:x pkg:hasTarget t:x-target ; pkg:supportingUnit t:u .
t:w pkg:hasTarget t:w-target .
t:z pkg:hasTarget t:z-target .
t:i a pkg:Indicator ; pkg:hasTarget t:i-target .
t:i-target a pkg:NumericTarget .
t:m pkg:measuredBy t:i .
t:u pkg:supports t:y .
t:y pkg:hasTarget t:y-target .
"""


def test_untyped_nodes_same_as_rl() -> None:
    """Tasks known only from a domain or range, unit-side links, and part-of chains up to a plan."""
    graph = Graph().parse(format="turtle", data=_UNTYPED)
    sparql, rl = reason(graph, reasoner="sparql"), reason(graph, reasoner="rl")
    assert _compared(sparql) == _compared(rl)
    inferred = sparql.inferred[V.INFERRED_GRAPH]
    # x: domain of supportingUnit; w: range of hasTask; y: range of supports; m: by a numeric indicator.
    # z (only a target: task or indicator?) needs reasoning by cases, as the help says.
    assert set(inferred.subjects(RDF.type, V.MeasurableTask)) == {T.x, T.w, T.y, T.m}
    assert set(inferred.subjects(V.inPlan, T.p)) == {T.s, T.w, T.box, T.item}
    assert (T.w, V.inSection, T.s) in inferred and (T.c, V.hasSection, T.s) in inferred


def test_corpus_same_as_rl(corpus: Dataset) -> None:
    sparql, rl = reason(corpus, reasoner="sparql"), reason(corpus, reasoner="rl")
    assert _all(sparql) == _all(rl)
    assert sparql.sources == rl.sources and sparql.summary() == rl.summary()


@needs_java
def test_corpus_same_as_hermit(corpus: Dataset) -> None:
    assert _all(reason(corpus, reasoner="sparql")) == _all(reason(corpus, reasoner="hermit"))


# --- in a store ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(corpus_paths: list[Path]) -> Dataset:
    return api.build(corpus_paths).dataset


@pytest.fixture(scope="module")
def store_dir(corpus_paths: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sparql-rules") / "store"
    api.load(corpus_paths, path)
    return path


_OWNED_PER_DOC = """
PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?doc (COUNT(DISTINCT ?task) AS ?n) WHERE {
  ?task a pkg:OwnedTask ; pkg:inPlan ?plan .
  ?plan prov:wasDerivedFrom ?d .
  ?d pkg:fileName ?doc .
} GROUP BY ?doc ORDER BY ?doc
"""


def test_store_same_as_in_memory_and_written_back(store_dir: Path, corpus: Dataset) -> None:
    memory = reason(corpus, reasoner="sparql")
    with OxigraphStore(store_dir) as store:
        result = reason(store, reasoner="sparql")
        assert _all(result) == _all(memory)
        assert result.sources == memory.sources and result.summary() == memory.summary()
        plans = {URIRef(g) for g in store.graph_names() if "/graph/plan/" in g}
        assert len(plans) == 5 and set(result.inferred) == {inferred_graph_iri(g) for g in plans}
        assert store.select(_OWNED_PER_DOC)[1] == [], "nothing inferred is in the store before writing"
        before = len(store)
        assert store_inferred(store, result) == 5
        assert len(store) == before + result.triples
        # the tasks query counts owners per plan: the store now answers the same from pkg:OwnedTask
        columns, rows = api.query("tasks", store)
        owned: dict[str, int] = {}
        for row in (dict(zip(columns, r)) for r in rows):
            owned[row["doc"]] = owned.get(row["doc"], 0) + bool(row["lead"])
        assert dict(store.select(_OWNED_PER_DOC)[1]) == {d: n for d, n in owned.items() if n}
        assert sorted(n for n in owned.values() if n) == [29, 32, 44]
        # a second run does not read the inferred graphs as asserted facts, and rewriting replaces
        again = reason(store, reasoner="sparql")
        assert _all(again) == _all(result)
        graph = next(iter(sorted(result.inferred)))
        store._live().update(f"INSERT DATA {{ GRAPH <{graph}> {{ <{T.stale}> a <{V.OwnedTask}> }} }}")
        store_inferred(store, again)
        assert len(store) == before + result.triples, "each inferred graph is replaced whole"


def test_store_inferred_needs_a_writable_store(store_dir: Path, corpus: Dataset) -> None:
    result = reason(corpus, reasoner="sparql")
    with OxigraphStore(store_dir, read_only=True) as store:
        with pytest.raises(OutputError, match="opened for writing"):
            store_inferred(store, result)
