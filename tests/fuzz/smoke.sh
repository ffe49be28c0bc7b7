#!/bin/sh
# Short fuzzing run for ctest: FUZZER SOURCE_DIR SECONDS. Seeds are copied into a temporary
# corpus (generated corpora are never written into the tree); a finding fails the test and
# leaves its input in the temporary folder, whose name is printed.
set -eu
fuzzer=$1 src=$2 seconds=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/lkjip-fuzz-smoke.XXXXXX")
mkdir "$work/corpus"
cp "$src"/input/*.toml "$src"/tests/data/*.toml "$src"/tests/bad/*.toml "$work/corpus/"
[ -d "$src/tests/fuzz/regressions" ] && cp "$src"/tests/fuzz/regressions/* "$work/corpus/" 2>/dev/null || true
echo "fuzz smoke: corpus and findings in $work"
cd "$work"
# Known third-party leaks are suppressed in sanitizer builds (see the file for the options).
export LSAN_OPTIONS="suppressions=$src/tests/sanitizers/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$work/" corpus
rm -rf "$work"
