#include "layout/paginate.h"

#include <algorithm>

#include "base/numerals.h"
#include "frame/ops.h"
#include "layout/blocks.h"
#include "layout/draw.h"
#include "layout/figure.h"
#include "layout/table.h"
#include "layout/tags.h"

namespace lkjip::layout {
namespace {

std::string inline_text(const doc::Inlines& in) {
  std::string s;
  for (const auto& i : in) s += i.text;
  return s;
}

/// A heading as the table of contents and the bookmarks show it: without the full stop or
/// colon its author ended it with ("Capaian Kinerja Organisasi.", "… sebagai berikut :").
/// An ellipsis stays.
std::string entry_title(std::string s) {
  auto trim = [&] {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  };
  trim();
  if (!s.empty() && (s.back() == ':' || (s.back() == '.' && !s.ends_with("..")))) {
    s.pop_back();
    trim();
  }
  return s;
}

/// Lays flows onto pages of the text area. Page furniture is added later, once the whole
/// document's page numbering is known.
class Paginator {
 public:
  Paginator(const Context& ctx) : ctx_(ctx) {
    const auto& st = ctx.style;
    area_ = {st.margin_left, st.margin_top, st.paper.width - st.margin_left - st.margin_right,
             st.paper.height - st.margin_top - st.margin_bottom};
  }

  Pt text_width() const { return area_.width; }
  Pt text_height() const { return area_.height; }

  void new_page() {
    pages_.push_back({ctx_.style.paper, {ctx_.style.paper, {}}});
    y_ = Pt(0);
    empty_ = true;
  }

  /// Places a chapter: a new page, its title, its blocks.
  void chapter(const doc::Chapter& c, const PageLabels& labels,
               const std::vector<ListEntry>* lists[3]) {
    new_page();
    opening_pages_.push_back(pages_.size() - 1);
    if (ctx_.tags) ctx_.tags->set_section(ctx_.tags->add(frame::Role::sect, 0));
    std::vector<FlowPtr> flows;
    std::vector<Role> roles;
    flows.push_back(make_chapter_title_flow(ctx_, c, area_.width));
    roles.push_back(Role::fixed);
    for (size_t i = 0; i < c.blocks.size(); ++i) {
      const auto& b = c.blocks[i];
      if (std::holds_alternative<doc::Signature>(b.v) && !flows.empty() && flows.back())
        flows.back()->keep_with_next = true;  // never orphan a signature from its text
      flows.push_back(make_flow(b, labels, lists));
      // Headings fill too: a float may pass a section heading (as in LaTeX), never a chapter.
      const bool text = std::holds_alternative<doc::Paragraph>(b.v) ||
                        std::holds_alternative<doc::List>(b.v) ||
                        std::holds_alternative<doc::Heading>(b.v);
      const bool floating = ctx_.style.table_float && (std::holds_alternative<doc::Table>(b.v) ||
                                                       std::holds_alternative<doc::Figure>(b.v));
      roles.push_back(text ? Role::fills : floating ? Role::floats : Role::fixed);
    }
    std::vector<BlockFlow*> order;
    for (const auto& f : flows) order.push_back(f.get());
    run(order, roles);
  }

  std::vector<frame::Page> take_pages() { return std::move(pages_); }
  const std::vector<size_t>& opening_pages() const { return opening_pages_; }

 private:
  FlowPtr make_flow(const doc::Block& b, const PageLabels& labels,
                    const std::vector<ListEntry>* lists[3]) {
    const Pt w = area_.width;
    return std::visit(
        [&](const auto& x) -> FlowPtr {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, doc::Paragraph>) return make_paragraph_flow(ctx_, x, w);
          if constexpr (std::is_same_v<T, doc::Heading>) return make_heading_flow(ctx_, x, w);
          if constexpr (std::is_same_v<T, doc::List>) return make_list_flow(ctx_, x, w);
          if constexpr (std::is_same_v<T, doc::Table>)
            return make_table_flow(ctx_, x, {w, area_.height});
          if constexpr (std::is_same_v<T, doc::Figure>)
            return make_figure_flow(ctx_, x, w, area_.height * 0.85);
          if constexpr (std::is_same_v<T, doc::Signature>) return make_signature_flow(ctx_, x, w);
          if constexpr (std::is_same_v<T, doc::ListOf>)
            return make_listof_flow(ctx_, *lists[static_cast<int>(x.kind)], labels, w);
          return nullptr;  // doc::PageBreak
        },
        b.v);
  }

  void place(Fragment f, Pt space_before) {
    if (!empty_) y_ += space_before;
    const Pt height = f.frame.size.height;
    frame::append(pages_.back().content, std::move(f.frame), {area_.x, area_.y + y_});
    y_ += height;
    empty_ = false;
  }

  /// A block kept with the next one that was placed whole as the last thing on this page, so
  /// that it can move to the next page if the next block cannot start here after all.
  struct KeptBlock {
    size_t items_before = 0;
    Pt y_before;
    Fragment fragment;
    Pt space_before;  // taken when it follows the floats at the top of the next page
  };

  /// How a block takes part in floating (style.table_float): a table or figure that cannot
  /// start on this page `floats` to the top of the next one, headings, paragraphs and lists
  /// after it `fill` the gap, and anything else (signatures, the next table) waits for it.
  enum class Role { fixed, fills, floats };

  /// A new page that first takes the tables and figures waiting for it, in their order.
  void turn_page() {
    new_page();
    if (floats_.empty()) return;
    std::vector<BlockFlow*> pending = std::move(floats_);
    floats_.clear();
    run(pending, std::vector<Role>(pending.size(), Role::fixed));
  }

  /// Lays out `flows` (nullptr: an explicit page break) in order; `roles` has one per flow.
  void run(const std::vector<BlockFlow*>& flows, const std::vector<Role>& roles) {
    std::optional<KeptBlock> kept;
    for (size_t i = 0; i < flows.size(); ++i) {
      BlockFlow* flow = flows[i];
      // A block kept with what follows (a heading, a lead-in) fills only when that fills too:
      // a waiting float must not part a lead-in from its table.
      size_t last = i;
      while (last + 1 < flows.size() && flows[last] && flows[last]->keep_with_next) ++last;
      bool fills = true;
      for (size_t k = i; k <= last; ++k) fills = fills && roles[k] == Role::fills && flows[k];
      fills = fills && !(flows[last] && flows[last]->keep_with_next);
      if (!floats_.empty() && !fills) {
        turn_page();
        kept.reset();
      }
      if (!flow) {  // explicit page break
        if (!empty_) new_page();
        kept.reset();
        continue;
      }
      if (flow->landscape) {
        run_landscape(*flow);
        kept.reset();
        continue;
      }
      BlockFlow* next = i + 1 < flows.size() ? flows[i + 1] : nullptr;
      int guard = 0;
      bool first_fragment = true;
      while (!flow->done()) {
        if (++guard > 100000) internal_error("pagination made no progress");
        const Pt before = empty_ ? Pt(0) : flow->space_before;
        const Pt avail = area_.height - y_ - before;
        // Keep-with-next: leave room for the next block's first piece, but only on the page
        // where this block ends.
        Pt reserve;
        if (flow->keep_with_next && next && !next->landscape) {
          const auto* v = dynamic_cast<const VListFlow*>(flow);
          if (!v || v->remaining_height() <= avail)
            reserve = next->space_before + next->min_first_height();
        }
        // Forced progress (at_page_top) only against the whole page: forced into the room left
        // after the reserve, a block taller than that would hand out a single line.
        auto frag = flow->next(avail - reserve, empty_ && reserve <= Pt(0));
        if (!frag && empty_ && reserve > Pt(0)) frag = flow->next(avail, true);
        if (!frag && first_fragment && !empty_ && !kept && roles[i] == Role::floats) {
          floats_.push_back(flow);  // placed by turn_page(), its space_after with it
          break;
        }
        if (!frag) {
          // This block cannot start here: a heading (or lead-in) kept with it must not stay
          // behind alone at the bottom of the page, so it moves along.
          if (first_fragment && kept &&
              static_cast<double>(kept->items_before) + kept->y_before.v > 0) {
            auto& items = pages_.back().content.items;
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(kept->items_before),
                        items.end());
            turn_page();  // the floats waiting for the next page go first
            place(std::move(kept->fragment), kept->space_before);
          } else {
            turn_page();
          }
          kept.reset();
          continue;
        }
        const size_t items_before = pages_.back().content.items.size();
        const Pt y_before = y_;
        // A block kept with the next one may have to move on: keep a copy of it.
        const bool keep = flow->done() && first_fragment && flow->keep_with_next;
        kept.reset();
        if (keep) kept = KeptBlock{items_before, y_before, *frag, flow->space_before};
        place(std::move(*frag), before);
        if (!flow->done()) turn_page();
        first_fragment = false;
      }
      if (flow->done()) y_ += flow->space_after;
    }
    if (!floats_.empty()) turn_page();
  }

  /// Each fragment of a landscape block gets a page of its own, turned a quarter turn so the
  /// block reads along the long edge; the page number stays where print puts it (the foot of
  /// the portrait sheet), and the page asks viewers to show it turned so the block reads upright.
  void run_landscape(BlockFlow& flow) {
    if (!empty_) new_page();
    int guard = 0;
    while (!flow.done()) {
      if (++guard > 100000) internal_error("landscape pagination made no progress");
      auto frag = flow.next(area_.width, true);
      if (!frag) internal_error("landscape flow refused a whole page");
      frame::Group g;
      g.rotation = 90;
      g.offset = {area_.x, area_.y + area_.height};
      g.frame = std::make_shared<frame::Frame>(std::move(frag->frame));
      // Emplaced (not add(Item)): GCC 12 warns falsely about the variant temporary.
      pages_.back().content.items.emplace_back(std::move(g));
      pages_.back().view_rotation = 90;
      empty_ = false;
      new_page();
    }
  }

  const Context& ctx_;
  Rect area_;
  std::vector<frame::Page> pages_;
  std::vector<size_t> opening_pages_;
  std::vector<BlockFlow*> floats_;  // waiting for the next page (see Role), in order
  Pt y_;
  bool empty_ = true;
};

/// Every anchor on every page, with the page index.
void collect_anchors(const frame::Frame& f, size_t page, std::map<std::string, size_t>& out) {
  for (const auto& item : f.items) {
    if (const auto* a = std::get_if<frame::Anchor>(&item)) out.emplace(a->id, page);
    if (const auto* g = std::get_if<frame::Group>(&item)) collect_anchors(*g->frame, page, out);
  }
}

void collect_entries(const doc::Document& d, std::vector<ListEntry> lists[3],
                     std::vector<frame::OutlineEntry>& outline) {
  auto chapters = [&](const std::vector<doc::Chapter>& cs) {
    for (const auto& c : cs) {
      const std::string title = entry_title(c.title);
      if (c.in_toc) lists[0].push_back({c.label, title, 0, c.anchor});
      outline.push_back({c.label.empty() ? title : c.label + " " + title, 0, c.anchor});
      for (const auto& b : c.blocks) {
        if (const auto* h = std::get_if<doc::Heading>(&b.v)) {
          const std::string heading = entry_title(inline_text(h->title));
          if (h->level <= 2) lists[0].push_back({h->number, heading, h->level, h->anchor});
          // Bookmarks nest one level at a time even where the text skips one (### under #).
          const int level = std::min(h->level, outline.back().level + 1);
          outline.push_back(
              {h->number.empty() ? heading : h->number + " " + heading, level, h->anchor});
        } else if (const auto* t = std::get_if<doc::Table>(&b.v)) {
          lists[1].push_back({t->label, inline_text(t->caption), 1, t->anchor});
        } else if (const auto* f = std::get_if<doc::Figure>(&b.v)) {
          lists[2].push_back({f->label, inline_text(f->caption), 1, f->anchor});
        }
      }
    }
  };
  chapters(d.front);
  chapters(d.body);
}

/// What a screen reader says for the cover's logo: the emblem of the region the unit belongs to.
std::string logo_alt(const doc::Cover& c) {
  return "Logo " + (c.region.empty() ? c.unit : c.region);
}

frame::Page cover_page(const Context& ctx, const doc::Cover& c) {
  const auto& st = ctx.style;
  frame::Page page{st.paper, {st.paper, {}}};
  const Pt w = st.paper.width - st.margin_left - st.margin_right;
  Pt y = st.paper.height * 0.16;
  auto block = [&](const std::string& s, const report::TextStyle& ts, Pt gap_after) {
    mark(ctx, page.content, tag(ctx, frame::Role::p, 0));
    doc::Inline in;
    in.text = s;
    auto composed = ctx.compose({in}, ts, w, report::HAlign::center, Pt(0), false);
    const Pt lead = Context::leading(ts);
    y = place_lines(page.content, std::move(composed.lines), st.margin_left, y, lead,
                    ctx.font(ts).ascender(ts.size)) +
        gap_after;
  };
  block(c.title, st.cover_title, Pt(10));
  block(c.year_line, st.cover_title, Pt(40));
  if (c.logo && c.logo->width_px > 0 && c.logo->height_px > 0) {
    const Pt h = mm(45);
    const Pt lw = h * (static_cast<double>(c.logo->width_px) / c.logo->height_px);
    const uint32_t logo = tag(ctx, frame::Role::figure, 0);
    if (ctx.tags) ctx.tags->at(logo).alt = logo_alt(c);
    mark(ctx, page.content, logo);
    page.content.add(frame::Image{{(st.paper.width - lw) / 2, y, lw, h}, c.logo});
    y += h + Pt(40);
  } else {
    y += mm(45) + Pt(40);
  }
  block(c.unit, st.cover_text, Pt(6));
  block(c.region, st.cover_text, Pt(6));
  return page;
}

void add_text(const Context& ctx, frame::Frame& f, const std::string& s,
              const report::TextStyle& ts, Pt x, Pt baseline, Pt width, report::HAlign align) {
  doc::Inline in;
  in.text = s;
  auto composed = ctx.compose({in}, ts, width, align, Pt(0), false);
  if (composed.lines.empty()) return;
  draw::set_line(f, std::move(composed.lines.front()), x, baseline);
}

void add_furniture(const Context& ctx, frame::Page& page, const std::string& number,
                   const std::string& header) {
  const auto& st = ctx.style;
  const Pt w = st.paper.width - st.margin_left - st.margin_right;
  mark_artifact(ctx, page.content, frame::Mark::Kind::pagination);
  if (!header.empty()) {
    add_text(ctx, page.content, header, st.header_style, st.margin_left, st.header_offset, w,
             report::HAlign::center);
    const Pt rule_y = st.header_offset + st.header_style.size * 0.4;
    page.content.add(frame::Line{{st.margin_left, rule_y}, {st.margin_left + w, rule_y}, Pt(0.4)});
  }
  if (!number.empty())
    add_text(ctx, page.content, number, st.footer_style, st.margin_left,
             st.paper.height - st.footer_offset, w, st.page_number_align);
}

/// The draft mark at the top of a page, between the side margins, above the running head.
void add_draft_mark(const Context& ctx, frame::Page& page, const std::string& mark) {
  const auto& st = ctx.style;
  mark_artifact(ctx, page.content, frame::Mark::Kind::pagination);
  add_text(ctx, page.content, mark, st.draft_style, st.margin_left, st.draft_offset,
           st.paper.width - st.margin_left - st.margin_right, st.draft_align);
}

}  // namespace

frame::PagedDocument layout_document(const Context& untagged, const doc::Document& d,
                                     LayoutStats* stats) {
  std::vector<ListEntry> lists[3];
  frame::PagedDocument out;
  // The structure tree is built in reading order part by part: the cover, then the body (laid
  // out first, its page labels feed the front matter), then the front matter's last pass; the
  // Document's parts are put in reading order at the end.
  Tagger tags(out.structure);
  Context ctx = untagged;
  ctx.tags = &tags;
  frame::Page cover = cover_page(ctx, d.cover);
  const size_t cover_parts = out.structure.elems[0].kids.size();
  collect_entries(d, lists, out.outline);
  const std::vector<ListEntry>* list_ptrs[3] = {&lists[0], &lists[1], &lists[2]};

  PageLabels labels;
  // Body: laid out once; labels 1, 2, … from its first page.
  Paginator body(ctx);
  for (const auto& c : d.body) body.chapter(c, labels, list_ptrs);
  const size_t body_parts = out.structure.elems[0].kids.size() - cover_parts;
  const size_t before_front = tags.size();
  auto body_pages = body.take_pages();
  {
    std::map<std::string, size_t> at;
    for (size_t i = 0; i < body_pages.size(); ++i) collect_anchors(body_pages[i].content, i, at);
    for (const auto& [id, page] : at) labels[id] = std::to_string(page + 1);
  }

  // Front matter: repeat until the labels it prints are the ones it produces.
  std::vector<frame::Page> front_pages;
  std::vector<size_t> front_openings;
  LayoutStats st;
  st.settled = false;
  for (int pass = 1; pass <= 4; ++pass) {
    st.front_passes = pass;
    tags.truncate(before_front);
    Paginator front(ctx);
    for (const auto& c : d.front) front.chapter(c, labels, list_ptrs);
    front_pages = front.take_pages();
    front_openings = front.opening_pages();
    std::map<std::string, size_t> at;
    for (size_t i = 0; i < front_pages.size(); ++i) collect_anchors(front_pages[i].content, i, at);
    bool changed = false;
    for (const auto& [id, page] : at) {
      const std::string label = to_roman(static_cast<int>(page) + 1);
      auto& slot = labels[id];
      if (slot != label) changed = true;
      slot = label;
    }
    if (!changed && pass > 1) {
      st.settled = true;
      break;
    }
  }
  if (!st.settled)
    ctx.sink.warning({}, "page numbers in the table of contents did not settle after 4 passes",
                     {"the PDF is written; check the table of contents"});
  if (stats) *stats = st;

  // Assemble: cover, front (i, ii, …), body (1, 2, …), with furniture.
  auto& parts = out.structure.elems[0].kids;
  std::rotate(parts.begin() + static_cast<std::ptrdiff_t>(cover_parts),
              parts.begin() + static_cast<std::ptrdiff_t>(cover_parts + body_parts), parts.end());
  out.pages.push_back(std::move(cover));
  std::vector<bool> is_opening(front_pages.size(), false);
  for (size_t i : front_openings) is_opening.at(i) = true;
  for (size_t i = 0; i < front_pages.size(); ++i) {
    add_furniture(ctx, front_pages[i], to_roman(static_cast<int>(i) + 1), "");
    out.pages.push_back(std::move(front_pages[i]));
  }
  std::vector<bool> body_opening(body_pages.size(), false);
  for (size_t i : body.opening_pages()) body_opening.at(i) = true;
  for (size_t i = 0; i < body_pages.size(); ++i) {
    add_furniture(ctx, body_pages[i], std::to_string(i + 1),
                  body_opening[i] ? "" : d.running_header);
    out.pages.push_back(std::move(body_pages[i]));
  }
  if (!d.draft_mark.empty())
    for (frame::Page& page : out.pages) add_draft_mark(ctx, page, d.draft_mark);
  out.page_labels.push_back({0, frame::PageLabelRange::Style::none, 1, "Sampul"});
  if (!is_opening.empty())
    out.page_labels.push_back({1, frame::PageLabelRange::Style::roman_lower, 1, ""});
  out.page_labels.push_back({1 + is_opening.size(), frame::PageLabelRange::Style::decimal, 1, ""});
  out.info = d.info;
  return out;
}

}  // namespace lkjip::layout
