"""The RDF graph projected into networks people can look at: who is responsible for what, who works
with whom, which plans measure the same thing, and everything.

Each view is a networkx graph whose node and edge attributes are plain strings and numbers (Chinese
labels as printed), so GraphML, GEXF, JSON, DOT, CSV and the HTML page can all hold them.  Nodes and
edges are added in a sorted order, so the same graph always gives the same files.

    responsibility  MultiDiGraph  unit -> task, one edge per (task, unit, role); role = lead | support
    collaboration   Graph         unit - unit, weight = tasks shared (by="type": department types)
    indicators      MultiDiGraph  plan -> indicator, matched across plans by normalised name
    full            MultiDiGraph  every resource; literals become attributes, links become edges

No attribute is called id, key, source, target or type: JSON and GEXF use those names themselves.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from typing import Any, Callable

import networkx as nx
from rdflib import Dataset
from rdflib.namespace import RDF, RDFS, SKOS

from policykg.errors import QueryError
from policykg.graph import vocab as V
from policykg.graph.export import data
from policykg.graph.export.data import Plan, Task, Unit
from policykg.graph.store import GraphStore, MemoryStore

VIEWS = ("responsibility", "collaboration", "indicators", "full")
BY = ("unit", "type")
ROLES = ("lead", "support")


def as_store(source: GraphStore | Dataset) -> GraphStore:
    """A GraphStore for a store or an rdflib Dataset (a BuildResult's `.dataset`)."""
    if isinstance(source, Dataset):
        return MemoryStore(source)
    if not hasattr(source, "select"):
        raise TypeError(f"expected a GraphStore or an rdflib Dataset, not {type(source).__name__}")
    return source


def view(source: GraphStore | Dataset, name: str, *, by: str = "unit", plan: str | None = None) -> nx.Graph:
    """One view of the graph as a networkx graph.

    `plan` keeps only the plans it names (a document file name or its start such as "002", text in a
    plan's title, a region such as 乌达区, or a plan IRI); `by="type"` merges the units of the
    collaboration view by department type, which is how plans of different regions compare."""
    if name not in VIEWS:
        raise QueryError(f"no view named {name!r}; views: {', '.join(VIEWS)}")
    if by not in BY:
        raise QueryError(f"by must be one of {', '.join(BY)}, not {by!r}")
    if by == "type" and name != "collaboration":
        raise QueryError(f"by='type' merges units by department type in the collaboration view; "
                         f"the {name} view keeps units as they are (leave by='unit')")
    store = as_store(source)
    store, chosen = data.choose(store, plan)
    builders: dict[str, Callable[[], nx.Graph]] = {
        "responsibility": lambda: responsibility(store, chosen),
        "collaboration": lambda: collaboration(store, chosen, by),
        "indicators": lambda: indicators(store, chosen),
        "full": lambda: full(store, chosen, everything=plan in (None, "")),
    }
    g = builders[name]()
    g.graph.update(view=name, by=by, plans="|".join(p.name for p in chosen))
    return g


def _joined(values: Any) -> str:
    return "|".join(sorted({str(v) for v in values if v not in (None, "")}))


def _unit_of(units: dict[str, Unit], iri: str) -> Unit:
    """The unit's record; a unit the graph does not describe keeps its IRI as label."""
    return units.get(iri) or Unit(iri, iri.rsplit("/", 1)[-1], "", "", "", "")


def _unit_key(u: Unit) -> tuple[str, str, str]:
    return (u.region, u.label, u.iri)


def _task_attrs(t: Task, units: dict[str, Unit]) -> dict[str, Any]:
    lead = _joined(_unit_of(units, u).label for u in t.roles["lead"])
    support = _joined(_unit_of(units, u).label for u in t.roles["support"])
    owner = "lead" if t.roles["lead"] else ("support only" if t.roles["support"] else "none")
    return {
        "kind": "task", "label": t.title, "title": t.title, "number": t.number, "section": t.section,
        "text": t.text, "plan": t.plan.name, "plans": t.plan.name, "doc": t.plan.doc,
        "region": t.plan.region, "line": t.line, "lead": lead, "support": support,
        "lead_count": len(t.roles["lead"]), "support_count": len(t.roles["support"]),
        "owner_status": owner, "target_status": "measurable" if t.targets or t.indicators else "none",
        "targets": _joined(t.targets), "indicators": _joined(t.indicators),
    }


def _unit_attrs(u: Unit, led: set[str], supported: set[str], plans: set[str]) -> dict[str, Any]:
    return {
        "kind": "unit", "label": u.label, "region": u.region, "dept_type": u.type_code,
        "dept_type_label": u.type_label, "lead_count": len(led), "support_count": len(supported),
        "workload": len(led) + len(supported), "plans": _joined(plans),
    }


class _Load:
    """Tasks a node leads and supports, and the plans it appears in."""

    def __init__(self) -> None:
        self.lead: set[str] = set()
        self.support: set[str] = set()
        self.plans: set[str] = set()
        self.units: set[str] = set()

    def add(self, t: Task, role: str, unit: str) -> None:
        (self.lead if role == "lead" else self.support).add(t.iri)
        self.plans.add(t.plan.name)
        self.units.add(unit)


def _loads(tasks: list[Task], node_of: Callable[[str], str]) -> dict[str, _Load]:
    loads: dict[str, _Load] = defaultdict(_Load)
    for t in tasks:
        for role in ROLES:
            for u in t.roles[role]:
                loads[node_of(u)].add(t, role, u)
    return loads


def responsibility(store: GraphStore, chosen: list[Plan]) -> nx.MultiDiGraph:
    """Units and tasks; an edge unit -> task per responsibility, typed by `role`.  Tasks without any
    unit are kept: they are the tasks that hang alone."""
    tasks = data.tasks(store, chosen)
    units = data.units(store, tasks)
    loads = _loads(tasks, lambda u: u)
    g = nx.MultiDiGraph()
    for iri in sorted(loads, key=lambda i: _unit_key(_unit_of(units, i))):
        g.add_node(iri, **_unit_attrs(_unit_of(units, iri), loads[iri].lead, loads[iri].support, loads[iri].plans))
    for t in tasks:
        g.add_node(t.iri, **_task_attrs(t, units))
    n = 0
    for t in tasks:
        for role in ROLES:
            for u in sorted(t.roles[role], key=lambda i: _unit_key(_unit_of(units, i))):
                n += 1
                g.add_edge(u, t.iri, key=f"e{n}", role=role, plan=t.plan.name)
    return g


def _pairing(a: str, b: str) -> str:
    if a == b == "lead":
        return "lead_lead"
    return "lead_support" if "lead" in (a, b) else "support_support"


def collaboration(store: GraphStore, chosen: list[Plan], by: str = "unit") -> nx.Graph:
    """Unit - unit (or department type - department type) edges weighted by the number of tasks the
    two share.  Within a task a unit that leads counts as lead even if it is also listed as support;
    `lead_lead`, `lead_support` and `support_support` count the tasks by how the two took part and
    add up to `weight`.  With by="type", two units of the same type on one task make no edge."""
    tasks = data.tasks(store, chosen)
    return collaboration_of(tasks, data.units(store, tasks), by)


def collaboration_of(tasks: list[Task], units: dict[str, Unit], by: str = "unit") -> nx.Graph:
    """The collaboration network of these tasks (see `collaboration`)."""
    def node_of(iri: str) -> str:
        if by == "unit":
            return iri
        u = _unit_of(units, iri)
        return u.type_iri or f"{V.ID}department-type/{u.type_code or 'unknown'}"

    loads = _loads(tasks, node_of)
    pairs: dict[tuple[str, str], Counter] = defaultdict(Counter)
    pair_plans: dict[tuple[str, str], set[str]] = defaultdict(set)
    for t in tasks:
        role_of: dict[str, str] = {}
        for role in ("support", "lead"):  # lead last: it wins
            for u in t.roles[role]:
                role_of[node_of(u)] = role
        members = sorted(role_of)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs[(a, b)][_pairing(role_of[a], role_of[b])] += 1
                pair_plans[(a, b)].add(t.plan.name)

    g = nx.Graph()
    if by == "unit":
        for iri in sorted(loads, key=lambda i: _unit_key(_unit_of(units, i))):
            g.add_node(iri, **_unit_attrs(_unit_of(units, iri), loads[iri].lead, loads[iri].support, loads[iri].plans))
    else:
        for iri in sorted(loads):
            load = loads[iri]
            members = [_unit_of(units, u) for u in load.units]
            first = min(members, key=_unit_key)
            g.add_node(iri, kind="department-type", label=first.type_label or first.type_code or "未分类",
                       dept_type=first.type_code, dept_type_label=first.type_label, unit_count=len(members),
                       units=_joined(u.label for u in members), regions=_joined(u.region for u in members),
                       lead_count=len(load.lead), support_count=len(load.support),
                       workload=len(load.lead) + len(load.support), plans=_joined(load.plans))
    for (a, b) in sorted(pairs):
        c = pairs[(a, b)]
        g.add_edge(a, b, weight=sum(c.values()), lead_lead=c["lead_lead"], lead_support=c["lead_support"],
                   support_support=c["support_support"], plans=_joined(pair_plans[(a, b)]))
    return g


_QUOTES = re.compile(r"[\"'“”‘’「」『』《》]")
_TRAILING_BRACKET = re.compile(r"\([^()]{0,8}\)$")


def indicator_key(name: str) -> str:
    """The name under which indicators of different plans are matched: NFKC width folding, no
    spaces, no quotation marks, no trailing bracketed unit such as （%）.  Wording differences are
    kept apart (参保 and 参保率 stay two indicators): nothing is guessed."""
    s = unicodedata.normalize("NFKC", name)
    s = re.sub(r"\s+", "", s)
    s = _QUOTES.sub("", s)
    return _TRAILING_BRACKET.sub("", s) or s


def indicators(store: GraphStore, chosen: list[Plan]) -> nx.MultiDiGraph:
    """Plans and indicators; an edge plan -> indicator per indicator row, carrying baseline and target
    as printed (and the target's parsed comparator and value where it is numeric, and its milestones
    where the table prints any: 2023年：90)."""
    rows = data.indicators(store, chosen)
    names: dict[str, Counter] = defaultdict(Counter)
    plans_of: dict[str, set[str]] = defaultdict(set)
    attributes: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        key = indicator_key(str(r["name"]))
        names[key][str(r["name"])] += 1
        plans_of[key].add(r["plan"].name)
        attributes[key].add(data.text(r["attribute"]))
    g = nx.MultiDiGraph()
    counts = Counter(r["plan"].iri for r in rows)
    for p in chosen:
        g.add_node(p.iri, kind="plan", label=p.name, title=p.title, doc=p.doc, region=p.region,
                   indicator_count=counts[p.iri], plans=p.name)
    for key in sorted(names):
        printed = sorted(names[key].items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))
        g.add_node(f"indicator:{key}", kind="indicator", label=printed[0][0], names=_joined(names[key]),
                   plan_count=len(plans_of[key]), attribute=_joined(attributes[key]), plans=_joined(plans_of[key]))
    for n, r in enumerate(rows, 1):
        attrs: dict[str, Any] = {
            "number": data.text(r["no"]), "name": data.text(r["name"]), "category": data.text(r["category"]),
            "unit": data.text(r["unit"]), "baseline_printed": data.text(r["baseline"]),
            "target_printed": data.text(r["target"]), "target_comparator": data.text(r["comparator"]),
            "attribute": data.text(r["attribute"]), "plan": r["plan"].name,
        }
        if r["milestones"]:  # (an indicator without any has no such attribute, as before)
            attrs["milestones"] = r["milestones"]
        if r["value"] is not None:
            attrs["target_value"] = float(r["value"])
        if r["line"] is not None:
            attrs["line"] = int(r["line"])
        g.add_edge(r["plan"].iri, f"indicator:{indicator_key(str(r['name']))}", key=f"e{n}", **attrs)
    return g


# --- the full graph -----------------------------------------------------------------------------

def curie(iri: str) -> str:
    """pkg:title for https://w3id.org/policykg/ontology#title; the IRI itself if no prefix fits."""
    matches = [(len(str(ns)), prefix, str(ns)) for prefix, ns in V.PREFIXES.items()
               if prefix != "pkgid" and iri.startswith(str(ns))]  # data IRIs stay whole
    if not matches:
        return iri
    _, prefix, ns = max(matches)
    return f"{prefix}:{iri[len(ns):]}"


def _attr_name(predicate: str) -> str:
    """An attribute name every format accepts: pkg_title, rdfs_label, oa_exact."""
    c = curie(predicate)
    if c == predicate:  # a namespace policykg does not know: its local name, marked
        c = "x_" + re.split(r"[#/]", predicate.rstrip("/#"))[-1]
    return re.sub(r"[^0-9A-Za-z_]", "_", c)


def _has_cjk(s: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


def _literal(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, (int, float, str)) else str(value)


def full(store: GraphStore, chosen: list[Plan], everything: bool = True) -> nx.MultiDiGraph:
    """Every resource as a node (attributes: its literal values, keyed like pkg_title; rdf_type; a
    label), every link between resources as an edge whose `predicate` is the property's CURIE.
    rdf:type is an attribute, not an edge to the class."""
    found = data.all_triples(store) if everything else data.plan_triples(store, chosen)
    triples = sorted(found, key=lambda t: (t[0], t[1], str(t[2]), t[3]))
    rdf_type, labels = str(RDF.type), {str(RDFS.label), str(SKOS.prefLabel)}
    attrs: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, set[str]] = defaultdict(set)
    edges: list[tuple[str, str, str]] = []
    for s, p, o, lit in triples:
        attrs[s]  # every subject is a node
        if p == rdf_type and not lit:
            types[s].add(curie(str(o)))
        elif lit:
            attrs[s][p].append(_literal(o))
        else:
            attrs[str(o)]
            edges.append((s, p, str(o)))
    g = nx.MultiDiGraph()
    for node in sorted(attrs):
        values = attrs[node]
        out: dict[str, Any] = {}
        for p in sorted(values):
            vs = sorted(set(values[p]), key=str)
            out[_attr_name(p)] = vs[0] if len(vs) == 1 else "|".join(map(str, vs))
        names = sorted({str(v) for p in labels for v in values.get(p, ())}, key=lambda s: (not _has_cjk(s), s))
        kinds = sorted(types[node])
        pkg_kinds = [k for k in kinds if k.startswith("pkg:")]
        kind = (pkg_kinds or kinds or ["resource"])[0]
        g.add_node(node, kind=kind.split(":", 1)[-1], rdf_type="|".join(kinds),
                   label=names[0] if names else node.rstrip("/#").rsplit("/", 1)[-1], **out)
    for n, (s, p, o) in enumerate(edges, 1):
        g.add_edge(s, o, key=f"e{n}", predicate=curie(p), label=curie(p))
    return g
