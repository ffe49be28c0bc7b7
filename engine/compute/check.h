// `lkjip check`: every figure an old document printed (the description's `stated` values) that
// disagrees with what the engine computes or with the input it chose.
#pragma once

#include <string>
#include <vector>

#include "compute/computed.h"

namespace lkjip::compute {

struct Disagreement {
  SourceLoc loc;         // where the stated value (or the conflicting input) is written
  std::string what;      // "capaian of IKU `akip`"
  std::string stated;    // as the engine would print it: "87,48%"
  std::string computed;  // the computed or chosen figure: "86,34%"
  /// How the two figures are named when printed: a stated value against the computation, or
  /// (a consistency check) two records of the description that should agree.
  std::string stated_as = "the document states", computed_as = "computed";
};

/// Compares after rounding both sides to the decimals the computed figure is printed with
/// (stated 86,339 agrees with computed 86,34; 87,48 does not). Stated target/realisasi are
/// compared with the input the engine uses, total/average/serapan/anggaran with computed
/// figures; budget inputs that disagree with their children's sum are listed too, and so are
/// components whose total is not the realisasi of the IKU they make up (`realisasi_of`).
/// Order: description order (IKU, programs, budget, components, surveys, tables).
std::vector<Disagreement> check_stated(const report::Report& report, const ComputedTables& tables);

}  // namespace lkjip::compute
