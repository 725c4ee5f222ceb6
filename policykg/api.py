"""The Python API: everything the command line does, one import away for a notebook.

    from policykg import api
    result = api.build(["plan.txt"], "plans.trig")
    columns, rows = api.query("tasks", "plans.trig")
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from rdflib import Dataset

from policykg.errors import InputError, PolicyKGError
from policykg.graph.build import PlanGraph, assemble, build_plan_graph
from policykg.graph.iris import plan_path
from policykg.graph.serialize import format_for, write_dataset
from policykg.graph.store import PARSE_FORMATS, GraphStore, MemoryStore
from policykg.loaders.model import PlanRecord
from policykg.loaders.plan import load_plan
from policykg import queries

#: suffixes read as plan documents (anything else that is not a graph file is tried as text)
DOCUMENT_SUFFIXES = {".txt", ".text", ""}

Progress = Callable[[str, int, int], None]


@dataclass
class Failure:
    path: str
    reason: str


@dataclass
class BuildResult:
    plans: list[PlanGraph] = field(default_factory=list)
    dataset: Dataset | None = None
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    output: Path | None = None

    @property
    def triples(self) -> int:
        return len(self.dataset) if self.dataset is not None else 0

    def summary(self) -> list[dict[str, Any]]:
        return [plan_summary(pg.record) for pg in self.plans]


def plan_summary(r: PlanRecord) -> dict[str, Any]:
    """The per-plan numbers `build` prints: what a user checks first."""
    tasks = r.tasks()
    return {
        "doc": r.document.file_name,
        "plan": r.title,
        "region": r.region.name if r.region else "",
        "tasks": len(tasks),
        "tasks_with_lead": sum(1 for t in tasks if t.units("lead")),
        "projects": len(r.projects()),
        "indicators": len(r.indicators),
        "units": len(r.units()),
    }


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a directory stands for the documents directly inside it (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith(".")))
        else:
            out.append(p)
    return out


def load_documents(paths: Iterable[str | Path], *, keep_going: bool = False,
                   progress: Progress | None = None) -> tuple[list[PlanRecord], list[Failure]]:
    """Parse documents into plan records.  With keep_going, a bad file is recorded and skipped;
    without it, the first bad file raises its InputError."""
    files = expand_paths(paths)
    records: list[PlanRecord] = []
    failures: list[Failure] = []
    for i, f in enumerate(files, 1):
        if progress:
            progress(f.name, i, len(files))
        try:
            records.append(load_plan(f))
        except PolicyKGError as exc:
            if not keep_going:
                raise
            failures.append(Failure(str(f), str(exc)))
    return records, failures


def build_graphs(records: list[PlanRecord]) -> tuple[list[PlanGraph], list[Failure]]:
    """Plan graphs with unique IRIs; the same document given twice is built once."""
    graphs: list[PlanGraph] = []
    seen_sha: dict[str, str] = {}
    used_paths: dict[str, str] = {}
    skipped: list[Failure] = []
    for r in records:
        sha = r.document.sha256
        if sha in seen_sha:
            skipped.append(Failure(r.document.path, f"same content as {seen_sha[sha]}; built once"))
            continue
        seen_sha[sha] = r.document.path
        path = plan_path(r.region, r.period, r.title, r.draft, sha)
        if path in used_paths:
            path = f"{path}-{sha[:8]}"  # two different documents that print the same plan
        used_paths[path] = r.document.path
        graphs.append(build_plan_graph(r, path))
    return graphs, skipped


def build(paths: Iterable[str | Path], output: str | Path | None = None, *, keep_going: bool = False,
          progress: Progress | None = None) -> BuildResult:
    """Documents -> plan records -> one dataset; written to `output` (format by extension) if given.

    The output is written only when every step succeeded, through a temporary file, so a failed run
    leaves an existing output untouched."""
    if output is not None:
        format_for(output)  # refuse an unknown format before doing any work
    records, failures = load_documents(paths, keep_going=keep_going, progress=progress)
    if not records:
        raise InputError(", ".join(str(p) for p in paths) or "(no input)",
                         "no plan document could be read" + (
                             f" ({len(failures)} failed)" if failures else ""))
    graphs, skipped = build_graphs(records)
    result = BuildResult(plans=graphs, dataset=assemble(graphs), failures=failures, skipped=skipped)
    if output is not None:
        write_dataset(result.dataset, output)
        result.output = Path(output)
    return result


def open_source(source: str | Path | GraphStore) -> GraphStore:
    """A graph to query: a store, a graph file (.trig, .ttl, ...), or plan documents to build."""
    if not isinstance(source, (str, Path)):
        return source
    p = Path(source)
    if p.suffix.lower() in PARSE_FORMATS:
        return MemoryStore.from_file(p)
    result = build([p])
    return MemoryStore(result.dataset)


def query(name: str, source: str | Path | GraphStore,
          params: dict[str, str] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run a named library query; returns (columns, rows) in the query's documented columns."""
    q = queries.get(name)
    store = open_source(source)
    columns, rows = store.select(q.bind(params))
    return columns, queries.tidy_rows(q, columns, rows)


def sparql(text: str, source: str | Path | GraphStore) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run an ad-hoc SELECT query."""
    store = open_source(source)
    columns, rows = store.select(text)
    return columns, [tuple("" if v is None else v for v in row) for row in rows]
