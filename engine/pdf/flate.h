// Flate compression of stream data, done here instead of by PoDoFo so the compressor is ours.
#pragma once

#include <string_view>

namespace PoDoFo {
class PdfObject;
}

namespace lkjip::pdf {

/// Compresses `data` (zlib format, deterministic) and stores it as `obj`'s stream with
/// /Filter /FlateDecode. PoDoFo's own Set() deflates with zlib at its default level 6, which on
/// megaluh-2024 cost a quarter of the PDF writer.
void set_flate_stream(PoDoFo::PdfObject& obj, std::string_view data);

}  // namespace lkjip::pdf
