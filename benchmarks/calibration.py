"""Are the generated plans the size of real ones?  The corpus and a generated sample, measured alike.

The benchmark is only as honest as its plans are real-sized: a national corpus of 13-task plans
measures a third of the work.  This module reads plan records (the corpus, or generated plans) and
reports, per measure, the mean and range, so the benchmark can print corpus against generated.
"""
from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from pathlib import Path

from policykg.loaders.model import PlanRecord

#: per-plan measures: one value a plan
PER_PLAN: list[tuple[str, Callable[[PlanRecord], float]]] = [
    ("tasks per plan", lambda r: len(r.tasks())),
    ("projects per plan", lambda r: len(r.projects())),
    ("indicators per plan", lambda r: len(r.indicators)),
    ("专栏 boxes per plan", lambda r: len(r.columns())),
    ("plans whose tasks name no unit (share)", lambda r: float(not any(t.responsibilities for t in r.tasks()))),
]
#: per-task measures: one value a task, over every plan
PER_TASK: list[tuple[str, Callable, Callable]] = [
    ("units per task that names units", lambda t: len(t.units("lead")) + len(t.units("support")),
     lambda t: bool(t.responsibilities)),
    ("characters per task", lambda t: len(t.text), lambda t: True),
]


def measure(records: Iterable[PlanRecord]) -> dict[str, list[float]]:
    records = list(records)
    out: dict[str, list[float]] = {name: [f(r) for r in records] for name, f in PER_PLAN}
    for name, f, keep in PER_TASK:
        out[name] = [f(t) for r in records for t in r.tasks() if keep(t)]
    return out


def _cell(values: list[float]) -> str:
    """mean (min–max)"""
    if not values:
        return "—"
    return f"{statistics.fmean(values):,.1f} ({min(values):,.0f}–{max(values):,.0f})"


def table(corpus: dict[str, list[float]], generated: dict[str, list[float]]) -> list[str]:
    """Markdown rows: measure | corpus | generated, each as mean (min–max), or a share."""
    rows = ["| measure | corpus | generated |", "|---|---|---|"]
    for name in corpus:
        if "share" in name:
            cells = [f"{statistics.fmean(v):.0%}" if v else "—" for v in (corpus[name], generated[name])]
        else:
            cells = [_cell(corpus[name]), _cell(generated[name])]
        rows.append(f"| {name} | {cells[0]} | {cells[1]} |")
    return rows


def measure_files(paths: Iterable[Path]) -> dict[str, list[float]]:
    from policykg.loaders.plan import load_plan
    return measure(load_plan(p) for p in paths)
