#!/usr/bin/env bash
# Two kaohe binaries scoring the same inputs in turn (A, B, A, B, …), so that a machine shared
# with other work slows both alike: wall, user and system seconds, peak memory and the size of
# scores.json per run, then the medians per binary and size. Also checks rankings.csv is the
# same for both (scores.json is compared only when SAME_FORMAT=1).
#
#   bench/score/side_by_side.sh OLD_BINARY NEW_BINARY
#   SIZES="100000 1000000" REPEAT=3 THREADS=2 bench/score/side_by_side.sh old new
#
# The inputs are run.sh's ($WORK/data-$AGENCIES-$N, made by make_input.py): run run.sh once
# first. Logged in results/ as well.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
A=$1
B=$2
SIZES=${SIZES:-"100000 1000000"}
REPEAT=${REPEAT:-3}
THREADS=${THREADS:-2}
AGENCIES=${AGENCIES:-3000}
WORK=${WORK:-/tmp/kaohe-bench-score}
RULES=$HERE/../../scoring-rules/shanxi-2022.toml
LOG=${LOG:-$HERE/results/$(date -u +%Y%m%dT%H%M)-side-by-side-${SIZES// /-}.log}
exec > >(tee "$LOG") 2>&1
echo "A: $A ($("$A" --version 2>/dev/null || echo ?))"
echo "B: $B ($("$B" --version 2>/dev/null || echo ?))"
echo "threads: $THREADS, repeats: $REPEAT, machine: $(nproc) cores"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for N in $SIZES; do
  DATA=$WORK/data-$AGENCIES-$N
  [ -f "$DATA/findings.csv" ] || { echo "no $DATA: run bench/score/run.sh first"; exit 1; }
  cat "$DATA"/*.csv > /dev/null
  echo "$N findings: load before $(cut -d' ' -f1-3 /proc/loadavg)"
  for i in $(seq "$REPEAT"); do
    for who in A B; do
      bin=$A; [ "$who" = B ] && bin=$B
      rm -rf "$OUT/$who"
      /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" env RAYON_NUM_THREADS="$THREADS" \
        "$bin" score "$RULES" --data "$DATA" --out "$OUT/$who" > /dev/null
      echo "$N $who $i $(cat "$OUT/time") $(stat -c %s "$OUT/$who/scores.json")" | tee -a "$OUT/rows"
    done
    cmp -s "$OUT/A/rankings.csv" "$OUT/B/rankings.csv" || echo "$N: rankings.csv DIFFERS"
    [ "${SAME_FORMAT:-0}" = 0 ] || cmp -s "$OUT/A/scores.json" "$OUT/B/scores.json" \
      || echo "$N: scores.json DIFFERS"
  done
  echo "$N findings: load after $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo
echo "medians (columns: findings, binary, wall s, user s, sys s, peak MB, scores.json MB)"
python3 - "$OUT/rows" <<'EOF'
import statistics, sys
from collections import defaultdict
runs = defaultdict(list)
for line in open(sys.argv[1]):
    n, who, _, wall, user, sys_, kb, size = line.split()
    runs[(int(n), who)].append((float(wall), float(user), float(sys_), int(kb) / 1024, int(size) / 1e6))
for (n, who), rs in sorted(runs.items()):
    med = [statistics.median(c) for c in zip(*rs)]
    print(f"{n:>9} {who} {med[0]:6.2f} {med[1]:6.2f} {med[2]:6.2f} {med[3]:7.0f} {med[4]:7.1f}")
EOF
