#include "report/toml_reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "base/suggest.h"
#include "report/checks.h"

namespace lkjip::report::detail {

Context::Context(std::string_view text, std::string path) : text_(text), path_(std::move(path)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

SourceLoc Context::at(const toml::source_position& p) const {
  return {path_, static_cast<int>(p.line), static_cast<int>(p.column)};
}

std::string_view Context::raw(const toml::source_position& p) const {
  if (p.line == 0 || p.line > line_starts_.size() || p.column == 0) return {};
  size_t i = line_starts_[p.line - 1];
  // Columns count code points: skip column-1 of them.
  for (size_t col = 1; col < p.column && i < text_.size() && text_[i] != '\n'; ++col) {
    ++i;
    while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
  }
  size_t end = text_.find('\n', i);
  return text_.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
}

SourceLoc Context::string_content(const toml::source_position& p) const {
  std::string_view r = raw(p);
  SourceLoc loc = at(p);
  if (r.starts_with("'''") || r.starts_with("\"\"\"")) {
    std::string_view after = r.substr(3);
    if (after.empty() || after == "\r") return {path_, loc.line + 1, 1};
    loc.column += 3;
  } else if (!r.empty()) {
    loc.column += 1;
  }
  return loc;
}

void Context::error(SourceLoc loc, std::string message, std::vector<std::string> hints) {
  items_.push_back({Severity::error, std::move(loc), std::move(message), std::move(hints)});
  ++errors_;
}

void Context::flush(DiagnosticSink& sink) {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
  });
  for (auto& d : items_) sink.report(std::move(d));
  items_.clear();
}

namespace {

/// True when `line` holds a digit, then `sep`, then a digit (e.g. "70,20" for sep ',').
bool digits_around(std::string_view line, char sep) {
  for (size_t i = 1; i + 1 < line.size(); ++i)
    if (line[i] == sep && std::isdigit(static_cast<unsigned char>(line[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(line[i + 1])))
      return true;
  return false;
}

/// Hints for a toml++ syntax error; `line` is the whole source line of the error. Besides the
/// generic ones they name the slips of hand-typed Indonesian figures: a decimal comma
/// ("70,20"), thousands dots ("150.000.000") and text without quotes.
std::vector<std::string> syntax_hints(const std::string& description, std::string_view line) {
  std::vector<std::string> hints;
  auto has = [&](std::string_view s) { return description.find(s) != std::string::npos; };
  if (has("redefine") || has("already"))
    hints.push_back("each key may appear only once in a table; rename or remove one of them");
  else if (has("saw ','") && digits_around(line, ','))
    hints.push_back("numbers take a decimal point, not a comma: write 70.20, not 70,20");
  else if (has("saw '.'") && digits_around(line, '.'))
    hints.push_back("numbers have no thousands separators: write 150000000, not 150.000.000");
  else if (has("string"))
    hints.push_back(
        "close the string with the same quotes it opened with; use ''' … ''' for "
        "text over several lines");
  else if (has("date") || has("month") || has("day"))
    hints.push_back("dates are written YYYY-MM-DD without quotes, e.g. 2025-01-03");
  else if (has("could not determine value type"))
    hints.push_back("text is written in quotes, e.g. place = \"Jombang\"");
  hints.push_back(
      "the description is TOML 1.0 (https://toml.io); later errors are found once "
      "this one is fixed");
  return hints;
}

}  // namespace

std::optional<toml::table> parse_toml(Context& ctx, std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) {
    ctx.error(ctx.file_loc(),
              "file is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                  std::to_string(max_bytes) + " bytes",
              {"a description holds data and text only; images are referenced by path"});
    return std::nullopt;
  }
  if (auto bad = first_invalid_utf8(text)) {
    auto [line, column] = line_column(text, *bad);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
    // Notepad's "Unicode" is UTF-16 with a byte-order mark: FF FE (or FE FF).
    const bool utf16 = text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                                            (text[0] == '\xFE' && text[1] == '\xFF'));
    ctx.error({ctx.path(), line, column},
              std::string("invalid UTF-8: byte ").append(byte) + " at byte offset " +
                  std::to_string(*bad),
              {utf16 ? "the file is UTF-16 (it starts with a byte-order mark); save it as UTF-8"
                     : "save the file as UTF-8; this byte looks like Windows-1252/Latin-1 text"});
    return std::nullopt;
  }
  if (const auto deep = too_deep(text, kMaxNesting)) {
    const auto [line, column] = line_column(text, deep->offset);
    ctx.error({ctx.path(), line, column},
              "nesting " + std::to_string(deep->depth) + " levels deep, more than the limit of " +
                  std::to_string(kMaxNesting),
              {"each part of a table header or dotted key, each array of tables, array and "
               "inline table is a level; the deepest table a description needs, "
               "[[program.kegiatan.sub.indicator.stated]], is 6 levels deep"});
    return std::nullopt;
  }
  try {
    return toml::parse(text, ctx.path());
  } catch (const toml::parse_error& e) {
    std::string description(e.description());
    const auto at = e.source().begin;
    // toml++ finds an unclosed string at the end of the file; the reader needs its start.
    if (description.find("end-of-file") != std::string::npos) {
      if (const auto open = string_open_at_end(text)) {
        const auto [line, column] = line_column(text, *open);
        const std::string_view three = text.substr(*open, 3);
        const std::string quotes(three == "'''" || three == "\"\"\"" ? three
                                                                     : text.substr(*open, 1));
        ctx.error(
            {ctx.path(), line, column},
            "the string opened here with " + quotes + " is never closed: the file ends inside it",
            syntax_hints("string", ctx.raw({static_cast<toml::source_index>(line), 1})));
        return std::nullopt;
      }
    }
    ctx.error(ctx.at(at), description, syntax_hints(description, ctx.raw({at.line, 1})));
  } catch (const std::exception& e) {
    ctx.error(ctx.file_loc(), std::string("cannot parse: ") + e.what());
  }
  return std::nullopt;
}

std::string type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

namespace {

void type_error(Context& ctx, const toml::node& n, std::string_view what, std::string_view want,
                std::vector<std::string> hints = {}) {
  ctx.error(ctx.at(n),
            std::string(what) + std::string(": expected ").append(want) + ", found " + type_name(n),
            std::move(hints));
}

}  // namespace

namespace {

/// The first control character of `v` other than tab, line feed and carriage return (C0,
/// DEL, C1), as "U+001B (ESC) at character 3"; empty when there is none. They print as
/// nothing, and a NUL cuts the PDF's Info strings short.
std::string first_control_character(const std::string& v) {
  static const char* const c0[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
                                   "BS",  "HT",  "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
                                   "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
                                   "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
  size_t chars = 0;  // characters before i (the text is valid UTF-8)
  for (size_t i = 0; i < v.size(); ++i) {
    const auto b = static_cast<unsigned char>(v[i]);
    if ((b & 0xC0) == 0x80) continue;  // continuation byte
    ++chars;
    unsigned code = 0;
    const char* name = nullptr;
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
      code = b;
      name = c0[b];
    } else if (b == 0x7F) {
      code = b;
      name = "DEL";
    } else if (b == 0xC2 && i + 1 < v.size() && static_cast<unsigned char>(v[i + 1]) <= 0x9F) {
      code = static_cast<unsigned char>(v[i + 1]);
      name = "C1 control";
    }
    if (!name) continue;
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04X", code);
    return std::string("U+") + hex + " (" + name + ") at character " + std::to_string(chars);
  }
  return {};
}

}  // namespace

std::optional<std::string> as_text(Context& ctx, const toml::node& n, std::string_view what,
                                   size_t max_len) {
  const auto* s = n.as_string();
  if (!s) {
    std::vector<std::string> hints;
    if (n.is_number()) hints.push_back("put text in quotes: \"…\"");
    type_error(ctx, n, what, "a string", hints);
    return std::nullopt;
  }
  const std::string& v = s->get();
  if (v.size() > max_len) {
    ctx.error(ctx.at(n), std::string(what) + " is " + std::to_string(v.size()) +
                             " bytes long, more than the limit of " + std::to_string(max_len));
    return std::nullopt;
  }
  if (const std::string control = first_control_character(v); !control.empty()) {
    ctx.error(ctx.at(n), std::string(what) + " holds the control character " + control,
              {"control characters print as nothing; remove it (an escape such as \\u0000 or a "
               "character pasted along with the text)",
               "tabs and line breaks are the only ones allowed"});
    return std::nullopt;
  }
  return v;
}

std::optional<double> as_number(Context& ctx, const toml::node& n, std::string_view what) {
  if (const auto* i = n.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = n.as_floating_point()) {
    if (!std::isfinite(f->get())) {
      ctx.error(ctx.at(n), std::string(what) + " must be a finite number");
      return std::nullopt;
    }
    return f->get();
  }
  std::vector<std::string> hints;
  if (const auto* s = n.as_string()) {
    std::string error;
    if (auto q = parse_quantity_text(s->get(), error); q && q->unit.empty())
      hints.push_back("write the number without quotes and with a decimal point: " +
                      format_plain(q->value));
    else
      hints.push_back("this field takes a TOML number such as 70.20 or 3025");
  }
  type_error(ctx, n, what, "a number", hints);
  return std::nullopt;
}

std::optional<int64_t> as_integer(Context& ctx, const toml::node& n, std::string_view what) {
  if (const auto* i = n.as_integer()) return i->get();
  type_error(ctx, n, what, "an integer");
  return std::nullopt;
}

const toml::table* as_table(Context& ctx, const toml::node& n, std::string_view what) {
  if (const auto* t = n.as_table()) return t;
  type_error(ctx, n, what, "a table");
  return nullptr;
}

Fields::Fields(Context& ctx, const toml::table& table, std::string what,
               const std::vector<std::string>& known)
    : ctx_(ctx), table_(table), what_(std::move(what)), known_(known) {}

SourceLoc Fields::loc(std::string_view key) const {
  if (const auto* n = table_.get(key)) return ctx_.at(*n);
  return loc();
}

const toml::node* Fields::node(std::string_view key, bool required) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end())
    internal_error(std::string("reader asks for `").append(key) + "`, not a known key of " + what_);
  read_.emplace_back(key);
  const toml::node* n = table_.get(key);
  if (!n && required)
    ctx_.error(loc(), std::string("missing required key `").append(key) + "` in " + what_,
               {std::string("add `").append(key) + " = …` to this table"});
  return n;
}

std::optional<std::string> Fields::text(std::string_view key, bool required, size_t max_len) {
  const auto* n = node(key, required);
  return n ? as_text(ctx_, *n, std::string("`").append(key) + "`", max_len) : std::nullopt;
}

std::optional<double> Fields::number(std::string_view key, bool required) {
  const auto* n = node(key, required);
  return n ? as_number(ctx_, *n, std::string("`").append(key) + "`") : std::nullopt;
}

std::optional<int64_t> Fields::integer(std::string_view key, bool required) {
  const auto* n = node(key, required);
  return n ? as_integer(ctx_, *n, std::string("`").append(key) + "`") : std::nullopt;
}

std::optional<bool> Fields::boolean(std::string_view key) {
  const auto* n = node(key);
  if (!n) return std::nullopt;
  if (const auto* b = n->as_boolean()) return b->get();
  type_error(ctx_, *n, std::string("`").append(key) + "`", "a boolean",
             {"write true or false without quotes"});
  return std::nullopt;
}

const toml::table* Fields::table(std::string_view key) {
  const auto* n = node(key);
  return n ? as_table(ctx_, *n, std::string("`").append(key) + "`") : nullptr;
}

const toml::array* Fields::array(std::string_view key, bool required) {
  const auto* n = node(key, required);
  if (!n) return nullptr;
  if (const auto* a = n->as_array()) return a;
  type_error(ctx_, *n, std::string("`").append(key) + "`", "an array", {"write [ … ]"});
  return nullptr;
}

std::optional<std::string> Fields::choice(std::string_view key,
                                          const std::vector<std::string>& allowed) {
  auto v = text(key);
  if (!v) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *v) != allowed.end()) return v;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "\"" : ", \"") + a + "\"";
  std::vector<std::string> hints = {"allowed: " + list};
  if (auto near = did_you_mean(*v, allowed); !near.empty())
    hints.insert(hints.begin(), "did you mean \"" + near + "\"?");
  ctx_.error(loc(key), std::string("`").append(key) + "` is \"" + *v + "\", not an allowed value",
             hints);
  return std::nullopt;
}

std::string Fields::id() {
  auto v = text("id", true, kMaxId);
  if (!v) return {};
  if (!is_valid_id(*v)) {
    ctx_.error(loc("id"), "id \"" + *v + "\" is not valid",
               {"ids use only lower-case letters a-z, digits and '_', e.g. \"s1\" or "
                "\"nilai_akip\""});
    return {};
  }
  return *v;
}

void Fields::finish() {
  for (auto&& [key, value] : table_) {
    std::string_view k = key.str();
    if (std::find(read_.begin(), read_.end(), k) != read_.end()) continue;
    if (std::find(known_.begin(), known_.end(), k) != known_.end())
      internal_error(std::string("known key `").append(k) + "` of " + what_ + " was not read");
    std::vector<std::string> hints;
    if (auto near = did_you_mean(k, known_); !near.empty())
      hints.push_back("did you mean `" + near + "`?");
    std::string list;
    for (const auto& a : known_) list += (list.empty() ? "" : ", ") + a;
    hints.push_back("keys of " + what_ + ": " + list);
    ctx_.error(ctx_.at(key.source().begin),
               std::string("unknown key `").append(k) + "` in " + what_, hints);
  }
}

}  // namespace lkjip::report::detail
