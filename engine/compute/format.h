// Locale-independent Indonesian number, money and date formatting: '.' groups thousands,
// ',' marks decimals. Never uses printf or locales, so output is identical on every machine.
// Rounding is half away from zero on exact values (see exact.h); "−0" is never printed.
// Negative figures carry the true minus sign U+2212 ("−1.500"), which every shipped font has.
#pragma once

#include <cstdint>
#include <string>

#include "compute/exact.h"
#include "report/model.h"

namespace lkjip::compute {

/// "1.234,50" for (1234.5, 2); "3.025" for (3025, 0). Precondition: decimals >= 0.
std::string format_number(const Exact& value, int decimals);
/// The same, for a value typed in the description (read as its shortest decimal).
std::string format_number(double value, int decimals);
/// "3.023.722.086", "−1.500".
std::string format_integer(int64_t value);
/// "86,34%".
std::string format_percent(const Exact& value, int decimals);
/// PUEBI "Rp3.023.722.086" or rp_dot "Rp. 3.023.722.086,-"; a negative amount gets a leading
/// U+2212.
std::string format_money(int64_t rupiah, report::Settings::Money style);
/// A measured quantity: "3 dokumen", "1.100 lembar", "100%", "70,20" (no unit).
std::string format_quantity(const Exact& value, int decimals, const std::string& unit);
/// Indonesian month name, "Januari" … "Desember". Precondition: 1 <= month <= 12.
std::string month_name(int month);
/// "3 Januari 2025".
std::string format_date(const report::Date& date);
/// An 18-digit NIP grouped 8-6-1-3: "19791024 200501 1 007". Anything else is returned as is.
std::string format_nip(const std::string& nip);
/// Roman numeral, "iv" or "IV". Precondition: 1 <= n <= 3999.
std::string roman(int n, bool upper);
/// Alphabetic counter: 1 → "a", 26 → "z", 27 → "aa", 28 → "ab". Precondition: n >= 1.
std::string alpha(int n, bool upper);

}  // namespace lkjip::compute
