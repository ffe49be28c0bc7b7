// Text formatting for PDF syntax: numbers, dates, UTF-16 and XML escapes. Pure functions,
// independent of the C locale and the time zone, so output bytes are reproducible.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lkjip::pdf {

/// Appends `v` rounded to `decimals` (0-9) places, ties to even, with trailing zeros trimmed
/// ("12.5", "3", never "-0" or an exponent). Integer arithmetic, so the locale cannot change
/// the decimal point. NaN, infinities and magnitudes beyond 9.2e18 / 10^decimals, which no
/// layout produces, print as "0" to keep the syntax valid.
void append_num(std::string& out, double v, int decimals = 3);
std::string num(double v, int decimals = 3);

/// Writes the fixed-point number `scaled` / 10^`decimals` (0-9) in append_num's format to `p`,
/// which must have room for kMaxScaledChars, and returns the end: the content stream's hot
/// path keeps positions as integers and prints them with this.
inline constexpr size_t kMaxScaledChars = 21;  // sign, 19 digits, point
char* write_scaled(char* p, int64_t scaled, int decimals);
void append_scaled(std::string& out, int64_t scaled, int decimals);

/// `v` in thousandths, rounded half away from zero: the integer form of round3. Inline
/// integer arithmetic instead of std::llround, a libm call, because the content stream needs
/// two per glyph. NaN and magnitudes beyond 9e15 give 0.
inline int64_t to_milli(double v) {
  const double s = v * 1000.0;
  if (!(std::fabs(s) < 9e15)) return 0;
  auto i = static_cast<int64_t>(s);  // toward zero; s - i is exact below 2^53
  const double frac = s - static_cast<double>(i);
  if (frac >= 0.5) ++i;
  if (frac <= -0.5) --i;
  return i;
}

/// `v` rounded to 3 decimals, the precision of /W widths and font metrics in this writer.
inline double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

/// Info-dictionary date in UTC, `D:YYYYMMDDHHmmSS+00'00'`.
std::string pdf_date(int64_t epoch);
/// XMP date in UTC, `YYYY-MM-DDTHH:mm:SS+00:00`.
std::string xmp_date(int64_t epoch);

/// UTF-8 to UTF-16 code units (surrogate pairs above the BMP); malformed input becomes U+FFFD.
std::u16string utf8_to_utf16(std::string_view s);

/// Escapes &, <, >, " and ' for XML text and attributes; drops control characters XML 1.0
/// forbids.
std::string xml_escape(std::string_view s);

/// True when every byte is printable ASCII, so PdfDocEncoding and UTF-8 agree.
bool is_plain_ascii(std::string_view s);

}  // namespace lkjip::pdf
