#include "doc/text_util.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "compute/format.h"

namespace lkjip::doc {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return out;
}

std::string expand(std::string_view format,
                   const std::vector<std::pair<std::string, std::string>>& vars) {
  std::string out;
  size_t i = 0;
  while (i < format.size()) {
    if (format[i] == '{') {
      size_t close = format.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = format.substr(i + 1, close - i - 1);
        auto it =
            std::find_if(vars.begin(), vars.end(), [&](const auto& v) { return v.first == name; });
        if (it != vars.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += format[i++];
  }
  return out;
}

std::string plain_number(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);  // shortest
  std::string_view digits(buf, res.ptr - buf);
  size_t point = digits.find('.');
  int decimals = point == std::string_view::npos ? 0 : static_cast<int>(digits.size() - point - 1);
  return compute::format_number(v, decimals);
}

}  // namespace lkjip::doc
