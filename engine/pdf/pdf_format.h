// Text formatting for PDF syntax: numbers, dates, UTF-16 and XML escapes. Pure functions,
// independent of the C locale and the time zone, so output bytes are reproducible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lkjip::pdf {

/// Appends `v` rounded to `decimals` places with trailing zeros trimmed ("12.5", "3", never
/// "-0" or an exponent), via std::to_chars so the locale cannot change the decimal point.
void append_num(std::string& out, double v, int decimals = 3);
std::string num(double v, int decimals = 3);

/// `v` rounded to 3 decimals, the precision of /W widths and font metrics in this writer.
double round3(double v);

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
