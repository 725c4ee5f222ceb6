"""OWL 2 RL rules (the owlrl package) over rdflib, no Java: for graphs too big for a DL reasoner.

Same class memberships as HermiT for everything RL can express (the CLI's `reason` help says what it
cannot); finds only the clashes its rules detect.
"""
from __future__ import annotations

from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from policykg.errors import ReasonerUnavailableError

_SAME_AS = OWL.sameAs  # rdflib's namespace attribute lookup is slow in a loop run 10^5 times


def _engine() -> type:
    import owlrl

    class RL(owlrl.OWLRL_Semantics):
        """owlrl's OWL 2 RL rules without eq-ref (x owl:sameAs x for every term).

        Those reflexive triples are true of everything and lead nowhere (eq-rep over x = x adds
        nothing), but owlrl stores three per triple and revisits them in every cycle, which made the
        pass ~3x slower.  The one clash eq-ref takes part in, x owl:differentFrom x, is checked
        directly in `closure`."""

        def store_triple(self, t: tuple[Any, Any, Any]) -> None:
            if t[1] == _SAME_AS and t[0] == t[2]:
                return
            super().store_triple(t)

    return RL


def closure(ontology: Graph, data: Graph) -> tuple[Graph, list[str]]:
    """OWL 2 RL closure of ontology + data (owlrl), and the clash messages its rules raised."""
    try:
        engine_class = _engine()
    except ImportError:
        raise ReasonerUnavailableError("the rl reasoner needs the owlrl package: pip install owlrl") from None
    g = Graph()
    g += ontology
    g += data
    engine = engine_class(g, False, False, rdfs=False)
    engine.closure()
    errors = list(engine.error_messages)
    errors += [f"{x} is declared owl:differentFrom itself" for x, y in g.subject_objects(OWL.differentFrom) if x == y]
    for node in list(g.subjects(RDF.type, URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage"))):
        g.remove((node, None, None))
    return g, errors
