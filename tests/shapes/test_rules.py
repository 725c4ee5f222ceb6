"""Each audit rule, broken exactly once on a small hand-made plan graph.

For every rule we assert the one result pyshacl reports: its rule (source shape), focus node, path
and severity.  Each case is checked through plain pyshacl with inference off and the ontology given
as the ontology graph (how another tool would run the shapes), then through `policykg.shapes.audit`
with each engine (pyshacl, rudof) and through `audit_store` over the same graph in an Oxigraph
store with each engine: all five give the one finding, and the four audits the same Finding record.
Jena (a JVM takes seconds to start) gets every case at once, each in a namespace of its own, and
gives each case's one finding as pyshacl does.
"""
from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS, XSD

import pyoxigraph

from policykg.ontology import load_ontology
from policykg.shapes import ENGINES, audit, audit_store, load_shapes
from policykg.shapes.audit import SH

PKG = Namespace("https://w3id.org/policykg/ontology#")
EX = Namespace("https://example.org/audit/")
PKGSH = "https://w3id.org/policykg/shapes#"
BASE = Path(__file__).resolve().parent.parent / "fixtures" / "shapes" / "conforming.ttl"


def base() -> Graph:
    g = Graph()
    g.parse(BASE)
    return g


def remove(*patterns):
    def apply(g: Graph) -> None:
        for s, p, o in patterns:
            g.remove((s, p, o))
    return apply


def add(*triples):
    def apply(g: Graph) -> None:
        for t in triples:
            g.add(t)
    return apply


def both(*fns):
    def apply(g: Graph) -> None:
        for f in fns:
            f(g)
    return apply


CASES = [
    # rule, mutation, focus, path, severity
    ("TaskOwner", remove((EX.task, PKG.leadUnit, None)), EX.task, None, "Violation"),
    ("TaskMeasurable", remove((EX.task, PKG.hasTarget, None)), EX.task, None, "Violation"),
    ("TaskLeadIsOrganization", both(remove((EX.task, PKG.leadUnit, None)), add((EX.task, PKG.leadUnit, EX.region))),
     EX.task, PKG.leadUnit, "Violation"),
    ("TaskSupportIsOrganization", both(remove((EX.task, PKG.supportingUnit, None)),
                                       add((EX.task, PKG.supportingUnit, EX.doc))),
     EX.task, PKG.supportingUnit, "Violation"),
    ("TaskLeadSupportDisjoint", add((EX.task, PKG.supportingUnit, EX.civil)), EX.task, PKG.leadUnit, "Warning"),
    ("TaskTitle", remove((EX.task, PKG.title, None)), EX.task, PKG.title, "Violation"),
    ("TaskSource", remove((EX.task, PKG.sourceLocation, None)), EX.task, PKG.sourceLocation, "Violation"),
    ("SourceLocationLine", both(remove((EX["task-src"], PKG.line, None)),
                                add((EX["task-src"], PKG.line, Literal("二十")))),
     EX["task-src"], PKG.line, "Violation"),
    ("SourceLocationDocument", remove((EX["task-src"], PKG.document, None)), EX["task-src"], PKG.document,
     "Violation"),
    ("IndicatorHasTarget", remove((EX.expected, PKG.hasTarget, None)), EX.expected, PKG.hasTarget, "Violation"),
    ("BindingIndicatorNumericTarget", remove((EX["binding-target"], PKG.unit, None)), EX.binding, None, "Violation"),
    ("ExpectedIndicatorQualitative",
     both(remove((EX["expected-target"], RDF.type, PKG.NumericTarget), (EX["expected-target"], PKG.value, None),
                 (EX["expected-target"], PKG.comparator, None)),
          add((EX["expected-target"], RDF.type, PKG.QualitativeTarget))),
     EX.expected, None, "Warning"),
    ("TargetYearInPeriod", both(remove((EX["task-target"], PKG.year, None)),
                                add((EX["task-target"], PKG.year, Literal("2030", datatype=XSD.gYear)))),
     EX["task-target"], None, "Warning"),
    ("BaselineAboveTarget", both(remove((EX["binding-base"], PKG.value, None)),
                                 add((EX["binding-base"], PKG.value, Literal("99.5", datatype=XSD.decimal)))),
     EX.binding, None, "Warning"),
    ("PlanTitle", remove((EX.plan, DCTERMS.title, None)), EX.plan, DCTERMS.title, "Violation"),
    ("PlanRegion", remove((EX.plan, PKG.region, None)), EX.plan, PKG.region, "Violation"),
    ("PlanPeriod", remove((EX.plan, PKG.periodEnd, None)), EX.plan, PKG.periodEnd, "Violation"),
    ("PlanIssuer", remove((EX.plan, PKG.issuer, None)), EX.plan, None, "Violation"),
    ("DraftPlanIssuer", both(remove((EX.plan, PKG.issuer, None), (EX.plan, PKG.isDraft, None)),
                             add((EX.plan, PKG.isDraft, Literal(True)))), EX.plan, None, "Warning"),
    ("OrganizationLabel", remove((EX.finance, SKOS.prefLabel, None)), EX.finance, SKOS.prefLabel, "Violation"),
    ("OrganizationType", remove((EX.finance, ORG.classification, None)), EX.finance, ORG.classification, "Violation"),
]


def results(g: Graph) -> list[tuple[str, URIRef, URIRef | None, str]]:
    """(rule, focus, path, severity) from plain pyshacl: inference off, ontology as ont_graph."""
    _, rg, _ = pyshacl.validate(g, shacl_graph=load_shapes(), ont_graph=load_ontology(), inference="none",
                                allow_warnings=True)
    out = []
    for r in rg.subjects(RDF.type, SH.ValidationResult):
        shape = rg.value(r, SH.sourceShape)
        rule = str(shape).replace(PKGSH, "") if str(shape).startswith(PKGSH) else "(anonymous)"
        out.append((rule, rg.value(r, SH.focusNode), rg.value(r, SH.resultPath),
                    str(rg.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]))
    return sorted(out, key=str)


def test_conforming_graph_has_no_findings():
    g = base()
    assert results(g) == []
    report = audit(_dataset(g))
    assert report.findings == [] and report.conforms("warning")
    card = report.scorecards[0]
    assert (card.tasks, card.owned, card.measurable, card.binding, card.binding_numeric) == (1, 1, 1, 1, 1)


GRAPH = "https://example.org/audit/graph"
#: the engines each case is run with one by one (jena: all cases in one run, below)
PER_CASE = tuple(e for e in ENGINES if e != "jena")


def _dataset(g: Graph) -> Dataset:
    ds = Dataset(default_union=True)
    ds.graph(URIRef(GRAPH)).__iadd__(g)
    return ds


def _store(g: Graph) -> pyoxigraph.Store:
    """The graph as the one plan graph of an in-memory Oxigraph store."""
    store = pyoxigraph.Store()
    store.load(g.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES,
               to_graph=pyoxigraph.NamedNode(GRAPH))
    return store


def _stored(g: Graph) -> Graph:
    """`g` as an Oxigraph store gives it back: numbers in canonical form (99.0 becomes 99)."""
    return Graph().parse(data=_store(g).dump(format=pyoxigraph.RdfFormat.N_TRIPLES,
                                             from_graph=pyoxigraph.NamedNode(GRAPH)), format="nt")


def _audits(g: Graph, shapes: Graph | None = None) -> dict[str, object]:
    """The audit of `g` by every engine, per plan from a Dataset and in a batch from a store; and
    the per-plan audit of the graph the store holds, which the store audits must equal."""
    out = {f"dataset/{engine}": audit(_dataset(g), engine=engine, shapes=shapes) for engine in PER_CASE}
    out["stored/pyshacl"] = audit(_dataset(_stored(g)), shapes=shapes)
    out.update({f"store/{engine}": audit_store(_store(g), engine=engine, shapes=shapes) for engine in PER_CASE})
    return out


def _assert_same(reports: dict[str, object]) -> None:
    """Every engine gives the same findings and scorecards as pyshacl on the same data."""
    for name, other in reports.items():
        ref = reports["stored/pyshacl" if name.startswith("store") else "dataset/pyshacl"]
        assert other.findings == ref.findings, name
        assert other.scorecards == ref.scorecards, name


@pytest.mark.parametrize("rule,mutate,focus,path,severity", CASES, ids=[c[0] for c in CASES])
def test_rule_broken_once(rule, mutate, focus, path, severity):
    g = base()
    mutate(g)
    assert results(g) == [(rule, focus, path, severity)]
    reports = _audits(g)
    report = reports["dataset/pyshacl"]
    assert [(f.rule, f.focus, f.severity) for f in report.findings] == [(rule, str(focus), severity)]
    finding = report.findings[0]
    assert finding.message_zh and finding.message_en and finding.name_zh and finding.name_en
    assert finding.path == (str(path).rsplit("#", 1)[-1] if path is not None else "")
    assert finding.doc == "test.txt"
    # a finding names its source line, unless the rule is precisely that the line is missing
    assert (finding.line is None) == (rule in ("TaskSource", "SourceLocationLine"))
    _assert_same(reports)
    for name, other in reports.items():
        assert [(f.rule, f.focus, f.severity, f.line) for f in other.findings] == \
            [(rule, str(focus), severity, finding.line)], name
    # the standard report holds that one result, whichever engine made it
    for other in reports.values():
        rg = other.results
        r = next(rg.subjects(RDF.type, SH.ValidationResult))
        assert (rg.value(r, SH.focusNode), rg.value(r, SH.resultPath), rg.value(r, SH.sourceShape)) == (
            focus, path, URIRef(PKGSH + rule))


def test_sparql_rule_messages_quote_the_values():
    """The SPARQL rules' messages say which values broke them, the same from every engine."""
    g = base()
    g.remove((EX["binding-base"], PKG.value, None))
    g.add((EX["binding-base"], PKG.value, Literal("99.50", datatype=XSD.decimal)))
    g.remove((EX["task-target"], PKG.year, None))
    g.add((EX["task-target"], PKG.year, Literal("2030", datatype=XSD.gYear)))
    reports = _audits(g)
    got = {(f.rule, f.message_zh, f.message_en) for f in reports["dataset/pyshacl"].findings}
    assert got == {
        ("BaselineAboveTarget", "“≥/>”目标 99.0 低于基期值 99.50：指标会倒退",
         "the '≥'/'>' target 99.0 is below the baseline 99.50: the indicator would fall back"),
        ("TargetYearInPeriod", "目标年份 2030 不在规划期 2021–2025 内",
         "target year 2030 is outside the plan period 2021-2025"),
    }
    _assert_same(reports)
    # rdflib keeps a decimal as written; Oxigraph stores it canonically: the store audits quote the
    # values the store holds
    assert {f.message_en for f in reports["store/rudof"].findings} == {
        "the '≥'/'>' target 99 is below the baseline 99.5: the indicator would fall back",
        "target year 2030 is outside the plan period 2021-2025"}


def _renamed(g: Graph, case: int) -> Graph:
    """`g` with every example node moved into a namespace of the case's own."""
    def move(t):
        return URIRef(f"{EX}case{case}/{t[len(EX):]}") if isinstance(t, URIRef) and t.startswith(EX) else t
    out = Graph()
    for s, p, o in g:
        out.add((move(s), p, move(o)))
    return out


def test_every_rule_case_in_one_jena_run(jena):
    """All cases as the plans of one dataset: Jena validates them in one JVM (per audit, and per
    store batch) and gives each case its one finding, the same records as pyshacl."""
    ds = Dataset(default_union=True)
    for i, (_rule, mutate, *_rest) in enumerate(CASES):
        g = base()
        mutate(g)
        ds.graph(URIRef(f"{GRAPH}/{i}")).__iadd__(_renamed(g, i))
    ref = audit(ds)
    got = audit(ds, engine="jena")
    assert got.findings == ref.findings and got.scorecards == ref.scorecards
    by_plan = {}
    for f in got.findings:
        by_plan.setdefault(f.plan, []).append((f.rule, f.focus, f.severity))
    assert by_plan == {f"{EX}case{i}/plan": [(rule, f"{EX}case{i}/{focus[len(EX):]}", severity)]
                       for i, (rule, _m, focus, _p, severity) in enumerate(CASES)}
    store = pyoxigraph.Store()
    store.bulk_load(ds.serialize(format="nquads", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    stored = audit_store(store, engine="jena", batch_size=len(CASES))
    stored_ref = audit_store(store, engine="pyshacl")
    assert stored.findings == stored_ref.findings and stored.scorecards == stored_ref.scorecards
    assert len(stored.findings) == len(CASES)


_EXTRA_SHAPE = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix pkg: <https://w3id.org/policykg/ontology#> .
<https://example.org/shapes#TaskNumber> a sh:NodeShape ; sh:targetClass pkg:Task ;
    sh:property [ sh:path pkg:number ; sh:datatype <http://www.w3.org/2001/XMLSchema#integer> ;
                  sh:severity sh:Info ; sh:name "任务编号不是整数"@zh , "task number is not an integer"@en ;
                  sh:message "编号不是整数"@zh , "not an integer"@en ] .
"""


def _anonymous_findings(tmp_path, engines) -> dict:
    extra = tmp_path / "extra.ttl"
    extra.write_text(_EXTRA_SHAPE, encoding="utf-8")
    shapes = load_shapes([extra])
    return {engine: audit(_dataset(base()), shapes=shapes, engine=engine).findings for engine in engines}


def test_anonymous_shapes_keep_their_names_in_every_engine(tmp_path):
    """An extra shape file's blank-node property shape is reported with its sh:name by both engines."""
    got = _anonymous_findings(tmp_path, PER_CASE)
    assert [(f.rule, f.severity, f.name_en, f.message_en, f.value) for f in got["pyshacl"]] == [
        ("(anonymous shape)", "Info", "task number is not an integer", "not an integer", "1")]
    assert got["rudof"] == got["pyshacl"]


def test_anonymous_shapes_keep_their_names_in_jena(tmp_path, jena):
    got = _anonymous_findings(tmp_path, ("pyshacl", "jena"))
    assert got["jena"] == got["pyshacl"] and len(got["jena"]) == 1


def test_every_shipped_rule_is_exercised():
    shapes = load_shapes()
    rules = {str(s).replace(PKGSH, "") for s in shapes.subjects(SH.severity, None) if str(s).startswith(PKGSH)}
    assert rules == {c[0] for c in CASES}


def test_every_rule_is_documented_in_both_languages():
    shapes = load_shapes()
    for s in shapes.subjects(SH.severity, None):
        if not isinstance(s, URIRef):
            continue
        names = {o.language for o in shapes.objects(s, SH.name)}
        assert names >= {"zh", "en"}, s
        messages = {o.language for o in shapes.objects(s, SH.message)}
        sparql_messages = {o.language for c in shapes.objects(s, SH.sparql) for o in shapes.objects(c, SH.message)}
        assert (messages | sparql_messages) >= {"zh", "en"}, s


def test_a_sparql_rule_over_any_property(tmp_path):
    """A rule whose query reads any property (?p): the store audit then copies every triple out of
    the plan graphs, and the rule's rows fill its message; every engine and path agrees."""
    from policykg.shapes.engines import prepare
    extra = tmp_path / "any.ttl"
    extra.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix pkg: <https://w3id.org/policykg/ontology#> .
@prefix pkgsh: <https://w3id.org/policykg/shapes#> .
pkgsh:TaskValuedOne a sh:NodeShape ; sh:targetClass pkg:Task ; sh:severity sh:Info ;
    sh:name "任务有值为1的属性"@zh , "task has a property valued 1"@en ;
    sh:sparql [ a sh:SPARQLConstraint ; sh:prefixes pkgsh: ;
        sh:message "属性 {?p} 的值为 1"@zh , "property {?p} is 1"@en ;
        sh:select "SELECT $this ?p WHERE { $this ?p ?v . FILTER(STR(?v) = '1') }" ] .
""", encoding="utf-8")
    shapes = load_shapes([extra])
    assert prepare(shapes).predicates is None
    reports = _audits(base(), shapes)
    _assert_same(reports)
    assert [(f.rule, f.focus, f.message_en) for f in reports["store/rudof"].findings] == [
        ("TaskValuedOne", str(EX.task), f"property {PKG.number} is 1")]
