"""Tests for the policykg ontology document (ontology/policykg.ttl).

They check that the document parses, that it declares and labels (in English and Chinese) every
pkg: term that graph/vocab.py uses and nothing else, that it stays OWL 2 DL without imports, and
that owlready2 loads it and HermiT finds it consistent.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from importlib.resources import as_file
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from policykg.graph import vocab
from policykg.ontology import ONTOLOGY_IRI, load_ontology, ontology_path

PKG = vocab.PKG
ONTOLOGY = URIRef(ONTOLOGY_IRI)
PPLAN = Namespace("http://purl.org/net/p-plan#")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")

#: rdf:type values that count as "declared" for a pkg: term.
DECLARATION_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.NamedIndividual,
    SKOS.Concept,
    SKOS.ConceptScheme,
}
#: Namespaces whose terms are built into OWL 2 and need no declaration.
BUILTIN_NAMESPACES = (str(RDF), str(RDFS), str(OWL), str(XSD))
#: Annotation properties built into OWL 2.
BUILTIN_ANNOTATION_PROPERTIES = {
    RDFS.label,
    RDFS.comment,
    RDFS.seeAlso,
    RDFS.isDefinedBy,
    OWL.versionInfo,
    OWL.deprecated,
}
#: Datatypes of the OWL 2 datatype map that policykg uses.
OWL2_MAP_DATATYPES = {
    XSD.string,
    XSD.decimal,
    XSD.boolean,
    XSD.integer,
    XSD.positiveInteger,
    XSD.nonNegativeInteger,
    RDFS.Literal,
    RDF.PlainLiteral,
}
#: Datatypes outside the OWL 2 datatype map that the ontology knowingly uses as ranges
#: (documented in the ontology header; HermiT needs ignore_unsupported_datatypes for them).
KNOWN_NON_MAP_DATATYPES = {XSD.gYear, XSD.date}

MAIN_CLASSES = [
    vocab.Plan, vocab.Chapter, vocab.Section, vocab.Task, vocab.ProjectColumn, vocab.Project,
    vocab.Indicator, vocab.Target, vocab.Baseline, vocab.Organization, vocab.Region,
    vocab.SourceDocument, vocab.SourceLocation, vocab.CitedDocument, vocab.Responsibility,
]


def _vocab_pkg_terms() -> set[URIRef]:
    """Every pkg: IRI graph/vocab.py defines: module-level URIRefs plus COMPARATORS values."""
    terms = {
        value
        for value in vars(vocab).values()
        if isinstance(value, URIRef) and str(value).startswith(str(PKG))
    }
    terms.update(vocab.COMPARATORS.values())
    return terms


VOCAB_TERMS = sorted(_vocab_pkg_terms())


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def _langs(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def _local(term: URIRef) -> str:
    return str(term).rsplit("#", 1)[-1]


# --- the document ----------------------------------------------------------------------------


def test_file_starts_with_comment_block() -> None:
    with as_file(ontology_path()) as path:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#"), "the ontology document must open with a comment"
    first_statement = next(i for i, line in enumerate(lines) if line.startswith("@prefix"))
    assert first_statement >= 5 and all(
        line.startswith("#") or not line.strip() for line in lines[:first_statement]
    ), "the opening comment block must say what the file is for, before any statement"


def test_parses_with_rdflib_and_load_returns_independent_copies() -> None:
    with as_file(ontology_path()) as path:
        assert len(Graph().parse(path, format="turtle")) > 500
    first = load_ontology()
    assert len(first) > 500
    first.remove((None, None, None))
    assert len(load_ontology()) > 500


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in onto
    assert {"en", "zh"} <= _langs(onto, ONTOLOGY, DCTERMS.title)
    assert onto.value(ONTOLOGY, DCTERMS.description) is not None
    assert onto.value(ONTOLOGY, OWL.versionInfo) is not None
    profile_notes = " ".join(str(c) for c in onto.objects(ONTOLOGY, RDFS.comment))
    for profile in ("OWL 2 EL", "RL", "OWL 2 DL"):
        assert profile in profile_notes, f"the header should say which axioms need {profile}"


# --- every vocab.py term is declared and labelled --------------------------------------------


def test_vocab_term_list_is_not_empty() -> None:
    # guards against the parametrised tests below silently running over nothing
    assert len(VOCAB_TERMS) >= 60
    assert set(vocab.COMPARATORS.values()) <= set(VOCAB_TERMS)


@pytest.mark.parametrize("term", VOCAB_TERMS, ids=_local)
def test_vocab_term_declared(onto: Graph, term: URIRef) -> None:
    types = set(onto.objects(term, RDF.type))
    assert types & DECLARATION_TYPES, f"{term} is not declared (types: {types})"


@pytest.mark.parametrize("term", VOCAB_TERMS, ids=_local)
def test_vocab_term_labelled_and_defined_in_en_and_zh(onto: Graph, term: URIRef) -> None:
    assert {"en", "zh"} <= _langs(onto, term, RDFS.label), f"{term}: rdfs:label @en and @zh"
    assert {"en", "zh"} <= _langs(onto, term, SKOS.definition), f"{term}: skos:definition @en, @zh"


def test_no_pkg_term_beyond_vocab(onto: Graph) -> None:
    """The ontology declares nothing the builder does not know about (drift the other way)."""
    declared = {
        s
        for s in onto.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(PKG))
    }
    assert declared == set(VOCAB_TERMS)


# --- reuse of W3C vocabularies ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sub", "predicate", "sup"),
    [
        (vocab.Plan, RDFS.subClassOf, PPLAN.Plan),
        (PPLAN.Plan, RDFS.subClassOf, PROV.Plan),
        (vocab.Task, RDFS.subClassOf, PPLAN.Step),
        (vocab.Organization, RDFS.subClassOf, ORG.Organization),
        (vocab.Responsibility, RDFS.subClassOf, PROV.Association),
        (vocab.SourceDocument, RDFS.subClassOf, PROV.Entity),
        (vocab.SourceLocation, RDFS.subClassOf, OA.TextPositionSelector),
        (vocab.Region, RDFS.subClassOf, DCTERMS.Location),
        (vocab.CitedDocument, RDFS.subClassOf, DCTERMS.BibliographicResource),
        (vocab.NumericTarget, RDFS.subClassOf, vocab.Target),
        (vocab.QualitativeTarget, RDFS.subClassOf, vocab.Target),
        (vocab.leadUnit, RDFS.subPropertyOf, PROV.wasAssociatedWith),
        (vocab.supportingUnit, RDFS.subPropertyOf, PROV.wasAssociatedWith),
        (vocab.hasChapter, RDFS.subPropertyOf, DCTERMS.hasPart),
        (vocab.hasSection, RDFS.subPropertyOf, DCTERMS.hasPart),
        (vocab.hasTask, RDFS.subPropertyOf, DCTERMS.hasPart),
        (vocab.inPlan, RDFS.subPropertyOf, DCTERMS.isPartOf),
        (vocab.inChapter, RDFS.subPropertyOf, DCTERMS.isPartOf),
        (vocab.inSection, RDFS.subPropertyOf, DCTERMS.isPartOf),
        (vocab.inColumn, RDFS.subPropertyOf, DCTERMS.isPartOf),
    ],
    ids=lambda t: _local(t) if isinstance(t, URIRef) else None,
)
def test_reuse_axiom(onto: Graph, sub: URIRef, predicate: URIRef, sup: URIRef) -> None:
    assert (sub, predicate, sup) in onto


def test_no_undeclared_external_entities(onto: Graph) -> None:
    """OWL 2 DL without imports: every non-builtin IRI used in a logical position is declared."""
    annotation_properties = BUILTIN_ANNOTATION_PROPERTIES | set(
        onto.subjects(RDF.type, OWL.AnnotationProperty)
    )
    entity_types = DECLARATION_TYPES | {OWL.AnnotationProperty, OWL.Ontology}
    declared = {s for t in entity_types for s in onto.subjects(RDF.type, t)}
    undeclared = set()
    for s, p, o in onto:
        if p in annotation_properties:
            iris = [s, p] if s != ONTOLOGY else [p]
        else:
            iris = [s, p, o]
        for iri in iris:
            if isinstance(iri, URIRef) and not str(iri).startswith(BUILTIN_NAMESPACES):
                if iri not in declared and iri != ONTOLOGY:
                    undeclared.add(iri)
    assert not undeclared, f"undeclared: {sorted(undeclared)}"


def test_no_property_punning(onto: Graph) -> None:
    """An IRI is at most one of object / datatype / annotation property (OWL 2 DL)."""
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    for a in kinds:
        for b in kinds:
            if a != b:
                both = set(onto.subjects(RDF.type, a)) & set(onto.subjects(RDF.type, b))
                assert not both, f"{both} declared both {a} and {b}"


def test_range_datatypes(onto: Graph) -> None:
    ranges = {
        o
        for p in onto.subjects(RDF.type, OWL.DatatypeProperty)
        for o in onto.objects(p, RDFS.range)
    }
    assert ranges - OWL2_MAP_DATATYPES <= KNOWN_NON_MAP_DATATYPES


# --- specific axioms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prop", "kind"),
    [
        (vocab.value, OWL.DatatypeProperty),
        (vocab.comparator, OWL.ObjectProperty),
        (vocab.periodStart, OWL.DatatypeProperty),
        (vocab.periodEnd, OWL.DatatypeProperty),
        (vocab.year, OWL.DatatypeProperty),  # a target or baseline is for one year
        (vocab.attribute, OWL.ObjectProperty),  # an indicator is binding or expected, not both
        (vocab.inColumn, OWL.ObjectProperty),  # a project is listed in one box
    ],
    ids=lambda t: _local(t),
)
def test_functional_properties(onto: Graph, prop: URIRef, kind: URIRef) -> None:
    assert (prop, RDF.type, kind) in onto
    assert (prop, RDF.type, OWL.FunctionalProperty) in onto


@pytest.mark.parametrize(
    ("prop", "datatype"),
    [
        (vocab.value, XSD.decimal),
        (vocab.year, XSD.gYear),
        (vocab.periodStart, XSD.gYear),
        (vocab.isDraft, XSD.boolean),
        (vocab.publicationDate, XSD.date),
        (vocab.line, XSD.positiveInteger),
        (vocab.endLine, XSD.positiveInteger),
        (vocab.orderIndex, XSD.nonNegativeInteger),
        (vocab.number, XSD.string),
    ],
    ids=lambda t: _local(t),
)
def test_datatype_ranges(onto: Graph, prop: URIRef, datatype: URIRef) -> None:
    assert (prop, RDFS.range, datatype) in onto


def test_numeric_and_qualitative_targets_disjoint(onto: Graph) -> None:
    assert (vocab.NumericTarget, OWL.disjointWith, vocab.QualitativeTarget) in onto


def test_main_classes_pairwise_disjoint(onto: Graph) -> None:
    groups = [
        set(Collection(onto, members))
        for node in onto.subjects(RDF.type, OWL.AllDisjointClasses)
        for members in onto.objects(node, OWL.members)
    ]
    assert any(set(MAIN_CLASSES) <= group for group in groups)


def test_no_wrong_inverse(onto: Graph) -> None:
    """inSection also holds for project boxes, so it is not the inverse of hasTask."""
    assert (vocab.hasTask, OWL.inverseOf, vocab.inSection) not in onto
    assert (vocab.inSection, OWL.inverseOf, vocab.hasTask) not in onto
    assert (vocab.hasChapter, OWL.inverseOf, vocab.inChapter) not in onto


# --- axioms for reasoning (ontology/reasoning/) ------------------------------------------------


@pytest.mark.parametrize(
    ("unit_side", "task_side"),
    [(vocab.leads, vocab.leadUnit), (vocab.supports, vocab.supportingUnit)],
    ids=lambda t: _local(t),
)
def test_unit_side_inverses(onto: Graph, unit_side: URIRef, task_side: URIRef) -> None:
    """Organization -> Task properties are the inverses of what the loaders write, under responsibleFor."""
    assert (unit_side, OWL.inverseOf, task_side) in onto
    assert (unit_side, RDFS.subPropertyOf, vocab.responsibleFor) in onto
    assert (unit_side, RDFS.domain, vocab.Organization) in onto and (unit_side, RDFS.range, vocab.Task) in onto
    assert (vocab.responsibleFor, RDFS.domain, vocab.Organization) in onto
    assert (vocab.responsibleFor, RDFS.range, vocab.Task) in onto


def test_part_of_chains(onto: Graph) -> None:
    chains = {tuple(Collection(onto, c)) for c in onto.objects(vocab.inPlan, OWL.propertyChainAxiom)}
    assert chains == {(vocab.inSection, vocab.inPlan), (vocab.inChapter, vocab.inPlan),
                      (vocab.inColumn, vocab.inPlan)}
    # inPlan is non-simple now: OWL 2 DL forbids it in functional or cardinality axioms
    assert (vocab.inPlan, RDF.type, OWL.FunctionalProperty) not in onto


@pytest.mark.parametrize(
    "cls", [vocab.LeadUnit, vocab.OwnedTask, vocab.MeasurableTask, vocab.BindingIndicator], ids=_local
)
def test_defined_classes_are_equivalences(onto: Graph, cls: URIRef) -> None:
    assert len(list(onto.objects(cls, OWL.equivalentClass))) == 1


def test_cross_department_task_only_necessary_conditions(onto: Graph) -> None:
    """Not definable in OWL 2 DL: no equivalence, a named superclass, and the rule in its scope note."""
    assert not list(onto.objects(vocab.CrossDepartmentTask, OWL.equivalentClass))
    assert (vocab.CrossDepartmentTask, RDFS.subClassOf, vocab.OwnedTask) in onto
    notes = " ".join(str(n) for n in onto.objects(vocab.CrossDepartmentTask, SKOS.scopeNote))
    assert "CONSTRUCT" in notes and "org:classification" in notes


# --- concept schemes ---------------------------------------------------------------------------


@pytest.mark.parametrize("symbol", sorted(vocab.COMPARATORS))
def test_comparator_concept(onto: Graph, symbol: str) -> None:
    concept = vocab.COMPARATORS[symbol]
    assert (concept, RDF.type, SKOS.Concept) in onto
    assert (concept, RDF.type, OWL.NamedIndividual) in onto
    assert (concept, SKOS.inScheme, vocab.ComparatorScheme) in onto
    assert (concept, SKOS.topConceptOf, vocab.ComparatorScheme) in onto
    assert {str(n) for n in onto.objects(concept, SKOS.notation)} == {symbol}


@pytest.mark.parametrize(
    ("concept", "zh", "en"),
    [(vocab.binding, "约束性", "binding"), (vocab.expected, "预期性", "expected (indicative)")],
    ids=["binding", "expected"],
)
def test_indicator_attribute_concepts(onto: Graph, concept: URIRef, zh: str, en: str) -> None:
    assert (concept, RDF.type, SKOS.Concept) in onto
    assert (concept, SKOS.topConceptOf, vocab.IndicatorAttributeScheme) in onto
    assert (concept, SKOS.prefLabel, Literal(zh, lang="zh")) in onto
    assert (concept, SKOS.prefLabel, Literal(en, lang="en")) in onto
    assert onto.value(concept, SKOS.notation) is not None


@pytest.mark.parametrize("role", [vocab.lead, vocab.support], ids=_local)
def test_roles(onto: Graph, role: URIRef) -> None:
    assert {PROV.Role, SKOS.Concept, OWL.NamedIndividual} <= set(onto.objects(role, RDF.type))
    assert (role, SKOS.topConceptOf, vocab.ResponsibilityRoleScheme) in onto


@pytest.mark.parametrize(
    "scheme",
    [vocab.ComparatorScheme, vocab.IndicatorAttributeScheme, vocab.ResponsibilityRoleScheme],
    ids=_local,
)
def test_schemes(onto: Graph, scheme: URIRef) -> None:
    assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
    members = set(onto.subjects(SKOS.inScheme, scheme))
    # every member is a top concept; skos:hasTopConcept is not stated on the schemes (pyshacl's
    # ont_graph mixing explodes on the scheme <-> concept cycle, see the ontology) but follows from
    # its declared inverse
    assert members and members == set(onto.subjects(SKOS.topConceptOf, scheme))
    assert (SKOS.hasTopConcept, OWL.inverseOf, SKOS.topConceptOf) in onto


# --- owlready2 and HermiT ----------------------------------------------------------------------

needs_java = pytest.mark.skipif(
    shutil.which("java") is None, reason="HermiT (via owlready2) needs a `java` executable on PATH"
)


def _reason(graph: Graph, directory: Path, infer_property_values: bool = False):
    """Load `graph` into a fresh owlready2 World (as N-Triples) and run HermiT on it."""
    owlready2 = pytest.importorskip("owlready2")
    path = directory / "policykg.nt"
    graph.serialize(destination=path, format="nt", encoding="utf-8")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    # xsd:gYear / xsd:date are outside the OWL 2 datatype map (see the ontology header).
    owlready2.sync_reasoner_hermit(
        world,
        infer_property_values=infer_property_values,
        debug=0,
        ignore_unsupported_datatypes=True,
    )
    return world


def test_owlready2_loads(tmp_path: Path) -> None:
    owlready2 = pytest.importorskip("owlready2")
    path = tmp_path / "policykg.nt"
    load_ontology().serialize(destination=path, format="nt", encoding="utf-8")
    world = owlready2.World()
    ontology = world.get_ontology(path.as_uri()).load()
    assert ontology.base_iri == ONTOLOGY_IRI + "#"
    assert isinstance(world[str(vocab.Task)], owlready2.ThingClass)
    assert owlready2.FunctionalProperty in world[str(vocab.value)].is_a
    assert world[str(vocab.hasSection)].inverse_property is world[str(vocab.inChapter)]


@needs_java
def test_hermit_finds_ontology_consistent(tmp_path: Path) -> None:
    world = _reason(load_ontology(), tmp_path)
    assert list(world.inconsistent_classes()) == []


@needs_java
@pytest.mark.parametrize(
    "abox",
    [
        pytest.param([(RDF.type, vocab.Task), (RDF.type, vocab.Project)], id="disjoint-classes"),
        pytest.param(
            [
                (vocab.comparator, vocab.COMPARATORS["≥"]),
                (vocab.comparator, vocab.COMPARATORS["≤"]),
            ],
            id="functional-comparator",
        ),
        pytest.param(
            [(RDF.type, vocab.NumericTarget), (RDF.type, vocab.QualitativeTarget)],
            id="numeric-vs-qualitative",
        ),
    ],
)
def test_hermit_detects_contradictions(tmp_path: Path, abox: list) -> None:
    """The reasoner run is not vacuous: the disjointness and functionality axioms bite."""
    owlready2 = pytest.importorskip("owlready2")
    graph = load_ontology()
    thing = URIRef("https://w3id.org/policykg/id/test/thing")
    graph.add((thing, RDF.type, OWL.NamedIndividual))
    for predicate, obj in abox:
        graph.add((thing, predicate, obj))
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(graph, tmp_path)


@needs_java
def test_hermit_accepts_typical_plan_data(tmp_path: Path) -> None:
    """The domains, ranges and functional axioms do not reject data shaped as intended."""
    ids = Namespace("https://w3id.org/policykg/id/test/")
    graph = load_ontology()
    facts = [
        (ids.plan, RDF.type, vocab.Plan),
        (ids.plan, DCTERMS.title, Literal("西固区“十四五”残疾人保障和发展规划", lang="zh")),
        (ids.plan, DCTERMS.issued, Literal("2022-03-01", datatype=XSD.date)),
        (ids.plan, DCTERMS.identifier, Literal("薛政字〔2022〕15号")),
        (ids.plan, vocab.periodStart, Literal("2021", datatype=XSD.gYear)),
        (ids.plan, vocab.periodEnd, Literal("2025", datatype=XSD.gYear)),
        (ids.plan, vocab.isDraft, Literal(False)),
        (ids.plan, vocab.region, ids.district),
        (ids.plan, vocab.issuer, ids.government),
        (ids.plan, DCTERMS.references, ids.law),
        (ids.law, RDF.type, vocab.CitedDocument),
        (ids.district, RDF.type, vocab.Region),
        (ids.district, vocab.adminLevel, Literal("district")),
        (ids.district, vocab.parentRegion, ids.city),
        (ids.city, RDF.type, vocab.Region),
        (ids.government, RDF.type, vocab.Organization),
        (ids.government, vocab.region, ids.district),
        (ids.plan, vocab.hasChapter, ids.chapter),
        (ids.chapter, vocab.chapterKind, Literal("tasks")),
        (ids.chapter, vocab.number, Literal("三")),
        (ids.chapter, vocab.title, Literal("重点任务与主要举措", lang="zh")),
        (ids.chapter, vocab.hasSection, ids.section),
        (ids.section, vocab.inPlan, ids.plan),
        (ids.section, vocab.hasTask, ids.task),
        (ids.section, vocab.orderIndex, Literal(3)),
        (ids.task, vocab.fullText, Literal("巩固低收入残疾人脱贫攻坚成果。")),
        (ids.task, vocab.leadUnit, ids.dpf),
        (ids.task, vocab.supportingUnit, ids.civil),
        (ids.task, PROV.qualifiedAssociation, ids.resp),
        (ids.resp, RDF.type, vocab.Responsibility),
        (ids.resp, PROV.agent, ids.dpf),
        (ids.resp, PROV.hadRole, vocab.lead),
        (ids.task, vocab.measuredBy, ids.indicator),
        (ids.row, vocab.implementsTask, ids.task),
        (ids.row, vocab.inPlan, ids.plan),
        (ids.dpf, ORG.classification, ids.dpfType),
        (ids.dpfType, RDF.type, SKOS.Concept),
        (ids.civil, RDF.type, vocab.Organization),
        (ids.section, vocab.sourceLocation, ids.loc),
        (ids.loc, vocab.document, ids.doc),
        (ids.loc, vocab.line, Literal(173)),
        (ids.loc, vocab.endLine, Literal(175)),
        (ids.loc, OA.exact, Literal("巩固拓展残疾人脱贫攻坚成果")),
        (ids.doc, vocab.fileName, Literal("000_923142c7cfa8cd52.txt")),
        (ids.doc, vocab.sha256, Literal("0" * 64)),
        (ids.column, vocab.inSection, ids.section),
        (ids.project, vocab.inColumn, ids.column),
        (ids.project, vocab.group, Literal("资金类")),
        (ids.plan, vocab.hasIndicator, ids.indicator),
        (ids.indicator, vocab.category, Literal("收入和就业")),
        (ids.indicator, vocab.unit, Literal("%")),
        (ids.indicator, vocab.attribute, vocab.binding),
        (ids.indicator, vocab.hasBaseline, ids.baseline),
        (ids.baseline, vocab.value, Literal("92.5", datatype=XSD.decimal)),
        (ids.baseline, vocab.year, Literal("2020", datatype=XSD.gYear)),
        (ids.indicator, vocab.hasTarget, ids.target),
        (ids.target, RDF.type, vocab.NumericTarget),
        (ids.target, vocab.printed, Literal(">99%")),
        (ids.target, vocab.comparator, vocab.COMPARATORS[">"]),
        (ids.target, vocab.value, Literal(99)),
        (ids.target, vocab.year, Literal("2025", datatype=XSD.gYear)),
        (ids.task, vocab.hasTarget, ids.qualitative),
        (ids.qualitative, RDF.type, vocab.QualitativeTarget),
        (ids.qualitative, vocab.printed, Literal("与国内生产总值增长基本同步", lang="zh")),
    ]
    for fact in facts:
        graph.add(fact)
    for node in {s for s, _, _ in facts} | {o for _, p, o in facts if p != RDF.type}:
        if isinstance(node, URIRef) and str(node).startswith(str(ids)):
            graph.add((node, RDF.type, OWL.NamedIndividual))
    world = _reason(graph, tmp_path)
    assert list(world.inconsistent_classes()) == []
    # the domains did their work: untyped nodes got their class from the properties used (the
    # task's most specific classes are now the defined OwnedTask / MeasurableTask, hence isinstance)
    assert isinstance(world[str(ids.task)], world[str(vocab.Task)])
    assert world[str(vocab.ProjectColumn)] in world[str(ids.column)].is_a
    # and the defined classes did theirs: a lead unit and a qualitative target of its own
    assert {world[str(vocab.OwnedTask)], world[str(vocab.MeasurableTask)]} <= set(world[str(ids.task)].is_a)
    assert world[str(vocab.BindingIndicator)] in world[str(ids.indicator)].is_a


@needs_java
def test_hermit_infers_part_of_shortcuts(tmp_path: Path) -> None:
    """hasChapter⁻ ⊑ inPlan and hasSection ≡ inChapter⁻ survive the owlready2 round trip."""
    graph = load_ontology()
    ids = Namespace("https://w3id.org/policykg/id/test/")
    for node in (ids.plan, ids.chapter, ids.section):
        graph.add((node, RDF.type, OWL.NamedIndividual))
    graph.add((ids.plan, vocab.hasChapter, ids.chapter))
    graph.add((ids.chapter, vocab.hasSection, ids.section))
    world = _reason(graph, tmp_path, infer_property_values=True)
    chapter, section, plan = (world[str(n)] for n in (ids.chapter, ids.section, ids.plan))
    assert plan in world[str(vocab.inPlan)][chapter]
    assert chapter in world[str(vocab.inChapter)][section]
    assert world[str(vocab.Chapter)] in chapter.is_a


# --- OWL 2 profiles (OWL API checkers bundled in owlready2's HermiT.jar) ------------------------

_PROFILE_CHECK_JAVA = r"""
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;
public class ProfileCheck {
  public static void main(String[] args) throws Exception {
    OWLOntology o = OWLManager.createOWLOntologyManager()
        .loadOntologyFromOntologyDocument(new File(args[0]));
    OWLProfile[] profiles = { new OWL2DLProfile(), new OWL2ELProfile(), new OWL2RLProfile() };
    for (OWLProfile p : profiles)
      for (OWLProfileViolation v : p.checkOntology(o).getViolations())
        System.out.println(p.getName() + "\t" + v.toString().replace("\n", " ").replace("\t", " "));
  }
}
"""


def _hermit_jar() -> Path | None:
    owlready2 = pytest.importorskip("owlready2")
    jar = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"
    return jar if jar.exists() else None


@pytest.mark.skipif(
    shutil.which("javac") is None or shutil.which("java") is None,
    reason="the OWL API profile check compiles a small Java class: needs `javac` and `java`",
)
def test_owl2_profiles_match_header(tmp_path: Path) -> None:
    """OWL 2 DL without violations; EL / RL violations only of the kinds the header lists."""
    jar = _hermit_jar()
    if jar is None:
        pytest.skip("owlready2's HermiT.jar (which bundles the OWL API) not found")
    (tmp_path / "ProfileCheck.java").write_text(_PROFILE_CHECK_JAVA, encoding="utf-8")
    subprocess.run(
        ["javac", "-cp", str(jar), "-d", str(tmp_path), str(tmp_path / "ProfileCheck.java")],
        check=True, capture_output=True,
    )
    owl_file = tmp_path / "policykg.owl"
    load_ontology().serialize(destination=owl_file, format="xml")
    run = subprocess.run(
        ["java", "-cp", f"{jar}{os.pathsep}{tmp_path}", "ProfileCheck",
         str(owl_file)],
        check=True, capture_output=True, text=True,
    )
    violations: dict[str, list[str]] = {"OWL 2 DL": [], "OWL 2 EL": [], "OWL 2 RL": []}
    for line in run.stdout.splitlines():
        profile, _, text = line.partition("\t")
        violations[profile].append(text)
    assert violations["OWL 2 DL"] == []
    allowed = {
        # (2) in the header: RL and DL, not EL
        "OWL 2 EL": (
            "FunctionalObjectProperty", "InverseObjectProperties", "Use of inverse property",
            "xsd:boolean", "xsd:positiveInteger", "ObjectUnionOf", "xsd:gYear", "xsd:date",
        ),
        # (2b) in the header: EL and DL, not RL (existentials on the superclass side); (3): DL only
        "OWL 2 RL": (
            "ObjectUnionOf", "xsd:gYear", "xsd:date",
            f"EquivalentClasses(<{vocab.LeadUnit}>", f"EquivalentClasses(<{vocab.OwnedTask}>",
            f"EquivalentClasses(<{vocab.MeasurableTask}>", f"SubClassOf(<{vocab.CrossDepartmentTask}>",
        ),
    }
    for profile, kinds in allowed.items():
        unexpected = [v for v in violations[profile] if not any(k in v for k in kinds)]
        assert not unexpected, f"update the header's profile comment: {profile}: {unexpected}"
        assert violations[profile], f"{profile}: no violations any more, update the header comment"
