// Typography read from the engine's own frames (`--dump=frames`, groups turned as the PDF
// writer turns them): every glyph run of every page lies between the layout's left and right
// margins and between the running header and the page number; no page ends in a divided word;
// no three hyphenated lines follow each other; in the example, no line is loose. Checked on the example in both shipped layouts
// and on generated reports, so it runs on a plain clone without any outside PDF tool.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "pipeline/render.h"
#include "tools.h"

namespace lkjip::golden {
namespace {

const std::string kGen = (fs::path(kBin).parent_path() / "lkjip-gen").string();

/// A glyph run of a page: where its baseline starts and ends in page coordinates.
struct PlacedRun {
  size_t page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;
};

/// Reads a "quoted" dump field at `at` (escapes \" \\ \xHH), advancing `at` past it.
std::string quoted_field(const std::string& line, size_t& at) {
  std::string out;
  at = line.find('"', at);
  if (at == std::string::npos) return out;
  for (++at; at < line.size() && line[at] != '"'; ++at) {
    if (line[at] != '\\' || at + 1 >= line.size()) {
      out += line[at];
    } else if (line[++at] == 'x') {
      out += static_cast<char>(std::stoi(line.substr(at + 1, 2), nullptr, 16));
      at += 2;
    } else {
      out += line[at];
    }
  }
  ++at;
  return out;
}

/// Every glyph run of a frames dump. A group at depth d turns the items indented below it a
/// multiple of 90 degrees counter-clockwise about its offset (frame/frame.h, Group).
std::vector<PlacedRun> runs_of(const std::string& dump, std::vector<Size>& page_sizes) {
  struct Transform {
    double ox = 0, oy = 0;
    int c = 1, s = 0;  // cosine and sine of the turn
    int depth = 0;     // indentation of the items it applies to
  };
  std::vector<PlacedRun> out;
  std::vector<Transform> stack;
  std::istringstream in(dump);
  for (std::string line; std::getline(in, line);) {
    const size_t ind = line.find_first_not_of(' ');
    if (ind == std::string::npos) continue;
    const int depth = static_cast<int>(ind / 2);
    std::istringstream fields(line.substr(ind));
    std::string kind;
    fields >> kind;
    if (depth == 0) {
      stack.clear();
      if (kind == "page") {
        size_t n;
        double w, h;
        fields >> n >> w >> h;
        page_sizes.push_back({Pt(w), Pt(h)});
        stack.push_back({});
      }
      continue;
    }
    while (!stack.empty() && stack.back().depth > depth) stack.pop_back();
    if (stack.empty()) continue;
    // Page coordinates of a point (u, v) of the current group's frame.
    const auto place = [&](double u, double v) {
      for (size_t k = stack.size(); k-- > 1;) {
        const Transform& t = stack[k];
        const double x = t.ox + t.c * u + t.s * v, y = t.oy - t.s * u + t.c * v;
        u = x;
        v = y;
      }
      return std::pair{u, v};
    };
    if (kind == "group") {
      double ox, oy;
      std::string rot_word;
      int rot;
      fields >> ox >> oy >> rot_word >> rot;
      const int q = ((rot % 360) + 360) % 360 / 90;
      static constexpr int cos_tab[] = {1, 0, -1, 0}, sin_tab[] = {0, 1, 0, -1};
      stack.push_back({ox, oy, cos_tab[q], sin_tab[q], depth + 1});
    } else if (kind == "text") {
      double x, y, size;
      fields >> x >> y >> size;
      size_t at = line.find('"');
      quoted_field(line, at);  // the font
      PlacedRun r;
      r.text = quoted_field(line, at);
      const size_t w_at = line.find(" width ", at);
      const double width = w_at == std::string::npos ? 0 : std::stod(line.substr(w_at + 7));
      r.page = page_sizes.size();
      std::tie(r.x0, r.y0) = place(x, y);
      std::tie(r.x1, r.y1) = place(x + width, y);
      out.push_back(std::move(r));
    }
  }
  return out;
}

/// The frames of `input` rendered in `layout`, and the layout they were set in.
struct Framed {
  report::LayoutStyle style;
  std::vector<Size> sizes;  // of each page
  std::vector<PlacedRun> runs;
  std::vector<std::string> loose;  // the loose-line warnings (they state the space as set)
};

Framed render_frames(const std::string& input, const std::string& layout) {
  Framed out;
  pipeline::Resources resources(kSrc.string());
  DiagnosticSink sink;
  const auto style = resources.layout(layout, sink);
  EXPECT_TRUE(style) << layout;
  if (!style) return out;
  out.style = *style;
  pipeline::RenderOptions options;
  options.layout = layout;
  options.dump = "frames";
  const auto rendered = pipeline::render(input, options, resources, sink);
  EXPECT_TRUE(rendered);
  if (!rendered) return out;
  out.runs = runs_of(rendered->dump, out.sizes);
  for (const auto& d : sink.all())
    if (d.message.starts_with("loose line")) out.loose.push_back(d.message);
  EXPECT_EQ(out.sizes.size(), rendered->pages);
  EXPECT_GT(out.runs.size(), rendered->pages);
  return out;
}

constexpr double kEps = 0.01;  // the dump's two decimals

/// Checks every run against the layout's frame. The frame runs vertically from the running
/// header's baseline to the page number's, horizontally between the margins.
void expect_text_inside_frame(const Framed& f) {
  size_t outside = 0;
  for (const PlacedRun& r : f.runs) {
    const Size page = f.sizes.at(r.page - 1);
    const double left = f.style.margin_left.v, right = (page.width - f.style.margin_right).v;
    const double top = std::min(f.style.header_offset, f.style.margin_top).v;
    const double bottom = (page.height - min(f.style.footer_offset, f.style.margin_bottom)).v;
    for (const auto& [x, y] : {std::pair{r.x0, r.y0}, std::pair{r.x1, r.y1}}) {
      if (x >= left - kEps && x <= right + kEps && y >= top - kEps && y <= bottom + kEps) continue;
      if (++outside <= 10)
        ADD_FAILURE() << "page " << r.page << ": \"" << r.text << "\" reaches (" << x << ", " << y
                      << "), outside the frame x " << left << ".." << right << ", y " << top << ".."
                      << bottom;
      break;
    }
  }
  EXPECT_EQ(outside, 0u);
}

/// True when `text` ends in a line-end hyphen after a letter ("bi-", "perundang-"), not a
/// lone dash ("-" in an empty table cell).
bool ends_in_hyphen(const std::string& text) {
  return text.size() >= 2 && text.back() == '-' &&
         std::isalpha(static_cast<unsigned char>(text[text.size() - 2]));
}

/// Upright body runs (between the top and bottom margins) of page `page` that end at the
/// right margin, as justified paragraph lines do, top to bottom.
std::vector<const PlacedRun*> full_lines(const Framed& f, size_t page) {
  const Size size = f.sizes.at(page - 1);
  const double right = (size.width - f.style.margin_right).v;
  std::vector<const PlacedRun*> out;
  for (const PlacedRun& r : f.runs) {
    if (r.page != page || r.y0 != r.y1 || std::fabs(r.x1 - right) > kEps) continue;
    if (r.y0 < f.style.margin_top.v || r.y0 > (size.height - f.style.margin_bottom).v) continue;
    out.push_back(&r);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const PlacedRun* a, const PlacedRun* b) { return a->y0 < b->y0; });
  return out;
}

/// No page ends in a hyphenated line (a word divided across the page turn), and no three
/// hyphenated lines follow each other (lines closer than two body sizes).
void expect_no_hyphen_page_turn_or_ladder(const Framed& f) {
  size_t turns = 0, ladders = 0;
  for (size_t page = 1; page <= f.sizes.size(); ++page) {
    const Size size = f.sizes.at(page - 1);
    const double bottom = (size.height - f.style.margin_bottom).v;
    // The page's last upright body line, wherever it ends horizontally.
    const PlacedRun* last = nullptr;
    for (const PlacedRun& r : f.runs) {
      if (r.page != page || r.y0 != r.y1 || r.y0 < f.style.margin_top.v || r.y0 > bottom) continue;
      if (!last || r.y0 > last->y0 + kEps || (std::fabs(r.y0 - last->y0) <= kEps && r.x1 > last->x1))
        last = &r;
    }
    const auto lines = full_lines(f, page);
    if (last && !lines.empty() && last == lines.back() && ends_in_hyphen(last->text) &&
        ++turns <= 5)
      ADD_FAILURE() << "page " << page << " ends in a divided word: \"" << last->text << "\"";
    int run = 0;
    double prev_y = -1e9;
    for (const PlacedRun* r : lines) {
      const bool follows = r->y0 - prev_y < 2 * f.style.body.size.v;
      run = ends_in_hyphen(r->text) ? (follows ? run : 0) + 1 : 0;
      prev_y = r->y0;
      if (run == 3 && ++ladders <= 5)
        ADD_FAILURE() << "page " << page << ": third hyphenated line in a row: \"" << r->text
                      << "\"";
    }
  }
  EXPECT_EQ(turns, 0u);
  EXPECT_EQ(ladders, 0u);
}

TEST(TextFrame, ExampleInBothLayoutsStaysInsideTheFrameAndDividesWordsWell) {
  for (const char* layout : {"lkjip", "tata-naskah-dinas"}) {
    SCOPED_TRACE(layout);
    const Framed f = render_frames((kSrc / "input" / "megaluh-2024.toml").string(), layout);
    expect_text_inside_frame(f);
    expect_no_hyphen_page_turn_or_ladder(f);
    // Space bound: no justified line's word spaces are set beyond the layout's tolerance.
    EXPECT_TRUE(f.loose.empty()) << f.loose.size() << " paragraphs, first: " << f.loose.front();
  }
}

TEST(TextFrame, GeneratedReportsStayInsideTheFrameAndDivideWordsWell) {
  ScratchDir dir("text-frame");
  const auto r = run(quoted(kGen) + " --count 3 --seed 5 --out " + quoted(dir / "in"));
  ASSERT_EQ(r.code, 0) << r.out;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir.path() / "in")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 3u);
  for (size_t i = 0; i < files.size(); ++i) {
    SCOPED_TRACE(files[i]);
    const Framed f = render_frames(files[i], i % 2 ? "tata-naskah-dinas" : "lkjip");
    expect_text_inside_frame(f);
    expect_no_hyphen_page_turn_or_ladder(f);
  }
}

}  // namespace
}  // namespace lkjip::golden
