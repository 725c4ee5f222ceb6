"""The architecture as the imports draw it: data flows documents -> loaders -> graph ->
ontology/queries -> shapes -> api -> cli, and no module imports one of a higher layer or takes part
in an import circle (lazy imports inside functions count too: they are arrows all the same).

The imports are read from the source (ast), so the test sees the folders as the installed package
lays them out (`policykg.graph` is graph/, ...) without importing anything."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
#: source folder -> package, as pyproject's package-dir maps them
FOLDERS = {"policykg": "policykg", "loaders": "policykg.loaders", "graph": "policykg.graph",
           "ontology": "policykg.ontology", "queries": "policykg.queries", "shapes": "policykg.shapes"}
#: lower number = lower layer; a module may import its own layer and those below it
LAYERS = {
    "policykg.errors": 0, "policykg.spreadsheet": 0, "policykg.formatting": 0, "policykg.examples": 0,
    "policykg.loaders": 1,
    "policykg.graph": 2,
    "policykg.ontology": 3, "policykg.queries": 3,
    "policykg.shapes": 4,
    "policykg.pipeline": 5, "policykg.api": 5,
    "policykg.cli": 6, "policykg.__main__": 6,
}


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for folder, package in FOLDERS.items():
        base = ROOT / folder
        for f in sorted(base.rglob("*.py")):
            if "__pycache__" in f.parts:
                continue
            rel = f.relative_to(base).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            out[".".join([package, *parts]) if parts else package] = f
    return out


def _layer(module: str) -> int:
    best = max((k for k in LAYERS if module == k or module.startswith(k + ".")), key=len, default=None)
    assert best is not None, f"{module} is in no layer: add it to LAYERS (and the README's ARCHITECTURE)"
    return LAYERS[best]


def _imports(module: str, path: Path, known: set[str]) -> set[str]:
    """The policykg modules `module` imports (resolved to the longest known module name)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            # the project imports absolutely; a relative import would hide its target from this test
            assert not node.level, f"{path}:{node.lineno}: relative import: write it absolutely"
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    out = set()
    for n in names:
        while n and n not in known:
            n = n.rpartition(".")[0]
        if n and n != module and n.startswith("policykg"):
            out.add(n)
    return out


def _graph() -> nx.DiGraph:
    mods = _modules()
    g = nx.DiGraph()
    g.add_nodes_from(mods)
    for m, path in mods.items():
        for target in _imports(m, path, set(mods)):
            # a package's face (__init__) re-exporting its own modules is not an arrow back
            if not m.startswith(target + ".") and not (target.startswith(m + ".")):
                g.add_edge(m, target)
    return g


def test_every_module_is_read():
    mods = _modules()
    assert {"policykg.api", "policykg.cli", "policykg.loaders.plan", "policykg.graph.parts",
            "policykg.ontology.java", "policykg.shapes.audit", "policykg.pipeline.bulk",
            "policykg.loaders.table_vocab", "policykg.ontology.reasoning",
            "policykg.ontology.reasoning.registry", "policykg.ontology.reasoning.sparql"} <= set(mods)


def test_no_import_runs_up_a_layer():
    upward = sorted(f"{a} -> {b}" for a, b in _graph().edges if _layer(b) > _layer(a))
    assert upward == [], "imports from a lower layer to a higher one:\n" + "\n".join(upward)


def test_no_import_circles():
    circles = sorted(" -> ".join(c) for c in nx.simple_cycles(_graph()))
    assert circles == [], "import circles:\n" + "\n".join(circles)
