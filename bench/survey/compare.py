#!/usr/bin/env python3
"""Check that kaohe's statistics equal DuckDB's, and print the timing table.

Usage: compare.py WORK ROWS AGENCIES REPEAT"""
import csv
import os
import sys

work, rows, agencies, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])


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
    """The median run by wall time: (wall, CPU = user + system, peak RSS in MB)."""
    runs = []
    for i in range(1, repeat + 1):
        wall, user, sys_, rss = open(f"{work}/{name}.{i}.time").read().split()[-4:]
        runs.append((float(wall), float(user) + float(sys_), int(rss) / 1024))
    runs.sort()
    return runs[len(runs) // 2]


size = os.path.getsize(f"{work}/export.csv")
print(f"\n{rows:,} responses, {agencies:,} agencies, {size / 1e9:.2f} GB CSV (UTF-8); "
      f"{os.cpu_count()} cores; median of {repeat} runs\n")
print("| run | wall (s) | CPU (s) | peak memory (MB) | wall vs kaohe import |")
print("|---|---:|---:|---:|---:|")
kw = t("kaohe-import")[0]
for name, what in [("cat", "`cat export.csv > /dev/null` (read only)"),
                   ("csv-1", "csv crate `ByteRecord` parse, 1 thread (floor)"),
                   ("csv-2", "csv crate `ByteRecord` parse, 2 threads (floor)"),
                   ("kaohe-parse", "kaohe bare parse (`kaohe survey parse`)"),
                   ("kaohe-import", "**kaohe survey import** (screen + aggregate + write)"),
                   ("duckdb-count", "DuckDB `count(*)` over read_csv (bare parse)"),
                   ("duckdb", "**DuckDB bench.sql** (same screen + aggregate)")]:
    w, c, m = t(name)
    print(f"| {what} | {w:.2f} | {c:.2f} | {m:.0f} | {w / kw:.2f}× |")
    if name == "kaohe-import" and os.path.exists(f"{work}/kaohe-old.1.time"):
        w, c, m = t("kaohe-old")
        print(f"| kaohe survey import, OLD build (same runs, in turn) | {w:.2f} | {c:.2f} | {m:.0f} | {w / kw:.2f}× |")
ki, kp, dd = t("kaohe-import"), t("kaohe-parse"), t("duckdb")
print(f"\nkaohe vs DuckDB: {dd[0] / ki[0]:.1f}× less wall time, {dd[1] / ki[1]:.1f}× less CPU time, "
      f"{dd[2] / ki[2]:.1f}× less memory; kaohe import vs bare parse: {ki[0] / kp[0]:.1f}× the wall time")
c2 = t("csv-2")
print(f"kaohe import vs the 2-thread csv parse: {ki[0] / c2[0]:.1f}× the wall time (goal ≤ 3×); "
      f"survey parse vs it: {kp[0] / c2[0]:.2f}× (goal ≤ 1×); DuckDB vs import: {dd[0] / ki[0]:.1f}× "
      f"(goal ≥ 6×); import peak {ki[2]:.0f} MB (goal ≤ 256)")
if os.path.exists(f"{work}/kaohe-old.1.time"):
    ko = t("kaohe-old")
    print(f"this build vs OLD: {ko[0] / ki[0]:.2f}× less wall time, {ko[1] / ki[1]:.2f}× less CPU time; "
          f"OLD vs the 2-thread csv parse: {ko[0] / c2[0]:.1f}×")
sys.exit(0 if equal else 1)
