"""Network files for the tools people visualise graphs with.

    graphml    GraphML (yEd, Gephi, Cytoscape Desktop)
    gexf       GEXF 1.3 (Gephi)
    cytoscape  Cytoscape.js JSON: {"data", "directed", "multigraph", "elements": {"nodes", "edges"}}
    json       D3 node-link JSON: {"directed", "multigraph", "graph", "nodes", "links"}
    dot        Graphviz DOT (through networkx's pydot bridge)
    csv        two files: FILE-nodes.csv (id, kind, label, ...) and FILE-edges.csv (source, target, ...)
               where FILE is the output path without its .csv suffix
    html       one self-contained interactive page (html.py)

Every file is written through a temporary file and renamed, so a failed export never leaves half a
file; attributes are made type-consistent first (an attribute that is a number on one node and text
on another becomes text everywhere), because GraphML and GEXF declare one type per attribute.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from policykg.errors import OutputError
from policykg.graph.serialize import atomic_write

FORMATS = ("graphml", "gexf", "cytoscape", "json", "dot", "csv", "html")

#: file suffix -> format, for `write(graph, path)` without a format
SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".cyjs": "cytoscape", ".json": "json", ".dot": "dot",
            ".gv": "dot", ".csv": "csv", ".html": "html", ".htm": "html"}


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return value
    return str(value)


def _harmonise(items: list[dict[str, Any]]) -> None:
    """One type per attribute name: text if any value is text, else float if any is a float."""
    kinds: dict[str, set[type]] = {}
    for d in items:
        for k in list(d):
            if d[k] is None:
                del d[k]
                continue
            d[k] = _plain(d[k])
            kinds.setdefault(k, set()).add(type(d[k]))
    for d in items:
        for k, v in d.items():
            if str in kinds[k] and not isinstance(v, str):
                d[k] = str(v)
            elif float in kinds[k] and isinstance(v, int):
                d[k] = float(v)


def harmonised(graph: nx.Graph) -> nx.Graph:
    """A copy of the graph whose attributes every format can hold with one declared type each."""
    g = graph.copy()
    _harmonise([d for _, d in g.nodes(data=True)])
    _harmonise([d for *_, d in g.edges(data=True)])
    _harmonise([g.graph])
    return g


def format_for(path: str | Path, fmt: str | None) -> str:
    if fmt is None:
        fmt = SUFFIXES.get(Path(path).suffix.lower())
        if fmt is None:
            raise OutputError(f"{path}: cannot tell the export format from the suffix; give one of "
                              + ", ".join(FORMATS))
    if fmt not in FORMATS:
        raise OutputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


def csv_paths(path: str | Path) -> tuple[Path, Path]:
    """Where the csv format writes: FILE-nodes.csv and FILE-edges.csv (FILE without .csv)."""
    p = Path(path)
    stem = p.name[:-4] if p.name.lower().endswith(".csv") else p.name
    return p.with_name(f"{stem}-nodes.csv"), p.with_name(f"{stem}-edges.csv")


def _graphml(g: nx.Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _gexf(g: nx.Graph) -> bytes:
    if g.is_multigraph():  # the view's edge keys become the GEXF edge ids (networkx would number them)
        g = g.copy()
        for _, _, k, d in g.edges(keys=True, data=True):
            d["id"] = str(k)
    buf = io.BytesIO()
    nx.write_gexf(g, buf, encoding="utf-8", prettyprint=True, version="1.3")
    text = buf.getvalue()
    # networkx (3.6) writes today's date into <meta> (the same graph would give a different file
    # tomorrow) and, for GEXF 1.3 only, a misspelt XML Schema instance namespace
    text = re.sub(rb'(<meta[^>]*?) lastmodifieddate="[^"]*"', rb"\1", text, count=1)
    return text.replace(b'xmlns:xsi="http://w3.org/2001/XMLSchema-instance"',
                        b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"', 1)


def _json_text(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _cytoscape(g: nx.Graph) -> bytes:
    data = nx.cytoscape_data(g, name="label", ident="id")
    if g.is_multigraph():  # Cytoscape.js wants unique edge ids: the view's edge keys are
        for e in data["elements"]["edges"]:
            e["data"].setdefault("id", str(e["data"]["key"]))
    return _json_text(data)


def _node_link(g: nx.Graph) -> bytes:
    return _json_text(nx.node_link_data(g, edges="links"))


def _dot_quote(value: Any) -> Any:
    """A DOT double-quoted string: pydot would read an unquoted "https://..." as node "https" with a
    port, so every text is quoted here (numbers stay bare)."""
    if isinstance(value, (int, float)):
        return value
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dot(g: nx.Graph) -> bytes:
    try:
        from networkx.drawing.nx_pydot import to_pydot
    except ImportError:  # pragma: no cover - networkx always has the module; pydot may be missing
        raise OutputError("the dot format needs the pydot package (pip install pydot)") from None
    q = g.__class__()
    for n, d in g.nodes(data=True):
        q.add_node(_dot_quote(n), **{k: _dot_quote(v) for k, v in d.items()})
    if g.is_multigraph():
        for u, v, k, d in g.edges(keys=True, data=True):
            q.add_edge(_dot_quote(u), _dot_quote(v), key=k, **{a: _dot_quote(b) for a, b in d.items()})
    else:
        for u, v, d in g.edges(data=True):
            q.add_edge(_dot_quote(u), _dot_quote(v), **{a: _dot_quote(b) for a, b in d.items()})
    try:
        return to_pydot(q).to_string().encode("utf-8")
    except ImportError:
        raise OutputError("the dot format needs the pydot package (pip install pydot)") from None


def _csv_text(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def _columns(first: list[str], items: list[dict[str, Any]]) -> list[str]:
    rest = sorted({k for d in items for k in d} - set(first))
    return first + rest


def csv_tables(g: nx.Graph) -> tuple[str, str]:
    """The node table and the edge table as CSV text."""
    nodes = [dict(d, id=n) for n, d in g.nodes(data=True)]
    if g.is_multigraph():
        edges = [dict(d, source=u, target=v, key=k) for u, v, k, d in g.edges(keys=True, data=True)]
        head = ["source", "target", "key"]
    else:
        edges = [dict(d, source=u, target=v) for u, v, d in g.edges(data=True)]
        head = ["source", "target"]
    node_cols = _columns([c for c in ("id", "kind", "label") if any(c in d for d in nodes) or c == "id"], nodes)
    return _csv_text(node_cols, nodes), _csv_text(_columns(head, edges), edges)


def _write_bytes(path: Path, content: bytes) -> None:
    try:
        with atomic_write(path, "wb") as fh:
            fh.write(content)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None


WRITERS: dict[str, Callable[[nx.Graph], bytes]] = {
    "graphml": _graphml, "gexf": _gexf, "cytoscape": _cytoscape, "json": _node_link, "dot": _dot,
}


def write(graph: nx.Graph, path: str | Path, fmt: str | None = None) -> list[Path]:
    """Write a view to `path` in `fmt` (default: from the suffix); returns the files written (csv
    writes two, see `csv_paths`)."""
    fmt = format_for(path, fmt)
    path = Path(path)
    if fmt == "html":
        from policykg.graph.export.html import page
        _write_bytes(path, page(graph).encode("utf-8"))
        return [path]
    g = harmonised(graph)
    if fmt == "csv":
        nodes_path, edges_path = csv_paths(path)
        nodes_text, edges_text = csv_tables(g)
        _write_bytes(nodes_path, nodes_text.encode("utf-8"))
        _write_bytes(edges_path, edges_text.encode("utf-8"))
        return [nodes_path, edges_path]
    _write_bytes(path, WRITERS[fmt](g))
    return [path]
