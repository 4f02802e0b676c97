#!/usr/bin/env python3
"""Grow a `kaohe synth` data directory to N findings: every other file is copied as is, and
findings.csv is the synthetic findings replicated in turn (same agency, kind, count, date and
evidence; a new unique id), so each agency keeps its mix of kinds, scaled.

    make_input.py BASE_DIR OUT_DIR N

Rows are written as they are made (only the base file's rows are held), so 10,000,000 findings
(1.4 GB) take no more memory than 100,000; the file appears under its name only when complete.
"""
import csv
import shutil
import sys
from pathlib import Path

base, out, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
out.mkdir(parents=True, exist_ok=True)
for p in base.glob("*.csv"):
    if p.name != "findings.csv":
        shutil.copy(p, out / p.name)
with open(base / "findings.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, rows = rows[0], rows[1:]
part = out / "findings.csv.part"
with open(part, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    for i in range(n):
        r = rows[i % len(rows)]
        w.writerow([f"F-{i + 1:08d}"] + r[1:])
part.rename(out / "findings.csv")
