"""The wheel installs one import namespace, `policykg`, with its data files, and nothing else."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contents(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    wheel = next(tmp_path.glob("policykg-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    stray = [n for n in names if not (n.startswith("policykg/") or n.startswith("policykg-"))]
    assert stray == []
    for required in ("policykg/ontology/policykg.ttl", "policykg/queries/tasks.rq",
                     "policykg/ontology/rules/class-OwnedTask.rq", "policykg/shapes/tasks.ttl",
                     "policykg/loaders/data/unit_aliases.tsv", "policykg/loaders/data/regions.tsv",
                     "policykg/loaders/data/department_types.tsv", "policykg/examples/example_plan.txt",
                     "policykg/graph/build.py", "policykg/cli.py", "policykg/ontology/reasoning/__init__.py",
                     "policykg/ontology/reasoning/registry.py", "policykg/ontology/reasoning/sparql.py"):
        assert required in names, required
    assert not any(n.startswith(("graph/", "loaders/", "queries/", "shapes/", "ontology/", "tests/")) for n in names)
