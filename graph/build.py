"""Plan records to RDF: one named graph per plan, one shared graph for what plans have in common.

The plan graph holds the plan, its chapters, sections, tasks, boxes, indicators, responsibilities and
source locations; the shared graph holds regions, units, department types and cited documents, which
several plans of a region name.  No blank nodes: every node has a deterministic IRI (graph/iris.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD

from policykg.graph import iris
from policykg.graph import vocab as V
from policykg.loaders.model import (Chapter, Indicator, PlanRecord, Project, ProjectColumn, RegionRef,
                                    Section, Span, Task, UnitRef, Value)
from policykg.loaders.reference import department_types
from policykg.loaders.text import cn_number
from policykg.loaders.values import is_missing

ATTRIBUTE_CONCEPTS = {"约束性": V.binding, "预期性": V.expected}


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _year(y: int) -> Literal:
    return Literal(f"{y:04d}", datatype=XSD.gYear)


#: the triples of one graph, as built: a plain set (an rdflib Graph costs 4x as much per triple, and
#: building is the hot loop of a national load; `assemble` and the store loaders take any iterable)
Triples = set[tuple[Node, Node, Node]]


@dataclass
class PlanGraph:
    """The triples of one plan, split into its own graph and its contribution to the shared graph."""

    iri: URIRef
    graph_iri: URIRef
    path: str
    record: PlanRecord
    graph: Triples = field(default_factory=set)
    shared: Triples = field(default_factory=set)


class _Keys:
    """Mint unique keys within a parent: the printed number when it is unique, else the ordinal."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def key(self, preferred: str, ordinal: int) -> str:
        k = preferred or f"n{ordinal}"
        if k in self.used:
            k = f"{k}-{ordinal}"
        self.used.add(k)
        return k


def _numeral_key(no: str) -> str:
    n = cn_number(no) if no and not no.isdigit() else None
    return str(n) if n else no


class PlanGraphBuilder:
    def __init__(self, record: PlanRecord, path: str) -> None:
        self.r = record
        self.path = path
        self.iri = iris.plan_iri(path)
        self.out = PlanGraph(self.iri, iris.plan_graph_iri(path), path, record)
        self.g = self.out.graph
        self.s = self.out.shared
        self.doc = iris.document_iri(record.document.sha256)
        self._task_nodes: dict[int, URIRef] = {}  # id(Task) -> IRI, for implementsTask links
        self._indicator_nodes: dict[int, URIRef] = {}  # id(Indicator) -> IRI, for measuredBy links
        self._measured_by: list[tuple[URIRef, int]] = []

    # -- shared entities -----------------------------------------------------------------------
    def region(self, region: RegionRef) -> URIRef:
        node = iris.region_iri(region)
        s = self.s
        s.add((node, RDF.type, V.Region))
        s.add((node, RDFS.label, zh(region.name)))
        s.add((node, SKOS.prefLabel, zh(region.name)))
        s.add((node, V.adminLevel, Literal(region.level)))
        if region.code:
            s.add((node, DCTERMS.identifier, Literal(region.code)))
        if region.parent is not None:
            s.add((node, V.parentRegion, self.region(region.parent)))
        return node

    def unit(self, unit: UnitRef) -> URIRef:
        region_node = self.region(unit.region) if unit.region.name else None
        region_key = iris.region_path(unit.region) if unit.region.name else "unknown-region"
        node = iris.org_iri(region_key, unit.key)
        s = self.s
        s.add((node, RDF.type, V.Organization))
        if unit.collective:
            s.add((node, RDF.type, V.CollectiveUnit))
        s.add((node, RDFS.label, zh(unit.label)))
        s.add((node, SKOS.prefLabel, zh(unit.label)))
        for alt in unit.alt_labels:
            s.add((node, SKOS.altLabel, zh(alt)))
        s.add((node, ORG.classification, iris.department_type_iri(unit.dept_type)))
        if region_node is not None:
            s.add((node, V.region, region_node))
        return node

    def part(self, node: URIRef, cls: URIRef, number: str, title: str, order: int, span: Span | None) -> None:
        """What every part of a plan carries: its class, plan, number and title as printed, document
        order and source location."""
        g = self.g
        g.add((node, RDF.type, cls))
        g.add((node, V.inPlan, self.iri))
        g.add((node, V.number, Literal(number)))
        g.add((node, V.title, zh(title)))
        g.add((node, RDFS.label, zh(title)))
        g.add((node, V.orderIndex, Literal(order, datatype=XSD.integer)))
        self.source(node, span)

    # -- provenance ----------------------------------------------------------------------------
    def source(self, node: URIRef, span: Span | None, suffix: str = "source") -> None:
        if span is None:
            return
        loc = URIRef(f"{node}/{suffix}")
        g = self.g
        g.add((node, V.sourceLocation, loc))
        g.add((loc, RDF.type, V.SourceLocation))
        g.add((loc, V.document, self.doc))
        g.add((loc, V.line, Literal(span.line, datatype=XSD.integer)))
        g.add((loc, V.endLine, Literal(span.end_line, datatype=XSD.integer)))
        g.add((loc, V.OA.start, Literal(span.start, datatype=XSD.integer)))
        g.add((loc, V.OA.end, Literal(span.end, datatype=XSD.integer)))
        g.add((loc, V.OA.exact, Literal(span.text)))

    # -- the plan ------------------------------------------------------------------------------
    def build(self) -> PlanGraph:
        r, g, p = self.r, self.g, self.iri
        d = r.document
        g.add((self.doc, RDF.type, V.SourceDocument))
        g.add((self.doc, V.fileName, Literal(d.file_name)))
        g.add((self.doc, V.sha256, Literal(d.sha256)))
        g.add((self.doc, DCTERMS.format, Literal(d.media_type)))
        g.add((p, RDF.type, V.Plan))
        g.add((p, PROV.wasDerivedFrom, self.doc))
        if r.title:
            g.add((p, RDFS.label, zh(r.title)))
            g.add((p, DCTERMS.title, zh(r.title)))
        self.source(p, r.title_span)
        if r.region is not None:
            g.add((p, V.region, self.region(r.region)))
        if r.issuer is not None:
            g.add((p, V.issuer, self.unit(r.issuer)))
        if r.doc_number:
            g.add((p, DCTERMS.identifier, Literal(r.doc_number)))
        if r.issued:
            g.add((p, DCTERMS.issued, Literal(r.issued.isoformat(), datatype=XSD.date)))
        if r.published:
            g.add((p, V.publicationDate, Literal(r.published.isoformat(), datatype=XSD.date)))
        if r.period:
            g.add((p, V.periodStart, _year(r.period[0])))
            g.add((p, V.periodEnd, _year(r.period[1])))
            self.period(r.period)
        g.add((p, V.isDraft, Literal(r.draft)))
        for title, span in r.cited:
            c = iris.cited_iri(title)
            self.s.add((c, RDF.type, V.CitedDocument))
            self.s.add((c, DCTERMS.title, zh(title)))
            self.s.add((c, RDFS.label, zh(title)))
            g.add((p, DCTERMS.references, c))
        chapter_keys = _Keys()
        for ci, chapter in enumerate(r.chapters, 1):
            key = "appendix" if chapter.kind == "appendix" and not chapter.no else _numeral_key(chapter.no)
            self.chapter(chapter, chapter_keys.key(key, ci))
        indicator_keys = _Keys()
        for k, ind in enumerate(r.indicators, 1):
            self.indicator(ind, indicator_keys.key(ind.no, k), k)
        self._link_implementations()
        self.coverage()
        return self.out

    def coverage(self) -> None:
        """What the loaders understood of the document, and each gap with its line."""
        r, g, p = self.r, self.g, self.iri
        cov = r.coverage
        if cov is not None:
            g.add((p, V.coverage, Literal(_decimal(Decimal(str(round(cov.ratio, 4)))), datatype=XSD.decimal)))
            for prop, n in ((V.tasksRead, cov.tasks), (V.unreadParagraphs, cov.unread_paragraphs),
                            (V.responsibilityMarkers, cov.markers),
                            (V.responsibilityMarkersRead, cov.markers_read),
                            (V.indicatorRowsPrinted, cov.indicator_rows), (V.boxesPrinted, cov.boxes)):
                g.add((p, prop, Literal(n, datatype=XSD.integer)))
        for k, gap in enumerate(r.warnings, 1):
            node = URIRef(f"{p}/gap/{k}")
            g.add((p, V.readingGap, node))
            g.add((node, RDF.type, V.ReadingGap))
            g.add((node, V.gapKind, Literal(gap.kind)))
            g.add((node, V.gapLine, Literal(gap.line, datatype=XSD.integer)))
            g.add((node, RDFS.comment, zh(gap.located(r.document.file_name))))

    def period(self, years: tuple[int, int]) -> None:
        """The plan period as an OWL-Time interval, for tools that reason over time."""
        g, interval = self.g, URIRef(f"{self.iri}/period")
        g.add((self.iri, V.period, interval))
        g.add((interval, RDF.type, TIME.ProperInterval))
        for prop, year, name in ((TIME.hasBeginning, years[0], "beginning"), (TIME.hasEnd, years[1], "end")):
            instant = URIRef(f"{interval}/{name}")
            g.add((interval, prop, instant))
            g.add((instant, RDF.type, TIME.Instant))
            g.add((instant, TIME.inXSDgYear, _year(year)))

    def chapter(self, chapter: Chapter, key: str) -> None:
        g = self.g
        node = URIRef(f"{self.iri}/chapter/{key}")
        g.add((self.iri, V.hasChapter, node))
        self.part(node, V.Chapter, chapter.no, chapter.title, chapter.order, chapter.span)
        g.add((node, V.chapterKind, Literal(chapter.kind)))
        section_keys = _Keys()
        for si, section in enumerate(chapter.sections, 1):
            self.section(section, node, f"{key}.{section_keys.key(_numeral_key(section.no), si)}")
        for k, col in enumerate(chapter.columns, 1):
            self.column(col, None)

    def section(self, section: Section, chapter: URIRef, key: str) -> None:
        g = self.g
        node = URIRef(f"{self.iri}/section/{key}")
        g.add((chapter, V.hasSection, node))
        self.part(node, V.Section, section.no, section.title, section.order, section.span)
        g.add((node, V.inChapter, chapter))
        task_keys = _Keys()
        for ti, task in enumerate(section.tasks, 1):
            self.task(task, node, f"{key}.{task_keys.key(task.no, ti)}")
        for col in section.columns:
            self.column(col, node)

    def task(self, task: Task, section: URIRef, key: str) -> None:
        g = self.g
        node = URIRef(f"{self.iri}/task/{key}")
        self._task_nodes[id(task)] = node
        g.add((section, V.hasTask, node))
        self.part(node, V.Task, task.no, task.title, task.order, task.span)
        g.add((node, V.inSection, section))
        g.add((node, V.PPLAN.isStepOfPlan, self.iri))
        g.add((node, V.fullText, zh(task.text)))
        for k, target in enumerate(task.targets, 1):
            self.value(URIRef(f"{node}/target/{k}"), target, V.Target, node, V.hasTarget)
        for ind in task.indicators:
            self._measured_by.append((node, id(ind)))
        counters = {"lead": 0, "support": 0}
        for resp in task.responsibilities:
            unit = self.unit(resp.unit)
            counters[resp.role] += 1
            a = URIRef(f"{node}/responsibility/{resp.role}/{counters[resp.role]}")
            g.add((node, V.leadUnit if resp.role == "lead" else V.supportingUnit, unit))
            g.add((node, PROV.qualifiedAssociation, a))
            g.add((a, RDF.type, V.Responsibility))
            g.add((a, PROV.agent, unit))
            g.add((a, PROV.hadRole, V.lead if resp.role == "lead" else V.support))
            if resp.printed:
                g.add((a, V.printedName, zh(resp.printed)))
            self.source(a, resp.span)

    def _link_implementations(self) -> None:
        for task_node, ind_id in self._measured_by:
            self.g.add((task_node, V.measuredBy, self._indicator_nodes[ind_id]))
        for task in self.r.tasks():
            if task.implements is not None:
                self.g.add((self._task_nodes[id(task)], V.implementsTask,
                            self._task_nodes[id(task.implements)]))

    def column(self, col: ProjectColumn, section: URIRef | None) -> None:
        g = self.g
        node = URIRef(f"{self.iri}/column/{col.no or col.order}")
        self.part(node, V.ProjectColumn, col.no, col.title, col.order, col.span)
        if section is not None:
            g.add((node, V.inSection, section))
        for k, project in enumerate(col.projects, 1):
            self.project(project, node, k)

    def project(self, project: Project, column: URIRef, k: int) -> None:
        g = self.g
        node = URIRef(f"{column}/project/{k}")
        self.part(node, V.Project, project.no, project.title, project.order, project.span)
        g.add((node, V.inColumn, column))
        g.add((node, V.fullText, zh(project.text)))
        if project.group:
            g.add((node, V.group, zh(project.group)))

    def indicator(self, ind: Indicator, key: str, k: int) -> None:
        g = self.g
        node = URIRef(f"{self.iri}/indicator/{key}")
        self._indicator_nodes[id(ind)] = node
        g.add((self.iri, V.hasIndicator, node))
        self.part(node, V.Indicator, ind.no, ind.name, k, ind.span)
        if ind.category:
            g.add((node, V.category, zh(ind.category)))
        if ind.unit:
            g.add((node, V.unit, Literal(ind.unit)))
        if ind.attribute in ATTRIBUTE_CONCEPTS:
            g.add((node, V.attribute, ATTRIBUTE_CONCEPTS[ind.attribute]))
        if ind.baseline is not None:
            self.value(URIRef(f"{node}/baseline"), ind.baseline, V.Baseline, node, V.hasBaseline)
        if ind.target is not None:
            self.value(URIRef(f"{node}/target"), ind.target, V.Target, node, V.hasTarget)

    def value(self, node: URIRef, v: Value, cls: URIRef, owner: URIRef, prop: URIRef) -> None:
        g = self.g
        g.add((owner, prop, node))
        g.add((node, RDF.type, cls))
        if cls == V.Target and v.is_numeric:
            g.add((node, RDF.type, V.NumericTarget))
        elif cls == V.Target and v.printed and not _missing(v):
            g.add((node, RDF.type, V.QualitativeTarget))
        g.add((node, V.printed, Literal(v.printed)))
        if v.value is not None:
            g.add((node, V.value, Literal(_decimal(v.value), datatype=XSD.decimal)))
        if v.comparator:
            g.add((node, V.comparator, V.COMPARATORS[v.comparator]))
        if v.unit:
            g.add((node, V.unit, Literal(v.unit)))
        if v.year:
            g.add((node, V.year, _year(v.year)))
        self.source(node, v.span)


def _missing(v: Value) -> bool:
    return is_missing(v.printed)


def _decimal(d: Decimal) -> str:
    return format(d, "f")


def build_plan_graph(record: PlanRecord, path: str | None = None) -> PlanGraph:
    """Turn one plan record into its plan graph and shared-graph contribution."""
    path = path or iris.plan_path(record.region, record.period, record.title, record.draft,
                                  record.document.sha256)
    return PlanGraphBuilder(record, path).build()


def department_type_graph() -> Graph:
    """The department-type concept scheme (shared by every plan)."""
    g = Graph()
    scheme = V.DepartmentTypeScheme
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, RDFS.label, Literal("部门类型", lang="zh")))
    g.add((scheme, RDFS.label, Literal("Department types", lang="en")))
    g.add((scheme, SKOS.prefLabel, Literal("部门类型", lang="zh")))
    g.add((scheme, SKOS.prefLabel, Literal("Department types", lang="en")))
    for dt in department_types():
        c = iris.department_type_iri(dt.code)
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, scheme))
        g.add((c, SKOS.topConceptOf, scheme))
        g.add((c, SKOS.notation, Literal(dt.code)))
        for lab, lang in ((dt.label_zh, "zh"), (dt.label_en, "en")):
            g.add((c, SKOS.prefLabel, Literal(lab, lang=lang)))
            g.add((c, RDFS.label, Literal(lab, lang=lang)))
        g.add((c, SKOS.definition, Literal(dt.definition_zh, lang="zh")))
        g.add((c, SKOS.definition, Literal(dt.definition_en, lang="en")))
    return g


def assemble(plans: list[PlanGraph]) -> Dataset:
    """A dataset with one named graph per plan and the shared graph (its default graph is their
    union, so a query sees everything)."""
    ds = Dataset(default_union=True)
    for prefix, ns in V.PREFIXES.items():
        ds.bind(prefix, ns)
    shared = ds.graph(V.SHARED_GRAPH)
    shared += department_type_graph()
    for pg in plans:
        ng = ds.graph(pg.graph_iri)
        ng += pg.graph
        shared += pg.shared
    return ds
