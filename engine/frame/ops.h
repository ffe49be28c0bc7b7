// Small geometric operations on frames, shared by every layout piece.
#pragma once

#include "frame/frame.h"

namespace lkjip::frame {

/// Moves an item by `d`.
void translate(Item& item, Point d);

/// Moves every item of `src` into `dst`, shifted by `offset` (flattening, no Group).
void append(Frame& dst, Frame&& src, Point offset);
/// The same, copying the items of `src`.
void append(Frame& dst, const Frame& src, Point offset);

}  // namespace lkjip::frame
