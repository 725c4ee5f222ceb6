"""One named graph as Turtle, written from N-Triples terms: the text rdflib's Turtle serializer
writes for the same graph, byte for byte, without making an rdflib graph.

`.trig` files are one Turtle block per plan graph (graph/serialize.py).  Through rdflib a
real-size plan costs ~200 ms (its terms made, its graph built, its serializer's sorting and
prefix search); restated here for the terms graph/build.py makes, a few milliseconds, so that a
national corpus is written by worker processes in parallel (pipeline/written.py).  What rdflib
does is followed step by step (rdflib/plugins/serializers/turtle.py, rdflib 7): subjects ordered
by (times named as an object, IRI), rdfs:Class members first; rdf:type, then rdfs:label, then the
other predicates in IRI order; objects in rdflib's term order; prefixed names where rdflib finds
one (its own `split_uri`); literals as its `_literal_n3(use_plain=True)` writes them.

What it does not restate it refuses (`Unsupported`) and the caller lets rdflib write that graph:
blank nodes, RDF lists, a predicate outside the bound namespaces (rdflib would invent a prefix),
an IRI rdflib calls invalid.  A literal of a datatype other than xsd:integer, or a set of objects
it cannot order by a simple key, is handed to rdflib's own term class.  Tests compare the two on
the corpus, generated plans and hostile literals.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Mapping

from rdflib.namespace import split_uri
from rdflib.term import _is_valid_uri

from policykg.graph.terms import INTEGER, Triple, _rdflib, _unquoted

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_TYPE = f"<{_RDF}type>"
_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
_CLASS = "<http://www.w3.org/2000/01/rdf-schema#Class>"
_NIL = f"<{_RDF}nil>"
_CANONICAL_INTEGER = re.compile(r"0|-?[1-9][0-9]*")
#: a language tag as rdflib accepts it (its _lang_tag_regex)
_LANGUAGE = re.compile(r"[a-zA-Z]+(?:-[a-zA-Z0-9]+)*")
#: rdflib escapes these in a local name, and gives up a name ending in "."
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


class Unsupported(Exception):
    """The graph holds something this module does not restate; rdflib writes it instead."""


class Prefixes:
    """Prefixed names as rdflib's Turtle serializer finds them for the namespaces bound.

    rdflib splits an IRI at its local name (`split_uri`) and uses a prefix only when the part before
    is a bound namespace (its trie can only move the split to a longer bound namespace that ends
    inside the local name, which no namespace ending in "/" or "#" can)."""

    def __init__(self, namespaces: Mapping[str, str]) -> None:
        if any(not ns.endswith(("/", "#")) for ns in namespaces.values()):
            raise Unsupported("a bound namespace that does not end in / or #")
        self.by_namespace = {str(ns): prefix for prefix, ns in namespaces.items()}
        self.name = lru_cache(maxsize=200_000)(self._name)

    def _name(self, iri: str, verb: bool) -> str:
        if not _is_valid_uri(iri):
            raise Unsupported(f"an IRI rdflib does not write: {iri[:100]}")
        try:
            namespace, local = split_uri(iri)
        except ValueError:
            namespace, local = iri, ""
        prefix = self.by_namespace.get(namespace)
        if prefix is None:
            if verb:
                raise Unsupported(f"a predicate outside the bound namespaces: {iri[:100]}")
            return f"<{iri}>"
        local = _PERCENT.sub("\\%", local.replace("(", r"\(").replace(")", r"\)"))
        return f"<{iri}>" if local.endswith(".") else f"{prefix}:{local}"


def _quote_encode(value: str) -> str:
    """rdflib's Literal._quote_encode: a string with a newline goes in triple quotes."""
    if "\n" in value:
        encoded = value.replace("\\", "\\\\")
        if '"""' in value:
            encoded = encoded.replace('"""', '\\"\\"\\"')
        if encoded[-1] == '"' and encoded[-2] != "\\":
            encoded = encoded[:-1] + "\\" + '"'
        return '"""%s"""' % encoded.replace("\r", "\\r")
    return '"%s"' % value.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")


class _Terms:
    """Each distinct term's Turtle text and sort key, worked out once."""

    def __init__(self, prefixes: Prefixes) -> None:
        self.prefixes = prefixes
        self.labels: dict[str, str] = {}

    def label(self, term: str, verb: bool = False) -> str:
        if verb:
            return "a" if term == _TYPE else self.prefixes.name(term[1:-1], True)
        text = self.labels.get(term)
        if text is None:
            text = self.labels[term] = self._label(term)
        return text

    def _label(self, term: str) -> str:
        first = term[0]
        if first == "<":
            if term == _NIL:
                raise Unsupported("an RDF list")
            return self.prefixes.name(term[1:-1], False)
        if first != '"':
            raise Unsupported("a blank node")
        end = term.rindex('"')
        value, rest = _unquoted(term[1:end]), term[end + 1:]
        if not rest:
            return _quote_encode(value)
        if rest[0] == "@":
            if not _LANGUAGE.fullmatch(rest[1:]):
                raise Unsupported(f"a language tag rdflib refuses: {rest[:50]}")
            return f"{_quote_encode(value)}@{rest[1:]}"
        if rest == f"^^{INTEGER}" and _CANONICAL_INTEGER.fullmatch(value):
            return value
        literal = _rdflib(term)  # any other datatype: rdflib's own rules (normalising, plain forms)
        return literal._literal_n3(use_plain=True,
                                   qname_callback=lambda dt: self.prefixes.name(str(dt), False))


def _iri(term: str) -> str:
    """An IRI term's sort key: rdflib orders IRIs by their text ('<a>' sorts after '<a/b>')."""
    return term[1:-1]


def _object_order(objects: list[str]) -> list[str]:
    """`objects` in rdflib's term order: IRIs (by IRI) before literals; strings and language-tagged
    strings by (language, text), untagged first; canonical integers by value; anything else by
    rdflib's own comparison of its terms."""
    if len(objects) == 1:
        return objects
    iris = [o for o in objects if o[0] == "<"]
    literals = [o for o in objects if o[0] == '"']
    if len(iris) + len(literals) != len(objects):
        raise Unsupported("a blank node")
    return sorted(iris, key=_iri) + (_literal_order(literals) if len(literals) > 1 else literals)


def _literal_order(literals: list[str]) -> list[str]:
    keys = []
    for term in literals:
        end = term.rindex('"')
        rest = term[end + 1:]
        if not rest or (rest[0] == "@" and _LANGUAGE.fullmatch(rest[1:])):
            keys.append((0, rest[1:], _unquoted(term[1:end])))
        elif rest == f"^^{INTEGER}" and _CANONICAL_INTEGER.fullmatch(term[1:end]):
            keys.append((1, "", int(term[1:end])))
        else:
            break
    else:
        if len({k[0] for k in keys}) == 1:
            return [term for _, term in sorted(zip(keys, literals))]
    made = {term: _rdflib(term) for term in literals}
    return sorted(literals, key=lambda t: made[t])


def turtle(triples: Iterable[Triple], prefixes: Prefixes, indent: str = "") -> str:
    """The graph as rdflib's Turtle serializer writes it, less its @prefix lines (which are the
    namespaces bound): the text after them, starting with its blank line.  With `indent`, each
    line the serializer starts is indented by it (a line inside a multi-line literal is the
    literal's: never), as a TriG graph block holds it.

    Written for speed (a national build writes ~4k triples a plan): each distinct term is
    labelled once, and each distinct set of predicates ordered once."""
    by_subject: dict[str, dict[str, list[str]]] = {}
    references: dict[str, int] = {}
    for s, p, o in triples:
        properties = by_subject.get(s)
        if properties is None:
            if s[0] != "<":
                raise Unsupported("a blank node")
            properties = by_subject[s] = {}
        objects = properties.get(p)
        if objects is None:
            properties[p] = [o]
        else:
            objects.append(o)
        references[o] = references.get(o, 0) + 1
    terms = _Terms(prefixes)
    for t in references.keys() | by_subject.keys():
        terms.label(t)
    labels = terms.labels  # every subject's and object's text, each worked out once
    verbs = {p: terms.label(p, verb=True) for p in {p for ps in by_subject.values() for p in ps}}
    top = sorted((s for s, ps in by_subject.items() if _CLASS in ps.get(_TYPE, ())), key=_iri)
    classes = set(top)
    rest = sorted((references.get(s, 0), s[1:-1], s) for s in by_subject if s not in classes)
    orders: dict[tuple[str, ...], tuple[str, ...]] = {}
    out: list[str] = []
    append = out.append
    next_predicate, next_object = f" ;\n{indent}    ", f",\n{indent}        "
    for s in top + [s for _, _, s in rest]:
        properties = by_subject[s]
        key = tuple(properties)
        order = orders.get(key)
        if order is None:
            first = [p for p in (_TYPE, _LABEL) if p in properties]
            order = orders[key] = tuple(first + sorted((p for p in key if p not in (_TYPE, _LABEL)),
                                                       key=_iri))
        append(f"\n{indent}{labels[s]}")
        separator = " "
        for p in order:
            objects = properties[p]
            if len(objects) == 1:
                append(f"{separator}{verbs[p]} {labels[objects[0]]}")
            else:
                append(f"{separator}{verbs[p]} " + next_object.join(
                    labels[o] for o in _object_order(objects)))
            separator = next_predicate
        append(" .\n")
    append("\n")
    return "".join(out)
