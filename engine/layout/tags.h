// The structure elements layout records while it builds the blocks, and the Marks that tie the
// frame items it places to them (see frame::Structure). pdf/ writes the tree from these alone.
#pragma once

#include <cstdint>

#include "frame/frame.h"

namespace lkjip::layout {

/// Builds one document's structure tree. Elements are created in reading order; a block's
/// top element goes into the current section. Front matter is laid out again until its page
/// numbers settle: `truncate` drops what an earlier pass created.
class Tagger {
 public:
  explicit Tagger(frame::Structure& s);
  /// A new element under `parent` (kSection: the current section, else the Document).
  uint32_t add(frame::Role role, uint32_t parent);
  frame::StructElem& at(uint32_t elem) { return s_.elems.at(elem); }
  void set_section(uint32_t elem) { section_ = elem; }
  uint32_t section() const { return section_; }
  size_t size() const { return s_.elems.size(); }
  void truncate(size_t n);

  static constexpr uint32_t kSection = UINT32_MAX;

 private:
  frame::Structure& s_;
  uint32_t section_ = 0;
};

struct Context;

/// ctx.tags->add(role, parent), or 0 when the context does not tag (unit tests of one block).
uint32_t tag(const Context& ctx, frame::Role role, uint32_t parent = Tagger::kSection);
/// Marks what is added to `f` next as the content of `elem` (nothing when not tagging).
void mark(const Context& ctx, frame::Frame& f, uint32_t elem);
/// Marks what is added to `f` next as an artifact of `kind` (nothing when not tagging).
void mark_artifact(const Context& ctx, frame::Frame& f,
                   frame::Mark::Kind kind = frame::Mark::Kind::layout);

}  // namespace lkjip::layout
