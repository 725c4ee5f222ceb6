"""HermiT (OWL 2 DL, complete; the default reasoner): class memberships of one plan graph's nodes.

The ontology and the plan graph are converted with rdflib to N-Triples (owlready2's reasoners read
N-Triples or RDF/XML, not Turtle) and classified by the HermiT that owlready2 bundles, with
owlready2's Java settings and its ignore-unsupported-datatypes option (xsd:gYear, xsd:date).  HermiT
grows about N^1.7 with the graph, hence one run per plan.  Not through owlready2's
sync_reasoner_hermit: see `classify`.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

from rdflib import Graph, URIRef

from policykg.errors import ReasonerUnavailableError
from policykg.ontology import java
from policykg.ontology.reasoning.inputs import declared

_HERMIT_LINE = re.compile(r"^(SubClassOf|EquivalentClasses|Type)\( ((?:<[^>]+>\s*)+)\)\s*$", re.MULTILINE)


def classify(ontology: Graph, data: Graph, nodes: set[URIRef]) -> set[tuple[URIRef, URIRef]] | None:
    """Class memberships of the data nodes by HermiT; None if the graph is inconsistent.

    The HermiT is the one owlready2 bundles, run the way owlready2's sync_reasoner_hermit runs it
    (same jar, Java executable and memory limit, N-Triples input, ignore-unsupported-datatypes),
    but asked only to classify classes and realize individuals (-c -I): owlready2 always adds the
    object and data property classification (-O -D), which took two thirds of the time and which
    nothing here uses, and its World round trip adds nothing when the answer is read back as IRIs."""
    with tempfile.TemporaryDirectory(prefix="policykg-hermit-") as tmp:
        path = Path(tmp) / "input.nt"
        declared(ontology, data, nodes).serialize(destination=path, format="nt", encoding="utf-8")
        command = [java.command(), java.memory_flag(), "-cp", _classpath(), "org.semanticweb.HermiT.cli.CommandLine",
                   "-c", "-I", "--ignoreUnsupportedDatatypes", path.as_uri()]
        run = subprocess.run(command, capture_output=True, check=False)
    out = run.stdout.decode("utf-8", "replace")
    err = run.stderr.decode("utf-8", "replace")
    if run.returncode != 0:
        if "Inconsistent ontology" in out + err or "InconsistentOntologyException" in out + err:
            return None
        raise ReasonerUnavailableError(f"HermiT failed: {java.message(err or out)}; try --reasoner rl")
    supers: dict[URIRef, set[URIRef]] = defaultdict(set)
    direct: set[tuple[URIRef, URIRef]] = set()
    for relation, iris in _HERMIT_LINE.findall(out):
        terms = [URIRef(i) for i in iris.strip()[1:-1].split("> <")]
        if relation == "SubClassOf":
            supers[terms[0]].add(terms[1])
        elif relation == "EquivalentClasses":
            for a in terms:
                supers[a].update(b for b in terms if b != a)
        else:
            direct.add((terms[0], terms[1]))
    return {(node, sup) for node, cls in direct for sup in _ancestors(cls, supers)}


def _ancestors(cls: URIRef, supers: dict[URIRef, set[URIRef]]) -> set[URIRef]:
    seen, todo = set(), [cls]
    while todo:
        c = todo.pop()
        if c not in seen:
            seen.add(c)
            todo.extend(supers.get(c, ()))
    return seen


def _classpath() -> str:
    import owlready2
    here = Path(owlready2.__file__).parent / "hermit"
    return os.pathsep.join([str(here), str(here / "HermiT.jar")])
