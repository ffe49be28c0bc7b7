#!/usr/bin/python3
"""`recap --xlsx` and `compute --xlsx` read back with openpyxl (python3-openpyxl): each figure
in the workbook is the one `--json` prints (rounded as printed; percentages as fractions under
a '%' format, money under an "Rp" format), unknown figures are "t.a.d.", the output is
reproducible, and a failed write leaves nothing behind.

usage: xlsx_readback.py LKJIP_BIN SOURCE_DIR SCRATCH_DIR
"""
import json
import os
import shutil
import subprocess
import sys
from fractions import Fraction

import openpyxl

lkjip, source, scratch = sys.argv[1:4]
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
env = dict(os.environ, SOURCE_DATE_EPOCH="1735689600")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(*args):
    r = subprocess.run([lkjip, *args], capture_output=True, text=True, env=env)
    return r.returncode, r.stdout, r.stderr


def printed(value, decimals):
    """The figure as the report prints it: the exact value rounded half away from zero."""
    q = Fraction(value) * 10**decimals
    n = (abs(q) + Fraction(1, 2)).__floor__()
    return (n if q >= 0 else -n) / Fraction(10**decimals)


def decimals_of(text):
    digits = text.rstrip("%").split(",")
    return len("".join(c for c in digits[1] if c.isdigit())) if len(digits) > 1 else 0


def same_figure(cell, fig, where):
    """A workbook cell against a figure: (exact value or None, printed text, is a percent)."""
    exact, text, percent = fig
    if exact is None:
        check(cell.value == "t.a.d.", f"{where}: unknown figure written as {cell.value!r}")
        return
    want = printed(Fraction(exact), decimals_of(text))
    got = Fraction(cell.value) if isinstance(cell.value, (int, float)) else None
    if percent and got is not None:
        check("%" in cell.number_format, f"{where}: percent format {cell.number_format!r}")
        got *= 100
    if text.startswith("Rp"):
        check(cell.number_format.startswith('"Rp"'), f"{where}: money format {cell.number_format!r}")
    check(got is not None and abs(got - want) < Fraction(1, 10**9),
          f"{where}: {cell.value!r} in the workbook, {text} ({exact}) computed")


def figure(obj):
    return (obj["exact"] if obj["known"] else None, obj["text"], obj["kind"] == "percent")


# ---- recap --xlsx: the recap's own figures, row for row ----------------------------------------
inputs = [f"{source}/tests/data/unmeasured.toml", f"{source}/tests/data/minimal.toml",
          f"{source}/input/megaluh-2024.toml"]
recap_xlsx = f"{scratch}/rekap.xlsx"
code, out, err = run("recap", *inputs, "--json", "--xlsx", recap_xlsx)
check(code == 0, f"recap --xlsx exit {code}: {err}")
recap = json.loads(out)
wb = openpyxl.load_workbook(recap_xlsx)
check(wb.sheetnames == ["Rekapitulasi"], f"recap sheets {wb.sheetnames}")
ws = wb["Rekapitulasi"]
header = [c.value for c in ws[1]]
check(header[:4] == ["No", "Unit Kerja", "Capaian Kinerja", "Predikat"], f"header {header}")
columns = {"Capaian Kinerja": "capaian", "Jumlah IKU": "jumlah_iku", "Melampaui": "melampaui",
           "Tercapai": "tercapai", "Tidak Tercapai": "tidak_tercapai", "Tanpa Data": "tanpa_data",
           "Anggaran": "anggaran", "Realisasi": "realisasi", "Serapan": "serapan"}
rows = list(ws.iter_rows(min_row=2))
check(len(rows) == len(recap["units"]) + 1, f"{len(rows)} rows for {len(recap['units'])} units")
for i, (row, unit) in enumerate(zip(rows, recap["units"] + [recap["total"]])):
    is_total = i == len(recap["units"])
    label = row[1].value
    check(label == ("JUMLAH" if is_total else unit["unit"]), f"row {i + 2}: {label!r}")
    check(row[1].font.b == is_total, f"row {i + 2}: bold only on JUMLAH")
    if not is_total:
        check(row[3].value == unit["predikat"], f"row {i + 2}: predikat {row[3].value!r}")
    for col, name in columns.items():
        value = unit[name]
        same_figure(row[header.index(col)],
                    (None if value is None else str(value), unit[name + "_text"],
                     name in ("capaian", "serapan")),
                    f"recap row {i + 2} {col}")
props = wb.properties
check(props.created.isoformat().startswith("2025-01-01"), f"created {props.created}")
check(recap["region"] in (props.title or ""), f"title {props.title!r}")

# ---- compute --xlsx: every sheet against compute --json ----------------------------------------
megaluh = f"{source}/input/megaluh-2024.toml"
compute_xlsx = f"{scratch}/megaluh.xlsx"
code, out, err = run("compute", megaluh, "--json", "--xlsx", compute_xlsx)
check(code == 0, f"compute --xlsx exit {code}: {err}")
t = json.loads(out)
wb = openpyxl.load_workbook(compute_xlsx)
expected_sheets = 6 + len(t["components"]) + len(t["surveys"]) + len(t["tables"])
check(len(wb.sheetnames) == expected_sheets, f"{len(wb.sheetnames)} sheets: {wb.sheetnames}")
check(all(len(n) <= 31 for n in wb.sheetnames), f"sheet names {wb.sheetnames}")

summary = {r[0].value: r[1] for r in wb["Ringkasan"].iter_rows(min_row=2)}
o = t["overall"]
same_figure(summary[o["average_name"]], figure(o["rata_rata"]), "Ringkasan rata_rata")
check(summary["Predikat"].value == o["predikat"]["text"], "Ringkasan predikat")
for label, key in [("Jumlah IKU", "jumlah_iku"), ("IKU tanpa data", "tanpa_data")]:
    same_figure(summary[label], figure(o[key]), f"Ringkasan {label}")
for label, key in [("Anggaran", "anggaran"), ("Serapan anggaran", "serapan")]:
    same_figure(summary[label], figure(t["budget"]["figures"][key]), f"Ringkasan {label}")

ws = wb["IKU"]
head = [c.value for c in ws[1]]
iku_rows = list(ws.iter_rows(min_row=2))
check(len(iku_rows) == len(t["iku"]), f"{len(iku_rows)} IKU rows, {len(t['iku'])} IKU")
verdicts = {"exceeded": "Melampaui", "met": "Tercapai", "not_met": "Tidak Tercapai",
            "unknown": "Tanpa Data"}
for row, k in zip(iku_rows, t["iku"]):
    for col, key in [("Target", "target"), ("Realisasi", "realisasi"), ("Capaian", "capaian"),
                     ("Capaian (dibatasi)", "capaian_capped"), ("Perubahan (%)", "change_pct"),
                     ("Kemajuan Renstra", "kemajuan")]:
        same_figure(row[head.index(col)], figure(k[key]), f"IKU {k['id']} {col}")
    check(row[head.index("Keterangan")].value == verdicts[k["attainment"]], f"IKU {k['id']}")

ws = wb["Program dan Kegiatan"]
head = [c.value for c in ws[1]]
act_rows = list(ws.iter_rows(min_row=2))
check(len(act_rows) == len(t["activities"]), "one row per program, kegiatan, sub-kegiatan")
for row, a in zip(act_rows, t["activities"]):
    check(row[0].value == a["number"], f"activity number {row[0].value!r} {a['number']!r}")
    for col, key in [("Anggaran", "anggaran"), ("Serapan", "serapan")]:
        same_figure(row[head.index(col)], figure(a["budget"][key]), f"activity {a['number']} {col}")

# ---- reproducible; a failed write leaves nothing -------------------------------------------------
again = f"{scratch}/again.xlsx"
code, _, _ = run("compute", megaluh, "--xlsx", again)
check(code == 0 and open(again, "rb").read() == open(compute_xlsx, "rb").read(),
      "compute --xlsx twice: different bytes")
code, _, err = run("compute", megaluh, "--xlsx", f"{scratch}/missing/dir/x.xlsx")
check(code == 3 and "error" in err, f"unwritable --xlsx: exit {code} {err!r}")
check(not os.path.exists(f"{scratch}/missing"), "unwritable --xlsx created a folder")
copy = f"{scratch}/input.toml"  # a copy: a broken guard must not damage the source tree
shutil.copyfile(megaluh, copy)
before = open(copy, "rb").read()
code, _, err = run("compute", copy, "--xlsx", copy)
check(code == 3 and open(copy, "rb").read() == before, f"--xlsx onto the input: exit {code}")
code, _, err = run("compute", megaluh)
check(code == 2, f"compute without --json or --xlsx: exit {code}")

shutil.rmtree(scratch, ignore_errors=True)
for f in failures:
    print("FAIL:", f)
print(f"xlsx read-back: {len(failures)} failures")
sys.exit(1 if failures else 0)
