"""What an audit reports, and how an engine's results become it: `Finding` (one failed rule on one node,
located in its plan and source line, with the rule's messages in Chinese and English), `Scorecard`
(a plan's owned and measurable tasks), `AuditReport`; and the reading of each engine result against
the plan's data (`finding`, `plan_findings`, `scorecard`, `belongs`, `finish`).

Everything that reads the data (labels, lines, owners, scorecards) goes through a small view
interface (`objects`, `subjects`, `in`), which both an rdflib Graph and the store audit's Oxigraph
view provide; where a node has several values the smallest is taken, so the answer does not depend
on how a store happens to order them.  The per-plan audit (audit.py), the store audit
(store_audit.py) and the audit cache (audit_cache.py) all make their reports here.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from policykg.graph import vocab as V
from policykg.shapes.results import SH, RawResult

PKGSH = Namespace("https://w3id.org/policykg/shapes#")
SEVERITIES = ("Violation", "Warning", "Info")
_CJK = re.compile(r"[\u4e00-\u9fff]")


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
    #: the engine's result behind each finding, in the same order (what `results` is made of)
    raw: list[RawResult] = field(default_factory=list, repr=False, compare=False)
    #: what the store's audit cache did (shapes/audit_cache.py: CacheInfo), None when not used
    cache: Any = field(default=None, repr=False, compare=False)

    @property
    def results(self) -> Graph:
        """The standard sh:ValidationReport: one sh:ValidationResult per finding, whichever engine ran
        (messages as the findings give them, in Chinese and English)."""
        key = (len(self.findings), len(self.raw))
        cached = self.__dict__.get("_results")
        if cached is None or cached[0] != key:
            cached = (key, _results_graph(self.findings, self.raw))
            self.__dict__["_results"] = cached
        return cached[1]

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def conforms(self, fail_on: str = "violation") -> bool:
        """Does the graph pass at this level?  violation: no violations; warning: neither violations
        nor warnings; never: always."""
        if fail_on == "never":
            return True
        bad = {"violation": {"Violation"}, "warning": {"Violation", "Warning"}}[fail_on]
        return not any(f.severity in bad for f in self.findings)


def _results_graph(findings: list[Finding], raw: list[RawResult]) -> Graph:
    g = Graph()
    g.bind("sh", SH)
    report = BNode("report")
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(not findings, datatype=XSD.boolean)))
    for i, (f, r) in enumerate(zip(findings, raw), 1):
        node = BNode(f"result{i}")
        g.add((report, SH.result, node))
        g.add((node, RDF.type, SH.ValidationResult))
        g.add((node, SH.focusNode, r.focus))
        g.add((node, SH.resultSeverity, r.severity))
        if r.shape is not None:
            g.add((node, SH.sourceShape, r.shape))
        if r.component is not None:
            g.add((node, SH.sourceConstraintComponent, r.component))
        if r.path is not None:
            g.add((node, SH.resultPath, r.path))
        if r.value is not None:
            g.add((node, SH.value, r.value))
        for text, lang in ((f.message_zh, "zh"), (f.message_en, "en")):
            if text:
                g.add((node, SH.resultMessage, Literal(text, lang=lang)))
    return g


# --------------------------------------------------------------------------------------------------
# Reading the data: `data` is an rdflib Graph or any view with objects/subjects/`in`.

#: every property the functions below read (plus a result's own path).  The store audit copies out
#: of a plan graph only these and what the shapes read; its view refuses any other, so a lookup
#: added here without its property fails the tests instead of reading nothing.
LOOKUP_PREDICATES = frozenset(str(p) for p in (
    RDF.type, V.hasTarget, V.hasBaseline, V.sourceLocation, V.leadUnit, V.supportingUnit, V.issuer,
    V.title, DCTERMS.title, SKOS.prefLabel, V.number, V.line, V.document, V.fileName, V.printed, V.inPlan,
    V.attribute, V.region))
class Memo:
    """A view that remembers its answers: a plan's findings read the same nodes many times (a task
    that fails two rules, its source location, its document)."""

    def __init__(self, data: Any) -> None:
        self.data = data
        self._objects: dict = {}
        self._subjects: dict = {}

    def objects(self, subject: Any = None, predicate: Any = None) -> Iterable[Any]:
        key = (subject, predicate)
        if key not in self._objects:
            self._objects[key] = tuple(self.data.objects(subject, predicate))
        return self._objects[key]

    def subjects(self, predicate: Any = None, obj: Any = None) -> Iterable[Any]:
        key = (predicate, obj)
        if key not in self._subjects:
            self._subjects[key] = tuple(self.data.subjects(predicate, obj))
        return self._subjects[key]

    def __contains__(self, triple: tuple[Any, Any, Any]) -> bool:
        s, p, o = triple
        if s is not None and p is not None and o is not None:
            return o in self.objects(s, p)
        return triple in self.data


def _sort_key(term: Any) -> tuple:
    return (getattr(term, "language", None) or "", str(term))


def _one(data: Any, node: Any, prop: Any) -> Any:
    """The value of `prop` on `node`; the smallest if there are several (deterministic)."""
    values = list(data.objects(node, prop))
    if len(values) <= 1:
        return values[0] if values else None
    return min(values, key=_sort_key)


def _first_subject(data: Any, prop: Any, obj: Any) -> Any:
    subjects = list(data.subjects(prop, obj))
    if len(subjects) <= 1:
        return subjects[0] if subjects else None
    return min(subjects, key=_sort_key)


def _lang(g: Any, node, prop, lang: str) -> str:
    if node is None:
        return ""
    values = sorted((o for o in g.objects(node, prop) if isinstance(o, Literal) and o.language == lang), key=str)
    return str(values[0]) if values else ""


def _shape_texts(shapes: Graph, shape: Any, cache: dict) -> tuple[str, str, str, str]:
    """A shape's sh:message and sh:name in Chinese and English (read once per shape)."""
    if shape not in cache:
        cache[shape] = (_lang(shapes, shape, SH.message, "zh"), _lang(shapes, shape, SH.message, "en"),
                        _lang(shapes, shape, SH.name, "zh"), _lang(shapes, shape, SH.name, "en"))
    return cache[shape]


def _owner(data: Any, focus: URIRef) -> URIRef:
    """The item a finding is about, for labels and lines: a target's task or indicator, a source
    location's item."""
    for prop in (V.hasTarget, V.hasBaseline, V.sourceLocation):
        subj = _first_subject(data, prop, focus)
        if subj is not None:
            return subj
    if (focus, RDF.type, V.Organization) in data:
        # a unit has no line of its own: point to the first task that names it (or the plan it issued)
        naming = sorted(set(data.subjects(V.leadUnit, focus)) | set(data.subjects(V.supportingUnit, focus)))
        if naming:
            return naming[0]
        issued = _first_subject(data, V.issuer, focus)
        if issued is not None:
            return issued
    return focus


def _label(data: Any, node: URIRef) -> str:
    types = set(data.objects(node, RDF.type))
    title = _one(data, node, V.title) or _one(data, node, DCTERMS.title) or _one(data, node, SKOS.prefLabel)
    number = _one(data, node, V.number)
    if V.Task in types:
        return f"任务 {number} {title}".strip()
    if V.Indicator in types:
        return f"指标 {number} {title}".strip()
    if V.Plan in types:
        return f"规划 {title}" if title else str(node)
    return str(title) if title else str(node).rsplit("/", 1)[-1]


def _line_and_doc(data: Any, node: URIRef) -> tuple[int | None, str]:
    loc = _one(data, node, V.sourceLocation)
    if loc is None:
        return None, ""
    line = _one(data, loc, V.line)
    document = _one(data, loc, V.document)
    doc = _one(data, document, V.fileName) if document is not None else None
    try:
        number = int(line) if line is not None else None
    except (TypeError, ValueError):
        number = None  # a line that is not a number is a finding of its own (SourceLocationLine)
    return number, (str(doc) if doc else "")


def _data_value(data: Any, raw: RawResult) -> Any:
    """The result's value as the data holds it: engines that canonicalise literals (rudof prints
    92.20 as 92.2) are mapped back to the literal of the focus node's property that equals it."""
    value = raw.value
    if not isinstance(value, Literal) or raw.path is None:
        return value
    for o in data.objects(raw.focus, raw.path):
        if o == value:
            return o
    for o in sorted(data.objects(raw.focus, raw.path), key=_sort_key):
        if isinstance(o, Literal) and o.datatype == value.datatype and o.language == value.language:
            try:
                if o.eq(value):
                    return o
            except TypeError:
                continue
    return value


def finding(data: Any, raw: RawResult, shapes: Graph, plan: URIRef, plan_doc: str,
            texts: dict | None = None) -> Finding:
    """One engine result as a finding of `plan`, read against the plan's slice `data`."""
    focus, shape = raw.focus, raw.shape
    rule = str(shape).rsplit("#", 1)[-1] if isinstance(shape, URIRef) else "(anonymous shape)"
    owner = _owner(data, focus) if isinstance(focus, URIRef) else focus
    line, doc = _line_and_doc(data, focus) if isinstance(focus, URIRef) else (None, "")
    if line is None and isinstance(owner, URIRef):
        line, doc = _line_and_doc(data, owner)
    # messages: the result's own (with values filled in, for SPARQL rules), else the shape's
    # sh:message; pyshacl drops the language tag when it fills in a SPARQL rule's message, so an
    # untagged message counts as Chinese when it holds Chinese characters
    tagged = {m.language: str(m) for m in sorted(raw.messages, key=str) if m.language}
    untagged = {("zh" if _CJK.search(str(m)) else "en"): str(m)
                for m in sorted(raw.messages, key=str) if not m.language}
    shape_zh, shape_en, name_zh, name_en = _shape_texts(shapes, shape, {} if texts is None else texts)
    msg_zh = tagged.get("zh") or shape_zh or untagged.get("zh", "")
    msg_en = tagged.get("en") or shape_en or untagged.get("en", "")
    value = _data_value(data, raw)
    label = _label(data, owner)
    if (focus, RDF.type, V.Organization) in data:
        label = f"{_label(data, focus)} ({label})" if owner != focus else _label(data, focus)
    elif owner != focus and V.Target in set(data.objects(focus, RDF.type)):
        label = f"{label} · 目标 {_one(data, focus, V.printed) or ''}".strip()
    return Finding(
        plan=str(plan), rule=rule, severity=str(raw.severity).rsplit("#", 1)[-1], focus=str(focus),
        label=label, doc=doc or plan_doc, line=line, message_zh=msg_zh, message_en=msg_en,
        name_zh=name_zh, name_en=name_en,
        path=str(raw.path).rsplit("#", 1)[-1] if isinstance(raw.path, URIRef) else "",
        value=str(_one(data, value, SKOS.prefLabel) or value) if value is not None else "",
    )


def plan_findings(data: Any, raws: Iterable[RawResult], shapes: Graph,
                  plan: URIRef) -> tuple[list[Finding], list[RawResult]]:
    """The results that are about `plan` (see `belongs`), as findings, with their results."""
    _, plan_doc = _line_and_doc(data, plan)
    found, kept, texts = [], [], {}
    for raw in raws:
        f = finding(data, raw, shapes, plan, plan_doc, texts)
        if belongs(data, f, plan):
            found.append(f)
            kept.append(raw)
    return found, kept


def scorecard(data: Any, plan: URIRef, findings: list[Finding], inferred_owned: int | None) -> Scorecard:
    tasks = {t for t in data.subjects(V.inPlan, plan) if (t, RDF.type, V.Task) in data}
    indicators = {i for i in data.subjects(V.inPlan, plan) if (i, RDF.type, V.Indicator) in data}
    binding = {i for i in indicators if (i, V.attribute, V.binding) in data}
    failing = defaultdict(set)
    for f in findings:
        failing[f.rule].add(URIRef(f.focus))
    _, doc = _line_and_doc(data, plan)
    region = _one(data, plan, V.region)
    return Scorecard(
        plan=str(plan), title=str(_one(data, plan, DCTERMS.title) or ""), doc=doc,
        region=str(_one(data, region, SKOS.prefLabel) or "") if region is not None else "",
        tasks=len(tasks), owned=len(tasks - failing["TaskOwner"]),
        measurable=len(tasks - failing["TaskMeasurable"]), binding=len(binding),
        binding_numeric=len(binding - failing["BindingIndicatorNumericTarget"]),
        inferred_owned=inferred_owned,
    )


def belongs(data: Any, f: Finding, plan: URIRef) -> bool:
    """Keep findings about this plan's own nodes, and about units only if this plan names them."""
    node = URIRef(f.focus)
    if node == plan or (node, V.inPlan, plan) in data:
        return True
    if (node, RDF.type, V.Organization) in data:
        return any(True for _ in data.subjects(V.leadUnit, node)) or any(
            True for _ in data.subjects(V.supportingUnit, node)) or (plan, V.issuer, node) in data
    owner = _owner(data, node)
    return owner != node and (owner == plan or (owner, V.inPlan, plan) in data)


def finish(report: AuditReport) -> AuditReport:
    """Scorecards by document, findings by plan, severity, rule, line (a total order, so every path
    and engine lists the same findings in the same order)."""
    report.scorecards.sort(key=lambda c: (c.doc, c.plan))
    order = {c.plan: i for i, c in enumerate(report.scorecards)}

    def key(f: Finding) -> tuple:
        return (order.get(f.plan, 0), SEVERITIES.index(f.severity) if f.severity in SEVERITIES else 9,
                f.rule, f.line or 0, f.focus, f.path, f.value, f.message_en, f.message_zh)

    if len(report.raw) == len(report.findings):
        pairs = sorted(zip(report.findings, report.raw), key=lambda fr: key(fr[0]))
        report.findings, report.raw = [f for f, _ in pairs], [r for _, r in pairs]
    else:
        report.findings.sort(key=key)
    return report


# --------------------------------------------------------------------------------------------------
