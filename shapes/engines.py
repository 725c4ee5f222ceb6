"""Three SHACL engines behind one result record, and the SHACL-SPARQL rules evaluated once per batch.

pyshacl (Python, over rdflib graphs) is the reference engine; rudof (pyrudof, Rust) validates the
same shapes many times faster; Apache Jena's jena-shacl (Java, Debian's libapache-jena-java, run as
its `shacl validate` command, one JVM per batch of plans) is a third, independent implementation the
tests hold the other two to.  All results become `RawResult`s: the focus node, source shape,
constraint component, severity, path and value of one sh:ValidationResult, as rdflib terms, so the
audit turns any of them into the same findings.

SHACL-SPARQL constraints (sh:sparql) are what make pyshacl slow: it runs the SELECT once per focus
node (~5 ms each).  Except in pyshacl's reference run, each such SELECT runs once over the whole
graph with `$this` left unbound (`sparql_results_rdflib` over an rdflib graph, `run_rudof(...,
sparql=True)` in rudof's query engine), which returns every violating focus node at once; the rows
are then kept for the shape's own focus nodes, as pre-binding `$this` would.  This is exact for
queries whose `$this` only occurs in basic graph patterns and filters (no sub-SELECT, MINUS or
EXISTS over it), which holds for the shipped rules (shapes/indicators.ttl says so where they are).
The engines are thus handed the Core shapes only (`PreparedShapes.core`); for Jena that is also a
need: Jena 4.5 refuses a SPARQL constraint with more than one sh:message, and every shipped rule
has two (Chinese and English).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from policykg.errors import PolicyKGError
from policykg.graph.oxigraph_store import from_rdflib, to_rdflib

SH = Namespace("http://www.w3.org/ns/shacl#")
ENGINES = ("pyshacl", "rudof", "jena")
#: the pyrudof release the rudof engine is tested with (pyproject.toml pins it)
RUDOF_VERSION = "0.3.35"
#: anonymous shapes are named for rudof, which reports blank-node shapes under labels of its own
_ANON = "urn:x-policykg:anonymous-shape:"
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


class ShapesError(PolicyKGError):
    """The shapes themselves cannot be read or run (a broken .ttl, a SPARQL rule that does not parse)."""


class EngineError(PolicyKGError):
    """A SHACL engine cannot run: not installed, unknown, or it rejected the shapes."""


@dataclass(frozen=True)
class RawResult:
    """One sh:ValidationResult, engine-independent (rdflib terms)."""

    focus: Node
    shape: Node
    component: URIRef | None
    severity: URIRef
    path: URIRef | None = None
    value: Node | None = None
    #: sh:resultMessage values as the engine gave them (rudof's are not read: see `run_rudof`)
    messages: tuple[Literal, ...] = ()


@dataclass(frozen=True)
class SparqlRule:
    """One sh:sparql constraint of a targeted shape, ready to run with `$this` unbound."""

    shape: Node
    severity: URIRef
    query: str
    messages: tuple[Literal, ...]
    path: URIRef | None
    targets: tuple[tuple[URIRef, Node], ...]


@dataclass
class PreparedShapes:
    """The shapes in the forms each engine takes, prepared once per audit."""

    full: Graph        # as shipped: pyshacl's reference run, sh:sparql included
    core: Graph        # without the sh:sparql constraints (`rules` run those)
    named_text: str    # `core` as Turtle, anonymous shapes named (what rudof and Jena read)
    rules: tuple[SparqlRule, ...]
    #: every property the shapes and SPARQL rules can read (None: any, e.g. a closed shape): a triple
    #: with another predicate cannot change a result, so a batch need not give it to the engine
    predicates: frozenset[str] | None = None


def check_engine(engine: str) -> None:
    """Fail early, with what to do, for an unknown engine, a missing pyrudof, Java or Jena."""
    if engine not in ENGINES:
        raise EngineError(f"unknown SHACL engine {engine!r}; use one of {', '.join(ENGINES)}")
    if engine == "jena":
        jena_command()
    if engine == "rudof":
        try:
            import pyrudof  # noqa: F401
        except ImportError:
            raise EngineError(f"the rudof engine needs pyrudof: pip install pyrudof=={RUDOF_VERSION}") from None


def prepare(shapes: Graph) -> PreparedShapes:
    """Split the shapes into Core shapes and SPARQL rules, and note what data they can read."""
    core = Graph()
    for prefix, ns in shapes.namespaces():
        core.bind(prefix, ns, override=True, replace=True)
    drop: set = set()
    for _shape, constraint in shapes.subject_objects(SH.sparql):
        drop |= _bnode_closure(shapes, constraint)
    for s, p, o in shapes:
        if p != SH.sparql and s not in drop:
            core.add((s, p, o))
    rules = tuple(_sparql_rules(shapes))
    return PreparedShapes(full=shapes, core=core, named_text=_named_anonymous(core).serialize(format="turtle"),
                          rules=rules, predicates=_predicates(shapes, rules))


class _AnyPredicate(Exception):
    pass


def _predicates(shapes: Graph, rules: Iterable[SparqlRule]) -> frozenset[str] | None:
    """The properties validation can read: every IRI the shapes graph names (paths, targets,
    sh:disjoint and the like: a superset), rdf:type and rdfs:subClassOf (class membership), and
    the predicates of the SPARQL rules' patterns.  None when that cannot be bounded: a closed
    shape reads every property of its focus nodes, and a query may have a variable predicate."""
    if any(True for _ in shapes.subjects(SH.closed, Literal(True))):
        return None
    out = {str(t) for triple in shapes for t in triple if isinstance(t, URIRef)}
    out |= {str(RDF.type), str(RDFS.subClassOf)}
    try:
        for rule in rules:
            out |= _query_predicates(rule.query)
    except _AnyPredicate:
        return None
    return frozenset(out)


def _query_predicates(query: str) -> set[str]:
    from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, SequencePath
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import Variable
    out: set[str] = set()

    def predicate(p: Any) -> None:
        if isinstance(p, URIRef):
            out.add(str(p))
        elif isinstance(p, (SequencePath, AlternativePath)):
            for a in p.args:
                predicate(a)
        elif isinstance(p, InvPath):
            predicate(p.arg)
        elif isinstance(p, MulPath):
            predicate(p.path)
        elif isinstance(p, (Variable, NegatedPath)) or p is not None:
            raise _AnyPredicate  # ?p or !(...): any property may matter

    def walk(node: Any) -> None:
        if isinstance(node, CompValue):
            if node.name == "BGP":
                for _s, p, _o in node.triples:
                    predicate(p)
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple, set)):
            for x in node:
                walk(x)

    try:
        walk(prepareQuery(query).algebra)
    except _AnyPredicate:
        raise
    except Exception:
        raise _AnyPredicate from None  # a query rdflib cannot read: do not narrow the data
    return out


def _bnode_closure(g: Graph, node: Node) -> set:
    out, todo = set(), [node]
    while todo:
        n = todo.pop()
        if isinstance(n, BNode) and n not in out:
            out.add(n)
            todo.extend(g.objects(n, None))
    return out


def _named_anonymous(g: Graph) -> Graph:
    """`g` with its blank-node shapes (property shapes, targeted shapes) given IRIs."""
    anon = {o for o in g.objects(None, SH.property) if isinstance(o, BNode)}
    anon |= {s for t in _TARGETS for s in g.subjects(t, None) if isinstance(s, BNode)}
    if not anon:
        return g
    name = {b: URIRef(_ANON + str(b)) for b in anon}
    out = Graph()
    for prefix, ns in g.namespaces():
        out.bind(prefix, ns, override=True, replace=True)
    for s, p, o in g:
        out.add((name.get(s, s), p, name.get(o, o)))
    return out


def _unname(shape: str | None) -> Node | None:
    if shape is None:
        return None
    if shape.startswith(_ANON):
        return BNode(shape[len(_ANON):])
    return _term(shape)


def _sparql_rules(shapes: Graph) -> Iterator[SparqlRule]:
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql), key=lambda x: (str(x[0]), str(x[1]))):
        if Literal(True) in {*shapes.objects(shape, SH.deactivated), *shapes.objects(constraint, SH.deactivated)}:
            continue
        select = shapes.value(constraint, SH.select)
        if select is None:
            raise ShapesError(f"{shape}: sh:sparql constraint without sh:select")
        targets = tuple(sorted(((t, o) for t in _TARGETS for o in shapes.objects(shape, t)), key=str))
        if (shape, RDF.type, RDFS.Class) in shapes:
            targets += ((SH.targetClass, shape),)
        if not targets:
            raise ShapesError(f"{shape}: a sh:sparql constraint is only supported on a shape with its own "
                              "targets (sh:targetClass, sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf)")
        path = shapes.value(shape, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise ShapesError(f"{shape}: a sh:sparql constraint on a complex sh:path is not supported")
        prefixes = []
        for pnode in shapes.objects(constraint, SH.prefixes):
            for decl in shapes.objects(pnode, SH.declare):
                prefixes.append(f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>\n")
        query = "".join(sorted(set(prefixes))) + str(select)
        if path is not None:
            query = query.replace("$PATH", f"<{path}>")
        messages = tuple(m for m in shapes.objects(constraint, SH.message) if isinstance(m, Literal)) or \
            tuple(m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal))
        yield SparqlRule(shape=shape, severity=shapes.value(shape, SH.severity) or SH.Violation, query=query,
                         messages=tuple(sorted(messages, key=lambda m: (m.language or "", str(m)))),
                         path=path, targets=targets)


# --- pyshacl ------------------------------------------------------------------------------------
def run_pyshacl(data: Graph, shapes: Graph) -> list[RawResult]:
    import pyshacl
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True, abort_on_first=False)
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(r, SH.resultPath)
        out.append(RawResult(
            focus=results.value(r, SH.focusNode), shape=results.value(r, SH.sourceShape),
            component=results.value(r, SH.sourceConstraintComponent),
            severity=results.value(r, SH.resultSeverity) or SH.Violation,
            path=path if isinstance(path, URIRef) else None, value=results.value(r, SH.value),
            messages=tuple(sorted((m for m in results.objects(r, SH.resultMessage) if isinstance(m, Literal)),
                                  key=lambda m: (m.language or "", str(m))))))
    return out


# --- rudof --------------------------------------------------------------------------------------
_SESSIONS: dict[tuple[int, str], Any] = {}


def _rudof(shapes_text: str):
    """A rudof session with the shapes loaded, one per process (never shared across a fork)."""
    key = (os.getpid(), shapes_text)
    if key not in _SESSIONS:
        import pyrudof
        session = pyrudof.Rudof(pyrudof.RudofConfig())
        try:
            session.read_shacl(shapes_text, format=pyrudof.ShaclFormat.Turtle)
        except Exception as exc:  # pyrudof raises its own error types
            raise EngineError(f"rudof rejected the shapes: {str(exc).splitlines()[0][:300]}") from None
        _SESSIONS.clear()
        _SESSIONS[key] = session
    return _SESSIONS[key]


def run_rudof(ntriples: str, prepared: PreparedShapes, *, sparql: bool = False) -> list[RawResult]:
    """Validate N-Triples with rudof against the Core shapes; with `sparql`, also run the SPARQL
    rules once each over the same loaded data (rudof's query engine; literals come back in canonical
    form, 92.20 as 92.2, as an Oxigraph store holds them).

    rudof joins a result's messages into one unescaped string, so they are not read back: the
    findings take the shape's own bilingual sh:message (every shipped rule has one)."""
    import pyrudof
    session = _rudof(prepared.named_text)
    try:
        session.reset_data()
        session.read_data(ntriples, format=pyrudof.RDFFormat.NTriples, merge=False,
                          reader_mode=pyrudof.ReaderMode.Strict)
        report = session.validate_shacl()
    except Exception as exc:
        raise EngineError(f"rudof could not validate the graph: {str(exc).splitlines()[0][:300]}") from None
    prefixes = dict(session.prefixes())
    out = []
    for v in report.violations:
        severity = v.severity
        out.append(RawResult(
            focus=_term(v.focus_node, prefixes), shape=_unname(v.source_shape),
            component=URIRef(v.constraint_component) if v.constraint_component else None,
            severity=SH[severity] if severity in ("Violation", "Warning", "Info") else URIRef(severity),
            path=_path(v.path), value=_term(v.value, prefixes) if v.value is not None else None))
    if sparql:
        lookup = _RudofLookup(session)
        for rule in prepared.rules:
            out += rule_results(rule, lookup.rows(rule.query, rule.shape), focus_nodes(lookup, rule.targets))
    return out


class _RudofLookup:
    """Queries over the data loaded in a rudof session; terms come back in N-Triples syntax."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def rows(self, query: str, shape: Node | None = None) -> list[dict[str, Node]]:
        try:
            self.session.reset_query()
            self.session.read_query(query)
            result = self.session.run_query()
        except Exception as exc:
            what = f"{shape}: its sh:select" if shape is not None else "a target query"
            raise ShapesError(f"{what} does not run in rudof: {str(exc).splitlines()[0][:200]}") from None
        names = [v.lstrip("?$") for v in result.variables]
        return [{n: _nt_term(t) for n, t in zip(names, row) if t is not None} for row in result.rows]

    def _column(self, query: str) -> list[Node]:
        return [row["n"] for row in self.rows(query) if "n" in row]

    def subjects(self, predicate: Node, obj: Node | None) -> list[Node]:
        o = obj.n3() if obj is not None else "?o"
        return self._column(f"SELECT DISTINCT ?n WHERE {{ ?n {predicate.n3()} {o} }}")

    def objects(self, subject: Node | None, predicate: Node) -> list[Node]:
        s = subject.n3() if subject is not None else "?s"
        return self._column(f"SELECT DISTINCT ?n WHERE {{ {s} {predicate.n3()} ?n }}")


def _nt_term(text: str) -> Node:
    """A term written in N-Triples syntax (how rudof's query results print them)."""
    if text.startswith("<") and text.endswith(">") and "\\" not in text:
        return URIRef(text[1:-1])
    if text.startswith("_:"):
        return BNode(text[2:])
    triple = next(iter(ox.parse(f"<x:s> <x:p> {text} .".encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)))
    return to_rdflib(triple.object)


_LITERAL = re.compile(r'^"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?$', re.S)


def _term(text: str | None, prefixes: dict[str, str] | None = None) -> Node | None:
    """A term as rudof prints it: a bare or bracketed IRI, _:label, or "lexical"(@lang|^^datatype)."""
    if text is None:
        return None
    if text.startswith("_:"):
        return BNode(text[2:])
    if text.startswith('"'):
        m = _LITERAL.match(text)
        if not m:
            return Literal(text)
        lexical, lang, datatype = m.groups()
        if lang:
            return Literal(lexical, lang=lang)
        if datatype:
            if datatype.startswith("<") and datatype.endswith(">"):
                dt = URIRef(datatype[1:-1])
            elif ":" in datatype and prefixes and datatype.split(":", 1)[0] in prefixes:
                alias, local = datatype.split(":", 1)
                dt = URIRef(prefixes[alias] + local)
            else:
                dt = URIRef(datatype)
            return Literal(lexical) if dt == XSD.string else Literal(lexical, datatype=dt)
        return Literal(lexical)
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    return URIRef(text)


def _path(text: str | None) -> URIRef | None:
    """A result path if it is a single property (complex paths are left out, as for pyshacl)."""
    if not text:
        return None
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    # rudof prints complex paths as ^(iri), (a / b), (a | b), iri* ...: characters no IRI holds
    if not _IRI.match(text):
        return None
    return URIRef(text)


_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|^`\\]*$')


# --- Apache Jena ------------------------------------------------------------------------------------
#: the Jena release the jena engine is tested with (Debian bookworm's libapache-jena-java)
JENA_VERSION = "4.5.0"
#: where Debian installs Java libraries
JAVA_SHARE = Path("/usr/share/java")
#: the jars `shacl validate` needs: Jena's own and those libapache-jena-java depends on (Debian
#: names them without a version); slf4j-nop keeps Jena's logging quiet
JENA_JARS = (
    "jena-base", "jena-core", "jena-iri", "jena-arq", "jena-shacl", "jena-cmds", "commons-cli", "commons-codec",
    "commons-compress", "commons-csv", "commons-io", "commons-lang3", "commons-logging", "dexx.collection", "gson",
    "guava", "httpclient", "httpcore", "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java",
    "jakarta.json-api", "protobuf", "thrift", "titanium-json-ld", "slf4j-api", "slf4j-nop")
_JENA_INSTALL = (f"install Apache Jena: apt-get install libapache-jena-java (Debian/Ubuntu; Jena {JENA_VERSION} "
                 "is the release tested)")


def jena_command() -> list[str]:
    """The command line that runs Jena's `shacl validate`, or EngineError saying what to install."""
    from policykg.ontology import java as jvm
    java = jvm.command()
    if shutil.which(java) is None:
        raise EngineError(f"the jena engine runs on Java, and no `{java}` was found on PATH: install a Java "
                          "runtime (apt-get install default-jre-headless)")
    missing = [j for j in JENA_JARS if not (JAVA_SHARE / f"{j}.jar").is_file()]
    if missing:
        raise EngineError(f"the jena engine needs Apache Jena's jars in {JAVA_SHARE} ({', '.join(missing[:4])}"
                          f"{' …' if len(missing) > 4 else ''} missing): {_JENA_INSTALL}")
    jars = [str(JAVA_SHARE / f"{j}.jar") for j in JENA_JARS] + _xerces_messages(JAVA_SHARE / "jena-core.jar")
    # C1 compilation only: a validation run is seconds long, and the JIT's second tier does not pay
    return [java, "-XX:TieredStopAtLevel=1", "-cp", os.pathsep.join(jars), "shacl.shacl", "validate"]


def _xerces_messages(core: Path) -> list[str]:
    """A jar putting Xerces' message bundles where Debian's jena-core classes look for them.

    Debian's jena-core 4.5 moved the bundled Xerces classes to the package `xerces` but left its
    .properties under org/apache/jena/ext/xerces, and Jena then fails to start ("internal error" in
    XSSimpleTypeDecl): the regex parser that XSD datatypes need cannot load its messages.  A jar
    that is not so packaged needs nothing (empty list)."""
    with zipfile.ZipFile(core) as z:
        names = set(z.namelist())
        old = "org/apache/jena/ext/xerces/"
        if "xerces/impl/xpath/regex/RegexParser.class" not in names or \
                "xerces/impl/xpath/regex/message.properties" in names:
            return []
        stat = core.stat()
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "policykg"
        target = cache / f"jena-xerces-messages-{stat.st_size}-{int(stat.st_mtime)}.jar"
        if target.is_file():
            return [str(target)]
        try:
            cache.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache, suffix=".jar")
        except OSError:  # no writable cache: a jar for this process only
            fd, tmp = tempfile.mkstemp(prefix="policykg-jena-", suffix=".jar")
            target = Path(tmp)
        with os.fdopen(fd, "wb") as f, zipfile.ZipFile(f, "w") as out:
            for name in sorted(n for n in names if n.startswith(old) and n.endswith(".properties")):
                out.writestr("xerces/" + name[len(old):], z.read(name))
        os.replace(tmp, target)
        return [str(target)]


def run_jena(ntriples: str | bytes, prepared: PreparedShapes) -> list[RawResult]:
    """Validate N-Triples with Apache Jena against the Core shapes, in one JVM (~1.5 s to start, so
    callers hand it a batch of plans, never one plan at a time).

    Jena's report is Turtle; its blank nodes are labels of Jena's own, so a result on a blank node
    of the data cannot be traced back and is refused (policykg's graphs name every node they check)."""
    command = jena_command()
    data = ntriples.encode("utf-8") if isinstance(ntriples, str) else ntriples
    with tempfile.TemporaryDirectory(prefix="policykg-jena-") as tmp:
        shapes_file, data_file = Path(tmp) / "shapes.ttl", Path(tmp) / "data.nt"
        shapes_file.write_text(prepared.named_text, encoding="utf-8")
        data_file.write_bytes(data)
        run = subprocess.run(command + ["--shapes", str(shapes_file), "--data", str(data_file)],
                             capture_output=True, check=False)
    if run.returncode != 0:
        from policykg.ontology.java import message as java_message
        raise EngineError(f"Jena could not validate the graph: "
                          f"{java_message(run.stderr.decode('utf-8', 'replace'))}")
    report = Graph()
    try:
        report.parse(data=run.stdout.decode("utf-8"), format="turtle")
    except Exception as exc:
        raise EngineError(f"Jena's report cannot be read: {str(exc).splitlines()[0][:200]}") from None
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus, value = report.value(r, SH.focusNode), report.value(r, SH.value)
        shape = report.value(r, SH.sourceShape)
        if isinstance(focus, BNode) or isinstance(value, BNode):
            raise EngineError(f"Jena reported {shape} on a blank node, which its report renames: "
                              "audit this graph with --engine pyshacl or rudof")
        path = report.value(r, SH.resultPath)
        out.append(RawResult(
            focus=focus, shape=_unname(str(shape)) if isinstance(shape, URIRef) else shape,
            component=report.value(r, SH.sourceConstraintComponent),
            severity=report.value(r, SH.resultSeverity) or SH.Violation,
            path=path if isinstance(path, URIRef) else None, value=value,
            messages=tuple(sorted((m for m in report.objects(r, SH.resultMessage) if isinstance(m, Literal)),
                                  key=lambda m: (m.language or "", str(m))))))
    return out


class _OxLookup:
    """Queries over an in-memory Oxigraph store (the evaluator's `Lookup`, terms as rdflib terms)."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def rows(self, query: str, shape: Node) -> list[dict[str, Node]]:
        try:
            solutions = self.store.query(query)
            names = [v.value for v in solutions.variables]
            return [{n: to_rdflib(s[n]) for n in names if s[n] is not None} for s in solutions]
        except (SyntaxError, ValueError, OSError) as exc:
            raise ShapesError(f"{shape}: its sh:select does not run in Oxigraph: "
                              f"{str(exc).splitlines()[0][:200]}") from None

    def subjects(self, predicate: Node, obj: Node | None) -> list[Node]:
        return [to_rdflib(t.subject) for t in self.store.quads_for_pattern(None, from_rdflib(predicate), from_rdflib(obj))]

    def objects(self, subject: Node | None, predicate: Node) -> list[Node]:
        return [to_rdflib(t.object) for t in self.store.quads_for_pattern(from_rdflib(subject), from_rdflib(predicate), None)]


def sparql_results_oxigraph(ntriples: bytes, rules: Iterable[SparqlRule]) -> list[RawResult]:
    """The SHACL-SPARQL rules over N-Triples loaded into an in-memory Oxigraph store, each query once
    (for engines that, like Jena here, run outside Python: literals in canonical form, as rudof's
    query engine and an Oxigraph store give them)."""
    rules = list(rules)
    if not rules:
        return []
    store = ox.Store()
    store.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    lookup = _OxLookup(store)
    out = []
    for rule in rules:
        out += rule_results(rule, lookup.rows(rule.query, rule.shape), focus_nodes(lookup, rule.targets))
    return out


# --- SHACL-SPARQL, once per graph ------------------------------------------------------------------
class Lookup(Protocol):
    """What the evaluator needs from a graph besides running a query."""

    def subjects(self, predicate: Node, obj: Node | None) -> Iterable[Node]: ...

    def objects(self, subject: Node | None, predicate: Node) -> Iterable[Node]: ...


def focus_nodes(data: Lookup, targets: Iterable[tuple[URIRef, Node]]) -> set:
    """The focus nodes of a shape's targets (sh:targetClass follows rdfs:subClassOf in the data)."""
    out: set = set()
    for kind, obj in targets:
        if kind == SH.targetNode:
            out.add(obj)
        elif kind == SH.targetClass:
            classes, todo = set(), [obj]
            while todo:
                c = todo.pop()
                if c not in classes:
                    classes.add(c)
                    todo.extend(data.subjects(RDFS.subClassOf, c))
            for c in classes:
                out.update(data.subjects(RDF.type, c))
        elif kind == SH.targetSubjectsOf:
            out.update(data.subjects(obj, None))
        elif kind == SH.targetObjectsOf:
            out.update(data.objects(None, obj))
    return out


_PLACEHOLDER = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


def rule_results(rule: SparqlRule, rows: Iterable[dict[str, Node]], focus: set) -> list[RawResult]:
    """One result per solution whose $this is a focus node of the rule's shape; {?var} in the
    messages filled from the solution, as pyshacl and rudof do."""
    out = []
    for row in rows:
        this = row.get("this")
        if this is None or this not in focus:
            continue
        path = row.get("path")
        messages = tuple(Literal(_PLACEHOLDER.sub(lambda m: str(row[m.group(1)]) if m.group(1) in row
                                                  else m.group(0), str(msg)), lang=msg.language)
                         for msg in rule.messages)
        out.append(RawResult(focus=this, shape=rule.shape, component=SH.SPARQLConstraintComponent,
                             severity=rule.severity, path=path if isinstance(path, URIRef) else rule.path,
                             value=row.get("value", this), messages=messages))
    return out


def sparql_results_rdflib(data: Graph, rules: Iterable[SparqlRule]) -> list[RawResult]:
    """The SHACL-SPARQL rules over an rdflib graph, each query once."""
    from rdflib.plugins.sparql import prepareQuery
    out = []
    for rule in rules:
        try:
            # prepared without the data graph's namespaces: only the prefixes the shape declares
            result = data.query(prepareQuery(rule.query))
        except Exception as exc:
            raise ShapesError(f"{rule.shape}: its sh:select does not run: {str(exc).splitlines()[0][:200]}") \
                from None
        names = [str(v) for v in result.vars]
        rows = ({n: row[i] for i, n in enumerate(names) if row[i] is not None} for row in result)
        out += rule_results(rule, rows, focus_nodes(data, rule.targets))
    return out


# --- terms between rdflib and pyoxigraph -----------------------------------------------------------
