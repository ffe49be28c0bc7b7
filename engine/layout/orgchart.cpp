// Organisation charts (Gambar "Struktur Organisasi"): a top-down tree of boxes with orthogonal
// connectors, as in the Bagan Susunan Organisasi of a Peraturan Bupati.
#include "layout/figure.h"

#include <algorithm>

#include "frame/ops.h"
#include "layout/draw.h"

namespace lkjip::layout {
namespace {

/// Lengths of one drawing at scale 1 (points); all of them scale together with the text.
constexpr double kPadX = 4, kPadY = 3;  // inside a box
constexpr double kHGap = 10;            // between sibling subtrees; staff box to connector
constexpr double kVGap = 20;            // between levels
constexpr double kIndent = 14;          // stacked children, right of their parent's left edge
constexpr double kRule = 0.75;
constexpr double kMaxBox = 120, kMinBox = 60, kBoxStep = 10;

class OrgChart {
 public:
  OrgChart(const Context& ctx, const std::vector<doc::OrgNode>& nodes) : ctx_(ctx), nodes_(nodes) {
    ts_ = ctx.style.table_text;
    ts_.size = ts_.size * 0.9;
    build_tree();
    for (size_t i = 0; i < nodes_.size(); ++i) {
      for (const auto& w : words(nodes_[i].name)) {
        min_box_ = max(min_box_, ctx_.font(style(i)).width(w, ts_.size) + Pt(2 * kPadX));
      }
    }
  }

  /// Narrowest box width that never breaks inside a word.
  Pt min_box() const { return max(min_box_, Pt(kMinBox)); }
  Pt max_box() const { return max(min_box_, Pt(kMaxBox)); }

  /// The chart with boxes `bw` wide, at its natural size (may be wider than the page).
  frame::Frame draw(Pt bw) {
    bw_ = bw;
    const size_t n = nodes_.size();
    lines_.assign(n, {});
    height_.assign(n, Pt(0));
    const auto box = draw::line_box(ctx_, ts_);
    for (size_t i = 0; i < n; ++i) {
      lines_[i] = draw::compose_aligned(ctx_, draw::plain(nodes_[i].name), style(i),
                                        bw - Pt(2 * kPadX), report::HAlign::center);
      height_[i] =
          box.height * static_cast<double>(std::max<size_t>(1, lines_[i].size())) + Pt(2 * kPadY);
    }
    // Row heights per depth (boxes of one level share a height) and the staff band below.
    row_h_.assign(depth_count_, Pt(0));
    band_h_.assign(depth_count_, Pt(0));
    for (size_t i = 0; i < n; ++i) {
      if (in_row(i)) row_h_[depth_[i]] = max(row_h_[depth_[i]], height_[i]);
      if (!staff_[i].empty()) {
        Pt h;
        for (int s : staff_[i]) h = max(h, height_[s]);
        const double rows = static_cast<double>((staff_[i].size() + 1) / 2);
        band_h_[depth_[i]] = max(band_h_[depth_[i]], (h + Pt(kVGap / 2)) * rows);
      }
    }
    row_y_.assign(depth_count_ + 1, Pt(0));
    for (size_t d = 0; d < depth_count_; ++d) {
      row_y_[d + 1] = row_y_[d] + row_h_[d] + band_h_[d] + Pt(kVGap);
    }
    sub_w_.assign(n, Pt(0));
    Pt total;
    for (int r : roots_) total += subtree_width(r) + (total.v > 0 ? Pt(kHGap) : Pt(0));
    out_ = frame::Frame{};
    bottom_ = Pt(0);
    Pt x;
    for (int r : roots_) {
      place(r, x);
      x += sub_w_[r] + Pt(kHGap);
    }
    out_.size = {total, bottom_};
    return std::move(out_);
  }

 private:
  static std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
      const size_t stop = std::min(s.find(' ', start), s.size());
      if (stop > start) out.push_back(s.substr(start, stop - start));
      start = stop + 1;
    }
    return out;
  }

  report::TextStyle style(size_t i) const {
    report::TextStyle ts = ts_;
    ts.bold = ts.bold || nodes_[i].parent < 0;
    return ts;
  }

  /// Children and staff per node. Roots are nodes without a valid parent; a node only reachable
  /// through a parent cycle becomes a root too, so every node is drawn exactly once.
  void build_tree() {
    const int n = static_cast<int>(nodes_.size());
    kids_.assign(n, {});
    staff_.assign(n, {});
    depth_.assign(n, 0);
    std::vector<bool> reached(n, false);
    auto valid_parent = [&](int i) {
      const int p = nodes_[i].parent;
      return p >= 0 && p < n && p != i;
    };
    std::vector<std::vector<int>> children(n);
    for (int i = 0; i < n; ++i) {
      if (valid_parent(i)) children[nodes_[i].parent].push_back(i);
    }
    auto visit_from = [&](int root) {
      roots_.push_back(root);
      std::vector<int> todo{root};
      reached[root] = true;
      while (!todo.empty()) {
        const int p = todo.back();
        todo.pop_back();
        for (int c : children[p]) {
          if (reached[c]) continue;
          reached[c] = true;
          // A staff unit with units of its own is drawn in the command line like any other.
          const bool staff = nodes_[c].staff && children[c].empty();
          (staff ? staff_[p] : kids_[p]).push_back(c);
          depth_[c] = staff ? depth_[p] : depth_[p] + 1;
          todo.push_back(c);
        }
      }
    };
    for (int i = 0; i < n; ++i) {
      if (!valid_parent(i)) visit_from(i);
    }
    for (int i = 0; i < n; ++i) {
      if (!reached[i]) visit_from(i);
    }
    stacked_.assign(n, false);
    for (int i = 0; i < n; ++i) {
      const bool is_root = std::find(roots_.begin(), roots_.end(), i) != roots_.end();
      stacked_[i] = !is_root && !kids_[i].empty() && staff_[i].empty() &&
                    std::all_of(kids_[i].begin(), kids_[i].end(),
                                [&](int k) { return kids_[k].empty() && staff_[k].empty(); });
    }
    depth_count_ = 1;
    for (int i = 0; i < n; ++i) depth_count_ = std::max(depth_count_, size_t(depth_[i]) + 1);
  }

  /// In a row of its level (not a staff box, not stacked under its parent).
  bool in_row(size_t i) const {
    const int p = nodes_[i].parent;
    const bool stacked_child =
        p >= 0 && static_cast<size_t>(p) < nodes_.size() && stacked_[p] &&
        std::find(kids_[p].begin(), kids_[p].end(), int(i)) != kids_[p].end();
    const bool staff = p >= 0 && static_cast<size_t>(p) < nodes_.size() &&
                       std::find(staff_[p].begin(), staff_[p].end(), int(i)) != staff_[p].end();
    return !stacked_child && !staff;
  }

  Pt subtree_width(int i) {
    Pt w = bw_;
    if (stacked_[i]) {
      w = bw_ + Pt(kIndent);
    } else if (!kids_[i].empty()) {
      Pt row;
      for (int k : kids_[i]) row += subtree_width(k);
      row += Pt(kHGap) * static_cast<double>(kids_[i].size() - 1);
      w = max(w, row);
    }
    if (!staff_[i].empty()) w = max(w, (bw_ + Pt(kHGap)) * 2);
    sub_w_[i] = w;
    return w;
  }

  void box(int i, Rect r) {
    out_.items.emplace_back(std::in_place_type<frame::Box>,
                            frame::Box{r, Color::white(), Color::black(), Pt(kRule)});
    const auto lb = draw::line_box(ctx_, style(i));
    const Pt text_h = lb.height * static_cast<double>(lines_[i].size());
    draw::lines(out_, lines_[i], lb, r.x + Pt(kPadX), r.y + (r.height - text_h) / 2);
    bottom_ = max(bottom_, r.bottom());
  }

  /// Emplaced (not add(Item)) also to spare GCC 12 a false -Wmaybe-uninitialized.
  void wire(Point a, Point b) {
    out_.items.emplace_back(std::in_place_type<frame::Line>,
                            frame::Line{a, b, Pt(kRule), Color::black()});
  }

  /// Draws node `i` and everything below it in the subtree starting at `x0`.
  void place(int i, Pt x0) {
    const size_t d = depth_[i];
    const Pt bx = stacked_[i] ? x0 : x0 + (sub_w_[i] - bw_) / 2;
    const Rect r{bx, row_y_[d], bw_, row_h_[d]};
    box(i, r);
    const Pt cx = bx + bw_ / 2;
    Pt line_end = r.bottom();
    // Staff units: right, left, right … of the vertical line, in the band below the box.
    const Pt band_top = r.bottom() + Pt(kVGap / 2);
    Pt staff_h;
    for (int s : staff_[i]) staff_h = max(staff_h, height_[s]);
    for (size_t k = 0; k < staff_[i].size(); ++k) {
      const int s = staff_[i][k];
      const Pt sy = band_top + (staff_h + Pt(kVGap / 2)) * static_cast<double>(k / 2);
      const bool right = k % 2 == 0;
      const Rect sr{right ? cx + Pt(kHGap) : cx - Pt(kHGap) - bw_, sy, bw_, staff_h};
      box(s, sr);
      const Pt mid = sy + staff_h / 2;
      wire({cx, mid}, {right ? sr.x : sr.right(), mid});
      line_end = max(line_end, mid);
    }
    if (stacked_[i]) {
      const Pt lx = bx + Pt(kIndent / 2);
      Pt y = r.bottom() + Pt(kVGap / 2);
      Pt last_mid = y;
      for (int k : kids_[i]) {
        const Rect kr{bx + Pt(kIndent), y, bw_, height_[k]};
        box(k, kr);
        last_mid = y + height_[k] / 2;
        wire({lx, last_mid}, {kr.x, last_mid});
        y += height_[k] + Pt(kVGap / 2);
      }
      wire({lx, r.bottom()}, {lx, last_mid});
    } else if (!kids_[i].empty()) {
      const Pt bus = row_y_[d + 1] - Pt(kVGap / 2);
      Pt row;
      for (int k : kids_[i]) row += sub_w_[k];
      row += Pt(kHGap) * static_cast<double>(kids_[i].size() - 1);
      Pt kx = x0 + (sub_w_[i] - row) / 2;
      Pt lo = cx, hi = cx;
      for (int k : kids_[i]) {
        place(k, kx);
        const Pt kcx = stacked_[k] ? kx + bw_ / 2 : kx + sub_w_[k] / 2;
        wire({kcx, bus}, {kcx, row_y_[d + 1]});
        lo = min(lo, kcx);
        hi = max(hi, kcx);
        kx += sub_w_[k] + Pt(kHGap);
      }
      if (hi > lo) wire({lo, bus}, {hi, bus});
      line_end = bus;
    }
    if (line_end > r.bottom()) wire({cx, r.bottom()}, {cx, line_end});
  }

  const Context& ctx_;
  const std::vector<doc::OrgNode>& nodes_;
  report::TextStyle ts_;
  Pt min_box_;
  std::vector<std::vector<int>> kids_, staff_;
  std::vector<size_t> depth_;
  std::vector<bool> stacked_;
  std::vector<int> roots_;
  size_t depth_count_ = 1;
  // Per drawing:
  Pt bw_, bottom_;
  std::vector<std::vector<draw::AlignedLine>> lines_;
  std::vector<Pt> height_, row_h_, band_h_, row_y_, sub_w_;
  frame::Frame out_;
};

}  // namespace

frame::Frame draw_orgchart(const Context& ctx, const std::vector<doc::OrgNode>& nodes, Pt width) {
  if (nodes.empty()) return frame::Frame{{width, Pt(0)}, {}};
  OrgChart chart(ctx, nodes);
  // Widest boxes (fewest wrapped lines) that fit; else the narrowest, scaled down uniformly.
  frame::Frame f;
  for (Pt bw = chart.max_box(); bw >= chart.min_box() - Pt(1e-9); bw -= Pt(kBoxStep)) {
    f = chart.draw(bw);
    if (f.size.width <= width) break;
  }
  if (f.size.width > width) f = chart.draw(chart.min_box());
  if (f.size.width > width) draw::scale(f, width / f.size.width);
  // Centre the chart in the frame.
  frame::Frame out{{width, f.size.height}, {}};
  frame::append(out, f, {(width - f.size.width) / 2, Pt(0)});
  return out;
}

}  // namespace lkjip::layout
