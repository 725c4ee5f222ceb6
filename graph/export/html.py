"""One HTML page a person can open directly: the view drawn with vis-network, with search, filters
and a side panel that shows a clicked task's full text, owners, target and source line.

The page is self-contained: vis-network's script and stylesheet are copied in from the `pyvis`
package (which ships them in pyvis/lib/), the graph is embedded as JSON, nothing is fetched from the
network, so it opens offline and can be mailed as one file.  The page itself is the Jinja2 template
page.html.j2 beside this module.
"""
from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from policykg.errors import OutputError

#: the vis-network build pyvis ships (standalone UMD script + its stylesheet)
VIS_DIR = ("lib", "vis-9.1.2")

_HERE = Path(__file__).resolve().parent


@cache
def vis_network() -> tuple[str, str]:
    """vis-network's script and stylesheet, read from the installed pyvis package (not imported:
    importing pyvis pulls in IPython)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise OutputError("the html format needs the pyvis package, which ships vis-network "
                          "(pip install pyvis)")
    folder = Path(list(spec.submodule_search_locations)[0]).joinpath(*VIS_DIR)
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError:
        raise OutputError(f"pyvis is installed but {folder} has no vis-network.min.js; reinstall pyvis") from None
    return js, css


def _inline(text: str) -> str:
    """Text safe inside <script> or <style>: no closing tag can end the element early."""
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style")


def _value(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    return v if isinstance(v, (int, float, str)) or v is None else str(v)


def graph_data(g: nx.Graph) -> dict[str, Any]:
    """The graph as the page's JSON: nodes and edges with their attributes, plus the filter choices."""
    nodes = [dict({k: _value(v) for k, v in d.items()}, id=str(n)) for n, d in g.nodes(data=True)]
    if g.is_multigraph():
        triples = [(u, v, str(k), d) for u, v, k, d in g.edges(keys=True, data=True)]
    else:
        triples = [(u, v, f"e{i}", d) for i, (u, v, d) in enumerate(g.edges(data=True), 1)]
    edges = [dict({a: _value(b) for a, b in d.items()}, id=k, source=str(u), target=str(v))
             for u, v, k, d in triples]
    plans = sorted({p for d in nodes for p in str(d.get("plans", "")).split("|") if p})
    types = sorted({(str(d["dept_type"]), str(d.get("dept_type_label") or d["dept_type"]))
                    for d in nodes if d.get("dept_type")})
    roles = [r for r in ("lead", "support")
             if any(e.get("role") == r for e in edges)
             or (r == "lead" and any(e.get("lead_lead", 0) or e.get("lead_support", 0) for e in edges))
             or (r == "support" and any(e.get("lead_support", 0) or e.get("support_support", 0) for e in edges))]
    return {
        "meta": {"view": str(g.graph.get("view", "")), "by": str(g.graph.get("by", "")),
                 "plans": plans, "dept_types": [list(t) for t in types], "roles": roles,
                 "directed": g.is_directed()},
        "nodes": nodes,
        "edges": edges,
    }


def _title(g: nx.Graph) -> str:
    names = {"responsibility": "责任网络 Responsibility", "collaboration": "协作网络 Collaboration",
             "indicators": "指标网络 Indicators", "full": "全图 Full graph"}
    view = names.get(str(g.graph.get("view", "")), "policykg")
    plans = [p for p in str(g.graph.get("plans", "")).split("|") if p]
    scope = plans[0] if len(plans) == 1 else (f"{len(plans)} 个规划 plans" if plans else "")
    return f"{view} · {scope}" if scope else view


def page(g: nx.Graph, title: str | None = None) -> str:
    """The complete HTML page for a view."""
    js, css = vis_network()
    env = Environment(loader=FileSystemLoader(str(_HERE)), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    # "<" only occurs inside JSON strings, where \u003c means the same: no "</script>" or "<!--" can
    # end or confuse the data block, whatever the documents print
    data = json.dumps(graph_data(g), ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return env.get_template("page.html.j2").render(
        title=title or _title(g), vis_js=_inline(js), vis_css=_inline(css), data_json=data,
    )
