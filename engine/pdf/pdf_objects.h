// PoDoFo value objects built the way this writer wants them written.
#pragma once

#include <podofo/podofo.h>

#include <cstdint>

namespace lkjip::pdf {

PoDoFo::PdfObject int_obj(int64_t v);

/// A real number formatted by append_num (`decimals` places, zeros trimmed) and stored as raw
/// PDF data: PoDoFo 0.9.8 writes every PdfVariant(double) through a fresh std::ostringstream,
/// about 10 k instructions apiece. Starts with the space PoDoFo's compact mode puts before
/// numbers, so the bytes are what a PdfVariant(double) would write.
PoDoFo::PdfObject real_obj(double v, int decimals = 3);

}  // namespace lkjip::pdf
