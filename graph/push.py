"""Put a built graph into a triple store: each plan in its own named graph, replaced whole.

Researchers' institutions already run a triple store; `push` sends the graph there without a
dump-and-reload.  The unit of an upload is a named graph:

- every plan graph is *replaced* whole, in one request (a SPARQL 1.1 Graph Store HTTP Protocol PUT,
  or, where only an update endpoint exists, one SPARQL Update request `DROP SILENT GRAPH … ;
  INSERT DATA …`), so a failed request leaves the plan's previous graph in place and other plans are
  never touched;
- the shared graph (regions, units, department types, cited documents) is *merged* (GSP POST or
  INSERT DATA): other plans already in the store need the units they name, so a push of one plan must
  not remove them;
- the ontology is replaced whole in a graph of its own (`ONTOLOGY_GRAPH`).

Pushing the same dataset twice leaves the store identical (plan graphs are replaced, merging the same
shared triples adds nothing; the data holds no blank nodes).  The same partition is used by the local
Oxigraph store (graph/oxigraph_store.py; the model is graph/parts.py), so a local store and a pushed
one hold the same graphs.  This module is the HTTP side only.
"""
from __future__ import annotations

import uuid
from typing import Callable, Iterable, Protocol

from rdflib import Dataset, Graph

from policykg.errors import OutputError
from policykg.graph.endpoint import (DEFAULT_TIMEOUT, EndpointStore, check_url, credentials,
                                     display_url, server_message)
from policykg.graph.parts import STAGING, Part, Pushed, insert_data, parts


class PushError(OutputError):
    """A push stopped part-way: `done` lists the graphs stored before the failure."""

    def __init__(self, message: str, done: list[Pushed]) -> None:
        super().__init__(message)
        self.done = done


# --- HTTP ----------------------------------------------------------------------------------------
class _Unanswered(OutputError):
    """The request went out but no answer came: the server may or may not have applied it."""


class _Http:
    """requests with the environment's login (Basic, or Digest when the server asks for it), a
    timeout, and one-line errors that name the URL and status and never the login."""

    def __init__(self, url: str, timeout: float) -> None:
        import requests

        self.url = check_url(url)
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "policykg"
        self.digest = False

    def _auth(self):
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth

        login = credentials()
        if login is None:
            return None
        return HTTPDigestAuth(*login) if self.digest else HTTPBasicAuth(*login)

    def send(self, method: str, what: str, **kwargs):
        import requests

        shown = display_url(self.url)
        try:
            r = self.session.request(method, self.url, auth=self._auth(), timeout=self.timeout, **kwargs)
            challenge = r.headers.get("WWW-Authenticate", "").lower()
            if (r.status_code == 401 and not self.digest and credentials() is not None
                    and not challenge.startswith("basic")):
                self.digest = True  # Basic refused (Virtuoso then sends no challenge): try Digest
                r = self.session.request(method, self.url, auth=self._auth(), timeout=self.timeout,
                                         **kwargs)
        except requests.Timeout:
            raise _Unanswered(f"{shown}: {what}: the server did not answer within {self.timeout:g} s") \
                from None
        except requests.ConnectionError:
            raise OutputError(f"{shown}: {what}: cannot be reached (is the server running?)") from None
        except requests.RequestException as exc:
            raise OutputError(f"{shown}: {what}: {type(exc).__name__}") from None
        if r.status_code >= 400:
            if r.status_code == 401:
                reason = ("the server asks for a login: set POLICYKG_SPARQL_USER and "
                          "POLICYKG_SPARQL_PASSWORD" if credentials() is None else
                          "the server rejected the login from POLICYKG_SPARQL_USER / "
                          "POLICYKG_SPARQL_PASSWORD")
                raise OutputError(f"{shown}: {what}: {reason} (HTTP 401)")
            detail = server_message(r.content)
            raise OutputError(f"{shown}: {what}: HTTP {r.status_code}{': ' + detail if detail else ''}")
        return r


class Target(Protocol):
    def send(self, part: Part) -> None:
        """Store one named graph (replace or merge, as the part says), or raise OutputError."""


class GraphStoreTarget:
    """SPARQL 1.1 Graph Store HTTP Protocol: PUT replaces a graph, POST merges into it.

    A PUT is only as atomic as the server makes it: Oxigraph keeps the old graph when a body is
    refused, Virtuoso clears it and keeps what it parsed before the error.  With an `update` URL, a
    plan graph is therefore PUT into a fresh staging graph first and then swapped in by one SPARQL
    Update `MOVE`, which every store runs as one transaction: the plan's previous graph stays whole
    until the new one has fully arrived."""

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT, update: str | None = None) -> None:
        self.http = _Http(url, timeout)
        self.update = _Http(update, timeout) if update else None

    def _put(self, method: str, iri: str, part: Part) -> None:
        self.http.send(method, f"graph <{part.iri}> was not stored", params={"graph": iri},
                       data=part.ntriples().encode("utf-8"),
                       headers={"Content-Type": "text/turtle; charset=utf-8"})

    def _update(self, text: str, what: str) -> None:
        assert self.update is not None
        self.update.send("POST", what, data={"update": text},
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})

    def send(self, part: Part) -> None:
        if not part.replace:
            self._put("POST", part.iri, part)
        elif self.update is None:
            self._put("PUT", part.iri, part)
        else:
            staging = f"{STAGING}{uuid.uuid4().hex}"
            try:
                self._put("PUT", staging, part)
                # no SILENT: a missing source must fail, not clear the target (Virtuoso would)
                self._update(f"MOVE GRAPH <{staging}> TO GRAPH <{part.iri}>",
                             f"graph <{part.iri}> was not stored")
            except OutputError:
                try:
                    self._update(f"DROP SILENT GRAPH <{staging}>", "cleanup")
                except OutputError:
                    pass  # the error that matters is the one being raised
                raise


class UpdateTarget:
    """SPARQL 1.1 Update: one request per graph (DROP SILENT GRAPH + INSERT DATA)."""

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.http = _Http(url, timeout)

    def send(self, part: Part) -> None:
        self.http.send("POST", f"graph <{part.iri}> was not stored",
                       data={"update": insert_data(part)},
                       headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})


def stored_counts(endpoint: EndpointStore, iris: Iterable[str]) -> dict[str, int]:
    """Triples per named graph as the endpoint reports them."""
    values = " ".join(f"<{i}>" for i in iris)
    _, rows = endpoint.select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                              "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {str(g): int(n) for g, n in rows}


def push(ds: Dataset, target: Target, *, ontology: Graph | None = None,
         progress: Callable[[Part, int, int], None] | None = None) -> list[Pushed]:
    """Send every named graph of `ds` (and the `ontology` graph, when given) to `target`, one request per graph.

    Stops at the first failure with a PushError naming the graph; graphs sent before it stay
    stored, that graph and later ones keep what the store had."""
    todo = parts(ds, ontology)
    done: list[Pushed] = []
    for i, part in enumerate(todo, 1):
        if progress:
            progress(part, i, len(todo))
        try:
            target.send(part)
        except OutputError as exc:
            kept = ("the graphs after it are unchanged; run the push again to be sure of this one"
                    if isinstance(exc, _Unanswered) else
                    "its previous content and the graphs after it are unchanged")
            raise PushError(f"{exc}; {len(done)} of {len(todo)} graphs were pushed before it, {kept}",
                            done) from None
        done.append(Pushed(part.iri, part.kind, len(part.graph),
                           "replaced" if part.replace else "merged"))
    return done


def target_for(*, graph_store: str | None, update: str | None,
               timeout: float = DEFAULT_TIMEOUT) -> Target:
    """GSP when a graph-store URL is given (staged and swapped in when an update URL is given too),
    else SPARQL Update."""
    if graph_store:
        return GraphStoreTarget(graph_store, timeout, update=update)
    if update:
        return UpdateTarget(update, timeout)
    raise OutputError("push needs a Graph Store URL (--graph-store) or an update endpoint (--update "
                      "or --endpoint)")
