#!/usr/bin/env bash
# The format check must fail on the fixture tree bad/ (one unformatted file beside a formatted
# one), naming the unformatted file only.
set -uo pipefail
clang_format=$1 here=$2
out=$("$here/check_format.sh" "$clang_format" "$here/bad" 2>&1)
status=$?
if ((status != 1)); then
  echo "expected exit status 1, got $status: $out"
  exit 1
fi
if ! grep -q "bad/engine/base/unformatted.cpp:[0-9]*:[0-9]*: error: code should be clang-formatted" <<<"$out"; then
  echo "the check does not name the unformatted file with a location: $out"
  exit 1
fi
if grep -q "formatted_well.cpp" <<<"$out"; then
  echo "the check rejects a formatted file: $out"
  exit 1
fi
echo "the format check names each unformatted file, and only those"
