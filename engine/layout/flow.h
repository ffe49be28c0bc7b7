// Page flow: blocks hand out fragments page by page; the paginator stacks them.
#pragma once

#include <memory>
#include <optional>

#include "frame/frame.h"

namespace lkjip::layout {

/// A piece of a block placed on one page: its frame's width is the block's width and its
/// height the vertical space it uses (positions inside are relative to its top-left).
struct Fragment {
  frame::Frame frame;
};

/// A block being laid out. The paginator calls next() until done(). Blocks are built for a
/// fixed width (the text width, or the text height for landscape blocks).
class BlockFlow {
 public:
  virtual ~BlockFlow() = default;
  /// The next fragment that fits in `avail` height. Returns nullopt when nothing useful fits
  /// (the paginator then starts a new page and asks again with `at_page_top` true). With
  /// `at_page_top` the block must make progress: if even its smallest piece is taller than a
  /// whole page it returns that piece anyway (clipped overflow is reported as a warning).
  virtual std::optional<Fragment> next(Pt avail, bool at_page_top) = 0;
  virtual bool done() const = 0;
  /// Height of the smallest first fragment this block can start with, so a heading or caption
  /// kept with it is never left alone at a page bottom.
  virtual Pt min_first_height() const = 0;
  /// Vertical space before/after the block (dropped at the top of a page).
  Pt space_before, space_after;
  /// Never separate this block from the start of the next one (headings, captions).
  bool keep_with_next = false;
  /// Laid out on landscape pages of its own (wide tables); its width is then the text height.
  bool landscape = false;
};

using FlowPtr = std::unique_ptr<BlockFlow>;

}  // namespace lkjip::layout
