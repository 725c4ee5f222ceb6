"""Reasoning over what a user names - a store directory, an open OxigraphStore, or a dataset read
from files - and writing the inferred graphs back into a store.

Why here and not in the API: which reasoner may run inside a store, when a `--plan` filter reads
plans out of it instead, and who opens and closes the store's writer are reasoning decisions; the
API only opens the user's sources.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Dataset

from policykg.errors import InputError, OutputError
from policykg.graph.oxigraph_store import OxigraphStore
from policykg.graph.parts import Part, insert_data
from policykg.graph.store import MemoryStore
from policykg.graph.export.data import chosen_iris
from policykg.ontology.reasoning.inputs import plans_of
from policykg.ontology.reasoning.registry import reason
from policykg.ontology.reasoning.results import ReasoningResult


def not_a_store(name: str) -> InputError:
    """The error for `write` with a source that is not a store (raised before anything is read)."""
    return InputError(name, "inferred graphs can only be written into a store directory (made by "
                            "`policykg load`); give --store DIR, or -o FILE to save them")


def reason_over(source: OxigraphStore | str | Path | Dataset, *, reasoner: str = "hermit", write: bool = False,
                plan: str | None = None, name: str | None = None) -> ReasoningResult:
    """Run `reasoner` per plan over a store (an OxigraphStore or a store directory) or a Dataset.

    With reasoner="sparql" a store is reasoned over where it is (rules run inside Oxigraph, nothing
    read into memory); the other reasoners read the plans first.  `write` puts the inferred graphs
    back into the store (one graph per plan, each replaced whole).  `plan` reasons over only the
    plans it names (as `validate --plan`): their graphs and the shared nodes they reach are read into
    memory, whatever the reasoner; with `write`, only their inferred graphs are replaced.  `name`
    names a dataset's origin in errors."""
    store = None if isinstance(source, Dataset) else source
    if write and store is None:
        raise not_a_store(name or "(dataset)")
    in_store = reasoner == "sparql" and store is not None and plan is None
    # a store directory reasoned in place and written to: this call opens the writer, so it closes it
    writer = write and in_store and not isinstance(store, OxigraphStore)
    if in_store:
        target = store if isinstance(store, OxigraphStore) else OxigraphStore(store, read_only=not write)
    else:
        target = MemoryStore(_read(source, plan, name))
    try:
        result = reason(target, reasoner=reasoner, per_plan=True)  # type: ignore[arg-type]
        if write:
            if isinstance(target, OxigraphStore) and not target.read_only:
                store_inferred(target, result)
            else:  # read into memory (or opened read-only): open the store for writing now
                with OxigraphStore(store.path if isinstance(store, OxigraphStore) else store) as out:
                    store_inferred(out, result)
    finally:
        if writer:  # its lock goes, so the next open (a query, a load) sees the writes
            target.close()
    if writer:  # the result reads the asserted plans lazily (summary, dataset): through a reader
        result.asserted = OxigraphStore(store, read_only=True)
    return result


def _read(source: OxigraphStore | str | Path | Dataset, plan: str | None, name: str | None) -> Dataset:
    """What a reasoner reads into memory: everything, or the graphs of the plans `plan` names with
    the shared nodes they reach (from a store; a dataset's shared graph is already in memory) and
    the ontology."""
    if isinstance(source, Dataset):
        return source if plan is None else plans_of(source, plan, name or "(dataset)")
    store = source if isinstance(source, OxigraphStore) else OxigraphStore(source, read_only=True)
    try:
        return store.dataset() if plan is None else store.plans_dataset(chosen_iris(store, plan))
    finally:
        if store is not source:
            store.close()


def store_inferred(store: Any, result: ReasoningResult) -> int:
    """Write the result's inferred graphs into a writable OxigraphStore, each replacing that plan's
    previous inferred graph whole in one transaction (an empty one is dropped), so the store's
    queries and audit see them beside the asserted graphs; returns how many graphs were written."""
    if not isinstance(store, OxigraphStore) or store.read_only:
        raise OutputError("inferred graphs are written into an Oxigraph store opened for writing: "
                          "OxigraphStore(path), not a read-only or remote store")
    for name, graph in sorted(result.inferred.items()):
        store.write_graph(str(name), insert_data(Part(str(name), graph, "inferred")))
    store.flush()
    return len(result.inferred)
