"""The reasoners by name (`REASONERS`, what `policykg reason --reasoner` offers) and `reason`, the one
entry point that runs any of them over a graph.

Why a registry: the CLI's choices, the API and the error for an unknown name all read this one table,
and a reasoner is added here, beside the others, without touching its callers.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Literal as TypingLiteral

from policykg.errors import ReasonerUnavailableError
from policykg.ontology import java
from policykg.ontology.reasoning.hermit import classify as hermit
from policykg.ontology.reasoning.owl import dl, reason_plans, rl_plan
from policykg.ontology.reasoning.pellet import classify as pellet
from policykg.ontology.reasoning.results import ReasoningResult
from policykg.ontology.reasoning.sparql import reason_all

ReasonerName = TypingLiteral["hermit", "pellet", "rl", "sparql"]


@dataclass(frozen=True)
class Reasoner:
    """One entry of REASONERS: how it runs over a source, and whether it needs a Java runtime."""

    name: str
    run: Callable[[Any, bool], ReasoningResult]  # (source, per_plan) -> the inferred graphs
    needs_java: bool = False


#: every reasoner, by the name `reason(reasoner=...)` and `policykg reason --reasoner` take
REASONERS: dict[str, Reasoner] = {r.name: r for r in (
    Reasoner("hermit", partial(reason_plans, reasoner="hermit", one=dl(hermit)), needs_java=True),
    Reasoner("pellet", partial(reason_plans, reasoner="pellet", one=dl(pellet)), needs_java=True),
    Reasoner("rl", partial(reason_plans, reasoner="rl", one=rl_plan)),
    Reasoner("sparql", reason_all),
)}


def reason(source: Any, *, reasoner: ReasonerName = "hermit", per_plan: bool = True) -> ReasoningResult:
    """Reason over `source` (rdflib Dataset or Graph, a GraphStore, or a graph file path).

    Raises ReasoningError (exit code 1) naming the individuals, axioms and source lines if any plan
    graph is inconsistent (every plan is checked first, so one run reports them all), and
    ReasonerUnavailableError if the reasoner cannot run (no Java: use reasoner="rl")."""
    entry = REASONERS.get(reasoner) if isinstance(reasoner, str) else None
    if entry is None:
        raise ReasonerUnavailableError(f"unknown reasoner {reasoner!r}; use one of {', '.join(REASONERS)}")
    if entry.needs_java:
        java.require(reasoner)
    return entry.run(source, per_plan)
