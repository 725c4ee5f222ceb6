"""OWL reasoning over plan graphs: what the ontology lets us conclude beyond what the loaders wrote.

Why: the loaders assert facts as printed (a task's lead unit, an indicator's 属性); the ontology's
defined classes (pkg:OwnedTask, pkg:LeadUnit, pkg:MeasurableTask, pkg:BindingIndicator), inverse
properties (pkg:leads, pkg:supports, pkg:responsibleFor) and part-of chains turn them into answers a
query can count, and its disjointness and functional axioms catch facts that cannot all be true.
`reason()` runs a reasoner per plan graph, keeps what it inferred in named graphs of their own (so
asserted and inferred never mix) and reports an inconsistency in plain words, down to the document
line each culprit came from.

The reasoners (`REASONERS`, registry.py), one module each:

* ``hermit`` (default; hermit.py) - OWL 2 DL, complete, the HermiT owlready2 bundles; one run per plan.
* ``pellet`` (pellet.py) - OWL 2 DL, the Pellet owlready2 bundles, through its OWL API loader.
* ``rl`` (rl.py) - OWL 2 RL rules (the owlrl package) over rdflib, no Java; finds only the clashes its
  rules detect.
* ``sparql`` (sparql.py) - the rule documents ontology/rules/*.rq run inside Oxigraph over every plan
  graph at once: seconds for a national store, where the others take hours.  It infers only the
  compared set below and checks no consistency (use hermit or rl per plan).

The rest, a module each: results.py (`ReasoningResult`, `Inconsistency` and what they print),
inputs.py (which graphs are plans, each plan with the shared nodes it reaches, the `--plan` filter, the
triples that can have a logical consequence), owl.py (the per-plan run of the OWL reasoners),
inferred.py (what of their answer is written), diagnosis.py (naming the culprits of an
inconsistency), stores.py (a store or a dataset as the input, inferred graphs written into a store).

What the reasoners are compared on (tests/ontology/): the members of the five defined classes
(`SUMMARY_CLASSES`) and the links of `LINK_PROPERTIES`, each only where not asserted.  On graphs as
policykg builds them (every node typed) that is everything hermit and rl infer, and the sparql rules
give exactly the same triples (the corpus, and 100 generated plans: 8,418 triples, 0.8 s against
rl's 94 s).  On hand-made graphs hermit and rl also type untyped nodes from domains and ranges
(pkg:Task, pkg:Organization …) and rl merges the two values of a functional property (owl:sameAs);
the rules do neither, though they do use the domains and ranges that decide a defined class.

What is written (`ReasoningResult.inferred`): one inferred graph per plan graph,
``…/id/graph/inferred/plan/<path>`` beside ``…/id/graph/plan/<path>``; a graph without per-plan named
graphs (a .ttl file) gets ``…/id/graph/inferred``.  Per plan, because units are shared between the
plans of a region: a unit is a pkg:LeadUnit in the inferred graph of each plan where it leads a task.
"""
from __future__ import annotations

from policykg.graph.vocab import inferred_graph_iri
from policykg.ontology.reasoning.inferred import CROSS_DEPARTMENT_RULE, LINK_PROPERTIES
from policykg.ontology.reasoning.registry import REASONERS, Reasoner, reason
from policykg.ontology.reasoning.results import (SUMMARY_CLASSES, Clash, Inconsistency, ReasoningResult,
                                                 SourceLine)
from policykg.ontology.reasoning.stores import not_a_store, reason_over, store_inferred

__all__ = ["REASONERS", "Reasoner", "LINK_PROPERTIES", "SUMMARY_CLASSES", "CROSS_DEPARTMENT_RULE", "Clash",
           "SourceLine", "Inconsistency", "ReasoningResult", "reason", "reason_over", "not_a_store",
           "inferred_graph_iri", "store_inferred"]
