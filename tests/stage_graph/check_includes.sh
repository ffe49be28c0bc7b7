#!/usr/bin/env bash
# Checks one stage's #include lines against the stage graph (CMakeLists.txt, lkjip_stage DEPS):
#   check_includes.sh ROOT STAGE "ALLOWED_STAGES" "ALLOWED_THIRD_PARTY"
# scans ROOT/engine/STAGE and ROOT/tests/unit/STAGE. A quoted include "X/…" where X is a folder
# of ROOT/engine/ must name STAGE itself or one of ALLOWED_STAGES (the stages it links, directly
# or through them). An angle include of a third-party library (table below) must be one that
# STAGE links directly: layout links text, which links HarfBuzz, yet layout must not include
# <hb.h>. Every violation is reported as `file:line: error: …`; exit status 1 if any.
set -euo pipefail
if (($# != 4)); then
  echo "usage: $0 ROOT STAGE \"ALLOWED_STAGES\" \"ALLOWED_THIRD_PARTY\"" >&2
  exit 2
fi
root=$1 stage=$2
read -r -a allowed_stages <<<"$3"
read -r -a allowed_third <<<"$4"

# Third-party libraries, by the CMake target a stage links, and the headers that belong to them.
declare -A third_party_headers=(
  [tomlplusplus::tomlplusplus]='toml\+\+/.*'
  [PkgConfig::PODOFO]='podofo/.*'
  [harfbuzz::harfbuzz]='hb\.h|hb-ot\.h|hb-ft\.h|hb-icu\.h|harfbuzz/.*'
  [harfbuzz::subset]='hb-subset\.h'
  [Freetype::Freetype]='ft2build\.h|freetype/.*'
  [hyphen]='hyphen\.h'
  [OpenSSL::Crypto]='openssl/.*'
  [PkgConfig::LIBDEFLATE]='libdeflate\.h'
  [PkgConfig::XLSXWRITER]='xlsxwriter\.h|xlsxwriter/.*'
  [GTest::gtest]='gtest/.*|gmock/.*'
)

is_in() {
  local needle=$1
  shift
  local x
  for x in "$@"; do [[ $x == "$needle" ]] && return 0; done
  return 1
}

# A target's library key: a bare library path (find_library) is named by its file stem.
key_of() {
  case $1 in
    */libhyphen*) echo hyphen ;;
    GTest::*) echo GTest::gtest ;;
    *) echo "$1" ;;
  esac
}
allowed_keys=()
for t in "${allowed_third[@]}"; do allowed_keys+=("$(key_of "$t")"); done

dirs=()
for d in "$root/engine/$stage" "$root/tests/unit/$stage"; do [[ -d $d ]] && dirs+=("$d"); done
if ((${#dirs[@]} == 0)); then
  echo "$root/engine/$stage: error: no such stage folder" >&2
  exit 2
fi

errors=0
while IFS=: read -r file line text; do
  rel=${file#"$root"/}
  if [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^/\"]+)/[^\"]*\" ]]; then
    dep=${BASH_REMATCH[1]}
    [[ -d $root/engine/$dep ]] || continue  # not a stage: a path inside the test folder
    [[ $dep == "$stage" ]] && continue
    if ! is_in "$dep" "${allowed_stages[@]}"; then
      echo "$rel:$line: error: stage $stage includes $dep/, which it does not link"
      echo "  hint: $stage may include ${allowed_stages[*]:-no other stage}" \
        "(CMakeLists.txt, lkjip_stage($stage DEPS ...); the table in DESIGN.md)"
      errors=$((errors + 1))
    fi
  elif [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\<([^\>]+)\> ]]; then
    header=${BASH_REMATCH[1]}
    for key in "${!third_party_headers[@]}"; do
      [[ $header =~ ^(${third_party_headers[$key]})$ ]] || continue
      is_in "$key" "${allowed_keys[@]}" && continue
      [[ $key == GTest::gtest && $rel == tests/unit/* ]] && continue
      echo "$rel:$line: error: stage $stage includes <$header> of $key, which it does not link"
      echo "  hint: only the stage that owns a library includes it (the table in DESIGN.md)"
      errors=$((errors + 1))
    done
  fi
done < <(grep -rn --include='*.h' --include='*.cpp' -E '^[[:space:]]*#[[:space:]]*include' \
  "${dirs[@]}" | LC_ALL=C sort -t: -k1,1 -k2,2n)

if ((errors)); then
  echo "$errors include(s) against the stage graph in $stage"
  exit 1
fi
echo "stage $stage: every include within ${allowed_stages[*]:-itself}${allowed_third:+ and ${allowed_third[*]}}"
