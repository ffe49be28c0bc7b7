// The kabupaten-level recap of many reports: one row per unit holding the figures its own
// compute stage derived (never recomputed), and the totals over the units.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compute/computed.h"

namespace lkjip::compute {

/// One unit, copied out of its ComputedTables (so it outlives the report it came from).
struct RecapRow {
  std::string unit;          // [report] unit
  std::string source;        // the description file
  Value capaian;             // Overall::rata_rata: the unit's configured average, percent
  std::string average_name;  // which average that is (Overall::average_name)
  Value predikat;            // of capaian, on the unit's predicate scale
  Value jumlah_iku, melampaui, tercapai, tidak_tercapai;  // IKU counts
  Value tanpa_data;  // IKU without a realisation: in jumlah_iku, in none of the three
  Value anggaran, realisasi, serapan;  // BudgetTotal::figures
};

/// Kabupaten totals. Units that lack a figure are left out of the sums that need it.
struct RecapTotals {
  Value anggaran, realisasi;  // Σ over the units that give them, money
  /// Σ realisasi / Σ anggaran × 100 over the units that give both (`serapan_units` of them).
  Value serapan;
  size_t serapan_units = 0;
  Value capaian;  // mean of the units' capaian (those known), percent
  Value jumlah_iku, melampaui, tercapai, tidak_tercapai, tanpa_data;  // Σ, integer
};

struct Recap {
  std::string region;  // of the first unit
  int year = 0;        // of the first unit
  std::vector<RecapRow> rows;
  RecapTotals total;
  int64_t epoch = 0;  // midnight UTC of the latest signing date: dates the PDF
};

/// The row of one unit: its figures as `computed` holds them.
RecapRow recap_row(std::string unit, std::string source, const ComputedTables& computed);

/// The totals over `rows`; percentages with two decimals (the usual LKjIP setting for kabupaten
/// figures), money in whole rupiah.
RecapTotals recap_totals(const std::vector<RecapRow>& rows);

}  // namespace lkjip::compute
