#include "frame/ops.h"

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

void append(Frame& dst, const Frame& src, Point offset) {
  dst.items.reserve(dst.items.size() + src.items.size());
  for (const auto& item : src.items) {
    Item moved = item;
    translate(moved, offset);
    dst.items.push_back(std::move(moved));
  }
}

}  // namespace lkjip::frame
