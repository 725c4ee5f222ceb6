"""The bundled example plan against its hand-written ground truth (tests/fixtures/example_expected.json).

The example exercises every printing pattern the loaders handle, so this is the loaders' contract
in one file: metadata, sections in three numbering styles, tasks wrapped over lines, boxes with
sub-groups and "name  description" items, a task list continuing after a box, the indicator table,
responsibilities in both wordings with elided prefixes and aliases, and the division table.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from policykg.loaders.plan import load_plan


@pytest.fixture(scope="module")
def record(example_path):
    return load_plan(example_path)


def test_metadata(record, example_expected):
    e = example_expected
    assert record.title == e["title"]
    assert [r.name for r in record.region.chain()] == e["region"]
    assert record.issuer.label == e["issuer"]
    assert record.doc_number == e["doc_number"]
    assert record.issued.isoformat() == e["issued"]
    assert record.published.isoformat() == e["published"]
    assert list(record.period) == e["period"]
    assert record.draft is e["draft"]
    assert [c for c, _ in record.cited] == e["cited"]


def test_indicators(record, example_expected):
    got = [{"no": i.no, "name": i.name, "category": i.category, "unit": i.unit,
            "baseline": None if i.baseline is None or i.baseline.value is None and i.baseline.printed in ("--", "——")
            else i.baseline.printed,
            "target": i.target.printed, "comparator": i.target.comparator,
            "value": None if i.target.value is None else float(i.target.value),
            "attribute": i.attribute, "line": i.span.line} for i in record.indicators]
    want = [{**i, "value": None if i["value"] is None else float(i["value"])} for i in example_expected["indicators"]]
    assert got == want


def test_sections(record, example_expected):
    sections = [s for c in record.chapters if c.kind == "tasks" for s in c.sections]
    got = [{"chapter": "三", "no": s.no, "title": s.title, "line": s.span.line} for s in sections]
    assert got == example_expected["sections"]


def test_tasks(record, example_expected):
    body = [(s, t) for c in record.chapters if c.kind == "tasks" for s in c.sections for t in s.tasks]
    got = [{"section_line": s.span.line, "no": t.no, "title": t.title,
            "lead": [u.label for u in t.units("lead")], "support": [u.label for u in t.units("support")],
            "line": t.span.line} for s, t in body]
    assert got == example_expected["tasks"]


def test_projects(record, example_expected):
    got = [{"column": col.no, "column_title": col.title, "group": p.group or None, "no": p.no or None,
            "title": p.title, "line": p.span.line} for col in record.columns() for p in col.projects]
    assert got == example_expected["projects"]


def test_appendix_rows(record, example_expected):
    rows = [t for c in record.chapters if c.kind == "appendix" for s in c.sections for t in s.tasks]
    got = [{"no": t.no, "text": t.text, "lead": [u.label for u in t.units("lead")],
            "support": [u.label for u in t.units("support")], "line": t.span.line,
            "implements_task_line": t.implements.span.line if t.implements else None} for t in rows]
    assert got == example_expected["appendix_rows"]


def test_units(record, example_expected):
    assert sorted(u.label for u in record.units()) == example_expected["units"]
    # aliases of one body resolve to one unit: 区残联 / 区残疾人联合会, 区卫健局 / 区卫生健康局
    keys = {(u.region.name, u.key) for u in record.units()}
    assert len(keys) == len(example_expected["units"])


def test_target_values_parsed(record):
    by_no = {i.no: i for i in record.indicators}
    assert (by_no["6"].target.comparator, by_no["6"].target.value, by_no["6"].unit) == ("≥", Decimal("120"), "户")
