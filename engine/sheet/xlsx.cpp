#include <xlsxwriter.h>

#include <algorithm>
#include <map>

#include "compute/formulas.h"
#include "sheet/workbook.h"

namespace lkjip::sheet {

Cell Cell::text(const std::string& s, bool bold) { return {compute::text_value(s), bold}; }

namespace {

using compute::Value;

/// The Excel number format of a known figure, e.g. `#,##0.00` or `0.00%`.
std::string number_format(const Value& v) {
  std::string f = v.kind == Value::Kind::percent ? "0" : "#,##0";
  if (v.decimals > 0) {
    f += '.';
    f.append(static_cast<size_t>(v.decimals), '0');
  }
  switch (v.kind) {
    case Value::Kind::percent:
      return f + "%";
    case Value::Kind::money:
      return "\"Rp\"" + f;
    default:  // a measure keeps its unit as literal text: "100%" of an IKU in % is 100
      return v.unit.empty() ? f : f + (v.unit == "%" ? "\"%\"" : "\" " + v.unit + "\"");
  }
}

/// The number a cell holds: the figure as printed (rounded to its decimals); percentages as
/// the fraction Excel's '%' format multiplies by 100.
double cell_number(const Value& v) {
  const compute::Exact printed = v.exact.rounded(v.decimals);
  return (v.kind == Value::Kind::percent ? printed / compute::Exact::integer(100) : printed)
      .to_double();
}

bool numeric(const Value& v) {
  // A unit holding a quote cannot stand in a format string: such a quantity stays text.
  return v.known && v.kind != Value::Kind::text && v.unit.find('"') == std::string::npos;
}

/// Approximate display width in characters (UTF-8 continuation bytes not counted).
size_t width(const std::string& s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// A valid worksheet name, unique in `taken`: forbidden characters become '-', at most 31
/// characters, a number appended on a clash.
std::string sheet_name(const std::string& wanted, std::vector<std::string>& taken) {
  std::string base;
  for (char c : wanted) base += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
  if (base.empty()) base = "Lembar";
  // At most n bytes, after a whole word when one fits, else on a UTF-8 boundary.
  const auto cut = [](std::string s, size_t n) {
    if (s.size() <= n) return s;
    if (const size_t space = s.rfind(' ', n); space != std::string::npos && space > n / 2)
      return s.substr(0, space);
    size_t end = n;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
  };
  std::string name = cut(base, 31);
  for (int n = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    name = cut(base, 31 - suffix.size()) + suffix;
  }
  taken.push_back(name);
  return name;
}

class Formats {
 public:
  explicit Formats(lxw_workbook* book) : book_(book) {}
  lxw_format* header() {
    if (!header_) {
      header_ = workbook_add_format(book_);
      format_set_bold(header_);
      format_set_text_wrap(header_);
      format_set_align(header_, LXW_ALIGN_CENTER);
      format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
      format_set_bg_color(header_, 0xD9D9D9);
      format_set_border(header_, LXW_BORDER_THIN);
    }
    return header_;
  }
  /// Text (left), a number in `code`, or an unknown figure (centred).
  lxw_format* cell(const std::string& code, bool bold, bool unknown) {
    const std::string key = code + (bold ? "|b" : "|") + (unknown ? "u" : "");
    auto& f = cells_[key];
    if (!f) {
      f = workbook_add_format(book_);
      if (!code.empty()) format_set_num_format(f, code.c_str());
      if (bold) format_set_bold(f);
      if (unknown) format_set_align(f, LXW_ALIGN_CENTER);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      format_set_border(f, LXW_BORDER_THIN);
      if (code.empty() && !unknown) format_set_text_wrap(f);
    }
    return f;
  }

 private:
  lxw_workbook* book_;
  lxw_format* header_ = nullptr;
  std::map<std::string, lxw_format*> cells_;
};

void write_sheet(lxw_worksheet* ws, const Sheet& s, Formats& formats) {
  std::vector<size_t> widths(s.header.size(), 6);
  for (size_t c = 0; c < s.header.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), s.header[c].c_str(), formats.header());
    widths[c] = std::max(widths[c], std::min<size_t>(width(s.header[c]), 18));
  }
  for (size_t r = 0; r < s.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < s.rows[r].size(); ++c) {
      const Cell& cell = s.rows[r][c];
      const Value& v = cell.value;
      const auto col = static_cast<lxw_col_t>(c);
      if (numeric(v)) {
        worksheet_write_number(ws, row, col, cell_number(v),
                               formats.cell(number_format(v), cell.bold, false));
      } else {
        worksheet_write_string(ws, row, col, v.text.c_str(),
                               formats.cell("", cell.bold, v.kind != Value::Kind::text));
      }
      if (c >= widths.size()) widths.resize(c + 1, 6);
      widths[c] = std::max(widths[c], width(v.text) + 2);
    }
  }
  for (size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::min<size_t>(widths[c], 60)), nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  if (!s.header.empty() && !s.rows.empty())
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(s.rows.size()),
                         static_cast<lxw_col_t>(s.header.size() - 1));
}

}  // namespace

std::string write_xlsx(const Workbook& book, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return "libxlsxwriter could not start a workbook";
  lxw_doc_properties props = {};
  props.title = const_cast<char*>(book.title.c_str());
  props.subject = const_cast<char*>(book.subject.c_str());
  props.author = const_cast<char*>(book.author.c_str());
  props.company = const_cast<char*>(book.author.c_str());
  props.created = static_cast<time_t>(book.created);
  workbook_set_properties(wb, &props);
  Formats formats(wb);
  std::vector<std::string> taken;
  for (const Sheet& s : book.sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(s.name, taken).c_str());
    if (!ws) {
      workbook_close(wb);
      return "libxlsxwriter refused the worksheet '" + s.name + "'";
    }
    write_sheet(ws, s, formats);
  }
  const lxw_error closed = workbook_close(wb);
  return closed == LXW_NO_ERROR ? std::string()
                                : std::string("libxlsxwriter: ") + lxw_strerror(closed);
}

}  // namespace lkjip::sheet
