"""How `load_plan`'s time grows with a document's size and a line's length.

    python -m benchmarks.scaling                       # whole plans 1x..64x, hostile lines 5k..80k
    python -m benchmarks.scaling --plan FILE --first-line 69 --last-line 101 --times 1,4,16,64

A whole plan grows by repeating its task chapter (lines first..last, the chapter's heading first)
with its chapters, sections （一） and 专栏 boxes renumbered, so it stays a valid plan; a hostile line
grows inside the example's first task.  Each size is loaded three times, the least process CPU time
kept; the exponent between two sizes is log(t2/t1)/log(n2/n1) (1: linear, 2: quadratic).  Real
plans run to a few hundred thousand characters: every exponent should stay near 1.
"""
from __future__ import annotations

import argparse
import math
import re
import tempfile
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "policykg" / "examples" / "example_plan.txt"
_DIGITS = "零一二三四五六七八九"
_CHAPTER_RE = re.compile(r"^([一二三四五六七八九十]+)(、)")
_SECTION_RE = re.compile(r"^([（(])([一二三四五六七八九十]*)([）)])")
_BOX_RE = re.compile(r"^(\s*专栏)(\d+)")
#: a hostile line inside the first task: name -> the text for n characters
HOSTILE = {
    "digits": lambda n: "编号" + "1" * n + "，",
    "spaces": lambda n: " " * n,
    "full-width spaces": lambda n: "\u3000" * n,
    "dots": lambda n: "." * n,
    "one CJK character": lambda n: "残" * n,
    "unclosed bracket": lambda n: "（" + "区民政局、" * (n // 5),
    "targets": lambda n: "到2025年残疾人康复服务覆盖率达到85%，" * (n // 22),
    "continuation lines": lambda n: "\n" + "\n".join(["做好困难残疾人家庭走访工作（责任单位：区民政局）。"] * (n // 25)),
}


def _cn(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def grown_plan(text: str, first: int, last: int, times: int) -> str:
    """The plan with its lines first..last (1-based: a chapter heading and its content) printed
    `times` times, chapters, sections and boxes renumbered on."""
    lines = text.split("\n")
    head, block, tail = lines[:first - 1], lines[first - 1:last], lines[last:]
    m = _CHAPTER_RE.match(block[0])
    if m is None or len(m.group(1)) != 1:
        raise SystemExit(f"line {first} is no chapter heading 一、..九、: {block[0]!r}")
    chapter, box, body = _DIGITS.index(m.group(1)) - 1, 0, []
    for _ in range(times):
        section = 0
        for j, ln in enumerate(block):
            if j == 0:
                chapter += 1
                ln = _cn(chapter) + ln[_CHAPTER_RE.match(ln).end() - 1:]
            elif (s := _SECTION_RE.match(ln)) is not None:
                section += 1
                ln = s.group(1) + _cn(section) + s.group(3) + ln[s.end():]
            if (b := _BOX_RE.match(ln)) is not None:
                box += 1
                ln = b.group(1) + str(box) + ln[b.end():]
            body.append(ln)
    for i, ln in enumerate(tail):
        if (m := _CHAPTER_RE.match(ln)) is not None:
            chapter += 1
            tail[i] = _cn(chapter) + ln[m.end() - 1:]
    return "\n".join(head + body + tail)


def cpu_seconds(path: Path) -> float:
    from policykg.loaders.plan import load_plan
    best = math.inf
    for _ in range(3):
        start = time.process_time()
        load_plan(path)
        best = min(best, time.process_time() - start)
    return best


def _report(name: str, rows: list[tuple[int, float]]) -> None:
    exps = [math.log(t2 / t1) / math.log(n2 / n1) for (n1, t1), (n2, t2) in zip(rows, rows[1:])]
    print(f"{name:20s} " + "  ".join(f"{n:>9,d} ch {t:7.3f}s" for n, t in rows)
          + "   exponents " + " ".join(f"{e:.2f}" for e in exps), flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.scaling", description=__doc__.splitlines()[0])
    ap.add_argument("--plan", type=Path, default=EXAMPLE, help="a plain-text plan (default: the example)")
    ap.add_argument("--first-line", type=int, default=69, help="its task chapter's heading line")
    ap.add_argument("--last-line", type=int, default=101, help="that chapter's last line")
    ap.add_argument("--times", default="1,4,16,64", help="how many times the chapter is printed")
    ap.add_argument("--lengths", default="5000,20000,80000", help="hostile line lengths")
    args = ap.parse_args(argv)
    text = args.plan.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for k in (int(x) for x in args.times.split(",")):
            path = Path(tmp) / f"plan_x{k}.txt"
            grown = grown_plan(text, args.first_line, args.last_line, k)
            path.write_text(grown, encoding="utf-8")
            rows.append((len(grown), cpu_seconds(path)))
        _report("whole plan", rows)
        example = EXAMPLE.read_text(encoding="utf-8")
        anchor = "建立补贴标准动态调整机制，"
        for name, make in HOSTILE.items():
            rows = []
            for n in (int(x) for x in args.lengths.split(",")):
                path = Path(tmp) / "hostile.txt"
                path.write_text(example.replace(anchor, anchor + make(n), 1), encoding="utf-8")
                rows.append((n, cpu_seconds(path)))
            _report(name, rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
