// Diagnostics: the user-error and warning channels shared by every stage (see DESIGN.md,
// "Three error channels"). A stage never throws across its boundary; it reports here.
#pragma once

#include <mutex>
#include <string>
#include <vector>

namespace lkjip {

enum class Severity { error, warning, note };

/// A position in a source file; line and column are 1-based, 0 means unknown.
struct SourceLoc {
  std::string file;
  int line = 0;
  int column = 0;
  bool known() const { return !file.empty(); }
};

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLoc loc;
  std::string message;
  std::vector<std::string> hints;
};

/// Formats `file:line:col: error: message` followed by one `  hint: …` line per hint.
std::string format_diagnostic(const Diagnostic& d);

/// Errors a run shows; past them the sink only counts (a user fixes the first ones anyway, and
/// 5,000 unknown references must not cost 5,000 suggestion searches).
inline constexpr size_t kErrorLimit = 100;

/// Collects diagnostics from every stage so all errors of a run are reported together.
/// Thread-safe: bulk rendering gives each report its own sink, but stages may share one.
class DiagnosticSink {
 public:
  void report(Diagnostic d);
  void error(SourceLoc loc, std::string message, std::vector<std::string> hints = {});
  void warning(SourceLoc loc, std::string message, std::vector<std::string> hints = {});
  bool has_errors() const;
  /// Every error reported, the ones past kErrorLimit included.
  size_t error_count() const;
  size_t warning_count() const;
  /// True once kErrorLimit errors are kept: further errors are only counted, so their
  /// reporters skip costly hints ("did you mean").
  bool at_error_limit() const;
  /// Snapshot, in the order reported; past kErrorLimit errors, a last error "too many errors"
  /// says how many there were in all.
  std::vector<Diagnostic> all() const;
  /// Writes every diagnostic, formatted, to the stream (stderr in the CLI).
  void print(std::FILE* out) const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  size_t kept_errors_ = 0, dropped_errors_ = 0;
};

/// Thrown only for broken internal invariants (a bug in lkjip, never the user's fault).
/// The CLI catches it, prints "internal error" and exits with its own code.
[[noreturn]] void internal_error(const std::string& what);

struct InternalError : std::exception {
  std::string what_;
  explicit InternalError(std::string w) : what_(std::move(w)) {}
  const char* what() const noexcept override { return what_.c_str(); }
};

}  // namespace lkjip
