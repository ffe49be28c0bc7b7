#include "doc/figures.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "io/world.h"

namespace lkjip::doc {

namespace {

using Bytes = std::vector<unsigned char>;

uint32_t be32(const Bytes& b, size_t at) {
  return uint32_t(b[at]) << 24 | uint32_t(b[at + 1]) << 16 | uint32_t(b[at + 2]) << 8 | b[at + 3];
}
uint32_t be16(const Bytes& b, size_t at) { return uint32_t(b[at]) << 8 | b[at + 1]; }

uint32_t crc32(const Bytes& b, size_t from, size_t to) {
  static const std::array<uint32_t, 256> kTable = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = from; i < to; ++i) c = kTable[(c ^ b[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

constexpr unsigned char kPngMagic[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

/// Walks every chunk from IHDR to IEND; returns an error text, empty when sound.
std::string check_png(const Bytes& b, frame::ImageData& img) {
  size_t at = 8;
  bool first = true, idat = false;
  while (true) {
    if (at + 12 > b.size()) return "the PNG file is truncated (no IEND chunk)";
    uint32_t len = be32(b, at);
    std::string type(b.begin() + at + 4, b.begin() + at + 8);
    if (!std::all_of(type.begin(), type.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }))
      return "the PNG file is corrupt (a chunk without a valid type at byte " +
             std::to_string(at) + ")";
    if (len > b.size() - at - 12) return "the PNG file is truncated inside chunk " + type;
    size_t data = at + 8;
    if (crc32(b, at + 4, data + len) != be32(b, data + len))
      return "the PNG file is corrupt (bad checksum in chunk " + type + ")";
    if (first) {
      if (type != "IHDR" || len != 13) return "the PNG file does not start with an IHDR chunk";
      img.width_px = static_cast<int>(std::min<uint32_t>(be32(b, data), INT32_MAX));
      img.height_px = static_cast<int>(std::min<uint32_t>(be32(b, data + 4), INT32_MAX));
      first = false;
    }
    idat = idat || type == "IDAT";
    at = data + len + 4;
    if (type == "IEND") return idat ? "" : "the PNG file has no image data (IDAT)";
  }
}

/// Reads markers up to the frame header and makes sure the entropy-coded data ends with EOI.
std::string check_jpeg(const Bytes& b, frame::ImageData& img) {
  size_t at = 2;
  bool have_frame = false;
  while (true) {
    while (at < b.size() && b[at] == 0xFF && at + 1 < b.size() && b[at + 1] == 0xFF) ++at;
    if (at + 4 > b.size()) return "the JPEG file is truncated";
    if (b[at] != 0xFF) return "the JPEG file is corrupt (marker expected)";
    unsigned m = b[at + 1];
    if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {  // standalone markers
      at += 2;
      continue;
    }
    size_t len = be16(b, at + 2);
    if (len < 2 || at + 2 + len > b.size()) return "the JPEG file is truncated";
    bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    if (sof) {
      if (len < 8) return "the JPEG file is corrupt (short frame header)";
      img.height_px = static_cast<int>(be16(b, at + 5));
      img.width_px = static_cast<int>(be16(b, at + 7));
      have_frame = true;
    }
    if (m == 0xDA) {  // start of scan: the image data runs to the EOI marker
      if (!have_frame) return "the JPEG file has no frame header before its image data";
      for (size_t i = at + 2 + len; i + 1 < b.size(); ++i)
        if (b[i] == 0xFF && b[i + 1] == 0xD9) return "";
      return "the JPEG file is truncated (no end-of-image marker)";
    }
    at += 2 + len;
  }
}

std::string lower_extension(const std::string& path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  for (char& ch : ext)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return ext;
}

}  // namespace

std::shared_ptr<const frame::ImageData> read_image(const std::string& path, const SourceLoc& loc,
                                                   DiagnosticSink& sink) {
  // The header first, so that a huge file that is no image is never read; then a read bounded
  // by kMaxImageBytes (a 2 GiB sparse file with a PNG header was read whole: 2.1 GB, 50 s).
  io::FileProblem unread;
  const std::optional<std::string> head = io::disk().read_prefix(path, 8, unread);
  const auto starts = [&](std::initializer_list<unsigned char> magic) {
    return head && head->size() >= magic.size() &&
           std::equal(magic.begin(), magic.end(), head->begin(),
                      [](unsigned char m, char c) { return m == static_cast<unsigned char>(c); });
  };
  if (head && !starts({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}) &&
      !starts({0xFF, 0xD8, 0xFF})) {
    sink.error(loc, "'" + path + "' is neither a PNG nor a JPEG image",
               {"convert the image to PNG or JPEG"});
    return nullptr;
  }
  std::optional<std::string> bytes;
  if (head) bytes = io::disk().read(path, kMaxImageBytes, unread);
  if (!bytes) {
    sink.error(loc, "cannot read image '" + path + "': " + unread.reason,
               {"images may have at most " + std::to_string(kMaxImageBytes >> 20) + " MiB"});
    return nullptr;
  }
  auto img = std::make_shared<frame::ImageData>();
  img->bytes.assign(bytes->begin(), bytes->end());
  bytes.reset();
  img->loc = loc;
  img->source_path = path;
  const Bytes& b = img->bytes;
  std::string problem;
  if (b.size() >= 8 && std::equal(std::begin(kPngMagic), std::end(kPngMagic), b.begin())) {
    img->kind = frame::ImageData::Kind::png;
    problem = check_png(b, *img);
  } else if (b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) {
    img->kind = frame::ImageData::Kind::jpeg;
    problem = check_jpeg(b, *img);
  } else {
    sink.error(loc, "'" + path + "' is neither a PNG nor a JPEG image",
               {"convert the image to PNG or JPEG"});
    return nullptr;
  }
  if (!problem.empty()) {
    sink.error(loc, "cannot use image '" + path + "': " + problem,
               {"export the image again from its source"});
    return nullptr;
  }
  if (img->width_px <= 0 || img->height_px <= 0) {
    sink.error(loc, "image '" + path + "' has no pixels (width or height is 0)");
    return nullptr;
  }
  double pixels = double(img->width_px) * double(img->height_px);
  if (pixels > kMaxImagePixels) {
    sink.error(loc,
               "image '" + path + "' has " + std::to_string(img->width_px) + "×" +
                   std::to_string(img->height_px) + " pixels, more than the limit of " +
                   std::to_string(static_cast<long>(kMaxImagePixels / 1e6)) + " megapixels",
               {"scale the image down; 300 dpi at the printed size is plenty"});
    return nullptr;
  }
  const bool png = img->kind == frame::ImageData::Kind::png;
  std::string ext = lower_extension(path);
  bool ext_png = ext == "png", ext_jpeg = ext == "jpg" || ext == "jpeg";
  if ((png && ext_jpeg) || (!png && ext_png))
    sink.warning(loc,
                 "image '" + path + "' has the extension ." + ext + " but is a " +
                     (png ? "PNG" : "JPEG") + " image; it is read as " + (png ? "PNG" : "JPEG"),
                 {"rename the file to match its content"});
  return img;
}

std::vector<OrgNode> org_nodes(const report::Report& r) {
  std::map<std::string, int> index;
  for (size_t i = 0; i < r.organisation.size(); ++i)
    index[r.organisation[i].id] = static_cast<int>(i);
  std::vector<OrgNode> nodes;
  for (const report::OrgUnit& u : r.organisation) {
    OrgNode n;
    n.name = u.name;
    n.staff = u.staff;
    if (!u.parent.empty()) n.parent = index.at(u.parent);  // resolved by the report loader
    nodes.push_back(std::move(n));
  }
  return nodes;
}

namespace {

/// The IKU a chart shows: the listed ones in the listed order, or all.
std::vector<const compute::IkuResult*> chart_iku(const report::Chart& spec,
                                                 const compute::ComputedTables& c) {
  std::vector<const compute::IkuResult*> out;
  if (spec.iku.empty()) {
    for (const auto& k : c.iku) out.push_back(&k);
    return out;
  }
  for (const std::string& id : spec.iku)
    for (const auto& k : c.iku)
      if (k.iku->id == id) out.push_back(&k);
  return out;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? "; " : "") + names[i];
  return out;
}

std::vector<std::string> iku_names(const std::vector<const compute::IkuResult*>& iku) {
  std::vector<std::string> names;
  for (const auto* k : iku) names.push_back(k->iku->name);
  return names;
}

/// The note printed in place of a chart without data: `missing` is what none of `names` has.
std::string not_drawn(const std::string& missing, const std::vector<std::string>& names) {
  std::string note = "Grafik tidak digambarkan karena belum ada " + missing;
  return names.empty() ? note + "." : note + " untuk " + join_names(names) + ".";
}

/// Target vs realisasi per IKU. IKU scales differ (an index of 3,44 next to a percentage of
/// 97,49), so bar heights are percentages of each IKU's target (target = 100%), while the
/// labels on the bars print the actual target and realisasi.
Chart target_realisasi(const report::Chart& spec, const compute::ComputedTables& c) {
  Chart ch;
  ch.kind = Chart::Kind::bars;
  ch.y_title = "Persentase terhadap target (%)";
  ChartSeries target{"Target", {}, {}}, realisasi{"Realisasi", {}, {}};
  std::vector<std::string> left_out;
  for (const compute::IkuResult* k : chart_iku(spec, c)) {
    if (!k->capaian.known) {
      left_out.push_back(k->iku->name);
      continue;
    }
    ch.categories.push_back(k->iku->name);
    target.values.push_back(100);
    target.labels.push_back(k->target.text);
    realisasi.values.push_back(k->capaian.number);
    realisasi.labels.push_back(k->realisasi.text);
  }
  ch.series = {std::move(target), std::move(realisasi)};
  ch.note =
      "Tinggi batang: persentase terhadap target masing-masing indikator (target = 100%); "
      "angka pada batang: nilai target dan realisasi.";
  if (!left_out.empty()) ch.note += " Tanpa data capaian: " + join_names(left_out) + ".";
  if (!ch.has_data()) ch.note = not_drawn("data capaian", left_out);
  return ch;
}

/// Realisasi over the years, one line per IKU; a year an IKU has no figure for is NaN.
Chart trend(const report::Chart& spec, const compute::ComputedTables& c) {
  Chart ch;
  ch.kind = Chart::Kind::lines;
  auto iku = chart_iku(spec, c);
  std::set<int> years;
  std::set<std::string> units;
  for (const auto* k : iku) {
    units.insert(k->iku->unit);
    for (const auto& h : k->history) years.insert(h.year);
  }
  for (int y : years) ch.categories.push_back(std::to_string(y));
  for (const auto* k : iku) {
    ChartSeries s{k->iku->name, {}, {}};
    for (int y : years) {
      const compute::HistoryRow* row = nullptr;
      for (const auto& h : k->history)
        if (h.year == y) row = &h;
      bool known = row && row->realisasi.known;
      s.values.push_back(known ? row->realisasi.number : std::nan(""));
      s.labels.push_back(known ? row->realisasi.text : "");
    }
    ch.series.push_back(std::move(s));
  }
  ch.y_title = units.size() == 1 && !units.begin()->empty() ? "Realisasi (" + *units.begin() + ")"
                                                            : "Realisasi";
  if (units.size() > 1)
    ch.note = "Indikator dengan satuan berbeda digambarkan pada sumbu yang sama.";
  if (!ch.has_data()) ch.note = not_drawn("data realisasi tahunan", iku_names(iku));
  return ch;
}

/// Budget absorption per program; programs without a known serapan are named in the note.
Chart serapan(const compute::ComputedTables& c) {
  Chart ch;
  ch.kind = Chart::Kind::bars;
  ch.y_title = "Serapan anggaran (%)";
  ChartSeries s{"Serapan", {}, {}};
  std::vector<std::string> left_out;
  for (const auto& a : c.activities) {
    if (a.level != 0) continue;
    if (!a.budget.serapan.known) {
      left_out.push_back(a.activity->name);
      continue;
    }
    ch.categories.push_back(a.activity->name);
    s.values.push_back(a.budget.serapan.number);
    s.labels.push_back(a.budget.serapan.text);
  }
  ch.series.push_back(std::move(s));
  if (!left_out.empty())
    ch.note =
        "Tidak digambarkan karena realisasi anggarannya tidak diketahui: " + join_names(left_out) +
        ".";
  if (!ch.has_data()) ch.note = not_drawn("realisasi anggaran program", left_out);
  return ch;
}

}  // namespace

Chart make_chart(const report::Chart& spec, const compute::ComputedTables& c,
                 const std::string& label, DiagnosticSink& sink) {
  Chart ch;
  std::string missing;
  switch (spec.kind) {
    case report::Chart::Kind::target_realisasi:
      ch = target_realisasi(spec, c);
      missing = "none of the IKU it shows has a capaian (a realisasi)";
      break;
    case report::Chart::Kind::trend:
      ch = trend(spec, c);
      missing = "none of the IKU it shows has a realisasi in its history";
      break;
    case report::Chart::Kind::serapan:
      ch = serapan(c);
      missing = "no program has a known serapan (realisasi_anggaran of its activities)";
      break;
  }
  if (!ch.has_data())
    sink.warning(spec.loc,
                 label + ": chart '" + spec.id + "' is not drawn: " + missing +
                     "; a note stands in its place",
                 {"add the missing realisasi, or drop the @chart line"});
  return ch;
}

}  // namespace lkjip::doc
