#include "layout/vlist.h"

#include "frame/ops.h"

namespace lkjip::layout {

VListFlow::VListFlow(Pt width, std::vector<Piece> pieces)
    : width_(width), pieces_(std::move(pieces)) {}

Pt VListFlow::min_first_height() const {
  Pt h;
  for (size_t i = cursor_; i < pieces_.size(); ++i) {
    if (i > cursor_ && pieces_[i].break_before) break;
    h += pieces_[i].frame.size.height;
  }
  return h;
}

Pt VListFlow::remaining_height() const {
  Pt h;
  for (size_t i = cursor_; i < pieces_.size(); ++i) h += pieces_[i].frame.size.height;
  return h;
}

std::optional<Fragment> VListFlow::next(Pt avail, bool at_page_top) {
  // Take pieces while they fit; remember the last index where a break is allowed.
  Pt used;
  size_t end = cursor_;           // exclusive end of what fits
  size_t last_allowed = cursor_;  // exclusive end at an allowed break
  for (size_t i = cursor_; i < pieces_.size(); ++i) {
    const Pt h = pieces_[i].frame.size.height;
    if (used + h > avail + Pt(0.01)) break;
    used += h;
    end = i + 1;
    if (end == pieces_.size() || pieces_[end].break_before) last_allowed = end;
  }
  size_t stop = last_allowed;
  if (stop == cursor_) {
    if (!at_page_top) return std::nullopt;
    // Forced progress: break at a forbidden point, or overflow with a single piece.
    stop = end > cursor_ ? end : cursor_ + 1;
  }
  Fragment f;
  f.frame.size.width = width_;
  Pt y;
  for (size_t i = cursor_; i < stop; ++i) {  // pieces are handed out once: moved, not copied
    const Pt height = pieces_[i].frame.size.height;
    frame::append(f.frame, std::move(pieces_[i].frame), {Pt(0), y});
    y += height;
  }
  f.frame.size.height = y;
  cursor_ = stop;
  return f;
}

void protect_widows_orphans(std::vector<Piece>& pieces, size_t first, size_t count) {
  if (count < 2) return;
  pieces.at(first + 1).break_before = false;          // no orphan: line 1 alone at a bottom
  pieces.at(first + count - 1).break_before = false;  // no widow: last line alone at a top
}

}  // namespace lkjip::layout
