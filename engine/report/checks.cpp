#include "report/checks.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace lkjip::report::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_'; });
}

std::optional<size_t> first_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += len;
  }
  return std::nullopt;
}

std::pair<int, int> line_column(std::string_view text, size_t offset) {
  int line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;  // count code points, not continuation bytes
    }
  }
  return {line, column};
}

namespace {

/// A TOML string that starts with the quote at `open`: where it ends (just after its closing
/// quotes, or where it is broken off) and whether it was closed.
struct StringSpan {
  size_t end = 0;
  bool closed = false;
};

/// Skips the string opened at `open`. A one-line string is broken off by a line end (toml++'s
/// error at that line), a multi-line one only by the end of the file.
StringSpan skip_string(std::string_view text, size_t open) {
  const char c = text[open];
  const bool basic = c == '"';  // basic strings have backslash escapes, literal ones none
  const std::string_view three = basic ? std::string_view("\"\"\"") : std::string_view("'''");
  size_t i = open;
  if (text.substr(i).starts_with(three)) {  // multi-line: ends at the next three quotes
    for (i += 3;; ++i) {
      if (i >= text.size()) return {text.size(), false};
      if (basic && text[i] == '\\') {
        ++i;
      } else if (text.substr(i).starts_with(three)) {
        i += 3;
        // Up to two quotes right before the closing three belong to the content.
        for (int extra = 0; extra < 2 && i < text.size() && text[i] == c; ++extra) ++i;
        return {i, true};
      }
    }
  }
  for (++i;; ++i) {
    if (i >= text.size()) return {text.size(), false};
    if (text[i] == '\n') return {i, false};
    if (basic && text[i] == '\\') {
      ++i;
    } else if (text[i] == c) {
      return {i + 1, true};
    }
  }
}

bool is_bare_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '-';
}

/// The pre-scan behind too_deep(): a TOML lexer that knows headers, dotted keys, arrays,
/// inline tables, strings and comments, and skips every other value as a run of characters.
/// It stops (finding nothing) at the first thing that is not TOML: toml++ reads the file in
/// order and fails there, before it builds anything beyond what the scan has checked.
class DepthScan {
 public:
  DepthScan(std::string_view text, size_t limit) : t_(text), limit_(limit) {}

  std::optional<TooDeep> run() {
    size_t table_depth = 0;  // of the table the last header opened
    while (i_ < t_.size() && !found_) {
      skip_blank();
      if (i_ >= t_.size()) break;
      const char c = t_[i_];
      if (c == '\n' || c == '\r' || c == '#') {
        skip_comment_and_line_end();
        continue;
      }
      if (c == '[') {
        const bool array = i_ + 1 < t_.size() && t_[i_ + 1] == '[';
        i_ += array ? 2 : 1;
        const size_t parts = key(0);
        if (parts == 0) break;
        // An array of tables is one level, its element another.
        table_depth = parts + (array ? 1 : 0);
        if (check(table_depth, last_part_)) break;
        skip_blank();
        if (!take(']') || (array && !take(']'))) break;
      } else {
        const size_t parts = key(table_depth);
        if (parts == 0) break;
        skip_blank();
        if (!take('=') || !value(table_depth + parts)) break;
      }
      skip_blank();
      if (i_ < t_.size() && t_[i_] != '\n' && t_[i_] != '\r' && t_[i_] != '#') break;
    }
    return found_;
  }

 private:
  std::string_view t_;
  size_t limit_;
  size_t i_ = 0;
  size_t last_part_ = 0;  // offset of the last key part read
  std::optional<TooDeep> found_;

  bool check(size_t depth, size_t at) {
    if (depth > limit_ && !found_) found_ = TooDeep{at, depth};
    return found_.has_value();
  }
  bool take(char c) {
    if (i_ >= t_.size() || t_[i_] != c) return false;
    ++i_;
    return true;
  }
  void skip_blank() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t')) ++i_;
  }
  /// A comment (if any) and the line end after it.
  void skip_comment_and_line_end() {
    if (i_ < t_.size() && t_[i_] == '#') {
      const size_t end = t_.find('\n', i_);
      i_ = end == std::string_view::npos ? t_.size() : end;
    }
    if (i_ < t_.size() && t_[i_] == '\r') ++i_;
    if (i_ < t_.size() && t_[i_] == '\n') ++i_;
  }
  /// Blanks, comments and line ends, as between the elements of an array.
  void skip_blank_lines() {
    for (;;) {
      skip_blank();
      if (i_ >= t_.size() || (t_[i_] != '#' && t_[i_] != '\n' && t_[i_] != '\r')) return;
      skip_comment_and_line_end();
    }
  }
  bool string() {
    const StringSpan s = skip_string(t_, i_);
    i_ = s.end;
    return s.closed;
  }
  /// A dotted key whose first part lies at depth `base` + 1: its number of parts, 0 when it is
  /// not a key or a part lies beyond the limit.
  size_t key(size_t base) {
    size_t parts = 0;
    for (;;) {
      skip_blank();
      last_part_ = i_;
      if (i_ < t_.size() && (t_[i_] == '"' || t_[i_] == '\'')) {
        if (!string()) return 0;
      } else {
        const size_t start = i_;
        while (i_ < t_.size() && is_bare_key_char(t_[i_])) ++i_;
        if (i_ == start) return 0;
      }
      if (check(base + ++parts, last_part_)) return 0;
      skip_blank();
      if (!take('.')) return parts;
    }
  }
  /// A value at `depth`; false when the scan must stop.
  bool value(size_t depth) {
    skip_blank();
    if (i_ >= t_.size() || check(depth, i_)) return false;
    const char c = t_[i_];
    if (c == '"' || c == '\'') return string();
    if (c == '[') {
      ++i_;
      for (;;) {
        skip_blank_lines();
        if (take(']')) return true;
        if (!value(depth + 1)) return false;
        skip_blank_lines();
        if (take(']')) return true;
        if (!take(',')) return false;
      }
    }
    if (c == '{') {
      ++i_;
      skip_blank();
      if (take('}')) return true;
      for (;;) {
        const size_t parts = key(depth);
        if (parts == 0) return false;
        skip_blank();
        if (!take('=') || !value(depth + parts)) return false;
        skip_blank();
        if (take('}')) return true;
        if (!take(',')) return false;
      }
    }
    // Numbers, booleans and dates (which may hold a space) run to a delimiter.
    const size_t start = i_;
    while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != ']' && t_[i_] != '}' && t_[i_] != '#' &&
           t_[i_] != '\n' && t_[i_] != '\r')
      ++i_;
    return i_ > start;
  }
};

}  // namespace

std::optional<size_t> string_open_at_end(std::string_view text) {
  // A lexer for what can hide a quote: comments and the four kinds of strings. A one-line
  // string that meets a line end is toml++'s error at that line, not an open string.
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '#') {
      const size_t end = text.find('\n', i);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 1;
      continue;
    }
    if (c != '"' && c != '\'') {
      ++i;
      continue;
    }
    const StringSpan s = skip_string(text, i);
    if (!s.closed && s.end == text.size()) return i;
    i = s.end;
  }
  return std::nullopt;
}

std::optional<TooDeep> too_deep(std::string_view text, size_t limit) {
  return DepthScan(text, limit).run();
}

std::string format_plain(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) return "?";
  return std::string(buf, end);
}

bool same_unit(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

std::optional<Quantity> parse_quantity_text(std::string_view text, std::string& error) {
  std::string_view s = trim(text);
  std::string number;  // rebuilt in C form for from_chars
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) number += s[i++];
  size_t start = i;
  while (i < s.size() && is_digit(s[i])) number += s[i++];
  if (i == start) {
    error = std::string("`").append(text) + "` does not start with a number";
    return std::nullopt;
  }
  // Thousands groups: '.' followed by exactly three digits.
  while (i < s.size() && s[i] == '.') {
    size_t g = i + 1;
    while (g < s.size() && is_digit(s[g])) ++g;
    if (g - (i + 1) != 3) {
      error = std::string("`").append(text) +
              "` is not an Indonesian number: '.' separates groups of three digits and ',' "
              "starts the decimals";
      return std::nullopt;
    }
    number.append(s.substr(i + 1, 3));
    i = g;
  }
  int decimals = 0;
  if (i < s.size() && s[i] == ',') {
    ++i;
    number += '.';
    while (i < s.size() && is_digit(s[i])) {
      number += s[i++];
      ++decimals;
    }
    if (decimals == 0) {
      error = std::string("`").append(text) + "` has a decimal comma without digits after it";
      return std::nullopt;
    }
  }
  Quantity q;
  auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), q.value);
  if (ec != std::errc() || ptr != number.data() + number.size()) {
    error = std::string("`").append(text) + "` is not a number";
    return std::nullopt;
  }
  q.decimals = decimals;
  std::string_view rest = trim(s.substr(i));
  std::string unit;
  bool pending_space = false;
  for (char c : rest) {
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !unit.empty()) unit += ' ';
    pending_space = false;
    unit += c;
  }
  if (same_unit(unit, "persen")) unit = "%";
  if (!unit.empty() && (is_digit(unit.front()) || unit.front() == '.' || unit.front() == ',')) {
    error = std::string("`").append(text) + "` has more than one number";
    return std::nullopt;
  }
  q.unit = unit;
  return q;
}

int written_decimals(std::string_view raw) {
  size_t i = 0;
  if (i < raw.size() && (raw[i] == '-' || raw[i] == '+')) ++i;
  while (i < raw.size() && (is_digit(raw[i]) || raw[i] == '_')) ++i;
  if (i >= raw.size() || raw[i] != '.') return 0;
  int decimals = 0;
  for (++i; i < raw.size() && (is_digit(raw[i]) || raw[i] == '_'); ++i)
    decimals += is_digit(raw[i]);
  return decimals;
}

std::string normalise_nip(std::string_view nip) {
  std::string out;
  for (char c : nip)
    if (!is_space(c)) out += c;
  return out;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<NipProblem> check_nip(std::string_view nip) {
  const std::string layout_hint =
      "a NIP is 8 digits birth date YYYYMMDD, 6 digits CPNS start YYYYMM, 1 digit sex "
      "(1 male, 2 female) and a 3-digit serial, e.g. 19680411 199303 1 009";
  for (size_t i = 0; i < nip.size(); ++i)
    if (!is_digit(nip[i]))
      return NipProblem{i,
                        std::string("NIP may contain only digits, found `").append(1, nip[i]) + "`",
                        layout_hint};
  if (nip.size() != 18)
    return NipProblem{0, "NIP must have 18 digits, found " + std::to_string(nip.size()),
                      layout_hint};
  int birth_year = to_int(nip.substr(0, 4)), birth_month = to_int(nip.substr(4, 2)),
      birth_day = to_int(nip.substr(6, 2));
  if (birth_year < 1900 || birth_year > 2099)
    return NipProblem{
        0, "NIP birth date (digits 1-8) has an implausible year " + std::to_string(birth_year),
        layout_hint};
  if (birth_month < 1 || birth_month > 12)
    return NipProblem{4,
                      "NIP birth date (digits 1-8) has month " + std::string(nip.substr(4, 2)) +
                          ", out of range 01-12",
                      layout_hint};
  if (birth_day < 1 || birth_day > days_in_month(birth_year, birth_month))
    return NipProblem{6,
                      std::string("NIP birth date (digits 1-8) has day ").append(nip.substr(6, 2)) +
                          std::string(", which does not exist in ").append(nip.substr(0, 4)) + "-" +
                          std::string(nip.substr(4, 2)),
                      layout_hint};
  int cpns_year = to_int(nip.substr(8, 4)), cpns_month = to_int(nip.substr(12, 2));
  if (cpns_month < 1 || cpns_month > 12)
    return NipProblem{12,
                      "NIP CPNS start (digits 9-14) has month " + std::string(nip.substr(12, 2)) +
                          ", out of range 01-12",
                      layout_hint};
  if (cpns_year <= birth_year)
    return NipProblem{8,
                      "NIP CPNS start year " + std::to_string(cpns_year) +
                          " (digits 9-12) is not after the birth year " +
                          std::to_string(birth_year),
                      layout_hint};
  if (nip[14] != '1' && nip[14] != '2')
    return NipProblem{
        14,
        "NIP sex digit (digit 15) must be 1 (male) or 2 (female), found " + std::string(1, nip[14]),
        layout_hint};
  return std::nullopt;
}

}  // namespace lkjip::report::detail
