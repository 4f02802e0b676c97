#!/usr/bin/env python3
"""Writes the hand-made workbooks of this corpus (Python standard library only, so that no
spreadsheet library decides what the file holds). Run from the repository root:
    python3 tests/bad-inputs/make-xlsx.py
awards-formula-no-value.xlsx   the example's awards, count of A2022-0001 (row 2, count 2) a formula
                               `=1+1` with no saved value (as a program that never ran Excel writes it)
awards-formula-saved.xlsx      the same with the saved value 2: reads as the plain awards.csv
awards-zip-bomb.xlsx           the example's awards plus a 257 MiB entry of zeros (about 260 KB
                               compressed): unpacks beyond the 256 MiB limit (its unpacked size is
                               asserted: name the files to write, e.g. the first two, to keep it)
"""
import csv, sys, zipfile
from xml.sax.saxutils import escape

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="awards" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBRELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def col(i):
    return "ABCDEFGHIJ"[i]


def sheet(rows, formula_cell=None, saved=None):
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row):
            ref = f"{col(c)}{r}"
            if ref == formula_cell:
                val = f"<v>{saved}</v>" if saved is not None else ""
                cells.append(f'<c r="{ref}"><f>1+1</f>{val}</c>')
            elif r > 1 and c == 3 and v.isdigit():
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<sheetData>{"".join(out)}</sheetData></worksheet>')


def write(name, xml, padding=0):
    with zipfile.ZipFile(f"tests/bad-inputs/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", WBRELS)
        z.writestr("xl/worksheets/sheet1.xml", xml)
        if padding:
            with z.open("xl/media/padding.bin", "w", force_zip64=True) as f:
                chunk = bytes(1 << 20)
                for _ in range(padding >> 20):
                    f.write(chunk)
    with zipfile.ZipFile(f"tests/bad-inputs/{name}") as z:
        print(name, "unpacks to", sum(i.file_size for i in z.infolist()), "bytes")


rows = list(csv.reader(open("examples/shanxi-2022/awards.csv", encoding="utf-8")))
assert rows[1][3] == "2", "the formula =1+1 stands for the count 2 of the first award"
wanted = sys.argv[1:]
for name, xml, padding in [
    ("awards-formula-no-value.xlsx", lambda: sheet(rows, "D2"), 0),
    ("awards-formula-saved.xlsx", lambda: sheet(rows, "D2", 2), 0),
    ("awards-zip-bomb.xlsx", lambda: sheet(rows), 257 << 20),
]:
    if not wanted or name in wanted:
        write(name, xml(), padding)
