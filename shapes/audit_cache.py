"""The audit cache of a store: each plan's findings kept in the store, re-audited only when changed.

A plan's findings depend only on its own graph, what the reasoner inferred for it, the shared nodes
it reaches, the ontology and the shapes (shapes/store_audit.py relies on the same).  After an
audit, each plan's findings, engine results and scorecard are written into one named graph of the
store, `AUDIT_GRAPH`, under a key; the next `validate --store` audits only the plans whose key
changed or that have no entry, reads the others back, and gives the report a full audit gives.

One audit graph rather than a graph per plan: the cache is one artefact (every entry depends on the
same shapes, ontology and policykg version), forgetting it is dropping one graph, and it adds one
name to the store's graph list instead of thousands.  Entries are nodes of their own
(`…/id/audit/<hash of the plan graph>`), not the plan's IRI, so no library query reads them; whole
-store reads (`dataset()`, `graph_names()`) leave the graph out.

The key must be cheap: it is computed for every plan on every validate, and reading a plan graph
back out of RocksDB is the dearest step of the audit itself (digesting every plan graph's content
took ~40 ms a plan, 2 minutes at 2,800 plans: as long as the audit).  So the key is made of what
identifies the content without reading it, a few index probes a plan:

- the plan graph's IRI and the sha256 of each document it was read from (`pkg:sha256`, written by
  every policykg build: a document edited and loaded again has a new one);
- the number of triples of its inferred graph (`reason --write` replaces it; small);
- the number of triples of the shared graph (policykg merges into it and never takes out, so a
  new unit or region changes it: then every plan is audited again);
- the shapes, the ontology and the policykg version (any change re-audits every plan).

A plan graph with no `pkg:sha256` (made by another tool) is keyed by a digest of its content.  What
the key does not see: a plan graph that changed while its document did not (a SPARQL update by
another tool, or the same document loaded by another policykg version after the cache was written);
`validate --full` audits every plan and rewrites the cache.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Collection, Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from policykg import __version__
from policykg.errors import PolicyKGError
from policykg.graph import vocab as V
from policykg.graph.oxigraph_store import OxigraphStore, PlanGraph, from_rdflib, plan_graphs
from policykg.ontology import ontology_path
from policykg.shapes.audit import AuditReport, Finding, Progress, Scorecard, _shapes_text, finish
from policykg.queries import national
from policykg.shapes.engines import check_engine
from policykg.shapes.results import RawResult, nt_term
from policykg.shapes.store_audit import _source, audit_store

#: the named graph that holds the cache
AUDIT_GRAPH = str(V.AUDIT_GRAPH)
_ENTRY = str(V.ID["audit/"])
_NS = "https://w3id.org/policykg/audit#"
_PLAN_GRAPH, _KEY, _RECORD = (ox.NamedNode(_NS + n) for n in ("planGraph", "key", "record"))
#: bumped when an entry's layout or what the key covers changes: older entries are then ignored
FORMAT = "1"


@dataclass
class CacheInfo:
    """What a cached audit did, for the command line to say."""

    audited: int = 0          # plans validated by the engine
    cached: int = 0           # plans read from the cache
    removed: int = 0          # entries of plans no longer in the store, dropped
    written: bool = False     # the cache was updated in the store
    note: str | None = None   # why the cache was not used or not written (once)


@dataclass
class Entry:
    """One plan's audit as the cache keeps it."""

    findings: list[Finding]
    raws: list[RawResult]
    scorecard: Scorecard
    key: str = field(default="", compare=False)


def shapes_digest(shapes: Graph | None) -> str:
    """The shapes' part of every key: the shipped .ttl texts, or a canonical form of given shapes."""
    h = hashlib.blake2b(digest_size=16)
    if shapes is None:
        for name, text in _shapes_text():
            h.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    else:
        lines = sorted(" ".join(t.n3() for t in triple) for triple in to_canonical_graph(shapes))
        h.update("\n".join(lines).encode("utf-8"))
    return h.hexdigest()


def base_key(shapes: Graph | None) -> str:
    """What every plan's key shares: cache format, policykg version, ontology, shapes."""
    h = hashlib.blake2b(digest_size=16)
    for part in (FORMAT, __version__, hashlib.sha256(ontology_path().read_bytes()).hexdigest(),
                 shapes_digest(shapes)):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


def _count(source: Any, graph: str) -> int:
    solutions = source.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(next(iter(solutions))["n"].value)


def plan_keys(source: Any, plans: Iterable[PlanGraph], base: str) -> dict[str, str]:
    """Each plan's key (see the module docstring), by plan IRI."""
    sha = ox.NamedNode(str(V.sha256))
    common = f"{base}\0shared={_count(source, str(V.SHARED_GRAPH))}"
    keys = {}
    for p in plans:
        graph = ox.NamedNode(p.graph)
        docs = sorted(q.object.value for q in source.quads_for_pattern(None, sha, None, graph))
        if not docs:  # not built by policykg: its content, read
            content = source.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
            docs = ["content:" + hashlib.blake2b(content, digest_size=16).hexdigest()]
        inferred = _count(source, p.inferred) if p.inferred else -1
        text = "\0".join([common, p.plan, p.graph, *docs, f"inferred={inferred}"])
        keys[p.plan] = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    return keys


def _entry_node(plan_graph: str) -> ox.NamedNode:
    return ox.NamedNode(_ENTRY + hashlib.sha1(plan_graph.encode("utf-8")).hexdigest()[:20])


def read(source: Any, plans: Iterable[PlanGraph], keys: dict[str, str]) -> dict[str, Entry]:
    """The cached audits whose key is still the plan's, by plan IRI."""
    graph = ox.NamedNode(AUDIT_GRAPH)
    out = {}
    for p in plans:
        node = _entry_node(p.graph)
        stored = [q.object.value for q in source.quads_for_pattern(node, _KEY, None, graph)]
        if stored != [keys[p.plan]]:
            continue
        records = [q.object.value for q in source.quads_for_pattern(node, _RECORD, None, graph)]
        if len(records) == 1:
            out[p.plan] = _decode(records[0], stored[0])
    return out


def stale_entries(source: Any, plans: Iterable[PlanGraph]) -> list[Any]:
    """Entries of plan graphs no longer in the store."""
    graph = ox.NamedNode(AUDIT_GRAPH)
    present = {p.graph for p in plans}
    return [q.subject for q in source.quads_for_pattern(None, _PLAN_GRAPH, None, graph)
            if q.object.value not in present]


def write(store: Any, entries: dict[PlanGraph, Entry], drop: Iterable[Any] = ()) -> None:
    """Replace the entries of these plans and drop the entries `drop`.  Old entries go first, then
    the new ones are added in one transaction: a run stopped in between leaves plans without an
    entry, which the next validate audits (never a stale one)."""
    graph = ox.NamedNode(AUDIT_GRAPH)
    nodes = [_entry_node(p.graph) for p in entries] + list(drop)
    for q in [q for n in nodes for q in store.quads_for_pattern(n, None, None, graph)]:
        store.remove(q)
    new = []
    for p, e in entries.items():
        node = _entry_node(p.graph)
        new += [ox.Quad(node, _PLAN_GRAPH, ox.NamedNode(p.graph), graph),
                ox.Quad(node, _KEY, ox.Literal(e.key), graph),
                ox.Quad(node, _RECORD, ox.Literal(_encode(e)), graph)]
    store.extend(new)


# --- entries as JSON ------------------------------------------------------------------------------
def _term(t: Node | None) -> str | None:
    """A term in N-Triples syntax (rdflib's n3() writes a multi-line literal in Turtle's triple quotes)."""
    return None if t is None else str(from_rdflib(t))


@lru_cache(maxsize=1 << 16)
def _node(text: str | None) -> Node | None:
    """A term read back (memoised: shapes, components, severities and paths repeat in every entry,
    and making an rdflib IRI checks it: 2.8 s of reading 2,800 plans' entries without this)."""
    if text is None:
        return None
    return BNode(text[2:]) if text.startswith("_:") else nt_term(text)


#: the fields of a finding and a scorecard, in order (all plain values: `asdict`'s deep copy, a third
#: of writing the cache, is not needed)
_FINDING_FIELDS = tuple(f.name for f in fields(Finding))
_SCORECARD_FIELDS = tuple(f.name for f in fields(Scorecard))


def _record(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: getattr(obj, n) for n in names}


def _encode(e: Entry) -> str:
    raws = [{"focus": _term(r.focus), "shape": _term(r.shape), "component": _term(r.component),
             "severity": _term(r.severity), "path": _term(r.path), "value": _term(r.value),
             "messages": [_term(m) for m in r.messages]} for r in e.raws]
    return json.dumps({"findings": [_record(f, _FINDING_FIELDS) for f in e.findings], "raws": raws,
                       "scorecard": _record(e.scorecard, _SCORECARD_FIELDS)},
                      ensure_ascii=False, separators=(",", ":"))


def _decode(text: str, key: str) -> Entry:
    data = json.loads(text)
    raws = [RawResult(focus=_node(r["focus"]), shape=_node(r["shape"]), component=_node(r["component"]),
                      severity=_node(r["severity"]), path=_node(r["path"]), value=_node(r["value"]),
                      messages=tuple(_node(m) for m in r["messages"])) for r in data["raws"]]
    return Entry([Finding(**f) for f in data["findings"]], raws, Scorecard(**data["scorecard"]), key)


# --- the cached audit -----------------------------------------------------------------------------
def cached_audit(store: Any, *, engine: str, workers: int = 1, shapes: Graph | None = None,
                 progress: Progress | None = None, only: Collection[str] | None = None,
                 full: bool = False) -> AuditReport:
    """`audit_store` through the cache: plans whose key matches their entry are read back, the
    others are validated (all of them with `full`), and the entries are written back; the report
    is the one a full audit gives (`report.cache` says how many plans took which way).

    `store`: a store directory or an OxigraphStore.  The cache is written by opening the store for
    writing after the audit, for as long as the writing takes; if that cannot be done (another
    process is writing to it, a read-only directory) the audit stands without updating the cache
    and `report.cache.note` says why."""
    check_engine(engine)  # the engine asked for must be able to run, even if no plan needs it now
    source, path = _source(store)
    plans = plan_graphs(source)
    if not plans:
        raise PolicyKGError("the store holds no pkg:Plan: nothing to audit (was it loaded by policykg?)")
    chosen = plans if only is None else [p for p in plans if p.plan in only]
    keys = plan_keys(source, chosen, base_key(shapes))
    hits = {} if full else read(source, chosen, keys)
    todo = [p for p in chosen if p.plan not in hits]
    info = CacheInfo(audited=len(todo), cached=len(hits))
    report = AuditReport()
    for e in hits.values():
        report.findings += e.findings
        report.raw += e.raws
        report.scorecards.append(e.scorecard)
    fresh: dict[PlanGraph, Entry] = {}
    if todo:
        part = audit_store(store, engine=engine, workers=workers, shapes=shapes, progress=progress,
                           only={p.plan for p in todo})
        by_plan = {p.plan: p for p in todo}
        for card in part.scorecards:
            fresh[by_plan[card.plan]] = Entry([], [], card, keys[card.plan])
        entry_of = {p.plan: e for p, e in fresh.items()}
        for f, r in zip(part.findings, part.raw):
            entry_of[f.plan].findings.append(f)
            entry_of[f.plan].raws.append(r)
        report.findings += part.findings
        report.raw += part.raw
        report.scorecards += part.scorecards
    drop = stale_entries(source, plans) if only is None else []
    info.removed = len(drop)
    if fresh or drop:
        info.written, info.note = _write_back(store, path, fresh, drop)
    report.cache = info
    return finish(report)


def _write_back(store: Any, path: Path | None, fresh: dict[PlanGraph, Entry],
                drop: list[Any]) -> tuple[bool, str | None]:
    """Write the entries into the store: its own writer if it has one open, else one opened now
    (and closed again, so the lock is held only while writing)."""
    if isinstance(store, OxigraphStore) and not store.read_only:
        write(store.native(), fresh, drop)
        store.flush()
        return True, None
    if path is None:
        return False, "the store is in memory: the audit cache was not kept"
    before = national.stamp(path)  # before the writer opens: opening one changes the files too
    try:
        writer = _open_writer(path)
    except OSError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if not os.access(path, os.W_OK) or "read-only" in reason.lower() or "permission" in reason.lower():
            why = "its directory is read-only"
        elif "lock" in reason.lower():
            why = "another process is writing to it (a load still running?)"
        else:
            why = reason[:200]
        return False, f"{path}: the audit cache was not updated ({why}); the report is complete"
    try:
        write(writer, fresh, drop)
        writer.flush()
    finally:
        del writer
    # the audit graph is no part of what the kept national rows answer: still current if they were
    national.carry_over(path, before)
    return True, None


def _open_writer(path: Path) -> Any:
    return ox.Store(str(path))
