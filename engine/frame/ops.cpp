#include "frame/ops.h"

#include <algorithm>
#include <type_traits>

namespace lkjip::frame {

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
