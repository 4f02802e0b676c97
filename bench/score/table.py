#!/usr/bin/env python3
"""The tables of bench/score/run.sh: for each size, every run's median wall time, its ratio to the
bare 1-thread parse and its peak memory; then how each run grows from size to size.

    table.py WORK REPEAT AGENCIES DUCKDB SIZE...
"""
import os
import statistics
import sys

work, repeat, agencies, duckdb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
sizes = [int(s) for s in sys.argv[5:]]
RUNS = [
    ("parse-1", "bare csv parse, 1 thread"),
    ("parse-2", "bare csv parse, 2 threads"),
    ("load-1", "kaohe load phase (read, resolve, check), 1 thread"),
    ("load-2", "kaohe load phase (read, resolve, check), 2 threads"),
    ("kaohe-1", "kaohe score, 1 thread"),
    ("kaohe-2", "kaohe score, 2 threads"),
] + ([("duckdb", "DuckDB deduction part, 2 threads")] if duckdb != "0" else [])


def runs(n, name):
    return [open(f"{work}/{n}/{name}.{i}.time").read().split() for i in range(1, repeat + 1)]


def med(n, name):
    """Median wall seconds and the largest peak (MB) of the runs of `name` at size `n`."""
    rs = runs(n, name)
    return statistics.median(float(r[0]) for r in rs), max(int(r[3]) for r in rs) / 1024


def cpu(n, name):
    """Median CPU seconds (user + system) of the runs of `name` at size `n`: on a busy machine
    the wall time is inflated by waiting for a core, this much less."""
    return statistics.median(float(r[1]) + float(r[2]) for r in runs(n, name))


for n in sizes:
    data = f"{work}/data-{agencies}-{n}"
    size = sum(os.path.getsize(f"{data}/{f}") for f in os.listdir(data) if f.endswith(".csv"))
    out = int(open(f"{work}/{n}/scores.json.size").read())
    floor = med(n, "parse-1")[0]
    print(f"\n{n:,} findings, {agencies:,} agencies, inputs {size / 1e6:.0f} MB; "
          f"scores.json {out / 1e6:.0f} MB; median of {repeat}\n")
    print("| run | wall s | × bare parse (1 thread) | CPU s | peak MB |")
    print("|---|---:|---:|---:|---:|")
    for name, label in RUNS:
        t, m = med(n, name)
        print(f"| {label} | {t:.2f} | {t / floor:.1f}× | {cpu(n, name):.2f} | {m:.0f} |")

if len(sizes) > 1:
    print("\nGrowth (wall s / peak MB at each size; × is the wall time's growth from the size before)\n")
    print("| run | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for name, label in RUNS:
        cells, before = [], None
        for n in sizes:
            t, m = med(n, name)
            grow = f" ({t / before:.1f}×)" if before else ""
            cells.append(f"{t:.2f} s / {m:.0f} MB{grow}")
            before = t
        print(f"| {label} | " + " | ".join(cells) + " |")
