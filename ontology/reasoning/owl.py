"""How the OWL reasoners (HermiT, Pellet, OWL RL) are run: one plan graph at a time, each with the
shared nodes it reaches, every plan checked before an inconsistency is raised, so one run reports
them all.

Why per plan: HermiT grows about N^1.7 with the graph, and the units a plan names are shared between
the plans of a region: a unit is a pkg:LeadUnit in the inferred graph of each plan where it leads a
task.
"""
from __future__ import annotations

import time
from typing import Any, Callable

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from policykg.errors import ReasonerUnavailableError, ReasoningError
from policykg.graph.vocab import inferred_graph_iri
from policykg.ontology import load_ontology
from policykg.ontology.reasoning.diagnosis import diagnose, functional_conflicts
from policykg.ontology.reasoning.inferred import Kit, inferred_triples
from policykg.ontology.reasoning.inputs import as_dataset, data_nodes, work_units
from policykg.ontology.reasoning.results import Inconsistency, ReasoningResult
from policykg.ontology.reasoning.rl import closure as rl_closure

#: one plan graph (with its context) -> its inferred triples, or why it is inconsistent;
#: called as (kit, data, reasoner name, graph name for the report)
PlanReasoner = Callable[[Kit, Graph, str, str], "Graph | Inconsistency"]
#: a DL reasoner's class memberships of the data nodes, None if the graph is inconsistent
Classify = Callable[[Graph, Graph, set[URIRef]], "set[tuple[URIRef, URIRef]] | None"]


def reason_plans(source: Any, per_plan: bool, *, reasoner: str, one: PlanReasoner) -> ReasoningResult:
    """Run `one` over each plan graph of `source` (or over all of it, per_plan False); raises
    ReasoningError naming every inconsistent plan graph."""
    started = time.monotonic()
    dataset = as_dataset(source)
    kit = Kit(load_ontology())
    inferred: dict[URIRef, Graph] = {}
    sources: dict[URIRef, URIRef] = {}
    problems: list[Inconsistency] = []
    for asserted_name, data in work_units(dataset, per_plan):
        name = inferred_graph_iri(asserted_name)
        outcome = one(kit, data, reasoner, str(asserted_name or "(whole graph)"))
        if isinstance(outcome, Inconsistency):
            problems.append(outcome)
            continue
        inferred[name] = outcome
        sources[name] = asserted_name if asserted_name is not None else name
    if problems:
        head = (f"{len(problems)} graph(s) inconsistent with the ontology; "
                f"fix the facts below (or the document lines they came from)")
        raise ReasoningError(head + "\n" + "\n".join(p.text() for p in problems), problems)
    return ReasoningResult(dataset, inferred, sources, reasoner, time.monotonic() - started)


def dl(classify: Classify) -> PlanReasoner:
    """A DL reasoner (HermiT, Pellet) as a PlanReasoner: its class memberships, the links of the
    property rules; when it finds the graph inconsistent, the culprits named with the RL rules (without
    owlrl, with the property rules and Pellet's explanation alone)."""
    def one(kit: Kit, data: Graph, reasoner: str, graph_name: str) -> Graph | Inconsistency:
        nodes = data_nodes(data, kit.ontology)
        logic_data = kit.relevance.filter(data)
        found = classify(kit.logic, logic_data, nodes)
        if found is None:
            try:
                closure, errors = rl_closure(kit.logic, logic_data)
            except ReasonerUnavailableError:
                closure, errors = kit.axioms.closure(logic_data), []
            return diagnose(graph_name, reasoner, kit, data, logic_data, closure, errors, explain=True)
        return inferred_triples(kit.ontology, data, nodes, found, kit.axioms.closure(logic_data))
    return one


def rl_plan(kit: Kit, data: Graph, reasoner: str, graph_name: str) -> Graph | Inconsistency:
    """The OWL 2 RL rules as a PlanReasoner: memberships and links from one closure."""
    nodes = data_nodes(data, kit.ontology)
    logic_data = kit.relevance.filter(data)
    closure, errors = rl_closure(kit.logic, logic_data)
    # two different data values of a functional data property (prp-fp then dt-diff): owlrl
    # cannot state owl:sameAs between literals, so it never sees this clash; check it here
    if errors or functional_conflicts(kit.ontology, closure, nodes, data_only=True):
        return diagnose(graph_name, reasoner, kit, data, logic_data, closure, errors, explain=False)
    return inferred_triples(kit.ontology, data, nodes, set(closure.subject_objects(RDF.type)), closure)
