// Layout files (layouts/<name>.toml, documented in layouts/README.md) and the font
// configuration (fonts/fonts.toml, fonts/README.md). Every layout key is optional and applies
// on top of a default-constructed LayoutStyle. A length `x` is written `x_mm` (millimetres)
// or `x_pt` (points), never both.

#include "report/config_files.h"

#include <filesystem>

#include "base/suggest.h"
#include "report/checks.h"
#include "report/toml_reader.h"

namespace lkjip::report {

namespace fs = std::filesystem;
using namespace detail;

namespace {

/// Size limit for layout and font files; they are a few kilobytes.
constexpr size_t kMaxConfigBytes = 1u << 20;

std::vector<std::string> with_text_style(std::vector<std::string> keys) {
  for (const char* k : {"family", "size_pt", "size_mm", "bold", "italic", "leading", "color"})
    keys.emplace_back(k);
  return keys;
}

/// `name_mm` and `name_pt` for each length name.
std::vector<std::string> lengths(std::vector<std::string> keys,
                                 std::initializer_list<const char*> names) {
  for (const char* n : names) {
    keys.push_back(std::string(n) + "_mm");
    keys.push_back(std::string(n) + "_pt");
  }
  return keys;
}

/// Layout table name → allowed keys.
const std::map<std::string, std::vector<std::string>>& layout_keys() {
  static const std::map<std::string, std::vector<std::string>> keys = {
      {"",
       {"extends", "page", "header", "footer", "body", "chapter", "heading1", "heading2",
        "heading3", "list",
        "table", "caption", "source", "cover", "front_heading", "toc", "signature", "draft",
        "chart"}},
      {"page",
       lengths({"paper", "page_number_align"}, {"margin_top", "margin_bottom", "margin_left",
                                                "margin_right", "header_offset", "footer_offset"})},
      {"header", with_text_style({"text"})},
      {"footer", with_text_style({})},
      {"body", with_text_style(lengths({"align", "hyphenate", "hyphenate_capitalised", "tolerance",
                                        "hyphenation_dictionary"},
                                       {"first_line_indent", "paragraph_space"}))},
      {"chapter", with_text_style(lengths({"label", "new_page"}, {"space_after"}))},
      {"heading", with_text_style(lengths({"numbering", "uppercase"},
                                          {"space_before", "space_after", "indent"}))},
      {"list", lengths({}, {"indent", "item_space"})},
      {"table", lengths({"text", "header", "header_fill", "total_fill", "group_fill", "number_row",
                         "continued_suffix", "float"},
                        {"min_size", "rule", "cell_padding_x", "cell_padding_y", "space_before",
                         "space_after"})},
      {"text_style", with_text_style({})},
      {"caption", with_text_style({"table_label", "figure_label"})},
      {"source", with_text_style({"prefix"})},
      {"cover", {"title", "text"}},
      {"toc", with_text_style(lengths({"leader"}, {"indent"}))},
      {"signature", with_text_style(lengths({"anchor"}, {"width", "space"}))},
      {"draft", with_text_style(lengths({"mark", "align"}, {"offset"}))},
      {"chart", {"palette"}},
  };
  return keys;
}

const std::vector<std::string>& lkeys(const std::string& table) { return layout_keys().at(table); }

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  io::FileProblem problem;
  auto text = io::disk().read(path, kMaxConfigBytes, problem);
  if (!text) error = problem.reason;
  return text;
}

class LayoutReader {
 public:
  LayoutReader(Context& ctx, LayoutStyle& s) : ctx_(ctx), s_(s) {}

  /// The running head's placeholders (doc/build.cpp fills them); any other `{…}` is an error
  /// rather than printed on every page.
  void header_placeholders(const std::string& text, const SourceLoc& at) {
    static const std::vector<std::string> known = {"unit", "region", "year", "title"};
    for (size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', open + 1)) {
      const size_t close = text.find('}', open);
      const std::string name =
          text.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
      if (close != std::string::npos &&
          std::find(known.begin(), known.end(), name) != known.end())
        continue;
      std::vector<std::string> hints;
      if (auto near = did_you_mean(name, known); !near.empty())
        hints.push_back("did you mean {" + near + "}?");
      hints.push_back("the running head knows {unit}, {region}, {year} and {title}");
      ctx_.error(at,
                 "[header] `text`: unknown placeholder '{" + name +
                     (close == std::string::npos ? "' (no closing brace)" : "}'"),
                 hints);
    }
  }

  void read(const toml::table& root_table) {
    Fields root(ctx_, root_table, "the layout", lkeys(""));
    root.node("extends");  // applied before reading, by load_layout_at
    if (auto* t = root.table("page")) page(*t);
    if (auto* t = root.table("header")) {
      Fields f(ctx_, *t, "[header]", lkeys("header"));
      if (auto v = f.text("text")) {
        s_.header_text = *v;
        header_placeholders(*v, f.loc("text"));
      }
      text_style(f, s_.header_style);
      f.finish();
    }
    if (auto* t = root.table("footer")) style_table(*t, "[footer]", s_.footer_style);
    if (auto* t = root.table("body")) body(*t);
    if (auto* t = root.table("chapter")) {
      Fields f(ctx_, *t, "[chapter]", lkeys("chapter"));
      text_style(f, s_.chapter_style);
      if (auto v = f.text("label")) s_.chapter_label = *v;
      length(f, "space_after", s_.chapter_space_after);
      if (auto v = f.boolean("new_page")) s_.chapter_new_page = *v;
      f.finish();
    }
    for (int level = 0; level < 3; ++level) {
      std::string name = "heading" + std::to_string(level + 1);
      if (auto* t = root.table(name)) heading(*t, "[" + name + "]", s_.heading[level]);
    }
    if (auto* t = root.table("list")) {
      Fields f(ctx_, *t, "[list]", lkeys("list"));
      length(f, "indent", s_.list_indent);
      length(f, "item_space", s_.list_item_space);
      f.finish();
    }
    if (auto* t = root.table("table")) table(*t);
    if (auto* t = root.table("caption")) {
      Fields f(ctx_, *t, "[caption]", lkeys("caption"));
      text_style(f, s_.caption_style);
      if (auto v = f.text("table_label")) s_.table_label = *v;
      if (auto v = f.text("figure_label")) s_.figure_label = *v;
      f.finish();
    }
    if (auto* t = root.table("source")) {
      Fields f(ctx_, *t, "[source]", lkeys("source"));
      text_style(f, s_.source_style);
      if (auto v = f.text("prefix")) s_.source_prefix = *v;
      f.finish();
    }
    if (auto* t = root.table("cover")) {
      Fields f(ctx_, *t, "[cover]", lkeys("cover"));
      if (auto* st = f.table("title")) style_table(*st, "[cover.title]", s_.cover_title);
      if (auto* st = f.table("text")) style_table(*st, "[cover.text]", s_.cover_text);
      f.finish();
    }
    if (auto* t = root.table("front_heading")) style_table(*t, "[front_heading]", s_.front_heading);
    if (auto* t = root.table("toc")) {
      Fields f(ctx_, *t, "[toc]", lkeys("toc"));
      text_style(f, s_.toc_style);
      length(f, "indent", s_.toc_indent);
      if (auto v = f.text("leader")) s_.toc_leader = *v;
      f.finish();
    }
    if (auto* t = root.table("signature")) {
      Fields f(ctx_, *t, "[signature]", lkeys("signature"));
      text_style(f, s_.signature_style);
      length(f, "width", s_.signature_width);
      length(f, "space", s_.signature_space);
      if (auto v = f.text("anchor")) {
        if (is_anchor_character(*v))
          s_.signature_anchor = *v;
        else
          ctx_.error(f.loc("anchor"), "`anchor` must be one visible character, or empty for none",
                     {"BSrE tag_koordinat characters are usually \"#\", \"^\" or \"~\""});
      }
      f.finish();
    }
    if (auto* t = root.table("draft")) {
      Fields f(ctx_, *t, "[draft]", lkeys("draft"));
      if (auto v = f.text("mark")) {
        if (v->empty())
          ctx_.error(f.loc("mark"), "`mark` is empty",
                     {"a draft must say so on every page; write e.g. mark = \"DRAF\""});
        else
          s_.draft_mark = *v;
      }
      text_style(f, s_.draft_style);
      length(f, "offset", s_.draft_offset);
      if (auto a = align(f, "align")) s_.draft_align = *a;
      f.finish();
    }
    if (auto* t = root.table("chart")) {
      Fields f(ctx_, *t, "[chart]", lkeys("chart"));
      if (const auto* a = f.array("palette")) {
        std::vector<Color> palette;
        for (size_t i = 0; i < a->size(); ++i)
          if (auto c = color(*a->get(i), "item " + std::to_string(i + 1) + " of `palette`"))
            palette.push_back(*c);
        if (a->empty())
          ctx_.error(f.loc("palette"), "`palette` is empty", {"give at least one colour"});
        else if (palette.size() == a->size())
          s_.chart_palette = palette;
      }
      f.finish();
    }
    root.finish();
  }

 private:
  Context& ctx_;
  LayoutStyle& s_;

  /// Reads `name_mm` or `name_pt` into `out`; lengths must not be negative.
  void length(Fields& f, const std::string& name, Pt& out) {
    auto in_mm = f.number(name + "_mm");
    auto in_pt = f.number(name + "_pt");
    if (in_mm && in_pt) {
      ctx_.error(f.loc(name + "_pt"),
                 "`" + name + "` is given twice, as `" + name + "_mm` and `" + name + "_pt`",
                 {"keep one of them"});
      return;
    }
    std::optional<double> v = in_mm ? in_mm : in_pt;
    if (!v) return;
    std::string key = name + (in_mm ? "_mm" : "_pt");
    if (*v < 0) {
      ctx_.error(f.loc(key), "`" + key + "` must not be negative");
      return;
    }
    out = in_mm ? mm(*v) : Pt(*v);
    s_.set_at[f.what() + " " + name] = {key, f.loc(key)};
  }

  std::optional<Color> color(const toml::node& n, const std::string& what) {
    auto text = as_text(ctx_, n, what, 16);
    if (!text) return std::nullopt;
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    bool ok = text->size() == 7 && (*text)[0] == '#';
    for (size_t i = 1; ok && i < 7; ++i) ok = hex((*text)[i]) >= 0;
    if (!ok) {
      ctx_.error(ctx_.at(n), what + " \"" + *text + "\" is not a colour",
                 {"write colours as \"#RRGGBB\", e.g. \"#1F4587\""});
      return std::nullopt;
    }
    auto component = [&](size_t i) { return (hex((*text)[i]) * 16 + hex((*text)[i + 1])) / 255.0; };
    return Color{component(1), component(3), component(5)};
  }

  std::optional<HAlign> align(Fields& f, const std::string& key) {
    auto v = f.choice(key, {"left", "center", "right", "justify"});
    if (!v) return std::nullopt;
    if (*v == "left") return HAlign::left;
    if (*v == "center") return HAlign::center;
    if (*v == "right") return HAlign::right;
    return HAlign::justify;
  }

  void text_style(Fields& f, TextStyle& st) {
    if (auto v = f.text("family")) {
      if (v->empty())
        ctx_.error(f.loc("family"), "`family` is empty",
                   {"name a family of fonts/fonts.toml, e.g. \"Liberation Serif\""});
      else
        st.family = *v;
      s_.family_locs.try_emplace(*v, f.loc("family"));
    }
    Pt size = st.size;
    length(f, "size", size);
    if (size.v <= 0)
      ctx_.error(f.loc("size_pt"), "font size must be > 0");
    else
      st.size = size;
    if (auto v = f.boolean("bold")) st.bold = *v;
    if (auto v = f.boolean("italic")) st.italic = *v;
    if (auto v = f.number("leading")) {
      if (*v < 0.5 || *v > 5)
        ctx_.error(f.loc("leading"),
                   "`leading` must be between 0.5 and 5, found " + format_plain(*v),
                   {"leading is the line spacing as a multiple of the font size (1.5 = "
                    "spasi 1,5)"});
      else
        st.leading = *v;
    }
    if (const auto* n = f.node("color"))
      if (auto c = color(*n, "`color`")) st.color = *c;
  }

  void style_table(const toml::table& t, const std::string& what, TextStyle& st) {
    Fields f(ctx_, t, what, lkeys("text_style"));
    text_style(f, st);
    f.finish();
  }

  void page(const toml::table& t) {
    Fields f(ctx_, t, "[page]", lkeys("page"));
    if (const auto* n = f.node("paper")) {
      if (const auto* name = n->as_string()) {
        if (name->get() == "A4") {
          s_.paper = {mm(210), mm(297)};
          s_.paper_name = "A4";
          s_.set_at["[page] paper"] = {"paper", ctx_.at(*n)};
        } else if (name->get() == "F4") {
          s_.paper = {mm(215), mm(330)};
          s_.paper_name = "F4";
          s_.set_at["[page] paper"] = {"paper", ctx_.at(*n)};
        } else {
          ctx_.error(ctx_.at(*n), "unknown paper \"" + name->get() + "\"",
                     {"write \"A4\", \"F4\" or [width_mm, height_mm]"});
        }
      } else if (const auto* a = n->as_array()) {
        std::vector<double> dims;
        for (size_t i = 0; i < a->size(); ++i)
          if (auto v = as_number(ctx_, *a->get(i), "item " + std::to_string(i + 1) + " of `paper`"))
            dims.push_back(*v);
        if (a->size() != 2 || dims.size() != 2 || dims[0] < 50 || dims[1] < 50 || dims[0] > 2000 ||
            dims[1] > 2000) {
          ctx_.error(ctx_.at(*n), "`paper` must be [width_mm, height_mm], each 50 to 2000 mm",
                     {"e.g. paper = [215, 330] for F4"});
        } else {
          s_.paper = {mm(dims[0]), mm(dims[1])};
          s_.paper_name = format_plain(dims[0]) + "x" + format_plain(dims[1]) + "mm";
          s_.set_at["[page] paper"] = {"paper", ctx_.at(*n)};
        }
      } else {
        ctx_.error(ctx_.at(*n), "`paper`: expected a string or an array, found " + type_name(*n),
                   {"write \"A4\", \"F4\" or [width_mm, height_mm]"});
      }
    }
    length(f, "margin_top", s_.margin_top);
    length(f, "margin_bottom", s_.margin_bottom);
    length(f, "margin_left", s_.margin_left);
    length(f, "margin_right", s_.margin_right);
    length(f, "header_offset", s_.header_offset);
    length(f, "footer_offset", s_.footer_offset);
    if (auto a = align(f, "page_number_align")) s_.page_number_align = *a;
    f.finish();
  }

  void body(const toml::table& t) {
    Fields f(ctx_, t, "[body]", lkeys("body"));
    text_style(f, s_.body);
    length(f, "first_line_indent", s_.first_line_indent);
    length(f, "paragraph_space", s_.paragraph_space);
    if (auto a = align(f, "align")) s_.body_align = *a;
    if (auto v = f.boolean("hyphenate")) s_.hyphenate = *v;
    if (auto v = f.boolean("hyphenate_capitalised")) s_.hyphenate_capitalised = *v;
    if (auto v = f.number("tolerance")) {
      if (*v <= 0)
        ctx_.error(f.loc("tolerance"), "`tolerance` must be > 0");
      else
        s_.tolerance = *v;
    }
    if (auto v = f.text("hyphenation_dictionary")) s_.hyphenation_dictionary = *v;
    f.finish();
  }

  void heading(const toml::table& t, const std::string& what, HeadingStyle& h) {
    Fields f(ctx_, t, what, lkeys("heading"));
    text_style(f, h.text);
    if (auto v = f.text("numbering")) h.numbering = *v;
    length(f, "space_before", h.space_before);
    length(f, "space_after", h.space_after);
    length(f, "indent", h.indent);
    if (auto v = f.boolean("uppercase")) h.uppercase = *v;
    f.finish();
  }

  void table(const toml::table& t) {
    Fields f(ctx_, t, "[table]", lkeys("table"));
    if (auto* st = f.table("text")) style_table(*st, "[table.text]", s_.table_text);
    if (auto* st = f.table("header")) style_table(*st, "[table.header]", s_.table_header);
    length(f, "min_size", s_.table_min_size);
    for (auto [key, out] : {std::pair{"header_fill", &s_.table_header_fill},
                            std::pair{"total_fill", &s_.table_total_fill},
                            std::pair{"group_fill", &s_.table_group_fill}})
      if (const auto* n = f.node(key))
        if (auto c = color(*n, std::string("`") + key + "`")) *out = *c;
    length(f, "rule", s_.table_rule);
    length(f, "cell_padding_x", s_.cell_padding_x);
    length(f, "cell_padding_y", s_.cell_padding_y);
    if (auto v = f.boolean("number_row")) s_.table_number_row = *v;
    if (auto v = f.text("continued_suffix")) s_.continued_suffix = *v;
    if (auto v = f.boolean("float")) s_.table_float = *v;
    length(f, "space_before", s_.table_space_before);
    length(f, "space_after", s_.table_space_after);
    f.finish();
  }
};

/// How deep `extends` may chain (a layout extending one extending another …): ends cycles.
constexpr int kMaxExtends = 4;

}  // namespace

bool is_layout_name(const std::string& name) {
  return !name.empty() && name.find('/') == std::string::npos &&
         !std::string_view(name).ends_with(".toml");
}

bool is_anchor_character(std::string_view s) {
  if (s.empty()) return true;
  if (first_invalid_utf8(s)) return false;
  const auto lead = static_cast<unsigned char>(s[0]);
  const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (s.size() != len) return false;
  if (len == 1) return lead > 0x20 && lead != 0x7F;
  // C1 controls and the no-break space (U+0080..U+00A0) are not visible either.
  return !(lead == 0xC2 && static_cast<unsigned char>(s[1]) <= 0xA0);
}

std::string layout_file(const std::string& name, const std::string& data_dir,
                        const std::string& beside_dir) {
  if (!is_layout_name(name)) return name;
  if (!beside_dir.empty()) {
    const fs::path beside = fs::path(beside_dir) / "layouts" / (name + ".toml");
    std::error_code ec;
    if (fs::is_regular_file(beside, ec)) return beside.string();
  }
  return (fs::path(data_dir) / "layouts" / (name + ".toml")).string();
}

namespace {

std::optional<LayoutStyle> load_layout_at(const std::string& name, const std::string& data_dir,
                                          DiagnosticSink& sink, const SourceLoc& asked_at,
                                          const std::string& beside_dir, int depth) {
  fs::path layouts = fs::path(data_dir) / "layouts";
  const std::string path = layout_file(name, data_dir, beside_dir);
  if (!beside_dir.empty() && path != name &&
      fs::path(path).parent_path().parent_path() == fs::path(beside_dir)) {
    // A layout beside the description is a file the description names: confined like images.
    io::FileProblem problem;
    if (io::disk().confine(beside_dir, "layouts/" + name + ".toml", false, problem).empty()) {
      sink.error(asked_at, "layout \"" + name + "\" " + problem.message, problem.hints);
      return std::nullopt;
    }
  }
  std::string error;
  auto text = read_file(path, error);
  if (!text) {
    std::vector<std::string> available;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(layouts, ec))
      if (entry.path().extension() == ".toml") available.push_back(entry.path().stem().string());
    std::sort(available.begin(), available.end());
    std::vector<std::string> hints;
    if (auto near = did_you_mean(name, available); !near.empty())
      hints.push_back("did you mean \"" + near + "\"?");
    std::string list;
    for (const auto& a : available) list += (list.empty() ? "" : ", ") + a;
    if (!fs::is_directory(layouts, ec))
      hints.push_back("there is no folder " + layouts.string() +
                      ": set LKJIP_DATA_DIR to the folder holding layouts/ and fonts/");
    else
      hints.push_back("layouts in " + layouts.string() + ": " + (list.empty() ? "none" : list));
    sink.error(asked_at, "unknown layout \"" + name + "\" (" + path + ": " + error + ")", hints);
    return std::nullopt;
  }
  Context ctx(*text, path);
  std::optional<LayoutStyle> result;
  if (auto root = parse_toml(ctx, *text, kMaxConfigBytes)) {
    LayoutStyle style;
    bool base_failed = false;  // its diagnostics are in the sink already, located in it or here
    if (const toml::node* base = root->get("extends")) {
      const SourceLoc at = ctx.at(*base);
      const auto* base_name = base->as_string();
      if (!base_name || !is_layout_name(base_name->get())) {
        ctx.error(at, "`extends` must name a layout, such as \"tata-naskah-dinas\"",
                  {"the layout named is read first, then this file's keys override it"});
      } else if (depth >= kMaxExtends) {
        ctx.error(at, "layouts extend each other more than " + std::to_string(kMaxExtends) +
                          " deep (a cycle?)",
                  {"extend a shipped layout, which extends none"});
      } else if (auto from = load_layout_at(base_name->get(), data_dir, sink, at, beside_dir,
                                            depth + 1)) {
        style = std::move(*from);
      } else {
        base_failed = true;
      }
    }
    style.name = fs::path(path).stem().string();
    style.source_path = path;
    LayoutReader(ctx, style).read(*root);
    if (!ctx.failed() && !base_failed) result = std::move(style);
  }
  ctx.flush(sink);
  if (result && !check_fits_page(*result, sink)) result.reset();
  return result;
}

}  // namespace

std::optional<LayoutStyle> load_layout(const std::string& name, const std::string& data_dir,
                                       DiagnosticSink& sink, const SourceLoc& asked_at,
                                       const std::string& beside_dir) {
  return load_layout_at(name, data_dir, sink, asked_at, beside_dir, 0);
}

std::optional<FontConfig> load_font_config(const std::string& data_dir, DiagnosticSink& sink) {
  static const std::vector<std::string> root_keys = {"search_dirs", "family"};
  static const std::vector<std::string> family_keys = {"name", "regular", "bold", "italic",
                                                       "bold_italic"};
  fs::path fonts = fs::path(data_dir) / "fonts";
  std::string path = (fonts / "fonts.toml").string();
  std::string error;
  auto text = read_file(path, error);
  if (!text) {
    sink.error({path, 0, 0}, "cannot read the font configuration: " + error,
               {"fonts/fonts.toml maps font families to files, see fonts/README.md"});
    return std::nullopt;
  }
  Context ctx(*text, path);
  std::optional<FontConfig> result;
  if (auto root_table = parse_toml(ctx, *text, kMaxConfigBytes)) {
    FontConfig config;
    config.config_path = path;
    config.search_dirs.push_back(fonts.string());
    Fields root(ctx, *root_table, "fonts.toml", root_keys);
    if (const auto* dirs = root.array("search_dirs")) {
      for (size_t i = 0; i < dirs->size(); ++i)
        if (auto d =
                as_text(ctx, *dirs->get(i), "item " + std::to_string(i + 1) + " of `search_dirs`"))
          config.search_dirs.push_back(*d);
    }
    if (const auto* families = root.array("family", true)) {
      for (size_t i = 0; i < families->size(); ++i) {
        const auto* t =
            as_table(ctx, *families->get(i), "entry " + std::to_string(i + 1) + " of `family`");
        if (!t) continue;
        Fields f(ctx, *t, "[[family]]", family_keys);
        FontFamilyConfig fam;
        fam.family = f.text("name", true).value_or("");
        fam.regular = f.text("regular", true).value_or("");
        fam.bold = f.text("bold").value_or("");
        fam.italic = f.text("italic").value_or("");
        fam.bold_italic = f.text("bold_italic").value_or("");
        f.finish();
        for (const auto& other : config.families)
          if (!fam.family.empty() && other.family == fam.family)
            ctx.error(f.loc("name"), "font family \"" + fam.family + "\" is listed twice");
        config.families.push_back(std::move(fam));
      }
    }
    root.finish();
    if (!ctx.failed()) result = std::move(config);
  }
  ctx.flush(sink);
  return result;
}

}  // namespace lkjip::report
