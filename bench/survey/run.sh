#!/usr/bin/env bash
# Benchmark: kaohe survey import against DuckDB doing the same screening and aggregation
# (bench.sql), on a synthetic export of ROWS responses over AGENCIES agencies.
#
#   bench/survey/run.sh                      # 10,000,000 rows, 3,000 agencies
#   ROWS=1000000 bench/survey/run.sh         # smaller
#   OLD=/path/to/kaohe bench/survey/run.sh   # also another build's import, in turn with this one
#                                            # (same machine state), its outputs checked equal
#
# Creates its own virtual env with duckdb from PyPI under $WORK (default /tmp/kaohe-bench), builds
# kaohe in release mode, generates the export once (kept for reruns), warms the page cache, runs
# each contender REPEAT times (default 3) in turn with /usr/bin/time, checks the results are
# equal, and prints the table (medians) for docs/survey.md.
set -euo pipefail
ROWS=${ROWS:-10000000}
AGENCIES=${AGENCIES:-3000}
THREADS=${THREADS:-$(nproc)}
DUCKDB_VERSION=${DUCKDB_VERSION:-2.0.1}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/kaohe-bench}
mkdir -p "$WORK"

if [ ! -x "$WORK/venv/bin/python" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q "duckdb==$DUCKDB_VERSION"
fi
(cd "$ROOT" && cargo build --release -q && cargo build --release -q --example csv_floor)
K=${CARGO_TARGET_DIR:-$ROOT/target}/release/kaohe
FLOOR=${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/csv_floor

"$K" survey synth --scaffold "$AGENCIES" --out "$WORK/bench.toml"
if [ ! -f "$WORK/export.csv" ] || [ "$(cat "$WORK/export.rows" 2>/dev/null)" != "$ROWS-$AGENCIES" ]; then
  "$K" survey synth "$WORK/bench.toml" --rows "$ROWS" --seed 1 --out "$WORK/export.csv"
  echo "$ROWS-$AGENCIES" > "$WORK/export.rows"
fi
# The agency table for DuckDB, from the questionnaire.
python3 - "$WORK" <<'PY'
import sys, tomllib, csv
work = sys.argv[1]
q = tomllib.load(open(f"{work}/bench.toml", "rb"))
with open(f"{work}/agencies.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f); w.writerow(["label", "id"])
    for a in q["agency"]["options"]: w.writerow([a["label"], a["id"]])
PY

REPEAT=${REPEAT:-3}
measure() { local name=$1; shift; /usr/bin/time -f "%e %U %S %M" -o "$WORK/$name.$i.time" "$@" > "$WORK/$name.log" 2>&1; }
cat "$WORK/export.csv" > /dev/null   # warm the page cache: every contender reads from memory
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$WORK"/*.time
for i in $(seq "$REPEAT"); do
  measure cat sh -c 'cat "$1" > /dev/null' _ "$WORK/export.csv"
  measure csv-1 "$FLOOR" "$WORK/export.csv" 1
  measure csv-2 "$FLOOR" "$WORK/export.csv" 2
  measure kaohe-parse env RAYON_NUM_THREADS="$THREADS" "$K" survey parse "$WORK/export.csv"
  rm -rf "$WORK/kaohe-out"
  measure kaohe-import env RAYON_NUM_THREADS="$THREADS" "$K" survey import --no-responses "$WORK/bench.toml" "$WORK/export.csv" --out "$WORK/kaohe-out"
  if [ -n "${OLD:-}" ]; then
    rm -rf "$WORK/kaohe-old-out"
    measure kaohe-old env RAYON_NUM_THREADS="$THREADS" "$OLD" survey import --no-responses "$WORK/bench.toml" "$WORK/export.csv" --out "$WORK/kaohe-old-out"
  fi
  measure duckdb-count "$WORK/venv/bin/python" -c "import duckdb; c=duckdb.connect(config={'threads': $THREADS}); print(c.execute(\"select count(*) from read_csv('$WORK/export.csv', header=true, all_varchar=true)\").fetchall())"
  measure duckdb "$WORK/venv/bin/python" "$HERE/duckdb_run.py" "$HERE/bench.sql" "$WORK/export.csv" "$WORK" "$THREADS"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${OLD:-}" ]; then
  diff -r "$WORK/kaohe-out" "$WORK/kaohe-old-out" > /dev/null && echo "Outputs of OLD ($OLD) and this build: identical" \
    || { echo "Outputs of OLD ($OLD) and this build DIFFER"; exit 1; }
fi
python3 "$HERE/compare.py" "$WORK" "$ROWS" "$AGENCIES" "$REPEAT"
