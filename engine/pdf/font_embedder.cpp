#include "pdf/font_embedder.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <openssl/evp.h>

#include <array>
#include <cstdio>

#include "pdf/flate.h"
#include "pdf/pdf_format.h"
#include "pdf/pdf_objects.h"

namespace lkjip::pdf {

using namespace PoDoFo;

namespace {

template <typename T, void (*Destroy)(T*)>
struct HbDeleter {
  void operator()(T* p) const { Destroy(p); }
};
using BlobPtr = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;
using FacePtr = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using FontPtr = std::unique_ptr<hb_font_t, HbDeleter<hb_font_t, hb_font_destroy>>;
using SubsetInputPtr =
    std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;

int read_i16(const char* p) {
  return static_cast<int16_t>((static_cast<unsigned char>(p[0]) << 8) |
                              static_cast<unsigned char>(p[1]));
}

/// A PostScript name safe as a PDF name: printable ASCII without delimiters.
std::string clean_ps_name(std::string s) {
  std::string out;
  for (char c : s) {
    if (c > ' ' && c < 127 && std::string_view("()<>[]{}/%#").find(c) == std::string_view::npos)
      out += c;
  }
  return out.empty() ? "Font" : out;
}

void append_hex4(std::string& out, unsigned v) {
  static constexpr char digits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

}  // namespace

struct FontEmbedder::Font {
  const FontFile* file = nullptr;
  std::string resource;  // "F1"
  PdfObject* type0 = nullptr;
  BlobPtr blob;
  FacePtr face;
  FontPtr hb;
  unsigned upem = 1000;
  unsigned glyph_count = 0;
  struct Used {
    double width = 0;  // 1/1000 em, rounded to 3 decimals
    std::string text;  // first non-empty cluster text
  };
  std::vector<Used> used;     // in order of first use
  std::vector<int32_t> slot;  // by glyph id: index into `used`, -1 while unused

  /// The used glyph ids in ascending order, which keeps /W, ToUnicode and the tag stable.
  std::vector<uint32_t> used_gids() const {
    std::vector<uint32_t> gids;
    gids.reserve(used.size());
    for (uint32_t g = 0; g < glyph_count; ++g) {
      if (slot[g] >= 0) gids.push_back(g);
    }
    return gids;
  }
  const Used& at(uint32_t gid) const { return used[static_cast<size_t>(slot[gid])]; }
};

FontEmbedder::FontEmbedder(PdfMemDocument& doc) : doc_(doc) {}
FontEmbedder::~FontEmbedder() = default;

const std::string& FontEmbedder::resource_name(const Font& font) { return font.resource; }
PdfReference FontEmbedder::reference(const Font& font) { return font.type0->Reference(); }

FontEmbedder::Font* FontEmbedder::get(const FontFile& file, DiagnosticSink& sink) {
  if (auto it = by_file_.find(&file); it != by_file_.end()) return it->second;
  if (failed_.count(&file)) return nullptr;
  auto f = std::make_unique<Font>();
  f->file = &file;
  f->blob.reset(hb_blob_create(reinterpret_cast<const char*>(file.bytes.data()),
                               static_cast<unsigned>(file.bytes.size()), HB_MEMORY_MODE_READONLY,
                               nullptr, nullptr));
  f->face.reset(hb_face_create(f->blob.get(), file.face_index));
  f->glyph_count = hb_face_get_glyph_count(f->face.get());
  f->upem = hb_face_get_upem(f->face.get());
  if (f->glyph_count == 0 || f->upem == 0) {
    sink.error({file.path, 0, 0}, "font file has no glyphs or is not a TrueType/OpenType font",
               {"PDF embedding needs the font's glyf table; check fonts/fonts.toml"});
    failed_.insert(&file);
    return nullptr;
  }
  f->slot.assign(f->glyph_count, -1);
  f->hb.reset(hb_font_create(f->face.get()));
  hb_font_set_scale(f->hb.get(), static_cast<int>(f->upem), static_cast<int>(f->upem));
  char resource[24];  // formatted, not "F" + std::to_string: GCC 12 -Wrestrict false positive
  std::snprintf(resource, sizeof resource, "F%zu", fonts_.size() + 1);
  f->resource = resource;
  f->type0 = doc_.GetObjects().CreateObject("Font");
  Font* raw = f.get();
  fonts_.push_back(std::move(f));
  by_file_.emplace(&file, raw);
  return raw;
}

std::optional<double> FontEmbedder::use(Font& font, uint32_t gid, std::string_view text) {
  if (gid >= font.glyph_count) return std::nullopt;
  int32_t& slot = font.slot[gid];
  if (slot < 0) {
    slot = static_cast<int32_t>(font.used.size());
    const auto adv = hb_font_get_glyph_h_advance(font.hb.get(), gid);
    font.used.push_back({round3(adv * 1000.0 / font.upem), {}});
  }
  Font::Used& u = font.used[static_cast<size_t>(slot)];
  if (u.text.empty() && !text.empty()) u.text = text;
  return u.width;
}

namespace {

/// Six capital letters from an MD5 of the font name and the used glyph ids, so the same glyph
/// set always gets the same tag and different subsets practically never collide.
std::string subset_tag(const std::string& ps_name, const std::vector<uint32_t>& gids) {
  std::string data = ps_name;
  for (uint32_t g : gids) {
    for (int k = 0; k < 4; ++k) data += static_cast<char>((g >> (8 * k)) & 0xFF);
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned len = 0;
  EVP_Digest(data.data(), data.size(), md.data(), &len, EVP_md5(), nullptr);
  std::string tag;
  for (int i = 0; i < 6; ++i) tag += static_cast<char>('A' + md[static_cast<size_t>(i)] % 26);
  return tag;
}

std::string build_cmap(const std::vector<std::pair<uint32_t, std::u16string>>& entries) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // At most 100 entries per bfchar block (PostScript operand limit in the CMap spec).
  for (size_t start = 0; start < entries.size(); start += 100) {
    const size_t end = std::min(entries.size(), start + 100);
    s += std::to_string(end - start) + " beginbfchar\n";
    for (size_t i = start; i < end; ++i) {
      s += '<';
      append_hex4(s, entries[i].first);
      s += "> <";
      for (char16_t u : entries[i].second) append_hex4(s, u);
      s += ">\n";
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

}  // namespace

bool FontEmbedder::finish(DiagnosticSink& sink) {
  bool ok = true;
  for (auto& fp : fonts_) {
    Font& f = *fp;
    const std::vector<uint32_t> gids = f.used_gids();

    // Subset keeping glyph ids (so CIDToGIDMap stays /Identity); layout tables are useless in
    // a PDF, whose glyphs are already positioned.
    SubsetInputPtr input(hb_subset_input_create_or_fail());
    if (!input) {
      sink.error({f.file->path, 0, 0}, "out of memory while subsetting the font");
      ok = false;
      continue;
    }
    hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
    for (uint32_t g : gids) hb_set_add(glyphs, g);
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS);
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t t :
         {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
          HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('k', 'e', 'r', 'n')})
      hb_set_add(drop, t);
    FacePtr sub(hb_subset_or_fail(f.face.get(), input.get()));
    if (!sub) {
      sink.error({f.file->path, 0, 0}, "HarfBuzz could not subset this font for embedding",
                 {"the font may be damaged or lack a glyf table (CFF fonts are not supported)"});
      ok = false;
      continue;
    }
    BlobPtr program(hb_face_reference_blob(sub.get()));
    unsigned program_len = 0;
    const char* program_data = hb_blob_get_data(program.get(), &program_len);

    char name_buf[128] = {};
    unsigned name_len = sizeof name_buf;
    hb_ot_name_get_utf8(f.face.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &name_len,
                        name_buf);
    const std::string ps_name = clean_ps_name(name_buf);
    const PdfName base_font(subset_tag(ps_name, gids) + "+" + ps_name);
    const double scale = 1000.0 / f.upem;

    PdfObject* file2 = doc_.GetObjects().CreateObject();
    file2->GetDictionary().AddKey("Length1", int_obj(program_len));
    set_flate_stream(*file2, std::string_view(program_data, program_len));

    // Metrics from the font's own tables, in 1/1000 em as the descriptor wants them.
    PdfArray bbox;
    {
      BlobPtr head(hb_face_reference_table(f.face.get(), HB_TAG('h', 'e', 'a', 'd')));
      unsigned len = 0;
      const char* p = hb_blob_get_data(head.get(), &len);
      for (unsigned off : {36u, 38u, 40u, 42u})
        bbox.push_back(real_obj(len >= 44 ? read_i16(p + off) * scale : 0));
    }
    hb_position_t ascent = 0, descent = 0, cap = 0;
    hb_ot_metrics_get_position_with_fallback(f.hb.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER,
                                             &ascent);
    hb_ot_metrics_get_position_with_fallback(f.hb.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER,
                                             &descent);
    hb_ot_metrics_get_position_with_fallback(f.hb.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
    const float weight = hb_style_get_value(f.hb.get(), HB_STYLE_TAG_WEIGHT);
    const float italic_angle = hb_style_get_value(f.hb.get(), HB_STYLE_TAG_SLANT_ANGLE);
    // No font table stores StemV; this is the usual estimate from the OS/2 weight class.
    const double w = (weight - 50.0) / 900.0;
    const double stem_v = 10.0 + 220.0 * w * w;
    int64_t flags = 32;  // nonsymbolic: Latin text
    if (italic_angle != 0) flags |= 64;

    PdfObject* descriptor = doc_.GetObjects().CreateObject("FontDescriptor");
    PdfDictionary& dd = descriptor->GetDictionary();
    dd.AddKey("FontName", base_font);
    dd.AddKey("Flags", int_obj(flags));
    dd.AddKey("FontBBox", bbox);
    dd.AddKey("ItalicAngle", real_obj(italic_angle));
    dd.AddKey("Ascent", real_obj(ascent * scale));
    dd.AddKey("Descent", real_obj(descent * scale));
    dd.AddKey("CapHeight", real_obj(cap * scale));
    dd.AddKey("StemV", real_obj(stem_v));
    dd.AddKey("FontFile2", file2->Reference());

    // /W as runs of consecutive glyph ids: [first [w w w] first [w] …].
    PdfArray widths;
    for (size_t i = 0; i < gids.size();) {
      const uint32_t first = gids[i];
      PdfArray run;
      for (; i < gids.size() && gids[i] == first + run.size(); ++i)
        run.push_back(real_obj(f.at(gids[i]).width));
      widths.push_back(int_obj(first));
      widths.push_back(run);
    }

    PdfObject* cid = doc_.GetObjects().CreateObject("Font");
    PdfDictionary& cd = cid->GetDictionary();
    cd.AddKey("Subtype", PdfName("CIDFontType2"));
    cd.AddKey("BaseFont", base_font);
    PdfDictionary info;
    info.AddKey("Registry", PdfString("Adobe"));
    info.AddKey("Ordering", PdfString("Identity"));
    info.AddKey("Supplement", int_obj(0));
    cd.AddKey("CIDSystemInfo", info);
    cd.AddKey("FontDescriptor", descriptor->Reference());
    cd.AddKey("CIDToGIDMap", PdfName("Identity"));
    cd.AddKey("W", widths);

    std::vector<std::pair<uint32_t, std::u16string>> mappings;
    for (uint32_t gid : gids) {
      if (const std::string& text = f.at(gid).text; !text.empty())
        mappings.emplace_back(gid, utf8_to_utf16(text));
    }
    const std::string cmap = build_cmap(mappings);
    PdfObject* to_unicode = doc_.GetObjects().CreateObject();
    set_flate_stream(*to_unicode, cmap);

    PdfDictionary& td = f.type0->GetDictionary();
    td.AddKey("Subtype", PdfName("Type0"));
    td.AddKey("BaseFont", base_font);
    td.AddKey("Encoding", PdfName("Identity-H"));
    PdfArray descendants;
    descendants.push_back(cid->Reference());
    td.AddKey("DescendantFonts", descendants);
    td.AddKey("ToUnicode", to_unicode->Reference());
  }
  return ok;
}

}  // namespace lkjip::pdf
