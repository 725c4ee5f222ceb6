"""Plan records: what the loaders extract from a document, before any RDF.

Plain dataclasses, so a notebook user can inspect a parsed plan and graph/ can turn it into triples
without knowing how it was read.  Every extracted item carries a `Span` back to its source lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any



@dataclass(frozen=True)
class Span:
    """Where an item was printed: 1-based lines and character offsets into the decoded text."""

    line: int
    end_line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Gap:
    """Something in a document the loaders did not understand: where, what kind, and what."""

    line: int  # 1-based; 0 for the document as a whole
    kind: str  # numbering | responsibility | unit-name | box | metadata | task-chapter | unread | structure
    message: str

    def located(self, file_name: str) -> str:
        """'002.txt:85: …' as compilers print it, so editors and terminals jump to the line."""
        return f"{file_name}:{self.line}: {self.message}" if self.line else f"{file_name}: {self.message}"


@dataclass(frozen=True)
class RegionRef:
    """An administrative division, with the chain of its ancestors (outermost first)."""

    name: str
    level: str
    parent: "RegionRef | None" = None
    code: str = ""

    def chain(self) -> list["RegionRef"]:
        out: list[RegionRef] = []
        node: RegionRef | None = self
        while node is not None:
            out.append(node)
            node = node.parent
        return list(reversed(out))


@dataclass(frozen=True)
class UnitRef:
    """A government body (or other organisation) resolved within its region."""

    key: str  # canonical core name: identity within the region
    label: str  # display name, region prefix restored
    region: RegionRef
    dept_type: str
    alt_labels: tuple[str, ...] = ()
    collective: bool = False  # 各镇（街道）, 各有关单位: several bodies named as one
    # 有关单位, 相关部门, 各成员单位: which bodies, only the plan's context says: this plan's own node,
    # never one shared with every plan of the region (各乡镇（街道）, 县残工委各成员单位 are shared)
    plan_only: bool = False


@dataclass
class Value:
    """A baseline or target as printed, and parsed when numeric."""

    printed: str
    comparator: str | None = None  # one of > ≥ = ≤ < ≈
    value: Decimal | None = None
    unit: str = ""
    year: int | None = None
    span: Span | None = None
    #: a total over the plan's period (五年累计数, printed in brackets: 〔35〕), not a level at its year
    cumulative: bool = False

    @property
    def is_numeric(self) -> bool:
        return self.value is not None


@dataclass
class Indicator:
    no: str
    name: str
    category: str
    unit: str
    baseline: Value | None
    target: Value | None
    attribute: str  # 约束性 / 预期性 / ""
    span: Span
    #: values to reach by years between the baseline's and the target's (a 2023年 column between
    #: 2020年 and 2025年), each with its year, in the table's order: never the target
    milestones: list[Value] = field(default_factory=list)


@dataclass
class Responsibility:
    role: str  # "lead" | "support"
    unit: UnitRef
    span: Span
    printed: str = ""  # the name as this plan prints it (区残联), whatever the unit's label


@dataclass
class Task:
    no: str
    title: str
    text: str
    span: Span
    responsibilities: list[Responsibility] = field(default_factory=list)
    targets: list[Value] = field(default_factory=list)
    indicators: list["Indicator"] = field(default_factory=list)  # plan indicators its text names
    implements: "Task | None" = None  # appendix row -> body task
    order: int = 0
    deadline: str = ""  # by when, as printed in a division table's 完成时限 column (2022年底前)
    official: str = ""  # the official answerable, as a clause prints them (责任领导：张三副县长)

    def units(self, role: str) -> list[UnitRef]:
        seen: list[UnitRef] = []
        for r in self.responsibilities:
            if r.role == role and r.unit not in seen:
                seen.append(r.unit)
        return seen


@dataclass
class Project:
    no: str
    title: str
    text: str
    group: str
    span: Span
    order: int = 0
    #: when the project is to be built, as its table's 建设年限 / 实施年限 column prints it
    #: (2021-2025年, 2022年, “十四五”期间): kept as printed, as a task's deadline is
    period: str = ""


@dataclass
class ProjectColumn:
    no: str
    title: str
    span: Span
    projects: list[Project] = field(default_factory=list)
    order: int = 0


@dataclass
class Section:
    no: str
    title: str
    span: Span
    tasks: list[Task] = field(default_factory=list)
    columns: list[ProjectColumn] = field(default_factory=list)
    order: int = 0


@dataclass
class Chapter:
    no: str
    title: str
    kind: str  # tasks | indicators | principles | safeguards | background | steps | appendix | other
    span: Span
    sections: list[Section] = field(default_factory=list)
    columns: list[ProjectColumn] = field(default_factory=list)  # boxes outside any section
    order: int = 0


@dataclass
class DocumentInfo:
    path: str
    file_name: str
    sha256: str
    encoding: str
    line_count: int
    media_type: str = "text/plain"


@dataclass(frozen=True)
class Coverage:
    """How much of a document was understood (measured in loaders/coverage.py): announced against read, per kind of content; `ratio` is read over announced."""

    tasks: int  # tasks read from the body and the division tables
    unread_paragraphs: int  # paragraphs of task chapters read into nothing
    markers: int  # responsibility markers printed in tasks' text
    markers_read: int  # of those, inside a clause that was read
    indicator_rows: int  # rows printed in indicator tables (numbers skipped count as rows)
    indicators: int  # indicators read
    boxes: int  # 专栏 boxes printed (an indicator box aside)
    boxes_read: int  # boxes with at least one project read
    gaps: int  # everything listed in the plan's warnings

    @property
    def announced(self) -> int:
        return self.tasks + self.unread_paragraphs + self.markers + self.indicator_rows + self.boxes

    @property
    def read(self) -> int:
        return self.tasks + self.markers_read + self.indicators + self.boxes_read

    @property
    def ratio(self) -> float:
        return 1.0 if self.announced == 0 else self.read / self.announced

    @property
    def complete(self) -> bool:
        return self.gaps == 0 and self.read == self.announced

    def label(self) -> str:
        """'100%' or '92% (3 gaps)': the coverage column of a build summary."""
        pct = "100%" if self.complete else f"{min(self.ratio, 0.99):.0%}"
        return pct if self.gaps == 0 else f"{pct} ({self.gaps} gap{'s' if self.gaps != 1 else ''})"


@dataclass
class PlanRecord:
    document: DocumentInfo
    title: str
    title_span: Span | None
    region: RegionRef | None
    issuer: UnitRef | None = None
    doc_number: str = ""
    issued: date | None = None
    published: date | None = None
    period: tuple[int, int] | None = None
    draft: bool = False
    cited: list[tuple[str, Span]] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    warnings: list[Gap] = field(default_factory=list)
    coverage: Coverage | None = None

    def summary(self) -> dict[str, Any]:
        """The per-plan numbers `build` and `load` print: what a user checks first.  Computed
        here, where the record is, so a worker process can return them with the plan."""
        tasks = self.tasks()
        return {
            "doc": self.document.file_name,
            "plan": self.title,
            "region": self.region.name if self.region else "",
            "tasks": len(tasks),
            "tasks_with_lead": sum(1 for t in tasks if t.units("lead")),
            "projects": len(self.projects()),
            "indicators": len(self.indicators),
            "units": len(self.units()),
            "coverage": self.coverage.label() if self.coverage else "",
            "coverage_ratio": self.coverage.ratio if self.coverage else None,
            # every gap with its document and line ('002.txt:85: responsibility clause not read: …')
            "gaps": [g.located(self.document.file_name) for g in self.warnings],
        }

    # -- convenience views -------------------------------------------------------------------
    def sections(self) -> list[Section]:
        return [s for c in self.chapters for s in c.sections]

    def tasks(self) -> list[Task]:
        return [t for s in self.sections() for t in s.tasks]

    def columns(self) -> list[ProjectColumn]:
        out = []
        for c in self.chapters:
            out.extend(c.columns)
            for s in c.sections:
                out.extend(s.columns)
        return sorted(out, key=lambda col: col.order)

    def projects(self) -> list[Project]:
        return [p for col in self.columns() for p in col.projects]

    def units(self) -> list[UnitRef]:
        seen: dict[tuple[str, str], UnitRef] = {}
        for t in self.tasks():
            for r in t.responsibilities:
                seen.setdefault((r.unit.region.name, r.unit.key), r.unit)
        return list(seen.values())
