"""Choosing the engine: the CLI and the API take --engine / engine=, stores go the batched way, and
an engine that cannot run says what to do."""
from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from policykg import api
from policykg.cli import main
from policykg.shapes import EngineError, audit, audit_store
from policykg.shapes.engines import RUDOF_VERSION


def test_cli_engines_give_the_same_json_report(store_dir):
    runner = CliRunner()
    out = {}
    for engine in ("pyshacl", "rudof"):
        r = runner.invoke(main, ["validate", "--store", str(store_dir), "--engine", engine, "-f", "json",
                                 "--fail-on", "never"])
        assert r.exit_code == 0, r.output
        out[engine] = json.loads(r.stdout)
    assert out["rudof"] == out["pyshacl"]
    assert len(out["rudof"]["scorecards"]) == 5 and out["rudof"]["violations"] > 0


def test_api_validate_audits_a_store_from_oxigraph(store_dir, monkeypatch):
    """api.validate on a store directory takes the store audit, not a Dataset read of the store."""
    import policykg.graph.oxigraph_store as ox_store

    def no_dataset(self):
        raise AssertionError("the store was read into a Dataset")

    monkeypatch.setattr(ox_store.OxigraphStore, "dataset", no_dataset)
    report = api.validate(str(store_dir), engine="rudof")
    store = api.open_store(store_dir)
    try:
        assert report.findings == audit_store(store, engine="pyshacl").findings
        assert api.validate(store, engine="rudof").findings == report.findings  # an open store, too
    finally:
        store.close()


def test_unknown_engine_is_refused(built):
    with pytest.raises(EngineError, match="unknown SHACL engine 'jena'; use one of pyshacl, rudof"):
        audit(built, engine="jena")


def test_missing_pyrudof_says_how_to_install_it(built, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyrudof", None)  # import pyrudof raises ImportError
    with pytest.raises(EngineError, match=f"pip install pyrudof=={RUDOF_VERSION}"):
        audit(built, engine="rudof")


def test_cli_rejects_an_unknown_engine(store_dir):
    r = CliRunner().invoke(main, ["validate", "--store", str(store_dir), "--engine", "jena"])
    assert r.exit_code == 2 and "jena" in r.output
