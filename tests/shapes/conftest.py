"""The corpus as the audit tests read it: built once, and loaded once into a store directory."""
from __future__ import annotations

import pytest

from policykg import api
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.ontology import load_ontology


@pytest.fixture(scope="session")
def built(corpus_paths):
    """The five corpus plans built into an rdflib Dataset (plan graphs, shared graph)."""
    return api.build(corpus_paths).dataset


@pytest.fixture(scope="session")
def store_dir(built, tmp_path_factory):
    """The corpus loaded into an Oxigraph store directory, closed (tests open it read-only)."""
    path = tmp_path_factory.mktemp("corpus") / "store"
    with OxigraphStore(path) as store:
        store.load(built, ontology=load_ontology())
    return path
