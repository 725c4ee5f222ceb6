"""`python -m benchmarks`: the national-scale benchmark of issue 8 (see benchmarks/bench.py).

    python -m benchmarks --sizes 100,1000,2800 --out benchmarks/results.json --naive-max-seconds 600
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.bench import run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,2800", help="plan counts, comma-separated")
    ap.add_argument("--out", default="benchmarks/results.json", type=Path, help="JSON results file")
    ap.add_argument("--naive-max-seconds", default=600.0, type=float,
                    help="kill the naive baseline after this long (it is skipped at larger sizes; 0: no baseline)")
    ap.add_argument("--stage-timeout", default=600.0, type=float, help="limit per stage (load, audit …)")
    ap.add_argument("--query-timeout", default=60.0, type=float, help="limit per library query (5 runs)")
    ap.add_argument("--workers", default=None, type=int, help="processes for load and audit (default: cores)")
    ap.add_argument("--cache", default=None, type=Path, help="where generated corpora and stores go")
    args = ap.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error(f"--sizes must be numbers separated by commas, not {args.sizes!r}")
    run(sizes, args.out, naive_max_seconds=args.naive_max_seconds, stage_timeout=args.stage_timeout,
        query_timeout=args.query_timeout, workers=args.workers, cache=args.cache)
    print(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
