#include "layout/tags.h"

#include <algorithm>

#include "layout/context.h"

namespace lkjip::layout {

Tagger::Tagger(frame::Structure& s) : s_(s) {
  s_.elems.clear();
  s_.elems.push_back({frame::Role::document, 0, {}, {}, 1, 1, false});
}

uint32_t Tagger::add(frame::Role role, uint32_t parent) {
  if (parent == kSection) parent = section_;
  const auto id = static_cast<uint32_t>(s_.elems.size());
  s_.elems.at(parent).kids.push_back(id);
  frame::StructElem e;
  e.role = role;
  e.parent = parent;
  s_.elems.push_back(std::move(e));
  return id;
}

void Tagger::truncate(size_t n) {
  if (n >= s_.elems.size()) return;
  s_.elems.resize(n);
  for (auto& e : s_.elems) std::erase_if(e.kids, [n](uint32_t k) { return k >= n; });
  if (section_ >= n) section_ = 0;
}

uint32_t tag(const Context& ctx, frame::Role role, uint32_t parent) {
  return ctx.tags ? ctx.tags->add(role, parent) : 0;
}

void mark(const Context& ctx, frame::Frame& f, uint32_t elem) {
  if (ctx.tags) f.items.emplace_back(frame::Mark{frame::Mark::Kind::content, elem});
}

void mark_artifact(const Context& ctx, frame::Frame& f, frame::Mark::Kind kind) {
  if (ctx.tags) f.items.emplace_back(frame::Mark{kind, 0});
}

}  // namespace lkjip::layout
