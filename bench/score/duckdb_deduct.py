#!/usr/bin/env python3
"""DuckDB computing the deduction part of the score on the same files as kaohe: per agency and
deduction kind, sum of points × count, capped per kind; summed per dimension, major kinds apart
(they pass every floor). The kinds, points, caps and who each item applies to are read from the
rules file (an item applies when it and every ancestor apply: listed groups or agencies, or all).

    duckdb_deduct.py RULES DATA_DIR OUT_CSV THREADS

Writes agency,dimension,minor,major (points lost, before the dimension floor).
"""
import sys
import tomllib

import duckdb

rules, data, out, threads = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
scheme = tomllib.load(open(rules, "rb"))
nodes = {n["id"]: n for n in scheme["indicator"]}


def chain(n):
    while n is not None:
        yield n
        n = nodes.get(n.get("parent")) if n.get("parent") else None


kinds, scope = [], []
for n in scheme["indicator"]:
    root = list(chain(n))[-1]["id"]
    for k in n.get("deduct", []):
        kinds.append((k["kind"], n["id"], root, str(k["points"]), k.get("cap"), bool(k.get("major", False))))
    for depth, a in enumerate(chain(n)):
        if "groups" in a or "agencies" in a:
            scope.append((n["id"], a["id"], a.get("groups", []), a.get("agencies", [])))

c = duckdb.connect(config={"threads": threads})
c.execute("create table kinds(kind varchar, item varchar, dim varchar, points decimal(18,4), cap decimal(18,4), major boolean)")
c.executemany("insert into kinds values (?, ?, ?, ?, ?, ?)", [
    (k, i, d, p, None if cap is None else str(cap), m) for k, i, d, p, cap, m in kinds])
c.execute("create table scope(item varchar, node varchar, groups varchar[], agencies varchar[])")
c.executemany("insert into scope values (?, ?, ?, ?)", scope)
c.execute(f"""
create table result as
with a as (select * from read_csv('{data}/agencies.csv', header=true, all_varchar=true)),
f as (select agency, kind, cast(count as integer) as count
      from read_csv('{data}/findings.csv', header=true, all_varchar=true)),
applies as (   -- (agency, item) pairs ruled out by a scope on the item or an ancestor
  select distinct a.id as agency, s.item from a join scope s
  on not (list_contains(s.groups, a."group") or list_contains(s.agencies, a.id))),
per_kind as (
  select f.agency, k.dim, k.major, k.kind, k.cap, sum(k.points * f.count) as lost
  from f join kinds k using (kind)
  where not exists (select 1 from applies x where x.agency = f.agency and x.item = k.item)
  group by all),
capped as (
  select agency, dim, major, case when cap is not null and lost > cap then cap else lost end as lost
  from per_kind)
select agency, dim as dimension,
       sum(lost) filter (where not major) as minor, sum(lost) filter (where major) as major
from capped group by all order by agency, dimension
""")
c.execute(f"copy result to '{out}' (header, delimiter ',')")
print(c.execute("select count(*), sum(minor), sum(major) from result").fetchone())
