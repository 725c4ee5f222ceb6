"""Run the audit shapes over a plan graph and turn pyshacl's results into findings a person acts on.

Each plan is validated on its own: its named graph, the shared entities it refers to (units,
regions, department types) and the ontology, merged into one graph here.  Merging ourselves keeps
pyshacl's inference off and is what makes it fast (letting pyshacl mix in `ont_graph` takes minutes
on five plans); per-plan runs also make progress visible and attribute every finding to its plan.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Callable, Iterable

import pyshacl
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from policykg.errors import PolicyKGError
from policykg.graph import vocab as V
from policykg.graph.slices import plan_slice
from policykg.ontology import load_ontology
from policykg.ontology.reasoning import inferred_graph_iri

SH = Namespace("http://www.w3.org/ns/shacl#")
PKGSH = Namespace("https://w3id.org/policykg/shapes#")
SEVERITIES = ("Violation", "Warning", "Info")
_CJK = re.compile(r"[\u4e00-\u9fff]")


class ShapesError(PolicyKGError):
    """The shapes themselves cannot be read (a broken .ttl)."""


@cache
def _shapes_text() -> tuple[tuple[str, str], ...]:
    files = sorted(p for p in resources.files(__name__.rsplit(".", 1)[0]).iterdir() if p.name.endswith(".ttl"))
    return tuple((p.name, p.read_text(encoding="utf-8")) for p in files)


def load_shapes(extra: Iterable[str] = ()) -> Graph:
    """All audit shapes shipped in shapes/*.ttl (plus any extra shape files given)."""
    g = Graph()
    sources = list(_shapes_text()) + [(str(p), open(p, encoding="utf-8").read()) for p in extra]
    for name, text in sources:
        try:
            g.parse(data=text, format="turtle")
        except Exception as exc:
            raise ShapesError(f"{name}: broken shapes file: {str(exc).splitlines()[0][:200]}") from None
    return g


@dataclass
class Finding:
    """One failed rule on one node, located in its plan and source document."""

    plan: str
    rule: str
    severity: str
    focus: str
    label: str
    doc: str
    line: int | None
    message_zh: str
    message_en: str
    name_zh: str = ""
    name_en: str = ""
    path: str = ""
    value: str = ""


@dataclass
class Scorecard:
    plan: str
    title: str
    doc: str
    region: str
    tasks: int
    owned: int
    measurable: int
    binding: int
    binding_numeric: int
    #: members of pkg:OwnedTask in the plan's inferred graph (`policykg reason`), None if not reasoned
    inferred_owned: int | None = None

    @staticmethod
    def pct(part: int, whole: int) -> float | None:
        return round(100.0 * part / whole, 1) if whole else None

    @property
    def owned_pct(self) -> float | None:
        return self.pct(self.owned, self.tasks)

    @property
    def measurable_pct(self) -> float | None:
        return self.pct(self.measurable, self.tasks)


@dataclass
class AuditReport:
    scorecards: list[Scorecard] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    results: Graph = field(default_factory=Graph)  # the standard sh:ValidationReport(s)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def conforms(self, fail_on: str = "violation") -> bool:
        """Does the graph pass at this level?  violation: no violations; warning: neither violations
        nor warnings; never: always."""
        if fail_on == "never":
            return True
        bad = {"violation": {"Violation"}, "warning": {"Violation", "Warning"}}[fail_on]
        return not any(f.severity in bad for f in self.findings)


# --------------------------------------------------------------------------------------------------
def _lang(g: Graph, node, prop, lang: str) -> str:
    for o in g.objects(node, prop):
        if isinstance(o, Literal) and o.language == lang:
            return str(o)
    return ""


def _owner(data: Graph, focus: URIRef) -> URIRef:
    """The item a finding is about, for labels and lines: a target's task or indicator, a source
    location's item."""
    for prop in (V.hasTarget, V.hasBaseline, V.sourceLocation):
        subj = next(data.subjects(prop, focus), None)
        if subj is not None:
            return subj
    if (focus, RDF.type, V.Organization) in data:
        # a unit has no line of its own: point to the first task that names it (or the plan it issued)
        naming = sorted(set(data.subjects(V.leadUnit, focus)) | set(data.subjects(V.supportingUnit, focus)))
        if naming:
            return naming[0]
        issued = next(data.subjects(V.issuer, focus), None)
        if issued is not None:
            return issued
    return focus


def _label(data: Graph, node: URIRef) -> str:
    types = set(data.objects(node, RDF.type))
    title = data.value(node, V.title) or data.value(node, DCTERMS.title) or data.value(node, SKOS.prefLabel)
    number = data.value(node, V.number)
    if V.Task in types:
        return f"任务 {number} {title}".strip()
    if V.Indicator in types:
        return f"指标 {number} {title}".strip()
    if V.Plan in types:
        return f"规划 {title}" if title else str(node)
    return str(title) if title else str(node).rsplit("/", 1)[-1]


def _line_and_doc(data: Graph, node: URIRef) -> tuple[int | None, str]:
    loc = data.value(node, V.sourceLocation)
    if loc is None:
        return None, ""
    line = data.value(loc, V.line)
    doc = data.value(data.value(loc, V.document), V.fileName) if data.value(loc, V.document) else None
    return (int(line) if line is not None else None), (str(doc) if doc else "")


def _findings(data: Graph, results: Graph, shapes: Graph, plan: URIRef, plan_doc: str) -> list[Finding]:
    out: list[Finding] = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        shape = results.value(r, SH.sourceShape)
        severity = str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
        rule = str(shape).rsplit("#", 1)[-1] if isinstance(shape, URIRef) else "(anonymous shape)"
        owner = _owner(data, focus) if isinstance(focus, URIRef) else focus
        line, doc = _line_and_doc(data, focus) if isinstance(focus, URIRef) else (None, "")
        if line is None and isinstance(owner, URIRef):
            line, doc = _line_and_doc(data, owner)
        # pyshacl drops the language tag when it fills values into a SPARQL rule's message
        messages = {m.language or ("zh" if _CJK.search(str(m)) else "en"): str(m)
                    for m in results.objects(r, SH.resultMessage) if isinstance(m, Literal)}
        # the shape's own bilingual message, unless the constraint filled in values (SPARQL rules)
        msg_zh = messages.get("zh") or _lang(shapes, shape, SH.message, "zh")
        msg_en = messages.get("en") or _lang(shapes, shape, SH.message, "en")
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        label = _label(data, owner)
        if (focus, RDF.type, V.Organization) in data:
            label = f"{_label(data, focus)} ({label})" if owner != focus else _label(data, focus)
        elif owner != focus and V.Target in set(data.objects(focus, RDF.type)):
            label = f"{label} · 目标 {data.value(focus, V.printed) or ''}".strip()
        out.append(Finding(
            plan=str(plan), rule=rule, severity=severity, focus=str(focus), label=label,
            doc=doc or plan_doc, line=line, message_zh=msg_zh, message_en=msg_en,
            name_zh=_lang(shapes, shape, SH.name, "zh"), name_en=_lang(shapes, shape, SH.name, "en"),
            path=str(path).rsplit("#", 1)[-1] if isinstance(path, URIRef) else "",
            value=str(data.value(value, SKOS.prefLabel) or value) if value is not None else "",
        ))
    return out


def _scorecard(data: Graph, plan: URIRef, findings: list[Finding]) -> Scorecard:
    tasks = {t for t in data.subjects(V.inPlan, plan) if (t, RDF.type, V.Task) in data}
    indicators = {i for i in data.subjects(V.inPlan, plan) if (i, RDF.type, V.Indicator) in data}
    binding = {i for i in indicators if (i, V.attribute, V.binding) in data}
    failing = defaultdict(set)
    for f in findings:
        failing[f.rule].add(URIRef(f.focus))
    _, doc = _line_and_doc(data, plan)
    region = data.value(plan, V.region)
    return Scorecard(
        plan=str(plan), title=str(data.value(plan, DCTERMS.title) or ""), doc=doc,
        region=str(data.value(region, SKOS.prefLabel) or "") if region is not None else "",
        tasks=len(tasks), owned=len(tasks - failing["TaskOwner"]),
        measurable=len(tasks - failing["TaskMeasurable"]), binding=len(binding),
        binding_numeric=len(binding - failing["BindingIndicatorNumericTarget"]),
    )


Progress = Callable[[str, int, int], None]


def audit(ds: Dataset, *, shapes: Graph | None = None, progress: Progress | None = None,
          workers: int = 1) -> AuditReport:
    """Validate every plan graph in `ds` against the audit shapes.

    With `workers` > 1 the plans are validated in that many processes (each plan's slice is sent as
    N-Triples); the findings and scorecards are the same as in one process, in the same order."""
    shapes = shapes if shapes is not None else load_shapes()
    ontology = load_ontology()
    shared = ds.graph(V.SHARED_GRAPH)
    plan_graphs = []
    for g in ds.graphs():
        plans = list(g.subjects(RDF.type, V.Plan))
        if plans and g.identifier != V.SHARED_GRAPH and not str(g.identifier).startswith(str(V.INFERRED_GRAPH)):
            plan_graphs.append((str(plans[0]), g))
    if not plan_graphs:
        # a graph file without named graphs (.ttl/.nt): treat each plan in the union as one slice
        union = Graph()
        for g in ds.graphs():
            union += g
        plan_graphs = [(str(p), union) for p in sorted(union.subjects(RDF.type, V.Plan))]
        if not plan_graphs:
            raise PolicyKGError("the graph holds no pkg:Plan: nothing to audit (was it built by policykg?)")
        shared = union

    def slices():
        for i, (plan_iri, g) in enumerate(sorted(plan_graphs, key=lambda x: x[0]), 1):
            plan = URIRef(plan_iri)
            if progress:
                progress(str(g.value(plan, DCTERMS.title) or plan_iri), i, len(plan_graphs))
            data = plan_slice(g, shared) if shared is not g else g
            inferred = ds.graph(inferred_graph_iri(g.identifier)) if shared is not g else None
            if inferred is not None and len(inferred):
                data += inferred  # what `policykg reason` derived for this plan, e.g. pkg:OwnedTask
            owned = len(set(inferred.subjects(RDF.type, V.OwnedTask))) \
                if inferred is not None and len(inferred) else None
            yield plan, data, owned

    report = AuditReport()
    if workers > 1 and len(plan_graphs) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        # forked workers share the dataset copy-on-write, so a job is only the plan's index
        _WORKER.update(shapes=shapes, ontology=ontology, slices=list(slices()))
        try:
            with ProcessPoolExecutor(max_workers=workers,
                                     mp_context=multiprocessing.get_context("fork")) as pool:
                for found, card, results_nt in pool.map(_audit_remote, range(len(plan_graphs)),
                                                        chunksize=4):
                    report.findings.extend(found)
                    report.scorecards.append(card)
                    report.results.parse(data=results_nt, format="nt")
        finally:
            _WORKER.clear()
    else:
        for plan, data, owned in slices():
            data += ontology
            found, card, results = _audit_one(data, shapes, plan, owned)
            report.results += results
            report.findings.extend(found)
            report.scorecards.append(card)
    report.scorecards.sort(key=lambda c: (c.doc, c.plan))
    order = {c.plan: i for i, c in enumerate(report.scorecards)}
    report.findings.sort(key=lambda f: (order.get(f.plan, 0), SEVERITIES.index(f.severity)
                                        if f.severity in SEVERITIES else 9, f.rule, f.line or 0, f.focus))
    return report


def _audit_one(data: Graph, shapes: Graph, plan: URIRef,
               owned: int | None) -> tuple[list[Finding], Scorecard, Graph]:
    """One plan's slice (ontology included) validated: its findings, scorecard and raw results."""
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True, abort_on_first=False)
    _, plan_doc = _line_and_doc(data, plan)
    found = [f for f in _findings(data, results, shapes, plan, plan_doc) if _belongs(data, f, plan)]
    card = _scorecard(data, plan, found)
    card.inferred_owned = owned
    return found, card, results


_WORKER: dict[str, Any] = {}


def _audit_remote(index: int) -> tuple[list[Finding], Scorecard, str]:
    """One plan validated in a forked worker; the raw results go back as N-Triples."""
    plan, data, owned = _WORKER["slices"][index]
    data += _WORKER["ontology"]
    found, card, results = _audit_one(data, _WORKER["shapes"], plan, owned)
    return found, card, results.serialize(format="nt")


def _belongs(data: Graph, f: Finding, plan: URIRef) -> bool:
    """Keep findings about this plan's own nodes, and about units only if this plan names them."""
    node = URIRef(f.focus)
    if node == plan or (node, V.inPlan, plan) in data:
        return True
    if (node, RDF.type, V.Organization) in data:
        return any(True for _ in data.subjects(V.leadUnit, node)) or any(
            True for _ in data.subjects(V.supportingUnit, node)) or (plan, V.issuer, node) in data
    owner = _owner(data, node)
    return owner != node and (owner == plan or (owner, V.inPlan, plan) in data)
