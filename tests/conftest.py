"""Shared fixtures: the real corpus (../shared/corpus beside the checkout) and the bundled example."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def corpus_file(prefix: str) -> Path:
    matches = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.fail(f"corpus document {prefix}_*.txt not found in {CORPUS}")
    return matches[0]


@pytest.fixture(scope="session")
def corpus_paths() -> list[Path]:
    paths = sorted(CORPUS.glob("*.txt"))
    assert len(paths) == 5, f"expected the five corpus plans in {CORPUS}"
    return paths


_cache: dict[str, object] = {}


@pytest.fixture(scope="session")
def plan():
    """plan('000') -> the PlanRecord of that corpus document (parsed once per session)."""
    def get(prefix: str):
        if prefix not in _cache:
            _cache[prefix] = load_plan(corpus_file(prefix))
        return _cache[prefix]
    return get


@pytest.fixture(scope="session")
def example_path() -> Path:
    from policykg.examples import example_path as p
    return Path(str(p()))


@pytest.fixture(scope="session")
def example_expected() -> dict:
    return json.loads((FIXTURES / "example_expected.json").read_text(encoding="utf-8"))


# --- real SPARQL servers and HTTP stubs (stores, endpoints and push) ----------------------------
# Servers listen on 127.0.0.1 only, on ports the kernel picks, and are stopped after the session.
# Where a server (or the Jena SHACL engine) cannot be had (not installed) its tests skip with the reason; set
# POLICYKG_REQUIRE_SERVERS=1 to make that a failure instead (CI installs them: scripts/test-deps.sh).
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

SCRIPTS = ROOT / "scripts"


def _unavailable(reason: str) -> None:
    if os.environ.get("POLICYKG_REQUIRE_SERVERS"):
        pytest.fail(f"{reason} (POLICYKG_REQUIRE_SERVERS is set)")
    pytest.skip(reason)


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(query_url: str) -> bool:
    url = query_url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def _die_with_parent() -> None:
    """In the child before exec: on Linux, ask for SIGTERM when the test process ends, so a killed
    test run leaves no server behind (elsewhere, the fixture's teardown is all there is)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass
class SparqlServer:
    """A running triple store: where to query, update and PUT graphs, and the login if any."""

    name: str
    query: str
    update: str
    graph_store: str
    user: str | None = None
    password: str | None = None

    def login(self, monkeypatch) -> None:
        """Put the server's login in the environment, as a user would."""
        if self.user:
            monkeypatch.setenv("POLICYKG_SPARQL_USER", self.user)
            monkeypatch.setenv("POLICYKG_SPARQL_PASSWORD", self.password or "")
        else:
            monkeypatch.delenv("POLICYKG_SPARQL_USER", raising=False)
            monkeypatch.delenv("POLICYKG_SPARQL_PASSWORD", raising=False)

    def clear(self) -> None:
        """Drop every graph policykg writes (a Virtuoso keeps system graphs of its own)."""
        import requests
        from requests.auth import HTTPDigestAuth
        auth = HTTPDigestAuth(self.user, self.password) if self.user else None
        r = requests.post(self.query, data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                            "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/policykg/')) }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
        r.raise_for_status()
        graphs = [b["g"]["value"] for b in r.json()["results"]["bindings"]]
        if graphs:
            update = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs)
            requests.post(self.update, data={"update": update}, auth=auth, timeout=60).raise_for_status()


def _oxigraph(tmp_path_factory, name: str, *flags: str):
    """`oxigraph serve` (PyPI package oxigraph) with `flags` on a free loopback port, until the
    session ends."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        _unavailable("the Oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    location = tmp_path_factory.mktemp(name)
    log = open(location.parent / f"{location.name}.log", "wb")
    proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             *flags], stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not _answers(f"{base}/query"):
            if proc.poll() is not None or time.monotonic() > deadline:
                _unavailable(f"the Oxigraph server did not start (see {log.name})")
            time.sleep(0.2)
        yield SparqlServer(name, f"{base}/query", f"{base}/update", f"{base}/store")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def jena() -> str:
    """The jena SHACL engine, usable: Java and Debian's libapache-jena-java (scripts/test-deps.sh)."""
    from policykg.shapes import EngineError
    from policykg.shapes.engines import check_engine
    try:
        check_engine("jena")
    except EngineError as exc:
        _unavailable(str(exc))
    return "jena"


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """Oxigraph whose default graph is the union of its named graphs (`--union-default-graph`)."""
    yield from _oxigraph(tmp_path_factory, "oxigraph", "--union-default-graph")


@pytest.fixture(scope="session")
def oxigraph_nonunion_server(tmp_path_factory):
    """Oxigraph started the ordinary way: its default graph is a graph of its own, empty after a
    push (as Fuseki/TDB2 without tdb2:unionDefaultGraph)."""
    yield from _oxigraph(tmp_path_factory, "oxigraph-nonunion")


@pytest.fixture(scope="session")
def virtuoso_server():
    """Virtuoso Open Source (Debian virtuoso-opensource) started by scripts/start-virtuoso.sh."""
    script = SCRIPTS / "start-virtuoso.sh"
    try:
        r = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=120,
                           env={**os.environ, "VIRTUOSO_OWNER_PID": str(os.getpid())})
    except subprocess.TimeoutExpired:
        _unavailable("scripts/start-virtuoso.sh did not finish within 120 s")
    if r.returncode == 3:
        _unavailable("Virtuoso is not installed (apt-get install -y virtuoso-opensource; "
                     "scripts/test-deps.sh does it)")
    if r.returncode != 0:
        _unavailable(f"Virtuoso did not start: {r.stderr.strip()[-500:]}")
    env = dict(line.split("=", 1) for line in r.stdout.splitlines() if "=" in line)
    pid = int(env["VIRTUOSO_PID"])
    try:
        yield SparqlServer("virtuoso", env["VIRTUOSO_SPARQL"], env["VIRTUOSO_SPARQL_AUTH"],
                           env["VIRTUOSO_GRAPH_STORE"], env["VIRTUOSO_USER"], env["VIRTUOSO_PASSWORD"])
    finally:
        try:
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                os.kill(pid, 0)  # raises once the process is gone
                time.sleep(0.2)
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        shutil.rmtree(env["VIRTUOSO_DIR"], ignore_errors=True)


#: the real servers the endpoint tests run against, as the fixture names them (`<name>_server`)
SERVERS = ["oxigraph", "oxigraph_nonunion", "virtuoso"]


@pytest.fixture(params=SERVERS)
def sparql_server(request, monkeypatch) -> SparqlServer:
    """Each real server in turn, emptied of policykg graphs, with its login in the environment."""
    server: SparqlServer = request.getfixturevalue(f"{request.param}_server")
    server.clear()
    server.login(monkeypatch)
    return server


@pytest.fixture(scope="session")
def corpus_build(corpus_paths):
    """The five corpus plans built once (api.BuildResult)."""
    from policykg import api
    return api.build(corpus_paths)


@pytest.fixture(scope="session")
def corpus_trig(corpus_build, tmp_path_factory) -> Path:
    """The corpus graph as a .trig file (one named graph per plan)."""
    from policykg.graph.serialize import write_dataset
    path = tmp_path_factory.mktemp("corpus") / "plans.trig"
    write_dataset(corpus_build.dataset, path)
    return path


@pytest.fixture(scope="module")
def local_store(corpus_trig, tmp_path_factory):
    """The corpus loaded into a local Oxigraph store, opened read-only."""
    from policykg import api
    from policykg.graph.oxigraph_store import OxigraphStore
    path = tmp_path_factory.mktemp("store") / "kg"
    api.load([corpus_trig], path)
    store = OxigraphStore(path, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="module", params=SERVERS)
def corpus_endpoint(request, corpus_trig):
    """The corpus pushed (Graph Store protocol) to each real server: (server name, its query endpoint)."""
    from policykg import api
    server = request.getfixturevalue(f"{request.param}_server")
    with pytest.MonkeyPatch.context() as mp:
        server.clear()
        server.login(mp)
        result = api.push([corpus_trig], graph_store=server.graph_store, endpoint=server.query)
    assert result.verify_error is None
    return server.name, api.open_endpoint(server.query)


Responder = Callable[[BaseHTTPRequestHandler, bytes], tuple[int, dict[str, str], bytes]]


@pytest.fixture
def http_stub():
    """http_stub(respond) -> base URL of a tiny HTTP server on 127.0.0.1 whose every request is
    answered by respond(handler, body) -> (status, headers, body); stopped after the test."""
    servers: list[ThreadingHTTPServer] = []

    def start(respond: Responder) -> str:
        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, headers, payload = respond(self, body)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _any

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address) -> None:
                if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                    super().handle_error(request, client_address)  # a client that gave up: fine

        server = Server(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for s in servers:
        s.shutdown()
        s.server_close()
