"""What reasoning returns: the inferred graphs beside the asserted ones (`ReasoningResult`), and when
a plan graph contradicts the ontology, why in plain words (`Inconsistency`, its `Clash`es and the
`SourceLine`s each culprit was printed on).

Why its own module: every reasoner returns these, the CLI prints them and the API hands them to a
notebook; none of that needs to know how a reasoner works.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from policykg.graph import vocab as V
from policykg.ontology.reasoning.inputs import DEFAULT_GRAPH_IDS, is_inferred

#: The classes `ReasoningResult.summary` counts (the columns a `policykg reason` table shows).
SUMMARY_CLASSES: tuple[URIRef, ...] = (V.OwnedTask, V.LeadUnit, V.CrossDepartmentTask, V.MeasurableTask,
                                       V.BindingIndicator)

#: the plans of each plan graph with their document and title, for `ReasoningResult.summary` on a store
_PLAN_LABELS = """
PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?plan ?doc ?title WHERE {
  GRAPH ?g { ?plan a pkg:Plan .
             OPTIONAL { ?plan prov:wasDerivedFrom ?d . ?d pkg:fileName ?doc }
             OPTIONAL { ?plan dcterms:title ?title } }
} ORDER BY ?g ?plan ?doc ?title
"""


def local_name(iri: Any) -> str:
    return re.split(r"[#/]", str(iri))[-1]


@dataclass(frozen=True)
class SourceLine:
    """Where a node was printed: file, 1-based line, and how the node relates to what was printed."""

    file: str
    line: int
    via: str = ""  # "" = the node itself; else e.g. "named by <task> (pkg:leadUnit)"

    def text(self) -> str:
        return f"{self.file} line {self.line}" + (f" ({self.via})" if self.via else "")


@dataclass(frozen=True)
class Clash:
    """One reason the graph cannot be true, in plain words, with the individuals involved."""

    individuals: tuple[str, ...]
    axiom: str


@dataclass
class Inconsistency:
    """Why one plan graph is inconsistent with the ontology."""

    graph: str
    reasoner: str
    clashes: list[Clash] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    sources: dict[str, list[SourceLine]] = field(default_factory=dict)
    explanation: str = ""  # Pellet's explanation (the axioms involved), when Java could run it

    @property
    def individuals(self) -> list[str]:
        seen: dict[str, None] = {}
        for clash in self.clashes:
            for i in clash.individuals:
                seen.setdefault(i, None)
        return list(seen)

    def text(self) -> str:
        lines = [f"graph {self.graph} is inconsistent ({self.reasoner}): its facts contradict the ontology."]
        if not self.clashes:
            lines.append("  the reasoner gave no culprit; see the explanation below" if self.explanation
                         else "  the reasoner gave no culprit (try --reasoner pellet for an explanation)")
        for clash in self.clashes:
            lines.append(f"  - {clash.axiom}")
        for ind in self.individuals:
            label = self.labels.get(ind)
            lines.append(f"  {ind}" + (f" 「{label}」" if label else "") + ":")
            where = self.sources.get(ind) or []
            lines.extend(f"      from {s.text()}" for s in where)
            if not where:
                lines.append("      no source line recorded for this node")
        if self.explanation:
            lines.append("  Pellet's explanation (axioms that cannot all hold together):")
            lines.extend(f"      {ln}" for ln in self.explanation.splitlines())
        return "\n".join(lines)


@dataclass
class ReasoningResult:
    """One inferred graph per plan graph, beside the asserted graphs they were inferred from."""

    asserted: Any  # an rdflib Dataset, or the store reasoned over (read whole only if `dataset` is used)
    inferred: dict[URIRef, Graph]
    sources: dict[URIRef, URIRef]  # inferred graph -> the asserted graph it was inferred from
    reasoner: str
    seconds: float
    _dataset: Dataset | None = field(default=None, init=False, repr=False)

    @property
    def dataset(self) -> Dataset:
        """Asserted and inferred graphs in one Dataset (default graph = union), made on first use:
        for a store that means reading all of it into memory, which only `write(include_asserted=
        True)` and callers that ask need."""
        if self._dataset is None:
            source = self.asserted if isinstance(self.asserted, Dataset) else self.asserted.dataset()
            out = Dataset(default_union=True)
            for prefix, ns in V.PREFIXES.items():
                out.bind(prefix, ns)
            for ctx in source.graphs():
                if not len(ctx) or is_inferred(ctx.identifier):
                    continue
                target = out.default_graph if ctx.identifier in DEFAULT_GRAPH_IDS else out.graph(ctx.identifier)
                target += ctx
            for name, graph in self.inferred.items():
                out.graph(name).__iadd__(graph)
            self._dataset = out
        return self._dataset

    def inferred_dataset(self) -> Dataset:
        """Only the inferred graphs (what `policykg reason -o` writes)."""
        ds = Dataset(default_union=True)
        for prefix, ns in V.PREFIXES.items():
            ds.bind(prefix, ns)
        for name, graph in sorted(self.inferred.items()):
            ds.graph(name).__iadd__(graph)
        return ds

    @property
    def triples(self) -> int:
        return sum(len(g) for g in self.inferred.values())

    def members(self, cls: URIRef) -> dict[URIRef, set[URIRef]]:
        """Per asserted graph: the nodes inferred to be members of `cls`."""
        return {self.sources[name]: set(g.subjects(RDF.type, cls)) for name, g in self.inferred.items()}

    def summary(self) -> list[dict[str, Any]]:
        """Per plan graph, what a user checks first: members of each defined class, links added."""
        rows = []
        labels = self._plan_labels()
        for name, graph in sorted(self.inferred.items()):
            doc, title = labels.get(self.sources[name], ("", ""))
            row: dict[str, Any] = {"doc": doc, "plan": title, "graph": str(name)}
            for cls in SUMMARY_CLASSES:
                row[local_name(cls)] = len(set(graph.subjects(RDF.type, cls)))
            row["links"] = sum(1 for _, p, _ in graph if p != RDF.type)
            rows.append(row)
        return sorted(rows, key=lambda r: (r["doc"], r["graph"]))

    def _plan_labels(self) -> dict[URIRef, tuple[str, str]]:
        """Per asserted graph: its plans' document file names and titles ("; "-joined)."""
        out: dict[URIRef, tuple[str, str]] = {}
        if not isinstance(self.asserted, Dataset):  # a store: one query, not the whole store in memory
            _, rows = self.asserted.select(_PLAN_LABELS)
            found: dict[URIRef, dict[str, tuple[str, str]]] = defaultdict(dict)
            for g, plan, doc, title in rows:
                found[URIRef(g)].setdefault(plan, (str(doc or ""), str(title or "")))
            for g, plans in found.items():
                pairs = [plans[p] for p in sorted(plans)]
                out[g] = ("; ".join(d for d, _ in pairs if d), "; ".join(t for _, t in pairs))
            return out
        for name in self.inferred:
            asserted = self.sources[name]
            source = self.asserted.graph(asserted) if asserted != name else self.dataset
            plans = sorted(source.subjects(RDF.type, V.Plan))
            docs = [source.value(source.value(p, PROV.wasDerivedFrom), V.fileName) for p in plans]
            out[asserted] = ("; ".join(str(d) for d in docs if d is not None),
                             "; ".join(str(source.value(p, DCTERMS.title) or "") for p in plans))
        return out

    def write(self, output: str | Path, *, include_asserted: bool = False) -> Path:
        """Write the inferred graphs (with include_asserted, the asserted ones too, so that one file
        answers queries over both) atomically and sorted; the format follows the extension: .trig,
        .nq and .jsonld keep one graph per plan, .ttl and .nt hold the union."""
        from policykg.graph.serialize import write_dataset  # graph/ imports nothing of ontology/
        write_dataset(self.dataset if include_asserted else self.inferred_dataset(), output)
        return Path(output)
