#include "doc/markup.h"

#include <optional>
#include <ranges>

#include "compute/format.h"
#include "doc/text_util.h"

namespace lkjip::doc {

namespace {

// The names of a map or a table of pairs, for suggestions. Not std::views::keys: clang 14 (the
// fuzz build) rejects elements_view over libstdc++ 12's maps.
template <class Pairs>
std::vector<std::string> keys_of(const Pairs& pairs) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : pairs) keys.emplace_back(key);
  return keys;
}

/// Tabs count as four columns of indentation, the width most editors show.
constexpr int kTabWidth = 4;
/// A line indented this much more than an item's marker nests inside it (SCHEMA.md).
constexpr int kNestIndent = 2;
struct Line {
  std::string_view text;  // without the line break
  int indent = 0;         // leading whitespace width
  size_t start = 0;       // byte offset of the first non-blank character
  bool blank() const { return start >= text.size(); }
  std::string_view body() const {
    std::string_view b = text.substr(start);
    while (!b.empty() && (b.back() == ' ' || b.back() == '\t')) b.remove_suffix(1);
    return b;
  }
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    Line l;
    l.text = text.substr(pos, end - pos);
    if (!l.text.empty() && l.text.back() == '\r') l.text.remove_suffix(1);
    while (l.start < l.text.size() && (l.text[l.start] == ' ' || l.text[l.start] == '\t')) {
      l.indent += l.text[l.start] == '\t' ? kTabWidth - l.indent % kTabWidth : 1;
      ++l.start;
    }
    lines.push_back(l);
    if (end == text.size()) break;
    pos = end + 1;
  }
  return lines;
}

enum class ListStyle { bullet, dot_num, paren_num, enclosed_num, dot_alpha, paren_alpha };

struct Marker {
  ListStyle style = ListStyle::bullet;
  int value = 1;
  size_t width = 0;  // bytes of the marker and the blanks after it
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// List markers of SCHEMA.md: "- ", "1. ", "1) ", "a. ", "a) ", "(1) " (up to three digits, so
/// a year at the start of a wrapped line is not taken for a marker). A numbered or lettered
/// marker needs text after it: a line or table cell that is just "4." is that text.
std::optional<Marker> match_marker(std::string_view s) {
  Marker m;
  size_t i = 0;
  if (s.starts_with("- ") || s == "-") {
    i = 1;
  } else if (!s.empty() && s[0] == '(') {
    size_t j = 1;
    while (j < s.size() && j <= 3 && is_digit(s[j])) ++j;
    if (j == 1 || j >= s.size() || s[j] != ')') return std::nullopt;
    m.style = ListStyle::enclosed_num;
    m.value = std::stoi(std::string(s.substr(1, j - 1)));
    i = j + 1;
  } else {
    size_t j = 0;
    while (j < s.size() && j < 3 && is_digit(s[j])) ++j;
    bool letter = j == 0 && !s.empty() && s[0] >= 'a' && s[0] <= 'z';
    if (letter) j = 1;
    if (j == 0 || j >= s.size() || (s[j] != '.' && s[j] != ')')) return std::nullopt;
    bool dot = s[j] == '.';
    if (letter) {
      m.style = dot ? ListStyle::dot_alpha : ListStyle::paren_alpha;
      m.value = s[0] - 'a' + 1;
    } else {
      m.style = dot ? ListStyle::dot_num : ListStyle::paren_num;
      m.value = std::stoi(std::string(s.substr(0, j)));
    }
    i = j + 1;
  }
  if (i < s.size() && s[i] != ' ' && s[i] != '\t') return std::nullopt;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i == s.size() && m.style != ListStyle::bullet) return std::nullopt;
  m.width = i;
  return m;
}

/// `s` + `c`, spelled out: GCC 12 warns falsely (-Wrestrict) on temporary-string + literal.
std::string with_suffix(std::string s, char c) {
  s += c;
  return s;
}

/// Bullets print as "•" at every level; numbered styles keep their punctuation.
std::string format_marker(ListStyle style, int n) {
  switch (style) {
    case ListStyle::bullet:
      return "\u2022";
    case ListStyle::dot_num:
      return with_suffix(std::to_string(n), '.');
    case ListStyle::paren_num:
      return with_suffix(std::to_string(n), ')');
    case ListStyle::enclosed_num:
      return with_suffix(with_suffix("", '(') + std::to_string(n), ')');
    case ListStyle::dot_alpha:
      return with_suffix(compute::alpha(n, false), '.');
    case ListStyle::paren_alpha:
      return with_suffix(compute::alpha(n, false), ')');
  }
  return "";
}

enum class Kind { blank, heading, block, item, text };

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

Kind classify(const Line& l) {
  if (l.blank()) return Kind::blank;
  std::string_view b = l.body();
  if (b[0] == '#') {
    size_t h = b.find_first_not_of('#');
    if (h == std::string_view::npos || b[h] == ' ' || b[h] == '\t') return Kind::heading;
  }
  if (b[0] == '@' && b.size() > 1 && is_letter(b[1])) return Kind::block;
  if (match_marker(b)) return Kind::item;
  return Kind::text;
}

bool is_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// Whether a quote mark after `before` (the text set so far) opens a quotation: at the start,
/// after a space, an opening bracket, a slash, a dash or another opening quote.
bool opens_quote(std::string_view before) {
  if (before.empty()) return true;
  const char last = before.back();
  if (is_blank(last) || last == '(' || last == '[' || last == '/') return true;
  for (std::string_view mark : {"\u201C", "\u2018", "\u2013", "\u2014"})
    if (before.ends_with(mark)) return true;
  return false;
}

/// Text assembled from pieces of several source lines, with the way back to each byte.
struct Joined {
  struct Segment {
    size_t offset;  // in text
    size_t line;    // index into the narrative's lines
    size_t byte;    // byte in that line
  };
  std::string text;
  std::vector<Segment> segments;

  void add(std::string_view piece, size_t line, size_t byte) {
    if (!text.empty()) text += ' ';
    segments.push_back({text.size(), line, byte});
    text += piece;
  }
};

/// The inline markup of one paragraph, heading title or caption.
class InlineParser {
 public:
  using Locate = std::function<SourceLoc(size_t offset)>;
  InlineParser(const MarkupEnv& env, DiagnosticSink& sink) : env_(env), sink_(sink) {}

  Inlines parse(std::string_view s, const Locate& at) {
    out_.clear();
    cur_.clear();
    bold_ = italic_ = false;
    size_t bold_open = 0, italic_open = 0;
    size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (c == '\\' && i + 1 < s.size() && is_punct(s[i + 1])) {
        cur_ += s[i + 1];
        i += 2;
      } else if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') {
        flush();
        bold_ = !bold_;
        bold_open = i;
        i += 2;
      } else if (c == '*' && ((!italic_ && i + 1 < s.size() && !is_blank(s[i + 1])) ||
                              (italic_ && i > 0 && !is_blank(s[i - 1])))) {
        flush();
        italic_ = !italic_;
        italic_open = i;
        ++i;
      } else if (c == '{') {
        size_t close = s.find('}', i + 1);
        if (close == std::string_view::npos) {
          sink_.error(at(i), "unterminated '{'", {"write \\{ for a literal brace"});
          cur_ += s.substr(i);
          break;
        }
        const bool ends_with_stop = reference(s.substr(i + 1, close - i - 1), at(i + 1));
        i = close + 1;
        // A value ending in an abbreviation's full stop ("t.a.d.") ends the sentence with it
        // (PUEBI: no second full stop after an abbreviation closing a sentence).
        if (ends_with_stop && i < s.size() && s[i] == '.') ++i;
      } else if (c == '"' || c == '\'') {
        // Typographic quotes from straight ones (an escaped \" stays straight); a single mark
        // that closes nothing is an apostrophe, U+2019 as well.
        const bool open = opens_quote(cur_.empty() && !out_.empty() ? out_.back().text : cur_);
        cur_ += c == '"' ? (open ? "\u201C" : "\u201D") : (open ? "\u2018" : "\u2019");
        ++i;
      } else {
        cur_ += c;
        ++i;
      }
    }
    flush();
    if (bold_)
      sink_.error(at(bold_open), "unterminated '**' (bold)", {"write \\* for a literal asterisk"});
    if (italic_)
      sink_.error(at(italic_open), "unterminated '*' (italic)",
                  {"write \\* for a literal asterisk"});
    return std::move(out_);
  }

 private:
  const MarkupEnv& env_;
  DiagnosticSink& sink_;
  Inlines out_;
  std::string cur_;
  bool bold_ = false, italic_ = false;

  void push(Inline in) {
    if (in.text.empty()) return;
    if (!out_.empty()) {
      Inline& last = out_.back();
      if (last.bold == in.bold && last.italic == in.italic && last.underline == in.underline &&
          last.link.empty() && in.link.empty()) {
        last.text += in.text;
        return;
      }
    }
    out_.push_back(std::move(in));
  }

  void flush() {
    push(Inline{cur_, bold_, italic_, false, ""});
    cur_.clear();
  }

  /// Places the value or cross-reference named by `content`; true when the text placed ends
  /// with a full stop.
  bool reference(std::string_view content, const SourceLoc& loc) {
    if (content.empty()) {
      sink_.error(loc, "empty '{}'", {"write \\{ for a literal brace"});
      return false;
    }
    flush();
    if (content.starts_with("ref:")) {
      std::string id(content.substr(4));
      const CrossRef* target = nullptr;
      if (env_.refs) {
        auto it = env_.refs->find(id);
        if (it != env_.refs->end()) target = &it->second;
      }
      if (!target) {
        std::vector<std::string> hints;
        if (env_.refs) hints = suggestion_hints(id, keys_of(*env_.refs), sink_);
        hints.push_back(
            "{ref:id} names a table, figure or chart placed with @table/@figure/@chart");
        sink_.error(loc, "unknown cross-reference '" + id + "'", std::move(hints));
        return false;
      }
      push(Inline{target->label, bold_, italic_, false, target->anchor});
      return target->label.ends_with('.');
    }
    std::string path(content);
    const compute::Value* v = nullptr;
    if (env_.values) {
      auto it = env_.values->find(path);
      if (it != env_.values->end()) v = &it->second;
    }
    if (!v) {
      std::vector<std::string> hints;
      if (env_.values) hints = suggestion_hints(path, keys_of(*env_.values), sink_);
      hints.push_back(
          "computed values are listed in input/SCHEMA.md; write \\{ for a literal brace");
      sink_.error(loc, "unknown value '{" + path + "}'", std::move(hints));
      return false;
    }
    push(Inline{v->text, bold_, italic_, false, ""});
    return v->text.ends_with('.');
  }
};

class Parser {
 public:
  Parser(std::string_view text, const TextOrigin& origin, const MarkupEnv& env,
         DiagnosticSink& sink)
      : lines_(split_lines(text)), origin_(origin), env_(env), sink_(sink), inline_(env, sink) {}

  Blocks run() {
    Blocks out;
    while (pos_ < lines_.size()) {
      switch (classify(lines_[pos_])) {
        case Kind::blank:
          ++pos_;
          break;
        case Kind::heading:
          heading(out);
          break;
        case Kind::block:
          block(out);
          break;
        case Kind::item:
          out.push_back({list(lines_[pos_].indent)});
          break;
        case Kind::text:
          top_paragraph(out);
          break;
      }
    }
    return out;
  }

  Inlines single() {
    Joined j;
    for (size_t i = 0; i < lines_.size(); ++i)
      if (!lines_[i].blank()) j.add(lines_[i].body(), i, lines_[i].start);
    return inlines(j);
  }

  std::vector<BlockLine> scan() {
    std::vector<BlockLine> found;
    for (size_t i = 0; i < lines_.size(); ++i)
      if (classify(lines_[i]) == Kind::block)
        if (auto b = read_block(i, nullptr)) found.push_back(std::move(*b));
    return found;
  }

 private:
  std::vector<Line> lines_;
  TextOrigin origin_;
  const MarkupEnv& env_;
  DiagnosticSink& sink_;
  InlineParser inline_;
  size_t pos_ = 0;
  int list_depth_ = 0;  // lists open around the current line

  SourceLoc at(size_t line, size_t byte) const {
    SourceLoc loc = origin_.first;
    if (!origin_.exact || loc.line <= 0) return loc;
    loc.line += static_cast<int>(line);
    int column = line == 0 ? std::max(loc.column, 1) : 1;
    std::string_view t = lines_[line].text.substr(0, std::min(byte, lines_[line].text.size()));
    for (char ch : t)  // count UTF-8 characters, not bytes: editors show character columns
      if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++column;
    loc.column = column;
    return loc;
  }

  Inlines inlines(const Joined& j) {
    return inline_.parse(j.text, [&](size_t offset) {
      size_t k = 0;
      while (k + 1 < j.segments.size() && j.segments[k + 1].offset <= offset) ++k;
      const auto& seg = j.segments.at(k);
      return at(seg.line, seg.byte + (offset - seg.offset));
    });
  }

  Paragraph paragraph(const Joined& j, bool indent) {
    Paragraph p;
    p.content = inlines(j);
    p.indent = indent;
    p.align = env_.align;
    p.loc = at(j.segments.front().line, j.segments.front().byte);
    return p;
  }

  void top_paragraph(Blocks& out) {
    Joined j;
    while (pos_ < lines_.size() && classify(lines_[pos_]) == Kind::text) {
      j.add(lines_[pos_].body(), pos_, lines_[pos_].start);
      ++pos_;
    }
    out.push_back({paragraph(j, env_.indent_paragraphs)});
  }

  void heading(Blocks& out) {
    const Line& l = lines_[pos_];
    const size_t line = pos_++;
    std::string_view b = l.body();
    size_t level = b.find_first_not_of('#');
    if (level == std::string_view::npos) level = b.size();
    if (!env_.headings) {
      sink_.error(at(line, l.start), "headings are not allowed here");
      return;
    }
    if (level > 3) {
      sink_.error(at(line, l.start), "heading level " + std::to_string(level) + " is not supported",
                  {"use #, ## or ###"});
      return;
    }
    size_t title_start = level;
    while (title_start < b.size() && is_blank(b[title_start])) ++title_start;
    std::string_view title = b.substr(std::min(title_start, b.size()));
    // Trailing attributes: {#id} names the anchor, {-} suppresses the number.
    std::string id;
    bool numbered = true;
    while (title.ends_with('}')) {
      size_t open = title.rfind('{');
      if (open == std::string_view::npos) break;
      std::string_view attr = title.substr(open + 1, title.size() - open - 2);
      if (attr == "-") {
        numbered = false;
      } else if (attr.starts_with('#')) {
        id = std::string(attr.substr(1));
        bool valid = !id.empty();
        for (char c : id) valid = valid && (is_letter(c) || is_digit(c) || c == '_' || c == '-');
        if (!valid) {
          sink_.error(at(line, l.start + title_start + open), "invalid heading id '" + id + "'",
                      {"ids use letters, digits, '_' and '-'"});
          id.clear();
        }
      } else {
        break;
      }
      title = title.substr(0, open);
      while (!title.empty() && is_blank(title.back())) title.remove_suffix(1);
    }
    if (title.empty()) {
      sink_.error(at(line, l.start), "heading without a title");
      return;
    }
    Heading h;
    h.level = static_cast<int>(level);
    Joined j;
    j.add(title, line, l.start + title_start);
    h.title = inlines(j);
    h.loc = at(line, l.start);
    if (!env_.headings->assign(h, numbered, id))
      sink_.error(h.loc, "heading id '" + id + "' is already used");
    out.push_back({std::move(h)});
  }

  std::optional<BlockLine> read_block(size_t line, DiagnosticSink* sink) const {
    const Line& l = lines_[line];
    std::string_view b = l.body();
    std::vector<std::pair<std::string_view, size_t>> words;  // word, byte in line
    size_t i = 1;                                            // after '@'
    while (i < b.size()) {
      while (i < b.size() && is_blank(b[i])) ++i;
      size_t start = i;
      while (i < b.size() && !is_blank(b[i])) ++i;
      if (i > start) words.emplace_back(b.substr(start, i - start), l.start + start);
    }
    static const std::pair<const char*, BlockLine::Kind> kKinds[] = {
        {"table", BlockLine::Kind::table},
        {"figure", BlockLine::Kind::figure},
        {"chart", BlockLine::Kind::chart},
        {"signature", BlockLine::Kind::signature},
        {"pagebreak", BlockLine::Kind::pagebreak}};
    BlockLine bl;
    bl.loc = at(line, l.start);
    bool known = false;
    for (const auto& [name, kind] : kKinds)
      if (words[0].first == name) {
        bl.kind = kind;
        known = true;
      }
    if (!known) {
      if (sink) {
        auto hints = suggestion_hints(words[0].first, keys_of(kKinds), *sink);
        hints.push_back("write \\@ for a literal '@' at the start of a line");
        sink->error(bl.loc, "unknown block '@" + std::string(words[0].first) + "'",
                    std::move(hints));
      }
      return std::nullopt;
    }
    size_t min_args = 1, max_args = 1;
    if (bl.kind == BlockLine::Kind::pagebreak) min_args = max_args = 0;
    if (bl.kind == BlockLine::Kind::signature) max_args = 2;
    size_t nargs = words.size() - 1;
    if (nargs < min_args || nargs > max_args) {
      if (sink) {
        std::string expected = max_args == 0   ? "no id"
                               : max_args == 2 ? "one or two signatory ids"
                                               : "one id";
        std::string message = "@";
        message += words[0].first;
        message += " takes ";
        sink->error(bl.loc, message + expected);
      }
      return std::nullopt;
    }
    for (size_t k = 1; k < words.size(); ++k)
      bl.args.push_back({std::string(words[k].first), at(line, words[k].second)});
    return bl;
  }

  void block(Blocks& out) {
    const size_t line = pos_++;
    auto b = read_block(line, &sink_);
    if (!b) return;
    if (!env_.place) {
      sink_.error(b->loc, "block lines are not allowed here");
      return;
    }
    env_.place(*b, out);
  }

  /// A list whose items start at `indent` (or one column more); nested lists recurse.
  List list(int indent) {
    ++list_depth_;
    List result;
    std::optional<ListStyle> style;
    int number = 0;
    while (pos_ < lines_.size()) {
      const Line& l = lines_[pos_];
      Kind k = classify(l);
      if (k == Kind::blank) {
        size_t next = pos_;
        while (next < lines_.size() && lines_[next].blank()) ++next;
        // Items separated by blank lines stay one list while their marker style agrees;
        // without a blank line any marker continues the list (renumbered in its style).
        if (next < lines_.size() && classify(lines_[next]) == Kind::item &&
            lines_[next].indent >= indent && lines_[next].indent <= indent + 1 &&
            match_marker(lines_[next].body())->style == style) {
          pos_ = next;
          continue;
        }
        break;
      }
      if (k != Kind::item || l.indent < indent || l.indent > indent + 1) break;
      Marker m = *match_marker(l.body());
      if (!style) {
        style = m.style;
        number = m.value;  // a list may start at 3. to continue one interrupted by text
      } else {
        ++number;
      }
      ListItem item;
      item.marker = format_marker(*style, number);
      item.blocks = item_body(l.indent, m);
      result.items.push_back(std::move(item));
    }
    --list_depth_;
    return result;
  }

  /// The blocks of the item whose marker line is lines_[pos_].
  Blocks item_body(int item_indent, const Marker& m) {
    Blocks blocks;
    Joined j;
    const Line& first = lines_[pos_];
    std::string_view text = first.body().substr(std::min(m.width, first.body().size()));
    if (!text.empty()) j.add(text, pos_, first.start + m.width);
    ++pos_;
    auto flush = [&] {
      if (!j.segments.empty()) blocks.push_back({paragraph(j, false)});
      j = Joined{};
    };
    while (pos_ < lines_.size()) {
      const Line& l = lines_[pos_];
      Kind k = classify(l);
      if (k == Kind::heading || k == Kind::block) break;
      if (k == Kind::blank) {
        size_t next = pos_;
        while (next < lines_.size() && lines_[next].blank()) ++next;
        if (next < lines_.size() && lines_[next].indent >= item_indent + kNestIndent &&
            classify(lines_[next]) != Kind::heading && classify(lines_[next]) != Kind::block) {
          flush();  // an indented paragraph after a blank line continues the item
          pos_ = next;
          continue;
        }
        break;
      }
      if (k == Kind::item) {
        if (l.indent < item_indent + kNestIndent) break;
        flush();
        if (list_depth_ == report::kMaxListDepth)
          sink_.error(at(pos_, l.start),
                      "list nested more than " + std::to_string(report::kMaxListDepth) + " levels deep",
                      {"each level indents the text further; flatten the list or check the "
                       "indentation of its lines"});
        // Emplaced (not push_back({…})): GCC 12 warns falsely about the variant temporary.
        blocks.emplace_back().v.emplace<List>(list(l.indent));
        continue;
      }
      // Text: an indented line continues the item; an unindented one directly below it is
      // a lazy continuation (wrapped by an editor), as in Markdown.
      if (j.segments.empty() && !blocks.empty() && l.indent < item_indent + kNestIndent) break;
      j.add(l.body(), pos_, l.start);
      ++pos_;
    }
    flush();
    return blocks;
  }
};

}  // namespace

Blocks parse_narrative(std::string_view text, const TextOrigin& origin, const MarkupEnv& env,
                       DiagnosticSink& sink) {
  return Parser(text, origin, env, sink).run();
}

Inlines parse_inline_text(std::string_view text, const TextOrigin& origin, const MarkupEnv& env,
                          DiagnosticSink& sink) {
  return Parser(text, origin, env, sink).single();
}

std::vector<BlockLine> scan_block_lines(std::string_view text, const TextOrigin& origin) {
  DiagnosticSink unused;  // the main pass reports malformed block lines
  return Parser(text, origin, MarkupEnv{}, unused).scan();
}

}  // namespace lkjip::doc
