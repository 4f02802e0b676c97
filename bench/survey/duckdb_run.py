#!/usr/bin/env python3
"""Run bench.sql in DuckDB (from PyPI, in the benchmark's own venv).

Usage: duckdb_run.py SQL EXPORT WORK THREADS"""
import sys

import duckdb

sql_path, export, work, threads = sys.argv[1:5]
sql = open(sql_path, encoding="utf-8").read().replace("${EXPORT}", export).replace("${WORK}", work)
con = duckdb.connect(config={"threads": int(threads)})
con.execute(sql)
