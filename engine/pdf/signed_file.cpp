#include "pdf/pdf_writer.h"

#include <podofo/podofo.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>

#include "pdf/writer.h"

namespace lkjip::pdf {

using namespace PoDoFo;
using namespace detail;

namespace {

bool is_signature_dictionary(const PdfObject& obj) {
  if (!obj.IsDictionary()) return false;
  const PdfDictionary& d = obj.GetDictionary();
  const PdfObject* range = d.GetKey("ByteRange");
  const PdfObject* contents = d.GetKey("Contents");
  return range && range->IsArray() && range->GetArray().size() >= 4 && contents &&
         (contents->IsString() || contents->IsHexString());
}

}  // namespace

bool file_carries_signature(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;  // a folder reads as a stream
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return false;
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  // A signature's byte ranges leave out its /Contents string in the file itself, so the
  // signature dictionary is never inside a compressed object stream: without these bytes
  // nothing is signed, and the full parse (a tenth of a render when overwriting) is skipped.
  if (bytes.find("/ByteRange") == std::string::npos) return false;
  quiet_podofo();
  try {
    std::unique_ptr<PdfMemDocument> doc;
    {
      std::lock_guard lock(podofo_clock_mutex());  // loading may date a missing Info
      doc = std::make_unique<PdfMemDocument>(path.c_str());
    }
    for (const PdfObject* obj : doc->GetObjects()) {
      if (is_signature_dictionary(*obj)) return true;
      // Signature values written as direct dictionaries inside a field's /V.
      if (obj->IsDictionary()) {
        const PdfObject* v = obj->GetDictionary().GetKey("V");
        if (v && is_signature_dictionary(*v)) return true;
      }
    }
    return false;
  } catch (const PdfError&) {
    return true;  // unparsable, but it holds a /ByteRange: refuse rather than destroy a signature
  }
}

}  // namespace lkjip::pdf
