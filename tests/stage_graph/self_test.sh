#!/usr/bin/env bash
# The stage-graph checker must fail on the fixture tree bad/ (compute including a later stage, a
# library it does not link, and a unit test including a later stage) with exactly the located
# errors of bad/expected, and accept the same tree when compute is allowed all of it.
set -uo pipefail
here=$1
out=$("$here/check_includes.sh" "$here/bad" compute "base report" "")
status=$?
if ((status != 1)); then
  echo "expected exit status 1, got $status"
  exit 1
fi
if ! diff <(echo "$out") "$here/bad/expected"; then
  echo "the checker's report differs from bad/expected (above)"
  exit 1
fi
if ! "$here/check_includes.sh" "$here/bad" compute "base layout pdf report" "harfbuzz::harfbuzz" \
  >/dev/null; then
  echo "the checker rejects the tree when every include is allowed"
  exit 1
fi
echo "the checker reports each include against the stage graph, and only those"
