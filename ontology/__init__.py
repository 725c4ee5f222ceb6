"""The policykg OWL ontology, shipped as package data (``policykg.ttl``).

Why a module for one file: the graph builder, the SHACL checks, the reasoner tests and users of an
installed wheel all need the same ontology document without guessing where it lives on disk.
``importlib.resources`` finds it both in a source checkout (editable install) and inside a wheel.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

from rdflib import Graph

__all__ = ["ONTOLOGY_IRI", "ONTOLOGY_FILE", "ontology_path", "load_ontology"]

#: IRI of the ontology (the subject of its ``owl:Ontology`` header).
ONTOLOGY_IRI = "https://w3id.org/policykg/ontology"
#: File name of the ontology document inside this package.
ONTOLOGY_FILE = "policykg.ttl"


def ontology_path() -> Traversable:
    """Return the packaged ontology document (``policykg.ttl``).

    The result is a :class:`~importlib.resources.abc.Traversable`; for a normal install it is a
    :class:`pathlib.Path`. Use :func:`importlib.resources.as_file` if a real file is required.
    """
    return files(__name__) / ONTOLOGY_FILE


@lru_cache(maxsize=1)
def _parsed() -> Graph:
    graph = Graph(bind_namespaces="core")
    with as_file(ontology_path()) as path:
        graph.parse(path, format="turtle")
    return graph


def load_ontology() -> Graph:
    """Return the ontology as a new :class:`rdflib.Graph`.

    Parsing happens once; every call returns a fresh copy, so callers may add to or remove from
    the graph without affecting later calls.
    """
    source = _parsed()
    copy = Graph(bind_namespaces="core")
    for prefix, namespace in source.namespaces():
        copy.bind(prefix, namespace, override=True, replace=True)
    copy += source
    return copy
