"""Plan documents straight to a graph file (`policykg build -o kg.trig|.nq|.nt`), in parallel.

Building a national corpus as one rdflib Dataset and serializing it took 68 s and 2.6 GB for 300
real-size plans (the .nq 40 s and 4.2 GB): at 2,800 it would not fit in memory.  Here worker
processes read one document each and write its graph's text (graph/turtle.py: a TriG block, or
the sorted N-Quads / N-Triples lines), returned compressed; the parent keeps only those bytes and
the shared facts, and writes the file at the end in the order the in-memory writer gives: the
same bytes (tested), through a temporary file renamed into place.

- `.trig`: one block per graph, the graphs in IRI order (each block depends only on its graph);
- `.nq`: the lines of all graphs in one sorted order, merged from each plan's sorted lines;
- `.nt`: the same for the union (a triple in two graphs written once).
"""
from __future__ import annotations

import heapq
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from policykg.errors import OutputError, PolicyKGError
from policykg.graph import vocab as V
from policykg.graph.build import build_plan_graph, department_type_triples
from policykg.graph.iris import plan_path
from policykg.graph.serialize import TRIG_HEADER, atomic_write, format_for, sorted_lines, trig_block
from policykg.graph.terms import Triple
from policykg.loaders.plan import load_plan
from policykg.pipeline.bulk import accepted, in_workers
from policykg.pipeline.documents import Failure, Progress, no_plan_read

#: the formats written this way (rdflib format names, as graph/serialize.py's FORMATS gives them)
STREAMED = ("trig", "nquads", "nt")
#: compressed bytes read at a time when merging sorted lines (2,800 plans: ~2,800 such buffers)
CHUNK = 8192


@dataclass
class WrittenPlan:
    """One document as a worker returns it: its graph's text, compressed, and its shared facts."""

    file: str
    fmt: str
    failed: bool = False  # the parent reads the file again to raise its error (errors do not pickle)
    sha256: str = ""
    path: str = ""
    graph_iri: str = ""
    text: bytes = b""  # zlib: the TriG block, or the graph's sorted lines
    triples: int = 0
    shared: list[Triple] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


def write_one(file: str, fmt: str, path: str | None = None) -> WrittenPlan:
    """Read one document and write its plan graph's text (runs in a worker process)."""
    try:
        r = load_plan(Path(file))
    except PolicyKGError:
        return WrittenPlan(file, fmt, failed=True)
    path = path or plan_path(r.region, r.period, r.title, r.draft, r.document.sha256)
    pg = build_plan_graph(r, path)
    name = str(pg.graph_iri)
    text = trig_block(name, pg.graph) if fmt == "trig" else sorted_lines({name: pg.graph}, fmt == "nquads")
    return WrittenPlan(file, fmt, False, r.document.sha256, path, name,
                       zlib.compress(text.encode("utf-8"), 1), len(pg.graph), sorted(pg.shared), r.summary())


@dataclass
class Written:
    """What `write_documents` wrote: per-plan numbers, skipped and failed documents."""

    summaries: list[dict[str, Any]]
    failures: list[Failure]
    skipped: list[Failure]
    triples: int  # counted in each graph (a triple in two graphs counts twice in .trig and .nq)
    plans: int


def write_documents(documents: list[Path], output: str | Path, *, keep_going: bool = False,
                    progress: Progress | None = None, workers: int | None = None,
                    passed_over: list[Failure] | None = None) -> Written:
    """Read plan `documents` in `workers` processes (None: one per core) and write their graph to
    `output` (.trig, .nq or .nt).  Duplicates are built once and two documents that print the same
    plan get distinct graphs, as in `build` (`OnceEach`); `passed_over` (graph files `build` did not
    read) are reported among the skipped."""
    fmt, _ = format_for(output)
    if fmt not in STREAMED:
        raise OutputError(f"{output}: only .trig, .nq and .nt are written straight from the documents")
    workers = (os.cpu_count() or 1) if workers is None else workers
    summaries: list[dict[str, Any]] = []
    failures: list[Failure] = []
    skipped: list[Failure] = list(passed_over or [])
    texts: dict[str, bytes] = {}
    triples = 0
    shared: set[Triple] = set(department_type_triples())
    calls = [(str(d), fmt) for d in documents]
    for w in accepted(in_workers(write_one, calls, workers), lambda file, path: write_one(file, fmt, path),
                      failures, skipped, keep_going=keep_going, progress=progress, total=len(documents)):
        texts[w.graph_iri] = w.text
        triples += w.triples
        shared.update(w.shared)
        summaries.append(w.summary)
    if not texts:
        raise no_plan_read(documents, failures, passed_over)
    with atomic_write(output, "wb") as fh:
        if fmt == "trig":
            _write_trig(fh, texts, shared)
        else:
            _write_lines(fh, texts, shared, fmt)
    return Written(summaries, failures, skipped, triples + len(shared), len(texts))


def _write_trig(fh, blocks: dict[str, bytes], shared: set[Triple]) -> None:
    fh.write(TRIG_HEADER.encode("utf-8"))
    name = str(V.SHARED_GRAPH)
    blocks = {**blocks, name: zlib.compress(trig_block(name, shared).encode("utf-8"), 1)}
    for iri in sorted(blocks):
        fh.write(zlib.decompress(blocks.pop(iri)))


def _write_lines(fh, texts: dict[str, bytes], shared: set[Triple], fmt: str) -> None:
    """Every graph's sorted lines merged into one sorted, duplicate-free sequence (UTF-8 bytes sort
    as their text does)."""
    text = sorted_lines({str(V.SHARED_GRAPH): shared}, fmt == "nquads").encode("utf-8")
    own = [ln for ln in text.split(b"\n") if ln]
    previous = None
    for ln in heapq.merge(own, *(_unpacked(t) for t in texts.values())):
        if ln != previous:
            fh.write(ln + b"\n")
            previous = ln


def _unpacked(packed: bytes) -> Iterator[bytes]:
    """The lines of compressed text, decompressed a chunk at a time."""
    d = zlib.decompressobj()
    rest = b""
    for i in range(0, len(packed), CHUNK):
        *lines, rest = (rest + d.decompress(packed[i:i + CHUNK])).split(b"\n")
        yield from lines
    tail = rest + d.flush()
    if tail:
        yield tail
