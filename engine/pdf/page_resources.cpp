// The writer's page resources: fonts through the FontEmbedder, images validated and embedded
// as XObjects on first use; each named in the /Resources of the page being built.
#include "pdf/writer.h"

#include <algorithm>
#include <iterator>

namespace lkjip::pdf::detail {

using namespace PoDoFo;

std::string image_problem(const frame::ImageData& img) {
  const auto& b = img.bytes;
  if (img.kind == frame::ImageData::Kind::png) {
    static constexpr unsigned char sig[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (b.size() < 33 || !std::equal(std::begin(sig), std::end(sig), b.begin()))
      return "not a PNG file (bad signature)";
    return {};
  }
  if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8) return "not a JPEG file (no SOI marker)";
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (b[i] != 0xFF) return "damaged JPEG (marker expected)";
    const unsigned marker = b[i + 1];
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    const size_t len = (size_t{b[i + 2]} << 8) | b[i + 3];
    const bool sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (i + 10 > b.size()) return "damaged JPEG (truncated frame header)";
      const unsigned h = (unsigned{b[i + 5]} << 8) | b[i + 6];
      const unsigned w = (unsigned{b[i + 7]} << 8) | b[i + 8];
      const unsigned comps = b[i + 9];
      if (w == 0 || h == 0) return "JPEG with zero width or height";
      if (comps != 1 && comps != 3 && comps != 4)
        return "JPEG with " + std::to_string(comps) + " colour components";
      return {};
    }
    if (marker == 0xDA || len < 2) break;  // scan data before any frame header
    i += 2 + len;
  }
  return "damaged JPEG (no frame header)";
}

void Writer::add_resource(PageState& ps, const std::string& name, const PdfReference& ref,
                          const char* kind) {
  if (ps.resources.insert(name).second) ps.page->AddResource(PdfName(name), ref, PdfName(kind));
}

const std::string* Writer::font(const FontFile& file) {
  current_font_ = fonts_->get(file, sink_);
  if (!current_font_) return nullptr;
  const std::string& name = FontEmbedder::resource_name(*current_font_);
  add_resource(*page_, name, FontEmbedder::reference(*current_font_), "Font");
  return &name;
}

std::optional<double> Writer::glyph(uint32_t gid, std::string_view cluster) {
  return fonts_->use(*current_font_, gid, cluster);
}

const std::string* Writer::image(const frame::ImageData& data) {
  auto [it, inserted] = images_.try_emplace(&data);
  ImageEntry& entry = it->second;
  const SourceLoc loc = data.loc.file.empty() ? SourceLoc{data.source_path, 0, 0} : data.loc;
  if (inserted) {
    std::string problem = image_problem(data);
    if (problem.empty()) problem = decode_problem(data);
    if (!problem.empty()) {
      sink_.error(loc, "cannot use image '" + data.source_path + "': " + problem,
                  {"re-export the image as PNG or baseline JPEG"});
      return nullptr;
    }
    try {
      PdfImage image(pdf_.get());
      const auto* bytes = data.bytes.data();
      const auto len = static_cast<pdf_long>(data.bytes.size());
      if (data.kind == frame::ImageData::Kind::jpeg)
        image.LoadFromJpegData(bytes, len);  // passed through as /DCTDecode
      else
        image.LoadFromPngData(bytes, len);  // decoded, Flate, alpha as /SMask
      entry.ref = image.GetObject()->Reference();
      entry.name = "Im" + std::to_string(++image_count_);
    } catch (const PdfError& e) {
      sink_.error(loc, "cannot embed image '" + data.source_path + "' in the PDF",
                  {"re-export the image as PNG or baseline JPEG"});
      return nullptr;
    }
  }
  if (entry.name.empty()) return nullptr;  // already reported
  add_resource(*page_, entry.name, entry.ref, "XObject");
  return &entry.name;
}

}  // namespace lkjip::pdf::detail
