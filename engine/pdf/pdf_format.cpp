#include "pdf/pdf_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace lkjip::pdf {

char* write_scaled(char* p, int64_t scaled, int decimals) {
  char buf[kMaxScaledChars];  // filled from the end
  char* const end = buf + sizeof buf;
  char* q = end;
  uint64_t u = scaled < 0 ? 0 - static_cast<uint64_t>(scaled) : static_cast<uint64_t>(scaled);
  int d = decimals;
  while (d > 0 && u % 10 == 0) {  // trailing zeros of the fraction
    u /= 10;
    --d;
  }
  if (d > 0) {
    for (; d > 0; --d) {
      *--q = static_cast<char>('0' + u % 10);
      u /= 10;
    }
    *--q = '.';
  }
  do {
    *--q = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (scaled < 0) *--q = '-';
  return std::copy(q, end, p);
}

void append_scaled(std::string& out, int64_t scaled, int decimals) {
  char buf[kMaxScaledChars];
  out.append(buf, write_scaled(buf, scaled, decimals));
}

void append_num(std::string& out, double v, int decimals) {
  static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  // std::rint rounds ties to even, as std::to_chars does for exactly representable ties.
  const double scaled = std::rint(v * kPow10[decimals]);
  if (!(std::fabs(scaled) < 9.2e18)) {
    out += '0';
    return;
  }
  append_scaled(out, static_cast<int64_t>(scaled), decimals);
}

std::string num(double v, int decimals) {
  std::string s;
  append_num(s, v, decimals);
  return s;
}

namespace {

struct Civil {
  int year, month, day, hour, minute, second;
};

// Howard Hinnant's days-to-civil algorithm: UTC by construction, no TZ or libc state involved.
Civil civil_from_epoch(int64_t epoch) {
  int64_t days = epoch / 86400;
  int64_t secs = epoch % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  return {static_cast<int>(y),
          static_cast<int>(m),
          static_cast<int>(d),
          static_cast<int>(secs / 3600),
          static_cast<int>(secs / 60 % 60),
          static_cast<int>(secs % 60)};
}

void append_fixed(std::string& out, int v, int width) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v < 0 ? 0 : v);
  (void)ec;
  for (auto n = end - buf; n < width; ++n) out += '0';
  out.append(buf, end);
}

}  // namespace

std::string pdf_date(int64_t epoch) {
  const Civil c = civil_from_epoch(epoch);
  std::string s = "D:";
  append_fixed(s, c.year, 4);
  append_fixed(s, c.month, 2);
  append_fixed(s, c.day, 2);
  append_fixed(s, c.hour, 2);
  append_fixed(s, c.minute, 2);
  append_fixed(s, c.second, 2);
  s += "+00'00'";
  return s;
}

std::string xmp_date(int64_t epoch) {
  const Civil c = civil_from_epoch(epoch);
  std::string s;
  append_fixed(s, c.year, 4);
  s += '-';
  append_fixed(s, c.month, 2);
  s += '-';
  append_fixed(s, c.day, 2);
  s += 'T';
  append_fixed(s, c.hour, 2);
  s += ':';
  append_fixed(s, c.minute, 2);
  s += ':';
  append_fixed(s, c.second, 2);
  s += "+00:00";
  return s;
}

std::u16string utf8_to_utf16(std::string_view s) {
  std::u16string out;
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    char32_t cp = 0xFFFD;
    size_t len = 1;
    if (b0 < 0x80) {
      cp = b0;
    } else {
      size_t need = b0 >= 0xF0 && b0 < 0xF5 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
      if (need > 0 && i + need <= s.size()) {
        char32_t v = b0 & (0xFF >> (need + 1));
        bool ok = true;
        for (size_t k = 1; k < need; ++k) {
          const auto b = static_cast<unsigned char>(s[i + k]);
          if ((b & 0xC0) != 0x80) {
            ok = false;
            break;
          }
          v = (v << 6) | (b & 0x3F);
        }
        const char32_t min = need == 2 ? 0x80 : need == 3 ? 0x800 : 0x10000;
        if (ok && v >= min && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF)) {
          cp = v;
          len = need;
        }
      }
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (cp >> 10));
      out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
    i += len;
  }
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += ch;
    }
  }
  return out;
}

bool is_plain_ascii(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

}  // namespace lkjip::pdf
