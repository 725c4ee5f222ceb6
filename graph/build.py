"""Plan records to RDF: one named graph per plan, one shared graph for what plans have in common.

The plan graph holds the plan, its chapters, sections, tasks, boxes, indicators, responsibilities and
source locations; the shared graph holds regions, units, department types and cited documents, which
several plans of a region name.  No blank nodes: every node has a deterministic IRI (graph/iris.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, TIME

from policykg.graph import iris
from policykg.graph import vocab as V
from policykg.graph.terms import (DATE, DECIMAL, GYEAR, RdflibTerms, Triple, boolean, child, integer, iri,
                                  lang, node as minted, plain, typed,
                                  Vocabulary, zh)
from policykg.loaders.model import (Chapter, Indicator, PlanRecord, Project, ProjectColumn, RegionRef,
                                    Section, Span, Task, UnitRef, Value)
from policykg.loaders.reference import department_types
from policykg.loaders.text import cn_number
from policykg.loaders.values import is_missing

ATTRIBUTE_CONCEPTS = {"约束性": V.binding, "预期性": V.expected}


def _year(y: int) -> str:
    return typed(f"{y:04d}", GYEAR)


#: the triples of one graph, as built: a plain set of N-Triples term strings (graph/terms.py).  Built
#: as rdflib terms a real-size plan took 60 ms and 30 ms more to write as N-Quads, as strings ~10 ms;
#: the store's bulk loader and the .nq/.nt writers take the strings as they are, and `assemble` makes
#: rdflib terms of them where an rdflib Dataset is wanted.
Triples = set[Triple]

# the vocabularies as N-Triples terms (each term made once: every triple names one or two of them)
K, OA, PPLAN = Vocabulary(V), Vocabulary(V.OA), Vocabulary(V.PPLAN)
DC, PROV_, TIME_, ORG_, RDFS_, SKOS_ = (Vocabulary(ns) for ns in (DCTERMS, PROV, TIME, ORG, RDFS, SKOS))
_TYPE, _LABEL, _PREF, _ALT = iri(RDF.type), RDFS_.label, SKOS_.prefLabel, SKOS_.altLabel


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
        self.out = PlanGraph(iris.plan_iri(path), iris.plan_graph_iri(path), path, record)
        self.iri = minted(self.out.iri)
        self.g = self.out.graph
        self.s = self.out.shared
        self.doc = minted(iris.document_iri(record.document.sha256))
        self._task_nodes: dict[int, str] = {}  # id(Task) -> IRI, for implementsTask links
        self._indicator_nodes: dict[int, str] = {}  # id(Indicator) -> IRI, for measuredBy links
        self._measured_by: list[tuple[str, int]] = []
        self._shared_nodes: dict[RegionRef | UnitRef, str] = {}  # what this plan has already described

    # -- shared entities -----------------------------------------------------------------------
    def region(self, region: RegionRef) -> str:
        node = self._shared_nodes.get(region)
        if node is None:
            node = self._shared_nodes[region] = self._region(region)
        return node

    def unit(self, unit: UnitRef) -> str:
        node = self._shared_nodes.get(unit)
        if node is None:
            node = self._shared_nodes[unit] = self._unit(unit)
        return node

    def _region(self, region: RegionRef) -> str:
        node = minted(iris.region_iri(region))
        s = self.s
        s.add((node, _TYPE, K.Region))
        s.add((node, _LABEL, zh(region.name)))
        s.add((node, _PREF, zh(region.name)))
        s.add((node, K.adminLevel, plain(region.level)))
        if region.code:
            s.add((node, DC.identifier, plain(region.code)))
        if region.parent is not None:
            s.add((node, K.parentRegion, self.region(region.parent)))
        return node

    def _unit(self, unit: UnitRef) -> str:
        region_node = self.region(unit.region) if unit.region.name else None
        region_key = iris.region_path(unit.region) if unit.region.name else "unknown-region"
        # 有关单位 in this plan: its own node, not the one every plan of the region printing 有关单位 names
        node = child(self.iri, f"unit/{iris.slug(unit.key)}") if unit.plan_only \
            else minted(iris.org_iri(region_key, unit.key))
        s = self.s
        s.add((node, _TYPE, K.Organization))
        if unit.collective:
            s.add((node, _TYPE, K.CollectiveUnit))
        s.add((node, _LABEL, zh(unit.label)))
        s.add((node, _PREF, zh(unit.label)))
        for alt in unit.alt_labels:
            s.add((node, _ALT, zh(alt)))
        s.add((node, ORG_.classification, minted(iris.department_type_iri(unit.dept_type))))
        if region_node is not None:
            s.add((node, K.region, region_node))
        return node

    def part(self, node: str, cls: str, number: str, title: str, order: int, span: Span | None) -> None:
        """What every part of a plan carries: its class, plan, number and title as printed, document
        order and source location."""
        g = self.g
        g.add((node, _TYPE, cls))
        g.add((node, K.inPlan, self.iri))
        g.add((node, K.number, plain(number)))
        title_term = zh(title)
        g.add((node, K.title, title_term))
        g.add((node, _LABEL, title_term))
        g.add((node, K.orderIndex, integer(order)))
        self.source(node, span)

    # -- provenance ----------------------------------------------------------------------------
    def source(self, node: str, span: Span | None, suffix: str = "source") -> None:
        if span is None:
            return
        loc = child(node, suffix)
        g = self.g
        g.add((node, K.sourceLocation, loc))
        g.add((loc, _TYPE, K.SourceLocation))
        g.add((loc, K.document, self.doc))
        g.add((loc, K.line, integer(span.line)))
        g.add((loc, K.endLine, integer(span.end_line)))
        g.add((loc, OA.start, integer(span.start)))
        g.add((loc, OA.end, integer(span.end)))
        g.add((loc, OA.exact, plain(span.text)))

    # -- the plan ------------------------------------------------------------------------------
    def build(self) -> PlanGraph:
        r, g, p = self.r, self.g, self.iri
        d = r.document
        g.add((self.doc, _TYPE, K.SourceDocument))
        g.add((self.doc, K.fileName, plain(d.file_name)))
        g.add((self.doc, K.sha256, plain(d.sha256)))
        g.add((self.doc, DC.format, plain(d.media_type)))
        g.add((p, _TYPE, K.Plan))
        g.add((p, PROV_.wasDerivedFrom, self.doc))
        if r.title:
            g.add((p, _LABEL, zh(r.title)))
            g.add((p, DC.title, zh(r.title)))
        self.source(p, r.title_span)
        if r.region is not None:
            g.add((p, K.region, self.region(r.region)))
        if r.issuer is not None:
            g.add((p, K.issuer, self.unit(r.issuer)))
        if r.doc_number:
            g.add((p, DC.identifier, plain(r.doc_number)))
        if r.issued:
            g.add((p, DC.issued, typed(r.issued.isoformat(), DATE)))
        if r.published:
            g.add((p, K.publicationDate, typed(r.published.isoformat(), DATE)))
        if r.period:
            g.add((p, K.periodStart, _year(r.period[0])))
            g.add((p, K.periodEnd, _year(r.period[1])))
            self.period(r.period)
        g.add((p, K.isDraft, boolean(r.draft)))
        for title, span in r.cited:
            c = minted(iris.cited_iri(title))
            self.s.add((c, _TYPE, K.CitedDocument))
            self.s.add((c, DC.title, zh(title)))
            self.s.add((c, _LABEL, zh(title)))
            g.add((p, DC.references, c))
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
            g.add((p, K.coverage, typed(_decimal(Decimal(str(round(cov.ratio, 4)))), DECIMAL)))
            for prop, n in ((K.tasksRead, cov.tasks), (K.unreadParagraphs, cov.unread_paragraphs),
                            (K.responsibilityMarkers, cov.markers),
                            (K.responsibilityMarkersRead, cov.markers_read),
                            (K.indicatorRowsPrinted, cov.indicator_rows), (K.boxesPrinted, cov.boxes)):
                g.add((p, prop, integer(n)))
        for k, gap in enumerate(r.warnings, 1):
            node = child(p, f"gap/{k}")
            g.add((p, K.readingGap, node))
            g.add((node, _TYPE, K.ReadingGap))
            g.add((node, K.gapKind, plain(gap.kind)))
            g.add((node, K.gapLine, integer(gap.line)))
            g.add((node, RDFS_.comment, zh(gap.located(r.document.file_name))))

    def period(self, years: tuple[int, int]) -> None:
        """The plan period as an OWL-Time interval, for tools that reason over time."""
        g, interval = self.g, child(self.iri, "period")
        g.add((self.iri, K.period, interval))
        g.add((interval, _TYPE, TIME_.ProperInterval))
        for prop, year, name in ((TIME_.hasBeginning, years[0], "beginning"), (TIME_.hasEnd, years[1], "end")):
            instant = child(interval, name)
            g.add((interval, prop, instant))
            g.add((instant, _TYPE, TIME_.Instant))
            g.add((instant, TIME_.inXSDgYear, _year(year)))

    def chapter(self, chapter: Chapter, key: str) -> None:
        g = self.g
        node = child(self.iri, f"chapter/{key}")
        g.add((self.iri, K.hasChapter, node))
        self.part(node, K.Chapter, chapter.no, chapter.title, chapter.order, chapter.span)
        g.add((node, K.chapterKind, plain(chapter.kind)))
        section_keys = _Keys()
        for si, section in enumerate(chapter.sections, 1):
            self.section(section, node, f"{key}.{section_keys.key(_numeral_key(section.no), si)}")
        for k, col in enumerate(chapter.columns, 1):
            self.column(col, None)

    def section(self, section: Section, chapter: str, key: str) -> None:
        g = self.g
        node = child(self.iri, f"section/{key}")
        g.add((chapter, K.hasSection, node))
        self.part(node, K.Section, section.no, section.title, section.order, section.span)
        g.add((node, K.inChapter, chapter))
        task_keys = _Keys()
        for ti, task in enumerate(section.tasks, 1):
            self.task(task, node, f"{key}.{task_keys.key(task.no, ti)}")
        for col in section.columns:
            self.column(col, node)

    def task(self, task: Task, section: str, key: str) -> None:
        g = self.g
        node = child(self.iri, f"task/{key}")
        self._task_nodes[id(task)] = node
        g.add((section, K.hasTask, node))
        self.part(node, K.Task, task.no, task.title, task.order, task.span)
        g.add((node, K.inSection, section))
        g.add((node, PPLAN.isStepOfPlan, self.iri))
        g.add((node, K.fullText, zh(task.text)))
        if task.deadline:
            g.add((node, K.deadline, zh(task.deadline)))
        if task.official:
            g.add((node, K.responsibleOfficial, zh(task.official)))
        for k, target in enumerate(task.targets, 1):
            self.value(child(node, f"target/{k}"), target, K.Target, node, K.hasTarget)
        for ind in task.indicators:
            self._measured_by.append((node, id(ind)))
        counters = {"lead": 0, "support": 0}
        for resp in task.responsibilities:
            unit = self.unit(resp.unit)
            counters[resp.role] += 1
            a = child(node, f"responsibility/{resp.role}/{counters[resp.role]}")
            lead = resp.role == "lead"
            g.add((node, K.leadUnit if lead else K.supportingUnit, unit))
            g.add((node, PROV_.qualifiedAssociation, a))
            g.add((a, _TYPE, K.Responsibility))
            g.add((a, PROV_.agent, unit))
            g.add((a, PROV_.hadRole, K.lead if lead else K.support))
            if resp.printed:
                g.add((a, K.printedName, zh(resp.printed)))
            self.source(a, resp.span)

    def _link_implementations(self) -> None:
        for task_node, ind_id in self._measured_by:
            self.g.add((task_node, K.measuredBy, self._indicator_nodes[ind_id]))
        for task in self.r.tasks():
            if task.implements is not None:
                self.g.add((self._task_nodes[id(task)], K.implementsTask,
                            self._task_nodes[id(task.implements)]))

    def column(self, col: ProjectColumn, section: str | None) -> None:
        g = self.g
        node = child(self.iri, f"column/{col.no or col.order}")
        self.part(node, K.ProjectColumn, col.no, col.title, col.order, col.span)
        if section is not None:
            g.add((node, K.inSection, section))
        for k, project in enumerate(col.projects, 1):
            self.project(project, node, k)

    def project(self, project: Project, column: str, k: int) -> None:
        g = self.g
        node = child(column, f"project/{k}")
        self.part(node, K.Project, project.no, project.title, project.order, project.span)
        g.add((node, K.inColumn, column))
        g.add((node, K.fullText, zh(project.text)))
        if project.group:
            g.add((node, K.group, zh(project.group)))
        if project.period:
            g.add((node, K.projectPeriod, zh(project.period)))

    def indicator(self, ind: Indicator, key: str, k: int) -> None:
        g = self.g
        node = child(self.iri, f"indicator/{key}")
        self._indicator_nodes[id(ind)] = node
        g.add((self.iri, K.hasIndicator, node))
        self.part(node, K.Indicator, ind.no, ind.name, k, ind.span)
        if ind.category:
            g.add((node, K.category, zh(ind.category)))
        if ind.unit:
            g.add((node, K.unit, plain(ind.unit)))
        if ind.attribute in ATTRIBUTE_CONCEPTS:
            g.add((node, K.attribute, iri(ATTRIBUTE_CONCEPTS[ind.attribute])))
        if ind.baseline is not None:
            self.value(child(node, "baseline"), ind.baseline, K.Baseline, node, K.hasBaseline)
        if ind.target is not None:
            self.value(child(node, "target"), ind.target, K.Target, node, K.hasTarget)
        for k, milestone in enumerate(ind.milestones, 1):  # another target, by a year before the target's
            at = child(node, f"milestone/{milestone.year or k}")
            self.value(at, milestone, K.Target, node, K.hasTarget)
            self.g.add((at, _TYPE, K.MilestoneTarget))

    def value(self, node: str, v: Value, cls: str, owner: str, prop: str) -> None:
        g = self.g
        g.add((owner, prop, node))
        g.add((node, _TYPE, cls))
        if cls == K.Target and v.is_numeric:
            g.add((node, _TYPE, K.NumericTarget))
        elif cls == K.Target and v.printed and not _missing(v):
            g.add((node, _TYPE, K.QualitativeTarget))
        if v.cumulative:
            g.add((node, _TYPE, K.CumulativeValue))
        g.add((node, K.printed, plain(v.printed)))
        if v.value is not None:
            g.add((node, K.value, typed(_decimal(v.value), DECIMAL)))
        if v.comparator:
            g.add((node, K.comparator, iri(V.COMPARATORS[v.comparator])))
        if v.unit:
            g.add((node, K.unit, plain(v.unit)))
        if v.year:
            g.add((node, K.year, _year(v.year)))
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


def department_type_triples() -> Triples:
    """The department-type concept scheme (shared by every plan)."""
    g: Triples = set()
    scheme = K.DepartmentTypeScheme
    g.add((scheme, _TYPE, SKOS_.ConceptScheme))
    for lab, tag in (("部门类型", "zh"), ("Department types", "en")):
        g.add((scheme, _LABEL, lang(lab, tag)))
        g.add((scheme, _PREF, lang(lab, tag)))
    for dt in department_types():
        c = iri(iris.department_type_iri(dt.code))
        g.add((c, _TYPE, SKOS_.Concept))
        g.add((c, SKOS_.inScheme, scheme))
        g.add((c, SKOS_.topConceptOf, scheme))
        g.add((c, SKOS_.notation, plain(dt.code)))
        for lab, tag in ((dt.label_zh, "zh"), (dt.label_en, "en")):
            g.add((c, _PREF, lang(lab, tag)))
            g.add((c, _LABEL, lang(lab, tag)))
        g.add((c, SKOS_.definition, lang(dt.definition_zh, "zh")))
        g.add((c, SKOS_.definition, lang(dt.definition_en, "en")))
    return g


def department_type_graph() -> Graph:
    """The department-type concept scheme as an rdflib Graph."""
    g = Graph()
    g += RdflibTerms().triples(department_type_triples())
    return g


def named_graphs(plans: list[PlanGraph]) -> dict[str, Triples]:
    """The plans' triples by named graph IRI: one graph per plan and the shared graph (the
    department types and what every plan contributes to it)."""
    shared = department_type_triples()
    out: dict[str, Triples] = {str(V.SHARED_GRAPH): shared}
    for pg in plans:
        out[str(pg.graph_iri)] = pg.graph
        shared |= pg.shared
    return out


def assemble(plans: list[PlanGraph]) -> Dataset:
    """A dataset with one named graph per plan and the shared graph (its default graph is their
    union, so a query sees everything): the plans' N-Triples terms made rdflib terms."""
    ds = Dataset(default_union=True)
    for prefix, ns in V.PREFIXES.items():
        ds.bind(prefix, ns)
    terms = RdflibTerms()
    for name, triples in named_graphs(plans).items():
        graph = ds.graph(URIRef(name))
        graph += terms.triples(triples)
    return ds
