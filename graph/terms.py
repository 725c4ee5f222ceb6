"""RDF terms as N-Triples text: what the graph builder (graph/build.py) makes its triples of.

A plan of real size is ~4k triples; made of rdflib terms they cost ~60 ms to build and ~30 ms more
to turn into N-Quads for the store, as strings ~10 ms for both (measured on generated real-size
plans).  So the builder writes every term as it stands in an N-Triples line, in exactly the form
rdflib's N-Triples/N-Quads serializers write it (only \\ " newline and carriage return escaped),
and:

- the store's bulk loader gets the lines as they are (pipeline/bulk.py), with no rdflib on the way;
- `.nq` / `.nt` files are the sorted lines (graph/serialize.py), byte for byte what rdflib writes;
- an rdflib graph, where one is really needed (`build`'s Dataset), is derived by `RdflibTerms`.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

#: one triple, each term in N-Triples syntax: ('<s>', '<p>', '"o"@zh')
Triple = tuple[str, str, str]

_XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER = f"<{_XSD}integer>"
DECIMAL = f"<{_XSD}decimal>"
BOOLEAN = f"<{_XSD}boolean>"
DATE = f"<{_XSD}date>"
GYEAR = f"<{_XSD}gYear>"


def node(text: str) -> str:
    """An IRI as '<…>'."""
    return f"<{text}>"


#: `node`, remembered: for vocabulary terms, which recur on every line (minted nodes do not)
iri = lru_cache(maxsize=4096)(node)


def child(parent: str, suffix: str) -> str:
    """'<…/task/1>' + 'source' -> '<…/task/1/source>'."""
    return f"{parent[:-1]}/{suffix}>"


def plain(text: str) -> str:
    """A plain string literal, escaped as rdflib's N-Triples serializer escapes (its _quote_encode)."""
    if "\\" in text or "\n" in text or '"' in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return f'"{text}"'


def lang(text: str, tag: str) -> str:
    return f"{plain(text)}@{tag}"


def zh(text: str) -> str:
    return lang(text, "zh")


def typed(lexical: str, datatype: str) -> str:
    """A literal of `datatype` ('<…>'); `lexical` must be the canonical form rdflib keeps as given."""
    return f"{plain(lexical)}^^{datatype}"


def integer(n: int) -> str:
    return f'"{int(n)}"^^{INTEGER}'


def boolean(b: bool) -> str:
    return f'"{"true" if b else "false"}"^^{BOOLEAN}'


def line(triple: Triple) -> str:
    """The triple as an N-Triples line (with its newline)."""
    return f"{triple[0]} {triple[1]} {triple[2]} .\n"


def quad_lines(triples: Iterable[Triple], graph: str) -> Iterator[str]:
    """The triples as N-Quads lines in `graph` ('<…>')."""
    return (f"{s} {p} {o} {graph} .\n" for s, p, o in triples)


_UNESCAPE = {"\\": "\\", "n": "\n", '"': '"', "r": "\r"}


def _unquoted(body: str) -> str:
    if "\\" not in body:
        return body
    out, i = [], 0
    while True:
        j = body.find("\\", i)
        if j < 0:
            out.append(body[i:])
            return "".join(out)
        out.append(body[i:j])
        out.append(_UNESCAPE[body[j + 1]])
        i = j + 2


class RdflibTerms:
    """N-Triples terms -> rdflib terms, each distinct term made once (units, regions, classes and
    properties recur across a corpus)."""

    def __init__(self) -> None:
        self.made: dict[str, Node] = {}

    def term(self, text: str) -> Node:
        made = self.made.get(text)
        if made is None:
            made = self.made[text] = _rdflib(text)
        return made

    def triples(self, triples: Iterable[Triple]) -> Iterator[tuple[Node, Node, Node]]:
        term = self.term
        return ((term(s), term(p), term(o)) for s, p, o in triples)


def _rdflib(text: str) -> Node:
    if text[0] == "<":
        return URIRef(text[1:-1])
    end = text.rindex('"')
    body, rest = _unquoted(text[1:end]), text[end + 1:]
    if not rest:
        return Literal(body)
    if rest[0] == "@":
        return Literal(body, lang=rest[1:])
    return Literal(body, datatype=URIRef(rest[3:-1]))  # ^^<datatype>


class Vocabulary:
    """A vocabulary (graph/vocab.py, or an rdflib namespace) whose terms read as N-Triples IRIs:
    `Vocabulary(V).Plan` is '<…#Plan>', made on first use and an attribute lookup after that."""

    def __init__(self, terms: object) -> None:
        self._terms = terms

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        term = f"<{getattr(self._terms, name)}>"
        setattr(self, name, term)
        return term
