#!/usr/bin/env bash
# Reproduces assets/fonts/NotoSansSC-kaohe.otf, the CJK font embedded in the kaohe binary so that
# charts render Chinese names as glyphs on machines without a CJK font.
#
# Source: Debian's `fonts-noto-cjk` package (1:20220127+repack1-1), file
# NotoSansCJK-Regular.ttc, face 2 ("Noto Sans CJK SC"). Licence: SIL OFL 1.1 (assets/fonts/OFL.txt).
# The package is fetched with `apt-get download` and unpacked with `dpkg -x` into a temporary
# directory, so the machine itself stays without a CJK font (the rendering test depends on that).
#
# The cut keeps: ASCII and Latin-1, general punctuation, arrows, mathematical operators (≥ ≤ ±),
# geometric shapes, CJK symbols and punctuation, full-width forms, every character of GB2312
# (6,763 hanzi: all Shanxi division names are in it), and the characters listed in
# assets/fonts/extra-chars.txt (add any name outside GB2312 there and re-run).
# Outlines stay CFF (ab_glyph reads them through ttf-parser); hinting and layout features are
# dropped because plotters lays out text one glyph at a time. The .notdef outline (a box) is kept
# so that a character missing from the cut shows as a box, never as nothing.
#
# Needs: apt-get (Debian), python3 with fontTools (`pip install fonttools`).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/assets/fonts/NotoSansSC-kaohe.otf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
apt-get download fonts-noto-cjk
dpkg -x fonts-noto-cjk_*.deb x
ttc="x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

python3 - "$here/assets/fonts/extra-chars.txt" > unicodes.txt <<'PY'
import sys
cps = set()
for lo, hi in [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2190, 0x21FF),
               (0x2200, 0x22FF), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]:
    cps.update(range(lo, hi + 1))
# Every valid two-byte GB2312 code (rows 0xA1-0xF7, cells 0xA1-0xFE).
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            cps.add(ord(bytes([hi, lo]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#"):
        continue
    cps.update(ord(c) for c in line.strip())
for cp in sorted(cps):
    print(f"U+{cp:04X}")
PY

pyftsubset "$ttc" --font-number=2 --unicodes-file=unicodes.txt \
  --layout-features='' --no-hinting --notdef-outline --name-IDs='*' --name-languages='*' \
  --drop-tables+=vhea,vmtx,VORG,BASE,GPOS,GSUB,GDEF \
  --output-file="$out"
ls -l "$out"
