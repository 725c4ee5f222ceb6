"""The fast writers give rdflib's bytes: .nq and .nt written from the builder's N-Triples terms, and
.trig through the Turtle serializer that remembers prefixed names, equal byte for byte what rdflib's
own serializers write for the same dataset (and so what `build` wrote before they existed)."""
from __future__ import annotations

import pytest

from policykg import api
from policykg.graph import serialize
from policykg.graph.build import named_graphs

ODD = '\t"""引号"\\反斜杠\x0c\u2028'  # what rdflib leaves raw or quotes its own way, in a title and a task


@pytest.fixture(scope="module")
def builds(corpus_paths, example_path, tmp_path_factory):
    odd = tmp_path_factory.mktemp("odd") / "odd.txt"
    head, sep, tail = corpus_paths[2].read_text(encoding="utf-8").partition("残疾人")
    odd.write_text(head + sep + ODD + tail.replace("。", "。" + ODD, 3), encoding="utf-8")
    return {"corpus": api.build(corpus_paths), "example": api.build([example_path]), "odd": api.build([odd])}


@pytest.mark.parametrize("name", ["corpus", "example", "odd"])
@pytest.mark.parametrize("fmt, quads", [("nquads", True), ("nt", False)])
def test_lines_written_from_terms_are_rdflibs(builds, name, fmt, quads):
    built = builds[name]
    fast = serialize.serialize(built.dataset, fmt, quads, named_graphs(built.plans))
    assert fast == serialize.serialize(built.dataset, fmt, quads)
    assert fast.count("\n") == len({ln for ln in fast.split("\n") if ln}) > 1000
    if name == "odd":
        assert '\t\\"\\"\\"引号\\"\\\\反斜杠\x0c\u2028' in fast


@pytest.mark.parametrize("name", ["corpus", "example", "odd"])
def test_trig_is_rdflibs(builds, name, monkeypatch):
    built = builds[name]
    fast = serialize.serialize(built.dataset, "trig", True)
    monkeypatch.setattr(serialize, "_turtle", lambda g: g.serialize(format="turtle"))
    assert fast == serialize.serialize(built.dataset, "trig", True)
    assert fast.count("> {\n") == len(built.plans) + 1  # a block per plan and the shared graph
