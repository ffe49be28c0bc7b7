#!/usr/bin/env bash
# Checks that every C++ file under ROOT/engine and ROOT/tests is formatted as ROOT/.clang-format
# says:  check_format.sh CLANG_FORMAT ROOT
# Each unformatted place is reported as `file:line:col: error: code should be clang-formatted`
# (clang-format's --dry-run -Werror); exit status 1 if any. Fixture trees (tests/*/bad) hold
# deliberately bad files and are not checked.
set -euo pipefail
if (($# != 2)); then
  echo "usage: $0 CLANG_FORMAT ROOT" >&2
  exit 2
fi
clang_format=$1 root=$2
mapfile -d '' files < <(find "$root/engine" "$root/tests" -path "$root/tests/*/bad" -prune -o \
  -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
if ((${#files[@]} == 0)); then
  echo "$0: no C++ files under $root/engine and $root/tests" >&2
  exit 2
fi
if ! "$clang_format" --dry-run -Werror --style=file "${files[@]}"; then
  echo "hint: run $clang_format -i on the files named above" >&2
  exit 1
fi
echo "${#files[@]} files formatted as $root/.clang-format says"
