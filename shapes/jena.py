"""Apache Jena's jena-shacl as the third SHACL engine: Debian's libapache-jena-java run as its `shacl
validate` command, one JVM per batch of plans, an implementation independent of pyshacl and rudof
that the tests hold them to."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from policykg.shapes.results import SH, EngineError, PreparedShapes, RawResult, unname

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
            focus=focus, shape=unname(str(shape)) if isinstance(shape, URIRef) else shape,
            component=report.value(r, SH.sourceConstraintComponent),
            severity=report.value(r, SH.resultSeverity) or SH.Violation,
            path=path if isinstance(path, URIRef) else None, value=value,
            messages=tuple(sorted((m for m in report.objects(r, SH.resultMessage) if isinstance(m, Literal)),
                                  key=lambda m: (m.language or "", str(m))))))
    return out
