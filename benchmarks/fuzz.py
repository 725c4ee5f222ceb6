"""`python -m benchmarks.fuzz`: many damaged plans through the loaders, and no surprises (issue 18).

    python -m benchmarks.fuzz --count 10000 --seed 1            # the full run (about 10 minutes)
    python -m benchmarks.fuzz --seed 1 --only 4321              # one input again, by its index

Each input is one of the five corpus plans or the bundled example, damaged by one named mutation
(or a stack of several): the same seed and index always give the same bytes.  Every input is loaded
in a worker process with a time limit, so a hang is killed and counted instead of waited out; one
input in `--build-every`, and every input the loader refuses, also goes through `api.build` to a
.trig.  The contract checked:

- the loader returns a record whose every task, project, indicator and responsibility points at
  real lines of the document, or raises `PolicyKGError` whose message starts with the file's path;
- no load takes longer than the limit (10 s; a build, which makes the whole graph, gets 60 s);
- a build that fails leaves nothing in its output folder, and one that succeeds leaves exactly the
  output, which parses with rdflib into the graph that was built (its quads and texts).

Counts are printed per mutation kind and outcome; each failing input is saved (bytes plus a .json
saying seed, index, kind and what happened) and the exit code is 1.  tests/loaders/test_fuzz.py runs
the same harness at a small count.

Its length is its fifteen mutation kinds, each a few lines, beside the harness that runs them in
isolated workers: one file, so that a seed and an index name one input wherever it is read.
"""
from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import random
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLE = ROOT / "policykg" / "examples" / "example_plan.txt"

#: what an input can come to; the last four break the contract
OUTCOMES = ("ok", "error", "exception", "contract", "timeout", "partial")
FAILING = frozenset({"exception", "contract", "timeout", "partial"})
DEFAULT_LOADER = "policykg.loaders.plan:load_plan"


def sources() -> list[Path]:
    """The documents mutated: the five corpus plans and the bundled example."""
    found = sorted(CORPUS.glob("*.txt"))
    if not found:
        raise SystemExit(f"no corpus plans in {CORPUS}")
    return found + [EXAMPLE]


# --- mutations -------------------------------------------------------------------------------------
# Each takes the document's bytes and a seeded Random and returns new bytes.  Text-level mutations
# decode with surrogateescape, so bytes an earlier mutation (in a stack) broke survive unchanged.
Mutation = Callable[[bytes, random.Random], bytes]

_CN = "一二三四五六七八九十"


def _cn(n: int) -> str:
    """1..99 in Chinese numerals (一, 十二, 二十三), as plans number chapters."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CN[tens - 1]) + "十" if tens else "") + (_CN[ones - 1] if ones else "")


def _text(fn: Callable[[list[str], random.Random], list[str]]) -> Mutation:
    """A mutation of the document's lines, lifted to bytes."""
    def mutate(data: bytes, rng: random.Random) -> bytes:
        lines = data.decode("utf-8", "surrogateescape").split("\n")
        return "\n".join(fn(lines, rng) or [""]).encode("utf-8", "surrogateescape")
    mutate.__doc__ = fn.__doc__
    return mutate


def _run(lines: list[str], rng: random.Random, most: int) -> tuple[int, int]:
    lo = rng.randrange(len(lines))
    return lo, min(len(lines), lo + rng.randrange(1, most + 1))


@_text
def delete(lines: list[str], rng: random.Random) -> list[str]:
    """Lines deleted: one run of up to 80, or each line with some chance."""
    if rng.random() < 0.5:
        lo, hi = _run(lines, rng, 80)
        return lines[:lo] + lines[hi:]
    p = rng.choice([0.05, 0.2, 0.5, 0.9])
    return [ln for ln in lines if rng.random() >= p]


@_text
def duplicate(lines: list[str], rng: random.Random) -> list[str]:
    """Lines duplicated: a run copied elsewhere, lines doubled, or the whole document twice."""
    r = rng.random()
    if r < 0.5:
        lo, hi = _run(lines, rng, 60)
        at = rng.randrange(len(lines) + 1)
        return lines[:at] + lines[lo:hi] + lines[at:]
    if r < 0.85:
        return [x for ln in lines for x in ([ln, ln] if rng.random() < 0.3 else [ln])]
    return lines + lines


@_text
def shuffle(lines: list[str], rng: random.Random) -> list[str]:
    """Lines shuffled: within a window of up to 200 lines, or all of them."""
    lines = list(lines)
    lo, hi = (0, len(lines)) if rng.random() < 0.2 else _run(lines, rng, 200)
    chunk = lines[lo:hi]
    rng.shuffle(chunk)
    lines[lo:hi] = chunk
    return lines


def truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut at a random byte, often inside a UTF-8 sequence; the head kept, or the tail."""
    at = rng.randrange(len(data) + 1)
    if rng.random() < 0.6:  # move to the next continuation byte: mid-character
        at = next((i for i in range(at, min(len(data), at + 8)) if 0x80 <= data[i] < 0xC0), at)
    return data[at:] if rng.random() < 0.3 else data[:at]


def flip(data: bytes, rng: random.Random) -> bytes:
    """Bytes flipped at 1 to 500 places: any bit of any byte (which mostly leaves no encoding that
    decodes the file), or in half the inputs only bits of ASCII bytes that keep them ASCII (so the
    damage reaches the parser: digits, dots, tabs and line ends change)."""
    if not data:
        return data
    out = bytearray(data)
    ascii_only = rng.random() < 0.5
    places = [i for i, b in enumerate(out) if b < 0x80] if ascii_only else range(len(out))
    for _ in range(rng.choice([1, 3, 10, 50, 500]) if places else 0):
        i = rng.choice(places)
        out[i] ^= 1 << rng.randrange(7 if ascii_only else 8)
    return bytes(out)


def _marker(rng: random.Random) -> str:
    n = rng.choice([1, 2, 3, 9, 10, 11, 20, 99, rng.randrange(1, 100)])
    return rng.choice([f"{n}.", f"{n}、", f"{n}．", f"（{n}）", f"({n})", chr(0x2460 + n % 20),
                       f"第{_cn(n)}章", f"第{_cn(n)}节", f"第{n}条", f"{_cn(n)}是", f"{_cn(n)}、",
                       f"（{_cn(n)}）", f"({_cn(n)})", "()", f"专栏{n}", "专栏", "附件", f"{n}", "、"])


@_text
def numbering(lines: list[str], rng: random.Random) -> list[str]:
    """Numbering inserted at line starts (1. （1） ① 第一章 一是 …), or as lines of their own."""
    p = rng.choice([0.05, 0.3, 1.0])
    own_line = rng.random() < 0.3
    out: list[str] = []
    for ln in lines:
        if rng.random() < p:
            out += [_marker(rng), ln] if own_line else [_marker(rng) + ln]
        else:
            out.append(ln)
    return out


_BRACKETS = "（）()【】《》“”[]"


@_text
def brackets(lines: list[str], rng: random.Random) -> list[str]:
    """Brackets inserted, unbalanced (（ ）( ) 【 】 《 》 “ ”): single ones, runs, or lines opened
    and never closed."""
    lines = list(lines)
    mode = rng.random()
    for _ in range(rng.choice([1, 10, 100, 1000])):
        i = rng.randrange(len(lines))
        ln = lines[i]
        at = rng.randrange(len(ln) + 1)
        if mode < 0.6:
            ins = rng.choice(_BRACKETS)
        elif mode < 0.8:
            ins = rng.choice(_BRACKETS) * rng.choice([2, 10, 300])
        else:
            ins = rng.choice("（(【《“") + ln[at:at + rng.randrange(1, 40)]
        lines[i] = ln[:at] + ins + ln[at:]
    return lines


_ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be"]
_BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]


def _reencode(part: bytes, encoding: str) -> bytes:
    return part.decode("utf-8", "replace").encode(encoding, "replace")


def encoding(data: bytes, rng: random.Random) -> bytes:
    """Encodings mixed: the whole text in another one, parts re-encoded in GB18030, Big5 or UTF-16,
    or byte-order marks put at the start and between lines."""
    mode = rng.random()
    if mode < 0.3:
        return _reencode(data, rng.choice(_ENCODINGS))
    lines = data.split(b"\n")
    if mode < 0.75:
        cuts = sorted(rng.randrange(len(lines) + 1) for _ in range(rng.randrange(1, 5)))
        parts = [lines[a:b] for a, b in zip([0] + cuts, cuts + [len(lines)])]
        return b"\n".join(_reencode(b"\n".join(p), rng.choice(_ENCODINGS)) if rng.random() < 0.6
                          else b"\n".join(p) for p in parts)
    for _ in range(rng.choice([1, 3, 20])):
        i = rng.randrange(len(lines))
        lines[i] = rng.choice(_BOMS) + lines[i]
    return rng.choice(_BOMS + [b""]) + b"\n".join(lines)


# the seeded mutations tests/loaders/test_fuzz.py ran before this harness: damaged extractions
@_text
def gaps(lines: list[str], rng: random.Random) -> list[str]:
    """Numbering gaps: numbered lines dropped."""
    return [ln for ln in lines if not (ln[:1].isdigit() and rng.random() < 0.4)]


@_text
def long(lines: list[str], rng: random.Random) -> list[str]:
    """One 10,000-character line of a repeated plan fragment (the clause parser's worst case)."""
    unit = rng.choice(["（牵头单位：区民政局；责任单位：区残联、", "残疾人", "1.", "《", "“十四五”", "≥90%",
                       "区民政局、", "\t1\t", "（", "专栏1  ", "、"])
    at = rng.randrange(len(lines) + 1)
    return lines[:at] + [(unit * (10_000 // len(unit) + 1))[:10_000]] + lines[at:]


_WIDE = {**{chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}, " ": "\u3000"}
_NARROW = {v: k for k, v in _WIDE.items()}


@_text
def width(lines: list[str], rng: random.Random) -> list[str]:
    """Full- and half-width punctuation and digits mixed."""
    return ["".join((_WIDE.get(c) or _NARROW.get(c) or c) if rng.random() < 0.3 else c for c in ln)
            for ln in lines]


@_text
def cut(lines: list[str], rng: random.Random) -> list[str]:
    """Lines cut short (a fifth of them)."""
    return [ln[: rng.randrange(len(ln) + 1)] if rng.random() < 0.2 else ln for ln in lines]


@_text
def blank(lines: list[str], rng: random.Random) -> list[str]:
    """Blank lines inserted between lines, CR line ends sometimes."""
    end = rng.choice(["", "\r"])
    return [x for ln in lines for x in ([ln + end, ""] if rng.random() < 0.3 else [ln + end])]


@_text
def tabs(lines: list[str], rng: random.Random) -> list[str]:
    """Tabs at line starts (table cells, as some extractions print them)."""
    return ["\t" + ln if rng.random() < 0.3 else ln for ln in lines]


MUTATIONS: dict[str, Mutation] = {
    "delete": delete, "duplicate": duplicate, "shuffle": shuffle, "truncate": truncate, "flip": flip,
    "numbering": numbering, "brackets": brackets, "encoding": encoding, "gaps": gaps, "long": long,
    "width": width, "cut": cut, "blank": blank, "tabs": tabs,
}
#: the kinds an input is made by, in turn; "stack" applies two to four of the others in sequence
KINDS = tuple(MUTATIONS) + ("stack",)


@dataclass(frozen=True)
class Mutant:
    index: int
    kind: str
    source: str  # the file name of the document it was made from
    data: bytes


def make_mutant(seed: int, index: int, docs: list[Path], cache: dict[Path, bytes] | None = None) -> Mutant:
    """Input `index` of run `seed`: a function of those two alone (and the documents)."""
    rng = random.Random(f"policykg-fuzz:{seed}:{index}")
    doc = docs[index % len(docs)]
    kind = KINDS[(index // len(docs)) % len(KINDS)]
    data = cache[doc] if cache is not None and doc in cache else doc.read_bytes()
    steps = [kind] if kind != "stack" else [rng.choice(list(MUTATIONS)) for _ in range(rng.randrange(2, 5))]
    for step in steps:
        data = MUTATIONS[step](data, rng)
    return Mutant(index, kind, doc.name, data)


def sampled(seed: int, index: int, every: int) -> bool:
    """Whether input `index` is one of the one-in-`every` built besides loaded: drawn by its own
    seeded chance, since a stride would meet only some kinds (kinds take turns by index)."""
    return every > 0 and random.Random(f"policykg-fuzz-build:{seed}:{index}").randrange(every) == 0


# --- the worker: loads and builds in a child process the parent can kill ---------------------------
def record_problem(record: Any) -> str | None:
    """What is wrong with a loaded record's source locations, or None."""
    n_lines = record.document.line_count
    spans = [t.span for t in record.tasks()] + [p.span for p in record.projects()] + [
        i.span for i in record.indicators] + [r.span for t in record.tasks() for r in t.responsibilities]
    for span in spans:
        if span is None:
            return "an item without a source span"
        if not (1 <= span.line <= span.end_line <= n_lines and 0 <= span.start <= span.end):
            return f"span {span!r} outside the document's {n_lines} lines"
    for task in record.tasks():
        if not task.span.text.strip():
            return f"task {task!r} has an empty source text"
    return None


def _load(loader: Callable[[Path], Any], path: str) -> tuple[str, str]:
    try:
        record = loader(Path(path))
    except Exception as exc:
        from policykg.errors import PolicyKGError
        if not isinstance(exc, PolicyKGError):
            return "exception", traceback.format_exc()
        if not str(exc).startswith(path):
            return "contract", f"PolicyKGError not naming the file: {exc}"
        return "error", str(exc)
    problem = record_problem(record)
    return ("contract", problem) if problem else ("ok", "")


def _texts(ds: Any) -> set[tuple[str, str, str]]:
    """The dataset's text literals (subject, predicate, text): what a reader of the output sees.
    (Numbers are left out: rdflib writes 250 as a decimal and reads it back as 250.0.)"""
    from rdflib import Literal
    return {(str(s), str(p), str(o)) for s, p, o, _ in ds.quads()
            if isinstance(o, Literal) and (o.language or o.datatype is None)}


def _build(path: str, folder: str) -> tuple[str, str]:
    from rdflib import Dataset

    from policykg import api
    from policykg.errors import PolicyKGError
    out = Path(folder) / "out.trig"
    try:
        built = api.build([path], out).dataset
        outcome, detail = "ok", ""
    except PolicyKGError as exc:
        outcome, detail = "error", str(exc)
    except Exception:
        outcome, detail = "exception", traceback.format_exc()
    left = sorted(p.name for p in Path(folder).iterdir())
    if outcome != "ok":
        return ("partial", f"after a failed build ({detail.splitlines()[-1]}) left {left}") if left else (
            outcome, detail)
    if left != ["out.trig"]:
        return "partial", f"a build that succeeded left {left}"
    try:
        ds = Dataset()
        ds.parse(out, format="trig")
    except Exception:
        return "contract", "the output does not parse: " + traceback.format_exc()
    if len(ds) != len(built):
        return "contract", f"the output holds {len(ds)} quads, the graph built {len(built)}"
    lost = sorted(_texts(built) - _texts(ds))
    if lost:
        return "contract", f"{len(lost)} texts of the graph built read back otherwise, e.g. {lost[0]!r}"
    return "ok", ""


def _serve(conn: Connection, loader_name: str, memory_mb: int, builds: bool) -> None:
    """The worker's loop: ("load", path) or ("build", path, folder) in, (outcome, detail, seconds) out.
    What the jobs import is imported first, so no input's time limit pays for it."""
    if memory_mb:
        import resource
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    module, _, name = loader_name.partition(":")
    loader = getattr(importlib.import_module(module), name)
    if builds:
        import policykg.api  # noqa: F401
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        start = time.perf_counter()
        outcome, detail = _load(loader, job[1]) if job[0] == "load" else _build(job[1], job[2])
        conn.send((outcome, detail, time.perf_counter() - start))


class Worker:
    """One child process that runs jobs with a time limit; killed and replaced after a hang."""

    def __init__(self, loader: str = DEFAULT_LOADER, memory_mb: int = 4096, builds: bool = True) -> None:
        self.loader = loader
        self.memory_mb = memory_mb
        self.builds = builds
        self._ctx = multiprocessing.get_context("spawn")
        self._proc: Any = None
        self._conn: Connection | None = None

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child, self.loader, self.memory_mb, self.builds),
                                 daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        try:
            ready = parent.poll(120) and parent.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.stop()
            raise RuntimeError(f"the fuzz worker did not start (loader {self.loader})")

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join()
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def run(self, job: tuple[str, ...], limit: float) -> tuple[str, str, float]:
        """(outcome, detail, seconds) of one job; a job over `limit` is "timeout", a worker that
        dies (a crash, the memory limit) is "exception"."""
        if self._proc is None:
            self._start()
        start = time.perf_counter()
        self._conn.send(job)
        try:
            if self._conn.poll(limit):
                return self._conn.recv()
        except (EOFError, OSError):
            code = self._proc.exitcode
            self.stop()
            return "exception", f"the worker died (exit code {code})", time.perf_counter() - start
        self.stop()
        return "timeout", f"killed after {limit:.0f} s", time.perf_counter() - start

    def __enter__(self) -> "Worker":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# --- the run ---------------------------------------------------------------------------------------
@dataclass
class Result:
    index: int
    kind: str
    source: str
    outcome: str
    detail: str
    seconds: float  # the load's
    build_seconds: float | None = None  # None: not built

    @property
    def built(self) -> bool:
        return self.build_seconds is not None


@dataclass
class Report:
    seed: int
    results: list[Result] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> list[Result]:
        return [r for r in self.results if r.outcome in FAILING]

    def counts(self) -> dict[str, dict[str, int]]:
        """{kind: {outcome: n}} over every kind, with zeros."""
        table = {k: dict.fromkeys(OUTCOMES, 0) for k in KINDS}
        for r in self.results:
            table[r.kind][r.outcome] += 1
        return table

    def table(self) -> str:
        """The counts as a text table, a row per kind and a total row, then the run's totals."""
        head = ["kind"] + list(OUTCOMES) + ["built", "load max s", "build max s"]

        def row(name: str, mine: list[Result]) -> list[str]:
            return [name] + [str(sum(r.outcome == o for r in mine)) for o in OUTCOMES] + [
                str(sum(r.built for r in mine)), f"{max((r.seconds for r in mine), default=0):.2f}",
                f"{max((r.build_seconds or 0 for r in mine), default=0):.2f}"]
        rows = [row(k, [r for r in self.results if r.kind == k]) for k in KINDS]
        rows.append(row("total", self.results))
        widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]

        def fmt(cells: list[str]) -> str:
            return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                             for i, (c, w) in enumerate(zip(cells, widths)))
        lines = [fmt(head), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows]
        lines.append(f"{len(self.results)} inputs (seed {self.seed}) in {self.seconds:.0f} s; "
                     f"{len(self.failures)} failing (exception, contract, timeout or partial output)")
        return "\n".join(lines)


def save_failure(folder: Path, seed: int, mutant: Mutant, result: Result) -> Path:
    """The failing input's bytes, and beside them a .json saying how to make it again."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"seed{seed}-{mutant.index:05d}-{mutant.kind}-{result.outcome}.txt"
    path.write_bytes(mutant.data)
    meta = {"seed": seed, "index": mutant.index, "kind": mutant.kind, "source": mutant.source,
            "outcome": result.outcome, "seconds": round(result.seconds, 3),
            "build_seconds": result.build_seconds, "detail": result.detail,
            "again": f"python -m benchmarks.fuzz --seed {seed} --only {mutant.index}"}
    path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def run(count: int, seed: int, *, build_every: int = 50, limit: float = 10.0, build_limit: float = 60.0,
        failures: Path | None = Path("fuzz-failures"), only: Iterable[int] | None = None,
        loader: str = DEFAULT_LOADER, memory_mb: int = 4096,
        echo: Callable[[str], None] | None = print) -> Report:
    """Make `count` inputs (or just the indices in `only`) and check each; see the module docstring.

    Built to a .trig besides being loaded: one input in `build_every` (`sampled`), and every input
    the loader refused (cheap, and where a half-written output would show); 0: none; all of `only`.  A build
    builds the whole graph (seconds for a plan, far more than its load), so it gets its own, larger
    limit: still a hang is caught.  The worker is a spawned process: a script calling this needs the
    `if __name__ == "__main__"` guard."""
    docs = sources()
    cache = {d: d.read_bytes() for d in docs}
    indices = list(only) if only is not None else range(count)
    report = Report(seed)
    started = time.perf_counter()
    builds = bool(build_every) or only is not None
    with Worker(loader, memory_mb, builds=builds) as worker, \
            tempfile.TemporaryDirectory(prefix="policykg-fuzz-") as tmp:
        for n, index in enumerate(indices, 1):
            m = make_mutant(seed, index, docs, cache)
            path = Path(tmp) / f"fuzz-{index}.txt"
            path.write_bytes(m.data)
            outcome, detail, seconds = worker.run(("load", str(path)), limit)
            result = Result(index, m.kind, m.source, outcome, detail, seconds)
            if builds and (outcome == "error" or (outcome == "ok" and (
                    only is not None or sampled(seed, index, build_every)))):
                out_dir = Path(tmp) / f"out-{index}"
                out_dir.mkdir()
                b_outcome, b_detail, result.build_seconds = worker.run(
                    ("build", str(path), str(out_dir)), build_limit)
                if b_outcome in FAILING:
                    result.outcome, result.detail = b_outcome, "build: " + b_detail
                shutil.rmtree(out_dir, ignore_errors=True)
            path.unlink()
            report.results.append(result)
            if result.outcome in FAILING:
                saved = save_failure(failures, seed, m, result) if failures is not None else None
                if echo:
                    last = (result.detail.strip().splitlines() or [""])[-1]
                    echo(f"FAIL {index} {m.kind} {m.source}: {result.outcome}: {last}"
                         + (f" -> {saved}" if saved else ""))
            if echo and n % 1000 == 0:
                echo(f"{n} inputs, {len(report.failures)} failing, {time.perf_counter() - started:.0f} s")
    report.seconds = time.perf_counter() - started
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10_000, help="inputs to make (indices 0..count-1)")
    ap.add_argument("--seed", type=int, default=1, help="the run's seed: the same seed, the same inputs")
    ap.add_argument("--only", type=int, action="append", help="check just this input index (repeatable)")
    ap.add_argument("--build-every", type=int, default=50, help="build one input in n to a .trig (0: none)")
    ap.add_argument("--limit", type=float, default=10.0, help="seconds allowed per load")
    ap.add_argument("--build-limit", type=float, default=60.0, help="seconds allowed per build")
    ap.add_argument("--failures", type=Path, default=Path("fuzz-failures"), help="where failing inputs go")
    ap.add_argument("--memory-mb", type=int, default=4096, help="the worker's address-space limit (0: none)")
    args = ap.parse_args(argv)
    report = run(args.count, args.seed, build_every=args.build_every, limit=args.limit,
                 build_limit=args.build_limit, failures=args.failures, only=args.only,
                 memory_mb=args.memory_mb)
    print(report.table())
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
