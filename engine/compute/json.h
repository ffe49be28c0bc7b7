// `lkjip compute --json`: the computed tables as JSON, for scripts and regression diffs.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "compute/computed.h"

namespace lkjip::compute {

/// Deterministic JSON (fixed key order, no locale). Every figure is an object
/// {"kind", "known", "value", "exact", "text"}: value is the nearest double (shortest
/// round-trip digits) or null when unknown, exact the exact decimal or "num/den".
std::string to_json(const ComputedTables& tables);
/// The same JSON handed to `sink` piece by piece (a few tens of KiB each): a description of
/// 5,000 IKU gives tens of megabytes.
void write_json(const ComputedTables& tables, const std::function<void(std::string_view)>& sink);

/// `s` as a JSON string literal, quotes included (control characters as \u00XX).
std::string json_quote(const std::string& s);

}  // namespace lkjip::compute
