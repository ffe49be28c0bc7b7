#include "pdf/content_stream.h"

#include <algorithm>
#include <cmath>

#include "pdf/pdf_format.h"

namespace lkjip::pdf {

namespace {

void append_color(std::string& out, const Color& c, const char* op) {
  for (double v : {c.r, c.g, c.b}) {
    append_num(out, std::clamp(v, 0.0, 1.0));
    out += ' ';
  }
  out += op;
  out += ' ';
}

void append_nums(std::string& out, std::initializer_list<double> values) {
  for (double v : values) {
    append_num(out, v);
    out += ' ';
  }
}

char* write_code(char* p, unsigned v) {
  for (char b : {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}) {
    if (b == '(' || b == ')' || b == '\\' || b == '\r') {
      *p++ = '\\';
      if (b == '\r') b = 'r';
    }
    *p++ = b;
  }
  return p;
}

}  // namespace

std::string page_where(size_t index) { return "page " + std::to_string(index + 1) + ": "; }

PageBox map_rect(const Rect& r, const Matrix& to_page) {
  PageBox box{1e300, 1e300, -1e300, -1e300};
  for (auto [x, y] : {std::pair{r.x.v, r.y.v}, std::pair{r.right().v, r.y.v},
                      std::pair{r.x.v, r.bottom().v}, std::pair{r.right().v, r.bottom().v}}) {
    auto [px, py] = to_page.apply(x, -y);
    box.left = std::min(box.left, px);
    box.right = std::max(box.right, px);
    box.bottom = std::min(box.bottom, py);
    box.top = std::max(box.top, py);
  }
  return box;
}

PageContent ContentStreamBuilder::build(const frame::Page& page, size_t index,
                                        std::map<std::string, AnchorPos>& anchors) {
  index_ = index;
  anchors_ = &anchors;
  out_ = PageContent{};
  text_ = TextState{};
  const double h = page.size.height.v;
  out_.stream = "1 0 0 1 0 ";
  append_num(out_.stream, h);
  out_.stream += " cm\n";
  mark_.reset();
  open_.reset();
  emit_frame(page.content, Matrix{1, 0, 0, 1, 0, h});
  close_marked();
  end_text();
  return std::move(out_);
}

namespace {
bool same(const frame::Mark& a, const frame::Mark& b) {
  return a.kind == b.kind && (a.kind != frame::Mark::Kind::content || a.elem == b.elem);
}
}  // namespace

void ContentStreamBuilder::enter_marked() {
  if (!structure_) return;
  if (open_ && mark_ && same(*open_, *mark_)) return;
  close_marked();
  if (!mark_) return;  // untagged content: the tagging tests find it
  end_text();
  std::string& out = out_.stream;
  switch (mark_->kind) {
    case frame::Mark::Kind::layout:
      out += "/Artifact BMC\n";
      break;
    case frame::Mark::Kind::pagination:
      out += "/Artifact <</Type /Pagination>> BDC\n";
      break;
    case frame::Mark::Kind::content: {
      if (mark_->elem == 0 || mark_->elem >= structure_->elems.size()) {
        sink_.error({}, page_where(index_) + "content marked with structure element " +
                            std::to_string(mark_->elem) + ", which does not exist");
        return;
      }
      out += '/';
      out += frame::structure_type(structure_->elems[mark_->elem].role);
      out += " <</MCID ";
      out += std::to_string(out_.mcid_elems.size());
      out += ">> BDC\n";
      out_.mcid_elems.push_back(mark_->elem);
      break;
    }
  }
  open_ = mark_;
}

void ContentStreamBuilder::close_marked() {
  if (!open_) return;
  end_text();
  out_.stream += "EMC\n";
  open_.reset();
}

void ContentStreamBuilder::end_text() {
  if (!text_.in_text) return;
  out_.stream += "ET\n";
  text_.in_text = false;
}

// Items are written in frame-local coordinates (x, −y): the page content starts with a
// translation to the top-left corner and each group adds its own `cm`, so only annotation
// rectangles, which live in page space, need `to_page`.
void ContentStreamBuilder::emit_frame(const frame::Frame& fr, const Matrix& to_page) {
  std::string& out = out_.stream;
  for (const frame::Item& item : fr.items) {
    if (const auto* m = std::get_if<frame::Mark>(&item)) {
      mark_ = *m;
    } else if (const auto* run = std::get_if<frame::GlyphRun>(&item)) {
      emit_run(*run);
    } else if (const auto* line = std::get_if<frame::Line>(&item)) {
      enter_marked();
      end_text();
      out += "q ";
      append_num(out, line->width.v);
      out += " w ";
      append_color(out, line->color, "RG");
      append_nums(out, {line->from.x.v, -line->from.y.v});
      out += "m ";
      append_nums(out, {line->to.x.v, -line->to.y.v});
      out += "l S Q\n";
    } else if (const auto* box = std::get_if<frame::Box>(&item)) {
      if (!box->fill && !box->stroke) continue;
      enter_marked();
      end_text();
      out += "q ";
      if (box->fill) append_color(out, *box->fill, "rg");
      if (box->stroke) {
        append_color(out, *box->stroke, "RG");
        append_num(out, box->stroke_width.v);
        out += " w ";
      }
      const Rect& r = box->rect;
      append_nums(out, {r.x.v, -r.bottom().v, r.width.v, r.height.v});
      out += box->fill && box->stroke ? "re B Q\n" : box->fill ? "re f Q\n" : "re S Q\n";
    } else if (const auto* path = std::get_if<frame::Path>(&item)) {
      if (path->points.size() < 2 || (!path->fill && !path->stroke)) continue;
      enter_marked();
      end_text();
      out += "q ";
      if (path->fill) append_color(out, *path->fill, "rg");
      if (path->stroke) {
        append_color(out, *path->stroke, "RG");
        append_num(out, path->stroke_width.v);
        out += " w ";
      }
      for (size_t i = 0; i < path->points.size(); ++i) {
        append_nums(out, {path->points[i].x.v, -path->points[i].y.v});
        out += i == 0 ? "m " : "l ";
      }
      if (path->closed) out += "h ";
      out += path->fill && path->stroke ? "B Q\n" : path->fill ? "f Q\n" : "S Q\n";
    } else if (const auto* img = std::get_if<frame::Image>(&item)) {
      emit_image(*img);
    } else if (const auto* link = std::get_if<frame::Link>(&item)) {
      out_.links.push_back({map_rect(link->rect, to_page), link->target});
    } else if (const auto* anchor = std::get_if<frame::Anchor>(&item)) {
      auto [x, y] = to_page.apply(anchor->pos.x.v, -anchor->pos.y.v);
      if (!anchors_->try_emplace(anchor->id, AnchorPos{index_, x, y}).second)
        sink_.warning({}, page_where(index_) + "anchor '" + anchor->id +
                              "' is defined twice; links go to the first one");
    } else if (const auto* sig = std::get_if<frame::SignatureField>(&item)) {
      out_.sigs.push_back({map_rect(sig->rect, to_page), sig->name});
    } else if (const auto* group = std::get_if<frame::Group>(&item)) {
      if (!group->frame) continue;
      // Counter-clockwise rotation about the group's top-left corner, then the offset.
      static constexpr int cos_tab[] = {1, 0, -1, 0};
      static constexpr int sin_tab[] = {0, 1, 0, -1};
      const int rot = ((group->rotation % 360) + 360) % 360;
      if (rot % 90 != 0) {
        sink_.error({}, page_where(index_) + "group rotation " + std::to_string(group->rotation) +
                            " is not a multiple of 90");
        continue;
      }
      const int q = rot / 90;
      const Matrix local{double(cos_tab[q]), double(sin_tab[q]), double(-sin_tab[q]),
                         double(cos_tab[q]), group->offset.x.v,  -group->offset.y.v};
      close_marked();
      end_text();
      const TextState outside = text_;
      const std::optional<frame::Mark> mark_outside = mark_;
      out += "q ";
      append_nums(out, {local.a, local.b, local.c, local.d, local.e, local.f});
      out += "cm\n";
      emit_frame(*group->frame, local.then(to_page));
      close_marked();
      end_text();
      out += "Q\n";
      text_ = outside;
      mark_ = mark_outside;
    }
  }
}

// Glyphs are shown with TJ; each adjustment moves the text position from where the /W width
// left it to where the frame puts the next glyph (kerning, justification, x_offset).
// Glyph::y_offset follows the frame's y-down convention and becomes text rise (Ts).
void ContentStreamBuilder::emit_run(const frame::GlyphRun& run) {
  if (run.glyphs.empty()) return;
  if (!run.font) {
    sink_.error({}, page_where(index_) + "glyph run without a font: \"" + run.text + "\"");
    return;
  }
  const double size = run.size.v;
  if (!(size > 0)) {
    sink_.error({}, page_where(index_) + "glyph run with font size " + num(size) + ": \"" +
                        run.text + "\"");
    return;
  }
  const std::string* font = res_.font(*run.font);
  if (!font) return;
  const std::string& res = *font;

  enter_marked();
  std::string& out = out_.stream;
  TextState& ts = text_;
  if (!ts.in_text) {
    out += "BT\n";
    ts.in_text = true;
  }
  if (ts.fill != run.color) {
    append_color(out, run.color, "rg");
    ts.fill = run.color;
  }
  if (ts.font != res || ts.size != size) {
    out += '/';
    out += res;
    out += ' ';
    append_num(out, size);
    out += " Tf ";
    ts.font = res;
    ts.size = size;
  }
  // An absolute Tm, not a relative Td: a reader summing Td moves in floating point may land a
  // glyph a rounding error away and render it a pixel differently.
  out += "1 0 0 1 ";
  append_nums(out, {run.origin.x.v, -run.origin.y.v});
  out += "Tm [";
  // The glyphs are written through a pointer into scratch_, which has room for the worst case
  // of each (string break, rise change, adjustment, escaped code): appending byte by byte to a
  // std::string was a third of the cost of a glyph.
  constexpr size_t kMaxPerGlyph = 16 + 2 * kMaxScaledChars;
  if (scratch_.size() < (run.glyphs.size() + 1) * kMaxPerGlyph)
    scratch_.resize((run.glyphs.size() + 1) * kMaxPerGlyph);
  char* const begin = scratch_.data();
  char* p = begin;
  auto put = [&p](std::string_view s) { p = std::copy(s.begin(), s.end(), p); };
  double pen = 0;  // where the frame puts the current glyph's origin, along the baseline
  double cur = 0;  // where the PDF text position actually is
  int64_t& rise = ts.rise;
  bool in_string = false;
  auto close_string = [&] {
    if (in_string) *p++ = ')';
    in_string = false;
  };
  for (const frame::Glyph& g : run.glyphs) {
    std::string_view cluster;
    if (g.cluster_begin < g.cluster_end && g.cluster_end <= run.text.size())
      cluster = std::string_view(run.text).substr(g.cluster_begin, g.cluster_end - g.cluster_begin);
    const std::optional<double> width = res_.glyph(g.gid, cluster);
    if (!width) {
      sink_.error({run.font->path, 0, 0},
                  page_where(index_) + "glyph id " + std::to_string(g.gid) + " is not in the font");
      pen += g.advance.v;
      continue;
    }
    const int64_t want_rise = to_milli(-g.y_offset.v);
    if (want_rise != rise) {
      close_string();
      put("] TJ ");
      p = write_scaled(p, want_rise, 3);
      put(" Ts [");
      rise = want_rise;
    }
    // Adjustments under 0.05/1000 em are rounding noise between the frame's advances and the
    // 3-decimal /W; skipping them cannot drift, because `cur` keeps the true position.
    // In thousandths of the text-space unit (1/1000 em), i.e. millionths of an em.
    const int64_t adjust = to_milli(-(pen + g.x_offset.v - cur) * 1000.0 / size);
    if (adjust >= 50 || adjust <= -50) {
      close_string();
      p = write_scaled(p, adjust, 3);
      cur -= static_cast<double>(adjust) / 1000.0 * size / 1000.0;
    }
    if (!in_string) *p++ = '(';
    in_string = true;
    p = write_code(p, g.gid);
    cur += *width * size / 1000.0;
    pen += g.advance.v;
  }
  close_string();
  put("] TJ\n");
  out.append(begin, p);
}

void ContentStreamBuilder::emit_image(const frame::Image& img) {
  if (!img.data) {
    sink_.error({}, page_where(index_) + "image item without image data");
    return;
  }
  const std::string* name = res_.image(*img.data);
  if (!name) return;
  const Rect& r = img.rect;
  enter_marked();
  std::string& out = out_.stream;
  end_text();
  out += "q ";
  append_nums(out, {r.width.v, 0, 0, r.height.v, r.x.v, -r.bottom().v});
  out += "cm /" + *name + " Do Q\n";
}

}  // namespace lkjip::pdf
