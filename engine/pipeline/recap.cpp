#include "pipeline/recap.h"

#include <algorithm>
#include <chrono>

#include "compute/format.h"
#include "compute/formulas.h"
#include "compute/json.h"
#include "doc/doc.h"
#include "doc/text_util.h"
#include "layout/paginate.h"
#include "pdf/pdf_writer.h"
#include "report/model.h"
#include "pipeline/workbook.h"

namespace lkjip::pipeline {

namespace {

using compute::Exact;
using compute::Recap;
using compute::RecapRow;
using compute::Value;

/// The printed figure as a plain decimal ("86.34", "3023722086"); empty when unknown.
std::string machine(const Value& v) {
  return v.known ? v.exact.rounded(v.decimals).to_string() : std::string();
}

// ---- JSON and CSV ------------------------------------------------------------------------------

void json_figure(std::string& out, const char* name, const Value& v) {
  const std::string m = machine(v);
  out += ", " + compute::json_quote(name) + ": " + (m.empty() ? "null" : m) + ", " +
         compute::json_quote(std::string(name) + "_text") + ": " + compute::json_quote(v.text);
}

/// The figures shared by unit rows and the totals, in column order.
template <class Row>
void json_figures(std::string& out, const Row& r) {
  json_figure(out, "capaian", r.capaian);
  json_figure(out, "jumlah_iku", r.jumlah_iku);
  json_figure(out, "melampaui", r.melampaui);
  json_figure(out, "tercapai", r.tercapai);
  json_figure(out, "tidak_tercapai", r.tidak_tercapai);
  json_figure(out, "tanpa_data", r.tanpa_data);
  json_figure(out, "anggaran", r.anggaran);
  json_figure(out, "realisasi", r.realisasi);
  json_figure(out, "serapan", r.serapan);
}

std::string csv_field(const std::string& s, const CsvDialect& d) {
  if (s.find_first_of(std::string{d.separator, '"', '\r', '\n'}) == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

/// machine(v) with the dialect's decimal sign.
std::string csv_figure(const Value& v, const CsvDialect& d) {
  std::string m = machine(v);
  std::replace(m.begin(), m.end(), '.', d.decimal);
  return m;
}

template <class Row>
std::string csv_line(const std::string& unit, const std::string& predikat, const Row& r,
                     const CsvDialect& d) {
  std::string line = csv_field(unit, d) + d.separator + csv_figure(r.capaian, d) + d.separator +
                     csv_field(predikat, d);
  for (const Value* v : {&r.jumlah_iku, &r.melampaui, &r.tercapai, &r.tidak_tercapai,
                         &r.tanpa_data, &r.anggaran, &r.realisasi, &r.serapan})
    line += d.separator + csv_figure(*v, d);
  return line + "\r\n";
}

// ---- The typeset recap -------------------------------------------------------------------------

doc::Cell cell(const std::string& text, doc::CellAlign align = doc::CellAlign::left,
               bool bold = false) {
  doc::Paragraph p;
  p.indent = false;
  p.align = align == doc::CellAlign::center ? report::HAlign::center
            : align == doc::CellAlign::left ? report::HAlign::left
                                            : report::HAlign::right;
  p.content.push_back({text, false, false, false, ""});
  doc::Cell c;
  c.blocks.push_back({std::move(p)});
  c.align = align;
  c.bold = bold;
  return c;
}

doc::Cell head(const std::string& text, int colspan = 1, int rowspan = 1) {
  doc::Cell c = cell(text, doc::CellAlign::center, true);
  c.colspan = colspan;
  c.rowspan = rowspan;
  return c;
}

/// A figure cell: percentages on their decimal comma, counts and money to the right, the
/// unknown marker centred. Money is printed without "Rp" (the column header says it), so that
/// units with different money styles line up.
doc::Cell number(const Value& v) {
  if (!v.known) return cell(v.text, doc::CellAlign::center);
  if (v.kind == Value::Kind::money)
    return cell(compute::format_number(v.exact, 0), doc::CellAlign::right);
  return cell(v.text,
              v.kind == Value::Kind::percent ? doc::CellAlign::decimal : doc::CellAlign::right);
}

/// The IKU counts (tanpa_data only when `no_data_column`) and the budget figures of a row.
template <class Row>
void add_figures(std::vector<doc::Cell>& cells, const Row& r, bool no_data_column) {
  for (const Value* v : {&r.jumlah_iku, &r.melampaui, &r.tercapai, &r.tidak_tercapai})
    cells.push_back(number(*v));
  if (no_data_column) cells.push_back(number(r.tanpa_data));
  for (const Value* v : {&r.anggaran, &r.realisasi, &r.serapan}) cells.push_back(number(*v));
}

doc::Table recap_table(const Recap& recap) {
  doc::Table t;
  t.anchor = "tabel_rekap";
  t.label = "Tabel 1";
  t.caption.push_back({"Rekapitulasi Capaian Kinerja dan Serapan Anggaran Unit Kerja " +
                           recap.region + " Tahun " + std::to_string(recap.year),
                       false, false, false, ""});
  // No, unit, capaian, predikat, the IKU counts, anggaran, realisasi, serapan. The count of IKU
  // without a realisation gets a column only when some unit has one: otherwise it is 0 for all.
  const bool no_data_column = recap.total.tanpa_data.exact > Exact();
  t.columns = {{4, false}, {22, false}, {9, true}, {12, false},
               {5, true},  {7, true},   {6, true}, {6, true}};
  if (no_data_column) t.columns.push_back({6, true});
  t.columns.insert(t.columns.end(), {{12, true}, {12, true}, {8, true}});
  const int counts = no_data_column ? 5 : 4;
  t.header.push_back(
      {doc::Row::Kind::body,
       {head("No", 1, 2), head("Unit Kerja", 1, 2), head("Capaian Kinerja", 1, 2),
        head("Predikat", 1, 2), head("Indikator Kinerja Utama", counts),
        head("Anggaran (Rp)", 1, 2), head("Realisasi (Rp)", 1, 2), head("Serapan", 1, 2)}});
  doc::Row count_heads{
      doc::Row::Kind::body,
      {head("Jumlah"), head("Melampaui"), head("Tercapai"), head("Tidak Tercapai")}};
  if (no_data_column) count_heads.cells.push_back(head("Tanpa Data"));
  t.header.push_back(std::move(count_heads));
  for (size_t i = 0; i < recap.rows.size(); ++i) {
    const RecapRow& r = recap.rows[i];
    std::vector<doc::Cell> cells = {cell(std::to_string(i + 1), doc::CellAlign::center),
                                    cell(r.unit), number(r.capaian), cell(r.predikat.text)};
    add_figures(cells, r, no_data_column);
    t.body.push_back({doc::Row::Kind::body, std::move(cells)});
  }
  doc::Cell label = cell("JUMLAH", doc::CellAlign::center, true);
  label.colspan = 2;
  std::vector<doc::Cell> cells = {label, number(recap.total.capaian), cell("")};
  add_figures(cells, recap.total, no_data_column);
  for (doc::Cell& c : cells) c.bold = true;
  t.body.push_back({doc::Row::Kind::total, std::move(cells)});
  t.source =
      "Capaian kinerja: rata-rata yang ditetapkan tiap unit; baris jumlah: rata-rata "
      "capaian unit, jumlah anggaran dan realisasi, serapan = jumlah realisasi / jumlah "
      "anggaran";
  if (recap.total.serapan_units < recap.rows.size())
    t.source += " (atas " + std::to_string(recap.total.serapan_units) +
                " unit yang anggaran dan realisasinya diketahui)";
  if (no_data_column)
    t.source += "; tanpa data: IKU tanpa realisasi, termasuk dalam jumlah IKU tetapi tidak dalam "
                "capaian dan predikat";
  t.source += ".";
  return t;
}

doc::Document recap_document(const Recap& recap, int64_t epoch) {
  const std::string year = std::to_string(recap.year);
  doc::Document d;
  d.cover.title = "REKAPITULASI LAPORAN KINERJA INSTANSI PEMERINTAH";
  d.cover.year_line = "TAHUN " + year;
  d.cover.unit = "PERANGKAT DAERAH DAN KECAMATAN";
  d.cover.region = doc::upper(recap.region);
  doc::Chapter ch;
  ch.anchor = "rekap";
  ch.title = "REKAPITULASI CAPAIAN KINERJA DAN SERAPAN ANGGARAN";
  doc::Paragraph intro;
  intro.content.push_back(
      {"Tabel berikut merangkum Laporan Kinerja Instansi Pemerintah (LKjIP) tahun " + year +
           " dari " + std::to_string(recap.rows.size()) + " unit kerja " + recap.region +
           ". Setiap angka diambil dari perhitungan laporan unit yang bersangkutan.",
       false, false, false, ""});
  ch.blocks.push_back({std::move(intro)});
  ch.blocks.push_back({recap_table(recap)});
  d.body.push_back(std::move(ch));
  d.running_header = "Rekapitulasi LKjIP " + recap.region + " Tahun " + year;
  d.info.title = d.running_header;
  d.info.author = recap.region;
  d.info.subject =
      "Rekapitulasi capaian kinerja dan serapan anggaran " + recap.region + " tahun " + year;
  d.info.keywords = "LKjIP, SAKIP, rekapitulasi, " + recap.region + ", " + year;
  d.info.epoch = epoch;
  return d;
}

}  // namespace

std::optional<RecapSort> parse_recap_sort(const std::string& name) {
  if (name == "unit") return RecapSort::unit;
  if (name == "capaian") return RecapSort::capaian;
  if (name == "serapan") return RecapSort::serapan;
  if (name == "anggaran") return RecapSort::anggaran;
  return std::nullopt;
}

std::optional<Recap> build_recap(const std::vector<std::string>& inputs, DiagnosticSink& sink) {
  Recap recap;
  bool failed = inputs.empty();
  if (failed) sink.error({}, "recap: no descriptions given");
  for (const std::string& input : inputs) {
    auto rep = report::load_description(input, {}, sink);
    if (!rep) {
      failed = true;
      continue;
    }
    const auto c = compute::compute(*rep);
    RecapRow row = compute::recap_row(rep->unit, input, c);
    if (recap.rows.empty()) {
      recap.region = rep->region;
      recap.year = rep->year;
    } else if (rep->region != recap.region || rep->year != recap.year) {
      sink.warning({input},
                   "this unit reports on " + rep->region + " " + std::to_string(rep->year) +
                       ", the first one on " + recap.region + " " + std::to_string(recap.year),
                   {"the recap is titled after the first description"});
    }
    namespace chr = std::chrono;
    const chr::sys_days day = chr::year(rep->date.year) / rep->date.month / rep->date.day;
    recap.epoch = std::max<int64_t>(recap.epoch, day.time_since_epoch().count() * int64_t{86400});
    recap.rows.push_back(std::move(row));
  }
  if (failed) return std::nullopt;
  recap.total = compute::recap_totals(recap.rows);
  return recap;
}

void sort_recap(Recap& recap, RecapSort by) {
  if (by == RecapSort::input) return;
  if (by == RecapSort::unit) {
    std::stable_sort(recap.rows.begin(), recap.rows.end(),
                     [](const RecapRow& a, const RecapRow& b) { return a.unit < b.unit; });
    return;
  }
  const auto key = [by](const RecapRow& r) -> const Value& {
    return by == RecapSort::capaian ? r.capaian : by == RecapSort::serapan ? r.serapan : r.anggaran;
  };
  std::stable_sort(recap.rows.begin(), recap.rows.end(), [&](const RecapRow& a, const RecapRow& b) {
    const Value &x = key(a), &y = key(b);
    if (x.known != y.known) return x.known;
    return x.known && x.exact > y.exact;
  });
}

std::string recap_json(const Recap& recap) {
  std::string out = "{\"region\": " + compute::json_quote(recap.region) +
                    ", \"year\": " + std::to_string(recap.year) + ", \"units\": [";
  for (size_t i = 0; i < recap.rows.size(); ++i) {
    const RecapRow& r = recap.rows[i];
    out += i ? ",\n  " : "\n  ";
    out += "{\"unit\": " + compute::json_quote(r.unit) +
           ", \"source\": " + compute::json_quote(r.source) +
           ", \"average\": " + compute::json_quote(r.average_name);
    json_figures(out, r);
    out += ", \"predikat\": " + compute::json_quote(r.predikat.text) + "}";
  }
  out += "],\n \"total\": {\"units\": " + std::to_string(recap.rows.size()) +
         ", \"serapan_units\": " + std::to_string(recap.total.serapan_units);
  json_figures(out, recap.total);
  return out + "}}\n";
}

std::string recap_csv(const Recap& recap, const CsvDialect& dialect) {
  std::string header;
  for (const char* name : {"unit", "capaian", "predikat", "jumlah_iku", "melampaui", "tercapai",
                           "tidak_tercapai", "tanpa_data", "anggaran", "realisasi", "serapan"})
    header += (header.empty() ? "" : std::string(1, dialect.separator)) + name;
  std::string out = (dialect.bom ? "\xEF\xBB\xBF" : "") + header + "\r\n";
  for (const RecapRow& r : recap.rows) out += csv_line(r.unit, r.predikat.text, r, dialect);
  return out + csv_line("JUMLAH", "", recap.total, dialect);
}

std::optional<std::string> recap_xlsx(const Recap& recap, std::optional<int64_t> epoch,
                                      std::string& error) {
  sheet::Sheet s;
  s.name = "Rekapitulasi";
  s.header = {"No",       "Unit Kerja",   "Capaian Kinerja", "Predikat", "Jumlah IKU",
              "Melampaui", "Tercapai",    "Tidak Tercapai",  "Tanpa Data", "Anggaran",
              "Realisasi", "Serapan"};
  const auto line = [](std::vector<sheet::Cell> cells, const auto& r, const Value& predikat,
                       bool bold) {
    cells.push_back({r.capaian, bold});
    cells.push_back({predikat, bold});
    for (const Value* v : {&r.jumlah_iku, &r.melampaui, &r.tercapai, &r.tidak_tercapai,
                           &r.tanpa_data, &r.anggaran, &r.realisasi, &r.serapan})
      cells.push_back({*v, bold});
    return cells;
  };
  for (size_t i = 0; i < recap.rows.size(); ++i) {
    const RecapRow& r = recap.rows[i];
    const Value no = compute::number_value(Value::Kind::integer,
                                           Exact::integer(static_cast<int64_t>(i + 1)), 0);
    s.rows.push_back(line({{no}, sheet::Cell::text(r.unit)}, r, r.predikat, false));
  }
  s.rows.push_back(line({sheet::Cell::text("", true), sheet::Cell::text("JUMLAH", true)},
                        recap.total, compute::text_value(""), true));
  sheet::Workbook book;
  book.title = "Rekapitulasi LKjIP " + recap.region + " Tahun " + std::to_string(recap.year);
  book.subject =
      "Rekapitulasi capaian kinerja dan serapan anggaran " + recap.region + " tahun " +
      std::to_string(recap.year);
  book.author = recap.region;
  book.created = epoch.value_or(recap.epoch);
  book.sheets.push_back(std::move(s));
  return xlsx_bytes(book, error);
}

std::optional<std::string> recap_pdf(const Recap& recap, const RecapPdfOptions& options,
                                     Resources& resources, DiagnosticSink& sink) {
  auto style = resources.layout(options.layout, sink);
  if (!style) return std::nullopt;
  auto fonts = resources.fonts(*style, sink);
  std::shared_ptr<const text::Hyphenator> hyph;
  if (style->hyphenate) hyph = resources.hyphenator(style->hyphenation_dictionary, sink);
  if (!fonts || sink.has_errors()) return std::nullopt;

  const doc::Document document = recap_document(recap, options.epoch.value_or(recap.epoch));
  layout::Context ctx{*style, *fonts, hyph.get(), sink};
  const auto paged = layout::layout_document(ctx, document);
  auto bytes = pdf::write_pdf(paged, pdf::PdfOptions{}, sink);
  if (!bytes || sink.has_errors()) return std::nullopt;
  return bytes;
}

}  // namespace lkjip::pipeline
