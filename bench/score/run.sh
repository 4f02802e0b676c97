#!/usr/bin/env bash
# Benchmark: `kaohe score` at national scale against the floor of reading its inputs (a bare
# csv-crate parse, 1 and 2 threads) and DuckDB computing the deduction part on the same files;
# checks DuckDB's deduction totals equal kaohe's ledger; prints a table per size (medians of
# REPEAT) and how time and memory grow with the number of findings.
#
#   bench/score/run.sh                                  # 1,000,000 findings over 3,000 agencies
#   SIZES="100000 1000000 10000000" bench/score/run.sh  # several sizes and the growth table
#   FINDINGS=100000 bench/score/run.sh                  # one size (same as SIZES=100000)
#   REPEAT=1 DUCKDB=0 bench/score/run.sh                # quick: one run each, no DuckDB
#
# Rows measured: the bare parse; the load phase alone (rules read, inputs read, names resolved,
# rows checked: `cargo run --release --example score_load`, i.e. everything up to a checked
# `Inputs`); `kaohe score`; DuckDB (DUCKDB=0 leaves it out). Threads via RAYON_NUM_THREADS.
#
# The input: `kaohe synth --agencies AGENCIES` with findings.csv grown to N rows by make_input.py
# (streamed: 10^7 rows need no more memory than 10^5; kept under $WORK for reruns, 1.4 GB at
# 10^7). Uses the system python3's duckdb.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$HERE/results"
SIZES=${SIZES:-${FINDINGS:-1000000}}
# Everything printed is logged in results/ as well.
LOG=${LOG:-$HERE/results/$(date -u +%Y%m%dT%H%M)-findings-${SIZES// /-}.log}
exec > >(tee "$LOG") 2>&1
AGENCIES=${AGENCIES:-3000}
REPEAT=${REPEAT:-3}
DUCKDB=${DUCKDB:-1}
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/kaohe-bench-score}
RULES=$ROOT/scoring-rules/shanxi-2022.toml
T=${CARGO_TARGET_DIR:-$ROOT/target}
mkdir -p "$WORK"
(cd "$ROOT" && cargo build --release -q && cargo build --release -q --example score_load)
(cd "$HERE/parse" && CARGO_TARGET_DIR="$T/bench-parse" cargo build --release -q)
K=$T/release/kaohe
L=$T/release/examples/score_load
P=$T/bench-parse/release/kaohe-bare-parse
echo "commit: $(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD || echo ' (with changes)')"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"

[ -d "$WORK/base-$AGENCIES" ] || "$K" synth "$RULES" --agencies "$AGENCIES" --out "$WORK/base-$AGENCIES" > /dev/null

measure() { local name=$1; shift; /usr/bin/time -f "%e %U %S %M" -o "$WORK/$N/$name.$i.time" "$@" > "$WORK/$N/$name.log" 2>&1; }
for N in $SIZES; do
  DATA=$WORK/data-$AGENCIES-$N
  [ -f "$DATA/findings.csv" ] || python3 "$HERE/make_input.py" "$WORK/base-$AGENCIES" "$DATA" "$N"
  mkdir -p "$WORK/$N"
  rm -f "$WORK/$N"/*.time
  cat "$DATA"/*.csv > /dev/null   # warm the page cache: every contender reads from memory
  echo "$N findings: load before $(cut -d' ' -f1-3 /proc/loadavg)"
  for i in $(seq "$REPEAT"); do
    measure parse-1 "$P" "$DATA" 1
    measure parse-2 "$P" "$DATA" 2
    measure load-1 env RAYON_NUM_THREADS=1 "$L" "$RULES" "$DATA"
    measure load-2 env RAYON_NUM_THREADS=2 "$L" "$RULES" "$DATA"
    rm -rf "$WORK/out"
    measure kaohe-1 env RAYON_NUM_THREADS=1 "$K" score "$RULES" --data "$DATA" --out "$WORK/out"
    rm -rf "$WORK/out"
    measure kaohe-2 env RAYON_NUM_THREADS=2 "$K" score "$RULES" --data "$DATA" --out "$WORK/out"
    [ "$DUCKDB" = 0 ] || measure duckdb python3 "$HERE/duckdb_deduct.py" "$RULES" "$DATA" "$WORK/duckdb.csv" 2
  done
  echo "$N findings: load after $(cut -d' ' -f1-3 /proc/loadavg)"
  stat -c %s "$WORK/out/scores.json" > "$WORK/$N/scores.json.size"
  [ "$DUCKDB" = 0 ] || python3 "$HERE/check_deduct.py" "$WORK/out/scores.json" "$WORK/duckdb.csv"
done
python3 "$HERE/table.py" "$WORK" "$REPEAT" "$AGENCIES" "$DUCKDB" $SIZES
