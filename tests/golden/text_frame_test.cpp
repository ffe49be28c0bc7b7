// No text leaves the text frame: every glyph run of every page, read from the engine's own
// frames (`--dump=frames`, groups turned as the PDF writer turns them), lies between the
// layout's left and right margins, and between the running header and the page number.
// Checked on the example in both shipped layouts and on generated reports, so it runs on a
// plain clone without any outside PDF tool.
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

/// Renders `input` in `layout` and checks every run against the layout's frame. The frame
/// runs vertically from the running header's baseline to the page number's, horizontally
/// between the margins.
void expect_text_inside_frame(const std::string& input, const std::string& layout) {
  SCOPED_TRACE(input + " in " + layout);
  pipeline::Resources resources(kSrc.string());
  DiagnosticSink sink;
  const auto style = resources.layout(layout, sink);
  ASSERT_TRUE(style) << layout;
  pipeline::RenderOptions options;
  options.layout = layout;
  options.dump = "frames";
  const auto rendered = pipeline::render(input, options, resources, sink);
  ASSERT_TRUE(rendered);
  std::vector<Size> sizes;
  const auto runs = runs_of(rendered->dump, sizes);
  ASSERT_EQ(sizes.size(), rendered->pages);
  ASSERT_GT(runs.size(), rendered->pages);
  constexpr double kEps = 0.01;  // the dump's two decimals
  size_t outside = 0;
  for (const PlacedRun& r : runs) {
    const Size page = sizes.at(r.page - 1);
    const double left = style->margin_left.v, right = (page.width - style->margin_right).v;
    const double top = std::min(style->header_offset, style->margin_top).v;
    const double bottom = (page.height - min(style->footer_offset, style->margin_bottom)).v;
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

TEST(TextFrame, ExampleInBothLayoutsStaysInsideTheFrame) {
  for (const char* layout : {"lkjip", "tata-naskah-dinas"})
    expect_text_inside_frame((kSrc / "input" / "megaluh-2024.toml").string(), layout);
}

TEST(TextFrame, GeneratedReportsStayInsideTheFrame) {
  ScratchDir dir("text-frame");
  const auto r = run(quoted(kGen) + " --count 3 --seed 5 --out " + quoted(dir / "in"));
  ASSERT_EQ(r.code, 0) << r.out;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir.path() / "in")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 3u);
  for (size_t i = 0; i < files.size(); ++i)
    expect_text_inside_frame(files[i], i % 2 ? "tata-naskah-dinas" : "lkjip");
}

}  // namespace
}  // namespace lkjip::golden
