"""Each audit rule, broken exactly once on a small hand-made plan graph.

For every rule we assert the one result pyshacl reports: its rule (source shape), focus node, path
and severity.  Each case is checked twice: through `policykg.shapes.audit` and through plain pyshacl
with inference off and the ontology given as the ontology graph (how another tool would run the
shapes).
"""
from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS, XSD

from policykg.ontology import load_ontology
from policykg.shapes import audit, load_shapes
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


def _dataset(g: Graph) -> Dataset:
    ds = Dataset(default_union=True)
    ds.graph(URIRef("https://example.org/audit/graph")).__iadd__(g)
    return ds


@pytest.mark.parametrize("rule,mutate,focus,path,severity", CASES, ids=[c[0] for c in CASES])
def test_rule_broken_once(rule, mutate, focus, path, severity):
    g = base()
    mutate(g)
    assert results(g) == [(rule, focus, path, severity)]
    report = audit(_dataset(g))
    assert [(f.rule, f.focus, f.severity) for f in report.findings] == [(rule, str(focus), severity)]
    finding = report.findings[0]
    assert finding.message_zh and finding.message_en and finding.name_zh and finding.name_en
    assert finding.doc == "test.txt"
    # a finding names its source line, unless the rule is precisely that the line is missing
    assert (finding.line is None) == (rule == "TaskSource")


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
