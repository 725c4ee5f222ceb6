"""A remote SPARQL 1.1 endpoint as a GraphStore: run the query library where an institution's
triple store already holds the plans.

Queries go through SPARQLWrapper (POST, JSON results, a timeout).  A login, when the endpoint needs
one, comes only from the environment (POLICYKG_SPARQL_USER / POLICYKG_SPARQL_PASSWORD), so it never
appears on a command line, in shell history or in a message: every error names the endpoint URL
(without any user:password@ part) and the HTTP status, nothing else.  HTTP Basic is tried first; a
server that asks for Digest (Virtuoso's /sparql-auth) gets Digest.

Results come back as the same Python values `MemoryStore` gives (through `graph.store.to_python`),
so a query gives the same rows from a file, a local store and an endpoint.

policykg's queries read the default graph as the union of the named graphs (one per plan, plus the
shared graph).  Virtuoso and GraphDB serve it that way; Oxigraph started without
`--union-default-graph` and Fuseki/TDB2 without `tdb2:unionDefaultGraph` keep a default graph of its
own, usually empty.  On such a server every query asks for the union itself: with Oxigraph's own
`union-default-graph` request parameter where the server takes it, else with the SPARQL 1.1
Protocol's `default-graph-uri` (and, for GRAPH patterns, `named-graph-uri`) naming every named graph,
in the POST body so thousands of plan graphs fit.  The same rows as on a union server, with no change
to the server.
"""
from __future__ import annotations

import ast
import html
import json
import os
import re
import socket
import urllib.error
import warnings
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD

from policykg.errors import InputError, QueryError
from policykg.graph.store import to_python
from policykg.graph.vocab import ID, PREFIXES

USER_VARIABLE = "POLICYKG_SPARQL_USER"
PASSWORD_VARIABLE = "POLICYKG_SPARQL_PASSWORD"
#: seconds an endpoint may take to answer one request
DEFAULT_TIMEOUT = 60.0
#: what makes a server's default graph the union of its named graphs, for messages
UNION_SETTINGS = ("Oxigraph: `oxigraph serve --union-default-graph`; "
                  "Fuseki: `tdb2:unionDefaultGraph true`")

#: request parameters naming a query's dataset: parameter name -> values (graph IRIs)
DatasetParams = dict[str, list[str]]
#: how a query reaches the union of the named graphs: the server's default graph is it; Oxigraph's
#: own request parameter asks for it; or every named graph is listed with the SPARQL Protocol's
#: default-graph-uri (Oxigraph takes minutes over thousands of listed graphs, seconds over its union)
SERVER_UNION, OXIGRAPH_UNION, PROTOCOL = "server", "oxigraph", "protocol"
#: Oxigraph's request parameter for a query whose default graph is the union of the named graphs
UNION_PARAMETER = "union-default-graph"

# protocol probes (not research questions, so not in queries/): one triple of a named graph, whether
# the default graph holds it, the named graphs, and whether anything is in the default graph at all
_NAMED_TRIPLE = ("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && !isBlank(?o)) } "
                 "LIMIT 1")
_NAMED_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
_DEFAULT_HOLDS_ANY = "ASK { ?s ?p ?o }"


def credentials() -> tuple[str, str] | None:
    """(user, password) from the environment, or None when no user is set."""
    user = os.environ.get(USER_VARIABLE, "")
    if not user:
        return None
    return user, os.environ.get(PASSWORD_VARIABLE, "")


def is_endpoint_url(source: object) -> bool:
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def display_url(url: str) -> str:
    """The URL as it may be shown: any user:password@ part removed."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def check_url(url: str) -> str:
    """Refuse what cannot be an endpoint URL, and logins written into it (they belong in the
    environment, where they are not echoed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(display_url(url), "is not an http(s) URL of a SPARQL endpoint")
    if parts.username is not None or parts.password is not None:
        raise InputError(display_url(url), f"put the login in {USER_VARIABLE} / {PASSWORD_VARIABLE}, "
                                           "not in the URL")
    return url


def redact(text: str) -> str:
    """Remove the password (and user) from a text that may be shown, whatever produced it."""
    login = credentials()
    if login:
        for secret in login:
            if len(secret) >= 3:
                text = text.replace(secret, "***")
    return text


def server_message(body: bytes | str | None, limit: int = 200) -> str:
    """The first informative line of an error page (HTML tags and SPARQLWrapper's preamble
    removed), for a one-line message."""
    if body is None:
        return ""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    text = re.sub(r"(?is)<(script|style|title|head)\b.*?</\1>", " ", text)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not re.match(r"(?i)^(http/1\.[01] \d+|error \w+$)", ln)] \
        or [ln for ln in lines if ln]
    return redact(" ".join(lines[:2]))[:limit]


def term_from_json(binding: dict[str, str] | None) -> Any:
    """An rdflib term from one SPARQL 1.1 JSON results binding."""
    if binding is None:
        return None
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        # Virtuoso names blank nodes "nodeID://b10006": not a label N-Quads (and so the audit's
        # Oxigraph) can read back
        return BNode(re.sub(r"\W", "_", value))
    lang = binding.get("xml:lang")
    if lang:
        return Literal(value, lang=lang)
    datatype = binding.get("datatype")
    if datatype and datatype != str(XSD.string):
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


class EndpointStore:
    """SELECT queries against a SPARQL 1.1 endpoint URL (read-only)."""

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.url = check_url(url)
        self.timeout = timeout
        self._digest = False  # switched on when the server refuses Basic
        self._kind: str | None = None  # how queries reach the named graphs' union; asked on first use

    def __repr__(self) -> str:
        return f"EndpointStore({display_url(self.url)!r})"

    # --- GraphStore -----------------------------------------------------------------------------
    def select(self, sparql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        params = self.dataset_params(sparql)
        try:
            data = self._results(sparql, params)
        except InputError as exc:
            listed = len(params.get("default-graph-uri", []))
            if not listed or "did not answer within" not in exc.reason:
                raise
            raise InputError(exc.path, f"{exc.reason}, asked for the union of its {listed} named graphs "
                                       "one by one (its default graph is not their union); a server "
                                       f"answers faster when it is ({UNION_SETTINGS})") from None
        head, results = data.get("head"), data.get("results")
        if not isinstance(head, dict) or not isinstance(results, dict):
            raise QueryError(f"{display_url(self.url)} answered without SELECT results "
                             "(is this a SELECT query?)")
        columns = [str(v) for v in head.get("vars", [])]
        rows = [tuple(to_python(term_from_json(b.get(c))) for c in columns)
                for b in results.get("bindings", [])]
        return columns, rows

    def graph_names(self) -> list[str]:
        _, rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(r[0]) for r in rows)

    def dataset(self) -> Dataset:
        """policykg's named graphs (IRIs under its id namespace) as an rdflib Dataset; the server's
        own graphs (Virtuoso keeps several) are left out."""
        data = self._results(
            "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(STRSTARTS(STR(?g), \"{ID}\")) }}", {})  # GRAPH ?g reads every server's named graphs
        ds = Dataset(default_union=True)
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns)
        for b in data.get("results", {}).get("bindings", []):
            g, s, p, o = (term_from_json(b.get(k)) for k in ("g", "s", "p", "o"))
            ds.graph(g).add((s, p, o))
        return ds

    # --- the default graph ----------------------------------------------------------------------
    def default_is_union(self) -> bool:
        """Whether the server's own default graph shows what its named graphs hold (Virtuoso,
        GraphDB, Oxigraph `--union-default-graph`)."""
        return self._dataset_kind() == SERVER_UNION

    def _dataset_kind(self) -> str:
        """How queries reach the named graphs' union (SERVER_UNION, OXIGRAPH_UNION or PROTOCOL).

        Asked once, by looking one triple of a named graph up in the default graph: as it is, then
        with Oxigraph's own `union-default-graph` request parameter (a server that does not know it
        ignores it), then with the Protocol's `default-graph-uri` naming the triple's graph.  A
        server whose named graphs are still empty is asked again next time (a push may come in
        between); one that answers none of them is an InputError naming the setting."""
        if self._kind is None:
            sample = self._bindings(_NAMED_TRIPLE, {})
            g, s, p, o = (term_from_json(sample[0].get(k)) if sample else None for k in ("g", "s", "p", "o"))
            if g is None or s is None or p is None or o is None:
                return SERVER_UNION  # nothing in named graphs: nothing a dataset could add
            probe = f"ASK {{ {s.n3()} {p.n3()} {o.n3()} }}"
            if self._ask(probe, {}):
                self._kind = SERVER_UNION
            elif self._takes_union_parameter(probe):
                self._kind = OXIGRAPH_UNION
            else:
                try:
                    honoured = self._ask(probe, {"default-graph-uri": [str(g)]})
                except QueryError as exc:  # "<url> refused the query (HTTP 400): <the server's words>"
                    status = re.search(r"\(HTTP (\d+)\)(: .*)?$", str(exc))
                    why = f"HTTP {status.group(1)}{status.group(2) or ''}" if status else str(exc)
                    raise self._no_dataset(f"refused a query naming them with the SPARQL Protocol's "
                                           f"default-graph-uri ({why})") from None
                if not honoured:
                    raise self._no_dataset("ignores the SPARQL Protocol's default-graph-uri that names "
                                           "them")
                self._kind = PROTOCOL
        return self._kind

    def _takes_union_parameter(self, probe: str) -> bool:
        """Whether `probe` finds its triple when asked with Oxigraph's union parameter; a server that
        refuses a parameter it does not know simply does not take it."""
        try:
            return self._ask(probe, {UNION_PARAMETER: [""]})
        except QueryError:
            return False

    def dataset_params(self, sparql: str) -> DatasetParams:
        """The request parameters `sparql` is sent with: none on a union server or for a query that
        names its own graphs (FROM / FROM NAMED); Oxigraph's `union-default-graph` where the server
        takes it; else every named graph as the Protocol's default graph, and as the named graphs
        too when the query has a GRAPH pattern (a request that names default graphs alone has no
        named graphs), listed afresh for each query so plans pushed meanwhile are read."""
        kind = SERVER_UNION if names_own_dataset(sparql) else self._dataset_kind()
        if kind == SERVER_UNION:
            return {}
        if kind == OXIGRAPH_UNION:
            return {UNION_PARAMETER: [""]}
        graphs = self.named_graphs()
        params: DatasetParams = {"default-graph-uri": graphs}
        if re.search(r"(?i)\bGRAPH\b", sparql):
            params["named-graph-uri"] = graphs
        return params

    def named_graphs(self) -> list[str]:
        """Every named graph the server has, empty or not (the cheapest listing a server gives)."""
        return sorted(str(term_from_json(b.get("g"))) for b in self._bindings(_NAMED_GRAPHS, {}))

    def empty_default_note(self, sparql: str) -> str | None:
        """What to tell a user whose query gave no rows, when the server's default graph is empty
        while its named graphs hold data (None otherwise): which graphs the query read."""
        if self._ask(_DEFAULT_HOLDS_ANY, {}) or not self._bindings(_NAMED_TRIPLE, {}):
            return None
        if names_own_dataset(sparql):
            read = "the query names its own graphs (FROM), so it read only those"
        else:
            how = (f"Oxigraph's {UNION_PARAMETER} parameter" if self._dataset_kind() == OXIGRAPH_UNION
                   else "SPARQL Protocol default-graph-uri")
            read = (f"policykg queried the union of its {len(self.named_graphs())} named graphs ({how}), "
                    "so this is their answer")
        return (f"0 rows from {display_url(self.url)}: its default graph is empty and its named graphs "
                f"hold the data; {read}. Other tools see an empty store unless the server makes the "
                f"default graph the union ({UNION_SETTINGS})")

    def _no_dataset(self, why: str) -> InputError:
        return InputError(display_url(self.url),
                          f"its default graph is not the union of its named graphs, and it {why}, so "
                          f"policykg cannot read the plans there: make the default graph the union "
                          f"({UNION_SETTINGS})")

    # --- transport ------------------------------------------------------------------------------
    def _bindings(self, sparql: str, params: DatasetParams) -> list[dict[str, Any]]:
        return self._results(sparql, params).get("results", {}).get("bindings", [])

    def _ask(self, sparql: str, params: DatasetParams) -> bool:
        answer = self._results(sparql, params).get("boolean")
        if not isinstance(answer, bool):
            raise QueryError(f"{display_url(self.url)} answered an ASK query without a boolean")
        return answer

    def _results(self, sparql: str, params: DatasetParams) -> dict[str, Any]:
        from SPARQLWrapper.SPARQLExceptions import Unauthorized

        try:
            return self._request(sparql, params)
        except Unauthorized:
            if credentials() is None or self._digest:
                raise self._error(401, None) from None
            self._digest = True  # Basic refused: the server may want Digest (Virtuoso does)
            try:
                return self._request(sparql, params)
            except Unauthorized:
                raise self._error(401, None) from None
            except QueryError:
                raise
            except Exception as exc:  # noqa: BLE001 - mapped to one-line errors below
                raise self._translate(exc) from None
        except (QueryError, InputError):
            raise
        except Exception as exc:  # noqa: BLE001
            raise self._translate(exc) from None

    def _request(self, sparql: str, params: DatasetParams) -> dict[str, Any]:
        from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SELECT, SPARQLWrapper

        sw = SPARQLWrapper(self.url, agent="policykg")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            sw.setQuery(sparql)
        # SPARQLWrapper guesses the form from keywords anywhere in the text, comments included (a
        # query documented with "drop" or "load" went out as an update); policykg only reads here
        sw.queryType = SELECT
        sw.setMethod(POST)  # URL-encoded form body: the query and every dataset parameter
        for name, graphs in params.items():
            for graph in graphs:
                sw.addParameter(name, graph)
        sw.setReturnFormat(JSON)
        sw.setTimeout(max(1, round(self.timeout)))
        login = credentials()
        if login:
            sw.setCredentials(*login)
            sw.setHTTPAuth(DIGEST if self._digest else BASIC)
        response = sw.query().response
        body = response.read()
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise QueryError(f"{display_url(self.url)} did not answer with SPARQL JSON results "
                             f"(got: {server_message(body, 80) or 'an empty answer'}); "
                             "is this the query endpoint URL?") from None
        cut = response.headers.get("X-SPARQL-MaxRows")
        if cut:  # Virtuoso says so when it stopped at its ResultSetMaxRows: never pass a part off
            raise QueryError(f"{display_url(self.url)} cut the answer at its limit of {cut} rows "
                             "(Virtuoso: ResultSetMaxRows in virtuoso.ini); raise the limit or "
                             "narrow the query")
        return data

    def _error(self, status: int, body: bytes | None) -> InputError | QueryError:
        url = display_url(self.url)
        detail = server_message(body)
        if status == 401:
            if credentials() is None:
                return InputError(url, f"the endpoint asks for a login (HTTP 401): set "
                                       f"{USER_VARIABLE} and {PASSWORD_VARIABLE}")
            return InputError(url, f"the endpoint rejected the login from {USER_VARIABLE} / "
                                   f"{PASSWORD_VARIABLE} (HTTP 401)")
        if status == 403:
            return InputError(url, "the endpoint refused access (HTTP 403)")
        if status == 404:
            return InputError(url, "no SPARQL endpoint at this URL (HTTP 404)")
        if status == 400:
            return QueryError(f"{url} refused the query (HTTP 400){': ' + detail if detail else ''}")
        return QueryError(f"{url} answered with an error (HTTP {status})"
                          f"{': ' + detail if detail else ''}")

    def _translate(self, exc: Exception) -> InputError | QueryError:
        from SPARQLWrapper.SPARQLExceptions import (EndPointInternalError, EndPointNotFound,
                                                     QueryBadFormed, URITooLong)

        statuses = {QueryBadFormed: 400, EndPointNotFound: 404, URITooLong: 414,
                    EndPointInternalError: 500}
        for cls, status in statuses.items():
            if isinstance(exc, cls):
                return self._error(status, _response_body(exc))
        if isinstance(exc, urllib.error.HTTPError):
            try:
                body = exc.read()
            except Exception:  # noqa: BLE001
                body = None
            return self._error(exc.code, body)
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        url = display_url(self.url)
        if isinstance(reason, (socket.timeout, TimeoutError)):
            return InputError(url, f"the endpoint did not answer within {self.timeout:g} s")
        if isinstance(reason, ConnectionRefusedError):
            return InputError(url, "cannot be reached: connection refused (is the server running?)")
        if isinstance(reason, socket.gaierror):
            return InputError(url, "cannot be reached: unknown host")
        if isinstance(reason, (OSError, urllib.error.URLError)):
            why = getattr(reason, "strerror", None) or str(reason)
            return InputError(url, f"cannot be reached: {redact(why)[:120]}")
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return QueryError(f"{url}: the query failed: {redact(first)[:200]}")


def names_own_dataset(sparql: str) -> bool:
    """Whether the query has a FROM or FROM NAMED clause (before its first `{`, comments left out):
    its own dataset, which the Protocol's parameters would override."""
    head = re.sub(r"(?m)(^|\s)#[^\n]*", " ", sparql).split("{", 1)[0]
    return re.search(r"(?i)\bFROM\s+(NAMED\s+)?(<|[\w.-]*:)", head) is not None


def _response_body(exc: Exception) -> bytes | None:
    """The server's answer that SPARQLWrapper keeps only inside its exception message (as repr)."""
    _, sep, tail = str(exc).partition("\n\nResponse:\n")
    if not sep:
        return None
    try:
        body = ast.literal_eval(tail.strip())
    except (ValueError, SyntaxError):
        return tail.encode("utf-8", "replace")
    return body if isinstance(body, bytes) else str(body).encode("utf-8", "replace")
