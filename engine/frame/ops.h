// Small geometric operations on frames, shared by every layout piece.
#pragma once

#include "frame/frame.h"

namespace lkjip::frame {

/// Moves an item by `d`.
void translate(Item& item, Point d);

/// Copies every item of `src` into `dst`, moved by `offset` (flattening, no Group).
void append(Frame& dst, const Frame& src, Point offset);

}  // namespace lkjip::frame
