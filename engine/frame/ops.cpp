#include "frame/ops.h"

#include <algorithm>
#include <iterator>
#include <type_traits>

namespace lkjip::frame {

const char* structure_type(Role role) {
  static constexpr const char* names[] = {
      "Document", "Sect", "H1",    "H2",    "H3", "H4", "P",  "L",       "LI",     "Lbl", "LBody",
      "Table",    "THead", "TBody", "TR",   "TH", "TD", "Caption", "Figure", "TOC", "TOCI"};
  static_assert(std::size(names) == static_cast<size_t>(Role::toci) + 1);
  return names[static_cast<size_t>(role)];
}

void translate(Item& item, Point d) {
  std::visit(
      [&](auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, GlyphRun>) {
          it.origin = it.origin + d;
        } else if constexpr (std::is_same_v<T, Line>) {
          it.from = it.from + d;
          it.to = it.to + d;
        } else if constexpr (std::is_same_v<T, Path>) {
          for (auto& p : it.points) p = p + d;
        } else if constexpr (std::is_same_v<T, Anchor>) {
          it.pos = it.pos + d;
        } else if constexpr (std::is_same_v<T, Group>) {
          it.offset = it.offset + d;
        } else if constexpr (std::is_same_v<T, Mark>) {
          // no position
        } else {  // Box, Image, Link, SignatureField
          it.rect.x += d.x;
          it.rect.y += d.y;
        }
      },
      item);
}

void append(Frame& dst, Frame&& src, Point offset) {
  // Geometric growth: reserving the exact size on every append made filling a page quadratic.
  const size_t needed = dst.items.size() + src.items.size();
  if (needed > dst.items.capacity()) dst.items.reserve(std::max(needed, 2 * dst.items.capacity()));
  for (auto& item : src.items) {
    translate(item, offset);
    dst.items.push_back(std::move(item));
  }
  src.items.clear();
}

void append(Frame& dst, const Frame& src, Point offset) {
  Frame copy = src;
  append(dst, std::move(copy), offset);
}

}  // namespace lkjip::frame
