#include "pdf/pdf_writer.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "io/world.h"
#include "pdf/writer.h"

namespace lkjip::pdf {

using namespace PoDoFo;
using namespace detail;

namespace {

/// How much of an unparsable file is searched for a signature's /ByteRange: its first and its
/// last part. Signing appends the signature dictionary in an incremental update at the end, a
/// one-pass signer writes it anywhere in the file; either way an unparsable file is judged from
/// at most twice this many bytes.
constexpr size_t kScanWindow = 4u << 20;
/// The end of a file that must hold "startxref" before PoDoFo may parse it (the standard puts
/// %%EOF in the last 1,024 bytes; writers that append a little more still fit).
constexpr size_t kTailBytes = 4096;
/// Fields visited in the AcroForm tree (a cycle or a hostile tree stops there).
constexpr size_t kMaxFieldNodes = 100000;
/// Objects the parser accepts: its xref table holds ~24 bytes per entry (PoDoFo's default of
/// 8,388,607 alone is 200 MB for a hostile /Size). lkjip's own PDFs hold a few thousand.
constexpr long kMaxObjects = 1000000;

bool is_signature_dictionary(const PdfObject& obj) {
  if (!obj.IsDictionary()) return false;
  const PdfDictionary& d = obj.GetDictionary();
  const PdfObject* range = d.GetKey("ByteRange");
  const PdfObject* contents = d.GetKey("Contents");
  return range && range->IsArray() && range->GetArray().size() >= 4 && contents &&
         (contents->IsString() || contents->IsHexString());
}

const PdfObject* resolve(const PdfVecObjects& objects, const PdfObject* obj) {
  for (int hops = 0; obj && obj->IsReference() && hops < 8; ++hops)
    obj = objects.GetObject(obj->GetReference());
  return obj && obj->IsReference() ? nullptr : obj;
}

/// Whether a field of the AcroForm tree below `fields` has a signature as its value (/V).
bool any_signed_field(const PdfVecObjects& objects, const PdfObject* fields) {
  std::vector<const PdfObject*> todo{fields};
  size_t visited = 0;
  while (!todo.empty() && visited++ < kMaxFieldNodes) {
    const PdfObject* node = resolve(objects, todo.back());
    todo.pop_back();
    if (node == nullptr) continue;
    if (node->IsArray()) {
      for (const PdfObject& kid : node->GetArray()) todo.push_back(&kid);
      continue;
    }
    if (!node->IsDictionary()) continue;
    const PdfDictionary& d = node->GetDictionary();
    if (const PdfObject* v = resolve(objects, d.GetKey("V")); v && is_signature_dictionary(*v))
      return true;
    if (const PdfObject* kids = d.GetKey("Kids")) todo.push_back(kids);
  }
  return false;
}

/// The signed-field verdict from the document structure: the trailer, the cross-reference
/// sections and the few objects of the catalog's AcroForm tree, read on demand from the file
/// (no page, stream or image is loaded). Empty when PoDoFo cannot parse the file.
std::optional<bool> signed_by_structure(const std::string& path) {
  quiet_podofo();
  try {
    PdfVecObjects objects;
    PdfParser parser(&objects);
    {
      static std::once_flag once;
      std::call_once(once, [] {
        PdfParser::SetMaxObjectCount(std::min(PdfParser::GetMaxObjectCount(), kMaxObjects));
      });
      std::lock_guard lock(podofo_clock_mutex());
      parser.ParseFile(path.c_str(), /*bLoadOnDemand=*/true);
    }
    const PdfObject* trailer = parser.GetTrailer();
    if (trailer == nullptr || !trailer->IsDictionary()) return std::nullopt;
    const PdfObject* root = resolve(objects, trailer->GetDictionary().GetKey("Root"));
    if (root == nullptr || !root->IsDictionary()) return std::nullopt;
    const PdfObject* form = resolve(objects, root->GetDictionary().GetKey("AcroForm"));
    if (form == nullptr || !form->IsDictionary()) return false;
    const PdfObject* fields = form->GetDictionary().GetKey("Fields");
    return fields != nullptr && any_signed_field(objects, fields);
  } catch (const PdfError&) {
    return std::nullopt;
  }
}

/// Whether the first or last kScanWindow bytes of the file hold "/ByteRange".
bool byte_range_near_ends(const std::string& path, uint64_t size) {
  static const std::string key = "/ByteRange";
  io::FileProblem problem;
  auto head = io::disk().read_range(path, 0, kScanWindow, problem);
  if (head && head->find(key) != std::string::npos) return true;
  if (size <= kScanWindow) return false;
  const uint64_t from = std::max<uint64_t>(kScanWindow - key.size(), size - kScanWindow);
  auto tail = io::disk().read_range(path, from, kScanWindow, problem);
  return tail && tail->find(key) != std::string::npos;
}

}  // namespace

bool file_carries_signature(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;  // a folder reads as a stream
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return false;
  // PoDoFo looks for startxref backwards from the end byte by byte: behind 2 GiB of padding that
  // took 21 minutes. A PDF ends in it (within its last 1,024 bytes), else it is unparsable here.
  io::FileProblem problem;
  const uint64_t from = size > kTailBytes ? size - kTailBytes : 0;
  const auto tail = io::disk().read_range(path, from, kTailBytes, problem);
  if (tail && tail->find("startxref") != std::string::npos)
    if (const auto verdict = signed_by_structure(path)) return *verdict;
  // Unparsable, but holding a /ByteRange near either end: refuse rather than destroy a signature.
  return byte_range_near_ends(path, size);
}

}  // namespace lkjip::pdf
