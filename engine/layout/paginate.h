// Pagination of a whole document: cover, front matter numbered i, ii, …, body chapters
// numbered from 1, running header and page-number footer, outline, page labels, and the
// bounded fixpoint that writes exact page labels into the table of contents and lists.
#pragma once

#include "doc/doc.h"
#include "layout/context.h"

namespace lkjip::layout {

struct LayoutStats {
  int front_passes = 0;  // layout passes of the front matter until its labels settled
  bool settled = true;
};

/// Lays out the document. Body chapters are laid out once (their labels cannot depend on the
/// front matter, which is numbered separately); the front matter is repeated until the labels
/// it shows stop changing, at most 4 passes, with a warning if they never settle.
frame::PagedDocument layout_document(const Context& ctx, const doc::Document& d,
                                     LayoutStats* stats = nullptr);

}  // namespace lkjip::layout
