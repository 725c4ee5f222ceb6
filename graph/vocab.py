"""The IRIs policykg writes: its own ontology terms and the W3C terms it reuses.

One place for every term, so the graph builder, the queries and the ontology document cannot drift
apart (tests check that every `PKG` term used here is declared in ontology/policykg.ttl).
"""
from __future__ import annotations

from hashlib import sha1

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, ORG, TIME

#: policykg's own ontology terms (classes, properties, concept individuals such as roles).
PKG = Namespace("https://w3id.org/policykg/ontology#")
#: Base of every IRI minted for data (plans, tasks, units, regions ...).
ID = Namespace("https://w3id.org/policykg/id/")
#: P-Plan: plans and their steps.
PPLAN = Namespace("http://purl.org/net/p-plan#")
#: W3C Web Annotation: text position / quote selectors for source spans.
OA = Namespace("http://www.w3.org/ns/oa#")

#: The named graph holding entities shared across plans (regions, department types, units,
#: cited documents).
SHARED_GRAPH = ID["graph/shared"]
#: The named graph that holds the ontology (policykg.ttl) in a store.
ONTOLOGY_GRAPH = ID["graph/ontology"]
#: The named graph where `validate --store` keeps each plan's audit (shapes/audit_cache.py); whole-store
#: reads (dataset(), graph_names()) leave it out: it is no part of the plans' data.
AUDIT_GRAPH = ID["graph/audit"]

PREFIXES: dict[str, Namespace] = {
    "pkg": PKG,
    "pkgid": ID,
    "dcterms": DCTERMS,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "p-plan": PPLAN,
    "oa": OA,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "time": TIME,
    "xsd": XSD,
}

# --- classes ---------------------------------------------------------------------------------
Plan = PKG.Plan
Chapter = PKG.Chapter
Section = PKG.Section
Task = PKG.Task
ProjectColumn = PKG.ProjectColumn
Project = PKG.Project
Indicator = PKG.Indicator
Target = PKG.Target
NumericTarget = PKG.NumericTarget
QualitativeTarget = PKG.QualitativeTarget
MilestoneTarget = PKG.MilestoneTarget  # a value to reach by a year before the target's (2023 under 2025)
Baseline = PKG.Baseline
CumulativeValue = PKG.CumulativeValue  # a total over the plan's period (〔35〕), not a level
Organization = PKG.Organization
Region = PKG.Region
SourceDocument = PKG.SourceDocument
SourceLocation = PKG.SourceLocation
CitedDocument = PKG.CitedDocument
Responsibility = PKG.Responsibility  # a prov:Association qualified by a role

# --- object properties -----------------------------------------------------------------------
hasChapter = PKG.hasChapter
hasSection = PKG.hasSection
hasTask = PKG.hasTask
inPlan = PKG.inPlan
inChapter = PKG.inChapter
inSection = PKG.inSection
inColumn = PKG.inColumn
leadUnit = PKG.leadUnit
supportingUnit = PKG.supportingUnit
implementsTask = PKG.implementsTask
deadline = PKG.deadline
responsibleOfficial = PKG.responsibleOfficial
hasIndicator = PKG.hasIndicator
hasBaseline = PKG.hasBaseline
hasTarget = PKG.hasTarget
measuredBy = PKG.measuredBy
comparator = PKG.comparator
attribute = PKG.attribute
region = PKG.region
parentRegion = PKG.parentRegion
issuer = PKG.issuer
sourceLocation = PKG.sourceLocation
document = PKG.document

period = DCTERMS.temporal  # Plan -> time:ProperInterval

# --- datatype properties ---------------------------------------------------------------------
number = PKG.number
title = PKG.title
fullText = PKG.fullText
category = PKG.category
unit = PKG.unit
value = PKG.value
year = PKG.year
printed = PKG.printed
group = PKG.group
projectPeriod = PKG.projectPeriod
periodStart = PKG.periodStart
periodEnd = PKG.periodEnd
isDraft = PKG.isDraft
publicationDate = PKG.publicationDate
adminLevel = PKG.adminLevel
line = PKG.line
endLine = PKG.endLine
fileName = PKG.fileName
sha256 = PKG.sha256
orderIndex = PKG.orderIndex
chapterKind = PKG.chapterKind
printedName = PKG.printedName  # a Responsibility: the unit's name as this plan prints it
# --- what the loaders understood of a document (loaders/coverage.py) ---------------------------
CollectiveUnit = PKG.CollectiveUnit  # 各镇（街道）, 各有关单位: several bodies named as one
ReadingGap = PKG.ReadingGap
readingGap = PKG.readingGap  # Plan -> ReadingGap
gapKind = PKG.gapKind
gapLine = PKG.gapLine
coverage = PKG.coverage  # Plan: read over announced, 0..1
tasksRead = PKG.tasksRead
unreadParagraphs = PKG.unreadParagraphs
responsibilityMarkers = PKG.responsibilityMarkers
responsibilityMarkersRead = PKG.responsibilityMarkersRead
indicatorRowsPrinted = PKG.indicatorRowsPrinted
boxesPrinted = PKG.boxesPrinted

# --- concept individuals (SKOS concepts declared in the ontology) ------------------------------
lead = PKG.lead  # prov:Role
support = PKG.support  # prov:Role
binding = PKG.binding  # 约束性
expected = PKG.expected  # 预期性
ComparatorScheme = PKG.ComparatorScheme
IndicatorAttributeScheme = PKG.IndicatorAttributeScheme
ResponsibilityRoleScheme = PKG.ResponsibilityRoleScheme
DepartmentTypeScheme = ID["department-type"]
#: comparator symbol (as normalised by the loaders) -> concept
COMPARATORS = {
    ">": PKG.greaterThan,
    "≥": PKG.atLeast,
    "=": PKG.equalTo,
    "≤": PKG.atMost,
    "<": PKG.lessThan,
    "≈": PKG.about,
}

# --- reasoning: defined classes and inverse properties (inferred, never written by graph/build.py) ---
LeadUnit = PKG.LeadUnit  # Organization ⊓ ∃leads.Task
OwnedTask = PKG.OwnedTask  # Task ⊓ ∃leadUnit.Organization
MeasurableTask = PKG.MeasurableTask  # Task ⊓ (∃hasTarget.Target ⊔ ∃measuredBy.(Indicator ⊓ ∃hasTarget.NumericTarget))
BindingIndicator = PKG.BindingIndicator  # Indicator ⊓ ∃attribute.{binding}
CrossDepartmentTask = PKG.CrossDepartmentTask  # lead and supporting units of different department types
responsibleFor = PKG.responsibleFor  # Organization -> Task; super-property of leads and supports
leads = PKG.leads  # owl:inverseOf leadUnit
supports = PKG.supports  # owl:inverseOf supportingUnit
#: Base of the named graphs holding inferred triples (ontology/reasoning.py): one per plan graph,
#: `graph/inferred/plan/...` beside `graph/plan/...`, or `graph/inferred` itself for a graph that has
#: no per-plan named graphs.
INFERRED_GRAPH = ID["graph/inferred"]
_GRAPH_BASE = str(ID["graph/"])


def inferred_graph_iri(asserted: URIRef | None) -> URIRef:
    """…/id/graph/plan/<path> -> …/id/graph/inferred/plan/<path>; None -> …/id/graph/inferred."""
    if asserted is None:
        return INFERRED_GRAPH
    text = str(asserted)
    rest = text[len(_GRAPH_BASE):] if text.startswith(_GRAPH_BASE) else "g/" + sha1(text.encode()).hexdigest()[:16]
    return URIRef(f"{INFERRED_GRAPH}/{rest}")
