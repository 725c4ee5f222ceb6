"""Remote endpoints fail the way a user can act on: one line naming the URL and the HTTP status,
never the login; results convert to the same Python values as the in-memory store."""
from __future__ import annotations

import base64
import json
import logging
import time
import urllib.parse

import pytest
import requests

from policykg import api
from policykg.errors import InputError, PolicyKGError, QueryError
from policykg.graph.endpoint import EndpointStore

from ..conftest import free_port

SECRET = "s3cret-Passw0rd"
RESULTS = {"head": {"vars": ["n", "v", "label", "u", "missing"]},
           "results": {"bindings": [{
               "n": {"type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "362"},
               "v": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#decimal",
                     "value": "0.80"},
               "label": {"type": "literal", "xml:lang": "zh", "value": "区民政局"},
               "u": {"type": "uri", "value": "https://w3id.org/policykg/id/org/x"}}]}}


def json_answer(handler, body):
    return 200, {"Content-Type": "application/sparql-results+json"}, json.dumps(RESULTS).encode()


def test_json_results_become_python_values(http_stub):
    url = http_stub(json_answer) + "/sparql"
    columns, rows = EndpointStore(url).select("SELECT * WHERE { ?s ?p ?o }")
    assert columns == ["n", "v", "label", "u", "missing"]
    assert rows == [(362, "0.8", "区民政局", "https://w3id.org/policykg/id/org/x", None)]


def test_unreachable_port_is_one_clear_line():
    url = f"http://127.0.0.1:{free_port()}/sparql"  # nothing listens there
    with pytest.raises(InputError) as e:
        api.sparql("SELECT * WHERE { ?s ?p ?o }", url)
    assert str(e.value) == f"{url}: cannot be reached: connection refused (is the server running?)"


def test_server_error_names_url_status_and_message(http_stub):
    url = http_stub(lambda h, b: (500, {"Content-Type": "text/html"},
                                  b"<html><title>x</title><h1>Internal</h1><p>store is read-only</p></html>"))
    with pytest.raises(QueryError) as e:
        api.query("tasks", url + "/sparql")
    msg = str(e.value)
    assert msg.startswith(f"{url}/sparql answered with an error (HTTP 500)") and "store is read-only" in msg
    assert "\n" not in msg


def test_bad_query_and_not_an_endpoint(http_stub):
    url = http_stub(lambda h, b: (400, {}, b"Parse error at line 1: unexpected SELEC"))
    with pytest.raises(QueryError, match=r"refused the query \(HTTP 400\): Parse error at line 1"):
        EndpointStore(url).select("SELEC")
    url = http_stub(lambda h, b: (404, {}, b"not here"))
    with pytest.raises(InputError, match=r"no SPARQL endpoint at this URL \(HTTP 404\)"):
        EndpointStore(url).select("SELECT * {}")
    url = http_stub(lambda h, b: (200, {"Content-Type": "text/html"}, b"<html>welcome</html>"))
    with pytest.raises(QueryError, match="did not answer with SPARQL JSON results"):
        EndpointStore(url).select("SELECT * {}")


def test_timeout(http_stub):
    def slow(handler, body):
        time.sleep(3)
        return json_answer(handler, body)

    url = http_stub(slow)
    started = time.monotonic()
    with pytest.raises(InputError, match="did not answer within 1 s"):
        EndpointStore(url, timeout=1).select("SELECT * {}")
    assert time.monotonic() - started < 2.9


def basic_auth_stub(http_stub, seen: list[str]):
    expected = "Basic " + base64.b64encode(f"analyst:{SECRET}".encode()).decode()

    def respond(handler, body):
        seen.append(handler.headers.get("Authorization", ""))
        if handler.headers.get("Authorization") != expected:
            return 401, {"WWW-Authenticate": 'Basic realm="sparql"'}, b"login required"
        return json_answer(handler, body)

    return http_stub(respond)


def test_login_comes_from_the_environment_and_is_never_shown(http_stub, monkeypatch, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    seen: list[str] = []
    url = basic_auth_stub(http_stub, seen)
    monkeypatch.delenv("POLICYKG_SPARQL_USER", raising=False)
    with pytest.raises(InputError, match="asks for a login .* set POLICYKG_SPARQL_USER"):
        EndpointStore(url).select("SELECT * {}")
    monkeypatch.setenv("POLICYKG_SPARQL_USER", "analyst")
    monkeypatch.setenv("POLICYKG_SPARQL_PASSWORD", SECRET)
    assert EndpointStore(url).select("SELECT * {}")[1][0][0] == 362  # right login: answers
    monkeypatch.setenv("POLICYKG_SPARQL_PASSWORD", SECRET + "-wrong")
    with pytest.raises(InputError) as e:
        EndpointStore(url).select("SELECT * {}")
    assert str(e.value) == (f"{url}: the endpoint rejected the login from POLICYKG_SPARQL_USER / "
                            "POLICYKG_SPARQL_PASSWORD (HTTP 401)")
    assert any(s.startswith("Basic ") for s in seen)  # the login was sent...
    out = capsys.readouterr()
    for text in (str(e.value), caplog.text, out.out, out.err, repr(EndpointStore(url))):
        assert SECRET not in text  # ...and never shown


def test_login_in_the_url_is_refused_without_echoing_it():
    with pytest.raises(InputError) as e:
        EndpointStore(f"http://analyst:{SECRET}@127.0.0.1:1/sparql")
    assert SECRET not in str(e.value) and "POLICYKG_SPARQL_USER" in str(e.value)
    with pytest.raises(InputError, match="is not an http"):
        EndpointStore("ftp://example.org/sparql")


def test_virtuoso_digest_login(virtuoso_server, monkeypatch):
    """Virtuoso's /sparql-auth refuses Basic and wants Digest: the right login answers, a wrong one
    is reported without being shown."""
    url = virtuoso_server.update  # /sparql-auth also answers queries
    monkeypatch.setenv("POLICYKG_SPARQL_USER", virtuoso_server.user)
    monkeypatch.setenv("POLICYKG_SPARQL_PASSWORD", virtuoso_server.password)
    assert EndpointStore(url).select("SELECT (1 AS ?one) WHERE {}") == (["one"], [(1,)])
    monkeypatch.setenv("POLICYKG_SPARQL_PASSWORD", SECRET)
    with pytest.raises(InputError) as e:
        EndpointStore(url).select("SELECT (1 AS ?one) WHERE {}")
    assert "rejected the login" in str(e.value) and "HTTP 401" in str(e.value)
    assert SECRET not in str(e.value)


def test_real_servers_report_a_bad_query(sparql_server):
    with pytest.raises(QueryError) as e:
        EndpointStore(sparql_server.query).select("SELECT ?x WHERE { ?x ?y }")
    assert "HTTP 400" in str(e.value) and sparql_server.query in str(e.value)
    assert isinstance(e.value, PolicyKGError)


def test_an_answer_cut_at_the_server_limit_is_refused(http_stub):
    """Virtuoso stops at ResultSetMaxRows and says so only in a header: rows must not go missing."""
    url = http_stub(lambda h, b: (200, {"Content-Type": "application/sparql-results+json",
                                        "X-SPARQL-MaxRows": "1"}, json.dumps(RESULTS).encode()))
    with pytest.raises(QueryError, match="cut the answer at its limit of 1 rows"):
        EndpointStore(url).select("SELECT * WHERE { ?s ?p ?o }")


# --- servers whose default graph is not the union of their named graphs (issue #18) ----------------
NAMED = {"g": {"type": "uri", "value": "https://w3id.org/policykg/id/graph/plan/x"},
         "s": {"type": "uri", "value": "https://w3id.org/policykg/id/plan/x"},
         "p": {"type": "uri", "value": "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"},
         "o": {"type": "uri", "value": "https://w3id.org/policykg/ontology#Plan"}}


def non_union_stub(http_stub, dataset: str) -> str:
    """A server holding one plan triple in a named graph and nothing in its default graph, that
    ignores the Protocol's default-graph-uri ("ignore": every ASK is false), refuses it and any
    parameter it does not know ("refuse"), or takes it and then answers a query over the listed
    graphs in 3 s ("slow")."""
    def respond(handler, body):
        form = urllib.parse.parse_qs(body.decode(), keep_blank_values=True)
        query = form["query"][0]
        if dataset == "refuse" and "union-default-graph" in form:
            return 400, {"Content-Type": "text/plain"}, b"unknown parameter union-default-graph"
        if dataset == "refuse" and "default-graph-uri" in form:
            return 400, {"Content-Type": "text/plain"}, b"Dataset description not supported"
        if query.startswith("ASK"):
            answer = {"head": {}, "boolean": dataset == "slow" and "default-graph-uri" in form}
        elif "GRAPH ?g { ?s ?p ?o }" in query:
            answer = {"head": {"vars": list(NAMED)}, "results": {"bindings": [NAMED]}}
        elif "GRAPH ?g { }" in query:
            answer = {"head": {"vars": ["g"]}, "results": {"bindings": [{"g": NAMED["g"]}]}}
        else:
            time.sleep(3 if dataset == "slow" else 0)
            answer = {"head": {"vars": ["x"]}, "results": {"bindings": []}}
        return 200, {"Content-Type": "application/sparql-results+json"}, json.dumps(answer).encode()

    return http_stub(respond) + "/sparql"


SETTINGS = ("make the default graph the union (Oxigraph: `oxigraph serve --union-default-graph`; "
            "Fuseki: `tdb2:unionDefaultGraph true`)")


@pytest.mark.parametrize("dataset,why", [
    ("ignore", "ignores the SPARQL Protocol's default-graph-uri that names them"),
    ("refuse", "refused a query naming them with the SPARQL Protocol's default-graph-uri (HTTP 400: "
               "Dataset description not supported)")])
def test_a_non_union_server_without_default_graph_uri_is_an_error(http_stub, dataset, why):
    url = non_union_stub(http_stub, dataset)
    for run in (lambda: api.query("tasks", url), lambda: api.sparql("SELECT * WHERE { ?s ?p ?o }", url)):
        with pytest.raises(InputError) as e:
            run()
        assert str(e.value) == (f"{url}: its default graph is not the union of its named graphs, and it "
                                f"{why}, so policykg cannot read the plans there: {SETTINGS}")


def test_a_timeout_over_listed_graphs_names_the_setting(http_stub):
    url = non_union_stub(http_stub, "slow")
    with pytest.raises(InputError) as e:
        EndpointStore(url, timeout=1).select("SELECT ?x WHERE { ?x ?y ?z }")
    assert str(e.value) == (f"{url}: the endpoint did not answer within 1 s, asked for the union of its 1 "
                            "named graphs one by one (its default graph is not their union); a server "
                            "answers faster when it is (Oxigraph: `oxigraph serve --union-default-graph`; "
                            "Fuseki: `tdb2:unionDefaultGraph true`)")


#: plan graphs of a national store (~2,800): their IRIs alone are ~0.5 MB, far more than a URL holds
MANY = 3000


def protocol_only(monkeypatch) -> None:
    """Make Oxigraph look like any other non-union server (Fuseki/TDB2): its own union-default-graph
    request parameter goes out under a name no server knows, so queries list the graphs instead."""
    monkeypatch.setattr("policykg.graph.endpoint.UNION_PARAMETER", "no-such-parameter")


@pytest.mark.parametrize("via", ["union-default-graph", "default-graph-uri"])
def test_thousands_of_named_graphs_on_a_non_union_server(oxigraph_nonunion_server, via, monkeypatch):
    server = oxigraph_nonunion_server
    if via == "default-graph-uri":
        protocol_only(monkeypatch)
    server.clear()
    graphs = [f"https://w3id.org/policykg/id/graph/plan/many/{i:04d}" for i in range(MANY)]
    inserts = "\n".join(f'GRAPH <{g}> {{ <https://w3id.org/policykg/id/t/{i}> '
                         f'<https://w3id.org/policykg/ontology#title> "{i}" }}' for i, g in enumerate(graphs))
    requests.post(server.update, data={"update": f"INSERT DATA {{ {inserts} }}"}, timeout=60).raise_for_status()
    try:
        raw = requests.post(server.query, data={"query": "ASK { ?s ?p ?o }"},
                            headers={"Accept": "application/sparql-results+json"}, timeout=30)
        assert raw.json()["boolean"] is False  # the server's own default graph is empty
        store = EndpointStore(server.query)
        assert set(store.dataset_params("SELECT * WHERE { ?s ?p ?o }")) == {via}
        title = "<https://w3id.org/policykg/ontology#title>"
        assert store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s {title} ?t }}")[1] == [(MANY,)]
        # GRAPH patterns see the same graphs as named graphs
        assert store.select("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[1] == [(MANY,)]
        assert store.graph_names() == graphs
        # a query that names its own graphs reads those alone
        assert store.select(f"SELECT ?t FROM <{graphs[7]}> WHERE {{ ?s {title} ?t }}")[1] == [("7",)]
    finally:
        server.clear()
