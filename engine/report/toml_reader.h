// Reading TOML with located diagnostics: parsing (size, UTF-8, syntax), typed access to the
// keys of a table, and unknown-key detection with "did you mean". Internal to engine/report/,
// the only folder that includes toml++ (DESIGN.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "base/diagnostic.h"

namespace lkjip::report::detail {

/// Diagnostics of one file, kept until the whole file has been read so that they reach the
/// sink in source order (tables are visited in key order, not file order).
class Context {
 public:
  /// `text` must outlive the context (raw source is consulted for written decimals).
  Context(std::string_view text, std::string path);

  const std::string& path() const { return path_; }
  SourceLoc file_loc() const { return {path_, 0, 0}; }
  SourceLoc at(const toml::source_position& p) const;
  SourceLoc at(const toml::node& n) const { return at(n.source().begin); }
  /// Source text from `p` to the end of its line; empty when `p` is unknown.
  std::string_view raw(const toml::source_position& p) const;
  /// Location of the first content line of a multi-line string starting at `p`: TOML drops a
  /// newline right after the opening quotes, so the content then starts on the next line.
  SourceLoc string_content(const toml::source_position& p) const;

  void error(SourceLoc loc, std::string message, std::vector<std::string> hints = {});
  bool failed() const { return errors_ > 0; }
  /// True once the file has kErrorLimit errors: only those reach the sink, so later ones skip
  /// costly hints.
  bool at_error_limit() const { return errors_ >= kErrorLimit; }
  /// Moves every collected diagnostic to `sink`, sorted by line and column (stable).
  void flush(DiagnosticSink& sink);

 private:
  std::string_view text_;
  std::string path_;
  std::vector<size_t> line_starts_;
  std::vector<Diagnostic> items_;
  size_t errors_ = 0;
};

/// Checks the size limit and UTF-8, then parses. Failures become located diagnostics.
std::optional<toml::table> parse_toml(Context& ctx, std::string_view text, size_t max_bytes);

/// "a string", "an integer", "a number", "a table", … for messages.
std::string type_name(const toml::node& n);

/// Deepest accepted nesting of tables, dotted keys, arrays and inline tables (see too_deep()):
/// far beyond any description, far below what overflows toml++'s recursion on a thread's stack.
inline constexpr size_t kMaxNesting = 128;

/// Longest accepted single-line text (names, captions, formulas), in bytes.
inline constexpr size_t kMaxText = 4000;
/// Longest accepted id, in bytes.
inline constexpr size_t kMaxId = 64;

// Node conversions; `what` names the value in messages (e.g. "`target`", "item 3 of `rows`").
std::optional<std::string> as_text(Context& ctx, const toml::node& n, std::string_view what,
                                   size_t max_len = kMaxText);
std::optional<double> as_number(Context& ctx, const toml::node& n, std::string_view what);
std::optional<int64_t> as_integer(Context& ctx, const toml::node& n, std::string_view what);
const toml::table* as_table(Context& ctx, const toml::node& n, std::string_view what);

/// One table being read. Each getter marks its key as read; finish() reports every key that
/// was never read as unknown, suggesting the closest known key.
class Fields {
 public:
  /// `what` names the table in messages ("[[iku]]"); `known` lists its keys (keys.h).
  Fields(Context& ctx, const toml::table& table, std::string what,
         const std::vector<std::string>& known);

  Context& ctx() { return ctx_; }
  const std::string& what() const { return what_; }
  SourceLoc loc() const { return ctx_.at(table_); }
  /// Location of `key`'s value, or of the table when the key is absent.
  SourceLoc loc(std::string_view key) const;
  bool has(std::string_view key) const { return table_.contains(key); }

  /// The node of `key` (marked read), nullptr when absent; reports a missing required key.
  const toml::node* node(std::string_view key, bool required = false);
  std::optional<std::string> text(std::string_view key, bool required = false,
                                  size_t max_len = kMaxText);
  std::optional<double> number(std::string_view key, bool required = false);
  std::optional<int64_t> integer(std::string_view key, bool required = false);
  std::optional<bool> boolean(std::string_view key);
  const toml::table* table(std::string_view key);
  const toml::array* array(std::string_view key, bool required = false);
  /// One of `allowed` (an enum-like string); unknown values are errors with a suggestion.
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& allowed);
  /// The required `id`, checked against [a-z0-9_]+ and kMaxId; empty when missing or invalid.
  std::string id();

  /// Reports unread keys. Must be called once after reading.
  void finish();

 private:
  Context& ctx_;
  const toml::table& table_;
  std::string what_;
  const std::vector<std::string>& known_;
  std::vector<std::string> read_;
};

}  // namespace lkjip::report::detail
