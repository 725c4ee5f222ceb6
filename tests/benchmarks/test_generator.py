"""The national-corpus generator: deterministic, and what the loaders extract equals its ground truth.

This is also the loaders' widest robustness test: hundreds of plans in every layout the generator
knows (notices or none, three indicator-table layouts, four responsibility styles, aliases and
elided prefixes, boxes with groups or name-description items, wrapped lines, empty table cells).
"""
from __future__ import annotations

import pytest

from benchmarks.generator import generate
from policykg.loaders.plan import load_plan

N = 120


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("national")
    return out, generate(N, out)


def test_deterministic(corpus, tmp_path):
    out, _ = corpus
    generate(5, tmp_path)
    for name in ("plan_00000.txt", "plan_00004.txt"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()


def test_layouts_are_all_exercised(corpus):
    out, truths = corpus
    texts = [(out / t.file).read_text(encoding="utf-8") for t in truths]
    assert sum("牵头单位：" in t for t in texts) > 5 and sum("按照职能分工负责" in t for t in texts) > 5
    assert sum("重点工作任务分工表" in t for t in texts) > 5 and sum("征求意见稿" in t for t in texts) > 5
    assert sum("\n()" in t for t in texts) > 5 and sum("资金类" in t for t in texts) > 5
    # the printing habits of real plans (issue: plans never seen)
    for mark in ("\n第一章", "\n第一部分", "\n第一节", "\n（1）", "\n①", "\n一是", "\n1）", "由", "协助",
                 "\u3000牵头单位：", "(牵头单位：", "卫健委", "发改委"):
        assert sum(mark in t for t in texts) >= 3, mark


def test_extraction_equals_ground_truth(corpus):
    out, truths = corpus
    for t in truths:
        r = load_plan(out / t.file)
        assert r.title == t.title, t.file
        assert [x.name for x in r.region.chain()][-2:] == t.region, t.file
        assert r.draft is t.draft, t.file
        got = [(x.no, x.title, [u.label for u in x.units("lead")], [u.label for u in x.units("support")])
               for x in r.tasks()]
        assert got == [(x.no, x.title, x.lead, x.support) for x in t.tasks], t.file
        assert [(i.no, i.name, i.unit, i.baseline.printed if i.baseline else None, i.target.printed, i.attribute)
                for i in r.indicators] == [(i.no, i.name, i.unit, i.baseline, i.target, i.attribute)
                                           for i in t.indicators], t.file
        assert [(p.group, p.no, p.title) for p in r.projects()] == [(p.group, p.no, p.title) for p in t.projects], t.file
        assert sorted(u.label for u in r.units()) == t.units, t.file
        assert r.warnings == [] and r.coverage.complete, (t.file, r.warnings[:3])


def _squeezed(text: str) -> str:
    return text.replace(" ", "").replace("\u3000", "").replace("\n", "")


def test_every_clause_and_target_is_sourced_to_the_lines_that_print_it(corpus, corpus_paths):
    """Provenance: the lines a task's responsibility or target points to print it, starting on its
    first line (the lines from its second on do not hold it all).  Counting offsets from a task's
    number put 17% of these on the line before, on plans whose clauses open a line of their own."""
    out, _ = corpus
    files = sorted(out.glob("plan_*.txt"))[:40] + [p for p in corpus_paths if p.suffix == ".txt"]
    checked, wrong = 0, []
    for f in files:
        src = f.read_text(encoding="utf-8").split("\n")
        for task in load_plan(f).tasks():
            for fact in [*task.responsibilities, *task.targets]:
                span = fact.span
                whole = _squeezed("".join(src[span.line - 1:span.end_line]))
                later = _squeezed("".join(src[span.line:span.end_line]))
                checked += 1
                if _squeezed(span.text) not in whole or _squeezed(span.text) in later:
                    wrong.append((f.name, span.line, span.text[:30]))
    assert checked > 3000 and wrong == []
