#!/usr/bin/env bash
# Benchmark: `kaohe score` at national scale against the floor of reading its inputs (a bare
# csv-crate parse, 1 and 2 threads) and DuckDB computing the deduction part on the same files;
# checks DuckDB's deduction totals equal kaohe's ledger; prints the table (medians of REPEAT).
#
#   bench/score/run.sh                         # 1,000,000 findings over 3,000 agencies
#   FINDINGS=100000 bench/score/run.sh
#
# The input: `kaohe synth --agencies AGENCIES` with findings.csv grown to FINDINGS rows by
# make_input.py (kept under $WORK for reruns). Uses the system python3's duckdb.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$HERE/results"
# Everything printed is logged in results/ as well.
LOG=${LOG:-$HERE/results/$(date -u +%Y%m%dT%H%M)-findings-${FINDINGS:-1000000}.log}
exec > >(tee "$LOG") 2>&1
FINDINGS=${FINDINGS:-1000000}
AGENCIES=${AGENCIES:-3000}
REPEAT=${REPEAT:-3}
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/kaohe-bench-score}
RULES=$ROOT/scoring-rules/shanxi-2022.toml
T=${CARGO_TARGET_DIR:-$ROOT/target}
mkdir -p "$WORK"
(cd "$ROOT" && cargo build --release -q)
(cd "$HERE/parse" && CARGO_TARGET_DIR="$T/bench-parse" cargo build --release -q)
K=$T/release/kaohe
P=$T/bench-parse/release/kaohe-bare-parse

[ -d "$WORK/base-$AGENCIES" ] || "$K" synth "$RULES" --agencies "$AGENCIES" --out "$WORK/base-$AGENCIES" > /dev/null
DATA=$WORK/data-$AGENCIES-$FINDINGS
[ -f "$DATA/findings.csv" ] || python3 "$HERE/make_input.py" "$WORK/base-$AGENCIES" "$DATA" "$FINDINGS"

measure() { local name=$1; shift; /usr/bin/time -f "%e %U %S %M" -o "$WORK/$name.$i.time" "$@" > "$WORK/$name.log" 2>&1; }
cat "$DATA"/*.csv > /dev/null   # warm the page cache: every contender reads from memory
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uptime)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$WORK"/*.time
for i in $(seq "$REPEAT"); do
  measure parse-1 "$P" "$DATA" 1
  measure parse-2 "$P" "$DATA" 2
  rm -rf "$WORK/out"
  measure kaohe-1 env RAYON_NUM_THREADS=1 "$K" score "$RULES" --data "$DATA" --out "$WORK/out"
  rm -rf "$WORK/out"
  measure kaohe-2 env RAYON_NUM_THREADS=2 "$K" score "$RULES" --data "$DATA" --out "$WORK/out"
  measure duckdb python3 "$HERE/duckdb_deduct.py" "$RULES" "$DATA" "$WORK/duckdb.csv" 2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$HERE/check_deduct.py" "$WORK/out/scores.json" "$WORK/duckdb.csv"
python3 - "$WORK" "$REPEAT" "$FINDINGS" "$AGENCIES" "$DATA" <<'PY'
import os, statistics, sys
work, repeat, findings, agencies, data = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
def med(name):
    runs = [open(f"{work}/{name}.{i}.time").read().split() for i in range(1, repeat + 1)]
    return statistics.median(float(r[0]) for r in runs), max(int(r[3]) for r in runs) / 1024
size = sum(os.path.getsize(f"{data}/{f}") for f in os.listdir(data) if f.endswith(".csv"))
out = os.path.getsize(f"{work}/out/scores.json")
floor = med("parse-1")[0]
print(f"\n{int(findings):,} findings, {int(agencies):,} agencies, inputs {size / 1e6:.0f} MB; "
      f"scores.json {out / 1e6:.0f} MB; median of {repeat}\n")
print("| run | wall s | × bare parse (1 thread) | peak MB |")
print("|---|---:|---:|---:|")
for name, label in [("parse-1", "bare csv parse, 1 thread"), ("parse-2", "bare csv parse, 2 threads"),
                    ("kaohe-1", "kaohe score, 1 thread"), ("kaohe-2", "kaohe score, 2 threads"),
                    ("duckdb", "DuckDB deduction part, 2 threads")]:
    t, m = med(name)
    print(f"| {label} | {t:.2f} | {t / floor:.1f}× | {m:.0f} |")
PY
