"""Shared fixtures: the real corpus (../shared/corpus beside the checkout) and the bundled example."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.loaders.plan import load_plan

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def corpus_file(prefix: str) -> Path:
    matches = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.fail(f"corpus document {prefix}_*.txt not found in {CORPUS}")
    return matches[0]


@pytest.fixture(scope="session")
def corpus_paths() -> list[Path]:
    paths = sorted(CORPUS.glob("*.txt"))
    assert len(paths) == 5, f"expected the five corpus plans in {CORPUS}"
    return paths


_cache: dict[str, object] = {}


@pytest.fixture(scope="session")
def plan():
    """plan('000') -> the PlanRecord of that corpus document (parsed once per session)."""
    def get(prefix: str):
        if prefix not in _cache:
            _cache[prefix] = load_plan(corpus_file(prefix))
        return _cache[prefix]
    return get


@pytest.fixture(scope="session")
def example_path() -> Path:
    from policykg.examples import example_path as p
    return Path(str(p()))


@pytest.fixture(scope="session")
def example_expected() -> dict:
    return json.loads((FIXTURES / "example_expected.json").read_text(encoding="utf-8"))
