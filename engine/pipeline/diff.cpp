#include "pipeline/diff.h"

#include <algorithm>
#include <sstream>

#include "compute/computed.h"
#include "doc/build.h"
#include "report/model.h"

namespace lkjip::pipeline {
namespace {

struct Built {
  std::optional<report::Report> report;
  std::optional<compute::ComputedTables> computed;
  std::vector<std::string> lines;  // doc dump
};

Built build(const std::string& path, Resources& res, DiagnosticSink& sink) {
  Built b;
  b.report = report::load_description(path, {}, sink);
  if (!b.report) return b;
  auto style = res.layout(b.report->layout, sink);
  if (!style) return b;
  b.computed = compute::compute(*b.report);
  auto document = doc::build(*b.report, *b.computed, *style, sink);
  if (!document) return b;
  std::istringstream in(doc::dump(*document));
  for (std::string line; std::getline(in, line);) b.lines.push_back(line);
  return b;
}

/// Where a dump line sits: the last chapter/heading/table line above it (dump lines that start
/// with those words, after indentation).
std::string context_of(const std::vector<std::string>& lines, size_t index) {
  std::string chapter, inner;
  for (size_t i = 0; i <= index && i < lines.size(); ++i) {
    const auto& l = lines[i];
    const auto start = l.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    const std::string_view s(l.c_str() + start);
    if (s.rfind("chapter", 0) == 0 || s.rfind("front", 0) == 0) {
      chapter = std::string(s.substr(0, 80));
      inner.clear();
    } else if (s.rfind("heading", 0) == 0 || s.rfind("table", 0) == 0 ||
               s.rfind("figure", 0) == 0) {
      inner = std::string(s.substr(0, 80));
    }
  }
  return inner.empty() ? chapter : chapter + " › " + inner;
}

}  // namespace

DiffResult diff_reports(const std::string& old_path, const std::string& new_path,
                        Resources& resources, DiagnosticSink& sink) {
  DiffResult out;
  Built a = build(old_path, resources, sink);
  Built b = build(new_path, resources, sink);
  if (!a.computed || !b.computed || a.lines.empty() || b.lines.empty()) return out;
  out.ok = true;
  std::ostringstream s;

  // 1. Figures, by reference path.
  for (const auto& [path, va] : a.computed->refs) {
    const auto* vb = b.computed->find(path);
    if (!vb) {
      s << "figure " << path << ": removed (was " << va.text << ")\n";
      ++out.changes;
    } else if (vb->text != va.text) {
      s << "figure " << path << ": " << va.text << " -> " << vb->text << "\n";
      ++out.changes;
    }
  }
  for (const auto& [path, vb] : b.computed->refs)
    if (!a.computed->find(path)) {
      s << "figure " << path << ": added (" << vb.text << ")\n";
      ++out.changes;
    }

  // 2. Document lines: common prefix and suffix, then an LCS over the middle.
  const auto& x = a.lines;
  const auto& y = b.lines;
  size_t pre = 0;
  while (pre < x.size() && pre < y.size() && x[pre] == y[pre]) ++pre;
  size_t suf = 0;
  while (suf < x.size() - pre && suf < y.size() - pre &&
         x[x.size() - 1 - suf] == y[y.size() - 1 - suf])
    ++suf;
  const size_t n = x.size() - pre - suf, m = y.size() - pre - suf;
  if (n * m > 50'000'000) {  // pathological rewrite: list both sides wholesale
    for (size_t i = 0; i < n; ++i) s << "- " << x[pre + i] << "\n";
    for (size_t j = 0; j < m; ++j) s << "+ " << y[pre + j] << "\n";
    out.changes += n + m;
  } else {
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        at(i, j) = x[pre + i] == y[pre + j] ? at(i + 1, j + 1) + 1
                                            : std::max(at(i + 1, j), at(i, j + 1));
    size_t i = 0, j = 0;
    std::string last_context;
    auto header = [&](const std::string& ctx) {
      if (ctx != last_context) s << "@@ " << ctx << "\n";
      last_context = ctx;
    };
    while (i < n || j < m) {
      if (i < n && j < m && x[pre + i] == y[pre + j]) {
        ++i, ++j;
      } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
        header(context_of(y, pre + j));
        s << "+ " << y[pre + j] << "\n";
        ++j, ++out.changes;
      } else {
        header(context_of(x, pre + i));
        s << "- " << x[pre + i] << "\n";
        ++i, ++out.changes;
      }
    }
  }
  s << out.changes << (out.changes == 1 ? " change\n" : " changes\n");
  out.text = s.str();
  return out;
}

}  // namespace lkjip::pipeline
