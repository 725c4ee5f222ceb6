"""Four SHACL engines behind one result record, and the SHACL-SPARQL rules evaluated once per batch.

pyshacl (Python, over rdflib graphs) is the reference engine; rudof (pyrudof, Rust) validates the
same shapes many times faster, and shacl-rust (PyPI shacl-rust, Rust, another implementation) about
three times faster than rudof again; Apache Jena's jena-shacl (Java, Debian's libapache-jena-java, run as
its `shacl validate` command, one JVM per batch of plans) is a third, independent implementation the
tests hold the others to.  All results become `RawResult`s: the focus node, source shape,
constraint component, severity, path and value of one sh:ValidationResult, as rdflib terms, so the
audit turns any of them into the same findings.

SHACL-SPARQL constraints (sh:sparql) are what make pyshacl slow: it runs the SELECT once per focus
node (~5 ms each).  Except in pyshacl's reference run, each such SELECT runs once over the whole
graph with `$this` left unbound (`sparql_results_rdflib` over an rdflib graph, `run_rudof(...,
sparql=True)` in rudof's query engine, `sparql_results_oxigraph` for Jena and shacl-rust), which returns every violating focus node at once; the rows
are then kept for the shape's own focus nodes, as pre-binding `$this` would.  This is exact for
queries whose `$this` only occurs in basic graph patterns and filters (no sub-SELECT, MINUS or
EXISTS over it), which holds for the shipped rules (shapes/indicators.ttl says so where they are).
The engines are thus handed the Core shapes only (`PreparedShapes.core`); for Jena that is also a
need: Jena 4.5 refuses a SPARQL constraint with more than one sh:message, and every shipped rule
has two (Chinese and English).

Here: the registry and pyshacl, rudof and shacl-rust; the records every engine returns are in results.py, Jena in
jena.py, the batch evaluation of the SPARQL constraints in sparql_constraints.py (re-exported here).
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

# the records and the other engines, re-exported: callers import every engine's name from here
from policykg.shapes.jena import JENA_VERSION, jena_command, run_jena  # noqa: F401
from policykg.shapes.results import (ANON, SH, EngineError, PreparedShapes, RawResult,  # noqa: F401
                                     ShapesError, SparqlRule, nt_term, result_path, term, unname)
from policykg.shapes.sparql_constraints import (focus_nodes, rule_results,  # noqa: F401
                                                sparql_results_oxigraph, sparql_results_rdflib)

ENGINES = ("pyshacl", "rudof", "jena", "shacl-rust")
#: the pyrudof release the rudof engine is tested with (pyproject.toml pins it)
RUDOF_VERSION = "0.3.35"
#: the shacl-rust releases the shacl-rust engine is tested with (pyproject.toml asks for them)
SHACL_RUST_VERSIONS = ">=0.2.12,<0.3"
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


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
    if engine == "shacl-rust":
        try:
            import shacl_rust  # noqa: F401
        except ImportError:
            raise EngineError(f"the shacl-rust engine needs shacl-rust: pip install "
                              f"'shacl-rust{SHACL_RUST_VERSIONS}'") from None


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
    name = {b: URIRef(ANON + str(b)) for b in anon}
    out = Graph()
    for prefix, ns in g.namespaces():
        out.bind(prefix, ns, override=True, replace=True)
    for s, p, o in g:
        out.add((name.get(s, s), p, name.get(o, o)))
    return out


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
    return _rudof_results(session, report, prepared, sparql)


class RudofBatches:
    """A rudof session of its own that keeps `base` (the ontology, as N-Triples) loaded and validates
    each batch in a staging frame over it, rolled back after the batch: the same results as
    `run_rudof(batch + base, prepared, sparql=True)`.

    Why: replacing rudof's data (`read_data(merge=False)`, or after `reset_data`) costs ~0.1 s a call
    whatever the size of the data, and the base was parsed again with every batch; data added in a
    frame and rolled back costs neither, which also makes small batches cheap (rudof's validation
    takes less time a plan on small batches: 40 real-size plans in batches of 5 took 0.75 CPU s,
    in one batch 1.3)."""

    def __init__(self, prepared: PreparedShapes, base: str) -> None:
        import pyrudof
        self.prepared, self.base = prepared, base
        self.session = pyrudof.Rudof(pyrudof.RudofConfig())
        try:
            self.session.read_shacl(prepared.named_text, format=pyrudof.ShaclFormat.Turtle)
        except Exception as exc:  # pyrudof raises its own error types
            raise EngineError(f"rudof rejected the shapes: {str(exc).splitlines()[0][:300]}") from None
        if base:  # (rudof refuses empty data, and a frame needs data to open over)
            self._read(base)

    def _read(self, ntriples: str, *, merge: bool = False) -> None:
        import pyrudof
        self.session.read_data(ntriples, format=pyrudof.RDFFormat.NTriples, merge=merge,
                               reader_mode=pyrudof.ReaderMode.Strict)

    def run(self, ntriples: str) -> list[RawResult]:
        """The batch validated over the base, with the SPARQL rules run once each."""
        if not self.base:
            return run_rudof(ntriples, self.prepared, sparql=True)
        self.session.begin_staging()
        try:
            try:
                if ntriples:  # (an empty text is refused; the base alone is then validated)
                    self._read(ntriples, merge=True)
                report = self.session.validate_shacl()
            except Exception as exc:
                raise EngineError(f"rudof could not validate the graph: {str(exc).splitlines()[0][:300]}") from None
            return _rudof_results(self.session, report, self.prepared, True)
        finally:
            self.session.rollback_staging()


def _rudof_results(session: Any, report: Any, prepared: PreparedShapes, sparql: bool) -> list[RawResult]:
    """rudof's violations as results, and with `sparql` the SPARQL rules' results over its data."""
    prefixes = dict(session.prefixes())
    out = []
    for v in report.violations:
        severity = v.severity
        out.append(RawResult(
            focus=term(v.focus_node, prefixes), shape=unname(v.source_shape),
            component=URIRef(v.constraint_component) if v.constraint_component else None,
            severity=SH[severity] if severity in ("Violation", "Warning", "Info") else URIRef(severity),
            path=result_path(v.path), value=term(v.value, prefixes) if v.value is not None else None))
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
        return [{n: nt_term(t) for n, t in zip(names, row) if t is not None} for row in result.rows]

    def _column(self, query: str) -> list[Node]:
        return [row["n"] for row in self.rows(query) if "n" in row]

    def subjects(self, predicate: Node, obj: Node | None) -> list[Node]:
        o = obj.n3() if obj is not None else "?o"
        return self._column(f"SELECT DISTINCT ?n WHERE {{ ?n {predicate.n3()} {o} }}")

    def objects(self, subject: Node | None, predicate: Node) -> list[Node]:
        s = subject.n3() if subject is not None else "?s"
        return self._column(f"SELECT DISTINCT ?n WHERE {{ {s} {predicate.n3()} ?n }}")


# --- shacl-rust ---------------------------------------------------------------------------------
#: shacl-rust's "experimental interned index" for the data graph, off.  With it the audit shapes
#: gave the same results as without it, as rudof and as pyshacl (the 5 corpus plans, 269 results;
#: 100 generated real-size plans, 5,925; damaged copies of the corpus batch where every shape
#: fires, 570-649 each) and took less CPU (100 plans in batches of 20, Core shapes: 0.61 s against
#: 0.96 s without it, rudof 2.85 s).  But its maker calls it experimental, and the whole store audit
#: gains little from it: `audit_store` of those 100 plans in one process took 3.83-4.01 CPU s with
#: it, 4.17-4.38 without it, 5.78-6.23 with rudof (three runs each).  So the default path is kept.
SHACL_RUST_INDEX = False


def run_shacl_rust(ntriples: str, prepared: PreparedShapes) -> list[RawResult]:
    """Validate N-Triples with shacl-rust against the Core shapes (anonymous shapes named, as rudof
    reads them: shacl-rust renames the shapes graph's blank nodes in its report).  shacl-rust has
    no compiled-shapes API: the shapes (13 kB of Turtle) are parsed with every call, ~1 ms.

    Its own sh:sparql support leaves sh:value out of the results, so the SPARQL rules are never
    handed to it: callers run them once per batch (`sparql_results_oxigraph` / `_rdflib`).  Its
    messages are its own English, not the shapes' sh:message, so they are not read back (as for
    rudof, the findings take the shape's bilingual sh:message)."""
    import shacl_rust
    try:
        report = shacl_rust.validate(ntriples, prepared.named_text, data_format="nt", shapes_format="turtle",
                                     experimental_index=SHACL_RUST_INDEX)
    except Exception as exc:  # shacl-rust raises ValueError on a parse error, maybe others
        raise EngineError(f"shacl-rust could not validate the graph: {str(exc).splitlines()[0][:300]}") from None
    return [_shacl_rust_result(r) for r in report["results"]]


def _shacl_rust_result(r: dict[str, Any]) -> RawResult:
    """One result of shacl-rust's report dict; its terms are in N-Triples syntax, a complex path
    as `<a> / <b>` and the like (left out, as for the other engines)."""
    path, value = r.get("resultPath"), r.get("value")
    return RawResult(focus=nt_term(r["focusNode"]), shape=unname(_shape_name(r["sourceShape"])),
                     component=nt_term(r["sourceConstraintComponent"]), severity=nt_term(r["severity"]),
                     path=result_path(path) if path and " " not in path else None,
                     value=nt_term(value) if value is not None else None)


def _shape_name(text: str) -> str:
    """A source shape as `unname` reads it: the IRI (named anonymous shapes included), or _:label."""
    return text[1:-1] if text.startswith("<") and text.endswith(">") else text
