"""The same plan printed the other ways real plans are printed reads the same.

`benchmarks.reprint` renumbers chapters, sections and tasks in every style of the ladder and
rewrites every responsibility clause; each reprint of each corpus plan must give the original's
tasks, titles, lead and supporting units (F1 = 1.0), its title and region, and a full coverage.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.reprint import PAGE_LINES, Printing, combinations, expected, pdf_printings, reprint, single_styles
from policykg.loaders.plan import load_plan
from policykg.loaders.units import LEADING_FUNCTION_WORDS, reads_as_unit

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PLANS = sorted(CORPUS.glob("*.txt"))
ORIGINALS = {p.name: load_plan(p) for p in PLANS}


def read_again(tmp_path: Path, plan: Path, printing: Printing):
    text = plan.read_text(encoding="utf-8-sig")
    out = tmp_path / plan.name
    out.write_text(reprint(text, ORIGINALS[plan.name], printing), encoding="utf-8")
    return load_plan(out)


def f1(want: list, got: list) -> float:
    want_set, got_set = set(want), set(got)
    if not want_set and not got_set:
        return 1.0
    hits = len(want_set & got_set)
    return 0.0 if hits == 0 else 2 * hits / (len(want_set) + len(got_set))


def check(tmp_path: Path, plan: Path, printing: Printing) -> None:
    original = ORIGINALS[plan.name]
    again = read_again(tmp_path, plan, printing)
    want, got = expected(original), expected(again)
    assert (again.title, again.region and again.region.name) == (original.title, original.region.name)
    missing = [w for w in want if w not in got]
    extra = [g for g in got if g not in want]
    assert got == want, (f"{plan.name} printed {printing.name()}: F1 {f1(want, got):.3f}; "
                         f"missing {missing[:3]}, extra {extra[:3]}")
    if printing.clauses == "dated":  # by when, printed beside the units, is each rewritten task's
        rewritten = [t for t in original.tasks() if t.units("lead") and t.responsibilities[0].span.text.startswith(("（", "("))]
        assert all(t.deadline == "2025年底前完成" for t in again.tasks() if t.title in {r.title for r in rewritten})
    for r in (r for t in again.tasks() for r in t.responsibilities):  # no invented unit, ever
        assert reads_as_unit(r.printed) is None and not r.unit.label.startswith(LEADING_FUNCTION_WORDS), r
    assert [g.message for g in again.warnings if g.kind != "numbering"] == [
        g.message for g in original.warnings if g.kind != "numbering"]


@pytest.mark.parametrize("printing", single_styles(), ids=Printing.name)
@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name[:3])
def test_each_style_alone(tmp_path, plan, printing):
    check(tmp_path, plan, printing)


@pytest.mark.parametrize("printing", combinations(24, seed=15), ids=Printing.name)
@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name[:3])
def test_styles_combined(tmp_path, plan, printing):
    check(tmp_path, plan, printing)


@pytest.mark.parametrize("printing", pdf_printings(), ids=Printing.name)
@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name[:3])
def test_pdf_extractions_of_other_printings(tmp_path, plan, printing):
    check(tmp_path, plan, printing)


def test_a_pdf_reprint_cuts_lines_and_prints_pages():
    plan = PLANS[0]
    text = plan.read_text(encoding="utf-8-sig")
    printed = reprint(text, ORIGINALS[plan.name], Printing(wrap=29))
    lines = printed.split("\n")
    assert max(len(ln) for ln in lines if "\t" not in ln) == 29
    assert len(lines) > 2 * len(text.split("\n"))
    assert lines[PAGE_LINES] == "- 1 -" and lines[PAGE_LINES + 1] == ORIGINALS[plan.name].title


def test_reprints_really_differ():
    """The tool changes what it says it changes (a reprint equal to its original proves nothing)."""
    plan = next(p for p in PLANS if ORIGINALS[p.name].units())
    text = plan.read_text(encoding="utf-8-sig")
    printed = reprint(text, ORIGINALS[plan.name], Printing("第一章", "第一节", "（1）", "after", "，", True))
    assert "第一章" in printed and "第一节" in printed and "（1）" in printed
    owned = sum(1 for t in ORIGINALS[plan.name].tasks() if t.responsibilities)
    assert printed.count("\u3000牵头单位：") == owned > 0
    assert printed.count("（牵头单位") == text.count("（牵头单位") - owned
