// A vertical list of unbreakable pieces (lines, list markers, whole blocks) with break
// permissions between them: the flow behind paragraphs, lists, headings, signatures and the
// table of contents.
#pragma once

#include <vector>

#include "layout/flow.h"

namespace lkjip::layout {

/// One unbreakable piece; its frame's height is the vertical space it takes.
struct Piece {
  frame::Frame frame;
  bool break_before = true;  // a page may break between the previous piece and this one
};

class VListFlow : public BlockFlow {
 public:
  VListFlow(Pt width, std::vector<Piece> pieces);
  std::optional<Fragment> next(Pt avail, bool at_page_top) override;
  bool done() const override { return cursor_ >= pieces_.size(); }
  Pt min_first_height() const override;
  /// Height of everything not yet handed out.
  Pt remaining_height() const;

 private:
  Pt width_;
  std::vector<Piece> pieces_;
  size_t cursor_ = 0;
};

/// Marks widow and orphan breaks of `count` consecutive line pieces starting at `first` as
/// forbidden: never one line of a paragraph alone at the bottom or top of a page.
void protect_widows_orphans(std::vector<Piece>& pieces, size_t first, size_t count);

}  // namespace lkjip::layout
