"""The sparql reasoner: the ontology's defined classes and property links as SPARQL CONSTRUCT rules,
run inside Oxigraph over every plan graph at once - in the store itself when given an OxigraphStore,
in an in-memory Oxigraph store otherwise.  It infers only what the reasoners are compared on and
checks no consistency (use hermit or rl per plan for that).

Why: a DL reasoner grows faster than linearly with the graph and the OWL 2 RL rules in Python
(owlrl) took 79 s for 100 plans; a national store holds 2,800.  What the ontology lets a query count
(pkg:OwnedTask, pkg:LeadUnit, …, pkg:leads, pkg:responsibleFor, pkg:inPlan …) is a handful of joins,
which Oxigraph runs over every plan graph of a store at once in seconds.

The rules are documents (``ontology/rules/*.rq``, shipped as package data): one file per conclusion,
``class-<Class>.rq`` or ``property-<property>.rq``, each a CONSTRUCT with one triple in its template,
headed by a comment naming the OWL axioms of ontology/policykg.ttl it implements.  Each rule folds in
the domain, range, inverse and sub-property axioms its conclusion depends on, so every rule reads
asserted triples only: no rule feeds another, they run in any order, once, with no fixpoint loop.

Dataset the rules are written for: ``GRAPH ?g`` is one asserted plan graph, and the default graph is
the union of all graphs (as in a policykg store), where a rule reads what lives in the shared graph
(the department types of units).  `run_rules` runs each rule as ``SELECT DISTINCT ?g <template
variables>`` - a CONSTRUCT loses the graph a solution came from - and keeps a triple only if ?g is
one of the plan graphs it was given (not the shared, ontology or inferred graphs), its terms are
IRIs of the data, and it is asserted neither in that plan graph nor in the shared graph: what the
other reasoners call "inferred" (ontology/reasoning/inferred.py, `inferred_triples`).  Measured on 1,000
generated plans in a store (1.25M triples, 2 cores): 5-13 s for all rules, depending on the load
of the machine, most of it pkg:inPlan's property path and pkg:CrossDepartmentTask's join.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from policykg.errors import InputError, ReasonerUnavailableError
from policykg.graph import vocab as V
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.graph.vocab import ONTOLOGY_GRAPH, inferred_graph_iri
from policykg.ontology.reasoning.inputs import (DEFAULT_GRAPH_IDS, WHOLE, as_dataset, excluded_graph, is_inferred,
                                                not_data)
from policykg.ontology.reasoning.results import ReasoningResult

__all__ = ["Rule", "load_rules", "parse_rule", "run_rules", "reason_all", "RULES_PACKAGE_DIR"]

#: folder of the rule documents inside the policykg.ontology package
RULES_PACKAGE_DIR = "rules"

_PREFIX = re.compile(r"^\s*PREFIX\s+([\w-]*):\s*<([^>]*)>\s*$", re.IGNORECASE | re.MULTILINE)
_SHAPE = re.compile(r"CONSTRUCT\s*\{\s*(?P<template>[^{}]*?)\s*\}\s*WHERE\s*(?P<where>\{.*\})\s*$",
                    re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """One rule document and what the engine needs from it."""

    name: str  # file name without .rq, e.g. "class-OwnedTask"
    text: str  # the document as shipped
    prefixes: tuple[tuple[str, str], ...]
    subject: str  # template subject variable, without "?"
    predicate: URIRef
    object: URIRef | str  # a constant IRI, or a variable name (without "?"); test URIRef first
    where: str  # the WHERE group, braces included

    @property
    def conclusion(self) -> URIRef:
        """The class (for rdf:type rules) or property the rule gives members of."""
        return self.object if self.predicate == RDF.type and isinstance(self.object, URIRef) else self.predicate

    def select(self, excluded: Iterable[str], shared: str) -> str:
        """The rule as the engine runs it: solutions keep their graph ?g (the caller keeps plan
        graphs only: a prefix test on ?g here doubled the time of some rules)."""
        variables = [self.subject] + ([] if isinstance(self.object, URIRef) else [self.object])
        obj = f"<{self.object}>" if isinstance(self.object, URIRef) else f"?{self.object}"
        triple = f"?{self.subject} <{self.predicate}> {obj}"
        not_in = ", ".join(f"<{g}>" for g in sorted(excluded))
        prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in self.prefixes)
        return (f"{prefixes}SELECT DISTINCT ?g {' '.join('?' + v for v in variables)} WHERE {{\n"
                f"  {self.where}\n"
                f"  FILTER({' && '.join(f'isIRI(?{v})' for v in variables)})\n"
                f"  FILTER(?g NOT IN ({not_in}))\n"
                f"  FILTER NOT EXISTS {{ GRAPH ?g {{ {triple} }} }}\n"
                f"  FILTER NOT EXISTS {{ GRAPH <{shared}> {{ {triple} }} }}\n"
                f"}}")


def parse_rule(name: str, text: str) -> Rule:
    """Read a rule document; ReasonerUnavailableError if it is not one CONSTRUCT of one triple over GRAPH ?g."""
    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    prefixes = tuple((p, ns) for p, ns in _PREFIX.findall(body))
    shape = _SHAPE.search(_PREFIX.sub("", body))
    if shape is None or "GRAPH ?g" not in shape.group("where"):
        raise ReasonerUnavailableError(f"rule {name}.rq is not `CONSTRUCT {{ one triple }} WHERE {{ … GRAPH ?g … }}`; "
                             f"see the rule documents in ontology/rules/")
    terms = shape.group("template").rstrip(" .").split()
    if len(terms) != 3 or not terms[0].startswith("?"):
        raise ReasonerUnavailableError(f"rule {name}.rq: the template must be one triple `?subject predicate object`, "
                             f"not {shape.group('template')!r}")
    namespaces = dict(prefixes)

    def constant(term: str) -> URIRef:
        if term == "a":
            return RDF.type
        if term.startswith("<") and term.endswith(">"):
            return URIRef(term[1:-1])
        prefix, _, local = term.partition(":")
        if prefix not in namespaces:
            raise ReasonerUnavailableError(f"rule {name}.rq: {term} uses a prefix the rule does not declare")
        return URIRef(namespaces[prefix] + local)

    obj = terms[2][1:] if terms[2].startswith("?") else constant(terms[2])
    return Rule(name, text, prefixes, terms[0][1:], constant(terms[1]), obj, shape.group("where"))


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """The shipped rule documents, in file-name order."""
    folder = files("policykg.ontology") / RULES_PACKAGE_DIR
    entries = sorted((e for e in folder.iterdir() if e.name.endswith(".rq")), key=lambda e: e.name)
    if not entries:
        raise ReasonerUnavailableError(f"no rule documents found in {folder}; the policykg install is incomplete")
    return tuple(parse_rule(e.name[:-3], e.read_text(encoding="utf-8")) for e in entries)


def run_rules(store: Any, plans: Iterable[str]) -> dict[str, set[tuple[URIRef, URIRef, URIRef]]]:
    """Run every rule over a pyoxigraph Store (default graph = union of its graphs); per plan graph
    of `plans`, the triples inferred and not asserted.  Solutions from other graphs (inferred graphs
    written back into the store) are dropped: they hold their conclusions, so the not-asserted
    test already removes nearly all of them inside Oxigraph."""
    shared = str(V.SHARED_GRAPH)
    keep = set(plans)
    pkg = str(V.PKG)
    out: dict[str, set[tuple[URIRef, URIRef, URIRef]]] = {g: set() for g in keep}
    for rule in load_rules():
        query = rule.select({shared, str(ONTOLOGY_GRAPH)}, shared)
        constant = rule.object if isinstance(rule.object, URIRef) else None
        try:
            for sol in store.query(query, use_default_graph_as_union=True):
                g = sol["g"].value
                if g not in keep:
                    continue
                s = sol[rule.subject].value
                o = constant if constant is not None else URIRef(sol[rule.object].value)  # type: ignore[index]
                if s.startswith(pkg) or (constant is None and o.startswith(pkg)):
                    continue  # ontology terms (concepts such as pkg:binding) are not data
                out[g].add((URIRef(s), rule.predicate, o))
        except (SyntaxError, OSError) as exc:
            raise ReasonerUnavailableError(f"rule {rule.name}.rq failed in Oxigraph: "
                                           f"{str(exc).splitlines()[0][:300]}") from None
    return out


def reason_all(source: Any, per_plan: bool) -> ReasoningResult:
    """The rule documents over every plan graph at once: inside the store when `source` is an
    OxigraphStore (nothing read into Python but the inferred triples), else in an in-memory
    Oxigraph store loaded with the input's triples between IRIs and blank nodes (the rules read
    no literal)."""
    started = time.monotonic()
    if per_plan and isinstance(source, OxigraphStore):
        store, asserted = source.native(), source
        plans = _store_plan_graphs(store)
    else:
        asserted = as_dataset(source)
        store, plans = _scratch_store(asserted, per_plan)
    found = run_rules(store, plans)
    inferred: dict[URIRef, Graph] = {}
    sources: dict[URIRef, URIRef] = {}
    for plan in plans:
        asserted_name = None if plan == WHOLE else URIRef(plan)
        name = inferred_graph_iri(asserted_name)
        graph = Graph()
        for triple in found.get(plan, ()):
            graph.add(triple)
        inferred[name] = graph
        sources[name] = asserted_name if asserted_name is not None else name
    return ReasoningResult(asserted, inferred, sources, "sparql", time.monotonic() - started)


def _store_plan_graphs(store: Any) -> list[str]:
    """The non-empty plan graphs of a pyoxigraph Store, sorted."""
    names = []
    for g in store.named_graphs():
        if hasattr(g, "value") and not excluded_graph(g.value) and \
                next(iter(store.quads_for_pattern(None, None, None, g)), None) is not None:
            names.append(g.value)
    if not names:
        raise InputError("(store)", "holds no plan graphs: nothing to reason over "
                                    "(load plans with `policykg load DOCUMENTS --store DIR`)")
    return sorted(names)


def _scratch_store(ds: Dataset, per_plan: bool) -> tuple[Any, list[str]]:
    """An in-memory Oxigraph store laid out like a policykg store: each plan graph under its name,
    the default and shared graphs in the shared graph; without plan graphs (or per_plan False), all
    of it in one graph.  Returns the store and the plan graph names."""
    import pyoxigraph as ox
    plans: dict[str, list[Graph]] = {}
    shared: list[Graph] = []
    for ctx in ds.graphs():
        if not len(ctx) or is_inferred(ctx.identifier) or not_data(ctx.identifier):
            continue
        if ctx.identifier in DEFAULT_GRAPH_IDS or ctx.identifier == V.SHARED_GRAPH:
            shared.append(ctx)
        else:
            plans[str(ctx.identifier)] = [ctx]
    if not per_plan or not plans:
        plans = {WHOLE: shared + [g for gs in plans.values() for g in gs]}
        shared = []
        if not any(len(g) for g in plans[WHOLE]):
            raise InputError("(graph)", "is empty: nothing to reason over")
    bnodes: dict[BNode, Any] = {}

    def term(t: Any) -> Any:
        if isinstance(t, URIRef):
            return ox.NamedNode(str(t))
        if t not in bnodes:
            bnodes[t] = ox.BlankNode()
        return bnodes[t]

    store = ox.Store()
    for name, graphs in [*plans.items(), (str(V.SHARED_GRAPH), shared)]:
        target = ox.NamedNode(name)
        try:
            store.extend(ox.Quad(term(s), term(p), term(o), target)
                         for graph in graphs for s, p, o in graph if not isinstance(o, Literal))
        except ValueError as exc:  # an IRI Oxigraph refuses
            raise InputError(name, f"cannot be reasoned over by the sparql reasoner: {exc}") from None
    return store, sorted(plans)
