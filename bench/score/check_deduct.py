#!/usr/bin/env python3
"""Check DuckDB's deduction totals (duckdb_deduct.py) against kaohe's ledger in scores.json:
per agency and dimension, kaohe's deduction and cap lines must sum to minus DuckDB's
minor + major points, and kaohe's floor line must be max(0, minor − the dimension's credits).

    check_deduct.py SCORES_JSON DUCKDB_CSV
"""
import csv
import json
import sys
from collections import defaultdict
from decimal import Decimal

scores = json.load(open(sys.argv[1], encoding="utf-8"))
lost, credit, floor = defaultdict(Decimal), defaultdict(Decimal), defaultdict(Decimal)
# A ledger line is [rule, component, step, points, source, detail]; component is a dimension's id
# or "*rescale", "*bonus", … (docs/scores-format.md).
for a in scores["agencies"]:
    for rule, comp, step, points, source, detail in a["ledger"]:
        if comp.startswith("*"):
            continue
        key = (a["agency_id"], comp)
        pts = Decimal(points)
        if step in ("deduction", "cap"):
            lost[key] -= pts
        elif step == "credit":
            credit[key] += pts
        elif step == "floor":
            floor[key] += pts
del scores
duck = {}
with open(sys.argv[2], encoding="utf-8") as f:
    for r in csv.DictReader(f):
        duck[(r["agency"], r["dimension"])] = (Decimal(r["minor"] or 0), Decimal(r["major"] or 0))
bad = 0
for key in sorted(set(duck) | {k for k, v in lost.items() if v}):
    minor, major = duck.get(key, (Decimal(0), Decimal(0)))
    want_floor = max(Decimal(0), minor - credit[key])
    if lost[key] != minor + major or floor[key] != want_floor:
        bad += 1
        if bad <= 10:
            print(f"differ {key}: kaohe lost {lost[key]} floor {floor[key]}; "
                  f"duckdb {minor}+{major} floor {want_floor}")
total = sum(m + j for m, j in duck.values())
print(f"{len(duck)} agency-dimension pairs, {total} points deducted: "
      + ("kaohe's ledger equals DuckDB" if bad == 0 else f"{bad} DIFFER"))
sys.exit(1 if bad else 0)
