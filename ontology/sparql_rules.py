"""The ontology's defined classes and property links as SPARQL CONSTRUCT rules, run inside Oxigraph.

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
other reasoners call "inferred" (ontology/reasoning.py, `_inferred_triples`).  Measured on 1,000
generated plans in a store (1.25M triples, 2 cores): 5-13 s for all rules, depending on the load
of the machine, most of it pkg:inPlan's property path and pkg:CrossDepartmentTask's join.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable

from rdflib import URIRef
from rdflib.namespace import RDF

from policykg.errors import ReasonerUnavailableError
from policykg.graph import vocab as V

__all__ = ["Rule", "load_rules", "parse_rule", "run_rules", "RULES_PACKAGE_DIR"]

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
    from policykg.graph.vocab import ONTOLOGY_GRAPH
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
