"""Choosing the engine: the CLI and the API take --engine / engine=, stores go the batched way, and
an engine that cannot run says what to do."""
from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from policykg import api
from policykg.cli import main
from policykg.shapes import ENGINES, EngineError, audit, audit_store
from policykg.shapes import engines, jena as jena_engine
from policykg.shapes.engines import RUDOF_VERSION, SHACL_RUST_VERSIONS


def test_cli_engines_give_the_same_json_report(store_dir, jena):
    runner = CliRunner()
    out = {}
    assert ENGINES == ("pyshacl", "rudof", "jena", "shacl-rust")
    for engine in ENGINES:  # the CLI offers what the registry holds
        r = runner.invoke(main, ["validate", "--store", str(store_dir), "--engine", engine, "-f", "json",
                                 "--fail-on", "never"])
        assert r.exit_code == 0, r.output
        out[engine] = json.loads(r.stdout)
    assert out["rudof"] == out["pyshacl"]
    assert out["jena"] == out["pyshacl"]
    assert out["shacl-rust"] == out["pyshacl"]
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
        assert api.validate(store, engine="shacl-rust", full=True).findings == report.findings
    finally:
        store.close()


def test_a_store_is_audited_with_shacl_rust_unless_told_otherwise(store_dir, monkeypatch):
    """shacl-rust is the store's default (the fastest, the same findings); files keep pyshacl."""
    import importlib
    store_module = importlib.import_module("policykg.shapes.store_audit")
    calls = []

    def counted(text, prepared):
        calls.append(len(text))
        return engines.run_shacl_rust(text, prepared)

    monkeypatch.setattr(store_module, "run_shacl_rust", counted)
    assert api.STORE_ENGINE == "shacl-rust"
    report = api.validate(str(store_dir), full=True)
    assert calls and len(report.scorecards) == 5


def test_unknown_engine_is_refused(built):
    with pytest.raises(EngineError, match="unknown SHACL engine 'topbraid'; use one of pyshacl, rudof, jena, shacl-rust"):
        audit(built, engine="topbraid")


def test_missing_jena_says_how_to_install_it(built, store_dir, monkeypatch, tmp_path):
    monkeypatch.setattr(jena_engine, "JAVA_SHARE", tmp_path)  # no jars there
    with pytest.raises(EngineError, match=r"jena-base, jena-core, jena-iri, jena-arq … missing\): "
                                          "install Apache Jena: apt-get install libapache-jena-java"):
        audit(built, engine="jena")
    r = CliRunner().invoke(main, ["validate", "--store", str(store_dir), "--engine", "jena"])
    assert r.exit_code == 2 and "apt-get install libapache-jena-java" in r.output


def test_missing_java_says_how_to_install_it(built, monkeypatch):
    from policykg.ontology import java
    monkeypatch.setattr(java, "command", lambda: "no-such-java-here")
    with pytest.raises(EngineError, match="no `no-such-java-here` was found on PATH: install a Java runtime"):
        audit(built, engine="jena")


def test_jena_errors_are_engine_errors(jena):
    from policykg.shapes import load_shapes
    prepared = engines.prepare(load_shapes())
    with pytest.raises(EngineError, match=r"Jena could not validate the graph: .*Illegal object"):
        engines.run_jena(b"<https://example.org/a> <https://example.org/b> .\n", prepared)
    # a result on a blank node: Jena's report renames it, so it cannot be traced back
    task = "_:t <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/policykg/ontology#Task> .\n"
    with pytest.raises(EngineError, match="on a blank node, which its report renames: audit this graph with "
                                          "--engine pyshacl or rudof"):
        engines.run_jena(task, prepared)


def test_missing_pyrudof_says_how_to_install_it(built, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyrudof", None)  # import pyrudof raises ImportError
    with pytest.raises(EngineError, match=f"pip install pyrudof=={RUDOF_VERSION}"):
        audit(built, engine="rudof")


def test_missing_shacl_rust_says_how_to_install_it(built, monkeypatch):
    monkeypatch.setitem(sys.modules, "shacl_rust", None)  # import shacl_rust raises ImportError
    with pytest.raises(EngineError, match=f"pip install 'shacl-rust{SHACL_RUST_VERSIONS}'"):
        audit(built, engine="shacl-rust")


def test_shacl_rust_errors_are_engine_errors():
    from policykg.shapes import load_shapes
    prepared = engines.prepare(load_shapes())
    with pytest.raises(EngineError, match=r"shacl-rust could not validate the graph: .*Parse error"):
        engines.run_shacl_rust("<https://example.org/a> <https://example.org/b> .\n", prepared)


def test_shacl_rust_results_read_back():
    """A result on a blank node keeps its label (unlike Jena's), a named anonymous shape is the
    shapes graph's blank node again, a literal value its own lexical form, a complex path none."""
    from rdflib import BNode, Literal, URIRef
    from policykg.shapes.results import ANON
    got = engines._shacl_rust_result({
        "focusNode": "_:t1", "sourceShape": f"<{ANON}n5>", "severity": f"<{engines.SH}Violation>",
        "sourceConstraintComponent": f"<{engines.SH}DatatypeConstraintComponent>",
        "resultPath": "<https://example.org/p> / <https://example.org/q>",
        "value": '"92.20"^^<http://www.w3.org/2001/XMLSchema#decimal>'})
    assert (got.focus, got.shape, got.severity, got.path) == (BNode("t1"), BNode("n5"), engines.SH.Violation, None)
    assert got.value == Literal("92.20", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))
    assert str(got.value) == "92.20"
    one = engines._shacl_rust_result({"focusNode": "<https://example.org/t>", "sourceShape": "<https://example.org/S>",
                                      "severity": f"<{engines.SH}Warning>", "resultPath": "<https://example.org/p>",
                                      "sourceConstraintComponent": f"<{engines.SH}MinCountConstraintComponent>"})
    assert (one.shape, one.path, one.value) == (URIRef("https://example.org/S"), URIRef("https://example.org/p"), None)


def test_cli_rejects_an_unknown_engine(store_dir):
    r = CliRunner().invoke(main, ["validate", "--store", str(store_dir), "--engine", "topbraid"])
    assert r.exit_code == 2 and "'topbraid' is not one of 'pyshacl', 'rudof', 'jena', 'shacl-rust'" in r.output
