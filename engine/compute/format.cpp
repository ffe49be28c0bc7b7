#include "compute/format.h"

#include <array>

#include "base/diagnostic.h"

namespace lkjip::compute {

namespace {

/// U+2212 MINUS SIGN: a hyphen-minus is a hyphen in print, too short and too high for a sign.
constexpr const char* kMinus = "\u2212";

/// Inserts '.' every three digits from the right of a run of decimal digits.
std::string group_thousands(const std::string& digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

std::string format_number(const Exact& value, int decimals) {
  if (decimals < 0) internal_error("format_number with negative decimals");
  Exact::Rounded r = value.round(decimals);
  std::string digits = r.digits;
  if (digits.size() <= static_cast<size_t>(decimals)) {
    digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
  }
  size_t int_len = digits.size() - static_cast<size_t>(decimals);
  std::string out = r.negative ? kMinus : "";
  out += group_thousands(digits.substr(0, int_len));
  if (decimals > 0) {
    out += ',';
    out.append(digits, int_len, std::string::npos);
  }
  return out;
}

std::string format_number(double value, int decimals) {
  return format_number(Exact::from_double(value), decimals);
}

std::string format_integer(int64_t value) { return format_number(Exact::integer(value), 0); }

std::string format_percent(const Exact& value, int decimals) {
  return format_number(value, decimals) + "%";
}

std::string format_money(int64_t rupiah, report::Settings::Money style) {
  std::string amount = format_number(Exact::integer(rupiah), 0);
  std::string sign = rupiah < 0 ? kMinus : "";
  if (rupiah < 0) amount.erase(0, sign.size());
  if (style == report::Settings::Money::rp_dot) return sign + "Rp. " + amount + ",-";
  return sign + "Rp" + amount;
}

std::string format_quantity(const Exact& value, int decimals, const std::string& unit) {
  std::string n = format_number(value, decimals);
  if (unit.empty()) return n;
  if (unit == "%") return n + "%";
  return n + " " + unit;
}

std::string month_name(int month) {
  static constexpr std::array<const char*, 12> kMonths = {
      "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
      "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  if (month < 1 || month > 12) internal_error("month_name of month " + std::to_string(month));
  return kMonths[static_cast<size_t>(month - 1)];
}

std::string format_date(const report::Date& date) {
  return std::to_string(date.day) + " " + month_name(date.month) + " " + std::to_string(date.year);
}

std::string format_nip(const std::string& nip) {
  if (nip.size() != 18) return nip;
  for (char c : nip) {
    if (c < '0' || c > '9') return nip;
  }
  return nip.substr(0, 8) + " " + nip.substr(8, 6) + " " + nip.substr(14, 1) + " " +
         nip.substr(15, 3);
}

std::string roman(int n, bool upper) {
  if (n < 1 || n > 3999) internal_error("roman numeral out of range: " + std::to_string(n));
  static constexpr std::array<std::pair<int, const char*>, 13> kParts = {{{1000, "m"},
                                                                          {900, "cm"},
                                                                          {500, "d"},
                                                                          {400, "cd"},
                                                                          {100, "c"},
                                                                          {90, "xc"},
                                                                          {50, "l"},
                                                                          {40, "xl"},
                                                                          {10, "x"},
                                                                          {9, "ix"},
                                                                          {5, "v"},
                                                                          {4, "iv"},
                                                                          {1, "i"}}};
  std::string out;
  for (const auto& [value, letters] : kParts) {
    for (; n >= value; n -= value) out += letters;
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string alpha(int n, bool upper) {
  if (n < 1) internal_error("alphabetic counter below 1: " + std::to_string(n));
  std::string out;
  for (; n > 0; n = (n - 1) / 26) {  // bijective base 26
    out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26));
  }
  return out;
}

}  // namespace lkjip::compute
