#include "test_util.h"

#include <stdexcept>

namespace lkjip::report::testing {

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("test text lacks " + std::string(from));
  return text.replace(at, from.size(), to);
}

Parsed parse(std::string_view text, const LoadOptions& options, std::string dir) {
  DiagnosticSink sink;
  Parsed p;
  p.report = parse_description(text, dir.empty() ? "t.toml" : dir + "/t.toml", options, sink);
  for (const auto& d : sink.all()) p.diagnostics.push_back(format_diagnostic(d));
  return p;
}

}  // namespace lkjip::report::testing
