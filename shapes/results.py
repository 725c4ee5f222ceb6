"""What a SHACL engine returns, whichever engine it is: the result record (`RawResult`), the shapes as
prepared for the engines (`PreparedShapes`, `SparqlRule`), the errors, and the reading of terms as the
engines print them (N-Triples, rudof's own forms) into rdflib terms.  Apart from the engines so that
each engine's module (engines.py, jena.py) and the SPARQL-constraint evaluator share them."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from policykg.errors import PolicyKGError
from policykg.graph.oxigraph_store import to_rdflib

SH = Namespace("http://www.w3.org/ns/shacl#")
#: anonymous shapes are named for rudof and Jena, which report blank-node shapes under labels of their own
ANON = "urn:x-policykg:anonymous-shape:"


class ShapesError(PolicyKGError):
    """The shapes themselves cannot be read or run (a broken .ttl, a SPARQL rule that does not parse)."""


class EngineError(PolicyKGError):
    """A SHACL engine cannot run: not installed, unknown, or it rejected the shapes."""


@dataclass(frozen=True)
class RawResult:
    """One sh:ValidationResult, engine-independent (rdflib terms)."""

    focus: Node
    shape: Node
    component: URIRef | None
    severity: URIRef
    path: URIRef | None = None
    value: Node | None = None
    #: sh:resultMessage values as the engine gave them (rudof's are not read: see `run_rudof`)
    messages: tuple[Literal, ...] = ()


@dataclass(frozen=True)
class SparqlRule:
    """One sh:sparql constraint of a targeted shape, ready to run with `$this` unbound."""

    shape: Node
    severity: URIRef
    query: str
    messages: tuple[Literal, ...]
    path: URIRef | None
    targets: tuple[tuple[URIRef, Node], ...]


@dataclass
class PreparedShapes:
    """The shapes in the forms each engine takes, prepared once per audit."""

    full: Graph        # as shipped: pyshacl's reference run, sh:sparql included
    core: Graph        # without the sh:sparql constraints (`rules` run those)
    named_text: str    # `core` as Turtle, anonymous shapes named (what rudof and Jena read)
    rules: tuple[SparqlRule, ...]
    #: every property the shapes and SPARQL rules can read (None: any, e.g. a closed shape): a triple
    #: with another predicate cannot change a result, so a batch need not give it to the engine
    predicates: frozenset[str] | None = None


def nt_term(text: str) -> Node:
    """A term written in N-Triples syntax (how rudof's query results print them)."""
    if text.startswith("<") and text.endswith(">") and "\\" not in text:
        return URIRef(text[1:-1])
    if text.startswith("_:"):
        return BNode(text[2:])
    triple = next(iter(ox.parse(f"<x:s> <x:p> {text} .".encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)))
    return to_rdflib(triple.object)


LITERAL_RE = re.compile(r'^"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?$', re.S)


def term(text: str | None, prefixes: dict[str, str] | None = None) -> Node | None:
    """A term as rudof prints it: a bare or bracketed IRI, _:label, or "lexical"(@lang|^^datatype)."""
    if text is None:
        return None
    if text.startswith("_:"):
        return BNode(text[2:])
    if text.startswith('"'):
        m = LITERAL_RE.match(text)
        if not m:
            return Literal(text)
        lexical, lang, datatype = m.groups()
        if lang:
            return Literal(lexical, lang=lang)
        if datatype:
            if datatype.startswith("<") and datatype.endswith(">"):
                dt = URIRef(datatype[1:-1])
            elif ":" in datatype and prefixes and datatype.split(":", 1)[0] in prefixes:
                alias, local = datatype.split(":", 1)
                dt = URIRef(prefixes[alias] + local)
            else:
                dt = URIRef(datatype)
            return Literal(lexical) if dt == XSD.string else Literal(lexical, datatype=dt)
        return Literal(lexical)
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    return URIRef(text)


def result_path(text: str | None) -> URIRef | None:
    """A result path if it is a single property (complex paths are left out, as for pyshacl)."""
    if not text:
        return None
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    # rudof prints complex paths as ^(iri), (a / b), (a | b), iri* ...: characters no IRI holds
    if not IRI_RE.match(text):
        return None
    return URIRef(text)


IRI_RE = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|^`\\]*$')


def unname(shape: str | None) -> Node | None:
    if shape is None:
        return None
    if shape.startswith(ANON):
        return BNode(shape[len(ANON):])
    return term(shape)


