"""Property-based and fuzz tests of the text loader: whatever the text, no crash, no hang, no task
without a source location.

Hypothesis generates arbitrary texts and texts built from plan-like lines; the seeded mutation
harness (benchmarks/fuzz.py, `python -m benchmarks.fuzz --count 10000` for the full run) damages the
five corpus plans and the example the way extractions and transfers do (lines deleted, duplicated,
shuffled, cut at random bytes, bytes flipped, numbering and brackets inserted, encodings mixed,
numbering gaps, 10,000-character lines, full- and half-width punctuation mixed) and runs here at a
small count.  For every input the loader must either return a plan record whose every task, project
and indicator points at real lines of the document, or raise the project's own error
(`PolicyKGError`), and take bounded time per megabyte.  Bounded to well under two minutes on two cores.
"""
from __future__ import annotations

import json
import random
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import fuzz
from policykg.errors import PolicyKGError
from policykg.loaders.plan import load_plan

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = sorted(CORPUS.glob("*.txt")) + [ROOT / "policykg" / "examples" / "example_plan.txt"]

#: time allowed per document: a fixed part plus a part per megabyte of text
BASE_SECONDS = 3.0
SECONDS_PER_MB = 30.0

FUZZ_SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_document(text: str, *, encoding: str = "utf-8", name: str = "fuzz.txt") -> None:
    """Load `text` as a plan file; assert the loader's contract."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        data = text.encode(encoding, errors="replace")
        path.write_bytes(data)
        start = time.monotonic()
        try:
            record = load_plan(path)
        except PolicyKGError as exc:
            assert str(exc).startswith(str(path)), str(exc)
            record = None
        elapsed = time.monotonic() - start
    assert elapsed < BASE_SECONDS + SECONDS_PER_MB * len(data) / 1e6, f"{elapsed:.1f} s for {len(data)} bytes"
    if record is not None:
        assert fuzz.record_problem(record) is None, fuzz.record_problem(record)


# --- hypothesis --------------------------------------------------------------------------------------
PLAN_PIECES = ["一、", "二、", "三、重点任务", "四、保障措施", "（一）", "(二)", "()", "1.", "2、", "3．", "10.",
               "专栏1", "专栏", "指  标", "2020年", "2025年", "属性", "约束性", "预期性", "类别", "序号",
               "重点工作任务分工表", "负责单位", "配合单位", "牵头单位：", "责任单位：", "（牵头单位：区民政局；责任单位：区残联）",
               "牵头；", "按照职能分工负责", "区民政局、", "残联", "≥", "＞", "%", "100%", "——", "--", "。", "，",
               "《", "》", "“", "”", "（", "）", "[bookmark: _Toc1]", "\t", "  ", "十四五", "规划", "人民政府",
               "2022年3月15日", "发布日期:2022-03-18", "薛政字〔2022〕15号", "征求意见稿", "附件："]


@st.composite
def plan_like(draw) -> str:
    lines = draw(st.lists(st.lists(st.one_of(st.sampled_from(PLAN_PIECES), st.text(max_size=12)),
                                   max_size=8).map("".join), max_size=120))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


@FUZZ_SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text(text):
    check_document(text)


@FUZZ_SETTINGS
@given(plan_like())
def test_plan_like_text(text):
    check_document(text)


@FUZZ_SETTINGS
@given(plan_like(), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_plan_like_text_in_other_encodings(text, encoding):
    check_document(text, encoding=encoding)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.sampled_from(SOURCES), st.floats(min_value=0.0, max_value=1.0))
def test_truncated_plans(source, fraction):
    text = source.read_text(encoding="utf-8")
    check_document(text[: int(len(text) * fraction)])


# --- the seeded mutation harness (benchmarks/fuzz.py) -----------------------------------------------
def test_fuzz_harness_at_a_small_count(tmp_path):
    """200 damaged plans, every kind of damage over every source, each loaded in the harness's
    worker with its 10 s limit; every refused one and one in 25 also built to a .trig (a build
    takes seconds, a load a few hundredths): no exception, contract break, timeout or partial
    output.  (The full run is `python -m benchmarks.fuzz --count 10000`.)"""
    report = fuzz.run(200, seed=1, build_every=25, failures=tmp_path / "failures", echo=None)
    assert not report.failures, "\n".join(
        f"{r.index} {r.kind} {r.source}: {r.outcome}: {r.detail.strip().splitlines()[-1:]}"
        for r in report.failures) + "\n" + report.table()
    counts = report.counts()
    assert set(counts) == set(fuzz.KINDS) and all(sum(c.values()) >= 12 for c in counts.values())
    assert [r.index for r in report.results if r.built] == [
        r.index for r in report.results if r.outcome == "error" or fuzz.sampled(1, r.index, 25)]
    assert len({r.kind for r in report.results if r.built and r.outcome == "ok"}) >= 4
    totals = {o: sum(c[o] for c in counts.values()) for o in fuzz.OUTCOMES}
    assert totals["ok"] > 100 and totals["error"] > 10, totals  # both sides of the contract are reached
    assert not (tmp_path / "failures").exists()


def test_mutants_are_deterministic_and_damage_what_they_say():
    docs = fuzz.sources()
    cycle = len(docs) * len(fuzz.KINDS)
    first = [fuzz.make_mutant(7, i, docs) for i in range(cycle)]
    assert first == [fuzz.make_mutant(7, i, docs) for i in range(cycle)]
    assert first != [fuzz.make_mutant(8, i, docs) for i in range(cycle)]
    assert {(m.kind, m.source) for m in first} == {(k, d.name) for k in fuzz.KINDS for d in docs}
    original = {d.name: d.read_bytes() for d in docs}
    assert all(m.data != original[m.source] for m in first if m.kind != "stack")

    def undecodable(m: fuzz.Mutant) -> bool:
        try:
            m.data.decode("utf-8")
        except UnicodeDecodeError:
            return True
        return False
    many = [fuzz.make_mutant(7, i, docs) for i in range(cycle * 4)]
    for kind in ("truncate", "flip", "encoding"):  # byte-level damage reaches the decoder
        assert any(undecodable(m) for m in many if m.kind == kind), kind
    numbered = [m.data.decode("utf-8") for m in many if m.kind == "numbering"]
    assert any("①" in t or "第一章" in t or "（1）" in t for t in numbered)


FAKE_LOADERS = '''
import time
from policykg.errors import PolicyKGError

def boom(path):
    raise KeyError(str(path))

def hang(path):
    while True:
        time.sleep(0.01)

def unnamed(path):
    raise PolicyKGError("an error that does not name the file")
'''


def test_harness_counts_exceptions_hangs_and_unnamed_errors(tmp_path, monkeypatch):
    """The harness itself can fail: a loader that raises, one that hangs (killed at the limit, the
    next input gets a new worker) and one whose error names no file are each counted and saved."""
    (tmp_path / "fake_loaders.py").write_text(FAKE_LOADERS, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))  # the spawned worker gets the parent's sys.path
    saved = tmp_path / "failures"
    for name, outcome, count in (("boom", "exception", 2), ("hang", "timeout", 2), ("unnamed", "contract", 1)):
        report = fuzz.run(count, seed=3, build_every=0, limit=1.0, failures=saved,
                          loader=f"fake_loaders:{name}", echo=None)
        assert [r.outcome for r in report.results] == [outcome] * count, name
        assert len(report.failures) == count
    metas = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(saved.glob("*.json"))]
    assert len(metas) == 5 and {m["outcome"] for m in metas} == {"exception", "timeout", "contract"}
    assert all("KeyError" in m["detail"] for m in metas if m["outcome"] == "exception")
    first = metas[0]
    again = fuzz.make_mutant(first["seed"], first["index"], fuzz.sources())
    assert (saved / f"seed3-{first['index']:05d}-{again.kind}-{first['outcome']}.txt").read_bytes() == again.data


def test_build_check_finds_partial_output(tmp_path, monkeypatch):
    """A build that fails after leaving a file in the output folder is "partial"; one that
    succeeds with a stray file beside its output too."""
    from types import SimpleNamespace

    from rdflib import Dataset

    from policykg import api

    def leaves_temp(paths, out):
        (out.parent / ".out.trig.x.tmp").write_text("half", encoding="utf-8")
        raise PolicyKGError("disk full")
    monkeypatch.setattr(api, "build", leaves_temp)
    (tmp_path / "a").mkdir()
    assert fuzz._build("plan.txt", str(tmp_path / "a"))[0] == "partial"

    def writes_two(paths, out):
        out.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
        (out.parent / "stray").write_text("", encoding="utf-8")
        return SimpleNamespace(dataset=Dataset())
    monkeypatch.setattr(api, "build", writes_two)
    (tmp_path / "b").mkdir()
    assert fuzz._build("plan.txt", str(tmp_path / "b")) == ("partial", "a build that succeeded left ['out.trig', 'stray']")


FUZZ_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "fuzz").glob("*.txt"))


@pytest.mark.parametrize("path", FUZZ_FIXTURES, ids=[p.stem for p in FUZZ_FIXTURES])
def test_fuzz_regressions(path, tmp_path):
    """Each input the harness once failed on (shrunk; its .json says where it came from and what
    happened): loaded, a valid record or the project's error naming the file; built, an output that
    reads back as the graph built, or none."""
    load = fuzz._load(load_plan, str(path))
    assert load[0] in ("ok", "error"), load
    build = fuzz._build(str(path), str(tmp_path))
    assert build[0] in ("ok", "error"), build


def test_ten_thousand_character_lines():
    """The worst shapes for the line joiner and the clause parser, each a 10,000-character line."""
    for unit in ["（牵头单位：区民政局；", "《", "“", "（", "1.", "专栏1  ", "区民政局、", "一、", "\t", "牵头；"]:
        line = (unit * (10_000 // len(unit) + 1))[:10_000]
        check_document("三、重点任务\n（一）任务\n1.落实制度。" + line + "\n2.推进工作。\n" + line)


# --- damaged Word, PDF and web files ---------------------------------------------------------------
def check_file(path: Path) -> None:
    start = time.monotonic()
    try:
        load_plan(path)
    except PolicyKGError as exc:
        assert str(exc).startswith(str(path)), str(exc)
    assert time.monotonic() - start < BASE_SECONDS + SECONDS_PER_MB * path.stat().st_size / 1e6


def test_corrupted_documents_of_each_format(converted, tmp_path):
    """The example as .docx, .pdf and .html with random bytes overwritten and cut short: 60 each.
    (This run found zipfile's NotImplementedError on a damaged header and pdfplumber's error on
    closing a damaged PDF; both are now InputErrors.)"""
    rng = random.Random(7)
    example = SOURCES[-1]
    for fmt, kw in (("docx", {}), ("pdf", {}), ("html", {"published": "2022-03-18", "source": "青溪区"})):
        data = converted(example, fmt, **kw).read_bytes()
        for k in range(60):
            damaged = bytearray(data)
            for _ in range(rng.choice([1, 5, 50, 500])):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            if rng.random() < 0.3:
                damaged = damaged[: rng.randrange(len(damaged))]
            path = tmp_path / f"damaged-{k}.{fmt}"
            path.write_bytes(bytes(damaged))
            check_file(path)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html><body>", b"\xef\xbb\xbf", b""]),
       st.binary(max_size=4000), st.sampled_from([".txt", ".pdf", ".docx", ".html", ".bin"]))
def test_arbitrary_bytes_behind_a_format_header(head, body, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(head + body)
        check_file(path)
