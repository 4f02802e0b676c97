#!/bin/sh
# Re-measures the figures docs/report.md quotes for `kaohe report` on the bundled example: chart
# and file counts, sizes of report.html / report.docx / report.pdf / charts/, at the default 300 dpi.
# Usage: scripts/measure-report.sh [path/to/kaohe]   (default: target/release/kaohe, else debug)
# Chart count and report.html size are also checked by tests/report_docs.rs.
set -eu
cd "$(dirname "$0")/.."
bin=${1:-target/release/kaohe}
[ -x "$bin" ] || bin=target/debug/kaohe
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
CI=1 "$bin" report --out "$out" >/dev/null
end=$(date +%s.%N)
mb() { du -sb "$1" | awk '{printf "%.1f MB", $1 / 1e6}'; }
charts=$(ls "$out/charts" | wc -l)
echo "binary:      $bin ($(mb "$bin"))"
echo "wall:        $(echo "$end - $start" | bc) s"
echo "charts:      $((charts / 2)) charts, $charts files"
echo "report.html: $(mb "$out/report.html")"
echo "report.docx: $(mb "$out/report.docx")"
echo "report.pdf:  $(mb "$out/report.pdf") ($(pdfinfo "$out/report.pdf" | awk '/^Pages:/{print $2}') pages)"
echo "charts/:     $(mb "$out/charts")"
