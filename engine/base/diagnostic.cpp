#include "base/diagnostic.h"

#include <cstdio>

namespace lkjip {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (d.loc.known()) {
    out += d.loc.file;
    if (d.loc.line > 0) {
      out += ':' + std::to_string(d.loc.line);
      if (d.loc.column > 0) out += ':' + std::to_string(d.loc.column);
    }
    out += ": ";
  }
  switch (d.severity) {
    case Severity::error: out += "error: "; break;
    case Severity::warning: out += "warning: "; break;
    case Severity::note: out += "note: "; break;
  }
  out += d.message;
  for (const auto& h : d.hints) out += "\n  hint: " + h;
  return out;
}

void DiagnosticSink::report(Diagnostic d) {
  std::lock_guard lock(mutex_);
  if (d.severity == Severity::error) {
    if (kept_errors_ == kErrorLimit) {
      ++dropped_errors_;
      return;
    }
    ++kept_errors_;
  }
  items_.push_back(std::move(d));
}

void DiagnosticSink::error(SourceLoc loc, std::string message, std::vector<std::string> hints) {
  report({Severity::error, std::move(loc), std::move(message), std::move(hints)});
}

void DiagnosticSink::warning(SourceLoc loc, std::string message, std::vector<std::string> hints) {
  report({Severity::warning, std::move(loc), std::move(message), std::move(hints)});
}

bool DiagnosticSink::has_errors() const { return error_count() > 0; }

size_t DiagnosticSink::error_count() const {
  std::lock_guard lock(mutex_);
  return kept_errors_ + dropped_errors_;
}

bool DiagnosticSink::at_error_limit() const {
  std::lock_guard lock(mutex_);
  return kept_errors_ == kErrorLimit;
}

size_t DiagnosticSink::warning_count() const {
  std::lock_guard lock(mutex_);
  size_t n = 0;
  for (const auto& d : items_) n += d.severity == Severity::warning;
  return n;
}

std::vector<Diagnostic> DiagnosticSink::all() const {
  std::lock_guard lock(mutex_);
  std::vector<Diagnostic> out = items_;
  if (dropped_errors_ > 0) {
    Diagnostic too_many;
    too_many.message = "too many errors: " + std::to_string(kept_errors_ + dropped_errors_) +
                       " in all, the first " + std::to_string(kErrorLimit) + " shown above";
    too_many.hints = {"fix these and run lkjip again"};
    out.push_back(std::move(too_many));
  }
  return out;
}

void DiagnosticSink::print(std::FILE* out) const {
  for (const auto& d : all()) std::fprintf(out, "%s\n", format_diagnostic(d).c_str());
}

void internal_error(const std::string& what) { throw InternalError("internal error: " + what); }

}  // namespace lkjip
