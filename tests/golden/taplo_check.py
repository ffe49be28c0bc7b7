#!/usr/bin/env python3
"""Editors: Taplo (npm @taplo/cli, installed by .ci/install) against lkjip.

Every example in input/ and every `lkjip init` starter validates against the schema named by
its own `#:schema` line, survives `taplo fmt` with default options, and lkjip renders the
formatted file to the same PDF bytes. The tests/bad cases the schema can express (NIP shape,
absolute or `..` paths) are rejected by Taplo on the line lkjip reports, so schema and parser
cannot drift apart. Usage: taplo_check.py LKJIP SOURCE_DIR SCRATCH_DIR
"""
import filecmp, glob, os, re, shutil, subprocess, sys

lkjip, src, scratch = sys.argv[1:4]
failures = []


def run(*cmd, cwd=None):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, errors="replace")


def check_formatting(toml_path, label):
    """taplo check (schema from the file's own #:schema line), taplo fmt, identical render."""
    folder = os.path.dirname(toml_path)
    first = open(toml_path, encoding="utf-8").readline()
    if not first.startswith("#:schema "):
        failures.append(f"{label}: first line is not a #:schema line: {first!r}")
    r = run("taplo", "check", "--no-auto-config", toml_path, cwd=folder)
    if r.returncode != 0:
        failures.append(f"{label}: taplo check failed:\n{r.stderr}")
    before = toml_path + ".before.pdf"
    r = run(lkjip, "render", toml_path, "-o", before)
    if r.returncode != 0:
        failures.append(f"{label}: render failed:\n{r.stderr}")
        return
    original = open(toml_path, encoding="utf-8").read()
    r = run("taplo", "fmt", "--no-auto-config", toml_path, cwd=folder)
    if r.returncode != 0:
        failures.append(f"{label}: taplo fmt (default options) failed:\n{r.stderr[-2000:]}")
        return
    changed = open(toml_path, encoding="utf-8").read() != original
    after = toml_path + ".after.pdf"
    r = run(lkjip, "render", toml_path, "-o", after)
    if r.returncode != 0:
        failures.append(f"{label}: render of the taplo-formatted file failed:\n{r.stderr}")
    elif not filecmp.cmp(before, after, shallow=False):
        failures.append(f"{label}: the taplo-formatted file renders to other PDF bytes")
    print(f"{label}: taplo check ok, taplo fmt ok ({'reformatted' if changed else 'unchanged'}), "
          "same PDF bytes")


shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
if shutil.which("taplo") is None:
    sys.exit("taplo not found: run ./.ci/install (npm @taplo/cli)")

examples = sorted(glob.glob(os.path.join(src, "input", "*.toml")))
if not examples:
    failures.append("no examples in input/")
for example in examples:
    work = os.path.join(scratch, "examples")
    if not os.path.isdir(work):
        shutil.copytree(os.path.join(src, "input"), work)
    check_formatting(os.path.join(work, os.path.basename(example)), os.path.basename(example))

for kind in ["kecamatan", "dinas", "badan", "inspektorat"]:
    folder = os.path.join(scratch, "init-" + kind)
    r = run(lkjip, "init", "--kind", kind, folder)
    if r.returncode != 0:
        failures.append(f"init --kind {kind} failed:\n{r.stderr}")
        continue
    (starter,) = glob.glob(os.path.join(folder, "*.toml"))
    check_formatting(starter, f"init --kind {kind}")

# Bad cases whose fault the schema expresses: Taplo must reject them on lkjip's line.
expressible = ["65-nip-too-short", "66-nip-letter", "67-nip-birth-month", "68-nip-birth-day",
               "69-nip-cpns-month", "71-nip-sex-digit", "82-path-escaping-folder",
               "83-absolute-path"]
schema = "file://" + os.path.join(src, "input", "lkjip.schema.json")
for case in expressible:
    toml_path = os.path.join(src, "tests", "bad", case + ".toml")
    expected = open(os.path.join(src, "tests", "bad", case + ".expected"), encoding="utf-8").read()
    lkjip_line = re.match(r"[^:]+:(\d+):\d+: error", expected).group(1)
    r = run("taplo", "check", "--no-auto-config", "--schema", schema, toml_path)
    found = re.search(re.escape(case) + r"\.toml:(\d+):\d+", r.stderr)
    if r.returncode == 0:
        failures.append(f"tests/bad/{case}: taplo accepts it, lkjip rejects it")
    elif not found or found.group(1) != lkjip_line:
        failures.append(f"tests/bad/{case}: taplo rejects it at line "
                        f"{found.group(1) if found else '?'}, lkjip at line {lkjip_line}")
    else:
        print(f"tests/bad/{case}: taplo and lkjip both reject line {lkjip_line}")

for f in failures:
    print("FAIL", f)
sys.exit(1 if failures else 0)
