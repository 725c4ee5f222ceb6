"""What the exports read from a graph: plans, tasks, responsibilities, units, indicators, triples.

The network views need node identities (IRIs: two regions each have a 区残疾人联合会) and raw values,
which the research queries in `queries/` deliberately hide behind labels and "|"-joined lists.  So
the exports read through their own SELECTs, kept here as module constants: they are internal
projections, not research questions.  Everything goes through `GraphStore.select`, so the exports
work on any store that answers SPARQL.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from rdflib import URIRef
from rdflib.namespace import RDF

from policykg.errors import QueryError
from policykg.graph.store import GraphStore

_RDF_TYPE = str(RDF.type)

_PREFIXES = """PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
"""

#: every plan with its document and region (plans are found through their source document)
PLANS = _PREFIXES + """
SELECT ?plan ?title ?doc ?region WHERE {
  ?plan prov:wasDerivedFrom ?d .
  ?d pkg:fileName ?doc .
  OPTIONAL { ?plan dcterms:title ?title }
  OPTIONAL { ?plan pkg:region ?r . ?r skos:prefLabel ?region }
}"""

#: every task as the `tasks` library query selects them (a task listed under a section)
TASKS = _PREFIXES + """
SELECT ?task ?plan ?section ?no ?title ?text ?line ?order WHERE {
  ?task pkg:inSection ?s ;
        a pkg:Task ;
        pkg:inPlan ?plan ;
        pkg:number ?no ;
        pkg:title ?title ;
        pkg:orderIndex ?order ;
        pkg:sourceLocation ?loc .
  ?loc pkg:line ?line .
  ?s pkg:title ?section .
  OPTIONAL { ?task pkg:fullText ?text }
}"""

#: one row per (task, unit, role): the direct responsibility properties
ROLES = _PREFIXES + """
SELECT ?task ?unit ?role WHERE {
  { ?task pkg:leadUnit ?unit . BIND("lead" AS ?role) }
  UNION
  { ?task pkg:supportingUnit ?unit . BIND("support" AS ?role) }
}"""

#: measurable targets a task states itself, and the indicators that measure it (where the graph has them)
TASK_TARGETS = _PREFIXES + """
SELECT ?task ?target ?indicator WHERE {
  { ?task pkg:hasTarget ?t . ?t pkg:printed ?target . ?task a pkg:Task . }
  UNION
  { ?task pkg:measuredBy ?i . ?i pkg:title ?indicator .
    OPTIONAL { ?i pkg:hasTarget ?it . ?it pkg:printed ?target } }
}"""

#: every unit with its department type (code, Chinese label) and region
UNITS = _PREFIXES + """
SELECT ?unit ?label ?typeIri ?type ?typeLabel ?region WHERE {
  %(only)s
  ?unit a pkg:Organization ;
        skos:prefLabel ?label .
  OPTIONAL {
    ?unit org:classification ?typeIri .
    ?typeIri skos:notation ?type .
    OPTIONAL { ?typeIri skos:prefLabel ?typeLabel FILTER(LANG(?typeLabel) = "zh") }
  }
  OPTIONAL { ?unit pkg:region ?r . ?r skos:prefLabel ?region }
}"""

#: every indicator with baseline and target as printed (as the `indicators` library query reads them)
INDICATORS = _PREFIXES + """
SELECT ?indicator ?plan ?no ?name ?category ?unit ?baseline ?target ?comparator ?value ?attribute ?line ?order
WHERE {
  ?indicator pkg:inPlan ?plan ;
             a pkg:Indicator ;
             pkg:number ?no ;
             pkg:title ?name ;
             pkg:orderIndex ?order .
  OPTIONAL { ?indicator pkg:sourceLocation ?loc . ?loc pkg:line ?line }
  OPTIONAL { ?indicator pkg:category ?category }
  OPTIONAL { ?indicator pkg:unit ?unit }
  OPTIONAL { ?indicator pkg:hasBaseline ?b . ?b pkg:printed ?baseline }
  OPTIONAL {
    ?indicator pkg:hasTarget ?t .
    MINUS { ?t a pkg:MilestoneTarget }
    ?t pkg:printed ?target .
    OPTIONAL { ?t pkg:value ?value }
    OPTIONAL {
      ?t pkg:comparator ?c .
      VALUES (?c ?comparator) {
        (pkg:greaterThan ">") (pkg:atLeast "≥") (pkg:equalTo "=") (pkg:atMost "≤") (pkg:lessThan "<") (pkg:about "≈")
      }
    }
  }
  OPTIONAL {
    ?indicator pkg:attribute ?a .
    VALUES (?a ?attribute) { (pkg:binding "约束性") (pkg:expected "预期性") }
  }
}"""

#: each indicator's milestones: its values by years between the baseline's and the target's
MILESTONES = _PREFIXES + """
SELECT ?indicator ?year ?printed WHERE {
  ?indicator a pkg:Indicator ;
             pkg:hasTarget ?m .
  ?m a pkg:MilestoneTarget ;
     pkg:year ?year ;
     pkg:printed ?printed .
}"""

#: every triple with its named graph; ?literal tells attributes (literals) from edges (IRIs, blank nodes)
TRIPLES = """
SELECT ?g ?s ?p ?o (isLiteral(?o) AS ?literal) WHERE { GRAPH ?g { ?s ?p ?o } }"""


def rows(store: GraphStore, query: str) -> list[dict[str, Any]]:
    """The result of a SELECT as dicts; unbound values are None."""
    columns, result = store.select(query)
    return [dict(zip(columns, r)) for r in result]


def text(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Plan:
    iri: str
    title: str
    doc: str
    region: str

    @property
    def name(self) -> str:
        """How the plan is shown: its title as printed, else its document."""
        return self.title or self.doc


@dataclass
class Task:
    iri: str
    plan: Plan
    section: str
    number: str
    title: str
    text: str
    line: int
    order: int
    roles: dict[str, set[str]] = field(default_factory=lambda: {"lead": set(), "support": set()})
    targets: set[str] = field(default_factory=set)
    indicators: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Unit:
    iri: str
    label: str
    type_iri: str
    type_code: str
    type_label: str
    region: str


def plans(store: GraphStore) -> list[Plan]:
    found: dict[str, Plan] = {}
    for r in rows(store, PLANS):
        p = Plan(str(r["plan"]), text(r["title"]), text(r["doc"]), text(r["region"]))
        # a plan with several titles or regions: keep the smallest, so the choice is stable
        if p.iri not in found or (p.title, p.region) < (found[p.iri].title, found[p.iri].region):
            found[p.iri] = p
    return sorted(found.values(), key=lambda p: (p.doc, p.iri))


#: how many plans an error about an unmatched --plan names
SHOWN_PLANS = 10


def select_plans(all_plans: list[Plan], plan: str | None) -> list[Plan]:
    """The plans a `plan` filter names: a plan IRI, a document file name or its start ("002"), or
    text contained in the plan's title or equal to its region.  None selects every plan."""
    if plan is None or plan == "":
        return list(all_plans)
    chosen = [p for p in all_plans
              if plan == p.iri or p.doc.startswith(plan) or plan in p.title or plan == p.region]
    if not chosen:
        if not all_plans:
            raise QueryError(f"no plan matches {plan!r}: the graph holds no plan")
        known = "; ".join(f"{p.doc} ({p.name})" for p in all_plans[:SHOWN_PLANS])
        more = len(all_plans) - SHOWN_PLANS
        if more > 0:  # a national store holds thousands: the first few, and where the rest are
            known += f"; … and {more:,} more (`policykg query plan_metadata` lists them all)"
        raise QueryError(f"no plan matches {plan!r}; plans in this graph ({len(all_plans):,}): {known}")
    return chosen


def chosen_iris(store: GraphStore, plan: str) -> set[str]:
    """The IRIs of the plans a `--plan` filter names (what `validate`, `reason` and `export --plan`
    read); naming none is an error that lists some of the plans there are."""
    return {p.iri for p in select_plans(plans(store), plan)}


def choose(store: GraphStore, plan: str | None) -> tuple[GraphStore, list[Plan]]:
    """The plans `plan` names (select_plans), and the store to read them from: seen through their
    graphs alone when they are a few of a store's many (a national store reads one county's plans in
    a fraction of a second, not all 2,800), else the store itself."""
    all_plans = plans(store)
    chosen = select_plans(all_plans, plan)
    if len(chosen) == len(all_plans) or not callable(getattr(store, "plans_scope", None)):
        return store, chosen
    graphs = store.plans_scope(p.iri for p in chosen)
    return (store if graphs is None else store.scoped(graphs)), chosen


def tasks(store: GraphStore, chosen: list[Plan]) -> list[Task]:
    """The chosen plans' tasks in document order, with their units by role and their targets."""
    by_iri = {p.iri: p for p in chosen}
    found: dict[str, Task] = {}
    for r in rows(store, TASKS):
        plan = by_iri.get(str(r["plan"]))
        iri = str(r["task"])
        if plan is None or iri in found:
            continue
        found[iri] = Task(iri, plan, text(r["section"]), text(r["no"]), text(r["title"]), text(r["text"]),
                          int(r["line"]), int(r["order"]))
    for r in rows(store, ROLES):
        t = found.get(str(r["task"]))
        if t is not None:
            t.roles[str(r["role"])].add(str(r["unit"]))
    for r in rows(store, TASK_TARGETS):
        t = found.get(str(r["task"]))
        if t is None:
            continue
        if r["indicator"] is not None:
            t.indicators.add(str(r["indicator"]) + (f"：{r['target']}" if r["target"] is not None else ""))
        elif r["target"] is not None:
            t.targets.add(str(r["target"]))
    return sorted(found.values(), key=lambda t: (t.plan.doc, t.plan.iri, t.line, t.order, t.iri))


#: up to this many units are looked up one by one; more are read in one pass over every unit
UNITS_BY_IRI = 5000


def units(store: GraphStore, tasks: list[Task] | None = None) -> dict[str, Unit]:
    """The units named by `tasks` (or every unit) with label, department type and region.  A few
    plans' units are looked up by IRI: the shared graph holds every plan's units (42k at 2,800 plans)."""
    only = ""
    if tasks is not None:
        wanted = sorted({u for t in tasks for us in t.roles.values() for u in us})
        if not wanted:  # a plan that names no unit (rdflib fails on an empty VALUES block)
            return {}
        if len(wanted) <= UNITS_BY_IRI:
            only = "VALUES ?unit { " + " ".join(URIRef(u).n3() for u in wanted) + " }"
    found: dict[str, Unit] = {}
    for r in rows(store, UNITS % {"only": only}):
        u = Unit(str(r["unit"]), text(r["label"]), text(r["typeIri"]), text(r["type"]), text(r["typeLabel"]),
                 text(r["region"]))
        key = (u.label, u.type_code, u.type_label, u.region)
        if u.iri not in found or key < (found[u.iri].label, found[u.iri].type_code, found[u.iri].type_label,
                                        found[u.iri].region):
            found[u.iri] = u
    return found


def indicators(store: GraphStore, chosen: list[Plan]) -> list[dict[str, Any]]:
    """The chosen plans' indicator rows (one per indicator), in table order; the target the plan's
    end year's, never a milestone, which `milestones` lists (2023年：90, by year, joined with "；";
    empty where the table prints none), as the `indicators` library query does."""
    by_iri = {p.iri: p for p in chosen}
    seen: dict[str, dict[str, Any]] = {}
    milestones: dict[str, list[tuple[int, str]]] = {}
    for r in rows(store, MILESTONES):
        milestones.setdefault(str(r["indicator"]), []).append((int(r["year"]), str(r["printed"])))
    for r in rows(store, INDICATORS):
        plan = by_iri.get(str(r["plan"]))
        if plan is None or str(r["indicator"]) in seen:
            continue
        found = sorted(milestones.get(str(r["indicator"]), []))
        seen[str(r["indicator"])] = dict(r, plan=plan, milestones="；".join(f"{y}年：{v}" for y, v in found))
    return sorted(seen.values(), key=lambda r: (r["plan"].doc, r["plan"].iri, int(r["order"]), str(r["indicator"])))


Triple = tuple[str, str, Any, bool]  # subject, predicate, object, the object is a literal


def triples(store: GraphStore) -> dict[str, list[Triple]]:
    """Named graph IRI -> its triples as (subject, predicate, object, object is a literal)."""
    out: dict[str, list[Triple]] = defaultdict(list)
    for r in rows(store, TRIPLES):
        out[str(r["g"])].append((str(r["s"]), str(r["p"]), r["o"], bool(r["literal"])))
    return out


def all_triples(store: GraphStore) -> set[Triple]:
    return {t for ts in triples(store).values() for t in ts}


#: how many nodes one query looks up when following the chosen plans' links (a VALUES block)
REACH_BATCH = 1000

_OWN_GRAPHS = "SELECT DISTINCT ?g WHERE {{ VALUES ?plan {{ {plans} }} GRAPH ?g {{ ?plan a ?type }} }}"
_TRIPLES_OF = """SELECT ?g ?s ?p ?o (isLiteral(?o) AS ?literal) (isBlank(?s) || isBlank(?o) AS ?blank)
WHERE {{ VALUES ?{key} {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"""


def plan_triples(store: GraphStore, chosen: list[Plan]) -> set[Triple]:
    """The chosen plans' own graphs (those that type a chosen plan), and the other graphs' triples
    about what those reach, following links but not rdf:type.

    The links are followed a batch of nodes at a time, so one county of a national store reads the
    few thousand triples it reaches, not the shared graph's 235k (`export --view full --plan`: 5.4 s
    at 2,800 plans before).  A blank node on the way cannot be looked up by name (policykg mints
    IRIs; an ontology's axioms use blank nodes): then every triple is read and followed in memory,
    which gives the same set."""
    own = {str(r["g"]) for r in rows(store, _OWN_GRAPHS.format(plans=_iris(p.iri for p in chosen)))}
    selected: set[Triple] = set()
    frontier: set[str] = set()
    seen: set[str] = set()
    key, values = "g", sorted(own)
    while values:
        for batch in (values[i:i + REACH_BATCH] for i in range(0, len(values), REACH_BATCH)):
            for r in rows(store, _TRIPLES_OF.format(key=key, values=_iris(batch))):
                if key == "s" and str(r["g"]) in own:
                    continue
                if r["blank"]:
                    return _reach_in_memory(triples(store), chosen)
                t = (str(r["s"]), str(r["p"]), r["o"], bool(r["literal"]))
                selected.add(t)
                if key == "g":
                    frontier.add(t[0])
                if not t[3] and t[1] != _RDF_TYPE:
                    frontier.add(str(t[2]))
        seen.update(values)
        key, values = "s", sorted(frontier - seen)
        frontier = set()
    return selected


def _iris(iris: Iterable[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)


def _reach_in_memory(graphs: dict[str, list[Triple]], chosen: list[Plan]) -> set[Triple]:
    """`plan_triples` over every triple read at once: the chosen plans' own graphs, then what they
    reach in the others."""
    plan_iris = {p.iri for p in chosen}
    own = {g for g, ts in graphs.items() if any(s in plan_iris and p == _RDF_TYPE for s, p, _, _ in ts)}
    selected = {t for g in own for t in graphs[g]}
    by_subject: dict[str, list[Triple]] = defaultdict(list)
    for g, ts in graphs.items():
        if g not in own:
            for t in ts:
                by_subject[t[0]].append(t)
    frontier = {s for s, _, _, _ in selected} | {str(o) for _, p, o, lit in selected if not lit and p != _RDF_TYPE}
    seen: set[str] = set()
    while frontier:
        node = frontier.pop()
        seen.add(node)
        for t in by_subject.get(node, ()):
            selected.add(t)
            if not t[3] and t[1] != _RDF_TYPE and str(t[2]) not in seen:
                frontier.add(str(t[2]))
    return selected
