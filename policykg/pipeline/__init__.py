"""The documents -> graph -> store pipeline: which files are read, the one rule that the same
document is built once, building a dataset (`build`) and filling a store (`load`).

The steps themselves live in their folders (loaders/ reads, graph/ builds and stores); this module
strings them together for the API and the CLI, so both read documents the same way.  The bulk path
into a local store (documents in parallel, straight into Oxigraph) is pipeline/bulk.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from rdflib import Dataset

from policykg.errors import InputError
from policykg.graph.build import PlanGraph, assemble, build_plan_graph, named_graphs
from policykg.graph.iris import plan_path
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.graph.parts import Pushed, default_graph_size, merge_named_graphs
from policykg.graph.serialize import format_for, write_dataset
from policykg.graph.store import MemoryStore
from policykg.loaders.model import PlanRecord
from policykg.ontology import load_ontology
from policykg.queries import national
from policykg.pipeline.bulk import load_documents as bulk_load
from policykg.pipeline.documents import (Failure, OnceEach, Progress, expand_paths, load_documents,
                                         no_plan_read, split_inputs)

__all__ = ["Failure", "OnceEach", "Progress", "BuildResult", "LoadResult",
           "expand_paths", "split_inputs", "load_documents", "build_graphs", "build",
           "merge_named_graphs", "read_dataset", "load", "keep_aggregates"]


@dataclass
class BuildResult:
    plans: list[PlanGraph] = field(default_factory=list)
    dataset: Dataset | None = None
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    output: Path | None = None
    #: per-plan numbers when the plans went straight into a store (no PlanGraph kept in memory)
    summaries: list[dict[str, Any]] | None = None

    @property
    def triples(self) -> int:
        return len(self.dataset) if self.dataset is not None else 0

    def summary(self) -> list[dict[str, Any]]:
        if self.summaries is not None:
            return self.summaries
        return [pg.record.summary() for pg in self.plans]


def build_graphs(records: list[PlanRecord]) -> tuple[list[PlanGraph], list[Failure]]:
    """Plan graphs with unique IRIs; the same document given twice is built once."""
    graphs: list[PlanGraph] = []
    once = OnceEach()
    skipped: list[Failure] = []
    for r in records:
        sha = r.document.sha256
        dup = once.duplicate(sha, r.document.path)
        if dup is not None:
            skipped.append(dup)
            continue
        path = once.path(plan_path(r.region, r.period, r.title, r.draft, sha), sha, r.document.path)
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
        raise no_plan_read(paths, failures)
    graphs, skipped = build_graphs(records)
    result = BuildResult(plans=graphs, dataset=assemble(graphs), failures=failures, skipped=skipped)
    if output is not None:
        write_dataset(result.dataset, output, named_graphs(graphs))
        result.output = Path(output)
    return result


def read_dataset(paths: Iterable[str | Path], *, keep_going: bool = False,
                 progress: Progress | None = None,
                 need_named: bool = True) -> tuple[Dataset, BuildResult | None]:
    """Graph files and plan documents (both may be given together) as one dataset: the files parsed,
    the documents built.  Returns the dataset and, when documents were built, their BuildResult
    (for the summary).  With `need_named` (what `load` and `push` store, one graph per plan), a
    graph file that holds no named graphs is refused."""
    files = expand_paths(paths)
    if not files:
        raise InputError("(no input)", "give plan documents or graph files")
    graph_files, documents = split_inputs(files)
    built = build(documents, keep_going=keep_going, progress=progress) if documents else None
    ds = built.dataset if built is not None else Dataset(default_union=True)
    for f in graph_files:
        parsed = MemoryStore.from_file(f).dataset()
        if need_named and default_graph_size(parsed):
            raise InputError(f, "holds no named graphs, so its plans cannot be stored one graph each: "
                                "build to .trig, .nq or .jsonld, or give the plan documents")
        merge_named_graphs(ds, parsed)
    return ds, built


@dataclass
class LoadResult:
    graphs: list[Pushed]
    build: BuildResult | None = None
    store_triples: int = 0
    store_graphs: int = 0


def load(paths: Iterable[str | Path], store: str | Path, *, keep_going: bool = False,
         progress: Progress | None = None, workers: int | None = 1, aggregates: bool = True) -> LoadResult:
    """Put plans (documents or graph files) into a persistent local store, created if needed.
    Each plan replaces its earlier version whole; other plans in the store are left as they are.

    Plan documents go straight into the store (pipeline/bulk.py): parsed in `workers` processes
    (None: one per core) and bulk-loaded in batches as they arrive; a failed run changes nothing, a
    killed one leaves the store usable with whole plans only.  Graph files (or a mix) are parsed into
    one dataset first and then stored.  With `aggregates`, the national aggregates are then computed
    and kept (`keep_aggregates`)."""
    files = expand_paths(paths)
    graph_files, documents = split_inputs(files)
    if documents and not graph_files:
        bulk = bulk_load(documents, store, load_ontology(), keep_going=keep_going, progress=progress,
                         workers=workers)
        built = BuildResult(failures=bulk.failures, skipped=bulk.skipped, summaries=bulk.summaries)
        result = LoadResult(bulk.graphs, built, bulk.store_triples, bulk.store_graphs)
    else:
        ds, built = read_dataset(paths, keep_going=keep_going, progress=progress)
        with OxigraphStore(store) as target:
            graphs = target.load(ds, ontology=load_ontology())
            result = LoadResult(graphs, built, len(target), len(target.graph_names()))
    if aggregates:
        keep_aggregates(store)
    return result


def keep_aggregates(store: str | Path) -> dict[str, int]:
    """The national aggregates (queries/national.py) computed once over the store as it now is and
    kept beside it, so that asking one answers at once until the store changes (~20 s at 2,800 plans;
    a query whose kept rows are stale is asked of the store again)."""
    with OxigraphStore(store, read_only=True) as source:
        return national.precompute(source)
