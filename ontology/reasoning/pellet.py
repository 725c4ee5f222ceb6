"""Pellet (OWL 2 DL, complete; a second opinion on HermiT's answers), and its explanation of an
inconsistency, which the report of any reasoner quotes when Java can run it.

The Pellet that owlready2 bundles, run through its command line with the OWL API loader on RDF/XML:
owlready2's own `sync_reasoner_pellet` loads through a Jena build that needs Java 25 or newer (class
file 69), the OWL API loader works on any Java from 8 on.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from rdflib import Graph, URIRef

from policykg.errors import ReasonerUnavailableError
from policykg.ontology import java
from policykg.ontology.reasoning.inputs import declared

#: a line of Pellet's realization tree: indent, class (or "A = B" for equivalent classes), instances
_TREE_LINE = re.compile(r"^( *)(\S+(?: = \S+)*)(?: - \((.*)\))?\s*$")


def classify(ontology: Graph, data: Graph, nodes: set[URIRef]) -> set[tuple[URIRef, URIRef]] | None:
    """Class memberships by Pellet `realize` (OWL API loader, RDF/XML); None if inconsistent."""
    with tempfile.TemporaryDirectory(prefix="policykg-pellet-") as tmp:
        path = Path(tmp) / "input.owl"
        declared(ontology, data, nodes).serialize(destination=path, format="xml")
        run = _run(["realize", "--loader", "OWLAPI", "--ignore-imports"], path)
    out = run.stdout.decode("utf-8", "replace")
    err = run.stderr.decode("utf-8", "replace")
    if run.returncode != 0:
        if "inconsistent" in (out + err).lower():
            return None
        raise ReasonerUnavailableError(f"Pellet failed: {java.message(err or out)}; try --reasoner hermit or rl")
    types: set[tuple[URIRef, URIRef]] = set()
    stack: list[tuple[int, list[URIRef]]] = []
    for line in out.splitlines():
        m = _TREE_LINE.match(line)
        if not m or "://" not in m.group(2):
            continue
        depth, classes = len(m.group(1)), [URIRef(c) for c in m.group(2).split(" = ")]
        while stack and stack[-1][0] >= depth:
            stack.pop()
        stack.append((depth, classes))
        for ind in (m.group(3) or "").split(", "):
            if ind and "://" in ind:
                types.update((URIRef(ind), c) for _, level in stack for c in level)
    return types


def explanation(ontology: Graph, data: Graph, nodes: set[URIRef], limit: int = 60) -> str:
    """Pellet's `explain --inconsistent` (the explanation owlready2 offers), or "" if it cannot run."""
    try:
        with tempfile.TemporaryDirectory(prefix="policykg-explain-") as tmp:
            path = Path(tmp) / "input.nt"
            declared(ontology, data, nodes).serialize(destination=path, format="nt", encoding="utf-8")
            run = _run(["explain", "--ignore-imports", "--inconsistent", "--max", "3"], path, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    text = run.stdout.decode("utf-8", "replace")
    if "Explanation" not in text:
        return ""
    body: list[str] = []
    for line in text[text.index("Explanation"):].splitlines()[1:]:
        if not line.strip():
            continue
        last = re.sub(r"^\s*\d+\)", "", body[-1]) if body else ""  # without the "1)" numbering
        if last.count("(") > last.count(")"):  # an axiom Pellet wrapped over several lines
            body[-1] += " " + line.strip()
        else:
            body.append(line.rstrip())
    return "\n".join(body[:limit] + (["…"] if len(body) > limit else []))


def _classpath() -> str:
    import owlready2
    jars = Path(owlready2.__file__).parent / "pellet"
    return os.pathsep.join(str(p) for p in sorted(jars.glob("*.jar")))


def _run(args: list[str], path: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    command = [java.command(), java.memory_flag(), "-cp", _classpath(), "pellet.Pellet", *args, str(path)]
    return subprocess.run(command, capture_output=True, timeout=timeout, check=False)
