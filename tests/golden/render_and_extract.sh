#!/usr/bin/env bash
# Renders one description and extracts its text once, for a whole golden suite to read:
#   render_and_extract.sh LKJIP_BIN INPUT.toml DIR
# writes DIR/out.pdf, DIR/render.out (the render's stdout and stderr), DIR/render.code (its exit
# status), and pdftotext's DIR/layout.txt (-layout), DIR/raw.txt (-raw) and DIR/plain.txt.
# pdftotext costs about 1 s of CPU per extraction of the Megaluh report, the render 0.06 s: the
# ctest fixture that runs this once saves each test of the suite both. A failed render or
# extraction is recorded (its code, empty text) for the tests to report; the script itself fails
# only when it cannot write DIR.
set -uo pipefail
if (($# != 3)); then
  echo "usage: $0 LKJIP_BIN INPUT.toml DIR" >&2
  exit 2
fi
bin=$1 input=$2 dir=$3
rm -rf "$dir" && mkdir -p "$dir" || exit 1
"$bin" render "$input" -o "$dir/out.pdf" >"$dir/render.out" 2>&1
echo $? >"$dir/render.code" || exit 1
# In parallel: the suite's tests wait for this fixture, so ctest -j2 leaves a core idle meanwhile.
pdftotext -layout "$dir/out.pdf" "$dir/layout.txt" || : >"$dir/layout.txt" &
pdftotext -raw "$dir/out.pdf" "$dir/raw.txt" || : >"$dir/raw.txt" &
pdftotext "$dir/out.pdf" "$dir/plain.txt" || : >"$dir/plain.txt" &
wait
