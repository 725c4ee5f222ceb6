"""The fast writers give rdflib's bytes: .nq and .nt written from the builder's N-Triples terms, and
.trig through the Turtle serializer that remembers prefixed names, equal byte for byte what rdflib's
own serializers write for the same dataset (and so what `build` wrote before they existed)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import Dataset, URIRef

from policykg import api
from policykg.graph import serialize, turtle as T
from policykg.graph.build import named_graphs
from policykg.graph.terms import RdflibTerms, lang, plain, typed

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


@pytest.mark.parametrize("name", ["corpus", "example", "odd"])
def test_trig_written_from_terms_is_rdflibs(builds, name):
    built = builds[name]
    graphs = named_graphs(built.plans)
    fast = serialize.serialize(built.dataset, "trig", True, graphs)
    assert fast == serialize.serialize(built.dataset, "trig", True)
    assert fast.count("> {\n") == len(built.plans) + 1
    if name == "odd":
        assert '"""' in fast  # the odd title's triple quote and the multi-line texts went through


# --- graph/turtle.py on graphs made to be awkward ----------------------------------------------
# every kind of term a graph file may hold (the builder makes few of them; graph/turtle.py must
# still write what rdflib writes, or hand the graph to rdflib): the two are compared byte for byte

_PKG = "https://w3id.org/policykg/ontology#"
_ID = "https://w3id.org/policykg/id/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_TEXT = st.lists(st.sampled_from(list('ab残疾人 \t\n\r"\\\x0c\u2028.()%') + ['"""']), min_size=1,
                 max_size=12).map("".join)
_LOCAL = st.text(alphabet=st.sampled_from(list("abZ09_-.()%/#")), min_size=0, max_size=8)
_IRIS = st.one_of(
    st.builds(lambda x: f"<{_ID}plan/x/{x}>", _LOCAL),
    st.builds(lambda x: f"<{_PKG}{x}>", _LOCAL),
    st.builds(lambda x: f"<{_ID}{x}>", _LOCAL),
    st.builds(lambda x: f"<http://example.org/{x}>", _LOCAL),
    st.sampled_from([f"<{_ID}>", "<http://www.w3.org/2000/01/rdf-schema#Class>",
                     "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>"]),
)
_NUMBERS = st.sampled_from(["0", "7", "-3", "007", "+5", "-0", "1.50", "3", "2.0e3", "true", "1", "x"])
_LITERALS = st.one_of(
    st.builds(plain, _TEXT),
    st.builds(lang, _TEXT, st.sampled_from(["zh", "en", "ZH", "zh-Hans"])),
    st.builds(lambda v, dt: typed(v, f"<{_XSD}{dt}>"), _NUMBERS,
              st.sampled_from(["integer", "decimal", "double", "boolean", "string", "gYear"])),
    st.builds(lambda v: typed(v, "<http://example.org/dt>"), _TEXT),
)
_PREDICATES = st.sampled_from([
    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://www.w3.org/2000/01/rdf-schema#label>",
    f"<{_PKG}title>", f"<{_PKG}orderIndex>", f"<{_PKG}leadUnit>", "<http://purl.org/dc/terms/source>",
    "<http://www.w3.org/2004/02/skos/core#altLabel>", "<http://example.org/unbound>"])


def _rdflib_block(name: str, triples) -> str:
    """What `build` wrote before graph/turtle.py: rdflib's serializer over an rdflib graph."""
    ds = Dataset(default_union=True)
    ds.graph(URIRef(name)).__iadd__(RdflibTerms().triples(triples))
    return serialize._trig(ds)[len(serialize.TRIG_HEADER):]


@pytest.mark.filterwarnings("ignore:Parsing weird:UserWarning")  # rdflib on "x"^^xsd:boolean
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.tuples(_IRIS, _PREDICATES, st.one_of(_IRIS, _LITERALS)), min_size=1, max_size=25))
def test_turtle_from_terms_is_rdflibs_on_any_graph(triples):
    name = f"{_ID}graph/g"
    try:
        expected = _rdflib_block(name, triples)
    except Exception as exc:  # noqa: BLE001 - what rdflib cannot write, the fast path must not write either
        with pytest.raises(type(exc)):
            serialize.trig_block(name, triples)
        return
    assert serialize.trig_block(name, triples) == expected


def test_turtle_hands_what_it_does_not_restate_to_rdflib():
    prefixes = serialize._PREFIXES
    with pytest.raises(T.Unsupported, match="blank node"):  # the builder makes none
        T.turtle([("_:b1", f"<{_PKG}title>", plain("x"))], prefixes)
    for triples in ([(f"<{_ID}a>", "<http://example.org/unbound>", plain("x"))],
                    [(f"<{_ID}a>", f"<{_PKG}next>", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>")]):
        with pytest.raises(T.Unsupported):
            T.turtle(triples, prefixes)
        assert serialize.trig_block(f"{_ID}g", triples) == _rdflib_block(f"{_ID}g", triples)
