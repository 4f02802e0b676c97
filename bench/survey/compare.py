#!/usr/bin/env python3
"""Check that kaohe's statistics equal DuckDB's, and print the timing table.

Usage: compare.py WORK ROWS AGENCIES"""
import csv
import os
import sys

work, rows, agencies = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def load(path, key_cols):
    with open(path, encoding="utf-8-sig", newline="") as f:
        r = csv.DictReader(f)
        return {tuple(row[k] for k in key_cols): row for row in r}


# Sufficient statistics: counts per agency × group × question × option, moments per agency × group.
k_counts = load(f"{work}/kaohe-out/counts.csv", ["agency", "group", "question", "option"])
d_counts = load(f"{work}/duckdb-counts.csv", ["agency", "grp", "question", "option"])
k_mom = load(f"{work}/kaohe-out/moments.csv", ["agency", "group"])
d_mom = load(f"{work}/duckdb-moments.csv", ["agency", "grp"])
problems = []
if {k: v["count"] for k, v in k_counts.items()} != {k: v["count"] for k, v in d_counts.items()}:
    problems.append("counts differ")
km = {k: (v["n"], v["sum_micro"], v["sum_sq_micro2"]) for k, v in k_mom.items()}
dm = {k: (v["n"], v["sum_micro"], v["sum_sq_micro2"]) for k, v in d_mom.items()}
if km != dm:
    problems.append("moments differ")
# Accounting totals.
with open(f"{work}/kaohe-out/accounting.csv", encoding="utf-8-sig", newline="") as f:
    acc = list(csv.DictReader(f))[-1]
kt = {"ok": int(acc["valid"]), "rejected": int(acc["rejected"])}
for k, v in acc.items():
    if k.startswith("screened:") and int(v) > 0:
        kt[k[len("screened:"):]] = int(v)
with open(f"{work}/duckdb-totals.csv", encoding="utf-8", newline="") as f:
    dt = {r["status"]: int(r["n"]) for r in csv.DictReader(f)}
if kt != dt:
    problems.append(f"totals differ: kaohe {kt}, duckdb {dt}")
equal = not problems
print(f"Results equal: {'yes' if equal else 'NO: ' + '; '.join(problems)} "
      f"({len(k_counts)} count cells, {len(k_mom)} agency × group moments, totals {kt})")


def t(name):
    wall, user, sys_, rss = open(f"{work}/{name}.time").read().split()
    return float(wall), float(user) + float(sys_), int(rss) / 1024


size = os.path.getsize(f"{work}/export.csv")
print(f"\n{rows:,} responses, {agencies:,} agencies, {size / 1e9:.2f} GB CSV (UTF-8)\n")
print("| run | wall (s) | CPU (s) | peak memory (MB) | wall vs kaohe import |")
print("|---|---:|---:|---:|---:|")
kw = t("kaohe-import")[0]
for name, what in [("cat", "`cat export.csv > /dev/null` (read only)"),
                   ("kaohe-parse", "kaohe bare parse (`kaohe survey parse`)"),
                   ("kaohe-import", "**kaohe survey import** (screen + aggregate + write)"),
                   ("duckdb-count", "DuckDB `count(*)` over read_csv (bare parse)"),
                   ("duckdb", "**DuckDB bench.sql** (same screen + aggregate)")]:
    w, c, m = t(name)
    print(f"| {what} | {w:.2f} | {c:.2f} | {m:.0f} | {w / kw:.2f}× |")
sys.exit(0 if equal else 1)
