// The formulas behind ComputedTables, as small pure functions on exact values (sources in
// shared/notes/lkjip-domain.md §2–§3). compute() composes them; tests exercise them directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compute/computed.h"

namespace lkjip::compute {

inline Exact hundred() { return Exact::integer(100); }

/// Capaian in percent. Higher is better: realisasi / target × 100. Lower is better:
/// (2·target − realisasi) / target × 100 (PermenPANRB 8/2021, "kondisi khusus").
/// A lower-is-better target of 0 (zero tolerance: "temuan berulang 0") is met or missed
/// outright: realisasi ≤ 0 gives 100, anything else 0. None for a higher-is-better target of 0
/// (the ratio has no meaning).
std::optional<Exact> capaian(const Exact& target, const Exact& realisasi, report::Direction d);
/// The capaian that counts in averages and predicates: at most `cap` when cap > 0, and never
/// below 0 (the seed: "lebih dari 100 … 100", "kurang dari 0 … 0"; a negative capaian is
/// meaningless whatever the cap).
Exact capped(const Exact& raw, double cap);
/// Met / exceeded / not met by comparing the *printed* capaian with 100.
Attainment attainment(const Value& capaian);
/// The word of `a` in `words`; unknown (kUnknownText) for Attainment::unknown.
Value verdict_value(Attainment a, const report::Wording& words);
/// A count with its Indonesian words, as official prose writes it: "6 (enam)" (Kind::integer,
/// exact = n).
Value count_words_value(int64_t n);
/// A label as a path segment: lower-case letters and digits, other runs as one '_'
/// ("Sangat Baik" → "sangat_baik", "Baik (Berhasil)" → "baik_berhasil").
std::string label_key(const std::string& label);
/// Simple mean; none for an empty list.
std::optional<Exact> mean(const std::vector<Exact>& values);
Exact sum(const std::vector<Exact>& values);
/// (current − previous) / previous × 100; none when previous is zero.
std::optional<Exact> change_percent(const Exact& previous, const Exact& current);
/// part / whole × 100 for rupiah amounts (serapan, share); none when whole <= 0.
std::optional<Exact> ratio_percent(int64_t part, int64_t whole);
/// difference: capaian − serapan (points); ratio: capaian / serapan (none when serapan is 0).
std::optional<Exact> efficiency_value(report::Settings::Efficiency mode, const Exact& capaian,
                                      const Exact& serapan);
/// The formula printed under the efficiency table.
std::string efficiency_formula(report::Settings::Efficiency mode);
/// Names the overall average the report prints.
std::string average_name(report::Settings::Average mode);
/// Budget roll-up: the report's rule (report/model.h), which the reader keeps in range.
using report::roll_up;
/// The band containing `value`, bands being half-open (above, upto]; nullptr if none.
const report::Band* find_band(const report::Scale& scale, const Exact& value);
/// Scale by id in report.scales (the report/ helper may not be linked in every build).
const report::Scale* find_scale(const report::Report& report, const std::string& id);
/// Decimals needed to write `v` exactly, at most 6 (non-terminating expansions give 6).
int natural_decimals(const Exact& v);

// Value constructors: every Value in ComputedTables is built by one of these.
Value text_value(std::string text);
Value unknown_value(Value::Kind kind);
/// Kinds integer, number, percent, points, ratio.
Value number_value(Value::Kind kind, const Exact& v, int decimals);
Value money_value(int64_t rupiah, report::Settings::Money style);
/// An echoed measure: number (unit not printed, except "%") or quantity ("3 dokumen").
Value measure_value(const Exact& v, int decimals, const std::string& unit,
                    Value::Kind kind = Value::Kind::number);
/// The rupiah amount of a known money Value; none when unknown.
std::optional<int64_t> money_of(const Value& v);

/// A free table's cells and totals (see TableResult).
TableResult compute_table(const report::FreeTable& table, const report::Settings& settings);

}  // namespace lkjip::compute
