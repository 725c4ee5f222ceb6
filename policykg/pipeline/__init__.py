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
from policykg.pipeline.written import STREAMED, write_documents
from policykg.pipeline.documents import (Failure, OnceEach, Progress, expand_paths, load_documents,
                                         no_plan_read, plan_documents, split_inputs)

__all__ = ["Failure", "OnceEach", "Progress", "BuildResult", "LoadResult",
           "expand_paths", "split_inputs", "plan_documents", "load_documents", "build_graphs", "build",
           "merge_named_graphs", "read_dataset", "load", "keep_rows"]


@dataclass
class BuildResult:
    plans: list[PlanGraph] = field(default_factory=list)
    dataset: Dataset | None = None
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    output: Path | None = None
    #: per-plan numbers when the plans went straight into a store or a file (no PlanGraph kept)
    summaries: list[dict[str, Any]] | None = None
    #: triples written, when they went straight to a file
    written_triples: int = 0

    @property
    def triples(self) -> int:
        return len(self.dataset) if self.dataset is not None else self.written_triples

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
          progress: Progress | None = None, dataset: bool = True, workers: int | None = 1) -> BuildResult:
    """Documents -> plan records -> one dataset; written to `output` (format by extension) if given.

    `paths` are plan documents and folders of them.  A graph file (.trig, .nq, .ttl, .json, .jsonld
    …) is no plan document: one found in a folder (the output of an earlier build, a .json beside
    the plans) is not read and is listed in `skipped`; one given by name is refused with an
    InputError before any work (`load` stores graph files; `read_dataset` reads both kinds).

    The output is written only when every step succeeded, through a temporary file, so a failed run
    leaves an existing output untouched.  With `dataset=False` and a .trig, .nq or .nt `output`
    (what the command line does), no dataset is kept: the documents are read in `workers`
    processes (None: one per core) and written straight to the file, the same bytes in a fraction
    of the time and memory (pipeline/written.py); the result then holds per-plan summaries."""
    if output is not None:
        fmt, _ = format_for(output)  # refuse an unknown format before doing any work
    paths = list(paths)
    documents, passed_over = plan_documents(paths)  # graph files are not plan documents
    if not documents:
        raise no_plan_read(paths, [], passed_over)
    if output is not None and not dataset and fmt in STREAMED:
        done = write_documents(documents, output, keep_going=keep_going, progress=progress,
                               workers=workers, passed_over=passed_over)
        return BuildResult(failures=done.failures, skipped=done.skipped, output=Path(output),
                           summaries=done.summaries, written_triples=done.triples)
    records, failures = load_documents(documents, keep_going=keep_going, progress=progress)
    if not records:
        raise no_plan_read(paths, failures, passed_over)
    graphs, skipped = build_graphs(records)
    skipped = passed_over + skipped
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
    parsed, unread = read_graph_files(graph_files, keep_going=keep_going, need_named=need_named)
    built = build(documents, keep_going=keep_going, progress=progress) if documents else None
    ds = built.dataset if built is not None else Dataset(default_union=True)
    merge_named_graphs(ds, parsed)
    if unread:
        built = built or BuildResult(dataset=ds)
        built.failures.extend(unread)
    return ds, built


def read_graph_files(files: list[Path], *, keep_going: bool = False,
                     need_named: bool = True) -> tuple[Dataset, list[Failure]]:
    """Graph files parsed into one dataset.  A file that cannot be parsed, or holds no triples at all
    (a .json that is not JSON-LD parses to nothing), is an error, or with `keep_going` a failure
    returned for the summary: it is never passed over in silence."""
    ds = Dataset(default_union=True)
    failures: list[Failure] = []
    for f in files:
        try:
            parsed = MemoryStore.from_file(f).dataset()
            if not len(parsed):
                raise InputError(f, "holds no RDF triples (a graph file policykg reads is .trig, .nq, .nt, "
                                    ".ttl or JSON-LD, e.g. what `policykg build` writes)")
            if need_named and default_graph_size(parsed):
                raise InputError(f, "holds no named graphs, so its plans cannot be stored one graph each: "
                                    "build to .trig, .nq or .jsonld, or give the plan documents")
        except InputError as exc:
            if not keep_going:
                raise
            failures.append(Failure(str(f), str(exc)))
            continue
        merge_named_graphs(ds, parsed)
    return ds, failures


@dataclass
class LoadResult:
    graphs: list[Pushed]
    build: BuildResult | None = None
    store_triples: int = 0
    store_graphs: int = 0


def load(paths: Iterable[str | Path], store: str | Path, *, keep_going: bool = False,
         progress: Progress | None = None, workers: int | None = 1, keep: bool = True) -> LoadResult:
    """Put plans (documents or graph files) into a persistent local store, created if needed.
    Each plan replaces its earlier version whole; other plans in the store are left as they are.

    Plan documents go straight into the store (pipeline/bulk.py): parsed in `workers` processes
    (None: one per core) and bulk-loaded in batches as they arrive; a failed run changes nothing, a
    killed one leaves the store usable with whole plans only.  Graph files are parsed (first, so an
    unreadable one stops the run before the store changes) into one dataset and stored after the
    documents.  With `keep`, every library query's national rows are then
    computed and kept beside the store (`keep_rows`)."""
    files = expand_paths(paths)
    if not files:
        raise InputError("(no input)", "give plan documents or graph files")
    graph_files, documents = split_inputs(files)
    # graph files are parsed first, so one that cannot be read stops the run before the store changes
    parsed, unread = read_graph_files(graph_files, keep_going=keep_going)
    result = LoadResult([], BuildResult(failures=list(unread)) if unread else None)
    if documents:
        bulk = bulk_load(documents, store, load_ontology(), keep_going=keep_going, progress=progress,
                         workers=workers)
        result.graphs += bulk.graphs
        result.build = BuildResult(failures=bulk.failures + list(unread), skipped=bulk.skipped,
                                   summaries=bulk.summaries)
        result.store_triples, result.store_graphs = bulk.store_triples, bulk.store_graphs
    if len(parsed) or not documents:
        with OxigraphStore(store) as target:
            result.graphs += target.load(parsed, ontology=load_ontology())
            result.store_triples, result.store_graphs = len(target), len(target.graph_names())
    if keep:
        keep_rows(store, workers=workers)
    return result


def keep_rows(store: str | Path, *, workers: int | None = None,
              progress: Progress | None = None) -> dict[str, int]:
    """Every library query's national rows (queries/national.py), computed once over the store as it
    now is in `workers` processes (None: one per core) and kept beside it, so that a national list,
    aggregate or unit/type-filtered query answers at once until the store changes (README "National
    scale" says how long this takes at 2,800 plans; a query whose kept rows are stale is asked of the
    store again).  Returns each query's row count."""
    with OxigraphStore(store, read_only=True) as source:
        return national.precompute(source, workers=workers, progress=progress)
